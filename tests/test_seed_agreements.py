"""The five seed reports (tests/data/seeds) beside their shipped records: every stated fact is in the record.

Each test quotes, in its docstring, the sentence of the report it checks.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from jamsos_pemilu import jkm_death
from jamsos_pemilu.agreements import Agreement, AgreementKind, OtherPersonnel
from jamsos_pemilu.budgets import agreement_budget
from jamsos_pemilu.eligibility import CoverageStatus, Scope, check_coverage
from jamsos_pemilu.institutions import BpjsOffice, InstitutionKind, PartyRole
from jamsos_pemilu.officers import Officer
from jamsos_pemilu.periods import Period
from jamsos_pemilu.roles import Body, Position, Role
from jamsos_pemilu.schemes import Programme
from jamsos_pemilu.serialization import shipped_agreement, shipped_agreements

SEEDS = Path(__file__).parent / "data" / "seeds"
BOTH = frozenset({Programme.JKK, Programme.JKM})


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _seeded() -> list[Agreement]:
    return [a for a in shipped_agreements() if a.report_files]


def _signatories(agreement: Agreement) -> dict[InstitutionKind, list[str]]:
    found: dict[InstitutionKind, list[str]] = {}
    for party in agreement.parties:
        found.setdefault(party.institution.kind, []).append(party.signatory or "")
    return found


def test_each_seed_file_has_its_record() -> None:
    """Every seed report is the named source of exactly one shipped agreement."""
    named = sorted(name for a in _seeded() for name in a.report_files)
    assert named == sorted(path.name for path in SEEDS.glob("*.txt"))


@pytest.mark.parametrize("agreement_id", [a.id for a in _seeded()])
def test_excerpts_are_quoted_verbatim(agreement_id: str) -> None:
    """Each key sentence a record quotes is in its report word for word (spacing aside)."""
    agreement = shipped_agreement(agreement_id)
    report = _flat("".join((SEEDS / name).read_text(encoding="utf-8") for name in agreement.report_files))
    assert agreement.excerpts
    for excerpt in agreement.excerpts:
        assert _flat(excerpt) in report
    for statement in agreement.statements:
        if statement.note is None or "not a verbatim quote" not in statement.note:
            assert _flat(statement.quote) in report


# --------------------------------------------------------------------------- 000 Seruyan


def test_seruyan_counts_commissioners_beside_the_ad_hoc_bodies() -> None:
    """Seruyan counts its commissioners beside the ad hoc PPK, PPS and KPPS, 4.047 in all.

    "Sebanyak 4.047 petugas adhoc pemilu 2024 mulai tingkat Panitia Pemilih Kecamatan (PPK) Panitia Pemungutan
    Suara (PPS) dan Kelompok Penyelenggara Pemungutan Suara (KPPS) serta Komisioner se Kabupaten Seruyan terlindungi
    BPJS Ketenagakerjaan."
    """
    (cohort,) = shipped_agreement("kab-seruyan-pemilu-2024").cohorts
    assert cohort.headcount == 4047
    assert cohort.roles == {Role.PPK, Role.PPS, Role.KPPS}
    assert cohort.others == {OtherPersonnel.COMMISSIONER}


def test_seruyan_signing_parties_and_witness() -> None:
    """Seruyan: the Kesbangpol head and the BPJS Sampit head sign, the Pj Sekda witnesses, on 31 January 2024.

    "... ditandatangani secara resmi oleh Kepala Kesbangpol Kabupaten Seruyan Harta Sima dengan Kepala BPJS
    Ketenagakerjaan Cabang Sampit, Yunan Shahada dan disaksikan langsung oleh Pj Sekretaris Daerah Kabupaten Seruyan
    dr. Bahrun Abbas pada Rabu 31 Januari 2024."
    """
    agreement = shipped_agreement("kab-seruyan-pemilu-2024")
    assert agreement.signed_on == dt.date(2024, 1, 31)
    assert agreement.kind is AgreementKind.PKS
    signed = _signatories(agreement)
    assert signed[InstitutionKind.PEMDA_UNIT] == ["Harta Sima (Kepala Kesbangpol Kabupaten Seruyan)"]
    assert agreement.provider.institution.bpjs_office is BpjsOffice.KANTOR_CABANG
    assert "Sampit" in agreement.provider.institution.name and "Yunan Shahada" in (agreement.provider.signatory or "")
    (witness,) = agreement.parties_with(PartyRole.WITNESS)
    assert "Bahrun Abbas" in (witness.signatory or "") and "Pj Sekretaris Daerah" in (witness.signatory or "")


def test_seruyan_payer_is_the_pemkab_with_the_reason() -> None:
    """Seruyan: the payer is the Pemkab, and the record says why.

    "Pemkab Seruyan Lindungi 4.047 Petugas Pemilu dengan program BPJS Ketenagakerjaan" (the PKS is signed by
    the Kepala Kesbangpol for the Pemkab).
    """
    payer = shipped_agreement("kab-seruyan-pemilu-2024").payer
    assert payer is not None and payer.institution is not None
    assert payer.institution.kind is InstitutionKind.PEMDA and "Seruyan" in payer.institution.name
    assert payer.note is not None and "implies" in payer.note


def test_seruyan_cover_runs_door_to_door() -> None:
    """Seruyan: JKK and JKM, from leaving home until back home.

    "... para petugas akan dilindungi mulai berangkat dari rumah, ketika dilokasi TPS, hingga kembali kerumah ..."
    """
    agreement = shipped_agreement("kab-seruyan-pemilu-2024")
    assert agreement.covers_commute is True
    assert agreement.programmes == BOTH


def test_seruyan_non_work_death_pays_42_million() -> None:
    """Seruyan: a non-work death pays Rp42 juta, the JKM cash benefit of the rule data.

    "... bila meninggal dunia bukan karena kecelakaan kerja, ahli waris berkas atas santunan sebesar Rp42 juta."

    The report's figure is the JKM cash benefit of the rule data on the signing date.
    """
    assert jkm_death(on=dt.date(2024, 1, 31)).total.amount == 42_000_000
    assert any("Rp42 juta" in note for note in shipped_agreement("kab-seruyan-pemilu-2024").notes)


# --------------------------------------------------------------------------- 001 Asahan


def test_asahan_kpu_cohorts_as_reported() -> None:
    """Asahan: the KPU cohorts with their roles, headcounts and periods as reported.

    "... PPK, PPS, Sekretariat PPK, dan Sekretariat PPS, yang akan terdaftar sejak November 2023 hingga Februari
    2024, dengan jumlah total 1.424 orang." and "... KPPS yang akan didaftarkan untuk periode November hingga Desember
    2024, dengan jumlah mencapai 12.465 orang."
    """
    first, kpps = shipped_agreement("kab-asahan-pilkada-2024").cohorts[:2]
    assert first.roles == {Role.PPK, Role.PPS, Role.SEKRETARIAT_PPK, Role.SEKRETARIAT_PPS}
    assert (first.headcount, str(first.period)) == (1424, "2023-11-01/2024-02-29")
    assert (kpps.roles, kpps.headcount, str(kpps.period)) == (frozenset({Role.KPPS}), 12465, "2024-11-01/2024-12-31")


def test_asahan_bawaslu_cohorts_name_their_roles() -> None:
    """Asahan: the Bawaslu cohorts name their roles, positions, headcounts and periods.

    "... Ketua, Anggota, serta Staf Pelaksana Teknis dan Tenaga Pendukung Pengawas Pemilu Kecamatan, yang akan
    terdaftar mulai November 2023 hingga Februari 2024, dengan total peserta sebanyak 275 orang." / "... Pengawas
    Kelurahan/Desa, yang didaftarkan sejak November 2023 hingga Januari 2024, dengan jumlah 204 orang." / "Pengawas
    Tempat Pemungutan Suara (TPS), yang akan didaftarkan untuk periode November hingga Desember 2024, dengan jumlah
    sebanyak 1.385 orang."
    """
    panwascam, pkd, ptps = shipped_agreement("kab-asahan-pilkada-2024").cohorts[2:]
    assert panwascam.roles == {Role.PANWASLU_KECAMATAN, Role.SEKRETARIAT_PANWASLU_KECAMATAN}
    assert panwascam.positions == {Position.KETUA, Position.ANGGOTA, Position.STAF_ASN, Position.STAF_NON_ASN}
    assert (panwascam.headcount, str(panwascam.period)) == (275, "2023-11-01/2024-02-29")
    assert (pkd.roles, pkd.headcount, str(pkd.period)) == (frozenset({Role.PKD}), 204, "2023-11-01/2024-01-31")
    assert (ptps.roles, ptps.headcount, str(ptps.period)) == (frozenset({Role.PTPS}), 1385, "2024-11-01/2024-12-31")
    assert all(c.body is Body.BAWASLU for c in (panwascam, pkd, ptps))


def test_asahan_2023_periods_carry_the_probable_reading() -> None:
    """Asahan: the 2023 periods precede the signing, so each carries November 2024 onwards as a reading.

    "Adapun, penandatangan kerjasama tersebut dilaksanakan di aula Kejaksaan Negeri Asahan, pada Senin
    (11/11/2024) ..." — the 2023 periods precede the signing, so each carries November 2024 onwards as a reading.
    """
    agreement = shipped_agreement("kab-asahan-pilkada-2024")
    assert agreement.signed_on == dt.date(2024, 11, 11)
    readings = {i: [str(r.value) for r in c.period_readings] for i, c in enumerate(agreement.cohorts)}
    assert readings == {
        0: ["2024-11-01/2025-02-28"],
        1: [],
        2: ["2024-11-01/2025-02-28"],
        3: ["2024-11-01/2025-01-31"],
        4: [],
    }
    for cohort in agreement.cohorts:
        for reading in cohort.period_readings:
            assert reading.source == "001_3aaa996660bf7786.txt" and "11 November 2024" in reading.why.en


def test_asahan_budget_shows_both_readings() -> None:
    """The budget prices the period as reported and says what each probable reading would cost, month by month."""
    budget = agreement_budget(shipped_agreement("kab-asahan-pilkada-2024"))
    first = budget.cohorts[0]
    assert [str(p.month) for p in first.premiums][:1] == ["2023-11"]
    assert any("2024-11-01/2025-02-28" in note.en and "2024-11" in note.en for note in first.notes)
    assert not any("reading" in note.en for note in budget.cohorts[1].notes)


def test_asahan_pkd_decision_under_each_reading() -> None:
    """A PKD officer on 20 November 2024 is outside the period as reported but inside its probable reading."""
    officer = Officer(
        nik="1209014506990003", name="Rina", role="pkd", position="petugas", election="pilkada_2024",
        appointment=Period(dt.date(2024, 11, 1), dt.date(2024, 12, 31)), bpjs_registered_on=dt.date(2024, 11, 12),
    )
    decision = check_coverage(officer, shipped_agreement("kab-asahan-pilkada-2024"), on=dt.date(2024, 11, 20))
    assert decision.status(Scope.JKK) is CoverageStatus.NOT_COVERED
    assert "outside_cohort_period" in decision.codes(Scope.JKK)
    (other,) = decision.other_readings
    assert str(other.reading.value) == "2024-11-01/2025-01-31"
    assert {d.scope: d.status for d in other.decisions}[Scope.JKK] is CoverageStatus.COVERED


def test_asahan_signatories_and_programmes() -> None:
    """Asahan: the signatories and the programmes.

    "Kepala Kantor Cabang BPJS Ketenagakerjaan Kisaran, Aziz Muslim ..." and "... berupa Jaminan Kecelakaan Kerja
    (JKK) dan Jaminan Kematian (JKM) ..."
    """
    agreement = shipped_agreement("kab-asahan-pilkada-2024")
    signed = _signatories(agreement)
    assert "Aziz Muslim" in signed[InstitutionKind.BPJS_KETENAGAKERJAAN][0]
    assert "Hidayat" in signed[InstitutionKind.KPU][0] and "Paringgonan Siregar" in signed[InstitutionKind.BAWASLU][0]
    assert "Basril G." in signed[InstitutionKind.KEJAKSAAN_NEGERI][0]
    assert agreement.place == "Aula Kejaksaan Negeri Asahan" and agreement.programmes == BOTH


# --------------------------------------------------------------------------- 002 Pasangkayu


def test_pasangkayu_handover_date_and_instrument() -> None:
    """Pasangkayu: the handover on Tuesday 10 July 2018 and the PKS by its title.

    "... berlangsung di kantor KPU Pasangkayu, Selasa (10/7)." / "Hal ini dituangkan dalam Perjanjian Kerjasama
    KPU dan BPJS Ketenagakerjaan tentang Sinergi Penyelenggaraan Program Jaminan Sosial Ketenagakerjaan Bagi pekerja
    staf yang ditandatangani oleh kedua belah pihak."
    """
    agreement = shipped_agreement("kab-pasangkayu-first-stage")
    assert agreement.handed_over_on == dt.date(2018, 7, 10)
    assert agreement.handed_over_on.weekday() == 1  # a Tuesday, as "Selasa" says
    assert agreement.signed_on is None
    assert agreement.kind is AgreementKind.PKS
    assert "Sinergi Penyelenggaraan Program Jaminan Sosial Ketenagakerjaan Bagi pekerja staf" in agreement.title
    assert agreement.elections == ("pemilu_2019",)


def test_pasangkayu_covers_commissioners_and_staff_down_to_villages() -> None:
    """Pasangkayu: commissioners and staff from the kabupaten down to 12 kecamatan and 63 desa, hundreds in all.

    "... kerjasama dengan KPU tidak hanya mencakup para komisioner saja, namun juga termasuk staf di kabupaten,
    kecamatan hingga pada tingkat kelurahan dan desa." / "... di 12 kecamatan dan 63 kelurahan dan desa, yang
    berjumlah keseluruhan mencapai ratusan orang ..."
    """
    whole, first_stage = shipped_agreement("kab-pasangkayu-first-stage").cohorts
    assert whole.others == {OtherPersonnel.COMMISSIONER, OtherPersonnel.SECRETARIAT_STAFF}
    assert whole.roles == {Role.SEKRETARIAT_PPK, Role.SEKRETARIAT_PPS}
    assert whole.headcount is None  # "ratusan orang": hundreds, no number
    assert whole.note is not None and "12 kecamatan" in whole.note and "63 kelurahan/desa" in whole.note
    assert first_stage.headcount == 44 and first_stage.body is Body.KPU


def test_pasangkayu_first_stage_is_44_certificates() -> None:
    """Pasangkayu: the first stage is 44 certificates, part of the hundreds.

    "Dan pada tahap awal ini BPJS menyerahkan 44 sertifikat kepada staf atau pekerja di lembaga KPU"
    """
    agreement = shipped_agreement("kab-pasangkayu-first-stage")
    assert agreement.known_headcount == 44
    assert agreement.total_headcount is None and agreement.reported_total is None


def test_pasangkayu_parties() -> None:
    """Pasangkayu: BPJS branch head Nelwin and KPU chair Sahran.

    "... diserahkan dari BPJS diwakili Kepala Cabang BPJS Nelwin ke KPU ..." / "... ketua KPU Pasangkayu, Sahran ..."
    """
    agreement = shipped_agreement("kab-pasangkayu-first-stage")
    signed = _signatories(agreement)
    assert signed[InstitutionKind.KPU] == ["Sahran (Ketua KPU Pasangkayu)"]
    assert "Nelwin" in signed[InstitutionKind.BPJS_KETENAGAKERJAAN][0]
    assert agreement.programmes == BOTH


# --------------------------------------------------------------------------- 003 Ponorogo


def test_ponorogo_mou_signing() -> None:
    """Ponorogo: the MoU signed on Wednesday 29 January 2020 by Bawaslu and BPJS Madiun, with KCP Ponorogo.

    "Adapun, penandatanganan nota kesepahaman tersebut dilakukan oleh Ketua Bawaslu Ponorogo M Syaifulloh dan
    Kepala BP-Jamsostek Kantor Cabang Madiun Tito Hartono didampingi Kepala Kantor Cabang Perintis Ponorogo Lesmana
    Dwi Putra dan jajarannya masing-masing."
    """
    agreement = shipped_agreement("bawaslu-ponorogo-pilkada-2020")
    assert agreement.kind is AgreementKind.MOU
    assert agreement.signed_on == dt.date(2020, 1, 29) and agreement.signed_on.weekday() == 2  # "Rabu (29/1)"
    assert "M Syaifulloh" in _signatories(agreement)[InstitutionKind.BAWASLU][0]
    assert "Tito Hartono" in (agreement.provider.signatory or "")
    (kcp,) = agreement.parties_with(PartyRole.ATTENDING)
    assert kcp.institution.bpjs_office is BpjsOffice.KANTOR_CABANG_PERINTIS and "Lesmana Dwi Putra" in (kcp.signatory or "")
    assert agreement.elections == ("pilkada_2020",) and agreement.programmes == BOTH


def test_ponorogo_non_asn_officers_at_every_level() -> None:
    """Ponorogo: 1.700 non-ASN Bawaslu officers at kecamatan, desa and TPS level.

    "... para petugas Bawaslu non-ASN, baik di tingkat kecamatan, desa, hingga TPS, akan mendapatkan perlindungan."
    / "... jumlah pegawai non-ASN Bawaslu Ponorogo ... mencapai 1.700 personel."
    """
    (cohort,) = shipped_agreement("bawaslu-ponorogo-pilkada-2020").cohorts
    assert cohort.headcount == 1700
    assert cohort.roles == {Role.PANWASLU_KECAMATAN, Role.SEKRETARIAT_PANWASLU_KECAMATAN, Role.PKD, Role.PTPS}
    assert Position.STAF_ASN not in cohort.positions and Position.STAF_NON_ASN in cohort.positions


# --------------------------------------------------------------------------- 004 Mojokerto


def test_mojokerto_card_handover() -> None:
    """Mojokerto: a card handover by the Sekda for the Pj Wali Kota on Friday 2 February 2024.

    "Sekretaris Daerah Gaguk Tri Prasetyo mewakili Penjabat (Pj.) Wali Kota Mojokerto menyerahkan secara simbolis
    kepesertaan kartu ... di Pendopo Sabha Kridatama, Rumah Rakyat, Jumat (2/2)."
    """
    agreement = shipped_agreement("kota-mojokerto-pemilu-2024")
    assert agreement.kind is AgreementKind.CARD_HANDOVER
    assert agreement.handed_over_on == dt.date(2024, 2, 2) and agreement.handed_over_on.weekday() == 4
    assert agreement.signed_on is None
    assert agreement.place == "Pendopo Sabha Kridatama, Rumah Rakyat"
    assert "Gaguk Tri Prasetyo" in _signatories(agreement)[InstitutionKind.PEMDA][0]


def test_mojokerto_kpu_and_bawaslu_workers() -> None:
    """Mojokerto: 2.832 KPU and 424 Bawaslu workers, JKK and JKM.

    "Perlindungan Jamsostek ini diberikan kepada 2.832 tenaga kerja Komisi Pemilihan Umum (KPU) Kota Mojokerto, dan
    424 tenaga kerja Badan Pengawas Pemilihan Umum (Bawaslu) Kota Mojokerto, meliputi jaminan kecelakaan kerja dan
    jaminan kematian."
    """
    agreement = shipped_agreement("kota-mojokerto-pemilu-2024")
    assert [(c.body, c.headcount) for c in agreement.cohorts] == [(Body.KPU, 2832), (Body.BAWASLU, 424)]
    assert agreement.programmes == BOTH
    assert "Zulkarnain Mahading" in (agreement.provider.signatory or "")


def test_mojokerto_all_covered_claim_is_a_statement_not_a_rule() -> None:
    """Mojokerto: the BPJS head's "all covered by JKK" is recorded as said, not applied.

    "Bila ada pelaksana mengalami kelelahan dan sakit, sampai meninggal dunia, bahkan kerusuhan di tempat, itu
    dijamin semua dalam program jaminan kecelakaan kerja di BPJS Ketenagakerjaan" — recorded as said; a death from
    illness is still decided as JKM.
    """
    from jamsos_pemilu.eligibility import Incident, IncidentKind

    agreement = shipped_agreement("kota-mojokerto-pemilu-2024")
    (claim,) = [s for s in agreement.statements if "kelelahan" in s.quote]
    assert claim.speaker.startswith("Zulkarnain Mahading") and claim.note is not None and "not a rule" in claim.note
    officer = Officer(
        nik="3576014506990003", name="Tri", role="kpps", position="anggota", election="pemilu_2024",
        appointment=Period(dt.date(2024, 1, 25), dt.date(2024, 2, 25)), bpjs_registered_on=dt.date(2024, 2, 2),
    )
    death = Incident(IncidentKind.DEATH_OTHER, dt.date(2024, 2, 14), fatal=True)
    decision = check_coverage(officer, agreement, on=death.on, incident=death)
    assert decision.status(Scope.JKK) is CoverageStatus.NOT_COVERED
    assert "not_work_related" in decision.codes(Scope.JKK)
