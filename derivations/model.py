"""The spiked Gaussian field: covariance ``xi`` and signal ``g`` (docs/model.md).

The loss on the sphere is ``L(x) = -N g(m) + V(x)`` with ``E[V(x) V(x')] = N xi(x.x'/N)``.
For the spiked matrix-tensor model ``g = xi`` and

    xi(q) = q**2 / (2 Delta2) + q**p / (p Deltap).

Every other derivation takes a :class:`SpikedModel`, so a different spiked spherical
model is one new constructor.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from derivations.kernel import Kernel
from derivations.symbols import Delta2, Deltap, energy, m, mu, p, q


@dataclass(frozen=True)
class SpikedModel:
    """A spiked spherical model given by its covariance and its signal function.

    Parameters
    ----------
    xi, g : sympy.Lambda
        Functions of one overlap variable.
    """

    xi: sp.Lambda
    g: sp.Lambda

    def xi_d(self, k: int, at: sp.Expr) -> sp.Expr:
        """The k-th derivative of the covariance, evaluated at ``at``."""
        return derivative(self.xi, k, at)

    def g_d(self, k: int, at: sp.Expr) -> sp.Expr:
        """The k-th derivative of the signal function, evaluated at ``at``."""
        return derivative(self.g, k, at)


def derivative(f: sp.Lambda, k: int, at: sp.Expr) -> sp.Expr:
    """``f^(k)(at)`` with powers of a symbolic exponent collected (``q**(p-2)``, not ``q**p/q**2``)."""
    (var,) = f.variables
    d = sp.diff(f.expr, var, k)
    d = sp.powsimp(sp.expand(d), force=False)
    d = sp.collect(d, [var ** (p - j) for j in range(k + 1)], func=sp.factor)
    return d.subs(var, at)


def matrix_tensor() -> SpikedModel:
    """The spiked matrix-tensor model of arXiv:1907.08226 (its model section): ``g = xi``."""
    xi = sp.Lambda(q, q**2 / (2 * Delta2) + q**p / (p * Deltap))
    return SpikedModel(xi=xi, g=xi)


MODEL = matrix_tensor()

# --- any model: formulas in terms of jets ---------------------------------------------------------
#: Undefined functions standing for the covariance and the signal of *any* spiked spherical model.
XI, G = sp.Function("xi"), sp.Function("g")


def generic() -> SpikedModel:
    """A model with undefined ``xi`` and ``g``: a formula derived with it is valid for every
    model (mixtures, pure tensors, mismatched losses) once written in jets by :func:`to_jets`."""
    return SpikedModel(xi=sp.Lambda(q, XI(q)), g=sp.Lambda(q, G(q)))


def jet(name: str, k: int, at) -> sp.Symbol:
    """The symbol of ``name^(k)(at)``: ``xi_1`` = xi(1), ``dxi_1`` = xi'(1), ``d2xi_1`` = xi''(1),
    ``dg_m`` = g'(m), ...  Jets of ``xi`` at 1 are positive for every model (its coefficients are
    positive and it has a channel of order >= 2); the others are real."""
    prefix = "" if k == 0 else ("d" if k == 1 else f"d{k}")
    point = str(at)
    positive = name == "xi" and point == "1"
    return sp.Symbol(f"{prefix}{name}_{point}", positive=True) if positive else sp.Symbol(f"{prefix}{name}_{point}", real=True)


def to_jets(expr: sp.Expr) -> sp.Expr:
    """``expr`` (derived with :func:`generic`) with every ``xi^(k)(a)`` and ``g^(k)(a)`` replaced
    by its :func:`jet` symbol, ``a`` a number or a symbol."""
    reps = {}
    for s in expr.atoms(sp.Subs):  # Subs(Derivative(f(_x), (_x, k)), _x, a)
        d, (var,), (at,) = s.args
        if isinstance(d, sp.Derivative) and d.expr.func in (XI, G):
            reps[s] = jet(d.expr.func.__name__, d.derivative_count, at)
    expr = expr.xreplace(reps)
    reps = {}
    for d in expr.atoms(sp.Derivative):  # Derivative(f(a), (a, k)) with a a symbol
        if d.expr.func in (XI, G):
            (at,) = d.expr.args
            reps[d] = jet(d.expr.func.__name__, d.derivative_count, at)
    expr = expr.xreplace(reps)
    reps = {f: jet(f.func.__name__, 0, f.args[0]) for f in expr.atoms(XI, G)}
    return expr.xreplace(reps)

#: Order of the kernel arguments after ``m, e, mu``: the jets (``det_1`` is
#: the covariance determinant of derivations/kac_rice.py).
_JET_ORDER = ("xi_1", "dxi_1", "d2xi_1", "det_1", "g_m", "dg_m", "d2g_m", "d3g_m")


def jet_args(expr: sp.Expr) -> tuple:
    """The arguments of a jet kernel: ``m, e, mu`` (those present), then its jets in a fixed order."""
    free = expr.free_symbols
    head = [s for s in (m, energy, mu) if s in free]
    rest = sorted(free - set(head),
                  key=lambda s: (_JET_ORDER.index(s.name) if s.name in _JET_ORDER else 99, s.name))
    return tuple(head + rest)



#: The covariance and its first two derivatives as kernels (used by the DMFT and the landscape).
KERNELS = (
    Kernel("xi", (q, p, Delta2, Deltap), MODEL.xi_d(0, q), "Covariance xi(q) of the noise field."),
    Kernel("xi_prime", (q, p, Delta2, Deltap), MODEL.xi_d(1, q), "First derivative xi'(q)."),
    Kernel("xi_second", (q, p, Delta2, Deltap), MODEL.xi_d(2, q), "Second derivative xi''(q)."),
)
