"""Tests for the agreements shipped in jamsos_pemilu/data/agreements.json."""

import json
from pathlib import Path

import pytest

from jamsos_pemilu.agreements import AgreementKind
from jamsos_pemilu.exceptions import DeserializationError, UnknownCodeError
from jamsos_pemilu.roles import Body, Role
from jamsos_pemilu.serialization import load_agreements, shipped_agreement, shipped_agreements


def headcounts(agreement_id: str) -> list[int | None]:
    """The cohort headcounts of a shipped agreement, in order."""
    return [c.headcount for c in shipped_agreement(agreement_id).cohorts]


def test_every_shipped_agreement_loads_with_a_provider() -> None:
    """All shipped agreements load and each names its BPJS provider."""
    agreements = shipped_agreements()
    assert len(agreements) == 23
    assert all(a.provider.institution.is_bpjs for a in agreements)


def test_ids_unique() -> None:
    """Shipped ids are unique."""
    ids = [a.id for a in shipped_agreements()]
    assert len(ids) == len(set(ids))


def test_every_agreement_names_its_source() -> None:
    """Every record cites a URL or a report file; Pasangkayu, with no URL, names its seed report and says so."""
    assert all(a.sources or a.report_files for a in shipped_agreements())
    without = [a for a in shipped_agreements() if not a.sources]
    assert [a.id for a in without] == ["kab-pasangkayu-first-stage"]
    assert without[0].report_files == ("002_def9b526d7e49701.txt",)
    assert any("No source URL" in note for note in without[0].notes)


def test_no_sulsel_agreement() -> None:
    """The 'no agreement' row for Sulawesi Selatan is not an agreement."""
    assert not any("sulsel" in a.id for a in shipped_agreements())


@pytest.mark.parametrize(
    ("agreement_id", "expected"),
    [
        ("kab-asahan-pilkada-2024", [1424, 12465, 275, 204, 1385]),
        ("kota-mojokerto-pemilu-2024", [2832, 424]),
        ("kab-seruyan-pemilu-2024", [4047]),
        ("bawaslu-ponorogo-pilkada-2020", [1700]),
        ("kab-pasangkayu-first-stage", [None, 44]),
        ("kab-bintan-pemilu-2024", [100, 306, 3472, 992]),
        ("bawaslu-banten-pilkada-2024", [465, 1550, 1552, 17231]),
        ("bawaslu-kota-makassar-pilkada-2024", [45, 150, 153, 1877]),
        ("bawaslu-kota-palembang-pilkada-2024", [54, 144, 107, 2272]),
        ("kpu-babel-pilkada-2024", [22511, 3046]),
        ("papua-barat-daya-pilkada-2024", [23117, 3757]),
        ("kota-cilegon-pemilu-2024", [8771, 2506, 258, 80, 16, 64, 43, 1253]),
    ],
)
def test_cohort_headcounts_as_reported(agreement_id: str, expected: list[int | None]) -> None:
    """Each agreement's cohort headcounts are the reported figures, in order."""
    assert headcounts(agreement_id) == expected


@pytest.mark.parametrize(
    ("agreement_id", "total"),
    [
        ("kab-asahan-pilkada-2024", 15753),
        ("kab-seruyan-pemilu-2024", 4047),
        ("bawaslu-ponorogo-pilkada-2020", 1700),
        ("bawaslu-banten-pilkada-2024", 20798),
        ("bawaslu-kota-makassar-pilkada-2024", 2225),
        ("bawaslu-kota-palembang-pilkada-2024", 2577),
        ("kpu-babel-pilkada-2024", 25557),
        ("papua-barat-daya-pilkada-2024", 26874),
    ],
)
def test_reported_totals_hold(agreement_id: str, total: int) -> None:
    """The cohorts add up to the reported total."""
    agreement = shipped_agreement(agreement_id)
    assert agreement.reported_total == total
    assert agreement.total_headcount == total


def test_totals_match_wherever_all_headcounts_known() -> None:
    """Except Serang (18.893 + 2.010 vs 18.900, noted), known cohorts add up to the reported total."""
    mismatched = [
        a.id for a in shipped_agreements()
        if a.reported_total is not None and a.total_headcount not in (None, a.reported_total)
    ]
    assert mismatched == ["kota-serang-pemilu-2024"]


