"""Tests for jamsos_pemilu.serialization: round trips and error paths (the schemas: tests/test_schemas.py)."""

import contextlib
import datetime as dt
import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jamsos_pemilu.agreements import Agreement, Cohort
from jamsos_pemilu.exceptions import DeserializationError
from jamsos_pemilu.officers import Officer
from jamsos_pemilu.periods import Period
from jamsos_pemilu.schemes import NonWageEarner, WageEarner
from jamsos_pemilu.serialization import (
    from_dict,
    from_json,
    shipped_agreement,
    shipped_agreements,
    to_dict,
    to_json,
)
from strategies import agreements

OFFICER = Officer(
    nik="3602041211050001", name="Siti", role="kpps", position="anggota", election="pemilu_2024",
    appointment=Period.parse("2024-01-25/2024-02-25"), bpjs_registered_on=dt.date(2024, 1, 30),
)


@settings(max_examples=60, deadline=None)
@given(agreements())
def test_agreement_survives_json_round_trip(agreement: Agreement) -> None:
    """Any valid agreement written to JSON and read back is the same agreement."""
    assert from_json(Agreement, to_json(agreement)) == agreement


def test_every_shipped_agreement_round_trips() -> None:
    """Each shipped agreement survives to_dict/from_dict unchanged."""
    for agreement in shipped_agreements():
        assert from_dict(Agreement, to_dict(agreement)) == agreement


def test_encoding_of_leaves() -> None:
    """Dates are ISO strings, sets sorted lists, enums values, Rupiah ints, schemes tagged."""
    data = to_dict(shipped_agreement("kab-seruyan-pemilu-2024"))
    assert data["signed_on"] == "2024-01-31"
    assert data["programmes"] == ["jkk", "jkm"]
    assert data["cohorts"][0]["roles"] == ["kpps", "ppk", "pps"]
    assert data["payer"]["amount"] == 82_000_000
    assert to_dict(WageEarner())["kind"] == "wage_earner"
    assert to_dict(NonWageEarner())["kind"] == "non_wage_earner"


def test_period_as_start_end() -> None:
    """A Period is written as {"start", "end"}."""
    assert to_dict(Period(dt.date(2024, 1, 1), dt.date(2024, 1, 2))) == {"start": "2024-01-01", "end": "2024-01-02"}


def test_bad_headcount_path() -> None:
    """A text headcount is reported at cohorts[1].headcount."""
    data = to_dict(shipped_agreement("kota-mojokerto-pemilu-2024"))
    data["cohorts"][1]["headcount"] = "424"
    with pytest.raises(DeserializationError) as caught:
        from_dict(Agreement, data)
    assert caught.value.path == "cohorts[1].headcount"


def test_negative_headcount_path() -> None:
    """An impossible value found by the agreement's own checks gets the same path."""
    data = to_dict(shipped_agreement("kota-mojokerto-pemilu-2024"))
    data["cohorts"][0]["headcount"] = -1
    with pytest.raises(DeserializationError) as caught:
        from_dict(Agreement, data)
    assert caught.value.path == "cohorts[0].headcount"


def test_unknown_key_path() -> None:
    """A misspelt key is refused at its own path."""
    data = to_dict(shipped_agreement("kota-mojokerto-pemilu-2024"))
    data["cohorts"][0]["headcont"] = 1
    with pytest.raises(DeserializationError) as caught:
        from_dict(Agreement, data)
    assert caught.value.path == "cohorts[0].headcont"


def test_bad_enum_path() -> None:
    """An unknown role is refused at roles[index]."""
    data = to_dict(shipped_agreement("kab-bintan-pemilu-2024"))
    data["cohorts"][2]["roles"] = ["kpps", "lurah"]
    with pytest.raises(DeserializationError) as caught:
        from_dict(Agreement, data)
    assert caught.value.path == "cohorts[2].roles[1]"


def test_bad_date_path() -> None:
    """A non-ISO date is refused at its field."""
    data = to_dict(shipped_agreement("kab-bintan-pemilu-2024"))
    data["signed_on"] = "29/01/2024"
    with pytest.raises(DeserializationError) as caught:
        from_dict(Agreement, data)
    assert caught.value.path == "signed_on"


def test_float_money_refused() -> None:
    """A float amount is refused: money is whole rupiah."""
    data = to_dict(shipped_agreement("kab-seruyan-pemilu-2024"))
    data["payer"]["amount"] = 82000000.0
    with pytest.raises(DeserializationError) as caught:
        from_dict(Agreement, data)
    assert caught.value.path == "payer.amount"


def test_missing_required_field() -> None:
    """A missing required field is named."""
    with pytest.raises(DeserializationError) as caught:
        from_dict(Cohort, {"period": {"start": "2024-01-01"}})
    assert caught.value.path == "period.end"


def test_string_for_list_refused() -> None:
    """A single string where a list belongs is refused, not split into characters."""
    data = to_dict(shipped_agreement("kab-bintan-pemilu-2024"))
    data["sources"] = "https://example.org"
    with pytest.raises(DeserializationError) as caught:
        from_dict(Agreement, data)
    assert caught.value.path == "sources"


