"""How a premium budget prices each cohort when the report leaves facts out (jamsos_pemilu.budgets).

The rules stated here are the budget's documented assumptions (module docstring of
:mod:`jamsos_pemilu.budgets`): which months a cohort is covered (its own period, else the
agreement's term, else a reported length from the month of signing, else the role's term in the
election), which wage a wage-earner cohort is priced on (its reported wage, else the highest
honorarium its positions may earn in the first month, an upper bound), which scheme and programmes
are assumed, and when a cohort cannot be priced at all. Premium rates are those of PP 44/2015
Pasal 16 ayat (1) huruf a (JKK 0,24 % at the lowest risk class) and Pasal 18 ayat (1) (JKM 0,30 %);
honoraria are the SBML amounts in ``law/data/honoraria.toml``; all amounts are read from the rule
data through :func:`~jamsos_pemilu.premiums.monthly_premium` or :func:`~jamsos_pemilu.law.rules_on`.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from jamsos_pemilu import InputError, Month, Period, Reform, Rupiah, default_rule_book
from jamsos_pemilu.agreements import Agreement, Cohort, Party, Payer
from jamsos_pemilu.budgets import AgreementBudget, CohortBudget, agreement_budget, cohort_budget
from jamsos_pemilu.institutions import AdministrativeLevel, Institution
from jamsos_pemilu.l10n import Text
from jamsos_pemilu.law import names, rules_on
from jamsos_pemilu.premiums import monthly_premium
from jamsos_pemilu.readings import Alternative
from jamsos_pemilu.roles import Position, Role
from jamsos_pemilu.schemes import BudgetSource, NonWageEarner, Programme, WageEarner

BPJS = Party(Institution.bpjs("Makassar"), {"provider"})
PAYER = Payer(Institution.pemda("Makassar", AdministrativeLevel.CITY), BudgetSource.APBD)
KPPS_TERM = Period(dt.date(2024, 1, 25), dt.date(2024, 2, 25))
"""The KPPS term in the 2024 general election (``data/elections.toml``): two contribution months."""
SIGNED = dt.date(2024, 1, 10)


def _agreement(*cohorts: Cohort, elections: tuple[str, ...] = ("pemilu_2024",)) -> Agreement:
    return Agreement(
        id="test",
        title="Test PKS",
        elections=elections,
        parties=(BPJS,),
        programmes={"jkk", "jkm"},
        payer=PAYER,
        cohorts=cohorts,
    )


def _honorarium(election: str, role: str, position: str, month: Month) -> Rupiah:
    """The SBML honorarium in force on the first day of ``month`` (``law/data/honoraria.toml``)."""
    return rules_on(month.first_day)[names.honorarium(election, Role(role), Position(position))].rupiah


def _per_month(basis: Rupiah, month: Month) -> Rupiah:
    """One wage-earner officer's JKK + JKM premium for ``month`` on ``basis`` (PP 44/2015 Pasal 16, 18)."""
    return monthly_premium(basis, month=month).total


def _en(notes: tuple[Text, ...]) -> list[str]:
    return [note.render("en") for note in notes]


def _id(notes: tuple[Text, ...]) -> list[str]:
    return [note.render("id") for note in notes]


# --- Which months a cohort is covered -------------------------------------------------------------


def test_cohort_period_is_used_before_the_agreement_term() -> None:
    """A cohort's own period decides its months even when the agreement has a longer term."""
    agreement = attrs.evolve(
        _agreement(Cohort({"kpps"}, {"anggota"}, headcount=3, period=KPPS_TERM)),
        term=Period(dt.date(2023, 12, 1), dt.date(2024, 3, 31)),
    )
    cohort = agreement_budget(agreement).cohorts[0]
    assert cohort.months == (Month(2024, 1), Month(2024, 2))
    assert cohort.notes == ()


def test_agreement_term_is_used_for_a_cohort_without_its_own_period() -> None:
    """A cohort with no period of its own is covered over the agreement's term, without a note (it is reported)."""
    agreement = attrs.evolve(
        _agreement(Cohort({"kpps"}, {"anggota"}, headcount=3)),
        term=Period(dt.date(2023, 12, 1), dt.date(2024, 3, 31)),
    )
    cohort = agreement_budget(agreement).cohorts[0]
    assert cohort.months == (Month(2023, 12), Month(2024, 1), Month(2024, 2), Month(2024, 3))
    assert cohort.notes == ()
    basis = _honorarium("pemilu_2024", "kpps", "anggota", Month(2023, 12))
    assert cohort.total == sum((_per_month(basis, m).times(3) for m in cohort.months), Rupiah.zero())


