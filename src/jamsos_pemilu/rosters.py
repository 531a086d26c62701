"""Daftar petugas (officer rosters): reading whole rosters of ad hoc officers, row by row, checked.

A roster is a table with one row per officer appointment. It is read from a
CSV file with the standard library, or (with the ``dataframe`` extra) from a
pandas DataFrame, an Arrow table or record batches, or a Parquet file. Reading
streams: a file of several million rows never holds more than one chunk of rows
in memory.

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
  (the ``batch`` extra) for the columnar calculators in
  :mod:`jamsos_pemilu.batch`, without building an object per officer. It does
  not carry names or NIKs.

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

import array
import csv
import datetime as dt
import io
import operator
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal, TextIO, cast

import attrs

from jamsos_pemilu.elections import Election, all_elections
from jamsos_pemilu.elections import election as find_election
from jamsos_pemilu.exceptions import (
    InputError,
    InvalidNIKError,
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

if TYPE_CHECKING:
    import numpy as np
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
_WAGE_TEXT: Final = re.compile(r"^(?:\d+|\d{1,3}(?:\.\d{3})+)$")
_MAX_WAGE: Final = 10**15
_TRUE: Final = frozenset({"true", "ya", "yes", "y", "1"})
_FALSE: Final = frozenset({"false", "tidak", "no", "n", "0", ""})
_EPOCH_ORDINAL: Final = dt.date(1970, 1, 1).toordinal()
_CACHE_LIMIT: Final = 1 << 16
_CANONICAL_BIRTH: Final = "010190"
_NIK_LENGTH: Final = 16


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
    roster order.
    """

    source: str
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

_Rows = Iterator[tuple[int, Sequence[str]]]


def _csv_rows(handle: TextIO) -> tuple[list[str], _Rows]:
    reader = csv.reader(handle)
    try:
        header = next(reader)
    except StopIteration:
        header = []

    def rows() -> _Rows:
        previous = reader.line_num
        for row in reader:
            yield previous + 1, row
            previous = reader.line_num

    return header, rows()


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


def _arrow_rows(batches: Iterable[Any], header: list[str]) -> _Rows:
    line = 2
    for batch in batches:
        columns = [[_cell_text(v) for v in batch.column(i).to_pylist()] for i in range(batch.num_columns)]
        for cells in zip(*columns, strict=True):
            yield line, cells
            line += 1


