"""Shared test configuration.

Hypothesis runs without deadlines (the machines are shared). Under CI
(``CI=true``) it is derandomized, so a run of the same commit always draws the
same examples; locally each run explores new ones.
"""

import os

from hypothesis import HealthCheck, settings

settings.register_profile("dev", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "ci", deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True, database=None
)
settings.load_profile("ci" if os.environ.get("CI") == "true" else "dev")
