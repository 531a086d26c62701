"""Pemeriksaan perjanjian (agreement checks): what makes an agreement impossible, and what makes it suspicious.

:class:`~jamsos_pemilu.agreements.Agreement` runs :func:`agreement_problems`
when it is built (after its own checks of each field's type and form) and raises
:class:`~jamsos_pemilu.exceptions.AgreementError` listing every problem, each
written ``"<path>: <what is wrong>"``; :func:`problem_path` reads the path back.
:func:`agreement_warnings` lists what is possible but suspicious.

This module reads agreements but does not build them: it imports the models for
type checking only, so :mod:`jamsos_pemilu.agreements` can call it without an
import cycle.

>>> problem_path("cohorts[1].headcount: -5 is not a headcount")
'cohorts[1].headcount'
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from jamsos_pemilu.elections import Election, election
from jamsos_pemilu.exceptions import JamsosError
from jamsos_pemilu.institutions import Institution, InstitutionKind, PartyRole
from jamsos_pemilu.l10n import Text
from jamsos_pemilu.periods import Period

if TYPE_CHECKING:
    from jamsos_pemilu.agreements import Agreement, Cohort, Party

__all__ = ["agreement_problems", "agreement_warnings", "problem_path"]


def problem_path(problem: str) -> str:
    """The path at the start of an :class:`~jamsos_pemilu.exceptions.AgreementError` problem (``"cohorts[1].headcount"``).

    >>> problem_path("cohorts[1].headcount: -5 is not a headcount")
    'cohorts[1].headcount'
    """
    head, sep, _ = problem.partition(": ")
    return head if sep else ""


def agreement_problems(
    a: Agreement, *, parties: Iterable[tuple[int, Party]], cohorts: Iterable[tuple[int, Cohort]]
) -> list[str]:
    """The problems that make an agreement impossible, each ``"<path>: <what is wrong>"``.

    Called by :class:`~jamsos_pemilu.agreements.Agreement` after its checks of
    each field's type, with the parties and cohorts (and their indices) that
    have the right type, so that every problem is listed together: a role serving another body than the cohort says, a
    position no role of the cohort has, a cohort period outside the term, a
    role the election does not have, an unknown or repeated election, the
    parts the parties play (only BPJS provides, BPJS neither employs nor pays,
    only a Kejaksaan Negeri is state attorney, no institution twice, one BPJS
    party at least).
    """
    problems: list[str] = []
    problems.extend(_party_problems(tuple(parties)))
    elections = _election_objects(a.elections, problems)
    term = a.term if isinstance(a.term, Period) else None
    for index, cohort in cohorts:
        path = f"cohorts[{index}]"
        problems.extend(_cohort_problems(cohort, path))
        period = cohort.period if isinstance(cohort.period, Period) else None
        if term is not None and period is not None and not term.covers(period):
            problems.append(f"{path}.period: {period} lies outside the agreement's term {term}")
        if elections:
            for role in sorted(cohort.roles, key=lambda r: r.value):
                if not any(e.has_role(role) for e in elections):
                    keys = ", ".join(e.key for e in elections)
                    problems.append(f"{path}.roles: election {keys} has no role {role.value!r}")
    return problems


def _cohort_problems(cohort: Cohort, path: str) -> list[str]:
    problems: list[str] = []
    if cohort.body is not None:
        for role in sorted(cohort.roles, key=lambda r: r.value):
            if role.body is not cohort.body:
                problems.append(
                    f"{path}.body: the cohort says {cohort.body.value} but role {role.abbreviation} serves {role.body.value}"
                )
    if cohort.roles:
        held = {p for role in cohort.roles for p in role.positions}
        for position in sorted(cohort.positions - held, key=lambda p: p.value):
            names = ", ".join(sorted(r.abbreviation for r in cohort.roles))
            problems.append(f"{path}.positions: no role of the cohort ({names}) has the position {position.value!r}")
    return problems


def _party_problems(parties: tuple[tuple[int, Party], ...]) -> list[str]:
    problems: list[str] = []
    seen: dict[Institution, int] = {}
    for index, party in parties:
        path = f"parties[{index}]"
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
    if not any(p.institution.is_bpjs for _, p in parties):
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


def agreement_warnings(a: Agreement) -> list[Text]:
    """What is possible but suspicious about an agreement, in both languages (see :meth:`Agreement.warnings`).

    >>> from jamsos_pemilu.serialization import shipped_agreement
    >>> [w.render("en") for w in agreement_warnings(shipped_agreement("kota-mojokerto-pemilu-2024"))][:3]
    ['no payer is reported', 'no coverage scheme (wage earner / non-wage earner) is reported', 'cohorts[0] has no coverage period']
    """
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
    if not a.sources and not a.report_files:
        found.append(Text(id="tidak ada sumber (URL atau berkas laporan)", en="no source (URL or report file) is recorded"))
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


def _overlap_warnings(a: Agreement) -> list[Text]:
    found: list[Text] = []
    for i, first in enumerate(a.cohorts):
        for j in range(i + 1, len(a.cohorts)):
            second = a.cohorts[j]
            shared = first.roles & second.roles
            if not shared or not first.positions_meet(second):
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
                            f"masa kerja {role.abbreviation} di {item.name.id} ({term.days} hari)"
                        ),
                        en=(
                            f"cohorts[{index}]: its {cohort.period.days}-day period is longer than the "
                            f"{role.abbreviation} term in the {item.name.en} ({term.days} days)"
                        ),
                    ))
    return found


