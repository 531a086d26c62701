"""The output contract of premium budgets (jamsos_pemilu.budgets): plain data, records and text.

A budget is read by a secretariat (``render`` in Indonesian and English), loaded into a DataFrame
(``records``) and stored as JSON (``to_dict``). These tests state what each carries: the keys and
values of every row and cohort, the groupings by month, role, programme and payer, the words used
for what is not reported, and how the table keeps within 100 columns. Amounts are premiums of
PP 44/2015 Pasal 16 ayat (1) huruf a (JKK 0,24 %) and Pasal 18 ayat (1) (JKM 0,30 %) on the SBML
honoraria (KPPS anggota Rp1.100.000: JKK Rp2.640 + JKM Rp3.300 = Rp5.940 a month; KPPS ketua
Rp1.200.000: Rp6.480; PPLN anggota Rp8.000.000: Rp43.200), read from the rule data.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from jamsos_pemilu import Month, Period, Rupiah
from jamsos_pemilu.agreements import Agreement, Cohort, Party, Payer
from jamsos_pemilu.budgets import AgreementBudget, agreement_budget
from jamsos_pemilu.institutions import AdministrativeLevel, Institution
from jamsos_pemilu.premiums import monthly_premium
from jamsos_pemilu.roles import Body
from jamsos_pemilu.schemes import BudgetSource, Programme, WageEarner

BPJS = Party(Institution.bpjs("Makassar"), {"provider"})
PAYER = Payer(Institution.pemda("Makassar", AdministrativeLevel.CITY), BudgetSource.APBD)
PAYER_KEY = "Pemerintah Kota Makassar (apbd)"
KPPS_TERM = Period(dt.date(2024, 1, 25), dt.date(2024, 2, 25))
WARNING_EN = "WARNING: this result uses unconfirmed values: Rounding of computed amounts to whole rupiah."
WARNING_ID = (
    "PERHATIAN: hasil ini memakai nilai yang belum terkonfirmasi: Pembulatan iuran dan manfaat ke rupiah penuh."
)


def _agreement(*cohorts: Cohort, payer: Payer | None = PAYER) -> Agreement:
    """An agreement that reports its scheme, programmes and payer, so that the budget assumes nothing."""
    return Agreement(
        id="test",
        title="Test PKS",
        elections=("pemilu_2024",),
        parties=(BPJS,),
        programmes={"jkk", "jkm"},
        scheme=WageEarner(),
        payer=payer,
        cohorts=cohorts,
    )


def _kpps(headcount: int = 7, label: str | None = None) -> Cohort:
    """KPPS anggota over their 2024 term (two contribution months)."""
    return Cohort({"kpps"}, {"anggota"}, headcount=headcount, period=KPPS_TERM, label=label)


# --- Rows and records -----------------------------------------------------------------------------


def test_each_row_is_one_cohort_month_and_programme_with_plain_values() -> None:
    """A row gives the cohort, its label and roles, the month, the programme, the payer and the amounts in rupiah."""
    budget = agreement_budget(_agreement(_kpps()))
    january = monthly_premium(Rupiah(1_100_000), month=Month(2024, 1))
    assert dict(january.to_dict()["by_programme"]) == {"jkk": 2_640, "jkm": 3_300}  # type: ignore[call-overload]
    common = {"cohort": 0, "label": "KPPS", "roles": "kpps", "payer": PAYER_KEY, "headcount": 7}
    assert budget.records() == [
        {**common, "month": "2024-01", "programme": "jkk", "per_officer": 2_640, "amount": 18_480},
        {**common, "month": "2024-01", "programme": "jkm", "per_officer": 3_300, "amount": 23_100},
        {**common, "month": "2024-02", "programme": "jkk", "per_officer": 2_640, "amount": 18_480},
        {**common, "month": "2024-02", "programme": "jkm", "per_officer": 3_300, "amount": 23_100},
    ]
    assert budget.cohorts[0].records() == budget.records()
    assert [row.to_dict() for row in budget.rows] == budget.records()


def test_rows_keep_the_cohort_index_of_each_cohort() -> None:
    """Rows of the second cohort carry index 1 and its own label, headcount and amounts."""
    budget = agreement_budget(_agreement(_kpps(1), Cohort({"kpps"}, {"ketua"}, headcount=2, period=KPPS_TERM)))
    second = [r for r in budget.records() if r["cohort"] == 1]
    assert len(second) == 4
    assert {(r["headcount"], r["label"]) for r in second} == {(2, "KPPS")}
    assert sum(int(str(r["amount"])) for r in second) == 2 * 2 * 6_480


# --- Groupings ------------------------------------------------------------------------------------


def test_totals_are_grouped_by_month_role_programme_and_payer_keys_in_order() -> None:
    """Each grouping sums the rows sharing a key, keys sorted (months in calendar order)."""
    budget = agreement_budget(
        _agreement(
            _kpps(7),
            Cohort({"pps", "kpps"}, {"ketua"}, headcount=1, period=Period(dt.date(2023, 12, 1), dt.date(2024, 1, 31))),
        )
    )
    pps_ketua = 8_100  # Rp1.500.000 × 0,54 %: the highest ketua honorarium of the two roles
    assert budget.by_month == {
        "2023-12": Rupiah(pps_ketua),
        "2024-01": Rupiah(7 * 5_940 + pps_ketua),
        "2024-02": Rupiah(7 * 5_940),
    }
    assert list(budget.by_role) == ["kpps", "kpps+pps"]
    assert budget.by_role == {"kpps": Rupiah(2 * 7 * 5_940), "kpps+pps": Rupiah(2 * pps_ketua)}
    assert budget.by_programme == {"jkk": Rupiah(2 * 7 * 2_640 + 2 * 3_600), "jkm": Rupiah(2 * 7 * 3_300 + 2 * 4_500)}
    assert budget.by_payer == {PAYER_KEY: budget.total}


def test_a_budget_without_rows_has_empty_groupings() -> None:
    """With no cohort priced there is nothing to group: every breakdown is empty (not a zero)."""
    budget = agreement_budget(_agreement(Cohort(headcount=5, period=KPPS_TERM)))
    assert budget.by_month == budget.by_role == budget.by_programme == budget.by_payer == {}


# --- Keys and words for roles, labels and payers --------------------------------------------------


def test_cohort_labels_come_from_the_report_else_the_roles_else_the_position_in_the_list() -> None:
    """A cohort is labelled as the report names it, else by its roles' abbreviations (sorted), else ``#n``."""
    budget = agreement_budget(
        _agreement(
            _kpps(1, label="Linmas dan KPPS"),
            Cohort({"pps", "kpps"}, {"anggota"}, headcount=1, period=KPPS_TERM),
            Cohort(headcount=1, period=KPPS_TERM),
        )
    )
    assert [c.label for c in budget.cohorts] == ["Linmas dan KPPS", "KPPS + PPS", "#3"]


