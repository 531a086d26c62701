"""Tests for jamsos_pemilu.benefits: JKK, JKM and santunan under the rules of the event's date."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jamsos_pemilu import (
    CalculationError,
    FloatMoneyError,
    InputError,
    Reform,
    RuleNotInForceError,
    Rupiah,
    default_rule_book,
    rules_on,
)
from jamsos_pemilu.benefits import (
    Child,
    EducationLevel,
    Impairment,
    SantunanEvent,
    TransportMode,
    jkk_death,
    jkk_home_care,
    jkk_medical_care,
    jkk_partial_disability,
    jkk_temporary_incapacity,
    jkk_total_disability,
    jkk_transport,
    jkm_death,
    santunan,
)
from jamsos_pemilu.explain import Result
from jamsos_pemilu.roles import Body

VOTING_DAY = dt.date(2024, 2, 14)
wages = st.integers(min_value=1, max_value=100_000_000).map(Rupiah)
event_days = st.dates(dt.date(2015, 7, 1), dt.date(2030, 12, 31))


def test_seruyan_cilegon_jkm_death_42_juta() -> None:
    """A non-work death on 14 Feb 2024 pays Rp42.000.000 = Rp20.000.000 + Rp12.000.000 + Rp10.000.000."""
    assessment = jkm_death(on=VOTING_DAY)
    assert assessment.total == Rupiah(42_000_000)
    assert assessment.amount("jkm.lump_sum") == Rupiah(20_000_000)
    assert assessment.amount("jkm.periodic_benefit") == Rupiah(12_000_000)
    assert assessment.amount("jkm.funeral") == Rupiah(10_000_000)


def test_bpjs_director_kpps_jkk_death_52_8_juta() -> None:
    """A KPPS anggota on Rp1.100.000 dying from a work accident gets 48 × wage = Rp52.800.000 plus extras."""
    assessment = jkk_death(Rupiah(1_100_000), on=VOTING_DAY)
    assert assessment.amount("jkk.death") == Rupiah(52_800_000)
    assert assessment.lines[0].formula.render("id").startswith("maks(48 × Rp1.100.000")
    assert assessment.amount("jkk.funeral") == Rupiah(10_000_000)
    assert assessment.amount("jkk.periodic_benefit") == Rupiah(12_000_000)
    assert assessment.total == Rupiah(74_800_000)


def test_scholarship_for_two_children_is_at_most_174_juta() -> None:
    """Two children from kindergarten through higher education: at most Rp174.000.000."""
    children = [Child(EducationLevel.TK), Child(EducationLevel.TK), Child(EducationLevel.TK)]
    assessment = jkk_death(Rupiah(1_100_000), on=VOTING_DAY, children=children)
    scholarship = sum(
        (line.amount for line in assessment.lines if line.key.startswith("scholarship") and line.amount is not None),
        Rupiah.zero(),
    )
    assert scholarship == Rupiah(174_000_000)


def test_jkm_cash_day_before_pp_82_2019() -> None:
    """A death on 1 Dec 2019 is paid by the 2015 amounts: Rp24.000.000."""
    assert jkm_death(on=dt.date(2019, 12, 1)).total == Rupiah(24_000_000)


def test_jkm_cash_on_pp_82_2019_day() -> None:
    """A death on 2 Dec 2019 is paid by PP 82/2019: Rp42.000.000."""
    assert jkm_death(on=dt.date(2019, 12, 2)).total == Rupiah(42_000_000)


def test_jkm_scholarship_needs_three_years_of_membership() -> None:
    """From PP 82/2019 the JKM scholarship needs 3 years of contributions."""
    child = [Child(EducationLevel.SMA)]
    short = jkm_death(on=VOTING_DAY, membership_start=dt.date(2021, 2, 15), children=child)
    enough = jkm_death(on=VOTING_DAY, membership_start=dt.date(2021, 2, 14), children=child)
    assert short.total == Rupiah(42_000_000)
    assert enough.total == Rupiah(42_000_000 + 3 * 3_000_000 + 5 * 12_000_000)


def test_jkm_scholarship_with_unknown_membership_is_not_counted() -> None:
    """Without a membership start the JKM scholarship is left out and the assessment says why."""
    assessment = jkm_death(on=VOTING_DAY, children=[Child(EducationLevel.SD)])
    assert assessment.total == Rupiah(42_000_000)
    assert any("unknown" in note.render("en") for note in assessment.notes)


def test_jkm_2015_scholarship_needs_five_years() -> None:
    """Under the 2015 text the JKM scholarship is Rp12.000.000 after 5 years of contributions."""
    child = [Child(EducationLevel.SD)]
    assert jkm_death(on=dt.date(2019, 4, 20), membership_start=dt.date(2014, 4, 20), children=child).total == Rupiah(
        36_000_000
    )
    assert jkm_death(on=dt.date(2019, 4, 20), membership_start=dt.date(2014, 4, 21), children=child).total == Rupiah(
        24_000_000
    )


def test_child_at_the_age_limit_gets_no_scholarship() -> None:
    """A child who is 23 on the date of death gets no scholarship."""
    child = Child(EducationLevel.PT, birth_date=dt.date(2001, 2, 14))
    assessment = jkk_death(Rupiah(1_000_000), on=VOTING_DAY, children=[child])
    assert not any(line.key.startswith("scholarship") for line in assessment.lines)


def test_jkk_death_floor_lifts_a_small_wage() -> None:
    """48 × Rp300.000 = Rp14.400.000 is lifted to the Rp20.000.000 floor."""
    assert jkk_death(Rupiah(300_000), on=VOTING_DAY).amount("jkk.death") == Rupiah(20_000_000)


def test_jkk_death_before_pp_82_2019_has_no_floor() -> None:
    """A 2019 work-accident death uses 48 × wage with no known floor, and the 2015 funeral amount."""
    assessment = jkk_death(Rupiah(300_000), on=dt.date(2019, 4, 20))
    assert assessment.amount("jkk.death") == Rupiah(14_400_000)
    assert assessment.amount("jkk.funeral") == Rupiah(3_000_000)


def test_jkk_2015_scholarship_is_a_lump_sum() -> None:
    """Before PP 82/2019 the JKK scholarship is Rp12.000.000 once per participant."""
    assessment = jkk_death(Rupiah(500_000), on=dt.date(2019, 4, 20), children=[Child(EducationLevel.SD)] * 2)
    assert assessment.amount("scholarship") == Rupiah(12_000_000)


def test_total_disability_is_56_times_wage() -> None:
    """Total permanent disability pays 56 × wage plus the periodic benefit."""
    assessment = jkk_total_disability(Rupiah(1_000_000), on=VOTING_DAY)
    assert assessment.total == Rupiah(56_000_000 + 12_000_000)


def test_partial_disability_with_function_loss() -> None:
    """Half the function of one eye lost: 50% × 35% × 80 × wage."""
    impairment = Impairment(item="one_eye", function_loss=Decimal("0.5"))
    assert jkk_partial_disability(Rupiah(1_000_000), [impairment], on=VOTING_DAY).total == Rupiah(14_000_000)


def test_partial_disability_with_doctor_percentage() -> None:
    """A doctor's 10% gives 10% × 80 × wage."""
    impairment = Impairment(percent=Decimal("0.10"))
    assert jkk_partial_disability(Rupiah(2_000_000), [impairment], on=VOTING_DAY).total == Rupiah(16_000_000)


