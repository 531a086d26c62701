"""Human text of every result, of the command line and of the demo: no internal codes, no false zeros, one language.

Every result type the library produces is rendered in every accepted spelling of both languages
("id", "id_ID", "id-ID", "en", "en_US"), and each command of ``jamsos-pemilu`` (and the demo) is
run in both languages. The rules the text must keep:

* **No internal code.** A snake_case identifier (``kepala_sekretariat``, ``apbd_nphd``), an
  UPPER_CASE enum name (``CARD_HANDOVER``, ``SELF_PAID``) or a dotted rule-book parameter name
  (``pu.jkm_rate``) never appears. The one place a parameter name may appear is the receipt's
  listing of rule values, one value a line (``  - pu.jkm_rate = 0,3% — PP 44/2015 ... [primer ...]``)
  and the "other reading" lines under it: there the name *is* the reference a reader looks up in
  the rule book (``jamsos-pemilu rules``), so those lines are taken out before the search. The
  receipt's warnings name unconfirmed values by their labels, not their names. Left alone: the
  package's own name (``jamsos_pemilu 0.2.0`` in a receipt's header), agreement ids (kebab-case,
  what a reader types after ``--agreement``) and web addresses (sources).
* **No false zero.** ``Rp0``/``IDR 0`` is shown only for an amount that is known to be zero, told
  apart by the code path: a line item whose amount is ``Rupiah(0)``, or a compared line whose
  both sides are known and equal (a difference of zero). An amount that is unknown (a budget no
  cohort of which could be priced, care paid as needed without a cap) is said in words.
* **One language.** A fixed list of tell-tale words of the other language never appears (English
  "unknown", "covered", "premium"... in Indonesian text; Indonesian "tidak diketahui",
  "tercakup", "iuran"... in English text), after taking out the words the reader's data brings
  with it (agreement titles, cohort labels, institution names, notes: they are quoted as reported).
* Any other language is refused with the library's :class:`~jamsos_pemilu.exceptions.InputError`.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import json
import re
from collections.abc import Iterable
from decimal import Decimal

import pytest

from jamsos_pemilu.agreements import Agreement
from jamsos_pemilu.benefits import (
    Child,
    EducationLevel,
    Impairment,
    SantunanEvent,
    TransportMode,
    jkk_death,
    jkk_home_care,
    jkk_medical_care,
    jkk_partial_disability,
    jkk_temporary_incapacity,
    jkk_total_disability,
    jkk_transport,
    jkm_death,
    santunan,
)
from jamsos_pemilu.budgets import agreement_budget, cohort_budget
from jamsos_pemilu.claims import jkk_claim_deadline
from jamsos_pemilu.cli import main
from jamsos_pemilu.eligibility import Incident, IncidentKind, check_coverage
from jamsos_pemilu.exceptions import InputError
from jamsos_pemilu.explain import Comparison, Result, compare
from jamsos_pemilu.law import Reform, default_rule_book, rules_on
from jamsos_pemilu.money import Rupiah
from jamsos_pemilu.officers import Officer
from jamsos_pemilu.periods import Month, Period
from jamsos_pemilu.premiums import late_fine, monthly_premium, period_premium
from jamsos_pemilu.roles import Body
from jamsos_pemilu.schemes import BudgetSource, NonWageEarner, RiskClass, WageEarner
from jamsos_pemilu.serialization import shipped_agreements

np = pytest.importorskip("numpy")

from jamsos_pemilu.batch import death_exposure, monthly_budget, monthly_premiums, roster_budget  # noqa: E402
from jamsos_pemilu.national import national_counts, national_picture  # noqa: E402
from jamsos_pemilu.roster_costs import roster_costs  # noqa: E402
from jamsos_pemilu.roster_coverage import check_roster_coverage, roster_chunk  # noqa: E402

LANGUAGES = ("id", "id_ID", "id-ID", "en", "en_US")
VOTING = dt.date(2024, 2, 14)
FEBRUARY = Month(2024, 2)
TERM = Period(dt.date(2024, 1, 25), dt.date(2024, 2, 25))
NIK = "3302114506990003"
WIDTH = 100

# ---------------------------------------------------------------- what the text must not hold

_URL = re.compile(r"https?://\S+")
_LISTED_VALUE = re.compile(r"^\s*- [a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+ = ")
_OTHER_READING = re.compile(r"^\s*(?:bacaan lain|other reading): ")
_SNAKE = re.compile(r"(?<![\w./-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w/-])")
_UPPER = re.compile(r"(?<![\w./-])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?![\w/-])")
_ALLOWED_CODES = frozenset({"jamsos_pemilu"})
_ZERO = re.compile(r"(?<![\w.,])(?:Rp0|IDR 0)(?![\d.,])")

ENGLISH_WORDS = (
    "unknown", "covered", "not covered", "uncertain", "premium", "premiums", "month", "months", "officers",
    "warning", "not reported", "benefit", "cohort", "rule values", "no monetary cap", "difference",
)
"""Tell-tale English words that never appear in Indonesian text."""

INDONESIAN_WORDS = (
    "tidak diketahui", "tak diketahui", "tercakup", "iuran", "jumlah", "bulan", "belum", "dilaporkan",
    "perhatian", "sebelum", "sesudah", "tanpa batas", "kelompok",
)
"""Tell-tale Indonesian words that never appear in English text."""


@functools.cache
def _parameter_name() -> re.Pattern[str]:
    """A dotted rule-book parameter name: one of the book's namespaces, a dot, more name."""
    spaces = sorted({parameter.name.split(".")[0] for parameter in default_rule_book()})
    return re.compile(r"(?<![\w.])(?:" + "|".join(spaces) + r")\.[a-z0-9_]+(?:\.[a-z0-9_]+)*")


