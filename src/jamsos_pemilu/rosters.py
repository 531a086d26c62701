r"""Daftar petugas (officer rosters): reading whole rosters of ad hoc officers, row by row, checked.

A roster is a table with one row per officer appointment. It is read from a
CSV file, or (with the ``dataframe`` extra) from a pandas DataFrame, an Arrow
table or record batches, or a Parquet file. Reading streams: a file of several
million rows never holds more than one chunk of rows in memory.

A CSV file is UTF-8, with or without a byte-order mark, unless ``encoding=``
says otherwise (``"cp1252"`` for a Latin-1 export from Excel); a byte that
cannot be decoded is a :class:`~jamsos_pemilu.exceptions.RosterError` naming
its line and its position in the file. Fields are separated by commas or by
semicolons (as Excel writes in an Indonesian locale), read from the header
unless ``delimiter=`` is given. Lines end in ``\r\n``, ``\n`` or a bare
``\r``. A row with a NUL character or a cell longer than the csv module's
limit (131.072 characters) is a bad row like any other. A path that is
missing, a directory, too long or unreadable is an
:class:`~jamsos_pemilu.exceptions.InputError`.

The columns (the header names them; order is free, names are case-insensitive):

======================  ========  =====================================================
column                  required  content
======================  ========  =====================================================
``nik``                 yes       the 16-digit NIK (checked with ``stdnum.id.nik``)
``name``                yes       the officer's name, not blank
``role``                yes       role as people type it (``KPPS``, ``Panwascam``...)
``position``            yes       position within the role (``ketua``, ``anggota``...)
``election``            yes       election key or name (``pemilu_2024``, ``Pemilu 2024``)
``appointment_start``   yes       first day of the appointment, ``YYYY-MM-DD``
``appointment_end``     yes       last day of the appointment, ``YYYY-MM-DD``
``wage``                no        monthly wage in whole rupiah (``1100000`` or
                                  ``1.100.000``); blank = the honorarium of the
                                  election, role and position in the rule book on the
                                  first day of the appointment
``tps``                 no        polling station (free text)
``desa``                no        village (free text)
``region_code``         no        Kemendagri code, dotted or plain
``asn``                 no        civil servant: ``true``/``false``, ``ya``/``tidak``,
                                  ``1``/``0``; blank = false
``bpjs_registered_on``  no        day BPJS Ketenagakerjaan membership started
======================  ========  =====================================================

Validation is row by row. Every bad row is reported as a
:class:`~jamsos_pemilu.exceptions.RosterError` with its 1-based line number
(the header is line 1; a row is reported at the line on which it starts), the
column and the reason; a NIK is shown masked. Nothing is dropped silently:
with ``on_error="raise"`` reading stops at the first error, with
``on_error="collect"`` every error is returned alongside the good rows. A
header that lacks a required column, repeats one or names an unknown one
cannot be read at all and always raises.

Two paths read the same rows with the same checks:

* :func:`read_officers` yields one :class:`RosterRow` per row, holding an
  :class:`~jamsos_pemilu.officers.Officer` and its wage;
* :func:`read_columns` yields :class:`RosterChunk` objects of NumPy arrays
  (the ``batch`` extra: NumPy and pyarrow) for the columnar calculators in
  :mod:`jamsos_pemilu.batch`, without building an object per officer. It does
  not carry names or NIKs. It reads record batches with pyarrow and checks them
  with vectorised operations (``jamsos_pemilu.roster_arrow``); the rows that
  fail are checked again one by one by the same row checker, so both paths
  give the same rows and the same errors (a property test holds them equal).

For DataFrames and Arrow data a row's "line" is its position plus 2, the line
it would have in a CSV file with a header. Missing values (``None``, NaN,
NaT) read as blank cells; a float wage is accepted only if it is a whole
number (pandas stores an integer column with blanks as floats).

>>> import io
>>> text = '''nik,name,role,position,election,appointment_start,appointment_end,wage
... 3602041211870001,Siti,KPPS,anggota,pemilu_2024,2024-01-25,2024-02-25,
... 3602041211870002,Budi,KPPS,ketua,pemilu_2024,2024-01-25,2024-02-25,1.300.000
... '''
>>> [(row.line, row.officer.role.value, row.wage) for row in read_officers(io.StringIO(text))]
[(2, 'kpps', Rupiah(1100000)), (3, 'kpps', Rupiah(1300000))]
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime as dt
import io
import itertools
import operator
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Final, Literal, TextIO, cast

import attrs
from stdnum.id import nik as _stdnum_nik

from jamsos_pemilu._privacy import redact_niks
from jamsos_pemilu.elections import Election, all_elections
from jamsos_pemilu.elections import election as find_election
from jamsos_pemilu.exceptions import (
    InputError,
    InvalidNIKError,
    InvalidRegionCodeError,
    MoneyError,
    RosterError,
    RuleNotInForceError,
    UnknownParameterError,
)
from jamsos_pemilu.law.parameters import RuleBook, default_rule_book
from jamsos_pemilu.money import Rupiah
from jamsos_pemilu.officers import NIK, DutyUnit, Officer, mask_nik
from jamsos_pemilu.periods import Period
from jamsos_pemilu.regions import RegionCode
from jamsos_pemilu.roles import Position, Role
from jamsos_pemilu.roster_arrow import (
    NAT,
    NEVER,
    Codes,
    Piece,
    RowRules,
    Slab,
    check_slabs,
    csv_slabs,
    prefetch,
    rechunk,
    record_pieces,
    table_slabs,
)

if TYPE_CHECKING:
    import numpy as np  # optional extra, loaded on use
    from numpy.typing import NDArray

__all__ = [
    "COLUMNS",
    "POSITION_CODES",
    "REQUIRED_COLUMNS",
    "ROLE_CODES",
    "OnError",
    "RosterChunk",
    "RosterRow",
    "election_keys",
    "read_columns",
    "read_officers",
]

COLUMNS: Final = (
    "nik",
    "name",
    "role",
    "position",
    "election",
    "appointment_start",
    "appointment_end",
    "wage",
    "tps",
    "desa",
    "region_code",
    "asn",
    "bpjs_registered_on",
)
"""Every roster column, in the documented order."""

REQUIRED_COLUMNS: Final = COLUMNS[:7]
"""Columns a roster must have."""

ROLE_CODES: Final = tuple(Role)
"""Roles by code: ``RosterChunk.role`` holds indexes into this tuple."""

POSITION_CODES: Final = tuple(Position)
"""Positions by code: ``RosterChunk.position`` holds indexes into this tuple."""

OnError = Literal["raise", "collect"]
"""What to do with a bad row: stop at the first (``"raise"``) or report all (``"collect"``)."""

_ROLE_INDEX: Final = {role: index for index, role in enumerate(ROLE_CODES)}
_POSITION_INDEX: Final = {position: index for index, position in enumerate(POSITION_CODES)}
_DATE_TEXT: Final = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TRUE: Final = frozenset({"true", "ya", "yes", "y", "1"})
_FALSE: Final = frozenset({"false", "tidak", "no", "n", "0", ""})
_EPOCH_ORDINAL: Final = dt.date(1970, 1, 1).toordinal()
_CACHE_LIMIT: Final = 1 << 16
_CANONICAL_BIRTH: Final = "010190"
_NIK_LENGTH: Final = 16
_FEMALE_DAY_OFFSET: Final = 40


def election_keys() -> tuple[str, ...]:
    """Election keys by code: ``RosterChunk.election`` holds indexes into this tuple.

    >>> election_keys()[:2]
    ('pemilu_2019', 'pilkada_2020')
    """
    return tuple(item.key for item in all_elections())


@attrs.frozen
class RosterRow:
    """One roster row read on the object path: the officer and the wage, or what was wrong.

    Attributes:
        line: 1-based line of the row (the header is line 1).
        officer: the officer, ``None`` if the row is bad.
        wage: the monthly wage basis (the honorarium when the cell was blank).
        wage_from_honorarium: whether ``wage`` came from the rule book.
        errors: every problem found in the row (empty for a good row).

    """

    line: int
    officer: Officer | None
    wage: Rupiah | None
    wage_from_honorarium: bool = False
    errors: tuple[RosterError, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether the row was read without errors."""
        return not self.errors


