"""Tests of the shipped rule data: every effective date from both sides, and pinned values."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from importlib import resources
from pathlib import Path

import pytest

from jamsos_pemilu import (
    Confidence,
    Month,
    Parameter,
    RuleNotInForceError,
    Rupiah,
    default_rule_book,
    load_rule_book,
    rules_on,
)
from jamsos_pemilu.law.parameters import (
    DAY_OF_MONTH_PARAMETERS,
    FIRST_RULE_DATE,
    LAST_RULE_DATE,
    MAX_INTEGER,
    MAX_RATE_PLACES,
    MAX_RULE_FILE_BYTES,
    Unit,
)
from jamsos_pemilu.money import MAX_AMOUNT
from jamsos_pemilu.premiums import due_date

BOOK = default_rule_book()
ONE_DAY = dt.timedelta(days=1)


def _edges() -> list[tuple[str, int]]:
    return [(p.name, i) for p in BOOK for i in range(len(p.values))]


@pytest.mark.parametrize(("name", "index"), _edges())
def test_each_value_from_both_sides(name: str, index: int) -> None:
    """Each value is in force on its first and last day, and not the day before or after."""
    parameter: Parameter = BOOK[name]
    value = parameter.values[index]
    assert parameter.at(value.start) is value
    before = value.start - ONE_DAY
    if parameter.in_force(before):
        assert parameter.at(before) is parameter.values[index - 1]
    else:
        with pytest.raises(RuleNotInForceError):
            parameter.at(before)
    if value.end is not None:
        assert parameter.at(value.end) is value
        after = value.end + ONE_DAY
        if parameter.in_force(after):
            assert parameter.at(after) is parameter.values[index + 1]
        else:
            with pytest.raises(RuleNotInForceError):
                parameter.at(after)


@pytest.mark.parametrize("name", [p.name for p in BOOK])
def test_every_value_is_cited(name: str) -> None:
    """Every value has an article, a URL and a confidence; unconfirmed ones have a note."""
    for value in BOOK[name].values:
        assert value.citation.article.strip()
        assert value.citation.link.startswith("http")
        assert value.confidence is not Confidence.REFORM
        if value.unconfirmed:
            assert value.note


def _jkm_cash(day: dt.date) -> Rupiah:
    rules = rules_on(day)
    return sum(
        (rules[n].rupiah for n in ("jkm.lump_sum", "jkm.periodic_benefit", "jkm.funeral")), Rupiah.zero()
    )


def test_jkm_total_before_pp_82_2019() -> None:
    """JKM cash totals Rp24.000.000 on 1 Dec 2019, the last day of the 2015 amounts."""
    assert _jkm_cash(dt.date(2019, 12, 1)) == Rupiah(24_000_000)


def test_jkm_total_from_pp_82_2019() -> None:
    """JKM cash totals Rp42.000.000 from 2 Dec 2019 (PP 82/2019 in force on promulgation)."""
    assert _jkm_cash(dt.date(2019, 12, 2)) == Rupiah(42_000_000)


def test_jkm_amounts_not_in_force_before_pp_44_2015() -> None:
    """Before PP 44/2015 took effect (1 Jul 2015) the JKM amounts are not in force."""
    with pytest.raises(RuleNotInForceError):
        _jkm_cash(dt.date(2015, 6, 30))
    assert _jkm_cash(dt.date(2015, 7, 1)) == Rupiah(24_000_000)


def test_jkk_claim_expiry_two_then_five_years() -> None:
    """The JKK claim expiry is 2 years until 1 Dec 2019 and 5 years from 2 Dec 2019."""
    assert rules_on(dt.date(2019, 12, 1))["jkk.claim_expiry_years"].integer == 2
    assert rules_on(dt.date(2019, 12, 2))["jkk.claim_expiry_years"].integer == 5


def test_stmb_schedule_changes_with_pp_82_2019() -> None:
    """STMB is 100/75/50 before PP 82/2019 and 100% for 12 months then 50% after."""
    before = rules_on(dt.date(2019, 12, 1))["jkk.stmb.schedule"].schedule
    after = rules_on(dt.date(2019, 12, 2))["jkk.stmb.schedule"].schedule
    assert [(t.months, t.rate) for t in before] == [(6, Decimal(1)), (6, Decimal("0.75")), (None, Decimal("0.5"))]
    assert [(t.months, t.rate) for t in after] == [(12, Decimal(1)), (None, Decimal("0.5"))]


def test_lowest_risk_class_rate_and_jkm_rate() -> None:
    """The lowest JKK risk class is 0,24% and JKM is 0,30% of the monthly wage (PP 44/2015)."""
    rules = rules_on(dt.date(2024, 2, 14))
    assert rules["pu.jkk_rate.sangat_rendah"].rate == Decimal("0.0024")
    assert rules["pu.jkm_rate"].rate == Decimal("0.0030")


def test_pp_50_2025_windows() -> None:
    """The PP 50/2025 discount runs Jan 2026–Mar 2027 for transport BPU and Apr–Dec 2026 for others."""
    assert "relief.pp50_2025.discount.transport" not in rules_on(dt.date(2025, 12, 31))
    assert "relief.pp50_2025.discount.transport" in rules_on(dt.date(2026, 1, 1))
    assert "relief.pp50_2025.discount.transport" in rules_on(dt.date(2027, 3, 31))
    assert "relief.pp50_2025.discount.transport" not in rules_on(dt.date(2027, 4, 1))
    assert "relief.pp50_2025.discount.other" not in rules_on(dt.date(2026, 3, 31))
    assert "relief.pp50_2025.discount.other" in rules_on(dt.date(2026, 12, 31))
    assert "relief.pp50_2025.discount.other" not in rules_on(dt.date(2027, 1, 1))


def test_pp_49_2020_window() -> None:
    """The PP 49/2020 relief covers contribution months Aug 2020 to Jan 2021."""
    assert "relief.pp49_2020.discount" not in rules_on(dt.date(2020, 7, 31))
    assert rules_on(dt.date(2020, 8, 1))["relief.pp49_2020.discount"].rate == Decimal("0.99")
    assert "relief.pp49_2020.discount" in rules_on(dt.date(2021, 1, 31))
    assert "relief.pp49_2020.discount" not in rules_on(dt.date(2021, 2, 1))


# (parameter, value before Aug 2020, value for contribution months Aug 2020 - Jan 2021, value from Feb 2021)
PP_49_2020_DATED = [
    ("pu.due_day", 15, 30, 15),
    ("bpu.due_day", 15, 30, 15),
    ("contribution.late_fine_rate", Decimal("0.02"), Decimal("0.005"), Decimal("0.02")),
    ("contribution.due_date_shift", "next_working_day", "previous_working_day", "next_working_day"),
]


@pytest.mark.parametrize(("name", "before", "during", "after"), PP_49_2020_DATED)
def test_pp_49_2020_values_are_dated_values_of_the_same_parameters(
    name: str, before: object, during: object, after: object
) -> None:
    """Contribution months Aug 2020 - Jan 2021 take PP 49/2020's value; the months around them PP 44/2015's."""
    def value(day: dt.date) -> object:
        return rules_on(day)[name].value

    assert value(dt.date(2020, 7, 31)) == before
    assert value(dt.date(2020, 8, 1)) == during
    assert value(dt.date(2021, 1, 31)) == during
    assert value(dt.date(2021, 2, 1)) == after


def test_pp_49_2020_citations() -> None:
    """The PP 49/2020 due day cites Pasal 4 ayat (1), the 0,5 % fine Pasal 23 ayat (1)."""
    rules = rules_on(dt.date(2020, 9, 1))
    assert rules["pu.due_day"].citation.label == "PP 49/2020 Pasal 4 ayat (1)"
    assert rules["pu.due_day"].confidence is Confidence.NEAR_PRIMARY
    assert rules["contribution.late_fine_rate"].citation.label == "PP 49/2020 Pasal 23 ayat (1)"


def test_the_old_relief_parameters_are_gone() -> None:
    """The due day and fine of PP 49/2020 are no longer separate relief parameters."""
    assert "relief.pp49_2020.due_day" not in BOOK
    assert "relief.pp49_2020.late_fine_rate" not in BOOK


def test_choice_parameters_list_their_options() -> None:
    """Every choice parameter lists its options and each value is one of them."""
    choices = [p for p in BOOK if p.unit.value == "choice"]
    assert {p.name for p in choices} >= {"contribution.rounding", "contribution.due_date_shift"}
    for parameter in choices:
        assert parameter.choices
        assert all(v.choice in parameter.choices for v in parameter.values)


def test_every_unconfirmed_value_says_what_is_missing() -> None:
    """An unconfirmed value's note names what would confirm it ("Missing: ...")."""
    lacking = [
        (p.name, v.start.isoformat()) for p in BOOK for v in p.values if v.unconfirmed and "Missing:" not in (v.note or "")
    ]
    assert lacking == []


