"""Thresholds with a closed form, solved by SymPy (spec/theory.md section 4).

The gradient-flow threshold of arXiv:1907.08226: from a random start the flow reaches the
marginal states at ``m = 0`` and escapes towards the signal iff their Hessian has a BBP
outlier, ``theta(0) > s``.  The threshold ``Delta2_GF(Deltap, p)`` solves ``theta(0) = s``.
"""

from __future__ import annotations

from functools import lru_cache

import sympy as sp

from derivations.hessian import semicircle_scale, theta
from derivations.kernel import Kernel
from derivations.model import MODEL, SpikedModel
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


KERNELS = (
    Kernel("delta2_gf", (p, Deltap), gradient_flow_threshold(),
           "Gradient-flow threshold Delta2_GF(Deltap, p): theta(0) = s at the marginal states."),
)
