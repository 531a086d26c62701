"""Tests for jamsos_pemilu.batch: columnar premiums, budgets and exposure equal the one-officer calculators."""

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

from jamsos_pemilu import (
    BudgetSource,
    CalculationError,
    InputError,
    Month,
    Reform,
    RoundingRule,
    Rupiah,
    rules_on,
)
from jamsos_pemilu.benefits import jkk_death, jkm_death
from jamsos_pemilu.law import RuleSnapshot
from jamsos_pemilu.money import MAX_AMOUNT, round_rupiah
from jamsos_pemilu.premiums import BOTH_PROGRAMMES, monthly_premium
from jamsos_pemilu.rosters import ROLE_CODES, read_columns
from jamsos_pemilu.schemes import NonWageEarner, Programme, RiskClass, Scheme, WageEarner

np = pytest.importorskip("numpy")

from jamsos_pemilu import batch  # noqa: E402
from jamsos_pemilu.batch import (  # noqa: E402
    RISK_CLASS_CODES,
    ROLE_LABELS,
    SCHEME_CODES,
    death_exposure,
    group_sums,
    monthly_budget,
    monthly_premiums,
    roster_budget,
    round_ratio,
)

DEFECTS = Path(__file__).parent / "data" / "roster_with_defects.csv"
FEB_2024 = Month(2024, 2)
PP49_MONTHS = [Month(2020, 8).plus(i) for i in range(6)]
PP50_MONTHS = [Month(2026, 1).plus(i) for i in range(15)]
months = st.one_of(
    st.sampled_from(PP49_MONTHS),
    st.sampled_from(PP50_MONTHS),
    st.sampled_from([Month(2020, 7), Month(2021, 2), Month(2025, 12), Month(2027, 4)]),
    st.builds(Month, st.integers(min_value=2016, max_value=2030), st.integers(min_value=1, max_value=12)),
)
rounding_rules = st.sampled_from(list(RoundingRule))
budget_sources = st.one_of(st.none(), st.sampled_from(list(BudgetSource)))


def rules_with(month: Month, rule: RoundingRule) -> RuleSnapshot:
    """The shipped rules of ``month``, with the rounding rule replaced unless it is the shipped half-up."""
    if rule is RoundingRule.HALF_UP:
        return rules_on(month.first_day)
    return rules_on(month.first_day, reform=Reform(f"rounding {rule.value}", {"contribution.rounding": rule.value}))


def scheme_of(code: int, risk: int, transport: bool) -> Scheme:
    """The scalar scheme of a batch officer (scheme code, risk code)."""
    return NonWageEarner(transport_sector=transport) if code == 1 else WageEarner(RISK_CLASS_CODES[risk])


def scalar(basis: int, code: int, risk: int, transport: bool, **kwargs: object) -> tuple[int, int, int]:
    """JKK, JKM and total of one officer from monthly_premium (a BPU basis of 0 means "not declared")."""
    premium = monthly_premium(
        Rupiah(basis) if basis else None, scheme_of(code, risk, transport), **kwargs  # type: ignore[arg-type]
    )
    jkk, jkm = premium.amount_for(Programme.JKK).amount, premium.amount_for(Programme.JKM).amount
    return jkk, jkm, premium.total.amount


@st.composite
def rosters(draw: st.DrawFn) -> tuple[list[int], list[int], list[int], list[int]]:
    """A random mixed roster: bases (small and large), role, scheme and risk-class codes."""
    size = draw(st.integers(min_value=1, max_value=30))
    basis = st.one_of(
        st.integers(min_value=1, max_value=50_000_000),
        st.integers(min_value=1, max_value=10**13),
        st.sampled_from([700_000, 1_000_000, 1_100_000, 1_200_000, 2_500_000]),
    )
    bases = draw(st.lists(basis, min_size=size, max_size=size))
    codes = draw(st.lists(st.integers(0, 1), min_size=size, max_size=size))
    # a non-wage earner may leave the income undeclared (0)
    bases = [0 if code == 1 and draw(st.booleans()) else b for b, code in zip(bases, codes, strict=True)]
    roles = draw(st.lists(st.integers(0, len(ROLE_CODES) - 1), min_size=size, max_size=size))
    risks = draw(st.lists(st.integers(0, len(RISK_CLASS_CODES) - 1), min_size=size, max_size=size))
    return bases, roles, codes, risks