@pytest.mark.parametrize(
    ("length", "unit_en"),
    [(1, "month"), (3, "months")],
)
def test_a_reported_length_starts_in_the_month_of_signing(length: int, unit_en: str) -> None:
    """A length in months without dates is counted from the month of signing, and the budget says it assumed so."""
    agreement = attrs.evolve(_agreement(Cohort({"kpps"}, {"anggota"}, headcount=2, months=length)), signed_on=SIGNED)
    cohort = agreement_budget(agreement).cohorts[0]
    assert cohort.months == tuple(Month(2024, 1).plus(i) for i in range(length))
    assert _en(cohort.notes) == [
        f"The report gives only a length of {length} {unit_en}; assumed to start in the month of signing (2024-01)."
    ]
    assert _id(cohort.notes) == [
        f"Laporan hanya menyebut lama {length} bulan; dianggap mulai bulan penandatanganan (2024-01)."
    ]


def test_a_reported_length_without_a_signing_date_falls_back_to_the_role_term() -> None:
    """A length with no signing date has no start: the single role's term in the election is used instead."""
    cohort = agreement_budget(_agreement(Cohort({"kpps"}, {"anggota"}, headcount=2, months=5))).cohorts[0]
    assert cohort.months == (Month(2024, 1), Month(2024, 2))
    assert _en(cohort.notes) == [
        "Coverage period not reported; the term of KPPS in 2024 general election (2024-01-25/2024-02-25) is used."
    ]
    assert _id(cohort.notes) == [
        "Masa perlindungan tidak dilaporkan; dipakai masa tugas KPPS di Pemilihan Umum 2024 (2024-01-25/2024-02-25)."
    ]


def test_a_role_without_a_known_term_leaves_the_months_unknown() -> None:
    """A PPLN cohort (no term in the election data) with no period has no months: one month's cost only.

    Without a signing date the month priced is that of voting day (14 February 2024).
    """
    cohort = agreement_budget(_agreement(Cohort({"ppln"}, {"anggota"}, headcount=4))).cohorts[0]
    assert not cohort.computable and cohort.rows == ()
    assert cohort.total == Rupiah.zero()
    basis = _honorarium("pemilu_2024", "ppln", "anggota", Month(2024, 2))
    assert cohort.basis == basis
    assert cohort.monthly_total == _per_month(basis, Month(2024, 2)).times(4)
    assert cohort.receipt.on == dt.date(2024, 2, 1)
    assert _en(cohort.notes) == [
        "The coverage period is not reported and cannot be derived.",
        "The number of months is unknown; the cost of one month of cover is priced with the rules of 2024-02.",
    ]
    assert _id(cohort.notes) == [
        "Masa perlindungan tidak dilaporkan dan tidak dapat diturunkan.",
        "Jumlah bulan tidak diketahui; biaya satu bulan perlindungan dihitung dengan aturan 2024-02.",
    ]


def test_the_month_of_signing_is_priced_before_voting_day() -> None:
    """With months unknown, the one month priced is the month of signing when the agreement has a signing date."""
    agreement = attrs.evolve(_agreement(Cohort({"ppln"}, {"anggota"}, headcount=4)), signed_on=dt.date(2023, 11, 3))
    cohort = agreement_budget(agreement).cohorts[0]
    assert cohort.receipt.on == dt.date(2023, 11, 1)
    assert cohort.monthly_per_officer == _per_month(cohort.basis or Rupiah.zero(), Month(2023, 11))
    assert "2023-11" in cohort.notes[-1].render("en")


def test_several_roles_without_a_period_have_no_single_term() -> None:
    """A cohort of two roles and no period cannot take one role's term: its months are unknown."""
    cohort = agreement_budget(_agreement(Cohort({"kpps", "pps"}, headcount=4))).cohorts[0]
    assert not cohort.computable
    assert _en(cohort.notes)[0] == "The coverage period is not reported and cannot be derived."


def test_a_role_of_another_election_gets_no_term_and_no_honorarium() -> None:
    """Terms and honoraria come from the first election named: a PPLN cohort under Pilkada 2024 gets neither.

    (PPLN serve only the general election; Pilkada 2024 has no PPLN.)
    """
    agreement = _agreement(Cohort({"ppln"}, headcount=4), elections=("pilkada_2024", "pemilu_2024"))
    cohort = agreement_budget(agreement).cohorts[0]
    assert not cohort.computable and cohort.monthly_total is None and cohort.basis is None
    assert _en(cohort.notes) == [
        "The coverage period is not reported and cannot be derived.",
        "The agreement names several elections; the honoraria of 2024 simultaneous regional-head elections are used.",
        "No honorarium in the rule data for this group.",
    ]
    assert _id(cohort.notes)[1:] == [
        "Perjanjian menyebut beberapa pemilihan; honorarium Pemilihan Serentak 2024 dipakai.",
        "Honorarium tidak ada dalam data aturan untuk kelompok ini.",
    ]
    assert cohort.receipt.on == dt.date(2024, 11, 1)  # voting day of Pilkada 2024: 27 November 2024


