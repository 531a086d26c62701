"""Exact rounding of premiums on arrays: the four rounding rules of the rule book on every path.

``contribution.rounding`` (PP 44/2015 Pasal 23, unconfirmed: no rounding rule is stated, the library rounds
half-up) may be reformed to ``half_even``, ``down`` or ``up``. :func:`round_ratio` is the array form of
``round_rupiah``; it works in ``int64`` while the arithmetic fits and in Python integers beyond, with the same
result. Premium rates are PP 44/2015 Pasal 16 ayat (1) huruf a (JKK 0,24 % = 3/1250) and Pasal 18 ayat (1)
(JKM 0,3 % = 3/1000); PP 49/2020 Pasal 9 cuts 99 % of JKK and JKM for contribution months August 2020 to
January 2021.
"""

from __future__ import annotations

import sys
from decimal import Decimal

import pytest

from jamsos_pemilu import Month, Reform, RoundingRule, Rupiah, rules_on
from jamsos_pemilu.exceptions import InputError
from jamsos_pemilu.law import RuleSnapshot
from jamsos_pemilu.money import round_rupiah
from jamsos_pemilu.premiums import monthly_premium
from jamsos_pemilu.schemes import Programme

np = pytest.importorskip("numpy")

from jamsos_pemilu.batch import monthly_premiums, round_ratio  # noqa: E402

FEB_2024 = Month(2024, 2)
INT64_MAX = 2**63 - 1

#: n / 4 for n = 0..12 under each rule (quarters: below, at and above each half, on both parities).
QUARTERS = list(range(13))
EXPECTED_QUARTERS = {
    RoundingRule.HALF_UP: [0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3],
    RoundingRule.HALF_EVEN: [0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3],
    RoundingRule.DOWN: [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3],
    RoundingRule.UP: [0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3],
}


def with_rounding(month: Month, rule: RoundingRule) -> RuleSnapshot:
    """The shipped rules of ``month`` with ``contribution.rounding`` reformed to ``rule``."""
    return rules_on(month.first_day, reform=Reform(f"rounding {rule.value}", {"contribution.rounding": rule.value}))


@pytest.mark.parametrize("rule", list(RoundingRule))
@pytest.mark.parametrize("dtype", [np.int64, np.uint32, object])
def test_each_rule_rounds_quarters_as_the_rule_says(rule: RoundingRule, dtype: object) -> None:
    """Quarter rupiahs round by the rule: half-up away from zero at a half, half-even to the even neighbour.

    Down drops any fraction and up raises any fraction; int64, unsigned and Python-integer arrays agree.
    """
    result = round_ratio(np.array(QUARTERS, dtype=dtype), 4, rule)
    assert result.tolist() == EXPECTED_QUARTERS[rule]
    assert result.dtype == np.int64


@pytest.mark.parametrize("rule", list(RoundingRule))
def test_each_rule_equals_round_rupiah_on_a_divisor_of_two(rule: RoundingRule) -> None:
    """Halves (a divisor of two, the smallest that leaves a fraction) round exactly as round_rupiah does."""
    numerators = list(range(12))
    expected = [round_rupiah(Decimal(n) / 2, rule).amount for n in numerators]
    assert round_ratio(numerators, 2, rule).tolist() == expected
    assert round_ratio(np.array(numerators, dtype=object), 2, rule).tolist() == expected


