"""Tests for jamsos_pemilu.national: the shipped officer counts and the national picture."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from jamsos_pemilu import Month, Reform, Rupiah, default_rule_book
from jamsos_pemilu.benefits import jkk_death, jkm_death
from jamsos_pemilu.elections import all_elections, election
from jamsos_pemilu.exceptions import InputError, RuleDataError, UnknownCodeError
from jamsos_pemilu.law import rules_on
from jamsos_pemilu.law.citations import Confidence
from jamsos_pemilu.national import load_national_data, national_counts, national_picture
from jamsos_pemilu.premiums import monthly_premium
from jamsos_pemilu.roles import Position, Role
from jamsos_pemilu.schemes import NonWageEarner, WageEarner

JAN, FEB = Month(2024, 1), Month(2024, 2)
VOTING_2024 = dt.date(2024, 2, 14)
DATA = Path(__file__).resolve().parents[1] / "src" / "jamsos_pemilu" / "data" / "national.toml"


def test_pemilu_2024_kpps_count_is_the_reported_one() -> None:
    """Pemilu 2024 had 820.161 TPS × 7 KPPS = 5.741.127, the number the reports give: secondary, not derived."""
    row = national_counts("pemilu_2024", on=election("pemilu_2024").voting_day).role(Role.KPPS)
    assert row.count == 5_741_127
    assert not row.derived and row.confidence is Confidence.SECONDARY
    assert {p.position: p.count for p in row.positions} == {Position.KETUA: 820_161, Position.ANGGOTA: 4_920_966}
    assert row.note is None


def test_a_count_no_source_states_is_unconfirmed_and_says_so() -> None:
    """PTPS = one per TPS is a product of two numbers; no report states it, so it is unconfirmed and marked derived."""
    row = national_counts("pemilu_2024", on=election("pemilu_2024").voting_day).role("ptps")
    assert (row.count, row.derived, row.confidence) == (820_161, True, Confidence.UNCONFIRMED)
    assert row.note is not None and "Derived" in row.note.en


def test_a_report_that_disagrees_is_shown_not_used() -> None:
    """The PPK places advertised (36.330) differ from 7.277 kecamatan × 5; the count says so and keeps units × members."""
    row = national_counts("pemilu_2024", on=election("pemilu_2024").voting_day).role("ppk")
    assert row.count == 36_385
    assert row.reported is not None and row.reported.count == 36_330
    assert row.note is not None and "36,330" in row.note.en and "36.330" in row.note.id
    assert row.to_dict()["reported_note"] == "Places advertised in November 2022 (a recruitment quota, not officers sworn in)."


def test_an_unknown_count_is_unknown_never_zero() -> None:
    """Pilkada 2024's kecamatan count was not found: PPK is unknown (None), left out of the total, and the text says so."""
    counts = national_counts("pilkada_2024", on=election("pilkada_2024").voting_day)
    ppk = counts.role("ppk")
    assert ppk.count is None and ppk.positions == () and ppk.confidence is None
    assert Role.PPK in counts.unknown
    assert counts.total == sum(row.count for row in counts.roles if row.count is not None)
    text = counts.render("en")
    assert "unknown" in text and f"{len(counts.unknown)} roles are left out" in text
    assert " 0 " not in text.replace(",", "")


def test_a_role_the_data_marks_unknown_stays_unknown() -> None:
    """Pilkada 2024 Pantarlih: 1 or 2 per TPS depending on voters; the data marks the count unknown with its reason."""
    row = national_counts("pilkada_2024", on=election("pilkada_2024").voting_day).role("pantarlih")
    assert row.count is None
    assert row.why_unknown is not None and "400 voters" in row.why_unknown.en and "400 pemilih" in row.why_unknown.id


