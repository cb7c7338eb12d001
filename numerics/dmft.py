"""Integrators of the large-N gradient-flow and Langevin (DMFT) equations of docs/dynamics.md.

A run is a **scheme** (how the memory integrals are discretised, and the time stepping that goes
with it) times a **history** (which past times are stored).  Both are small value objects; the
pairs that are validated against each other (tests/numerics/test_dmft.py) are in
:data:`VALIDATED`, and :func:`integrate` refuses any other pair.

Schemes
-------
:class:`Euler`
    Rectangle sums with ``R(t,t) = 0`` and ``R(t+h,t) = 1``: the equations of the discrete-time
    projected gradient descent of step ``h``.  First order in ``h`` with a small, very regular
    error (its expansion in powers of ``h`` is what :class:`Extrapolated` uses).
:class:`Heun`
    Trapezoid sums with ``R(t,t) = 1``, Heun's predictor-corrector in ``t``: second order, but
    with a large constant at ``h >= 0.05`` (docs/dynamics.md); fixed history only.
:class:`Extrapolated` (the default of :func:`theory.gradient_flow`)
    Richardson extrapolation of :class:`Euler` runs at ``h, h/2, .., h/2**(levels-1)``,
    combined on the coarse grid: error ``O(h**levels)``.  At T = 0 the levels are combined at
    fixed ``m`` where ``m`` is monotone (a coarse run is mainly a delayed fine one), elsewhere
    at fixed ``t`` (:func:`_combine`).  Two levels cost about 1.1 times one Euler run at
    ``h/2`` (the run cost grows as the cube of the number of steps).

:class:`BDF2` (with the :class:`Growing` history; :mod:`numerics.dmft_long`)
    Implicit variable-step BDF2: the discrete DMFT of an implicit integrator of the flow, whose
    step grows as the dynamics slows (long runs; ``dt`` is then the first step).

Histories
---------
:class:`Fixed`
    Every step stored: O(n^2) memory, O(n^3) time for n steps.
:class:`Thinned`
    The last ``window`` steps are kept; further back (counted from the present and from the
    start) the spacing of kept times doubles each time their age doubles (Kim-Latz, Europhys.
    Lett. 53, 660 (2001), applied to the stored history; the step stays ``h``): about
    ``window (1 + log2(n/window))`` stored times, time O(n window^2 log^2(n/window)).  The
    Euler scheme keeps the integrals of the response over the cells of dropped times
    (``RI``, ``RJ``), so the fast decay of ``R`` near every diagonal survives thinning.

The model enters through a :class:`numerics.model.Field`: ``Q = xi`` in the memory kernels and
``g'(m)`` in the signal terms (docs/your_model.md); the jets are evaluated on arrays by Horner's rule.
BLAS is pinned to one thread inside (threadpoolctl).

References
----------
arXiv:1907.08226 (section 4); arXiv:1812.09066 (Langevin); docs/dynamics.md.
"""

from __future__ import annotations

from numerics.dynamics.end_states import _field_of, _largest_root, aging_state, crossing_time, nishimori_state, success_state  # noqa: F401
from numerics.dynamics.extrapolated import (MAX_PACE_MISMATCH, Extrapolated, _along_m, _combine,  # noqa: F401
                                            _cubic, _monotone_end, _richardson, _stencil)
from numerics.dynamics.history import COST_FIXED, COST_THINNED, Fixed, Growing, Thinned, kept, store_size
from numerics.dynamics.integrate import VALIDATED, integrate
from numerics.dynamics.jets import _Dense, _Model  # noqa: F401  (the jets; importable here)
from numerics.dynamics.loop import Run
from numerics.dynamics.plan import RunPlan, memory_limit  # noqa: F401
from numerics.dynamics.stepper import BDF2, Euler, Heun, n_steps_of  # noqa: F401
from numerics.dynamics.store import _Store  # noqa: F401

__all__ = ["BDF2", "COST_FIXED", "COST_THINNED", "Euler", "Extrapolated", "Fixed", "Growing", "Heun", "Run",
           "RunPlan", "Thinned", "VALIDATED", "aging_state", "cost", "crossing_time", "footprint", "integrate", "kept",
           "nishimori_state", "store_size", "success_state", "total_steps"]


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
