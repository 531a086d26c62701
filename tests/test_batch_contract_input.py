"""Bad input to the columnar calculators: every refusal names the argument, the value and, for arrays, the index.

House rule: bad input always gets a clear error of the library's own hierarchy naming the field and the value;
nothing is dropped or guessed. A wage earner's wage must be positive (PP 44/2015 Pasal 16 ayat (1) and Pasal 18
ayat (1) take a share of the wage); a non-wage earner's declared income may be 0 ("not declared": the lowest basis
of PP 44/2015 Pasal 20 ayat (1) jo. Lampiran II applies) but is never negative. The largest amount of money the
library holds is Rp10^15.
"""

from __future__ import annotations

import datetime as dt

import pytest

from jamsos_pemilu import CalculationError, InputError, Month, rules_on
from jamsos_pemilu.schemes import Programme, RiskClass

np = pytest.importorskip("numpy")

from jamsos_pemilu.batch import (  # noqa: E402
    death_exposure,
    group_sums,
    monthly_budget,
    monthly_premiums,
    roster_budget,
)

FEB_2024 = Month(2024, 2)
WAGE = 1_100_000


def _message(call: object, *args: object, **kwargs: object) -> tuple[type[Exception], str]:
    try:
        call(*args, **kwargs)  # type: ignore[operator]
    except (InputError, CalculationError) as error:
        return type(error), str(error)
    raise AssertionError("no error")  # pragma: no cover - the tests expect an error


# --------------------------------------------------------------------------- bases


def test_floating_point_bases_are_refused() -> None:
    """Money is never floating point: a float array of wages is refused before anything is computed."""
    assert _message(monthly_premiums, np.array([1_100_000.0]), month=FEB_2024) == (
        CalculationError,
        "bases: must be whole rupiah in an integer array, not floating point",
    )


@pytest.mark.parametrize(("bases", "dtype"), [(np.array(["1100000"]), "<U7"), (np.array([True]), "bool")])
def test_bases_that_are_not_integers_are_refused_with_their_type(bases: object, dtype: str) -> None:
    """Text or yes/no values are not rupiah: the error names the array's type."""
    assert _message(monthly_premiums, bases, month=FEB_2024) == (
        CalculationError,
        f"bases: expected an integer array of whole rupiah, got {dtype}",
    )


def test_a_table_of_bases_is_refused() -> None:
    """One basis per officer: a two-dimensional array is refused with its number of dimensions."""
    assert _message(monthly_premiums, np.array([[WAGE, WAGE]]), month=FEB_2024) == (
        CalculationError,
        "bases: expected a one-dimensional array, got 2 dimensions",
    )


@pytest.mark.parametrize("dtype", [np.int64, np.uint64])
def test_the_largest_amount_is_allowed_and_one_more_is_refused(dtype: object) -> None:
    """Rp10^15 is the largest amount: it is priced; Rp10^15 + 1 is refused naming the amount and its index."""
    result = monthly_premiums(np.array([WAGE, 10**15], dtype=dtype), month=FEB_2024)
    assert result.jkm.tolist() == [3_300, 3 * 10**12]
    bases = np.array([WAGE, 10**15, 10**15 + 1, WAGE], dtype=dtype)
    assert _message(monthly_premiums, bases, month=FEB_2024) == (
        CalculationError,
        "bases: 1,000,000,000,000,001 rupiah at index 2 is beyond Rp10^15, the largest amount",  # grouped: not NIK-like
    )


def test_an_unsigned_basis_beyond_int64_is_refused_not_wrapped() -> None:
    """An unsigned basis of 2**64 - 1 is refused as beyond Rp10^15, never read as a negative int64."""
    bases = np.array([WAGE, WAGE, 2**64 - 1], dtype=np.uint64)
    assert _message(monthly_premiums, bases, month=FEB_2024) == (
        CalculationError,
        "bases: 18,446,744,073,709,551,615 rupiah at index 2 is beyond Rp10^15, the largest amount",
    )


def test_the_lowest_negative_income_is_named_where_it_stands() -> None:
    """Several negative incomes: the lowest is named with its own index, not the first negative one's."""
    bases = np.array([0, 500_000, -7, -9, 4])
    schemes = np.ones(5, dtype=np.int8)
    assert _message(monthly_premiums, bases, month=FEB_2024, schemes=schemes) == (
        CalculationError,
        "bases: must not be negative, got -9 rupiah at index 3",
    )


