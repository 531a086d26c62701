"""Tests for jamsos_pemilu.institutions."""

import pytest

from jamsos_pemilu.exceptions import InputError, UnknownCodeError
from jamsos_pemilu.institutions import (
    PEMDA_UNITS,
    AdministrativeLevel,
    BpjsOffice,
    Institution,
    InstitutionKind,
)
from jamsos_pemilu.regions import RegionCode
from jamsos_pemilu.roles import Body


def test_kpu_name_follows_level() -> None:
    """A regency KPU is named 'KPU Kabupaten <place>', a city one 'KPU Kota <place>'."""
    assert Institution.kpu("Asahan", AdministrativeLevel.REGENCY).name == "KPU Kabupaten Asahan"
    assert Institution.kpu("Palu", AdministrativeLevel.CITY).name == "KPU Kota Palu"


def test_national_bawaslu_is_bawaslu_ri() -> None:
    """At national level the name is '<body> RI' whatever place is given."""
    assert Institution.bawaslu("", AdministrativeLevel.NATIONAL).name == "Bawaslu RI"


def test_kesbangpol_unit_name_and_unit() -> None:
    """A Kesbangpol unit is named 'Badan Kesbangpol ...' and keeps its unit."""
    unit = Institution.pemda_unit("Kesbangpol", "Bintan", AdministrativeLevel.REGENCY)
    assert (unit.name, unit.unit, unit.kind) == (
        "Badan Kesbangpol Kabupaten Bintan",
        "Kesbangpol",
        InstitutionKind.PEMDA_UNIT,
    )


def test_known_pemda_units_have_full_names() -> None:
    """Every listed Pemda unit has an Indonesian and English name."""
    assert {"Kesbangpol", "Disnaker", "Disnakertrans", "Disperindagnaker"} <= set(PEMDA_UNITS)
    assert all(text.id and text.en for text in PEMDA_UNITS.values())


def test_bpjs_office_in_name() -> None:
    """A BPJS office's type appears in its name only when reported."""
    assert Institution.bpjs("Banten", BpjsOffice.KANTOR_WILAYAH).name == (
        "BPJS Ketenagakerjaan Kantor Wilayah Banten"
    )
    assert Institution.bpjs("Cirebon").bpjs_office is None


def test_body_of_election_institutions() -> None:
    """KPU and Bawaslu know their body; other institutions have none."""
    assert Institution.kpu("X", AdministrativeLevel.CITY).body is Body.KPU
    assert Institution.bawaslu("X", AdministrativeLevel.CITY).body is Body.BAWASLU
    assert Institution.kejaksaan_negeri("Asahan").body is None


def test_pemda_unit_needs_unit() -> None:
    """A Pemda unit without its unit is refused."""
    with pytest.raises(InputError, match="needs its unit"):
        Institution(InstitutionKind.PEMDA_UNIT, "Dinas X")


def test_office_only_for_bpjs() -> None:
    """Only BPJS Ketenagakerjaan may carry an office type."""
    with pytest.raises(InputError, match="only BPJS"):
        Institution(InstitutionKind.KPU, "KPU X", bpjs_office=BpjsOffice.KANTOR_CABANG)


def test_city_needs_kota_code() -> None:
    """A city-level institution with a kabupaten region code is refused."""
    with pytest.raises(InputError, match="kota code"):
        Institution.kpu("X", AdministrativeLevel.CITY, RegionCode.parse("33.01"))


def test_province_region_level_checked() -> None:
    """A province-level institution needs a 2-digit province code."""
    with pytest.raises(InputError, match="province"):
        Institution.bawaslu("Banten", AdministrativeLevel.PROVINCE, RegionCode.parse("36.73"))
    assert Institution.bawaslu("Banten", AdministrativeLevel.PROVINCE, RegionCode.parse("36")).region


def test_national_has_no_region() -> None:
    """A national institution with a region code is refused."""
    with pytest.raises(InputError, match="national"):
        Institution(InstitutionKind.KPU, "KPU RI", AdministrativeLevel.NATIONAL, RegionCode.parse("33"))


def test_pemda_not_national() -> None:
    """There is no national Pemda."""
    with pytest.raises(InputError):
        Institution.pemda("Indonesia", AdministrativeLevel.NATIONAL)


def test_blank_name_refused() -> None:
    """An institution needs a name."""
    with pytest.raises(InputError, match="name"):
        Institution(InstitutionKind.OTHER, "  ")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Kab.", AdministrativeLevel.REGENCY), ("kota", AdministrativeLevel.CITY),
     ("Provinsi", AdministrativeLevel.PROVINCE), ("nasional", AdministrativeLevel.NATIONAL)],
)
def test_level_parse(text: str, expected: AdministrativeLevel) -> None:
    """Administrative levels parse from the words reports use."""
    assert AdministrativeLevel.parse(text) is expected


def test_parse_unknown_names_accepted() -> None:
    """Unknown kinds, levels and offices raise UnknownCodeError listing accepted values."""
    with pytest.raises(UnknownCodeError, match="kpu"):
        InstitutionKind.parse("DPR")
    with pytest.raises(UnknownCodeError, match="regency"):
        AdministrativeLevel.parse("desa")
    with pytest.raises(UnknownCodeError, match="kantor_cabang"):
        BpjsOffice.parse("pusat")


def test_kind_and_office_aliases() -> None:
    """BPJAMSOSTEK, Kejari and KCP are understood."""
    assert InstitutionKind.parse("BPJAMSOSTEK") is InstitutionKind.BPJS_KETENAGAKERJAAN
    assert InstitutionKind.parse("Kejari") is InstitutionKind.KEJAKSAAN_NEGERI
    assert BpjsOffice.parse("KCP") is BpjsOffice.KANTOR_CABANG_PERINTIS


def test_party_roles_parse_in_indonesian() -> None:
    """The part an institution plays parses from its Indonesian name; unknown text lists the accepted values."""
    from jamsos_pemilu.exceptions import UnknownCodeError
    from jamsos_pemilu.institutions import PartyRole

    assert PartyRole.parse("Pemberi Kerja") is PartyRole.EMPLOYER
    assert PartyRole.parse("JPN") is PartyRole.STATE_ATTORNEY
    with pytest.raises(UnknownCodeError, match="witness"):
        PartyRole.parse("sponsor")
