"""Tests for jamsos_pemilu.roster_costs: premiums and death exposure from a roster, by month, role, agreement, payer."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

np = pytest.importorskip("numpy")

from jamsos_pemilu import Month, Rupiah  # noqa: E402
from jamsos_pemilu.agreements import Agreement  # noqa: E402
from jamsos_pemilu.benefits import jkk_death, jkm_death  # noqa: E402
from jamsos_pemilu.elections import election  # noqa: E402
from jamsos_pemilu.exceptions import InputError  # noqa: E402
from jamsos_pemilu.law import rules_on  # noqa: E402
from jamsos_pemilu.premiums import monthly_premium  # noqa: E402
from jamsos_pemilu.roles import Position, Role  # noqa: E402
from jamsos_pemilu.roster_costs import roster_costs  # noqa: E402
from jamsos_pemilu.roster_coverage import roster_chunk  # noqa: E402
from jamsos_pemilu.schemes import NonWageEarner, WageEarner  # noqa: E402
from jamsos_pemilu.serialization import shipped_agreement, shipped_agreements  # noqa: E402

VOTING = dt.date(2024, 2, 14)
BINTAN = "kab-bintan-pemilu-2024"
AGREEMENTS = tuple(a for a in shipped_agreements() if "pemilu_2024" in a.elections)
ROLES = tuple(role for role in Role if election("pemilu_2024").has_role(role) and role.value not in
              {"ppln", "sekretariat_ppln", "kppsln", "pantarlih_ln", "ketertiban_tpsln"})


def months_touched(start: dt.date, end: dt.date) -> list[Month]:
    """Every month from the start's to the end's."""
    month, found = Month(start.year, start.month), []
    while (month.year, month.month) <= (end.year, end.month):
        found.append(month)
        month = month.next()
    return found


def placed(role: Role, position: str, agreements: tuple[Agreement, ...]) -> Agreement | None:
    """The first agreement whose cohorts count the role and position (Pemilu 2024)."""
    for agreement in agreements:
        if agreement.elections and "pemilu_2024" not in agreement.elections:
            continue
        if agreement.placement(role, Position.parse(position)).cohorts:
            return agreement
    return None


@st.composite
def officers(draw: st.DrawFn) -> tuple[Role, str, dt.date, dt.date, int]:
    """A Pemilu 2024 officer with a term in 2023-2024 and a wage."""
    role = draw(st.sampled_from(ROLES))
    position = draw(st.sampled_from(role.positions)).value
    start = draw(st.dates(min_value=dt.date(2023, 1, 1), max_value=dt.date(2024, 6, 30)))
    end = start + dt.timedelta(days=draw(st.integers(0, 100)))
    return role, position, start, end, draw(st.integers(500_000, 3_000_000))


@settings(max_examples=40)
@given(
    st.lists(officers(), min_size=1, max_size=8),
    st.lists(st.sampled_from(AGREEMENTS), max_size=3, unique_by=lambda a: a.id),
    st.sampled_from([None, WageEarner(), NonWageEarner()]),
)
def test_the_roster_owes_each_officers_premium_for_each_month_touched(
    roster: list[tuple[Role, str, dt.date, dt.date, int]], chosen: list[Agreement], scheme: Any
) -> None:
    """The total is Σ officers Σ months touched of the one-officer premium; each amount adds to its agreement.

    The scheme is the scheme argument, else the placing agreement's, else a wage earner.
    """
    chunk = roster_chunk(
        role=[r.value for r, *_ in roster], position=[p for _, p, *_ in roster], election="pemilu_2024",
        appointment_start=[s.isoformat() for *_, s, _e, _w in roster],
        appointment_end=[e.isoformat() for *_, e, _w in roster], wage=[w for *_, w in roster],
    )
    costs = roster_costs(chunk, chosen or None, scheme=scheme)
    expected = 0
    by_agreement: dict[str, int] = {}
    for role, position, start, end, wage in roster:
        agreement = placed(role, position, tuple(chosen))
        own = scheme if scheme is not None else (agreement.scheme if agreement is not None else None)
        for month in months_touched(start, end):
            if isinstance(own, NonWageEarner):
                amount = monthly_premium(None, NonWageEarner(), month=month).total.amount
            else:
                amount = monthly_premium(Rupiah(wage), own or WageEarner(), month=month).total.amount
            expected += amount
            key = agreement.id if agreement is not None else "-"
            by_agreement[key] = by_agreement.get(key, 0) + amount
    assert costs.total == Rupiah(expected)
    assert {k: v.amount for k, v in costs.by_agreement().items()} == by_agreement


def kpps_and_ptps() -> Any:
    """A KPPS ketua, a KPPS anggota and a PTPS, 25 January to 25 February 2024 (honoraria as wages)."""
    return roster_chunk(role=["kpps", "kpps", "ptps"], position=["ketua", "anggota", "petugas"],
                        election="pemilu_2024", appointment_start="2024-01-25", appointment_end="2024-02-25")


def test_every_month_an_appointment_touches_is_owed() -> None:
    """25 January to 25 February touches January and February: both months are owed in full."""
    costs = roster_costs(kpps_and_ptps(), shipped_agreement(BINTAN))
    assert costs.by_month() == {"2024-01": Rupiah(17_820), "2024-02": Rupiah(17_820)}
    assert costs.by_role() == {"kpps": Rupiah(24_840), "ptps": Rupiah(10_800)}


def test_months_can_be_chosen() -> None:
    """Given months, only those are costed; a month nobody serves in gives no rows."""
    costs = roster_costs(kpps_and_ptps(), shipped_agreement(BINTAN), months=[Month(2024, 2), Month(2024, 3)])
    assert costs.by_month() == {"2024-02": Rupiah(17_820)}
    assert costs.months == (Month(2024, 2), Month(2024, 3))


def test_an_officer_no_agreement_places_is_costed_apart_with_the_assumption_stated() -> None:
    """Bintan's agreement counts KPPS, not PTPS: the PTPS is under '-', and the assumed PU scheme is stated."""
    costs = roster_costs(kpps_and_ptps(), shipped_agreement(BINTAN))
    assert costs.by_agreement() == {"-": Rupiah(10_800), BINTAN: Rupiah(24_840)}
    assert costs.by_payer()["Pemerintah Kabupaten Bintan (apbd)"] == Rupiah(24_840)
    assert any("assumed wage earner" in text.en for text in costs.assumptions)