def test_the_largest_basis_beyond_the_limit_is_named_where_it_stands() -> None:
    """Several bases beyond Rp10^15: the largest is named with its own index, digits grouped."""
    bases = np.array([10**15 + 1, 10**15 + 5, 1])
    assert _message(monthly_premiums, bases, month=FEB_2024) == (
        CalculationError,
        "bases: 1,000,000,000,000,005 rupiah at index 1 is beyond Rp10^15, the largest amount",
    )


def test_a_negative_income_is_refused_with_its_index() -> None:
    """A non-wage earner's income is never negative: the negative amount and its index are named."""
    bases = np.array([0, 500_000, -9, -7, 4])
    schemes = np.ones(5, dtype=np.int8)
    assert _message(monthly_premiums, bases, month=FEB_2024, schemes=schemes) == (
        CalculationError,
        "bases: must not be negative, got -9 rupiah at index 2",
    )


@pytest.mark.parametrize("schemes", [None, np.array([0, 0, 0])])
def test_a_wage_earner_with_a_wage_of_zero_is_refused(schemes: object) -> None:
    """A wage earner's premium is a share of a positive wage: Rp0 is refused, naming the first such officer."""
    for call in (monthly_premiums, monthly_budget):
        args = (np.zeros(3, dtype=np.uint8),) if call is monthly_budget else ()
        assert _message(call, *args, np.array([WAGE, 0, 0]), month=FEB_2024, schemes=schemes) == (
            CalculationError,
            "bases: a wage earner's wage must be positive, got 0 rupiah at index 1",
        )


def test_the_first_wage_earner_without_a_wage_is_refused_on_every_path() -> None:
    """A wage of Rp0 for the very first officer is refused by the premiums, the budget and the death exposure."""
    expected = (CalculationError, "bases: a wage earner's wage must be positive, got 0 rupiah at index 0")
    bases = np.array([0, WAGE, WAGE])
    assert _message(monthly_premiums, bases, month=FEB_2024) == expected
    assert _message(monthly_budget, np.array([5, 5, 5]), bases, month=FEB_2024) == expected
    assert _message(death_exposure, bases, on=dt.date(2024, 2, 14)) == expected


def test_non_wage_earners_may_leave_the_income_undeclared() -> None:
    """A roster of non-wage earners only, all with income 0 (not declared), pays the lowest-basis premium.

    JKK 1 % of Rp1.000.000 and JKM Rp6.800 (PP 44/2015 Pasal 20 ayat (1) and (3)).
    """
    result = monthly_premiums(np.zeros(2, dtype=np.int64), month=FEB_2024, schemes=np.ones(2, dtype=np.uint8))
    assert result.total.tolist() == [16_800, 16_800]
    budget = monthly_budget(np.array([5, 5]), np.zeros(2, dtype=np.int64), month=FEB_2024, schemes=np.array([1, 1]))
    assert budget.total.amount == 33_600


def test_a_wage_earner_without_a_wage_is_refused_in_a_mixed_roster_wherever_he_is() -> None:
    """In a mixed roster a 0 is fine for a non-wage earner; a wage earner's 0 is refused with his index."""
    bases = np.array([0, WAGE, 0, WAGE])
    schemes = np.array([1, 0, 0, 1])
    expected = (CalculationError, "bases: a wage earner's wage must be positive, got 0 rupiah at index 2")
    assert _message(monthly_premiums, bases, month=FEB_2024, schemes=schemes) == expected
    assert _message(monthly_budget, np.array([5, 5, 5, 5]), bases, month=FEB_2024, schemes=schemes) == expected


# --------------------------------------------------------------------------- codes


def test_scheme_codes_must_match_the_roster() -> None:
    """One scheme code per officer: a wrong length or a non-integer array is refused with its type and shape."""
    assert _message(monthly_premiums, np.array([WAGE, WAGE]), month=FEB_2024, schemes=np.array([0])) == (
        InputError,
        "schemes: expected an integer array of 2 codes, got int64 of shape (1,)",
    )
    assert _message(monthly_premiums, np.array([WAGE]), month=FEB_2024, schemes=np.array([0.0])) == (
        InputError,
        "schemes: expected an integer array of 1 codes, got float64 of shape (1,)",
    )


