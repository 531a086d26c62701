"""Tests for jamsos_pemilu.claims: the JKK claim deadline and the JKM scholarship membership condition."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jamsos_pemilu import InputError, Reform, default_rule_book, rules_on
from jamsos_pemilu.claims import ClaimDeadline, claim_window, jkk_claim_deadline, scholarship_membership
from jamsos_pemilu.explain import Result, RuleTrace

VOTING_DAY = dt.date(2024, 2, 14)
accident_days = st.dates(dt.date(2015, 7, 1), dt.date(2030, 12, 31))


def test_claim_deadline_two_years_the_day_before_pp_82_2019() -> None:
    """An accident on 1 Dec 2019 may be claimed for 2 years: until 30 Nov 2021."""
    result = jkk_claim_deadline(on=dt.date(2019, 12, 1))
    assert (result.years, result.deadline) == (2, dt.date(2021, 11, 30))


def test_claim_deadline_five_years_from_pp_82_2019() -> None:
    """An accident on 2 Dec 2019 may be claimed for 5 years: until 1 Dec 2024."""
    result = jkk_claim_deadline(on=dt.date(2019, 12, 2))
    assert (result.years, result.deadline) == (5, dt.date(2024, 12, 1))


def test_claim_on_the_last_day_is_in_time_and_the_next_day_is_late() -> None:
    """A claim filed on the deadline is in time; one filed the day after is not."""
    result = jkk_claim_deadline(on=VOTING_DAY)
    assert result.in_time(dt.date(2029, 2, 13))
    assert not result.in_time(dt.date(2029, 2, 14))


def test_claim_deadline_is_a_result_with_receipt_and_citation() -> None:
    """The deadline carries its rule value, the PP 82/2019 citation and a receipt, in both languages."""
    result = jkk_claim_deadline(on=VOTING_DAY)
    assert isinstance(result, Result)
    assert [v.name for v in result.receipt.values] == ["jkk.claim_expiry_years"]
    assert result.lines[0].citations[0].label == "PP 82/2019 Pasal 26"
    assert result.render("id").startswith("Batas akhir klaim JKK: 13 Februari 2029")
    assert result.render("en_US").startswith("JKK claim deadline: February 13, 2029")
    data = result.to_dict()
    assert (data["kind"], data["deadline"], data["years"]) == ("jkk_claim_deadline", "2029-02-13", 5)


def test_a_reform_of_the_claim_period_moves_the_deadline() -> None:
    """A what-if claim period of 10 years moves the deadline and the receipt names the reform."""
    rules = rules_on(VOTING_DAY, reform=Reform("klaim 10 tahun", {"jkk.claim_expiry_years": 10}))
    result = jkk_claim_deadline(on=VOTING_DAY, rules=rules)
    assert result.deadline == dt.date(2034, 2, 13)
    assert result.receipt.reforms == ("klaim 10 tahun",)


def test_rules_of_another_date_are_refused() -> None:
    """Rules taken on another date than the accident are an InputError naming both dates."""
    with pytest.raises(InputError, match=r"rules: a snapshot taken on 2024-02-14.*2019-12-01"):
        jkk_claim_deadline(on=dt.date(2019, 12, 1), rules=rules_on(VOTING_DAY))


def test_a_rule_book_is_not_a_snapshot() -> None:
    """Passing a RuleBook as rules is an InputError that says how to take a snapshot."""
    with pytest.raises(InputError, match="RuleBook"):
        jkk_claim_deadline(on=VOTING_DAY, rules=default_rule_book())  # type: ignore[arg-type]


def test_a_datetime_is_not_an_accident_date() -> None:
    """A datetime given as the accident date is refused with the argument's name."""
    with pytest.raises(InputError, match="on: expected a datetime.date"):
        jkk_claim_deadline(on=dt.datetime(2024, 2, 14, 9, 0))


def test_claim_window_records_the_value_on_the_callers_trace() -> None:
    """The internal claim window reads the claim period through the caller's trace (for its receipt)."""
    trace = RuleTrace(rules_on(VOTING_DAY))
    window = claim_window(trace, VOTING_DAY)
    assert window.deadline == dt.date(2029, 2, 13)
    assert [v.name for v in trace.used] == ["jkk.claim_expiry_years"]


def test_claim_window_refuses_rules_of_another_date() -> None:
    """A claim window needs the rules of the accident's own date."""
    with pytest.raises(InputError, match="accident"):
        claim_window(RuleTrace(rules_on(VOTING_DAY)), dt.date(2019, 12, 1))


def test_scholarship_needs_five_years_before_and_three_from_pp_82_2019() -> None:
    """The JKM scholarship needs 5 years of premiums until 1 Dec 2019 and 3 from 2 Dec 2019."""
    before = dt.date(2019, 12, 1)
    after = dt.date(2019, 12, 2)
    assert scholarship_membership(RuleTrace(rules_on(before)), dt.date(2016, 12, 1), on=before).met is False
    assert scholarship_membership(RuleTrace(rules_on(after)), dt.date(2016, 12, 2), on=after).met is True


