"""Kepesertaan (coverage): is an officer covered, for which programme, on which date, and why.

A :class:`CoverageDecision` answers, per programme — JKK, JKM, and the KPU or
Bawaslu *santunan* as a separate scheme — ``covered``, ``not covered`` or
``uncertain``, with reason codes, a message in Bahasa Indonesia and English, and
the citation behind each reason.

Error bias: where the law or the data is unclear (a report that does not name
the roles or the period, a registration date nobody recorded, the criteria for
a sudden death at work) the decision is ``uncertain`` and says why. The library
never turns a gap in the data into ``covered``, and never into ``not covered``
either: a budget officer or a claims officer must look.

>>> import datetime as dt
>>> from jamsos_pemilu.agreements import shipped_agreement
>>> from jamsos_pemilu.officers import Officer
>>> from jamsos_pemilu.periods import Period, completed_years, years_after
>>> officer = Officer(nik="3302114506990003", name="Sri", role="kpps", position="anggota",
...                   election="pemilu_2024", appointment=Period.parse("2024-01-25/2024-02-25"),
...                   bpjs_registered_on=dt.date(2024, 1, 30))
>>> decision = check_coverage(officer, shipped_agreement("kota-cilegon-pemilu-2024"), on=dt.date(2024, 2, 14))
>>> decision.status(Scope.JKM).value
'uncertain'
>>> decision.codes(Scope.JKM)
('period_unreported', 'registered', 'programmes_unreported')

The Cilegon report gives the KPPS cover as "1 month" without dates and does not
list the programmes, so whether 14 February is covered cannot be confirmed from
the data.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import weakref
from collections.abc import Iterable
from typing import TYPE_CHECKING, Final

import attrs

from jamsos_pemilu.codes import parse_code
from jamsos_pemilu.exceptions import CalculationError, InputError
from jamsos_pemilu.explain import Receipt, RuleTrace, dumps
from jamsos_pemilu.l10n import DEFAULT_LANGUAGE, Language, Text, format_date
from jamsos_pemilu.law.citations import Citation
from jamsos_pemilu.law.parameters import RuleBook, default_rule_book
from jamsos_pemilu.periods import Period, completed_years, years_after
from jamsos_pemilu.roles import Body, Position, Role
from jamsos_pemilu.schemes import Programme

if TYPE_CHECKING:
    from jamsos_pemilu.agreements import Agreement, Cohort
    from jamsos_pemilu.officers import Officer

__all__ = [
    "CoverageDecision",
    "CoverageStatus",
    "Incident",
    "IncidentKind",
    "ProgrammeDecision",
    "Reason",
    "Scope",
    "check_coverage",
]


class CoverageStatus(enum.Enum):
    """The answer for one programme."""

    COVERED = "covered"
    NOT_COVERED = "not_covered"
    UNCERTAIN = "uncertain"

    @property
    def text(self) -> Text:
        """The status in both languages."""
        return _STATUS_TEXT[self]


_STATUS_TEXT: Final = {
    CoverageStatus.COVERED: Text(id="tercakup", en="covered"),
    CoverageStatus.NOT_COVERED: Text(id="tidak tercakup", en="not covered"),
    CoverageStatus.UNCERTAIN: Text(id="belum pasti", en="uncertain"),
}


class Scope(enum.Enum):
    """What a decision is about: a BPJS programme or the election body's own santunan."""

    JKK = "jkk"
    JKM = "jkm"
    SANTUNAN = "santunan"


class IncidentKind(enum.Enum):
    """What happened to the officer."""

    WORK_ACCIDENT = "work_accident"
    """An accident on duty (*kecelakaan kerja*)."""
    COMMUTING_ACCIDENT = "commuting_accident"
    """An accident on the usual way between home and the duty post."""
    SUDDEN_DEATH_AT_WORK = "sudden_death_at_work"
    """Sudden death at work (*meninggal mendadak*), treated as JKK under criteria not read in a regulation."""
    OCCUPATIONAL_DISEASE = "occupational_disease"
    """A disease caused by the work (*penyakit akibat kerja*)."""
    DEATH_OTHER = "death_other"
    """A death not caused by the work (illness, an accident off duty): JKM."""
    INJURY_OFF_DUTY = "injury_off_duty"
    """An injury unrelated to the duty."""

    @classmethod
    def parse(cls, text: str) -> IncidentKind:
        """Parse ``"work_accident"``, ``"death other"``..."""
        return parse_code(cls, "incident kind", text)


