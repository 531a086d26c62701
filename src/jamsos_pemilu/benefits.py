"""Manfaat (benefits): what JKK, JKM and the KPU/Bawaslu santunan pay, line by line.

Every assessment uses the rules in force on the date of the accident or death,
so a 2019 death is paid by the 2019 rules: JKM paid Rp24.000.000 in cash until
1 December 2019 and Rp42.000.000 from 2 December 2019 (PP 82/2019).

JKK (Jaminan Kecelakaan Kerja, work-accident insurance) pays medical care as
needed, transport up to a cap per mode, temporary incapacity pay (STMB) on a
schedule, disability and death lump sums as multiples of the monthly wage,
funeral costs, a periodic benefit and scholarships. JKM (Jaminan Kematian,
death insurance) pays a lump sum, a periodic benefit, funeral costs and, after
enough years of membership, scholarships. KPU and Bawaslu pay their own
*santunan* on top.

Death not from a work accident on 14 February 2024 (as in the Seruyan and
Cilegon reports):

>>> import datetime as dt
>>> assessment = jkm_death(on=dt.date(2024, 2, 14))
>>> assessment.total
Rupiah(42000000)
>>> [line.amount for line in assessment.lines]
[Rupiah(20000000), Rupiah(12000000), Rupiah(10000000)]
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Final

import attrs

from jamsos_pemilu.claims import claim_window, scholarship_membership
from jamsos_pemilu.codes import parse_code
from jamsos_pemilu.exceptions import CalculationError, FloatMoneyError, InputError
from jamsos_pemilu.explain import (
    Formula,
    LineItem,
    Receipt,
    Result,
    RuleTrace,
    Share,
    citations_of,
    iter_nonempty,
    line_records,
    render_lines,
)
from jamsos_pemilu.l10n import Language, Text, format_date, format_rupiah
from jamsos_pemilu.law import names
from jamsos_pemilu.law.parameters import ParameterValue, RuleSnapshot, RuleValue, Unit, snapshot_for
from jamsos_pemilu.money import Rupiah, round_rupiah
from jamsos_pemilu.periods import completed_years, require_date
from jamsos_pemilu.readings import other_outcomes
from jamsos_pemilu.roles import Body

__all__ = [
    "BenefitAssessment",
    "Child",
    "EducationLevel",
    "Impairment",
    "SantunanEvent",
    "TransportMode",
    "jkk_death",
    "jkk_home_care",
    "jkk_medical_care",
    "jkk_partial_disability",
    "jkk_temporary_incapacity",
    "jkk_total_disability",
    "jkk_transport",
    "jkm_death",
    "santunan",
]


class EducationLevel(enum.Enum):
    """A child's level of schooling, for the scholarship table (in order)."""

    TK = "tk"
    """Kindergarten (*taman kanak-kanak*)."""
    SD = "sd"
    """Primary school."""
    SMP = "smp"
    """Junior secondary school."""
    SMA = "sma"
    """Senior secondary school."""
    PT = "pt"
    """Higher education up to S1, or vocational training."""

    @classmethod
    def parse(cls, text: str) -> EducationLevel:
        """Parse ``"SD"``, ``"sma"``..."""
        return parse_code(cls, "education level", text)


_LEVELS: Final = tuple(EducationLevel)


@attrs.frozen
class Child:
    """A child of the participant, for scholarships.

    Args:
        level: the level the child is at (or will enter).
        birth_date: used to check the age limit; ``None`` if not known.

    """

    level: EducationLevel
    birth_date: dt.date | None = None

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.level, EducationLevel):
            raise InputError(f"a child's level must be an EducationLevel, got {self.level!r}")


class TransportMode(enum.Enum):
    """How an injured participant was transported."""

    LAND = "land"
    """By land, river or lake."""
    SEA = "sea"
    """By sea."""
    AIR = "air"
    """By air."""


