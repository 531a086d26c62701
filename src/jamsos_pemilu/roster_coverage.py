"""Kepesertaan seluruh daftar (whole-roster coverage): which officers of a roster are covered, and why not.

A KPU, Bawaslu or BPJS office holds a roster of hundreds of thousands of
officers and a few agreements. :func:`check_roster_coverage` decides every officer
against the agreements for one date (or one incident), per scope — JKK, JKM and
the election body's santunan — and gives a columnar result: the status and the
reason code per officer and scope, the counts per status, reason and role, and
the list of officers not covered or uncertain with their reasons (NIK masked),
exportable to pandas, Arrow or CSV.

How it stays fast: a decision depends on only a few facts about an officer —
role, position, election, whether the date falls before, inside or after the
appointment, the ASN flag, and whether and when BPJS membership began
(registered on or before the date, after it, unknown; for a death, whether the
membership is long enough for the scholarship). Those facts are computed for
every officer with array comparisons and packed into one small integer per
officer; :func:`~jamsos_pemilu.eligibility.check_coverage` is then asked once
per distinct combination (a few dozen on a national roster), with a
representative officer, and its answer is spread to every officer of the
combination by table lookup. The result is therefore the one-officer decision
itself, not a re-implementation; a property test checks it officer by officer.

With several agreements, each officer gets, per scope, the best decision any of
them gives (covered, then uncertain, then not covered; the first agreement
listed wins a tie), and the result says which agreement gave it. Officers whose
appointment starts after the date are not decided (the one-officer check
refuses them: nobody is on duty before appointment); they get the status
``not_on_duty`` and the reason ``before_officer_term``.

>>> import datetime as dt
>>> import numpy as np
>>> from jamsos_pemilu.serialization import shipped_agreement
>>> roster = roster_chunk(
...     role=["kpps", "kpps", "ptps"], position=["ketua", "anggota", "petugas"], election="pemilu_2024",
...     appointment_start="2024-01-25", appointment_end="2024-02-25",
...     bpjs_registered_on=["2024-01-30", "2024-02-20", None])
>>> result = check_roster_coverage(roster, shipped_agreement("kota-cilegon-pemilu-2024"), on=dt.date(2024, 2, 14))
>>> result.status(Scope.JKM).tolist(), result.reason(Scope.JKM).tolist()
(['uncertain', 'not_covered', 'uncertain'], ['period_unreported', 'registered_after_incident', 'period_unreported'])
>>> result.counts(Scope.JKM)
{'not_covered': 1, 'uncertain': 2}
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Protocol

import attrs
from dateutil.relativedelta import relativedelta

from jamsos_pemilu.agreements import Agreement
from jamsos_pemilu.claims import scholarship_membership
from jamsos_pemilu.elections import election as find_election
from jamsos_pemilu.eligibility import CoverageDecision, CoverageStatus, Incident, IncidentKind, Scope, check_coverage
from jamsos_pemilu.eligibility.reasons import reason_catalogue
from jamsos_pemilu.exceptions import InputError, RosterError, RuleNotInForceError, UnknownParameterError
from jamsos_pemilu.explain import Receipt, Result, RuleTrace, render_table
from jamsos_pemilu.l10n import Language, Text, format_date, format_number
from jamsos_pemilu.law.parameters import RuleBook, RuleSnapshot, default_rule_book, snapshot_for
from jamsos_pemilu.officers import Officer, mask_nik
from jamsos_pemilu.periods import Period
from jamsos_pemilu.roles import Position, Role
from jamsos_pemilu.rosters import POSITION_CODES, ROLE_CODES, RosterChunk, election_keys, read_columns

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = [
    "ROSTER_STATUSES",
    "ColumnChunk",
    "CombinationDecision",
    "RosterCoverage",
    "RosterStatus",
    "check_roster_coverage",
    "roster_chunk",
]


class RosterStatus(enum.Enum):
    """The status of one officer and scope in a whole-roster check.

    The three statuses of :class:`~jamsos_pemilu.eligibility.CoverageStatus`, and
    ``not_on_duty`` for an officer whose appointment starts after the date.
    """

    COVERED = "covered"
    NOT_COVERED = "not_covered"
    UNCERTAIN = "uncertain"
    NOT_ON_DUTY = "not_on_duty"

    @property
    def text(self) -> Text:
        """The status in both languages."""
        return _STATUS_TEXT[self]


_STATUS_TEXT: Final = {
    RosterStatus.COVERED: CoverageStatus.COVERED.text,
    RosterStatus.NOT_COVERED: CoverageStatus.NOT_COVERED.text,
    RosterStatus.UNCERTAIN: CoverageStatus.UNCERTAIN.text,
    RosterStatus.NOT_ON_DUTY: Text(id="belum bertugas", en="not yet on duty"),
}

ROSTER_STATUSES: Final = tuple(RosterStatus)
"""Statuses by code: the status arrays hold indexes into this tuple."""

_STATUS_CODE: Final = {status: index for index, status in enumerate(ROSTER_STATUSES)}
_FROM_DECISION: Final = {
    CoverageStatus.COVERED: RosterStatus.COVERED,
    CoverageStatus.NOT_COVERED: RosterStatus.NOT_COVERED,
    CoverageStatus.UNCERTAIN: RosterStatus.UNCERTAIN,
}
_RANK: Final = {RosterStatus.COVERED: 0, RosterStatus.UNCERTAIN: 1, RosterStatus.NOT_COVERED: 2}
_BEFORE_TERM: Final = "before_officer_term"
_BEFORE_TERM_TEXT: Final = Text(
    id="Masa tugas belum dimulai pada tanggal ini; tidak ada keputusan.",
    en="The term has not started on this date; nothing to decide.",
)
_NO_REASON: Final = "no_reason"
_SCOPES: Final = tuple(Scope)

# The facts a decision depends on, packed as one integer per officer:
# ((((role × P + position) × E + election) × 3 + term) × 2 + asn) × 4 + membership.
_TERM_BEFORE, _TERM_IN, _TERM_AFTER = 0, 1, 2
_REG_UNKNOWN, _REG_ON_OR_BEFORE, _REG_AFTER, _REG_LONG = 0, 1, 2, 3
_NP: Final = len(POSITION_CODES)
_NR: Final = len(ROLE_CODES)
_NIK_PLACEHOLDER: Final = "3173015205900001"  # a valid NIK for the representative officers (never shown)


_CHUNK_FIELDS: Final = (
    "line", "role", "position", "election", "appointment_start", "appointment_end", "asn", "bpjs_registered_on",
)


class ColumnChunk(Protocol):
    """What a whole-roster check reads from a chunk of roster columns.

    :class:`~jamsos_pemilu.rosters.RosterChunk` has these; a chunk that also has a
    ``nik`` column (Arrow, NumPy or a list of text) gives masked NIKs in the
    list of officers to look at.
    """

    @property
    def line(self) -> Any:
        """Each officer's line in the roster."""

    @property
    def role(self) -> Any:
        """Role codes (indexes into ``ROLE_CODES``)."""

    @property
    def position(self) -> Any:
        """Position codes."""

    @property
    def election(self) -> Any:
        """Election codes (indexes into ``election_keys()``)."""

    @property
    def appointment_start(self) -> Any:
        """First days of the appointments (``datetime64[D]``)."""

    @property
    def appointment_end(self) -> Any:
        """Last days of the appointments."""

    @property
    def asn(self) -> Any:
        """Civil-servant flags."""

    @property
    def bpjs_registered_on(self) -> Any:
        """BPJS registration dates (``NaT``: unknown)."""


