"""Skema JSON (JSON Schema): the exact shape of every JSON the library reads or writes.

Inputs (:class:`~jamsos_pemilu.agreements.Agreement`,
:class:`~jamsos_pemilu.officers.Officer`) get schemas derived from their attrs
fields, so they follow the code. A :class:`~jamsos_pemilu.law.Reform` and every
result (a premium, a benefit assessment, a coverage decision, a budget, a
receipt...) get schemas built from a few shared pieces defined once below:
money is a whole-rupiah integer, a date is ``format: date``, a month is
``YYYY-MM``, a decimal is text, a bilingual text is ``{"id": ..., "en": ...}``,
and a receipt, a line item, a formula and a citation each have one definition
that every result refers to. Result schemas are closed: every key a result always
writes is required (a rule value's ``note``, ``alternatives`` and ``reform`` appear
only when it has them), no other key is allowed, and ``kind`` is a constant (an
enum for benefits).

:func:`json_schema` gives the schema of a class; :data:`SCHEMA_NAMES` names
them for ``jamsos-pemilu schema NAME``.

A result's JSON keeps its rendered formulas and citation labels but not the
objects behind them (a source's kind and number, a formula's template), so it
cannot rebuild the very same result object. :func:`result_from_dict` and
:func:`result_from_json` load it back as a :class:`ResultRecord`: the plain data,
checked against the result's schema, equal to the original's ``to_dict()``:

>>> import datetime as dt
>>> from jamsos_pemilu import jkm_death
>>> from jamsos_pemilu.benefits import BenefitAssessment
>>> result = jkm_death(on=dt.date(2024, 2, 14))
>>> record = result_from_json(BenefitAssessment, result.to_json())
>>> record.kind, record["total"], record.to_dict() == result.to_dict()
('jkm_death', 42000000, True)
>>> result_from_dict(BenefitAssessment, dict(result.to_dict(), total=4.2e7))
Traceback (most recent call last):
...
jamsos_pemilu.exceptions.DeserializationError: cannot load BenefitAssessment: at total: expected a whole number, got float
"""

from __future__ import annotations

import copy
import datetime as dt
import enum
import json
import re
import types
import typing
from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, Final, Generic, TypeVar, get_args, get_origin

import attrs

from jamsos_pemilu.agreements import Agreement
from jamsos_pemilu.batch import DeathExposure, PremiumArrays, RosterBudget
from jamsos_pemilu.benefits import BenefitAssessment
from jamsos_pemilu.budgets import AgreementBudget, CohortBudget
from jamsos_pemilu.claims import ClaimDeadline
from jamsos_pemilu.eligibility import CoverageDecision, Scope
from jamsos_pemilu.eligibility.incidents import IncidentKind
from jamsos_pemilu.eligibility.reasons import CoverageStatus
from jamsos_pemilu.exceptions import DeserializationError, UnknownCodeError, short_repr
from jamsos_pemilu.explain import Comparison, Formula, LineItem, Receipt
from jamsos_pemilu.l10n import Text
from jamsos_pemilu.law.citations import Citation, Confidence
from jamsos_pemilu.law.parameters import Reform, RuleValue, Unit
from jamsos_pemilu.money import RoundingRule, Rupiah
from jamsos_pemilu.national import NationalCounts, NationalPicture
from jamsos_pemilu.officers import NIK, Officer
from jamsos_pemilu.premiums import LateFine, MonthPlan, Premium, PremiumSchedule
from jamsos_pemilu.regions import RegionCode
from jamsos_pemilu.roles import Level, Position, Role
from jamsos_pemilu.roster_costs import RosterCosts
from jamsos_pemilu.roster_coverage import RosterCoverage, RosterStatus
from jamsos_pemilu.schemes import BudgetSource, NonWageEarner, Programme, WageEarner
from jamsos_pemilu.serialization import MAX_INTEGER_DIGITS
from jamsos_pemilu.serialization import _depth_problem as depth_problem  # the same nesting limit as models
from jamsos_pemilu.serialization import _read_json as read_json_text  # the one safe JSON reader, shared

__all__ = [
    "AGREEMENT_FILE",
    "BENEFIT_KINDS",
    "JSON_SCHEMA_DIALECT",
    "SCHEMA_NAMES",
    "ResultRecord",
    "agreement_file_schema",
    "json_schema",
    "result_from_dict",
    "result_from_json",
    "schema_for",
    "schema_names",
    "write_json_schemas",
]

Schema = dict[str, Any]
T = TypeVar("T")

