"""Limit cases of the theory as named checks (each raises ``AssertionError`` on failure).

They compare a computation of the toolkit with an independent route (a limit, a closed
form, a defining condition), so users can call them in their own property tests; the
project's tests do.  Tolerances are relative unless said otherwise.
"""

from __future__ import annotations

import numpy as np

from numerics._generated import hessian_mpmath
from theory import _precision
from theory._thresholds import threshold

__all__ = [
    "check_gf_large_delta_p",
    "check_gf_small_delta_p",
    "check_gf_monotone",
    "check_gf_is_bbp_point",
    "check_gf_closed_form",
]


def check_gf_large_delta_p(p: int, delta_p: float) -> None:
    """As Deltap -> inf the model is the pure spiked matrix: Delta2_GF -> 1 (spectral threshold).

    The bound ``0 < 1 - Delta2_GF <= (p-1)/Deltap`` follows from ``1/Delta2 = (1 + sqrt(1 + 4(p-1)/Deltap))/2``
    and ``sqrt(1 + x) <= 1 + x/2``.
    """
    gap = 1.0 - threshold(p, delta_p)
    rounding = 2.0**-52  # of a float64 value near 1
    assert 0 < gap <= (p - 1) / delta_p + rounding, f"1 - Delta2_GF = {gap} at p={p}, Deltap={delta_p}"


def check_gf_small_delta_p(p: int, delta_p: float) -> None:
    """As Deltap -> 0 the tensor dominates: Delta2_GF ~ sqrt(Deltap/(p-1)) -> 0."""
    value = threshold(p, delta_p)
    leading = np.sqrt(delta_p / (p - 1))
    assert abs(value / leading - 1) <= 2 * leading, f"Delta2_GF = {value}, leading term {leading}"


def check_gf_monotone(p: int, delta_p_values) -> None:
    """Delta2_GF increases with Deltap (a noisier tensor leaves more room to the matrix)."""
    x = np.sort(np.asarray(delta_p_values, dtype=float))
    y = threshold(p, x)
    assert np.all(np.diff(y)[np.diff(x) > 0] > 0), f"not increasing at p={p}: {y}"


def check_gf_is_bbp_point(p: int, delta_p, dps: int = 30) -> None:
    """At Delta2 = Delta2_GF the marginal states at m = 0 sit exactly at the BBP point:
    ``theta(0) = s`` to ``dps`` digits (computed through the Hessian kernels, not the formula)."""
    delta2 = threshold(p, delta_p, dps=dps)
    ctx = _precision.context(dps)
    margin = hessian_mpmath.bbp_margin(ctx, 0, p, delta2, ctx.mpf(delta_p))
    scale = hessian_mpmath.semicircle_scale(ctx, p, delta2, ctx.mpf(delta_p))
    assert abs(margin) <= scale * ctx.mpf(10) ** (2 - dps), f"theta(0) - s = {margin} at p={p}, Deltap={delta_p}"


def check_gf_closed_form(p: int, delta_p: float, rtol: float = 1e-12) -> None:
    """Delta2_GF equals the textbook form ``(sqrt(Deltap**2 + 4(p-1)Deltap) - Deltap)/(2(p-1))``
    of spec/theory.md section 4 (to a tolerance that allows for that form's cancellation)."""
    textbook = (np.sqrt(delta_p**2 + 4 * (p - 1) * delta_p) - delta_p) / (2 * (p - 1))
    cancellation = 1 + delta_p / (p - 1)
    value = threshold(p, delta_p)
    assert abs(value - textbook) <= rtol * cancellation * abs(value), f"{value} vs {textbook}"

