"""Tests for jamsos_pemilu.roster_arrow: the columnar (Arrow) path reads a roster as the row checker does."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jamsos_pemilu.exceptions import RosterError
from jamsos_pemilu.rosters import COLUMNS, POSITION_CODES, ROLE_CODES, election_keys, read_columns, read_officers

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

GOOD_NIKS = ("3173011205870001", "3602045211900002", "1101010101000003", "3273016512050004")

#: Cells of good rows: role, position, election, start, end, wage, asn, registered.
GOOD_FIELDS = (
    ("KPPS", "anggota", "pemilu_2024", "2024-01-25", "2024-02-25", "", "tidak", ""),
    ("kpps", "Ketua", "Pemilu 2024", "2024-01-25", "2024-02-25", "1.300.000", "ya", "2024-01-25"),
    ("PPS", "anggota", "pemilu_2024", "2023-02-01", "2024-03-31", "1250000", "", ""),
    ("Panwascam", "ketua", "pemilu_2024", "2022-10-01", "2024-12-31", "2.200.000", "0", "2022-10-01"),
    ("PKD", "petugas", "pemilu_2024", "2023-02-01", "2024-03-31", "", "false", ""),
)

#: One bad cell each: (column, text).
BAD_CELLS = (
    ("nik", "317301120587001"),
    ("nik", "3173013205870008"),
    ("nik", "9973011205870016"),
    ("nik", "3173 0112 0587 0001"),  # a NIK typed in groups: good for the row checker, not for the fast check
    ("nik", "3173011205050001"),  # born 2005: after a 2002 appointment? no: 1905 is read; good
    ("name", ""),
    ("name", "  "),
    ("name", " Ani"),
    ("name", "Ánisa"),
    ("role", "KPPSS"),
    ("role", "PPLN"),
    ("position", "sekretaris"),
    ("election", "pemilu_2099"),
    ("appointment_start", "2024-02-30"),
    ("appointment_end", "2020-01-01"),
    ("wage", "1,100,000.50"),
    ("wage", "0"),
    ("wage", "2,500,000"),
    ("asn", "maybe"),
    ("bpjs_registered_on", "25/01/2024"),
    ("region_code", "33.73.0"),
    ("region_code", "31.73.01.1001"),
)

rows = st.one_of(
    st.tuples(st.just("good"), st.sampled_from(GOOD_NIKS), st.sampled_from(GOOD_FIELDS), st.booleans()),
    st.tuples(st.just("bad"), st.sampled_from(GOOD_NIKS), st.sampled_from(GOOD_FIELDS), st.sampled_from(BAD_CELLS)),
    st.tuples(st.just("ragged"), st.integers(min_value=0, max_value=15)),
)


def row_cells(spec: tuple[Any, ...], index: int) -> list[str] | None:
    """The cells of one generated row in COLUMNS order (``None`` for a ragged row)."""
    if spec[0] == "ragged":
        return None
    nik, fields = spec[1], spec[2]
    role, position, election, start, end, wage, asn, registered = fields
    name = f"Petugas {index}" if spec[0] == "bad" or not spec[3] else f"Petugas\n{index}, \"A\""
    cells = {
        "nik": nik, "name": name, "role": role, "position": position, "election": election,
        "appointment_start": start, "appointment_end": end, "wage": wage, "tps": f"TPS {index}", "desa": "",
        "region_code": "", "asn": asn, "bpjs_registered_on": registered,
    }
    if spec[0] == "bad":
        column, text = spec[3]
        cells[column] = text
    return [cells[column] for column in COLUMNS]


def csv_text(specs: list[tuple[Any, ...]], delimiter: str) -> str:
    """A roster CSV of the generated rows (ragged rows: ``count`` fields, 0 = a blank line)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(COLUMNS)
    for index, spec in enumerate(specs):
        cells = row_cells(spec, index)
        if cells is None:
            out.write(delimiter.join(["x"] * spec[1]) + "\n")
        else:
            writer.writerow(cells)
    return out.getvalue()


def object_view(rows_read: Any) -> tuple[list[tuple[Any, ...]], list[tuple[int, str, str]]]:
    """Good rows (line and values) and errors (line, column, reason) from read_officers."""
    good, errors = [], []
    for row in rows_read:
        errors += [(e.line, e.column, e.reason) for e in row.errors]
        if row.officer is not None:
            officer = row.officer
            good.append((
                row.line, officer.role, officer.position, officer.election, officer.appointment.start,
                officer.appointment.end, row.wage.amount, officer.asn, officer.bpjs_registered_on,
            ))
    return good, errors