# --- Which wage a wage-earner cohort is priced on ---------------------------------------------------


def test_a_reported_wage_is_the_basis_even_without_roles() -> None:
    """A group whose wage the agreement reports is priced on that wage, even when its roles are not reported."""
    wage = Rupiah(2_000_000)
    cohort = agreement_budget(_agreement(Cohort(headcount=5, period=KPPS_TERM, wage=wage))).cohorts[0]
    assert cohort.computable and cohort.basis == wage and cohort.notes == ()
    assert cohort.total == (_per_month(wage, Month(2024, 1)) + _per_month(wage, Month(2024, 2))).times(5)


def test_one_known_position_is_priced_at_its_honorarium_without_an_upper_bound_note() -> None:
    """KPPS anggota have one honorarium (Rp1.100.000 for Pemilu 2024): no upper bound to state."""
    cohort = agreement_budget(_agreement(Cohort({"kpps"}, {"anggota"}, headcount=1, period=KPPS_TERM))).cohorts[0]
    assert cohort.basis == _honorarium("pemilu_2024", "kpps", "anggota", Month(2024, 1)) == Rupiah(1_100_000)
    assert cohort.notes == ()


def test_the_highest_honorarium_is_named_with_its_post_and_amount() -> None:
    """Without positions, a Sekretariat Panwascam cohort is priced at the kepala sekretariat's honorarium, named so."""
    cohort = agreement_budget(
        _agreement(Cohort({"sekretariat_panwaslu_kecamatan"}, headcount=3, period=KPPS_TERM))
    ).cohorts[0]
    head = _honorarium("pemilu_2024", "sekretariat_panwaslu_kecamatan", "kepala_sekretariat", Month(2024, 1))
    assert cohort.basis == head == Rupiah(1_550_000)
    assert _en(cohort.notes) == [
        "Positions/roles not broken down; priced at the highest honorarium "
        "(Sekretariat Panwascam: head of secretariat, IDR 1,550,000) as an upper bound."
    ]
    assert _id(cohort.notes) == [
        "Jabatan/peran tidak dirinci; dihitung dengan honorarium tertinggi "
        "(Sekretariat Panwascam: kepala sekretariat, Rp1.550.000) sebagai batas atas."
    ]


def test_positions_narrow_each_role_and_a_role_without_them_keeps_all_its_positions() -> None:
    """Anggota of KPPS and PPS are priced at the higher anggota honorarium (PPS, Rp1.300.000), not a ketua's.

    Pantarlih have no anggota: for them every Pantarlih position counts (petugas, Rp1.000.000).
    """
    cohort = agreement_budget(
        _agreement(Cohort({"kpps", "pps", "pantarlih"}, {"anggota"}, headcount=3, period=KPPS_TERM))
    ).cohorts[0]
    assert cohort.basis == _honorarium("pemilu_2024", "pps", "anggota", Month(2024, 1)) == Rupiah(1_300_000)
    assert "(PPS: member, IDR 1,300,000)" in cohort.notes[0].render("en")


def test_a_role_whose_only_position_pays_more_sets_the_upper_bound() -> None:
    """A KPPS-anggota and Pantarlih cohort: Pantarlih's petugas (Rp1.000.000) is below KPPS anggota (Rp1.100.000)."""
    cohort = agreement_budget(
        _agreement(Cohort({"kpps", "pantarlih"}, {"anggota"}, headcount=3, period=KPPS_TERM))
    ).cohorts[0]
    assert cohort.basis == Rupiah(1_100_000)
    assert _en(cohort.notes) == [
        "Positions/roles not broken down; priced at the highest honorarium (KPPS: member, IDR 1,100,000) as an upper "
        "bound."
    ]


def test_a_role_the_first_election_lacks_is_skipped_and_the_others_priced() -> None:
    """Honoraria come from the first election: a PPLN + PPS cohort under Pilkada 2024 then Pemilu 2024 is priced on PPS.

    PPLN serve only the general election, so Pilkada 2024 has no PPLN honorarium; the PPS ones count.
    """
    agreement = _agreement(
        Cohort({"ppln", "pps"}, headcount=2, period=KPPS_TERM), elections=("pilkada_2024", "pemilu_2024")
    )
    cohort = agreement_budget(agreement).cohorts[0]
    assert cohort.computable
    assert cohort.basis == _honorarium("pilkada_2024", "pps", "ketua", Month(2024, 1))


