"""The jets the DMFT integrators need, on float64 arrays.

:class:`_Dense` is the one jet evaluator of the dynamics, kept small and isolated here so that
it can be swapped for the package's single jet evaluator (issue 19, item 1) in one place.
"""

from __future__ import annotations

import numpy as np

from numerics.model import Field

__all__: list[str] = []


class _Dense:
    """A polynomial's float coefficients and those of its first derivatives (Horner evaluation)."""

    def __init__(self, poly, k_max: int = 2):
        degree = max(n for n, _ in poly.terms)
        c = np.zeros(degree + 1)
        for n, a in poly.terms:
            c[n] += float(a)
        self.coef = [c]
        for _ in range(k_max):
            c = np.polynomial.polynomial.polyder(c) if c.size > 1 else np.zeros(1)
            self.coef.append(c)

    def __call__(self, x, k: int = 0):
        c = self.coef[k]
        out = np.full(np.shape(x), c[-1]) if np.ndim(x) else float(c[-1])
        for a in c[-2::-1]:
            out = out * x + a
        return out


class _Model:
    """The jets the integrator needs: ``Q, Q', Q''`` on arrays and ``g, g'`` at the overlap."""

    def __init__(self, f: Field):
        if not isinstance(f, Field):
            raise TypeError(f"expected a numerics.model.Field, got {f!r}")
        self.field = f
        self.xi = _Dense(f.xi)
        self.g = _Dense(f.g, 2)
        self.xi_1 = (self.xi(1.0), self.xi(1.0, 1), self.xi(1.0, 2))


def jets(field) -> _Model:
    """The jets of ``field`` (a :class:`numerics.model.Field`; a jets object passes through)."""
    return field if isinstance(field, _Model) else _Model(field)
