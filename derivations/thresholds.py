"""Thresholds with a closed form, solved by SymPy (docs/hessian.md).

The gradient-flow threshold of arXiv:1907.08226: from a random start the flow reaches the
marginal states at ``m = 0`` and escapes towards the signal iff their Hessian has a BBP
outlier, ``theta(0) > s``.  The threshold ``Delta2_GF(Deltap, p)`` solves ``theta(0) = s``.
"""

from __future__ import annotations

from functools import lru_cache

import sympy as sp

from derivations.hessian import semicircle_scale, theta
from derivations.kernel import Kernel
from derivations.model import MODEL, SpikedModel, generic, jet, to_jets
from derivations.symbols import Delta2, Deltap, at_zero, m, p


@lru_cache(maxsize=None)
def gradient_flow_threshold(model: SpikedModel = MODEL) -> sp.Expr:
    """Solve ``theta(0) = s`` for ``Delta2``.

    Both sides are positive, so the condition is equivalent to ``theta(0)**2 = s**2``: a
    polynomial equation in the precisions ``u = 1/Delta2`` and ``w = 1/Deltap``.  Its roots
    in ``u`` have product ``-(p-1) w < 0`` (Vieta), so exactly one is positive; it is selected
    by its sign.  The result ``1/u`` has only sums of positive terms: no cancellation for any
    Deltap (the textbook form ``(sqrt(Deltap**2 + 4(p-1)Deltap) - Deltap)/(2(p-1))`` loses
    ``log10(Deltap)`` digits as Deltap grows), and one square root.
    """
    u = sp.Symbol("u", positive=True)
    w = sp.Symbol("w", positive=True)
    theta0 = at_zero(theta(model), m)
    s2 = semicircle_scale(model) ** 2
    condition = sp.expand((theta0**2 - s2).subs({Delta2: 1 / u, Deltap: 1 / w}))
    roots = sp.solve(condition, u)
    (u_plus,) = [r for r in roots if r.subs({p: 3, w: 1}) > 0]
    result = sp.together(1 / u_plus).subs(w, 1 / Deltap)
    return _tidy_radicands(result)


def _tidy_radicands(expr: sp.Expr) -> sp.Expr:
    """Write ``sqrt(1 + 4p/Deltap - 4/Deltap)`` as ``sqrt(1 + 4(p-1)/Deltap)``."""
    return expr.replace(
        lambda e: e.is_Pow and e.exp == sp.S.Half,
        lambda e: sp.sqrt(sp.collect(sp.expand(e.base), 1 / Deltap, func=sp.factor)),
    )


def with_matrix_channel(tensors: SpikedModel, delta2: sp.Expr = Delta2) -> SpikedModel:
    """``tensors`` plus a matrix channel of variance ``delta2`` whose loss term uses that same
    variance: ``xi`` and ``g`` both gain ``q**2/(2 delta2)``."""
    (var,) = tensors.xi.variables
    term = var**2 / (2 * delta2)
    return SpikedModel(xi=sp.Lambda(var, tensors.xi.expr + term), g=sp.Lambda(var, tensors.g.expr + term))


@lru_cache(maxsize=None)
def gradient_flow_threshold_channels() -> sp.Expr:
    """``Delta2_GF`` for any set of tensor channels (a mismatched loss included), in jets.

    The tensor channels give ``xi_T`` and ``g_T`` (any orders >= 3, any assumed variances); the
    matrix channel adds ``q**2/(2 Delta2)`` to both (its loss term is built with the critical
    ``Delta2`` itself).  Only the matrix channel contributes to ``g''(0)`` (``g_T''(0) = 0`` for
    orders >= 3), so ``theta(0) = 1/Delta2`` and ``s**2 = 1/Delta2 + xi_T''(1)``: ``theta(0) = s``
    is quadratic in ``u = 1/Delta2`` with one positive root.  The result is a function of the one
    jet ``d2xi_1 = xi_T''(1)``, the second derivative at 1 of the covariance of the *tensor
    channels alone* (``sum_p (p - 1) Delta_p / Delta'_p**2``): ``2/(1 + sqrt(1 + 4 xi_T''(1)))``.
    """
    u = sp.Symbol("u", positive=True)
    full = with_matrix_channel(generic(), 1 / u)
    theta0 = theta(full, sp.S.Zero)
    s2 = semicircle_scale(full) ** 2
    condition = to_jets(sp.expand(theta0**2 - s2)).subs(jet("g", 2, 0), 0)
    t = jet("xi", 2, 1)
    roots = sp.solve(condition, u)
    (u_plus,) = [r for r in roots if r.subs(t, 1) > 0]
    return sp.simplify(2 / sp.expand(2 * u_plus))


KERNELS = (
    Kernel("delta2_gf", (p, Deltap), gradient_flow_threshold(),
           "Gradient-flow threshold Delta2_GF(Deltap, p): theta(0) = s at the marginal states."),
    Kernel("delta2_gf_channels", (jet("xi", 2, 1),), gradient_flow_threshold_channels(),
           "Gradient-flow threshold for any tensor channels; d2xi_1 = xi''(1) of the tensor channels alone."),
)
