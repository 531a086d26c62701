"""Fuzz every public surface as a hostile caller would, and count what escapes.

Run ``make fuzz N=100000`` (or ``python benchmarks/fuzz.py -n 1000 [--surface json.officer] [--seed 0]``).
For each surface the harness feeds N generated inputs (junk of every type, mutated valid documents, and a
valid-looking NIK planted in every field) and prints one row: inputs, library errors
(:class:`~jamsos_pemilu.exceptions.JamsosError`), other exceptions (anything else: a defect), calls over
1 s of CPU, and messages or outputs showing the whole planted NIK (a defect). Input ``i`` of a surface is built
from ``random.Random(f"{seed}:{surface}:{i}")`` alone, so ``--surface S --start i -n 1 --show`` replays it.

Each surface runs in a child process watched by the parent: a call that does not return within
``--hang`` seconds (default 5) is counted as slow, the child is killed and restarted at the next input,
so a hang is counted rather than fatal. On Linux the parent reads the child's CPU time from ``/proc``:
a call that has used less than ``--hang`` seconds of CPU is waiting for a core on a busy machine and is
given up to 20 times as long on the wall clock before it counts as a hang. The figures are printed, not asserted; ``--strict`` makes the
exit status 1 when any surface has other exceptions, slow calls or NIK leaks.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import json
import multiprocessing
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

NIK = "3302114506990003"
"""A valid-looking NIK (region 33.02.11, born 5 June 1999) planted in every field; it must never show whole."""

SLOW = 1.0
"""A call taking more than this many seconds of CPU is counted as slow."""


def _cpu_seconds() -> float:
    """CPU seconds used so far by this process and the child processes it has waited for.

    Slow calls are measured in CPU time, not on the wall clock: on a shared machine a call may
    wait for a core, which says nothing about the input. A call that hangs without using the CPU
    is still caught by the parent's ``--hang`` watch on the wall clock.
    """
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system

ROSTER_HEADER = (
    "nik,name,role,position,election,appointment_start,appointment_end,wage,tps,desa,region_code,asn,bpjs_registered_on"
)
ROSTER_ROW = f"{NIK},Sri Wahyuni,KPPS,anggota,pemilu_2024,2024-01-25,2024-02-25,1100000,001,Cilegon,36.72.01.1001,tidak,2024-01-30"


# --------------------------------------------------------------------------- junk


def junk_text(rng: random.Random) -> str:
    """Text a hostile caller might send: empty, control characters, huge numbers, dates, the planted NIK."""
    pick = rng.randrange(22)
    if pick == 0:
        return ""
    if pick == 1:
        return NIK
    if pick == 2:
        return f"x{NIK}y"
    if pick == 3:
        return f"{NIK[:6]} {NIK[6:12]} {NIK[12:]}"
    if pick == 4:
        return "9" * rng.choice([17, 400, 4_301, 20_000])
    if pick == 5:
        return rng.choice(["NaN", "-Infinity", "1e999999999", "1e-999999999", "-0", "0.0", "1E+5", "sNaN"])
    if pick == 6:
        return rng.choice(["2024-02-30", "0000-01-01", "9999-12-31", "2024-13-01", "20240214", "2024-02", "-1-01-01"])
    if pick == 7:
        return "\x00" * rng.randrange(1, 4) + "\r" + "\ufeff" + "\u202e"
    if pick == 8:
        return "a" * rng.choice([256, 5_000, 140_000])
    if pick == 9:
        return rng.choice(["kpps", "KPPS", "ketua", "anggota", "pemilu_2024", "pu", "bpu", "jkk", "jkm", "apbd"])
    if pick == 10:
        return rng.choice(["ﾊﾟ", "é", "\udcff", "🎉", "\u0000", "İ", "ß", "ǅ"])
    if pick == 11:
        return str(rng.randrange(-(10**6), 10**6))
    if pick == 12:
        return str(10 ** rng.randrange(10, 60))
    if pick == 13:
        return rng.choice(["rp", "Rp2.500.000", "2.500.000,00", "2_500_000", "0x10", "1,5"])
    if pick == 14:
        return rng.choice(["../../etc/passwd", "/dev/null", "/", "x" * 300, "/nonexistent/file.json"])
    if pick == 15:
        return rng.choice(["{", "[", "null", "true", '{"a":', "[" * 50])
    if pick == 16:
        return rng.choice(["2024-02-14", "2019-12-02", "2020-08-31", "2025-08-01", "2024-02"])
    return "".join(chr(rng.choice([rng.randrange(32, 127), rng.randrange(0, 0x2FFF)])) for _ in range(rng.randrange(1, 12)))


def junk_number(rng: random.Random) -> object:
    """A number of any type and size, including the planted NIK as an integer."""
    pick = rng.randrange(12)
    if pick == 0:
        return int(NIK)
    if pick == 1:
        return rng.choice([0, -1, 1, 31, 32, 10**15, 10**15 + 1, 10**28, 10**40, -(10**30)])
    if pick == 2:
        return rng.choice([0.5, float("nan"), float("inf"), -0.0, 1e300])
    if pick == 3:
        return Decimal(rng.choice(["1e2000000", "NaN", "sNaN", "Infinity", "1e-999999999", "0.1", "-5", "1E+30"]))
    if pick == 4:
        return rng.choice([True, False])
    if pick == 5:
        return _numpy_scalar(rng)
    if pick == 6:
        return 10 ** rng.randrange(0, 5_000)
    return rng.randrange(-(10**9), 10**9)


def _numpy_scalar(rng: random.Random) -> object:
    try:
        import numpy as np
    except ImportError:  # the batch extra is optional
        return 5
    return rng.choice([np.int64(5), np.uint64(2**64 - 1), np.int32(-1), np.float64(2.5), np.int8(7), np.uint8(200)])


def junk_value(rng: random.Random, depth: int = 0) -> object:
    """Any Python value: scalars, containers (sometimes deeply nested), objects of the wrong kind."""
    pick = rng.randrange(14 if depth < 3 else 8)
    if pick in (0, 1, 2):
        return junk_text(rng)
    if pick in (3, 4):
        return junk_number(rng)
    if pick == 5:
        return None
    if pick == 6:
        return rng.choice([dt.date(2024, 2, 14), dt.datetime(2024, 2, 14, 1, 2), dt.date.min, dt.date.max, b"\xff\xfe"])
    if pick == 7:
        return rng.choice([object(), {1, 2}, (), frozenset(), bytearray(b"x"), Ellipsis, type])
    if pick == 8:
        return deep_nest(rng.choice([10, 1_000, 50_000]))
    if pick in (9, 10):
        return [junk_value(rng, depth + 1) for _ in range(rng.randrange(0, 4))]
    return {junk_key(rng): junk_value(rng, depth + 1) for _ in range(rng.randrange(0, 4))}


def junk_key(rng: random.Random) -> str:
    return rng.choice([junk_text(rng), "nik", "name", "role", "start", "end", "id", "label", "overrides"])


def deep_nest(depth: int) -> object:
    value: object = []
    for _ in range(depth):
        value = [value]
    return value


# --------------------------------------------------------------------------- valid documents to mutate


def officer_dict() -> dict[str, Any]:
    return {
        "nik": NIK,
        "name": "Sri Wahyuni",
        "role": "kpps",
        "position": "anggota",
        "election": "pemilu_2024",
        "appointment": {"start": "2024-01-25", "end": "2024-02-25"},
        "bpjs_registered_on": "2024-01-30",
    }


def agreement_dict() -> dict[str, Any]:
    from jamsos_pemilu.serialization import shipped_agreements, to_dict

    document: dict[str, Any] = to_dict(shipped_agreements()[0])
    return document


def paths(document: object, prefix: tuple[object, ...] = ()) -> Iterator[tuple[object, ...]]:
    """Every path to a value inside a nested dict/list document."""
    yield prefix
    if isinstance(document, dict):
        for key, value in document.items():
            yield from paths(value, (*prefix, key))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            yield from paths(value, (*prefix, index))


def replaced(document: Any, path: tuple[object, ...], value: object) -> Any:
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(document, dict):
        copy = dict(document)
        copy[head] = replaced(document[head], rest, value)
        return copy
    items = list(document)
    items[head] = replaced(document[head], rest, value)  # type: ignore[call-overload]
    return items


def mutate_document(rng: random.Random, document: Any, *, json_only: bool) -> Any:
    """Replace one value (anywhere), drop or add a key; half the time the new value is the planted NIK."""
    all_paths = list(paths(document))
    path = rng.choice(all_paths)
    pick = rng.randrange(6)
    if pick <= 1:
        value: object = NIK if pick == 0 else int(NIK)
    elif json_only:
        value = json_like(rng)
    else:
        value = junk_value(rng)
    mutated = replaced(document, path, value)
    if rng.random() < 0.2 and isinstance(mutated, dict):
        mutated = dict(mutated)
        mutated[rng.choice([NIK, "extra", junk_text(rng)])] = NIK
    return mutated


def json_like(rng: random.Random, depth: int = 0) -> object:
    pick = rng.randrange(8 if depth < 3 else 5)
    if pick <= 1:
        return junk_text(rng)
    if pick == 2:
        return rng.choice([0, -1, int(NIK), 10**30, 1.5, True, None])
    if pick == 3:
        return 10 ** rng.randrange(0, 6_000)
    if pick == 4:
        return deep_nest(rng.choice([5, 2_000]))
    if pick in (5, 6):
        return [json_like(rng, depth + 1) for _ in range(rng.randrange(0, 3))]
    return {junk_text(rng): json_like(rng, depth + 1) for _ in range(rng.randrange(0, 3))}


def json_text(rng: random.Random, document: Any) -> str | bytes:
    """JSON text of a mutated document, or text broken at the byte level."""
    pick = rng.randrange(10)
    if pick == 0:
        return "[" * rng.choice([1_000, 100_000]) + "]" * rng.randrange(2)
    if pick == 1:
        return '{"nik": ' + "1" * rng.choice([4_301, 10_000, 100_000]) + "}"
    if pick == 2:
        return rng.choice(['{"nik": NaN}', '{"a": Infinity}', "-Infinity", f'{{"nik": "{NIK}", "nik": "{NIK}"}}'])
    if pick == 3:
        return json.dumps(document).encode("utf-8")[: rng.randrange(1, 200)] + rng.choice([b"\xff", b"\xc3", b""])
    if pick == 4:
        text = json.dumps(document)
        index = rng.randrange(len(text))
        return text[:index] + junk_text(rng)[:5] + text[index + 1 :]
    try:
        return json.dumps(mutate_document(rng, document, json_only=True))
    except (ValueError, RecursionError):
        return "[]"


# --------------------------------------------------------------------------- calling the API in its convention


def a_date(rng: random.Random) -> object:
    if rng.random() < 0.85:
        return dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(0, 5_000))
    return junk_value(rng)


def a_month(rng: random.Random) -> object:
    from jamsos_pemilu.periods import Month

    if rng.random() < 0.85:
        return Month(rng.randrange(2015, 2029), rng.randrange(1, 13))
    return junk_value(rng)


def a_wage(rng: random.Random) -> object:
    from jamsos_pemilu.money import Rupiah

    pick = rng.randrange(10)
    if pick < 5:
        return Rupiah(rng.choice([1, 500_000, 1_100_000, 2_500_000, 9_000_000, 10**12, 10**15]))
    if pick < 7:
        number = junk_number(rng)
        try:
            return Rupiah(number)  # type: ignore[arg-type]
        except Exception:  # out of bounds or not money: pass the raw value on
            return number
    return junk_value(rng)


# --------------------------------------------------------------------------- surfaces


@dataclass
class Surface:
    """One public entry point: how to build input ``i`` and how to call it (returns text to check for the NIK)."""

    name: str
    make: Callable[[random.Random], object]
    call: Callable[[object], str]
    cap: int | None = None
    slow: float = SLOW
    describe: Callable[[object], str] = field(default=lambda value: _short(repr(value)))


def _short(text: str, limit: int = 300) -> str:
    return text if len(text) <= limit else f"{text[:limit]}... ({len(text)} characters)"


def _json_surface(model: str) -> Surface:
    def make(rng: random.Random) -> object:
        return json_text(rng, _document(model))

    def call(text: Any) -> str:
        from jamsos_pemilu.serialization import from_json

        loaded = from_json(_model(model), text)
        return repr(loaded) if model == "Officer" else ""

    return Surface(f"from_json({model})", make, call)


def _dict_surface(model: str) -> Surface:
    def make(rng: random.Random) -> object:
        if rng.random() < 0.1:
            return junk_value(rng)
        return mutate_document(rng, _document(model), json_only=False)

    def call(data: Any) -> str:
        from jamsos_pemilu.serialization import from_dict

        loaded = from_dict(_model(model), data)
        return repr(loaded) if model == "Officer" else ""

    return Surface(f"from_dict({model})", make, call)


_DOCUMENTS: dict[str, Any] = {}


def _document(model: str) -> Any:
    if model not in _DOCUMENTS:
        _DOCUMENTS[model] = officer_dict() if model == "Officer" else agreement_dict()
    return _DOCUMENTS[model]


def _model(model: str) -> type[Any]:
    from jamsos_pemilu.agreements import Agreement
    from jamsos_pemilu.officers import Officer

    return Officer if model == "Officer" else Agreement


def roster_bytes(rng: random.Random) -> bytes:
    """A small roster CSV, damaged the way real exports are."""
    rows = [ROSTER_ROW] * rng.randrange(1, 4)
    header = ROSTER_HEADER
    pick = rng.randrange(12)
    if pick == 0:  # columns in another order: the NIK lands in another column
        names = header.split(",")
        cells = ROSTER_ROW.split(",")
        order = list(range(len(names)))
        rng.shuffle(order)
        header = ",".join(names[i] for i in order)
        rows = [",".join(cells[order[(i + 1) % len(order)]] for i in range(len(order)))]
    elif pick == 1:  # no header row
        header = ROSTER_ROW
    elif pick == 2:  # NIK in every cell of one row
        rows.append(",".join([NIK] * 13))
    else:  # one cell replaced by junk
        cells = ROSTER_ROW.split(",")
        cells[rng.randrange(len(cells))] = junk_text(rng).replace(",", ";")[:200_000]
        rows.append(",".join(cells))
    text = "\n".join([header, *rows]) + "\n"
    data = text.encode("utf-8", "surrogatepass")
    damage = rng.randrange(10)
    if damage == 0:
        return text.encode("latin-1", "replace").replace(b"Sri", b"S\xe9ri")
    if damage == 1:
        return data.replace(b"\n", b"\r", rng.randrange(1, 3))
    if damage == 2:
        return data[: rng.randrange(len(data))] + b"\x00" + data[rng.randrange(len(data)) :]
    if damage == 3:
        return b"\xef\xbb\xbf" + data
    if damage == 4:
        return data.replace(b"Sri", b'"' + b"x" * 140_000 + b'"')
    if damage == 5:
        index = rng.randrange(len(data))
        return data[:index] + bytes([rng.randrange(256)]) + data[index + 1 :]
    if damage == 6:
        return text.encode("utf-16", "replace")
    return data


def _roster_surface(reader: str) -> Surface:
    def make(rng: random.Random) -> object:
        return (roster_bytes(rng), rng.choice(["raise", "collect"]), rng.randrange(4))

    def call(spec: Any) -> str:
        from jamsos_pemilu import rosters

        data, on_error, how = spec
        read = rosters.read_officers if reader == "read_officers" else rosters.read_columns
        out: list[str] = []
        if how == 0:
            source: object = io.StringIO(data.decode("utf-8", "surrogateescape"), newline="")
        elif how == 1:
            source = io.BytesIO(data)
        else:
            path = _scratch() / ("roster.csv" if how == 2 else f"roster-{NIK}.csv")
            path.write_bytes(data)
            source = path
        for item in read(source, on_error=on_error):
            out.extend(str(error) for error in item.errors)
            out.append(repr(getattr(item, "officer", None)))
        return "\n".join(out)

    return Surface(f"{reader}(CSV)", make, call, describe=lambda spec: _short(repr(spec), 400))


def _arrow_surface() -> Surface:
    def make(rng: random.Random) -> object:
        names = ROSTER_HEADER.split(",")
        cells: list[object] = list(ROSTER_ROW.split(","))
        for _ in range(rng.randrange(1, 4)):
            index = rng.randrange(len(cells))
            cells[index] = rng.choice([junk_text(rng), int(NIK), None, 1.5, junk_number(rng)])
        if rng.random() < 0.2:
            rng.shuffle(names)
        return (names, cells, rng.choice(["raise", "collect"]))

    def call(spec: Any) -> str:
        import pyarrow as pa

        from jamsos_pemilu.rosters import read_officers

        names, cells, on_error = spec
        try:
            table = pa.table({name: [cell] for name, cell in zip(names, cells, strict=True)})
        except (pa.ArrowException, OverflowError, TypeError, ValueError):
            return ""  # not representable in Arrow: not the library's input
        out: list[str] = []
        for row in read_officers(table, on_error=on_error):
            out.extend(str(error) for error in row.errors)
            out.append(repr(row.officer))
        return "\n".join(out)

    return Surface("read_officers(Arrow)", make, call)


_SCRATCH: list[Path] = []


def _scratch() -> Path:
    if not _SCRATCH:
        _SCRATCH.append(Path(tempfile.mkdtemp(prefix="jamsos-fuzz-")))
    return _SCRATCH[0]


def _rule_data() -> Path:
    from importlib import resources

    return Path(str(resources.files("jamsos_pemilu.law") / "data"))


def toml_mutation(rng: random.Random) -> tuple[str, str]:
    """One shipped rule file, damaged: a value replaced, deep nesting, byte noise or a line dropped."""
    files = sorted(path.name for path in _rule_data().glob("*.toml"))
    name = rng.choice(files)
    text = (_rule_data() / name).read_text(encoding="utf-8")
    lines = text.splitlines()
    pick = rng.randrange(8)
    value_lines = [i for i, line in enumerate(lines) if line.strip().startswith(("value", "start", "months", "rate", "unit", "status"))]
    if pick <= 2 and value_lines:
        index = rng.choice(value_lines)
        key = lines[index].split("=")[0]
        literal = rng.choice(
            [f'"{NIK}"', NIK, "1" + "0" * rng.choice([20, 5_000]), "nan", "inf", "-1", "0", "10000000", '"1e-999999999"',
             '"1e999999"', "1979-05-27T07:32:00", "[" * rng.choice([10, 5_000]) + "]" * rng.choice([0, 10]),
             '"0.' + "1" * rng.choice([30, 3_000]) + '"', "{}", "[]", '""', f'"{junk_text(rng)[:50]}"'.replace("\n", " ")]
        )
        lines[index] = f"{key}= {literal}"
    elif pick == 3:
        lines.append("x = " + "[" * rng.choice([1_000, 100_000]))
    elif pick == 4 and lines:
        del lines[rng.randrange(len(lines))]
    elif pick == 5 and lines:
        index = rng.randrange(len(lines))
        lines[index] = lines[index] + f" {NIK}"
    elif pick == 6:
        lines.insert(rng.randrange(len(lines) + 1), f'[parameter."{NIK}"]')
    else:
        raw = "\n".join(lines)
        index = rng.randrange(max(1, len(raw)))
        lines = (raw[:index] + chr(rng.randrange(0, 0x3000)) + raw[index + 1 :]).split("\n")
    return name, "\n".join(lines)


def _toml_surface() -> Surface:
    def call(spec: Any) -> str:
        from jamsos_pemilu.law import load_rule_book

        name, text = spec
        folder = _scratch() / "rules"
        if not folder.exists():
            shutil.copytree(_rule_data(), folder)
        target = folder / name
        try:
            target.write_text(text, encoding="utf-8", errors="surrogatepass")
            load_rule_book(folder)
            return ""
        finally:
            shutil.copy(_rule_data() / name, target)

    return Surface("load_rule_book(TOML)", toml_mutation, call, describe=lambda spec: _short(repr(spec)[:300]))


def reform_spec(rng: random.Random) -> dict[str, Any]:
    from jamsos_pemilu.law import default_rule_book

    names = sorted(default_rule_book().parameters)
    overrides: dict[str, object] = {}
    for _ in range(rng.randrange(1, 3)):
        name = rng.choice([*names, "pu.due_day", "bpu.due_day", "contribution.late_fine_rate", "pu.jkm_rate", junk_text(rng)])
        overrides[name] = rng.choice(
            [junk_value(rng), junk_number(rng), junk_text(rng), "0.5", "0." + "1" * rng.choice([30, 500]),
             "1e-999999999", 10**7, 0, 32, 29, -1, int(NIK), NIK, [{"rate": "0.5"}], "half_up"]
        )
    label: object = rng.choice(["what-if", NIK, "", junk_text(rng)])
    return {"label": label, "overrides": overrides, "on": a_date(rng), "wage": a_wage(rng), "what": rng.randrange(CALCULATORS)}


def _reform_surface() -> Surface:
    def call(spec: Any) -> str:
        from jamsos_pemilu.law import Reform, rules_on

        data: dict[str, Any] = spec
        reform = Reform.from_dict({"label": data["label"], "overrides": data["overrides"]})
        return run_calculator(data["what"], data["wage"], data["on"], lambda on: rules_on(on, reform=reform))

    return Surface("Reform + calculators", reform_spec, call)


def run_calculator(what: int, wage: Any, on: Any, rules: Callable[[dt.date], Any] | None) -> str:
    """One of the calculators on ``wage`` and ``on`` (a date), with ``rules(date)`` or the shipped book."""
    from jamsos_pemilu import batch, benefits, premiums
    from jamsos_pemilu.claims import jkk_claim_deadline
    from jamsos_pemilu.periods import Month

    def snapshot(day: object) -> Any:
        return rules(day) if rules is not None and isinstance(day, dt.date) else None

    month: Any = Month(on.year, on.month) if isinstance(on, dt.date) else on
    first = month.first_day if isinstance(month, Month) else on
    amount = getattr(wage, "amount", wage)
    if what in (3, 7):
        import numpy as np

        small = isinstance(amount, int) and not isinstance(amount, bool) and abs(amount) < 2**62
        wages = np.array([amount, 1_100_000], dtype=np.int64 if small else object)
        if what == 3:
            return _human(batch.monthly_premiums(wages, month=month, rules=snapshot(first)))
        return _human(batch.death_exposure(wages, on=on, rules=snapshot(on)))
    calls: dict[int, Callable[[], object]] = {
        0: lambda: premiums.monthly_premium(wage, month=month, rules=snapshot(first)),
        1: lambda: premiums.due_date(month=month, rules=snapshot(first)),
        2: lambda: premiums.late_fine(wage, month=month, paid_on=dt.date(2030, 1, 1), rules=snapshot(first)),
        4: lambda: benefits.jkk_death(wage, on=on, rules=snapshot(on)),
        5: lambda: benefits.jkm_death(on=on, rules=snapshot(on)),
        6: lambda: benefits.jkk_temporary_incapacity(wage, 7, on=on, rules=snapshot(on)),
        8: lambda: jkk_claim_deadline(on=on, rules=snapshot(on)),
    }
    return _human(calls[what]())


def _human(result: object) -> str:
    """What a person reads of a result: its rendering in both languages (data fields are the caller's own)."""
    render = getattr(result, "render", None)
    return render("id") + render("en") if render is not None else str(result)


CALCULATORS = 9
"""How many calculators :func:`run_calculator` knows."""


def _calculator_surface() -> Surface:
    def make(rng: random.Random) -> object:
        return (rng.randrange(CALCULATORS), a_wage(rng), a_date(rng) if rng.random() < 0.9 else a_month(rng))

    def call(spec: Any) -> str:
        what, wage, on = spec
        return run_calculator(what, wage, on, None)

    return Surface("calculators", make, call)


def _coverage_surface() -> Surface:
    def make(rng: random.Random) -> object:
        return (mutate_document(rng, officer_dict(), json_only=False) if rng.random() < 0.3 else officer_dict(), a_date(rng), rng.random() < 0.5)

    def call(spec: Any) -> str:
        from jamsos_pemilu import eligibility
        from jamsos_pemilu.officers import Officer
        from jamsos_pemilu.serialization import from_dict, shipped_agreements

        data, on, with_agreement = spec
        officer = from_dict(Officer, data)
        agreement = shipped_agreements()[0] if with_agreement else None
        decision = eligibility.check_coverage(officer, agreement, on=on)
        return _human(decision)

    return Surface("check_coverage", make, call)


def money_spec(rng: random.Random) -> tuple[object, str, object]:
    return (junk_number(rng) if rng.random() < 0.8 else junk_value(rng), rng.choice(_MONEY_OPS), junk_value(rng) if rng.random() < 0.3 else junk_number(rng))


_MONEY_OPS = ("str", "+", "-", "*", "times", "scale", "min", "max", "<", "round", "to_rate", "neg")


def _money_surface() -> Surface:
    def call(spec: Any) -> str:
        from jamsos_pemilu.money import RoundingRule, Rupiah, round_rupiah, to_rate

        amount, op, other = spec
        if op == "round":
            return str(round_rupiah(amount, RoundingRule.HALF_UP))
        if op == "to_rate":
            to_rate(amount)
            return ""  # a Decimal that is the caller's own number: data, not a message
        money = Rupiah(amount)
        operand: Any = Rupiah(other) if isinstance(other, int) and not isinstance(other, bool) and op in "+-<minmax" else other
        operations: dict[str, Callable[[], object]] = {
            "str": lambda: str(money),
            "+": lambda: money + operand,
            "-": lambda: money - operand,
            "*": lambda: money * operand,
            "times": lambda: money.times(operand),
            "scale": lambda: money.scale(operand),
            "min": lambda: money.min(operand),
            "max": lambda: money.max(operand),
            "<": lambda: money < operand,
            "neg": lambda: -money,
        }
        return str(operations[op]())

    return Surface("Rupiah", money_spec, call)


def cli_argv(rng: random.Random) -> list[str]:
    """A command line: valid commands with junk values, the NIK in dates and names, odd files."""
    folder = _scratch() / "cli"
    folder.mkdir(exist_ok=True)

    def a_file() -> str:
        pick = rng.randrange(8)
        if pick == 0:
            return str(folder)
        if pick == 1:
            return "x" * rng.choice([300, 5_000])
        if pick == 2:
            return f"/nonexistent/{NIK}.json"
        if pick == 3:
            return NIK
        path = folder / f"f{rng.randrange(4)}.json"
        content: str | bytes = json_text(rng, rng.choice([officer_dict(), {"label": NIK, "overrides": {"pu.due_day": NIK}}]))
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass"))
        return str(path)

    def value() -> str:
        return rng.choice([NIK, junk_text(rng), "2024-02-14", "2024-02", "2500000"]).replace("\x00", "")

    command = rng.choice(["premium", "benefit", "check", "agreements", "budget", "rules", "demo", junk_text(rng)])
    argv = [command]
    if command == "premium":
        argv += ["--month", value(), "--wage", value()]
        argv += rng.choice([[], ["--scheme", "bpu", "--declared-income", value()], ["--risk-class", value()], ["--reform", a_file()], ["--programmes", value()], ["--budget-source", value()]])
    elif command == "benefit":
        argv += [rng.choice(["jkk-death", "jkm-death", "jkk-stmb", value()]), "--date", value(), "--wage", value()]
        argv += rng.choice([[], ["--months", value()], ["--children", value()], ["--membership-start", value()], ["--reform", a_file()]])
    elif command == "check":
        argv += ["--officer", a_file(), "--date", value(), *rng.choice([[], ["--agreement", rng.choice([a_file(), value()])], ["--incident", value()]])]
    elif command in ("agreements", "budget"):
        argv += [rng.choice([a_file(), value(), "kota-cilegon-pemilu-2024"])]
    elif command == "rules":
        argv += ["--date", value(), *rng.choice([[], ["--prefix", value()], ["--reform", a_file()]])]
    if rng.random() < 0.3:
        argv += rng.choice([["--json"], ["--lang", value()], ["--lang", "en"]])
    return argv


def _cli_surface() -> Surface:
    def call(argv: Any) -> str:
        from jamsos_pemilu.cli import main

        out, err = io.StringIO(), io.StringIO()
        try:
            status = main(argv, out=out, err=err)
        except SystemExit as exit_:
            status = exit_.code if isinstance(exit_.code, int) else 2
        text = out.getvalue() + err.getvalue()
        if "Traceback" in text or status not in (0, 1, 2):
            raise CLIFailureError(f"exit status {status}: {_short(text, 200)}")
        return Refused(text) if status else text

    return Surface("CLI main()", cli_argv, call)


def _cli_process_surface() -> Surface:
    def call(argv: Any) -> str:
        result = subprocess.run(
            [str(Path(sys.executable).with_name("jamsos-pemilu")), *(arg[:10_000].replace("\x00", "") for arg in argv)],
            capture_output=True, text=True, timeout=60, check=False, errors="replace",
        )
        text = result.stdout + result.stderr
        if "Traceback" in text or result.returncode not in (0, 1, 2):
            raise CLIFailureError(f"exit status {result.returncode}: {_short(text, 200)}")
        return Refused(text) if result.returncode else text

    # A child process's start-up (Python, then the package) is not the library's speed: 10 s there.
    # The OS limits an argument to 128 KiB without NUL bytes: arguments are cut to fit.
    return Surface("CLI subprocess", cli_argv, call, cap=300, slow=10.0)


class CLIFailureError(Exception):
    """The CLI printed a traceback or exited with a status other than 0, 1 or 2."""


class Refused(str):
    """Output of a clean refusal (the CLI's exit status 1 or 2): counted with the library errors."""

    __slots__ = ()


SURFACES: dict[str, Callable[[], Surface]] = {
    "json.officer": lambda: _json_surface("Officer"),
    "json.agreement": lambda: _json_surface("Agreement"),
    "dict.officer": lambda: _dict_surface("Officer"),
    "dict.agreement": lambda: _dict_surface("Agreement"),
    "csv.read_officers": lambda: _roster_surface("read_officers"),
    "csv.read_columns": lambda: _roster_surface("read_columns"),
    "arrow.read_officers": _arrow_surface,
    "toml.rule_book": _toml_surface,
    "reform": _reform_surface,
    "calculators": _calculator_surface,
    "check_coverage": _coverage_surface,
    "money": _money_surface,
    "cli": _cli_surface,
    "cli.subprocess": _cli_process_surface,
}


# --------------------------------------------------------------------------- running


@dataclass
class Tally:
    """What one surface did with its inputs."""

    name: str
    inputs: int = 0
    library_errors: int = 0
    other: int = 0
    slow: int = 0
    nik_shown: int = 0
    unavailable: str = ""
    seconds: float = 0.0
    examples: list[str] = field(default_factory=list)
    kinds: Counter[str] = field(default_factory=Counter)


def one_call(surface: Surface, index: int, seed: int) -> tuple[str, float, str]:
    """Run input ``index``: (outcome, seconds, detail). Outcomes: ok, library, other, plus ``+nik``."""
    from jamsos_pemilu.exceptions import JamsosError

    rng = random.Random(f"{seed}:{surface.name}:{index}")
    value = surface.make(rng)
    try:
        shown = surface.describe(value)
    except (Exception, RecursionError):
        shown = f"<a {type(value).__name__} too deep to show>"
    start = _cpu_seconds()  # CPU time: on a shared machine, waiting for a core is not the input's doing
    try:
        text = surface.call(value)
        outcome, detail = ("library" if isinstance(text, Refused) else "ok"), ""
    except JamsosError as error:
        text = f"{error}\n{error!r}"
        outcome, detail = "library", ""
    except (Exception, RecursionError) as error:  # the defects this harness looks for
        text = ""
        frames = [frame for frame in traceback.extract_tb(error.__traceback__) if "jamsos_pemilu" in frame.filename]
        where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno} {frames[-1].line}" if frames else "(outside the library)"
        message = _short(str(error).replace(NIK, "<NIK>"), 160)
        outcome, detail = "other", f"{type(error).__name__}: {message} at {where}; input #{index}: {shown}"
    elapsed = _cpu_seconds() - start
    if elapsed > surface.slow and not detail:
        detail = f"{elapsed:.1f} s of CPU on input #{index}: {shown}"
    if NIK in text:
        outcome += "+nik"
        position = text.index(NIK)
        detail = detail or f"NIK shown in: {_short(text[max(0, position - 120): position + 20], 160)}; input #{index}: {shown}"
    return outcome, elapsed, detail