def test_members_not_in_force_on_voting_day_leave_the_count_unknown() -> None:
    """Petugas ketertiban TPS have a members-per-unit value only from PKPU 8/2022: Pilkada 2020's count is unknown."""
    row = national_counts("pilkada_2020", on=election("pilkada_2020").voting_day).role("ketertiban_tps")
    assert row.count is None
    assert row.why_unknown is not None and "not in force" in row.why_unknown.en


def test_overseas_bodies_are_unknown() -> None:
    """Overseas bodies were not researched: their counts are unknown, not guessed."""
    counts = national_counts("pemilu_2024", on=election("pemilu_2024").voting_day)
    for role in (Role.PPLN, Role.KPPSLN, Role.PANTARLIH_LN):
        assert counts.role(role).count is None


def test_every_shipped_election_has_counts_for_each_of_its_roles() -> None:
    """Each shipped election gives one row per role it has, in role order, and a receipt of the members used."""
    for item in all_elections():
        counts = national_counts(item.key, on=item.voting_day)
        assert [row.role for row in counts.roles] == [role for role in Role if item.has_role(role)]
        assert counts.on == item.voting_day
        assert all(row.count is None or row.count > 0 for row in counts.roles)


def test_counts_read_the_members_in_force_on_the_date() -> None:
    """Members per unit are those in force on the date; a snapshot of another day is refused.

    The day before PKPU 8/2022 (2 Nov 2022) the TPS security officers have no members per unit yet; on it they do.
    """
    on = VOTING_2024
    assert national_counts("pemilu_2024", on=on, rules=rules_on(on)).total == national_counts("pemilu_2024", on=on).total
    with pytest.raises(InputError, match="rules"):
        national_counts("pemilu_2024", on=on, rules=rules_on(dt.date(2024, 2, 13)))
    assert national_counts("pemilu_2024", on=dt.date(2022, 11, 1)).role("ketertiban_tps").count is None
    assert national_counts("pemilu_2024", on=dt.date(2022, 11, 2)).role("ketertiban_tps").count == 1_640_322


def test_an_unknown_election_is_refused() -> None:
    """An election the library does not ship is refused with the accepted keys."""
    with pytest.raises(UnknownCodeError, match="pemilu_2024"):
        national_counts("pemilu_2029", on=VOTING_2024)


def test_counts_records_and_dict() -> None:
    """Records give one row per role and position (an unknown role one row with count None); to_dict is JSON."""
    counts = national_counts("pilkada_2024", on=election("pilkada_2024").voting_day)
    records = counts.records()
    assert {"election": "pilkada_2024", "role": "kpps", "position": "ketua", "count": 435_089,
            "confidence": "secondary"} in records
    assert {"election": "pilkada_2024", "role": "ppk", "position": None, "count": None, "confidence": None} in records
    data = json.loads(counts.to_json())
    assert data["kind"] == "national_counts" and "ppk" in data["unknown"]


# --------------------------------------------------------------------------- the picture


def test_pu_premium_is_the_one_officer_premium_times_the_officers() -> None:
    """KPPS as wage earners for January and February 2024 = Σ months Σ positions premium(honorarium) × officers."""
    picture = national_picture("pemilu_2024", months=[FEB, JAN])
    expected = 0
    for month in (JAN, FEB):
        for position, count in ((Position.KETUA, 820_161), (Position.ANGGOTA, 4_920_966)):
            wage = election("pemilu_2024").honorarium(Role.KPPS, position, rules=rules_on(month.first_day)).rupiah
            expected += monthly_premium(wage, WageEarner(), month=month).total.amount * count
    assert picture.row(Role.KPPS).pu_premium == Rupiah(expected)
    assert picture.months == (JAN, FEB)


def test_bpu_premium_is_the_flat_premium_times_officers_and_months() -> None:
    """As non-wage earners every officer pays the same: the BPU premium × officers × months (Rp16.800 in 2024)."""
    picture = national_picture("pemilu_2024", months=[JAN, FEB])
    per_officer = monthly_premium(None, NonWageEarner(), month=FEB).total
    assert per_officer == Rupiah(16_800)
    assert picture.row("ptps").bpu_premium == per_officer.times(820_161 * 2)
    assert picture.bpu_premium == per_officer.times(picture.headcount * 2)


