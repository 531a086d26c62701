"""The JKK claim deadline and the JKM scholarship condition as a coverage decision states them.

Rules stated here (values read from the rule data, with the articles they come from):

- the right to claim JKK expires ``jkk.claim_expiry_years`` after the accident: 5 years from 2 December 2019
  (PP 82/2019 Pasal 26); a claim filed on the last day (the same calendar day 5 years later, minus one day) is in
  time, the day after is expired; the reason says the years, the last day and (when expired) the filing date;
- the JKM scholarship needs ``jkm.scholarship.min_membership_years`` of membership (PP 44/2015 Pasal 34 ayat (1)
  huruf d: 5 years; PP 82/2019: 3 years from 2 December 2019), and is considered only for a death not caused by
  the work; a work-accident death gets no scholarship reason under JKM;
- a membership that began after the death counts 0 years; an unknown start is said to be unknown, with the
  minimum; exactly the minimum meets the condition, a day less does not.
"""

from __future__ import annotations

import datetime as dt

import pytest

from jamsos_pemilu import rules_on
from jamsos_pemilu.agreements import Agreement, Cohort, Party
from jamsos_pemilu.eligibility import CoverageDecision, Incident, IncidentKind, Reason, Scope, check_coverage
from jamsos_pemilu.institutions import Institution
from jamsos_pemilu.law import names
from jamsos_pemilu.officers import Officer
from jamsos_pemilu.periods import Period

NIK = "3302114506990003"
KPPS_TERM = Period(dt.date(2024, 1, 25), dt.date(2024, 2, 25))
VOTING_DAY = dt.date(2024, 2, 14)
DEATH_DAY = dt.date(2024, 2, 15)
SCHOLARSHIP_CODES = {"scholarship_membership_met", "scholarship_membership_short", "scholarship_membership_unknown"}


def _officer(
    registered: dt.date | None = dt.date(2024, 1, 30),
    started: dt.date | None = None,
    *,
    election: str = "pemilu_2024",
    term: Period = KPPS_TERM,
) -> Officer:
    extra: dict[str, object] = {} if started is None else {"bpjs_membership_started": started}
    return Officer(
        nik=NIK,
        name="Sri",
        role="kpps",
        position="anggota",
        election=election,
        appointment=term,
        bpjs_registered_on=registered,
        **extra,  # type: ignore[arg-type]
    )


def _agreement() -> Agreement:
    return Agreement(
        id="pks-test",
        title="PKS test",
        elections=("pemilu_2024",),
        parties=(Party(Institution.bpjs("Cilegon"), {"provider"}),),
        programmes={"jkk", "jkm"},
        cohorts=(Cohort({"kpps"}, headcount=7, period=KPPS_TERM),),
    )


def _reason(decision: CoverageDecision, scope: Scope, codes: set[str]) -> Reason:
    (found,) = [r for r in decision.decision(scope).reasons if r.code in codes]
    return found


def _claim(filed: dt.date) -> Reason:
    incident = Incident(IncidentKind.WORK_ACCIDENT, VOTING_DAY, claim_filed_on=filed)
    decision = check_coverage(_officer(), _agreement(), on=VOTING_DAY, incident=incident)
    return _reason(decision, Scope.JKK, {"claim_in_time", "claim_expired"})


def _death(officer: Officer, day: dt.date = DEATH_DAY) -> CoverageDecision:
    return check_coverage(officer, None, on=day, incident=Incident(IncidentKind.DEATH_OTHER, day, fatal=True))


def test_claim_on_the_last_day_is_in_time_and_says_the_limit() -> None:
    """A JKK claim filed on the last day (accident + 5 years - 1 day, PP 82/2019 Pasal 26) is in time."""
    years = rules_on(VOTING_DAY)[names.JKK_CLAIM_EXPIRY_YEARS]
    assert years.integer == 5
    reason = _claim(dt.date(2029, 2, 13))
    assert reason.code == "claim_in_time"
    assert reason.text.id == "Klaim diajukan dalam batas 5 tahun (sampai 13 Februari 2029)."
    assert reason.text.en == "Claim filed within the 5-year limit (until February 13, 2029)."
    assert reason.citations == (years.citation,)
    assert reason.citations[0].label == "PP 82/2019 Pasal 26"


def test_claim_the_day_after_the_last_day_is_expired_and_says_when_it_was_filed() -> None:
    """A JKK claim filed the day after the last day has expired; the reason gives the filing date and the limit."""
    reason = _claim(dt.date(2029, 2, 14))
    assert reason.code == "claim_expired"
    assert reason.text.id == "Klaim diajukan 14 Februari 2029, lewat batas 5 tahun (13 Februari 2029)."
    assert reason.text.en == "Claim filed on February 14, 2029, after the 5-year limit (February 13, 2029)."
    assert reason.citations[0].label == "PP 82/2019 Pasal 26"


@pytest.mark.parametrize("kind", [IncidentKind.WORK_ACCIDENT, IncidentKind.SUDDEN_DEATH_AT_WORK])
def test_a_death_at_work_gets_no_scholarship_reason(kind: IncidentKind) -> None:
    """The scholarship condition is a JKM matter for deaths not caused by the work: a death at work gets none."""
    decision = check_coverage(_officer(), _agreement(), on=DEATH_DAY, incident=Incident(kind, DEATH_DAY, fatal=True))
    assert not SCHOLARSHIP_CODES & set(decision.codes(Scope.JKM))
    assert not SCHOLARSHIP_CODES & set(decision.codes(Scope.JKK))


