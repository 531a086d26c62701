"""Tests for jamsos_pemilu.eligibility: reason-coded coverage decisions per programme."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jamsos_pemilu import CalculationError, InputError, Period, RuleNotInForceError
from jamsos_pemilu.agreements import Agreement, Cohort, Party
from jamsos_pemilu.eligibility import CoverageStatus, Incident, IncidentKind, Scope, check_coverage
from jamsos_pemilu.institutions import Institution
from jamsos_pemilu.officers import Officer
from jamsos_pemilu.serialization import shipped_agreement

NIK = "3302114506990003"
KPPS_TERM = Period(dt.date(2024, 1, 25), dt.date(2024, 2, 25))
VOTING_DAY = dt.date(2024, 2, 14)
COVERED, NOT_COVERED, UNCERTAIN = CoverageStatus.COVERED, CoverageStatus.NOT_COVERED, CoverageStatus.UNCERTAIN


def _officer(**changes: object) -> Officer:
    fields: dict[str, object] = {
        "nik": NIK,
        "name": "Sri",
        "role": "kpps",
        "position": "anggota",
        "election": "pemilu_2024",
        "appointment": KPPS_TERM,
        "bpjs_registered_on": dt.date(2024, 1, 30),
    }
    fields.update(changes)
    return Officer(**fields)  # type: ignore[arg-type]


def _agreement(*cohorts: Cohort, programmes: tuple[str, ...] = ("jkk", "jkm")) -> Agreement:
    return Agreement(
        id="pks-test",
        title="PKS test",
        elections=("pemilu_2024",),
        parties=(Party(Institution.bpjs("Cilegon"), {"provider"}),),
        programmes=set(programmes),
        cohorts=cohorts or (Cohort({"kpps"}, headcount=7, period=KPPS_TERM),),
    )


def test_registered_kpps_in_a_dated_cohort_is_covered() -> None:
    """A registered KPPS member inside the cohort period is covered by JKK and JKM."""
    decision = check_coverage(_officer(), _agreement(), on=VOTING_DAY)
    assert decision.status(Scope.JKK) is COVERED
    assert decision.status(Scope.JKM) is COVERED
    assert "in_cohort_period" in decision.codes(Scope.JKK)


def test_asn_is_not_covered_by_this_scheme() -> None:
    """A civil servant is not covered: ASN have their own scheme."""
    decision = check_coverage(_officer(asn=True), _agreement(), on=VOTING_DAY)
    assert decision.status(Scope.JKK) is NOT_COVERED
    assert "asn_own_scheme" in decision.codes(Scope.JKK)
    assert decision.decision(Scope.JKK).reasons[-1].citations or any(
        r.citations for r in decision.decision(Scope.JKK).reasons if r.code == "asn_own_scheme"
    )


def test_registration_after_the_incident_is_not_covered() -> None:
    """An officer registered the day after the incident is not covered by BPJS, and the reason says so."""
    decision = check_coverage(_officer(bpjs_registered_on=dt.date(2024, 2, 15)), _agreement(), on=VOTING_DAY)
    assert decision.status(Scope.JKM) is NOT_COVERED
    assert "registered_after_incident" in decision.codes(Scope.JKM)


def test_registration_on_the_day_is_covered() -> None:
    """Registered on the day itself counts as registered before the incident."""
    decision = check_coverage(_officer(bpjs_registered_on=VOTING_DAY), _agreement(), on=VOTING_DAY)
    assert decision.status(Scope.JKM) is COVERED


def test_unknown_registration_is_uncertain() -> None:
    """With no registration date the decision is uncertain, not covered."""
    decision = check_coverage(_officer(bpjs_registered_on=None), _agreement(), on=VOTING_DAY)
    assert decision.status(Scope.JKK) is UNCERTAIN
    assert "registration_unknown" in decision.codes(Scope.JKK)


def test_role_not_in_agreement_is_not_covered() -> None:
    """A PTPS officer under an agreement covering only KPPS is not covered."""
    officer = _officer(role="ptps", position="petugas", appointment=Period(dt.date(2024, 1, 22), dt.date(2024, 2, 21)))
    decision = check_coverage(officer, _agreement(), on=VOTING_DAY)
    assert decision.status(Scope.JKK) is NOT_COVERED
    assert "role_not_in_agreement" in decision.codes(Scope.JKK)


def test_cohort_without_named_roles_is_uncertain() -> None:
    """A cohort whose roles the report does not name makes the decision uncertain."""
    decision = check_coverage(_officer(), _agreement(Cohort(headcount=275, period=KPPS_TERM)), on=VOTING_DAY)
    assert decision.status(Scope.JKK) is UNCERTAIN
    assert "cohort_roles_unreported" in decision.codes(Scope.JKK)


def test_date_outside_cohort_period_day_after() -> None:
    """The day after the cohort period ends is not covered; the last day is."""
    cohort = Cohort({"kpps"}, headcount=7, period=Period(dt.date(2024, 1, 25), dt.date(2024, 2, 20)))
    assert check_coverage(_officer(), _agreement(cohort), on=dt.date(2024, 2, 20)).status(Scope.JKK) is COVERED
    late = check_coverage(_officer(), _agreement(cohort), on=dt.date(2024, 2, 21))
    assert late.status(Scope.JKK) is NOT_COVERED
    assert "outside_cohort_period" in late.codes(Scope.JKK)


def test_date_after_officer_term_is_not_covered() -> None:
    """A date after the officer's own term is outside duty for every scope."""
    decision = check_coverage(_officer(), _agreement(), on=dt.date(2024, 2, 26))
    assert decision.status(Scope.SANTUNAN) is NOT_COVERED
    assert "outside_officer_term" in decision.codes(Scope.JKK)


