"""Tests for jamsos_pemilu.officers (NIK, duty unit, officer; election.md §6.2)."""

from __future__ import annotations

import datetime as dt
import json
import logging
import pickle
from collections.abc import Callable

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from jamsos_pemilu.exceptions import InputError, InvalidNIKError, InvalidRegionCodeError, UnknownCodeError
from jamsos_pemilu.officers import NIK, DutyUnit, Officer, Sex, mask_nik
from jamsos_pemilu.periods import Period
from jamsos_pemilu.regions import RegionCode
from jamsos_pemilu.roles import Position, Role

# The Dukcapil example (election.md §6.2): Banten / Kab. Serang / a kecamatan / 12-11-87 / 0001.
DUKCAPIL = "3602041211870001"
KPPS_2024 = Period(dt.date(2024, 1, 25), dt.date(2024, 2, 25))
# Districts whose province and regency python-stdnum knows.
DISTRICTS = ["360204", "337304", "317101", "110101", "947101"]


def make_nik(district: str, born: dt.date, sex: Sex, serial: int) -> str:
    """Build a NIK the way Dukcapil does: district, DDMMYY (women +40), serial."""
    day = born.day + (40 if sex is Sex.FEMALE else 0)
    return f"{district}{day:02d}{born.month:02d}{born.year % 100:02d}{serial:04d}"


def kpps(**changes: object) -> Officer:
    """A valid KPPS member of Pemilu 2024, with some fields changed."""
    fields: dict[str, object] = {
        "nik": DUKCAPIL,
        "name": "Budi",
        "role": "kpps",
        "position": "anggota",
        "election": "pemilu_2024",
        "appointment": KPPS_2024,
    }
    fields.update(changes)
    return Officer(**fields)  # type: ignore[arg-type]


niks = st.builds(
    make_nik,
    st.sampled_from(DISTRICTS),
    st.dates(dt.date(1925, 1, 1), dt.date(2010, 12, 31)),
    st.sampled_from(list(Sex)),
    st.integers(1, 9999),
)


# ---------------------------------------------------------------- NIK


def test_the_dukcapil_example_parses() -> None:
    """3602041211870001 is a man born 12 Nov 1987, first registered in district 36.02.04."""
    nik = NIK.parse(DUKCAPIL)
    assert nik.sex is Sex.MALE
    assert nik.birth_date(as_of=dt.date(2024, 1, 25)) == dt.date(1987, 11, 12)
    assert nik.kecamatan_code == RegionCode.parse("36.02.04")


def test_women_have_forty_added_to_the_birth_day() -> None:
    """Day 52 means a woman born on the 12th."""
    nik = NIK.parse("3602045211870001")
    assert nik.sex is Sex.FEMALE
    assert nik.birth_date(as_of=dt.date(2024, 1, 25)) == dt.date(1987, 11, 12)


def test_separators_are_ignored() -> None:
    """Spaces, dots and dashes typed inside a NIK are dropped."""
    assert NIK.parse(" 3602-0412.1187 0001 ").reveal() == DUKCAPIL


def test_the_century_is_the_latest_one_not_after_the_reference_day() -> None:
    """A NIK with year 05 read in 2024 is a 2005 birth, not 1905."""
    nik = NIK.parse("3602041211050001")
    assert nik.birth_date(as_of=dt.date(2024, 1, 25)) == dt.date(2005, 11, 12)
    assert nik.birth_date_candidates == (dt.date(1905, 11, 12), dt.date(2005, 11, 12))


def test_a_birthday_after_the_reference_day_in_both_centuries_is_refused() -> None:
    """Nobody can be born after the day they are asked about."""
    with pytest.raises(InputError, match="not born yet"):
        NIK.parse("3602041211870001").birth_date(as_of=dt.date(1987, 11, 11))


