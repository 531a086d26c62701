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
bad field, such as ``cohorts[1].headcount``. :func:`json_schema` derives a JSON
Schema (draft 2020-12) from the attrs classes, for validators in other languages.

>>> from jamsos_pemilu.agreements import shipped_agreement
>>> agreement = shipped_agreement("kota-mojokerto-pemilu-2024")
>>> data = to_dict(agreement)
>>> data["signed_on"], data["cohorts"][0]["headcount"]
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
import json
import re
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal, InvalidOperation
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

from jamsos_pemilu.agreements import Agreement, problem_path
from jamsos_pemilu.exceptions import AgreementError, DeserializationError, UnknownCodeError
from jamsos_pemilu.money import Rupiah
from jamsos_pemilu.officers import NIK, Officer
from jamsos_pemilu.regions import RegionCode
from jamsos_pemilu.schemes import NonWageEarner, WageEarner

__all__ = [
    "JSON_SCHEMA_DIALECT",
    "from_dict",
    "from_json",
    "json_schema",
    "load_agreement_document",
    "to_dict",
    "to_json",
    "write_json_schemas",
]

T = TypeVar("T")

JSON_SCHEMA_DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema dialect :func:`json_schema` writes."""

_ISO_DATE: Final = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DECIMAL: Final = re.compile(r"^-?\d+(\.\d+)?$")
_REGION: Final = r"^(\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?|\d{2}(\d{2}(\d{2}(\d{4})?)?)?)$"
_SCHEME_TAGS: Final[dict[type[Any], str]] = {WageEarner: "wage_earner", NonWageEarner: "non_wage_earner"}
_SCHEME_CLASSES: Final = {tag: cls for cls, tag in _SCHEME_TAGS.items()}
_SCHEMA_MODELS: Final[tuple[type[Any], ...]] = (Agreement, Officer)


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
    return value


def _structure_bool(value: object, _: object) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"expected true or false, got {_kind(value)}")
    return value


def _structure_date(value: object, _: object) -> dt.date:
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        raise ValueError(f"expected an ISO date YYYY-MM-DD, got {_kind(value)} {_short(value)}")
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


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


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
    converter.register_unstructure_hook(NIK, lambda nik: nik.value)
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


# --- public API -------------------------------------------------------------------------


def to_dict(obj: object) -> Any:
    """The plain-data form of a model (JSON-ready: dicts, lists, strings, ints, bools, None).

    Args:
        obj: an :class:`~jamsos_pemilu.agreements.Agreement`, an
            :class:`~jamsos_pemilu.officers.Officer` or any model they contain.

    Returns:
        A dict (or a plain value for a leaf such as a date).

    >>> import datetime as dt
    >>> from jamsos_pemilu.periods import Period
    >>> to_dict(Period(dt.date(2024, 11, 7), dt.date(2024, 12, 8)))
    {'start': '2024-11-07', 'end': '2024-12-08'}

    """
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
    model = cls.__name__
    if attrs.has(cls) and not isinstance(data, Mapping):
        raise DeserializationError(model, "", f"expected an object, got {_kind(data)}")
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
    """Build a model from JSON text.

    Raises:
        DeserializationError: if the text is not JSON, or as :func:`from_dict`.

    >>> from_json(Agreement, "{")
    Traceback (most recent call last):
    ...
    jamsos_pemilu.exceptions.DeserializationError: cannot load Agreement: at <root>: not valid JSON: ...

    """
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise DeserializationError(cls.__name__, "", f"not valid JSON: {error}") from None
    return from_dict(cls, data)


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
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise DeserializationError(model, "", f"not valid JSON: {error}") from None
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


# --- JSON Schema ------------------------------------------------------------------------


def json_schema(cls: type[Any]) -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) for the JSON form of an attrs model.

    The schema is derived from the class's attrs fields and their types, so it
    follows the code: nested models go to ``$defs``, optional fields accept
    ``null``, fields with defaults are not required, unknown keys are refused.
    Checks that need several fields (a headcount against a total, a period
    against a term) stay in the library.

    Args:
        cls: the model (usually ``Agreement`` or ``Officer``).

    Returns:
        The schema as a dict, ready for ``json.dumps``.

    >>> schema = json_schema(Agreement)
    >>> schema["$schema"]
    'https://json-schema.org/draft/2020-12/schema'
    >>> schema["$defs"]["Cohort"]["properties"]["headcount"]
    {'anyOf': [{'type': 'integer'}, {'type': 'null'}]}

    """
    defs: dict[str, Any] = {}
    root = _class_schema(cls, defs)
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "$id": f"urn:jamsos-pemilu:schema:{cls.__name__}",
        "title": cls.__name__,
        **root,
        "$defs": dict(sorted(defs.items())),
    }


def write_json_schemas(directory: str | Path) -> tuple[Path, ...]:
    """Write ``Agreement.schema.json`` and ``Officer.schema.json`` into ``directory``.

    Args:
        directory: an existing or new folder.

    Returns:
        The files written.

    """
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for model in _SCHEMA_MODELS:
        target = folder / f"{model.__name__}.schema.json"
        target.write_text(
            json.dumps(json_schema(model), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        written.append(target)
    return tuple(written)


def _summary(cls: type[Any]) -> str:
    doc = (cls.__doc__ or "").strip()
    return doc.splitlines()[0] if doc else cls.__name__


def _class_schema(cls: type[Any], defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    if cls in _SCHEME_TAGS:
        properties["kind"] = {"const": _SCHEME_TAGS[cls]}
    for field in attrs.fields(cls):
        properties[field.name] = _type_schema(hints[field.name], defs)
        if field.default is attrs.NOTHING:
            required.append(field.name)
    schema: dict[str, Any] = {
        "description": _summary(cls),
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }
    if required:
        schema["required"] = required
    return schema


def _ref(cls: type[Any], defs: dict[str, Any]) -> dict[str, Any]:
    name = cls.__name__
    if name not in defs:
        defs[name] = {}  # placeholder against recursion
        defs[name] = _class_schema(cls, defs)
    return {"$ref": f"#/$defs/{name}"}


def _type_schema(kind: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = get_origin(kind)
    if origin in (types.UnionType, typing.Union):
        members = [m for m in get_args(kind) if m is not type(None)]
        options = [_type_schema(m, defs) for m in members]
        choice = options[0] if len(options) == 1 else {"oneOf": options}
        if type(None) in get_args(kind):
            return {"anyOf": [choice, {"type": "null"}]}
        return choice
    if _is_collection(kind):
        items = _type_schema(get_args(kind)[0], defs)
        if origin is frozenset:
            return {"type": "array", "items": items, "uniqueItems": True}
        return {"type": "array", "items": items}
    leaf = _LEAF_SCHEMAS.get(kind)
    if leaf is not None:
        return dict(leaf)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return {"type": "string", "enum": [member.value for member in kind]}
    if isinstance(kind, type) and attrs.has(kind):
        return _ref(kind, defs)
    raise TypeError(f"no JSON Schema for type {kind!r}")


_LEAF_SCHEMAS: Final[dict[Any, dict[str, Any]]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    bool: {"type": "boolean"},
    dt.date: {"type": "string", "format": "date", "pattern": _ISO_DATE.pattern},
    Rupiah: {"type": "integer", "description": "whole rupiah"},
    Decimal: {"type": "string", "pattern": _DECIMAL.pattern},
    RegionCode: {"type": "string", "pattern": _REGION, "description": "Kemendagri region code"},
    NIK: {"type": "string", "pattern": r"^\d{16}$", "description": "NIK, 16 digits"},
}
