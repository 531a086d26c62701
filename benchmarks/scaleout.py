"""Scale-out benchmark: one process against Dask (threads and processes) on a Parquet roster in partitions.

A synthetic national roster (the Pemilu 2024 role mix of ``national.py``, seeded) is written once
as Parquet files, one per partition, into ``benchmarks/_data/``. The same month's budget is then
computed three ways, each running the library's single-machine path (``read_columns`` then
``roster_budget``) on whole partitions:

* one process, partition after partition;
* Dask's threaded scheduler (the Arrow reading and the NumPy pricing release the GIL);
* Dask's process scheduler (every partition's budget crosses a process boundary, as in a cluster).

All three budgets must be equal to the rupiah (a difference fails the run). The whole-roster
coverage decisions (``check_roster_coverage``) against every shipped agreement of Pemilu 2024 are timed
on the same roster. Optionally (``--spark``) Spark ``local[*]`` runs ``mapInArrow`` over the files.

Run ``python benchmarks/scaleout.py`` (7.000.000 rows, 4 partitions) or ``--quick``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
DATA = HERE / "_data"
sys.path.insert(0, str(HERE))

import national  # noqa: E402

from jamsos_pemilu.batch import roster_budget  # noqa: E402
from jamsos_pemilu.rosters import read_columns  # noqa: E402

MONTH = national.MONTH
ON = dt.date(2024, 2, 14)


# --------------------------------------------------------------------------- the roster files


def _text(values: Any, width: int) -> Any:
    """Integers as zero-padded text (Arrow compute)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    return pc.utf8_lpad(pc.cast(pa.array(values), pa.string()), width, "0")


def roster_table(begin: int, end: int, groups: Any) -> Any:
    """Rows ``[begin, end)`` of the synthetic roster as an Arrow table of text columns (as a file would hold)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    rng = np.random.default_rng(national.SEED + begin)
    size = end - begin
    part = groups[begin:end]
    prefixes = np.array(national._prefixes(), dtype=object)
    female = rng.integers(0, 2, size)
    nik = pc.binary_join_element_wise(
        pa.array(prefixes[rng.integers(0, len(prefixes), size)].tolist(), pa.string()),
        _text(rng.integers(1, 29, size) + 40 * female, 2),
        _text(rng.integers(1, 13, size), 2),
        _text(rng.integers(60, 100, size), 2),
        _text(rng.integers(1, 10_000, size), 4),
        "",
    )
    role_text = np.array([role.abbreviation for role, _, _ in national.MIX], dtype=object)
    position_text = np.array([position.value for _, position, _ in national.MIX], dtype=object)
    starts = np.array([national._term(role)[0] for role, _, _ in national.MIX], dtype=object)
    ends = np.array([national._term(role)[1] for role, _, _ in national.MIX], dtype=object)
    rows = np.arange(begin, end)
    registered = np.full(size, "2024-01-20", dtype=object)
    registered[rows % 3 == 0] = None
    return pa.table(
        {
            "nik": nik,
            "name": pc.binary_join_element_wise("Petugas ", _text(rows, 7), ""),
            "role": pa.array(role_text[part].tolist(), pa.string()).dictionary_encode(),
            "position": pa.array(position_text[part].tolist(), pa.string()).dictionary_encode(),
            "election": pa.array(["pemilu_2024"] * size, pa.string()).dictionary_encode(),
            "appointment_start": pa.array(starts[part].tolist(), pa.string()),
            "appointment_end": pa.array(ends[part].tolist(), pa.string()),
            "asn": pa.array(np.where(rows % 50 == 0, "ya", "tidak").tolist(), pa.string()),
            "bpjs_registered_on": pa.array(registered.tolist(), pa.string()),
        }
    )


def roster_files(size: int, partitions: int) -> list[Path]:
    """The roster as ``partitions`` Parquet files (written once, reused)."""
    import pyarrow.parquet as pq

    folder = DATA / f"scaleout_{size}_{partitions}"
    files = [folder / f"part-{index}.parquet" for index in range(partitions)]
    if all(path.exists() for path in files):
        return files
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    groups, _, _ = national.national_arrays(size)
    bounds = [size * index // partitions for index in range(partitions + 1)]
    for index, path in enumerate(files):
        table = roster_table(bounds[index], bounds[index + 1], groups)
        pq.write_table(table, path.with_suffix(".tmp"), row_group_size=1 << 20)
        path.with_suffix(".tmp").replace(path)
    return files


# --------------------------------------------------------------------------- the work of one partition


def partition_budget(path: str) -> dict[str, Any]:
    """One partition's budget, as plain data (what crosses a process boundary)."""
    budget = roster_budget(read_columns(path), month=MONTH)
    return {row.label: (row.headcount, row.jkk.amount, row.jkm.amount) for row in budget.rows}


