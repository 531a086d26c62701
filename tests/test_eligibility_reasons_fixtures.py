"""Malformed reason catalogues: each mistake in the data file is refused naming the file and the key.

The catalogue (``jamsos_pemilu/data/reasons.toml``) carries the prose and the
citations of every coverage decision; a reviewer edits it without reading code,
so every mistake must be reported precisely, and notes and links must survive
loading.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from jamsos_pemilu.eligibility.reasons import Basis, CoverageStatus, load_reason_catalogue
from jamsos_pemilu.exceptions import RuleDataError, UnknownCodeError
from jamsos_pemilu.law import Confidence

LAW = """
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

PARAMETER = """
[reason.late]
status = "not_covered"
basis = "parameter"
id = "Klaim lewat {years} tahun."
en = "Claim after {years} years."
parameter = "jkk.claim_expiry_years"
"""

RECORD = """
[reason.rec]
status = "uncertain"
basis = "record"
id = "Periode dilaporkan."
en = "Period reported."
"""


def _refused(tmp_path: Path, text: str) -> RuleDataError:
    path = tmp_path / "broken-reasons.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleDataError) as caught:
        load_reason_catalogue(path)
    assert caught.value.file == str(path)
    assert str(caught.value).startswith(f"{path}: {caught.value.key}: ")
    return caught.value


def test_citation_note_and_url_are_kept(tmp_path: Path) -> None:
    """A citation's note (why it is unconfirmed) and its link to the text are loaded as written."""
    text = LAW.replace(
        'confidence = "primary"',
        'confidence = "unconfirmed"\nnote = "Only the title page was read."\nurl = "https://example.org/pp44"',
    )
    path = tmp_path / "reasons.toml"
    path.write_text(
        text + '\n[reason.ok2]\nstatus = "covered"\nbasis = "record"\nid = "a"\nen = "b"\nnote = "why"\n',
        encoding="utf-8",
    )
    catalogue = load_reason_catalogue(path)
    assert catalogue.file == str(path)
    spec = catalogue["ok"]
    cited = spec.citations[0]
    assert cited.note == "Only the title page was read."
    assert cited.citation.url == "https://example.org/pp44"
    assert cited.citation.link == "https://example.org/pp44"
    assert cited.confidence is Confidence.UNCONFIRMED
    assert spec.note is None
    assert catalogue["ok2"].note == "why"
    assert catalogue["ok2"].basis is Basis.RECORD
    assert catalogue["ok2"].status is CoverageStatus.COVERED


def test_a_citation_without_url_has_none(tmp_path: Path) -> None:
    """A citation with no url of its own keeps ``url`` empty (the source's link is used instead)."""
    path = tmp_path / "reasons.toml"
    path.write_text(LAW, encoding="utf-8")
    cited = load_reason_catalogue(path)["ok"].citations[0]
    assert cited.citation.url is None
    assert cited.note is None
    assert cited.citation.article == "Pasal 6 ayat (3)"


def test_parameter_and_record_reasons_load(tmp_path: Path) -> None:
    """A reason resting on a rule-book value names it; one resting on the record has neither citation nor parameter."""
    path = tmp_path / "reasons.toml"
    path.write_text(PARAMETER + RECORD, encoding="utf-8")
    catalogue = load_reason_catalogue(path)
    assert catalogue["late"].parameter == "jkk.claim_expiry_years"
    assert catalogue["late"].basis is Basis.PARAMETER
    assert catalogue["late"].placeholders == frozenset({"years"})
    assert catalogue["rec"].parameter is None
    assert catalogue["rec"].citations == ()
    assert catalogue["rec"].status is CoverageStatus.UNCERTAIN
    assert len(catalogue) == 2


