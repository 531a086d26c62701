"""Petugas ad hoc (the election officer on duty): NIK, role, position, appointment.

A NIK (Nomor Induk Kependudukan, population identity number) has 16 digits
(as Dukcapil explains it; it is lifelong, UU 23/2006 Pasal 13): digits 1-6 are the Kemendagri code of the *kecamatan* where
the number was first registered (it does not change when the person moves, so
it may be a historical code), digits 7-12 the birth date as DDMMYY with 40
added to the day for women, and digits 13-16 a serial number.

:meth:`NIK.parse` validates with python-stdnum (``stdnum.id.nik``), which checks
the digits and length, that digits 7-12 are a real date, and that the province
(digits 1-2) is in its own province table. Provinces created after that table
was compiled would be refused (the library leans toward refusing here, as
stdnum does). The library also refuses a regency or district part ``00``
(see :mod:`jamsos_pemilu.regions`).

A NIK is personal data: it never appears whole in a ``repr``, a ``str``, the
output of ``attrs.asdict(officer)`` or an error message. :func:`mask_nik` keeps
the region (digits 1-6) and the serial (13-16) and hides the birth date;
:func:`redact_niks` masks every NIK-like run of digits in a text (every error
of the library passes through it). A :class:`NIK` keeps its digits private:
the whole number is available only through :meth:`NIK.reveal`, meant for
storage and serialisation.

The NIK holds only the last two digits of the birth year. An :class:`Officer`
reads the century so that the officer was born on or before the first day of
the appointment and is under 100 then (a 19-year-old, not a 119-year-old).

>>> nik = NIK.parse("3602041211870001")
>>> nik
NIK('360204******0001')
>>> nik.sex
<Sex.MALE: 'M'>
>>> nik.birth_date(as_of=dt.date(2024, 2, 14))
datetime.date(1987, 11, 12)
>>> str(nik.kecamatan_code)
'36.02.04'
>>> mask_nik("3602045211870001")
'360204******0001'
>>> nik.reveal()
'3602041211870001'
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from typing import Any, Final, final

import attrs
from stdnum.exceptions import InvalidComponent, InvalidFormat, InvalidLength, ValidationError
from stdnum.id import nik as _stdnum_nik
from typing_extensions import override

from jamsos_pemilu._privacy import mask_nik, redact_niks
from jamsos_pemilu.elections import election as _election
from jamsos_pemilu.exceptions import InputError, InvalidNIKError, InvalidRegionCodeError
from jamsos_pemilu.periods import Period, completed_years
from jamsos_pemilu.regions import RegionCode
from jamsos_pemilu.roles import Position, Role

__all__ = ["NIK", "DutyUnit", "Officer", "Sex", "mask_nik", "redact_niks"]

_NIK_LENGTH: Final = 16
_SEPARATORS: Final = " -."
_FEMALE_DAY_OFFSET: Final = 40


def _compact(text: str) -> str:
    return "".join(ch for ch in text.strip() if ch not in _SEPARATORS)


class Sex(enum.Enum):
    """Sex as encoded in a NIK (women: birth day + 40)."""

    FEMALE = "F"
    MALE = "M"


def _birth_parts(digits: str) -> tuple[int, int, int]:
    """Day, month and two-digit year from digits 7-12 (day without the +40)."""
    return int(digits[6:8]) % _FEMALE_DAY_OFFSET, int(digits[8:10]), int(digits[10:12])


def _candidates(digits: str) -> tuple[dt.date, ...]:
    day, month, year = _birth_parts(digits)
    found: list[dt.date] = []
    for century in (1900, 2000):
        try:
            found.append(dt.date(century + year, month, day))
        except ValueError:
            continue
    return tuple(found)


def _reason(digits: str, error: ValidationError) -> str:
    if isinstance(error, InvalidLength):  # a subclass of InvalidFormat: test it first
        return f"a NIK has {_NIK_LENGTH} digits, this one has {len(digits)}"
    if isinstance(error, InvalidFormat):
        return "a NIK has digits only (spaces, dots and dashes are ignored)"
    if isinstance(error, InvalidComponent):
        if not _candidates(digits):
            day_digits = digits[6:8]
            return (
                f"digits 7-12 must be a birth date DDMMYY (women: day + 40); day {day_digits} "
                f"of month {digits[8:10]} is not a date"
            )
        return f"province code {digits[:2]} (digits 1-2) is not in python-stdnum's province table"
    return str(error)


def _validated(value: object) -> str:
    """The 16 digits of ``value``, or :class:`InvalidNIKError` with the NIK masked."""
    if not isinstance(value, str):
        raise InvalidNIKError(mask_nik(value), f"a NIK is given as text, not {type(value).__name__}")
    masked = mask_nik(value)
    try:
        digits: str = _stdnum_nik.validate(value)
    except ValidationError as error:
        raise InvalidNIKError(masked, _reason(_compact(value), error)) from None
    if digits != value:
        raise InvalidNIKError(masked, "build a NIK with NIK.parse() to drop separators")
    try:
        RegionCode(digits[:6])
    except InvalidRegionCodeError as error:
        raise InvalidNIKError(masked, f"digits 1-6 must be a kecamatan code: {error.reason}") from None
    return digits


@final
class NIK:
    """A validated NIK whose digits are private: its ``repr`` and ``str`` are masked.

    Use :meth:`parse`; the constructor validates too. The whole number comes
    only from :meth:`reveal`. A NIK is immutable, hashable and compares by its
    digits; it is not an attrs class, so ``attrs.asdict(officer)`` keeps it
    as a (masked) NIK rather than spelling out its digits.

    Args:
        value: the 16 digits.

    Raises:
        InvalidNIKError: with the NIK masked and the reason.

    >>> NIK.parse("3602043002870001")
    Traceback (most recent call last):
    ...
    jamsos_pemilu.exceptions.InvalidNIKError: invalid NIK 360204******0001: digits 7-12 must be ...

    """

    __slots__ = ("_digits",)
    _digits: str

    def __init__(self, value: str) -> None:
        object.__setattr__(self, "_digits", _validated(value))

    @classmethod
    def parse(cls, text: str | NIK) -> NIK:
        """Parse and validate a NIK; spaces, dots and dashes are ignored.

        Args:
            text: the NIK as typed (or a :class:`NIK`, returned unchanged).

        Returns:
            The NIK.

        Raises:
            InvalidNIKError: with the NIK masked and what was wrong.

        >>> NIK.parse("3602.0412.1187.0001").masked
        '360204******0001'

        """
        if isinstance(text, NIK):
            return text
        if not isinstance(text, str):
            raise InvalidNIKError(mask_nik(text), f"a NIK is given as text, not {type(text).__name__}")
        return cls(_compact(text))

    def reveal(self) -> str:
        """The whole NIK, 16 digits: for storage and serialisation only, never for messages.

        >>> NIK.parse("3602 0412 1187 0001").reveal()
        '3602041211870001'
        """
        return self._digits

    @property
    def masked(self) -> str:
        """The NIK with its birth date hidden (``360204******0001``)."""
        # A valid NIK is 16 digits: keep the kecamatan code and the serial.
        digits = self._digits
        return digits[:6] + "******" + digits[12:]

    @property
    def sex(self) -> Sex:
        """Female if the birth day is encoded with 40 added, else male."""
        return Sex.FEMALE if int(self._digits[6:8]) > _FEMALE_DAY_OFFSET else Sex.MALE

    @property
    def birth_date_candidates(self) -> tuple[dt.date, ...]:
        """The birth dates the NIK can mean: in the 1900s and/or the 2000s.

        >>> NIK.parse("3602042902000001").birth_date_candidates
        (datetime.date(2000, 2, 29),)
        """
        return _candidates(self._digits)

    def birth_date(self, as_of: dt.date) -> dt.date:
        """The birth date, reading the two-digit year as the latest one not after ``as_of``.

        A NIK cannot tell a 19-year-old from a 119-year-old; the library takes
        the younger. Pass the first day of the appointment, not the day of an
        incident, so the answer does not depend on the question.

        Args:
            as_of: a day the holder was already born on.

        Returns:
            The birth date.

        Raises:
            InputError: if every reading falls after ``as_of``.

        >>> nik = NIK.parse("3602041211050001")
        >>> nik.birth_date(as_of=dt.date(2024, 1, 25))
        datetime.date(2005, 11, 12)
        >>> nik.birth_date(as_of=dt.date(2004, 1, 1))
        datetime.date(1905, 11, 12)

        """
        earlier = [day for day in self.birth_date_candidates if day <= as_of]
        if not earlier:
            raise InputError(
                f"NIK {self.masked} encodes a birth date after {as_of.isoformat()}; the holder was not born yet"
            )
        return earlier[-1]

    @property
    def kecamatan_code(self) -> RegionCode:
        """The district where the NIK was first registered (digits 1-6).

        It may be a historical code from before later region splits.
        """
        return RegionCode(self._digits[:6])

    @override
    def __repr__(self) -> str:
        return f"NIK({self.masked!r})"

    @override
    def __str__(self) -> str:
        return self.masked

    @override
    def __eq__(self, other: object) -> bool:
        if isinstance(other, NIK):
            return self._digits == other._digits
        return NotImplemented

    @override
    def __hash__(self) -> int:
        return hash(("NIK", self._digits))

    @override
    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("NIK is immutable")

    @override
    def __delattr__(self, name: str) -> None:
        raise AttributeError("NIK is immutable")

    def __reduce__(self) -> tuple[type[NIK], tuple[str]]:
        # Pickling (Dask, multiprocessing) needs the digits; a pickle is storage, not a message.
        return (NIK, (self._digits,))


def _optional_text(field: str) -> Callable[[object, object, str | None], None]:
    def check(_instance: object, _attribute: object, value: str | None) -> None:
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise InputError(f"duty unit {field} must be non-empty text or None, got {value!r}")

    return check


def _region_or_none(value: str | RegionCode | None) -> RegionCode | None:
    return None if value is None else RegionCode.parse(value)


def _redacted_repr(instance: attrs.AttrsInstance) -> str:
    """``Class(field=value, ...)`` like attrs' repr, with every NIK-like run of digits masked."""
    fields = ", ".join(f"{a.name}={getattr(instance, a.name)!r}" for a in attrs.fields(type(instance)))
    return redact_niks(f"{type(instance).__name__}({fields})")


