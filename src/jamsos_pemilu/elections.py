"""Pemilu dan Pilkada (general and regional-head elections): calendars, roles and terms.

An :class:`Election` is one event for which ad hoc bodies are formed: the
*Pemilu* (national general election, funded from the APBN) or the *Pilkada*
(simultaneous regional-head elections, funded from regional budgets). Each
knows its voting day, key :class:`Stage` dates, the ad hoc roles it has (the
Pilkada has no overseas bodies) and each role's term of office
(*masa kerja*) where public sources report it (:class:`Term`). Terms that are
not reported are ``None``, never guessed; where sources disagree the better
supported term is kept and the other recorded in :class:`Term.disputed <Term>`.

The data ships in ``jamsos_pemilu/data/elections.toml``, every date with its
sources and a confidence status. Legal numbers (honoraria, age limits) stay in
the rule book; :meth:`Election.honorarium` and :meth:`Election.age_limits`
read them from a :class:`~jamsos_pemilu.law.RuleSnapshot`.

>>> pemilu = election("Pemilu 2024")
>>> pemilu.voting_day
datetime.date(2024, 2, 14)
>>> str(pemilu.term(Role.KPPS))
'2024-01-25/2024-02-25'
>>> pemilu.term_info(Role.KPPS).disputed[0].period.end
datetime.date(2024, 2, 23)
>>> election("pilkada_2024").has_role(Role.PPLN)
False
>>> pemilu.term(Role.PKD) is None  # not reported
True
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import tomllib
import typing
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any, Final, NamedTuple

import attrs

from jamsos_pemilu.codes import normalise
from jamsos_pemilu.exceptions import InputError, RuleDataError, UnknownCodeError
from jamsos_pemilu.l10n import Text
from jamsos_pemilu.law import names
from jamsos_pemilu.law.citations import Confidence
from jamsos_pemilu.law.parameters import RuleBook, RuleSnapshot, RuleValue
from jamsos_pemilu.periods import Period
from jamsos_pemilu.roles import Position, Role

__all__ = [
    "AgeLimits",
    "DisputedTerm",
    "Election",
    "ElectionKind",
    "Stage",
    "Term",
    "all_elections",
    "election",
    "load_elections",
]

_DATA_FILE: Final = "elections.toml"


def _role(role: Role | str) -> Role:
    return role if isinstance(role, Role) else Role.parse(role)


class ElectionKind(enum.Enum):
    """Pemilu (general election) or Pilkada (regional-head election)."""

    PEMILU = "pemilu"
    """National general election: President/VP, DPR, DPD, DPRD."""
    PILKADA = "pilkada"
    """Simultaneous regional-head election: governor, regent, mayor."""

    @property
    def text(self) -> Text:
        """The kind's name in both languages."""
        if self is ElectionKind.PEMILU:
            return Text(id="Pemilihan Umum", en="general election")
        return Text(id="Pemilihan Kepala Daerah", en="regional-head election")


@attrs.frozen
class Stage:
    """A dated stage of an election (campaign, voting day, recapitulation...).

    >>> election("pemilu_2024").stage("kampanye").period.days
    75
    """

    name: Text
    period: Period
    key: str = ""
    confidence: Confidence = Confidence.SECONDARY
    sources: tuple[str, ...] = ()
    note: str | None = None


@attrs.frozen
class DisputedTerm:
    """Another reported term of office, kept for the record but not used."""

    period: Period
    sources: tuple[str, ...]
    note: str


@attrs.frozen
class Term:
    """A role's term of office in one election, with its confidence and sources.

    ``period`` is ``None`` when no public source reports a term; ``note`` then
    says what is known (for example the swearing-in date).
    """

    role: Role
    period: Period | None
    confidence: Confidence | None
    sources: tuple[str, ...] = ()
    note: str | None = None
    disputed: tuple[DisputedTerm, ...] = ()

    @property
    def reported(self) -> bool:
        """Whether a term was reported at all."""
        return self.period is not None

    @property
    def unconfirmed(self) -> bool:
        """Whether results using this term must warn that it is not confirmed."""
        return self.confidence is Confidence.UNCONFIRMED