def _open_source(source: object, chunk_size: int) -> tuple[str, list[str], _Rows, Callable[[], None]]:
    """Name, header and rows of any supported source, and a function closing it."""
    module = type(source).__module__.split(".")[0]
    if module == "pandas" and hasattr(source, "iloc"):
        header, rows = _frame_rows(source, chunk_size)
        return "DataFrame", header, rows, lambda: None
    if module == "pyarrow":
        name = type(source).__name__
        if name == "Table":
            header = list(source.column_names)  # type: ignore[attr-defined]
            batches = source.to_batches(chunk_size)  # type: ignore[attr-defined]
            return "Arrow table", header, _arrow_rows(batches, header), lambda: None
        if name == "RecordBatch":
            header = list(source.schema.names)  # type: ignore[attr-defined]
            return "Arrow record batch", header, _arrow_rows([source], header), lambda: None
        if name == "RecordBatchReader":
            header = list(source.schema.names)  # type: ignore[attr-defined]
            return "Arrow record batches", header, _arrow_rows(cast("Iterable[Any]", source), header), lambda: None
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        if path.suffix.lower() in {".parquet", ".pq"}:
            import pyarrow.parquet as pq

            parquet = pq.ParquetFile(path)
            header = list(parquet.schema_arrow.names)
            return path.name, header, _arrow_rows(parquet.iter_batches(batch_size=chunk_size), header), parquet.close
        try:
            handle = path.open(newline="", encoding="utf-8-sig")
        except OSError as error:
            raise InputError(f"cannot open roster {str(path)!r}: {error.strerror}") from None
        header, rows = _csv_rows(handle)
        return path.name, header, rows, handle.close
    if isinstance(source, io.TextIOBase) or hasattr(source, "read"):
        header, rows = _csv_rows(source)  # type: ignore[arg-type]
        return str(getattr(source, "name", "<roster>")), header, rows, lambda: None
    raise InputError(
        f"cannot read a roster from {type(source).__name__}; give a CSV or Parquet path, a text file, "
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

    def __init__(self, source: str, columns: dict[str, int], rules: RuleBook | None) -> None:
        self.source = source
        self.book = rules or default_rule_book()
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
        self.prefixes: dict[str, str | None] = {}
        self.births: dict[str, dt.date | None] = {}

    def cell(self, row: Sequence[str], column: str) -> str:
        index = self.columns.get(column)
        return "" if index is None else row[index]

    # ---- small-domain cells, checked together and cached
    def fields_of(self, row: Sequence[str]) -> _Fields | _Problems:
        key = self.field_key(row)
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
        text = text.strip()
        if text:
            if not _WAGE_TEXT.match(text) or not text.isascii():
                problems.append(("wage", f"{text!r} is not whole rupiah (digits, optionally 1.100.000)"))
                return None, False
            wage = int(text.replace(".", ""))
            if not 0 < wage <= _MAX_WAGE:
                problems.append(("wage", f"{wage} must be above 0 and at most {_MAX_WAGE} rupiah"))
                return None, False
            return wage, False
        if role is None or position is None or chosen is None or start is None:
            return None, True  # the other problems are reported; no honorarium can be looked up
        what = f"{chosen.key} {role.value} {position.value}"
        try:
            value = chosen.honorarium(role, position, self.book.on(start))
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
            prefix = text[:6]
            problem = self.prefixes.get(prefix, "")
            if problem == "":
                problem = self._prefix_problem(prefix)
                if len(self.prefixes) < _CACHE_LIMIT:
                    self.prefixes[prefix] = problem
            birth_key = text[6:12]
            if birth_key in self.births:
                earliest = self.births[birth_key]
            else:
                earliest = _earliest_birth(birth_key)
                if len(self.births) < _CACHE_LIMIT:
                    self.births[birth_key] = earliest
            if problem is None and earliest is not None:
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

    @staticmethod
    def _prefix_problem(prefix: str) -> str | None:
        try:
            NIK(prefix + _CANONICAL_BIRTH + "0001")
        except InvalidNIKError as error:
            return error.reason
        return None

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

    def check(self, line: int, row: Sequence[str]) -> tuple[_Fields | None, RegionCode | None, list[RosterError]]:
        """Check a row; return its fields and region, or the errors (sorted by column)."""
        if len(row) != self.width:
            if not any(cell.strip() for cell in row):
                return None, None, [RosterError(self.source, line, "*", "blank row")]
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


_FIELD_COLUMNS: Final = (
    "role", "position", "election", "appointment_start", "appointment_end", "wage", "asn", "bpjs_registered_on",
)


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
    rules: RuleBook | None = None,
    chunk_size: int = 65_536,
) -> Iterator[RosterRow]:
    r"""Read a roster row by row as :class:`RosterRow` objects holding officers.

    Args:
        source: a CSV path or text file, a Parquet path (``.parquet``), a pandas
            DataFrame, or an Arrow table, record batch or record-batch reader.
        on_error: ``"raise"`` stops at the first bad row; ``"collect"`` yields bad
            rows too, each with its errors and no officer.
        rules: the rule book for blank wages (default: the shipped one).
        chunk_size: rows converted at a time from DataFrames and Arrow data.

    Yields:
        One :class:`RosterRow` per data row, in order.

    Raises:
        RosterError: for a header that cannot be read, and with ``on_error="raise"``
            for the first bad row (line, column, reason; NIK masked).
        InputError: for a source of an unsupported type or a bad argument.

    >>> import io
    >>> text = "nik,name,role,position,election,appointment_start,appointment_end\n"
    >>> text += "3602041211870001,Siti,KPPS,sekretaris,pemilu_2024,2024-01-25,2024-02-25\n"
    >>> rows = list(read_officers(io.StringIO(text), on_error="collect"))
    >>> print(rows[0].errors[0])
    <roster>, line 2, column 'position': role KPPS has no position 'sekretaris'; it has: ketua, anggota
    """
    _check_on_error(on_error)
    _check_chunk_size(chunk_size)
    name, header, rows, close = _open_source(source, chunk_size)
    try:
        checker = _Checker(name, _columns(name, header), rules)
        for line, row in rows:
            fields, region, errors = checker.check(line, row)
            if errors:
                if on_error == "raise":
                    raise errors[0]
                yield RosterRow(line, None, None, False, tuple(errors))
                continue
            assert fields is not None
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
    rules: RuleBook | None = None,
    chunk_size: int = 65_536,
) -> Iterator[RosterChunk]:
    r"""Read a roster as chunks of NumPy arrays, checking every row as :func:`read_officers` does.

    Needs NumPy (the ``batch`` extra). Memory stays bounded by ``chunk_size``
    rows and the caches of small-domain cells (at most 65.536 entries each).

    Args:
        source: as for :func:`read_officers`.
        on_error: ``"raise"`` or ``"collect"`` (errors are attached to the chunk
            in which their rows fall; a chunk may hold only errors).
        rules: the rule book for blank wages (default: the shipped one).
        chunk_size: rows per chunk.

    Yields:
        :class:`RosterChunk` objects, in roster order.

    Raises:
        RosterError: for a header that cannot be read, and with ``on_error="raise"``
            for the first bad row.
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
    import numpy as np

    name, header, rows, close = _open_source(source, chunk_size)
    try:
        checker = _Checker(name, _columns(name, header), rules)
        yield from _chunks(np, checker, rows, on_error, chunk_size)
    finally:
        close()


def _chunks(np: Any, checker: _Checker, rows: _Rows, on_error: str, chunk_size: int) -> Iterator[RosterChunk]:
    """The columnar loop: a row whose cells are all cached costs a few dictionary lookups.

    Each distinct set of small-domain cells (:class:`_Fields`) gets an id; a row
    stores its line and that id, and the chunk's arrays are filled from the
    table of ids with NumPy at the end of the chunk.
    """
    width = checker.width
    i_nik, i_name = checker.columns["nik"], checker.columns["name"]
    i_region = checker.columns.get("region_code")
    field_key, fields_cache = checker.field_key, checker.fields
    prefixes, births, regions = checker.prefixes, checker.births, checker.regions
    ids: dict[int, int] = {}  # id(_Fields) -> position in table (the _Fields are kept alive by the table)
    table: list[_Fields] = []
    arrays: list[Any] = []
    while True:
        lines, fids = array.array("q"), array.array("l")
        errors: list[RosterError] = []
        extra: list[_Fields] = []
        extra_ids: dict[int, int] = {}
        count = 0
        append_line, append_fid = lines.append, fids.append
        for line, row in rows:
            count += 1
            fields: _Fields | _Problems | None = None
            if len(row) == width:
                fields = fields_cache.get(field_key(row))
                nik = row[i_nik]
                if (
                    fields is None
                    or isinstance(fields, list)
                    or len(nik) != _NIK_LENGTH
                    or prefixes.get(nik[:6], "") is not None
                    or (birth := births.get(nik[6:12])) is None
                    or birth > fields.start
                    or not nik.isdigit()
                    or not nik.isascii()
                    or not row[i_name].strip()
                    or (i_region is not None and isinstance(regions.get(row[i_region], ""), str)
                        and row[i_region].strip())
                ):
                    fields = None
            if fields is None:
                # Slow path: the full check (fills the caches, or finds the problems).
                fields, _region, row_errors = checker.check(line, row)
                if row_errors:
                    if on_error == "raise":
                        raise row_errors[0]
                    errors.extend(row_errors)
                    if count >= chunk_size:
                        break
                    continue
            assert isinstance(fields, _Fields)
            fid = ids.get(id(fields))
            if fid is None:
                if len(table) < _CACHE_LIMIT:
                    fid = ids[id(fields)] = len(table)
                    table.append(fields)
                else:
                    fid = extra_ids.get(id(fields))
                    if fid is None:
                        fid = extra_ids[id(fields)] = _CACHE_LIMIT + len(extra)
                        extra.append(fields)
            append_line(line)
            append_fid(fid)
            if count >= chunk_size:
                break
        if count == 0:
            return
        if len(arrays) == 0 or arrays[0].shape[0] != len(table):
            arrays = _field_arrays(np, table)
        columns = arrays
        if extra:
            more = _field_arrays(np, extra)
            padding = _CACHE_LIMIT - len(table)
            columns = [
                np.concatenate([base, np.zeros(padding, dtype=base.dtype), added])
                for base, added in zip(arrays, more, strict=True)
            ]
        index = np.frombuffer(fids, dtype=np.int64 if fids.itemsize == 8 else np.int32)
        role, position, election, wage, start, end, asn, registered = (column[index] for column in columns)
        yield RosterChunk(
            source=checker.source,
            line=np.frombuffer(lines, dtype=np.int64),
            role=role,
            position=position,
            election=election,
            wage=wage,
            appointment_start=start,
            appointment_end=end,
            asn=asn,
            bpjs_registered_on=registered,
            errors=tuple(errors),
        )
        if count < chunk_size:
            return


def _field_arrays(np: Any, table: Sequence[_Fields]) -> list[Any]:
    """Columns of a table of :class:`_Fields`, indexable by id."""

    def day(value: dt.date | None) -> int:
        return -(2**63) if value is None else value.toordinal() - _EPOCH_ORDINAL

    return [
        np.array([_ROLE_INDEX[f.role] for f in table], dtype=np.uint8),
        np.array([_POSITION_INDEX[f.position] for f in table], dtype=np.uint8),
        np.array([f.election_code for f in table], dtype=np.uint8),
        np.array([f.wage for f in table], dtype=np.int64),
        np.array([day(f.start) for f in table], dtype=np.int64).view("datetime64[D]"),
        np.array([day(f.end) for f in table], dtype=np.int64).view("datetime64[D]"),
        np.array([f.asn for f in table], dtype=np.bool_),
        np.array([day(f.registered) for f in table], dtype=np.int64).view("datetime64[D]"),
    ]
