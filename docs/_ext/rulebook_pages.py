"""Sphinx extension: generate pages from the shipped rule data at build time.

``generated/parameters.rst`` lists every parameter with its values, dates,
citations and confidence; ``generated/law.rst`` lists the instruments cited and
which parameters rest on each.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import attrs
from sphinx.application import Sphinx

from jamsos_pemilu.agreements import Agreement
from jamsos_pemilu.explain import format_rule_value
from jamsos_pemilu.law import Confidence, default_rule_book


def _cell(text: str) -> str:
    return text.replace("\n", " ").replace("|", "\\|")


def _parameters_page() -> str:
    book = default_rule_book()
    counts: dict[Confidence, int] = defaultdict(int)
    for parameter in book:
        for value in parameter.values:
            counts[value.confidence] += 1
    lines = [
        "Parameters (generated from the rule data)",
        "==========================================",
        "",
        f"{len(book)} parameters, "
        + ", ".join(f"{counts[c]} {c.value} values" for c in Confidence if c is not Confidence.REFORM)
        + f". Rule-data digest ``{book.digest}``.",
        "",
        "A value may list another reading of the law (\"other reading\" below); the library uses the",
        "first and a reform can select the other (``Reform.select_alternative``).",
        "",
        "Every value shows the first and last day it is in force (both included; an empty end",
        "means still in force), its citation and how sure we are of it. ``unconfirmed`` values",
        "are used, and every result that uses one says so.",
        "",
    ]
    current_prefix = None
    for parameter in book:
        prefix = parameter.name.split(".")[0]
        if prefix != current_prefix:
            current_prefix = prefix
            lines += [f"``{prefix}``", "-" * (len(prefix) + 4), ""]
        lines += [
            f".. rubric:: ``{parameter.name}``",
            "",
            f"{_cell(parameter.label.id)} — *{_cell(parameter.label.en)}* "
            f"(unit: {parameter.unit.value}; file ``{parameter.file}``)",
            "",
            ".. list-table::",
            "   :header-rows: 1",
            "   :widths: 12 12 16 30 10 20",
            "",
            "   * - From",
            "     - Until",
            "     - Value",
            "     - Citation",
            "     - Confidence",
            "     - Note",
        ]
        for value in parameter.values:
            others = "".join(
                f" Other reading: {_cell(format_rule_value(attrs.evolve(value, value=a.value), 'id'))}"
                f" ({_cell(a.source)}): {_cell(a.why.en)}"
                for a in value.alternatives
            )
            lines += [
                f"   * - {value.start.isoformat()}",
                f"     - {value.end.isoformat() if value.end else ''}",
                f"     - {_cell(format_rule_value(value, 'id'))}",
                f"     - `{_cell(value.citation.label)} <{value.citation.link}>`__",
                f"     - {value.confidence.value}",
                f"     - {_cell(value.note or '')}{others}",
            ]
        lines.append("")
    return "\n".join(lines) + "\n"


def _confidence_summary(counts: dict[Confidence, int]) -> str:
    return ", ".join(f"{counts[c]} {c.value}" for c in Confidence if counts.get(c))


def _law_page() -> str:
    book = default_rule_book()
    by_source: dict[str, list[tuple[str, str, str, Confidence]]] = defaultdict(list)
    for parameter in book:
        for value in parameter.values:
            until = value.end.isoformat() if value.end else ""
            by_source[value.citation.source.id].append(
                (value.citation.article, parameter.name, f"{value.start.isoformat()} – {until}" if until else f"from {value.start.isoformat()}", value.confidence)
            )
    lines = [
        "Instruments implemented (generated)",
        "===================================",
        "",
        "Each instrument cited by the rule book: what is encoded from it (article, parameter, the",
        "dates the value is in force) and how sure the library is of each value. Confidence, strongest",
        "first: **primary** (the regulation text was read), **near-primary** (official material of BPJS,",
        "Kemnaker, KPU or Bawaslu, or an official quoted word for word), **secondary** (consistent",
        "reliable reports), **unconfirmed** (results that use it say so).",
        "",
    ]
    for source in book.sources_used():
        title = f"{source.label} — {source.title}"
        rows = sorted(by_source[source.id], key=lambda row: (row[1], row[2]))
        counts: dict[Confidence, int] = defaultdict(int)
        for row in rows:
            counts[row[3]] += 1
        lines += [
            title,
            "-" * len(title),
            "",
            f"Source: {source.url}",
            "",
            f"{len(rows)} values: {_confidence_summary(counts)}.",
            "",
            ".. list-table::",
            "   :header-rows: 1",
            "   :widths: 30 34 22 14",
            "",
            "   * - Article",
            "     - Parameter",
            "     - In force",
            "     - Confidence",
        ]
        for article, name, period, confidence in rows:
            lines += [
                f"   * - {_cell(article)}",
                f"     - ``{name}``",
                f"     - {period}",
                f"     - {confidence.value}",
            ]
        lines.append("")
    return "\n".join(lines) + "\n"


def _agreements_page() -> str:
    from jamsos_pemilu.demo import describe_agreement
    from jamsos_pemilu.serialization import shipped_agreements

    found = shipped_agreements()
    lines = [
        "Shipped agreements (generated)",
        "==============================",
        "",
        f"The {len(found)} coverage agreements shipped with the library (``shipped_agreements()``), as the reports",
        "describe them. A field the report leaves out is shown as not reported; warnings flag what is possible",
        "but suspicious. Each entry lists its sources.",
        "",
    ]
    for agreement in found:
        title = agreement.title
        lines += [title, "-" * len(title), ""]
        record = describe_agreement(agreement, "en").splitlines() + _record_extras(agreement)
        if not agreement.excerpts:
            lines += ["::", "", *("   " + row for row in record), ""]
            continue
        # A seed report: the record beside the report's key sentences.
        lines += [
            ".. list-table::",
            "   :header-rows: 1",
            "   :widths: 55 45",
            "",
            "   * - The record",
            f"     - The report ({', '.join(agreement.report_files)}) says",
            "   * - ::",
            "",
            *("           " + row for row in record),
            "",
        ]
        lines += [f"     {'-' if i == 0 else ' '} * {_quote(excerpt)}" for i, excerpt in enumerate(agreement.excerpts)]
        lines.append("")
    return "\n".join(lines) + "\n"


def _quote(text: str) -> str:
    """A report sentence as RST text: on one line, with markup characters escaped."""
    escaped = " ".join(text.split())
    for char in ("\\", "*", "`", "|", "_"):
        escaped = escaped.replace(char, "\\" + char)
    return escaped


def _record_extras(agreement: Agreement) -> list[str]:
    """Fields of a seed record that the general description leaves out."""
    rows: list[str] = []
    if agreement.handed_over_on is not None:
        rows.append(f"  Handed over: {agreement.handed_over_on.isoformat()}")
    if agreement.covers_commute is not None:
        rows.append(f"  Cover from home to the duty post and back: {'stated' if agreement.covers_commute else 'excluded'}")
    if agreement.payer is not None and agreement.payer.note:
        rows.append(f"  Payer, why: {agreement.payer.note}")
    for index, cohort in enumerate(agreement.cohorts):
        if cohort.positions:
            rows.append(f"  cohorts[{index}] positions: {', '.join(sorted(p.text.en for p in cohort.positions))}")
        if cohort.others:
            others = ", ".join(sorted(o.text.en for o in cohort.others))
            rows.append(f"  cohorts[{index}] also counts {others} (not ad hoc officers)")
        for reading in cohort.period_readings:
            rows.append(f"  cohorts[{index}] period as reported {cohort.period}; probable reading {reading.value}: {reading.why.en}")
        if cohort.note:
            rows.append(f"  cohorts[{index}] note: {cohort.note}")
    for statement in agreement.statements:
        note = f" ({statement.note})" if statement.note else ""
        rows.append(f'  Said by {statement.speaker}: "{statement.quote}"{note}')
    rows += [f"  Report file: {name}" for name in agreement.report_files]
    return rows


def _generate(app: Sphinx) -> None:
    out = Path(app.srcdir) / "generated"
    out.mkdir(exist_ok=True)
    pages = (("parameters.rst", _parameters_page()), ("law.rst", _law_page()), ("agreements.rst", _agreements_page()))
    for name, text in pages:
        path = out / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")


def setup(app: Sphinx) -> dict[str, object]:
    """Register the generator."""
    app.connect("builder-inited", _generate)
    return {"version": "1", "parallel_read_safe": True}
