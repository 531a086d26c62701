"""Tests for jamsos_pemilu.law.names: every parameter name the code can build exists in the shipped book."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from jamsos_pemilu.benefits import EducationLevel, SantunanEvent, TransportMode
from jamsos_pemilu.elections import all_elections
from jamsos_pemilu.law import default_rule_book, names
from jamsos_pemilu.roles import Role
from jamsos_pemilu.schemes import RiskClass

BOOK = default_rule_book()
BOUNDS: tuple[names.AgeBound, ...] = ("minimum", "maximum")


@pytest.mark.parametrize("name", names.fixed_names())
def test_every_fixed_name_is_in_the_book(name: str) -> None:
    """Each constant of the names module names a parameter of the shipped rule book."""
    assert name in BOOK


def test_fixed_names_cover_every_parameter_outside_the_families() -> None:
    """Every parameter is either a constant or a member of a family built by a names function."""
    families = ("pu.jkk_rate.", "pu.jkk_rate_jkp.", "honorarium.", "composition.", "age.",
                "scholarship.tk_sd.", "scholarship.smp.", "scholarship.sma.", "scholarship.pt.",
                "jkk.disability.", "jkk.transport.", "santunan.")
    loose = {p.name for p in BOOK if not p.name.startswith(families)} - set(names.fixed_names())
    assert loose == set()


@pytest.mark.parametrize("risk_class", list(RiskClass))
def test_jkk_rate_for_every_risk_class(risk_class: RiskClass) -> None:
    """A JKK rate exists for every risk class, with and without JKP."""
    assert names.jkk_rate(risk_class) in BOOK
    assert names.jkk_rate(risk_class, jkp=True) in BOOK


@pytest.mark.parametrize("level", list(EducationLevel))
def test_scholarship_for_every_level(level: EducationLevel) -> None:
    """Every education level maps to a scholarship band with an amount per year and a maximum of years."""
    assert names.scholarship(level, "per_year") in BOOK
    assert names.scholarship(level, "max_years") in BOOK


def test_tk_and_sd_share_one_band() -> None:
    """Kindergarten and primary school are one scholarship band (at most 8 years together)."""
    assert names.scholarship(EducationLevel.TK, "max_years") == names.scholarship(EducationLevel.SD, "max_years")
    assert names.scholarship_band(EducationLevel.SMP) == "smp"


@pytest.mark.parametrize("mode", list(TransportMode))
def test_transport_cap_for_every_mode(mode: TransportMode) -> None:
    """A transport cap exists for every mode of transport."""
    assert names.transport(mode) in BOOK


@pytest.mark.parametrize("event", list(SantunanEvent))
def test_santunan_for_every_event(event: SantunanEvent) -> None:
    """A KPU/Bawaslu santunan exists for every event."""
    assert names.santunan(event) in BOOK


def test_disability_rows_are_named_by_the_function() -> None:
    """Every row of the disability table is reachable through names.disability."""
    rows = [p.name.removeprefix("jkk.disability.") for p in BOOK if p.name.startswith("jkk.disability.")]
    assert rows
    assert all(names.disability(row) in BOOK for row in rows)


def test_members_for_every_role_in_the_book() -> None:
    """Every composition parameter is members(role) for a role, and names a known role."""
    shipped = {p.name for p in BOOK if p.name.startswith("composition.")}
    built = {names.members(role) for role in Role}
    assert shipped <= built


def _declared() -> list[tuple[str, Role]]:
    return [(e.key, role) for e in all_elections() for role in Role if e.has_role(role)]


# Declared combinations (election, role) with no honorarium in the book, and why (every position of the role).
HONORARIUM_GAPS = {
    ("pemilu_2019", Role.PPLN): "overseas bodies: no 2019 figures found",
    ("pemilu_2019", Role.SEKRETARIAT_PPLN): "overseas bodies: no 2019 figures found",
    ("pemilu_2019", Role.KPPSLN): "overseas bodies: no 2019 figures found",
    ("pemilu_2019", Role.PANTARLIH_LN): "overseas bodies: no 2019 figures found",
    ("pemilu_2019", Role.KETERTIBAN_TPSLN): "overseas bodies: no 2019 figures found",
    ("pemilu_2019", Role.PANWASLU_KECAMATAN): "Bawaslu 2019: figures reported without an instrument or date",
    ("pemilu_2019", Role.SEKRETARIAT_PANWASLU_KECAMATAN): "Bawaslu 2019: no figures found",
    ("pemilu_2019", Role.PKD): "Bawaslu 2019: no figures found",
    ("pemilu_2019", Role.PTPS): "Bawaslu 2019: figures reported without an instrument or date",
    ("pilkada_2020", Role.SEKRETARIAT_PANWASLU_KECAMATAN): "the 26 Aug 2019 letter is reported for Panwascam, PPL and PTPS only",
}


def test_every_honorarium_is_a_declared_combination() -> None:
    """Each honorarium in the book is honorarium(election, role, position) for a combination the elections declare."""
    built = {
        names.honorarium(key, role, position) for key, role in _declared() for position in role.positions
    }
    shipped = {p.name for p in BOOK if p.name.startswith("honorarium.")}
    assert shipped <= built


def test_declared_combinations_without_honorarium_are_the_known_gaps() -> None:
    """A declared (election, role, position) has an honorarium unless its role is a known, explained gap."""
    missing = {
        (key, role, position)
        for key, role in _declared()
        for position in role.positions
        if names.honorarium(key, role, position) not in BOOK
    }
    expected = {(key, role, position) for key, role in HONORARIUM_GAPS for position in role.positions}
    assert missing == expected


def test_every_age_limit_is_a_declared_combination() -> None:
    """Each age limit in the book is age_limit(election, role, bound) for a declared election and role."""
    built = {
        names.age_limit(key, role, bound)
        for (key, role), bound in itertools.product(_declared(), BOUNDS)
    }
    shipped = {p.name for p in BOOK if p.name.startswith("age.")}
    assert shipped <= built


def test_names_read_values_in_force() -> None:
    """A name from the module reads the value a calculation needs (JKM rate 0,30 % in 2024)."""
    assert str(BOOK[names.PU_JKM_RATE].at(dt.date(2024, 2, 14)).rate) == "0.0030"
