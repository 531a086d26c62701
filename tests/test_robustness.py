"""Robustness: whatever a caller sends, the library answers with its own error, and never shows a whole NIK.

In the spirit of python-stdnum's ``tests/test_robustness.doctest``: every public loader
(JSON, dicts, roster CSV and Arrow, rule-book TOML, reforms), the calculators, ``Rupiah`` and the
command line are fed hand-written junk and a bounded, seeded sample of Hypothesis input. Each call
either succeeds or raises a :class:`~jamsos_pemilu.exceptions.JamsosError`; any other exception
is a defect. A valid-looking NIK is planted in every field, and neither an error message nor any
output may then show it whole. ``make fuzz`` (``benchmarks/fuzz.py``) runs the same surfaces for
many more inputs; docs/reliability.rst gives the figures.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import multiprocessing
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jamsos_pemilu.exceptions import JamsosError

NIK = "3302114506990003"
"""A valid-looking NIK (region 33.02.11, a woman born 5 June 1999), planted in every field."""

BOUNDED = settings(max_examples=40, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
"""Seeded and small: the suite stays fast and gives the same inputs on every run."""


def answered(call: Callable[[], object]) -> str:
    """Run ``call``; return what a person would read of its result, or the library error's text.

    A result that renders itself is read in both languages; anything else by its ``repr``. Any
    exception that is not a library error propagates (and fails the test).
    """
    try:
        result = call()
    except JamsosError as error:
        return f"{error}\n{error!r}"
    render = getattr(result, "render", None)
    return f"{render('id')}\n{render('en')}" if callable(render) else repr(result)


class _TooSlowError(Exception):
    """Raised by the alarm when a call does not answer in time."""


def _too_slow(signum: int, frame: object) -> None:
    raise _TooSlowError


def assert_safe(call: Callable[[], object], seconds: float = 20.0) -> None:
    """The call succeeds or raises a library error within ``seconds``, and nothing it says shows the planted NIK whole."""
    previous = signal.signal(signal.SIGALRM, _too_slow)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        text = answered(call)
    except _TooSlowError:
        pytest.fail(f"no answer within {seconds:g} s")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    if NIK in text:
        where = text.index(NIK)
        pytest.fail(f"the whole NIK is shown: ...{text[max(0, where - 200): where + 40]}...")


def assert_safe_and_quick(call: Callable[[], object], seconds: float = 10.0) -> None:
    """As :func:`assert_safe`, in a child process that must answer within ``seconds``.

    For inputs that once made the library compute for minutes (``Rupiah(Decimal("1e2000000"))``, a rate
    of ``1e-999999999`` in the batch path): a :mod:`decimal` operation cannot be interrupted, so a
    regression would otherwise hang the suite instead of failing it.
    """
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)

    def child() -> None:
        try:
            assert_safe(call)
            sender.send("")
        except BaseException as error:  # report any failure, including pytest's, to the parent
            sender.send(f"{type(error).__name__}: {error}"[:3_000])

    process = context.Process(target=child, daemon=True)
    process.start()
    answered_in_time = receiver.poll(seconds)
    if not answered_in_time:
        process.kill()
        process.join()
        pytest.fail(f"no answer within {seconds:g} s")
    problem = receiver.recv()
    process.join()
    if problem:
        pytest.fail(problem)


# --------------------------------------------------------------------------- hand-written junk


JUNK_TEXT = [
    "", " ", NIK, f"x{NIK}y", f"{NIK[:4]} {NIK[4:8]} {NIK[8:12]} {NIK[12:]}", "9" * 5_000, "NaN", "-Infinity",
    "1e999999999", "1e-999999999", "sNaN", "2024-02-30", "0000-01-01", "2024-13-01", "\x00", "\r", "\ufeff",
    "\udcff", "🎉", "a" * 140_000, "../../etc/passwd", "[" * 50, "Rp2.500.000,00",
]
JUNK_NUMBERS: list[object] = [
    0, -1, 1, 31, 32, 10**7, 10**15, 10**15 + 1, 10**28, 10**40, -(10**30), int(NIK), 10**5_000, True,
    0.5, float("nan"), float("inf"), Decimal("NaN"), Decimal("sNaN"), Decimal("Infinity"), Decimal("1e2000000"),
    Decimal("1e-999999999"), Decimal("1E+30"), Decimal("0.5"),
]
JUNK_VALUES: list[object] = [
    *JUNK_TEXT[:12], *JUNK_NUMBERS, None, [], {}, [[[[[]]]]], {"nik": NIK}, b"\xff", object(), {1, 2},
    dt.date.min, dt.date.max, dt.datetime(2024, 2, 14, 7, 0),
]


def deep(depth: int) -> object:
    """A list nested ``depth`` deep."""
    value: object = []
    for _ in range(depth):
        value = [value]
    return value


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20) | st.sampled_from([NIK, int(NIK), 10**30]),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=8,
)


# --------------------------------------------------------------------------- JSON and dicts


def officer_document() -> dict[str, Any]:
    """A valid officer, as JSON data."""
    return {
        "nik": NIK, "name": "Sri Wahyuni", "role": "kpps", "position": "anggota", "election": "pemilu_2024",
        "appointment": {"start": "2024-01-25", "end": "2024-02-25"}, "bpjs_registered_on": "2024-01-30",
    }


def agreement_document() -> dict[str, Any]:
    """A shipped agreement, as JSON data."""
    from jamsos_pemilu.serialization import shipped_agreements, to_dict

    document: dict[str, Any] = to_dict(shipped_agreements()[0])
    return document


def leaf_paths(document: object, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The path to every value in a JSON document (containers included)."""
    if prefix:
        yield prefix
    if isinstance(document, dict):
        for key, value in document.items():
            yield from leaf_paths(value, (*prefix, key))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            yield from leaf_paths(value, (*prefix, index))