def test_incident_before_the_term_is_an_error() -> None:
    """An incident before the officer's term starts is bad input."""
    with pytest.raises(CalculationError, match=r"330211\*{6}0003: 2024-01-24 is before the term starts"):
        check_coverage(_officer(), _agreement(), on=dt.date(2024, 1, 24))


def test_error_never_shows_the_whole_nik() -> None:
    """The bad-input error masks the NIK."""
    with pytest.raises(CalculationError) as caught:
        check_coverage(_officer(), _agreement(), on=dt.date(2024, 1, 1))
    assert NIK not in str(caught.value)


def test_non_work_death_is_jkm_not_jkk() -> None:
    """A death from illness is covered by JKM, not JKK."""
    incident = Incident(IncidentKind.DEATH_OTHER, VOTING_DAY, fatal=True)
    decision = check_coverage(_officer(), _agreement(), on=incident.on, incident=incident)
    assert decision.status(Scope.JKM) is COVERED
    assert decision.status(Scope.JKK) is NOT_COVERED
    assert "not_work_related" in decision.codes(Scope.JKK)


def test_work_accident_death_is_jkk_not_jkm() -> None:
    """A work-accident death is paid by JKK; JKM does not pay it."""
    incident = Incident(IncidentKind.WORK_ACCIDENT, VOTING_DAY, fatal=True)
    decision = check_coverage(_officer(), _agreement(), on=incident.on, incident=incident)
    assert decision.status(Scope.JKK) is COVERED
    assert "death_paid_by_jkk" in decision.codes(Scope.JKM)


def test_commuting_accident_is_jkk() -> None:
    """An accident on the way from home to the polling station is a work accident."""
    incident = Incident(IncidentKind.COMMUTING_ACCIDENT, VOTING_DAY)
    decision = check_coverage(_officer(), _agreement(), on=incident.on, incident=incident)
    assert decision.status(Scope.JKK) is COVERED
    assert "no_death" in decision.codes(Scope.JKM)


def test_sudden_death_at_work_is_uncertain_between_jkk_and_jkm() -> None:
    """A sudden death at work is uncertain for both JKK and JKM until the criteria are checked."""
    incident = Incident(IncidentKind.SUDDEN_DEATH_AT_WORK, VOTING_DAY, fatal=True)
    decision = check_coverage(_officer(), _agreement(), on=incident.on, incident=incident)
    assert decision.status(Scope.JKK) is UNCERTAIN
    assert decision.status(Scope.JKM) is UNCERTAIN


