"""Tests for jamsos_pemilu.premiums: the monthly plan, premiums per officer-month, periods, reliefs, due dates, fines."""

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
    Month,
    Officer,
    Period,
    Reform,
    RoundingRule,
    RuleNotInForceError,
    Rupiah,
    default_rule_book,
    rules_on,
)
from jamsos_pemilu import premiums as premiums_module
from jamsos_pemilu.money import round_rupiah
from jamsos_pemilu.premiums import (
    BOTH_PROGRAMMES,
    MonthPlan,
    due_date,
    late_fine,
    month_plan,
    monthly_premium,
    officer_premium,
    period_premium,
)
from jamsos_pemilu.schemes import BudgetSource, NonWageEarner, Programme, RiskClass, WageEarner

FEB_2024 = Month(2024, 2)
wages = st.integers(min_value=1, max_value=50_000_000).map(Rupiah)
months = st.builds(Month, st.integers(min_value=2016, max_value=2030), st.integers(min_value=1, max_value=12))


def _siti(appointment: str = "2024-01-25/2024-02-25", **changes: object) -> Officer:
    fields: dict[str, object] = {
        "nik": "3602041211870001",
        "name": "Siti",
        "role": "kpps",
        "position": "anggota",
        "election": "pemilu_2024",
        "appointment": Period.parse(appointment),
    }
    fields.update(changes)
    return Officer(**fields)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- one officer-month


def test_kpu_sulsel_ketua_ppk_pays_13500() -> None:
    """KPU Sulsel: ketua PPK on Rp2.500.000, lowest risk class, pays Rp13.500 (JKK 0,24% + JKM 0,30%)."""
    premium = monthly_premium(Rupiah(2_500_000), WageEarner(RiskClass.SANGAT_RENDAH), month=FEB_2024)
    assert premium.total == Rupiah(13_500)
    assert premium.amount_for(Programme.JKK) == Rupiah(6_000)
    assert premium.amount_for(Programme.JKM) == Rupiah(7_500)


def test_kpu_sulsel_ketua_pps_pays_8100() -> None:
    """KPU Sulsel: ketua PPS on Rp1.500.000 pays Rp8.100."""
    assert monthly_premium(Rupiah(1_500_000), month=FEB_2024).total == Rupiah(8_100)


def test_lines_carry_formula_and_citation() -> None:
    """Each line shows the rate and wage used and cites PP 44/2015."""
    jkk = monthly_premium(Rupiah(2_500_000), month=FEB_2024).lines[0]
    assert jkk.formula.render("id") == "0,24% × Rp2.500.000"
    assert jkk.citations[0].label.startswith("PP 44/2015 Pasal 16")


def test_receipt_flags_the_unconfirmed_rounding_rule() -> None:
    """The receipt names the rounding rule, which no regulation states, as unconfirmed."""
    receipt = monthly_premium(Rupiah(2_500_000), month=FEB_2024).receipt
    assert "contribution.rounding" in [v.name for v in receipt.unconfirmed]


def test_higher_risk_class_costs_more() -> None:
    """The same wage at the highest risk class pays 1,74% for JKK."""
    premium = monthly_premium(Rupiah(1_000_000), WageEarner(RiskClass.SANGAT_TINGGI), month=FEB_2024)
    assert premium.amount_for(Programme.JKK) == Rupiah(17_400)


def test_a_wage_reported_in_the_scheme_is_the_basis() -> None:
    """A wage earner whose scheme reports the wage is priced on it when no basis is passed."""
    premium = monthly_premium(None, WageEarner(wage=Rupiah(2_000_000)), month=FEB_2024)
    assert premium.basis == Rupiah(2_000_000)


def test_the_same_wage_in_argument_and_scheme_is_accepted() -> None:
    """Passing the wage the scheme already reports is not a conflict."""
    premium = monthly_premium(Rupiah(2_000_000), WageEarner(wage=Rupiah(2_000_000)), month=FEB_2024)
    assert premium.total == Rupiah(10_800)