def test_death_exposure_is_the_cash_benefit_times_the_officers() -> None:
    """JKK death exposure = jkk_death(honorarium) per officer × officers; JKM = jkm_death × officers."""
    picture = national_picture("pemilu_2024", months=[FEB])
    kpps = picture.row(Role.KPPS)
    rules = rules_on(VOTING_2024)
    ketua = jkk_death(Rupiah(1_200_000), on=VOTING_2024, rules=rules).total
    anggota = jkk_death(Rupiah(1_100_000), on=VOTING_2024, rules=rules).total
    assert kpps.jkk_death_pu == ketua.times(820_161) + anggota.times(4_920_966)
    assert kpps.jkm_death == jkm_death(on=VOTING_2024).total.times(5_741_127)
    basis = rules["bpu.lowest_income_basis"].rupiah
    assert kpps.jkk_death_bpu == jkk_death(basis, on=VOTING_2024).total.times(5_741_127)


def test_unknown_roles_have_no_amounts_and_are_left_out_of_the_totals() -> None:
    """A role of unknown count has no amounts (None, not 0); totals add the known roles only."""
    picture = national_picture("pilkada_2024", months=[Month(2024, 11)])
    ppk = picture.row("ppk")
    assert (ppk.count, ppk.pu_premium, ppk.bpu_premium, ppk.jkm_death) == (None, None, None, None)
    known = [row for row in picture.rows if row.count is not None]
    assert picture.headcount == sum(row.count or 0 for row in known)
    assert picture.jkm_death == sum((row.jkm_death for row in known if row.jkm_death), Rupiah.zero())
    assert "—" in picture.render("id")


def test_a_month_without_an_honorarium_is_priced_as_bpu_only() -> None:
    """Before S-647/MK.02/2022 (August 2022) there is no Pemilu 2024 honorarium: PU is None, BPU is still priced.

    The note names the positions and the month; the BPU premium needs no wage.
    """
    row = national_picture("pemilu_2024", months=[Month(2022, 7)]).row(Role.KPPS)
    assert row.pu_premium is None
    assert row.bpu_premium == Rupiah(16_800).times(5_741_127)
    assert row.note is not None and "ketua (2022-07)" in row.note.en and "honorarium" in row.note.id.lower()


def test_a_reform_changes_the_pu_premium_and_not_the_bpu_premium() -> None:
    """Raising the KPPS honoraria through a reformed rule book raises the PU premium; BPU does not depend on wages."""
    reform = Reform("Honor KPPS naik", {"honorarium.pemilu_2024.kpps.ketua": 1_500_000,
                                         "honorarium.pemilu_2024.kpps.anggota": 1_400_000})
    base = national_picture("pemilu_2024", months=[FEB])
    raised = national_picture("pemilu_2024", months=[FEB], rule_book=default_rule_book().with_reform(reform))
    assert raised.row(Role.KPPS).pu_premium > base.row(Role.KPPS).pu_premium  # type: ignore[operator]
    assert raised.row(Role.KPPS).bpu_premium == base.row(Role.KPPS).bpu_premium
    assert any("Honor KPPS naik" in w.en for w in raised.receipt.warnings())


def test_the_picture_explains_itself() -> None:
    """The picture renders in both languages, serialises to JSON and flat records, and its receipt lists unconfirmed values."""
    picture = national_picture("pemilu_2024", months=[JAN, FEB])
    assert picture.render("id").startswith("Gambaran nasional: Pemilihan Umum 2024; 2 bulan")
    assert "upper bound" in picture.render("en")
    data = json.loads(picture.to_json())
    assert data["kind"] == "national_picture" and data["headcount"] == picture.headcount
    records = picture.records()
    assert len(records) == len(picture.rows) and records[0]["election"] == "pemilu_2024"
    assert picture.receipt.uses_unconfirmed


