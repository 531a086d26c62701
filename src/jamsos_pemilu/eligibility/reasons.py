"""Alasan (reasons): the catalogue of what a coverage decision can say, loaded from data.

Every reason a :class:`~jamsos_pemilu.eligibility.CoverageDecision` gives has a
code, the status it gives a programme (covered, not covered, uncertain), its
message in Bahasa Indonesia and English, and its basis: the articles it rests on
(each with a :class:`~jamsos_pemilu.law.Confidence`), a rule-book value (whose
citation and confidence are those in force on the date decided), or the record
of the agreement or officer. The catalogue lives in
``jamsos_pemilu/data/reasons.toml`` so that the prose and the citations can be
reviewed without reading code; it is checked when it loads, like the rule book:

>>> catalogue = reason_catalogue()
>>> spec = catalogue["asn_own_scheme"]
>>> spec.status.value, spec.citations[0].citation.label, spec.citations[0].confidence.value
('not_covered', 'PMK 208/PMK.010/2015 Pasal 21 (JKK/JKM ASN dikelola PT Taspen)', 'primary')
>>> print(catalogue.reason("registered", registered=dt.date(2024, 2, 20)).render("en"))
Registered since February 20, 2024. [PP 44/2015 Pasal 6 ayat (3); Pasal 11 ayat (5)]
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import string
import tomllib
from collections.abc import Iterator, Mapping
from importlib import resources
from pathlib import Path
from typing import Any, Final

import attrs

from jamsos_pemilu.codes import parse_code
from jamsos_pemilu.exceptions import RuleDataError, UnknownCodeError
from jamsos_pemilu.l10n import Language, Text, format_date
from jamsos_pemilu.law.citations import Citation, Confidence, Source
from jamsos_pemilu.law.parameters import RuleValue, default_rule_book
from jamsos_pemilu.periods import Period

__all__ = [
    "Basis",
    "CitedArticle",
    "CoverageStatus",
    "Reason",
    "ReasonCatalogue",
    "ReasonSpec",
    "load_reason_catalogue",
    "reason_catalogue",
]


class CoverageStatus(enum.Enum):
    """The answer for one programme."""

    COVERED = "covered"
    NOT_COVERED = "not_covered"
    UNCERTAIN = "uncertain"

    @property
    def text(self) -> Text:
        """The status in both languages."""
        return _STATUS_TEXT[self]

    @classmethod
    def parse(cls, text: str) -> CoverageStatus:
        """Parse ``"covered"``, ``"not covered"``, ``"tercakup"``...

        Raises:
            UnknownCodeError: naming the accepted values.

        >>> CoverageStatus.parse("tidak tercakup")
        <CoverageStatus.NOT_COVERED: 'not_covered'>
        """
        return parse_code(cls, "coverage status", text, _STATUS_ALIASES)


_STATUS_TEXT: Final = {
    CoverageStatus.COVERED: Text(id="tercakup", en="covered"),
    CoverageStatus.NOT_COVERED: Text(id="tidak tercakup", en="not covered"),
    CoverageStatus.UNCERTAIN: Text(id="belum pasti", en="uncertain"),
}
_STATUS_ALIASES: Final = {text.id: status for status, text in _STATUS_TEXT.items()}


class Basis(enum.Enum):
    """What a reason rests on."""

    LAW = "law"
    """Articles of legal instruments, each cited with its confidence."""
    PARAMETER = "parameter"
    """A rule-book value (its citation and confidence on the date decided)."""
    RECORD = "record"
    """The agreement or officer record (a reported period, the roles a report names); no article."""


@attrs.frozen
class CitedArticle:
    """An article a reason rests on, with how sure the library is of it."""

    citation: Citation
    confidence: Confidence
    note: str | None = None


@attrs.frozen
class Reason:
    """One reason behind a decision: its code, status, message and legal basis.

    ``confidence`` is the weakest confidence among the citations (``None`` when
    the reason rests on the agreement or officer record alone, with no article).
    """

    code: str
    status: CoverageStatus
    text: Text
    citations: tuple[Citation, ...] = ()
    confidence: Confidence | None = None

    def render(self, lang: Language) -> str:
        """The message with its citations (and their confidence, when not ``primary``)."""
        if not self.citations:
            return self.text.render(lang)
        cites = "; ".join(c.label for c in self.citations)
        if self.confidence is not None and self.confidence is not Confidence.PRIMARY:
            cites += f"; {self.confidence.text.render(lang)}"
        return f"{self.text.render(lang)} [{cites}]"

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON."""
        return {
            "code": self.code,
            "status": self.status.value,
            "text": self.text.to_dict(),
            "citations": [c.to_dict() for c in self.citations],
            "confidence": None if self.confidence is None else self.confidence.value,
        }


