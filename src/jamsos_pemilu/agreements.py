"""Perjanjian kerja sama (cooperation agreements): who covers which officers, and how.

Election officers are registered with BPJS Ketenagakerjaan through local
agreements: a PKS (*perjanjian kerja sama*, cooperation agreement), an MoU
(*nota kesepahaman*), a *surat edaran* (circular), or sometimes only a reported
card handover (*penyerahan kartu*). No national KPU–BPJS agreement was found for
2023–2024, so each :class:`Agreement` records one local arrangement as the
reports describe it: its parties and their parts, the programmes (JKK, JKM),
the coverage scheme, the payer and budget, and one :class:`Cohort` per group of
officers with its own headcount and coverage period (terms differ by role).

**Unknown stays unknown.** Where a report does not say something, the field is
``None`` or empty; the library never fills it with a likely value. An empty
``roles`` set means the report did not say which roles a headcount counts.

**Disputed stays visible.** A period the report states but that is probably a
misprint stays as reported; the probable reading sits beside it in
:class:`Cohort.period_readings <Cohort>` (an :class:`~jamsos_pemilu.readings.Alternative`
with its reason), and budgets and coverage decisions show the result under each.

**Not every person counted is an ad hoc officer.** Commissioners and the
permanent secretariat staff of KPU or Bawaslu, when a report counts them in a
cohort, are recorded in :class:`Cohort.others <Cohort>` (:class:`OtherPersonnel`), not as
ad hoc roles.

**Impossible is refused, suspicious is flagged.** Building an agreement checks
it and raises :class:`~jamsos_pemilu.exceptions.AgreementError` listing *every*
problem, each written ``"<path>: <what is wrong>"`` (for example
``"cohorts[1].headcount: ..."``); the checks are in
:mod:`jamsos_pemilu.agreement_checks`. :meth:`Agreement.warnings` lists what is
possible but suspicious (totals that do not add up, no payer, overlapping
cohorts...). :mod:`jamsos_pemilu.coverage` compares the cohorts of several
agreements for the same place; :mod:`jamsos_pemilu.serialization` loads them.

>>> import datetime as dt
>>> from jamsos_pemilu.institutions import AdministrativeLevel, BpjsOffice, Institution, PartyRole
>>> from jamsos_pemilu.roles import Role
>>> from jamsos_pemilu.schemes import Programme
>>> bpjs = Party(Institution.bpjs("Tanjungpinang"), {PartyRole.PROVIDER})
>>> kpu = Party(Institution.kpu("Bintan", AdministrativeLevel.REGENCY))
>>> agreement = Agreement(
...     id="example",
...     title="Contoh PKS",
...     kind=AgreementKind.PKS,
...     elections=("pemilu_2024",),
...     parties=(kpu, bpjs),
...     programmes={Programme.JKK, Programme.JKM},
...     cohorts=(Cohort({Role.KPPS}, headcount=3472), Cohort({Role.KETERTIBAN_TPS}, headcount=992)),
...     reported_total=4464,
... )
>>> agreement.total_headcount
4464
>>> agreement.provider.institution.name
'BPJS Ketenagakerjaan Tanjungpinang'
>>> [w.render("en") for w in agreement.warnings()][:1]
['no payer is reported']
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Final, TypeVar

import attrs

from jamsos_pemilu import agreement_checks
from jamsos_pemilu._privacy import redact_niks
from jamsos_pemilu.codes import parse_code
from jamsos_pemilu.exceptions import AgreementError, InputError
from jamsos_pemilu.institutions import Institution, PartyRole
from jamsos_pemilu.l10n import Text
from jamsos_pemilu.money import Rupiah
from jamsos_pemilu.periods import Period
from jamsos_pemilu.readings import Alternative, OtherOutcome
from jamsos_pemilu.roles import Body, Position, Role
from jamsos_pemilu.schemes import BudgetSource, NonWageEarner, Programme, Scheme, WageEarner

__all__ = [
    "Agreement",
    "AgreementKind",
    "Cohort",
    "OtherPersonnel",
    "Party",
    "Payer",
    "Placement",
    "Statement",
]

_E = TypeVar("_E", bound=enum.Enum)
_R = TypeVar("_R")
_ID: Final = re.compile(r"^[a-z0-9][a-z0-9_\-]*$")
_URL: Final = re.compile(r"^https?://\S+$")
_REPORT_FILE: Final = re.compile(r"^[\w.\-]+\.txt$")


def _masked_repr(self: object) -> str:
    """The attrs repr, with every NIK-like run of digits masked: a NIK typed into an id, a name or a note never shows whole."""
    fields: tuple[attrs.Attribute[object], ...] = attrs.fields(type(self))  # type: ignore[arg-type]
    shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in fields if f.repr)
    return redact_niks(f"{type(self).__name__}({shown})")


class AgreementKind(enum.Enum):
    """The instrument an agreement was made with."""

    PKS = "pks"
    """*Perjanjian kerja sama*: a cooperation agreement (binding, with a payer)."""
    MOU = "mou"
    """*Nota kesepahaman* / memorandum of understanding."""
    SURAT_EDARAN = "surat_edaran"
    """A circular letter instructing registration."""
    CARD_HANDOVER = "card_handover"
    """Only a handover of membership cards was reported, not a signing."""

    @classmethod
    def parse(cls, text: str) -> AgreementKind:
        """Parse ``"PKS"``, ``"perjanjian kerjasama"``, ``"nota kesepahaman"``, ``"SE"``...

        Raises:
            UnknownCodeError: naming the accepted values.

        >>> AgreementKind.parse("Nota Kesepahaman")
        <AgreementKind.MOU: 'mou'>

        """
        return parse_code(cls, "agreement kind", text, _KIND_ALIASES)


_KIND_ALIASES: Final = {
    "perjanjian kerja sama": AgreementKind.PKS,
    "perjanjian kerjasama": AgreementKind.PKS,
    "nota kesepahaman": AgreementKind.MOU,
    "memorandum of understanding": AgreementKind.MOU,
    "se": AgreementKind.SURAT_EDARAN,
    "penyerahan kartu": AgreementKind.CARD_HANDOVER,
}


class OtherPersonnel(enum.Enum):
    """People a cohort counts who are not members of an ad hoc body.

    Coverage decisions (:func:`jamsos_pemilu.eligibility.check_coverage`) are
    made for ad hoc officers only (an :class:`~jamsos_pemilu.officers.Officer`
    holds an ad hoc role), so none is made for these people. They are counted
    in the cohort's headcount, and budgets price the whole headcount on the
    cohort's basis (its reported wage, else the honorarium of its ad hoc
    roles) with a note saying so: their own pay is not in the rule data.
    """

    COMMISSIONER = "commissioner"
    """*Komisioner*: a member of the KPU or Bawaslu commission (regency level and up), a state official."""
    SECRETARIAT_STAFF = "secretariat_staff"
    """The permanent secretariat staff of a KPU or Bawaslu office (*pekerja staf*), ASN or not."""

    @property
    def text(self) -> Text:
        """The group's name in both languages."""
        return _OTHER_TEXT[self]

    @classmethod
    def parse(cls, text: str) -> OtherPersonnel:
        """Parse ``"komisioner"``, ``"staf sekretariat"``...

        Raises:
            UnknownCodeError: naming the accepted values.

        >>> OtherPersonnel.parse("Komisioner")
        <OtherPersonnel.COMMISSIONER: 'commissioner'>
        """
        return parse_code(cls, "other personnel", text, _OTHER_ALIASES)


