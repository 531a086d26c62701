"""Anggaran iuran (premium budgets): what an agreement costs, by month, role, programme and payer.

A budget officer needs the premium (*iuran*) for every officer an agreement
covers, month by month, and who pays it. :func:`agreement_budget` prices each
cohort of an :class:`~jamsos_pemilu.agreements.Agreement` with the one-officer
calculator (:func:`~jamsos_pemilu.premiums.monthly_premium`) times its
headcount, so a budget is always the sum of its cohorts, and a cohort the sum
of its months.

Reports often leave things out. Where a fact is missing the budget does not
guess silently: it either prices on a stated assumption — the scheme (wage
earner at the lowest risk class, as KPU Sulawesi Selatan's figures and BPJS's
Banten office indicate), the highest honorarium among the positions a cohort
may hold (an upper bound), a coverage length given without dates starting in
the month of signing, or the role's term in the election — and lists that
assumption on the budget, or it marks the cohort *not computable* and says why.

>>> from jamsos_pemilu.serialization import shipped_agreement
>>> budget = agreement_budget(shipped_agreement("kota-cilegon-pemilu-2024"))
>>> budget.total == sum((c.total for c in budget.cohorts), Rupiah.zero())
True
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Final

import attrs

from jamsos_pemilu.agreements import Agreement, Cohort
from jamsos_pemilu.elections import Election
from jamsos_pemilu.elections import election as find_election
from jamsos_pemilu.exceptions import InputError, short_repr
from jamsos_pemilu.explain import Formula, LineItem, Receipt, Result, render_table
from jamsos_pemilu.l10n import Language, Text, format_number, format_rupiah
from jamsos_pemilu.law import names
from jamsos_pemilu.law.parameters import RuleBook, RuleValue, default_rule_book, rules_on
from jamsos_pemilu.money import Rupiah
from jamsos_pemilu.periods import Month
from jamsos_pemilu.premiums import BOTH_PROGRAMMES, Premium, monthly_premium
from jamsos_pemilu.roles import Body, Position, Role
from jamsos_pemilu.schemes import NonWageEarner, Programme, Scheme, WageEarner

__all__ = ["AgreementBudget", "BudgetRow", "CohortBudget", "agreement_budget", "cohort_budget"]

_ASSUMED_SCHEME: Final = WageEarner()
_UNREPORTED: Final = "unreported"
_NOT_REPORTED: Final = Text(id="(tidak dilaporkan)", en="(not reported)")
_OFFICERS_THEMSELVES: Final = Text(id="petugas sendiri", en="the officers themselves")
_SOURCE_UNKNOWN: Final = Text(id="sumber dana tidak dilaporkan", en="budget source not reported")
_NOT_COMPUTABLE: Final = Text(id="tidak dapat dihitung", en="not computable")
_TITLE: Final = Text(id="Anggaran iuran: {title}", en="Premium budget: {title}")
_HEADERS: Final = (
    Text(id="Kelompok", en="Cohort"),
    Text(id="Petugas", en="Officers"),
    Text(id="Per petugas/bulan", en="Per officer/month"),
    Text(id="Kelompok/bulan", en="Cohort/month"),
    Text(id="Bulan", en="Months"),
    Text(id="Jumlah", en="Total"),
)
_TOTAL: Final = Text(id="Jumlah", en="Total")
_WIDTH: Final = 100
_MIN_LABEL: Final = 12
_TOTAL_UNKNOWN: Final = Text(
    id="tidak diketahui (tidak ada kelompok yang dapat dihitung)",
    en="unknown (no cohort could be priced)",
)
_TOTAL_PARTIAL: Final = Text(
    id="sedikitnya {amount} ({missing} kelompok tidak dapat dihitung)",
    en="at least {amount} ({missing} cohort(s) could not be priced)",
)
_OPEN_ENDED: Final = Text(
    id="Ditambah, untuk kelompok yang jumlah bulannya tidak dilaporkan: {amount} per bulan",
    en="Plus, for cohorts whose number of months is not reported: {amount} per month",
)
_BY_PROGRAMME: Final = Text(id="Per program", en="By programme")
_BY_PAYER: Final = Text(id="Per pembayar", en="By payer")
_BY_MONTH: Final = Text(id="Per bulan", en="By month")
_COHORT_HEAD: Final = Text(
    id="Kelompok {label}: {count} petugas, {months} bulan, {total}",
    en="Cohort {label}: {count} officers, {months} month(s), {total}",
)
_COHORT_NOT_COMPUTABLE: Final = Text(id="Kelompok {label}: tidak dapat dihitung", en="Cohort {label}: not computable")


def _fit_labels(headers: Sequence[str], table: list[list[str]]) -> list[list[str]]:
    """The table with long cohort labels cut (``…``) so it fits :data:`_WIDTH` columns; the notes keep them whole."""
    others = sum(max([len(headers[i])] + [len(row[i]) for row in table]) for i in range(1, len(headers)))
    room = max(_MIN_LABEL, _WIDTH - others - 2 * (len(headers) - 1))
    return [[row[0] if len(row[0]) <= room else row[0][: room - 1] + "…", *row[1:]] for row in table]




@attrs.frozen
class BudgetRow:
    """One cohort, one month, one programme: per-officer amount × headcount.

    ``roles`` and ``payer`` are keys for grouping (role codes joined by ``+``,
    or ``"unreported"``; the payer's name and budget source); ``roles_label``
    and ``payer_label`` are the same in words, for readers.
    """

    cohort: int
    label: str
    roles: str
    roles_label: Text
    month: Month
    programme: Programme
    payer: str
    payer_label: Text
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
class CohortBudget(Result):
    """The budget of one cohort, or why it cannot be computed."""

    index: int
    label: str
    roles: str
    roles_label: Text
    headcount: int | None
    basis: Rupiah | None
    rows: tuple[BudgetRow, ...]
    total: Rupiah
    computable: bool
    notes: tuple[Text, ...]
    receipt: Receipt
    premiums: tuple[Premium, ...] = attrs.field(default=(), repr=False)
    monthly_total: Rupiah | None = None

    @property
    def months(self) -> tuple[Month, ...]:
        """The months priced, in order."""
        return tuple(sorted({row.month for row in self.rows}))

    @property
    def monthly_per_officer(self) -> Rupiah | None:
        """The premium of one officer in the first month priced."""
        return self.premiums[0].total if self.premiums else None

    def _render(self, lang: Language) -> str:
        if self.computable:
            head = _COHORT_HEAD.render(lang).format(
                label=self.label,
                count=_count(self.headcount, lang),
                months=len(self.months),
                total=format_rupiah(self.total, lang),
            )
        else:
            head = _COHORT_NOT_COMPUTABLE.render(lang).format(label=self.label)
        rows = [head, *(f"  * {note.render(lang)}" for note in self.notes)]
        rows.extend(w.render(lang) for w in self.receipt.warnings())
        return "\n".join(rows)

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON."""
        return {
            "kind": "cohort_budget",
            "index": self.index,
            "label": self.label,
            "roles": self.roles,
            "headcount": self.headcount,
            "basis": None if self.basis is None else self.basis.amount,
            "computable": self.computable,
            "total": self.total.amount,
            "monthly_total": None if self.monthly_total is None else self.monthly_total.amount,
            "rows": [row.to_dict() for row in self.rows],
            "notes": [n.to_dict() for n in self.notes],
            "receipt": self.receipt.to_dict(),
        }

    def records(self) -> list[dict[str, object]]:
        """One flat dict per month and programme."""
        return [row.to_dict() for row in self.rows]


@attrs.frozen
class AgreementBudget(Result):
    """An agreement's premium budget with totals by month, role, programme and payer."""

    agreement: str
    title: str
    cohorts: tuple[CohortBudget, ...]
    total: Rupiah
    assumptions: tuple[Text, ...]
    receipt: Receipt

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
        """Totals per role key (cohorts naming several roles are keyed by all of them: ``"pps+ppk"``)."""
        return self._by("roles")

    @property
    def by_programme(self) -> dict[str, Rupiah]:
        """Totals per programme (``jkk``, ``jkm``)."""
        return self._by("programme")

    @property
    def by_payer(self) -> dict[str, Rupiah]:
        """Totals per payer key."""
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
                formula = Formula(_NOT_COMPUTABLE.id, (), _NOT_COMPUTABLE.en)
            out.append(
                LineItem(
                    f"cohort.{cohort.index}",
                    Text(id=cohort.label, en=cohort.label),
                    cohort.total if cohort.computable else None,
                    formula,
                )
            )
        return tuple(out)

    def _total_text(self, lang: Language) -> str:
        """The total in words: unknown when no cohort could be priced, marked partial when some could not."""
        missing = len(self.uncomputable)
        if missing == len(self.cohorts):
            return _TOTAL_UNKNOWN.render(lang)
        if missing:
            return _TOTAL_PARTIAL.render(lang).format(amount=format_rupiah(self.total, lang), missing=missing)
        return format_rupiah(self.total, lang)

    def _render(self, lang: Language) -> str:
        rows = [_TITLE.render(lang).format(title=self.title)]
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
                    [cohort.label, _count(cohort.headcount, lang), per_text, monthly_text, "?",
                     _NOT_COMPUTABLE.render(lang)]
                )
        headers = [h.render(lang) for h in _HEADERS]
        rows.append(render_table(headers, _fit_labels(headers, table), right=[1, 2, 3, 4, 5]))
        rows.append(f"{_TOTAL.render(lang)}: {self._total_text(lang)}")
        open_ended = [c.monthly_total for c in self.cohorts if not c.computable and c.monthly_total is not None]
        if open_ended:
            per_month = sum(open_ended, Rupiah.zero())
            rows.append(_OPEN_ENDED.render(lang).format(amount=format_rupiah(per_month, lang)))
        payers = {row.payer: row.payer_label.render(lang) for row in self.rows}
        programmes = {p.value: p.name for p in Programme}
        for title, mapping, words in (
            (_BY_PROGRAMME, self.by_programme, programmes),
            (_BY_PAYER, self.by_payer, payers),
            (_BY_MONTH, self.by_month, {}),
        ):
            if not mapping:
                continue
            rows.append(
                f"{title.render(lang)}: "
                + "; ".join(f"{words.get(k, k)} {format_rupiah(v, lang)}" for k, v in mapping.items())
            )
        for cohort in self.cohorts:
            for note in cohort.notes:
                rows.append(f"  * [{cohort.label}] {note.render(lang)}")
        rows += [f"  * {a.render(lang)}" for a in self.assumptions]
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
                {key: value for key, value in c.to_dict().items() if key not in ("kind", "rows", "receipt")}
                for c in self.cohorts
            ],
            "rows": self.records(),
            "assumptions": [a.to_dict() for a in self.assumptions],
            "receipt": self.receipt.to_dict(),
        }


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
        return _UNREPORTED if cohort.body is None else f"{cohort.body.value}.{_UNREPORTED}"
    return "+".join(sorted(r.value for r in cohort.roles))


