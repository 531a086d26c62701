"""Due dates, late fines and schedules, and what premiums, fines and schedules say (render, to_dict, records).

Rules stated (citations from the shipped rule data):

* PU premiums are due on ``pu.due_day`` (the 15th) of the following month (PP 44/2015 Pasal 21(2)), BPU premiums on
  ``bpu.due_day`` (the 15th) of the same month (Pasal 24(3)); a due date on a weekend or holiday moves to the next
  working day (Pasal 21(3), 24(4));
* for contribution months August 2020 - January 2021 the due day is the 30th (PP 49/2020 Pasal 4(1); the last day
  of a month without a 30th) and a holiday moves it to the previous working day (BPJS practice as reported);
* the late fine is 2 % of the premium per month of delay (PP 44/2015 Pasal 22(1)), 0,5 % for the PP 49/2020
  contribution months; a started month counts as a month (the library's reading, stated on the line);
* a coverage period owes one premium for every calendar month it touches, each under that month's rules.

Each test reads a snapshot (or rule book) of its own, ``Reform("shipped rules")`` with no override, so that no plan
cached on a shared snapshot by another test is reused.
"""

from __future__ import annotations

import datetime as dt

import pytest

from jamsos_pemilu import Month, Period, Reform, Rupiah, default_rule_book, rules_on
from jamsos_pemilu import premiums as premiums_module
from jamsos_pemilu.law.parameters import RuleSnapshot
from jamsos_pemilu.premiums import due_date, late_fine, month_plan, monthly_premium, period_premium
from jamsos_pemilu.schemes import BudgetSource, NonWageEarner, Programme, WageEarner

_PP44_SHIFT = "PP 44/2015 Pasal 21 ayat (3); Pasal 24 ayat (4)"
_PP49_SHIFT = "Berita detik.com/2020 BPJS Ketenagakerjaan on PP 49/2020 (as reported)"
_WARNING_EN = "WARNING: this result uses unconfirmed values: Rounding of computed amounts to whole rupiah."
_WARNING_ID = (
    "PERHATIAN: hasil ini memakai nilai yang belum terkonfirmasi: Pembulatan iuran dan manfaat ke rupiah penuh."
)


def shipped(month: Month) -> RuleSnapshot:
    """The shipped rules on the month's first day, as a snapshot of this test's own (no override)."""
    return rules_on(month.first_day, reform=Reform("shipped rules"))


# --------------------------------------------------------------------------- due dates


@pytest.mark.parametrize(
    ("scheme", "month", "due", "nominal", "citation"),
    [
        (WageEarner(), Month(2020, 7), dt.date(2020, 8, 18), "August 15, 2020", _PP44_SHIFT),
        (NonWageEarner(), Month(2020, 8), dt.date(2020, 8, 28), "August 30, 2020", _PP49_SHIFT),
        (WageEarner(), Month(2020, 12), dt.date(2021, 1, 29), "January 30, 2021", _PP49_SHIFT),
        (WageEarner(), Month(2021, 1), dt.date(2021, 2, 26), "February 28, 2021", _PP49_SHIFT),
        (NonWageEarner(), Month(2021, 1), dt.date(2021, 1, 29), "January 30, 2021", _PP49_SHIFT),
        (NonWageEarner(), Month(2024, 6), dt.date(2024, 6, 18), "June 15, 2024", _PP44_SHIFT),
    ],
)
def test_a_due_date_off_a_working_day_moves_as_the_rules_of_its_month_say(
    scheme: WageEarner | NonWageEarner, month: Month, due: dt.date, nominal: str, citation: str
) -> None:
    """Outside PP 49/2020 a weekend/holiday due date moves forward (Pasal 21(3)); in its months back, before the 30th."""
    assert due_date(scheme, month=month, rules=shipped(month)) == due
    plan = month_plan(scheme, month=month, rules=shipped(month))
    assert plan.due == due
    english = f"{nominal} is a holiday or weekend; the due date moves to {due:%B} {due.day}, {due.year} ({citation})."
    assert [note.render("en") for note in plan.notes] == [english]


