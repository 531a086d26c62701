"""The output contract of the columnar results: what ``render()``, ``to_dict()`` and ``records()`` promise.

Premium arrays, roster budgets and death-benefit exposure are read by people (Indonesian and English text)
and by programs (JSON, spreadsheets). These tests state the lines of text, the keys and the values each
result shows, with the amounts the rule data gives: PP 44/2015 Pasal 16 ayat (1) huruf a (JKK 0,24 %),
Pasal 18 ayat (1) (JKM 0,3 %), Pasal 20 (non-wage earners: JKK 1 % of at least Rp1.000.000, JKM Rp6.800),
PP 50/2025 Pasal 3 ayat (5) and Pasal 4 ayat (1) (half off for self-paid non-wage earners), PP 82/2019
Lampiran III and Pasal 34 ayat (1) (death benefits).
"""

from __future__ import annotations

import datetime as dt

import pytest

from jamsos_pemilu import BudgetSource, InputError, Month, Rupiah
from jamsos_pemilu.explain import Receipt

np = pytest.importorskip("numpy")

from jamsos_pemilu.batch import (  # noqa: E402
    GroupTotal,
    RosterBudget,
    death_exposure,
    monthly_budget,
    monthly_premiums,
)

FEB_2024 = Month(2024, 2)
MAY_2026 = Month(2026, 5)  # PP 50/2025 Pasal 7 huruf b: non-transport non-wage earners, April-December 2026
VALENTINE_2024 = dt.date(2024, 2, 14)

APBD_NOTE_ID = "Diskon PP 50/2025 tidak berlaku: iuran dibayar dari APBN/APBD (Pasal 3 ayat (5))."
APBD_NOTE_EN = "PP 50/2025 discount does not apply: premiums are paid from APBN/APBD (Pasal 3(5))."


def _lines(text: str) -> list[str]:
    return text.split("\n")


# --------------------------------------------------------------------------- premium arrays


def test_premium_arrays_text_states_the_headcount_month_and_each_programme_total() -> None:
    """The premium text heads with the officers counted and the month, then JKK, JKM and their total.

    A wage earner of Rp1.100.000 pays JKK 0,24 % (Rp2.640) and JKM 0,3 % (Rp3.300); a self-paid non-wage earner
    without a declared income pays half of JKK 1 % × Rp1.000.000 and of JKM Rp6.800 in May 2026 (PP 50/2025).
    """
    result = monthly_premiums(
        np.array([1_100_000, 0]), month=MAY_2026, schemes=np.array([0, 1]), budget_source=BudgetSource.SELF_PAID
    )
    english = _lines(result.render("en"))
    assert english[:4] == [
        "Premiums of 2 officers, 2026-05",
        "  JKK: IDR 7,640",
        "  JKM: IDR 6,700",
        "  Total: IDR 14,340",
    ]
    indonesian = _lines(result.render("id"))
    assert indonesian[:4] == ["Iuran 2 petugas, 2026-05", "  JKK: Rp7.640", "  JKM: Rp6.700", "  Jumlah: Rp14.340"]
    assert result.render("en").endswith(result.receipt.render("en"))
    assert result.render("id").endswith(result.receipt.render("id"))
    assert _lines(result.render("en"))[4] == _lines(result.receipt.render("en"))[0]  # no notes: the receipt follows


def test_premium_arrays_text_lists_each_note_before_the_receipt() -> None:
    """A non-wage earner paid from APBD gets no PP 50/2025 discount (Pasal 3 ayat (5)); the text says so as a note."""
    result = monthly_premiums(np.array([0]), month=MAY_2026, schemes=np.array([1]), budget_source=BudgetSource.APBD)
    assert result.total.tolist() == [16_800]
    assert _lines(result.render("en"))[:5] == [
        "Premiums of 1 officer, 2026-05",
        "  JKK: IDR 10,000",
        "  JKM: IDR 6,800",
        "  Total: IDR 16,800",
        f"  * {APBD_NOTE_EN}",
    ]
    assert _lines(result.render("id"))[4] == f"  * {APBD_NOTE_ID}"
    assert _lines(result.render("id"))[5] == _lines(result.receipt.render("id"))[0]


