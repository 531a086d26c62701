"""Uang (money): the :class:`Rupiah` value type, its one text parser and the single rounding function.

Amounts are whole rupiah held as Python ``int``. One rule holds everywhere
(:data:`~jamsos_pemilu.exceptions.MONEY_RULE`): money is a :class:`Rupiah`
built from whole rupiah as an ``int`` (a NumPy integer counts) or an integral
:class:`~decimal.Decimal`; floats are refused with
:class:`~jamsos_pemilu.exceptions.FloatMoneyError` (a :class:`TypeError` and
an :class:`~jamsos_pemilu.exceptions.InputError`), and so is a plain ``int``
where a Rupiah is needed (``Rupiah(1) + 1``). Text is read by one strict
parser, :meth:`Rupiah.parse` (:func:`parse_rupiah`), used by the command line
and the roster reader alike.

**Bounds.** The largest amount is :data:`MAX_AMOUNT` rupiah (Rp10^15, one
quadrillion, far above any national budget), either sign; the smallest
positive amount is :data:`MIN_POSITIVE_AMOUNT` (Rp1: amounts are whole
rupiah). Anything outside, or a product of an amount and a rate outside, is a
:class:`~jamsos_pemilu.exceptions.MoneyError` (an ``InputError``) raised before
any arithmetic; no :mod:`decimal` signal ever escapes.

Rates are :class:`~decimal.Decimal` built from strings. Multiplying an amount
by a rate gives an exact :class:`~decimal.Decimal`; it becomes money again only
through :func:`round_rupiah`, whose rule (:class:`RoundingRule`) is the rule-book
parameter ``contribution.rounding``. The regulations read so far (PP 44/2015,
PP 82/2019, PP 49/2023, PP 50/2025) state no rounding rule; the shipped rule
book chooses half-up to the whole rupiah and marks that choice ``unconfirmed``.

>>> from decimal import Decimal
>>> wage = Rupiah.parse("2.500.000")
>>> exact = wage * Decimal("0.0054")
>>> exact
Decimal('13500.0000')
>>> round_rupiah(exact, RoundingRule.HALF_UP)
Rupiah(13500)
>>> Rupiah(20_000_000) + Rupiah(12_000_000) + Rupiah(10_000_000)
Rupiah(42000000)
"""

from __future__ import annotations

import decimal
import enum
import numbers
import operator
import re
from decimal import Decimal
from typing import Final, Self, final, overload

from typing_extensions import TypeIs, override

from jamsos_pemilu.exceptions import FloatMoneyError, InputError, MoneyError
from jamsos_pemilu.exceptions import short_repr as _shown

__all__ = [
    "MAX_AMOUNT",
    "MIN_POSITIVE_AMOUNT",
    "RoundingRule",
    "Rupiah",
    "parse_rupiah",
    "require_rupiah",
    "round_rupiah",
    "to_rate",
]

MAX_AMOUNT: Final = 10**15
"""The largest amount in rupiah, either sign (Rp10^15); larger amounts are refused."""

MIN_POSITIVE_AMOUNT: Final = 1
"""The smallest positive amount in rupiah (Rp1): amounts are whole rupiah, fractions are refused."""

_MAX_DECIMAL: Final = Decimal(MAX_AMOUNT)
_MAX_DIGITS: Final = len(str(MAX_AMOUNT))
_BOUND_TEXT: Final = "the largest amount is Rp10^15 (1.000.000.000.000.000), either sign"
# Exact arithmetic for amount × rate: enough precision for any bounded operands, every
# signal off (the operands are checked before, the result after).
_EXACT: Final = decimal.Context(prec=decimal.MAX_PREC, Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN, traps=[])


def _is_integer(value: object) -> TypeIs[int | numbers.Integral]:
    """True for ints and NumPy (or other registered) integers; False for bools."""
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def _bounded(value: int, what: str) -> int:
    if -MAX_AMOUNT <= value <= MAX_AMOUNT:
        return value
    raise MoneyError(what, _shown(value), f"out of bounds: {_BOUND_TEXT}")


