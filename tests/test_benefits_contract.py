"""The output contract of benefit assessments, and the errors their calculators raise.

Rules stated here:

* an assessment's plain data (``to_dict``), flat records (``records``) and text (``render``) in
  Bahasa Indonesia and English: the keys and values, the title line with the date of the event,
  each line with its formula and citation, the total, the notes and the receipt last;
* ``amount(key)`` returns the amount of exactly that line;
* every calculator refuses bad input with the library's own error, naming the argument and the
  value (money is a ``Rupiah``, months are whole numbers, shares are fractions above 0 and at
  most 1), and refuses a snapshot of another date naming the calculation it was asked for.

Amounts come from the shipped rule data (PP 44/2015, PP 82/2019, Surat Menteri Keuangan
S-647/MK.02/2022); each test names its rule.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest

from jamsos_pemilu import Rupiah, rules_on
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
from jamsos_pemilu.exceptions import CalculationError, FloatMoneyError, InputError, UnknownCodeError
from jamsos_pemilu.roles import Body

VOTING_DAY = dt.date(2024, 2, 14)
"""Pemilu 2024 voting day: PP 82/2019 amounts and the S-647/MK.02/2022 santunan are in force."""
DAY_BEFORE_PP82 = dt.date(2019, 12, 1)
"""The last day of the PP 44/2015 amounts (PP 82/2019 applies from 2 December 2019)."""
WAGE = Rupiah(1_000_000)


# --------------------------------------------------------------------------- plain data and records


def test_plain_data_of_an_assessment_has_exactly_its_documented_keys() -> None:
    """``to_dict`` gives kind, title (both languages), date, lines, total, notes and receipt, nothing else."""
    assessment = santunan(SantunanEvent.MODERATE_INJURY, on=VOTING_DAY, body=Body.BAWASLU)
    data = assessment.to_dict()
    assert list(data) == ["kind", "title", "on", "lines", "total", "notes", "receipt"]
    assert data["kind"] == "santunan"
    assert data["title"] == {"id": "Santunan Bawaslu (luka sedang)", "en": "Bawaslu compensation (moderate injury)"}
    assert data["on"] == "2024-02-14"
    assert data["lines"] == [line.to_dict() for line in assessment.lines]
    assert data["total"] == 8_250_000
    assert data["notes"] == [
        {
            "id": "Dibayar oleh KPU/Bawaslu dari APBN, terpisah dari dan di samping manfaat BPJS.",
            "en": "Paid by KPU/Bawaslu from the state budget, separate from and on top of BPJS benefits.",
        }
    ]
    assert data["receipt"] == assessment.receipt.to_dict()


def test_a_flat_amount_line_states_its_rule_value_as_formula_citation_and_parameter() -> None:
    """A line that is one rule value (S-647/MK.02/2022 santunan luka sedang) shows that value, its citation and name."""
    line = santunan(SantunanEvent.MODERATE_INJURY, on=VOTING_DAY).lines[0].to_dict()
    assert line["key"] == "santunan.moderate_injury"
    assert line["label"] == {
        "id": "Santunan luka sedang (KPU/Bawaslu)",
        "en": "Moderate injury compensation (KPU/Bawaslu)",
    }
    assert line["amount"] == 8_250_000
    assert line["formula"] == {"id": "Rp8.250.000", "en": "IDR 8,250,000", "args": [8_250_000]}
    assert line["citations"] == [rules_on(VOTING_DAY)["santunan.moderate_injury"].citation.to_dict()]
    assert line["parameters"] == ["santunan.moderate_injury"]


def test_jkm_flat_lines_state_the_pp82_2019_article_of_each_amount() -> None:
    """PP 82/2019 Pasal 34(1) huruf a–c: the lump sum, the periodic benefit and the funeral cost, each cited."""
    assessment = jkm_death(on=VOTING_DAY)
    rows = [
        (line.key, line.label.en, line.formula.render("id"), [c.label for c in line.citations], line.parameters)
        for line in assessment.lines
    ]
    assert rows == [
        ("jkm.lump_sum", "Lump-sum death benefit", "Rp20.000.000", ["PP 82/2019 Pasal 34 ayat (1) huruf a"], ("jkm.lump_sum",)),
        (
            "jkm.periodic_benefit",
            "Periodic benefit (paid at once)",
            "Rp12.000.000",
            ["PP 82/2019 Pasal 34 ayat (1) huruf b"],
            ("jkm.periodic_benefit",),
        ),
        ("jkm.funeral", "Funeral costs", "Rp10.000.000", ["PP 82/2019 Pasal 34 ayat (1) huruf c"], ("jkm.funeral",)),
    ]
    assert [line.label.id for line in assessment.lines] == [
        "Santunan kematian sekaligus",
        "Santunan berkala (dibayar sekaligus)",
        "Biaya pemakaman",
    ]
    assert assessment.title.en == "Death benefit (JKM)" and assessment.title.id == "Jaminan Kematian (JKM)"


def test_records_are_one_flat_row_per_line_with_kind_and_date() -> None:
    """``records`` gives one row per line carrying the kind and the event date, ready for a DataFrame."""
    records = jkk_death(Rupiah(1_100_000), on=VOTING_DAY).records()
    assert [(r["kind"], r["on"], r["key"], r["amount"]) for r in records] == [
        ("jkk_death", "2024-02-14", "jkk.death", 52_800_000),
        ("jkk_death", "2024-02-14", "jkk.funeral", 10_000_000),
        ("jkk_death", "2024-02-14", "jkk.periodic_benefit", 12_000_000),
    ]
    assert records[1]["label_en"] == "Funeral costs"
    assert records[1]["formula_en"] == "IDR 10,000,000"


@pytest.mark.parametrize(
    ("make", "kind"),
    [
        (lambda: jkm_death(on=VOTING_DAY), "jkm_death"),
        (lambda: jkk_death(WAGE, on=VOTING_DAY), "jkk_death"),
        (lambda: jkk_total_disability(WAGE, on=VOTING_DAY), "jkk_total_disability"),
        (lambda: jkk_partial_disability(WAGE, [Impairment(item="one_eye")], on=VOTING_DAY), "jkk_partial_disability"),
        (lambda: jkk_temporary_incapacity(WAGE, 3, on=VOTING_DAY), "jkk_temporary_incapacity"),
        (lambda: jkk_transport({TransportMode.AIR: WAGE}, on=VOTING_DAY), "jkk_transport"),
        (lambda: jkk_home_care(WAGE, 2, on=VOTING_DAY), "jkk_home_care"),
        (lambda: jkk_medical_care(on=VOTING_DAY), "jkk_medical"),
        (lambda: santunan(SantunanEvent.SERIOUS_INJURY, on=VOTING_DAY), "santunan"),
    ],
)
def test_every_calculator_names_its_kind_and_the_date_whose_rules_apply(
    make: Callable[[], BenefitAssessment], kind: str
) -> None:
    """Each assessment says what it is (``kind``) and carries the event date, in its data, records and receipt."""
    assessment = make()
    assert assessment.kind == kind
    assert assessment.on == VOTING_DAY
    assert assessment.to_dict()["kind"] == kind
    assert all(record["kind"] == kind and record["on"] == "2024-02-14" for record in assessment.records())
    assert len(assessment.records()) == len(assessment.lines) >= 1
    assert assessment.receipt.on == VOTING_DAY
    assert assessment.receipt.values, "the receipt lists the rule values used"


# --------------------------------------------------------------------------- text


def test_the_text_is_title_and_date_then_lines_total_notes_and_receipt_in_indonesian() -> None:
    """The Indonesian text: title — date, each line with formula and citation, "Jumlah", notes, then the receipt."""
    assessment = santunan(SantunanEvent.MODERATE_INJURY, on=VOTING_DAY, body=Body.BAWASLU)
    text = assessment.render("id")
    rows = text.splitlines()
    assert rows[:6] == [
        "Santunan Bawaslu (luka sedang) — 14 Februari 2024",
        "  Santunan luka sedang (KPU/Bawaslu): Rp8.250.000",
        "      = Rp8.250.000",
        "      [Surat Menteri Keuangan S-647/MK.02/2022 Lampiran (SBML), santunan badan ad hoc]",
        "  Jumlah: Rp8.250.000",
        "  * Dibayar oleh KPU/Bawaslu dari APBN, terpisah dari dan di samping manfaat BPJS.",
    ]
    assert text.endswith("\n" + assessment.receipt.render("id"))


def test_the_text_is_title_and_date_then_lines_total_notes_and_receipt_in_english() -> None:
    """The English text: the same structure with English words, English dates and IDR amounts."""
    assessment = santunan(SantunanEvent.DEATH, on=dt.date(2019, 4, 20))
    text = assessment.render("en")
    rows = text.splitlines()
    assert rows[:7] == [
        "KPU compensation (death) — April 20, 2019",
        "  Death compensation (KPU/Bawaslu): IDR 36,000,000",
        "      = IDR 36,000,000",
        "      [Surat Menteri Keuangan S-316/MK.02/2019 santunan badan ad hoc Pemilu 2019]",
        "  Total: IDR 36,000,000",
        "  * No funeral aid is in the rule book for this date.",
        "  * Paid by KPU/Bawaslu from the state budget, separate from and on top of BPJS benefits.",
    ]
    assert text.endswith("\n" + assessment.receipt.render("en"))


def test_medical_care_reads_as_paid_as_needed_in_both_languages() -> None:
    """PP 44/2015 Pasal 25(2)(a): care as medically needed, no cap; the text never shows a Rp0 total for it."""
    assessment = jkk_medical_care(on=VOTING_DAY)
    line = assessment.lines[0]
    assert [line.key for line in assessment.lines] == ["jkk.medical"]
    assert line.amount is None
    assert line.formula.render("id") == "sesuai kebutuhan medis, tanpa batas nominal"
    assert line.formula.render("en") == "as medically needed, no monetary cap"
    assert line.note is not None
    assert line.note.id == "PP 44/2015 Pasal 25 ayat (2) huruf a; rawat inap kelas I."
    assert line.note.en == "PP 44/2015 Pasal 25(2)(a); first-class inpatient care."
    assert (line.label.id, line.label.en) == ("Pelayanan kesehatan", "Medical care")
    assert (assessment.title.id, assessment.title.en) == (
        "Jaminan Kecelakaan Kerja: pelayanan kesehatan",
        "JKK: medical care",
    )
    english = assessment.render("en").splitlines()
    assert english[:6] == [
        "JKK: medical care — February 14, 2024",
        "  Medical care: no monetary cap",
        "      = as medically needed, no monetary cap",
        "      [PP 82/2019 Pasal 26]",
        "      (PP 44/2015 Pasal 25(2)(a); first-class inpatient care.)",
        "  Total: Medical care (as medically needed, no monetary cap)",
    ]
    assert "Rp0" not in assessment.render("id")
    # The total counts amounts only: care paid as needed adds nothing to it.
    assert assessment.total == Rupiah.zero()
    assert assessment.to_dict()["total"] == 0


def test_medical_care_cites_the_claim_window_of_the_accident_date() -> None:
    """The medical-care line rests on the JKK claim window (PP 82/2019 Pasal 26: 5 years), shown in its receipt."""
    assessment = jkk_medical_care(on=VOTING_DAY)
    assert assessment.lines[0].parameters == ("jkk.claim_expiry_years",)
    assert [c.label for c in assessment.lines[0].citations] == ["PP 82/2019 Pasal 26"]
    assert [(v.name, v.integer) for v in assessment.receipt.values] == [("jkk.claim_expiry_years", 5)]
    before = jkk_medical_care(on=DAY_BEFORE_PP82)
    assert [c.label for c in before.lines[0].citations] == ["PP 44/2015 Pasal 26"]
    assert [(v.name, v.integer) for v in before.receipt.values] == [("jkk.claim_expiry_years", 2)]


@pytest.mark.parametrize(
    ("body", "event", "indonesian", "english"),
    [
        (Body.KPU, SantunanEvent.DEATH, "Santunan KPU (meninggal dunia)", "KPU compensation (death)"),
        (Body.BAWASLU, SantunanEvent.DEATH, "Santunan Bawaslu (meninggal dunia)", "Bawaslu compensation (death)"),
        (
            Body.KPU,
            SantunanEvent.PERMANENT_DISABILITY,
            "Santunan KPU (cacat permanen)",
            "KPU compensation (permanent disability)",
        ),
        (Body.BAWASLU, SantunanEvent.SERIOUS_INJURY, "Santunan Bawaslu (luka berat)", "Bawaslu compensation (serious injury)"),
        (Body.KPU, SantunanEvent.MODERATE_INJURY, "Santunan KPU (luka sedang)", "KPU compensation (moderate injury)"),
    ],
)
def test_the_santunan_title_names_the_paying_body_and_the_event(
    body: Body, event: SantunanEvent, indonesian: str, english: str
) -> None:
    """The santunan is paid by the body the officer served (KPU or Bawaslu): the title names it and the event."""
    assessment = santunan(event, on=VOTING_DAY, body=body)
    assert assessment.title.id == indonesian
    assert assessment.title.en == english
    assert assessment.render("id").splitlines()[0] == f"{indonesian} — 14 Februari 2024"
    assert assessment.render("en").splitlines()[0] == f"{english} — February 14, 2024"


@pytest.mark.parametrize(
    ("event", "amount"),
    [
        (SantunanEvent.PERMANENT_DISABILITY, 30_800_000),
        (SantunanEvent.SERIOUS_INJURY, 16_500_000),
        (SantunanEvent.MODERATE_INJURY, 8_250_000),
    ],
)
def test_only_a_death_adds_funeral_aid_to_the_santunan(event: SantunanEvent, amount: int) -> None:
    """S-647/MK.02/2022: the funeral aid of Rp10.000.000 is paid on a death only; injuries pay their one amount."""
    assessment = santunan(event, on=VOTING_DAY)
    assert [line.key for line in assessment.lines] == [f"santunan.{event.value}"]
    assert assessment.total == Rupiah(amount)
    assert [note.en for note in assessment.notes] == [
        "Paid by KPU/Bawaslu from the state budget, separate from and on top of BPJS benefits."
    ]


def test_a_2024_death_santunan_is_the_death_amount_plus_funeral_aid() -> None:
    """S-647/MK.02/2022: Rp36.000.000 for the death and Rp10.000.000 funeral aid, as two lines."""
    assessment = santunan(SantunanEvent.DEATH, on=VOTING_DAY)
    assert [(line.key, line.amount) for line in assessment.lines] == [
        ("santunan.death", Rupiah(36_000_000)),
        ("santunan.funeral", Rupiah(10_000_000)),
    ]
    assert assessment.lines[1].label.en == "Funeral aid (KPU/Bawaslu)"


def test_a_pemilu_2019_death_santunan_has_no_funeral_aid_and_says_so() -> None:
    """S-316/MK.02/2019 paid Rp36.000.000 for a death and no funeral aid: the assessment says the aid is absent."""
    assessment = santunan(SantunanEvent.DEATH, on=dt.date(2019, 4, 20), body=Body.BAWASLU)
    assert [(line.key, line.amount) for line in assessment.lines] == [("santunan.death", Rupiah(36_000_000))]
    assert [note.id for note in assessment.notes] == [
        "Bantuan biaya pemakaman belum ada dalam aturan pada tanggal ini.",
        "Dibayar oleh KPU/Bawaslu dari APBN, terpisah dari dan di samping manfaat BPJS.",
    ]


@pytest.mark.parametrize(
    ("day", "paid"),
    [
        (dt.date(2019, 12, 31), True),
        (dt.date(2020, 1, 1), False),
        (dt.date(2022, 8, 4), False),
        (dt.date(2022, 8, 5), True),
    ],
)
def test_the_santunan_is_paid_only_while_a_finance_ministry_letter_is_in_force(day: dt.date, paid: bool) -> None:
    """S-316/MK.02/2019 covers events to 31 Dec 2019 and S-647/MK.02/2022 from 5 Aug 2022; between them none is known."""
    if paid:
        assert santunan(SantunanEvent.SERIOUS_INJURY, on=day).total == Rupiah(16_500_000)
    else:
        with pytest.raises(LookupError, match=r"santunan\.serious_injury"):
            santunan(SantunanEvent.SERIOUS_INJURY, on=day)


# --------------------------------------------------------------------------- looking up one line


def test_amount_returns_the_line_asked_for_and_not_another() -> None:
    """``amount(key)`` gives that line's amount: the funeral cost is not the lump sum listed before it."""
    assessment = jkm_death(on=VOTING_DAY)
    assert assessment.amount("jkm.funeral") == Rupiah(10_000_000)
    assert assessment.amount("jkm.periodic_benefit") == Rupiah(12_000_000)
    assert assessment.amount("jkm.lump_sum") == Rupiah(20_000_000)
    with pytest.raises(KeyError) as missing:
        assessment.amount("jkm.nothing")
    assert missing.value.args == ("jkm.nothing",)