def test_premium_arrays_text_counts_officers_in_the_readers_digits() -> None:
    """Headcounts are written with the reader's thousands separator (1.200 in Indonesian, 1,200 in English)."""
    result = monthly_premiums(np.full(1_200, 1_100_000), month=FEB_2024)
    assert result.render("id").startswith("Iuran 1.200 petugas, 2024-02\n  JKK: Rp3.168.000\n  JKM: Rp3.960.000\n")
    assert result.render("en").startswith("Premiums of 1,200 officers, 2024-02\n")


def test_premium_arrays_to_dict_holds_every_officer_and_the_totals() -> None:
    """The JSON form lists each officer's JKK, JKM and total, their sums, the month, the notes and the receipt."""
    result = monthly_premiums(np.array([0]), month=MAY_2026, schemes=np.array([1]), budget_source=BudgetSource.APBD)
    data = result.to_dict()
    assert data == {
        "kind": "premium_arrays",
        "month": "2026-05",
        "headcount": 1,
        "jkk": [10_000],
        "jkm": [6_800],
        "total": [16_800],
        "jkk_total": 10_000,
        "jkm_total": 6_800,
        "notes": [{"id": APBD_NOTE_ID, "en": APBD_NOTE_EN}],
        "receipt": result.receipt.to_dict(),
    }
    assert [type(data[key]) for key in ("jkk_total", "jkm_total", "headcount")] == [int, int, int]


def test_premium_arrays_totals_are_exact_sums_of_the_officers() -> None:
    """The JKK and JKM totals of the JSON form are the sums over all officers (Rp2.640 and Rp3.300 each)."""
    result = monthly_premiums(np.array([1_100_000] * 3), month=FEB_2024)
    data = result.to_dict()
    assert (data["jkk_total"], data["jkm_total"], data["headcount"]) == (7_920, 9_900, 3)


def test_premium_arrays_records_carry_index_month_and_amounts() -> None:
    """Each record is one officer: the position in the roster, the month and the JKK, JKM and total in rupiah."""
    result = monthly_premiums(
        np.array([2_500_000, 0]), month=MAY_2026, schemes=np.array([0, 1]), budget_source=BudgetSource.SELF_PAID
    )
    assert result.records() == [
        {"index": 0, "month": "2026-05", "jkk": 6_000, "jkm": 7_500, "total": 13_500},
        {"index": 1, "month": "2026-05", "jkk": 5_000, "jkm": 3_400, "total": 8_400},
    ]


# --------------------------------------------------------------------------- roster budgets


def test_budget_text_is_a_table_of_groups_with_a_total_row() -> None:
    """The budget text heads with the month, then one row per role (its abbreviation) and a total row, per language."""
    budget = monthly_budget(np.array([0, 5, 5]), np.array([2_500_000, 1_500_000, 1_100_000]), month=FEB_2024)
    assert _lines(budget.render("en"))[:6] == [
        "Premium budget for 2024-02",
        "Group  Officers         JKK         JKM       Total",
        "-----  --------  ----------  ----------  ----------",
        "PPK           1   IDR 6,000   IDR 7,500  IDR 13,500",
        "KPPS          2   IDR 6,240   IDR 7,800  IDR 14,040",
        "Total         3  IDR 12,240  IDR 15,300  IDR 27,540",
    ]
    assert _lines(budget.render("id"))[:6] == [
        "Anggaran iuran 2024-02",
        "Kelompok  Petugas       JKK       JKM    Jumlah",
        "--------  -------  --------  --------  --------",
        "PPK             1   Rp6.000   Rp7.500  Rp13.500",
        "KPPS            2   Rp6.240   Rp7.800  Rp14.040",
        "Jumlah          3  Rp12.240  Rp15.300  Rp27.540",
    ]
    assert _lines(budget.render("en"))[6] == _lines(budget.receipt.render("en"))[0]
    assert budget.render("id").endswith(budget.receipt.render("id"))