class AgeLimits(NamedTuple):
    """Minimum and maximum age for a role in an election; ``None`` = none reported.

    Each bound is the rule-book value, so it carries its citation.
    """

    minimum: RuleValue | None
    maximum: RuleValue | None

    def allows(self, age: int) -> bool:
        """Whether ``age`` (whole years) is within the limits reported.

        >>> import datetime as dt
        >>> from jamsos_pemilu.law import rules_on
        >>> limits = election("pemilu_2024").age_limits(Role.KPPS, rules=rules_on(dt.date(2024, 2, 14)))
        >>> limits.allows(55), limits.allows(56), limits.allows(16)
        (True, False, False)
        """
        if self.minimum is not None and age < self.minimum.integer:
            return False
        return not (self.maximum is not None and age > self.maximum.integer)


@attrs.frozen
class Election:
    """One election and its ad hoc bodies.

    Use :func:`election` to get a shipped one.
    """

    key: str
    kind: ElectionKind
    name: Text
    voting_day: dt.date
    stages: tuple[Stage, ...]
    roles: frozenset[Role]
    terms: tuple[Term, ...] = ()
    confidence: Confidence = Confidence.SECONDARY
    sources: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    regulation: str | None = None
    note: str | None = None

    def has_role(self, role: Role | str) -> bool:
        """Whether the election forms ``role`` (text is parsed).

        >>> election("pilkada_2020").has_role("kppsln")
        False
        """
        return _role(role) in self.roles

    def _require(self, role: Role | str) -> Role:
        parsed = _role(role)
        if parsed not in self.roles:
            have = ", ".join(sorted(r.value for r in self.roles))
            raise InputError(
                f"{self.name.en} ({self.key}) has no {parsed.abbreviation} ({parsed.value!r}); its roles are: {have}"
            )
        return parsed

    def term_info(self, role: Role | str) -> Term:
        """The role's :class:`Term` with confidence and sources (period ``None`` if not reported).

        Raises:
            UnknownCodeError: for unknown role text.
            InputError: if the election has no such role.

        """
        parsed = self._require(role)
        for term in self.terms:
            if term.role is parsed:
                return term
        return Term(parsed, None, None, (), "not reported in public sources")

    def term(self, role: Role | str) -> Period | None:
        """The role's term of office, or ``None`` if not reported.

        Raises:
            UnknownCodeError: for unknown role text.
            InputError: if the election has no such role.

        >>> str(election("pilkada_2020").term("PPS"))
        '2020-06-15/2021-01-31'

        """
        return self.term_info(role).period

    def stage(self, key: str) -> Stage:
        """The stage with ``key`` (``"kampanye"``, ``"pemungutan_suara"``...).

        Raises:
            UnknownCodeError: naming the stages the election has.

        """
        for stage in self.stages:
            if stage.key == key:
                return stage
        raise UnknownCodeError(f"stage of {self.key}", key, [s.key for s in self.stages])

    def honorarium(self, role: Role | str, position: Position | str, *, rules: RuleSnapshot) -> RuleValue:
        """The monthly honorarium of ``position`` in ``role`` from the rules in force on a date.

        Reads ``honorarium.<election>.<role>.<position>`` (:func:`jamsos_pemilu.law.names.honorarium`)
        from ``rules``, the snapshot of the date the honorarium is about.

        Raises:
            InputError: if the election lacks the role or the role the position.
            UnknownParameterError: if the rule book has no honorarium for it.
            RuleNotInForceError: if it is not in force on the snapshot's date.

        >>> from jamsos_pemilu.law import rules_on
        >>> election("pemilu_2024").honorarium("kpps", "anggota", rules=rules_on(dt.date(2024, 2, 14))).rupiah
        Rupiah(1100000)

        """
        parsed = self._require(role)
        chosen = parsed.check_position(position if isinstance(position, Position) else Position.parse(position))
        return _snapshot(rules)[names.honorarium(self.key, parsed, chosen)]

    def age_limits(self, role: Role | str, *, rules: RuleSnapshot) -> AgeLimits:
        """Minimum and maximum age for ``role`` in this election, from the rule book.

        Reads ``age.<election>.<role>.minimum`` and ``.maximum``. A bound the
        rule book does not hold is ``None`` (none reported); one that exists but
        is not yet in force on the snapshot's date raises.

        Raises:
            InputError: if the election lacks the role.
            RuleNotInForceError: if a bound exists but is not in force on the snapshot's date.

        >>> from jamsos_pemilu.law import rules_on
        >>> low, high = election("pemilu_2024").age_limits("kpps", rules=rules_on(dt.date(2024, 2, 14)))
        >>> low.integer, high.integer
        (17, 55)

        """
        parsed = self._require(role)
        snapshot = _snapshot(rules)
        bounds: list[RuleValue | None] = []
        for bound in typing.get_args(names.AgeBound):
            name = names.age_limit(self.key, parsed, bound)
            bounds.append(snapshot[name] if name in snapshot.book else None)
        return AgeLimits(bounds[0], bounds[1])


