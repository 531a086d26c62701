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

**Impossible is refused, suspicious is flagged.** Building an agreement checks
it and raises :class:`~jamsos_pemilu.exceptions.AgreementError` listing *every*
problem, each written ``"<path>: <what is wrong>"`` (for example
``"cohorts[1].headcount: ..."``). :meth:`Agreement.warnings` lists what is
possible but suspicious (totals that do not add up, no payer, overlapping
cohorts...). :func:`coverage_overlaps` and :func:`coverage_gaps` compare the
cohorts of several agreements for the same place.

>>> import datetime as dt
>>> from jamsos_pemilu.institutions import AdministrativeLevel, BpjsOffice, Institution
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
from collections.abc import Callable, Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Final, TypeVar

import attrs

from jamsos_pemilu.codes import parse_code
from jamsos_pemilu.elections import Election, election
from jamsos_pemilu.exceptions import AgreementError, InputError, JamsosError, UnknownCodeError
from jamsos_pemilu.institutions import Institution, InstitutionKind
from jamsos_pemilu.l10n import Text
from jamsos_pemilu.money import Rupiah
from jamsos_pemilu.periods import Period
from jamsos_pemilu.roles import Body, Position, Role
from jamsos_pemilu.schemes import BudgetSource, NonWageEarner, Programme, Scheme, WageEarner

__all__ = [
    "Agreement",
    "AgreementKind",
    "Cohort",
    "CohortRef",
    "CoverageOverlap",
    "Party",
    "PartyRole",
    "Payer",
    "coverage_gaps",
    "coverage_overlaps",
    "load_agreements",
    "problem_path",
    "shipped_agreement",
    "shipped_agreements",
]

_E = TypeVar("_E", bound=enum.Enum)
_ID: Final = re.compile(r"^[a-z0-9][a-z0-9_\-]*$")
_URL: Final = re.compile(r"^https?://\S+$")


def _parse(cls: type[_E], kind: str, aliases: dict[str, _E], text: object) -> _E:
    return parse_code(cls, kind, text, aliases)


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
        return _parse(cls, "agreement kind", _KIND_ALIASES, text)


_KIND_ALIASES: Final = {
    "perjanjian kerja sama": AgreementKind.PKS,
    "perjanjian kerjasama": AgreementKind.PKS,
    "nota kesepahaman": AgreementKind.MOU,
    "memorandum of understanding": AgreementKind.MOU,
    "se": AgreementKind.SURAT_EDARAN,
    "penyerahan kartu": AgreementKind.CARD_HANDOVER,
}


class PartyRole(enum.Enum):
    """The part an institution plays in an agreement."""

    EMPLOYER = "employer"
    """*Pemberi kerja*: registers the officers as its workers."""
    PAYER = "payer"
    """Pays the contributions."""
    PROVIDER = "provider"
    """Provides the coverage (BPJS Ketenagakerjaan only)."""
    WITNESS = "witness"
    """Signs as a witness."""
    ATTENDING = "attending"
    """Attended the signing without signing."""
    STATE_ATTORNEY = "state_attorney"
    """*Jaksa Pengacara Negara*: the prosecutor's office as state attorney."""

    @classmethod
    def parse(cls, text: str) -> PartyRole:
        """Parse ``"payer"``, ``"pemberi kerja"``, ``"saksi"``, ``"JPN"``...

        Raises:
            UnknownCodeError: naming the accepted values.

        """
        return _parse(cls, "party role", _PART_ALIASES, text)


_PART_ALIASES: Final = {
    "pemberi kerja": PartyRole.EMPLOYER,
    "pembayar": PartyRole.PAYER,
    "penyelenggara": PartyRole.PROVIDER,
    "saksi": PartyRole.WITNESS,
    "hadir": PartyRole.ATTENDING,
    "jpn": PartyRole.STATE_ATTORNEY,
    "jaksa pengacara negara": PartyRole.STATE_ATTORNEY,
}


