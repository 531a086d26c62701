"""Tests for jamsos_pemilu.law.parameters: the loader's checks, snapshots and reforms."""

from __future__ import annotations

import datetime as dt
import decimal
import errno
import os
import re
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jamsos_pemilu import (
    Confidence,
    InputError,
    JamsosError,
    Month,
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
from jamsos_pemilu.law.parameters import (
    DAY_OF_MONTH_PARAMETERS,
    FIRST_RULE_DATE,
    LAST_RULE_DATE,
    MAX_INTEGER,
    MAX_RULE_FILE_BYTES,
    Unit,
)
from jamsos_pemilu.premiums import due_date

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


CHOICE = """
[parameter."x.shift"]
label_id = "Geser"
label_en = "Shift"
unit = "choice"
choices = ["next_working_day", "previous_working_day"]
[[parameter."x.shift".values]]
start = 2020-01-01
value = "next_working_day"
source = "pp-x-2020"
article = "Pasal 3"
status = "primary"
"""


def test_choice_parameter_loads_with_its_options(tmp_path: Path) -> None:
    """A choice parameter lists its options and a value among them loads."""
    book = load_rule_book(_book(tmp_path, CHOICE))
    assert book["x.shift"].choices == ("next_working_day", "previous_working_day")
    assert book.on(dt.date(2020, 1, 1))["x.shift"].choice == "next_working_day"


def test_choice_outside_its_options_is_rejected(tmp_path: Path) -> None:
    """A choice value that is not one of the listed options is a data error naming the options."""
    body = CHOICE.replace('value = "next_working_day"', 'value = "next_day"')
    with pytest.raises(RuleDataError, match=r"values\[0\]\.value: unit choice: 'next_day' is not one of the choices"):
        load_rule_book(_book(tmp_path, body))


def test_choice_parameter_without_options_is_rejected(tmp_path: Path) -> None:
    """A choice parameter must say which options exist."""
    body = CHOICE.replace('choices = ["next_working_day", "previous_working_day"]\n', "")
    with pytest.raises(RuleDataError, match=r'parameter\."x\.shift"\.choices: a \'choice\' parameter needs'):
        load_rule_book(_book(tmp_path, body))


def test_options_on_a_non_choice_parameter_are_rejected(tmp_path: Path) -> None:
    """Only a choice parameter lists choices."""
    body = GOOD.replace('unit = "rupiah"', 'unit = "rupiah"\nchoices = ["a"]')
    with pytest.raises(RuleDataError, match="only a 'choice' parameter lists choices"):
        load_rule_book(_book(tmp_path, body))


def test_reform_choice_outside_its_options_is_rejected() -> None:
    """A what-if cannot set a choice parameter to an option the data does not list."""
    with pytest.raises(InputError, match="is not one of the choices"):
        rules_on(dt.date(2024, 2, 1), reform=Reform("geser", {"contribution.due_date_shift": "tomorrow"}))


ALTERNATIVE = GOOD.replace(
    'article = "Pasal 1"\nstatus = "primary"',
    'article = "Pasal 1"\nstatus = "primary"\n'
    'alternatives = [{value = 150, source = "pp-x-2020", article = "Pasal 9", why_id = "dibaca lain", '
    'why_en = "read otherwise"}]',
)


def test_alternative_reading_loads_with_its_citation(tmp_path: Path) -> None:
    """A value may list another reading: its value in the same unit, its citation and why."""
    value = load_rule_book(_book(tmp_path, ALTERNATIVE)).on(dt.date(2020, 6, 1))["x.amount"]
    assert value.rupiah == Rupiah(100)
    (other,) = value.alternatives
    assert other.value == Rupiah(150)
    assert other.source == "PP 1/2020 Pasal 9"
    assert other.why.render("en") == "read otherwise"
    assert value.to_dict()["alternatives"] == [
        {"value": 150, "source": "PP 1/2020 Pasal 9", "why": {"id": "dibaca lain", "en": "read otherwise"},
         "url": "https://example.invalid/pp"}
    ]


def test_alternative_with_the_wrong_unit_is_rejected(tmp_path: Path) -> None:
    """An alternative reading is checked like the value: a float amount is refused."""
    body = ALTERNATIVE.replace("value = 150", "value = 150.5")
    with pytest.raises(RuleDataError, match=r"alternatives\[0\]\.value: unit rupiah"):
        load_rule_book(_book(tmp_path, body))


def test_alternative_equal_to_the_value_is_rejected(tmp_path: Path) -> None:
    """An alternative that repeats the value used is not another reading."""
    body = ALTERNATIVE.replace("value = 150", "value = 100")
    with pytest.raises(RuleDataError, match="repeats a reading already listed"):
        load_rule_book(_book(tmp_path, body))


def test_alternative_without_reason_is_rejected(tmp_path: Path) -> None:
    """An alternative reading must say why it is possible, in both languages."""
    body = ALTERNATIVE.replace(', why_en = "read otherwise"', "")
    with pytest.raises(RuleDataError, match=r"alternatives\[0\]\.why_en: is missing"):
        load_rule_book(_book(tmp_path, body))


def test_reform_selects_the_rp42_million_reading_of_the_jkk_death_minimum() -> None:
    """A reform can use the other reading of the JKK death minimum; the receipt value says so."""
    day = dt.date(2024, 11, 27)
    reform = Reform.select_alternative("jkk.death.floor")
    chosen = rules_on(day, reform=reform)["jkk.death.floor"]
    assert chosen.rupiah == Rupiah(42_000_000)
    assert chosen.confidence is Confidence.REFORM
    assert chosen.replaced is not None and chosen.replaced.rupiah == Rupiah(20_000_000)
    assert rules_on(day)["jkk.death.floor"].rupiah == Rupiah(20_000_000)


def test_selecting_a_missing_alternative_is_rejected() -> None:
    """Selecting a reading the data does not list names the parameter and how many there are."""
    with pytest.raises(InputError, match=r"no alternative reading 1 .*it lists 1 \(index 0 to 0\)"):
        rules_on(dt.date(2024, 2, 1), reform=Reform.select_alternative("jkk.death.floor", 1))
    with pytest.raises(InputError, match="it lists none"):
        rules_on(dt.date(2024, 2, 1), reform=Reform.select_alternative("jkm.lump_sum"))


def test_selecting_an_alternative_before_the_value_exists_is_rejected() -> None:
    """Before PP 82/2019 the JKK death minimum does not exist, so neither does its other reading."""
    with pytest.raises(InputError, match="no value is in force on 2019-12-01"):
        rules_on(dt.date(2019, 12, 1), reform=Reform.select_alternative("jkk.death.floor"))


def test_reform_readings_round_trip_as_plain_data() -> None:
    """A reform selecting a reading survives to_dict/from_dict."""
    reform = Reform.select_alternative("jkk.death.floor", label="JKM Rp42 jt")
    assert reform.to_dict() == {"label": "JKM Rp42 jt", "overrides": {}, "readings": {"jkk.death.floor": 0}}
    assert Reform.from_dict(reform.to_dict()) == reform


def test_reform_cannot_override_and_select_the_same_parameter() -> None:
    """One parameter is either overridden or given another reading, not both."""
    with pytest.raises(InputError, match="both overridden and given an alternative reading"):
        Reform("x", {"jkk.death.floor": 1}, {"jkk.death.floor": 0})


def test_reform_reading_index_must_be_a_whole_number() -> None:
    """The reading index is a non-negative integer."""
    with pytest.raises(InputError, match="needs the index of an alternative reading"):
        Reform("x", readings={"jkk.death.floor": -1})


def test_reform_reading_of_unknown_parameter_is_rejected() -> None:
    """A rule book refuses a reform that selects a reading of a parameter that does not exist."""
    with pytest.raises(UnknownParameterError):
        default_rule_book().with_reform(Reform.select_alternative("jkk.death.flor"))


def test_confidence_levels_are_ordered_strongest_first() -> None:
    """near-primary sits between primary and secondary; unconfirmed is weaker than all three."""
    order = [Confidence.PRIMARY, Confidence.NEAR_PRIMARY, Confidence.SECONDARY, Confidence.UNCONFIRMED]
    assert sorted(reversed(order), key=lambda c: c.rank) == order
    assert Confidence.NEAR_PRIMARY.at_least(Confidence.SECONDARY)
    assert not Confidence.SECONDARY.at_least(Confidence.NEAR_PRIMARY)
    assert Confidence.parse("near-primary") is Confidence.NEAR_PRIMARY
    assert "near-primary" in Confidence.NEAR_PRIMARY.text.render("en")


def test_near_primary_status_loads_from_data(tmp_path: Path) -> None:
    """The data files accept the near-primary status."""
    body = GOOD.replace('status = "primary"', 'status = "near-primary"', 1)
    book = load_rule_book(_book(tmp_path, body))
    assert book.on(dt.date(2020, 1, 1))["x.amount"].confidence is Confidence.NEAR_PRIMARY


def test_source_without_number_is_labelled_by_kind_and_year(tmp_path: Path) -> None:
    """A letter known only by its date has no number; its label is its kind and year."""
    (tmp_path / "sources.toml").write_text(SOURCES.replace('number = "1"\n', ""), encoding="utf-8")
    (tmp_path / "values.toml").write_text(GOOD, encoding="utf-8")
    assert load_rule_book(tmp_path).sources["pp-x-2020"].label == "PP 2020"


# --------------------------------------------------------------------------- a closed error surface: the loader
#
# One tiny malformed fixture per loader error, each a change of GOOD (or of a one-parameter file):
# whatever the files hold, load_rule_book answers with a RuleDataError naming the file and the key,
# or the folder; never with RecursionError, OSError, UnicodeDecodeError or a plain ValueError.

NIK = "3302114506990003"
"""A valid-looking NIK, planted where a careless file might put one."""


def _one(unit: str, value: str, *, name: str = "x.value", extra: str = "") -> str:
    """A file with one parameter of ``unit`` whose only value is the TOML literal ``value``."""
    return (
        f'[parameter."{name}"]\nlabel_id = "Nilai"\nlabel_en = "Value"\nunit = "{unit}"\n{extra}'
        f'[[parameter."{name}".values]]\nstart = 2020-01-01\nvalue = {value}\n'
        'source = "pp-x-2020"\narticle = "Pasal 1"\nstatus = "primary"\n'
    )


def _loads(tmp_path: Path, body: str) -> object:
    """The value of the one parameter of ``body`` on 1 January 2020."""
    book = load_rule_book(_book(tmp_path, body))
    (name,) = book.parameters
    return book.on(dt.date(2020, 1, 1))[name].value


def test_arrays_nested_too_deeply_are_a_data_error(tmp_path: Path) -> None:
    """An array nested thousands deep, closed or not, is refused as TOML naming the file (not a RecursionError)."""
    for text in ("x = " + "[" * 100_000, "x = " + "[" * 3_000 + "]" * 3_000):
        with pytest.raises(RuleDataError, match=r"values\.toml: <file>: is not valid TOML: .*nested too deeply"):
            load_rule_book(_book(tmp_path, f"{GOOD}\n{text}\n"))


def test_an_integer_too_long_to_read_is_a_data_error(tmp_path: Path) -> None:
    """An integer of 5.000 digits is refused as TOML naming the file (not Python's int-string limit)."""
    body = GOOD.replace("value = 100", "value = 1" + "0" * 5_000)
    with pytest.raises(RuleDataError, match=r"values\.toml: <file>: is not valid TOML"):
        load_rule_book(_book(tmp_path, body))


def test_a_rule_file_holds_at_most_one_mebibyte(tmp_path: Path) -> None:
    """A file of exactly MAX_RULE_FILE_BYTES loads; one byte more is refused before it is parsed."""
    padding = MAX_RULE_FILE_BYTES - len(GOOD.encode()) - 1
    exact = GOOD + "#" + "x" * (padding - 1) + "\n"
    assert len(exact.encode()) == MAX_RULE_FILE_BYTES
    assert _loads(tmp_path, exact) == Rupiah(100)
    with pytest.raises(RuleDataError, match=rf"values\.toml: <file>: is larger than {MAX_RULE_FILE_BYTES} bytes"):
        load_rule_book(_book(tmp_path, exact + "\n"))


def test_text_that_is_not_utf8_names_the_line_and_byte(tmp_path: Path) -> None:
    """A Latin-1 byte in a rule file is refused with its line and offset."""
    folder = _book(tmp_path, GOOD)
    data = GOOD.replace('label_en = "Amount"', 'label_en = "Am\xe9ount"').encode("latin-1")
    (folder / "values.toml").write_bytes(data)
    with pytest.raises(RuleDataError, match=r"values\.toml: <file>: is not UTF-8 text: byte 0xe9 at line 4"):
        load_rule_book(folder)


def test_a_nul_byte_is_a_data_error(tmp_path: Path) -> None:
    """A NUL byte inside a string is not TOML."""
    with pytest.raises(RuleDataError, match=r"values\.toml: <file>: is not valid TOML"):
        load_rule_book(_book(tmp_path, GOOD.replace('"Jumlah"', '"Jum\x00lah"')))


def test_a_folder_named_like_a_rule_file_cannot_be_read(tmp_path: Path) -> None:
    """A sub-folder called ``*.toml`` is reported as a file that cannot be read."""
    folder = _book(tmp_path, GOOD)
    (folder / "more.toml").mkdir()
    with pytest.raises(RuleDataError, match=r"more\.toml: <file>: cannot be read"):
        load_rule_book(folder)


def test_an_unreadable_rule_file_is_a_data_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file the process may not read is reported by name with the system's reason."""
    folder = _book(tmp_path, GOOD)
    opened = Path.open

    def refuse(path: Path, *args: Any, **kwargs: Any) -> Any:
        if path.name == "values.toml":
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return opened(path, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(RuleDataError, match=r"values\.toml: <file>: cannot be read: Permission denied"):
        load_rule_book(folder)


def test_an_unreadable_folder_is_a_data_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder the process may not list is reported by its path with the system's reason."""
    folder = _book(tmp_path, GOOD)

    def refuse(path: Path) -> Any:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))

    monkeypatch.setattr(Path, "iterdir", refuse)
    with pytest.raises(RuleDataError, match=r"<directory>: cannot be read: Permission denied"):
        load_rule_book(folder)


