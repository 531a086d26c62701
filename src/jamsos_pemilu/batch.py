"""Perhitungan massal (batch calculation): premiums, budgets and benefit exposure over whole rosters.

The one-officer calculators (:func:`~jamsos_pemilu.premiums.monthly_premium`,
:func:`~jamsos_pemilu.benefits.jkk_death`, :func:`~jamsos_pemilu.benefits.jkm_death`)
explain every rupiah; this module computes the same amounts for millions of
officers at once on NumPy arrays (the ``batch`` extra; the core package never
imports NumPy).

A roster may mix wage earners (*Penerima Upah*, scheme code 0) and non-wage
earners (*Bukan Penerima Upah*, code 1, :data:`SCHEME_CODES`), with a risk
class per wage earner (:data:`RISK_CLASS_CODES`). Each officer's basis is the
monthly wage (wage earners, positive) or the declared income (non-wage
earners; ``0`` means not declared, and the lowest basis applies as it does to
anything below it).

The rules of a month come from the same :class:`~jamsos_pemilu.premiums.MonthPlan`
the one-officer calculator applies (:func:`~jamsos_pemilu.premiums.month_plan`):
the rate of each programme as an exact fraction ``p/q`` (``Decimal("0.0024")``
is ``3/1250``), the flat JKM of non-wage earners, the relief in force (PP 49/2020;
PP 50/2025 for non-wage earners not paid from APBN/APBD) and the rounding rule.
A premium is the basis times ``p``, divided by ``q`` and rounded in integer
arithmetic (:func:`round_ratio`, the array form of
:func:`~jamsos_pemilu.money.round_rupiah`). Products are checked against the
``int64`` range before they are formed; where they could overflow, the
calculation falls back to Python integers (slower, still exact). No floating
point is used anywhere, so the results equal the one-officer calculator to the
rupiah (a property test checks it officer by officer). Every result carries
the receipt of the plans it applied.

>>> import numpy as np
>>> from jamsos_pemilu import Month
>>> wages = np.array([2_500_000, 1_500_000, 1_100_000])
>>> monthly_premiums(wages, month=Month(2024, 2)).total.tolist()
[13500, 8100, 5940]
>>> budget = monthly_budget(np.array([0, 5, 5]), wages, month=Month(2024, 2))
>>> [(row.label, row.headcount, row.total) for row in budget.rows]
[('ppk', 1, Rupiah(13500)), ('kpps', 2, Rupiah(14040))]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Final, Literal

import attrs

from jamsos_pemilu.exceptions import CalculationError, InputError, short_repr
from jamsos_pemilu.explain import Receipt, Result, RuleTrace, render_table
from jamsos_pemilu.l10n import Language, Text, format_date, format_number, format_rupiah
from jamsos_pemilu.law import names
from jamsos_pemilu.law.parameters import RuleSnapshot, snapshot_for
from jamsos_pemilu.money import MAX_AMOUNT, RoundingRule, Rupiah
from jamsos_pemilu.periods import Month
from jamsos_pemilu.premiums import BOTH_PROGRAMMES, MonthPlan, month_plan
from jamsos_pemilu.rosters import POSITION_CODES, ROLE_CODES, RosterChunk
from jamsos_pemilu.schemes import BudgetSource, NonWageEarner, Programme, RiskClass, Scheme, WageEarner

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import ArrayLike, NDArray

__all__ = [
    "RISK_CLASS_CODES",
    "ROLE_LABELS",
    "ROLE_POSITION_LABELS",
    "SCHEME_CODES",
    "DeathExposure",
    "GroupTotal",
    "PremiumArrays",
    "RosterBudget",
    "death_exposure",
    "group_sums",
    "monthly_budget",
    "monthly_premiums",
    "roster_budget",
    "round_ratio",
]

RISK_CLASS_CODES: Final = tuple(RiskClass)
"""Risk classes by code: a ``risk_class`` array holds indexes into this tuple."""

SCHEME_CODES: Final = ("wage_earner", "non_wage_earner")
"""Schemes by code: a ``schemes`` array holds ``0`` (wage earner, PU) or ``1`` (non-wage earner, BPU)."""

ROLE_LABELS: Final = tuple(role.value for role in ROLE_CODES)
"""Labels of role codes (:data:`jamsos_pemilu.rosters.ROLE_CODES`)."""

ROLE_POSITION_LABELS: Final = tuple(f"{role.value}.{position.value}" for role in ROLE_CODES for position in POSITION_CODES)
"""Labels of role-and-position codes ``role_code * len(POSITION_CODES) + position_code``."""

_INT64_MAX: Final = 2**63 - 1
_INT32_MAX: Final = 2**31 - 1
_CHUNK: Final = 1 << 17
_GROUP_CHUNK: Final = 1 << 15
_MAX_BINS: Final = 1 << 20
_BPU: Final = len(RISK_CLASS_CODES)
"""The class index of non-wage earners (after the wage earners' risk classes)."""

_ARRAYS_HEAD: Final = Text(id="Iuran {count} petugas, {month}", en="Premiums of {count} officers, {month}")
_ARRAYS_HEAD_ONE: Final = Text(id="Iuran {count} petugas, {month}", en="Premiums of {count} officer, {month}")
_BUDGET_HEAD: Final = Text(id="Anggaran iuran {month}", en="Premium budget for {month}")
_EXPOSURE_HEAD: Final = Text(
    id="Eksposur manfaat kematian {count} petugas, {on}", en="Death-benefit exposure of {count} officers, {on}"
)
_EXPOSURE_HEAD_ONE: Final = Text(
    id="Eksposur manfaat kematian {count} petugas, {on}", en="Death-benefit exposure of {count} officer, {on}"
)
_HEADERS: Final = (
    Text(id="Kelompok", en="Group"),
    Text(id="Petugas", en="Officers"),
    Text(id="JKK", en="JKK"),
    Text(id="JKM", en="JKM"),
    Text(id="Jumlah", en="Total"),
)
_TOTAL: Final = Text(id="Jumlah", en="Total")
_JKK_DEATH: Final = Text(id="JKK (kematian karena kecelakaan kerja)", en="JKK (death from a work accident)")
_JKM_DEATH: Final = Text(id="JKM (kematian)", en="JKM (death)")




def _numpy() -> Any:
    try:
        # NumPy is the optional `batch` extra: imported on first use so `import jamsos_pemilu` never loads it.
        import numpy
    except ModuleNotFoundError as error:  # pragma: no cover - depends on the environment
        raise ModuleNotFoundError(
            "jamsos_pemilu.batch needs NumPy: pip install 'jamsos-pemilu[batch]'", name=error.name
        ) from None
    return numpy


# --------------------------------------------------------------------------- exact integer rounding


def round_ratio(numerators: ArrayLike, denominator: int, rule: RoundingRule) -> NDArray[np.int64]:
    """Divide non-negative integers by a positive integer and round to whole numbers, exactly.

    The array form of :func:`~jamsos_pemilu.money.round_rupiah`: for every
    element, ``round_ratio([n], q, rule)[0] == round_rupiah(Decimal(n) / q, rule)``
    (a test checks it). ``half_up`` rounds a half away from zero, ``half_even``
    to the even neighbour, ``down`` toward zero and ``up`` away from zero, as
    the :mod:`decimal` modes of the same names do. Inputs beyond the safe
    ``int64`` range are computed with Python integers.

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
    if values.size == 0 and values.dtype.kind == "f":  # an empty sequence: NumPy guesses float64
        values = values.astype(np.int64)
    if values.dtype.kind not in "iuO":
        raise InputError(f"numerators: expected whole numbers, got an array of {values.dtype}")
    if type(denominator) is not int or denominator <= 0:
        raise InputError(f"denominator: expected a positive int, got {short_repr(denominator)}")
    if not isinstance(rule, RoundingRule):
        raise InputError(f"rule: expected a RoundingRule, got {short_repr(rule)}")
    if values.size and int(values.min()) < 0:
        raise InputError(f"numerators: must not be negative, got {int(values.min())}")
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


def _scale_round(np: Any, values: Any, numerator: int, denominator: int, rule: RoundingRule) -> Any:
    """``round(value × p / q)`` per element of an int64 array, exactly."""
    if numerator == 0:
        return np.zeros(values.shape, dtype=np.int64)
    largest = int(values.max()) if values.size else 0
    if 2 * largest * numerator + 2 * denominator > _INT64_MAX:
        # Python integers: exact for any size; the result fits int64 since the rate is at most 1.
        exact = _round_python(values.astype(object) * numerator, denominator, rule)
        return np.asarray(exact.tolist(), dtype=np.int64)
    return _round_int64(np, values * numerator, denominator, rule)


# --------------------------------------------------------------------------- plans per class


def _class_scheme(index: int, transport_sector: bool) -> Scheme:
    if index == _BPU:
        return NonWageEarner(transport_sector=transport_sector)
    return WageEarner(RISK_CLASS_CODES[index])


@attrs.frozen(eq=False)
class _Plans:
    """The month plans of a roster: one per class (wage earners by risk class, then non-wage earners)."""

    month: Month
    programmes: frozenset[Programme]
    budget_source: BudgetSource | None
    transport_sector: bool
    snapshot: RuleSnapshot

    def plan(self, index: int) -> MonthPlan:
        return month_plan(
            _class_scheme(index, self.transport_sector),
            month=self.month,
            programmes=self.programmes,
            budget_source=self.budget_source,
            rules=self.snapshot,
        )

    def amounts(self, np: Any, index: int, bases: Any, programme: Programme) -> Any:
        """Net premiums of ``programme`` for officers of class ``index`` with these bases (int64)."""
        plan = self.plan(index)
        part = plan.part(programme)
        if part is None:
            return np.zeros(bases.shape, dtype=np.int64)
        if part.ratio is not None:
            basis = bases if plan.lowest_basis is None else np.maximum(bases, plan.lowest_basis.amount)
            gross = _scale_round(np, basis, part.ratio[0], part.ratio[1], plan.rounding)
        else:
            assert part.flat is not None
            gross = np.full(bases.shape, part.flat.amount, dtype=np.int64)
        if plan.relief_ratio is not None:
            gross = gross - _scale_round(np, gross, plan.relief_ratio[0], plan.relief_ratio[1], plan.rounding)
        return gross

    def receipt(self, classes: Iterable[int]) -> Receipt:
        return Receipt.merge([self.plan(index).receipt for index in sorted(set(classes))])

    def notes(self, classes: Iterable[int]) -> tuple[Text, ...]:
        seen: dict[Text, None] = {}
        for index in sorted(set(classes)):
            seen.update(dict.fromkeys(self.plan(index).notes))
        return tuple(seen)


def _programmes(programmes: object) -> frozenset[Programme]:
    if programmes is BOTH_PROGRAMMES:
        return BOTH_PROGRAMMES
    if isinstance(programmes, str | bytes) or not isinstance(programmes, Iterable):
        raise InputError(f"programmes: expected a set of Programme, got {type(programmes).__name__} ({short_repr(programmes)})")
    chosen = frozenset(programmes)
    if not chosen or any(not isinstance(p, Programme) for p in chosen):
        raise InputError(f"programmes: expected a non-empty set of Programme.JKK / Programme.JKM, got {short_repr(programmes)}")
    return chosen


def _make_plans(
    month: object,
    programmes: object,
    budget_source: object,
    transport_sector: object,
    rules: RuleSnapshot | None,
) -> _Plans:
    if not isinstance(month, Month):
        raise InputError(f"month: expected a Month, got {type(month).__name__} ({short_repr(month)})")
    if budget_source is not None and not isinstance(budget_source, BudgetSource):
        raise InputError(f"budget_source: expected a BudgetSource or None, got {short_repr(budget_source)}")
    if not isinstance(transport_sector, bool):
        raise InputError(f"transport_sector: expected True or False, got {short_repr(transport_sector)}")
    snapshot = snapshot_for(rules, month.first_day, what=f"the premiums of {month}")
    return _Plans(month, _programmes(programmes), budget_source, transport_sector, snapshot)


# --------------------------------------------------------------------------- roster arrays


@attrs.frozen(eq=False)
class _Roster:
    """Checked roster arrays: bases (int64), and scheme and risk codes (arrays, or one int for everyone)."""

    bases: Any
    schemes: Any
    risks: Any
    size: int
    low: int
    high: int

    def classes_of(self, np: Any, begin: int, end: int) -> Any:
        """Class index per officer of a slice (risk code, or the non-wage class)."""
        risks = self.risks if isinstance(self.risks, int) else self.risks[begin:end].astype(np.intp)
        if isinstance(self.schemes, int):
            if self.schemes == 1:
                return _BPU
            return risks
        bpu = self.schemes[begin:end] == 1
        classes = np.full(end - begin, risks, dtype=np.intp) if isinstance(risks, int) else risks.copy()
        classes[bpu] = _BPU
        return classes


def _codes(np: Any, values: object, what: str, size: int, limit: int) -> Any:
    """An integer code array of ``size`` entries from 0 to ``limit - 1``."""
    codes = np.asarray(values)
    if codes.dtype.kind not in "iu" or codes.shape != (size,):
        raise InputError(
            f"{what}: expected an integer array of {size} codes, got {codes.dtype} of shape {codes.shape}"
        )
    if size:
        low, high = int(codes.min()), int(codes.max())
        if low < 0 or high >= limit:
            bad = low if low < 0 else high
            index = int(np.argmax(codes == bad))
            raise InputError(f"{what}: codes must be 0 to {limit - 1}, got {bad} at index {index}")
    return codes


def _roster(np: Any, bases: object, schemes: object, risk_class: object) -> _Roster:
    values = np.asarray(bases)
    if values.dtype.kind == "f":
        raise CalculationError("bases: must be whole rupiah in an integer array, not floating point")
    if values.dtype.kind not in "iu":
        raise CalculationError(f"bases: expected an integer array of whole rupiah, got {values.dtype}")
    if values.ndim != 1:
        raise CalculationError(f"bases: expected a one-dimensional array, got {values.ndim} dimensions")
    if values.dtype.kind == "u" and values.size and int(values.max()) > MAX_AMOUNT:
        index = int(np.argmax(values > MAX_AMOUNT))
        raise CalculationError(f"bases: {int(values[index]):,} rupiah at index {index} is beyond Rp10^15, the largest amount")
    values = values.astype(np.int64, copy=False)
    size = int(values.shape[0])
    if schemes is None:
        scheme_codes: Any = 0
    else:
        scheme_codes = _codes(np, schemes, "schemes", size, len(SCHEME_CODES))
        if size and int(scheme_codes.max()) == int(scheme_codes.min()):
            scheme_codes = int(scheme_codes[0])
    if isinstance(risk_class, RiskClass):
        risks: Any = RISK_CLASS_CODES.index(risk_class)
    elif isinstance(risk_class, str | bytes | int) or risk_class is None:
        raise InputError(f"risk_class: expected a RiskClass or an integer array of codes, got {short_repr(risk_class)}")
    else:
        risks = _codes(np, risk_class, "risk_class", size, len(RISK_CLASS_CODES))
    low = int(values.min()) if size else 0
    high = int(values.max()) if size else 0
    if high > MAX_AMOUNT:  # the largest amount and where it first stands (digits grouped: no NIK-like run)
        index = int(np.argmax(values == high))
        raise CalculationError(f"bases: {high:,} rupiah at index {index} is beyond Rp10^15, the largest amount")
    if low < 0:  # the lowest amount and where it first stands
        index = int(np.argmax(values == low))
        raise CalculationError(f"bases: must not be negative, got {low:,} rupiah at index {index}")
    roster = _Roster(values, scheme_codes, risks, size, low, high)
    if low == 0 and not isinstance(scheme_codes, int):
        return roster  # mixed: the wage earners' zeros are looked for where the officers are counted or priced
    if low == 0 and scheme_codes == 0:
        _refuse_unpaid_wage_earners(np, roster, 0, size)
    return roster


def _refuse_unpaid_wage_earners(np: Any, roster: _Roster, begin: int, end: int) -> None:
    """Refuse a wage earner with a basis of 0 in ``[begin, end)`` (a non-wage earner's 0 means "not declared")."""
    if roster.low > 0 or (isinstance(roster.schemes, int) and roster.schemes == 1):
        return
    zero = roster.bases[begin:end] == 0
    if not isinstance(roster.schemes, int):
        zero &= roster.schemes[begin:end] == 0
    if zero.any():
        index = begin + int(np.argmax(zero))
        raise CalculationError(f"bases: a wage earner's wage must be positive, got 0 rupiah at index {index}")


# --------------------------------------------------------------------------- premiums per officer


@attrs.frozen(eq=False)
class PremiumArrays(Result):
    """Monthly premiums per officer (``int64`` arrays of whole rupiah), with the receipt of the plans applied.

    A programme not covered has an array of zeros.
    """

    month: Month
    jkk: NDArray[np.int64]
    jkm: NDArray[np.int64]
    total: NDArray[np.int64]
    receipt: Receipt
    notes: tuple[Text, ...] = ()

    @property
    def headcount(self) -> int:
        """Officers priced."""
        return int(self.total.shape[0])

    def _render(self, lang: Language) -> str:
        jkk, jkm = Rupiah(int(self.jkk.sum(dtype=object))), Rupiah(int(self.jkm.sum(dtype=object)))
        rows = [
            (_ARRAYS_HEAD_ONE if self.headcount == 1 else _ARRAYS_HEAD).render(lang).format(
                count=format_number(self.headcount, lang), month=self.month
            ),
            f"  JKK: {format_rupiah(jkk, lang)}",
            f"  JKM: {format_rupiah(jkm, lang)}",
            f"  {_TOTAL.render(lang)}: {format_rupiah(jkk + jkm, lang)}",
        ]
        rows += [f"  * {note.render(lang)}" for note in self.notes]
        rows.append(self.receipt.render(lang))
        return "\n".join(rows)

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON: per-officer amounts as lists, their totals and the receipt."""
        return {
            "kind": "premium_arrays",
            "month": str(self.month),
            "headcount": self.headcount,
            "jkk": self.jkk.tolist(),
            "jkm": self.jkm.tolist(),
            "total": self.total.tolist(),
            "jkk_total": int(self.jkk.sum(dtype=object)),
            "jkm_total": int(self.jkm.sum(dtype=object)),
            "notes": [note.to_dict() for note in self.notes],
            "receipt": self.receipt.to_dict(),
        }

    def records(self) -> list[dict[str, object]]:
        """One flat dict per officer (index, JKK, JKM, total)."""
        return [
            {"index": i, "month": str(self.month), "jkk": a, "jkm": b, "total": c}
            for i, (a, b, c) in enumerate(zip(self.jkk.tolist(), self.jkm.tolist(), self.total.tolist(), strict=True))
        ]


def _per_officer(np: Any, roster: _Roster, plans: _Plans, begin: int, end: int) -> tuple[Any, Any, tuple[int, ...]]:
    """JKK and JKM per officer of ``[begin, end)`` and the classes met."""
    _refuse_unpaid_wage_earners(np, roster, begin, end)
    bases = roster.bases[begin:end]
    classes = roster.classes_of(np, begin, end)
    if isinstance(classes, int):
        jkk = plans.amounts(np, classes, bases, Programme.JKK)
        jkm = plans.amounts(np, classes, bases, Programme.JKM)
        return jkk, jkm, ((classes,) if end > begin else ())
    jkk = np.zeros(end - begin, dtype=np.int64)
    jkm = np.zeros(end - begin, dtype=np.int64)
    met: list[int] = []
    for index in np.flatnonzero(np.bincount(classes, minlength=_BPU + 1)).tolist():
        where = np.flatnonzero(classes == index)
        jkk[where] = plans.amounts(np, index, bases[where], Programme.JKK)
        jkm[where] = plans.amounts(np, index, bases[where], Programme.JKM)
        met.append(index)
    return jkk, jkm, tuple(met)


def monthly_premiums(
    bases: ArrayLike,
    *,
    month: Month,
    schemes: ArrayLike | None = None,
    risk_class: RiskClass | ArrayLike = RiskClass.SANGAT_RENDAH,
    programmes: Iterable[Programme] = BOTH_PROGRAMMES,
    budget_source: BudgetSource | None = None,
    transport_sector: bool = False,
    rules: RuleSnapshot | None = None,
) -> PremiumArrays:
    """Each officer's premium for one month, equal to :func:`~jamsos_pemilu.premiums.monthly_premium`.

    Officer ``i`` gets what ``monthly_premium`` gives for basis ``bases[i]`` and
    the scheme of code ``schemes[i]`` (a wage earner of risk class
    ``risk_class[i]``, or a non-wage earner), with the same programmes, budget
    source and rules.

    Args:
        bases: per officer, the monthly wage (wage earners; positive) or the
            declared income (non-wage earners; ``0`` = not declared), whole
            rupiah in an integer array.
        month: the contribution month.
        schemes: scheme code per officer (:data:`SCHEME_CODES`); ``None``: all wage earners.
        risk_class: one :class:`~jamsos_pemilu.schemes.RiskClass` for every wage
            earner, or an integer array of codes into :data:`RISK_CLASS_CODES`.
        programmes: the programmes covered (both by default).
        budget_source: who pays (decides PP 50/2025 for non-wage earners).
        transport_sector: whether the non-wage earners are transport-sector workers.
        rules: the rules in force on ``month.first_day`` (default: the shipped rule book).

    Returns:
        :class:`PremiumArrays` with the receipt of every plan applied.

    Raises:
        CalculationError: a wage earner's wage not positive, a negative income,
            or bases that are not integers.
        InputError: bad codes, programmes or other arguments.
        RuleNotInForceError: a month outside the rule data.

    >>> import numpy as np
    >>> from jamsos_pemilu import BudgetSource, Month
    >>> monthly_premiums(np.array([1_100_000]), month=Month(2020, 9)).total.tolist()  # PP 49/2020: 99% off
    [59]
    >>> mixed = monthly_premiums(np.array([1_100_000, 0]), month=Month(2026, 5), schemes=np.array([0, 1]),
    ...                          budget_source=BudgetSource.SELF_PAID)
    >>> mixed.total.tolist()  # the non-wage earner pays half of Rp16.800 under PP 50/2025
    [5940, 8400]
    """
    np = _numpy()
    roster = _roster(np, bases, schemes, risk_class)
    plans = _make_plans(month, programmes, budget_source, transport_sector, rules)
    jkk, jkm, met = _per_officer(np, roster, plans, 0, roster.size)
    used = met or (_default_class(roster),)
    return PremiumArrays(plans.month, jkk, jkm, jkk + jkm, plans.receipt(used), plans.notes(used))


def _default_class(roster: _Roster) -> int:
    """The class whose plan stands for an empty roster's receipt."""
    if isinstance(roster.schemes, int) and roster.schemes == 1:
        return _BPU
    return roster.risks if isinstance(roster.risks, int) else 0


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
    if type(size) is not int or size <= 0:
        raise InputError(f"size: expected a positive int, got {short_repr(size)}")
    if codes.dtype.kind not in "iu" or amounts.dtype.kind not in "iu":
        raise InputError(f"groups and values: expected integer arrays, got {codes.dtype} and {amounts.dtype}")
    if codes.shape != amounts.shape or codes.ndim != 1:
        raise InputError(f"groups and values: expected one-dimensional arrays of one length, got {codes.shape} and {amounts.shape}")
    if codes.size and (int(codes.min()) < 0 or int(codes.max()) >= size):
        raise InputError(f"groups: codes must be 0 to {size - 1}, got {int(codes.min())} to {int(codes.max())}")
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
    """One group's (role's, role-and-position's...) monthly premiums."""

    label: str
    headcount: int
    jkk: Rupiah
    jkm: Rupiah

    @property
    def total(self) -> Rupiah:
        """JKK plus JKM."""
        return self.jkk + self.jkm

    def to_dict(self) -> dict[str, object]:
        """A flat record."""
        return {
            "label": self.label,
            "headcount": self.headcount,
            "jkk": self.jkk.amount,
            "jkm": self.jkm.amount,
            "total": self.total.amount,
        }


@attrs.frozen
class RosterBudget(Result):
    """A month's premiums over a roster, by group, exact to the rupiah, with the receipt of the plans applied.

    Rows are in group-code order and list only groups with officers.
    """

    month: Month
    rows: tuple[GroupTotal, ...]
    receipt: Receipt
    notes: tuple[Text, ...] = ()

    @property
    def headcount(self) -> int:
        """Officers counted."""
        return sum(row.headcount for row in self.rows)

    @property
    def jkk(self) -> Rupiah:
        """Total JKK premiums."""
        return sum((row.jkk for row in self.rows), Rupiah.zero())

    @property
    def jkm(self) -> Rupiah:
        """Total JKM premiums."""
        return sum((row.jkm for row in self.rows), Rupiah.zero())

    @property
    def total(self) -> Rupiah:
        """Total premiums."""
        return self.jkk + self.jkm

    def row(self, label: str) -> GroupTotal:
        """The row of ``label`` (a group with no officers has a zero row).

        >>> import numpy as np
        >>> from jamsos_pemilu import Month
        >>> monthly_budget(np.array([5]), np.array([1_100_000]), month=Month(2024, 2)).row("ppk").total
        Rupiah(0)
        """
        for row in self.rows:
            if row.label == label:
                return row
        return GroupTotal(label, 0, Rupiah.zero(), Rupiah.zero())

    def merge(self, other: RosterBudget) -> RosterBudget:
        """The budget of two parts of a roster (same month), rows merged by label, receipts merged.

        Raises:
            InputError: if the months differ.
        """
        if not isinstance(other, RosterBudget):
            raise InputError(f"other: expected a RosterBudget, got {type(other).__name__}")
        if other.month != self.month:
            raise InputError(f"other: cannot merge budgets of {self.month} and {other.month}")
        rows: dict[str, GroupTotal] = {row.label: row for row in self.rows}
        for row in other.rows:
            mine = rows.get(row.label)
            rows[row.label] = (
                row
                if mine is None
                else GroupTotal(row.label, mine.headcount + row.headcount, mine.jkk + row.jkk, mine.jkm + row.jkm)
            )
        notes = tuple(dict.fromkeys((*self.notes, *other.notes)))
        return RosterBudget(self.month, tuple(rows.values()), Receipt.merge([self.receipt, other.receipt]), notes)

    def _render(self, lang: Language) -> str:
        table = [
            [_for_readers(r.label), format_number(r.headcount, lang), format_rupiah(r.jkk, lang), format_rupiah(r.jkm, lang),
             format_rupiah(r.total, lang)]
            for r in self.rows
        ]
        table.append(
            [_TOTAL.render(lang), format_number(self.headcount, lang), format_rupiah(self.jkk, lang),
             format_rupiah(self.jkm, lang), format_rupiah(self.total, lang)]
        )
        rows = [
            _BUDGET_HEAD.render(lang).format(month=self.month),
            render_table([h.render(lang) for h in _HEADERS], table, right=[1, 2, 3, 4]),
        ]
        rows += [f"  * {note.render(lang)}" for note in self.notes]
        rows.append(self.receipt.render(lang))
        return "\n".join(rows)

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON (amounts as ints)."""
        return {
            "kind": "roster_budget",
            "month": str(self.month),
            "rows": [row.to_dict() for row in self.rows],
            "headcount": self.headcount,
            "jkk": self.jkk.amount,
            "jkm": self.jkm.amount,
            "total": self.total.amount,
            "notes": [note.to_dict() for note in self.notes],
            "receipt": self.receipt.to_dict(),
        }

    def records(self) -> list[dict[str, object]]:
        """One flat dict per group, with the month."""
        return [{"month": str(self.month), **row.to_dict()} for row in self.rows]


_ROLE_WORDS: Final = {role.value: role.abbreviation for role in ROLE_CODES}


def _for_readers(label: str) -> str:
    """A group label for readers: role codes become their abbreviation (``kpps.ketua`` → ``KPPS ketua``)."""
    role, _, position = label.partition(".")
    if role not in _ROLE_WORDS:
        return label
    return f"{_ROLE_WORDS[role]} {position.replace('_', ' ')}".rstrip()


def _grouped_counts(
    np: Any, codes: Any, roster: _Roster, size: int, *, max_bins: int | None = None
) -> tuple[Any, int, int, int, int, int] | None:
    """Officers counted per (group, scheme, risk class, basis), or ``None`` where that is not cheaper.

    A national roster has few distinct bases (honoraria, declared incomes): when
    every basis lies on a grid ``low + unit × k`` with few points, each officer
    is counted in a bin ``((group × S + scheme) × R + risk) × W + k`` and the
    premium is computed once per bin. The grid is guessed from a sample and
    proven on the whole roster: the sum of ``basis − low`` equals ``unit``
    times the sum of ``k`` exactly when no basis lies off the grid (each
    ``basis − low − unit × k`` is the non-negative remainder of a floor
    division). The work per officer is a few ``int32`` and ``uint8``
    operations on cache-sized chunks and one ``bincount``. Grouping pays
    when there are fewer bins than ``max_bins`` (default: four per officer,
    at most 2**20). Returns the counts and ``(low, unit, W, S, R)``.
    """
    bases = roster.bases
    n = roster.size
    low, high = roster.low, roster.high  # high - low < 2**30, so a chunk's sum of offsets fits int64
    if high - low > _INT32_MAX // 2 or high > _INT64_MAX // max(n, 1):
        return None
    unit = int(np.gcd.reduce(bases[:4096] - low)) or 1
    width = (high - low) // unit + 1
    schemes = 1 if isinstance(roster.schemes, int) else len(SCHEME_CODES)
    risks = 1 if isinstance(roster.risks, int) else len(RISK_CLASS_CODES)
    classes = size * schemes * risks
    bins = classes * width
    if bins > (min(_MAX_BINS, 4 * n) if max_bins is None else max_bins):
        return None
    kind = np.uint8 if classes <= 2**8 else np.uint16 if classes <= 2**16 else np.int32
    counts = np.zeros(bins, dtype=np.int64)
    step = min(_GROUP_CHUNK, n)
    offset = np.empty(step, dtype=np.int32)
    key = np.empty(step, dtype=np.int32)
    group = np.empty(step, dtype=kind)
    spread = 0
    narrow = high <= _INT32_MAX
    for begin in range(0, n, step):
        end = min(n, begin + step)
        k, kk, g = offset[: end - begin], key[: end - begin], group[: end - begin]
        chunk = bases[begin:end]
        spread += int(chunk.sum())  # int64 (n × high is checked above), while the chunk is in cache
        if narrow:  # the bases themselves fit int32: cast, then subtract in int32
            k[...] = chunk
            if low:
                k -= low
        else:  # only the offsets fit int32 (high - low is checked above)
            np.subtract(chunk, low, out=k, casting="unsafe")
        if unit != 1:
            k //= unit
        if schemes > 1:  # codes are checked: group × S + scheme fits the small type
            np.multiply(codes[begin:end], schemes, out=g, casting="unsafe")
            np.add(g, roster.schemes[begin:end], out=g, casting="unsafe")
        else:
            g[...] = codes[begin:end]
        if risks > 1:
            g *= risks
            np.add(g, roster.risks[begin:end], out=g, casting="unsafe")  # codes are checked: they fit
        np.multiply(g, width, out=kk, dtype=np.int32, casting="unsafe")
        kk += k
        counts += np.bincount(kk, minlength=bins)
    grid = np.arange(bins, dtype=np.int64) % width
    if spread - n * low != unit * int((counts * grid).sum()):
        return None
    if low == 0 and schemes > 1:
        # Bin k = 0 holds the bases of 0; under scheme code 0 they are wage earners without a wage.
        scheme_of_bin = (np.arange(bins) // (width * risks)) % schemes
        if int(counts[(grid == 0) & (scheme_of_bin == 0)].sum()):
            _refuse_unpaid_wage_earners(np, roster, 0, n)
    return counts, low, unit, width, schemes, risks


def _budget_grouped(
    np: Any, found: tuple[Any, int, int, int, int, int], roster: _Roster, plans: _Plans, size: int
) -> tuple[list[int], list[int], list[int], tuple[int, ...]]:
    counts, low, unit, width, schemes, risks = found
    filled = np.flatnonzero(counts)
    k = filled % width
    rest = filled // width
    risk = rest % risks if risks > 1 else np.full(filled.shape, roster.risks if isinstance(roster.risks, int) else 0)
    rest = rest // risks
    scheme = rest % schemes if schemes > 1 else np.full(filled.shape, roster.schemes)
    group = rest // schemes
    classes = np.where(scheme == 1, _BPU, risk)
    basis = low + k.astype(np.int64) * unit
    jkk = np.zeros(filled.shape, dtype=np.int64)
    jkm = np.zeros(filled.shape, dtype=np.int64)
    met = tuple(int(c) for c in np.unique(classes))
    for index in met:
        where = np.flatnonzero(classes == index)
        jkk[where] = plans.amounts(np, index, basis[where], Programme.JKK)
        jkm[where] = plans.amounts(np, index, basis[where], Programme.JKM)
    heads, jkk_sums, jkm_sums = [0] * size, [0] * size, [0] * size
    for g, c, a, b in zip(group.tolist(), counts[filled].tolist(), jkk.tolist(), jkm.tolist(), strict=True):
        heads[g] += c
        jkk_sums[g] += c * a
        jkm_sums[g] += c * b
    return heads, jkk_sums, jkm_sums, met


def _budget_direct(
    np: Any, codes: Any, roster: _Roster, plans: _Plans, size: int
) -> tuple[list[int], list[int], list[int], tuple[int, ...]]:
    heads, jkk_sums, jkm_sums = [0] * size, [0] * size, [0] * size
    met: set[int] = set()
    for begin in range(0, roster.size, _CHUNK):
        end = min(roster.size, begin + _CHUNK)
        jkk, jkm, classes = _per_officer(np, roster, plans, begin, end)
        met.update(classes)
        part = codes[begin:end]
        heads = [a + b for a, b in zip(heads, np.bincount(part, minlength=size).tolist(), strict=True)]
        jkk_sums = [a + b for a, b in zip(jkk_sums, group_sums(part, jkk, size), strict=True)]
        jkm_sums = [a + b for a, b in zip(jkm_sums, group_sums(part, jkm, size), strict=True)]
    return heads, jkk_sums, jkm_sums, tuple(sorted(met))


def monthly_budget(
    groups: ArrayLike,
    bases: ArrayLike,
    *,
    month: Month,
    labels: Sequence[str] = ROLE_LABELS,
    schemes: ArrayLike | None = None,
    risk_class: RiskClass | ArrayLike = RiskClass.SANGAT_RENDAH,
    programmes: Iterable[Programme] = BOTH_PROGRAMMES,
    budget_source: BudgetSource | None = None,
    transport_sector: bool = False,
    rules: RuleSnapshot | None = None,
) -> RosterBudget:
    """A month's premiums by group (by default by role code), exact to the rupiah.

    Each officer's premium is the one :func:`monthly_premiums` gives. Where
    the roster's bases lie on a small grid (honoraria, declared incomes), the
    premium is computed once per (group, scheme, risk class, basis) and
    multiplied by the number of officers who share it; otherwise officer by
    officer, in chunks. Both ways give the same rupiah (a test checks it);
    working memory beyond the inputs stays a few megabytes.

    Args:
        groups: group code per officer, ``0 <= code < len(labels)`` (role codes of
            :data:`jamsos_pemilu.rosters.ROLE_CODES` by default).
        bases: monthly wage or declared income per officer, as for :func:`monthly_premiums`.
        month: the contribution month.
        labels: the name of each group code.
        schemes: scheme code per officer (:data:`SCHEME_CODES`); ``None``: all wage earners.
        risk_class: as for :func:`monthly_premiums`.
        programmes: the programmes covered.
        budget_source: who pays.
        transport_sector: whether the non-wage earners are transport-sector workers.
        rules: the rules in force on ``month.first_day`` (default: the shipped rule book).

    Returns:
        A :class:`RosterBudget` with the receipt of every plan applied.

    Raises:
        CalculationError: a wage earner's wage not positive.
        InputError: mismatched arrays, codes out of range, or other bad arguments.

    >>> import numpy as np
    >>> from jamsos_pemilu import Month
    >>> monthly_budget(np.array([5, 5]), np.array([1_100_000, 1_200_000]), month=Month(2024, 2)).total
    Rupiah(12420)
    """
    np = _numpy()
    roster = _roster(np, bases, schemes, risk_class)
    if isinstance(labels, str) or not isinstance(labels, Sequence) or not labels:
        raise InputError(f"labels: expected a non-empty sequence of group names, got {short_repr(labels)}")
    size = len(labels)
    codes = _codes(np, groups, "groups", roster.size, size)
    plans = _make_plans(month, programmes, budget_source, transport_sector, rules)
    found = _grouped_counts(np, codes, roster, size) if roster.size else None
    if found is not None:
        heads, jkk, jkm, met = _budget_grouped(np, found, roster, plans, size)
    else:
        heads, jkk, jkm, met = _budget_direct(np, codes, roster, plans, size)
    used = met or (_default_class(roster),)
    rows = tuple(
        GroupTotal(labels[code], heads[code], Rupiah(jkk[code]), Rupiah(jkm[code])) for code in range(size) if heads[code]
    )
    return RosterBudget(plans.month, rows, plans.receipt(used), plans.notes(used))


def roster_budget(
    chunks: Iterable[RosterChunk],
    *,
    month: Month,
    by: Literal["role", "role_position"] = "role",
    risk_class: RiskClass = RiskClass.SANGAT_RENDAH,
    programmes: Iterable[Programme] = BOTH_PROGRAMMES,
    rules: RuleSnapshot | None = None,
) -> RosterBudget:
    r"""A month's budget over a roster read with :func:`jamsos_pemilu.rosters.read_columns`.

    The officers of a roster file are wage earners (the file has a wage
    column). An officer counts in ``month`` when the appointment touches it (a
    premium is owed for every month a coverage period touches). Chunks are
    processed one at a time, so a roster of any length streams through.

    Args:
        chunks: roster chunks.
        month: the contribution month.
        by: ``"role"`` or ``"role_position"`` (labels ``"kpps.ketua"``...).
        risk_class: the risk class of everyone.
        programmes: the programmes covered.
        rules: the rules in force on ``month.first_day`` (default: the shipped rule book).

    Returns:
        A :class:`RosterBudget`.

    >>> import io
    >>> from jamsos_pemilu import Month
    >>> from jamsos_pemilu.rosters import read_columns
    >>> text = "nik,name,role,position,election,appointment_start,appointment_end\n"
    >>> text += "3602041211870001,Siti,KPPS,anggota,pemilu_2024,2024-01-25,2024-02-25\n"
    >>> roster_budget(read_columns(io.StringIO(text)), month=Month(2024, 3)).headcount  # not on duty in March
    0
    """
    np = _numpy()
    if by not in ("role", "role_position"):
        raise InputError(f"by: expected 'role' or 'role_position', got {short_repr(by)}")
    if not isinstance(risk_class, RiskClass):
        raise InputError(f"risk_class: expected a RiskClass, got {short_repr(risk_class)}")
    plans = _make_plans(month, programmes, None, False, rules)
    labels = ROLE_LABELS if by == "role" else ROLE_POSITION_LABELS
    first = np.datetime64(plans.month.first_day.isoformat(), "D")
    last = np.datetime64(plans.month.last_day.isoformat(), "D")
    index = RISK_CLASS_CODES.index(risk_class)
    budget = RosterBudget(plans.month, (), plans.receipt((index,)), plans.notes((index,)))
    for chunk in chunks:
        if not isinstance(chunk, RosterChunk):
            raise InputError(f"chunks: expected RosterChunk items, got {type(chunk).__name__}")
        active = (chunk.appointment_start <= last) & (chunk.appointment_end >= first)
        if by == "role":
            codes = chunk.role[active].astype(np.intp)
        else:
            codes = chunk.role[active].astype(np.intp) * len(POSITION_CODES) + chunk.position[active]
        if not codes.size:
            continue
        part = monthly_budget(
            codes,
            chunk.wage[active],
            month=plans.month,
            labels=labels,
            risk_class=risk_class,
            programmes=plans.programmes,
            rules=plans.snapshot,
        )
        budget = budget.merge(part)
    order = {label: position for position, label in enumerate(labels)}
    rows = tuple(sorted(budget.rows, key=lambda row: order[row.label]))
    return RosterBudget(plans.month, rows, budget.receipt, budget.notes)


# --------------------------------------------------------------------------- benefit exposure


@attrs.frozen(eq=False)
class DeathExposure(Result):
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
        receipt: the rule values used.

    """

    on: dt.date
    jkk: NDArray[np.int64]
    jkm: Rupiah
    jkk_total: Rupiah
    jkm_total: Rupiah
    receipt: Receipt

    @property
    def headcount(self) -> int:
        """Officers counted."""
        return int(self.jkk.shape[0])

    def _render(self, lang: Language) -> str:
        rows = [
            (_EXPOSURE_HEAD_ONE if self.headcount == 1 else _EXPOSURE_HEAD).render(lang).format(
                count=format_number(self.headcount, lang), on=format_date(self.on, lang)
            ),
            f"  {_JKK_DEATH.render(lang)}: {format_rupiah(self.jkk_total, lang)}",
            f"  {_JKM_DEATH.render(lang)}: {format_rupiah(self.jkm_total, lang)}",
            f"  {_TOTAL.render(lang)}: {format_rupiah(self.jkk_total + self.jkm_total, lang)}",
            self.receipt.render(lang),
        ]
        return "\n".join(rows)

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON."""
        return {
            "kind": "death_exposure",
            "on": self.on.isoformat(),
            "headcount": self.headcount,
            "jkk": self.jkk.tolist(),
            "jkm": self.jkm.amount,
            "jkk_total": self.jkk_total.amount,
            "jkm_total": self.jkm_total.amount,
            "receipt": self.receipt.to_dict(),
        }

    def records(self) -> list[dict[str, object]]:
        """One flat dict per officer (index, JKK and JKM death benefit)."""
        jkm = self.jkm.amount
        return [{"index": i, "jkk": a, "jkm": jkm} for i, a in enumerate(self.jkk.tolist())]


def death_exposure(wages: ArrayLike, *, on: dt.date, rules: RuleSnapshot | None = None) -> DeathExposure:
    """Death-benefit exposure over a roster, equal to :func:`~jamsos_pemilu.benefits.jkk_death` and ``jkm_death``.

    Args:
        wages: the monthly wage per officer (positive whole rupiah).
        on: the date of the event (its rules apply).
        rules: the rules in force on ``on`` (default: the shipped rule book).

    Returns:
        A :class:`DeathExposure`.

    Raises:
        CalculationError: a non-positive wage.
        RuleNotInForceError: a date outside the rule data.

    >>> import datetime as dt
    >>> import numpy as np
    >>> exposure = death_exposure(np.array([1_100_000, 500_000]), on=dt.date(2024, 2, 14))
    >>> exposure.jkk.tolist(), exposure.jkm
    ([74800000, 46000000], Rupiah(42000000))
    """
    np = _numpy()
    snapshot = snapshot_for(rules, on, what="a death-benefit exposure")
    roster = _roster(np, wages, None, RiskClass.SANGAT_RENDAH)
    values = roster.bases
    trace = RuleTrace(snapshot)
    multiplier = trace[names.JKK_DEATH_WAGE_MULTIPLIER].integer
    extras = trace[names.JKK_FUNERAL].rupiah.amount + trace[names.JKK_PERIODIC_BENEFIT].rupiah.amount
    floor = trace[names.JKK_DEATH_FLOOR].rupiah.amount if names.JKK_DEATH_FLOOR in trace else 0
    largest = int(values.max()) if values.size else 0
    if largest * multiplier + floor + extras > _INT64_MAX:
        raise CalculationError(f"wages: {largest} rupiah is too large for the int64 batch path")
    jkk = values * multiplier
    np.maximum(jkk, floor, out=jkk)
    jkk += extras
    jkm = sum(trace[name].rupiah.amount for name in (names.JKM_LUMP_SUM, names.JKM_PERIODIC_BENEFIT, names.JKM_FUNERAL))
    total = sum(group_sums(np.zeros(jkk.shape[0], dtype=np.intp), jkk, 1)) if jkk.size else 0
    return DeathExposure(on, jkk, Rupiah(jkm), Rupiah(total), Rupiah(jkm * int(values.shape[0])), trace.receipt())