# --------------------------------------------------------------------------- formulas


def test_jkk_death_formula_reads_as_the_larger_of_48_wages_and_the_minimum() -> None:
    """PP 82/2019: 48 × wage, at least the Rp20.000.000 minimum; the formula says so in both languages."""
    line = jkk_death(Rupiah(1_100_000), on=VOTING_DAY).lines[0]
    assert line.formula.render("id") == "maks(48 × Rp1.100.000; paling sedikit Rp20.000.000)"
    assert line.formula.render("en") == "max(48 × IDR 1,100,000; at least IDR 20,000,000)"
    assert line.parameters == ("jkk.death.wage_multiplier", "jkk.death.floor")
    assert [c.label for c in line.citations] == ["PP 82/2019 Lampiran III"]
    assert (line.label.id, line.label.en) == ("Santunan kematian kecelakaan kerja", "Work-accident death benefit")


def test_jkk_death_before_pp82_2019_is_48_wages_with_no_known_minimum() -> None:
    """Under PP 44/2015 no minimum is known: the line is 48 × wage and a note says the minimum is unknown."""
    assessment = jkk_death(Rupiah(300_000), on=DAY_BEFORE_PP82)
    line = assessment.lines[0]
    assert line.formula.render("id") == "48 × Rp300.000"
    assert line.formula.render("en") == "48 × IDR 300,000"
    assert line.parameters == ("jkk.death.wage_multiplier",)
    assert [note.en for note in assessment.notes] == ["No JKK death-benefit floor is known for this date."]
    assert [note.id for note in assessment.notes] == [
        "Batas minimum santunan kematian JKK untuk tanggal ini tidak diketahui."
    ]
    assert [(line.key, line.amount) for line in assessment.lines] == [
        ("jkk.death", Rupiah(14_400_000)),
        ("jkk.funeral", Rupiah(3_000_000)),
        ("jkk.periodic_benefit", Rupiah(4_800_000)),
    ]
    assert (assessment.title.id, assessment.title.en) == (
        "Jaminan Kecelakaan Kerja: meninggal dunia",
        "Work-accident insurance (JKK): death",
    )


