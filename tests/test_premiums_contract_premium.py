"""One officer-month's premium: the basis, the amounts and their rounding, the relief lines, and the output contract.

Rules stated (citations from the shipped rule data):

* PU: JKK 0,24 % (very low risk, PP 44/2015 Pasal 16(1) huruf a) and JKM 0,30 % (Pasal 18(1)) of the monthly wage;
* BPU: JKK 1 % of the declared income, never below the lowest basis Rp1.000.000 (Pasal 20(1) jo. Lampiran II),
  and JKM a flat Rp6.800 (Pasal 20(3));
* each amount is rounded once to whole rupiah with ``contribution.rounding`` (half up; unconfirmed, Pasal 23 states
  no rule), and a relief's discount is rounded once more: PP 49/2020 Pasal 9 (99 %), PP 50/2025 Pasal 4(1) (50 %);
* the basis is given once: as an argument or in the scheme, both only when equal;
* an officer is priced on the honorarium of the election, role and position unless a wage is reported.

Each test reads a snapshot of its own (``rules_on(..., reform=Reform("shipped rules"))``, no override), so that no
plan or premium cached on a snapshot by another test is reused.
"""

from __future__ import annotations

import datetime as dt

import pytest

from jamsos_pemilu import CalculationError, InputError, Month, Officer, Period, Reform, Rupiah, rules_on
from jamsos_pemilu.law.parameters import RuleSnapshot
from jamsos_pemilu.premiums import monthly_premium, officer_premium
from jamsos_pemilu.schemes import BudgetSource, NonWageEarner, Programme, RiskClass, WageEarner

FEB_2024 = Month(2024, 2)
SEP_2020 = Month(2020, 9)
MAY_2026 = Month(2026, 5)
_PP49 = "PP 49/2020 Pasal 9 (JKM); the JKK relief in the same terms, article not identified"
_PP50_OTHER = "PP 50/2025 Pasal 4 ayat (1); Pasal 7 huruf b"


def shipped(month: Month) -> RuleSnapshot:
    """The shipped rules on the month's first day, as a snapshot of this test's own (no override)."""
    return rules_on(month.first_day, reform=Reform("shipped rules"))


def _siti(appointment: str = "2024-01-25/2024-02-25", election: str = "pemilu_2024") -> Officer:
    return Officer(
        nik="3602041211870001",
        name="Siti",
        role="kpps",
        position="anggota",
        election=election,
        appointment=Period.parse(appointment),
    )


# --------------------------------------------------------------------------- amounts and rounding


def test_each_programme_amount_is_rounded_half_up_once() -> None:
    """On a wage of Rp1.000.625, JKK 0,24 % is Rp2.401,5 -> Rp2.402 and JKM 0,30 % is Rp3.001,875 -> Rp3.002."""
    premium = monthly_premium(Rupiah(1_000_625), month=FEB_2024, rules=shipped(FEB_2024))
    assert [(line.key, line.amount) for line in premium.lines] == [("jkk", Rupiah(2_402)), ("jkm", Rupiah(3_002))]
    assert premium.by_programme == ((Programme.JKK, Rupiah(2_402)), (Programme.JKM, Rupiah(3_002)))
    assert premium.total == Rupiah(5_404)
    assert premium.basis == Rupiah(1_000_625)


def test_the_risk_class_rate_prices_the_jkk_line() -> None:
    """PP 44/2015 Pasal 16(1) huruf e: a very high risk class pays JKK 1,74 %: Rp43.500 on Rp2.500.000."""
    scheme = WageEarner(risk_class=RiskClass.SANGAT_TINGGI)
    premium = monthly_premium(Rupiah(2_500_000), scheme, month=FEB_2024, rules=shipped(FEB_2024))
    assert premium.amount_for(Programme.JKK) == Rupiah(43_500)
    assert premium.amount_for(Programme.JKM) == Rupiah(7_500)
    assert premium.total == Rupiah(51_000)