@pytest.mark.parametrize("rule", list(RoundingRule))
def test_a_divisor_of_one_changes_nothing_under_any_rule(rule: RoundingRule) -> None:
    """Whole rupiahs divided by one stay as they are, on the int64 and the Python-integer path."""
    assert round_ratio([0, 1, 2, 3, 10**12], 1, rule).tolist() == [0, 1, 2, 3, 10**12]
    assert round_ratio(np.array([5, 7], dtype=object), 1, rule).tolist() == [5, 7]


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        (RoundingRule.HALF_UP, [1537228672809129301, 1537228672809129301]),
        (RoundingRule.HALF_EVEN, [1537228672809129301, 1537228672809129300]),
        (RoundingRule.DOWN, [1537228672809129300, 1537228672809129300]),
        (RoundingRule.UP, [1537228672809129301, 1537228672809129301]),
    ],
)
def test_amounts_near_the_int64_limit_round_exactly(rule: RoundingRule, expected: list[int]) -> None:
    """Numerators near 2**63 (whose doubling would overflow int64) are divided exactly, by every rule."""
    numerators = np.array([INT64_MAX - 2, INT64_MAX - 4], dtype=np.int64)  # / 6: x.8333 and x.5
    result = round_ratio(numerators, 6, rule)
    assert result.tolist() == expected
    assert result.dtype == np.int64


@pytest.mark.parametrize(("numerator", "denominator"), [(2**62 - 1, 3), (2**62 - 100_000, 10**6)])
def test_half_up_near_the_int64_limit_with_a_large_divisor_is_exact(numerator: int, denominator: int) -> None:
    """Half-up adds half the divisor before dividing: near 2**62 that sum is beyond int64, and stays exact."""
    expected = (2 * numerator + denominator) // (2 * denominator)
    assert round_ratio(np.array([numerator], dtype=np.int64), denominator, RoundingRule.HALF_UP).tolist() == [expected]


def test_the_largest_int64_quotient_stays_an_int64() -> None:
    """A quotient of exactly 2**63 - 1 still fits int64, so the result is an ordinary int64 array."""
    result = round_ratio(np.array([INT64_MAX], dtype=object), 1, RoundingRule.HALF_UP)
    assert result.dtype == np.int64
    assert result.tolist() == [INT64_MAX]


def test_an_unsigned_amount_beyond_int64_is_divided_exactly() -> None:
    """An unsigned numerator above 2**63 is divided in Python integers; a quotient that fits is an int64."""
    numerators = np.array([2**63 + 10], dtype=np.uint64)
    assert round_ratio(numerators, 10, RoundingRule.HALF_UP).tolist() == [922337203685477582]
    assert round_ratio(numerators, 10, RoundingRule.HALF_UP).dtype == np.int64


def test_a_quotient_beyond_int64_is_returned_as_python_integers() -> None:
    """A quotient too large for int64 comes back as exact Python integers (an object array), never wrapped."""
    result = round_ratio([2**64 + 1, 4], 2, RoundingRule.HALF_EVEN)
    assert result.dtype == object
    assert result.tolist() == [2**63, 2]
    assert round_ratio([2**64, 3], 1, RoundingRule.DOWN).tolist() == [2**64, 3]


def test_python_integers_that_fit_come_back_as_int64() -> None:
    """Amounts given as Python integers (an object array) that fit come back as an ordinary int64 array."""
    result = round_ratio(np.array([15, 25], dtype=object), 10, RoundingRule.HALF_EVEN)
    assert result.dtype == np.int64
    assert result.tolist() == [2, 2]


def test_the_input_array_is_not_changed() -> None:
    """Rounding returns new amounts and leaves the caller's array as it was."""
    numerators = np.array([15, 26, 35], dtype=np.int64)
    for rule in RoundingRule:
        round_ratio(numerators, 10, rule)
    assert numerators.tolist() == [15, 26, 35]


def test_an_empty_array_of_any_integer_type_rounds_to_an_empty_int64_array() -> None:
    """No amounts give no amounts, as whole numbers (an empty list is taken as whole numbers, not floats)."""
    empties: list[object] = [
        [],
        np.array([], dtype=np.int64),
        np.array([], dtype=np.uint8),
        np.array([], dtype=float),
        np.array([], dtype=object),
    ]
    for numerators in empties:
        result = round_ratio(numerators, 3, RoundingRule.HALF_UP)  # type: ignore[arg-type]
        assert result.tolist() == [] and result.dtype == np.int64