def _whole(amount: object, what: str) -> int:
    """The whole rupiah in ``amount`` (int, NumPy integer or integral Decimal), bounded."""
    if type(amount) is int:
        return _bounded(amount, what)
    if _is_integer(amount):
        return _bounded(operator.index(amount), what)
    if isinstance(amount, Decimal):
        if not amount.is_finite():
            raise MoneyError(what, _shown(amount), "not a finite number")
        if amount.copy_abs() > _MAX_DECIMAL:
            raise MoneyError(what, _shown(amount), f"out of bounds: {_BOUND_TEXT}")
        if amount != amount.to_integral_value(context=_EXACT):
            raise MoneyError(
                what, _shown(amount), "has a fractional part: amounts are whole rupiah; round it with round_rupiah()"
            )
        return int(amount)
    raise FloatMoneyError(amount, where="Rupiah()", expected="whole rupiah")


@final
class Rupiah:
    """A whole-rupiah amount of money; immutable, hashable and exact.

    Args:
        amount: whole rupiah, as ``int`` (a NumPy integer counts) or an
            integral ``Decimal``, at most :data:`MAX_AMOUNT` either sign.

    Raises:
        FloatMoneyError: if ``amount`` is a float, a bool or another type.
        MoneyError: if ``amount`` has a fractional part, is not finite or is
            out of bounds.

    >>> Rupiah(1_100_000) * 48
    Rupiah(52800000)
    >>> Rupiah(5) > Rupiah(3)
    True
    >>> sum([Rupiah(1), Rupiah(2)], Rupiah.zero())
    Rupiah(3)

    """

    __slots__ = ("_amount",)
    _amount: int

    def __init__(self, amount: int | Decimal) -> None:
        object.__setattr__(self, "_amount", _whole(amount, "amount"))

    @classmethod
    def zero(cls) -> Rupiah:
        """Return Rp0."""
        return _ZERO

    @classmethod
    def parse(cls, text: str, *, what: str = "amount") -> Self:
        """Read whole rupiah from text, strictly; the library's only money parser.

        Accepted: digits (``2500000``), Indonesian grouping with dots
        (``2.500.000``), English grouping with commas when it cannot be a
        decimal comma (``2,500,000``: two or more groups), each optionally
        after ``Rp``/``IDR`` and before ``,-``. Refused, with what was read and
        what to write: a fraction (``2500000.50``), a decimal comma
        (``2,5``), mixed separators (``1.100,50``), a single comma group
        (``2,500``: 2500 or 2,5?), groups not of three digits, anything else.

        Args:
            text: the amount as typed.
            what: the name of the field, for the message (``"--wage"``, ``"wage"``).

        Returns:
            The amount.

        Raises:
            MoneyError: with ``reason`` saying what was read and what to write.
            FloatMoneyError: if ``text`` is not a string.

        >>> Rupiah.parse("Rp2.500.000,-"), Rupiah.parse("2,500,000"), Rupiah.parse("2500000")
        (Rupiah(2500000), Rupiah(2500000), Rupiah(2500000))
        >>> Rupiah.parse("2500000.50", what="wage")
        Traceback (most recent call last):
        ...
        jamsos_pemilu.exceptions.MoneyError: wage '2500000.50': reads as 2500000 rupiah and a fraction ('.50', ...

        """
        return cls(_parse_whole(text, what))

    @property
    def amount(self) -> int:
        """The amount as a plain ``int`` of rupiah."""
        return self._amount

    @override
    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Rupiah is immutable")

    @override
    def __repr__(self) -> str:
        return f"Rupiah({self._amount})"

    @override
    def __str__(self) -> str:
        from jamsos_pemilu.l10n import format_rupiah  # l10n imports money: a top-level import would be a cycle

        return format_rupiah(self)

    def __int__(self) -> int:
        return self._amount

    def __index__(self) -> int:
        return self._amount

    def __reduce__(self) -> tuple[type[Rupiah], tuple[int]]:
        return (Rupiah, (self._amount,))

    @override
    def __hash__(self) -> int:
        return hash(("Rupiah", self._amount))

    @override
    def __eq__(self, other: object) -> bool:
        if isinstance(other, Rupiah):
            return self._amount == other._amount
        return NotImplemented

    def __lt__(self, other: Rupiah) -> bool:
        return self._amount < _amount_of(other)

    def __le__(self, other: Rupiah) -> bool:
        return self._amount <= _amount_of(other)

    def __gt__(self, other: Rupiah) -> bool:
        return self._amount > _amount_of(other)

    def __ge__(self, other: Rupiah) -> bool:
        return self._amount >= _amount_of(other)

    def __bool__(self) -> bool:
        return self._amount != 0

    def __add__(self, other: Rupiah) -> Rupiah:
        return Rupiah(self._amount + _amount_of(other))

    def __radd__(self, other: Rupiah | int) -> Rupiah:
        # Lets ``sum()`` start from the int 0.
        if type(other) is int and other == 0:
            return self
        return Rupiah(_amount_of(other) + self._amount)

    def __sub__(self, other: Rupiah) -> Rupiah:
        return Rupiah(self._amount - _amount_of(other))

    def __neg__(self) -> Rupiah:
        return Rupiah(-self._amount)

    def __abs__(self) -> Rupiah:
        return Rupiah(abs(self._amount))

    @overload
    def __mul__(self, factor: int) -> Rupiah: ...

    @overload
    def __mul__(self, factor: Decimal) -> Decimal: ...

    def __mul__(self, factor: int | Decimal) -> Rupiah | Decimal:
        if isinstance(factor, Decimal):
            return self.scale(factor)
        if _is_integer(factor):
            return self.times(factor)
        raise FloatMoneyError(factor, where="a factor applied to Rupiah", expected="an int or a Decimal rate")

    __rmul__ = __mul__

    def times(self, count: int) -> Rupiah:
        """Multiply by a whole number (a headcount, a number of months).

        >>> Rupiah(13_500).times(3)
        Rupiah(40500)
        """
        if not _is_integer(count):
            raise FloatMoneyError(count, where="Rupiah.times()", expected="a whole number (int)")
        factor = operator.index(count)
        if abs(factor) > MAX_AMOUNT:
            raise MoneyError("Rupiah.times() count", _shown(factor), f"out of bounds: {_BOUND_TEXT}")
        return Rupiah(_bounded(self._amount * factor, f"{self!r} × {factor}"))

    def scale(self, rate: Decimal) -> Decimal:
        """Multiply by a rate and return the exact, unrounded result.

        Raises:
            FloatMoneyError: if ``rate`` is not a Decimal.
            MoneyError: if ``rate`` is not finite, or the product is beyond :data:`MAX_AMOUNT`.

        >>> Rupiah(1_500_000).scale(Decimal("0.0054"))
        Decimal('8100.0000')
        """
        if not isinstance(rate, Decimal):
            raise FloatMoneyError(rate, where="a rate applied to Rupiah", expected='a Decimal built from text (Decimal("0.0024"))')
        if not rate.is_finite():
            raise MoneyError("rate", _shown(rate), "not a finite number")
        product = _EXACT.multiply(Decimal(self._amount), rate)
        if product.copy_abs() > _MAX_DECIMAL:
            raise MoneyError(f"{self!r} × rate", _shown(rate), f"the product is out of bounds: {_BOUND_TEXT}")
        return product

    def min(self, other: Self) -> Self:
        """Return the smaller of two amounts (a cap).

        >>> Rupiah(7).min(Rupiah(5))
        Rupiah(5)
        """
        return self if self._amount <= _amount_of(other, "Rupiah.min()") else other

    def max(self, other: Self) -> Self:
        """Return the larger of two amounts (a floor).

        >>> Rupiah(7).max(Rupiah(9))
        Rupiah(9)
        """
        return self if self._amount >= _amount_of(other, "Rupiah.max()") else other