def test_equal_highest_honoraria_name_the_first_role_by_code() -> None:
    """Pantarlih and PTPS both earn Rp1.000.000 (Pemilu 2024): the upper bound is that amount, named for Pantarlih."""
    cohort = agreement_budget(_agreement(Cohort({"ptps", "pantarlih"}, headcount=2, period=KPPS_TERM))).cohorts[0]
    assert _honorarium("pemilu_2024", "ptps", "petugas", Month(2024, 1)) == cohort.basis == Rupiah(1_000_000)
    assert _honorarium("pemilu_2024", "pantarlih", "petugas", Month(2024, 1)) == cohort.basis
    assert _en(cohort.notes) == [
        "Positions/roles not broken down; priced at the highest honorarium (Pantarlih: officer, IDR 1,000,000) as an "
        "upper bound."
    ]


def test_roles_without_an_honorarium_are_listed_beside_the_upper_bound() -> None:
    """Pemilu 2019 has no Bawaslu honoraria in the data (not encoded): a KPPS + PTPS cohort is priced on KPPS, PTPS listed."""
    period = Period(dt.date(2019, 4, 10), dt.date(2019, 5, 9))
    cohort = agreement_budget(
        _agreement(Cohort({"kpps", "ptps"}, headcount=3, period=period), elections=("pemilu_2019",))
    ).cohorts[0]
    assert cohort.basis == _honorarium("pemilu_2019", "kpps", "ketua", Month(2019, 4))
    assert _en(cohort.notes)[1:] == ["No honorarium in the rule data for: PTPS: officer."]
    assert _id(cohort.notes)[1:] == ["Tanpa honorarium dalam data aturan: PTPS: petugas."]


def test_a_cohort_with_no_honorarium_at_all_is_not_computable_and_names_the_posts() -> None:
    """A PTPS cohort in Pemilu 2019 (no Bawaslu honorarium encoded) cannot be priced; the note names the post."""
    period = Period(dt.date(2019, 4, 10), dt.date(2019, 5, 9))
    budget = agreement_budget(_agreement(Cohort({"ptps"}, headcount=3, period=period), elections=("pemilu_2019",)))
    cohort = budget.cohorts[0]
    assert not cohort.computable and cohort.basis is None and cohort.monthly_total is None
    assert _en(cohort.notes) == ["No honorarium in the rule data for PTPS: officer."]
    assert _id(cohort.notes) == ["Honorarium tidak ada dalam data aturan untuk PTPS: petugas."]
    assert cohort.receipt.on == dt.date(2019, 4, 1) and cohort.receipt.values == ()


def test_every_post_without_an_honorarium_is_named_in_order() -> None:
    """Each missing post is named (role: position), roles by code, positions in the role's order, semicolon-separated."""
    period = Period(dt.date(2019, 4, 10), dt.date(2019, 5, 9))
    cohort = agreement_budget(
        _agreement(Cohort({"ptps", "panwaslu_kecamatan"}, headcount=3, period=period), elections=("pemilu_2019",))
    ).cohorts[0]
    assert _en(cohort.notes) == [
        "No honorarium in the rule data for Panwascam: chair; Panwascam: member; PTPS: officer."
    ]
    assert _id(cohort.notes) == [
        "Honorarium tidak ada dalam data aturan untuk Panwascam: ketua; Panwascam: anggota; PTPS: petugas."
    ]


def test_the_honorarium_of_the_first_month_is_the_one_in_force_on_its_first_day() -> None:
    """An honorarium counts from the first month whose first day it is in force on.

    Bawaslu's SBML honoraria for Pemilu 2024 apply from 21 September 2022: a PTPS cohort starting in
    September 2022 has no honorarium yet, one starting in October 2022 is priced at Rp1.000.000.
    """
    september = Period(dt.date(2022, 9, 1), dt.date(2022, 9, 30))
    october = Period(dt.date(2022, 10, 1), dt.date(2022, 10, 31))
    before = agreement_budget(_agreement(Cohort({"ptps"}, headcount=2, period=september))).cohorts[0]
    after = agreement_budget(_agreement(Cohort({"ptps"}, headcount=2, period=october))).cohorts[0]
    assert not before.computable
    assert _en(before.notes) == ["No honorarium in the rule data for PTPS: officer."]
    assert after.computable and after.basis == Rupiah(1_000_000)
    assert after.total == _per_month(Rupiah(1_000_000), Month(2022, 10)).times(2)


