"""Premium rules on both sides of every boundary: due days, months of delay, relief windows and who gets PP 50/2025.

Each test states the legal rule it checks (PP 44/2015 Pasal 21, 22 and 24; PP 49/2020; PP 50/2025
Pasal 3) and checks it on the last day or month before a boundary and on the first one after, so a
changed comparison, an off-by-one in the month count or a swapped branch fails a test.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st

from jamsos_pemilu import (
    BudgetSource,
    Month,
    NonWageEarner,
    Officer,
    Period,
    Programme,
    Reform,
    Rupiah,
    WageEarner,
    rules_on,
)
from jamsos_pemilu.exceptions import JamsosError
from jamsos_pemilu.premiums import due_date, late_fine, month_plan, monthly_premium, officer_premium

PREMIUM = Rupiah(10_000)
"""A premium whose 2 % (Rp200) and 0,5 % (Rp50) are whole rupiah, so no rounding hides a month."""
JANUARY_2024 = Month(2024, 1)
DUE_JANUARY_2024 = dt.date(2024, 2, 15)
"""January 2024's premium of a wage earner: the 15th of February, a Thursday and a working day."""


# --------------------------------------------------------------------------- due dates


def test_a_wage_earners_premium_is_due_on_the_15th_of_the_following_month() -> None:
    """PP 44/2015 Pasal 21(2): January's premium is due on 15 February, December's on 15 January of the next year."""
    assert due_date(WageEarner(), month=JANUARY_2024) == DUE_JANUARY_2024
    assert due_date(WageEarner(), month=Month(2024, 12)) == dt.date(2025, 1, 15)


def test_a_non_wage_earners_premium_is_due_on_the_15th_of_the_same_month() -> None:
    """Pasal 24(3): a non-wage earner pays February's premium by 15 February, not in March."""
    assert due_date(NonWageEarner(), month=Month(2024, 2)) == dt.date(2024, 2, 15)


def test_a_due_date_on_a_weekend_or_holiday_moves_to_the_next_working_day() -> None:
    """Pasal 21(3): Saturday 15 March 2025 moves to Monday the 17th; Sunday 15 September 2024 past Maulid Nabi (the 16th) to the 17th."""
    pytest.importorskip("holidays")
    assert due_date(WageEarner(), month=Month(2025, 2)) == dt.date(2025, 3, 17)
    assert due_date(WageEarner(), month=Month(2024, 8)) == dt.date(2024, 9, 17)


def test_pp49_2020_moves_the_due_day_to_the_30th_for_its_months_only() -> None:
    """PP 49/2020: contribution months August 2020 - January 2021 are due on the 30th; July 2020 and February 2021 on the 15th."""
    assert due_date(WageEarner(), month=Month(2020, 6)) == dt.date(2020, 7, 15)  # before: the 15th (a Wednesday)
    assert due_date(WageEarner(), month=Month(2020, 8)) == dt.date(2020, 9, 30)  # first relief month (a Wednesday)
    assert due_date(WageEarner(), month=Month(2021, 2)) == dt.date(2021, 3, 15)  # after: the 15th (a Monday)


def test_pp49_2020_due_day_in_february_is_the_last_working_day_before_it() -> None:
    """January 2021 is due on 30 February, which does not exist: the last day, Sunday 28 February, moves back to Friday the 26th."""
    pytest.importorskip("holidays")
    assert due_date(WageEarner(), month=Month(2021, 1)) == dt.date(2021, 2, 26)


# --------------------------------------------------------------------------- months of delay (Pasal 22)


def test_paying_on_the_due_day_is_not_late() -> None:
    """A premium paid on its due date (or before) carries no fine: 0 months late, Rp0."""
    for paid_on in (DUE_JANUARY_2024 - dt.timedelta(days=10), DUE_JANUARY_2024):
        fine = late_fine(PREMIUM, month=JANUARY_2024, paid_on=paid_on)
        assert (fine.months_late, fine.total) == (0, Rupiah(0))


def test_the_day_after_the_due_day_starts_the_first_month_of_delay() -> None:
    """Paid one day after the due date: one month late, 2 % of the premium."""
    fine = late_fine(PREMIUM, month=JANUARY_2024, paid_on=DUE_JANUARY_2024 + dt.timedelta(days=1))
    assert (fine.months_late, fine.total) == (1, Rupiah(200))


def test_a_month_of_delay_ends_on_the_same_day_of_the_next_month() -> None:
    """Paid exactly one month after the due date: still one month late; a day later, two started months."""
    one_month = DUE_JANUARY_2024 + relativedelta(months=1)
    assert late_fine(PREMIUM, month=JANUARY_2024, paid_on=one_month).months_late == 1
    later = late_fine(PREMIUM, month=JANUARY_2024, paid_on=one_month + dt.timedelta(days=1))
    assert (later.months_late, later.total) == (2, Rupiah(400))


