"""Tests for jamsos_pemilu.exceptions: the hierarchy, and no whole NIK in any message."""

from __future__ import annotations

import datetime as dt
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jamsos_pemilu import exceptions
from jamsos_pemilu.exceptions import (
    AgreementError,
    CalculationError,
    DeserializationError,
    FloatMoneyError,
    InputError,
    InvalidNIKError,
    InvalidPeriodError,
    InvalidRegionCodeError,
    JamsosError,
    MoneyError,
    RosterError,
    RuleDataError,
    RuleNotInForceError,
    RuleTypeError,
    UnknownCodeError,
    UnknownParameterError,
)
from jamsos_pemilu.officers import redact_niks

NIK = "3602041211870001"
MASKED = "360204******0001"
# The ways people type a NIK into a field that is not the NIK field.
TYPED = [NIK, "3602 0412 1187 0001", "3602.0412.1187.0001", "3602-0412-1187-0001", "360204 121187 0001"]


def every_error(text: str) -> list[JamsosError]:
    """One instance of every error class with ``text`` in every field that takes text."""
    return [
        JamsosError(text),
        InputError(f"field {text!r} is wrong"),
        InvalidPeriodError(text),
        CalculationError(text),
        FloatMoneyError(text, where=text, expected=text),
        MoneyError(text, text, text),
        UnknownCodeError(text, text, [text]),
        InvalidNIKError(text, text),
        InvalidRegionCodeError(text, text),
        AgreementError(text, [text, text]),
        DeserializationError(text, text, text),
        RosterError(text, 3, text, text),
        RuleDataError(text, text, text),
        UnknownParameterError(text, [text]),
        RuleNotInForceError(text, dt.date(2024, 2, 14), text),
        RuleTypeError(text, text, text),
    ]


def digits_of(text: str) -> str:
    """The digits of ``text`` alone, to look for a NIK written with separators."""
    return "".join(ch for ch in text if ch.isdigit())


def test_every_error_class_is_in_the_hierarchy_and_exported() -> None:
    """Each class named in __all__ (but the money rule) derives from JamsosError."""
    for name in exceptions.__all__:
        value = getattr(exceptions, name)
        if isinstance(value, type):
            assert issubclass(value, JamsosError), name


def test_money_type_errors_are_input_errors_and_type_errors() -> None:
    """A float for money is bad input (InputError) of the wrong type (TypeError)."""
    assert issubclass(FloatMoneyError, InputError)
    assert issubclass(FloatMoneyError, TypeError)
    assert issubclass(MoneyError, InputError)
    assert issubclass(MoneyError, ValueError)


@pytest.mark.parametrize("typed", TYPED)
def test_no_error_shows_a_nik_placed_in_any_of_its_fields(typed: str) -> None:
    """A NIK in any argument of any error is masked in str, repr, args and text attributes."""
    for error in every_error(typed):
        shown = [str(error), repr(error), *map(str, error.args)]
        shown += [value for value in vars(error).values() if isinstance(value, str)]
        for text in shown:
            assert NIK not in digits_of(text), (type(error).__name__, text)
        assert MASKED in str(error), type(error).__name__


def test_a_nik_in_a_non_text_argument_is_masked_in_the_message() -> None:
    """A NIK given as a number (a role cell read as int) is masked too."""
    error = UnknownCodeError("role", int(NIK), ["ppk", "kpps"])
    assert NIK not in str(error)
    assert NIK not in repr(error)


def test_redaction_leaves_ordinary_numbers_alone() -> None:
    """Amounts, dates, region codes and 15-digit numbers are not NIKs and stay as they are."""
    text = "Rp1.000.000.000.000.000 on 2024-01-25 2024-02-25 in 36.02.04 (360204121187000)"
    assert redact_niks(text) == text
    assert str(InputError(text)) == text


def test_redaction_masks_longer_digit_runs_and_other_scripts() -> None:
    """17 digits (a NIK with a typo) and NIKs in other digit scripts are masked as well."""
    assert redact_niks("x 36020412118700011 y") == "x 360204*******0011 y"
    arabic = "".join(chr(0x0660 + int(d)) for d in NIK)
    assert arabic not in redact_niks(f"role {arabic}")


def test_errors_survive_pickling_masked() -> None:
    """An error sent between processes keeps its masked message."""
    error = pickle.loads(pickle.dumps(InputError(f"bad {NIK}")))
    assert str(error) == f"bad {MASKED}"


@given(st.text(alphabet="0123456789 .-abc", max_size=60))
def test_no_message_holds_sixteen_digits_in_a_row(text: str) -> None:
    """Whatever text an error is built from, its message has no run of 16 digits."""
    message = str(InputError(text))
    run = 0
    for ch in message:
        run = run + 1 if ch.isdigit() else 0
        assert run < 16


def test_a_long_value_is_cut_after_its_nik_is_masked() -> None:
    """Quoting a long value never cuts a NIK so that most of its digits show unmasked."""
    from jamsos_pemilu.exceptions import short_repr

    for offset in range(30):
        text = short_repr("x" * offset + NIK + "y" * 40)
        assert NIK[6:12] not in text, text  # the birth date, digits 7-12, never shows
