"""Uang (money): the :class:`Rupiah` value type and the single rounding function.

Amounts are whole rupiah held as Python ``int``; floats are refused with
:class:`~jamsos_pemilu.exceptions.FloatMoneyError` (a :class:`TypeError`).
Rates are :class:`~decimal.Decimal` built from strings. Multiplying an amount
by a rate gives an exact :class:`~decimal.Decimal`; it becomes money again only
through :func:`round_rupiah`, whose rule (:class:`RoundingRule`) is the rule-book
parameter ``contribution.rounding``. The regulations read so far (PP 44/2015,
PP 82/2019, PP 49/2023, PP 50/2025) state no rounding rule; the shipped rule
book chooses half-up to the whole rupiah and marks that choice ``unconfirmed``.

>>> from decimal import Decimal
>>> wage = Rupiah(2_500_000)
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
from decimal import Decimal
from typing import Final, final, overload

from jamsos_pemilu.exceptions import FloatMoneyError, InputError

__all__ = ["RoundingRule", "Rupiah", "round_rupiah", "to_rate"]


@final
class Rupiah:
    """A whole-rupiah amount of money; immutable, hashable and exact.

    Args:
        amount: whole rupiah, as ``int`` or an integral ``Decimal``.

    Raises:
        FloatMoneyError: if ``amount`` is a float, a bool or another type.
        InputError: if ``amount`` is a Decimal with a fractional part.

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
        if type(amount) is int:
            value = amount
        elif isinstance(amount, bool) or not isinstance(amount, int | Decimal):
            raise FloatMoneyError(amount)
        elif isinstance(amount, Decimal):
            if not amount.is_finite() or amount != amount.to_integral_value():
                message = (
                    f"Rupiah amounts are whole rupiah; {amount} has a fractional part: "
                    "round it with round_rupiah() first"
                )
                raise InputError(message)
            value = int(amount)
        else:
            value = int(amount)
        object.__setattr__(self, "_amount", value)

    @classmethod
    def zero(cls) -> Rupiah:
        """Return Rp0."""
        return _ZERO

    @property
    def amount(self) -> int:
        """The amount as a plain ``int`` of rupiah."""
        return self._amount

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Rupiah is immutable")

    def __repr__(self) -> str:
        return f"Rupiah({self._amount})"

    def __str__(self) -> str:
        from jamsos_pemilu.l10n import format_rupiah

        return format_rupiah(self)

    def __int__(self) -> int:
        return self._amount

    def __index__(self) -> int:
        return self._amount

    def __hash__(self) -> int:
        return hash(("Rupiah", self._amount))

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
        if type(factor) is int:
            return Rupiah(self._amount * factor)
        if isinstance(factor, Decimal):
            return self.scale(factor)
        raise FloatMoneyError(factor, where="factors applied to Rupiah")

    __rmul__ = __mul__

    def times(self, count: int) -> Rupiah:
        """Multiply by a whole number (a headcount, a number of months).

        >>> Rupiah(13_500).times(3)
        Rupiah(40500)
        """
        if type(count) is not int:
            raise FloatMoneyError(count, where="Rupiah.times() counts")
        return Rupiah(self._amount * count)

    def scale(self, rate: Decimal) -> Decimal:
        """Multiply by a rate and return the exact, unrounded result.

        >>> Rupiah(1_500_000).scale(Decimal("0.0054"))
        Decimal('8100.0000')
        """
        if not isinstance(rate, Decimal):
            raise FloatMoneyError(rate, where="rates")
        return Decimal(self._amount) * rate

    def min(self, other: Rupiah) -> Rupiah:
        """Return the smaller of two amounts (a cap).

        >>> Rupiah(7).min(Rupiah(5))
        Rupiah(5)
        """
        return self if self._amount <= other._amount else other

    def max(self, other: Rupiah) -> Rupiah:
        """Return the larger of two amounts (a floor).

        >>> Rupiah(7).max(Rupiah(9))
        Rupiah(9)
        """
        return self if self._amount >= other._amount else other


def _amount_of(value: object) -> int:
    if isinstance(value, Rupiah):
        return value.amount
    raise FloatMoneyError(value, where="operands of Rupiah arithmetic")


_ZERO: Final = Rupiah(0)


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
        FloatMoneyError: if ``amount`` is a float.

    >>> round_rupiah(Decimal("5940.5"), RoundingRule.HALF_UP)
    Rupiah(5941)
    >>> round_rupiah(Decimal("5940.5"), RoundingRule.DOWN)
    Rupiah(5940)

    """
    if isinstance(amount, Rupiah):
        return amount
    if not isinstance(amount, Decimal):
        raise FloatMoneyError(amount, where="amounts to round")
    return Rupiah(int(amount.quantize(_ONE, rounding=rule.decimal_mode)))


def to_rate(value: str | Decimal) -> Decimal:
    """Build a rate (a fraction such as ``0.0024``) from a string or Decimal.

    Args:
        value: the fraction, e.g. ``"0.0024"``; a trailing ``%`` means per cent.

    Raises:
        FloatMoneyError: if ``value`` is a float.
        InputError: if the text is not a number.

    >>> to_rate("0,24%")
    Decimal('0.0024')
    >>> to_rate("0.3")
    Decimal('0.3')

    """
    if isinstance(value, Decimal):
        return value
    if not isinstance(value, str):
        raise FloatMoneyError(value, where="rates")
    text = value.strip().replace(",", ".")
    percent = text.endswith("%")
    if percent:
        text = text[:-1].strip()
    try:
        rate = Decimal(text)
    except decimal.InvalidOperation:
        raise InputError(f"rate {value!r} is not a number") from None
    if not rate.is_finite():
        raise InputError(f"rate {value!r} is not a finite number")
    return rate / 100 if percent else rate