@pytest.mark.parametrize(
    ("where", "message"),
    [
        ("missing", "does not exist or is not a directory"),
        ("file", "does not exist or is not a directory"),
        ("long", "cannot be read: File name too long"),
        ("nul", "does not exist or is not a directory"),
    ],
)
def test_a_folder_that_cannot_be_read_is_a_data_error(tmp_path: Path, where: str, message: str) -> None:
    """A missing folder, a file, a name too long for the file system or with a NUL byte: RuleDataError naming it."""
    file = tmp_path / "file.toml"
    file.write_text(GOOD, encoding="utf-8")
    folder: dict[str, Path | str] = {"missing": tmp_path / "missing", "file": file, "long": tmp_path / ("x" * 300), "nul": f"{tmp_path}/a\x00b"}
    with pytest.raises(RuleDataError, match=rf"<directory>: {message}"):
        load_rule_book(folder[where])


def test_a_folder_without_sources_is_a_data_error(tmp_path: Path) -> None:
    """An empty folder has no sources file; the error says which folder."""
    with pytest.raises(RuleDataError, match=r"sources\.toml: <file>: is missing from .* \(no sources\*\.toml file\)"):
        load_rule_book(tmp_path)


def test_a_folder_path_that_is_not_a_path_is_an_input_error() -> None:
    """load_rule_book takes a str or a path, not a number."""
    with pytest.raises(InputError, match="directory: expected a folder path"):
        load_rule_book(42)  # type: ignore[arg-type]


