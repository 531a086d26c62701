"""Gambaran nasional (the national picture): officer counts per election and role, and what covering them costs.

How many ad hoc officers did an election have, per role and position, and what
would covering all of them cost? The counts ship as data
(``jamsos_pemilu/data/national.toml``): the units each election had
(kecamatan, desa/kelurahan, TPS), with sources and a confidence status, and the
counts public reports give per role. An officer count is units × members per
unit; the members per unit are legal numbers read from the rule book
(``composition.<role>.members``, in force on voting day). A count that no
source states is derived and so ``unconfirmed``, unless a reported count equals
it. A count the data cannot give is *unknown*: it is listed as unknown with the
reason, never counted as 0, and totals say how many roles they leave out.

:func:`national_picture` answers the policy question in one call: what does
covering every officer of an election for some months cost, by role, as wage
earners (PU) and as non-wage earners (BPU), and what is the death-benefit
exposure (JKK if every officer died in a work accident, JKM otherwise)? Every
amount is the one-officer calculator's amount times the headcount, exact to the
rupiah, and the result carries the receipt of every rule value used.

>>> import datetime as dt
>>> from jamsos_pemilu import Month
>>> counts = national_counts("pemilu_2024", on=dt.date(2024, 2, 14))
>>> counts.role(Role.KPPS).count, counts.role(Role.KPPS).confidence.value
(5741127, 'secondary')
>>> counts.role(Role.SEKRETARIAT_PANWASLU_KECAMATAN).count is None  # no fixed number per kecamatan
True
>>> picture = national_picture("pemilu_2024", months=[Month(2024, 1), Month(2024, 2)])
>>> picture.row(Role.KPPS).pu_premium
Rupiah(69090362640)
>>> picture.row(Role.KPPS).bpu_premium
Rupiah(192901867200)
"""

from __future__ import annotations

import datetime as dt
import functools
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, Final

import attrs

from jamsos_pemilu.benefits import jkk_death, jkm_death
from jamsos_pemilu.elections import Election
from jamsos_pemilu.elections import election as find_election
from jamsos_pemilu.exceptions import (
    InputError,
    RuleDataError,
    RuleNotInForceError,
    UnknownCodeError,
    UnknownParameterError,
)
from jamsos_pemilu.explain import Receipt, Result, RuleTrace, render_table
from jamsos_pemilu.l10n import Language, Text, format_date, format_number, format_rupiah
from jamsos_pemilu.law import names
from jamsos_pemilu.law.citations import Confidence
from jamsos_pemilu.law.parameters import RuleBook, RuleSnapshot, RuleValue, default_rule_book, snapshot_for
from jamsos_pemilu.money import Rupiah
from jamsos_pemilu.periods import Month
from jamsos_pemilu.premiums import monthly_premium
from jamsos_pemilu.roles import Level, Position, Role
from jamsos_pemilu.schemes import BudgetSource, NonWageEarner, RiskClass, WageEarner

__all__ = [
    "ElectionUnits",
    "NationalCounts",
    "NationalPicture",
    "NationalRow",
    "PositionCount",
    "ReportedCount",
    "RoleCount",
    "UnitCount",
    "load_national_data",
    "national_counts",
    "national_picture",
]

_DATA_FILE: Final = "national.toml"
_LEVELS: Final = {Level.KECAMATAN, Level.DESA_KELURAHAN, Level.TPS}


# --------------------------------------------------------------------------- data


@attrs.frozen
class UnitCount:
    """How many units of one level (kecamatan, desa/kelurahan, TPS) an election had."""

    level: Level
    count: int
    confidence: Confidence
    sources: tuple[str, ...]
    note: str | None = None


@attrs.frozen
class ReportedCount:
    """What the data says about one role's count beyond units × members.

    Attributes:
        count: a count a public report gives (``None``: none given).
        unknown: the units × members product is known to be wrong for this role, so
            its count is unknown (the note says why).
        confidence: how sure the report is.
        sources: the pages read.
        note: what the report says, where it needs words (English).
        note_id: the same in Bahasa Indonesia (required for an unknown count, whose
            reason is shown to readers).

    """

    count: int | None
    unknown: bool
    confidence: Confidence
    sources: tuple[str, ...]
    note: str | None = None
    note_id: str | None = None

    @property
    def why_unknown(self) -> Text | None:
        """Why the count is unknown, in both languages (``None`` unless :attr:`unknown`)."""
        if not self.unknown or self.note is None or self.note_id is None:
            return None
        return Text(id=self.note_id, en=self.note)


@attrs.frozen
class ElectionUnits:
    """The shipped national data of one election: its unit counts and the reported counts per role."""

    election: str
    units: Mapping[Level, UnitCount]
    reported: Mapping[Role, ReportedCount]


