"""Tests for jamsos_pemilu.coverage: double coverage and gaps across agreements."""

import datetime as dt

from jamsos_pemilu.agreements import Cohort
from jamsos_pemilu.coverage import coverage_gaps, coverage_overlaps
from jamsos_pemilu.periods import Period
from jamsos_pemilu.roles import Role
from test_agreements import make

NOV = Period(dt.date(2024, 11, 1), dt.date(2024, 11, 30))
DEC = Period(dt.date(2024, 12, 1), dt.date(2024, 12, 31))


def test_coverage_overlap_between_agreements() -> None:
    """Two agreements covering KPPS in November overlap for all of November."""
    a = make(id="a", cohorts=(Cohort({Role.KPPS}, period=NOV),), term=None, reported_total=None)
    b = make(id="b", cohorts=(Cohort({Role.KPPS, Role.PPS}, period=NOV),), term=None, reported_total=None)
    overlaps = coverage_overlaps([a, b])
    assert [(o.role, o.period, str(o.first), str(o.second)) for o in overlaps] == [
        (Role.KPPS, NOV, "a.cohorts[0]", "b.cohorts[0]")
    ]


def test_consecutive_periods_do_not_overlap() -> None:
    """November then December coverage is no double coverage."""
    a = make(id="a", cohorts=(Cohort({Role.KPPS}, period=NOV),), term=None, reported_total=None)
    b = make(id="b", cohorts=(Cohort({Role.KPPS}, period=DEC),), term=None, reported_total=None)
    assert coverage_overlaps([a, b]) == []


def test_coverage_gaps_between_periods() -> None:
    """The days between and after two cohorts' periods are gaps."""
    a = make(cohorts=(
        Cohort({Role.KPPS}, period=Period(dt.date(2024, 11, 1), dt.date(2024, 11, 10))),
        Cohort({Role.KPPS}, period=Period(dt.date(2024, 11, 15), dt.date(2024, 11, 20))),
    ), reported_total=None)
    gaps = coverage_gaps([a], Role.KPPS, NOV)
    assert [str(g) for g in gaps] == ["2024-11-11/2024-11-14", "2024-11-21/2024-11-30"]


def test_full_coverage_has_no_gap() -> None:
    """A cohort covering the whole window leaves no gap; other roles do not count."""
    a = make(cohorts=(Cohort({Role.KPPS}, period=NOV),), reported_total=None)
    assert coverage_gaps([a], Role.KPPS, NOV) == ()
    assert coverage_gaps([a], Role.PPS, NOV) == (NOV,)
