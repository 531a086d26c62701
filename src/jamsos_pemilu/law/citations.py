"""Dasar hukum (legal basis): instruments, citations and how sure we are of a value.

A :class:`Source` is an instrument (PP 44/2015, a Surat Menteri Keuangan, a
news report). A :class:`Citation` points into one: the article, ayat or
lampiran, and the URL of the copy actually read. Every value in the rule book
carries a citation and a :class:`Confidence`.

>>> pp = Source("pp-44-2015", "PP", "44", 2015, "Penyelenggaraan Program JKK dan JKM",
...             "https://peraturan.bpk.go.id/Details/5612")
>>> Citation(pp, "Pasal 34 ayat (1) huruf a").label
'PP 44/2015 Pasal 34 ayat (1) huruf a'
"""

from __future__ import annotations

import enum

import attrs

from jamsos_pemilu.exceptions import UnknownCodeError
from jamsos_pemilu.l10n import Text

__all__ = ["Citation", "Confidence", "Source"]


class Confidence(enum.Enum):
    """How sure the library is of a value, strongest first.

    ``primary``: the regulation's own text was read. ``near-primary``: official
    material of BPJS Ketenagakerjaan, Kemnaker, KPU or Bawaslu states it, or an
    official is quoted word for word. ``secondary``: several reliable outlets
    report it consistently. ``unconfirmed``: paraphrase only, an inference, or a
    choice the law leaves open; results that use such a value say so.
    ``reform``: a what-if override, not law.

    The members iterate strongest first; :attr:`rank` gives the order as a number
    and :meth:`at_least` compares two levels.

    >>> [c.value for c in Confidence]
    ['primary', 'near-primary', 'secondary', 'unconfirmed', 'reform']
    >>> Confidence.NEAR_PRIMARY.at_least(Confidence.SECONDARY)
    True
    >>> sorted([Confidence.UNCONFIRMED, Confidence.PRIMARY, Confidence.NEAR_PRIMARY], key=lambda c: c.rank)
    [<Confidence.PRIMARY: 'primary'>, <Confidence.NEAR_PRIMARY: 'near-primary'>, <Confidence.UNCONFIRMED: 'unconfirmed'>]
    """

    PRIMARY = "primary"
    NEAR_PRIMARY = "near-primary"
    SECONDARY = "secondary"
    UNCONFIRMED = "unconfirmed"
    REFORM = "reform"

    @classmethod
    def parse(cls, text: str) -> Confidence:
        """Parse the lower-case name used in the data files."""
        for member in cls:
            if member.value == text:
                return member
        raise UnknownCodeError("confidence status", text, [m.value for m in cls])

    @property
    def rank(self) -> int:
        """0 for ``primary``, rising as the evidence weakens (``reform`` last)."""
        return _CONFIDENCE_RANK[self]

    def at_least(self, other: Confidence) -> bool:
        """Whether this level is as strong as ``other`` or stronger."""
        return self.rank <= other.rank

    @property
    def text(self) -> Text:
        """A short label in both languages."""
        return _CONFIDENCE_TEXT[self]


_CONFIDENCE_RANK = {member: index for index, member in enumerate(Confidence)}

_CONFIDENCE_TEXT = {
    Confidence.PRIMARY: Text(id="primer (teks peraturan dibaca)", en="primary (regulation text read)"),
    Confidence.NEAR_PRIMARY: Text(
        id="hampir primer (bahan resmi BPJS/Kemnaker/KPU/Bawaslu atau kutipan kata per kata)",
        en="near-primary (official BPJS/Kemnaker/KPU/Bawaslu material or a word-for-word quote)",
    ),
    Confidence.SECONDARY: Text(
        id="sekunder (dilaporkan konsisten oleh sumber tepercaya)",
        en="secondary (consistently reported by reliable sources)",
    ),
    Confidence.UNCONFIRMED: Text(id="belum terkonfirmasi", en="unconfirmed"),
    Confidence.REFORM: Text(id="simulasi perubahan (bukan hukum)", en="what-if reform (not law)"),
}


@attrs.frozen
class Source:
    """A legal instrument or document that values are taken from."""

    id: str
    kind: str
    number: str
    year: int
    title: str
    url: str

    @property
    def label(self) -> str:
        """Short form, e.g. ``PP 44/2015``."""
        if self.number:
            return f"{self.kind} {self.number}/{self.year}"
        return f"{self.kind} {self.year}"

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON."""
        return attrs.asdict(self)


@attrs.frozen
class Citation:
    """Where in a source a value is stated."""

    source: Source
    article: str
    url: str | None = None

    @property
    def label(self) -> str:
        """E.g. ``PP 82/2019 Pasal 34 ayat (1) huruf a``."""
        return f"{self.source.label} {self.article}".strip()

    @property
    def link(self) -> str:
        """The URL of the copy read (falls back to the instrument's URL)."""
        return self.url or self.source.url

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON."""
        return {
            "source": self.source.id,
            "instrument": self.source.label,
            "title": self.source.title,
            "article": self.article,
            "url": self.link,
        }
