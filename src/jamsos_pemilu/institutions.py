"""Lembaga (institutions): the bodies that sign, pay for and provide officer coverage.

KPU (Komisi Pemilihan Umum, the election commission) and Bawaslu (Badan
Pengawas Pemilihan Umum, the election supervisory agency) sit at national,
province and regency/city level. A Pemda (Pemerintah Daerah, regional
government) acts through its units, such as Kesbangpol (Badan Kesatuan Bangsa
dan Politik) or Disnaker (Dinas Tenaga Kerja). BPJS Ketenagakerjaan serves
through a *kantor wilayah* (regional office), a *kantor cabang* (branch) or a
*kantor cabang perintis* (pilot branch). A Kejaksaan Negeri (district
prosecutor's office) sometimes joins an agreement as state attorney (*Jaksa
Pengacara Negara*).

An :class:`Institution` records what a report says about one of them: its
kind, its name as written, its administrative level, its Kemendagri region code
when known (``None`` = not recorded), the Pemda unit and the BPJS office type.
The named constructors build the usual names:

>>> kpu = Institution.kpu("Asahan", AdministrativeLevel.REGENCY)
>>> kpu.name
'KPU Kabupaten Asahan'
>>> Institution.pemda_unit("Kesbangpol", "Palu", AdministrativeLevel.CITY).name
'Badan Kesbangpol Kota Palu'
>>> Institution.bpjs("Kisaran", BpjsOffice.KANTOR_CABANG).name
'BPJS Ketenagakerjaan Kantor Cabang Kisaran'
>>> AdministrativeLevel.parse("Kab.")
<AdministrativeLevel.REGENCY: 'regency'>
"""

from __future__ import annotations

import enum
from typing import Final

import attrs

from jamsos_pemilu.codes import normalise, parse_code
from jamsos_pemilu.exceptions import InputError, UnknownCodeError
from jamsos_pemilu.l10n import Text
from jamsos_pemilu.regions import RegionCode, RegionLevel
from jamsos_pemilu.roles import Body

__all__ = [
    "PEMDA_UNITS",
    "AdministrativeLevel",
    "BpjsOffice",
    "Institution",
    "InstitutionKind",
    "PartyRole",
]


class InstitutionKind(enum.Enum):
    """What kind of body an institution is."""

    KPU = "kpu"
    """Komisi Pemilihan Umum (election commission), at any level."""
    BAWASLU = "bawaslu"
    """Badan Pengawas Pemilihan Umum (election supervisory agency), at any level."""
    PEMDA = "pemda"
    """A regional government as a whole (Pemerintah Provinsi/Kabupaten/Kota)."""
    PEMDA_UNIT = "pemda_unit"
    """A unit of a regional government (Kesbangpol, Disnaker, ...)."""
    BPJS_KETENAGAKERJAAN = "bpjs_ketenagakerjaan"
    """BPJS Ketenagakerjaan (also BPJAMSOSTEK), the provider of JKK and JKM."""
    KEJAKSAAN_NEGERI = "kejaksaan_negeri"
    """A district prosecutor's office acting as state attorney."""
    OTHER = "other"
    """Any other body."""

    @classmethod
    def parse(cls, text: str) -> InstitutionKind:
        """Parse ``"KPU"``, ``"bawaslu"``, ``"BPJAMSOSTEK"``, ``"Kejari"``...

        Raises:
            UnknownCodeError: naming the accepted values.

        >>> InstitutionKind.parse("BPJAMSOSTEK")
        <InstitutionKind.BPJS_KETENAGAKERJAAN: 'bpjs_ketenagakerjaan'>

        """
        return parse_code(cls, "institution kind", text, _KIND_ALIASES)