@pytest.mark.parametrize(
    ("text", "key", "words"),
    [
        pytest.param(
            LAW.replace('confidence = "primary"', 'confidence = "reform"'),
            "reason.ok.citation[0].confidence",
            "what-if",
            id="reform-confidence",
        ),
        pytest.param(
            LAW.replace('confidence = "primary"', "confidence = 3"),
            "reason.ok.citation[0].confidence",
            "must be a non-empty string, got 3",
            id="confidence-type",
        ),
        pytest.param(
            LAW.replace('confidence = "primary"', 'confidence = "primary"\nnote = ""'),
            "reason.ok.citation[0].note",
            "must be a non-empty string",
            id="empty-note",
        ),
        pytest.param(
            LAW.replace('confidence = "primary"', 'confidence = "primary"\nurl = 7'),
            "reason.ok.citation[0].url",
            "must be a non-empty string, got 7",
            id="url-type",
        ),
        pytest.param(
            LAW.replace('article = "Pasal 6 ayat (3)"', 'article = "   "'),
            "reason.ok.citation[0].article",
            "must be a non-empty string",
            id="blank-article",
        ),
        pytest.param(
            LAW.replace('source = "pp-44-2015"\n', ""),
            "reason.ok.citation[0].source",
            "is missing",
            id="missing-source",
        ),
        pytest.param(
            LAW.replace('confidence = "primary"', 'confidence = "primary"\nzeta = 1\nalpha = 2'),
            "reason.ok.citation[0].alpha",
            "unexpected key; accepted: article, confidence, note, source, url",
            id="first-unknown-citation-key",
        ),
        pytest.param(
            LAW.replace('status = "covered"', 'status = "covered"\nzeta = 1\nalpha = 2'),
            "reason.ok.alpha",
            "unexpected key; accepted: basis, citation, en, id, note, parameter, status",
            id="first-unknown-entry-key",
        ),
        pytest.param(
            LAW.replace('status = "covered"', "status = true"),
            "reason.ok.status",
            "must be a non-empty string, got True",
            id="status-type",
        ),
        pytest.param(
            LAW.replace('basis = "law"', "basis = 1"), "reason.ok.basis", "must be a non-empty string", id="basis-type"
        ),
        pytest.param(
            LAW.replace('basis = "law"', 'basis = "rumour"'),
            "reason.ok.basis",
            "unknown basis 'rumour'; accepted: law, parameter, record",
            id="basis-list",
        ),
        pytest.param(
            LAW.replace('en = "Registered since {day}."', 'en = "Registered {"'),
            "reason.ok.en",
            "is not a valid template",
            id="bad-template-en",
        ),
        pytest.param(
            LAW.replace('id = "Terdaftar sejak {day}."', 'id = "Terdaftar }"'),
            "reason.ok.id",
            "is not a valid template",
            id="bad-template-id",
        ),
        pytest.param(
            LAW.replace("Registered since {day}.", "Registered since {day} {place}."),
            "reason.ok.en",
            "placeholders ['day', 'place'] differ from the Indonesian ['day']",
            id="extra-placeholder",
        ),
        pytest.param(
            LAW.replace('en = "Registered since {day}."\n', ""), "reason.ok.en", "is missing", id="missing-en"
        ),
        pytest.param(
            LAW.replace("[[reason.ok.citation]]", "[reason.ok.citation]"),
            "reason.ok.citation",
            "must be an array of tables",
            id="citation-not-array",
        ),
        pytest.param(
            '[reason.ok]\nstatus = "covered"\nbasis = "law"\nid = "a"\nen = "b"\ncitation = [1]\n',
            "reason.ok.citation[0]",
            "must be a table",
            id="citation-not-table",
        ),
        pytest.param(
            LAW.split("[[reason.ok.citation]]")[0],
            "reason.ok.citation",
            "is missing: a reason with basis 'law' cites its articles",
            id="law-without-citation",
        ),
        pytest.param(
            LAW.replace('confidence = "primary"', 'confidence = "primary"\n[reason.ok.x]'),
            "reason.ok.x",
            "unexpected key",
            id="nested-unknown",
        ),
        pytest.param(
            LAW.replace('basis = "law"', 'basis = "law"\nparameter = "jkk.claim_expiry_years"'),
            "reason.ok.parameter",
            "a reason with basis 'law' takes no parameter",
            id="law-with-parameter",
        ),
        pytest.param(
            RECORD.replace('basis = "record"', 'basis = "record"\nparameter = "jkk.claim_expiry_years"'),
            "reason.rec.parameter",
            "a reason with basis 'record' takes no parameter",
            id="record-with-parameter",
        ),
        pytest.param(
            PARAMETER.replace('parameter = "jkk.claim_expiry_years"\n', ""),
            "reason.late.parameter",
            "is missing: a reason with basis 'parameter' names it",
            id="parameter-missing",
        ),
        pytest.param(
            PARAMETER.replace("jkk.claim_expiry_years", "jkk.nope"),
            "reason.late.parameter",
            "unknown parameter 'jkk.nope' (not in the rule book)",
            id="parameter-unknown",
        ),
        pytest.param(
            PARAMETER.replace('parameter = "jkk.claim_expiry_years"', "parameter = 5"),
            "reason.late.parameter",
            "must be a non-empty string, got 5",
            id="parameter-type",
        ),
        pytest.param(
            PARAMETER + '[[reason.late.citation]]\nsource = "pp-44-2015"\narticle = "x"\nconfidence = "primary"\n',
            "reason.late.citation",
            "a reason with basis 'parameter' takes no citation",
            id="parameter-cited",
        ),
        pytest.param(
            RECORD.replace('en = "Period reported."', 'en = "Period reported."\nnote = 4'),
            "reason.rec.note",
            "must be a non-empty string, got 4",
            id="entry-note-type",
        ),
        pytest.param("reason = 3\n", "reason", "must be a non-empty table of reasons", id="reason-not-table"),
        pytest.param("[reason]\n", "reason", "must be a non-empty table of reasons", id="reason-empty"),
        pytest.param("", "reason", "must be a non-empty table of reasons", id="reason-absent"),
        pytest.param("[reason]\nok = 1\n", "reason.ok", "must be a table", id="entry-not-table"),
        pytest.param(
            LAW + "zeta = 1\n[other]\n", "other", "unexpected top-level key (expected 'reason')", id="first-top-level"
        ),
    ],
)
def test_each_loader_error_names_the_file_and_key(tmp_path: Path, text: str, key: str, words: str) -> None:
    """Every kind of mistake in a catalogue is a RuleDataError that names the file, the exact key and the problem."""
    error = _refused(tmp_path, text)
    assert error.key == key
    assert words in error.reason