_JKK_KINDS: Final = frozenset(
    {
        IncidentKind.WORK_ACCIDENT,
        IncidentKind.COMMUTING_ACCIDENT,
        IncidentKind.SUDDEN_DEATH_AT_WORK,
        IncidentKind.OCCUPATIONAL_DISEASE,
    }
)


@attrs.frozen
class Incident:
    """An accident, illness or death to decide coverage for.

    Args:
        kind: what happened.
        on: the local date it happened (see :func:`jamsos_pemilu.periods.local_date`).
        fatal: whether the officer died.
        claim_filed_on: when the claim was filed, to check the JKK claim expiry.

    """

    kind: IncidentKind
    on: dt.date
    fatal: bool = False
    claim_filed_on: dt.date | None = None

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.kind, IncidentKind):
            raise InputError(f"incident kind must be an IncidentKind, got {self.kind!r}")
        for name in ("on", "claim_filed_on"):
            value = getattr(self, name)
            if value is None and name == "claim_filed_on":
                continue
            if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
                raise InputError(f"incident {name} must be a datetime.date, not {type(value).__name__}")
        if type(self.fatal) is not bool:
            raise InputError("incident fatal must be True or False")
        if self.kind is IncidentKind.DEATH_OTHER and not self.fatal:
            raise InputError("a 'death_other' incident is fatal; set fatal=True")
        if self.kind is IncidentKind.SUDDEN_DEATH_AT_WORK and not self.fatal:
            raise InputError("a 'sudden_death_at_work' incident is fatal; set fatal=True")
        if self.claim_filed_on is not None and self.claim_filed_on < self.on:
            raise InputError(
                f"the claim ({self.claim_filed_on.isoformat()}) cannot be filed before the incident "
                f"({self.on.isoformat()})"
            )


@attrs.frozen
class Reason:
    """One reason behind a decision, with its code, message and legal basis."""

    code: str
    status: CoverageStatus
    text: Text
    citations: tuple[Citation, ...] = ()

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON."""
        return {
            "code": self.code,
            "status": self.status.value,
            "text": self.text.to_dict(),
            "citations": [c.to_dict() for c in self.citations],
        }


@attrs.frozen
class ProgrammeDecision:
    """The decision for one scope: the worst status among its reasons."""

    scope: Scope
    status: CoverageStatus
    reasons: tuple[Reason, ...]

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON."""
        return {"scope": self.scope.value, "status": self.status.value, "reasons": [r.to_dict() for r in self.reasons]}