def _frozen_set(
    value: Iterable[_E | str], cls: type[_E], parse: Callable[[str], _E], what: str
) -> frozenset[_E]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InputError(f"{what} must be a collection of {cls.__name__} values, got {value!r}")
    return frozenset(item if isinstance(item, cls) else parse(item) for item in value)  # type: ignore[arg-type]


def _roles(value: Iterable[Role | str]) -> frozenset[Role]:
    return _frozen_set(value, Role, Role.parse, "roles")


def _positions(value: Iterable[Position | str]) -> frozenset[Position]:
    return _frozen_set(value, Position, Position.parse, "positions")


def _parts(value: Iterable[PartyRole | str]) -> frozenset[PartyRole]:
    return _frozen_set(value, PartyRole, PartyRole.parse, "parts")


def _programmes(value: Iterable[Programme | str]) -> frozenset[Programme]:
    return _frozen_set(value, Programme, Programme.parse, "programmes")


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InputError(f"expected a sequence of strings, got {value!r}")
    return tuple(value)


def _parties(value: Iterable[Party]) -> tuple[Party, ...]:
    if not isinstance(value, Iterable):
        raise InputError(f"parties must be a sequence of Party, got {value!r}")
    return tuple(value)


def _cohorts(value: Iterable[Cohort]) -> tuple[Cohort, ...]:
    if not isinstance(value, Iterable):
        raise InputError(f"cohorts must be a sequence of Cohort, got {value!r}")
    return tuple(value)


@attrs.frozen
class Party:
    """An institution that took part in an agreement, and its part(s).

    Args:
        institution: the institution.
        parts: what it did (employer, payer, provider, witness...); empty = it
            was a party but the report does not say in what capacity.
        signatory: who signed for, or represented, the institution, as
            reported (a name or a title); ``None`` = not reported.

    """

    institution: Institution
    parts: frozenset[PartyRole] = attrs.field(default=frozenset(), converter=_parts)
    signatory: str | None = None

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.institution, Institution):
            raise InputError(f"a party's institution must be an Institution, got {self.institution!r}")
        if self.signatory is not None and (
            not isinstance(self.signatory, str) or not self.signatory.strip()
        ):
            raise InputError("a signatory must be a non-blank string or None")


@attrs.frozen
class Payer:
    """Who pays the contributions and from which budget.

    Args:
        institution: the paying institution; ``None`` = not reported (or the
            officers themselves, with ``BudgetSource.SELF_PAID``).
        budget_source: the budget the money comes from; ``None`` = not reported.
        amount: the contribution budget the report gives; ``None`` = not reported.
        note: what the report says, where it needs words.

    Raises:
        InputError: if neither the institution nor the budget is known (use
            ``payer=None`` on the agreement instead), or the amount is negative.

    """

    institution: Institution | None = None
    budget_source: BudgetSource | None = None
    amount: Rupiah | None = None
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.institution is None and self.budget_source is None:
            raise InputError(
                "a payer needs its institution or its budget source; when neither is "
                "reported, leave the agreement's payer as None"
            )
        if self.institution is not None and not isinstance(self.institution, Institution):
            raise InputError(f"a payer's institution must be an Institution, got {self.institution!r}")
        if self.budget_source is not None and not isinstance(self.budget_source, BudgetSource):
            raise InputError(f"budget_source must be a BudgetSource, got {self.budget_source!r}")
        if self.amount is not None and (not isinstance(self.amount, Rupiah) or self.amount.amount < 0):
            raise InputError(f"a payer's amount must be a non-negative Rupiah, got {self.amount!r}")


