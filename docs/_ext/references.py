"""Sphinx extension: resolve cross-references offline, and read attribute docstrings as prose.

The build is offline (no intersphinx), and ``nitpicky`` reports every reference
that does not resolve. Three kinds of reference are resolved here; anything else
that does not resolve stays a warning (an error under ``-W``):

1. **External targets** (the standard library, NumPy, pandas, Arrow, attrs,
   Dask): each one the docs use is listed in :data:`EXTERNAL` with the page that
   documents it, and becomes a link to that page.
2. **Names as the module spells them.** Annotations imported only for type
   checking (``if TYPE_CHECKING:``) or written with a module alias (``dt.date``,
   ``np.int64``, ``NDArray``) reach Sphinx as the text of the annotation. They
   are qualified with the imports of the module the reference appears in, read
   from its source, and then resolved as a documented object or an external target.
3. **Type variables** (``T`` in ``def first(items: Iterable[T]) -> T``) are type
   parameters, not objects with a page: they are shown as their name, unlinked.

A class's "Bases:" line names its public bases: a private mixin has no page, so its own
public bases are shown in its place.

Napoleon reads the first line of an attribute docstring as ``type: description``
(Google style), so "Village: rural *desa* ..." would claim the attribute has type
``Village``. Our attributes are typed by annotations, so a colon on that line is
prose: it is hidden from Napoleon and restored after it.
"""

from __future__ import annotations

import ast
import functools
import importlib
import importlib.util
import inspect
from typing import TypeVar

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

_PY = "https://docs.python.org/3/library/"
_NUMPY = "https://numpy.org/doc/stable/reference/"
_PANDAS = "https://pandas.pydata.org/docs/reference/api/"
_ARROW = "https://arrow.apache.org/docs/python/generated/"

#: External targets the docs refer to, each with the page that documents it. Add a target here
#: only if it is outside this project; a name of ours that does not resolve is a bug to fix.
EXTERNAL: dict[str, str] = {
    # Python standard library
    "abc.ABC": f"{_PY}abc.html#abc.ABC",
    "collections.abc.Callable": f"{_PY}collections.abc.html#collections.abc.Callable",
    "collections.abc.Generator": f"{_PY}collections.abc.html#collections.abc.Generator",
    "collections.abc.Iterable": f"{_PY}collections.abc.html#collections.abc.Iterable",
    "collections.abc.Iterator": f"{_PY}collections.abc.html#collections.abc.Iterator",
    "collections.abc.Mapping": f"{_PY}collections.abc.html#collections.abc.Mapping",
    "collections.abc.Sequence": f"{_PY}collections.abc.html#collections.abc.Sequence",
    "datetime.date": f"{_PY}datetime.html#datetime.date",
    "datetime.datetime": f"{_PY}datetime.html#datetime.datetime",
    "datetime.timezone": f"{_PY}datetime.html#datetime.timezone",
    "decimal": f"{_PY}decimal.html",
    "decimal.Decimal": f"{_PY}decimal.html#decimal.Decimal",
    "enum.Enum": f"{_PY}enum.html#enum.Enum",
    "io.TextIOBase": f"{_PY}io.html#io.TextIOBase",
    "pathlib.Path": f"{_PY}pathlib.html#pathlib.Path",
    # NumPy (the batch extra)
    "numpy.bool_": f"{_NUMPY}arrays.scalars.html#numpy.bool",
    "numpy.datetime64": f"{_NUMPY}arrays.scalars.html#numpy.datetime64",
    "numpy.int32": f"{_NUMPY}arrays.scalars.html#numpy.int32",
    "numpy.int64": f"{_NUMPY}arrays.scalars.html#numpy.int64",
    "numpy.ndarray": f"{_NUMPY}generated/numpy.ndarray.html",
    "numpy.uint8": f"{_NUMPY}arrays.scalars.html#numpy.uint8",
    "numpy.typing.ArrayLike": f"{_NUMPY}typing.html#numpy.typing.ArrayLike",
    "numpy.typing.NDArray": f"{_NUMPY}typing.html#numpy.typing.NDArray",
    # pandas and Arrow (the dataframe extra)
    "pandas.DataFrame": f"{_PANDAS}pandas.DataFrame.html",
    "pyarrow.RecordBatch": f"{_ARROW}pyarrow.RecordBatch.html",
    "pyarrow.Table": f"{_ARROW}pyarrow.Table.html",
    # attrs
    "attrs.evolve": "https://www.attrs.org/en/stable/api.html#attrs.evolve",
}


@functools.cache
def _imports(module_name: str) -> dict[str, str]:
    """The names a module's source imports (``TYPE_CHECKING`` blocks included), as qualified names."""
    try:
        source = inspect.getsource(importlib.import_module(module_name))
    except (ImportError, OSError, TypeError):
        return {}
    names: dict[str, str] = {}
    package = importlib.import_module(module_name).__package__ or module_name
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                names[alias.asname or alias.name.split(".")[0]] = (
                    alias.name if alias.asname else alias.name.split(".")[0]
                )
        elif isinstance(node, ast.ImportFrom):
            base = importlib.util.resolve_name("." * node.level + (node.module or ""), package)
            for alias in node.names:
                names[alias.asname or alias.name] = f"{base}.{alias.name}"
    return names