def test_29_february_exists_only_in_2000_for_year_00() -> None:
    """1900 was not a leap year, so 29 Feb 00 can only be 2000."""
    assert NIK.parse("3602042902000001").birth_date_candidates == (dt.date(2000, 2, 29),)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("360204121187001", "16 digits, this one has 15"),
        ("36020412118700011", "16 digits, this one has 17"),
        ("36020412118700O1", "digits only"),
        ("3602043002870001", "birth date"),
        ("3602040011870001", "birth date"),
        ("3602047211870001", "birth date"),
        ("9902041211870001", "province code 99"),
        ("3600041211870001", "regency part 00"),
        ("3602001211870001", "district part 00"),
    ],
)
def test_a_malformed_nik_is_refused_with_the_reason(text: str, reason: str) -> None:
    """Wrong length, letters, impossible birth dates, unknown provinces and 00 parts are refused."""
    with pytest.raises(InvalidNIKError, match=reason):
        NIK.parse(text)


@pytest.mark.parametrize(
    "text",
    ["3602043002870001", "36020412118700011", "9902041211870001", "3600041211870001", "36020412118700O1"],
)
def test_the_error_for_a_malformed_nik_shows_it_masked(text: str) -> None:
    """The message and the error's fields never hold the NIK whole or its birth digits."""
    with pytest.raises(InvalidNIKError) as caught:
        NIK.parse(text)
    message = str(caught.value)
    assert text not in message
    assert text[6:12] not in message
    assert caught.value.masked == mask_nik(text)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


def test_a_nik_given_as_a_number_is_refused_masked() -> None:
    """Numbers drop leading zeros and are not NIKs; the error still masks them."""
    with pytest.raises(InvalidNIKError, match="text, not int") as caught:
        NIK.parse(3602041211870001)  # type: ignore[arg-type]
    assert "3602041211870001" not in str(caught.value)


def test_the_constructor_validates_too() -> None:
    """NIK(...) cannot hold an invalid number."""
    with pytest.raises(InvalidNIKError):
        NIK("3602043002870001")


def test_the_whole_nik_comes_only_from_reveal() -> None:
    """The digits are private: reveal() gives them, for storage; nothing else spells them out."""
    nik = NIK.parse(DUKCAPIL)
    assert nik.reveal() == DUKCAPIL
    assert not hasattr(nik, "value")
    assert not hasattr(nik, "__dict__")
    with pytest.raises(AttributeError):
        nik._digits = "3602041211870002"


def test_niks_compare_and_hash_by_their_digits() -> None:
    """Two NIKs with the same digits are equal and hash alike; they are not equal to text."""
    assert NIK.parse(DUKCAPIL) == NIK.parse("3602 0412 1187 0001")
    assert len({NIK.parse(DUKCAPIL), NIK.parse(DUKCAPIL)}) == 1
    assert NIK.parse(DUKCAPIL) != DUKCAPIL


def test_a_nik_survives_pickling() -> None:
    """Officers sent to another process (Dask, multiprocessing) keep their NIK."""
    officer = kpps()
    assert pickle.loads(pickle.dumps(officer)) == officer


def test_attrs_asdict_of_an_officer_masks_the_nik() -> None:
    """attrs.asdict(officer) keeps the NIK as a masked NIK, so printing the dict hides it."""
    data = attrs.asdict(kpps())
    assert isinstance(data["nik"], NIK)
    assert DUKCAPIL not in repr(data)
    assert DUKCAPIL not in str(attrs.astuple(kpps()))


def test_repr_and_str_of_a_nik_are_masked() -> None:
    """A NIK printed or logged shows only its region and serial."""
    nik = NIK.parse(DUKCAPIL)
    assert repr(nik) == "NIK('360204******0001')"
    assert str(nik) == f"{nik}" == nik.masked == "360204******0001"


def test_mask_of_short_input_shows_at_most_half() -> None:
    """A truncated NIK is not shown whole: at most its first half is visible."""
    assert mask_nik("3602041211") == "36020*****"
    assert mask_nik("3") == "*"