def test_jkk_claim_expires_after_five_years() -> None:
    """A JKK claim filed on the last day of five years is in time; the next day it has expired."""
    on_time = Incident(IncidentKind.WORK_ACCIDENT, VOTING_DAY, claim_filed_on=dt.date(2029, 2, 13))
    late = Incident(IncidentKind.WORK_ACCIDENT, VOTING_DAY, claim_filed_on=dt.date(2029, 2, 14))
    assert check_coverage(_officer(), _agreement(), on=on_time.on, incident=on_time).status(Scope.JKK) is COVERED
    expired = check_coverage(_officer(), _agreement(), on=late.on, incident=late)
    assert expired.status(Scope.JKK) is NOT_COVERED
    assert "claim_expired" in expired.codes(Scope.JKK)


def test_jkk_claim_expired_after_two_years_under_2015_rules() -> None:
    """An accident on 17 Apr 2019 had a two-year claim window."""
    officer = _officer(
        nik="3302114506990003",
        election="pemilu_2019",
        appointment=Period(dt.date(2019, 4, 10), dt.date(2019, 5, 9)),
        bpjs_registered_on=dt.date(2019, 4, 10),
    )
    agreement = Agreement(
        id="pks-2019",
        title="PKS 2019",
        elections=("pemilu_2019",),
        parties=(Party(Institution.bpjs("Pasuruan"), {"provider"}),),
        programmes={"jkk", "jkm"},
        cohorts=(Cohort({"kpps"}, headcount=7, period=Period(dt.date(2019, 4, 10), dt.date(2019, 5, 9))),),
    )
    incident = Incident(IncidentKind.WORK_ACCIDENT, dt.date(2019, 4, 17), claim_filed_on=dt.date(2021, 4, 17))
    assert "claim_expired" in check_coverage(officer, agreement, on=incident.on, incident=incident).codes(Scope.JKK)


def test_programme_not_in_agreement() -> None:
    """An agreement covering only JKM does not cover JKK."""
    decision = check_coverage(_officer(), _agreement(programmes=("jkm",)), on=VOTING_DAY)
    assert decision.status(Scope.JKK) is NOT_COVERED
    assert decision.status(Scope.JKM) is COVERED


def test_no_agreement_and_no_registration_is_not_covered() -> None:
    """Without agreement or registration BPJS does not cover; the santunan still applies on duty."""
    decision = check_coverage(_officer(bpjs_registered_on=None), None, on=VOTING_DAY)
    assert decision.status(Scope.JKM) is NOT_COVERED
    assert decision.status(Scope.SANTUNAN) is COVERED


def test_registered_without_agreement_is_uncertain() -> None:
    """A registered officer whose agreement was not given is uncertain."""
    decision = check_coverage(_officer(), None, on=VOTING_DAY)
    assert decision.status(Scope.JKM) is UNCERTAIN


def test_other_election_is_not_covered() -> None:
    """An agreement for Pilkada 2024 does not cover a Pemilu 2024 officer."""
    decision = check_coverage(_officer(), shipped_agreement("kota-palu-pilkada-2024"), on=VOTING_DAY)
    assert decision.status(Scope.JKK) is NOT_COVERED
    assert "other_election" in decision.codes(Scope.JKK)


def test_on_and_incident_must_agree() -> None:
    """Giving a date and an incident on another date is rejected."""
    with pytest.raises(InputError, match=r"incident: it happened on 2024-02-15, but on is 2024-02-14"):
        check_coverage(
            _officer(), _agreement(), on=VOTING_DAY, incident=Incident(IncidentKind.WORK_ACCIDENT, dt.date(2024, 2, 15))
        )


def test_date_outside_rule_data_is_rejected() -> None:
    """A date before the rule data starts raises RuleNotInForceError."""
    officer = _officer(
        appointment=Period(dt.date(2015, 1, 1), dt.date(2015, 3, 1)), bpjs_registered_on=None, election="pemilu_2019"
    )
    with pytest.raises(RuleNotInForceError):
        check_coverage(officer, None, on=dt.date(2015, 2, 1))


