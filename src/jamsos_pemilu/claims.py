"""Klaim (claims): the JKK claim deadline and the JKM scholarship membership condition, computed once.

Both conditions are read from the rule data of the date of the accident or
death, and both are used by two parts of the library: :mod:`jamsos_pemilu.benefits`
(what is paid) and :mod:`jamsos_pemilu.eligibility` (whether it is covered). The
small functions :func:`claim_window` and :func:`scholarship_membership` take the
caller's :class:`~jamsos_pemilu.explain.RuleTrace`, so the rule values they read
land on the caller's receipt.

The right to claim JKK expires 2 years after the accident under PP 44/2015 and
5 years after it from 2 December 2019 (PP 82/2019 Pasal 26):

>>> import datetime as dt
>>> jkk_claim_deadline(on=dt.date(2019, 12, 1)).deadline
datetime.date(2021, 11, 30)
>>> jkk_claim_deadline(on=dt.date(2019, 12, 2)).deadline
datetime.date(2024, 12, 1)
"""

from __future__ import annotations

import datetime as dt
from typing import Final

import attrs

from jamsos_pemilu.exceptions import InputError
from jamsos_pemilu.explain import Formula, LineItem, Receipt, Result, RuleTrace, citation_text, citations_of
from jamsos_pemilu.l10n import Language, Text, format_date
from jamsos_pemilu.law import names
from jamsos_pemilu.law.parameters import RuleSnapshot, RuleValue, snapshot_for
from jamsos_pemilu.periods import completed_years, require_date, years_after

__all__ = [
    "ClaimDeadline",
    "ClaimWindow",
    "ScholarshipMembership",
    "claim_window",
    "jkk_claim_deadline",
    "scholarship_membership",
]


@attrs.frozen
class ClaimWindow:
    """The period in which a JKK claim can be made for one accident.

    ``deadline`` is the last day: the same calendar day ``years`` later, minus one day.
    """

    accident: dt.date
    years: int
    deadline: dt.date
    value: RuleValue

    def in_time(self, filed_on: dt.date) -> bool:
        """Whether a claim filed on ``filed_on`` is within the window."""
        return require_date(filed_on, "filed_on") <= self.deadline


def claim_window(trace: RuleTrace, accident: dt.date) -> ClaimWindow:
    """The JKK claim window for an accident, read through ``trace`` (its snapshot must be on ``accident``).

    >>> import datetime as dt
    >>> from jamsos_pemilu import rules_on
    >>> trace = RuleTrace(rules_on(dt.date(2024, 2, 14)))
    >>> window = claim_window(trace, dt.date(2024, 2, 14))
    >>> window.years, window.deadline, [v.name for v in trace.used]
    (5, datetime.date(2029, 2, 13), ['jkk.claim_expiry_years'])
    """
    day = require_date(accident, "accident")
    if trace.rules.on != day:
        raise InputError(
            f"accident: the claim window of an accident on {day.isoformat()} needs the rules of that date, "
            f"not of {trace.rules.on.isoformat()}"
        )
    value = trace[names.JKK_CLAIM_EXPIRY_YEARS]
    years = value.integer
    return ClaimWindow(day, years, years_after(day, years) - dt.timedelta(days=1), value)


@attrs.frozen
class ScholarshipMembership:
    """Whether a JKM death meets the scholarship's minimum membership (years of premiums paid).

    ``years`` is ``None`` and ``met`` is ``None`` when the membership start is unknown.
    """

    minimum: int
    years: int | None
    value: RuleValue

    @property
    def met(self) -> bool | None:
        """``True``/``False``, or ``None`` when the membership start is unknown."""
        return None if self.years is None else self.years >= self.minimum

    @property
    def text(self) -> Text:
        """The finding in words (the condition, the years counted and the outcome)."""
        if self.years is None:
            return Text(
                id=f"Beasiswa JKM butuh masa iur paling sedikit {self.minimum} tahun; awal kepesertaan tidak "
                "diketahui.",
                en=f"The JKM scholarship needs at least {self.minimum} years of premiums paid; the membership start "
                "is unknown.",
            )
        if self.years < self.minimum:
            return Text(
                id=f"Masa iur {self.years} tahun, kurang dari {self.minimum} tahun: tidak ada beasiswa JKM.",
                en=f"{self.years} years of premiums paid, fewer than {self.minimum}: no JKM scholarship.",
            )
        return Text(
            id=f"Masa iur {self.years} tahun memenuhi syarat beasiswa JKM ({self.minimum} tahun).",
            en=f"{self.years} years of premiums paid meet the JKM scholarship condition ({self.minimum} years).",
        )