def column_view(chunks: Any) -> tuple[list[tuple[Any, ...]], list[tuple[int, str, str]]]:
    """The same view of read_columns' chunks."""
    good, errors = [], []
    keys = election_keys()
    for chunk in chunks:
        errors += [(e.line, e.column, e.reason) for e in chunk.errors]
        for i in range(len(chunk)):
            registered = chunk.bpjs_registered_on[i]
            good.append((
                int(chunk.line[i]), ROLE_CODES[chunk.role[i]], POSITION_CODES[chunk.position[i]],
                keys[chunk.election[i]], chunk.appointment_start[i].item(), chunk.appointment_end[i].item(),
                int(chunk.wage[i]), bool(chunk.asn[i]), None if str(registered) == "NaT" else registered.item(),
            ))
    return good, errors


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(rows, max_size=25), st.sampled_from([",", ";"]), st.integers(min_value=1, max_value=9))
def test_columnar_reader_equals_row_checker_on_csv(specs: list[tuple[Any, ...]], delimiter: str, chunk: int) -> None:
    """The columnar reader keeps the row checker's officers and errors (line, column, reason) on CSV.

    The rosters are comma or semicolon separated, with bad, ragged, blank and multi-line rows.
    """
    text = csv_text(specs, delimiter)
    expected = object_view(read_officers(io.StringIO(text), on_error="collect"))
    got = column_view(read_columns(io.StringIO(text), on_error="collect", chunk_size=chunk))
    assert got == expected


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(rows, min_size=1, max_size=25))
def test_columnar_reader_equals_row_checker_on_parquet(specs: list[tuple[Any, ...]]) -> None:
    """On a Parquet roster, the columnar reader keeps the same officers and errors as the row checker."""
    table_rows = [cells for index, spec in enumerate(specs) if (cells := row_cells(spec, index)) is not None]
    columns = {name: [cells[i] for cells in table_rows] for i, name in enumerate(COLUMNS)}
    sink = io.BytesIO()
    pq.write_table(pa.table({name: pa.array(values, pa.string()) for name, values in columns.items()}), sink)
    path = Path(_tmp_dir()) / f"roster-{abs(hash(tuple(map(tuple, table_rows))))}.parquet"
    path.write_bytes(sink.getvalue())
    try:
        expected = object_view(read_officers(path, on_error="collect"))
        got = column_view(read_columns(path, on_error="collect", chunk_size=7))
    finally:
        path.unlink()
    assert got == expected


def _tmp_dir() -> str:
    import tempfile

    return tempfile.gettempdir()


def test_a_bad_row_goes_alone_to_the_row_checker(monkeypatch: pytest.MonkeyPatch) -> None:
    """In a batch of 2.000 rows with one bad row, only that row is checked one by one."""
    from jamsos_pemilu import rosters

    calls: list[int] = []
    original = rosters._Checker.check_row

    def counting(self: Any, line: int, row: Any) -> Any:
        calls.append(line)
        return original(self, line, row)

    monkeypatch.setattr(rosters._Checker, "check_row", counting)
    specs: list[tuple[Any, ...]] = [("good", GOOD_NIKS[i % 4], GOOD_FIELDS[i % 5], False) for i in range(2000)]
    specs[1234] = ("bad", GOOD_NIKS[0], GOOD_FIELDS[0], ("role", "KPPSS"))
    chunks = list(read_columns(io.StringIO(csv_text(specs, ",")), on_error="collect"))
    assert calls == [1236]
    assert sum(len(chunk) for chunk in chunks) == 1999


def test_typed_arrow_columns_read_like_text() -> None:
    """An Arrow table with date, integer, boolean and dictionary columns gives the rows its text gives."""
    nik = GOOD_NIKS[1]
    table = pa.table({
        "nik": pa.array([nik, nik, None]),
        "name": ["Ani", "Budi", "C"],
        "role": pa.array(["KPPS", "PPS", "KPPS"]).dictionary_encode(),
        "position": ["ketua", "anggota", "anggota"],
        "election": ["pemilu_2024"] * 3,
        "appointment_start": pa.array([dt.date(2024, 1, 25), dt.date(2023, 2, 1), dt.date(2024, 1, 25)]),
        "appointment_end": pa.array([dt.date(2024, 2, 25), dt.date(2024, 3, 31), dt.date(2024, 2, 25)]),
        "wage": pa.array([None, 1_250_000, 0], pa.int64()),
        "asn": pa.array([True, False, None]),
    })
    expected = object_view(read_officers(table, on_error="collect"))
    got = column_view(read_columns(table, on_error="collect"))
    assert got == expected
    assert [line for line, *_ in got[0]] == [2, 3]
    assert [(line, column) for line, column, _ in got[1]] == [(4, "nik"), (4, "wage")]


def test_birth_digit_table_reads_dates_as_python_stdnum_does() -> None:
    """The vectorised birth-date table gives, for DDMMYY digits, the earliest date the row checker reads.

    Women's days (+40), 29 February in 1900 (no) and 2000 (yes), day 00, month 13 and days past 80 included.
    """
    import numpy as np

    from jamsos_pemilu.roster_arrow import NEVER
    from jamsos_pemilu.rosters import _EPOCH_ORDINAL, _earliest_birth, _earliest_births

    codes = [day * 10_000 + month * 100 + year for day in range(100) for month in range(14) for year in (0, 4, 87, 99)]
    table = _earliest_births(np.array(codes, dtype=np.int64)).tolist()
    for code, got in zip(codes, table, strict=True):
        expected = _earliest_birth(f"{code:06d}")
        assert got == (NEVER if expected is None else expected.toordinal() - _EPOCH_ORDINAL), code


