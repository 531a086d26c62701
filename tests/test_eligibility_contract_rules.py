"""Every branch of the coverage decision tree, with the reasons it gives in order and their words.

Rules stated here (the question each rule asks, from :mod:`jamsos_pemilu.eligibility.rules`):

- the officer's own term: a date outside it is not covered, for BPJS and for the santunan alike, and the reason
  names the term; the last day of the term is inside it;
- a civil servant (ASN) has JKK/JKM from PT Taspen (PMK 208/PMK.010/2015 Pasal 21): not this scheme, and no
  BPJS registration is asked about;
- with no agreement, an unregistered officer is not covered and a registered one is uncertain; membership runs
  from the day the number is issued (PP 44/2015 Pasal 6 ayat (3), Pasal 11 ayat (5)): registered on the day is
  covered, the day after is not;
- the agreement must be for the officer's election, count the officer's role and position, and cover the date:
  the cohort's period when reported (both ends inside), else the agreement's term, else uncertain;
- the agreement names JKK and JKM, or its programmes are unreported (uncertain), or it lacks one (not covered);
- incidents: a work or commuting accident or occupational disease is JKK; any other kind is not work-related;
  JKM pays only on a death not caused by the work; a sudden death at work is uncertain between JKK and JKM;
- the KPU or Bawaslu santunan applies to an officer of that body within the term, where the rule data has its
  amounts on the date (none from 1 January 2020 to 4 August 2022); an injury off duty is not compensated;
- status per scope: not covered if any reason says so, else uncertain if any reason is (or there is none), else
  covered; the receipt lists the rule values the decision rests on.
"""

from __future__ import annotations

import datetime as dt

import pytest

from jamsos_pemilu import CalculationError, InputError, RuleNotInForceError
from jamsos_pemilu.agreements import Agreement, Cohort, Party
from jamsos_pemilu.benefits import SantunanEvent
from jamsos_pemilu.eligibility import (
    CoverageDecision,
    CoverageStatus,
    Incident,
    IncidentKind,
    ProgrammeDecision,
    Scope,
    check_coverage,
)
from jamsos_pemilu.eligibility.reasons import reason_catalogue
from jamsos_pemilu.institutions import Institution
from jamsos_pemilu.law import names
from jamsos_pemilu.officers import Officer
from jamsos_pemilu.periods import Period

NIK = "3302114506990003"
MASKED = "330211******0003"
KPPS_TERM = Period(dt.date(2024, 1, 25), dt.date(2024, 2, 25))
VOTING_DAY = dt.date(2024, 2, 14)
REGISTERED = dt.date(2024, 1, 30)
COVERED, NOT_COVERED, UNCERTAIN = CoverageStatus.COVERED, CoverageStatus.NOT_COVERED, CoverageStatus.UNCERTAIN
SANTUNAN_KPU = ("ad_hoc_officer_on_duty",)
SANTUNAN_DEATH = names.santunan(SantunanEvent.DEATH)


def _officer(**changes: object) -> Officer:
    fields: dict[str, object] = {
        "nik": NIK,
        "name": "Sri",
        "role": "kpps",
        "position": "anggota",
        "election": "pemilu_2024",
        "appointment": KPPS_TERM,
        "bpjs_registered_on": REGISTERED,
    }
    fields.update(changes)
    return Officer(**fields)  # type: ignore[arg-type]


def _agreement(*cohorts: Cohort, **changes: object) -> Agreement:
    fields: dict[str, object] = {
        "id": "pks-test",
        "title": "PKS test",
        "elections": ("pemilu_2024",),
        "parties": (Party(Institution.bpjs("Cilegon"), {"provider"}),),
        "programmes": {"jkk", "jkm"},
        "cohorts": cohorts or (Cohort({"kpps"}, headcount=7, period=KPPS_TERM),),
    }
    fields.update(changes)
    return Agreement(**fields)  # type: ignore[arg-type]


def _text(decision: CoverageDecision, scope: Scope, code: str) -> tuple[str, str]:
    (reason,) = [r for r in decision.decision(scope).reasons if r.code == code]
    return reason.text.id, reason.text.en


# --------------------------------------------------------------------------- the officer's term


def test_the_last_day_of_the_term_is_covered() -> None:
    """The last day of the officer's term is inside it: BPJS and santunan both answer."""
    decision = check_coverage(_officer(), _agreement(), on=KPPS_TERM.end)
    assert decision.codes(Scope.JKK) == ("in_cohort_period", "registered")
    assert decision.codes(Scope.JKM) == ("in_cohort_period", "registered")
    assert decision.codes(Scope.SANTUNAN) == SANTUNAN_KPU
    assert [d.status for d in decision.decisions] == [COVERED, COVERED, COVERED]


