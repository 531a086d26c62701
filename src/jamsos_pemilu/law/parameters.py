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
"""

from __future__ import annotations

import bisect
import datetime as dt
import difflib
import enum
import functools
import hashlib
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal, InvalidOperation
from importlib import resources
from pathlib import Path
from typing import Any, Final

import attrs

from jamsos_pemilu.exceptions import (
    InputError,
    RuleDataError,
    RuleNotInForceError,
    RuleTypeError,
    UnknownCodeError,
    UnknownParameterError,
)
from jamsos_pemilu.l10n import Text
from jamsos_pemilu.law.citations import Citation, Confidence, Source
from jamsos_pemilu.money import RoundingRule, Rupiah

__all__ = [
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


class Unit(enum.Enum):
    """The kind of value a parameter holds."""

    RUPIAH = "rupiah"
    """Whole rupiah (TOML integer)."""
    RATE = "rate"
    """A fraction between 0 and 1 (TOML string such as ``"0.0024"``)."""
    INTEGER = "integer"
    """A count, a number of months or years, or a multiplier (TOML integer)."""
    CHOICE = "choice"
    """A named option (TOML string)."""
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
        value = self.value
        if isinstance(value, Rupiah):
            return value.amount
        if isinstance(value, Decimal):
            return str(value)
        if isinstance(value, tuple):
            return [tier.to_dict() for tier in value]
        return value

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


def _plain_mapping(mapping: Mapping[str, object]) -> dict[str, object]:
    return dict(mapping)


@attrs.frozen
class Reform:
    """A what-if change: parameter values that replace the shipped ones.

    Values are given as plain data in the unit of the parameter: ``int`` (or
    :class:`Rupiah`) for rupiah and integers, a string or Decimal for rates,
    a string for choices, a list of ``{"months", "rate"}`` tiers for schedules.

    >>> Reform.from_dict({"label": "KPPS honor naik",
    ...                   "overrides": {"honorarium.pemilu_2024.kpps.anggota": 1_500_000}}).label
    'KPPS honor naik'
    """

    label: str
    overrides: Mapping[str, object] = attrs.field(converter=_plain_mapping)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.label, str) or not self.label.strip():
            raise InputError("a reform needs a non-empty label saying what it changes")

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Reform:
        """Build a reform from ``{"label": ..., "overrides": {...}}``."""
        if not isinstance(data, Mapping) or "label" not in data or "overrides" not in data:
            raise InputError("a reform is a mapping with keys 'label' and 'overrides'")
        overrides = data["overrides"]
        if not isinstance(overrides, Mapping):
            raise InputError("reform 'overrides' must map parameter names to values")
        return cls(str(data["label"]), overrides)

    def to_dict(self) -> dict[str, object]:
        """Plain data; the inverse of :meth:`from_dict`."""
        plain: dict[str, object] = {}
        for name, value in self.overrides.items():
            if isinstance(value, Rupiah):
                plain[name] = value.amount
            elif isinstance(value, Decimal):
                plain[name] = str(value)
            else:
                plain[name] = value
        return {"label": self.label, "overrides": plain}


_REFORM_SOURCE_KIND: Final = "Reform"


def _reformed(parameter: Parameter, reform: Reform, raw: object, on: dt.date) -> RuleValue:
    where = f"reform {reform.label!r}, parameter {parameter.name!r}"
    try:
        value = _convert(parameter.unit, raw)
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
    >>> snapshot["jkk.transport.land"]
    Traceback (most recent call last):
    ...
    jamsos_pemilu.exceptions.RuleNotInForceError: parameter 'jkk.transport.land' has no value in force on 2019-12-01: its first value takes effect on 2019-12-02
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
        try:
            return self._values[name]
        except KeyError:
            pass
        parameter = self._book[name]  # raises UnknownParameterError
        return parameter.at(self._on)  # raises RuleNotInForceError

    def __contains__(self, name: object) -> bool:
        return name in self._values

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        reforms = f", reforms={[r.label for r in self._reforms]}" if self._reforms else ""
        return f"RuleSnapshot(on={self._on.isoformat()}, parameters={len(self._values)}{reforms})"

    def rounding(self) -> RoundingRule:
        """The rounding rule in force (parameter ``contribution.rounding``)."""
        text = self["contribution.rounding"].choice
        try:
            return RoundingRule(text)
        except ValueError:
            raise UnknownCodeError("rounding rule", text, [r.value for r in RoundingRule]) from None

    def with_reform(self, reform: Reform) -> RuleSnapshot:
        """A new snapshot with ``reform`` applied; this one is unchanged.

        Raises:
            UnknownParameterError: if the reform names a parameter that does not exist.
            InputError: if an override has the wrong type for its parameter.

        """
        values = dict(self._values)
        for name, raw in reform.overrides.items():
            values[name] = _reformed(self._book[name], reform, raw, self._on)
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
            for name in reform.overrides:
                self[name]  # fail early on unknown names

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
        try:
            return self._parameters[name]
        except KeyError:
            close = difflib.get_close_matches(str(name), self._parameters, n=3)
            raise UnknownParameterError(str(name), close) from None

    def __contains__(self, name: object) -> bool:
        return name in self._parameters

    def __iter__(self) -> Iterator[Parameter]:
        return iter(self._parameters.values())

    def __len__(self) -> int:
        return len(self._parameters)

    def __repr__(self) -> str:
        reforms = f", reforms={[r.label for r in self._reforms]}" if self._reforms else ""
        return f"RuleBook(parameters={len(self._parameters)}, digest={self._digest[:12]}{reforms})"

    def on(self, day: dt.date) -> RuleSnapshot:
        """Everything in force on ``day`` (snapshots are cached per date)."""
        cached = self._snapshots.get(day)
        if cached is not None:
            return cached
        if isinstance(day, dt.datetime) or not isinstance(day, dt.date):
            raise InputError(f"rules are taken on a datetime.date, not {type(day).__name__}")
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
        """A rule book whose every snapshot has ``reform`` applied (the shipped one is untouched)."""
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
_PARAMETER_KEYS: Final = {"label_id", "label_en", "unit", "values"}
_VALUE_KEYS: Final = {"start", "end", "value", "source", "article", "status", "url", "note"}


class _ValueProblemError(Exception):
    """Internal: a raw value does not fit its unit."""


def _convert(unit: Unit, raw: object) -> ParameterValue:
    if unit is Unit.RUPIAH:
        if isinstance(raw, Rupiah):
            raw = raw.amount
        if type(raw) is not int or raw < 0:
            raise _ValueProblemError(f"expected a whole, non-negative number of rupiah, got {raw!r}")
        return Rupiah(raw)
    if unit is Unit.INTEGER:
        if type(raw) is not int or raw < 0:
            raise _ValueProblemError(f"expected a non-negative integer, got {raw!r}")
        return raw
    if unit is Unit.RATE:
        return _rate(raw)
    if unit is Unit.CHOICE:
        if not isinstance(raw, str) or not raw:
            raise _ValueProblemError(f"expected a non-empty string, got {raw!r}")
        return raw
    return _schedule(raw)


def _rate(raw: object) -> Decimal:
    if isinstance(raw, Decimal):
        rate = raw
    elif isinstance(raw, str):
        try:
            rate = Decimal(raw)
        except InvalidOperation:
            raise _ValueProblemError(f"expected a decimal fraction in a string, got {raw!r}") from None
    else:
        raise _ValueProblemError(
            f"expected the rate as a string such as \"0.0024\" (exact), got {type(raw).__name__} {raw!r}"
        )
    if not rate.is_finite() or not Decimal(0) <= rate <= Decimal(1):
        raise _ValueProblemError(f"a rate is a fraction from 0 to 1, got {raw!r}")
    return rate


def _schedule(raw: object) -> tuple[ScheduleTier, ...]:
    if not isinstance(raw, list) or not raw:
        raise _ValueProblemError("expected a non-empty list of tiers {months = N, rate = \"0.5\"}")
    tiers: list[ScheduleTier] = []
    for index, item in enumerate(raw):
        if isinstance(item, ScheduleTier):
            tiers.append(item)
            continue
        if not isinstance(item, Mapping) or "rate" not in item or set(item) - {"rate", "months"}:
            raise _ValueProblemError(f"tier {index} must be a table with 'rate' and optional 'months'")
        months = item.get("months")
        last = index == len(raw) - 1
        if last and months is not None:
            raise _ValueProblemError("the last tier is open-ended and takes no 'months'")
        if not last and (type(months) is not int or months <= 0):
            raise _ValueProblemError(f"tier {index} needs a positive whole 'months'")
        tiers.append(ScheduleTier(_rate(item["rate"]), months))
    if tiers[-1].months is not None:
        raise _ValueProblemError("the last tier is open-ended and takes no 'months'")
    return tuple(tiers)


def _require(table: Mapping[str, Any], key: str, kind: type, file: str, where: str) -> Any:
    if key not in table:
        raise RuleDataError(file, f"{where}.{key}", "is missing")
    value = table[key]
    if kind is int and type(value) is not int:
        raise RuleDataError(file, f"{where}.{key}", f"must be an integer, got {value!r}")
    if kind is str and (not isinstance(value, str) or not value.strip()):
        raise RuleDataError(file, f"{where}.{key}", f"must be a non-empty string, got {value!r}")
    return value


def _date(value: object, file: str, key: str) -> dt.date:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise RuleDataError(file, key, f"must be a TOML date (YYYY-MM-DD), got {value!r}")
    return value


def _read_toml(path: Path | resources.abc.Traversable, name: str) -> tuple[dict[str, Any], bytes]:
    data = path.read_bytes()
    try:
        return tomllib.loads(data.decode("utf-8")), data
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise RuleDataError(name, "<file>", f"is not valid TOML: {error}") from None


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
        fields = {key: _require(raw, key, kind, file, where) for key, kind in _SOURCE_KEYS.items()}
        sources[source_id] = Source(id=source_id, **fields)
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
        raise RuleDataError(file, f"{where}.unit", f"unknown unit {unit_text!r}; accepted: {accepted}") from None
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
            value = _convert(unit, item["value"])
        except _ValueProblemError as problem:
            raise RuleDataError(file, f"{key}.value", f"unit {unit.value}: {problem}") from None
        source_id = _require(item, "source", str, file, key)
        if source_id not in sources:
            raise RuleDataError(file, f"{key}.source", f"unknown source {source_id!r} (not in sources.toml)")
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
            )
        )
    return Parameter(name=name, unit=unit, label=label, values=tuple(values), file=file)


def _load(files: Iterable[tuple[str, Path | resources.abc.Traversable]]) -> RuleBook:
    ordered = sorted(files, key=lambda item: item[0])
    digest = hashlib.sha256()
    tables: dict[str, dict[str, Any]] = {}
    for name, path in ordered:
        table, data = _read_toml(path, name)
        digest.update(name.encode() + b"\0" + data + b"\0")
        tables[name] = table
    source_files = [name for name in tables if name.startswith("sources")]
    if not source_files:
        raise RuleDataError("sources.toml", "<file>", "is missing from the rule data")
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

    Raises:
        RuleDataError: naming the file and key of the first problem found.

    """
    folder = Path(directory)
    if not folder.is_dir():
        raise RuleDataError(str(folder), "<directory>", "does not exist or is not a directory")
    return _load((path.name, path) for path in folder.glob("*.toml"))


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
    snapshot = (rule_book or default_rule_book()).on(on)
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