@attrs.frozen
class CoverageDecision:
    """Coverage of one officer on one date, per scope, with reasons and a receipt."""

    officer: str
    on: dt.date
    agreement: str | None
    decisions: tuple[ProgrammeDecision, ...]
    receipt: Receipt
    incident: Incident | None = None

    def decision(self, scope: Scope) -> ProgrammeDecision:
        """The decision for ``scope``."""
        for decision in self.decisions:
            if decision.scope is scope:
                return decision
        raise KeyError(scope)

    def status(self, scope: Scope) -> CoverageStatus:
        """The status for ``scope``."""
        return self.decision(scope).status

    def codes(self, scope: Scope) -> tuple[str, ...]:
        """The reason codes for ``scope``."""
        return tuple(r.code for r in self.decision(scope).reasons)

    def render(self, lang: Language = DEFAULT_LANGUAGE) -> str:
        """The decision as text, one block per scope."""
        head = "Keputusan kepesertaan" if lang == "id" else "Coverage decision"
        about = self.agreement or ("tanpa perjanjian" if lang == "id" else "no agreement")
        rows = [f"{head}: {self.officer}, {format_date(self.on, lang)} ({about})"]
        for decision in self.decisions:
            rows.append(f"  {decision.scope.value.upper()}: {decision.status.text.render(lang)}")
            for reason in decision.reasons:
                cite = f" [{'; '.join(c.label for c in reason.citations)}]" if reason.citations else ""
                rows.append(f"    - ({reason.code}) {reason.text.render(lang)}{cite}")
        rows.extend(w.render(lang) for w in self.receipt.warnings())
        return "\n".join(rows)

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON (the officer is identified by the masked NIK)."""
        return {
            "kind": "coverage_decision",
            "officer": self.officer,
            "on": self.on.isoformat(),
            "agreement": self.agreement,
            "incident": None
            if self.incident is None
            else {"kind": self.incident.kind.value, "on": self.incident.on.isoformat(), "fatal": self.incident.fatal},
            "decisions": [d.to_dict() for d in self.decisions],
            "receipt": self.receipt.to_dict(),
        }

    def to_json(self) -> str:
        """JSON text."""
        return dumps(self.to_dict())

    def records(self) -> list[dict[str, object]]:
        """One flat dict per reason (officer masked), to load straight into a DataFrame."""
        return [
            {
                "officer": self.officer,
                "on": self.on.isoformat(),
                "agreement": self.agreement,
                "scope": d.scope.value,
                "status": d.status.value,
                "code": r.code,
                "text": r.text.id,
                "text_en": r.text.en,
                "citation": "; ".join(c.label for c in r.citations),
            }
            for d in self.decisions
            for r in d.reasons
        ]


# Legal anchors of the reasons: (source id in the rule book, article).
_ANCHORS: Final = {
    "asn": ("pmk-208-2015", "Pasal 21 (JKK/JKM ASN dikelola PT Taspen)"),
    "non_asn": ("pp-49-2023", "Pasal 2 ayat (2)–(3) dan Penjelasan"),
    "inpres": ("inpres-2-2021", "Diktum Kedua"),
    "membership_start": ("pp-44-2015", "Pasal 6 ayat (3); Pasal 11 ayat (5)"),
    "employer_pays": ("pp-44-2015", "Pasal 27 ayat (1); Pasal 35 ayat (1)"),
    "jkk_scope": ("uu-40-2004", "Pasal 1 angka 14; Pasal 29"),
    "sudden_death": ("permenaker-5-2021", "perluasan meninggal mendadak (pasal tidak dibaca)"),
    "jkm_scope": ("pp-44-2015", "Pasal 34 ayat (1)"),
    "santunan": ("kep-kpu-59-2023", "Pedoman teknis santunan badan adhoc"),
}


@functools.lru_cache(maxsize=256)
def _cite(book: RuleBook, anchor: str) -> tuple[Citation, ...]:
    source_id, article = _ANCHORS[anchor]
    return (Citation(book.sources[source_id], article),)


def _combine(scope: Scope, reasons: Iterable[Reason]) -> ProgrammeDecision:
    listed = tuple(reasons)
    status = CoverageStatus.COVERED if listed else CoverageStatus.UNCERTAIN
    for reason in listed:
        if reason.status is CoverageStatus.NOT_COVERED:
            status = CoverageStatus.NOT_COVERED
            break
        if reason.status is CoverageStatus.UNCERTAIN:
            status = CoverageStatus.UNCERTAIN
    return ProgrammeDecision(scope, status, listed)


_C, _N, _U = CoverageStatus.COVERED, CoverageStatus.NOT_COVERED, CoverageStatus.UNCERTAIN


@functools.lru_cache(maxsize=4096)
def _in_cohort_reason(abbreviation: str, period: Period) -> Reason:
    return Reason(
        "in_cohort_period",
        _C,
        Text(
            id=f"{abbreviation} termasuk kelompok peserta dan tanggal berada dalam masa perlindungan {period}.",
            en=f"{abbreviation} is in a covered group and the date is inside its coverage period {period}.",
        ),
    )


_PLACEMENTS: dict[int, tuple[weakref.ref[Agreement], dict[tuple[Role, Position], tuple[tuple[Cohort, ...], bool]]]] = {}


def _placement(agreement: Agreement, role: Role, position: Position) -> tuple[tuple[Cohort, ...], bool]:
    """The cohorts counting ``role`` and ``position``, and whether some cohort's roles are unreported.

    Cached per agreement object (agreements are immutable), so deciding many
    officers under one agreement does not rescan its cohorts.
    """
    entry = _PLACEMENTS.get(id(agreement))
    if entry is None or entry[0]() is not agreement:
        if len(_PLACEMENTS) > 256:
            _PLACEMENTS.clear()
        entry = (weakref.ref(agreement), {})
        _PLACEMENTS[id(agreement)] = entry
    table = entry[1]
    found = table.get((role, position))
    if found is None:
        matches = tuple(c for c in agreement.cohorts if c.covers_role(role, position))
        unnamed = any(not c.roles and (c.body is None or c.body is role.body) for c in agreement.cohorts)
        found = table[(role, position)] = (matches, unnamed)
    return found


def _cohort_reasons(
    book: RuleBook, officer: Officer, agreement: Agreement, on: dt.date
) -> tuple[list[Reason], Cohort | None]:
    """Reasons about the officer's place in the agreement (shared by JKK and JKM)."""
    reasons: list[Reason] = []
    if agreement.elections and officer.election not in agreement.elections:
        listed = ", ".join(agreement.elections)
        reasons.append(
            Reason(
                "other_election",
                _N,
                Text(
                    id=f"Perjanjian berlaku untuk {listed}, bukan {officer.election}.",
                    en=f"The agreement covers {listed}, not {officer.election}.",
                ),
            )
        )
        return reasons, None
    matches, unnamed = _placement(agreement, officer.role, officer.position)
    if not matches:
        if unnamed:
            reasons.append(
                Reason(
                    "cohort_roles_unreported",
                    _U,
                    Text(
                        id="Laporan perjanjian tidak menyebut peran sebagian kelompok peserta; tidak dapat dipastikan "
                        f"{officer.role.abbreviation} termasuk.",
                        en="The agreement's report does not name the roles of some groups; whether "
                        f"{officer.role.abbreviation} is included cannot be confirmed.",
                    ),
                )
            )
        else:
            reasons.append(
                Reason(
                    "role_not_in_agreement",
                    _N,
                    Text(
                        id=f"{officer.role.abbreviation} ({officer.position.value}) tidak termasuk kelompok peserta perjanjian.",
                        en=f"{officer.role.abbreviation} ({officer.position.value}) is not in any group the agreement covers.",
                    ),
                )
            )
        return reasons, None
    dated = [c for c in matches if c.period is not None]
    inside = [c for c in dated if c.period is not None and c.period.contains(on)]
    if inside:
        cohort = inside[0]
        assert cohort.period is not None
        reasons.append(_in_cohort_reason(officer.role.abbreviation, cohort.period))
        return reasons, cohort
    undated = [c for c in matches if c.period is None]
    if undated and agreement.term is not None:
        cohort = undated[0]
        if agreement.term.contains(on):
            reasons.append(
                Reason(
                    "in_agreement_term",
                    _C,
                    Text(
                        id=f"{officer.role.abbreviation} termasuk kelompok peserta; tanggal dalam masa perjanjian "
                        f"{agreement.term}.",
                        en=f"{officer.role.abbreviation} is in a covered group; the date is inside the agreement term "
                        f"{agreement.term}.",
                    ),
                )
            )
            return reasons, cohort
        reasons.append(
            Reason(
                "outside_agreement_term",
                _N,
                Text(
                    id=f"Tanggal di luar masa perjanjian {agreement.term}.",
                    en=f"The date is outside the agreement term {agreement.term}.",
                ),
            )
        )
        return reasons, cohort
    if undated:
        reasons.append(_PERIOD_UNREPORTED)
        return reasons, undated[0]
    periods = ", ".join(str(c.period) for c in dated)
    reasons.append(
        Reason(
            "outside_cohort_period",
            _N,
            Text(
                id=f"Tanggal di luar masa perlindungan kelompok ({periods}).",
                en=f"The date is outside the group's coverage period ({periods}).",
            ),
        )
    )
    return reasons, dated[0]


