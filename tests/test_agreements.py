"""Tests for jamsos_pemilu.agreements and jamsos_pemilu.agreement_checks: models, validation, warnings."""

import datetime as dt

import attrs
import pytest

from jamsos_pemilu.agreement_checks import problem_path
from jamsos_pemilu.agreements import Agreement, AgreementKind, Cohort, OtherPersonnel, Party, Payer, Statement
from jamsos_pemilu.elections import election
from jamsos_pemilu.exceptions import AgreementError, InputError, UnknownCodeError
from jamsos_pemilu.institutions import AdministrativeLevel, BpjsOffice, Institution, PartyRole
from jamsos_pemilu.periods import Period
from jamsos_pemilu.roles import Body, Position, Role
from jamsos_pemilu.schemes import BudgetSource, Programme, WageEarner

BPJS = Party(Institution.bpjs("Kisaran", BpjsOffice.KANTOR_CABANG), {PartyRole.PROVIDER})
KPU = Party(Institution.kpu("Asahan", AdministrativeLevel.REGENCY))
NOV = Period(dt.date(2024, 11, 1), dt.date(2024, 11, 30))
DEC = Period(dt.date(2024, 12, 1), dt.date(2024, 12, 31))


def make(**changes: object) -> Agreement:
    """A complete, valid Pilkada 2024 agreement, with ``changes`` applied."""
    fields: dict[str, object] = {
        "id": "test",
        "title": "Test",
        "kind": AgreementKind.PKS,
        "elections": ("pilkada_2024",),
        "parties": (KPU, BPJS),
        "programmes": {Programme.JKK, Programme.JKM},
        "scheme": WageEarner(),
        "payer": Payer(Institution.pemda("Asahan", AdministrativeLevel.REGENCY), BudgetSource.APBD),
        "term": Period(dt.date(2024, 11, 1), dt.date(2024, 12, 31)),
        "cohorts": (Cohort({Role.KPPS}, headcount=10, period=Period(dt.date(2024, 11, 7), dt.date(2024, 12, 8))),),
        "reported_total": 10,
        "sources": ("https://example.org/a",),
    }
    fields.update(changes)
    return Agreement(**fields)  # type: ignore[arg-type]


def problems_of(**changes: object) -> tuple[str, ...]:
    """The problems AgreementError lists for ``make(**changes)``."""
    with pytest.raises(AgreementError) as caught:
        make(**changes)
    return caught.value.problems


def test_valid_agreement_has_no_warnings() -> None:
    """A complete agreement whose cohort fits the KPPS term raises no warnings."""
    assert make().warnings() == ()


def test_text_codes_are_parsed() -> None:
    """Roles, positions, parts and programmes may be given as text."""
    cohort = Cohort({"KPPS"}, {"Ketua"})
    party = Party(Institution.bpjs("X"), {"provider"})
    assert cohort.roles == {Role.KPPS} and cohort.positions == {Position.KETUA}
    assert party.parts == {PartyRole.PROVIDER}
    assert make(programmes={"JKK"}).programmes == {Programme.JKK}


def test_unknown_role_text_refused() -> None:
    """Unknown role text raises UnknownCodeError."""
    with pytest.raises(UnknownCodeError):
        Cohort({"lurah"})


def test_negative_headcount_refused_with_path() -> None:
    """A negative headcount is a problem at cohorts[i].headcount."""
    found = problems_of(cohorts=(Cohort({Role.KPPS}, headcount=1), Cohort({Role.PPS}, headcount=-3)))
    assert [problem_path(p) for p in found] == ["cohorts[1].headcount"]


def test_missing_bpjs_party_refused() -> None:
    """An agreement without a BPJS Ketenagakerjaan party is impossible."""
    found = problems_of(parties=(KPU,))
    assert [problem_path(p) for p in found] == ["parties"]


def test_cohort_period_outside_term_refused() -> None:
    """A cohort period that is not inside the agreement's term is refused."""
    late = Period(dt.date(2024, 12, 20), dt.date(2025, 1, 5))
    found = problems_of(cohorts=(Cohort({Role.KPPS}, period=late),))
    assert [problem_path(p) for p in found] == ["cohorts[0].period"]


def test_role_not_in_election_refused() -> None:
    """Overseas roles do not exist in a Pilkada."""
    found = problems_of(cohorts=(Cohort({Role.KPPSLN}, headcount=1),))
    assert election("pilkada_2024").has_role(Role.KPPSLN) is False
    assert [problem_path(p) for p in found] == ["cohorts[0].roles"]


