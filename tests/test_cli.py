"""Tests for jamsos_pemilu.cli: in-process through main(), and a few as a user would run the installed command."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from jamsos_pemilu import __version__
from jamsos_pemilu.cli import _BENEFITS, help_pages, main
from jamsos_pemilu.l10n import Language

COMMAND = shutil.which("jamsos-pemilu")
NIK = "3302114506990003"
OFFICER: dict[str, object] = {
    "nik": NIK,
    "name": "Sri",
    "role": "kpps",
    "position": "anggota",
    "election": "pemilu_2024",
    "appointment": {"start": "2024-01-25", "end": "2024-02-25"},
    "bpjs_registered_on": "2024-01-30",
}


class Run:
    """The outcome of one in-process run: exit status, standard output and standard error."""

    def __init__(self, status: int, out: str, err: str) -> None:
        self.status = status
        self.out = out
        self.err = err


def cli(*args: str, stdin: str = "") -> Run:
    """Run the command line in-process with ``args`` (and ``stdin`` for ``-``)."""
    out, err = io.StringIO(), io.StringIO()
    status = main(list(args), out=out, err=err, stdin=io.StringIO(stdin))
    return Run(status, out.getvalue(), err.getvalue())


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed command (or the module) with ``args``, as a user would."""
    prefix = [COMMAND] if COMMAND else [sys.executable, "-m", "jamsos_pemilu.cli"]
    return subprocess.run([*prefix, *args], capture_output=True, text=True, timeout=120, check=False, input=stdin)


# ---------------------------------------------------------------- reports


def test_premium_prints_the_kpu_sulsel_figure() -> None:
    """`premium` prints Rp13.500 for a ketua PPK on Rp2.500.000."""
    result = cli("premium", "--wage", "2.500.000", "--month", "2024-02")
    assert result.status == 0
    assert "Rp13.500" in result.out


def test_premium_json_in_english_with_lang_before_the_command() -> None:
    """`--lang` works before or after the command; `--json` carries integers."""
    result = cli("--lang", "en", "premium", "--wage", "1500000", "--month", "2024-02", "--json")
    assert result.status == 0
    assert json.loads(result.out)["total"] == 8_100


@pytest.mark.parametrize("wage", ["2500000", "2.500.000", "2,500,000", "Rp2.500.000"])
def test_premium_reads_every_accepted_way_of_writing_money(wage: str) -> None:
    """Digits, dot grouping and unambiguous comma grouping price the same Rp2.500.000."""
    result = cli("premium", "--wage", wage, "--month", "2024-02", "--json")
    assert json.loads(result.out)["total"] == 13_500


@pytest.mark.parametrize(
    ("wage", "said"),
    [
        ("2500000.50", "write 2500000 or 2.500.000"),
        ("1.100,50", "mixes '.' and ','"),
        ("2,5", "after a decimal comma"),
        ("2,500", "ambiguous"),
    ],
)
def test_money_the_cli_cannot_read_exactly_is_refused_not_misread(wage: str, said: str) -> None:
    """A fraction, a decimal comma or mixed separators exits 1 saying what was read, never prices 100x off."""
    result = cli("premium", "--wage", wage, "--month", "2024-02")
    assert result.status == 1
    assert result.out == ""
    assert said in result.err
    assert "--wage" in result.err


def test_benefit_jkm_death_cites_its_rule() -> None:
    """`benefit jkm-death` prints the Rp42.000.000 total with citations."""
    result = cli("benefit", "jkm-death", "--date", "2024-02-14")
    assert result.status == 0
    assert "Rp42.000.000" in result.out
    assert "PP 82/2019 Pasal 34" in result.out


def test_benefit_jkk_death_json() -> None:
    """`benefit jkk-death --json` gives 48 × wage as the first line."""
    result = cli("benefit", "jkk-death", "--date", "2024-02-14", "--wage", "1100000", "--json")
    assert json.loads(result.out)["lines"][0]["amount"] == 52_800_000


