"""What a cohort budget rests on: the honorarium it is priced on, and readings that cannot be priced.

A budget's receipt lists every rule value it used (house rule: "a receipt of the rule values
used"). A wage-earner cohort whose wage is not reported is priced on an honorarium from the
rule data (the SBML amounts in ``law/data/honoraria.toml``), so that honorarium, with its
citation and confidence, is in the cohort's and the agreement's receipt. Another reading of a
disputed period that cannot be priced says so in words, never as a zero amount.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from jamsos_pemilu import Period, Reform, RoundingRule, Rupiah, default_rule_book, round_rupiah
from jamsos_pemilu.agreements import Agreement, Cohort, Party, Payer
from jamsos_pemilu.budgets import agreement_budget, cohort_budget
from jamsos_pemilu.institutions import AdministrativeLevel, Institution
from jamsos_pemilu.l10n import Text
from jamsos_pemilu.law import names, rules_on
from jamsos_pemilu.readings import Alternative
from jamsos_pemilu.roles import Position, Role
from jamsos_pemilu.schemes import BudgetSource, Programme, WageEarner

BPJS = Party(Institution.bpjs("Makassar"), {"provider"})
PAYER = Payer(Institution.pemda("Makassar", AdministrativeLevel.CITY), BudgetSource.APBD)
KPPS_TERM = Period(dt.date(2024, 1, 25), dt.date(2024, 2, 25))
PTPS_TERM = Period(dt.date(2024, 1, 25), dt.date(2024, 2, 29))
KPPS_ANGGOTA = names.honorarium("pemilu_2024", Role("kpps"), Position("anggota"))


def _agreement(*cohorts: Cohort) -> Agreement:
    return Agreement(
        id="test", title="Test PKS", elections=("pemilu_2024",), parties=(BPJS,), programmes={"jkk", "jkm"},
        payer=PAYER, cohorts=cohorts,
    )


def test_the_honorarium_a_cohort_is_priced_on_is_in_its_receipt() -> None:
    """A KPPS anggota cohort without a reported wage is priced on the SBML honorarium; the receipt lists that value."""
    budget = cohort_budget(_agreement(Cohort({"kpps"}, {"anggota"}, headcount=3, period=KPPS_TERM)), 0)
    used = {value.name: value for value in budget.receipt.values}
    assert KPPS_ANGGOTA in used
    assert used[KPPS_ANGGOTA] == rules_on(dt.date(2024, 1, 1))[KPPS_ANGGOTA]
    assert used[KPPS_ANGGOTA].rupiah == budget.basis
    assert names.PU_JKM_RATE in used  # the premium rates stay in it too


def test_the_agreement_receipt_carries_the_honorarium_of_every_priced_cohort() -> None:
    """The agreement's receipt merges its cohorts' receipts, honoraria included."""
    pps = names.honorarium("pemilu_2024", Role("pps"), Position("ketua"))
    agreement = _agreement(
        Cohort({"kpps"}, {"anggota"}, headcount=3, period=KPPS_TERM),
        Cohort({"pps"}, {"ketua"}, headcount=1, period=KPPS_TERM),
    )
    assert {KPPS_ANGGOTA, pps} <= {value.name for value in agreement_budget(agreement).receipt.values}


def test_a_cohort_with_a_month_count_unknown_still_lists_its_honorarium() -> None:
    """One month of cover priced for a cohort whose months are unknown rests on the honorarium too (PPS, the higher)."""
    agreement = Agreement(
        id="test", title="Test PKS", elections=("pemilu_2024",), parties=(BPJS,), programmes={"jkk", "jkm"},
        payer=PAYER, signed_on=dt.date(2024, 1, 10), cohorts=(Cohort({"kpps", "pps"}, {"anggota"}, headcount=3),),
    )
    budget = cohort_budget(agreement, 0)
    assert not budget.computable and budget.premiums
    used = {value.name for value in budget.receipt.values}
    assert names.honorarium("pemilu_2024", Role("pps"), Position("anggota")) in used
    assert KPPS_ANGGOTA not in used  # the lower honorarium is not what the cohort is priced on


def test_a_reported_wage_puts_no_honorarium_in_the_receipt() -> None:
    """A cohort whose wage is reported is priced on that wage: no honorarium value is used or listed."""
    cohort = Cohort({"kpps"}, {"anggota"}, headcount=3, period=KPPS_TERM, wage=Rupiah(2_000_000))
    budget = cohort_budget(_agreement(cohort), 0)
    assert budget.basis == Rupiah(2_000_000)
    assert not any(value.name.startswith("honorarium.") for value in budget.receipt.values)


def test_a_scheme_with_its_own_wage_puts_no_honorarium_in_the_receipt() -> None:
    """An agreement whose wage-earner scheme carries the wage uses no honorarium from the rule data."""
    agreement = Agreement(
        id="test", title="Test PKS", elections=("pemilu_2024",), parties=(BPJS,), programmes={"jkk", "jkm"},
        payer=PAYER, scheme=WageEarner(wage=Rupiah(1_500_000)),
        cohorts=(Cohort({"kpps"}, {"anggota"}, headcount=3, period=KPPS_TERM),),
    )
    assert not any(value.name.startswith("honorarium.") for value in cohort_budget(agreement, 0).receipt.values)


def test_a_reading_that_cannot_be_priced_says_so_and_never_shows_zero() -> None:
    """Bawaslu's Pemilu 2024 honoraria start on 21 September 2022: a reading of September 2022 cannot be priced."""
    reading = Alternative(
        Period(dt.date(2022, 9, 1), dt.date(2022, 9, 30)), "report.txt", Text(id="tahun lain", en="another year")
    )
    cohort = Cohort({"ptps"}, {"petugas"}, headcount=2, period=PTPS_TERM, period_readings=(reading,))
    budget = cohort_budget(_agreement(cohort), 0)
    assert budget.computable
    (note,) = budget.notes
    assert note.render("en") == (
        "Under the 2022-09-01/2022-09-30 reading of this group's coverage period (report.txt): not computable."
    )
    assert note.render("id") == (
        "Menurut bacaan 2022-09-01/2022-09-30 untuk masa perlindungan kelompok ini (report.txt): tidak dapat dihitung."
    )
    assert "Rp0" not in note.render("id") and "IDR 0" not in note.render("en")