def test_position_not_in_role_refused() -> None:
    """KPPS has no secretary."""
    found = problems_of(cohorts=(Cohort({Role.KPPS}, {Position.SEKRETARIS}),))
    assert [problem_path(p) for p in found] == ["cohorts[0].positions"]


def test_body_contradicting_roles_refused() -> None:
    """A cohort of KPPS marked as Bawaslu is refused."""
    found = problems_of(cohorts=(Cohort({Role.KPPS}, body=Body.BAWASLU),))
    assert [problem_path(p) for p in found] == ["cohorts[0].body"]


def test_unknown_election_refused() -> None:
    """An unknown election key is a problem at elections[i]."""
    found = problems_of(elections=("pilkada_2099",))
    assert [problem_path(p) for p in found] == ["elections[0]"]


def test_every_problem_listed() -> None:
    """All problems are reported together, not only the first."""
    found = problems_of(
        parties=(KPU,),
        cohorts=(Cohort({Role.KPPS}, headcount=-1), Cohort({Role.KPPSLN})),
        reported_total=-5,
    )
    assert {problem_path(p) for p in found} == {
        "parties", "cohorts[0].headcount", "cohorts[1].roles", "reported_total",
    }


def test_provider_must_be_bpjs() -> None:
    """Only BPJS Ketenagakerjaan can be the provider."""
    wrong = Party(Institution.kpu("X", AdministrativeLevel.CITY), {PartyRole.PROVIDER})
    found = problems_of(parties=(wrong, BPJS))
    assert [problem_path(p) for p in found] == ["parties[0].parts"]


def test_state_attorney_must_be_kejaksaan() -> None:
    """Only a Kejaksaan Negeri acts as state attorney."""
    wrong = Party(Institution.kpu("X", AdministrativeLevel.CITY), {PartyRole.STATE_ATTORNEY})
    kejari = Party(Institution.kejaksaan_negeri("Asahan"), {PartyRole.STATE_ATTORNEY})
    assert make(parties=(kejari, BPJS)).parties[0] == kejari
    assert [problem_path(p) for p in problems_of(parties=(wrong, BPJS))] == ["parties[0].parts"]


def test_duplicate_party_refused() -> None:
    """The same institution may not be listed twice."""
    assert [problem_path(p) for p in problems_of(parties=(BPJS, BPJS))] == ["parties[1].institution"]


def test_bad_source_url_refused() -> None:
    """Sources must be http(s) URLs."""
    assert [problem_path(p) for p in problems_of(sources=("waspada.id",))] == ["sources[0]"]


def test_bad_id_refused() -> None:
    """Ids are lower-case slugs."""
    assert [problem_path(p) for p in problems_of(id="Asahan 2024")] == ["id"]


def test_error_names_agreement() -> None:
    """AgreementError carries the agreement's id."""
    with pytest.raises(AgreementError) as caught:
        make(id="asahan", parties=(KPU,))
    assert caught.value.agreement == "asahan"
    assert "asahan" in str(caught.value)


def test_payer_needs_institution_or_budget() -> None:
    """A payer with nothing known is refused (the agreement's payer is None instead)."""
    with pytest.raises(InputError):
        Payer()


def test_total_unknown_when_a_headcount_is_unknown() -> None:
    """total_headcount is None when a cohort's headcount is unknown; known_headcount sums the rest."""
    agreement = make(cohorts=(Cohort({Role.KPPS}, headcount=7), Cohort({Role.PTPS})), reported_total=None)
    assert (agreement.total_headcount, agreement.known_headcount) == (None, 7)


def test_warns_total_mismatch() -> None:
    """Cohorts not adding up to the reported total are flagged."""
    agreement = make(reported_total=11)
    assert [w.render("en") for w in agreement.warnings()] == [
        "the cohorts add up to 10, not the reported total of 11"
    ]


def test_warns_missing_payer_and_scheme() -> None:
    """No payer and no scheme are flagged."""
    texts = [w.render("en") for w in make(payer=None, scheme=None).warnings()]
    assert texts == [
        "no payer is reported",
        "no coverage scheme (wage earner / non-wage earner) is reported",
    ]


def test_warns_cohort_without_period() -> None:
    """A cohort without a period is flagged, mentioning a reported length."""
    texts = [w.render("en") for w in make(cohorts=(Cohort({Role.KPPS}, headcount=10, months=1),)).warnings()]
    assert texts == ["cohorts[0] has no coverage period (only a length of 1 months)"]