def test_no_seed_record_leaves_a_stated_role_unreported() -> None:
    """The seed reports name the roles of every cohort but Mojokerto's (bodies only) and Pasangkayu's first stage."""
    unnamed = [
        (a.id, i) for a in shipped_agreements() if a.report_files for i, c in enumerate(a.cohorts) if not c.roles
    ]
    assert unnamed == [
        ("kota-mojokerto-pemilu-2024", 0),
        ("kota-mojokerto-pemilu-2024", 1),
        ("kab-pasangkayu-first-stage", 1),
    ]


def test_mojokerto_is_a_card_handover_by_body() -> None:
    """Mojokerto reports 2.832 KPU and 424 Bawaslu officers at a card handover."""
    agreement = shipped_agreement("kota-mojokerto-pemilu-2024")
    assert agreement.kind is AgreementKind.CARD_HANDOVER
    assert [c.body for c in agreement.cohorts] == [Body.KPU, Body.BAWASLU]


def test_seruyan_records_the_disagreement() -> None:
    """Seruyan keeps 4.047 and notes the 3.987 of another report."""
    agreement = shipped_agreement("kab-seruyan-pemilu-2024")
    assert any("3.987" in note for note in agreement.notes)


def test_serang_not_yet_signed() -> None:
    """Serang's MoU was being drafted: no kind and no signing date."""
    agreement = shipped_agreement("kota-serang-pemilu-2024")
    assert (agreement.kind, agreement.signed_on) == (None, None)


def test_majalengka_months_per_role() -> None:
    """Majalengka covers Panwascam 8, PKD 6 and PTPS 1 month."""
    agreement = shipped_agreement("bawaslu-majalengka-pilkada-2024")
    months = {next(iter(c.roles)): c.months for c in agreement.cohorts}
    assert months == {Role.PANWASLU_KECAMATAN: 8, Role.PKD: 6, Role.PTPS: 1}


def test_unknown_id_lists_shipped_ids() -> None:
    """Asking for an unknown id raises UnknownCodeError."""
    with pytest.raises(UnknownCodeError, match="kab-asahan-pilkada-2024"):
        shipped_agreement("nowhere")


def test_loading_bad_file_names_file_and_path(tmp_path: Path) -> None:
    """A bad headcount in a file is reported with the file name and its full path."""
    document = {"agreements": [dict(json.loads(
        (Path(__file__).parents[1] / "src/jamsos_pemilu/data/agreements.json").read_text("utf-8")
    )["agreements"][0])]}
    document["agreements"][0]["cohorts"][1]["headcount"] = "many"
    target = tmp_path / "bad.json"
    target.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(DeserializationError) as caught:
        load_agreements(target)
    assert caught.value.path == "agreements[0].cohorts[1].headcount"
    assert "bad.json" in caught.value.model


def test_duplicate_ids_in_file_refused(tmp_path: Path) -> None:
    """A file repeating an id is refused at the second entry's id."""
    entry = {"id": "x", "title": "X", "parties": [
        {"institution": {"kind": "bpjs_ketenagakerjaan", "name": "BPJS Ketenagakerjaan"}, "parts": ["provider"]}
    ]}
    target = tmp_path / "dup.json"
    target.write_text(json.dumps({"agreements": [entry, entry]}), encoding="utf-8")
    with pytest.raises(DeserializationError) as caught:
        load_agreements(target)
    assert caught.value.path == "agreements[1].id"


def test_a_path_that_cannot_be_read_gets_a_library_error(tmp_path: Path) -> None:
    """A missing file, a folder, a name too long or a non-path gives a DeserializationError naming the problem."""
    for source in (tmp_path / "missing.json", tmp_path, tmp_path / ("x" * 300 + ".json")):
        with pytest.raises(DeserializationError, match="cannot read the file"):
            load_agreements(source)
    with pytest.raises(DeserializationError, match="expected a file path, got int"):
        load_agreements(5)  # type: ignore[arg-type]