def planted(document: Any, path: tuple[Any, ...], value: object) -> Any:
    """A copy of ``document`` with ``value`` at ``path``."""
    if not path:
        return value
    copy = dict(document) if isinstance(document, dict) else list(document)
    copy[path[0]] = planted(document[path[0]], path[1:], value)
    return copy


def models() -> dict[str, tuple[type[Any], Callable[[], dict[str, Any]]]]:
    """Each loadable model with a valid document of it."""
    from jamsos_pemilu.agreements import Agreement
    from jamsos_pemilu.officers import Officer

    return {"Officer": (Officer, officer_document), "Agreement": (Agreement, agreement_document)}


BAD_JSON = [
    "", "{", "[" * 100_000, "[" * 100_000 + "]" * 100_000, '{"nik": ' + "1" * 5_000 + "}", '{"nik": NaN}',
    '{"nik": Infinity}', "-Infinity", f'{{"nik": "{NIK}", "nik": "{NIK}"}}', b"\xff\xfe{}", b'{"nik": "\xc3"}',
    "[" * 5_000 + "]" * 5_000, '{"appointment": ' + "[" * 3_000 + "]" * 3_000 + "}", "1e999999", "null", f'"{NIK}"', NIK,
]


@pytest.mark.parametrize("model", ["Officer", "Agreement"])
@pytest.mark.parametrize("text", BAD_JSON, ids=range(len(BAD_JSON)))
def test_from_json_refuses_junk_with_a_library_error(model: str, text: str | bytes) -> None:
    """Deep nesting, huge numbers, NaN, duplicate keys and broken UTF-8 give a library error, the NIK masked."""
    from jamsos_pemilu.serialization import from_json

    cls, _ = models()[model]
    assert_safe(lambda: from_json(cls, text))


@pytest.mark.parametrize("model", ["Officer", "Agreement"])
def test_a_nik_planted_in_any_field_never_shows_whole(model: str) -> None:
    """Whichever field of a document holds the NIK (as text or as a number), no message shows it whole."""
    from jamsos_pemilu.serialization import from_dict, from_json

    cls, document = models()[model]
    original = document()
    for path in leaf_paths(original):
        for value in (NIK, int(NIK)):
            data = planted(original, path, value)
            assert_safe(lambda data=data: from_dict(cls, data))  # type: ignore[misc]
            assert_safe(lambda data=data: from_json(cls, json.dumps(data)))  # type: ignore[misc]