def _registration_reasons(book: RuleBook, officer: Officer, on: dt.date) -> list[Reason]:
    registered = officer.bpjs_registered_on
    if registered is None:
        return [_registration_unknown(book)]
    if registered > on:
        return [_registered_after(book, registered)]
    return [_registered(book, registered)]


@functools.lru_cache(maxsize=64)
def _registration_unknown(book: RuleBook) -> Reason:
    return Reason(
        "registration_unknown",
        _U,
        Text(
            id="Tanggal terdaftar sebagai peserta BPJS Ketenagakerjaan tidak diketahui; kepesertaan mulai saat "
            "nomor peserta terbit.",
            en="The date of BPJS Ketenagakerjaan registration is unknown; membership starts when the membership "
            "number is issued.",
        ),
        _cite(book, "membership_start"),
    )


@functools.lru_cache(maxsize=4096)
def _registered_after(book: RuleBook, registered: dt.date) -> Reason:
    return Reason(
        "registered_after_incident",
        _N,
        Text(
            id=f"Terdaftar {format_date(registered)}, sesudah tanggal ini; BPJS tidak menanggung, pemberi "
            "kerja wajib membayar hak peserta.",
            en=f"Registered on {format_date(registered, 'en')}, after this date; BPJS does not pay, the "
            "employer owes the officer's rights.",
        ),
        _cite(book, "membership_start") + _cite(book, "employer_pays"),
    )