def test_the_day_after_the_term_is_not_covered_and_names_the_term() -> None:
    """The day after the term is outside it: not covered by BPJS, nor by the santunan, and the term is named."""
    decision = check_coverage(_officer(), _agreement(), on=KPPS_TERM.end + dt.timedelta(days=1))
    assert decision.codes(Scope.SANTUNAN) == ("outside_officer_term",)
    assert decision.codes(Scope.JKK)[0] == "outside_officer_term"
    assert [d.status for d in decision.decisions] == [NOT_COVERED, NOT_COVERED, NOT_COVERED]
    assert _text(decision, Scope.JKM, "outside_officer_term") == (
        "Tanggal di luar masa tugas petugas 2024-01-25/2024-02-25.",
        "The date is outside the officer's term 2024-01-25/2024-02-25.",
    )


def test_the_first_day_of_the_term_is_decided_and_the_day_before_is_refused() -> None:
    """The first day of the term is decided; the day before cannot be, and the error names the term's start."""
    assert check_coverage(_officer(bpjs_registered_on=None), None, on=KPPS_TERM.start).codes(Scope.SANTUNAN) == (
        SANTUNAN_KPU
    )
    with pytest.raises(CalculationError) as caught:
        check_coverage(_officer(), None, on=KPPS_TERM.start - dt.timedelta(days=1))
    assert str(caught.value) == (
        f"on: officer {MASKED}: 2024-01-24 is before the term starts (2024-01-25); "
        "an officer cannot be on duty before appointment"
    )


# --------------------------------------------------------------------------- civil servants and registration


def test_a_civil_servant_is_not_asked_about_bpjs_registration() -> None:
    """A civil servant (ASN) has the PT Taspen scheme: not covered here, and no BPJS registration reason is given."""
    decision = check_coverage(_officer(asn=True, bpjs_registered_on=None), _agreement(), on=VOTING_DAY)
    assert decision.codes(Scope.JKK) == ("asn_own_scheme", "in_cohort_period")
    assert decision.codes(Scope.JKM) == ("asn_own_scheme", "in_cohort_period")
    assert decision.status(Scope.JKK) is NOT_COVERED
    assert decision.codes(Scope.SANTUNAN) == SANTUNAN_KPU


def test_a_non_civil_servant_gets_no_asn_reason() -> None:
    """An officer who is not a civil servant gets no ASN reason."""
    decision = check_coverage(_officer(asn=False), _agreement(), on=VOTING_DAY)
    assert "asn_own_scheme" not in decision.codes(Scope.JKK)


@pytest.mark.parametrize(
    ("registered", "code", "status", "words"),
    [
        (
            VOTING_DAY,
            "registered",
            COVERED,
            ("Terdaftar sejak 14 Februari 2024.", "Registered since February 14, 2024."),
        ),
        (
            VOTING_DAY + dt.timedelta(days=1),
            "registered_after_incident",
            NOT_COVERED,
            (
                "Terdaftar 15 Februari 2024, sesudah tanggal ini; BPJS tidak menanggung, pemberi kerja wajib "
                "membayar hak peserta.",
                "Registered on February 15, 2024, after this date; BPJS does not pay, the employer owes the "
                "officer's rights.",
            ),
        ),
        (
            None,
            "registration_unknown",
            UNCERTAIN,
            (
                "Tanggal terdaftar sebagai peserta BPJS Ketenagakerjaan tidak diketahui; kepesertaan mulai saat "
                "nomor peserta terbit.",
                "The date of BPJS Ketenagakerjaan registration is unknown; membership starts when the membership "
                "number is issued.",
            ),
        ),
    ],
)
def test_membership_runs_from_the_day_of_registration(
    registered: dt.date | None, code: str, status: CoverageStatus, words: tuple[str, str]
) -> None:
    """Membership starts when the number is issued (PP 44/2015 Pasal 6(3), 11(5)): on the day yes, the day after no."""
    decision = check_coverage(_officer(bpjs_registered_on=registered), _agreement(), on=VOTING_DAY)
    assert decision.codes(Scope.JKK) == ("in_cohort_period", code)
    assert decision.status(Scope.JKK) is status
    assert _text(decision, Scope.JKK, code) == words


def test_without_an_agreement_a_registered_officer_is_uncertain() -> None:
    """Without the agreement, a registered officer is uncertain (PP 49/2023 Pasal 2), and the registration is stated."""
    decision = check_coverage(_officer(), None, on=VOTING_DAY)
    assert decision.codes(Scope.JKK) == ("registered_without_agreement", "registered")
    assert decision.codes(Scope.JKM) == ("registered_without_agreement", "registered")
    assert decision.status(Scope.JKM) is UNCERTAIN
    assert decision.other_readings == ()
    assert decision.agreement is None


