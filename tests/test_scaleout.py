"""Tests for jamsos_pemilu.scaleout: partition functions for Dask and Spark, tested with Dask's local scheduler."""

from __future__ import annotations

from typing import Any

import pytest

from jamsos_pemilu import Month, RosterError, Rupiah
from jamsos_pemilu.officers import NIK
from jamsos_pemilu.premiums import monthly_premium

pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")

from jamsos_pemilu.batch import roster_budget  # noqa: E402
from jamsos_pemilu.rosters import read_columns  # noqa: E402
from jamsos_pemilu.scaleout import (  # noqa: E402
    BUDGET_COLUMNS,
    CONTRIBUTION_COLUMNS,
    budget_batch,
    budget_frame,
    budget_frame_meta,
    budget_frames,
    combine_budget_frames,
    contributions_batch,
    contributions_frame,
)

FEB_2024 = Month(2024, 2)
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
    assert NIK.parse(text).value == text
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
        total += monthly_premium(Rupiah(wage), month).total.amount
    return total


def test_dask_map_partitions_gives_the_whole_roster_budget() -> None:
    """Mapping budget_frame over Dask partitions and summing by label equals the single-machine budget."""
    dd = pytest.importorskip("dask.dataframe")
    frame = small_roster()
    roster = dd.from_pandas(frame, npartitions=4)
    parts = roster.map_partitions(budget_frame, "2024-02", meta=budget_frame_meta())
    by_label = parts.groupby("label").sum().compute(scheduler="synchronous")
    whole = roster_budget(read_columns(frame), FEB_2024)
    assert {label: int(row["total"]) for label, row in by_label.iterrows()} == {
        row.label: row.total.amount for row in whole.rows
    }
    assert int(by_label["total"].sum()) == scalar_total(frame, FEB_2024)


def test_dask_threads_scheduler_and_combine_agree() -> None:
    """The threaded local scheduler and combine_budget_frames give the same budget, in role order."""
    dd = pytest.importorskip("dask.dataframe")
    frame = small_roster()
    parts = dd.from_pandas(frame, npartitions=3).map_partitions(budget_frame, "2024-02", meta=budget_frame_meta())
    combined = combine_budget_frames(parts.compute(scheduler="threads"))
    assert list(combined.columns) == list(BUDGET_COLUMNS)
    assert list(combined["label"]) == ["ppk", "kpps", "ketertiban_tps", "ptps"]
    assert int(combined["total"].sum()) == scalar_total(frame, FEB_2024)


def test_budget_frames_is_a_map_in_pandas_function() -> None:
    """budget_frames turns an iterator of DataFrames into an iterator of partial budgets that add up."""
    frame = small_roster()
    parts = list(budget_frames(iter([frame.iloc[:25], frame.iloc[25:]]), "2024-02"))
    assert len(parts) == 2
    assert int(combine_budget_frames(pd.concat(parts))["total"].sum()) == scalar_total(frame, FEB_2024)


def test_contributions_frame_keeps_the_index_and_matches_the_scalar_path() -> None:
    """Per-officer contributions keep the partition's index; officers off duty owe nothing that month."""
    frame = small_roster(12).set_index(pd.RangeIndex(100, 112))
    result = contributions_frame(frame, FEB_2024)
    assert list(result.columns) == list(CONTRIBUTION_COLUMNS)
    assert list(result.index) == list(range(100, 112))
    assert int(result["total"].sum()) == scalar_total(frame, FEB_2024)
    assert not result.loc[result["role"] == "pantarlih", "on_duty"].any()


def test_arrow_batches_in_and_out() -> None:
    """The Arrow functions take a record batch and return one, with the same figures as the DataFrame path."""
    frame = small_roster(30)
    batch = pa.RecordBatch.from_pandas(frame, preserve_index=False)
    budget = budget_batch(batch, FEB_2024)
    assert isinstance(budget, pa.RecordBatch)
    assert budget.to_pydict()["total"] == budget_frame(frame, FEB_2024)["total"].tolist()
    per_officer = contributions_batch(batch, FEB_2024)
    assert isinstance(per_officer, pa.RecordBatch) and per_officer.num_rows == 30


def test_a_bad_row_fails_the_partition() -> None:
    """A bad row in a partition raises RosterError instead of being dropped."""
    frame = small_roster(3)
    frame.loc[1, "role"] = "Bupati"
    with pytest.raises(RosterError) as caught:
        budget_frame(frame, FEB_2024)
    assert (caught.value.line, caught.value.column) == (3, "role")


def test_month_text_is_parsed() -> None:
    """The month may be given as 'YYYY-MM' (handy in Spark), and a bad one is refused."""
    frame = small_roster(6)
    assert budget_frame(frame, "2024-02").equals(budget_frame(frame, FEB_2024))
    with pytest.raises(ValueError, match="YYYY-MM"):
        budget_frame(frame, "Feb 2024")
