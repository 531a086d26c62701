"""Sphinx configuration for jamsos_pemilu (builds offline; warnings are errors in CI)."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE / "_ext"))

from jamsos_pemilu import __version__  # noqa: E402

project = "jamsos_pemilu"
author = "jamsos_pemilu developers"
copyright = "2026, jamsos_pemilu developers"
version = release = __version__

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx.ext.viewcode",
    "rulebook_pages",
]
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
nitpicky = False
intersphinx_mapping: dict[str, tuple[str, str | None]] = {}
exclude_patterns = ["_build"]
html_theme = "furo"
html_title = f"jamsos_pemilu {release}"
language = "en"
suppress_warnings = ["ref.python"]
