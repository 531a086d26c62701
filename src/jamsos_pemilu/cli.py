"""Baris perintah (command line): ``jamsos-pemilu``, a thin shell over the public API.

Commands: ``premium``, ``benefit``, ``check``, ``agreements``, ``budget``,
``rules``, ``schema`` and ``demo``; ``jamsos-pemilu COMMAND --help`` shows each
one's options and an example. Reports are human-readable text in Bahasa
Indonesia by default (``--lang en`` for English), or JSON with ``--json`` on
every command that prints a report. Where a command reads a file (an officer,
an agreement, a reform), ``-`` reads standard input instead.

Money is read by :meth:`jamsos_pemilu.money.Rupiah.parse`, strictly: whole
rupiah as ``2500000``, ``2.500.000`` or ``2,500,000``; ``2500000.50``,
``2,5`` or ``1.100,50`` are refused with what was read and what to write.

Exit status: ``0`` success; ``1`` the library refused the input or the data
(a bad amount, date or file, an unknown agreement, a rule not in force),
with one line on standard error saying what and where; ``2`` the command line
itself is wrong (an unknown command or option, a missing argument). No
traceback is ever printed, and nothing printed holds a NIK whole (everything
passes through :func:`jamsos_pemilu.officers.redact_niks`).

>>> main(["premium", "--wage", "2.500.000", "--month", "2024-02", "--json"])  # doctest: +ELLIPSIS
{
  "kind": "premium",
  "month": "2024-02",
...
0
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NoReturn, TextIO

from typing_extensions import override

from jamsos_pemilu._privacy import redact_niks
from jamsos_pemilu._version import __version__
from jamsos_pemilu.exceptions import InputError, JamsosError
from jamsos_pemilu.l10n import DEFAULT_LANGUAGE, parse_language
from jamsos_pemilu.money import Rupiah, to_rate

if TYPE_CHECKING:
    from jamsos_pemilu.agreements import Agreement
    from jamsos_pemilu.law.parameters import Reform, RuleBook, RuleSnapshot

__all__ = ["help_pages", "main"]

PROG: Final = "jamsos-pemilu"
STDIN: Final = "-"
EXIT_OK: Final = 0
EXIT_INPUT: Final = 1
EXIT_USAGE: Final = 2


class _UsageError(Exception):
    """Internal: the command line is malformed (argparse's complaint)."""


class _ValueError(Exception):
    """Internal: an option's value was refused; not a builtin ValueError, so argparse lets it through."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, raised rather than printed."""

    @override
    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{self.prog}: {message}")


class _Context:
    """What a command may read and write: standard input (once) and the output stream."""

    def __init__(self, out: TextIO, stdin: TextIO) -> None:
        self.out = out
        self._stdin = stdin
        self._stdin_used = False

    def read(self, ref: str, what: str) -> tuple[str, str]:
        """The text of file ``ref`` (or standard input for ``-``) and a name for messages."""
        if ref == STDIN:
            if self._stdin_used:
                raise InputError(f"{what}: standard input ('-') can be read only once per command")
            self._stdin_used = True
            try:
                return self._stdin.read().removeprefix("\ufeff"), "<stdin>"
            except UnicodeDecodeError as error:
                raise InputError(f"{what}: standard input is not UTF-8 text (byte {error.start})") from None
            except OSError as error:
                raise InputError(f"{what}: cannot read standard input: {error.strerror or error}") from None
        return _read_file(ref, what), ref

    def write(self, text: str) -> None:
        """Print ``text`` with every NIK-like run of digits masked."""
        self.out.write(redact_niks(text))


def _read_file(path: str, what: str) -> str:
    shown = path if len(path) <= 80 else f"{path[:60]}...({len(path)} characters)"
    try:
        return Path(path).read_text(encoding="utf-8-sig")  # a byte-order mark (Excel, Notepad) is dropped
    except FileNotFoundError:
        raise InputError(f"{what}: file not found: {shown}") from None
    except IsADirectoryError:
        raise InputError(f"{what}: {shown} is a directory, not a file") from None
    except UnicodeDecodeError as error:
        raise InputError(f"{what}: {shown} is not UTF-8 text (byte {error.start})") from None
    except (OSError, ValueError) as error:  # too long a name, no permission, a NUL byte in the name
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise InputError(f"{what}: cannot read {shown}: {reason}") from None


def _json_data(text: str, name: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"{name}: not valid JSON at line {error.lineno}, column {error.colno}: {error.msg}") from None
    except (ValueError, RecursionError) as error:  # a number of > 4300 digits, nesting too deep
        reason = "nested too deeply" if isinstance(error, RecursionError) else str(error)
        raise InputError(f"{name}: not usable JSON: {reason}") from None


# --------------------------------------------------------------------------- option values


def _value(parse: Callable[[str], object], option: str) -> Callable[[str], object]:
    """An argparse ``type=`` whose refusals are input errors (exit 1), not usage errors (exit 2)."""

    def convert(text: str) -> object:
        try:
            return parse(text)
        except JamsosError as error:
            raise _ValueError(f"{option}: {error}") from None

    return convert


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(f"{text!r} is not a date; write YYYY-MM-DD, e.g. 2024-02-14") from None


def _money(text: str) -> Rupiah:
    return Rupiah.parse(text, what="amount")


def _count(text: str) -> int:
    cleaned = text.strip()
    if not (cleaned.isascii() and cleaned.isdigit()) or len(cleaned) > 6:
        raise InputError(f"{text!r} is not a whole number of months (e.g. 3)")
    return int(cleaned)


def _transport_cost(text: str) -> tuple[str, Rupiah]:
    mode, sep, amount = text.partition("=")
    if not sep:
        raise InputError(f"{text!r}: write MODE=AMOUNT, e.g. land=750000")
    return mode.strip(), Rupiah.parse(amount, what=f"{mode.strip()} cost")


# --------------------------------------------------------------------------- rules


def _reform(args: argparse.Namespace, ctx: _Context) -> Reform | None:
    from jamsos_pemilu.law.parameters import Reform  # loading the rule book is deferred until a command needs it

    ref = getattr(args, "reform", None)
    if not ref:
        return None
    text, name = ctx.read(ref, "--reform")
    data = _json_data(text, name)
    if not isinstance(data, dict):
        raise InputError(f"{name}: a reform is a JSON object {{label, overrides}}, not {type(data).__name__}")
    try:
        return Reform.from_dict(data)
    except JamsosError as error:
        raise InputError(f"{name}: {error}") from None


def _snapshot(args: argparse.Namespace, ctx: _Context, on: dt.date) -> RuleSnapshot:
    from jamsos_pemilu.law import rules_on  # deferred: the rule book loads only when a command needs it

    return rules_on(on, reform=_reform(args, ctx))


def _rule_book(args: argparse.Namespace, ctx: _Context) -> RuleBook:
    from jamsos_pemilu.law.parameters import default_rule_book  # deferred: see _snapshot

    book = default_rule_book()
    reform = _reform(args, ctx)
    return book if reform is None else book.with_reform(reform)


def _agreement(ref: str, ctx: _Context) -> Agreement:
    from jamsos_pemilu.agreements import Agreement  # deferred: see _snapshot
    from jamsos_pemilu.serialization import from_json, load_agreement_document, shipped_agreement

    looks_like_file = ref == STDIN or ref.endswith(".json") or os.sep in ref
    if not looks_like_file:
        try:
            looks_like_file = Path(ref).is_file()
        except (OSError, ValueError):  # a name too long for the file system is no file
            looks_like_file = False
    if not looks_like_file:
        return shipped_agreement(ref)
    text, name = ctx.read(ref, "agreement")
    data = _json_data(text, name)
    if isinstance(data, dict) and "agreements" in data:
        found = load_agreement_document(text, name)
        if len(found) != 1:
            raise InputError(f"{name}: holds {len(found)} agreements; give a file with exactly one")
        return found[0]
    try:
        return from_json(Agreement, text)  # read again with the loader's own size and depth limits
    except JamsosError as error:
        raise InputError(f"{name}: {error}") from None


def _emit(ctx: _Context, args: argparse.Namespace, text: str, data: object) -> None:
    if getattr(args, "json", False):
        ctx.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        ctx.write(text.rstrip() + "\n")


# --------------------------------------------------------------------------- commands


def _cmd_premium(args: argparse.Namespace, ctx: _Context) -> None:
    from jamsos_pemilu.periods import Month  # deferred: each command imports only what it uses
    from jamsos_pemilu.premiums import BOTH_PROGRAMMES, monthly_premium
    from jamsos_pemilu.schemes import BudgetSource, NonWageEarner, Programme, RiskClass, WageEarner

    month = Month.parse(args.month)
    scheme: WageEarner | NonWageEarner
    basis: Rupiah | None
    if args.scheme == "bpu":
        scheme = NonWageEarner(args.declared_income, transport_sector=args.transport)
        basis = None
    else:
        if args.wage is None:
            raise InputError("premium for a wage earner needs --wage (the monthly honorarium, e.g. 2500000)")
        scheme = WageEarner(RiskClass.parse(args.risk_class))
        basis = args.wage
    programmes = (
        frozenset(Programme.parse(p) for p in args.programmes.split(",") if p.strip())
        if args.programmes
        else BOTH_PROGRAMMES
    )
    source = BudgetSource.parse(args.budget_source) if args.budget_source else None
    premium = monthly_premium(
        basis,
        scheme,
        month=month,
        programmes=programmes,
        budget_source=source,
        rules=_snapshot(args, ctx, month.first_day),
    )
    _emit(ctx, args, premium.render(args.lang), premium.to_dict())


_BENEFITS: Final = (
    "jkm-death",
    "jkk-death",
    "jkk-total-disability",
    "jkk-partial-disability",
    "jkk-stmb",
    "jkk-transport",
    "jkk-home-care",
    "jkk-medical-care",
    "santunan-death",
    "santunan-permanent-disability",
    "santunan-serious-injury",
    "santunan-moderate-injury",
)


def _impairment(text: str) -> object:
    from jamsos_pemilu.benefits import Impairment  # deferred: see _cmd_premium

    row, _, loss = text.partition(":")
    row = row.strip()
    function_loss = to_rate(loss) if loss.strip() else None
    if row.endswith("%") or row.replace(".", "", 1).replace(",", "", 1).isdigit():
        return Impairment(percent=to_rate(row), function_loss=function_loss)
    return Impairment(item=row, function_loss=function_loss)


def _cmd_benefit(args: argparse.Namespace, ctx: _Context) -> None:
    from jamsos_pemilu import benefits  # deferred: see _cmd_premium
    from jamsos_pemilu.roles import Body

    on: dt.date = args.date
    rules = _snapshot(args, ctx, on)
    children = [
        benefits.Child(benefits.EducationLevel.parse(level))
        for level in (args.children.split(",") if args.children else [])
        if level.strip()
    ]
    kind: str = args.kind

    def wage() -> Rupiah:
        if args.wage is None:
            raise InputError(f"benefit {kind} needs --wage (the monthly wage reported to BPJS, e.g. 1100000)")
        found: Rupiah = args.wage
        return found

    def months() -> int:
        if args.months is None:
            raise InputError(f"benefit {kind} needs --months")
        found: int = args.months
        return found

    result: benefits.BenefitAssessment
    if kind == "jkm-death":
        result = benefits.jkm_death(on=on, membership_start=args.membership_start, children=children, rules=rules)
    elif kind == "jkk-death":
        result = benefits.jkk_death(wage(), on=on, children=children, rules=rules)
    elif kind == "jkk-total-disability":
        result = benefits.jkk_total_disability(wage(), on=on, children=children, rules=rules)
    elif kind == "jkk-partial-disability":
        if not args.impairment:
            raise InputError("benefit jkk-partial-disability needs --impairment (a table row such as one_eye, or 35%)")
        impairments = [_impairment(text) for text in args.impairment]
        result = benefits.jkk_partial_disability(wage(), impairments, on=on, rules=rules)  # type: ignore[arg-type]
    elif kind == "jkk-stmb":
        result = benefits.jkk_temporary_incapacity(wage(), months(), on=on, rules=rules)
    elif kind == "jkk-transport":
        if not args.transport_cost:
            raise InputError("benefit jkk-transport needs --transport-cost MODE=AMOUNT (e.g. land=750000)")
        costs = {benefits.TransportMode(_mode(mode)): amount for mode, amount in args.transport_cost}
        result = benefits.jkk_transport(costs, on=on, rules=rules)
    elif kind == "jkk-home-care":
        if args.care_cost is None:
            raise InputError("benefit jkk-home-care needs --care-cost (the monthly cost, e.g. 2000000)")
        result = benefits.jkk_home_care(args.care_cost, months(), on=on, rules=rules)
    elif kind == "jkk-medical-care":
        result = benefits.jkk_medical_care(on=on, rules=rules)
    else:
        event = benefits.SantunanEvent.parse(kind.removeprefix("santunan-").replace("-", "_"))
        result = benefits.santunan(event, on=on, body=Body.parse(args.body), rules=rules)
    _emit(ctx, args, result.render(args.lang), result.to_dict())


def _mode(text: str) -> str:
    from jamsos_pemilu.benefits import TransportMode  # deferred: see _cmd_premium

    accepted = [mode.value for mode in TransportMode]
    if text.strip().lower() not in accepted:
        raise InputError(f"--transport-cost: unknown transport mode {text!r}; accepted values: {', '.join(accepted)}")
    return text.strip().lower()


def _cmd_check(args: argparse.Namespace, ctx: _Context) -> None:
    from jamsos_pemilu.eligibility import Incident, IncidentKind, check_coverage  # deferred: see _cmd_premium
    from jamsos_pemilu.officers import Officer
    from jamsos_pemilu.serialization import from_json

    text, name = ctx.read(args.officer, "--officer")
    try:
        officer = from_json(Officer, text)
    except JamsosError as error:
        raise InputError(f"{name}: {error}") from None
    agreement = _agreement(args.agreement, ctx) if args.agreement else None
    incident = None
    if args.incident:
        incident = Incident(
            IncidentKind.parse(args.incident), args.date, fatal=args.fatal, claim_filed_on=args.claim_filed
        )
    decision = check_coverage(
        officer, agreement, on=args.date, incident=incident, rules=_snapshot(args, ctx, args.date)
    )
    _emit(ctx, args, decision.render(args.lang), decision.to_dict())


def _cmd_agreements(args: argparse.Namespace, ctx: _Context) -> None:
    from jamsos_pemilu.demo import describe_agreement, id_table, overview_table  # deferred: see _cmd_premium
    from jamsos_pemilu.serialization import shipped_agreements, to_dict

    if args.ref:
        agreement = _agreement(args.ref, ctx)
        _emit(ctx, args, describe_agreement(agreement, args.lang), to_dict(agreement))
        return
    found = shipped_agreements()
    text = f"{overview_table(found, args.lang)}\n\n{id_table(found, args.lang)}"
    _emit(ctx, args, text, [to_dict(a) for a in found])


def _cmd_budget(args: argparse.Namespace, ctx: _Context) -> None:
    from jamsos_pemilu.budgets import agreement_budget  # deferred: see _cmd_premium

    budget = agreement_budget(_agreement(args.ref, ctx), rule_book=_rule_book(args, ctx))
    _emit(ctx, args, budget.render(args.lang), budget.to_dict())


def _cmd_rules(args: argparse.Namespace, ctx: _Context) -> None:
    from jamsos_pemilu.explain import format_rule_value, render_table  # deferred: see _cmd_premium
    from jamsos_pemilu.l10n import Text

    snapshot = _snapshot(args, ctx, args.date)
    prefix = args.prefix or ""
    chosen = [snapshot[name] for name in snapshot if name.startswith(prefix)]
    if not chosen:
        raise InputError(f"no parameter in force on {args.date.isoformat()} starts with {prefix!r}")
    table = [
        # the confidence in the reader's language, its short form (the part before the gloss in brackets)
        [v.name, format_rule_value(v, args.lang), v.start.isoformat(), v.citation.label,
         v.confidence.text.render(args.lang).split(" (")[0]]
        for v in chosen
    ]
    headers = [
        Text(id="parameter", en="parameter"),
        Text(id="nilai", en="value"),
        Text(id="sejak", en="from"),
        Text(id="dasar hukum", en="citation"),
        Text(id="keyakinan", en="confidence"),
    ]
    text = render_table([h.render(args.lang) for h in headers], table)
    _emit(ctx, args, text, {"on": args.date.isoformat(), "values": [v.to_dict() for v in chosen]})


def _cmd_schema(args: argparse.Namespace, ctx: _Context) -> None:
    from jamsos_pemilu.schemas import schema_for, schema_names  # deferred: see _cmd_premium

    if args.name is None:
        names = schema_names()
        width = max(map(len, names))
        ctx.write("".join(f"{name.ljust(width)}  {schema_for(name)['title']}\n" for name in names))
        return
    ctx.write(json.dumps(schema_for(args.name), ensure_ascii=False, indent=2) + "\n")


def _cmd_demo(args: argparse.Namespace, ctx: _Context) -> None:
    from jamsos_pemilu.demo import agreement_report, report  # deferred: see _cmd_premium

    if args.agreement:
        ctx.write(agreement_report(_agreement(args.agreement, ctx), args.lang) + "\n")
    else:
        ctx.write(report(args.lang) + "\n")


# --------------------------------------------------------------------------- parser

_EXIT_TEXT: Final = (
    "exit status: 0 success; 1 the input or data was refused (one line says what and where);\n"
    "2 the command line is malformed"
)


def _parser() -> _Parser:
    lang = _Parser(add_help=False)
    lang.add_argument(
        "--lang", default=argparse.SUPPRESS, metavar="{id,en}", help="output language: id (default) or en"
    )
    machine = _Parser(add_help=False)
    machine.add_argument("--json", action="store_true", default=False, help="print JSON for machines")
    parser = _Parser(
        prog=PROG,
        description=(
            "BPJS Ketenagakerjaan JKK/JKM untuk badan ad hoc pemilu: iuran, manfaat, kepesertaan.\n"
            "BPJS work-accident and death cover for election ad hoc officers: premiums, benefits, coverage."
        ),
        epilog=f"example:\n  {PROG} premium --wage 2.500.000 --month 2024-02\n\n{_EXIT_TEXT}\n",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[lang],
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True

    def command(
        name: str,
        helptext: str,
        handler: Callable[[argparse.Namespace, _Context], None],
        examples: Sequence[str],
        *,
        report: bool = True,
    ) -> _Parser:
        epilog = "example" + ("s" if len(examples) > 1 else "") + ":\n" + "\n".join(f"  {PROG} {e}" for e in examples)
        sub: _Parser = commands.add_parser(
            name,
            help=helptext,
            description=helptext,
            epilog=epilog,
            formatter_class=argparse.RawDescriptionHelpFormatter,
            parents=[lang, machine] if report else [lang],
        )
        sub.set_defaults(handler=handler)
        return sub

    def reform(sub: _Parser) -> None:
        sub.add_argument("--reform", metavar="FILE", help="JSON file {label, overrides} for a what-if ('-': stdin)")

    premium = command(
        "premium",
        "premium (iuran) for one officer-month",
        _cmd_premium,
        ["premium --wage 2.500.000 --month 2024-02", "premium --scheme bpu --declared-income 1000000 --month 2024-02"],
    )
    premium.add_argument(
        "--wage", type=_value(_money, "--wage"), metavar="AMOUNT", help="monthly wage / honorarium in whole rupiah"
    )
    premium.add_argument("--month", required=True, metavar="YYYY-MM", help="premium month")
    premium.add_argument("--scheme", choices=["pu", "bpu"], default="pu", help="wage earner (pu) or non-wage earner")
    premium.add_argument("--risk-class", default="sangat_rendah", help="JKK risk class for wage earners")
    premium.add_argument(
        "--declared-income",
        type=_value(_money, "--declared-income"),
        metavar="AMOUNT",
        help="declared income for non-wage earners",
    )
    premium.add_argument("--transport", action="store_true", help="non-wage earner in the transport sector")
    premium.add_argument("--budget-source", help="apbn, apbd, apbd_nphd, election_body or self_paid")
    premium.add_argument("--programmes", help="comma-separated: jkk,jkm (default both)")
    reform(premium)

    benefit = command(
        "benefit",
        "benefits for an accident, an illness or a death, line by line",
        _cmd_benefit,
        [
            "benefit jkk-death --date 2024-02-14 --wage 1.100.000",
            "benefit jkk-partial-disability --date 2024-02-14 --wage 1100000 --impairment one_eye",
            "benefit jkk-transport --date 2024-02-14 --transport-cost land=750000",
            "benefit santunan-death --date 2024-02-14 --body bawaslu",
        ],
    )
    benefit.add_argument("kind", choices=_BENEFITS, metavar="KIND", help="one of: " + ", ".join(_BENEFITS))
    benefit.add_argument(
        "--date", type=_value(_date, "--date"), required=True, metavar="YYYY-MM-DD", help="date of the event"
    )
    benefit.add_argument(
        "--wage", type=_value(_money, "--wage"), metavar="AMOUNT", help="monthly wage reported to BPJS"
    )
    benefit.add_argument(
        "--months",
        type=_value(_count, "--months"),
        metavar="N",
        help="months unable to work (jkk-stmb) or of home care",
    )
    benefit.add_argument("--children", metavar="LEVELS", help="children's school levels for scholarships, e.g. TK,SD")
    benefit.add_argument(
        "--membership-start",
        type=_value(_date, "--membership-start"),
        metavar="YYYY-MM-DD",
        help="start of JKM membership (scholarship)",
    )
    benefit.add_argument(
        "--impairment",
        action="append",
        metavar="ROW[:LOSS%]",
        help="jkk-partial-disability: a disability-table row (one_eye) or a doctor's percentage (35%%); "
        "':50%%' for a partial loss of function; repeat for several",
    )
    benefit.add_argument(
        "--transport-cost",
        action="append",
        type=_value(_transport_cost, "--transport-cost"),
        metavar="MODE=AMOUNT",
        help="jkk-transport: land, sea or air and what it cost; repeat for several",
    )
    benefit.add_argument(
        "--care-cost", type=_value(_money, "--care-cost"), metavar="AMOUNT", help="jkk-home-care: the monthly cost"
    )
    benefit.add_argument(
        "--body", choices=["kpu", "bawaslu"], default="kpu", help="santunan: who pays it (default kpu)"
    )
    reform(benefit)

    check = command(
        "check",
        "is an officer covered on a date, and why (or why not)",
        _cmd_check,
        [
            "check --officer officer.json --agreement kota-cilegon-pemilu-2024 --date 2024-02-14",
            "check --officer - --date 2024-02-14 --incident work_accident < officer.json",
        ],
    )
    check.add_argument("--officer", required=True, metavar="FILE", help="officer JSON file ('-': stdin)")
    check.add_argument("--agreement", metavar="ID|FILE", help="shipped agreement id or agreement JSON file")
    check.add_argument(
        "--date", type=_value(_date, "--date"), required=True, metavar="YYYY-MM-DD", help="date asked about"
    )
    check.add_argument("--incident", help="work_accident, commuting_accident, sudden_death_at_work, death_other, ...")
    check.add_argument("--fatal", action="store_true", help="the officer died")
    check.add_argument(
        "--claim-filed", type=_value(_date, "--claim-filed"), metavar="YYYY-MM-DD", help="date the claim was filed"
    )
    reform(check)

    agreements = command(
        "agreements",
        "list the shipped agreements, or show one in full",
        _cmd_agreements,
        ["agreements", "agreements kab-asahan-pilkada-2024 --lang en"],
    )
    agreements.add_argument("ref", nargs="?", metavar="ID|FILE", help="agreement id or JSON file ('-': stdin)")

    budget = command(
        "budget",
        "premium budget of an agreement, by role and programme, with who pays",
        _cmd_budget,
        ["budget kota-cilegon-pemilu-2024", "budget kota-cilegon-pemilu-2024 --reform reform.json --json"],
    )
    budget.add_argument("ref", metavar="ID|FILE", help="shipped agreement id or agreement JSON file ('-': stdin)")
    reform(budget)

    rules = command(
        "rules",
        "rule-book values in force on a date, with citation and confidence",
        _cmd_rules,
        ["rules --date 2024-02-14 --prefix jkm"],
    )
    rules.add_argument(
        "--date", type=_value(_date, "--date"), required=True, metavar="YYYY-MM-DD", help="the day asked about"
    )
    rules.add_argument("--prefix", help="only parameters whose name starts with this, e.g. jkm")
    reform(rules)

    schema = command(
        "schema",
        "print the JSON Schema (2020-12) of an input or a result",
        _cmd_schema,
        ["schema", "schema officer", "schema premium > premium.schema.json"],
        report=False,
    )
    schema.add_argument(
        "name", metavar="NAME", nargs="?", help="agreement, officer, premium, benefit, ... (none: list them all)"
    )

    demo = command(
        "demo",
        "the shipped agreements at a glance, or one agreement in full",
        _cmd_demo,
        ["demo", "demo --agreement kota-cilegon-pemilu-2024 --lang en"],
        report=False,
    )
    demo.add_argument("--agreement", metavar="ID|FILE", help="show this agreement in full")
    return parser


def help_pages() -> dict[str, str]:
    """Each command's ``--help`` text, the whole command's first (key ``""``): what the docs' CLI page shows.

    >>> pages = help_pages()
    >>> sorted(pages)[:3]
    ['', 'agreements', 'benefit']
    >>> "--version" in pages[""]
    True
    """
    parser = _parser()
    pages = {"": parser.format_help()}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                pages[name] = sub.format_help()
    return pages


def _one_line(text: str) -> str:
    return redact_niks(" ".join(text.split()))


def main(
    argv: Sequence[str] | None = None,
    *,
    out: TextIO | None = None,
    err: TextIO | None = None,
    stdin: TextIO | None = None,
) -> int:
    """Run the command line; return the exit status (0 ok, 1 refused input or data, 2 bad command line).

    Args:
        argv: the arguments (default: ``sys.argv[1:]``).
        out: where results go (default: standard output).
        err: where the one-line error goes (default: standard error).
        stdin: what ``-`` reads (default: standard input).

    Returns:
        The exit status.

    """
    stdout = out or sys.stdout
    stderr = err or sys.stderr
    ctx = _Context(stdout, stdin or sys.stdin)
    try:
        with contextlib.redirect_stdout(stdout):  # --help and --version print where results go
            args = _parser().parse_args(list(sys.argv[1:] if argv is None else argv))
        args.lang = parse_language(getattr(args, "lang", DEFAULT_LANGUAGE))
        args.handler(args, ctx)
    except _UsageError as error:
        stderr.write(_one_line(str(error)) + "\n")
        return EXIT_USAGE
    except SystemExit as exit_:  # --help and --version: argparse printed them and exits 0
        return exit_.code if isinstance(exit_.code, int) else EXIT_OK
    except (JamsosError, _ValueError) as error:
        stderr.write(f"{PROG}: error: {_one_line(str(error))}\n")
        return EXIT_INPUT
    except BrokenPipeError:  # e.g. piping into `head`: stop quietly
        if out is None:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        stderr.write(f"{PROG}: interrupted\n")
        return 130
    except Exception as error:  # the promise: one line, never a traceback
        stderr.write(
            f"{PROG}: unexpected error ({type(error).__name__}): {_one_line(str(error))[:300]}; "
            "please report it with the command that caused it\n"
        )
        return EXIT_INPUT
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