def prose(text: str) -> str:
    """The text without the receipt's value listing (where a parameter's name is its reference) and web addresses."""
    lines = [line for line in text.splitlines() if not (_LISTED_VALUE.match(line) or _OTHER_READING.match(line))]
    return _URL.sub(" ", "\n".join(lines))


def internal_codes(text: str) -> list[str]:
    """Every snake_case, UPPER_CASE or parameter-name code in the text outside the receipt's listing."""
    shown = prose(text)
    found = [m for m in _SNAKE.findall(shown) if m not in _ALLOWED_CODES]
    found += _UPPER.findall(shown)
    found += _parameter_name().findall(shown)
    return found


def known_zero_labels(result: object) -> set[str]:
    """Labels of lines whose amount is known to be zero (a zero the reader may see), by the result's own data."""
    labels: set[str] = set()
    if isinstance(result, Comparison):
        for change in result.changes:
            if change.before is not None and change.after is not None and change.difference == Rupiah.zero():
                labels |= {change.label.id, change.label.en}
    for line in getattr(result, "lines", ()):
        if line.amount is not None and line.amount == Rupiah.zero():
            labels |= {line.label.id, line.label.en}
    return labels


def false_zeros(result: object, text: str) -> list[str]:
    """Lines showing a zero amount that the result does not know to be zero."""
    allowed = known_zero_labels(result)
    return [
        line for line in text.splitlines()
        if _ZERO.search(line) and not any(line.strip().startswith(label) for label in allowed)
    ]


