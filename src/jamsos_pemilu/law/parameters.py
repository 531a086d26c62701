"""Buku aturan (the rule book): effective-dated legal parameters and snapshots.

Every legal number lives in TOML files shipped inside the package
(``jamsos_pemilu/law/data``). A :class:`Parameter` holds a list of dated
:class:`RuleValue` entries, each with its citation and confidence. The loader
checks the files when they are read (dates in order, no overlaps, every value
cited, the right type for the unit, no unknown keys) and names the file and the
key of anything malformed.

Calculations never look dates up themselves: they take a :class:`RuleSnapshot`,
everything in force on one date (:func:`rules_on`). Asking a snapshot for a
parameter that is not in force on its date raises
:class:`~jamsos_pemilu.exceptions.RuleNotInForceError` naming the parameter, the
date and why (not yet in force, ended, or a gap); it never returns ``None`` or
a stale value. A :class:`Reform` overrides values for what-if analysis without
touching the shipped data, and every overridden value says so.

>>> import datetime as dt
>>> rules_on(dt.date(2019, 12, 1))["jkm.lump_sum"].rupiah
Rupiah(16200000)
>>> rules_on(dt.date(2019, 12, 2))["jkm.lump_sum"].rupiah
Rupiah(20000000)
>>> reform = Reform("JKM naik", {"jkm.lump_sum": 30_000_000})
>>> rules_on(dt.date(2024, 2, 14), reform=reform)["jkm.lump_sum"].rupiah
Rupiah(30000000)

**Bounds.** The rule data and every reform are checked against the same
bounds before any arithmetic is done with them, so no value can overflow a
date, hang a :mod:`decimal` operation or wrap an integer later:

* amounts (unit ``rupiah``): whole rupiah from 0 to
  :data:`~jamsos_pemilu.money.MAX_AMOUNT` (Rp10^15);
* rates (unit ``rate`` and schedule tiers): finite, from 0 to 1, written with
  at most :data:`MAX_RATE_PLACES` (12) decimal places, so an amount times a
  rate stays exact in 28 significant digits (Python's default precision);
* integers (unit ``integer``): from 0 to :data:`MAX_INTEGER` (1.000); the
  day-of-month parameters (:data:`DAY_OF_MONTH_PARAMETERS`: ``pu.due_day``,
  ``bpu.due_day``) from 1 to 31 (a day a month lacks is that month's last
  day, see :func:`jamsos_pemilu.premiums.due_date`);
* choices: one of the options the parameter lists;
* dates in the data: from :data:`FIRST_RULE_DATE` to :data:`LAST_RULE_DATE`;
* rule files: at most :data:`MAX_RULE_FILE_BYTES` (1 MiB) of UTF-8 TOML each.

A reform that breaks one is refused with an
:class:`~jamsos_pemilu.exceptions.InputError`, a rule file with a
:class:`~jamsos_pemilu.exceptions.RuleDataError` naming the file and the key;
both show a NIK only masked:

>>> Reform("due day 10^7", {"pu.due_day": 10**7}).check(default_rule_book())
Traceback (most recent call last):
...
jamsos_pemilu.exceptions.InputError: reform 'due day 10^7', parameter 'pu.due_day': a day of the month is from 1 to 31, got 10000000
>>> Reform("JKM", {"pu.jkm_rate": "0.0000000000001"}).check(default_rule_book())
Traceback (most recent call last):
...
jamsos_pemilu.exceptions.InputError: reform 'JKM', parameter 'pu.jkm_rate': a rate has at most 12 decimal places, got '0.0000000000001' (13)
"""

from __future__ import annotations

import bisect
import datetime as dt
import decimal
import difflib
import enum
import functools
import hashlib
import numbers
import os
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any, Final

import attrs

from jamsos_pemilu._privacy import redact_niks
from jamsos_pemilu.exceptions import (
    InputError,
    RuleDataError,
    RuleNotInForceError,
    RuleTypeError,
    UnknownCodeError,
    UnknownParameterError,
    short_repr,
)
from jamsos_pemilu.l10n import Text
from jamsos_pemilu.law import names
from jamsos_pemilu.law.citations import Citation, Confidence, Source
from jamsos_pemilu.money import MAX_AMOUNT, RoundingRule, Rupiah
from jamsos_pemilu.readings import Alternative

__all__ = [
    "DAY_OF_MONTH_PARAMETERS",
    "FIRST_RULE_DATE",
    "LAST_RULE_DATE",
    "MAX_INTEGER",
    "MAX_RATE_PLACES",
    "MAX_RULE_FILE_BYTES",
    "Parameter",
    "Reform",
    "RuleBook",
    "RuleSnapshot",
    "RuleValue",
    "ScheduleTier",
    "Unit",
    "default_rule_book",
    "load_rule_book",
    "rules_on",
    "snapshot_for",
]

MAX_RATE_PLACES: Final = 12
"""The most decimal places a rate may be written with (``"0.000000000001"``)."""

MAX_INTEGER: Final = 1_000
"""The largest value of an ``integer`` parameter (a count, months, years, an age, a multiplier)."""

DAY_OF_MONTH_PARAMETERS: Final = frozenset({names.PU_DUE_DAY, names.BPU_DUE_DAY})
"""The ``integer`` parameters that are a day of the month: each value is from 1 to 31."""

FIRST_RULE_DATE: Final = dt.date(1900, 1, 1)
"""The earliest start or end date a value in the rule data may have."""

LAST_RULE_DATE: Final = dt.date(2999, 12, 31)
"""The latest start or end date a value in the rule data may have."""

MAX_RULE_FILE_BYTES: Final = 1_048_576
"""The largest rule file read (1 MiB; the largest shipped file is under 70 KiB)."""

_MAX_TIERS: Final = 100
_MAX_READING_INDEX: Final = 99
_MAX_TEXT: Final = 200
_MAX_LABEL: Final = 500
_NO_TRAPS: Final = decimal.Context(prec=decimal.MAX_PREC, Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN, traps=[])


class Unit(enum.Enum):
    """The kind of value a parameter holds."""

    RUPIAH = "rupiah"
    """Whole rupiah (TOML integer)."""
    RATE = "rate"
    """A fraction between 0 and 1 (TOML string such as ``"0.0024"``)."""
    INTEGER = "integer"
    """A count, a number of months or years, or a multiplier (TOML integer)."""
    CHOICE = "choice"
    """A named option (TOML string), one of the parameter's ``choices``."""
    SCHEDULE = "schedule"
    """Tiers of ``months`` at a ``rate``, the last one open-ended."""


