"""Serialisasi (serialisation): agreements and officers as plain data, JSON and JSON Schema.

Services that do not run Python exchange :class:`~jamsos_pemilu.agreements.Agreement`
and :class:`~jamsos_pemilu.officers.Officer` records as JSON. The format, built
with cattrs, is the same everywhere:

* dates are ISO strings (``"2024-11-11"``); a :class:`~jamsos_pemilu.periods.Period`
  is ``{"start": ..., "end": ...}`` with both ends included;
* money (:class:`~jamsos_pemilu.money.Rupiah`) is a whole-rupiah integer and a
  :class:`~decimal.Decimal` a string; floats are refused;
* codes (enums) are written by value (``"kpps"``), region codes dotted
  (``"33.73"``), a NIK as its 16 digits (the only place it is written whole);
* sets are sorted lists; a coverage scheme carries its ``"kind"``
  (``"wage_earner"`` or ``"non_wage_earner"``).

Loading is strict: unknown keys, wrong types and impossible values raise
:class:`~jamsos_pemilu.exceptions.DeserializationError` naming the path of the
bad field, such as ``cohorts[1].headcount``. The JSON Schemas of these models and
of every result live in :mod:`jamsos_pemilu.schemas`, which also loads results back.

Loading agreements lives here too: :func:`load_agreements` reads a file of
them, :func:`shipped_agreements` the ones shipped with the library.

>>> agreement = shipped_agreement("kota-mojokerto-pemilu-2024")
>>> data = to_dict(agreement)
>>> data["handed_over_on"], data["cohorts"][0]["headcount"]
('2024-02-02', 2832)
>>> from_dict(Agreement, data) == agreement
True
>>> bad = dict(data, cohorts=[data["cohorts"][0], dict(data["cohorts"][1], headcount=-1)])
>>> from_dict(Agreement, bad)
Traceback (most recent call last):
...
jamsos_pemilu.exceptions.DeserializationError: cannot load Agreement: at cohorts[1].headcount: ...
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import json
import re
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal, InvalidOperation
from importlib import resources
from os import PathLike
from pathlib import Path
from typing import Any, Final, TypeVar, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from jamsos_pemilu.agreement_checks import problem_path
from jamsos_pemilu.agreements import Agreement
from jamsos_pemilu.exceptions import AgreementError, DeserializationError, UnknownCodeError, short_repr
from jamsos_pemilu.explain import Result
from jamsos_pemilu.money import Rupiah
from jamsos_pemilu.officers import NIK
from jamsos_pemilu.regions import RegionCode
from jamsos_pemilu.schemes import NonWageEarner, WageEarner

__all__ = [
    "MAX_DEPTH",
    "MAX_INTEGER_DIGITS",
    "MAX_JSON_CHARS",
    "from_dict",
    "from_json",
    "load_agreement_document",
    "load_agreements",
    "shipped_agreement",
    "shipped_agreements",
    "to_dict",
    "to_json",
]

T = TypeVar("T")

MAX_JSON_CHARS: Final = 16 * 1024 * 1024
"""The longest JSON text :func:`from_json` and the agreement loaders read (16 Mi characters)."""
MAX_DEPTH: Final = 64
"""The deepest nesting of objects and lists accepted (a real agreement nests 5 levels)."""
MAX_INTEGER_DIGITS: Final = 18
"""The most digits a JSON integer may have (money is bounded at Rp10^15; headcounts are smaller)."""

_ISO_DATE: Final = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DECIMAL: Final = re.compile(r"^-?\d+(\.\d+)?$")
_SCHEME_TAGS: Final[dict[type[Any], str]] = {WageEarner: "wage_earner", NonWageEarner: "non_wage_earner"}
_SCHEME_CLASSES: Final = {tag: cls for cls, tag in _SCHEME_TAGS.items()}


# --- leaves -----------------------------------------------------------------------------


def _kind(value: object) -> str:
    return type(value).__name__


def _structure_str(value: object, _: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, got {_kind(value)}")
    return value


def _structure_int(value: object, _: object) -> int:
    if type(value) is not int:
        raise TypeError(f"expected a whole number, got {_kind(value)}")
    if abs(value) >= 10**MAX_INTEGER_DIGITS:
        raise ValueError(f"the number is too large (at most {MAX_INTEGER_DIGITS} digits)")
    return value


def _structure_bool(value: object, _: object) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"expected true or false, got {_kind(value)}")
    return value


def _structure_date(value: object, _: object) -> dt.date:
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        raise ValueError(f"expected an ISO date YYYY-MM-DD, got {_kind(value)} {short_repr(value)}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a calendar date") from None


def _structure_rupiah(value: object, _: object) -> Rupiah:
    if type(value) is not int:
        raise TypeError(f"expected whole rupiah as an integer, got {_kind(value)}")
    return Rupiah(value)


def _structure_decimal(value: object, _: object) -> Decimal:
    if not isinstance(value, str) or not _DECIMAL.match(value):
        raise ValueError(f"expected a decimal number written as text, got {_kind(value)}")
    try:
        return Decimal(value)
    except InvalidOperation:  # pragma: no cover - the pattern already guards
        raise ValueError(f"{value!r} is not a decimal number") from None


def _structure_region(value: object, _: object) -> RegionCode:
    if not isinstance(value, str):
        raise TypeError(f"expected a region code as text, got {_kind(value)}")
    return RegionCode.parse(value)


def _structure_nik(value: object, _: object) -> NIK:
    return NIK.parse(value)  # type: ignore[arg-type]  # NIK.parse masks and rejects non-text




def _kind_name(cls: type[enum.Enum]) -> str:
    """``RiskClass`` -> ``"risk class"``, for messages that read like the parsers' own."""
    return re.sub(r"(?<!^)(?=[A-Z])", " ", cls.__name__).lower()


