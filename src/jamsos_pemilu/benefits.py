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
>>> assessment = jkm_death(dt.date(2024, 2, 14))
>>> assessment.total
Rupiah(42000000)
>>> [line.amount for line in assessment.lines]
[Rupiah(20000000), Rupiah(12000000), Rupiah(10000000)]
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Final

import attrs

from jamsos_pemilu.codes import parse_code
from jamsos_pemilu.exceptions import CalculationError, FloatMoneyError, InputError
from jamsos_pemilu.explain import (
    Formula,
    LineItem,
    Receipt,
    RuleTrace,
    Share,
    citations_of,
    dumps,
    iter_nonempty,
    line_records,
    render_lines,
)
from jamsos_pemilu.l10n import DEFAULT_LANGUAGE, Language, Text, format_date
from jamsos_pemilu.law.parameters import RuleBook, default_rule_book
from jamsos_pemilu.money import Rupiah, round_rupiah
from jamsos_pemilu.periods import completed_years, years_after
from jamsos_pemilu.roles import Body

__all__ = [
    "BenefitAssessment",
    "Child",
    "EducationLevel",
    "Impairment",
    "SantunanEvent",
    "TransportMode",
    "jkk_claim_deadline",
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
                raise FloatMoneyError(share, where=f"impairment {name}")
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
class BenefitAssessment:
    """What is paid for one event under the rules of its date, line by line."""

    kind: str
    title: Text
    event_date: dt.date
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

    def render(self, lang: Language = DEFAULT_LANGUAGE) -> str:
        """The assessment as text: lines, formulas, citations, notes and receipt."""
        rows = [f"{self.title.render(lang)} — {format_date(self.event_date, lang)}"]
        rows += render_lines(self.lines, lang, self.total)
        rows += [f"  * {note.render(lang)}" for note in self.notes]
        rows.append(self.receipt.render(lang))
        return "\n".join(rows)

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON."""
        return {
            "kind": self.kind,
            "title": self.title.to_dict(),
            "event_date": self.event_date.isoformat(),
            "lines": [line.to_dict() for line in self.lines],
            "total": self.total.amount,
            "notes": [n.to_dict() for n in self.notes],
            "receipt": self.receipt.to_dict(),
        }

    def to_json(self) -> str:
        """JSON text."""
        return dumps(self.to_dict())

    def records(self) -> list[dict[str, object]]:
        """One flat dict per line, to load straight into a DataFrame."""
        return line_records(self.lines, kind=self.kind, event_date=self.event_date.isoformat())


def _date(value: object, what: str) -> dt.date:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise InputError(f"{what} must be a datetime.date, not {type(value).__name__}")
    return value


def _wage(wage: object) -> Rupiah:
    if isinstance(wage, float):
        raise FloatMoneyError(wage, where="the monthly wage")
    if not isinstance(wage, Rupiah):
        raise InputError(f"the monthly wage must be a Rupiah amount, got {type(wage).__name__}")
    if wage.amount <= 0:
        raise CalculationError(f"the monthly wage must be positive, got {wage.amount} rupiah")
    return wage


def _trace(on: dt.date, rules: RuleBook | None) -> RuleTrace:
    return RuleTrace((rules or default_rule_book()).on(on))


def _flat(trace: RuleTrace, name: str, key: str, label: Text) -> LineItem:
    value = trace[name]
    return LineItem(key, label, value.rupiah, Formula("{0}", (value.rupiah,)), citations_of(value), (name,))


def _assessment(
    kind: str, title: Text, on: dt.date, trace: RuleTrace, lines: Sequence[LineItem], notes: Iterable[Text] = ()
) -> BenefitAssessment:
    total = sum(iter_nonempty(lines), Rupiah.zero())
    return BenefitAssessment(kind, title, on, tuple(lines), total, trace.receipt(), tuple(notes))


_FUNERAL: Final = Text(id="Biaya pemakaman", en="Funeral costs")
_PERIODIC: Final = Text(id="Santunan berkala (dibayar sekaligus)", en="Periodic benefit (paid at once)")
_SCHOLARSHIP: Final = Text(id="Beasiswa pendidikan anak", en="Children's scholarship")


def _scholarship_lines(
    trace: RuleTrace, on: dt.date, children: Sequence[Child], lump_sum_name: str, notes: list[Text]
) -> list[LineItem]:
    """Scholarship lines: a lump sum under the 2015 rules, the per-child table from PP 82/2019."""
    if not children:
        return []
    if lump_sum_name in trace:
        value = trace[lump_sum_name]
        notes.append(
            Text(
                id="Beasiswa 2015 diberikan sekali per peserta bila ada anak yang masih sekolah.",
                en="The 2015 scholarship is paid once per participant with a child still in school.",
            )
        )
        return [
            LineItem(
                "scholarship",
                _SCHOLARSHIP,
                value.rupiah,
                Formula("{0}", (value.rupiah,)),
                citations_of(value),
                (value.name,),
            )
        ]
    max_children = trace["scholarship.max_children"]
    max_age = trace["scholarship.max_age"]
    lines: list[LineItem] = []
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
        start = _LEVELS.index(child.level)
        parts: list[tuple[EducationLevel, Rupiah, int]] = []
        names: list[str] = [max_children.name, max_age.name]
        values = [max_children, max_age]
        for level in _LEVELS[start:]:
            per_year = trace[f"scholarship.{level.value}.per_year"]
            years = trace[f"scholarship.{level.value}.max_years"]
            parts.append((level, per_year.rupiah, years.integer))
            names += [per_year.name, years.name]
            values += [per_year, years]
        amount = sum((yearly.times(count) for _, yearly, count in parts), Rupiah.zero())
        template = " + ".join(f"{{{2 * i}}} × {{{2 * i + 1}}} th" for i in range(len(parts)))
        args: list[Rupiah | int] = []
        for _, yearly, count in parts:
            args += [yearly, count]
        lines.append(
            LineItem(
                f"scholarship.child_{index}",
                Text(
                    id=f"Beasiswa anak ke-{index} (paling banyak, {child.level.value.upper()} s.d. PT)",
                    en=f"Scholarship, child {index} (at most, {child.level.value.upper()} to higher education)",
                ),
                amount,
                Formula(template, tuple(args), template.replace(" th", " yr")),
                citations_of(*values),
                tuple(names),
                Text(
                    id="Dibayar per tahun sesuai jenjang; berhenti pada usia batas, menikah atau bekerja.",
                    en="Paid yearly by level; stops at the age limit, marriage or employment.",
                ),
            )
        )
    return lines


def jkm_death(
    death_date: dt.date,
    *,
    membership_start: dt.date | None = None,
    children: Sequence[Child] = (),
    rules: RuleBook | None = None,
) -> BenefitAssessment:
    """JKM benefits for a death not caused by a work accident.

    Args:
        death_date: the date of death (the rules of that date apply).
        membership_start: when JKM membership began; needed for the scholarship,
            which requires a minimum number of years of contributions.
        children: children for the scholarship (at most the rule-book limit count).
        rules: the rule book (default: the shipped one).

    >>> import datetime as dt
    >>> jkm_death(dt.date(2019, 5, 1)).total  # a KPPS death of Pemilu 2019, PP 44/2015 amounts
    Rupiah(24000000)

    """
    on = _date(death_date, "death_date")
    trace = _trace(on, rules)
    notes: list[Text] = []
    lines = [
        _flat(
            trace, "jkm.lump_sum", "jkm.lump_sum", Text(id="Santunan kematian sekaligus", en="Lump-sum death benefit")
        ),
        _flat(trace, "jkm.periodic_benefit", "jkm.periodic_benefit", _PERIODIC),
        _flat(trace, "jkm.funeral", "jkm.funeral", _FUNERAL),
    ]
    if children:
        minimum = trace["jkm.scholarship.min_membership_years"]
        if membership_start is None:
            notes.append(
                Text(
                    id=f"Beasiswa JKM butuh masa iur paling sedikit {minimum.integer} tahun; awal kepesertaan tidak "
                    "diketahui, beasiswa tidak dihitung.",
                    en=f"The JKM scholarship needs at least {minimum.integer} years of contributions; membership start "
                    "unknown, so it is not counted.",
                )
            )
        elif completed_years(_date(membership_start, "membership_start"), on) < minimum.integer:
            notes.append(
                Text(
                    id=f"Masa iur kurang dari {minimum.integer} tahun: tidak ada beasiswa JKM.",
                    en=f"Fewer than {minimum.integer} years of contributions: no JKM scholarship.",
                )
            )
        else:
            lines += _scholarship_lines(trace, on, children, "jkm.scholarship.lump_sum", notes)
    return _assessment(
        "jkm_death", Text(id="Jaminan Kematian (JKM)", en="Death benefit (JKM)"), on, trace, lines, notes
    )


def jkk_death(
    accident_date: dt.date,
    wage: Rupiah,
    *,
    children: Sequence[Child] = (),
    rules: RuleBook | None = None,
) -> BenefitAssessment:
    """JKK benefits for a death from a work accident (or sudden death at work).

    The lump sum is 48 × the monthly wage (60% × 80), at least the JKM death
    benefit floor where the rule book has one; plus funeral costs, the periodic
    benefit and scholarships (no minimum membership).

    >>> import datetime as dt
    >>> from jamsos_pemilu import Rupiah
    >>> jkk_death(dt.date(2024, 2, 14), Rupiah(1_100_000)).amount("jkk.death")
    Rupiah(52800000)
    """
    on = _date(accident_date, "accident_date")
    basis = _wage(wage)
    trace = _trace(on, rules)
    notes: list[Text] = []
    multiplier = trace["jkk.death.wage_multiplier"]
    computed = basis.times(multiplier.integer)
    values = [multiplier]
    if "jkk.death.floor" in trace:
        floor = trace["jkk.death.floor"]
        values.append(floor)
        amount = computed.max(floor.rupiah)
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
            Text(id="Santunan kematian kecelakaan kerja", en="Work-accident death benefit"),
            amount,
            formula,
            citations_of(*values),
            tuple(v.name for v in values),
        ),
        _flat(trace, "jkk.funeral", "jkk.funeral", _FUNERAL),
        _flat(trace, "jkk.periodic_benefit", "jkk.periodic_benefit", _PERIODIC),
    ]
    lines += _scholarship_lines(trace, on, children, "jkk.scholarship.lump_sum", notes)
    title = Text(id="Jaminan Kecelakaan Kerja: meninggal dunia", en="Work-accident insurance (JKK): death")
    return _assessment("jkk_death", title, on, trace, lines, notes)


def jkk_total_disability(
    accident_date: dt.date,
    wage: Rupiah,
    *,
    children: Sequence[Child] = (),
    rules: RuleBook | None = None,
) -> BenefitAssessment:
    """JKK benefits for total permanent disability: 56 × wage (70% × 80), periodic benefit, scholarships.

    >>> import datetime as dt
    >>> from jamsos_pemilu import Rupiah
    >>> jkk_total_disability(dt.date(2024, 2, 14), Rupiah(1_000_000)).amount("jkk.total_disability")
    Rupiah(56000000)
    """
    on = _date(accident_date, "accident_date")
    basis = _wage(wage)
    trace = _trace(on, rules)
    notes: list[Text] = []
    multiplier = trace["jkk.total_disability.wage_multiplier"]
    lines = [
        LineItem(
            "jkk.total_disability",
            Text(id="Santunan cacat total tetap", en="Total permanent disability"),
            basis.times(multiplier.integer),
            Formula("{0} × {1}", (multiplier.integer, basis)),
            citations_of(multiplier),
            (multiplier.name,),
        ),
        _flat(trace, "jkk.periodic_benefit", "jkk.periodic_benefit", _PERIODIC),
    ]
    lines += _scholarship_lines(trace, on, children, "jkk.scholarship.lump_sum", notes)
    title = Text(id="Jaminan Kecelakaan Kerja: cacat total tetap", en="JKK: total permanent disability")
    return _assessment("jkk_total_disability", title, on, trace, lines, notes)


def jkk_partial_disability(
    accident_date: dt.date,
    wage: Rupiah,
    impairments: Sequence[Impairment],
    *,
    rules: RuleBook | None = None,
) -> BenefitAssessment:
    """JKK lump sums for partial disability: table percentage × 80 × wage (× share of function lost).

    The rule book holds the table rows that could be read (all ``unconfirmed``);
    a percentage set by the examining doctor can be given instead. How several
    impairments combine is not in the sources read: each is paid on its own.

    >>> import datetime as dt
    >>> from decimal import Decimal
    >>> from jamsos_pemilu import Rupiah
    >>> one_eye = Impairment(item="one_eye")
    >>> jkk_partial_disability(dt.date(2024, 2, 14), Rupiah(1_000_000), [one_eye]).total
    Rupiah(28000000)
    """
    on = _date(accident_date, "accident_date")
    basis = _wage(wage)
    if not impairments:
        raise CalculationError("a partial-disability assessment needs at least one impairment")
    trace = _trace(on, rules)
    rounding = trace.rounding()
    multiplier = trace["jkk.partial_disability.wage_multiplier"]
    lines: list[LineItem] = []
    for index, impairment in enumerate(impairments, start=1):
        if not isinstance(impairment, Impairment):
            raise InputError(f"impairment {index} must be an Impairment, got {impairment!r}")
        values = [multiplier]
        if impairment.item is not None:
            row = trace[f"jkk.disability.{impairment.item}"]
            values.append(row)
            share = row.rate
            label = row.label
        else:
            assert impairment.percent is not None
            share = impairment.percent
            label = Text(
                id="Cacat sebagian (persentase dokter penasehat)",
                en="Partial disability (examining doctor's percentage)",
            )
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
    notes = [
        Text(
            id="Aturan penggabungan beberapa cacat tidak ditemukan; tiap cacat dihitung sendiri.",
            en="No rule for combining several impairments was found; each is paid on its own.",
        )
    ]
    title = Text(id="Jaminan Kecelakaan Kerja: cacat sebagian", en="JKK: partial disability")
    return _assessment("jkk_partial_disability", title, on, trace, lines, notes)


def jkk_temporary_incapacity(
    accident_date: dt.date,
    wage: Rupiah,
    months: int,
    *,
    rules: RuleBook | None = None,
) -> BenefitAssessment:
    """STMB (*santunan sementara tidak mampu bekerja*): pay for months unable to work, by the schedule in force.

    Under PP 44/2015 as amended by PP 82/2019: 100% of the wage for 12 months,
    then 50% until recovery; before: 100%, 75% and 50% per 6 months (the 75%
    tier is ``unconfirmed``).

    >>> import datetime as dt
    >>> from jamsos_pemilu import Rupiah
    >>> jkk_temporary_incapacity(dt.date(2024, 2, 14), Rupiah(1_000_000), 14).total
    Rupiah(13000000)
    """
    on = _date(accident_date, "accident_date")
    basis = _wage(wage)
    if type(months) is not int or months < 0:
        raise CalculationError(f"months of incapacity must be a whole number from 0, got {months!r}")
    trace = _trace(on, rules)
    rounding = trace.rounding()
    schedule = trace["jkk.stmb.schedule"]
    lines: list[LineItem] = []
    remaining = months
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
    return _assessment("jkk_temporary_incapacity", title, on, trace, lines)


def jkk_transport(
    accident_date: dt.date,
    costs: Mapping[TransportMode, Rupiah],
    *,
    rules: RuleBook | None = None,
) -> BenefitAssessment:
    """Transport costs reimbursed up to the cap of each mode used (several modes: each mode's cap).

    >>> import datetime as dt
    >>> from jamsos_pemilu import Rupiah
    >>> jkk_transport(dt.date(2024, 2, 14), {TransportMode.LAND: Rupiah(6_000_000)}).total
    Rupiah(5000000)
    """
    on = _date(accident_date, "accident_date")
    if not costs:
        raise CalculationError("a transport claim needs the cost of at least one mode")
    trace = _trace(on, rules)
    lines: list[LineItem] = []
    for mode, cost in costs.items():
        if not isinstance(mode, TransportMode):
            raise InputError(f"transport mode must be a TransportMode, got {mode!r}")
        if not isinstance(cost, Rupiah):
            raise FloatMoneyError(cost, where=f"the {mode.value} transport cost")
        if cost.amount < 0:
            raise CalculationError(f"the {mode.value} transport cost must not be negative")
        cap = trace[f"jkk.transport.{mode.value}"]
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
    return _assessment("jkk_transport", title, on, trace, lines)


def jkk_home_care(
    accident_date: dt.date,
    cost: Rupiah,
    months: int,
    *,
    rules: RuleBook | None = None,
) -> BenefitAssessment:
    """Home care (from PP 82/2019): the cost up to the cap, for at most the months allowed.

    Months beyond the limit are not covered; the cost is taken as the cost of the
    covered months.

    >>> import datetime as dt
    >>> from jamsos_pemilu import Rupiah
    >>> jkk_home_care(dt.date(2024, 2, 14), Rupiah(25_000_000), 6).total
    Rupiah(20000000)
    """
    on = _date(accident_date, "accident_date")
    if not isinstance(cost, Rupiah):
        raise FloatMoneyError(cost, where="the home-care cost")
    if cost.amount < 0 or type(months) is not int or months < 1:
        raise CalculationError("home care needs a non-negative cost and at least one month")
    trace = _trace(on, rules)
    cap = trace["jkk.home_care.cap"]
    limit = trace["jkk.home_care.max_months"]
    notes = []
    if months > limit.integer:
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
    return _assessment("jkk_home_care", title, on, trace, [line], notes)


def jkk_medical_care(accident_date: dt.date, *, rules: RuleBook | None = None) -> BenefitAssessment:
    """Medical care for a work accident: as medically needed, with no monetary cap.

    >>> import datetime as dt
    >>> jkk_medical_care(dt.date(2024, 2, 14)).lines[0].amount is None
    True
    """
    on = _date(accident_date, "accident_date")
    trace = _trace(on, rules)
    expiry = trace["jkk.claim_expiry_years"]
    line = LineItem(
        "jkk.medical",
        Text(id="Pelayanan kesehatan", en="Medical care"),
        None,
        Formula("sesuai kebutuhan medis, tanpa batas nominal", (), "as medically needed, no monetary cap"),
        citations_of(expiry),
        (expiry.name,),
        Text(
            id="PP 44/2015 Pasal 25 ayat (2) huruf a; rawat inap kelas I.",
            en="PP 44/2015 Pasal 25(2)(a); first-class inpatient care.",
        ),
    )
    title = Text(id="Jaminan Kecelakaan Kerja: pelayanan kesehatan", en="JKK: medical care")
    return _assessment("jkk_medical", title, on, trace, [line])


def jkk_claim_deadline(accident_date: dt.date, *, rules: RuleBook | None = None) -> tuple[dt.date, RuleTrace]:
    """The last day a JKK claim can be made (2 years, or 5 from 2 Dec 2019, after the accident).

    Returns the deadline and the trace holding the rule value used.

    >>> import datetime as dt
    >>> jkk_claim_deadline(dt.date(2019, 12, 1))[0], jkk_claim_deadline(dt.date(2019, 12, 2))[0]
    (datetime.date(2021, 11, 30), datetime.date(2024, 12, 1))
    """
    on = _date(accident_date, "accident_date")
    trace = _trace(on, rules)
    years = trace["jkk.claim_expiry_years"].integer
    return years_after(on, years) - dt.timedelta(days=1), trace


_SANTUNAN_PARAMETERS: Final = {
    SantunanEvent.DEATH: ("santunan.death", "santunan.funeral"),
    SantunanEvent.PERMANENT_DISABILITY: ("santunan.permanent_disability",),
    SantunanEvent.SERIOUS_INJURY: ("santunan.serious_injury",),
    SantunanEvent.MODERATE_INJURY: ("santunan.moderate_injury",),
}


def santunan(
    event: SantunanEvent,
    event_date: dt.date,
    *,
    body: Body = Body.KPU,
    rules: RuleBook | None = None,
) -> BenefitAssessment:
    """KPU's or Bawaslu's own compensation for an ad hoc officer (separate from BPJS).

    >>> import datetime as dt
    >>> santunan(SantunanEvent.DEATH, dt.date(2024, 2, 14)).total
    Rupiah(46000000)
    """
    on = _date(event_date, "event_date")
    if not isinstance(event, SantunanEvent):
        raise InputError(f"event must be a SantunanEvent, got {event!r}")
    trace = _trace(on, rules)
    lines: list[LineItem] = []
    notes: list[Text] = []
    for name in _SANTUNAN_PARAMETERS[event]:
        if name == "santunan.funeral" and name not in trace:
            notes.append(
                Text(
                    id="Bantuan biaya pemakaman belum ada dalam aturan pada tanggal ini.",
                    en="No funeral aid is in the rule book for this date.",
                )
            )
            continue
        value = trace[name]
        lines.append(
            LineItem(name, value.label, value.rupiah, Formula("{0}", (value.rupiah,)), citations_of(value), (name,))
        )
    notes.append(
        Text(
            id="Dibayar oleh KPU/Bawaslu dari APBN, terpisah dari dan di samping manfaat BPJS.",
            en="Paid by KPU/Bawaslu from the state budget, separate from and on top of BPJS benefits.",
        )
    )
    who = "KPU" if body is Body.KPU else "Bawaslu"
    title = Text(id=f"Santunan {who} ({event.value})", en=f"{who} compensation ({event.value})")
    return _assessment("santunan", title, on, trace, lines, notes)