@attrs.frozen
class ScheduleTier:
    """One tier of a schedule: ``rate`` for ``months`` months (``None``: until the end)."""

    rate: Decimal
    months: int | None

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON (rate as a string)."""
        return {"rate": str(self.rate), "months": self.months}


ParameterValue = Rupiah | Decimal | int | str | tuple[ScheduleTier, ...]
"""The Python types a parameter value can take, by :class:`Unit`."""


def _plain(value: ParameterValue) -> object:
    if isinstance(value, Rupiah):
        return value.amount
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, tuple):
        return [tier.to_dict() for tier in value]
    return value


@attrs.frozen
class RuleValue:
    """One dated value of a parameter, with its citation and confidence.

    Read the value through the accessor matching the unit (:attr:`rupiah`,
    :attr:`rate`, :attr:`integer`, :attr:`choice`, :attr:`schedule`); the wrong
    one raises :class:`~jamsos_pemilu.exceptions.RuleTypeError`.
    """

    name: str
    unit: Unit
    value: ParameterValue
    start: dt.date
    end: dt.date | None
    citation: Citation
    confidence: Confidence
    label: Text
    note: str | None = None
    reform: str | None = None
    replaced: RuleValue | None = None
    alternatives: tuple[Alternative[ParameterValue], ...] = ()
    """Other readings of this value (see :mod:`jamsos_pemilu.readings`), none used unless a reform selects one."""

    def in_force(self, on: dt.date) -> bool:
        """Whether this value is in force on ``on``."""
        return self.start <= on and (self.end is None or on <= self.end)

    @property
    def rupiah(self) -> Rupiah:
        """The value as money."""
        if self.unit is not Unit.RUPIAH:
            raise RuleTypeError(self.name, self.unit.value, "rupiah amount")
        assert isinstance(self.value, Rupiah)
        return self.value

    @property
    def rate(self) -> Decimal:
        """The value as a rate (a Decimal fraction)."""
        if self.unit is not Unit.RATE:
            raise RuleTypeError(self.name, self.unit.value, "rate")
        assert isinstance(self.value, Decimal)
        return self.value

    @property
    def integer(self) -> int:
        """The value as a whole number."""
        if self.unit is not Unit.INTEGER:
            raise RuleTypeError(self.name, self.unit.value, "integer")
        assert isinstance(self.value, int)
        return self.value

    @property
    def choice(self) -> str:
        """The value as a named option."""
        if self.unit is not Unit.CHOICE:
            raise RuleTypeError(self.name, self.unit.value, "choice")
        assert isinstance(self.value, str)
        return self.value

    @property
    def schedule(self) -> tuple[ScheduleTier, ...]:
        """The value as schedule tiers."""
        if self.unit is not Unit.SCHEDULE:
            raise RuleTypeError(self.name, self.unit.value, "schedule")
        assert isinstance(self.value, tuple)
        return self.value

    @property
    def unconfirmed(self) -> bool:
        """Whether results using this value must warn that it is not confirmed."""
        return self.confidence is Confidence.UNCONFIRMED

    def plain_value(self) -> object:
        """The value as JSON-ready plain data (int, str or list)."""
        return _plain(self.value)

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON receipts and reports."""
        data: dict[str, object] = {
            "name": self.name,
            "unit": self.unit.value,
            "value": self.plain_value(),
            "start": self.start.isoformat(),
            "end": self.end.isoformat() if self.end else None,
            "citation": self.citation.to_dict(),
            "confidence": self.confidence.value,
        }
        if self.note:
            data["note"] = self.note
        if self.alternatives:
            data["alternatives"] = [a.to_dict(_plain) for a in self.alternatives]
        if self.reform is not None:
            data["reform"] = self.reform
            data["replaced"] = self.replaced.to_dict() if self.replaced else None
        return data


@attrs.frozen
class Parameter:
    """A named legal parameter and its values over time."""

    name: str
    unit: Unit
    label: Text
    values: tuple[RuleValue, ...]
    file: str
    choices: tuple[str, ...] = ()
    """For a :attr:`Unit.CHOICE` parameter, the options a value may take."""
    _starts: tuple[dt.date, ...] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(v.start for v in self.values))

    def at(self, on: dt.date) -> RuleValue:
        """The value in force on ``on``.

        Raises:
            RuleNotInForceError: before the first value, after the last one ends,
                or in a gap between two values.

        """
        index = bisect.bisect_right(self._starts, on) - 1
        if index < 0:
            first = self.values[0].start.isoformat()
            raise RuleNotInForceError(self.name, on, f"its first value takes effect on {first}")
        value = self.values[index]
        if value.end is not None and on > value.end:
            if index + 1 < len(self.values):
                following = self.values[index + 1].start.isoformat()
                reason = (
                    f"the value in force until {value.end.isoformat()} ended and the next "
                    f"takes effect on {following}"
                )
            else:
                reason = f"its last value ended on {value.end.isoformat()} (repealed or expired)"
            raise RuleNotInForceError(self.name, on, reason)
        return value

    def in_force(self, on: dt.date) -> bool:
        """Whether any value is in force on ``on``."""
        index = bisect.bisect_right(self._starts, on) - 1
        return index >= 0 and self.values[index].in_force(on)

    @property
    def effective_dates(self) -> tuple[dt.date, ...]:
        """Every date on which a value takes effect or the day after one ends."""
        dates: set[dt.date] = set()
        for value in self.values:
            dates.add(value.start)
            if value.end is not None:
                dates.add(value.end + dt.timedelta(days=1))
        return tuple(sorted(dates))


def _label(label: str) -> str:
    """A reform's label: non-empty text of at most 500 characters, any NIK in it masked."""
    if not isinstance(label, str) or not label.strip():
        raise InputError(f"a reform needs a non-empty label saying what it changes, got {_shown(label)}")
    if len(label) > _MAX_LABEL:
        raise InputError(f"a reform label has at most {_MAX_LABEL} characters, got {len(label)}")
    # The label is shown in every receipt, note and message of the snapshots it makes.
    return redact_niks(label)


def _parameter_name(name: object, what: str) -> str:
    if not isinstance(name, str) or not name.strip() or len(name) > _MAX_TEXT:
        raise InputError(f"{what}: a parameter name is non-empty text of at most {_MAX_TEXT} characters, got {_shown(name)}")
    return name


