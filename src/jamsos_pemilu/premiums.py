"""Iuran (premiums, *contributions*): what covering an officer costs, month by month, and the late fine.

For a wage earner (*Penerima Upah*) the JKK premium is the risk-class rate of
the monthly wage (PP 44/2015 Pasal 16(1)) and the JKM premium 0,30% of it
(Pasal 18(1)); the employer pays both. For a non-wage earner (*Bukan Penerima
Upah*) JKK is a rate of the declared income basis (Pasal 20(1), Lampiran II)
and JKM a flat amount (Pasal 20(3)). Temporary reliefs apply only in their
months and only to whom they apply: PP 49/2020 (contribution months August
2020 to January 2021) and PP 50/2025 (non-wage earners in 2026–2027, except
those paid from APBN or APBD).

Everything about a month's premium that does not depend on the basis is one
value, the :class:`MonthPlan` (:func:`month_plan`): the rate of each programme
as a :class:`~decimal.Decimal` and as an exact fraction, or its flat amount;
the relief in force; the rounding rule; the due date; the notes and the
receipt. The one-officer calculator (:func:`monthly_premium`) and the columnar
one (:func:`jamsos_pemilu.batch.monthly_premiums`) both apply it, so the relief
precedence and the parameter names exist once.

Premiums are owed per calendar month: a coverage period owes one premium for
every month it touches (the regulations set *iuran* per month and state no
pro-rating). Each programme's amount is rounded once, with the rule-book
rounding rule, and a relief's discount is rounded once more.

KPU Sulawesi Selatan's figure for a ketua PPK on Rp2.500.000:

>>> from jamsos_pemilu import Month, Rupiah
>>> premium = monthly_premium(Rupiah(2_500_000), month=Month(2024, 2))
>>> premium.total
Rupiah(13500)
>>> print(premium.lines[0].formula.render("id"))
0,24% × Rp2.500.000
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from decimal import Decimal
from typing import Final

import attrs
from dateutil.relativedelta import relativedelta

from jamsos_pemilu.elections import election as find_election
from jamsos_pemilu.exceptions import (
    CalculationError,
    FloatMoneyError,
    InputError,
    UnknownCodeError,
    UnknownParameterError,
    short_repr,
)
from jamsos_pemilu.explain import (
    Formula,
    LineItem,
    Receipt,
    Result,
    RuleTrace,
    Share,
    citations_of,
    line_records,
    render_lines,
)
from jamsos_pemilu.l10n import Language, Text, format_date, format_rupiah
from jamsos_pemilu.law import names
from jamsos_pemilu.law.citations import Citation
from jamsos_pemilu.law.parameters import RuleBook, RuleSnapshot, RuleValue, rules_on, snapshot_for
from jamsos_pemilu.money import RoundingRule, Rupiah, round_rupiah
from jamsos_pemilu.officers import Officer
from jamsos_pemilu.periods import Month, Period
from jamsos_pemilu.schemes import BudgetSource, NonWageEarner, Programme, Scheme, WageEarner

__all__ = [
    "BOTH_PROGRAMMES",
    "LateFine",
    "MonthPlan",
    "PlanPart",
    "Premium",
    "PremiumSchedule",
    "due_date",
    "late_fine",
    "month_plan",
    "monthly_premium",
    "officer_premium",
    "period_premium",
]

BOTH_PROGRAMMES: Final = frozenset({Programme.JKK, Programme.JKM})
"""JKK and JKM, the programmes an agreement covers unless it says otherwise."""

_DEFAULT_SCHEME: Final = WageEarner()
_JKK_LABEL: Final = Text(id="Iuran JKK", en="JKK premium")
_JKM_LABEL: Final = Text(id="Iuran JKM", en="JKM premium")
_RELIEF_LABELS: Final = {
    Programme.JKK: Text(id="Keringanan iuran JKK", en="JKK premium relief"),
    Programme.JKM: Text(id="Keringanan iuran JKM", en="JKM premium relief"),
}
_HEAD: Final = Text(id="Iuran bulan {month} ({scheme})", en="Premium for {month} ({scheme})")
_DUE: Final = Text(id="jatuh tempo", en="due")
_SCHEDULE_HEAD: Final = Text(id="Iuran per bulan ({period})", en="Premiums by month ({period})")
_TOTAL: Final = Text(id="Jumlah", en="Total")
_FINE_LABEL: Final = Text(id="Denda keterlambatan", en="Late-payment fine")
_FINE_NOTE: Final = Text(
    id="Bulan keterlambatan yang sudah berjalan dihitung satu bulan (tafsiran pustaka).",
    en="A started month of delay counts as a month (the library's reading).",
)
_BPU_NOTE: Final = Text(
    id="Tabel Lampiran II PP 44/2015 belum ditranskripsi; penghasilan dipakai apa adanya.",
    en="PP 44/2015 Lampiran II brackets not transcribed; the income is used as declared.",
)
_PP50_UNKNOWN_SOURCE: Final = Text(
    id="Diskon PP 50/2025 tidak diterapkan: sumber dana iuran tidak diketahui "
    "(peserta yang iurannya dibayar APBN/APBD dikecualikan, Pasal 3 ayat (5)).",
    en="PP 50/2025 discount not applied: the budget source is unknown "
    "(participants paid from APBN/APBD are excluded, Pasal 3(5)).",
)
_PP50_PUBLIC_SOURCE: Final = Text(
    id="Diskon PP 50/2025 tidak berlaku: iuran dibayar dari APBN/APBD (Pasal 3 ayat (5)).",
    en="PP 50/2025 discount does not apply: premiums are paid from APBN/APBD (Pasal 3(5)).",
)
_NO_HOLIDAY_CALENDAR: Final = Text(
    id="Tanggal jatuh tempo belum digeser untuk hari libur: paket 'holidays' tidak terpasang "
    "(pip install 'jamsos-pemilu[holidays]'); akhir pekan juga tidak diperiksa.",
    en="The due date is not moved for holidays: the 'holidays' package is not installed "
    "(pip install 'jamsos-pemilu[holidays]'); weekends are not checked either.",
)
_SHIFTS: Final = {"next_working_day": 1, "previous_working_day": -1}




# --------------------------------------------------------------------------- argument checks


def _require_month(month: object) -> Month:
    if not isinstance(month, Month):
        raise InputError(f"month: expected a Month, got {type(month).__name__} ({short_repr(month)})")
    return month


def _require_scheme(scheme: object) -> Scheme:
    if not isinstance(scheme, WageEarner | NonWageEarner):
        raise InputError(f"scheme: expected WageEarner or NonWageEarner, got {type(scheme).__name__} ({short_repr(scheme)})")
    return scheme


def _require_budget_source(budget_source: object) -> BudgetSource | None:
    if budget_source is not None and not isinstance(budget_source, BudgetSource):
        raise InputError(
            f"budget_source: expected a BudgetSource or None, got {type(budget_source).__name__} ({short_repr(budget_source)})"
        )
    return budget_source


def _require_programmes(programmes: object) -> frozenset[Programme]:
    if programmes is BOTH_PROGRAMMES:
        return BOTH_PROGRAMMES
    if isinstance(programmes, str | bytes) or not isinstance(programmes, Iterable):
        raise InputError(f"programmes: expected a set of Programme, got {type(programmes).__name__} ({short_repr(programmes)})")
    chosen = frozenset(programmes)
    if not chosen or any(not isinstance(p, Programme) for p in chosen):
        raise InputError(
            f"programmes: expected a non-empty set of Programme.JKK / Programme.JKM, got {short_repr(programmes)}"
        )
    return chosen


def _require_date(value: object, what: str) -> dt.date:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise InputError(f"{what}: expected a datetime.date, got {type(value).__name__} ({short_repr(value)})")
    return value


def _require_money(value: object, what: str, *, positive: bool) -> Rupiah:
    if not isinstance(value, Rupiah):
        raise FloatMoneyError(value, where=what)
    if value.amount < 0 or (positive and value.amount == 0):
        bound = "positive" if positive else "zero or more"
        raise CalculationError(f"{what}: must be {bound}, got {value.amount} rupiah")
    return value


# --------------------------------------------------------------------------- the monthly plan


@attrs.frozen
class PlanPart:
    """How one programme's premium is computed in a month: a rate of the basis, or a flat amount.

    Attributes:
        programme: JKK or JKM.
        label: the line's label.
        rate: the rate as a :class:`~decimal.Decimal` (``None`` for a flat amount).
        ratio: the same rate as an exact fraction ``(numerator, denominator)``,
            the form the columnar path computes with (``None`` for a flat amount).
        flat: the flat monthly amount (``None`` for a rate).
        citations: where the rate or amount comes from.
        parameters: the rule-book parameters read.
        note: a caveat shown on the line.

    """

    programme: Programme
    label: Text
    rate: Decimal | None
    ratio: tuple[int, int] | None
    flat: Rupiah | None
    citations: tuple[Citation, ...]
    parameters: tuple[str, ...]
    note: Text | None = None

    @property
    def key(self) -> str:
        """The line key (``"jkk"``, ``"jkm"``)."""
        return self.programme.value

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON."""
        return {
            "programme": self.programme.value,
            "rate": None if self.rate is None else str(self.rate),
            "ratio": None if self.ratio is None else list(self.ratio),
            "flat": None if self.flat is None else self.flat.amount,
            "parameters": list(self.parameters),
        }


