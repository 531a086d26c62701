"""Kepesertaan (coverage): is an officer covered, for which programme, on which date, and why.

A :class:`CoverageDecision` answers, per programme — JKK, JKM, and the KPU or
Bawaslu *santunan* as a separate scheme — ``covered``, ``not covered`` or
``uncertain``, with reason codes, a message in Bahasa Indonesia and English, and
the citation behind each reason with its confidence. The reasons come from the
catalogue in ``jamsos_pemilu/data/reasons.toml`` (:mod:`.reasons`); the
questions asked are the functions of :mod:`.rules`.

Error bias: where the law or the data is unclear (a report that does not name
the roles or the period, a registration date nobody recorded, the criteria for
a sudden death at work) the decision is ``uncertain`` and says why. The library
never turns a gap in the data into ``covered``, and never into ``not covered``
either: a budget officer or a claims officer must look.

Who is decided: an :class:`~jamsos_pemilu.officers.Officer` is a member of an
ad hoc body. Commissioners and permanent secretariat staff that a report counts
in a cohort (Seruyan's "Komisioner", Pasangkayu's "pekerja staf") are not ad hoc
officers; the cohort records them (:class:`Cohort.others <jamsos_pemilu.agreements.Cohort>`)
and budgets count them, but no coverage decision is made for them here.

Disputed periods: when a cohort's reported period has a probable other reading
(:class:`Cohort.period_readings <jamsos_pemilu.agreements.Cohort>`), the decision is made
under the period as reported, and :class:`CoverageDecision.other_readings <CoverageDecision>` gives
the decision under each other reading that changes it.

>>> import datetime as dt
>>> from jamsos_pemilu.serialization import shipped_agreement
>>> from jamsos_pemilu.officers import Officer
>>> from jamsos_pemilu.periods import Period
>>> officer = Officer(nik="3302114506990003", name="Sri", role="kpps", position="anggota",
...                   election="pemilu_2024", appointment=Period.parse("2024-01-25/2024-02-25"),
...                   bpjs_registered_on=dt.date(2024, 1, 30))
>>> decision = check_coverage(officer, shipped_agreement("kota-cilegon-pemilu-2024"), on=dt.date(2024, 2, 14))
>>> decision.status(Scope.JKM).value
'uncertain'
>>> decision.codes(Scope.JKM)
('period_unreported', 'registered', 'programmes_unreported')

The Cilegon report gives the KPPS cover as "1 month" without dates and does not
list the programmes, so whether 14 February is covered cannot be confirmed from
the data.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Final

import attrs

from jamsos_pemilu.agreements import Agreement
from jamsos_pemilu.codes import parse_code
from jamsos_pemilu.eligibility import rules
from jamsos_pemilu.eligibility.incidents import Incident, IncidentKind
from jamsos_pemilu.eligibility.reasons import CoverageStatus, Reason
from jamsos_pemilu.exceptions import CalculationError, InputError, short_repr
from jamsos_pemilu.explain import Receipt, Result, RuleTrace
from jamsos_pemilu.l10n import Language, Text, format_date
from jamsos_pemilu.law.parameters import RuleSnapshot, snapshot_for
from jamsos_pemilu.officers import Officer
from jamsos_pemilu.periods import Period
from jamsos_pemilu.readings import Alternative
from jamsos_pemilu.schemes import Programme

if TYPE_CHECKING:
    from jamsos_pemilu.agreements import Cohort

__all__ = [
    "CoverageDecision",
    "CoverageStatus",
    "Incident",
    "IncidentKind",
    "ProgrammeDecision",
    "ReadingDecision",
    "Reason",
    "Scope",
    "check_coverage",
]


class Scope(enum.Enum):
    """What a decision is about: a BPJS programme or the election body's own santunan."""

    JKK = "jkk"
    JKM = "jkm"
    SANTUNAN = "santunan"

    @property
    def text(self) -> Text:
        """The scope's name in both languages."""
        return _SCOPE_TEXT[self]

    @classmethod
    def parse(cls, text: str) -> Scope:
        """Parse ``"jkk"``, ``"JKM"``, ``"santunan"``.

        Raises:
            UnknownCodeError: naming the accepted values.

        >>> Scope.parse("JKM")
        <Scope.JKM: 'jkm'>
        """
        return parse_code(cls, "coverage scope", text)


_SCOPE_TEXT: Final = {
    Scope.JKK: Text(id="JKK", en="JKK"),
    Scope.JKM: Text(id="JKM", en="JKM"),
    Scope.SANTUNAN: Text(id="Santunan KPU/Bawaslu", en="KPU/Bawaslu santunan"),
}
# Enum members as module constants: the decision runs per officer, and a constant is a plain lookup.
_COVERED, _NOT_COVERED, _UNCERTAIN = CoverageStatus.COVERED, CoverageStatus.NOT_COVERED, CoverageStatus.UNCERTAIN
_SCOPE_JKK, _SCOPE_JKM, _SCOPE_SANTUNAN = Scope.JKK, Scope.JKM, Scope.SANTUNAN
_JKK, _JKM = Programme.JKK, Programme.JKM
_HEAD: Final = Text(id="Keputusan kepesertaan", en="Coverage decision")
_NO_AGREEMENT: Final = Text(id="tanpa perjanjian", en="no agreement")
_AGREEMENT: Final = Text(id="perjanjian", en="agreement")
_READING: Final = Text(id="Menurut bacaan lain", en="Under another reading")