def test_total_disability_formula_is_56_wages() -> None:
    """Total permanent disability: 56 × the monthly wage (70 % × 80), cited to Lampiran III."""
    assessment = jkk_total_disability(WAGE, on=VOTING_DAY)
    line = assessment.lines[0]
    assert line.formula.render("id") == "56 × Rp1.000.000"
    assert line.formula.render("en") == "56 × IDR 1,000,000"
    assert line.formula.to_dict()["args"] == [56, 1_000_000]
    assert [c.label for c in line.citations] == ["PP 82/2019 Lampiran III"]
    assert line.parameters == ("jkk.total_disability.wage_multiplier",)
    assert (line.label.id, line.label.en) == ("Santunan cacat total tetap", "Total permanent disability")
    assert assessment.lines[1].formula.render("en") == "IDR 12,000,000"
    assert assessment.lines[1].parameters == ("jkk.periodic_benefit",)
    assert (assessment.title.id, assessment.title.en) == (
        "Jaminan Kecelakaan Kerja: cacat total tetap",
        "JKK: total permanent disability",
    )


def test_partial_disability_formula_shows_the_table_share_the_multiplier_and_the_wage() -> None:
    """Lampiran III: the table percentage × 80 × wage; one eye (35 %) is cited to its row and the multiplier."""
    assessment = jkk_partial_disability(WAGE, [Impairment(item="one_eye")], on=VOTING_DAY)
    line = assessment.lines[0]
    assert line.formula.render("id") == "35% × 80 × Rp1.000.000"
    assert line.formula.render("en") == "35% × 80 × IDR 1,000,000"
    assert line.parameters == ("jkk.partial_disability.wage_multiplier", "jkk.disability.one_eye")
    assert line.label.en == "Disability percentage: Vision, one eye, or diplopia at near vision"
    assert line.amount == Rupiah(28_000_000)