def _ratio(rate: Decimal) -> tuple[int, int]:
    numerator, denominator = rate.as_integer_ratio()
    return numerator, denominator


@attrs.frozen
class MonthPlan:
    """Everything about one month's premium that does not depend on the officer's basis.

    Built once per (month, scheme, programmes, budget source, rules) by
    :func:`month_plan` and applied by both :func:`monthly_premium` (one basis)
    and :func:`jamsos_pemilu.batch.monthly_premiums` (an array of bases).

    Attributes:
        month: the contribution month (rules in force on its first day).
        scheme: the scheme the plan is for.
        programmes: the programmes covered.
        budget_source: who pays (decides PP 50/2025), ``None`` when unknown.
        parts: one :class:`PlanPart` per programme covered, JKK first.
        relief: the discount in force for this participant (PP 49/2020, or
            PP 50/2025 for a non-wage earner not paid from APBN/APBD), or ``None``.
        relief_ratio: the discount as an exact fraction, or ``None``.
        rounding: how each amount becomes whole rupiah (``contribution.rounding``).
        lowest_basis: a non-wage earner's lowest income basis (``None`` for wage earners).
        due: the due date, moved off a weekend or holiday as the rules say.
        notes: statements about the month that every premium of the plan carries.
        receipt: the rule values read, with citations and confidence.

    >>> from jamsos_pemilu import Month
    >>> plan = month_plan(month=Month(2020, 9))
    >>> [(part.key, part.rate, part.ratio) for part in plan.parts]
    [('jkk', Decimal('0.0024'), (3, 1250)), ('jkm', Decimal('0.0030'), (3, 1000))]
    >>> plan.relief.rate, plan.relief_ratio, plan.rounding.value
    (Decimal('0.99'), (99, 100), 'half_up')
    """

    month: Month
    scheme: Scheme
    programmes: frozenset[Programme]
    budget_source: BudgetSource | None
    parts: tuple[PlanPart, ...]
    relief: RuleValue | None
    relief_ratio: tuple[int, int] | None
    rounding: RoundingRule
    lowest_basis: Rupiah | None
    due: dt.date
    notes: tuple[Text, ...]
    receipt: Receipt
    _premiums: dict[Rupiah | None, Premium] = attrs.field(factory=dict, init=False, repr=False, eq=False)
    """Premiums already computed with this plan, by the basis passed (results are immutable values)."""

    def part(self, programme: Programme) -> PlanPart | None:
        """The part of ``programme``, or ``None`` if it is not covered."""
        for part in self.parts:
            if part.programme is programme:
                return part
        return None

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON."""
        return {
            "kind": "month_plan",
            "month": str(self.month),
            "scheme": self.scheme.kind,
            "programmes": sorted(p.value for p in self.programmes),
            "budget_source": None if self.budget_source is None else self.budget_source.value,
            "parts": [part.to_dict() for part in self.parts],
            "relief": None if self.relief is None else {"name": self.relief.name, "rate": str(self.relief.rate)},
            "rounding": self.rounding.value,
            "lowest_basis": None if self.lowest_basis is None else self.lowest_basis.amount,
            "due": self.due.isoformat(),
            "notes": [note.to_dict() for note in self.notes],
            "receipt": self.receipt.to_dict(),
        }


def _relief(
    trace: RuleTrace, scheme: Scheme, budget_source: BudgetSource | None
) -> tuple[RuleValue | None, Text | None]:
    """The relief in force for this month and participant, or why none applies.

    PP 49/2020 covers every participant in its months; PP 50/2025 covers only
    non-wage earners whose premiums are not paid from APBN/APBD (Pasal 3(5)).
    """
    if names.RELIEF_PP49_2020_DISCOUNT in trace:
        return trace[names.RELIEF_PP49_2020_DISCOUNT], None
    if not isinstance(scheme, NonWageEarner):
        return None, None
    name = (
        names.RELIEF_PP50_2025_DISCOUNT_TRANSPORT if scheme.transport_sector else names.RELIEF_PP50_2025_DISCOUNT_OTHER
    )
    if name not in trace:
        return None, None
    if budget_source is None:
        return None, _PP50_UNKNOWN_SOURCE
    if budget_source.public:
        return None, _PP50_PUBLIC_SOURCE
    return trace[name], None


def _working_day(day: dt.date, holidays: frozenset[dt.date]) -> bool:
    return day.weekday() < 5 and day not in holidays


@functools.lru_cache(maxsize=256)
def _holidays_of(year: int) -> frozenset[dt.date] | None:
    """Indonesia's public holidays in ``year`` from the optional ``holidays`` package, or ``None`` without it."""
    try:
        # The optional extra `holidays`: imported only when a due date is computed, never at package import.
        import holidays
    except ModuleNotFoundError:
        return None
    return frozenset(holidays.country_holidays("ID", years=year))