@BOUNDED
@given(model=st.sampled_from(["Officer", "Agreement"]), data=st.data(), value=json_values)
def test_from_dict_and_from_json_raise_only_library_errors(model: str, data: st.DataObject, value: object) -> None:
    """Any JSON value put anywhere in a valid document is loaded or refused with a library error."""
    from jamsos_pemilu.serialization import from_dict, from_json

    cls, document = models()[model]
    original = document()
    path = data.draw(st.sampled_from([(), *leaf_paths(original)]))
    changed = planted(original, path, value)
    assert_safe(lambda: from_dict(cls, changed))
    assert_safe(lambda: from_json(cls, json.dumps(changed)))


@pytest.mark.parametrize("value", JUNK_VALUES, ids=range(len(JUNK_VALUES)))
def test_from_dict_refuses_python_junk(value: object) -> None:
    """A value of any Python type, at the root or in the NIK field, gives a library error."""
    from jamsos_pemilu.officers import Officer
    from jamsos_pemilu.serialization import from_dict

    assert_safe(lambda: from_dict(Officer, value))
    assert_safe(lambda: from_dict(Officer, planted(officer_document(), ("name",), value)))


# --------------------------------------------------------------------------- roster CSV and Arrow


HEADER = "nik,name,role,position,election,appointment_start,appointment_end,wage,tps,desa,region_code,asn,bpjs_registered_on"
ROW = f"{NIK},Sri Wahyuni,KPPS,anggota,pemilu_2024,2024-01-25,2024-02-25,1100000,001,Cilegon,36.72.01.1001,tidak,2024-01-30"
GOOD = f"{HEADER}\n{ROW}\n"


def _rotated() -> str:
    names, cells = HEADER.split(","), ROW.split(",")
    return ",".join(names) + "\n" + ",".join(cells[1:] + cells[:1]) + "\n"


BAD_ROSTERS: list[bytes] = [
    b"",
    GOOD.encode("latin-1").replace(b"Sri", b"S\xe9ri"),  # an Excel export in Latin-1
    GOOD.encode().replace(b"\n", b"\r", 1),  # a bare carriage return
    GOOD.encode().replace(b"Sri", b'"' + b"x" * 140_000 + b'"'),  # a cell over csv's field limit
    GOOD.encode().replace(b"Sri", b"S\x00ri"),  # a NUL byte
    b"\xef\xbb\xbf" + GOOD.encode(),  # UTF-8 with a BOM (valid)
    GOOD.encode("utf-16"),
    f"{ROW}\n{ROW}\n".encode(),  # no header row: the NIK is read as a column name
    _rotated().encode(),  # columns shifted: the NIK lands in the name... and the role column
    f"{HEADER}\n{','.join([NIK] * 13)}\n".encode(),  # the NIK in every column
    f"{HEADER}\n{ROW.replace('1100000', '9' * 5_000)}\n".encode(),
    f"{HEADER}\n{ROW.replace('2024-01-30', NIK)}\n".encode(),
    f"{HEADER},{NIK}\n{ROW},x\n".encode(),
    f'{HEADER}\n"{ROW}\n'.encode(),  # an unclosed quote
]


def _readers() -> dict[str, Callable[..., Iterator[Any]]]:
    from jamsos_pemilu import rosters

    return {"read_officers": rosters.read_officers, "read_columns": rosters.read_columns}


def _read_all(reader: str, source: object, on_error: str) -> str:
    out: list[str] = []
    for item in _readers()[reader](source, on_error=on_error):
        out.extend(str(error) for error in item.errors)
        out.append(repr(item))
    return "\n".join(out)


@pytest.mark.parametrize("reader", ["read_officers", "read_columns"])
@pytest.mark.parametrize("on_error", ["raise", "collect"])
@pytest.mark.parametrize("data", BAD_ROSTERS, ids=range(len(BAD_ROSTERS)))
def test_a_damaged_roster_file_gets_a_roster_error(reader: str, on_error: str, data: bytes, tmp_path: Path) -> None:
    """Encodings, bare CR, huge cells, NUL bytes and shifted columns give library errors, NIK masked."""
    pytest.importorskip("numpy")
    path = tmp_path / "roster.csv"
    path.write_bytes(data)
    assert_safe(lambda: _read_all(reader, path, on_error))
    text = io.StringIO(data.decode("utf-8", "replace"), newline="")
    assert_safe(lambda: _read_all(reader, text, on_error))