@pytest.mark.parametrize(
    ("body", "key", "label_id", "label_en"),
    [
        (None, "unreported", "(tidak dilaporkan)", "(not reported)"),
        (Body.KPU, "kpu.unreported", "(KPU, peran tidak dilaporkan)", "(KPU, roles not reported)"),
        (Body.BAWASLU, "bawaslu.unreported", "(Bawaslu, peran tidak dilaporkan)", "(Bawaslu, roles not reported)"),
    ],
)
def test_unreported_roles_are_keyed_and_worded_by_the_body_when_known(
    body: Body | None, key: str, label_id: str, label_en: str
) -> None:
    """A cohort without roles is keyed ``<body>.unreported`` and worded with the body's name, never its code."""
    cohort = agreement_budget(_agreement(Cohort(headcount=1, period=KPPS_TERM, body=body))).cohorts[0]
    assert cohort.roles == key
    assert (cohort.roles_label.render("id"), cohort.roles_label.render("en")) == (label_id, label_en)


def test_several_roles_are_keyed_by_codes_and_worded_by_abbreviations() -> None:
    """Roles are keyed by their codes joined with ``+`` and shown by abbreviation joined with `` + ``."""
    cohort = agreement_budget(_agreement(Cohort({"sekretariat_pps", "pps"}, headcount=1, period=KPPS_TERM))).cohorts[0]
    assert cohort.roles == "pps+sekretariat_pps"
    assert cohort.roles_label.render("en") == cohort.roles_label.render("id") == "PPS + Sekretariat PPS"
    assert {row.roles for row in cohort.rows} == {"pps+sekretariat_pps"}


