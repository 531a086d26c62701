"""Budgets over rosters and the death-benefit exposure: who is counted, in which group, at which amount.

A premium is owed for every contribution month an appointment touches, so an officer counts in a month when
the appointment starts on or before its last day and ends on or after its first day (both days count). Amounts
come from the rule data: PP 44/2015 Pasal 16 ayat (1) (JKK by risk class), Pasal 18 ayat (1) (JKM 0,3 %),
Pasal 20 (non-wage earners), Pasal 21 ayat (3) (a due date on a holiday moves to the next working day, which the
budget notes); death benefits by PP 44/2015 and, from 2 December 2019, PP 82/2019 Lampiran III and Pasal 34
ayat (1). A budget is the same whether its officers are counted per grid point of the bases (the grouped path)
or priced one by one.
"""

from __future__ import annotations

import datetime as dt
import io

import pytest

from jamsos_pemilu import BudgetSource, CalculationError, Month, Reform, Rupiah, rules_on
from jamsos_pemilu.benefits import jkk_death, jkm_death
from jamsos_pemilu.premiums import BOTH_PROGRAMMES, monthly_premium
from jamsos_pemilu.rosters import RosterChunk, read_columns
from jamsos_pemilu.schemes import NonWageEarner, Programme, RiskClass, WageEarner

np = pytest.importorskip("numpy")

from jamsos_pemilu import batch  # noqa: E402
from jamsos_pemilu.batch import (  # noqa: E402
    RISK_CLASS_CODES,
    ROLE_LABELS,
    GroupTotal,
    death_exposure,
    monthly_budget,
    monthly_premiums,
    roster_budget,
)

FEB_2024 = Month(2024, 2)
HEADER = "nik,name,role,position,election,appointment_start,appointment_end,wage\n"


def roster(*rows: tuple[str, str, str, str, int]) -> list[RosterChunk]:
    """Roster chunks of officers (role, position, appointment start, end, wage) of Pemilu 2024."""
    lines = [
        f"36020412118{70001 + i},Petugas {i},{role},{position},pemilu_2024,{start},{end},{wage}\n"
        for i, (role, position, start, end, wage) in enumerate(rows)
    ]
    return list(read_columns(io.StringIO(HEADER + "".join(lines))))


def premium(wage: int, month: Month = FEB_2024, **kwargs: object) -> int:
    """The one-officer premium of a wage earner (JKK + JKM)."""
    return monthly_premium(Rupiah(wage), month=month, **kwargs).total.amount  # type: ignore[arg-type]


# --------------------------------------------------------------------------- roster budgets


def test_an_appointment_counts_in_every_month_it_touches_both_ends_included() -> None:
    """Appointments ending on 1 February or starting on 29 February count in February; a day outside does not."""
    chunks = roster(
        ("KPPS", "anggota", "2024-01-25", "2024-02-01", 1_100_000),  # ends on the first day
        ("KPPS", "ketua", "2024-02-29", "2024-03-25", 1_200_000),  # starts on the last day
        ("KPPS", "anggota", "2024-01-02", "2024-01-31", 1_300_000),  # ends the day before
        ("KPPS", "anggota", "2024-03-01", "2024-03-31", 1_400_000),  # starts the day after
        ("PPK", "ketua", "2024-01-01", "2024-03-31", 2_500_000),  # spans the month
    )
    budget = roster_budget(chunks, month=FEB_2024)
    assert [(row.label, row.headcount, row.total.amount) for row in budget.rows] == [
        ("ppk", 1, premium(2_500_000)),
        ("kpps", 2, premium(1_100_000) + premium(1_200_000)),
    ]


def test_roster_budget_by_role_and_position_uses_the_position_labels() -> None:
    """Grouped by role and position, each officer falls under ``role.position`` in the order of the role codes."""
    chunks = roster(
        ("KPPS", "anggota", "2024-02-01", "2024-02-14", 1_100_000),
        ("KPPS", "ketua", "2024-02-01", "2024-02-14", 1_200_000),
        ("PPS", "ketua", "2024-02-01", "2024-02-14", 1_500_000),
        ("KPPS", "anggota", "2024-02-01", "2024-02-14", 1_100_000),
    )
    budget = roster_budget(chunks, month=FEB_2024, by="role_position")
    assert [(row.label, row.headcount, row.total.amount) for row in budget.rows] == [
        ("pps.ketua", 1, premium(1_500_000)),
        ("kpps.ketua", 1, premium(1_200_000)),
        ("kpps.anggota", 2, 2 * premium(1_100_000)),
    ]
    assert _lines_of(budget)[3:6] == ["PPS ketua", "KPPS ketua", "KPPS anggota"]