def test_at_most_35_values_remain_unconfirmed() -> None:
    """The audit of 0.2 left no more than 35 unconfirmed values in the shipped book."""
    assert sum(v.unconfirmed for p in BOOK for v in p.values) <= 35


def test_shipped_data_cites_instruments_and_public_sources_only() -> None:
    """No shipped data file names a project fact sheet, a fact-sheet marker or a path of a developer's machine."""
    forbidden = ("/work/", "/home/", "shared/facts", "regulation.md", "regulation-addendum", "election.md",
                 "fact sheet", "the sheets", "[H]", "[M]", "[L]")
    folder = resources.files("jamsos_pemilu.law") / "data"
    found = [
        (entry.name, word)
        for entry in folder.iterdir()
        if entry.name.endswith(".toml")
        for word in forbidden
        if word in entry.read_text(encoding="utf-8")
    ]
    assert found == []


D = dt.date

# Values changed or added from the 0.2 audit: (parameter, first day, last day or None, value, confidence).
AUDITED = [
    ("jkk.death.wage_multiplier", D(2015, 7, 1), D(2019, 12, 1), 48, Confidence.SECONDARY),
    ("jkk.death.wage_multiplier", D(2019, 12, 2), None, 48, Confidence.SECONDARY),
    ("jkk.funeral", D(2015, 7, 1), D(2019, 12, 1), Rupiah(3_000_000), Confidence.NEAR_PRIMARY),
    ("jkk.funeral", D(2019, 12, 2), None, Rupiah(10_000_000), Confidence.NEAR_PRIMARY),
    ("jkk.periodic_benefit", D(2015, 7, 1), D(2019, 12, 1), Rupiah(4_800_000), Confidence.NEAR_PRIMARY),
    ("jkk.periodic_benefit", D(2019, 12, 2), None, Rupiah(12_000_000), Confidence.NEAR_PRIMARY),
    ("jkk.total_disability.wage_multiplier", D(2019, 12, 2), None, 56, Confidence.SECONDARY),
    ("jkk.partial_disability.wage_multiplier", D(2019, 12, 2), None, 80, Confidence.SECONDARY),
    ("jkk.transport.land", D(2015, 7, 1), D(2019, 12, 1), Rupiah(1_000_000), Confidence.NEAR_PRIMARY),
    ("jkk.transport.sea", D(2015, 7, 1), D(2019, 12, 1), Rupiah(1_500_000), Confidence.NEAR_PRIMARY),
    ("jkk.transport.sea", D(2019, 12, 2), None, Rupiah(2_000_000), Confidence.NEAR_PRIMARY),
    ("jkk.transport.air", D(2015, 7, 1), D(2019, 12, 1), Rupiah(2_500_000), Confidence.NEAR_PRIMARY),
    ("jkk.transport.air", D(2019, 12, 2), None, Rupiah(10_000_000), Confidence.NEAR_PRIMARY),
    ("jkk.glasses.cap", D(2019, 12, 2), None, Rupiah(1_000_000), Confidence.NEAR_PRIMARY),
    ("bpu.jkk_rate", D(2015, 7, 1), None, Decimal("0.01"), Confidence.SECONDARY),
    ("bpu.lowest_income_basis", D(2015, 7, 1), None, Rupiah(1_000_000), Confidence.SECONDARY),
    ("scholarship.max_age", D(2019, 12, 2), None, 23, Confidence.SECONDARY),
    ("scholarship.tk_sd.per_year", D(2019, 12, 2), None, Rupiah(1_500_000), Confidence.SECONDARY),
    ("scholarship.tk_sd.max_years", D(2019, 12, 2), None, 8, Confidence.SECONDARY),
    ("scholarship.smp.per_year", D(2019, 12, 2), None, Rupiah(2_000_000), Confidence.SECONDARY),
    ("scholarship.smp.max_years", D(2019, 12, 2), None, 3, Confidence.SECONDARY),
    ("scholarship.sma.per_year", D(2019, 12, 2), None, Rupiah(3_000_000), Confidence.SECONDARY),
    ("scholarship.sma.max_years", D(2019, 12, 2), None, 3, Confidence.SECONDARY),
    ("scholarship.pt.per_year", D(2019, 12, 2), None, Rupiah(12_000_000), Confidence.SECONDARY),
    ("scholarship.pt.max_years", D(2019, 12, 2), None, 5, Confidence.SECONDARY),
    ("santunan.death", D(2019, 1, 1), D(2019, 12, 31), Rupiah(36_000_000), Confidence.SECONDARY),
    ("santunan.permanent_disability", D(2019, 1, 1), D(2019, 12, 31), Rupiah(30_800_000), Confidence.SECONDARY),
    ("santunan.serious_injury", D(2019, 1, 1), D(2019, 12, 31), Rupiah(16_500_000), Confidence.SECONDARY),
    ("santunan.moderate_injury", D(2019, 1, 1), D(2019, 12, 31), Rupiah(8_250_000), Confidence.SECONDARY),
    ("santunan.death", D(2022, 8, 5), None, Rupiah(36_000_000), Confidence.NEAR_PRIMARY),
    ("santunan.funeral", D(2022, 8, 5), None, Rupiah(10_000_000), Confidence.NEAR_PRIMARY),
    ("santunan.permanent_disability", D(2022, 8, 5), None, Rupiah(30_800_000), Confidence.NEAR_PRIMARY),
    ("santunan.serious_injury", D(2022, 8, 5), None, Rupiah(16_500_000), Confidence.NEAR_PRIMARY),
    ("santunan.moderate_injury", D(2022, 8, 5), None, Rupiah(8_250_000), Confidence.NEAR_PRIMARY),
    ("honorarium.pilkada_2020.ppk.ketua", D(2019, 10, 7), None, Rupiah(2_200_000), Confidence.SECONDARY),
    ("honorarium.pemilu_2024.kppsln.anggota", D(2022, 8, 5), None, Rupiah(6_000_000), Confidence.SECONDARY),
    ("honorarium.pemilu_2024.ptps.petugas", D(2022, 9, 21), None, Rupiah(1_000_000), Confidence.SECONDARY),
    ("honorarium.pilkada_2024.ptps.petugas", D(2022, 9, 21), None, Rupiah(1_000_000), Confidence.SECONDARY),
    ("honorarium.pemilu_2019.ketertiban_tps.petugas", D(2016, 2, 19), None, Rupiah(500_000), Confidence.SECONDARY),
    ("honorarium.pilkada_2020.panwaslu_kecamatan.ketua", D(2019, 8, 26), None, Rupiah(2_200_000), Confidence.SECONDARY),
    ("honorarium.pilkada_2020.panwaslu_kecamatan.anggota", D(2019, 8, 26), None, Rupiah(1_900_000), Confidence.SECONDARY),
    ("honorarium.pilkada_2020.pkd.petugas", D(2019, 8, 26), None, Rupiah(1_100_000), Confidence.SECONDARY),
    ("honorarium.pilkada_2020.ptps.petugas", D(2019, 8, 26), None, Rupiah(650_000), Confidence.SECONDARY),
    *[
        (f"honorarium.{election}.{name}", D(2022, 9, 21), None, Rupiah(amount), Confidence.SECONDARY)
        for election in ("pemilu_2024", "pilkada_2024")
        for name, amount in (
            ("panwaslu_kecamatan.ketua", 2_200_000),
            ("panwaslu_kecamatan.anggota", 1_900_000),
            ("sekretariat_panwaslu_kecamatan.kepala_sekretariat", 1_550_000),
            ("sekretariat_panwaslu_kecamatan.staf_asn", 900_000),
            ("sekretariat_panwaslu_kecamatan.staf_non_asn", 1_500_000),
            ("pkd.petugas", 1_100_000),
        )
    ],
]