def _roles_label(cohort: Cohort) -> Text:
    """The cohort's roles in words (abbreviations), or that they are not reported."""
    if not cohort.roles:
        if cohort.body is None:
            return _NOT_REPORTED
        body = "KPU" if cohort.body is Body.KPU else "Bawaslu"  # the bodies' names as written, not their codes
        return Text(id=f"({body}, peran tidak dilaporkan)", en=f"({body}, roles not reported)")
    text = " + ".join(sorted(r.abbreviation for r in cohort.roles))
    return Text(id=text, en=text)


def _payer_key(agreement: Agreement) -> str:
    payer = agreement.payer
    if payer is None:
        return _UNREPORTED
    name = payer.institution.name if payer.institution is not None else "self_paid"
    source = payer.budget_source.value if payer.budget_source is not None else _UNREPORTED
    return f"{name} ({source})"


def _payer(agreement: Agreement) -> Text:
    """Who pays, in words: the institution and its budget source."""
    payer = agreement.payer
    if payer is None:
        return _NOT_REPORTED
    if payer.institution is not None:
        name = Text(id=payer.institution.name, en=payer.institution.name)
    else:
        name = _OFFICERS_THEMSELVES
    source = payer.budget_source.text if payer.budget_source is not None else _SOURCE_UNKNOWN
    return Text(id=f"{name.id}, {source.id}", en=f"{name.en}, {source.en}")


