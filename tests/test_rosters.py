"""Tests for jamsos_pemilu.rosters: streaming roster reading with row-level validation."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jamsos_pemilu import RosterError, Rupiah
from jamsos_pemilu.exceptions import InputError, InvalidNIKError
from jamsos_pemilu.officers import NIK
from jamsos_pemilu.roles import Position, Role
from jamsos_pemilu.rosters import (
    COLUMNS,
    POSITION_CODES,
    ROLE_CODES,
    election_keys,
    read_columns,
    read_officers,
)

DEFECTS = Path(__file__).parent / "data" / "roster_with_defects.csv"
HEADER = ",".join(COLUMNS)


def make_nik(region: str, birth: dt.date, serial: int, *, female: bool = False) -> str:
    """Build a NIK from a kecamatan code, a birth date and a serial, and check it is valid."""
    day = birth.day + (40 if female else 0)
    text = f"{region}{day:02d}{birth.month:02d}{birth.year % 100:02d}{serial:04d}"
    assert NIK.parse(text).reveal() == text
    return text


def roster_text(*rows: str) -> io.StringIO:
    """A CSV roster with the full header and ``rows``."""
    return io.StringIO("\n".join([HEADER, *rows]) + "\n")


def officer_row(nik: str, *, role: str = "KPPS", position: str = "anggota", wage: str = "") -> str:
    """One roster row for Pemilu 2024."""
    return f"{nik},Siti,{role},{position},pemilu_2024,2024-01-25,2024-02-25,{wage},TPS 1,,,,"


#: Every defect in tests/data/roster_with_defects.csv: line, column, reason.
EXPECTED_DEFECTS = [
    (3, "nik", "invalid NIK 317301*********: a NIK has 16 digits, this one has 15"),
    (4, "role", "unknown role 'KPPSS'; accepted values: " + ", ".join(r.value for r in Role)),
    (5, "position", "role KPPS has no position 'sekretaris'; it has: ketua, anggota"),
    (6, "appointment_end", "2023-02-01 is before appointment_start 2023-03-01"),
    (7, "appointment_start", "'2023-02-30' is not a date written YYYY-MM-DD"),
    (
        8,
        "wage",
        "'1,100,000.50': mixes '.' and ',' so it reads as 1100000 rupiah and a fraction ('.50') in one convention "
        "and something else in the other; amounts are whole rupiah: write 1100000 or 1.100.000",
    ),
    (9, "wage", "blank, and the rule book has no honorarium for pemilu_2019 pkd petugas; give the wage"),
    (
        10,
        "nik",
        "invalid NIK 317301******0008: digits 7-12 must be a birth date DDMMYY (women: day + 40); "
        "day 32 of month 05 is not a date",
    ),
    (11, "name", "a name is required"),
    (
        12,
        "region_code",
        "invalid region code '33.73.0': a dotted code is written PP, PP.KK, PP.KK.CC or PP.KK.CC.DDDD "
        "(2, 2, 2 and 4 digits)",
    ),
    (13, "asn", "'maybe' is not true/false (ya/tidak, yes/no, 1/0)"),
    (14, "*", "expected 13 fields, found 5"),
    (15, "nik", "invalid NIK A**: a NIK has digits only (spaces, dots and dashes are ignored)"),
    (15, "role", "unknown role 'Bupati'; accepted values: " + ", ".join(r.value for r in Role)),
    (16, "role", "2024 simultaneous regional-head elections (pilkada_2024) has no PPLN"),
    (
        19,
        "election",
        "unknown election 'pemilu_2099'; accepted values: pemilu_2019, pilkada_2020, pemilu_2024, pilkada_2024",
    ),
    (20, "nik", "invalid NIK 997301******0016: province code 99 (digits 1-2) is not in python-stdnum's province table"),
    (21, "bpjs_registered_on", "'25/01/2024' is not a date written YYYY-MM-DD"),
]


def collected_errors() -> list[RosterError]:
    """Every error of the defects file, read on the object path."""
    return [error for row in read_officers(DEFECTS, on_error="collect") for error in row.errors]


def test_every_defect_is_reported_with_line_column_and_reason() -> None:
    """Each defect of the fixture is reported once, at its line (header = 1), column and reason."""
    found = [(e.line, e.column, e.reason) for e in collected_errors()]
    assert found == EXPECTED_DEFECTS


def test_error_messages_name_the_file_line_and_column() -> None:
    """A RosterError's message reads 'file, line N, column C: reason'."""
    first = collected_errors()[0]
    assert str(first) == "roster_with_defects.csv, line 3, column 'nik': " + EXPECTED_DEFECTS[0][2]