def test_a_nik_in_a_folder_name_or_a_key_is_masked(tmp_path: Path) -> None:
    """A NIK in the folder's name, a parameter's name or a value is shown masked in the error."""
    masked = "330211******0003"
    with pytest.raises(RuleDataError) as missing:
        load_rule_book(tmp_path / NIK)
    with pytest.raises(RuleDataError) as named:
        load_rule_book(_book(tmp_path, _one("rupiah", "-1", name=NIK)))
    with pytest.raises(RuleDataError) as valued:
        load_rule_book(_book(tmp_path, _one("choice", f'"{NIK}"', extra='choices = ["a"]\n')))
    for error in (missing.value, named.value, valued.value):
        assert NIK not in f"{error} {error!r}"
        assert masked in str(error)


@pytest.mark.parametrize(
    ("literal", "problem"),
    [
        ('"100"', "expected a whole number of rupiah"),
        ("true", "expected a whole number of rupiah"),
        ("[100]", "expected a whole number of rupiah"),
        ("{ a = 1 }", "expected a whole number of rupiah"),
        ("nan", "expected a whole number of rupiah"),
        ("1979-05-27", "expected a whole number of rupiah"),
    ],
)
def test_a_value_of_the_wrong_type_names_its_key(tmp_path: Path, literal: str, problem: str) -> None:
    """Text, a boolean, an array, a table, NaN or a date where rupiah are due: the value's key is named."""
    with pytest.raises(RuleDataError, match=rf'values\.toml: parameter\."x\.value"\.values\[0\]\.value: unit rupiah: {problem}'):
        load_rule_book(_book(tmp_path, _one("rupiah", literal)))


