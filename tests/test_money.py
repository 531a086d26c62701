"""Tests for jamsos_pemilu.money: the Rupiah value type and the single rounding function."""

from __future__ import annotations

import decimal
import pickle
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jamsos_pemilu import FloatMoneyError, InputError, RoundingRule, Rupiah, round_rupiah, to_rate
from jamsos_pemilu.exceptions import MONEY_RULE, JamsosError, MoneyError
from jamsos_pemilu.money import MAX_AMOUNT, MIN_POSITIVE_AMOUNT, parse_rupiah

amounts = st.integers(min_value=-(10**15), max_value=10**15)


def loose(value: object) -> Any:
    """``value`` with its type hidden from mypy: for tests that pass the wrong type on purpose."""
    return value


def test_float_is_refused_with_type_error() -> None:
    """A float passed as money raises TypeError with a message saying floats cannot hold money."""
    with pytest.raises(TypeError, match="got float 1.0; .*floats cannot hold money exactly"):
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


@pytest.mark.parametrize("text", ["0", "0%", "1", "100%", "100,0%", "0.999999", Decimal("1")])
def test_rate_accepts_every_share_from_nothing_to_the_whole(text: str | Decimal) -> None:
    """A rate is a share: 0 and 1 (0 % and 100 %) are both valid, and so is anything between."""
    assert Decimal(0) <= to_rate(text) <= Decimal(1)


@pytest.mark.parametrize("text", ["-0.0001", "-1%", "1.0001", "100.01%", "150%", "2", Decimal("1.000001"), "1e9"])
def test_rate_refuses_a_share_below_nothing_or_above_the_whole(text: str | Decimal) -> None:
    """A rate below 0 or above 1 (100 %) is an InputError that quotes the value and the range."""
    with pytest.raises(InputError, match=r"outside 0 to 1 \(0 % to 100 %\)"):
        to_rate(text)


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
def test_addition_is_exact_within_the_bound(a: int, b: int) -> None:
    """Adding two amounts adds their rupiah exactly, or is refused when the sum passes Rp10^15."""
    if abs(a + b) <= MAX_AMOUNT:
        assert (Rupiah(a) + Rupiah(b)).amount == a + b
    else:
        with pytest.raises(MoneyError, match="out of bounds"):
            Rupiah(a) + Rupiah(b)


@given(amounts, st.integers(min_value=0, max_value=10**6))
def test_times_equals_the_exact_product_within_the_bound(a: int, n: int) -> None:
    """An amount times a headcount equals the exact integer product, or is refused past Rp10^15."""
    if abs(a * n) <= MAX_AMOUNT:
        assert Rupiah(a).times(n).amount == a * n
    else:
        with pytest.raises(MoneyError, match="out of bounds"):
            Rupiah(a).times(n)


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


# ---------------------------------------------------------------- one rule, one message


@pytest.mark.parametrize(
    "call",
    [
        lambda: Rupiah(loose(1.5)),  # a float wage
        lambda: Rupiah(loose("2500000")),  # text given to the constructor
        lambda: Rupiah(1) + loose(1),  # an int where a Rupiah is needed
        lambda: Rupiah(1) < loose(1),
        lambda: Rupiah(1).min(loose(5)),
        lambda: Rupiah(1).max(loose(None)),
        lambda: Rupiah(1) * loose(0.5),
        lambda: Rupiah(1).scale(loose(0.5)),
        lambda: round_rupiah(loose(0.5), RoundingRule.HALF_UP),
    ],
)
def test_every_error_about_something_that_is_not_money_states_the_one_money_rule(call: Callable[[], object]) -> None:
    """A float wage, an int where a Rupiah is needed, text to the constructor: one rule, said the same way."""
    with pytest.raises(FloatMoneyError) as caught:
        call()
    assert MONEY_RULE in str(caught.value)
    assert isinstance(caught.value, InputError) and isinstance(caught.value, TypeError)


def test_min_and_max_refuse_a_plain_number_with_the_library_error() -> None:
    """A cap or floor against a bare int is refused with InputError, not AttributeError."""
    with pytest.raises(InputError, match=r"Rupiah.min\(\): expected a Rupiah, got int 5"):
        Rupiah(7).min(5)  # type: ignore[arg-type]
    with pytest.raises(InputError, match=r"Rupiah.max\(\)"):
        Rupiah(7).max(5)  # type: ignore[arg-type]


# ---------------------------------------------------------------- bounds


def test_the_largest_amount_is_ten_to_the_fifteenth_either_sign() -> None:
    """Rp10^15 and -Rp10^15 are money; one rupiah more is out of bounds."""
    assert MAX_AMOUNT == 10**15
    assert Rupiah(10**15).amount == 10**15
    assert Rupiah(-(10**15)).amount == -(10**15)
    for beyond in (10**15 + 1, -(10**15) - 1, 10**30, Decimal("1e2000000")):
        with pytest.raises(MoneyError, match="out of bounds: the largest amount is Rp10\\^15"):
            Rupiah(beyond)


