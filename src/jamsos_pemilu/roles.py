"""Badan ad hoc (ad hoc election bodies): roles, the bodies that form them, and positions.

KPPS (Kelompok Penyelenggara Pemungutan Suara, polling-station working group),
PPS, PPK, Pantarlih and the TPS security officers serve under KPU; Panwaslu
Kecamatan (Panwascam), PKD and PTPS serve under Bawaslu. Each :class:`Role`
knows its Indonesian name, an English gloss, the :class:`Body` that forms it, its
administrative :class:`Level` and the :class:`Position` values it can hold.
Members per unit are legal numbers and live in the rule book
(``composition.<role>.members``).

Parsing accepts the forms people type and rejects the rest, naming what is accepted:

>>> Role.parse("kpps")
<Role.KPPS: 'kpps'>
>>> Role.parse("Panwascam")
<Role.PANWASLU_KECAMATAN: 'panwaslu_kecamatan'>
>>> Role.parse("PPL")  # the old name of PKD
<Role.PKD: 'pkd'>
>>> Position.parse("Ketua")
<Position.KETUA: 'ketua'>
"""

from __future__ import annotations

import enum
from typing import Final

import attrs

from jamsos_pemilu.codes import normalise, parse_code
from jamsos_pemilu.exceptions import InputError, UnknownCodeError
from jamsos_pemilu.l10n import Text
from jamsos_pemilu.law import names

__all__ = ["Body", "Level", "Position", "Role", "RoleInfo"]

class Body(enum.Enum):
    """The election body an ad hoc role serves."""

    KPU = "kpu"
    """Komisi Pemilihan Umum (the election commission)."""
    BAWASLU = "bawaslu"
    """Badan Pengawas Pemilihan Umum (the election supervisory agency)."""

    @classmethod
    def parse(cls, text: str) -> Body:
        """Parse ``"KPU"``, ``"Bawaslu"``... (case and separators do not matter).

        >>> Body.parse("Bawaslu")
        <Body.BAWASLU: 'bawaslu'>
        """
        return parse_code(cls, "election body", text)


class Level(enum.Enum):
    """Where a unit of the role sits."""

    KECAMATAN = "kecamatan"
    DESA_KELURAHAN = "desa_kelurahan"
    TPS = "tps"
    LUAR_NEGERI = "luar_negeri"


class Position(enum.Enum):
    """A position held within a role."""

    KETUA = "ketua"
    """Chair (also a member)."""
    ANGGOTA = "anggota"
    """Member."""
    SEKRETARIS = "sekretaris"
    """Secretary of a secretariat."""
    STAF = "staf"
    """Secretariat staff (*pelaksana*)."""
    KEPALA_SEKRETARIAT = "kepala_sekretariat"
    """Head of a Bawaslu ad hoc secretariat."""
    STAF_ASN = "staf_asn"
    """Secretariat staff who are civil servants (*pelaksana teknis PNS*)."""
    STAF_NON_ASN = "staf_non_asn"
    """Secretariat staff who are not civil servants (*non-PNS, staf pendukung*)."""
    PETUGAS = "petugas"
    """The sole position of a single-officer role (Pantarlih, PKD, PTPS, TPS security)."""

    @property
    def text(self) -> Text:
        """The position's name in both languages."""
        return _POSITION_TEXT[self]

    @classmethod
    def parse(cls, text: str) -> Position:
        """Parse a position as people type it (``"Ketua"``, ``"pelaksana"``, ``"staf PNS"``...).

        Raises:
            UnknownCodeError: naming the accepted values.

        """
        if isinstance(text, Position):
            return text
        key = normalise(text) if isinstance(text, str) else ""
        found = _POSITION_ALIASES.get(key)
        if found is None:
            raise UnknownCodeError("position", text, [p.value for p in cls])
        return found