@settings(max_examples=100)
@given(niks)
def test_masking_a_nik_never_shows_its_birth_date(text: str) -> None:
    """The masked NIK keeps region and serial and hides digits 7-12."""
    masked = mask_nik(text)
    assert masked == text[:6] + "******" + text[12:]
    assert text not in masked


@settings(max_examples=100)
@given(st.text(min_size=1, max_size=40))
def test_masking_anything_never_shows_it_whole(text: str) -> None:
    """Whatever is typed as a NIK, a block after its first characters is hidden: half of it, or the birth date.

    (The text may itself hold ``*``: what counts is which positions are hidden, not how the result looks.)
    """
    compact = "".join(ch for ch in text.strip() if ch not in " -.")
    assume(compact)
    masked = mask_nik(text)
    size = len(compact)
    shown = 6 if size >= 16 else min(6, size // 2)
    hidden = size - 10 if size >= 16 else size - shown
    assert len(masked) == size
    assert hidden >= min(6, (size + 1) // 2)
    assert masked[:shown] == compact[:shown]
    assert masked[shown : shown + hidden] == "*" * hidden


def test_masking_a_star_hides_it() -> None:
    """A single character typed as a NIK, even ``*``, is replaced by the mask (was a flaky case)."""
    assert mask_nik("*") == "*"
    assert mask_nik("7") == "*"


@settings(max_examples=100)
@given(
    st.sampled_from(DISTRICTS),
    st.dates(dt.date(1925, 1, 1), dt.date(2010, 12, 31)),
    st.sampled_from(list(Sex)),
    st.integers(1, 9999),
    st.integers(0, 99 * 365),
)
def test_a_valid_nik_gives_back_its_birth_date_and_sex(
    district: str, born: dt.date, sex: Sex, serial: int, days_later: int
) -> None:
    """A NIK built from a birth date reads back that date for anyone under 100 on the reference day."""
    nik = NIK.parse(make_nik(district, born, sex, serial))
    assert nik.birth_date(as_of=born + dt.timedelta(days=days_later)) == born
    assert nik.sex is sex
    assert nik.kecamatan_code.digits == district


# ---------------------------------------------------------------- DutyUnit


def test_duty_unit_parses_its_region_code() -> None:
    """The region may be given as text and is parsed into a RegionCode."""
    assert DutyUnit(region="33.73.04.1001").region == RegionCode.parse("3373041001")


def test_duty_unit_refuses_a_malformed_region_code() -> None:
    """A region code of the wrong length is refused when the unit is built."""
    with pytest.raises(InvalidRegionCodeError):
        DutyUnit(region="33730")


def test_duty_unit_refuses_blank_text() -> None:
    """An empty TPS name is a mistake; None means not reported."""
    with pytest.raises(InputError, match="tps"):
        DutyUnit(tps="  ")


# ---------------------------------------------------------------- Officer


def test_officer_parses_text_fields() -> None:
    """NIK, role, position and election may be given as text."""
    officer = kpps(role="KPPS", position="Anggota", election="Pemilu 2024")
    assert (officer.role, officer.position, officer.election) == (
        Role.KPPS,
        Position.ANGGOTA,
        "pemilu_2024",
    )
    assert officer.nik == NIK.parse(DUKCAPIL)


def test_repr_and_str_of_an_officer_mask_the_nik() -> None:
    """An officer printed, formatted or logged never shows the NIK whole."""
    officer = kpps()
    assert DUKCAPIL not in repr(officer)
    assert DUKCAPIL not in str(officer)
    assert "360204******0001" in repr(officer)


def test_logging_an_officer_masks_the_nik(caplog: pytest.LogCaptureFixture) -> None:
    """Log lines built from an officer carry the masked NIK only."""
    with caplog.at_level(logging.INFO):
        logging.getLogger("test").info("registered %s / %r", kpps(), kpps().nik)
    assert DUKCAPIL not in caplog.text
    assert "360204******0001" in caplog.text


def test_an_invalid_nik_given_to_an_officer_is_reported_masked() -> None:
    """Building an officer with a bad NIK raises InvalidNIKError without the NIK whole."""
    bad = "3602043002870001"
    with pytest.raises(InvalidNIKError) as caught:
        kpps(nik=bad)
    assert bad not in str(caught.value)


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"role": "kepala desa"}, UnknownCodeError),
        ({"position": "bendahara"}, UnknownCodeError),
        ({"election": "pemilu 2029"}, UnknownCodeError),
        ({"position": "sekretaris"}, InputError),
        ({"role": "ppln", "election": "pilkada_2024"}, InputError),
        ({"name": " "}, InputError),
        ({"appointment": "2024-01-25/2024-02-25"}, InputError),
        ({"asn": "no"}, InputError),
        ({"bpjs_registered_on": dt.datetime(2024, 1, 25)}, InputError),
        ({"bpjs_registered_on": dt.date(2024, 1, 25), "bpjs_membership_started": dt.date(2024, 2, 1)}, InputError),
        ({"nik": "3602041211250001", "appointment": Period(dt.date(1924, 1, 1), dt.date(1924, 2, 1))}, InputError),
    ],
)
def test_errors_building_an_officer_never_show_the_nik(
    changes: dict[str, object], error: type[Exception]
) -> None:
    """Unknown codes, mismatched role and position, bad dates: refused, and the NIK stays masked."""
    with pytest.raises(error) as caught:
        kpps(**changes)
    nik = str(changes.get("nik", DUKCAPIL))
    assert nik not in str(caught.value)