_OTHER_TEXT: Final = {
    OtherPersonnel.COMMISSIONER: Text(id="Komisioner", en="commissioners"),
    OtherPersonnel.SECRETARIAT_STAFF: Text(id="Staf sekretariat (tetap)", en="permanent secretariat staff"),
}
_OTHER_ALIASES: Final = {
    "komisioner": OtherPersonnel.COMMISSIONER,
    "staf sekretariat": OtherPersonnel.SECRETARIAT_STAFF,
    "pekerja staf": OtherPersonnel.SECRETARIAT_STAFF,
}


def _frozen_set(value: Iterable[_E | str], cls: type[_E], parse: Callable[[str], _E], what: str) -> frozenset[_E]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InputError(f"{what}: expected a collection of {cls.__name__} values, got {value!r}")
    return frozenset(item if isinstance(item, cls) else parse(item) for item in value)  # type: ignore[arg-type]


def _roles(value: Iterable[Role | str]) -> frozenset[Role]:
    return _frozen_set(value, Role, Role.parse, "roles")


def _positions(value: Iterable[Position | str]) -> frozenset[Position]:
    return _frozen_set(value, Position, Position.parse, "positions")


def _others(value: Iterable[OtherPersonnel | str]) -> frozenset[OtherPersonnel]:
    return _frozen_set(value, OtherPersonnel, OtherPersonnel.parse, "others")


