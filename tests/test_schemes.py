"""Tests for jamsos_pemilu.schemes: programmes, risk classes, budget sources and the two schemes."""

from __future__ import annotations

import pytest

from jamsos_pemilu import (
    BudgetSource,
    FloatMoneyError,
    InputError,
    NonWageEarner,
    Programme,
    RiskClass,
    Rupiah,
    UnknownCodeError,
    WageEarner,
    rules_on,
)


def test_default_wage_earner_is_the_lowest_risk_class() -> None:
    """A wage earner defaults to the lowest risk class and the honorarium as wage."""
    scheme = WageEarner()
    assert scheme.risk_class is RiskClass.SANGAT_RENDAH
    assert scheme.wage is None


def test_jkk_rate_parameter_exists_in_the_rule_book_for_every_class() -> None:
    """Every risk class names a JKK rate parameter that the rule book holds."""
    import datetime as dt

    rules = rules_on(dt.date(2024, 2, 14))
    for risk_class in RiskClass:
        assert rules[WageEarner(risk_class).jkk_rate_parameter].rate > 0


def test_wage_must_be_positive_money() -> None:
    """A reported wage of zero is rejected."""
    with pytest.raises(InputError, match=r"a reported wage Rupiah\(0\): must be positive"):
        WageEarner(wage=Rupiah(0))


def test_declared_income_refuses_float() -> None:
    """A float declared income is refused."""
    with pytest.raises((InputError, FloatMoneyError)):
        NonWageEarner(declared_income=1_000_000.0)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "source"),
    [("APBD", BudgetSource.APBD), ("apbd nphd", BudgetSource.APBD_NPHD), ("self-paid", BudgetSource.SELF_PAID)],
)
def test_budget_source_parse(text: str, source: BudgetSource) -> None:
    """Budget sources parse from the forms people type."""
    assert BudgetSource.parse(text) is source


def test_only_self_paid_is_not_public_money() -> None:
    """APBN and APBD money is public (PP 50/2025 Pasal 3(5)); officers' own money is not."""
    assert {s for s in BudgetSource if not s.public} == {BudgetSource.SELF_PAID}


def test_programme_parse_rejects_unknown() -> None:
    """JHT is not a programme of this scheme."""
    with pytest.raises(UnknownCodeError, match="accepted values: jkk, jkm"):
        Programme.parse("JHT")


def test_risk_class_parse_accepts_spaces() -> None:
    """'sangat rendah' parses to SANGAT_RENDAH."""
    assert RiskClass.parse("sangat rendah") is RiskClass.SANGAT_RENDAH