def _months(agreement: Agreement, cohort: Cohort) -> tuple[tuple[Month, ...] | None, tuple[Text, ...]]:
    """The months a cohort is covered, and how they were found (or why they cannot be)."""
    if cohort.period is not None:
        return tuple(cohort.period.months()), ()
    if agreement.term is not None:
        return tuple(agreement.term.months()), ()
    if cohort.months is not None and agreement.signed_on is not None:
        start = Month.of(agreement.signed_on)
        unit = "month" if cohort.months == 1 else "months"
        note = Text(
            id=f"Laporan hanya menyebut lama {cohort.months} bulan; dianggap mulai bulan penandatanganan ({start}).",
            en=f"The report gives only a length of {cohort.months} {unit}; assumed to start in the month of "
            f"signing ({start}).",
        )
        return tuple(start.plus(i) for i in range(cohort.months)), (note,)
    if len(cohort.roles) == 1 and len(agreement.elections) >= 1:
        (role,) = cohort.roles
        found = find_election(agreement.elections[0])
        if found.has_role(role):
            term = found.term(role)
            if term is not None:
                note = Text(
                    id=f"Masa perlindungan tidak dilaporkan; dipakai masa tugas {role.abbreviation} di "
                    f"{found.name.id} ({term}).",
                    en=f"Coverage period not reported; the term of {role.abbreviation} in {found.name.en} ({term}) "
                    "is used.",
                )
                return tuple(term.months()), (note,)
    note = Text(
        id="Masa perlindungan tidak dilaporkan dan tidak dapat diturunkan.",
        en="The coverage period is not reported and cannot be derived.",
    )
    return None, (note,)


