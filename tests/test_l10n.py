"""Tests for jamsos_pemilu.l10n: formatting money, dates and rates for humans."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from jamsos_pemilu import InputError, Rupiah, Text, UnknownCodeError, format_date, format_percent, format_rupiah
from jamsos_pemilu.l10n import parse_language


def test_rupiah_in_indonesian() -> None:
    """Indonesian money uses Rp and dots for thousands: Rp42.000.000."""
    assert format_rupiah(Rupiah(42_000_000), "id") == "Rp42.000.000"


def test_rupiah_in_english() -> None:
    """English money uses the IDR code and commas."""
    assert format_rupiah(Rupiah(52_800_000), "en") == "IDR 52,800,000"


def test_date_in_both_languages() -> None:
    """Dates are written long-form in each language."""
    assert format_date(dt.date(2019, 12, 2), "id") == "2 Desember 2019"
    assert format_date(dt.date(2019, 12, 2), "en") == "December 2, 2019"


def test_percent_keeps_all_digits() -> None:
    """0,54% is not rounded to 1%."""
    assert format_percent(Decimal("0.0054"), "id") == "0,54%"


def test_unknown_language_is_rejected() -> None:
    """Only Indonesian and English are supported, and the error says so."""
    with pytest.raises(UnknownCodeError, match="id, en"):
        parse_language("fr")


def test_text_renders_each_language() -> None:
    """A Text renders its Indonesian or English sentence."""
    text = Text(id="Tidak tercakup", en="Not covered")
    assert text.render("id") == "Tidak tercakup"
    assert text.render("en") == "Not covered"


@pytest.mark.parametrize(
    ("spelling", "language"),
    [("id", "id"), ("id_ID", "id"), ("id-ID", "id"), ("ID", "id"), ("en", "en"), ("en_US", "en"), ("en-GB", "en")],
)
def test_every_spelling_of_a_language_is_the_same_language(spelling: str, language: str) -> None:
    """``id``, ``id_ID``, ``id-ID``, ``en``, ``en_US``... name Bahasa Indonesia or English, whatever the case or separator."""
    assert parse_language(spelling) == language
    assert Text(id="Jumlah", en="Total").render(spelling) == ("Jumlah" if language == "id" else "Total")


@pytest.mark.parametrize("spelling", ["fr", "", "english", "in", "ind", "e n"])
def test_other_languages_are_an_input_error(spelling: str) -> None:
    """Anything but Indonesian or English is refused with an InputError listing what is accepted."""
    with pytest.raises(InputError, match=r"language.*accepted values: id, en"):
        parse_language(spelling)


def test_format_date_refuses_another_language() -> None:
    """Dates are formatted only in a supported language; a typo is not silently Indonesian."""
    with pytest.raises(InputError, match="language"):
        format_date(dt.date(2024, 2, 14), "de")