def require_rupiah(value: object, what: str, *, minimum: int | None = None) -> Rupiah:
    """Check a money argument: the library's one test of "is this money?", with its one message.

    Args:
        value: what the caller passed.
        what: the argument's name for the message (``"wage"``).
        minimum: the least amount allowed in rupiah (``1`` for positive, ``0`` for not negative);
            ``None`` for no lower bound.

    Returns:
        ``value``, typed as :class:`Rupiah`.

    Raises:
        FloatMoneyError: if ``value`` is not a Rupiah (a float, an int, text...), stating the money rule.
        MoneyError: if it is below ``minimum``.

    >>> require_rupiah(Rupiah(1_100_000), "wage", minimum=1)
    Rupiah(1100000)
    >>> require_rupiah(1_100_000, "wage")
    Traceback (most recent call last):
    ...
    jamsos_pemilu.exceptions.FloatMoneyError: wage: expected a Rupiah, got int 1100000; money is a Rupiah built ...

    """
    if not isinstance(value, Rupiah):
        raise FloatMoneyError(value, where=what)
    if minimum is not None and value.amount < minimum:
        rule = "must be positive" if minimum == 1 else f"must be at least Rp{minimum}"
        raise MoneyError(what, repr(value), rule)
    return value


def _amount_of(value: object, where: str = "an operand of Rupiah arithmetic") -> int:
    if isinstance(value, Rupiah):
        return value.amount
    raise FloatMoneyError(value, where=where)