def test_without_an_agreement_registration_after_the_date_is_not_covered() -> None:
    """Without the agreement, a registration after the date is not covered for that date."""
    decision = check_coverage(_officer(bpjs_registered_on=dt.date(2024, 2, 15)), None, on=VOTING_DAY)
    assert decision.codes(Scope.JKK) == ("registered_without_agreement", "registered_after_incident")
    assert decision.status(Scope.JKK) is NOT_COVERED


# --------------------------------------------------------------------------- the agreement


def test_an_agreement_for_other_elections_names_them_all() -> None:
    """An agreement for other elections is not the officer's: the reason lists its elections and the officer's."""
    agreement = _agreement(
        Cohort({"kpps"}, headcount=7),
        elections=("pemilu_2019", "pilkada_2020"),
    )
    decision = check_coverage(_officer(), agreement, on=VOTING_DAY)
    assert decision.codes(Scope.JKK) == ("other_election", "registered")
    assert decision.status(Scope.JKK) is NOT_COVERED
    id_text, en_text = _text(decision, Scope.JKK, "other_election")
    assert id_text == (
        "Perjanjian berlaku untuk Pemilihan Umum 2019, Pemilihan Serentak 2020, bukan Pemilihan Umum 2024."
    )
    assert en_text == (
        "The agreement covers 2019 general election, 2020 simultaneous regional-head elections, "
        "not 2024 general election."
    )


def test_an_agreement_without_elections_is_read_for_any_election() -> None:
    """An agreement that does not name its elections is not refused for the election."""
    decision = check_coverage(_officer(), _agreement(elections=()), on=VOTING_DAY)
    assert decision.codes(Scope.JKK) == ("in_cohort_period", "registered")


def test_a_role_the_agreement_does_not_count_is_named_with_its_position() -> None:
    """An officer whose role and position no group counts is not covered; the reason names both."""
    decision = check_coverage(_officer(role="pps", position="ketua"), _agreement(), on=VOTING_DAY)
    assert decision.codes(Scope.JKK) == ("role_not_in_agreement", "registered")
    assert _text(decision, Scope.JKK, "role_not_in_agreement") == (
        "PPS (Ketua) tidak termasuk kelompok peserta perjanjian.",
        "PPS (Chair) is not in any group the agreement covers.",
    )


def test_a_group_without_named_roles_makes_the_role_uncertain() -> None:
    """A group whose roles the report does not name may include the officer: uncertain, naming the role."""
    decision = check_coverage(_officer(), _agreement(Cohort(headcount=100)), on=VOTING_DAY)
    assert decision.codes(Scope.JKK) == ("cohort_roles_unreported", "registered")
    assert decision.status(Scope.JKK) is UNCERTAIN
    assert _text(decision, Scope.JKK, "cohort_roles_unreported")[1] == (
        "The agreement's report does not name the roles of some groups; whether KPPS is included cannot be confirmed."
    )


@pytest.mark.parametrize("on", [dt.date(2024, 2, 1), dt.date(2024, 2, 20)])
def test_both_ends_of_the_cohort_period_are_covered(on: dt.date) -> None:
    """The first and last days of a group's coverage period are inside it; the reason names the role and period."""
    cohort = Cohort({"kpps"}, headcount=7, period=Period(dt.date(2024, 2, 1), dt.date(2024, 2, 20)))
    decision = check_coverage(_officer(), _agreement(cohort), on=on)
    assert decision.codes(Scope.JKK) == ("in_cohort_period", "registered")
    assert _text(decision, Scope.JKK, "in_cohort_period") == (
        "KPPS termasuk kelompok peserta dan tanggal berada dalam masa perlindungan 2024-02-01/2024-02-20.",
        "KPPS is in a covered group and the date is inside its coverage period 2024-02-01/2024-02-20.",
    )


@pytest.mark.parametrize("on", [dt.date(2024, 1, 31), dt.date(2024, 2, 21)])
def test_the_days_just_outside_every_cohort_period_are_not_covered(on: dt.date) -> None:
    """The day before and the day after the groups' periods are not covered; every period is named."""
    cohorts = (
        Cohort({"kpps"}, headcount=7, period=Period(dt.date(2024, 2, 1), dt.date(2024, 2, 10))),
        Cohort({"kpps"}, headcount=7, period=Period(dt.date(2024, 2, 11), dt.date(2024, 2, 20))),
    )
    decision = check_coverage(_officer(), _agreement(*cohorts), on=on)
    assert decision.codes(Scope.JKK) == ("outside_cohort_period", "registered")
    assert decision.status(Scope.JKK) is NOT_COVERED
    assert _text(decision, Scope.JKK, "outside_cohort_period") == (
        "Tanggal di luar masa perlindungan kelompok (2024-02-01/2024-02-10, 2024-02-11/2024-02-20).",
        "The date is outside the group's coverage period (2024-02-01/2024-02-10, 2024-02-11/2024-02-20).",
    )