def _lines_of(budget: batch.RosterBudget) -> list[str]:
    return [line.split("  ")[0] for line in budget.render("en").split("\n")]


def test_roster_budget_sorts_groups_by_role_across_chunks() -> None:
    """Rows come in role-code order whatever order the chunks bring them in; a chunk with nobody on duty is skipped."""
    chunks = [
        *roster(("KPPS", "anggota", "2024-02-01", "2024-02-14", 1_100_000)),
        *roster(("PPK", "ketua", "2024-05-01", "2024-05-14", 2_500_000)),  # not on duty in February
        *roster(("PPK", "ketua", "2024-02-01", "2024-02-14", 2_500_000)),
        *roster(("KPPS", "ketua", "2024-02-03", "2024-02-14", 1_100_000)),
    ]
    budget = roster_budget(chunks, month=FEB_2024)
    assert [(row.label, row.headcount) for row in budget.rows] == [("ppk", 1), ("kpps", 2)]
    assert budget.total.amount == premium(2_500_000) + 2 * premium(1_100_000)
    assert budget.month == FEB_2024


def test_roster_budget_applies_the_risk_class_programmes_and_rules_given() -> None:
    """The risk class (JKK 1,27 % for *tinggi*), the programmes covered and a what-if reform reach every officer."""
    chunks = roster(("KPPS", "anggota", "2024-02-01", "2024-02-14", 1_000_000))
    high = roster_budget(chunks, month=FEB_2024, risk_class=RiskClass.TINGGI)
    assert (high.jkk.amount, high.jkm.amount) == (12_700, 3_000)
    assert "pu.jkk_rate.tinggi" in [value.name for value in high.receipt.values]
    jkm_only = roster_budget(chunks, month=FEB_2024, programmes={Programme.JKM})
    assert (jkm_only.jkk.amount, jkm_only.jkm.amount) == (0, 3_000)
    rules = rules_on(FEB_2024.first_day, reform=Reform("JKM 0,5 %", {"pu.jkm_rate": "0.005"}))
    reformed = roster_budget(chunks, month=FEB_2024, rules=rules)
    assert reformed.jkm.amount == 5_000
    assert reformed.receipt.reforms == ("JKM 0,5 %",)


def test_an_empty_roster_budget_still_states_the_rules_and_notes_of_the_month() -> None:
    """With nobody on duty the budget is zero, but its receipt and notes are those of the month and risk class.

    The premium of February 2026 is due on 15 March 2026, a Sunday: it moves to 16 March (PP 44/2015 Pasal 21
    ayat (3)), which the budget notes.
    """
    month = Month(2026, 2)
    chunks = roster(("KPPS", "anggota", "2024-02-01", "2024-02-14", 1_100_000))
    budget = roster_budget(chunks, month=month, risk_class=RiskClass.SEDANG)
    assert (budget.headcount, budget.rows, budget.month) == (0, (), month)
    names = [value.name for value in budget.receipt.values]
    assert "pu.jkk_rate.sedang" in names and "pu.jkk_rate.sangat_rendah" not in names
    expected_notes = monthly_premiums(np.array([1]), month=month).notes
    assert budget.notes == expected_notes and len(expected_notes) == 1
    on_duty = roster(("KPPS", "anggota", "2026-02-01", "2026-02-14", 1_100_000))
    assert roster_budget(on_duty, month=month).notes == expected_notes


# --------------------------------------------------------------------------- monthly budgets


def test_budget_by_custom_labels_counts_and_prices_each_group() -> None:
    """Officers are counted under the label of their group code; groups with nobody are left out."""
    budget = monthly_budget(
        np.array([2, 0, 2]), np.array([1_100_000, 2_000_000, 1_200_000]), month=FEB_2024, labels=("a", "b", "c")
    )
    assert budget.rows == (
        GroupTotal("a", 1, Rupiah(4_800), Rupiah(6_000)),
        GroupTotal("c", 2, Rupiah(2_640 + 2_880), Rupiah(3_300 + 3_600)),
    )


