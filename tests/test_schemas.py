"""Tests for jamsos_pemilu.schemas: every JSON the library writes fits its JSON Schema, and results load back."""

from __future__ import annotations

import copy
import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from jamsos_pemilu import Month, Period, Reform, Rupiah, rules_on
from jamsos_pemilu.agreements import Agreement
from jamsos_pemilu.batch import (
    DeathExposure,
    PremiumArrays,
    RosterBudget,
    death_exposure,
    monthly_budget,
    monthly_premiums,
)
from jamsos_pemilu.benefits import (
    BenefitAssessment,
    Child,
    EducationLevel,
    Impairment,
    SantunanEvent,
    TransportMode,
    jkk_death,
    jkk_home_care,
    jkk_medical_care,
    jkk_partial_disability,
    jkk_temporary_incapacity,
    jkk_total_disability,
    jkk_transport,
    jkm_death,
    santunan,
)
from jamsos_pemilu.budgets import AgreementBudget, CohortBudget, agreement_budget
from jamsos_pemilu.claims import ClaimDeadline, jkk_claim_deadline
from jamsos_pemilu.eligibility import CoverageDecision, Incident, IncidentKind, check_coverage
from jamsos_pemilu.exceptions import DeserializationError, UnknownCodeError
from jamsos_pemilu.explain import Comparison, LineItem, Receipt, compare
from jamsos_pemilu.law.parameters import RuleValue
from jamsos_pemilu.national import NationalCounts, NationalPicture, national_counts, national_picture
from jamsos_pemilu.officers import Officer
from jamsos_pemilu.premiums import (
    LateFine,
    MonthPlan,
    Premium,
    PremiumSchedule,
    late_fine,
    month_plan,
    monthly_premium,
    period_premium,
)
from jamsos_pemilu.roles import Role
from jamsos_pemilu.roster_costs import RosterCosts, roster_costs
from jamsos_pemilu.roster_coverage import RosterCoverage, check_roster_coverage, roster_chunk
from jamsos_pemilu.schemas import (
    AGREEMENT_FILE,
    BENEFIT_KINDS,
    JSON_SCHEMA_DIALECT,
    SCHEMA_NAMES,
    ResultRecord,
    json_schema,
    result_from_dict,
    result_from_json,
    schema_for,
    schema_names,
    write_json_schemas,
)
from jamsos_pemilu.schemes import BudgetSource, NonWageEarner, Programme, RiskClass, WageEarner
from jamsos_pemilu.serialization import from_dict, shipped_agreement, shipped_agreements, to_dict
from strategies import agreements

VOTING = dt.date(2024, 2, 14)
BINTAN = "kab-bintan-pemilu-2024"
OFFICER = Officer(
    nik="3602041211050001", name="Siti", role="kpps", position="anggota", election="pemilu_2024",
    appointment=Period.parse("2024-01-25/2024-02-25"), bpjs_registered_on=dt.date(2024, 1, 30),
)
ASAHAN_PPS = Officer(
    nik="3602041211050001", name="Siti", role="pps", position="anggota", election="pilkada_2024",
    appointment=Period.parse("2024-05-01/2024-12-31"),
)
"""A Pilkada 2024 officer under Asahan's agreement, whose cohort period has another reading."""
RESULT_CLASSES = [cls for cls in SCHEMA_NAMES.values() if cls not in (Agreement, Officer, Reform)]


def validator(cls: type[Any]) -> Draft202012Validator:
    """A 2020-12 validator for ``cls``'s schema that checks formats (dates) too."""
    return Draft202012Validator(json_schema(cls), format_checker=Draft202012Validator.FORMAT_CHECKER)


def errors(cls: type[Any], data: object) -> list[str]:
    """Where and why ``data`` breaks the schema of ``cls``, per the jsonschema package."""
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator(cls).iter_errors(data)]


def as_json(result: Any) -> Any:
    """The result's JSON as another service would read it."""
    return json.loads(result.to_json() if hasattr(result, "to_json") else json.dumps(result.to_dict()))


