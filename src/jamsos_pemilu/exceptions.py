"""Kesalahan (errors): the library's own exception hierarchy.

Every error the library raises on purpose derives from :class:`JamsosError`.
Errors about bad input also derive from the built-in they resemble
(:class:`ValueError`, :class:`TypeError`, :class:`LookupError`), so callers
that already catch those keep working. Each error carries the fields it talks
about as attributes, and its message says what was wrong, what was expected
and where (field, row, file, parameter, date).

Identity numbers (NIK) never appear whole in a message: use
:func:`jamsos_pemilu.officers.mask_nik` before putting one in an error.

>>> from jamsos_pemilu import Rupiah
>>> try:
...     Rupiah(1.5)  # type: ignore[arg-type]
... except TypeError as error:
...     print(error)
Rupiah amounts must be whole rupiah given as int or Decimal, not float (1.5); floats cannot hold money exactly
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

__all__ = [
    "AgreementError",
    "CalculationError",
    "DeserializationError",
    "FloatMoneyError",
    "InputError",
    "InvalidNIKError",
    "InvalidPeriodError",
    "InvalidRegionCodeError",
    "JamsosError",
    "RosterError",
    "RuleDataError",
    "RuleNotInForceError",
    "RuleTypeError",
    "UnknownCodeError",
    "UnknownParameterError",
]


class JamsosError(Exception):
    """Root of every error raised by jamsos_pemilu."""


class InputError(JamsosError, ValueError):
    """A value given to the library is not acceptable."""


class FloatMoneyError(JamsosError, TypeError):
    """A float (or another non-exact type) was given where money was expected."""

    def __init__(self, value: object, *, where: str = "Rupiah amounts") -> None:
        self.value = value
        self.where = where
        kind = type(value).__name__
        message = (
            f"{where} must be whole rupiah given as int or Decimal, not {kind} ({value!r})"
            + ("; floats cannot hold money exactly" if isinstance(value, float) else "")
        )
        super().__init__(message)


class InvalidPeriodError(InputError):
    """A date range or month is malformed (for example its end precedes its start)."""


class UnknownCodeError(InputError, LookupError):
    """Text could not be parsed into one of a fixed set of codes (role, position, ...)."""

    def __init__(self, kind: str, text: object, accepted: Sequence[str]) -> None:
        self.kind = kind
        self.text = text
        self.accepted = tuple(accepted)
        message = f"unknown {kind} {text!r}; accepted values: {', '.join(self.accepted)}"
        super().__init__(message)


class InvalidNIKError(InputError):
    """A NIK (Nomor Induk Kependudukan) is malformed. The message shows it masked."""

    def __init__(self, masked: str, reason: str) -> None:
        self.masked = masked
        self.reason = reason
        super().__init__(f"invalid NIK {masked}: {reason}")


class InvalidRegionCodeError(InputError):
    """A Kemendagri region code is malformed."""

    def __init__(self, code: object, reason: str) -> None:
        self.code = code
        self.reason = reason
        super().__init__(f"invalid region code {code!r}: {reason}")


class AgreementError(InputError):
    """An agreement (PKS/MoU) is impossible as described."""

    def __init__(self, agreement: str, problems: Sequence[str]) -> None:
        self.agreement = agreement
        self.problems = tuple(problems)
        joined = "; ".join(self.problems)
        super().__init__(f"agreement {agreement!r} is not valid: {joined}")


class DeserializationError(InputError):
    """Structured data (a dict or JSON) could not be turned into a model.

    ``path`` names the field that was wrong, for example ``cohorts[2].headcount``.
    """

    def __init__(self, model: str, path: str, reason: str) -> None:
        self.model = model
        self.path = path
        self.reason = reason
        location = path or "<root>"
        super().__init__(f"cannot load {model}: at {location}: {reason}")


class RosterError(InputError):
    """A roster row is invalid. ``line`` is 1-based and counts the header line."""

    def __init__(self, source: str, line: int, column: str, reason: str) -> None:
        self.source = source
        self.line = line
        self.column = column
        self.reason = reason
        super().__init__(f"{source}, line {line}, column {column!r}: {reason}")


class CalculationError(InputError):
    """A calculation was asked for something the rules cannot answer (bad wage, dates...)."""


class RuleDataError(JamsosError, ValueError):
    """A rule-book data file is malformed. The message names the file and the key."""

    def __init__(self, file: str, key: str, reason: str) -> None:
        self.file = file
        self.key = key
        self.reason = reason
        super().__init__(f"{file}: {key}: {reason}")


class UnknownParameterError(JamsosError, LookupError):
    """No parameter of that name exists in the rule book."""

    def __init__(self, name: str, suggestions: Sequence[str] = ()) -> None:
        self.name = name
        self.suggestions = tuple(suggestions)
        hint = f"; did you mean {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"no rule-book parameter named {name!r}{hint}")


class RuleNotInForceError(JamsosError, LookupError):
    """A parameter has no value in force on the date asked about."""

    def __init__(self, name: str, on: dt.date, reason: str) -> None:
        self.name = name
        self.on = on
        self.reason = reason
        super().__init__(f"parameter {name!r} has no value in force on {on.isoformat()}: {reason}")


class RuleTypeError(JamsosError, TypeError):
    """A parameter was read as the wrong kind of value (a rate read as rupiah, ...)."""

    def __init__(self, name: str, unit: str, wanted: str) -> None:
        self.name = name
        self.unit = unit
        self.wanted = wanted
        super().__init__(f"parameter {name!r} holds a {unit} value, not a {wanted}")
