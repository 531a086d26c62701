"""Print pip constraints pinning each runtime dependency to its declared minimum (for `make test-min`).

With ``--check``, say instead whether the running Python has exactly those minimums installed.

`"cattrs>=24.1"` in pyproject.toml becomes `cattrs==24.1`; a dependency declared without a
minimum is an error, since its minimum could not be tested.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def constraints(pyproject: Path = PYPROJECT) -> list[str]:
    """One ``name==minimum`` line per runtime dependency."""
    dependencies = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["dependencies"]
    lines = []
    for requirement in dependencies:
        match = re.fullmatch(r"\s*([A-Za-z0-9_.\-\[\]]+)\s*>=\s*([0-9][0-9A-Za-z.]*)\s*", requirement)
        if match is None:
            raise SystemExit(f"{pyproject}: {requirement!r} has no '>=' minimum to test")
        name = match.group(1).split("[")[0]
        lines.append(f"{name}=={match.group(2)}")
    return lines


def _release(version: str) -> tuple[int, ...]:
    """``"25.4"`` and ``"25.4.0"`` -> ``(25, 4)``: the numeric release, trailing zeros dropped."""
    numbers = [int(part) for part in re.findall(r"\d+", version.split("+")[0])]
    while numbers and numbers[-1] == 0:
        numbers.pop()
    return tuple(numbers)


def check() -> int:
    """Exit status 0 if every runtime dependency installed here is at its declared minimum."""
    from importlib.metadata import PackageNotFoundError, version

    wrong = 0
    for line in constraints():
        name, minimum = line.split("==")
        try:
            installed = version(name)
        except PackageNotFoundError:
            installed = "missing"
        same = installed != "missing" and _release(installed) == _release(minimum)
        wrong += not same
        sys.stdout.write(f"{'ok ' if same else 'NOT'} {name} {installed} (declared minimum {minimum})\n")
    return 1 if wrong else 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--check"]:
        raise SystemExit(check())
    sys.stdout.write("\n".join(constraints()) + "\n")