def assert_fits(result: Any, cls: type[Any] | None = None) -> None:
    """The result's JSON fits its schema (jsonschema) and loads back equal to its to_dict()."""
    chosen = cls or type(result)
    data = as_json(result)
    assert errors(chosen, data) == []
    record = result_from_json(chosen, json.dumps(data))
    assert record.to_dict() == result.to_dict()


# --- the schemas themselves -----------------------------------------------------------------


@pytest.mark.parametrize("name", schema_names())
def test_every_schema_is_a_valid_2020_12_schema(name: str) -> None:
    """Each schema the library offers is itself a valid JSON Schema 2020-12 document, with its title and $id."""
    schema = schema_for(name)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == JSON_SCHEMA_DIALECT
    assert schema["$id"].endswith(schema["title"])
    if name in SCHEMA_NAMES:
        assert schema == json_schema(SCHEMA_NAMES[name])
        assert schema["title"] == SCHEMA_NAMES[name].__name__


def test_an_unknown_schema_name_lists_the_names() -> None:
    """An unknown schema name is an UnknownCodeError listing every name; ``_`` may stand for ``-``."""
    assert schema_for("Late_Fine")["title"] == "LateFine"
    with pytest.raises(UnknownCodeError, match="accepted values: agreement, agreement-file, officer"):
        schema_for("iuran")


@pytest.mark.parametrize("cls", RESULT_CLASSES, ids=lambda cls: cls.__name__)
def test_result_schemas_are_closed(cls: type[Any]) -> None:
    """A result schema requires every key it lists and allows no other, at the root and in every shared part."""
    schema = json_schema(cls)
    parts = [schema, *schema["$defs"].values()]
    for part in parts:
        assert part["additionalProperties"] is False
        assert set(part["required"]) <= set(part["properties"])


@pytest.mark.parametrize("cls", [Premium, BenefitAssessment, CoverageDecision, AgreementBudget, RosterCosts])
def test_results_share_one_receipt_definition(cls: type[Any]) -> None:
    """Every result refers to the one Receipt definition, the same as the Receipt schema's own: defined once."""
    schema = json_schema(cls)
    assert schema["properties"]["receipt"] == {"$ref": "#/$defs/Receipt"}
    receipt = json_schema(Receipt)
    assert schema["$defs"]["Receipt"]["properties"] == receipt["properties"]


def test_a_class_without_json_is_refused() -> None:
    """Asking for the schema of a class with no JSON form is a TypeError naming the classes that have one."""
    with pytest.raises(TypeError, match="Premium"):
        json_schema(int)


def test_kind_is_fixed_per_result() -> None:
    """The kind of a premium is the constant "premium"; a benefit's kind is one of the benefit kinds."""
    assert json_schema(Premium)["properties"]["kind"] == {"const": "premium"}
    assert json_schema(BenefitAssessment)["properties"]["kind"]["enum"] == list(BENEFIT_KINDS)


def test_write_json_schemas_writes_every_schema(tmp_path: Path) -> None:
    """write_json_schemas writes one parseable file per named schema."""
    written = write_json_schemas(tmp_path)
    assert len(written) == len(schema_names()) == len(SCHEMA_NAMES) + 1
    premium = json.loads((tmp_path / "Premium.schema.json").read_text(encoding="utf-8"))
    assert premium == json_schema(Premium)


# --- inputs ----------------------------------------------------------------------------------


def test_shipped_agreements_fit_the_agreement_schema() -> None:
    """The shipped agreements file fits the agreement-file schema; each agreement in it, the Agreement schema."""
    document = json.loads(
        (Path(__file__).parents[1] / "src" / "jamsos_pemilu" / "data" / "agreements.json").read_text(encoding="utf-8")
    )
    whole = Draft202012Validator(schema_for(AGREEMENT_FILE), format_checker=Draft202012Validator.FORMAT_CHECKER)
    assert [e.message for e in whole.iter_errors(document)] == []
    assert [e.message for e in whole.iter_errors({"agreements": [], "extra": 1})] != []
    check = validator(Agreement)
    for entry in document["agreements"]:
        assert [e.message for e in check.iter_errors(entry)] == [], entry["id"]
    for agreement in shipped_agreements():
        assert errors(Agreement, to_dict(agreement)) == [], agreement.id


