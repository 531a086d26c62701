"""Anggaran iuran (contribution budgets): what an agreement costs, by month, role, programme and payer.

A budget officer needs the contribution for every officer an agreement covers,
month by month, and who pays it. :func:`agreement_budget` prices each cohort of
an :class:`~jamsos_pemilu.agreements.Agreement` with the one-officer calculator
(:func:`~jamsos_pemilu.premiums.monthly_premium`) times its headcount, so a
budget is always the sum of its cohorts, and a cohort the sum of its months.

Reports often leave things out. Where a fact is missing the budget does not
guess silently: it either prices on a stated assumption — the scheme (wage
earner at the lowest risk class, as KPU Sulawesi Selatan's figures and BPJS's
Banten office indicate), the highest honorarium among the positions a cohort
may hold (an upper bound), a coverage length given without dates starting in
the month of signing, or the role's term in the election — and lists that
assumption on the budget, or it marks the cohort *not computable* and says why.

>>> from jamsos_pemilu.agreements import shipped_agreement
>>> budget = agreement_budget(shipped_agreement("kota-cilegon-pemilu-2024"))
>>> budget.total == sum((c.total for c in budget.cohorts), Rupiah.zero())
True
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

import attrs

from jamsos_pemilu.exceptions import InputError, UnknownParameterError
from jamsos_pemilu.explain import Formula, LineItem, Receipt, dumps, render_table
from jamsos_pemilu.l10n import DEFAULT_LANGUAGE, Language, Text, format_number, format_rupiah
from jamsos_pemilu.law.parameters import RuleBook, default_rule_book
from jamsos_pemilu.money import Rupiah
from jamsos_pemilu.periods import Month
from jamsos_pemilu.premiums import BOTH_PROGRAMMES, Premium, monthly_premium
from jamsos_pemilu.roles import Position, Role
from jamsos_pemilu.schemes import Programme, Scheme, WageEarner

if TYPE_CHECKING:
    from jamsos_pemilu.agreements import Agreement, Cohort

__all__ = ["AgreementBudget", "BudgetRow", "CohortBudget", "agreement_budget", "cohort_budget"]

_ASSUMED_SCHEME: Final = WageEarner()


@attrs.frozen
class BudgetRow:
    """One cohort, one month, one programme: per-officer amount × headcount."""

    cohort: int
    label: str
    roles: str
    month: Month
    programme: Programme
    payer: str
    headcount: int
    per_officer: Rupiah
    amount: Rupiah

    def to_dict(self) -> dict[str, object]:
        """A flat record, ready for a DataFrame."""
        return {
            "cohort": self.cohort,
            "label": self.label,
            "roles": self.roles,
            "month": str(self.month),
            "programme": self.programme.value,
            "payer": self.payer,
            "headcount": self.headcount,
            "per_officer": self.per_officer.amount,
            "amount": self.amount.amount,
        }


@attrs.frozen
class CohortBudget:
    """The budget of one cohort, or why it cannot be computed."""

    index: int
    label: str
    roles: str
    headcount: int | None
    basis: Rupiah | None
    rows: tuple[BudgetRow, ...]
    total: Rupiah
    computable: bool
    notes: tuple[Text, ...]
    premiums: tuple[Premium, ...] = attrs.field(default=(), repr=False)
    monthly_total: Rupiah | None = None

    @property
    def months(self) -> tuple[Month, ...]:
        """The months priced, in order."""
        return tuple(sorted({row.month for row in self.rows}))

    @property
    def monthly_per_officer(self) -> Rupiah | None:
        """The contribution of one officer in the first month priced."""
        return self.premiums[0].total if self.premiums else None


@attrs.frozen
class AgreementBudget:
    """An agreement's contribution budget with totals by month, role, programme and payer."""

    agreement: str
    title: str
    cohorts: tuple[CohortBudget, ...]
    total: Rupiah
    assumptions: tuple[Text, ...]
    receipt: Receipt | None

    @property
    def rows(self) -> tuple[BudgetRow, ...]:
        """Every row of every cohort."""
        return tuple(row for cohort in self.cohorts for row in cohort.rows)

    def _by(self, key: str) -> dict[str, Rupiah]:
        totals: dict[str, Rupiah] = defaultdict(Rupiah.zero)
        for row in self.rows:
            value = getattr(row, key)
            name = value.value if isinstance(value, Programme) else str(value)
            totals[name] = totals[name] + row.amount
        return dict(sorted(totals.items()))

    @property
    def by_month(self) -> dict[str, Rupiah]:
        """Totals per month (``YYYY-MM``)."""
        return self._by("month")

    @property
    def by_role(self) -> dict[str, Rupiah]:
        """Totals per role (cohorts naming several roles are keyed by all of them)."""
        return self._by("roles")

    @property
    def by_programme(self) -> dict[str, Rupiah]:
        """Totals per programme (``jkk``, ``jkm``)."""
        return self._by("programme")

    @property
    def by_payer(self) -> dict[str, Rupiah]:
        """Totals per payer."""
        return self._by("payer")

    @property
    def uncomputable(self) -> tuple[CohortBudget, ...]:
        """Cohorts that could not be priced."""
        return tuple(c for c in self.cohorts if not c.computable)

    def records(self) -> list[dict[str, object]]:
        """One flat dict per row, to load straight into a DataFrame."""
        return [row.to_dict() for row in self.rows]

    @property
    def lines(self) -> tuple[LineItem, ...]:
        """One explained line per cohort (amount ``None`` when the cohort cannot be priced).

        Lets :func:`jamsos_pemilu.explain.compare` put two budgets side by side.
        """
        out: list[LineItem] = []
        for cohort in self.cohorts:
            if cohort.computable and cohort.headcount is not None:
                per = cohort.monthly_per_officer or Rupiah.zero()
                formula = Formula(
                    "{0} petugas × {1} × {2} bulan (bulan pertama)",
                    (cohort.headcount, per, len(cohort.months)),
                    "{0} officers × {1} × {2} months (first month)",
                )
            else:
                formula = Formula("tidak dapat dihitung", (), "not computable")
            out.append(
                LineItem(
                    f"cohort.{cohort.index}",
                    Text(id=cohort.label, en=cohort.label),
                    cohort.total if cohort.computable else None,
                    formula,
                )
            )
        return tuple(out)

    def render(self, lang: Language = DEFAULT_LANGUAGE) -> str:
        """The budget as text tables a budget officer can read."""
        en = lang == "en"
        rows = [f"{'Contribution budget' if en else 'Anggaran iuran'}: {self.title}"]
        table = []
        for cohort in self.cohorts:
            per = cohort.monthly_per_officer
            per_text = format_rupiah(per, lang) if per is not None else "-"
            if cohort.computable:
                monthly = per.times(cohort.headcount) if per is not None and cohort.headcount is not None else None
                table.append(
                    [
                        cohort.label,
                        _count(cohort.headcount, lang),
                        per_text,
                        format_rupiah(monthly, lang) if monthly is not None else "-",
                        str(len(cohort.months)),
                        format_rupiah(cohort.total, lang),
                    ]
                )
            else:
                monthly_text = format_rupiah(cohort.monthly_total, lang) if cohort.monthly_total is not None else "-"
                table.append(
                    [
                        cohort.label,
                        _count(cohort.headcount, lang),
                        per_text,
                        monthly_text,
                        "?",
                        "tidak dapat dihitung" if not en else "not computable",
                    ]
                )
        headers = (
            ["Cohort", "Officers", "Per officer/month", "Cohort/month", "Months", "Total"]
            if en
            else ["Kelompok", "Petugas", "Per petugas/bulan", "Kelompok/bulan", "Bulan", "Jumlah"]
        )
        rows.append(render_table(headers, table, right=[1, 2, 3, 4, 5]))
        rows.append(f"{'Total' if en else 'Jumlah'}: {format_rupiah(self.total, lang)}")
        open_ended = [c.monthly_total for c in self.cohorts if not c.computable and c.monthly_total is not None]
        if open_ended:
            per_month = sum(open_ended, Rupiah.zero())
            rows.append(
                f"Plus, for cohorts whose number of months is not reported: {format_rupiah(per_month, lang)} per month"
                if en
                else f"Ditambah, untuk kelompok yang jumlah bulannya tidak dilaporkan: {format_rupiah(per_month, lang)} "
                "per bulan"
            )
        for title, mapping in (
            ("By programme" if en else "Per program", self.by_programme),
            ("By payer" if en else "Per pembayar", self.by_payer),
            ("By month" if en else "Per bulan", self.by_month),
        ):
            if not mapping:
                continue
            rows.append(
                f"{title}: "
                + "; ".join(f"{k.upper() if len(k) == 3 else k} {format_rupiah(v, lang)}" for k, v in mapping.items())
            )
        for cohort in self.cohorts:
            for note in cohort.notes:
                rows.append(f"  * [{cohort.label}] {note.render(lang)}")
        rows += [f"  * {a.render(lang)}" for a in self.assumptions]
        if self.receipt is not None:
            rows.extend(w.render(lang) for w in self.receipt.warnings())
        return "\n".join(rows)

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON."""
        return {
            "kind": "agreement_budget",
            "agreement": self.agreement,
            "title": self.title,
            "total": self.total.amount,
            "by_month": {k: v.amount for k, v in self.by_month.items()},
            "by_role": {k: v.amount for k, v in self.by_role.items()},
            "by_programme": {k: v.amount for k, v in self.by_programme.items()},
            "by_payer": {k: v.amount for k, v in self.by_payer.items()},
            "cohorts": [
                {
                    "index": c.index,
                    "label": c.label,
                    "roles": c.roles,
                    "headcount": c.headcount,
                    "basis": None if c.basis is None else c.basis.amount,
                    "computable": c.computable,
                    "total": c.total.amount,
                    "monthly_total": None if c.monthly_total is None else c.monthly_total.amount,
                    "notes": [n.to_dict() for n in c.notes],
                }
                for c in self.cohorts
            ],
            "rows": self.records(),
            "assumptions": [a.to_dict() for a in self.assumptions],
            "receipt": None if self.receipt is None else self.receipt.to_dict(),
        }

    def to_json(self) -> str:
        """JSON text."""
        return dumps(self.to_dict())


def _count(count: int | None, lang: Language) -> str:
    return "-" if count is None else format_number(count, lang)


def _label(cohort: Cohort, index: int) -> str:
    if cohort.label:
        return cohort.label
    if cohort.roles:
        return " + ".join(sorted(r.abbreviation for r in cohort.roles))
    return f"#{index + 1}"


def _roles_key(cohort: Cohort) -> str:
    if not cohort.roles:
        return "(tidak dilaporkan)" if cohort.body is None else f"({cohort.body.value}, peran tidak dilaporkan)"
    return "+".join(sorted(r.value for r in cohort.roles))


def _payer(agreement: Agreement) -> str:
    payer = agreement.payer
    if payer is None:
        return "(tidak dilaporkan)"
    name = payer.institution.name if payer.institution is not None else "petugas sendiri"
    source = payer.budget_source.value.upper() if payer.budget_source is not None else "?"
    return f"{name} ({source})"


def _months(agreement: Agreement, cohort: Cohort, notes: list[Text]) -> tuple[Month, ...] | None:
    if cohort.period is not None:
        return tuple(cohort.period.months())
    if agreement.term is not None:
        return tuple(agreement.term.months())
    if cohort.months is not None and agreement.signed_on is not None:
        start = Month.of(agreement.signed_on)
        unit = "month" if cohort.months == 1 else "months"
        notes.append(
            Text(
                id=f"Laporan hanya menyebut lama {cohort.months} bulan; dianggap mulai bulan penandatanganan ({start}).",
                en=f"The report gives only a length of {cohort.months} {unit}; assumed to start in the month of "
                f"signing ({start}).",
            )
        )
        return tuple(start.plus(i) for i in range(cohort.months))
    if len(cohort.roles) == 1 and len(agreement.elections) >= 1:
        from jamsos_pemilu.elections import election

        (role,) = cohort.roles
        found = election(agreement.elections[0])
        if found.has_role(role):
            term = found.term(role)
            if term is not None:
                notes.append(
                    Text(
                        id=f"Masa perlindungan tidak dilaporkan; dipakai masa tugas {role.abbreviation} di "
                        f"{found.name.id} ({term}).",
                        en=f"Coverage period not reported; the term of {role.abbreviation} in {found.name.en} ({term}) "
                        "is used.",
                    )
                )
                return tuple(term.months())
    notes.append(
        Text(
            id="Masa perlindungan tidak dilaporkan dan tidak dapat diturunkan.",
            en="The coverage period is not reported and cannot be derived.",
        )
    )
    return None


def _basis(
    agreement: Agreement, cohort: Cohort, first_month: Month, book: RuleBook, notes: list[Text]
) -> Rupiah | None:
    if cohort.wage is not None:
        return cohort.wage
    if not cohort.roles:
        notes.append(
            Text(
                id="Peran kelompok tidak dilaporkan; honorarium tidak dapat ditentukan.",
                en="The group's roles are not reported; the honorarium cannot be determined.",
            )
        )
        return None
    if not agreement.elections:
        notes.append(
            Text(
                id="Pemilihan tidak dilaporkan; honorarium tidak dapat ditentukan.",
                en="The election is not reported; the honorarium cannot be determined.",
            )
        )
        return None
    from jamsos_pemilu.elections import election

    found = election(agreement.elections[0])
    if len(agreement.elections) > 1:
        notes.append(
            Text(
                id=f"Perjanjian menyebut beberapa pemilihan; honorarium {found.name.id} dipakai.",
                en=f"The agreement names several elections; the honoraria of {found.name.en} are used.",
            )
        )
    rules = book.on(first_month.first_day)
    candidates: list[tuple[Rupiah, Role, Position]] = []
    missing: list[str] = []
    for role in sorted(cohort.roles, key=lambda r: r.value):
        if not found.has_role(role):
            continue
        positions: Sequence[Position] = sorted(cohort.positions & set(role.positions), key=lambda p: p.value) or list(
            role.positions
        )
        for position in positions:
            name = f"honorarium.{found.key}.{role.value}.{position.value}"
            if name not in book:
                missing.append(f"{role.abbreviation} {position.value}")
                continue
            if name not in rules:
                missing.append(f"{role.abbreviation} {position.value}")
                continue
            candidates.append((rules[name].rupiah, role, position))
    if not candidates:
        notes.append(
            Text(
                id=f"Honorarium tidak ada dalam data aturan untuk {', '.join(missing) or 'kelompok ini'}.",
                en=f"No honorarium in the rule data for {', '.join(missing) or 'this group'}.",
            )
        )
        return None
    highest = max(candidates, key=lambda c: c[0].amount)
    if len(candidates) > 1:
        notes.append(
            Text(
                id=f"Jabatan/peran tidak dirinci; dihitung dengan honorarium tertinggi ({highest[1].abbreviation} "
                f"{highest[2].value}, {format_rupiah(highest[0])}) sebagai batas atas.",
                en=f"Positions/roles not broken down; priced at the highest honorarium ({highest[1].abbreviation} "
                f"{highest[2].value}, {format_rupiah(highest[0], 'en')}) as an upper bound.",
            )
        )
    if missing:
        notes.append(
            Text(
                id=f"Tanpa honorarium dalam data aturan: {', '.join(missing)}.",
                en=f"No honorarium in the rule data for: {', '.join(missing)}.",
            )
        )
    return highest[0]


def _anchor_month(agreement: Agreement) -> Month | None:
    """The month whose rules price a cohort with no period: the signing month, else voting day's."""
    if agreement.signed_on is not None:
        return Month.of(agreement.signed_on)
    if agreement.elections:
        from jamsos_pemilu.elections import election

        return Month.of(election(agreement.elections[0]).voting_day)
    return None