def test_a_fine_over_a_year_counts_every_started_month() -> None:
    """Paid a year late: 12 months (24 %); a year and a day late: 13 started months (26 %)."""
    a_year = DUE_JANUARY_2024 + relativedelta(years=1)
    assert late_fine(PREMIUM, month=JANUARY_2024, paid_on=a_year).total == Rupiah(2_400)
    fine = late_fine(PREMIUM, month=JANUARY_2024, paid_on=a_year + dt.timedelta(days=1))
    assert (fine.months_late, fine.total) == (13, Rupiah(2_600))


@settings(max_examples=40, derandomize=True, database=None)
@given(days=st.integers(1, 2_000), hundreds=st.integers(1, 10_000))
def test_the_fine_is_two_percent_of_the_premium_per_started_month(days: int, hundreds: int) -> None:
    """For any delay and any premium in whole hundreds of rupiah, the fine is 2 % × premium × started months."""
    premium = Rupiah(hundreds * 100)
    paid_on = DUE_JANUARY_2024 + dt.timedelta(days=days)
    fine = late_fine(premium, month=JANUARY_2024, paid_on=paid_on)
    delay = relativedelta(paid_on, DUE_JANUARY_2024)
    started = delay.years * 12 + delay.months + (1 if delay.days else 0)
    assert fine.months_late == started
    assert fine.total == Rupiah(hundreds * 2 * started)


@pytest.mark.parametrize(
    ("month", "fine"),
    [
        (Month(2020, 7), Rupiah(200)),  # the month before PP 49/2020: 2 %
        (Month(2020, 8), Rupiah(50)),  # its first month: 0,5 %
        (Month(2021, 1), Rupiah(50)),  # its last month: 0,5 %
        (Month(2021, 2), Rupiah(200)),  # the month after: 2 % again
    ],
)
def test_pp49_2020_lowers_the_fine_for_its_contribution_months_only(month: Month, fine: Rupiah) -> None:
    """PP 49/2020: a month's delay costs 0,5 % for contribution months August 2020 - January 2021, 2 % before and after."""
    paid_on = due_date(WageEarner(), month=month) + dt.timedelta(days=1)
    assert late_fine(PREMIUM, month=month, paid_on=paid_on).total == fine


def test_a_non_wage_earners_delay_counts_from_the_same_months_due_date() -> None:
    """A non-wage earner paying February's premium on 16 February is one month late; a wage earner is not late at all."""
    february = Month(2024, 2)
    paid_on = dt.date(2024, 2, 16)
    assert late_fine(PREMIUM, NonWageEarner(), month=february, paid_on=paid_on).months_late == 1
    assert late_fine(PREMIUM, WageEarner(), month=february, paid_on=paid_on).months_late == 0


# --------------------------------------------------------------------------- PP 50/2025


def _self_paid(month: Month, *, transport: bool) -> Rupiah:
    scheme = NonWageEarner(declared_income=Rupiah(1_000_000), transport_sector=transport)
    return monthly_premium(None, scheme, month=month, budget_source=BudgetSource.SELF_PAID).total


@pytest.mark.parametrize(
    ("before", "first", "last", "after", "transport"),
    [
        (Month(2026, 3), Month(2026, 4), Month(2026, 12), Month(2027, 1), False),
        (Month(2025, 12), Month(2026, 1), Month(2027, 3), Month(2027, 4), True),
    ],
)
def test_pp50_2025_halves_a_self_paid_non_wage_earners_premium_in_its_months(
    before: Month, first: Month, last: Month, after: Month, transport: bool
) -> None:
    """PP 50/2025 Pasal 3: 50 % off for non-wage earners, January 2026 - March 2027 in transport, April - December 2026 otherwise."""
    full = _self_paid(before, transport=transport)
    assert _self_paid(first, transport=transport) * 2 == full
    assert _self_paid(last, transport=transport) * 2 == full
    assert _self_paid(after, transport=transport) == full


def test_pp50_2025_does_not_cover_premiums_paid_from_the_state_or_regional_budget() -> None:
    """Pasal 3(5): a non-wage earner whose premium an APBN or APBD budget pays gets no discount, and the premium says why."""
    scheme = NonWageEarner(declared_income=Rupiah(1_000_000))
    month = Month(2026, 5)
    self_paid = monthly_premium(None, scheme, month=month, budget_source=BudgetSource.SELF_PAID)
    for source in (BudgetSource.APBN, BudgetSource.APBD):
        public = monthly_premium(None, scheme, month=month, budget_source=source)
        assert public.total == self_paid.total * 2
        assert public.notes


