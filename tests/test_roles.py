"""Tests for jamsos_pemilu.roles: ad hoc roles, bodies, levels and positions."""

from __future__ import annotations

import pytest

from jamsos_pemilu import Body, InputError, Level, Position, Role, UnknownCodeError


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("kpps", Role.KPPS),
        ("KPPS", Role.KPPS),
        ("Panwascam", Role.PANWASLU_KECAMATAN),
        ("Panwaslu Kecamatan", Role.PANWASLU_KECAMATAN),
        ("PPL", Role.PKD),
        ("Panwaslu Kelurahan/Desa", Role.PKD),
        ("Linmas", Role.KETERTIBAN_TPS),
        ("PPDP", Role.PANTARLIH),
        ("Pengawas TPS", Role.PTPS),
        ("sekretariat_ppk", Role.SEKRETARIAT_PPK),
    ],
)
def test_parse_accepts_the_forms_people_type(text: str, role: Role) -> None:
    """Common spellings, abbreviations and old names parse to the right role."""
    assert Role.parse(text) is role


def test_parse_rejects_unknown_text_naming_accepted_values() -> None:
    """Unknown role text raises UnknownCodeError listing the accepted roles."""
    with pytest.raises(UnknownCodeError, match="unknown role 'satpam'; accepted values: ppk, sekretariat_ppk"):
        Role.parse("satpam")


def test_every_alias_names_one_role() -> None:
    """No alias is shared by two roles (the parse table is unambiguous)."""
    seen: dict[str, Role] = {}
    for role in Role:
        for alias in (role.value, role.abbreviation, *role.info.aliases):
            key = alias.lower()
            assert seen.setdefault(key, role) is role


def test_bodies_and_levels() -> None:
    """KPPS serves KPU at the TPS; PKD serves Bawaslu in the desa; PPLN is overseas."""
    assert (Role.KPPS.body, Role.KPPS.level) == (Body.KPU, Level.TPS)
    assert (Role.PKD.body, Role.PKD.level) == (Body.BAWASLU, Level.DESA_KELURAHAN)
    assert Role.PPLN.level is Level.LUAR_NEGERI


def test_positions_of_roles() -> None:
    """KPPS has ketua and anggota; single-officer roles have only 'petugas'."""
    assert Role.KPPS.positions == (Position.KETUA, Position.ANGGOTA)
    assert Role.PTPS.positions == (Position.PETUGAS,)
    assert Role.SEKRETARIAT_PPS.positions == (Position.SEKRETARIS, Position.STAF)


def test_check_position_rejects_a_position_the_role_lacks() -> None:
    """A KPPS sekretaris does not exist, and the error lists the positions KPPS has."""
    with pytest.raises(InputError, match="role KPPS has no position 'sekretaris'; it has: ketua, anggota"):
        Role.KPPS.check_position(Position.SEKRETARIS)


def test_position_parse_aliases() -> None:
    """'pelaksana' is secretariat staff; 'staf pendukung' is non-civil-servant staff."""
    assert Position.parse("Pelaksana") is Position.STAF
    assert Position.parse("staf pendukung") is Position.STAF_NON_ASN


def test_members_parameter_names_the_rule_book_entry() -> None:
    """Members per unit are looked up in the rule book, not written in code."""
    assert Role.KPPS.members_parameter == "composition.kpps.members"


def test_names_exist_in_both_languages() -> None:
    """Every role and position has an Indonesian name and an English gloss."""
    for role in Role:
        assert role.text.id and role.text.en
    for position in Position:
        assert position.text.id and position.text.en


def test_body_parses_as_people_type_it() -> None:
    """"KPU", "kpu" and "Bawaslu" name the election bodies; anything else is refused naming the accepted values."""
    assert Body.parse("KPU") is Body.KPU
    assert Body.parse(" bawaslu ") is Body.BAWASLU
    with pytest.raises(UnknownCodeError, match="kpu, bawaslu"):
        Body.parse("DKPP")
