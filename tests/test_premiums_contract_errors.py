"""The premium calculators' refusals: each names the argument, the type received and the value (house rule).

A wrong argument is refused by the library's own hierarchy (``InputError``, ``FloatMoneyError``,
``CalculationError``) with a message that names the argument, the type that was passed and a short
form of the value, so a secretariat can find the bad cell of its sheet.
"""

from __future__ import annotations

import datetime as dt

import pytest

from jamsos_pemilu import CalculationError, FloatMoneyError, InputError, Month, Period, Reform, Rupiah, rules_on
from jamsos_pemilu.law.parameters import RuleSnapshot
from jamsos_pemilu.premiums import (
    due_date,
    late_fine,
    month_plan,
    monthly_premium,
    officer_premium,
    period_premium,
)

FEB_2024 = Month(2024, 2)
PAID = dt.date(2024, 3, 20)
_MONEY_HINT = (
    "; money is a Rupiah built from whole rupiah as an int (or an integral Decimal), e.g. Rupiah(2500000) "
    'or Rupiah.parse("2.500.000"); floats cannot hold money exactly'
)


def shipped(month: Month) -> RuleSnapshot:
    """The shipped rules on the month's first day, as a snapshot of the caller's own (no override).

    A snapshot caches the plans and premiums computed with it; a fresh one per call keeps a wrongly
    accepted argument from leaving a cached result behind for the next call.
    """
    return rules_on(month.first_day, reform=Reform("shipped rules"))


def _message(call: object, error: type[Exception]) -> str:
    assert callable(call)
    with pytest.raises(error) as caught:
        call()
    return str(caught.value)


def test_a_month_that_is_not_a_month_is_refused_with_its_type_and_value() -> None:
    """The contribution month must be a Month: a text "2024-02" is refused, naming str and the text."""
    assert (
        _message(lambda: month_plan(month="2024-02"), InputError)  # type: ignore[arg-type]
        == "month: expected a Month, got str ('2024-02')"
    )
    assert (
        _message(lambda: due_date(month=202402), InputError)  # type: ignore[arg-type]
        == "month: expected a Month, got int (202402)"
    )


def test_a_scheme_that_is_not_a_scheme_is_refused_with_its_type_and_value() -> None:
    """Only a WageEarner (PU) or NonWageEarner (BPU) scheme decides rates and due dates; a code "pu" is refused."""
    assert (
        _message(lambda: month_plan("pu", month=FEB_2024, rules=shipped(FEB_2024)), InputError)  # type: ignore[arg-type]
        == "scheme: expected WageEarner or NonWageEarner, got str ('pu')"
    )
    assert (
        _message(lambda: late_fine(Rupiah(100), 7, month=FEB_2024, rules=shipped(FEB_2024), paid_on=PAID), InputError)  # type: ignore[arg-type]
        == "scheme: expected WageEarner or NonWageEarner, got int (7)"
    )


def test_a_budget_source_given_as_text_is_refused_with_its_type_and_value() -> None:
    """Who pays (PP 50/2025 Pasal 3(5)) must be a BudgetSource or None; the text "apbd" is refused."""
    assert (
        _message(lambda: month_plan(month=FEB_2024, rules=shipped(FEB_2024), budget_source="apbd"), InputError)  # type: ignore[arg-type]
        == "budget_source: expected a BudgetSource or None, got str ('apbd')"
    )


def test_programmes_given_as_text_or_a_number_are_refused_as_not_a_set() -> None:
    """The programmes covered are a set of Programme: a text "jkk" is not read letter by letter, a number is refused."""
    assert (
        _message(lambda: month_plan(month=FEB_2024, rules=shipped(FEB_2024), programmes="jkk"), InputError)  # type: ignore[arg-type]
        == "programmes: expected a set of Programme, got str ('jkk')"
    )
    assert (
        _message(lambda: month_plan(month=FEB_2024, rules=shipped(FEB_2024), programmes=5), InputError)  # type: ignore[arg-type]
        == "programmes: expected a set of Programme, got int (5)"
    )