@settings(max_examples=120, deadline=None)
@given(rosters(), months, rounding_rules, budget_sources, st.booleans())
def test_batch_premiums_equal_the_one_officer_calculator(
    roster: tuple[list[int], list[int], list[int], list[int]],
    month: Month,
    rule: RoundingRule,
    source: BudgetSource | None,
    transport: bool,
) -> None:
    """Batch premiums equal monthly_premium officer by officer, to the rupiah.

    For both schemes, every risk class, relief months and every rounding rule, each officer's JKK, JKM and
    total are the one-officer calculator's.
    """
    bases, _roles, codes, risks = roster
    rules = rules_with(month, rule)
    result = monthly_premiums(
        np.array(bases),
        month=month,
        schemes=np.array(codes, dtype=np.uint8),
        risk_class=np.array(risks, dtype=np.uint8),
        budget_source=source,
        transport_sector=transport,
        rules=rules,
    )
    for index, (basis, code, risk) in enumerate(zip(bases, codes, risks, strict=True)):
        expected = scalar(basis, code, risk, transport, month=month, budget_source=source, rules=rules)
        assert (int(result.jkk[index]), int(result.jkm[index]), int(result.total[index])) == expected


@settings(max_examples=60, deadline=None)
@given(rosters(), months, rounding_rules, budget_sources)
def test_budget_by_role_is_the_sum_of_one_officer_premiums(
    roster: tuple[list[int], list[int], list[int], list[int]],
    month: Month,
    rule: RoundingRule,
    source: BudgetSource | None,
) -> None:
    """A role's budget over a mixed roster is the sum of its officers' monthly_premium amounts.

    Its headcount is their number, whether the bases share a grid (grouped path) or not.
    """
    bases, roles, codes, risks = roster
    rules = rules_with(month, rule)
    budget = monthly_budget(
        np.array(roles),
        np.array(bases),
        month=month,
        schemes=np.array(codes),
        risk_class=np.array(risks),
        budget_source=source,
        rules=rules,
    )
    expected: dict[str, tuple[int, int, int]] = {}
    for basis, role, code, risk in zip(bases, roles, codes, risks, strict=True):
        jkk, jkm, _ = scalar(basis, code, risk, False, month=month, budget_source=source, rules=rules)
        count, a, b = expected.get(ROLE_LABELS[role], (0, 0, 0))
        expected[ROLE_LABELS[role]] = (count + 1, a + jkk, b + jkm)
    assert {row.label: (row.headcount, row.jkk.amount, row.jkm.amount) for row in budget.rows} == expected


def test_grouped_and_officer_by_officer_budgets_agree_on_a_national_mix() -> None:
    """On 20.000 officers with honoraria on a grid (the grouped path) the budget equals the officer-by-officer sum."""
    rng = np.random.default_rng(7)
    size = 20_000
    roles = rng.integers(0, len(ROLE_CODES), size)
    bases = rng.choice(np.array([1_100_000, 1_200_000, 1_500_000, 2_500_000]), size)
    codes = (rng.random(size) < 0.2).astype(np.uint8)
    roster = batch._roster(np, bases, codes, RiskClass.SANGAT_RENDAH)
    assert batch._grouped_counts(np, roles, roster, len(ROLE_LABELS)) is not None
    budget = monthly_budget(roles, bases, month=FEB_2024, schemes=codes)
    each = monthly_premiums(bases, month=FEB_2024, schemes=codes)
    assert budget.jkk.amount == int(each.jkk.sum()) and budget.jkm.amount == int(each.jkm.sum())
    assert budget.headcount == size


