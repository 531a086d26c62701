"""Agreement and cohort budgets as a secretariat reads them: table, totals, unknowns said in words."""

from __future__ import annotations

import datetime as dt

from jamsos_pemilu import Period, Rupiah
from jamsos_pemilu.agreements import Agreement, Cohort, Party, Payer
from jamsos_pemilu.budgets import AgreementBudget, agreement_budget
from jamsos_pemilu.institutions import AdministrativeLevel, Institution
from jamsos_pemilu.schemes import BudgetSource, WageEarner

BPJS = Party(Institution.bpjs("Makassar"), {"provider"})
KPPS_TERM = Period(dt.date(2024, 1, 25), dt.date(2024, 2, 25))
PAYER = Payer(Institution.pemda("Makassar", AdministrativeLevel.CITY), BudgetSource.APBD)
ASSUMED_EN = (
    "  * Coverage scheme not reported; assumed wage earner (PU), very low risk class (as KPU Sulsel's figures and "
    "BPJS's Banten office indicate). Unconfirmed for this agreement."
)


def _budget(*cohorts: Cohort) -> AgreementBudget:
    agreement = Agreement(
        id="test",
        title="Test PKS",
        elections=("pemilu_2024",),
        parties=(BPJS,),
        programmes={"jkk", "jkm"},
        scheme=None,
        payer=PAYER,
        cohorts=cohorts,
    )
    return agreement_budget(agreement)


def _open_ended() -> AgreementBudget:
    agreement = Agreement(
        id="test",
        title="Test PKS",
        elections=(),
        parties=(BPJS,),
        programmes={"jkk", "jkm"},
        signed_on=dt.date(2024, 1, 10),
        scheme=WageEarner(wage=Rupiah(1_100_000)),
        payer=PAYER,
        cohorts=(
            Cohort({"kpps"}, {"anggota"}, headcount=7),
            Cohort({"pps"}, {"anggota"}, headcount=2, period=KPPS_TERM),
        ),
    )
    return agreement_budget(agreement)


def test_priced_budget_shows_headers_cohort_rows_and_totals() -> None:
    """Each cohort shows officers × premium per month × months; the total and breakdowns add up in rupiah."""
    budget = _budget(
        Cohort({"kpps"}, {"anggota"}, headcount=7, period=KPPS_TERM),
        Cohort({"pps"}, {"ketua"}, headcount=3, period=KPPS_TERM),
    )
    assert budget.render("en").splitlines() == [
        "Premium budget: Test PKS",
        "Cohort  Officers  Per officer/month  Cohort/month  Months       Total",
        "------  --------  -----------------  ------------  ------  ----------",
        "KPPS           7          IDR 5,940    IDR 41,580       2  IDR 83,160",
        "PPS            3          IDR 8,100    IDR 24,300       2  IDR 48,600",
        "Total: IDR 131,760",
        "By programme: JKK IDR 58,560; JKM IDR 73,200",
        "By payer: Pemerintah Kota Makassar, regional budget (APBD) IDR 131,760",
        "By month: 2024-01 IDR 65,880; 2024-02 IDR 65,880",
        ASSUMED_EN,
        "WARNING: this result uses unconfirmed values: Rounding of computed amounts to whole rupiah.",
    ]


def test_priced_budget_in_indonesian() -> None:
    """The Indonesian budget uses Indonesian headers, Rp amounts and Jumlah/Per program/Per pembayar/Per bulan."""
    budget = _budget(
        Cohort({"kpps"}, {"anggota"}, headcount=7, period=KPPS_TERM),
        Cohort({"pps"}, {"ketua"}, headcount=3, period=KPPS_TERM),
    )
    assert budget.render("id").splitlines()[:9] == [
        "Anggaran iuran: Test PKS",
        "Kelompok  Petugas  Per petugas/bulan  Kelompok/bulan  Bulan    Jumlah",
        "--------  -------  -----------------  --------------  -----  --------",
        "KPPS            7            Rp5.940        Rp41.580      2  Rp83.160",
        "PPS             3            Rp8.100        Rp24.300      2  Rp48.600",
        "Jumlah: Rp131.760",
        "Per program: JKK Rp58.560; JKM Rp73.200",
        "Per pembayar: Pemerintah Kota Makassar, APBD Rp131.760",
        "Per bulan: 2024-01 Rp65.880; 2024-02 Rp65.880",
    ]


