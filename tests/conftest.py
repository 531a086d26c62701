"""Shared test configuration: Hypothesis runs without per-example deadlines (CI machines vary in load)."""

from __future__ import annotations

from hypothesis import HealthCheck, settings

settings.register_profile("jamsos", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("jamsos")