def test_a_basis_off_the_grid_falls_back_to_officer_by_officer() -> None:
    """One basis off the honoraria grid (beyond the sample the grid is guessed from) is still priced exactly."""
    bases = np.full(5_000, 1_100_000, dtype=np.int64)
    bases[::2] = 1_200_000  # the sample's grid: 1.100.000 + 100.000 k
    bases[-1] = 1_150_001
    roles = np.zeros(5_000, dtype=np.uint8)
    roster = batch._roster(np, bases, None, RiskClass.SANGAT_RENDAH)
    assert batch._grouped_counts(np, roles, roster, len(ROLE_LABELS)) is None
    budget = monthly_budget(roles, bases, month=FEB_2024)
    expected = 2_500 * 6_480 + 2_499 * 5_940 + monthly_premium(Rupiah(1_150_001), month=FEB_2024).total.amount
    assert budget.total.amount == expected


def test_one_programme_only() -> None:
    """Covering JKM only leaves JKK at zero and matches the scalar JKM-only premium."""
    result = monthly_premiums(np.array([1_100_000]), month=FEB_2024, programmes={Programme.JKM})
    expected = monthly_premium(Rupiah(1_100_000), month=FEB_2024, programmes={Programme.JKM})
    assert result.jkk.tolist() == [0] and result.total.tolist() == [expected.total.amount]


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.integers(min_value=0, max_value=2**70), min_size=1, max_size=10),
    st.integers(min_value=1, max_value=10**6),
    rounding_rules,
)
def test_round_ratio_is_the_array_form_of_round_rupiah(numerators: list[int], denominator: int, rule: RoundingRule) -> None:
    """Integer rounding of n/q equals round_rupiah of the exact Decimal n/q with the same rule.

    Beyond the largest amount of money (and beyond int64) it equals Decimal's own quantize.
    """
    values = np.array(numerators, dtype=object if max(numerators) >= 2**62 else np.int64)
    got = [int(v) for v in round_ratio(values, denominator, rule).tolist()]
    with decimal.localcontext(prec=60):
        exact = [Decimal(n) / Decimal(denominator) for n in numerators]
        expected = [
            round_rupiah(q, rule).amount if q <= MAX_AMOUNT else int(q.quantize(Decimal(1), rounding=rule.decimal_mode))
            for q in exact
        ]
    assert got == expected


@pytest.mark.parametrize("wage", [1_100_000, 10**15])
def test_products_beyond_int64_fall_back_to_exact_python_integers(wage: int) -> None:
    """A premium whose product overflows int64 is still exact (equal to the scalar path).

    A rate with the most decimal places a rate may have (12) makes wage × numerator exceed int64
    for the largest wages.
    """
    rules = rules_on(FEB_2024.first_day, reform=Reform("JKM digits", {"pu.jkm_rate": "0.003000000001"}))
    result = monthly_premiums(np.array([wage]), month=FEB_2024, rules=rules)
    assert int(result.total[0]) == monthly_premium(Rupiah(wage), month=FEB_2024, rules=rules).total.amount


def test_bases_beyond_the_largest_amount_are_refused() -> None:
    """A basis above Rp10^15, which no Rupiah can hold, is refused with its index."""
    with pytest.raises(CalculationError, match="index 1"):
        monthly_premiums(np.array([1, 10**15 + 1]), month=FEB_2024)


def test_reform_changes_batch_and_scalar_alike() -> None:
    """A reformed JKM rate gives the same premiums on both paths, and the receipt names the reform."""
    rules = rules_on(FEB_2024.first_day, reform=Reform("JKM 0,5%", {"pu.jkm_rate": "0.005"}))
    result = monthly_premiums(np.array([1_234_567]), month=FEB_2024, rules=rules)
    scalar_jkm = monthly_premium(Rupiah(1_234_567), month=FEB_2024, rules=rules).amount_for(Programme.JKM)
    assert int(result.jkm[0]) == scalar_jkm.amount
    assert result.receipt.reforms == ("JKM 0,5%",)