@pytest.mark.parametrize(
    ("change", "key"),
    [
        (('label_id = "Jumlah"', "label_id = 1"), r'parameter\."x\.amount"\.label_id: must be a non-empty string'),
        (('unit = "rupiah"', "unit = []"), r'parameter\."x\.amount"\.unit: must be a non-empty string'),
        (("start = 2020-01-01", 'start = "2020-01-01"'), r'parameter\."x\.amount"\.values\[0\]\.start: must be a TOML date'),
        (('status = "primary"', "status = 1"), r'parameter\."x\.amount"\.values\[0\]\.status: must be a non-empty string'),
        (('status = "primary"', f'status = "{NIK}"'), r'parameter\."x\.amount"\.values\[0\]\.status: unknown confidence'),
        (('source = "pp-x-2020"', "source = {}"), r'parameter\."x\.amount"\.values\[0\]\.source: must be a non-empty'),
    ],
)
def test_a_key_of_the_wrong_type_names_the_key(tmp_path: Path, change: tuple[str, str], key: str) -> None:
    """A label, unit, date, status or source of the wrong type is refused naming that key."""
    with pytest.raises(RuleDataError, match=rf"values\.toml: {key}"):
        load_rule_book(_book(tmp_path, GOOD.replace(*change, 1)))


def test_a_table_of_the_wrong_type_names_it(tmp_path: Path) -> None:
    """``parameter``, a parameter and its ``values`` must be tables and an array of tables."""
    for body, key in (
        ("parameter = 1", "parameter: must be a table of parameters"),
        ('[parameter]\n"x.y" = 1', r'parameter\."x\.y": must be a table'),
        ('[parameter."x.y"]\nlabel_id = "a"\nlabel_en = "b"\nunit = "rupiah"\nvalues = "x"', r'parameter\."x\.y"\.values: must be a non-empty array'),
        ('[parameter."x.y"]\nlabel_id = "a"\nlabel_en = "b"\nunit = "rupiah"\nvalues = [1]', r'parameter\."x\.y"\.values\[0\]: must be a table'),
    ):
        with pytest.raises(RuleDataError, match=rf"values\.toml: {key}"):
            load_rule_book(_book(tmp_path, body))


@pytest.mark.parametrize(("amount", "loads"), [(0, True), (10**15, True), (10**15 + 1, False), (-1, False)])
def test_amounts_in_the_data_are_from_zero_to_rp10_15(tmp_path: Path, amount: int, loads: bool) -> None:
    """A rupiah value is from Rp0 to Rp10^15 (money.MAX_AMOUNT), both ends included."""
    body = _one("rupiah", str(amount))
    if loads:
        assert _loads(tmp_path, body) == Rupiah(amount)
    else:
        with pytest.raises(RuleDataError, match=r"values\[0\]\.value: unit rupiah: an amount is from Rp0 to Rp10\^15"):
            load_rule_book(_book(tmp_path, body))


@pytest.mark.parametrize(("number", "loads"), [(0, True), (MAX_INTEGER, True), (MAX_INTEGER + 1, False), (-1, False)])
def test_integers_in_the_data_are_from_zero_to_one_thousand(tmp_path: Path, number: int, loads: bool) -> None:
    """An integer value (a count, months, years, an age, a multiplier) is from 0 to MAX_INTEGER (1.000)."""
    body = _one("integer", str(number))
    if loads:
        assert _loads(tmp_path, body) == number
    else:
        with pytest.raises(RuleDataError, match=r"unit integer: an integer value is from 0 to 1000"):
            load_rule_book(_book(tmp_path, body))