def test_the_second_cohort_period_covers_a_date_the_first_does_not() -> None:
    """A date inside the second of two groups' periods is covered, and the reason names that period."""
    cohorts = (
        Cohort({"kpps"}, headcount=7, period=Period(dt.date(2024, 2, 1), dt.date(2024, 2, 10))),
        Cohort({"kpps"}, headcount=7, period=Period(dt.date(2024, 2, 11), dt.date(2024, 2, 20))),
    )
    decision = check_coverage(_officer(), _agreement(*cohorts), on=VOTING_DAY)
    assert _text(decision, Scope.JKK, "in_cohort_period")[1].endswith("2024-02-11/2024-02-20.")


AGREEMENT_TERM = Period(dt.date(2024, 1, 26), dt.date(2024, 2, 24))


@pytest.mark.parametrize("on", [AGREEMENT_TERM.start, AGREEMENT_TERM.end])
def test_an_undated_group_is_covered_within_the_agreement_term(on: dt.date) -> None:
    """A group without its own period is covered on the first and the last day of the agreement's term."""
    officer = _officer(bpjs_registered_on=KPPS_TERM.start)
    decision = check_coverage(officer, _agreement(Cohort({"kpps"}, headcount=7), term=AGREEMENT_TERM), on=on)
    assert decision.codes(Scope.JKK) == ("in_agreement_term", "registered")
    assert decision.status(Scope.JKK) is COVERED
    assert _text(decision, Scope.JKK, "in_agreement_term") == (
        "KPPS termasuk kelompok peserta; tanggal dalam masa perjanjian 2024-01-26/2024-02-24.",
        "KPPS is in a covered group; the date is inside the agreement term 2024-01-26/2024-02-24.",
    )


@pytest.mark.parametrize("on", [dt.date(2024, 1, 25), dt.date(2024, 2, 25)])
def test_an_undated_group_is_not_covered_outside_the_agreement_term(on: dt.date) -> None:
    """The day before and the day after the agreement's term are outside it, and the term is named."""
    officer = _officer(bpjs_registered_on=KPPS_TERM.start)
    decision = check_coverage(officer, _agreement(Cohort({"kpps"}, headcount=7), term=AGREEMENT_TERM), on=on)
    assert decision.codes(Scope.JKK) == ("outside_agreement_term", "registered")
    assert decision.status(Scope.JKK) is NOT_COVERED
    assert _text(decision, Scope.JKK, "outside_agreement_term") == (
        "Tanggal di luar masa perjanjian 2024-01-26/2024-02-24.",
        "The date is outside the agreement term 2024-01-26/2024-02-24.",
    )


def test_an_undated_group_without_a_term_is_uncertain() -> None:
    """With neither the group's period nor the agreement's term reported, the date cannot be confirmed."""
    decision = check_coverage(_officer(), _agreement(Cohort({"kpps"}, headcount=7)), on=VOTING_DAY)
    assert decision.codes(Scope.JKK) == ("period_unreported", "registered")
    assert decision.status(Scope.JKK) is UNCERTAIN


def test_a_dated_group_outside_and_an_undated_group_fall_back_on_the_term() -> None:
    """When the dated group's period misses the date, an undated group of the role is decided by the term."""
    cohorts = (
        Cohort({"kpps"}, headcount=7, period=Period(dt.date(2024, 1, 26), dt.date(2024, 2, 1))),
        Cohort({"kpps"}, headcount=7),
    )
    decision = check_coverage(_officer(), _agreement(*cohorts, term=AGREEMENT_TERM), on=VOTING_DAY)
    assert decision.codes(Scope.JKK) == ("in_agreement_term", "registered")