def test_mixed_roster_pp_50_2025_follows_the_budget_source() -> None:
    """In May 2026 a self-paid non-wage earner pays half of Rp16.800; paid from APBD, the full amount with a note."""
    bases, codes = np.array([1_100_000, 0]), np.array([0, 1])
    self_paid = monthly_premiums(bases, month=Month(2026, 5), schemes=codes, budget_source=BudgetSource.SELF_PAID)
    apbd = monthly_premiums(bases, month=Month(2026, 5), schemes=codes, budget_source=BudgetSource.APBD)
    assert self_paid.total.tolist() == [5_940, 8_400]
    assert apbd.total.tolist() == [5_940, 16_800]
    assert any("APBN/APBD" in note.render("en") for note in apbd.notes)


# --------------------------------------------------------------------------- receipts and the result protocol


def test_every_columnar_result_carries_a_receipt_and_the_result_protocol() -> None:
    """Premium arrays, roster budgets and death exposure render in both languages, serialise and carry a receipt."""
    bases, codes = np.array([1_100_000, 2_000_000]), np.array([0, 1])
    results = [
        monthly_premiums(bases, month=FEB_2024, schemes=codes),
        monthly_budget(np.array([5, 5]), bases, month=FEB_2024, schemes=codes),
        death_exposure(np.array([1_100_000]), on=dt.date(2024, 2, 14)),
    ]
    for result in results:
        names = [value.name for value in result.receipt.values]
        assert names, type(result).__name__
        assert result.render("id") != result.render("en") and result.render("en_US") == result.render("en")
        data = result.to_dict()
        assert data["kind"] and data["receipt"] == result.receipt.to_dict()
        assert result.records()
    budget_receipt = [v.name for v in results[1].receipt.values]
    assert "pu.jkm_rate" in budget_receipt and "bpu.jkm_amount" in budget_receipt


def test_budget_receipt_names_only_the_schemes_present() -> None:
    """A roster of wage earners only has no non-wage-earner value on its receipt."""
    budget = monthly_budget(np.array([5]), np.array([1_100_000]), month=FEB_2024)
    assert "bpu.jkm_amount" not in [v.name for v in budget.receipt.values]


def test_budget_renders_a_table_with_labels_and_totals() -> None:
    """The budget's text shows each group's row and the total in the reader's language."""
    budget = monthly_budget(np.array([0, 5, 5]), np.array([2_500_000, 1_500_000, 1_100_000]), month=FEB_2024)
    text = budget.render("en")
    assert "KPPS" in text and "kpps" not in text and "IDR 27,540" in text and "Total" in text
    assert "Jumlah" in budget.render("id")


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize("bad", [[0], [-5]])
def test_non_positive_wages_are_refused(bad: list[int]) -> None:
    """A wage earner's wage of zero or less raises CalculationError naming its index, as the scalar path refuses it."""
    with pytest.raises(CalculationError, match="index 0"):
        monthly_premiums(np.array(bad), month=FEB_2024)


def test_a_negative_declared_income_is_refused() -> None:
    """A non-wage earner's 0 means "not declared"; a negative income is refused."""
    assert monthly_premiums(np.array([0]), month=Month(2025, 6), schemes=np.array([1])).total.tolist() == [16_800]
    with pytest.raises(CalculationError, match="index 0"):
        monthly_premiums(np.array([-1]), month=Month(2025, 6), schemes=np.array([1]))


def test_float_wages_are_refused() -> None:
    """A float wage array is refused: money is never floating point."""
    with pytest.raises(CalculationError, match="floating point"):
        monthly_premiums(np.array([1_100_000.0]), month=FEB_2024)