def _numpy() -> Any:
    try:
        import numpy  # the batch extra, imported when used
    except ModuleNotFoundError as error:  # pragma: no cover - depends on the environment
        raise ModuleNotFoundError(
            "jamsos_pemilu.roster_coverage needs NumPy: pip install 'jamsos-pemilu[batch]'", name=error.name
        ) from None
    return numpy


@attrs.frozen
class CombinationDecision:
    """The decision shared by every officer with one combination of facts, per scope (JKK, JKM, santunan).

    Attributes:
        status: the status of each scope.
        reason: the code of the reason that decides each scope.
        reasons: every reason code of each scope, in the order the rules give them.
        agreement: the index of the agreement that gave each scope's decision (-1: none).
        texts: the deciding reason's text where it names nothing of the officer's own
            (otherwise rebuilt per officer).

    """

    status: tuple[RosterStatus, ...]
    reason: tuple[str, ...]
    reasons: tuple[tuple[str, ...], ...]
    agreement: tuple[int, ...]
    texts: tuple[Text | None, ...]


def _decisive(decision: CoverageDecision, scope: Scope) -> tuple[RosterStatus, str, tuple[str, ...], Text | None]:
    """The status of a scope, the first reason with that status (the one that decides), and all codes."""
    part = decision.decision(scope)
    codes = tuple(reason.code for reason in part.reasons)
    for reason in part.reasons:
        if reason.status is part.status:
            spec = reason_catalogue()[reason.code]
            text = reason.text if not spec.placeholders & _OFFICER_PLACEHOLDERS else None
            return _FROM_DECISION[part.status], reason.code, codes, text
    return _FROM_DECISION[part.status], _NO_REASON, codes, None


# Placeholders filled with an officer's own data: such a reason's text is rebuilt per officer.
_OFFICER_PLACEHOLDERS: Final = frozenset({"term", "registered", "years"})


