"""The monthly plan (month_plan / MonthPlan / PlanPart): rates, flat amounts, reliefs and their windows, as data.

Rules stated (citations from the shipped rule data, ``src/jamsos_pemilu/law/data/*.toml``):

* a wage earner's JKK premium is the rate of the risk class (PP 44/2015 Pasal 16(1) huruf a-e) and the JKM
  premium 0,30 % (Pasal 18(1));
* a non-wage earner's JKK premium is 1 % of the income basis, at least Rp1.000.000 (Pasal 20(1) jo. Lampiran II,
  secondary source), and the JKM premium a flat Rp6.800 (Pasal 20(3));
* PP 49/2020 (Pasal 9) takes 99 % off every participant's premiums for contribution months August 2020 - January 2021;
* PP 50/2025 (Pasal 4(1), Pasal 7) takes 50 % off a non-wage earner's premiums: transport sector January 2026 -
  March 2027, others April - December 2026; not when APBN/APBD pays (Pasal 3(5)), and not when who pays is unknown.

Each test reads a snapshot of its own (``rules_on(..., reform=Reform("shipped rules"))``, no override): the plan
is cached on the snapshot it was built from, so a shared snapshot would hand back a plan built by an earlier test.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from jamsos_pemilu import Month, Reform, rules_on
from jamsos_pemilu.law.parameters import RuleSnapshot
from jamsos_pemilu.premiums import MonthPlan, month_plan
from jamsos_pemilu.schemes import BudgetSource, NonWageEarner, Programme, RiskClass, WageEarner

_PP50_UNKNOWN = {
    "id": "Diskon PP 50/2025 tidak diterapkan: sumber dana iuran tidak diketahui "
    "(peserta yang iurannya dibayar APBN/APBD dikecualikan, Pasal 3 ayat (5)).",
    "en": "PP 50/2025 discount not applied: the budget source is unknown "
    "(participants paid from APBN/APBD are excluded, Pasal 3(5)).",
}
_PP50_PUBLIC = {
    "id": "Diskon PP 50/2025 tidak berlaku: iuran dibayar dari APBN/APBD (Pasal 3 ayat (5)).",
    "en": "PP 50/2025 discount does not apply: premiums are paid from APBN/APBD (Pasal 3(5)).",
}
_BPU_NOTE = {
    "id": "Tabel Lampiran II PP 44/2015 belum ditranskripsi; penghasilan dipakai apa adanya.",
    "en": "PP 44/2015 Lampiran II brackets not transcribed; the income is used as declared.",
}


def shipped(month: Month) -> RuleSnapshot:
    """The shipped rules on the month's first day, as a snapshot of this test's own (no override)."""
    return rules_on(month.first_day, reform=Reform("shipped rules"))


def plan_of(scheme: WageEarner | NonWageEarner, month: Month, **kwargs: object) -> MonthPlan:
    """The plan of ``month`` for ``scheme`` under the shipped rules (a snapshot of its own)."""
    return month_plan(scheme, month=month, rules=shipped(month), **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("risk_class", "rate", "ratio", "letter"),
    [
        (RiskClass.SANGAT_RENDAH, "0.0024", [3, 1250], "a"),
        (RiskClass.RENDAH, "0.0054", [27, 5000], "b"),
        (RiskClass.SEDANG, "0.0089", [89, 10000], "c"),
        (RiskClass.TINGGI, "0.0127", [127, 10000], "d"),
        (RiskClass.SANGAT_TINGGI, "0.0174", [87, 5000], "e"),
    ],
)
def test_a_wage_earners_plan_has_the_risk_class_jkk_rate_and_the_jkm_rate(
    risk_class: RiskClass, rate: str, ratio: list[int], letter: str
) -> None:
    """PP 44/2015 Pasal 16(1): JKK is 0,24 % - 1,74 % of the wage by risk class; Pasal 18(1): JKM is 0,30 %."""
    month = Month(2024, 2)
    plan = plan_of(WageEarner(risk_class=risk_class), month)
    assert [part.to_dict() for part in plan.parts] == [
        {
            "programme": "jkk",
            "rate": rate,
            "ratio": ratio,
            "flat": None,
            "parameters": [f"pu.jkk_rate.{risk_class.value}"],
        },
        {"programme": "jkm", "rate": "0.0030", "ratio": [3, 1000], "flat": None, "parameters": ["pu.jkm_rate"]},
    ]
    jkk, jkm = plan.parts
    assert jkk.rate == Decimal(rate)
    assert jkk.ratio == tuple(ratio)
    assert [c.label for c in jkk.citations] == [f"PP 44/2015 Pasal 16 ayat (1) huruf {letter}"]
    assert [c.label for c in jkm.citations] == ["PP 44/2015 Pasal 18 ayat (1)"]
    assert (jkk.label.render("id"), jkk.label.render("en")) == ("Iuran JKK", "JKK premium")
    assert (jkm.label.render("id"), jkm.label.render("en")) == ("Iuran JKM", "JKM premium")
    assert jkk.note is None
    assert jkm.note is None
    assert (jkk.key, jkm.key) == ("jkk", "jkm")
    assert plan.lowest_basis is None


def test_a_non_wage_earners_plan_has_a_jkk_rate_of_the_income_and_a_flat_jkm() -> None:
    """PP 44/2015 Pasal 20(1): BPU JKK is 1 % of an income of at least Rp1.000.000; Pasal 20(3): JKM is flat Rp6.800."""
    month = Month(2024, 2)
    plan = plan_of(NonWageEarner(), month)
    jkk, jkm = plan.parts
    assert jkk.to_dict() == {
        "programme": "jkk",
        "rate": "0.01",
        "ratio": [1, 100],
        "flat": None,
        "parameters": ["bpu.jkk_rate", "bpu.lowest_income_basis"],
    }
    assert jkm.to_dict() == {
        "programme": "jkm",
        "rate": None,
        "ratio": None,
        "flat": 6800,
        "parameters": ["bpu.jkm_amount"],
    }
    assert [c.label for c in jkk.citations] == ["PP 44/2015 Pasal 20 ayat (1) jo. Lampiran II"]
    assert [c.label for c in jkm.citations] == ["PP 44/2015 Pasal 20 ayat (3)"]
    assert jkk.note is not None
    assert jkk.note.to_dict() == _BPU_NOTE
    assert jkm.note is None
    assert (jkk.label.render("en"), jkm.label.render("en")) == ("JKK premium", "JKM premium")
    assert plan.lowest_basis is not None
    assert plan.lowest_basis.amount == 1_000_000


@pytest.mark.parametrize("scheme", [WageEarner(), NonWageEarner()], ids=["PU", "BPU"])
@pytest.mark.parametrize("programme", [Programme.JKK, Programme.JKM])
def test_a_plan_for_one_programme_has_only_that_part(scheme: WageEarner | NonWageEarner, programme: Programme) -> None:
    """An agreement covering only JKK (or only JKM) is priced for that programme alone; the other part is absent."""
    month = Month(2024, 2)
    plan = plan_of(scheme, month, programmes={programme})
    assert [part.programme for part in plan.parts] == [programme]
    assert plan.programmes == frozenset({programme})
    other = Programme.JKM if programme is Programme.JKK else Programme.JKK
    assert plan.part(other) is None
    found = plan.part(programme)
    assert found is not None
    assert found.programme is programme
    assert plan.to_dict()["programmes"] == [programme.value]


def test_both_programmes_are_listed_jkk_first_in_the_plan_data() -> None:
    """A plan for JKK and JKM lists both programme codes (sorted) and both parts, JKK first, whatever order was asked."""
    month = Month(2024, 2)
    plan = plan_of(WageEarner(), month, programmes=[Programme.JKM, Programme.JKK])
    assert plan.to_dict()["programmes"] == ["jkk", "jkm"]
    assert [part.key for part in plan.parts] == ["jkk", "jkm"]
    assert plan.part(Programme.JKM) is plan.parts[1]


def test_a_plan_as_data_names_month_scheme_payer_rounding_due_date_and_receipt() -> None:
    """A plan's plain data states every value a premium needs, including the PP 50/2025 relief for a self-paid BPU."""
    month = Month(2026, 5)
    plan = plan_of(NonWageEarner(), month, budget_source=BudgetSource.SELF_PAID)
    data = plan.to_dict()
    assert data == {
        "kind": "month_plan",
        "month": "2026-05",
        "scheme": "non_wage_earner",
        "programmes": ["jkk", "jkm"],
        "budget_source": "self_paid",
        "parts": [part.to_dict() for part in plan.parts],
        "relief": {"name": "relief.pp50_2025.discount.other", "rate": "0.5"},
        "rounding": "half_up",
        "lowest_basis": 1_000_000,
        "due": "2026-05-15",
        "notes": [],
        "receipt": plan.receipt.to_dict(),
    }
    assert [row["name"] for row in data["receipt"]["values"]] == [  # type: ignore[index]
        "contribution.rounding",
        "bpu.lowest_income_basis",
        "bpu.jkk_rate",
        "bpu.jkm_amount",
        "relief.pp50_2025.discount.other",
        "bpu.due_day",
        "contribution.due_date_shift",
    ]


