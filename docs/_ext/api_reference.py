"""Sphinx extension: the API reference, one page per public module, each object documented once.

``.. api-module:: jamsos_pemilu.law.parameters`` documents a module with autodoc,
except the names a documented parent package re-exports (``jamsos_pemilu.law``
exports ``RuleSnapshot``): those are documented once, on the package's page,
where users import them from, and the module page links to them.

``.. public-api::`` lists ``jamsos_pemilu.__all__`` (the curated public API) as
tables, one per module that documents the names, in the order of ``__all__``.
A public name that no API page documents is a build warning.

The documented modules are the ``api-module`` directives in ``docs/api/*.rst``.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import re
from pathlib import Path
from types import ModuleType

from docutils import nodes
from docutils.statemachine import StringList
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

LOGGER = logging.getLogger(__name__)
ROOT = "jamsos_pemilu"
_API_MODULE = re.compile(r"^\.\. api-module:: (\S+)\s*$", re.MULTILINE)


@functools.cache
def documented_modules(srcdir: str) -> tuple[str, ...]:
    """The modules the API pages document, in page order."""
    found: list[str] = []
    for page in sorted((Path(srcdir) / "api").glob("*.rst")):
        found += _API_MODULE.findall(page.read_text(encoding="utf-8"))
    return tuple(found)


def _public(module: ModuleType) -> tuple[str, ...]:
    return tuple(getattr(module, "__all__", ()))


def _exports(module_name: str, name: str, value: object) -> bool:
    module = importlib.import_module(module_name)
    return name in _public(module) and getattr(module, name, None) is value


def home(srcdir: str, module_name: str, name: str) -> str:
    """The documented module whose page documents ``module_name.name``: its outermost documented exporter."""
    value = getattr(importlib.import_module(module_name), name)
    for package in _parents(module_name):
        if package in documented_modules(srcdir) and _exports(package, name, value):
            return package
    return module_name


def _parents(module_name: str) -> list[str]:
    parts = module_name.split(".")
    return [".".join(parts[:depth]) for depth in range(2, len(parts))]


def _summary(value: object) -> str:
    doc = inspect.getdoc(value) or ""
    return doc.strip().splitlines()[0] if doc.strip() else ""


def _parse(directive: SphinxDirective, lines: list[str]) -> list[nodes.Node]:
    source = f"<{directive.name} in {directive.env.docname}>"
    container = nodes.section()
    container.document = directive.state.document
    directive.state.nested_parse(StringList(lines, source=source), 0, container, match_titles=False)
    return list(container.children)


class ApiModule(SphinxDirective):
    """Document one module; names documented on a parent package's page are linked, not repeated."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        """Emit the ``automodule`` directive and the links to names documented with the package."""
        name = self.arguments[0]
        module = importlib.import_module(name)
        for parent in _parents(name):  # re-read this page when a parent package's exports change
            self.env.note_dependency(importlib.import_module(parent).__file__ or "")
        elsewhere: dict[str, list[str]] = {}
        for member in _public(module):
            where = home(self.env.srcdir, name, member)
            if where != name:
                elsewhere.setdefault(where, []).append(member)
        lines = [f".. automodule:: {name}", "   :members:"]
        excluded = sorted(member for members in elsewhere.values() for member in members)
        if excluded:
            lines.append(f"   :exclude-members: {', '.join(excluded)}")
        for package, members in elsewhere.items():
            links = ", ".join(f":py:obj:`~{package}.{member}`" for member in members)
            lines += [
                "",
                f".. rubric:: Documented with :mod:`{package}`",
                "",
                f"Also defined here, and documented where :mod:`{package}` exports them: {links}.",
            ]
        return _parse(self, lines)


class PublicApi(SphinxDirective):
    """Tables of ``jamsos_pemilu.__all__``, grouped by the module page that documents each name."""

    def run(self) -> list[nodes.Node]:
        """Emit one ``autosummary`` table per documenting module, in the order of ``__all__``."""
        package = importlib.import_module(ROOT)
        modules = documented_modules(self.env.srcdir)
        for module in (ROOT, *modules):  # re-read this page when the exports change
            self.env.note_dependency(importlib.import_module(module).__file__ or "")
        groups: dict[str, list[str]] = {}
        for name in _public(package):
            if name == "__version__":
                continue
            value = getattr(package, name)
            exporters = [module for module in modules if _exports(module, name, value)]
            if not exporters:
                LOGGER.warning(
                    "public name %s.%s is not documented by any page under docs/api/",
                    ROOT,
                    name,
                    location=(self.env.docname, self.lineno),
                )
                continue
            where = home(self.env.srcdir, min(exporters, key=lambda module: module.count(".")), name)
            groups.setdefault(where, []).append(name)
        # Each table is set in its module, so that references in the summaries resolve as they do
        # on the module's page; the page's current module is restored after the tables.
        current = self.env.ref_context.get("py:module") or "None"
        lines: list[str] = []
        for module_name, names in groups.items():
            summary = _summary(importlib.import_module(module_name)).rstrip(".")
            lines += [
                f".. py:currentmodule:: {module_name}",
                "",
                f".. rubric:: :mod:`{module_name}` — {summary}" if summary else f".. rubric:: :mod:`{module_name}`",
                "",
                ".. autosummary::",
                "   :nosignatures:",
                "",
                *(f"   {name}" for name in names),
                "",
            ]
        lines += [f".. py:currentmodule:: {current}", ""]
        return _parse(self, lines)


_LONGEST_VALUE = 80
_CLOSING = {"(": ")", "[": "]", "{": "}"}


def shorten_value(value: str) -> str:
    """A constant's value as its entry shows it: a long table is cut at an item and ends with an ellipsis."""
    if len(value) <= _LONGEST_VALUE:
        return value
    cut = value.rfind(", ", 0, _LONGEST_VALUE - 10)
    if value[0] in _CLOSING and cut > 0:
        return f"{value[:cut]}, …{_CLOSING[value[0]]}"
    return f"{value[: _LONGEST_VALUE - 10]} …"


def _shorten_values(app: Sphinx, doctree: nodes.document) -> None:
    """Shorten the ``= value`` of long constants (a table of hundreds of codes) in their entries."""
    for description in doctree.findall(addnodes.desc):
        if description.get("objtype") not in {"data", "attribute"}:
            continue
        for annotation in description.findall(addnodes.desc_annotation):
            for text in list(annotation.findall(nodes.Text)):
                if len(text) > _LONGEST_VALUE:
                    text.parent.replace(text, nodes.Text(shorten_value(str(text))))


def setup(app: Sphinx) -> dict[str, object]:
    """Register the directives and the value shortener."""
    app.setup_extension("sphinx.ext.autodoc")
    app.setup_extension("sphinx.ext.autosummary")
    app.add_directive("api-module", ApiModule)
    app.add_directive("public-api", PublicApi)
    app.connect("doctree-read", _shorten_values)
    return {"version": "1", "parallel_read_safe": True}
