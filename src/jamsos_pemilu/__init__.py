"""jamsos_pemilu: BPJS Ketenagakerjaan JKK/JKM rules for election ad hoc officers, as code.

The public API is re-exported here; the code lives in plainly named modules. Names are
imported on first use (PEP 562), so ``import jamsos_pemilu`` stays fast and never loads
NumPy, pandas or matplotlib.

>>> from jamsos_pemilu import Month, Rupiah, monthly_premium
>>> monthly_premium(Rupiah(2_500_000), month=Month(2024, 2)).total
Rupiah(13500)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Final

from jamsos_pemilu._version import __version__

# The public API, one line per name: the name and the module it lives in. ``__all__`` and the
# lazy loader (``__getattr__``) are built from this table. The ``TYPE_CHECKING`` block below
# repeats each name for type checkers; tests/test_api.py checks that the two agree.
_EXPORTS: Final[dict[str, str]] = {
    "AgreementError": "jamsos_pemilu.exceptions",
    "CalculationError": "jamsos_pemilu.exceptions",
    "DeserializationError": "jamsos_pemilu.exceptions",
    "FloatMoneyError": "jamsos_pemilu.exceptions",
    "InputError": "jamsos_pemilu.exceptions",
    "InvalidNIKError": "jamsos_pemilu.exceptions",
    "InvalidPeriodError": "jamsos_pemilu.exceptions",
    "InvalidRegionCodeError": "jamsos_pemilu.exceptions",
    "JamsosError": "jamsos_pemilu.exceptions",
    "MoneyError": "jamsos_pemilu.exceptions",
    "RosterError": "jamsos_pemilu.exceptions",
    "RuleDataError": "jamsos_pemilu.exceptions",
    "RuleNotInForceError": "jamsos_pemilu.exceptions",
    "RuleTypeError": "jamsos_pemilu.exceptions",
    "UnknownCodeError": "jamsos_pemilu.exceptions",
    "UnknownParameterError": "jamsos_pemilu.exceptions",
    "RoundingRule": "jamsos_pemilu.money",
    "Rupiah": "jamsos_pemilu.money",
    "parse_rupiah": "jamsos_pemilu.money",
    "round_rupiah": "jamsos_pemilu.money",
    "to_rate": "jamsos_pemilu.money",
    "Month": "jamsos_pemilu.periods",
    "Period": "jamsos_pemilu.periods",
    "TimeZone": "jamsos_pemilu.periods",
    "local_date": "jamsos_pemilu.periods",
    "Text": "jamsos_pemilu.l10n",
    "format_date": "jamsos_pemilu.l10n",
    "format_percent": "jamsos_pemilu.l10n",
    "format_rupiah": "jamsos_pemilu.l10n",
    "Citation": "jamsos_pemilu.law",
    "Confidence": "jamsos_pemilu.law",
    "Parameter": "jamsos_pemilu.law",
    "Reform": "jamsos_pemilu.law",
    "RuleBook": "jamsos_pemilu.law",
    "RuleSnapshot": "jamsos_pemilu.law",
    "RuleValue": "jamsos_pemilu.law",
    "ScheduleTier": "jamsos_pemilu.law",
    "Source": "jamsos_pemilu.law",
    "Unit": "jamsos_pemilu.law",
    "default_rule_book": "jamsos_pemilu.law",
    "load_rule_book": "jamsos_pemilu.law",
    "rules_on": "jamsos_pemilu.law",
    "Alternative": "jamsos_pemilu.readings",
    "Contested": "jamsos_pemilu.readings",
    "OtherOutcome": "jamsos_pemilu.readings",
    "other_outcomes": "jamsos_pemilu.readings",
    "Body": "jamsos_pemilu.roles",
    "Level": "jamsos_pemilu.roles",
    "Position": "jamsos_pemilu.roles",
    "Role": "jamsos_pemilu.roles",
    "BudgetSource": "jamsos_pemilu.schemes",
    "NonWageEarner": "jamsos_pemilu.schemes",
    "Programme": "jamsos_pemilu.schemes",
    "RiskClass": "jamsos_pemilu.schemes",
    "Scheme": "jamsos_pemilu.schemes",
    "WageEarner": "jamsos_pemilu.schemes",
    "RegionCode": "jamsos_pemilu.regions",
    "RegionLevel": "jamsos_pemilu.regions",
    "DutyUnit": "jamsos_pemilu.officers",
    "NIK": "jamsos_pemilu.officers",
    "Officer": "jamsos_pemilu.officers",
    "mask_nik": "jamsos_pemilu.officers",
    "redact_niks": "jamsos_pemilu.officers",
    "Election": "jamsos_pemilu.elections",
    "ElectionKind": "jamsos_pemilu.elections",
    "all_elections": "jamsos_pemilu.elections",
    "election": "jamsos_pemilu.elections",
    "AdministrativeLevel": "jamsos_pemilu.institutions",
    "BpjsOffice": "jamsos_pemilu.institutions",
    "Institution": "jamsos_pemilu.institutions",
    "InstitutionKind": "jamsos_pemilu.institutions",
    "PartyRole": "jamsos_pemilu.institutions",
    "Agreement": "jamsos_pemilu.agreements",
    "AgreementKind": "jamsos_pemilu.agreements",
    "Cohort": "jamsos_pemilu.agreements",
    "OtherPersonnel": "jamsos_pemilu.agreements",
    "Party": "jamsos_pemilu.agreements",
    "Payer": "jamsos_pemilu.agreements",
    "Statement": "jamsos_pemilu.agreements",
    "CoverageOverlap": "jamsos_pemilu.coverage",
    "coverage_gaps": "jamsos_pemilu.coverage",
    "coverage_overlaps": "jamsos_pemilu.coverage",
    "load_agreements": "jamsos_pemilu.serialization",
    "shipped_agreement": "jamsos_pemilu.serialization",
    "shipped_agreements": "jamsos_pemilu.serialization",
    "Comparison": "jamsos_pemilu.explain",
    "Formula": "jamsos_pemilu.explain",
    "LineChange": "jamsos_pemilu.explain",
    "LineItem": "jamsos_pemilu.explain",
    "Receipt": "jamsos_pemilu.explain",
    "Result": "jamsos_pemilu.explain",
    "compare": "jamsos_pemilu.explain",
    "LateFine": "jamsos_pemilu.premiums",
    "MonthPlan": "jamsos_pemilu.premiums",
    "PlanPart": "jamsos_pemilu.premiums",
    "Premium": "jamsos_pemilu.premiums",
    "PremiumSchedule": "jamsos_pemilu.premiums",
    "due_date": "jamsos_pemilu.premiums",
    "late_fine": "jamsos_pemilu.premiums",
    "month_plan": "jamsos_pemilu.premiums",
    "monthly_premium": "jamsos_pemilu.premiums",
    "officer_premium": "jamsos_pemilu.premiums",
    "period_premium": "jamsos_pemilu.premiums",
    "BenefitAssessment": "jamsos_pemilu.benefits",
    "Child": "jamsos_pemilu.benefits",
    "EducationLevel": "jamsos_pemilu.benefits",
    "Impairment": "jamsos_pemilu.benefits",
    "SantunanEvent": "jamsos_pemilu.benefits",
    "TransportMode": "jamsos_pemilu.benefits",
    "jkk_death": "jamsos_pemilu.benefits",
    "jkk_home_care": "jamsos_pemilu.benefits",
    "jkk_medical_care": "jamsos_pemilu.benefits",
    "jkk_partial_disability": "jamsos_pemilu.benefits",
    "jkk_temporary_incapacity": "jamsos_pemilu.benefits",
    "jkk_total_disability": "jamsos_pemilu.benefits",
    "jkk_transport": "jamsos_pemilu.benefits",
    "jkm_death": "jamsos_pemilu.benefits",
    "santunan": "jamsos_pemilu.benefits",
    "ClaimDeadline": "jamsos_pemilu.claims",
    "jkk_claim_deadline": "jamsos_pemilu.claims",
    "CoverageDecision": "jamsos_pemilu.eligibility",
    "CoverageStatus": "jamsos_pemilu.eligibility",
    "ProgrammeDecision": "jamsos_pemilu.eligibility",
    "Incident": "jamsos_pemilu.eligibility",
    "IncidentKind": "jamsos_pemilu.eligibility",
    "Reason": "jamsos_pemilu.eligibility",
    "Scope": "jamsos_pemilu.eligibility",
    "check_coverage": "jamsos_pemilu.eligibility",
    "AgreementBudget": "jamsos_pemilu.budgets",
    "BudgetRow": "jamsos_pemilu.budgets",
    "CohortBudget": "jamsos_pemilu.budgets",
    "agreement_budget": "jamsos_pemilu.budgets",
    "cohort_budget": "jamsos_pemilu.budgets",
    "from_dict": "jamsos_pemilu.serialization",
    "from_json": "jamsos_pemilu.serialization",
    "json_schema": "jamsos_pemilu.schemas",
    "ResultRecord": "jamsos_pemilu.schemas",
    "result_from_json": "jamsos_pemilu.schemas",
    "to_dict": "jamsos_pemilu.serialization",
    "to_json": "jamsos_pemilu.serialization",
    "RosterChunk": "jamsos_pemilu.rosters",
    "RosterRow": "jamsos_pemilu.rosters",
    "read_columns": "jamsos_pemilu.rosters",
    "read_officers": "jamsos_pemilu.rosters",
    "DeathExposure": "jamsos_pemilu.batch",
    "GroupTotal": "jamsos_pemilu.batch",
    "PremiumArrays": "jamsos_pemilu.batch",
    "RosterBudget": "jamsos_pemilu.batch",
    "death_exposure": "jamsos_pemilu.batch",
    "monthly_budget": "jamsos_pemilu.batch",
    "monthly_premiums": "jamsos_pemilu.batch",
    "roster_budget": "jamsos_pemilu.batch",
    "budget_frames": "jamsos_pemilu.scaleout",
    "NationalCounts": "jamsos_pemilu.national",
    "NationalPicture": "jamsos_pemilu.national",
    "national_counts": "jamsos_pemilu.national",
    "national_picture": "jamsos_pemilu.national",
    "RosterCoverage": "jamsos_pemilu.roster_coverage",
    "check_roster_coverage": "jamsos_pemilu.roster_coverage",
}

__all__ = ["__version__", *_EXPORTS]

if TYPE_CHECKING:  # what __getattr__ returns, spelled out for type checkers (one line per name)
    from jamsos_pemilu.agreements import Agreement as Agreement
    from jamsos_pemilu.agreements import AgreementKind as AgreementKind
    from jamsos_pemilu.agreements import Cohort as Cohort
    from jamsos_pemilu.agreements import OtherPersonnel as OtherPersonnel
    from jamsos_pemilu.agreements import Party as Party
    from jamsos_pemilu.agreements import Payer as Payer
    from jamsos_pemilu.agreements import Statement as Statement
    from jamsos_pemilu.batch import DeathExposure as DeathExposure
    from jamsos_pemilu.batch import GroupTotal as GroupTotal
    from jamsos_pemilu.batch import PremiumArrays as PremiumArrays
    from jamsos_pemilu.batch import RosterBudget as RosterBudget
    from jamsos_pemilu.batch import death_exposure as death_exposure
    from jamsos_pemilu.batch import monthly_budget as monthly_budget
    from jamsos_pemilu.batch import monthly_premiums as monthly_premiums
    from jamsos_pemilu.batch import roster_budget as roster_budget
    from jamsos_pemilu.benefits import BenefitAssessment as BenefitAssessment
    from jamsos_pemilu.benefits import Child as Child
    from jamsos_pemilu.benefits import EducationLevel as EducationLevel
    from jamsos_pemilu.benefits import Impairment as Impairment
    from jamsos_pemilu.benefits import SantunanEvent as SantunanEvent
    from jamsos_pemilu.benefits import TransportMode as TransportMode
    from jamsos_pemilu.benefits import jkk_death as jkk_death
    from jamsos_pemilu.benefits import jkk_home_care as jkk_home_care
    from jamsos_pemilu.benefits import jkk_medical_care as jkk_medical_care
    from jamsos_pemilu.benefits import jkk_partial_disability as jkk_partial_disability
    from jamsos_pemilu.benefits import jkk_temporary_incapacity as jkk_temporary_incapacity
    from jamsos_pemilu.benefits import jkk_total_disability as jkk_total_disability
    from jamsos_pemilu.benefits import jkk_transport as jkk_transport
    from jamsos_pemilu.benefits import jkm_death as jkm_death
    from jamsos_pemilu.benefits import santunan as santunan
    from jamsos_pemilu.budgets import AgreementBudget as AgreementBudget
    from jamsos_pemilu.budgets import BudgetRow as BudgetRow
    from jamsos_pemilu.budgets import CohortBudget as CohortBudget
    from jamsos_pemilu.budgets import agreement_budget as agreement_budget
    from jamsos_pemilu.budgets import cohort_budget as cohort_budget
    from jamsos_pemilu.claims import ClaimDeadline as ClaimDeadline
    from jamsos_pemilu.claims import jkk_claim_deadline as jkk_claim_deadline
    from jamsos_pemilu.coverage import CoverageOverlap as CoverageOverlap
    from jamsos_pemilu.coverage import coverage_gaps as coverage_gaps
    from jamsos_pemilu.coverage import coverage_overlaps as coverage_overlaps
    from jamsos_pemilu.elections import Election as Election
    from jamsos_pemilu.elections import ElectionKind as ElectionKind
    from jamsos_pemilu.elections import all_elections as all_elections
    from jamsos_pemilu.elections import election as election
    from jamsos_pemilu.eligibility import CoverageDecision as CoverageDecision
    from jamsos_pemilu.eligibility import CoverageStatus as CoverageStatus
    from jamsos_pemilu.eligibility import Incident as Incident
    from jamsos_pemilu.eligibility import IncidentKind as IncidentKind
    from jamsos_pemilu.eligibility import ProgrammeDecision as ProgrammeDecision
    from jamsos_pemilu.eligibility import Reason as Reason
    from jamsos_pemilu.eligibility import Scope as Scope
    from jamsos_pemilu.eligibility import check_coverage as check_coverage
    from jamsos_pemilu.exceptions import AgreementError as AgreementError
    from jamsos_pemilu.exceptions import CalculationError as CalculationError
    from jamsos_pemilu.exceptions import DeserializationError as DeserializationError
    from jamsos_pemilu.exceptions import FloatMoneyError as FloatMoneyError
    from jamsos_pemilu.exceptions import InputError as InputError
    from jamsos_pemilu.exceptions import InvalidNIKError as InvalidNIKError
    from jamsos_pemilu.exceptions import InvalidPeriodError as InvalidPeriodError
    from jamsos_pemilu.exceptions import InvalidRegionCodeError as InvalidRegionCodeError
    from jamsos_pemilu.exceptions import JamsosError as JamsosError
    from jamsos_pemilu.exceptions import MoneyError as MoneyError
    from jamsos_pemilu.exceptions import RosterError as RosterError
    from jamsos_pemilu.exceptions import RuleDataError as RuleDataError
    from jamsos_pemilu.exceptions import RuleNotInForceError as RuleNotInForceError
    from jamsos_pemilu.exceptions import RuleTypeError as RuleTypeError
    from jamsos_pemilu.exceptions import UnknownCodeError as UnknownCodeError
    from jamsos_pemilu.exceptions import UnknownParameterError as UnknownParameterError
    from jamsos_pemilu.explain import Comparison as Comparison
    from jamsos_pemilu.explain import Formula as Formula
    from jamsos_pemilu.explain import LineChange as LineChange
    from jamsos_pemilu.explain import LineItem as LineItem
    from jamsos_pemilu.explain import Receipt as Receipt
    from jamsos_pemilu.explain import Result as Result
    from jamsos_pemilu.explain import compare as compare
    from jamsos_pemilu.institutions import AdministrativeLevel as AdministrativeLevel
    from jamsos_pemilu.institutions import BpjsOffice as BpjsOffice
    from jamsos_pemilu.institutions import Institution as Institution
    from jamsos_pemilu.institutions import InstitutionKind as InstitutionKind
    from jamsos_pemilu.institutions import PartyRole as PartyRole
    from jamsos_pemilu.l10n import Text as Text
    from jamsos_pemilu.l10n import format_date as format_date
    from jamsos_pemilu.l10n import format_percent as format_percent
    from jamsos_pemilu.l10n import format_rupiah as format_rupiah
    from jamsos_pemilu.law import Citation as Citation
    from jamsos_pemilu.law import Confidence as Confidence
    from jamsos_pemilu.law import Parameter as Parameter
    from jamsos_pemilu.law import Reform as Reform
    from jamsos_pemilu.law import RuleBook as RuleBook
    from jamsos_pemilu.law import RuleSnapshot as RuleSnapshot
    from jamsos_pemilu.law import RuleValue as RuleValue
    from jamsos_pemilu.law import ScheduleTier as ScheduleTier
    from jamsos_pemilu.law import Source as Source
    from jamsos_pemilu.law import Unit as Unit
    from jamsos_pemilu.law import default_rule_book as default_rule_book
    from jamsos_pemilu.law import load_rule_book as load_rule_book
    from jamsos_pemilu.law import rules_on as rules_on
    from jamsos_pemilu.money import RoundingRule as RoundingRule
    from jamsos_pemilu.money import Rupiah as Rupiah
    from jamsos_pemilu.money import parse_rupiah as parse_rupiah
    from jamsos_pemilu.money import round_rupiah as round_rupiah
    from jamsos_pemilu.money import to_rate as to_rate
    from jamsos_pemilu.national import NationalCounts as NationalCounts
    from jamsos_pemilu.national import NationalPicture as NationalPicture
    from jamsos_pemilu.national import national_counts as national_counts
    from jamsos_pemilu.national import national_picture as national_picture
    from jamsos_pemilu.officers import NIK as NIK
    from jamsos_pemilu.officers import DutyUnit as DutyUnit
    from jamsos_pemilu.officers import Officer as Officer
    from jamsos_pemilu.officers import mask_nik as mask_nik
    from jamsos_pemilu.officers import redact_niks as redact_niks
    from jamsos_pemilu.periods import Month as Month
    from jamsos_pemilu.periods import Period as Period
    from jamsos_pemilu.periods import TimeZone as TimeZone
    from jamsos_pemilu.periods import local_date as local_date
    from jamsos_pemilu.premiums import LateFine as LateFine
    from jamsos_pemilu.premiums import MonthPlan as MonthPlan
    from jamsos_pemilu.premiums import PlanPart as PlanPart
    from jamsos_pemilu.premiums import Premium as Premium
    from jamsos_pemilu.premiums import PremiumSchedule as PremiumSchedule
    from jamsos_pemilu.premiums import due_date as due_date
    from jamsos_pemilu.premiums import late_fine as late_fine
    from jamsos_pemilu.premiums import month_plan as month_plan
    from jamsos_pemilu.premiums import monthly_premium as monthly_premium
    from jamsos_pemilu.premiums import officer_premium as officer_premium
    from jamsos_pemilu.premiums import period_premium as period_premium
    from jamsos_pemilu.readings import Alternative as Alternative
    from jamsos_pemilu.readings import Contested as Contested
    from jamsos_pemilu.readings import OtherOutcome as OtherOutcome
    from jamsos_pemilu.readings import other_outcomes as other_outcomes
    from jamsos_pemilu.regions import RegionCode as RegionCode
    from jamsos_pemilu.regions import RegionLevel as RegionLevel
    from jamsos_pemilu.roles import Body as Body
    from jamsos_pemilu.roles import Level as Level
    from jamsos_pemilu.roles import Position as Position
    from jamsos_pemilu.roles import Role as Role
    from jamsos_pemilu.roster_coverage import RosterCoverage as RosterCoverage
    from jamsos_pemilu.roster_coverage import check_roster_coverage as check_roster_coverage
    from jamsos_pemilu.rosters import RosterChunk as RosterChunk
    from jamsos_pemilu.rosters import RosterRow as RosterRow
    from jamsos_pemilu.rosters import read_columns as read_columns
    from jamsos_pemilu.rosters import read_officers as read_officers
    from jamsos_pemilu.scaleout import budget_frames as budget_frames
    from jamsos_pemilu.schemas import ResultRecord as ResultRecord
    from jamsos_pemilu.schemas import json_schema as json_schema
    from jamsos_pemilu.schemas import result_from_json as result_from_json
    from jamsos_pemilu.schemes import BudgetSource as BudgetSource
    from jamsos_pemilu.schemes import NonWageEarner as NonWageEarner
    from jamsos_pemilu.schemes import Programme as Programme
    from jamsos_pemilu.schemes import RiskClass as RiskClass
    from jamsos_pemilu.schemes import Scheme as Scheme
    from jamsos_pemilu.schemes import WageEarner as WageEarner
    from jamsos_pemilu.serialization import from_dict as from_dict
    from jamsos_pemilu.serialization import from_json as from_json
    from jamsos_pemilu.serialization import load_agreements as load_agreements
    from jamsos_pemilu.serialization import shipped_agreement as shipped_agreement
    from jamsos_pemilu.serialization import shipped_agreements as shipped_agreements
    from jamsos_pemilu.serialization import to_dict as to_dict
    from jamsos_pemilu.serialization import to_json as to_json


def __getattr__(name: str) -> Any:
    """Import a public name from its module on first use."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'jamsos_pemilu' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
