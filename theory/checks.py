"""Limit cases of the theory as named checks (each raises ``AssertionError`` on failure).

They compare a computation of the toolkit with an independent route (a limit, a closed
form, a defining condition, another algorithm), so users can call them in their own
property tests; the project's tests do.  Tolerances are relative unless said otherwise.

- gradient-flow threshold: :func:`check_gf_large_delta_p`, :func:`check_gf_small_delta_p`,
  :func:`check_gf_monotone`, :func:`check_gf_is_bbp_point`, :func:`check_gf_closed_form`;
- landscape (Kac-Rice): :func:`check_complexity_pure_p_spin`,
  :func:`check_threshold_energy_pure_p_spin`;
- Bayes-optimal lines and message passing: :func:`check_amp_threshold_is_spectral`,
  :func:`check_it_threshold_is_equal_height`, :func:`check_ml_amp_closed_form`,
  :func:`check_thresholds_ordered`;
- dynamics: :func:`check_gradient_flow_reaches_ml_amp_fixed_point`.
"""

from __future__ import annotations

import numpy as np

from numerics._generated import hessian_mpmath
from theory import _precision
from theory._model import Model
from theory._thresholds import threshold

__all__ = [
    "check_gf_large_delta_p",
    "check_gf_small_delta_p",
    "check_gf_monotone",
    "check_gf_is_bbp_point",
    "check_gf_closed_form",
    "check_complexity_pure_p_spin",
    "check_threshold_energy_pure_p_spin",
    "check_amp_threshold_is_spectral",
    "check_it_threshold_is_equal_height",
    "check_ml_amp_closed_form",
    "check_thresholds_ordered",
    "check_gradient_flow_reaches_ml_amp_fixed_point",
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
    ``theta(0) = s`` to ``dps`` digits (computed through the Hessian kernels on the model's
    jets ``xi''(1)`` and ``g''(0)``, not the formula)."""
    delta2 = threshold(p, delta_p, dps=dps)
    ctx = _precision.context(dps)
    model = Model(delta2, {p: delta_p})  # exact: delta2's binary value, delta_p's
    d2xi_1, d2g_0 = model.xi(1, 2, ctx), model.g(0, 2, ctx)
    margin = hessian_mpmath.h_bbp_margin(ctx, 0, d2xi_1, d2g_0)
    scale = hessian_mpmath.h_scale(ctx, d2xi_1)
    assert abs(margin) <= scale * ctx.mpf(10) ** (2 - dps), f"theta(0) - s = {margin} at p={p}, Deltap={delta_p}"


def check_gf_closed_form(p: int, delta_p: float, rtol: float = 1e-12) -> None:
    """Delta2_GF equals the textbook form ``(sqrt(Deltap**2 + 4(p-1)Deltap) - Deltap)/(2(p-1))``
    of arXiv:1907.08226 (to a tolerance that allows for that form's cancellation)."""
    textbook = (np.sqrt(delta_p**2 + 4 * (p - 1) * delta_p) - delta_p) / (2 * (p - 1))
    cancellation = 1 + delta_p / (p - 1)
    value = threshold(p, delta_p)
    assert abs(value - textbook) <= rtol * cancellation * abs(value), f"{value} vs {textbook}"



# -- the landscape ------------------------------------------------------------------------

#: A matrix noise so large that the model is the pure spherical p-spin to ~1e-12.
_NO_MATRIX = 1e12


def check_complexity_pure_p_spin(p: int, delta_p: float, rtol: float = 1e-9) -> None:
    """Without the matrix (Delta2 -> inf), the complexity at m = 0 with energy and multiplier
    maximised out is the total annealed complexity of the pure spherical p-spin,
    ``log(p - 1)/2`` for every Deltap (Auffinger, Ben Arous and Cerny, arXiv:1003.1129;
    Crisanti and Sommers), independent of the Kac-Rice formula's derivation here."""
    from theory._landscape import complexity

    value = float(complexity(0.0, p=p, delta2=_NO_MATRIX, delta_p=delta_p))
    expected = 0.5 * np.log(p - 1)
    assert abs(value - expected) <= rtol * expected, f"Sigma(0) = {value}, log(p-1)/2 = {expected} at p={p}"


def check_threshold_energy_pure_p_spin(p: int, delta_p: float, rtol: float = 1e-9) -> None:
    """Without the matrix, the threshold energy is that of the pure spherical p-spin of
    covariance ``c q**p``, ``c = 1/(p Deltap)``: the classic ``-2 sqrt((p-1)/p)`` of ``c = 1``
    (arXiv:1003.1129) times the energy scale ``sqrt(c)``, i.e. ``-(2/p) sqrt((p-1)/Deltap)``."""
    from theory._landscape import threshold_energy

    value = float(threshold_energy(p=p, delta2=_NO_MATRIX, delta_p=delta_p))
    expected = -(2.0 / p) * np.sqrt((p - 1) / delta_p)
    assert abs(value - expected) <= rtol * abs(expected), f"e_th = {value}, pure p-spin {expected} at p={p}"


# -- the Bayes-optimal lines ----------------------------------------------------------------

def check_amp_threshold_is_spectral(p: int, delta_p: float, atol: float = 1e-12) -> None:
    """Bayes-optimal AMP leaves m = 0 iff Delta2 < 1 for every Deltap: for p >= 3 the tensor does
    not act at m = 0 (the slope of ``m -> xi'(m)/(1 + xi'(m))`` at 0 is ``1/Delta2``).  Where the
    map has no second, low-overlap branch (p = 3, or Deltap above the critical point's) the
    algorithmic AMP line is therefore the spectral threshold ``Delta2 = 1``; below the critical
    point it lies strictly below 1 (the hard phase of arXiv:1812.09066)."""
    from theory._message_passing import critical_point

    value = threshold(p, delta_p, kind="amp")
    if p == 3 or delta_p >= float(critical_point(p).delta_p):
        assert abs(value - 1.0) <= atol, f"Delta2_AMP = {value} at p={p}, Deltap={delta_p}"
    else:
        assert 0 < value < 1, f"Delta2_AMP = {value} at p={p}, Deltap={delta_p} (hard phase: below 1)"


def check_it_threshold_is_equal_height(p: int, delta_p: float, atol: float = 1e-8) -> None:
    """At Delta2_IT the free entropy has an informative maximum as high as the uninformative
    one: ``max_{0 < m < 1} phi(m) = phi(0) = 0``, found here by a dense grid search (not the
    equal-height solver of the threshold); slightly below Delta2_IT the informative one wins.
    Only where Delta2_IT is finite (Deltap above :func:`theory.tensor_recovery_delta_p`)."""
    from numerics._generated.message_passing_numpy import free_entropy_jets

    delta2 = threshold(p, delta_p, kind="information_theoretic")
    assert np.isfinite(delta2), f"Delta2_IT infinite at p={p}, Deltap={delta_p}"
    m = np.linspace(1e-3, 1 - 1e-9, 400_001)
    xi_t = Model(None, {p: delta_p}).xi(m)  # the tensor channel's covariance xi_T(m), jet of phi

    def free_entropy(delta2):
        return free_entropy_jets(m, delta2, xi_t)

    top = float(np.max(free_entropy(delta2)))
    if delta2 > 1:  # first order: a separate maximum at m > 0, at the height of m = 0
        assert abs(top) <= atol, f"max phi = {top} at Delta2_IT = {delta2} (p={p}, Deltap={delta_p})"
    stronger = float(np.max(free_entropy(delta2 * (1 - 1e-3))))
    assert stronger > 0, f"no informative maximum just below Delta2_IT = {delta2}"


def check_ml_amp_closed_form(p: int, delta_p: float, rtol: float = 1e-12) -> None:
    """ML-AMP leaves m = 0 iff ``theta(0) > sqrt(xi'(1))``; for p >= 3, ``theta(0) = 1/Delta2``
    and ``xi'(1) = 1/Delta2 + 1/Deltap``, so ``Delta2_ML-AMP = 2/(1 + sqrt(1 + 4/Deltap))``
    (the ML-AMP line of arXiv:1902.00139, Fig. 1), solved here by hand."""
    value = threshold(p, delta_p, kind="ml_amp")
    expected = 2.0 / (1.0 + np.sqrt(1.0 + 4.0 / delta_p))
    assert abs(value - expected) <= rtol * expected, f"Delta2_ML-AMP = {value}, closed form {expected}"


def check_thresholds_ordered(p: int, delta_p: float) -> None:
    """The algorithms are ordered: Delta2_GF <= Delta2_ML-AMP <= Delta2_AMP <= Delta2_IT
    (Bayes-optimal AMP beats maximum-likelihood AMP, which beats gradient flow; nothing beats
    the information-theoretic limit; arXiv:1902.00139, Fig. 1)."""
    values = [threshold(p, delta_p, kind=k) for k in ("gradient_flow", "ml_amp", "amp", "information_theoretic")]
    assert all(a <= b * (1 + 1e-12) for a, b in zip(values, values[1:])), f"not ordered: {values}"


# -- the dynamics ---------------------------------------------------------------------------

def check_gradient_flow_reaches_ml_amp_fixed_point(p: int, delta2: float, delta_p: float,
                                                   t_max: float = 60.0, atol: float = 1e-8) -> None:
    """Below the gradient-flow threshold, the large-N gradient flow (DMFT integration) ends at
    the overlap of the stable fixed point of the ML-AMP state evolution (a fixed-point
    iteration): both solve ``xi'(m)**2 (1 - m**2) = m**2 xi'(1)`` (gradient flow and ML-AMP
    reach the same error where they succeed, arXiv:1902.00139).  A stationary point of the
    flow does not depend on the time step, so the two agree to rounding once the run has
    converged (the default ``t_max`` suits Delta2 well below the threshold)."""
    from theory._dynamics import gradient_flow
    from theory._message_passing import state_evolution

    gf = threshold(p, delta_p)
    assert delta2 < gf, f"Delta2 = {delta2} is not below the gradient-flow threshold {gf}"
    run = gradient_flow(p=p, delta2=delta2, delta_p=delta_p, m0=1e-2, t_max=t_max)
    fixed = state_evolution(p=p, delta2=delta2, delta_p=delta_p, kind="ml_amp", m0=0.5).fixed_point
    assert abs(run.m[-1] - fixed) <= atol, f"gradient flow m = {run.m[-1]}, ML-AMP fixed point {fixed}"