ReasonArg = str | int | dt.date | Period | Text
"""What fills a placeholder: text, a number, a date, a period, or a bilingual :class:`Text`."""


def _fill(arg: ReasonArg, lang: Language) -> str:
    if isinstance(arg, Text):
        return arg.render(lang)
    if isinstance(arg, dt.date):
        return format_date(arg, lang)
    return str(arg)


@attrs.frozen(eq=False)
class ReasonSpec:
    """One entry of the catalogue: what a reason code says and rests on.

    Entries compare and hash by identity (each code has one entry per
    catalogue), so filled reasons are cached cheaply.
    """

    code: str
    status: CoverageStatus
    template: Text
    basis: Basis
    citations: tuple[CitedArticle, ...] = ()
    parameter: str | None = None
    note: str | None = None

    @property
    def placeholders(self) -> frozenset[str]:
        """The names the templates expect (the same in both languages)."""
        return _placeholders(self.template.id)

    def reason(self, **args: ReasonArg) -> Reason:
        """The reason with its placeholders filled (one value per placeholder).

        Raises:
            ValueError: the placeholders do not match the entry, or the entry
                rests on a rule value (use :meth:`reason_from`): a defect in the
                decision rules, not in the caller's input.

        """
        return _reason(self, None, tuple(sorted(args.items())) if args else ())

    def reason_from(self, value: RuleValue, /, **args: ReasonArg) -> Reason:
        """The reason of a ``parameter`` entry, citing ``value`` (read by the caller through its trace).

        Raises:
            ValueError: ``value`` is not the entry's parameter, or the placeholders do not match.

        """
        return _reason(self, value, tuple(sorted(args.items())))


@functools.lru_cache(maxsize=8192)
def _reason(spec: ReasonSpec, value: RuleValue | None, args: tuple[tuple[str, ReasonArg], ...]) -> Reason:
    given = dict(args)
    if set(given) != spec.placeholders:
        raise ValueError(f"reason {spec.code!r} takes {sorted(spec.placeholders)}, got {sorted(given)}")
    text = Text(
        id=spec.template.id.format(**{k: _fill(v, "id") for k, v in given.items()}),
        en=spec.template.en.format(**{k: _fill(v, "en") for k, v in given.items()}),
    )
    if spec.basis is Basis.PARAMETER:
        if value is None or value.name != spec.parameter:
            raise ValueError(f"reason {spec.code!r} rests on {spec.parameter!r}; pass that rule value")
        return Reason(spec.code, spec.status, text, (value.citation,), value.confidence)
    if value is not None:
        raise ValueError(f"reason {spec.code!r} does not rest on a rule value")
    if not spec.citations:
        return Reason(spec.code, spec.status, text)
    weakest = max((c.confidence for c in spec.citations), key=lambda c: c.rank)
    return Reason(spec.code, spec.status, text, tuple(c.citation for c in spec.citations), weakest)