@pytest.mark.parametrize("name", sorted(DAY_OF_MONTH_PARAMETERS))
@pytest.mark.parametrize(("day", "loads"), [(1, True), (31, True), (0, False), (32, False), (10**7, False)])
def test_due_days_in_the_data_are_days_of_a_month(tmp_path: Path, name: str, day: int, loads: bool) -> None:
    """A due day (pu.due_day, bpu.due_day) is from 1 to 31: 0 would fall in the month before, 32 after."""
    body = _one("integer", str(day), name=name)
    if loads:
        assert _loads(tmp_path, body) == day
    else:
        with pytest.raises(RuleDataError, match=rf"{re.escape(name)}.*a day of the month is from 1 to 31, got {day}"):
            load_rule_book(_book(tmp_path, body))


@pytest.mark.parametrize(
    ("literal", "problem"),
    [
        ('"0.000000000001"', None),
        ('"1"', None),
        ('"0"', None),
        ('"0.0000000000001"', "a rate has at most 12 decimal places"),
        ('"1.000000000001"', "a rate is a fraction from 0 to 1"),
        ('"-0.001"', "a rate is a fraction from 0 to 1"),
        ('"0E+2"', "a rate is a fraction from 0 to 1"),
        ('"NaN"', "expected a decimal fraction"),
        ('"sNaN"', "expected a decimal fraction"),
        ('"Infinity"', "expected a decimal fraction"),
        ('"1e-999999999"', "a rate has at most 12 decimal places"),
        ('"0.' + "3" * 500 + '"', "expected a decimal fraction in a string with at most 12 decimal places"),
        ('"nol koma lima"', "expected a decimal fraction"),
        ("0.5", "expected the rate as a string"),
    ],
)
def test_rates_in_the_data_are_exact_fractions_with_at_most_12_places(tmp_path: Path, literal: str, problem: str | None) -> None:
    """A rate is finite, from 0 to 1, written as text with at most MAX_RATE_PLACES (12) decimal places."""
    body = _one("rate", literal)
    if problem is None:
        assert _loads(tmp_path, body) == Decimal(literal.strip('"'))
    else:
        with pytest.raises(RuleDataError, match=rf"values\[0\]\.value: unit rate: {problem}"):
            load_rule_book(_book(tmp_path, body))


def test_rates_are_read_whatever_the_callers_decimal_context(tmp_path: Path) -> None:
    """A caller who traps every decimal signal, or none, gets the same rates and the same refusals."""
    good, bad = _one("rate", '"0.0024"'), _one("rate", '"abc"')
    for traps in (list(decimal.getcontext().flags), []):
        with decimal.localcontext(decimal.Context(prec=2, traps=traps)):
            assert _loads(tmp_path, good) == Decimal("0.0024")
            with pytest.raises(RuleDataError, match="expected a decimal fraction"):
                load_rule_book(_book(tmp_path, bad))


def _schedule(months: int, tiers: int = 2) -> str:
    return "[" + ", ".join([f'{{months = {months}, rate = "1"}}'] * (tiers - 1) + ['{rate = "0.5"}']) + "]"


@pytest.mark.parametrize(
    ("literal", "problem"),
    [
        (_schedule(1), None),
        (_schedule(MAX_INTEGER), None),
        (_schedule(100, tiers=100), None),
        (_schedule(0), r"tier 0 needs a whole 'months' from 1 to 1000, got 0"),
        (_schedule(MAX_INTEGER + 1), r"tier 0 needs a whole 'months' from 1 to 1000, got 1001"),
        (_schedule(1, tiers=101), "a schedule has at most 100 tiers, got 101"),
        ('[{months = 1, rate = "2"}, {rate = "0.5"}]', "tier 0: a rate is a fraction from 0 to 1"),
        ("[[[]]]", "tier 0 must be a table"),
    ],
)
def test_schedules_in_the_data_are_bounded(tmp_path: Path, literal: str, problem: str | None) -> None:
    """A schedule has 1 to 100 tiers; each tier but the last runs 1 to 1.000 months at a rate from 0 to 1."""
    body = _one("schedule", literal)
    if problem is None:
        assert isinstance(_loads(tmp_path, body), tuple)
    else:
        with pytest.raises(RuleDataError, match=rf"unit schedule: {problem}"):
            load_rule_book(_book(tmp_path, body))


@pytest.mark.parametrize(
    ("start", "end", "problem"),
    [
        ("1900-01-01", "2999-12-31", None),
        ("1899-12-31", None, r"values\[0\]\.start: must be from 1900-01-01 to 2999-12-31, got 1899-12-31"),
        ("2020-01-01", "3000-01-01", r"values\[0\]\.end: must be from 1900-01-01 to 2999-12-31, got 3000-01-01"),
        ("2020-01-01", "9999-12-31", r"values\[0\]\.end: must be from 1900-01-01 to 2999-12-31"),
    ],
)
def test_dates_in_the_data_are_from_1900_to_2999(tmp_path: Path, start: str, end: str | None, problem: str | None) -> None:
    """A value starts and ends between FIRST_RULE_DATE and LAST_RULE_DATE, so the day after its end exists."""
    body = _one("integer", "1").replace("start = 2020-01-01", f"start = {start}" + (f"\nend = {end}" if end else ""))
    if problem is None:
        book = load_rule_book(_book(tmp_path, body))
        assert book["x.value"].effective_dates == (FIRST_RULE_DATE, LAST_RULE_DATE + dt.timedelta(days=1))
    else:
        with pytest.raises(RuleDataError, match=problem):
            load_rule_book(_book(tmp_path, body))