def test_no_error_shows_a_whole_nik() -> None:
    """No error message contains any NIK of the roster whole."""
    niks = [line.split(",")[0] for line in DEFECTS.read_text(encoding="utf-8").splitlines()[1:]]
    whole = [nik for nik in niks if len(nik) >= 15]
    for error in collected_errors():
        assert not any(nik in str(error) for nik in whole)



def test_a_chunk_of_a_file_named_after_a_nik_keeps_the_name_but_masks_it_in_its_repr(tmp_path: Path) -> None:
    """A roster file named after an officer's NIK: the chunk's ``source`` is the real name, its repr masks it."""
    pytest.importorskip("numpy")
    name = "3201014501900001.csv"
    (tmp_path / name).write_text("\n".join(DEFECTS.read_text(encoding="utf-8").splitlines()[:2]) + "\n", encoding="utf-8")
    (chunk,) = read_columns(tmp_path / name)
    assert chunk.source == name
    assert "3201014501900001" not in repr(chunk)
    assert "320101******0001.csv" in repr(chunk)

def test_good_rows_are_kept_alongside_errors() -> None:
    """Collecting keeps every good row, with its officer and wage (honorarium when blank)."""
    good = [row for row in read_officers(DEFECTS, on_error="collect") if row.ok]
    assert [(row.line, row.wage, row.wage_from_honorarium) for row in good] == [
        (2, Rupiah(1_100_000), True),
        (17, Rupiah(1_100_000), True),
        (22, Rupiah(1_300_000), False),
    ]


def test_multiline_cell_is_read_and_next_row_keeps_its_line() -> None:
    """A quoted name spanning two lines is one row reported at its first line; the next row is line 19."""
    rows = list(read_officers(DEFECTS, on_error="collect"))
    by_line = {row.line: row for row in rows}
    officer = by_line[17].officer
    assert officer is not None and officer.name == "Oktaviani\nPutri"
    assert 18 not in by_line and 19 in by_line


def test_raise_mode_stops_at_the_first_bad_row() -> None:
    """With on_error='raise' reading stops with the first error (line 3), after yielding line 2."""
    rows = read_officers(DEFECTS)
    assert next(rows).line == 2
    with pytest.raises(RosterError) as caught:
        next(rows)
    assert (caught.value.line, caught.value.column) == (3, "nik")


def test_officer_fields_are_parsed() -> None:
    """A good row becomes an Officer with parsed role, unit, ASN flag and registration date."""
    row = next(iter(read_officers(DEFECTS)))
    officer = row.officer
    assert officer is not None
    assert (officer.role, officer.position, officer.election) == (Role.KPPS, Position.ANGGOTA, "pemilu_2024")
    assert officer.unit.region is not None and officer.unit.region.dotted == "31.73.01.1001"
    assert officer.asn is False and officer.bpjs_registered_on == dt.date(2024, 1, 25)


def test_columnar_path_reports_the_same_errors() -> None:
    """read_columns finds exactly the errors read_officers finds."""
    chunks = list(read_columns(DEFECTS, on_error="collect", chunk_size=4))
    found = [(e.line, e.column, e.reason) for chunk in chunks for e in chunk.errors]
    assert found == EXPECTED_DEFECTS


def test_columnar_path_keeps_the_good_rows_as_arrays() -> None:
    """read_columns keeps the good rows' lines, codes, wages and dates."""
    chunks = list(read_columns(DEFECTS, on_error="collect"))
    lines = [int(v) for chunk in chunks for v in chunk.line]
    assert lines == [2, 17, 22]
    chunk = chunks[0]
    assert [ROLE_CODES[c] for c in chunk.role] == [Role.KPPS] * 3
    assert [POSITION_CODES[c] for c in chunk.position] == [Position.ANGGOTA, Position.ANGGOTA, Position.KETUA]
    assert chunk.wage.tolist() == [1_100_000, 1_100_000, 1_300_000]
    assert [election_keys()[c] for c in chunk.election] == ["pemilu_2024"] * 3
    assert str(chunk.appointment_start[0]) == "2024-01-25" and chunk.asn.tolist() == [False, True, True]


def test_columnar_raise_mode_raises_the_first_error() -> None:
    """read_columns with on_error='raise' raises the first bad row's error."""
    with pytest.raises(RosterError) as caught:
        list(read_columns(DEFECTS))
    assert caught.value.line == 3