def _enum_hook(cls: type[enum.Enum]) -> Callable[[object, object], enum.Enum]:
    accepted = [str(member.value) for member in cls]
    kind = _kind_name(cls)

    def structure(value: object, _: object) -> enum.Enum:
        for member in cls:
            if member.value == value and type(member.value) is type(value):
                return member
        raise UnknownCodeError(kind, value, accepted)

    return structure


# --- collections ------------------------------------------------------------------------


def _is_collection(kind: object) -> bool:
    origin = get_origin(kind)
    return origin in (tuple, frozenset) and (
        origin is frozenset or (len(get_args(kind)) == 2 and get_args(kind)[1] is Ellipsis)
    )


def _sort_key(item: object) -> str:
    return json.dumps(item, sort_keys=True, ensure_ascii=False)


def _collection_structure(kind: Any, converter: cattrs.Converter) -> Callable[[object, object], Any]:
    element = get_args(kind)[0]
    is_set = get_origin(kind) is frozenset

    def structure(value: object, _: object) -> object:
        if not isinstance(value, list | tuple):
            raise TypeError(f"expected a list, got {_kind(value)}")
        hook = converter.get_structure_hook(element)
        items: list[object] = []
        errors: list[Exception] = []
        for index, item in enumerate(value):
            try:
                items.append(hook(item, element))
            except Exception as error:
                note = IterableValidationNote(f"Structuring {kind!r} @ index {index}", index, element)
                error.__notes__ = [*getattr(error, "__notes__", []), note]
                errors.append(error)
        if errors:
            raise IterableValidationError(f"While structuring {kind!r}", errors, kind)
        if is_set:
            unique = frozenset(items)
            if len(unique) != len(items):
                raise ValueError("a set must not list the same value twice")
            return unique
        return tuple(items)

    return structure