@pytest.mark.parametrize(
    ("programmes", "jkk", "jkm"),
    [
        (("jkk", "jkm"), (), ()),
        (("jkk",), (), ("programme_not_in_agreement",)),
        (("jkm",), ("programme_not_in_agreement",), ()),
        ((), ("programmes_unreported",), ("programmes_unreported",)),
    ],
)
def test_the_agreement_must_name_the_programme(
    programmes: tuple[str, ...], jkk: tuple[str, ...], jkm: tuple[str, ...]
) -> None:
    """Each programme is covered only if the agreement names it; unreported programmes leave both uncertain."""
    decision = check_coverage(_officer(), _agreement(programmes=programmes), on=VOTING_DAY)
    assert decision.codes(Scope.JKK) == ("in_cohort_period", "registered", *jkk)
    assert decision.codes(Scope.JKM) == ("in_cohort_period", "registered", *jkm)


def test_a_missing_programme_is_named() -> None:
    """An agreement that covers JKK only says it does not cover JKM, in both languages."""
    decision = check_coverage(_officer(), _agreement(programmes=("jkk",)), on=VOTING_DAY)
    assert decision.status(Scope.JKM) is NOT_COVERED
    assert decision.status(Scope.JKK) is COVERED
    assert _text(decision, Scope.JKM, "programme_not_in_agreement") == (
        "Perjanjian tidak mencakup Jaminan Kematian (JKM).",
        "The agreement does not cover death insurance (JKM).",
    )


# --------------------------------------------------------------------------- incidents


@pytest.mark.parametrize(
    ("kind", "fatal", "jkk", "jkm"),
    [
        (IncidentKind.WORK_ACCIDENT, False, "work_related", "no_death"),
        (IncidentKind.COMMUTING_ACCIDENT, False, "work_related", "no_death"),
        (IncidentKind.OCCUPATIONAL_DISEASE, False, "work_related", "no_death"),
        (IncidentKind.WORK_ACCIDENT, True, "work_related", "death_paid_by_jkk"),
        (IncidentKind.OCCUPATIONAL_DISEASE, True, "work_related", "death_paid_by_jkk"),
        (IncidentKind.SUDDEN_DEATH_AT_WORK, True, "sudden_death_criteria", "jkk_or_jkm"),
        (IncidentKind.INJURY_OFF_DUTY, False, "not_work_related", "no_death"),
        (IncidentKind.INJURY_OFF_DUTY, True, "not_work_related", "death_not_work_accident"),
    ],
)
def test_each_incident_kind_is_decided_for_jkk_and_jkm(kind: IncidentKind, fatal: bool, jkk: str, jkm: str) -> None:
    """JKK answers a work-related incident (UU 40/2004 Pasal 29); JKM a death not from the work (PP 44/2015 Pasal 34)."""
    decision = check_coverage(_officer(), _agreement(), on=VOTING_DAY, incident=Incident(kind, VOTING_DAY, fatal=fatal))
    assert decision.codes(Scope.JKK) == ("in_cohort_period", "registered", jkk)
    assert decision.codes(Scope.JKM) == ("in_cohort_period", "registered", jkm)
    statuses = {code: reason_catalogue()[code].status for code in (jkk, jkm)}
    assert decision.status(Scope.JKK) is statuses[jkk]
    assert decision.status(Scope.JKM) is statuses[jkm]


def test_a_death_not_from_the_work_is_jkm_with_the_scholarship_condition() -> None:
    """A death not from the work is not JKK and is JKM, followed by the scholarship condition."""
    incident = Incident(IncidentKind.DEATH_OTHER, VOTING_DAY, fatal=True)
    decision = check_coverage(_officer(), _agreement(), on=VOTING_DAY, incident=incident)
    assert decision.codes(Scope.JKK) == ("in_cohort_period", "registered", "not_work_related")
    assert decision.codes(Scope.JKM) == (
        "in_cohort_period",
        "registered",
        "death_not_work_accident",
        "scholarship_membership_short",
    )
    assert [d.status for d in decision.decisions] == [NOT_COVERED, COVERED, COVERED]
    assert decision.incident == incident


def test_a_work_accident_with_a_claim_states_the_deadline_after_the_accident() -> None:
    """A work accident with a claim filed is work-related, then the claim's timeliness follows."""
    incident = Incident(IncidentKind.WORK_ACCIDENT, VOTING_DAY, claim_filed_on=dt.date(2024, 3, 1))
    decision = check_coverage(_officer(), _agreement(), on=VOTING_DAY, incident=incident)
    assert decision.codes(Scope.JKK) == ("in_cohort_period", "registered", "work_related", "claim_in_time")
    assert decision.codes(Scope.JKM) == ("in_cohort_period", "registered", "no_death")