def _candidates(
    found: Election, cohort: Cohort, first_month: Month, book: RuleBook
) -> tuple[list[tuple[Rupiah, Role, Position, RuleValue]], list[tuple[Role, Position]]]:
    """The honoraria a cohort's positions may earn in ``first_month`` (with their rule values), and the positions without one."""
    rules = rules_on(first_month.first_day, rule_book=book)
    candidates: list[tuple[Rupiah, Role, Position, RuleValue]] = []
    missing: list[tuple[Role, Position]] = []
    for role in sorted(cohort.roles, key=lambda r: r.value):
        if not found.has_role(role):
            continue
        positions: Sequence[Position] = sorted(cohort.positions & set(role.positions), key=lambda p: p.value) or list(
            role.positions
        )
        for position in positions:
            name = names.honorarium(found.key, role, position)
            if name not in rules:
                missing.append((role, position))
                continue
            candidates.append((rules[name].rupiah, role, position, rules[name]))
    return candidates, missing


def _post(role: Role, position: Position, lang: Language) -> str:
    """A role and position in words (``Sekretariat Panwascam: kepala sekretariat``), never their codes."""
    name = position.text.render(lang)
    return f"{role.abbreviation}: {name[:1].lower()}{name[1:]}"


def _posts(posts: Sequence[tuple[Role, Position]], lang: Language) -> str:
    """Several roles and positions in words, separated by semicolons."""
    return "; ".join(_post(role, position, lang) for role, position in posts)


