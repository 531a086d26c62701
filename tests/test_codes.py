"""Tests for jamsos_pemilu.codes: one parser for the domain's vocabularies."""

from __future__ import annotations

import enum

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jamsos_pemilu import Role, UnknownCodeError
from jamsos_pemilu.codes import normalise, parse_code


class _Kind(enum.Enum):
    WORK_ACCIDENT = "work_accident"
    OTHER = "other"


def test_separators_and_case_do_not_matter() -> None:
    """'Work-Accident', 'work accident' and 'WORK_ACCIDENT' are the same code."""
    for text in ("Work-Accident", "work accident", "WORK_ACCIDENT", " work.accident "):
        assert parse_code(_Kind, "kind", text) is _Kind.WORK_ACCIDENT


def test_non_text_is_rejected_with_accepted_values() -> None:
    """A number is not a code; the error lists the accepted values."""
    with pytest.raises(UnknownCodeError, match="accepted values: work_accident, other"):
        parse_code(_Kind, "kind", 3)


@given(st.sampled_from(list(Role)))
def test_every_role_value_round_trips(role: Role) -> None:
    """Each role parses back from its own value and abbreviation."""
    assert Role.parse(role.value) is role
    assert Role.parse(role.abbreviation) is role


def test_normalise_folds_separators() -> None:
    """Slashes, brackets and repeated spaces fold to one space."""
    assert normalise("Sekretariat  (PPK)/Desa") == "sekretariat ppk desa"