def _override_value(where: str, value: object) -> object:
    """Check what a reform value can be before the parameter's unit is known."""
    if isinstance(value, Rupiah | Decimal):
        return value
    number = _whole(value)
    if number is not None:
        if not 0 <= number <= MAX_AMOUNT:
            raise InputError(f"{where}: a whole-number value is from 0 to 10^15, got {_shown(number)}")
        return number
    if isinstance(value, str):
        if len(value) > _MAX_TEXT:
            raise InputError(f"{where}: a text value has at most {_MAX_TEXT} characters, got {len(value)}")
        return value
    if isinstance(value, list | tuple):
        if len(value) > _MAX_TIERS or not all(isinstance(tier, Mapping | ScheduleTier) for tier in value):
            raise InputError(f"{where}: a list value is a schedule of at most {_MAX_TIERS} tiers {{months, rate}}")
        return value
    raise InputError(
        f"{where}: expected whole rupiah or a whole number (int), a rate as text or Decimal, a choice as text, "
        f"or a schedule (a list of tiers); got {type(value).__name__} {_shown(value)}"
    )


def _overrides(mapping: Mapping[str, object]) -> dict[str, object]:
    if not isinstance(mapping, Mapping):
        raise InputError(f"reform overrides: expected a mapping of parameter names to values, got {type(mapping).__name__}")
    return {_parameter_name(name, "reform overrides"): value for name, value in mapping.items()}


def _reading_indexes(mapping: Mapping[str, int]) -> dict[str, int]:
    if not isinstance(mapping, Mapping):
        raise InputError(f"reform readings: expected a mapping of parameter names to indexes, got {type(mapping).__name__}")
    indexes: dict[str, int] = {}
    for name, index in mapping.items():
        _parameter_name(name, "reform readings")
        if type(index) is not int or not 0 <= index <= _MAX_READING_INDEX:
            raise InputError(
                f"reform readings: {name!r} needs the index of an alternative reading (0, 1...), got {_shown(index)}"
            )
        indexes[name] = index
    return indexes


@attrs.frozen(repr=False)
class Reform:
    """A what-if change: parameter values that replace the shipped ones.

    Values are given as plain data in the unit of the parameter: ``int`` (or
    :class:`Rupiah`) for rupiah and integers, a string or Decimal for rates,
    a string for choices, a list of ``{"months", "rate"}`` tiers for schedules.
    Each is held to the bounds of its unit (see the module docstring): what
    can be checked without a rule book when the reform is made, the rest by
    :meth:`check` or when the reform is applied to a rule book or snapshot.

    A reform can also select a competing reading that the rule data lists for a
    value (``readings``: parameter name to the index of its alternative);
    :meth:`select_alternative` builds one.

    A NIK in the label is masked when the reform is made, and the ``repr``
    masks one anywhere else.

    >>> Reform.from_dict({"label": "KPPS honor naik",
    ...                   "overrides": {"honorarium.pemilu_2024.kpps.anggota": 1_500_000}}).label
    'KPPS honor naik'
    >>> Reform("uji 3302114506990003", {"jkm.lump_sum": -1})
    Traceback (most recent call last):
    ...
    jamsos_pemilu.exceptions.InputError: reform 'uji 330211******0003', parameter 'jkm.lump_sum': a whole-number value is from 0 to 10^15, got -1
    """

    label: str = attrs.field(converter=_label)
    overrides: Mapping[str, object] = attrs.field(converter=_overrides, factory=dict)
    readings: Mapping[str, int] = attrs.field(converter=_reading_indexes, factory=dict)
    """Parameter name to the index of the alternative reading to use instead of the value in force."""

    def __attrs_post_init__(self) -> None:
        checked = {
            name: _override_value(f"reform {self.label!r}, parameter {name!r}", value)
            for name, value in self.overrides.items()
        }
        object.__setattr__(self, "overrides", checked)
        both = sorted(set(self.overrides) & set(self.readings))
        if both:
            raise InputError(f"reform {self.label!r}: {both[0]!r} is both overridden and given an alternative reading")

    def __repr__(self) -> str:
        readings = f", readings={self.readings!r}" if self.readings else ""
        return redact_niks(f"Reform(label={self.label!r}, overrides={self.overrides!r}{readings})")

    def check(self, rule_book: RuleBook) -> None:
        """Check every override against its parameter in ``rule_book``: the name, the unit, the bounds.

        Raises:
            UnknownParameterError: a name that is not in ``rule_book``.
            InputError: a value of the wrong type for its unit, or out of bounds.

        """
        for name, raw in self.overrides.items():
            parameter = rule_book[name]
            try:
                _convert(parameter.unit, raw, parameter.choices, parameter.name)
            except _ValueProblemError as problem:
                raise InputError(f"reform {self.label!r}, parameter {name!r}: {problem}") from None
        for name in self.readings:
            rule_book[name]

    @classmethod
    def select_alternative(cls, name: str, index: int = 0, *, label: str | None = None) -> Reform:
        """A reform that uses alternative reading ``index`` of parameter ``name``.

        The rule data lists the readings (:attr:`RuleValue.alternatives`). A snapshot
        taken with this reform on a date whose value lists no such reading raises
        :class:`~jamsos_pemilu.exceptions.InputError` rather than silently using the
        value in force.

        >>> import datetime as dt
        >>> reform = Reform.select_alternative("jkk.death.floor")
        >>> rules_on(dt.date(2024, 11, 27), reform=reform)["jkk.death.floor"].rupiah
        Rupiah(42000000)
        """
        name = _parameter_name(name, "select_alternative")
        return cls(label or f"{name}: alternative reading {_shown(index)}", readings={name: index})

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Reform:
        """Build a reform from ``{"label": ..., "overrides": {...}, "readings": {...}}`` (either mapping may be left out).

        Any other key is refused rather than ignored.
        """
        if not isinstance(data, Mapping) or "label" not in data or not ({"overrides", "readings"} & set(data)):
            raise InputError("a reform is a mapping with keys 'label' and 'overrides' and/or 'readings'")
        unknown = [key for key in data if key not in {"label", "overrides", "readings"}]
        if unknown:
            raise InputError(
                f"a reform has the keys 'label', 'overrides' and 'readings', not {_shown(unknown[0])}"
            )
        label = data["label"]
        if not isinstance(label, str):
            raise InputError(f"reform 'label' must be text, got {type(label).__name__}")
        overrides = data.get("overrides", {})
        if not isinstance(overrides, Mapping):
            raise InputError("reform 'overrides' must map parameter names to values")
        readings = data.get("readings", {})
        if not isinstance(readings, Mapping):
            raise InputError("reform 'readings' must map parameter names to the index of an alternative reading")
        return cls(label, overrides, readings)

    def to_dict(self) -> dict[str, object]:
        """Plain data; the inverse of :meth:`from_dict`."""
        plain: dict[str, object] = {}
        for name, value in self.overrides.items():
            if isinstance(value, Rupiah):
                plain[name] = value.amount
            elif isinstance(value, Decimal):
                plain[name] = str(value)
            elif isinstance(value, list | tuple):
                plain[name] = [_plain_tier(tier) for tier in value]
            else:
                plain[name] = value
        data: dict[str, object] = {"label": self.label, "overrides": plain}
        if self.readings:
            data["readings"] = dict(self.readings)
        return data