class LazyRoster:
    """A text file of ``total`` good rows produced on demand, counting the rows produced."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.produced = 0
        self.nik = make_nik("317301", dt.date(1987, 5, 12), 1)

    def __iter__(self) -> Iterator[str]:
        yield HEADER + "\n"
        while self.produced < self.total:
            self.produced += 1
            yield officer_row(self.nik) + "\n"

    def read(self, size: int = -1) -> str:
        """Whole-file reads are not supported: the roster reader iterates lines."""
        raise AssertionError("the roster reader must iterate, not read the whole file")


def test_columnar_reading_streams_one_chunk_at_a_time() -> None:
    """The first chunk comes after reading a piece or two of the file (16 MB each), not the whole roster."""
    stream = LazyRoster(2_000_000)
    first = next(read_columns(stream, chunk_size=100))
    assert len(first) == 100
    assert stream.produced < 1_000_000


@pytest.mark.parametrize(
    ("header", "column", "reason"),
    [
        ("nik,name,role,position,election,appointment_start", "appointment_end", "required column is missing"),
        (HEADER + ",nomor", "nomor", "unknown column"),
        (HEADER + ",wage", "wage", "column appears twice"),
    ],
)
def test_unreadable_header_raises_at_line_1(header: str, column: str, reason: str) -> None:
    """A header lacking a required column, naming an unknown one or repeating one raises at line 1."""
    with pytest.raises(RosterError) as caught:
        list(read_officers(io.StringIO(header + "\n"), on_error="collect"))
    assert (caught.value.line, caught.value.column) == (1, column)
    assert caught.value.reason.startswith(reason)


def test_bad_on_error_is_refused() -> None:
    """on_error must be 'raise' or 'collect'."""
    with pytest.raises(InputError):
        list(read_officers(io.StringIO(HEADER), on_error="skip"))  # type: ignore[arg-type]


def test_dataframe_roster_with_typed_columns() -> None:
    """A DataFrame with datetime, float (blank = NaN) and bool columns reads like the CSV."""
    pd = pytest.importorskip("pandas")
    nik = make_nik("317301", dt.date(1990, 5, 12), 2, female=True)
    frame = pd.DataFrame(
        {
            "nik": [nik, nik],
            "name": ["Ani", "Ani"],
            "role": ["KPPS", "PPS"],
            "position": ["ketua", "anggota"],
            "election": ["pemilu_2024", "pemilu_2024"],
            "appointment_start": pd.to_datetime(["2024-01-25", "2023-02-01"]),
            "appointment_end": pd.to_datetime(["2024-02-25", "2024-03-31"]),
            "wage": [float("nan"), 1_250_000.0],
            "asn": [True, False],
        }
    )
    rows = list(read_officers(frame))
    assert [(row.line, row.wage) for row in rows] == [(2, Rupiah(1_200_000)), (3, Rupiah(1_250_000))]
    first = rows[0].officer
    assert first is not None and first.asn and first.appointment.end == dt.date(2024, 2, 25)


def test_dataframe_bad_row_is_reported_at_position_plus_two() -> None:
    """In a DataFrame the third row (position 2) is reported as line 4, its NIK masked."""
    pd = pytest.importorskip("pandas")
    good = make_nik("317301", dt.date(1990, 5, 12), 3)
    frame = pd.DataFrame(
        {
            "nik": [good, good, "317301999999"],
            "name": ["A", "B", "C"],
            "role": ["KPPS"] * 3,
            "position": ["anggota"] * 3,
            "election": ["pemilu_2024"] * 3,
            "appointment_start": ["2024-01-25"] * 3,
            "appointment_end": ["2024-02-25"] * 3,
            "wage": [1_100_000.5, None, None],
        }
    )
    errors = [e for chunk in read_columns(frame, on_error="collect") for e in chunk.errors]
    assert [(e.line, e.column) for e in errors] == [(2, "wage"), (4, "nik")]
    assert "317301******" in errors[1].reason and "317301999999" not in str(errors[1])


def test_arrow_table_and_parquet_read_like_csv(tmp_path: Path) -> None:
    """An Arrow table and a Parquet file of the same roster give the same arrays as the CSV."""
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    niks = [make_nik("327301", dt.date(1980 + i, 1 + i, 10), i) for i in range(1, 6)]
    text = roster_text(*(officer_row(n, wage=str(1_000_000 + i)) for i, n in enumerate(niks)))
    csv_chunk = next(read_columns(text))
    table = pa.table(
        {
            "nik": niks,
            "name": ["X"] * 5,
            "role": ["KPPS"] * 5,
            "position": ["anggota"] * 5,
            "election": ["pemilu_2024"] * 5,
            "appointment_start": [dt.date(2024, 1, 25)] * 5,
            "appointment_end": [dt.date(2024, 2, 25)] * 5,
            "wage": [1_000_000 + i for i in range(5)],
        }
    )
    path = tmp_path / "roster.parquet"
    pq.write_table(table, path)
    for source in (table, path):
        chunk = next(read_columns(source, chunk_size=2))
        assert chunk.wage.tolist() == csv_chunk.wage.tolist()[:2]
        assert all(len(c) for c in read_columns(source, chunk_size=2))
    assert sum(len(c) for c in read_columns(path, chunk_size=2)) == 5


def test_a_file_that_cannot_be_opened_is_an_input_error(tmp_path: Path) -> None:
    """A missing CSV path raises InputError naming it."""
    with pytest.raises(InputError, match="cannot open roster"):
        list(read_officers(tmp_path / "missing.csv"))


nik_texts = st.builds(
    lambda region, day, month, year, serial: f"{region}{day:02d}{month:02d}{year:02d}{serial:04d}",
    st.sampled_from(["317301", "110101", "997301", "320000", "940101", "510100"]),
    st.integers(min_value=0, max_value=79),
    st.integers(min_value=0, max_value=13),
    st.integers(min_value=0, max_value=99),
    st.integers(min_value=0, max_value=9999),
)


def nik_is_valid(text: str) -> bool:
    """Whether NIK.parse accepts ``text``."""
    try:
        NIK.parse(text)
    except InvalidNIKError:
        return False
    return True


@settings(max_examples=60, deadline=None)
@given(st.lists(nik_texts, min_size=1, max_size=8))
def test_fast_nik_check_agrees_with_nik_parse(niks: list[str]) -> None:
    """The columnar reader accepts a roster row's NIK exactly when NIK.parse does, cached or not."""
    rows = [officer_row(nik) for nik in niks for _ in range(2)]
    chunks = list(read_columns(roster_text(*rows), on_error="collect"))
    accepted = {int(line) for chunk in chunks for line in chunk.line}
    for index, nik in enumerate(niks):
        lines = {2 + 2 * index, 3 + 2 * index}
        assert (lines <= accepted) == nik_is_valid(nik)
        assert lines <= accepted or not lines & accepted


