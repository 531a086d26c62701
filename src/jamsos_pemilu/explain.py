"""Penjelasan (explanations): line items, formulas, citations and receipts.

Every amount the library computes comes as a :class:`LineItem`: the amount,
the formula in words with the numbers used ("48 × Rp1.100.000"), and the
citations behind it. A result carries a :class:`Receipt`: the rule values used
with their citations and confidence, any reform applied, the library version and
a hash of the rule data. A receipt says plainly when an ``unconfirmed`` value
was used.

Formulas are stored with their numbers and rendered on demand, so computing is
cheap and rendering happens in the reader's language:

>>> from jamsos_pemilu import Rupiah
>>> Formula("{0} × {1}", (48, Rupiah(1_100_000))).render("id")
'48 × Rp1.100.000'
>>> Formula("{0} × {1}", (48, Rupiah(1_100_000))).render("en")
'48 × IDR 1,100,000'
"""

from __future__ import annotations

import abc
import datetime as dt
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any, Final, Protocol

import attrs

from jamsos_pemilu._version import __version__
from jamsos_pemilu.l10n import (
    DEFAULT_LANGUAGE,
    Language,
    Text,
    format_date,
    format_number,
    format_percent,
    format_rupiah,
    parse_language,
)
from jamsos_pemilu.law import names
from jamsos_pemilu.law.citations import Citation, Confidence
from jamsos_pemilu.law.parameters import RuleSnapshot, RuleValue
from jamsos_pemilu.money import RoundingRule, Rupiah

__all__ = [
    "Comparison",
    "Formula",
    "Itemised",
    "LineChange",
    "LineItem",
    "Receipt",
    "Result",
    "RuleTrace",
    "Share",
    "compare",
    "format_rule_value",
    "line_records",
    "render_table",
]


@attrs.frozen
class Share:
    """A fraction shown as a percentage in formulas (a rate, a discount, a disability share)."""

    value: Decimal


FormulaArg = Rupiah | Decimal | int | str | Share | Text | dt.date


def _render_arg(arg: FormulaArg, lang: Language) -> str:
    if isinstance(arg, Rupiah):
        return format_rupiah(arg, lang)
    if isinstance(arg, Share):
        return format_percent(arg.value, lang)
    if isinstance(arg, Text):
        return arg.render(lang)
    if isinstance(arg, dt.date):
        return format_date(arg, lang)
    if isinstance(arg, int | Decimal):
        return format_number(arg, lang)
    return arg


def _plain_arg(arg: FormulaArg) -> object:
    if isinstance(arg, Rupiah):
        return arg.amount
    if isinstance(arg, Share):
        return str(arg.value)
    if isinstance(arg, Decimal):
        return str(arg)
    if isinstance(arg, Text):
        return arg.to_dict()
    if isinstance(arg, dt.date):
        return arg.isoformat()
    return arg