_REFORM_SOURCE_KIND: Final = "Reform"


def _plain_tier(tier: object) -> object:
    if isinstance(tier, ScheduleTier):
        return tier.to_dict()
    if isinstance(tier, Mapping):
        return {key: str(item) if isinstance(item, Decimal) else item for key, item in tier.items()}
    return tier


def _require_reform(reform: object) -> Reform:
    if not isinstance(reform, Reform):
        raise InputError(f"reform: expected a Reform, got {type(reform).__name__}")
    return reform


def _reformed(parameter: Parameter, reform: Reform, raw: object, on: dt.date) -> RuleValue:
    where = f"reform {reform.label!r}, parameter {parameter.name!r}"
    try:
        value = _convert(parameter.unit, raw, parameter.choices, parameter.name)
    except _ValueProblemError as problem:
        raise InputError(f"{where}: {problem}") from None
    replaced = parameter.at(on) if parameter.in_force(on) else None
    source = Source("reform", _REFORM_SOURCE_KIND, "", on.year, reform.label, "")
    return RuleValue(
        name=parameter.name,
        unit=parameter.unit,
        value=value,
        start=on,
        end=None,
        citation=Citation(source, "what-if override"),
        confidence=Confidence.REFORM,
        label=parameter.label,
        note=f"overridden by reform {reform.label!r}",
        reform=reform.label,
        replaced=replaced,
    )


def _selected(parameter: Parameter, reform: Reform, index: int, on: dt.date) -> RuleValue:
    where = f"reform {reform.label!r}, parameter {parameter.name!r}"
    if not parameter.in_force(on):
        raise InputError(f"{where}: no value is in force on {on.isoformat()}, so it has no alternative reading to select")
    current = parameter.at(on)
    if index >= len(current.alternatives):
        count = len(current.alternatives)
        listed = f"it lists {count} (index 0 to {count - 1})" if count else "it lists none"
        raise InputError(f"{where}: no alternative reading {index} for the value in force on {on.isoformat()}; {listed}")
    chosen = current.alternatives[index]
    source = Source("reform", _REFORM_SOURCE_KIND, "", on.year, reform.label, chosen.url or "")
    return attrs.evolve(
        current,
        value=chosen.value,
        start=on,
        end=None,
        citation=Citation(source, f"alternative reading: {chosen.source}", chosen.url),
        confidence=Confidence.REFORM,
        note=f"alternative reading selected by reform {reform.label!r}: {chosen.why.en}",
        reform=reform.label,
        replaced=current,
        alternatives=(),
    )


class RuleSnapshot(Mapping[str, RuleValue]):
    """Everything in force on one date: a frozen mapping of name to :class:`RuleValue`.

    Indexing a parameter that exists but is not in force raises
    :class:`~jamsos_pemilu.exceptions.RuleNotInForceError`; an unknown name
    raises :class:`~jamsos_pemilu.exceptions.UnknownParameterError`. Use
    ``name in snapshot`` to ask explicitly whether something is in force.

    >>> import datetime as dt
    >>> snapshot = default_rule_book().on(dt.date(2019, 12, 1))
    >>> snapshot["jkk.claim_expiry_years"].integer
    2
    >>> snapshot["jkk.home_care.cap"]
    Traceback (most recent call last):
    ...
    jamsos_pemilu.exceptions.RuleNotInForceError: parameter 'jkk.home_care.cap' has no value in force on 2019-12-01: its first value takes effect on 2019-12-02
    """

    __slots__ = ("_book", "_memo", "_on", "_reforms", "_values")

    def __init__(
        self,
        book: RuleBook,
        on: dt.date,
        values: Mapping[str, RuleValue],
        reforms: tuple[Reform, ...] = (),
    ) -> None:
        self._book = book
        self._on = on
        self._values = dict(values)
        self._reforms = reforms
        self._memo: dict[object, object] = {}

    @property
    def on(self) -> dt.date:
        """The date the snapshot is about."""
        return self._on

    @property
    def book(self) -> RuleBook:
        """The rule book the snapshot was taken from."""
        return self._book

    @property
    def reforms(self) -> tuple[Reform, ...]:
        """Reforms applied to this snapshot, in order."""
        return self._reforms

    def at(self, on: dt.date) -> RuleSnapshot:
        """The same rule book, with the same reforms, on another date.

        A calculation whose law spans dates (a schedule over months, a claim
        deadline) reads each date's rules this way from the snapshot it was given.

        >>> import datetime as dt
        >>> rules_on(dt.date(2024, 2, 14)).at(dt.date(2019, 12, 1))["jkm.funeral"].rupiah
        Rupiah(3000000)
        """
        snapshot = self._book.on(on)
        for reform in self._reforms:
            snapshot = snapshot.with_reform(reform)
        return snapshot

    @property
    def digest(self) -> str:
        """SHA-256 of the shipped rule data the snapshot came from."""
        return self._book.digest

    def __getitem__(self, name: str) -> RuleValue:
        value = self._values.get(name) if isinstance(name, str) else None
        if value is not None:
            return value
        parameter = self._book[name]  # raises UnknownParameterError
        return parameter.at(self._on)  # raises RuleNotInForceError

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name in self._values

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        reforms = f", reforms={[r.label for r in self._reforms]}" if self._reforms else ""
        return redact_niks(f"RuleSnapshot(on={self._on.isoformat()}, parameters={len(self._values)}{reforms})")

    def rounding(self) -> RoundingRule:
        """The rounding rule in force (parameter ``contribution.rounding``)."""
        text = self[names.ROUNDING].choice
        try:
            return RoundingRule(text)
        except ValueError:
            raise UnknownCodeError("rounding rule", text, [r.value for r in RoundingRule]) from None

    def with_reform(self, reform: Reform) -> RuleSnapshot:
        """A new snapshot with ``reform`` applied; this one is unchanged.

        Raises:
            UnknownParameterError: if the reform names a parameter that does not exist.
            InputError: if ``reform`` is not a :class:`Reform`, or an override has the wrong
                type for its parameter or is out of bounds.

        """
        _require_reform(reform)
        values = dict(self._values)
        for name, raw in reform.overrides.items():
            values[name] = _reformed(self._book[name], reform, raw, self._on)
        for name, index in reform.readings.items():
            values[name] = _selected(self._book[name], reform, index, self._on)
        return RuleSnapshot(self._book, self._on, values, (*self._reforms, reform))