def test_partial_disability_with_function_loss_shows_the_share_of_function_lost_first() -> None:
    """Loss of function (*cacat sebagian fungsi*): share lost × table percentage × 80 × wage."""
    impairment = Impairment(item="one_eye", function_loss=Decimal("0.5"))
    line = jkk_partial_disability(WAGE, [impairment], on=VOTING_DAY).lines[0]
    assert line.formula.render("id") == "50% × 35% × 80 × Rp1.000.000"
    assert line.formula.render("en") == "50% × 35% × 80 × IDR 1,000,000"
    assert line.formula.to_dict()["args"] == ["0.5", "0.35", 80, 1_000_000]
    assert line.amount == Rupiah(14_000_000)


def test_a_doctors_percentage_is_labelled_as_such_and_cites_only_the_multiplier() -> None:
    """A percentage set by the examining doctor (no table row) is × 80 × wage, labelled as the doctor's."""
    impairment = Impairment(percent=Decimal("0.10"), function_loss=Decimal("0.5"))
    assessment = jkk_partial_disability(Rupiah(2_000_000), [Impairment(percent=Decimal("0.10")), impairment], on=VOTING_DAY)
    first, second = assessment.lines
    assert (first.key, second.key) == ("jkk.partial_disability.1", "jkk.partial_disability.2")
    assert first.label.id == "Cacat sebagian (persentase dokter penasehat)"
    assert first.label.en == "Partial disability (examining doctor's percentage)"
    assert first.formula.render("en") == "10% × 80 × IDR 2,000,000"
    assert first.parameters == ("jkk.partial_disability.wage_multiplier",)
    assert first.amount == Rupiah(16_000_000)
    assert second.formula.render("id") == "50% × 10% × 80 × Rp2.000.000"
    assert second.amount == Rupiah(8_000_000)
    assert assessment.total == Rupiah(24_000_000)