@pytest.mark.parametrize(("year", "loads"), [(1900, True), (2999, True), (1899, False), (3000, False)])
def test_a_source_year_is_from_1900_to_2999(tmp_path: Path, year: int, loads: bool) -> None:
    """An instrument's year is a year of the rule dates' range."""
    _book(tmp_path, GOOD)
    (tmp_path / "sources.toml").write_text(SOURCES.replace("year = 2020", f"year = {year}"), encoding="utf-8")
    if loads:
        assert load_rule_book(tmp_path).sources["pp-x-2020"].year == year
    else:
        with pytest.raises(RuleDataError, match=rf"sources\.toml: source\.pp-x-2020\.year: must be from 1900 to 2999, got {year}"):
            load_rule_book(tmp_path)


TOML_LITERALS = st.sampled_from(
    ["1", "-1", "0", '"0.5"', '"x"', "true", "1.5", "nan", "inf", "[]", "{}", "[[]]", "1979-05-27", "07:32:00",
     "1979-05-27T07:32:00", f'"{NIK}"', NIK, "1" + "0" * 30, '""', '"1e-999999999"', "[" * 40 + "]" * 40]
) | st.text(max_size=12)


@settings(max_examples=60, derandomize=True, database=None, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    key=st.sampled_from(["value", "start", "end", "source", "article", "status", "note", "label_en", "unit", "choices"]),
    literal=TOML_LITERALS,
    unit=st.sampled_from([u.value for u in Unit]),
)
def test_any_value_under_any_key_is_loaded_or_a_data_error(tmp_path: Path, key: str, literal: str, unit: str) -> None:
    """Whatever TOML (or junk) stands under any key of any unit, the loader answers with a RuleDataError or a book."""
    rows = _one(unit, '"0"', extra='choices = ["0"]\n' if unit == "choice" else "").splitlines()
    line = f"{key} = {literal}"
    replaced = [line if row.startswith(f"{key} = ") else row for row in rows]
    body = "\n".join(replaced if line in replaced else [*rows, line])  # else: a new key of the value's table
    try:
        load_rule_book(_book(tmp_path, body))
    except RuleDataError as error:
        assert NIK not in str(error)


# --------------------------------------------------------------------------- reforms: bounds before arithmetic

DAY = dt.date(2024, 2, 14)


def _reformed(name: str, value: object) -> object:
    """The value of ``name`` on DAY under a reform setting it to ``value``."""
    return rules_on(DAY, reform=Reform("uji", {name: value}))[name].value


@pytest.mark.parametrize("name", sorted(DAY_OF_MONTH_PARAMETERS))
@pytest.mark.parametrize(("day", "accepted"), [(1, True), (31, True), (0, False), (32, False), (-1, False), (10**7, False)])
def test_a_reform_due_day_is_a_day_of_the_month(name: str, day: int, accepted: bool) -> None:
    """A reformed due day is from 1 to 31; 0, 32 or 10^7 are refused before any date is computed."""
    if accepted:
        assert _reformed(name, day) == day
        return
    with pytest.raises(InputError, match=rf"reform 'uji'.*{re.escape(name)}.*(from 1 to 31|from 0 to 10\^15), got {day}"):
        _reformed(name, day)


@pytest.mark.parametrize(
    ("month", "due"),
    [
        (Month(2024, 3), dt.date(2024, 4, 30)),  # April has 30 days
        (Month(2024, 1), dt.date(2024, 2, 29)),  # February 2024 has 29
        (Month(2024, 9), dt.date(2024, 10, 31)),  # October has 31 (a Thursday)
    ],
)
def test_a_due_day_of_31_is_the_last_day_of_a_shorter_month(month: Month, due: dt.date) -> None:
    """Wage earners pay by the due day of the following month; a day the month lacks is its last day."""
    rules = rules_on(month.first_day, reform=Reform("tanggal 31", {"pu.due_day": 31}))
    assert due_date(month=month, rules=rules) == due


@pytest.mark.parametrize(
    ("value", "accepted"),
    [
        ("0.000000000001", True), ("1", True), ("0", True), (Decimal("0.0040"), True),
        ("0.0000000000001", False), ("1.000000000001", False), ("-0.0001", False), ("2", False),
        ("NaN", False), (Decimal("sNaN"), False), ("-Infinity", False), ("1e-999999999", False),
        ("1e999999", False), ("0." + "3" * 500, False), (0.003, False), (3, False), (True, False),
    ],
)
def test_a_reform_rate_is_a_fraction_with_at_most_12_places(value: object, accepted: bool) -> None:
    """A reformed rate is finite, from 0 to 1, with at most 12 decimal places, as text or Decimal."""
    if accepted:
        assert _reformed("pu.jkm_rate", value) == Decimal(str(value))
    else:
        with pytest.raises(InputError, match=r"reform 'uji', parameter 'pu\.jkm_rate'"):
            _reformed("pu.jkm_rate", value)