def _parts(value: Iterable[PartyRole | str]) -> frozenset[PartyRole]:
    return _frozen_set(value, PartyRole, PartyRole.parse, "parts")


def _programmes(value: Iterable[Programme | str]) -> frozenset[Programme]:
    return _frozen_set(value, Programme, Programme.parse, "programmes")


def _sequence(value: object, what: str) -> tuple[object, ...]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InputError(f"{what}: expected a sequence, got {value!r}")
    return tuple(value)


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return _sequence(value, "text fields")  # type: ignore[return-value]


@attrs.frozen(repr=False)
class Party:
    """An institution that took part in an agreement, and its part(s).

    Args:
        institution: the institution.
        parts: what it did (employer, payer, provider, witness...); empty = it
            was a party but the report does not say in what capacity.
        signatory: who signed for, or represented, the institution, as
            reported (a name or a title); ``None`` = not reported.

    """

    __repr__ = _masked_repr

    institution: Institution
    parts: frozenset[PartyRole] = attrs.field(default=frozenset(), converter=_parts)
    signatory: str | None = None

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.institution, Institution):
            raise InputError(f"institution: expected an Institution, got {self.institution!r}")
        if self.signatory is not None and (not isinstance(self.signatory, str) or not self.signatory.strip()):
            raise InputError(f"signatory: expected non-blank text or None, got {self.signatory!r}")


@attrs.frozen(repr=False)
class Payer:
    """Who pays the premiums and from which budget.

    Args:
        institution: the paying institution; ``None`` = not reported (or the
            officers themselves, with ``BudgetSource.SELF_PAID``).
        budget_source: the budget the money comes from; ``None`` = not reported.
        amount: the premium budget the report gives; ``None`` = not reported.
        note: what the report says, where it needs words — and why the payer
            is recorded when the report implies it rather than states it.

    Raises:
        InputError: if neither the institution nor the budget is known (use
            ``payer=None`` on the agreement instead), or the amount is negative.

    """

    __repr__ = _masked_repr

    institution: Institution | None = None
    budget_source: BudgetSource | None = None
    amount: Rupiah | None = None
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.institution is None and self.budget_source is None:
            raise InputError(
                "payer: needs its institution or its budget source; when neither is "
                "reported, leave the agreement's payer as None"
            )
        if self.institution is not None and not isinstance(self.institution, Institution):
            raise InputError(f"payer institution: expected an Institution, got {self.institution!r}")
        if self.budget_source is not None and not isinstance(self.budget_source, BudgetSource):
            raise InputError(f"payer budget_source: expected a BudgetSource, got {self.budget_source!r}")
        if self.amount is not None and (not isinstance(self.amount, Rupiah) or self.amount.amount < 0):
            raise InputError(f"payer amount: expected a non-negative Rupiah, got {self.amount!r}")


@attrs.frozen(repr=False)
class Statement:
    """Something a person said at the event, recorded as said — a claim, not a rule the library applies.

    Args:
        speaker: who said it, with the title the report gives.
        quote: the words as the report quotes them (Indonesian, verbatim).
        note: how the library reads it (for example where it goes beyond the law).

    """

    __repr__ = _masked_repr

    speaker: str
    quote: str
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        for name in ("speaker", "quote"):
            value = getattr(self, name)
            if not isinstance(value, str) or not value.strip():
                raise InputError(f"statement {name}: expected non-blank text, got {value!r}")
        if self.note is not None and (not isinstance(self.note, str) or not self.note.strip()):
            raise InputError(f"statement note: expected non-blank text or None, got {self.note!r}")


def _readings(value: Iterable[Alternative[Period]]) -> tuple[Alternative[Period], ...]:
    return _sequence(value, "period_readings")  # type: ignore[return-value]


def _parties(value: Iterable[Party]) -> tuple[Party, ...]:
    return _sequence(value, "parties")  # type: ignore[return-value]


def _cohorts(value: Iterable[Cohort]) -> tuple[Cohort, ...]:
    return _sequence(value, "cohorts")  # type: ignore[return-value]


def _statements(value: Iterable[Statement]) -> tuple[Statement, ...]:
    return _sequence(value, "statements")  # type: ignore[return-value]


