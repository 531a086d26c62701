"""Benefit assessments under contested readings, the rounding rule in force, and what-if rules.

Rules stated here:

* where the rule data lists another reading of a value a line rests on, the assessment says what
  the line would pay under that reading (with the reading's source), exactly when that amount
  differs; each contested line gets its own note, next to the other notes of the assessment;
* amounts computed from a share of the wage are rounded by the rounding rule in force
  (``contribution.rounding``), not by a rounding fixed in the code;
* the snapshot passed as ``rules`` is the one priced (its reform is on the receipt);
* a line cites every rule value it rests on.

The shipped data lists one contested benefit value (the JKK death minimum, PP 82/2019). To state the
rule for the flat amounts (funeral costs, periodic benefits, the JKM lump sum, santunan), the
``contested_book`` fixture builds a copy of the shipped rule data whose values list a *made-up*
competing reading: each "other reading" there is another amount from the rule data (the
PP 44/2015 amount of the same benefit, or another santunan amount), not a claim about the law.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal
from importlib import resources

import pytest

from jamsos_pemilu import Reform, Rupiah, rules_on
from jamsos_pemilu.benefits import (
    BenefitAssessment,
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
from jamsos_pemilu.law.parameters import RuleBook, load_rule_book

VOTING_DAY = dt.date(2024, 2, 14)
PILKADA_2024 = dt.date(2024, 11, 27)
DAY_BEFORE_PP82 = dt.date(2019, 12, 1)
PEMILU_2019_DEATH = dt.date(2019, 4, 20)
WAGE = Rupiah(1_000_000)
ROUND_DOWN = Reform("bulatkan ke bawah", {"contribution.rounding": "down"})
"""A what-if: compute amounts rounded down instead of half up."""

# (parameter, start of the dated value, the made-up other reading, the rule value it is borrowed from)
_READINGS = [
    ("jkm.lump_sum", "2019-12-02", 16_200_000, "the PP 44/2015 JKM lump sum"),
    ("jkm.funeral", "2019-12-02", 3_000_000, "the PP 44/2015 JKM funeral cost"),
    ("jkk.funeral", "2019-12-02", 3_000_000, "the PP 44/2015 JKK funeral cost"),
    ("jkk.periodic_benefit", "2019-12-02", 4_800_000, "the PP 44/2015 JKK periodic benefit"),
    ("santunan.death", "2019-01-01", 30_800_000, "the santunan for permanent disability"),
]


def _with_reading(text: str, name: str, start: str, value: int, borrowed: str) -> str:
    header = f'[[parameter."{name}".values]]\nstart = {start}\n'
    assert header in text, f"{name} from {start} is in the shipped data"
    reading = (
        f'alternatives = [{{value = {value}, source = "pp-44-2015", article = "uji", '
        f'why_id = "bacaan uji ({borrowed})", why_en = "test reading ({borrowed})"}}]\n'
    )
    return text.replace(header, header + reading, 1)


@pytest.fixture(scope="module")
def contested_book(tmp_path_factory: pytest.TempPathFactory) -> RuleBook:
    """The shipped rule data with made-up other readings of five flat amounts (see the module docstring).

    The month limit of home care is also cited to another article than the cost cap, so that a line
    resting on both must cite both.
    """
    folder = tmp_path_factory.mktemp("rules")
    shipped = resources.files("jamsos_pemilu.law") / "data"
    for entry in shipped.iterdir():
        if entry.name.endswith(".toml"):
            (folder / entry.name).write_bytes(entry.read_bytes())
    for path in folder.glob("*.toml"):
        text = path.read_text(encoding="utf-8")
        for name, start, value, borrowed in _READINGS:
            if f'[[parameter."{name}".values]]' in text:
                text = _with_reading(text, name, start, value, borrowed)
        limit = '[[parameter."jkk.home_care.max_months".values]]\nstart = 2019-12-02\nvalue = 12\nsource = "pp-82-2019"\narticle = "'
        if limit in text:
            text, count = re.subn(re.escape(limit) + r'[^"]*"', limit + 'Lampiran III huruf A angka 1 huruf m (jangka waktu)"', text)
            assert count == 1, "the home-care month limit is cited once in the shipped data"
        path.write_text(text, encoding="utf-8")
    return load_rule_book(folder)


def _notes(assessment: BenefitAssessment, lang: str = "en") -> list[str]:
    return [note.render(lang) for note in assessment.notes]


# --------------------------------------------------------------------------- the shipped contested value


def test_the_other_reading_of_the_jkk_death_minimum_is_stated_in_full_in_both_languages() -> None:
    """PP 82/2019: 48 × Rp850.000 = Rp40.800.000; under the Rp42.000.000 reading of the minimum it would be Rp42.000.000."""
    assessment = jkk_death(Rupiah(850_000), on=PILKADA_2024)
    assert _notes(assessment, "en") == [
        "Work-accident death benefit IDR 40,800,000; under the IDR 42,000,000 reading of the JKK death minimum "
        "(PP 82/2019 Pasal 34 ayat (1) huruf a-c): IDR 42,000,000."
    ]
    assert _notes(assessment, "id") == [
        "Santunan kematian kecelakaan kerja Rp40.800.000; menurut bacaan Rp42.000.000 untuk batas minimum santunan "
        "kematian JKK (PP 82/2019 Pasal 34 ayat (1) huruf a-c): Rp42.000.000."
    ]
    assert assessment.receipt.contested and assessment.receipt.contested[0].name == "jkk.death.floor"


def test_the_death_minimum_reading_note_comes_before_the_scholarship_notes() -> None:
    """Notes keep their order: the reading of the death minimum first, then what the scholarship rules say."""
    child = Child(EducationLevel.SD)
    assessment = jkk_death(Rupiah(850_000), on=PILKADA_2024, children=[child])
    english = _notes(assessment)
    assert len(english) == 2
    assert english[0].startswith("Work-accident death benefit IDR 40,800,000; under the IDR 42,000,000 reading")
    assert english[1] == "Child 1's age is unknown; the age limit was not checked."


# --------------------------------------------------------------------------- flat amounts with another reading


def test_each_contested_jkm_amount_gets_its_own_note(contested_book: RuleBook) -> None:
    """Two JKM amounts with another reading: one note each, with the amount each line would pay under it."""
    rules = rules_on(VOTING_DAY, rule_book=contested_book)
    assessment = jkm_death(on=VOTING_DAY, rules=rules)
    assert assessment.total == Rupiah(42_000_000)  # the readings used are unchanged
    assert _notes(assessment) == [
        "Lump-sum death benefit IDR 20,000,000; under the IDR 16,200,000 reading of JKM lump-sum death benefit "
        "(PP 44/2015 uji): IDR 16,200,000.",
        "Funeral costs IDR 10,000,000; under the IDR 3,000,000 reading of JKM funeral cost (PP 44/2015 uji): "
        "IDR 3,000,000.",
    ]
    assert _notes(assessment, "id") == [
        "Santunan kematian sekaligus Rp20.000.000; menurut bacaan Rp16.200.000 untuk Santunan kematian sekaligus (JKM) "
        "(PP 44/2015 uji): Rp16.200.000.",
        "Biaya pemakaman Rp10.000.000; menurut bacaan Rp3.000.000 untuk Biaya pemakaman (JKM) (PP 44/2015 uji): "
        "Rp3.000.000.",
    ]


def test_reading_notes_stay_when_the_jkm_scholarship_is_paid(contested_book: RuleBook) -> None:
    """With a scholarship paid (3 years of premiums, PP 82/2019 Pasal 34(1)(d)), the reading notes are kept."""
    rules = rules_on(VOTING_DAY, rule_book=contested_book)
    assessment = jkm_death(
        on=VOTING_DAY, rules=rules, children=[Child(EducationLevel.PT)], membership_start=dt.date(2020, 1, 1)
    )
    english = _notes(assessment)
    assert [text.split(";")[0] for text in english] == [
        "Lump-sum death benefit IDR 20,000,000",
        "Funeral costs IDR 10,000,000",
        "Child 1's age is unknown",
    ]
    assert assessment.amount("scholarship.child_1") == Rupiah(5 * 12_000_000)
    assert assessment.total == Rupiah(42_000_000 + 5 * 12_000_000)


def test_reading_notes_stay_when_the_jkm_scholarship_is_not_paid(contested_book: RuleBook) -> None:
    """Without enough membership, the notes say why there is no scholarship, after the reading notes."""
    rules = rules_on(VOTING_DAY, rule_book=contested_book)
    assessment = jkm_death(
        on=VOTING_DAY, rules=rules, children=[Child(EducationLevel.PT)], membership_start=dt.date(2023, 1, 1)
    )
    english = _notes(assessment)
    assert len(english) == 4
    assert english[0].startswith("Lump-sum death benefit IDR 20,000,000; under the IDR 16,200,000 reading")
    assert english[1].startswith("Funeral costs IDR 10,000,000; under the IDR 3,000,000 reading")
    assert english[3] == "The JKM scholarship is not counted."
    assert not any(line.key.startswith("scholarship") for line in assessment.lines)


def test_jkk_death_notes_a_contested_funeral_cost(contested_book: RuleBook) -> None:
    """The JKK funeral cost and periodic benefit follow the death lump sum; a reading of either is noted."""
    rules = rules_on(VOTING_DAY, rule_book=contested_book)
    assessment = jkk_death(Rupiah(1_100_000), on=VOTING_DAY, rules=rules)
    assert _notes(assessment) == [
        "Funeral costs IDR 10,000,000; under the IDR 3,000,000 reading of Funeral cost (death from a work accident) "
        "(PP 44/2015 uji): IDR 3,000,000.",
        "Periodic benefit (paid at once) IDR 12,000,000; under the IDR 4,800,000 reading of JKK periodic benefit "
        "(paid as a lump sum) (PP 44/2015 uji): IDR 4,800,000.",
    ]


def test_total_disability_notes_a_contested_periodic_benefit(contested_book: RuleBook) -> None:
    """The periodic benefit paid with total disability: its other reading is noted, before the scholarship notes."""
    rules = rules_on(VOTING_DAY, rule_book=contested_book)
    assessment = jkk_total_disability(WAGE, on=VOTING_DAY, rules=rules, children=[Child(EducationLevel.SMA)])
    assert _notes(assessment) == [
        "Periodic benefit (paid at once) IDR 12,000,000; under the IDR 4,800,000 reading of JKK periodic benefit "
        "(paid as a lump sum) (PP 44/2015 uji): IDR 4,800,000.",
        "Child 1's age is unknown; the age limit was not checked.",
    ]


def test_a_contested_santunan_is_noted_next_to_the_missing_funeral_aid(contested_book: RuleBook) -> None:
    """A Pemilu 2019 death: no funeral aid that year, the other reading of the amount, and who pays, all noted."""
    rules = rules_on(PEMILU_2019_DEATH, rule_book=contested_book)
    assessment = santunan(SantunanEvent.DEATH, on=PEMILU_2019_DEATH, rules=rules)
    assert _notes(assessment) == [
        "No funeral aid is in the rule book for this date.",
        "Death compensation (KPU/Bawaslu) IDR 36,000,000; under the IDR 30,800,000 reading of Death compensation "
        "(KPU/Bawaslu) (PP 44/2015 uji): IDR 30,800,000.",
        "Paid by KPU/Bawaslu from the state budget, separate from and on top of BPJS benefits.",
    ]


def test_a_line_cites_every_rule_value_it_rests_on(contested_book: RuleBook) -> None:
    """Home care rests on the cost cap and the month limit: when they are cited to different articles, both are cited."""
    rules = rules_on(VOTING_DAY, rule_book=contested_book)
    line = jkk_home_care(Rupiah(1_000_000), 3, on=VOTING_DAY, rules=rules).lines[0]
    assert [c.label for c in line.citations] == [
        "PP 82/2019 Lampiran III huruf A angka 1 huruf m",
        "PP 82/2019 Lampiran III huruf A angka 1 huruf m (jangka waktu)",
    ]


# --------------------------------------------------------------------------- the rounding rule in force


def test_stmb_rounds_each_tier_by_the_rounding_rule_in_force() -> None:
    """PP 44/2015: 75 % of Rp1.000.001 is Rp750.000,75: half up gives Rp750.001; a round-down rule gives Rp750.000."""
    wage = Rupiah(1_000_001)
    shipped = jkk_temporary_incapacity(wage, 7, on=DAY_BEFORE_PP82)
    assert [line.amount for line in shipped.lines] == [Rupiah(6_000_006), Rupiah(750_001)]
    rounded_down = jkk_temporary_incapacity(wage, 7, on=DAY_BEFORE_PP82, rules=rules_on(DAY_BEFORE_PP82, reform=ROUND_DOWN))
    assert [line.amount for line in rounded_down.lines] == [Rupiah(6_000_006), Rupiah(750_000)]
    assert rounded_down.receipt.reforms == ("bulatkan ke bawah",)


def test_partial_disability_rounds_by_the_rounding_rule_in_force() -> None:
    """A doctor's 3,33 % × 80 × Rp1.000.001 = Rp2.664.002,664: half up Rp2.664.003, rounded down Rp2.664.002."""
    impairment = [Impairment(percent=Decimal("0.0333"))]
    wage = Rupiah(1_000_001)
    assert jkk_partial_disability(wage, impairment, on=VOTING_DAY).total == Rupiah(2_664_003)
    rules = rules_on(VOTING_DAY, reform=ROUND_DOWN)
    assert jkk_partial_disability(wage, impairment, on=VOTING_DAY, rules=rules).total == Rupiah(2_664_002)