# --------------------------------------------------------------------------- trust: every bad input gets a library error

GOOD_ROW = officer_row(make_nik("317301", dt.date(1987, 5, 12), 1))
NAMED_ROW = GOOD_ROW.replace("Siti", "José")
READERS = pytest.mark.parametrize("reader", ["rows", "columns"])


def read_all(reader: str, source: object, **options: object) -> tuple[list[int], list[tuple[int, str, str]]]:
    """Good lines and errors (line, column, reason) of a roster read on the row or the columnar path."""
    if reader == "rows":
        rows = list(read_officers(source, on_error="collect", **options))  # type: ignore[arg-type]
        return [r.line for r in rows if r.ok], [(e.line, e.column, e.reason) for r in rows for e in r.errors]
    chunks = list(read_columns(source, on_error="collect", **options))  # type: ignore[arg-type]
    lines = [int(line) for chunk in chunks for line in chunk.line]
    return lines, [(e.line, e.column, e.reason) for chunk in chunks for e in chunk.errors]


@READERS
def test_latin1_file_is_refused_naming_line_and_byte_even_when_collecting(reader: str, tmp_path: Path) -> None:
    """A Latin-1 export read as UTF-8 raises a RosterError naming the line and the byte, also with collect."""
    path = tmp_path / "latin1.csv"
    path.write_bytes("\n".join([HEADER, GOOD_ROW, NAMED_ROW, ""]).encode("latin-1"))
    with pytest.raises(RosterError) as caught:
        read_all(reader, path)
    offset = len(f"{HEADER}\n{GOOD_ROW}\n") + NAMED_ROW.index("é") + 1
    assert caught.value.line == 3
    assert f"byte 0xE9 at byte {offset} of the file is not utf-8 text" in caught.value.reason


@READERS
def test_encoding_argument_reads_a_cp1252_file(reader: str, tmp_path: Path) -> None:
    """With encoding='cp1252' the same Latin-1 export reads, both rows good."""
    path = tmp_path / "latin1.csv"
    path.write_bytes("\n".join([HEADER, GOOD_ROW, NAMED_ROW, ""]).encode("cp1252"))
    assert read_all(reader, path, encoding="cp1252") == ([2, 3], [])


