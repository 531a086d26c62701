"""Biaya dari daftar petugas (costing from the roster): premiums by month, role, agreement and payer, and death exposure.

A budget officer with a roster and the agreements that cover it asks: what do
we owe, month by month, per role, per agreement and per payer, and what would
BPJS pay if officers died? :func:`roster_costs` answers from the roster itself:

* each officer is placed in the first agreement (in the order given) whose
  cohorts count the officer's role, position and election; an officer no
  agreement places is costed under "no agreement";
* each officer's scheme is, in this order: the roster's own ``scheme`` column
  (a chunk attribute of codes, 0 wage earner / 1 non-wage earner, as in
  :data:`jamsos_pemilu.batch.SCHEME_CODES`), the ``scheme`` argument, the
  scheme the agreement reports, and otherwise a wage earner (an assumption the
  result states). Wage earners pay on their wage (the honorarium when the
  roster left it blank), non-wage earners on the lowest income basis;
* a premium is owed for every month an appointment touches
  (:func:`jamsos_pemilu.batch.monthly_budget`, the same month plan as the
  one-officer calculator, exact to the rupiah, with the receipt of every plan);
* the death exposure on a date is, for the officers on duty that day, the JKK
  cash benefit on the wage (or the BPU basis) and the JKM cash benefit
  (:func:`jamsos_pemilu.batch.death_exposure`).

>>> import datetime as dt
>>> from jamsos_pemilu.roster_coverage import roster_chunk
>>> from jamsos_pemilu.serialization import shipped_agreement
>>> roster = roster_chunk(role=["kpps", "kpps", "ptps"], position=["ketua", "anggota", "petugas"],
...                       election="pemilu_2024", appointment_start="2024-01-25", appointment_end="2024-02-25")
>>> costs = roster_costs(roster, shipped_agreement("kab-bintan-pemilu-2024"), on=dt.date(2024, 2, 14))
>>> [str(m) for m in costs.months], costs.total
(['2024-01', '2024-02'], Rupiah(35640))
>>> costs.by_agreement()  # Bintan's agreement counts KPPS, not the Bawaslu PTPS
{'-': Rupiah(10800), 'kab-bintan-pemilu-2024': Rupiah(24840)}
>>> costs.jkk_death, costs.jkm_death  # if the three died on voting day
(Rupiah(224400000), Rupiah(126000000))
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs

from jamsos_pemilu.agreements import Agreement
from jamsos_pemilu.batch import RISK_CLASS_CODES, death_exposure, group_sums, monthly_budget
from jamsos_pemilu.exceptions import InputError, RosterError
from jamsos_pemilu.explain import Receipt, Result, RuleTrace, render_table
from jamsos_pemilu.l10n import Language, Text, format_date, format_number, format_rupiah
from jamsos_pemilu.law import names
from jamsos_pemilu.law.parameters import RuleBook, default_rule_book
from jamsos_pemilu.money import Rupiah
from jamsos_pemilu.periods import Month
from jamsos_pemilu.roster_coverage import _agreements, _chunks
from jamsos_pemilu.rosters import POSITION_CODES, ROLE_CODES, election_keys
from jamsos_pemilu.schemes import BudgetSource, NonWageEarner, RiskClass, Scheme, WageEarner

if TYPE_CHECKING:
    from jamsos_pemilu.roster_coverage import ColumnChunk

__all__ = ["CostRow", "ExposureRow", "RosterCosts", "roster_costs"]

_NO_AGREEMENT: Final = "-"
_SCHEMES: Final = ("wage_earner", "non_wage_earner")
_NR: Final = len(ROLE_CODES)


def _numpy() -> Any:
    try:
        import numpy  # the batch extra, imported when used
    except ModuleNotFoundError as error:  # pragma: no cover - depends on the environment
        raise ModuleNotFoundError(
            "jamsos_pemilu.roster_costs needs NumPy: pip install 'jamsos-pemilu[batch]'", name=error.name
        ) from None
    return numpy


@attrs.frozen
class CostRow:
    """One month's premiums of one role under one agreement and scheme."""

    month: Month
    role: str
    agreement: str
    payer: str
    scheme: str
    headcount: int
    jkk: Rupiah
    jkm: Rupiah

    @property
    def total(self) -> Rupiah:
        """JKK plus JKM."""
        return self.jkk + self.jkm

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON."""
        return {
            "month": str(self.month), "role": self.role, "agreement": self.agreement, "payer": self.payer,
            "scheme": self.scheme, "headcount": self.headcount, "jkk": self.jkk.amount, "jkm": self.jkm.amount,
            "total": self.total.amount,
        }


@attrs.frozen
class ExposureRow:
    """The death exposure of one role under one agreement and scheme, on one date."""

    role: str
    agreement: str
    scheme: str
    headcount: int
    jkk_death: Rupiah
    jkm_death: Rupiah

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON."""
        return {
            "role": self.role, "agreement": self.agreement, "scheme": self.scheme, "headcount": self.headcount,
            "jkk_death": self.jkk_death.amount, "jkm_death": self.jkm_death.amount,
        }


