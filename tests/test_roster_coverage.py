"""Tests for jamsos_pemilu.roster_coverage: whole-roster coverage decisions equal the one-officer decision."""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

np = pytest.importorskip("numpy")

from jamsos_pemilu.agreements import Agreement  # noqa: E402
from jamsos_pemilu.elections import election  # noqa: E402
from jamsos_pemilu.eligibility import CoverageStatus, Incident, IncidentKind, Scope, check_coverage  # noqa: E402
from jamsos_pemilu.exceptions import InputError  # noqa: E402
from jamsos_pemilu.law import rules_on  # noqa: E402
from jamsos_pemilu.officers import Officer  # noqa: E402
from jamsos_pemilu.periods import Period  # noqa: E402
from jamsos_pemilu.roles import Role  # noqa: E402
from jamsos_pemilu.roster_coverage import RosterStatus, check_roster_coverage, roster_chunk  # noqa: E402
from jamsos_pemilu.serialization import shipped_agreement, shipped_agreements  # noqa: E402

VOTING = dt.date(2024, 2, 14)
CILEGON = "kota-cilegon-pemilu-2024"
NIK = "3173015205900001"
RANK = {CoverageStatus.COVERED: 0, CoverageStatus.UNCERTAIN: 1, CoverageStatus.NOT_COVERED: 2}
AGREEMENTS = tuple(a for a in shipped_agreements() if set(a.elections) & {"pemilu_2024", "pilkada_2024"})
ELECTIONS = ("pemilu_2024", "pilkada_2024")


@attrs.frozen
class Row:
    """One officer of a generated roster, as plain values."""

    role: Role
    position: str
    election: str
    start: dt.date
    end: dt.date
    asn: bool
    registered: dt.date | None

    def officer(self) -> Officer:
        """The same officer as an Officer object."""
        return Officer(nik=NIK, name="Petugas", role=self.role, position=self.position, election=self.election,
                       appointment=Period(self.start, self.end), asn=self.asn, bpjs_registered_on=self.registered)


def chunk_of(rows: list[Row]) -> Any:
    """A roster chunk holding ``rows``."""
    return roster_chunk(
        role=[r.role.value for r in rows],
        position=[r.position for r in rows],
        election=[r.election for r in rows],
        appointment_start=[r.start.isoformat() for r in rows],
        appointment_end=[r.end.isoformat() for r in rows],
        asn=[r.asn for r in rows],
        bpjs_registered_on=[None if r.registered is None else r.registered.isoformat() for r in rows],
    )


DAYS = st.dates(min_value=dt.date(2023, 6, 1), max_value=dt.date(2025, 1, 31))


@st.composite
def rows(draw: st.DrawFn) -> Row:
    """An officer of Pemilu or Pilkada 2024 with any term, ASN flag and registration."""
    key = draw(st.sampled_from(ELECTIONS))
    roles = [role for role in Role if election(key).has_role(role)]
    role = draw(st.sampled_from(roles))
    position = draw(st.sampled_from(role.positions)).value
    start = draw(DAYS)
    end = start + dt.timedelta(days=draw(st.integers(0, 120)))
    registered = draw(st.none() | st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2025, 3, 31)))
    return Row(role, position, key, start, end, draw(st.booleans()), registered)


def incidents(on: dt.date) -> st.SearchStrategy[Incident | None]:
    """No incident, or any kind of incident on ``on`` (fatal where the kind requires it)."""
    def make(kind: IncidentKind, fatal: bool) -> Incident:
        must = kind in (IncidentKind.DEATH_OTHER, IncidentKind.SUDDEN_DEATH_AT_WORK)
        return Incident(kind, on, fatal=fatal or must)

    return st.none() | st.builds(make, st.sampled_from(IncidentKind), st.booleans())