def _snapshot(rules: object) -> RuleSnapshot:
    if not isinstance(rules, RuleSnapshot):
        hint = " (a RuleBook: pass rule_book.on(date))" if isinstance(rules, RuleBook) else ""
        raise InputError(f"rules: expected the RuleSnapshot of a date, got {type(rules).__name__}{hint}")
    return rules


# --------------------------------------------------------------------------- loading


def _fail(file: str, key: str, reason: str) -> RuleDataError:
    return RuleDataError(file, key, reason)


def _table(raw: object, file: str, key: str) -> Mapping[str, Any]:
    if not isinstance(raw, Mapping):
        raise _fail(file, key, "must be a table")
    return raw


def _text(raw: Mapping[str, Any], name: str, file: str, key: str, *, required: bool = True) -> str | None:
    if name not in raw:
        if required:
            raise _fail(file, f"{key}.{name}", "is missing")
        return None
    value = raw[name]
    if not isinstance(value, str) or not value.strip():
        raise _fail(file, f"{key}.{name}", f"must be non-empty text, got {value!r}")
    return value


def _date(raw: Mapping[str, Any], name: str, file: str, key: str) -> dt.date:
    if name not in raw:
        raise _fail(file, f"{key}.{name}", "is missing")
    value = raw[name]
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise _fail(file, f"{key}.{name}", f"must be a TOML date (YYYY-MM-DD), got {value!r}")
    return value


def _period(raw: Mapping[str, Any], file: str, key: str) -> Period:
    start, end = _date(raw, "start", file, key), _date(raw, "end", file, key)
    if end < start:
        raise _fail(file, f"{key}.end", f"{end.isoformat()} is before start {start.isoformat()}")
    return Period(start, end)


def _sources(raw: Mapping[str, Any], file: str, key: str) -> tuple[str, ...]:
    value = raw.get("sources")
    if (
        not isinstance(value, list)
        or not value
        or not all(isinstance(url, str) and url.startswith("http") for url in value)
    ):
        raise _fail(file, f"{key}.sources", "must be a non-empty list of URLs")
    return tuple(value)


def _confidence(raw: Mapping[str, Any], file: str, key: str, note: str | None) -> Confidence:
    text = _text(raw, "status", file, key)
    assert text is not None
    try:
        confidence = Confidence.parse(text)
    except UnknownCodeError as error:
        raise _fail(file, f"{key}.status", str(error)) from None
    if confidence is Confidence.REFORM:
        raise _fail(file, f"{key}.status", "'reform' is for what-if overrides, not data")
    if confidence is Confidence.UNCONFIRMED and note is None:
        raise _fail(file, f"{key}.note", "an unconfirmed date needs a note saying why")
    return confidence


def _check_keys(raw: Mapping[str, Any], allowed: set[str], file: str, key: str) -> None:
    extra = sorted(set(raw) - allowed)
    if extra:
        raise _fail(file, f"{key}.{extra[0]}", f"unexpected key; expected one of {', '.join(sorted(allowed))}")


