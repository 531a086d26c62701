"""Benchmarks: one-officer calculators, and a national roster's monthly budget from arrays and from CSV.

Run ``make bench`` (or ``python benchmarks/run.py``); ``--quick`` uses small sizes (a smoke test).
The two roster benchmarks run in child processes so that each one's peak memory
(the process's peak resident set size) is its own. Figures are printed, not asserted;
the results of the roster benchmarks are checked to the rupiah against the
one-officer calculator, and a mismatch makes the run fail.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DATA = HERE / "_data"
FULL = {"premium": 200_000, "eligibility": 20_000, "jkk_death": 100_000, "memory": 7_000_000, "csv": 7_000_000}
QUICK = {"premium": 2_000, "eligibility": 300, "jkk_death": 1_000, "memory": 70_000, "csv": 20_000}


def number(value: float) -> str:
    """A whole number with Indonesian thousands dots."""
    return f"{round(value):,}".replace(",", ".")


def rss_mb() -> float:
    """The current resident set size in MB (Linux /proc; 0 elsewhere)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0.0
    return pages * resource.getpagesize() / 2**20


def peak_rss_mb() -> float:
    """The process's peak resident set size in MB (ru_maxrss is in KB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rate(calls: int, action: Callable[[int], object]) -> float:
    """Calls per second of ``action(i)`` over ``calls`` calls (after 100 warm-up calls)."""
    for index in range(100):
        action(index)
    start = time.perf_counter()
    for index in range(calls):
        action(index)
    return calls / (time.perf_counter() - start)


# --------------------------------------------------------------------------- one-officer calculators


def bench_premium(calls: int) -> str:
    from jamsos_pemilu import Month, Rupiah
    from jamsos_pemilu.premiums import monthly_premium

    wages = [Rupiah(700_000 + 10_000 * i) for i in range(200)]
    month = Month(2024, 2)
    per_second = rate(calls, lambda i: monthly_premium(wages[i % 200], month=month))
    return f"one-officer premium            {number(per_second):>12} /s    (target ≥ 100.000/s)"


def bench_eligibility(calls: int) -> str:
    try:
        from jamsos_pemilu.eligibility import check_coverage
    except ImportError:
        return "eligibility decision           not available (jamsos_pemilu.eligibility.check_coverage missing)"
    from jamsos_pemilu.officers import Officer
    from jamsos_pemilu.periods import Period
    from jamsos_pemilu.serialization import shipped_agreement

    agreement = shipped_agreement("kota-cilegon-pemilu-2024")
    officer = Officer(
        nik="3672041211870001",
        name="Siti",
        role="kpps",
        position="anggota",
        election="pemilu_2024",
        appointment=Period.parse("2024-01-25/2024-02-25"),
        bpjs_registered_on=dt.date(2024, 1, 25),
    )
    days = [dt.date(2024, 1, 25) + dt.timedelta(days=i % 30) for i in range(30)]
    per_second = rate(calls, lambda i: check_coverage(officer, agreement, on=days[i % 30]))
    return f"eligibility decision           {number(per_second):>12} /s    (target ≥ 100.000/s)"


def bench_jkk_death(calls: int) -> str:
    from jamsos_pemilu import Rupiah
    from jamsos_pemilu.benefits import jkk_death

    wages = [Rupiah(700_000 + 10_000 * i) for i in range(200)]
    day = dt.date(2024, 2, 14)
    per_second = rate(calls, lambda i: jkk_death(wages[i % 200], on=day))
    return f"JKK-death assessment           {number(per_second):>12} /s    (target ≥ 20.000/s)"


# --------------------------------------------------------------------------- roster benchmarks (child processes)


def bench_import() -> str:
    """Seconds for `import jamsos_pemilu` in a fresh interpreter (best of five)."""
    import subprocess

    code = "import time; t = time.perf_counter(); import jamsos_pemilu; print(time.perf_counter() - t)"
    runs = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
        for _ in range(5)
    ]
    return f"import jamsos_pemilu           {min(runs):>12.3f} s     (target < 0,3 s)"


def case_memory(size: int) -> dict[str, Any]:
    """The mixed national roster (80 % PU, 20 % BPU) from arrays to the per-role budget with its receipt.

    Timed as the median of 15 runs after a warm-up, both wall clock and CPU time of this process
    (the CPU time is what one core spends; the wall clock also counts time other processes took
    from the core). Checked to the rupiah against the one-officer calculator.
    """
    import statistics

    import national

    from jamsos_pemilu.batch import monthly_budget

    baseline = rss_mb()
    roles, bases, schemes = national.mixed_arrays(size)
    inputs = rss_mb()

    def price() -> Any:
        return monthly_budget(roles, bases, month=national.MONTH, schemes=schemes)

    price()  # warm-up: rule snapshot, month plans, page faults
    walls, cpus = [], []
    for _ in range(15):
        wall, cpu = time.perf_counter(), time.process_time()
        budget = price()
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
    tracemalloc.start()
    price()
    extra = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    expected = national.scalar_mixed_budget(roles, bases, schemes)
    got = {row.label: (row.headcount, row.jkk.amount, row.jkm.amount) for row in budget.rows}
    return {
        "size": size,
        "seconds": statistics.median(walls),
        "cpu_seconds": statistics.median(cpus),
        "best_seconds": min(walls),
        "exact": got == expected,
        "receipt": len(budget.receipt.values),
        "bpu": int(schemes.sum()),
        "total": budget.total.amount,
        "baseline_mb": baseline,
        "inputs_mb": inputs - baseline,
        "extra_mb": extra,
        "peak_mb": peak_rss_mb(),
    }


def case_generate(size: int) -> dict[str, Any]:
    """Write the CSV roster (once; reused while it exists)."""
    import national

    path = DATA / f"roster_{size}.csv"
    start = time.perf_counter()
    made = not path.exists()
    if made:
        national.write_csv(path, size)
    return {"path": str(path), "seconds": time.perf_counter() - start, "made": made, "bytes": path.stat().st_size}


def case_csv(size: int) -> dict[str, Any]:
    """The CSV roster streamed to the per-role budget; RSS sampled as it goes."""
    import national

    from jamsos_pemilu.batch import roster_budget
    from jamsos_pemilu.rosters import RosterChunk, read_columns

    path = DATA / f"roster_{size}.csv"
    baseline = rss_mb()
    samples: list[tuple[int, float]] = []

    def sampled(chunks: Iterator[RosterChunk]) -> Iterator[RosterChunk]:
        rows = 0
        marks = [size // 10, size // 2, size]
        for chunk in chunks:
            rows += len(chunk)
            while marks and rows >= marks[0]:
                samples.append((marks.pop(0), rss_mb()))
            yield chunk

    start = time.perf_counter()
    budget = roster_budget(sampled(read_columns(path)), month=national.MONTH)
    seconds = time.perf_counter() - start
    expected = national.scalar_budget(size)
    got = {row.label: (row.headcount, row.jkk.amount, row.jkm.amount) for row in budget.rows}
    return {
        "size": size,
        "seconds": seconds,
        "exact": got == expected,
        "baseline_mb": baseline,
        "samples": samples,
        "peak_mb": peak_rss_mb(),
    }


CASES: dict[str, Callable[[int], dict[str, Any]]] = {"memory": case_memory, "generate": case_generate, "csv": case_csv}


def child(case: str, size: int) -> dict[str, Any]:
    """Run one roster case in a fresh interpreter and return its JSON report."""
    command = [sys.executable, str(Path(__file__).resolve()), "--case", case, "--size", str(size)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"benchmark case {case} failed:\n{result.stderr}")
    report: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke test")
    parser.add_argument("--case", choices=sorted(CASES), help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.case:
        print(json.dumps(CASES[args.case](args.size)))
        return 0
    sizes = QUICK if args.quick else FULL
    print(f"jamsos_pemilu benchmarks ({'quick' if args.quick else 'full'}), Python {sys.version.split()[0]}, one core")
    print(bench_import())
    print(bench_premium(sizes["premium"]))
    print(bench_eligibility(sizes["eligibility"]))
    print(bench_jkk_death(sizes["jkk_death"]))
    failures = 0

    memory = child("memory", sizes["memory"])
    failures += not memory["exact"]
    share = 100 * memory["bpu"] / memory["size"]
    print(
        f"mixed national roster, arrays → budget by role with receipt: {number(memory['size'])} officers "
        f"({100 - share:.0f} % PU, {share:.0f} % BPU)"
    )
    print(
        f"    {memory['seconds']:.3f} s median wall clock, {memory['cpu_seconds']:.3f} s median CPU on one core "
        f"(best {memory['best_seconds']:.3f} s; target ≤ 0,05 s median); exact = {memory['exact']}; "
        f"receipt of {memory['receipt']} rule values"
    )
    print(
        f"    memory: peak RSS {memory['peak_mb']:.0f} MB (target ≤ 300 MB; interpreter and imports "
        f"{memory['baseline_mb']:.0f} MB, input arrays {memory['inputs_mb']:.0f} MB, budget working memory "
        f"{memory['extra_mb']:.1f} MB)"
    )
    made = child("generate", sizes["csv"])
    if made["made"]:
        print(f"    wrote {made['path']} ({made['bytes'] / 2**20:.0f} MB) in {made['seconds']:.1f} s")
    csv_report = child("csv", sizes["csv"])
    failures += not csv_report["exact"]
    print(
        f"national roster, CSV → budget    {number(csv_report['size'])} rows: {csv_report['seconds']:.1f} s "
        f"({number(csv_report['size'] / csv_report['seconds'])} rows/s; target < 30 s), exact = {csv_report['exact']}"
    )
    marks = ", ".join(f"{mb:.0f} MB after {number(rows)} rows" for rows, mb in csv_report["samples"])
    print(f"    memory: peak RSS {csv_report['peak_mb']:.0f} MB (at start {csv_report['baseline_mb']:.0f} MB; {marks})")
    roster_files = subprocess.run(  # roster file → checked → budget next to pyarrow's read (benchmarks/rosters.py)
        [sys.executable, str(HERE / "rosters.py"), *(["--quick"] if args.quick else [])],
        capture_output=True, text=True, check=False,
    )
    print(roster_files.stdout.rstrip() or roster_files.stderr.rstrip())
    failures += roster_files.returncode != 0
    scale = subprocess.run(  # scale-out and whole-roster coverage (benchmarks/scaleout.py), in its own process
        [sys.executable, str(HERE / "scaleout.py"), *(["--quick"] if args.quick else [])],
        capture_output=True, text=True, check=False,
    )
    print(scale.stdout.rstrip() or scale.stderr.rstrip())
    failures += scale.returncode != 0
    if failures:
        print("FAILED: a batch result differs from the one-officer calculator")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