_KIND_ALIASES: Final = {
    **{k.value.replace("_", " "): k for k in InstitutionKind},
    "komisi pemilihan umum": InstitutionKind.KPU,
    "badan pengawas pemilihan umum": InstitutionKind.BAWASLU,
    "pemerintah daerah": InstitutionKind.PEMDA,
    "pemkab": InstitutionKind.PEMDA,
    "pemkot": InstitutionKind.PEMDA,
    "pemprov": InstitutionKind.PEMDA,
    "bpjs tk": InstitutionKind.BPJS_KETENAGAKERJAAN,
    "bpjamsostek": InstitutionKind.BPJS_KETENAGAKERJAAN,
    "bp jamsostek": InstitutionKind.BPJS_KETENAGAKERJAAN,
    "kejari": InstitutionKind.KEJAKSAAN_NEGERI,
}


class PartyRole(enum.Enum):
    """The part an institution plays in a coverage agreement."""

    EMPLOYER = "employer"
    """*Pemberi kerja*: registers the officers as its workers."""
    PAYER = "payer"
    """Pays the premiums."""
    PROVIDER = "provider"
    """Provides the coverage (BPJS Ketenagakerjaan only)."""
    WITNESS = "witness"
    """Signs as a witness."""
    ATTENDING = "attending"
    """Attended the signing without signing."""
    STATE_ATTORNEY = "state_attorney"
    """*Jaksa Pengacara Negara*: the prosecutor's office as state attorney."""

    @classmethod
    def parse(cls, text: str) -> PartyRole:
        """Parse ``"payer"``, ``"pemberi kerja"``, ``"saksi"``, ``"JPN"``...

        Raises:
            UnknownCodeError: naming the accepted values.

        >>> PartyRole.parse("saksi")
        <PartyRole.WITNESS: 'witness'>

        """
        return parse_code(cls, "party role", text, _PART_ALIASES)


_PART_ALIASES: Final = {
    "pemberi kerja": PartyRole.EMPLOYER,
    "pembayar": PartyRole.PAYER,
    "penyelenggara": PartyRole.PROVIDER,
    "saksi": PartyRole.WITNESS,
    "hadir": PartyRole.ATTENDING,
    "jpn": PartyRole.STATE_ATTORNEY,
    "jaksa pengacara negara": PartyRole.STATE_ATTORNEY,
}


class AdministrativeLevel(enum.Enum):
    """The administrative level at which an institution sits."""

    NATIONAL = "national"
    """Nasional (the republic: KPU RI, Bawaslu RI, BPJS head office)."""
    PROVINCE = "province"
    """Provinsi."""
    REGENCY = "regency"
    """Kabupaten."""
    CITY = "city"
    """Kota."""
    DISTRICT = "district"
    """Kecamatan."""

    @property
    def prefix(self) -> str:
        """The word written before a place name (``"Kabupaten"``, ``"Kota"``...)."""
        return _PREFIXES[self]

    @property
    def region_level(self) -> RegionLevel | None:
        """The Kemendagri region level a region code of this level has (None for national)."""
        return _REGION_LEVELS[self]

    @classmethod
    def parse(cls, text: str) -> AdministrativeLevel:
        """Parse ``"provinsi"``, ``"Kab."``, ``"kota"``, ``"nasional"``, ``"city"``...

        Raises:
            UnknownCodeError: naming the accepted values.

        """
        if isinstance(text, AdministrativeLevel):
            return text
        found = _LEVEL_ALIASES.get(normalise(text))
        if found is None:
            raise UnknownCodeError("administrative level", text, [lv.value for lv in cls])
        return found