def test_two_different_wages_are_refused_naming_both() -> None:
    """A basis of Rp9.000.000 against a scheme wage of Rp1.000.000 is refused, never silently overridden."""
    with pytest.raises(InputError, match=r"9,000,000.*1,000,000"):
        monthly_premium(Rupiah(9_000_000), WageEarner(wage=Rupiah(1_000_000)), month=FEB_2024)


def test_two_different_declared_incomes_are_refused_naming_both() -> None:
    """A non-wage earner's basis that differs from the scheme's declared income is refused."""
    with pytest.raises(InputError, match=r"2,000,000.*1,500,000"):
        monthly_premium(Rupiah(2_000_000), NonWageEarner(Rupiah(1_500_000)), month=Month(2025, 6))


def test_basis_of_a_non_wage_earner_is_the_declared_income() -> None:
    """For a non-wage earner the basis passed is the declared income: JKK 1% of Rp2.000.000 plus JKM Rp6.800."""
    premium = monthly_premium(Rupiah(2_000_000), NonWageEarner(), month=Month(2025, 6))
    assert premium.total == Rupiah(26_800)
    declared = monthly_premium(None, NonWageEarner(Rupiah(2_000_000)), month=Month(2025, 6))
    assert (premium.basis, premium.lines) == (declared.basis, declared.lines)


def test_jkm_only_agreement() -> None:
    """An agreement covering JKM only pays only the JKM line."""
    premium = monthly_premium(Rupiah(1_000_000), month=FEB_2024, programmes=[Programme.JKM])
    assert premium.total == Rupiah(3_000)
    assert premium.amount_for(Programme.JKK) == Rupiah(0)


def test_non_wage_earner_lowest_package_is_16800() -> None:
    """A BPU on the lowest basis pays JKK Rp10.000 + JKM Rp6.800 = Rp16.800 outside relief months."""
    assert monthly_premium(None, NonWageEarner(), month=Month(2025, 6)).total == Rupiah(16_800)


def test_declared_income_below_lowest_basis_uses_lowest_basis() -> None:
    """A declared income below the lowest basis pays on the lowest basis, with a note."""
    premium = monthly_premium(None, NonWageEarner(Rupiah(500_000)), month=Month(2025, 6))
    assert premium.basis == Rupiah(1_000_000)
    assert any("lowest basis" in note.render("en") for note in premium.notes)


# --------------------------------------------------------------------------- reliefs


def test_pp_49_2020_relief_day_before_and_first_month() -> None:
    """July 2020 pays in full; August 2020, the first relief month, pays 1%."""
    assert monthly_premium(Rupiah(1_500_000), month=Month(2020, 7)).total == Rupiah(8_100)
    assert monthly_premium(Rupiah(1_500_000), month=Month(2020, 8)).total == Rupiah(81)


def test_pp_49_2020_relief_last_month_and_after() -> None:
    """January 2021 is the last relief month; February 2021 pays in full."""
    assert monthly_premium(Rupiah(1_500_000), month=Month(2021, 1)).total == Rupiah(81)
    assert monthly_premium(Rupiah(1_500_000), month=Month(2021, 2)).total == Rupiah(8_100)


def test_pp_49_2020_relief_covers_non_wage_earners() -> None:
    """A non-wage earner's JKM Rp6.800 in a PP 49/2020 month is cut by 99% (Rp68 paid)."""
    premium = monthly_premium(None, NonWageEarner(), month=Month(2020, 9), programmes={Programme.JKM})
    assert premium.total == Rupiah(68)


