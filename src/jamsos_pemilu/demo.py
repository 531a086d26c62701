"""Laporan contoh (the demo report): the shipped agreements at a glance, and one in full.

:func:`report` is what ``make demo`` prints: one screen (under 40 lines, 100
columns) with every agreement shipped with the library as a row — place,
election, parties, officers, months of cover, the premium that can be
computed, and what is unknown — then a line on the national picture, then how
to see one agreement in full and how to use the installed command and
library. :func:`agreement_report` is the full account of one agreement: the
parties, the date, the cohorts, the premium budget by role and programme with
who pays, and for one fictional sample officer the coverage decision and the
benefits on a work-accident death and on a death of another cause, each with
its citations.

Human text never shows an internal code (a budget source is "APBD grant
(NPHD)", not ``APBD_NPHD``), and an unknown number shows as unknown, never 0.

>>> lines = report("en").splitlines()
>>> len(lines) <= 40 and max(map(len, lines)) <= 100
True
>>> "Kab. Asahan" in report("en")
True
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Final

from jamsos_pemilu._version import __version__
from jamsos_pemilu.agreements import AgreementKind
from jamsos_pemilu.institutions import InstitutionKind, PartyRole
from jamsos_pemilu.l10n import DEFAULT_LANGUAGE, Language, Text, format_date, format_number, format_rupiah
from jamsos_pemilu.schemes import BudgetSource

if TYPE_CHECKING:
    from jamsos_pemilu.agreements import Agreement, Cohort
    from jamsos_pemilu.budgets import AgreementBudget, CohortBudget
    from jamsos_pemilu.officers import Officer

__all__ = [
    "AGREEMENT_KIND_TEXT",
    "BUDGET_SOURCE_TEXT",
    "INSTITUTION_KIND_TEXT",
    "PARTY_ROLE_TEXT",
    "SAMPLE_NIK",
    "agreement_report",
    "describe_agreement",
    "id_table",
    "overview_table",
    "report",
    "sample_officer",
]

SAMPLE_NIK: Final = "3302114506990003"
"""A made-up NIK (Jawa Tengah, a woman born 5 June 1999) used for the sample officers."""

WIDTH: Final = 100
"""The widest line the demo prints."""

AGREEMENT_KIND_TEXT: Final = {
    AgreementKind.PKS: Text(id="PKS (perjanjian kerja sama)", en="PKS (cooperation agreement)"),
    AgreementKind.MOU: Text(id="MoU (nota kesepahaman)", en="MoU (memorandum of understanding)"),
    AgreementKind.SURAT_EDARAN: Text(id="surat edaran", en="circular letter"),
    AgreementKind.CARD_HANDOVER: Text(
        id="penyerahan kartu peserta (tanpa penandatanganan yang dilaporkan)",
        en="membership cards handed over (no signing reported)",
    ),
}
"""How each kind of instrument reads in human text."""

BUDGET_SOURCE_TEXT: Final = {source: source.text for source in BudgetSource}
"""How each budget source reads in human text."""

PARTY_ROLE_TEXT: Final = {
    PartyRole.EMPLOYER: Text(id="pemberi kerja", en="employer"),
    PartyRole.PAYER: Text(id="pembayar", en="payer"),
    PartyRole.PROVIDER: Text(id="penyelenggara jaminan", en="provider"),
    PartyRole.WITNESS: Text(id="saksi", en="witness"),
    PartyRole.ATTENDING: Text(id="hadir", en="attending"),
    PartyRole.STATE_ATTORNEY: Text(id="jaksa pengacara negara", en="state attorney"),
}
"""How each part a party plays reads in human text."""

INSTITUTION_KIND_TEXT: Final = {
    InstitutionKind.KPU: Text(id="KPU", en="KPU"),
    InstitutionKind.BAWASLU: Text(id="Bawaslu", en="Bawaslu"),
    InstitutionKind.PEMDA: Text(id="Pemda", en="Pemda"),
    InstitutionKind.PEMDA_UNIT: Text(id="Pemda", en="Pemda"),
    InstitutionKind.BPJS_KETENAGAKERJAAN: Text(id="BPJS", en="BPJS"),
    InstitutionKind.KEJAKSAAN_NEGERI: Text(id="Kejari", en="Kejari"),
    InstitutionKind.OTHER: Text(id="lainnya", en="other"),
}
"""The short name of each kind of institution, for the overview's parties column."""