class RuleBook:
    """The loaded rule data: parameters and sources, with a digest of the files.

    Use :func:`default_rule_book` for the shipped data, or :func:`load_rule_book`
    for a directory of your own.

    >>> book = default_rule_book()
    >>> [str(v.rupiah) for v in book["jkm.funeral"].values]
    ['Rp3.000.000', 'Rp10.000.000']
    >>> [d.isoformat() for d in book["jkm.funeral"].effective_dates]
    ['2015-07-01', '2019-12-02']
    """

    def __init__(
        self,
        parameters: Mapping[str, Parameter],
        sources: Mapping[str, Source],
        digest: str,
        reforms: tuple[Reform, ...] = (),
    ) -> None:
        self._parameters = dict(sorted(parameters.items()))
        self._sources = dict(sources)
        self._digest = digest
        self._reforms = reforms
        self._snapshots: dict[dt.date, RuleSnapshot] = {}
        for reform in reforms:
            _require_reform(reform).check(self)  # fail early on unknown names and values out of bounds

    @property
    def digest(self) -> str:
        """SHA-256 of the data files (names and bytes), for receipts."""
        return self._digest

    @property
    def reforms(self) -> tuple[Reform, ...]:
        """Reforms applied to every snapshot taken from this book."""
        return self._reforms

    @property
    def sources(self) -> Mapping[str, Source]:
        """The instruments cited, by id."""
        return self._sources

    @property
    def parameters(self) -> Mapping[str, Parameter]:
        """All parameters, by name, sorted."""
        return self._parameters

    def __getitem__(self, name: str) -> Parameter:
        parameter = self._parameters.get(name) if isinstance(name, str) else None
        if parameter is not None:
            return parameter
        shown = name if isinstance(name, str) and len(name) <= _MAX_TEXT else _shown(name)
        close = difflib.get_close_matches(shown, self._parameters, n=3)
        raise UnknownParameterError(shown, close)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name in self._parameters

    def __iter__(self) -> Iterator[Parameter]:
        return iter(self._parameters.values())

    def __len__(self) -> int:
        return len(self._parameters)

    def __repr__(self) -> str:
        reforms = f", reforms={[r.label for r in self._reforms]}" if self._reforms else ""
        return redact_niks(f"RuleBook(parameters={len(self._parameters)}, digest={self._digest[:12]}{reforms})")

    def on(self, day: dt.date) -> RuleSnapshot:
        """Everything in force on ``day`` (snapshots are cached per date)."""
        if isinstance(day, dt.datetime) or not isinstance(day, dt.date):
            raise InputError(f"rules are taken on a datetime.date, not {type(day).__name__}")
        cached = self._snapshots.get(day)
        if cached is not None:
            return cached
        values = {
            name: parameter.at(day)
            for name, parameter in self._parameters.items()
            if parameter.in_force(day)
        }
        snapshot = RuleSnapshot(self, day, values)
        for reform in self._reforms:
            snapshot = snapshot.with_reform(reform)
        if len(self._snapshots) < 4096:
            self._snapshots[day] = snapshot
        return snapshot

    def with_reform(self, reform: Reform) -> RuleBook:
        """A rule book whose every snapshot has ``reform`` applied (the shipped one is untouched).

        Raises:
            UnknownParameterError: if the reform names a parameter that does not exist.
            InputError: if ``reform`` is not a :class:`Reform`, or an override has the wrong
                type for its parameter or is out of bounds.

        """
        return RuleBook(self._parameters, self._sources, self._digest, (*self._reforms, reform))

    def sources_used(self) -> list[Source]:
        """Sources cited by at least one value, sorted by year then label."""
        used = {value.citation.source.id for p in self for value in p.values}
        return sorted(
            (s for s in self._sources.values() if s.id in used), key=lambda s: (s.year, s.label)
        )


# --------------------------------------------------------------------------- loading

_DATA_PACKAGE: Final = "jamsos_pemilu.law"
_SOURCE_KEYS: Final = {"kind": str, "number": str, "year": int, "title": str, "url": str}
_PARAMETER_KEYS: Final = {"label_id", "label_en", "unit", "values", "choices"}
_VALUE_KEYS: Final = {"start", "end", "value", "source", "article", "status", "url", "note", "alternatives"}
_ALTERNATIVE_KEYS: Final = {"value", "source", "article", "url", "why_id", "why_en"}


class _ValueProblemError(Exception):
    """Internal: a raw value does not fit its unit or its bounds."""


def _whole(raw: object) -> int | None:
    """``raw`` as a Python int if it is a whole number (an int or a numpy integer, not a bool)."""
    if isinstance(raw, bool) or not isinstance(raw, numbers.Integral):
        return None
    return int(raw)


def _convert(unit: Unit, raw: object, choices: tuple[str, ...] = (), name: str = "") -> ParameterValue:
    """``raw`` as a value of ``unit``, within the bounds (see the module docstring)."""
    if unit is Unit.RUPIAH:
        if isinstance(raw, Rupiah):
            raw = raw.amount
        amount = _whole(raw)
        if amount is None:
            raise _ValueProblemError(f"expected a whole number of rupiah, got {_shown(raw)}")
        if not 0 <= amount <= MAX_AMOUNT:
            raise _ValueProblemError(
                f"an amount is from Rp0 to Rp10^15 (1.000.000.000.000.000), got {_shown(amount)}"
            )
        return Rupiah(amount)
    if unit is Unit.INTEGER:
        number = _whole(raw)
        if number is None:
            raise _ValueProblemError(f"expected a whole number, got {_shown(raw)}")
        if name in DAY_OF_MONTH_PARAMETERS:
            if not 1 <= number <= 31:
                raise _ValueProblemError(f"a day of the month is from 1 to 31, got {_shown(number)}")
        elif not 0 <= number <= MAX_INTEGER:
            raise _ValueProblemError(f"an integer value is from 0 to {MAX_INTEGER}, got {_shown(number)}")
        return number
    if unit is Unit.RATE:
        return _rate(raw)
    if unit is Unit.CHOICE:
        if not isinstance(raw, str) or not raw:
            raise _ValueProblemError(f"expected a non-empty string, got {_shown(raw)}")
        if choices and raw not in choices:
            raise _ValueProblemError(f"{_shown(raw)} is not one of the choices {', '.join(choices)}")
        return raw
    return _schedule(raw)


