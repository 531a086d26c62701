"""Tests for jamsos_pemilu.batch: columnar contributions, budgets and exposure equal the one-officer calculators."""

from __future__ import annotations

import datetime as dt
import decimal
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jamsos_pemilu import CalculationError, InputError, Month, Reform, RoundingRule, Rupiah, default_rule_book
from jamsos_pemilu.benefits import jkk_death, jkm_death
from jamsos_pemilu.law import RuleBook
from jamsos_pemilu.premiums import monthly_premium
from jamsos_pemilu.rosters import ROLE_CODES, read_columns
from jamsos_pemilu.schemes import Programme, RiskClass, WageEarner

np = pytest.importorskip("numpy")

from jamsos_pemilu.batch import (  # noqa: E402
    RISK_CLASS_CODES,
    ROLE_LABELS,
    death_exposure,
    group_sums,
    monthly_budget,
    monthly_contributions,
    monthly_rates,
    roster_budget,
    round_ratio,
)

DEFECTS = Path(__file__).parent / "data" / "roster_with_defects.csv"
RELIEF_MONTHS = [Month(2020, 8).plus(i) for i in range(6)]
months = st.one_of(
    st.sampled_from(RELIEF_MONTHS),
    st.builds(Month, st.integers(min_value=2016, max_value=2030), st.integers(min_value=1, max_value=12)),
)
rounding_rules = st.sampled_from(list(RoundingRule))


def rules_with(rule: RoundingRule) -> RuleBook:
    """The shipped rule book, with the rounding rule replaced unless it is the shipped half-up."""
    book = default_rule_book()
    if rule is RoundingRule.HALF_UP:
        return book
    return book.with_reform(Reform(f"rounding {rule.value}", {"contribution.rounding": rule.value}))


@st.composite
def rosters(draw: st.DrawFn) -> tuple[list[int], list[int], list[int]]:
    """A random roster: wages (small and large), role codes and risk-class codes."""
    size = draw(st.integers(min_value=1, max_value=40))
    wage = st.one_of(st.integers(min_value=1, max_value=50_000_000), st.integers(min_value=1, max_value=10**13))
    wages = draw(st.lists(wage, min_size=size, max_size=size))
    roles = draw(st.lists(st.integers(min_value=0, max_value=len(ROLE_CODES) - 1), min_size=size, max_size=size))
    risks = draw(st.lists(st.integers(min_value=0, max_value=len(RISK_CLASS_CODES) - 1), min_size=size, max_size=size))
    return wages, roles, risks


@settings(max_examples=80, deadline=None)
@given(rosters(), months, rounding_rules)
def test_batch_contributions_equal_the_one_officer_calculator(
    roster: tuple[list[int], list[int], list[int]], month: Month, rule: RoundingRule
) -> None:
    """On a random roster, every officer's batch JKK, JKM and total equal monthly_premium to the rupiah."""
    wages, _roles, risks = roster
    book = rules_with(rule)
    batch = monthly_contributions(np.array(wages), month, risk_class=np.array(risks, dtype=np.uint8), rules=book)
    for index, (wage, risk) in enumerate(zip(wages, risks, strict=True)):
        scalar = monthly_premium(Rupiah(wage), month, WageEarner(RISK_CLASS_CODES[risk]), rules=book)
        assert int(batch.jkk[index]) == scalar.amount_for(Programme.JKK).amount
        assert int(batch.jkm[index]) == scalar.amount_for(Programme.JKM).amount
        assert int(batch.total[index]) == scalar.total.amount


@settings(max_examples=50, deadline=None)
@given(rosters(), months)
def test_budget_by_role_is_the_sum_of_one_officer_premiums(
    roster: tuple[list[int], list[int], list[int]], month: Month
) -> None:
    """A role's budget equals the sum of its officers' monthly_premium totals, and its headcount their number."""
    wages, roles, _risks = roster
    budget = monthly_budget(np.array(roles), np.array(wages), month, risk_class=RiskClass.RENDAH)
    expected: dict[str, tuple[int, int]] = {}
    for wage, role in zip(wages, roles, strict=True):
        total = monthly_premium(Rupiah(wage), month, WageEarner(RiskClass.RENDAH)).total.amount
        count, amount = expected.get(ROLE_LABELS[role], (0, 0))
        expected[ROLE_LABELS[role]] = (count + 1, amount + total)
    assert {row.label: (row.headcount, row.total.amount) for row in budget.rows} == expected


def test_one_programme_only() -> None:
    """Covering JKM only leaves JKK at zero and matches the scalar JKM-only premium."""
    month = Month(2024, 2)
    batch = monthly_contributions(np.array([1_100_000]), month, programmes={Programme.JKM})
    scalar = monthly_premium(Rupiah(1_100_000), month, programmes={Programme.JKM})
    assert batch.jkk.tolist() == [0] and batch.total.tolist() == [scalar.total.amount]


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.integers(min_value=0, max_value=2**70), min_size=1, max_size=10),
    st.integers(min_value=1, max_value=10**6),
    rounding_rules,
)
def test_round_ratio_rounds_like_decimal(numerators: list[int], denominator: int, rule: RoundingRule) -> None:
    """Integer rounding of n/q equals Decimal quantize with the same rule, also beyond int64."""
    values = np.array(numerators, dtype=object if max(numerators) >= 2**62 else np.int64)
    got = [int(v) for v in round_ratio(values, denominator, rule).tolist()]
    with decimal.localcontext(prec=60):
        expected = [
            int((Decimal(n) / Decimal(denominator)).quantize(Decimal(1), rounding=rule.decimal_mode))
            for n in numerators
        ]
    assert got == expected


