"""The jets the DMFT integrators need, on float64 arrays.

:class:`_Model` binds the package's one jet evaluator (:class:`numerics.model.Jets`, float64)
to a field, with the jets at ``q = 1`` the integrators read at every step.
"""

from __future__ import annotations

from numerics.backend import F64
from numerics.model import Field, Jets

__all__: list[str] = []


class _Model:
    """The jets the integrator needs: ``Q, Q', Q''`` on arrays and ``g, g'`` at the overlap."""

    def __init__(self, f: Field):
        if not isinstance(f, Field):
            raise TypeError(f"expected a numerics.model.Field, got {f!r}")
        self.field = f
        j = Jets(f, F64)
        self.xi, self.g = j.xi, j.g
        self.xi_1 = tuple(float(self.xi(1.0, k)) for k in range(3))


def jets(field) -> _Model:
    """The jets of ``field`` (a :class:`numerics.model.Field`; a jets object passes through)."""
    return field if isinstance(field, _Model) else _Model(field)