def test_pp_50_2025_discount_for_self_paid_bpu() -> None:
    """A self-paid non-wage earner gets 50% off from April 2026 to December 2026, not in March 2026 or January 2027."""
    scheme, paid = NonWageEarner(), BudgetSource.SELF_PAID
    assert monthly_premium(None, scheme, month=Month(2026, 3), budget_source=paid).total == Rupiah(16_800)
    assert monthly_premium(None, scheme, month=Month(2026, 4), budget_source=paid).total == Rupiah(8_400)
    assert monthly_premium(None, scheme, month=Month(2026, 12), budget_source=paid).total == Rupiah(8_400)
    assert monthly_premium(None, scheme, month=Month(2027, 1), budget_source=paid).total == Rupiah(16_800)


def test_pp_50_2025_transport_window() -> None:
    """Transport-sector BPU get the discount from January 2026 to March 2027."""
    scheme, paid = NonWageEarner(transport_sector=True), BudgetSource.SELF_PAID
    assert monthly_premium(None, scheme, month=Month(2025, 12), budget_source=paid).total == Rupiah(16_800)
    assert monthly_premium(None, scheme, month=Month(2026, 1), budget_source=paid).total == Rupiah(8_400)
    assert monthly_premium(None, scheme, month=Month(2027, 3), budget_source=paid).total == Rupiah(8_400)
    assert monthly_premium(None, scheme, month=Month(2027, 4), budget_source=paid).total == Rupiah(16_800)


def test_pp_50_2025_excludes_apbd_funded_officers() -> None:
    """Officers paid from APBD get no PP 50/2025 discount, and the premium says why."""
    premium = monthly_premium(None, NonWageEarner(), month=Month(2026, 5), budget_source=BudgetSource.APBD)
    assert premium.total == Rupiah(16_800)
    assert any("Pasal 3(5)" in note.render("en") for note in premium.notes)


def test_pp_50_2025_unknown_budget_source_is_not_discounted() -> None:
    """With the budget source unknown the discount is not applied, and the premium says so."""
    premium = monthly_premium(None, NonWageEarner(), month=Month(2026, 5))
    assert premium.total == Rupiah(16_800)
    assert any("unknown" in note.render("en") for note in premium.notes)


def test_pp_50_2025_does_not_apply_to_wage_earners() -> None:
    """PP 50/2025 is for non-wage earners only."""
    premium = monthly_premium(Rupiah(1_500_000), month=Month(2026, 5), budget_source=BudgetSource.SELF_PAID)
    assert premium.total == Rupiah(8_100)


# --------------------------------------------------------------------------- the monthly plan


def test_plan_holds_each_rate_as_decimal_and_exact_fraction() -> None:
    """The plan of February 2024 holds JKK 0,24% = 3/1250 and JKM 0,30% = 3/1000, and no relief."""
    plan = month_plan(month=FEB_2024)
    assert [(p.programme, p.rate, p.ratio) for p in plan.parts] == [
        (Programme.JKK, Decimal("0.0024"), (3, 1250)),
        (Programme.JKM, Decimal("0.0030"), (3, 1000)),
    ]
    assert plan.relief is None and plan.relief_ratio is None
    assert plan.rounding is RoundingRule.HALF_UP


def test_plan_of_a_non_wage_earner_has_a_flat_jkm_and_the_lowest_basis() -> None:
    """A non-wage earner's plan holds JKM as a flat Rp6.800 and the lowest income basis."""
    plan = month_plan(NonWageEarner(), month=Month(2025, 6))
    jkm = plan.part(Programme.JKM)
    assert jkm is not None and jkm.flat == Rupiah(6_800) and jkm.ratio is None
    assert plan.lowest_basis == Rupiah(1_000_000)


def test_plan_is_built_once_per_month_and_arguments() -> None:
    """Asking twice for the same month, scheme, programmes and budget source gives the same plan object."""
    assert month_plan(month=FEB_2024) is month_plan(month=FEB_2024)
    assert month_plan(month=FEB_2024) is not month_plan(month=FEB_2024, programmes={Programme.JKM})


