"""Strategi Hypothesis (test-data generators): valid institutions, cohorts and agreements.

For this library's property tests. It lives with the tests, not in the package,
because it imports Hypothesis (the ``test`` extra), which the package never needs.

>>> from hypothesis import given
>>> @given(agreements())
... def check(agreement):
...     assert agreement.provider.institution.is_bpjs
>>> check()
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from jamsos_pemilu.agreements import Agreement, AgreementKind, Cohort, Party, Payer
from jamsos_pemilu.elections import all_elections
from jamsos_pemilu.institutions import AdministrativeLevel, BpjsOffice, Institution, InstitutionKind, PartyRole
from jamsos_pemilu.money import Rupiah
from jamsos_pemilu.periods import Period
from jamsos_pemilu.roles import Body, Role
from jamsos_pemilu.schemes import BudgetSource, NonWageEarner, Programme, RiskClass, WageEarner

__all__ = ["agreements", "cohorts", "institutions", "periods"]

_WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=1, max_size=12).map(
    lambda s: s.strip() or "x"
)


def periods(
    start: dt.date = dt.date(2019, 1, 1), end: dt.date = dt.date(2026, 12, 31)
) -> st.SearchStrategy[Period]:
    """Periods between ``start`` and ``end`` (both included)."""
    days = (end - start).days

    def build(a: int, b: int) -> Period:
        low, high = sorted((a, b))
        return Period(start + dt.timedelta(days=low), start + dt.timedelta(days=high))

    return st.builds(build, st.integers(0, days), st.integers(0, days))


def institutions(kind: InstitutionKind | None = None) -> st.SearchStrategy[Institution]:
    """Valid institutions (without region codes), optionally of one kind."""
    levels = st.sampled_from(
        [AdministrativeLevel.PROVINCE, AdministrativeLevel.REGENCY, AdministrativeLevel.CITY]
    )
    makers = {
        InstitutionKind.KPU: st.builds(Institution.kpu, _WORDS, levels),
        InstitutionKind.BAWASLU: st.builds(Institution.bawaslu, _WORDS, levels),
        InstitutionKind.PEMDA: st.builds(Institution.pemda, _WORDS, levels),
        InstitutionKind.PEMDA_UNIT: st.builds(
            Institution.pemda_unit, st.sampled_from(["Kesbangpol", "Disnaker"]), _WORDS, levels
        ),
        InstitutionKind.BPJS_KETENAGAKERJAAN: st.builds(
            Institution.bpjs, _WORDS, st.none() | st.sampled_from(BpjsOffice)
        ),
        InstitutionKind.KEJAKSAAN_NEGERI: st.builds(Institution.kejaksaan_negeri, _WORDS),
    }
    if kind is not None:
        return makers[kind]
    return st.one_of(*makers.values())


@st.composite
def cohorts(draw: st.DrawFn, roles: tuple[Role, ...] = tuple(Role), within: Period | None = None) -> Cohort:
    """Valid cohorts drawing their roles from ``roles`` and periods inside ``within``."""
    chosen = draw(st.frozensets(st.sampled_from(roles), max_size=3)) if roles else frozenset()
    held = sorted({p for r in chosen for p in r.positions}, key=lambda p: p.value)
    positions = draw(st.frozensets(st.sampled_from(held), max_size=2)) if held else frozenset()
    bodies = {r.body for r in chosen}
    body = (
        draw(st.none() | st.just(next(iter(bodies))))
        if len(bodies) == 1
        else (None if bodies else draw(st.none() | st.sampled_from(Body)))
    )
    span = within or Period(dt.date(2019, 1, 1), dt.date(2026, 12, 31))
    return Cohort(
        roles=chosen,
        positions=positions,
        headcount=draw(st.none() | st.integers(0, 50_000)),
        period=draw(st.none() | periods(span.start, span.end)),
        body=body,
        wage=draw(st.none() | st.integers(1, 10_000_000).map(Rupiah)),
        label=draw(st.none() | _WORDS),
        note=draw(st.none() | _WORDS),
        months=draw(st.none() | st.integers(1, 12)),
    )


@st.composite
def agreements(draw: st.DrawFn) -> Agreement:
    """Valid agreements: a BPJS provider, cohorts whose roles the election has, periods in the term."""
    election = draw(st.none() | st.sampled_from(all_elections()))
    roles = tuple(sorted(election.roles, key=lambda r: r.value)) if election else tuple(Role)
    term = draw(st.none() | periods())
    provider = Party(draw(institutions(InstitutionKind.BPJS_KETENAGAKERJAAN)), {PartyRole.PROVIDER})
    others = draw(
        st.lists(
            st.builds(
                Party,
                st.one_of(
                    institutions(InstitutionKind.KPU),
                    institutions(InstitutionKind.BAWASLU),
                    institutions(InstitutionKind.PEMDA_UNIT),
                ),
                st.frozensets(
                    st.sampled_from([PartyRole.EMPLOYER, PartyRole.PAYER, PartyRole.WITNESS]), max_size=2
                ),
                st.none() | _WORDS,
            ),
            max_size=3,
            unique_by=lambda p: p.institution,
        )
    )
    scheme = draw(
        st.none()
        | st.builds(WageEarner, st.sampled_from(RiskClass), st.none() | st.integers(1, 10**8).map(Rupiah))
        | st.builds(NonWageEarner, st.none() | st.integers(1, 10**8).map(Rupiah), st.booleans())
    )
    payer = draw(
        st.none()
        | st.builds(
            Payer,
            institutions(InstitutionKind.PEMDA),
            st.none() | st.sampled_from(BudgetSource),
            st.none() | st.integers(0, 10**10).map(Rupiah),
            st.none() | _WORDS,
        )
    )
    return Agreement(
        id=draw(st.from_regex(r"\A[a-z0-9][a-z0-9\-]{0,20}\Z")),
        title=draw(_WORDS),
        kind=draw(st.none() | st.sampled_from(AgreementKind)),
        number=draw(st.none() | _WORDS),
        signed_on=draw(st.none() | st.dates(dt.date(2019, 1, 1), dt.date(2026, 12, 31))),
        place=draw(st.none() | _WORDS),
        elections=(election.key,) if election else (),
        parties=(provider, *others),
        programmes=draw(st.frozensets(st.sampled_from(Programme))),
        scheme=scheme,
        payer=payer,
        term=term,
        cohorts=tuple(draw(st.lists(cohorts(roles, term), max_size=4))),
        reported_total=draw(st.none() | st.integers(0, 100_000)),
        sources=tuple(draw(st.lists(_WORDS.map(lambda w: "https://example.org/" + w.replace(" ", "-")), max_size=2))),
        notes=tuple(draw(st.lists(_WORDS, max_size=2))),
    )