@attrs.frozen(eq=False)
class RosterChunk:
    """A chunk of good roster rows as NumPy arrays, with the errors of its bad rows.

    Codes index :data:`ROLE_CODES`, :data:`POSITION_CODES` and
    :func:`election_keys`. Dates are ``datetime64[D]``; a missing
    ``bpjs_registered_on`` is ``NaT``. Arrays have one entry per good row, in
    roster order. The ``repr`` masks anything in ``source`` that looks like a NIK (a file
    named after an officer's NIK, say).
    """

    source: str = attrs.field(repr=lambda source: repr(redact_niks(source)))
    line: NDArray[np.int64]
    role: NDArray[np.uint8]
    position: NDArray[np.uint8]
    election: NDArray[np.uint8]
    wage: NDArray[np.int64]
    appointment_start: NDArray[np.datetime64]
    appointment_end: NDArray[np.datetime64]
    asn: NDArray[np.bool_]
    bpjs_registered_on: NDArray[np.datetime64]
    errors: tuple[RosterError, ...] = ()

    def __len__(self) -> int:
        return int(self.line.shape[0])


# --------------------------------------------------------------------------- row sources

_Row = Sequence[str] | str  # the cells of a record, or why the csv module could not read it
_Rows = Iterator[tuple[int, _Row]]
_BLOCK: Final = 1 << 16
_LINE: Final = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)")
_SURROGATE: Final = re.compile("[\ud800-\udfff]")
_BOM: Final = codecs.BOM_UTF8
_DELIMITERS: Final = (",", ";", "\t", "|")
_PATH_LIMIT: Final = 4096


def _breaks(text: str) -> int:
    r"""Line breaks in ``text``: ``\r\n``, ``\r`` and ``\n`` each count once."""
    return text.count("\n") + text.count("\r") - text.count("\r\n")


class _Lines:
    r"""Text split into lines at ``\r\n``, ``\r`` or ``\n`` (ends kept), counting the lines given out."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.pending = ""
        self.count = 0

    def feed(self, text: str, *, final: bool = False) -> list[str]:
        if not text.isascii() and (odd := _SURROGATE.search(text)) is not None:
            line = self.count + 1 + _breaks(self.pending + text[: odd.start()])
            reason = f"character U+{ord(odd.group()):04X} (a lone surrogate) is not text; the file is damaged"
            raise RosterError(self.source, line, "*", reason)
        text = self.pending + text
        end = max(text.rfind("\n"), text.rfind("\r")) + 1
        lines = _LINE.findall(text, 0, end)  # up to the last line end: linear, however long a line
        if lines and not final and end == len(text) and text.endswith("\r"):
            end -= len(lines.pop())  # a final \r may be the first half of \r\n
        self.pending = text[end:]
        if final and self.pending:
            lines.append(self.pending)
            self.pending = ""
        self.count += len(lines)
        return lines

    def line_of(self, before: str) -> int:
        """The line of the character that follows the pending text and ``before``."""
        return self.count + 1 + _breaks(self.pending + before)


def _undecodable(source: str, line: int, offset: int, value: int, encoding: str) -> RosterError:
    reason = (
        f"byte 0x{value:02X} at byte {offset + 1} of the file is not {encoding} text; give the file's encoding "
        "with encoding= (a Latin-1 export from Excel is encoding='cp1252')"
    )
    return RosterError(source, line, "*", reason)


def _decoded_lines(handle: BinaryIO, encoding: str, source: str) -> Iterator[str]:
    """The lines of a binary file decoded with ``encoding`` (a UTF-8 BOM is dropped).

    Raises:
        RosterError: at the line of the first byte that cannot be decoded (also an
            unreadable file).

    """
    utf8 = encoding == "utf-8"
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    lines = _Lines(source)
    done = 0
    first = True
    while True:
        block = _read(handle, source)
        if first and utf8 and block.startswith(_BOM):
            block = block[len(_BOM) :]
            done = len(_BOM)
        first = False
        try:
            text = decoder.decode(block, final=not block)
        except UnicodeDecodeError as error:
            data = bytes(error.object)
            held = len(data) - len(block)
            before = data[: error.start].decode(encoding, "replace")
            raise _undecodable(
                source, lines.line_of(before), done - held + error.start, data[error.start], encoding
            ) from None
        done += len(block)
        yield from lines.feed(text, final=not block)
        if not block:
            return


def _read(handle: BinaryIO | TextIO, source: str, size: int = _BLOCK) -> Any:
    try:
        return handle.read(size)
    except OSError as error:
        raise InputError(f"cannot read roster {source!r}: {error.strerror or error}") from None


def _text_lines(handle: object, source: str) -> Iterator[str]:
    r"""The lines of a text stream, split at any line end (a bare ``\r`` too)."""
    lines = _Lines(source)
    try:
        for piece in cast("Iterable[object]", handle):
            if not isinstance(piece, str):
                raise InputError(
                    f"roster {source!r} gives {type(piece).__name__}, not text; open it in binary mode ('rb') "
                    "and pass the file, or pass its path"
                )
            yield from lines.feed(piece)
    except OSError as error:
        raise InputError(f"cannot read roster {source!r}: {error.strerror or error}") from None
    except UnicodeDecodeError as error:
        raise RosterError(
            source, lines.line_of(""), "*",
            f"the text stream cannot be decoded ({error.reason}); open the file in binary mode and give encoding=",
        ) from None
    yield from lines.feed("", final=True)


def _csv_failure(error: csv.Error) -> str:
    """The reason a record cannot be read, from the csv module's error."""
    text = str(error)
    if "field larger than field limit" in text:
        return f"a cell is longer than {_grouped(csv.field_size_limit())} characters"
    if "NUL" in text:
        return "the row contains a NUL character (is the file UTF-16? give encoding=)"
    return f"the row cannot be read as CSV ({text})"


