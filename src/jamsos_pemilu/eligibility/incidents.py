"""Kejadian (incidents): the accident, illness or death a coverage decision is about.

>>> import datetime as dt
>>> Incident(IncidentKind.parse("death other"), dt.date(2024, 2, 15), fatal=True).kind
<IncidentKind.DEATH_OTHER: 'death_other'>
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Final

import attrs

from jamsos_pemilu.codes import parse_code
from jamsos_pemilu.exceptions import InputError, short_repr

__all__ = ["JKK_KINDS", "Incident", "IncidentKind"]


class IncidentKind(enum.Enum):
    """What happened to the officer."""

    WORK_ACCIDENT = "work_accident"
    """An accident on duty (*kecelakaan kerja*)."""
    COMMUTING_ACCIDENT = "commuting_accident"
    """An accident on the usual way between home and the duty post."""
    SUDDEN_DEATH_AT_WORK = "sudden_death_at_work"
    """Sudden death at work (*meninggal mendadak*), treated as JKK under criteria not read in a regulation."""
    OCCUPATIONAL_DISEASE = "occupational_disease"
    """A disease caused by the work (*penyakit akibat kerja*)."""
    DEATH_OTHER = "death_other"
    """A death not caused by the work (illness, an accident off duty): JKM."""
    INJURY_OFF_DUTY = "injury_off_duty"
    """An injury unrelated to the duty."""

    @classmethod
    def parse(cls, text: str) -> IncidentKind:
        """Parse ``"work_accident"``, ``"death other"``...

        Raises:
            UnknownCodeError: naming the accepted values.

        """
        return parse_code(cls, "incident kind", text)


JKK_KINDS: Final = frozenset(
    {
        IncidentKind.WORK_ACCIDENT,
        IncidentKind.COMMUTING_ACCIDENT,
        IncidentKind.SUDDEN_DEATH_AT_WORK,
        IncidentKind.OCCUPATIONAL_DISEASE,
    }
)
"""The kinds that are work-related, so JKK (not JKM) answers for them."""




def _require_date(value: object, name: str) -> None:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise InputError(f"incident {name}: expected a datetime.date, got {type(value).__name__} ({short_repr(value)})")


@attrs.frozen
class Incident:
    """An accident, illness or death to decide coverage for.

    Args:
        kind: what happened.
        on: the local date it happened (see :func:`jamsos_pemilu.periods.local_date`).
        fatal: whether the officer died.
        claim_filed_on: when the claim was filed, to check the JKK claim expiry.

    Raises:
        InputError: a field has the wrong type, a death kind is not fatal, or
            the claim is filed before the incident.

    """

    kind: IncidentKind
    on: dt.date
    fatal: bool = False
    claim_filed_on: dt.date | None = None

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.kind, IncidentKind):
            raise InputError(f"incident kind: expected an IncidentKind, got {short_repr(self.kind)}")
        _require_date(self.on, "on")
        if self.claim_filed_on is not None:
            _require_date(self.claim_filed_on, "claim_filed_on")
        if type(self.fatal) is not bool:
            raise InputError(f"incident fatal: expected True or False, got {short_repr(self.fatal)}")
        if self.kind in {IncidentKind.DEATH_OTHER, IncidentKind.SUDDEN_DEATH_AT_WORK} and not self.fatal:
            raise InputError(f"incident fatal: a {self.kind.value!r} incident is fatal; set fatal=True")
        if self.claim_filed_on is not None and self.claim_filed_on < self.on:
            raise InputError(
                f"incident claim_filed_on: the claim ({self.claim_filed_on.isoformat()}) cannot be filed before "
                f"the incident ({self.on.isoformat()})"
            )

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON."""
        return {
            "kind": self.kind.value,
            "on": self.on.isoformat(),
            "fatal": self.fatal,
            "claim_filed_on": None if self.claim_filed_on is None else self.claim_filed_on.isoformat(),
        }