def _shown(value: object) -> str:
    """A value quoted in a message: cut short, never recursing without bound (see :func:`short_repr`)."""
    return short_repr(value, limit=60)


def _rate(raw: object) -> Decimal:
    """A rate from text or a Decimal: finite, 0 to 1, at most :data:`MAX_RATE_PLACES` places.

    Parsed and compared without the caller's :mod:`decimal` context, so no trap of it fires.
    """
    if isinstance(raw, Decimal):
        rate = raw
    elif isinstance(raw, str):
        text = raw.strip()
        if not text or len(text) > 2 * MAX_RATE_PLACES + 8:
            raise _ValueProblemError(
                f"expected a decimal fraction in a string with at most {MAX_RATE_PLACES} decimal places, "
                f"got {_shown(raw)}"
            )
        rate = Decimal(text, context=_NO_TRAPS)  # malformed text is NaN here, refused below
    else:
        raise _ValueProblemError(
            f"expected the rate as a string such as \"0.0024\" (exact), got {type(raw).__name__} {_shown(raw)}"
        )
    if not rate.is_finite():
        raise _ValueProblemError(f"expected a decimal fraction such as \"0.0024\", got {_shown(raw)}")
    exponent = rate.as_tuple().exponent
    assert isinstance(exponent, int)  # a finite Decimal has an integer exponent
    if exponent < -MAX_RATE_PLACES:
        raise _ValueProblemError(
            f"a rate has at most {MAX_RATE_PLACES} decimal places, got {_shown(raw)} ({-exponent})"
        )
    if exponent > 0 or not Decimal(0) <= rate <= Decimal(1):  # finite: ordering signals nothing
        raise _ValueProblemError(f"a rate is a fraction from 0 to 1, got {_shown(raw)}")
    return rate


def _schedule(raw: object) -> tuple[ScheduleTier, ...]:
    if not isinstance(raw, list | tuple) or not raw:
        raise _ValueProblemError("expected a non-empty list of tiers {months = N, rate = \"0.5\"}")
    if len(raw) > _MAX_TIERS:
        raise _ValueProblemError(f"a schedule has at most {_MAX_TIERS} tiers, got {len(raw)}")
    tiers: list[ScheduleTier] = []
    for index, item in enumerate(raw):
        last = index == len(raw) - 1
        if isinstance(item, ScheduleTier):
            months: object = item.months
            rate_text: object = item.rate
        elif isinstance(item, Mapping) and "rate" in item and not set(item) - {"rate", "months"}:
            months = item.get("months")
            rate_text = item["rate"]
        else:
            raise _ValueProblemError(f"tier {index} must be a table with 'rate' and optional 'months'")
        if last and months is not None:
            raise _ValueProblemError("the last tier is open-ended and takes no 'months'")
        count = _whole(months)
        if not last and (count is None or not 1 <= count <= MAX_INTEGER):
            raise _ValueProblemError(
                f"tier {index} needs a whole 'months' from 1 to {MAX_INTEGER}, got {_shown(months)}"
            )
        try:
            rate = _rate(rate_text)
        except _ValueProblemError as problem:
            raise _ValueProblemError(f"tier {index}: {problem}") from None
        tiers.append(ScheduleTier(rate, count))
    return tuple(tiers)


def _require(table: Mapping[str, Any], key: str, kind: type, file: str, where: str) -> Any:
    if key not in table:
        raise RuleDataError(file, f"{where}.{key}", "is missing")
    value = table[key]
    if kind is int and type(value) is not int:
        raise RuleDataError(file, f"{where}.{key}", f"must be an integer, got {_shown(value)}")
    if kind is str and (not isinstance(value, str) or not value.strip()):
        raise RuleDataError(file, f"{where}.{key}", f"must be a non-empty string, got {_shown(value)}")
    return value


def _date(value: object, file: str, key: str) -> dt.date:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise RuleDataError(file, key, f"must be a TOML date (YYYY-MM-DD), got {_shown(value)}")
    if not FIRST_RULE_DATE <= value <= LAST_RULE_DATE:
        raise RuleDataError(
            file, key, f"must be from {FIRST_RULE_DATE.isoformat()} to {LAST_RULE_DATE.isoformat()}, got {value.isoformat()}"
        )
    return value


def _read_toml(path: Path | resources.abc.Traversable, name: str) -> tuple[dict[str, Any], bytes]:
    """The table in one rule file, and its bytes (for the digest).

    Every way the file can fail to be TOML (unreadable, too big, not UTF-8,
    nested too deeply for the parser, an integer too long to read) is a
    :class:`RuleDataError` naming the file.
    """
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_RULE_FILE_BYTES + 1)
    except OSError as error:
        raise RuleDataError(name, "<file>", f"cannot be read: {error.strerror or type(error).__name__}") from None
    if len(data) > MAX_RULE_FILE_BYTES:
        raise RuleDataError(name, "<file>", f"is larger than {MAX_RULE_FILE_BYTES} bytes, the most a rule file may hold")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise RuleDataError(
            name, "<file>", f"is not UTF-8 text: byte 0x{data[error.start]:02x} at line {line} (byte offset {error.start})"
        ) from None
    try:
        return tomllib.loads(text), data
    except RecursionError:
        raise RuleDataError(name, "<file>", "is not valid TOML: arrays or tables nested too deeply to read") from None
    except ValueError as error:  # tomllib.TOMLDecodeError, or int() refusing an integer of > 4300 digits
        raise RuleDataError(name, "<file>", f"is not valid TOML: {short_repr(str(error), 200)}") from None


def _load_sources(table: Mapping[str, Any], file: str) -> dict[str, Source]:
    unknown = set(table) - {"source"}
    if unknown:
        raise RuleDataError(file, sorted(unknown)[0], "unexpected top-level key (expected 'source')")
    sources: dict[str, Source] = {}
    raw_sources = table.get("source", {})
    if not isinstance(raw_sources, Mapping):
        raise RuleDataError(file, "source", "must be a table of sources")
    for source_id, raw in raw_sources.items():
        where = f"source.{source_id}"
        if not isinstance(raw, Mapping):
            raise RuleDataError(file, where, "must be a table")
        extra = set(raw) - set(_SOURCE_KEYS)
        if extra:
            raise RuleDataError(file, f"{where}.{sorted(extra)[0]}", "unexpected key")
        fields = {
            key: _require(raw, key, kind, file, where)
            for key, kind in _SOURCE_KEYS.items()
            if key != "number" or key in raw
        }
        if not FIRST_RULE_DATE.year <= fields["year"] <= LAST_RULE_DATE.year:
            raise RuleDataError(
                file, f"{where}.year", f"must be from {FIRST_RULE_DATE.year} to {LAST_RULE_DATE.year}, got {_shown(fields['year'])}"
            )
        # An instrument whose number is not known (a letter known only by its date) leaves it out.
        sources[source_id] = Source(id=source_id, **{"number": "", **fields})
    return sources


