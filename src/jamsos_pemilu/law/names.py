"""Nama parameter (parameter names): the one place that spells rule-book names.

Code never writes a parameter name as a string literal or an f-string: it uses
a constant of this module for a fixed name, or one of its functions for a
family of names built from a code (a risk class, a role and position, an
education level...). A test (``tests/test_names.py``) proves that every name
these functions can produce for the codes that exist is in the shipped rule
book, so a typo or a renamed parameter fails there and not in a user's result.

The functions take the library's enums (:class:`~jamsos_pemilu.schemes.RiskClass`,
:class:`~jamsos_pemilu.roles.Role`, :class:`~jamsos_pemilu.benefits.EducationLevel`...)
and read only their ``.value``; the enums are imported for type checking only,
so this module imports nothing else of the package and causes no import cycle.

>>> from jamsos_pemilu.law import names, rules_on
>>> from jamsos_pemilu.schemes import RiskClass
>>> names.jkk_rate(RiskClass.SANGAT_RENDAH)
'pu.jkk_rate.sangat_rendah'
>>> import datetime as dt
>>> rules_on(dt.date(2024, 2, 14))[names.PU_JKM_RATE].rate
Decimal('0.0030')
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, Literal

if TYPE_CHECKING:
    from jamsos_pemilu.benefits import EducationLevel, SantunanEvent, TransportMode
    from jamsos_pemilu.roles import Position, Role
    from jamsos_pemilu.schemes import RiskClass

__all__ = [
    "ARREARS_BPJS_PAYS_MAX_MONTHS",
    "BPU_DUE_DAY",
    "BPU_JKK_RATE",
    "BPU_JKM_AMOUNT",
    "BPU_LOWEST_INCOME_BASIS",
    "DUE_DATE_SHIFT",
    "JKK_CLAIM_EXPIRY_YEARS",
    "JKK_DEATH_FLOOR",
    "JKK_DEATH_WAGE_MULTIPLIER",
    "JKK_DENTURES_CAP",
    "JKK_FUNERAL",
    "JKK_GLASSES_CAP",
    "JKK_HEARING_AID_CAP",
    "JKK_HOME_CARE_CAP",
    "JKK_HOME_CARE_MAX_MONTHS",
    "JKK_LATE_PAYMENT_RATE_PER_DAY",
    "JKK_ORTHOSIS_MARKUP",
    "JKK_PARTIAL_DISABILITY_WAGE_MULTIPLIER",
    "JKK_PAYMENT_DEADLINE_WORKING_DAYS",
    "JKK_PERIODIC_BENEFIT",
    "JKK_SCHOLARSHIP_LUMP_SUM",
    "JKK_STMB_SCHEDULE",
    "JKK_TOTAL_DISABILITY_WAGE_MULTIPLIER",
    "JKM_FUNERAL",
    "JKM_LATE_PAYMENT_RATE_PER_DAY",
    "JKM_LUMP_SUM",
    "JKM_PAYMENT_DEADLINE_WORKING_DAYS",
    "JKM_PERIODIC_BENEFIT",
    "JKM_SCHOLARSHIP_LUMP_SUM",
    "JKM_SCHOLARSHIP_MIN_MEMBERSHIP_YEARS",
    "LATE_FINE_RATE",
    "PU_DUE_DAY",
    "PU_JKM_RATE",
    "PU_JKM_RATE_JKP",
    "RELIEF_PP49_2020_DISCOUNT",
    "RELIEF_PP50_2025_DISCOUNT_OTHER",
    "RELIEF_PP50_2025_DISCOUNT_TRANSPORT",
    "ROUNDING",
    "SANTUNAN_FUNERAL",
    "SCHOLARSHIP_MAX_AGE",
    "SCHOLARSHIP_MAX_CHILDREN",
    "AgeBound",
    "ScholarshipField",
    "age_limit",
    "disability",
    "fixed_names",
    "honorarium",
    "jkk_rate",
    "members",
    "santunan",
    "scholarship",
    "scholarship_band",
    "transport",
]

# --------------------------------------------------------------------------- premiums (iuran)

PU_JKM_RATE: Final = "pu.jkm_rate"
"""JKM premium rate of a wage earner (PU), a fraction of the monthly wage."""
PU_JKM_RATE_JKP: Final = "pu.jkm_rate_jkp"
"""JKM premium rate of a wage earner who is also in JKP (PP 49/2023 Pasal 18A)."""
PU_DUE_DAY: Final = "pu.due_day"
"""Day of the month after the contribution month on which a wage earner's premium is due."""
BPU_DUE_DAY: Final = "bpu.due_day"
"""Day of the contribution month itself on which a non-wage earner's premium is due."""
BPU_JKK_RATE: Final = "bpu.jkk_rate"
"""JKK premium rate of a non-wage earner (BPU), a fraction of the declared income."""
BPU_JKM_AMOUNT: Final = "bpu.jkm_amount"
"""Flat monthly JKM premium of a non-wage earner."""
BPU_LOWEST_INCOME_BASIS: Final = "bpu.lowest_income_basis"
"""Lowest declared-income basis of a non-wage earner."""
LATE_FINE_RATE: Final = "contribution.late_fine_rate"
"""Fine per month of delay on a late premium, a fraction of the premium due."""
ROUNDING: Final = "contribution.rounding"
"""How computed amounts become whole rupiah (a :class:`~jamsos_pemilu.money.RoundingRule` value)."""
DUE_DATE_SHIFT: Final = "contribution.due_date_shift"
"""Where a due date that falls on a holiday moves (``next_working_day`` or ``previous_working_day``)."""
ARREARS_BPJS_PAYS_MAX_MONTHS: Final = "arrears.bpjs_pays_max_months"
"""Consecutive months of employer arrears for which BPJS still pays benefits."""
RELIEF_PP49_2020_DISCOUNT: Final = "relief.pp49_2020.discount"
"""PP 49/2020 COVID-19 discount on JKK and JKM premiums."""
RELIEF_PP50_2025_DISCOUNT_TRANSPORT: Final = "relief.pp50_2025.discount.transport"
"""PP 50/2025 discount for transport-sector non-wage earners."""
RELIEF_PP50_2025_DISCOUNT_OTHER: Final = "relief.pp50_2025.discount.other"
"""PP 50/2025 discount for other non-wage earners."""