def test_an_empty_set_or_programme_codes_are_refused_naming_what_was_given() -> None:
    """A premium covers at least one programme, each a Programme member: [] and ["jkk"] are refused."""
    assert (
        _message(lambda: month_plan(month=FEB_2024, rules=shipped(FEB_2024), programmes=[]), InputError)
        == "programmes: expected a non-empty set of Programme.JKK / Programme.JKM, got []"
    )
    assert (
        _message(lambda: month_plan(month=FEB_2024, rules=shipped(FEB_2024), programmes=["jkk"]), InputError)  # type: ignore[list-item]
        == "programmes: expected a non-empty set of Programme.JKK / Programme.JKM, got ['jkk']"
    )


def test_a_payment_day_that_is_not_a_date_is_refused_naming_paid_on() -> None:
    """The late fine counts days from the due date to the payment day, which must be a date (not text or a datetime)."""
    assert (
        _message(
            lambda: late_fine(
                Rupiah(100),
                month=FEB_2024,
                rules=shipped(FEB_2024),
                paid_on="2024-03-20",  # type: ignore[arg-type]
            ),
            InputError,
        )
        == "paid_on: expected a datetime.date, got str ('2024-03-20')"
    )
    assert (
        _message(
            lambda: late_fine(Rupiah(100), month=FEB_2024, rules=shipped(FEB_2024), paid_on=dt.datetime(2024, 3, 20)),
            InputError,
        )
        == "paid_on: expected a datetime.date, got datetime (datetime.datetime(2024, 3, 20, 0, 0))"
    )


def test_money_that_is_not_a_rupiah_is_refused_naming_the_argument_and_value() -> None:
    """Money is a Rupiah: an int premium or a float basis is refused, naming the argument and the value."""
    assert _message(lambda: late_fine(100, month=FEB_2024, rules=shipped(FEB_2024), paid_on=PAID), FloatMoneyError) == (  # type: ignore[arg-type]
        "premium: expected a Rupiah, got int 100" + _MONEY_HINT
    )
    assert _message(lambda: monthly_premium(1.5, month=FEB_2024, rules=shipped(FEB_2024)), FloatMoneyError) == (  # type: ignore[arg-type]
        "basis: expected a Rupiah, got float 1.5" + _MONEY_HINT
    )


def test_a_negative_premium_and_a_basis_of_nothing_are_refused_with_the_bound() -> None:
    """A fine is computed on a premium of zero or more; a premium's basis (wage or income) must be positive."""
    assert (
        _message(lambda: late_fine(Rupiah(-1), month=FEB_2024, rules=shipped(FEB_2024), paid_on=PAID), CalculationError)
        == "premium: must be zero or more, got -1 rupiah"
    )
    assert _message(
        lambda: monthly_premium(Rupiah(0), month=FEB_2024, rules=shipped(FEB_2024)),
        CalculationError,
    ) == ("basis: must be positive, got 0 rupiah")
    assert _message(
        lambda: monthly_premium(Rupiah(-5), month=FEB_2024, rules=shipped(FEB_2024)),
        CalculationError,
    ) == ("basis: must be positive, got -5 rupiah")


def test_a_premium_of_nothing_has_no_fine_but_is_accepted() -> None:
    """A premium of Rp0 is a valid amount to fine (zero or more): paid two months late, the fine is Rp0."""
    fine = late_fine(Rupiah(0), month=Month(2024, 1), paid_on=PAID, rules=shipped(Month(2024, 1)))
    assert fine.total == Rupiah(0)
    assert fine.months_late == 2


def test_an_officer_premium_refuses_a_non_officer_and_names_its_type() -> None:
    """officer_premium needs an Officer; a NIK string is refused naming the type only (a NIK is never echoed)."""
    assert (
        _message(
            lambda: officer_premium(
                "3602041211870001",  # type: ignore[arg-type]
                month=FEB_2024,
                rules=shipped(FEB_2024),
            ),
            InputError,
        )
        == "officer: expected an Officer, got str"
    )


def test_a_period_premium_refuses_a_non_period_and_a_non_rule_book() -> None:
    """period_premium takes a Period and a RuleBook (or None); a text period or a text rule book is refused."""
    assert (
        _message(lambda: period_premium(Rupiah(1_000_000), period="2024-01/2024-02"), InputError)  # type: ignore[arg-type]
        == "period: expected a Period, got str ('2024-01/2024-02')"
    )
    kpps = Period(dt.date(2024, 1, 25), dt.date(2024, 2, 25))
    assert (
        _message(lambda: period_premium(Rupiah(1_000_000), period=kpps, rule_book="shipped"), InputError)  # type: ignore[arg-type]
        == "rule_book: expected a RuleBook or None, got str"
    )