_NOT_REPORTED: Final = Text(id="tidak dilaporkan", en="not reported")
_UNKNOWN: Final = Text(id="tak diketahui", en="unknown")
_UNKNOWN_CELL: Final = "?"
_NOTHING: Final = "-"
_AT_LEAST: Final = "≥"
_HEADERS: Final = (
    Text(id="Tempat", en="Place"),
    Text(id="Pemilihan", en="Election"),
    Text(id="Pihak lain", en="Other parties"),
    Text(id="Petugas", en="Officers"),
    Text(id="Bulan", en="Months"),
    Text(id="Iuran (Rp)", en="Premium (IDR)"),
    Text(id="Tak diketahui", en="Unknown"),
)
_WIDTHS: Final = (15, 12, 18, 8, 6, 13, 18)
_RIGHT: Final = frozenset({3, 4, 5})
_LEGEND: Final = Text(
    id="BPJS Ketenagakerjaan pihak di setiap perjanjian.  ? tak diketahui  ≥ sebagian kelompok tak terhitung",
    en="BPJS Ketenagakerjaan is a party to every agreement.  ? unknown  ≥ some cohorts not computable",
)
_SEVERAL: Final = Text(id="{0} pemilihan", en="{0} elections")
_UNKNOWN_PARTS: Final = {
    "headcount": Text(id="jumlah", en="count"),
    "period": Text(id="masa", en="period"),
    "roles": Text(id="peran", en="roles"),
}
_TITLE: Final = Text(
    id="jamsos_pemilu {0}: JKK dan JKM BPJS Ketenagakerjaan bagi badan ad hoc pemilu",
    en="jamsos_pemilu {0}: BPJS Ketenagakerjaan JKK and JKM for election ad hoc officers",
)
_SUBTITLE: Final = Text(
    id="{0} perjanjian (PKS/MoU) yang dilaporkan; iuran dihitung dengan data aturan {1}.",
    en="{0} reported agreements (PKS/MoU); premiums computed with rule data {1}.",
)
_NATIONAL: Final = Text(
    id=(
        "Nasional, {0}: {1} petugas ad hoc pada peran yang jumlahnya diketahui ({2} peran tak diketahui); "
        "iuran JKK+JKM satu bulan ({3}) untuk semuanya sebagai penerima upah: {4}. "
        "Perjanjian di atas melaporkan {5} petugas."
    ),
    en=(
        "Nationally, {0}: {1} ad hoc officers in the roles whose number is known ({2} roles unknown); "
        "one month ({3}) of JKK+JKM premium for all of them as wage earners: {4}. "
        "The agreements above report {5} officers."
    ),
)
_NEXT: Final = (
    Text(
        id="Satu perjanjian lengkap (pihak, kelompok, anggaran per peran, petugas contoh dan manfaatnya):",
        en="One agreement in full (parties, cohorts, budget by role, a sample officer and its benefits):",
    ),
    Text(
        id="  .venv/bin/jamsos-pemilu demo --agreement ID     (ID: .venv/bin/jamsos-pemilu agreements)",
        en="  .venv/bin/jamsos-pemilu demo --agreement ID --lang en     (ID: .venv/bin/jamsos-pemilu agreements)",
    ),
    Text(
        id="Perintah terpasang ada di .venv (bukan di PATH): .venv/bin/jamsos-pemilu --help",
        en="The installed command is in .venv (not on PATH): .venv/bin/jamsos-pemilu --help",
    ),
    Text(
        id='Pustaka: .venv/bin/python -c "import jamsos_pemilu"  (atau dulu: source .venv/bin/activate)',
        en='Library: .venv/bin/python -c "import jamsos_pemilu"  (or first: source .venv/bin/activate)',
    ),
)


# --------------------------------------------------------------------------- the overview


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _place(agreement: Agreement) -> str:
    """Where the agreement applies, from the name of its first party that is not BPJS (``Kab. Asahan``)."""
    for party in agreement.parties:
        if party.institution.kind is InstitutionKind.BPJS_KETENAGAKERJAAN:
            continue
        name = party.institution.name
        for word in ("Kabupaten", "Kota", "Provinsi"):
            index = name.find(word + " ")
            if index >= 0:
                place = name[index:]
                return place.replace("Kabupaten ", "Kab. ").replace("Provinsi ", "Prov. ")
        return name
    return agreement.title


