"""Daftar aturan (rule listing): the whole rule book as plain text, one date at a time.

:func:`render_on` writes every value in force on a date, one line each, with its
period, citation, confidence and any competing reading. The golden snapshots in
``tests/snapshots/rules/`` are this text at every date on which something takes
effect or ends (:func:`effective_dates`), so a change to the rule data shows up
in review as a readable diff of the law, date by date.

>>> import datetime as dt
>>> render_on(dt.date(2024, 2, 14)).startswith("Rule book on 2024-02-14: ")
True
>>> [line for line in render_on(dt.date(2024, 2, 14)).splitlines() if line.startswith("jkm.funeral")]
['jkm.funeral = Rp10.000.000 | 2019-12-02.. | PP 82/2019 Pasal 34 ayat (1) huruf c | primary']
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from jamsos_pemilu.law.parameters import ParameterValue, RuleBook, RuleValue, default_rule_book
from jamsos_pemilu.money import Rupiah

__all__ = ["effective_dates", "render_on", "render_value"]


def effective_dates(rule_book: RuleBook | None = None) -> tuple[dt.date, ...]:
    """Every date on which a value of the book takes effect or the day after one ends, sorted."""
    book = rule_book or default_rule_book()
    return tuple(sorted({day for parameter in book for day in parameter.effective_dates}))


def _plain(value: ParameterValue) -> str:
    if isinstance(value, Rupiah):
        return str(value)
    if isinstance(value, Decimal):
        return f"{(value * 100).normalize():f}%".replace(".", ",")
    if isinstance(value, tuple):
        return ", ".join(
            _plain(tier.rate) + (f" x {tier.months} months" if tier.months is not None else " after") for tier in value
        )
    return str(value)


def render_value(value: RuleValue) -> str:
    """One line: ``name = value | start..end | citation | confidence``, then any other reading.

    >>> import datetime as dt
    >>> from jamsos_pemilu.law import rules_on
    >>> print(render_value(rules_on(dt.date(2024, 11, 27))["jkk.death.floor"]))
    jkk.death.floor = Rp20.000.000 | 2019-12-02.. | PP 82/2019 Lampiran III | unconfirmed
        other reading: Rp42.000.000 | PP 82/2019 Pasal 34 ayat (1) huruf a-c
    """
    end = value.end.isoformat() if value.end else ""
    line = (
        f"{value.name} = {_plain(value.value)} | {value.start.isoformat()}..{end} | "
        f"{value.citation.label} | {value.confidence.value}"
    )
    others = [f"    other reading: {_plain(a.value)} | {a.source}" for a in value.alternatives]
    return "\n".join([line, *others])


def render_on(on: dt.date, rule_book: RuleBook | None = None) -> str:
    """The whole rule book in force on ``on`` as text, sorted by parameter name."""
    snapshot = (rule_book or default_rule_book()).on(on)
    lines = [f"Rule book on {on.isoformat()}: {len(snapshot)} values in force"]
    lines += [render_value(snapshot[name]) for name in sorted(snapshot)]
    return "\n".join(lines) + "\n"
