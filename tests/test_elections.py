"""Tests for jamsos_pemilu.elections (calendars, roles and terms; election.md §1.4, §5)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from jamsos_pemilu.elections import (
    Election,
    ElectionKind,
    all_elections,
    election,
    load_elections,
)
from jamsos_pemilu.exceptions import (
    InputError,
    RuleDataError,
    RuleNotInForceError,
    UnknownCodeError,
    UnknownParameterError,
)
from jamsos_pemilu.law import Confidence, default_rule_book, rules_on
from jamsos_pemilu.periods import Period
from jamsos_pemilu.roles import Level, Role

D = dt.date
OVERSEAS = {role for role in Role if role.level is Level.LUAR_NEGERI}

# Voting days from election.md §5.
VOTING_DAYS = {
    "pemilu_2019": D(2019, 4, 17),
    "pilkada_2020": D(2020, 12, 9),
    "pemilu_2024": D(2024, 2, 14),
    "pilkada_2024": D(2024, 11, 27),
}

# Terms of office from election.md §1.4 (None: not reported).
TERMS = [
    ("pemilu_2019", Role.PPK, Period(D(2018, 3, 9), D(2019, 6, 16)), Confidence.UNCONFIRMED),
    ("pemilu_2019", Role.PPS, Period(D(2018, 3, 9), D(2019, 6, 16)), Confidence.UNCONFIRMED),
    ("pemilu_2019", Role.KPPS, Period(D(2019, 4, 10), D(2019, 5, 9)), Confidence.SECONDARY),
    ("pilkada_2020", Role.PPK, Period(D(2020, 6, 15), D(2021, 1, 31)), Confidence.SECONDARY),
    ("pilkada_2020", Role.PPS, Period(D(2020, 6, 15), D(2021, 1, 31)), Confidence.SECONDARY),
    ("pilkada_2020", Role.KPPS, Period(D(2020, 11, 24), D(2020, 12, 23)), Confidence.SECONDARY),
    ("pemilu_2024", Role.PPK, Period(D(2023, 1, 4), D(2024, 4, 4)), Confidence.SECONDARY),
    ("pemilu_2024", Role.SEKRETARIAT_PPK, Period(D(2023, 1, 10), D(2024, 4, 4)), Confidence.SECONDARY),
    ("pemilu_2024", Role.PPS, Period(D(2023, 1, 17), D(2024, 4, 4)), Confidence.SECONDARY),
    ("pemilu_2024", Role.SEKRETARIAT_PPS, Period(D(2023, 1, 24), D(2024, 4, 4)), Confidence.SECONDARY),
    ("pemilu_2024", Role.PANTARLIH, Period(D(2023, 2, 3), D(2023, 3, 12)), Confidence.SECONDARY),
    ("pemilu_2024", Role.KPPS, Period(D(2024, 1, 25), D(2024, 2, 25)), Confidence.SECONDARY),
    ("pemilu_2024", Role.KETERTIBAN_TPS, Period(D(2024, 1, 25), D(2024, 2, 23)), Confidence.UNCONFIRMED),
    ("pemilu_2024", Role.PTPS, Period(D(2024, 1, 22), D(2024, 2, 21)), Confidence.SECONDARY),
    ("pilkada_2024", Role.PANTARLIH, Period(D(2024, 6, 24), D(2024, 7, 25)), Confidence.SECONDARY),
    ("pilkada_2024", Role.KPPS, Period(D(2024, 11, 7), D(2024, 12, 8)), Confidence.SECONDARY),
]

NOT_REPORTED = [
    ("pemilu_2019", Role.PTPS),
    ("pemilu_2024", Role.PANWASLU_KECAMATAN),
    ("pemilu_2024", Role.PKD),
    ("pemilu_2024", Role.PPLN),
    ("pilkada_2024", Role.PPK),
    ("pilkada_2024", Role.PPS),
    ("pilkada_2024", Role.PANWASLU_KECAMATAN),
    ("pilkada_2024", Role.PKD),
    ("pilkada_2024", Role.PTPS),
]


@pytest.mark.parametrize(("key", "day"), VOTING_DAYS.items())
def test_voting_days(key: str, day: dt.date) -> None:
    """Each election's voting day is the one in the fact sheet."""
    assert election(key).voting_day == day


def test_all_elections_are_listed_oldest_first() -> None:
    """The four shipped elections come in calendar order."""
    assert [e.key for e in all_elections()] == list(VOTING_DAYS)


@pytest.mark.parametrize(
    ("text", "key"),
    [("pemilu_2024", "pemilu_2024"), ("Pemilu 2024", "pemilu_2024"), ("PILKADA-2020", "pilkada_2020"),
     ("Pilkada Serentak 2024", "pilkada_2024"), ("Pemilihan Umum 2019", "pemilu_2019")],
)
def test_elections_are_found_by_key_or_name(text: str, key: str) -> None:
    """Keys and the names people type both find the election."""
    assert election(text).key == key


def test_an_unknown_election_names_the_accepted_keys() -> None:
    """An election not in the data is refused, listing the shipped ones."""
    with pytest.raises(UnknownCodeError, match="pemilu_2019, pilkada_2020, pemilu_2024, pilkada_2024"):
        election("Pemilu 2029")


