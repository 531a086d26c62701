"""Masa (periods): date ranges, calendar months and Indonesia's three time zones.

Terms of office (*masa kerja*) and coverage periods are written with both ends
included ("25 Januari – 25 Februari 2024"), so :class:`Period` is inclusive of
both its start and its end. Contributions (*iuran*) are owed per calendar month,
so :class:`Month` names one and :meth:`Period.months` lists the months a period
touches. Month arithmetic uses python-dateutil.

Indonesia keeps three civil time zones (Keppres 41/1987): WIB (UTC+7), WITA
(UTC+8) and WIT (UTC+9). An incident logged at a moment in time happened on the
*local* date of the place where it happened, which :func:`local_date` computes.

>>> import datetime as dt
>>> term = Period(dt.date(2024, 1, 25), dt.date(2024, 2, 25))
>>> term.days
32
>>> [str(m) for m in term.months()]
['2024-01', '2024-02']
>>> moment = dt.datetime(2024, 2, 14, 17, 30, tzinfo=dt.timezone.utc)
>>> local_date(moment, TimeZone.WIT)
datetime.date(2024, 2, 15)
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import re
from collections.abc import Iterator
from typing import Final, TypeGuard

import attrs
from dateutil.relativedelta import relativedelta

from jamsos_pemilu.exceptions import InputError, InvalidPeriodError, UnknownCodeError

__all__ = ["Month", "Period", "TimeZone", "completed_years", "is_date", "local_date", "require_date", "years_after"]

_MONTH_TEXT: Final = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")


def is_date(value: object) -> TypeGuard[dt.date]:
    """Whether ``value`` is a calendar date (a ``datetime.date`` that is not a ``datetime``)."""
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def require_date(value: object, what: str, *, error: type[InputError] = InputError) -> dt.date:
    """``value`` if it is a calendar date; else ``error`` naming the argument ``what`` and the value.

    A ``datetime`` is refused: the library works with the date an event is about,
    and a moment in time has a date only in a time zone (:func:`local_date`).

    >>> import datetime as dt
    >>> require_date(dt.date(2024, 2, 14), "on")
    datetime.date(2024, 2, 14)
    >>> require_date("2024-02-14", "on")
    Traceback (most recent call last):
    ...
    jamsos_pemilu.exceptions.InputError: on: expected a datetime.date, got str ('2024-02-14')
    """
    if not is_date(value):
        raise error(f"{what}: expected a datetime.date, got {type(value).__name__} ({value!r})")
    return value


@attrs.frozen(order=True)
class Month:
    """A calendar month, the unit in which contributions are owed.

    >>> Month(2024, 2).last_day
    datetime.date(2024, 2, 29)
    >>> Month.parse("2019-12").next()
    Month(year=2020, month=1)
    """

    year: int
    month: int

    def __attrs_post_init__(self) -> None:
        if type(self.year) is not int or type(self.month) is not int:
            raise InvalidPeriodError(f"month must be two ints, got {self.year!r}-{self.month!r}")
        if not 1 <= self.month <= 12:
            raise InvalidPeriodError(f"month number must be 1 to 12, got {self.month}")
        if not 1 <= self.year <= 9999:
            raise InvalidPeriodError(f"year must be 1 to 9999, got {self.year}")

    @classmethod
    def of(cls, day: dt.date) -> Month:
        """Return the month containing ``day``."""
        require_date(day, "day", error=InvalidPeriodError)
        return cls(day.year, day.month)

    @classmethod
    def parse(cls, text: str) -> Month:
        """Parse ``YYYY-MM``.

        Raises:
            InvalidPeriodError: if the text is not of that form.

        """
        match = _MONTH_TEXT.match(text) if isinstance(text, str) else None
        if match is None:
            raise InvalidPeriodError(f"month must be written YYYY-MM, got {text!r}")
        return cls(int(match.group(1)), int(match.group(2)))

    @property
    def first_day(self) -> dt.date:
        """The first day of the month."""
        return dt.date(self.year, self.month, 1)

    @property
    def last_day(self) -> dt.date:
        """The last day of the month."""
        return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    @property
    def period(self) -> Period:
        """The whole month as a :class:`Period`."""
        return Period(self.first_day, self.last_day)

    def next(self) -> Month:
        """The following month."""
        return self.plus(1)

    def plus(self, months: int) -> Month:
        """The month ``months`` later (or earlier, if negative)."""
        index = self.year * 12 + self.month - 1 + months
        return Month(index // 12, index % 12 + 1)

    def months_until(self, other: Month) -> int:
        """Whole months from this month to ``other`` (0 if the same month).

        >>> Month(2024, 1).months_until(Month(2024, 3))
        2
        """
        return (other.year - self.year) * 12 + (other.month - self.month)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@attrs.frozen
class Period:
    """A date range with both ends included.

    Args:
        start: the first day.
        end: the last day (inclusive); not before ``start``.

    Raises:
        InvalidPeriodError: if a bound is not a date or ``end`` precedes ``start``.

    >>> import datetime as dt
    >>> Period(dt.date(2024, 1, 1), dt.date(2024, 1, 1)).days
    1

    """

    start: dt.date
    end: dt.date

    def __attrs_post_init__(self) -> None:
        require_date(self.start, "start", error=InvalidPeriodError)
        require_date(self.end, "end", error=InvalidPeriodError)
        if self.end < self.start:
            raise InvalidPeriodError(
                f"period ends ({self.end.isoformat()}) before it starts ({self.start.isoformat()})"
            )

    @property
    def days(self) -> int:
        """Number of days, counting both ends."""
        return (self.end - self.start).days + 1

    def __contains__(self, day: object) -> bool:
        return is_date(day) and self.start <= day <= self.end

    def contains(self, day: dt.date) -> bool:
        """Whether ``day`` lies in the period (both ends included)."""
        return require_date(day, "day", error=InvalidPeriodError) in self

    def covers(self, other: Period) -> bool:
        """Whether ``other`` lies entirely inside this period."""
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Period) -> bool:
        """Whether the two periods share at least one day."""
        return self.start <= other.end and other.start <= self.end

    def intersection(self, other: Period) -> Period | None:
        """The days both periods share, or ``None`` when they share none."""
        if not self.overlaps(other):
            return None
        return Period(max(self.start, other.start), min(self.end, other.end))

    def months(self) -> Iterator[Month]:
        """The calendar months the period touches, in order."""
        month = Month.of(self.start)
        last = Month.of(self.end)
        while month <= last:
            yield month
            month = month.next()

    @property
    def month_count(self) -> int:
        """How many calendar months the period touches.

        >>> import datetime as dt
        >>> Period(dt.date(2023, 1, 4), dt.date(2024, 4, 4)).month_count
        16
        """
        span = relativedelta(self.end.replace(day=1), self.start.replace(day=1))
        return span.years * 12 + span.months + 1

    def __str__(self) -> str:
        return f"{self.start.isoformat()}/{self.end.isoformat()}"

    @classmethod
    def parse(cls, text: str) -> Period:
        """Parse ``YYYY-MM-DD/YYYY-MM-DD`` (ISO 8601 interval, both ends included).

        >>> Period.parse("2024-01-25/2024-02-25").days
        32
        """
        parts = text.split("/") if isinstance(text, str) else []
        if len(parts) != 2:
            raise InvalidPeriodError(f"period must be written START/END in ISO dates, got {text!r}")
        try:
            return cls(dt.date.fromisoformat(parts[0].strip()), dt.date.fromisoformat(parts[1].strip()))
        except ValueError as error:
            if isinstance(error, InvalidPeriodError):
                raise
            raise InvalidPeriodError(f"period {text!r} holds a date that is not ISO YYYY-MM-DD") from None


class TimeZone(enum.Enum):
    """Indonesia's civil time zones (Keppres 41/1987)."""

    WIB = "WIB"
    """Waktu Indonesia Barat, UTC+7 (Sumatra, Java, West and Central Kalimantan)."""
    WITA = "WITA"
    """Waktu Indonesia Tengah, UTC+8 (Bali, Nusa Tenggara, the rest of Kalimantan, Sulawesi)."""
    WIT = "WIT"
    """Waktu Indonesia Timur, UTC+9 (Maluku and Papua)."""

    @property
    def tzinfo(self) -> dt.timezone:
        """The fixed UTC offset of the zone (Indonesia keeps no daylight saving time)."""
        return _ZONES[self]

    @classmethod
    def parse(cls, text: str) -> TimeZone:
        """Parse ``"WIB"``, ``"wita"``, ... (case-insensitive)."""
        key = text.strip().upper() if isinstance(text, str) else ""
        try:
            return cls[key]
        except KeyError:
            raise UnknownCodeError("time zone", text, [z.value for z in cls]) from None