def test_a_sudden_death_claim_is_still_checked_for_time() -> None:
    """A sudden death at work with a claim filed keeps the criteria reason and adds the claim's timeliness."""
    incident = Incident(IncidentKind.SUDDEN_DEATH_AT_WORK, VOTING_DAY, fatal=True, claim_filed_on=dt.date(2030, 1, 1))
    decision = check_coverage(_officer(), _agreement(), on=VOTING_DAY, incident=incident)
    assert decision.codes(Scope.JKK) == ("in_cohort_period", "registered", "sudden_death_criteria", "claim_expired")
    assert decision.status(Scope.JKK) is NOT_COVERED


def test_a_claim_for_an_incident_that_is_not_work_related_is_not_checked_for_time() -> None:
    """An incident that is not work-related gives no claim deadline reason: there is no JKK claim."""
    incident = Incident(IncidentKind.INJURY_OFF_DUTY, VOTING_DAY, claim_filed_on=dt.date(2030, 1, 1))
    decision = check_coverage(_officer(), _agreement(), on=VOTING_DAY, incident=incident)
    assert decision.codes(Scope.JKK) == ("in_cohort_period", "registered", "not_work_related")


# --------------------------------------------------------------------------- santunan


@pytest.mark.parametrize(("role", "body"), [("kpps", "KPU"), ("ptps", "Bawaslu")])
def test_the_santunan_is_the_officers_own_bodys(role: str, body: str) -> None:
    """A KPU officer has KPU's santunan and a Bawaslu officer (PTPS) Bawaslu's, named in the reason."""
    officer = _officer(role=role, position="petugas" if role == "ptps" else "anggota")
    decision = check_coverage(officer, None, on=VOTING_DAY)
    assert decision.codes(Scope.SANTUNAN) == SANTUNAN_KPU
    assert _text(decision, Scope.SANTUNAN, "ad_hoc_officer_on_duty") == (
        f"Badan ad hoc {body} dalam masa tugas: santunan {body} berlaku, terpisah dari BPJS.",
        f"A {body} ad hoc officer within the term: {body}'s santunan applies, separately from BPJS.",
    )


def test_an_injury_off_duty_is_not_compensated_by_the_santunan() -> None:
    """An injury off duty is not compensated by the santunan, though the officer is within the term."""
    incident = Incident(IncidentKind.INJURY_OFF_DUTY, VOTING_DAY)
    decision = check_coverage(_officer(), _agreement(), on=VOTING_DAY, incident=incident)
    assert decision.codes(Scope.SANTUNAN) == ("ad_hoc_officer_on_duty", "injury_off_duty")
    assert decision.status(Scope.SANTUNAN) is NOT_COVERED


@pytest.mark.parametrize(
    "kind", [IncidentKind.WORK_ACCIDENT, IncidentKind.COMMUTING_ACCIDENT, IncidentKind.OCCUPATIONAL_DISEASE]
)
def test_a_work_incident_keeps_the_santunan(kind: IncidentKind) -> None:
    """A work-related incident within the term leaves the santunan covered."""
    decision = check_coverage(_officer(), _agreement(), on=VOTING_DAY, incident=Incident(kind, VOTING_DAY))
    assert decision.codes(Scope.SANTUNAN) == SANTUNAN_KPU
    assert decision.status(Scope.SANTUNAN) is COVERED


def test_a_fatal_injury_off_duty_keeps_the_santunan() -> None:
    """A death (an injury off duty that was fatal) is not an 'injury off duty' for the santunan."""
    incident = Incident(IncidentKind.INJURY_OFF_DUTY, VOTING_DAY, fatal=True)
    decision = check_coverage(_officer(), _agreement(), on=VOTING_DAY, incident=incident)
    assert decision.codes(Scope.SANTUNAN) == SANTUNAN_KPU


PILKADA_KPPS = Period(dt.date(2020, 11, 24), dt.date(2020, 12, 23))


@pytest.mark.parametrize(
    ("on", "codes"),
    [
        (dt.date(2022, 8, 4), ("outside_officer_term", "santunan_amounts_unknown")),
        (dt.date(2022, 8, 5), ("outside_officer_term",)),
    ],
)
def test_santunan_amounts_are_known_from_5_august_2022(on: dt.date, codes: tuple[str, ...]) -> None:
    """The rule data has no santunan amounts from 2020 until 4 August 2022 (S-647/MK.02/2022 from 5 August)."""
    officer = _officer(election="pilkada_2020", appointment=PILKADA_KPPS, bpjs_registered_on=dt.date(2020, 11, 25))
    decision = check_coverage(officer, None, on=on)
    assert decision.codes(Scope.SANTUNAN) == codes
    used = {v.name for v in decision.receipt.values}
    assert (SANTUNAN_DEATH in used) is (len(codes) == 1)


