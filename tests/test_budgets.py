"""Tests for jamsos_pemilu.budgets: agreement budgets as sums of cohorts, months and programmes."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jamsos_pemilu import InputError, Period, Reform, Rupiah, default_rule_book
from jamsos_pemilu.agreements import Agreement, Cohort, Party, Payer
from jamsos_pemilu.budgets import AgreementBudget, CohortBudget, agreement_budget, cohort_budget
from jamsos_pemilu.explain import Result
from jamsos_pemilu.institutions import AdministrativeLevel, Institution
from jamsos_pemilu.premiums import monthly_premium
from jamsos_pemilu.schemes import BudgetSource, NonWageEarner, Programme, WageEarner
from jamsos_pemilu.serialization import shipped_agreement, shipped_agreements

BPJS = Party(Institution.bpjs("Makassar"), {"provider"})
KPPS_TERM = Period(dt.date(2024, 1, 25), dt.date(2024, 2, 25))


def _agreement(*cohorts: Cohort, scheme: WageEarner | NonWageEarner | None = None) -> Agreement:
    return Agreement(
        id="test",
        title="Test PKS",
        elections=("pemilu_2024",),
        parties=(BPJS,),
        programmes={"jkk", "jkm"},
        scheme=scheme,
        payer=Payer(Institution.pemda("Makassar", AdministrativeLevel.CITY), BudgetSource.APBD),
        cohorts=cohorts,
    )


def test_cohort_of_known_position_is_headcount_times_premium() -> None:
    """Seven KPPS anggota over a two-month term cost 7 × 2 × Rp5.940."""
    budget = agreement_budget(_agreement(Cohort({"kpps"}, {"anggota"}, headcount=7, period=KPPS_TERM)))
    assert budget.total == Rupiah(7 * 2 * 5_940)
    assert budget.cohorts[0].basis == Rupiah(1_100_000)


def test_budget_totals_by_programme_month_role_and_payer_add_up() -> None:
    """Every breakdown of a budget sums to its total."""
    budget = agreement_budget(
        _agreement(
            Cohort({"kpps"}, {"anggota"}, headcount=12, period=KPPS_TERM),
            Cohort({"pps"}, {"ketua"}, headcount=3, period=Period(dt.date(2023, 1, 17), dt.date(2024, 4, 4))),
        )
    )
    for breakdown in (budget.by_programme, budget.by_month, budget.by_role, budget.by_payer):
        assert sum(breakdown.values(), Rupiah.zero()) == budget.total
    assert set(budget.by_programme) == {"jkk", "jkm"}


def test_unknown_positions_are_priced_at_the_highest_honorarium_and_said_so() -> None:
    """A KPPS cohort without positions is priced at the ketua honorarium as an upper bound."""
    budget = agreement_budget(_agreement(Cohort({"kpps"}, headcount=7, period=KPPS_TERM)))
    assert budget.cohorts[0].basis == Rupiah(1_200_000)
    assert any("upper bound" in n.render("en") for n in budget.cohorts[0].notes)


def test_cohort_without_roles_is_not_computable() -> None:
    """A cohort whose roles are not reported cannot be priced, and the budget says why."""
    budget = agreement_budget(_agreement(Cohort(headcount=275, period=KPPS_TERM)))
    assert budget.total == Rupiah(0)
    assert not budget.cohorts[0].computable
    assert budget.uncomputable


def test_scheme_assumption_is_listed() -> None:
    """An agreement without a reported scheme lists the wage-earner assumption."""
    budget = agreement_budget(_agreement(Cohort({"kpps"}, {"anggota"}, headcount=1, period=KPPS_TERM)))
    assert any("Unconfirmed" in a.render("en") for a in budget.assumptions)


def test_non_wage_earner_scheme_uses_the_flat_package() -> None:
    """A BPU agreement costs Rp16.800 per officer-month outside relief months."""
    budget = agreement_budget(
        _agreement(Cohort({"kpps"}, {"anggota"}, headcount=10, period=KPPS_TERM), scheme=NonWageEarner())
    )
    assert budget.total == Rupiah(10 * 2 * 16_800)


def test_cohort_index_out_of_range_is_rejected() -> None:
    """Asking for a cohort the agreement does not have raises InputError."""
    with pytest.raises(InputError, match="index: .*no cohort 3"):
        cohort_budget(_agreement(Cohort({"kpps"}, headcount=1, period=KPPS_TERM)), 3)


def test_reform_of_the_kpps_honorarium_changes_the_budget() -> None:
    """Raising the KPPS anggota honorarium in a reform raises the budget accordingly."""
    agreement = _agreement(Cohort({"kpps"}, {"anggota"}, headcount=7, period=KPPS_TERM))
    book = default_rule_book().with_reform(Reform("KPPS naik", {"honorarium.pemilu_2024.kpps.anggota": 1_500_000}))
    reformed = agreement_budget(agreement, rule_book=book)
    assert reformed.total == Rupiah(7 * 2 * 8_100)
    assert reformed.receipt is not None
    assert reformed.receipt.reforms == ("KPPS naik",)


def test_every_shipped_agreement_has_a_budget_equal_to_its_cohorts() -> None:
    """Each shipped agreement's budget is the sum of its cohort budgets."""
    for agreement in shipped_agreements():
        budget = agreement_budget(agreement)
        assert budget.total == sum((c.total for c in budget.cohorts), Rupiah.zero())