def _grouped(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _records(reader: Any, previous: int) -> _Rows:
    """(line, cells) per CSV record of a csv reader, or (line, reason) for a record it cannot read."""
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield previous + 1, _csv_failure(error)
        else:
            yield previous + 1, row
        previous = reader.line_num


def _choose_delimiter(first_line: str, delimiter: str | None) -> str:
    """The delimiter given, or the one that splits the header line into roster columns."""
    if delimiter is not None:
        return delimiter
    best, score = ",", (-1, -1)
    for candidate in (",", ";"):
        try:
            cells = next(csv.reader([first_line], delimiter=candidate), [])
        except csv.Error:
            continue
        known = sum(cell.strip().lower() in COLUMNS for cell in cells)
        if (known, len(cells)) > score:
            best, score = candidate, (known, len(cells))
    return best


@attrs.frozen
class _CSV:
    """A CSV roster opened for reading: its header and where its records start."""

    name: str
    header: list[str]
    header_lines: int
    delimiter: str
    records: _Rows
    lines: Iterator[str]
    close: Callable[[], None]


def _read_header(name: str, lines: Iterator[str], delimiter: str | None, close: Callable[[], None]) -> _CSV:
    first = next(lines, "")
    chosen = _choose_delimiter(first, delimiter)
    rest = itertools.chain([first], lines)
    reader = csv.reader(rest, delimiter=chosen)
    try:
        header = next(reader, [])
    except csv.Error as error:
        close()
        raise RosterError(name, 1, "*", f"the header cannot be read: {_csv_failure(error)}") from None
    header_lines = max(reader.line_num, 1)
    return _CSV(name, header, header_lines, chosen, _records(reader, header_lines), rest, close)


def _check_encoding(encoding: str) -> str:
    """The codec's canonical name; UTF-8 with or without BOM reads as ``utf-8``."""
    if not isinstance(encoding, str):
        raise InputError(f"encoding must be a codec name such as 'utf-8' or 'cp1252', not {encoding!r}")
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}; give a codec name such as 'utf-8' or 'cp1252'") from None
    return "utf-8" if name in {"utf-8", "utf-8-sig"} else name


def _check_delimiter(delimiter: str | None) -> None:
    if delimiter is not None and delimiter not in _DELIMITERS:
        accepted = ", ".join(repr(item) for item in _DELIMITERS)
        raise InputError(f"delimiter must be None (read from the header) or one of {accepted}, not {delimiter!r}")


def _open_path(path: Path) -> BinaryIO:
    """Open a roster file for reading in binary, with a library error for every failure."""
    shown = str(path)
    if len(shown) > _PATH_LIMIT:
        raise InputError(f"cannot open roster {shown[:60]!r}...: the path is longer than {_PATH_LIMIT} characters")
    try:
        return path.open("rb")
    except IsADirectoryError:
        raise InputError(f"cannot open roster {shown!r}: it is a directory, not a file") from None
    except FileNotFoundError:
        raise InputError(f"cannot open roster {shown!r}: no such file") from None
    except PermissionError:
        raise InputError(f"cannot open roster {shown!r}: permission denied") from None
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise InputError(f"cannot open roster {shown!r}: {reason}") from None


def _is_binary(handle: object) -> bool:
    if isinstance(handle, io.TextIOBase):
        return False
    if isinstance(handle, io.RawIOBase | io.BufferedIOBase):
        return True
    mode = getattr(handle, "mode", "")
    return isinstance(mode, str) and "b" in mode


def _open_csv(source: object, encoding: str, delimiter: str | None) -> _CSV:
    """A CSV path or file, decoded, its header read."""
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        handle = _open_path(path)
        try:
            return _read_header(path.name, _decoded_lines(handle, encoding, path.name), delimiter, handle.close)
        except BaseException:
            handle.close()
            raise
    name = str(getattr(source, "name", "<roster>"))
    if _is_binary(source):
        lines = _decoded_lines(cast("BinaryIO", source), encoding, name)
    else:
        lines = _text_lines(source, name)
    return _read_header(name, lines, delimiter, lambda: None)