def expected(row: Row, agreements: tuple[Agreement | None, ...], on: dt.date, incident: Incident | None,
             scope: Scope) -> tuple[str, str, str | None]:
    """Status, deciding reason and agreement from check_coverage, officer by officer, best agreement first."""
    if on < row.start:
        return "not_on_duty", "before_officer_term", None
    best: tuple[CoverageStatus, str, str | None] | None = None
    for agreement in agreements:
        part = check_coverage(row.officer(), agreement, on=on, incident=incident).decision(scope)
        code = next((r.code for r in part.reasons if r.status is part.status), "no_reason")
        candidate = (part.status, code, None if agreement is None else agreement.id)
        if best is None or RANK[candidate[0]] < RANK[best[0]]:
            best = candidate
    assert best is not None
    return best[0].value, best[1], best[2]


@settings(max_examples=60)
@given(
    st.lists(rows(), min_size=1, max_size=12),
    st.lists(st.sampled_from(AGREEMENTS), min_size=0, max_size=3, unique_by=lambda a: a.id),
    DAYS,
    st.data(),
)
def test_every_officer_gets_the_one_officer_decision(
    roster: list[Row], chosen: list[Agreement], on: dt.date, data: st.DataObject
) -> None:
    """Each officer's status, deciding reason and agreement per scope are check_coverage's, officer by officer.

    For any roster, agreements, date and incident: the best decision over the agreements (the first wins a tie),
    and not_on_duty for an officer whose term starts after the date.
    """
    incident = data.draw(incidents(on))
    agreements: tuple[Agreement | None, ...] = tuple(chosen) or (None,)
    result = check_roster_coverage(chunk_of(roster), chosen or None, on=on, incident=incident)
    for scope in Scope:
        got = list(zip(result.status(scope).tolist(), result.reason(scope).tolist(), strict=True))
        want = [expected(row, agreements, on, incident, scope)[:2] for row in roster]
        assert got == want
        if scope is not Scope.SANTUNAN:
            assert result.agreement(scope).tolist() == [expected(r, agreements, on, incident, scope)[2] if
                                                        r.start <= on else None for r in roster]


def test_membership_long_enough_for_the_scholarship_is_told_apart() -> None:
    """For a JKM death, members of three years or more and of less are different facts; both match check_coverage."""
    death = Incident(IncidentKind.DEATH_OTHER, VOTING, fatal=True)
    long = Row(Role.KPPS, "anggota", "pemilu_2024", dt.date(2024, 1, 25), dt.date(2024, 2, 25), False,
               dt.date(2021, 2, 14))
    short = attrs.evolve(long, registered=dt.date(2021, 2, 15))
    result = check_roster_coverage(chunk_of([long, short]), None, on=VOTING, incident=death)
    assert len(set(result.facts.tolist())) == 2
    codes = [v.reasons[1] for v in (result.verdicts[int(k)] for k in result.facts)]
    assert "scholarship_membership_met" in codes[0] and "scholarship_membership_short" in codes[1]


def test_counts_add_up_by_status_reason_and_role() -> None:
    """Counts per status, per reason and per role each add up to the officers of the roster."""
    rows_ = [Row(Role.KPPS, "anggota", "pemilu_2024", dt.date(2024, 1, 25), dt.date(2024, 2, 25), i % 5 == 0,
                 None if i % 3 else dt.date(2024, 1, 30)) for i in range(30)]
    rows_.append(Row(Role.PPK, "ketua", "pemilu_2024", dt.date(2024, 3, 1), dt.date(2024, 4, 4), False, None))
    result = check_roster_coverage(chunk_of(rows_), shipped_agreement(CILEGON), on=VOTING)
    for scope in Scope:
        assert sum(result.counts(scope).values()) == 31
        assert sum(result.counts(scope, by="reason").values()) == 31
        assert sum(sum(r.values()) for r in result.counts_by_role(scope).values()) == 31
    assert result.counts(Scope.JKK)["not_on_duty"] == 1
    assert result.counts(Scope.JKK, by="reason")["asn_own_scheme"] == 6
    assert result.counts_by_role(Scope.JKK)["ppk"] == {"not_on_duty": 1}
    assert sum(r["officers"] for r in result.records() if r["scope"] == "jkm") == 31  # type: ignore[misc]