_ELECTION_KEYS: Final = {
    "kind",
    "name_id",
    "name_en",
    "aliases",
    "voting_day",
    "status",
    "sources",
    "regulation",
    "note",
    "roles",
    "stages",
    "terms",
}
_STAGE_KEYS: Final = {"key", "name_id", "name_en", "start", "end", "status", "sources", "note"}
_TERM_KEYS: Final = {"start", "end", "status", "sources", "note", "disputed"}
_DISPUTED_KEYS: Final = {"start", "end", "sources", "note"}


def _stage(raw: object, file: str, key: str) -> Stage:
    table = _table(raw, file, key)
    _check_keys(table, _STAGE_KEYS, file, key)
    note = _text(table, "note", file, key, required=False)
    stage_key = _text(table, "key", file, key)
    name_id = _text(table, "name_id", file, key)
    name_en = _text(table, "name_en", file, key)
    assert stage_key is not None and name_id is not None and name_en is not None
    return Stage(
        name=Text(id=name_id, en=name_en),
        period=_period(table, file, key),
        key=stage_key,
        confidence=_confidence(table, file, key, note),
        sources=_sources(table, file, key),
        note=note,
    )


def _term(role: Role, raw: object, file: str, key: str) -> Term:
    table = _table(raw, file, key)
    _check_keys(table, _TERM_KEYS, file, key)
    note = _text(table, "note", file, key, required=False)
    sources = _sources(table, file, key)
    dated = "start" in table or "end" in table
    if not dated:
        if note is None:
            raise _fail(file, f"{key}.note", "a term without dates needs a note saying what is known")
        if "status" in table or "disputed" in table:
            raise _fail(file, key, "a term without dates takes no status or disputed terms")
        return Term(role, None, None, sources, note)
    period = _period(table, file, key)
    disputed: list[DisputedTerm] = []
    raw_disputed = table.get("disputed", [])
    if not isinstance(raw_disputed, list):
        raise _fail(file, f"{key}.disputed", "must be an array of tables")
    for index, item in enumerate(raw_disputed):
        where = f"{key}.disputed[{index}]"
        other = _table(item, file, where)
        _check_keys(other, _DISPUTED_KEYS, file, where)
        other_note = _text(other, "note", file, where)
        assert other_note is not None
        disputed.append(DisputedTerm(_period(other, file, where), _sources(other, file, where), other_note))
    return Term(role, period, _confidence(table, file, key, note), sources, note, tuple(disputed))


def _election(key: str, raw: object, file: str) -> Election:
    where = f"election.{key}"
    table = _table(raw, file, where)
    _check_keys(table, _ELECTION_KEYS, file, where)
    kind_text = _text(table, "kind", file, where)
    try:
        kind = ElectionKind(kind_text)
    except ValueError:
        accepted = ", ".join(k.value for k in ElectionKind)
        raise _fail(file, f"{where}.kind", f"unknown kind {kind_text!r}; accepted: {accepted}") from None
    note = _text(table, "note", file, where, required=False)
    raw_roles = table.get("roles")
    if not isinstance(raw_roles, list) or not raw_roles:
        raise _fail(file, f"{where}.roles", "must be a non-empty list of roles")
    roles: set[Role] = set()
    for index, text in enumerate(raw_roles):
        try:
            role = Role(text)
        except ValueError:
            accepted = ", ".join(r.value for r in Role)
            raise _fail(file, f"{where}.roles[{index}]", f"unknown role {text!r}; accepted: {accepted}") from None
        if role in roles:
            raise _fail(file, f"{where}.roles[{index}]", f"role {text!r} is listed twice")
        roles.add(role)
    raw_stages = table.get("stages", [])
    if not isinstance(raw_stages, list):
        raise _fail(file, f"{where}.stages", "must be an array of tables")
    stages = tuple(_stage(item, file, f"{where}.stages[{i}]") for i, item in enumerate(raw_stages))
    seen: set[str] = set()
    for index, stage in enumerate(stages):
        if stage.key in seen:
            raise _fail(file, f"{where}.stages[{index}].key", f"stage {stage.key!r} is defined twice")
        seen.add(stage.key)
    terms: list[Term] = []
    for role_text, raw_term in _table(table.get("terms", {}), file, f"{where}.terms").items():
        term_key = f"{where}.terms.{role_text}"
        try:
            role = Role(role_text)
        except ValueError:
            raise _fail(file, term_key, f"unknown role {role_text!r}") from None
        if role not in roles:
            raise _fail(file, term_key, f"role {role_text!r} is not in {where}.roles")
        terms.append(_term(role, raw_term, file, term_key))
    raw_aliases = table.get("aliases", [])
    if not isinstance(raw_aliases, list) or not all(isinstance(a, str) and a.strip() for a in raw_aliases):
        raise _fail(file, f"{where}.aliases", "must be a list of non-empty text")
    name_id = _text(table, "name_id", file, where)
    name_en = _text(table, "name_en", file, where)
    assert name_id is not None and name_en is not None
    return Election(
        key=key,
        kind=kind,
        name=Text(id=name_id, en=name_en),
        voting_day=_date(table, "voting_day", file, where),
        stages=stages,
        roles=frozenset(roles),
        terms=tuple(terms),
        confidence=_confidence(table, file, where, note),
        sources=_sources(table, file, where),
        aliases=tuple(raw_aliases),
        regulation=_text(table, "regulation", file, where, required=False),
        note=note,
    )