def test_unknown_santunan_amounts_within_the_term_are_uncertain() -> None:
    """Within the Pilkada 2020 term the santunan amounts are not in the rule data: uncertain, naming the body."""
    officer = _officer(election="pilkada_2020", appointment=PILKADA_KPPS, bpjs_registered_on=dt.date(2020, 11, 25))
    decision = check_coverage(officer, None, on=dt.date(2020, 12, 9))
    assert decision.codes(Scope.SANTUNAN) == ("santunan_amounts_unknown",)
    assert decision.status(Scope.SANTUNAN) is UNCERTAIN
    assert _text(decision, Scope.SANTUNAN, "santunan_amounts_unknown") == (
        "Besaran santunan KPU untuk tanggal ini tidak ada dalam data aturan.",
        "KPU's santunan amounts for this date are not in the rule data.",
    )


# --------------------------------------------------------------------------- the receipt and the inputs


def test_the_receipt_lists_the_values_the_decision_rests_on() -> None:
    """A decision rests on the JKK/JKM rules being in force and on the santunan amounts: its receipt lists them."""
    decision = check_coverage(_officer(), _agreement(), on=VOTING_DAY)
    used = {v.name for v in decision.receipt.values}
    assert {names.JKK_CLAIM_EXPIRY_YEARS, names.JKM_LUMP_SUM, SANTUNAN_DEATH} <= used
    assert decision.receipt.on == VOTING_DAY


def test_a_date_before_the_jkk_jkm_rules_is_refused() -> None:
    """There is nothing to decide before PP 44/2015 took effect (1 July 2015)."""
    officer = _officer(election="pemilu_2019", appointment=Period(dt.date(2015, 6, 1), dt.date(2015, 7, 31)))
    with pytest.raises(RuleNotInForceError):
        check_coverage(officer, None, on=dt.date(2015, 6, 30))
    assert check_coverage(officer, None, on=dt.date(2015, 7, 1)).on == dt.date(2015, 7, 1)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: check_coverage("Sri", None, on=VOTING_DAY), "officer: expected an Officer, got str"),  # type: ignore[arg-type]
        (
            lambda: check_coverage(_officer(), "pks-test", on=VOTING_DAY),  # type: ignore[arg-type]
            "agreement: expected an Agreement or None, got str",
        ),
        (
            lambda: check_coverage(_officer(), None, on="2024-02-14"),  # type: ignore[arg-type]
            "on: expected a datetime.date, got str ('2024-02-14')",
        ),
        (
            lambda: check_coverage(_officer(), None, on=dt.datetime(2024, 2, 14, 10, 0)),
            "on: expected a datetime.date, got datetime (datetime.datetime(2024, 2, 14, 10, 0))",
        ),
        (
            lambda: check_coverage(_officer(), None, on=VOTING_DAY, incident="death"),  # type: ignore[arg-type]
            "incident: expected an Incident or None, got str",
        ),
        (
            lambda: check_coverage(
                _officer(), None, on=VOTING_DAY, incident=Incident(IncidentKind.WORK_ACCIDENT, dt.date(2024, 2, 15))
            ),
            "incident: it happened on 2024-02-15, but on is 2024-02-14",
        ),
    ],
)
def test_wrong_inputs_are_refused_naming_the_argument_and_the_value(call: object, message: str) -> None:
    """Each wrong argument is refused with an InputError naming it and what was given."""
    assert callable(call)
    with pytest.raises(InputError) as caught:
        call()
    assert str(caught.value) == message


def test_decision_for_an_unknown_scope_is_a_key_error() -> None:
    """Asking a decision for something that is not one of its scopes is a KeyError naming it."""
    decision = check_coverage(_officer(), None, on=VOTING_DAY)
    with pytest.raises(KeyError) as caught:
        decision.decision("jht")  # type: ignore[arg-type]
    assert caught.value.args == ("jht",)


# --------------------------------------------------------------------------- combining reasons


@pytest.mark.parametrize(
    ("codes", "status"),
    [
        ((), UNCERTAIN),
        (("asn_own_scheme",), NOT_COVERED),
        (("period_unreported",), UNCERTAIN),
        (("programmes_unreported", "asn_own_scheme"), NOT_COVERED),
        (("asn_own_scheme", "programmes_unreported"), NOT_COVERED),
        (("period_unreported", "programmes_unreported"), UNCERTAIN),
        (("programmes_unreported", "no_death", "period_unreported"), NOT_COVERED),
    ],
)
def test_the_worst_reason_decides_a_scope(codes: tuple[str, ...], status: CoverageStatus) -> None:
    """Not covered if any reason says so, else uncertain if any reason is or there is none, else covered."""
    reasons = [reason_catalogue().reason(code) for code in codes]
    decision = ProgrammeDecision.combine(Scope.JKM, reasons)
    assert decision.status is status
    assert decision.reasons == tuple(reasons)
    assert decision.scope is Scope.JKM