def foreign_words(text: str, lang: str, data: Iterable[str] = ()) -> list[str]:
    """The other language's tell-tale words in ``text``, after taking out the data strings quoted as reported."""
    text = " ".join(text.split())  # a note folded over several lines is still the note
    for quoted in sorted({" ".join(d.split()) for d in data}, key=len, reverse=True):
        if quoted:
            text = text.replace(quoted, " ")
    words = INDONESIAN_WORDS if lang.startswith("en") else ENGLISH_WORDS
    lowered = text.lower()
    return [word for word in words if re.search(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", lowered)]


@functools.cache
def agreements() -> tuple[Agreement, ...]:
    """Every shipped agreement."""
    return tuple(shipped_agreements())


@functools.cache
def data_strings() -> tuple[str, ...]:
    """The strings agreements bring with them, shown as reported in whatever language they were written."""
    found: list[str] = []
    for agreement in agreements():
        found += [agreement.title, agreement.place or "", agreement.number or "", *agreement.notes, *agreement.sources]
        for party in agreement.parties:
            found += [party.institution.name, party.signatory or ""]
        if agreement.payer is not None and agreement.payer.institution is not None:
            found.append(agreement.payer.institution.name)
        for cohort in agreement.cohorts:
            found += [cohort.label or "", getattr(cohort, "note", None) or ""]
    return tuple(s for s in found if s)


# ---------------------------------------------------------------- every result the library produces


def _officer(registered: dt.date | None) -> Officer:
    return Officer(nik=NIK, name="Sri", role="KPPS", position="anggota", election="Pemilu 2024",
                   appointment=TERM, bpjs_registered_on=registered)


@functools.cache
def results() -> dict[str, Result]:
    """One result of every kind the library produces, keyed by a name for the test ids."""
    cilegon = next(a for a in agreements() if a.id == "kota-cilegon-pemilu-2024")
    wage = Rupiah(1_100_000)
    found: dict[str, Result] = {
        "premium": monthly_premium(Rupiah(2_500_000), month=FEBRUARY),
        "premium-high-risk": monthly_premium(Rupiah(2_500_000), WageEarner(RiskClass.TINGGI), month=FEBRUARY),
        "premium-bpu": monthly_premium(None, NonWageEarner(Rupiah(1_000_000)), month=FEBRUARY),
        "premium-pp49-relief": monthly_premium(Rupiah(2_500_000), month=Month(2020, 9)),
        "premium-bpu-relief-nphd": monthly_premium(
            None, NonWageEarner(), month=Month(2020, 9), budget_source=BudgetSource.APBD_NPHD
        ),
        "premium-bpu-self-paid": monthly_premium(
            None, NonWageEarner(), month=Month(2020, 9), budget_source=BudgetSource.SELF_PAID
        ),
        "premium-bpu-pp50-relief": monthly_premium(
            None, NonWageEarner(transport_sector=True), month=Month(2026, 1), budget_source=BudgetSource.SELF_PAID
        ),
        "schedule": period_premium(wage, period=TERM),
        "late-fine-pp49": late_fine(Rupiah(135), month=Month(2020, 9), paid_on=dt.date(2020, 12, 2)),
        "late-fine": late_fine(Rupiah(13_500), month=FEBRUARY, paid_on=dt.date(2024, 5, 2)),
        "jkm-death": jkm_death(on=VOTING, children=[Child(EducationLevel.SD)], membership_start=dt.date(2019, 1, 1)),
        "jkm-death-short-membership": jkm_death(
            on=VOTING, children=[Child(EducationLevel.SD)], membership_start=dt.date(2023, 1, 1)
        ),
        "jkk-death": jkk_death(wage, on=VOTING),
        "jkk-total-disability": jkk_total_disability(wage, on=VOTING, children=[Child(EducationLevel.TK)]),
        "jkk-partial-disability": jkk_partial_disability(
            wage, [Impairment(item="one_eye"), Impairment(percent=Decimal("0.35"), function_loss=Decimal("0.5"))],
            on=VOTING,
        ),
        "jkk-stmb": jkk_temporary_incapacity(wage, 14, on=VOTING),
        "jkk-transport": jkk_transport({TransportMode.LAND: Rupiah(750_000), TransportMode.SEA: Rupiah(1)}, on=VOTING),
        "jkk-home-care": jkk_home_care(Rupiah(2_000_000), 3, on=VOTING),
        "jkk-medical-care": jkk_medical_care(on=VOTING),
        "claim-deadline": jkk_claim_deadline(on=VOTING),
        "coverage-covered": check_coverage(_officer(dt.date(2024, 1, 30)), cilegon, on=VOTING),
        "coverage-not-covered": check_coverage(_officer(None), None, on=VOTING),
        "coverage-uncertain": check_coverage(_officer(None), cilegon, on=VOTING),
        "coverage-outside-term": check_coverage(_officer(dt.date(2024, 1, 30)), cilegon, on=dt.date(2024, 5, 1)),
        "coverage-late-claim": check_coverage(
            _officer(dt.date(2024, 1, 30)), cilegon, on=VOTING,
            incident=Incident(IncidentKind.WORK_ACCIDENT, VOTING, fatal=True, claim_filed_on=dt.date(2030, 1, 1)),
        ),
        "coverage-death-other": check_coverage(
            _officer(dt.date(2024, 1, 30)), cilegon, on=VOTING,
            incident=Incident(IncidentKind.DEATH_OTHER, VOTING, fatal=True),
        ),
        "premium-arrays": monthly_premiums(np.array([1_100_000, 2_500_000]), month=FEBRUARY),
        "monthly-budget": monthly_budget(np.array([0, 1]), np.array([1_100_000, 2_500_000]), month=FEBRUARY),
        "death-exposure": death_exposure(np.array([1_100_000, 2_500_000]), on=VOTING),
        "national-counts": national_counts("pemilu_2024", on=VOTING),
        "national-picture": national_picture("pemilu_2024", months=[FEBRUARY]),
        "comparison": compare(
            jkm_death(on=VOTING),
            jkm_death(on=VOTING, rules=rules_on(VOTING, reform=Reform("JKM naik", {"jkm.lump_sum": 30_000_000}))),
        ),
        "comparison-uncapped": compare(jkk_medical_care(on=VOTING), jkk_medical_care(on=VOTING)),
    }
    for event in SantunanEvent:
        for body in Body:
            found[f"santunan-{event.value}-{body.value}"] = santunan(event, on=VOTING, body=body)
    chunk = roster_chunk(
        role=["kpps", "ppk", "pps"], position=["anggota", "ketua", "anggota"], election="pemilu_2024",
        appointment_start="2024-01-25", appointment_end="2024-02-25",
        bpjs_registered_on=["2024-01-25", None, "2024-01-01"], wage=[1_100_000, None, 1_000_000],
    )
    found["roster-budget"] = roster_budget([chunk], month=FEBRUARY)
    found["roster-coverage"] = check_roster_coverage(chunk, list(agreements()), on=VOTING)
    found["roster-coverage-no-agreement"] = check_roster_coverage(chunk, None, on=VOTING)
    found["roster-costs"] = roster_costs(chunk, list(agreements()), months=[Month(2024, 1), FEBRUARY])
    for agreement in agreements():
        found[f"budget-{agreement.id}"] = agreement_budget(agreement)
        for index in range(len(agreement.cohorts)):
            found[f"cohort-{agreement.id}-{index}"] = cohort_budget(agreement, index)
    return found


RESULT_NAMES = tuple(results())


def test_the_checks_catch_each_kind_of_defect() -> None:
    """The checks above find the defects they look for (0.1.0's texts), and pass the receipt's listing."""
    assert internal_codes("priced at (Sekretariat Panwascam kepala_sekretariat, Rp1.550.000)") == ["kepala_sekretariat"]
    assert internal_codes("Payer: APBD_NPHD; kind CARD_HANDOVER") == ["APBD_NPHD", "CARD_HANDOVER"]
    assert internal_codes("PERHATIAN: nilai belum terkonfirmasi: jkk.death.floor.") == ["jkk.death.floor"]
    assert internal_codes("  - jkk.death.floor = Rp20.000.000 — PP 82/2019 Lampiran III [belum terkonfirmasi]") == []
    care = jkk_medical_care(on=VOTING)
    assert false_zeros(care, "  Jumlah: Rp0") == ["  Jumlah: Rp0"]
    assert false_zeros(care, "  Total: IDR 0") == ["  Total: IDR 0"]
    assert foreign_words("14 Februari 2024 (no agreement): not covered", "id") == ["covered", "not covered"]
    assert foreign_words("JKK: tidak tercakup, iuran Rp0", "en") == ["tercakup", "iuran"]


@pytest.mark.parametrize("name", RESULT_NAMES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_result_shows_no_internal_code(name: str, lang: str) -> None:
    """A result's text names roles, positions, budget sources and reasons in words, never by their codes."""
    text = results()[name].render(lang)
    assert internal_codes(text) == [], text


@pytest.mark.parametrize("name", RESULT_NAMES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_result_shows_no_false_zero(name: str, lang: str) -> None:
    """A zero amount is shown only where the result knows it is zero; an unknown or uncapped amount is said in words."""
    result = results()[name]
    text = result.render(lang)
    assert false_zeros(result, text) == [], text


@pytest.mark.parametrize("name", RESULT_NAMES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_result_speaks_one_language(name: str, lang: str) -> None:
    """Indonesian text holds no English tell-tale word and English text no Indonesian one."""
    text = results()[name].render(lang)
    assert foreign_words(text, lang, data_strings()) == [], text


@pytest.mark.parametrize("name", RESULT_NAMES)
def test_every_spelling_of_a_language_renders_the_same(name: str) -> None:
    """"id", "id_ID" and "id-ID" give one text; "en" and "en_US" another."""
    result = results()[name]
    assert result.render("id") == result.render("id_ID") == result.render("id-ID")
    assert result.render("en") == result.render("en_US")
    assert result.render("id") != result.render("en")


@pytest.mark.parametrize("name", RESULT_NAMES)
def test_another_language_is_refused(name: str) -> None:
    """A language the library does not speak is refused with its InputError."""
    with pytest.raises(InputError):
        results()[name].render("fr")


def test_every_result_kind_is_rendered_here() -> None:
    """Every Result subclass the library defines has a case above (a new kind needs one)."""
    rendered = {type(result) for result in results().values()}
    defined = set(_subclasses(Result))
    assert defined <= rendered, sorted(t.__name__ for t in defined - rendered)


def _subclasses(cls: type) -> set[type]:
    found: set[type] = set()
    subclasses: list[type] = cls.__subclasses__()
    for sub in subclasses:
        if sub.__module__.startswith("jamsos_pemilu."):
            found |= {sub} | _subclasses(sub)
    return found


def test_the_receipt_lists_parameter_names_and_warns_in_words() -> None:
    """The receipt's listing names each parameter (its reference); its warning names unconfirmed values by label."""
    receipt = results()["jkk-death"].receipt
    text = receipt.render("en")
    assert "  - jkk.death.floor = IDR 20,000,000" in text
    assert "jkk.death.floor" not in prose(text)
    assert "JKK death benefit floor" in receipt.warnings()[0].render("en")


def test_medical_care_has_no_cap_not_a_zero_total() -> None:
    """JKK medical care is paid as medically needed: the total says so in the data's words, never Rp0."""
    care = results()["jkk-medical-care"]
    assert "Jumlah: Pelayanan kesehatan (sesuai kebutuhan medis, tanpa batas nominal)" in care.render("id")
    assert "Total: Medical care (as medically needed, no monetary cap)" in care.render("en")


def test_an_unpriceable_budget_total_is_unknown() -> None:
    """A budget none of whose cohorts could be priced has an unknown total, and a partial one says 'at least'."""
    none = results()["budget-kota-mojokerto-pemilu-2024"].render("en")
    some = results()["budget-kab-bintan-pemilu-2024"].render("en")
    assert "Total: unknown (no cohort could be priced)" in none
    assert "Total: at least IDR 52,496,640 (2 cohort(s) could not be priced)" in some


def test_a_position_without_honorarium_is_named_in_words() -> None:
    """A note on a position without an honorarium names it in words (head of secretariat), not kepala_sekretariat."""
    text = results()["budget-bawaslu-ponorogo-pilkada-2020"].render("en")
    assert "Sekretariat Panwascam: support staff (non-civil servant)" in text


def test_a_payer_budget_source_is_in_words() -> None:
    """The payer's budget source reads as words (regional budget (APBD)), never APBD_NPHD or SELF PAID."""
    text = results()["budget-kab-bintan-pemilu-2024"].render("en")
    assert "Pemerintah Kabupaten Bintan, regional budget (APBD)" in text


def test_a_reform_label_is_masked_in_a_snapshot_repr() -> None:
    """A NIK typed into a reform's label never shows whole in a snapshot's or a book's repr."""
    reform = Reform(f"honor for {NIK}", {"jkm.lump_sum": 30_000_000})
    shown = repr(rules_on(VOTING, reform=reform)) + repr(default_rule_book().with_reform(reform))
    assert NIK not in shown
    assert "330211******0003" in shown


# ---------------------------------------------------------------- the command line and the demo


def cli(*args: str, stdin: str = "") -> str:
    """Run the command line in-process; its standard output (the run must succeed)."""
    out, err = io.StringIO(), io.StringIO()
    status = main(list(args), out=out, err=err, stdin=io.StringIO(stdin))
    assert status == 0, err.getvalue()
    return out.getvalue()


OFFICER = json.dumps(
    {"nik": NIK, "name": "Sri", "role": "kpps", "position": "anggota", "election": "pemilu_2024",
     "appointment": {"start": "2024-01-25", "end": "2024-02-25"}, "bpjs_registered_on": "2024-01-30"}
)
COMMANDS: dict[str, tuple[str, ...]] = {
    "premium": ("premium", "--wage", "2.500.000", "--month", "2024-02"),
    "premium-bpu": ("premium", "--scheme", "bpu", "--declared-income", "1000000", "--month", "2020-09",
                    "--budget-source", "apbd_nphd"),
    "benefit-jkm-death": ("benefit", "jkm-death", "--date", "2024-02-14", "--children", "SD",
                          "--membership-start", "2019-01-01"),
    "benefit-jkk-death": ("benefit", "jkk-death", "--date", "2024-02-14", "--wage", "1.100.000"),
    "benefit-jkk-total-disability": ("benefit", "jkk-total-disability", "--date", "2024-02-14", "--wage", "1100000"),
    "benefit-jkk-partial-disability": ("benefit", "jkk-partial-disability", "--date", "2024-02-14", "--wage",
                                       "1100000", "--impairment", "one_eye", "--impairment", "35%:50%"),
    "benefit-jkk-stmb": ("benefit", "jkk-stmb", "--date", "2024-02-14", "--wage", "1100000", "--months", "14"),
    "benefit-jkk-transport": ("benefit", "jkk-transport", "--date", "2024-02-14", "--transport-cost", "land=750000"),
    "benefit-jkk-home-care": ("benefit", "jkk-home-care", "--date", "2024-02-14", "--care-cost", "2000000",
                              "--months", "2"),
    "benefit-jkk-medical-care": ("benefit", "jkk-medical-care", "--date", "2024-02-14"),
    "benefit-santunan-death": ("benefit", "santunan-death", "--date", "2024-02-14", "--body", "bawaslu"),
    "benefit-santunan-permanent-disability": ("benefit", "santunan-permanent-disability", "--date", "2024-02-14"),
    "benefit-santunan-serious-injury": ("benefit", "santunan-serious-injury", "--date", "2024-02-14"),
    "benefit-santunan-moderate-injury": ("benefit", "santunan-moderate-injury", "--date", "2024-02-14"),
    "check": ("check", "--officer", "-", "--agreement", "kota-cilegon-pemilu-2024", "--date", "2024-02-14"),
    "check-no-agreement": ("check", "--officer", "-", "--date", "2024-02-14", "--incident", "work_accident",
                           "--fatal"),
    "budget": ("budget", "kota-cilegon-pemilu-2024"),
    "rules": ("rules", "--date", "2024-02-14"),
    "agreements": ("agreements",),
    "demo": ("demo",),
}


@functools.cache
def command_text(name: str, lang: str) -> str:
    """The output of one command (or the demo of one agreement: ``demo:ID``) in ``lang``."""
    args = ("demo", "--agreement", name.removeprefix("demo:")) if name.startswith("demo:") else COMMANDS[name]
    return cli("--lang", lang, *args, stdin=OFFICER)


def _command_names() -> list[str]:
    return [*COMMANDS, *(f"demo:{agreement.id}" for agreement in shipped_agreements())]


@pytest.mark.parametrize("name", _command_names())
@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_command_line_shows_no_code_and_no_false_zero(name: str, lang: str) -> None:
    """Each command and each agreement's demo names things in words and shows no zero for an unknown amount.

    The ``rules`` command lists parameters by name: it is the rule-value listing, so it is checked
    for codes in its values only.
    """
    text = command_text(name, lang)
    if name == "rules":
        text = "\n".join(line.split(None, 1)[1] if line.strip() else line for line in text.splitlines()[2:])
    assert internal_codes(text) == [], text
    assert [line for line in text.splitlines() if _ZERO.search(line)] == [], text


@pytest.mark.parametrize("name", [n for n in _command_names() if n != "rules"])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_command_line_speaks_one_language(name: str, lang: str) -> None:
    """Each command's report is in the language asked for (data quoted as reported aside)."""
    assert foreign_words(command_text(name, lang), lang, data_strings()) == []


@pytest.mark.parametrize("name", ["demo", *(f"demo:{agreement.id}" for agreement in shipped_agreements())])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_demo_fits_100_columns(name: str, lang: str) -> None:
    """Every line the demo prints fits 100 columns, except a web address, which is never broken."""
    wide = [line for line in command_text(name, lang).splitlines() if len(line) > WIDTH and not _URL.search(line)]
    assert wide == []


def test_the_agreement_list_gives_the_ids_to_ask_for() -> None:
    """The list of agreements shows each id that `demo --agreement ID` and `budget ID` take."""
    text = command_text("agreements", "en")
    assert all(agreement.id in text for agreement in shipped_agreements())