@pytest.mark.parametrize(
    "args",
    [
        ("jkk-partial-disability", "--wage", "1100000", "--impairment", "one_eye"),
        ("jkk-partial-disability", "--wage", "1100000", "--impairment", "35%"),
        ("jkk-transport", "--transport-cost", "land=750000", "--transport-cost", "sea=1.000.000"),
        ("jkk-home-care", "--care-cost", "2000000", "--months", "2"),
        ("jkk-medical-care",),
        ("jkk-stmb", "--wage", "1100000", "--months", "3"),
        ("jkk-total-disability", "--wage", "1100000", "--children", "TK,SD"),
        ("santunan-death", "--body", "bawaslu"),
        ("santunan-moderate-injury",),
    ],
)
def test_every_benefit_kind_runs_in_both_forms(args: tuple[str, ...]) -> None:
    """Each benefit kind prints a report and, with --json, a result with its kind."""
    text = cli("benefit", args[0], "--date", "2024-02-14", *args[1:])
    data = cli("benefit", args[0], "--date", "2024-02-14", *args[1:], "--json")
    assert (text.status, data.status) == (0, 0), text.err + data.err
    assert json.loads(data.out)["kind"]


def test_every_benefit_kind_is_tested() -> None:
    """The kinds the command offers are the kinds above (a new one needs a test)."""
    tested = {
        "jkm-death",
        "jkk-death",
        "jkk-partial-disability",
        "jkk-transport",
        "jkk-home-care",
        "jkk-medical-care",
        "jkk-stmb",
        "jkk-total-disability",
        "santunan-death",
        "santunan-moderate-injury",
        "santunan-permanent-disability",
        "santunan-serious-injury",
    }
    assert set(_BENEFITS) == tested


def test_check_with_officer_file_masks_the_nik(tmp_path: Path) -> None:
    """`check` reads an officer file and a shipped agreement and decides, never printing the NIK whole."""
    officer = tmp_path / "officer.json"
    officer.write_text(json.dumps(OFFICER), encoding="utf-8")
    args = ("check", "--officer", str(officer), "--agreement", "kota-cilegon-pemilu-2024", "--date", "2024-02-14")
    text = cli(*args, "--lang", "en")
    data = cli(*args, "--json")
    assert text.status == 0
    assert "JKM:" in text.out
    assert NIK not in text.out + data.out
    assert json.loads(data.out)["kind"]


def test_a_dash_reads_the_officer_from_standard_input() -> None:
    """`--officer -` reads the JSON from standard input."""
    result = cli("check", "--officer", "-", "--date", "2024-02-14", stdin=json.dumps(OFFICER))
    assert result.status == 0, result.err


def test_a_dash_reads_an_agreement_from_standard_input() -> None:
    """`budget -` reads the agreement document from standard input."""
    from jamsos_pemilu.serialization import shipped_agreement, to_dict

    document = json.dumps(to_dict(shipped_agreement("kota-palu-pilkada-2024")))
    result = cli("budget", "-", "--json", stdin=document)
    assert result.status == 0, result.err
    assert json.loads(result.out)["total"] == 264_762_000


def test_a_file_saved_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    """An officer file saved by Notepad or Excel with a UTF-8 byte-order mark loads like any other."""
    officer = tmp_path / "officer.json"
    officer.write_text("\ufeff" + json.dumps(OFFICER), encoding="utf-8")
    result = cli("check", "--officer", str(officer), "--date", "2024-02-14")
    assert result.status == 0, result.err


def test_an_agreement_file_prices_like_the_shipped_agreement(tmp_path: Path) -> None:
    """`budget FILE` reads one agreement from JSON and prices it as the shipped copy."""
    from jamsos_pemilu.serialization import shipped_agreement, to_json

    path = tmp_path / "agreement.json"
    path.write_text(to_json(shipped_agreement("kota-palu-pilkada-2024")), encoding="utf-8")
    from_file = json.loads(cli("budget", str(path), "--json").out)
    shipped = json.loads(cli("budget", "kota-palu-pilkada-2024", "--json").out)
    assert from_file["total"] == shipped["total"] == 264_762_000


def test_standard_input_is_read_once() -> None:
    """Two `-` in one command is refused with a clear message (the second would read nothing)."""
    result = cli("check", "--officer", "-", "--agreement", "-", "--date", "2024-02-14", stdin=json.dumps(OFFICER))
    assert result.status == 1
    assert "only once" in result.err


def test_agreements_list_and_show() -> None:
    """`agreements` lists the shipped agreements; with an id it shows one; both have --json."""
    listing = cli("agreements")
    assert listing.status == 0
    assert "Kab. Asahan" in listing.out
    shown = cli("agreements", "kab-asahan-pilkada-2024", "--lang", "en")
    assert "15,753" in shown.out
    assert len(json.loads(cli("agreements", "--json").out)) >= 20
    assert json.loads(cli("agreements", "kab-asahan-pilkada-2024", "--json").out)["id"] == "kab-asahan-pilkada-2024"