def test_election_returns_an_election_unchanged() -> None:
    """Passing an Election through election() is harmless."""
    pemilu = election("pemilu_2024")
    assert election(pemilu) is pemilu


@pytest.mark.parametrize("key", ["pilkada_2020", "pilkada_2024"])
def test_pilkada_has_no_overseas_bodies(key: str) -> None:
    """Regional-head elections form no PPLN, KPPSLN, Pantarlih LN or Satlinmas LN."""
    pilkada = election(key)
    assert pilkada.kind is ElectionKind.PILKADA
    assert not pilkada.roles & OVERSEAS
    assert pilkada.roles == set(Role) - OVERSEAS


@pytest.mark.parametrize("key", ["pemilu_2019", "pemilu_2024"])
def test_pemilu_has_every_role(key: str) -> None:
    """The general election forms every ad hoc body, at home and overseas."""
    assert election(key).roles == frozenset(Role)
    assert election(key).kind is ElectionKind.PEMILU


@pytest.mark.parametrize(("key", "role", "period", "confidence"), TERMS)
def test_reported_terms_of_office(key: str, role: Role, period: Period, confidence: Confidence) -> None:
    """Each reported masa kerja, with its confidence, is the fact sheet's."""
    info = election(key).term_info(role)
    assert (info.period, info.confidence) == (period, confidence)
    assert election(key).term(role) == period
    assert info.sources


@pytest.mark.parametrize(("key", "role"), NOT_REPORTED)
def test_unreported_terms_are_none(key: str, role: Role) -> None:
    """A term the fact sheets do not report is None, never guessed."""
    info = election(key).term_info(role)
    assert info.period is None
    assert not info.reported
    assert info.note


def test_kpps_2024_keeps_the_later_end_and_records_the_earlier_one() -> None:
    """Kep. KPU 1669/2023's 25 Feb is used; the slide deck's 23 Feb is kept as disputed."""
    info = election("pemilu_2024").term_info("KPPS")
    assert info.period == Period(D(2024, 1, 25), D(2024, 2, 25))
    assert [d.period.end for d in info.disputed] == [D(2024, 2, 23)]
    assert "1669/2023" in (info.note or "")


def test_unconfirmed_terms_say_why() -> None:
    """Every unconfirmed term carries a note."""
    for item in all_elections():
        for term in item.terms:
            if term.unconfirmed:
                assert term.note, (item.key, term.role)


def test_the_term_of_a_role_the_election_lacks_is_refused() -> None:
    """Asking Pilkada 2024 for the KPPSLN term is an input error naming the roles it has."""
    with pytest.raises(InputError, match="has no KPPSLN"):
        election("pilkada_2024").term(Role.KPPSLN)


def test_unknown_role_text_is_refused() -> None:
    """Role text that names no role raises UnknownCodeError."""
    with pytest.raises(UnknownCodeError, match="unknown role 'kpu'"):
        election("pemilu_2024").term("kpu")


def test_stages_are_found_by_key() -> None:
    """The Pemilu 2024 campaign ran 28 Nov 2023 - 10 Feb 2024."""
    assert election("pemilu_2024").stage("kampanye").period == Period(D(2023, 11, 28), D(2024, 2, 10))


def test_an_unknown_stage_names_the_stages() -> None:
    """An unknown stage key lists the election's stages."""
    with pytest.raises(UnknownCodeError, match="kampanye"):
        election("pemilu_2024").stage("debat")


@pytest.mark.parametrize("key", VOTING_DAYS)
def test_the_voting_stage_is_the_voting_day(key: str) -> None:
    """Each election's voting stage starts on its voting day."""
    item = election(key)
    assert item.stage("pemungutan_suara").period.start == item.voting_day


def test_terms_cover_voting_day_for_polling_station_bodies() -> None:
    """KPPS are in office on voting day in every election (a consistency check of the data)."""
    for item in all_elections():
        term = item.term(Role.KPPS)
        assert term is not None and term.contains(item.voting_day), item.key


def test_honorarium_is_read_from_the_rule_book() -> None:
    """A Pemilu 2024 KPPS member's honorarium is Rp1.100.000 (S-647/MK.02/2022)."""
    value = election("pemilu_2024").honorarium(Role.KPPS, "anggota", rules=rules_on(D(2024, 2, 14)))
    assert value.rupiah.amount == 1_100_000
    assert value.name == "honorarium.pemilu_2024.kpps.anggota"


def test_honorarium_of_a_position_the_role_lacks_is_refused() -> None:
    """KPPS has no secretary, so there is no honorarium to read."""
    with pytest.raises(InputError, match="no position"):
        election("pemilu_2024").honorarium(Role.KPPS, "sekretaris", rules=rules_on(D(2024, 2, 14)))