def test_a_wage_earners_plan_as_data_has_no_payer_relief_or_lowest_basis() -> None:
    """Outside relief months a PU plan has no relief and no lowest basis; its due-date note is carried as data."""
    month = Month(2024, 5)
    data = plan_of(WageEarner(), month).to_dict()
    assert data["budget_source"] is None
    assert data["relief"] is None
    assert data["lowest_basis"] is None
    assert data["scheme"] == "wage_earner"
    assert data["due"] == "2024-06-18"
    assert data["notes"] == [
        {
            "id": "15 Juni 2024 hari libur atau akhir pekan; jatuh tempo bergeser ke 18 Juni 2024 "
            "(PP 44/2015 Pasal 21 ayat (3); Pasal 24 ayat (4)).",
            "en": "June 15, 2024 is a holiday or weekend; the due date moves to June 18, 2024 "
            "(PP 44/2015 Pasal 21 ayat (3); Pasal 24 ayat (4)).",
        }
    ]


@pytest.mark.parametrize(
    ("scheme", "month", "relief"),
    [
        (WageEarner(), Month(2020, 7), None),
        (WageEarner(), Month(2020, 8), "relief.pp49_2020.discount"),
        (WageEarner(), Month(2021, 1), "relief.pp49_2020.discount"),
        (WageEarner(), Month(2021, 2), None),
        (NonWageEarner(), Month(2020, 7), None),
        (NonWageEarner(), Month(2020, 8), "relief.pp49_2020.discount"),
        (NonWageEarner(), Month(2021, 1), "relief.pp49_2020.discount"),
        (NonWageEarner(), Month(2021, 2), None),
    ],
)
def test_pp49_2020_relief_covers_every_participant_in_its_months_only(
    scheme: WageEarner | NonWageEarner, month: Month, relief: str | None
) -> None:
    """PP 49/2020 Pasal 9: 99 % off JKK and JKM for contribution months August 2020 - January 2021, PU and BPU alike."""
    plan = plan_of(scheme, month)
    if relief is None:
        assert plan.relief is None
        assert plan.relief_ratio is None
    else:
        assert plan.relief is not None
        assert plan.relief.name == relief
        assert plan.relief.rate == Decimal("0.99")
        assert plan.relief_ratio == (99, 100)
        assert plan.to_dict()["relief"] == {"name": relief, "rate": "0.99"}
    assert not any("PP 50/2025" in note.render("en") for note in plan.notes)