def test_a_due_date_note_reads_in_indonesian() -> None:
    """The shift note in Bahasa Indonesia names both dates and the rule: 15 June 2024 (Saturday) -> 18 June 2024."""
    month = Month(2024, 5)
    plan = month_plan(month=month, rules=shipped(month))
    assert [note.render("id") for note in plan.notes] == [
        f"15 Juni 2024 hari libur atau akhir pekan; jatuh tempo bergeser ke 18 Juni 2024 ({_PP44_SHIFT})."
    ]


@pytest.mark.parametrize(
    ("scheme", "month", "due"),
    [
        (WageEarner(), Month(2021, 2), dt.date(2021, 3, 15)),
        (NonWageEarner(), Month(2024, 2), dt.date(2024, 2, 15)),
        (WageEarner(), Month(2024, 2), dt.date(2024, 3, 15)),
    ],
)
def test_a_due_date_on_a_working_day_stays_and_has_no_note(
    scheme: WageEarner | NonWageEarner, month: Month, due: dt.date
) -> None:
    """A 15th that is a working day is the due date itself (Pasal 21(2), 24(3)): nothing moves, nothing to explain."""
    plan = month_plan(scheme, month=month, rules=shipped(month))
    assert plan.due == due
    assert plan.notes == ()
    assert due_date(scheme, month=month, rules=shipped(month)) == due