@pytest.mark.parametrize(("codes", "bad", "index"), [([0, 1, 2, 1], 2, 2), ([1, -1, 0, -1], -1, 1)])
def test_scheme_codes_out_of_range_are_refused(codes: list[int], bad: int, index: int) -> None:
    """Scheme codes are 0 (wage earner) and 1 (non-wage earner): another code is refused with its first index."""
    assert _message(monthly_premiums, np.full(4, WAGE), month=FEB_2024, schemes=np.array(codes)) == (
        InputError,
        f"schemes: codes must be 0 to 1, got {bad} at index {index}",
    )


@pytest.mark.parametrize(("codes", "bad", "index"), [([4, 5], 5, 1), ([0, -2], -2, 1), ([7, 0], 7, 0)])
def test_risk_class_codes_out_of_range_are_refused(codes: list[int], bad: int, index: int) -> None:
    """Risk classes are the five of PP 44/2015 Pasal 16 ayat (1) huruf a-e (codes 0-4): others are refused."""
    assert _message(monthly_premiums, np.full(2, WAGE), month=FEB_2024, risk_class=np.array(codes)) == (
        InputError,
        f"risk_class: codes must be 0 to 4, got {bad} at index {index}",
    )


@pytest.mark.parametrize(("given", "shown"), [("rendah", "'rendah'"), (2, "2"), (None, "None"), (b"x", "b'x'")])
def test_a_risk_class_that_is_neither_a_class_nor_codes_is_refused(given: object, shown: str) -> None:
    """The risk class is a RiskClass or an array of codes; text, a lone number or nothing is refused."""
    assert _message(monthly_premiums, np.array([WAGE]), month=FEB_2024, risk_class=given) == (
        InputError,
        f"risk_class: expected a RiskClass or an integer array of codes, got {shown}",
    )


def test_each_risk_class_code_prices_its_class() -> None:
    """Risk codes 0-4 price JKK at 0,24 %, 0,54 %, 0,89 %, 1,27 % and 1,74 % (PP 44/2015 Pasal 16 ayat (1) a-e)."""
    result = monthly_premiums(np.full(5, 1_000_000), month=FEB_2024, risk_class=np.arange(5))
    assert result.jkk.tolist() == [2_400, 5_400, 8_900, 12_700, 17_400]
    assert result.jkm.tolist() == [3_000] * 5
    receipt = [value.name for value in result.receipt.values]
    assert [name for name in receipt if name.startswith("pu.jkk_rate")] == [
        "pu.jkk_rate.sangat_rendah",
        "pu.jkk_rate.rendah",
        "pu.jkk_rate.sedang",
        "pu.jkk_rate.tinggi",
        "pu.jkk_rate.sangat_tinggi",
    ]


# --------------------------------------------------------------------------- other arguments


def test_the_month_must_be_a_month() -> None:
    """The contribution month is a Month; a text month is refused showing its type and value."""
    assert _message(monthly_premiums, np.array([WAGE]), month="2024-02") == (
        InputError,
        "month: expected a Month, got str ('2024-02')",
    )


def test_the_budget_source_must_be_a_budget_source() -> None:
    """Who pays is a BudgetSource (it decides PP 50/2025 Pasal 3 ayat (5)); free text is refused."""
    assert _message(monthly_premiums, np.array([WAGE]), month=FEB_2024, budget_source="apbd") == (
        InputError,
        "budget_source: expected a BudgetSource or None, got 'apbd'",
    )


def test_the_transport_sector_flag_must_be_true_or_false() -> None:
    """Whether non-wage earners work in transport (PP 50/2025 Pasal 7) is True or False, not a number."""
    assert _message(monthly_premiums, np.array([WAGE]), month=FEB_2024, transport_sector=1) == (
        InputError,
        "transport_sector: expected True or False, got 1",
    )