def _due(month: Month, scheme: Scheme, trace: RuleTrace) -> tuple[dt.date, tuple[Text, ...]]:
    """The due date of ``month``'s premium and the notes about it.

    The day comes from ``pu.due_day`` / ``bpu.due_day``; wage earners pay in
    the following month (PP 44/2015 Pasal 21(2)), non-wage earners in the same
    month (Pasal 24(3)); a day the month lacks is its last day. A due date on a
    weekend or public holiday moves as ``contribution.due_date_shift`` says.
    """
    wage_earner = isinstance(scheme, WageEarner)
    day_value = trace[names.PU_DUE_DAY if wage_earner else names.BPU_DUE_DAY]
    target = month.next() if wage_earner else month
    nominal = min(target.first_day + dt.timedelta(days=day_value.integer - 1), target.last_day)
    shift_value = trace[names.DUE_DATE_SHIFT]
    step = _SHIFTS.get(shift_value.choice)
    if step is None:
        raise UnknownCodeError("due date shift", shift_value.choice, sorted(_SHIFTS))
    if _holidays_of(nominal.year) is None:
        return nominal, (_NO_HOLIDAY_CALENDAR,)
    due = nominal
    while not _working_day(due, _holidays_of(due.year) or frozenset()):
        due += dt.timedelta(days=step)
    if due == nominal:
        return nominal, ()
    where = shift_value.citation.label
    note = Text(
        id=f"{format_date(nominal, 'id')} hari libur atau akhir pekan; jatuh tempo bergeser ke "
        f"{format_date(due, 'id')} ({where}).",
        en=f"{format_date(nominal, 'en')} is a holiday or weekend; the due date moves to "
        f"{format_date(due, 'en')} ({where}).",
    )
    return due, (note,)