def test_pp49_2020_does_not_ask_who_pays() -> None:
    """PP 49/2020 covers premiums paid from APBD too (it has no PP 50/2025 Pasal 3(5) exclusion)."""
    month = Month(2020, 9)
    plan = plan_of(NonWageEarner(), month, budget_source=BudgetSource.APBD)
    assert plan.relief is not None
    assert plan.relief.name == "relief.pp49_2020.discount"
    assert plan.budget_source is BudgetSource.APBD
    assert plan.to_dict()["budget_source"] == "apbd"


@pytest.mark.parametrize(
    ("transport", "month", "relief"),
    [
        (True, Month(2025, 12), None),
        (True, Month(2026, 1), "relief.pp50_2025.discount.transport"),
        (True, Month(2027, 3), "relief.pp50_2025.discount.transport"),
        (True, Month(2027, 4), None),
        (False, Month(2026, 3), None),
        (False, Month(2026, 4), "relief.pp50_2025.discount.other"),
        (False, Month(2026, 12), "relief.pp50_2025.discount.other"),
        (False, Month(2027, 1), None),
    ],
)
def test_pp50_2025_windows_for_transport_and_other_non_wage_earners(
    transport: bool, month: Month, relief: str | None
) -> None:
    """PP 50/2025 Pasal 7: 50 % off for transport-sector BPU January 2026 - March 2027, others April - December 2026."""
    plan = plan_of(NonWageEarner(transport_sector=transport), month, budget_source=BudgetSource.SELF_PAID)
    if relief is None:
        assert plan.relief is None
        assert plan.relief_ratio is None
        assert plan.to_dict()["relief"] is None
    else:
        assert plan.relief is not None
        assert plan.relief.name == relief
        assert plan.relief_ratio == (1, 2)
        assert plan.to_dict()["relief"] == {"name": relief, "rate": "0.5"}
    assert not any("PP 50/2025" in note.render("en") for note in plan.notes)


