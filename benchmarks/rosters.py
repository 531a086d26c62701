"""Benchmark: a roster file read, checked and costed, next to pyarrow reading the same file.

For a CSV and a Parquet file of the synthetic national roster (``national.py``: the
Pemilu 2024 role mix, seeded), it times the whole job — every row checked by
:func:`jamsos_pemilu.rosters.read_columns` and the February 2024 budget by role from
:func:`jamsos_pemilu.batch.roster_budget` — and, in the same run, pyarrow's own read
of the same file (``pyarrow.csv.read_csv``, ``pyarrow.parquet.read_table``: the whole
table, its default threads). It prints the ratio next to the target (≤ 3 ×) and the
job's peak memory next to its target (≤ 600 MB). Each measurement runs in a fresh
child process, so each peak resident set size is its own. The budget is checked to
the rupiah against the one-officer calculator (premium × count per role and
position); a difference fails the run.

Usage: ``python benchmarks/rosters.py [--quick] [--size N]``; ``--quick`` (or the
environment variable ``JAMSOS_BENCH_QUICK=1``) uses 50.000 rows for a smoke run.
The files are written once into ``benchmarks/_data/`` (git-ignored) and reused.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DATA = HERE / "_data"
FULL_SIZE = 7_000_000
QUICK_SIZE = 50_000
RATIO_TARGET = 3.0
MEMORY_TARGET_MB = 600


def peak_rss_mb() -> float:
    """The process's peak resident set size in MB (ru_maxrss is in KB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def number(value: float) -> str:
    """A whole number with Indonesian thousands dots."""
    return f"{round(value):,}".replace(",", ".")


def csv_path(size: int) -> Path:
    """The CSV roster of ``size`` rows (shared with ``run.py``)."""
    return DATA / f"roster_{size}.csv"


def parquet_path(size: int) -> Path:
    """The Parquet roster of ``size`` rows: the CSV's cells as text columns."""
    return DATA / f"roster_{size}.parquet"


# --------------------------------------------------------------------------- cases (child processes)


def case_generate(size: int) -> dict[str, Any]:
    """Write the CSV and the Parquet roster if missing (the Parquet file from the CSV, streamed)."""
    import national
    import pyarrow as pa
    import pyarrow.csv as pa_csv
    import pyarrow.parquet as pq

    start = time.perf_counter()
    made = []
    source = csv_path(size)
    if not source.exists():
        national.write_csv(source, size)
        made.append(source.name)
    target = parquet_path(size)
    if not target.exists():
        from jamsos_pemilu.rosters import COLUMNS

        temporary = target.with_suffix(".tmp")
        convert = pa_csv.ConvertOptions(column_types=dict.fromkeys(COLUMNS, pa.string()), strings_can_be_null=False)
        reader = pa_csv.open_csv(source, convert_options=convert)
        with pq.ParquetWriter(temporary, reader.schema) as writer:
            for batch in reader:
                writer.write_batch(batch, row_group_size=1 << 20)
        temporary.replace(target)
        made.append(target.name)
    return {"made": made, "seconds": time.perf_counter() - start}