def _build_plan(
    snapshot: RuleSnapshot,
    month: Month,
    scheme: Scheme,
    programmes: frozenset[Programme],
    budget_source: BudgetSource | None,
) -> MonthPlan:
    trace = RuleTrace(snapshot)
    rounding = trace.rounding()
    parts: list[PlanPart] = []
    lowest: Rupiah | None = None
    if isinstance(scheme, WageEarner):
        if Programme.JKK in programmes:
            rate = trace[names.jkk_rate(scheme.risk_class)]
            parts.append(
                PlanPart(
                    Programme.JKK, _JKK_LABEL, rate.rate, _ratio(rate.rate), None, citations_of(rate), (rate.name,)
                )
            )
        if Programme.JKM in programmes:
            rate = trace[names.PU_JKM_RATE]
            parts.append(
                PlanPart(
                    Programme.JKM, _JKM_LABEL, rate.rate, _ratio(rate.rate), None, citations_of(rate), (rate.name,)
                )
            )
    else:
        lowest_value = trace[names.BPU_LOWEST_INCOME_BASIS]
        lowest = lowest_value.rupiah
        if Programme.JKK in programmes:
            rate = trace[names.BPU_JKK_RATE]
            parts.append(
                PlanPart(
                    Programme.JKK,
                    _JKK_LABEL,
                    rate.rate,
                    _ratio(rate.rate),
                    None,
                    citations_of(rate, lowest_value),
                    (rate.name, lowest_value.name),
                    _BPU_NOTE,
                )
            )
        if Programme.JKM in programmes:
            flat = trace[names.BPU_JKM_AMOUNT]
            parts.append(
                PlanPart(Programme.JKM, _JKM_LABEL, None, None, flat.rupiah, citations_of(flat), (flat.name,))
            )
    relief, why_not = _relief(trace, scheme, budget_source)
    due, due_notes = _due(month, scheme, trace)
    notes = (*(() if why_not is None else (why_not,)), *due_notes)
    return MonthPlan(
        month=month,
        scheme=scheme,
        programmes=programmes,
        budget_source=budget_source,
        parts=tuple(parts),
        relief=relief,
        relief_ratio=None if relief is None else _ratio(relief.rate),
        rounding=rounding,
        lowest_basis=lowest,
        due=due,
        notes=notes,
        receipt=trace.receipt(),
    )