_ZERO: Final = Rupiah(0)

# ---------------------------------------------------------------- parsing text

_CURRENCY: Final = re.compile(r"^(?:rp\.?|idr)\s*", re.IGNORECASE)
_PLAIN: Final = re.compile(r"[0-9]+")
_DOTTED: Final = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+")
_COMMAS: Final = re.compile(r"[0-9]{1,3}(?:,[0-9]{3}){2,}")
_NUMBERISH: Final = re.compile(r"[0-9][0-9.,]*")
_WRITE: Final = "write whole rupiah such as 2500000 or 2.500.000"


def _grouped(digits: str) -> str:
    """``2500000`` -> ``2.500.000``."""
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return ".".join(groups)


def _suggest(digits: str) -> str:
    digits = digits.lstrip("0") or "0"
    if len(digits) > _MAX_DIGITS:
        return _WRITE
    return f"write {digits} or {_grouped(digits)}" if len(digits) > 3 else f"write {digits}"


def _why_not(number: str) -> str:
    """What ``number`` (digits, dots and commas) reads as, and what to write instead."""
    dots, commas = "." in number, "," in number
    last = max(number.rfind("."), number.rfind(","))
    head, tail = number[:last], number[last + 1 :]
    head_digits = head.replace(".", "").replace(",", "")
    if dots and commas:
        return (
            f"mixes '.' and ',' so it reads as {head_digits} rupiah and a fraction ({number[last:]!r}) "
            f"in one convention and something else in the other; amounts are whole rupiah: {_suggest(head_digits)}"
        )
    if len(tail) != 3:
        kind = "decimal comma" if number[last] == "," else "decimal point"
        return (
            f"reads as {head_digits or 0} rupiah and a fraction ({number[last:]!r}, after a {kind}); "
            f"amounts are whole rupiah: {_suggest(head_digits)}"
        )
    all_digits = number.replace(".", "").replace(",", "")
    if commas and number.count(",") == 1:
        return (
            f"a single comma group is ambiguous: {all_digits} rupiah with an English thousands comma, or "
            f"{head_digits} rupiah and a fraction with a decimal comma; {_suggest(all_digits)}"
        )
    return (
        f"thousands groups must have three digits after a first group of one to three; "
        f"if {all_digits} rupiah is meant, {_suggest(all_digits)}"
    )


def _parse_whole(text: object, what: str) -> int:
    if not isinstance(text, str):
        raise FloatMoneyError(text, where=what, expected="text such as '2.500.000'")
    shown = _shown(text)
    body = text.strip()
    negative = body.startswith("-")
    if negative:
        body = body[1:].lstrip()
    body = _CURRENCY.sub("", body, count=1)
    body = body.removesuffix(",-")
    if not body:
        raise MoneyError(what, shown, f"no amount; {_WRITE}")
    if _PLAIN.fullmatch(body) or _DOTTED.fullmatch(body) or _COMMAS.fullmatch(body):
        digits = body.replace(".", "").replace(",", "").lstrip("0") or "0"
        if len(digits) > _MAX_DIGITS:
            raise MoneyError(what, shown, f"out of bounds: {_BOUND_TEXT}")
        value = int(digits)
        if value > MAX_AMOUNT:
            raise MoneyError(what, shown, f"out of bounds: {_BOUND_TEXT}")
        return -value if negative else value
    if _NUMBERISH.fullmatch(body) and body[-1].isdigit():
        raise MoneyError(what, shown, _why_not(body))
    raise MoneyError(what, shown, f"not an amount of rupiah; {_WRITE}")