@functools.lru_cache(maxsize=4096)
def _registered(book: RuleBook, registered: dt.date) -> Reason:
    return Reason(
        "registered",
        _C,
        Text(id=f"Terdaftar sejak {format_date(registered)}.", en=f"Registered since {format_date(registered, 'en')}."),
        _cite(book, "membership_start"),
    )


def check_coverage(
    officer: Officer,
    agreement: Agreement | None,
    on: dt.date | None = None,
    *,
    incident: Incident | None = None,
    rules: RuleBook | None = None,
) -> CoverageDecision:
    """Decide whether ``officer`` is covered on a date (or for an incident), per scope.

    Args:
        officer: the officer.
        agreement: the agreement said to cover the officer, or ``None``.
        on: the date asked about; defaults to the incident's date. One of the two is required.
        incident: what happened, to decide JKK versus JKM and the claim expiry.
        rules: the rule book (default: the shipped one).

    Returns:
        A :class:`CoverageDecision` for JKK, JKM and the santunan.

    Raises:
        InputError: if neither ``on`` nor ``incident`` is given, they disagree, or the
            date is before the officer's term (there is nothing to decide).
        RuleNotInForceError: for a date outside the rule data.

    >>> import datetime as dt
    >>> from jamsos_pemilu.officers import Officer
    >>> from jamsos_pemilu.periods import Period, completed_years, years_after
    >>> officer = Officer(nik="3302114506990003", name="Sri", role="kpps", position="ketua",
    ...                   election="pemilu_2024", appointment=Period.parse("2024-01-25/2024-02-25"))
    >>> decision = check_coverage(officer, None, on=dt.date(2024, 2, 14))
    >>> decision.status(Scope.JKM).value, decision.codes(Scope.JKM)
    ('not_covered', ('no_agreement',))
    >>> decision.status(Scope.SANTUNAN).value
    'covered'
    """
    book = rules or default_rule_book()
    if incident is not None and not isinstance(incident, Incident):
        raise InputError(f"incident must be an Incident, got {incident!r}")
    if on is None:
        if incident is None:
            raise InputError("give the date asked about (on=) or an incident")
        on = incident.on
    if isinstance(on, dt.datetime) or not isinstance(on, dt.date):
        raise InputError(f"on must be a datetime.date, not {type(on).__name__}")
    if incident is not None and incident.on != on:
        raise InputError(f"on ({on.isoformat()}) and the incident date ({incident.on.isoformat()}) differ")
    if on < officer.appointment.start:
        raise CalculationError(
            f"officer {officer.nik.masked}: {on.isoformat()} is before the term starts "
            f"({officer.appointment.start.isoformat()}); an officer cannot be on duty before appointment"
        )
    trace = RuleTrace(book.on(on))
    # The programmes themselves must be in force on the date (PP 44/2015 from 1 July 2015).
    trace["jkk.claim_expiry_years"]
    trace["jkm.lump_sum"]
    common: list[Reason] = []
    in_term = on in officer.appointment
    if not in_term:
        common.append(
            Reason(
                "outside_officer_term",
                _N,
                Text(
                    id=f"Tanggal di luar masa tugas petugas {officer.appointment}.",
                    en=f"The date is outside the officer's term {officer.appointment}.",
                ),
            )
        )
    bpjs: list[Reason] = list(common)
    if officer.asn:
        bpjs.append(
            Reason(
                "asn_own_scheme",
                _N,
                Text(
                    id="ASN dilindungi program JKK/JKM tersendiri (PT Taspen), bukan skema ini.",
                    en="Civil servants (ASN) have their own JKK/JKM scheme (PT Taspen), not this one.",
                ),
                _cite(book, "asn"),
            )
        )
    if agreement is None:
        if officer.bpjs_registered_on is None:
            bpjs.append(
                Reason(
                    "no_agreement",
                    _N,
                    Text(
                        id="Tidak ada perjanjian dan tidak ada pendaftaran BPJS Ketenagakerjaan.",
                        en="No agreement and no BPJS Ketenagakerjaan registration.",
                    ),
                    _cite(book, "inpres"),
                )
            )
        else:
            bpjs.append(
                Reason(
                    "registered_without_agreement",
                    _U,
                    Text(
                        id="Terdaftar di BPJS Ketenagakerjaan tetapi perjanjian yang mendasarinya tidak diberikan.",
                        en="Registered with BPJS Ketenagakerjaan but the agreement behind it was not given.",
                    ),
                    _cite(book, "non_asn"),
                )
            )
            bpjs += _registration_reasons(book, officer, on)
    else:
        placed, _cohort = _cohort_reasons(book, officer, agreement, on)
        bpjs += placed
        if not officer.asn:
            bpjs += _registration_reasons(book, officer, on)
    programmes = agreement.programmes if agreement is not None else frozenset()
    jkk = list(bpjs) + _programme_reason(Programme.JKK, agreement, programmes)
    jkm = list(bpjs) + _programme_reason(Programme.JKM, agreement, programmes)
    if incident is not None:
        jkk += _jkk_incident_reasons(book, trace, incident)
        jkm += _jkm_incident_reasons(book, incident)
        jkm += _scholarship_reasons(trace, officer, incident)
    decisions = (
        _combine(Scope.JKK, jkk),
        _combine(Scope.JKM, jkm),
        _combine(Scope.SANTUNAN, common + _santunan_reasons(book, trace, officer, incident, in_term)),
    )
    name = None if agreement is None else agreement.id
    return CoverageDecision(officer.nik.masked, on, name, decisions, trace.receipt(), incident)