@attrs.frozen
class ProgrammeDecision:
    """The decision for one scope: the worst status among its reasons."""

    scope: Scope
    status: CoverageStatus
    reasons: tuple[Reason, ...]

    @classmethod
    def combine(cls, scope: Scope, reasons: Iterable[Reason]) -> ProgrammeDecision:
        """Not covered if any reason says so, else uncertain if any is (or there is none), else covered."""
        listed = tuple(reasons)
        status = _COVERED if listed else _UNCERTAIN
        for reason in listed:
            if reason.status is _NOT_COVERED:
                return cls(scope, _NOT_COVERED, listed)
            if reason.status is _UNCERTAIN:
                status = _UNCERTAIN
        return cls(scope, status, listed)

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON."""
        return {"scope": self.scope.value, "status": self.status.value, "reasons": [r.to_dict() for r in self.reasons]}


@attrs.frozen
class ReadingDecision:
    """The decision under another reading of a disputed fact (a cohort's period), where it differs."""

    reading: Alternative[Period]
    decisions: tuple[ProgrammeDecision, ...]

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON."""
        return {
            "reading": self.reading.to_dict(lambda period: {"start": period.start.isoformat(), "end": period.end.isoformat()}),
            "decisions": [d.to_dict() for d in self.decisions],
        }


@attrs.frozen
class CoverageDecision(Result):
    """Coverage of one officer on one date, per scope, with reasons and a receipt.

    ``other_readings`` holds the decision under each other reading of a disputed
    cohort period that changes it (empty when nothing is disputed, or when every
    reading gives the same decision).
    """

    officer: str
    on: dt.date
    agreement: str | None
    decisions: tuple[ProgrammeDecision, ...]
    receipt: Receipt
    incident: Incident | None = None
    other_readings: tuple[ReadingDecision, ...] = ()

    def decision(self, scope: Scope) -> ProgrammeDecision:
        """The decision for ``scope``."""
        for decision in self.decisions:
            if decision.scope is scope:
                return decision
        raise KeyError(scope)

    def status(self, scope: Scope) -> CoverageStatus:
        """The status for ``scope``."""
        return self.decision(scope).status

    def codes(self, scope: Scope) -> tuple[str, ...]:
        """The reason codes for ``scope``."""
        return tuple(r.code for r in self.decision(scope).reasons)

    def _render(self, lang: Language) -> str:
        about = _NO_AGREEMENT.render(lang) if self.agreement is None else f"{_AGREEMENT.render(lang)} {self.agreement}"
        rows = [f"{_HEAD.render(lang)}: {self.officer}, {format_date(self.on, lang)} ({about})"]
        rows.extend(_render_decisions(self.decisions, lang, "  "))
        for other in self.other_readings:
            reading = other.reading
            rows.append(f"  {_READING.render(lang)} ({reading.value}; {reading.source}): {reading.why.render(lang)}")
            rows.extend(_render_decisions(other.decisions, lang, "    "))
        rows.extend(w.render(lang) for w in self.receipt.warnings())
        return "\n".join(rows)

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON (the officer is identified by the masked NIK)."""
        return {
            "kind": "coverage_decision",
            "officer": self.officer,
            "on": self.on.isoformat(),
            "agreement": self.agreement,
            "incident": None if self.incident is None else self.incident.to_dict(),
            "decisions": [d.to_dict() for d in self.decisions],
            "other_readings": [r.to_dict() for r in self.other_readings],
            "receipt": self.receipt.to_dict(),
        }

    def records(self) -> list[dict[str, object]]:
        """One flat dict per reason (officer masked), to load straight into a DataFrame."""
        return [
            {
                "officer": self.officer,
                "on": self.on.isoformat(),
                "agreement": self.agreement,
                "scope": d.scope.value,
                "status": d.status.value,
                "code": r.code,
                "text": r.text.id,
                "text_en": r.text.en,
                "citation": "; ".join(c.label for c in r.citations),
                "confidence": None if r.confidence is None else r.confidence.value,
            }
            for d in self.decisions
            for r in d.reasons
        ]


def _render_decisions(decisions: Iterable[ProgrammeDecision], lang: Language, indent: str) -> list[str]:
    rows: list[str] = []
    for decision in decisions:
        rows.append(f"{indent}{decision.scope.text.render(lang)}: {decision.status.text.render(lang)}")
        rows.extend(f"{indent}  - {reason.render(lang)}" for reason in decision.reasons)
    return rows




def _require_date(value: object, name: str) -> dt.date:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise InputError(f"{name}: expected a datetime.date, got {type(value).__name__} ({short_repr(value)})")
    return value


def check_coverage(
    officer: Officer,
    agreement: Agreement | None,
    *,
    on: dt.date,
    incident: Incident | None = None,
    rules: RuleSnapshot | None = None,
) -> CoverageDecision:
    """Decide whether ``officer`` is covered on a date (or for an incident on it), per scope.

    Args:
        officer: the officer.
        agreement: the agreement said to cover the officer, or ``None``.
        on: the date asked about; with an incident, the incident's date.
        incident: what happened, to decide JKK versus JKM and the claim expiry.
        rules: the rules in force on ``on`` (default: the shipped rule book).

    Returns:
        A :class:`CoverageDecision` for JKK, JKM and the santunan.

    Raises:
        InputError: a wrong type for an argument, an incident on another date,
            a snapshot taken on another date.
        CalculationError: the date is before the officer's term (there is
            nothing to decide).
        RuleNotInForceError: for a date outside the rule data.

    >>> import datetime as dt
    >>> from jamsos_pemilu.officers import Officer
    >>> from jamsos_pemilu.periods import Period
    >>> officer = Officer(nik="3302114506990003", name="Sri", role="kpps", position="ketua",
    ...                   election="pemilu_2024", appointment=Period.parse("2024-01-25/2024-02-25"))
    >>> decision = check_coverage(officer, None, on=dt.date(2024, 2, 14))
    >>> decision.status(Scope.JKM).value, decision.codes(Scope.JKM)
    ('not_covered', ('no_agreement',))
    >>> decision.status(Scope.SANTUNAN).value
    'covered'
    >>> print(decision.render("id_ID").splitlines()[0])
    Keputusan kepesertaan: 330211******0003, 14 Februari 2024 (tanpa perjanjian)
    """
    if not isinstance(officer, Officer):
        raise InputError(f"officer: expected an Officer, got {type(officer).__name__}")
    if agreement is not None and not isinstance(agreement, Agreement):
        raise InputError(f"agreement: expected an Agreement or None, got {type(agreement).__name__}")
    day = _require_date(on, "on")
    if incident is not None and not isinstance(incident, Incident):
        raise InputError(f"incident: expected an Incident or None, got {type(incident).__name__}")
    if incident is not None and incident.on != day:
        raise InputError(f"incident: it happened on {incident.on.isoformat()}, but on is {day.isoformat()}")
    snapshot = snapshot_for(rules, day, what="a coverage decision")
    if day < officer.appointment.start:
        raise CalculationError(
            f"on: officer {officer.nik.masked}: {day.isoformat()} is before the term starts "
            f"({officer.appointment.start.isoformat()}); an officer cannot be on duty before appointment"
        )
    trace = RuleTrace(snapshot)
    decisions = _decide(trace, officer, agreement, day, incident)
    others = () if agreement is None else _other_readings(trace, officer, agreement, day, incident, decisions)
    name = None if agreement is None else agreement.id
    return CoverageDecision(officer.nik.masked, day, name, decisions, trace.receipt(), incident, others)


def _decide(
    trace: RuleTrace,
    officer: Officer,
    agreement: Agreement | None,
    on: dt.date,
    incident: Incident | None,
    period_of: Callable[[Cohort], Period | None] | None = None,
) -> tuple[ProgrammeDecision, ...]:
    rules.in_force(trace)
    common = rules.officer_term(officer, on=on)
    bpjs = [*common, *rules.civil_servant(officer)]
    if agreement is None:
        bpjs += rules.without_agreement(officer, on=on)
    else:
        bpjs += rules.agreement_placement(officer, agreement, on=on, period_of=period_of)
        if not officer.asn:
            bpjs += rules.registration(officer, on=on)
    jkk = [*bpjs, *rules.programme_covered(_JKK, agreement)]
    jkm = [*bpjs, *rules.programme_covered(_JKM, agreement)]
    if incident is not None:
        jkk += rules.jkk_incident(trace, incident)
        jkm += rules.jkm_incident(incident)
        jkm += rules.scholarship(trace, officer, incident)
    santunan = [*common, *rules.santunan(trace, officer, incident, in_term=not common)]
    return (
        ProgrammeDecision.combine(_SCOPE_JKK, jkk),
        ProgrammeDecision.combine(_SCOPE_JKM, jkm),
        ProgrammeDecision.combine(_SCOPE_SANTUNAN, santunan),
    )


def _other_readings(
    trace: RuleTrace,
    officer: Officer,
    agreement: Agreement,
    on: dt.date,
    incident: Incident | None,
    decisions: tuple[ProgrammeDecision, ...],
) -> tuple[ReadingDecision, ...]:
    """The decision under each other reading of the periods of the cohorts placing the officer."""
    placement = agreement.placement(officer.role, officer.position)
    found: list[ReadingDecision] = []
    if not any(cohort.period_readings for cohort in placement.cohorts):
        return ()
    for cohort in placement.cohorts:
        for reading in cohort.period_readings:

            def period_of(other: Cohort, cohort: Cohort = cohort, reading: Alternative[Period] = reading) -> Period | None:
                return reading.value if other is cohort else other.period

            under = _decide(trace, officer, agreement, on, incident, period_of)
            if [(d.status, d.reasons) for d in under] != [(d.status, d.reasons) for d in decisions]:
                found.append(ReadingDecision(reading, under))
    return tuple(found)