class ReasonCatalogue(Mapping[str, ReasonSpec]):
    """The reasons by code, as loaded from a data file (see :func:`reason_catalogue`)."""

    __slots__ = ("_file", "_specs")

    def __init__(self, specs: Mapping[str, ReasonSpec], file: str) -> None:
        self._specs = dict(specs)
        self._file = file

    @property
    def file(self) -> str:
        """The data file the catalogue was read from."""
        return self._file

    def __getitem__(self, code: str) -> ReasonSpec:
        try:
            return self._specs[code]
        except KeyError:
            raise UnknownCodeError("reason code", code, sorted(self._specs)) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._specs)

    def __len__(self) -> int:
        return len(self._specs)

    def reason(self, code: str, /, **args: ReasonArg) -> Reason:
        """The reason ``code`` with its placeholders filled (see :meth:`ReasonSpec.reason`)."""
        return self[code].reason(**args)

    def reason_from(self, code: str, value: RuleValue, /, **args: ReasonArg) -> Reason:
        """The reason ``code``, resting on the rule value ``value`` (see :meth:`ReasonSpec.reason_from`)."""
        return self[code].reason_from(value, **args)


# --------------------------------------------------------------------------- loading

_ENTRY_KEYS: Final = {"status", "basis", "id", "en", "citation", "parameter", "note"}
_CITATION_KEYS: Final = {"source", "article", "confidence", "url", "note"}
_FILE: Final = "reasons.toml"


def _placeholders(template: str) -> frozenset[str]:
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name is not None)


def _text(raw: Mapping[str, Any], key: str, file: str, where: str) -> str:
    value = raw.get(key)
    if value is None:
        raise RuleDataError(file, f"{where}.{key}", "is missing")
    if not isinstance(value, str) or not value.strip():
        raise RuleDataError(file, f"{where}.{key}", f"must be a non-empty string, got {value!r}")
    return value


def _citation(raw: object, file: str, where: str, sources: Mapping[str, Source]) -> CitedArticle:
    if not isinstance(raw, Mapping):
        raise RuleDataError(file, where, "must be a table")
    extra = sorted(set(raw) - _CITATION_KEYS)
    if extra:
        raise RuleDataError(file, f"{where}.{extra[0]}", f"unexpected key; accepted: {', '.join(sorted(_CITATION_KEYS))}")
    source_id = _text(raw, "source", file, where)
    if source_id not in sources:
        raise RuleDataError(file, f"{where}.source", f"unknown source {source_id!r} (not in the rule book's sources)")
    article = _text(raw, "article", file, where)
    try:
        confidence = Confidence.parse(_text(raw, "confidence", file, where))
    except UnknownCodeError as error:
        raise RuleDataError(file, f"{where}.confidence", str(error)) from None
    if confidence is Confidence.REFORM:
        raise RuleDataError(file, f"{where}.confidence", "'reform' is for what-if overrides, not data")
    note = _text(raw, "note", file, where) if "note" in raw else None
    if confidence is Confidence.UNCONFIRMED and note is None:
        raise RuleDataError(file, f"{where}.note", "an unconfirmed citation needs a note saying why")
    url = _text(raw, "url", file, where) if "url" in raw else None
    return CitedArticle(Citation(sources[source_id], article, url), confidence, note)


