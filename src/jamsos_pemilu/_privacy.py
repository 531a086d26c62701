"""Data pribadi (personal data): the one place where NIKs are masked in text.

Two functions, used by :mod:`jamsos_pemilu.exceptions` (every error message),
:mod:`jamsos_pemilu.officers` (``NIK`` reprs) and the command line (every line
it prints):

* :func:`mask_nik` masks one value typed as a NIK;
* :func:`redact_niks` masks every run of digits in a text that is, or looks
  like, a NIK: 16 or more digits in a row, or 16 digits written in the usual
  groups (``3602 0412 1187 0001``, ``3602.0412.1187.0001``, ``360204-121187-0001``).

This module imports nothing from the package, so any module may use it.

>>> redact_niks("row 3: role '3602041211870001' is unknown")
"row 3: role '360204******0001' is unknown"
>>> redact_niks("NIK 3602 0412 1187 0001, wage 2.500.000")
'NIK 360204******0001, wage 2.500.000'
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["mask_nik", "redact_niks"]

NIK_LENGTH: Final = 16
_SEPARATORS: Final = " -."
_SHOWN_HEAD: Final = 6
_SHOWN_TAIL: Final = 4

# 16+ digits in a row, or 16 digits in the groups people type (4-4-4-4, 6-6-4), each
# separated by at most one space, dot or dash. Not preceded or followed by another digit.
_NIK_LIKE: Final = re.compile(
    r"(?<![0-9])(?:"
    r"[0-9]{16,}"
    r"|[0-9]{4}[ .\-][0-9]{4}[ .\-]?[0-9]{4}[ .\-]?[0-9]{4}"
    r"|[0-9]{4}[ .\-]?[0-9]{4}[ .\-][0-9]{4}[ .\-]?[0-9]{4}"
    r"|[0-9]{4}[ .\-]?[0-9]{4}[ .\-]?[0-9]{4}[ .\-][0-9]{4}"
    r"|[0-9]{6}[ .\-][0-9]{6}[ .\-]?[0-9]{4}"
    r"|[0-9]{6}[ .\-]?[0-9]{6}[ .\-][0-9]{4}"
    r")(?![0-9])",
    re.ASCII,
)
_UNICODE_DIGIT_RUN: Final = re.compile(r"\d{16,}")


def _compact(text: str) -> str:
    return "".join(ch for ch in text.strip() if ch not in _SEPARATORS)


def mask_nik(text: object) -> str:
    """Mask a NIK (or anything typed as one) for messages, logs and reprs.

    A 16-digit NIK keeps its region (digits 1-6) and serial (13-16) and hides
    the birth date: ``360204******0001``. Longer input hides everything but the
    first 6 and last 4 characters; shorter input shows at most its first half,
    and no suffix, so a malformed NIK is never shown whole. Spaces, dots and
    dashes are dropped first. The result always has as many characters as the
    compacted input, at least half of them hidden behind ``*``.

    Args:
        text: the NIK as typed (any object; it is turned into text first).

    Returns:
        The masked text.

    >>> mask_nik("3602 0412 1187 0001")
    '360204******0001'
    >>> mask_nik("36020412")
    '3602****'
    >>> mask_nik("")
    '<empty>'

    """
    compact = _compact(text if isinstance(text, str) else str(text))
    size = len(compact)
    if size == 0:
        return "<empty>"
    if size >= NIK_LENGTH:
        return compact[:_SHOWN_HEAD] + "*" * (size - _SHOWN_HEAD - _SHOWN_TAIL) + compact[-_SHOWN_TAIL:]
    shown = min(_SHOWN_HEAD, size // 2)
    return compact[:shown] + "*" * (size - shown)


def _mask_match(match: re.Match[str]) -> str:
    return mask_nik(match.group(0))


def redact_niks(text: str) -> str:
    """Mask every NIK, or run of digits that looks like one, in ``text``.

    A run of 16 or more digits (ASCII or any other script), or 16 digits in
    the groups people type (4-4-4-4 or 6-6-4, separated by a space, dot or
    dash), becomes :func:`mask_nik` of it. Shorter numbers (amounts, dates,
    region codes) are left alone.

    Args:
        text: any message.

    Returns:
        The message with every NIK-like run masked.

    >>> redact_niks("36020412118700011 and 2024-01-25 2024-02-25")
    '360204*******0011 and 2024-01-25 2024-02-25'

    """
    redacted = _NIK_LIKE.sub(_mask_match, text)
    return _UNICODE_DIGIT_RUN.sub(_mask_match, redacted)