@settings(max_examples=40, deadline=None)
@given(agreements())
def test_generated_agreements_fit_the_agreement_schema(agreement: Agreement) -> None:
    """Whatever to_dict writes for any valid agreement, the Agreement schema accepts."""
    assert errors(Agreement, to_dict(agreement)) == []


def test_an_officer_fits_the_officer_schema() -> None:
    """An officer's JSON fits the Officer schema; a NIK of 15 digits does not."""
    data = to_dict(OFFICER)
    assert errors(Officer, data) == []
    assert errors(Officer, dict(data, nik="360204121105000")) != []


def test_the_agreement_schema_refuses_unknown_keys_as_the_loader_does() -> None:
    """An agreement with a key the model does not have fits neither the schema nor the loader."""
    data = dict(to_dict(shipped_agreement(BINTAN)), extra=1)
    assert [e.split(":")[0] for e in errors(Agreement, data)] == [""]
    with pytest.raises(DeserializationError):
        from_dict(Agreement, data)


def test_the_agreement_schema_requires_only_fields_without_defaults() -> None:
    """Only an agreement's id and title are required; every other field has a default."""
    assert json_schema(Agreement)["required"] == ["id", "title"]


@pytest.mark.parametrize(
    "reform",
    [
        Reform("JKM naik", {"jkm.lump_sum": 30_000_000}),
        Reform("Tarif JKM", {"pu.jkm_rate": Decimal("0.004")}),
        Reform.select_alternative("jkk.death.floor", 0),
    ],
    ids=["rupiah", "rate", "reading"],
)
def test_reforms_fit_the_reform_schema(reform: Reform) -> None:
    """A reform's plain data fits the Reform schema, which refuses one with neither overrides nor readings."""
    assert errors(Reform, reform.to_dict()) == []
    assert errors(Reform, {"label": "nothing"}) != []


# --- results, generated ----------------------------------------------------------------------

wages = st.integers(1, 50_000_000).map(Rupiah)
months = st.builds(Month, st.integers(2016, 2027), st.integers(1, 12))
days = st.dates(dt.date(2016, 1, 1), dt.date(2027, 12, 31))
schemes = st.one_of(st.builds(WageEarner, st.sampled_from(RiskClass)), st.just(NonWageEarner()))
programme_sets = st.sampled_from([{Programme.JKK}, {Programme.JKM}, {Programme.JKK, Programme.JKM}])
sources = st.one_of(st.none(), st.sampled_from(BudgetSource))
SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SLOW
@given(wages, schemes, months, programme_sets, sources)
def test_every_premium_fits_its_schema(
    basis: Rupiah, scheme: WageEarner | NonWageEarner, month: Month, programmes: set[Programme],
    source: BudgetSource | None,
) -> None:
    """Any officer's monthly premium (any wage, scheme, month, programmes, payer) and its plan fit their schemas."""
    if isinstance(scheme, NonWageEarner):
        basis = max(basis, Rupiah(1_000_000))  # a declared income at or above the lowest basis
    premium = monthly_premium(basis, scheme, month=month, programmes=programmes, budget_source=source)
    assert_fits(premium)
    assert_fits(premium.receipt, Receipt)
    assert_fits(month_plan(scheme, month=month, programmes=programmes, budget_source=source), MonthPlan)


