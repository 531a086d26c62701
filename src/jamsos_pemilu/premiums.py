"""Iuran (contributions): what covering an officer costs, month by month, and the late fine.

For a wage earner (*Penerima Upah*) the JKK contribution is the risk-class rate
of the monthly wage (PP 44/2015 Pasal 16(1)) and the JKM contribution 0,30% of
it (Pasal 18(1)); the employer pays both. For a non-wage earner (*Bukan
Penerima Upah*) JKK is a rate of the declared income basis (Pasal 20(1),
Lampiran II) and JKM a flat amount (Pasal 20(3)). Temporary reliefs apply only
in their months and only to whom they apply: PP 49/2020 (contribution months
August 2020 to January 2021) and PP 50/2025 (non-wage earners in 2026–2027,
except those paid from APBN or APBD).

Contributions are owed per calendar month: a coverage period owes one
contribution for every month it touches (the regulations set *iuran* per month
and state no pro-rating). Each programme's amount is rounded once, with the
rule-book rounding rule.

KPU Sulawesi Selatan's figure for a ketua PPK on Rp2.500.000:

>>> from jamsos_pemilu import Month, Rupiah
>>> premium = monthly_premium(Rupiah(2_500_000), Month(2024, 2))
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

from jamsos_pemilu.exceptions import CalculationError, FloatMoneyError, InputError
from jamsos_pemilu.explain import (
    Formula,
    LineItem,
    Receipt,
    RuleTrace,
    Share,
    citations_of,
    dumps,
    line_records,
    render_lines,
)
from jamsos_pemilu.l10n import DEFAULT_LANGUAGE, Language, Text, format_date, format_rupiah
from jamsos_pemilu.law.citations import Citation
from jamsos_pemilu.law.parameters import RuleBook, RuleValue, default_rule_book
from jamsos_pemilu.money import RoundingRule, Rupiah, round_rupiah
from jamsos_pemilu.periods import Month, Period
from jamsos_pemilu.schemes import BudgetSource, NonWageEarner, Programme, Scheme, WageEarner

__all__ = [
    "BOTH_PROGRAMMES",
    "LateFine",
    "Premium",
    "PremiumSchedule",
    "due_date",
    "late_fine",
    "monthly_premium",
    "period_premium",
]

BOTH_PROGRAMMES: Final = frozenset({Programme.JKK, Programme.JKM})
_DEFAULT_SCHEME: Final = WageEarner()
_JKK_LABEL: Final = Text(id="Iuran JKK", en="JKK contribution")
_JKM_LABEL: Final = Text(id="Iuran JKM", en="JKM contribution")


@attrs.frozen
class Premium:
    """The contribution for one officer and one month, line by line."""

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
        """The net contribution for one programme (after any relief)."""
        for key, amount in self.by_programme:
            if key is programme:
                return amount
        return Rupiah.zero()

    def render(self, lang: Language = DEFAULT_LANGUAGE) -> str:
        """The premium as text with formulas, citations and the receipt."""
        head = (
            f"Iuran bulan {self.month} ({self.scheme.text.render(lang)})"
            if lang == "id"
            else f"Contribution for {self.month} ({self.scheme.text.render(lang)})"
        )
        due = "jatuh tempo" if lang == "id" else "due"
        rows = [head, *render_lines(self.lines, lang, self.total), f"  ({due} {format_date(self.due, lang)})"]
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

    def to_json(self) -> str:
        """JSON text."""
        return dumps(self.to_dict())

    def records(self) -> list[dict[str, object]]:
        """One flat dict per line, to load straight into a DataFrame."""
        return line_records(self.lines, month=str(self.month))


def _check_wage(wage: object, what: str) -> Rupiah:
    if isinstance(wage, float):
        raise FloatMoneyError(wage, where=what)
    if not isinstance(wage, Rupiah):
        raise InputError(f"{what} must be a Rupiah amount, got {type(wage).__name__} {wage!r}")
    if wage.amount <= 0:
        raise CalculationError(f"{what} must be positive, got {wage.amount} rupiah")
    return wage


def _check_programmes(programmes: Iterable[Programme]) -> frozenset[Programme]:
    if programmes is BOTH_PROGRAMMES:
        return BOTH_PROGRAMMES
    chosen = frozenset(programmes)
    if not chosen or any(not isinstance(p, Programme) for p in chosen):
        raise InputError("programmes must be a non-empty set of Programme.JKK / Programme.JKM")
    return chosen


def _relief_discount(
    trace: RuleTrace, scheme: Scheme, budget_source: BudgetSource | None
) -> tuple[RuleValue | None, Text | None]:
    """The relief in force for this month and participant, or why none applies."""
    if "relief.pp49_2020.discount" in trace:
        return trace["relief.pp49_2020.discount"], None
    if not isinstance(scheme, NonWageEarner):
        return None, None
    name = "relief.pp50_2025.discount.transport" if scheme.transport_sector else "relief.pp50_2025.discount.other"
    if name not in trace:
        return None, None
    if budget_source is None:
        return None, Text(
            id="Diskon PP 50/2025 tidak diterapkan: sumber dana iuran tidak diketahui "
            "(peserta yang iurannya dibayar APBN/APBD dikecualikan, Pasal 3 ayat (5)).",
            en="PP 50/2025 discount not applied: the budget source is unknown "
            "(participants paid from APBN/APBD are excluded, Pasal 3(5)).",
        )
    if budget_source.public:
        return None, Text(
            id="Diskon PP 50/2025 tidak berlaku: iuran dibayar dari APBN/APBD (Pasal 3 ayat (5)).",
            en="PP 50/2025 discount does not apply: contributions are paid from APBN/APBD (Pasal 3(5)).",
        )
    return trace[name], None


@attrs.frozen
class _Part:
    """How one programme's contribution is computed in a given month (cached per plan)."""

    programme: Programme
    key: str
    label: Text
    rate: Decimal | None
    flat: Rupiah | None
    citations: tuple[Citation, ...]
    parameters: tuple[str, ...]
    note: Text | None = None