def test_budget_records_load_as_flat_rows() -> None:
    """records() gives one flat dict per cohort, month and programme."""
    rows = agreement_budget(shipped_agreement("kota-cilegon-pemilu-2024")).records()
    assert rows
    assert set(rows[0]) == {
        "cohort",
        "label",
        "roles",
        "month",
        "programme",
        "payer",
        "headcount",
        "per_officer",
        "amount",
    }


def test_budget_renders_in_both_languages() -> None:
    """The budget renders as a table in Indonesian and in English."""
    budget = agreement_budget(shipped_agreement("kota-cilegon-pemilu-2024"))
    assert "Anggaran iuran" in budget.render("id")
    assert "Premium budget" in budget.render("en")
    assert budget.render("en-GB") == budget.render("en")


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["kpps", "pps", "ppk", "ketertiban_tps", "pantarlih"]),
            st.integers(0, 5_000),
            st.dates(dt.date(2023, 1, 1), dt.date(2024, 6, 30)),
            st.integers(0, 120),
        ),
        min_size=1,
        max_size=5,
    )
)
@settings(max_examples=30, deadline=None)
def test_agreement_budget_is_the_sum_of_its_cohorts(spec: list[tuple[str, int, dt.date, int]]) -> None:
    """An agreement's budget equals the sum of its cohorts, each the sum of its months × headcount."""
    cohorts = [
        Cohort({role}, headcount=count, period=Period(start, start + dt.timedelta(days=days)))
        for role, count, start, days in spec
    ]
    budget = agreement_budget(_agreement(*cohorts))
    assert budget.total == sum((c.total for c in budget.cohorts), Rupiah.zero())
    for cohort_budget_, cohort in zip(budget.cohorts, cohorts, strict=True):
        assert cohort.period is not None and cohort.headcount is not None
        expected = sum(
            (
                monthly_premium(cohort_budget_.basis, month=m).total.times(cohort.headcount)
                for m in cohort.period.months()
            ),
            Rupiah.zero(),
        )
        assert cohort_budget_.total == expected


def test_jkm_only_agreement_budgets_only_jkm() -> None:
    """An agreement covering only JKM has no JKK rows."""
    agreement = Agreement(
        id="jkm-only",
        title="JKM only",
        elections=("pemilu_2024",),
        parties=(BPJS,),
        programmes={"jkm"},
        cohorts=(Cohort({"kpps"}, {"anggota"}, headcount=1, period=KPPS_TERM),),
    )
    budget = agreement_budget(agreement)
    assert {row.programme for row in budget.rows} == {Programme.JKM}


def test_budgets_follow_the_result_protocol_with_a_receipt() -> None:
    """Agreement and cohort budgets are Results: text, plain data with a kind, records and a receipt."""
    budget = agreement_budget(shipped_agreement("kota-cilegon-pemilu-2024"))
    cohort = budget.cohorts[0]
    assert isinstance(budget, AgreementBudget) and isinstance(cohort, CohortBudget)
    for result in (budget, cohort):
        assert isinstance(result, Result)
        assert result.to_dict()["kind"] in {"agreement_budget", "cohort_budget"}
        assert result.records() and result.receipt.values
        assert result.render("id") != result.render("en")


def test_an_uncomputable_cohort_still_has_a_receipt_and_says_why() -> None:
    """A cohort with no roles cannot be priced; its receipt holds no value and its text says it is not computable."""
    cohort = agreement_budget(_agreement(Cohort(headcount=275, period=KPPS_TERM))).cohorts[0]
    assert not cohort.computable and cohort.receipt.values == ()
    assert "not computable" in cohort.render("en") and "tidak dapat dihitung" in cohort.render("id")


def test_payer_and_roles_are_words_for_readers_and_keys_for_grouping() -> None:
    """Rows group by role and payer keys; the budget text shows the payer in words with its budget source."""
    budget = agreement_budget(_agreement(Cohort({"kpps"}, {"anggota"}, headcount=1, period=KPPS_TERM)))
    row = budget.rows[0]
    assert row.roles == "kpps" and row.roles_label.render("en") == "KPPS"
    assert row.payer_label.render("en").endswith("(APBD)")
    assert "(APBD)" in budget.render("en")


def test_unreported_roles_and_payer_are_said_in_each_language() -> None:
    """A cohort without roles and an agreement without a payer say "not reported" in both languages."""
    agreement = Agreement(
        id="no-payer",
        title="No payer",
        elections=("pemilu_2024",),
        parties=(BPJS,),
        programmes={"jkk", "jkm"},
        cohorts=(Cohort(headcount=3, period=KPPS_TERM),),
    )
    budget = agreement_budget(agreement)
    assert budget.cohorts[0].roles == "unreported"
    assert budget.cohorts[0].roles_label.render("en") == "(not reported)"
    assert budget.cohorts[0].roles_label.render("id") == "(tidak dilaporkan)"


@pytest.mark.parametrize(
    ("arguments", "named"),
    [({"scheme": "pu"}, "scheme"), ({"rule_book": "shipped"}, "rule_book")],
)
def test_wrong_arguments_are_refused_by_name(arguments: dict[str, object], named: str) -> None:
    """A budget's scheme or rule book of a wrong type raises InputError naming it."""
    agreement = _agreement(Cohort({"kpps"}, {"anggota"}, headcount=1, period=KPPS_TERM))
    with pytest.raises(InputError, match=named):
        agreement_budget(agreement, **arguments)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="agreement"):
        agreement_budget("kota-cilegon-pemilu-2024")  # type: ignore[arg-type]