def test_pp50_2025_needs_to_know_who_pays() -> None:
    """With no budget source the discount is not applied (the library leans to the full premium) and a note says so."""
    scheme = NonWageEarner(declared_income=Rupiah(1_000_000))
    unknown = monthly_premium(None, scheme, month=Month(2026, 5))
    assert unknown.total == _self_paid(Month(2026, 5), transport=False) * 2
    assert unknown.notes


def test_pp50_2025_does_not_discount_wage_earners() -> None:
    """PP 50/2025 is for non-wage earners: a self-paid wage earner's premium in May 2026 equals April 2026's and March's."""
    totals = {
        monthly_premium(Rupiah(2_500_000), WageEarner(), month=Month(2026, m), budget_source=BudgetSource.SELF_PAID).total
        for m in (3, 4, 5)
    }
    assert len(totals) == 1


# --------------------------------------------------------------------------- one officer's premium


def _officer() -> Officer:
    """A KPPS anggota on duty from April to June 2026 (inside PP 50/2025's months for other sectors)."""
    term = Period(dt.date(2026, 4, 1), dt.date(2026, 6, 30))
    return Officer(nik="3302114506990003", name="Sri", role="KPPS", position="anggota", election="pemilu_2024", appointment=term)


def test_an_officers_premium_passes_who_pays_to_the_pp50_2025_rule() -> None:
    """A self-paid non-wage-earner officer gets PP 50/2025's half in May 2026; the same officer paid by an APBD does not."""
    scheme = NonWageEarner(declared_income=Rupiah(1_000_000))
    self_paid = officer_premium(_officer(), scheme, month=Month(2026, 5), budget_source=BudgetSource.SELF_PAID)
    public = officer_premium(_officer(), scheme, month=Month(2026, 5), budget_source=BudgetSource.APBD)
    assert (self_paid.total, public.total) == (Rupiah(8_400), Rupiah(16_800))


def test_an_officers_premium_covers_only_the_programmes_asked_for() -> None:
    """JKM alone for a wage of Rp2.500.000 is 0,3 % (Rp7.500), not the Rp13.500 of JKK and JKM together."""
    both = officer_premium(_officer(), month=Month(2026, 5), wage=Rupiah(2_500_000))
    jkm = officer_premium(_officer(), month=Month(2026, 5), wage=Rupiah(2_500_000), programmes={Programme.JKM})
    assert (both.total, jkm.total) == (Rupiah(13_500), Rupiah(7_500))


def test_an_officers_premium_applies_the_reform_it_is_given() -> None:
    """A what-if JKM rate of 1 % in the snapshot passed as ``rules`` prices the month with it (Rp6.000 + Rp25.000)."""
    reform = Reform.from_dict({"label": "JKM 1 %", "overrides": {"pu.jkm_rate": "0.01"}})
    rules = rules_on(dt.date(2026, 5, 1), reform=reform)
    assert officer_premium(_officer(), month=Month(2026, 5), wage=Rupiah(2_500_000), rules=rules).total == Rupiah(31_000)


def test_an_officers_wage_of_nothing_is_refused_naming_the_wage() -> None:
    """A wage of Rp0 is not a wage: the error names ``wage``."""
    with pytest.raises(JamsosError, match=r"\bwage\b"):
        officer_premium(_officer(), month=Month(2026, 5), wage=Rupiah(0))


def test_a_premium_reads_its_scheme_lines_and_due_date() -> None:
    """The rendered premium names the scheme, each programme's line with its formula and article, and the due date."""
    text = monthly_premium(Rupiah(2_500_000), month=JANUARY_2024).render("en")
    assert text.startswith("Premium for 2024-01 (wage earner (PU), very low risk class)")
    assert "0.24% × IDR 2,500,000" in text and "[PP 44/2015 Pasal 18 ayat (1)]" in text
    assert "(due February 15, 2024)" in text


def test_a_month_plan_as_data_states_rates_flat_amounts_relief_and_lowest_basis() -> None:
    """A self-paid non-wage earner's plan for May 2026: JKK at 1 % of the basis, JKM flat Rp6.800, PP 50/2025's half, basis at least Rp1.000.000."""
    data: dict[str, Any] = month_plan(NonWageEarner(), month=Month(2026, 5), budget_source=BudgetSource.SELF_PAID).to_dict()
    jkk, jkm = data["parts"]
    assert (jkk["rate"], jkk["flat"], jkm["rate"], jkm["flat"]) == ("0.01", None, None, 6_800)
    assert data["relief"] == {"name": "relief.pp50_2025.discount.other", "rate": "0.5"}
    assert (data["lowest_basis"], data["budget_source"]) == (1_000_000, "self_paid")
