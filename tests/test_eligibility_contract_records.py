"""The output contract of a coverage decision: its text in both languages, its flat records and its JSON.

Rules stated here (the shape a claims officer, a spreadsheet and a JSON consumer rely on):

- the text opens with "Keputusan kepesertaan" / "Coverage decision", the masked NIK, the date written in the
  reader's language and the agreement ("perjanjian <id>" / "agreement <id>", or "tanpa perjanjian" /
  "no agreement");
- then, per scope (JKK, JKM, the KPU/Bawaslu santunan), a line "  <scope>: <status>" and under it one line
  "    - <reason with its citations>" per reason; under another reading of a disputed cohort period, a line
  "  Menurut bacaan lain (<period>; <source>): <why>" and the decisions under it indented two more spaces;
- the receipt's warnings (a what-if reform) close the text; every line is its own line;
- ``records()`` gives one row per reason with exactly the keys officer, on, agreement, scope, status, code,
  text, text_en, citation (every article, joined by "; ") and confidence;
- ``to_dict()`` writes the incident the decision is about (or None), and a scope is parsed from its name or
  refused naming "coverage scope".
"""

from __future__ import annotations

import datetime as dt

import pytest

from jamsos_pemilu import Reform, rules_on
from jamsos_pemilu.agreements import Agreement, Cohort, Party
from jamsos_pemilu.eligibility import CoverageDecision, Incident, IncidentKind, Scope, check_coverage
from jamsos_pemilu.exceptions import UnknownCodeError
from jamsos_pemilu.institutions import Institution
from jamsos_pemilu.l10n import Language, Text
from jamsos_pemilu.officers import Officer
from jamsos_pemilu.periods import Period
from jamsos_pemilu.readings import Alternative

NIK = "3302114506990003"
MASKED = "330211******0003"
KPPS_TERM = Period(dt.date(2024, 1, 25), dt.date(2024, 2, 25))
VOTING_DAY = dt.date(2024, 2, 14)
RECORD_KEYS = ["officer", "on", "agreement", "scope", "status", "code", "text", "text_en", "citation", "confidence"]


def _officer(registered: dt.date | None = dt.date(2024, 1, 30)) -> Officer:
    return Officer(
        nik=NIK,
        name="Sri",
        role="kpps",
        position="anggota",
        election="pemilu_2024",
        appointment=KPPS_TERM,
        bpjs_registered_on=registered,
    )


def _agreement(cohort: Cohort | None = None) -> Agreement:
    return Agreement(
        id="pks-test",
        title="PKS test",
        elections=("pemilu_2024",),
        parties=(Party(Institution.bpjs("Cilegon"), {"provider"}),),
        programmes={"jkk", "jkm"},
        cohorts=(cohort or Cohort({"kpps"}, headcount=7, period=KPPS_TERM),),
    )


def _disputed() -> CoverageDecision:
    """A cohort whose reported period is a year off (2023), with the probable reading of 2024."""
    misprint = Period(dt.date(2023, 1, 25), dt.date(2023, 2, 25))
    why = Text(id="tahun salah cetak", en="year misprinted")
    cohort = Cohort({"kpps"}, headcount=7, period=misprint, period_readings=(Alternative(KPPS_TERM, "test.txt", why),))
    return check_coverage(_officer(), _agreement(cohort), on=VOTING_DAY)


def _decision_lines(decision: CoverageDecision, lang: Language, indent: str) -> list[str]:
    """The lines a list of scope decisions is expected to give, built from the decisions themselves."""
    lines: list[str] = []
    for scoped in decision.decisions:
        lines.append(f"{indent}{scoped.scope.text.render(lang)}: {scoped.status.text.render(lang)}")
        lines.extend(f"{indent}  - {reason.render(lang)}" for reason in scoped.reasons)
    return lines


