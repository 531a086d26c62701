"""Batch results as readers and spreadsheets see them, and the exact rounding they rest on."""

from __future__ import annotations

import numpy as np
import pytest

from jamsos_pemilu import Month
from jamsos_pemilu.batch import monthly_budget, monthly_premiums, round_ratio
from jamsos_pemilu.exceptions import InputError
from jamsos_pemilu.money import RoundingRule, Rupiah

FEB_2024 = Month(2024, 2)


@pytest.mark.parametrize("denominator", [0, -1, -10, 1.0, 2.5, True, "2", None])
def test_round_ratio_needs_a_positive_whole_denominator(denominator: object) -> None:
    """Dividing premiums needs a positive whole divisor; zero, negatives, floats, booleans and text are refused."""
    with pytest.raises(InputError) as caught:
        round_ratio([10], denominator, RoundingRule.HALF_UP)  # type: ignore[arg-type]
    assert str(caught.value) == f"denominator: expected a positive int, got {denominator!r}"


def test_round_ratio_accepts_a_divisor_of_one() -> None:
    """Dividing by one returns the amounts unchanged (one is the smallest positive divisor)."""
    assert round_ratio([7, 0, 12], 1, RoundingRule.UP).tolist() == [7, 0, 12]


@pytest.mark.parametrize(("numerators", "lowest"), [([3, -2, -5], -5), ([-1], -1)])
def test_round_ratio_refuses_negative_amounts(numerators: list[int], lowest: int) -> None:
    """A premium or wage is never negative: the lowest negative numerator is named in the error."""
    with pytest.raises(InputError, match=f"^numerators: must not be negative, got {lowest}$"):
        round_ratio(numerators, 2, RoundingRule.HALF_UP)


def test_round_ratio_accepts_zero_amounts() -> None:
    """A zero amount (an uncovered programme) is allowed and stays zero under every rule."""
    for rule in RoundingRule:
        assert round_ratio([0, 0], 7, rule).tolist() == [0, 0]


def test_round_ratio_refuses_a_rule_that_is_not_a_rounding_rule() -> None:
    """The rounding rule comes from the rule book as a RoundingRule, not as free text."""
    with pytest.raises(InputError, match="^rule: expected a RoundingRule, got 'half_up'$"):
        round_ratio([1], 2, "half_up")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        (RoundingRule.HALF_UP, [1, 2, 2, 3]),
        (RoundingRule.HALF_EVEN, [1, 2, 2, 2]),
        (RoundingRule.DOWN, [1, 1, 1, 2]),
        (RoundingRule.UP, [2, 2, 2, 3]),
    ],
)
def test_round_ratio_each_rule_on_tenths(rule: RoundingRule, expected: list[int]) -> None:
    """1,4 / 1,5 / 1,6 / 2,5 rupiah round to whole rupiah as each rule of the rule book says."""
    assert round_ratio([14, 15, 16, 25], 10, rule).tolist() == expected


def test_round_ratio_beyond_int64_is_exact() -> None:
    """Amounts too large for 64-bit arithmetic are still divided exactly (Python integers)."""
    assert round_ratio([10**19], 3, RoundingRule.HALF_UP).tolist() == [3333333333333333333]


def test_round_ratio_of_an_empty_list_is_empty() -> None:
    """An empty roster (an empty list of amounts) rounds to an empty result, as an empty int array does."""
    assert round_ratio([], 3, RoundingRule.HALF_UP).tolist() == []


def test_premium_arrays_records_one_row_per_officer() -> None:
    """Each officer gets one flat record: position in the roster, month, JKK, JKM and their total (0,24 % + 0,3 %)."""
    result = monthly_premiums(np.array([1_100_000, 2_000_000]), month=FEB_2024)
    assert result.records() == [
        {"index": 0, "month": "2024-02", "jkk": 2640, "jkm": 3300, "total": 5940},
        {"index": 1, "month": "2024-02", "jkk": 4800, "jkm": 6000, "total": 10800},
    ]
    assert result.headcount == 2


def test_premium_arrays_render_totals_in_both_languages() -> None:
    """The summary names the headcount and month and shows the JKK, JKM and total premiums in rupiah."""
    result = monthly_premiums(np.array([1_100_000, 2_000_000]), month=FEB_2024)
    en = result.render("en").splitlines()
    assert en[:4] == ["Premiums of 2 officers, 2024-02", "  JKK: IDR 7,440", "  JKM: IDR 9,300", "  Total: IDR 16,740"]
    assert en[4].startswith("Rule values used (February 1, 2024")
    assert "WARNING: this result uses unconfirmed values" in en[-1]
    assert result.render("id").splitlines()[:4] == [
        "Iuran 2 petugas, 2024-02",
        "  JKK: Rp7.440",
        "  JKM: Rp9.300",
        "  Jumlah: Rp16.740",
    ]


def test_roster_budget_row_of_a_present_group() -> None:
    """The row of a group with officers gives its headcount and premiums; the total is JKK plus JKM."""
    budget = monthly_budget(np.array([5, 5, 3]), np.array([1_100_000, 1_000_000, 2_000_000]), month=FEB_2024)
    row = budget.row("kpps")
    assert (row.label, row.headcount, row.jkk, row.jkm) == ("kpps", 2, Rupiah(5040), Rupiah(6300))
    assert row.total == Rupiah(11340)
    assert budget.row("sekretariat_pps").headcount == 1


def test_roster_budget_row_of_an_absent_group_is_zero() -> None:
    """A group with no officers in the roster has a zero row under its own label, not an error."""
    budget = monthly_budget(np.array([5, 5, 3]), np.array([1_100_000, 1_000_000, 2_000_000]), month=FEB_2024)
    row = budget.row("ppk")
    assert (row.label, row.headcount, row.jkk, row.jkm, row.total) == ("ppk", 0, Rupiah(0), Rupiah(0), Rupiah(0))
    assert budget.headcount == 3


def test_roster_budget_render_lists_groups_and_a_total_row() -> None:
    """The budget table names each group for readers (KPPS, Sekretariat PPS), its officers and premiums, then totals."""
    budget = monthly_budget(np.array([5, 5, 3]), np.array([1_100_000, 1_000_000, 2_000_000]), month=FEB_2024)
    assert budget.render("en").splitlines()[:6] == [
        "Premium budget for 2024-02",
        "Group            Officers        JKK         JKM       Total",
        "---------------  --------  ---------  ----------  ----------",
        "Sekretariat PPS         1  IDR 4,800   IDR 6,000  IDR 10,800",
        "KPPS                    2  IDR 5,040   IDR 6,300  IDR 11,340",
        "Total                   3  IDR 9,840  IDR 12,300  IDR 22,140",
    ]
    assert budget.records() == [
        {"month": "2024-02", "label": "sekretariat_pps", "headcount": 1, "jkk": 4800, "jkm": 6000, "total": 10800},
        {"month": "2024-02", "label": "kpps", "headcount": 2, "jkk": 5040, "jkm": 6300, "total": 11340},
    ]
    assert (budget.jkk, budget.jkm, budget.total) == (Rupiah(9_840), Rupiah(12_300), Rupiah(22_140))