def test_unknown_scheme_kind() -> None:
    """A scheme needs a known kind."""
    data = to_dict(shipped_agreement("kab-bintan-pemilu-2024"))
    data["scheme"] = {"kind": "pekerja_rentan"}
    with pytest.raises(DeserializationError) as caught:
        from_dict(Agreement, data)
    assert caught.value.path == "scheme"


def test_invalid_json() -> None:
    """Text that is not JSON raises DeserializationError at the root."""
    with pytest.raises(DeserializationError) as caught:
        from_json(Agreement, "[1,")
    assert caught.value.path == ""


def test_officer_round_trip() -> None:
    """An officer survives JSON; its NIK is written as digits."""
    data = to_dict(OFFICER)
    assert data["nik"] == "3602041211050001"
    assert from_json(Officer, to_json(OFFICER)) == OFFICER


def test_officer_bad_nik_masked() -> None:
    """A bad NIK is reported at 'nik' without showing it whole."""
    data = to_dict(OFFICER)
    data["nik"] = "3602043002870001"
    with pytest.raises(DeserializationError) as caught:
        from_dict(Officer, data)
    assert caught.value.path == "nik"
    assert "3602043002870001" not in str(caught.value)


# --- a closed error surface for JSON (issue 10) -------------------------------------------

NIK_TEXT = "3602041211050001"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("[" * 100_000 + "]" * 100_000, "nested more than 64 levels deep"),
        ('{"a":' * 65 + "1" + "}" * 65, "nested more than 64 levels deep"),
        ('{"id": ' + "9" * 5000 + "}", "an integer of 5000 digits is too large"),
        ('{"id": NaN}', "NaN is not a number JSON allows here"),
        ('{"id": -Infinity}', "-Infinity is not a number JSON allows here"),
        ('{"id": 1e999}', "is too large"),
        ('{"id": "a", "title": "t", "id": "b"}', "the key 'id' appears twice in one object"),
        ("{", "not valid JSON"),
        (b"\xff\xfe{}", "not UTF-8 text (byte 0)"),
    ],
)
def test_hostile_json_gets_a_library_error(text: str | bytes, reason: str) -> None:
    """Deep nesting, huge or non-finite numbers, repeated keys and bad bytes are DeserializationErrors, never raw."""
    with pytest.raises(DeserializationError, match=re.escape(reason)):
        from_json(Agreement, text)


def test_overlong_json_is_refused_before_parsing() -> None:
    """A text longer than the limit is refused without being read."""
    from jamsos_pemilu.serialization import MAX_JSON_CHARS

    with pytest.raises(DeserializationError, match="longer than"):
        from_json(Officer, " " * (MAX_JSON_CHARS + 1))


def test_json_with_a_bom_loads() -> None:
    """UTF-8 bytes with a byte-order mark load like plain text."""
    assert from_json(Officer, b"\xef\xbb\xbf" + to_json(OFFICER).encode("utf-8")) == OFFICER


def test_deep_python_data_gets_a_library_error() -> None:
    """from_dict refuses data nested deeper than the limit, without recursing into it."""
    deep: object = "x"
    for _ in range(5000):
        deep = [deep]
    with pytest.raises(DeserializationError, match="nested more than 64 levels deep"):
        from_dict(Agreement, {"id": "a", "title": "t", "notes": deep})


def test_huge_python_integers_get_a_library_error() -> None:
    """A headcount beyond any real count, even past Python's digit limit for text, is a clear error."""
    data = to_dict(shipped_agreement("kab-bintan-pemilu-2024"))
    data["cohorts"][0]["headcount"] = 10**5000
    with pytest.raises(DeserializationError, match=r"cohorts\[0\]\.headcount: the number is too large"):
        from_dict(Agreement, data)
    data["cohorts"][0]["headcount"] = 7
    data["reported_total"] = 10**18
    with pytest.raises(DeserializationError, match="reported_total"):
        from_dict(Agreement, data)


@pytest.mark.parametrize(
    "field", ["name", "role", "position", "election", "appointment", "bpjs_registered_on", "unit", "asn", "nik"]
)
def test_a_nik_in_any_officer_field_is_masked(field: str) -> None:
    """Whatever field a NIK lands in, the error quotes it masked."""
    data = to_dict(OFFICER)
    data[field] = NIK_TEXT + "9" if field == "nik" else NIK_TEXT
    for text in (None, json.dumps(data)):
        try:
            from_dict(Officer, data) if text is None else from_json(Officer, text)
        except DeserializationError as error:
            assert NIK_TEXT not in str(error) and NIK_TEXT not in repr(error)
        else:
            assert field == "name"  # a NIK is valid text for a name


JSON_JUNK = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=30,
)


@given(JSON_JUNK)
@settings(max_examples=150, deadline=None)
def test_junk_gets_only_library_errors(data: object) -> None:
    """Any JSON-shaped junk loads as an Agreement or raises a DeserializationError, nothing else."""
    for text in (None, json.dumps(data)):
        with contextlib.suppress(DeserializationError):
            from_dict(Agreement, data) if text is None else from_json(Agreement, text)
