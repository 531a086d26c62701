"""Tests for jamsos_pemilu.regions (Kemendagri region codes, election.md §6.1)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jamsos_pemilu.exceptions import InputError, InvalidRegionCodeError
from jamsos_pemilu.regions import RegencyKind, RegionCode, RegionLevel, VillageKind

# Kelurahan Kecandran, Kota Salatiga: the fact sheet's example.
KECANDRAN = "3373041001"


def _two(low: int, high: int) -> st.SearchStrategy[str]:
    return st.integers(low, high).map(lambda n: f"{n:02d}")


codes = st.builds(
    lambda prov, reg, dist, vil, size: (prov + reg + dist + vil)[:size],
    _two(0, 99),
    _two(1, 99),
    _two(1, 99),
    st.integers(0, 9999).map(lambda n: f"{n:04d}"),
    st.sampled_from([2, 4, 6, 10]),
).map(RegionCode)


def test_dotted_and_plain_forms_parse_to_the_same_code() -> None:
    """The dotted form and the plain form name the same region."""
    assert RegionCode.parse("33.73.04.1001") == RegionCode.parse(KECANDRAN)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("33", RegionLevel.PROVINSI),
        ("33.73", RegionLevel.KABUPATEN_KOTA),
        ("337304", RegionLevel.KECAMATAN),
        ("33.73.04.1001", RegionLevel.DESA_KELURAHAN),
    ],
)
def test_level_follows_the_number_of_digits(text: str, level: RegionLevel) -> None:
    """2, 4, 6 and 10 digits are a province, regency/city, district and village."""
    assert RegionCode.parse(text).level is level


def test_str_is_the_dotted_form_and_repr_names_the_class() -> None:
    """str() gives the dotted form Kemendagri writes; repr() is unambiguous."""
    code = RegionCode.parse(KECANDRAN)
    assert (str(code), repr(code)) == ("33.73.04.1001", "RegionCode('33.73.04.1001')")


def test_surrounding_whitespace_is_ignored() -> None:
    """Codes copied from spreadsheets often carry spaces around them."""
    assert RegionCode.parse("  33.73 \n").digits == "3373"


@pytest.mark.parametrize("text", ["3", "337", "33730", "3373041", "33730410", "337304100", "33730410011"])
def test_a_code_of_the_wrong_length_is_refused_naming_the_input(text: str) -> None:
    """Only 2, 4, 6 or 10 digits are region codes; the error quotes the input and its length."""
    with pytest.raises(InvalidRegionCodeError) as caught:
        RegionCode.parse(text)
    assert caught.value.code == text
    assert repr(text) in str(caught.value)
    assert f"{len(text)} digits" in str(caught.value)


@pytest.mark.parametrize("text", ["33.7a", "33-73", "３３", "33 73", "", "33..73"])
def test_non_digits_and_stray_separators_are_refused(text: str) -> None:
    """Letters, other separators, full-width digits and inner spaces are not region codes."""
    with pytest.raises(InvalidRegionCodeError):
        RegionCode.parse(text)


@pytest.mark.parametrize("text", ["3373.04", "33.7304", "33.73.04.10.01", "33.73.0.41001", ".33"])
def test_a_dotted_code_must_be_split_as_kemendagri_writes_it(text: str) -> None:
    """A dotted code is PP.KK.CC.DDDD; other groupings are refused."""
    with pytest.raises(InvalidRegionCodeError, match="dotted"):
        RegionCode.parse(text)


def test_a_number_is_refused_because_it_is_not_text() -> None:
    """Region codes are text; an int would lose digits and is refused clearly."""
    with pytest.raises(InvalidRegionCodeError, match="not int"):
        RegionCode.parse(3373)  # type: ignore[arg-type]


def test_the_error_is_an_input_error_and_a_value_error() -> None:
    """Callers catching ValueError or the library's InputError both see the error."""
    with pytest.raises(InputError):
        RegionCode("12345")
    with pytest.raises(ValueError, match="region code"):
        RegionCode("12345")


def test_regency_part_00_is_refused() -> None:
    """Kabupaten are numbered from 01 and kota from 71, so 00 is no regency."""
    with pytest.raises(InvalidRegionCodeError, match="regency part 00"):
        RegionCode.parse("33.00")