@attrs.frozen
class Cohort:
    """A group of officers an agreement covers, with its own headcount and period.

    Args:
        roles: the roles the group counts; empty = the report does not say.
        positions: the positions counted; empty = all positions, or not reported.
        headcount: how many officers; ``None`` = not reported.
        period: the coverage period; ``None`` = not reported.
        body: KPU or Bawaslu, when the report says so but not the roles (or to
            confirm them); ``None`` = not reported.
        wage: a wage the agreement reports for the group; ``None`` = the
            honorarium, or not reported.
        label: the group as the report names it (``"Linmas"``, ``"internal KPU"``).
        note: anything else the report says about the group.
        months: a coverage length in months when the report gives only a
            length and no dates (``"PTPS 1 bulan"``); ``None`` = not reported.

    The checks that need the whole agreement (headcount not negative, positions
    the roles have, roles the election has, period inside the term) run when
    the :class:`Agreement` is built, so that all problems are reported together.

    >>> Cohort({"kpps"}, headcount=12_465).roles
    frozenset({<Role.KPPS: 'kpps'>})

    """

    roles: frozenset[Role] = attrs.field(default=frozenset(), converter=_roles)
    positions: frozenset[Position] = attrs.field(default=frozenset(), converter=_positions)
    headcount: int | None = None
    period: Period | None = None
    body: Body | None = None
    wage: Rupiah | None = None
    label: str | None = None
    note: str | None = None
    months: int | None = None

    @property
    def bodies(self) -> frozenset[Body]:
        """The bodies whose officers the group counts (from its roles, else ``body``)."""
        found = {role.body for role in self.roles}
        if self.body is not None:
            found.add(self.body)
        return frozenset(found)

    def covers_role(self, role: Role, position: Position | None = None) -> bool:
        """Whether the group counts ``role`` (and ``position``, if given).

        >>> Cohort({"panwascam"}, {"ketua"}).covers_role(Role.PANWASLU_KECAMATAN, Position.ANGGOTA)
        False
        """
        if role not in self.roles:
            return False
        return position is None or not self.positions or position in self.positions

    def _problems(self, path: str) -> list[str]:
        problems: list[str] = []
        count = self.headcount
        if count is not None and (type(count) is not int or count < 0):
            problems.append(f"{path}.headcount: {count!r} is not a headcount; expected a whole number >= 0")
        if self.period is not None and not isinstance(self.period, Period):
            problems.append(f"{path}.period: expected a Period or None, got {self.period!r}")
        if self.body is not None and not isinstance(self.body, Body):
            problems.append(f"{path}.body: expected a Body or None, got {self.body!r}")
        elif self.body is not None:
            for role in sorted(self.roles, key=lambda r: r.value):
                if role.body is not self.body:
                    problems.append(
                        f"{path}.body: the cohort says {self.body.value} but role "
                        f"{role.abbreviation} serves {role.body.value}"
                    )
        if self.wage is not None and (not isinstance(self.wage, Rupiah) or self.wage.amount <= 0):
            problems.append(f"{path}.wage: a wage must be a positive Rupiah, got {self.wage!r}")
        months = self.months
        if months is not None and (type(months) is not int or months < 1):
            problems.append(f"{path}.months: {months!r} is not a number of months; expected a whole number >= 1")
        for name in ("label", "note"):
            value = getattr(self, name)
            if value is not None and (not isinstance(value, str) or not value.strip()):
                problems.append(f"{path}.{name}: expected non-blank text or None")
        if self.roles:
            held = {p for role in self.roles for p in role.positions}
            for position in sorted(self.positions - held, key=lambda p: p.value):
                names = ", ".join(sorted(r.abbreviation for r in self.roles))
                problems.append(
                    f"{path}.positions: no role of the cohort ({names}) has the position {position.value!r}"
                )
        return problems


@attrs.frozen
class Agreement:
    """One coverage arrangement between election bodies, payers and BPJS Ketenagakerjaan.

    Args:
        id: a stable identifier (lower-case letters, digits, ``-`` and ``_``).
        title: a short human title.
        kind: the instrument; ``None`` = not reported (or not yet signed).
        number: the agreement's number; ``None`` = not reported.
        signed_on: the signing date; ``None`` = not reported.
        place: where it was signed; ``None`` = not reported.
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

    Raises:
        AgreementError: listing every problem (no BPJS party, a negative
            headcount, a cohort period outside the term, a role an election
            does not have, a position a role does not have, ...), each as
            ``"<path>: <what is wrong>"``.

    """

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

    def __attrs_post_init__(self) -> None:
        problems = _agreement_problems(self)
        if problems:
            raise AgreementError(str(self.id), problems)

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

    def warnings(self) -> tuple[Text, ...]:
        """What is possible but suspicious about the agreement, in both languages.

        Flags: cohort headcounts that do not add up to the reported total, no
        payer, no scheme, no programmes, no source, a cohort with no period,
        two cohorts counting the same role and position over overlapping (or
        unknown) periods, and a cohort period longer than the role's term in
        the election.
        """
        return tuple(_agreement_warnings(self))


