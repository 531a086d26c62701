"""Benefit rules on both sides of every boundary: STMB tiers, the JKK death floor, home care, scholarships, claim windows.

Each test states the legal rule (PP 44/2015 as amended by PP 82/2019, Permenaker 5/2021) and checks
it just before and just after the boundary the rule draws, so a changed comparison or an
off-by-one in a tier, a month limit or a child count fails a test.
"""

from __future__ import annotations

import datetime as dt

import pytest

from jamsos_pemilu import Rupiah
from jamsos_pemilu.benefits import Child, EducationLevel, jkk_death, jkk_home_care, jkk_temporary_incapacity, jkm_death
from jamsos_pemilu.claims import jkk_claim_deadline
from jamsos_pemilu.exceptions import JamsosError

WAGE = Rupiah(1_000_000)
VOTING_DAY = dt.date(2024, 2, 14)
PP82_IN_FORCE = dt.date(2019, 12, 2)
DAY_BEFORE_PP82 = dt.date(2019, 12, 1)


# --------------------------------------------------------------------------- STMB tiers


@pytest.mark.parametrize(
    ("months", "total"),
    [(1, 1_000_000), (11, 11_000_000), (12, 12_000_000), (13, 12_500_000), (14, 13_000_000)],
)
def test_stmb_pays_the_full_wage_for_12_months_then_half(months: int, total: int) -> None:
    """Since PP 82/2019: 100 % of the wage for the first 12 months of incapacity, 50 % for each month after."""
    assert jkk_temporary_incapacity(WAGE, months, on=VOTING_DAY).total == Rupiah(total)


@pytest.mark.parametrize(
    ("months", "total"),
    [(6, 6_000_000), (7, 6_750_000), (12, 10_500_000), (13, 11_000_000)],
)
def test_stmb_before_pp82_2019_steps_down_every_six_months(months: int, total: int) -> None:
    """Before 2 December 2019 (PP 44/2015): 100 % for 6 months, 75 % for the next 6, then 50 %."""
    assert jkk_temporary_incapacity(WAGE, months, on=DAY_BEFORE_PP82).total == Rupiah(total)


def test_stmb_follows_the_schedule_of_the_accident_date() -> None:
    """Thirteen months of incapacity cost Rp11.000.000 for an accident on 1 December 2019 and Rp12.500.000 on the 2nd."""
    assert jkk_temporary_incapacity(WAGE, 13, on=DAY_BEFORE_PP82).total == Rupiah(11_000_000)
    assert jkk_temporary_incapacity(WAGE, 13, on=PP82_IN_FORCE).total == Rupiah(12_500_000)


def test_stmb_for_no_month_is_nothing_and_negative_months_are_refused() -> None:
    """No month of incapacity pays Rp0; a negative number of months is refused with a library error."""
    assert jkk_temporary_incapacity(WAGE, 0, on=VOTING_DAY).total == Rupiah(0)
    with pytest.raises(JamsosError):
        jkk_temporary_incapacity(WAGE, -1, on=VOTING_DAY)


# --------------------------------------------------------------------------- JKK death


def test_jkk_death_is_48_wages_but_never_below_the_floor() -> None:
    """PP 82/2019: 48 × the monthly wage, at least Rp20.000.000: Rp416.666 gives the floor, Rp416.667 gives 48 wages."""
    below = jkk_death(Rupiah(416_666), on=VOTING_DAY).amount("jkk.death")
    above = jkk_death(Rupiah(416_667), on=VOTING_DAY).amount("jkk.death")
    assert below == Rupiah(20_000_000)  # 48 × 416.666 = 19.999.968 is below the floor
    assert above == Rupiah(20_000_016)  # 48 × 416.667 is above it


# --------------------------------------------------------------------------- home care


def test_home_care_is_capped_at_the_cost_limit() -> None:
    """PP 82/2019 Lampiran III: home care is paid up to Rp20.000.000; a cost under the cap is paid in full."""
    assert jkk_home_care(Rupiah(20_000_000), 6, on=VOTING_DAY).total == Rupiah(20_000_000)
    assert jkk_home_care(Rupiah(20_000_001), 6, on=VOTING_DAY).total == Rupiah(20_000_000)
    assert jkk_home_care(Rupiah(19_999_999), 6, on=VOTING_DAY).total == Rupiah(19_999_999)