def test_the_smallest_positive_amount_is_one_rupiah() -> None:
    """Rp1 is the smallest positive amount: a fraction of a rupiah is refused, however small."""
    assert Rupiah(MIN_POSITIVE_AMOUNT) == Rupiah(1)
    for fraction in (Decimal("0.5"), Decimal("1e-999999999"), Decimal("1.0000000001")):
        with pytest.raises(MoneyError, match="fractional part"):
            Rupiah(fraction)


def test_a_huge_decimal_is_refused_at_once() -> None:
    """Rupiah(Decimal('1e2000000')) is refused by comparing, never by converting two million digits."""
    with pytest.raises(MoneyError, match="out of bounds"):
        Rupiah(Decimal("1e999999999999999"))


def test_sums_and_products_beyond_the_bound_are_refused() -> None:
    """Arithmetic whose result would pass Rp10^15 is an InputError, not a silent big number."""
    with pytest.raises(MoneyError):
        Rupiah(MAX_AMOUNT) + Rupiah(1)
    with pytest.raises(MoneyError):
        Rupiah(MAX_AMOUNT).times(2)
    with pytest.raises(MoneyError):
        Rupiah(2) * 10**4300
    with pytest.raises(MoneyError, match="product is out of bounds"):
        Rupiah(MAX_AMOUNT) * Decimal("1.5")


@pytest.mark.parametrize("rate", [Decimal("NaN"), Decimal("sNaN"), Decimal("Infinity"), Decimal("-Infinity")])
def test_an_amount_times_a_rate_that_is_not_a_number_is_refused(rate: Decimal) -> None:
    """Rupiah × NaN is refused when asked, not left to fail later."""
    with pytest.raises(MoneyError, match="not a finite number"):
        Rupiah(2_500_000) * rate


def test_an_amount_times_a_tiny_rate_stays_exact() -> None:
    """A rate of 1e-999999999 gives an exact tiny product that rounds to Rp0 (or Rp1 rounding up)."""
    tiny = Rupiah(5) * Decimal("1e-999999999")
    assert tiny == Decimal("5e-999999999")
    assert round_rupiah(tiny, RoundingRule.HALF_UP) == Rupiah(0)
    assert round_rupiah(tiny, RoundingRule.UP) == Rupiah(1)


def test_the_product_of_an_amount_and_a_rate_is_exact_whatever_the_digits() -> None:
    """Beyond the 28 digits of decimal's default context, the product is still exact."""
    rate = Decimal("0.1234567890123456789012345678901")
    exact = Decimal(f"{999_999_999_999_999 * 1234567890123456789012345678901}E-31")
    assert Rupiah(999_999_999_999_999) * rate == exact


def test_the_largest_amount_prints() -> None:
    """str() works for every amount within bounds."""
    assert str(Rupiah(MAX_AMOUNT)) == "Rp1.000.000.000.000.000"
    assert str(Rupiah(-MAX_AMOUNT)) == "-Rp1.000.000.000.000.000"


def test_rounding_refuses_what_is_not_a_finite_bounded_amount() -> None:
    """round_rupiah refuses NaN, infinities and amounts past the bound with MoneyError."""
    for bad in (Decimal("NaN"), Decimal("Infinity"), Decimal("1e16"), Decimal("1e999999999")):
        with pytest.raises(MoneyError):
            round_rupiah(bad, RoundingRule.HALF_UP)


@settings(max_examples=200)
@given(
    st.one_of(
        st.decimals(allow_nan=True, allow_infinity=True),
        st.integers(),
        st.floats(),
        st.text(max_size=30),
        st.none(),
        st.booleans(),
    ),
    st.decimals(allow_nan=True, allow_infinity=True),
)
def test_money_raises_only_library_errors(amount: object, rate: Decimal) -> None:
    """Whatever is given as an amount or a rate, the answer is money or a JamsosError; no decimal signal escapes."""
    try:
        money = Rupiah(amount)  # type: ignore[arg-type]
        round_rupiah(money * rate, RoundingRule.HALF_UP)
        parse_rupiah(str(amount))
    except JamsosError:
        pass
    except decimal.DecimalException as error:  # pragma: no cover - the failure this test exists for
        pytest.fail(f"decimal signal escaped: {error!r}")


# ---------------------------------------------------------------- NumPy integers


@pytest.mark.parametrize("value", [np.int64(5), np.int32(5), np.uint8(5), np.uint64(5)])
def test_numpy_integers_count_as_integers(value: object) -> None:
    """Rp5 from a NumPy integer scalar, as from a Python int."""
    assert Rupiah(value) == Rupiah(5)  # type: ignore[arg-type]
    assert Rupiah(3) * value == Rupiah(15)  # type: ignore[operator]
    assert Rupiah(3).times(value) == Rupiah(15)  # type: ignore[arg-type]