def problem_path(problem: str) -> str:
    """The path at the start of an :class:`AgreementError` problem (``"cohorts[1].headcount"``).

    >>> problem_path("cohorts[1].headcount: -5 is not a headcount")
    'cohorts[1].headcount'
    """
    head, sep, _ = problem.partition(": ")
    return head if sep else ""


def _agreement_problems(agreement: Agreement) -> list[str]:
    problems: list[str] = []
    a = agreement
    if not isinstance(a.id, str) or not _ID.match(a.id):
        problems.append(
            f"id: {a.id!r} is not an identifier; use lower-case letters, digits, '-' and '_'"
        )
    if not isinstance(a.title, str) or not a.title.strip():
        problems.append("title: expected non-blank text")
    if a.kind is not None and not isinstance(a.kind, AgreementKind):
        problems.append(f"kind: expected an AgreementKind or None, got {a.kind!r}")
    for name in ("number", "place"):
        value = getattr(a, name)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            problems.append(f"{name}: expected non-blank text or None")
    if a.signed_on is not None and (
        isinstance(a.signed_on, dt.datetime) or not isinstance(a.signed_on, dt.date)
    ):
        problems.append(f"signed_on: expected a date or None, got {a.signed_on!r}")
    if a.scheme is not None and not isinstance(a.scheme, WageEarner | NonWageEarner):
        problems.append(f"scheme: expected WageEarner, NonWageEarner or None, got {a.scheme!r}")
    if a.payer is not None and not isinstance(a.payer, Payer):
        problems.append(f"payer: expected a Payer or None, got {a.payer!r}")
    if a.term is not None and not isinstance(a.term, Period):
        problems.append(f"term: expected a Period or None, got {a.term!r}")
    total = a.reported_total
    if total is not None and (type(total) is not int or total < 0):
        problems.append(f"reported_total: {total!r} is not a headcount; expected a whole number >= 0")
    for index, url in enumerate(a.sources):
        if not isinstance(url, str) or not _URL.match(url):
            problems.append(f"sources[{index}]: {url!r} is not an http(s) URL")
    for index, note in enumerate(a.notes):
        if not isinstance(note, str) or not note.strip():
            problems.append(f"notes[{index}]: expected non-blank text")
    problems.extend(_party_problems(a.parties))
    elections = _election_objects(a.elections, problems)
    for index, cohort in enumerate(a.cohorts):
        path = f"cohorts[{index}]"
        if not isinstance(cohort, Cohort):
            problems.append(f"{path}: expected a Cohort, got {cohort!r}")
            continue
        problems.extend(cohort._problems(path))
        if (
            isinstance(a.term, Period)
            and isinstance(cohort.period, Period)
            and not a.term.covers(cohort.period)
        ):
            problems.append(
                f"{path}.period: {cohort.period} lies outside the agreement's term {a.term}"
            )
        if elections:
            for role in sorted(cohort.roles, key=lambda r: r.value):
                if not any(e.has_role(role) for e in elections):
                    keys = ", ".join(e.key for e in elections)
                    problems.append(f"{path}.roles: election {keys} has no role {role.value!r}")
    return problems