def _spec(code: str, raw: object, file: str, sources: Mapping[str, Source], parameters: Mapping[str, object]) -> ReasonSpec:
    where = f"reason.{code}"
    if not isinstance(raw, Mapping):
        raise RuleDataError(file, where, "must be a table")
    extra = sorted(set(raw) - _ENTRY_KEYS)
    if extra:
        raise RuleDataError(file, f"{where}.{extra[0]}", f"unexpected key; accepted: {', '.join(sorted(_ENTRY_KEYS))}")
    try:
        status = CoverageStatus.parse(_text(raw, "status", file, where))
    except UnknownCodeError as error:
        raise RuleDataError(file, f"{where}.status", str(error)) from None
    basis_text = _text(raw, "basis", file, where)
    try:
        basis = Basis(basis_text)
    except ValueError:
        accepted = ", ".join(b.value for b in Basis)
        raise RuleDataError(file, f"{where}.basis", f"unknown basis {basis_text!r}; accepted: {accepted}") from None
    template = Text(id=_text(raw, "id", file, where), en=_text(raw, "en", file, where))
    for lang in ("id", "en"):
        try:
            _placeholders(getattr(template, lang))
        except ValueError as error:
            raise RuleDataError(file, f"{where}.{lang}", f"is not a valid template: {error}") from None
    if _placeholders(template.id) != _placeholders(template.en):
        raise RuleDataError(
            file,
            f"{where}.en",
            f"placeholders {sorted(_placeholders(template.en))} differ from the Indonesian "
            f"{sorted(_placeholders(template.id))}",
        )
    raw_citations = raw.get("citation", [])
    if not isinstance(raw_citations, list):
        raise RuleDataError(file, f"{where}.citation", "must be an array of tables ([[...citation]])")
    citations = tuple(
        _citation(item, file, f"{where}.citation[{index}]", sources) for index, item in enumerate(raw_citations)
    )
    parameter = _text(raw, "parameter", file, where) if "parameter" in raw else None
    if basis is Basis.LAW and not citations:
        raise RuleDataError(file, f"{where}.citation", "is missing: a reason with basis 'law' cites its articles")
    if basis is not Basis.LAW and citations:
        raise RuleDataError(file, f"{where}.citation", f"a reason with basis {basis.value!r} takes no citation")
    if basis is Basis.PARAMETER:
        if parameter is None:
            raise RuleDataError(file, f"{where}.parameter", "is missing: a reason with basis 'parameter' names it")
        if parameter not in parameters:
            raise RuleDataError(file, f"{where}.parameter", f"unknown parameter {parameter!r} (not in the rule book)")
    elif parameter is not None:
        raise RuleDataError(file, f"{where}.parameter", f"a reason with basis {basis.value!r} takes no parameter")
    note = _text(raw, "note", file, where) if "note" in raw else None
    return ReasonSpec(code, status, template, basis, citations, parameter, note)


def _parse(data: bytes, file: str) -> ReasonCatalogue:
    try:
        table = tomllib.loads(data.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError) as error:
        raise RuleDataError(file, "<file>", f"is not valid TOML: {error}") from None
    extra = sorted(set(table) - {"reason"})
    if extra:
        raise RuleDataError(file, extra[0], "unexpected top-level key (expected 'reason')")
    raw_reasons = table.get("reason")
    if not isinstance(raw_reasons, Mapping) or not raw_reasons:
        raise RuleDataError(file, "reason", "must be a non-empty table of reasons")
    book = default_rule_book()
    specs = {code: _spec(code, raw, file, book.sources, book.parameters) for code, raw in raw_reasons.items()}
    return ReasonCatalogue(specs, file)


def load_reason_catalogue(path: str | Path) -> ReasonCatalogue:
    """Load and check a reason catalogue from a TOML file (sources and parameters of the shipped rule book).

    Raises:
        RuleDataError: naming the file and the key of the first problem: an
            unknown key, status, basis, confidence, source or parameter; a
            ``law`` reason without a citation; an unconfirmed citation without a
            note; templates whose placeholders differ between the languages.

    """
    file = Path(path)
    try:
        data = file.read_bytes()
    except OSError as error:
        raise RuleDataError(str(file), "<file>", f"cannot be read: {error.strerror or error}") from None
    return _parse(data, str(file))


@functools.cache
def reason_catalogue() -> ReasonCatalogue:
    """The shipped catalogue (``jamsos_pemilu/data/reasons.toml``), loaded once."""
    resource = resources.files("jamsos_pemilu") / "data" / _FILE
    return _parse(resource.read_bytes(), f"jamsos_pemilu/data/{_FILE}")