def test_plan_relief_follows_the_budget_source() -> None:
    """In May 2026 a self-paid non-wage earner's plan holds the PP 50/2025 discount; an APBD-paid one's does not."""
    self_paid = month_plan(NonWageEarner(), month=Month(2026, 5), budget_source=BudgetSource.SELF_PAID)
    apbd = month_plan(NonWageEarner(), month=Month(2026, 5), budget_source=BudgetSource.APBD)
    assert self_paid.relief is not None and self_paid.relief_ratio == (1, 2)
    assert apbd.relief is None


def test_plan_serialises_to_plain_data() -> None:
    """A plan's plain data holds the fractions, the rounding rule, the due date and the receipt."""
    data = month_plan(month=FEB_2024).to_dict()
    assert data["kind"] == "month_plan"
    assert data["parts"][0]["ratio"] == [3, 1250]  # type: ignore[index]
    assert data["due"] == "2024-03-15"


def test_premium_equals_its_plan_applied_by_hand() -> None:
    """A premium's amounts are the plan's fractions applied to the basis and rounded with its rule."""
    plan: MonthPlan = month_plan(month=Month(2020, 9))
    premium = monthly_premium(Rupiah(1_234_567), month=Month(2020, 9))
    assert plan.relief is not None
    for part in plan.parts:
        assert part.rate is not None
        gross = round_rupiah(Rupiah(1_234_567).scale(part.rate), plan.rounding)
        net = gross - round_rupiah(gross.scale(plan.relief.rate), plan.rounding)
        assert premium.amount_for(part.programme) == net


# --------------------------------------------------------------------------- one officer


def test_officer_premium_uses_the_honorarium_of_the_role_and_position() -> None:
    """Siti, anggota KPPS in Pemilu 2024, is priced on the Rp1.100.000 honorarium: Rp5.940."""
    premium = officer_premium(_siti(), month=FEB_2024)
    assert premium.basis == Rupiah(1_100_000)
    assert premium.total == Rupiah(5_940)


def test_officer_premium_takes_a_reported_wage() -> None:
    """A wage given for the officer replaces the honorarium."""
    assert officer_premium(_siti(), month=FEB_2024, wage=Rupiah(1_500_000)).total == Rupiah(8_100)


def test_officer_premium_refuses_a_month_off_duty() -> None:
    """Pricing a month the appointment does not touch is refused, with the NIK masked."""
    with pytest.raises(InputError, match=r"not on duty in 2024-05") as error:
        officer_premium(_siti(), month=Month(2024, 5))
    assert "3602041211870001" not in str(error.value)


def test_officer_premium_without_a_known_honorarium_asks_for_the_wage() -> None:
    """Without an honorarium in the rule book for the month, the error says to pass wage=."""
    officer = _siti("2015-08-01/2015-08-31")
    with pytest.raises(InputError, match="pass wage="):
        officer_premium(officer, month=Month(2015, 8))


# --------------------------------------------------------------------------- due dates


def test_due_date_wage_earner_following_month() -> None:
    """A wage earner's January 2024 premium is due 15 February 2024 (a Thursday)."""
    assert due_date(month=Month(2024, 1)) == dt.date(2024, 2, 15)


def test_due_date_non_wage_earner_same_month() -> None:
    """A non-wage earner's January 2024 premium is due 15 January 2024 (a Monday)."""
    assert due_date(NonWageEarner(), month=Month(2024, 1)) == dt.date(2024, 1, 15)


def test_due_date_on_a_weekend_and_holiday_moves_to_the_next_working_day() -> None:
    """15 June 2024 is a Saturday and 17 June Iduladha: May 2024's premium is due Tuesday 18 June (Pasal 21(3))."""
    assert due_date(month=Month(2024, 5)) == dt.date(2024, 6, 18)


def test_due_date_before_pp_49_2020() -> None:
    """July 2020, the month before the relief: the 15th (15 August 2020 is a Saturday, 17 August a holiday)."""
    assert due_date(month=Month(2020, 7)) == dt.date(2020, 8, 18)
    assert due_date(NonWageEarner(), month=Month(2020, 7)) == dt.date(2020, 7, 15)


