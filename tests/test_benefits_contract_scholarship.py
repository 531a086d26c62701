"""The children's scholarship (*beasiswa pendidikan anak*) of JKK and JKM, line by line.

Rules stated here:

* PP 44/2015 Pasal 25(3) (JKK) and Pasal 34(2) (JKM): before 2 December 2019 the scholarship is one
  lump sum of Rp12.000.000 per participant, whatever the number of children, and a note says so;
* PP 82/2019 Pasal 25(3) and Pasal 34(3), with the amounts of Permenaker 5/2021: from 2 December
  2019 it is paid per child, for at most 2 children, yearly by level from the child's level up to
  higher education (TK and SD are one band of at most 8 years), until the age limit of 23;
* a child over the age limit does not use up one of the two places; a child beyond the two places
  and a child over the age limit are each named in a note, and a child of unknown age is paid but
  flagged;
* each child's line shows the level it starts from, the yearly amounts and years of each band,
  cites the rule values it rests on and says when payment stops.
"""

from __future__ import annotations

import datetime as dt

import pytest

from jamsos_pemilu import Rupiah
from jamsos_pemilu.benefits import Child, EducationLevel, jkk_death, jkk_total_disability, jkm_death

VOTING_DAY = dt.date(2024, 2, 14)
PEMILU_2019_DEATH = dt.date(2019, 4, 20)
WAGE = Rupiah(1_000_000)
FULL_SD_TO_PT = 8 * 1_500_000 + 3 * 2_000_000 + 3 * 3_000_000 + 5 * 12_000_000
"""Permenaker 5/2021 amounts for one child from TK/SD to higher education: Rp87.000.000."""


def _scholarship_lines(children: list[Child]) -> list[tuple[str, Rupiah | None]]:
    assessment = jkk_total_disability(WAGE, on=VOTING_DAY, children=children)
    return [(line.key, line.amount) for line in assessment.lines if line.key.startswith("scholarship")]


def test_the_2015_jkk_scholarship_is_one_cited_lump_sum_with_its_note() -> None:
    """PP 44/2015 Pasal 25(3): Rp12.000.000 once per participant, cited, with a note that it is paid once."""
    assessment = jkk_death(WAGE, on=PEMILU_2019_DEATH, children=[Child(EducationLevel.SD), Child(EducationLevel.SMP)])
    line = assessment.lines[-1]
    assert line.key == "scholarship"
    assert (line.label.id, line.label.en) == ("Beasiswa pendidikan anak", "Children's scholarship")
    assert line.amount == Rupiah(12_000_000)
    assert line.formula.render("id") == "Rp12.000.000"
    assert line.formula.render("en") == "IDR 12,000,000"
    assert line.parameters == ("jkk.scholarship.lump_sum",)
    assert [c.label for c in line.citations] == ["PP 44/2015 Pasal 25 ayat (3)"]
    assert [(note.id, note.en) for note in assessment.notes] == [
        ("Batas minimum santunan kematian JKK untuk tanggal ini tidak diketahui.", "No JKK death-benefit floor is known for this date."),
        (
            "Beasiswa 2015 diberikan sekali per peserta bila ada anak yang masih sekolah.",
            "The 2015 scholarship is paid once per participant with a child still in school.",
        ),
    ]
    assert sum(1 for line in assessment.lines if line.key.startswith("scholarship")) == 1


def test_the_2015_jkm_scholarship_cites_pasal_34() -> None:
    """PP 44/2015 Pasal 34(2): after 5 years of premiums the JKM scholarship is Rp12.000.000 once, cited to Pasal 34."""
    assessment = jkm_death(
        on=PEMILU_2019_DEATH, membership_start=dt.date(2010, 1, 1), children=[Child(EducationLevel.SD)]
    )
    line = assessment.lines[-1]
    assert (line.key, line.amount) == ("scholarship", Rupiah(12_000_000))
    assert line.parameters == ("jkm.scholarship.lump_sum",)
    assert [c.label for c in line.citations] == ["PP 44/2015 Pasal 34 ayat (2)"]
    assert [note.en for note in assessment.notes] == [
        "The 2015 scholarship is paid once per participant with a child still in school."
    ]


def test_no_children_no_scholarship_line_or_note() -> None:
    """Without children there is no scholarship line and nothing to say about one, under either set of rules."""
    for day in (PEMILU_2019_DEATH, VOTING_DAY):
        assessment = jkk_total_disability(WAGE, on=day, children=[])
        assert not any(line.key.startswith("scholarship") for line in assessment.lines)
        assert not any("scholarship" in note.en for note in assessment.notes)


def test_a_child_line_shows_the_bands_from_its_level_up_with_yearly_amounts_and_years() -> None:
    """PP 82/2019 Pasal 25(3): an SD child may receive TK–SD (8 years), SMP, SMA and PT: at most Rp87.000.000."""
    child = Child(EducationLevel.SD, dt.date(2015, 1, 1))
    line = jkk_death(WAGE, on=VOTING_DAY, children=[child]).lines[-1]
    assert line.key == "scholarship.child_1"
    assert line.amount == Rupiah(FULL_SD_TO_PT)
    assert line.label.id == "Beasiswa anak ke-1 (paling banyak, SD s.d. PT)"
    assert line.label.en == "Scholarship, child 1 (at most, SD to higher education)"
    assert line.formula.render("id") == "Rp1.500.000 × 8 th + Rp2.000.000 × 3 th + Rp3.000.000 × 3 th + Rp12.000.000 × 5 th"
    assert line.formula.render("en") == (
        "IDR 1,500,000 × 8 yr + IDR 2,000,000 × 3 yr + IDR 3,000,000 × 3 yr + IDR 12,000,000 × 5 yr"
    )
    assert line.formula.to_dict()["args"] == [1_500_000, 8, 2_000_000, 3, 3_000_000, 3, 12_000_000, 5]
    assert line.parameters == (
        "scholarship.max_children",
        "scholarship.max_age",
        "scholarship.tk_sd.per_year",
        "scholarship.tk_sd.max_years",
        "scholarship.smp.per_year",
        "scholarship.smp.max_years",
        "scholarship.sma.per_year",
        "scholarship.sma.max_years",
        "scholarship.pt.per_year",
        "scholarship.pt.max_years",
    )
    assert [c.label for c in line.citations] == [
        "PP 82/2019 Pasal 25 ayat (3); Pasal 34 ayat (3)",
        "Permenaker 5/2021 (article not read; amounts applied to cases from 2 Dec 2019)",
    ]
    assert line.note is not None
    assert line.note.id == "Dibayar per tahun sesuai jenjang; berhenti pada usia batas, menikah atau bekerja."
    assert line.note.en == "Paid yearly by level; stops at the age limit, marriage or employment."