_PERIOD_UNREPORTED: Final = Reason(
    "period_unreported",
    CoverageStatus.UNCERTAIN,
    Text(
        id="Masa perlindungan kelompok ini tidak dilaporkan; tidak dapat dipastikan tanggal ini tercakup.",
        en="The group's coverage period is not reported; whether this date is covered cannot be confirmed.",
    ),
)

_PROGRAMMES_UNREPORTED: Final = Reason(
    "programmes_unreported",
    CoverageStatus.UNCERTAIN,
    Text(
        id="Program yang dicakup perjanjian tidak dilaporkan.",
        en="The programmes the agreement covers are not reported.",
    ),
)


def _programme_reason(
    programme: Programme, agreement: Agreement | None, programmes: frozenset[Programme]
) -> list[Reason]:
    if agreement is None:
        return []
    if not programmes:
        return [_PROGRAMMES_UNREPORTED]
    if programme not in programmes:
        return [
            Reason(
                "programme_not_in_agreement",
                _N,
                Text(
                    id=f"Perjanjian tidak mencakup {programme.name}.",
                    en=f"The agreement does not cover {programme.name}.",
                ),
            )
        ]
    return []


def _jkk_incident_reasons(book: RuleBook, trace: RuleTrace, incident: Incident) -> list[Reason]:
    reasons: list[Reason] = []
    if incident.kind not in _JKK_KINDS:
        reasons.append(
            Reason(
                "not_work_related",
                _N,
                Text(
                    id="Kejadian tidak terkait pekerjaan: bukan kecelakaan kerja.",
                    en="The incident is not work-related: not a work accident.",
                ),
                _cite(book, "jkk_scope"),
            )
        )
        return reasons
    if incident.kind is IncidentKind.SUDDEN_DEATH_AT_WORK:
        reasons.append(
            Reason(
                "sudden_death_criteria",
                _U,
                Text(
                    id="Meninggal mendadak di tempat kerja diperlakukan sebagai JKK bila memenuhi kriteria (antara lain "
                    "serangan saat bekerja, meninggal < 24 jam); kriteria belum terkonfirmasi dari peraturan. Bila tidak "
                    "memenuhi, berlaku JKM.",
                    en="A sudden death at work is treated as JKK when it meets the criteria (an attack while working, death "
                    "within 24 hours, among others); the criteria are not confirmed from a regulation. Otherwise JKM applies.",
                ),
                _cite(book, "sudden_death"),
            )
        )
    else:
        reasons.append(
            Reason(
                "work_related",
                _C,
                Text(
                    id="Kecelakaan dalam hubungan kerja, termasuk perjalanan pergi-pulang dari rumah ke tempat tugas.",
                    en="An accident in the course of duty, including the usual way between home and the duty post.",
                ),
                _cite(book, "jkk_scope"),
            )
        )
    if incident.claim_filed_on is not None:
        expiry = trace["jkk.claim_expiry_years"]
        deadline = years_after(incident.on, expiry.integer) - dt.timedelta(days=1)
        if incident.claim_filed_on > deadline:
            reasons.append(
                Reason(
                    "claim_expired",
                    _N,
                    Text(
                        id=f"Klaim diajukan {format_date(incident.claim_filed_on)}, lewat batas {expiry.integer} tahun "
                        f"({format_date(deadline)}).",
                        en=f"Claim filed on {format_date(incident.claim_filed_on, 'en')}, after the {expiry.integer}-year "
                        f"limit ({format_date(deadline, 'en')}).",
                    ),
                    (expiry.citation,),
                )
            )
        else:
            reasons.append(
                Reason(
                    "claim_in_time",
                    _C,
                    Text(
                        id=f"Klaim diajukan dalam batas {expiry.integer} tahun (sampai {format_date(deadline)}).",
                        en=f"Claim filed within the {expiry.integer}-year limit (until {format_date(deadline, 'en')}).",
                    ),
                    (expiry.citation,),
                )
            )
    return reasons