def test_several_impairments_are_each_paid_on_their_own_and_the_assessment_says_so() -> None:
    """No rule for combining impairments was found: each is paid alone, and a note says so in both languages."""
    impairments = [Impairment(item="one_eye"), Impairment(item="hearing_loss_one_ear")]
    assessment = jkk_partial_disability(WAGE, impairments, on=VOTING_DAY)
    assert [(line.key, line.amount) for line in assessment.lines] == [
        ("jkk.partial_disability.1", Rupiah(28_000_000)),
        ("jkk.partial_disability.2", Rupiah(16_000_000)),
    ]
    assert [(note.id, note.en) for note in assessment.notes] == [
        (
            "Aturan penggabungan beberapa cacat tidak ditemukan; tiap cacat dihitung sendiri.",
            "No rule for combining several impairments was found; each is paid on its own.",
        )
    ]
    assert (assessment.title.id, assessment.title.en) == (
        "Jaminan Kecelakaan Kerja: cacat sebagian",
        "JKK: partial disability",
    )


def test_stmb_lines_name_the_months_they_pay_and_the_share_of_wage() -> None:
    """PP 44/2015 (before PP 82/2019): months 1–6 at 100 %, 7–12 at 75 %, then 50 %; each line says which months."""
    assessment = jkk_temporary_incapacity(WAGE, 14, on=DAY_BEFORE_PP82)
    assert [line.key for line in assessment.lines] == ["jkk.stmb.1-6", "jkk.stmb.7-12", "jkk.stmb.13-14"]
    assert [line.label.id for line in assessment.lines] == [
        "STMB bulan ke-1 s.d. 6",
        "STMB bulan ke-7 s.d. 12",
        "STMB bulan ke-13 s.d. 14",
    ]
    assert [line.label.en for line in assessment.lines] == [
        "Temporary incapacity pay, months 1–6",
        "Temporary incapacity pay, months 7–12",
        "Temporary incapacity pay, months 13–14",
    ]
    assert [line.formula.render("id") for line in assessment.lines] == [
        "100% × Rp1.000.000 × 6 bulan",
        "75% × Rp1.000.000 × 6 bulan",
        "50% × Rp1.000.000 × 2 bulan",
    ]
    assert [line.formula.render("en") for line in assessment.lines] == [
        "100% × IDR 1,000,000 × 6 months",
        "75% × IDR 1,000,000 × 6 months",
        "50% × IDR 1,000,000 × 2 months",
    ]
    assert [line.amount for line in assessment.lines] == [Rupiah(6_000_000), Rupiah(4_500_000), Rupiah(1_000_000)]
    assert all(line.parameters == ("jkk.stmb.schedule",) for line in assessment.lines)
    assert all([c.label for c in line.citations] == ["PP 44/2015 Lampiran III"] for line in assessment.lines)
    assert (assessment.title.id, assessment.title.en) == (
        "Jaminan Kecelakaan Kerja: sementara tidak mampu bekerja",
        "JKK: temporary incapacity (STMB)",
    )


@pytest.mark.parametrize(
    ("months", "keys"),
    [
        (1, ["jkk.stmb.1-1"]),
        (6, ["jkk.stmb.1-6"]),
        (7, ["jkk.stmb.1-6", "jkk.stmb.7-7"]),
        (12, ["jkk.stmb.1-6", "jkk.stmb.7-12"]),
        (13, ["jkk.stmb.1-6", "jkk.stmb.7-12", "jkk.stmb.13-13"]),
    ],
)
def test_stmb_tiers_of_pp44_2015_on_both_sides_of_each_six_month_step(months: int, keys: list[str]) -> None:
    """PP 44/2015: a tier of 6 months ends at month 6 and month 12; the next month opens the next tier."""
    assert [line.key for line in jkk_temporary_incapacity(WAGE, months, on=DAY_BEFORE_PP82).lines] == keys


def test_no_month_of_incapacity_has_no_line() -> None:
    """Zero months unable to work: no STMB line and a total of Rp0."""
    assessment = jkk_temporary_incapacity(WAGE, 0, on=VOTING_DAY)
    assert assessment.lines == ()
    assert assessment.total == Rupiah.zero()


def test_transport_lines_show_the_cost_against_the_cap_of_each_mode() -> None:
    """PP 82/2019 Lampiran III: land up to Rp5.000.000, sea Rp2.000.000, air Rp10.000.000; each line says min(cost; cap)."""
    costs = {TransportMode.LAND: Rupiah(6_000_000), TransportMode.SEA: Rupiah(1_500_000), TransportMode.AIR: Rupiah(12_000_000)}
    assessment = jkk_transport(costs, on=VOTING_DAY)
    assert [(line.key, line.amount) for line in assessment.lines] == [
        ("jkk.transport.land", Rupiah(5_000_000)),
        ("jkk.transport.sea", Rupiah(1_500_000)),
        ("jkk.transport.air", Rupiah(10_000_000)),
    ]
    land = assessment.lines[0]
    assert land.formula.render("id") == "min(Rp6.000.000; batas Rp5.000.000)"
    assert land.formula.render("en") == "min(IDR 6,000,000; cap IDR 5,000,000)"
    assert land.label.en == "Transport (Transport reimbursement cap, land / river / lake)"
    assert land.parameters == ("jkk.transport.land",)
    assert [c.label for c in land.citations] == ["PP 82/2019 Lampiran III huruf A angka 2 huruf a"]
    assert assessment.total == Rupiah(16_500_000)
    assert (assessment.title.id, assessment.title.en) == (
        "Jaminan Kecelakaan Kerja: biaya transportasi",
        "JKK: transport costs",
    )


def test_a_transport_mode_that_cost_nothing_is_reimbursed_nothing() -> None:
    """A cost of Rp0 (e.g. a free ambulance) is a valid claim: it is reimbursed Rp0, not refused."""
    assessment = jkk_transport({TransportMode.LAND: Rupiah(0)}, on=VOTING_DAY)
    assert assessment.amount("jkk.transport.land") == Rupiah(0)


