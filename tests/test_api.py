"""Tests of the public API: one exports table, one calculator convention, exported return types, no import cycles.

These tests read the package itself (signatures, annotations, the AST of every
module), so a new public function, a renamed argument or a new import is held
to the conventions of 0.2 as soon as it is written.
"""

from __future__ import annotations

import ast
import builtins
import datetime as dt
import importlib
import inspect
import json
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import jamsos_pemilu
from jamsos_pemilu.explain import Result

PACKAGE = Path(jamsos_pemilu.__file__).parent
INIT = PACKAGE / "__init__.py"

OLD_NAMES = frozenset({"accident_date", "death_date", "event_date", "day", "book"})
"""Argument names 0.1 used for the date or the rule book; 0.2 says ``on``/``month`` and ``rule_book``."""

SPANNING = {
    "period_premium": "a premium schedule over a period reads each month's law",
    "agreement_budget": "an agreement's budget covers every month of its terms",
    "read_columns": "a blank wage is the honorarium in force when each row's term starts",
    "read_officers": "a blank wage is the honorarium in force when each row's term starts",
    "cohort_budget": "a cohort's budget covers every month of its coverage period",
    "national_picture": "the national picture prices several months and the death benefits on another date",
}
"""Calculators whose law spans dates, so they take ``rule_book`` instead of one date's ``rules`` (and why)."""

NOT_CALCULATORS = {
    "rules_on": "builds the snapshot a calculator takes",
}
"""Exported functions that take a rule book or snapshot without being calculators."""


def _public_callables() -> Iterator[tuple[str, Callable[..., object]]]:
    for name in jamsos_pemilu.__all__:
        try:
            value = getattr(jamsos_pemilu, name)
        except Exception:  # a broken module is reported by test_each_export_lives_in_its_module
            continue
        if callable(value) and not isinstance(value, type):
            yield name, value


def _annotation(parameter: inspect.Parameter) -> str:
    text = (
        parameter.annotation
        if isinstance(parameter.annotation, str)
        else inspect.formatannotation(parameter.annotation)
    )
    return text.replace("datetime.", "").replace("dt.", "").replace(" ", "")


def _calculators() -> list[tuple[str, inspect.Signature]]:
    found = []
    for name, function in _public_callables():
        signature = inspect.signature(function)
        if name not in NOT_CALCULATORS and ({"rules", "rule_book"} & set(signature.parameters)):
            found.append((name, signature))
    return found


# --------------------------------------------------------------------------- the calculator convention


def test_there_are_calculators_to_check() -> None:
    """The convention test sees the benefit, premium and coverage calculators (it is not vacuous)."""
    names = {name for name, _ in _calculators()}
    assert {"jkk_death", "jkm_death", "santunan", "jkk_claim_deadline", "check_coverage", "monthly_premium"} <= names


@pytest.mark.parametrize(("name", "signature"), _calculators(), ids=[name for name, _ in _calculators()])
def test_calculator_follows_the_convention(name: str, signature: inspect.Signature) -> None:
    """Subjects first and positional; ``on``/``month`` keyword-only; ``rules: RuleSnapshot | None = None`` keyword-only.

    A calculator whose law spans dates takes keyword-only ``rule_book: RuleBook | None = None``
    instead, and is listed in ``SPANNING`` with the reason.
    """
    parameters = signature.parameters
    problems: list[str] = []
    for parameter in parameters.values():
        if parameter.kind in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD):
            problems.append(f"{parameter.name}: no *args/**kwargs in a calculator")
        if (
            parameter.name in {"on", "month", "rules", "rule_book"}
            and parameter.kind is not inspect.Parameter.KEYWORD_ONLY
        ):
            problems.append(f"{parameter.name}: must be keyword-only")
    if "rules" in parameters and "rule_book" in parameters:
        problems.append("takes both rules and rule_book")
    if "rules" in parameters:
        rules = parameters["rules"]
        if _annotation(rules) != "RuleSnapshot|None" or rules.default is not None:
            problems.append(f"rules: must be 'RuleSnapshot | None = None', is {rules.annotation!r} = {rules.default!r}")
        if not ({"on", "month"} & set(parameters)):
            problems.append("a calculator with rules says which date's law applies: keyword-only on= or month=")
        if "on" in parameters and _annotation(parameters["on"]) != "date":
            problems.append(f"on: must be a datetime.date, is {parameters['on'].annotation!r}")
        if "month" in parameters and _annotation(parameters["month"]) not in {"Month"}:
            problems.append(f"month: must be a Month, is {parameters['month'].annotation!r}")
    if "rule_book" in parameters:
        rule_book = parameters["rule_book"]
        if _annotation(rule_book) != "RuleBook|None" or rule_book.default is not None:
            problems.append(f"rule_book: must be 'RuleBook | None = None', is {rule_book.annotation!r}")
        if name not in SPANNING:
            problems.append(
                "takes rule_book but its law does not span dates (not in SPANNING): take rules= and on=/month="
            )
    assert problems == [], f"{name}{signature}"