def month_plan(
    scheme: Scheme = _DEFAULT_SCHEME,
    *,
    month: Month,
    programmes: Iterable[Programme] = BOTH_PROGRAMMES,
    budget_source: BudgetSource | None = None,
    rules: RuleSnapshot | None = None,
) -> MonthPlan:
    """The plan of one month's premium for a scheme: rates, relief, rounding, due date and receipt.

    The plan does not depend on the officer's wage or declared income, so it is
    built once (and cached on the rules snapshot) and applied to any number of
    officers.

    Args:
        scheme: :class:`~jamsos_pemilu.schemes.WageEarner` (default, lowest risk
            class) or :class:`~jamsos_pemilu.schemes.NonWageEarner`.
        month: the contribution month.
        programmes: the programmes covered (JKK and JKM by default).
        budget_source: who pays; decides whether PP 50/2025 applies.
        rules: the rules in force on ``month.first_day`` (default: the shipped rule book).

    Returns:
        The :class:`MonthPlan`.

    Raises:
        InputError: a wrong type or value for any argument, or ``rules`` taken on another date.
        RuleNotInForceError: a month outside the rule data.

    >>> from jamsos_pemilu import BudgetSource, Month, NonWageEarner
    >>> plan = month_plan(NonWageEarner(), month=Month(2026, 5), budget_source=BudgetSource.SELF_PAID)
    >>> plan.relief.name, plan.lowest_basis, plan.parts[1].flat
    ('relief.pp50_2025.discount.other', Rupiah(1000000), Rupiah(6800))
    """
    _require_month(month)
    chosen_scheme = _require_scheme(scheme)
    chosen = _require_programmes(programmes)
    source = _require_budget_source(budget_source)
    snapshot = snapshot_for(rules, month.first_day, what="a monthly premium")
    # The plan derives only from the snapshot and the arguments, so it is cached in the
    # snapshot's private memo (as explain.RuleTrace caches receipts): built once per month.
    key = ("month_plan", month, chosen_scheme, chosen, source)
    memo = snapshot._memo
    found = memo.get(key)
    if isinstance(found, MonthPlan):
        return found
    plan = _build_plan(snapshot, month, chosen_scheme, chosen, source)
    if len(memo) < 4096:
        memo[key] = plan
    return plan


# --------------------------------------------------------------------------- one officer-month


@attrs.frozen
class Premium(Result):
    """The premium for one officer and one month, line by line."""

    month: Month
    scheme: Scheme
    basis: Rupiah
    programmes: frozenset[Programme]
    lines: tuple[LineItem, ...]
    total: Rupiah
    by_programme: tuple[tuple[Programme, Rupiah], ...]
    due: dt.date
    receipt: Receipt
    notes: tuple[Text, ...] = ()

    def amount_for(self, programme: Programme) -> Rupiah:
        """The net premium for one programme (after any relief); Rp0 if not covered."""
        for key, amount in self.by_programme:
            if key is programme:
                return amount
        return Rupiah.zero()

    def _render(self, lang: Language) -> str:
        head = _HEAD.render(lang).format(month=self.month, scheme=self.scheme.text.render(lang))
        rows = [head, *render_lines(self.lines, lang, self.total), f"  ({_DUE.render(lang)} {format_date(self.due, lang)})"]
        rows += [f"  * {note.render(lang)}" for note in self.notes]
        rows.append(self.receipt.render(lang))
        return "\n".join(rows)

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON."""
        return {
            "kind": "premium",
            "month": str(self.month),
            "scheme": self.scheme.kind,
            "basis": self.basis.amount,
            "programmes": sorted(p.value for p in self.programmes),
            "lines": [line.to_dict() for line in self.lines],
            "total": self.total.amount,
            "by_programme": {p.value: a.amount for p, a in self.by_programme},
            "due": self.due.isoformat(),
            "notes": [n.to_dict() for n in self.notes],
            "receipt": self.receipt.to_dict(),
        }

    def records(self) -> list[dict[str, object]]:
        """One flat dict per line, with the month, to load straight into a DataFrame."""
        return line_records(self.lines, month=str(self.month))


def _basis(basis: Rupiah | None, scheme: Scheme, plan: MonthPlan) -> tuple[Rupiah, tuple[Text, ...]]:
    """The basis the plan's rates apply to, refusing two different amounts for it."""
    if basis is not None:
        _require_money(basis, "basis", positive=True)
    if isinstance(scheme, WageEarner):
        if basis is not None and scheme.wage is not None and basis != scheme.wage:
            raise InputError(
                f"basis: {format_rupiah(basis, 'en')} was passed but the scheme reports a wage of "
                f"{format_rupiah(scheme.wage, 'en')}; pass one of them"
            )
        wage = basis if basis is not None else scheme.wage
        if wage is None:
            raise InputError("basis: a wage earner's premium needs the monthly wage (got None and the scheme has none)")
        return wage, ()
    declared = scheme.declared_income
    if basis is not None and declared is not None and basis != declared:
        raise InputError(
            f"basis: {format_rupiah(basis, 'en')} was passed but the scheme declares an income of "
            f"{format_rupiah(declared, 'en')}; pass one of them"
        )
    declared = basis if basis is not None else declared
    assert plan.lowest_basis is not None
    lowest = plan.lowest_basis
    if declared is None:
        return lowest, ()
    if declared < lowest:
        note = Text(
            id=f"Penghasilan yang dilaporkan {format_rupiah(declared, 'id')} di bawah dasar terendah; "
            f"dipakai {format_rupiah(lowest, 'id')}.",
            en=f"Declared income {format_rupiah(declared, 'en')} is below the lowest basis; "
            f"{format_rupiah(lowest, 'en')} is used.",
        )
        return lowest, (note,)
    return declared, ()


_FLAT: Final = ("tetap {0}", "flat {0}")