@pytest.mark.parametrize(
    ("numerators", "dtype_name"), [(np.array([1.5]), "float64"), (np.array([True]), "bool"), (np.array(["7"]), "<U1")]
)
def test_amounts_that_are_not_whole_numbers_are_refused(numerators: object, dtype_name: str) -> None:
    """Money is whole rupiah: floating-point, boolean or text amounts are refused with their type named."""
    with pytest.raises(InputError) as caught:
        round_ratio(numerators, 2, RoundingRule.HALF_UP)  # type: ignore[arg-type]
    assert str(caught.value) == f"numerators: expected whole numbers, got an array of {dtype_name}"


def test_a_negative_amount_among_python_integers_is_refused() -> None:
    """A negative amount is refused on the Python-integer path too, naming the lowest."""
    with pytest.raises(InputError) as caught:
        round_ratio(np.array([4, -3, 2**70], dtype=object), 2, RoundingRule.DOWN)
    assert str(caught.value) == "numerators: must not be negative, got -3"


def test_a_rule_given_as_text_is_refused_by_its_value() -> None:
    """The rounding rule is a RoundingRule; its text value is refused, showing what was given."""
    with pytest.raises(InputError) as caught:
        round_ratio([1], 2, None)  # type: ignore[arg-type]
    assert str(caught.value) == "rule: expected a RoundingRule, got None"


# --------------------------------------------------------------------------- premiums under each rule


@pytest.mark.parametrize(
    ("rule", "jkk", "jkm"),
    [
        (RoundingRule.HALF_UP, [2_402, 2_405, 0], [3_002, 3_006, 1]),
        (RoundingRule.HALF_EVEN, [2_402, 2_404, 0], [3_002, 3_006, 1]),
        (RoundingRule.DOWN, [2_401, 2_404, 0], [3_001, 3_005, 0]),
        (RoundingRule.UP, [2_402, 2_405, 1], [3_002, 3_006, 1]),
    ],
)
def test_wage_earner_premiums_follow_the_rounding_rule(rule: RoundingRule, jkk: list[int], jkm: list[int]) -> None:
    """JKK 0,24 % of Rp1.000.625 is Rp2.401,5, of Rp1.001.875 Rp2.404,5 and of Rp208 Rp0,4992; JKM 0,3 % likewise.

    Each rounds to whole rupiah by the rule in force, as the one-officer calculator does.
    """
    month = FEB_2024
    rules = with_rounding(month, rule)
    wages = [1_000_625, 1_001_875, 208]
    result = monthly_premiums(np.array(wages), month=month, rules=rules)
    assert result.jkk.tolist() == jkk
    assert result.jkm.tolist() == jkm
    for index, wage in enumerate(wages):
        scalar = monthly_premium(Rupiah(wage), month=month, rules=rules)
        assert scalar.amount_for(Programme.JKK).amount == jkk[index]


@pytest.mark.parametrize(
    ("rule", "totals"),
    [
        (RoundingRule.HALF_UP, [26 + 33, 25 + 32]),
        (RoundingRule.HALF_EVEN, [26 + 33, 26 + 32]),
        (RoundingRule.DOWN, [27 + 33, 26 + 32]),
        (RoundingRule.UP, [26 + 33, 25 + 31]),
    ],
)
def test_pp_49_2020_relief_is_rounded_by_the_rule(rule: RoundingRule, totals: list[int]) -> None:
    """Under PP 49/2020 (99 % off, September 2020) the premium is the full premium less the rounded discount.

    Rp1.100.000: JKK Rp2.640 less Rp2.613,6 rounded; JKM Rp3.300 less Rp3.267. Rp1.062.500: JKK Rp2.550 less
    Rp2.524,5 rounded; JKM Rp3.187,5 is rounded first, then less 99 % of it, rounded again.
    """
    month = Month(2020, 9)
    rules = with_rounding(month, rule)
    wages = [1_100_000, 1_062_500]
    result = monthly_premiums(np.array(wages), month=month, rules=rules)
    expected = [monthly_premium(Rupiah(w), month=month, rules=rules).total.amount for w in wages]
    assert result.total.tolist() == expected == totals