def scholarship_membership(trace: RuleTrace, started: dt.date | None, *, on: dt.date) -> ScholarshipMembership:
    """The JKM scholarship membership condition on the date of death ``on``, read through ``trace``.

    Args:
        trace: the caller's trace; its snapshot must be on ``on``.
        started: when JKM membership began, or ``None`` if unknown.
        on: the date of death.

    Raises:
        InputError: ``started`` or ``on`` is not a date, or ``started`` is after ``on``.

    >>> import datetime as dt
    >>> from jamsos_pemilu import rules_on
    >>> death = dt.date(2024, 2, 14)
    >>> check = scholarship_membership(RuleTrace(rules_on(death)), dt.date(2021, 2, 14), on=death)
    >>> check.minimum, check.years, check.met
    (3, 3, True)
    """
    day = require_date(on, "on")
    if trace.rules.on != day:
        raise InputError(
            f"on: the scholarship condition of a death on {day.isoformat()} needs the rules of that date, "
            f"not of {trace.rules.on.isoformat()}"
        )
    value = trace[names.JKM_SCHOLARSHIP_MIN_MEMBERSHIP_YEARS]
    if started is None:
        return ScholarshipMembership(value.integer, None, value)
    start = require_date(started, "membership_start")
    if start > day:
        raise InputError(f"membership_start: {start.isoformat()} is after the date of death {day.isoformat()}")
    return ScholarshipMembership(value.integer, completed_years(start, day), value)


_TITLE: Final = Text(id="Batas akhir klaim JKK", en="JKK claim deadline")
_LINE: Final = Text(id="Hari terakhir klaim", en="Last day to claim")


@attrs.frozen
class ClaimDeadline(Result):
    """The last day a JKK claim can be made for an accident, with its rule value and receipt."""

    accident: dt.date
    deadline: dt.date
    years: int
    lines: tuple[LineItem, ...]
    receipt: Receipt

    def in_time(self, filed_on: dt.date) -> bool:
        """Whether a claim filed on ``filed_on`` is in time.

        >>> import datetime as dt
        >>> result = jkk_claim_deadline(on=dt.date(2024, 2, 14))
        >>> result.in_time(dt.date(2029, 2, 13)), result.in_time(dt.date(2029, 2, 14))
        (True, False)
        """
        return require_date(filed_on, "filed_on") <= self.deadline

    def _render(self, lang: Language) -> str:
        rows = [f"{_TITLE.render(lang)}: {format_date(self.deadline, lang)}"]
        for line in self.lines:
            rows.append(f"  {line.label.render(lang)} = {line.formula.render(lang)}")
            rows.append("      " + citation_text(line.citations))
        rows.append(self.receipt.render(lang))
        return "\n".join(rows)

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON."""
        return {
            "kind": "jkk_claim_deadline",
            "accident": self.accident.isoformat(),
            "deadline": self.deadline.isoformat(),
            "years": self.years,
            "lines": [line.to_dict() for line in self.lines],
            "receipt": self.receipt.to_dict(),
        }


def jkk_claim_deadline(*, on: dt.date, rules: RuleSnapshot | None = None) -> ClaimDeadline:
    """The last day a JKK claim can be made for an accident on ``on`` (2 years, 5 from 2 Dec 2019).

    Args:
        on: the date of the work accident (its rules apply).
        rules: the rules in force on ``on`` (default: the shipped rule book).

    >>> import datetime as dt
    >>> result = jkk_claim_deadline(on=dt.date(2024, 2, 14))
    >>> print(result.render("en").splitlines()[0])
    JKK claim deadline: February 13, 2029
    """
    snapshot = snapshot_for(rules, on, what="a JKK claim deadline")
    trace = RuleTrace(snapshot)
    window = claim_window(trace, on)
    line = LineItem(
        "jkk.claim_deadline",
        _LINE,
        None,
        Formula(
            "{0} + {1} tahun − 1 hari",
            (window.accident, window.years),
            "{0} + {1} years − 1 day",
        ),
        citations_of(window.value),
        (window.value.name,),
    )
    return ClaimDeadline(window.accident, window.deadline, window.years, (line,), trace.receipt())