def test_a_mixed_budget_prices_each_scheme_and_risk_class() -> None:
    """Wage earners pay by their risk class; non-wage earners pay 1 % of at least Rp1.000.000 and Rp6.800.

    The budget over a mixed roster is the sum of the one-officer premiums, on the grouped and on the direct path.
    """
    groups = np.array([0, 0, 1, 1, 1, 2])
    bases = np.array([1_000_000, 1_000_000, 0, 2_000_000, 1_000_000, 1_500_000])
    schemes = np.array([0, 0, 1, 1, 0, 0])
    risks = np.array([0, 4, 0, 3, 2, 1])
    budget = monthly_budget(groups, bases, month=FEB_2024, labels=("a", "b", "c"), schemes=schemes, risk_class=risks)
    assert [(r.label, r.headcount, r.jkk.amount, r.jkm.amount) for r in budget.rows] == [
        ("a", 2, 2_400 + 17_400, 6_000),
        ("b", 3, 10_000 + 20_000 + 8_900, 6_800 + 6_800 + 3_000),
        ("c", 1, 8_100, 4_500),
    ]
    names = {value.name for value in budget.receipt.values}
    assert {"pu.jkk_rate.sangat_rendah", "pu.jkk_rate.sedang", "pu.jkk_rate.sangat_tinggi"} <= names
    assert {"pu.jkk_rate.rendah", "bpu.jkm_amount"} <= names and "pu.jkk_rate.tinggi" not in names


@pytest.mark.parametrize("size", [6, 3_000])
def test_grouped_and_direct_budgets_agree_on_every_scheme_and_class(size: int) -> None:
    """Pricing per grid point or per officer gives the same budget for every scheme, risk class and budget source.

    Bases Rp0 (undeclared, non-wage earners only) to Rp2.500.000 on a Rp100.000 grid; May 2026, when self-paid
    non-wage earners pay half (PP 50/2025 Pasal 4 ayat (1)).
    """
    rng = np.random.default_rng(size)
    groups = rng.integers(0, 3, size)
    schemes = rng.integers(0, 2, size)
    bases = rng.integers(1, 26, size) * 100_000
    bases[(schemes == 1) & (rng.random(size) < 0.3)] = 0
    risks = rng.integers(0, 5, size)
    month = Month(2026, 5)
    budget = monthly_budget(
        groups,
        bases,
        month=month,
        labels=("a", "b", "c"),
        schemes=schemes,
        risk_class=risks,
        budget_source=BudgetSource.SELF_PAID,
    )
    each = monthly_premiums(bases, month=month, schemes=schemes, risk_class=risks, budget_source=BudgetSource.SELF_PAID)
    for code, label in enumerate("abc"):
        chosen = groups == code
        row = budget.row(label)
        assert row.headcount == int(chosen.sum())
        assert (row.jkk.amount, row.jkm.amount) == (int(each.jkk[chosen].sum()), int(each.jkm[chosen].sum()))
    for index in range(size):
        scheme = NonWageEarner() if schemes[index] else WageEarner(RISK_CLASS_CODES[int(risks[index])])
        basis = Rupiah(int(bases[index])) if bases[index] else None
        one = monthly_premium(basis, scheme, month=month, budget_source=BudgetSource.SELF_PAID)
        assert int(each.total[index]) == one.total.amount
        if index > 20:
            break


def test_grouped_counts_count_officers_per_group_scheme_class_and_basis() -> None:
    """The grouped path counts each officer once in his (group, scheme, risk class, basis) bin.

    Private helper: the grouping is an implementation choice with no public door; its contract is in its docstring.
    """
    groups = np.array([1, 0, 1, 1], dtype=np.uint8)
    bases = np.array([1_100_000, 1_200_000, 1_100_000, 1_300_000])
    schemes = np.array([0, 1, 0, 1])
    risks = np.array([2, 0, 2, 4])
    checked = batch._roster(np, bases, schemes, risks)
    found = batch._grouped_counts(np, groups, checked, 2, max_bins=2**20)
    assert found is not None
    counts, low, unit, width, scheme_count, risk_count = found
    assert (low, unit, width, scheme_count, risk_count) == (1_100_000, 100_000, 3, 2, 5)
    bins = {int(b): int(counts[b]) for b in np.flatnonzero(counts)}
    assert bins == {
        ((1 * 2 + 0) * 5 + 2) * 3 + 0: 2,
        ((0 * 2 + 1) * 5 + 0) * 3 + 1: 1,
        ((1 * 2 + 1) * 5 + 4) * 3 + 2: 1,
    }
    plans = batch._make_plans(FEB_2024, BOTH_PROGRAMMES, None, False, None)
    heads, jkk, jkm, met = batch._budget_grouped(np, found, checked, plans, 2)
    assert heads == [1, 3] and met == (2, 5)  # risk class 2, and the non-wage earners' class after the five
    assert jkk == [12_000, 2 * 9_790 + 13_000] and jkm == [6_800, 2 * 3_300 + 6_800]
    assert batch._budget_direct(np, groups, checked, plans, 2) == (heads, jkk, jkm, met)