def test_an_unsigned_value_that_would_wrap_is_refused() -> None:
    """uint64 2^64-1 is not read as -1: it is out of bounds."""
    with pytest.raises(MoneyError, match="out of bounds"):
        Rupiah(np.uint64(2**64 - 1))  # type: ignore[arg-type]


def test_a_numpy_bool_is_not_one_rupiah() -> None:
    """np.True_ is refused like True."""
    with pytest.raises(FloatMoneyError):
        Rupiah(np.True_)  # type: ignore[arg-type]


def test_amounts_survive_pickling() -> None:
    """A Rupiah sent to another process (Dask, multiprocessing) comes back equal."""
    assert pickle.loads(pickle.dumps(Rupiah(2_500_000))) == Rupiah(2_500_000)


# ---------------------------------------------------------------- the one text parser


@pytest.mark.parametrize(
    "text",
    ["2500000", "2.500.000", "2,500,000", "Rp2.500.000", "Rp 2.500.000,-", "rp. 2.500.000", "IDR 2500000", " 2500000 "],
)
def test_whole_rupiah_text_is_read(text: str) -> None:
    """Digits, Indonesian dot grouping and unambiguous comma grouping all read Rp2.500.000."""
    assert Rupiah.parse(text) == parse_rupiah(text) == Rupiah(2_500_000)


def test_a_minus_sign_reads_a_negative_amount() -> None:
    """'-1.000' is minus one thousand rupiah (callers that need a positive amount say so)."""
    assert Rupiah.parse("-1.000") == Rupiah(-1000)


@pytest.mark.parametrize(
    ("text", "read", "write"),
    [
        ("2500000.50", "reads as 2500000 rupiah and a fraction ('.50', after a decimal point)", "write 2500000 or 2.500.000"),
        ("1.100,50", "mixes '.' and ','", "write 1100 or 1.100"),
        ("1,100.50", "mixes '.' and ','", "write 1100 or 1.100"),
        ("2,5", "reads as 2 rupiah and a fraction (',5', after a decimal comma)", "write 2"),
        ("2,500", "a single comma group is ambiguous", "write 2500 or 2.500"),
        ("25.00.000", "groups must have three digits", "write 2500000 or 2.500.000"),
        ("2500.000", "groups must have three digits", "write 2500000 or 2.500.000"),
        ("abc", "not an amount of rupiah", "2500000 or 2.500.000"),
        ("2 500 000", "not an amount of rupiah", "2500000 or 2.500.000"),
        ("2.5e6", "not an amount of rupiah", "2500000 or 2.500.000"),
        ("", "no amount", "2500000 or 2.500.000"),
        ("Rp", "no amount", "2500000 or 2.500.000"),
        ("2\u0665", "not an amount of rupiah", "2500000 or 2.500.000"),
    ],
)
def test_money_text_that_is_not_whole_rupiah_says_what_was_read_and_what_to_write(
    text: str, read: str, write: str
) -> None:
    """Fractions, decimal commas, mixed separators and ambiguous groups are refused, never guessed."""
    with pytest.raises(MoneyError) as caught:
        Rupiah.parse(text, what="wage")
    message = str(caught.value)
    assert message.startswith(f"wage {text!r}: ")
    assert read in caught.value.reason
    assert write in caught.value.reason


def test_money_text_beyond_the_bound_is_refused_without_reading_it_whole() -> None:
    """Five thousand digits are refused as out of bounds (no int() of them), the message short."""
    with pytest.raises(MoneyError, match="out of bounds") as caught:
        Rupiah.parse("9" * 5000)
    assert len(str(caught.value)) < 200


def test_a_nik_typed_as_an_amount_is_refused_masked() -> None:
    """A NIK pasted into a wage field is out of bounds, and the message masks it."""
    with pytest.raises(MoneyError) as caught:
        Rupiah.parse("3602041211870001", what="wage")
    assert "3602041211870001" not in str(caught.value)
    assert "360204******0001" in str(caught.value)


def test_parsing_refuses_what_is_not_text() -> None:
    """Rupiah.parse(2500000) is a money-type error stating the rule."""
    with pytest.raises(FloatMoneyError, match="expected text"):
        Rupiah.parse(2_500_000)  # type: ignore[arg-type]


@given(st.integers(min_value=0, max_value=MAX_AMOUNT))
def test_every_amount_reads_back_from_each_way_of_writing_it(amount: int) -> None:
    """An amount written as digits or with dot grouping reads back as itself; comma grouping too from 1.000.000."""
    money = Rupiah(amount)
    assert Rupiah.parse(str(amount)) == money
    assert Rupiah.parse(f"{amount:,}".replace(",", ".")) == money
    if amount >= 1_000_000:
        assert Rupiah.parse(f"{amount:,}") == money


@given(st.text(max_size=40))
def test_parsing_any_text_gives_money_or_a_money_error(text: str) -> None:
    """No text makes the parser raise anything but MoneyError."""
    try:
        Rupiah.parse(text)
    except MoneyError as error:
        assert error.reason