def test_impairment_needs_item_or_percent() -> None:
    """An impairment with neither a table item nor a percent is rejected."""
    with pytest.raises(InputError, match="either a table item or a percent"):
        Impairment()


def test_unknown_impairment_item_is_rejected() -> None:
    """An item not in the table raises an error naming the parameter."""
    with pytest.raises(LookupError, match="jkk.disability.left_thumb"):
        jkk_partial_disability(Rupiah(1_000_000), [Impairment(item="left_thumb")], on=VOTING_DAY)


def test_stmb_after_pp_82_2019() -> None:
    """Fourteen months unable to work: 12 months at 100% and 2 at 50%."""
    assessment = jkk_temporary_incapacity(Rupiah(1_000_000), 14, on=VOTING_DAY)
    assert [line.amount for line in assessment.lines] == [Rupiah(12_000_000), Rupiah(1_000_000)]


def test_stmb_before_pp_82_2019() -> None:
    """Fourteen months under the 2015 schedule: 6 at 100%, 6 at 75%, 2 at 50%."""
    assessment = jkk_temporary_incapacity(Rupiah(1_000_000), 14, on=dt.date(2019, 12, 1))
    assert assessment.total == Rupiah(6_000_000 + 4_500_000 + 1_000_000)


def test_transport_several_modes_each_capped() -> None:
    """Several modes: each mode is reimbursed up to its own cap."""
    costs = {TransportMode.LAND: Rupiah(7_000_000), TransportMode.SEA: Rupiah(1_000_000)}
    assert jkk_transport(costs, on=VOTING_DAY).total == Rupiah(6_000_000)