def test_relief_months_have_both_sides_in_the_batch() -> None:
    """PP 49/2020 relieves contribution months August 2020 to January 2021 only: July 2020 and February 2021 pay in full."""
    wages = np.array([1_100_000])
    assert monthly_premiums(wages, month=Month(2020, 7)).total.tolist() == [5_940]
    assert monthly_premiums(wages, month=Month(2020, 8)).total.tolist() == [26 + 33]
    assert monthly_premiums(wages, month=Month(2021, 1)).total.tolist() == [26 + 33]
    assert monthly_premiums(wages, month=Month(2021, 2)).total.tolist() == [5_940]


def test_a_zero_rate_gives_zero_premiums() -> None:
    """A what-if JKK rate of 0 % makes every officer's JKK premium Rp0 while JKM stays 0,3 %."""
    rules = rules_on(FEB_2024.first_day, reform=Reform("no JKK", {"pu.jkk_rate.sangat_rendah": "0"}))
    result = monthly_premiums(np.array([1_100_000, 10**15]), month=FEB_2024, rules=rules)
    assert result.jkk.tolist() == [0, 0]
    assert result.jkk.dtype == np.int64
    assert result.jkm.tolist() == [3_300, 3 * 10**12]


@pytest.mark.parametrize("rule", list(RoundingRule))
def test_the_largest_wage_with_a_fine_grained_rate_is_exact(rule: RoundingRule) -> None:
    """A rate with twelve decimals times the largest wage (Rp10^15) is computed exactly under each rounding rule."""
    month = FEB_2024
    reform = Reform("fine", {"pu.jkm_rate": "0.003000000001", "contribution.rounding": rule.value})
    rules = rules_on(month.first_day, reform=reform)
    wages = [10**15, 10**15 - 1, 333_333_333_333_335]
    result = monthly_premiums(np.array(wages), month=month, rules=rules)
    expected = [monthly_premium(Rupiah(w), month=month, rules=rules).amount_for(Programme.JKM).amount for w in wages]
    assert result.jkm.tolist() == expected
    assert result.jkm.dtype == np.int64


def test_a_product_just_inside_int64_with_a_twelve_decimal_rate_is_exact() -> None:
    """A what-if JKM rate of 0,0000004613 % (twelve decimals, 4613/10^12) on a wage near Rp10^15 is exact.

    Wage × 4613 is just inside int64, but adding half of 10^12 for half-up rounding is not: the premium equals
    the one-officer calculator's to the rupiah.
    """
    wage = (INT64_MAX - 10**11) // (2 * 4613)
    rules = rules_on(FEB_2024.first_day, reform=Reform("tiny JKM", {"pu.jkm_rate": "0.000000004613"}))
    result = monthly_premiums(np.array([wage]), month=FEB_2024, rules=rules)
    assert result.jkm.tolist() == [
        monthly_premium(Rupiah(wage), month=FEB_2024, rules=rules).amount_for(Programme.JKM).amount
    ]
    assert result.jkm.tolist() == [(2 * wage * 4613 + 10**12) // (2 * 10**12)]


def test_numpy_missing_is_explained_with_the_extra_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without NumPy the columnar calculator says which extra to install (``jamsos-pemilu[batch]``)."""
    monkeypatch.setitem(sys.modules, "numpy", None)
    with pytest.raises(ModuleNotFoundError) as caught:
        round_ratio([1], 1, RoundingRule.HALF_UP)
    assert str(caught.value) == "jamsos_pemilu.batch needs NumPy: pip install 'jamsos-pemilu[batch]'"
    assert caught.value.name == "numpy"
    assert caught.value.__cause__ is None and caught.value.__suppress_context__