def test_due_date_first_pp_49_2020_month_is_the_30th() -> None:
    """August 2020: due on the 30th; for a non-wage earner 30 August 2020 is a Sunday, so the Friday before."""
    assert due_date(month=Month(2020, 8)) == dt.date(2020, 9, 30)
    assert due_date(NonWageEarner(), month=Month(2020, 8)) == dt.date(2020, 8, 28)


def test_due_date_last_pp_49_2020_month_has_no_30th() -> None:
    """January 2021 is due on "30 February", i.e. 28 February 2021, a Sunday: the previous working day, the 26th."""
    assert due_date(month=Month(2021, 1)) == dt.date(2021, 2, 26)


def test_due_date_after_pp_49_2020() -> None:
    """February 2021: the 15th again (15 March 2021, a Monday)."""
    assert due_date(month=Month(2021, 2)) == dt.date(2021, 3, 15)


def test_without_the_holidays_package_the_date_is_nominal_and_a_note_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the optional holiday calendar, May 2024 stays due on 15 June and the plan says no shift was applied."""
    monkeypatch.setattr(premiums_module, "_holidays_of", lambda year: None)
    assert due_date(month=Month(2024, 5)) == dt.date(2024, 6, 15)
    fresh = rules_on(Month(2024, 5).first_day, reform=Reform("no change", {}))
    plan = month_plan(month=Month(2024, 5), rules=fresh)
    assert plan.due == dt.date(2024, 6, 15)
    assert any("holidays" in note.render("en") for note in plan.notes)


def test_a_shifted_due_date_is_explained() -> None:
    """A premium whose due date moved off a holiday carries a note citing the rule."""
    premium = monthly_premium(Rupiah(1_100_000), month=Month(2024, 5))
    assert premium.due == dt.date(2024, 6, 18)
    assert any("Pasal 21" in note.render("en") for note in premium.notes)


# --------------------------------------------------------------------------- late fines


def test_late_fine_two_percent_per_month() -> None:
    """Paid five days after the due date: one month of 2%."""
    fine = late_fine(Rupiah(13_500), month=Month(2024, 1), paid_on=dt.date(2024, 2, 20))
    assert fine.months_late == 1
    assert fine.total == Rupiah(270)


def test_no_fine_on_the_due_date_and_a_fine_the_day_after() -> None:
    """Paid on the due date: no fine; paid the next day: one month of delay."""
    assert late_fine(Rupiah(13_500), month=Month(2024, 1), paid_on=dt.date(2024, 2, 15)).total == Rupiah(0)
    assert late_fine(Rupiah(13_500), month=Month(2024, 1), paid_on=dt.date(2024, 2, 16)).months_late == 1


@pytest.mark.parametrize(
    ("month", "rate"),
    [(Month(2020, 7), "0.02"), (Month(2020, 8), "0.005"), (Month(2021, 1), "0.005"), (Month(2021, 2), "0.02")],
)
def test_late_fine_rate_on_both_sides_of_pp_49_2020(month: Month, rate: str) -> None:
    """The fine is 2% per month before and after PP 49/2020's months and 0,5% in them (first and last)."""
    due = due_date(month=month)
    fine = late_fine(Rupiah(100_000), month=month, paid_on=due + dt.timedelta(days=1))
    assert fine.total == round_rupiah(Rupiah(100_000).scale(Decimal(rate)), RoundingRule.HALF_UP)


def test_late_fine_renders_and_serialises() -> None:
    """A late fine renders in both languages and its plain data holds the months of delay."""
    fine = late_fine(Rupiah(13_500), month=Month(2024, 1), paid_on=dt.date(2024, 3, 20))
    assert "Denda keterlambatan" in fine.render("id") and "Late-payment fine" in fine.render("en_US")
    assert fine.to_dict()["months_late"] == 2


# --------------------------------------------------------------------------- periods