@SLOW
@given(wages, days, st.integers(0, 120), st.integers(0, 400))
def test_every_schedule_and_late_fine_fits_its_schema(basis: Rupiah, start: dt.date, days_on: int, late: int) -> None:
    """A premium schedule over any period, and the late fine on any premium, fit their schemas."""
    period = Period(start, start + dt.timedelta(days=days_on))
    assert_fits(period_premium(basis, period=period))
    month = Month(start.year, start.month)
    assert_fits(late_fine(basis, month=month, paid_on=start + dt.timedelta(days=late + 40)))


since_2019 = st.dates(dt.date(2019, 12, 2), dt.date(2027, 12, 31))
benefit_calls = st.one_of(
    st.builds(lambda day, children: jkm_death(on=day, children=children), days,
              st.lists(st.builds(Child, st.sampled_from(EducationLevel)), max_size=3)),
    st.builds(lambda wage, day: jkk_death(wage, on=day), wages, days),
    st.builds(lambda wage, day: jkk_total_disability(wage, on=day), wages, days),
    st.builds(lambda wage, months, day: jkk_temporary_incapacity(wage, months, on=day), wages, st.integers(1, 30), days),
    st.builds(lambda cost, months, day: jkk_home_care(cost, months, on=day), wages, st.integers(1, 12), since_2019),
    st.builds(lambda day: jkk_medical_care(on=day), days),
    st.builds(lambda wage, share, day: jkk_partial_disability(wage, [Impairment(percent=share)], on=day), wages,
              st.integers(1, 100).map(lambda n: Decimal(n) / 100), days),
    st.builds(lambda costs, day: jkk_transport(costs, on=day),
              st.dictionaries(st.sampled_from(TransportMode), wages, min_size=1), since_2019),
    st.builds(lambda event, day: santunan(event, on=day), st.sampled_from(SantunanEvent),
              st.dates(dt.date(2023, 1, 1), dt.date(2025, 12, 31))),
)


@SLOW
@given(benefit_calls)
def test_every_benefit_assessment_fits_its_schema(assessment: BenefitAssessment) -> None:
    """Every benefit calculator's assessment (death, disability, incapacity, care, transport, santunan) fits."""
    assert assessment.kind in BENEFIT_KINDS
    assert_fits(assessment)


def test_the_benefit_kinds_are_exactly_those_the_calculators_give() -> None:
    """Each benefit calculator's kind is listed in the schema's enum, and each listed kind comes from one."""
    wage = Rupiah(1_100_000)
    given_kinds = {
        jkm_death(on=VOTING).kind,
        jkk_death(wage, on=VOTING).kind,
        jkk_total_disability(wage, on=VOTING).kind,
        jkk_partial_disability(wage, [Impairment(percent=Decimal("0.35"))], on=VOTING).kind,
        jkk_temporary_incapacity(wage, 3, on=VOTING).kind,
        jkk_transport({TransportMode.LAND: wage}, on=VOTING).kind,
        jkk_home_care(wage, 2, on=VOTING).kind,
        jkk_medical_care(on=VOTING).kind,
        santunan(SantunanEvent.DEATH, on=VOTING).kind,
    }
    assert given_kinds == set(BENEFIT_KINDS)


@SLOW
@given(days)
def test_claim_deadlines_and_comparisons_fit_their_schemas(day: dt.date) -> None:
    """A claim deadline on any date, and a what-if comparison of two JKM benefits, fit their schemas."""
    assert_fits(jkk_claim_deadline(on=day))
    reformed = rules_on(day, reform=Reform("JKM naik", {"jkm.lump_sum": 30_000_000}))
    assert_fits(compare(jkm_death(on=day), jkm_death(on=day, rules=reformed)))


FATAL = {IncidentKind.DEATH_OTHER, IncidentKind.SUDDEN_DEATH_AT_WORK}


@SLOW
@given(st.one_of(st.none(), st.sampled_from(shipped_agreements())), st.dates(dt.date(2024, 1, 25), dt.date(2024, 12, 31)),
       st.one_of(st.none(), st.sampled_from(IncidentKind)))