_PREFIXES: Final = {
    AdministrativeLevel.NATIONAL: "RI",
    AdministrativeLevel.PROVINCE: "Provinsi",
    AdministrativeLevel.REGENCY: "Kabupaten",
    AdministrativeLevel.CITY: "Kota",
    AdministrativeLevel.DISTRICT: "Kecamatan",
}
_REGION_LEVELS: Final = {
    AdministrativeLevel.NATIONAL: None,
    AdministrativeLevel.PROVINCE: RegionLevel.PROVINSI,
    AdministrativeLevel.REGENCY: RegionLevel.KABUPATEN_KOTA,
    AdministrativeLevel.CITY: RegionLevel.KABUPATEN_KOTA,
    AdministrativeLevel.DISTRICT: RegionLevel.KECAMATAN,
}
_LEVEL_ALIASES: Final = {
    **{lv.value: lv for lv in AdministrativeLevel},
    "nasional": AdministrativeLevel.NATIONAL,
    "ri": AdministrativeLevel.NATIONAL,
    "pusat": AdministrativeLevel.NATIONAL,
    "provinsi": AdministrativeLevel.PROVINCE,
    "prov": AdministrativeLevel.PROVINCE,
    "kabupaten": AdministrativeLevel.REGENCY,
    "kab": AdministrativeLevel.REGENCY,
    "kota": AdministrativeLevel.CITY,
    "kecamatan": AdministrativeLevel.DISTRICT,
    "kec": AdministrativeLevel.DISTRICT,
}


class BpjsOffice(enum.Enum):
    """The type of a BPJS Ketenagakerjaan office."""

    KANTOR_WILAYAH = "kantor_wilayah"
    """Kanwil: a regional office over several branches."""
    KANTOR_CABANG = "kantor_cabang"
    """KC: a branch office."""
    KANTOR_CABANG_PERINTIS = "kantor_cabang_perintis"
    """KCP: a pilot (smaller) branch office."""

    @property
    def text(self) -> str:
        """The office type as written in Indonesian (``"Kantor Cabang"``)."""
        return _OFFICE_TEXT[self]

    @classmethod
    def parse(cls, text: str) -> BpjsOffice:
        """Parse ``"Kanwil"``, ``"KC"``, ``"kantor cabang perintis"``...

        Raises:
            UnknownCodeError: naming the accepted values.

        """
        if isinstance(text, BpjsOffice):
            return text
        found = _OFFICE_ALIASES.get(normalise(text))
        if found is None:
            raise UnknownCodeError("BPJS office", text, [o.value for o in cls])
        return found


_OFFICE_TEXT: Final = {
    BpjsOffice.KANTOR_WILAYAH: "Kantor Wilayah",
    BpjsOffice.KANTOR_CABANG: "Kantor Cabang",
    BpjsOffice.KANTOR_CABANG_PERINTIS: "Kantor Cabang Perintis",
}
_OFFICE_ALIASES: Final = {
    **{o.value.replace("_", " "): o for o in BpjsOffice},
    "kanwil": BpjsOffice.KANTOR_WILAYAH,
    "kc": BpjsOffice.KANTOR_CABANG,
    "cabang": BpjsOffice.KANTOR_CABANG,
    "kcp": BpjsOffice.KANTOR_CABANG_PERINTIS,
}

PEMDA_UNITS: Final[dict[str, Text]] = {
    "Kesbangpol": Text(
        id="Badan Kesatuan Bangsa dan Politik",
        en="agency for national unity and politics",
    ),
    "Disnaker": Text(id="Dinas Tenaga Kerja", en="manpower office"),
    "Disnakertrans": Text(
        id="Dinas Tenaga Kerja dan Transmigrasi",
        en="manpower and transmigration office",
    ),
    "Disperindagnaker": Text(
        id="Dinas Perindustrian, Perdagangan dan Tenaga Kerja",
        en="industry, trade and manpower office",
    ),
    "Sekretariat Daerah": Text(id="Sekretariat Daerah", en="regional secretariat"),
}
"""Pemda units that reports name as signing or paying, with their full names."""

_UNIT_PREFIX: Final = {"Kesbangpol": "Badan Kesbangpol"}


