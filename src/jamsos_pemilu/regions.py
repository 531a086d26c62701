"""Kode wilayah (Kemendagri administrative region codes): province to village.

The Ministry of Home Affairs (Kemendagri) numbers every province, regency or
city (*kabupaten/kota*), district (*kecamatan*) and village (*desa/kelurahan*)
under Permendagri 58/2021 (earlier 56/2015, 137/2017, 72/2019). A code grows
by level: 2 digits for a province, +2 for a regency or city, +2 for a district
and +4 for a village, written dotted (``33.73.04.1001``, Kelurahan Kecandran,
Kota Salatiga) or plain (``3373041001``). Digits 1-6 of a NIK are a district
code in plain form, possibly a historical one.

What the library checks is the *structure* only, because codes are updated
when regions are split, merged or moved and no official table ships with the
library: the right number of digits for a level, digits only, and the two
numbering rules of Permendagri 137/2017:

* regencies are numbered 01-69 and cities (*kota*) 71-99 (Permendagri 137/2017).
  A regency part ``00`` is refused; ``70`` is accepted but is neither a
  kabupaten nor a kota here, because the Permendagri reading (kota from 71) is
  the better sourced one and a wiki text says kota start at 70;
* districts are numbered from 01, so a district part ``00`` is refused;
* village numbers of a *kelurahan* start with 1 (1001...) and those of a *desa*
  with 2 (2001...). Other first digits are accepted with an unknown kind
  (``None``) rather than guessed.

The error bias leans toward accepting: a code of the right shape is accepted
even if no such region exists, so newer Kepmendagri codes are never refused.
Do not mix these codes with BPS statistical codes (3-digit district and village).

>>> code = RegionCode.parse("3373041001")
>>> str(code)
'33.73.04.1001'
>>> code.level
<RegionLevel.DESA_KELURAHAN: 'desa_kelurahan'>
>>> code.is_kota, code.is_kelurahan
(True, True)
>>> str(code.parent)
'33.73.04'
>>> RegionCode.parse("33.73").contains(code)
True
"""

from __future__ import annotations

import enum
import re
from typing import Final

import attrs

from jamsos_pemilu.exceptions import InvalidRegionCodeError
from jamsos_pemilu.l10n import Text

__all__ = ["RegencyKind", "RegionCode", "RegionLevel", "VillageKind"]

_PART_LENGTHS: Final = (2, 2, 2, 4)
_DOTTED: Final = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")
_SPACES: Final = re.compile(r"\s+")


class RegionLevel(enum.Enum):
    """The administrative level a region code names, by its number of digits."""

    PROVINSI = "provinsi"
    """Province (2 digits)."""
    KABUPATEN_KOTA = "kabupaten_kota"
    """Regency or city (4 digits)."""
    KECAMATAN = "kecamatan"
    """District (6 digits)."""
    DESA_KELURAHAN = "desa_kelurahan"
    """Village: rural *desa* or urban *kelurahan* (10 digits)."""

    @property
    def digits(self) -> int:
        """How many digits a code of this level has.

        >>> RegionLevel.KECAMATAN.digits
        6
        """
        return _LEVEL_DIGITS[self]

    @property
    def text(self) -> Text:
        """The level's name in both languages."""
        return _LEVEL_TEXT[self]


_LEVEL_DIGITS: Final = {
    RegionLevel.PROVINSI: 2,
    RegionLevel.KABUPATEN_KOTA: 4,
    RegionLevel.KECAMATAN: 6,
    RegionLevel.DESA_KELURAHAN: 10,
}
_LEVEL_BY_DIGITS: Final = {digits: level for level, digits in _LEVEL_DIGITS.items()}
_LEVEL_TEXT: Final = {
    RegionLevel.PROVINSI: Text(id="Provinsi", en="Province"),
    RegionLevel.KABUPATEN_KOTA: Text(id="Kabupaten/Kota", en="Regency/city"),
    RegionLevel.KECAMATAN: Text(id="Kecamatan", en="District"),
    RegionLevel.DESA_KELURAHAN: Text(id="Desa/Kelurahan", en="Village"),
}