@pytest.mark.parametrize(
    ("lang", "head"),
    [
        ("id", f"Keputusan kepesertaan: {MASKED}, 14 Februari 2024 (perjanjian pks-test)"),
        ("en", f"Coverage decision: {MASKED}, February 14, 2024 (agreement pks-test)"),
    ],
)
def test_text_opens_with_the_officer_the_date_and_the_agreement(lang: Language, head: str) -> None:
    """The decision's first line names the masked officer, the date in the reader's language and the agreement."""
    decision = check_coverage(_officer(), _agreement(), on=VOTING_DAY)
    assert decision.render(lang).splitlines()[0] == head


@pytest.mark.parametrize(
    ("lang", "head"),
    [
        ("id", f"Keputusan kepesertaan: {MASKED}, 14 Februari 2024 (tanpa perjanjian)"),
        ("en", f"Coverage decision: {MASKED}, February 14, 2024 (no agreement)"),
    ],
)
def test_text_says_when_no_agreement_was_given(lang: Language, head: str) -> None:
    """A decision made without an agreement says so on its first line."""
    decision = check_coverage(_officer(None), None, on=VOTING_DAY)
    assert decision.render(lang).splitlines()[0] == head


@pytest.mark.parametrize("lang", ["id", "en"])
def test_text_lists_each_scope_with_its_reasons_indented_under_it(lang: Language) -> None:
    """After the first line come, per scope, its status line (two spaces in) and its reasons ("    - ...")."""
    decision = check_coverage(_officer(), _agreement(), on=VOTING_DAY)
    lines = decision.render(lang).split("\n")
    assert lines[1:] == _decision_lines(decision, lang, "  ")
    assert lines[1] == ("  JKK: tercakup" if lang == "id" else "  JKK: covered")
    assert lines[2].startswith("    - ")


@pytest.mark.parametrize(
    ("lang", "heading"),
    [
        ("id", "  Menurut bacaan lain (2024-01-25/2024-02-25; test.txt): tahun salah cetak"),
        ("en", "  Under another reading (2024-01-25/2024-02-25; test.txt): year misprinted"),
    ],
)
def test_text_shows_the_decision_under_another_reading_indented_under_its_heading(lang: Language, heading: str) -> None:
    """A disputed cohort period shows the other reading (period; source): why, and the decision under it 4 spaces in."""
    decision = _disputed()
    (other,) = decision.other_readings
    lines = decision.render(lang).split("\n")
    as_reported = _decision_lines(decision, lang, "  ")
    assert lines[1 : 1 + len(as_reported)] == as_reported
    assert lines[1 + len(as_reported)] == heading
    rest = lines[2 + len(as_reported) :]
    expected: list[str] = []
    for scoped in other.decisions:
        expected.append(f"    {scoped.scope.text.render(lang)}: {scoped.status.text.render(lang)}")
        expected.extend(f"      - {reason.render(lang)}" for reason in scoped.reasons)
    assert rest == expected
    assert rest[0] == ("    JKK: tercakup" if lang == "id" else "    JKK: covered")
    assert rest[1].startswith("      - ")


@pytest.mark.parametrize(
    ("lang", "warning"),
    [
        ("id", "Simulasi perubahan aturan (bukan hukum yang berlaku): klaim 1 tahun."),
        ("en", "What-if reform applied (not the law in force): klaim 1 tahun."),
    ],
)
def test_text_closes_with_the_reform_warning_on_its_own_line(lang: Language, warning: str) -> None:
    """A decision under a what-if reform ends with a line saying the reform is not the law in force."""
    rules = rules_on(VOTING_DAY, reform=Reform("klaim 1 tahun", {"jkk.claim_expiry_years": 1}))
    incident = Incident(IncidentKind.WORK_ACCIDENT, VOTING_DAY, claim_filed_on=dt.date(2025, 2, 14))
    decision = check_coverage(_officer(), None, on=VOTING_DAY, incident=incident, rules=rules)
    lines = decision.render(lang).split("\n")
    assert lines[-1] == warning
    assert lines[1:-1] == _decision_lines(decision, lang, "  ")