def _election_label(key: str) -> str:
    kind, _, year = key.partition("_")
    return f"{kind.capitalize()} {year}".strip()


def _parties(agreement: Agreement, lang: Language) -> str:
    kinds: list[str] = []
    for party in agreement.parties:
        if party.institution.kind is InstitutionKind.BPJS_KETENAGAKERJAAN:
            continue
        label = INSTITUTION_KIND_TEXT[party.institution.kind].render(lang)
        if label not in kinds:
            kinds.append(label)
    return ",".join(kinds) or _NOT_REPORTED.render(lang)


def _elections(agreement: Agreement, lang: Language) -> str:
    keys = agreement.elections
    if not keys:
        return _NOT_REPORTED.render(lang)
    if len(keys) == 1:
        return _election_label(keys[0])
    return _SEVERAL.render(lang).format(len(keys))


def _cohort_months(cohort: Cohort, priced: CohortBudget) -> int | None:
    """How many months the cohort is covered: priced months, else its period, else its reported length."""
    if priced.months:
        return len(priced.months)
    if cohort.period is not None:
        return cohort.period.month_count
    return cohort.months


def _unknowns(agreement: Agreement, budget: AgreementBudget) -> list[str]:
    """What keeps a number from being known: a headcount, the period of cover, the roles."""
    found: list[str] = []
    pairs = [(agreement.cohorts[c.index], c) for c in budget.cohorts]
    if not pairs or any(cohort.headcount is None for cohort, _ in pairs):
        found.append("headcount")
    if not pairs or any(not priced.months and cohort.period is None for cohort, priced in pairs):
        found.append("period")
    if not pairs or any(not cohort.roles for cohort, _ in pairs):
        found.append("roles")
    return found


def _row(agreement: Agreement, budget: AgreementBudget, lang: Language) -> list[str]:
    total = agreement.total_headcount
    if total is not None:
        officers = format_number(total, lang)
    elif agreement.known_headcount:
        officers = _AT_LEAST + format_number(agreement.known_headcount, lang)
    else:
        officers = _UNKNOWN_CELL
    counted = (_cohort_months(agreement.cohorts[c.index], c) for c in budget.cohorts)
    months = sorted({m for m in counted if m is not None})
    if not months:
        month_text = _UNKNOWN_CELL
    elif months[0] == months[-1]:
        month_text = str(months[0])
    else:
        month_text = f"{months[0]}–{months[-1]}"
    computed = [c for c in budget.cohorts if c.computable]
    if not computed:
        premium = _UNKNOWN_CELL
    elif len(computed) < len(budget.cohorts):
        premium = _AT_LEAST + format_number(budget.total.amount, lang)
    else:
        premium = format_number(budget.total.amount, lang)
    missing = ",".join(_UNKNOWN_PARTS[key].render(lang) for key in _unknowns(agreement, budget)) or _NOTHING
    cells = [
        _place(agreement),
        _elections(agreement, lang),
        _parties(agreement, lang),
        officers,
        month_text,
        premium,
        missing,
    ]
    return [_cut(cell, width) for cell, width in zip(cells, _WIDTHS, strict=True)]


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        return " ".join(
            c.rjust(w) if i in _RIGHT else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths]), *map(line, rows)])


def overview_table(agreements: Iterable[Agreement], lang: Language = DEFAULT_LANGUAGE) -> str:
    """The agreements as a table, one row each, no line wider than 100 columns.

    Unknown numbers show as ``?`` and the last column names what is unknown;
    ``≥`` marks a premium that covers only the cohorts that could be computed.

    >>> from jamsos_pemilu.serialization import shipped_agreement
    >>> print(overview_table([shipped_agreement("kota-palu-pilkada-2024")], "en"))
    Place     Election     Other parties Officers Months Premium (IDR) Unknown
    --------- ------------ ------------- -------- ------ ------------- -------
    Kota Palu Pilkada 2024 Pemda,KPU        4,903      4   264,762,000 -
    """
    from jamsos_pemilu.budgets import agreement_budget  # budgets load the rule book: only when a table is asked for

    rows = [_row(agreement, agreement_budget(agreement), lang) for agreement in agreements]
    return _table([h.render(lang) for h in _HEADERS], rows)


