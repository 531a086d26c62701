"""Skema kepesertaan (coverage schemes): programmes, participant segments and risk classes.

BPJS Ketenagakerjaan protects election officers through two programmes,
JKK (Jaminan Kecelakaan Kerja, work-accident insurance) and JKM (Jaminan
Kematian, death insurance). An agreement registers officers either as wage
earners (*Penerima Upah*, PU), paying a risk-class JKK rate and the JKM rate on
a monthly wage, or as non-wage earners (*Bukan Penerima Upah*, BPU), paying on a
declared income bracket (JKK) and a flat JKM amount.

>>> scheme = WageEarner(RiskClass.SANGAT_RENDAH)
>>> scheme.jkk_rate_parameter
'pu.jkk_rate.sangat_rendah'
>>> BudgetSource.parse("APBD")
<BudgetSource.APBD: 'apbd'>
"""

from __future__ import annotations

import enum
from typing import Final

import attrs

from jamsos_pemilu.codes import parse_code
from jamsos_pemilu.exceptions import InputError
from jamsos_pemilu.l10n import Text
from jamsos_pemilu.law import names
from jamsos_pemilu.money import Rupiah, require_rupiah

__all__ = [
    "BudgetSource",
    "NonWageEarner",
    "Programme",
    "RiskClass",
    "Scheme",
    "WageEarner",
]

class Programme(enum.Enum):
    """A BPJS Ketenagakerjaan programme covered by an agreement."""

    JKK = "jkk"
    """Jaminan Kecelakaan Kerja: work-accident insurance."""
    JKM = "jkm"
    """Jaminan Kematian: death insurance."""

    @property
    def text(self) -> Text:
        """Name in both languages."""
        if self is Programme.JKK:
            return Text(id="Jaminan Kecelakaan Kerja (JKK)", en="work-accident insurance (JKK)")
        return Text(id="Jaminan Kematian (JKM)", en="death insurance (JKM)")

    @classmethod
    def parse(cls, text: str) -> Programme:
        """Parse ``"JKK"`` or ``"jkm"``."""
        return parse_code(cls, "programme", text)


class RiskClass(enum.Enum):
    """*Tingkat risiko lingkungan kerja*: the JKK risk class of a wage earner's work."""

    SANGAT_RENDAH = "sangat_rendah"
    RENDAH = "rendah"
    SEDANG = "sedang"
    TINGGI = "tinggi"
    SANGAT_TINGGI = "sangat_tinggi"

    @property
    def text(self) -> Text:
        """The class in words (``sangat rendah``; ``very low``), never the code."""
        return _RISK_CLASS_TEXT[self]

    @classmethod
    def parse(cls, text: str) -> RiskClass:
        """Parse ``"sangat rendah"``, ``"SANGAT_RENDAH"``..."""
        return parse_code(cls, "risk class", text)


class BudgetSource(enum.Enum):
    """Where the money for premiums (*iuran*) comes from."""

    APBN = "apbn"
    """The state budget."""
    APBD = "apbd"
    """A regional government's budget, spent by a Pemda unit (Kesbangpol, Disnaker...)."""
    APBD_NPHD = "apbd_nphd"
    """Regional budget granted to KPU/Bawaslu under an NPHD (grant agreement)."""
    ELECTION_BODY = "election_body"
    """The election body's own budget (its grant), the body acting as employer."""
    SELF_PAID = "self_paid"
    """The officers themselves, out of their honorarium."""

    @property
    def text(self) -> Text:
        """The source in words (``hibah APBD (NPHD)``; ``regional budget grant (NPHD)``), never the code."""
        return _BUDGET_SOURCE_TEXT[self]

    @property
    def public(self) -> bool:
        """Whether the money is APBN or APBD money (PP 50/2025 Pasal 3(5) excludes it from the discount)."""
        return self is not BudgetSource.SELF_PAID

    @classmethod
    def parse(cls, text: str) -> BudgetSource:
        """Parse ``"APBD"``, ``"apbd_nphd"``, ``"self_paid"``..."""
        return parse_code(cls, "budget source", text)


_RISK_CLASS_TEXT: Final = {
    RiskClass.SANGAT_RENDAH: Text(id="sangat rendah", en="very low"),
    RiskClass.RENDAH: Text(id="rendah", en="low"),
    RiskClass.SEDANG: Text(id="sedang", en="medium"),
    RiskClass.TINGGI: Text(id="tinggi", en="high"),
    RiskClass.SANGAT_TINGGI: Text(id="sangat tinggi", en="very high"),
}
_BUDGET_SOURCE_TEXT: Final = {
    BudgetSource.APBN: Text(id="APBN", en="state budget (APBN)"),
    BudgetSource.APBD: Text(id="APBD", en="regional budget (APBD)"),
    BudgetSource.APBD_NPHD: Text(id="hibah APBD (NPHD)", en="regional budget grant (NPHD)"),
    BudgetSource.ELECTION_BODY: Text(id="anggaran lembaga penyelenggara", en="the election body's own budget"),
    BudgetSource.SELF_PAID: Text(id="dibayar sendiri oleh petugas", en="paid by the officers themselves"),
}


@attrs.frozen
class WageEarner:
    """*Penerima Upah* (PU): premiums are rates of a monthly wage.

    Args:
        risk_class: the JKK risk class; election work has been registered at the
            lowest class (KPU Sulawesi Selatan's figures match it).
        wage: the monthly wage reported to BPJS; ``None`` means the officer's
            honorarium for the role and position (the usual basis).

    """

    risk_class: RiskClass = RiskClass.SANGAT_RENDAH
    wage: Rupiah | None = None

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.risk_class, RiskClass):
            raise InputError(f"risk_class must be a RiskClass, got {self.risk_class!r}")
        if self.wage is not None:
            require_rupiah(self.wage, "a reported wage", minimum=1)

    @property
    def kind(self) -> str:
        """``"wage_earner"``."""
        return "wage_earner"

    @property
    def jkk_rate_parameter(self) -> str:
        """Rule-book parameter of the JKK rate for the risk class (:func:`jamsos_pemilu.law.names.jkk_rate`)."""
        return names.jkk_rate(self.risk_class)

    @property
    def text(self) -> Text:
        """A short description in both languages."""
        risk = self.risk_class.text
        return Text(
            id=f"Penerima Upah, tingkat risiko {risk.id}",
            en=f"wage earner (PU), {risk.en} risk class",
        )


@attrs.frozen
class NonWageEarner:
    """*Bukan Penerima Upah* (BPU): JKK on a declared income basis, JKM a flat amount.

    Args:
        declared_income: the income basis chosen from PP 44/2015 Lampiran II;
            ``None`` means the lowest basis in the rule book.
        transport_sector: whether the participants are transport-sector workers
            (PP 50/2025 gives them a longer discount window).

    """

    declared_income: Rupiah | None = None
    transport_sector: bool = False

    def __attrs_post_init__(self) -> None:
        income = self.declared_income
        if income is not None:
            require_rupiah(income, "a declared income", minimum=1)
        if not isinstance(self.transport_sector, bool):
            raise InputError("transport_sector must be True or False")

    @property
    def kind(self) -> str:
        """``"non_wage_earner"``."""
        return "non_wage_earner"

    @property
    def text(self) -> Text:
        """A short description in both languages."""
        return Text(id="Bukan Penerima Upah (BPU)", en="non-wage earner (BPU)")


Scheme = WageEarner | NonWageEarner
"""A coverage scheme: :class:`WageEarner` or :class:`NonWageEarner`."""