def test_rules_of_another_date_are_refused() -> None:
    """A month's premiums apply the law of its first day: a snapshot of another day is refused, saying which."""
    assert _message(monthly_premiums, np.array([WAGE]), month=FEB_2024, rules=rules_on(dt.date(2024, 2, 14))) == (
        InputError,
        "rules: a snapshot taken on 2024-02-14 was passed, but the premiums of 2024-02 applies the law of "
        "2024-02-01; pass rules_on(datetime.date(2024, 2, 1), reform=...) or rules.at(datetime.date(2024, 2, 1))",
    )


@pytest.mark.parametrize(
    ("programmes", "message"),
    [
        ("jkk", "programmes: expected a set of Programme, got str ('jkk')"),
        (b"jkk", "programmes: expected a set of Programme, got bytes (b'jkk')"),
        (5, "programmes: expected a set of Programme, got int (5)"),
        (set(), "programmes: expected a non-empty set of Programme.JKK / Programme.JKM, got set()"),
        (["jkk"], "programmes: expected a non-empty set of Programme.JKK / Programme.JKM, got ['jkk']"),
    ],
)
def test_programmes_must_be_a_non_empty_set_of_programmes(programmes: object, message: str) -> None:
    """The programmes covered are JKK and/or JKM; text, numbers, nothing or other values are refused."""
    assert _message(monthly_premiums, np.array([WAGE]), month=FEB_2024, programmes=programmes) == (InputError, message)


def test_programmes_may_be_any_collection_of_programmes() -> None:
    """A list of programmes works as a set: JKK only gives JKK 0,24 % and no JKM."""
    result = monthly_premiums(np.array([WAGE]), month=FEB_2024, programmes=[Programme.JKK, Programme.JKK])
    assert (result.jkk.tolist(), result.jkm.tolist()) == ([2_640], [0])
    assert "pu.jkm_rate" not in [value.name for value in result.receipt.values]


@pytest.mark.parametrize("labels", ["kpps", (), [], {"kpps"}, None])
def test_budget_labels_must_be_a_non_empty_sequence(labels: object) -> None:
    """Group labels are a non-empty sequence of names, one per group code."""
    error, message = _message(monthly_budget, np.array([0]), np.array([WAGE]), month=FEB_2024, labels=labels)
    assert (error, message) == (
        InputError,
        f"labels: expected a non-empty sequence of group names, got {labels!r}",
    )


def test_budget_group_codes_must_match_the_roster_and_the_labels() -> None:
    """Group codes run from 0 to the last label; the error names the groups, the code and where it is."""
    assert _message(monthly_budget, np.array([0, 2]), np.array([WAGE, WAGE]), month=FEB_2024, labels=("a", "b")) == (
        InputError,
        "groups: codes must be 0 to 1, got 2 at index 1",
    )
    assert _message(monthly_budget, np.array([0]), np.array([WAGE, WAGE]), month=FEB_2024) == (
        InputError,
        "groups: expected an integer array of 2 codes, got int64 of shape (1,)",
    )


def test_roster_budget_refuses_bad_arguments_by_name() -> None:
    """The roster budget groups by role or role and position, takes a RiskClass and RosterChunk items only."""
    assert _message(roster_budget, [], month=FEB_2024, by="position") == (
        InputError,
        "by: expected 'role' or 'role_position', got 'position'",
    )
    assert _message(roster_budget, [], month=FEB_2024, risk_class="rendah") == (
        InputError,
        "risk_class: expected a RiskClass, got 'rendah'",
    )
    assert _message(roster_budget, [{"role": 5}], month=FEB_2024) == (
        InputError,
        "chunks: expected RosterChunk items, got dict",
    )
    assert roster_budget([], month=FEB_2024, risk_class=RiskClass.TINGGI).headcount == 0


# --------------------------------------------------------------------------- group sums


@pytest.mark.parametrize("size", [0, -1, 2.0, True, "3"])
def test_group_sums_need_a_positive_number_of_groups(size: object) -> None:
    """Sums by group need at least one group, given as a whole number."""
    assert _message(group_sums, [0], [1], size) == (InputError, f"size: expected a positive int, got {size!r}")


