"""Kode (codes): parsing the fixed vocabularies of the domain from the text people type.

Every enum of the library (roles, positions, programmes, budget sources, incident
kinds, ...) is parsed at the edge with :func:`parse_code`: case, spaces,
underscores, dots, dashes, slashes and brackets do not matter, aliases may be
given, and unknown text raises :class:`~jamsos_pemilu.exceptions.UnknownCodeError`
naming the accepted values.

>>> import enum
>>> class Colour(enum.Enum):
...     DARK_RED = "dark_red"
>>> parse_code(Colour, "colour", "Dark-Red")
<Colour.DARK_RED: 'dark_red'>
>>> parse_code(Colour, "colour", "merah", {"merah": Colour.DARK_RED})
<Colour.DARK_RED: 'dark_red'>
>>> parse_code(Colour, "colour", "blue")
Traceback (most recent call last):
...
jamsos_pemilu.exceptions.UnknownCodeError: unknown colour 'blue'; accepted values: dark_red
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from typing import Final, TypeVar

from jamsos_pemilu.exceptions import UnknownCodeError

__all__ = ["normalise", "parse_code"]

_E = TypeVar("_E", bound=enum.Enum)
_SEPARATORS: Final = re.compile(r"[\s._\-/()]+")


def normalise(text: object) -> str:
    """Lower-case ``text`` and fold separators to single spaces (``""`` for non-text).

    >>> normalise("  Panwaslu  Kelurahan/Desa ")
    'panwaslu kelurahan desa'
    """
    if not isinstance(text, str):
        return ""
    return _SEPARATORS.sub(" ", text.strip().lower()).strip()


def parse_code(cls: type[_E], kind: str, text: object, aliases: Mapping[str, _E] | None = None) -> _E:
    """Parse ``text`` into a member of ``cls`` by value, name or alias.

    Args:
        cls: the enum.
        kind: what the code is, for the error message (``"role"``).
        text: the text to parse (a member of ``cls`` is returned as is).
        aliases: extra spellings, keyed by their :func:`normalise` form.

    Raises:
        UnknownCodeError: naming the accepted values.
    """
    if isinstance(text, cls):
        return text
    key = normalise(text)
    if key:
        for member in cls:
            if key == normalise(str(member.value)) or key == normalise(member.name):
                return member
        if aliases is not None:
            found = aliases.get(key)
            if found is not None:
                return found
    raise UnknownCodeError(kind, text, [str(m.value) for m in cls])
