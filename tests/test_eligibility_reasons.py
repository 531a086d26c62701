"""Tests of the reason catalogue (jamsos_pemilu/data/reasons.toml), loaded and checked like the rule book."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from jamsos_pemilu import rules_on
from jamsos_pemilu.eligibility import rules as decision_rules
from jamsos_pemilu.eligibility.reasons import Basis, CoverageStatus, load_reason_catalogue, reason_catalogue
from jamsos_pemilu.exceptions import RuleDataError, UnknownCodeError
from jamsos_pemilu.law import Confidence, default_rule_book

CATALOGUE = reason_catalogue()
GOOD = """
[reason.ok]
status = "covered"
basis = "law"
id = "Terdaftar sejak {day}."
en = "Registered since {day}."
[[reason.ok.citation]]
source = "pp-44-2015"
article = "Pasal 6 ayat (3)"
confidence = "primary"
"""


def _load(tmp_path: Path, text: str) -> None:
    path = tmp_path / "reasons.toml"
    path.write_text(text, encoding="utf-8")
    load_reason_catalogue(path)


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_every_reason_is_cited_or_rests_on_the_record(code: str) -> None:
    """A law reason cites at least one article, each with a confidence; an unconfirmed one says why."""
    spec = CATALOGUE[code]
    assert spec.template.id.strip() and spec.template.en.strip()
    if spec.basis is Basis.LAW:
        assert spec.citations
        for cited in spec.citations:
            assert cited.citation.article.strip()
            assert cited.citation.link.startswith("http")
            assert cited.confidence is not Confidence.REFORM
            if cited.confidence is Confidence.UNCONFIRMED:
                assert cited.note
    elif spec.basis is Basis.PARAMETER:
        assert spec.parameter in default_rule_book()
    else:
        assert not spec.citations and spec.parameter is None


def test_the_rules_use_exactly_the_catalogue() -> None:
    """Every code the decision rules can say is in the catalogue, and every catalogue entry is said somewhere."""
    source = Path(decision_rules.__file__).read_text(encoding="utf-8")
    used = set(re.findall(r'(?:_say|reason_from|reason)\(\s*"([a-z_]+)"', source))
    used |= set(re.findall(r'"(scholarship_membership_(?:met|short))"', source))
    assert used == set(CATALOGUE)


def test_parameter_reason_cites_the_value_in_force() -> None:
    """A reason resting on a rule value cites that value with its confidence (2 years before 2 Dec 2019)."""
    value = rules_on(dt.date(2019, 4, 17))["jkk.claim_expiry_years"]
    reason = CATALOGUE.reason_from("claim_in_time", value, years=2, deadline=dt.date(2021, 4, 16))
    assert reason.citations == (value.citation,)
    assert reason.confidence is value.confidence
    assert "2-year" in reason.text.en and "16 April 2021" in reason.text.id


def test_reason_confidence_is_the_weakest_citation() -> None:
    """A reason with several citations is only as sure as its least sure article."""
    assert CATALOGUE.reason("sudden_death_criteria").confidence is Confidence.UNCONFIRMED
    assert CATALOGUE.reason("asn_own_scheme").confidence is Confidence.PRIMARY


def test_placeholders_must_be_filled_exactly() -> None:
    """Filling a reason with missing or extra values is a defect, reported plainly."""
    with pytest.raises(ValueError, match="takes"):
        CATALOGUE.reason("registered")
    with pytest.raises(ValueError, match="rests on"):
        CATALOGUE.reason("claim_in_time", years=5, deadline=dt.date(2029, 2, 13))


def test_unknown_code_names_the_known_ones() -> None:
    """Asking for a code the catalogue lacks lists the codes it has."""
    with pytest.raises(UnknownCodeError, match="registered"):
        CATALOGUE["registred"]


def test_statuses_in_the_catalogue_parse() -> None:
    """Every status in the catalogue is one of the three coverage statuses."""
    assert {spec.status for spec in CATALOGUE.values()} == set(CoverageStatus)


def test_a_good_file_loads(tmp_path: Path) -> None:
    """A minimal well-formed catalogue loads."""
    _load(tmp_path, GOOD)


@pytest.mark.parametrize(
    ("change", "key", "message"),
    [
        (("confidence = \"primary\"", "confidence = \"primary\"\npage = 3"), "reason.ok.citation[0].page", "unexpected key"),
        (("status = \"covered\"", "status = \"covered\"\ncolour = 1"), "reason.ok.colour", "unexpected key"),
        (("status = \"covered\"", "status = \"maybe\""), "reason.ok.status", "unknown coverage status"),
        (("basis = \"law\"", "basis = \"rumour\""), "reason.ok.basis", "unknown basis"),
        (("confidence = \"primary\"", "confidence = \"sure\""), "reason.ok.citation[0].confidence", "unknown confidence"),
        (("confidence = \"primary\"", "confidence = \"unconfirmed\""), "reason.ok.citation[0].note", "needs a note"),
        (("source = \"pp-44-2015\"", "source = \"pp-99-2099\""), "reason.ok.citation[0].source", "unknown source"),
        (("Registered since {day}.", "Registered since {date}."), "reason.ok.en", "placeholders"),
        (("id = \"Terdaftar sejak {day}.\"\n", ""), "reason.ok.id", "is missing"),
    ],
)
def test_each_malformed_entry_names_file_and_key(tmp_path: Path, change: tuple[str, str], key: str, message: str) -> None:
    """Each kind of mistake in the file is a RuleDataError naming the file and the key."""
    with pytest.raises(RuleDataError, match=re.escape(key) + ".*" + message) as caught:
        _load(tmp_path, GOOD.replace(*change))
    assert "reasons.toml" in str(caught.value)


def test_law_reason_without_citation_is_refused(tmp_path: Path) -> None:
    """A reason resting on the law must cite its articles."""
    text = GOOD[: GOOD.index("[[reason.ok.citation]]")]
    with pytest.raises(RuleDataError, match=r"reason\.ok\.citation.*is missing"):
        _load(tmp_path, text)


def test_parameter_reason_needs_a_known_parameter(tmp_path: Path) -> None:
    """A reason resting on a rule value names a parameter of the rule book."""
    text = GOOD[: GOOD.index("[[reason.ok.citation]]")].replace('basis = "law"', 'basis = "parameter"\nparameter = "jkk.nope"')
    with pytest.raises(RuleDataError, match=r"reason\.ok\.parameter.*unknown parameter 'jkk.nope'"):
        _load(tmp_path, text)


def test_record_reason_takes_no_citation(tmp_path: Path) -> None:
    """A reason resting on the record cannot also cite an article (it would claim a basis it lacks)."""
    with pytest.raises(RuleDataError, match=r"reason\.ok\.citation.*takes no citation"):
        _load(tmp_path, GOOD.replace('basis = "law"', 'basis = "record"'))


def test_unknown_top_level_key_and_bad_toml(tmp_path: Path) -> None:
    """Another top-level table, or text that is not TOML, is refused naming the file."""
    with pytest.raises(RuleDataError, match="unexpected top-level key"):
        _load(tmp_path, GOOD + "\n[parameter.x]\nvalue = 1\n")
    with pytest.raises(RuleDataError, match="not valid TOML"):
        _load(tmp_path, "[reason.ok\n")
    with pytest.raises(RuleDataError, match="cannot be read"):
        load_reason_catalogue(tmp_path / "missing.toml")