def test_group_sums_refuse_non_integer_arrays_and_mismatched_shapes() -> None:
    """Group codes and values are integer arrays of one length; anything else is refused with types and shapes."""
    assert _message(group_sums, [0.0], [1], 1) == (
        InputError,
        "groups and values: expected integer arrays, got float64 and int64",
    )
    assert _message(group_sums, [0], [1.5], 1) == (
        InputError,
        "groups and values: expected integer arrays, got int64 and float64",
    )
    assert _message(group_sums, [0, 0], [1], 1) == (
        InputError,
        "groups and values: expected one-dimensional arrays of one length, got (2,) and (1,)",
    )
    assert _message(group_sums, [[0]], [[1]], 1) == (
        InputError,
        "groups and values: expected one-dimensional arrays of one length, got (1, 1) and (1, 1)",
    )


@pytest.mark.parametrize(("codes", "shown"), [([0, 3, 1], "0 to 3"), ([-1, 2], "-1 to 2"), ([2, 2], "2 to 2")])
def test_group_sums_refuse_codes_out_of_range(codes: list[int], shown: str) -> None:
    """Group codes run from 0 to size - 1; the error gives the range found."""
    assert _message(group_sums, codes, [1] * len(codes), 2) == (
        InputError,
        f"groups: codes must be 0 to 1, got {shown}",
    )


def test_group_sums_add_by_group_including_negative_and_zero_values() -> None:
    """Each group's sum is exact; empty groups sum to 0, and so do no values at all."""
    assert group_sums([1, 0, 1, 1], [5, -3, -7, 4], 3) == [-3, 2, 0]
    assert group_sums([0, 0], [0, 0], 1) == [0]
    assert group_sums(np.array([], dtype=np.int64), np.array([], dtype=np.int64), 2) == [0, 0]
    assert group_sums(np.array([2], dtype=np.uint8), np.array([9], dtype=np.uint64), 3) == [0, 0, 9]


def test_group_sums_beyond_int64_of_large_negative_values_are_exact() -> None:
    """Sums of values near -2**62 are exact Python integers (the chunk is sized on the largest magnitude)."""
    values = np.array([-(2**62), -(2**62), -(2**62), 5], dtype=np.int64)
    assert group_sums(np.array([0, 0, 0, 1]), values, 2) == [-3 * 2**62, 5]


def test_group_sums_over_many_values_are_exact() -> None:
    """Three thousand values of 2**52 in one group sum exactly (chunks of int64 added as Python integers)."""
    values = np.full(3_000, 2**52, dtype=np.int64)
    codes = np.zeros(3_000, dtype=np.int64)
    codes[::3] = 1
    assert group_sums(codes, values, 2) == [2_000 * 2**52, 1_000 * 2**52]


# --------------------------------------------------------------------------- death exposure


def test_death_exposure_refuses_bad_wages_and_dates_by_name() -> None:
    """Death exposure needs positive whole-rupiah wages and the snapshot of the event's own date."""
    assert _message(death_exposure, np.array([WAGE, 0]), on=dt.date(2024, 2, 14)) == (
        CalculationError,
        "bases: a wage earner's wage must be positive, got 0 rupiah at index 1",
    )
    assert _message(death_exposure, np.array([WAGE]), on=dt.date(2024, 2, 14), rules=rules_on(dt.date(2024, 2, 1))) == (
        InputError,
        "rules: a snapshot taken on 2024-02-01 was passed, but a death-benefit exposure applies the law of "
        "2024-02-14; pass rules_on(datetime.date(2024, 2, 14), reform=...) or rules.at(datetime.date(2024, 2, 14))",
    )


def test_group_sums_of_a_large_value_beside_small_ones_are_exact() -> None:
    """The chunk is sized on the largest magnitude, positive or negative: 2**62 beside small values never wraps."""
    assert group_sums(np.array([0, 0, 0]), np.array([2**62, 2**62, 1], dtype=np.int64), 1) == [2**63 + 1]
    assert group_sums(np.array([0, 0, 0]), np.array([-1, 2**62 + 1, 2**62 + 1], dtype=np.int64), 1) == [2**63 + 1]


def test_group_sums_never_pass_through_floating_point() -> None:
    """Values beyond 2**53 (where a float loses whole units) are summed to the exact unit."""
    values = np.array([2**53 + 1, 2**53 + 1, 3], dtype=np.int64)
    assert group_sums(np.array([0, 0, 1]), values, 2) == [2**54 + 2, 3]