def test_transport_caps_on_both_sides_of_pp_82_2019() -> None:
    """A land transport cost of Rp6 jt is capped at Rp1 jt on 1 Dec 2019 (PP 44/2015) and Rp5 jt on 2 Dec 2019."""
    costs = {TransportMode.LAND: Rupiah(6_000_000)}
    assert jkk_transport(costs, on=dt.date(2019, 12, 1)).total == Rupiah(1_000_000)
    assert jkk_transport(costs, on=dt.date(2019, 12, 2)).total == Rupiah(5_000_000)


def test_home_care_beyond_a_year_is_noted() -> None:
    """Home care longer than 12 months says the rest is not covered."""
    assessment = jkk_home_care(Rupiah(1_000_000), 18, on=VOTING_DAY)
    assert assessment.total == Rupiah(1_000_000)
    assert assessment.notes


def test_medical_care_has_no_cap() -> None:
    """Medical care is a line with no amount, described as without a monetary cap."""
    line = jkk_medical_care(on=VOTING_DAY).lines[0]
    assert line.amount is None
    assert "no monetary cap" in line.formula.render("en")


def test_kpu_santunan_for_a_death_in_2024() -> None:
    """KPU pays Rp36.000.000 plus Rp10.000.000 funeral aid for a 2024 death."""
    assert santunan(SantunanEvent.DEATH, on=VOTING_DAY).total == Rupiah(46_000_000)


def test_bawaslu_santunan_for_serious_injury() -> None:
    """Bawaslu pays Rp16.500.000 for a serious injury."""
    assessment = santunan(SantunanEvent.SERIOUS_INJURY, on=VOTING_DAY, body=Body.BAWASLU)
    assert assessment.total == Rupiah(16_500_000)
    assert "Bawaslu" in assessment.title.render("en")


def test_negative_wage_is_rejected() -> None:
    """A negative wage raises CalculationError."""
    with pytest.raises(CalculationError, match="must be positive"):
        jkk_death(Rupiah(-5), on=VOTING_DAY)


def test_date_outside_rule_data_is_rejected() -> None:
    """A death before PP 44/2015 raises RuleNotInForceError naming the parameter and date."""
    with pytest.raises(RuleNotInForceError, match=r"jkm\.lump_sum.*2014-01-01"):
        jkm_death(on=dt.date(2014, 1, 1))


def test_datetime_is_not_a_date() -> None:
    """A datetime passed as the event date is rejected."""
    with pytest.raises(InputError, match="datetime.date"):
        jkm_death(on=dt.datetime(2024, 2, 14, 10, 0))


def test_assessment_json_has_lines_and_receipt() -> None:
    """An assessment serialises its lines, total and receipt."""
    data = jkk_death(Rupiah(1_100_000), on=VOTING_DAY).to_dict()
    assert data["total"] == 74_800_000
    assert data["receipt"]["uses_unconfirmed"] is True  # type: ignore[index]


def test_reform_raising_jkm_lump_sum() -> None:
    """A reform raising the JKM lump sum to Rp30 juta raises the JKM total by Rp10 juta."""
    book = default_rule_book().with_reform(Reform("JKM naik", {"jkm.lump_sum": 30_000_000}))
    assessment = jkm_death(on=VOTING_DAY, rules=book.on(VOTING_DAY))
    assert assessment.total == Rupiah(52_000_000)
    assert assessment.receipt.reforms == ("JKM naik",)


@given(wages, event_days)
@settings(max_examples=50)
def test_jkk_death_never_below_floor_or_multiple(wage: Rupiah, day: dt.date) -> None:
    """The JKK death lump sum is at least 48 × wage, and at least the floor where one exists."""
    assessment = jkk_death(wage, on=day)
    assert assessment.amount("jkk.death") >= wage.times(48)