@attrs.frozen(repr=False)
class Cohort:
    """A group of officers an agreement covers, with its own headcount and period.

    Args:
        roles: the ad hoc roles the group counts; empty = the report does not say.
        positions: the positions counted; empty = all positions, or not reported.
        headcount: how many people (officers and ``others``); ``None`` = not reported.
        period: the coverage period as reported; ``None`` = not reported.
        body: KPU or Bawaslu, when the report says so but not the roles (or to
            confirm them); ``None`` = not reported.
        wage: a wage the agreement reports for the group; ``None`` = the
            honorarium, or not reported.
        label: the group as the report names it (``"Linmas"``, ``"internal KPU"``).
        note: anything else the report says about the group.
        months: a coverage length in months when the report gives only a
            length and no dates (``"PTPS 1 bulan"``); ``None`` = not reported.
        others: people the group counts who are not ad hoc officers
            (commissioners, permanent secretariat staff).
        period_readings: other readings of ``period`` (a probable correction of
            a misprinted year), each with its source and reason.

    The checks that need the whole agreement (headcount not negative, positions
    the roles have, roles the election has, period inside the term) run when
    the :class:`Agreement` is built, so that all problems are reported together.

    >>> Cohort({"kpps"}, headcount=12_465).roles
    frozenset({<Role.KPPS: 'kpps'>})

    """

    __repr__ = _masked_repr

    roles: frozenset[Role] = attrs.field(default=frozenset(), converter=_roles)
    positions: frozenset[Position] = attrs.field(default=frozenset(), converter=_positions)
    headcount: int | None = None
    period: Period | None = None
    body: Body | None = None
    wage: Rupiah | None = None
    label: str | None = None
    note: str | None = None
    months: int | None = None
    others: frozenset[OtherPersonnel] = attrs.field(default=frozenset(), converter=_others)
    period_readings: tuple[Alternative[Period], ...] = attrs.field(default=(), converter=_readings)

    @property
    def bodies(self) -> frozenset[Body]:
        """The bodies whose officers the group counts (from its roles, else ``body``)."""
        found = {role.body for role in self.roles}
        if self.body is not None:
            found.add(self.body)
        return frozenset(found)

    @property
    def periods(self) -> tuple[Period | None, ...]:
        """The period as reported, then each other reading of it."""
        return (self.period, *(reading.value for reading in self.period_readings))

    def covers_role(self, role: Role, position: Position | None = None) -> bool:
        """Whether the group counts ``role`` (and ``position``, if given).

        >>> Cohort({"panwascam"}, {"ketua"}).covers_role(Role.PANWASLU_KECAMATAN, Position.ANGGOTA)
        False
        """
        if role not in self.roles:
            return False
        return position is None or not self.positions or position in self.positions

    def positions_meet(self, other: Cohort) -> bool:
        """Whether the two groups can count the same position (an empty set counts every position)."""
        return not self.positions or not other.positions or bool(self.positions & other.positions)


@attrs.frozen
class Placement:
    """Where an agreement places one role and position.

    ``cohorts`` are the groups that count it; ``unnamed`` says whether some
    group of the role's body (or of no stated body) names no roles, so the
    officer may be in it without the report saying so.
    """

    cohorts: tuple[Cohort, ...]
    unnamed: bool