def test_a_reform_rate_of_1e_minus_999999999_is_refused_at_once() -> None:
    """A rate written with a huge negative exponent is refused by its places, without computing with it."""
    started = time.perf_counter()
    with pytest.raises(InputError, match="at most 12 decimal places"):
        default_rule_book().with_reform(Reform("uji", {"pu.jkm_rate": "1e-999999999"}))
    assert time.perf_counter() - started < 1


def test_no_decimal_trap_of_the_caller_escapes_a_reform() -> None:
    """With every decimal signal trapped (or none), a reform rate is accepted or refused as an InputError."""
    for traps in (list(decimal.getcontext().flags), []):
        with decimal.localcontext(decimal.Context(prec=1, traps=traps)):
            assert _reformed("pu.jkm_rate", "0.0045") == Decimal("0.0045")
            for bad in ("abc", "sNaN", Decimal("sNaN"), "1e999999999"):
                with pytest.raises(InputError):
                    _reformed("pu.jkm_rate", bad)


@pytest.mark.parametrize(
    ("value", "accepted"),
    [(0, True), (10**15, True), (Rupiah(30_000_000), True), (10**15 + 1, False), (-1, False), (10**40, False),
     (Decimal("1e2000000"), False), ("30000000", False), (30_000_000.0, False), (None, False)],
)
def test_a_reform_amount_is_whole_rupiah_up_to_rp10_15(value: object, accepted: bool) -> None:
    """A reformed amount is whole rupiah from Rp0 to Rp10^15 (money.MAX_AMOUNT); beyond it, refused at once."""
    if accepted:
        assert _reformed("jkm.lump_sum", value) == Rupiah(getattr(value, "amount", value))  # type: ignore[arg-type]
    else:
        with pytest.raises(InputError, match=r"reform 'uji', parameter 'jkm\.lump_sum'"):
            _reformed("jkm.lump_sum", value)


def test_a_numpy_integer_is_a_whole_number_in_a_reform() -> None:
    """A numpy integer scalar is taken as the whole number it holds; an unsigned one cannot wrap."""
    np = pytest.importorskip("numpy")
    assert _reformed("jkm.lump_sum", np.int64(30_000_000)) == Rupiah(30_000_000)
    assert Reform("uji", {"jkm.lump_sum": np.int64(5)}).to_dict()["overrides"] == {"jkm.lump_sum": 5}
    with pytest.raises(InputError, match="from 0 to 10\\^15"):
        Reform("uji", {"jkm.lump_sum": np.uint64(2**64 - 1)})


@pytest.mark.parametrize(("years", "accepted"), [(0, True), (MAX_INTEGER, True), (MAX_INTEGER + 1, False), (-1, False)])
def test_a_reform_integer_is_from_zero_to_one_thousand(years: int, accepted: bool) -> None:
    """A reformed integer parameter (here the JKK claim expiry in years) is from 0 to 1.000."""
    if accepted:
        assert _reformed("jkk.claim_expiry_years", years) == years
    else:
        with pytest.raises(InputError, match="jkk.claim_expiry_years"):
            _reformed("jkk.claim_expiry_years", years)


def test_a_reform_choice_is_one_of_the_options() -> None:
    """A reformed choice is one of the parameter's options, given as text."""
    assert _reformed("contribution.rounding", "down") == "down"
    for bad in ("Down", "", 1, NIK):
        with pytest.raises(InputError, match="contribution.rounding"):
            _reformed("contribution.rounding", bad)


def test_a_reformed_rule_book_checks_every_value_at_once() -> None:
    """RuleBook.with_reform and Reform.check refuse a value out of bounds before any snapshot is taken."""
    reform = Reform("uji", {"pu.due_day": 0})
    with pytest.raises(InputError, match="a day of the month is from 1 to 31, got 0"):
        default_rule_book().with_reform(reform)
    with pytest.raises(InputError, match="a day of the month is from 1 to 31, got 0"):
        reform.check(default_rule_book())
    Reform("uji", {"pu.due_day": 20}).check(default_rule_book())


@pytest.mark.parametrize(
    ("overrides", "problem"),
    [
        ({"pu.jkm_rate": [[[]]]}, "a list value is a schedule"),
        ({"pu.jkm_rate": {"rate": "0.1"}}, "expected whole rupiah or a whole number"),
        ({"pu.jkm_rate": b"0.1"}, "expected whole rupiah or a whole number"),
        ({"pu.jkm_rate": "x" * 201}, "a text value has at most 200 characters"),
        ({1: 5}, "a parameter name is non-empty text"),
        ({"": 5}, "a parameter name is non-empty text"),
    ],
)
def test_a_reform_value_of_no_possible_unit_is_refused_when_made(overrides: dict[object, object], problem: str) -> None:
    """A value no unit can take (nested lists, tables, bytes, long text) or a name that is not text: refused at once."""
    with pytest.raises(InputError, match=problem):
        Reform("uji", overrides)  # type: ignore[arg-type]


