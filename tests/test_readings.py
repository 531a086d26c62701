"""Tests for jamsos_pemilu.readings: competing readings of a value and what they would change."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jamsos_pemilu.exceptions import InputError
from jamsos_pemilu.l10n import Language, Text
from jamsos_pemilu.readings import Alternative, Contested, OtherOutcome, other_outcomes

WHY = Text(id="alasan", en="reason")
FLOOR = Contested(20_000_000, (Alternative(42_000_000, "PP 82/2019 Pasal 34 ayat (1)", WHY),), "PP 82/2019 Lampiran III")


def _death(minimum: int) -> int:
    return max(48 * 850_000, minimum)


def _plain(value: int, lang: Language) -> str:
    return str(value)


def test_an_alternative_that_changes_the_result_is_reported() -> None:
    """A Pilkada 2024 KPPS member (48 × Rp850.000 = Rp40,8 jt) gets Rp42 jt under the Rp42 jt reading."""
    (found,) = other_outcomes(FLOOR.alternatives, _death, actual=_death(FLOOR.value))
    assert found.outcome == 42_000_000
    assert found.alternative.value == 42_000_000


def test_an_alternative_that_changes_nothing_is_left_out() -> None:
    """Above Rp42 jt (48 × Rp1.100.000) both readings give the same amount, so nothing is said."""
    def high(minimum: int) -> int:
        return max(48 * 1_100_000, minimum)

    assert other_outcomes(FLOOR.alternatives, high, actual=high(FLOOR.value)) == ()


def test_describe_says_the_other_amount_in_both_languages() -> None:
    """The sentence names the reading, its source and the other result."""
    outcome = OtherOutcome(FLOOR.alternatives[0], 42_000_000)
    text = outcome.describe(Text(id="batas bawah", en="the minimum"), _plain, _plain)
    assert text.render("en") == "Under the 42000000 reading of the minimum (PP 82/2019 Pasal 34 ayat (1)): 42000000."
    assert text.render("id").startswith("Menurut bacaan 42000000 untuk batas bawah")


def test_choose_swaps_the_value_and_keeps_the_old_one_as_an_alternative() -> None:
    """Choosing a reading makes it the value; the reading used before stays listed with its source."""
    chosen = FLOOR.choose(0)
    assert chosen.value == 42_000_000
    assert chosen.source == "PP 82/2019 Pasal 34 ayat (1)"
    assert [(a.value, a.source) for a in chosen.alternatives] == [(20_000_000, "PP 82/2019 Lampiran III")]
    assert chosen.choose(0).value == FLOOR.value


@pytest.mark.parametrize("index", [1, -1, True])
def test_choose_refuses_an_index_it_does_not_have(index: int) -> None:
    """Only an existing alternative can be chosen; the error names the valid range."""
    with pytest.raises(InputError, match="index: expected 0 to 0"):
        FLOOR.choose(index)


def test_a_value_without_alternatives_is_not_contested() -> None:
    """A value with no other reading says so and has nothing to choose."""
    plain = Contested(5)
    assert not plain.contested
    assert FLOOR.contested
    with pytest.raises(InputError, match="has no alternative reading"):
        plain.choose(0)


def test_an_alternative_needs_a_source_and_a_reason() -> None:
    """An alternative without a source or a bilingual reason is refused."""
    with pytest.raises(InputError, match="needs its source"):
        Alternative(1, " ", WHY)
    with pytest.raises(InputError, match="bilingual reason"):
        Alternative(1, "seed 001", "because")  # type: ignore[arg-type]


def test_alternative_to_dict_uses_the_plain_form() -> None:
    """An alternative serialises its value through the given converter, with its URL when known."""
    alternative = Alternative(42_000_000, "PP 82/2019", WHY, "https://example.invalid")
    assert alternative.to_dict(str) == {
        "value": "42000000", "source": "PP 82/2019", "why": {"id": "alasan", "en": "reason"},
        "url": "https://example.invalid",
    }



@given(
    wage=st.integers(min_value=1, max_value=10_000_000),
    floors=st.lists(st.integers(min_value=0, max_value=100_000_000), min_size=1, max_size=4, unique=True),
)
def test_only_readings_that_change_the_amount_are_reported(wage: int, floors: list[int]) -> None:
    """For any wage and any other minimums, a reading is reported exactly when it changes the death benefit."""
    used, *others = floors
    alternatives = tuple(Alternative(f, "test", WHY) for f in others)

    def benefit(minimum: int) -> int:
        return max(48 * wage, minimum)

    found = other_outcomes(alternatives, benefit, actual=benefit(used))
    assert [o.alternative.value for o in found] == [f for f in others if benefit(f) != benefit(used)]
    assert all(o.outcome == benefit(o.alternative.value) for o in found)