@attrs.frozen
class NikChunk:
    """A chunk of roster columns that also carries NIKs (as an Arrow-native reader gives them)."""

    line: Any
    role: Any
    position: Any
    election: Any
    appointment_start: Any
    appointment_end: Any
    asn: Any
    bpjs_registered_on: Any
    nik: Any
    errors: tuple[Any, ...] = ()


def nik_chunk() -> NikChunk:
    """Two KPPS officers with NIKs: one registered, one not."""
    base = chunk_of([
        Row(Role.KPPS, "ketua", "pemilu_2024", dt.date(2024, 1, 25), dt.date(2024, 2, 25), False, dt.date(2024, 1, 30)),
        Row(Role.KPPS, "anggota", "pemilu_2024", dt.date(2024, 1, 25), dt.date(2024, 2, 25), False,
            dt.date(2024, 2, 20)),
    ])
    fields = {name: getattr(base, name) for name in ("line", "role", "position", "election", "appointment_start",
                                                     "appointment_end", "asn", "bpjs_registered_on")}
    return NikChunk(**fields, nik=["3602041211870001", "3602045211900002"])


def test_the_problem_list_masks_niks_and_gives_the_officers_own_reason() -> None:
    """Officers not covered or uncertain are listed with the NIK masked, the reason code and its text filled in."""
    result = check_roster_coverage([nik_chunk()], shipped_agreement(CILEGON), on=VOTING)
    problems = result.problems(Scope.JKM)
    assert [p["nik"] for p in problems] == ["360204******0001", "360204******0002"]
    late = problems[1]
    assert (late["status"], late["reason"]) == ("not_covered", "registered_after_incident")
    assert "20 Februari 2024" in str(late["text"]) and "February 20, 2024" in str(late["text_en"])
    assert "3602045211900002" not in json.dumps(problems)
    assert len(result.problems()) == 4  # JKK and JKM for both; santunan covers both


def test_exports_to_pandas_arrow_and_csv() -> None:
    """The per-officer columns load into pandas and Arrow, and write to CSV (all officers or the problems only)."""
    pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    result = check_roster_coverage([nik_chunk()], shipped_agreement(CILEGON), on=VOTING)
    frame = result.to_pandas()
    assert list(frame["jkm_status"]) == ["uncertain", "not_covered"]
    assert list(frame["nik"]) == ["360204******0001", "360204******0002"]
    table = result.to_arrow()
    assert table.num_rows == 2 and table.column("jkm_reason").to_pylist() == list(frame["jkm_reason"])
    out = io.StringIO()
    result.to_csv(out, problems_only=True)
    assert out.getvalue().splitlines()[0].startswith("line,nik,role,position,scope,status,reason")
    everything = io.StringIO()
    result.to_csv(everything)
    assert len(everything.getvalue().splitlines()) == 3


def test_a_roster_file_is_read_and_its_bad_rows_reported() -> None:
    """A CSV roster is read column by column; a bad row is reported in errors and not decided."""
    text = ("nik,name,role,position,election,appointment_start,appointment_end\n"
            "3602041211870001,Siti,KPPS,anggota,pemilu_2024,2024-01-25,2024-02-25\n"
            "3602041211870002,Budi,Bupati,anggota,pemilu_2024,2024-01-25,2024-02-25\n")
    result = check_roster_coverage(io.StringIO(text), shipped_agreement(CILEGON), on=VOTING)
    assert len(result) == 1 and result.line.tolist() == [2]
    assert len(result.errors) == 1 and result.errors[0].line == 3
    assert "1 roster rows have errors" in result.render("en")