@pytest.mark.parametrize(
    ("payer", "key", "words_id", "words_en"),
    [
        (PAYER, PAYER_KEY, "Pemerintah Kota Makassar, APBD", "Pemerintah Kota Makassar, regional budget (APBD)"),
        (
            Payer(Institution.pemda("Makassar", AdministrativeLevel.CITY)),
            "Pemerintah Kota Makassar (unreported)",
            "Pemerintah Kota Makassar, sumber dana tidak dilaporkan",
            "Pemerintah Kota Makassar, budget source not reported",
        ),
        (
            Payer(budget_source=BudgetSource.SELF_PAID),
            "self_paid (self_paid)",
            "petugas sendiri, " + BudgetSource.SELF_PAID.text.id,
            "the officers themselves, " + BudgetSource.SELF_PAID.text.en,
        ),
        (None, "unreported", "(tidak dilaporkan)", "(not reported)"),
    ],
)
def test_the_payer_is_a_key_for_grouping_and_words_for_readers(
    payer: Payer | None, key: str, words_id: str, words_en: str
) -> None:
    """Rows group by ``<institution> (<budget source>)``; the text names the payer and source in words."""
    budget = agreement_budget(_agreement(_kpps(1), payer=payer))
    row = budget.rows[0]
    assert row.payer == key and budget.records()[0]["payer"] == key
    assert (row.payer_label.render("id"), row.payer_label.render("en")) == (words_id, words_en)
    assert f"By payer: {words_en} IDR 11,880" in budget.render("en").splitlines()
    assert f"Per pembayar: {words_id} Rp11.880" in budget.render("id").splitlines()


# --- Plain data -----------------------------------------------------------------------------------


def test_a_priced_cohort_as_plain_data() -> None:
    """A priced cohort's data: index, label, roles, headcount, basis, totals, rows, notes and receipt."""
    budget = agreement_budget(_agreement(Cohort({"kpps"}, headcount=7, period=KPPS_TERM)))
    cohort = budget.cohorts[0]
    data = cohort.to_dict()
    note = {
        "id": "Jabatan/peran tidak dirinci; dihitung dengan honorarium tertinggi (KPPS: ketua, Rp1.200.000) sebagai "
        "batas atas.",
        "en": "Positions/roles not broken down; priced at the highest honorarium (KPPS: chair, IDR 1,200,000) as an "
        "upper bound.",
    }
    assert data == {
        "kind": "cohort_budget",
        "index": 0,
        "label": "KPPS",
        "roles": "kpps",
        "headcount": 7,
        "basis": 1_200_000,
        "computable": True,
        "total": 2 * 7 * 6_480,
        "monthly_total": None,
        "rows": cohort.records(),
        "notes": [note],
        "receipt": cohort.receipt.to_dict(),
    }
    assert len(cohort.records()) == 4
    assert cohort.receipt.to_dict()["rules_on"] == "2024-01-01"


def test_an_open_ended_cohort_as_plain_data_has_a_monthly_total_and_no_rows() -> None:
    """A cohort with unknown months gives its basis and monthly total, total 0 and ``computable`` false."""
    cohort = agreement_budget(_agreement(_kpps(1), Cohort({"ppln"}, {"anggota"}, headcount=2))).cohorts[1]
    data = cohort.to_dict()
    assert (data["index"], data["label"], data["roles"]) == (1, "PPLN", "ppln")
    assert cohort.roles_label.render("en") == "PPLN"
    assert (data["basis"], data["monthly_total"], data["total"], data["computable"]) == (8_000_000, 86_400, 0, False)
    assert data["rows"] == [] and data["headcount"] == 2
    assert data["receipt"] == cohort.receipt.to_dict() and cohort.receipt.values


def test_a_cohort_without_headcount_or_basis_is_null_in_plain_data() -> None:
    """Unknown numbers are ``None`` in plain data, never 0."""
    cohort = agreement_budget(_agreement(Cohort(period=KPPS_TERM))).cohorts[0]
    data = cohort.to_dict()
    assert data["headcount"] is None and data["basis"] is None and data["monthly_total"] is None
    assert data["notes"] == [{"id": "Jumlah petugas tidak dilaporkan.", "en": "The headcount is not reported."}]


