"""Tests for jamsos_pemilu.premiums: contributions per officer-month, periods, reliefs and late fines."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jamsos_pemilu import (
    CalculationError,
    InputError,
    Month,
    Period,
    Reform,
    RuleNotInForceError,
    Rupiah,
    default_rule_book,
)
from jamsos_pemilu.premiums import due_date, late_fine, monthly_premium, period_premium
from jamsos_pemilu.schemes import BudgetSource, NonWageEarner, Programme, RiskClass, WageEarner

FEB_2024 = Month(2024, 2)
wages = st.integers(min_value=1, max_value=50_000_000).map(Rupiah)
months = st.builds(Month, st.integers(min_value=2016, max_value=2030), st.integers(min_value=1, max_value=12))


def test_kpu_sulsel_ketua_ppk_pays_13500() -> None:
    """KPU Sulsel: ketua PPK on Rp2.500.000, lowest risk class, pays Rp13.500 (JKK 0,24% + JKM 0,30%)."""
    premium = monthly_premium(Rupiah(2_500_000), FEB_2024, WageEarner(RiskClass.SANGAT_RENDAH))
    assert premium.total == Rupiah(13_500)
    assert premium.amount_for(Programme.JKK) == Rupiah(6_000)
    assert premium.amount_for(Programme.JKM) == Rupiah(7_500)


def test_kpu_sulsel_ketua_pps_pays_8100() -> None:
    """KPU Sulsel: ketua PPS on Rp1.500.000 pays Rp8.100."""
    assert monthly_premium(Rupiah(1_500_000), FEB_2024).total == Rupiah(8_100)


def test_lines_carry_formula_and_citation() -> None:
    """Each line shows the rate and wage used and cites PP 44/2015."""
    premium = monthly_premium(Rupiah(2_500_000), FEB_2024)
    jkk = premium.lines[0]
    assert jkk.formula.render("id") == "0,24% × Rp2.500.000"
    assert jkk.citations[0].label.startswith("PP 44/2015 Pasal 16")


def test_receipt_flags_the_unconfirmed_rounding_rule() -> None:
    """The receipt names the rounding rule, which no regulation states, as unconfirmed."""
    receipt = monthly_premium(Rupiah(2_500_000), FEB_2024).receipt
    assert receipt.uses_unconfirmed
    assert "contribution.rounding" in [v.name for v in receipt.unconfirmed]


def test_higher_risk_class_costs_more() -> None:
    """The same wage at the highest risk class pays 1,74% for JKK."""
    premium = monthly_premium(Rupiah(1_000_000), FEB_2024, WageEarner(RiskClass.SANGAT_TINGGI))
    assert premium.amount_for(Programme.JKK) == Rupiah(17_400)


def test_scheme_wage_overrides_the_honorarium() -> None:
    """A wage reported in the scheme is the basis, not the honorarium passed in."""
    premium = monthly_premium(Rupiah(1_100_000), FEB_2024, WageEarner(wage=Rupiah(2_000_000)))
    assert premium.basis == Rupiah(2_000_000)


def test_jkm_only_agreement() -> None:
    """An agreement covering JKM only pays only the JKM line."""
    premium = monthly_premium(Rupiah(1_000_000), FEB_2024, programmes=[Programme.JKM])
    assert premium.total == Rupiah(3_000)
    assert premium.amount_for(Programme.JKK) == Rupiah(0)


def test_non_wage_earner_lowest_package_is_16800() -> None:
    """A BPU on the lowest basis pays JKK Rp10.000 + JKM Rp6.800 = Rp16.800 outside relief months."""
    assert monthly_premium(None, Month(2025, 6), NonWageEarner()).total == Rupiah(16_800)


def test_pp_49_2020_relief_day_before_and_first_month() -> None:
    """July 2020 pays in full; August 2020, the first relief month, pays 1%."""
    assert monthly_premium(Rupiah(1_500_000), Month(2020, 7)).total == Rupiah(8_100)
    assert monthly_premium(Rupiah(1_500_000), Month(2020, 8)).total == Rupiah(81)


def test_pp_49_2020_relief_last_month_and_after() -> None:
    """January 2021 is the last relief month; February 2021 pays in full."""
    assert monthly_premium(Rupiah(1_500_000), Month(2021, 1)).total == Rupiah(81)
    assert monthly_premium(Rupiah(1_500_000), Month(2021, 2)).total == Rupiah(8_100)


def test_pp_50_2025_discount_for_self_paid_bpu() -> None:
    """A self-paid non-wage earner gets 50% off from April 2026, not in March 2026."""
    scheme = NonWageEarner()
    assert monthly_premium(None, Month(2026, 3), scheme, budget_source=BudgetSource.SELF_PAID).total == Rupiah(16_800)
    assert monthly_premium(None, Month(2026, 4), scheme, budget_source=BudgetSource.SELF_PAID).total == Rupiah(8_400)
    assert monthly_premium(None, Month(2026, 12), scheme, budget_source=BudgetSource.SELF_PAID).total == Rupiah(8_400)
    assert monthly_premium(None, Month(2027, 1), scheme, budget_source=BudgetSource.SELF_PAID).total == Rupiah(16_800)


def test_pp_50_2025_transport_window() -> None:
    """Transport-sector BPU get the discount from January 2026 to March 2027."""
    scheme = NonWageEarner(transport_sector=True)
    paid = BudgetSource.SELF_PAID
    assert monthly_premium(None, Month(2025, 12), scheme, budget_source=paid).total == Rupiah(16_800)
    assert monthly_premium(None, Month(2026, 1), scheme, budget_source=paid).total == Rupiah(8_400)
    assert monthly_premium(None, Month(2027, 3), scheme, budget_source=paid).total == Rupiah(8_400)
    assert monthly_premium(None, Month(2027, 4), scheme, budget_source=paid).total == Rupiah(16_800)


def test_pp_50_2025_excludes_apbd_funded_officers() -> None:
    """Officers paid from APBD get no PP 50/2025 discount, and the premium says why."""
    premium = monthly_premium(None, Month(2026, 5), NonWageEarner(), budget_source=BudgetSource.APBD)
    assert premium.total == Rupiah(16_800)
    assert any("Pasal 3(5)" in note.render("en") for note in premium.notes)


def test_pp_50_2025_unknown_budget_source_is_not_discounted() -> None:
    """With the budget source unknown the discount is not applied, and the premium says so."""
    premium = monthly_premium(None, Month(2026, 5), NonWageEarner())
    assert premium.total == Rupiah(16_800)
    assert any("unknown" in note.render("en") for note in premium.notes)


def test_pp_50_2025_does_not_apply_to_wage_earners() -> None:
    """PP 50/2025 is for non-wage earners only."""
    assert monthly_premium(Rupiah(1_500_000), Month(2026, 5), budget_source=BudgetSource.SELF_PAID).total == Rupiah(
        8_100
    )


def test_declared_income_below_lowest_basis_uses_lowest_basis() -> None:
    """A declared income below the lowest basis pays on the lowest basis, with a note."""
    premium = monthly_premium(None, Month(2025, 6), NonWageEarner(Rupiah(500_000)))
    assert premium.basis == Rupiah(1_000_000)
    assert premium.notes


def test_negative_wage_is_rejected() -> None:
    """A negative wage raises CalculationError."""
    with pytest.raises(CalculationError, match="must be positive"):
        monthly_premium(Rupiah(-1), FEB_2024)


def test_missing_wage_for_wage_earner_is_rejected() -> None:
    """A wage earner with no wage raises a clear error."""
    with pytest.raises(InputError, match="monthly wage must be a Rupiah"):
        monthly_premium(None, FEB_2024)


def test_float_wage_is_rejected() -> None:
    """A float wage raises TypeError."""
    with pytest.raises(TypeError):
        monthly_premium(1_500_000.0, FEB_2024)  # type: ignore[arg-type]


def test_unknown_scheme_is_rejected() -> None:
    """A scheme that is not WageEarner/NonWageEarner raises a clear error."""
    with pytest.raises(InputError, match="unknown scheme"):
        monthly_premium(Rupiah(1), FEB_2024, "pu")  # type: ignore[arg-type]


def test_month_before_rule_data_is_rejected() -> None:
    """A month before PP 44/2015 raises RuleNotInForceError naming the parameter."""
    with pytest.raises(RuleNotInForceError, match="2015-06-01"):
        monthly_premium(Rupiah(1_000_000), Month(2015, 6))


def test_due_date_wage_earner_following_month() -> None:
    """A wage earner's January contribution is due 15 February."""
    assert due_date(Month(2024, 1)) == dt.date(2024, 2, 15)