@pytest.mark.parametrize("reader", ["read_officers", "read_columns"])
def test_a_roster_path_that_cannot_be_read_gets_a_library_error(reader: str, tmp_path: Path) -> None:
    """A missing file, a directory, a name too long for the file system and one holding a NIK: library errors."""
    for path in (tmp_path / "missing.csv", tmp_path, tmp_path / ("x" * 300 + ".csv"), tmp_path / f"{NIK}.csv"):
        assert_safe(lambda path=path: _read_all(reader, path, "collect"))  # type: ignore[misc]


@BOUNDED
@given(column=st.integers(0, 12), cell=st.text(max_size=30) | st.sampled_from([NIK, f" {NIK} ", "9" * 40]))
def test_any_cell_in_any_column_gets_a_library_error(column: int, cell: str) -> None:
    """Whatever text a cell holds, each reader reads it or reports it, and the NIK is never shown whole."""
    pytest.importorskip("numpy")
    cells = ROW.split(",")
    cells[column] = cell.replace(",", " ").replace("\n", " ").replace("\r", " ").replace('"', " ")
    data = f"{HEADER}\n{','.join(cells)}\n"
    for reader in ("read_officers", "read_columns"):
        for on_error in ("raise", "collect"):
            assert_safe(lambda r=reader, e=on_error: _read_all(r, io.StringIO(data, newline=""), e))  # type: ignore[misc]


def test_arrow_rosters_with_junk_cells_get_library_errors() -> None:
    """An Arrow table with the NIK, numbers, nulls or floats in any column is read or reported."""
    pa = pytest.importorskip("pyarrow")
    names, cells = HEADER.split(","), ROW.split(",")
    for column in range(len(names)):
        for value in (NIK, int(NIK), None, 1.5, "", "9" * 40):
            row: list[object] = list(cells)
            row[column] = value
            table = pa.table({name: [cell] for name, cell in zip(names, row, strict=True)})
            assert_safe(lambda table=table: _read_all("read_officers", table, "collect"))  # type: ignore[misc]


# --------------------------------------------------------------------------- rule-book TOML and reforms


def rule_files() -> Path:
    """The folder of the shipped rule book."""
    return Path(str(resources.files("jamsos_pemilu.law") / "data"))


TOML_DAMAGE: list[tuple[str, str, str]] = [
    ("contributions.toml", "append", "x = " + "[" * 100_000),
    ("contributions.toml", "append", "y = " + "[" * 3_000 + "]" * 3_000),
    ("jkm.toml", "value", f'"{NIK}"'),
    ("jkm.toml", "value", NIK),
    ("jkm.toml", "value", "1" + "0" * 5_000),
    ("jkm.toml", "value", "nan"),
    ("jkm.toml", "value", "inf"),
    ("contributions.toml", "value", '"1e-999999999"'),
    ("contributions.toml", "value", '"0.' + "1" * 3_000 + '"'),
    ("contributions.toml", "value", "10000000"),
    ("contributions.toml", "value", "0"),
    ("contributions.toml", "value", "[" * 5_000 + "]" * 5_000),
    ("jkm.toml", "start", "1979-05-27T07:32:00"),
    ("jkm.toml", "start", f'"{NIK}"'),
    ("jkm.toml", "status", f'"{NIK}"'),
    ("sources.toml", "append", f"[source.{NIK}]\nkind = 1"),
    ("jkm.toml", "append", f'[parameter."{NIK}"]\nunit = "{NIK}"'),
    ("jkm.toml", "bytes", "\udcff"),
    ("jkm.toml", "bytes", "\x00"),
]


def damaged(name: str, how: str, literal: str) -> str:
    """The text of a shipped rule file with one value, line or byte damaged."""
    text = (rule_files() / name).read_text(encoding="utf-8")
    if how == "append":
        return f"{text}\n{literal}\n"
    if how == "bytes":
        return text[:200] + literal + text[200:]
    lines = text.splitlines()
    index = next(i for i, line in enumerate(lines) if line.strip().startswith(f"{how} "))
    lines[index] = f"{how} = {literal}"
    return "\n".join(lines)