@attrs.frozen(repr=False)
class Agreement:
    """One coverage arrangement between election bodies, payers and BPJS Ketenagakerjaan.

    Args:
        id: a stable identifier (lower-case letters, digits, ``-`` and ``_``).
        title: a short human title (the instrument's own title where reported).
        kind: the instrument; ``None`` = not reported (or not yet signed).
        number: the agreement's number; ``None`` = not reported.
        signed_on: the signing date; ``None`` = not reported (or nothing was signed).
        place: where it was signed or handed over; ``None`` = not reported.
        elections: election keys (``"pilkada_2024"``) the officers serve; may be empty.
        parties: the institutions taking part; at least one is BPJS Ketenagakerjaan.
        programmes: programmes covered (JKK, JKM); empty = not reported.
        scheme: wage earner or non-wage earner; ``None`` = not reported.
        payer: who pays and from which budget; ``None`` = not reported.
        term: the agreement's term; ``None`` = not reported.
        cohorts: the groups of officers covered.
        reported_total: the total headcount the report gives; ``None`` = none given.
        sources: URLs of the reports read.
        notes: what the reports say that the fields cannot hold, and conflicts.
        handed_over_on: the date membership cards or certificates were handed
            over, when the report gives that event; ``None`` = not reported.
        covers_commute: ``True`` when the report says the cover runs from
            leaving home until back home (the way to and from the duty post);
            ``None`` = the report does not say. (JKK covers the usual way to
            and from work by law either way.)
        report_files: the report texts this record is modelled on, by file
            name (the seed reports shipped in ``tests/data/seeds``).
        excerpts: the report's key sentences, quoted verbatim.
        statements: what people said at the event, recorded as claims.

    Raises:
        AgreementError: listing every problem (no BPJS party, a negative
            headcount, a cohort period outside the term, a role an election
            does not have, a position a role does not have, ...), each as
            ``"<path>: <what is wrong>"``.

    """

    __repr__ = _masked_repr

    id: str
    title: str
    kind: AgreementKind | None = None
    number: str | None = None
    signed_on: dt.date | None = None
    place: str | None = None
    elections: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    parties: tuple[Party, ...] = attrs.field(default=(), converter=_parties)
    programmes: frozenset[Programme] = attrs.field(default=frozenset(), converter=_programmes)
    scheme: Scheme | None = None
    payer: Payer | None = None
    term: Period | None = None
    cohorts: tuple[Cohort, ...] = attrs.field(default=(), converter=_cohorts)
    reported_total: int | None = None
    sources: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    notes: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    handed_over_on: dt.date | None = None
    covers_commute: bool | None = None
    report_files: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    excerpts: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    statements: tuple[Statement, ...] = attrs.field(default=(), converter=_statements)

    def __attrs_post_init__(self) -> None:
        problems = _shape_problems(self)
        problems += agreement_checks.agreement_problems(
            self,
            parties=[(i, p) for i, p in enumerate(self.parties) if isinstance(p, Party)],
            cohorts=[(i, c) for i, c in enumerate(self.cohorts) if isinstance(c, Cohort) and not _cohort_shape(c, "")],
        )
        if problems:
            raise AgreementError(str(self.id), sorted(problems, key=_problem_order))

    @property
    def provider(self) -> Party:
        """The BPJS Ketenagakerjaan party (the first one, if several)."""
        return next(p for p in self.parties if p.institution.is_bpjs)

    @property
    def total_headcount(self) -> int | None:
        """The sum of the cohorts' headcounts; ``None`` if any is unknown or there are none."""
        counts = [c.headcount for c in self.cohorts]
        if not counts or any(c is None for c in counts):
            return None
        return sum(c for c in counts if c is not None)

    @property
    def known_headcount(self) -> int:
        """The sum of the headcounts that are known (a lower bound)."""
        return sum(c.headcount for c in self.cohorts if c.headcount is not None)

    @property
    def roles(self) -> frozenset[Role]:
        """Every role some cohort counts."""
        return frozenset(role for cohort in self.cohorts for role in cohort.roles)

    @property
    def bodies(self) -> frozenset[Body]:
        """Every body (KPU, Bawaslu) whose officers some cohort counts."""
        return frozenset(body for cohort in self.cohorts for body in cohort.bodies)

    def parties_with(self, part: PartyRole) -> tuple[Party, ...]:
        """The parties playing ``part``."""
        return tuple(p for p in self.parties if part in p.parts)

    def cohorts_for(self, role: Role) -> tuple[Cohort, ...]:
        """The cohorts that count ``role``."""
        return tuple(c for c in self.cohorts if role in c.roles)

    def placement(self, role: Role, position: Position) -> Placement:
        """The cohorts counting ``role`` and ``position``, and whether some cohort's roles are unreported.

        Computed once per agreement for every role and position (agreements are
        immutable), so deciding many officers under one agreement does not
        rescan its cohorts.

        >>> from jamsos_pemilu.serialization import shipped_agreement
        >>> asahan = shipped_agreement("kab-asahan-pilkada-2024")
        >>> [c.headcount for c in asahan.placement(Role.PTPS, Position.PETUGAS).cohorts]
        [1385]

        Raises:
            InputError: ``position`` is not a position of ``role``.
        """
        found = self._placements.get((role, position))
        if found is None:
            raise InputError(f"position: {position.value!r} is not a position of {role.value!r}")
        return found

    @functools.cached_property
    def _placements(self) -> Mapping[tuple[Role, Position], Placement]:
        table: dict[tuple[Role, Position], Placement] = {}
        for role in Role:
            unnamed = any(not c.roles and (c.body is None or c.body is role.body) for c in self.cohorts)
            for position in role.positions:
                matches = tuple(c for c in self.cohorts if c.covers_role(role, position))
                table[(role, position)] = Placement(matches, unnamed)
        return table

    def with_period_reading(self, index: int, reading: int) -> Agreement:
        """The same agreement with cohort ``index``'s period read as its other reading ``reading``.

        The result's cohort has no other readings left, so a calculation on it
        does not branch again. Use it to compute a result under a disputed
        period (see :meth:`period_reading_outcomes`).

        Raises:
            InputError: no cohort ``index`` or no reading ``reading``.

        >>> from jamsos_pemilu.serialization import shipped_agreement
        >>> asahan = shipped_agreement("kab-asahan-pilkada-2024")
        >>> str(asahan.cohorts[0].period), str(asahan.with_period_reading(0, 0).cohorts[0].period)
        ('2023-11-01/2024-02-29', '2024-11-01/2025-02-28')
        """
        if type(index) is not int or not 0 <= index < len(self.cohorts):
            raise InputError(f"index: agreement {self.id!r} has {len(self.cohorts)} cohorts; no cohort {index!r}")
        cohort = self.cohorts[index]
        if type(reading) is not int or not 0 <= reading < len(cohort.period_readings):
            raise InputError(
                f"reading: cohorts[{index}] of {self.id!r} has {len(cohort.period_readings)} other readings; "
                f"no reading {reading!r}"
            )
        read = attrs.evolve(cohort, period=cohort.period_readings[reading].value, period_readings=())
        cohorts = (*self.cohorts[:index], read, *self.cohorts[index + 1 :])
        return attrs.evolve(self, cohorts=cohorts)

    def period_reading_outcomes(
        self, index: int, compute: Callable[[Agreement], _R], *, actual: _R
    ) -> tuple[OtherOutcome[Period, _R], ...]:
        """A result under each other reading of cohort ``index``'s period, where it differs from ``actual``.

        Args:
            index: the cohort.
            compute: the calculation, given the agreement under one reading.
            actual: the result under the period as reported.

        >>> from jamsos_pemilu.serialization import shipped_agreement
        >>> asahan = shipped_agreement("kab-asahan-pilkada-2024")
        >>> found = asahan.period_reading_outcomes(0, lambda a: a.cohorts[0].period.start.year, actual=2023)
        >>> [(str(o.alternative.value), o.outcome) for o in found]
        [('2024-11-01/2025-02-28', 2024)]
        """
        cohort = self.cohorts[index]
        found: list[OtherOutcome[Period, _R]] = []
        for number, reading in enumerate(cohort.period_readings):
            outcome = compute(self.with_period_reading(index, number))
            if outcome != actual:
                found.append(OtherOutcome(reading, outcome))
        return tuple(found)

    def warnings(self) -> tuple[Text, ...]:
        """What is possible but suspicious about the agreement, in both languages.

        Flags: cohort headcounts that do not add up to the reported total, no
        payer, no scheme, no programmes, no source, a cohort with no period,
        two cohorts counting the same role and position over overlapping (or
        unknown) periods, and a cohort period longer than the role's term in
        the election. See :func:`jamsos_pemilu.agreement_checks.agreement_warnings`.
        """
        return tuple(agreement_checks.agreement_warnings(self))