@attrs.frozen
class _Plan:
    """Everything about a month's contribution that does not depend on the wage."""

    parts: tuple[_Part, ...]
    rounding: RoundingRule
    relief: RuleValue | None
    fixed_basis: Rupiah | None
    notes: tuple[Text, ...]
    due: dt.date
    receipt: Receipt


_BPU_NOTE: Final = Text(
    id="Tabel Lampiran II PP 44/2015 belum ditranskripsi; penghasilan dipakai apa adanya.",
    en="PP 44/2015 Lampiran II brackets not transcribed; the income is used as declared.",
)


@functools.lru_cache(maxsize=4096)
def _plan(
    book: RuleBook, month: Month, scheme: Scheme, programmes: frozenset[Programme], budget_source: BudgetSource | None
) -> _Plan:
    trace = RuleTrace(book.on(month.first_day))
    rounding = trace.rounding()
    parts: list[_Part] = []
    notes: list[Text] = []
    fixed_basis: Rupiah | None = None
    if isinstance(scheme, WageEarner):
        if Programme.JKK in programmes:
            rate = trace[scheme.jkk_rate_parameter]
            parts.append(_Part(Programme.JKK, "jkk", _JKK_LABEL, rate.rate, None, citations_of(rate), (rate.name,)))
        if Programme.JKM in programmes:
            rate = trace["pu.jkm_rate"]
            parts.append(_Part(Programme.JKM, "jkm", _JKM_LABEL, rate.rate, None, citations_of(rate), (rate.name,)))
        due_value = trace["pu.due_day"]
    elif isinstance(scheme, NonWageEarner):
        lowest = trace["bpu.lowest_income_basis"]
        declared = scheme.declared_income
        fixed_basis = lowest.rupiah if declared is None else declared.max(lowest.rupiah)
        if declared is not None and declared < lowest.rupiah:
            notes.append(
                Text(
                    id=f"Penghasilan yang dilaporkan {format_rupiah(declared)} di bawah dasar terendah; "
                    f"dipakai {format_rupiah(lowest.rupiah)}.",
                    en=f"Declared income {format_rupiah(declared, 'en')} is below the lowest basis; "
                    f"{format_rupiah(lowest.rupiah, 'en')} is used.",
                )
            )
        if Programme.JKK in programmes:
            rate = trace["bpu.jkk_rate"]
            parts.append(
                _Part(
                    Programme.JKK,
                    "jkk",
                    _JKK_LABEL,
                    rate.rate,
                    None,
                    citations_of(rate, lowest),
                    (rate.name, lowest.name),
                    _BPU_NOTE,
                )
            )
        if Programme.JKM in programmes:
            flat = trace["bpu.jkm_amount"]
            parts.append(_Part(Programme.JKM, "jkm", _JKM_LABEL, None, flat.rupiah, citations_of(flat), (flat.name,)))
        due_value = trace["bpu.due_day"]
    else:
        raise InputError(f"unknown scheme {scheme!r}; use WageEarner or NonWageEarner")
    relief, why_not = _relief_discount(trace, scheme, budget_source)
    if why_not is not None:
        notes.append(why_not)
    due = _due(month, scheme, trace, due_value)
    return _Plan(tuple(parts), rounding, relief, fixed_basis, tuple(notes), due, trace.receipt())


_FLAT: Final = ("tetap {0}", "flat {0}")


