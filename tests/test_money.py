"""Tests for jamsos_pemilu.money: the Rupiah value type and the single rounding function."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jamsos_pemilu import FloatMoneyError, InputError, RoundingRule, Rupiah, round_rupiah, to_rate

amounts = st.integers(min_value=-(10**15), max_value=10**15)


def test_float_is_refused_with_type_error() -> None:
    """A float passed as money raises TypeError with a message saying floats cannot hold money."""
    with pytest.raises(TypeError, match="not float .*floats cannot hold money exactly"):
        Rupiah(1.0)  # type: ignore[arg-type]


def test_float_error_is_the_library_error() -> None:
    """The float refusal is the library's own FloatMoneyError."""
    with pytest.raises(FloatMoneyError):
        Rupiah(0.5)  # type: ignore[arg-type]


def test_bool_is_refused() -> None:
    """True is not one rupiah."""
    with pytest.raises(TypeError):
        Rupiah(True)


def test_fractional_decimal_is_refused() -> None:
    """A Decimal with a fractional part must be rounded explicitly first."""
    with pytest.raises(InputError, match="fractional part"):
        Rupiah(Decimal("1.5"))


def test_integral_decimal_is_accepted() -> None:
    """An integral Decimal becomes whole rupiah."""
    assert Rupiah(Decimal("42000000")) == Rupiah(42_000_000)


def test_multiplying_by_float_is_refused() -> None:
    """Rupiah × float raises TypeError."""
    with pytest.raises(TypeError):
        Rupiah(100) * 0.5  # type: ignore[operator]


def test_adding_int_is_refused() -> None:
    """Rupiah + a bare int is refused: only money adds to money."""
    with pytest.raises(TypeError):
        Rupiah(100) + 5  # type: ignore[operator]


def test_rupiah_is_immutable() -> None:
    """Assigning to a Rupiah raises AttributeError."""
    money = Rupiah(1)
    with pytest.raises(AttributeError):
        money._amount = 2


def test_formats_in_indonesian_by_default() -> None:
    """str() of an amount uses the id_ID form Rp42.000.000."""
    assert str(Rupiah(42_000_000)) == "Rp42.000.000"


def test_rate_from_percent_text() -> None:
    """'0,24%' is the rate 0.0024."""
    assert to_rate("0,24%") == Decimal("0.0024")


def test_rate_refuses_float() -> None:
    """A float rate is refused."""
    with pytest.raises(TypeError):
        to_rate(0.3)  # type: ignore[arg-type]


def test_rate_refuses_text_that_is_not_a_number() -> None:
    """Non-numeric text is an InputError."""
    with pytest.raises(InputError, match="not a number"):
        to_rate("abc")


def test_half_up_rounds_half_rupiah_up() -> None:
    """Half a rupiah rounds up under HALF_UP."""
    assert round_rupiah(Decimal("10.5"), RoundingRule.HALF_UP) == Rupiah(11)


def test_half_even_rounds_half_to_even() -> None:
    """Half a rupiah rounds to the even neighbour under HALF_EVEN."""
    assert round_rupiah(Decimal("10.5"), RoundingRule.HALF_EVEN) == Rupiah(10)


def test_rounding_refuses_float() -> None:
    """The rounding function refuses floats."""
    with pytest.raises(TypeError):
        round_rupiah(10.5, RoundingRule.HALF_UP)  # type: ignore[arg-type]


@given(amounts, amounts)
def test_addition_is_exact(a: int, b: int) -> None:
    """Adding two amounts adds their rupiah exactly."""
    assert (Rupiah(a) + Rupiah(b)).amount == a + b


@given(amounts, st.integers(min_value=0, max_value=10**6))
def test_times_equals_repeated_sum(a: int, n: int) -> None:
    """An amount times a headcount equals the exact integer product."""
    assert Rupiah(a).times(n).amount == a * n


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=4), st.sampled_from(list(RoundingRule)))
def test_rounding_stays_within_one_rupiah(value: Decimal, rule: RoundingRule) -> None:
    """Rounding an exact amount moves it by less than one rupiah."""
    assert abs(Decimal(round_rupiah(value, rule).amount) - value) < 1


@given(amounts, amounts)
def test_ordering_matches_amounts(a: int, b: int) -> None:
    """Comparisons between amounts follow the integers."""
    assert (Rupiah(a) < Rupiah(b)) == (a < b)
    assert Rupiah(a).min(Rupiah(b)).amount == min(a, b)
    assert Rupiah(a).max(Rupiah(b)).amount == max(a, b)


def test_sum_starts_from_zero() -> None:
    """sum() of amounts works from the default start 0."""
    assert sum([Rupiah(20_000_000), Rupiah(12_000_000), Rupiah(10_000_000)]) == Rupiah(42_000_000)