def _jkm_incident_reasons(book: RuleBook, incident: Incident) -> list[Reason]:
    if not incident.fatal:
        return [
            Reason(
                "no_death",
                _N,
                Text(
                    id="JKM hanya dibayar bila peserta meninggal dunia.",
                    en="JKM is paid only when the participant dies.",
                ),
                _cite(book, "jkm_scope"),
            )
        ]
    if incident.kind is IncidentKind.SUDDEN_DEATH_AT_WORK:
        return [
            Reason(
                "jkk_or_jkm",
                _U,
                Text(
                    id="Dibayar JKM bila kematian tidak memenuhi kriteria JKK (meninggal mendadak akibat kerja).",
                    en="Paid by JKM if the death does not meet the JKK criteria (sudden death from work).",
                ),
                _cite(book, "jkm_scope"),
            )
        ]
    if incident.kind in _JKK_KINDS:
        return [
            Reason(
                "death_paid_by_jkk",
                _N,
                Text(
                    id="Kematian akibat kecelakaan kerja dibayar oleh JKK, bukan JKM.",
                    en="A death from a work accident is paid by JKK, not JKM.",
                ),
                _cite(book, "jkm_scope"),
            )
        ]
    return [
        Reason(
            "death_not_work_accident",
            _C,
            Text(
                id="Meninggal dunia bukan akibat kecelakaan kerja: JKM.",
                en="Death not caused by a work accident: JKM.",
            ),
            _cite(book, "jkm_scope"),
        )
    ]