def test_several_elections_use_the_first_ones_honoraria_and_say_so() -> None:
    """An agreement naming Pemilu 2024 then Pilkada 2024 prices KPPS on the Pemilu 2024 honorarium, with a note."""
    budget = agreement_budget(
        _agreement(
            Cohort({"kpps"}, {"anggota"}, headcount=1, period=KPPS_TERM), elections=("pemilu_2024", "pilkada_2024")
        )
    )
    cohort = budget.cohorts[0]
    assert cohort.basis == _honorarium("pemilu_2024", "kpps", "anggota", Month(2024, 1))
    assert _en(cohort.notes) == [
        "The agreement names several elections; the honoraria of 2024 general election are used."
    ]
    assert _id(cohort.notes) == ["Perjanjian menyebut beberapa pemilihan; honorarium Pemilihan Umum 2024 dipakai."]


def test_no_election_means_no_honorarium() -> None:
    """A wage-earner cohort of an agreement that names no election cannot be priced: the honorarium is unknown."""
    cohort = agreement_budget(_agreement(Cohort({"kpps"}, headcount=2, period=KPPS_TERM), elections=())).cohorts[0]
    assert not cohort.computable and cohort.basis is None
    assert _en(cohort.notes) == ["The election is not reported; the honorarium cannot be determined."]
    assert _id(cohort.notes) == ["Pemilihan tidak dilaporkan; honorarium tidak dapat ditentukan."]
    assert cohort.receipt.on == dt.date(2024, 1, 1)  # the rules of the cohort's first month


# --- Scheme, programmes and payer -----------------------------------------------------------------


def test_the_agreements_scheme_wins_over_the_assumed_one() -> None:
    """A scheme the agreement reports is used even when the caller passes another one to assume."""
    agreement = attrs.evolve(
        _agreement(Cohort({"kpps"}, {"anggota"}, headcount=1, period=KPPS_TERM)), scheme=NonWageEarner()
    )
    bpu = agreement_budget(agreement, scheme=WageEarner())
    flat = monthly_premium(None, NonWageEarner(), month=Month(2024, 1)).total
    assert bpu.total == flat.times(2)
    assert bpu.assumptions == ()


def test_a_wage_earner_scheme_with_a_wage_is_priced_on_that_wage() -> None:
    """An assumed wage-earner scheme that carries a wage is priced on it, not on the honorarium."""
    wage = Rupiah(3_000_000)
    budget = agreement_budget(_agreement(Cohort({"kpps"}, headcount=2, period=KPPS_TERM)), scheme=WageEarner(wage=wage))
    cohort = budget.cohorts[0]
    assert cohort.basis == wage and cohort.notes == ()
    assert cohort.total == (_per_month(wage, Month(2024, 1)) + _per_month(wage, Month(2024, 2))).times(2)


def test_a_non_wage_earner_cohort_needs_no_roles_to_be_priced() -> None:
    """Non-wage earners pay on a declared income, not an honorarium: a BPU cohort without roles is still priced."""
    budget = agreement_budget(_agreement(Cohort(headcount=4, period=KPPS_TERM)), scheme=NonWageEarner())
    cohort = budget.cohorts[0]
    flat = monthly_premium(None, NonWageEarner(), month=Month(2024, 1)).total
    assert cohort.computable and cohort.total == flat.times(4 * 2)
    assert cohort.notes == ()
    en = budget.assumptions[0].render("en")
    assert en.startswith("Coverage scheme not reported; assumed non-wage earner")


def test_pp_50_2025_discount_follows_the_payers_budget_source() -> None:
    """PP 50/2025 halves BPU premiums from April 2026 except when paid from APBN/APBD (Pasal 3 ayat (5)).

    A self-paid BPU cohort in May 2026 gets the discount; the same cohort paid from APBD does not.
    """
    may = Period(dt.date(2026, 5, 1), dt.date(2026, 5, 31))
    cohort = Cohort(headcount=10, period=may)
    self_paid = attrs.evolve(_agreement(cohort, elections=()), payer=Payer(budget_source=BudgetSource.SELF_PAID))
    public = _agreement(cohort, elections=())
    discounted = agreement_budget(self_paid, scheme=NonWageEarner()).total
    full = agreement_budget(public, scheme=NonWageEarner()).total
    month = Month(2026, 5)
    assert full == monthly_premium(None, NonWageEarner(), month=month, budget_source=BudgetSource.APBD).total.times(10)
    assert discounted == (
        monthly_premium(None, NonWageEarner(), month=month, budget_source=BudgetSource.SELF_PAID).total.times(10)
    )
    assert discounted < full


