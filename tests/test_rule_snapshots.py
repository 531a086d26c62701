"""Golden snapshots of the rule book: the whole book in force at every effective date, as checked-in text.

A change to the rule data changes these files, so review shows it as a readable diff of the
law, date by date. After an intended data change, regenerate them and commit the diff::

    JAMSOS_UPDATE_SNAPSHOTS=1 .venv/bin/pytest tests/test_rule_snapshots.py

(see docs/rule-values.rst).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from jamsos_pemilu.law.listing import effective_dates, render_on

FOLDER = Path(__file__).parent / "snapshots" / "rules"
UPDATE = os.environ.get("JAMSOS_UPDATE_SNAPSHOTS") == "1"
DATES = effective_dates()


def _path(day: dt.date) -> Path:
    return FOLDER / f"{day.isoformat()}.txt"


@pytest.fixture(scope="module", autouse=True)
def _regenerate() -> None:
    if UPDATE:
        FOLDER.mkdir(parents=True, exist_ok=True)
        for old in FOLDER.glob("*.txt"):
            old.unlink()
        for day in DATES:
            _path(day).write_text(render_on(day), encoding="utf-8")


def test_one_snapshot_per_effective_date() -> None:
    """There is a snapshot for every date on which a value takes effect or ends, and no other."""
    assert sorted(p.stem for p in FOLDER.glob("*.txt")) == [d.isoformat() for d in DATES]


@pytest.mark.parametrize("day", DATES, ids=[d.isoformat() for d in DATES])
def test_rule_book_matches_its_snapshot(day: dt.date) -> None:
    """The rule book in force on the date reads exactly as its checked-in snapshot."""
    assert render_on(day) == _path(day).read_text(encoding="utf-8")