_POSITION_TEXT: Final = {
    Position.KETUA: Text(id="Ketua", en="Chair"),
    Position.ANGGOTA: Text(id="Anggota", en="Member"),
    Position.SEKRETARIS: Text(id="Sekretaris", en="Secretary"),
    Position.STAF: Text(id="Staf/pelaksana", en="Staff"),
    Position.KEPALA_SEKRETARIAT: Text(id="Kepala sekretariat", en="Head of secretariat"),
    Position.STAF_ASN: Text(id="Pelaksana teknis (ASN)", en="Technical staff (civil servant)"),
    Position.STAF_NON_ASN: Text(id="Staf pendukung (non-ASN)", en="Support staff (non-civil servant)"),
    Position.PETUGAS: Text(id="Petugas", en="Officer"),
}

_POSITION_ALIASES: Final = {
    **{p.value.replace("_", " "): p for p in Position},
    "chair": Position.KETUA,
    "member": Position.ANGGOTA,
    "secretary": Position.SEKRETARIS,
    "pelaksana": Position.STAF,
    "staff": Position.STAF,
    "staf pelaksana": Position.STAF,
    "kepala sekretariat": Position.KEPALA_SEKRETARIAT,
    "kasek": Position.KEPALA_SEKRETARIAT,
    "pelaksana teknis pns": Position.STAF_ASN,
    "staf pns": Position.STAF_ASN,
    "pelaksana teknis non pns": Position.STAF_NON_ASN,
    "staf non pns": Position.STAF_NON_ASN,
    "staf pendukung": Position.STAF_NON_ASN,
    "officer": Position.PETUGAS,
}


@attrs.frozen
class RoleInfo:
    """What the library knows about a role."""

    abbreviation: str
    name: Text
    body: Body
    level: Level
    positions: tuple[Position, ...]
    formed_by: Text
    aliases: tuple[str, ...]


class Role(enum.Enum):
    """An ad hoc election role (KPU and Bawaslu, at home and overseas)."""

    PPK = "ppk"
    SEKRETARIAT_PPK = "sekretariat_ppk"
    PPS = "pps"
    SEKRETARIAT_PPS = "sekretariat_pps"
    PANTARLIH = "pantarlih"
    KPPS = "kpps"
    KETERTIBAN_TPS = "ketertiban_tps"
    PPLN = "ppln"
    SEKRETARIAT_PPLN = "sekretariat_ppln"
    KPPSLN = "kppsln"
    PANTARLIH_LN = "pantarlih_ln"
    KETERTIBAN_TPSLN = "ketertiban_tpsln"
    PANWASLU_KECAMATAN = "panwaslu_kecamatan"
    SEKRETARIAT_PANWASLU_KECAMATAN = "sekretariat_panwaslu_kecamatan"
    PKD = "pkd"
    PTPS = "ptps"

    @property
    def info(self) -> RoleInfo:
        """Names, body, level, positions and aliases of the role."""
        return _ROLE_INFO[self]

    @property
    def abbreviation(self) -> str:
        """The usual abbreviation (``KPPS``, ``Panwascam``...)."""
        return self.info.abbreviation

    @property
    def text(self) -> Text:
        """The full name in Indonesian and an English gloss."""
        return self.info.name

    @property
    def body(self) -> Body:
        """KPU or Bawaslu."""
        return self.info.body

    @property
    def level(self) -> Level:
        """Administrative level of one unit of the role."""
        return self.info.level

    @property
    def positions(self) -> tuple[Position, ...]:
        """Positions that exist within the role."""
        return self.info.positions

    @property
    def members_parameter(self) -> str:
        """Rule-book parameter holding the members per unit (``composition.kpps.members``)."""
        return names.members(self)

    def check_position(self, position: Position) -> Position:
        """Return ``position`` if the role has it, else raise a clear error.

        Raises:
            InputError: naming the positions the role has.

        >>> Role.KPPS.check_position(Position.SEKRETARIS)
        Traceback (most recent call last):
        ...
        jamsos_pemilu.exceptions.InputError: role KPPS has no position 'sekretaris'; it has: ketua, anggota

        """
        if position not in self.positions:
            have = ", ".join(p.value for p in self.positions)
            raise InputError(f"role {self.abbreviation} has no position {position.value!r}; it has: {have}")
        return position

    @classmethod
    def parse(cls, text: str) -> Role:
        """Parse a role as people type it.

        Raises:
            UnknownCodeError: naming the accepted values.

        """
        if isinstance(text, Role):
            return text
        key = normalise(text) if isinstance(text, str) else ""
        found = _ROLE_ALIASES.get(key)
        if found is None:
            raise UnknownCodeError("role", text, [r.value for r in cls])
        return found