def test_an_injury_gets_no_scholarship_reason() -> None:
    """An injury that is not fatal gives no scholarship reason: there is no death to pay JKM for."""
    incident = Incident(IncidentKind.INJURY_OFF_DUTY, DEATH_DAY)
    decision = check_coverage(_officer(), _agreement(), on=DEATH_DAY, incident=incident)
    assert not SCHOLARSHIP_CODES & set(decision.codes(Scope.JKM))


def test_membership_that_began_after_the_death_counts_no_year() -> None:
    """A membership that began after the death counts 0 years, fewer than the 3 of PP 82/2019 Pasal 34(1)(d)."""
    minimum = rules_on(DEATH_DAY)[names.JKM_SCHOLARSHIP_MIN_MEMBERSHIP_YEARS]
    decision = _death(_officer(registered=dt.date(2024, 2, 20)))
    reason = _reason(decision, Scope.JKM, SCHOLARSHIP_CODES)
    assert reason.code == "scholarship_membership_short"
    assert reason.text.id == "Masa iur 0 tahun, kurang dari 3 tahun: JKM dibayar tanpa beasiswa."
    assert reason.text.en == "0 years of premiums paid, fewer than 3: JKM is paid without the scholarship."
    assert reason.citations == (minimum.citation,)
    assert reason.citations[0].label == "PP 82/2019 Pasal 34 ayat (1) huruf d"
    assert "registered_after_incident" in decision.codes(Scope.JKM)


def test_membership_that_began_on_the_day_of_death_counts_no_year() -> None:
    """A membership that began on the day of the death counts 0 completed years: short of the minimum."""
    reason = _reason(_death(_officer(registered=DEATH_DAY)), Scope.JKM, SCHOLARSHIP_CODES)
    assert (reason.code, reason.text.en) == (
        "scholarship_membership_short",
        "0 years of premiums paid, fewer than 3: JKM is paid without the scholarship.",
    )


def test_unknown_membership_start_says_the_minimum() -> None:
    """With no registration date the membership start is unknown; the reason says the 3-year minimum."""
    reason = _reason(_death(_officer(registered=None)), Scope.JKM, SCHOLARSHIP_CODES)
    assert reason.code == "scholarship_membership_unknown"
    assert reason.text.id == "Beasiswa JKM butuh masa iur paling sedikit 3 tahun; awal kepesertaan tidak diketahui."
    assert reason.text.en == (
        "The JKM scholarship needs at least 3 years of premiums paid; the membership start is unknown."
    )
    assert reason.citations[0].label == "PP 82/2019 Pasal 34 ayat (1) huruf d"


def test_exactly_the_minimum_membership_meets_the_condition() -> None:
    """Three full years of membership on the day of death meet the scholarship condition (PP 82/2019)."""
    reason = _reason(_death(_officer(started=dt.date(2021, 2, 15))), Scope.JKM, SCHOLARSHIP_CODES)
    assert reason.code == "scholarship_membership_met"
    assert reason.text.id == "Masa iur 3 tahun memenuhi syarat beasiswa JKM (3 tahun)."
    assert reason.text.en == "3 years of premiums paid meet the JKM scholarship condition (3 years)."


def test_a_day_short_of_the_minimum_membership_does_not_meet_the_condition() -> None:
    """Membership one day short of three years counts 2 completed years: no scholarship."""
    reason = _reason(_death(_officer(started=dt.date(2021, 2, 16))), Scope.JKM, SCHOLARSHIP_CODES)
    assert reason.code == "scholarship_membership_short"
    assert reason.text.id == "Masa iur 2 tahun, kurang dari 3 tahun: JKM dibayar tanpa beasiswa."


@pytest.mark.parametrize(
    ("death", "code", "english", "label"),
    [
        (
            dt.date(2019, 12, 1),
            "scholarship_membership_short",
            "4 years of premiums paid, fewer than 5: JKM is paid without the scholarship.",
            "PP 44/2015 Pasal 34 ayat (1) huruf d",
        ),
        (
            dt.date(2019, 12, 2),
            "scholarship_membership_met",
            "4 years of premiums paid meet the JKM scholarship condition (3 years).",
            "PP 82/2019 Pasal 34 ayat (1) huruf d",
        ),
    ],
)
def test_the_minimum_membership_changes_on_2_december_2019(death: dt.date, code: str, english: str, label: str) -> None:
    """Four years of membership fall short of the 5 of PP 44/2015 on 1 Dec 2019 and meet the 3 of PP 82/2019 next day."""
    officer = _officer(
        registered=dt.date(2015, 7, 1),
        election="pemilu_2019",
        term=Period(dt.date(2019, 4, 10), dt.date(2019, 5, 9)),
    )
    reason = _reason(_death(officer, death), Scope.JKM, SCHOLARSHIP_CODES)
    assert (reason.code, reason.text.en, reason.citations[0].label) == (code, english, label)
