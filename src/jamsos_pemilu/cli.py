"""Baris perintah (command line): ``jamsos-pemilu``, a thin shell over the public API.

Commands: ``premium``, ``benefit``, ``check``, ``agreements``, ``budget``,
``rules`` and ``demo``. Output is a human-readable text in Bahasa Indonesia by
default (``--lang en`` for English), or JSON with ``--json``. Bad input (a
missing file, bad JSON, an unknown role) prints one line saying what is wrong
and where, with no traceback, and exits with status 2.

>>> main(["premium", "--wage", "2500000", "--month", "2024-02", "--json"])  # doctest: +ELLIPSIS
{
  "kind": "premium",
  "month": "2024-02",
...
0
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from jamsos_pemilu.exceptions import InputError, JamsosError
from jamsos_pemilu.l10n import DEFAULT_LANGUAGE, parse_language

if TYPE_CHECKING:
    from jamsos_pemilu.agreements import Agreement
    from jamsos_pemilu.law.parameters import RuleBook

__all__ = ["main"]

PROG = "jamsos-pemilu"


class _UsageError(Exception):
    """Internal: argparse found bad arguments."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, raised rather than printed."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{self.prog}: {message}")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write YYYY-MM-DD") from None


def _money(text: str) -> int:
    cleaned = text.strip().replace(".", "").replace(",", "").replace("_", "")
    if cleaned.lower().startswith("rp"):
        cleaned = cleaned[2:].strip()
    if not cleaned.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole rupiah amount (e.g. 2500000 or 2.500.000)")
    return int(cleaned)


def _count(text: str) -> int:
    if not text.strip().isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number")
    return int(text)


def _read(path: str) -> str:
    file = Path(path)
    try:
        return file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"file not found: {path}") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a directory, not a file") from None
    except UnicodeDecodeError:
        raise InputError(f"{path} is not UTF-8 text") from None
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror}") from None


def _json_file(path: str) -> Any:
    text = _read(path)
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"{path}: not valid JSON at line {error.lineno}, column {error.colno}: {error.msg}") from None


def _rules(args: argparse.Namespace) -> RuleBook:
    from jamsos_pemilu.law.parameters import Reform, default_rule_book

    book = default_rule_book()
    path = getattr(args, "reform", None)
    if path:
        data = _json_file(path)
        try:
            reform = Reform.from_dict(data)
        except InputError as error:
            raise InputError(f"{path}: {error}") from None
        book = book.with_reform(reform)
    return book


def _agreement(ref: str) -> Agreement:
    from jamsos_pemilu.agreements import shipped_agreement
    from jamsos_pemilu.serialization import from_dict, load_agreement_document

    if ref.endswith(".json") or Path(ref).is_file():
        data = _json_file(ref)
        if isinstance(data, dict) and "agreements" in data:
            found = load_agreement_document(json.dumps(data), ref)
            if len(found) != 1:
                raise InputError(f"{ref}: holds {len(found)} agreements; give a file with exactly one")
            return found[0]
        from jamsos_pemilu.agreements import Agreement

        return from_dict(Agreement, data)
    return shipped_agreement(ref)


def _emit(out: TextIO, args: argparse.Namespace, text: str, data: object) -> None:
    if args.json:
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(text.rstrip() + "\n")


# --------------------------------------------------------------------------- commands


def _cmd_premium(args: argparse.Namespace, out: TextIO) -> None:
    from jamsos_pemilu.money import Rupiah
    from jamsos_pemilu.periods import Month
    from jamsos_pemilu.premiums import BOTH_PROGRAMMES, monthly_premium
    from jamsos_pemilu.schemes import BudgetSource, NonWageEarner, Programme, RiskClass, WageEarner

    month = Month.parse(args.month)
    scheme: WageEarner | NonWageEarner
    if args.scheme == "bpu":
        income = Rupiah(args.declared_income) if args.declared_income is not None else None
        scheme = NonWageEarner(income, transport_sector=args.transport)
        wage = None
    else:
        if args.wage is None:
            raise InputError("premium for a wage earner needs --wage (the monthly honorarium, e.g. 2500000)")
        scheme = WageEarner(RiskClass.parse(args.risk_class))
        wage = Rupiah(args.wage)
    programmes = (
        frozenset(Programme.parse(p) for p in args.programmes.split(",") if p.strip())
        if args.programmes
        else BOTH_PROGRAMMES
    )
    source = BudgetSource.parse(args.budget_source) if args.budget_source else None
    premium = monthly_premium(wage, month, scheme, programmes=programmes, budget_source=source, rules=_rules(args))
    _emit(out, args, premium.render(args.lang), premium.to_dict())


_BENEFITS = (
    "jkm-death",
    "jkk-death",
    "jkk-total-disability",
    "jkk-stmb",
    "santunan-death",
    "santunan-permanent-disability",
    "santunan-serious-injury",
    "santunan-moderate-injury",
)