def test_a_reading_in_october_2022_is_priced() -> None:
    """The other side of that date: from October 2022 the PTPS honorarium is in force and the reading has a price."""
    reading = Alternative(
        Period(dt.date(2022, 10, 1), dt.date(2022, 10, 31)), "report.txt", Text(id="tahun lain", en="another year")
    )
    cohort = Cohort({"ptps"}, {"petugas"}, headcount=2, period=PTPS_TERM, period_readings=(reading,))
    (note,) = cohort_budget(_agreement(cohort), 0).notes
    assert note.render("en").endswith("(2022-10–2022-10).")
    assert "not computable" not in note.render("en")


def test_a_what_if_premium_rate_reaches_every_month_and_the_receipt() -> None:
    """A reform of the JKM rate (PP 44/2015 Pasal 18) prices every month of the cohort and is named in the receipt."""
    book = default_rule_book().with_reform(Reform("JKM naik", {names.PU_JKM_RATE: "0.005"}))
    budget = cohort_budget(_agreement(Cohort({"kpps"}, {"anggota"}, headcount=3, period=KPPS_TERM)), 0, rule_book=book)
    assert budget.basis is not None
    expected = round_rupiah(budget.basis.amount * Decimal("0.005"), RoundingRule.HALF_UP)
    assert [dict(p.by_programme)[Programme.JKM] for p in budget.premiums] == [expected, expected]
    assert budget.receipt.reforms == ("JKM naik",)
    assert {v.name: v.reform for v in budget.receipt.values}[names.PU_JKM_RATE] == "JKM naik"


def test_the_receipt_holds_the_what_if_honorarium_the_cohort_is_priced_on() -> None:
    """A reformed honorarium is the basis, and the receipt lists that reformed value, not the shipped one."""
    book = default_rule_book().with_reform(Reform("KPPS naik", {KPPS_ANGGOTA: 1_500_000}))
    budget = cohort_budget(_agreement(Cohort({"kpps"}, {"anggota"}, headcount=3, period=KPPS_TERM)), 0, rule_book=book)
    value = {v.name: v for v in budget.receipt.values}[KPPS_ANGGOTA]
    assert budget.basis == value.rupiah == Rupiah(1_500_000)
    assert value.reform == "KPPS naik"