@pytest.mark.parametrize(
    ("arguments", "named"),
    [
        ({"month": "2024-02"}, "month"),
        ({"schemes": np.array([2])}, "schemes"),
        ({"schemes": np.array([0, 1])}, "schemes"),
        ({"risk_class": "rendah"}, "risk_class"),
        ({"risk_class": np.array([5])}, "risk_class"),
        ({"programmes": "jkk"}, "programmes"),
        ({"budget_source": "apbd"}, "budget_source"),
        ({"transport_sector": 1}, "transport_sector"),
        ({"rules": rules_on(dt.date(2024, 2, 14))}, "rules"),
    ],
)
def test_every_argument_of_a_wrong_type_is_refused_by_name(arguments: dict[str, object], named: str) -> None:
    """Each argument of the columnar calculator with a wrong type or value raises InputError naming it."""
    call: dict[str, object] = {"month": FEB_2024, **arguments}
    with pytest.raises(InputError, match=named):
        monthly_premiums(np.array([1_100_000]), **call)  # type: ignore[arg-type]


def test_group_codes_out_of_range_are_refused() -> None:
    """A group code without a label raises InputError naming the groups and the code."""
    with pytest.raises(InputError, match="groups: codes must be 0 to .*, got 99"):
        monthly_budget(np.array([99]), np.array([1_000_000]), month=FEB_2024)


def test_group_sums_are_exact_beyond_float_precision() -> None:
    """Group sums of values near 2**62 are exact Python integers (no float, no overflow)."""
    values = np.array([2**62, 2**62, 2**62 - 1], dtype=np.int64)
    assert group_sums(np.array([0, 0, 1]), values, 2) == [2**63, 2**62 - 1]


# --------------------------------------------------------------------------- exposure and rosters


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.integers(min_value=1, max_value=100_000_000), min_size=1, max_size=20),
    st.dates(min_value=dt.date(2016, 1, 1), max_value=dt.date(2027, 12, 31)),
)
def test_death_exposure_equals_the_benefit_calculators(wages: list[int], on: dt.date) -> None:
    """Each officer's JKK death exposure equals jkk_death's total, and JKM equals jkm_death's."""
    exposure = death_exposure(np.array(wages), on=on)
    for index, wage in enumerate(wages):
        assert int(exposure.jkk[index]) == jkk_death(Rupiah(wage), on=on).total.amount
    assert exposure.jkm == jkm_death(on=on).total
    assert exposure.jkk_total.amount == sum(jkk_death(Rupiah(w), on=on).total.amount for w in wages)
    assert exposure.jkm_total == exposure.jkm.times(len(wages))


def test_roster_budget_counts_officers_on_duty_in_the_month() -> None:
    """The defects roster's three good KPPS rows cost, in February 2024, what the scalar path says."""
    chunks = list(read_columns(DEFECTS, on_error="collect"))
    budget = roster_budget(chunks, month=FEB_2024, by="role_position")
    expected = 2 * monthly_premium(Rupiah(1_100_000), month=FEB_2024).total.amount
    expected += monthly_premium(Rupiah(1_300_000), month=FEB_2024).total.amount
    assert budget.total.amount == expected
    assert [(row.label, row.headcount) for row in budget.rows] == [("kpps.ketua", 1), ("kpps.anggota", 2)]
    assert roster_budget(chunks, month=Month(2024, 3)).headcount == 0
    assert budget.receipt.values


def test_budget_merge_adds_rows_by_label() -> None:
    """Merging two budgets of the same month adds headcounts and amounts per label."""
    one = monthly_budget(np.array([5]), np.array([1_100_000]), month=FEB_2024)
    two = monthly_budget(np.array([5, 0]), np.array([1_100_000, 2_500_000]), month=FEB_2024)
    merged = one.merge(two)
    assert merged.row("kpps").headcount == 2 and merged.row("ppk").total == Rupiah(13_500)
    assert merged.to_dict()["total"] == merged.total.amount
    with pytest.raises(InputError, match="cannot merge"):
        one.merge(monthly_budget(np.array([5]), np.array([1_100_000]), month=Month(2024, 3)))


