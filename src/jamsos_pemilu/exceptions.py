"""Kesalahan (errors): the library's own exception hierarchy.

Every error the library raises on purpose derives from :class:`JamsosError`.
Errors about bad input also derive from the built-in they resemble
(:class:`ValueError`, :class:`TypeError`, :class:`LookupError`), so callers
that already catch those keep working. Each error carries the fields it talks
about as attributes, and its message says what was wrong, what was expected
and where (field, row, file, parameter, date).

Identity numbers (NIK) never appear whole in a message. Code that knows it
holds a NIK masks it with :func:`jamsos_pemilu.officers.mask_nik`; and as a
last line of defence :class:`JamsosError` itself passes every message through
:func:`jamsos_pemilu.officers.redact_niks`, which masks any run of 16 digits
that is or looks like a NIK, whatever field it came from. So no subclass, and
no caller quoting a bad value, can print one whole:

>>> print(InputError("role '3602041211870001' is not a role"))
role '360204******0001' is not a role

Money has one rule, and every error about a value that is not money says it
(:data:`MONEY_RULE`):

>>> from jamsos_pemilu import Rupiah
>>> try:
...     Rupiah(1.5)  # type: ignore[arg-type]
... except TypeError as error:
...     print(error)
Rupiah(): expected whole rupiah, got float 1.5; money is a Rupiah built from whole rupiah as an int (or an
integral Decimal), e.g. Rupiah(2500000) or Rupiah.parse("2.500.000"); floats cannot hold money exactly
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Final

from typing_extensions import override

from jamsos_pemilu._privacy import redact_niks

__all__ = [
    "MONEY_RULE",
    "AgreementError",
    "CalculationError",
    "DeserializationError",
    "FloatMoneyError",
    "InputError",
    "InvalidNIKError",
    "InvalidPeriodError",
    "InvalidRegionCodeError",
    "JamsosError",
    "MoneyError",
    "RosterError",
    "RuleDataError",
    "RuleNotInForceError",
    "RuleTypeError",
    "UnknownCodeError",
    "UnknownParameterError",
]


MONEY_RULE: Final = (
    "money is a Rupiah built from whole rupiah as an int (or an integral Decimal), "
    'e.g. Rupiah(2500000) or Rupiah.parse("2.500.000"); floats cannot hold money exactly'
)
"""The one rule every error about a value that is not money ends with."""


def _redacted(value: object) -> object:
    return redact_niks(value) if isinstance(value, str) else value


class JamsosError(Exception):
    """Root of every error raised by jamsos_pemilu.

    Its message (``str``), its ``repr``, its ``args`` and its text attributes
    never hold a NIK whole: text arguments and attributes are passed through
    :func:`~jamsos_pemilu.officers.redact_niks` when they are set, and the
    message once more when it is shown.
    """

    def __init__(self, *args: object) -> None:
        super().__init__(*(_redacted(arg) for arg in args))

    @override
    def __setattr__(self, name: str, value: object) -> None:
        # Every text field a subclass keeps (reason, path, column...) is masked too.
        super().__setattr__(name, _redacted(value))

    @override
    def __str__(self) -> str:
        return redact_niks(super().__str__())

    @override
    def __repr__(self) -> str:
        return redact_niks(super().__repr__())


class InputError(JamsosError, ValueError):
    """A value given to the library is not acceptable."""


class FloatMoneyError(InputError, TypeError):
    """A value that is not money was given where money was expected.

    A float, a bool, a string, or a plain ``int`` where a
    :class:`~jamsos_pemilu.money.Rupiah` is needed: the message names the
    place, the value and :data:`MONEY_RULE`.

    Args:
        value: what was given.
        where: the place that wanted money (``"wage"``, ``"an operand of Rupiah arithmetic"``).
        expected: what it wanted (``"a Rupiah"``, ``"whole rupiah"``).

    """

    def __init__(self, value: object, *, where: str = "a Rupiah amount", expected: str = "a Rupiah") -> None:
        self.value = value
        self.where = redact_niks(where)
        self.expected = expected
        shown = short_repr(value)
        super().__init__(f"{where}: expected {expected}, got {type(value).__name__} {shown}; {MONEY_RULE}")


def short_repr(value: object, limit: int = 40) -> str:
    """``repr(value)``, NIKs masked, cut to ``limit`` characters (a 4.000-digit number is not quoted whole).

    Masking comes first, so a cut never leaves most of a NIK showing.
    """
    try:
        text = redact_niks(repr(value))
    except Exception:  # a hostile __repr__ must not hide the real error
        return f"<{type(value).__name__}>"
    return text if len(text) <= limit else f"{text[: limit - 12]}...({len(text)} chars)"


class MoneyError(InputError):
    """An amount of money is out of bounds, or its text is not whole rupiah.

    ``reason`` says what was read and what to write, without the field name,
    so a roster reader can put it under its own column.
    """

    def __init__(self, what: str, shown: str, reason: str) -> None:
        self.what = redact_niks(what)
        self.shown = redact_niks(shown)
        self.reason = redact_niks(reason)
        super().__init__(f"{what} {shown}: {reason}")

class InvalidPeriodError(InputError):
    """A date range or month is malformed (for example its end precedes its start)."""


class UnknownCodeError(InputError, LookupError):
    """Text could not be parsed into one of a fixed set of codes (role, position, ...)."""

    def __init__(self, kind: str, text: object, accepted: Sequence[str]) -> None:
        self.kind = kind
        self.text = _redacted(text)
        self.accepted = tuple(accepted)
        message = f"unknown {kind} {text!r}; accepted values: {', '.join(self.accepted)}"
        super().__init__(message)


class InvalidNIKError(InputError):
    """A NIK (Nomor Induk Kependudukan) is malformed. The message shows it masked."""

    def __init__(self, masked: str, reason: str) -> None:
        self.masked = redact_niks(masked)
        self.reason = redact_niks(reason)
        super().__init__(f"invalid NIK {masked}: {reason}")


class InvalidRegionCodeError(InputError):
    """A Kemendagri region code is malformed."""

    def __init__(self, code: object, reason: str) -> None:
        self.code = _redacted(code)
        self.reason = redact_niks(reason)
        super().__init__(f"invalid region code {code!r}: {reason}")


class AgreementError(InputError):
    """An agreement (PKS/MoU) is impossible as described."""

    def __init__(self, agreement: str, problems: Sequence[str]) -> None:
        self.agreement = redact_niks(agreement)
        self.problems = tuple(redact_niks(problem) for problem in problems)
        joined = "; ".join(self.problems)
        super().__init__(f"agreement {agreement!r} is not valid: {joined}")


class DeserializationError(InputError):
    """Structured data (a dict or JSON) could not be turned into a model.

    ``path`` names the field that was wrong, for example ``cohorts[2].headcount``.
    """

    def __init__(self, model: str, path: str, reason: str) -> None:
        self.model = model
        self.path = redact_niks(path)
        self.reason = redact_niks(reason)
        location = path or "<root>"
        super().__init__(f"cannot load {model}: at {location}: {reason}")


class RosterError(InputError):
    """A roster row is invalid. ``line`` is 1-based and counts the header line."""

    def __init__(self, source: str, line: int, column: str, reason: str) -> None:
        self.source = redact_niks(source)
        self.line = line
        self.column = redact_niks(column)
        self.reason = redact_niks(reason)
        super().__init__(f"{source}, line {line}, column {column!r}: {reason}")


class CalculationError(InputError):
    """A calculation was asked for something the rules cannot answer (bad wage, dates...)."""


class RuleDataError(JamsosError, ValueError):
    """A rule-book data file is malformed. The message names the file and the key."""

    def __init__(self, file: str, key: str, reason: str) -> None:
        self.file = redact_niks(file)
        self.key = redact_niks(key)
        self.reason = redact_niks(reason)
        super().__init__(f"{file}: {key}: {reason}")


class UnknownParameterError(JamsosError, LookupError):
    """No parameter of that name exists in the rule book."""

    def __init__(self, name: str, suggestions: Sequence[str] = ()) -> None:
        self.name = redact_niks(name)
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