@pytest.mark.parametrize(("name", "function"), list(_public_callables()), ids=[n for n, _ in _public_callables()])
def test_no_public_function_uses_the_old_argument_names(name: str, function: Callable[..., object]) -> None:
    """No exported function says ``accident_date``, ``death_date``, ``event_date``, ``day`` or ``book``.

    A parameter typed as a rule book is called ``rule_book``; one called ``rules`` is a snapshot.
    """
    parameters = inspect.signature(function).parameters
    assert OLD_NAMES.isdisjoint(parameters), f"{name}: {sorted(OLD_NAMES & set(parameters))}"
    for parameter in parameters.values():
        annotation = _annotation(parameter)
        if "RuleBook" in annotation:
            assert parameter.name == "rule_book", (
                f"{name}: a RuleBook argument is called rule_book, not {parameter.name}"
            )
        if parameter.name == "rules":
            assert "RuleBook" not in annotation, f"{name}: rules is a RuleSnapshot"


# --------------------------------------------------------------------------- exported return types

_NOT_TYPES = frozenset({"None", "Any", "T", "R", "object"})


def _names_in(annotation: str) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(annotation, mode="eval")):
        if isinstance(node, ast.Attribute):
            found.discard(node.attr)
        if isinstance(node, ast.Name):
            found.add(node.id)
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            found |= _names_in(node.value)
    return found


@pytest.mark.parametrize(("name", "function"), list(_public_callables()), ids=[n for n, _ in _public_callables()])
def test_every_exported_function_returns_exported_types(name: str, function: Callable[..., object]) -> None:
    """Whatever an exported function returns can be named by ``from jamsos_pemilu import ...``."""
    annotation = inspect.signature(function).return_annotation
    assert annotation is not inspect.Signature.empty, f"{name} has no return annotation"
    text = annotation if isinstance(annotation, str) else inspect.formatannotation(annotation)
    module = sys.modules[getattr(function, "__module__", "jamsos_pemilu")]
    missing = []
    for word in _names_in(text) - _NOT_TYPES:
        value = vars(module).get(word, getattr(builtins, word, None))
        if value is None:
            if word not in jamsos_pemilu.__all__:
                missing.append(word)  # imported for type checking only, and not public
            continue
        ours = isinstance(value, type) and value.__module__.startswith("jamsos_pemilu")
        if ours and getattr(jamsos_pemilu, value.__name__, None) is not value:
            missing.append(word)
    assert missing == [], f"{name} -> {text}: not exported: {missing}"


# --------------------------------------------------------------------------- the exports table


def _init_tree() -> ast.Module:
    return ast.parse(INIT.read_text(encoding="utf-8"))


def _exports_table() -> dict[str, str]:
    for node in _init_tree().body:
        if isinstance(node, ast.AnnAssign | ast.Assign):
            targets = [node.target] if isinstance(node, ast.AnnAssign) else node.targets
            if any(isinstance(t, ast.Name) and t.id == "_EXPORTS" for t in targets):
                assert node.value is not None
                table = ast.literal_eval(node.value)
                assert isinstance(table, dict)
                return table
    raise AssertionError("__init__.py has no _EXPORTS table")


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _type_checking_imports() -> dict[str, str]:
    found: dict[str, str] = {}
    for node in _init_tree().body:
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for statement in node.body:
                assert isinstance(statement, ast.ImportFrom), f"line {statement.lineno}: only imports here"
                for alias in statement.names:
                    assert alias.asname in (None, alias.name), f"{alias.name} is imported under another name"
                    assert alias.name not in found, f"{alias.name} is imported twice"
                    found[alias.name] = statement.module or ""
    return found


def test_exports_table_and_type_checking_block_agree() -> None:
    """Each exported name is imported for type checkers from the module the lazy loader uses, and nothing else."""
    table = _exports_table()
    imports = _type_checking_imports()
    assert set(table) - set(imports) == set(), "in _EXPORTS but not in the TYPE_CHECKING block"
    assert set(imports) - set(table) == set(), "in the TYPE_CHECKING block but not in _EXPORTS"
    assert {n: m for n, m in table.items() if imports[n] != m} == {}, "different modules"