def test_district_part_00_is_refused() -> None:
    """Kecamatan are numbered from 01 within their regency."""
    with pytest.raises(InvalidRegionCodeError, match="district part 00"):
        RegionCode.parse("33.73.00")


@pytest.mark.parametrize(
    ("regency", "kind"),
    [("01", RegencyKind.KABUPATEN), ("69", RegencyKind.KABUPATEN), ("70", None),
     ("71", RegencyKind.KOTA), ("99", RegencyKind.KOTA)],
)
def test_kabupaten_run_01_to_69_and_kota_71_to_99(regency: str, kind: RegencyKind | None) -> None:
    """Permendagri 137/2017: kabupaten 01-69, kota 71-99; part 70 is neither (sources differ)."""
    code = RegionCode.parse(f"33.{regency}")
    assert code.regency_kind is kind
    assert code.is_kota is (kind is RegencyKind.KOTA)
    assert code.is_kabupaten is (kind is RegencyKind.KABUPATEN)


def test_a_district_inherits_the_kind_of_its_regency() -> None:
    """A kecamatan in Kota Salatiga lies in a kota."""
    assert RegionCode.parse("33.73.04").is_kota


def test_a_province_is_neither_kabupaten_nor_kota() -> None:
    """A province code has no regency part."""
    code = RegionCode.parse("33")
    assert (code.regency_kind, code.is_kota, code.is_kabupaten) == (None, False, False)


@pytest.mark.parametrize(
    ("village", "kind"),
    [("1001", VillageKind.KELURAHAN), ("2001", VillageKind.DESA), ("3001", None), ("0001", None)],
)
def test_village_kind_comes_from_the_first_digit_of_the_village_part(
    village: str, kind: VillageKind | None
) -> None:
    """Kelurahan start with 1 and desa with 2; other first digits are left unknown."""
    code = RegionCode.parse(f"33.73.04.{village}")
    assert code.village_kind is kind
    assert code.is_kelurahan is (kind is VillageKind.KELURAHAN)
    assert code.is_desa is (kind is VillageKind.DESA)


def test_codes_above_village_level_have_no_village_kind() -> None:
    """Only a 10-digit code names a desa or kelurahan."""
    assert RegionCode.parse("33.73.04").village_kind is None


def test_ancestors_of_a_village_code() -> None:
    """A village code knows its district, regency and province."""
    code = RegionCode.parse(KECANDRAN)
    assert (str(code.province), str(code.regency), str(code.district)) == ("33", "33.73", "33.73.04")


def test_ancestors_above_a_code_are_none_and_its_own_level_is_itself() -> None:
    """A regency has no district; its regency is itself; a province has no parent."""
    regency = RegionCode.parse("33.73")
    assert regency.district is None
    assert regency.regency == regency
    assert RegionCode.parse("33").regency is None
    assert RegionCode.parse("33").parent is None


def test_a_region_does_not_contain_its_neighbour() -> None:
    """Kota Salatiga does not contain a district of Kabupaten Semarang (33.22)."""
    assert not RegionCode.parse("33.73").contains(RegionCode.parse("33.22.01"))


def test_parse_returns_a_region_code_unchanged() -> None:
    """Parsing an already parsed code is harmless."""
    code = RegionCode.parse(KECANDRAN)
    assert RegionCode.parse(code) is code


@settings(max_examples=100)
@given(codes)
def test_every_code_round_trips_between_dotted_and_plain_forms(code: RegionCode) -> None:
    """Writing a code dotted and reading it back, or plain and back, gives the same region."""
    assert RegionCode.parse(code.dotted) == code
    assert RegionCode.parse(code.digits) == code
    assert code.dotted.replace(".", "") == code.digits


@settings(max_examples=100)
@given(codes)
def test_every_region_lies_inside_each_of_its_ancestors(code: RegionCode) -> None:
    """Walking up the parents, each ancestor contains the region and is one level higher."""
    current = code
    while current.parent is not None:
        parent = current.parent
        assert parent.contains(code)
        assert parent.level.digits < current.level.digits
        assert not current.contains(parent)
        current = parent
    assert current.level is RegionLevel.PROVINSI