def _party_problems(parties: tuple[Party, ...]) -> list[str]:
    problems: list[str] = []
    seen: dict[Institution, int] = {}
    for index, party in enumerate(parties):
        path = f"parties[{index}]"
        if not isinstance(party, Party):
            problems.append(f"{path}: expected a Party, got {party!r}")
            continue
        kind = party.institution.kind
        if PartyRole.PROVIDER in party.parts and kind is not InstitutionKind.BPJS_KETENAGAKERJAAN:
            problems.append(
                f"{path}.parts: only BPJS Ketenagakerjaan provides coverage, not {party.institution.name}"
            )
        if party.institution.is_bpjs and party.parts & {PartyRole.EMPLOYER, PartyRole.PAYER}:
            problems.append(f"{path}.parts: BPJS Ketenagakerjaan cannot employ or pay for the officers")
        if PartyRole.STATE_ATTORNEY in party.parts and kind is not InstitutionKind.KEJAKSAAN_NEGERI:
            problems.append(
                f"{path}.parts: only a Kejaksaan Negeri acts as state attorney, not {party.institution.name}"
            )
        if party.institution in seen:
            problems.append(
                f"{path}.institution: {party.institution.name} is already parties[{seen[party.institution]}]"
            )
        seen.setdefault(party.institution, index)
    if not any(isinstance(p, Party) and p.institution.is_bpjs for p in parties):
        problems.append("parties: no BPJS Ketenagakerjaan party; every agreement needs its provider")
    return problems


def _election_objects(keys: tuple[str, ...], problems: list[str]) -> list[Election]:
    found: list[Election] = []
    for index, key in enumerate(keys):
        try:
            item = election(key)
        except (JamsosError, LookupError, ValueError) as error:
            problems.append(f"elections[{index}]: unknown election {key!r} ({error})")
            continue
        if item in found:
            problems.append(f"elections[{index}]: {key!r} is listed twice")
            continue
        found.append(item)
    return found


def _agreement_warnings(a: Agreement) -> list[Text]:
    found: list[Text] = []
    known = a.known_headcount
    total = a.total_headcount
    if a.reported_total is not None:
        if total is not None and total != a.reported_total:
            found.append(Text(
                id=f"jumlah kohort {total} tidak sama dengan total yang dilaporkan {a.reported_total}",
                en=f"the cohorts add up to {total}, not the reported total of {a.reported_total}",
            ))
        elif total is None and known > a.reported_total:
            found.append(Text(
                id=f"jumlah kohort yang diketahui ({known}) melebihi total yang dilaporkan {a.reported_total}",
                en=f"the known cohort headcounts ({known}) exceed the reported total of {a.reported_total}",
            ))
    if a.payer is None:
        found.append(Text(id="pembayar iuran tidak dilaporkan", en="no payer is reported"))
    if a.scheme is None:
        found.append(Text(
            id="skema kepesertaan (PU/BPU) tidak dilaporkan",
            en="no coverage scheme (wage earner / non-wage earner) is reported",
        ))
    if not a.programmes:
        found.append(Text(id="program (JKK/JKM) tidak dilaporkan", en="no programme (JKK/JKM) is reported"))
    if not a.sources:
        found.append(Text(id="tidak ada sumber (URL)", en="no source URL is recorded"))
    if not a.cohorts:
        found.append(Text(id="tidak ada kohort petugas", en="no cohort of officers is recorded"))
    for index, cohort in enumerate(a.cohorts):
        if cohort.period is None:
            length = (
                Text(id=f" (hanya lama {cohort.months} bulan)", en=f" (only a length of {cohort.months} months)")
                if cohort.months is not None
                else Text(id="", en="")
            )
            found.append(Text(
                id=f"cohorts[{index}] tidak punya periode perlindungan{length.id}",
                en=f"cohorts[{index}] has no coverage period{length.en}",
            ))
    found.extend(_overlap_warnings(a))
    found.extend(_term_warnings(a))
    return found


def _positions_meet(first: Cohort, second: Cohort) -> bool:
    return not first.positions or not second.positions or bool(first.positions & second.positions)


