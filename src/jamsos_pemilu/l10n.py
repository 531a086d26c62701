"""Bahasa (language): the only module that formats for humans, on top of babel.

Money and dates are formatted with babel; Indonesian (``id_ID``) is the default
locale and English (``en``) the other supported one. User-facing sentences are
held as :class:`Text` pairs so every message exists in both languages.

>>> from jamsos_pemilu import Rupiah
>>> format_rupiah(Rupiah(42_000_000))
'Rp42.000.000'
>>> format_rupiah(Rupiah(42_000_000), "en")
'IDR 42,000,000'
>>> import datetime as dt
>>> format_date(dt.date(2024, 2, 14))
'14 Februari 2024'
>>> format_date(dt.date(2024, 2, 14), "en")
'February 14, 2024'
"""

from __future__ import annotations

import datetime as dt
import functools
from decimal import Decimal
from typing import TYPE_CHECKING, Final, Literal

import attrs
from babel.dates import format_date as _babel_format_date
from babel.numbers import format_currency as _babel_format_currency
from babel.numbers import format_decimal as _babel_format_decimal

from jamsos_pemilu.exceptions import UnknownCodeError

if TYPE_CHECKING:
    from jamsos_pemilu.money import Rupiah

__all__ = [
    "DEFAULT_LANGUAGE",
    "Language",
    "Text",
    "format_date",
    "format_number",
    "format_percent",
    "format_rupiah",
    "parse_language",
]

Language = Literal["id", "en"]
"""A supported language: ``"id"`` (Bahasa Indonesia, the default) or ``"en"``."""

DEFAULT_LANGUAGE: Final[Language] = "id"
_LOCALES: Final[dict[str, str]] = {"id": "id_ID", "en": "en"}
_CURRENCY_PATTERNS: Final[dict[str, str]] = {"id": "¤#,##0", "en": "¤ #,##0"}


def parse_language(text: str) -> Language:
    """Accept ``"id"``, ``"id_ID"``, ``"en"``, ``"en_US"``...; reject the rest.

    >>> parse_language("id_ID")
    'id'
    """
    key = text.strip().lower().replace("-", "_").split("_")[0] if isinstance(text, str) else ""
    if key == "id":
        return "id"
    if key == "en":
        return "en"
    raise UnknownCodeError("language", text, ["id", "en"])


@functools.lru_cache(maxsize=65536)
def format_rupiah(amount: Rupiah, lang: Language = DEFAULT_LANGUAGE) -> str:
    """Format money the way readers of ``lang`` expect (``Rp42.000.000`` in Indonesian).

    Results are cached: the same amounts recur across a roster.
    """
    code = parse_language(lang)
    text: str = _babel_format_currency(
        amount.amount,
        "IDR",
        format=_CURRENCY_PATTERNS[code],
        locale=_LOCALES[code],
        currency_digits=False,
    )
    return text


@functools.lru_cache(maxsize=65536)
def format_date(value: dt.date, lang: Language = DEFAULT_LANGUAGE) -> str:
    """Format a date in long form (``14 Februari 2024``; ``February 14, 2024``); cached."""
    code = parse_language(lang)
    text: str = _babel_format_date(value, "long", locale=_LOCALES[code])
    return text


def format_percent(rate: Decimal, lang: Language = DEFAULT_LANGUAGE) -> str:
    """Format a rate as a percentage without losing digits.

    >>> from decimal import Decimal
    >>> format_percent(Decimal("0.0024"))
    '0,24%'
    >>> format_percent(Decimal("0.0024"), "en")
    '0.24%'
    """
    code = parse_language(lang)
    percent = (rate * 100).normalize()
    if percent == percent.to_integral_value():
        percent = percent.quantize(Decimal(1))
    text: str = _babel_format_decimal(percent, format="#,##0.########", locale=_LOCALES[code])
    return f"{text}%"


def format_number(number: int | Decimal, lang: Language = DEFAULT_LANGUAGE) -> str:
    """Format a count or multiplier with the reader's digit grouping.

    >>> format_number(15_753), format_number(15_753, "en")
    ('15.753', '15,753')
    """
    code = parse_language(lang)
    text: str = _babel_format_decimal(number, locale=_LOCALES[code])
    return text


@attrs.frozen
class Text:
    """One user-facing sentence in Bahasa Indonesia and English.

    >>> Text(id="Tercakup", en="Covered").render("en")
    'Covered'
    """

    id: str
    en: str

    def render(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """The sentence in ``lang`` (any spelling :func:`parse_language` accepts)."""
        return self.en if parse_language(lang) == "en" else self.id

    def to_dict(self) -> dict[str, str]:
        """Both languages as a plain dict."""
        return {"id": self.id, "en": self.en}
