"""Tests for jamsos_pemilu.serialization: round trips, error paths and JSON Schema."""

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from jamsos_pemilu.agreements import Agreement, Cohort, shipped_agreement, shipped_agreements
from jamsos_pemilu.exceptions import DeserializationError
from jamsos_pemilu.officers import Officer
from jamsos_pemilu.periods import Period
from jamsos_pemilu.schemes import NonWageEarner, WageEarner
from jamsos_pemilu.serialization import (
    from_dict,
    from_json,
    json_schema,
    to_dict,
    to_json,
    write_json_schemas,
)
from jamsos_pemilu.strategies import agreements

OFFICER = Officer(
    nik="3602041211050001", name="Siti", role="kpps", position="anggota", election="pemilu_2024",
    appointment=Period.parse("2024-01-25/2024-02-25"), bpjs_registered_on=dt.date(2024, 1, 30),
)


def validate(instance: Any, schema: dict[str, Any], root: dict[str, Any]) -> list[str]:
    """Errors of ``instance`` against the JSON Schema subset json_schema() writes."""
    if "$ref" in schema:
        return validate(instance, root["$defs"][schema["$ref"].split("/")[-1]], root)
    if "anyOf" in schema:
        return [] if any(not validate(instance, s, root) for s in schema["anyOf"]) else ["anyOf"]
    if "oneOf" in schema:
        matches = sum(not validate(instance, s, root) for s in schema["oneOf"])
        return [] if matches == 1 else [f"oneOf matched {matches}"]
    if "const" in schema:
        return [] if instance == schema["const"] else ["const"]
    kind = schema.get("type")
    checks = {"string": str, "integer": int, "boolean": bool, "array": list, "object": dict}
    if kind == "null":
        return [] if instance is None else ["null"]
    if kind and (not isinstance(instance, checks[kind]) or (kind == "integer" and isinstance(instance, bool))):
        return [f"type {kind}"]
    errors: list[str] = []
    if "enum" in schema and instance not in schema["enum"]:
        errors.append("enum")
    if "pattern" in schema and not re.search(schema["pattern"], instance):
        errors.append("pattern")
    if kind == "array":
        for item in instance:
            errors += validate(item, schema["items"], root)
    if kind == "object":
        errors += [f"missing {k}" for k in schema.get("required", []) if k not in instance]
        for key, value in instance.items():
            if key not in schema["properties"]:
                errors.append(f"extra {key}")
            else:
                errors += validate(value, schema["properties"][key], root)
    return errors


@settings(max_examples=60, deadline=None)
@given(agreements())
def test_agreement_survives_json_round_trip(agreement: Agreement) -> None:
    """Any valid agreement written to JSON and read back is the same agreement."""
    assert from_json(Agreement, to_json(agreement)) == agreement


@settings(max_examples=60, deadline=None)
@given(agreements())
def test_agreement_json_matches_its_schema(agreement: Agreement) -> None:
    """Whatever to_dict writes for an agreement, the exported JSON Schema accepts."""
    schema = json_schema(Agreement)
    assert validate(to_dict(agreement), schema, schema) == []


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


def test_officer_json_matches_schema() -> None:
    """An officer's JSON matches the exported Officer schema."""
    schema = json_schema(Officer)
    assert validate(to_dict(OFFICER), schema, schema) == []


def test_schema_refuses_extra_keys() -> None:
    """The schema's objects refuse unknown keys, as the loader does."""
    schema = json_schema(Agreement)
    data = dict(to_dict(shipped_agreement("kab-bintan-pemilu-2024")), extra=1)
    assert validate(data, schema, schema) == ["extra extra"]


def test_schema_requires_id_and_title() -> None:
    """Only fields without defaults are required."""
    assert json_schema(Agreement)["required"] == ["id", "title"]


def test_write_json_schemas(tmp_path: Path) -> None:
    """Schemas are written as JSON files, one per model."""
    written = write_json_schemas(tmp_path)
    assert sorted(p.name for p in written) == ["Agreement.schema.json", "Officer.schema.json"]
    assert json.loads(written[0].read_text("utf-8"))["title"] == "Agreement"
