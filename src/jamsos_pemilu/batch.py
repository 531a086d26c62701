"""Perhitungan massal (batch calculation): contributions, budgets and benefit exposure over whole rosters.

The one-officer calculators (:func:`~jamsos_pemilu.premiums.monthly_premium`,
:func:`~jamsos_pemilu.benefits.jkk_death`, :func:`~jamsos_pemilu.benefits.jkm_death`)
explain every rupiah; this module computes the same amounts for millions of
officers at once on NumPy arrays (the ``batch`` extra; the core package never
imports NumPy).

Arithmetic is exact integer rupiah. A rate from the rule book is a
:class:`~decimal.Decimal`, turned into an exact fraction ``p/q``
(``Decimal("0.0024")`` is ``3/1250``); a contribution is the wage times ``p``,
divided by ``q`` and rounded with the rule-book rounding rule
(``contribution.rounding``) in integer arithmetic (:func:`round_ratio`). The
intermediate products are checked against the ``int64`` range before they are
formed; where they could overflow, the calculation falls back to Python
integers (slower, still exact). Sums are accumulated in ``int64`` per chunk
(bounded well below the limit) and then in Python integers. No floating point
is used anywhere, so the results equal the one-officer calculators to the
rupiah (a property test checks it on random rosters).

Rules are those in force on the first day of the month (contributions) or on
the date of the event (benefits), read from a :class:`~jamsos_pemilu.law.RuleBook`
(pass ``default_rule_book().with_reform(...)`` for what-if budgets).

>>> import numpy as np
>>> from jamsos_pemilu import Month
>>> wages = np.array([2_500_000, 1_500_000, 1_100_000])
>>> monthly_contributions(wages, Month(2024, 2)).total.tolist()
[13500, 8100, 5940]
>>> budget = monthly_budget(np.array([0, 5, 5]), wages, Month(2024, 2))
>>> [(row.label, row.headcount, row.total) for row in budget.rows]
[('ppk', 1, Rupiah(13500)), ('kpps', 2, Rupiah(14040))]
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, Literal

import attrs

from jamsos_pemilu.exceptions import CalculationError, InputError
from jamsos_pemilu.law.parameters import RuleBook, default_rule_book
from jamsos_pemilu.money import RoundingRule, Rupiah
from jamsos_pemilu.periods import Month
from jamsos_pemilu.premiums import BOTH_PROGRAMMES
from jamsos_pemilu.rosters import POSITION_CODES, ROLE_CODES, RosterChunk
from jamsos_pemilu.schemes import Programme, RiskClass

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import ArrayLike, NDArray

__all__ = [
    "RISK_CLASS_CODES",
    "ROLE_LABELS",
    "ROLE_POSITION_LABELS",
    "Contributions",
    "DeathExposure",
    "GroupTotal",
    "MonthlyRates",
    "RosterBudget",
    "death_exposure",
    "group_sums",
    "monthly_budget",
    "monthly_contributions",
    "monthly_rates",
    "roster_budget",
    "round_ratio",
]

RISK_CLASS_CODES: Final = tuple(RiskClass)
"""Risk classes by code: a ``risk_class`` array holds indexes into this tuple."""

ROLE_LABELS: Final = tuple(role.value for role in ROLE_CODES)
"""Labels of role codes (:data:`jamsos_pemilu.rosters.ROLE_CODES`)."""

ROLE_POSITION_LABELS: Final = tuple(f"{role.value}.{position.value}" for role in ROLE_CODES for position in POSITION_CODES)
"""Labels of role-and-position codes ``role_code * len(POSITION_CODES) + position_code``."""

_INT64_MAX: Final = 2**63 - 1
_CHUNK: Final = 1 << 18


def _numpy() -> Any:
    try:
        import numpy
    except ModuleNotFoundError as error:  # pragma: no cover - depends on the environment
        raise ModuleNotFoundError(
            "jamsos_pemilu.batch needs NumPy: pip install 'jamsos-pemilu[batch]'", name=error.name
        ) from None
    return numpy


def _ratio(rate: Decimal) -> tuple[int, int]:
    """A rate as an exact fraction (numerator, denominator), denominator positive."""
    numerator, denominator = rate.as_integer_ratio()
    return numerator, denominator


def round_ratio(numerators: ArrayLike, denominator: int, rule: RoundingRule) -> NDArray[np.int64]:
    """Divide non-negative integers by a positive integer and round to whole numbers, exactly.

    The integer counterpart of :func:`~jamsos_pemilu.money.round_rupiah`:
    ``half_up`` rounds a half away from zero, ``half_even`` to the even
    neighbour, ``down`` toward zero and ``up`` away from zero, as the
    :mod:`decimal` modes of the same names do. Inputs beyond the safe ``int64``
    range are computed with Python integers.

    Args:
        numerators: non-negative whole numbers (an array or a sequence).
        denominator: a positive whole number.
        rule: the rounding rule.

    Returns:
        An ``int64`` array of the rounded quotients (an object array of Python
        ints if a quotient itself exceeds ``int64``).

    Raises:
        InputError: for a non-positive denominator or a negative numerator.

    >>> round_ratio([5, 15, 25, 26], 10, RoundingRule.HALF_EVEN).tolist()
    [0, 2, 2, 3]
    >>> round_ratio([5, 15, 25, 26], 10, RoundingRule.HALF_UP).tolist()
    [1, 2, 3, 3]
    """
    np = _numpy()
    values = np.asarray(numerators)
    if values.dtype.kind not in "iuO":
        raise InputError(f"numerators must be whole numbers, not {values.dtype}")
    if type(denominator) is not int or denominator <= 0:
        raise InputError(f"the denominator must be a positive int, got {denominator!r}")
    if values.size and int(values.min()) < 0:
        raise InputError("numerators must not be negative")
    largest = int(values.max()) if values.size else 0
    if values.dtype.kind == "O" or 2 * largest + 2 * denominator > _INT64_MAX:
        result = _round_python(values.astype(object), denominator, rule)
        if result.size and int(result.max()) > _INT64_MAX:
            return result  # type: ignore[no-any-return]
        return np.asarray(result.tolist(), dtype=np.int64)  # type: ignore[no-any-return]
    return _round_int64(np, values.astype(np.int64, copy=True), denominator, rule)  # type: ignore[no-any-return]


def _round_int64(np: Any, n: Any, q: int, rule: RoundingRule) -> Any:
    """Round ``n / q`` in place (``n`` non-negative int64, ``2n + 2q`` within int64)."""
    if q == 1:
        return n
    if rule is RoundingRule.HALF_UP:
        n *= 2
        n += q
        n //= 2 * q
    elif rule is RoundingRule.DOWN:
        n //= q
    elif rule is RoundingRule.UP:
        n += q - 1
        n //= q
    else:
        quotient, remainder = np.divmod(n, q)
        remainder *= 2
        quotient += (remainder > q) | ((remainder == q) & ((quotient & 1) == 1))
        n = quotient
    return n


def _round_python(n: Any, q: int, rule: RoundingRule) -> Any:
    """The same rounding on an object array of Python ints (no overflow)."""
    if rule is RoundingRule.HALF_UP:
        return (2 * n + q) // (2 * q)
    if rule is RoundingRule.DOWN:
        return n // q
    if rule is RoundingRule.UP:
        return (n + (q - 1)) // q
    quotient = n // q
    twice = 2 * (n - quotient * q)
    bump = (twice > q) | ((twice == q) & ((quotient % 2) == 1))
    return quotient + bump.astype(object)


def _scale_round(np: Any, wages: Any, numerators: Any, denominator: int, rule: RoundingRule) -> Any:
    """``round(wage × p / q)`` per element; ``numerators`` is an int or an int64 array of ``p``."""
    if isinstance(numerators, int):
        if numerators == 0:
            return np.zeros(wages.shape, dtype=np.int64)
        top = numerators
    else:
        top = int(numerators.max()) if numerators.size else 0
    largest = int(wages.max()) if wages.size else 0
    if 2 * largest * top + 2 * denominator > _INT64_MAX:
        # Python integers: exact for any size; the result fits int64 since the rate is at most 1.
        factor = numerators if isinstance(numerators, int) else numerators.astype(object)
        exact = _round_python(wages.astype(object) * factor, denominator, rule)
        return np.asarray(exact.tolist(), dtype=np.int64)
    return _round_int64(np, wages * numerators, denominator, rule)


# --------------------------------------------------------------------------- rates


@attrs.frozen
class MonthlyRates:
    """The contribution rules of one month for wage earners, as exact fractions.

    Attributes:
        month: the contribution month (rules in force on its first day).
        jkk: JKK rate per risk class in :data:`RISK_CLASS_CODES` order, ``None`` where
            not read (only the classes asked for are read).
        jkm: the JKM rate.
        relief: the discount in force (PP 49/2020), or ``None``.
        rounding: the rounding rule.

    """

    month: Month
    jkk: tuple[Decimal | None, ...]
    jkm: Decimal
    relief: Decimal | None
    rounding: RoundingRule


def monthly_rates(
    month: Month, risk_classes: Iterable[RiskClass] = (RiskClass.SANGAT_RENDAH,), *, rules: RuleBook | None = None
) -> MonthlyRates:
    """The rates the batch calculators use for wage earners in ``month``, read from the rule book.

    They are the rule-book values the scalar calculator reads: the JKK rate of
    each risk class (``pu.jkk_rate.<class>``), ``pu.jkm_rate``, the PP 49/2020
    discount where in force, and ``contribution.rounding``.

    Args:
        month: the contribution month.
        risk_classes: the risk classes to read JKK rates for.
        rules: the rule book (default: the shipped one).

    Returns:
        The :class:`MonthlyRates`.

    Raises:
        RuleNotInForceError: for a month outside the rule data.

    >>> from jamsos_pemilu import Month
    >>> rates = monthly_rates(Month(2020, 9))
    >>> rates.jkk[0], rates.jkm, rates.relief
    (Decimal('0.0024'), Decimal('0.0030'), Decimal('0.99'))
    """
    if not isinstance(month, Month):
        raise InputError(f"month must be a Month, not {type(month).__name__}")
    snapshot = (rules or default_rule_book()).on(month.first_day)
    wanted = set(risk_classes)
    jkk = tuple(
        snapshot[f"pu.jkk_rate.{risk.value}"].rate if risk in wanted else None for risk in RISK_CLASS_CODES
    )
    relief = snapshot["relief.pp49_2020.discount"].rate if "relief.pp49_2020.discount" in snapshot else None
    return MonthlyRates(month, jkk, snapshot["pu.jkm_rate"].rate, relief, snapshot.rounding())


# --------------------------------------------------------------------------- contributions


@attrs.frozen(eq=False)
class Contributions:
    """Monthly contributions per officer (``int64`` arrays of whole rupiah).

    A programme not covered has an array of zeros.
    """

    month: Month
    jkk: NDArray[np.int64]
    jkm: NDArray[np.int64]
    total: NDArray[np.int64]


def _wages(np: Any, wages: ArrayLike) -> Any:
    array = np.asarray(wages)
    if array.dtype.kind == "f":
        raise CalculationError("wages must be whole rupiah in an integer array, not floating point")
    if array.dtype.kind not in "iu":
        raise CalculationError(f"wages must be an integer array of whole rupiah, not {array.dtype}")
    array = array.astype(np.int64, copy=False)
    if array.ndim != 1:
        raise CalculationError("wages must be a one-dimensional array")
    if array.size and int(array.min()) <= 0:
        index = int(np.argmax(array <= 0))
        raise CalculationError(f"the monthly wage must be positive, got {int(array[index])} rupiah at index {index}")
    return array


def _risk_codes(np: Any, risk_class: RiskClass | ArrayLike, size: int) -> tuple[Any, tuple[RiskClass, ...]]:
    """Risk codes as an int array (or one int) and the classes present."""
    if isinstance(risk_class, RiskClass):
        return RISK_CLASS_CODES.index(risk_class), (risk_class,)
    codes = np.asarray(risk_class)
    if codes.dtype.kind not in "iu" or codes.shape != (size,):
        raise InputError(f"risk_class must be a RiskClass or an integer array of {size} codes")
    if size and (int(codes.min()) < 0 or int(codes.max()) >= len(RISK_CLASS_CODES)):
        raise InputError(f"risk class codes must be 0 to {len(RISK_CLASS_CODES) - 1} (RISK_CLASS_CODES)")
    present = np.bincount(codes, minlength=len(RISK_CLASS_CODES)) if size else np.zeros(len(RISK_CLASS_CODES))
    return codes.astype(np.intp), tuple(r for r, n in zip(RISK_CLASS_CODES, present.tolist(), strict=True) if n)


def _programmes(programmes: Iterable[Programme]) -> frozenset[Programme]:
    chosen = frozenset(programmes)
    if not chosen or any(not isinstance(p, Programme) for p in chosen):
        raise InputError("programmes must be a non-empty set of Programme.JKK / Programme.JKM")
    return chosen


class _Plan:
    """The fractions of a month: JKK numerators per risk code over a common denominator, JKM, relief."""

    def __init__(self, np: Any, rates: MonthlyRates) -> None:
        jkk = [_ratio(rate) if rate is not None else (0, 1) for rate in rates.jkk]
        self.jkk_den = math.lcm(*(den for _, den in jkk))
        self.jkk_table = np.array([num * (self.jkk_den // den) for num, den in jkk], dtype=np.int64)
        self.jkm_num, self.jkm_den = _ratio(rates.jkm)
        self.relief = _ratio(rates.relief) if rates.relief is not None else None
        self.rounding = rates.rounding

    def amounts(self, np: Any, wages: Any, risk: Any, programme: Programme) -> Any:
        if programme is Programme.JKK:
            numerators = int(self.jkk_table[risk]) if isinstance(risk, int) else self.jkk_table[risk]
            gross = _scale_round(np, wages, numerators, self.jkk_den, self.rounding)
        else:
            gross = _scale_round(np, wages, self.jkm_num, self.jkm_den, self.rounding)
        if self.relief is not None:
            num, den = self.relief
            gross -= _scale_round(np, gross, num, den, self.rounding)
        return gross


def monthly_contributions(
    wages: ArrayLike,
    month: Month,
    *,
    risk_class: RiskClass | ArrayLike = RiskClass.SANGAT_RENDAH,
    programmes: Iterable[Programme] = BOTH_PROGRAMMES,
    rules: RuleBook | None = None,
) -> Contributions:
    """Each officer's contribution for one month, equal to :func:`~jamsos_pemilu.premiums.monthly_premium`.

    Officers are wage earners (*Penerima Upah*): JKK at the risk-class rate and
    JKM at its rate of the monthly wage, each rounded once, less the PP 49/2020
    discount (itself rounded) in its months.

    Args:
        wages: the monthly wage basis per officer (positive whole rupiah, integer array).
        month: the contribution month.
        risk_class: one :class:`~jamsos_pemilu.schemes.RiskClass` for everyone, or an
            integer array of codes into :data:`RISK_CLASS_CODES`, one per officer.
        programmes: the programmes covered (both by default).
        rules: the rule book (default: the shipped one).

    Returns:
        :class:`Contributions` arrays.

    Raises:
        CalculationError: a non-positive wage, or wages that are not integers.
        InputError: bad risk classes or programmes.
        RuleNotInForceError: a month outside the rule data.

    >>> import numpy as np
    >>> from jamsos_pemilu import Month
    >>> monthly_contributions(np.array([1_100_000]), Month(2020, 9)).total.tolist()  # PP 49/2020: 99% off
    [59]
    """
    np = _numpy()
    values = _wages(np, wages)
    risk, present = _risk_codes(np, risk_class, values.shape[0])
    chosen = _programmes(programmes)
    plan = _Plan(np, monthly_rates(month, present, rules=rules))
    zeros = np.zeros(values.shape, dtype=np.int64)
    jkk = plan.amounts(np, values, risk, Programme.JKK) if Programme.JKK in chosen else zeros
    jkm = plan.amounts(np, values, risk, Programme.JKM) if Programme.JKM in chosen else zeros
    return Contributions(month, jkk, jkm, jkk + jkm)


# --------------------------------------------------------------------------- sums and budgets


def group_sums(groups: ArrayLike, values: ArrayLike, size: int) -> list[int]:
    """Exact sums of integer ``values`` by group code ``0 <= code < size``, as Python ints.

    Sums are taken in ``int64`` over chunks small enough that they cannot
    overflow (the chunk length times the largest value is checked), then added
    as Python integers.

    Args:
        groups: group code per element (integers).
        values: integer value per element.
        size: number of groups.

    Returns:
        ``size`` sums.

    Raises:
        InputError: for codes out of range, mismatched lengths or non-integer values.

    >>> group_sums([0, 2, 2], [5, 7, 9], 3)
    [5, 0, 16]
    """
    np = _numpy()
    codes, amounts = np.asarray(groups), np.asarray(values)
    if codes.dtype.kind not in "iu" or amounts.dtype.kind not in "iu":
        raise InputError("groups and values must be integer arrays")
    if codes.shape != amounts.shape or codes.ndim != 1:
        raise InputError("groups and values must be one-dimensional and of the same length")
    if codes.size and (int(codes.min()) < 0 or int(codes.max()) >= size):
        raise InputError(f"group codes must be 0 to {size - 1}")
    totals = [0] * size
    if not codes.size:
        return totals
    largest = max(abs(int(amounts.max())), abs(int(amounts.min())), 1)
    step = max(1, min(_CHUNK, _INT64_MAX // largest))
    amounts = amounts.astype(np.int64, copy=False)
    for begin in range(0, codes.shape[0], step):
        part = np.zeros(size, dtype=np.int64)
        np.add.at(part, codes[begin : begin + step], amounts[begin : begin + step])
        totals = [a + b for a, b in zip(totals, part.tolist(), strict=True)]
    return totals


@attrs.frozen
class GroupTotal:
    """One group's (role's, role-and-position's...) monthly contributions."""

    label: str
    headcount: int
    jkk: Rupiah
    jkm: Rupiah

    @property
    def total(self) -> Rupiah:
        """JKK plus JKM."""
        return self.jkk + self.jkm