def monthly_premium(
    wage: Rupiah | None,
    month: Month,
    scheme: Scheme = _DEFAULT_SCHEME,
    *,
    programmes: Iterable[Programme] = BOTH_PROGRAMMES,
    budget_source: BudgetSource | None = None,
    rules: RuleBook | None = None,
) -> Premium:
    """The contribution for one officer-month.

    Rules are those in force on the first day of ``month``.

    Args:
        wage: the monthly wage basis (for wage earners: the honorarium unless the
            scheme reports another wage); ignored for non-wage earners, who use
            their declared income. ``None`` is allowed only then.
        month: the contribution month.
        scheme: :class:`~jamsos_pemilu.schemes.WageEarner` (default, lowest risk
            class) or :class:`~jamsos_pemilu.schemes.NonWageEarner`.
        programmes: the programmes covered (JKK and JKM by default).
        budget_source: who pays; decides whether PP 50/2025 applies.
        rules: the rule book (default: the shipped one); pass a reformed one for what-if.

    Returns:
        A :class:`Premium` with one line per programme and any relief lines.

    Raises:
        CalculationError: a non-positive wage.
        FloatMoneyError: a float wage.
        RuleNotInForceError: a month outside the rule data.

    >>> from jamsos_pemilu import Month, Rupiah
    >>> monthly_premium(Rupiah(1_500_000), Month(2024, 2)).total
    Rupiah(8100)

    """
    if not isinstance(month, Month):
        raise InputError(f"month must be a Month, not {type(month).__name__}")
    if not isinstance(scheme, WageEarner | NonWageEarner):
        raise InputError(f"unknown scheme {scheme!r}; use WageEarner or NonWageEarner")
    if budget_source is not None and not isinstance(budget_source, BudgetSource):
        raise InputError(f"budget_source must be a BudgetSource or None, got {budget_source!r}")
    chosen = _check_programmes(programmes)
    plan = _plan(rules or default_rule_book(), month, scheme, chosen, budget_source)
    if plan.fixed_basis is not None:
        basis = plan.fixed_basis
    else:
        basis = _check_wage(
            scheme.wage if isinstance(scheme, WageEarner) and scheme.wage is not None else wage, "the monthly wage"
        )
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
    if relief is not None:
        discounted: list[tuple[Programme, Rupiah]] = []
        for programme, gross in amounts:
            discount = round_rupiah(gross.scale(relief.rate), rounding)
            discounted.append((programme, gross - discount))
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
        amounts = discounted
    total = amounts[0][1] + amounts[1][1] if len(amounts) == 2 else amounts[0][1]
    return Premium(
        month, scheme, basis, chosen, tuple(lines), total, tuple(amounts), plan.due, plan.receipt, plan.notes
    )


_RELIEF_LABELS: Final = {
    p: Text(id=f"Keringanan iuran {p.name}", en=f"{p.name} contribution relief") for p in Programme
}


def _due(month: Month, scheme: Scheme, trace: RuleTrace, due_value: RuleValue) -> dt.date:
    day = due_value.integer
    if "relief.pp49_2020.due_day" in trace:
        day = trace["relief.pp49_2020.due_day"].integer
    # Wage earners pay in the following month (Pasal 21(2)); non-wage earners in the same month (Pasal 24(3)).
    target = month.next() if isinstance(scheme, WageEarner) else month
    return min(target.first_day + dt.timedelta(days=day - 1), target.last_day)


def due_date(month: Month, scheme: Scheme = _DEFAULT_SCHEME, *, rules: RuleBook | None = None) -> dt.date:
    """The date a month's contribution is due (before any holiday shift).

    Wage earners: the 15th of the following month (PP 44/2015 Pasal 21(2));
    non-wage earners: the 15th of the same month (Pasal 24(3)); the 30th of the
    following month for August 2020 – January 2021 (PP 49/2020), or that month's
    last day when it has no 30th. The regulations move a due date falling on a
    holiday to the next working day; holidays are not modelled, so the date is
    the nominal one.

    >>> from jamsos_pemilu import Month
    >>> due_date(Month(2024, 1))
    datetime.date(2024, 2, 15)
    """
    trace = RuleTrace((rules or default_rule_book()).on(month.first_day))
    name = "pu.due_day" if isinstance(scheme, WageEarner) else "bpu.due_day"
    return _due(month, scheme, trace, trace[name])