def test_programmes_not_reported_are_assumed_to_be_both() -> None:
    """An agreement that does not name its programmes is budgeted for JKK and JKM, and lists that assumption."""
    agreement = attrs.evolve(_agreement(Cohort({"kpps"}, {"anggota"}, headcount=1, period=KPPS_TERM)), programmes=())
    budget = agreement_budget(agreement)
    assert {row.programme for row in budget.rows} == {Programme.JKK, Programme.JKM}
    assert [a.render("en") for a in budget.assumptions][1:] == ["Programmes not reported; JKK and JKM assumed."]
    assert [a.render("id") for a in budget.assumptions][1:] == ["Program tidak dilaporkan; dianggap JKK dan JKM."]


def test_a_reported_scheme_programmes_and_payer_leave_no_assumption() -> None:
    """Nothing is assumed when the agreement reports its scheme, programmes and payer."""
    agreement = attrs.evolve(
        _agreement(Cohort({"kpps"}, {"anggota"}, headcount=1, period=KPPS_TERM)), scheme=WageEarner()
    )
    assert agreement_budget(agreement).assumptions == ()


def test_an_unreported_payer_is_listed_as_an_assumption() -> None:
    """An agreement without a payer says so in its list of assumptions, in both languages."""
    agreement = attrs.evolve(
        _agreement(Cohort({"kpps"}, {"anggota"}, headcount=1, period=KPPS_TERM)), scheme=WageEarner(), payer=None
    )
    assumptions = agreement_budget(agreement).assumptions
    assert [a.render("en") for a in assumptions] == ["The payer is not reported."]
    assert [a.render("id") for a in assumptions] == ["Pembayar tidak dilaporkan."]


# --- When a cohort cannot be priced ---------------------------------------------------------------


def test_a_cohort_without_a_headcount_is_not_computable_and_says_why() -> None:
    """An unreported headcount cannot be priced; the receipt is that of the month of signing."""
    agreement = attrs.evolve(_agreement(Cohort({"kpps"}, {"anggota"}, period=KPPS_TERM)), signed_on=SIGNED)
    cohort = agreement_budget(agreement).cohorts[0]
    assert not cohort.computable and cohort.headcount is None and cohort.basis is None
    assert cohort.rows == () and cohort.total == Rupiah.zero() and cohort.monthly_total is None
    assert _en(cohort.notes) == ["The headcount is not reported."]
    assert _id(cohort.notes) == ["Jumlah petugas tidak dilaporkan."]
    assert cohort.receipt.on == dt.date(2024, 1, 1) and cohort.receipt.values == ()


def test_a_cohort_with_no_headcount_and_no_date_takes_the_receipt_of_voting_day() -> None:
    """Without a signing date, the receipt of an unpriced cohort is that of the election's voting-day month."""
    cohort = agreement_budget(_agreement(Cohort({"kpps"}, {"anggota"}, period=KPPS_TERM))).cohorts[0]
    assert cohort.receipt.on == dt.date(2024, 2, 1)


def test_a_cohort_with_no_date_at_all_is_not_computable() -> None:
    """No period, term, signing date or election: no month to price, so the cohort is not computable."""
    agreement = _agreement(Cohort(headcount=3, wage=Rupiah(1_000_000)), elections=())
    cohort = agreement_budget(agreement).cohorts[0]
    assert not cohort.computable and cohort.monthly_total is None and cohort.basis is None
    assert _en(cohort.notes) == ["The coverage period is not reported and cannot be derived."]
    first_day_of_the_book = min(p.values[0].start for p in default_rule_book())
    assert cohort.receipt.on == first_day_of_the_book and cohort.receipt.values == ()


def test_people_who_are_not_ad_hoc_officers_are_priced_on_the_groups_basis_with_a_note() -> None:
    """Commissioners and permanent staff counted in a cohort are priced like it; the note names them."""
    cohort = agreement_budget(
        _agreement(
            Cohort({"kpps"}, {"anggota"}, headcount=6, period=KPPS_TERM, others={"secretariat_staff", "commissioner"})
        )
    ).cohorts[0]
    assert cohort.basis == Rupiah(1_100_000)
    assert _en(cohort.notes) == [
        "The headcount includes commissioners, permanent secretariat staff (not ad hoc bodies); their pay is not in "
        "the rule data, so they are priced on the same basis as the group."
    ]
    assert _id(cohort.notes) == [
        "Jumlah petugas termasuk Komisioner, Staf sekretariat (tetap) (bukan badan ad hoc); upah mereka tidak ada "
        "dalam data aturan, jadi dihitung dengan dasar yang sama dengan kelompok ini."
    ]