def test_grouped_counts_with_one_scheme_and_class_use_the_basis_grid_only() -> None:
    """All wage earners of one class: bins are group × grid points, from the lowest basis in steps of the grid.

    Private helper (see above); the grouped path is taken when there are fewer bins than officers allow.
    """
    groups = np.array([0, 2, 2, 0, 2], dtype=np.uint8)
    bases = np.array([1_500_000, 1_000_000, 1_500_000, 1_500_000, 2_000_000])
    checked = batch._roster(np, bases, None, RiskClass.RENDAH)
    found = batch._grouped_counts(np, groups, checked, 3)
    assert found is not None
    counts, low, unit, width, scheme_count, risk_count = found
    assert (low, unit, width, scheme_count, risk_count) == (1_000_000, 500_000, 3, 1, 1)
    assert counts.tolist() == [0, 2, 0, 0, 0, 0, 1, 1, 1]
    assert batch._grouped_counts(np, groups, checked, 3, max_bins=8) is None
    assert batch._grouped_counts(np, groups, checked, 3, max_bins=9) is not None
    plans = batch._make_plans(FEB_2024, BOTH_PROGRAMMES, None, False, None)
    assert batch._budget_grouped(np, found, checked, plans, 3) == (
        [2, 0, 3],
        [2 * 8_100, 0, 5_400 + 8_100 + 10_800],
        [2 * 4_500, 0, 3_000 + 4_500 + 6_000],
        (1,),
    )


def test_a_few_officers_with_scattered_bases_are_priced_one_by_one() -> None:
    """Bases far apart for the number of officers make too many bins: the budget prices each officer instead."""
    groups = np.array([0, 0, 0], dtype=np.uint8)
    bases = np.array([1_000_000, 1_000_001, 1_000_020])
    checked = batch._roster(np, bases, None, RiskClass.SANGAT_RENDAH)
    assert batch._grouped_counts(np, groups, checked, 1) is None  # 21 grid points for 3 officers: more than 4 each
    assert batch._grouped_counts(np, groups, checked, 1, max_bins=21) is not None
    budget = monthly_budget(groups, bases, month=FEB_2024, labels=("a",))
    assert budget.total.amount == premium(1_000_000) + premium(1_000_001) + premium(1_000_020)


def test_one_officer_budget_equals_the_one_officer_premium() -> None:
    """A budget of a single officer is his premium, whichever path prices it."""
    for wage in (1, 1_100_000, 10**15):
        budget = monthly_budget(np.array([3]), np.array([wage]), month=FEB_2024)
        assert [(row.label, row.headcount) for row in budget.rows] == [(ROLE_LABELS[3], 1)]
        assert budget.total.amount == premium(wage)


def test_an_empty_budget_has_the_receipt_of_the_class_asked() -> None:
    """A budget or premium list of nobody is zero, with the receipt of the risk class asked (default: very low)."""
    none = np.array([], dtype=np.int64)
    for call in (
        lambda **kw: monthly_budget(none, none, month=FEB_2024, **kw),
        lambda **kw: monthly_premiums(none, month=FEB_2024, **kw),
    ):
        names = [value.name for value in call(risk_class=RiskClass.TINGGI).receipt.values]
        assert "pu.jkk_rate.tinggi" in names and "pu.jkk_rate.sangat_rendah" not in names
        names = [value.name for value in call(risk_class=np.array([], dtype=np.int8)).receipt.values]
        assert "pu.jkk_rate.sangat_rendah" in names
        names = [value.name for value in call(schemes=np.array([], dtype=np.int8)).receipt.values]
        assert "pu.jkk_rate.sangat_rendah" in names and "bpu.jkm_amount" not in names
    assert monthly_budget(none, none, month=FEB_2024).rows == ()
    assert monthly_premiums(none, month=FEB_2024).total.tolist() == []


def test_a_roster_of_non_wage_earners_only_has_their_receipt() -> None:
    """Non-wage earners only: the receipt shows their rates (PP 44/2015 Pasal 20), not the wage earners'."""
    result = monthly_premiums(np.array([0, 3_000_000]), month=FEB_2024, schemes=np.array([1, 1]))
    assert result.total.tolist() == [16_800, 36_800]
    names = [value.name for value in result.receipt.values]
    assert "bpu.jkm_amount" in names and "pu.jkm_rate" not in names
    budget = monthly_budget(np.array([0, 0]), np.array([0, 3_000_000]), month=FEB_2024, schemes=np.array([1, 1]))
    assert budget.receipt == result.receipt and budget.total.amount == 53_600


