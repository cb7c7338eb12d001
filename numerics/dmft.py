"""Integrators of the large-N gradient-flow and Langevin (DMFT) equations of docs/dynamics.md.

A run is a **scheme** (how the memory integrals are discretised, and the time stepping that goes
with it) times a **history** (which past times are stored).  Both are small value objects with
behaviour, in :mod:`numerics.dynamics`; this module keeps every name it always had importable.
The pairs that are validated against each other (tests/numerics/test_dmft.py) are in
:data:`VALIDATED`, and :func:`integrate` refuses any other pair.

Schemes (:mod:`numerics.dynamics.stepper`, :mod:`numerics.dynamics.extrapolated`)
    :class:`Euler` (rectangle sums, ``R(t,t) = 0``, ``R(t+h,t) = 1``: discrete-time projected
    descent, first order), :class:`Heun` (trapezoid sums, ``R(t,t) = 1``, predictor-corrector;
    fixed history only), :class:`Extrapolated` (the default of :func:`theory.gradient_flow`:
    Richardson extrapolation of Euler runs at ``h, .., h/2**(levels-1)``, error
    ``O(h**levels)``), :class:`BDF2` (implicit variable-step BDF2 on the :class:`Growing`
    history, :mod:`numerics.dynamics.bdf2`; ``dt`` is then the first step), :class:`FDT`
    (T > 0: implicit steps on the Kim-Latz :class:`Doubling` grid with the near-diagonal
    memory closed by the fluctuation-dissipation relation, :mod:`numerics.dynamics.fdt`).
Quadrature rules (:mod:`numerics.dynamics.quadrature`)
    Rectangle, its cell integrals on a thinned history (``RI``, ``RJ``: the fast decay of ``R``
    near every diagonal survives thinning), trapezoid.
Histories (:mod:`numerics.dynamics.history`)
    :class:`Fixed` (every step: O(n^2) memory, O(n^3) time), :class:`Thinned` (the last
    ``window`` steps, then geometrically thinned, Kim-Latz, Europhys. Lett. 53, 660 (2001)),
    :class:`Growing` (the implicit scheme's).
One loop, one plan (:mod:`numerics.dynamics.loop`, :mod:`numerics.dynamics.plan`)
    Every run is driven by :func:`numerics.dynamics.loop.loop`; :class:`RunPlan` counts its
    steps, bytes and cost and refuses what cannot run, before anything is allocated.

The model enters through a :class:`numerics.model.Field`: ``Q = xi`` in the memory kernels and
``g'(m)`` in the signal terms (docs/your_model.md); the jets are evaluated on arrays by Horner's
rule (:mod:`numerics.dynamics.jets`).  BLAS is pinned to one thread inside (threadpoolctl).

References
----------
arXiv:1907.08226 (section 4); arXiv:1812.09066 (Langevin); docs/dynamics.md.
"""

from __future__ import annotations

from numerics.dynamics.end_states import (_field_of, _largest_root, aging_state,  # noqa: F401
                                          crossing_time, nishimori_state, success_state)
from numerics.dynamics.fdt import FDT, Doubling  # noqa: F401
from numerics.dynamics.extrapolated import (MAX_PACE_MISMATCH, Extrapolated, _along_m,  # noqa: F401
                                            _combine, _cubic, _monotone_end, _richardson, _stencil)
from numerics.dynamics.history import COST_FIXED, COST_THINNED, Fixed, Growing, Thinned, kept, store_size
from numerics.dynamics.integrate import VALIDATED, integrate
from numerics.dynamics.jets import _Model  # noqa: F401  (the jets; importable here)
from numerics.dynamics.loop import Run
from numerics.dynamics.plan import RunPlan, memory_limit  # noqa: F401
from numerics.dynamics.stepper import BDF2, Euler, Heun, n_steps_of  # noqa: F401
from numerics.dynamics.store import _Store  # noqa: F401

__all__ = ["BDF2", "COST_FIXED", "COST_THINNED", "Doubling", "Euler", "Extrapolated", "FDT", "Fixed",
           "Growing", "Heun",
           "Run", "RunPlan", "Thinned", "VALIDATED", "aging_state", "cost", "crossing_time", "footprint",
           "integrate", "kept", "nishimori_state", "store_size", "success_state", "total_steps"]


def total_steps(t_max: float, dt: float, scheme) -> int:
    """Steps of every level of a run together (:attr:`RunPlan.total_steps`)."""
    return RunPlan(scheme, None, dt, t_max).total_steps


def footprint(t_max: float, dt: float, scheme, history) -> tuple[int, float]:
    """``(steps, bytes)``: the step count of the finest run and the memory it allocates
    (:attr:`RunPlan.steps`, :meth:`RunPlan.bytes`)."""
    plan = RunPlan(scheme, history, dt, t_max)
    return plan.steps, plan.bytes()


def cost(t_max: float, dt: float, scheme, history) -> float:
    """Estimated seconds of one core for a run, every level of an extrapolated run
    (:meth:`RunPlan.cost`)."""
    return RunPlan(scheme, history, dt, t_max).cost()