def test_home_care_line_shows_the_cost_against_the_cap_and_cites_both_limits() -> None:
    """PP 82/2019 Lampiran III huruf A angka 1 huruf m: home care up to Rp20.000.000, for at most 12 months."""
    assessment = jkk_home_care(Rupiah(25_000_000), 6, on=VOTING_DAY)
    line = assessment.lines[0]
    assert (line.key, line.amount) == ("jkk.home_care", Rupiah(20_000_000))
    assert line.formula.render("id") == "min(Rp25.000.000; batas Rp20.000.000)"
    assert line.formula.render("en") == "min(IDR 25,000,000; cap IDR 20,000,000)"
    assert (line.label.id, line.label.en) == ("Perawatan di rumah (homecare)", "Home care")
    assert line.parameters == ("jkk.home_care.cap", "jkk.home_care.max_months")
    assert [c.label for c in line.citations] == ["PP 82/2019 Lampiran III huruf A angka 1 huruf m"]
    assert assessment.notes == ()
    assert (assessment.title.id, assessment.title.en) == (
        "Jaminan Kecelakaan Kerja: perawatan di rumah",
        "JKK: home care",
    )


def test_home_care_beyond_the_limit_says_how_long_it_is_covered() -> None:
    """PP 82/2019: at most 12 months of home care; 12 months need no note, a 13-month claim is told so in both languages."""
    assert jkk_home_care(Rupiah(1_000_000), 12, on=VOTING_DAY).notes == ()
    assessment = jkk_home_care(Rupiah(1_000_000), 13, on=VOTING_DAY)
    assert [(note.id, note.en) for note in assessment.notes] == [
        (
            "Perawatan di rumah paling lama 12 bulan; sisanya tidak ditanggung.",
            "Home care is covered for at most 12 months; the rest is not.",
        )
    ]
    assert assessment.render("en").splitlines()[-1 - len(assessment.receipt.render("en").splitlines())] == (
        "  * Home care is covered for at most 12 months; the rest is not."
    )


def test_home_care_costing_nothing_is_paid_nothing() -> None:
    """A home-care cost of Rp0 is valid (not negative) and pays Rp0."""
    assert jkk_home_care(Rupiah(0), 1, on=VOTING_DAY).total == Rupiah(0)


# --------------------------------------------------------------------------- the date whose law applies


@pytest.mark.parametrize(
    ("make", "what"),
    [
        (lambda rules: jkm_death(on=DAY_BEFORE_PP82, rules=rules), "a JKM death benefit"),
        (lambda rules: jkk_death(WAGE, on=DAY_BEFORE_PP82, rules=rules), "a JKK death benefit"),
        (lambda rules: jkk_total_disability(WAGE, on=DAY_BEFORE_PP82, rules=rules), "a JKK total-disability benefit"),
        (
            lambda rules: jkk_partial_disability(WAGE, [Impairment(percent=Decimal("0.1"))], on=DAY_BEFORE_PP82, rules=rules),
            "a JKK partial-disability benefit",
        ),
        (
            lambda rules: jkk_temporary_incapacity(WAGE, 1, on=DAY_BEFORE_PP82, rules=rules),
            "a JKK temporary-incapacity benefit",
        ),
        (lambda rules: jkk_transport({TransportMode.SEA: WAGE}, on=DAY_BEFORE_PP82, rules=rules), "a JKK transport benefit"),
        (lambda rules: jkk_home_care(WAGE, 1, on=DAY_BEFORE_PP82, rules=rules), "a JKK home-care benefit"),
        (lambda rules: jkk_medical_care(on=DAY_BEFORE_PP82, rules=rules), "JKK medical care"),
        (lambda rules: santunan(SantunanEvent.DEATH, on=DAY_BEFORE_PP82, rules=rules), "a santunan"),
    ],
)
def test_a_snapshot_of_another_date_is_refused_naming_the_benefit(
    make: Callable[[object], BenefitAssessment], what: str
) -> None:
    """The law of the event's date applies: a 2024 snapshot cannot price a 1 Dec 2019 event; the error names the benefit."""
    expected = f"^rules: a snapshot taken on 2024-02-14 was passed, but {what} applies the law of 2019-12-01;"
    with pytest.raises(InputError, match=expected):
        make(rules_on(VOTING_DAY))


@pytest.mark.parametrize(
    "make",
    [
        lambda on: jkm_death(on=on),
        lambda on: jkk_death(WAGE, on=on),
        lambda on: jkk_total_disability(WAGE, on=on),
        lambda on: jkk_partial_disability(WAGE, [Impairment(percent=Decimal("0.1"))], on=on),
        lambda on: jkk_temporary_incapacity(WAGE, 1, on=on),
        lambda on: jkk_transport({TransportMode.SEA: WAGE}, on=on),
        lambda on: jkk_home_care(WAGE, 1, on=on),
        lambda on: jkk_medical_care(on=on),
        lambda on: santunan(SantunanEvent.DEATH, on=on),
    ],
)
def test_every_calculator_refuses_a_date_that_is_not_a_date(make: Callable[[object], BenefitAssessment]) -> None:
    """The event date must be a ``datetime.date``; text is refused with an error naming ``on``."""
    with pytest.raises(InputError, match=r"^on: expected a datetime\.date, got str"):
        make("2024-02-14")


# --------------------------------------------------------------------------- bad input