def test_partial_total_says_at_least_and_how_many_cohorts_are_missing() -> None:
    """When some cohorts cannot be priced, the total is a lower bound and the count of missing cohorts is given."""
    budget = _budget(
        Cohort({"kpps"}, {"anggota"}, headcount=7, period=KPPS_TERM),
        Cohort(headcount=275, period=KPPS_TERM),
    )
    en = budget.render("en").splitlines()
    assert en[4] == "#2           275                  -             -       ?  not computable"
    assert en[5] == "Total: at least IDR 83,160 (1 cohort(s) could not be priced)"
    assert "  * [#2] The group's roles are not reported; the honorarium cannot be determined." in en
    assert "Jumlah: sedikitnya Rp83.160 (1 kelompok tidak dapat dihitung)" in budget.render("id").splitlines()
    assert budget.total == Rupiah(83_160)


def test_total_is_unknown_in_words_when_no_cohort_is_priced() -> None:
    """With no cohort priced, the total is 'unknown' in words (never Rp0) and no breakdowns are shown."""
    budget = _budget(Cohort(headcount=275, period=KPPS_TERM))
    en = budget.render("en").splitlines()
    assert en[4] == "Total: unknown (no cohort could be priced)"
    assert not any(line.startswith(("By programme", "By payer", "By month")) for line in en)
    assert "IDR 0" not in budget.render("en")
    assert "Jumlah: tidak diketahui (tidak ada kelompok yang dapat dihitung)" in budget.render("id").splitlines()


def test_headcount_not_reported_is_a_dash() -> None:
    """A cohort whose headcount is not reported shows a dash for officers, not 0."""
    budget = _budget(Cohort({"kpps"}, {"anggota"}, period=KPPS_TERM))
    assert budget.render("en").splitlines()[3] == (
        "KPPS           -                  -             -       ?  not computable"
    )
    assert budget.cohorts[0].headcount is None


def test_open_ended_cohort_is_priced_per_month_only() -> None:
    """A cohort with no known months shows its monthly cost and is added as a per-month amount, not into the total."""
    budget = _open_ended()
    en = budget.render("en").splitlines()
    assert en[3] == "KPPS           7          IDR 5,940    IDR 41,580       ?  not computable"
    assert en[4] == "PPS            2          IDR 5,940    IDR 11,880       2      IDR 23,760"
    assert en[5] == "Total: at least IDR 23,760 (1 cohort(s) could not be priced)"
    assert en[6] == "Plus, for cohorts whose number of months is not reported: IDR 41,580 per month"
    assert (
        "Ditambah, untuk kelompok yang jumlah bulannya tidak dilaporkan: Rp41.580 per bulan"
        in budget.render("id").splitlines()
    )
    assert budget.cohorts[0].monthly_total == Rupiah(41_580)
    assert budget.total == Rupiah(23_760)


def test_cohort_render_priced_and_not_computable() -> None:
    """A priced cohort states officers, months and total; one that cannot be priced says so with its reasons."""
    budget = _budget(
        Cohort({"kpps"}, {"anggota"}, headcount=7, period=KPPS_TERM),
        Cohort(headcount=275, period=KPPS_TERM),
    )
    priced, unpriced = budget.cohorts
    assert priced.render("en").splitlines()[0] == "Cohort KPPS: 7 officers, 2 month(s), IDR 83,160"
    assert priced.render("id").splitlines()[0] == "Kelompok KPPS: 7 petugas, 2 bulan, Rp83.160"
    assert unpriced.render("en").splitlines() == [
        "Cohort #2: not computable",
        "  * The group's roles are not reported; the honorarium cannot be determined.",
    ]
    assert unpriced.render("id").splitlines() == [
        "Kelompok #2: tidak dapat dihitung",
        "  * Peran kelompok tidak dilaporkan; honorarium tidak dapat ditentukan.",
    ]


def test_cohort_render_lists_its_notes() -> None:
    """A cohort whose period came from the election's term says so under its heading."""
    cohort = _budget(Cohort({"kpps"}, {"anggota"}, headcount=7)).cohorts[0]
    assert cohort.render("en").splitlines()[:2] == [
        "Cohort KPPS: 7 officers, 2 month(s), IDR 83,160",
        "  * Coverage period not reported; the term of KPPS in 2024 general election (2024-01-25/2024-02-25) is used.",
    ]