def test_due_date_non_wage_earner_same_month() -> None:
    """A non-wage earner's January contribution is due 15 January."""
    assert due_date(Month(2024, 1), NonWageEarner()) == dt.date(2024, 1, 15)


def test_due_date_in_pp_49_2020_months() -> None:
    """Relief months are due on the 30th of the following month (or its last day)."""
    assert due_date(Month(2020, 8)) == dt.date(2020, 9, 30)
    assert due_date(Month(2021, 1)) == dt.date(2021, 2, 28)


def test_late_fine_two_percent_per_month() -> None:
    """Paid five days after the due date: one month of 2%."""
    fine = late_fine(Rupiah(13_500), Month(2024, 1), dt.date(2024, 2, 20))
    assert fine.months_late == 1
    assert fine.total == Rupiah(270)


def test_no_fine_when_paid_on_time() -> None:
    """Paid on the due date: no fine."""
    assert late_fine(Rupiah(13_500), Month(2024, 1), dt.date(2024, 2, 15)).total == Rupiah(0)


def test_late_fine_in_relief_month_is_half_percent() -> None:
    """A PP 49/2020 relief month's late contribution is fined 0,5% per month."""
    fine = late_fine(Rupiah(10_000), Month(2020, 9), dt.date(2020, 11, 15))
    assert fine.total == Rupiah(50)