@attrs.frozen
class PremiumSchedule:
    """Contributions over a coverage period: one :class:`Premium` per month it touches."""

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

    def render(self, lang: Language = DEFAULT_LANGUAGE) -> str:
        """One row per month and the total."""
        head = "Iuran per bulan" if lang == "id" else "Contributions by month"
        rows = [f"{head} ({self.period})"]
        rows += [f"  {m.month}: {format_rupiah(m.total, lang)}" for m in self.months]
        rows.append(f"  {'Jumlah' if lang == 'id' else 'Total'}: {format_rupiah(self.total, lang)}")
        rows.extend(w.render(lang) for w in self.receipt.warnings())
        return "\n".join(rows)

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON."""
        return {
            "kind": "premium_schedule",
            "period": {"start": self.period.start.isoformat(), "end": self.period.end.isoformat()},
            "months": [m.to_dict() for m in self.months],
            "total": self.total.amount,
        }


def period_premium(
    wage: Rupiah | None,
    period: Period,
    scheme: Scheme = _DEFAULT_SCHEME,
    *,
    programmes: Iterable[Programme] = BOTH_PROGRAMMES,
    budget_source: BudgetSource | None = None,
    rules: RuleBook | None = None,
) -> PremiumSchedule:
    """Contributions for every month a coverage period touches.

    >>> import datetime as dt
    >>> from jamsos_pemilu import Period, Rupiah
    >>> kpps = Period(dt.date(2024, 1, 25), dt.date(2024, 2, 25))
    >>> period_premium(Rupiah(1_100_000), kpps).total
    Rupiah(11880)
    """
    if not isinstance(period, Period):
        raise InputError(f"period must be a Period, not {type(period).__name__}")
    months = tuple(
        monthly_premium(wage, m, scheme, programmes=programmes, budget_source=budget_source, rules=rules)
        for m in period.months()
    )
    return PremiumSchedule(period, months, sum((m.total for m in months), Rupiah.zero()))


@attrs.frozen
class LateFine:
    """The fine for a contribution paid after its due date (PP 44/2015 Pasal 22)."""

    contribution: Rupiah
    due: dt.date
    paid_on: dt.date
    months_late: int
    lines: tuple[LineItem, ...]
    total: Rupiah
    receipt: Receipt

    def render(self, lang: Language = DEFAULT_LANGUAGE) -> str:
        """The fine as text."""
        head = "Denda keterlambatan" if lang == "id" else "Late-payment fine"
        return "\n".join([head, *render_lines(self.lines, lang, self.total), self.receipt.render(lang)])

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON."""
        return {
            "kind": "late_fine",
            "contribution": self.contribution.amount,
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
    contribution: Rupiah,
    month: Month,
    paid_on: dt.date,
    scheme: Scheme = _DEFAULT_SCHEME,
    *,
    rules: RuleBook | None = None,
) -> LateFine:
    """The fine on a month's contribution paid on ``paid_on``.

    The fine is the monthly rate (2%, or 0,5% for PP 49/2020's months) times the
    contribution due, for each month of delay; a started month counts as a month
    (the regulations say "per bulan keterlambatan" without a day rule, so this
    reading is the library's and the line says so).

    Raises:
        CalculationError: if the contribution is negative.

    >>> import datetime as dt
    >>> from jamsos_pemilu import Month, Rupiah
    >>> late_fine(Rupiah(13_500), Month(2024, 1), dt.date(2024, 3, 20)).total
    Rupiah(540)

    """
    if not isinstance(contribution, Rupiah):
        raise FloatMoneyError(contribution, where="the contribution")
    if contribution.amount < 0:
        raise CalculationError(f"the contribution must not be negative, got {contribution.amount} rupiah")
    if isinstance(paid_on, dt.datetime) or not isinstance(paid_on, dt.date):
        raise InputError(f"paid_on must be a date, not {type(paid_on).__name__}")
    book = rules or default_rule_book()
    trace = RuleTrace(book.on(month.first_day))
    name = "pu.due_day" if isinstance(scheme, WageEarner) else "bpu.due_day"
    due = _due(month, scheme, trace, trace[name])
    rate = (
        trace["relief.pp49_2020.late_fine_rate"]
        if "relief.pp49_2020.late_fine_rate" in trace
        else trace["contribution.late_fine_rate"]
    )
    months = _months_late(due, paid_on)
    amount = round_rupiah(contribution.scale(rate.rate * months), trace.rounding())
    line = LineItem(
        "late_fine",
        Text(id="Denda keterlambatan", en="Late-payment fine"),
        amount,
        Formula("{0} × {1} × {2} bulan", (Share(rate.rate), contribution, months), "{0} × {1} × {2} months"),
        citations_of(rate),
        (rate.name,),
        Text(
            id="Bulan keterlambatan yang sudah berjalan dihitung satu bulan (tafsiran pustaka).",
            en="A started month of delay counts as a month (the library's reading).",
        ),
    )
    return LateFine(contribution, due, paid_on, months, (line,), amount, trace.receipt())