@pytest.mark.parametrize(("name", "how", "literal"), TOML_DAMAGE, ids=range(len(TOML_DAMAGE)))
def test_a_damaged_rule_book_gets_a_rule_data_error(name: str, how: str, literal: str, tmp_path: Path) -> None:
    """Deep arrays, huge or non-finite numbers, long rates, wrong types and bad bytes give a library error."""
    from jamsos_pemilu.law import load_rule_book

    folder = tmp_path / "rules"
    shutil.copytree(rule_files(), folder)
    (folder / name).write_bytes(damaged(name, how, literal).encode("utf-8", "surrogatepass"))
    assert_safe(lambda: len(load_rule_book(folder).parameters))


def test_a_rule_book_folder_that_cannot_be_read_gets_a_library_error(tmp_path: Path) -> None:
    """A missing folder, a file, an empty folder and a name too long give a library error."""
    from jamsos_pemilu.law import load_rule_book

    file = tmp_path / "file.toml"
    file.write_text("")
    for folder in (tmp_path / "missing", file, tmp_path, tmp_path / ("x" * 300), str(tmp_path / NIK)):
        assert_safe(lambda folder=folder: load_rule_book(folder))  # type: ignore[misc]


def calculators(wage: object, on: object, rules: Callable[[dt.date], Any] | None = None) -> Iterator[Callable[[], object]]:
    """Each calculator, on ``wage`` and the date ``on``, with the snapshot ``rules(date)`` if given."""
    from jamsos_pemilu import batch, benefits, premiums
    from jamsos_pemilu.claims import jkk_claim_deadline
    from jamsos_pemilu.periods import Month

    def snapshot(day: object) -> Any:
        return rules(day) if rules is not None and isinstance(day, dt.date) else None

    month: Any = Month(on.year, on.month) if isinstance(on, dt.date) else on
    first = month.first_day if isinstance(month, Month) else on
    day: Any = on
    basis: Any = wage
    yield lambda: premiums.monthly_premium(basis, month=month, rules=snapshot(first))
    yield lambda: premiums.due_date(month=month, rules=snapshot(first))
    yield lambda: premiums.late_fine(basis, month=month, paid_on=dt.date(2030, 1, 1), rules=snapshot(first))
    yield lambda: benefits.jkk_death(basis, on=day, rules=snapshot(on))
    yield lambda: benefits.jkm_death(on=day, rules=snapshot(on))
    yield lambda: benefits.jkk_temporary_incapacity(basis, 7, on=day, rules=snapshot(on))
    yield lambda: jkk_claim_deadline(on=day, rules=snapshot(on))
    np = pytest.importorskip("numpy")
    amount = getattr(wage, "amount", wage)
    wages = np.array([amount, 1_100_000], dtype=np.int64 if isinstance(amount, int) and abs(amount) < 2**62 else object)
    yield lambda: batch.monthly_premiums(wages, month=month, rules=snapshot(first))
    yield lambda: batch.death_exposure(wages, on=day, rules=snapshot(on))


REFORM_VALUES: list[tuple[str, object]] = [
    ("pu.due_day", 10**7), ("pu.due_day", 0), ("pu.due_day", 32), ("pu.due_day", 31), ("pu.due_day", -1),
    ("bpu.due_day", int(NIK)), ("bpu.due_day", NIK), ("pu.jkm_rate", "1e-999999999"), ("pu.jkm_rate", "0." + "3" * 500),
    ("pu.jkm_rate", "NaN"), ("pu.jkm_rate", "2"), ("pu.jkm_rate", 0.003), ("pu.jkm_rate", NIK),
    ("contribution.late_fine_rate", "1e999999"), ("contribution.rounding", NIK), ("jkm.lump_sum", 10**40),
    ("jkm.lump_sum", -1), ("jkm.lump_sum", Decimal("1e2000000")), (NIK, 1), ("pu.jkm_rate", deep(5_000)),
]