class _Decider:
    """Decides one combination of facts once, with a representative officer, against every agreement."""

    def __init__(
        self,
        agreements: tuple[Agreement | None, ...],
        on: dt.date,
        incident: Incident | None,
        rules: RuleSnapshot,
    ) -> None:
        self.agreements = agreements
        self.on = on
        self.incident = incident
        self.rules = rules
        self.keys = election_keys()
        self.verdicts: dict[int, CombinationDecision] = {}
        self.receipts: list[Receipt] = []
        self.long_enough = _membership_threshold(rules, on) if _needs_membership(incident) else None

    def officer(self, key: int) -> Officer | None:
        rest, membership = divmod(key, 4)
        rest, asn = divmod(rest, 2)
        rest, term = divmod(rest, 3)
        rest, election = divmod(rest, len(self.keys))
        role, position = divmod(rest, _NP)
        if term == _TERM_BEFORE:
            return None
        day = self.on if term == _TERM_IN else self.on - dt.timedelta(days=1)
        registered: dt.date | None
        if membership == _REG_UNKNOWN:
            registered = None
        elif membership == _REG_AFTER:
            registered = self.on + dt.timedelta(days=1)
        elif membership == _REG_LONG and self.long_enough is not None:
            registered = self.long_enough
        else:
            registered = self.on
        return Officer(
            nik=_NIK_PLACEHOLDER,
            name="-",
            role=ROLE_CODES[role],
            position=POSITION_CODES[position],
            election=self.keys[election],
            appointment=Period(day, day),
            asn=bool(asn),
            bpjs_registered_on=registered,
        )

    def verdict(self, key: int) -> CombinationDecision:
        found = self.verdicts.get(key)
        if found is not None:
            return found
        officer = self.officer(key)
        if officer is None:
            size = len(_SCOPES)
            found = CombinationDecision(
                (RosterStatus.NOT_ON_DUTY,) * size, (_BEFORE_TERM,) * size, ((_BEFORE_TERM,),) * size, (-1,) * size,
                (_BEFORE_TERM_TEXT,) * size,
            )
        else:
            best: list[tuple[RosterStatus, str, tuple[str, ...], Text | None, int]] = []
            for index, agreement in enumerate(self.agreements):
                decision = check_coverage(officer, agreement, on=self.on, incident=self.incident, rules=self.rules)
                self.receipts.append(decision.receipt)
                for number, scope in enumerate(_SCOPES):
                    status, code, codes, text = _decisive(decision, scope)
                    candidate = (status, code, codes, text, -1 if agreement is None else index)
                    if index == 0:
                        best.append(candidate)
                    elif _RANK[status] < _RANK[best[number][0]]:
                        best[number] = candidate
            found = CombinationDecision(
                tuple(item[0] for item in best),
                tuple(item[1] for item in best),
                tuple(item[2] for item in best),
                tuple(item[4] for item in best),
                tuple(item[3] for item in best),
            )
        self.verdicts[key] = found
        return found


def _needs_membership(incident: Incident | None) -> bool:
    """Whether the decision reads the length of membership (a JKM death: the scholarship condition)."""
    return incident is not None and incident.fatal and incident.kind is IncidentKind.DEATH_OTHER


def _membership_threshold(rules: RuleSnapshot, on: dt.date) -> dt.date:
    """The latest membership start that meets the scholarship condition by ``on``.

    The condition itself is :func:`jamsos_pemilu.claims.scholarship_membership` (computed in one
    place); this only finds, near ``on`` minus the minimum years, the last start date it accepts,
    so the roster can compare whole columns of start dates against one date.
    """
    trace = RuleTrace(rules)

    def met(start: dt.date) -> bool:
        return scholarship_membership(trace, start, on=on).met is True

    minimum = scholarship_membership(trace, None, on=on).minimum
    day: dt.date = on - relativedelta(years=minimum)
    while day < on and met(day + dt.timedelta(days=1)):
        day += dt.timedelta(days=1)
    while not met(day):
        day -= dt.timedelta(days=1)
    return day


# --------------------------------------------------------------------------- columns


_NAT: Final = -(2**63)


def _days(np: Any, values: Any) -> Any:
    """Dates as int64 days since 1970 (``NaT`` is the smallest int64), without copying when possible."""
    return np.asarray(values, dtype="datetime64[D]").view(np.int64)


def _facts(np: Any, chunk: ColumnChunk, on: dt.date, long_enough: dt.date | None) -> Any:
    """The packed facts of every officer of a chunk (int32), computed with array operations.

    term = (start ≤ day) + (end < day): 0 before the term, 1 inside, 2 after (end ≥ start);
    membership = known + (registered > day): 0 unknown, 1 on or before the date, 2 after
    (``NaT`` is the smallest int64, so it is never after the date).
    """
    day = (on - _EPOCH).days
    registered = _days(np, chunk.bpjs_registered_on)
    key = np.asarray(chunk.role, dtype=np.int32) * (_NP * len(election_keys()))
    key += np.asarray(chunk.position, dtype=np.int32) * len(election_keys())
    key += np.asarray(chunk.election, dtype=np.int32)
    key *= 3
    key += _days(np, chunk.appointment_start) <= day
    key += _days(np, chunk.appointment_end) < day
    key *= 2
    key += np.asarray(chunk.asn, dtype=np.bool_)
    key *= 4
    key += registered != _NAT
    key += registered > day
    if long_enough is not None:
        # a membership long enough for the scholarship: registered on or before the threshold (1 → 3)
        key += 2 * ((registered != _NAT) & (registered <= (long_enough - _EPOCH).days))
    return key


_EPOCH: Final = dt.date(1970, 1, 1)