def test_messages_in_both_languages_with_citations() -> None:
    """Every reason has an Indonesian and an English message; the decision renders in both."""
    decision = check_coverage(
        _officer(), _agreement(), on=VOTING_DAY, incident=Incident(IncidentKind.DEATH_OTHER, VOTING_DAY, fatal=True)
    )
    for programme in decision.decisions:
        for reason in programme.reasons:
            assert reason.text.id and reason.text.en
    assert "tercakup" in decision.render("id")
    assert "covered" in decision.render("en")
    assert NIK not in decision.render("en")
    assert NIK not in decision.to_json()


@given(st.dates(KPPS_TERM.start, KPPS_TERM.end), st.dates(dt.date(2024, 1, 1), dt.date(2024, 3, 31)))
@settings(max_examples=60)
def test_registration_decides_coverage_inside_the_term(on: dt.date, registered: dt.date) -> None:
    """Inside the cohort period, JKM is covered exactly when registration is on or before the date."""
    decision = check_coverage(_officer(bpjs_registered_on=registered), _agreement(), on=on)
    assert (decision.status(Scope.JKM) is COVERED) == (registered <= on)


def test_jkm_death_reports_the_scholarship_membership_condition() -> None:
    """A JKM death of an officer registered weeks earlier is covered, without the scholarship (3 years needed)."""
    incident = Incident(IncidentKind.DEATH_OTHER, VOTING_DAY, fatal=True)
    decision = check_coverage(_officer(), _agreement(), on=incident.on, incident=incident)
    assert decision.status(Scope.JKM) is COVERED
    assert "scholarship_membership_short" in decision.codes(Scope.JKM)


def test_long_membership_meets_the_scholarship_condition() -> None:
    """An officer whose membership began three years before the death meets the scholarship condition."""
    officer = _officer(bpjs_membership_started=dt.date(2021, 2, 14))
    incident = Incident(IncidentKind.DEATH_OTHER, VOTING_DAY, fatal=True)
    assert "scholarship_membership_met" in check_coverage(officer, _agreement(), on=incident.on, incident=incident).codes(Scope.JKM)


def test_render_in_indonesian_has_no_english_for_any_spelling() -> None:
    """A decision rendered for "id", "id_ID" or "id-ID" is the same Indonesian text, with no English words."""
    decision = check_coverage(_officer(), None, on=VOTING_DAY)
    text = decision.render("id_ID")
    assert text == decision.render("id") == decision.render("id-ID")
    assert "(tanpa perjanjian)" in text
    for english in ("no agreement", "covered", "Registered", "Coverage decision"):
        assert english not in text


def test_render_shows_no_internal_codes() -> None:
    """The human text names statuses and programmes in words, never a reason code."""
    decision = check_coverage(_officer(), _agreement(), on=VOTING_DAY)
    for lang in ("id", "en"):
        text = decision.render(lang)
        assert "in_cohort_period" not in text and "not_covered" not in text


def test_scope_and_status_parse_through_codes() -> None:
    """Scope and CoverageStatus parse any spelling and refuse unknown text naming the accepted values."""
    from jamsos_pemilu.exceptions import UnknownCodeError

    assert Scope.parse(" JKM ") is Scope.JKM
    assert CoverageStatus.parse("not covered") is NOT_COVERED
    assert CoverageStatus.parse("belum pasti") is UNCERTAIN
    with pytest.raises(UnknownCodeError, match="santunan"):
        Scope.parse("jht")


def test_snapshot_of_another_date_is_refused() -> None:
    """Rules taken on another date than the decision's are refused, naming both dates."""
    from jamsos_pemilu import rules_on

    with pytest.raises(InputError, match=r"rules: a snapshot taken on 2024-02-15 .* law of 2024-02-14"):
        check_coverage(_officer(), _agreement(), on=VOTING_DAY, rules=rules_on(dt.date(2024, 2, 15)))