def test_pp49_2020_discount_is_rounded_once_more_and_listed_per_programme() -> None:
    """PP 49/2020 Pasal 9: 99 % off; the discount of 99 % × Rp2.402 = Rp2.377,98 is rounded to Rp2.378, leaving Rp24."""
    premium = monthly_premium(Rupiah(1_000_625), month=SEP_2020, rules=shipped(SEP_2020))
    rows = [(line.key, line.amount, line.formula.render("en"), line.parameters) for line in premium.lines]
    assert rows == [
        ("jkk", Rupiah(2_402), "0.24% × IDR 1,000,625", ("pu.jkk_rate.sangat_rendah",)),
        ("jkm", Rupiah(3_002), "0.3% × IDR 1,000,625", ("pu.jkm_rate",)),
        ("jkk.relief", Rupiah(-2_378), "−99% × IDR 2,402", ("relief.pp49_2020.discount",)),
        ("jkm.relief", Rupiah(-2_972), "−99% × IDR 3,002", ("relief.pp49_2020.discount",)),
    ]
    relief_lines = premium.lines[2:]
    assert [line.label.render("id") for line in relief_lines] == ["Keringanan iuran JKK", "Keringanan iuran JKM"]
    assert [line.label.render("en") for line in relief_lines] == ["JKK premium relief", "JKM premium relief"]
    assert [[c.label for c in line.citations] for line in relief_lines] == [[_PP49], [_PP49]]
    assert relief_lines[0].formula.render("id") == "−99% × Rp2.402"
    assert premium.by_programme == ((Programme.JKK, Rupiah(24)), (Programme.JKM, Rupiah(30)))
    assert premium.amount_for(Programme.JKK) == Rupiah(24)
    assert premium.total == Rupiah(54)


def test_pp50_2025_halves_a_self_paid_bpu_premium_line_by_line() -> None:
    """PP 50/2025 Pasal 4(1): a self-paid BPU pays half of JKK Rp10.000 and of JKM Rp6.800 in May 2026: Rp8.400."""
    premium = monthly_premium(
        None, NonWageEarner(), month=MAY_2026, budget_source=BudgetSource.SELF_PAID, rules=shipped(MAY_2026)
    )
    assert [(line.key, line.amount) for line in premium.lines] == [
        ("jkk", Rupiah(10_000)),
        ("jkm", Rupiah(6_800)),
        ("jkk.relief", Rupiah(-5_000)),
        ("jkm.relief", Rupiah(-3_400)),
    ]
    assert [[c.label for c in line.citations] for line in premium.lines[2:]] == [[_PP50_OTHER], [_PP50_OTHER]]
    assert premium.total == Rupiah(8_400)


def test_a_bpu_flat_jkm_line_reads_as_a_flat_amount() -> None:
    """PP 44/2015 Pasal 20(3): the BPU JKM premium is a flat Rp6.800, shown as "tetap" / "flat", whatever the income."""
    premium = monthly_premium(Rupiah(3_000_000), NonWageEarner(), month=FEB_2024, rules=shipped(FEB_2024))
    jkk, jkm = premium.lines
    assert (jkk.formula.render("id"), jkk.formula.render("en")) == ("1% × Rp3.000.000", "1% × IDR 3,000,000")
    assert (jkm.formula.render("id"), jkm.formula.render("en")) == ("tetap Rp6.800", "flat IDR 6,800")
    assert jkm.amount == Rupiah(6_800)
    assert jkk.note is not None
    assert jkk.note.render("en") == "PP 44/2015 Lampiran II brackets not transcribed; the income is used as declared."
    assert jkk.parameters == ("bpu.jkk_rate", "bpu.lowest_income_basis")
    assert jkm.parameters == ("bpu.jkm_amount",)
    assert premium.total == Rupiah(36_800)


def test_a_premium_for_one_programme_owes_nothing_for_the_other() -> None:
    """A JKM-only agreement owes JKM 0,30 % only; the JKK amount of that premium is Rp0."""
    premium = monthly_premium(Rupiah(2_500_000), month=FEB_2024, programmes={Programme.JKM}, rules=shipped(FEB_2024))
    assert premium.amount_for(Programme.JKK) == Rupiah(0)
    assert premium.amount_for(Programme.JKM) == Rupiah(7_500)
    assert premium.total == Rupiah(7_500)
    assert premium.programmes == frozenset({Programme.JKM})


# --------------------------------------------------------------------------- the basis