def _collection_unstructure(kind: Any, converter: cattrs.Converter) -> Callable[[Any], list[Any]]:
    element = get_args(kind)[0]
    is_set = get_origin(kind) is frozenset

    def unstructure(value: Any) -> list[Any]:
        hook = converter.get_unstructure_hook(element)
        items = [hook(item) for item in value]
        return sorted(items, key=_sort_key) if is_set else items

    return unstructure


# --- coverage schemes (a tagged union) --------------------------------------------------


def _is_scheme_union(kind: object) -> bool:
    if get_origin(kind) not in (types.UnionType, typing.Union):
        return False
    members = set(get_args(kind)) - {type(None)}
    return members == {WageEarner, NonWageEarner}


def _scheme_class_hooks(converter: cattrs.Converter) -> None:
    for cls, tag in _SCHEME_TAGS.items():
        plain_structure = make_dict_structure_fn(cls, converter, _cattrs_forbid_extra_keys=True)
        plain_unstructure = make_dict_unstructure_fn(cls, converter)

        def structure(
            value: object, _: object, tag: str = tag, plain: Any = plain_structure, cls: Any = cls
        ) -> Any:
            if not isinstance(value, Mapping):
                raise TypeError(f"expected an object, got {_kind(value)}")
            data = dict(value)
            given = data.pop("kind", tag)
            if given != tag:
                raise ValueError(f"kind is {given!r} but a {cls.__name__} has kind {tag!r}")
            return plain(data, cls)

        def unstructure(value: Any, tag: str = tag, plain: Any = plain_unstructure) -> Any:
            return {"kind": tag, **plain(value)}

        converter.register_structure_hook(cls, structure)
        converter.register_unstructure_hook(cls, unstructure)


def _structure_scheme(value: object, kind: object) -> object:
    if value is None:
        if type(None) in get_args(kind):
            return None
        raise TypeError("expected a coverage scheme, got null")
    if not isinstance(value, Mapping):
        raise TypeError(f"expected a coverage scheme object, got {_kind(value)}")
    tag = value.get("kind")
    cls = _SCHEME_CLASSES.get(tag) if isinstance(tag, str) else None
    if cls is None:
        raise UnknownCodeError("scheme kind", tag, list(_SCHEME_CLASSES))
    return _CONVERTER.structure(value, cls)


def _unstructure_scheme(value: object) -> object:
    return None if value is None else _CONVERTER.unstructure(value, type(value))


# --- the converter ----------------------------------------------------------------------


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter(detailed_validation=True, forbid_extra_keys=True)
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(dt.date, _structure_date)
    converter.register_unstructure_hook(dt.date, lambda day: day.isoformat())
    converter.register_structure_hook(Rupiah, _structure_rupiah)
    converter.register_unstructure_hook(Rupiah, lambda money: money.amount)
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_unstructure_hook(Decimal, str)
    converter.register_structure_hook(RegionCode, _structure_region)
    converter.register_unstructure_hook(RegionCode, lambda code: code.dotted)
    converter.register_structure_hook(NIK, _structure_nik)
    converter.register_unstructure_hook(NIK, lambda nik: nik.reveal())
    converter.register_structure_hook_factory(
        lambda kind: isinstance(kind, type) and issubclass(kind, enum.Enum), _enum_hook
    )
    converter.register_structure_hook_factory(
        _is_collection, lambda kind: _collection_structure(kind, converter)
    )
    converter.register_unstructure_hook_factory(
        _is_collection, lambda kind: _collection_unstructure(kind, converter)
    )
    _scheme_class_hooks(converter)
    converter.register_structure_hook_func(_is_scheme_union, _structure_scheme)
    converter.register_unstructure_hook_func(_is_scheme_union, _unstructure_scheme)
    return converter


_CONVERTER: Final = _make_converter()


# --- errors as paths --------------------------------------------------------------------


def _join(path: str, step: str) -> str:
    if not step:
        return path
    if step.startswith("["):
        return path + step
    return f"{path}.{step}" if path else step