def _worker(name: str, seed: int, start: int, stop: int, connection: Connection) -> None:
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 1_000))
    try:
        surface = SURFACES[name]()
    except Exception as error:  # a surface whose module is missing or broken right now
        connection.send(("unavailable", f"{type(error).__name__}: {error}"))
        return
    with open(os.devnull, "w") as devnull, contextlib.redirect_stdout(devnull), contextlib.redirect_stderr(devnull):
        for warm in range(start, min(start + 5, stop)):  # warm up: first imports and caches are not the surface's speed
            with contextlib.suppress(Exception, RecursionError):
                one_call(surface, warm, seed)
        for index in range(start, stop):
            connection.send(("start", index))
            try:
                outcome, elapsed, detail = one_call(surface, index, seed)
            except BaseException as error:  # a defect of the harness itself: report it, do not hide it
                outcome, elapsed = "other", 0.0
                detail = f"harness: {type(error).__name__}: {_short(str(error), 200)} on input #{index}"
            connection.send(("end", index, outcome, elapsed > surface.slow, detail))
    connection.send(("done",))


def _process_cpu_seconds(pid: int | None) -> float | None:
    """CPU seconds used by process ``pid`` and its waited-for children (Linux ``/proc``), or None elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
        return sum(int(value) for value in fields[11:15]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def run_surface(name: str, count: int, seed: int, hang: float, start: int = 0) -> Tally:
    """Feed ``count`` inputs to one surface in a watched child process."""
    cap = SURFACES[name]().cap if name.startswith("cli.subprocess") else None
    stop = start + (min(count, cap) if cap is not None else count)
    tally = Tally(name)
    context = multiprocessing.get_context("fork")
    began = time.perf_counter()
    index = start
    while index < stop:
        parent, child = context.Pipe(duplex=False)
        process = context.Process(target=_worker, args=(name, seed, index, stop, child), daemon=True)
        process.start()
        child.close()
        current: int | None = None
        call_cpu: float | None = None  # the child's CPU seconds when the current call started
        call_began = time.perf_counter()
        while True:
            if not parent.poll(hang):
                if current is None and process.is_alive():
                    continue  # still importing
                used = _process_cpu_seconds(process.pid)
                waited = time.perf_counter() - call_began
                if used is not None and call_cpu is not None and used - call_cpu < hang and waited < 20 * hang:
                    continue  # waiting for a core on a busy machine, not stuck on the input
                process.kill()
                process.join()
                if current is None:  # the child died before taking an input
                    tally.unavailable = f"worker exited with {process.exitcode}"
                    index = stop
                    break
                tally.inputs += 1
                tally.slow += 1
                tally.kinds["hang"] += 1
                if len(tally.examples) < 5:
                    tally.examples.append(f"no answer within {hang:g} s; input #{current}")
                index = current + 1
                break
            try:
                message = parent.recv()
            except EOFError:  # the child crashed (a segfault, an abort)
                process.join()
                tally.inputs += 1
                tally.other += 1
                tally.kinds[f"crash {process.exitcode}"] += 1
                tally.examples.append(f"child process died ({process.exitcode}) on input #{current}")
                index = (current if current is not None else index) + 1
                break
            if message[0] == "unavailable":
                tally.unavailable = message[1]
                index = stop
                break
            if message[0] == "done":
                index = stop
                break
            if message[0] == "start":
                current = message[1]
                call_cpu, call_began = _process_cpu_seconds(process.pid), time.perf_counter()
                continue
            _, number, outcome, slow, detail = message
            tally.inputs += 1
            kind, _, nik = outcome.partition("+")
            tally.library_errors += kind == "library"
            tally.other += kind == "other"
            tally.nik_shown += bool(nik)
            tally.slow += slow
            if kind == "other":
                tally.kinds[detail.split(":")[0]] += 1
            if (kind == "other" or nik or slow) and len(tally.examples) < 5:
                tally.examples.append(detail or f"slow: input #{number}")
            current = None
        process.join(timeout=5)
        parent.close()
    tally.seconds = time.perf_counter() - began
    return tally


def table(tallies: list[Tally]) -> str:
    head = f"{'surface':<22} {'inputs':>8} {'library errors':>15} {'other exceptions':>17} {'calls > 1 s':>12} {'NIK shown':>10} {'time':>8}"
    lines = [head, "-" * len(head)]
    for tally in tallies:
        if tally.unavailable:
            lines.append(f"{tally.name:<22} unavailable: {tally.unavailable[:90]}")
            continue
        lines.append(
            f"{tally.name:<22} {tally.inputs:>8} {tally.library_errors:>15} {tally.other:>17} {tally.slow:>12} "
            f"{tally.nik_shown:>10} {tally.seconds:>7.0f}s"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("-n", type=int, default=1_000, help="inputs per surface (default 1000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--surface", action="append", choices=sorted(SURFACES), help="only this surface (repeatable)")
    parser.add_argument("--start", type=int, default=0, help="first input index (to replay one input)")
    parser.add_argument("--hang", type=float, default=5.0, help="seconds after which a call is killed and counted slow")
    parser.add_argument("--show", action="store_true", help="print the first examples of every defect found")
    parser.add_argument("--strict", action="store_true", help="exit 1 if any surface has a defect")
    args = parser.parse_args(argv)
    names = args.surface or list(SURFACES)
    _scratch()  # made before the workers fork, so that all of them share it and it is removed at the end
    tallies = []
    print(f"fuzzing {len(names)} surfaces with N = {args.n} (seed {args.seed}; CLI subprocess capped at 300)", flush=True)
    for name in names:
        tally = run_surface(name, args.n, args.seed, args.hang, args.start)
        tallies.append(tally)
        print(table([tally]).splitlines()[-1], flush=True)
    print()
    print(table(tallies))
    defects = [t for t in tallies if t.other or t.slow or t.nik_shown]
    if args.show or defects:
        for tally in defects:
            print(f"\n{tally.name}: {dict(tally.kinds)}")
            for example in tally.examples:
                print(f"  - {example}")
    with contextlib.suppress(OSError):
        for folder in _SCRATCH:
            shutil.rmtree(folder)
    return 1 if args.strict and defects else 0


if __name__ == "__main__":
    sys.exit(main())