class RegencyKind(enum.Enum):
    """Whether a second-level region is a regency or a city (Permendagri 137/2017)."""

    KABUPATEN = "kabupaten"
    """Regency: regency part 01-69."""
    KOTA = "kota"
    """City: regency part 71-99."""


class VillageKind(enum.Enum):
    """Whether a village is an urban *kelurahan* or a rural *desa*."""

    KELURAHAN = "kelurahan"
    """Urban village: village part starts with 1."""
    DESA = "desa"
    """Rural village: village part starts with 2."""


def _check_digits(digits: object) -> str:
    if not isinstance(digits, str):
        raise InvalidRegionCodeError(
            digits, f"a region code is text of digits, not {type(digits).__name__}"
        )
    if not digits.isascii() or not digits.isdigit():
        raise InvalidRegionCodeError(digits, "a plain region code has digits 0-9 only")
    if len(digits) not in _LEVEL_BY_DIGITS:
        raise InvalidRegionCodeError(
            digits,
            f"it has {len(digits)} digits; a code has 2 (provinsi), 4 (kabupaten/kota), "
            "6 (kecamatan) or 10 (desa/kelurahan)",
        )
    if len(digits) >= 4 and digits[2:4] == "00":
        raise InvalidRegionCodeError(
            digits, "regency part 00 is not used: kabupaten are numbered 01-69 and kota 71-99"
        )
    if len(digits) >= 6 and digits[4:6] == "00":
        raise InvalidRegionCodeError(
            digits, "district part 00 is not used: kecamatan are numbered from 01"
        )
    return digits