def test_budget_of_a_shipped_agreement() -> None:
    """`budget` prints an agreement's premium budget."""
    result = cli("budget", "kota-cilegon-pemilu-2024")
    assert result.status == 0
    assert "Anggaran iuran" in result.out


def test_budget_with_reform(tmp_path: Path) -> None:
    """`budget --reform` applies a what-if and says so in the receipt."""
    reform = tmp_path / "reform.json"
    reform.write_text(json.dumps({"label": "JKM 0,40%", "overrides": {"pu.jkm_rate": "0.004"}}), encoding="utf-8")
    data = json.loads(cli("budget", "kota-cilegon-pemilu-2024", "--reform", str(reform), "--json").out)
    assert data["receipt"]["reforms"] == ["JKM 0,40%"]


def test_premium_with_a_reform_from_standard_input() -> None:
    """`premium --reform -` reads the reform from standard input and prices with it."""
    reform = json.dumps({"label": "JKM 0,40%", "overrides": {"pu.jkm_rate": "0.004"}})
    result = cli("premium", "--wage", "2500000", "--month", "2024-02", "--reform", "-", "--json", stdin=reform)
    assert json.loads(result.out)["total"] == 6_000 + 10_000


def test_rules_lists_parameters_with_citations() -> None:
    """`rules` lists parameters in force with citation and confidence, as text or JSON."""
    result = cli("rules", "--date", "2019-12-01", "--prefix", "jkm.lump")
    assert result.status == 0
    assert "16.200.000" in result.out
    assert "PP 44/2015" in result.out
    assert json.loads(cli("rules", "--date", "2019-12-01", "--prefix", "jkm.lump", "--json").out)["values"]


@pytest.mark.parametrize("name", ["agreement", "officer", "reform", "premium", "benefit", "coverage", "budget",
                                  "receipt", "roster_costs"])