def test_a_deeply_nested_reform_value_is_refused_without_recursing() -> None:
    """A list nested 5.000 deep is refused with an InputError, its repr never computed whole."""
    value: object = []
    for _ in range(5_000):
        value = [value]
    with pytest.raises(InputError, match="a list value is a schedule"):
        Reform.from_dict({"label": "uji", "overrides": {"jkk.stmb.schedule": value}})


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ([("label", "x")], "a reform is a mapping"),
        ({"label": "x"}, "a reform is a mapping with keys"),
        ({"label": "x", "overrides": {}, "note": "y"}, "not 'note'"),
        ({"label": ["x"], "overrides": {}}, "reform 'label' must be text, got list"),
        ({"label": "x", "overrides": [1]}, "reform 'overrides' must map"),
        ({"label": "x", "readings": 1}, "reform 'readings' must map"),
        ({"label": "x", "readings": {"jkk.death.floor": 10**7}}, "needs the index of an alternative reading"),
    ],
)
def test_a_reform_document_is_checked_key_by_key(data: object, problem: str) -> None:
    """Reform.from_dict (and so a reform file of the command line) refuses a malformed document, naming what."""
    with pytest.raises(InputError, match=problem):
        Reform.from_dict(data)  # type: ignore[arg-type]


@pytest.mark.parametrize(("length", "accepted"), [(1, True), (500, True), (0, False), (501, False)])
def test_a_reform_label_is_one_to_500_characters(length: int, accepted: bool) -> None:
    """A reform's label says what it changes in 1 to 500 characters."""
    if accepted:
        assert len(Reform("x" * length).label) == length
    else:
        with pytest.raises(InputError, match="label"):
            Reform("x" * length)
    with pytest.raises(InputError, match="non-empty label"):
        Reform(None)  # type: ignore[arg-type]


def test_a_nik_in_a_reform_is_masked_everywhere() -> None:
    """A NIK in a reform's label, a parameter name or a value never shows whole in a repr, a receipt or an error."""
    masked = "330211******0003"
    reform = Reform(f"uji {NIK}", {"jkm.lump_sum": 30_000_000})
    snapshot = rules_on(DAY, reform=reform)
    assert reform.label == f"uji {masked}"
    shown = [repr(reform), repr(snapshot), repr(default_rule_book().with_reform(reform)),
             str(snapshot["jkm.lump_sum"].to_dict()), snapshot["jkm.lump_sum"].note or ""]
    for bad in ({"label": NIK, "overrides": {"pu.due_day": 0}}, {"label": "x", "overrides": {NIK: 1}},
                {"label": "x", "overrides": {"contribution.rounding": NIK}}, {"label": "x", "overrides": {"pu.jkm_rate": NIK}}):
        with pytest.raises(JamsosError) as error:
            rules_on(DAY, reform=Reform.from_dict(bad))
        shown.append(f"{error.value} {error.value!r}")
    assert repr(Reform("x", {"contribution.rounding": NIK})).count(masked) == 1
    for text in shown:
        assert NIK not in text


def test_a_snapshot_refuses_what_is_not_a_reform_or_a_name() -> None:
    """A reform that is not a Reform, a rule book that is not a RuleBook, a name that is not text: library errors."""
    with pytest.raises(InputError, match="reform: expected a Reform, got dict"):
        rules_on(DAY, reform={"label": "x"})  # type: ignore[arg-type]
    with pytest.raises(InputError, match="rule_book: expected a RuleBook"):
        rules_on(DAY, rule_book="book")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="datetime.date"):
        default_rule_book().on([])  # type: ignore[arg-type]
    snapshot = rules_on(DAY)
    unhashable: object = []
    assert unhashable not in snapshot
    with pytest.raises(UnknownParameterError):
        snapshot[["pu.jkm_rate"]]  # type: ignore[index]
    with pytest.raises(UnknownParameterError):
        default_rule_book()["x" * 10_000]


def test_a_reform_with_a_schedule_round_trips_as_plain_data() -> None:
    """A reformed schedule is checked like the data and survives to_dict/from_dict."""
    tiers = [{"months": 6, "rate": "1"}, {"rate": "0.5"}]
    reform = Reform("STMB", {"jkk.stmb.schedule": tiers})
    assert Reform.from_dict(reform.to_dict()) == reform
    (first, last) = rules_on(DAY, reform=reform)["jkk.stmb.schedule"].schedule
    assert (first.months, first.rate, last.months, last.rate) == (6, Decimal("1"), None, Decimal("0.5"))


@settings(max_examples=80, derandomize=True, database=None, deadline=None)
@given(
    name=st.sampled_from([p.name for p in default_rule_book()] + [NIK, ""]),
    value=st.one_of(
        st.integers(-(10**20), 10**20), st.text(max_size=30), st.decimals(allow_nan=True, allow_infinity=True),
        st.floats(), st.none(), st.booleans(), st.lists(st.dictionaries(st.text(max_size=6), st.text(max_size=6)), max_size=3),
        st.sampled_from([NIK, int(NIK), "1e-999999999", "0." + "9" * 13, 10**7, 32, 0]),
    ),
)
def test_any_reform_value_for_any_parameter_is_applied_or_refused(name: str, value: object) -> None:
    """A reform of any parameter to any value gives a snapshot or a library error, never a whole NIK."""
    try:
        snapshot = rules_on(DAY, reform=Reform("uji", {name: value}))
    except JamsosError as error:
        assert NIK not in f"{error} {error!r}"
    else:
        assert snapshot[name].confidence is Confidence.REFORM