def test_all_is_built_from_the_table() -> None:
    """``__all__`` is the exports table plus ``__version__``, each name once."""
    names = jamsos_pemilu.__all__
    assert len(set(names)) == len(names)
    assert set(names) == {"__version__", *_exports_table()}


@pytest.mark.parametrize(("name", "module"), sorted(_exports_table().items()))
def test_each_export_lives_in_its_module(name: str, module: str) -> None:
    """Each exported name exists in its module (and in the module's own ``__all__``) and is what the package gives."""
    imported = importlib.import_module(module)
    assert hasattr(imported, name), f"{module} has no {name}"
    listed = getattr(imported, "__all__", None)
    assert listed is None or name in listed, f"{name} is not in {module}.__all__"
    assert getattr(jamsos_pemilu, name) is getattr(imported, name)


def test_unknown_attribute_raises_attribute_error() -> None:
    """A name that is not public raises AttributeError naming it."""
    with pytest.raises(AttributeError, match="no_such_name"):
        jamsos_pemilu.no_such_name  # noqa: B018


def test_core_import_loads_no_dataframe_plotting_or_test_library() -> None:
    """`import jamsos_pemilu` and a calculation load neither numpy, pandas, pyarrow, dask, matplotlib nor hypothesis."""
    code = (
        "import sys, datetime as dt, jamsos_pemilu as j;"
        "j.jkm_death(on=dt.date(2024, 2, 14));"
        "print(sorted(m for m in ('numpy','pandas','pyarrow','dask','matplotlib','hypothesis') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_version_is_exposed() -> None:
    """The package exposes its version for receipts."""
    assert jamsos_pemilu.__version__.count(".") == 2


# --------------------------------------------------------------------------- imports: no cycles, lazy imports explained


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _resolve(module: str, level: int, importer: str, is_package: bool) -> str:
    if level == 0:
        return module
    base = importer.split(".") if is_package else importer.split(".")[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join([*base, module] if module else base)


def _targets(node: ast.Import | ast.ImportFrom, importer: str) -> set[str]:
    """The package modules an import statement runs (``from pkg import sub`` runs ``pkg.sub``)."""
    found: set[str] = set()
    if isinstance(node, ast.Import):
        found |= {alias.name for alias in node.names}
    else:
        base = _resolve(node.module or "", node.level, importer, MODULES[importer].name == "__init__.py")
        for alias in node.names:
            if f"{base}.{alias.name}" in MODULES:
                found.add(f"{base}.{alias.name}")
            elif base == "jamsos_pemilu" and alias.name in _exports_table():
                found.add(_exports_table()[alias.name])  # the lazy loader imports the name's module
            else:
                found.add(base)
    return {name for name in found if name in MODULES and name != "jamsos_pemilu"}


def _imports(module: str) -> Iterator[tuple[ast.Import | ast.ImportFrom, bool]]:
    """Every import of a module with whether it is inside a function, skipping ``if TYPE_CHECKING:`` blocks."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))

    def visit(node: ast.AST, in_function: bool) -> Iterator[tuple[ast.Import | ast.ImportFrom, bool]]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child.test):
                for other in child.orelse:
                    yield from visit(other, in_function)
                continue
            if isinstance(child, ast.Import | ast.ImportFrom):
                yield child, in_function
            yield from visit(
                child, in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
            )

    yield from visit(tree, False)


def _graph() -> dict[str, set[str]]:
    return {
        module: {t for node, _ in _imports(module) for t in _targets(node, module)} - {module} for module in MODULES
    }


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                connect(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return found


def test_cycle_finder_finds_a_cycle() -> None:
    """The cycle check is not vacuous: it finds a → b → a and leaves a → b → c alone."""
    assert _cycles({"a": {"b"}, "b": {"a"}, "c": set()}) == [["a", "b"]]
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": set()}) == []


def test_the_package_has_no_import_cycle() -> None:
    """No module imports, directly or through others, a module that imports it (function-level imports count)."""
    assert len(MODULES) > 20
    assert _cycles(_graph()) == []


def test_every_function_level_import_says_why() -> None:
    """An import inside a function has a comment on its line or the line above (its run of imports) saying why."""
    unexplained = []
    for module, path in MODULES.items():
        lines = path.read_text(encoding="utf-8").splitlines()
        for node, in_function in _imports(module):
            if not in_function:
                continue
            first = node.lineno - 1  # a run of imports shares the comment above it
            while first > 0 and lines[first - 1].strip().startswith(("import ", "from ")):
                first -= 1
            nearby = lines[max(first - 1, 0) : (node.end_lineno or node.lineno)]
            if not any("#" in line for line in nearby):
                unexplained.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}")
    assert unexplained == []


# --------------------------------------------------------------------------- every result, every spelling

VOTING_DAY = dt.date(2024, 2, 14)


_KPPS_TERM = jamsos_pemilu.Period(dt.date(2024, 1, 25), dt.date(2024, 2, 25))


def _sample_agreement() -> jamsos_pemilu.Agreement:
    """An agreement with a title in no particular language (shipped titles are Indonesian proper names)."""
    from jamsos_pemilu.institutions import AdministrativeLevel, Institution  # only the budget samples need them

    return jamsos_pemilu.Agreement(
        id="sample",
        title="PKS 2024/07",
        elections=("pemilu_2024",),
        parties=(jamsos_pemilu.Party(Institution.bpjs("Makassar"), {"provider"}),),
        programmes={"jkk", "jkm"},
        payer=jamsos_pemilu.Payer(
            Institution.pemda("Makassar", AdministrativeLevel.CITY), jamsos_pemilu.BudgetSource.APBD
        ),
        cohorts=(
            jamsos_pemilu.Cohort({"kpps"}, {"anggota"}, headcount=7, period=_KPPS_TERM),
            jamsos_pemilu.Cohort(headcount=3, period=_KPPS_TERM),
        ),
    )


def _comparison() -> Result:
    reformed = jamsos_pemilu.rules_on(VOTING_DAY, reform=jamsos_pemilu.Reform("JKM naik", {"jkm.lump_sum": 30_000_000}))
    return jamsos_pemilu.compare(
        jamsos_pemilu.jkm_death(on=VOTING_DAY), jamsos_pemilu.jkm_death(on=VOTING_DAY, rules=reformed)
    )


def _officer() -> jamsos_pemilu.Officer:
    return jamsos_pemilu.Officer(
        nik=jamsos_pemilu.NIK.parse("3602041211870001"),
        name="Sri",
        role="kpps",
        position="anggota",
        election="pemilu_2024",
        appointment=jamsos_pemilu.Period(dt.date(2024, 1, 25), dt.date(2024, 2, 25)),
        bpjs_registered_on=dt.date(2024, 1, 30),
    )


def _roster_coverage() -> Result:
    from jamsos_pemilu.roster_coverage import check_roster_coverage, roster_chunk

    chunk = roster_chunk(
        role=["kpps"],
        position=["anggota"],
        election=["pemilu_2024"],
        appointment_start=["2024-01-25"],
        appointment_end=["2024-02-25"],
        asn=[False],
        bpjs_registered_on=["2024-01-30"],
    )
    return check_roster_coverage(chunk, jamsos_pemilu.shipped_agreement(CILEGON), on=VOTING_DAY)


def _roster_costs() -> Result:
    from jamsos_pemilu.roster_costs import roster_costs  # NumPy is an optional extra, imported only here
    from jamsos_pemilu.roster_coverage import roster_chunk

    chunk = roster_chunk(role=["kpps", "ptps"], position=["anggota", "petugas"], election="pemilu_2024",
                         appointment_start="2024-01-25", appointment_end="2024-02-25")
    return roster_costs(chunk, jamsos_pemilu.shipped_agreement("kab-bintan-pemilu-2024"), on=VOTING_DAY)


def _columnar(kind: str) -> Result:
    """A columnar result of a mixed PU/BPU roster (NumPy is an optional extra, imported only here)."""
    import numpy as np

    from jamsos_pemilu import batch

    if kind == "PremiumArrays":
        return batch.monthly_premiums(
            np.array([1_100_000, 0]),
            month=jamsos_pemilu.Month(2026, 5),
            schemes=np.array([0, 1]),
            budget_source=jamsos_pemilu.BudgetSource.APBD,
        )
    if kind == "RosterBudget":
        return batch.monthly_budget(
            np.array([5, 5, 0]),
            np.array([1_100_000, 0, 2_500_000]),
            month=jamsos_pemilu.Month(2024, 2),
            schemes=np.array([0, 1, 0]),
        )
    return batch.death_exposure(np.array([1_100_000]), on=VOTING_DAY)


def _national(name: str) -> Result:
    from jamsos_pemilu import national

    if name == "NationalCounts":
        return national.national_counts("pemilu_2024", on=VOTING_DAY)
    return national.national_picture("pemilu_2024", months=[jamsos_pemilu.Month(2024, 2)])


CILEGON = "kota-cilegon-pemilu-2024"

SAMPLES: dict[str, Callable[[], Result]] = {
    "CoverageDecision": lambda: jamsos_pemilu.check_coverage(
        _officer(), jamsos_pemilu.shipped_agreement(CILEGON), on=VOTING_DAY
    ),
    "RosterCoverage": _roster_coverage,
    "RosterCosts": lambda: _roster_costs(),
    "NationalCounts": lambda: _national("NationalCounts"),
    "NationalPicture": lambda: _national("NationalPicture"),
    "BenefitAssessment": lambda: jamsos_pemilu.jkk_death(
        jamsos_pemilu.Rupiah(850_000),
        on=dt.date(2024, 11, 27),
        children=[jamsos_pemilu.Child(jamsos_pemilu.EducationLevel.SD)],
    ),
    "ClaimDeadline": lambda: jamsos_pemilu.jkk_claim_deadline(on=VOTING_DAY),
    "Comparison": _comparison,
    "Premium": lambda: jamsos_pemilu.monthly_premium(
        jamsos_pemilu.Rupiah(1_100_000), month=jamsos_pemilu.Month(2024, 2)
    ),
    "PremiumSchedule": lambda: jamsos_pemilu.period_premium(
        jamsos_pemilu.Rupiah(1_100_000), period=jamsos_pemilu.Period(dt.date(2020, 7, 1), dt.date(2020, 9, 30))
    ),
    "LateFine": lambda: jamsos_pemilu.late_fine(
        jamsos_pemilu.Rupiah(5_940), month=jamsos_pemilu.Month(2024, 2), paid_on=dt.date(2024, 5, 20)
    ),
    "PremiumArrays": lambda: _columnar("PremiumArrays"),
    "RosterBudget": lambda: _columnar("RosterBudget"),
    "DeathExposure": lambda: _columnar("DeathExposure"),
    "AgreementBudget": lambda: jamsos_pemilu.agreement_budget(_sample_agreement()),
    "CohortBudget": lambda: jamsos_pemilu.cohort_budget(_sample_agreement(), 0),
}
"""One example of every result type (a new result type needs one here)."""

SPELLINGS = {"id": ("id", "id_ID", "id-ID", "ID"), "en": ("en", "en_US", "en-US", "en_GB")}

_ENGLISH = re.compile(
    r"\b(January|February|March|May|June|July|August|October|December|IDR|the|and|of|with|per month|months?|years?)\b"
)
_INDONESIAN = re.compile(
    r"(\bRp\d|\b(Januari|Februari|Maret|Mei|Juni|Juli|Agustus|Oktober|Desember|yang|dan|untuk|dengan|bulan|tahun)\b)"
)


def _prose(text: str) -> str:
    """The text without data that is the same in both languages: citation labels and rule-value rows."""
    kept = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("[") or stripped.startswith("- "):
            continue
        kept.append(re.sub(r"\([^()]*(Pasal|Lampiran|PP|Perpres|Permenaker|Keputusan|Surat)[^()]*\)", "", line))
    return "\n".join(kept)


def test_every_result_type_has_a_sample() -> None:
    """Every subclass of Result in the package has an example in SAMPLES, so the spelling test covers it."""
    for module in MODULES:
        importlib.import_module(module)
    found: set[str] = set()
    queue = list(Result.__subclasses__())
    while queue:
        cls = queue.pop()
        if not inspect.isabstract(cls):
            found.add(cls.__name__)
        queue.extend(cls.__subclasses__())
    assert found - set(SAMPLES) == set()


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_result_renders_in_every_spelling_without_mixing_languages(kind: str) -> None:
    """``render`` gives the same text for every spelling of a language, and never mixes the two languages."""
    result = SAMPLES[kind]()
    assert type(result).__name__ == kind
    for lang, spellings in SPELLINGS.items():
        texts = {result.render(spelling) for spelling in spellings}
        assert len(texts) == 1, f"{kind}: spellings of {lang!r} render differently"
        text = _prose(texts.pop())
        foreign = (_ENGLISH if lang == "id" else _INDONESIAN).findall(text)
        assert foreign == [], f"{kind} rendered in {lang!r} contains {foreign}:\n{text}"
    for wrong in ("fr", "", "english", "in"):
        with pytest.raises(jamsos_pemilu.InputError, match="language"):
            result.render(wrong)


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_result_offers_the_whole_protocol(kind: str) -> None:
    """Every result has plain data with a kind, JSON of the same data, flat records and a receipt."""
    result = SAMPLES[kind]()
    data = result.to_dict()
    assert isinstance(data.get("kind"), str)
    assert json.loads(result.to_json()) == json.loads(json.dumps(data))
    assert isinstance(result.records(), list)
    assert isinstance(result.receipt, jamsos_pemilu.Receipt)
    assert jamsos_pemilu.to_dict(result) == data