JSON_SCHEMA_DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema dialect :func:`json_schema` writes."""

_ISO_DATE: Final = r"^\d{4}-\d{2}-\d{2}$"
_DECIMAL_PATTERN: Final = r"^-?\d+(\.\d+)?$"
_MONTH_PATTERN: Final = r"^\d{4}-(0[1-9]|1[0-2])$"
_REGION: Final = r"^(\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?|\d{2}(\d{2}(\d{2}(\d{4})?)?)?)$"
_SCHEME_TAGS: Final[dict[type[Any], str]] = {WageEarner: "wage_earner", NonWageEarner: "non_wage_earner"}
BENEFIT_KINDS: Final = (
    "jkm_death",
    "jkk_death",
    "jkk_total_disability",
    "jkk_partial_disability",
    "jkk_temporary_incapacity",
    "jkk_transport",
    "jkk_home_care",
    "jkk_medical",
    "santunan",
)
"""The ``kind`` of each benefit assessment :mod:`jamsos_pemilu.benefits` computes."""


# --- the shared pieces ------------------------------------------------------------------


def _ref(name: str) -> Schema:
    return {"$ref": f"#/$defs/{name}"}


def _obj(properties: Mapping[str, Schema], *, optional: Iterable[str] = (), description: str | None = None) -> Schema:
    """A closed object: every property required except ``optional``, no other key allowed."""
    left_out = set(optional)
    schema: Schema = {"type": "object"}
    if description:
        schema["description"] = description
    schema["properties"] = dict(properties)
    schema["required"] = [key for key in properties if key not in left_out]
    schema["additionalProperties"] = False
    return schema


def _nullable(schema: Schema) -> Schema:
    return {"anyOf": [schema, {"type": "null"}]}


def _array(items: Schema, **extra: Any) -> Schema:
    return {"type": "array", "items": items, **extra}


def _enum(cls: type[enum.Enum]) -> Schema:
    return {"type": "string", "enum": [member.value for member in cls]}


def _const(value: str) -> Schema:
    return {"const": value}


def _map(values: Schema, keys: Schema | None = None) -> Schema:
    """An object used as a mapping (``{"jkk": 5940, ...}``): any key matching ``keys``, each value ``values``."""
    schema: Schema = {"type": "object", "additionalProperties": values}
    if keys is not None:
        schema["propertyNames"] = keys
    return schema


_STRING: Final[Schema] = {"type": "string"}
_INTEGER: Final[Schema] = {"type": "integer"}
_COUNT: Final[Schema] = {"type": "integer", "minimum": 0}
_BOOLEAN: Final[Schema] = {"type": "boolean"}
_MONEY: Final[Schema] = {"type": "integer", "minimum": 0, "description": "whole rupiah"}
_SIGNED_MONEY: Final[Schema] = {"type": "integer", "description": "whole rupiah (a difference; may be negative)"}
_DATE: Final[Schema] = {"type": "string", "format": "date", "pattern": _ISO_DATE}
_MONTH: Final[Schema] = {"type": "string", "pattern": _MONTH_PATTERN, "description": "contribution month YYYY-MM"}
_DECIMAL: Final[Schema] = {"type": "string", "pattern": _DECIMAL_PATTERN, "description": "a decimal number as text"}
_TEXT: Final[Schema] = _ref("Text")
_SCHEME_KIND: Final[Schema] = {"type": "string", "enum": list(_SCHEME_TAGS.values())}
_PROGRAMMES: Final[Schema] = _array(_enum(Programme), uniqueItems=True)
_TEXTS: Final[Schema] = _array(_TEXT)
_RECEIPT: Final[Schema] = _ref("Receipt")
_LINES: Final[Schema] = _array(_ref("LineItem"))


def _rule_value_of(unit: Unit) -> Schema:
    return {
        Unit.RUPIAH: _INTEGER,
        Unit.RATE: _DECIMAL,
        Unit.INTEGER: _INTEGER,
        Unit.CHOICE: _STRING,
        Unit.SCHEDULE: _array(_ref("ScheduleTier")),
    }[unit]


_ANY_RULE_VALUE: Final[Schema] = {"anyOf": [_rule_value_of(unit) for unit in Unit]}

_DEFS: Final[dict[str, Schema]] = {
    "Text": _obj({"id": _STRING, "en": _STRING}, description="A text in Bahasa Indonesia and English."),
    "Citation": _obj(
        {"source": _STRING, "instrument": _STRING, "title": _STRING, "article": _STRING, "url": _STRING},
        description="Where in a legal instrument a value is stated.",
    ),
    "ScheduleTier": _obj({"rate": _DECIMAL, "months": _nullable(_COUNT)}, description="A rate for some months."),
    "RuleAlternative": _obj(
        {"value": _ANY_RULE_VALUE, "source": _STRING, "why": _TEXT, "url": _STRING},
        optional=["url"],
        description="Another reading of a rule value, not used.",
    ),
    "RuleValue": {
        **_obj(
            {
                "name": _STRING,
                "unit": _enum(Unit),
                "value": _ANY_RULE_VALUE,
                "start": _DATE,
                "end": _nullable(_DATE),
                "citation": _ref("Citation"),
                "confidence": _enum(Confidence),
                "note": _STRING,
                "alternatives": _array(_ref("RuleAlternative"), minItems=1),
                "reform": _STRING,
                "replaced": _nullable(_ref("RuleValue")),
            },
            optional=["note", "alternatives", "reform", "replaced"],
            description="One dated rule value with its citation and confidence.",
        ),
        "dependentRequired": {"reform": ["replaced"], "replaced": ["reform"]},
        "allOf": [
            {
                "if": {"properties": {"unit": {"const": unit.value}}},
                "then": {"properties": {"value": _rule_value_of(unit)}},
            }
            for unit in Unit
        ],
    },
    "Receipt": _obj(
        {
            "rules_on": _DATE,
            "library_version": _STRING,
            "rule_digest": {"type": "string", "pattern": "^[0-9a-f]{64}$", "description": "SHA-256 of the rule data"},
            "reforms": _array(_STRING),
            "uses_unconfirmed": _BOOLEAN,
            "contested": _array(_STRING),
            "values": _array(_ref("RuleValue")),
        },
        description="What a result rests on: rule values, reforms, library version and rule-data hash.",
    ),
    "Formula": _obj(
        {"id": _STRING, "en": _STRING, "args": _array({"anyOf": [_INTEGER, _STRING, _TEXT]})},
        description="A formula in both languages with the raw numbers (rupiah as integers, rates as text).",
    ),
    "LineItem": _obj(
        {
            "key": _STRING,
            "label": _TEXT,
            "amount": _nullable(_SIGNED_MONEY),
            "formula": _ref("Formula"),
            "citations": _array(_ref("Citation")),
            "parameters": _array(_STRING),
            "note": _nullable(_TEXT),
        },
        description="One amount with its formula and legal basis (amount null: paid as needed, no cap).",
    ),
    "Period": _obj({"start": _DATE, "end": _DATE}, description="A period, both ends included."),
    "Premium": _obj(
        {
            "kind": _const("premium"),
            "month": _MONTH,
            "scheme": _SCHEME_KIND,
            "basis": _MONEY,
            "programmes": _PROGRAMMES,
            "lines": _LINES,
            "total": _MONEY,
            "by_programme": _map(_MONEY, _enum(Programme)),
            "due": _DATE,
            "notes": _TEXTS,
            "receipt": _RECEIPT,
        },
        description="The premium for one officer and one month, line by line.",
    ),
    "Incident": _obj(
        {"kind": _enum(IncidentKind), "on": _DATE, "fatal": _BOOLEAN, "claim_filed_on": _nullable(_DATE)},
        description="What happened to the officer, and when.",
    ),
    "Reason": _obj(
        {
            "code": _STRING,
            "status": _enum(CoverageStatus),
            "text": _TEXT,
            "citations": _array(_ref("Citation")),
            "confidence": _nullable(_enum(Confidence)),
        },
        description="One reason behind a coverage decision.",
    ),
    "ProgrammeDecision": _obj(
        {"scope": _enum(Scope), "status": _enum(CoverageStatus), "reasons": _array(_ref("Reason"))},
        description="The decision for one scope: the worst status among its reasons.",
    ),
    "BudgetRow": _obj(
        {
            "cohort": _COUNT,
            "label": _STRING,
            "roles": _STRING,
            "month": _MONTH,
            "programme": _enum(Programme),
            "payer": _STRING,
            "headcount": _COUNT,
            "per_officer": _MONEY,
            "amount": _MONEY,
        },
        description="One cohort, one month, one programme: per-officer amount × headcount.",
    ),
}

_COHORT_SUMMARY: Final[dict[str, Schema]] = {
    "index": _COUNT,
    "label": _STRING,
    "roles": _STRING,
    "headcount": _nullable(_COUNT),
    "basis": _nullable(_MONEY),
    "computable": _BOOLEAN,
    "total": _MONEY,
    "monthly_total": _nullable(_MONEY),
}
_COUNTS: Final[Schema] = _map(_COUNT)

_ROOTS: Final[dict[type[Any], Schema]] = {
    Text: _ref("Text"),
    Citation: _ref("Citation"),
    RuleValue: _ref("RuleValue"),
    Receipt: _ref("Receipt"),
    Formula: _ref("Formula"),
    LineItem: _ref("LineItem"),
    Premium: _ref("Premium"),
    PremiumSchedule: _obj(
        {
            "kind": _const("premium_schedule"),
            "period": _ref("Period"),
            "months": _array(_ref("Premium")),
            "total": _MONEY,
            "receipt": _RECEIPT,
        }
    ),
    LateFine: _obj(
        {
            "kind": _const("late_fine"),
            "premium": _MONEY,
            "month": _MONTH,
            "due": _DATE,
            "paid_on": _DATE,
            "months_late": _COUNT,
            "lines": _LINES,
            "total": _MONEY,
            "receipt": _RECEIPT,
        }
    ),
    MonthPlan: _obj(
        {
            "kind": _const("month_plan"),
            "month": _MONTH,
            "scheme": _SCHEME_KIND,
            "programmes": _PROGRAMMES,
            "budget_source": _nullable(_enum(BudgetSource)),
            "parts": _array(
                _obj(
                    {
                        "programme": _enum(Programme),
                        "rate": _nullable(_DECIMAL),
                        "ratio": _nullable(_array(_INTEGER, minItems=2, maxItems=2)),
                        "flat": _nullable(_MONEY),
                        "parameters": _array(_STRING),
                    }
                )
            ),
            "relief": _nullable(_obj({"name": _STRING, "rate": _DECIMAL})),
            "rounding": _enum(RoundingRule),
            "lowest_basis": _nullable(_MONEY),
            "due": _DATE,
            "notes": _TEXTS,
            "receipt": _RECEIPT,
        }
    ),
    PremiumArrays: _obj(
        {
            "kind": _const("premium_arrays"),
            "month": _MONTH,
            "headcount": _COUNT,
            "jkk": _array(_MONEY),
            "jkm": _array(_MONEY),
            "total": _array(_MONEY),
            "jkk_total": _MONEY,
            "jkm_total": _MONEY,
            "notes": _TEXTS,
            "receipt": _RECEIPT,
        }
    ),
    RosterBudget: _obj(
        {
            "kind": _const("roster_budget"),
            "month": _MONTH,
            "rows": _array(
                _obj({"label": _STRING, "headcount": _COUNT, "jkk": _MONEY, "jkm": _MONEY, "total": _MONEY})
            ),
            "headcount": _COUNT,
            "jkk": _MONEY,
            "jkm": _MONEY,
            "total": _MONEY,
            "notes": _TEXTS,
            "receipt": _RECEIPT,
        }
    ),
    DeathExposure: _obj(
        {
            "kind": _const("death_exposure"),
            "on": _DATE,
            "headcount": _COUNT,
            "jkk": _array(_MONEY),
            "jkm": _MONEY,
            "jkk_total": _MONEY,
            "jkm_total": _MONEY,
            "receipt": _RECEIPT,
        }
    ),
    CohortBudget: _obj(
        {
            "kind": _const("cohort_budget"),
            **_COHORT_SUMMARY,
            "rows": _array(_ref("BudgetRow")),
            "notes": _TEXTS,
            "receipt": _RECEIPT,
        }
    ),
    AgreementBudget: _obj(
        {
            "kind": _const("agreement_budget"),
            "agreement": _STRING,
            "title": _STRING,
            "total": _MONEY,
            "by_month": _map(_MONEY, {"pattern": _MONTH_PATTERN}),
            "by_role": _map(_MONEY),
            "by_programme": _map(_MONEY, _enum(Programme)),
            "by_payer": _map(_MONEY),
            "cohorts": _array(_obj({**_COHORT_SUMMARY, "notes": _TEXTS})),
            "rows": _array(_ref("BudgetRow")),
            "assumptions": _TEXTS,
            "receipt": _RECEIPT,
        }
    ),
    BenefitAssessment: _obj(
        {
            "kind": {"type": "string", "enum": list(BENEFIT_KINDS)},
            "title": _TEXT,
            "on": _DATE,
            "lines": _LINES,
            "total": _MONEY,
            "notes": _TEXTS,
            "receipt": _RECEIPT,
        }
    ),
    ClaimDeadline: _obj(
        {
            "kind": _const("jkk_claim_deadline"),
            "accident": _DATE,
            "deadline": _DATE,
            "years": _COUNT,
            "lines": _LINES,
            "receipt": _RECEIPT,
        }
    ),
    CoverageDecision: _obj(
        {
            "kind": _const("coverage_decision"),
            "officer": {"type": "string", "description": "the officer's NIK, masked"},
            "on": _DATE,
            "agreement": _nullable(_STRING),
            "incident": _nullable(_ref("Incident")),
            "decisions": _array(_ref("ProgrammeDecision")),
            "other_readings": _array(
                _obj(
                    {
                        "reading": _obj(
                            {"value": _ref("Period"), "source": _STRING, "why": _TEXT, "url": _STRING}, optional=["url"]
                        ),
                        "decisions": _array(_ref("ProgrammeDecision")),
                    }
                )
            ),
            "receipt": _RECEIPT,
        }
    ),
    Comparison: _obj(
        {
            "kind": _const("comparison"),
            "changes": _array(
                _obj(
                    {
                        "key": _STRING,
                        "label": _TEXT,
                        "before": _nullable(_SIGNED_MONEY),
                        "after": _nullable(_SIGNED_MONEY),
                        "difference": _nullable(_SIGNED_MONEY),
                    }
                )
            ),
            "total_before": _SIGNED_MONEY,
            "total_after": _SIGNED_MONEY,
            "difference": _SIGNED_MONEY,
            "receipt_before": _RECEIPT,
            "receipt_after": _RECEIPT,
        }
    ),
    NationalCounts: _obj(
        {
            "kind": _const("national_counts"),
            "election": _STRING,
            "on": _DATE,
            "roles": _array(
                _obj(
                    {
                        "role": _enum(Role),
                        "count": _nullable(_COUNT),
                        "positions": _map(_COUNT, _enum(Position)),
                        "confidence": _nullable(_enum(Confidence)),
                        "derived": _BOOLEAN,
                        "units": _nullable(_obj({"level": _enum(Level), "count": _COUNT})),
                        "members": _nullable(_COUNT),
                        "reported": _nullable(_COUNT),
                        "reported_note": _nullable(_STRING),
                        "sources": _array(_STRING),
                        "note": _nullable(_TEXT),
                    }
                )
            ),
            "total": _COUNT,
            "unknown": _array(_enum(Role)),
            "receipt": _RECEIPT,
        }
    ),
    NationalPicture: _obj(
        {
            "kind": _const("national_picture"),
            "election": _STRING,
            "months": _array(_MONTH),
            "on": _DATE,
            "rows": _array(
                _obj(
                    {
                        "role": _enum(Role),
                        "count": _nullable(_COUNT),
                        "confidence": _nullable(_enum(Confidence)),
                        "pu_premium": _nullable(_MONEY),
                        "bpu_premium": _nullable(_MONEY),
                        "jkk_death_pu": _nullable(_MONEY),
                        "jkk_death_bpu": _nullable(_MONEY),
                        "jkm_death": _nullable(_MONEY),
                        "note": _nullable(_TEXT),
                    }
                )
            ),
            "headcount": _COUNT,
            "pu_premium": _MONEY,
            "bpu_premium": _MONEY,
            "jkk_death_pu": _MONEY,
            "jkk_death_bpu": _MONEY,
            "jkm_death": _MONEY,
            "unknown": _array(_enum(Role)),
            "receipt": _RECEIPT,
        }
    ),
    RosterCoverage: _obj(
        {
            "kind": _const("roster_coverage"),
            "on": _DATE,
            "incident": _nullable(_ref("Incident")),
            "agreements": _array(_nullable(_STRING)),
            "officers": _COUNT,
            "counts": _obj(
                {
                    scope.value: _obj(
                        {
                            "status": _map(_COUNT, _enum(RosterStatus)),
                            "reason": _COUNTS,
                            "role": _map(_map(_COUNT, _enum(RosterStatus)), _enum(Role)),
                        }
                    )
                    for scope in Scope
                }
            ),
            "errors": _array(_STRING),
            "receipt": _RECEIPT,
        }
    ),
    RosterCosts: _obj(
        {
            "kind": _const("roster_costs"),
            "months": _array(_MONTH),
            "on": _nullable(_DATE),
            "agreements": _array(_STRING),
            "officers": _COUNT,
            "total": _MONEY,
            "rows": _array(
                _obj(
                    {
                        "month": _MONTH,
                        "role": _STRING,
                        "agreement": _STRING,
                        "payer": _STRING,
                        "scheme": _SCHEME_KIND,
                        "headcount": _COUNT,
                        "jkk": _MONEY,
                        "jkm": _MONEY,
                        "total": _MONEY,
                    }
                )
            ),
            "exposure": _array(
                _obj(
                    {
                        "role": _STRING,
                        "agreement": _STRING,
                        "scheme": _SCHEME_KIND,
                        "headcount": _COUNT,
                        "jkk_death": _MONEY,
                        "jkm_death": _MONEY,
                    }
                )
            ),
            "assumptions": _TEXTS,
            "errors": _array(_STRING),
            "receipt": _RECEIPT,
        }
    ),
    Reform: {
        **_obj(
            {
                "label": _STRING,
                "overrides": _map(_ANY_RULE_VALUE),
                "readings": _map({"type": "integer", "minimum": 0, "maximum": 99}),
            },
            optional=["overrides", "readings"],
            description="A what-if change to the rule book: new values and/or other readings, by parameter name.",
        ),
        "anyOf": [{"required": ["overrides"]}, {"required": ["readings"]}],
    },
}

SCHEMA_NAMES: Final[dict[str, type[Any]]] = {
    "agreement": Agreement,
    "officer": Officer,
    "reform": Reform,
    "premium": Premium,
    "premium-schedule": PremiumSchedule,
    "late-fine": LateFine,
    "month-plan": MonthPlan,
    "premium-arrays": PremiumArrays,
    "roster-budget": RosterBudget,
    "death-exposure": DeathExposure,
    "cohort-budget": CohortBudget,
    "budget": AgreementBudget,
    "benefit": BenefitAssessment,
    "claim-deadline": ClaimDeadline,
    "coverage": CoverageDecision,
    "comparison": Comparison,
    "national-counts": NationalCounts,
    "national-picture": NationalPicture,
    "roster-coverage": RosterCoverage,
    "roster-costs": RosterCosts,
    "receipt": Receipt,
    "line-item": LineItem,
    "formula": Formula,
    "citation": Citation,
    "rule-value": RuleValue,
    "text": Text,
}
"""``jamsos-pemilu schema NAME``: every class with a JSON form, inputs first, then results and their parts."""


def _refs(schema: object) -> Iterable[str]:
    if isinstance(schema, dict):
        target = schema.get("$ref")
        if isinstance(target, str):
            yield target.rsplit("/", 1)[-1]
        for value in schema.values():
            yield from _refs(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from _refs(value)


def _reachable(root: Schema) -> dict[str, Schema]:
    """The shared definitions ``root`` refers to, directly or through one another."""
    found: dict[str, Schema] = {}
    waiting = list(_refs(root))
    while waiting:
        name = waiting.pop()
        if name not in found:
            found[name] = _DEFS[name]
            waiting.extend(_refs(_DEFS[name]))
    return dict(sorted(found.items()))


def _document(cls: type[Any], root: Schema, defs: Mapping[str, Schema]) -> Schema:
    description = root.get("description") or _summary(cls)
    body = {key: value for key, value in root.items() if key != "description"}
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "$id": f"urn:jamsos-pemilu:schema:{cls.__name__}",
        "title": cls.__name__,
        "description": description,
        **body,
        "$defs": dict(defs),
    }


def json_schema(cls: type[Any]) -> Schema:
    """A JSON Schema (draft 2020-12) for the JSON form of a model or a result.

    For the input models (``Agreement``, ``Officer`` and the models in them) the
    schema is derived from the attrs fields and their types, so it follows the
    code: nested models go to ``$defs``, optional fields accept ``null``, fields
    with defaults are not required, unknown keys are refused. Checks that need
    several fields (a headcount against a total, a period against a term) stay
    in the library.

    For a :class:`~jamsos_pemilu.law.Reform` and for every result (see
    :data:`SCHEMA_NAMES`) the schema is exactly what its ``to_dict()`` writes:
    the keys it always writes required, no other key allowed, ``kind`` fixed.

    Args:
        cls: the class.

    Returns:
        The schema as a dict, ready for ``json.dumps``.

    Raises:
        TypeError: a class with no JSON form.

    >>> schema = json_schema(Agreement)
    >>> schema["$schema"]
    'https://json-schema.org/draft/2020-12/schema'
    >>> schema["$defs"]["Cohort"]["properties"]["headcount"]
    {'anyOf': [{'type': 'integer'}, {'type': 'null'}]}
    >>> premium = json_schema(Premium)
    >>> premium["properties"]["kind"], premium["properties"]["total"]["type"], premium["additionalProperties"]
    ({'const': 'premium'}, 'integer', False)
    >>> sorted(premium["$defs"])
    ['Citation', 'Formula', 'LineItem', 'Receipt', 'RuleAlternative', 'RuleValue', 'ScheduleTier', 'Text']

    """
    root = _ROOTS.get(cls)
    if root is not None:
        if "$ref" in root:  # a shared definition: the document is that definition, its parts in $defs
            name = root["$ref"].rsplit("/", 1)[-1]
            return _document(cls, _DEFS[name], _reachable(_DEFS[name]))
        return _document(cls, root, _reachable(root))
    if not (isinstance(cls, type) and attrs.has(cls)) or issubclass(cls, tuple(_ROOTS)):
        raise TypeError(f"no JSON Schema for {cls!r}; the classes with one are: {', '.join(_names())}")
    defs: dict[str, Schema] = {}
    derived = _class_schema(cls, defs)
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "$id": f"urn:jamsos-pemilu:schema:{cls.__name__}",
        "title": cls.__name__,
        **derived,
        "$defs": dict(sorted(defs.items())),
    }


def _names() -> list[str]:
    return [cls.__name__ for cls in SCHEMA_NAMES.values()]


AGREEMENT_FILE: Final = "agreement-file"
"""The schema name of a file of agreements (``jamsos-pemilu schema agreement-file``)."""


def agreement_file_schema() -> Schema:
    """The JSON Schema of a file of agreements, as :func:`~jamsos_pemilu.serialization.load_agreements` reads it.

    The file is ``{"agreements": [...]}`` (and an optional ``"$comment"``); each
    entry has the :class:`~jamsos_pemilu.agreements.Agreement` schema. Repeated ids
    are refused by the loader, not by the schema.

    >>> agreement_file_schema()["properties"]["agreements"]
    {'type': 'array', 'items': {'$ref': '#/$defs/Agreement'}}
    """
    agreement = json_schema(Agreement)
    defs = agreement.pop("$defs")
    for key in ("$schema", "$id"):
        agreement.pop(key)
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "$id": "urn:jamsos-pemilu:schema:AgreementFile",
        "title": "AgreementFile",
        "description": "A file of agreements: {\"agreements\": [...]}.",
        **_obj({"$comment": _STRING, "agreements": _array(_ref("Agreement"))}, optional=["$comment"]),
        "$defs": dict(sorted({**defs, "Agreement": agreement}.items())),
    }


def schema_names() -> tuple[str, ...]:
    """Every name :func:`schema_for` accepts: :data:`SCHEMA_NAMES` and :data:`AGREEMENT_FILE`."""
    names = list(SCHEMA_NAMES)
    names.insert(names.index("agreement") + 1, AGREEMENT_FILE)
    return tuple(names)


def schema_for(name: str) -> Schema:
    """The schema called ``name`` (``"premium"``, ``"agreement-file"``...; ``_`` may stand for ``-``).

    Raises:
        UnknownCodeError: naming the schemas there are.

    >>> schema_for("claim_deadline")["title"]
    'ClaimDeadline'
    """
    chosen = name.strip().lower().replace("_", "-") if isinstance(name, str) else name
    if chosen == AGREEMENT_FILE:
        return agreement_file_schema()
    if not isinstance(chosen, str) or chosen not in SCHEMA_NAMES:
        raise UnknownCodeError("schema", name, schema_names())
    return json_schema(SCHEMA_NAMES[chosen])


def write_json_schemas(directory: str | Path) -> tuple[Path, ...]:
    """Write ``TITLE.schema.json`` for every schema of :func:`schema_names` into ``directory``.

    Args:
        directory: an existing or new folder.

    Returns:
        The files written (``Agreement.schema.json``, ``AgreementFile.schema.json``, ``Premium.schema.json``...).

    """
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name in schema_names():
        schema = schema_for(name)
        target = folder / f"{schema['title']}.schema.json"
        target.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(target)
    return tuple(written)


# --- schemas derived from attrs models --------------------------------------------------


def _summary(cls: type[Any]) -> str:
    doc = (cls.__doc__ or "").strip()
    return doc.splitlines()[0] if doc else cls.__name__


def _is_collection(kind: object) -> bool:
    origin = get_origin(kind)
    return origin in (tuple, frozenset) and (
        origin is frozenset or (len(get_args(kind)) == 2 and get_args(kind)[1] is Ellipsis)
    )


def _class_schema(kind: Any, defs: dict[str, Schema]) -> Schema:
    cls = get_origin(kind) or kind  # a generic model (Alternative[Period]) binds its type variables
    binding = dict(zip(getattr(cls, "__parameters__", ()), get_args(kind), strict=False))
    hints = typing.get_type_hints(cls)
    properties: dict[str, Schema] = {}
    required: list[str] = []
    if cls in _SCHEME_TAGS:
        properties["kind"] = {"const": _SCHEME_TAGS[cls]}
    for field in attrs.fields(cls):
        hint = hints[field.name]
        properties[field.name] = _type_schema(binding.get(hint, hint), defs)
        if field.default is attrs.NOTHING:
            required.append(field.name)
    schema: Schema = {
        "description": _summary(cls),
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }
    if required:
        schema["required"] = required
    return schema


def _def_ref(cls: Any, defs: dict[str, Schema]) -> Schema:
    name = (get_origin(cls) or cls).__name__ + "".join(arg.__name__ for arg in get_args(cls))
    if name not in defs:
        defs[name] = {}  # placeholder against recursion
        defs[name] = _class_schema(cls, defs)
    return {"$ref": f"#/$defs/{name}"}


def _type_schema(kind: Any, defs: dict[str, Schema]) -> Schema:
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
        return _enum(kind)
    if attrs.has(get_origin(kind) or kind):
        return _def_ref(kind, defs)
    raise TypeError(f"no JSON Schema for type {kind!r}")


_LEAF_SCHEMAS: Final[dict[Any, Schema]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    bool: {"type": "boolean"},
    dt.date: {"type": "string", "format": "date", "pattern": _ISO_DATE},
    Rupiah: {"type": "integer", "description": "whole rupiah"},
    Decimal: {"type": "string", "pattern": _DECIMAL_PATTERN},
    RegionCode: {"type": "string", "pattern": _REGION, "description": "Kemendagri region code"},
    NIK: {"type": "string", "pattern": r"^\d{16}$", "description": "NIK, 16 digits"},
}


# --- loading results back ----------------------------------------------------------------


@attrs.frozen
class ResultRecord(Generic[T]):
    """A result loaded back from its JSON: the plain data, checked against the result's schema.

    It equals what the original result's ``to_dict()`` gave (``record.to_dict()
    == result.to_dict()``), and reads like it (``record["total"]``). It is not the
    result object itself: the JSON keeps rendered formulas and citation labels,
    not the objects behind them.

    Attributes:
        model: the result class the data is of (``Premium``, ``Receipt``...).
        data: the plain data (JSON types only).

    """

    model: type[T]
    data: Mapping[str, Any] = attrs.field(repr=False)

    @property
    def kind(self) -> str | None:
        """The result's ``kind`` (``None`` for parts without one, such as a receipt)."""
        kind = self.data.get("kind")
        return kind if isinstance(kind, str) else None

    def __getitem__(self, key: str) -> Any:
        return self.data[key]

    def to_dict(self) -> dict[str, Any]:
        """The plain data (a copy)."""
        return copy.deepcopy(dict(self.data))

    def to_json(self) -> str:
        """The JSON text, as the original result's ``to_json()`` wrote it."""
        return json.dumps(self.data, ensure_ascii=False, indent=2)


