r"""Daftar petugas, jalur kolom (the columnar roster path): rosters checked a record batch at a time.

This module is the engine behind :func:`jamsos_pemilu.rosters.read_columns`;
the rules themselves (what a valid row is) stay in :mod:`jamsos_pemilu.rosters`
and reach the engine as a :class:`RowRules` value, so both paths apply one set
of rules. It needs pyarrow and NumPy (the ``batch`` and ``dataframe`` extras).

A roster arrives as Arrow record batches: from a CSV file read by pyarrow in
pieces of about 16 MB cut where records end (every column read as text, the
small-domain ones as dictionaries), from Parquet, Arrow or a pandas DataFrame
as they are. A reader thread reads ahead while a batch is checked. Each batch
is checked with vectorised operations:

* the cells of small domains (role, position, election, dates, wage, ASN flag,
  registration date) are dictionary-encoded column by column; each distinct
  *combination* of them is checked once by the row checker (which also looks up
  the honorarium of a blank wage), and the answer is spread to every row with
  NumPy;
* the NIK is read from the string buffer as 16 bytes per row: digits only, the
  province and district (digits 1-6) and the birth date (digits 7-12) go
  through lookup tables filled once per distinct value by the row checker's
  own rules, and the birth date must not fall after the appointment starts;
* the name must not be blank, the region code (if given) must parse.

Only the rows that fail one of these checks (or that the vectorised checks
cannot decide, e.g. a NIK typed with spaces) are checked again one by one by
the row checker, which gives the error with its line, column and reason, or
finds that the row is good after all. A bad row never sends its batch to the
slow path.

Line numbers follow the CSV file: a record starts at the line on which its
first character sits (quoted cells may span lines; a bare ``\\r`` ends a line,
as ``\\r\\n`` and ``\\n`` do); ragged and blank lines are reported at their line.
For DataFrames and Arrow data a row's line is its position plus 2.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final, NamedTuple

import attrs

from jamsos_pemilu.exceptions import RosterError

if TYPE_CHECKING:
    import numpy as np  # optional extra, loaded on use
    from numpy.typing import NDArray

__all__ = [
    "NAT", "NEVER", "Codes", "Piece", "RowRules", "Slab", "check_slabs", "csv_slabs", "prefetch", "rechunk",
    "record_pieces", "table_slabs",
]

NAT: Final = -(2**63)
"""The day number of a missing date (NumPy's ``NaT`` as ``int64``)."""

NEVER: Final = 2**62
"""The earliest-birth day number of birth digits that are no date (after any appointment)."""

_UNKNOWN: Final = -(2**62)
_PREFIXES: Final = 10**6
_COMBO_TABLE_LIMIT: Final = 1 << 16
_KEY_LIMIT: Final = 1 << 40
_NIK_LENGTH: Final = 16


class Codes(NamedTuple):
    """A good row's small-domain values as the columnar arrays hold them (dates as days since 1970-01-01)."""

    role: int
    position: int
    election: int
    start: int
    end: int
    wage: int
    asn: bool
    registered: int


@attrs.frozen
class RowRules:
    """The row checker's rules, as the engine needs them (built by :mod:`jamsos_pemilu.rosters`).

    Attributes:
        source: the roster's name for messages.
        width: the number of header columns.
        columns: roster column name -> position in the header.
        field_columns: the small-domain columns present, in the order ``fields`` takes them.
        fields: the codes of one combination of small-domain cells, or ``None`` if any is bad.
        prefix_ok: whether digits 1-6 of a 16-digit NIK are a valid region prefix.
        earliest_births: the earliest birth date (day number) each DDMMYY code (digits 7-12) can mean,
            :data:`NEVER` where none.
        region_ok: whether a ``region_code`` cell is blank or a valid code.
        cell_text: a typed cell (DataFrame, Arrow) as the text a CSV file would hold.
        check_row: the full check of one row's cells at a line.
        check_text: the full check of one CSV record given as its raw text (ragged rows).

    """

    source: str
    width: int
    columns: Mapping[str, int]
    field_columns: tuple[str, ...]
    fields: Callable[[tuple[str, ...]], Codes | None]
    prefix_ok: Callable[[str], bool]
    earliest_births: Callable[[NDArray[np.int64]], NDArray[np.int64]]
    region_ok: Callable[[str], bool]
    cell_text: Callable[[object], str]
    check_row: Callable[[int, Sequence[str]], tuple[Codes | None, Sequence[RosterError]]]
    check_text: Callable[[int, str], tuple[Codes | None, Sequence[RosterError]]]


@attrs.frozen(eq=False)
class Slab:
    """A record batch of roster rows with their record ordinals and lines, and the records pyarrow skipped.

    Attributes:
        batch: the kept rows; ``positions[i]`` is the batch column of header column ``i`` (or ``None``).
        positions: header position -> batch column.
        ordinal: 0-based record number of each kept row (records = data rows, kept or skipped).
        line: the line of each kept row.
        skipped: ``(ordinal, line, text)`` of records pyarrow could not split into the header's columns.
        records: the number of records covered (kept and skipped); the slab covers ``first`` to ``first + records``.
        first: the ordinal of the slab's first record.
        next_line: the line on which the next record starts.
        text_checks: whether the engine must look for over-long cells (CSV sources).
        watched: whether a quote or NUL byte was read before the slab (then cells may hold NULs).

    """

    batch: Any
    positions: tuple[int | None, ...]
    ordinal: NDArray[np.int64]
    line: NDArray[np.int64]
    skipped: tuple[tuple[int, int, str], ...]
    records: int
    first: int
    next_line: int
    text_checks: bool = False
    watched: bool = False


@attrs.frozen(eq=False)
class Piece:
    """Checked rows: the good rows' arrays (in roster order) and the errors, for records ``first`` to ``end``."""

    first: int
    end: int
    next_line: int
    ordinal: NDArray[np.int64]
    line: NDArray[np.int64]
    role: NDArray[np.uint8]
    position: NDArray[np.uint8]
    election: NDArray[np.uint8]
    wage: NDArray[np.int64]
    appointment_start: NDArray[np.datetime64]
    appointment_end: NDArray[np.datetime64]
    asn: NDArray[np.bool_]
    bpjs_registered_on: NDArray[np.datetime64]
    errors: tuple[tuple[int, RosterError], ...]


_ARRAYS: Final = (
    "ordinal", "line", "role", "position", "election", "wage", "appointment_start", "appointment_end", "asn",
    "bpjs_registered_on",
)


# --------------------------------------------------------------------------- sources


def table_slabs(batches: Iterable[Any], positions: tuple[int | None, ...]) -> Iterator[Slab]:
    """Slabs of Arrow record batches (Parquet, Arrow, pandas): a row's line is its position plus 2.

    ``positions[i]`` is the batch column holding header column ``i`` (``None``: not read).
    """
    import numpy as np  # the batch extra: imported on use so the core package never loads NumPy

    ordinal = 0
    for batch in batches:
        rows = batch.num_rows
        if rows == 0:
            continue
        ordinals = np.arange(ordinal, ordinal + rows, dtype=np.int64)
        yield Slab(batch, positions, ordinals, ordinals + 2, (), rows, ordinal, ordinal + rows + 2)
        ordinal += rows


class _Skipped:
    """Records pyarrow could not split into the header's columns, collected by its invalid-row handler."""

    def __init__(self) -> None:
        self.records: list[tuple[int, str]] = []

    def __call__(self, row: Any) -> str:
        self.records.append((int(row.number), str(row.text)))
        return "skip"


def record_pieces(chunks: Iterable[bytes], size: int = 1 << 24) -> Iterator[bytes]:
    """CSV bytes cut into pieces of about ``size`` bytes, each ending where a record ends.

    A piece ends after a line end outside quotes (an even number of quote
    characters before it); a record longer than ``size`` makes a longer piece.
    """
    parts: list[bytes] = []
    held = 0
    for chunk in chunks:
        parts.append(chunk)
        held += len(chunk)
        if held >= size:
            data = b"".join(parts)
            cut = _record_end(data)
            if cut:
                yield data[:cut]
                parts, held = [data[cut:]], len(data) - cut
            else:
                parts, held = [data], len(data)
                size *= 2
    if held:
        yield b"".join(parts)


def _record_end(data: bytes) -> int:
    """Where the last complete record of ``data`` ends (0: none found)."""
    end_byte = b"\n" if b"\n" in data else b"\r"
    quotes = data.count(b'"') if b'"' in data else 0
    end = len(data) - 1  # a final \r may be half of a \r\n: never cut right after the last byte
    while True:
        position = data.rfind(end_byte, 0, end)
        if position < 0:
            return 0
        if not quotes or (quotes - data.count(b'"', position + 1)) % 2 == 0:
            return position + 1
        end = position


def csv_slabs(
    data: bytes,
    *,
    width: int,
    delimiter: str,
    skip_lines: int,
    first_line: int,
    skip_records: int = 0,
    dictionary: frozenset[int] = frozenset(),
) -> Iterator[Slab]:
    """Slabs of a piece of UTF-8 CSV text that ends where a record ends, every cell as text.

    Args:
        data: the bytes (see :func:`record_pieces`).
        width: the header's number of columns.
        delimiter: the field delimiter.
        skip_lines: lines pyarrow skips first (the header, in the first piece).
        first_line: the line of the first record read.
        skip_records: records read in earlier pieces (ordinals start there).
        dictionary: header positions read as dictionaries (columns of small domains).

    """
    import numpy as np  # optional extra, loaded on use
    import pyarrow as pa
    import pyarrow.csv as pa_csv  # optional extra, loaded on use

    names = [f"c{index}" for index in range(width)]
    types = {
        name: pa.dictionary(pa.int32(), pa.string()) if index in dictionary else pa.string()
        for index, name in enumerate(names)
    }
    # Until a quote or NUL byte appears no cell can hold a line break or a NUL: no need to look.
    watched = b'"' in data or b"\x00" in data
    skipped = _Skipped()
    try:
        table = _read_csv(pa_csv, data, names, types, skipped, delimiter, skip_lines, 1 << 20)
    except pa.ArrowInvalid as error:
        if "Empty CSV file" in str(error):  # no record after the header
            return
        if "straddl" not in str(error):
            raise
        skipped = _Skipped()  # a record longer than a block: read the piece as one block
        table = _read_csv(pa_csv, data, names, types, skipped, delimiter, skip_lines, len(data) + 1)
    # pyarrow numbers records from 1, counting the lines it skipped.
    base = skip_lines + 1
    ordinal = 0  # the next record, counted from the first one read
    line = first_line  # the line it starts on
    positions = tuple(range(width))
    for batch in table.to_batches():
        rows = batch.num_rows
        if rows == 0:
            continue
        pending = sorted(skipped.records)
        skipped.records.clear()
        offsets = np.array([number - base - ordinal for number, _ in pending], dtype=np.int64)
        # A kept row's offset is its index plus the skipped records before it.
        kept = np.arange(rows, dtype=np.int64)
        kept += np.searchsorted(offsets - np.arange(len(pending), dtype=np.int64), kept, side="right")
        last = int(kept[-1])
        inside = int(np.searchsorted(offsets, last))
        mine = [(int(offset), text) for offset, (_, text) in zip(offsets[:inside].tolist(), pending[:inside], strict=True)]
        skipped.records.extend(pending[inside:])
        records = last + 1
        breaks = np.zeros(records, dtype=np.int64)
        if watched:
            breaks[kept] = _line_breaks(batch)
        for offset, text in mine:
            breaks[offset] = _count_breaks(text)
        lines = line + np.arange(records, dtype=np.int64)
        lines[1:] += np.cumsum(breaks[:-1])
        first = ordinal + skip_records
        line_after = int(lines[-1] + breaks[-1]) + 1
        yield Slab(
            batch, positions, kept + first, lines[kept],
            tuple((first + offset, int(lines[offset]), text) for offset, text in mine), records, first,
            line_after, text_checks=True, watched=watched,
        )
        line = line_after
        ordinal += records
    rest = sorted(skipped.records)
    if rest:
        # Only skipped records follow the last kept row: they are consecutive.
        found = []
        for number, text in rest:
            found.append((number - base + skip_records, line, text))
            line += 1 + _count_breaks(text)
        empty = np.zeros(0, dtype=np.int64)
        yield Slab(
            None, positions, empty, empty, tuple(found), len(found), ordinal + skip_records, line, text_checks=True,
            watched=watched,
        )


def _read_csv(
    pa_csv: Any, data: bytes, names: list[str], types: dict[str, Any], skipped: _Skipped, delimiter: str,
    skip_lines: int, block_size: int,
) -> Any:
    """Read CSV bytes with pyarrow, in this thread: every cell as text, ragged records to ``skipped``.

    The bytes are in memory, so pyarrow calls back into Python only for ragged
    records, from this thread (no reader thread of pyarrow's is left behind).
    """
    import pyarrow as pa  # optional extra, loaded on use

    return pa_csv.read_csv(
        pa.BufferReader(data),
        read_options=pa_csv.ReadOptions(
            use_threads=False, block_size=block_size, skip_rows=skip_lines, column_names=names,
        ),
        parse_options=pa_csv.ParseOptions(
            delimiter=delimiter, newlines_in_values=True, ignore_empty_lines=False, invalid_row_handler=skipped,
        ),
        convert_options=pa_csv.ConvertOptions(
            column_types=types, check_utf8=False, strings_can_be_null=False,
        ),
    )


def _count_breaks(text: str) -> int:
    r"""Line breaks in ``text`` (``\r\n`` counts once)."""
    return text.count("\n") + text.count("\r") - text.count("\r\n")


def _line_breaks(batch: Any) -> NDArray[np.int64]:
    """Line breaks inside the cells of each row of a batch of text (or dictionary-of-text) columns."""
    import numpy as np  # optional extra, loaded on use
    import pyarrow.compute as pc

    total = np.zeros(batch.num_rows, dtype=np.int64)
    for column in batch.columns:
        values = _values(column)
        data = _data_bytes(values)
        if b"\n" not in data and b"\r" not in data:
            continue
        counts = (
            pc.count_substring(values, "\n").to_numpy(zero_copy_only=False).astype(np.int64)
            + pc.count_substring(values, "\r").to_numpy(zero_copy_only=False)
            - pc.count_substring(values, "\r\n").to_numpy(zero_copy_only=False)
        )
        total += _per_row(np, column, counts)
    return total


def _values(column: Any) -> Any:
    """The text values of a column: the column itself, or its dictionary."""
    return column.dictionary if hasattr(column, "dictionary") else column


def _per_row(np: Any, column: Any, per_value: Any) -> Any:
    """A per-value array spread to rows (through the indices of a dictionary column)."""
    if hasattr(column, "dictionary"):
        return per_value[column.indices.to_numpy(zero_copy_only=False)]
    return per_value


def _data_bytes(column: Any) -> bytes:
    """The bytes of a string column's cells, one after another."""
    import numpy as np  # optional extra, loaded on use

    offsets = np.frombuffer(column.buffers()[1], dtype=np.int32, count=len(column) + 1, offset=column.offset * 4)
    data = column.buffers()[2]
    if data is None:
        return b""
    return memoryview(data)[int(offsets[0]) : int(offsets[-1])].tobytes()


# --------------------------------------------------------------------------- the vectorised check


class _Tables:
    """Lookup tables kept across batches: NIK region prefixes and birth-date digits, text answers."""

    def __init__(self, np: Any) -> None:
        self.prefix = np.zeros(_PREFIXES, dtype=np.int8)  # 0 unknown, 1 valid, 2 invalid
        self.birth = np.full(_PREFIXES, _UNKNOWN, dtype=np.int64)  # earliest birth day number
        self.regions: dict[str, bool] = {}


def check_slabs(slabs: Iterable[Slab], rules: RowRules, *, raise_first: bool) -> Iterator[Piece]:
    """Check each slab; yield its good rows and errors (raising the first error if ``raise_first``)."""
    import numpy as np  # optional extra, loaded on use

    tables = _Tables(np)
    cell_limit = csv.field_size_limit()
    for slab in slabs:
        piece = _check(np, slab, rules, tables, cell_limit)
        if raise_first and piece.errors:
            raise piece.errors[0][1]
        yield piece


def _text_array(pa: Any, column: Any, rules: RowRules) -> Any:
    """A column as a plain ``string`` array holding each cell's text."""
    kind = column.type
    if pa.types.is_dictionary(kind):
        column = column.dictionary_decode()
        kind = column.type
    if pa.types.is_string(kind):
        return column
    if pa.types.is_large_string(kind) or getattr(pa.types, "is_string_view", lambda _: False)(kind):
        return column.cast(pa.string())
    if pa.types.is_integer(kind):
        return column.cast(pa.string()).fill_null("")
    return pa.array([rules.cell_text(value) for value in column.to_pylist()], type=pa.string())


def _encoded(np: Any, pa: Any, column: Any, rules: RowRules) -> tuple[Any, list[str]]:
    """Dictionary indices (int64) and the text of each dictionary entry."""
    if not pa.types.is_dictionary(column.type):
        column = column.dictionary_encode()
    texts = [rules.cell_text(value) for value in column.dictionary.to_pylist()]
    indices = column.indices
    if indices.null_count:
        indices = indices.fill_null(len(texts))
        texts.append("")
    return indices.to_numpy(zero_copy_only=False).astype(np.int64, copy=False), texts


def _offsets(np: Any, column: Any) -> Any:
    return np.frombuffer(column.buffers()[1], dtype=np.int32, count=len(column) + 1, offset=column.offset * 4)


def _check(np: Any, slab: Slab, rules: RowRules, tables: _Tables, cell_limit: int) -> Piece:
    import pyarrow as pa  # optional extra, loaded on use

    batch = slab.batch
    rows = 0 if batch is None else batch.num_rows
    bad = np.zeros(rows, dtype=np.bool_)
    values: dict[str, Any] = {}
    if rows:
        values, bad = _vector_checks(np, pa, slab, rules, tables, cell_limit)
    errors: list[tuple[int, RosterError]] = []
    rescued: list[tuple[int, Codes]] = []
    for index in np.flatnonzero(bad).tolist():
        cells = _row_cells(slab, index, rules)
        codes, row_errors = rules.check_row(int(slab.line[index]), cells)
        if codes is None:
            errors.extend((int(slab.ordinal[index]), error) for error in row_errors)
        else:
            rescued.append((index, codes))
    extra: list[tuple[int, int, Codes]] = []
    for ordinal, line, text in slab.skipped:
        codes, row_errors = rules.check_text(line, text)
        errors.extend((ordinal, error) for error in row_errors)
        if codes is not None:  # the csv module splits what pyarrow could not: a good row after all
            extra.append((ordinal, line, codes))
    errors.sort(key=lambda item: item[0])
    good = ~bad
    for index, codes in rescued:
        good[index] = True
        for name, value in zip(Codes._fields, codes, strict=True):
            values[name][index] = value
    piece = _piece(np, slab, good, values, errors)
    if extra:
        piece = _merge(np, piece, extra)
    return piece


def _merge(np: Any, piece: Piece, extra: list[tuple[int, int, Codes]]) -> Piece:
    """``piece`` with more good rows, in roster order."""
    ordinal = np.array([item[0] for item in extra], dtype=np.int64)
    line = np.array([item[1] for item in extra], dtype=np.int64)
    table = np.array([item[2] for item in extra], dtype=np.int64).reshape(len(extra), len(Codes._fields))
    added = {name: table[:, index] for index, name in enumerate(Codes._fields)}
    order = np.argsort(np.concatenate([piece.ordinal, ordinal]), kind="stable")

    def joined(name: str, more: Any, kind: str) -> Any:
        return np.concatenate([getattr(piece, name), more.astype(np.int64).view(kind) if kind.startswith("datetime")
                               else more.astype(kind)])[order]

    return attrs.evolve(
        piece,
        ordinal=np.concatenate([piece.ordinal, ordinal])[order],
        line=np.concatenate([piece.line, line])[order],
        role=joined("role", added["role"], "uint8"),
        position=joined("position", added["position"], "uint8"),
        election=joined("election", added["election"], "uint8"),
        wage=joined("wage", added["wage"], "int64"),
        appointment_start=joined("appointment_start", added["start"], "datetime64[D]"),
        appointment_end=joined("appointment_end", added["end"], "datetime64[D]"),
        asn=joined("asn", added["asn"], "bool"),
        bpjs_registered_on=joined("bpjs_registered_on", added["registered"], "datetime64[D]"),
    )


def _piece(np: Any, slab: Slab, good: Any, values: dict[str, Any], errors: list[tuple[int, RosterError]]) -> Piece:
    if not values:
        empty = np.zeros(0, dtype=np.int64)
        days = empty.view("datetime64[D]")
        small = np.zeros(0, dtype=np.uint8)
        return Piece(
            slab.first, slab.first + slab.records, slab.next_line, empty, empty, small, small, small, empty, days,
            days, np.zeros(0, dtype=np.bool_), days, tuple(errors),
        )
    return Piece(
        first=slab.first,
        end=slab.first + slab.records,
        next_line=slab.next_line,
        ordinal=slab.ordinal[good],
        line=slab.line[good],
        role=values["role"][good].astype(np.uint8),
        position=values["position"][good].astype(np.uint8),
        election=values["election"][good].astype(np.uint8),
        wage=values["wage"][good],
        appointment_start=values["start"][good].view("datetime64[D]"),
        appointment_end=values["end"][good].view("datetime64[D]"),
        asn=values["asn"][good].astype(np.bool_),
        bpjs_registered_on=values["registered"][good].view("datetime64[D]"),
        errors=tuple(errors),
    )


def _row_cells(slab: Slab, index: int, rules: RowRules) -> list[str]:
    """The cells of one kept row, as text, in header order."""
    cells: list[str] = []
    for position in slab.positions:
        if position is None:
            cells.append("")
            continue
        value = slab.batch.column(position)[index].as_py()
        cells.append(value if isinstance(value, str) else rules.cell_text(value))
    return cells


def _vector_checks(
    np: Any, pa: Any, slab: Slab, rules: RowRules, tables: _Tables, cell_limit: int
) -> tuple[dict[str, Any], Any]:
    """The codes of every row (meaningful where the row is good) and the rows to check one by one."""
    batch = slab.batch
    rows = batch.num_rows
    columns = rules.columns

    def column(name: str) -> Any:
        position = columns.get(name)
        if position is None:
            return None
        batch_position = slab.positions[position]
        return None if batch_position is None else batch.column(batch_position)

    bad = np.zeros(rows, dtype=np.bool_)

    # Small-domain cells: each distinct combination is checked once.
    key = np.zeros(rows, dtype=np.int64)
    size = 1
    parts: list[tuple[Any, list[str]]] = []
    for name in rules.field_columns:
        indices, texts = _encoded(np, pa, column(name), rules)
        parts.append((indices, texts))
        if size * len(texts) >= _KEY_LIMIT:
            _, key = np.unique(key, return_inverse=True)
            size = int(key.max()) + 1 if rows else 1
        key = key * len(texts) + indices
        size *= len(texts)
    if size <= _COMBO_TABLE_LIMIT:
        present = np.zeros(size, dtype=np.bool_)
        present[key] = True
        combos = np.flatnonzero(present)
        where = np.full(size, -1, dtype=np.int64)
        where[combos] = np.arange(len(combos), dtype=np.int64)
        example = np.zeros(size, dtype=np.int64)
        example[key] = np.arange(rows, dtype=np.int64)
        representative = example[combos]
        combo = where[key]
    else:
        _, representative, combo = np.unique(key, return_index=True, return_inverse=True)
    table = np.zeros((len(representative), len(Codes._fields)), dtype=np.int64)
    valid = np.zeros(len(representative), dtype=np.bool_)
    for number, row in enumerate(representative.tolist()):
        cells = tuple(texts[indices[row]] for indices, texts in parts)
        codes = rules.fields(cells)
        if codes is not None:
            table[number] = codes
            valid[number] = True
    bad |= ~valid[combo]
    values = {name: table[:, index][combo] for index, name in enumerate(Codes._fields)}

    # NIK: 16 ASCII digits, a known region prefix, a birth date not after the appointment.
    nik = _text_array(pa, column("nik"), rules)
    offsets = _offsets(np, nik)
    lengths = np.diff(offsets)
    candidate = lengths == _NIK_LENGTH
    if nik.null_count:
        candidate &= nik.is_valid().to_numpy(zero_copy_only=False)
    data = np.frombuffer(nik.buffers()[2], dtype=np.uint8) if nik.buffers()[2] is not None else np.zeros(0, np.uint8)
    if candidate.all() and int(offsets[-1] - offsets[0]) == rows * _NIK_LENGTH:
        raw = data[int(offsets[0]) : int(offsets[-1])].reshape(rows, _NIK_LENGTH)
        chosen = None
    else:
        chosen = np.flatnonzero(candidate)
        raw = data[offsets[:-1][chosen, None] + np.arange(_NIK_LENGTH)]
        raw = np.ascontiguousarray(raw, dtype=np.uint8)
    words = raw.view(np.uint64)
    digits_ok = (
        ((words + np.uint64(0x4646464646464646)) | (words - np.uint64(0x3030303030303030)))
        & np.uint64(0x8080808080808080)
    ) == 0
    digits_ok = digits_ok[:, 0] & digits_ok[:, 1]
    pairs = ((raw[:, 0:12:2] - np.uint8(48)) * np.uint8(10) + (raw[:, 1:12:2] - np.uint8(48))).astype(np.int32)
    pairs[~digits_ok] = 0
    prefix = (pairs[:, 0] * 100 + pairs[:, 1]) * 100 + pairs[:, 2]
    birth = (pairs[:, 3] * 100 + pairs[:, 4]) * 100 + pairs[:, 5]
    status = tables.prefix[prefix]
    unknown = status == 0
    if unknown.any():
        for code in np.unique(prefix[unknown]).tolist():
            tables.prefix[code] = 1 if rules.prefix_ok(f"{code:06d}") else 2
        status = tables.prefix[prefix]
    earliest = tables.birth[birth]
    unknown = earliest == _UNKNOWN
    if unknown.any():
        codes = np.unique(birth[unknown]).astype(np.int64)
        tables.birth[codes] = rules.earliest_births(codes)
        earliest = tables.birth[birth]
    start = values["start"] if chosen is None else values["start"][chosen]
    nik_ok = digits_ok & (status == 1) & (earliest <= start)
    if chosen is None:
        bad |= ~nik_ok
    else:
        bad |= ~candidate
        bad[chosen[~nik_ok]] = True

    # Name: not blank. A first byte that is printable ASCII other than a space settles it;
    # anything else (blank, leading space, non-ASCII) is left to the row checker.
    name = _text_array(pa, column("name"), rules)
    name_offsets = _offsets(np, name)
    name_data = name.buffers()[2]
    if name_data is None:
        bad[:] = True
    else:
        name_bytes = np.frombuffer(name_data, dtype=np.uint8)
        starts = name_offsets[:-1]
        first = name_bytes[np.minimum(starts, max(len(name_bytes) - 1, 0))] if len(name_bytes) else np.zeros(rows, np.uint8)
        bad |= (np.diff(name_offsets) == 0) | (first <= 32) | (first >= 127)
        if name.null_count:
            bad |= ~name.is_valid().to_numpy(zero_copy_only=False)

    # Region code (optional): each distinct text parsed once.
    region = column("region_code")
    if region is not None:
        indices, texts = _encoded(np, pa, region, rules)
        answers = np.zeros(len(texts), dtype=np.bool_)
        for number, text in enumerate(texts):
            known = tables.regions.get(text)
            if known is None:
                known = rules.region_ok(text)
                if len(tables.regions) < _PREFIXES:
                    tables.regions[text] = known
            answers[number] = known
        bad |= ~answers[indices]

    if slab.text_checks:
        bad |= _text_problems(np, batch, cell_limit, nul=slab.watched)
    return values, bad


def _text_problems(np: Any, batch: Any, cell_limit: int, *, nul: bool) -> Any:
    """Rows with a cell longer than the CSV cell limit or (if ``nul``) a NUL character, for the row checker."""
    import pyarrow.compute as pc  # optional extra, loaded on use

    found = np.zeros(batch.num_rows, dtype=np.bool_)
    for column in batch.columns:
        values = _values(column)
        lengths = np.diff(_offsets(np, values))
        if lengths.size and int(lengths.max()) > cell_limit:
            found |= _per_row(np, column, lengths > cell_limit)
        if nul and b"\x00" in _data_bytes(values):
            found |= _per_row(np, column, pc.match_substring(values, "\x00").to_numpy(zero_copy_only=False))
    return found


# --------------------------------------------------------------------------- reading ahead


_DONE: Final = object()


def prefetch(items: Iterable[Any], depth: int = 2) -> Generator[Any, None, None]:
    """The items of ``items``, produced by a background thread up to ``depth`` ahead.

    pyarrow parses (and NumPy computes) without holding the GIL, so reading the
    next batch overlaps checking this one. An exception in the producer is
    raised here; closing this iterator stops the producer.
    """
    import queue  # stdlib; only the read-ahead thread needs them
    import threading

    channel: queue.Queue[Any] = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def send(item: Any) -> bool:
        while not stop.is_set():
            try:
                channel.put(item, timeout=0.1)
            except queue.Full:
                continue
            return True
        return False

    def produce() -> None:
        try:
            for item in items:
                if not send((True, item)):
                    return
        except BaseException as error:  # handed to the consumer, who raises it
            send((False, error))
            return
        send((True, _DONE))

    worker = threading.Thread(target=produce, name="jamsos-roster-reader", daemon=True)
    worker.start()
    try:
        while True:
            ok, item = channel.get()
            if not ok:
                raise item
            if item is _DONE:
                return
            yield item
    finally:
        stop.set()
        worker.join(timeout=5.0)  # it stops at its next batch; a daemon thread never holds the process


# --------------------------------------------------------------------------- chunks of a fixed number of records


def rechunk(pieces: Iterable[Piece], size: int) -> Iterator[Piece]:
    """Pieces regrouped so that each covers ``size`` records (the last may cover fewer)."""
    import numpy as np  # optional extra, loaded on use

    buffer: list[Piece] = []
    start = 0
    for piece in pieces:
        buffer.append(piece)
        while buffer and buffer[-1].end - start >= size:
            end = start + size
            yield _join(np, buffer, start, end)
            buffer = [_slice(np, item, end, item.end) for item in buffer if item.end > end]
            start = end
    if buffer and buffer[-1].end > start:
        yield _join(np, buffer, start, buffer[-1].end)


def _slice(np: Any, piece: Piece, first: int, end: int) -> Piece:
    low, high = np.searchsorted(piece.ordinal, [first, end]).tolist()
    arrays = {name: getattr(piece, name)[low:high] for name in _ARRAYS}
    errors = tuple(item for item in piece.errors if first <= item[0] < end)
    return Piece(
        first=max(first, piece.first), end=min(end, piece.end), next_line=piece.next_line, errors=errors, **arrays
    )


def _join(np: Any, pieces: Sequence[Piece], first: int, end: int) -> Piece:
    parts = [_slice(np, piece, first, end) for piece in pieces if piece.first < end and piece.end > first]
    if len(parts) == 1:
        return attrs.evolve(parts[0], first=first, end=end)
    arrays = {name: np.concatenate([getattr(part, name) for part in parts]) for name in _ARRAYS}
    errors = tuple(item for part in parts for item in part.errors)
    return Piece(first=first, end=end, next_line=parts[-1].next_line, errors=errors, **arrays)


