"""The package as published: licence, metadata, declared dependencies and what the sdist carries."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PROJECT = PYPROJECT["project"]
SOURCE = ROOT / "src" / "jamsos_pemilu"
# The module each runtime dependency is imported as.
IMPORT_NAMES = {
    "attrs": "attrs",
    "cattrs": "cattrs",
    "python-dateutil": "dateutil",
    "babel": "babel",
    "typing-extensions": "typing_extensions",
    "python-stdnum": "stdnum",
}


def test_the_licence_file_is_the_apache_licence_named_in_the_metadata() -> None:
    """LICENSE holds the Apache License 2.0 text and pyproject ships it as a licence file."""
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "Apache License" in text and "Version 2.0, January 2004" in text
    assert "END OF TERMS AND CONDITIONS" in text
    assert PROJECT["license"] == "Apache-2.0"
    assert PROJECT["license-files"] == ["LICENSE"]


def test_no_placeholder_url_is_published() -> None:
    """Only URLs that exist are listed: none yet, and never an example.invalid placeholder."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert "example." not in text
    for url in PROJECT.get("urls", {}).values():
        assert not re.search(r"example\.(invalid|com|org)|localhost", url)


def test_classifiers_name_every_supported_python() -> None:
    """Python 3.11, 3.12 and 3.13, a status, an audience and a topic are declared."""
    classifiers = PROJECT["classifiers"]
    for version in ("3.11", "3.12", "3.13"):
        assert f"Programming Language :: Python :: {version}" in classifiers
    for kind in ("Development Status ::", "Intended Audience ::", "Topic ::"):
        assert any(c.startswith(kind) for c in classifiers), kind


def test_every_runtime_dependency_has_a_tested_minimum() -> None:
    """Each runtime dependency is declared with '>=' so `make test-min` can pin and test it."""
    spec = importlib.util.spec_from_file_location("minimums", ROOT / ".ci" / "minimums.py")
    assert spec is not None and spec.loader is not None
    minimums = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(minimums)
    pins: list[str] = minimums.constraints(ROOT / "pyproject.toml")
    assert len(pins) == len(PROJECT["dependencies"])
    assert {pin.split("==")[0] for pin in pins} == set(IMPORT_NAMES)


@pytest.mark.parametrize(("distribution", "module"), sorted(IMPORT_NAMES.items()))
def test_every_runtime_dependency_is_used(distribution: str, module: str) -> None:
    """Each declared dependency is imported by the package (none declared and forgotten)."""
    pattern = re.compile(rf"^\s*(from|import) {module}\b", re.MULTILINE)
    users = [path for path in SOURCE.rglob("*.py") if pattern.search(path.read_text(encoding="utf-8"))]
    assert users, f"{distribution} is declared but {module} is never imported"


def test_the_sdist_carries_the_tests_their_data_the_docs_and_the_benchmarks() -> None:
    """MANIFEST.in puts tests (with data), docs, benchmarks and the licence in the source distribution."""
    manifest = (ROOT / "MANIFEST.in").read_text(encoding="utf-8").split()
    for folder in ("tests", "docs", "benchmarks"):
        assert folder in manifest
    assert "LICENSE" in manifest
    assert "docs/_build" in manifest  # pruned: build output is not source


def test_make_test_runs_the_minimum_dependency_tests() -> None:
    """`make test` ends with `make test-min`, which installs the minimums and checks them."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    test_recipe = makefile.split("\ntest:", 1)[1].split("\n\n", 1)[0]
    assert "test-min" in test_recipe
    assert "minimums.py --check" in makefile


def test_the_command_is_declared() -> None:
    """`jamsos-pemilu` is the console script, pointing at the CLI's main()."""
    assert PROJECT["scripts"] == {"jamsos-pemilu": "jamsos_pemilu.cli:main"}


def test_the_minimum_check_reports_each_dependency() -> None:
    """`.ci/minimums.py --check` prints one line per runtime dependency (here: not at the minimum is fine)."""
    result = subprocess.run(
        [sys.executable, str(ROOT / ".ci" / "minimums.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert len(result.stdout.splitlines()) == len(PROJECT["dependencies"])


def test_the_install_page_states_the_declared_minimums() -> None:
    """docs/install.rst lists every runtime dependency with the minimum pyproject.toml declares."""
    page = (ROOT / "docs" / "install.rst").read_text(encoding="utf-8")
    for requirement in PROJECT["dependencies"]:
        name, minimum = (part.strip() for part in requirement.split("#")[0].split(">="))
        assert re.search(rf"^{re.escape(name)}\s+{re.escape(minimum)}\s", page, re.MULTILINE), (name, minimum)


def test_the_install_page_explains_every_extra() -> None:
    """Each optional extra in pyproject.toml has its entry on the install page."""
    page = (ROOT / "docs" / "install.rst").read_text(encoding="utf-8")
    for extra in PYPROJECT["project"]["optional-dependencies"]:
        assert f"``{extra}``" in page, extra