def id_table(agreements: Iterable[Agreement], lang: Language = DEFAULT_LANGUAGE) -> str:
    """Each agreement's place and the id to give ``demo --agreement``, ``budget`` and ``check --agreement``.

    >>> from jamsos_pemilu.serialization import shipped_agreement
    >>> print(id_table([shipped_agreement("kota-palu-pilkada-2024")], "en"))
    Place      ID
    ---------  ----------------------
    Kota Palu  kota-palu-pilkada-2024
    """
    from jamsos_pemilu.explain import render_table  # the rule book behind explain loads only when a table is asked

    return render_table([_HEADERS[0].render(lang), "ID"], [[_place(a), a.id] for a in agreements])


def _national_line(agreements: Sequence[Agreement], lang: Language) -> str:
    from jamsos_pemilu.elections import election  # the national data loads only for the demo
    from jamsos_pemilu.national import national_picture
    from jamsos_pemilu.periods import Month

    chosen = election("pemilu_2024")
    month = Month(chosen.voting_day.year, chosen.voting_day.month)
    picture = national_picture(chosen, months=[month])
    unknown_roles = sum(1 for row in picture.rows if row.count is None)
    reported = sum(a.known_headcount for a in agreements)
    text = _NATIONAL.render(lang).format(
        chosen.name.render(lang),
        format_number(picture.headcount, lang),
        unknown_roles,
        month.first_day.strftime("%Y-%m"),
        format_rupiah(picture.pu_premium, lang),
        format_number(reported, lang),
    )
    return _wrap(text)


def _wrap(text: str) -> str:
    """Prose folded at 100 columns (continuation lines indented when the first one is)."""
    indent = text[: len(text) - len(text.lstrip())]
    return "\n".join(textwrap.wrap(text, WIDTH, subsequent_indent=indent + "  " if indent else ""))


def report(lang: Language = DEFAULT_LANGUAGE) -> str:
    """The demo's one screen: every shipped agreement as a row, the national picture, what to run next.

    Args:
        lang: ``"id"`` (default) or ``"en"``.

    Returns:
        At most 40 lines of at most 100 characters.

    """
    from jamsos_pemilu.law.parameters import default_rule_book  # loading the rule book waits for the report
    from jamsos_pemilu.serialization import shipped_agreements

    agreements = shipped_agreements()
    rows = [
        _wrap(_TITLE.render(lang).format(__version__)),
        _wrap(_SUBTITLE.render(lang).format(len(agreements), default_rule_book().digest[:12])),
        "",
        overview_table(agreements, lang),
        _wrap(_LEGEND.render(lang)),
        "",
        _national_line(agreements, lang),
        "",
        *(_wrap(line.render(lang)) for line in _NEXT),
    ]
    return "\n".join(rows)


# --------------------------------------------------------------------------- one agreement in full

_LABELS: Final = {
    "instrument": Text(id="Instrumen", en="Instrument"),
    "signed": Text(id="ditandatangani", en="signed"),
    "number": Text(id="Nomor", en="Number"),
    "elections": Text(id="Pemilihan", en="Elections"),
    "parties": Text(id="Para pihak", en="Parties"),
    "part_unknown": Text(id="peran tidak dilaporkan", en="part not reported"),
    "programmes": Text(id="Program", en="Programmes"),
    "scheme": Text(id="Skema", en="Scheme"),
    "payer": Text(id="Pembayar", en="Payer"),
    "cohorts": Text(id="Kelompok peserta", en="Cohorts"),
    "roles_unknown": Text(id="peran tidak dilaporkan", en="roles not reported"),
    "officers": Text(id="petugas", en="officers"),
    "count_unknown": Text(id="jumlah petugas tak diketahui", en="number of officers unknown"),
    "months": Text(id="bulan", en="months"),
    "month": Text(id="bulan", en="month"),
    "period_unknown": Text(id="masa tidak dilaporkan", en="period not reported"),
    "total": Text(id="Jumlah petugas", en="Total officers"),
    "source": Text(id="Sumber", en="Source"),
    "note": Text(id="Catatan", en="Note"),
}


def _label(key: str, lang: Language) -> str:
    return _LABELS[key].render(lang)