def test_a_wage_that_is_not_rupiah_is_refused_naming_the_wage_and_the_value() -> None:
    """Money is a Rupiah: a plain int wage is refused, the error names the monthly wage and shows the value."""
    with pytest.raises(FloatMoneyError, match=r"^wage \(the monthly wage\): expected a Rupiah, got int 1100000;"):
        jkk_death(1_100_000, on=VOTING_DAY)  # type: ignore[arg-type]
    with pytest.raises(FloatMoneyError, match=r"^wage \(the monthly wage\): expected a Rupiah, got float 1000000\.0;"):
        jkk_total_disability(1_000_000.0, on=VOTING_DAY)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "calculate",
    [
        lambda wage: jkk_death(wage, on=VOTING_DAY),
        lambda wage: jkk_total_disability(wage, on=VOTING_DAY),
        lambda wage: jkk_partial_disability(wage, [Impairment(item="one_eye")], on=VOTING_DAY),
        lambda wage: jkk_temporary_incapacity(wage, 1, on=VOTING_DAY),
    ],
)
def test_a_wage_of_zero_is_refused_and_one_rupiah_is_accepted(calculate: Callable[[Rupiah], BenefitAssessment]) -> None:
    """Wage-based benefits need a positive monthly wage: Rp0 is refused (naming the value), Rp1 is priced."""
    with pytest.raises(CalculationError, match=r"^wage: the monthly wage must be positive, got 0 rupiah$"):
        calculate(Rupiah(0))
    assert calculate(Rupiah(1)).lines


def test_the_jkk_death_of_a_one_rupiah_wage_is_lifted_to_the_minimum() -> None:
    """PP 82/2019: 48 × Rp1 is lifted to the Rp20.000.000 minimum; total disability pays 56 × Rp1."""
    assert jkk_death(Rupiah(1), on=VOTING_DAY).amount("jkk.death") == Rupiah(20_000_000)
    assert jkk_total_disability(Rupiah(1), on=VOTING_DAY).amount("jkk.total_disability") == Rupiah(56)


@pytest.mark.parametrize(("months", "shown"), [(2.0, "2.0"), (True, "True"), ("3", "'3'"), (-1, "-1")])
def test_stmb_months_must_be_a_whole_number_from_zero(months: object, shown: str) -> None:
    """Months unable to work are a whole number from 0: a float, a bool, text or a negative number is refused."""
    with pytest.raises(CalculationError, match=rf"^months: expected a whole number of months from 0, got {shown}$"):
        jkk_temporary_incapacity(WAGE, months, on=VOTING_DAY)  # type: ignore[arg-type]


@pytest.mark.parametrize(("months", "shown"), [(0, "0"), (1.0, "1.0")])
def test_home_care_months_must_be_a_whole_number_from_one(months: object, shown: str) -> None:
    """Home care lasts at least one month: zero months or a float is refused, naming the argument and value."""
    with pytest.raises(CalculationError, match=rf"^months: expected a whole number of months from 1, got {shown}$"):
        jkk_home_care(WAGE, months, on=VOTING_DAY)  # type: ignore[arg-type]


def test_a_home_care_cost_must_be_rupiah_and_not_negative() -> None:
    """The home-care cost is money (a Rupiah) and cannot be negative; each error names the cost and the value."""
    with pytest.raises(FloatMoneyError, match=r"^cost \(the home-care cost\): expected a Rupiah, got float 1\.0;"):
        jkk_home_care(1.0, 1, on=VOTING_DAY)  # type: ignore[arg-type]
    with pytest.raises(CalculationError, match=r"^cost: the home-care cost must not be negative, got -1$"):
        jkk_home_care(Rupiah(-1), 1, on=VOTING_DAY)


def test_transport_costs_must_be_a_mapping_of_modes_to_rupiah() -> None:
    """Transport costs are given per mode: a list, an empty mapping, a mode as text, an int cost are each refused."""
    with pytest.raises(InputError, match=r"^costs: expected a mapping of TransportMode to Rupiah, got list$"):
        jkk_transport([(TransportMode.LAND, WAGE)], on=VOTING_DAY)  # type: ignore[arg-type]
    with pytest.raises(CalculationError, match=r"^costs: a transport claim needs the cost of at least one mode$"):
        jkk_transport({}, on=VOTING_DAY)
    with pytest.raises(InputError, match=r"^costs: transport mode must be a TransportMode, got 'land'$"):
        jkk_transport({"land": WAGE}, on=VOTING_DAY)  # type: ignore[dict-item]
    with pytest.raises(FloatMoneyError, match=r"^costs: the sea transport cost: expected a Rupiah, got int 5;"):
        jkk_transport({TransportMode.SEA: 5}, on=VOTING_DAY)  # type: ignore[dict-item]
    with pytest.raises(CalculationError, match=r"^costs: the air transport cost must not be negative, got -1$"):
        jkk_transport({TransportMode.AIR: Rupiah(-1)}, on=VOTING_DAY)


def test_impairments_must_be_a_non_empty_sequence_of_impairment() -> None:
    """Partial disability needs a sequence of at least one Impairment: a set, text, nothing or a plain name is refused."""
    with pytest.raises(InputError, match=r"^impairments: expected a sequence of Impairment, got set$"):
        jkk_partial_disability(WAGE, {Impairment(item="one_eye")}, on=VOTING_DAY)  # type: ignore[arg-type]
    with pytest.raises(InputError, match=r"^impairments: expected a sequence of Impairment, got str$"):
        jkk_partial_disability(WAGE, "one_eye", on=VOTING_DAY)  # type: ignore[arg-type]
    with pytest.raises(CalculationError, match=r"^impairments: a partial-disability assessment needs at least one impairment$"):
        jkk_partial_disability(WAGE, [], on=VOTING_DAY)
    with pytest.raises(InputError, match=r"^impairments: impairment 2 must be an Impairment, got 'one_eye'$"):
        jkk_partial_disability(WAGE, [Impairment(item="one_eye"), "one_eye"], on=VOTING_DAY)  # type: ignore[list-item]