def test_transport_sector_non_wage_earners_get_the_pp_50_2025_discount_from_january_2026() -> None:
    """PP 50/2025 Pasal 7 huruf a halves transport-sector non-wage earners' premiums from January 2026.

    Others get it only from April 2026 (huruf b): in January 2026 they pay the full Rp16.800.
    """
    bases, schemes = np.array([0]), np.array([1])
    january = Month(2026, 1)
    source = BudgetSource.SELF_PAID
    transport = monthly_premiums(bases, month=january, schemes=schemes, transport_sector=True, budget_source=source)
    other = monthly_premiums(bases, month=january, schemes=schemes, budget_source=source)
    assert (transport.total.tolist(), other.total.tolist()) == ([8_400], [16_800])
    budget = monthly_budget(
        np.array([0]), bases, month=january, schemes=schemes, transport_sector=True, budget_source=source
    )
    assert budget.total.amount == 8_400


# --------------------------------------------------------------------------- death exposure


@pytest.mark.parametrize(
    ("on", "jkk", "jkm"),
    [
        # PP 44/2015: 48 × wage + Rp3.000.000 funeral + Rp4.800.000 periodic, no floor; JKM Rp24.000.000
        (dt.date(2019, 12, 1), [12_600_000, 27_799_968, 27_800_016], 24_000_000),
        # PP 82/2019: 48 × wage at least Rp20.000.000, + Rp10.000.000 + Rp12.000.000; JKM Rp42.000.000
        (dt.date(2019, 12, 2), [42_000_000, 42_000_000, 42_000_016], 42_000_000),
    ],
)
def test_death_exposure_on_both_sides_of_pp_82_2019(on: dt.date, jkk: list[int], jkm: int) -> None:
    """Deaths on 1 and 2 December 2019 fall under PP 44/2015 and PP 82/2019; the floor exists from the 2nd only.

    Wages Rp100.000, Rp416.666 (48 × wage just under Rp20.000.000) and Rp416.667 (just over).
    """
    wages = [100_000, 416_666, 416_667]
    exposure = death_exposure(np.array(wages), on=on)
    assert exposure.jkk.tolist() == jkk
    assert exposure.jkk.dtype == np.int64
    assert exposure.jkm == Rupiah(jkm) == jkm_death(on=on).total
    assert exposure.jkk_total == Rupiah(sum(jkk))
    assert exposure.jkm_total == Rupiah(3 * jkm)
    assert exposure.on == on
    assert [int(v) for v in exposure.jkk] == [jkk_death(Rupiah(w), on=on).total.amount for w in wages]
    names = [value.name for value in exposure.receipt.values]
    assert ("jkk.death.floor" in names) == (on >= dt.date(2019, 12, 2))


def test_death_exposure_of_nobody_is_zero() -> None:
    """An empty roster exposes nothing: no officers, Rp0 of JKK and of JKM, and the receipt of the date."""
    exposure = death_exposure(np.array([], dtype=np.int64), on=dt.date(2024, 2, 14))
    assert (exposure.headcount, exposure.jkk.tolist(), exposure.jkk_total, exposure.jkm_total) == (
        0,
        [],
        Rupiah(0),
        Rupiah(0),
    )
    assert exposure.jkm == Rupiah(42_000_000)
    assert exposure.receipt.values


def test_death_exposure_of_the_largest_wages_is_exact() -> None:
    """A wage of Rp20 trillion gives 48 × wage + Rp22.000.000 to the rupiah, close to the largest amount (Rp10^15)."""
    on = dt.date(2024, 2, 14)
    one = 48 * 20 * 10**12 + 22_000_000
    exposure = death_exposure(np.array([20 * 10**12, 1]), on=on)
    assert exposure.jkk.tolist() == [one, 42_000_000]
    assert exposure.jkk_total == Rupiah(one + 42_000_000)
    assert death_exposure(np.array([20 * 10**12 - 1]), on=on).jkk.tolist() == [one - 48]


def test_death_exposure_of_a_large_roster_sums_exactly() -> None:
    """Three thousand officers at Rp1.100.000: 48 × wage + Rp22.000.000 each, Rp42.000.000 JKM each."""
    exposure = death_exposure(np.full(3_000, 1_100_000), on=dt.date(2024, 2, 14))
    assert exposure.jkk_total == Rupiah(3_000 * 74_800_000)
    assert exposure.jkm_total == Rupiah(3_000 * 42_000_000)
    assert exposure.headcount == 3_000