def test_period_premium_counts_every_month_touched() -> None:
    """A KPPS term 25 Jan – 25 Feb 2024 owes two monthly premiums."""
    schedule = period_premium(Rupiah(1_100_000), period=Period(dt.date(2024, 1, 25), dt.date(2024, 2, 25)))
    assert [str(m.month) for m in schedule.months] == ["2024-01", "2024-02"]
    assert schedule.total == Rupiah(11_880)


def test_period_premium_follows_each_months_rules() -> None:
    """A period across the end of PP 49/2020 pays 1% in January 2021 and in full in February 2021."""
    schedule = period_premium(Rupiah(1_500_000), period=Period(dt.date(2021, 1, 1), dt.date(2021, 2, 28)))
    assert [m.total for m in schedule.months] == [Rupiah(81), Rupiah(8_100)]
    assert schedule.to_dict()["kind"] == "premium_schedule"
    assert len(schedule.records()) == len(schedule.lines)


def test_period_premium_applies_a_reformed_rule_book() -> None:
    """A rule book with a reform prices every month of the period with it."""
    book = default_rule_book().with_reform(Reform("JKM 0,40%", {"pu.jkm_rate": Decimal("0.004")}))
    schedule = period_premium(Rupiah(2_500_000), period=FEB_2024.period, rule_book=book)
    assert schedule.total == Rupiah(16_000)
    assert schedule.receipt.reforms == ("JKM 0,40%",)


# --------------------------------------------------------------------------- results


def test_premium_serialises_to_json() -> None:
    """A premium's JSON holds amounts as integers and the receipt."""
    data = monthly_premium(Rupiah(2_500_000), month=FEB_2024).to_dict()
    assert data["total"] == 13_500
    assert data["by_programme"] == {"jkk": 6_000, "jkm": 7_500}
    assert "receipt" in data


def test_render_in_both_languages_and_any_spelling() -> None:
    """The premium renders in Indonesian and English with formatted money, for "id_ID" as for "id"."""
    premium = monthly_premium(Rupiah(2_500_000), month=FEB_2024)
    assert "Rp13.500" in premium.render("id")
    assert "IDR 13,500" in premium.render("en")
    assert premium.render("id_ID") == premium.render("id")
    assert premium.render("id").startswith("Iuran bulan 2024-02")


def test_premium_records_carry_the_month() -> None:
    """Each record of a premium is one line with its month."""
    records = monthly_premium(Rupiah(2_500_000), month=FEB_2024).records()
    assert [r["key"] for r in records] == ["jkk", "jkm"] and records[0]["month"] == "2024-02"


# --------------------------------------------------------------------------- bad input


def test_negative_wage_is_rejected() -> None:
    """A negative wage raises CalculationError naming the basis."""
    with pytest.raises(CalculationError, match="basis: must be positive"):
        monthly_premium(Rupiah(-1), month=FEB_2024)


def test_missing_wage_for_wage_earner_is_rejected() -> None:
    """A wage earner with no wage raises a clear error."""
    with pytest.raises(InputError, match="needs the monthly wage"):
        monthly_premium(None, month=FEB_2024)


def test_float_wage_is_rejected() -> None:
    """A float wage raises FloatMoneyError (a TypeError) naming the basis."""
    with pytest.raises(FloatMoneyError, match="basis"):
        monthly_premium(1_500_000.0, month=FEB_2024)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("arguments", "named"),
    [
        ({"scheme": "pu"}, "scheme"),
        ({"month": "2024-02"}, "month"),
        ({"programmes": "jkk"}, "programmes"),
        ({"programmes": set()}, "programmes"),
        ({"budget_source": "apbd"}, "budget_source"),
        ({"rules": default_rule_book()}, "rules"),
        ({"rules": rules_on(dt.date(2024, 2, 14))}, "rules"),
    ],
)
def test_every_argument_of_a_wrong_type_is_refused_by_name(arguments: dict[str, object], named: str) -> None:
    """Each calculator argument of a wrong type or value raises InputError naming the argument."""
    call: dict[str, object] = {"month": FEB_2024, **arguments}
    scheme = call.pop("scheme", WageEarner())
    with pytest.raises(InputError, match=named):
        monthly_premium(Rupiah(1_000_000), scheme, **call)  # type: ignore[arg-type]