def test_scheme_codes_name_the_schemes() -> None:
    """Scheme code 0 is a wage earner and 1 a non-wage earner, as the schemes' kinds say."""
    assert (WageEarner().kind, NonWageEarner().kind) == SCHEME_CODES


def test_importing_the_package_does_not_import_numpy() -> None:
    """`import jamsos_pemilu` (and the roster, batch and scale-out modules) loads no NumPy, pandas, Arrow or Dask."""
    code = (
        "import sys, jamsos_pemilu, jamsos_pemilu.rosters, jamsos_pemilu.batch, jamsos_pemilu.scaleout\n"
        "print(sorted(m for m in ('numpy', 'pandas', 'pyarrow', 'dask') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("size", [3, 5_000])
def test_a_wage_earner_without_a_wage_in_a_mixed_roster_is_refused(size: int) -> None:
    """In a mixed roster a basis of 0 is allowed for non-wage earners only, on the grouped and the per-officer path."""
    bases = np.full(size, 1_100_000, dtype=np.int64)
    codes = np.zeros(size, dtype=np.uint8)
    bases[0], codes[0] = 0, 1  # a non-wage earner who declares no income: fine
    bases[-1] = 0  # a wage earner without a wage
    with pytest.raises(CalculationError, match=f"index {size - 1}"):
        monthly_budget(np.zeros(size, dtype=np.uint8), bases, month=FEB_2024, schemes=codes)
    with pytest.raises(CalculationError, match=f"index {size - 1}"):
        monthly_premiums(bases, month=FEB_2024, schemes=codes)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, len(ROLE_CODES) - 1),
            st.sampled_from([0, 700_000, 1_100_000, 1_150_000, 2_500_000]),
            st.integers(0, 1),
            st.integers(0, len(RISK_CLASS_CODES) - 1),
        ),
        min_size=1,
        max_size=40,
    ),
    months,
    rounding_rules,
)
def test_grouped_budget_equals_the_officer_by_officer_budget(
    officers: list[tuple[int, int, int, int]], month: Month, rule: RoundingRule
) -> None:
    """Counting officers per (role, scheme, risk class, basis) and pricing each bin once is exact.

    It gives the same rupiah as pricing every officer (bases on a grid, with undeclared incomes of non-wage earners).
    """
    officers = [(r, b, 1 if b == 0 else s, k) for r, b, s, k in officers]  # a 0 basis is a non-wage earner's
    roles, bases, codes, risks = (np.array(column) for column in zip(*officers, strict=True))
    roster = batch._roster(np, bases, codes, risks)
    plans = batch._make_plans(month, BOTH_PROGRAMMES, BudgetSource.SELF_PAID, False, rules_with(month, rule))
    size = len(ROLE_LABELS)
    found = batch._grouped_counts(np, roles, roster, size, max_bins=2**20)
    assert found is not None
    grouped = batch._budget_grouped(np, found, roster, plans, size)
    direct = batch._budget_direct(np, roles, roster, plans, size)
    assert grouped[:3] == direct[:3]
    assert set(grouped[3]) == set(direct[3])


def test_grouping_works_for_bases_beyond_the_int32_range() -> None:
    """Bases of Rp5 milyar (beyond int32) on a grid are counted by their offset from the lowest and priced exactly."""
    bases = np.array([5_000_000_000, 5_000_050_000] * 3_000, dtype=np.int64)
    roles = np.zeros(bases.shape[0], dtype=np.uint8)
    roster = batch._roster(np, bases, None, RiskClass.SANGAT_RENDAH)
    assert batch._grouped_counts(np, roles, roster, len(ROLE_LABELS)) is not None
    budget = monthly_budget(roles, bases, month=FEB_2024)
    each = sum(monthly_premium(Rupiah(int(b)), month=FEB_2024).total.amount for b in bases[:2])
    assert budget.total.amount == 3_000 * each