def test_budget_text_writes_role_and_position_for_readers() -> None:
    """Role-and-position groups read as the role's abbreviation and the position in words (``KPPS ketua``)."""
    labels = ("kpps.ketua", "kpps.kepala_sekretariat", "ketertiban_tps", "Kab. Bandung")
    budget = monthly_budget(np.array([0, 1, 2, 3]), np.full(4, 1_100_000), month=FEB_2024, labels=labels)
    text = _lines(budget.render("en"))
    assert [line.split("  ")[0] for line in text[3:7]] == [
        "KPPS ketua",
        "KPPS kepala sekretariat",
        "Petugas Ketertiban TPS",
        "Kab. Bandung",
    ]
    assert text[7].startswith("Total")


def test_budget_text_lists_notes_before_the_receipt() -> None:
    """Non-wage earners paid from APBD in May 2026 get no PP 50/2025 discount: the budget text notes it."""
    budget = monthly_budget(
        np.array([5]), np.array([0]), month=MAY_2026, schemes=np.array([1]), budget_source=BudgetSource.APBD
    )
    english = _lines(budget.render("en"))
    assert english[5] == f"  * {APBD_NOTE_EN}"
    assert english[6] == _lines(budget.receipt.render("en"))[0]
    assert _lines(budget.render("id"))[5] == f"  * {APBD_NOTE_ID}"


def test_budget_to_dict_and_records() -> None:
    """The JSON form has each group's row and the totals; records are one flat row per group with the month."""
    budget = monthly_budget(np.array([0, 5, 5]), np.array([2_500_000, 1_500_000, 1_100_000]), month=FEB_2024)
    ppk = {"label": "ppk", "headcount": 1, "jkk": 6_000, "jkm": 7_500, "total": 13_500}
    kpps = {"label": "kpps", "headcount": 2, "jkk": 6_240, "jkm": 7_800, "total": 14_040}
    assert budget.to_dict() == {
        "kind": "roster_budget",
        "month": "2024-02",
        "rows": [ppk, kpps],
        "headcount": 3,
        "jkk": 12_240,
        "jkm": 15_300,
        "total": 27_540,
        "notes": [],
        "receipt": budget.receipt.to_dict(),
    }
    assert budget.records() == [{"month": "2024-02", **ppk}, {"month": "2024-02", **kpps}]


def test_budget_to_dict_lists_the_notes() -> None:
    """The notes of the plans applied (PP 50/2025 Pasal 3 ayat (5)) are in the JSON form in both languages."""
    budget = monthly_budget(
        np.array([5]), np.array([0]), month=MAY_2026, schemes=np.array([1]), budget_source=BudgetSource.APBD
    )
    assert budget.to_dict()["notes"] == [{"id": APBD_NOTE_ID, "en": APBD_NOTE_EN}]


def test_group_total_is_jkk_plus_jkm() -> None:
    """A group's row adds its JKK and JKM premiums; its flat record has the label, headcount and the three amounts."""
    row = GroupTotal("kpps", 2, Rupiah(5_280), Rupiah(6_600))
    assert row.total == Rupiah(11_880)
    assert row.to_dict() == {"label": "kpps", "headcount": 2, "jkk": 5_280, "jkm": 6_600, "total": 11_880}


def test_a_group_without_officers_has_a_zero_row() -> None:
    """Asking for a role nobody in the roster has gives a row of zero officers and zero rupiah under that label."""
    budget = monthly_budget(np.array([5]), np.array([1_100_000]), month=FEB_2024)
    assert budget.row("ppk") == GroupTotal("ppk", 0, Rupiah(0), Rupiah(0))
    assert budget.row("kpps") == GroupTotal("kpps", 1, Rupiah(2_640), Rupiah(3_300))


def test_merging_budgets_keeps_rows_in_first_seen_order_and_adds_shared_labels() -> None:
    """Two parts of a roster merge by label: shared labels add up, new labels follow in the order they appear."""
    one = monthly_budget(np.array([5, 0]), np.array([1_100_000, 2_500_000]), month=FEB_2024)
    two = monthly_budget(np.array([2, 5]), np.array([1_100_000, 1_100_000]), month=FEB_2024)
    merged = one.merge(two)
    assert [row.to_dict() for row in merged.rows] == [
        {"label": "ppk", "headcount": 1, "jkk": 6_000, "jkm": 7_500, "total": 13_500},
        {"label": "kpps", "headcount": 2, "jkk": 5_280, "jkm": 6_600, "total": 11_880},
        {"label": "pps", "headcount": 1, "jkk": 2_640, "jkm": 3_300, "total": 5_940},
    ]
    assert merged.month == FEB_2024
    assert merged.receipt == Receipt.merge([one.receipt, two.receipt])