def parse_rupiah(text: str, *, what: str = "amount") -> Rupiah:
    """Read whole rupiah from text: the same parser as :meth:`Rupiah.parse`.

    >>> parse_rupiah("1.100.000")
    Rupiah(1100000)
    >>> parse_rupiah("2,5", what="wage")
    Traceback (most recent call last):
    ...
    jamsos_pemilu.exceptions.MoneyError: wage '2,5': reads as 2 rupiah and a fraction (',5', after a decimal comma); ...

    """
    return Rupiah.parse(text, what=what)


class RoundingRule(enum.Enum):
    """How an exact amount becomes whole rupiah.

    The rule in force is the rule-book parameter ``contribution.rounding``.
    """

    HALF_UP = "half_up"
    HALF_EVEN = "half_even"
    DOWN = "down"
    UP = "up"

    @property
    def decimal_mode(self) -> str:
        """The matching :mod:`decimal` rounding constant."""
        return _DECIMAL_MODES[self]


_DECIMAL_MODES: Final = {
    RoundingRule.HALF_UP: decimal.ROUND_HALF_UP,
    RoundingRule.HALF_EVEN: decimal.ROUND_HALF_EVEN,
    RoundingRule.DOWN: decimal.ROUND_DOWN,
    RoundingRule.UP: decimal.ROUND_UP,
}
_ONE: Final = Decimal(1)


def round_rupiah(amount: Decimal | Rupiah, rule: RoundingRule) -> Rupiah:
    """Round an exact amount to whole rupiah: the library's only rounding function.

    Args:
        amount: the exact amount (a Decimal), or an amount already whole.
        rule: the rounding rule in force (``contribution.rounding``).

    Returns:
        The amount as :class:`Rupiah`.

    Raises:
        FloatMoneyError: if ``amount`` is a float (or anything but a Decimal or Rupiah).
        MoneyError: if ``amount`` is not finite or beyond :data:`MAX_AMOUNT`.

    >>> round_rupiah(Decimal("5940.5"), RoundingRule.HALF_UP)
    Rupiah(5941)
    >>> round_rupiah(Decimal("5940.5"), RoundingRule.DOWN)
    Rupiah(5940)

    """
    if isinstance(amount, Rupiah):
        return amount
    if not isinstance(amount, Decimal):
        raise FloatMoneyError(amount, where="round_rupiah()", expected="an exact Decimal or a Rupiah")
    if not amount.is_finite():
        raise MoneyError("round_rupiah()", _shown(amount), "not a finite number")
    if amount.copy_abs() > _MAX_DECIMAL:
        raise MoneyError("round_rupiah()", _shown(amount), f"out of bounds: {_BOUND_TEXT}")
    return Rupiah(int(amount.quantize(_ONE, rounding=rule.decimal_mode, context=_EXACT)))


def to_rate(value: str | Decimal) -> Decimal:
    """Build a rate (a fraction such as ``0.0024``) from a string or Decimal.

    Args:
        value: the fraction, e.g. ``"0.0024"``; a trailing ``%`` means per cent.

    Raises:
        FloatMoneyError: if ``value`` is a float.
        InputError: if the text is not a finite number, or the rate is below 0 or above 1
            (100 %): a share of something, such as a premium rate or a degree of impairment,
            is never more than the whole.

    >>> to_rate("0,24%")
    Decimal('0.0024')
    >>> to_rate("0.3")
    Decimal('0.3')
    >>> to_rate("150%")
    Traceback (most recent call last):
    ...
    jamsos_pemilu.exceptions.InputError: rate '150%' is outside 0 to 1 (0 % to 100 %)

    """
    if isinstance(value, Decimal):
        rate = value
        percent = False
    elif isinstance(value, str):
        text = value.strip().replace(",", ".")
        percent = text.endswith("%")
        if percent:
            text = text[:-1].strip()
        try:
            rate = Decimal(text)
        except (decimal.DecimalException, ValueError):
            raise InputError(f"rate {_shown(value)} is not a number") from None
    else:
        raise FloatMoneyError(value, where="a rate", expected='a Decimal or text ("0.0024", "0,24%")')
    if not rate.is_finite():
        raise InputError(f"rate {_shown(value)} is not a finite number")
    if percent:
        rate = rate.scaleb(-2, context=_EXACT)
    if not 0 <= rate <= 1:
        raise InputError(f"rate {_shown(value)} is outside 0 to 1 (0 % to 100 %)")
    return rate