def test_a_wage_earner_without_a_wage_is_refused() -> None:
    """A wage earner's premium is a rate of the monthly wage (Pasal 16, 18): without one there is nothing to price."""
    with pytest.raises(InputError) as caught:
        monthly_premium(None, month=FEB_2024, rules=shipped(FEB_2024))
    assert str(caught.value) == (
        "basis: a wage earner's premium needs the monthly wage (got None and the scheme has none)"
    )


def test_the_wage_in_the_scheme_is_the_basis_when_none_is_passed() -> None:
    """WageEarner(wage=Rp2.500.000) with no basis argument is priced on Rp2.500.000: Rp13.500."""
    scheme = WageEarner(wage=Rupiah(2_500_000))
    premium = monthly_premium(None, scheme, month=FEB_2024, rules=shipped(FEB_2024))
    assert premium.basis == Rupiah(2_500_000)
    assert premium.total == Rupiah(13_500)


def test_two_different_wages_are_refused_with_both_amounts() -> None:
    """The basis is given once: a wage argument that differs from the scheme's wage is refused, naming both."""
    with pytest.raises(InputError) as caught:
        monthly_premium(Rupiah(2_000_000), WageEarner(wage=Rupiah(2_500_000)), month=FEB_2024, rules=shipped(FEB_2024))
    assert str(caught.value) == (
        "basis: IDR 2,000,000 was passed but the scheme reports a wage of IDR 2,500,000; pass one of them"
    )


def test_two_different_declared_incomes_are_refused_with_both_amounts() -> None:
    """A BPU income argument that differs from the scheme's declared income is refused, naming both."""
    scheme = NonWageEarner(declared_income=Rupiah(2_500_000))
    with pytest.raises(InputError) as caught:
        monthly_premium(Rupiah(2_000_000), scheme, month=FEB_2024, rules=shipped(FEB_2024))
    assert str(caught.value) == (
        "basis: IDR 2,000,000 was passed but the scheme declares an income of IDR 2,500,000; pass one of them"
    )


def test_the_same_declared_income_twice_is_accepted() -> None:
    """The same BPU income as argument and in the scheme is one basis: 1 % of Rp2.500.000 + Rp6.800 = Rp31.800."""
    scheme = NonWageEarner(declared_income=Rupiah(2_500_000))
    premium = monthly_premium(Rupiah(2_500_000), scheme, month=FEB_2024, rules=shipped(FEB_2024))
    assert premium.basis == Rupiah(2_500_000)
    assert premium.total == Rupiah(31_800)
    assert premium.notes == ()


def test_a_declared_income_in_the_scheme_is_the_bpu_basis() -> None:
    """NonWageEarner(declared_income=Rp1.500.000) with no basis argument pays 1 % of Rp1.500.000 + Rp6.800."""
    scheme = NonWageEarner(declared_income=Rupiah(1_500_000))
    premium = monthly_premium(None, scheme, month=FEB_2024, rules=shipped(FEB_2024))
    assert premium.basis == Rupiah(1_500_000)
    assert premium.total == Rupiah(21_800)


@pytest.mark.parametrize(
    ("declared", "basis", "noted"),
    [
        (Rupiah(999_999), Rupiah(1_000_000), True),
        (Rupiah(1_000_000), Rupiah(1_000_000), False),
        (Rupiah(1_000_001), Rupiah(1_000_001), False),
    ],
)
def test_a_bpu_income_below_the_lowest_basis_is_raised_to_it_with_a_note(
    declared: Rupiah, basis: Rupiah, noted: bool
) -> None:
    """PP 44/2015 Lampiran II: the lowest BPU income basis is Rp1.000.000; an income below it is priced at it."""
    premium = monthly_premium(declared, NonWageEarner(), month=FEB_2024, rules=shipped(FEB_2024))
    assert premium.basis == basis
    if noted:
        assert [note.to_dict() for note in premium.notes] == [
            {
                "id": "Penghasilan yang dilaporkan Rp999.999 di bawah dasar terendah; dipakai Rp1.000.000.",
                "en": "Declared income IDR 999,999 is below the lowest basis; IDR 1,000,000 is used.",
            }
        ]
    else:
        assert premium.notes == ()