def cohort_budget(
    agreement: Agreement,
    index: int,
    *,
    scheme: Scheme | None = None,
    rules: RuleBook | None = None,
) -> CohortBudget:
    """Price one cohort of an agreement (``index`` into ``agreement.cohorts``).

    Args:
        agreement: the agreement.
        index: which cohort.
        scheme: the scheme to assume when the agreement does not report one
            (default: wage earner at the lowest risk class).
        rules: the rule book (default: the shipped one; a reformed one for what-if).

    Raises:
        InputError: if ``index`` is out of range.

    """
    if not 0 <= index < len(agreement.cohorts):
        raise InputError(f"agreement {agreement.id!r} has {len(agreement.cohorts)} cohorts; no cohort {index}")
    book = rules or default_rule_book()
    cohort = agreement.cohorts[index]
    label = _label(cohort, index)
    roles = _roles_key(cohort)
    notes: list[Text] = []
    chosen_scheme = agreement.scheme or scheme or _ASSUMED_SCHEME
    programmes = agreement.programmes or BOTH_PROGRAMMES
    budget_source = agreement.payer.budget_source if agreement.payer is not None else None

    def not_computable() -> CohortBudget:
        return CohortBudget(index, label, roles, cohort.headcount, None, (), Rupiah.zero(), False, tuple(notes))

    if cohort.headcount is None:
        notes.append(Text(id="Jumlah petugas tidak dilaporkan.", en="The headcount is not reported."))
        return not_computable()
    months = _months(agreement, cohort, notes)
    anchor = months[0] if months is not None else _anchor_month(agreement)
    if anchor is None:
        return not_computable()
    basis: Rupiah | None = None
    if isinstance(chosen_scheme, WageEarner) and chosen_scheme.wage is None:
        try:
            basis = _basis(agreement, cohort, anchor, book, notes)
        except UnknownParameterError as error:  # pragma: no cover - guarded by the membership checks
            notes.append(Text(id=str(error), en=str(error)))
        if basis is None:
            return not_computable()
    if months is None:
        # The number of months is unknown, but a month of cover still has a price.
        premium = monthly_premium(
            basis, anchor, chosen_scheme, programmes=programmes, budget_source=budget_source, rules=book
        )
        notes.append(
            Text(
                id=f"Jumlah bulan tidak diketahui; biaya satu bulan perlindungan dihitung dengan aturan {anchor}.",
                en=f"The number of months is unknown; the cost of one month of cover is priced with the rules of "
                f"{anchor}.",
            )
        )
        return CohortBudget(
            index,
            label,
            roles,
            cohort.headcount,
            premium.basis,
            (),
            Rupiah.zero(),
            False,
            tuple(notes),
            (premium,),
            premium.total.times(cohort.headcount),
        )
    payer = _payer(agreement)
    rows: list[BudgetRow] = []
    premiums: list[Premium] = []
    total = Rupiah.zero()
    for month in months:
        premium = monthly_premium(
            basis, month, chosen_scheme, programmes=programmes, budget_source=budget_source, rules=book
        )
        premiums.append(premium)
        for programme, per_officer in premium.by_programme:
            amount = per_officer.times(cohort.headcount)
            total = total + amount
            rows.append(BudgetRow(index, label, roles, month, programme, payer, cohort.headcount, per_officer, amount))
    return CohortBudget(
        index, label, roles, cohort.headcount, premium.basis, tuple(rows), total, True, tuple(notes), tuple(premiums)
    )