@attrs.frozen
class Impairment:
    """One partial disability: a row of the disability table or a doctor's percentage.

    Args:
        item: the row, e.g. ``"one_eye"`` (rule-book parameter ``jkk.disability.one_eye``).
        percent: a percentage set by the *dokter penasehat* when the row is not in the
            rule book (a fraction, e.g. ``Decimal("0.35")``).
        function_loss: for loss of function (*cacat sebagian fungsi*), the share of the
            function lost; ``None`` for anatomical loss.

    """

    item: str | None = None
    percent: Decimal | None = None
    function_loss: Decimal | None = None

    def __attrs_post_init__(self) -> None:
        if (self.item is None) == (self.percent is None):
            raise InputError("an impairment names either a table item or a percent, not both or neither")
        for name in ("percent", "function_loss"):
            share = getattr(self, name)
            if share is None:
                continue
            if not isinstance(share, Decimal):
                raise FloatMoneyError(share, where=f"impairment {name}", expected='a Decimal fraction (Decimal("0.35"))')
            if not Decimal(0) < share <= Decimal(1):
                raise InputError(f"impairment {name} must be a fraction above 0 and at most 1, got {share}")


class SantunanEvent(enum.Enum):
    """An event for which KPU or Bawaslu pays its own compensation."""

    DEATH = "death"
    PERMANENT_DISABILITY = "permanent_disability"
    SERIOUS_INJURY = "serious_injury"
    MODERATE_INJURY = "moderate_injury"

    @classmethod
    def parse(cls, text: str) -> SantunanEvent:
        """Parse ``"death"``, ``"serious_injury"``..."""
        return parse_code(cls, "santunan event", text)


