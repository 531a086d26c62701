"""Tests for jamsos_pemilu.cli, run as a user would: the installed command in a subprocess."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from jamsos_pemilu.cli import main

COMMAND = shutil.which("jamsos-pemilu")
OFFICER: dict[str, object] = {
    "nik": "3302114506990003",
    "name": "Sri",
    "role": "kpps",
    "position": "anggota",
    "election": "pemilu_2024",
    "appointment": {"start": "2024-01-25", "end": "2024-02-25"},
    "bpjs_registered_on": "2024-01-30",
}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the installed command (or the module) with ``args``."""
    prefix = [COMMAND] if COMMAND else [sys.executable, "-m", "jamsos_pemilu.cli"]
    return subprocess.run([*prefix, *args], capture_output=True, text=True, timeout=120, check=False)


def test_premium_prints_the_kpu_sulsel_figure() -> None:
    """`premium` prints Rp13.500 for a ketua PPK on Rp2.500.000."""
    result = run("premium", "--wage", "2.500.000", "--month", "2024-02")
    assert result.returncode == 0
    assert "Rp13.500" in result.stdout


def test_premium_json_in_english_flag_position_free() -> None:
    """`--json` and `--lang` work before or after the command; JSON carries integers."""
    result = run("--lang", "en", "premium", "--wage", "1500000", "--month", "2024-02", "--json")
    assert result.returncode == 0
    assert json.loads(result.stdout)["total"] == 8_100


def test_benefit_jkm_death() -> None:
    """`benefit jkm-death` prints the Rp42.000.000 total with citations."""
    result = run("benefit", "jkm-death", "--date", "2024-02-14")
    assert result.returncode == 0
    assert "Rp42.000.000" in result.stdout
    assert "PP 82/2019 Pasal 34" in result.stdout


def test_benefit_jkk_death_json() -> None:
    """`benefit jkk-death --json` gives 48 × wage as the first line."""
    result = run("benefit", "jkk-death", "--date", "2024-02-14", "--wage", "1100000", "--json")
    assert json.loads(result.stdout)["lines"][0]["amount"] == 52_800_000


def test_check_with_officer_file(tmp_path: Path) -> None:
    """`check` reads an officer JSON file and a shipped agreement and decides, masking the NIK."""
    officer = tmp_path / "officer.json"
    officer.write_text(json.dumps(OFFICER), encoding="utf-8")
    result = run(
        "check",
        "--officer",
        str(officer),
        "--agreement",
        "kota-cilegon-pemilu-2024",
        "--date",
        "2024-02-14",
        "--lang",
        "en",
    )
    assert result.returncode == 0
    assert "JKM:" in result.stdout
    assert str(OFFICER["nik"]) not in result.stdout


def test_agreements_list_and_show() -> None:
    """`agreements` lists the shipped agreements; with an id it shows one."""
    listing = run("agreements")
    assert listing.returncode == 0
    assert "kab-asahan-pilkada-2024" in listing.stdout
    shown = run("agreements", "kab-asahan-pilkada-2024", "--lang", "en")
    assert "15,753" in shown.stdout


def test_budget_of_a_shipped_agreement() -> None:
    """`budget` prints an agreement's contribution budget."""
    result = run("budget", "kota-cilegon-pemilu-2024")
    assert result.returncode == 0
    assert "Anggaran iuran" in result.stdout


def test_budget_with_reform(tmp_path: Path) -> None:
    """`budget --reform` applies a what-if and says so."""
    reform = tmp_path / "reform.json"
    reform.write_text(json.dumps({"label": "JKM 0,40%", "overrides": {"pu.jkm_rate": "0.004"}}), encoding="utf-8")
    result = run("budget", "kota-cilegon-pemilu-2024", "--reform", str(reform), "--json")
    data = json.loads(result.stdout)
    assert data["receipt"]["reforms"] == ["JKM 0,40%"]


def test_rules_lists_parameters_with_citations() -> None:
    """`rules` lists parameters in force with citation and confidence."""
    result = run("rules", "--date", "2019-12-01", "--prefix", "jkm.lump")
    assert result.returncode == 0
    assert "16.200.000" in result.stdout
    assert "PP 44/2015" in result.stdout


def test_demo_in_both_languages() -> None:
    """`demo` prints the report in Indonesian, and in English with --lang en."""
    indonesian = run("demo")
    english = run("demo", "--lang", "en")
    assert indonesian.returncode == 0
    assert english.returncode == 0
    assert "Anggaran iuran" in indonesian.stdout
    assert "Contribution budget" in english.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("check", "--officer", "/no/such/file.json", "--date", "2024-02-14"), "file not found: /no/such/file.json"),
        (("budget", "no-such-agreement"), "unknown agreement 'no-such-agreement'"),
        (("premium", "--wage", "abc", "--month", "2024-02"), "'abc' is not a whole rupiah amount"),
        (("premium", "--wage", "100", "--month", "2024-13"), "month number must be 1 to 12"),
        (("benefit", "jkk-death", "--date", "2024-02-14"), "needs --wage"),
        (("rules", "--date", "2014-01-01", "--prefix", "jkm"), "no parameter in force on 2014-01-01"),
        (("--lang", "fr", "demo"), "unknown language 'fr'"),
        (("premium", "--wage", "100", "--month", "2024-02", "--risk-class", "extreme"), "unknown risk class"),
    ],
)
def test_bad_input_gives_one_line_and_exit_2(args: tuple[str, ...], message: str) -> None:
    """Bad input prints one line naming what is wrong, no traceback, and exits with 2."""
    result = run(*args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert message in lines[0]
    assert "Traceback" not in result.stderr


def test_bad_json_file_names_line_and_column(tmp_path: Path) -> None:
    """A broken officer file is reported with its line and column."""
    broken = tmp_path / "officer.json"
    broken.write_text('{"nik": "3302114506990003",\n  "name": }', encoding="utf-8")
    result = run("check", "--officer", str(broken), "--date", "2024-02-14")
    assert result.returncode == 2
    assert "not valid JSON at line 2" in result.stderr


def test_unknown_role_in_officer_file(tmp_path: Path) -> None:
    """An unknown role in the officer file is named with the accepted values."""
    officer = tmp_path / "officer.json"
    officer.write_text(json.dumps({**OFFICER, "role": "satpam"}), encoding="utf-8")
    result = run("check", "--officer", str(officer), "--date", "2024-02-14")
    assert result.returncode == 2
    assert "role" in result.stderr
    assert "satpam" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_main_returns_status_without_exiting() -> None:
    """main() returns 2 for bad input instead of raising SystemExit."""
    assert main(["premium", "--month", "2024-02"]) == 2