def test_an_impairment_names_a_table_row_or_a_percentage_not_both() -> None:
    """An impairment is a row of the disability table or a doctor's percentage: both or neither is refused."""
    message = r"^an impairment names either a table item or a percent, not both or neither$"
    with pytest.raises(InputError, match=message):
        Impairment()
    with pytest.raises(InputError, match=message):
        Impairment(item="one_eye", percent=Decimal("0.35"))
    assert Impairment(item="one_eye").percent is None
    assert Impairment(percent=Decimal("0.35")).item is None


@pytest.mark.parametrize("field", ["percent", "function_loss"])
def test_impairment_shares_are_exact_fractions_above_zero_and_at_most_one(field: str) -> None:
    """A disability share is an exact Decimal in (0, 1]: 100 % is accepted; 0, more than 100 % and floats are refused."""
    base = {"percent": Decimal("0.5")} if field == "function_loss" else {}
    whole = Impairment(**base, **{field: Decimal(1)})  # type: ignore[arg-type]
    assert getattr(whole, field) == Decimal(1)
    for bad in (Decimal(0), Decimal("1.5"), Decimal("-0.1")):
        with pytest.raises(InputError, match=rf"^impairment {field} must be a fraction above 0 and at most 1, got {bad}$"):
            Impairment(**base, **{field: bad})  # type: ignore[arg-type]
    with pytest.raises(FloatMoneyError, match=rf"^impairment {field}: expected .*, got float 0\.35;"):
        Impairment(**base, **{field: 0.35})  # type: ignore[arg-type]


def test_a_function_loss_given_with_a_table_row_is_checked_too() -> None:
    """With a table row (no percent), the share of function lost is still checked: a float is refused."""
    with pytest.raises(FloatMoneyError, match=r"^impairment function_loss: "):
        Impairment(item="one_eye", function_loss=0.5)  # type: ignore[arg-type]
    with pytest.raises(InputError, match=r"^impairment function_loss must be a fraction"):
        Impairment(item="one_eye", function_loss=Decimal(2))


def test_a_whole_share_of_function_lost_pays_the_whole_table_percentage() -> None:
    """Losing all of a function (100 %) pays the same as the anatomical loss: 100 % × 35 % × 80 × wage."""
    whole = Impairment(item="one_eye", function_loss=Decimal(1))
    assert jkk_partial_disability(WAGE, [whole], on=VOTING_DAY).total == Rupiah(28_000_000)


def test_children_must_be_a_sequence_of_child() -> None:
    """Children are a sequence of Child: text or a set is refused naming the type; a non-Child names its position."""
    with pytest.raises(InputError, match=r"^children: expected a sequence of Child, got str \('SD'\)$"):
        jkk_death(WAGE, on=VOTING_DAY, children="SD")  # type: ignore[arg-type]
    with pytest.raises(InputError, match=r"^children: expected a sequence of Child, got set \("):
        jkk_total_disability(WAGE, on=VOTING_DAY, children={Child(EducationLevel.SD)})  # type: ignore[arg-type]
    with pytest.raises(InputError, match=r"^children: child 2 must be a Child, got str \('SMP'\)$"):
        jkm_death(on=VOTING_DAY, children=[Child(EducationLevel.SD), "SMP"])  # type: ignore[list-item]


def test_a_child_needs_an_education_level() -> None:
    """A child's level is an EducationLevel; text is refused naming the value (parse it with EducationLevel.parse)."""
    with pytest.raises(InputError, match=r"^a child's level must be an EducationLevel, got 'sd'$"):
        Child("sd")  # type: ignore[arg-type]
    assert Child(EducationLevel.parse("SD")).level is EducationLevel.SD


def test_codes_parse_by_value_and_unknown_codes_name_the_accepted_values() -> None:
    """Education levels and santunan events parse from their codes; an unknown code lists the accepted ones."""
    assert EducationLevel.parse("sma") is EducationLevel.SMA
    assert SantunanEvent.parse("serious_injury") is SantunanEvent.SERIOUS_INJURY
    with pytest.raises(UnknownCodeError, match=r"^unknown education level 'kuliah'; accepted values: tk, sd, smp, sma, pt$"):
        EducationLevel.parse("kuliah")
    with pytest.raises(
        UnknownCodeError,
        match=r"^unknown santunan event 'flu'; accepted values: death, permanent_disability, serious_injury, moderate_injury$",
    ):
        SantunanEvent.parse("flu")


def test_santunan_needs_an_event_and_a_body_not_text() -> None:
    """The santunan event and the paying body are codes of their own types; text is refused naming the argument."""
    with pytest.raises(InputError, match=r"^event: expected a SantunanEvent, got 'death'$"):
        santunan("death", on=VOTING_DAY)  # type: ignore[arg-type]
    with pytest.raises(InputError, match=r"^body: expected a Body, got 'KPU'$"):
        santunan(SantunanEvent.DEATH, on=VOTING_DAY, body="KPU")  # type: ignore[arg-type]


def test_a_membership_start_after_the_death_is_refused_but_the_same_day_is_accepted() -> None:
    """JKM membership must begin on or before the death: a start after it is refused, naming both dates."""
    with pytest.raises(InputError, match=r"^membership_start: 2024-02-15 is after the date of death 2024-02-14$"):
        jkm_death(on=VOTING_DAY, membership_start=dt.date(2024, 2, 15))
    same_day = jkm_death(on=VOTING_DAY, membership_start=VOTING_DAY, children=[Child(EducationLevel.SD)])
    assert same_day.total == Rupiah(42_000_000)  # 0 years of premiums: no scholarship (PP 82/2019 Pasal 34(1)(d))
    with pytest.raises(InputError, match=r"^membership_start: expected a datetime\.date, got str"):
        jkm_death(on=VOTING_DAY, membership_start="2021-02-14")  # type: ignore[arg-type]