def test_unknown_role_text_names_the_accepted_roles() -> None:
    """An unknown role lists what is accepted."""
    with pytest.raises(UnknownCodeError, match="accepted values: ppk"):
        kpps(role="kepala desa")


def test_a_position_the_role_lacks_is_refused() -> None:
    """KPPS has no secretary."""
    with pytest.raises(InputError, match="no position 'sekretaris'"):
        kpps(position="sekretaris")


def test_a_role_the_election_lacks_is_refused() -> None:
    """The Pilkada has no overseas bodies."""
    with pytest.raises(InputError, match="has no PPLN"):
        kpps(role="ppln", election="pilkada_2024")


def test_membership_start_defaults_to_the_registration_date() -> None:
    """Without an earlier membership, it started when the officer was registered."""
    officer = kpps(bpjs_registered_on=dt.date(2024, 1, 24))
    assert officer.bpjs_membership_started == dt.date(2024, 1, 24)


def test_an_earlier_membership_start_is_kept() -> None:
    """An officer already a member (e.g. from 2019) keeps the earlier start."""
    officer = kpps(bpjs_registered_on=dt.date(2024, 1, 24), bpjs_membership_started=dt.date(2019, 4, 1))
    assert officer.bpjs_membership_started == dt.date(2019, 4, 1)


def test_age_on_counts_completed_years() -> None:
    """Born 12 Nov 1987: 36 on voting day 2024, 35 the day before the 36th birthday."""
    officer = kpps()
    assert officer.age_on(dt.date(2024, 2, 14)) == 36
    assert officer.age_on(dt.date(2023, 11, 11)) == 35
    assert officer.age_on(dt.date(2023, 11, 12)) == 36


def test_a_young_officer_is_read_in_the_2000s() -> None:
    """A KPPS member with birth year 06 appointed in 2024 is 17, not 117."""
    officer = kpps(nik="3602041402060001")
    assert officer.birth_date == dt.date(2006, 2, 14)
    assert officer.age_on(dt.date(2024, 2, 14)) == 18
    assert officer.age_on(dt.date(2024, 2, 13)) == 17


def test_someone_born_on_29_february_is_older_on_28_february() -> None:
    """In common years the 29 February birthday is counted on 28 February."""
    officer = kpps(nik="3602042902000001")
    assert officer.age_on(dt.date(2023, 2, 27)) == 22
    assert officer.age_on(dt.date(2023, 2, 28)) == 23


