"""The columnar path's rounding and exposure on both sides of their boundaries.

``batch.round_ratio`` is the array form of :func:`~jamsos_pemilu.money.round_rupiah`: for every
rounding rule, at every tie and on both sides of it, each element must equal the scalar rounding,
in the fast int64 path and in the exact Python-integer path used for object arrays.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from jamsos_pemilu import Reform, RoundingRule, round_rupiah, rules_on

np = pytest.importorskip("numpy")

from jamsos_pemilu.batch import death_exposure, round_ratio  # noqa: E402  (needs NumPy)

# Ties (x.5) with an even and an odd whole part, and the values just below and above them.
NUMERATORS = [0, 4, 5, 6, 14, 15, 16, 24, 25, 26, 35, 99, 100, 105, 115]


@pytest.mark.parametrize("rule", list(RoundingRule))
@pytest.mark.parametrize("dtype", [np.int64, object])
def test_array_rounding_equals_the_scalar_rounding_at_and_around_every_tie(rule: RoundingRule, dtype: object) -> None:
    """Each element of round_ratio(n, 10, rule) is round_rupiah(n / 10, rule): half-up, half-even, down and up, both paths."""
    expected = [round_rupiah(Decimal(n) / 10, rule).amount for n in NUMERATORS]
    assert round_ratio(np.array(NUMERATORS, dtype=dtype), 10, rule).tolist() == expected


def test_death_exposure_applies_the_reform_it_is_given() -> None:
    """A what-if JKM lump sum in the snapshot passed as ``rules`` changes the exposure of every officer."""
    on = dt.date(2024, 2, 14)
    wages = np.array([1_100_000, 2_500_000], dtype=np.int64)
    reform = Reform.from_dict({"label": "JKM Rp30 juta", "overrides": {"jkm.lump_sum": 30_000_000}})
    shipped = death_exposure(wages, on=on)
    reformed = death_exposure(wages, on=on, rules=rules_on(on, reform=reform))
    assert reformed.to_dict() != shipped.to_dict()