def test_reformed_snapshot_is_used_and_shown() -> None:
    """A what-if snapshot decides the claim window and the decision says a reform was applied."""
    from jamsos_pemilu import Reform, rules_on

    rules = rules_on(VOTING_DAY, reform=Reform("klaim 1 tahun", {"jkk.claim_expiry_years": 1}))
    incident = Incident(IncidentKind.WORK_ACCIDENT, VOTING_DAY, claim_filed_on=dt.date(2025, 2, 14))
    decision = check_coverage(_officer(), _agreement(), on=VOTING_DAY, incident=incident, rules=rules)
    assert "claim_expired" in decision.codes(Scope.JKK)
    assert "klaim 1 tahun" in decision.render("en")


@pytest.mark.parametrize(
    ("argument", "call"),
    [
        ("officer", lambda: check_coverage("3302114506990003", None, on=VOTING_DAY)),  # type: ignore[arg-type]
        ("agreement", lambda: check_coverage(_officer(), "pks-test", on=VOTING_DAY)),  # type: ignore[arg-type]
        ("on", lambda: check_coverage(_officer(), None, on="2024-02-14")),  # type: ignore[arg-type]
        ("incident", lambda: check_coverage(_officer(), None, on=VOTING_DAY, incident="death")),  # type: ignore[arg-type]
    ],
)
def test_wrong_types_name_the_argument(argument: str, call: object) -> None:
    """A wrong type for any argument is an InputError naming the argument, and never shows a whole NIK."""
    with pytest.raises(InputError, match=rf"^{argument}: expected") as caught:
        call()  # type: ignore[operator]
    assert NIK not in str(caught.value)


def test_every_cited_reason_has_a_confidence() -> None:
    """Each reason that cites an article or a rule value says how sure the library is of it."""
    incident = Incident(IncidentKind.WORK_ACCIDENT, VOTING_DAY, claim_filed_on=dt.date(2024, 3, 1))
    decision = check_coverage(_officer(), _agreement(), on=VOTING_DAY, incident=incident)
    reasons = [r for d in decision.decisions for r in d.reasons]
    assert any(r.citations for r in reasons)
    for reason in reasons:
        assert (reason.confidence is None) == (not reason.citations)


def test_serializer_and_result_give_one_shape() -> None:
    """to_dict(decision) is decision.to_dict(): one function, one shape."""
    from jamsos_pemilu.serialization import to_dict

    decision = check_coverage(_officer(), _agreement(), on=VOTING_DAY)
    assert to_dict(decision) == decision.to_dict()
    assert decision.to_dict()["kind"] == "coverage_decision"


def test_records_one_row_per_reason_with_confidence() -> None:
    """records() gives one flat row per reason, with its citation and confidence."""
    decision = check_coverage(_officer(), _agreement(), on=VOTING_DAY)
    rows = decision.records()
    assert len(rows) == sum(len(d.reasons) for d in decision.decisions)
    registered = next(r for r in rows if r["code"] == "registered")
    assert registered["confidence"] == "primary" and "PP 44/2015" in str(registered["citation"])


def test_disputed_period_decides_under_each_reading() -> None:
    """A date outside the period as reported but inside its probable reading shows both decisions."""
    from jamsos_pemilu.l10n import Text
    from jamsos_pemilu.readings import Alternative

    misprint = Period(dt.date(2023, 1, 25), dt.date(2023, 2, 25))
    cohort = Cohort(
        {"kpps"},
        headcount=7,
        period=misprint,
        period_readings=(Alternative(KPPS_TERM, "test.txt", Text(id="tahun salah cetak", en="year misprinted")),),
    )
    decision = check_coverage(_officer(), _agreement(cohort), on=VOTING_DAY)
    assert decision.status(Scope.JKK) is NOT_COVERED
    (other,) = decision.other_readings
    assert other.reading.value == KPPS_TERM
    assert {d.scope: d.status for d in other.decisions}[Scope.JKK] is COVERED
    assert "year misprinted" in decision.render("en")
    assert decision.to_dict()["other_readings"]


def test_undisputed_period_has_no_other_readings() -> None:
    """A cohort without another reading gives no other decision."""
    assert check_coverage(_officer(), _agreement(), on=VOTING_DAY).other_readings == ()
