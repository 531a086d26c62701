"""Tests for jamsos_pemilu.explain: formulas, receipts and line-by-line comparison."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from jamsos_pemilu import InputError, Reform, Rupiah, default_rule_book, jkm_death, rules_on
from jamsos_pemilu.explain import Comparison, Formula, Receipt, Result, RuleTrace, Share, compare, render_table


def test_formula_renders_numbers_per_language() -> None:
    """A formula shows money and percentages in the reader's language."""
    formula = Formula("{0} × {1}", (Share(Decimal("0.0024")), Rupiah(2_500_000)))
    assert formula.render("id") == "0,24% × Rp2.500.000"
    assert formula.render("en") == "0.24% × IDR 2,500,000"


def test_trace_records_each_value_once() -> None:
    """Reading a value twice records it once in the receipt."""
    trace = RuleTrace(rules_on(dt.date(2024, 2, 14)))
    trace["jkm.funeral"]
    trace["jkm.funeral"]
    assert [v.name for v in trace.receipt().values] == ["jkm.funeral"]


def test_receipt_names_version_digest_and_reforms() -> None:
    """A receipt carries the library version, the rule-data digest and any reform."""
    rules = rules_on(dt.date(2024, 2, 14), reform=Reform("uji", {"jkm.funeral": 11_000_000}))
    receipt = jkm_death(on=dt.date(2024, 2, 14), rules=rules).receipt
    data = receipt.to_dict()
    assert data["rule_digest"] == default_rule_book().digest
    assert data["reforms"] == ["uji"]
    assert any("What-if" in w.render("en") for w in receipt.warnings())


def test_receipt_of_primary_values_has_no_warning() -> None:
    """A JKM assessment rests on primary values only, so its receipt warns of nothing."""
    assert jkm_death(on=dt.date(2024, 2, 14)).receipt.warnings() == ()


def test_merged_receipt_keeps_each_value_once() -> None:
    """Merging the receipts of two dates under the same law keeps each rule value once."""
    first = jkm_death(on=dt.date(2024, 1, 1)).receipt
    second = jkm_death(on=dt.date(2024, 2, 1)).receipt
    merged = Receipt.merge([first, second])
    assert len(merged.values) == len(first.values)


def test_compare_shows_only_changed_lines() -> None:
    """Comparing a result with itself shows no change and a zero difference."""
    result = jkm_death(on=dt.date(2024, 2, 14))
    comparison = compare(result, result)
    assert comparison.changed == ()
    assert comparison.difference == Rupiah(0)


def test_compare_of_two_dates_across_pp_82_2019() -> None:
    """Comparing a JKM death on 1 and 2 Dec 2019 shows the Rp18.000.000 rise."""
    comparison = compare(jkm_death(on=dt.date(2019, 12, 1)), jkm_death(on=dt.date(2019, 12, 2)))
    assert comparison.difference == Rupiah(18_000_000)
    assert "Selisih" in comparison.render("id")


def test_comparison_is_a_result_with_both_receipts() -> None:
    """A what-if comparison renders, serialises and keeps the rule values and reform of both sides."""
    day = dt.date(2024, 2, 14)
    reformed = rules_on(day, reform=Reform("JKM naik", {"jkm.lump_sum": 30_000_000}))
    comparison = compare(jkm_death(on=day), jkm_death(on=day, rules=reformed))
    assert isinstance(comparison, Comparison)
    assert isinstance(comparison, Result)
    assert comparison.receipt.reforms == ("JKM naik",)
    assert {v.value for v in comparison.receipt.values if v.name == "jkm.lump_sum"} == {
        Rupiah(20_000_000),
        Rupiah(30_000_000),
    }
    assert comparison.to_dict()["kind"] == "comparison"
    assert comparison.records()[0] == {
        "key": "jkm.lump_sum",
        "label": "Santunan kematian sekaligus",
        "label_en": "Lump-sum death benefit",
        "before": 20_000_000,
        "after": 30_000_000,
        "difference": 10_000_000,
    }
    assert "Difference" in comparison.render("en_US")
    assert "Selisih" in comparison.render("id-ID")


def test_formula_and_receipt_accept_any_spelling_of_a_language() -> None:
    """Formulas and receipts read "en_US" as English and "id-ID" as Indonesian, and refuse others."""
    formula = Formula("{0} × {1} bulan", (2, Rupiah(1_000)), "{0} × {1} months")
    assert formula.render("en_US") == "2 × IDR 1,000 months"
    assert formula.render("id-ID") == "2 × Rp1.000 bulan"
    receipt = jkm_death(on=dt.date(2024, 2, 14)).receipt
    assert receipt.render("en-GB").startswith("Rule values used")
    with pytest.raises(InputError, match="language"):
        receipt.render("fr")


def test_table_aligns_right_columns() -> None:
    """Right-aligned columns line up their last characters."""
    text = render_table(["a", "b"], [["x", "1"], ["yy", "100"]], right=[1])
    assert text.splitlines()[2].endswith("  1")