@pytest.mark.parametrize(("name", "value"), REFORM_VALUES, ids=range(len(REFORM_VALUES)))
def test_a_reform_with_values_out_of_bounds_gets_a_library_error(name: str, value: object) -> None:
    """Due days outside 1-31, rates outside 0-1 or with too many decimals, huge amounts: a library error, at once or in use."""
    from jamsos_pemilu.law import Reform, rules_on
    from jamsos_pemilu.money import Rupiah

    def what_if() -> str:
        reform = Reform.from_dict({"label": "uji", "overrides": {name: value}})
        outputs = []
        for call in calculators(Rupiah(2_500_000), dt.date(2024, 2, 14), lambda on: rules_on(on, reform=reform)):
            outputs.append(answered(call))
        return "\n".join(outputs)

    assert_safe_and_quick(what_if)


def test_a_reform_label_holding_a_nik_is_masked() -> None:
    """A reform's label or parameter name that is a NIK is not shown whole in errors."""
    from jamsos_pemilu.law import Reform, rules_on

    for data in ({"label": NIK, "overrides": {"pu.due_day": 0}}, {"label": "x", "overrides": {NIK: 1}}, {"label": NIK}):
        assert_safe(lambda data=data: rules_on(dt.date(2024, 2, 14), reform=Reform.from_dict(data)))  # type: ignore[misc]


WAGES: list[object] = [*JUNK_NUMBERS, "2500000", None, [], NIK]


@pytest.mark.parametrize("wage", WAGES, ids=range(len(WAGES)))
def test_calculators_refuse_junk_wages_with_a_library_error(wage: object) -> None:
    """A wage of any type or size (Rp10^30, NaN, a float, a numpy scalar, the NIK) is used or refused cleanly."""
    for call in calculators(wage, dt.date(2024, 2, 14)):
        assert_safe(call)


@pytest.mark.parametrize("on", [*JUNK_VALUES[:20], dt.date.min, dt.date.max, dt.date(1900, 1, 1), dt.date(2999, 12, 31)])
def test_calculators_refuse_junk_dates_with_a_library_error(on: object) -> None:
    """A date of the wrong type, or outside the rule book's years, gives a library error."""
    from jamsos_pemilu.money import Rupiah

    for call in calculators(Rupiah(1_100_000), on):
        assert_safe(call)


@BOUNDED
@given(amount=st.integers(-(10**40), 10**40), days=st.integers(-40_000, 40_000))
def test_calculators_raise_only_library_errors_for_any_amount_and_date(amount: int, days: int) -> None:
    """For any whole amount and any date from 1915 to 2133, each calculator answers or raises a library error."""
    from jamsos_pemilu.money import Rupiah

    try:
        wage: object = Rupiah(amount)
    except JamsosError:
        wage = amount
    for call in calculators(wage, dt.date(2024, 2, 14) + dt.timedelta(days=days)):
        assert_safe(call)


def test_check_coverage_with_junk_arguments_gets_a_library_error() -> None:
    """A coverage check with a non-officer, a non-agreement or a non-date raises a library error."""
    from jamsos_pemilu.eligibility import check_coverage
    from jamsos_pemilu.officers import Officer
    from jamsos_pemilu.serialization import from_dict, shipped_agreements

    officer = from_dict(Officer, officer_document())
    agreement = shipped_agreements()[0]
    for junk in JUNK_VALUES[:25]:
        assert_safe(lambda junk=junk: check_coverage(junk, agreement, on=dt.date(2024, 2, 14)))  # type: ignore[misc]
        assert_safe(lambda junk=junk: check_coverage(officer, junk, on=dt.date(2024, 2, 14)))  # type: ignore[misc]
        assert_safe(lambda junk=junk: check_coverage(officer, agreement, on=junk))  # type: ignore[misc]


# --------------------------------------------------------------------------- money


@pytest.mark.parametrize("amount", [*JUNK_VALUES], ids=range(len(JUNK_VALUES)))
def test_rupiah_construction_from_junk_gets_a_library_error(amount: object) -> None:
    """Rupiah(x) for floats, NaN, huge Decimals (quickly), text or containers raises a library error."""
    from jamsos_pemilu.money import Rupiah

    def build() -> str:
        money = Rupiah(amount)  # type: ignore[arg-type]
        return str(money) + repr(money)

    assert_safe_and_quick(build)