def test_period_premium_counts_every_month_touched() -> None:
    """A KPPS term 25 Jan – 25 Feb 2024 owes two monthly contributions."""
    schedule = period_premium(Rupiah(1_100_000), Period(dt.date(2024, 1, 25), dt.date(2024, 2, 25)))
    assert [str(m.month) for m in schedule.months] == ["2024-01", "2024-02"]
    assert schedule.total == Rupiah(11_880)


def test_premium_serialises_to_json() -> None:
    """A premium's JSON holds amounts as integers and the receipt."""
    data = monthly_premium(Rupiah(2_500_000), FEB_2024).to_dict()
    assert data["total"] == 13_500
    assert data["by_programme"] == {"jkk": 6_000, "jkm": 7_500}
    assert "receipt" in data


def test_render_in_both_languages() -> None:
    """The premium renders in Indonesian and English with formatted money."""
    premium = monthly_premium(Rupiah(2_500_000), FEB_2024)
    assert "Rp13.500" in premium.render("id")
    assert "IDR 13,500" in premium.render("en")


@given(wages, wages, months)
@settings(max_examples=60)
def test_premium_grows_with_the_wage(a: Rupiah, b: Rupiah, month: Month) -> None:
    """A higher wage never pays a lower contribution."""
    low, high = sorted([a, b])
    assert monthly_premium(low, month).total <= monthly_premium(high, month).total


@given(wages, st.dates(dt.date(2016, 1, 1), dt.date(2030, 12, 31)), st.integers(0, 400))
@settings(max_examples=40)
def test_period_premium_is_the_sum_of_its_months(wage: Rupiah, start: dt.date, days: int) -> None:
    """A period's premium equals the sum of its monthly premiums."""
    period = Period(start, start + dt.timedelta(days=days))
    schedule = period_premium(wage, period)
    assert schedule.total == sum((monthly_premium(wage, m).total for m in period.months()), Rupiah.zero())


@given(wages, months)
@settings(max_examples=40)
def test_reform_that_changes_nothing_gives_the_same_premium(wage: Rupiah, month: Month) -> None:
    """Overriding the JKM rate with its own value gives the same contribution."""
    book = default_rule_book()
    same = book.with_reform(Reform("no change", {"pu.jkm_rate": book["pu.jkm_rate"].values[-1].rate}))
    assert monthly_premium(wage, month, rules=same).total == monthly_premium(wage, month).total


@given(wages, months)
@settings(max_examples=40)
def test_premium_total_is_sum_of_programme_amounts(wage: Rupiah, month: Month) -> None:
    """The total equals the JKK amount plus the JKM amount."""
    premium = monthly_premium(wage, month)
    assert premium.total == premium.amount_for(Programme.JKK) + premium.amount_for(Programme.JKM)


def test_reform_raising_jkm_rate_changes_the_premium() -> None:
    """A reform raising the JKM rate to 0,40% raises the ketua PPK's contribution by Rp2.500."""
    book = default_rule_book().with_reform(Reform("JKM 0,40%", {"pu.jkm_rate": Decimal("0.004")}))
    assert monthly_premium(Rupiah(2_500_000), FEB_2024, rules=book).total == Rupiah(16_000)