@attrs.frozen(order=True, repr=False)
class RegionCode:
    """A Kemendagri region code of a province, regency/city, district or village.

    Build one with :meth:`parse` (dotted or plain text) or directly from the
    plain digits. Two codes are equal when their digits are.

    Args:
        digits: the plain code, 2, 4, 6 or 10 digits.

    Raises:
        InvalidRegionCodeError: for the wrong length, non-digits, or a regency or
            district part of ``00``.

    >>> RegionCode("3373").regency_kind
    <RegencyKind.KOTA: 'kota'>
    >>> RegionCode("33731")
    Traceback (most recent call last):
    ...
    jamsos_pemilu.exceptions.InvalidRegionCodeError: invalid region code '33731': it has 5 digits; ...

    """

    digits: str = attrs.field(converter=_check_digits)

    @classmethod
    def parse(cls, text: str | RegionCode) -> RegionCode:
        """Parse a dotted (``33.73.04.1001``) or plain (``3373041001``) region code.

        Surrounding whitespace is ignored. A dotted code must be split after
        digits 2, 4 and 6 exactly as Kemendagri writes it.

        Args:
            text: the code as text (or a :class:`RegionCode`, returned unchanged).

        Returns:
            The region code.

        Raises:
            InvalidRegionCodeError: naming the input and what was wrong.

        >>> RegionCode.parse(" 11.01.01.2001 ").digits
        '1101012001'
        >>> RegionCode.parse("3373.04")
        Traceback (most recent call last):
        ...
        jamsos_pemilu.exceptions.InvalidRegionCodeError: invalid region code '3373.04': ...

        """
        if isinstance(text, RegionCode):
            return text
        if not isinstance(text, str):
            raise InvalidRegionCodeError(
                text, f"a region code is text such as '33.73.04.1001', not {type(text).__name__}"
            )
        stripped = text.strip()
        if "." in stripped:
            if not _DOTTED.match(stripped):
                raise InvalidRegionCodeError(
                    text,
                    "a dotted code is written PP, PP.KK, PP.KK.CC or PP.KK.CC.DDDD "
                    "(2, 2, 2 and 4 digits)",
                )
            stripped = stripped.replace(".", "")
        elif _SPACES.search(stripped):
            raise InvalidRegionCodeError(text, "a plain region code has no spaces inside")
        try:
            return cls(stripped)
        except InvalidRegionCodeError as error:
            raise InvalidRegionCodeError(text, error.reason) from None

    @property
    def level(self) -> RegionLevel:
        """The administrative level, from the number of digits."""
        return _LEVEL_BY_DIGITS[len(self.digits)]

    @property
    def parts(self) -> tuple[str, ...]:
        """The digit groups: province, regency, district, village (as many as the level has).

        >>> RegionCode("3373041001").parts
        ('33', '73', '04', '1001')
        """
        parts: list[str] = []
        position = 0
        for length in _PART_LENGTHS:
            if position >= len(self.digits):
                break
            parts.append(self.digits[position : position + length])
            position += length
        return tuple(parts)

    @property
    def dotted(self) -> str:
        """The dotted form, e.g. ``33.73.04.1001``."""
        return ".".join(self.parts)

    def _prefix(self, level: RegionLevel) -> RegionCode | None:
        size = level.digits
        if len(self.digits) < size:
            return None
        if len(self.digits) == size:
            return self
        return RegionCode(self.digits[:size])

    @property
    def province(self) -> RegionCode:
        """The province the region lies in (itself for a province)."""
        found = self._prefix(RegionLevel.PROVINSI)
        assert found is not None
        return found

    @property
    def regency(self) -> RegionCode | None:
        """The regency or city, or ``None`` for a province code."""
        return self._prefix(RegionLevel.KABUPATEN_KOTA)

    @property
    def district(self) -> RegionCode | None:
        """The district (*kecamatan*), or ``None`` above that level."""
        return self._prefix(RegionLevel.KECAMATAN)

    @property
    def parent(self) -> RegionCode | None:
        """The region one level up, or ``None`` for a province.

        >>> RegionCode("33").parent is None
        True
        """
        parts = self.parts
        if len(parts) == 1:
            return None
        return RegionCode("".join(parts[:-1]))

    @property
    def regency_kind(self) -> RegencyKind | None:
        """Kabupaten (01-69) or kota (71-99); ``None`` for part 70 or a province code.

        Part 70 is left unknown: Permendagri 137/2017 (as itdesa reports it) starts
        kota at 71, while a wiki text starts them at 70.

        >>> RegionCode("3370").regency_kind is None
        True
        """
        if len(self.digits) < 4:
            return None
        number = int(self.digits[2:4])
        if 1 <= number <= 69:
            return RegencyKind.KABUPATEN
        if 71 <= number <= 99:
            return RegencyKind.KOTA
        return None

    @property
    def is_kota(self) -> bool:
        """Whether the region is, or lies in, a city (regency part 71-99)."""
        return self.regency_kind is RegencyKind.KOTA

    @property
    def is_kabupaten(self) -> bool:
        """Whether the region is, or lies in, a regency (regency part 01-69)."""
        return self.regency_kind is RegencyKind.KABUPATEN

    @property
    def village_kind(self) -> VillageKind | None:
        """Kelurahan (village part starts with 1) or desa (2); ``None`` otherwise.

        ``None`` also for codes above the village level. Other first digits are
        not described by the sources consulted, so the library does not guess.

        >>> RegionCode("1101012001").village_kind
        <VillageKind.DESA: 'desa'>
        """
        if len(self.digits) < 10:
            return None
        return _VILLAGE_KINDS.get(self.digits[6])

    @property
    def is_kelurahan(self) -> bool:
        """Whether the code names a *kelurahan* (village part starts with 1)."""
        return self.village_kind is VillageKind.KELURAHAN

    @property
    def is_desa(self) -> bool:
        """Whether the code names a *desa* (village part starts with 2)."""
        return self.village_kind is VillageKind.DESA

    def contains(self, other: RegionCode) -> bool:
        """Whether ``other`` is this region or lies inside it.

        >>> RegionCode("33").contains(RegionCode("3373041001"))
        True
        >>> RegionCode("3373").contains(RegionCode("33"))
        False
        """
        return other.digits.startswith(self.digits)

    def __str__(self) -> str:
        return self.dotted

    def __repr__(self) -> str:
        return f"RegionCode({self.dotted!r})"


_VILLAGE_KINDS: Final = {"1": VillageKind.KELURAHAN, "2": VillageKind.DESA}