@pytest.mark.parametrize(("name", "start", "end", "value", "confidence"), AUDITED)
def test_audited_value_from_both_sides(
    name: str, start: dt.date, end: dt.date | None, value: object, confidence: Confidence
) -> None:
    """An audited value holds with its confidence from its first to its last day, and not the day before or after."""
    on_first = rules_on(start)[name]
    assert (on_first.value, on_first.confidence) == (value, confidence)
    before = rules_on(start - ONE_DAY)
    assert name not in before or before[name].end == start - ONE_DAY
    if end is not None:
        assert rules_on(end)[name].value == value
        after = rules_on(end + ONE_DAY)
        assert name not in after or after[name].start == end + ONE_DAY
    else:
        assert BOOK[name].values[-1].start == start


def test_tk_and_sd_are_one_scholarship_band() -> None:
    """The old split (TK 2 years, SD 6 years) is gone: one TK-SD band of 8 years together."""
    assert "scholarship.tk.max_years" not in BOOK
    assert "scholarship.sd.max_years" not in BOOK
    assert rules_on(dt.date(2024, 2, 14))["scholarship.tk_sd.max_years"].integer == 8


def test_scholarship_amounts_cite_permenaker_5_2021_from_2_december_2019() -> None:
    """PP 82/2019 holds no scholarship amount: the amounts are Permenaker 5/2021's, applied from 2 Dec 2019."""
    for band in ("tk_sd", "smp", "sma", "pt"):
        value = rules_on(dt.date(2019, 12, 2))[f"scholarship.{band}.per_year"]
        assert value.citation.source.id == "permenaker-5-2021"
        assert f"scholarship.{band}.per_year" not in rules_on(dt.date(2019, 12, 1))


