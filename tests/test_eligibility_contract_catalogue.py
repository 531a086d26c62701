"""The reason catalogue's loading contract: the exact words of each refusal, the file it names, and what loads.

The catalogue (``jamsos_pemilu/data/reasons.toml``) is reviewed and edited by people who do not read code, so
each mistake is refused with a fixed sentence naming the file and the key (the words are part of the contract:
a reviewer searches for them in the documentation). Rules stated here:

- a reason entry and a citation are tables; the citations are an array of tables;
- a required text field that is absent "is missing";
- a ``law`` reason cites its articles; a ``parameter`` reason names its rule-book parameter;
- the ``reform`` confidence is for what-if overrides, never for data; an unconfirmed citation says why in a note;
- the only top-level key is ``reason``, and it is a non-empty table;
- a file that cannot be read is named as given, with the operating system's reason in words;
- an entry keeps its own code, and a reason with no placeholders is filled with no arguments.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from jamsos_pemilu.eligibility.reasons import load_reason_catalogue, reason_catalogue
from jamsos_pemilu.exceptions import RuleDataError

LAW = """
[reason.ok]
status = "covered"
basis = "law"
id = "Terdaftar."
en = "Registered."
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


def _refusal(tmp_path: Path, text: str) -> RuleDataError:
    path = tmp_path / "reasons-under-review.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleDataError) as caught:
        load_reason_catalogue(path)
    assert caught.value.file == str(path)
    return caught.value


@pytest.mark.parametrize(
    ("text", "key", "reason"),
    [
        pytest.param(LAW.replace('status = "covered"\n', ""), "reason.ok.status", "is missing", id="missing-status"),
        pytest.param(
            LAW.replace('article = "Pasal 6 ayat (3)"\n', ""),
            "reason.ok.citation[0].article",
            "is missing",
            id="missing-article",
        ),
        pytest.param("[reason]\nok = 1\n", "reason.ok", "must be a table", id="entry-not-a-table"),
        pytest.param(
            LAW.split("[[reason.ok.citation]]")[0] + "citation = [1]\n",
            "reason.ok.citation[0]",
            "must be a table",
            id="citation-not-a-table",
        ),
        pytest.param(
            LAW.split("[[reason.ok.citation]]")[0] + 'citation = "PP 44/2015 Pasal 6"\n',
            "reason.ok.citation",
            "must be an array of tables ([[...citation]])",
            id="citation-not-an-array",
        ),
        pytest.param(
            LAW.split("[[reason.ok.citation]]")[0],
            "reason.ok.citation",
            "is missing: a reason with basis 'law' cites its articles",
            id="law-without-citation",
        ),
        pytest.param(
            PARAMETER.replace('parameter = "jkk.claim_expiry_years"\n', ""),
            "reason.late.parameter",
            "is missing: a reason with basis 'parameter' names it",
            id="parameter-not-named",
        ),
        pytest.param(
            LAW.replace('confidence = "primary"', 'confidence = "reform"'),
            "reason.ok.citation[0].confidence",
            "'reform' is for what-if overrides, not data",
            id="reform-confidence",
        ),
        pytest.param(
            LAW.replace('confidence = "primary"', 'confidence = "unconfirmed"'),
            "reason.ok.citation[0].note",
            "an unconfirmed citation needs a note saying why",
            id="unconfirmed-without-note",
        ),
        pytest.param(
            LAW + "[other]\nx = 1\n", "other", "unexpected top-level key (expected 'reason')", id="top-level-key"
        ),
        pytest.param("[reason]\n", "reason", "must be a non-empty table of reasons", id="empty-reasons"),
    ],
)
def test_each_catalogue_mistake_is_refused_in_fixed_words(tmp_path: Path, text: str, key: str, reason: str) -> None:
    """Each mistake in a reason catalogue is refused naming the file, the exact key and the problem in fixed words."""
    error = _refusal(tmp_path, text)
    assert (error.key, error.reason) == (key, reason)


def test_an_unconfirmed_citation_with_a_note_loads(tmp_path: Path) -> None:
    """An unconfirmed citation is accepted once its note says why it is unconfirmed."""
    path = tmp_path / "reasons.toml"
    path.write_text(
        LAW.replace('confidence = "primary"', 'confidence = "unconfirmed"\nnote = "The article was not read."'),
        encoding="utf-8",
    )
    assert load_reason_catalogue(path)["ok"].citations[0].note == "The article was not read."


def test_a_missing_file_is_named_with_the_reason_in_words(tmp_path: Path) -> None:
    """A catalogue file that does not exist is refused naming the path as given and saying, in words, why."""
    path = tmp_path / "no-such-reasons.toml"
    with pytest.raises(RuleDataError) as caught:
        load_reason_catalogue(path)
    assert (caught.value.file, caught.value.key) == (str(path), "<file>")
    assert caught.value.reason == f"cannot be read: {os.strerror(2)}"


def test_a_missing_file_given_as_text_is_named_as_given(tmp_path: Path) -> None:
    """A catalogue path given as text is named in the refusal exactly as the caller wrote it."""
    path = str(tmp_path / "absent.toml")
    with pytest.raises(RuleDataError) as caught:
        load_reason_catalogue(path)
    assert caught.value.file == path
    assert str(caught.value) == f"{path}: <file>: cannot be read: {os.strerror(2)}"


def test_each_entry_keeps_its_own_code(tmp_path: Path) -> None:
    """An entry loaded from a file carries the code it was filed under, and so does the reason it gives."""
    path = tmp_path / "reasons.toml"
    path.write_text(LAW + PARAMETER, encoding="utf-8")
    catalogue = load_reason_catalogue(path)
    assert [catalogue[code].code for code in catalogue] == ["ok", "late"]
    assert catalogue.reason("ok").code == "ok"


def test_every_shipped_entry_keeps_its_own_code() -> None:
    """In the shipped catalogue, every entry's code is the key it is filed under."""
    catalogue = reason_catalogue()
    assert all(catalogue[code].code == code for code in catalogue)


def test_a_reason_without_placeholders_takes_no_arguments(tmp_path: Path) -> None:
    """A reason whose message has no placeholder is given with no argument, and its text is the template as is."""
    path = tmp_path / "reasons.toml"
    path.write_text(LAW, encoding="utf-8")
    reason = load_reason_catalogue(path).reason("ok")
    assert (reason.text.id, reason.text.en) == ("Terdaftar.", "Registered.")
    with pytest.raises(ValueError, match=r"reason 'ok' takes \[\], got \['day'\]"):
        load_reason_catalogue(path).reason("ok", day="1")