def test_covered_reasons_alone_cover_and_one_uncertain_makes_it_uncertain() -> None:
    """Only covered reasons make a scope covered; one uncertain reason after them makes it uncertain."""
    covered = reason_catalogue().reason("registered", registered=REGISTERED)
    assert ProgrammeDecision.combine(Scope.JKK, [covered]).status is COVERED
    assert ProgrammeDecision.combine(Scope.JKK, iter([covered, covered])).status is COVERED
    uncertain = reason_catalogue().reason("period_unreported")
    assert ProgrammeDecision.combine(Scope.JKK, [covered, uncertain]).status is UNCERTAIN
    assert ProgrammeDecision.combine(Scope.JKK, [uncertain, covered]).status is UNCERTAIN


def test_a_snapshot_of_another_date_is_refused_naming_the_decision() -> None:
    """Rules taken on another date are refused: the message names "a coverage decision" and both dates."""
    from jamsos_pemilu import rules_on

    with pytest.raises(InputError) as caught:
        check_coverage(_officer(), None, on=VOTING_DAY, rules=rules_on(dt.date(2024, 2, 15)))
    assert str(caught.value) == (
        "rules: a snapshot taken on 2024-02-15 was passed, but a coverage decision applies the law of 2024-02-14; "
        "pass rules_on(datetime.date(2024, 2, 14), reform=...) or rules.at(datetime.date(2024, 2, 14))"
    )


def test_the_other_reading_of_a_disputed_period_decides_the_same_incident() -> None:
    """Under another reading of a disputed cohort period, the same incident is decided (a work accident: JKK)."""
    from jamsos_pemilu.l10n import Text
    from jamsos_pemilu.readings import Alternative

    misprint = Period(dt.date(2023, 1, 25), dt.date(2023, 2, 25))
    why = Text(id="tahun salah cetak", en="year misprinted")
    cohort = Cohort({"kpps"}, headcount=7, period=misprint, period_readings=(Alternative(KPPS_TERM, "test.txt", why),))
    incident = Incident(IncidentKind.WORK_ACCIDENT, VOTING_DAY, claim_filed_on=dt.date(2024, 3, 1))
    decision = check_coverage(_officer(), _agreement(cohort), on=VOTING_DAY, incident=incident)
    assert decision.codes(Scope.JKK) == ("outside_cohort_period", "registered", "work_related", "claim_in_time")
    (other,) = decision.other_readings
    jkk = next(d for d in other.decisions if d.scope is Scope.JKK)
    assert tuple(r.code for r in jkk.reasons) == ("in_cohort_period", "registered", "work_related", "claim_in_time")
    assert jkk.status is COVERED


def test_without_an_agreement_a_civil_servant_is_still_not_covered() -> None:
    """Without an agreement, a registered civil servant is still not covered: ASN have PT Taspen (PMK 208/2015)."""
    decision = check_coverage(_officer(asn=True), None, on=VOTING_DAY)
    assert decision.codes(Scope.JKK) == ("asn_own_scheme", "registered_without_agreement", "registered")
    assert decision.status(Scope.JKK) is NOT_COVERED


def test_without_an_agreement_a_date_after_the_term_is_not_covered() -> None:
    """Without an agreement, a date after the officer's term is still not covered, whatever the registration."""
    decision = check_coverage(_officer(), None, on=KPPS_TERM.end + dt.timedelta(days=1))
    assert decision.codes(Scope.JKM) == ("outside_officer_term", "registered_without_agreement", "registered")
    assert decision.status(Scope.JKM) is NOT_COVERED


def test_another_reading_of_one_group_leaves_the_other_groups_periods_as_reported() -> None:
    """A disputed period is re-read for its own group only: another group whose period covers the date still does."""
    from jamsos_pemilu.l10n import Text
    from jamsos_pemilu.readings import Alternative

    misprint = Period(dt.date(2023, 3, 1), dt.date(2023, 3, 10))
    reading = Alternative(Period(dt.date(2024, 3, 1), dt.date(2024, 3, 10)), "test.txt", Text(id="tahun", en="year"))
    disputed = Cohort({"kpps"}, headcount=7, period=misprint, period_readings=(reading,))
    dated = Cohort({"kpps"}, headcount=7, period=KPPS_TERM)
    decision = check_coverage(_officer(), _agreement(disputed, dated), on=VOTING_DAY)
    assert decision.codes(Scope.JKK) == ("in_cohort_period", "registered")
    assert decision.other_readings == ()
