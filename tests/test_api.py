"""Tests of the public API: curated names, lazy imports, and a light core import."""

from __future__ import annotations

import subprocess
import sys

import jamsos_pemilu


def test_all_is_unique_and_resolves() -> None:
    """__all__ lists each name once (ruff keeps it sorted) and every name in it can be imported."""
    names = jamsos_pemilu.__all__
    assert len(set(names)) == len(names)
    for name in names:
        assert getattr(jamsos_pemilu, name) is not None


def test_unknown_attribute_raises_attribute_error() -> None:
    """A name that is not public raises AttributeError."""
    try:
        jamsos_pemilu.no_such_name  # noqa: B018
    except AttributeError as error:
        assert "no_such_name" in str(error)
    else:  # pragma: no cover
        raise AssertionError("expected AttributeError")


def test_core_import_loads_no_dataframe_or_plotting_library() -> None:
    """`import jamsos_pemilu` and a calculation load neither numpy, pandas, pyarrow, dask nor matplotlib."""
    code = (
        "import sys, jamsos_pemilu as j;"
        "j.monthly_premium(j.Rupiah(1_000_000), j.Month(2024, 2));"
        "print(sorted(m for m in ('numpy','pandas','pyarrow','dask','matplotlib','hypothesis') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_version_is_exposed() -> None:
    """The package exposes its version for receipts."""
    assert jamsos_pemilu.__version__.count(".") == 2