def _cmd_benefit(args: argparse.Namespace, out: TextIO) -> None:
    from jamsos_pemilu import benefits
    from jamsos_pemilu.money import Rupiah
    from jamsos_pemilu.roles import Body

    book = _rules(args)
    children = [
        benefits.Child(benefits.EducationLevel.parse(level))
        for level in (args.children.split(",") if args.children else [])
        if level.strip()
    ]

    def wage() -> Rupiah:
        if args.wage is None:
            raise InputError(f"benefit {args.kind} needs --wage (the monthly wage reported to BPJS)")
        return Rupiah(args.wage)

    kind: str = args.kind
    if kind == "jkm-death":
        result = benefits.jkm_death(args.date, membership_start=args.membership_start, children=children, rules=book)
    elif kind == "jkk-death":
        result = benefits.jkk_death(args.date, wage(), children=children, rules=book)
    elif kind == "jkk-total-disability":
        result = benefits.jkk_total_disability(args.date, wage(), children=children, rules=book)
    elif kind == "jkk-stmb":
        if args.months is None:
            raise InputError("benefit jkk-stmb needs --months (months unable to work)")
        result = benefits.jkk_temporary_incapacity(args.date, wage(), args.months, rules=book)
    else:
        event = benefits.SantunanEvent.parse(kind.removeprefix("santunan-").replace("-", "_"))
        result = benefits.santunan(event, args.date, body=Body(args.body), rules=book)
    _emit(out, args, result.render(args.lang), result.to_dict())


def _cmd_check(args: argparse.Namespace, out: TextIO) -> None:
    from jamsos_pemilu.eligibility import Incident, IncidentKind, check_coverage
    from jamsos_pemilu.officers import Officer
    from jamsos_pemilu.serialization import from_dict

    officer = from_dict(Officer, _json_file(args.officer))
    agreement = _agreement(args.agreement) if args.agreement else None
    incident = None
    if args.incident:
        incident = Incident(
            IncidentKind.parse(args.incident), args.date, fatal=args.fatal, claim_filed_on=args.claim_filed
        )
    decision = check_coverage(officer, agreement, on=args.date, incident=incident, rules=_rules(args))
    _emit(out, args, decision.render(args.lang), decision.to_dict())


def _cmd_agreements(args: argparse.Namespace, out: TextIO) -> None:
    from jamsos_pemilu.agreements import shipped_agreements
    from jamsos_pemilu.explain import render_table
    from jamsos_pemilu.serialization import to_dict

    if args.ref:
        agreement = _agreement(args.ref)
        from jamsos_pemilu.demo import describe_agreement

        _emit(out, args, describe_agreement(agreement, args.lang), to_dict(agreement))
        return
    found = shipped_agreements()
    en = args.lang == "en"
    table = [
        [
            a.id,
            a.signed_on.isoformat() if a.signed_on else "-",
            ", ".join(a.elections) or "-",
            str(a.known_headcount),
        ]
        for a in found
    ]
    headers = ["id", "signed" if en else "tanggal", "election" if en else "pemilihan", "officers" if en else "petugas"]
    _emit(out, args, render_table(headers, table, right=[3]), [to_dict(a) for a in found])


def _cmd_budget(args: argparse.Namespace, out: TextIO) -> None:
    from jamsos_pemilu.budgets import agreement_budget

    budget = agreement_budget(_agreement(args.ref), rules=_rules(args))
    _emit(out, args, budget.render(args.lang), budget.to_dict())


def _cmd_rules(args: argparse.Namespace, out: TextIO) -> None:
    from jamsos_pemilu.explain import format_rule_value, render_table
    from jamsos_pemilu.law.parameters import RuleValue

    snapshot = _rules(args).on(args.date)
    chosen: list[RuleValue] = [snapshot[name] for name in snapshot if name.startswith(args.prefix or "")]
    if not chosen:
        raise InputError(f"no parameter in force on {args.date.isoformat()} starts with {args.prefix!r}")
    table = [
        [v.name, format_rule_value(v, args.lang), v.start.isoformat(), v.citation.label, v.confidence.value]
        for v in chosen
    ]
    en = args.lang == "en"
    headers = [
        "parameter",
        "value" if en else "nilai",
        "from" if en else "sejak",
        "citation" if en else "dasar hukum",
        "confidence" if en else "keyakinan",
    ]
    _emit(
        out, args, render_table(headers, table), {"on": args.date.isoformat(), "values": [v.to_dict() for v in chosen]}
    )


def _cmd_demo(args: argparse.Namespace, out: TextIO) -> None:
    from jamsos_pemilu.demo import report

    if args.json:
        raise InputError("demo prints a report for people; use the other commands with --json for data")
    out.write(report(args.lang) + "\n")


# --------------------------------------------------------------------------- parser