@given(
    st.dictionaries(st.sampled_from(list(TransportMode)), st.integers(0, 50_000_000).map(Rupiah), min_size=1),
    st.dates(dt.date(2019, 12, 2), dt.date(2030, 12, 31)),
)
@settings(max_examples=50)
def test_no_transport_line_exceeds_its_cap(costs: dict[TransportMode, Rupiah], day: dt.date) -> None:
    """No transport line exceeds its mode's cap, nor the cost claimed."""
    caps = {"land": Rupiah(5_000_000), "sea": Rupiah(2_000_000), "air": Rupiah(10_000_000)}
    for line in jkk_transport(costs, on=day).lines:
        mode = line.key.rsplit(".", 1)[1]
        assert line.amount is not None
        assert line.amount <= caps[mode]
        assert line.amount <= costs[TransportMode(mode)]


@given(st.integers(0, 100_000_000).map(Rupiah), st.integers(1, 24))
@settings(max_examples=30)
def test_no_home_care_line_exceeds_its_cap(cost: Rupiah, months: int) -> None:
    """Home care never pays more than its cap."""
    assert jkk_home_care(cost, months, on=VOTING_DAY).total <= Rupiah(20_000_000)


@given(wages, st.integers(0, 60), st.integers(0, 60))
@settings(max_examples=40)
def test_stmb_grows_with_months(wage: Rupiah, a: int, b: int) -> None:
    """More months unable to work never pay less."""
    low, high = sorted([a, b])
    assert (
        jkk_temporary_incapacity(wage, low, on=VOTING_DAY).total
        <= jkk_temporary_incapacity(wage, high, on=VOTING_DAY).total
    )


@given(event_days)
@settings(max_examples=30)
def test_reform_that_changes_nothing_gives_the_same_benefit(day: dt.date) -> None:
    """Overriding the JKM funeral cost with its own value gives the same assessment total."""
    value = default_rule_book().on(day)["jkm.funeral"].rupiah
    book = default_rule_book().with_reform(Reform("same", {"jkm.funeral": value}))
    assert jkm_death(on=day, rules=book.on(day)).total == jkm_death(on=day).total


PILKADA_2024 = dt.date(2024, 11, 27)


def test_jkk_death_says_when_the_other_reading_of_the_minimum_changes_it() -> None:
    """A Pilkada 2024 KPPS anggota (48 × Rp850.000 = Rp40,8 jt) is told the Rp42 jt reading of the minimum pays Rp42 jt."""
    assessment = jkk_death(Rupiah(850_000), on=PILKADA_2024)
    assert assessment.amount("jkk.death") == Rupiah(40_800_000)
    english = [note.render("en") for note in assessment.notes]
    assert any(
        text.startswith("Work-accident death benefit IDR 40,800,000; under the IDR 42,000,000 reading")
        and text.endswith(": IDR 42,000,000.")
        for text in english
    )
    assert any("menurut bacaan Rp42.000.000" in note.render("id") for note in assessment.notes)


def test_jkk_death_is_silent_when_the_other_reading_changes_nothing() -> None:
    """48 × Rp1.100.000 = Rp52,8 jt is above both readings of the minimum: no note about readings."""
    assessment = jkk_death(Rupiah(1_100_000), on=PILKADA_2024)
    assert not any("reading" in note.render("en") for note in assessment.notes)


def test_selecting_the_other_reading_pays_the_higher_minimum() -> None:
    """A reform selecting the Rp42 jt reading of the minimum pays Rp42 jt to the Rp850.000 KPPS anggota."""
    rules = rules_on(PILKADA_2024, reform=Reform.select_alternative("jkk.death.floor"))
    assert jkk_death(Rupiah(850_000), on=PILKADA_2024, rules=rules).amount("jkk.death") == Rupiah(42_000_000)