def test_an_agreement_budget_as_plain_data() -> None:
    """The budget's data: agreement, title, total, the four groupings, cohorts (without rows), rows, assumptions, receipt."""
    agreement = attrs.evolve(_agreement(_kpps(7), Cohort(headcount=3, period=KPPS_TERM)), scheme=None)
    budget = agreement_budget(agreement)
    data = budget.to_dict()
    assert list(data) == [
        "kind",
        "agreement",
        "title",
        "total",
        "by_month",
        "by_role",
        "by_programme",
        "by_payer",
        "cohorts",
        "rows",
        "assumptions",
        "receipt",
    ]
    assert data["kind"] == "agreement_budget"
    assert (data["agreement"], data["title"], data["total"]) == ("test", "Test PKS", 83_160)
    assert data["by_month"] == {"2024-01": 41_580, "2024-02": 41_580}
    assert data["by_role"] == {"kpps": 83_160}
    assert data["by_programme"] == {"jkk": 36_960, "jkm": 46_200}
    assert data["by_payer"] == {PAYER_KEY: 83_160}
    cohorts = data["cohorts"]
    assert isinstance(cohorts, list) and len(cohorts) == 2
    for plain, cohort in zip(cohorts, budget.cohorts, strict=True):
        full = cohort.to_dict()
        assert plain == {k: v for k, v in full.items() if k not in ("kind", "rows", "receipt")}
    assert cohorts[1]["computable"] is False and cohorts[1]["label"] == "#2" and cohorts[1]["index"] == 1
    assert data["rows"] == budget.records()
    assert data["assumptions"] == [a.to_dict() for a in budget.assumptions] and len(budget.assumptions) == 1
    assert data["receipt"] == budget.receipt.to_dict()


# --- Text -----------------------------------------------------------------------------------------


def test_a_cohort_text_gives_headcount_months_total_notes_and_warnings() -> None:
    """A priced cohort reads "Cohort X: N officers, M month(s), total", then its notes and the receipt's warnings."""
    cohort = agreement_budget(_agreement(Cohort({"kpps"}, headcount=12_465, period=KPPS_TERM))).cohorts[0]
    assert cohort.render("en").splitlines() == [
        "Cohort KPPS: 12,465 officers, 2 month(s), IDR 161,546,400",
        "  * Positions/roles not broken down; priced at the highest honorarium (KPPS: chair, IDR 1,200,000) as an "
        "upper bound.",
        WARNING_EN,
    ]
    assert cohort.render("id").splitlines() == [
        "Kelompok KPPS: 12.465 petugas, 2 bulan, Rp161.546.400",
        "  * Jabatan/peran tidak dirinci; dihitung dengan honorarium tertinggi (KPPS: ketua, Rp1.200.000) sebagai "
        "batas atas.",
        WARNING_ID,
    ]


def test_budget_text_lists_notes_by_cohort_then_assumptions_then_warnings() -> None:
    """Below the totals each cohort's notes are given under its label, then the assumptions, then the warnings."""
    agreement = attrs.evolve(
        _agreement(Cohort({"kpps"}, headcount=1, period=KPPS_TERM), Cohort(headcount=3, period=KPPS_TERM)),
        payer=None,
    )
    en = agreement_budget(agreement).render("en").splitlines()
    assert en[-4:] == [
        "  * [KPPS] Positions/roles not broken down; priced at the highest honorarium (KPPS: chair, IDR 1,200,000) "
        "as an upper bound.",
        "  * [#2] The group's roles are not reported; the honorarium cannot be determined.",
        "  * The payer is not reported.",
        WARNING_EN,
    ]
    id_ = agreement_budget(agreement).render("id").splitlines()
    assert id_[-4:] == [
        "  * [KPPS] Jabatan/peran tidak dirinci; dihitung dengan honorarium tertinggi (KPPS: ketua, Rp1.200.000) "
        "sebagai batas atas.",
        "  * [#2] Peran kelompok tidak dilaporkan; honorarium tidak dapat ditentukan.",
        "  * Pembayar tidak dilaporkan.",
        WARNING_ID,
    ]


def test_budget_text_shows_only_the_programmes_covered() -> None:
    """A JKM-only budget lists JKM alone under "By programme", by its name."""
    agreement = attrs.evolve(_agreement(_kpps(7)), programmes={"jkm"})
    budget = agreement_budget(agreement)
    assert {r.programme for r in budget.rows} == {Programme.JKM}
    assert "By programme: JKM IDR 46,200" in budget.render("en").splitlines()
    assert "Per program: JKM Rp46.200" in budget.render("id").splitlines()