def test_records_have_exactly_the_contract_keys_and_values() -> None:
    """Each record is one reason with exactly the documented keys, in order, and its values."""
    decision = check_coverage(_officer(), _agreement(), on=VOTING_DAY)
    rows = decision.records()
    assert [list(row) for row in rows] == [RECORD_KEYS] * len(rows)
    registered = next(row for row in rows if row["code"] == "registered" and row["scope"] == "jkm")
    assert registered == {
        "officer": MASKED,
        "on": "2024-02-14",
        "agreement": "pks-test",
        "scope": "jkm",
        "status": "covered",
        "code": "registered",
        "text": "Terdaftar sejak 30 Januari 2024.",
        "text_en": "Registered since January 30, 2024.",
        "citation": "PP 44/2015 Pasal 6 ayat (3); Pasal 11 ayat (5)",
        "confidence": "primary",
    }
    assert [(row["scope"], row["code"]) for row in rows] == [
        (d.scope.value, r.code) for d in decision.decisions for r in d.reasons
    ]


def test_a_record_lists_every_article_of_its_reason_joined_by_semicolons() -> None:
    """Registration after the date rests on two articles of PP 44/2015; the record cites both, joined by "; "."""
    decision = check_coverage(_officer(dt.date(2024, 2, 15)), _agreement(), on=VOTING_DAY)
    row = next(row for row in decision.records() if row["code"] == "registered_after_incident")
    assert (
        row["citation"]
        == "PP 44/2015 Pasal 6 ayat (3); Pasal 11 ayat (5); PP 44/2015 Pasal 27 ayat (1); Pasal 35 ayat (1)"
    )
    assert row["status"] == "not_covered"


def test_a_record_without_an_agreement_has_none() -> None:
    """A decision made without an agreement has ``agreement`` None in every record (not an empty or made-up id)."""
    rows = check_coverage(_officer(None), None, on=VOTING_DAY).records()
    assert rows and all(row["agreement"] is None for row in rows)
    no_agreement = next(row for row in rows if row["code"] == "no_agreement")
    assert (no_agreement["confidence"], no_agreement["citation"]) == ("unconfirmed", "Inpres 2/2021 Diktum Kedua")


def test_to_dict_writes_the_incident_the_decision_is_about() -> None:
    """The JSON of a decision about an incident carries the incident (kind, date, fatal, claim filed)."""
    incident = Incident(IncidentKind.DEATH_OTHER, VOTING_DAY, fatal=True, claim_filed_on=dt.date(2024, 3, 1))
    data = check_coverage(_officer(), _agreement(), on=VOTING_DAY, incident=incident).to_dict()
    assert data["incident"] == {
        "kind": "death_other",
        "on": "2024-02-14",
        "fatal": True,
        "claim_filed_on": "2024-03-01",
    }
    assert data["kind"] == "coverage_decision"


def test_to_dict_without_an_incident_has_none() -> None:
    """The JSON of a decision about a date, not an incident, has ``incident`` None."""
    assert check_coverage(_officer(), _agreement(), on=VOTING_DAY).to_dict()["incident"] is None


@pytest.mark.parametrize(("text", "scope"), [("jkk", Scope.JKK), ("JKM", Scope.JKM), ("Santunan", Scope.SANTUNAN)])
def test_scope_is_parsed_from_its_name(text: str, scope: Scope) -> None:
    """A scope is read from its name in any case."""
    assert Scope.parse(text) is scope


def test_unknown_scope_names_the_vocabulary_and_the_accepted_scopes() -> None:
    """A scope that is none of JKK, JKM, santunan is refused naming "coverage scope" and the accepted values."""
    with pytest.raises(UnknownCodeError) as caught:
        Scope.parse("jht")
    assert str(caught.value) == "unknown coverage scope 'jht'; accepted values: jkk, jkm, santunan"