def test_merging_budgets_joins_their_notes_once() -> None:
    """Notes of both parts are kept once each, in order (the APBD note of PP 50/2025 Pasal 3 ayat (5))."""
    apbd = monthly_budget(
        np.array([5]), np.array([0]), month=MAY_2026, schemes=np.array([1]), budget_source=BudgetSource.APBD
    )
    plain = monthly_budget(np.array([5]), np.array([1_100_000]), month=MAY_2026)
    assert plain.merge(apbd).notes == apbd.notes
    assert apbd.merge(apbd).notes == apbd.notes
    assert len(apbd.notes) == 1


def test_merging_refuses_other_objects_and_other_months_by_name() -> None:
    """Only a budget of the same month merges; the error names the argument and the two months."""
    budget = monthly_budget(np.array([5]), np.array([1_100_000]), month=FEB_2024)
    with pytest.raises(InputError) as caught:
        budget.merge("kpps")  # type: ignore[arg-type]
    assert str(caught.value) == "other: expected a RosterBudget, got str"
    march = monthly_budget(np.array([5]), np.array([1_100_000]), month=Month(2024, 3))
    with pytest.raises(InputError) as caught:
        budget.merge(march)
    assert str(caught.value) == "other: cannot merge budgets of 2024-02 and 2024-03"


def test_an_empty_budget_totals_zero() -> None:
    """A budget with no rows counts no officers and zero rupiah of JKK, JKM and total."""
    budget = RosterBudget(FEB_2024, (), monthly_budget(np.array([5]), np.array([1]), month=FEB_2024).receipt)
    assert (budget.headcount, budget.jkk, budget.jkm, budget.total) == (0, Rupiah(0), Rupiah(0), Rupiah(0))


# --------------------------------------------------------------------------- death exposure


def test_death_exposure_text_states_each_benefit_and_the_total() -> None:
    """The exposure text heads with the officers and the date, then JKK death, JKM death and their sum.

    In 2024 (PP 82/2019): JKK 48 × wage + Rp10.000.000 funeral + Rp12.000.000 periodic benefit, at least
    Rp20.000.000 for the wage part; JKM Rp20.000.000 + Rp12.000.000 + Rp10.000.000 (Pasal 34 ayat (1)).
    """
    exposure = death_exposure(np.array([1_100_000, 500_000]), on=VALENTINE_2024)
    assert _lines(exposure.render("en"))[:4] == [
        "Death-benefit exposure of 2 officers, February 14, 2024",
        "  JKK (death from a work accident): IDR 120,800,000",
        "  JKM (death): IDR 84,000,000",
        "  Total: IDR 204,800,000",
    ]
    assert _lines(exposure.render("id"))[:4] == [
        "Eksposur manfaat kematian 2 petugas, 14 Februari 2024",
        "  JKK (kematian karena kecelakaan kerja): Rp120.800.000",
        "  JKM (kematian): Rp84.000.000",
        "  Jumlah: Rp204.800.000",
    ]
    assert exposure.render("en").endswith("\n" + exposure.receipt.render("en"))
    assert exposure.render("id").endswith("\n" + exposure.receipt.render("id"))


def test_death_exposure_text_counts_in_the_readers_digits() -> None:
    """The headcount of the exposure text uses the reader's thousands separator."""
    exposure = death_exposure(np.full(1_500, 1_000_000), on=VALENTINE_2024)
    assert exposure.render("id").startswith("Eksposur manfaat kematian 1.500 petugas, 14 Februari 2024\n")
    assert exposure.render("en").startswith("Death-benefit exposure of 1,500 officers, February 14, 2024\n")


def test_one_officers_exposure_says_officer_in_english() -> None:
    """English counts one officer in the singular; Indonesian has no plural form ("1 petugas")."""
    exposure = death_exposure(np.array([1_000_000]), on=VALENTINE_2024)
    assert exposure.render("en").startswith("Death-benefit exposure of 1 officer, February 14, 2024\n")
    assert exposure.render("id").startswith("Eksposur manfaat kematian 1 petugas, 14 Februari 2024\n")