@attrs.frozen
class RosterBudget:
    """A month's contributions over a roster, by group, exact to the rupiah.

    Rows are in group-code order and list only groups with officers.
    """

    month: Month
    rows: tuple[GroupTotal, ...]

    @property
    def headcount(self) -> int:
        """Officers counted."""
        return sum(row.headcount for row in self.rows)

    @property
    def jkk(self) -> Rupiah:
        """Total JKK contributions."""
        return sum((row.jkk for row in self.rows), Rupiah.zero())

    @property
    def jkm(self) -> Rupiah:
        """Total JKM contributions."""
        return sum((row.jkm for row in self.rows), Rupiah.zero())

    @property
    def total(self) -> Rupiah:
        """Total contributions."""
        return self.jkk + self.jkm

    def row(self, label: str) -> GroupTotal:
        """The row of ``label`` (a group with no officers has a zero row).

        >>> from jamsos_pemilu import Month
        >>> RosterBudget(Month(2024, 2), ()).row("kpps").total
        Rupiah(0)
        """
        for row in self.rows:
            if row.label == label:
                return row
        return GroupTotal(label, 0, Rupiah.zero(), Rupiah.zero())

    def merge(self, other: RosterBudget) -> RosterBudget:
        """The budget of two parts of a roster (same month), rows merged by label.

        Raises:
            InputError: if the months differ.
        """
        if other.month != self.month:
            raise InputError(f"cannot merge budgets of {self.month} and {other.month}")
        rows: dict[str, GroupTotal] = {row.label: row for row in self.rows}
        for row in other.rows:
            mine = rows.get(row.label)
            rows[row.label] = row if mine is None else GroupTotal(
                row.label, mine.headcount + row.headcount, mine.jkk + row.jkk, mine.jkm + row.jkm
            )
        return RosterBudget(self.month, tuple(rows.values()))

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON (amounts as ints)."""
        return {
            "kind": "roster_budget",
            "month": str(self.month),
            "rows": [
                {"label": r.label, "headcount": r.headcount, "jkk": r.jkk.amount, "jkm": r.jkm.amount,
                 "total": r.total.amount}
                for r in self.rows
            ],
            "headcount": self.headcount,
            "total": self.total.amount,
        }


def monthly_budget(
    groups: ArrayLike,
    wages: ArrayLike,
    month: Month,
    *,
    labels: Sequence[str] = ROLE_LABELS,
    risk_class: RiskClass | ArrayLike = RiskClass.SANGAT_RENDAH,
    programmes: Iterable[Programme] = BOTH_PROGRAMMES,
    rules: RuleBook | None = None,
) -> RosterBudget:
    """A month's contributions by group (by default by role code), exact to the rupiah.

    Works through the roster in chunks, so memory beyond the inputs stays a few
    megabytes. Each officer's contribution is the one
    :func:`monthly_contributions` gives.

    Args:
        groups: group code per officer, ``0 <= code < len(labels)`` (role codes of
            :data:`jamsos_pemilu.rosters.ROLE_CODES` by default).
        wages: monthly wage basis per officer.
        month: the contribution month.
        labels: the name of each group code.
        risk_class: as for :func:`monthly_contributions`.
        programmes: the programmes covered.
        rules: the rule book (default: the shipped one).

    Returns:
        A :class:`RosterBudget`.

    Raises:
        CalculationError: a non-positive wage.
        InputError: mismatched arrays or codes out of range.

    >>> import numpy as np
    >>> from jamsos_pemilu import Month
    >>> monthly_budget(np.array([5, 5]), np.array([1_100_000, 1_200_000]), Month(2024, 2)).total
    Rupiah(12420)
    """
    np = _numpy()
    values = _wages(np, wages)
    codes = np.asarray(groups)
    size = len(labels)
    if codes.dtype.kind not in "iu" or codes.shape != values.shape:
        raise InputError("groups must be an integer array as long as wages")
    if codes.size and (int(codes.min()) < 0 or int(codes.max()) >= size):
        raise InputError(f"group codes must be 0 to {size - 1} (one label each)")
    risk, present = _risk_codes(np, risk_class, values.shape[0])
    chosen = _programmes(programmes)
    plan = _Plan(np, monthly_rates(month, present, rules=rules))
    counts = [0] * size
    sums = {Programme.JKK: [0] * size, Programme.JKM: [0] * size}
    # A contribution is at most the wage (rule-book rates are fractions from 0 to 1), so
    # the int64 sum of `step` contributions is at most step × largest wage ≤ 2**63 - 1.
    largest = int(values.max()) if values.size else 1
    step = max(1, min(_CHUNK, _INT64_MAX // largest))
    for begin in range(0, values.shape[0], step):
        end = begin + step
        part_codes = codes[begin:end]
        counts = [a + b for a, b in zip(counts, np.bincount(part_codes, minlength=size).tolist(), strict=True)]
        part_risk = risk if isinstance(risk, int) else risk[begin:end]
        for programme in chosen:
            amounts = plan.amounts(np, values[begin:end], part_risk, programme)
            part = np.zeros(size, dtype=np.int64)
            np.add.at(part, part_codes, amounts)
            sums[programme] = [a + b for a, b in zip(sums[programme], part.tolist(), strict=True)]
    rows = tuple(
        GroupTotal(labels[code], counts[code], Rupiah(sums[Programme.JKK][code]), Rupiah(sums[Programme.JKM][code]))
        for code in range(size)
        if counts[code]
    )
    return RosterBudget(month, rows)


def roster_budget(
    chunks: Iterable[RosterChunk],
    month: Month,
    *,
    by: Literal["role", "role_position"] = "role",
    risk_class: RiskClass = RiskClass.SANGAT_RENDAH,
    programmes: Iterable[Programme] = BOTH_PROGRAMMES,
    rules: RuleBook | None = None,
) -> RosterBudget:
    r"""A month's budget over a roster read with :func:`jamsos_pemilu.rosters.read_columns`.

    An officer counts in ``month`` when the appointment touches it (a
    contribution is owed for every month a coverage period touches). Chunks are
    processed one at a time, so a roster of any length streams through.

    Args:
        chunks: roster chunks.
        month: the contribution month.
        by: ``"role"`` or ``"role_position"`` (labels ``"kpps.ketua"``...).
        risk_class: the risk class of everyone.
        programmes: the programmes covered.
        rules: the rule book (default: the shipped one).

    Returns:
        A :class:`RosterBudget`.

    >>> import io
    >>> from jamsos_pemilu import Month
    >>> from jamsos_pemilu.rosters import read_columns
    >>> text = "nik,name,role,position,election,appointment_start,appointment_end\n"
    >>> text += "3602041211870001,Siti,KPPS,anggota,pemilu_2024,2024-01-25,2024-02-25\n"
    >>> roster_budget(read_columns(io.StringIO(text)), Month(2024, 3)).headcount  # not on duty in March
    0
    """
    np = _numpy()
    if by not in ("role", "role_position"):
        raise InputError(f"by must be 'role' or 'role_position', not {by!r}")
    labels = ROLE_LABELS if by == "role" else ROLE_POSITION_LABELS
    first = np.datetime64(month.first_day.isoformat(), "D")
    last = np.datetime64(month.last_day.isoformat(), "D")
    budget = RosterBudget(month, ())
    for chunk in chunks:
        active = (chunk.appointment_start <= last) & (chunk.appointment_end >= first)
        if by == "role":
            codes = chunk.role[active].astype(np.intp)
        else:
            codes = chunk.role[active].astype(np.intp) * len(POSITION_CODES) + chunk.position[active]
        if not codes.size:
            continue
        part = monthly_budget(
            codes, chunk.wage[active], month, labels=labels, risk_class=risk_class, programmes=programmes, rules=rules
        )
        budget = budget.merge(part)
    order = {label: index for index, label in enumerate(labels)}
    return RosterBudget(month, tuple(sorted(budget.rows, key=lambda row: order[row.label])))


# --------------------------------------------------------------------------- benefit exposure


@attrs.frozen(eq=False)
class DeathExposure:
    """What BPJS would pay if each officer died on one date, by cause.

    Attributes:
        on: the date whose rules apply.
        jkk: per officer, the JKK work-accident death benefit in cash:
            ``max(multiplier × wage, floor) + funeral + periodic benefit`` (no
            scholarships, which depend on children).
        jkm: per officer, the JKM cash benefit (lump sum + periodic + funeral);
            the same for everyone.
        jkk_total: the sum of ``jkk``.
        jkm_total: ``jkm`` times the headcount.

    """

    on: dt.date
    jkk: NDArray[np.int64]
    jkm: Rupiah
    jkk_total: Rupiah
    jkm_total: Rupiah


def death_exposure(wages: ArrayLike, on: dt.date, *, rules: RuleBook | None = None) -> DeathExposure:
    """Death-benefit exposure over a roster, equal to :func:`~jamsos_pemilu.benefits.jkk_death` and ``jkm_death``.

    Args:
        wages: the monthly wage per officer (positive whole rupiah).
        on: the date of the event (its rules apply).
        rules: the rule book (default: the shipped one).

    Returns:
        A :class:`DeathExposure`.

    Raises:
        CalculationError: a non-positive wage.
        RuleNotInForceError: a date outside the rule data.

    >>> import datetime as dt
    >>> import numpy as np
    >>> exposure = death_exposure(np.array([1_100_000, 500_000]), dt.date(2024, 2, 14))
    >>> exposure.jkk.tolist(), exposure.jkm
    ([74800000, 46000000], Rupiah(42000000))
    """
    np = _numpy()
    if isinstance(on, dt.datetime) or not isinstance(on, dt.date):
        raise InputError(f"on must be a datetime.date, not {type(on).__name__}")
    values = _wages(np, wages)
    snapshot = (rules or default_rule_book()).on(on)
    multiplier = snapshot["jkk.death.wage_multiplier"].integer
    extras = snapshot["jkk.funeral"].rupiah.amount + snapshot["jkk.periodic_benefit"].rupiah.amount
    floor = snapshot["jkk.death.floor"].rupiah.amount if "jkk.death.floor" in snapshot else 0
    largest = int(values.max()) if values.size else 0
    if largest * multiplier + floor + extras > _INT64_MAX:
        raise CalculationError(f"a wage of {largest} rupiah is too large for the int64 batch path")
    jkk = values * multiplier
    np.maximum(jkk, floor, out=jkk)
    jkk += extras
    jkm = sum(snapshot[name].rupiah.amount for name in ("jkm.lump_sum", "jkm.periodic_benefit", "jkm.funeral"))
    total = sum(group_sums(np.zeros(jkk.shape[0], dtype=np.intp), jkk, 1))
    return DeathExposure(on, jkk, Rupiah(jkm), Rupiah(total), Rupiah(jkm * int(values.shape[0])))
