"""JKK total-disability benefits as they read, and looking up one line of an assessment."""

from __future__ import annotations

import datetime as dt

import pytest

from jamsos_pemilu import Rupiah
from jamsos_pemilu.benefits import Child, EducationLevel, jkk_medical_care, jkk_total_disability

ON = dt.date(2024, 2, 14)
WAGE = Rupiah(1_000_000)


def test_total_disability_without_children_has_no_notes() -> None:
    """Without children, total disability pays 56 × wage plus the periodic benefit, with nothing to explain."""
    result = jkk_total_disability(WAGE, on=ON)
    assert [(line.key, line.amount) for line in result.lines] == [
        ("jkk.total_disability", Rupiah(56_000_000)),
        ("jkk.periodic_benefit", Rupiah(12_000_000)),
    ]
    assert result.notes == ()
    assert result.total == Rupiah(68_000_000)


def test_total_disability_notes_children_over_age_and_of_unknown_age() -> None:
    """A child aged 23 or more gets no scholarship and one of unknown age is paid but flagged, both in notes."""
    children = [
        Child(EducationLevel.SD, dt.date(2015, 1, 1)),
        Child(EducationLevel.SD, dt.date(1990, 1, 1)),
        Child(EducationLevel.SMA),
    ]
    result = jkk_total_disability(WAGE, on=ON, children=children)
    assert [n.en for n in result.notes] == [
        "Child 2 is 23 or older: no scholarship.",
        "Child 3's age is unknown; the age limit was not checked.",
    ]
    assert [n.id for n in result.notes] == [
        "Anak ke-2 sudah berusia 23 tahun atau lebih: tidak menerima beasiswa.",
        "Usia anak ke-3 tidak diketahui; batas usia belum diperiksa.",
    ]
    keys = [line.key for line in result.lines]
    assert keys == ["jkk.total_disability", "jkk.periodic_benefit", "scholarship.child_1", "scholarship.child_3"]
    rendered = result.render("en").splitlines()
    assert "  * Child 2 is 23 or older: no scholarship." in rendered
    assert "  * Child 3's age is unknown; the age limit was not checked." in rendered
    assert result.total == sum((line.amount for line in result.lines if line.amount is not None), Rupiah.zero())


@pytest.mark.parametrize(("birth", "paid"), [(dt.date(2001, 2, 14), False), (dt.date(2001, 2, 15), True)])
def test_scholarship_age_limit_on_both_sides(birth: dt.date, paid: bool) -> None:
    """A child who turns 23 on the accident date is over the limit; one who turns 23 the day after still qualifies."""
    result = jkk_total_disability(WAGE, on=ON, children=[Child(EducationLevel.PT, birth)])
    assert ("scholarship.child_1" in [line.key for line in result.lines]) is paid
    assert bool(result.notes) is not paid


def test_total_disability_under_2015_rules_notes_the_single_scholarship() -> None:
    """Under PP 44/2015 the scholarship is one lump sum per participant, and a note says so."""
    result = jkk_total_disability(
        WAGE, on=dt.date(2018, 6, 1), children=[Child(EducationLevel.SD, dt.date(2010, 1, 1))]
    )
    assert [n.en for n in result.notes] == [
        "The 2015 scholarship is paid once per participant with a child still in school."
    ]
    assert result.amount("jkk.periodic_benefit") == Rupiah(4_800_000)
    assert [line.key for line in result.lines][-1] == "scholarship"


def test_amount_of_a_missing_line_is_a_key_error() -> None:
    """Asking for a benefit the assessment does not contain is a KeyError naming it, not a zero."""
    result = jkk_total_disability(WAGE, on=ON)
    assert result.amount("jkk.total_disability") == Rupiah(56_000_000)
    with pytest.raises(KeyError, match="jkk.nope"):
        result.amount("jkk.nope")


def test_amount_of_an_uncapped_line_is_a_key_error() -> None:
    """Medical care is paid as needed with no amount, so asking for its amount is a KeyError, not Rp0."""
    result = jkk_medical_care(on=ON)
    assert [line.key for line in result.lines] == ["jkk.medical"]
    with pytest.raises(KeyError, match="jkk.medical"):
        result.amount("jkk.medical")
