"""Aturan kepesertaan (coverage rules): the decision tree, one function per question.

Each function answers one question about an officer on a date and returns the
reasons it finds (from the catalogue in :mod:`jamsos_pemilu.eligibility.reasons`);
:func:`jamsos_pemilu.eligibility.check_coverage` asks them in order and combines
their reasons per programme. Rule values are read through the caller's
:class:`~jamsos_pemilu.explain.RuleTrace`, so each lands on the decision's
receipt.

>>> import datetime as dt
>>> from jamsos_pemilu.serialization import shipped_agreement
>>> from jamsos_pemilu.officers import Officer
>>> from jamsos_pemilu.periods import Period
>>> officer = Officer(nik="3302114506990003", name="Sri", role="kpps", position="anggota",
...                   election="pemilu_2024", appointment=Period.parse("2024-01-25/2024-02-25"))
>>> [r.code for r in registration(officer, on=dt.date(2024, 2, 14))]
['registration_unknown']
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from jamsos_pemilu.benefits import SantunanEvent
from jamsos_pemilu.claims import claim_window, scholarship_membership
from jamsos_pemilu.elections import election
from jamsos_pemilu.eligibility.incidents import JKK_KINDS, Incident, IncidentKind
from jamsos_pemilu.eligibility.reasons import Reason, reason_catalogue
from jamsos_pemilu.l10n import Text
from jamsos_pemilu.law import names
from jamsos_pemilu.periods import Period
from jamsos_pemilu.roles import Body
from jamsos_pemilu.schemes import Programme

if TYPE_CHECKING:
    from jamsos_pemilu.agreements import Agreement, Cohort
    from jamsos_pemilu.explain import RuleTrace
    from jamsos_pemilu.officers import Officer

__all__ = [
    "agreement_placement",
    "civil_servant",
    "in_force",
    "jkk_incident",
    "jkm_incident",
    "officer_term",
    "programme_covered",
    "registration",
    "santunan",
    "scholarship",
    "without_agreement",
]

_BODY_NAMES: Final = {Body.KPU: "KPU", Body.BAWASLU: "Bawaslu"}
_SANTUNAN_DEATH: Final = names.santunan(SantunanEvent.DEATH)


@functools.lru_cache(maxsize=8192)
def _say(code: str, **args: str | int | dt.date | Period | Text) -> Reason:
    """The catalogue's reason ``code`` (cached: deciding many officers repeats the same few reasons)."""
    return reason_catalogue().reason(code, **args)


def in_force(trace: RuleTrace) -> None:
    """The programmes themselves must be in force on the date (PP 44/2015 from 1 July 2015).

    Raises:
        RuleNotInForceError: for a date before the JKK/JKM rules.

    """
    trace.require(names.JKK_CLAIM_EXPIRY_YEARS, names.JKM_LUMP_SUM)


def officer_term(officer: Officer, *, on: dt.date) -> list[Reason]:
    """Whether the date is inside the officer's own term."""
    if on in officer.appointment:
        return []
    return [_say("outside_officer_term", term=officer.appointment)]


def civil_servant(officer: Officer) -> list[Reason]:
    """Whether the officer is a civil servant (ASN), whose JKK/JKM PT Taspen runs instead."""
    return [_say("asn_own_scheme")] if officer.asn else []


def without_agreement(officer: Officer, *, on: dt.date) -> list[Reason]:
    """With no agreement given: whether the officer is registered at all."""
    if officer.bpjs_registered_on is None:
        return [_say("no_agreement")]
    return [_say("registered_without_agreement"), *registration(officer, on=on)]


def registration(officer: Officer, *, on: dt.date) -> list[Reason]:
    """Whether the officer's BPJS membership ran on the date (it starts when the number is issued)."""
    registered = officer.bpjs_registered_on
    if registered is None:
        return [_say("registration_unknown")]
    if registered > on:
        return [_say("registered_after_incident", registered=registered)]
    return [_say("registered", registered=registered)]