def _scholarship_reasons(trace: RuleTrace, officer: Officer, incident: Incident) -> list[Reason]:
    """Whether a JKM death would also give the children's scholarship (membership years).

    These reasons do not change the JKM decision (the cash benefits do not depend
    on membership length); they tell the claims officer about the scholarship.
    """
    if not incident.fatal or incident.kind is not IncidentKind.DEATH_OTHER:
        return []
    minimum = trace["jkm.scholarship.min_membership_years"]
    started = officer.bpjs_membership_started
    if started is None:
        return [
            Reason(
                "scholarship_membership_unknown",
                _C,
                Text(
                    id=f"Beasiswa JKM butuh masa iur paling sedikit {minimum.integer} tahun; awal kepesertaan tidak diketahui.",
                    en=f"The JKM scholarship needs at least {minimum.integer} years of contributions; the membership start "
                    "is unknown.",
                ),
                (minimum.citation,),
            )
        ]
    years = completed_years(started, incident.on)
    if years < minimum.integer:
        return [
            Reason(
                "scholarship_membership_short",
                _C,
                Text(
                    id=f"Masa iur {years} tahun, kurang dari {minimum.integer} tahun: JKM dibayar tanpa beasiswa.",
                    en=f"{years} years of contributions, fewer than {minimum.integer}: JKM is paid without the scholarship.",
                ),
                (minimum.citation,),
            )
        ]
    return [
        Reason(
            "scholarship_membership_met",
            _C,
            Text(
                id=f"Masa iur {years} tahun memenuhi syarat beasiswa JKM ({minimum.integer} tahun).",
                en=f"{years} years of contributions meet the JKM scholarship condition ({minimum.integer} years).",
            ),
            (minimum.citation,),
        )
    ]


@functools.lru_cache(maxsize=64)
def _on_duty_reason(book: RuleBook, body: str) -> Reason:
    return Reason(
        "ad_hoc_officer_on_duty",
        _C,
        Text(
            id=f"Badan ad hoc {body} dalam masa tugas: santunan {body} berlaku, terpisah dari BPJS.",
            en=f"A {body} ad hoc officer within the term: {body}'s santunan applies, separately from BPJS.",
        ),
        _cite(book, "santunan"),
    )


def _santunan_reasons(
    book: RuleBook, trace: RuleTrace, officer: Officer, incident: Incident | None, in_term: bool
) -> list[Reason]:
    body = "KPU" if officer.role.body is Body.KPU else "Bawaslu"
    reasons: list[Reason] = []
    if "santunan.death" not in trace:
        reasons.append(
            Reason(
                "santunan_amounts_unknown",
                _U,
                Text(
                    id=f"Besaran santunan {body} untuk tanggal ini tidak ada dalam data aturan.",
                    en=f"{body}'s santunan amounts for this date are not in the rule data.",
                ),
                _cite(book, "santunan"),
            )
        )
        return reasons
    trace["santunan.death"]
    if in_term:
        reasons.append(_on_duty_reason(book, body))
    if incident is not None and not incident.fatal and incident.kind in {IncidentKind.INJURY_OFF_DUTY}:
        reasons.append(
            Reason(
                "injury_off_duty",
                _N,
                Text(
                    id="Cedera di luar tugas tidak disantuni.",
                    en="An injury off duty is not compensated.",
                ),
                _cite(book, "santunan"),
            )
        )
    return reasons
