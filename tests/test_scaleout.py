"""Tests for jamsos_pemilu.scaleout: partition functions for Dask and Spark (local schedulers, Spark when installed)."""

from __future__ import annotations

import shutil
import sys
from typing import Any

import pytest

from jamsos_pemilu import InputError, Month, Reform, RosterError, Rupiah, rules_on
from jamsos_pemilu.officers import NIK
from jamsos_pemilu.premiums import monthly_premium

pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")

from jamsos_pemilu.batch import roster_budget  # noqa: E402
from jamsos_pemilu.eligibility import Scope  # noqa: E402
from jamsos_pemilu.roster_coverage import check_roster_coverage  # noqa: E402
from jamsos_pemilu.rosters import read_columns  # noqa: E402
from jamsos_pemilu.scaleout import (  # noqa: E402
    BUDGET_COLUMNS,
    PREMIUM_COLUMNS,
    budget_batch,
    budget_batches,
    budget_frame,
    budget_frame_meta,
    budget_frames,
    budget_schema,
    combine_budget_frames,
    coverage_batches,
    coverage_frame,
    premiums_batch,
    premiums_frame,
)
from jamsos_pemilu.serialization import shipped_agreement  # noqa: E402

FEB_2024 = Month(2024, 2)
VOTING_DAY = Month(2024, 2).first_day.replace(day=14)
#: Role, position, appointment and wage ("" = honorarium) of the small roster's officer kinds.
KINDS = [
    ("KPPS", "ketua", "2024-01-25", "2024-02-25", ""),
    ("KPPS", "anggota", "2024-01-25", "2024-02-25", ""),
    ("ketertiban_tps", "petugas", "2024-01-25", "2024-02-25", ""),
    ("PTPS", "petugas", "2024-01-20", "2024-02-28", "1.000.000"),
    ("PPK", "ketua", "2023-01-01", "2024-03-31", ""),
    ("Pantarlih", "petugas", "2023-02-12", "2023-03-14", ""),
]
HONORARIA = {"KPPS.ketua": 1_200_000, "KPPS.anggota": 1_100_000, "ketertiban_tps.petugas": 700_000,
             "PPK.ketua": 2_500_000, "Pantarlih.petugas": 1_000_000}


def make_nik(serial: int) -> str:
    """A valid NIK for a woman born 12 May 1990 registered in 31.73.01, with ``serial``."""
    text = f"317301520590{serial:04d}"
    assert NIK.parse(text).reveal() == text
    return text


def small_roster(size: int = 60) -> Any:
    """A roster DataFrame of ``size`` officers cycling through KINDS."""
    rows = []
    for index in range(size):
        role, position, start, end, wage = KINDS[index % len(KINDS)]
        rows.append({"nik": make_nik(index + 1), "name": f"Petugas {index}", "role": role, "position": position,
                     "election": "pemilu_2024", "appointment_start": start, "appointment_end": end, "wage": wage})
    return pd.DataFrame(rows)


def scalar_total(frame: Any, month: Month) -> int:
    """The month's total from the one-officer calculator, officer by officer."""
    total = 0
    for row in frame.itertuples():
        on_duty = row.appointment_start <= month.last_day.isoformat() and row.appointment_end >= str(month.first_day)
        if not on_duty:
            continue
        wage = int(row.wage.replace(".", "")) if row.wage else HONORARIA[f"{row.role}.{row.position}"]
        total += monthly_premium(Rupiah(wage), month=month).total.amount
    return total


def test_dask_map_partitions_gives_the_whole_roster_budget() -> None:
    """Mapping budget_frame over Dask partitions and summing by label equals the single-machine budget."""
    dd = pytest.importorskip("dask.dataframe")
    frame = small_roster()
    roster = dd.from_pandas(frame, npartitions=4)
    parts = roster.map_partitions(budget_frame, month=FEB_2024, meta=budget_frame_meta())
    by_label = parts.groupby("label").sum().compute(scheduler="synchronous")
    whole = roster_budget(read_columns(frame), month=FEB_2024)
    assert {label: int(row["total"]) for label, row in by_label.iterrows()} == {
        row.label: row.total.amount for row in whole.rows
    }
    assert int(by_label["total"].sum()) == scalar_total(frame, FEB_2024)