def test_schema_prints_a_json_schema(name: str) -> None:
    """`schema NAME` prints a JSON Schema 2020-12 document, for inputs and results alike."""
    result = cli("schema", name)
    assert result.status == 0
    assert json.loads(result.out)["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_schema_without_a_name_lists_every_schema() -> None:
    """`schema` alone lists every schema name with its class, one a line."""
    result = cli("schema")
    assert result.status == 0
    listed = dict(line.split() for line in result.out.splitlines())
    assert listed["premium"] == "Premium" and listed["coverage"] == "CoverageDecision"
    assert listed["agreement-file"] == "AgreementFile"
    assert len(listed) >= 20


def test_an_unknown_schema_lists_the_known_ones() -> None:
    """`schema nope` exits 1 naming the schemas there are."""
    result = cli("schema", "nope")
    assert result.status == 1
    assert "accepted values: agreement" in result.err


def test_demo_opens_with_one_screen() -> None:
    """`demo` prints the overview table within 40 lines of at most 100 columns, in both languages."""
    for lang, word in (("id", "Tempat"), ("en", "Place")):
        result = cli("demo", "--lang", lang)
        lines = result.out.splitlines()
        assert result.status == 0
        assert len(lines) <= 40
        assert max(map(len, lines)) <= 100
        assert any(line.startswith(word) for line in lines)
        assert "demo --agreement" in result.out


def test_demo_shows_one_agreement_in_full() -> None:
    """`demo --agreement ID` prints the agreement, its budget and a sample officer."""
    result = cli("demo", "--agreement", "kota-cilegon-pemilu-2024", "--lang", "en")
    assert result.status == 0
    assert "Premium budget" in result.out or "budget" in result.out.lower()
    assert "Sample officer (fictional)" in result.out


# ---------------------------------------------------------------- manners


def test_version() -> None:
    """`--version` prints the library version and exits 0."""
    result = cli("--version")
    assert result.status == 0
    assert result.out.strip() == f"jamsos-pemilu {__version__}"


def test_every_subcommand_help_has_an_example_and_json_only_where_it_works() -> None:
    """Each command's help shows an example; it offers --json exactly when the command supports it."""
    pages = help_pages()
    assert set(pages) == {"", "premium", "benefit", "check", "agreements", "budget", "rules", "schema", "demo"}
    for name, text in pages.items():
        assert "example" in text and f"jamsos-pemilu {name}" in text, name
        if name:
            assert ("--json" in text) == (name not in {"schema", "demo"}), name


@pytest.mark.parametrize(
    ("args", "status", "message"),
    [
        (("premium", "--wage", "100"), 2, "the following arguments are required: --month"),
        (("frobnicate",), 2, "invalid choice"),
        (("demo", "--json"), 2, "unrecognized arguments: --json"),
        (("benefit", "jkk-everything", "--date", "2024-02-14"), 2, "invalid choice"),
        (("check", "--officer", "/no/such/file.json", "--date", "2024-02-14"), 1, "file not found: /no/such/file.json"),
        (("budget", "no-such-agreement"), 1, "unknown agreement 'no-such-agreement'"),
        (("premium", "--wage", "abc", "--month", "2024-02"), 1, "--wage: amount 'abc': not an amount of rupiah"),
        (("premium", "--wage", "100", "--month", "2024-13"), 1, "month number must be 1 to 12"),
        (("benefit", "jkk-death", "--date", "2024-02-14"), 1, "needs --wage"),
        (("benefit", "jkk-death", "--date", "14/02/2024", "--wage", "1"), 1, "write YYYY-MM-DD"),
        (("rules", "--date", "2014-01-01", "--prefix", "jkm"), 1, "no parameter in force on 2014-01-01"),
        (("--lang", "fr", "demo"), 1, "unknown language 'fr'"),
        (("premium", "--wage", "100", "--month", "2024-02", "--risk-class", "extreme"), 1, "unknown risk class"),
        (("budget", "x" * 5000 + ".json"), 1, "cannot read"),
        (("budget", "/"), 1, "is a directory"),
    ],
)
def test_usage_errors_exit_2_and_input_errors_exit_1_with_one_line(
    args: tuple[str, ...], status: int, message: str
) -> None:
    """A malformed command line exits 2; input or data the library refuses exits 1; one line each, no traceback."""
    result = cli(*args)
    assert result.status == status
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert message in lines[0]
    assert "Traceback" not in result.err
    assert result.out == ""


def test_bad_json_file_names_line_and_column(tmp_path: Path) -> None:
    """A broken officer file is reported with its line and column."""
    broken = tmp_path / "officer.json"
    broken.write_text('{"nik": "3302114506990003",\n  "name": }', encoding="utf-8")
    result = cli("check", "--officer", str(broken), "--date", "2024-02-14")
    assert result.status == 1
    assert "line 2 column 11" in result.err


@pytest.mark.parametrize(
    "text",
    ["[" * 100_000 + "]" * 100_000, '{"nik": ' + "9" * 5000 + "}", "\xff\xfe", "[1, 2]", "null"],
)
def test_hostile_files_get_one_line_and_exit_1(tmp_path: Path, text: str) -> None:
    """Deep nesting, huge numbers, other types: one line, exit 1, never a traceback."""
    path = tmp_path / "officer.json"
    path.write_text(text, encoding="latin-1")
    result = cli("check", "--officer", str(path), "--date", "2024-02-14")
    assert result.status == 1
    assert len(result.err.strip().splitlines()) == 1
    assert "Traceback" not in result.err


@pytest.mark.parametrize(
    ("field", "value"),
    [("role", NIK), ("name", 3302114506990003), ("appointment", NIK), ("bpjs_registered_on", NIK), ("nik", "x" + NIK)],
)
def test_a_nik_in_any_field_of_the_officer_file_is_never_printed_whole(
    tmp_path: Path, field: str, value: object
) -> None:
    """Whatever field a NIK lands in, the one-line error shows it masked."""
    officer = tmp_path / "officer.json"
    officer.write_text(json.dumps({**OFFICER, field: value}), encoding="utf-8")
    result = cli("check", "--officer", str(officer), "--date", "2024-02-14")
    assert result.status == 1
    assert NIK not in result.err + result.out


@pytest.mark.parametrize("option", ["--date", "--membership-start"])
def test_a_nik_typed_as_a_date_is_masked(option: str) -> None:
    """A NIK pasted into --date is refused and shown masked."""
    result = cli("benefit", "jkm-death", "--date", "2024-02-14", option, NIK)
    assert result.status == 1
    assert NIK not in result.err
    assert "330211******0003" in result.err


def test_a_nik_typed_as_a_month_or_wage_is_masked() -> None:
    """A NIK pasted into --month or --wage is refused and shown masked."""
    for args in (("--wage", "1000000", "--month", NIK), ("--wage", NIK, "--month", "2024-02")):
        result = cli("premium", *args)
        assert result.status == 1
        assert NIK not in result.err


def test_an_unexpected_error_is_one_line_and_exit_1(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug in the library still gives one line (no traceback) and exit status 1."""
    import jamsos_pemilu.cli as module

    def broken(*_: object) -> None:
        raise RuntimeError(f"boom {NIK}")

    monkeypatch.setattr(module, "_cmd_rules", broken)
    result = cli("rules", "--date", "2024-02-14")
    assert result.status == 1
    assert "unexpected error (RuntimeError): boom 330211******0003" in result.err
    assert NIK not in result.err


def test_main_returns_status_without_exiting() -> None:
    """main() returns 2 for a malformed command line instead of raising SystemExit."""
    assert main(["premium", "--wage", "1"], out=io.StringIO(), err=io.StringIO()) == 2


# ---------------------------------------------------------------- the installed command


def test_the_installed_command_runs_and_exits_with_the_documented_statuses() -> None:
    """As a user runs it: 0 for a report, 1 for refused input, 2 for a malformed command line; no traceback."""
    ok = run("premium", "--wage", "2.500.000", "--month", "2024-02")
    refused = run("premium", "--wage", "2500000.50", "--month", "2024-02")
    malformed = run("premium", "--month")
    assert (ok.returncode, refused.returncode, malformed.returncode) == (0, 1, 2)
    assert "Rp13.500" in ok.stdout
    assert "Traceback" not in refused.stderr + malformed.stderr


def test_the_installed_command_reads_standard_input() -> None:
    """`jamsos-pemilu check --officer -` reads the officer piped in."""
    result = run("check", "--officer", "-", "--date", "2024-02-14", "--json", stdin=json.dumps(OFFICER))
    assert result.returncode == 0, result.stderr
    assert NIK not in result.stdout


# ---------------------------------------------------------------- the demo's human text


def test_every_code_the_demo_may_show_has_words() -> None:
    """Instruments, budget sources, party parts and institution kinds all have Indonesian and English labels."""
    from jamsos_pemilu.agreements import AgreementKind
    from jamsos_pemilu.demo import AGREEMENT_KIND_TEXT, BUDGET_SOURCE_TEXT, INSTITUTION_KIND_TEXT, PARTY_ROLE_TEXT
    from jamsos_pemilu.institutions import InstitutionKind, PartyRole
    from jamsos_pemilu.schemes import BudgetSource

    assert set(AGREEMENT_KIND_TEXT) == set(AgreementKind)
    assert set(BUDGET_SOURCE_TEXT) == set(BudgetSource)
    assert set(PARTY_ROLE_TEXT) == set(PartyRole)
    assert set(INSTITUTION_KIND_TEXT) == set(InstitutionKind)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_demo_shows_no_internal_code(lang: Language) -> None:
    """No UPPER_SNAKE or lower_snake code (APBD_NPHD, self_paid, CARD_HANDOVER) in the overview or an agreement."""
    from jamsos_pemilu.demo import describe_agreement
    from jamsos_pemilu.serialization import shipped_agreements

    # The overview, and each agreement as the demo describes it (the budget and benefit blocks are their
    # modules' own renderings, tested there).
    texts = [cli("demo", "--lang", lang).out]
    texts += [describe_agreement(a, lang) for a in shipped_agreements()]
    code = re.compile(r"(?<![\w/.:-])[A-Za-z]+_[A-Za-z_]+(?![\w/.-])")
    # Notes are the data's own prose, quoted as written; this test is about what the demo itself says.
    quoted = {m for a in shipped_agreements() for note in a.notes for m in code.findall(note)}
    for text in texts:
        found = [m for m in code.findall(text) if m not in {"jamsos_pemilu", *quoted}]
        assert found == [], found[:5]


def test_an_unknown_number_in_the_overview_is_never_zero() -> None:
    """An agreement whose headcount is not reported shows ? (unknown), not 0, and names what is unknown."""
    from jamsos_pemilu.demo import overview_table
    from jamsos_pemilu.serialization import shipped_agreement

    table = overview_table([shipped_agreement("kpu-kota-bandung-pilkada-2024")], "en")
    row = table.splitlines()[2]
    assert " 0 " not in row and not row.rstrip().endswith(" 0")
    assert "?" in row
    assert "count" in row
