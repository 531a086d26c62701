"""How the premium calculators take their rules: the snapshot's date, what-if reforms and the rule book's choices.

Rules stated:

* a monthly premium applies the law in force on the first day of the contribution month (convention 1 of 0.2:
  a snapshot taken on another day is refused, naming both dates);
* a what-if reform reaches the plan's values and their citations (a reformed value cites the reform);
* the library knows two ways a due date on a holiday moves, ``next_working_day`` (PP 44/2015 Pasal 21(3),
  24(4)) and ``previous_working_day`` (the PP 49/2020 months); a rule book naming another is refused, not guessed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import pytest

from jamsos_pemilu import InputError, Month, Officer, Period, Reform, Rupiah, rules_on
from jamsos_pemilu.exceptions import UnknownCodeError
from jamsos_pemilu.law.parameters import RuleSnapshot, load_rule_book
from jamsos_pemilu.premiums import due_date, late_fine, month_plan, monthly_premium, officer_premium, period_premium
from jamsos_pemilu.schemes import NonWageEarner, Programme

FEB_2024 = Month(2024, 2)


def _siti() -> Officer:
    return Officer(
        nik="3602041211870001",
        name="Siti",
        role="kpps",
        position="anggota",
        election="pemilu_2024",
        appointment=Period.parse("2024-01-25/2024-02-25"),
    )


_CALLS: dict[str, Callable[[RuleSnapshot], object]] = {
    "a monthly premium": lambda rules: month_plan(month=FEB_2024, rules=rules),
    "the premium of 2024-02": lambda rules: officer_premium(_siti(), month=FEB_2024, rules=rules),
    "the due date of 2024-02": lambda rules: due_date(month=FEB_2024, rules=rules),
    "the late fine on the premium of 2024-02": lambda rules: late_fine(
        Rupiah(13_500), month=FEB_2024, paid_on=dt.date(2024, 5, 1), rules=rules
    ),
}


@pytest.mark.parametrize("what", list(_CALLS))
def test_rules_taken_on_another_day_than_the_first_of_the_month_are_refused(what: str) -> None:
    """A month's premium, due date and fine apply the law of the month's first day: a 14 February snapshot is refused."""
    with pytest.raises(InputError) as caught:
        _CALLS[what](rules_on(dt.date(2024, 2, 14)))
    assert str(caught.value) == (
        f"rules: a snapshot taken on 2024-02-14 was passed, but {what} applies the law of 2024-02-01; "
        "pass rules_on(datetime.date(2024, 2, 1), reform=...) or rules.at(datetime.date(2024, 2, 1))"
    )


def test_an_officer_premium_and_due_date_apply_a_what_if_reform() -> None:
    """A reform of the JKM rate (0,40 %) and due day (20th) reaches the officer's premium and the due date."""
    reform = Reform("JKM naik", {"pu.jkm_rate": "0.004", "pu.due_day": 20})
    rules = rules_on(FEB_2024.first_day, reform=reform)
    premium = officer_premium(_siti(), month=FEB_2024, rules=rules)
    assert premium.amount_for(Programme.JKM) == Rupiah(4_400)
    assert premium.total == Rupiah(7_040)
    assert due_date(month=FEB_2024, rules=rules) == dt.date(2024, 3, 20)
    assert premium.due == dt.date(2024, 3, 20)


def test_a_late_fine_applies_a_what_if_fine_rate() -> None:
    """A reform of the late fine rate to 3 % a month fines a Rp13.500 premium paid one month late Rp405."""
    rules = rules_on(Month(2024, 1).first_day, reform=Reform("denda naik", {"contribution.late_fine_rate": "0.03"}))
    fine = late_fine(Rupiah(13_500), month=Month(2024, 1), paid_on=dt.date(2024, 2, 16), rules=rules)
    assert fine.total == Rupiah(405)
    assert fine.lines[0].formula.render("en") == "3% × IDR 13,500 × 1 month"


def test_a_period_without_a_rule_book_uses_the_shipped_one() -> None:
    """period_premium's rule book defaults to the shipped one: Siti's KPPS period owes Rp5.940 for each of two months."""
    schedule = period_premium(Rupiah(1_100_000), period=Period.parse("2024-01-25/2024-02-25"))
    assert schedule.total == Rupiah(11_880)
    assert schedule.receipt.to_dict()["reforms"] == []


def test_a_what_if_lowest_basis_prices_the_bpu_premium_and_is_cited() -> None:
    """A reform raising the BPU lowest basis to Rp1.200.000 prices JKK at 1 % of it, and the JKK line cites the reform."""
    reform = Reform("dasar terendah naik", {"bpu.lowest_income_basis": 1_200_000})
    rules = rules_on(FEB_2024.first_day, reform=reform)
    plan = month_plan(NonWageEarner(), month=FEB_2024, rules=rules)
    assert plan.lowest_basis == Rupiah(1_200_000)
    assert [c.label for c in plan.parts[0].citations] == [
        "PP 44/2015 Pasal 20 ayat (1) jo. Lampiran II",
        "Reform 2024 what-if override",
    ]
    premium = monthly_premium(None, NonWageEarner(), month=FEB_2024, rules=rules)
    assert premium.basis == Rupiah(1_200_000)
    assert premium.total == Rupiah(18_800)
    assert len(premium.lines[0].citations) == 2


def test_a_rule_book_naming_an_unknown_due_date_shift_is_refused(tmp_path: Path) -> None:
    """A rule book whose contribution.due_date_shift is neither next nor previous working day is refused, not guessed."""
    data = resources.files("jamsos_pemilu.law") / "data"
    for entry in data.iterdir():
        if entry.name.endswith(".toml"):
            (tmp_path / entry.name).write_text(entry.read_text(encoding="utf-8"), encoding="utf-8")
    contributions = tmp_path / "contributions.toml"
    text = contributions.read_text(encoding="utf-8")
    choices = 'choices = ["next_working_day", "previous_working_day"]'
    current = 'start = 2021-02-01\nvalue = "next_working_day"'
    assert text.count(choices) == 1
    assert text.count(current) == 1
    text = text.replace(choices, 'choices = ["next_working_day", "previous_working_day", "same_day"]')
    contributions.write_text(text.replace(current, 'start = 2021-02-01\nvalue = "same_day"'), encoding="utf-8")
    book = load_rule_book(tmp_path)
    with pytest.raises(UnknownCodeError) as caught:
        due_date(month=FEB_2024, rules=book.on(FEB_2024.first_day))
    assert str(caught.value) == (
        "unknown due date shift 'same_day'; accepted values: next_working_day, previous_working_day"
    )
    assert caught.value.accepted == ("next_working_day", "previous_working_day")
