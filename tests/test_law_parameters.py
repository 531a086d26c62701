"""Tests for jamsos_pemilu.law.parameters: the loader's checks, snapshots and reforms."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from jamsos_pemilu import (
    Confidence,
    InputError,
    Reform,
    RuleDataError,
    RuleNotInForceError,
    RuleTypeError,
    Rupiah,
    UnknownParameterError,
    default_rule_book,
    load_rule_book,
    rules_on,
)

SOURCES = """
[source.pp-x-2020]
kind = "PP"
number = "1"
year = 2020
title = "Test"
url = "https://example.invalid/pp"
"""

GOOD = """
[parameter."x.amount"]
label_id = "Jumlah"
label_en = "Amount"
unit = "rupiah"
[[parameter."x.amount".values]]
start = 2020-01-01
end = 2020-12-31
value = 100
source = "pp-x-2020"
article = "Pasal 1"
status = "primary"
[[parameter."x.amount".values]]
start = 2021-01-01
value = 200
source = "pp-x-2020"
article = "Pasal 2"
status = "unconfirmed"
note = "only reported in the news"
"""


def _book(tmp_path: Path, body: str, *, name: str = "values.toml") -> Path:
    (tmp_path / "sources.toml").write_text(SOURCES, encoding="utf-8")
    (tmp_path / name).write_text(body, encoding="utf-8")
    return tmp_path


def test_good_fixture_loads(tmp_path: Path) -> None:
    """A well-formed pair of files loads, and values are read by date."""
    book = load_rule_book(_book(tmp_path, GOOD))
    assert book.on(dt.date(2020, 12, 31))["x.amount"].rupiah == Rupiah(100)
    assert book.on(dt.date(2021, 1, 1))["x.amount"].rupiah == Rupiah(200)


def test_missing_citation_names_file_and_key(tmp_path: Path) -> None:
    """A value without its article is rejected, naming the file and the key."""
    body = GOOD.replace('article = "Pasal 1"\n', "", 1)
    with pytest.raises(RuleDataError, match=r'values\.toml: parameter\."x\.amount"\.values\[0\]\.article: is missing'):
        load_rule_book(_book(tmp_path, body))


def test_overlapping_values_are_rejected(tmp_path: Path) -> None:
    """Two values in force on the same day are an overlap."""
    body = GOOD.replace("end = 2020-12-31", "end = 2021-01-01")
    with pytest.raises(RuleDataError, match=r"values\[1\]\.start: 2021-01-01 overlaps"):
        load_rule_book(_book(tmp_path, body))


def test_values_out_of_order_are_rejected(tmp_path: Path) -> None:
    """Values must be listed in date order."""
    body = GOOD.replace("start = 2021-01-01", "start = 2019-01-01")
    with pytest.raises(RuleDataError, match="is not after the previous start"):
        load_rule_book(_book(tmp_path, body))


def test_float_amount_is_rejected(tmp_path: Path) -> None:
    """A rupiah value written as a float is a type error in the data."""
    body = GOOD.replace("value = 100", "value = 100.5")
    with pytest.raises(RuleDataError, match=r"values\[0\]\.value: unit rupiah"):
        load_rule_book(_book(tmp_path, body))


def test_rate_as_number_is_rejected(tmp_path: Path) -> None:
    """A rate must be a string so it stays exact."""
    body = GOOD.replace('unit = "rupiah"', 'unit = "rate"').replace("value = 100", "value = 0.5")
    with pytest.raises(RuleDataError, match="rate as a string"):
        load_rule_book(_book(tmp_path, body))


def test_unknown_source_is_rejected(tmp_path: Path) -> None:
    """A value citing a source that is not defined is rejected."""
    body = GOOD.replace('source = "pp-x-2020"', 'source = "pp-y-2020"', 1)
    with pytest.raises(RuleDataError, match="unknown source 'pp-y-2020'"):
        load_rule_book(_book(tmp_path, body))


def test_unconfirmed_without_note_is_rejected(tmp_path: Path) -> None:
    """An unconfirmed value must say why."""
    body = GOOD.replace('note = "only reported in the news"\n', "")
    with pytest.raises(RuleDataError, match="needs a note"):
        load_rule_book(_book(tmp_path, body))


def test_unknown_key_is_rejected(tmp_path: Path) -> None:
    """A misspelt key is reported rather than ignored."""
    body = GOOD.replace('status = "primary"', 'status = "primary"\nstaus = "x"')
    with pytest.raises(RuleDataError, match=r"values\[0\]\.staus: unexpected key"):
        load_rule_book(_book(tmp_path, body))


def test_invalid_toml_names_the_file(tmp_path: Path) -> None:
    """A file that is not TOML is rejected with its name."""
    with pytest.raises(RuleDataError, match=r"values\.toml: <file>: is not valid TOML"):
        load_rule_book(_book(tmp_path, "this is = = not toml"))


def test_datetime_start_is_rejected(tmp_path: Path) -> None:
    """A start with a time of day is not a date."""
    body = GOOD.replace("start = 2020-01-01", "start = 2020-01-01T00:00:00")
    with pytest.raises(RuleDataError, match="must be a TOML date"):
        load_rule_book(_book(tmp_path, body))


def test_bad_schedule_is_rejected(tmp_path: Path) -> None:
    """A schedule whose last tier has months is rejected."""
    body = GOOD.replace('unit = "rupiah"', 'unit = "schedule"').replace(
        "value = 100", 'value = [{months = 6, rate = "1"}]'
    )
    with pytest.raises(RuleDataError, match="open-ended"):
        load_rule_book(_book(tmp_path, body))


def test_duplicate_parameter_across_files_is_rejected(tmp_path: Path) -> None:
    """The same parameter in two files is rejected."""
    _book(tmp_path, GOOD)
    (tmp_path / "more.toml").write_text(GOOD, encoding="utf-8")
    with pytest.raises(RuleDataError, match="defined twice"):
        load_rule_book(tmp_path)


def test_before_first_value_raises_naming_parameter_and_date(tmp_path: Path) -> None:
    """A date before the first value raises, naming the parameter, the date and the first value."""
    book = load_rule_book(_book(tmp_path, GOOD))
    with pytest.raises(RuleNotInForceError, match=r"'x\.amount'.*2019-12-31.*first value takes effect on 2020-01-01"):
        book.on(dt.date(2019, 12, 31))["x.amount"]


def test_after_repeal_raises(tmp_path: Path) -> None:
    """A date after the last value ended raises rather than returning the stale value."""
    body = GOOD.replace("start = 2021-01-01", "start = 2021-01-01\nend = 2021-06-30")
    book = load_rule_book(_book(tmp_path, body))
    assert book.on(dt.date(2021, 6, 30))["x.amount"].rupiah == Rupiah(200)
    with pytest.raises(RuleNotInForceError, match="last value ended on 2021-06-30"):
        book.on(dt.date(2021, 7, 1))["x.amount"]
    assert "x.amount" not in book.on(dt.date(2021, 7, 1))


def test_gap_between_values_raises(tmp_path: Path) -> None:
    """A date in a gap between two values raises and names both sides."""
    body = GOOD.replace("end = 2020-12-31", "end = 2020-06-30")
    book = load_rule_book(_book(tmp_path, body))
    with pytest.raises(RuleNotInForceError, match="ended and the next takes effect on 2021-01-01"):
        book.on(dt.date(2020, 7, 1))["x.amount"]


def test_unknown_parameter_suggests_close_names() -> None:
    """A misspelt parameter name raises and suggests the right one."""
    with pytest.raises(UnknownParameterError, match="did you mean jkm.lump_sum"):
        rules_on(dt.date(2024, 1, 1))["jkm.lumpsum"]


def test_wrong_accessor_raises_type_error() -> None:
    """Reading a rate as rupiah raises RuleTypeError."""
    with pytest.raises(RuleTypeError, match="holds a rate value, not a rupiah amount"):
        _ = rules_on(dt.date(2024, 1, 1))["pu.jkm_rate"].rupiah


def test_reform_overrides_without_touching_shipped_data() -> None:
    """A reform changes its snapshot only, and records itself on the value."""
    day = dt.date(2024, 2, 14)
    reform = Reform("JKM lump sum to Rp30 juta", {"jkm.lump_sum": 30_000_000})
    reformed = rules_on(day, reform=reform)["jkm.lump_sum"]
    assert reformed.rupiah == Rupiah(30_000_000)
    assert reformed.confidence is Confidence.REFORM
    assert reformed.reform == "JKM lump sum to Rp30 juta"
    assert reformed.replaced is not None
    assert reformed.replaced.rupiah == Rupiah(20_000_000)
    assert rules_on(day)["jkm.lump_sum"].rupiah == Rupiah(20_000_000)


def test_reform_on_a_rule_book_applies_to_every_date() -> None:
    """A reformed rule book applies its reform to every snapshot it gives."""
    book = default_rule_book().with_reform(Reform("JKM rate up", {"pu.jkm_rate": "0.004"}))
    assert book.on(dt.date(2016, 1, 1))["pu.jkm_rate"].rate == Decimal("0.004")
    assert book.on(dt.date(2026, 1, 1))["pu.jkm_rate"].rate == Decimal("0.004")
    assert default_rule_book().on(dt.date(2026, 1, 1))["pu.jkm_rate"].rate == Decimal("0.0030")


def test_reform_of_unknown_parameter_is_rejected() -> None:
    """A reform naming a parameter that does not exist is rejected."""
    with pytest.raises(UnknownParameterError):
        rules_on(dt.date(2024, 1, 1), reform=Reform("typo", {"jkm.lumpsum": 1}))


def test_reform_with_wrong_type_is_rejected() -> None:
    """A reform giving a float rate is rejected with the parameter named."""
    with pytest.raises(InputError, match="reform 'bad'.*'pu.jkm_rate'"):
        rules_on(dt.date(2024, 1, 1), reform=Reform("bad", {"pu.jkm_rate": 0.004}))


def test_reform_round_trips_as_plain_data() -> None:
    """A reform survives to_dict/from_dict unchanged."""
    reform = Reform("KPPS honor naik", {"honorarium.pemilu_2024.kpps.anggota": 1_500_000})
    assert Reform.from_dict(reform.to_dict()) == reform


def test_snapshot_refuses_datetime() -> None:
    """Rules are taken on a date, not a datetime."""
    with pytest.raises(InputError, match="datetime.date"):
        default_rule_book().on(dt.datetime(2024, 1, 1))


def test_digest_is_stable() -> None:
    """The rule data digest is a SHA-256 hex string that does not change between loads."""
    digest = default_rule_book().digest
    assert len(digest) == 64
    assert rules_on(dt.date(2024, 1, 1)).digest == digest