@attrs.frozen(repr=False)
class DutyUnit:
    """Where an officer serves: polling station, village, district, region code.

    Every part is optional (``None`` = not reported). ``region`` accepts a
    :class:`~jamsos_pemilu.regions.RegionCode` or its text.

    >>> DutyUnit(tps="TPS 006", region="33.73.04.1001").region
    RegionCode('33.73.04.1001')
    """

    tps: str | None = attrs.field(default=None, validator=_optional_text("tps"))
    desa: str | None = attrs.field(default=None, validator=_optional_text("desa"))
    region: RegionCode | None = attrs.field(default=None, converter=_region_or_none)
    kecamatan: str | None = attrs.field(default=None, validator=_optional_text("kecamatan"))

    @override
    def __repr__(self) -> str:
        return _redacted_repr(self)


def _to_nik(value: str | NIK) -> NIK:
    return NIK.parse(value)


def _to_role(value: str | Role) -> Role:
    return value if isinstance(value, Role) else Role.parse(value)


def _to_position(value: str | Position) -> Position:
    return value if isinstance(value, Position) else Position.parse(value)


def _to_election_key(value: str) -> str:
    return _election(value).key


def _default_membership_start(officer: Officer) -> dt.date | None:
    return officer.bpjs_registered_on


def _check_optional_date(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (isinstance(value, dt.datetime) or not isinstance(value, dt.date)):
        raise InputError(f"{attribute.name} must be a datetime.date or None, got {value!r}")


@attrs.frozen(repr=False)
class Officer:
    """One person on duty in one ad hoc role for one election.

    Text is accepted for ``nik``, ``role``, ``position`` and ``election`` and
    parsed at construction; an invalid NIK raises
    :class:`~jamsos_pemilu.exceptions.InvalidNIKError` with the NIK masked.
    The ``repr`` masks the NIK, and any NIK-like digits typed into another
    field (a name, a polling station).

    Args:
        nik: the officer's NIK (masked in the repr).
        name: the officer's name.
        role: the ad hoc role.
        position: the position within the role (the role must have it).
        election: the election key (``"pemilu_2024"``; ``"Pemilu 2024"`` is accepted).
        appointment: the officer's own term, both ends included.
        unit: where the officer serves.
        asn: whether the officer is a civil servant (ASN).
        bpjs_registered_on: the day the officer's BPJS Ketenagakerjaan membership
            started, ``None`` if not registered or not reported.
        bpjs_membership_started: the earliest start of BPJS membership (for the
            scholarship's minimum membership); defaults to ``bpjs_registered_on``.

    Raises:
        InvalidNIKError: for a malformed NIK (masked).
        UnknownCodeError: for an unknown role, position or election.
        InputError: if the role lacks the position, the election has no such
            role, the officer was not yet born when appointed, or the dates are
            inconsistent.

    >>> officer = Officer(nik="3602041211050001", name="Siti", role="kpps", position="anggota",
    ...                   election="Pemilu 2024",
    ...                   appointment=Period.parse("2024-01-25/2024-02-25"))
    >>> officer.nik
    NIK('360204******0001')
    >>> officer.age_on(dt.date(2024, 2, 14))
    18

    """

    nik: NIK = attrs.field(converter=_to_nik)
    name: str
    role: Role = attrs.field(converter=_to_role)
    position: Position = attrs.field(converter=_to_position)
    election: str = attrs.field(converter=_to_election_key)
    appointment: Period
    unit: DutyUnit = attrs.field(factory=DutyUnit)
    asn: bool = False
    bpjs_registered_on: dt.date | None = attrs.field(default=None, validator=_check_optional_date)
    bpjs_membership_started: dt.date | None = attrs.field(
        default=attrs.Factory(_default_membership_start, takes_self=True),
        validator=_check_optional_date,
    )

    @override
    def __repr__(self) -> str:
        return _redacted_repr(self)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise InputError(f"officer {self.nik.masked}: name must be non-empty text")
        if not isinstance(self.appointment, Period):
            raise InputError(
                f"officer {self.nik.masked}: appointment must be a Period, not {type(self.appointment).__name__}"
            )
        if not isinstance(self.unit, DutyUnit):
            raise InputError(f"officer {self.nik.masked}: unit must be a DutyUnit")
        if type(self.asn) is not bool:
            raise InputError(f"officer {self.nik.masked}: asn must be True or False")
        self.role.check_position(self.position)
        election = _election(self.election)
        if not election.has_role(self.role):
            raise InputError(
                f"officer {self.nik.masked}: {election.name.en} has no {self.role.abbreviation} "
                f"(role {self.role.value!r})"
            )
        self.nik.birth_date(as_of=self.appointment.start)  # raises if born after appointment
        registered, started = self.bpjs_registered_on, self.bpjs_membership_started
        if registered is not None and started is not None and started > registered:
            raise InputError(
                f"officer {self.nik.masked}: bpjs_membership_started ({started.isoformat()}) "
                f"is after bpjs_registered_on ({registered.isoformat()})"
            )

    @property
    def birth_date(self) -> dt.date:
        """The birth date, the century read against the first day of the appointment."""
        return self.nik.birth_date(as_of=self.appointment.start)

    @property
    def sex(self) -> Sex:
        """Sex as encoded in the NIK."""
        return self.nik.sex

    def age_on(self, day: dt.date) -> int:
        """Age in completed years on ``day``.

        Someone born on 29 February completes a year on 28 February in
        common years (python-dateutil's month arithmetic).

        Args:
            day: the day the age is counted on (e.g. voting day for KPPS 2024).

        Returns:
            Whole years.

        Raises:
            InputError: if ``day`` is before the birth date.

        """
        born = self.birth_date
        if day < born:
            raise InputError(f"officer {self.nik.masked}: {day.isoformat()} is before the birth date")
        return completed_years(born, day)
