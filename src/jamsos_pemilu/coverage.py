"""Cakupan (coverage analysis): cohorts of several agreements compared day by day.

Several agreements can cover the same officers (a Pemkab PKS and a Bawaslu MoU
for the same regency), and an agreement can leave days of a term uncovered.
:func:`coverage_overlaps` finds the days two cohorts both cover a role;
:func:`coverage_gaps` finds the days of a term no cohort covers. Both compare
the periods as reported (a cohort's other readings are not used here).

>>> import datetime as dt
>>> from jamsos_pemilu.agreements import Agreement, Cohort, Party
>>> from jamsos_pemilu.institutions import Institution
>>> from jamsos_pemilu.roles import Role
>>> bpjs = Party(Institution.bpjs("Palu"), {"provider"})
>>> a = Agreement(id="a", title="A", parties=(bpjs,), cohorts=(Cohort({"kpps"}, period=Period.parse("2024-11-10/2024-11-30")),))
>>> [str(p) for p in coverage_gaps([a], Role.KPPS, Period.parse("2024-11-07/2024-12-08"))]
['2024-11-07/2024-11-09', '2024-12-01/2024-12-08']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from jamsos_pemilu.l10n import Text
from jamsos_pemilu.periods import Period
from jamsos_pemilu.roles import Role

if TYPE_CHECKING:
    from jamsos_pemilu.agreements import Agreement

__all__ = ["CohortRef", "CoverageOverlap", "coverage_gaps", "coverage_overlaps"]


@attrs.frozen
class CohortRef:
    """Where a cohort sits: the agreement's id and the cohort's index."""

    agreement: str
    index: int

    def __str__(self) -> str:
        return f"{self.agreement}.cohorts[{self.index}]"


@attrs.frozen
class CoverageOverlap:
    """Two cohorts that may cover the same officers of a role on the same days."""

    role: Role
    period: Period
    first: CohortRef
    second: CohortRef

    @property
    def text(self) -> Text:
        """A sentence describing the overlap in both languages."""
        return Text(
            id=f"{self.role.abbreviation} dicakup dua kali ({self.first} dan {self.second}) pada {self.period}",
            en=f"{self.role.abbreviation} covered twice ({self.first} and {self.second}) during {self.period}",
        )


def coverage_overlaps(agreements: Sequence[Agreement]) -> list[CoverageOverlap]:
    """Pairs of cohorts that count the same role and position on the same days.

    Pass agreements about the same officers (the same regency or city): the
    function does not compare places, because most reports leave region codes
    unknown. Cohorts without a period cannot be compared and are skipped (their
    agreement's :meth:`~jamsos_pemilu.agreements.Agreement.warnings` flags them). Pairs inside a single
    agreement are included too.

    Args:
        agreements: the agreements to compare.

    Returns:
        One :class:`CoverageOverlap` per pair of cohorts and shared role, with
        the days both cover, in input order.

    >>> import datetime as dt
    >>> from jamsos_pemilu.agreements import Agreement, Cohort, Party
    >>> from jamsos_pemilu.institutions import Institution
    >>> bpjs = Party(Institution.bpjs("Cirebon"), {"provider"})
    >>> nov = Period(dt.date(2024, 11, 1), dt.date(2024, 11, 30))
    >>> a = Agreement(id="a", title="A", parties=(bpjs,), cohorts=(Cohort({"kpps"}, period=nov),))
    >>> b = Agreement(id="b", title="B", parties=(bpjs,), cohorts=(Cohort({"kpps"}, period=nov),))
    >>> [str(o.first) + " / " + str(o.second) for o in coverage_overlaps([a, b])]
    ['a.cohorts[0] / b.cohorts[0]']

    """
    located = [
        (CohortRef(agreement.id, index), cohort)
        for agreement in agreements
        for index, cohort in enumerate(agreement.cohorts)
        if cohort.period is not None
    ]
    found: list[CoverageOverlap] = []
    for i, (first_ref, first) in enumerate(located):
        for second_ref, second in located[i + 1 :]:
            assert first.period is not None and second.period is not None
            days = first.period.intersection(second.period)
            if days is None or not first.positions_meet(second):
                continue
            for role in sorted(first.roles & second.roles, key=lambda r: r.value):
                found.append(CoverageOverlap(role, days, first_ref, second_ref))
    return found


def coverage_gaps(
    agreements: Sequence[Agreement], role: Role, within: Period
) -> tuple[Period, ...]:
    """The days of ``within`` on which no cohort of the agreements covers ``role``.

    Use the role's term (:meth:`jamsos_pemilu.elections.Election.term`) as
    ``within`` to find the days officers served uncovered. Cohorts without a
    period count as covering nothing: the gap is what is *known* to be covered.

    Args:
        agreements: agreements about the same officers.
        role: the role to check.
        within: the days that should be covered.

    Returns:
        The uncovered stretches, in order (empty when all days are covered).

    >>> import datetime as dt
    >>> from jamsos_pemilu.agreements import Agreement, Cohort, Party
    >>> from jamsos_pemilu.institutions import Institution
    >>> bpjs = Party(Institution.bpjs("Palu"), {"provider"})
    >>> part = Period(dt.date(2024, 11, 10), dt.date(2024, 11, 30))
    >>> a = Agreement(id="a", title="A", parties=(bpjs,), cohorts=(Cohort({"kpps"}, period=part),))
    >>> [str(p) for p in coverage_gaps([a], Role.KPPS, Period(dt.date(2024, 11, 7), dt.date(2024, 12, 8)))]
    ['2024-11-07/2024-11-09', '2024-12-01/2024-12-08']

    """
    covered = sorted(
        (cohort.period for a in agreements for cohort in a.cohorts_for(role) if cohort.period),
        key=lambda p: (p.start, p.end),
    )
    gaps: list[Period] = []
    cursor = within.start
    for period in covered:
        if period.end < cursor:
            continue
        if period.start > within.end:
            break
        if period.start > cursor:
            gaps.append(Period(cursor, period.start - dt.timedelta(days=1)))
        if period.end >= within.end:
            return tuple(gaps)
        cursor = max(cursor, period.end + dt.timedelta(days=1))
    gaps.append(Period(cursor, within.end))
    return tuple(gaps)