def test_several_open_ended_cohorts_add_up_to_one_monthly_amount() -> None:
    """Cohorts with unknown months show their own monthly cost in the table and their sum per month below."""
    budget = agreement_budget(
        _agreement(
            _kpps(1),
            Cohort({"ppln"}, {"anggota"}, headcount=2),
            Cohort({"ppln"}, {"ketua"}, headcount=1),
        )
    )
    en = budget.render("en").splitlines()
    assert en[1:7] == [
        "Cohort  Officers  Per officer/month  Cohort/month  Months           Total",
        "------  --------  -----------------  ------------  ------  --------------",
        "KPPS           1          IDR 5,940     IDR 5,940       2      IDR 11,880",
        "PPLN           2         IDR 43,200    IDR 86,400       ?  not computable",
        "PPLN           1         IDR 45,360    IDR 45,360       ?  not computable",
        "Total: at least IDR 11,880 (2 cohort(s) could not be priced)",
    ]
    assert en[7] == "Plus, for cohorts whose number of months is not reported: IDR 131,760 per month"
    id_ = budget.render("id").splitlines()
    assert id_[5] == "PPLN            1           Rp45.360        Rp45.360      ?  tidak dapat dihitung"
    assert id_[7] == "Ditambah, untuk kelompok yang jumlah bulannya tidak dilaporkan: Rp131.760 per bulan"


def test_without_open_ended_cohorts_no_monthly_addition_is_shown() -> None:
    """A budget whose cohorts all have known months (or no price at all) has no per-month addition."""
    budget = agreement_budget(_agreement(_kpps(1), Cohort(headcount=3, period=KPPS_TERM)))
    assert not any(line.startswith("Plus,") for line in budget.render("en").splitlines())
    assert not any(line.startswith("Ditambah,") for line in budget.render("id").splitlines())


def test_a_fully_priced_total_is_the_amount_alone() -> None:
    """When every cohort is priced the total line is the amount, in each language's format."""
    budget = agreement_budget(_agreement(_kpps(7)))
    assert "Total: IDR 83,160" in budget.render("en").splitlines()
    assert "Jumlah: Rp83.160" in budget.render("id").splitlines()


def _labelled(label: str) -> AgreementBudget:
    """A KPPS cohort without positions (so it has a note under its label) of 12.465 officers."""
    return agreement_budget(_agreement(Cohort({"kpps"}, headcount=12_465, period=KPPS_TERM, label=label)))


def _table(text: str) -> list[str]:
    return text.splitlines()[1:4]


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_table_fits_100_columns_by_cutting_long_labels_only(lang: str) -> None:
    """A label that fits exactly is kept whole; one character more and it is cut with "…" to the same width.

    The notes below the table keep the label whole.
    """
    probe = _table(_labelled("K").render(lang))
    room = 100 - (len(probe[0]) - len(probe[0].split("  ")[0]))  # what the other columns leave to the label
    fits = "K" * room
    table = _table(_labelled(fits).render(lang))
    assert max(len(line) for line in table) == 100
    assert table[2].startswith(fits + "  ")
    longer = fits + "X"
    text = _labelled(longer).render(lang)
    table = _table(text)
    assert max(len(line) for line in table) == 100
    assert table[2].startswith("K" * (room - 1) + "…  ")
    assert any(line.startswith(f"  * [{longer}] ") for line in text.splitlines())


def test_a_label_shorter_than_its_header_is_padded_not_cut() -> None:
    """Labels shorter than the column header are shown whole, the column as wide as its header."""
    table = _table(_labelled("K").render("en"))
    assert table[0].startswith("Cohort  Officers")
    assert table[2].startswith("K" + " " * 5 + "  ")


def test_the_label_column_keeps_twelve_characters_however_wide_the_amounts() -> None:
    """With amounts too wide to leave room, the label still shows its first 11 characters and "…"."""
    cohort = Cohort(
        {"kpps"}, headcount=100_000_000, period=KPPS_TERM, wage=Rupiah(100_000_000), label="Kelompok Penyelenggara"
    )
    table = _table(agreement_budget(_agreement(cohort)).render("en"))
    assert table[2].startswith("Kelompok Pe…  100,000,000")
    assert table[0].startswith("Cohort" + " " * 6 + "  " + "   Officers")
