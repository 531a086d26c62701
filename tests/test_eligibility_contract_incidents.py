"""The incident record a coverage decision is about: what is accepted, what is refused and how it is written out.

Rules stated here:

- an incident kind is typed as people write it ("death other", "Work-Accident") and unknown text is refused
  naming the vocabulary ("incident kind") and the accepted values;
- the incident's date and the claim's filing date are calendar dates (``datetime.date``, not a timestamp);
  a wrong value is refused naming the field and showing the value;
- ``fatal`` is True or False; a death kind (a death not caused by the work, a sudden death at work) is fatal;
- a claim cannot be filed before the incident, but can be filed on the day itself (PP 44/2015 Pasal 26 and
  PP 82/2019 Pasal 26 count the claim period from the date of the accident);
- ``to_dict()`` gives the kind, the date, ``fatal`` and the filing date as ISO text.
"""

from __future__ import annotations

import datetime as dt

import pytest

from jamsos_pemilu.eligibility import Incident, IncidentKind
from jamsos_pemilu.exceptions import InputError, UnknownCodeError

DEATH_DAY = dt.date(2024, 2, 15)
ACCEPTED_KINDS = (
    "work_accident, commuting_accident, sudden_death_at_work, occupational_disease, death_other, injury_off_duty"
)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("death other", IncidentKind.DEATH_OTHER),
        ("Work-Accident", IncidentKind.WORK_ACCIDENT),
        ("COMMUTING_ACCIDENT", IncidentKind.COMMUTING_ACCIDENT),
        (IncidentKind.INJURY_OFF_DUTY, IncidentKind.INJURY_OFF_DUTY),
    ],
)
def test_incident_kind_is_read_as_people_type_it(text: str, kind: IncidentKind) -> None:
    """An incident kind is read whatever its case and separators, and a kind given as a member is kept."""
    assert IncidentKind.parse(text) is kind


def test_unknown_incident_kind_names_the_vocabulary_and_the_accepted_kinds() -> None:
    """Text that is no incident kind is refused naming "incident kind", the text and every accepted kind."""
    with pytest.raises(UnknownCodeError) as caught:
        IncidentKind.parse("heart attack")
    assert str(caught.value) == f"unknown incident kind 'heart attack'; accepted values: {ACCEPTED_KINDS}"
    assert caught.value.kind == "incident kind"


def test_incident_kind_must_be_an_incident_kind() -> None:
    """An incident whose kind is plain text is refused naming the field and showing the value."""
    with pytest.raises(InputError) as caught:
        Incident("death_other", DEATH_DAY, fatal=True)  # type: ignore[arg-type]
    assert str(caught.value) == "incident kind: expected an IncidentKind, got 'death_other'"


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("2024-02-15", "str ('2024-02-15')"),
        (dt.datetime(2024, 2, 15, 9, 30), "datetime (datetime.datetime(2024, 2, 15, 9, 30))"),
        (None, "NoneType (None)"),
    ],
)
def test_incident_date_must_be_a_calendar_date(value: object, shown: str) -> None:
    """The incident date is a calendar date: text, a timestamp or nothing is refused naming ``on`` and the value."""
    with pytest.raises(InputError) as caught:
        Incident(IncidentKind.WORK_ACCIDENT, value)  # type: ignore[arg-type]
    assert str(caught.value) == f"incident on: expected a datetime.date, got {shown}"


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("2024-03-01", "str ('2024-03-01')"),
        (dt.datetime(2024, 3, 1, 8, 0), "datetime (datetime.datetime(2024, 3, 1, 8, 0))"),
    ],
)
def test_claim_filing_date_must_be_a_calendar_date(value: object, shown: str) -> None:
    """The claim's filing date is a calendar date: text or a timestamp is refused naming ``claim_filed_on``."""
    with pytest.raises(InputError) as caught:
        Incident(IncidentKind.WORK_ACCIDENT, DEATH_DAY, claim_filed_on=value)  # type: ignore[arg-type]
    assert str(caught.value) == f"incident claim_filed_on: expected a datetime.date, got {shown}"


@pytest.mark.parametrize("value", [1, "yes", None])
def test_fatal_must_be_true_or_false(value: object) -> None:
    """Whether the officer died is True or False; 1, "yes" or nothing is refused showing the value."""
    with pytest.raises(InputError) as caught:
        Incident(IncidentKind.WORK_ACCIDENT, DEATH_DAY, fatal=value)  # type: ignore[arg-type]
    assert str(caught.value) == f"incident fatal: expected True or False, got {value!r}"


@pytest.mark.parametrize("kind", [IncidentKind.DEATH_OTHER, IncidentKind.SUDDEN_DEATH_AT_WORK])
def test_a_death_kind_is_fatal(kind: IncidentKind) -> None:
    """A death (not from the work, or sudden at work) recorded as not fatal is refused, saying to set fatal=True."""
    with pytest.raises(InputError) as caught:
        Incident(kind, DEATH_DAY)
    assert str(caught.value) == f"incident fatal: a {kind.value!r} incident is fatal; set fatal=True"


def test_a_claim_filed_the_day_before_the_incident_is_refused() -> None:
    """A claim cannot be filed before the incident: the day before is refused with both dates."""
    with pytest.raises(InputError) as caught:
        Incident(IncidentKind.WORK_ACCIDENT, DEATH_DAY, claim_filed_on=DEATH_DAY - dt.timedelta(days=1))
    assert str(caught.value) == (
        "incident claim_filed_on: the claim (2024-02-14) cannot be filed before the incident (2024-02-15)"
    )


def test_a_claim_filed_on_the_day_of_the_incident_is_accepted() -> None:
    """The claim period counts from the accident (PP 82/2019 Pasal 26): filing on that very day is allowed."""
    incident = Incident(IncidentKind.WORK_ACCIDENT, DEATH_DAY, claim_filed_on=DEATH_DAY)
    assert incident.claim_filed_on == DEATH_DAY


def test_incident_to_dict_writes_the_filing_date() -> None:
    """An incident is written out with its kind, date, whether it was fatal and the claim's filing date (ISO)."""
    incident = Incident(IncidentKind.WORK_ACCIDENT, DEATH_DAY, fatal=True, claim_filed_on=dt.date(2024, 3, 1))
    assert incident.to_dict() == {
        "kind": "work_accident",
        "on": "2024-02-15",
        "fatal": True,
        "claim_filed_on": "2024-03-01",
    }


def test_incident_to_dict_without_a_claim_has_none() -> None:
    """An incident with no claim filed yet is written out with ``claim_filed_on`` None (not a made-up date)."""
    incident = Incident(IncidentKind.INJURY_OFF_DUTY, DEATH_DAY)
    assert incident.to_dict() == {"kind": "injury_off_duty", "on": "2024-02-15", "fatal": False, "claim_filed_on": None}