def test_huge_wages_fall_back_to_exact_python_integers() -> None:
    """Wages whose products would overflow int64 are still computed exactly (equal to the scalar path)."""
    wage = 2**62
    batch = monthly_contributions(np.array([wage]), Month(2024, 2))
    assert int(batch.total[0]) == monthly_premium(Rupiah(wage), Month(2024, 2)).total.amount


def test_reform_changes_batch_and_scalar_alike() -> None:
    """A reformed JKM rate gives the same contributions on both paths."""
    book = default_rule_book().with_reform(Reform("JKM 0,5%", {"pu.jkm_rate": "0.005"}))
    batch = monthly_contributions(np.array([1_234_567]), Month(2024, 2), rules=book)
    assert int(batch.jkm[0]) == monthly_premium(Rupiah(1_234_567), Month(2024, 2), rules=book).amount_for(
        Programme.JKM
    ).amount


def test_relief_month_rates_include_the_discount() -> None:
    """The PP 49/2020 discount is read for August 2020 and not for July 2020."""
    assert monthly_rates(Month(2020, 8)).relief == Decimal("0.99")
    assert monthly_rates(Month(2020, 7)).relief is None


@pytest.mark.parametrize("bad", [[0], [-5]])
def test_non_positive_wages_are_refused(bad: list[int]) -> None:
    """A wage of zero or less raises CalculationError naming its index, as the scalar path refuses it."""
    with pytest.raises(CalculationError, match="index 0"):
        monthly_contributions(np.array(bad), Month(2024, 2))


def test_float_wages_are_refused() -> None:
    """A float wage array is refused: money is never floating point."""
    with pytest.raises(CalculationError, match="floating point"):
        monthly_contributions(np.array([1_100_000.0]), Month(2024, 2))


def test_group_codes_out_of_range_are_refused() -> None:
    """A group code without a label raises InputError."""
    with pytest.raises(InputError):
        monthly_budget(np.array([99]), np.array([1_000_000]), Month(2024, 2))


def test_group_sums_are_exact_beyond_float_precision() -> None:
    """Group sums of values near 2**62 are exact Python integers (no float, no overflow)."""
    values = np.array([2**62, 2**62, 2**62 - 1], dtype=np.int64)
    assert group_sums(np.array([0, 0, 1]), values, 2) == [2**63, 2**62 - 1]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.integers(min_value=1, max_value=100_000_000), min_size=1, max_size=20),
    st.dates(min_value=dt.date(2016, 1, 1), max_value=dt.date(2027, 12, 31)),
)
def test_death_exposure_equals_the_benefit_calculators(wages: list[int], on: dt.date) -> None:
    """Each officer's JKK death exposure equals jkk_death's total, and JKM equals jkm_death's."""
    exposure = death_exposure(np.array(wages), on)
    for index, wage in enumerate(wages):
        assert int(exposure.jkk[index]) == jkk_death(on, Rupiah(wage)).total.amount
    assert exposure.jkm == jkm_death(on).total
    assert exposure.jkk_total.amount == sum(jkk_death(on, Rupiah(w)).total.amount for w in wages)
    assert exposure.jkm_total == exposure.jkm.times(len(wages))


def test_roster_budget_counts_officers_on_duty_in_the_month() -> None:
    """The defects roster's three good KPPS rows cost, in February 2024, what the scalar path says."""
    chunks = list(read_columns(DEFECTS, on_error="collect"))
    budget = roster_budget(chunks, Month(2024, 2), by="role_position")
    month = Month(2024, 2)
    expected = 2 * monthly_premium(Rupiah(1_100_000), month).total.amount
    expected += monthly_premium(Rupiah(1_300_000), month).total.amount
    assert budget.total.amount == expected
    assert [(row.label, row.headcount) for row in budget.rows] == [("kpps.ketua", 1), ("kpps.anggota", 2)]
    assert roster_budget(chunks, Month(2024, 3)).headcount == 0


def test_budget_merge_adds_rows_by_label() -> None:
    """Merging two budgets of the same month adds headcounts and amounts per label."""
    month = Month(2024, 2)
    one = monthly_budget(np.array([5]), np.array([1_100_000]), month)
    two = monthly_budget(np.array([5, 0]), np.array([1_100_000, 2_500_000]), month)
    merged = one.merge(two)
    assert merged.row("kpps").headcount == 2 and merged.row("ppk").total == Rupiah(13_500)
    assert merged.to_dict()["total"] == merged.total.amount


def test_importing_the_package_does_not_import_numpy() -> None:
    """`import jamsos_pemilu` (and the roster, batch and scale-out modules) loads no NumPy, pandas, Arrow or Dask."""
    code = (
        "import sys, jamsos_pemilu, jamsos_pemilu.rosters, jamsos_pemilu.batch, jamsos_pemilu.scaleout\n"
        "print(sorted(m for m in ('numpy', 'pandas', 'pyarrow', 'dask') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