def _apply_plan(plan: MonthPlan, basis: Rupiah) -> tuple[tuple[LineItem, ...], tuple[tuple[Programme, Rupiah], ...]]:
    """The plan applied to one basis: the lines and the net amount per programme."""
    rounding = plan.rounding
    lines: list[LineItem] = []
    amounts: list[tuple[Programme, Rupiah]] = []
    for part in plan.parts:
        if part.rate is not None:
            amount = round_rupiah(basis.scale(part.rate), rounding)
            formula = Formula("{0} × {1}", (Share(part.rate), basis))
        else:
            assert part.flat is not None
            amount = part.flat
            formula = Formula(_FLAT[0], (amount,), _FLAT[1])
        amounts.append((part.programme, amount))
        lines.append(LineItem(part.key, part.label, amount, formula, part.citations, part.parameters, part.note))
    relief = plan.relief
    if relief is None:
        return tuple(lines), tuple(amounts)
    net: list[tuple[Programme, Rupiah]] = []
    for programme, gross in amounts:
        discount = round_rupiah(gross.scale(relief.rate), rounding)
        net.append((programme, gross - discount))
        lines.append(
            LineItem(
                f"{programme.value}.relief",
                _RELIEF_LABELS[programme],
                -discount,
                Formula("−{0} × {1}", (Share(relief.rate), gross)),
                citations_of(relief),
                (relief.name,),
            )
        )
    return tuple(lines), tuple(net)


def monthly_premium(
    basis: Rupiah | None,
    scheme: Scheme = _DEFAULT_SCHEME,
    *,
    month: Month,
    programmes: Iterable[Programme] = BOTH_PROGRAMMES,
    budget_source: BudgetSource | None = None,
    rules: RuleSnapshot | None = None,
) -> Premium:
    """The premium for one officer-month: the month's :class:`MonthPlan` applied to one basis.

    The basis is given once: either as ``basis`` or in the scheme
    (``WageEarner(wage=...)``, ``NonWageEarner(declared_income=...)``). Both
    may be given only when they are the same amount.

    Args:
        basis: a wage earner's monthly wage (usually the honorarium), or a
            non-wage earner's declared income (``None``: the scheme's, else the
            lowest basis in the rule book).
        scheme: :class:`~jamsos_pemilu.schemes.WageEarner` (default, lowest risk
            class) or :class:`~jamsos_pemilu.schemes.NonWageEarner`.
        month: the contribution month.
        programmes: the programmes covered (JKK and JKM by default).
        budget_source: who pays; decides whether PP 50/2025 applies.
        rules: the rules in force on ``month.first_day`` (default: the shipped
            rule book); pass ``rules_on(month.first_day, reform=...)`` for a what-if.

    Returns:
        A :class:`Premium` with one line per programme and any relief lines.

    Raises:
        CalculationError: a non-positive basis.
        FloatMoneyError: a basis that is not a Rupiah (a float, an int...).
        InputError: a wage earner without a wage; a basis that differs from the
            scheme's; any other argument of a wrong type or value.
        RuleNotInForceError: a month outside the rule data.

    >>> from jamsos_pemilu import Month, Rupiah
    >>> monthly_premium(Rupiah(1_500_000), month=Month(2024, 2)).total
    Rupiah(8100)
    """
    plan = month_plan(scheme, month=month, programmes=programmes, budget_source=budget_source, rules=rules)
    if isinstance(basis, Rupiah | None):
        found = plan._premiums.get(basis)
        if found is not None:
            return found
    used, basis_notes = _basis(basis, plan.scheme, plan)
    lines, amounts = _apply_plan(plan, used)
    total = sum((amount for _, amount in amounts), Rupiah.zero())
    premium = Premium(
        month,
        plan.scheme,
        used,
        plan.programmes,
        lines,
        total,
        amounts,
        plan.due,
        plan.receipt,
        (*basis_notes, *plan.notes),
    )
    if len(plan._premiums) < 1024:
        plan._premiums[basis] = premium
    return premium