def _overlap_warnings(a: Agreement) -> list[Text]:
    found: list[Text] = []
    for i, first in enumerate(a.cohorts):
        for j in range(i + 1, len(a.cohorts)):
            second = a.cohorts[j]
            shared = first.roles & second.roles
            if not shared or not _positions_meet(first, second):
                continue
            if first.period is not None and second.period is not None:
                if not first.period.overlaps(second.period):
                    continue
                when_id, when_en = "periodenya bertumpang tindih", "their periods overlap"
            else:
                when_id, when_en = "periodenya tidak diketahui", "a period is unknown"
            names = ", ".join(sorted(r.abbreviation for r in shared))
            found.append(Text(
                id=f"cohorts[{i}] dan cohorts[{j}] sama-sama menghitung {names} dan {when_id}",
                en=f"cohorts[{i}] and cohorts[{j}] both count {names} and {when_en}",
            ))
    return found


def _term_warnings(a: Agreement) -> list[Text]:
    found: list[Text] = []
    for index, cohort in enumerate(a.cohorts):
        if cohort.period is None:
            continue
        for key in a.elections:
            item = election(key)
            for role in sorted(cohort.roles, key=lambda r: r.value):
                if not item.has_role(role):
                    continue
                term = item.term(role)
                if term is not None and cohort.period.days > term.days:
                    found.append(Text(
                        id=(
                            f"cohorts[{index}]: periode {cohort.period.days} hari lebih panjang dari "
                            f"masa kerja {role.abbreviation} di {item.key} ({term.days} hari)"
                        ),
                        en=(
                            f"cohorts[{index}]: its {cohort.period.days}-day period is longer than the "
                            f"{role.abbreviation} term in {item.key} ({term.days} days)"
                        ),
                    ))
    return found


@attrs.frozen
class CohortRef:
    """Where a cohort sits: the agreement's id and the cohort's index."""

    agreement: str
    index: int

    def __str__(self) -> str:
        return f"{self.agreement}.cohorts[{self.index}]"


@attrs.frozen
class CoverageOverlap:
    """Two cohorts that may cover the same officers of a role on the same days."""

    role: Role
    period: Period
    first: CohortRef
    second: CohortRef

    @property
    def text(self) -> Text:
        """A sentence describing the overlap in both languages."""
        return Text(
            id=f"{self.role.abbreviation} dicakup dua kali ({self.first} dan {self.second}) pada {self.period}",
            en=f"{self.role.abbreviation} covered twice ({self.first} and {self.second}) during {self.period}",
        )


def coverage_overlaps(agreements: Sequence[Agreement]) -> list[CoverageOverlap]:
    """Pairs of cohorts that count the same role and position on the same days.

    Pass agreements about the same officers (the same regency or city): the
    function does not compare places, because most reports leave region codes
    unknown. Cohorts without a period cannot be compared and are skipped (their
    agreement's :meth:`Agreement.warnings` flags them). Pairs inside a single
    agreement are included too.

    Args:
        agreements: the agreements to compare.

    Returns:
        One :class:`CoverageOverlap` per pair of cohorts and shared role, with
        the days both cover, in input order.

    >>> import datetime as dt
    >>> from jamsos_pemilu.institutions import Institution
    >>> bpjs = Party(Institution.bpjs("Cirebon"), {"provider"})
    >>> nov = Period(dt.date(2024, 11, 1), dt.date(2024, 11, 30))
    >>> a = Agreement(id="a", title="A", parties=(bpjs,), cohorts=(Cohort({"kpps"}, period=nov),))
    >>> b = Agreement(id="b", title="B", parties=(bpjs,), cohorts=(Cohort({"kpps"}, period=nov),))
    >>> [str(o.first) + " / " + str(o.second) for o in coverage_overlaps([a, b])]
    ['a.cohorts[0] / b.cohorts[0]']

    """
    located = [
        (CohortRef(agreement.id, index), cohort)
        for agreement in agreements
        for index, cohort in enumerate(agreement.cohorts)
        if cohort.period is not None
    ]
    found: list[CoverageOverlap] = []
    for i, (first_ref, first) in enumerate(located):
        for second_ref, second in located[i + 1 :]:
            assert first.period is not None and second.period is not None
            days = first.period.intersection(second.period)
            if days is None or not _positions_meet(first, second):
                continue
            for role in sorted(first.roles & second.roles, key=lambda r: r.value):
                found.append(CoverageOverlap(role, days, first_ref, second_ref))
    return found