_HEAD: Final = Text(id="Biaya iuran dari daftar petugas", en="Premium costs from the roster")
_OFFICERS: Final = Text(id="petugas", en="officers")
_TOTAL: Final = Text(id="Jumlah", en="Total")
_BY_AGREEMENT: Final = Text(id="Per perjanjian", en="By agreement")
_BY_MONTH: Final = Text(id="Per bulan", en="By month")
_EXPOSURE: Final = Text(id="Eksposur kematian pada {on}", en="Death exposure on {on}")
_AGREEMENT: Final = Text(id="Perjanjian", en="Agreement")
_AMOUNT: Final = Text(id="Iuran", en="Premium")
_MONTH: Final = Text(id="Bulan", en="Month")
_ASSUMED_PU: Final = Text(
    id="Skema kepesertaan tidak dilaporkan untuk {what}; dianggap Penerima Upah (PU).",
    en="Coverage scheme not reported for {what}; assumed wage earner (PU).",
)
_NO_AGREEMENT_TEXT: Final = Text(id="tanpa perjanjian", en="no agreement")


def _add(table: dict[str, Rupiah], key: str, amount: Rupiah) -> None:
    table[key] = table.get(key, Rupiah.zero()) + amount


@attrs.frozen(eq=False)
class RosterCosts(Result):
    """Premiums owed over a roster, month by month, by role, agreement, payer and scheme; and the death exposure."""

    months: tuple[Month, ...]
    on: dt.date | None
    agreements: tuple[str, ...]
    officers: int
    rows: tuple[CostRow, ...]
    exposure: tuple[ExposureRow, ...]
    assumptions: tuple[Text, ...]
    receipt: Receipt
    errors: tuple[RosterError, ...] = ()

    @property
    def total(self) -> Rupiah:
        """Every premium owed."""
        return sum((row.total for row in self.rows), Rupiah.zero())

    def _by(self, key: str) -> dict[str, Rupiah]:
        found: dict[str, Rupiah] = {}
        for row in self.rows:
            _add(found, str(getattr(row, key)), row.total)
        return found

    def by_month(self) -> dict[str, Rupiah]:
        """Premiums per month (``"2024-02"``)."""
        return self._by("month")

    def by_role(self) -> dict[str, Rupiah]:
        """Premiums per role code."""
        return self._by("role")

    def by_agreement(self) -> dict[str, Rupiah]:
        """Premiums per agreement id (``"-"``: officers no agreement places)."""
        return self._by("agreement")

    def by_payer(self) -> dict[str, Rupiah]:
        """Premiums per payer (institution and budget source, as the agreement reports them)."""
        return self._by("payer")

    def by_scheme(self) -> dict[str, Rupiah]:
        """Premiums per scheme (``wage_earner``, ``non_wage_earner``)."""
        return self._by("scheme")

    @property
    def jkk_death(self) -> Rupiah:
        """JKK death exposure of the officers on duty on ``on``."""
        return sum((row.jkk_death for row in self.exposure), Rupiah.zero())

    @property
    def jkm_death(self) -> Rupiah:
        """JKM death exposure of the officers on duty on ``on``."""
        return sum((row.jkm_death for row in self.exposure), Rupiah.zero())

    def _render(self, lang: Language) -> str:
        lines = [f"{_HEAD.render(lang)}: {format_number(self.officers, lang)} {_OFFICERS.render(lang)}, "
                 f"{', '.join(str(m) for m in self.months)}"]
        rows = [[agreement, format_rupiah(amount, lang)] for agreement, amount in self.by_agreement().items()]
        rows.append([_TOTAL.render(lang), format_rupiah(self.total, lang)])
        lines.append(render_table([_AGREEMENT.render(lang), _AMOUNT.render(lang)], rows, right=[1]))
        months = [[month, format_rupiah(amount, lang)] for month, amount in self.by_month().items()]
        lines.append(render_table([_MONTH.render(lang), _AMOUNT.render(lang)], months, right=[1]))
        if self.on is not None:
            lines.append(
                f"{_EXPOSURE.render(lang).format(on=format_date(self.on, lang))}: JKK "
                f"{format_rupiah(self.jkk_death, lang)}, JKM {format_rupiah(self.jkm_death, lang)}"
            )
        lines.extend(f"* {text.render(lang)}" for text in self.assumptions)
        lines.extend(w.render(lang) for w in self.receipt.warnings())
        return "\n".join(lines)

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON."""
        return {
            "kind": "roster_costs",
            "months": [str(m) for m in self.months],
            "on": None if self.on is None else self.on.isoformat(),
            "agreements": list(self.agreements),
            "officers": self.officers,
            "total": self.total.amount,
            "rows": [row.to_dict() for row in self.rows],
            "exposure": [row.to_dict() for row in self.exposure],
            "assumptions": [text.to_dict() for text in self.assumptions],
            "errors": [str(error) for error in self.errors],
            "receipt": self.receipt.to_dict(),
        }

    def records(self) -> list[dict[str, object]]:
        """One flat dict per month, role, agreement, payer and scheme, for a DataFrame."""
        return [row.to_dict() for row in self.rows]


def _payer(agreement: Agreement | None) -> str:
    if agreement is None:
        return _NO_AGREEMENT
    payer = agreement.payer
    if payer is None:
        return f"{agreement.id}: -"
    name = payer.institution.name if payer.institution is not None else "self_paid"
    source = payer.budget_source.value if payer.budget_source is not None else "-"
    return f"{name} ({source})"


def _columns(np: Any, chunks: Iterable[ColumnChunk], errors: list[RosterError]) -> dict[str, Any]:
    names_ = ("role", "position", "election", "wage", "appointment_start", "appointment_end")
    parts: dict[str, list[Any]] = {name: [] for name in (*names_, "scheme")}
    explicit = True
    for chunk in chunks:
        errors.extend(getattr(chunk, "errors", ()))
        for name in names_:
            parts[name].append(np.asarray(getattr(chunk, name)))
        scheme = getattr(chunk, "scheme", None)
        if scheme is None:
            explicit = False
        else:
            parts["scheme"].append(np.asarray(scheme, dtype=np.uint8))
    kinds = {"role": np.uint8, "position": np.uint8, "election": np.uint8, "wage": np.int64,
             "appointment_start": "datetime64[D]", "appointment_end": "datetime64[D]"}
    columns = {
        name: np.concatenate(parts[name]) if parts[name] else np.array([], dtype=kinds[name]) for name in names_
    }
    columns["scheme"] = np.concatenate(parts["scheme"]) if explicit and parts["scheme"] else None
    return columns


def _months_touched(np: Any, start: Any, end: Any) -> tuple[Month, ...]:
    if not start.size:
        return ()
    first = dt.date.fromisoformat(str(start.min()))
    last = dt.date.fromisoformat(str(end.max()))
    month, found = Month(first.year, first.month), []
    while (month.year, month.month) <= (last.year, last.month):
        found.append(month)
        month = month.next()
    return tuple(found)


def _check_months(months: Sequence[Month] | None) -> tuple[Month, ...] | None:
    if months is None:
        return None
    if isinstance(months, Month | str) or not isinstance(months, Iterable):
        raise InputError(f"months: expected a sequence of Month or None, got {months!r}")
    chosen = tuple(months)
    if not chosen or not all(isinstance(m, Month) for m in chosen):
        raise InputError(f"months: expected at least one Month, got {months!r}")
    if len(set(chosen)) != len(chosen):
        raise InputError("months: a month is listed twice")
    return tuple(sorted(chosen, key=lambda m: (m.year, m.month)))


def roster_costs(
    roster: object,
    agreements: Agreement | Sequence[Agreement] | None = None,
    *,
    months: Sequence[Month] | None = None,
    on: dt.date | None = None,
    scheme: Scheme | None = None,
    budget_source: BudgetSource | None = None,
    rule_book: RuleBook | None = None,
) -> RosterCosts:
    """The premiums a roster owes per month, role, agreement, payer and scheme, and the death exposure on ``on``.

    The months span several dates (each month's plan is the law of its first
    day; the exposure the law of ``on``), so the function takes a ``rule_book``.

    Args:
        roster: roster chunks, one chunk, or any source
            :func:`~jamsos_pemilu.rosters.read_columns` reads (bad rows reported in
            :class:`RosterCosts.errors <RosterCosts>`, not costed).
        agreements: the agreement(s) covering the roster, in order of precedence, or ``None``.
        months: the months to cost (default: every month an appointment touches).
        on: the date of the death exposure (default: no exposure).
        scheme: one scheme for every officer without a scheme column (default:
            the agreement's scheme, else a wage earner).
        budget_source: who pays (decides PP 50/2025 for non-wage earners in its months).
        rule_book: the rule book (default: the shipped one); a reformed one for what-if.

    Returns:
        A :class:`RosterCosts`.

    Raises:
        InputError: bad arguments.
        CalculationError: a wage earner without a positive wage.
        RuleNotInForceError: a month or date outside the rule data.
    """
    np = _numpy()
    chosen = _agreements(agreements)
    picked = _check_months(months)
    if on is not None and (isinstance(on, dt.datetime) or not isinstance(on, dt.date)):
        raise InputError(f"on: expected a datetime.date or None, got {type(on).__name__}")
    if scheme is not None and not isinstance(scheme, WageEarner | NonWageEarner):
        raise InputError(f"scheme: expected WageEarner(), NonWageEarner() or None, got {scheme!r}")
    if rule_book is not None and not isinstance(rule_book, RuleBook):
        raise InputError(f"rule_book: expected a RuleBook or None, got {type(rule_book).__name__}")
    book = rule_book or default_rule_book()
    errors: list[RosterError] = []
    columns = _columns(np, _chunks(roster), errors)
    size = int(columns["role"].shape[0])
    keys = election_keys()

    # Agreement, scheme and risk class per (role, position, election): a small table, then a lookup.
    combos = (columns["role"].astype(np.int32) * len(POSITION_CODES) + columns["position"]) * len(keys)
    combos += columns["election"]
    table_agreement = np.full(_NR * len(POSITION_CODES) * len(keys), -1, dtype=np.int16)
    table_scheme = np.zeros(table_agreement.shape[0], dtype=np.uint8)
    table_risk = np.zeros(table_agreement.shape[0], dtype=np.uint8)
    assumptions: dict[str, Text] = {}
    for code in np.flatnonzero(np.bincount(combos, minlength=1)).tolist() if size else []:
        rest, election_code = divmod(code, len(keys))
        role, position = ROLE_CODES[rest // len(POSITION_CODES)], POSITION_CODES[rest % len(POSITION_CODES)]
        placed = -1
        for index, agreement in enumerate(chosen):
            if agreement is None:
                continue
            if agreement.elections and keys[election_code] not in agreement.elections:
                continue
            if agreement.placement(role, position).cohorts:
                placed = index
                break
        table_agreement[code] = placed
        agreement = chosen[placed] if placed >= 0 else None
        own = scheme if scheme is not None else (agreement.scheme if agreement is not None else None)
        if own is None and columns["scheme"] is None:
            what = agreement.id if agreement is not None else _NO_AGREEMENT_TEXT.en
            assumptions[what] = Text(
                id=_ASSUMED_PU.id.format(what=agreement.id if agreement is not None else _NO_AGREEMENT_TEXT.id),
                en=_ASSUMED_PU.en.format(what=what),
            )
        table_scheme[code] = 1 if isinstance(own, NonWageEarner) else 0
        risk = own.risk_class if isinstance(own, WageEarner) else RiskClass.SANGAT_RENDAH
        table_risk[code] = RISK_CLASS_CODES.index(risk)
    agreement_of = table_agreement[combos] if size else np.zeros(0, dtype=np.int16)
    schemes = columns["scheme"] if columns["scheme"] is not None else table_scheme[combos]
    risks = table_risk[combos] if size else np.zeros(0, dtype=np.uint8)
    bases = np.where(schemes == 1, 0, columns["wage"]).astype(np.int64)

    # Group = (agreement + 1, role, scheme): labels decode back to the three.
    groups = ((agreement_of.astype(np.int32) + 1) * _NR + columns["role"]) * 2 + schemes
    labels = [str(code) for code in range((len(chosen) + 1) * _NR * 2)]

    def decode(label: str) -> tuple[str, str, str, str]:
        code = int(label)
        rest, scheme_code = divmod(code, 2)
        agreement_index, role = divmod(rest, _NR)
        agreement = chosen[agreement_index - 1] if agreement_index > 0 else None
        name = _NO_AGREEMENT if agreement is None else agreement.id
        return ROLE_CODES[role].value, name, _payer(agreement), _SCHEMES[scheme_code]

    start = columns["appointment_start"].astype("datetime64[D]")
    end = columns["appointment_end"].astype("datetime64[D]")
    touched = picked if picked is not None else _months_touched(np, start, end)
    rows: list[CostRow] = []
    receipts: list[Receipt] = []
    for month in touched:
        first = np.datetime64(month.first_day.isoformat(), "D")
        last = np.datetime64(month.last_day.isoformat(), "D")
        active = (start <= last) & (end >= first)
        if not active.any():
            continue
        budget = monthly_budget(
            groups[active], bases[active], month=month, labels=labels, schemes=schemes[active],
            risk_class=risks[active], budget_source=budget_source, rules=book.on(month.first_day),
        )
        receipts.append(budget.receipt)
        for row in budget.rows:
            role, name, payer, scheme_name = decode(row.label)
            rows.append(CostRow(month, role, name, payer, scheme_name, row.headcount, row.jkk, row.jkm))

    exposure: list[ExposureRow] = []
    if on is not None and size:
        day = np.datetime64(on.isoformat(), "D")
        duty = (start <= day) & (end >= day)
        snapshot = book.on(on)
        if duty.any():
            trace = RuleTrace(snapshot)
            basis = trace[names.BPU_LOWEST_INCOME_BASIS].rupiah.amount
            receipts.append(trace.receipt())
            wages = np.where(schemes[duty] == 1, basis, columns["wage"][duty]).astype(np.int64)
            deaths = death_exposure(wages, on=on, rules=snapshot)
            receipts.append(deaths.receipt)
            codes = groups[duty]
            size_ = len(labels)
            heads = np.bincount(codes, minlength=size_).tolist()
            jkk = group_sums(codes, deaths.jkk, size_)
            for code in range(size_):
                if heads[code]:
                    role, name, _payer_name, scheme_name = decode(labels[code])
                    exposure.append(
                        ExposureRow(role, name, scheme_name, heads[code], Rupiah(jkk[code]), deaths.jkm.times(heads[code]))
                    )
    if not receipts:  # nobody on duty in the months or on the date: the receipt names the rules looked at
        when = touched[0].first_day if touched else on
        if when is None:
            raise InputError("roster: no officer to cost; give months= or on= to cost an empty roster")
        receipts.append(RuleTrace(book.on(when)).receipt())
    return RosterCosts(
        months=tuple(touched),
        on=on,
        agreements=tuple(a.id for a in chosen if a is not None),
        officers=size,
        rows=tuple(rows),
        exposure=tuple(exposure),
        assumptions=tuple(assumptions.values()),
        receipt=Receipt.merge(receipts),
        errors=tuple(errors),
    )
