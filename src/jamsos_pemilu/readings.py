"""Bacaan lain (competing readings): a value the library uses, and the others it could have used.

Some facts have more than one defensible reading. The law may be worded so that
two amounts are possible (the JKK death minimum "paling sedikit sebesar
santunan kematian JKM": the Rp20 jt lump sum, or the whole Rp42 jt JKM cash
benefit); two sources may report different periods for the same cohort. The
library picks one reading and uses it; it never hides the others. This module
is the one mechanism for that, shared by the rule book (a
:class:`~jamsos_pemilu.law.RuleValue` carries its alternatives, loaded from the
data files) and by the facts of agreements.

* :class:`Alternative` is one reading not used: its value, where it comes from
  (a citation label or a seed file) and why it is possible.
* :class:`Contested` is a value with its alternatives, for code that carries
  both (``Contested.choose`` switches to an alternative, keeping the old value
  as one).
* :func:`other_outcomes` computes a result under each alternative and keeps the
  ones that change it; :meth:`OtherOutcome.describe` says so in both languages:
  "under the Rp42.000.000 reading of the JKK death minimum: Rp42.000.000".

>>> from jamsos_pemilu.l10n import Text
>>> floor = Contested(20_000_000, (Alternative(42_000_000, "PP 82/2019 Pasal 34 ayat (1)",
...     Text(id="santunan kematian JKM dibaca sebagai seluruh manfaat tunai JKM",
...          en="santunan kematian JKM read as the whole JKM cash benefit")),))
>>> def death_benefit(minimum: int) -> int:
...     return max(48 * 850_000, minimum)
>>> found = other_outcomes(floor.alternatives, death_benefit, actual=death_benefit(floor.value))
>>> [(o.alternative.value, o.outcome) for o in found]
[(42000000, 42000000)]
>>> found[0].describe(Text(id="batas bawah santunan kematian JKK", en="the JKK death minimum"),
...                   lambda v, lang: f"{v:,}", lambda v, lang: f"{v:,}").render("en")
'Under the 42,000,000 reading of the JKK death minimum (PP 82/2019 Pasal 34 ayat (1)): 42,000,000.'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Final, Generic, TypeVar

import attrs

from jamsos_pemilu.exceptions import InputError
from jamsos_pemilu.l10n import Language, Text

__all__ = ["Alternative", "Contested", "OtherOutcome", "other_outcomes"]

T = TypeVar("T")
R = TypeVar("R")

_DEFAULT_WHY: Final = Text(id="bacaan yang dipakai pustaka", en="the reading the library uses")


@attrs.frozen
class Alternative(Generic[T]):
    """Another reading of a value: what it would be, who says so, and why it is possible.

    Args:
        value: the value under this reading, in the same type as the value used.
        source: where the reading comes from: a citation label
            (``"PP 82/2019 Pasal 34 ayat (1)"``) or a seed file name.
        why: why the reading is possible, in both languages.
        url: the page read, when there is one.

    """

    value: T
    source: str
    why: Text
    url: str | None = None

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.source, str) or not self.source.strip():
            raise InputError(f"an alternative reading needs its source (a citation label or file), got {self.source!r}")
        if not isinstance(self.why, Text):
            raise InputError(f"an alternative reading needs a bilingual reason (a Text), got {self.why!r}")

    def to_dict(self, plain: Callable[[T], object] = lambda value: value) -> dict[str, object]:
        """Plain data for JSON; ``plain`` turns the value into JSON types."""
        data: dict[str, object] = {"value": plain(self.value), "source": self.source, "why": self.why.to_dict()}
        if self.url is not None:
            data["url"] = self.url
        return data


@attrs.frozen
class Contested(Generic[T]):
    """A value as used, with the readings not used.

    >>> from jamsos_pemilu.l10n import Text
    >>> term = Contested("2024-01-02..2024-02-14", (Alternative("2024-01-25..2024-02-14", "seed 003",
    ...                  Text(id="laporan lain", en="another report")),))
    >>> term.choose(0).value
    '2024-01-25..2024-02-14'
    >>> term.choose(0).alternatives[0].value
    '2024-01-02..2024-02-14'
    """

    value: T
    alternatives: tuple[Alternative[T], ...] = ()
    source: str = ""
    """Where the value used comes from (kept when :meth:`choose` makes it an alternative)."""
    why: Text = _DEFAULT_WHY
    """Why the value used was chosen."""

    @property
    def contested(self) -> bool:
        """Whether any other reading exists."""
        return bool(self.alternatives)

    def choose(self, index: int) -> Contested[T]:
        """The same facts with alternative ``index`` used instead; the old value becomes an alternative.

        Raises:
            InputError: if there is no alternative ``index``.

        """
        if type(index) is not int or not 0 <= index < len(self.alternatives):
            raise InputError(
                f"index: expected 0 to {len(self.alternatives) - 1} (the alternatives), got {index!r}"
                if self.alternatives
                else f"index: this value has no alternative reading, got {index!r}"
            )
        chosen = self.alternatives[index]
        previous = Alternative(self.value, self.source or "(default reading)", self.why)
        rest = tuple(a for i, a in enumerate(self.alternatives) if i != index)
        return Contested(chosen.value, (previous, *rest), chosen.source, chosen.why)


@attrs.frozen
class OtherOutcome(Generic[T, R]):
    """What a result would be under one alternative reading."""

    alternative: Alternative[T]
    outcome: R

    def describe(
        self,
        subject: Text,
        value_text: Callable[[T, Language], str],
        outcome_text: Callable[[R, Language], str],
    ) -> Text:
        """A sentence for the reader, e.g. "Under the <value> reading of <subject> (<source>): <outcome>".

        Args:
            subject: what the reading is about ("the JKK death minimum").
            value_text: formats the alternative's value in a language.
            outcome_text: formats the outcome in a language.

        """
        source = self.alternative.source
        return Text(
            id=(
                f"Menurut bacaan {value_text(self.alternative.value, 'id')} untuk {subject.id} "
                f"({source}): {outcome_text(self.outcome, 'id')}."
            ),
            en=(
                f"Under the {value_text(self.alternative.value, 'en')} reading of {subject.en} "
                f"({source}): {outcome_text(self.outcome, 'en')}."
            ),
        )


def other_outcomes(
    alternatives: Iterable[Alternative[T]], compute: Callable[[T], R], *, actual: R
) -> tuple[OtherOutcome[T, R], ...]:
    """The result under each alternative reading, keeping only those that differ from ``actual``.

    Args:
        alternatives: the readings not used.
        compute: the calculation, given the value of a reading.
        actual: the result under the reading used.

    """
    found: list[OtherOutcome[T, R]] = []
    for alternative in alternatives:
        outcome = compute(alternative.value)
        if outcome != actual:
            found.append(OtherOutcome(alternative, outcome))
    return tuple(found)