def test_scholarship_membership_boundary_day() -> None:
    """Three years completed on the day of death meets the condition; one day short does not."""
    trace = RuleTrace(rules_on(VOTING_DAY))
    assert scholarship_membership(trace, dt.date(2021, 2, 14), on=VOTING_DAY).met is True
    short = scholarship_membership(trace, dt.date(2021, 2, 15), on=VOTING_DAY)
    assert (short.years, short.met) == (2, False)
    assert "fewer than 3" in short.text.render("en")


def test_unknown_membership_start_is_neither_met_nor_failed() -> None:
    """Without a membership start the condition is unknown, and the text says so."""
    check = scholarship_membership(RuleTrace(rules_on(VOTING_DAY)), None, on=VOTING_DAY)
    assert check.met is None
    assert "tidak diketahui" in check.text.render("id")


def test_membership_starting_after_death_is_refused() -> None:
    """A membership start after the date of death is an InputError naming the argument."""
    with pytest.raises(InputError, match="membership_start"):
        scholarship_membership(RuleTrace(rules_on(VOTING_DAY)), dt.date(2024, 3, 1), on=VOTING_DAY)


@given(accident_days)
@settings(max_examples=40)
def test_deadline_follows_the_claim_period_of_the_accident_date(day: dt.date) -> None:
    """The deadline is the claim period of the accident date after it, less a day: later than the accident."""
    result = jkk_claim_deadline(on=day)
    assert isinstance(result, ClaimDeadline)
    assert result.years == rules_on(day)["jkk.claim_expiry_years"].integer
    assert result.in_time(day)
    assert not result.in_time(result.deadline + dt.timedelta(days=1))
    assert result.deadline > day


def test_a_deadline_beyond_the_calendar_is_an_input_error() -> None:
    """An accident on 31 Dec 9999 has no representable deadline: a clear library error, not a crash."""
    with pytest.raises(InputError, match="outside the calendar"):
        jkk_claim_deadline(on=dt.date(9999, 12, 31))


def test_the_deadline_line_shows_its_formula_and_the_rule_it_reads() -> None:
    """The deadline's line says how it is counted (accident date + the claim years − 1 day) and which value it read."""
    line = jkk_claim_deadline(on=VOTING_DAY).lines[0]
    assert (line.key, line.parameters) == ("jkk.claim_deadline", ("jkk.claim_expiry_years",))
    assert line.formula.render("id") == "14 Februari 2024 + 5 tahun − 1 hari"
    assert line.formula.render("en") == "February 14, 2024 + 5 years − 1 day"


def test_a_snapshot_of_another_date_is_refused_naming_the_calculation() -> None:
    """Rules taken on another day than the accident are refused, and the message names the claim deadline."""
    with pytest.raises(InputError, match="a JKK claim deadline applies the law of 2024-02-14"):
        jkk_claim_deadline(on=VOTING_DAY, rules=rules_on(dt.date(2024, 2, 15)))


def test_scholarship_errors_name_the_argument_at_fault() -> None:
    """A bad membership start, a bad date of death or rules of another day are refused, each naming what was wrong."""
    trace = RuleTrace(rules_on(VOTING_DAY))
    with pytest.raises(InputError, match=r"^membership_start: "):
        scholarship_membership(trace, "2020-01-01", on=VOTING_DAY)  # type: ignore[arg-type]
    with pytest.raises(InputError, match=r"^on: "):
        scholarship_membership(trace, None, on="2024-02-14")  # type: ignore[arg-type]
    with pytest.raises(InputError, match=r"^on: the scholarship condition of a death on 2024-02-15 needs the rules of that date, not of 2024-02-14$"):
        scholarship_membership(trace, None, on=dt.date(2024, 2, 15))


def test_claim_deadline_text_states_the_deadline_the_formula_its_article_and_the_receipt() -> None:
    """The text, line by line: the deadline, the formula (PP 82/2019 Pasal 26: 5 years), its article, the receipt."""
    result = jkk_claim_deadline(on=VOTING_DAY)
    receipt_en, receipt_id = result.receipt.render("en"), result.receipt.render("id")
    assert result.render("en").split("\n") == [
        "JKK claim deadline: February 13, 2029",
        "  Last day to claim = February 14, 2024 + 5 years − 1 day",
        "      [PP 82/2019 Pasal 26]",
        *receipt_en.split("\n"),
    ]
    assert result.render("id").split("\n")[:3] == [
        "Batas akhir klaim JKK: 13 Februari 2029",
        "  Hari terakhir klaim = 14 Februari 2024 + 5 tahun − 1 hari",
        "      [PP 82/2019 Pasal 26]",
    ]
    assert result.render("id").split("\n")[3:] == receipt_id.split("\n")