def test_dask_threads_scheduler_and_combine_agree() -> None:
    """The threaded local scheduler and combine_budget_frames give the same budget, in role order."""
    dd = pytest.importorskip("dask.dataframe")
    frame = small_roster()
    parts = dd.from_pandas(frame, npartitions=3).map_partitions(budget_frame, month=FEB_2024, meta=budget_frame_meta())
    combined = combine_budget_frames(parts.compute(scheduler="threads"))
    assert list(combined.columns) == list(BUDGET_COLUMNS)
    assert list(combined["label"]) == ["ppk", "kpps", "ketertiban_tps", "ptps"]
    assert int(combined["total"].sum()) == scalar_total(frame, FEB_2024)


def test_budget_frames_is_a_map_in_pandas_function() -> None:
    """budget_frames turns an iterator of DataFrames into an iterator of partial budgets that add up."""
    frame = small_roster()
    parts = list(budget_frames(iter([frame.iloc[:25], frame.iloc[25:]]), month=FEB_2024))
    assert len(parts) == 2
    assert int(combine_budget_frames(pd.concat(parts))["total"].sum()) == scalar_total(frame, FEB_2024)


def test_premiums_frame_keeps_the_index_and_matches_the_scalar_path() -> None:
    """Per-officer premiums keep the partition's index; officers off duty owe nothing that month."""
    frame = small_roster(12).set_index(pd.RangeIndex(100, 112))
    result = premiums_frame(frame, month=FEB_2024)
    assert list(result.columns) == list(PREMIUM_COLUMNS)
    assert list(result.index) == list(range(100, 112))
    assert int(result["total"].sum()) == scalar_total(frame, FEB_2024)
    assert not result.loc[result["role"] == "pantarlih", "on_duty"].any()


def test_arrow_batches_in_and_out() -> None:
    """The Arrow functions take a record batch and return one, with the same figures as the DataFrame path."""
    frame = small_roster(30)
    batch = pa.RecordBatch.from_pandas(frame, preserve_index=False)
    budget = budget_batch(batch, month=FEB_2024)
    assert isinstance(budget, pa.RecordBatch) and budget.schema == budget_schema()
    assert budget.to_pydict()["total"] == budget_frame(frame, month=FEB_2024)["total"].tolist()
    per_officer = premiums_batch(batch, month=FEB_2024)
    assert isinstance(per_officer, pa.RecordBatch) and per_officer.num_rows == 30
    parts = list(budget_batches(iter([batch.slice(0, 10), batch.slice(10)]), month=FEB_2024))
    assert sum(sum(part.column("total").to_pylist()) for part in parts) == sum(budget.to_pydict()["total"])


def test_a_bad_row_fails_the_partition() -> None:
    """A bad row in a partition raises RosterError instead of being dropped."""
    frame = small_roster(3)
    frame.loc[1, "role"] = "Bupati"
    with pytest.raises(RosterError) as caught:
        budget_frame(frame, month=FEB_2024)
    assert (caught.value.line, caught.value.column) == (3, "role")


def test_the_month_must_be_a_month() -> None:
    """The month is a Month; text or a number is refused with an error naming the argument."""
    frame = small_roster(6)
    for bad in ("2024-02", 202402):
        with pytest.raises(InputError, match="month"):
            budget_frame(frame, month=bad)  # type: ignore[arg-type]


