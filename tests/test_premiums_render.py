"""How premium schedules and late fines read to an election secretariat (Bahasa Indonesia and English)."""

from __future__ import annotations

import datetime as dt

import pytest

from jamsos_pemilu import Month, Period, Rupiah
from jamsos_pemilu.premiums import late_fine, period_premium

KPPS = Period(dt.date(2024, 1, 25), dt.date(2024, 3, 5))


def test_schedule_render_has_a_header_and_one_row_per_month() -> None:
    """A schedule over three calendar months shows its period, one premium row per month and the total."""
    schedule = period_premium(Rupiah(1_100_000), period=KPPS)
    lines = schedule.render("en").splitlines()
    assert lines[:5] == [
        "Premiums by month (2024-01-25/2024-03-05)",
        "  2024-01: IDR 5,940",
        "  2024-02: IDR 5,940",
        "  2024-03: IDR 5,940",
        "  Total: IDR 17,820",
    ]
    assert lines[5].startswith("WARNING: this result uses unconfirmed values")
    assert len(lines) == 6


def test_schedule_render_in_indonesian() -> None:
    """The Indonesian schedule uses its own header, rupiah format and the word Jumlah for the total."""
    lines = period_premium(Rupiah(1_100_000), period=KPPS).render("id").splitlines()
    assert lines[:5] == [
        "Iuran per bulan (2024-01-25/2024-03-05)",
        "  2024-01: Rp5.940",
        "  2024-02: Rp5.940",
        "  2024-03: Rp5.940",
        "  Jumlah: Rp17.820",
    ]
    assert lines[5].startswith("PERHATIAN:")


def test_schedule_records_and_total_follow_the_months() -> None:
    """The schedule's total is the sum of its months and its records carry each month's lines."""
    schedule = period_premium(Rupiah(1_100_000), period=KPPS)
    assert [str(m.month) for m in schedule.months] == ["2024-01", "2024-02", "2024-03"]
    assert schedule.total == Rupiah(17_820)
    assert schedule.to_dict()["total"] == 17_820
    assert schedule.to_dict()["period"] == {"start": "2024-01-25", "end": "2024-03-05"}
    assert len(schedule.records()) == sum(len(m.records()) for m in schedule.months) > 0


@pytest.mark.parametrize(
    ("paid_on", "months", "amount", "formula"),
    [
        (dt.date(2024, 2, 15), 0, "IDR 0", "= 2% × IDR 13,500 × 0 months"),
        (dt.date(2024, 2, 16), 1, "IDR 270", "= 2% × IDR 13,500 × 1 month"),
        (dt.date(2024, 3, 20), 2, "IDR 540", "= 2% × IDR 13,500 × 2 months"),
    ],
)
def test_late_fine_render_shows_the_months_of_delay(paid_on: dt.date, months: int, amount: str, formula: str) -> None:
    """The fine (PP 44/2015 Pasal 22: 2 % per month of delay after the 15th) shows its formula, citation and reading."""
    fine = late_fine(Rupiah(13_500), month=Month(2024, 1), paid_on=paid_on)
    assert fine.months_late == months
    lines = fine.render("en").splitlines()
    assert lines[:6] == [
        "Late-payment fine",
        f"  Late-payment fine: {amount}",
        f"      {formula}",
        "      [PP 44/2015 Pasal 22 ayat (1)]",
        "      (A started month of delay counts as a month (the library's reading).)",
        f"  Total: {amount}",
    ]
    assert any(line.startswith("  - contribution.late_fine_rate = 2% — PP 44/2015 Pasal 22 ayat (1)") for line in lines)


def test_late_fine_render_in_indonesian() -> None:
    """The Indonesian fine says Denda keterlambatan, counts bulan and explains the started-month reading."""
    fine = late_fine(Rupiah(13_500), month=Month(2024, 1), paid_on=dt.date(2024, 3, 20))
    lines = fine.render("id").splitlines()
    assert lines[:6] == [
        "Denda keterlambatan",
        "  Denda keterlambatan: Rp540",
        "      = 2% × Rp13.500 × 2 bulan",
        "      [PP 44/2015 Pasal 22 ayat (1)]",
        "      (Bulan keterlambatan yang sudah berjalan dihitung satu bulan (tafsiran pustaka).)",
        "  Jumlah: Rp540",
    ]
    data = fine.to_dict()
    assert (data["kind"], data["months_late"], data["total"], data["due"]) == ("late_fine", 2, 540, "2024-02-15")