def test_age_before_birth_is_refused() -> None:
    """Asking the age before the birth date is an input error, masked."""
    with pytest.raises(InputError, match=r"360204\*\*\*\*\*\*0001"):
        kpps().age_on(dt.date(1980, 1, 1))


def test_officer_changes_with_evolve_and_stays_validated() -> None:
    """attrs.evolve builds a new, validated officer."""
    chair = attrs.evolve(kpps(), position=Position.KETUA)
    assert chair.position is Position.KETUA
    with pytest.raises(InputError):
        attrs.evolve(chair, position=Position.PETUGAS)


def test_a_nik_typed_into_another_field_is_masked_in_the_repr() -> None:
    """A NIK pasted into the name or the polling station is masked when the officer is printed."""
    officer = kpps(name=DUKCAPIL, unit=DutyUnit(tps=f"TPS {DUKCAPIL}"))
    assert DUKCAPIL not in repr(officer)
    assert DUKCAPIL not in repr(officer.unit)


# Every field of an officer record, as in JSON, with a NIK typed into it in turn.
RECORD: dict[str, object] = {
    "nik": DUKCAPIL,
    "name": "Budi",
    "role": "kpps",
    "position": "anggota",
    "election": "pemilu_2024",
    "appointment": {"start": "2024-01-25", "end": "2024-02-25"},
    "unit": {"tps": "TPS 006", "desa": "Desa", "region": "33.73.04.1001", "kecamatan": "Kec"},
    "asn": False,
    "bpjs_registered_on": "2024-01-30",
    "bpjs_membership_started": "2024-01-30",
}
OTHER_NIK = "3302114506990003"


def _with_nik_at(path: tuple[str, ...], nik: object) -> dict[str, object]:
    record = json.loads(json.dumps(RECORD))
    target = record
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = nik
    return record  # type: ignore[no-any-return]


FIELDS = [
    ("nik",),
    ("role",),
    ("position",),
    ("election",),
    ("appointment", "start"),
    ("appointment", "end"),
    ("appointment",),
    ("unit", "region"),
    ("unit",),
    ("asn",),
    ("bpjs_registered_on",),
    ("bpjs_membership_started",),
]


@pytest.mark.parametrize("path", FIELDS, ids=".".join)
@pytest.mark.parametrize("nik", [OTHER_NIK, int(OTHER_NIK), "3302 1145 0699 0003"])
def test_loading_an_officer_with_a_nik_in_any_field_never_shows_it(path: tuple[str, ...], nik: object) -> None:
    """JSON with a NIK in a date, role, region or flag field is refused, and the error shows it masked."""
    from jamsos_pemilu.serialization import from_dict, from_json

    record = _with_nik_at(path, nik)
    if path == ("nik",) and isinstance(nik, str):  # where a NIK belongs it loads, and prints masked
        assert OTHER_NIK not in repr(from_dict(Officer, record))
        return
    loaders: list[Callable[[], object]] = [
        lambda: from_dict(Officer, record),
        lambda: from_json(Officer, json.dumps(record)),
    ]
    for load in loaders:
        with pytest.raises(InputError) as caught:
            load()
        for text in (str(caught.value), repr(caught.value)):
            assert OTHER_NIK not in "".join(ch for ch in text if ch.isdigit()), text


@pytest.mark.parametrize(
    "changes",
    [
        {"name": 3602041211870001},
        {"role": DUKCAPIL},
        {"position": DUKCAPIL},
        {"election": DUKCAPIL},
        {"appointment": DUKCAPIL},
        {"unit": DUKCAPIL},
        {"asn": DUKCAPIL},
        {"bpjs_registered_on": DUKCAPIL},
        {"bpjs_membership_started": DUKCAPIL},
    ],
)
def test_building_an_officer_with_a_nik_in_any_field_never_shows_it(changes: dict[str, object]) -> None:
    """Whatever field a NIK lands in, the error about it is masked."""
    with pytest.raises(InputError) as caught:
        kpps(**changes)
    assert DUKCAPIL not in str(caught.value)
    assert DUKCAPIL not in repr(caught.value)
