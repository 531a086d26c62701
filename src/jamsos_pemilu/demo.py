"""Laporan contoh (the demo report): the library's main job on the shipped agreements.

For each agreement shipped with the library: the parties, the date, the
cohorts, the contribution budget by role and programme with who pays, and for
one sample officer of it the coverage decision and the benefits on a
work-accident death and on a non-work death, each with its citations. The
sample officers are fictional (one made-up NIK, shown masked); everything else
comes from the reports and the rule book.

>>> text = report("en")
>>> "Contribution budget" in text and "JKM" in text
True
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from jamsos_pemilu._version import __version__
from jamsos_pemilu.l10n import DEFAULT_LANGUAGE, Language, format_date, format_number, format_rupiah

if TYPE_CHECKING:
    from jamsos_pemilu.agreements import Agreement
    from jamsos_pemilu.budgets import AgreementBudget
    from jamsos_pemilu.officers import Officer

__all__ = ["describe_agreement", "report", "sample_officer"]

SAMPLE_NIK = "3302114506990003"
"""A made-up NIK (Jawa Tengah, a woman born 5 June 1999) used for the sample officers."""


def _nr(lang: Language) -> str:
    return "not reported" if lang == "en" else "tidak dilaporkan"


def describe_agreement(agreement: Agreement, lang: Language = DEFAULT_LANGUAGE) -> str:
    """An agreement as text: instrument, date, parties, programmes, scheme, payer, cohorts, warnings, sources.

    >>> from jamsos_pemilu.agreements import shipped_agreement
    >>> print(describe_agreement(shipped_agreement("kota-cilegon-pemilu-2024"), "en").splitlines()[2])
      Instrument: PKS; signed: January 30, 2024
    """
    en = lang == "en"
    rows = [agreement.title, f"  id: {agreement.id}"]
    kind = agreement.kind.value.upper() if agreement.kind is not None else _nr(lang)
    signed = format_date(agreement.signed_on, lang) if agreement.signed_on else _nr(lang)
    place = f", {agreement.place}" if agreement.place else ""
    rows.append(
        f"  {'Instrument' if en else 'Instrumen'}: {kind}; {'signed' if en else 'ditandatangani'}: {signed}{place}"
    )
    if agreement.number:
        rows.append(f"  {'Number' if en else 'Nomor'}: {agreement.number}")
    rows.append(f"  {'Elections' if en else 'Pemilihan'}: {', '.join(agreement.elections) or _nr(lang)}")
    rows.append(f"  {'Parties' if en else 'Para pihak'}:")
    for party in agreement.parties:
        parts = ", ".join(sorted(p.value for p in party.parts)) or (
            "part not reported" if en else "peran tidak dilaporkan"
        )
        signatory = f" — {party.signatory}" if party.signatory else ""
        rows.append(f"    - {party.institution.name} ({parts}){signatory}")
    programmes = ", ".join(sorted(p.name for p in agreement.programmes)) or _nr(lang)
    rows.append(f"  {'Programmes' if en else 'Program'}: {programmes}")
    scheme = agreement.scheme.text.render(lang) if agreement.scheme else _nr(lang)
    rows.append(f"  {'Scheme' if en else 'Skema'}: {scheme}")
    payer_label = "Payer" if en else "Pembayar"
    if agreement.payer is not None:
        payer = agreement.payer
        who = payer.institution.name if payer.institution else "-"
        source = payer.budget_source.value.upper() if payer.budget_source else "?"
        amount = f", {format_rupiah(payer.amount, lang)}" if payer.amount is not None else ""
        rows.append(f"  {payer_label}: {who} ({source}{amount})")
    else:
        rows.append(f"  {payer_label}: {_nr(lang)}")
    rows.append(f"  {'Cohorts' if en else 'Kelompok peserta'}:")
    for cohort in agreement.cohorts:
        roles = " + ".join(sorted(r.abbreviation for r in cohort.roles)) or (
            "roles not reported" if en else "peran tidak dilaporkan"
        )
        count = "?" if cohort.headcount is None else format_number(cohort.headcount, lang)
        if cohort.period is not None:
            when = str(cohort.period)
        elif cohort.months is not None:
            when = f"{cohort.months} {'months' if en else 'bulan'}"
        else:
            when = "period not reported" if en else "masa tidak dilaporkan"
        label = f"{cohort.label}: " if cohort.label else ""
        rows.append(f"    - {label}{roles}, {count} {'officers' if en else 'petugas'}, {when}")
    total = agreement.total_headcount
    if total is not None:
        rows.append(f"  {'Total officers' if en else 'Jumlah petugas'}: {format_number(total, lang)}")
    for warning in agreement.warnings():
        rows.append(f"  ! {warning.render(lang)}")
    for source in agreement.sources:
        rows.append(f"  {'Source' if en else 'Sumber'}: {source}")
    for note in agreement.notes:
        rows.append(f"  {'Note' if en else 'Catatan'}: {note}")
    return "\n".join(rows)


def sample_officer(agreement: Agreement, budget: AgreementBudget) -> tuple[Officer, dt.date] | None:
    """A fictional officer of the agreement's first priceable single-role cohort, and a sample date.

    The officer's term is the cohort's period, else the months the budget priced;
    the officer is taken as registered on its first day. The date is the voting
    day when it falls in the term, else the term's middle day. ``None`` when no
    cohort names a single role that the budget could price.
    """
    from jamsos_pemilu.elections import election
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


def _sample_section(agreement: Agreement, budget: AgreementBudget, lang: Language) -> list[str]:
    from jamsos_pemilu.benefits import jkk_death, jkm_death
    from jamsos_pemilu.elections import election
    from jamsos_pemilu.eligibility import check_coverage
    from jamsos_pemilu.law.parameters import default_rule_book

    en = lang == "en"
    sample = sample_officer(agreement, budget)
    if sample is None:
        return [
            "  "
            + (
                "No sample officer: no cohort names a single role that could be priced."
                if en
                else "Tidak ada petugas contoh: tidak ada kelompok dengan satu peran yang dapat dihitung."
            )
        ]
    officer, day = sample
    found = election(officer.election)
    wage = found.honorarium(officer.role, officer.position, default_rule_book().on(day)).rupiah
    head = (
        f"Sample officer (fictional): {officer.role.abbreviation} {officer.position.value}, term {officer.appointment}, "
        f"honorarium {format_rupiah(wage, lang)}, registered {format_date(officer.appointment.start, lang)}"
        if en
        else f"Petugas contoh (fiktif): {officer.role.abbreviation} {officer.position.value}, masa tugas "
        f"{officer.appointment}, honorarium {format_rupiah(wage, lang)}, terdaftar "
        f"{format_date(officer.appointment.start, lang)}"
    )
    rows = [head, check_coverage(officer, agreement, on=day).render(lang)]
    death_at_work = "If the officer died in a work accident" if en else "Bila petugas meninggal karena kecelakaan kerja"
    death_other = (
        "If the officer died of another cause" if en else "Bila petugas meninggal bukan karena kecelakaan kerja"
    )
    rows.append(f"{death_at_work}:")
    rows.append(jkk_death(day, wage).render(lang))
    rows.append(f"{death_other}:")
    rows.append(jkm_death(day).render(lang))
    return rows


def report(lang: Language = DEFAULT_LANGUAGE) -> str:
    """The demo report on every shipped agreement, in ``lang`` (Indonesian by default)."""
    from jamsos_pemilu.agreements import shipped_agreements
    from jamsos_pemilu.budgets import agreement_budget
    from jamsos_pemilu.law.parameters import default_rule_book

    en = lang == "en"
    agreements = shipped_agreements()
    line = "=" * 100
    rows = [
        line,
        (
            f"jamsos_pemilu {__version__}: BPJS Ketenagakerjaan coverage of election ad hoc officers — "
            f"{len(agreements)} reported agreements"
            if en
            else f"jamsos_pemilu {__version__}: perlindungan BPJS Ketenagakerjaan bagi badan ad hoc pemilu — "
            f"{len(agreements)} perjanjian yang dilaporkan"
        ),
        (
            f"Rule data {default_rule_book().digest[:12]}. Amounts marked unconfirmed in the rule book are flagged "
            "after each result; assumptions are listed under each budget."
            if en
            else f"Data aturan {default_rule_book().digest[:12]}. Nilai yang belum terkonfirmasi ditandai di bawah "
            "setiap hasil; asumsi dicantumkan di bawah setiap anggaran."
        ),
        line,
    ]
    grand = None
    for agreement in agreements:
        budget = agreement_budget(agreement)
        grand = budget.total if grand is None else grand + budget.total
        rows += ["", line, describe_agreement(agreement, lang), "", budget.render(lang), ""]
        rows += _sample_section(agreement, budget, lang)
    if grand is not None:
        rows += [
            "",
            line,
            (
                f"Priced contributions across all agreements (computable cohorts only): {format_rupiah(grand, lang)}"
                if en
                else f"Jumlah iuran yang dapat dihitung dari semua perjanjian: {format_rupiah(grand, lang)}"
            ),
        ]
    return "\n".join(rows)