def test_no_funeral_aid_for_pemilu_2019() -> None:
    """S-316/MK.02/2019 gave santunan for events from January 2019 but no funeral aid; 2020-2022 events have none known."""
    rules = rules_on(dt.date(2019, 4, 20))
    assert rules["santunan.death"].citation.source.id == "s-316-mk02-2019"
    assert "santunan.funeral" not in rules
    assert "santunan.death" not in rules_on(dt.date(2018, 12, 31))
    assert "santunan.death" not in rules_on(dt.date(2020, 12, 9))


def test_jkk_death_minimum_lists_the_rp42_million_reading() -> None:
    """The JKK death minimum is read as Rp20 jt and lists the Rp42 jt reading (all JKM cash) as an alternative."""
    floor = rules_on(dt.date(2024, 11, 27))["jkk.death.floor"]
    assert floor.rupiah == Rupiah(20_000_000)
    assert [a.value for a in floor.alternatives] == [Rupiah(42_000_000)]
    assert floor.alternatives[0].source.startswith("PP 82/2019 Pasal 34")


# --------------------------------------------------------------------------- the shipped data within the loader's bounds


def _shipped_folder() -> Path:
    return Path(str(resources.files("jamsos_pemilu.law") / "data"))


def test_the_shipped_folder_loads_from_disk_as_the_default_book() -> None:
    """Loaded with load_rule_book (every bound checked), the shipped folder is the default book, byte for byte."""
    book = load_rule_book(_shipped_folder())
    assert book.digest == BOOK.digest
    assert list(book.parameters) == list(BOOK.parameters)


