"""The spiked Gaussian field: covariance ``xi`` and signal ``g`` (spec/theory.md section 2).

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
from derivations.symbols import Delta2, Deltap, p, q


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
    """The spiked matrix-tensor model of arXiv:1907.08226, eq. (1)-(3): ``g = xi``."""
    xi = sp.Lambda(q, q**2 / (2 * Delta2) + q**p / (p * Deltap))
    return SpikedModel(xi=xi, g=xi)


MODEL = matrix_tensor()

#: The covariance and its first two derivatives as kernels (used by the DMFT and the landscape).
KERNELS = (
    Kernel("xi", (q, p, Delta2, Deltap), MODEL.xi_d(0, q), "Covariance xi(q) of the noise field."),
    Kernel("xi_prime", (q, p, Delta2, Deltap), MODEL.xi_d(1, q), "First derivative xi'(q)."),
    Kernel("xi_second", (q, p, Delta2, Deltap), MODEL.xi_d(2, q), "Second derivative xi''(q)."),
)