@attrs.frozen(eq=False)
class _Part:
    """One chunk's share of a result: lines, facts, the dates a reason text names, and the NIKs (if any)."""

    line: Any
    facts: Any
    start: Any
    end: Any
    registered: Any
    nik: Any = None


@attrs.frozen(eq=False)
class RosterCoverage(Result):
    """Coverage decisions for every officer of a roster on one date, per scope (columnar).

    Per-officer columns are NumPy arrays in roster order: :attr:`line` (the
    officer's line in the roster), :attr:`facts` (the packed facts the decision
    rests on); :meth:`status`, :meth:`reason` and :meth:`agreement` expand them per
    scope. Counts come from the number of officers per combination of facts,
    taken while deciding, without touching officers again.
    """

    on: dt.date
    incident: Incident | None
    agreements: tuple[str | None, ...]
    parts: tuple[Any, ...] = attrs.field(repr=False)
    fact_counts: dict[int, int] = attrs.field(repr=False)
    verdicts: dict[int, CombinationDecision] = attrs.field(repr=False)
    receipt: Receipt
    errors: tuple[RosterError, ...] = ()
    _joined: dict[str, Any] = attrs.field(factory=dict, init=False, repr=False)

    def __len__(self) -> int:
        return sum(self.fact_counts.values())

    def _join(self, name: str, dtype: Any) -> Any:
        """A per-chunk column as one array, joined on first use (deciding never needs it)."""
        found = self._joined.get(name)
        if found is None:
            np = _numpy()
            values = [getattr(p, name) for p in self.parts]
            found = self._joined[name] = np.concatenate(values) if values else np.array([], dtype=dtype)
        return found

    @property
    def line(self) -> NDArray[np.int64]:
        """Each officer's line in the roster (the header is line 1)."""
        return self._join("line", "int64")  # type: ignore[no-any-return]

    @property
    def facts(self) -> NDArray[np.int32]:
        """Each officer's packed facts (the key of the decision)."""
        return self._join("facts", "int32")  # type: ignore[no-any-return]

    @property
    def _offsets(self) -> Any:
        found = self._joined.get("_offsets")
        if found is None:
            np = _numpy()
            found = self._joined["_offsets"] = np.cumsum([0, *(p.facts.shape[0] for p in self.parts)])
        return found

    def _locate(self, row: int) -> tuple[_Part, int]:
        np = _numpy()
        index = int(np.searchsorted(self._offsets, row, side="right")) - 1
        return self.parts[index], row - int(self._offsets[index])

    def _nik(self, row: int) -> str | None:
        part, offset = self._locate(row)
        if part.nik is None:
            return None
        value = part.nik[offset]
        value = value.as_py() if hasattr(value, "as_py") else value
        return None if value is None else mask_nik(str(value))

    @property
    def has_nik(self) -> bool:
        """Whether the roster carried NIKs (the exports then hold them masked)."""
        return bool(self.parts) and all(p.nik is not None for p in self.parts)

    # ---- tables indexed by fact code
    def _table(self, scope: Scope, what: str) -> tuple[Any, tuple[str, ...]]:
        np = _numpy()
        number = _SCOPES.index(scope)
        size = int(self.facts.max()) + 1 if self.facts.size else 1
        if what == "status":
            table = np.zeros(size, dtype=np.uint8)
            for key, verdict in self.verdicts.items():
                if key < size:
                    table[key] = _STATUS_CODE[verdict.status[number]]
            return table, tuple(status.value for status in ROSTER_STATUSES)
        if what == "agreement":
            table = np.full(size, -1, dtype=np.int16)
            for key, verdict in self.verdicts.items():
                if key < size:
                    table[key] = verdict.agreement[number]
            return table, ()
        codes = self.reason_codes
        index = {code: position for position, code in enumerate(codes)}
        table = np.zeros(size, dtype=np.uint16)
        for key, verdict in self.verdicts.items():
            if key < size:
                table[key] = index[verdict.reason[number]]
        return table, codes

    @property
    def reason_codes(self) -> tuple[str, ...]:
        """Every decisive reason code in the result, sorted: the reason arrays index into it."""
        return tuple(sorted({code for verdict in self.verdicts.values() for code in verdict.reason}))

    def status_codes(self, scope: Scope) -> NDArray[np.uint8]:
        """Per officer, the status of ``scope`` as an index into :data:`ROSTER_STATUSES`."""
        table, _ = self._table(scope, "status")
        return table[self.facts]  # type: ignore[no-any-return]

    def status(self, scope: Scope) -> NDArray[Any]:
        """Per officer, the status of ``scope`` as text (``covered``, ``not_covered``...)."""
        np = _numpy()
        labels = np.array([status.value for status in ROSTER_STATUSES], dtype=object)
        return labels[self.status_codes(scope)]  # type: ignore[no-any-return]

    def reason(self, scope: Scope) -> NDArray[Any]:
        """Per officer, the code of the reason that decides ``scope``."""
        np = _numpy()
        table, codes = self._table(scope, "reason")
        return np.array(codes, dtype=object)[table[self.facts]]  # type: ignore[no-any-return]

    def agreement(self, scope: Scope) -> NDArray[Any]:
        """Per officer, the agreement that gave the decision of ``scope`` (``None``: none)."""
        np = _numpy()
        table, _ = self._table(scope, "agreement")
        names_ = np.array([*self.agreements, None], dtype=object)
        return names_[table[self.facts]]  # type: ignore[no-any-return]

    # ---- counts from the facts
    def _fact_counts(self) -> dict[int, int]:
        return self.fact_counts

    def counts(self, scope: Scope, by: str = "status") -> dict[str, int]:
        """Officers per status (``by="status"``) or per decisive reason (``by="reason"``) of ``scope``.

        Raises:
            InputError: for another ``by``.

        """
        if by not in ("status", "reason"):
            raise InputError(f"by: expected 'status' or 'reason', got {by!r}")
        number = _SCOPES.index(scope)
        found: dict[str, int] = {}
        for key, count in self._fact_counts().items():
            verdict = self.verdicts[key]
            label = verdict.status[number].value if by == "status" else verdict.reason[number]
            found[label] = found.get(label, 0) + count
        if by == "status":
            return {s.value: found[s.value] for s in ROSTER_STATUSES if s.value in found}
        return dict(sorted(found.items(), key=lambda item: (-item[1], item[0])))

    def counts_by_role(self, scope: Scope) -> dict[str, dict[str, int]]:
        """Officers per role and status of ``scope`` (roles in code order)."""
        number = _SCOPES.index(scope)
        found: dict[str, dict[str, int]] = {}
        per_role = 4 * 2 * 3 * len(election_keys()) * _NP
        for key, count in sorted(self._fact_counts().items()):
            role = ROLE_CODES[key // per_role].value
            status = self.verdicts[key].status[number].value
            row = found.setdefault(role, {})
            row[status] = row.get(status, 0) + count
        return found

    # ---- the officers to look at
    def problems(self, scope: Scope | None = None) -> list[dict[str, object]]:
        """The officers not covered or uncertain (in ``scope``, or in any scope), one record per officer and scope.

        Each record has the line, the masked NIK (``None`` when the roster
        carried no NIKs), role, position, scope, status, the deciding reason code
        and text (id and en), every reason code, and the agreement.
        """
        np = _numpy()
        scopes = _SCOPES if scope is None else (scope,)
        bad = (_STATUS_CODE[RosterStatus.NOT_COVERED], _STATUS_CODE[RosterStatus.UNCERTAIN])
        catalogue = reason_catalogue()
        out: list[dict[str, object]] = []
        for chosen in scopes:
            number = _SCOPES.index(chosen)
            codes = self.status_codes(chosen)
            rows = np.flatnonzero(np.isin(codes, bad))
            for row in rows.tolist():
                key = int(self.facts[row])
                verdict = self.verdicts[key]
                code = verdict.reason[number]
                text = verdict.texts[number]
                if text is None and code in catalogue:
                    text = self._officer_text(code, row)
                rest = key // (4 * 2 * 3 * len(election_keys()))
                agreement = verdict.agreement[number]
                out.append(
                    {
                        "line": int(self.line[row]),
                        "nik": self._nik(row),
                        "role": ROLE_CODES[rest // _NP].value,
                        "position": POSITION_CODES[rest % _NP].value,
                        "scope": chosen.value,
                        "status": verdict.status[number].value,
                        "reason": code,
                        "text": None if text is None else text.id,
                        "text_en": None if text is None else text.en,
                        "reasons": "; ".join(verdict.reasons[number]),
                        "agreement": None if agreement < 0 else self.agreements[agreement],
                    }
                )
        out.sort(key=lambda record: (int(record["line"]), _SCOPES.index(Scope(record["scope"]))))  # type: ignore[call-overload]
        return out

    def _officer_text(self, code: str, row: int) -> Text | None:
        """The text of a reason filled with the officer's own term or registration date."""
        spec = reason_catalogue()[code]
        args: dict[str, Any] = {}
        part, offset = self._locate(row)
        if "term" in spec.placeholders and part.start is not None:
            args["term"] = Period(_date(part.start[offset]), _date(part.end[offset]))
        if "registered" in spec.placeholders and part.registered is not None:
            args["registered"] = _date(part.registered[offset])
        if set(args) != set(spec.placeholders):
            return None
        return reason_catalogue().reason(code, **args).text

    # ---- export
    def columns(self) -> dict[str, Any]:
        """The per-officer columns as NumPy arrays: line, role, position, then status, reason and agreement per scope."""
        np = _numpy()
        rest = self.facts // (4 * 2 * 3 * len(election_keys()))
        roles = np.array([role.value for role in ROLE_CODES], dtype=object)
        positions = np.array([position.value for position in POSITION_CODES], dtype=object)
        columns: dict[str, Any] = {
            "line": self.line,
            "role": roles[rest // _NP],
            "position": positions[rest % _NP],
        }
        if self.has_nik:
            columns["nik"] = np.array([self._nik(row) for row in range(len(self))], dtype=object)
        for scope in _SCOPES:
            columns[f"{scope.value}_status"] = self.status(scope)
            columns[f"{scope.value}_reason"] = self.reason(scope)
            if scope is not Scope.SANTUNAN:
                columns[f"{scope.value}_agreement"] = self.agreement(scope)
        return columns

    def to_pandas(self) -> Any:
        """One row per officer (NIK masked), as a pandas DataFrame."""
        import pandas as pd  # an optional extra, imported when used

        return pd.DataFrame(self.columns())

    def to_arrow(self) -> Any:
        """One row per officer (NIK masked), as an Arrow table (statuses and reasons dictionary-encoded)."""
        import pyarrow as pa  # an optional extra, imported when used

        arrays = {}
        for name, values in self.columns().items():
            array = pa.array(values.tolist() if values.dtype == object else values)
            if name.endswith(("_status", "_reason", "_agreement")) or name in ("role", "position"):
                array = array.dictionary_encode()
            arrays[name] = array
        return pa.table(arrays)

    def to_csv(self, target: str | Path | io.TextIOBase, *, problems_only: bool = False) -> None:
        """Write the result as CSV: every officer, or (``problems_only``) the :meth:`problems` list."""
        rows: Iterable[dict[str, object]]
        if problems_only:
            header: Sequence[str] = (
                "line", "nik", "role", "position", "scope", "status", "reason", "text", "text_en", "reasons",
                "agreement",
            )
            rows = self.problems()
        else:
            columns = self.columns()
            header = list(columns)
            rows = (dict(zip(header, values, strict=True)) for values in zip(*(columns[n].tolist() for n in header),
                                                                             strict=True))
        if isinstance(target, str | Path):
            with Path(target).open("w", encoding="utf-8", newline="") as handle:
                _write_csv(handle, header, rows)
        else:
            _write_csv(target, header, rows)

    # ---- the protocol
    def _render(self, lang: Language) -> str:
        nothing = _NO_AGREEMENT.render(lang)
        agreements = ", ".join(a or nothing for a in self.agreements) or nothing
        head = _HEAD.render(lang)
        lines = [f"{head}: {format_number(len(self), lang)} {_OFFICERS.render(lang)}, "
                 f"{format_date(self.on, lang)} ({agreements})"]
        rows = []
        for scope in _SCOPES:
            counts = self.counts(scope)
            rows.append([scope.text.render(lang), *(format_number(counts.get(s.value, 0), lang) for s in ROSTER_STATUSES)])
        lines.append(render_table([_SCOPE.render(lang), *(s.text.render(lang) for s in ROSTER_STATUSES)], rows,
                                  right=[1, 2, 3, 4]))
        for scope in _SCOPES:
            lines.append(f"  {scope.text.render(lang)}:")
            for code, n in self.counts(scope, by="reason").items():
                lines.append(f"    {format_number(n, lang)} × {_reason_gist(code, lang)}")
        if self.errors:
            lines.append(Text(id=f"{len(self.errors)} baris daftar bermasalah (tidak diputuskan).",
                              en=f"{len(self.errors)} roster rows have errors (not decided).").render(lang))
        lines.extend(w.render(lang) for w in self.receipt.warnings())
        return "\n".join(lines)

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON: the counts per scope, status, reason and role (not the per-officer columns)."""
        return {
            "kind": "roster_coverage",
            "on": self.on.isoformat(),
            "incident": None if self.incident is None else self.incident.to_dict(),
            "agreements": list(self.agreements),
            "officers": len(self),
            "counts": {
                scope.value: {
                    "status": self.counts(scope),
                    "reason": self.counts(scope, by="reason"),
                    "role": self.counts_by_role(scope),
                }
                for scope in _SCOPES
            },
            "errors": [str(error) for error in self.errors],
            "receipt": self.receipt.to_dict(),
        }

    def records(self) -> list[dict[str, object]]:
        """One flat dict per scope, role, status and deciding reason with its count, for a DataFrame."""
        number_of = {scope: _SCOPES.index(scope) for scope in _SCOPES}
        per_role = 4 * 2 * 3 * len(election_keys()) * _NP
        found: dict[tuple[str, str, str, str], int] = {}
        for key, count in self._fact_counts().items():
            verdict = self.verdicts[key]
            role = ROLE_CODES[key // per_role].value
            for scope, number in number_of.items():
                label = (scope.value, role, verdict.status[number].value, verdict.reason[number])
                found[label] = found.get(label, 0) + count
        return [
            {"on": self.on.isoformat(), "scope": scope, "role": role, "status": status, "reason": reason,
             "officers": count}
            for (scope, role, status, reason), count in sorted(found.items())
        ]


def _date(value: Any) -> dt.date:
    return dt.date.fromisoformat(str(value)[:10])


def _write_csv(handle: io.TextIOBase, header: Sequence[str], rows: Iterable[dict[str, object]]) -> None:
    writer = csv.DictWriter(handle, fieldnames=list(header))
    writer.writeheader()
    for row in rows:
        writer.writerow({name: "" if row.get(name) is None else row.get(name) for name in header})


_HEAD: Final = Text(id="Kepesertaan seluruh daftar", en="Whole-roster coverage")
_NO_AGREEMENT: Final = Text(id="tanpa perjanjian", en="no agreement")
_PLACEHOLDER: Final = re.compile(r"\{[a-z_]+\}")


def _reason_gist(code: str, lang: Language) -> str:
    """A reason's text for a count of officers: its template with each officer's own details left as ``…``."""
    catalogue = reason_catalogue()
    if code not in catalogue:  # a reason the decision rules add without a catalogue entry: shown as is
        return code
    return _PLACEHOLDER.sub("…", catalogue[code].template.render(lang))
_OFFICERS: Final = Text(id="petugas", en="officers")
_SCOPE: Final = Text(id="Cakupan", en="Scope")


def _agreements(agreements: Agreement | Sequence[Agreement] | None) -> tuple[Agreement | None, ...]:
    if agreements is None:
        return (None,)
    if isinstance(agreements, Agreement):
        return (agreements,)
    if isinstance(agreements, str) or not isinstance(agreements, Iterable):
        raise InputError(f"agreements: expected an Agreement, a sequence of them or None, got {agreements!r}")
    chosen = tuple(agreements)
    if not chosen:
        raise InputError("agreements: give at least one agreement, or None for no agreement")
    for item in chosen:
        if not isinstance(item, Agreement):
            raise InputError(f"agreements: expected Agreement values, got {type(item).__name__}")
    ids = [item.id for item in chosen]
    if len(set(ids)) != len(ids):
        raise InputError(f"agreements: an agreement is listed twice in {', '.join(ids)}")
    return chosen


def _is_chunk(value: object) -> bool:
    return all(hasattr(value, name) for name in _CHUNK_FIELDS)


def _chunks(roster: object) -> Iterator[ColumnChunk]:
    """Roster chunks from chunks, one chunk, or any source :func:`~jamsos_pemilu.rosters.read_columns` reads."""
    if _is_chunk(roster):
        yield roster  # type: ignore[misc]
        return
    if isinstance(roster, list | tuple) or (isinstance(roster, Iterator) and not hasattr(roster, "read")):
        for chunk in roster:
            if not _is_chunk(chunk):
                raise InputError(f"roster: expected roster chunks (RosterChunk), got {type(chunk).__name__}")
            yield chunk
        return
    yield from read_columns(roster, on_error="collect")


def check_roster_coverage(
    roster: object,
    agreements: Agreement | Sequence[Agreement] | None,
    *,
    on: dt.date,
    incident: Incident | None = None,
    rules: RuleSnapshot | None = None,
) -> RosterCoverage:
    """Decide coverage for every officer of a roster on ``on`` (or for an incident on it), per scope.

    Args:
        roster: roster chunks (:class:`~jamsos_pemilu.rosters.RosterChunk`, from
            :func:`~jamsos_pemilu.rosters.read_columns` or :func:`roster_chunk`), one
            chunk, or any source ``read_columns`` reads (read with ``on_error="collect"``;
            bad rows are reported in :class:`RosterCoverage.errors <RosterCoverage>`, not decided).
        agreements: the agreement(s) said to cover the officers, or ``None`` (registration only).
        on: the date asked about; with an incident, the incident's date.
        incident: what happened, applied to every officer (a what-if: "had each
            officer died of illness on this date").
        rules: the rules in force on ``on`` (default: the shipped rule book).

    Returns:
        A :class:`RosterCoverage`.

    Raises:
        InputError: bad arguments, an incident on another date, a snapshot of another date.
        RuleNotInForceError: a date outside the rule data.

    >>> import datetime as dt
    >>> chunk = roster_chunk(role=["pps"], position=["ketua"], election="pemilu_2024",
    ...                      appointment_start="2023-01-17", appointment_end="2024-04-04")
    >>> check_roster_coverage(chunk, None, on=dt.date(2024, 2, 14)).reason(Scope.JKK).tolist()
    ['no_agreement']
    """
    np = _numpy()
    if isinstance(on, dt.datetime) or not isinstance(on, dt.date):
        raise InputError(f"on: expected a datetime.date, got {type(on).__name__}")
    if incident is not None and not isinstance(incident, Incident):
        raise InputError(f"incident: expected an Incident or None, got {type(incident).__name__}")
    if incident is not None and incident.on != on:
        raise InputError(f"incident: it happened on {incident.on.isoformat()}, but on is {on.isoformat()}")
    chosen = _agreements(agreements)
    snapshot = snapshot_for(rules, on, what="coverage decisions over a roster")
    decider = _Decider(chosen, on, incident, snapshot)
    parts: list[_Part] = []
    counts: dict[int, int] = {}
    errors: list[RosterError] = []
    for chunk in _chunks(roster):
        errors.extend(getattr(chunk, "errors", ()))
        line = np.asarray(chunk.line, dtype=np.int64)
        if not line.shape[0]:
            continue
        key = _facts(np, chunk, on, decider.long_enough)
        found = np.bincount(key)
        present = np.flatnonzero(found)
        for code, count in zip(present.tolist(), found[present].tolist(), strict=True):
            decider.verdict(code)
            counts[code] = counts.get(code, 0) + count
        # Keep the dates only where a reason text will name them (a term that has ended, a late
        # registration): a national roster then holds little more than its lines and facts.
        codes = present.tolist()
        ended = any((code // 8) % 3 == _TERM_AFTER for code in codes)
        late = any(code % 4 == _REG_AFTER for code in codes)
        parts.append(
            _Part(
                line,
                key,
                chunk.appointment_start if ended else None,
                chunk.appointment_end if ended else None,
                chunk.bpjs_registered_on if late else None,
                getattr(chunk, "nik", None),
            )
        )
    receipts = decider.receipts or [RuleTrace(snapshot).receipt()]
    return RosterCoverage(
        on=on,
        incident=incident,
        agreements=tuple(None if a is None else a.id for a in chosen),
        parts=tuple(parts),
        fact_counts=counts,
        verdicts=decider.verdicts,
        receipt=Receipt.merge(receipts),
        errors=tuple(errors),
    )


def roster_chunk(
    *,
    role: Sequence[str] | str,
    position: Sequence[str] | str,
    election: Sequence[str] | str,
    appointment_start: Sequence[str] | str,
    appointment_end: Sequence[str] | str,
    asn: Sequence[bool] | bool = False,
    bpjs_registered_on: Sequence[str | None] | str | None = None,
    wage: Sequence[int | None] | int | None = None,
    line: Sequence[int] | None = None,
    rule_book: RuleBook | None = None,
) -> RosterChunk:
    """A :class:`~jamsos_pemilu.rosters.RosterChunk` from plain values (for examples, tests and what-ifs).

    A single value is repeated for every officer; the number of officers is the
    length of the longest sequence. Codes are parsed as people type them. A
    missing wage is the honorarium of the election, role and position in force on
    the first day of the appointment, as a roster file's blank wage is (so the
    rules span dates: ``rule_book``, default the shipped one).

    Raises:
        InputError: sequences of different lengths, an unknown code, or no
            honorarium for a missing wage.

    >>> roster_chunk(role=["kpps", "PTPS"], position=["anggota", "petugas"], election="Pemilu 2024",
    ...              appointment_start="2024-01-25", appointment_end="2024-02-25").role.tolist()
    [5, 15]
    """
    np = _numpy()
    values: dict[str, Any] = {
        "role": role, "position": position, "election": election, "appointment_start": appointment_start,
        "appointment_end": appointment_end, "asn": asn, "bpjs_registered_on": bpjs_registered_on, "wage": wage,
    }
    lengths = {len(v) for v in values.values() if isinstance(v, list | tuple)}
    if len(lengths) > 1:
        raise InputError(f"roster_chunk: the columns have different lengths {sorted(lengths)}")
    size = lengths.pop() if lengths else 1

    def column(name: str) -> list[Any]:
        value = values[name]
        return list(value) if isinstance(value, list | tuple) else [value] * size

    keys = election_keys()
    roles = [ROLE_CODES.index(Role.parse(text)) for text in column("role")]
    positions = [POSITION_CODES.index(Position.parse(text)) for text in column("position")]
    for index, (role_code, position_code) in enumerate(zip(roles, positions, strict=True)):
        if POSITION_CODES[position_code] not in ROLE_CODES[role_code].positions:
            raise InputError(
                f"roster_chunk: position {POSITION_CODES[position_code].value!r} of row {index} is not a position "
                f"of {ROLE_CODES[role_code].value!r}"
            )
    elections = [keys.index(find_election(text).key) for text in column("election")]
    registered = ["NaT" if text is None else text for text in column("bpjs_registered_on")]
    book = rule_book or default_rule_book()
    wages: list[int] = []
    for given, role_code, position_code, election_code, start in zip(
        column("wage"), roles, positions, elections, column("appointment_start"), strict=True
    ):
        if given is not None:
            wages.append(int(given))
            continue
        role_, position_ = ROLE_CODES[role_code], POSITION_CODES[position_code]
        try:
            value = find_election(keys[election_code]).honorarium(
                role_, position_, rules=book.on(dt.date.fromisoformat(str(start)))
            )
        except (UnknownParameterError, RuleNotInForceError) as error:
            raise InputError(
                f"wage: none given for {role_.abbreviation} {position_.value}, and no honorarium on {start}: {error}"
            ) from None
        wages.append(value.rupiah.amount)
    return RosterChunk(
        source="<roster_chunk>",
        line=np.arange(2, size + 2, dtype=np.int64) if line is None else np.asarray(line, dtype=np.int64),
        role=np.array(roles, dtype=np.uint8),
        position=np.array(positions, dtype=np.uint8),
        election=np.array(elections, dtype=np.uint8),
        wage=np.array(wages, dtype=np.int64),
        appointment_start=np.array(column("appointment_start"), dtype="datetime64[D]"),
        appointment_end=np.array(column("appointment_end"), dtype="datetime64[D]"),
        asn=np.array(column("asn"), dtype=np.bool_),
        bpjs_registered_on=np.array(registered, dtype="datetime64[D]"),
    )