def result_from_dict(cls: type[T], data: object) -> ResultRecord[T]:
    """Load a result's plain data back, checked exactly against :func:`json_schema` of ``cls``.

    Args:
        cls: the result class (any in :data:`SCHEMA_NAMES` but ``Agreement``,
            ``Officer`` and ``Reform``, which :func:`~jamsos_pemilu.serialization.from_dict`
            and :meth:`~jamsos_pemilu.law.Reform.from_dict` build as objects).
        data: what the result's ``to_dict()`` gave.

    Raises:
        DeserializationError: naming the path of the first field that does not fit the schema.
        TypeError: a class that is not a result.

    """
    root = _ROOTS.get(cls)
    if root is None or cls is Reform:
        raise TypeError(f"{cls!r} is not a result; use jamsos_pemilu.serialization.from_dict for models")
    schema = _DEFS[root["$ref"].rsplit("/", 1)[-1]] if "$ref" in root else root
    model = cls.__name__
    problem = depth_problem(data)
    if problem is not None:
        raise DeserializationError(model, "", problem)
    _check(data, schema, "", model)
    assert isinstance(data, Mapping)  # the schema's root is an object
    return ResultRecord(cls, copy.deepcopy(dict(data)))


def result_from_json(cls: type[T], text: str | bytes) -> ResultRecord[T]:
    """Load a result's JSON text back (within the limits of :func:`~jamsos_pemilu.serialization.from_json`).

    Raises:
        DeserializationError: the text is not JSON, breaks a limit, or does not fit the schema.
        TypeError: a class that is not a result.

    """
    if _ROOTS.get(cls) is None or cls is Reform:
        raise TypeError(f"{cls!r} is not a result; use jamsos_pemilu.serialization.from_json for models")
    return result_from_dict(cls, read_json_text(text, cls.__name__))