def describe_agreement(agreement: Agreement, lang: Language = DEFAULT_LANGUAGE) -> str:
    """An agreement as text: instrument, date, parties, programmes, scheme, payer, cohorts, warnings, sources.

    >>> from jamsos_pemilu.serialization import shipped_agreement
    >>> print(describe_agreement(shipped_agreement("kota-cilegon-pemilu-2024"), "en").splitlines()[2])
      Instrument: PKS (cooperation agreement); signed: January 30, 2024
    """
    nr = _NOT_REPORTED.render(lang)
    rows = [agreement.title, f"  id: {agreement.id}"]
    kind = AGREEMENT_KIND_TEXT[agreement.kind].render(lang) if agreement.kind is not None else nr
    signed = format_date(agreement.signed_on, lang) if agreement.signed_on else nr
    place = f", {agreement.place}" if agreement.place else ""
    rows.append(f"  {_label('instrument', lang)}: {kind}; {_label('signed', lang)}: {signed}{place}")
    if agreement.number:
        rows.append(f"  {_label('number', lang)}: {agreement.number}")
    elections = ", ".join(_election_label(key) for key in agreement.elections) or nr
    rows.append(f"  {_label('elections', lang)}: {elections}")
    rows.append(f"  {_label('parties', lang)}:")
    for party in agreement.parties:
        parts = ", ".join(sorted(PARTY_ROLE_TEXT[p].render(lang) for p in party.parts)) or _label("part_unknown", lang)
        signatory = f" — {party.signatory}" if party.signatory else ""
        rows.append(f"    - {party.institution.name} ({parts}){signatory}")
    programmes = ", ".join(sorted(p.name for p in agreement.programmes)) or nr
    rows.append(f"  {_label('programmes', lang)}: {programmes}")
    scheme = agreement.scheme.text.render(lang) if agreement.scheme else nr
    rows.append(f"  {_label('scheme', lang)}: {scheme}")
    if agreement.payer is not None:
        payer = agreement.payer
        who = payer.institution.name if payer.institution else nr
        source = BUDGET_SOURCE_TEXT[payer.budget_source].render(lang) if payer.budget_source else nr
        amount = f", {format_rupiah(payer.amount, lang)}" if payer.amount is not None else ""
        rows.append(f"  {_label('payer', lang)}: {who} ({source}{amount})")
    else:
        rows.append(f"  {_label('payer', lang)}: {nr}")
    rows.append(f"  {_label('cohorts', lang)}:")
    for cohort in agreement.cohorts:
        roles = " + ".join(sorted(r.abbreviation for r in cohort.roles)) or _label("roles_unknown", lang)
        count = (
            _label("count_unknown", lang)
            if cohort.headcount is None
            else f"{format_number(cohort.headcount, lang)} {_label('officers', lang)}"
        )
        if cohort.period is not None:
            when = str(cohort.period)
        elif cohort.months is not None:
            when = f"{cohort.months} {_label('month' if cohort.months == 1 else 'months', lang)}"
        else:
            when = _label("period_unknown", lang)
        label = f"{cohort.label}: " if cohort.label else ""
        rows.append(f"    - {label}{roles}, {count}, {when}")
    total = agreement.total_headcount
    if total is not None:
        rows.append(f"  {_label('total', lang)}: {format_number(total, lang)}")
    for warning in agreement.warnings():
        rows.append(_wrap(f"  ! {warning.render(lang)}"))
    for source_text in agreement.sources:  # a URL is never broken, even past 100 columns
        rows.append(f"  {_label('source', lang)}: {source_text}")
    for note in agreement.notes:
        rows.append(_wrap(f"  {_label('note', lang)}: {note}"))
    return "\n".join(rows)