def test_every_coverage_decision_fits_its_schema(
    agreement: Agreement | None, day: dt.date, kind: IncidentKind | None
) -> None:
    """A coverage decision for an officer under any shipped agreement (or none), on any date, fits its schema."""
    incident = None if kind is None else Incident(kind, day, fatal=kind in FATAL)
    decision = check_coverage(OFFICER, agreement, on=day, incident=incident)
    assert_fits(decision)
    later = max(day, dt.date(2024, 5, 1))  # within the Asahan officer's term
    incident = None if kind is None else Incident(kind, later, fatal=kind in FATAL)
    assert_fits(check_coverage(ASAHAN_PPS, shipped_agreement("kab-asahan-pilkada-2024"), on=later, incident=incident))


@pytest.mark.parametrize("agreement", shipped_agreements(), ids=lambda a: a.id)
def test_every_shipped_agreement_budget_fits_its_schema(agreement: Agreement) -> None:
    """The budget of every shipped agreement, and of each of its cohorts, fits its schema and loads back."""
    budget = agreement_budget(agreement)
    assert_fits(budget)
    for cohort in budget.cohorts:
        assert errors(CohortBudget, as_json(cohort)) == []


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(agreements())
def test_generated_agreement_budgets_fit_their_schema(agreement: Agreement) -> None:
    """The budget of any valid agreement (known or unknown headcounts, periods, payers) fits its schema."""
    assert_fits(agreement_budget(agreement))


@SLOW
@given(st.lists(st.tuples(st.integers(0, 15), st.integers(1, 20_000_000)), min_size=0, max_size=20), months)
def test_columnar_results_fit_their_schemas(roster: list[tuple[int, int]], month: Month) -> None:
    """Premium arrays, a roster budget and the death exposure of any roster fit their schemas."""
    groups = np.array([g for g, _ in roster], dtype=np.int64)
    bases = np.array([b for _, b in roster], dtype=np.int64)
    assert_fits(monthly_premiums(bases, month=month), PremiumArrays)
    assert_fits(monthly_budget(groups, bases, month=month), RosterBudget)
    assert_fits(death_exposure(bases, on=month.first_day), DeathExposure)


def test_national_results_fit_their_schemas() -> None:
    """The national counts and the national picture of Pemilu 2024 fit their schemas."""
    assert_fits(national_counts("pemilu_2024", on=VOTING), NationalCounts)
    assert_fits(national_picture("pemilu_2024", months=[Month(2024, 1), Month(2024, 2)]), NationalPicture)


def test_roster_results_fit_their_schemas() -> None:
    """The costs and the coverage of a small roster under a shipped agreement fit their schemas."""
    chunk = roster_chunk(
        role=[Role.KPPS.value, Role.PTPS.value], position=["anggota", "petugas"], election="pemilu_2024",
        appointment_start="2024-01-25", appointment_end="2024-02-25", wage=[1_100_000, 900_000],
    )
    bintan = shipped_agreement(BINTAN)
    assert_fits(roster_costs(chunk, bintan, on=VOTING), RosterCosts)
    assert_fits(check_roster_coverage(chunk, bintan, on=VOTING), RosterCoverage)


def test_parts_of_results_fit_their_schemas() -> None:
    """A line item and a rule value, on their own, fit their schemas."""
    result = jkm_death(on=VOTING)
    assert errors(LineItem, result.lines[0].to_dict()) == []
    assert errors(RuleValue, rules_on(VOTING)["jkm.lump_sum"].to_dict()) == []


# --- loading results back --------------------------------------------------------------------


@SLOW
@given(wages, months)
def test_a_premium_round_trips_through_json(basis: Rupiah, month: Month) -> None:
    """A premium written to JSON and loaded back is a record equal to the premium's own plain data."""
    premium = monthly_premium(basis, month=month)
    record = result_from_json(Premium, premium.to_json())
    assert isinstance(record, ResultRecord)
    assert record.model is Premium and record.kind == "premium"
    assert record.to_dict() == premium.to_dict()
    assert record.to_json() == premium.to_json()
    assert result_from_dict(Premium, record.to_dict()) == record