def test_without_a_holiday_calendar_the_nominal_date_stands_and_the_note_says_why(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Without the optional 'holidays' package the due date is not moved (not even off a weekend) and a note says so."""
    monkeypatch.setattr(premiums_module, "_holidays_of", lambda year: None)
    month = Month(2021, 1)
    assert due_date(month=month, rules=shipped(month)) == dt.date(2021, 2, 28)
    plan = month_plan(month=month, rules=shipped(month))
    assert plan.due == dt.date(2021, 2, 28)
    assert [note.to_dict() for note in plan.notes] == [
        {
            "id": "Tanggal jatuh tempo belum digeser untuk hari libur: paket 'holidays' tidak terpasang "
            "(pip install 'jamsos-pemilu[holidays]'); akhir pekan juga tidak diperiksa.",
            "en": "The due date is not moved for holidays: the 'holidays' package is not installed "
            "(pip install 'jamsos-pemilu[holidays]'); weekends are not checked either.",
        }
    ]


# --------------------------------------------------------------------------- late fines


@pytest.mark.parametrize(
    ("paid_on", "months"),
    [
        (dt.date(2024, 1, 20), 0),
        (dt.date(2024, 2, 15), 0),
        (dt.date(2024, 2, 16), 1),
        (dt.date(2024, 3, 15), 1),
        (dt.date(2024, 3, 16), 2),
        (dt.date(2025, 2, 15), 12),
        (dt.date(2025, 2, 16), 13),
        (dt.date(2026, 3, 15), 25),
    ],
)
def test_months_of_delay_count_from_the_due_date_and_a_started_month_counts(paid_on: dt.date, months: int) -> None:
    """PP 44/2015 Pasal 22(1): 2 % per month of delay after the due date (15 Feb 2024); a started month counts."""
    month = Month(2024, 1)
    fine = late_fine(Rupiah(10_000), month=month, paid_on=paid_on, rules=shipped(month))
    assert fine.months_late == months
    assert fine.total == Rupiah(200 * months)
    assert fine.due == dt.date(2024, 2, 15)


def test_a_fine_is_rounded_half_up_once() -> None:
    """2 % of a Rp13.525 premium is Rp270,50, rounded half up (contribution.rounding, unconfirmed) to Rp271."""
    month = Month(2024, 1)
    fine = late_fine(Rupiah(13_525), month=month, paid_on=dt.date(2024, 2, 16), rules=shipped(month))
    assert fine.total == Rupiah(271)
    assert fine.lines[0].amount == Rupiah(271)


def test_a_pp49_2020_fine_is_half_a_percent_from_the_30th() -> None:
    """PP 49/2020: September 2020's PU premium is due 30 October 2020 and fined 0,5 % per month: paid 1 Dec = 2 months."""
    month = Month(2020, 9)
    fine = late_fine(Rupiah(13_500), month=month, paid_on=dt.date(2020, 12, 1), rules=shipped(month))
    assert fine.due == dt.date(2020, 10, 30)
    assert fine.months_late == 2
    assert fine.total == Rupiah(135)
    formula = fine.lines[0].formula
    assert (formula.render("id"), formula.render("en")) == ("0,5% × Rp13.500 × 2 bulan", "0.5% × IDR 13,500 × 2 months")


def test_a_non_wage_earners_fine_counts_from_the_same_months_due_date() -> None:
    """PP 44/2015 Pasal 24(3): a BPU premium of February 2024 is due 15 February 2024; paid 16 March = 2 months late."""
    month = Month(2024, 2)
    fine = late_fine(Rupiah(16_800), NonWageEarner(), month=month, paid_on=dt.date(2024, 3, 16), rules=shipped(month))
    assert fine.due == dt.date(2024, 2, 15)
    assert fine.months_late == 2
    assert fine.total == Rupiah(672)


def test_a_fine_as_data_states_premium_dates_months_line_and_receipt() -> None:
    """A fine's plain data has every input and result, its one line (formula, citation, the reading) and the receipt."""
    month = Month(2024, 1)
    fine = late_fine(Rupiah(13_525), month=month, paid_on=dt.date(2024, 2, 16), rules=shipped(month))
    line = {
        "key": "late_fine",
        "label": {"id": "Denda keterlambatan", "en": "Late-payment fine"},
        "amount": 271,
        "formula": {"id": "2% × Rp13.525 × 1 bulan", "en": "2% × IDR 13,525 × 1 month", "args": ["0.02", 13525, 1]},
        "citations": [c.to_dict() for c in fine.lines[0].citations],
        "parameters": ["contribution.late_fine_rate"],
        "note": {
            "id": "Bulan keterlambatan yang sudah berjalan dihitung satu bulan (tafsiran pustaka).",
            "en": "A started month of delay counts as a month (the library's reading).",
        },
    }
    assert fine.to_dict() == {
        "kind": "late_fine",
        "premium": 13_525,
        "month": "2024-01",
        "due": "2024-02-15",
        "paid_on": "2024-02-16",
        "months_late": 1,
        "lines": [line],
        "total": 271,
        "receipt": fine.receipt.to_dict(),
    }
    assert [c.label for c in fine.lines[0].citations] == ["PP 44/2015 Pasal 22 ayat (1)"]
    values = fine.receipt.to_dict()["values"]
    assert isinstance(values, list)
    assert [v["name"] for v in values] == [
        "pu.due_day",
        "contribution.due_date_shift",
        "contribution.late_fine_rate",
        "contribution.rounding",
    ]
    assert fine.premium == Rupiah(13_525)
    assert fine.month == month
    assert fine.paid_on == dt.date(2024, 2, 16)


def test_a_fine_reads_in_indonesian_and_english() -> None:
    """A fine renders its heading, the line with formula, citation and reading, the total, then the receipt."""
    month = Month(2024, 1)
    fine = late_fine(Rupiah(13_525), month=month, paid_on=dt.date(2024, 2, 16), rules=shipped(month))
    assert fine.render("id").splitlines()[:6] == [
        "Denda keterlambatan",
        "  Denda keterlambatan: Rp271",
        "      = 2% × Rp13.525 × 1 bulan",
        "      [PP 44/2015 Pasal 22 ayat (1)]",
        "      (Bulan keterlambatan yang sudah berjalan dihitung satu bulan (tafsiran pustaka).)",
        "  Jumlah: Rp271",
    ]
    assert fine.render("en").splitlines()[:6] == [
        "Late-payment fine",
        "  Late-payment fine: IDR 271",
        "      = 2% × IDR 13,525 × 1 month",
        "      [PP 44/2015 Pasal 22 ayat (1)]",
        "      (A started month of delay counts as a month (the library's reading).)",
        "  Total: IDR 271",
    ]
    assert fine.render("en").endswith(fine.receipt.render("en"))
    assert fine.render("id").endswith(fine.receipt.render("id"))


# --------------------------------------------------------------------------- a premium's output


def test_a_premium_reads_in_indonesian_with_due_date_and_notes() -> None:
    """A premium renders its heading (month, scheme), lines, total, due date, notes, then the receipt."""
    month = Month(2024, 5)
    premium = monthly_premium(Rupiah(2_500_000), month=month, rules=shipped(month))
    text = premium.render("id")
    assert text.splitlines()[:10] == [
        "Iuran bulan 2024-05 (Penerima Upah, tingkat risiko sangat rendah)",
        "  Iuran JKK: Rp6.000",
        "      = 0,24% × Rp2.500.000",
        "      [PP 44/2015 Pasal 16 ayat (1) huruf a]",
        "  Iuran JKM: Rp7.500",
        "      = 0,3% × Rp2.500.000",
        "      [PP 44/2015 Pasal 18 ayat (1)]",
        "  Jumlah: Rp13.500",
        "  (jatuh tempo 18 Juni 2024)",
        f"  * 15 Juni 2024 hari libur atau akhir pekan; jatuh tempo bergeser ke 18 Juni 2024 ({_PP44_SHIFT}).",
    ]
    assert text.endswith("\n" + premium.receipt.render("id"))
    assert _WARNING_ID in text


def test_a_premium_reads_in_english_with_due_date_and_notes() -> None:
    """The English premium uses its own heading, scheme name, rupiah and date formats and the word due."""
    month = Month(2024, 5)
    premium = monthly_premium(Rupiah(2_500_000), month=month, rules=shipped(month))
    text = premium.render("en")
    assert text.splitlines()[:10] == [
        "Premium for 2024-05 (wage earner (PU), very low risk class)",
        "  JKK premium: IDR 6,000",
        "      = 0.24% × IDR 2,500,000",
        "      [PP 44/2015 Pasal 16 ayat (1) huruf a]",
        "  JKM premium: IDR 7,500",
        "      = 0.3% × IDR 2,500,000",
        "      [PP 44/2015 Pasal 18 ayat (1)]",
        "  Total: IDR 13,500",
        "  (due June 18, 2024)",
        f"  * June 15, 2024 is a holiday or weekend; the due date moves to June 18, 2024 ({_PP44_SHIFT}).",
    ]
    assert text.endswith("\n" + premium.receipt.render("en"))
    assert _WARNING_EN in text


def test_a_premium_without_notes_goes_from_due_date_to_receipt() -> None:
    """With no note to show, the due-date line is followed directly by the receipt."""
    month = Month(2024, 2)
    premium = monthly_premium(Rupiah(2_500_000), month=month, rules=shipped(month))
    lines = premium.render("en").splitlines()
    due_at = lines.index("  (due March 15, 2024)")
    assert lines[due_at + 1] == premium.receipt.render("en").splitlines()[0]


def test_a_premium_as_data_states_every_field() -> None:
    """A premium's plain data: kind, month, scheme code, basis, programmes, lines, total, net by programme, due, notes."""
    month = Month(2026, 5)
    premium = monthly_premium(
        Rupiah(900_000), NonWageEarner(), month=month, budget_source=BudgetSource.SELF_PAID, rules=shipped(month)
    )
    assert premium.to_dict() == {
        "kind": "premium",
        "month": "2026-05",
        "scheme": "non_wage_earner",
        "basis": 1_000_000,
        "programmes": ["jkk", "jkm"],
        "lines": [line.to_dict() for line in premium.lines],
        "total": 8_400,
        "by_programme": {"jkk": 5_000, "jkm": 3_400},
        "due": "2026-05-15",
        "notes": [
            {
                "id": "Penghasilan yang dilaporkan Rp900.000 di bawah dasar terendah; dipakai Rp1.000.000.",
                "en": "Declared income IDR 900,000 is below the lowest basis; IDR 1,000,000 is used.",
            }
        ],
        "receipt": premium.receipt.to_dict(),
    }
    lines = premium.to_dict()["lines"]
    assert isinstance(lines, list)
    assert [line["key"] for line in lines] == ["jkk", "jkm", "jkk.relief", "jkm.relief"]


def test_a_premium_has_one_record_per_line_with_its_month() -> None:
    """records() gives one flat row per line, each with the contribution month, ready for a DataFrame."""
    month = Month(2020, 9)
    premium = monthly_premium(Rupiah(1_000_625), month=month, rules=shipped(month))
    rows = premium.records()
    assert [(row["month"], row["key"], row["amount"]) for row in rows] == [
        ("2020-09", "jkk", 2_402),
        ("2020-09", "jkm", 3_002),
        ("2020-09", "jkk.relief", -2_378),
        ("2020-09", "jkm.relief", -2_972),
    ]
    assert rows[2]["label"] == "Keringanan iuran JKK"
    assert rows[3]["label_en"] == "JKM premium relief"


# --------------------------------------------------------------------------- a period


def test_a_period_owes_each_month_under_that_months_rules() -> None:
    """A self-paid BPU period 20 March - 10 April 2026 owes March in full and April with PP 50/2025's 50 % off."""
    book = default_rule_book().with_reform(Reform("shipped rules"))
    schedule = period_premium(
        None,
        NonWageEarner(),
        period=Period.parse("2026-03-20/2026-04-10"),
        programmes={Programme.JKM},
        budget_source=BudgetSource.SELF_PAID,
        rule_book=book,
    )
    assert [(str(m.month), m.total) for m in schedule.months] == [
        ("2026-03", Rupiah(6_800)),
        ("2026-04", Rupiah(3_400)),
    ]
    assert schedule.total == Rupiah(10_200)
    assert all(m.programmes == frozenset({Programme.JKM}) for m in schedule.months)
    assert [(row["month"], row["key"], row["amount"]) for row in schedule.records()] == [
        ("2026-03", "jkm", 6_800),
        ("2026-04", "jkm", 6_800),
        ("2026-04", "jkm.relief", -3_400),
    ]
    assert [line.key for line in schedule.lines] == ["jkm", "jkm", "jkm.relief"]
    assert schedule.render("en").splitlines() == [
        "Premiums by month (2026-03-20/2026-04-10)",
        "  2026-03: IDR 6,800",
        "  2026-04: IDR 3,400",
        "  Total: IDR 10,200",
        _WARNING_EN,
        "What-if reform applied (not the law in force): shipped rules.",
    ]


def test_a_schedule_as_data_lists_each_month_and_the_merged_receipt() -> None:
    """A schedule's plain data has its period, every month's premium, the total and one receipt for all months."""
    book = default_rule_book().with_reform(Reform("shipped rules"))
    schedule = period_premium(Rupiah(1_100_000), period=Period.parse("2024-01-25/2024-02-25"), rule_book=book)
    assert schedule.to_dict() == {
        "kind": "premium_schedule",
        "period": {"start": "2024-01-25", "end": "2024-02-25"},
        "months": [m.to_dict() for m in schedule.months],
        "total": 11_880,
        "receipt": schedule.receipt.to_dict(),
    }
    assert schedule.receipt.to_dict()["reforms"] == ["shipped rules"]
    assert schedule.render("id").splitlines()[:4] == [
        "Iuran per bulan (2024-01-25/2024-02-25)",
        "  2024-01: Rp5.940",
        "  2024-02: Rp5.940",
        "  Jumlah: Rp11.880",
    ]