def _leaves(error: BaseException, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(error, ForbiddenExtraKeysError):
        for key in sorted(error.extra_fields):
            yield _join(path, key), "unknown field; remove it or check its spelling"
        return
    if isinstance(error, ClassValidationError | IterableValidationError):
        with_notes, without_notes = error.group_exceptions()
        for inner, note in with_notes:
            step = f"[{note.index}]" if isinstance(note, IterableValidationNote) else str(note.name)
            yield from _leaves(inner, _join(path, step))
        for inner in without_notes:
            yield from _leaves(inner, path)
        return
    if isinstance(error, AgreementError):
        for problem in error.problems:
            where = problem_path(problem)
            reason = problem[len(where) + 2 :] if where else problem
            yield _join(path, where), reason
        return
    if isinstance(error, KeyError):
        yield path, "required field is missing"
        return
    yield path, str(error)


def _deserialization_error(model: str, error: BaseException, prefix: str = "") -> DeserializationError:
    leaves = list(_leaves(error, prefix))
    if not leaves:  # pragma: no cover - every cattrs error has a leaf
        leaves = [(prefix, str(error))]
    path, reason = leaves[0]
    if len(leaves) > 1:
        others = "; ".join(f"{p or '<root>'}: {r}" for p, r in leaves[1:])
        reason = f"{reason} (also {others})"
    return DeserializationError(model, path, reason)


# --- reading JSON safely ----------------------------------------------------------------


class _JsonLimitError(ValueError):
    """A limit of the safe JSON reader was hit (turned into a DeserializationError by the caller)."""


def _refuse_constant(name: str) -> object:
    raise _JsonLimitError(f"{name} is not a number JSON allows here; write a finite number")


def _bounded_int(text: str) -> int:
    digits = text.lstrip("-")
    if len(digits) > MAX_INTEGER_DIGITS:
        raise _JsonLimitError(f"an integer of {len(digits)} digits is too large (at most {MAX_INTEGER_DIGITS} digits)")
    return int(text)


def _finite_float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise _JsonLimitError(f"the number {text[:20]!s}{'...' if len(text) > 20 else ''} is too large")
    return value


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    found: dict[str, object] = {}
    for key, value in pairs:
        if key in found:
            raise _JsonLimitError(f"the key {short_repr(key)} appears twice in one object; each key may appear once")
        found[key] = value
    return found


def _depth_problem(data: object) -> str | None:
    """Why ``data`` nests too deeply (checked without recursion), or ``None``."""
    stack: list[tuple[object, int]] = [(data, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, Mapping | list | tuple):
            if depth > MAX_DEPTH:
                return f"nested more than {MAX_DEPTH} levels deep"
            children = item.values() if isinstance(item, Mapping) else item
            stack.extend((child, depth + 1) for child in children)
    return None


def _read_json(text: object, model: str) -> object:
    """Parse JSON text with the limits above; any problem is a :class:`DeserializationError` for ``model``."""
    if isinstance(text, bytes | bytearray):
        if len(text) > MAX_JSON_CHARS * 4:
            raise DeserializationError(model, "", f"the text is longer than {MAX_JSON_CHARS} characters")
        try:
            text = bytes(text).decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise DeserializationError(model, "", f"not valid JSON: not UTF-8 text (byte {error.start})") from None
    if not isinstance(text, str):
        raise DeserializationError(model, "", f"expected JSON text (str or bytes), got {_kind(text)}")
    if len(text) > MAX_JSON_CHARS:
        raise DeserializationError(model, "", f"the text is longer than {MAX_JSON_CHARS} characters")
    try:
        data = json.loads(
            text,
            parse_int=_bounded_int,
            parse_float=_finite_float,
            parse_constant=_refuse_constant,
            object_pairs_hook=_unique_keys,
        )
    except _JsonLimitError as error:
        raise DeserializationError(model, "", str(error)) from None
    except RecursionError:
        raise DeserializationError(model, "", f"nested more than {MAX_DEPTH} levels deep") from None
    except ValueError as error:  # json.JSONDecodeError is a ValueError
        raise DeserializationError(model, "", f"not valid JSON: {error}") from None
    problem = _depth_problem(data)
    if problem is not None:
        raise DeserializationError(model, "", problem)
    return data


# --- public API -------------------------------------------------------------------------


def to_dict(obj: object) -> Any:
    """The plain-data form of a model or a result (JSON-ready: dicts, lists, strings, ints, bools, None).

    For a result (any :class:`~jamsos_pemilu.explain.Result`: a premium, a
    benefit assessment, a coverage decision, a budget...) this *is* the
    result's own :meth:`~jamsos_pemilu.explain.Result.to_dict`, so the two can
    never disagree.

    Args:
        obj: an :class:`~jamsos_pemilu.agreements.Agreement`, an
            :class:`~jamsos_pemilu.officers.Officer`, any model they contain, or a result.

    Returns:
        A dict (or a plain value for a leaf such as a date).

    >>> import datetime as dt
    >>> from jamsos_pemilu.periods import Period
    >>> to_dict(Period(dt.date(2024, 11, 7), dt.date(2024, 12, 8)))
    {'start': '2024-11-07', 'end': '2024-12-08'}
    >>> from jamsos_pemilu import jkm_death
    >>> result = jkm_death(on=dt.date(2024, 2, 14))
    >>> to_dict(result) == result.to_dict()
    True

    """
    if isinstance(obj, Result):
        return obj.to_dict()
    return _CONVERTER.unstructure(obj)


def from_dict(cls: type[T], data: object) -> T:
    """Build a model from its plain-data form, strictly.

    Args:
        cls: the model class (``Agreement``, ``Officer``, ``Cohort``...).
        data: what :func:`to_dict` gives (optional fields may be left out).

    Returns:
        The model.

    Raises:
        DeserializationError: naming the path of the first bad field (and
            listing the others): wrong type, unknown key, missing field, or a
            value the model refuses.

    >>> from jamsos_pemilu.periods import Period
    >>> from_dict(Period, {"start": "2024-11-07", "end": "2024-11-06"})
    Traceback (most recent call last):
    ...
    jamsos_pemilu.exceptions.DeserializationError: cannot load Period: at <root>: period ends ...

    """
    model = getattr(cls, "__name__", repr(cls))
    if attrs.has(cls) and not isinstance(data, Mapping):
        raise DeserializationError(model, "", f"expected an object, got {_kind(data)}")
    problem = _depth_problem(data)
    if problem is not None:
        raise DeserializationError(model, "", problem)
    try:
        return _CONVERTER.structure(data, cls)
    except Exception as error:
        raise _deserialization_error(model, error) from None


def to_json(obj: object, *, indent: int | None = 2) -> str:
    """The JSON text of a model (UTF-8 characters kept, keys in field order).

    >>> from jamsos_pemilu.money import Rupiah
    >>> to_json(Rupiah(16_800))
    '16800'
    """
    return json.dumps(to_dict(obj), ensure_ascii=False, indent=indent)


def from_json(cls: type[T], text: str | bytes) -> T:
    """Build a model from JSON text, within limits.

    The text is read strictly: at most :data:`MAX_JSON_CHARS` characters,
    nesting at most :data:`MAX_DEPTH` levels, integers of at most
    :data:`MAX_INTEGER_DIGITS` digits, no ``NaN`` or ``Infinity``, no key twice
    in one object, bytes as UTF-8 (with or without a BOM). Every problem is a
    :class:`~jamsos_pemilu.exceptions.DeserializationError`, and a NIK quoted
    in a message is masked.

    Raises:
        DeserializationError: if the text breaks a limit or is not JSON, or as :func:`from_dict`.

    >>> from_json(Agreement, '{"id": "a", "id": "b"}')
    Traceback (most recent call last):
    ...
    jamsos_pemilu.exceptions.DeserializationError: cannot load Agreement: at <root>: the key 'id' appears twice in one object; each key may appear once

    >>> from_json(Agreement, "{")
    Traceback (most recent call last):
    ...
    jamsos_pemilu.exceptions.DeserializationError: cannot load Agreement: at <root>: not valid JSON: ...

    """
    return from_dict(cls, _read_json(text, getattr(cls, "__name__", repr(cls))))


def load_agreement_document(text: str, name: str) -> tuple[Agreement, ...]:
    """Agreements from a JSON document ``{"agreements": [...]}`` read from ``name``.

    Args:
        text: the JSON text.
        name: the file's name, for error messages.

    Raises:
        DeserializationError: whose model names the file and whose path starts
            at the document (``agreements[3].cohorts[1].headcount``); a repeated
            id is an error at ``agreements[i].id``.

    """
    model = f"Agreement in {name}"
    document = _read_json(text, model)
    if not isinstance(document, dict) or not isinstance(document.get("agreements"), list):
        raise DeserializationError(model, "agreements", "expected an object with an 'agreements' list")
    extra = sorted(set(document) - {"agreements", "$comment"})
    if extra:
        raise DeserializationError(model, extra[0], "unknown field; expected 'agreements' and '$comment'")
    loaded: list[Agreement] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(document["agreements"]):
        where = f"agreements[{index}]"
        if not isinstance(entry, dict):
            raise DeserializationError(model, where, f"expected an object, got {_kind(entry)}")
        try:
            agreement = _CONVERTER.structure(entry, Agreement)
        except Exception as error:
            raise _deserialization_error(model, error, where) from None
        if agreement.id in seen:
            raise DeserializationError(
                model, f"{where}.id", f"id {agreement.id!r} is already used by agreements[{seen[agreement.id]}]"
            )
        seen[agreement.id] = index
        loaded.append(agreement)
    return tuple(loaded)


_DATA_FILE: Final = "agreements.json"


def load_agreements(source: str | Path) -> tuple[Agreement, ...]:
    """Load agreements from a JSON file holding ``{"agreements": [...]}``.

    Each entry has the shape :func:`to_dict` gives; optional fields may be left out.

    Args:
        source: the file's path.

    Returns:
        The agreements in file order.

    Raises:
        DeserializationError: naming the file and the path of the bad field
            (``agreements[3].cohorts[1].headcount``), a repeated id, or a file
            that cannot be read.

    """
    if not isinstance(source, str | PathLike):
        raise DeserializationError("Agreement", "", f"source: expected a file path, got {_kind(source)}")
    path = Path(source)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError, ValueError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise DeserializationError(f"Agreement in {path}", "", f"cannot read the file: {reason}") from None
    return load_agreement_document(text, str(path))


@functools.cache
def shipped_agreements() -> tuple[Agreement, ...]:
    """The agreements shipped with the library (``jamsos_pemilu/data/agreements.json``).

    They are the local agreements found in public reports (see the notes and
    sources of each); fields the reports leave unknown are ``None`` or empty.
    Loaded once and cached.

    >>> len(shipped_agreements()) >= 23
    True
    """
    resource = resources.files("jamsos_pemilu") / "data" / _DATA_FILE
    return load_agreement_document(resource.read_text(encoding="utf-8"), f"jamsos_pemilu/data/{_DATA_FILE}")


def shipped_agreement(agreement_id: str) -> Agreement:
    """The shipped agreement with id ``agreement_id``.

    Raises:
        UnknownCodeError: naming the shipped ids.

    >>> shipped_agreement("kab-asahan-pilkada-2024").reported_total
    15753

    """
    for agreement in shipped_agreements():
        if agreement.id == agreement_id:
            return agreement
    raise UnknownCodeError("agreement", agreement_id, [a.id for a in shipped_agreements()])