def agreement_placement(
    officer: Officer,
    agreement: Agreement,
    *,
    on: dt.date,
    period_of: Callable[[Cohort], Period | None] | None = None,
) -> list[Reason]:
    """Whether the agreement counts the officer's role, position and election, and covers the date.

    Args:
        officer: the officer.
        agreement: the agreement.
        on: the date decided.
        period_of: how to read a cohort's period (default: as reported); a
            disputed period is decided under each reading this way.

    """
    if agreement.elections and officer.election not in agreement.elections:
        listed = Text(
            id=", ".join(election(key).name.id for key in agreement.elections),
            en=", ".join(election(key).name.en for key in agreement.elections),
        )
        return [_say("other_election", elections=listed, election=election(officer.election).name)]
    role = officer.role.abbreviation
    placement = agreement.placement(officer.role, officer.position)
    if not placement.cohorts:
        if placement.unnamed:
            return [_say("cohort_roles_unreported", role=role)]
        return [_say("role_not_in_agreement", role=role, position=officer.position.text)]
    read = period_of or _as_reported
    periods = [(cohort, read(cohort)) for cohort in placement.cohorts]
    dated = [period for _, period in periods if period is not None]
    for period in dated:
        if on in period:
            return [_say("in_cohort_period", role=role, period=period)]
    undated = [cohort for cohort, period in periods if period is None]
    if undated and agreement.term is not None:
        if on in agreement.term:
            return [_say("in_agreement_term", role=role, term=agreement.term)]
        return [_say("outside_agreement_term", term=agreement.term)]
    if undated:
        return [_say("period_unreported")]
    return [_say("outside_cohort_period", periods=", ".join(str(p) for p in dated))]


def _as_reported(cohort: Cohort) -> Period | None:
    return cohort.period


def programme_covered(programme: Programme, agreement: Agreement | None) -> list[Reason]:
    """Whether the agreement names the programme (JKK or JKM)."""
    if agreement is None:
        return []
    if not agreement.programmes:
        return [_say("programmes_unreported")]
    if programme not in agreement.programmes:
        return [_say("programme_not_in_agreement", programme=programme.text)]
    return []


def jkk_incident(trace: RuleTrace, incident: Incident) -> list[Reason]:
    """Whether the incident is a work accident, and the claim was filed in time."""
    if incident.kind not in JKK_KINDS:
        return [_say("not_work_related")]
    if incident.kind is IncidentKind.SUDDEN_DEATH_AT_WORK:
        found = [_say("sudden_death_criteria")]
    else:
        found = [_say("work_related")]
    if incident.claim_filed_on is not None:
        window = claim_window(trace, incident.on)
        catalogue = reason_catalogue()
        if window.in_time(incident.claim_filed_on):
            found.append(catalogue.reason_from("claim_in_time", window.value, years=window.years, deadline=window.deadline))
        else:
            found.append(
                catalogue.reason_from(
                    "claim_expired",
                    window.value,
                    filed=incident.claim_filed_on,
                    years=window.years,
                    deadline=window.deadline,
                )
            )
    return found


def jkm_incident(incident: Incident) -> list[Reason]:
    """Whether JKM answers for the incident (a death not caused by the work)."""
    if not incident.fatal:
        return [_say("no_death")]
    if incident.kind is IncidentKind.SUDDEN_DEATH_AT_WORK:
        return [_say("jkk_or_jkm")]
    if incident.kind in JKK_KINDS:
        return [_say("death_paid_by_jkk")]
    return [_say("death_not_work_accident")]


def scholarship(trace: RuleTrace, officer: Officer, incident: Incident) -> list[Reason]:
    """Whether a JKM death would also give the children's scholarship (years of membership).

    These reasons do not change the JKM decision (the cash benefits do not depend
    on membership length); they tell the claims officer about the scholarship.
    The condition is computed once, by :func:`jamsos_pemilu.claims.scholarship_membership`.
    """
    if not incident.fatal or incident.kind is not IncidentKind.DEATH_OTHER:
        return []
    started = officer.bpjs_membership_started
    late = started is not None and started > incident.on
    check = scholarship_membership(trace, None if late else started, on=incident.on)
    catalogue = reason_catalogue()
    if late:  # membership began after the death: no year of membership counts
        return [catalogue.reason_from("scholarship_membership_short", check.value, years=0, minimum=check.minimum)]
    if check.years is None:
        return [catalogue.reason_from("scholarship_membership_unknown", check.value, minimum=check.minimum)]
    code = "scholarship_membership_met" if check.met else "scholarship_membership_short"
    return [catalogue.reason_from(code, check.value, years=check.years, minimum=check.minimum)]


def santunan(trace: RuleTrace, officer: Officer, incident: Incident | None, *, in_term: bool) -> list[Reason]:
    """Whether the election body's own santunan (KPU or Bawaslu) applies."""
    body = _BODY_NAMES[officer.role.body]
    death = _SANTUNAN_DEATH
    if death not in trace:
        return [_say("santunan_amounts_unknown", body=body)]
    trace.require(death)
    found: list[Reason] = []
    if in_term:
        found.append(_say("ad_hoc_officer_on_duty", body=body))
    if incident is not None and incident.kind is IncidentKind.INJURY_OFF_DUTY and not incident.fatal:
        found.append(_say("injury_off_duty"))
    return found