def test_every_shipped_file_is_far_below_the_size_limit() -> None:
    """Each shipped rule file is under an eighth of MAX_RULE_FILE_BYTES: the limit refuses junk, not data."""
    sizes = {path.name: path.stat().st_size for path in _shipped_folder().glob("*.toml")}
    assert sizes and max(sizes.values()) < MAX_RULE_FILE_BYTES // 8


def test_every_due_day_parameter_is_bounded_as_a_day_of_the_month() -> None:
    """Every integer parameter that is a due day is listed as a day of the month, so a reform of it is 1 to 31."""
    due_days = {p.name for p in BOOK if p.name.endswith("due_day")}
    assert due_days == set(DAY_OF_MONTH_PARAMETERS) == {"pu.due_day", "bpu.due_day"}
    for name in due_days:
        assert BOOK[name].unit is Unit.INTEGER
        assert all(1 <= value.integer <= 31 for value in BOOK[name].values)


def test_pp_49_2020_due_day_of_30_is_february_2021s_last_day() -> None:
    """The premium of January 2021 (PP 49/2020: the 30th of the next month) is due on 28 February 2021 or the working day before."""
    due = due_date(month=Month(2021, 1))
    assert dt.date(2021, 2, 24) <= due <= dt.date(2021, 2, 28)
    assert due_date(month=Month(2021, 2)) >= dt.date(2021, 3, 15)


def test_every_shipped_rate_has_at_most_12_places() -> None:
    """Shipped rates (and schedule tiers) are fractions from 0 to 1 with at most MAX_RATE_PLACES decimals."""
    rates = [v.rate for p in BOOK if p.unit is Unit.RATE for v in p.values]
    rates += [tier.rate for p in BOOK if p.unit is Unit.SCHEDULE for v in p.values for tier in v.schedule]
    assert rates
    for rate in rates:
        exponent = rate.as_tuple().exponent
        assert isinstance(exponent, int) and -MAX_RATE_PLACES <= exponent <= 0
        assert Decimal(0) <= rate <= Decimal(1)


def test_every_shipped_number_is_within_its_bounds() -> None:
    """Shipped amounts are at most Rp10^15, integers at most MAX_INTEGER, dates within the rule-date range."""
    for parameter in BOOK:
        for value in parameter.values:
            assert value.start >= FIRST_RULE_DATE and (value.end is None or value.end <= LAST_RULE_DATE)
            if parameter.unit is Unit.RUPIAH:
                assert 0 <= value.rupiah.amount <= MAX_AMOUNT
            elif parameter.unit is Unit.INTEGER:
                assert 0 <= value.integer <= MAX_INTEGER