_ZONES: Final = {
    TimeZone.WIB: dt.timezone(dt.timedelta(hours=7), "WIB"),
    TimeZone.WITA: dt.timezone(dt.timedelta(hours=8), "WITA"),
    TimeZone.WIT: dt.timezone(dt.timedelta(hours=9), "WIT"),
}


def local_date(moment: dt.datetime, zone: TimeZone) -> dt.date:
    """The local calendar date in ``zone`` of a moment in time.

    Args:
        moment: a timezone-aware datetime (e.g. a UTC server timestamp).
        zone: the zone of the place where the incident happened.

    Raises:
        InputError: if ``moment`` is naive (its zone would be a guess).

    >>> import datetime as dt
    >>> late = dt.datetime(2024, 2, 14, 23, 30, tzinfo=TimeZone.WIB.tzinfo)
    >>> local_date(late, TimeZone.WITA)
    datetime.date(2024, 2, 15)

    """
    if not isinstance(moment, dt.datetime):
        raise InputError(f"moment must be a datetime, not {type(moment).__name__}")
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise InputError(
            f"moment {moment.isoformat()} has no time zone; attach one (for example "
            "TimeZone.WIB.tzinfo) so its local date is not a guess"
        )
    return moment.astimezone(zone.tzinfo).date()


def completed_years(start: dt.date, end: dt.date) -> int:
    """Whole years from ``start`` to ``end`` (an age, a length of membership).

    Someone born on 29 February completes a year on 28 February in common years.

    >>> import datetime as dt
    >>> completed_years(dt.date(2021, 2, 14), dt.date(2024, 2, 13)), completed_years(dt.date(2021, 2, 14), dt.date(2024, 2, 14))
    (2, 3)
    """
    return int(relativedelta(end, start).years)


def years_after(day: dt.date, years: int) -> dt.date:
    """The same calendar day ``years`` later (29 February falls back to 28 February).

    >>> import datetime as dt
    >>> years_after(dt.date(2024, 2, 29), 1)
    datetime.date(2025, 2, 28)
    >>> years_after(dt.date(9999, 12, 31), 5)
    Traceback (most recent call last):
    ...
    jamsos_pemilu.exceptions.InvalidPeriodError: day: 5 years after 9999-12-31 is outside the calendar (years 1 to 9999)
    """
    try:
        result: dt.date = day + relativedelta(years=years)
    except (OverflowError, ValueError):
        raise InvalidPeriodError(
            f"day: {years} years after {day.isoformat()} is outside the calendar (years 1 to 9999)"
        ) from None
    return result