def test_a_record_does_not_share_the_data_it_was_given() -> None:
    """Changing the dict a record was loaded from, or the dict it gives out, does not change the record."""
    data = jkm_death(on=VOTING).to_dict()
    record = result_from_dict(BenefitAssessment, data)
    data["total"] = 0
    record.to_dict()["total"] = 0
    assert record["total"] == 42_000_000


def bad(data: dict[str, Any], path: list[str | int], value: object) -> dict[str, Any]:
    """``data`` with the value at ``path`` replaced (a deep copy)."""
    changed = copy.deepcopy(data)
    place: Any = changed
    for step in path[:-1]:
        place = place[step]
    place[path[-1]] = value
    return changed


@pytest.mark.parametrize(
    ("path", "value", "where", "why"),
    [
        (["total"], "13500", "total", "expected a whole number, got str"),
        (["lines", 0, "amount"], True, "lines[0].amount", "expected a whole number, got bool"),
        (["kind"], "benefit", "kind", "expected 'premium'"),
        (["month"], "2024-13", "month", "does not have the form"),
        (["due"], "2024-02-30", "due", "not a calendar date"),
        (["receipt", "values", 0, "unit"], "euro", "receipt.values[0].unit", "unknown value 'euro'"),
        (["receipt", "values", 0, "value"], 5, "receipt.values[0].value", "expected text"),
        (["by_programme", "jkx"], 1, "by_programme.jkx", "unknown key"),
        (["notes"], [{"id": "x"}], "notes[0].en", "required field missing"),
    ],
)
def test_a_bad_premium_record_names_the_path(path: list[str | int], value: object, where: str, why: str) -> None:
    """Loading a premium's data with one wrong field is a DeserializationError naming that field and why."""
    data = monthly_premium(Rupiah(1_100_000), month=Month(2024, 2)).to_dict()
    with pytest.raises(DeserializationError, match=why) as caught:
        result_from_dict(Premium, bad(data, path, value))
    assert caught.value.path == where
    assert errors(Premium, bad(data, path, value)) != []


def test_unknown_and_missing_keys_are_refused() -> None:
    """A record with an unknown key, or without a required one, is refused at that key."""
    data = check_coverage(OFFICER, shipped_agreement(BINTAN), on=VOTING).to_dict()
    with pytest.raises(DeserializationError) as caught:
        result_from_dict(CoverageDecision, dict(data, officer_nik="3602041211050001"))
    assert caught.value.path == "officer_nik"
    assert "3602041211050001" not in str(caught.value)
    del data["receipt"]
    with pytest.raises(DeserializationError, match="required field missing") as missing:
        result_from_dict(CoverageDecision, data)
    assert missing.value.path == "receipt"


def test_a_float_amount_is_refused_though_json_schema_calls_it_an_integer() -> None:
    """13500.0 is an integer to JSON Schema, but money is never a float: the loader refuses it (it is stricter)."""
    data = monthly_premium(Rupiah(1_100_000), month=Month(2024, 2)).to_dict()
    assert errors(Premium, dict(data, total=13500.0)) == []
    with pytest.raises(DeserializationError, match="expected a whole number, got float") as caught:
        result_from_dict(Premium, dict(data, total=13500.0))
    assert caught.value.path == "total"


def test_a_result_of_another_kind_is_refused() -> None:
    """A benefit assessment's JSON does not load as a premium: the kind is checked."""
    with pytest.raises(DeserializationError, match="kind"):
        result_from_json(Premium, jkm_death(on=VOTING).to_json())


def test_json_limits_apply_to_results() -> None:
    """Result JSON is read within the same limits as model JSON: broken text is a DeserializationError."""
    with pytest.raises(DeserializationError, match="not valid JSON"):
        result_from_json(Receipt, "{")
    with pytest.raises(DeserializationError, match="appears twice"):
        result_from_json(Receipt, '{"rules_on": "2024-02-14", "rules_on": "2024-02-14"}')