@pytest.mark.parametrize("prefix", ["317301", "360204", "110101", "997301", "310000", "317300", "940101", "510100"])
def test_region_prefix_check_agrees_with_nik(prefix: str) -> None:
    """A NIK's first six digits pass the prefix check exactly when a NIK with them is valid."""
    from jamsos_pemilu.exceptions import InvalidNIKError
    from jamsos_pemilu.officers import NIK
    from jamsos_pemilu.rosters import _Checker, _columns

    checker = _Checker("<roster>", _columns("<roster>", COLUMNS), None)
    try:
        NIK(prefix + "0101900001")
    except InvalidNIKError:
        valid = False
    else:
        valid = True
    assert checker.prefix_ok(prefix) is valid


def test_chunks_hold_a_fixed_number_of_roster_rows() -> None:
    """Each chunk covers chunk_size rows of the roster, good or bad, whatever the batches pyarrow reads."""
    specs: list[tuple[Any, ...]] = [("good", GOOD_NIKS[i % 4], GOOD_FIELDS[i % 5], False) for i in range(10)]
    specs[4] = ("bad", GOOD_NIKS[0], GOOD_FIELDS[0], ("role", "KPPSS"))
    chunks = list(read_columns(io.StringIO(csv_text(specs, ",")), on_error="collect", chunk_size=3))
    assert [len(chunk) + len(chunk.errors) for chunk in chunks] == [3, 3, 3, 1]
    assert [e.line for chunk in chunks for e in chunk.errors] == [6]


def test_reading_ahead_hands_on_the_reader_error() -> None:
    """An error raised while the next batch is read ahead reaches the caller unchanged."""
    from jamsos_pemilu.roster_arrow import prefetch

    def items() -> Any:
        yield 1
        raise KeyError("broken source")

    reader = prefetch(items())
    assert next(reader) == 1
    with pytest.raises(KeyError, match="broken source"):
        next(reader)


def test_raise_mode_stops_at_the_first_bad_row_in_roster_order() -> None:
    """With on_error='raise' the columnar path raises the first bad row's first error, as the row path does."""
    specs: list[tuple[Any, ...]] = [("good", GOOD_NIKS[0], GOOD_FIELDS[0], False)] * 5
    specs += [("bad", GOOD_NIKS[0], GOOD_FIELDS[0], ("asn", "maybe")), ("bad", GOOD_NIKS[0], GOOD_FIELDS[0], ("role", "x"))]
    text = csv_text(specs, ";")
    with pytest.raises(RosterError) as by_rows:
        list(read_officers(io.StringIO(text)))
    with pytest.raises(RosterError) as by_columns:
        list(read_columns(io.StringIO(text)))
    assert str(by_columns.value) == str(by_rows.value)
    assert "line 7, column 'asn'" in str(by_rows.value)


@pytest.mark.parametrize("kind", ["stream", "path"])
def test_a_row_longer_than_a_block_does_not_stop_a_collect_read(kind: str, tmp_path: Path) -> None:
    """A 2 MB row (more than pyarrow's 1 MB block) is reported at its line and the rows after it are read."""
    specs: list[tuple[Any, ...]] = [("good", GOOD_NIKS[i % 4], GOOD_FIELDS[0], False) for i in range(6)]
    specs[2] = ("bad", GOOD_NIKS[0], GOOD_FIELDS[0], ("name", "x" * 2_000_000))
    text = csv_text(specs, ",")
    source: Any = io.StringIO(text)
    if kind == "path":
        source = tmp_path / "long.csv"
        source.write_text(text, encoding="utf-8")
    got = column_view(read_columns(source, on_error="collect", chunk_size=2))
    assert [row[0] for row in got[0]] == [2, 3, 5, 6, 7]
    assert got[1] == [(4, "*", "a cell is longer than 131.072 characters")]


def test_typed_dataframe_reads_like_text() -> None:
    """A DataFrame with datetime, float (blank = NaN), bool and object columns gives the row checker's rows."""
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({
        "nik": [GOOD_NIKS[0], GOOD_NIKS[1], "3173011205870"],
        "name": ["Ani", "Budi", "Cici"],
        "role": ["KPPS", "PPS", "KPPS"],
        "position": ["ketua", "anggota", "anggota"],
        "election": ["pemilu_2024"] * 3,
        "appointment_start": pd.to_datetime(["2024-01-25", "2023-02-01", "2024-01-25"]),
        "appointment_end": pd.to_datetime(["2024-02-25", "2024-03-31", "2024-02-25"]),
        "wage": [float("nan"), 1_250_000.0, 1_100_000.5],
        "asn": [True, False, True],
        "region_code": [None, "31.73.01", 3173],
    })
    expected = object_view(read_officers(frame, on_error="collect"))
    got = column_view(read_columns(frame, on_error="collect"))
    assert got == expected
    assert [line for line, *_ in got[0]] == [2, 3]
    assert [(line, column) for line, column, _ in got[1]] == [(4, "nik"), (4, "wage")]