def test_home_care_beyond_twelve_months_is_not_covered() -> None:
    """Home care lasts at most 12 months: 12 months raise no note, 13 months say the rest is not covered."""
    assert not jkk_home_care(Rupiah(10_000_000), 12, on=VOTING_DAY).notes
    assert jkk_home_care(Rupiah(10_000_000), 13, on=VOTING_DAY).notes


def test_home_care_exists_from_pp82_2019() -> None:
    """Home care is a benefit of PP 82/2019: an accident on 2 December 2019 has it; one a day earlier gets a library error."""
    assert jkk_home_care(Rupiah(1_000_000), 1, on=PP82_IN_FORCE).total == Rupiah(1_000_000)
    with pytest.raises(JamsosError):
        jkk_home_care(Rupiah(1_000_000), 1, on=DAY_BEFORE_PP82)


# --------------------------------------------------------------------------- scholarships


def _children(*levels: str) -> list[Child]:
    return [Child(EducationLevel.parse(level)) for level in levels]


def test_the_jkm_scholarship_needs_three_years_of_membership() -> None:
    """PP 82/2019 Pasal 34(1)(d): membership from exactly 3 years before the death qualifies; a day less does not."""
    three_years = jkm_death(on=VOTING_DAY, children=_children("sd"), membership_start=dt.date(2021, 2, 14))
    a_day_short = jkm_death(on=VOTING_DAY, children=_children("sd"), membership_start=dt.date(2021, 2, 15))
    assert any(line.key.startswith("scholarship.") for line in three_years.lines)
    assert not any(line.key.startswith("scholarship.") for line in a_day_short.lines)


def test_the_scholarship_goes_to_at_most_two_children() -> None:
    """Pasal 34(3): at most two children receive the scholarship; a third child adds nothing."""
    start = dt.date(2020, 1, 1)
    two = jkm_death(on=VOTING_DAY, children=_children("sd", "smp"), membership_start=start)
    three = jkm_death(on=VOTING_DAY, children=_children("sd", "smp", "sma"), membership_start=start)
    one = jkm_death(on=VOTING_DAY, children=_children("sd"), membership_start=start)
    scholarships = [line.key for line in two.lines if line.key.startswith("scholarship.")]
    assert len(scholarships) == 2
    assert three.total == two.total
    assert one.total < two.total


# --------------------------------------------------------------------------- claim window


def test_the_jkk_claim_window_grows_from_two_to_five_years_with_pp82_2019() -> None:
    """Pasal 26: 2 years for an accident on 1 December 2019, 5 years for one on 2 December 2019 (last day included)."""
    assert jkk_claim_deadline(on=DAY_BEFORE_PP82).deadline == dt.date(2021, 11, 30)
    assert jkk_claim_deadline(on=PP82_IN_FORCE).deadline == dt.date(2024, 12, 1)


def test_a_claim_filed_on_the_last_day_is_in_time_and_the_next_day_is_late() -> None:
    """Pasal 26: a claim for an accident on voting day 2024 may be filed until 13 February 2029 inclusive."""
    deadline = jkk_claim_deadline(on=VOTING_DAY)
    assert deadline.deadline == dt.date(2029, 2, 13)
    assert deadline.in_time(dt.date(2029, 2, 13))
    assert not deadline.in_time(dt.date(2029, 2, 14))


def test_a_claim_date_that_is_not_a_date_is_refused_naming_the_argument() -> None:
    """Asking whether a claim is in time with text instead of a date raises an error that names ``filed_on``."""
    with pytest.raises(JamsosError, match=r"\bfiled_on\b"):
        jkk_claim_deadline(on=VOTING_DAY).in_time("2029-02-13")  # type: ignore[arg-type]


def test_the_claim_window_read_through_a_trace_names_its_bad_arguments() -> None:
    """The claim window shared by benefits and eligibility refuses a non-date accident or filing day, naming each."""
    from jamsos_pemilu import rules_on
    from jamsos_pemilu.claims import claim_window
    from jamsos_pemilu.explain import RuleTrace

    trace = RuleTrace(rules_on(VOTING_DAY))
    with pytest.raises(JamsosError, match=r"\baccident\b"):
        claim_window(trace, "2024-02-14")  # type: ignore[arg-type]
    window = claim_window(trace, VOTING_DAY)
    assert window.in_time(dt.date(2029, 2, 13)) and not window.in_time(dt.date(2029, 2, 14))
    with pytest.raises(JamsosError, match=r"\bfiled_on\b"):
        window.in_time("2029-02-13")  # type: ignore[arg-type]


