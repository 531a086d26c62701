"""Sphinx extension: generate pages from the shipped rule data at build time.

``generated/parameters.rst`` lists every parameter with its values, dates,
citations and confidence; ``generated/law.rst`` lists the instruments cited and
which parameters rest on each.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from sphinx.application import Sphinx

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
            lines += [
                f"   * - {value.start.isoformat()}",
                f"     - {value.end.isoformat() if value.end else ''}",
                f"     - {_cell(format_rule_value(value, 'id'))}",
                f"     - `{_cell(value.citation.label)} <{value.citation.link}>`__",
                f"     - {value.confidence.value}",
                f"     - {_cell(value.note or '')}",
            ]
        lines.append("")
    return "\n".join(lines) + "\n"


def _law_page() -> str:
    book = default_rule_book()
    by_source: dict[str, set[str]] = defaultdict(set)
    for parameter in book:
        for value in parameter.values:
            by_source[value.citation.source.id].add(f"{value.citation.article}: ``{parameter.name}``")
    lines = [
        "Instruments implemented (generated)",
        "===================================",
        "",
        "Each instrument cited by the rule book, and the articles and parameters resting on it.",
        "",
    ]
    for source in book.sources_used():
        title = f"{source.label} — {source.title}"
        lines += [title, "-" * len(title), "", f"Source: {source.url}", ""]
        lines += [f"- {_cell(entry)}" for entry in sorted(by_source[source.id])]
        lines.append("")
    return "\n".join(lines) + "\n"


def _agreements_page() -> str:
    from jamsos_pemilu.agreements import shipped_agreements
    from jamsos_pemilu.demo import describe_agreement

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
        lines += [title, "-" * len(title), "", "::", ""]
        lines += ["   " + row for row in describe_agreement(agreement, "en").splitlines()]
        lines.append("")
    return "\n".join(lines) + "\n"


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