def _load_parameter(
    name: str, raw: object, file: str, sources: Mapping[str, Source]
) -> Parameter:
    where = f'parameter."{name}"'
    if not isinstance(raw, Mapping):
        raise RuleDataError(file, where, "must be a table")
    extra = set(raw) - _PARAMETER_KEYS
    if extra:
        raise RuleDataError(file, f"{where}.{sorted(extra)[0]}", "unexpected key")
    label = Text(
        id=_require(raw, "label_id", str, file, where), en=_require(raw, "label_en", str, file, where)
    )
    unit_text = _require(raw, "unit", str, file, where)
    try:
        unit = Unit(unit_text)
    except ValueError:
        accepted = ", ".join(u.value for u in Unit)
        raise RuleDataError(file, f"{where}.unit", f"unknown unit {_shown(unit_text)}; accepted: {accepted}") from None
    choices = _choices(raw, unit, file, where)
    raw_values = raw.get("values")
    if not isinstance(raw_values, list) or not raw_values:
        raise RuleDataError(file, f"{where}.values", "must be a non-empty array of tables")
    values: list[RuleValue] = []
    for index, item in enumerate(raw_values):
        key = f"{where}.values[{index}]"
        if not isinstance(item, Mapping):
            raise RuleDataError(file, key, "must be a table")
        extra = set(item) - _VALUE_KEYS
        if extra:
            raise RuleDataError(file, f"{key}.{sorted(extra)[0]}", "unexpected key")
        start = _date(_require(item, "start", object, file, key), file, f"{key}.start")
        end = _date(item["end"], file, f"{key}.end") if "end" in item else None
        if end is not None and end < start:
            raise RuleDataError(file, f"{key}.end", f"{end} is before start {start}")
        if "value" not in item:
            raise RuleDataError(file, f"{key}.value", "is missing")
        try:
            value = _convert(unit, item["value"], choices, name)
        except _ValueProblemError as problem:
            raise RuleDataError(file, f"{key}.value", f"unit {unit.value}: {problem}") from None
        source_id = _require(item, "source", str, file, key)
        if source_id not in sources:
            raise RuleDataError(file, f"{key}.source", f"unknown source {_shown(source_id)} (not in sources.toml)")
        article = _require(item, "article", str, file, key)
        try:
            confidence = Confidence.parse(_require(item, "status", str, file, key))
        except UnknownCodeError as error:
            raise RuleDataError(file, f"{key}.status", str(error)) from None
        if confidence is Confidence.REFORM:
            raise RuleDataError(file, f"{key}.status", "'reform' is for what-if overrides, not data")
        url = _require(item, "url", str, file, key) if "url" in item else None
        note = _require(item, "note", str, file, key) if "note" in item else None
        if confidence is Confidence.UNCONFIRMED and note is None:
            raise RuleDataError(file, f"{key}.note", "an unconfirmed value needs a note saying why")
        alternatives = _alternatives(item.get("alternatives"), name, unit, choices, value, file, key, sources)
        if values:
            previous = values[-1]
            if start <= previous.start:
                raise RuleDataError(
                    file, f"{key}.start", f"{start} is not after the previous start {previous.start}"
                )
            if previous.end is None or previous.end >= start:
                until = previous.end.isoformat() if previous.end else "open-ended"
                raise RuleDataError(
                    file, f"{key}.start", f"{start} overlaps the previous value ({previous.start} to {until})"
                )
        values.append(
            RuleValue(
                name=name,
                unit=unit,
                value=value,
                start=start,
                end=end,
                citation=Citation(sources[source_id], article, url),
                confidence=confidence,
                label=label,
                note=note,
                alternatives=alternatives,
            )
        )
    return Parameter(name=name, unit=unit, label=label, values=tuple(values), file=file, choices=choices)