# --- A disputed period ----------------------------------------------------------------------------

_WHY = Text(id="tahun salah ketik", en="misprinted year")


def test_another_reading_of_the_period_is_priced_and_stated() -> None:
    """A probable reading of a misprinted period is priced too, and its total and months are given beside the budget."""
    reading = Alternative(Period(dt.date(2024, 1, 25), dt.date(2024, 4, 25)), "report.txt", _WHY)
    cohort = Cohort({"kpps"}, {"anggota"}, headcount=2, period=KPPS_TERM, period_readings=(reading,))
    budget = agreement_budget(_agreement(cohort))
    other = sum((_per_month(Rupiah(1_100_000), Month(2024, m)) for m in (1, 2, 3, 4)), Rupiah.zero()).times(2)
    assert other == Rupiah(47_520)
    assert budget.total == Rupiah(2 * 2 * 5_940)
    assert _en(budget.cohorts[0].notes) == [
        "Under the 2024-01-25/2024-04-25 reading of this group's coverage period (report.txt): IDR 47,520 "
        "(2024-01–2024-04)."
    ]
    assert _id(budget.cohorts[0].notes) == [
        "Menurut bacaan 2024-01-25/2024-04-25 untuk masa perlindungan kelompok ini (report.txt): Rp47.520 "
        "(2024-01–2024-04)."
    ]


def test_a_reading_with_the_same_months_adds_nothing() -> None:
    """A reading that covers the same contribution months costs the same and is not repeated."""
    reading = Alternative(Period(dt.date(2024, 1, 1), dt.date(2024, 2, 29)), "report.txt", _WHY)
    cohort = Cohort({"kpps"}, {"anggota"}, headcount=2, period=KPPS_TERM, period_readings=(reading,))
    assert agreement_budget(_agreement(cohort)).cohorts[0].notes == ()


def test_another_reading_is_priced_with_the_same_scheme_and_rule_book() -> None:
    """The other reading of a period is priced under the same assumed scheme and the same what-if rule book."""
    reading = Alternative(Period(dt.date(2024, 1, 25), dt.date(2024, 3, 25)), "report.txt", _WHY)
    cohort = Cohort({"kpps"}, {"anggota"}, headcount=1, period=KPPS_TERM, period_readings=(reading,))
    agreement = _agreement(cohort)
    flat = monthly_premium(None, NonWageEarner(), month=Month(2024, 1)).total
    bpu = agreement_budget(agreement, scheme=NonWageEarner()).cohorts[0]
    assert f"{flat.times(3).amount:,}" in bpu.notes[0].render("en")
    book = default_rule_book().with_reform(Reform("KPPS naik", {"honorarium.pemilu_2024.kpps.anggota": 1_500_000}))
    reformed = agreement_budget(agreement, rule_book=book).cohorts[0]
    three = sum((monthly_premium(Rupiah(1_500_000), month=Month(2024, m)).total for m in (1, 2, 3)), Rupiah.zero())
    assert f"IDR {three.amount:,} (2024-01–2024-03)" in reformed.notes[0].render("en")


# --- Choosing a cohort and refusing wrong arguments -----------------------------------------------


def test_each_cohort_budget_is_the_agreements_cohort_at_that_index() -> None:
    """cohort_budget(agreement, i) is the i-th cohort of the agreement budget, the last one included."""
    agreement = _agreement(
        Cohort({"kpps"}, {"anggota"}, headcount=1, period=KPPS_TERM),
        Cohort({"pps"}, {"ketua"}, headcount=2, period=KPPS_TERM),
    )
    budget = agreement_budget(agreement)
    assert cohort_budget(agreement, 1) == budget.cohorts[1]
    assert cohort_budget(agreement, 0) == budget.cohorts[0]
    assert budget.cohorts[1].index == 1


@pytest.mark.parametrize("index", [2, -1, True, "0"])
def test_a_cohort_the_agreement_does_not_have_is_refused_with_the_count(index: object) -> None:
    """An index past the end, negative, or not an int raises InputError naming the agreement and its cohort count."""
    agreement = _agreement(
        Cohort({"kpps"}, {"anggota"}, headcount=1, period=KPPS_TERM),
        Cohort({"pps"}, {"ketua"}, headcount=2, period=KPPS_TERM),
    )
    with pytest.raises(InputError) as raised:
        cohort_budget(agreement, index)  # type: ignore[arg-type]
    assert str(raised.value) == f"index: agreement 'test' has 2 cohorts; no cohort {index!r}"