def test_partial_disability_with_function_loss_rounds_the_exact_product_once() -> None:
    """Half the function of one eye on Rp1.000.001: 50 % × 35 % × 80 × wage = Rp14.000.014 exactly (no double rounding)."""
    impairment = [Impairment(item="one_eye", function_loss=Decimal("0.5"))]
    assert jkk_partial_disability(Rupiah(1_000_001), impairment, on=VOTING_DAY).total == Rupiah(14_000_014)
    odd = [Impairment(item="one_eye", function_loss=Decimal("0.3"))]  # 0,3 × 0,35 × 80 × 1.000.001 = 8.400.008,4
    assert jkk_partial_disability(Rupiah(1_000_001), odd, on=VOTING_DAY).total == Rupiah(8_400_008)


# --------------------------------------------------------------------------- what-if rules are the ones priced


@pytest.mark.parametrize(
    ("reform", "make", "amount"),
    [
        (
            Reform("STMB 100% 18 bulan", {"jkk.stmb.schedule": [{"months": 18, "rate": "1"}, {"rate": "0.5"}]}),
            lambda rules: jkk_temporary_incapacity(WAGE, 14, on=VOTING_DAY, rules=rules),
            14_000_000,
        ),
        (
            Reform("pengali 100", {"jkk.partial_disability.wage_multiplier": 100}),
            lambda rules: jkk_partial_disability(WAGE, [Impairment(item="one_eye")], on=VOTING_DAY, rules=rules),
            35_000_000,
        ),
        (
            Reform("batas darat 6 jt", {"jkk.transport.land": 6_000_000}),
            lambda rules: jkk_transport({TransportMode.LAND: Rupiah(7_000_000)}, on=VOTING_DAY, rules=rules),
            6_000_000,
        ),
        (
            Reform("homecare 25 jt", {"jkk.home_care.cap": 25_000_000}),
            lambda rules: jkk_home_care(Rupiah(30_000_000), 3, on=VOTING_DAY, rules=rules),
            25_000_000,
        ),
        (
            Reform("santunan luka sedang 10 jt", {"santunan.moderate_injury": 10_000_000}),
            lambda rules: santunan(SantunanEvent.MODERATE_INJURY, on=VOTING_DAY, rules=rules),
            10_000_000,
        ),
        (
            Reform("pemakaman JKK 15 jt", {"jkk.funeral": 15_000_000}),
            lambda rules: jkk_death(WAGE, on=VOTING_DAY, rules=rules),
            48_000_000 + 15_000_000 + 12_000_000,
        ),
    ],
)
def test_a_what_if_snapshot_is_the_one_priced(
    reform: Reform, make: Callable[[object], BenefitAssessment], amount: int
) -> None:
    """A what-if passed as ``rules`` changes the amount as the reform says, and the receipt names the reform."""
    assessment = make(rules_on(VOTING_DAY, reform=reform))
    assert assessment.total == Rupiah(amount)
    assert assessment.receipt.reforms == (reform.label,)


def test_medical_care_prices_the_claim_window_of_the_snapshot_given() -> None:
    """A what-if claim window of 10 years is the one medical care cites, and the receipt names the reform."""
    reform = Reform("daluwarsa 10 tahun", {"jkk.claim_expiry_years": 10})
    assessment = jkk_medical_care(on=VOTING_DAY, rules=rules_on(VOTING_DAY, reform=reform))
    assert assessment.receipt.reforms == ("daluwarsa 10 tahun",)
    assert [(v.name, v.integer) for v in assessment.receipt.values] == [("jkk.claim_expiry_years", 10)]
