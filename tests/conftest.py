"""Shared test configuration: hypothesis profiles and a clean mpmath state.

Profiles: ``ci`` (the default: derandomised, bounded examples, no deadline) and
``thorough`` (many examples).  Choose with ``HYPOTHESIS_PROFILE=thorough pytest``.
"""

import os

import mpmath
import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", derandomize=True, max_examples=30, deadline=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("thorough", max_examples=1000, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(autouse=True)
def _reset_mpmath():
    """Library code must not depend on (or change) mpmath's global precision."""
    mpmath.mp.dps = 15
    yield
    assert mpmath.mp.dps == 15, "a test or the library changed mpmath.mp.dps"
    mpmath.mp.dps = 15