def test_wrong_arguments_are_refused_with_what_was_expected_and_what_came() -> None:
    """Each wrong argument is named with the type expected and the value or type received."""
    agreement = _agreement(Cohort({"kpps"}, {"anggota"}, headcount=1, period=KPPS_TERM))
    with pytest.raises(InputError) as raised:
        cohort_budget("kota-cilegon", 0)  # type: ignore[arg-type]
    assert str(raised.value) == "agreement: expected an Agreement, got str"
    with pytest.raises(InputError) as raised:
        cohort_budget(agreement, 0, scheme="pu")  # type: ignore[arg-type]
    assert str(raised.value) == "scheme: expected WageEarner, NonWageEarner or None, got 'pu'"
    with pytest.raises(InputError) as raised:
        cohort_budget(agreement, 0, rule_book={})  # type: ignore[arg-type]
    assert str(raised.value) == "rule_book: expected a RuleBook or None, got dict"


def test_a_given_rule_book_prices_every_cohort() -> None:
    """A what-if rule book reaches each cohort of the agreement budget and its receipt."""
    agreement = _agreement(
        Cohort({"kpps"}, {"anggota"}, headcount=1, period=KPPS_TERM),
        Cohort({"kpps"}, {"anggota"}, headcount=2),
    )
    book = default_rule_book().with_reform(Reform("KPPS naik", {"honorarium.pemilu_2024.kpps.anggota": 1_500_000}))
    budget = agreement_budget(agreement, rule_book=book)
    assert [c.basis for c in budget.cohorts] == [Rupiah(1_500_000), Rupiah(1_500_000)]
    assert all(c.receipt.reforms == ("KPPS naik",) for c in budget.cohorts)


def test_an_agreement_with_no_cohort_costs_nothing_known() -> None:
    """An agreement listing no cohort has no rows, a zero total and the receipt of its signing month."""
    agreement = attrs.evolve(_agreement(), signed_on=SIGNED)
    budget = agreement_budget(agreement)
    assert isinstance(budget, AgreementBudget)
    assert budget.cohorts == () and budget.rows == () and budget.total == Rupiah.zero()
    assert budget.receipt.on == dt.date(2024, 1, 1) and budget.receipt.values == ()
    book = default_rule_book().with_reform(Reform("KPPS naik", {"honorarium.pemilu_2024.kpps.anggota": 1_500_000}))
    assert agreement_budget(agreement, rule_book=book).receipt.reforms == ("KPPS naik",)


def test_a_wrong_scheme_is_refused_even_with_no_cohort_to_price() -> None:
    """The scheme to assume is checked by the agreement budget itself, not only when a cohort is priced."""
    with pytest.raises(InputError, match="^scheme: expected WageEarner, NonWageEarner or None, got 'pu'$"):
        agreement_budget(_agreement(), scheme="pu")  # type: ignore[arg-type]


def test_an_unpriced_cohort_records_the_what_if_reform_it_was_asked_under() -> None:
    """A cohort that cannot be priced still carries the reform in its receipt, so its text says it is a what-if."""
    book = default_rule_book().with_reform(Reform("KPPS naik", {"honorarium.pemilu_2024.kpps.anggota": 1_500_000}))
    cohort = agreement_budget(_agreement(Cohort(headcount=5, period=KPPS_TERM)), rule_book=book).cohorts[0]
    assert cohort.receipt.reforms == ("KPPS naik",)
    assert cohort.render("en").splitlines()[-1] == "What-if reform applied (not the law in force): KPPS naik."


def test_the_budget_receipt_holds_the_values_of_priced_cohorts() -> None:
    """The budget's receipt lists the rule values its priced cohorts used, dated on their first month."""
    agreement = _agreement(
        Cohort(headcount=5, period=KPPS_TERM),
        Cohort({"kpps"}, {"anggota"}, headcount=1, period=Period(dt.date(2024, 2, 1), dt.date(2024, 2, 29))),
    )
    budget = agreement_budget(agreement)
    priced: CohortBudget = budget.cohorts[1]
    assert budget.receipt == priced.receipt
    assert budget.receipt.on == dt.date(2024, 2, 1)
    assert names.PU_JKM_RATE in {v.name for v in budget.receipt.values}


def test_an_unpriced_budget_keeps_the_receipt_of_its_cohorts() -> None:
    """When no cohort is priced, the budget's receipt is that of its cohorts (their anchor month, no values)."""
    agreement = attrs.evolve(_agreement(Cohort(headcount=5, period=KPPS_TERM)), signed_on=SIGNED)
    budget = agreement_budget(agreement)
    assert budget.receipt == budget.cohorts[0].receipt
    assert budget.receipt.on == dt.date(2024, 1, 1) and budget.receipt.values == ()