# --- checking plain data against the schemas above (the subset they use) ----------------

_TYPES: Final[dict[str, tuple[type[Any], ...]]] = {
    "string": (str,),
    "integer": (int,),
    "boolean": (bool,),
    "array": (list, tuple),
    "object": (dict,),
    "null": (type(None),),
}


def _kind(value: object) -> str:
    return type(value).__name__


def _step(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def _problem(value: object, schema: Schema, path: str) -> tuple[str, str] | None:
    """The first place where ``value`` does not fit ``schema`` and why, or ``None``."""
    if "$ref" in schema:
        return _problem(value, _DEFS[schema["$ref"].rsplit("/", 1)[-1]], path)
    if "anyOf" in schema:
        found = [_problem(value, option, path) for option in schema["anyOf"]]
        if all(found):  # no option fits: report the problem found deepest (a nullable's inner problem)
            return max((f for f in found if f is not None), key=lambda f: len(f[0]))
    if "allOf" in schema:
        for part in schema["allOf"]:
            if "if" in part:
                if _problem(value, part["if"], path) is None:
                    found_then = _problem(value, part["then"], path)
                    if found_then is not None:
                        return found_then
            else:
                found_part = _problem(value, part, path)
                if found_part is not None:
                    return found_part
    if "const" in schema and value != schema["const"]:
        return path, f"expected {schema['const']!r}, got {short_repr(value)}"
    kind = schema.get("type")
    if kind is not None:
        accepted = _TYPES[kind]
        if not isinstance(value, accepted) or (kind == "integer" and isinstance(value, bool)):
            word = {"integer": "a whole number", "string": "text", "boolean": "true or false",
                    "array": "a list", "object": "an object", "null": "null"}[kind]
            return path, f"expected {word}, got {_kind(value)}"
    if "enum" in schema and value not in schema["enum"]:
        return path, f"unknown value {short_repr(value)}; accepted values: {', '.join(map(str, schema['enum']))}"
    if isinstance(value, int) and not isinstance(value, bool):
        if abs(value) >= 10**MAX_INTEGER_DIGITS:
            return path, f"the number is too large (at most {MAX_INTEGER_DIGITS} digits)"
        if "minimum" in schema and value < schema["minimum"]:
            return path, f"expected at least {schema['minimum']}, got {value}"
        if "maximum" in schema and value > schema["maximum"]:
            return path, f"expected at most {schema['maximum']}, got {value}"
    if isinstance(value, str):
        if "pattern" in schema and not re.search(schema["pattern"], value):
            return path, f"{short_repr(value)} does not have the form {schema['pattern']}"
        if schema.get("format") == "date":
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                return path, f"{short_repr(value)} is not a calendar date"
    if isinstance(value, list | tuple):
        return _array_problem(value, schema, path)
    if isinstance(value, dict):
        return _object_problem(value, schema, path)
    return None


def _array_problem(value: list[Any] | tuple[Any, ...], schema: Schema, path: str) -> tuple[str, str] | None:
    if "minItems" in schema and len(value) < schema["minItems"]:
        return path, f"expected at least {schema['minItems']} items, got {len(value)}"
    if "maxItems" in schema and len(value) > schema["maxItems"]:
        return path, f"expected at most {schema['maxItems']} items, got {len(value)}"
    if schema.get("uniqueItems"):
        seen: list[object] = []
        for index, item in enumerate(value):
            if item in seen:
                return _step(path, index), "this value is listed twice"
            seen.append(item)
    if "items" in schema:
        for index, item in enumerate(value):
            found = _problem(item, schema["items"], _step(path, index))
            if found is not None:
                return found
    return None


def _object_problem(value: dict[Any, Any], schema: Schema, path: str) -> tuple[str, str] | None:
    properties: dict[str, Schema] = schema.get("properties", {})
    for key, fixed in properties.items():  # a fixed "kind" first: a result of another kind is told so
        if "const" in fixed and key in value and value[key] != fixed["const"]:
            return _step(path, key), f"expected {fixed['const']!r}, got {short_repr(value[key])}"
    for key in schema.get("required", []):
        if key not in value:
            return _step(path, key), "required field missing"
    for key, needs in schema.get("dependentRequired", {}).items():
        if key in value:
            for other in needs:
                if other not in value:
                    return _step(path, other), f"required together with {key!r}"
    extra = schema.get("additionalProperties", True)
    names = schema.get("propertyNames")
    for key, item in value.items():
        where = _step(path, str(key))
        if not isinstance(key, str):
            return where, f"expected text keys, got {_kind(key)}"
        if names is not None:
            found_name = _problem(key, names, where)
            if found_name is not None:
                return where, f"unknown key: {found_name[1]}"
        if key in properties:
            found = _problem(item, properties[key], where)
        elif extra is False:
            return where, f"unknown field; expected {', '.join(properties)}"
        elif isinstance(extra, dict):
            found = _problem(item, extra, where)
        else:
            found = None
        if found is not None:
            return found
    return None




def _check(data: object, schema: Schema, path: str, model: str) -> None:
    found = _problem(data, schema, path)
    if found is not None:
        raise DeserializationError(model, found[0], found[1])