def test_death_exposure_to_dict_and_records() -> None:
    """The JSON form has the date, headcount, each officer's JKK, the JKM and both totals; records are per officer."""
    exposure = death_exposure(np.array([1_100_000, 500_000]), on=VALENTINE_2024)
    assert exposure.to_dict() == {
        "kind": "death_exposure",
        "on": "2024-02-14",
        "headcount": 2,
        "jkk": [74_800_000, 46_000_000],
        "jkm": 42_000_000,
        "jkk_total": 120_800_000,
        "jkm_total": 84_000_000,
        "receipt": exposure.receipt.to_dict(),
    }
    assert exposure.records() == [
        {"index": 0, "jkk": 74_800_000, "jkm": 42_000_000},
        {"index": 1, "jkk": 46_000_000, "jkm": 42_000_000},
    ]


def test_budget_text_counts_officers_in_the_readers_digits() -> None:
    """Headcounts in the budget table use the reader's thousands separator, per row and in the total row."""
    budget = monthly_budget(np.full(1_200, 5), np.full(1_200, 1_100_000), month=FEB_2024)
    english = _lines(budget.render("en"))
    assert english[3].split() == ["KPPS", "1,200", "IDR", "3,168,000", "IDR", "3,960,000", "IDR", "7,128,000"]
    assert english[4].split()[:2] == ["Total", "1,200"]
    indonesian = _lines(budget.render("id"))
    assert indonesian[3].split() == ["KPPS", "1.200", "Rp3.168.000", "Rp3.960.000", "Rp7.128.000"]
    assert indonesian[4].split()[:2] == ["Jumlah", "1.200"]


def test_budget_text_of_a_role_without_position_has_no_trailing_space() -> None:
    """A role label without a position reads as the role's name alone: the column is as wide as the name."""
    budget = monthly_budget(np.array([13]), np.array([1_100_000]), month=FEB_2024)
    assert _lines(budget.render("en"))[1:4] == [
        "Group                  Officers        JKK        JKM      Total",
        "---------------------  --------  ---------  ---------  ---------",
        "Sekretariat Panwascam         1  IDR 2,640  IDR 3,300  IDR 5,940",
    ]


def test_premium_totals_are_exact_python_integers_beyond_int64() -> None:
    """Totals of premium arrays are summed as Python integers: they never wrap around at 2**63.

    Arrays beyond any real roster are built by hand here: the JSON totals stay exact, and the text refuses an
    amount beyond Rp10^15 instead of printing a wrapped number.
    """
    from jamsos_pemilu.batch import PremiumArrays
    from jamsos_pemilu.exceptions import MoneyError

    big = np.array([2**63 - 1, 2**63 - 1, 2], dtype=np.int64)
    receipt = monthly_premiums(np.array([1]), month=FEB_2024).receipt
    arrays = PremiumArrays(FEB_2024, big, big.copy(), np.zeros(3, dtype=np.int64), receipt)
    data = arrays.to_dict()
    assert (data["jkk_total"], data["jkm_total"]) == (2**64, 2**64)
    jkk_only = PremiumArrays(FEB_2024, big, np.zeros(3, dtype=np.int64), np.zeros(3, dtype=np.int64), receipt)
    with pytest.raises(MoneyError):
        jkk_only.render("en")
    jkm_only = PremiumArrays(FEB_2024, np.zeros(3, dtype=np.int64), big, np.zeros(3, dtype=np.int64), receipt)
    with pytest.raises(MoneyError):
        jkm_only.render("id")


def test_premium_records_never_silently_drop_an_officer() -> None:
    """Records pair each officer's JKK, JKM and total; arrays of different lengths (built by hand) are refused."""
    from jamsos_pemilu.batch import PremiumArrays

    receipt = monthly_premiums(np.array([1]), month=FEB_2024).receipt
    two, one = np.array([1, 2], dtype=np.int64), np.array([3], dtype=np.int64)
    with pytest.raises(ValueError):
        PremiumArrays(FEB_2024, two, two, one, receipt).records()
