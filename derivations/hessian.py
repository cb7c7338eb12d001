"""The Hessian at a stationary point and the BBP transition (docs/hessian.md).

At a stationary point with overlap ``m`` the Riemannian Hessian on the sphere is, in law,

    Hess = M + mu I - theta(m) u u^T,

with ``M`` a GOE matrix whose semicircle has radius ``2 s``, ``s = sqrt(xi''(1))``, and
``theta(m) = g''(m) (1 - m**2)`` the strength of the rank-one part along the signal.
By the BBP transition (Baik, Ben Arous, Peche 2005) an eigenvalue leaves the bulk below its
lower edge iff ``theta > s``, at ``mu - theta - s**2/theta``.

References
----------
arXiv:1907.08226, section 3; arXiv:1804.02686, section V.
"""

from __future__ import annotations

import sympy as sp

from derivations.kernel import Kernel
from derivations.model import MODEL, SpikedModel, generic, jet_args, to_jets
from derivations.symbols import Delta2, Deltap, m, mu, p


def semicircle_scale(model: SpikedModel) -> sp.Expr:
    """``s = sqrt(xi''(1))``: the GOE bulk of the Hessian is ``[mu - 2 s, mu + 2 s]``."""
    return sp.sqrt(model.xi_d(2, 1))


def theta(model: SpikedModel, at: sp.Expr = m) -> sp.Expr:
    """Strength of the rank-one signal part of the Hessian, ``g''(m) (1 - m**2)``."""
    return model.g_d(2, at) * (1 - at**2)


def bulk_edges(model: SpikedModel) -> tuple[sp.Expr, sp.Expr]:
    """Lower and upper edges of the semicircle bulk, ``mu -+ 2 s``."""
    s = semicircle_scale(model)
    return mu - 2 * s, mu + 2 * s


def bbp_margin(model: SpikedModel) -> sp.Expr:
    """``theta(m) - s``: positive iff the Hessian has an isolated eigenvalue below the bulk."""
    return theta(model) - semicircle_scale(model)


def outlier(model: SpikedModel) -> sp.Expr:
    """Position of the isolated eigenvalue, ``mu - theta - s**2/theta`` (valid when theta > s)."""
    t = theta(model)
    return mu - t - semicircle_scale(model) ** 2 / t


def _jet_kernels() -> tuple:
    """The same quantities for any model, in jets (``d2xi_1 = xi''(1)``, ``d2g_m = g''(m)``)."""
    model = generic()
    lower, upper = bulk_edges(model)
    exprs = (
        ("h_scale", semicircle_scale(model), "s = sqrt(xi''(1)): half the radius of the Hessian bulk (any model)."),
        ("h_theta", theta(model), "Rank-one strength theta(m) = g''(m) (1 - m**2) (any model)."),
        ("h_bbp_margin", bbp_margin(model), "theta(m) - s: positive iff a BBP outlier leaves the bulk (any model)."),
        ("h_bulk_lower", lower, "Lower bulk edge mu - 2 s (any model)."),
        ("h_bulk_upper", upper, "Upper bulk edge mu + 2 s (any model)."),
        ("h_outlier", outlier(model), "Isolated eigenvalue mu - theta - s**2/theta (any model; meaningful when theta > s)."),
    )
    out = []
    for name, expr, doc in exprs:
        expr = to_jets(expr)
        out.append(Kernel(name, jet_args(expr), expr, doc))
    return tuple(out)


_lower, _upper = bulk_edges(MODEL)
#: The matrix-tensor instances (arguments ``p, Delta2, Deltap``) of the jet kernels ``h_*``:
#: exact expressions for :func:`theory.expressions` and the docs, not printed as code (one kernel
#: family: the ``h_*`` kernels evaluate them on the jets of any model, the matrix-tensor one too).
INSTANCES = (
    Kernel("semicircle_scale", (p, Delta2, Deltap), semicircle_scale(MODEL),
           "s = sqrt(xi''(1)): half the radius of the Hessian bulk."),
    Kernel("theta", (m, p, Delta2, Deltap), theta(MODEL),
           "Rank-one strength theta(m) = g''(m) (1 - m**2)."),
    Kernel("bbp_margin", (m, p, Delta2, Deltap), bbp_margin(MODEL),
           "theta(m) - s: positive iff a BBP outlier leaves the bulk."),
    Kernel("bulk_lower", (mu, p, Delta2, Deltap), _lower, "Lower bulk edge mu - 2 s."),
    Kernel("bulk_upper", (mu, p, Delta2, Deltap), _upper, "Upper bulk edge mu + 2 s."),
    Kernel("outlier", (m, mu, p, Delta2, Deltap), outlier(MODEL),
           "Isolated eigenvalue mu - theta - s**2/theta (meaningful when theta > s)."),
)
KERNELS = _jet_kernels()