def test_a_deeply_nested_record_is_refused_before_checking() -> None:
    """A receipt whose replaced values nest past the depth limit is refused with the limit, not a RecursionError."""
    value = rules_on(VOTING)["jkm.lump_sum"].to_dict()
    for _ in range(100):
        value = dict(value, reform="r", replaced=value)
    receipt = dict(jkm_death(on=VOTING).receipt.to_dict(), values=[value])
    with pytest.raises(DeserializationError, match="nested more than 64 levels"):
        result_from_dict(Receipt, receipt)


def test_models_are_not_loaded_as_records() -> None:
    """An Agreement or an Officer is built by from_dict, not loaded as a result record."""
    with pytest.raises(TypeError, match="from_dict"):
        result_from_dict(Agreement, {})
    with pytest.raises(TypeError, match="from_json"):
        result_from_json(Officer, "{}")


json_leaves = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**6), 10**8), st.text(max_size=8), st.sampled_from(["2024-02-14", "jkk"])
)


def leaf_paths(data: object, prefix: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """The path of every value inside ``data``."""
    found: list[tuple[str | int, ...]] = [prefix] if prefix else []
    if isinstance(data, dict):
        for key, value in data.items():
            found += leaf_paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += leaf_paths(value, (*prefix, index))
    return found


SAMPLES: dict[type[Any], dict[str, Any]] = {
    Premium: monthly_premium(Rupiah(1_100_000), month=Month(2020, 9)).to_dict(),
    BenefitAssessment: jkk_death(Rupiah(1_100_000), on=VOTING).to_dict(),
    CoverageDecision: check_coverage(ASAHAN_PPS, shipped_agreement("kab-asahan-pilkada-2024"), on=dt.date(2024, 11, 20),
                                     incident=Incident(IncidentKind.WORK_ACCIDENT, dt.date(2024, 11, 20))).to_dict(),
    AgreementBudget: agreement_budget(shipped_agreement(BINTAN)).to_dict(),
    Receipt: jkk_death(Rupiah(1_100_000), on=VOTING).receipt.to_dict(),
    ClaimDeadline: jkk_claim_deadline(on=VOTING).to_dict(),
    LateFine: late_fine(Rupiah(13_500), month=Month(2024, 1), paid_on=dt.date(2024, 3, 20)).to_dict(),
    PremiumSchedule: period_premium(Rupiah(1_100_000), period=Period.parse("2024-01-25/2024-02-25")).to_dict(),
    Comparison: compare(jkm_death(on=VOTING), jkm_death(on=dt.date(2019, 1, 1))).to_dict(),
}


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(list(SAMPLES)), st.data())
def test_the_loader_and_jsonschema_agree(cls: type[Any], data: st.DataObject) -> None:
    """Replacing any one value of a result's data by any JSON value: the loader refuses it exactly when jsonschema does.

    So the library's own check and the published schema are one contract.
    """
    original = SAMPLES[cls]
    path = data.draw(st.sampled_from(leaf_paths(original)))
    changed = bad(original, list(path), data.draw(json_leaves))
    fits = not errors(cls, changed)
    try:
        result_from_dict(cls, changed)
    except DeserializationError as error:
        assert not fits, error
    else:
        assert fits, errors(cls, changed)


def test_a_decision_under_another_reading_is_sampled() -> None:
    """The coverage sample holds a decision under another reading of a disputed period, so that part is checked."""
    assert SAMPLES[CoverageDecision]["other_readings"]
    assert SAMPLES[CoverageDecision]["incident"] is not None


@pytest.mark.parametrize("cls", list(SAMPLES), ids=lambda cls: cls.__name__)
def test_the_required_results_round_trip(cls: type[Any]) -> None:
    """Premium, benefit, coverage decision, budget, receipt (and more) load back equal to their plain data."""
    record = result_from_json(cls, json.dumps(SAMPLES[cls]))
    assert record.to_dict() == SAMPLES[cls]