def test_numpy_integers_are_money_and_wrapping_values_are_refused() -> None:
    """A numpy integer scalar is a whole amount; an unsigned value or a float scalar is refused, never wrapped."""
    np = pytest.importorskip("numpy")
    from jamsos_pemilu.money import Rupiah

    for value in (np.int64(5), np.int32(5), np.uint64(2**64 - 1), np.uint8(200), np.float64(2.5), np.int64(-1)):
        assert_safe(lambda value=value: Rupiah(value))  # type: ignore[misc]


@pytest.mark.parametrize("other", JUNK_VALUES, ids=range(len(JUNK_VALUES)))
def test_rupiah_arithmetic_with_junk_gets_a_library_error(other: object) -> None:
    """Adding, multiplying, comparing or capping money with anything that is not money or a count is refused."""
    from jamsos_pemilu.money import Rupiah

    money = Rupiah(2_500_000)
    operations: list[Callable[[], object]] = [
        lambda: money + other, lambda: money - other, lambda: money * other, lambda: money.times(other),  # type: ignore[operator, arg-type]
        lambda: money.scale(other), lambda: money.min(other), lambda: money.max(other),  # type: ignore[arg-type]
        lambda: money < other, lambda: str(money * other),  # type: ignore[operator]
    ]
    for operation in operations:
        assert_safe(operation)


@BOUNDED
@given(amount=st.integers() | st.decimals(allow_nan=True, allow_infinity=True), factor=st.decimals(allow_nan=True))
def test_rupiah_and_rates_raise_only_library_errors(amount: int | Decimal, factor: Decimal) -> None:
    """Any integer or Decimal as an amount, times any Decimal rate, is exact money or a library error."""
    from jamsos_pemilu.money import RoundingRule, Rupiah, round_rupiah

    def use() -> str:
        money = Rupiah(amount)
        return str(money) + str(round_rupiah(money * factor, RoundingRule.HALF_UP))

    assert_safe_and_quick(use)


# --------------------------------------------------------------------------- command line


def run_cli(*argv: str) -> subprocess.CompletedProcess[str]:
    """Run the installed command in a child process."""
    program = Path(sys.executable).with_name("jamsos-pemilu")
    command = [str(program)] if program.exists() else [sys.executable, "-m", "jamsos_pemilu.cli"]
    return subprocess.run([*command, *argv], capture_output=True, text=True, timeout=120, check=False, errors="replace")


@pytest.fixture(scope="module")
def hostile_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Files a careless or hostile user might pass to the command line."""
    folder = tmp_path_factory.mktemp("cli")
    files: dict[str, str | bytes] = {
        "deep": "[" * 100_000,
        "latin1": b'{"name": "S\xe9ri"}',
        "nik": json.dumps(planted(officer_document(), ("appointment", "start"), NIK)),
        "reform": json.dumps({"label": NIK, "overrides": {"pu.due_day": 10**7}}),
    }
    paths = {}
    for name, content in files.items():
        path = folder / f"{name}.json"
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
        paths[name] = str(path)
    paths["folder"] = str(folder)
    paths["long"] = str(folder / ("x" * 300))
    return paths


CLI_CASES: list[tuple[str, ...]] = [
    ("check", "--officer", "{deep}", "--date", "2024-02-14"),
    ("check", "--officer", "{latin1}", "--date", "2024-02-14"),
    ("check", "--officer", "{nik}", "--date", "2024-02-14"),
    ("check", "--officer", "{folder}", "--date", "2024-02-14"),
    ("budget", "{long}"),
    ("agreements", NIK),
    ("premium", "--wage", "2500000", "--month", NIK),
    ("benefit", "jkm-death", "--date", NIK),
    ("rules", "--date", "2024-02-14", "--reform", "{reform}"),
    (NIK,),
]


@pytest.mark.parametrize("argv", CLI_CASES, ids=range(len(CLI_CASES)))
def test_the_command_line_never_prints_a_traceback_or_a_nik(argv: tuple[str, ...], hostile_files: dict[str, str]) -> None:
    """Bad files and values give one clear line, exit status 2 (usage) or 1 (other), no traceback, no whole NIK."""
    result = run_cli(*(arg.format(**hostile_files) if arg.startswith("{") else arg for arg in argv))
    output = result.stdout + result.stderr
    assert result.returncode in (1, 2), output[-2_000:]
    assert "Traceback" not in output, output[-2_000:]
    assert NIK not in output, output[-2_000:]