def sample_officer(agreement: Agreement, budget: AgreementBudget) -> tuple[Officer, dt.date] | None:
    """A fictional officer of the agreement's first priceable single-role cohort, and a sample date.

    The officer's term is the cohort's period, else the months the budget priced;
    the officer is taken as registered on its first day. The date is the voting
    day when it falls in the term, else the term's middle day. ``None`` when no
    cohort names a single role that the budget could price.
    """
    from jamsos_pemilu.elections import election  # only a full agreement report needs a sample officer
    from jamsos_pemilu.officers import Officer
    from jamsos_pemilu.periods import Period
    from jamsos_pemilu.roles import Position

    if not agreement.elections:
        return None
    found = election(agreement.elections[0])
    for cohort_budget in budget.cohorts:
        cohort = agreement.cohorts[cohort_budget.index]
        if not cohort_budget.computable or len(cohort.roles) != 1:
            continue
        (role,) = cohort.roles
        if not found.has_role(role):
            continue
        positions = sorted(cohort.positions, key=lambda p: p.value) if cohort.positions else list(role.positions)
        position = Position.ANGGOTA if Position.ANGGOTA in positions else positions[0]
        if cohort.period is not None:
            term = cohort.period
        else:
            months = cohort_budget.months
            term = Period(months[0].first_day, months[-1].last_day)
        day = found.voting_day if term.contains(found.voting_day) else term.start + (term.end - term.start) / 2
        officer = Officer(
            nik=SAMPLE_NIK,
            name="Petugas contoh",
            role=role,
            position=position,
            election=found.key,
            appointment=term,
            bpjs_registered_on=term.start,
        )
        return officer, day
    return None


_SAMPLE: Final = {
    "none": Text(
        id="Tidak ada petugas contoh: tidak ada kelompok dengan satu peran yang dapat dihitung.",
        en="No sample officer: no cohort names a single role that could be priced.",
    ),
    "head": Text(
        id="Petugas contoh (fiktif): {0} {1}, masa tugas {2}, honorarium {3}, terdaftar {4}",
        en="Sample officer (fictional): {0} {1}, term {2}, honorarium {3}, registered {4}",
    ),
    "work_death": Text(
        id="Bila petugas meninggal karena kecelakaan kerja:", en="If the officer died in a work accident:"
    ),
    "other_death": Text(
        id="Bila petugas meninggal bukan karena kecelakaan kerja:", en="If the officer died of another cause:"
    ),
}


def _sample_section(agreement: Agreement, budget: AgreementBudget, lang: Language) -> list[str]:
    from jamsos_pemilu.benefits import jkk_death, jkm_death  # only a full agreement report prices benefits
    from jamsos_pemilu.elections import election
    from jamsos_pemilu.eligibility import check_coverage
    from jamsos_pemilu.law import rules_on

    sample = sample_officer(agreement, budget)
    if sample is None:
        return ["  " + _SAMPLE["none"].render(lang)]
    officer, day = sample
    rules = rules_on(day)
    found = election(officer.election)
    wage = found.honorarium(officer.role, officer.position, rules=rules).rupiah
    head = (
        _SAMPLE["head"]
        .render(lang)
        .format(
            officer.role.abbreviation,
            officer.position.text.render(lang).lower(),
            officer.appointment,
            format_rupiah(wage, lang),
            format_date(officer.appointment.start, lang),
        )
    )
    return [
        head,
        check_coverage(officer, agreement, on=day, rules=rules).render(lang),
        _SAMPLE["work_death"].render(lang),
        jkk_death(wage, on=day, rules=rules).render(lang),
        _SAMPLE["other_death"].render(lang),
        jkm_death(on=day, rules=rules).render(lang),
    ]


def agreement_report(agreement: Agreement, lang: Language = DEFAULT_LANGUAGE) -> str:
    """One agreement in full: its description, its premium budget, and a sample officer's cover and benefits.

    >>> from jamsos_pemilu.serialization import shipped_agreement
    >>> text = agreement_report(shipped_agreement("kota-cilegon-pemilu-2024"), "en")
    >>> "Sample officer (fictional)" in text and "APBD_NPHD" not in text
    True
    """
    from jamsos_pemilu.budgets import agreement_budget  # budgets load the rule book: only when asked

    budget = agreement_budget(agreement)
    rows = [describe_agreement(agreement, lang), "", budget.render(lang), ""]
    rows += _sample_section(agreement, budget, lang)
    return "\n".join(_fold(line) for line in "\n".join(rows).splitlines())


def _fold(line: str) -> str:
    """A line of a report folded at 100 columns (continuations indented); a web address is never broken."""
    if len(line) <= WIDTH or "://" in line:
        return line
    indent = line[: len(line) - len(line.lstrip())]
    return "\n".join(
        textwrap.wrap(line, WIDTH, subsequent_indent=indent + "    ", break_long_words=False, break_on_hyphens=False)
    )