@attrs.frozen
class Institution:
    """A body named in a coverage agreement, as the report names it.

    Args:
        kind: what kind of body it is.
        name: its name as written (``"KPU Kabupaten Asahan"``).
        level: its administrative level; ``None`` = not reported (usual for
            BPJS offices, whose areas do not follow government levels).
        region: its Kemendagri region code; ``None`` = not recorded.
        unit: for a Pemda unit, the unit (``"Kesbangpol"``); required then and
            refused for other kinds.
        bpjs_office: for BPJS Ketenagakerjaan, the office type; ``None`` = not
            reported. Refused for other kinds.

    Raises:
        InputError: if a field has the wrong type, the name is blank, a unit or
            office is given to the wrong kind, or the region code does not match
            the level (a city needs a *kota* code, a province a 2-digit code...).

    >>> from jamsos_pemilu.regions import RegionCode
    >>> Institution.bawaslu("Jawa Tengah", AdministrativeLevel.PROVINCE, RegionCode.parse("33")).name
    'Bawaslu Provinsi Jawa Tengah'

    """

    kind: InstitutionKind
    name: str
    level: AdministrativeLevel | None = None
    region: RegionCode | None = None
    unit: str | None = None
    bpjs_office: BpjsOffice | None = None

    def __attrs_post_init__(self) -> None:
        problems = self._problems()
        if problems:
            raise InputError(f"institution {self.name!r} is not valid: " + "; ".join(problems))

    def _problems(self) -> list[str]:
        problems: list[str] = []
        if not isinstance(self.kind, InstitutionKind):
            problems.append(f"kind must be an InstitutionKind, got {self.kind!r}")
        if not isinstance(self.name, str) or not self.name.strip():
            problems.append("name must be a non-blank string")
        if self.level is not None and not isinstance(self.level, AdministrativeLevel):
            problems.append(f"level must be an AdministrativeLevel or None, got {self.level!r}")
        if self.region is not None and not isinstance(self.region, RegionCode):
            problems.append(f"region must be a RegionCode or None, got {self.region!r}")
        if self.unit is not None and (not isinstance(self.unit, str) or not self.unit.strip()):
            problems.append("unit must be a non-blank string or None")
        if self.bpjs_office is not None and not isinstance(self.bpjs_office, BpjsOffice):
            problems.append(f"bpjs_office must be a BpjsOffice or None, got {self.bpjs_office!r}")
        if problems:
            return problems
        if self.kind is InstitutionKind.PEMDA_UNIT and self.unit is None:
            problems.append("a Pemda unit needs its unit (for example 'Kesbangpol')")
        if self.kind is not InstitutionKind.PEMDA_UNIT and self.unit is not None:
            problems.append(f"only a Pemda unit has a unit; a {self.kind.value} has none")
        if self.kind is not InstitutionKind.BPJS_KETENAGAKERJAAN and self.bpjs_office is not None:
            problems.append(f"only BPJS Ketenagakerjaan has an office type; a {self.kind.value} has none")
        problems.extend(self._region_problems())
        return problems

    def _region_problems(self) -> list[str]:
        if self.region is None or self.level is None:
            return []
        expected = self.level.region_level
        if expected is None:
            return [f"a national institution has no region code, got {self.region}"]
        if self.region.level is not expected:
            return [
                f"region {self.region} is a {self.region.level.value} code; a {self.level.value}-level "
                f"institution needs a {expected.value} code"
            ]
        if self.level is AdministrativeLevel.CITY and not self.region.is_kota:
            return [f"region {self.region} is a kabupaten code (71-99 are kota); a city needs a kota code"]
        if self.level is AdministrativeLevel.REGENCY and self.region.is_kota:
            return [f"region {self.region} is a kota code; a regency needs a kabupaten code (01-69)"]
        return []

    @property
    def body(self) -> Body | None:
        """The election body this institution is (KPU or Bawaslu), else ``None``.

        >>> Institution.kpu("Palu", AdministrativeLevel.CITY).body
        <Body.KPU: 'kpu'>
        """
        if self.kind is InstitutionKind.KPU:
            return Body.KPU
        if self.kind is InstitutionKind.BAWASLU:
            return Body.BAWASLU
        return None

    @property
    def is_bpjs(self) -> bool:
        """Whether this is a BPJS Ketenagakerjaan office."""
        return self.kind is InstitutionKind.BPJS_KETENAGAKERJAAN

    def __str__(self) -> str:
        return self.name

    @classmethod
    def kpu(
        cls, place: str, level: AdministrativeLevel, region: RegionCode | None = None
    ) -> Institution:
        """KPU at ``level`` for ``place`` (``place`` is ignored at national level: "KPU RI").

        >>> Institution.kpu("", AdministrativeLevel.NATIONAL).name
        'KPU RI'
        """
        return cls(InstitutionKind.KPU, _place_name("KPU", place, level), level, region)

    @classmethod
    def bawaslu(
        cls, place: str, level: AdministrativeLevel, region: RegionCode | None = None
    ) -> Institution:
        """Bawaslu at ``level`` for ``place``.

        >>> Institution.bawaslu("Makassar", AdministrativeLevel.CITY).name
        'Bawaslu Kota Makassar'
        """
        return cls(InstitutionKind.BAWASLU, _place_name("Bawaslu", place, level), level, region)

    @classmethod
    def pemda(
        cls, place: str, level: AdministrativeLevel, region: RegionCode | None = None
    ) -> Institution:
        """The regional government of ``place`` (``"Pemerintah Kabupaten Bintan"``).

        Raises:
            InputError: at national or district level (not a Pemda).

        >>> Institution.pemda("Bintan", AdministrativeLevel.REGENCY).name
        'Pemerintah Kabupaten Bintan'

        """
        if level in (AdministrativeLevel.NATIONAL, AdministrativeLevel.DISTRICT):
            raise InputError(f"a Pemda is a province, regency or city, not {level.value}")
        return cls(InstitutionKind.PEMDA, _place_name("Pemerintah", place, level), level, region)

    @classmethod
    def pemda_unit(
        cls, unit: str, place: str, level: AdministrativeLevel, region: RegionCode | None = None
    ) -> Institution:
        """A unit (``"Kesbangpol"``, ``"Disnaker"``...) of the Pemda of ``place``.

        Raises:
            InputError: at national or district level (not a Pemda).

        >>> Institution.pemda_unit("Disnakertrans", "Papua Barat Daya", AdministrativeLevel.PROVINCE).name
        'Disnakertrans Provinsi Papua Barat Daya'

        """
        if level in (AdministrativeLevel.NATIONAL, AdministrativeLevel.DISTRICT):
            raise InputError(f"a Pemda unit belongs to a province, regency or city, not {level.value}")
        head = _UNIT_PREFIX.get(unit, unit)
        return cls(
            InstitutionKind.PEMDA_UNIT, _place_name(head, place, level), level, region, unit=unit
        )

    @classmethod
    def bpjs(
        cls, place: str, office: BpjsOffice | None = None, region: RegionCode | None = None
    ) -> Institution:
        """The BPJS Ketenagakerjaan office named after ``place`` (office type may be unknown).

        >>> Institution.bpjs("Pontianak").name
        'BPJS Ketenagakerjaan Pontianak'
        >>> Institution.bpjs("").name
        'BPJS Ketenagakerjaan'
        """
        parts = ["BPJS Ketenagakerjaan"]
        if office is not None:
            parts.append(office.text)
        if place.strip():
            parts.append(place.strip())
        return cls(
            InstitutionKind.BPJS_KETENAGAKERJAAN, " ".join(parts), None, region, bpjs_office=office
        )

    @classmethod
    def kejaksaan_negeri(cls, place: str, region: RegionCode | None = None) -> Institution:
        """The Kejaksaan Negeri (district prosecutor's office) of ``place``.

        >>> Institution.kejaksaan_negeri("Asahan").name
        'Kejaksaan Negeri Asahan'
        """
        return cls(InstitutionKind.KEJAKSAAN_NEGERI, f"Kejaksaan Negeri {place.strip()}", None, region)


def _place_name(head: str, place: str, level: AdministrativeLevel) -> str:
    if level is AdministrativeLevel.NATIONAL:
        return f"{head} RI"
    if not isinstance(place, str) or not place.strip():
        raise InputError(f"a {level.value}-level institution needs a place name")
    return f"{head} {level.prefix} {place.strip()}"
