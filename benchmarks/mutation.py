"""Mutation testing of the calculators: run mutmut one module at a time and print the score per module.

Run ``make mutation`` (or ``python benchmarks/mutation.py [--module premiums] [--budget 900]``). mutmut
(the ``mutation`` extra; configured under ``[tool.mutmut]`` in pyproject.toml) copies ``src/`` to
``mutants/``, changes one operator, constant or call at a time, and runs the tests in ``tests/`` that
reach the changed function. A mutant the tests notice is *killed*; one they do not notice *survived*,
which means a legal rule could change without a test failing. Mutants listed in
``benchmarks/mutation-equivalents.txt`` (with the reason they cannot change behaviour) are left out of
the score.

Each module gets ``--budget`` seconds; mutmut keeps its results in ``mutants/``, so a run that ran out
of time goes on where it stopped when started again. mutmut keeps a mutant's verdict until the
function it mutates changes, so after adding tests run ``--recheck-survivors``: the survivors are
run again against the new tests. The score is killed / (checked - equivalent); a module not
finished within its budget says how many mutants were checked.

mutmut runs each mutant's tests in a process forked from one that has imported the tests; the
scale-out test (Dask's and Spark's thread pools) is left out in ``pyproject.toml`` because a pool
inherited across ``fork`` deadlocks, and a deadlock would be counted as a kill.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULES = ("premiums", "eligibility", "benefits", "claims", "batch", "budgets")
"""The calculators, in the modules they live in (``eligibility`` is a package)."""
EQUIVALENTS = Path(__file__).resolve().parent / "mutation-equivalents.txt"
STATUS = {1: "killed", 3: "killed", 0: "survived", 5: "no tests", 33: "no tests", 34: "skipped", 36: "timeout",
          37: "caught by type check", -24: "timeout", 24: "timeout", 152: "timeout", 255: "timeout", None: "not checked"}


def equivalents() -> dict[str, str]:
    """Mutant name -> the reason it cannot change behaviour, from the checked-in list."""
    found: dict[str, str] = {}
    if EQUIVALENTS.exists():
        for line in EQUIVALENTS.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                name, _, reason = line.partition(" ")
                found[name] = reason.strip()
    return found


def results(module: str) -> dict[str, str]:
    """Mutant name -> status, for every mutant of ``module`` that mutmut generated."""
    base = ROOT / "mutants" / "src" / "jamsos_pemilu"
    files = [base / f"{module}.py.meta", *sorted((base / module).glob("*.py.meta"))]
    statuses: dict[str, str] = {}
    for meta in files:
        if meta.exists():
            codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
            statuses.update({name: STATUS.get(code, "suspicious") for name, code in codes.items()})
    return statuses


def run(module: str, budget: float, children: int, names: list[str] | None = None) -> str:
    """Run mutmut on one module's mutants for at most ``budget`` seconds: ``""``, ``"budget spent"`` or ``"mutmut failed"``.

    With ``names``, only those mutants are run, again even if they have a result (mutmut re-runs a
    mutant named explicitly): the way to re-check survivors after adding tests.
    """
    command = [str(Path(sys.executable).with_name("mutmut")), "run", "--max-children", str(children),
               *(names or [f"jamsos_pemilu.{module}.*"])]
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))  # the tests' child processes import this tree
    (ROOT / "mutants").mkdir(exist_ok=True)
    log = (ROOT / "mutants" / f"{module}.log").open("w")
    process = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    try:
        process.wait(timeout=budget)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGINT)  # mutmut saves what it has on an interrupt
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        return "budget spent"
    finally:
        log.close()
    return "" if process.returncode == 0 else f"mutmut failed: see mutants/{module}.log"


def score_line(module: str, outcome: str, elapsed: float, known: dict[str, str]) -> tuple[str, list[str]]:
    statuses = results(module)
    counts = Counter(statuses.values())
    equivalent = [name for name, status in statuses.items() if status == "survived" and name in known]
    checked = sum(n for status, n in counts.items() if status not in ("not checked", "skipped"))
    killed = counts["killed"] + counts["timeout"] + counts["caught by type check"]
    scored = checked - len(equivalent)
    score = f"{100 * killed / scored:5.1f} %" if scored else "    -"
    survivors = sorted(name for name, status in statuses.items() if status in ("survived", "no tests") and name not in known)
    line = (
        f"{module:<12} {len(statuses):>7} {checked:>8} {killed:>7} {counts['survived'] - len(equivalent):>9} "
        f"{counts['no tests']:>8} {len(equivalent):>11} {score:>8} {elapsed:>6.0f}s {outcome}"
    )
    return line, survivors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="mutation score per calculator module")
    parser.add_argument("--module", action="append", choices=MODULES, help="only this module (repeatable)")
    parser.add_argument("--budget", type=float, default=1_800.0, help="seconds per module (default 1800)")
    parser.add_argument("--max-children", type=int, default=max(1, (os.cpu_count() or 2) - 1))
    parser.add_argument("--report-only", action="store_true", help="print the scores of earlier runs, run nothing")
    parser.add_argument(
        "--recheck-survivors", action="store_true",
        help="after the run, run each module's surviving mutants again (after new tests were added)",
    )
    args = parser.parse_args(argv)
    known = equivalents()
    head = f"{'module':<12} {'mutants':>7} {'checked':>8} {'killed':>7} {'survived':>9} {'no tests':>8} {'equivalent':>11} {'score':>8} {'time':>7}"
    lines = []
    all_survivors: list[str] = []
    for module in args.module or MODULES:
        began = time.monotonic()
        outcome = "" if args.report_only else run(module, args.budget, args.max_children)
        if args.recheck_survivors and not args.report_only:
            _, survivors = score_line(module, outcome, 0.0, known)
            if survivors:
                left = args.budget - (time.monotonic() - began)
                outcome = run(module, max(left, 60.0), args.max_children, survivors) or outcome
        line, survivors = score_line(module, outcome, time.monotonic() - began, known)
        print(line, flush=True)
        lines.append(line)
        all_survivors += survivors
    print()
    print(head)
    print("-" * len(head))
    print("\n".join(lines))
    survivors_file = ROOT / "mutants" / "survivors.txt"
    survivors_file.parent.mkdir(exist_ok=True)
    survivors_file.write_text("\n".join(all_survivors) + "\n", encoding="utf-8")
    print(f"\n{len(all_survivors)} surviving mutants listed in {survivors_file.relative_to(ROOT)}; see one with `mutmut show NAME`")
    return 0


if __name__ == "__main__":
    sys.exit(main())