def test_scholarship_tk_and_sd_are_one_band_of_eight_years() -> None:
    """A child in SD can still receive the TK–SD band for at most 8 years (Rp1,5 jt a year), then SMP, SMA, PT."""
    assessment = jkk_death(Rupiah(1_100_000), on=VOTING_DAY, children=[Child(EducationLevel.SD)])
    assert assessment.amount("scholarship.child_1") == Rupiah(
        8 * 1_500_000 + 3 * 2_000_000 + 3 * 3_000_000 + 5 * 12_000_000
    )
    assert assessment.lines[-1].formula.render("id").startswith("Rp1.500.000 × 8 th + ")


def test_scholarship_from_smp_leaves_out_the_tk_sd_band() -> None:
    """A child in SMP receives SMP, SMA and PT only."""
    assessment = jkk_death(Rupiah(1_100_000), on=VOTING_DAY, children=[Child(EducationLevel.SMP)])
    assert assessment.amount("scholarship.child_1") == Rupiah(3 * 2_000_000 + 3 * 3_000_000 + 5 * 12_000_000)


def test_a_rule_book_is_refused_as_rules() -> None:
    """Passing a RuleBook where a snapshot is expected is an InputError naming rules."""
    with pytest.raises(InputError, match="rules: expected a RuleSnapshot"):
        jkm_death(on=VOTING_DAY, rules=default_rule_book())  # type: ignore[arg-type]


def test_rules_of_another_date_are_refused() -> None:
    """A snapshot of 14 Feb 2024 cannot price a death on 1 Dec 2019: the law of the death's date applies."""
    with pytest.raises(InputError, match="2019-12-01"):
        jkm_death(on=dt.date(2019, 12, 1), rules=rules_on(VOTING_DAY))


def test_bad_children_and_membership_start_are_refused() -> None:
    """A child that is not a Child, or a membership start that is not a date or is after the death, is refused."""
    with pytest.raises(InputError, match="children: child 1"):
        jkk_death(Rupiah(1_000_000), on=VOTING_DAY, children=["SD"])  # type: ignore[list-item]
    with pytest.raises(InputError, match="membership_start"):
        jkm_death(on=VOTING_DAY, membership_start="2020-01-01")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="membership_start"):
        jkm_death(on=VOTING_DAY, membership_start=dt.date(2024, 3, 1), children=[Child(EducationLevel.SD)])


def test_a_float_wage_is_refused_naming_the_argument() -> None:
    """A float wage is refused (money is exact), and the error names the wage."""
    with pytest.raises(FloatMoneyError, match="wage"):
        jkk_death(1_100_000.0, on=VOTING_DAY)  # type: ignore[arg-type]


def test_assessment_is_a_result_in_every_spelling() -> None:
    """An assessment renders the same for "en", "en_US" and "en-GB", and for "id", "id_ID" and "id-ID"."""
    assessment = santunan(SantunanEvent.DEATH, on=VOTING_DAY)
    assert isinstance(assessment, Result)
    assert assessment.render("en_US") == assessment.render("en-GB") == assessment.render("en")
    assert assessment.render("id_ID") == assessment.render("id-ID") == assessment.render("id")
    assert "KPU compensation (death)" in assessment.render("en")
    assert "Santunan KPU (meninggal dunia)" in assessment.render("id")


def test_assessment_records_and_dict_carry_the_date_as_on() -> None:
    """Records and plain data name the event date ``on`` and the kind of assessment."""
    assessment = jkm_death(on=VOTING_DAY)
    assert assessment.records()[0]["on"] == "2024-02-14"
    assert assessment.records()[0]["kind"] == "jkm_death"
    data = assessment.to_dict()
    assert (data["kind"], data["on"]) == ("jkm_death", "2024-02-14")
    assert "event_date" not in data


@given(wages, st.dates(dt.date(2019, 12, 2), dt.date(2030, 12, 31)))
@settings(max_examples=50)
def test_other_reading_is_mentioned_exactly_when_it_would_pay_more(wage: Rupiah, day: dt.date) -> None:
    """The Rp42 jt reading of the JKK death minimum is mentioned, with its amount, exactly when 48 × wage is below it."""
    assessment = jkk_death(wage, on=day)
    mentioned = [
        note.render("en") for note in assessment.notes if "reading of the JKK death minimum" in note.render("en")
    ]
    if wage.times(48) < Rupiah(42_000_000):
        assert len(mentioned) == 1
        assert mentioned[0].endswith(": IDR 42,000,000.")
    else:
        assert mentioned == []