def _cell_text(value: object) -> str:
    """A DataFrame or Arrow cell as the text a CSV file would hold."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    item = getattr(value, "item", None)
    if callable(item) and not isinstance(value, dt.date):
        value = item()
    kind = type(value).__name__
    if kind in {"NAType", "NaTType"}:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value:  # NaN
            return ""
        if value.is_integer() and abs(value) < 2.0**53:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0) and value.tzinfo is None:
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _frame_rows(frame: Any, chunk_size: int) -> tuple[list[str], _Rows]:
    header = [str(name) for name in frame.columns]

    def rows() -> _Rows:
        total = len(frame)
        for begin in range(0, total, chunk_size):
            part = frame.iloc[begin : begin + chunk_size]
            columns = [[_cell_text(v) for v in part.iloc[:, i].tolist()] for i in range(len(header))]
            for offset, cells in enumerate(zip(*columns, strict=True)):
                yield begin + offset + 2, cells

    return header, rows()


def _arrow_rows(batches: Iterable[Any]) -> _Rows:
    line = 2
    for batch in batches:
        columns = [[_cell_text(v) for v in batch.column(i).to_pylist()] for i in range(batch.num_columns)]
        for cells in zip(*columns, strict=True):
            yield line, cells
            line += 1


def _is_parquet(source: object) -> bool:
    return isinstance(source, str | os.PathLike) and Path(source).suffix.lower() in {".parquet", ".pq"}


def _parquet(path: Path) -> Any:
    import pyarrow as pa  # optional extra, loaded on use
    import pyarrow.parquet as pq

    if not path.is_file():
        _open_path(path).close()  # the library error for a missing file, a directory...
    try:
        return pq.ParquetFile(path)
    except (OSError, pa.ArrowException) as error:
        raise InputError(f"cannot read Parquet roster {str(path)!r}: {error}") from None


def _arrow_kind(source: object) -> str | None:
    """``"table"``, ``"batch"`` or ``"reader"`` for Arrow data, ``"frame"`` for a DataFrame, else ``None``."""
    module = type(source).__module__.split(".")[0]
    if module == "pandas" and hasattr(source, "iloc"):
        return "frame"
    if module == "pyarrow":
        return {"Table": "table", "RecordBatch": "batch", "RecordBatchReader": "reader"}.get(type(source).__name__)
    return None


_ARROW_NAMES: Final = {
    "frame": "DataFrame", "table": "Arrow table", "batch": "Arrow record batch", "reader": "Arrow record batches",
}


def _open_source(
    source: object, chunk_size: int, encoding: str, delimiter: str | None
) -> tuple[str, list[str], _Rows, Callable[[], None]]:
    """Name, header and rows of any supported source, and a function closing it (the row path)."""
    kind = _arrow_kind(source)
    if kind == "frame":
        header, rows = _frame_rows(source, chunk_size)
        return _ARROW_NAMES[kind], header, rows, lambda: None
    if kind is not None:
        arrow = cast("Any", source)
        header = list(arrow.column_names if kind == "table" else arrow.schema.names)
        batches = arrow.to_batches(chunk_size) if kind == "table" else [arrow] if kind == "batch" else arrow
        return _ARROW_NAMES[kind], header, _arrow_rows(batches), lambda: None
    if _is_parquet(source):
        path = Path(cast("str", source))
        parquet = _parquet(path)
        header = list(parquet.schema_arrow.names)
        return path.name, header, _arrow_rows(parquet.iter_batches(batch_size=chunk_size)), parquet.close
    if isinstance(source, str | os.PathLike) or hasattr(source, "read") or hasattr(source, "__iter__"):
        opened = _open_csv(source, encoding, delimiter)
        return opened.name, opened.header, iter(opened.records), opened.close
    raise InputError(
        f"cannot read a roster from {type(source).__name__}; give a CSV or Parquet path, a file, "
        "a pandas DataFrame or Arrow data"
    )


def _columns(source: str, header: Sequence[str]) -> dict[str, int]:
    index: dict[str, int] = {}
    for position, raw in enumerate(header):
        name = raw.strip().lower()
        if name not in COLUMNS:
            raise RosterError(source, 1, raw, f"unknown column; roster columns are: {', '.join(COLUMNS)}")
        if name in index:
            raise RosterError(source, 1, raw, "column appears twice")
        index[name] = position
    for name in REQUIRED_COLUMNS:
        if name not in index:
            raise RosterError(source, 1, name, "required column is missing from the header")
    return index


# --------------------------------------------------------------------------- checks


@attrs.frozen
class _Fields:
    """The checked values of the small-domain cells of a row (shared by many rows)."""

    role: Role
    position: Position
    election: Election
    election_code: int
    start: dt.date
    end: dt.date
    wage: int
    from_honorarium: bool
    asn: bool
    registered: dt.date | None


_Problems = list[tuple[str, str]]


def _date(text: str, column: str, problems: _Problems, *, required: bool) -> dt.date | None:
    text = text.strip()
    if not text:
        if required:
            problems.append((column, "a date is required (YYYY-MM-DD)"))
        return None
    if _DATE_TEXT.match(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    problems.append((column, f"{text!r} is not a date written YYYY-MM-DD"))
    return None


class _Checker:
    """Checks rows of one roster; caches answers for cells from small domains (bounded)."""

    def __init__(
        self, source: str, columns: dict[str, int], rule_book: RuleBook | None, *, csv_cells: bool = False
    ) -> None:
        self.source = source
        self.book = rule_book or default_rule_book()
        self.csv_cells = csv_cells
        self.width = max(columns.values()) + 1
        self.columns = columns
        self.codes = {key: code for code, key in enumerate(election_keys())}
        present = [column for column in _FIELD_COLUMNS if column in columns]
        self.field_names = tuple(present)
        self.field_key: Callable[[Sequence[str]], tuple[str, ...]] = operator.itemgetter(
            *(columns[column] for column in present)
        )
        self.fields: dict[tuple[str, ...], _Fields | _Problems] = {}
        self.regions: dict[str, RegionCode | str] = {}
        self.prefixes: dict[str, bool] = {}
        self.places: dict[str, bool] = {}
        self.births: dict[str, dt.date | None] = {}

    def cell(self, row: Sequence[str], column: str) -> str:
        index = self.columns.get(column)
        return "" if index is None else row[index]

    # ---- small-domain cells, checked together and cached
    def fields_of(self, row: Sequence[str]) -> _Fields | _Problems:
        return self.fields_of_key(self.field_key(row))

    def fields_of_key(self, key: tuple[str, ...]) -> _Fields | _Problems:
        found = self.fields.get(key)
        if found is None:
            cells = dict(zip(self.field_names, key, strict=True))
            found = self._check_fields(*(cells.get(column, "") for column in _FIELD_COLUMNS))
            if len(self.fields) < _CACHE_LIMIT:
                self.fields[key] = found
        return found

    def _check_fields(
        self, role_text: str, position_text: str, election_text: str, start_text: str, end_text: str,
        wage_text: str, asn_text: str, registered_text: str,
    ) -> _Fields | _Problems:
        problems: _Problems = []
        role = position = chosen = None
        try:
            role = Role.parse(role_text)
        except InputError as error:
            problems.append(("role", str(error)))
        try:
            position = Position.parse(position_text)
            if role is not None:
                role.check_position(position)
        except InputError as error:
            problems.append(("position", str(error)))
            position = None
        try:
            chosen = find_election(election_text.strip())
        except InputError as error:
            problems.append(("election", str(error)))
            chosen = None
        if role is not None and chosen is not None and not chosen.has_role(role):
            problems.append(("role", f"{chosen.name.en} ({chosen.key}) has no {role.abbreviation}"))
            role = None
        start = _date(start_text, "appointment_start", problems, required=True)
        end = _date(end_text, "appointment_end", problems, required=True)
        if start is not None and end is not None and end < start:
            problems.append(("appointment_end", f"{end.isoformat()} is before appointment_start {start.isoformat()}"))
        wage, from_honorarium = self._wage(wage_text, role, position, chosen, start, problems)
        asn_key = asn_text.strip().lower()
        if asn_key not in _TRUE and asn_key not in _FALSE:
            problems.append(("asn", f"{asn_text!r} is not true/false (ya/tidak, yes/no, 1/0)"))
        registered = _date(registered_text, "bpjs_registered_on", problems, required=False)
        if problems:
            return problems
        assert role is not None and position is not None and chosen is not None
        assert start is not None and end is not None and wage is not None
        return _Fields(
            role, position, chosen, self.codes[chosen.key], start, end, wage, from_honorarium,
            asn_key in _TRUE, registered,
        )

    def _wage(
        self, text: str, role: Role | None, position: Position | None, chosen: Election | None,
        start: dt.date | None, problems: _Problems,
    ) -> tuple[int | None, bool]:
        if text.strip():
            try:
                wage = Rupiah.parse(text, what="wage").amount
            except MoneyError as error:
                problems.append(("wage", f"{error.shown}: {error.reason}"))
                return None, False
            if wage <= 0:
                problems.append(("wage", f"{text.strip()!r}: a wage must be above 0 rupiah"))
                return None, False
            return wage, False
        if role is None or position is None or chosen is None or start is None:
            return None, True  # the other problems are reported; no honorarium can be looked up
        what = f"{chosen.key} {role.value} {position.value}"
        try:
            value = chosen.honorarium(role, position, rules=self.book.on(start))
        except UnknownParameterError:
            problems.append(("wage", f"blank, and the rule book has no honorarium for {what}; give the wage"))
            return None, True
        except RuleNotInForceError as error:
            reason = f"blank, and the honorarium for {what} is not in force on {start.isoformat()} ({error.reason})"
            problems.append(("wage", f"{reason}; give the wage"))
            return None, True
        return value.rupiah.amount, True

    # ---- NIK, checked by parts (region prefix, birth date) with bounded caches
    def nik_problem(self, text: str, start: dt.date | None) -> str | None:
        if len(text) == _NIK_LENGTH and text.isascii() and text.isdigit():
            valid_prefix = self.prefix_ok(text[:6])
            birth_key = text[6:12]
            if birth_key in self.births:
                earliest = self.births[birth_key]
            else:
                earliest = _earliest_birth(birth_key)
                if len(self.births) < _CACHE_LIMIT:
                    self.births[birth_key] = earliest
            if valid_prefix and earliest is not None:
                if start is not None and earliest > start:
                    return f"invalid NIK {mask_nik(text)}: its birth date is after the appointment starts"
                return None
        try:
            nik = NIK.parse(text)
        except InvalidNIKError as error:
            return str(error)
        if start is not None:
            try:
                nik.birth_date(as_of=start)
            except InputError:
                return f"invalid NIK {nik.masked}: its birth date is after the appointment starts"
        return None

    def prefix_ok(self, prefix: str) -> bool:
        """Whether a valid NIK can start with these 6 digits.

        As :class:`~jamsos_pemilu.officers.NIK` checks it: python-stdnum's
        place of registration (digits 1-4) and a kecamatan code (digits 1-6).
        """
        known = self.prefixes.get(prefix)
        if known is None:
            head = prefix[:4]
            place = self.places.get(head)
            if place is None:
                place = self.places[head] = _stdnum_nik.is_valid(head + "01" + _CANONICAL_BIRTH + "0001")
            try:
                RegionCode(prefix)
            except InvalidRegionCodeError:
                known = False
            else:
                known = place
            if len(self.prefixes) < _CACHE_LIMIT:
                self.prefixes[prefix] = known
        return known

    def region(self, text: str) -> RegionCode | str | None:
        if not text.strip():
            return None
        found = self.regions.get(text)
        if found is None:
            try:
                found = RegionCode.parse(text.strip())
            except InputError as error:
                found = str(error)
            if len(self.regions) < _CACHE_LIMIT:
                self.regions[text] = found
        return found

    def check(self, line: int, row: _Row) -> tuple[_Fields | None, RegionCode | None, list[RosterError]]:
        """Check a row; return its fields and region, or the errors (sorted by column)."""
        if isinstance(row, str):  # the csv module could not read the record
            return None, None, [RosterError(self.source, line, "*", row)]
        if self.csv_cells:
            problem = _cell_problem(row)
            if problem is not None:
                return None, None, [RosterError(self.source, line, "*", problem)]
        if not any(cell.strip() for cell in row):
            return None, None, [RosterError(self.source, line, "*", "blank row")]
        if len(row) != self.width:
            reason = f"expected {self.width} fields, found {len(row)}"
            return None, None, [RosterError(self.source, line, "*", reason)]
        fields = self.fields_of(row)
        problems: _Problems = []
        if isinstance(fields, list):
            problems += fields
            start = None
        else:
            start = fields.start
        nik_problem = self.nik_problem(row[self.columns["nik"]], start)
        if nik_problem is not None:
            problems.append(("nik", nik_problem))
        if not row[self.columns["name"]].strip():
            problems.append(("name", "a name is required"))
        region = self.region(self.cell(row, "region_code"))
        if isinstance(region, str):
            problems.append(("region_code", region))
            region = None
        if problems:
            order = {name: index for index, name in enumerate(COLUMNS)}
            problems.sort(key=lambda item: order.get(item[0], -1))
            return None, None, [RosterError(self.source, line, column, reason) for column, reason in problems]
        assert not isinstance(fields, list)
        return fields, region, []


    # ---- the same rules, as the columnar engine asks for them
    def combination(self, key: tuple[str, ...]) -> Codes | None:
        fields = self.fields_of_key(key)
        return None if isinstance(fields, list) else _codes(fields)


    def region_ok(self, text: str) -> bool:
        return not isinstance(self.region(text), str)

    def check_row(self, line: int, row: Sequence[str]) -> tuple[Codes | None, list[RosterError]]:
        fields, _region, errors = self.check(line, row)
        return (None if fields is None else _codes(fields)), errors

    def check_text(self, line: int, text: str, delimiter: str) -> tuple[Codes | None, list[RosterError]]:
        lines = _Lines(self.source)
        pieces = lines.feed(text, final=True)
        record = next(_records(csv.reader(pieces, delimiter=delimiter), 0), (1, []))[1]
        return self.check_row(line, record) if not isinstance(record, str) else (
            None, [RosterError(self.source, line, "*", record)]
        )

    def rules(self, delimiter: str = ",") -> RowRules:
        return RowRules(
            source=self.source,
            width=self.width,
            columns=self.columns,
            field_columns=self.field_names,
            fields=self.combination,
            prefix_ok=self.prefix_ok,
            earliest_births=_earliest_births,
            region_ok=self.region_ok,
            cell_text=_cell_text,
            check_row=self.check_row,
            check_text=lambda line, text: self.check_text(line, text, delimiter),
        )


def _codes(fields: _Fields) -> Codes:
    registered = NAT if fields.registered is None else fields.registered.toordinal() - _EPOCH_ORDINAL
    return Codes(
        _ROLE_INDEX[fields.role], _POSITION_INDEX[fields.position], fields.election_code,
        fields.start.toordinal() - _EPOCH_ORDINAL, fields.end.toordinal() - _EPOCH_ORDINAL, fields.wage,
        fields.asn, registered,
    )


def _cell_problem(row: Sequence[str]) -> str | None:
    """A NUL character or an over-long cell: what the csv module refuses to read, found in cells."""
    limit = csv.field_size_limit()
    for cell in row:
        if len(cell) > limit and "\x00" not in cell[:limit]:
            return f"a cell is longer than {_grouped(limit)} characters"
        if "\x00" in cell:
            return "the row contains a NUL character (is the file UTF-16? give encoding=)"
    return None


_FIELD_COLUMNS: Final = (
    "role", "position", "election", "appointment_start", "appointment_end", "wage", "asn", "bpjs_registered_on",
)


def _earliest_births(codes: NDArray[np.int64]) -> NDArray[np.int64]:
    """:func:`_earliest_birth` over an array of DDMMYY codes: day numbers (days since 1970), ``NEVER`` for none."""
    import numpy as np  # optional extra, loaded on use

    day = (codes // 10_000) % 100 % _FEMALE_DAY_OFFSET
    month = (codes // 100) % 100
    year = codes % 100
    result = np.full(codes.shape, NEVER, dtype=np.int64)
    month_ok = (month >= 1) & (month <= 12)
    for century in (2000, 1900):  # the 1900s reading wins where both are dates, as python-stdnum reads it
        first = ((century + year - 1970) * 12 + np.where(month_ok, month, 1) - 1).astype("datetime64[M]")
        start = first.astype("datetime64[D]").astype(np.int64)
        length = (first + 1).astype("datetime64[D]").astype(np.int64) - start
        valid = month_ok & (day >= 1) & (day <= length)
        result = np.where(valid, start + day - 1, result)
    return result


def _earliest_birth(digits: str) -> dt.date | None:
    """The earliest birth date digits 7-12 of a NIK can mean, or ``None`` if none (as stdnum reads them)."""
    day, month, year = int(digits[0:2]) % 40, int(digits[2:4]), int(digits[4:6])
    for century in (1900, 2000):
        try:
            return dt.date(century + year, month, day)
        except ValueError:
            continue
    return None


def _check_on_error(on_error: str) -> None:
    if on_error not in ("raise", "collect"):
        raise InputError(f"on_error must be 'raise' or 'collect', not {on_error!r}")


def _check_chunk_size(chunk_size: int) -> None:
    if type(chunk_size) is not int or chunk_size < 1:
        raise InputError(f"chunk_size must be a positive int, not {chunk_size!r}")


# --------------------------------------------------------------------------- object path


def read_officers(
    source: object,
    *,
    on_error: OnError = "raise",
    rule_book: RuleBook | None = None,
    chunk_size: int = 65_536,
    encoding: str = "utf-8",
    delimiter: str | None = None,
) -> Iterator[RosterRow]:
    r"""Read a roster row by row as :class:`RosterRow` objects holding officers.

    For small files and applications; :func:`read_columns` reads large rosters
    far faster. Both apply the same checks and report the same errors.

    Args:
        source: a CSV path or file (text, or binary decoded with ``encoding``), a
            Parquet path (``.parquet``), a pandas DataFrame, or an Arrow table,
            record batch or record-batch reader.
        on_error: ``"raise"`` stops at the first bad row; ``"collect"`` yields bad
            rows too, each with its errors and no officer.
        rule_book: the rule book for blank wages (default: the shipped one). A
            book, not a snapshot: each row's honorarium is read on the first day
            of its own appointment.
        chunk_size: rows converted at a time from DataFrames and Arrow data.
        encoding: the text encoding of a CSV file (UTF-8, with or without a BOM,
            by default; ``"cp1252"`` for a Latin-1 export from Excel).
        delimiter: the CSV field delimiter; ``None`` reads it from the header
            (a comma, or a semicolon as Excel writes in an Indonesian locale).

    Yields:
        One :class:`RosterRow` per data row, in order.

    Raises:
        RosterError: for a header that cannot be read or text that cannot be
            decoded (line and byte named, also with ``on_error="collect"``), and
            with ``on_error="raise"`` for the first bad row (line, column,
            reason; NIK masked).
        InputError: for a source of an unsupported type, a file that cannot be
            opened, or a bad argument.

    >>> import io
    >>> text = "nik;name;role;position;election;appointment_start;appointment_end\n"
    >>> text += "3602041211870001;Siti;KPPS;sekretaris;pemilu_2024;2024-01-25;2024-02-25\n"
    >>> rows = list(read_officers(io.StringIO(text), on_error="collect"))
    >>> print(rows[0].errors[0])
    <roster>, line 2, column 'position': role KPPS has no position 'sekretaris'; it has: ketua, anggota
    """
    _check_on_error(on_error)
    _check_chunk_size(chunk_size)
    encoding = _check_encoding(encoding)
    _check_delimiter(delimiter)
    name, header, rows, close = _open_source(source, chunk_size, encoding, delimiter)
    try:
        is_csv = _arrow_kind(source) is None and not _is_parquet(source)
        checker = _Checker(name, _columns(name, header), rule_book, csv_cells=is_csv)
        for line, row in rows:
            fields, region, errors = checker.check(line, row)
            if errors:
                if on_error == "raise":
                    raise errors[0]
                yield RosterRow(line, None, None, False, tuple(errors))
                continue
            assert fields is not None and not isinstance(row, str)
            nik_text = row[checker.columns["nik"]]
            try:
                officer = Officer(
                    nik=NIK.parse(nik_text),
                    name=row[checker.columns["name"]].strip(),
                    role=fields.role,
                    position=fields.position,
                    election=fields.election.key,
                    appointment=Period(fields.start, fields.end),
                    unit=DutyUnit(
                        tps=checker.cell(row, "tps").strip() or None,
                        desa=checker.cell(row, "desa").strip() or None,
                        region=region,
                    ),
                    asn=fields.asn,
                    bpjs_registered_on=fields.registered,
                )
            except InputError as error:
                failure = RosterError(name, line, "*", str(error).replace(nik_text, mask_nik(nik_text)))
                if on_error == "raise":
                    raise failure from None
                yield RosterRow(line, None, None, False, (failure,))
                continue
            yield RosterRow(line, officer, Rupiah(fields.wage), fields.from_honorarium)
    finally:
        close()


# --------------------------------------------------------------------------- columnar path


def read_columns(
    source: object,
    *,
    on_error: OnError = "raise",
    rule_book: RuleBook | None = None,
    chunk_size: int = 65_536,
    encoding: str = "utf-8",
    delimiter: str | None = None,
) -> Iterator[RosterChunk]:
    r"""Read a roster as chunks of NumPy arrays, checked as :func:`read_officers` checks it.

    The Arrow path (pyarrow and NumPy: the ``batch`` extra): the roster is read
    in record batches (pyarrow's CSV reader, Parquet, Arrow, pandas) and checked
    with vectorised operations; only rows that fail a check are checked again
    one by one, so their errors carry the line, the column, the reason and a
    masked NIK (see ``jamsos_pemilu.roster_arrow``). Memory stays bounded by
    ``chunk_size`` rows, a piece of the CSV file (about 16 MB, cut where a
    record ends) and tables of at most a few MB. A reader thread reads the next
    batch while this one is checked.

    Args:
        source: as for :func:`read_officers`.
        on_error: ``"raise"`` or ``"collect"`` (errors are attached to the chunk
            in which their rows fall; a chunk may hold only errors).
        rule_book: the rule book for blank wages (default: the shipped one).
        chunk_size: roster rows (good and bad) per chunk.
        encoding: as for :func:`read_officers`.
        delimiter: as for :func:`read_officers`.

    Yields:
        :class:`RosterChunk` objects, in roster order.

    Raises:
        RosterError: as for :func:`read_officers`.
        InputError: for a bad argument or source.

    >>> import io
    >>> text = "nik,name,role,position,election,appointment_start,appointment_end,wage\n"
    >>> text += "3602041211870001,Siti,KPPS,anggota,pemilu_2024,2024-01-25,2024-02-25,\n"
    >>> chunk = next(read_columns(io.StringIO(text)))
    >>> ROLE_CODES[chunk.role[0]], int(chunk.wage[0]), str(chunk.appointment_end[0])
    (<Role.KPPS: 'kpps'>, 1100000, '2024-02-25')
    """
    _check_on_error(on_error)
    _check_chunk_size(chunk_size)
    encoding = _check_encoding(encoding)
    _check_delimiter(delimiter)
    raise_first = on_error == "raise"
    kind = _arrow_kind(source)
    if kind is not None or _is_parquet(source):
        name, header, batches, positions, close = _arrow_batches(source, kind, chunk_size)
        try:
            checker = _Checker(name, _columns(name, header), rule_book)
            with contextlib.closing(prefetch(table_slabs(batches, positions))) as ahead:
                pieces = check_slabs(ahead, checker.rules(), raise_first=raise_first)
                yield from _roster_chunks(name, rechunk(pieces, chunk_size))
        finally:
            close()
        return
    opened = _open_csv(source, encoding, delimiter)
    try:
        checker = _Checker(opened.name, _columns(opened.name, opened.header), rule_book, csv_cells=True)
        pieces = _csv_pieces(source, opened, encoding, checker, raise_first)
        yield from _roster_chunks(opened.name, rechunk(pieces, chunk_size))
    finally:
        opened.close()


def _roster_chunks(name: str, pieces: Iterable[Piece]) -> Iterator[RosterChunk]:
    for piece in pieces:
        yield RosterChunk(
            source=name,
            line=piece.line,
            role=piece.role,
            position=piece.position,
            election=piece.election,
            wage=piece.wage,
            appointment_start=piece.appointment_start,
            appointment_end=piece.appointment_end,
            asn=piece.asn,
            bpjs_registered_on=piece.bpjs_registered_on,
            errors=tuple(error for _, error in piece.errors),
        )


_SMALL_DOMAIN: Final = frozenset(
    {"role", "position", "election", "appointment_start", "appointment_end", "wage", "asn", "bpjs_registered_on",
     "region_code"}
)
_UNCHECKED: Final = frozenset({"tps", "desa"})


def _arrow_batches(
    source: object, kind: str | None, chunk_size: int
) -> tuple[str, list[str], Iterable[Any], tuple[int | None, ...], Callable[[], None]]:
    """Name, header, record batches, header position -> batch column, and a close function."""
    import pyarrow as pa  # optional extra, loaded on use

    arrow = cast("Any", source)
    if kind == "frame":
        header = [str(column) for column in arrow.columns]
        identity = tuple(range(len(header)))
        return _ARROW_NAMES[kind], header, _frame_batches(arrow, chunk_size), identity, lambda: None
    if kind == "table":
        header = list(arrow.column_names)
        return _ARROW_NAMES[kind], header, arrow.to_batches(chunk_size), tuple(range(len(header))), lambda: None
    if kind == "batch":
        header = list(arrow.schema.names)
        parts = [arrow.slice(begin, chunk_size) for begin in range(0, arrow.num_rows, chunk_size)]
        return _ARROW_NAMES[kind], header, parts, tuple(range(len(header))), lambda: None
    if kind == "reader":
        header = list(arrow.schema.names)
        return _ARROW_NAMES[kind], header, arrow, tuple(range(len(header))), lambda: None
    path = Path(cast("str", source))
    parquet = _parquet(path)
    header = list(parquet.schema_arrow.names)
    wanted = [column for column in header if column.strip().lower() not in _UNCHECKED]
    dictionary = [column for column in wanted if column.strip().lower() in _SMALL_DOMAIN]
    parquet.close()
    try:
        parquet = _parquet_file(path, dictionary)
        batches = parquet.iter_batches(batch_size=chunk_size, columns=wanted)
    except (OSError, pa.ArrowException) as error:
        raise InputError(f"cannot read Parquet roster {str(path)!r}: {error}") from None
    positions = tuple(wanted.index(column) if column in wanted else None for column in header)
    return path.name, header, _guarded(batches, path.name), positions, parquet.close


def _parquet_file(path: Path, dictionary: list[str]) -> Any:
    """A Parquet file whose small-domain columns are read as dictionaries (no hashing needed)."""
    import pyarrow.parquet as pq  # optional extra, loaded on use

    return pq.ParquetFile(path, read_dictionary=dictionary)


def _guarded(batches: Iterable[Any], name: str) -> Iterator[Any]:
    """Record batches, a pyarrow failure turned into an :class:`InputError`."""
    import pyarrow as pa  # optional extra, loaded on use

    iterator = iter(batches)
    while True:
        try:
            batch = next(iterator)
        except StopIteration:
            return
        except (OSError, pa.ArrowException) as error:
            raise InputError(f"cannot read roster {name!r}: {error}") from None
        yield batch


def _frame_batches(frame: Any, chunk_size: int) -> Iterator[Any]:
    """A DataFrame as record batches (columns Arrow cannot type are converted cell by cell to text)."""
    import pyarrow as pa  # optional extra, loaded on use

    names = [f"c{index}" for index in range(frame.shape[1])]
    for begin in range(0, len(frame), chunk_size):
        part = frame.iloc[begin : begin + chunk_size]
        arrays = []
        for index in range(part.shape[1]):
            series = part.iloc[:, index]
            try:
                arrays.append(pa.Array.from_pandas(series))
            except (pa.ArrowException, TypeError, ValueError):
                arrays.append(pa.array([_cell_text(value) for value in series.tolist()], type=pa.string()))
        yield pa.RecordBatch.from_arrays(arrays, names=names)


def _file_chunks(path: Path, encoding: str, name: str) -> Iterator[bytes]:
    """A file's bytes as UTF-8, checked; the first undecodable byte raises a :class:`RosterError`."""
    handle = _open_path(path)
    try:
        decoder = codecs.getincrementaldecoder(encoding)("strict")
        first = True
        while True:
            raw = _read(handle, name, 1 << 20)
            block = raw[len(_BOM) :] if first and encoding == "utf-8" and raw.startswith(_BOM) else raw
            first = False
            try:
                if encoding == "utf-8":
                    if not raw or not block.isascii():  # at the end: a sequence cut short is an error too
                        decoder.decode(block, final=not raw)
                else:
                    block = decoder.decode(block, final=not raw).encode("utf-8")
            except UnicodeDecodeError:
                _locate_undecodable(path, encoding, name)
            if block:
                yield block
            if not raw:
                return
    finally:
        handle.close()


def _locate_undecodable(path: Path, encoding: str, name: str) -> None:
    """Raise the error naming the line and byte that cannot be decoded (read the file again to find it)."""
    handle = _open_path(path)
    try:
        for _ in _decoded_lines(handle, encoding, name):
            pass
    finally:
        handle.close()
    raise RosterError(name, 1, "*", f"the file is not {encoding} text; give its encoding with encoding=")


def _line_chunks(lines: Iterator[str]) -> Iterator[bytes]:
    """Lines of text as UTF-8 blocks of about 1 MB."""
    batch: list[str] = []
    size = 0
    for line in lines:
        batch.append(line)
        size += len(line)
        if size >= 1 << 20:
            yield "".join(batch).encode("utf-8")
            batch, size = [], 0
    if batch:
        yield "".join(batch).encode("utf-8")


def _csv_pieces(source: object, opened: _CSV, encoding: str, checker: _Checker, raise_first: bool) -> Iterator[Piece]:
    """Checked pieces of a CSV roster, parsed by pyarrow in pieces of about 16 MB cut where records end.

    The text reaches pyarrow as bytes in memory (a path read, checked or
    transcoded by :func:`_file_chunks`; a stream decoded line by line), so
    pyarrow never reads from a Python file object on a thread of its own, and
    a record of any length fits (its piece grows).
    """
    rules = checker.rules(opened.delimiter)
    dictionary = frozenset(index for index, column in enumerate(opened.header) if column.strip().lower() in _SMALL_DOMAIN)
    if isinstance(source, str | os.PathLike):
        chunks, header_lines = _file_chunks(Path(cast("str", source)), encoding, opened.name), opened.header_lines
    else:
        chunks, header_lines = _line_chunks(opened.lines), 0  # the header is already read from the stream

    def slabs() -> Iterator[Slab]:
        import pyarrow as pa  # optional extra, loaded on use

        done, line, skip = 0, opened.header_lines + 1, header_lines
        for data in record_pieces(chunks):
            try:
                for slab in csv_slabs(
                    data, width=len(opened.header), delimiter=opened.delimiter, skip_lines=skip, first_line=line,
                    skip_records=done, dictionary=dictionary,
                ):
                    done, line = slab.first + slab.records, slab.next_line
                    yield slab
            except pa.ArrowException as error:
                raise RosterError(opened.name, line, "*", f"pyarrow cannot read the roster from here: {error}") from None
            skip = 0

    with contextlib.closing(prefetch(slabs())) as ahead:
        yield from check_slabs(ahead, rules, raise_first=raise_first)
