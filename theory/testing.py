"""Hypothesis strategies for valid parameters, and the limit-case checks of :mod:`theory.checks`.

For users' own property tests (hypothesis is imported here only)::

    from hypothesis import given, strategies as st
    from theory.testing import parameters, ps, delta_ps, check_gf_large_delta_p

    @given(ps(), delta_ps(min_value=1e3))
    def test_spectral_limit(p, delta_p):
        check_gf_large_delta_p(p, delta_p)

    @given(parameters(p=3, delta2=st.just(0.5)))   # fix some, draw the others
    def test_at_p3(params):
        theory.hessian(**params)

Every strategy draws only inside its bounds (ends included) and refuses bounds outside the
model's range with a ``ValueError`` at construction.
"""

from __future__ import annotations

import math

from hypothesis import strategies as st

from theory.checks import *  # noqa: F403 (re-exported for users)
from theory.checks import __all__ as _checks

__all__ = ["ps", "delta2s", "delta_ps", "overlaps", "mus", "parameters", *_checks]


def ps(max_value: int = 12, *, min_value: int = 3) -> st.SearchStrategy[int]:
    """Tensor orders ``p`` in ``[min_value, max_value]`` (integers, ``min_value >= 3``)."""
    if not (isinstance(min_value, int) and isinstance(max_value, int) and 3 <= min_value <= max_value):
        raise ValueError(f"need integers 3 <= min_value <= max_value, got {min_value!r} and {max_value!r}")
    return st.integers(min_value=min_value, max_value=max_value)


def _variance(name: str, min_value: float, max_value: float) -> st.SearchStrategy[float]:
    lo, hi = float(min_value), float(max_value)
    if not (0 < lo <= hi < math.inf):
        raise ValueError(f"{name}: need 0 < min_value <= max_value < inf, got {min_value!r} and {max_value!r}")
    if lo == hi:
        return st.just(lo)
    # Log-uniform is what one wants for a variance (floats() alone piles up at the ends); the
    # clip keeps exp(log(x)) rounding inside the bounds, and the ends are drawn as examples.
    inner = st.floats(math.log(lo), math.log(hi)).map(lambda u: min(max(math.exp(u), lo), hi))
    return st.one_of(st.sampled_from([lo, hi]), inner)


def delta2s(min_value: float = 1e-3, max_value: float = 1e3) -> st.SearchStrategy[float]:
    """Matrix noise variances, log-uniform in ``[min_value, max_value]`` (``0 < min <= max < inf``)."""
    return _variance("delta2s", min_value, max_value)


def delta_ps(min_value: float = 1e-3, max_value: float = 1e3) -> st.SearchStrategy[float]:
    """Tensor noise variances, log-uniform in ``[min_value, max_value]`` (``0 < min <= max < inf``)."""
    return _variance("delta_ps", min_value, max_value)


def overlaps(bound: float = 0.999, nonnegative: bool = False) -> st.SearchStrategy[float]:
    """Overlaps ``m`` in ``[-bound, bound]`` (``[0, bound]`` if nonnegative); ``0 <= bound < 1``."""
    if not 0 <= bound < 1:
        raise ValueError(f"overlaps: bound must lie in [0, 1) (|m| < 1), got {bound!r}")
    return st.floats(0.0 if nonnegative else -bound, bound)


def mus(bound: float = 50.0) -> st.SearchStrategy[float]:
    """Multipliers ``mu`` in ``[-bound, bound]`` (``0 <= bound < inf``)."""
    if not 0 <= bound < math.inf:
        raise ValueError(f"mus: bound must be finite and >= 0, got {bound!r}")
    return st.floats(-bound, bound)


_DEFAULTS = {"p": ps, "delta2": delta2s, "delta_p": delta_ps, "m": overlaps, "mu": mus}


def parameters(**given) -> st.SearchStrategy[dict]:
    """A dict with ``p, delta2, delta_p, m, mu``, ready for ``theory.hessian(**params)``.

    Parameters
    ----------
    **given : strategy or value
        For any of ``p, delta2, delta_p, m, mu``: a hypothesis strategy to draw it from (e.g.
        ``p=st.just(3)``, ``delta2=delta2s(0.1, 1)``) or a plain value (fixed).  The others are
        drawn from :func:`ps`, :func:`delta2s`, :func:`delta_ps`, :func:`overlaps`, :func:`mus`.

    Raises
    ------
    TypeError
        For a name that is not one of the parameters.

    Examples
    --------
    >>> from hypothesis import given, settings, strategies as st
    >>> from theory.testing import parameters
    >>> @settings(max_examples=10)
    ... @given(parameters(p=st.just(4), m=0.25))
    ... def test(params):
    ...     assert params["p"] == 4 and params["m"] == 0.25 and 1e-3 <= params["delta2"] <= 1e3
    >>> test()
    """
    unknown = sorted(set(given) - set(_DEFAULTS))
    if unknown:
        raise TypeError(f"parameters() got unknown names {unknown}; allowed: {', '.join(_DEFAULTS)}")
    chosen = {}
    for name, default in _DEFAULTS.items():
        value = given.get(name, None)
        if name not in given:
            chosen[name] = default()
        elif isinstance(value, st.SearchStrategy):
            chosen[name] = value
        else:
            chosen[name] = st.just(value)
    return st.fixed_dictionaries(chosen)