# --------------------------------------------------------------------------- JKK benefits

JKK_CLAIM_EXPIRY_YEARS: Final = "jkk.claim_expiry_years"
JKK_DEATH_FLOOR: Final = "jkk.death.floor"
JKK_DEATH_WAGE_MULTIPLIER: Final = "jkk.death.wage_multiplier"
JKK_DENTURES_CAP: Final = "jkk.dentures.cap"
JKK_FUNERAL: Final = "jkk.funeral"
JKK_GLASSES_CAP: Final = "jkk.glasses.cap"
JKK_HEARING_AID_CAP: Final = "jkk.hearing_aid.cap"
JKK_HOME_CARE_CAP: Final = "jkk.home_care.cap"
JKK_HOME_CARE_MAX_MONTHS: Final = "jkk.home_care.max_months"
JKK_LATE_PAYMENT_RATE_PER_DAY: Final = "jkk.late_payment_rate_per_day"
JKK_ORTHOSIS_MARKUP: Final = "jkk.orthosis.markup"
JKK_PARTIAL_DISABILITY_WAGE_MULTIPLIER: Final = "jkk.partial_disability.wage_multiplier"
JKK_PAYMENT_DEADLINE_WORKING_DAYS: Final = "jkk.payment_deadline_working_days"
JKK_PERIODIC_BENEFIT: Final = "jkk.periodic_benefit"
JKK_SCHOLARSHIP_LUMP_SUM: Final = "jkk.scholarship.lump_sum"
JKK_STMB_SCHEDULE: Final = "jkk.stmb.schedule"
JKK_TOTAL_DISABILITY_WAGE_MULTIPLIER: Final = "jkk.total_disability.wage_multiplier"

# --------------------------------------------------------------------------- JKM benefits

JKM_FUNERAL: Final = "jkm.funeral"
JKM_LATE_PAYMENT_RATE_PER_DAY: Final = "jkm.late_payment_rate_per_day"
JKM_LUMP_SUM: Final = "jkm.lump_sum"
JKM_PAYMENT_DEADLINE_WORKING_DAYS: Final = "jkm.payment_deadline_working_days"
JKM_PERIODIC_BENEFIT: Final = "jkm.periodic_benefit"
JKM_SCHOLARSHIP_LUMP_SUM: Final = "jkm.scholarship.lump_sum"
JKM_SCHOLARSHIP_MIN_MEMBERSHIP_YEARS: Final = "jkm.scholarship.min_membership_years"

# --------------------------------------------------------------------------- scholarship, santunan