def test_warns_overlapping_cohorts() -> None:
    """Two cohorts counting KPPS over overlapping days are flagged."""
    cohorts = (Cohort({Role.KPPS}, headcount=5, period=NOV), Cohort({Role.KPPS}, headcount=5, period=NOV))
    texts = [w.render("en") for w in make(cohorts=cohorts, term=None).warnings()]
    assert any("both count KPPS" in t for t in texts)


def test_disjoint_positions_do_not_overlap() -> None:
    """Ketua and anggota cohorts of the same role are not an overlap."""
    cohorts = (
        Cohort({Role.KPPS}, {Position.KETUA}, headcount=5, period=NOV),
        Cohort({Role.KPPS}, {Position.ANGGOTA}, headcount=5, period=NOV),
    )
    texts = [w.render("en") for w in make(cohorts=cohorts, term=None).warnings()]
    assert not any("both count" in t for t in texts)


def test_warns_period_longer_than_term() -> None:
    """A KPPS cohort covering two whole months exceeds the Pilkada 2024 KPPS term."""
    term = election("pilkada_2024").term(Role.KPPS)
    assert term is not None
    long = Period(dt.date(2024, 11, 1), dt.date(2024, 12, 31))
    assert long.days > term.days
    texts = [w.render("en") for w in make(cohorts=(Cohort({Role.KPPS}, headcount=10, period=long),)).warnings()]
    assert any("longer than the KPPS term" in t for t in texts)


def test_warnings_bilingual() -> None:
    """Warnings exist in Indonesian too."""
    assert make(payer=None).warnings()[0].render("id") == "pembayar iuran tidak dilaporkan"


def test_evolve_revalidates() -> None:
    """attrs.evolve builds a new agreement and checks it again."""
    with pytest.raises(AgreementError):
        attrs.evolve(make(), parties=(KPU,))


def test_placement_finds_the_cohorts_of_a_role_and_position() -> None:
    """An agreement places a role and position in the cohorts that count it, and flags unnamed cohorts."""
    agreement = make(cohorts=(Cohort({Role.KPPS}, {"ketua"}, headcount=1), Cohort(headcount=3, body=Body.KPU)), reported_total=None)
    ketua = agreement.placement(Role.KPPS, Position.KETUA)
    assert ketua.cohorts == (agreement.cohorts[0],) and ketua.unnamed
    assert agreement.placement(Role.KPPS, Position.ANGGOTA).cohorts == ()
    assert agreement.placement(Role.KPPS, Position.KETUA) is ketua  # computed once per agreement


def test_unnamed_cohort_of_the_other_body_does_not_place() -> None:
    """A Bawaslu cohort without roles says nothing about KPU roles."""
    agreement = make(cohorts=(Cohort(headcount=3, body=Body.BAWASLU),), reported_total=None)
    assert not agreement.placement(Role.KPPS, Position.ANGGOTA).unnamed
    assert agreement.placement(Role.PTPS, Position.PETUGAS).unnamed


def test_commissioners_are_other_personnel_not_roles() -> None:
    """Commissioners are recorded beside the ad hoc roles of a cohort, parsed from their Indonesian name."""
    cohort = Cohort({"ppk"}, headcount=10, others={"Komisioner"})
    assert cohort.others == {OtherPersonnel.COMMISSIONER}
    assert OtherPersonnel.parse("pekerja staf") is OtherPersonnel.SECRETARIAT_STAFF
    with pytest.raises(UnknownCodeError):
        Cohort(others={"bupati"})


def test_period_readings_must_hold_periods() -> None:
    """Another reading of a cohort period must be an Alternative holding a Period."""
    problems = problems_of(cohorts=(Cohort({Role.KPPS}, headcount=10, period_readings=("2024-11",)),))  # type: ignore[arg-type]
    assert any(p.startswith("cohorts[0].period_readings[0]: expected an Alternative") for p in problems)


def test_report_fields_are_checked() -> None:
    """Report file names, excerpts and statements are checked with their paths."""
    problems = problems_of(report_files=("../etc/passwd",), excerpts=(" ",), statements=("said",), covers_commute="yes")
    assert {problem_path(p) for p in problems} == {"report_files[0]", "excerpts[0]", "statements[0]", "covers_commute"}
    with pytest.raises(InputError, match="statement quote"):
        Statement("Zul", "")


def test_handover_date_is_checked() -> None:
    """A handover date must be a date."""
    assert "handed_over_on" in {problem_path(p) for p in problems_of(handed_over_on="2024-02-02")}