@pytest.mark.parametrize("source", [s for s in BudgetSource if s.public])
def test_pp50_2025_does_not_apply_when_the_state_or_region_pays(source: BudgetSource) -> None:
    """PP 50/2025 Pasal 3(5): a BPU whose premiums are paid from APBN/APBD gets no discount, and the plan says why."""
    month = Month(2026, 4)
    plan = plan_of(NonWageEarner(), month, budget_source=source)
    assert plan.relief is None
    assert plan.relief_ratio is None
    assert [note.to_dict() for note in plan.notes] == [_PP50_PUBLIC]


def test_pp50_2025_is_not_applied_when_who_pays_is_unknown() -> None:
    """Without a budget source the PP 50/2025 exclusion cannot be ruled out: no discount, and a note in both languages."""
    month = Month(2026, 4)
    plan = plan_of(NonWageEarner(transport_sector=True), month)
    assert plan.relief is None
    assert [note.to_dict() for note in plan.notes] == [_PP50_UNKNOWN]
    assert plan.to_dict()["notes"] == [_PP50_UNKNOWN]


def test_pp50_2025_never_applies_to_wage_earners() -> None:
    """PP 50/2025 is about non-wage earners only: a self-paid PU plan in May 2026 has no relief and no PP 50 note."""
    month = Month(2026, 5)
    plan = plan_of(WageEarner(), month, budget_source=BudgetSource.SELF_PAID)
    assert plan.relief is None
    assert plan.notes == ()


def test_the_pp50_why_not_note_comes_before_a_due_date_note() -> None:
    """A plan's notes list the relief caveat first, then the due-date shift (15 March 2026 is a Sunday)."""
    month = Month(2026, 3)
    plan = plan_of(NonWageEarner(transport_sector=True), month, budget_source=BudgetSource.APBN)
    notes = [note.render("en") for note in plan.notes]
    assert notes == [
        _PP50_PUBLIC["en"],
        "March 15, 2026 is a holiday or weekend; the due date moves to March 16, 2026 "
        "(PP 44/2015 Pasal 21 ayat (3); Pasal 24 ayat (4)).",
    ]
    assert plan.due.isoformat() == "2026-03-16"


def test_the_same_plan_is_returned_for_the_same_month_and_arguments() -> None:
    """A plan depends only on the rules and the arguments: asked twice of one snapshot, it is the same value."""
    month = Month(2024, 2)
    rules = shipped(month)
    first = month_plan(NonWageEarner(), month=month, budget_source=BudgetSource.SELF_PAID, rules=rules)
    again = month_plan(NonWageEarner(), month=month, budget_source=BudgetSource.SELF_PAID, rules=rules)
    other = month_plan(NonWageEarner(), month=month, budget_source=BudgetSource.APBD, rules=rules)
    assert again is first
    assert other is not first
    assert other.budget_source is BudgetSource.APBD