def _basis(
    agreement: Agreement, cohort: Cohort, first_month: Month, book: RuleBook
) -> tuple[Rupiah | None, tuple[Text, ...], RuleValue | None]:
    """A wage earner cohort's monthly wage: reported, or the highest honorarium it may earn; with notes.

    The third item is the honorarium's rule value when the wage comes from the rule data, for the receipt.
    """
    if cohort.wage is not None:
        return cohort.wage, (), None
    if not cohort.roles:
        return None, (
            Text(
                id="Peran kelompok tidak dilaporkan; honorarium tidak dapat ditentukan.",
                en="The group's roles are not reported; the honorarium cannot be determined.",
            ),
        ), None
    if not agreement.elections:
        return None, (
            Text(
                id="Pemilihan tidak dilaporkan; honorarium tidak dapat ditentukan.",
                en="The election is not reported; the honorarium cannot be determined.",
            ),
        ), None
    notes: list[Text] = []
    found = find_election(agreement.elections[0])
    if len(agreement.elections) > 1:
        notes.append(
            Text(
                id=f"Perjanjian menyebut beberapa pemilihan; honorarium {found.name.id} dipakai.",
                en=f"The agreement names several elections; the honoraria of {found.name.en} are used.",
            )
        )
    candidates, missing = _candidates(found, cohort, first_month, book)
    if not candidates:
        notes.append(
            Text(
                id=f"Honorarium tidak ada dalam data aturan untuk {_posts(missing, 'id') or 'kelompok ini'}.",
                en=f"No honorarium in the rule data for {_posts(missing, 'en') or 'this group'}.",
            )
        )
        return None, tuple(notes), None
    highest = max(candidates, key=lambda c: c[0].amount)
    if len(candidates) > 1:
        notes.append(
            Text(
                id="Jabatan/peran tidak dirinci; dihitung dengan honorarium tertinggi "
                f"({_post(highest[1], highest[2], 'id')}, {format_rupiah(highest[0], 'id')}) sebagai batas atas.",
                en="Positions/roles not broken down; priced at the highest honorarium "
                f"({_post(highest[1], highest[2], 'en')}, {format_rupiah(highest[0], 'en')}) as an upper bound.",
            )
        )
    if missing:
        notes.append(
            Text(
                id=f"Tanpa honorarium dalam data aturan: {_posts(missing, 'id')}.",
                en=f"No honorarium in the rule data for: {_posts(missing, 'en')}.",
            )
        )
    return highest[0], tuple(notes), highest[3]


def _anchor_month(agreement: Agreement) -> Month | None:
    """The month whose rules price a cohort with no period: the signing month, else voting day's."""
    if agreement.signed_on is not None:
        return Month.of(agreement.signed_on)
    if agreement.elections:
        return Month.of(find_election(agreement.elections[0]).voting_day)
    return None


def _empty_receipt(book: RuleBook, anchor: Month | None) -> Receipt:
    """The receipt of a cohort priced with no rule value: the rules of its anchor month, else of the book's start."""
    day = anchor.first_day if anchor is not None else min(p.values[0].start for p in book)
    return Receipt.of(rules_on(day, rule_book=book), ())


def _check_budget_arguments(agreement: object, scheme: object, rule_book: object) -> RuleBook:
    if not isinstance(agreement, Agreement):
        raise InputError(f"agreement: expected an Agreement, got {type(agreement).__name__}")
    if scheme is not None and not isinstance(scheme, WageEarner | NonWageEarner):
        raise InputError(f"scheme: expected WageEarner, NonWageEarner or None, got {short_repr(scheme)}")
    if rule_book is not None and not isinstance(rule_book, RuleBook):
        raise InputError(f"rule_book: expected a RuleBook or None, got {type(rule_book).__name__}")
    return rule_book if rule_book is not None else default_rule_book()


_PERIOD: Final = Text(id="masa perlindungan kelompok ini", en="this group's coverage period")


