"""Tests of the shipped rule data: every effective date from both sides, and pinned values."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from jamsos_pemilu import Confidence, Parameter, RuleNotInForceError, Rupiah, default_rule_book, rules_on

BOOK = default_rule_book()
ONE_DAY = dt.timedelta(days=1)


def _edges() -> list[tuple[str, int]]:
    return [(p.name, i) for p in BOOK for i in range(len(p.values))]


@pytest.mark.parametrize(("name", "index"), _edges())
def test_each_value_from_both_sides(name: str, index: int) -> None:
    """Each value is in force on its first and last day, and not the day before or after."""
    parameter: Parameter = BOOK[name]
    value = parameter.values[index]
    assert parameter.at(value.start) is value
    before = value.start - ONE_DAY
    if parameter.in_force(before):
        assert parameter.at(before) is parameter.values[index - 1]
    else:
        with pytest.raises(RuleNotInForceError):
            parameter.at(before)
    if value.end is not None:
        assert parameter.at(value.end) is value
        after = value.end + ONE_DAY
        if parameter.in_force(after):
            assert parameter.at(after) is parameter.values[index + 1]
        else:
            with pytest.raises(RuleNotInForceError):
                parameter.at(after)


@pytest.mark.parametrize("name", [p.name for p in BOOK])
def test_every_value_is_cited(name: str) -> None:
    """Every value has an article, a URL and a confidence; unconfirmed ones have a note."""
    for value in BOOK[name].values:
        assert value.citation.article.strip()
        assert value.citation.link.startswith("http")
        assert value.confidence is not Confidence.REFORM
        if value.unconfirmed:
            assert value.note


def _jkm_cash(day: dt.date) -> Rupiah:
    rules = rules_on(day)
    return sum(
        (rules[n].rupiah for n in ("jkm.lump_sum", "jkm.periodic_benefit", "jkm.funeral")), Rupiah.zero()
    )


def test_jkm_total_before_pp_82_2019() -> None:
    """JKM cash totals Rp24.000.000 on 1 Dec 2019, the last day of the 2015 amounts."""
    assert _jkm_cash(dt.date(2019, 12, 1)) == Rupiah(24_000_000)


def test_jkm_total_from_pp_82_2019() -> None:
    """JKM cash totals Rp42.000.000 from 2 Dec 2019 (PP 82/2019 in force on promulgation)."""
    assert _jkm_cash(dt.date(2019, 12, 2)) == Rupiah(42_000_000)


def test_jkm_amounts_not_in_force_before_pp_44_2015() -> None:
    """Before PP 44/2015 took effect (1 Jul 2015) the JKM amounts are not in force."""
    with pytest.raises(RuleNotInForceError):
        _jkm_cash(dt.date(2015, 6, 30))
    assert _jkm_cash(dt.date(2015, 7, 1)) == Rupiah(24_000_000)


def test_jkk_claim_expiry_two_then_five_years() -> None:
    """The JKK claim expiry is 2 years until 1 Dec 2019 and 5 years from 2 Dec 2019."""
    assert rules_on(dt.date(2019, 12, 1))["jkk.claim_expiry_years"].integer == 2
    assert rules_on(dt.date(2019, 12, 2))["jkk.claim_expiry_years"].integer == 5


def test_stmb_schedule_changes_with_pp_82_2019() -> None:
    """STMB is 100/75/50 before PP 82/2019 and 100% for 12 months then 50% after."""
    before = rules_on(dt.date(2019, 12, 1))["jkk.stmb.schedule"].schedule
    after = rules_on(dt.date(2019, 12, 2))["jkk.stmb.schedule"].schedule
    assert [(t.months, t.rate) for t in before] == [(6, Decimal(1)), (6, Decimal("0.75")), (None, Decimal("0.5"))]
    assert [(t.months, t.rate) for t in after] == [(12, Decimal(1)), (None, Decimal("0.5"))]


def test_lowest_risk_class_rate_and_jkm_rate() -> None:
    """The lowest JKK risk class is 0,24% and JKM is 0,30% of the monthly wage (PP 44/2015)."""
    rules = rules_on(dt.date(2024, 2, 14))
    assert rules["pu.jkk_rate.sangat_rendah"].rate == Decimal("0.0024")
    assert rules["pu.jkm_rate"].rate == Decimal("0.0030")


def test_pp_50_2025_windows() -> None:
    """The PP 50/2025 discount runs Jan 2026–Mar 2027 for transport BPU and Apr–Dec 2026 for others."""
    assert "relief.pp50_2025.discount.transport" not in rules_on(dt.date(2025, 12, 31))
    assert "relief.pp50_2025.discount.transport" in rules_on(dt.date(2026, 1, 1))
    assert "relief.pp50_2025.discount.transport" in rules_on(dt.date(2027, 3, 31))
    assert "relief.pp50_2025.discount.transport" not in rules_on(dt.date(2027, 4, 1))
    assert "relief.pp50_2025.discount.other" not in rules_on(dt.date(2026, 3, 31))
    assert "relief.pp50_2025.discount.other" in rules_on(dt.date(2026, 12, 31))
    assert "relief.pp50_2025.discount.other" not in rules_on(dt.date(2027, 1, 1))


def test_pp_49_2020_window() -> None:
    """The PP 49/2020 relief covers contribution months Aug 2020 to Jan 2021."""
    assert "relief.pp49_2020.discount" not in rules_on(dt.date(2020, 7, 31))
    assert rules_on(dt.date(2020, 8, 1))["relief.pp49_2020.discount"].rate == Decimal("0.99")
    assert "relief.pp49_2020.discount" in rules_on(dt.date(2021, 1, 31))
    assert "relief.pp49_2020.discount" not in rules_on(dt.date(2021, 2, 1))
