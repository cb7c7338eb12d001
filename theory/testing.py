"""Hypothesis strategies for valid parameters, and the limit-case checks of :mod:`theory.checks`.

For users' own property tests (hypothesis is imported here only)::

    from hypothesis import given
    from theory.testing import ps, delta_ps, check_gf_large_delta_p

    @given(ps(), delta_ps(min_value=1e3))
    def test_spectral_limit(p, delta_p):
        check_gf_large_delta_p(p, delta_p)
"""

from __future__ import annotations

import math

from hypothesis import strategies as st

from theory.checks import *  # noqa: F403 (re-exported for users)
from theory.checks import __all__ as _checks

__all__ = ["ps", "delta2s", "delta_ps", "overlaps", "mus", "parameters", *_checks]


def ps(max_value: int = 12) -> st.SearchStrategy[int]:
    """Tensor orders ``p`` in ``3..max_value``."""
    return st.integers(min_value=3, max_value=max_value)


def _variance(min_value: float, max_value: float) -> st.SearchStrategy[float]:
    # Log-uniform is what one wants for a variance; floats() alone piles up at the ends.
    return st.floats(math.log(min_value), math.log(max_value)).map(math.exp)


def delta2s(min_value: float = 1e-3, max_value: float = 1e3) -> st.SearchStrategy[float]:
    """Matrix noise variances, log-uniform in ``[min_value, max_value]``."""
    return _variance(min_value, max_value)


def delta_ps(min_value: float = 1e-3, max_value: float = 1e3) -> st.SearchStrategy[float]:
    """Tensor noise variances, log-uniform in ``[min_value, max_value]``."""
    return _variance(min_value, max_value)


def overlaps(bound: float = 0.999, nonnegative: bool = False) -> st.SearchStrategy[float]:
    """Overlaps ``m`` in ``[-bound, bound]`` (``[0, bound]`` if nonnegative)."""
    return st.floats(0.0 if nonnegative else -bound, bound)


def mus(bound: float = 50.0) -> st.SearchStrategy[float]:
    """Multipliers ``mu`` in ``[-bound, bound]``."""
    return st.floats(-bound, bound)


def parameters(**bounds) -> st.SearchStrategy[dict]:
    """A dict with ``p, delta2, delta_p, m, mu``, ready for ``theory.hessian(**params)``."""
    return st.fixed_dictionaries({
        "p": ps(), "delta2": delta2s(), "delta_p": delta_ps(), "m": overlaps(), "mu": mus(),
    })
