"""Tests for jamsos_pemilu.periods: inclusive date ranges, months and time zones."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jamsos_pemilu import InputError, InvalidPeriodError, Month, Period, TimeZone, UnknownCodeError, local_date
from jamsos_pemilu.periods import is_date, require_date

dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 12, 31))


def test_period_includes_both_ends() -> None:
    """A term written 25 Jan – 25 Feb 2024 contains both end days."""
    term = Period(dt.date(2024, 1, 25), dt.date(2024, 2, 25))
    assert dt.date(2024, 1, 25) in term
    assert dt.date(2024, 2, 25) in term
    assert dt.date(2024, 2, 26) not in term
    assert dt.date(2024, 1, 24) not in term


def test_period_end_before_start_is_rejected() -> None:
    """A period that ends before it starts raises InvalidPeriodError naming both dates."""
    with pytest.raises(InvalidPeriodError, match="2024-01-01.*2024-02-01"):
        Period(dt.date(2024, 2, 1), dt.date(2024, 1, 1))


def test_period_refuses_datetime() -> None:
    """A datetime is not a date: the period refuses it."""
    with pytest.raises(InvalidPeriodError, match="datetime.date"):
        Period(dt.datetime(2024, 1, 1), dt.date(2024, 1, 2))


def test_month_rejects_month_13() -> None:
    """Month 13 does not exist."""
    with pytest.raises(InvalidPeriodError, match="1 to 12"):
        Month(2024, 13)


def test_month_parse_rejects_other_forms() -> None:
    """Only YYYY-MM is accepted."""
    with pytest.raises(InvalidPeriodError, match="YYYY-MM"):
        Month.parse("Feb 2024")


def test_pemilu_2024_ppk_term_touches_sixteen_months() -> None:
    """4 Jan 2023 – 4 Apr 2024 touches 16 calendar months."""
    assert Period(dt.date(2023, 1, 4), dt.date(2024, 4, 4)).month_count == 16


def test_period_parse_round_trips() -> None:
    """str() and Period.parse() are inverses."""
    term = Period(dt.date(2024, 11, 7), dt.date(2024, 12, 8))
    assert Period.parse(str(term)) == term


def test_period_parse_rejects_bad_text() -> None:
    """A period without a slash is rejected with the expected form named."""
    with pytest.raises(InvalidPeriodError, match="START/END"):
        Period.parse("2024-01-01")


@given(dates, dates)
def test_months_count_matches_iteration(a: dt.date, b: dt.date) -> None:
    """A period's month count equals the number of months it lists."""
    period = Period(min(a, b), max(a, b))
    months = list(period.months())
    assert len(months) == period.month_count
    assert months[0] == Month.of(period.start)
    assert months[-1] == Month.of(period.end)


@given(dates, dates, dates, dates)
def test_intersection_is_inside_both(a: dt.date, b: dt.date, c: dt.date, d: dt.date) -> None:
    """The days two periods share lie inside each of them."""
    first, second = Period(min(a, b), max(a, b)), Period(min(c, d), max(c, d))
    shared = first.intersection(second)
    assert (shared is not None) == first.overlaps(second)
    if shared is not None:
        assert first.covers(shared)
        assert second.covers(shared)


@given(st.integers(min_value=2000, max_value=2100), st.integers(min_value=1, max_value=12), st.integers(-50, 50))
def test_month_plus_is_consistent(year: int, month: int, shift: int) -> None:
    """Moving a month by n months and measuring back gives n."""
    start = Month(year, month)
    assert start.months_until(start.plus(shift)) == shift


def test_incident_late_evening_wib_is_next_day_in_wit() -> None:
    """23:30 WIB on 14 Feb is already 15 Feb in WIT (two hours ahead)."""
    moment = dt.datetime(2024, 2, 14, 23, 30, tzinfo=TimeZone.WIB.tzinfo)
    assert local_date(moment, TimeZone.WIB) == dt.date(2024, 2, 14)
    assert local_date(moment, TimeZone.WIT) == dt.date(2024, 2, 15)


def test_utc_moment_is_converted_to_local_date() -> None:
    """16:59 UTC is 23:59 WIB the same day and 00:59 WITA the next day."""
    moment = dt.datetime(2024, 2, 14, 16, 59, tzinfo=dt.UTC)
    assert local_date(moment, TimeZone.WIB) == dt.date(2024, 2, 14)
    assert local_date(moment, TimeZone.WITA) == dt.date(2024, 2, 15)


def test_naive_moment_is_refused() -> None:
    """A datetime without a zone is refused rather than guessed."""
    with pytest.raises(InputError, match="no time zone"):
        local_date(dt.datetime(2024, 2, 14, 12, 0), TimeZone.WIB)


def test_time_zone_parse_names_accepted_values() -> None:
    """An unknown zone name lists WIB, WITA and WIT."""
    with pytest.raises(UnknownCodeError, match="WIB, WITA, WIT"):
        TimeZone.parse("CET")


@pytest.mark.parametrize("value", ["2024-02-14", None, 20240214, dt.datetime(2024, 2, 14, 8, 0)])
def test_require_date_refuses_what_is_not_a_calendar_date(value: object) -> None:
    """Text, numbers, None and datetimes are not dates: the error names the argument and shows the value."""
    with pytest.raises(InputError, match=r"^on: expected a datetime.date, got"):
        require_date(value, "on")


def test_require_date_keeps_a_date_and_can_raise_the_period_error() -> None:
    """A date passes unchanged; a period field can ask for InvalidPeriodError instead of InputError."""
    assert require_date(dt.date(2024, 2, 14), "on") == dt.date(2024, 2, 14)
    with pytest.raises(InvalidPeriodError, match="start"):
        require_date("2024-01-25", "start", error=InvalidPeriodError)
    assert is_date(dt.date(2024, 2, 14)) and not is_date(dt.datetime(2024, 2, 14))