@pytest.mark.parametrize(
    ("level", "code", "formula", "amount"),
    [
        (EducationLevel.TK, "TK", "Rp1.500.000 × 8 th + Rp2.000.000 × 3 th + Rp3.000.000 × 3 th + Rp12.000.000 × 5 th", FULL_SD_TO_PT),
        (EducationLevel.SMP, "SMP", "Rp2.000.000 × 3 th + Rp3.000.000 × 3 th + Rp12.000.000 × 5 th", 75_000_000),
        (EducationLevel.SMA, "SMA", "Rp3.000.000 × 3 th + Rp12.000.000 × 5 th", 69_000_000),
        (EducationLevel.PT, "PT", "Rp12.000.000 × 5 th", 60_000_000),
    ],
)
def test_the_scholarship_starts_at_the_childs_level(level: EducationLevel, code: str, formula: str, amount: int) -> None:
    """Permenaker 5/2021: a child receives the bands from its own level up; TK and SD are one band, counted once."""
    line = jkk_total_disability(WAGE, on=VOTING_DAY, children=[Child(level)]).lines[-1]
    assert line.formula.render("id") == formula
    assert line.formula.render("en") == formula.replace("Rp", "IDR ").replace(".", ",").replace(" th", " yr")
    assert line.amount == Rupiah(amount)
    assert line.label.id == f"Beasiswa anak ke-1 (paling banyak, {code} s.d. PT)"
    assert line.label.en == f"Scholarship, child 1 (at most, {code} to higher education)"


def test_a_child_over_the_age_limit_does_not_take_one_of_the_two_places() -> None:
    """Pasal 25(3) and the age limit of 23: a first child aged 30 gets nothing, and the next two children are paid."""
    children = [
        Child(EducationLevel.PT, dt.date(1994, 1, 1)),
        Child(EducationLevel.SMA, dt.date(2008, 1, 1)),
        Child(EducationLevel.SMP, dt.date(2011, 1, 1)),
    ]
    assert _scholarship_lines(children) == [
        ("scholarship.child_2", Rupiah(69_000_000)),
        ("scholarship.child_3", Rupiah(75_000_000)),
    ]
    notes = jkk_total_disability(WAGE, on=VOTING_DAY, children=children).notes
    assert [note.en for note in notes] == ["Child 1 is 23 or older: no scholarship."]


def test_every_child_beyond_the_two_places_or_over_age_is_named() -> None:
    """Two children are paid; a third beyond the limit and a fourth over the age limit are each named, in order."""
    children = [
        Child(EducationLevel.SD, dt.date(2015, 1, 1)),
        Child(EducationLevel.SD, dt.date(2016, 1, 1)),
        Child(EducationLevel.TK, dt.date(2019, 1, 1)),
        Child(EducationLevel.PT, dt.date(1990, 1, 1)),
        Child(EducationLevel.TK, dt.date(2020, 1, 1)),
    ]
    assessment = jkk_total_disability(WAGE, on=VOTING_DAY, children=children)
    assert [line.key for line in assessment.lines if line.key.startswith("scholarship")] == [
        "scholarship.child_1",
        "scholarship.child_2",
    ]
    assert [note.en for note in assessment.notes] == [
        "Child 3 is beyond the limit of 2 children: not counted.",
        "Child 4 is 23 or older: no scholarship.",
        "Child 5 is beyond the limit of 2 children: not counted.",
    ]
    assert [note.id for note in assessment.notes] == [
        "Anak ke-3 melebihi batas 2 anak: tidak dihitung.",
        "Anak ke-4 sudah berusia 23 tahun atau lebih: tidak menerima beasiswa.",
        "Anak ke-5 melebihi batas 2 anak: tidak dihitung.",
    ]
    assert assessment.total == Rupiah(56_000_000 + 12_000_000 + 2 * FULL_SD_TO_PT)


def test_a_child_of_known_age_under_the_limit_raises_no_note() -> None:
    """A child aged 9 is under the age limit of 23: paid, and nothing to flag."""
    assessment = jkk_total_disability(WAGE, on=VOTING_DAY, children=[Child(EducationLevel.SD, dt.date(2015, 1, 1))])
    assert assessment.notes == ()
    assert assessment.amount("scholarship.child_1") == Rupiah(FULL_SD_TO_PT)


def test_the_first_child_is_child_1_in_lines_and_notes() -> None:
    """Children are numbered from 1 in the order given, in line keys, labels and notes."""
    assessment = jkk_death(WAGE, on=VOTING_DAY, children=[Child(EducationLevel.SMA)])
    line = assessment.lines[-1]
    assert line.key == "scholarship.child_1"
    assert [note.en for note in assessment.notes] == ["Child 1's age is unknown; the age limit was not checked."]