SCHOLARSHIP_MAX_AGE: Final = "scholarship.max_age"
SCHOLARSHIP_MAX_CHILDREN: Final = "scholarship.max_children"
SANTUNAN_FUNERAL: Final = "santunan.funeral"
"""KPU/Bawaslu funeral aid (paid with a death santunan, when an instrument provides it)."""


def fixed_names() -> tuple[str, ...]:
    """Every fixed name this module defines (its upper-case constants), sorted.

    >>> "pu.jkm_rate" in fixed_names()
    True
    """
    module = globals()
    return tuple(sorted(module[key] for key in __all__ if key.isupper()))


# --------------------------------------------------------------------------- families

ScholarshipField = Literal["per_year", "max_years"]
"""The two parameters of a scholarship band: the amount per year and the years at most."""
AgeBound = Literal["minimum", "maximum"]
"""Which end of an age limit."""

_SCHOLARSHIP_BANDS: Final = {"tk": "tk_sd", "sd": "tk_sd"}
"""Levels that share one band: TK and SD are one band of at most 8 years together."""


def jkk_rate(risk_class: RiskClass, *, jkp: bool = False) -> str:
    """The JKK premium rate of a wage earner in ``risk_class``.

    Args:
        risk_class: the risk class of the work.
        jkp: the rate of a participant who is also in JKP (PP 49/2023 Pasal 16A).

    >>> from jamsos_pemilu.schemes import RiskClass
    >>> jkk_rate(RiskClass.TINGGI), jkk_rate(RiskClass.TINGGI, jkp=True)
    ('pu.jkk_rate.tinggi', 'pu.jkk_rate_jkp.tinggi')
    """
    family = "pu.jkk_rate_jkp" if jkp else "pu.jkk_rate"
    return f"{family}.{risk_class.value}"


def honorarium(election_key: str, role: Role, position: Position) -> str:
    """The monthly honorarium of ``position`` in ``role`` for the election ``election_key``.

    >>> from jamsos_pemilu.roles import Position, Role
    >>> honorarium("pemilu_2024", Role.KPPS, Position.ANGGOTA)
    'honorarium.pemilu_2024.kpps.anggota'
    """
    return f"honorarium.{election_key}.{role.value}.{position.value}"


def members(role: Role) -> str:
    """Members per unit of ``role`` (``composition.kpps.members``).

    >>> from jamsos_pemilu.roles import Role
    >>> members(Role.KPPS)
    'composition.kpps.members'
    """
    return f"composition.{role.value}.members"


def age_limit(election_key: str, role: Role, bound: AgeBound) -> str:
    """The ``minimum`` or ``maximum`` age for ``role`` in the election ``election_key``.

    >>> from jamsos_pemilu.roles import Role
    >>> age_limit("pemilu_2024", Role.KPPS, "maximum")
    'age.pemilu_2024.kpps.maximum'
    """
    return f"age.{election_key}.{role.value}.{bound}"


def scholarship_band(level: EducationLevel) -> str:
    """The scholarship band of an education level (TK and SD share the band ``tk_sd``).

    >>> from jamsos_pemilu.benefits import EducationLevel
    >>> scholarship_band(EducationLevel.TK), scholarship_band(EducationLevel.SD), scholarship_band(EducationLevel.PT)
    ('tk_sd', 'tk_sd', 'pt')
    """
    return _SCHOLARSHIP_BANDS.get(level.value, level.value)


def scholarship(level: EducationLevel, field: ScholarshipField) -> str:
    """A parameter of the scholarship band of ``level``: ``per_year`` or ``max_years``.

    >>> from jamsos_pemilu.benefits import EducationLevel
    >>> scholarship(EducationLevel.SMA, "per_year")
    'scholarship.sma.per_year'
    """
    return f"scholarship.{scholarship_band(level)}.{field}"


def disability(item: str) -> str:
    """A row of the disability table (``jkk.disability.one_eye``).

    >>> disability("one_eye")
    'jkk.disability.one_eye'
    """
    return f"jkk.disability.{item}"


def transport(mode: TransportMode) -> str:
    """The transport cap for ``mode`` (``jkk.transport.land``).

    >>> from jamsos_pemilu.benefits import TransportMode
    >>> transport(TransportMode.SEA)
    'jkk.transport.sea'
    """
    return f"jkk.transport.{mode.value}"


def santunan(event: SantunanEvent) -> str:
    """KPU/Bawaslu compensation for ``event`` (``santunan.death``).

    >>> from jamsos_pemilu.benefits import SantunanEvent
    >>> santunan(SantunanEvent.SERIOUS_INJURY)
    'santunan.serious_injury'
    """
    return f"santunan.{event.value}"