def test_the_bpu_scheme_prices_the_flat_package() -> None:
    """As non-wage earners every officer pays the BPU premium (Rp16.800 in 2024) per month, whatever the wage."""
    costs = roster_costs(kpps_and_ptps(), None, scheme=NonWageEarner())
    assert costs.total == Rupiah(16_800 * 3 * 2)
    assert costs.by_scheme() == {"non_wage_earner": Rupiah(16_800 * 6)}
    assert costs.assumptions == ()


@attrs.frozen
class SchemeChunk:
    """A roster chunk with a per-officer scheme column (0 wage earner, 1 non-wage earner)."""

    line: Any
    role: Any
    position: Any
    election: Any
    wage: Any
    appointment_start: Any
    appointment_end: Any
    asn: Any
    bpjs_registered_on: Any
    scheme: Any
    errors: tuple[Any, ...] = ()


def test_a_scheme_column_makes_a_mixed_roster() -> None:
    """A roster's own scheme column wins: one BPU officer among wage earners pays Rp16.800, the others 0,54 %."""
    base = kpps_and_ptps()
    fields = {name: getattr(base, name) for name in ("line", "role", "position", "election", "wage",
                                                     "appointment_start", "appointment_end", "asn",
                                                     "bpjs_registered_on")}
    mixed = SchemeChunk(**fields, scheme=np.array([0, 1, 0], dtype=np.uint8))
    costs = roster_costs([mixed], None, months=[Month(2024, 2)], scheme=NonWageEarner())
    assert costs.by_scheme() == {"wage_earner": Rupiah(6_480 + 5_400), "non_wage_earner": Rupiah(16_800)}


def test_death_exposure_counts_the_officers_on_duty_that_day() -> None:
    """On voting day the three are on duty: JKK = Σ jkk_death(wage), JKM = 3 × jkm_death; a day off duty has none."""
    costs = roster_costs(kpps_and_ptps(), shipped_agreement(BINTAN), on=VOTING)
    rules = rules_on(VOTING)
    expected = sum((jkk_death(Rupiah(w), on=VOTING, rules=rules).total for w in (1_200_000, 1_100_000, 1_000_000)),
                   Rupiah.zero())
    assert costs.jkk_death == expected
    assert costs.jkm_death == jkm_death(on=VOTING).total.times(3)
    assert roster_costs(kpps_and_ptps(), None, on=dt.date(2024, 3, 1)).exposure == ()


def test_the_result_explains_itself() -> None:
    """Both languages render, JSON and records carry the rows, and the receipt lists the plans' rule values."""
    costs = roster_costs(kpps_and_ptps(), shipped_agreement(BINTAN), on=VOTING)
    assert costs.render("id").startswith("Biaya iuran dari daftar petugas: 3 petugas")
    assert "Death exposure on February 14, 2024" in costs.render("en")
    data = json.loads(costs.to_json())
    assert data["kind"] == "roster_costs" and data["total"] == 35_640
    assert sum(r["total"] for r in costs.records()) == 35_640  # type: ignore[misc]
    assert {v.name for v in costs.receipt.values} >= {"pu.jkm_rate", "contribution.rounding"}


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"months": []}, "months"),
        ({"months": [Month(2024, 2), Month(2024, 2)]}, "twice"),
        ({"on": dt.datetime(2024, 2, 14, 9)}, "on"),
        ({"scheme": "BPU"}, "scheme"),
        ({"rule_book": rules_on(VOTING)}, "rule_book"),
    ],
)
def test_bad_arguments_are_refused(kwargs: dict[str, Any], match: str) -> None:
    """Bad months, a datetime, an unknown scheme or a snapshot where a rule book is needed raise InputError."""
    with pytest.raises(InputError, match=match):
        roster_costs(kpps_and_ptps(), None, **kwargs)


def test_an_empty_roster_needs_a_month_or_a_date() -> None:
    """An empty roster costs nothing; without months or a date there are no rules to name, so it is refused."""
    empty: list[Any] = []
    assert roster_costs(empty, None, months=[Month(2024, 2)]).total == Rupiah.zero()
    with pytest.raises(InputError, match="no officer"):
        roster_costs(empty, None)
