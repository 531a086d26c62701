"""Hukum (law): citations and the effective-dated rule book."""

from jamsos_pemilu.law.citations import Citation, Confidence, Source
from jamsos_pemilu.law.parameters import (
    Parameter,
    Reform,
    RuleBook,
    RuleSnapshot,
    RuleValue,
    ScheduleTier,
    Unit,
    default_rule_book,
    load_rule_book,
    rules_on,
    snapshot_for,
)

__all__ = [
    "Citation",
    "Confidence",
    "Parameter",
    "Reform",
    "RuleBook",
    "RuleSnapshot",
    "RuleValue",
    "ScheduleTier",
    "Source",
    "Unit",
    "default_rule_book",
    "load_rule_book",
    "rules_on",
    "snapshot_for",
]