def _info(
    abbreviation: str,
    name_id: str,
    name_en: str,
    body: Body,
    level: Level,
    positions: tuple[Position, ...],
    formed_id: str,
    formed_en: str,
    *aliases: str,
) -> RoleInfo:
    return RoleInfo(
        abbreviation=abbreviation,
        name=Text(id=name_id, en=name_en),
        body=body,
        level=level,
        positions=positions,
        formed_by=Text(id=formed_id, en=formed_en),
        aliases=aliases,
    )


_CHAIR_MEMBER: Final = (Position.KETUA, Position.ANGGOTA)
_SECRETARIAT: Final = (Position.SEKRETARIS, Position.STAF)
_SINGLE: Final = (Position.PETUGAS,)
_KPU, _BAWASLU = Body.KPU, Body.BAWASLU
_KEC, _DESA, _TPS, _LN = Level.KECAMATAN, Level.DESA_KELURAHAN, Level.TPS, Level.LUAR_NEGERI

_ROLE_INFO: Final = {
    Role.PPK: _info(
        "PPK", "Panitia Pemilihan Kecamatan", "district election committee", _KPU, _KEC,
        _CHAIR_MEMBER, "KPU Kabupaten/Kota", "regency/city KPU", "panitia pemilihan kecamatan",
    ),
    Role.SEKRETARIAT_PPK: _info(
        "Sekretariat PPK", "Sekretariat PPK", "district election committee secretariat", _KPU, _KEC,
        _SECRETARIAT, "bupati/wali kota atas usul PPK melalui KPU Kabupaten/Kota",
        "regent/mayor on PPK's proposal through the regency/city KPU", "sekretariat panitia pemilihan kecamatan",
    ),
    Role.PPS: _info(
        "PPS", "Panitia Pemungutan Suara", "village voting committee", _KPU, _DESA,
        _CHAIR_MEMBER, "KPU Kabupaten/Kota", "regency/city KPU", "panitia pemungutan suara",
    ),
    Role.SEKRETARIAT_PPS: _info(
        "Sekretariat PPS", "Sekretariat PPS", "village voting committee secretariat", _KPU, _DESA,
        _SECRETARIAT, "KPU Kabupaten/Kota", "regency/city KPU", "sekretariat panitia pemungutan suara",
    ),
    Role.PANTARLIH: _info(
        "Pantarlih", "Petugas Pemutakhiran Data Pemilih", "voter-data updating officer", _KPU, _TPS,
        _SINGLE, "PPS", "village voting committee (PPS)",
        "ppdp", "petugas pemutakhiran data pemilih", "panitia pemutakhiran data pemilih",
    ),
    Role.KPPS: _info(
        "KPPS", "Kelompok Penyelenggara Pemungutan Suara", "polling-station working group", _KPU, _TPS,
        _CHAIR_MEMBER, "PPS atas nama ketua KPU Kabupaten/Kota",
        "PPS on behalf of the regency/city KPU chair", "kelompok penyelenggara pemungutan suara",
    ),
    Role.KETERTIBAN_TPS: _info(
        "Petugas Ketertiban TPS", "Petugas Ketertiban TPS (Satlinmas)", "polling-station security officer",
        _KPU, _TPS, _SINGLE, "bagian dari susunan KPPS", "part of the KPPS structure",
        "petugas ketertiban tps", "linmas", "satlinmas", "petugas ketertiban", "petugas pengamanan tps",
    ),
    Role.PPLN: _info(
        "PPLN", "Panitia Pemilihan Luar Negeri", "overseas election committee", _KPU, _LN,
        _CHAIR_MEMBER, "KPU", "KPU", "panitia pemilihan luar negeri",
    ),
    Role.SEKRETARIAT_PPLN: _info(
        "Sekretariat PPLN", "Sekretariat PPLN", "overseas election committee secretariat", _KPU, _LN,
        _SECRETARIAT, "KPU", "KPU", "sekretariat panitia pemilihan luar negeri",
    ),
    Role.KPPSLN: _info(
        "KPPSLN", "Kelompok Penyelenggara Pemungutan Suara Luar Negeri",
        "overseas polling-station working group", _KPU, _LN, _CHAIR_MEMBER, "PPLN", "PPLN",
        "kelompok penyelenggara pemungutan suara luar negeri", "kpps ln", "kpps luar negeri",
    ),
    Role.PANTARLIH_LN: _info(
        "Pantarlih LN", "Petugas Pemutakhiran Data Pemilih Luar Negeri", "overseas voter-data updating officer",
        _KPU, _LN, _SINGLE, "PPLN", "PPLN", "pantarlih luar negeri",
    ),
    Role.KETERTIBAN_TPSLN: _info(
        "Satlinmas LN", "Petugas Ketertiban TPS Luar Negeri", "overseas polling-station security officer",
        _KPU, _LN, _SINGLE, "PPLN", "PPLN", "satlinmas ln", "linmas ln", "petugas ketertiban tpsln",
        "ketertiban tps ln",
    ),
    Role.PANWASLU_KECAMATAN: _info(
        "Panwascam", "Panitia Pengawas Pemilu Kecamatan", "district election supervisory committee", _BAWASLU,
        _KEC, _CHAIR_MEMBER, "Bawaslu Kabupaten/Kota", "regency/city Bawaslu",
        "panwascam", "panwaslu kecamatan", "panitia pengawas pemilu kecamatan", "panwas kecamatan",
        "panitia pengawas pemilihan kecamatan",
    ),
    Role.SEKRETARIAT_PANWASLU_KECAMATAN: _info(
        "Sekretariat Panwascam", "Sekretariat Panwaslu Kecamatan",
        "district election supervisory committee secretariat", _BAWASLU, _KEC,
        (Position.KEPALA_SEKRETARIAT, Position.STAF_ASN, Position.STAF_NON_ASN),
        "Bawaslu Kabupaten/Kota", "regency/city Bawaslu",
        "sekretariat panwascam", "sekretariat panwaslu kecamatan", "sekretariat panwas kecamatan",
    ),
    Role.PKD: _info(
        "PKD", "Panitia Pengawas Pemilu Kelurahan/Desa", "village election supervisor", _BAWASLU, _DESA,
        _SINGLE, "Panwaslu Kecamatan", "district supervisory committee (Panwascam)",
        "ppl", "pengawas pemilu lapangan", "panwaslu kelurahan desa", "panwaslu desa",
        "panwaslu kelurahan", "pengawas kelurahan desa", "panitia pengawas pemilu kelurahan desa",
    ),
    Role.PTPS: _info(
        "PTPS", "Pengawas Tempat Pemungutan Suara", "polling-station supervisor", _BAWASLU, _TPS,
        _SINGLE, "Panwaslu Kecamatan", "district supervisory committee (Panwascam)",
        "pengawas tps", "pengawas tempat pemungutan suara",
    ),
}


def _role_aliases() -> dict[str, Role]:
    table: dict[str, Role] = {}
    for role, info in _ROLE_INFO.items():
        for alias in (role.value, info.abbreviation, *info.aliases):
            key = normalise(alias)
            if table.setdefault(key, role) is not role:
                raise AssertionError(f"alias {alias!r} names two roles")
    return table


_ROLE_ALIASES: Final = _role_aliases()