def _timed(action: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def case_pyarrow_csv(size: int) -> dict[str, Any]:
    """Pyarrow alone: read the whole CSV file into a table."""
    import pyarrow.csv as pa_csv

    seconds, table = _timed(lambda: pa_csv.read_csv(csv_path(size)))
    return {"seconds": seconds, "rows": table.num_rows, "peak_mb": peak_rss_mb()}  # type: ignore[attr-defined]


def case_pyarrow_parquet(size: int) -> dict[str, Any]:
    """Pyarrow alone: read the whole Parquet file into a table."""
    import pyarrow.parquet as pq

    seconds, table = _timed(lambda: pq.read_table(parquet_path(size)))
    return {"seconds": seconds, "rows": table.num_rows, "peak_mb": peak_rss_mb()}  # type: ignore[attr-defined]


def _ours(path: Path, size: int) -> dict[str, Any]:
    import national

    from jamsos_pemilu.batch import roster_budget
    from jamsos_pemilu.rosters import read_columns

    seconds, budget = _timed(lambda: roster_budget(read_columns(path), month=national.MONTH))
    expected = national.scalar_budget(size)
    got = {row.label: (row.headcount, row.jkk.amount, row.jkm.amount) for row in budget.rows}  # type: ignore[attr-defined]
    return {"seconds": seconds, "exact": got == expected, "peak_mb": peak_rss_mb()}


def case_ours_csv(size: int) -> dict[str, Any]:
    """The CSV roster read, checked and costed."""
    return _ours(csv_path(size), size)


def case_ours_parquet(size: int) -> dict[str, Any]:
    """The Parquet roster read, checked and costed."""
    return _ours(parquet_path(size), size)


CASES: dict[str, Callable[[int], dict[str, Any]]] = {
    "generate": case_generate,
    "pyarrow-csv": case_pyarrow_csv,
    "pyarrow-parquet": case_pyarrow_parquet,
    "ours-csv": case_ours_csv,
    "ours-parquet": case_ours_parquet,
}


def child(case: str, size: int) -> dict[str, Any]:
    """Run one case in a fresh interpreter and return its JSON report."""
    command = [sys.executable, str(Path(__file__).resolve()), "--case", case, "--size", str(size)]
    result = subprocess.run(command, capture_output=True, text=True, check=False, cwd=HERE)
    if result.returncode != 0:
        raise SystemExit(f"roster benchmark case {case} failed:\n{result.stderr}")
    report: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return report


# --------------------------------------------------------------------------- report


def report(*, quick: bool, size: int | None = None) -> int:
    """Run the roster-file benchmarks, print each figure next to its target; the number of failures.

    A failure is a budget that differs from the one-officer calculator. Missed
    speed or memory targets are printed as such but do not fail the run (the
    figures depend on the machine and its load).
    """
    rows = size or (QUICK_SIZE if quick else FULL_SIZE)
    made = child("generate", rows)
    if made["made"]:
        print(f"    wrote {', '.join(made['made'])} in {made['seconds']:.1f} s")
    failures = 0
    for kind in ("csv", "parquet"):
        baseline = child(f"pyarrow-{kind}", rows)
        ours = child(f"ours-{kind}", rows)
        ratio = ours["seconds"] / baseline["seconds"]
        failures += not ours["exact"]
        verdict = "met" if ratio <= RATIO_TARGET else "MISSED"
        memory = "met" if ours["peak_mb"] <= MEMORY_TARGET_MB else "MISSED"
        print(
            f"roster {kind.upper():<7} → checked → budget, {number(rows)} rows: {ours['seconds']:.2f} s; "
            f"pyarrow read alone {baseline['seconds']:.2f} s; ratio {ratio:.2f} × (target ≤ {RATIO_TARGET:g} ×, "
            f"{verdict}); exact = {ours['exact']}"
        )
        print(
            f"    peak memory {ours['peak_mb']:.0f} MB (target ≤ {MEMORY_TARGET_MB} MB, {memory}); "
            f"pyarrow's whole-table read peaks at {baseline['peak_mb']:.0f} MB"
        )
    if rows < FULL_SIZE:
        print(f"    ({number(rows)} rows: start-up costs weigh more than at {number(FULL_SIZE)}, where the targets apply)")
    return failures


def main(argv: list[str] | None = None) -> int:
    """Command line: the benchmarks, or one case (internal, for the child processes)."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help=f"{number(QUICK_SIZE)} rows, for a smoke run")
    parser.add_argument("--size", type=int, help="rows in the roster (default: 7.000.000, quick: 50.000)")
    parser.add_argument("--case", choices=sorted(CASES), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.case:
        print(json.dumps(CASES[args.case](args.size)))
        return 0
    quick = args.quick or os.environ.get("JAMSOS_BENCH_QUICK", "") not in ("", "0")
    return 1 if report(quick=quick, size=args.size) else 0


if __name__ == "__main__":
    sys.exit(main())