def merged(parts: list[dict[str, Any]]) -> dict[str, tuple[int, int, int]]:
    """Partial budgets added up by label."""
    total: dict[str, tuple[int, int, int]] = {}
    for part in parts:
        for label, (heads, jkk, jkm) in part.items():
            old = total.get(label, (0, 0, 0))
            total[label] = (old[0] + heads, old[1] + jkk, old[2] + jkm)
    return total


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    """Seconds taken by ``action`` and its result."""
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def median_of(action: Callable[[], Any], runs: int) -> tuple[float, Any]:
    """The median seconds of ``runs`` runs of ``action``, and its result (every run must agree)."""
    times: list[float] = []
    results: list[Any] = []
    for _ in range(runs):
        seconds, result = timed(action)
        times.append(seconds)
        results.append(result)
    if any(result != results[0] for result in results):
        raise SystemExit("runs of the same computation disagree")
    return sorted(times)[len(times) // 2], results[0]


def one_process(files: list[Path]) -> dict[str, tuple[int, int, int]]:
    """Every partition in this process, one after another."""
    return merged([partition_budget(str(path)) for path in files])


def with_dask(files: list[Path], scheduler: str, workers: int, pool: Any = None) -> dict[str, tuple[int, int, int]]:
    """Every partition as a Dask task on the local ``scheduler`` (on ``pool``'s workers when given)."""
    dask: Any = importlib.import_module("dask")
    tasks = [dask.delayed(partition_budget)(str(path)) for path in files]
    options: dict[str, Any] = {"pool": pool} if pool is not None else {"num_workers": workers}
    parts = dask.compute(*tasks, scheduler=scheduler, **options)
    return merged(list(parts))


def warm_up(path: str) -> int:
    """Load the library and price a few rows in a worker, as a long-running cluster worker already has.

    Pricing, not only reading, so that every lazily loaded piece (the holiday calendar behind the
    due date among them) is loaded before any clock starts, in this process as in the workers.
    """
    chunk = next(read_columns(path, chunk_size=1_000))
    return roster_budget([chunk], month=MONTH).headcount


def warm_pool(files: list[Path], workers: int) -> Any:
    """A process pool whose workers have imported the library (a cluster's workers are started once)."""
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(workers)
    list(pool.map(warm_up, [str(files[0])] * workers))
    return pool


def pyarrow_read(files: list[Path]) -> None:
    """pyarrow alone reading every file (the floor)."""
    import pyarrow.parquet as pq

    for path in files:
        pq.read_table(path)


def coverage(files: list[Path]) -> tuple[float, int, dict[str, int]]:
    """Seconds of the whole-roster coverage decisions (chunks already read), officers, JKM counts."""
    from jamsos_pemilu.eligibility import Scope
    from jamsos_pemilu.roster_coverage import check_roster_coverage
    from jamsos_pemilu.serialization import shipped_agreements

    chunks = [chunk for path in files for chunk in read_columns(path)]
    agreements = [a for a in shipped_agreements() if "pemilu_2024" in a.elections]
    seconds, result = timed(lambda: check_roster_coverage(chunks, agreements, on=ON))
    return seconds, len(result), result.counts(Scope.JKM)


def with_spark(files: list[Path]) -> tuple[float, dict[str, tuple[int, int, int]]]:
    """Spark local[*]: mapInArrow over the files (session start not counted)."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    from jamsos_pemilu.scaleout import budget_batches

    spark = (
        SparkSession.builder.master("local[*]").config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2").getOrCreate()
    )
    ddl = "label string, headcount long, jkk long, jkm long, total long"

    def run() -> dict[str, tuple[int, int, int]]:
        frame = spark.read.parquet(*(str(path) for path in files))
        rows = frame.mapInArrow(lambda batches: budget_batches(batches, month=MONTH), schema=ddl).collect()
        return merged([{row["label"]: (row["headcount"], row["jkk"], row["jkm"])} for row in rows])

    seconds, result = timed(run)
    spark.stop()
    return seconds, result


def measure(size: int, partitions: int, spark: bool, runs: int = 3) -> dict[str, Any]:
    """Every timing (the median of ``runs`` runs for each way of computing), as plain data (printed by :func:`report`)."""
    made, files = timed(lambda: roster_files(size, partitions))
    workers = min(partitions, os.cpu_count() or 1)
    floor, _ = timed(lambda: pyarrow_read(files))
    warm_up(str(files[0]))  # this process too has the library loaded before the clock starts
    single, expected = median_of(lambda: one_process(files), runs)
    threads, by_threads = median_of(lambda: with_dask(files, "threads", workers), runs)
    processes, by_processes = median_of(lambda: with_dask(files, "processes", workers), runs)
    pool = warm_pool(files, workers)
    warm, by_warm = median_of(lambda: with_dask(files, "processes", workers, pool), runs)
    pool.shutdown()
    decide, officers, jkm = coverage(files)
    report: dict[str, Any] = {
        "size": size, "partitions": partitions, "runs": runs, "workers": workers, "cores": os.cpu_count(),
        "generate": made, "pyarrow": floor, "one_process": single, "dask_threads": threads,
        "dask_processes": processes, "dask_processes_warm": warm, "coverage": decide, "coverage_officers": officers, "coverage_jkm": jkm,
        "exact": by_threads == expected and by_processes == expected and by_warm == expected,
        "load_average": os.getloadavg()[0],
        "headcount": sum(value[0] for value in expected.values()),
    }
    if spark:
        report["spark"], by_spark = with_spark(files)
        report["exact"] = report["exact"] and by_spark == expected
    return report


def report(result: dict[str, Any]) -> list[str]:
    """The lines ``make bench`` prints."""
    size, single = result["size"], result["one_process"]
    best = min(result["dask_threads"], result["dask_processes"], result["dask_processes_warm"])
    lines = [
        f"scale-out, Parquet roster {national_number(size)} rows in {result['partitions']} partitions "
        f"({result['cores']} cores, {result['workers']} workers, median of {result['runs']} runs, "
        f"load average {result['load_average']:.1f}): "
        f"pyarrow read alone {result['pyarrow']:.2f} s",
        f"    one process {single:.2f} s; Dask threads {result['dask_threads']:.2f} s "
        f"({single / result['dask_threads']:.2f}×); Dask processes {result['dask_processes']:.2f} s "
        f"({single / result['dask_processes']:.2f}×), with warm workers {result['dask_processes_warm']:.2f} s "
        f"({single / result['dask_processes_warm']:.2f}×); target: Dask faster than one process → "
        f"{'met' if best < single else 'NOT met'}; budgets equal to the rupiah: {result['exact']}",
    ]
    if "spark" in result:
        lines.append(f"    Spark local[*] mapInArrow {result['spark']:.2f} s (session start not counted)")
    lines.append(
        f"whole-roster coverage, {national_number(result['coverage_officers'])} officers × the shipped Pemilu 2024 "
        f"agreements: {result['coverage']:.2f} s (target ≤ 2 s)"
    )
    return lines


def national_number(value: float) -> str:
    """A whole number with Indonesian thousands dots."""
    return f"{round(value):,}".replace(",", ".")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="20.000 rows, for a smoke test")
    parser.add_argument("--size", type=int, default=None, help="rows (default 7.000.000)")
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument("--runs", type=int, default=3, help="runs of each way of computing; the median is reported")
    parser.add_argument("--spark", action="store_true", help="also time Spark local[*] (needs pyspark and Java)")
    parser.add_argument("--json", action="store_true", help="print the measurements as JSON")
    args = parser.parse_args(argv)
    size = args.size or (20_000 if args.quick else 7_000_000)
    result = measure(size, args.partitions, args.spark, args.runs)
    if args.json:
        print(json.dumps(result))
    else:
        print("\n".join(report(result)))
    return 0 if result["exact"] else 1


if __name__ == "__main__":
    sys.exit(main())
