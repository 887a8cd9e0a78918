"""Hypothesis profiles for the whole suite, loaded before any test module builds its settings.

No deadline: a test asserts behaviour, never time (a busy CI machine made the default 200 ms
deadline fail a property test that passed on rerun). `HYPOTHESIS_PROFILE=thorough` runs thousands
of examples where a test does not set its own count.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("default", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