def test_a_bpu_without_a_declared_income_pays_on_the_lowest_basis() -> None:
    """A BPU with no declared income is priced on the lowest basis Rp1.000.000: the Rp16.800 package, without a note."""
    premium = monthly_premium(None, NonWageEarner(), month=FEB_2024, rules=shipped(FEB_2024))
    assert premium.basis == Rupiah(1_000_000)
    assert premium.total == Rupiah(16_800)
    assert premium.notes == ()


def test_the_basis_note_comes_before_the_months_notes() -> None:
    """A premium lists its own basis note first, then the plan's notes (PP 50/2025 unknown payer, due-date shift)."""
    month = Month(2026, 3)
    premium = monthly_premium(Rupiah(500_000), NonWageEarner(transport_sector=True), month=month, rules=shipped(month))
    assert [note.render("en")[:24] for note in premium.notes] == [
        "Declared income IDR 500,",
        "PP 50/2025 discount not ",
        "March 15, 2026 is a holi",
    ]


def test_asking_twice_gives_the_same_premium() -> None:
    """A premium is a value: the same basis and month under the same rules give an equal premium each time."""
    rules = shipped(FEB_2024)
    first = monthly_premium(Rupiah(1_100_000), month=FEB_2024, rules=rules)
    again = monthly_premium(Rupiah(1_100_000), month=FEB_2024, rules=rules)
    other = monthly_premium(Rupiah(2_500_000), month=FEB_2024, rules=rules)
    assert again == first
    assert first.total == Rupiah(5_940)
    assert other.total == Rupiah(13_500)


def test_officers_priced_on_the_same_rules_each_get_the_premium_of_their_own_basis() -> None:
    """Under one snapshot, a BPU with no declared income pays Rp16.800, one declaring Rp2.000.000 pays Rp26.800."""
    rules = shipped(FEB_2024)
    lowest = monthly_premium(None, NonWageEarner(), month=FEB_2024, rules=rules)
    declared = monthly_premium(Rupiah(2_000_000), NonWageEarner(), month=FEB_2024, rules=rules)
    again = monthly_premium(None, NonWageEarner(), month=FEB_2024, rules=rules)
    assert (lowest.basis, lowest.total) == (Rupiah(1_000_000), Rupiah(16_800))
    assert (declared.basis, declared.total) == (Rupiah(2_000_000), Rupiah(26_800))
    assert (again.basis, again.total) == (Rupiah(1_000_000), Rupiah(16_800))


# --------------------------------------------------------------------------- one officer


def test_an_officer_is_priced_on_the_honorarium_of_the_role() -> None:
    """Anggota KPPS in Pemilu 2024 (honorarium Rp1.100.000) pays 0,54 % of it: Rp5.940 for February 2024."""
    premium = officer_premium(_siti(), month=FEB_2024, rules=shipped(FEB_2024))
    assert premium.basis == Rupiah(1_100_000)
    assert premium.total == Rupiah(5_940)
    assert premium.month == FEB_2024


def test_a_reported_wage_replaces_the_honorarium() -> None:
    """A wage reported for the officer (Rp1.500.000) is the basis instead of the honorarium: Rp8.100."""
    premium = officer_premium(_siti(), month=FEB_2024, wage=Rupiah(1_500_000), rules=shipped(FEB_2024))
    assert premium.basis == Rupiah(1_500_000)
    assert premium.total == Rupiah(8_100)


def test_a_wage_in_the_scheme_replaces_the_honorarium() -> None:
    """An officer whose scheme reports a wage (Rp2.000.000) is priced on it, not on the honorarium."""
    scheme = WageEarner(wage=Rupiah(2_000_000))
    premium = officer_premium(_siti(), scheme, month=FEB_2024, rules=shipped(FEB_2024))
    assert premium.basis == Rupiah(2_000_000)
    assert premium.total == Rupiah(10_800)


def test_a_non_wage_earner_officer_pays_on_the_declared_income_not_the_honorarium() -> None:
    """A BPU officer without a declared income pays on the lowest basis (Rp16.800), not on the honorarium."""
    premium = officer_premium(_siti(), NonWageEarner(), month=FEB_2024, rules=shipped(FEB_2024))
    assert premium.basis == Rupiah(1_000_000)
    assert premium.total == Rupiah(16_800)