def _qualify(target: str, module_name: str | None) -> str:
    """``target`` with its first part replaced by what the module imported under that name.

    A package documents the functions it re-exports with their annotations as written in the
    module that defines them, so the modules the package imports from are read too.
    """
    if not module_name:
        return target
    head, _, rest = target.partition(".")
    imports = _imports(module_name)
    imported = imports.get(head)
    if imported is None:
        sources = {name.rpartition(".")[0] for name in imports.values() if name.startswith(f"{module_name}.")}
        found = {_imports(source).get(head) for source in sources} - {None}
        found |= {  # or defined there
            f"{source}.{head}"
            for source in sources
            if head not in _imports(source) and _lookup(f"{source}.{head}") is not None
        }
        if len(found) != 1:
            return target
        imported = found.pop()
    assert imported is not None
    return f"{imported}.{rest}" if rest else imported


@functools.cache
def _documented_as(env_id: int, domain_objects: frozenset[str]) -> dict[int, str]:
    """Documented objects by identity: an object re-exported under another name is found where it is documented."""
    found: dict[int, str] = {}
    for fullname in sorted(domain_objects, key=len):
        value = _lookup(fullname)
        if value is not None and not isinstance(value, (str, int, float, bool, tuple, frozenset)):
            found.setdefault(id(value), fullname)
    return found


def _lookup(qualified: str) -> object:
    module_name, _, attribute = qualified.rpartition(".")
    try:
        return getattr(importlib.import_module(module_name), attribute)
    except (ImportError, AttributeError, ValueError):
        return None


def _renamed(node: nodes.Node, old: str, new: str) -> nodes.Node:
    if isinstance(node, nodes.Text):
        return nodes.Text(str(node).replace(old, new))
    copy = node.deepcopy()
    for text in list(copy.findall(nodes.Text)):
        if text.parent is not None:
            text.parent.replace(text, nodes.Text(str(text).replace(old, new)))
    return copy


def _missing_reference(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.TextElement
) -> nodes.Element | None:
    if node.get("refdomain") != "py":
        return None
    target = node["reftarget"]
    domain = env.domains["py"]
    qualified = _qualify(target, node.get("py:module"))
    if qualified != target and contnode.astext() == target:
        # Show the name a reader can import (``datetime.date``), not the module's alias (``dt.date``).
        contnode = _renamed(contnode, target, qualified)
    for candidate in (target, qualified):
        if candidate in EXTERNAL:
            reference = nodes.reference("", "", internal=False, refuri=EXTERNAL[candidate], reftitle=candidate)
            reference += contnode
            return reference
    if qualified != target:
        for role in (node["reftype"], "obj"):
            resolved = domain.resolve_xref(env, node["refdoc"], app.builder, role, qualified, node, contnode)
            if resolved is not None:
                return resolved
    module_name = node.get("py:module")
    for candidate in dict.fromkeys((qualified, f"{module_name}.{target}" if module_name else qualified)):
        value = _lookup(candidate)
        if isinstance(value, TypeVar):
            return contnode
        if value is None:
            continue
        documented = {
            name for name, entry in domain.objects.items() if entry.objtype in _TOP_LEVEL and not entry.aliased
        }
        fullname = _documented_as(id(env), frozenset(documented)).get(id(value))
        if fullname is not None:
            return domain.resolve_xref(env, node["refdoc"], app.builder, "obj", fullname, node, contnode)
    return None


_TOP_LEVEL = frozenset({"class", "exception", "function", "data"})


def _public_bases(bases: list[type]) -> list[type]:
    public: list[type] = []
    for base in bases:
        for shown in _public_bases(list(base.__bases__)) if base.__name__.startswith("_") else [base]:
            if shown not in public:
                public.append(shown)
    return public


def _hide_private_bases(app: Sphinx, name: str, obj: object, options: object, bases: list[type]) -> None:
    """A private base (a mixin such as ``_MaskedRepr``) has no page: "Bases:" shows its public bases instead."""
    bases[:] = _public_bases(bases) or [object]


_COLON = "\x00colon\x00"


def _hide_attribute_colon(app: Sphinx, what: str, name: str, obj: object, options: object, lines: list[str]) -> None:
    if what in {"attribute", "data", "property"}:
        for index, line in enumerate(lines):
            if line.strip():
                lines[index] = line.replace(":", _COLON)
                break


def _restore_attribute_colon(app: Sphinx, what: str, name: str, obj: object, options: object, lines: list[str]) -> None:
    for index, line in enumerate(lines):
        if _COLON in line:
            lines[index] = line.replace(_COLON, ":")


def setup(app: Sphinx) -> dict[str, object]:
    """Register the resolver and the attribute-docstring guard (around Napoleon's priority 500)."""
    app.setup_extension("sphinx.ext.autodoc")
    app.connect("missing-reference", _missing_reference)
    app.connect("autodoc-process-bases", _hide_private_bases)
    app.connect("autodoc-process-docstring", _hide_attribute_colon, priority=400)
    app.connect("autodoc-process-docstring", _restore_attribute_colon, priority=600)
    return {"version": "1", "parallel_read_safe": True}