def test_the_result_explains_itself() -> None:
    """The result renders the counts in both languages, serialises to JSON and carries the decisions' receipt."""
    result = check_roster_coverage([nik_chunk()], [shipped_agreement(CILEGON)], on=VOTING)
    assert result.render("id").startswith("Kepesertaan seluruh daftar: 2 petugas")
    assert "after this date; BPJS does not pay" in result.render("en")  # the reason in words, not its code
    data = json.loads(result.to_json())
    assert data["kind"] == "roster_coverage" and data["counts"]["jkm"]["status"] == {"not_covered": 1, "uncertain": 1}
    assert result.receipt.values


def test_a_snapshot_of_the_date_is_used_and_another_refused() -> None:
    """The rules are those in force on the date: a snapshot of that day works, one of another day is refused."""
    chunk = chunk_of([Row(Role.PTPS, "petugas", "pemilu_2024", dt.date(2024, 1, 22), dt.date(2024, 2, 21), False, None)])
    assert check_roster_coverage(chunk, None, on=VOTING, rules=rules_on(VOTING)).status(Scope.JKK).tolist() == ["not_covered"]
    with pytest.raises(InputError, match="rules"):
        check_roster_coverage(chunk, None, on=VOTING, rules=rules_on(dt.date(2024, 2, 15)))


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"on": dt.datetime(2024, 2, 14, 8)}, "on"),
        ({"on": VOTING, "incident": Incident(IncidentKind.WORK_ACCIDENT, dt.date(2024, 2, 15))}, "incident"),
        ({"on": VOTING, "incident": "death"}, "incident"),
    ],
)
def test_bad_arguments_are_refused(kwargs: dict[str, Any], match: str) -> None:
    """A datetime, an incident on another day or of the wrong type raise InputError naming the argument."""
    chunk = chunk_of([Row(Role.PTPS, "petugas", "pemilu_2024", dt.date(2024, 1, 22), dt.date(2024, 2, 21), False, None)])
    with pytest.raises(InputError, match=match):
        check_roster_coverage(chunk, None, **kwargs)


def test_bad_agreements_are_refused() -> None:
    """Agreements must be Agreement objects, at least one, none twice."""
    chunk = chunk_of([Row(Role.PTPS, "petugas", "pemilu_2024", dt.date(2024, 1, 22), dt.date(2024, 2, 21), False, None)])
    cilegon = shipped_agreement(CILEGON)
    for bad, match in (([], "at least one"), ([cilegon, cilegon], "twice"), (["x"], "Agreement"), ("x", "Agreement")):
        with pytest.raises(InputError, match=match):
            check_roster_coverage(chunk, bad, on=VOTING)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="roster chunks"):
        check_roster_coverage([object()], None, on=VOTING)


def test_not_on_duty_is_its_own_status() -> None:
    """An officer whose term starts after the date is not decided: not_on_duty, in every scope."""
    chunk = chunk_of([Row(Role.KPPS, "ketua", "pilkada_2024", dt.date(2024, 11, 7), dt.date(2024, 12, 8), False, None)])
    result = check_roster_coverage(chunk, None, on=dt.date(2024, 11, 6))
    assert {result.status(scope).tolist()[0] for scope in Scope} == {RosterStatus.NOT_ON_DUTY.value}


def test_an_ended_term_is_named_in_the_officers_own_reason() -> None:
    """An officer whose term ended before the date is not covered, and the text names that officer's own term."""
    ended = Row(Role.PANTARLIH, "petugas", "pemilu_2024", dt.date(2023, 2, 3), dt.date(2023, 3, 12), False, None)
    current = Row(Role.KPPS, "ketua", "pemilu_2024", dt.date(2024, 1, 25), dt.date(2024, 2, 25), False, None)
    result = check_roster_coverage(chunk_of([current, ended]), None, on=VOTING)
    problem = next(p for p in result.problems(Scope.SANTUNAN) if p["line"] == 3)
    assert problem["reason"] == "outside_officer_term"
    assert "2023-02-03" in str(problem["text_en"]) and "2023-03-12" in str(problem["text_en"])