@attrs.frozen
class _Split:
    first: tuple[Position, ...]
    rest: Position


@attrs.frozen
class _Data:
    positions: Mapping[Role, _Split]
    elections: Mapping[str, ElectionUnits]


def _fail(file: str, key: str, reason: str) -> RuleDataError:
    return RuleDataError(file, key, reason)


def _table(raw: object, file: str, key: str) -> Mapping[str, Any]:
    if not isinstance(raw, Mapping):
        raise _fail(file, key, "must be a table")
    return raw


def _keys(raw: Mapping[str, Any], allowed: set[str], file: str, key: str) -> None:
    extra = sorted(set(raw) - allowed)
    if extra:
        raise _fail(file, f"{key}.{extra[0]}", f"unexpected key; expected one of {', '.join(sorted(allowed))}")


def _code(parse: Any, text: str, file: str, key: str) -> Any:
    try:
        return parse(text)
    except UnknownCodeError as error:
        raise _fail(file, key, str(error)) from None


def _count(raw: Mapping[str, Any], name: str, file: str, key: str) -> int | None:
    value = raw.get(name)
    if value is None:
        return None
    if type(value) is not int or value <= 0:
        raise _fail(file, f"{key}.{name}", f"must be a positive whole number, got {value!r}")
    return value


def _evidence(raw: Mapping[str, Any], file: str, key: str) -> tuple[Confidence, tuple[str, ...], str | None]:
    note = raw.get("note")
    if note is not None and (not isinstance(note, str) or not note.strip()):
        raise _fail(file, f"{key}.note", f"must be non-empty text, got {note!r}")
    status = raw.get("status")
    if not isinstance(status, str):
        raise _fail(file, f"{key}.status", "is missing")
    confidence: Confidence = _code(Confidence.parse, status, file, f"{key}.status")
    if confidence is Confidence.REFORM:
        raise _fail(file, f"{key}.status", "'reform' is for what-if overrides, not data")
    if confidence is Confidence.UNCONFIRMED and note is None:
        raise _fail(file, f"{key}.note", "an unconfirmed count needs a note saying why")
    sources = raw.get("sources")
    if (
        not isinstance(sources, list)
        or not sources
        or not all(isinstance(url, str) and url.startswith("http") for url in sources)
    ):
        raise _fail(file, f"{key}.sources", "must be a non-empty list of URLs")
    return confidence, tuple(sources), note


def _split(role: Role, raw: object, file: str, key: str) -> _Split:
    table = _table(raw, file, key)
    _keys(table, {"first", "rest"}, file, key)
    first = table.get("first", [])
    if not isinstance(first, list) or not all(isinstance(item, str) for item in first):
        raise _fail(file, f"{key}.first", "must be a list of positions")
    rest = table.get("rest")
    if not isinstance(rest, str):
        raise _fail(file, f"{key}.rest", "is missing")
    positions = tuple(_code(Position.parse, item, file, f"{key}.first") for item in first)
    last: Position = _code(Position.parse, rest, file, f"{key}.rest")
    for position in (*positions, last):
        if position not in role.positions:
            raise _fail(file, key, f"role {role.abbreviation} has no position {position.value!r}")
    if last in positions or len(set(positions)) != len(positions):
        raise _fail(file, key, "a position is listed twice")
    return _Split(positions, last)


def _election_units(election_key: str, raw: object, file: str) -> ElectionUnits:
    key = f"election.{election_key}"
    table = _table(raw, file, key)
    _keys(table, {"units", "roles"}, file, key)
    chosen = _code(find_election, election_key, file, key)
    if chosen.key != election_key:
        raise _fail(file, key, f"use the election key {chosen.key!r}")
    units: dict[Level, UnitCount] = {}
    for name, entry in _table(table.get("units", {}), file, f"{key}.units").items():
        where = f"{key}.units.{name}"
        level = next((lv for lv in _LEVELS if lv.value == name), None)
        if level is None:
            raise _fail(file, where, f"unknown level; expected one of {', '.join(sorted(lv.value for lv in _LEVELS))}")
        body = _table(entry, file, where)
        _keys(body, {"count", "status", "sources", "note"}, file, where)
        count = _count(body, "count", file, where)
        if count is None:
            raise _fail(file, f"{where}.count", "is missing (leave out a unit count that no source gives)")
        units[level] = UnitCount(level, count, *_evidence(body, file, where))
    reported: dict[Role, ReportedCount] = {}
    for name, entry in _table(table.get("roles", {}), file, f"{key}.roles").items():
        where = f"{key}.roles.{name}"
        role: Role = _code(Role.parse, name, file, where)
        if role.value != name:
            raise _fail(file, where, f"use the role code {role.value!r}")
        if not chosen.has_role(role):
            raise _fail(file, where, f"{chosen.key} has no role {role.value!r}")
        body = _table(entry, file, where)
        _keys(body, {"reported", "unknown", "status", "sources", "note", "note_id"}, file, where)
        unknown = body.get("unknown", False)
        if type(unknown) is not bool:
            raise _fail(file, f"{where}.unknown", f"must be true or false, got {unknown!r}")
        if unknown and body.get("note") is None:
            raise _fail(file, f"{where}.note", "an unknown count needs a note saying why")
        note_id = body.get("note_id")
        if (unknown and note_id is None) or (note_id is not None and (not isinstance(note_id, str) or not note_id.strip())):
            raise _fail(file, f"{where}.note_id", "an unknown count needs its reason in Bahasa Indonesia too")
        reported[role] = ReportedCount(
            _count(body, "reported", file, where), unknown, *_evidence(body, file, where), note_id=note_id
        )
    return ElectionUnits(chosen.key, units, reported)


