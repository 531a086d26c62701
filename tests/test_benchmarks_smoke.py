"""Smoke test for benchmarks/run.py: the quick run finishes, prints every figure and finds the batch path exact."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

RUN = Path(__file__).resolve().parent.parent / "benchmarks" / "run.py"


def test_quick_benchmark_prints_every_figure() -> None:
    """`run.py --quick` exits 0 and reports each benchmark, with both roster results exact."""
    pytest.importorskip("numpy")
    result = subprocess.run([sys.executable, str(RUN), "--quick"], capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for label in ("one-officer premium", "eligibility decision", "JKK-death assessment", "arrays → budget", "CSV → budget"):
        assert label in out
    assert "CSV     → checked → budget" in out and "PARQUET → checked → budget" in out  # benchmarks/rosters.py
    assert out.count("exact = True") == 4