def test_undecodable_file_is_not_valid_toml(tmp_path: Path) -> None:
    """A catalogue saved in another encoding than UTF-8 is refused as invalid TOML, naming the file."""
    path = tmp_path / "latin1.toml"
    path.write_bytes(LAW.replace("sejak", "s\xe9jak").encode("latin-1"))
    with pytest.raises(RuleDataError) as caught:
        load_reason_catalogue(path)
    assert caught.value.key == "<file>"
    assert caught.value.file == str(path)
    assert "is not valid TOML" in caught.value.reason


def test_a_directory_cannot_be_read(tmp_path: Path) -> None:
    """A path that is not a readable file is refused naming it, not with an OSError."""
    with pytest.raises(RuleDataError) as caught:
        load_reason_catalogue(tmp_path)
    assert caught.value.key == "<file>"
    assert caught.value.reason.startswith("cannot be read: ")


MIXED = """
[reason.two]
status = "uncertain"
basis = "law"
id = "Dua {n}."
en = "Two {n}."
[[reason.two.citation]]
source = "pp-44-2015"
article = "Pasal 6"
confidence = "primary"
[[reason.two.citation]]
source = "pp-44-2015"
article = "Pasal 11"
confidence = "secondary"
[reason.one]
status = "covered"
basis = "law"
id = "Satu."
en = "One."
[[reason.one.citation]]
source = "pp-44-2015"
article = "Pasal 6"
confidence = "primary"
[reason.rec]
status = "not covered"
basis = "record"
id = "Rekam {d}."
en = "Record {d}."
"""


def test_filled_reasons_show_citations_and_the_weakest_confidence(tmp_path: Path) -> None:
    """A reason cites every article; its confidence is the weakest one and is shown unless it is primary."""
    path = tmp_path / "reasons.toml"
    path.write_text(MIXED, encoding="utf-8")
    catalogue = load_reason_catalogue(path)
    two = catalogue.reason("two", n=3)
    assert two.confidence is Confidence.SECONDARY
    assert two.render("en") == (
        "Two 3. [PP 44/2015 Pasal 6; PP 44/2015 Pasal 11; secondary (consistently reported by reliable sources)]"
    )
    assert two.render("id") == (
        "Dua 3. [PP 44/2015 Pasal 6; PP 44/2015 Pasal 11; sekunder (dilaporkan konsisten oleh sumber tepercaya)]"
    )
    assert two.to_dict()["confidence"] == "secondary"
    assert [c["article"] for c in two.to_dict()["citations"]] == ["Pasal 6", "Pasal 11"]  # type: ignore[attr-defined]
    one = catalogue.reason("one")
    assert one.confidence is Confidence.PRIMARY
    assert one.render("en") == "One. [PP 44/2015 Pasal 6]"


def test_record_reason_has_no_citation_and_fills_dates_per_language(tmp_path: Path) -> None:
    """A reason resting on the record cites nothing and has no confidence; dates are written in each language."""
    path = tmp_path / "reasons.toml"
    path.write_text(MIXED, encoding="utf-8")
    reason = load_reason_catalogue(path).reason("rec", d=dt.date(2024, 2, 20))
    assert reason.status is CoverageStatus.NOT_COVERED
    assert (reason.citations, reason.confidence) == ((), None)
    assert reason.render("en") == "Record February 20, 2024."
    assert reason.render("id") == "Rekam 20 Februari 2024."
    assert reason.to_dict()["confidence"] is None


def test_unknown_reason_code_lists_the_known_ones(tmp_path: Path) -> None:
    """Asking a catalogue for a code it lacks names the codes it has."""
    path = tmp_path / "reasons.toml"
    path.write_text(MIXED, encoding="utf-8")
    with pytest.raises(UnknownCodeError, match="unknown reason code 'zzz'; accepted values: one, rec, two"):
        load_reason_catalogue(path)["zzz"]