def test_death_exposure_applies_a_reformed_multiplier_and_floor() -> None:
    """A what-if multiplier of 60 and floor of Rp50.000.000 reach every officer's JKK death benefit."""
    on = dt.date(2024, 2, 14)
    reform = Reform("JKK 60", {"jkk.death.wage_multiplier": 60, "jkk.death.floor": 50_000_000})
    rules = rules_on(on, reform=reform)
    exposure = death_exposure(np.array([100_000, 1_000_000]), on=on, rules=rules)
    assert exposure.jkk.tolist() == [72_000_000, 82_000_000]
    assert exposure.receipt.reforms == ("JKK 60",)


def test_a_roster_longer_than_one_chunk_is_priced_chunk_by_chunk_exactly(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rosters are priced in chunks to bound memory; the budget is the same as if priced in one piece.

    The chunk length is a private constant (131.072 officers); it is made 4 here so a small mixed roster spans
    several chunks, with wage earners of several risk classes and non-wage earners in every chunk.
    """
    size = 11
    groups = np.arange(size) % 3
    bases = 1_000_000 + 7 * np.arange(size)  # off any small grid: priced officer by officer
    schemes = np.array([0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0])
    risks = np.arange(size) % 5
    whole = monthly_budget(groups, bases, month=FEB_2024, labels=("a", "b", "c"), schemes=schemes, risk_class=risks)
    each = monthly_premiums(bases, month=FEB_2024, schemes=schemes, risk_class=risks)
    single = monthly_budget(groups, bases, month=FEB_2024, labels=("a", "b", "c"), risk_class=RiskClass.SEDANG)
    monkeypatch.setattr(batch, "_CHUNK", 4)
    chunked = monthly_budget(groups, bases, month=FEB_2024, labels=("a", "b", "c"), schemes=schemes, risk_class=risks)
    assert chunked.rows == whole.rows
    assert chunked.receipt == whole.receipt
    assert chunked.total.amount == int(each.total.sum())
    mixed_one_class = monthly_budget(groups, bases, month=FEB_2024, labels=("a", "b", "c"), schemes=schemes)
    assert mixed_one_class.total.amount == int(monthly_premiums(bases, month=FEB_2024, schemes=schemes).total.sum())
    one_class = monthly_budget(groups, bases, month=FEB_2024, labels=("a", "b", "c"), risk_class=RiskClass.SEDANG)
    assert one_class.rows == single.rows
    bases[9] = 0  # a wage earner without a wage in the third chunk
    with pytest.raises(CalculationError, match="got 0 rupiah at index 9$"):
        monthly_budget(groups, bases, month=FEB_2024, labels=("a", "b", "c"), schemes=schemes)


# --------------------------------------------------------------------------- the grouped path (private helper)
# Whether a budget counts officers per grid point (the grouped path) or prices them one by one is a memory and
# speed choice with no public door: both give the same rupiah. These tests state the documented limits of
# ``_grouped_counts`` (its docstring) directly, and that budgets near each limit stay exact.


def _one_class(bases: list[int]) -> batch._Roster:
    return batch._roster(np, np.array(bases, dtype=np.int64), None, RiskClass.SANGAT_RENDAH)


def test_the_grid_is_the_common_step_from_the_lowest_basis() -> None:
    """Bases of Rp1.000.000 and Rp1.300.000 lie on a grid of Rp300.000 from the lowest: two grid points."""
    found = batch._grouped_counts(np, np.zeros(2, dtype=np.uint8), _one_class([1_300_000, 1_000_000]), 1)
    assert found is not None
    counts, low, unit, width, _, _ = found
    assert (low, unit, width, counts.tolist()) == (1_000_000, 300_000, 2, [1, 1])


def test_grouping_covers_spreads_below_2_to_the_30_rupiah() -> None:
    """Bases spread over less than 2**30 rupiah are grouped; a spread of 2**30 or more is priced one by one."""
    groups = np.zeros(2, dtype=np.uint8)
    assert batch._grouped_counts(np, groups, _one_class([5, 5 + 2**30 - 1]), 1) is not None
    assert batch._grouped_counts(np, groups, _one_class([5, 5 + 2**30]), 1) is None
    budget = monthly_budget(groups, np.array([1, 2**31 + 1]), month=FEB_2024, labels=("a",))
    assert budget.total.amount == premium(1) + premium(2**31 + 1)


def test_grouping_pays_up_to_four_bins_per_officer() -> None:
    """Three officers may be counted in at most twelve bins (four each) by default; thirteen are too many."""
    groups = np.zeros(3, dtype=np.uint8)
    assert batch._grouped_counts(np, groups, _one_class([1_000_000, 1_000_001, 1_000_011]), 1) is not None
    assert batch._grouped_counts(np, groups, _one_class([1_000_000, 1_000_001, 1_000_012]), 1) is None


def test_a_grid_of_two_rupiah_is_counted_in_steps_of_two() -> None:
    """Bases two rupiah apart are counted on a grid of Rp2, and priced exactly."""
    bases = [1_000_000, 1_000_002, 1_000_004, 1_000_004]
    found = batch._grouped_counts(np, np.zeros(4, dtype=np.uint8), _one_class(bases), 1)
    assert found is not None and found[2] == 2 and found[0].tolist() == [1, 1, 2]
    budget = monthly_budget(np.zeros(4, dtype=np.uint8), np.array(bases), month=FEB_2024, labels=("a",))
    assert budget.total.amount == sum(premium(b) for b in bases)


def test_grouped_counting_spans_several_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Officers are counted chunk by chunk (private chunk length, made 4 here); every chunk adds to the counts."""
    monkeypatch.setattr(batch, "_GROUP_CHUNK", 4)
    groups = np.array([0, 1, 1, 0, 1, 1, 0, 0, 1, 1, 1], dtype=np.uint8)
    bases = [1_100_000, 1_200_000, 1_100_000, 1_300_000] * 2 + [1_100_000, 1_200_000, 1_300_000]
    schemes = np.array([0, 1] * 5 + [0])
    checked = batch._roster(np, np.array(bases), schemes, RiskClass.SANGAT_RENDAH)
    found = batch._grouped_counts(np, groups, checked, 2)
    assert found is not None
    assert int(found[0].sum()) == 11
    budget = monthly_budget(groups, np.array(bases), month=FEB_2024, labels=("a", "b"), schemes=schemes)
    each = monthly_premiums(np.array(bases), month=FEB_2024, schemes=schemes)
    assert budget.row("a").total.amount == int(each.total[groups == 0].sum())
    assert budget.row("b").total.amount == int(each.total[groups == 1].sum())


def test_many_groups_of_mixed_schemes_and_classes_land_in_their_own_rows() -> None:
    """Thirty groups × two schemes × five risk classes (300 combinations) keep every officer in his own group.

    Two hundred officers on a two-point grid are counted per grid point (600 bins for 200 officers).
    """
    labels = tuple(f"tps {i:02d}" for i in range(30))
    size = 200
    groups = np.zeros(size, dtype=np.uint8)
    bases = np.full(size, 1_000_000)
    schemes = np.zeros(size, dtype=np.uint8)
    risks = np.zeros(size, dtype=np.uint8)
    groups[:3], bases[:3], schemes[:3], risks[:3] = (
        [29, 29, 28],
        [1_000_000, 2_000_000, 1_000_000],
        [1, 0, 0],
        [4, 4, 3],
    )
    checked = batch._roster(np, bases, schemes, risks)
    assert batch._grouped_counts(np, groups, checked, len(labels)) is not None
    budget = monthly_budget(groups, bases, month=FEB_2024, labels=labels, schemes=schemes, risk_class=risks)
    assert [(row.label, row.headcount, row.jkk.amount, row.jkm.amount) for row in budget.rows] == [
        ("tps 00", 197, 197 * 2_400, 197 * 3_000),
        ("tps 28", 1, 12_700, 3_000),
        ("tps 29", 2, 10_000 + 34_800, 6_800 + 6_000),
    ]


def test_more_than_65_536_group_combinations_are_counted_apart() -> None:
    """Seven thousand groups × two schemes × five classes (70.000 bins) are counted without mixing groups up."""
    groups = np.array([6_999, 0], dtype=np.uint16)
    checked = batch._roster(np, np.array([1_000_000, 1_000_000]), np.array([1, 0]), np.array([4, 0]))
    found = batch._grouped_counts(np, groups, checked, 7_000, max_bins=2**20)
    assert found is not None
    assert np.flatnonzero(found[0]).tolist() == [0, (6_999 * 2 + 1) * 5 + 4]


def test_a_wage_earner_without_a_wage_is_refused_on_the_grouped_path() -> None:
    """Counting per grid point still refuses a wage earner of Rp0 among non-wage earners (who may declare Rp0).

    Forty officers in two groups with risk classes fit the grouped path; the first officer is a wage earner of
    risk class *sedang* with no wage.
    """
    size = 40
    groups = np.arange(size) % 2
    groups[0] = 1
    bases = np.full(size, 1_000_000)
    bases[0] = 0
    schemes = np.ones(size, dtype=np.uint8)
    schemes[0] = 0
    risks = np.zeros(size, dtype=np.uint8)
    risks[0] = 2
    checked = batch._roster(np, bases, schemes, risks)
    # 2 groups × 2 schemes × 5 classes × 2 grid points = 40 bins for 40 officers: the grouped path
    with pytest.raises(
        CalculationError, match="^bases: a wage earner's wage must be positive, got 0 rupiah at index 0$"
    ):
        batch._grouped_counts(np, groups, checked, 2)
    with pytest.raises(CalculationError, match="at index 0$"):
        monthly_budget(groups, bases, month=FEB_2024, labels=("a", "b"), schemes=schemes, risk_class=risks)
    bases[0] = 1_000_000  # with a wage, the same roster is counted per grid point
    assert batch._grouped_counts(np, groups, batch._roster(np, bases, schemes, risks), 2) is not None


def test_non_wage_earners_only_are_priced_as_non_wage_earners_on_the_grouped_path() -> None:
    """A roster of non-wage earners counted per grid point pays 1 % of at least Rp1.000.000 and Rp6.800 each."""
    bases = np.array([0, 0, 3_000_000, 3_000_000])
    budget = monthly_budget(
        np.zeros(4, dtype=np.uint8), bases, month=FEB_2024, labels=("a",), schemes=np.ones(4, dtype=np.uint8)
    )
    assert (budget.jkk.amount, budget.jkm.amount) == (2 * 10_000 + 2 * 30_000, 4 * 6_800)


def test_a_budget_is_not_transport_sector_unless_said() -> None:
    """In January 2026 only transport-sector non-wage earners get the PP 50/2025 discount (Pasal 7 huruf a).

    A budget that does not say its non-wage earners work in transport charges them the full Rp16.800.
    """
    budget = monthly_budget(
        np.array([0]), np.array([0]), month=Month(2026, 1), schemes=np.array([1]), budget_source=BudgetSource.SELF_PAID
    )
    assert budget.total.amount == 16_800


def test_the_largest_bases_are_priced_exactly_on_the_grouped_path() -> None:
    """JKK 1,74 % (risk class *sangat tinggi*) of Rp421.316.882.417.500 is exact to the rupiah, not a float's guess."""
    basis = 421_316_882_417_500
    budget = monthly_budget(
        np.array([0, 0]), np.array([basis, basis]), month=FEB_2024, labels=("a",), risk_class=RiskClass.SANGAT_TINGGI
    )
    one = monthly_premium(Rupiah(basis), WageEarner(RiskClass.SANGAT_TINGGI), month=FEB_2024)
    assert budget.jkk.amount == 2 * one.amount_for(Programme.JKK).amount == 2 * ((2 * basis * 87 + 5_000) // 10_000)


def test_the_last_role_of_a_mixed_roster_keeps_its_own_row_on_the_grouped_path() -> None:
    """Sixteen roles × two schemes × five risk classes: a PTPS non-wage earner is counted under PTPS, not elsewhere.

    A hundred officers on a two-point grid are counted per grid point (320 bins for 100 officers).
    """
    size = 100
    groups = np.zeros(size, dtype=np.uint8)
    bases = np.full(size, 1_100_000)
    schemes = np.zeros(size, dtype=np.uint8)
    risks = np.zeros(size, dtype=np.uint8)
    groups[-1], bases[-1], schemes[-1], risks[-1] = len(ROLE_LABELS) - 1, 1_200_000, 1, 4
    checked = batch._roster(np, bases, schemes, risks)
    assert batch._grouped_counts(np, groups, checked, len(ROLE_LABELS)) is not None
    budget = monthly_budget(groups, bases, month=FEB_2024, schemes=schemes, risk_class=risks)
    assert [(row.label, row.headcount, row.jkk.amount, row.jkm.amount) for row in budget.rows] == [
        ("ppk", 99, 99 * 2_640, 99 * 3_300),
        ("ptps", 1, 12_000, 6_800),
    ]


def test_without_a_floor_a_zero_multiplier_leaves_only_funeral_and_periodic_benefit() -> None:
    """Before PP 82/2019 there is no floor: a what-if multiplier of 0 leaves Rp3.000.000 + Rp4.800.000 per officer."""
    on = dt.date(2019, 12, 1)
    rules = rules_on(on, reform=Reform("no multiple", {"jkk.death.wage_multiplier": 0}))
    exposure = death_exposure(np.array([1, 1_100_000]), on=on, rules=rules)
    assert exposure.jkk.tolist() == [7_800_000, 7_800_000]
    assert [int(v) for v in exposure.jkk] == [
        jkk_death(Rupiah(w), on=on, rules=rules).total.amount for w in (1, 1_100_000)
    ]