def _others_note(cohort: Cohort) -> Text:
    others = sorted(cohort.others, key=lambda o: o.value)
    return Text(
        id=f"Jumlah petugas termasuk {', '.join(o.text.id for o in others)} (bukan badan ad hoc); upah mereka tidak ada "
        "dalam data aturan, jadi dihitung dengan dasar yang sama dengan kelompok ini.",
        en=f"The headcount includes {', '.join(o.text.en for o in others)} (not ad hoc bodies); their pay is not in the "
        "rule data, so they are priced on the same basis as the group.",
    )


def _with_value(receipt: Receipt, value: RuleValue | None) -> Receipt:
    """``receipt`` listing ``value`` too (the honorarium a cohort is priced on), when there is one."""
    return receipt if value is None else attrs.evolve(receipt, values=(*receipt.values, value))


def _priced(budget: CohortBudget) -> tuple[Rupiah | None, tuple[Month, ...]]:
    """A cohort's total and months, to compare readings of its period; no total when it cannot be priced."""
    if not budget.computable:
        return None, ()
    return budget.total, tuple(p.month for p in budget.premiums)


def _priced_text(priced: tuple[Rupiah | None, tuple[Month, ...]], lang: Language) -> str:
    total, months = priced  # a priced cohort always has months (see _priced)
    if total is None:
        return _NOT_COMPUTABLE.render(lang)
    return f"{format_rupiah(total, lang)} ({months[0]}–{months[-1]})"


def cohort_budget(
    agreement: Agreement,
    index: int,
    *,
    scheme: Scheme | None = None,
    rule_book: RuleBook | None = None,
) -> CohortBudget:
    """Price one cohort of an agreement (``index`` into ``agreement.cohorts``).

    A cohort is covered over several months whose rules can differ, each
    month's premium following the rules of that month; so the budget takes a
    ``rule_book`` (with any reforms) rather than one date's snapshot.

    Args:
        agreement: the agreement.
        index: which cohort.
        scheme: the scheme to assume when the agreement does not report one
            (default: wage earner at the lowest risk class).
        rule_book: the rule book (default: the shipped one; ``with_reform(...)`` for a what-if).

    Raises:
        InputError: ``index`` out of range, or an argument of a wrong type.

    >>> from jamsos_pemilu.serialization import shipped_agreement
    >>> cohort_budget(shipped_agreement("kota-cilegon-pemilu-2024"), 0).computable
    True
    """
    book = _check_budget_arguments(agreement, scheme, rule_book)
    if type(index) is not int or not 0 <= index < len(agreement.cohorts):
        raise InputError(f"index: agreement {short_repr(agreement.id)} has {len(agreement.cohorts)} cohorts; no cohort {short_repr(index)}")
    cohort = agreement.cohorts[index]
    label = _label(cohort, index)
    roles, roles_label = _roles_key(cohort), _roles_label(cohort)
    chosen_scheme = agreement.scheme or scheme or _ASSUMED_SCHEME
    programmes = agreement.programmes or BOTH_PROGRAMMES
    budget_source = agreement.payer.budget_source if agreement.payer is not None else None
    notes: list[Text] = []

    def not_computable(anchor: Month | None) -> CohortBudget:
        return CohortBudget(
            index, label, roles, roles_label, cohort.headcount, None, (), Rupiah.zero(), False, tuple(notes),
            _empty_receipt(book, anchor),
        )

    if cohort.headcount is None:
        notes.append(Text(id="Jumlah petugas tidak dilaporkan.", en="The headcount is not reported."))
        return not_computable(_anchor_month(agreement))
    months, month_notes = _months(agreement, cohort)
    notes.extend(month_notes)
    if cohort.others:  # commissioners or permanent staff counted in the headcount (Cohort.others)
        notes.append(_others_note(cohort))
    anchor = months[0] if months is not None else _anchor_month(agreement)
    if anchor is None:
        return not_computable(None)
    basis: Rupiah | None = None
    source: RuleValue | None = None  # the honorarium the wage is taken from, when it is
    if isinstance(chosen_scheme, WageEarner) and chosen_scheme.wage is None:
        basis, basis_notes, source = _basis(agreement, cohort, anchor, book)
        notes.extend(basis_notes)
        if basis is None:
            return not_computable(anchor)

    def premium_of(month: Month) -> Premium:
        return monthly_premium(
            basis,
            chosen_scheme,
            month=month,
            programmes=programmes,
            budget_source=budget_source,
            rules=rules_on(month.first_day, rule_book=book),
        )

    if months is None:
        # The number of months is unknown, but a month of cover still has a price.
        premium = premium_of(anchor)
        notes.append(
            Text(
                id=f"Jumlah bulan tidak diketahui; biaya satu bulan perlindungan dihitung dengan aturan {anchor}.",
                en=f"The number of months is unknown; the cost of one month of cover is priced with the rules of "
                f"{anchor}.",
            )
        )
        return CohortBudget(
            index, label, roles, roles_label, cohort.headcount, premium.basis, (), Rupiah.zero(), False,
            tuple(notes), _with_value(premium.receipt, source), (premium,), premium.total.times(cohort.headcount),
        )
    payer, payer_label = _payer_key(agreement), _payer(agreement)
    rows: list[BudgetRow] = []
    premiums = tuple(premium_of(month) for month in months)
    total = Rupiah.zero()
    for premium in premiums:
        for programme, per_officer in premium.by_programme:
            amount = per_officer.times(cohort.headcount)
            total = total + amount
            rows.append(
                BudgetRow(
                    index, label, roles, roles_label, premium.month, programme, payer, payer_label,
                    cohort.headcount, per_officer, amount,
                )
            )
    # A disputed period (Agreement.period_reading_outcomes): the months and total under each other reading.
    actual: tuple[Rupiah | None, tuple[Month, ...]] = (total, months)
    for other in agreement.period_reading_outcomes(
        index, lambda read: _priced(cohort_budget(read, index, scheme=scheme, rule_book=book)), actual=actual
    ):
        notes.append(other.describe(_PERIOD, lambda period, _lang: str(period), _priced_text))
    return CohortBudget(
        index, label, roles, roles_label, cohort.headcount, premiums[0].basis, tuple(rows), total, True,
        tuple(notes), _with_value(Receipt.merge([p.receipt for p in premiums]), source), premiums,
    )