def test_the_claim_deadline_as_data_states_the_accident_the_deadline_and_its_rule() -> None:
    """The JSON form of a claim deadline holds the accident date, the last day, the years, the line and the receipt."""
    data = jkk_claim_deadline(on=VOTING_DAY).to_dict()
    assert data["kind"] == "jkk_claim_deadline"
    assert (data["accident"], data["deadline"], data["years"]) == ("2024-02-14", "2029-02-13", 5)
    assert data["lines"] and data["receipt"]


def test_the_claim_deadline_reads_in_both_languages_with_its_citation() -> None:
    """The rendered deadline gives the last day, the formula in each language and the article it rests on."""
    deadline = jkk_claim_deadline(on=VOTING_DAY)
    indonesian, english = deadline.render("id"), deadline.render("en")
    assert "tahun − 1 hari" in indonesian and "13 Februari 2029" in indonesian
    assert "years − 1 day" in english
    assert "[PP 82/2019 Pasal 26]" in english


def test_an_unknown_membership_start_leaves_the_scholarship_open_with_the_minimum_stated() -> None:
    """Without the membership start the scholarship condition is neither met nor failed, and still states 3 years."""
    from jamsos_pemilu import rules_on
    from jamsos_pemilu.claims import scholarship_membership
    from jamsos_pemilu.explain import RuleTrace

    check = scholarship_membership(RuleTrace(rules_on(VOTING_DAY)), None, on=VOTING_DAY)
    assert (check.minimum, check.years, check.met) == (3, None, None)


def test_a_membership_start_that_is_not_a_date_is_refused_naming_the_argument() -> None:
    """A membership start given as text is refused with an error naming ``membership_start``."""
    with pytest.raises(JamsosError, match=r"\bmembership_start\b"):
        jkm_death(on=VOTING_DAY, children=_children("sd"), membership_start="2021-02-14")  # type: ignore[arg-type]


def test_total_disability_pays_a_scholarship_to_at_most_two_children() -> None:
    """PP 82/2019 Pasal 25(3): total permanent disability adds a scholarship per child, for at most two children."""
    from jamsos_pemilu.benefits import jkk_total_disability

    none = jkk_total_disability(WAGE, on=VOTING_DAY)
    one = jkk_total_disability(WAGE, on=VOTING_DAY, children=_children("sd"))
    three = jkk_total_disability(WAGE, on=VOTING_DAY, children=_children("sd", "smp", "sma"))
    assert not any(line.key.startswith("scholarship.") for line in none.lines)
    assert [line.key for line in one.lines if line.key.startswith("scholarship.")] == ["scholarship.child_1"]
    assert [line.key for line in three.lines if line.key.startswith("scholarship.")] == ["scholarship.child_1", "scholarship.child_2"]


def test_total_disability_applies_the_reform_it_is_given() -> None:
    """A what-if multiplier of 60 wages, passed in the snapshot, prices the total-disability line at 60 × the wage."""
    from jamsos_pemilu import Reform, rules_on
    from jamsos_pemilu.benefits import jkk_total_disability

    reform = Reform.from_dict({"label": "60 wages", "overrides": {"jkk.total_disability.wage_multiplier": 60}})
    assessment = jkk_total_disability(WAGE, on=VOTING_DAY, rules=rules_on(VOTING_DAY, reform=reform))
    assert assessment.amount("jkk.total_disability") == Rupiah(60_000_000)
    assert jkk_total_disability(WAGE, on=VOTING_DAY).amount("jkk.total_disability") == Rupiah(56_000_000)


def test_a_float_impairment_share_is_refused_and_told_to_be_a_decimal_fraction() -> None:
    """A doctor's percentage is a share (0 < share <= 1) given as a Decimal; a float is refused with that advice."""
    from jamsos_pemilu.benefits import Impairment
    from jamsos_pemilu.exceptions import FloatMoneyError

    with pytest.raises(FloatMoneyError, match=r'^impairment percent: expected a Decimal fraction \(Decimal\("0\.35"\)\), got float 0\.35'):
        Impairment(percent=0.35)  # type: ignore[arg-type]