def test_dask_coverage_partitions_give_the_whole_roster_decisions() -> None:
    """Whole-roster coverage over Dask partitions gives each officer the one-process decision, index kept, no NIK."""
    dd = pytest.importorskip("dask.dataframe")
    frame = small_roster(24)
    agreement = shipped_agreement("kab-bintan-pemilu-2024")
    meta = coverage_frame(frame.iloc[:0], agreement, on=VOTING_DAY)
    parts = dd.from_pandas(frame, npartitions=3).map_partitions(coverage_frame, agreement, on=VOTING_DAY, meta=meta)
    by_dask = parts.compute(scheduler="threads")
    whole = check_roster_coverage(read_columns(frame), agreement, on=VOTING_DAY)
    assert list(by_dask.index) == list(frame.index)
    assert list(by_dask["jkm_reason"]) == whole.reason(Scope.JKM).tolist()
    assert not any(make_nik(1) in str(value) for value in by_dask.to_numpy().ravel())  # no NIK shown whole


def test_coverage_batches_is_a_map_in_arrow_function() -> None:
    """coverage_batches turns record batches into record batches of plain-text decisions, one row per officer."""
    frame = small_roster(10)
    batch = pa.RecordBatch.from_pandas(frame, preserve_index=False)
    out = list(coverage_batches(iter([batch.slice(0, 4), batch.slice(4)]), None, on=VOTING_DAY))
    assert sum(part.num_rows for part in out) == 10
    assert all(not pa.types.is_dictionary(field.type) for part in out for field in part.schema)
    assert {v for part in out for v in part.column("jkk_reason").to_pylist()} <= {"no_agreement", "outside_officer_term",
                                                                                 "before_officer_term"}


def test_rules_are_a_snapshot_of_the_months_first_day() -> None:
    """A what-if passes the month's snapshot with a reform: blank wages take the reformed honorarium."""
    frame = small_roster(6)
    reform = Reform("Honor KPPS naik", {"honorarium.pemilu_2024.kpps.anggota": 1_400_000})
    raised = budget_frame(frame, month=FEB_2024, by="role_position", rules=rules_on(FEB_2024.first_day, reform=reform))
    base = budget_frame(frame, month=FEB_2024, by="role_position")
    anggota = {label: total for label, total in zip(raised["label"], raised["total"], strict=True)}["kpps.anggota"]
    assert anggota == monthly_premium(Rupiah(1_400_000), month=FEB_2024).total.amount
    assert anggota > {label: t for label, t in zip(base["label"], base["total"], strict=True)}["kpps.anggota"]
    with pytest.raises(InputError, match="rules"):
        budget_frame(frame, month=FEB_2024, rules=rules_on(VOTING_DAY))


def _spark(monkeypatch: pytest.MonkeyPatch) -> Any:
    """A local Spark session whose workers run this interpreter, or skip when pyspark or Java is missing."""
    pyspark_sql = pytest.importorskip("pyspark.sql")
    if shutil.which("java") is None:
        pytest.skip("Spark needs Java, which is not installed")
    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)
    monkeypatch.setenv("PYSPARK_DRIVER_PYTHON", sys.executable)
    return (
        pyspark_sql.SparkSession.builder.master("local[*]").appName("jamsos-pemilu-test")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true").getOrCreate()
    )


@pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning")
def test_spark_map_in_pandas_and_map_in_arrow_give_the_roster_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """On Spark local[*], mapInPandas(budget_frames) and mapInArrow(budget_batches) add up to the one-machine budget."""
    spark = _spark(monkeypatch)
    frame = small_roster(40).astype(str)
    roster = spark.createDataFrame(frame)
    ddl = "label string, headcount long, jkk long, jkm long, total long"
    expected = {row.label: row.total.amount for row in roster_budget(read_columns(frame), month=FEB_2024).rows}
    for parts in (
        roster.mapInPandas(lambda frames: budget_frames(frames, month=FEB_2024), schema=ddl),
        roster.mapInArrow(lambda batches: budget_batches(batches, month=FEB_2024), schema=ddl),
    ):
        combined = combine_budget_frames(pd.DataFrame([row.asDict() for row in parts.collect()]))
        assert dict(zip(combined["label"], combined["total"], strict=True)) == expected
    spark.stop()