def test_due_date_and_late_fine_refuse_wrong_arguments() -> None:
    """due_date and late_fine name a wrong month, date or premium."""
    with pytest.raises(InputError, match="month"):
        due_date(month="2024-01")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="paid_on"):
        late_fine(Rupiah(1), month=Month(2024, 1), paid_on="2024-02-20")  # type: ignore[arg-type]
    with pytest.raises(CalculationError, match="premium"):
        late_fine(Rupiah(-1), month=Month(2024, 1), paid_on=dt.date(2024, 2, 20))
    with pytest.raises(InputError, match="period"):
        period_premium(Rupiah(1), period="2024-01/2024-02")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="officer"):
        officer_premium("Siti", month=FEB_2024)  # type: ignore[arg-type]


def test_month_before_rule_data_is_rejected() -> None:
    """A month before PP 44/2015 raises RuleNotInForceError naming the date."""
    with pytest.raises(RuleNotInForceError, match="2015-06-01"):
        monthly_premium(Rupiah(1_000_000), month=Month(2015, 6))


# --------------------------------------------------------------------------- properties


@given(wages, wages, months)
@settings(max_examples=60)
def test_premium_grows_with_the_wage(a: Rupiah, b: Rupiah, month: Month) -> None:
    """A higher wage never pays a lower premium."""
    low, high = sorted([a, b])
    assert monthly_premium(low, month=month).total <= monthly_premium(high, month=month).total


@given(wages, st.dates(dt.date(2016, 1, 1), dt.date(2030, 12, 31)), st.integers(0, 400))
@settings(max_examples=40)
def test_period_premium_is_the_sum_of_its_months(wage: Rupiah, start: dt.date, days: int) -> None:
    """A period's premium equals the sum of its monthly premiums."""
    period = Period(start, start + dt.timedelta(days=days))
    schedule = period_premium(wage, period=period)
    assert schedule.total == sum((monthly_premium(wage, month=m).total for m in period.months()), Rupiah.zero())


@given(wages, months)
@settings(max_examples=40)
def test_reform_that_changes_nothing_gives_the_same_premium(wage: Rupiah, month: Month) -> None:
    """Overriding the JKM rate with its own value gives the same premium."""
    same = rules_on(month.first_day, reform=Reform("no change", {"pu.jkm_rate": Decimal("0.0030")}))
    assert monthly_premium(wage, month=month, rules=same).total == monthly_premium(wage, month=month).total


@given(wages, months, st.sampled_from(list(RoundingRule)))
@settings(max_examples=60)
def test_premium_total_is_sum_of_programme_amounts(wage: Rupiah, month: Month, rule: RoundingRule) -> None:
    """Under every rounding rule, the total equals the JKK amount plus the JKM amount."""
    rules = rules_on(month.first_day, reform=Reform(f"rounding {rule.value}", {"contribution.rounding": rule.value}))
    premium = monthly_premium(wage, month=month, rules=rules)
    assert premium.total == premium.amount_for(Programme.JKK) + premium.amount_for(Programme.JKM)
    assert premium.programmes == BOTH_PROGRAMMES


def test_reform_raising_jkm_rate_changes_the_premium() -> None:
    """A reform raising the JKM rate to 0,40% raises the ketua PPK's premium by Rp2.500."""
    rules = rules_on(FEB_2024.first_day, reform=Reform("JKM 0,40%", {"pu.jkm_rate": Decimal("0.004")}))
    assert monthly_premium(Rupiah(2_500_000), month=FEB_2024, rules=rules).total == Rupiah(16_000)
