"""The documentation covers the public API: every public name is in the API reference and documented."""

from __future__ import annotations

import importlib
import inspect
import re
import runpy
from pathlib import Path

import pytest

import jamsos_pemilu

# Sphinx comes with the `docs` extra; with the `test` extra alone these checks are skipped.
ModuleAnalyzer = pytest.importorskip("sphinx.pycode").ModuleAnalyzer

DOCS = Path(__file__).resolve().parent.parent / "docs"
_API_MODULE = re.compile(r"^\.\. api-module:: (\S+)\s*$", re.MULTILINE)


def _documented_modules() -> list[str]:
    """The modules the API pages (docs/api/*.rst) document with ``api-module``, one page each."""
    return [
        name
        for page in sorted((DOCS / "api").glob("*.rst"))
        for name in _API_MODULE.findall(page.read_text(encoding="utf-8"))
    ]


def _documented_names() -> dict[str, str]:
    """Each name in the ``__all__`` of a documented module, mapped to that module."""
    names: dict[str, str] = {}
    for module_name in _documented_modules():
        module = importlib.import_module(module_name)
        for name in getattr(module, "__all__", ()):
            names.setdefault(name, module_name)
    return names


def _public_names() -> list[str]:
    return [name for name in jamsos_pemilu.__all__ if name != "__version__"]


def _own_docstring(value: object) -> str | None:
    if inspect.isclass(value):
        doc = value.__dict__.get("__doc__")
        return doc if isinstance(doc, str) else None
    return inspect.getdoc(inspect.unwrap(value))  # type: ignore[arg-type]


def test_api_reference_lists_modules_that_exist() -> None:
    """Every module an API page names imports and declares its public names in ``__all__``."""
    modules = _documented_modules()
    assert modules
    missing = [m for m in modules if not hasattr(importlib.import_module(m), "__all__")]
    assert missing == []


def test_every_public_name_is_in_the_api_reference() -> None:
    """Each name of ``jamsos_pemilu.__all__`` is in the ``__all__`` of a module an API page documents."""
    documented = _documented_names()
    missing = [name for name in _public_names() if name not in documented]
    assert missing == [], f"public names missing from docs/api/: {missing}"


def test_version_is_documented_in_the_api_reference() -> None:
    """``jamsos_pemilu.__version__`` is described in api.rst."""
    assert "jamsos_pemilu.__version__" in (DOCS / "api.rst").read_text(encoding="utf-8")


def test_every_public_class_and_function_has_a_docstring() -> None:
    """Each public class and function has its own docstring (not one inherited from a base)."""
    lacking = []
    for name in _public_names():
        value = getattr(jamsos_pemilu, name)
        if inspect.isclass(value) or callable(value):
            doc = _own_docstring(value)
            if not doc or not doc.strip():
                lacking.append(name)
    assert lacking == [], f"public names without a docstring: {lacking}"


def test_every_public_alias_has_an_attribute_docstring() -> None:
    """Each public name that is neither class nor function (a type alias) has a docstring below it."""
    documented = _documented_names()
    lacking = []
    for name in _public_names():
        value = getattr(jamsos_pemilu, name)
        if inspect.isclass(value) or callable(value):
            continue
        module = documented[name]
        attribute_docs = ModuleAnalyzer.for_module(module).find_attr_docs()
        if not any(line.strip() for line in attribute_docs.get(("", name), [])):
            lacking.append(name)
    assert lacking == [], f"public aliases without a docstring: {lacking}"


def test_every_page_is_in_a_toctree() -> None:
    """Every hand-written page under docs/ is listed in some toctree (Sphinx would warn otherwise)."""
    pages = {
        path.relative_to(DOCS).with_suffix("").as_posix()
        for path in DOCS.rglob("*.rst")
        if "_build" not in path.parts and "generated" not in path.parts
    }
    listed: set[str] = set()
    for path in DOCS.rglob("*.rst"):
        if "_build" in path.parts:
            continue
        folder = path.parent.relative_to(DOCS).as_posix()
        for block in re.findall(r"\.\. toctree::\n((?:[ \t]+.*\n|\n)+)", path.read_text(encoding="utf-8")):
            for line in block.splitlines():
                entry = line.strip()
                entry = entry[entry.index("<") + 1 : -1] if entry.endswith(">") else entry  # "title <page>"
                if entry and not entry.startswith(":"):
                    listed.add(entry if folder == "." else f"{folder}/{entry}")
    assert pages - listed - {"index"} == set()


def test_sphinx_reports_every_broken_reference_and_builds_offline() -> None:
    """Sphinx hides no broken reference (nitpicky on, none suppressed or ignored) and never goes online."""
    conf = runpy.run_path(str(DOCS / "conf.py"))
    assert conf["nitpicky"] is True
    assert not [w for w in conf.get("suppress_warnings", []) if w.startswith("ref")]
    assert not conf.get("nitpick_ignore") and not conf.get("nitpick_ignore_regex")
    assert "sphinx.ext.intersphinx" not in conf["extensions"] and not conf.get("intersphinx_mapping")
