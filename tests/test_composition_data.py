"""Tests for the members-per-unit and age-limit data (law/data/composition.toml).

Every effective date is tested from both sides: the day before a value takes
effect, the day it does, its last day in force and the day after.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from importlib import resources

import pytest

from jamsos_pemilu.exceptions import RuleNotInForceError
from jamsos_pemilu.law import Confidence, default_rule_book, rules_on
from jamsos_pemilu.roles import Role

D = dt.date
ONE_DAY = dt.timedelta(days=1)

# (parameter, first day, last day or None for open-ended, value) -- election.md §1.1, §1.2, §1.5.
VALUES = [
    ("composition.ppk.members", D(2018, 7, 23), None, 5),
    ("composition.sekretariat_ppk.members", D(2020, 6, 15), D(2022, 11, 1), 3),
    ("composition.sekretariat_ppk.members", D(2022, 11, 2), None, 3),
    ("composition.pps.members", D(2020, 6, 15), D(2022, 11, 1), 3),
    ("composition.pps.members", D(2022, 11, 2), None, 3),
    ("composition.sekretariat_pps.members", D(2020, 6, 15), D(2022, 11, 1), 3),
    ("composition.sekretariat_pps.members", D(2022, 11, 2), None, 3),
    ("composition.pantarlih.members", D(2022, 11, 2), None, 1),
    ("composition.kpps.members", D(2019, 4, 10), D(2022, 11, 1), 7),
    ("composition.kpps.members", D(2022, 11, 2), None, 7),
    ("composition.ketertiban_tps.members", D(2022, 11, 2), None, 2),
    ("composition.panwaslu_kecamatan.members", D(2022, 9, 21), None, 3),
    ("composition.pkd.members", D(2022, 9, 21), None, 1),
    ("composition.ptps.members", D(2022, 9, 21), None, 1),
    ("age.pemilu_2019.kpps.minimum", D(2019, 4, 10), None, 17),
    ("age.pemilu_2019.ptps.minimum", D(2019, 3, 25), None, 25),
    ("age.pilkada_2020.ppk.minimum", D(2020, 2, 4), None, 20),
    ("age.pilkada_2020.pps.minimum", D(2020, 2, 4), None, 20),
    ("age.pilkada_2020.kpps.minimum", D(2020, 2, 4), None, 20),
    ("age.pemilu_2024.kpps.minimum", D(2022, 11, 2), None, 17),
    ("age.pemilu_2024.kpps.maximum", D(2022, 11, 2), None, 55),
    ("age.pemilu_2024.panwaslu_kecamatan.minimum", D(2022, 9, 21), None, 25),
    ("age.pemilu_2024.pkd.minimum", D(2023, 1, 16), None, 21),
    ("age.pemilu_2024.ptps.minimum", D(2024, 1, 2), None, 21),
    ("age.pilkada_2024.kpps.minimum", D(2022, 11, 2), None, 17),
    ("age.pilkada_2024.kpps.maximum", D(2022, 11, 2), None, 55),
    ("age.pilkada_2024.pantarlih.minimum", D(2024, 6, 13), None, 17),
    ("age.pilkada_2024.panwaslu_kecamatan.minimum", D(2024, 4, 23), None, 21),
    ("age.pilkada_2024.ptps.minimum", D(2024, 9, 12), None, 21),
]
FAR_FUTURE = D(2035, 1, 1)


def _ours(name: str) -> bool:
    return name.startswith(("composition.", "age."))


def _value_on(name: str, day: dt.date) -> int | None:
    snapshot = rules_on(day)
    return snapshot[name].integer if name in snapshot else None


def test_every_value_in_the_file_is_pinned_here() -> None:
    """The table above lists every dated value of composition.* and age.* (nothing untested)."""
    book = default_rule_book()
    shipped = {
        (p.name, v.start, v.end, v.integer) for p in book if _ours(p.name) for v in p.values
    }
    assert shipped == set(VALUES)


@pytest.mark.parametrize(("name", "start", "end", "value"), VALUES)
def test_value_takes_effect_on_its_first_day(
    name: str, start: dt.date, end: dt.date | None, value: int
) -> None:
    """On its first day the value is in force; the day before it is not (or another value is)."""
    assert _value_on(name, start) == value
    before = rules_on(start - ONE_DAY)
    if name in before:
        assert before[name].start < start
    else:
        with pytest.raises(RuleNotInForceError):
            before[name]


@pytest.mark.parametrize(("name", "start", "end", "value"), VALUES)
def test_value_holds_until_its_last_day(
    name: str, start: dt.date, end: dt.date | None, value: int
) -> None:
    """On its last day the value is still in force; the day after another value (or none) is."""
    last = end or FAR_FUTURE
    assert _value_on(name, last) == value
    assert rules_on(last)[name].start == start
    if end is not None:
        after = rules_on(end + ONE_DAY)
        assert name not in after or after[name].start == end + ONE_DAY


def test_kpps_has_seven_members_in_every_shipped_election() -> None:
    """KPPS members per TPS is 7 on each KPPS term's first day, 2019 to 2024."""
    for day in (D(2019, 4, 10), D(2020, 11, 24), D(2024, 1, 25), D(2024, 11, 7)):
        assert rules_on(day)[Role.KPPS.members_parameter].integer == 7


def test_ppk_is_five_from_the_constitutional_court_decision() -> None:
    """MK 31/PUU-XVI/2018 (23 Jul 2018) restored five PPK members; nothing is encoded before."""
    assert rules_on(D(2018, 7, 23))[Role.PPK.members_parameter].integer == 5
    assert Role.PPK.members_parameter not in rules_on(D(2018, 7, 22))


def test_derived_and_inferred_values_are_unconfirmed_with_a_note() -> None:
    """Pilkada 2020 secretariat/PPS counts are derived, so they are marked unconfirmed and say why."""
    snapshot = rules_on(D(2020, 12, 9))
    for name in ("composition.pps.members", "composition.sekretariat_pps.members"):
        value = snapshot[name]
        assert value.confidence is Confidence.UNCONFIRMED
        assert value.note and "Derived" in value.note


def test_every_value_names_its_source_and_article() -> None:
    """Each value cites a source with a URL and an article."""
    for parameter in default_rule_book():
        if _ours(parameter.name):
            for value in parameter.values:
                assert value.citation.article and value.citation.link.startswith("http")


def test_election_source_ids_do_not_reuse_ids_of_sources_toml() -> None:
    """sources-election.toml adds new instruments only; it redefines none."""
    folder = resources.files("jamsos_pemilu.law") / "data"
    base = tomllib.loads((folder / "sources.toml").read_text(encoding="utf-8"))["source"]
    ours = tomllib.loads((folder / "sources-election.toml").read_text(encoding="utf-8"))["source"]
    assert not set(base) & set(ours)


def test_every_election_source_is_cited() -> None:
    """No instrument in sources-election.toml sits unused."""
    folder = resources.files("jamsos_pemilu.law") / "data"
    ours = tomllib.loads((folder / "sources-election.toml").read_text(encoding="utf-8"))["source"]
    used = {source.id for source in default_rule_book().sources_used()}
    assert set(ours) <= used