def coverage_gaps(
    agreements: Sequence[Agreement], role: Role, within: Period
) -> tuple[Period, ...]:
    """The days of ``within`` on which no cohort of the agreements covers ``role``.

    Use the role's term (:meth:`jamsos_pemilu.elections.Election.term`) as
    ``within`` to find the days officers served uncovered. Cohorts without a
    period count as covering nothing: the gap is what is *known* to be covered.

    Args:
        agreements: agreements about the same officers.
        role: the role to check.
        within: the days that should be covered.

    Returns:
        The uncovered stretches, in order (empty when all days are covered).

    >>> import datetime as dt
    >>> from jamsos_pemilu.institutions import Institution
    >>> bpjs = Party(Institution.bpjs("Palu"), {"provider"})
    >>> part = Period(dt.date(2024, 11, 10), dt.date(2024, 11, 30))
    >>> a = Agreement(id="a", title="A", parties=(bpjs,), cohorts=(Cohort({"kpps"}, period=part),))
    >>> [str(p) for p in coverage_gaps([a], Role.KPPS, Period(dt.date(2024, 11, 7), dt.date(2024, 12, 8)))]
    ['2024-11-07/2024-11-09', '2024-12-01/2024-12-08']

    """
    covered = sorted(
        (cohort.period for a in agreements for cohort in a.cohorts_for(role) if cohort.period),
        key=lambda p: (p.start, p.end),
    )
    gaps: list[Period] = []
    cursor = within.start
    for period in covered:
        if period.end < cursor:
            continue
        if period.start > within.end:
            break
        if period.start > cursor:
            gaps.append(Period(cursor, period.start - dt.timedelta(days=1)))
        if period.end >= within.end:
            return tuple(gaps)
        cursor = max(cursor, period.end + dt.timedelta(days=1))
    gaps.append(Period(cursor, within.end))
    return tuple(gaps)


_DATA_FILE: Final = "agreements.json"


def load_agreements(source: str | Path) -> tuple[Agreement, ...]:
    """Load agreements from a JSON file holding ``{"agreements": [...]}``.

    Each entry has the shape :func:`jamsos_pemilu.serialization.to_dict` gives;
    optional fields may be left out.

    Args:
        source: the file's path.

    Returns:
        The agreements in file order.

    Raises:
        DeserializationError: naming the file and the path of the bad field
            (``agreements[3].cohorts[1].headcount``), or a repeated id.

    """
    path = Path(source)
    return _load_text(path.read_text(encoding="utf-8"), str(path))


def _load_text(text: str, name: str) -> tuple[Agreement, ...]:
    from jamsos_pemilu.serialization import load_agreement_document

    return load_agreement_document(text, name)


@functools.cache
def shipped_agreements() -> tuple[Agreement, ...]:
    """The agreements shipped with the library (``jamsos_pemilu/data/agreements.json``).

    They are the local agreements found in public reports (see the notes and
    sources of each); fields the reports leave unknown are ``None`` or empty.
    Loaded once and cached.

    >>> len(shipped_agreements()) >= 23
    True
    """
    resource = resources.files("jamsos_pemilu") / "data" / _DATA_FILE
    return _load_text(resource.read_text(encoding="utf-8"), f"jamsos_pemilu/data/{_DATA_FILE}")


def shipped_agreement(agreement_id: str) -> Agreement:
    """The shipped agreement with id ``agreement_id``.

    Raises:
        UnknownCodeError: naming the shipped ids.

    >>> shipped_agreement("kab-asahan-pilkada-2024").reported_total
    15753

    """
    for agreement in shipped_agreements():
        if agreement.id == agreement_id:
            return agreement
    raise UnknownCodeError("agreement", agreement_id, [a.id for a in shipped_agreements()])