def officer_premium(
    officer: Officer,
    scheme: Scheme | None = None,
    *,
    month: Month,
    programmes: Iterable[Programme] = BOTH_PROGRAMMES,
    budget_source: BudgetSource | None = None,
    rules: RuleSnapshot | None = None,
    wage: Rupiah | None = None,
) -> Premium:
    """The premium of one officer for one month of duty.

    A wage earner's basis is ``wage`` if given, else the honorarium of the
    officer's election, role and position in the rule book
    (:meth:`~jamsos_pemilu.elections.Election.honorarium`). A non-wage earner
    pays on the scheme's declared income (or ``wage`` as the declared income).

    Args:
        officer: the officer.
        scheme: the scheme (default: wage earner at the lowest risk class).
        month: the contribution month; the officer's appointment must touch it.
        programmes: the programmes covered.
        budget_source: who pays.
        rules: the rules in force on ``month.first_day`` (default: the shipped rule book).
        wage: the monthly wage reported instead of the honorarium.

    Raises:
        InputError: the appointment does not touch ``month``, or no honorarium
            is known for the officer's election, role and position.

    >>> from jamsos_pemilu import Month, Officer, Period
    >>> siti = Officer(nik="3602041211870001", name="Siti", role="kpps", position="anggota",
    ...                election="pemilu_2024", appointment=Period.parse("2024-01-25/2024-02-25"))
    >>> officer_premium(siti, month=Month(2024, 2)).total
    Rupiah(5940)
    """
    if not isinstance(officer, Officer):
        raise InputError(f"officer: expected an Officer, got {type(officer).__name__}")
    _require_month(month)
    chosen = _DEFAULT_SCHEME if scheme is None else _require_scheme(scheme)
    if wage is not None:
        _require_money(wage, "wage", positive=True)
    if not officer.appointment.overlaps(month.period):
        raise InputError(
            f"month: officer {officer.nik.masked} is not on duty in {month} (appointment {officer.appointment})"
        )
    snapshot = snapshot_for(rules, month.first_day, what=f"the premium of {month}")
    basis = wage
    if basis is None and isinstance(chosen, WageEarner) and chosen.wage is None:
        try:
            basis = find_election(officer.election).honorarium(officer.role, officer.position, rules=snapshot).rupiah
        except (UnknownParameterError, LookupError) as error:
            raise InputError(
                f"officer {officer.nik.masked}: no honorarium is known for {officer.role.value} "
                f"{officer.position.value} in {officer.election} on {month.first_day.isoformat()} ({error}); "
                "pass wage="
            ) from None
    return monthly_premium(
        basis, chosen, month=month, programmes=programmes, budget_source=budget_source, rules=snapshot
    )


def due_date(scheme: Scheme = _DEFAULT_SCHEME, *, month: Month, rules: RuleSnapshot | None = None) -> dt.date:
    """The date a month's premium is due.

    Wage earners: the ``pu.due_day`` of the following month (the 15th, PP 44/2015
    Pasal 21(2)); non-wage earners: the ``bpu.due_day`` of the same month
    (Pasal 24(3)). For contribution months August 2020 – January 2021 the rule
    data holds PP 49/2020's 30th; a month without that day uses its last day.
    A due date on a weekend or public holiday moves to the next working day
    (Pasal 21(3), 24(4)), or to the previous one in the PP 49/2020 months, as
    ``contribution.due_date_shift`` says; holidays come from the optional
    ``holidays`` package (without it the date is not moved, and
    :func:`month_plan`'s notes say so).

    >>> from jamsos_pemilu import Month
    >>> due_date(month=Month(2024, 1))
    datetime.date(2024, 2, 15)
    >>> due_date(month=Month(2024, 5))  # 15-16 June 2024: a weekend; 17 June: Iduladha
    datetime.date(2024, 6, 18)
    """
    _require_month(month)
    snapshot = snapshot_for(rules, month.first_day, what=f"the due date of {month}")
    return _due(month, _require_scheme(scheme), RuleTrace(snapshot))[0]


# --------------------------------------------------------------------------- periods