def test_an_officer_wage_of_nothing_is_refused() -> None:
    """A reported wage must be positive: Rp0 is refused naming wage."""
    with pytest.raises(CalculationError) as caught:
        officer_premium(_siti(), month=FEB_2024, wage=Rupiah(0), rules=shipped(FEB_2024))
    assert str(caught.value) == "wage: must be positive, got 0 rupiah"


@pytest.mark.parametrize(
    ("appointment", "on_duty"),
    [
        ("2024-01-01/2024-01-31", False),
        ("2024-01-01/2024-02-01", True),
        ("2024-02-29/2024-03-31", True),
        ("2024-03-01/2024-03-31", False),
    ],
)
def test_an_officer_is_priced_only_for_months_the_appointment_touches(appointment: str, on_duty: bool) -> None:
    """A month is owed when the appointment touches it, even for one day (1 or 29 February 2024), else refused."""
    officer = _siti(appointment)
    if on_duty:
        assert officer_premium(officer, month=FEB_2024, rules=shipped(FEB_2024)).total == Rupiah(5_940)
    else:
        with pytest.raises(InputError) as caught:
            officer_premium(officer, month=FEB_2024, rules=shipped(FEB_2024))
        assert str(caught.value) == (
            f"month: officer 360204******0001 is not on duty in 2024-02 (appointment {appointment})"
        )


def test_an_officer_without_an_honorarium_in_force_is_asked_for_the_wage() -> None:
    """Before the Pemilu 2024 honoraria took effect (2022-08-05) there is no basis: the error names it and asks for wage=."""
    month = Month(2015, 8)
    with pytest.raises(InputError) as caught:
        officer_premium(_siti("2015-08-01/2015-08-31"), month=month, rules=shipped(month))
    message = str(caught.value)
    assert message.startswith(
        "officer 360204******0001: no honorarium is known for kpps anggota in pemilu_2024 on 2015-08-01 ("
    )
    assert "honorarium.pemilu_2024.kpps.anggota" in message
    assert message.endswith("); pass wage=")
    assert caught.value.__cause__ is None
    assert caught.value.__suppress_context__


def test_an_officer_premium_refuses_a_wrong_month_and_scheme() -> None:
    """officer_premium checks the month and the scheme before anything else, naming them."""
    with pytest.raises(InputError, match=r"^month: expected a Month, got str \('2024-02'\)$"):
        officer_premium(_siti(), month="2024-02")  # type: ignore[arg-type]
    with pytest.raises(InputError, match=r"^scheme: expected WageEarner or NonWageEarner, got str \('pu'\)$"):
        officer_premium(_siti(), "pu", month=FEB_2024, rules=shipped(FEB_2024))  # type: ignore[arg-type]


def test_an_officer_premium_uses_the_rules_it_is_given() -> None:
    """A what-if reform (KPPS honorarium Rp1.500.000) reaches the officer's basis: Rp8.100 instead of Rp5.940."""
    reform = Reform("KPPS honor naik", {"honorarium.pemilu_2024.kpps.anggota": 1_500_000})
    rules = rules_on(FEB_2024.first_day, reform=reform)
    premium = officer_premium(_siti(), month=FEB_2024, rules=rules)
    assert premium.basis == Rupiah(1_500_000)
    assert premium.total == Rupiah(8_100)


def test_an_officer_premium_passes_programmes_and_payer_on() -> None:
    """A BPU officer in May 2026 paid by herself gets the PP 50/2025 discount; only JKM asked: half of Rp6.800."""
    premium = officer_premium(
        _siti("2026-05-01/2026-05-31"),
        NonWageEarner(),
        month=MAY_2026,
        programmes={Programme.JKM},
        budget_source=BudgetSource.SELF_PAID,
        rules=shipped(MAY_2026),
    )
    assert premium.total == Rupiah(3_400)
    assert premium.programmes == frozenset({Programme.JKM})


def test_a_due_date_is_part_of_the_premium() -> None:
    """The premium carries its due date: a PU premium of February 2024 is due 15 March 2024 (a Friday)."""
    premium = monthly_premium(Rupiah(1_100_000), month=FEB_2024, rules=shipped(FEB_2024))
    assert premium.due == dt.date(2024, 3, 15)