_PROBLEM_GROUPS: Final = {"parties": 1, "elections": 2, "cohorts": 3}
_COHORT_INDEX: Final = re.compile(r"^cohorts\[(\d+)\]")


def _problem_order(problem: str) -> tuple[int, int]:
    """Problems of the agreement's own fields first, then parties, elections and cohorts in order."""
    path = agreement_checks.problem_path(problem)
    head = re.split(r"[.\[]", path, maxsplit=1)[0]
    found = _COHORT_INDEX.match(path)
    return _PROBLEM_GROUPS.get(head, 0), int(found.group(1)) if found else 0


def _text_problem(value: object, path: str) -> list[str]:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        return [f"{path}: expected non-blank text or None"]
    return []


def _date_problem(value: object, path: str) -> list[str]:
    if value is not None and (isinstance(value, dt.datetime) or not isinstance(value, dt.date)):
        return [f"{path}: expected a date or None, got {value!r}"]
    return []


def _cohort_shape(cohort: Cohort, path: str) -> list[str]:
    problems: list[str] = []
    count = cohort.headcount
    if count is not None and (type(count) is not int or count < 0):
        problems.append(f"{path}.headcount: {count!r} is not a headcount; expected a whole number >= 0")
    if cohort.period is not None and not isinstance(cohort.period, Period):
        problems.append(f"{path}.period: expected a Period or None, got {cohort.period!r}")
    if cohort.body is not None and not isinstance(cohort.body, Body):
        problems.append(f"{path}.body: expected a Body or None, got {cohort.body!r}")
    if cohort.wage is not None and (not isinstance(cohort.wage, Rupiah) or cohort.wage.amount <= 0):
        problems.append(f"{path}.wage: a wage must be a positive Rupiah, got {cohort.wage!r}")
    months = cohort.months
    if months is not None and (type(months) is not int or months < 1):
        problems.append(f"{path}.months: {months!r} is not a number of months; expected a whole number >= 1")
    problems += _text_problem(cohort.label, f"{path}.label")
    problems += _text_problem(cohort.note, f"{path}.note")
    for index, reading in enumerate(cohort.period_readings):
        where = f"{path}.period_readings[{index}]"
        if not isinstance(reading, Alternative) or not isinstance(reading.value, Period):
            problems.append(f"{where}: expected an Alternative holding a Period, got {reading!r}")
    return problems