def _parse(data: bytes, file: str) -> _Data:
    try:
        document = tomllib.loads(data.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise _fail(file, "<file>", f"is not valid TOML: {error}") from None
    _keys(document, {"positions", "election"}, file, "<root>")
    positions: dict[Role, _Split] = {}
    for name, raw in _table(document.get("positions", {}), file, "positions").items():
        role: Role = _code(Role.parse, name, file, f"positions.{name}")
        positions[role] = _split(role, raw, file, f"positions.{name}")
    elections = {
        key: _election_units(key, raw, file)
        for key, raw in _table(document.get("election", {}), file, "election").items()
    }
    if not elections:
        raise _fail(file, "election", "holds no elections")
    return _Data(positions, elections)


def load_national_data(path: Path | str) -> tuple[ElectionUnits, ...]:
    """Load and check a national data file (the shipped one, or a corrected copy).

    Args:
        path: a TOML file with the schema of ``jamsos_pemilu/data/national.toml``.

    Returns:
        The elections' unit counts and reported counts, in file order.

    Raises:
        RuleDataError: naming the file and the key of the first problem found.

    """
    file = Path(path)
    try:
        data = file.read_bytes()
    except OSError as error:
        raise _fail(str(file), "<file>", f"cannot be read: {error.strerror}") from None
    return tuple(_parse(data, file.name).elections.values())


@functools.cache
def _shipped() -> _Data:
    return _parse((resources.files("jamsos_pemilu") / "data" / _DATA_FILE).read_bytes(), _DATA_FILE)


# --------------------------------------------------------------------------- counts


@attrs.frozen
class PositionCount:
    """Officers of one position in one role."""

    position: Position
    count: int


@attrs.frozen
class RoleCount:
    """How many officers one role had in an election, and how sure that is.

    Attributes:
        role: the role.
        count: officers in all, or ``None`` when unknown.
        positions: the count split by position (empty when unknown).
        confidence: how sure the count is (``None`` when unknown).
        derived: whether the count is units × members that no report states.
        units: the unit count used.
        members: the rule-book value of members per unit used.
        reported: what reports say about the role, for comparison.
        why_unknown: why the count is unknown.

    """

    role: Role
    count: int | None
    positions: tuple[PositionCount, ...]
    confidence: Confidence | None
    derived: bool
    units: UnitCount | None
    members: RuleValue | None
    reported: ReportedCount | None
    why_unknown: Text | None = None

    @property
    def known(self) -> bool:
        """Whether the count is known."""
        return self.count is not None

    @property
    def note(self) -> Text | None:
        """What a reader must know about the count: why unknown, derived, or at odds with a report."""
        if self.why_unknown is not None:
            return self.why_unknown
        reported = self.reported
        if reported is not None and reported.count is not None and reported.count != self.count:
            return Text(
                id=f"Laporan menyebut {format_number(reported.count)}; dipakai satuan × anggota (lihat sumbernya).",
                en=f"A report gives {format_number(reported.count, 'en')}; units × members is used (see its source).",
            )
        if self.derived:
            return _DERIVED
        return None

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON."""
        note = self.note
        return {
            "role": self.role.value,
            "count": self.count,
            "positions": {p.position.value: p.count for p in self.positions},
            "confidence": None if self.confidence is None else self.confidence.value,
            "derived": self.derived,
            "units": None if self.units is None else {"level": self.units.level.value, "count": self.units.count},
            "members": None if self.members is None else self.members.integer,
            "reported": None if self.reported is None else self.reported.count,
            "reported_note": None if self.reported is None else self.reported.note,
            "sources": [] if self.reported is None else list(self.reported.sources),
            "note": None if note is None else note.to_dict(),
        }


_DERIVED: Final = Text(
    id="Diturunkan: jumlah satuan × anggota per satuan; tidak ada sumber yang menyebut angka ini.",
    en="Derived: units × members per unit; no source states this number.",
)
_UNKNOWN: Final = Text(id="tidak diketahui", en="unknown")


def _weakest(*levels: Confidence) -> Confidence:
    return max(levels, key=lambda level: level.rank)


def _role_count(role: Role, data: _Data, units: ElectionUnits, trace: RuleTrace) -> RoleCount:
    reported = units.reported.get(role)

    def unknown(why: Text) -> RoleCount:
        return RoleCount(role, None, (), None, False, unit, None, reported, why)

    unit = units.units.get(role.level)
    if reported is not None and reported.why_unknown is not None:
        return unknown(reported.why_unknown)
    if role.level is Level.LUAR_NEGERI:
        return unknown(
            Text(id="Badan luar negeri tidak diteliti; jumlahnya tidak diketahui.",
                 en="Overseas bodies were not researched; their count is unknown.")
        )
    if unit is None:
        level = role.level.value.replace("_", "/")
        return unknown(Text(id=f"Jumlah {level} pada pemilihan ini tidak ditemukan.",
                            en=f"The number of {level} units in this election was not found."))
    split = data.positions.get(role)
    name = names.members(role)
    if name not in trace.rules.book:
        return unknown(Text(id=f"Jumlah {role.abbreviation} per satuan tidak tetap atau tidak dilaporkan.",
                            en=f"{role.abbreviation} has no fixed or reported number per unit."))
    if name not in trace or split is None:
        on = format_date(trace.rules.on)
        return unknown(Text(id=f"Jumlah anggota {role.abbreviation} per satuan tidak berlaku pada {on}.",
                            en=f"{role.abbreviation} members per unit are not in force on "
                               f"{format_date(trace.rules.on, 'en')}."))
    members = trace[name]
    per_unit = members.integer
    if per_unit < len(split.first):
        raise RuleDataError(_DATA_FILE, f"positions.{role.value}", f"lists more positions than {per_unit} members")
    positions = [PositionCount(position, unit.count) for position in split.first]
    if per_unit > len(split.first):
        positions.append(PositionCount(split.rest, unit.count * (per_unit - len(split.first))))
    count = unit.count * per_unit
    if reported is not None and reported.count == count:
        confidence = _weakest(reported.confidence, unit.confidence, members.confidence)
        return RoleCount(role, count, tuple(positions), confidence, False, unit, members, reported)
    return RoleCount(role, count, tuple(positions), Confidence.UNCONFIRMED, True, unit, members, reported)


_COUNTS_HEAD: Final = Text(id="Jumlah petugas ad hoc", en="Ad hoc officers")
_ROLE: Final = Text(id="Peran", en="Role")
_OFFICERS: Final = Text(id="Petugas", en="Officers")
_CONFIDENCE: Final = Text(id="Keyakinan", en="Confidence")
_TOTAL: Final = Text(id="Jumlah (yang diketahui)", en="Total (known)")


def _left_out(count: int, lang: Language) -> str:
    return Text(
        id=f"{count} peran tidak dihitung karena jumlahnya tidak diketahui.",
        en=f"{count} roles are left out because their count is unknown.",
    ).render(lang)


@attrs.frozen
class NationalCounts(Result):
    """The officer counts of one election, per role, with the members per unit in force on one date."""

    election: str
    on: dt.date
    roles: tuple[RoleCount, ...]
    receipt: Receipt

    @property
    def total(self) -> int:
        """Officers of the roles whose count is known."""
        return sum(row.count or 0 for row in self.roles)

    @property
    def unknown(self) -> tuple[Role, ...]:
        """Roles whose count is unknown."""
        return tuple(row.role for row in self.roles if row.count is None)

    def role(self, role: Role | str) -> RoleCount:
        """The count of ``role``.

        Raises:
            InputError: if the election has no such role.

        """
        chosen = Role.parse(role) if isinstance(role, str) else role
        for row in self.roles:
            if row.role is chosen:
                return row
        raise InputError(f"{self.election} has no role {chosen.value!r}")

    def _render(self, lang: Language) -> str:
        rows = [
            [
                row.role.abbreviation,
                _UNKNOWN.render(lang) if row.count is None else format_number(row.count, lang),
                "" if row.confidence is None else row.confidence.text.render(lang),
            ]
            for row in self.roles
        ]
        rows.append([_TOTAL.render(lang), format_number(self.total, lang), ""])
        name = find_election(self.election).name.render(lang)
        head = f"{_COUNTS_HEAD.render(lang)}: {name} ({format_date(self.on, lang)})"
        lines = [head, render_table([_ROLE.render(lang), _OFFICERS.render(lang), _CONFIDENCE.render(lang)],
                                    rows, right=[1])]
        for row in self.roles:
            if row.note is not None:
                lines.append(f"  {row.role.abbreviation}: {row.note.render(lang)}")
        if self.unknown:
            lines.append(_left_out(len(self.unknown), lang))
        lines.extend(w.render(lang) for w in self.receipt.warnings())
        return "\n".join(lines)

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON."""
        return {
            "kind": "national_counts",
            "election": self.election,
            "on": self.on.isoformat(),
            "roles": [row.to_dict() for row in self.roles],
            "total": self.total,
            "unknown": [role.value for role in self.unknown],
            "receipt": self.receipt.to_dict(),
        }

    def records(self) -> list[dict[str, object]]:
        """One flat dict per role and position (a role of unknown count gives one row with ``count`` ``None``)."""
        out: list[dict[str, object]] = []
        for row in self.roles:
            confidence = None if row.confidence is None else row.confidence.value
            if row.count is None:
                out.append({"election": self.election, "role": row.role.value, "position": None, "count": None,
                            "confidence": None})
                continue
            out.extend(
                {"election": self.election, "role": row.role.value, "position": p.position.value, "count": p.count,
                 "confidence": confidence}
                for p in row.positions
            )
        return out


def national_counts(election: Election | str, *, on: dt.date, rules: RuleSnapshot | None = None) -> NationalCounts:
    """The officer counts of ``election`` per role and position, with sources and confidence.

    The units are the election's; the members per unit are the rule-book values
    in force on ``on`` (usually the election's voting day).

    Args:
        election: an election or its key or name (``"pemilu_2024"``, ``"Pilkada 2024"``).
        on: the date whose members per unit apply.
        rules: the rules in force on ``on`` (default: the shipped rule book).

    Returns:
        :class:`NationalCounts`, one row per role of the election.

    Raises:
        UnknownCodeError: an unknown election.
        InputError: a snapshot of another day.

    >>> counts = national_counts("Pilkada 2024", on=dt.date(2024, 11, 27))
    >>> counts.role("ptps").count, counts.role("ptps").confidence.value
    (435089, 'unconfirmed')
    >>> counts.role("ppk").why_unknown.render("en")
    'The number of kecamatan units in this election was not found.'
    """
    chosen = find_election(election)
    snapshot = snapshot_for(rules, on, what=f"the officer counts of {chosen.key}")
    data = _shipped()
    units = data.elections.get(chosen.key, ElectionUnits(chosen.key, {}, {}))
    trace = RuleTrace(snapshot)
    rows = tuple(_role_count(role, data, units, trace) for role in Role if chosen.has_role(role))
    return NationalCounts(chosen.key, snapshot.on, rows, trace.receipt())


# --------------------------------------------------------------------------- the picture


@attrs.frozen
class NationalRow:
    """One role of the national picture (amounts ``None`` where they cannot be computed).

    Attributes:
        role: the role.
        count: officers (``None``: unknown).
        pu_premium: premiums over all the months as wage earners (PU), on the honoraria.
        bpu_premium: premiums over all the months as non-wage earners (BPU).
        jkk_death_pu: JKK cash benefits if every officer died in a work accident, on the honoraria.
        jkk_death_bpu: the same on the BPU income basis.
        jkm_death: JKM cash benefits if every officer died of another cause.
        note: why an amount is missing, or what a reader must know about the count.

    """

    role: Role
    count: int | None
    confidence: Confidence | None
    pu_premium: Rupiah | None
    bpu_premium: Rupiah | None
    jkk_death_pu: Rupiah | None
    jkk_death_bpu: Rupiah | None
    jkm_death: Rupiah | None
    note: Text | None = None

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON (amounts as whole rupiah, ``None`` where unknown)."""

        def plain(value: Rupiah | None) -> int | None:
            return None if value is None else value.amount

        return {
            "role": self.role.value,
            "count": self.count,
            "confidence": None if self.confidence is None else self.confidence.value,
            "pu_premium": plain(self.pu_premium),
            "bpu_premium": plain(self.bpu_premium),
            "jkk_death_pu": plain(self.jkk_death_pu),
            "jkk_death_bpu": plain(self.jkk_death_bpu),
            "jkm_death": plain(self.jkm_death),
            "note": None if self.note is None else self.note.to_dict(),
        }


_PICTURE_HEAD: Final = Text(id="Gambaran nasional", en="National picture")
_MONTHS: Final = Text(id="bulan", en="months")
_MONTH: Final = Text(id="bulan", en="month")
_COLUMNS: Final = (
    Text(id="Peran", en="Role"),
    Text(id="Petugas", en="Officers"),
    Text(id="Iuran PU", en="PU premium"),
    Text(id="Iuran BPU", en="BPU premium"),
    Text(id="JKK meninggal (PU)", en="JKK death (PU)"),
    Text(id="JKK meninggal (BPU)", en="JKK death (BPU)"),
    Text(id="JKM meninggal", en="JKM death"),
)
_EXPOSURE_NOTE: Final = Text(
    id="Eksposur kematian = manfaat tunai per petugas × jumlah petugas (tanpa beasiswa, yang bergantung pada anak): "
    "batas atas bila semua petugas meninggal, bukan perkiraan klaim.",
    en="Death exposure = cash benefit per officer × officers (without scholarships, which depend on children): "
    "an upper bound if every officer died, not a claims forecast.",
)


def _sum(values: Iterable[Rupiah | None]) -> Rupiah:
    return sum((value for value in values if value is not None), Rupiah.zero())


@attrs.frozen
class NationalPicture(Result):
    """What covering every officer of an election costs, by role, as PU and as BPU, with the death exposure."""

    election: str
    months: tuple[Month, ...]
    on: dt.date
    rows: tuple[NationalRow, ...]
    counts: NationalCounts
    receipt: Receipt

    def row(self, role: Role | str) -> NationalRow:
        """The row of ``role``.

        Raises:
            InputError: if the election has no such role.

        """
        chosen = Role.parse(role) if isinstance(role, str) else role
        for row in self.rows:
            if row.role is chosen:
                return row
        raise InputError(f"{self.election} has no role {chosen.value!r}")

    @property
    def headcount(self) -> int:
        """Officers of the roles whose count is known."""
        return sum(row.count or 0 for row in self.rows)

    @property
    def pu_premium(self) -> Rupiah:
        """PU premiums of the roles that could be priced."""
        return _sum(row.pu_premium for row in self.rows)

    @property
    def bpu_premium(self) -> Rupiah:
        """BPU premiums of the roles that could be priced."""
        return _sum(row.bpu_premium for row in self.rows)

    @property
    def jkk_death_pu(self) -> Rupiah:
        """JKK death exposure on the honoraria (roles that could be priced)."""
        return _sum(row.jkk_death_pu for row in self.rows)

    @property
    def jkk_death_bpu(self) -> Rupiah:
        """JKK death exposure on the BPU basis."""
        return _sum(row.jkk_death_bpu for row in self.rows)

    @property
    def jkm_death(self) -> Rupiah:
        """JKM death exposure."""
        return _sum(row.jkm_death for row in self.rows)

    def _render(self, lang: Language) -> str:
        def money(value: Rupiah | None) -> str:
            return "—" if value is None else format_rupiah(value, lang)

        rows = [
            [
                row.role.abbreviation,
                _UNKNOWN.render(lang) if row.count is None else format_number(row.count, lang),
                money(row.pu_premium),
                money(row.bpu_premium),
                money(row.jkk_death_pu),
                money(row.jkk_death_bpu),
                money(row.jkm_death),
            ]
            for row in self.rows
        ]
        rows.append(
            [
                _TOTAL.render(lang),
                format_number(self.headcount, lang),
                money(self.pu_premium),
                money(self.bpu_premium),
                money(self.jkk_death_pu),
                money(self.jkk_death_bpu),
                money(self.jkm_death),
            ]
        )
        months = ", ".join(str(month) for month in self.months)
        unit = (_MONTH if len(self.months) == 1 else _MONTHS).render(lang)
        name = find_election(self.election).name.render(lang)
        lines = [
            f"{_PICTURE_HEAD.render(lang)}: {name}; {len(self.months)} {unit} ({months}); {format_date(self.on, lang)}",
            render_table([c.render(lang) for c in _COLUMNS], rows, right=[1, 2, 3, 4, 5, 6]),
            _EXPOSURE_NOTE.render(lang),
        ]
        for row in self.rows:
            if row.note is not None:
                lines.append(f"  {row.role.abbreviation}: {row.note.render(lang)}")
        unknown = self.counts.unknown
        if unknown:
            lines.append(_left_out(len(unknown), lang))
        lines.extend(w.render(lang) for w in self.receipt.warnings())
        return "\n".join(lines)

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON."""
        return {
            "kind": "national_picture",
            "election": self.election,
            "months": [str(month) for month in self.months],
            "on": self.on.isoformat(),
            "rows": [row.to_dict() for row in self.rows],
            "headcount": self.headcount,
            "pu_premium": self.pu_premium.amount,
            "bpu_premium": self.bpu_premium.amount,
            "jkk_death_pu": self.jkk_death_pu.amount,
            "jkk_death_bpu": self.jkk_death_bpu.amount,
            "jkm_death": self.jkm_death.amount,
            "unknown": [role.value for role in self.counts.unknown],
            "receipt": self.receipt.to_dict(),
        }

    def to_pandas(self) -> Any:
        """One row per role as a pandas DataFrame indexed by role; counts and amounts are nullable integers.

        Unknown values are ``<NA>``, never 0 and never a float, so sums stay exact.
        """
        import pandas as pd  # an optional extra, imported when used

        frame = pd.DataFrame(self.records()).set_index("role")
        whole = ("count", "pu_premium", "bpu_premium", "jkk_death_pu", "jkk_death_bpu", "jkm_death")
        return frame.astype({name: "Int64" for name in whole})

    def records(self) -> list[dict[str, object]]:
        """One flat dict per role (amounts as whole rupiah, ``None`` where unknown), for a DataFrame."""
        records: list[dict[str, object]] = []
        for row in self.rows:
            record = row.to_dict()
            note = row.note
            record["note"] = None if note is None else note.render("id")
            record["note_en"] = None if note is None else note.render("en")
            records.append({"election": self.election, **record})
        return records


def _months(months: Iterable[Month]) -> tuple[Month, ...]:
    if isinstance(months, Month | str) or not isinstance(months, Iterable):
        raise InputError(f"months: expected a sequence of Month, got {months!r}")
    chosen = tuple(months)
    if not chosen:
        raise InputError("months: give at least one month")
    for month in chosen:
        if not isinstance(month, Month):
            raise InputError(f"months: expected Month values, got {month!r}")
    if len(set(chosen)) != len(chosen):
        raise InputError(f"months: a month is listed twice in {', '.join(str(m) for m in chosen)}")
    return tuple(sorted(chosen, key=lambda m: (m.year, m.month)))


class _Pricer:
    """Per-officer amounts of one (role, position), cached, with the receipts they rest on."""

    def __init__(
        self, election: Election, rule_book: RuleBook, risk_class: RiskClass, budget_source: BudgetSource | None
    ) -> None:
        self.election = election
        self.rule_book = rule_book
        self.pu = WageEarner(risk_class)
        self.bpu = NonWageEarner()
        self.budget_source = budget_source
        self.receipts: list[Receipt] = []
        self.snapshots: dict[dt.date, RuleSnapshot] = {}

    def snapshot(self, on: dt.date) -> RuleSnapshot:
        found = self.snapshots.get(on)
        if found is None:
            found = self.snapshots[on] = self.rule_book.on(on)
        return found

    def honorarium(self, role: Role, position: Position, on: dt.date) -> Rupiah | None:
        trace = RuleTrace(self.snapshot(on))
        try:
            value = trace[names.honorarium(self.election.key, role, position)]
        except (UnknownParameterError, RuleNotInForceError):
            return None
        self.receipts.append(trace.receipt())
        return value.rupiah

    def pu_premium(self, wage: Rupiah, month: Month) -> Rupiah:
        premium = monthly_premium(
            wage, self.pu, month=month, budget_source=self.budget_source, rules=self.snapshot(month.first_day)
        )
        self.receipts.append(premium.receipt)
        return premium.total

    @functools.cache  # noqa: B019 - one pricer per call; the cache dies with it
    def bpu_premium(self, month: Month) -> Rupiah:
        premium = monthly_premium(
            None, self.bpu, month=month, budget_source=self.budget_source, rules=self.snapshot(month.first_day)
        )
        self.receipts.append(premium.receipt)
        return premium.total

    def jkk_death(self, basis: Rupiah, on: dt.date) -> Rupiah:
        assessment = jkk_death(basis, on=on, rules=self.snapshot(on))
        self.receipts.append(assessment.receipt)
        return assessment.total

    @functools.cache  # noqa: B019 - one pricer per call; the cache dies with it
    def bpu_basis(self, on: dt.date) -> Rupiah:
        trace = RuleTrace(self.snapshot(on))
        value = trace[names.BPU_LOWEST_INCOME_BASIS]
        self.receipts.append(trace.receipt())
        return value.rupiah

    @functools.cache  # noqa: B019 - one pricer per call; the cache dies with it
    def jkm_death(self, on: dt.date) -> Rupiah:
        assessment = jkm_death(on=on, rules=self.snapshot(on))
        self.receipts.append(assessment.receipt)
        return assessment.total


def _price(count: RoleCount, pricer: _Pricer, months: tuple[Month, ...], on: dt.date) -> NationalRow:
    role = count.role
    if count.count is None:
        return NationalRow(role, None, None, None, None, None, None, None, count.note)
    pu: Rupiah | None = Rupiah.zero()
    jkk_pu: Rupiah | None = Rupiah.zero()
    missing: list[str] = []
    for part in count.positions:
        for month in months:
            wage = pricer.honorarium(role, part.position, month.first_day)
            if wage is None or pu is None:
                pu = None
                missing.append(f"{part.position.value} ({month})")
                continue
            pu += pricer.pu_premium(wage, month).times(part.count)
        wage = pricer.honorarium(role, part.position, on)
        if wage is None or jkk_pu is None:
            jkk_pu = None
            missing.append(f"{part.position.value} ({on.isoformat()})")
            continue
        jkk_pu += pricer.jkk_death(wage, on).times(part.count)
    bpu = _sum(pricer.bpu_premium(month) for month in months).times(count.count)
    jkk_bpu = pricer.jkk_death(pricer.bpu_basis(on), on).times(count.count)
    jkm = pricer.jkm_death(on).times(count.count)
    note = count.note
    if missing:
        listed = ", ".join(missing)
        note = Text(
            id=f"Honorarium tidak ada dalam data aturan untuk {listed}: iuran/manfaat PU tidak dapat dihitung.",
            en=f"No honorarium in the rule data for {listed}: the PU premium or benefit cannot be computed.",
        )
    return NationalRow(role, count.count, count.confidence, pu, bpu, jkk_pu, jkk_bpu, jkm, note)


def national_picture(
    election: Election | str,
    *,
    months: Sequence[Month],
    on: dt.date | None = None,
    risk_class: RiskClass = RiskClass.SANGAT_RENDAH,
    budget_source: BudgetSource | None = None,
    rule_book: RuleBook | None = None,
) -> NationalPicture:
    """What covering every officer of ``election`` for ``months`` costs, by role, as PU and BPU, with the death exposure.

    Each role's premium is, per position and month, the one-officer premium
    (:func:`~jamsos_pemilu.premiums.monthly_premium`) times the officers: as
    wage earners on the election's honorarium in force on the month's first
    day, and as non-wage earners on the lowest income basis. Every officer is
    priced in every month given, whatever their term: this is the cost of the
    policy "cover everyone for these months"; a roster prices the months each
    appointment actually touches. The death exposure is the cash benefit per
    officer (:func:`~jamsos_pemilu.benefits.jkk_death` on the honorarium or the
    BPU basis, :func:`~jamsos_pemilu.benefits.jkm_death`) on ``on`` times the
    officers: an upper bound, not a claims forecast. Roles whose count is
    unknown are listed and left out of the totals.

    The calculation spans several dates (each month's first day, the counts on
    voting day, the benefits on ``on``), so it takes a ``rule_book`` rather than
    one snapshot.

    Args:
        election: an election or its key or name.
        months: the months of cover (at least one, no repeats).
        on: the date whose benefit rules apply (default: the election's voting day).
        risk_class: the JKK risk class of the PU scheme.
        budget_source: who pays (decides PP 50/2025 for BPU in its months).
        rule_book: the rule book (default: the shipped one); a reformed one for what-if.

    Returns:
        A :class:`NationalPicture`.

    Raises:
        UnknownCodeError: an unknown election.
        InputError: bad months or date.
        RuleNotInForceError: a month or date outside the rule data.

    >>> import datetime as dt
    >>> from jamsos_pemilu import Month
    >>> picture = national_picture("pemilu_2024", months=[Month(2024, 1), Month(2024, 2)])
    >>> picture.headcount, picture.jkm_death
    (9687935, Rupiah(406893270000000))
    >>> print(picture.render("en").splitlines()[0])
    National picture: 2024 general election; 2 months (2024-01, 2024-02); February 14, 2024
    """
    chosen = find_election(election)
    picked = _months(months)
    if on is None:
        on = chosen.voting_day
    if isinstance(on, dt.datetime) or not isinstance(on, dt.date):
        raise InputError(f"on: expected a datetime.date, got {type(on).__name__}")
    if not isinstance(risk_class, RiskClass):
        raise InputError(f"risk_class: expected a RiskClass, got {risk_class!r}")
    if budget_source is not None and not isinstance(budget_source, BudgetSource):
        raise InputError(f"budget_source: expected a BudgetSource or None, got {budget_source!r}")
    if rule_book is not None and not isinstance(rule_book, RuleBook):
        raise InputError(f"rule_book: expected a RuleBook or None, got {type(rule_book).__name__}")
    book = rule_book or default_rule_book()
    counts = national_counts(chosen, on=chosen.voting_day, rules=book.on(chosen.voting_day))
    pricer = _Pricer(chosen, book, risk_class, budget_source)
    rows = tuple(_price(count, pricer, picked, on) for count in counts.roles)
    receipt = Receipt.merge([counts.receipt, *pricer.receipts])
    return NationalPicture(chosen.key, picked, on, rows, counts, receipt)