def test_honorarium_missing_from_the_rule_book_raises() -> None:
    """The Pemilu 2019 Panwaslu Kecamatan honorarium is not in the rule data: the lookup raises, never returns None."""
    with pytest.raises(UnknownParameterError, match="honorarium.pemilu_2019.panwaslu_kecamatan.anggota"):
        election("pemilu_2019").honorarium(Role.PANWASLU_KECAMATAN, "anggota", rules=rules_on(D(2019, 4, 17)))


def test_honorarium_needs_the_snapshot_of_a_date() -> None:
    """A rule book is not the rules of a date: honorarium refuses it with an InputError naming rules."""
    with pytest.raises(InputError, match="rules: expected the RuleSnapshot"):
        election("pemilu_2024").honorarium(Role.KPPS, "anggota", rules=default_rule_book())  # type: ignore[arg-type]


def test_kpps_2024_age_limits_are_17_to_55() -> None:
    """PKPU 8/2022 Pasal 35: KPPS members are 17 to 55 on voting day."""
    low, high = election("pemilu_2024").age_limits(Role.KPPS, rules=rules_on(D(2024, 2, 14)))
    assert (low and low.integer, high and high.integer) == (17, 55)


def test_unreported_age_limits_are_none() -> None:
    """PPK 2024 has no maximum age and no minimum reported."""
    limits = election("pemilu_2024").age_limits(Role.PPK, rules=rules_on(D(2024, 2, 14)))
    assert limits.minimum is None
    assert limits.maximum is None
    assert limits.allows(90)


def test_age_limits_before_they_take_effect_raise() -> None:
    """A snapshot taken before the limit took effect raises rather than returning None."""
    with pytest.raises(RuleNotInForceError):
        election("pemilu_2024").age_limits(Role.KPPS, rules=rules_on(D(2022, 11, 1)))


# ---------------------------------------------------------------- loader

GOOD = """
[election.test_2030]
kind = "pemilu"
name_id = "Uji"
name_en = "Test"
voting_day = 2030-02-14
status = "secondary"
sources = ["https://example.org"]
roles = ["kpps"]

[[election.test_2030.stages]]
key = "pemungutan_suara"
name_id = "Pemungutan suara"
name_en = "Voting day"
start = 2030-02-14
end = 2030-02-14
status = "secondary"
sources = ["https://example.org"]

[election.test_2030.terms.kpps]
start = 2030-01-25
end = 2030-02-25
status = "secondary"
sources = ["https://example.org"]
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "elections.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_well_formed_file_loads(tmp_path: Path) -> None:
    """The minimal fixture loads into one election."""
    (loaded,) = load_elections(_write(tmp_path, GOOD))
    assert isinstance(loaded, Election)
    assert loaded.term(Role.KPPS) == Period(D(2030, 1, 25), D(2030, 2, 25))


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ("voting_day = 2030-02-14\n", "", "election.test_2030.voting_day"),
        ('voting_day = 2030-02-14', 'voting_day = "2030-02-14"', "election.test_2030.voting_day"),
        ('roles = ["kpps"]', 'roles = ["kpps", "lurah"]', "election.test_2030.roles[1]"),
        ('kind = "pemilu"', 'kind = "referendum"', "election.test_2030.kind"),
        ("start = 2030-01-25", "start = 2030-03-25", "election.test_2030.terms.kpps.end"),
        ('[election.test_2030.terms.kpps]', '[election.test_2030.terms.ppk]', "election.test_2030.terms.ppk"),
        ('end = 2030-02-25\nstatus = "secondary"', 'end = 2030-02-25\nstatus = "unconfirmed"',
         "election.test_2030.terms.kpps.note"),
        ('name_en = "Test"', 'name_en = "Test"\ncolour = "red"', "election.test_2030.colour"),
        ('sources = ["https://example.org"]\nroles', 'sources = []\nroles', "election.test_2030.sources"),
        ("start = 2030-02-14\n", "", "election.test_2030.stages[0].start"),
    ],
)
def test_malformed_files_name_the_file_and_key(tmp_path: Path, old: str, new: str, key: str) -> None:
    """Each malformed fixture raises RuleDataError naming the file and the key at fault."""
    assert old in GOOD
    with pytest.raises(RuleDataError) as caught:
        load_elections(_write(tmp_path, GOOD.replace(old, new, 1)))
    assert (caught.value.file, caught.value.key) == ("elections.toml", key)


def test_invalid_toml_is_reported_as_rule_data_error(tmp_path: Path) -> None:
    """A syntax error names the file."""
    with pytest.raises(RuleDataError, match="not valid TOML"):
        load_elections(_write(tmp_path, "[election"))


def test_a_term_without_dates_needs_a_note(tmp_path: Path) -> None:
    """A term with no dates must say what is known about it."""
    text = GOOD.replace('start = 2030-01-25\nend = 2030-02-25\nstatus = "secondary"\n', "")
    with pytest.raises(RuleDataError) as caught:
        load_elections(_write(tmp_path, text))
    assert caught.value.key == "election.test_2030.terms.kpps.note"


def test_a_missing_file_is_reported(tmp_path: Path) -> None:
    """Loading a file that does not exist raises RuleDataError naming it."""
    with pytest.raises(RuleDataError, match="cannot be read"):
        load_elections(tmp_path / "missing.toml")