def _shape_problems(a: Agreement) -> list[str]:
    """Problems of type and form, found field by field (the cross-field checks need them clean)."""
    problems: list[str] = []
    if not isinstance(a.id, str) or not _ID.match(a.id):
        problems.append(f"id: {a.id!r} is not an identifier; use lower-case letters, digits, '-' and '_'")
    if not isinstance(a.title, str) or not a.title.strip():
        problems.append("title: expected non-blank text")
    if a.kind is not None and not isinstance(a.kind, AgreementKind):
        problems.append(f"kind: expected an AgreementKind or None, got {a.kind!r}")
    problems += _text_problem(a.number, "number")
    problems += _text_problem(a.place, "place")
    problems += _date_problem(a.signed_on, "signed_on")
    problems += _date_problem(a.handed_over_on, "handed_over_on")
    if a.scheme is not None and not isinstance(a.scheme, WageEarner | NonWageEarner):
        problems.append(f"scheme: expected WageEarner, NonWageEarner or None, got {a.scheme!r}")
    if a.payer is not None and not isinstance(a.payer, Payer):
        problems.append(f"payer: expected a Payer or None, got {a.payer!r}")
    if a.term is not None and not isinstance(a.term, Period):
        problems.append(f"term: expected a Period or None, got {a.term!r}")
    if a.covers_commute is not None and type(a.covers_commute) is not bool:
        problems.append(f"covers_commute: expected true, false or None, got {a.covers_commute!r}")
    total = a.reported_total
    if total is not None and (type(total) is not int or total < 0):
        problems.append(f"reported_total: {total!r} is not a headcount; expected a whole number >= 0")
    for index, url in enumerate(a.sources):
        if not isinstance(url, str) or not _URL.match(url):
            problems.append(f"sources[{index}]: {url!r} is not an http(s) URL")
    for index, name in enumerate(a.report_files):
        if not isinstance(name, str) or not _REPORT_FILE.match(name):
            problems.append(f"report_files[{index}]: {name!r} is not a report file name (name.txt)")
    for field in ("notes", "excerpts"):
        for index, text in enumerate(getattr(a, field)):
            if not isinstance(text, str) or not text.strip():
                problems.append(f"{field}[{index}]: expected non-blank text")
    for index, statement in enumerate(a.statements):
        if not isinstance(statement, Statement):
            problems.append(f"statements[{index}]: expected a Statement, got {statement!r}")
    for index, party in enumerate(a.parties):
        if not isinstance(party, Party):
            problems.append(f"parties[{index}]: expected a Party, got {party!r}")
    for index, cohort in enumerate(a.cohorts):
        if not isinstance(cohort, Cohort):
            problems.append(f"cohorts[{index}]: expected a Cohort, got {cohort!r}")
        else:
            problems += _cohort_shape(cohort, f"cohorts[{index}]")
    return problems