@attrs.frozen
class PremiumSchedule(Result):
    """Premiums over a coverage period: one :class:`Premium` per month it touches."""

    period: Period
    months: tuple[Premium, ...]
    total: Rupiah

    @property
    def receipt(self) -> Receipt:
        """The receipts of every month merged."""
        return Receipt.merge([m.receipt for m in self.months])

    @property
    def lines(self) -> tuple[LineItem, ...]:
        """Every month's lines, in month order."""
        return tuple(line for month in self.months for line in month.lines)

    def _render(self, lang: Language) -> str:
        rows = [_SCHEDULE_HEAD.render(lang).format(period=self.period)]
        rows += [f"  {m.month}: {format_rupiah(m.total, lang)}" for m in self.months]
        rows.append(f"  {_TOTAL.render(lang)}: {format_rupiah(self.total, lang)}")
        rows.extend(w.render(lang) for w in self.receipt.warnings())
        return "\n".join(rows)

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON."""
        return {
            "kind": "premium_schedule",
            "period": {"start": self.period.start.isoformat(), "end": self.period.end.isoformat()},
            "months": [m.to_dict() for m in self.months],
            "total": self.total.amount,
            "receipt": self.receipt.to_dict(),
        }

    def records(self) -> list[dict[str, object]]:
        """One flat dict per line of every month, with its month."""
        return [row for month in self.months for row in month.records()]


def period_premium(
    basis: Rupiah | None,
    scheme: Scheme = _DEFAULT_SCHEME,
    *,
    period: Period,
    programmes: Iterable[Programme] = BOTH_PROGRAMMES,
    budget_source: BudgetSource | None = None,
    rule_book: RuleBook | None = None,
) -> PremiumSchedule:
    """Premiums for every month a coverage period touches.

    A period spans months whose law can differ (a relief starts or ends, a rate
    changes), and each month's premium follows the rules in force on that
    month's first day; so this calculator takes a ``rule_book`` (with any
    reforms applied to it) and reads each month from it, instead of one
    snapshot.

    Args:
        basis: as for :func:`monthly_premium`.
        scheme: as for :func:`monthly_premium`.
        period: the coverage period (both ends included).
        programmes: the programmes covered.
        budget_source: who pays.
        rule_book: the rule book (default: the shipped one; ``with_reform(...)`` for a what-if).

    >>> import datetime as dt
    >>> from jamsos_pemilu import Period, Rupiah
    >>> kpps = Period(dt.date(2024, 1, 25), dt.date(2024, 2, 25))
    >>> period_premium(Rupiah(1_100_000), period=kpps).total
    Rupiah(11880)
    """
    if not isinstance(period, Period):
        raise InputError(f"period: expected a Period, got {type(period).__name__} ({short_repr(period)})")
    if rule_book is not None and not isinstance(rule_book, RuleBook):
        raise InputError(f"rule_book: expected a RuleBook or None, got {type(rule_book).__name__}")
    months = tuple(
        monthly_premium(
            basis,
            scheme,
            month=m,
            programmes=programmes,
            budget_source=budget_source,
            rules=rules_on(m.first_day, rule_book=rule_book),
        )
        for m in period.months()
    )
    return PremiumSchedule(period, months, sum((m.total for m in months), Rupiah.zero()))


# --------------------------------------------------------------------------- late fine


@attrs.frozen
class LateFine(Result):
    """The fine for a premium paid after its due date (PP 44/2015 Pasal 22)."""

    premium: Rupiah
    month: Month
    due: dt.date
    paid_on: dt.date
    months_late: int
    lines: tuple[LineItem, ...]
    total: Rupiah
    receipt: Receipt

    def _render(self, lang: Language) -> str:
        return "\n".join([_FINE_LABEL.render(lang), *render_lines(self.lines, lang, self.total), self.receipt.render(lang)])

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON."""
        return {
            "kind": "late_fine",
            "premium": self.premium.amount,
            "month": str(self.month),
            "due": self.due.isoformat(),
            "paid_on": self.paid_on.isoformat(),
            "months_late": self.months_late,
            "lines": [line.to_dict() for line in self.lines],
            "total": self.total.amount,
            "receipt": self.receipt.to_dict(),
        }


def _months_late(due: dt.date, paid_on: dt.date) -> int:
    if paid_on <= due:
        return 0
    delta = relativedelta(paid_on, due)
    whole = delta.years * 12 + delta.months
    return whole + (1 if delta.days > 0 else 0)


def late_fine(
    premium: Rupiah,
    scheme: Scheme = _DEFAULT_SCHEME,
    *,
    month: Month,
    paid_on: dt.date,
    rules: RuleSnapshot | None = None,
) -> LateFine:
    """The fine on ``month``'s premium of ``premium`` rupiah, paid on ``paid_on``.

    The fine is ``contribution.late_fine_rate`` (2%; 0,5% for PP 49/2020's
    contribution months) times the premium due, for each month of delay after
    the due date (:func:`due_date`); a started month counts as a month (the
    regulations say "per bulan keterlambatan" without a day rule, so this
    reading is the library's and the line says so). The rules are those of the
    contribution month.

    Args:
        premium: the premium that was due.
        scheme: the scheme (decides the due date).
        month: the contribution month.
        paid_on: the day it was paid.
        rules: the rules in force on ``month.first_day`` (default: the shipped rule book).

    Raises:
        CalculationError: a negative premium.
        FloatMoneyError: a premium that is not a Rupiah.
        InputError: any other argument of a wrong type.

    >>> import datetime as dt
    >>> from jamsos_pemilu import Month, Rupiah
    >>> late_fine(Rupiah(13_500), month=Month(2024, 1), paid_on=dt.date(2024, 3, 20)).total
    Rupiah(540)
    """
    _require_money(premium, "premium", positive=False)
    _require_month(month)
    chosen = _require_scheme(scheme)
    _require_date(paid_on, "paid_on")
    snapshot = snapshot_for(rules, month.first_day, what=f"the late fine on the premium of {month}")
    trace = RuleTrace(snapshot)
    due, _notes = _due(month, chosen, trace)
    rate = trace[names.LATE_FINE_RATE]
    months = _months_late(due, paid_on)
    amount = round_rupiah(premium.scale(rate.rate * months), trace.rounding())
    line = LineItem(
        "late_fine",
        _FINE_LABEL,
        amount,
        Formula("{0} × {1} × {2} bulan", (Share(rate.rate), premium, months),
                "{0} × {1} × {2} month" if months == 1 else "{0} × {1} × {2} months"),
        citations_of(rate),
        (rate.name,),
        _FINE_NOTE,
    )
    return LateFine(premium, month, due, paid_on, months, (line,), amount, trace.receipt())