def agreement_budget(
    agreement: Agreement,
    *,
    scheme: Scheme | None = None,
    rules: RuleBook | None = None,
) -> AgreementBudget:
    """Price every cohort of an agreement and total by month, role, programme and payer.

    Args:
        agreement: the agreement.
        scheme: the scheme to assume when the agreement does not report one.
        rules: the rule book (default: the shipped one; a reformed one for what-if).

    Returns:
        An :class:`AgreementBudget` whose total is the sum of its cohorts.

    """
    cohorts = tuple(cohort_budget(agreement, i, scheme=scheme, rules=rules) for i in range(len(agreement.cohorts)))
    assumptions: list[Text] = []
    if agreement.scheme is None:
        used = scheme or _ASSUMED_SCHEME
        assumptions.append(
            Text(
                id=f"Skema kepesertaan tidak dilaporkan; dianggap {used.text.id} (sesuai angka KPU Sulsel dan BPJS "
                "Kanwil Banten). Belum terkonfirmasi untuk perjanjian ini.",
                en=f"Coverage scheme not reported; assumed {used.text.en} (as KPU Sulsel's figures and BPJS's Banten "
                "office indicate). Unconfirmed for this agreement.",
            )
        )
    if not agreement.programmes:
        assumptions.append(
            Text(
                id="Program tidak dilaporkan; dianggap JKK dan JKM.", en="Programmes not reported; JKK and JKM assumed."
            )
        )
    if agreement.payer is None:
        assumptions.append(Text(id="Pembayar tidak dilaporkan.", en="The payer is not reported."))
    receipts = [p.receipt for c in cohorts for p in c.premiums]
    receipt = Receipt.merge(receipts) if receipts else None
    total = sum((c.total for c in cohorts), Rupiah.zero())
    return AgreementBudget(agreement.id, agreement.title, cohorts, total, tuple(assumptions), receipt)