def _alternatives(
    raw: object,
    name: str,
    unit: Unit,
    choices: tuple[str, ...],
    used: ParameterValue,
    file: str,
    where: str,
    sources: Mapping[str, Source],
) -> tuple[Alternative[ParameterValue], ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not raw:
        raise RuleDataError(file, f"{where}.alternatives", "must be a non-empty array of tables")
    found: list[Alternative[ParameterValue]] = []
    for index, item in enumerate(raw):
        key = f"{where}.alternatives[{index}]"
        if not isinstance(item, Mapping):
            raise RuleDataError(file, key, "must be a table")
        extra = set(item) - _ALTERNATIVE_KEYS
        if extra:
            raise RuleDataError(file, f"{key}.{sorted(extra)[0]}", "unexpected key")
        if "value" not in item:
            raise RuleDataError(file, f"{key}.value", "is missing")
        try:
            value = _convert(unit, item["value"], choices, name)
        except _ValueProblemError as problem:
            raise RuleDataError(file, f"{key}.value", f"unit {unit.value}: {problem}") from None
        if value == used or any(value == other.value for other in found):
            raise RuleDataError(file, f"{key}.value", f"{_shown(item['value'])} repeats a reading already listed")
        source_id = _require(item, "source", str, file, key)
        if source_id not in sources:
            raise RuleDataError(file, f"{key}.source", f"unknown source {_shown(source_id)} (not in sources.toml)")
        citation = Citation(
            sources[source_id],
            _require(item, "article", str, file, key),
            _require(item, "url", str, file, key) if "url" in item else None,
        )
        why = Text(id=_require(item, "why_id", str, file, key), en=_require(item, "why_en", str, file, key))
        found.append(Alternative(value, citation.label, why, citation.link))
    return tuple(found)


def _choices(raw: Mapping[str, Any], unit: Unit, file: str, where: str) -> tuple[str, ...]:
    if unit is not Unit.CHOICE:
        if "choices" in raw:
            raise RuleDataError(file, f"{where}.choices", f"only a 'choice' parameter lists choices, not a {unit.value!r} one")
        return ()
    listed = raw.get("choices")
    if (
        not isinstance(listed, list)
        or not listed
        or not all(isinstance(c, str) and c.strip() for c in listed)
        or len(set(listed)) != len(listed)
    ):
        raise RuleDataError(
            file, f"{where}.choices", f"a 'choice' parameter needs a non-empty list of distinct option names, got {_shown(listed)}"
        )
    return tuple(listed)


def _load(files: Iterable[tuple[str, Path | resources.abc.Traversable]], *, origin: str = "the shipped rule data") -> RuleBook:
    ordered = sorted(files, key=lambda item: item[0])
    digest = hashlib.sha256()
    tables: dict[str, dict[str, Any]] = {}
    for name, path in ordered:
        table, data = _read_toml(path, name)
        digest.update(os.fsencode(name) + b"\0" + data + b"\0")  # a file name need not be valid UTF-8
        tables[name] = table
    source_files = [name for name in tables if name.startswith("sources")]
    if not source_files:
        raise RuleDataError("sources.toml", "<file>", f"is missing from {origin} (no sources*.toml file)")
    sources: dict[str, Source] = {}
    for file in source_files:
        for source_id, source in _load_sources(tables.pop(file), file).items():
            if source_id in sources:
                raise RuleDataError(file, f"source.{source_id}", "is defined in two source files")
            sources[source_id] = source
    parameters: dict[str, Parameter] = {}
    for file, table in tables.items():
        extra = set(table) - {"parameter"}
        if extra:
            raise RuleDataError(file, sorted(extra)[0], "unexpected top-level key (expected 'parameter')")
        raw_parameters = table.get("parameter", {})
        if not isinstance(raw_parameters, Mapping):
            raise RuleDataError(file, "parameter", "must be a table of parameters")
        for name, raw in raw_parameters.items():
            if name in parameters:
                other = parameters[name].file
                raise RuleDataError(file, f'parameter."{name}"', f"is defined twice (also in {other})")
            parameters[name] = _load_parameter(name, raw, file, sources)
    return RuleBook(parameters, sources, digest.hexdigest())


def load_rule_book(directory: Path | str) -> RuleBook:
    """Load and check every ``*.toml`` file in ``directory``.

    Files named ``sources*.toml`` define the instruments cited; the others define parameters.
    Each file holds at most :data:`MAX_RULE_FILE_BYTES` of UTF-8 TOML, and every value is
    checked against the bounds of its unit (see the module docstring).

    Raises:
        RuleDataError: naming the file and key of the first problem found, or the folder
            if it is missing, not a folder, or cannot be read.
        InputError: ``directory`` is not a path.

    """
    if not isinstance(directory, str | os.PathLike):
        raise InputError(f"directory: expected a folder path (str or pathlib.Path), got {type(directory).__name__}")
    try:
        folder = Path(directory)
    except TypeError:  # an os.PathLike whose __fspath__ returns bytes or junk
        raise InputError(f"directory: expected a folder path (str or pathlib.Path), got {type(directory).__name__}") from None
    shown = short_repr(str(folder), 120)
    try:
        is_folder = folder.is_dir()
        files = [path for path in folder.iterdir() if path.name.endswith(".toml")] if is_folder else []
    except (OSError, ValueError) as error:  # a name too long, a NUL byte, no permission
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise RuleDataError(shown, "<directory>", f"cannot be read: {reason}") from None
    if not is_folder:
        raise RuleDataError(shown, "<directory>", "does not exist or is not a directory")
    return _load(((path.name, path) for path in files), origin=shown)


@functools.cache
def default_rule_book() -> RuleBook:
    """The rule book shipped with the package (loaded once, on first use)."""
    folder = resources.files(_DATA_PACKAGE) / "data"
    return _load((entry.name, entry) for entry in folder.iterdir() if entry.name.endswith(".toml"))


def rules_on(
    on: dt.date, *, reform: Reform | None = None, rule_book: RuleBook | None = None
) -> RuleSnapshot:
    """Everything in force on ``on`` in the shipped rule book (or ``rule_book``).

    Args:
        on: the date the calculation is about.
        reform: an optional what-if change applied on top.
        rule_book: another rule book, e.g. one from :func:`load_rule_book`.

    >>> import datetime as dt
    >>> rules = rules_on(dt.date(2024, 2, 14))
    >>> rules["pu.jkm_rate"].rate, rules["pu.jkm_rate"].citation.label
    (Decimal('0.0030'), 'PP 44/2015 Pasal 18 ayat (1)')
    >>> "relief.pp49_2020.discount" in rules  # the COVID relief ended in January 2021
    False
    """
    if rule_book is not None and not isinstance(rule_book, RuleBook):
        raise InputError(f"rule_book: expected a RuleBook or None, got {type(rule_book).__name__}")
    snapshot = (rule_book if rule_book is not None else default_rule_book()).on(on)
    return snapshot.with_reform(reform) if reform is not None else snapshot


def snapshot_for(rules: RuleSnapshot | None, on: dt.date, *, what: str) -> RuleSnapshot:
    """The snapshot a calculator uses: ``rules`` if given (checked), else the shipped book on ``on``.

    Every public calculator takes ``rules: RuleSnapshot | None`` and calls this
    once, so a what-if passes ``rules_on(on, reform=...)`` and nothing else
    decides which date's law applies.

    Args:
        rules: the caller's snapshot, or ``None`` for the shipped rule book.
        on: the date whose law the calculation applies.
        what: the calculation, for the error message (``"a monthly premium for 2024-02"``).

    Raises:
        InputError: ``rules`` is not a :class:`RuleSnapshot`, or was taken on another date.

    >>> import datetime as dt
    >>> snapshot_for(None, dt.date(2024, 2, 1), what="a premium").on
    datetime.date(2024, 2, 1)
    >>> snapshot_for(rules_on(dt.date(2024, 2, 14)), dt.date(2024, 2, 1), what="a premium for 2024-02")
    Traceback (most recent call last):
    ...
    jamsos_pemilu.exceptions.InputError: rules: a snapshot taken on 2024-02-14 was passed, but a premium for 2024-02 applies the law of 2024-02-01; pass rules_on(datetime.date(2024, 2, 1), reform=...) or rules.at(datetime.date(2024, 2, 1))
    """
    if isinstance(on, dt.datetime) or not isinstance(on, dt.date):
        raise InputError(f"on: expected a datetime.date, got {type(on).__name__}")
    if rules is None:
        return default_rule_book().on(on)
    if not isinstance(rules, RuleSnapshot):
        hint = " (a RuleBook: pass rule_book.on(date) or rules_on(date, rule_book=...))" if isinstance(rules, RuleBook) else ""
        raise InputError(f"rules: expected a RuleSnapshot or None, got {type(rules).__name__}{hint}")
    if rules.on != on:
        raise InputError(
            f"rules: a snapshot taken on {rules.on.isoformat()} was passed, but {what} applies the law of "
            f"{on.isoformat()}; pass rules_on({on!r}, reform=...) or rules.at({on!r})"
        )
    return rules