@READERS
def test_utf8_with_bom_and_crlf_reads(reader: str, tmp_path: Path) -> None:
    """A UTF-8 file with a BOM and Windows line ends (Excel's "CSV UTF-8") reads by default."""
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join([HEADER, GOOD_ROW, NAMED_ROW, ""]).encode())
    assert read_all(reader, path) == ([2, 3], [])


@READERS
def test_bare_carriage_returns_end_lines(reader: str) -> None:
    """A bare carriage return ends a line (old Mac exports); an empty line between is a blank row."""
    text = "\r".join([HEADER, GOOD_ROW, "", NAMED_ROW, ""])
    assert read_all(reader, io.StringIO(text)) == ([2, 4], [(3, "*", "blank row")])


@READERS
def test_semicolon_roster_is_detected_from_the_header(reader: str) -> None:
    """A roster saved by Excel in an Indonesian locale (semicolons) is read without saying so."""
    text = "\n".join([HEADER.replace(",", ";"), GOOD_ROW.replace(",", ";"), ""])
    assert read_all(reader, io.StringIO(text)) == ([2], [])


@READERS
def test_huge_cell_is_a_row_error_and_reading_goes_on(reader: str) -> None:
    """A cell longer than 131.072 characters is reported at its line; the next row is still read."""
    huge = GOOD_ROW.replace("TPS 1", "x" * 140_000)
    text = "\n".join([HEADER, huge, NAMED_ROW, ""])
    assert read_all(reader, io.StringIO(text)) == ([3], [(2, "*", "a cell is longer than 131.072 characters")])


@READERS
def test_nul_character_is_a_row_error(reader: str) -> None:
    """A NUL character in a row (a UTF-16 or binary file) is reported at its line; reading goes on."""
    text = "\n".join([HEADER, GOOD_ROW.replace("Siti", "Si\x00ti"), NAMED_ROW, ""])
    reason = "the row contains a NUL character (is the file UTF-16? give encoding=)"
    assert read_all(reader, io.StringIO(text)) == ([3], [(2, "*", reason)])


@READERS
def test_ragged_and_blank_rows_keep_their_lines(reader: str) -> None:
    """Short rows, blank lines and a quoted two-line cell are reported at the lines they start on."""
    two_lines = GOOD_ROW.replace("Siti", '"Siti\nAminah"')
    text = "\n".join([HEADER, two_lines, "", "a,b", NAMED_ROW, ""])
    expected = ([2, 6], [(4, "*", "blank row"), (5, "*", "expected 13 fields, found 2")])
    assert read_all(reader, io.StringIO(text)) == expected


@READERS
@pytest.mark.parametrize(
    ("name", "reason"),
    [("missing.csv", "no such file"), ("", "it is a directory"), ("x" * 5000 + ".csv", "longer than 4096")],
)
def test_unopenable_paths_are_input_errors(reader: str, name: str, reason: str, tmp_path: Path) -> None:
    """A missing file, a directory or a path too long is an InputError naming the path and why."""
    with pytest.raises(InputError, match=reason):
        read_all(reader, tmp_path / name)


@READERS
def test_binary_file_is_decoded_with_the_encoding(reader: str) -> None:
    """A file opened in binary mode is decoded with encoding= (here UTF-16 with its BOM)."""
    data = "\n".join([HEADER, NAMED_ROW, ""]).encode("utf-16")
    assert read_all(reader, io.BytesIO(data), encoding="utf-16") == ([2], [])


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [("encoding", "klingon", "unknown encoding"), ("delimiter", ":", "delimiter must be")],
)
def test_bad_reading_options_are_refused(option: str, value: str, message: str) -> None:
    """An unknown encoding or an unsupported delimiter is an InputError before anything is read."""
    with pytest.raises(InputError, match=message):
        list(read_officers(io.StringIO(HEADER), **{option: value}))  # type: ignore[arg-type]


@READERS
def test_utf16_file_is_read_with_its_encoding(reader: str, tmp_path: Path) -> None:
    """A UTF-16 file (Excel's "Unicode text") reads when encoding='utf-16' is given, its rows at their lines."""
    path = tmp_path / "utf16.csv"
    path.write_bytes("\r\n".join([HEADER, GOOD_ROW, "", NAMED_ROW, ""]).encode("utf-16"))
    assert read_all(reader, path, encoding="utf-16") == ([2, 4], [(3, "*", "blank row")])
