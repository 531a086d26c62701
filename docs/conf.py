"""Sphinx configuration for jamsos_pemilu (builds offline; warnings are errors in CI).

Every cross-reference must resolve (``nitpicky``). References to other projects
resolve through the explicit table in ``_ext/references.py`` (no intersphinx:
the build never goes online).
"""

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
    "sphinx.ext.autosummary",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx.ext.viewcode",
    "matplotlib.sphinxext.plot_directive",
    "api_reference",
    "references",
    "rulebook_pages",
    "cli_reference",
]
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
autosummary_generate = False
napoleon_google_docstring = True
napoleon_numpy_docstring = False
nitpicky = True
exclude_patterns = ["_build"]
html_theme = "furo"
html_title = f"jamsos_pemilu {release}"
language = "en"

# Charts are drawn by matplotlib's plot directive while the docs build: the code under each
# ``.. plot::`` runs (an exception fails the build) and the picture goes on the page.
plot_include_source = True
plot_html_show_source_link = False
plot_html_show_formats = False
plot_formats = [("png", 144)]
plot_pre_code = "import matplotlib\nmatplotlib.use('Agg')\nimport matplotlib.pyplot as plt\n"
plot_rcparams = {"figure.figsize": (7.0, 3.6), "figure.autolayout": True}
# Chart code reads its data files by paths from the project root, as the doctests do.
plot_working_directory = str(HERE.parent)
html_static_path = ["_static"]
html_css_files = ["api.css"]
