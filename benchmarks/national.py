"""A synthetic national roster with the role mix of Pemilu 2024, as arrays and as a CSV file.

The mix is the officer count of election.md §3.2 for Pemilu 2024: KPPS 5.741.127
(820.161 TPS × 7: one ketua and six anggota each), petugas ketertiban TPS 2 per TPS
(1.640.322, derived, unconfirmed), PTPS and Pantarlih about 1 per TPS (820.161),
PPK 7.277 kecamatan × 5, sekretariat PPK 3 per kecamatan, PPS 83.731 desa × 3,
sekretariat PPS 3 per desa, Panwascam 3 per kecamatan and PKD 1 per desa. Those
counts sum to 9.687.935; the benchmark scales them to exactly the size asked for
(largest remainder) so the national roster has 7.000.000 officers, the "about 7
juta" BPJS TK reported. Wages are the Pemilu 2024 honoraria from the rule book.

The mixed roster registers 20 % of the officers (drawn at random, seeded) as non-wage
earners (*Bukan Penerima Upah*, scheme code 1) who declare no income, so they pay on the
lowest basis (the Rp16.800 package the PKS reports name); the other 80 % are wage earners
paid on their honorarium.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import numpy as np

from jamsos_pemilu import Month, Rupiah, default_rule_book
from jamsos_pemilu.elections import election
from jamsos_pemilu.officers import NIK
from jamsos_pemilu.premiums import monthly_premium
from jamsos_pemilu.roles import Position, Role
from jamsos_pemilu.rosters import COLUMNS, POSITION_CODES, ROLE_CODES
from jamsos_pemilu.schemes import NonWageEarner, Programme

MONTH = Month(2024, 2)
SEED = 20240214
BPU_SHARE = (1, 5)
"""The share of non-wage earners in the mixed roster: 1 in 5 (20 %)."""

#: (role, position, officers) for Pemilu 2024, election.md §3.2 (counts derived from units × members).
MIX: tuple[tuple[Role, Position, int], ...] = (
    (Role.KPPS, Position.KETUA, 820_161),
    (Role.KPPS, Position.ANGGOTA, 4_920_966),
    (Role.KETERTIBAN_TPS, Position.PETUGAS, 1_640_322),
    (Role.PTPS, Position.PETUGAS, 820_161),
    (Role.PANTARLIH, Position.PETUGAS, 820_161),
    (Role.PPK, Position.KETUA, 7_277),
    (Role.PPK, Position.ANGGOTA, 29_108),
    (Role.SEKRETARIAT_PPK, Position.SEKRETARIS, 7_277),
    (Role.SEKRETARIAT_PPK, Position.STAF, 14_554),
    (Role.PPS, Position.KETUA, 83_731),
    (Role.PPS, Position.ANGGOTA, 167_462),
    (Role.SEKRETARIAT_PPS, Position.SEKRETARIS, 83_731),
    (Role.SEKRETARIAT_PPS, Position.STAF, 167_462),
    (Role.PANWASLU_KECAMATAN, Position.KETUA, 7_277),
    (Role.PANWASLU_KECAMATAN, Position.ANGGOTA, 14_554),
    (Role.PKD, Position.PETUGAS, 83_731),
)


def scaled_counts(size: int) -> list[int]:
    """The mix scaled to exactly ``size`` officers (largest remainder)."""
    total = sum(count for _, _, count in MIX)
    exact = [count * size for _, _, count in MIX]
    counts = [value // total for value in exact]
    order = sorted(range(len(MIX)), key=lambda i: (-(exact[i] % total), i))
    for index in order[: size - sum(counts)]:
        counts[index] += 1
    return counts


def honoraria() -> list[int]:
    """The Pemilu 2024 honorarium of each group of the mix, from the rule book."""
    pemilu = election("pemilu_2024")
    snapshot = default_rule_book().on(MONTH.first_day)
    return [pemilu.honorarium(role, position, rules=snapshot).rupiah.amount for role, position, _ in MIX]


def national_arrays(size: int) -> tuple[Any, Any, Any]:
    """Group codes (uint8), role codes (uint8) and wages (int64) of a shuffled roster of ``size``."""
    counts = scaled_counts(size)
    rng = np.random.default_rng(SEED)
    groups = np.repeat(np.arange(len(MIX), dtype=np.uint8), counts)
    rng.shuffle(groups)
    role_table = np.array([ROLE_CODES.index(role) for role, _, _ in MIX], dtype=np.uint8)
    wage_table = np.array(honoraria(), dtype=np.int64)
    return groups, role_table[groups], wage_table[groups]


def mixed_arrays(size: int) -> tuple[Any, Any, Any]:
    """Role codes (uint8), bases (int64) and scheme codes (uint8) of the mixed roster: 20 % non-wage earners.

    Exactly ``size * 1 // 5`` officers, drawn at random (seeded), are non-wage earners with no
    declared income (basis 0: the lowest basis applies); the others are wage earners on their honorarium.
    """
    groups, roles, wages = national_arrays(size)
    del groups
    rng = np.random.default_rng(SEED + 1)
    schemes = np.zeros(size, dtype=np.uint8)
    schemes[rng.permutation(size)[: size * BPU_SHARE[0] // BPU_SHARE[1]]] = 1
    wages[schemes == 1] = 0
    return roles, wages, schemes


def scalar_mixed_budget(roles: Any, bases: Any, schemes: Any) -> dict[str, tuple[int, int, int]]:
    """Per role: (headcount, JKK, JKM) from the one-officer calculator × the count of each (role, scheme, basis)."""
    result: dict[str, tuple[int, int, int]] = {}
    keys = (roles.astype(np.int64) * 2 + schemes) * 4_000_000 + bases
    values, counts = np.unique(keys, return_counts=True)
    for key, count in zip(values.tolist(), counts.tolist(), strict=True):
        code, basis = divmod(key, 4_000_000)
        role, scheme = divmod(code, 2)
        if scheme == 1:
            premium = monthly_premium(Rupiah(basis) if basis else None, NonWageEarner(), month=MONTH)
        else:
            premium = monthly_premium(Rupiah(basis), month=MONTH)
        label = ROLE_CODES[role].value
        old = result.get(label, (0, 0, 0))
        result[label] = (
            old[0] + count,
            old[1] + premium.amount_for(Programme.JKK).amount * count,
            old[2] + premium.amount_for(Programme.JKM).amount * count,
        )
    return result


def scalar_budget(size: int) -> dict[str, tuple[int, int, int]]:
    """Per role: (headcount, JKK, JKM) from the one-officer calculator × the count of each (role, position)."""
    result: dict[str, tuple[int, int, int]] = {}
    for (role, _, _), count, wage in zip(MIX, scaled_counts(size), honoraria(), strict=True):
        premium = monthly_premium(Rupiah(wage), month=MONTH)
        jkk = premium.amount_for(Programme.JKK).amount * count
        jkm = premium.amount_for(Programme.JKM).amount * count
        old = result.get(role.value, (0, 0, 0))
        result[role.value] = (old[0] + count, old[1] + jkk, old[2] + jkm)
    return result


def _prefixes() -> list[str]:
    """Kecamatan codes that make valid NIKs (python-stdnum's province table)."""
    found: list[str] = []
    for province in (11, 12, 13, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 63, 64, 71, 73, 74, 81, 91, 94):
        for regency in range(1, 13):
            for district in range(1, 6):
                prefix = f"{province:02d}{regency:02d}{district:02d}"
                try:
                    NIK(prefix + "0101900001")
                except ValueError:
                    continue
                found.append(prefix)
    return found


def _term(role: Role) -> tuple[str, str]:
    term = election("pemilu_2024").term(role)
    if term is not None and term.contains(MONTH.first_day) and term.contains(MONTH.last_day - dt.timedelta(days=10)):
        return term.start.isoformat(), term.end.isoformat()
    return "2024-01-01", "2024-03-31"  # synthetic: every officer of the benchmark is on duty in February 2024


def write_csv(path: Path, size: int) -> None:
    """Write a roster CSV of ``size`` valid rows (seeded) to ``path``."""
    rng = np.random.default_rng(SEED)
    prefixes = _prefixes()
    counts = scaled_counts(size)
    groups = np.repeat(np.arange(len(MIX), dtype=np.uint8), counts)
    rng.shuffle(groups)
    texts = []
    for role, position, _ in MIX:
        start, end = _term(role)
        texts.append(f"{role.abbreviation},{position.value},pemilu_2024,{start},{end}")
    starts = [_term(role)[0] for role, _, _ in MIX]
    wages = [f"{w // 1_000_000}.{w // 1000 % 1000:03d}.{w % 1000:03d}" for w in honoraria()]
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    step = 100_000
    with temporary.open("w", encoding="utf-8", newline="") as handle:
        handle.write(",".join(COLUMNS) + "\n")
        for begin in range(0, size, step):
            part = groups[begin : begin + step].tolist()
            n = len(part)
            prefix = rng.integers(0, len(prefixes), n).tolist()
            day = rng.integers(1, 29, n).tolist()
            female = rng.integers(0, 2, n).tolist()
            month = rng.integers(1, 13, n).tolist()
            year = rng.integers(60, 106, n).tolist()
            serial = rng.integers(1, 10_000, n).tolist()
            lines = []
            for i in range(n):
                g = part[i]
                row = begin + i
                nik = f"{prefixes[prefix[i]]}{day[i] + 40 * female[i]:02d}{month[i]:02d}{year[i] % 100:02d}{serial[i]:04d}"
                wage = wages[g] if row % 10 == 0 else ""
                asn = "ya" if row % 50 == 0 else "tidak"
                lines.append(
                    f"{nik},Petugas {row},{texts[g]},{wage},TPS {row % 900 + 1:03d},,"
                    f"{prefixes[prefix[i]]},{asn},{starts[g]}\n"
                )
            handle.write("".join(lines))
    temporary.replace(path)


__all__ = [
    "BPU_SHARE",
    "MIX",
    "MONTH",
    "POSITION_CODES",
    "mixed_arrays",
    "national_arrays",
    "scalar_budget",
    "scalar_mixed_budget",
    "scaled_counts",
    "write_csv",
]