def agreement_budget(
    agreement: Agreement,
    *,
    scheme: Scheme | None = None,
    rule_book: RuleBook | None = None,
) -> AgreementBudget:
    """Price every cohort of an agreement and total by month, role, programme and payer.

    Like :func:`cohort_budget` it spans months, so it takes a ``rule_book``.

    Args:
        agreement: the agreement.
        scheme: the scheme to assume when the agreement does not report one.
        rule_book: the rule book (default: the shipped one; ``with_reform(...)`` for a what-if).

    Returns:
        An :class:`AgreementBudget` whose total is the sum of its cohorts.

    Raises:
        InputError: an argument of a wrong type.

    >>> from jamsos_pemilu.serialization import shipped_agreement
    >>> budget = agreement_budget(shipped_agreement("kota-cilegon-pemilu-2024"))
    >>> budget.render("en").splitlines()[0]
    'Premium budget: PKS BPJS Ketenagakerjaan, Kesbangpol, KPU dan Bawaslu Kota Cilegon untuk petugas Pemilu 2024'
    """
    book = _check_budget_arguments(agreement, scheme, rule_book)
    cohorts = tuple(
        cohort_budget(agreement, i, scheme=scheme, rule_book=book) for i in range(len(agreement.cohorts))
    )
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
    priced = [c.receipt for c in cohorts if c.premiums]
    receipts = priced or [c.receipt for c in cohorts]
    receipt = Receipt.merge(receipts) if receipts else _empty_receipt(book, _anchor_month(agreement))
    total = sum((c.total for c in cohorts), Rupiah.zero())
    return AgreementBudget(agreement.id, agreement.title, cohorts, total, tuple(assumptions), receipt)