@attrs.frozen
class Formula:
    """A formula in words with the numbers used, rendered per language.

    Args:
        template: an Indonesian template with ``{0}``, ``{1}`` placeholders.
        args: the numbers, formatted for the reader's language when rendered.
        template_en: the English template, when the words differ.

    """

    template: str
    args: tuple[FormulaArg, ...] = ()
    template_en: str | None = None

    def render(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """The formula with its numbers, in ``lang`` (any spelling :func:`~jamsos_pemilu.l10n.parse_language` accepts)."""
        code = parse_language(lang)
        template = Text(id=self.template, en=self.template_en or self.template).render(code)
        return template.format(*(_render_arg(arg, code) for arg in self.args))

    def to_dict(self) -> dict[str, object]:
        """Both renderings and the raw numbers."""
        return {
            "id": self.render("id"),
            "en": self.render("en"),
            "args": [_plain_arg(arg) for arg in self.args],
        }


@attrs.frozen
class LineItem:
    """One amount of a result with its formula and legal basis.

    ``amount`` is ``None`` for benefits paid as needed with no monetary cap
    (JKK medical care), which the line says in words.
    """

    key: str
    label: Text
    amount: Rupiah | None
    formula: Formula
    citations: tuple[Citation, ...] = ()
    parameters: tuple[str, ...] = ()
    note: Text | None = None

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON."""
        return {
            "key": self.key,
            "label": self.label.to_dict(),
            "amount": None if self.amount is None else self.amount.amount,
            "formula": self.formula.to_dict(),
            "citations": [c.to_dict() for c in self.citations],
            "parameters": list(self.parameters),
            "note": None if self.note is None else self.note.to_dict(),
        }


class RuleTrace:
    """Reads rule values from a snapshot and remembers each one used, for the receipt.

    >>> import datetime as dt
    >>> from jamsos_pemilu import rules_on
    >>> trace = RuleTrace(rules_on(dt.date(2024, 2, 14)))
    >>> trace["jkm.funeral"].rupiah
    Rupiah(10000000)
    >>> [v.name for v in trace.used]
    ['jkm.funeral']
    """

    __slots__ = ("_used", "rules")

    def __init__(self, rules: RuleSnapshot) -> None:
        self.rules = rules
        self._used: dict[str, RuleValue] = {}

    def __getitem__(self, name: str) -> RuleValue:
        value = self.rules[name]
        self._used[name] = value
        return value

    def __contains__(self, name: str) -> bool:
        return name in self.rules

    def require(self, *names: str) -> None:
        """Record that a result rests on these values being in force, without reading their amounts.

        Raises:
            RuleNotInForceError: a value is not in force on the snapshot's date.
            UnknownParameterError: a name is not in the rule book.

        """
        for name in names:
            self[name]

    def rounding(self) -> RoundingRule:
        """The rounding rule in force, recorded as used."""
        self[names.ROUNDING]
        return self.rules.rounding()

    @property
    def used(self) -> tuple[RuleValue, ...]:
        """The values read so far, in order of first use."""
        return tuple(self._used.values())

    def receipt(self) -> Receipt:
        """A receipt of the values read so far (cached on the snapshot: the same values give the same receipt)."""
        key = ("receipt", *self._used)
        memo = self.rules._memo  # the snapshot's private cache: receipts derive only from it
        found = memo.get(key)
        if isinstance(found, Receipt):
            return found
        receipt = Receipt.of(self.rules, self._used.values())
        if len(memo) < 1024:
            memo[key] = receipt
        return receipt


_RULES_USED: Final = Text(id="Nilai aturan yang dipakai", en="Rule values used")
_OTHER_READING: Final = Text(id="bacaan lain", en="other reading")
_TOTAL: Final = Text(id="Jumlah", en="Total")
_NO_CAP: Final = Text(id="tanpa batas nominal", en="no monetary cap")


@attrs.frozen
class Receipt:
    """What a result rests on: rule values, reforms, library version and rule-data hash."""

    on: dt.date
    values: tuple[RuleValue, ...]
    reforms: tuple[str, ...]
    library_version: str
    rule_digest: str

    @classmethod
    def of(cls, rules: RuleSnapshot, values: Iterable[RuleValue]) -> Receipt:
        """Build a receipt for values taken from ``rules``."""
        return cls(
            on=rules.on,
            values=tuple(values),
            reforms=tuple(r.label for r in rules.reforms),
            library_version=__version__,
            rule_digest=rules.digest,
        )

    @classmethod
    def merge(cls, receipts: Sequence[Receipt]) -> Receipt:
        """Combine receipts of several calculations (e.g. the months of a budget)."""
        if not receipts:
            raise ValueError("merge() needs at least one receipt")
        seen: dict[tuple[str, dt.date, str | None], RuleValue] = {}
        reforms: dict[str, None] = {}
        for receipt in receipts:
            for value in receipt.values:
                seen.setdefault((value.name, value.start, value.reform), value)
            reforms.update(dict.fromkeys(receipt.reforms))
        first = receipts[0]
        return cls(
            on=min(r.on for r in receipts),
            values=tuple(seen.values()),
            reforms=tuple(reforms),
            library_version=first.library_version,
            rule_digest=first.rule_digest,
        )

    @property
    def unconfirmed(self) -> tuple[RuleValue, ...]:
        """Values used whose confidence is ``unconfirmed``."""
        return tuple(v for v in self.values if v.confidence is Confidence.UNCONFIRMED)

    @property
    def uses_unconfirmed(self) -> bool:
        """Whether any value used is ``unconfirmed``."""
        return any(v.confidence is Confidence.UNCONFIRMED for v in self.values)

    @property
    def contested(self) -> tuple[RuleValue, ...]:
        """Values used that the rule data lists competing readings for (see :mod:`jamsos_pemilu.readings`)."""
        return tuple(v for v in self.values if v.alternatives)

    def warnings(self) -> tuple[Text, ...]:
        """Plain statements a reader must see (unconfirmed values, reforms)."""
        out: list[Text] = []
        unconfirmed = self.unconfirmed
        if unconfirmed:  # named by their labels: a parameter's name is shown only in the listing of values
            labels_id = "; ".join(v.label.id for v in unconfirmed)
            labels_en = "; ".join(v.label.en for v in unconfirmed)
            out.append(
                Text(
                    id=f"PERHATIAN: hasil ini memakai nilai yang belum terkonfirmasi: {labels_id}.",
                    en=f"WARNING: this result uses unconfirmed values: {labels_en}.",
                )
            )
        if self.reforms:
            labels = "; ".join(self.reforms)
            out.append(
                Text(
                    id=f"Simulasi perubahan aturan (bukan hukum yang berlaku): {labels}.",
                    en=f"What-if reform applied (not the law in force): {labels}.",
                )
            )
        return tuple(out)

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON."""
        return {
            "rules_on": self.on.isoformat(),
            "library_version": self.library_version,
            "rule_digest": self.rule_digest,
            "reforms": list(self.reforms),
            "uses_unconfirmed": self.uses_unconfirmed,
            "contested": [v.name for v in self.contested],
            "values": [v.to_dict() for v in self.values],
        }

    def render(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """The receipt as text: each value with its citation and confidence."""
        lang = parse_language(lang)
        head = _RULES_USED.render(lang)
        lines = [
            f"{head} ({format_date(self.on, lang)}; jamsos_pemilu {self.library_version}, "
            f"data {self.rule_digest[:12]}):"
        ]
        for value in self.values:
            lines.append(
                f"  - {value.name} = {format_rule_value(value, lang)} — {value.citation.label} "
                f"[{value.confidence.text.render(lang)}]"
            )
            for other in value.alternatives:
                shown = format_rule_value(attrs.evolve(value, value=other.value, alternatives=()), lang)
                lines.append(
                    f"      {_OTHER_READING.render(lang)}: {shown} — {other.source} ({other.why.render(lang)})"
                )
        lines.extend(w.render(lang) for w in self.warnings())
        return "\n".join(lines)


def format_rule_value(value: RuleValue, lang: Language = DEFAULT_LANGUAGE) -> str:
    """A rule value as a reader expects it: money, a percentage, schedule tiers, or the number.

    >>> import datetime as dt
    >>> from jamsos_pemilu import rules_on
    >>> format_rule_value(rules_on(dt.date(2024, 2, 14))["jkk.stmb.schedule"])
    '100% × 12, 50% …'
    """
    raw = value.value
    if isinstance(raw, Rupiah):
        return format_rupiah(raw, lang)
    if isinstance(raw, Decimal):
        return format_percent(raw, lang)
    if isinstance(raw, tuple):
        return ", ".join(
            f"{format_percent(t.rate, lang)}" + (f" × {t.months}" if t.months is not None else " …") for t in raw
        )
    if isinstance(raw, str):  # a choice: in words, never its code
        words = _CHOICE_TEXT.get(raw)
        return words.render(lang) if words is not None else raw.replace("_", " ")
    return str(raw)


_CHOICE_TEXT: Final = {
    "half_up": Text(id="setengah ke atas", en="half up"),
    "half_even": Text(id="setengah ke genap", en="half to even"),
    "down": Text(id="ke bawah", en="down"),
    "up": Text(id="ke atas", en="up"),
    "next_working_day": Text(id="ke hari kerja berikutnya", en="to the next working day"),
    "previous_working_day": Text(id="ke hari kerja sebelumnya", en="to the previous working day"),
}
"""The choices the rule data holds (rounding rules, due-date shifts), in words."""


class Result(abc.ABC):
    """The one protocol every result follows: text, plain data, JSON, records and a receipt.

    Premiums, schedules, late fines, benefit assessments, coverage decisions,
    budgets and columnar results all subclass it. ``render`` accepts any
    spelling of a supported language (``"id"``, ``"id_ID"``, ``"id-ID"``,
    ``"en"``, ``"en_US"``...) and parses it once; anything else is an
    :class:`~jamsos_pemilu.exceptions.InputError`. Subclasses write
    ``_render`` for the parsed language and :meth:`to_dict`;
    :meth:`to_json` and (for results with line items) :meth:`records` follow.

    >>> import datetime as dt
    >>> from jamsos_pemilu import jkm_death
    >>> result = jkm_death(on=dt.date(2024, 2, 14))
    >>> result.render("en-US") == result.render("en")
    True
    >>> result.render("fr")
    Traceback (most recent call last):
    ...
    jamsos_pemilu.exceptions.UnknownCodeError: unknown language 'fr'; accepted values: id, en
    """

    __slots__ = ()

    @property
    @abc.abstractmethod
    def receipt(self) -> Receipt:
        """The rule values the result rests on, with citations and confidence."""

    def render(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """The result as text in ``lang`` (Bahasa Indonesia by default)."""
        return self._render(parse_language(lang))

    @abc.abstractmethod
    def _render(self, lang: Language) -> str:
        """The result as text in a parsed language."""

    @abc.abstractmethod
    def to_dict(self) -> dict[str, object]:
        """The result as plain data (JSON types only), with a ``kind`` key."""

    def to_json(self) -> str:
        """The result as JSON text (:meth:`to_dict` encoded)."""
        return dumps(self.to_dict())

    def records(self) -> list[dict[str, object]]:
        """One flat dict per line item, to load straight into a DataFrame."""
        lines = getattr(self, "lines", ())
        return line_records(lines)


def line_records(lines: Iterable[LineItem], **context: object) -> list[dict[str, object]]:
    """Flat records of line items (one dict per line), for DataFrames.

    >>> import datetime as dt
    >>> from jamsos_pemilu import jkm_death
    >>> line_records(jkm_death(on=dt.date(2024, 2, 14)).lines, case="contoh")[0]["amount"]
    20000000
    """
    return [
        {
            **context,
            "key": line.key,
            "label": line.label.id,
            "label_en": line.label.en,
            "amount": None if line.amount is None else line.amount.amount,
            "formula": line.formula.render("id"),
            "formula_en": line.formula.render("en"),
            "citation": "; ".join(c.label for c in line.citations),
        }
        for line in lines
    ]


def citations_of(*values: RuleValue) -> tuple[Citation, ...]:
    """Citations of the given rule values, without repeats."""
    seen: dict[tuple[str, str], Citation] = {}
    for value in values:
        seen.setdefault((value.citation.source.id, value.citation.article), value.citation)
    return tuple(seen.values())


def citation_text(citations: Sequence[Citation]) -> str:
    """The citations of a line as the text under it: ``[PP 82/2019 Pasal 26; PP 44/2015 Pasal 16]``."""
    return "[" + "; ".join(c.label for c in citations) + "]"


def render_lines(lines: Sequence[LineItem], lang: Language, total: Rupiah | None = None) -> list[str]:
    """Render line items as text rows with formula and citation."""
    rows: list[str] = []
    for line in lines:
        amount = _NO_CAP.render(lang) if line.amount is None else format_rupiah(line.amount, lang)
        rows.append(f"  {line.label.render(lang)}: {amount}")
        rows.append(f"      = {line.formula.render(lang)}")
        if line.citations:
            rows.append("      " + citation_text(line.citations))
        if line.note is not None:
            rows.append(f"      ({line.note.render(lang)})")
    if total is not None:
        rows.append(f"  {_TOTAL.render(lang)}: {total_text(lines, total, lang)}")
    return rows


def total_text(lines: Sequence[LineItem], total: Rupiah, lang: Language) -> str:
    """A total in words: the amount, plus each line paid as needed without a cap (never a false ``Rp0``).

    >>> import datetime as dt
    >>> from jamsos_pemilu import jkk_medical_care
    >>> care = jkk_medical_care(on=dt.date(2024, 2, 14))
    >>> total_text(care.lines, care.total, "en")
    'Medical care (as medically needed, no monetary cap)'
    """
    uncapped = [f"{line.label.render(lang)} ({line.formula.render(lang)})" for line in lines if line.amount is None]
    if not uncapped:
        return format_rupiah(total, lang)
    if all(line.amount is None for line in lines):
        return " + ".join(uncapped)
    return " + ".join([format_rupiah(total, lang), *uncapped])


def render_table(headers: Sequence[str], rows: Iterable[Sequence[str]], *, right: Iterable[int] = ()) -> str:
    """A plain-text table with aligned columns (right-aligned where asked).

    >>> print(render_table(["Peran", "Iuran"], [["KPPS", "Rp5.940"]], right=[1]))
    Peran    Iuran
    -----  -------
    KPPS   Rp5.940
    """
    body = [list(map(str, row)) for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in body]) for i, h in enumerate(headers)]
    right_set = set(right)

    def fmt(cells: Sequence[str]) -> str:
        return "  ".join(
            (c.rjust(w) if i in right_set else c.ljust(w)) for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    return "\n".join([fmt(headers), fmt(["-" * w for w in widths]), *(fmt(r) for r in body)])


def dumps(data: Mapping[str, Any]) -> str:
    """JSON text for a result's plain data (UTF-8, stable key order)."""
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False)


def iter_nonempty(lines: Iterable[LineItem]) -> Iterator[Rupiah]:
    """The amounts of lines that have one."""
    for line in lines:
        if line.amount is not None:
            yield line.amount


class Itemised(Protocol):
    """What :func:`compare` accepts: a result with explained lines, a total and a receipt.

    A premium, a benefit assessment, a claim deadline and an agreement budget all are.
    """

    @property
    def lines(self) -> tuple[LineItem, ...]:
        """The explained lines, matched by key."""
        ...

    @property
    def total(self) -> Rupiah:
        """The total."""
        ...

    @property
    def receipt(self) -> Receipt:
        """The rule values used."""
        ...


@attrs.frozen
class LineChange:
    """How one line differs between two results (``None``: the line is absent on that side)."""

    key: str
    label: Text
    before: Rupiah | None
    after: Rupiah | None

    @property
    def difference(self) -> Rupiah | None:
        """``after - before`` (a missing amount counts as zero); ``None`` if neither side has an amount."""
        if self.before is None and self.after is None:
            return None
        return (self.after or Rupiah.zero()) - (self.before or Rupiah.zero())

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON."""
        difference = self.difference
        return {
            "key": self.key,
            "label": self.label.to_dict(),
            "before": None if self.before is None else self.before.amount,
            "after": None if self.after is None else self.after.amount,
            "difference": None if difference is None else difference.amount,
        }


_COMPARISON_HEADERS: Final = (
    Text(id="Baris", en="Line"),
    Text(id="Sebelum", en="Before"),
    Text(id="Sesudah", en="After"),
    Text(id="Selisih", en="Difference"),
)


@attrs.frozen
class Comparison(Result):
    """Two results compared line by line (for what-if analysis), with both receipts."""

    changes: tuple[LineChange, ...]
    total_before: Rupiah
    total_after: Rupiah
    receipt_before: Receipt
    receipt_after: Receipt

    @property
    def receipt(self) -> Receipt:
        """Both sides' rule values (and reforms) in one receipt."""
        return Receipt.merge([self.receipt_before, self.receipt_after])

    @property
    def difference(self) -> Rupiah:
        """``total_after - total_before``."""
        return self.total_after - self.total_before

    @property
    def changed(self) -> tuple[LineChange, ...]:
        """Only the lines whose amount differs."""
        return tuple(c for c in self.changes if c.before != c.after)

    def _render(self, lang: Language) -> str:
        def money(value: Rupiah | None) -> str:
            return "-" if value is None else format_rupiah(value, lang)

        rows = [[c.label.render(lang), money(c.before), money(c.after), money(c.difference)] for c in self.changes]
        # A side none of whose lines has an amount (care paid as needed) has no total, not a total of 0.
        before = self.total_before if any(c.before is not None for c in self.changes) else None
        after = self.total_after if any(c.after is not None for c in self.changes) else None
        difference = self.difference if before is not None and after is not None else None
        rows.append([_TOTAL.render(lang), money(before), money(after), money(difference)])
        headers = [h.render(lang) for h in _COMPARISON_HEADERS]
        return render_table(headers, rows, right=[1, 2, 3])

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON."""
        return {
            "kind": "comparison",
            "changes": [c.to_dict() for c in self.changes],
            "total_before": self.total_before.amount,
            "total_after": self.total_after.amount,
            "difference": self.difference.amount,
            "receipt_before": self.receipt_before.to_dict(),
            "receipt_after": self.receipt_after.to_dict(),
        }

    def records(self) -> list[dict[str, object]]:
        """One flat dict per compared line."""
        return [
            {
                "key": c.key,
                "label": c.label.id,
                "label_en": c.label.en,
                "before": None if c.before is None else c.before.amount,
                "after": None if c.after is None else c.after.amount,
                "difference": None if c.difference is None else c.difference.amount,
            }
            for c in self.changes
        ]


def compare(before: Itemised, after: Itemised) -> Comparison:
    """Compare two results line by line, matching lines by key (e.g. today's rules and a reform).

    >>> import datetime as dt
    >>> from jamsos_pemilu import Reform, jkm_death, rules_on
    >>> day = dt.date(2024, 2, 14)
    >>> reformed = rules_on(day, reform=Reform("JKM naik", {"jkm.lump_sum": 30_000_000}))
    >>> comparison = compare(jkm_death(on=day), jkm_death(on=day, rules=reformed))
    >>> [(c.key, c.difference) for c in comparison.changed]
    [('jkm.lump_sum', Rupiah(10000000))]
    """
    first = {line.key: line for line in before.lines}
    second = {line.key: line for line in after.lines}
    keys = list(first) + [k for k in second if k not in first]
    changes = tuple(
        LineChange(
            key,
            (first.get(key) or second[key]).label,
            first[key].amount if key in first else None,
            second[key].amount if key in second else None,
        )
        for key in keys
    )
    return Comparison(changes, before.total, after.total, before.receipt, after.receipt)