def _parse(data: bytes, file: str) -> tuple[Election, ...]:
    try:
        document = tomllib.loads(data.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise _fail(file, "<file>", f"is not valid TOML: {error}") from None
    _check_keys(document, {"election"}, file, "<root>")
    raw_elections = _table(document.get("election"), file, "election")
    if not raw_elections:
        raise _fail(file, "election", "holds no elections")
    elections = tuple(_election(key, raw, file) for key, raw in raw_elections.items())
    names: dict[str, str] = {}
    for item in elections:
        for name in (item.key, *item.aliases):
            normal = normalise(name)
            if names.setdefault(normal, item.key) != item.key:
                raise _fail(file, f"election.{item.key}.aliases", f"{name!r} also names {names[normal]}")
    return elections


def load_elections(path: Path | str) -> tuple[Election, ...]:
    """Load and check an elections data file (the shipped one, or a replacement).

    Args:
        path: a TOML file with the schema of ``jamsos_pemilu/data/elections.toml``.

    Returns:
        The elections, in file order.

    Raises:
        RuleDataError: naming the file and the key of the first problem found.

    """
    file = Path(path)
    try:
        data = file.read_bytes()
    except OSError as error:
        raise _fail(str(file), "<file>", f"cannot be read: {error.strerror}") from None
    return _parse(data, file.name)


@functools.cache
def _shipped() -> tuple[Election, ...]:
    data = (resources.files("jamsos_pemilu") / "data" / _DATA_FILE).read_bytes()
    return _parse(data, _DATA_FILE)


@functools.cache
def _index() -> dict[str, Election]:
    table: dict[str, Election] = {}
    for item in _shipped():
        for name in (item.key, *item.aliases):
            table[normalise(name)] = item
    return table


def all_elections() -> tuple[Election, ...]:
    """Every shipped election, oldest first.

    >>> [e.key for e in all_elections()]
    ['pemilu_2019', 'pilkada_2020', 'pemilu_2024', 'pilkada_2024']
    """
    return tuple(sorted(_shipped(), key=lambda e: e.voting_day))


def election(key: str | Election) -> Election:
    """A shipped election by key (``"pemilu_2024"``) or name (``"Pemilu 2024"``, ``"Pilkada Serentak 2024"``).

    Raises:
        UnknownCodeError: naming the accepted keys.

    >>> election("Pilkada Serentak 2024").key
    'pilkada_2024'

    """
    if isinstance(key, Election):
        return key
    found = _index().get(normalise(key)) if isinstance(key, str) else None
    if found is None:
        raise UnknownCodeError("election", key, [e.key for e in all_elections()])
    return found