def test_the_benefit_date_defaults_to_voting_day_and_can_be_given() -> None:
    """The death exposure uses the rules of voting day unless another date is given."""
    assert national_picture("pemilu_2024", months=[FEB]).on == VOTING_2024
    later = national_picture("pemilu_2024", months=[FEB], on=dt.date(2024, 2, 20))
    assert later.on == dt.date(2024, 2, 20)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"months": []}, "at least one month"),
        ({"months": [FEB, FEB]}, "twice"),
        ({"months": ["2024-02"]}, "Month"),
        ({"months": FEB}, "sequence"),
        ({"months": [FEB], "on": dt.datetime(2024, 2, 14, 10)}, "on"),
        ({"months": [FEB], "rule_book": rules_on(VOTING_2024)}, "rule_book"),
    ],
)
def test_bad_arguments_are_refused(kwargs: dict[str, object], match: str) -> None:
    """Bad months, a datetime for the date, or a snapshot where a rule book is needed raise InputError naming them."""
    with pytest.raises(InputError, match=match):
        national_picture("pemilu_2024", **kwargs)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- the data file


def test_the_shipped_file_loads_and_cites_every_count() -> None:
    """Every unit count and reported count in the shipped file has a source URL and a confidence."""
    for units in load_national_data(DATA):
        for unit in units.units.values():
            assert unit.count > 0 and unit.sources and all(s.startswith("http") for s in unit.sources)
        for reported in units.reported.values():
            assert reported.sources


BASE = """
[positions.kpps]
first = ["ketua"]
rest = "anggota"

[election.pemilu_2024.units.tps]
count = 10
status = "secondary"
sources = ["https://example.org/tps"]
"""


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (BASE.replace("count = 10", "count = 0"), "election.pemilu_2024.units.tps.count"),
        (BASE.replace('status = "secondary"', 'status = "unconfirmed"'), "election.pemilu_2024.units.tps.note"),
        (BASE.replace('sources = ["https://example.org/tps"]', "sources = []"), "election.pemilu_2024.units.tps.sources"),
        (BASE.replace("[election.pemilu_2024.units.tps]", "[election.pemilu_2024.units.rt]"), "election.pemilu_2024.units.rt"),
        (BASE + "\n[election.pemilu_2024.roles.bupati]\nstatus='secondary'\nsources=['https://x.org']\n",
         "election.pemilu_2024.roles.bupati"),
        (BASE + "\n[election.pilkada_2024.roles.ppln]\nstatus='secondary'\nsources=['https://x.org']\n",
         "election.pilkada_2024.roles.ppln"),
        (BASE.replace('rest = "anggota"', 'rest = "sekretaris"'), "positions.kpps"),
        (BASE + "\n[election.pemilu_2024.roles.kpps]\nunknown=true\nstatus='secondary'\nsources=['https://x.org']\n",
         "election.pemilu_2024.roles.kpps.note"),
        (BASE + "\n[election.pemilu_2024.roles.kpps]\nunknown=true\nnote='why'\nstatus='secondary'\n"
         "sources=['https://x.org']\n", "election.pemilu_2024.roles.kpps.note_id"),
        (BASE.replace("count = 10", "count = 10\ncolour = 'red'"), "election.pemilu_2024.units.tps.colour"),
    ],
)
def test_a_malformed_file_names_the_key(tmp_path: Path, text: str, key: str) -> None:
    """A zero count, an unconfirmed value without a note, no sources, an unknown level, role, position or key is refused."""
    path = tmp_path / "national.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleDataError) as caught:
        load_national_data(path)
    assert key in str(caught.value)


def test_a_missing_file_is_a_rule_data_error(tmp_path: Path) -> None:
    """A file that cannot be read raises RuleDataError naming it."""
    with pytest.raises(RuleDataError, match="cannot be read"):
        load_national_data(tmp_path / "absent.toml")
