"""Tests for jamsos_pemilu.l10n: formatting money, dates and rates for humans."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from jamsos_pemilu import Rupiah, Text, UnknownCodeError, format_date, format_percent, format_rupiah
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