@attrs.frozen
class BenefitAssessment(Result):
    """What is paid for one event under the rules of its date, line by line.

    ``on`` is the date of the accident, death or event whose rules apply.
    """

    kind: str
    title: Text
    on: dt.date
    lines: tuple[LineItem, ...]
    total: Rupiah
    receipt: Receipt
    notes: tuple[Text, ...] = ()

    def amount(self, key: str) -> Rupiah:
        """The amount of the line with ``key`` (e.g. ``"jkm.lump_sum"``).

        Raises:
            KeyError: if there is no such line or it has no amount.

        """
        for line in self.lines:
            if line.key == key and line.amount is not None:
                return line.amount
        raise KeyError(key)

    def _render(self, lang: Language) -> str:
        rows = [f"{self.title.render(lang)} — {format_date(self.on, lang)}"]
        rows += render_lines(self.lines, lang, self.total)
        rows += [f"  * {note.render(lang)}" for note in self.notes]
        rows.append(self.receipt.render(lang))
        return "\n".join(rows)

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON."""
        return {
            "kind": self.kind,
            "title": self.title.to_dict(),
            "on": self.on.isoformat(),
            "lines": [line.to_dict() for line in self.lines],
            "total": self.total.amount,
            "notes": [n.to_dict() for n in self.notes],
            "receipt": self.receipt.to_dict(),
        }

    def records(self) -> list[dict[str, object]]:
        """One flat dict per line (with the kind and date), to load straight into a DataFrame."""
        return line_records(self.lines, kind=self.kind, on=self.on.isoformat())


def _wage(wage: object, what: str = "wage") -> Rupiah:
    if not isinstance(wage, Rupiah):  # a float, an int, text: one money rule, one message
        raise FloatMoneyError(wage, where=f"{what} (the monthly wage)")
    if wage.amount <= 0:
        raise CalculationError(f"{what}: the monthly wage must be positive, got {wage.amount} rupiah")
    return wage


def _months(months: object, what: str, *, minimum: int) -> int:
    if type(months) is not int or months < minimum:
        raise CalculationError(f"{what}: expected a whole number of months from {minimum}, got {months!r}")
    return months


def _trace(rules: RuleSnapshot | None, on: dt.date, what: str) -> RuleTrace:
    return RuleTrace(snapshot_for(rules, on, what=what))


def _flat(trace: RuleTrace, name: str, label: Text) -> LineItem:
    value = trace[name]
    return LineItem(name, label, value.rupiah, Formula("{0}", (value.rupiah,)), citations_of(value), (name,))


def _assessment(
    kind: str, title: Text, trace: RuleTrace, lines: Sequence[LineItem], notes: Iterable[Text] = ()
) -> BenefitAssessment:
    total = sum(iter_nonempty(lines), Rupiah.zero())
    return BenefitAssessment(kind, title, trace.rules.on, tuple(lines), total, trace.receipt(), tuple(notes))


_DEATH_FLOOR: Final = Text(id="batas minimum santunan kematian JKK", en="the JKK death minimum")


def _value_text(value: ParameterValue, lang: Language) -> str:
    return format_rupiah(value, lang) if isinstance(value, Rupiah) else str(value)


def _other_readings(
    value: RuleValue,
    compute: Callable[[ParameterValue], Rupiah],
    *,
    actual: Rupiah,
    line: Text,
    subject: Text,
) -> list[Text]:
    """Notes for each alternative reading of ``value`` that would change a line's amount, with the other amount.

    "JKK death Rp40.800.000; under the Rp42.000.000 reading of the JKK death minimum (source): Rp42.000.000."
    """
    notes: list[Text] = []
    for found in other_outcomes(value.alternatives, compute, actual=actual):
        reading = _value_text(found.alternative.value, "id"), _value_text(found.alternative.value, "en")
        source = found.alternative.source
        notes.append(
            Text(
                id=f"{line.id} {format_rupiah(actual, 'id')}; menurut bacaan {reading[0]} untuk {subject.id} "
                f"({source}): {format_rupiah(found.outcome, 'id')}.",
                en=f"{line.en} {format_rupiah(actual, 'en')}; under the {reading[1]} reading of {subject.en} "
                f"({source}): {format_rupiah(found.outcome, 'en')}.",
            )
        )
    return notes


def _flat_outcome(used: Rupiah, other: ParameterValue) -> Rupiah:
    return other if isinstance(other, Rupiah) else used


def _flat_readings(trace: RuleTrace, lines: Iterable[LineItem]) -> list[Text]:
    """Alternative readings of flat amounts (a line that is one rule value), each with its other amount."""
    notes: list[Text] = []
    for line in lines:
        if line.amount is None or len(line.parameters) != 1:
            continue
        value = trace[line.parameters[0]]
        if value.alternatives and value.unit is Unit.RUPIAH:
            notes += _other_readings(
                value,
                functools.partial(_flat_outcome, value.rupiah),
                actual=line.amount,
                line=line.label,
                subject=value.label,
            )
    return notes


def _children(children: object) -> tuple[Child, ...]:
    if isinstance(children, str | bytes) or not isinstance(children, Sequence):
        raise InputError(f"children: expected a sequence of Child, got {type(children).__name__} ({children!r})")
    for index, child in enumerate(children, start=1):
        if not isinstance(child, Child):
            raise InputError(f"children: child {index} must be a Child, got {type(child).__name__} ({child!r})")
    return tuple(children)


_FUNERAL: Final = Text(id="Biaya pemakaman", en="Funeral costs")
_PERIODIC: Final = Text(id="Santunan berkala (dibayar sekaligus)", en="Periodic benefit (paid at once)")
_SCHOLARSHIP: Final = Text(id="Beasiswa pendidikan anak", en="Children's scholarship")
_SCHOLARSHIP_2015: Final = Text(
    id="Beasiswa 2015 diberikan sekali per peserta bila ada anak yang masih sekolah.",
    en="The 2015 scholarship is paid once per participant with a child still in school.",
)
_SCHOLARSHIP_NOTE: Final = Text(
    id="Dibayar per tahun sesuai jenjang; berhenti pada usia batas, menikah atau bekerja.",
    en="Paid yearly by level; stops at the age limit, marriage or employment.",
)
_NO_JKM_SCHOLARSHIP: Final = Text(id="Beasiswa JKM tidak dihitung.", en="The JKM scholarship is not counted.")


def _scholarship_lines(
    trace: RuleTrace, children: Sequence[Child], lump_sum_name: str
) -> tuple[list[LineItem], list[Text]]:
    """Scholarship lines and notes: a lump sum under the 2015 rules, the per-child table from PP 82/2019."""
    if not children:
        return [], []
    on = trace.rules.on
    if lump_sum_name in trace:
        value = trace[lump_sum_name]
        line = LineItem(
            "scholarship",
            _SCHOLARSHIP,
            value.rupiah,
            Formula("{0}", (value.rupiah,)),
            citations_of(value),
            (value.name,),
        )
        return [line], [_SCHOLARSHIP_2015]
    max_children = trace[names.SCHOLARSHIP_MAX_CHILDREN]
    max_age = trace[names.SCHOLARSHIP_MAX_AGE]
    lines: list[LineItem] = []
    notes: list[Text] = []
    counted = 0
    for index, child in enumerate(children, start=1):
        if child.birth_date is not None and completed_years(child.birth_date, on) >= max_age.integer:
            notes.append(
                Text(
                    id=f"Anak ke-{index} sudah berusia {max_age.integer} tahun atau lebih: tidak menerima beasiswa.",
                    en=f"Child {index} is {max_age.integer} or older: no scholarship.",
                )
            )
            continue
        if counted >= max_children.integer:
            notes.append(
                Text(
                    id=f"Anak ke-{index} melebihi batas {max_children.integer} anak: tidak dihitung.",
                    en=f"Child {index} is beyond the limit of {max_children.integer} children: not counted.",
                )
            )
            continue
        counted += 1
        if child.birth_date is None:
            notes.append(
                Text(
                    id=f"Usia anak ke-{index} tidak diketahui; batas usia belum diperiksa.",
                    en=f"Child {index}'s age is unknown; the age limit was not checked.",
                )
            )
        parts: list[tuple[Rupiah, int]] = []
        values = [max_children, max_age]
        bands: list[str] = []
        for level in _LEVELS[_LEVELS.index(child.level) :]:
            band = names.scholarship_band(level)
            if band in bands:  # TK and SD are one band, counted once
                continue
            bands.append(band)
            per_year = trace[names.scholarship(level, "per_year")]
            years = trace[names.scholarship(level, "max_years")]
            parts.append((per_year.rupiah, years.integer))
            values += [per_year, years]
        amount = sum((yearly.times(count) for yearly, count in parts), Rupiah.zero())
        template = " + ".join(f"{{{2 * i}}} × {{{2 * i + 1}}} th" for i in range(len(parts)))
        args: list[Rupiah | int] = []
        for yearly, count in parts:
            args += [yearly, count]
        level_code = child.level.value.upper()
        lines.append(
            LineItem(
                f"scholarship.child_{index}",
                Text(
                    id=f"Beasiswa anak ke-{index} (paling banyak, {level_code} s.d. PT)",
                    en=f"Scholarship, child {index} (at most, {level_code} to higher education)",
                ),
                amount,
                Formula(template, tuple(args), template.replace(" th", " yr")),
                citations_of(*values),
                tuple(v.name for v in values),
                _SCHOLARSHIP_NOTE,
            )
        )
    return lines, notes


def jkm_death(
    *,
    on: dt.date,
    children: Sequence[Child] = (),
    membership_start: dt.date | None = None,
    rules: RuleSnapshot | None = None,
) -> BenefitAssessment:
    """JKM benefits for a death not caused by a work accident.

    Args:
        on: the date of death (the rules of that date apply).
        children: children for the scholarship (at most the rule-book limit count).
        membership_start: when JKM membership began; needed for the scholarship,
            which requires a minimum number of years of premiums paid
            (:func:`jamsos_pemilu.claims.scholarship_membership`).
        rules: the rules in force on ``on`` (default: the shipped rule book).

    >>> import datetime as dt
    >>> jkm_death(on=dt.date(2019, 5, 1)).total  # a KPPS death of Pemilu 2019, PP 44/2015 amounts
    Rupiah(24000000)

    """
    trace = _trace(rules, on, "a JKM death benefit")
    kids = _children(children)
    if membership_start is not None and require_date(membership_start, "membership_start") > on:
        raise InputError(
            f"membership_start: {membership_start.isoformat()} is after the date of death {on.isoformat()}"
        )
    lines = [
        _flat(trace, names.JKM_LUMP_SUM, Text(id="Santunan kematian sekaligus", en="Lump-sum death benefit")),
        _flat(trace, names.JKM_PERIODIC_BENEFIT, _PERIODIC),
        _flat(trace, names.JKM_FUNERAL, _FUNERAL),
    ]
    notes = _flat_readings(trace, lines)
    if kids:
        membership = scholarship_membership(trace, membership_start, on=on)
        if membership.met:
            more, more_notes = _scholarship_lines(trace, kids, names.JKM_SCHOLARSHIP_LUMP_SUM)
            lines += more
            notes += more_notes
        else:
            notes += [membership.text, _NO_JKM_SCHOLARSHIP]
    return _assessment("jkm_death", Text(id="Jaminan Kematian (JKM)", en="Death benefit (JKM)"), trace, lines, notes)


def jkk_death(
    wage: Rupiah,
    *,
    on: dt.date,
    children: Sequence[Child] = (),
    rules: RuleSnapshot | None = None,
) -> BenefitAssessment:
    """JKK benefits for a death from a work accident (or sudden death at work).

    The lump sum is 48 × the monthly wage (60% × 80), at least the JKM death
    benefit floor where the rule book has one; plus funeral costs, the periodic
    benefit and scholarships (no minimum membership).

    Args:
        wage: the monthly wage the premium was paid on.
        on: the date of the accident (its rules apply).
        children: children for the scholarship.
        rules: the rules in force on ``on`` (default: the shipped rule book).

    >>> import datetime as dt
    >>> from jamsos_pemilu import Rupiah
    >>> jkk_death(Rupiah(1_100_000), on=dt.date(2024, 2, 14)).amount("jkk.death")
    Rupiah(52800000)
    """
    trace = _trace(rules, on, "a JKK death benefit")
    basis = _wage(wage)
    kids = _children(children)
    notes: list[Text] = []
    multiplier = trace[names.JKK_DEATH_WAGE_MULTIPLIER]
    computed = basis.times(multiplier.integer)
    values = [multiplier]
    label = Text(id="Santunan kematian kecelakaan kerja", en="Work-accident death benefit")
    if names.JKK_DEATH_FLOOR in trace:
        floor = trace[names.JKK_DEATH_FLOOR]
        values.append(floor)
        amount = computed.max(floor.rupiah)
        notes += _other_readings(
            floor,
            lambda minimum: computed.max(minimum) if isinstance(minimum, Rupiah) else amount,
            actual=amount,
            line=label,
            subject=_DEATH_FLOOR,
        )
        formula = Formula(
            "maks({0} × {1}; paling sedikit {2})",
            (multiplier.integer, basis, floor.rupiah),
            "max({0} × {1}; at least {2})",
        )
    else:
        amount = computed
        formula = Formula("{0} × {1}", (multiplier.integer, basis))
        notes.append(
            Text(
                id="Batas minimum santunan kematian JKK untuk tanggal ini tidak diketahui.",
                en="No JKK death-benefit floor is known for this date.",
            )
        )
    lines = [
        LineItem(
            "jkk.death",
            label,
            amount,
            formula,
            citations_of(*values),
            tuple(v.name for v in values),
        ),
        _flat(trace, names.JKK_FUNERAL, _FUNERAL),
        _flat(trace, names.JKK_PERIODIC_BENEFIT, _PERIODIC),
    ]
    notes += _flat_readings(trace, lines[1:])
    more, more_notes = _scholarship_lines(trace, kids, names.JKK_SCHOLARSHIP_LUMP_SUM)
    title = Text(id="Jaminan Kecelakaan Kerja: meninggal dunia", en="Work-accident insurance (JKK): death")
    return _assessment("jkk_death", title, trace, lines + more, notes + more_notes)


def jkk_total_disability(
    wage: Rupiah,
    *,
    on: dt.date,
    children: Sequence[Child] = (),
    rules: RuleSnapshot | None = None,
) -> BenefitAssessment:
    """JKK benefits for total permanent disability: 56 × wage (70% × 80), periodic benefit, scholarships.

    >>> import datetime as dt
    >>> from jamsos_pemilu import Rupiah
    >>> jkk_total_disability(Rupiah(1_000_000), on=dt.date(2024, 2, 14)).amount("jkk.total_disability")
    Rupiah(56000000)
    """
    trace = _trace(rules, on, "a JKK total-disability benefit")
    basis = _wage(wage)
    kids = _children(children)
    multiplier = trace[names.JKK_TOTAL_DISABILITY_WAGE_MULTIPLIER]
    lines = [
        LineItem(
            "jkk.total_disability",
            Text(id="Santunan cacat total tetap", en="Total permanent disability"),
            basis.times(multiplier.integer),
            Formula("{0} × {1}", (multiplier.integer, basis)),
            citations_of(multiplier),
            (multiplier.name,),
        ),
        _flat(trace, names.JKK_PERIODIC_BENEFIT, _PERIODIC),
    ]
    more, notes = _scholarship_lines(trace, kids, names.JKK_SCHOLARSHIP_LUMP_SUM)
    notes = _flat_readings(trace, lines[1:]) + notes
    title = Text(id="Jaminan Kecelakaan Kerja: cacat total tetap", en="JKK: total permanent disability")
    return _assessment("jkk_total_disability", title, trace, lines + more, notes)


_COMBINING: Final = Text(
    id="Aturan penggabungan beberapa cacat tidak ditemukan; tiap cacat dihitung sendiri.",
    en="No rule for combining several impairments was found; each is paid on its own.",
)
_DOCTOR: Final = Text(
    id="Cacat sebagian (persentase dokter penasehat)",
    en="Partial disability (examining doctor's percentage)",
)


def jkk_partial_disability(
    wage: Rupiah,
    impairments: Sequence[Impairment],
    *,
    on: dt.date,
    rules: RuleSnapshot | None = None,
) -> BenefitAssessment:
    """JKK lump sums for partial disability: table percentage × 80 × wage (× share of function lost).

    The rule book holds the table rows that could be read (all ``unconfirmed``);
    a percentage set by the examining doctor can be given instead. How several
    impairments combine is not in the sources read: each is paid on its own.

    >>> import datetime as dt
    >>> from jamsos_pemilu import Rupiah
    >>> one_eye = Impairment(item="one_eye")
    >>> jkk_partial_disability(Rupiah(1_000_000), [one_eye], on=dt.date(2024, 2, 14)).total
    Rupiah(28000000)
    """
    trace = _trace(rules, on, "a JKK partial-disability benefit")
    basis = _wage(wage)
    if isinstance(impairments, str | bytes) or not isinstance(impairments, Sequence):
        raise InputError(f"impairments: expected a sequence of Impairment, got {type(impairments).__name__}")
    if not impairments:
        raise CalculationError("impairments: a partial-disability assessment needs at least one impairment")
    rounding = trace.rounding()
    multiplier = trace[names.JKK_PARTIAL_DISABILITY_WAGE_MULTIPLIER]
    lines: list[LineItem] = []
    for index, impairment in enumerate(impairments, start=1):
        if not isinstance(impairment, Impairment):
            raise InputError(f"impairments: impairment {index} must be an Impairment, got {impairment!r}")
        values = [multiplier]
        if impairment.item is not None:
            row = trace[names.disability(impairment.item)]
            values.append(row)
            share = row.rate
            label = row.label
        else:
            assert impairment.percent is not None  # an Impairment has an item or a percent
            share = impairment.percent
            label = _DOCTOR
        if impairment.function_loss is not None:
            exact = basis.scale(impairment.function_loss * share * multiplier.integer)
            formula = Formula(
                "{0} × {1} × {2} × {3}", (Share(impairment.function_loss), Share(share), multiplier.integer, basis)
            )
        else:
            exact = basis.scale(share * multiplier.integer)
            formula = Formula("{0} × {1} × {2}", (Share(share), multiplier.integer, basis))
        lines.append(
            LineItem(
                f"jkk.partial_disability.{index}",
                label,
                round_rupiah(exact, rounding),
                formula,
                citations_of(*values),
                tuple(v.name for v in values),
            )
        )
    title = Text(id="Jaminan Kecelakaan Kerja: cacat sebagian", en="JKK: partial disability")
    return _assessment("jkk_partial_disability", title, trace, lines, [_COMBINING])


def jkk_temporary_incapacity(
    wage: Rupiah,
    months: int,
    *,
    on: dt.date,
    rules: RuleSnapshot | None = None,
) -> BenefitAssessment:
    """STMB (*santunan sementara tidak mampu bekerja*): pay for months unable to work, by the schedule in force.

    Under PP 44/2015 as amended by PP 82/2019: 100% of the wage for 12 months,
    then 50% until recovery; before: 100%, 75% and 50% per 6 months (the 75%
    tier is ``unconfirmed``). The schedule of the accident date applies to every
    month of incapacity.

    >>> import datetime as dt
    >>> from jamsos_pemilu import Rupiah
    >>> jkk_temporary_incapacity(Rupiah(1_000_000), 14, on=dt.date(2024, 2, 14)).total
    Rupiah(13000000)
    """
    trace = _trace(rules, on, "a JKK temporary-incapacity benefit")
    basis = _wage(wage)
    remaining = _months(months, "months", minimum=0)
    rounding = trace.rounding()
    schedule = trace[names.JKK_STMB_SCHEDULE]
    lines: list[LineItem] = []
    first = 1
    for tier in schedule.schedule:
        if remaining == 0:
            break
        count = remaining if tier.months is None else min(remaining, tier.months)
        amount = round_rupiah(basis.scale(tier.rate * count), rounding)
        last = first + count - 1
        lines.append(
            LineItem(
                f"jkk.stmb.{first}-{last}",
                Text(id=f"STMB bulan ke-{first} s.d. {last}", en=f"Temporary incapacity pay, months {first}–{last}"),
                amount,
                Formula("{0} × {1} × {2} bulan", (Share(tier.rate), basis, count), "{0} × {1} × {2} months"),
                citations_of(schedule),
                (schedule.name,),
            )
        )
        remaining -= count
        first = last + 1
    title = Text(id="Jaminan Kecelakaan Kerja: sementara tidak mampu bekerja", en="JKK: temporary incapacity (STMB)")
    return _assessment("jkk_temporary_incapacity", title, trace, lines)


def jkk_transport(
    costs: Mapping[TransportMode, Rupiah],
    *,
    on: dt.date,
    rules: RuleSnapshot | None = None,
) -> BenefitAssessment:
    """Transport costs reimbursed up to the cap of each mode used (several modes: each mode's cap).

    >>> import datetime as dt
    >>> from jamsos_pemilu import Rupiah
    >>> jkk_transport({TransportMode.LAND: Rupiah(6_000_000)}, on=dt.date(2024, 2, 14)).total
    Rupiah(5000000)
    """
    trace = _trace(rules, on, "a JKK transport benefit")
    if not isinstance(costs, Mapping):
        raise InputError(f"costs: expected a mapping of TransportMode to Rupiah, got {type(costs).__name__}")
    if not costs:
        raise CalculationError("costs: a transport claim needs the cost of at least one mode")
    lines: list[LineItem] = []
    for mode, cost in costs.items():
        if not isinstance(mode, TransportMode):
            raise InputError(f"costs: transport mode must be a TransportMode, got {mode!r}")
        if not isinstance(cost, Rupiah):
            raise FloatMoneyError(cost, where=f"costs: the {mode.value} transport cost")
        if cost.amount < 0:
            raise CalculationError(f"costs: the {mode.value} transport cost must not be negative, got {cost.amount}")
        cap = trace[names.transport(mode)]
        lines.append(
            LineItem(
                f"jkk.transport.{mode.value}",
                Text(id=f"Biaya transportasi ({cap.label.id})", en=f"Transport ({cap.label.en})"),
                cost.min(cap.rupiah),
                Formula("min({0}; batas {1})", (cost, cap.rupiah), "min({0}; cap {1})"),
                citations_of(cap),
                (cap.name,),
            )
        )
    title = Text(id="Jaminan Kecelakaan Kerja: biaya transportasi", en="JKK: transport costs")
    return _assessment("jkk_transport", title, trace, lines)


def jkk_home_care(
    cost: Rupiah,
    months: int,
    *,
    on: dt.date,
    rules: RuleSnapshot | None = None,
) -> BenefitAssessment:
    """Home care (from PP 82/2019): the cost up to the cap, for at most the months allowed.

    Months beyond the limit are not covered; the cost is taken as the cost of the
    covered months.

    >>> import datetime as dt
    >>> from jamsos_pemilu import Rupiah
    >>> jkk_home_care(Rupiah(25_000_000), 6, on=dt.date(2024, 2, 14)).total
    Rupiah(20000000)
    """
    trace = _trace(rules, on, "a JKK home-care benefit")
    if not isinstance(cost, Rupiah):
        raise FloatMoneyError(cost, where="cost (the home-care cost)")
    if cost.amount < 0:
        raise CalculationError(f"cost: the home-care cost must not be negative, got {cost.amount}")
    count = _months(months, "months", minimum=1)
    cap = trace[names.JKK_HOME_CARE_CAP]
    limit = trace[names.JKK_HOME_CARE_MAX_MONTHS]
    notes = []
    if count > limit.integer:
        notes.append(
            Text(
                id=f"Perawatan di rumah paling lama {limit.integer} bulan; sisanya tidak ditanggung.",
                en=f"Home care is covered for at most {limit.integer} months; the rest is not.",
            )
        )
    line = LineItem(
        "jkk.home_care",
        Text(id="Perawatan di rumah (homecare)", en="Home care"),
        cost.min(cap.rupiah),
        Formula("min({0}; batas {1})", (cost, cap.rupiah), "min({0}; cap {1})"),
        citations_of(cap, limit),
        (cap.name, limit.name),
    )
    title = Text(id="Jaminan Kecelakaan Kerja: perawatan di rumah", en="JKK: home care")
    return _assessment("jkk_home_care", title, trace, [line], notes)


def jkk_medical_care(*, on: dt.date, rules: RuleSnapshot | None = None) -> BenefitAssessment:
    """Medical care for a work accident: as medically needed, with no monetary cap.

    The line cites the claim window (:func:`jamsos_pemilu.claims.jkk_claim_deadline`).

    >>> import datetime as dt
    >>> jkk_medical_care(on=dt.date(2024, 2, 14)).lines[0].amount is None
    True
    """
    trace = _trace(rules, on, "JKK medical care")
    window = claim_window(trace, on)
    line = LineItem(
        "jkk.medical",
        Text(id="Pelayanan kesehatan", en="Medical care"),
        None,
        Formula("sesuai kebutuhan medis, tanpa batas nominal", (), "as medically needed, no monetary cap"),
        citations_of(window.value),
        (window.value.name,),
        Text(
            id="PP 44/2015 Pasal 25 ayat (2) huruf a; rawat inap kelas I.",
            en="PP 44/2015 Pasal 25(2)(a); first-class inpatient care.",
        ),
    )
    title = Text(id="Jaminan Kecelakaan Kerja: pelayanan kesehatan", en="JKK: medical care")
    return _assessment("jkk_medical", title, trace, [line])


_SANTUNAN_EVENT_TEXT: Final = {
    SantunanEvent.DEATH: Text(id="meninggal dunia", en="death"),
    SantunanEvent.PERMANENT_DISABILITY: Text(id="cacat permanen", en="permanent disability"),
    SantunanEvent.SERIOUS_INJURY: Text(id="luka berat", en="serious injury"),
    SantunanEvent.MODERATE_INJURY: Text(id="luka sedang", en="moderate injury"),
}
_NO_FUNERAL_AID: Final = Text(
    id="Bantuan biaya pemakaman belum ada dalam aturan pada tanggal ini.",
    en="No funeral aid is in the rule book for this date.",
)
_SEPARATE: Final = Text(
    id="Dibayar oleh KPU/Bawaslu dari APBN, terpisah dari dan di samping manfaat BPJS.",
    en="Paid by KPU/Bawaslu from the state budget, separate from and on top of BPJS benefits.",
)


def santunan(
    event: SantunanEvent,
    *,
    on: dt.date,
    body: Body = Body.KPU,
    rules: RuleSnapshot | None = None,
) -> BenefitAssessment:
    """KPU's or Bawaslu's own compensation for an ad hoc officer (separate from BPJS).

    Args:
        event: what happened.
        on: the date of the event (its rules apply).
        body: the body the officer served (KPU or Bawaslu).
        rules: the rules in force on ``on`` (default: the shipped rule book).

    >>> import datetime as dt
    >>> santunan(SantunanEvent.DEATH, on=dt.date(2024, 2, 14)).total
    Rupiah(46000000)
    """
    trace = _trace(rules, on, "a santunan")
    if not isinstance(event, SantunanEvent):
        raise InputError(f"event: expected a SantunanEvent, got {event!r}")
    if not isinstance(body, Body):
        raise InputError(f"body: expected a Body, got {body!r}")
    lines: list[LineItem] = []
    notes: list[Text] = []
    parameters = [names.santunan(event)]
    if event is SantunanEvent.DEATH:
        parameters.append(names.SANTUNAN_FUNERAL)
    for name in parameters:
        if name == names.SANTUNAN_FUNERAL and name not in trace:
            notes.append(_NO_FUNERAL_AID)
            continue
        value = trace[name]
        lines.append(
            LineItem(name, value.label, value.rupiah, Formula("{0}", (value.rupiah,)), citations_of(value), (name,))
        )
    notes += _flat_readings(trace, lines)
    notes.append(_SEPARATE)
    who = "KPU" if body is Body.KPU else "Bawaslu"
    what = _SANTUNAN_EVENT_TEXT[event]
    title = Text(id=f"Santunan {who} ({what.id})", en=f"{who} compensation ({what.en})")
    return _assessment("santunan", title, trace, lines, notes)