def _parser() -> _Parser:
    common = _Parser(add_help=False)
    common.add_argument("--lang", default=argparse.SUPPRESS, help="output language: id (default) or en")
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print JSON for machines")
    parser = _Parser(
        prog=PROG,
        description="BPJS Ketenagakerjaan JKK/JKM untuk badan ad hoc pemilu: iuran, manfaat, kepesertaan.",
        parents=[common],
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True

    def command(name: str, helptext: str, handler: Callable[[argparse.Namespace, TextIO], None]) -> _Parser:
        sub: _Parser = commands.add_parser(name, help=helptext, description=helptext, parents=[common])
        sub.set_defaults(handler=handler)
        return sub

    premium = command("premium", "contribution for one officer-month", _cmd_premium)
    premium.add_argument("--wage", type=_money, help="monthly wage / honorarium in rupiah")
    premium.add_argument("--month", required=True, help="contribution month, YYYY-MM")
    premium.add_argument("--scheme", choices=["pu", "bpu"], default="pu", help="wage earner (pu) or non-wage earner")
    premium.add_argument("--risk-class", default="sangat_rendah", help="JKK risk class for wage earners")
    premium.add_argument("--declared-income", type=_money, help="declared income for non-wage earners")
    premium.add_argument("--transport", action="store_true", help="non-wage earner in the transport sector")
    premium.add_argument("--budget-source", help="apbn, apbd, apbd_nphd, election_body or self_paid")
    premium.add_argument("--programmes", help="comma-separated: jkk,jkm (default both)")
    premium.add_argument("--reform", help="JSON file {label, overrides} for a what-if")

    benefit = command("benefit", "benefits for an accident or a death", _cmd_benefit)
    benefit.add_argument("kind", choices=_BENEFITS)
    benefit.add_argument("--date", type=_date, required=True, help="date of the accident or death, YYYY-MM-DD")
    benefit.add_argument("--wage", type=_money, help="monthly wage reported to BPJS")
    benefit.add_argument("--months", type=_count, help="months unable to work (jkk-stmb)")
    benefit.add_argument("--children", help="children's school levels for scholarships, e.g. TK,SD")
    benefit.add_argument("--membership-start", type=_date, help="start of JKM membership (scholarship condition)")
    benefit.add_argument("--body", choices=["kpu", "bawaslu"], default="kpu", help="who pays the santunan")
    benefit.add_argument("--reform", help="JSON file {label, overrides} for a what-if")

    check = command("check", "is an officer covered on a date", _cmd_check)
    check.add_argument("--officer", required=True, help="officer JSON file")
    check.add_argument("--agreement", help="shipped agreement id or agreement JSON file")
    check.add_argument("--date", type=_date, required=True, help="date asked about, YYYY-MM-DD")
    check.add_argument("--incident", help="work_accident, commuting_accident, sudden_death_at_work, death_other, ...")
    check.add_argument("--fatal", action="store_true", help="the officer died")
    check.add_argument("--claim-filed", type=_date, help="date the claim was filed")
    check.add_argument("--reform", help="JSON file {label, overrides} for a what-if")

    agreements = command("agreements", "list the shipped agreements, or show one", _cmd_agreements)
    agreements.add_argument("ref", nargs="?", help="shipped agreement id or agreement JSON file")

    budget = command("budget", "contribution budget of an agreement", _cmd_budget)
    budget.add_argument("ref", help="shipped agreement id or agreement JSON file")
    budget.add_argument("--reform", help="JSON file {label, overrides} for a what-if")

    rules = command("rules", "parameters in force on a date, with citations", _cmd_rules)
    rules.add_argument("--date", type=_date, required=True, help="YYYY-MM-DD")
    rules.add_argument("--prefix", help="only parameters whose name starts with this, e.g. jkm")
    rules.add_argument("--reform", help="JSON file {label, overrides} for a what-if")

    command("demo", "report on every shipped agreement", _cmd_demo)
    return parser


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 2 bad input).

    Args:
        argv: the arguments (default: ``sys.argv[1:]``).
        out: where results go (default: standard output).
        err: where the one-line error goes (default: standard error).
    """
    stdout = out or sys.stdout
    stderr = err or sys.stderr
    try:
        args = _parser().parse_args(list(sys.argv[1:] if argv is None else argv))
        args.lang = parse_language(getattr(args, "lang", DEFAULT_LANGUAGE))
        args.json = getattr(args, "json", False)
        args.handler(args, stdout)
    except _UsageError as error:
        stderr.write(f"{error}\n")
        return 2
    except JamsosError as error:
        stderr.write(f"{PROG}: error: {_one_line(str(error))}\n")
        return 2
    except BrokenPipeError:  # pragma: no cover - e.g. piping into `head`
        return 0
    return 0


def _one_line(text: str) -> str:
    return " ".join(text.split())


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
