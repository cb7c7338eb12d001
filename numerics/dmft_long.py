"""Long runs of the DMFT equations: implicit steps on a grid whose step grows as the dynamics slows.

The scheme (its equations, the row solve, the step control) is :mod:`numerics.dynamics.bdf2`;
this module keeps the names it always had importable.
"""

from __future__ import annotations

from numerics.dynamics.bdf2 import COST, T_STEP, NotConverged, cost  # noqa: F401
from numerics.dynamics.history import Growing
from numerics.dynamics.jets import jets
from numerics.dynamics.loop import Run
from numerics.dynamics.stepper import BDF2

__all__ = ["BDF2", "Growing", "T_STEP", "cost", "integrate_growing", "footprint"]


def footprint(history: Growing) -> float:
    """Bytes the history allocates (two square arrays of ``max_stored + 1`` rows)."""
    return history.bytes()


def integrate_growing(field, m0: float, t_max: float, h0: float, *, temperature: float = 0.0,
                      history: Growing | None = None, keep_history: bool = False, progress=None,
                      stop=None, h_max: float | None = None, max_steps: int = 1_000_000,
                      solver: str = "newton", **options) -> Run:
    """Integrate from ``C(0,0) = 1``, ``m(0) = m0`` to ``t_max``, trying ``h0`` first.

    ``field`` is a :class:`numerics.model.Field`.  The run of :class:`BDF2` on ``history``
    (default ``Growing()``; :class:`numerics.dynamics.stepper.ImplicitBDF2`): every step is
    error-controlled, so ``h0`` is only the first step tried.  Returns a
    :class:`numerics.dynamics.loop.Run` with ``rejected``, ``first_step`` (the first accepted
    step) and ``evaluations`` filled in.  ``progress`` gets ``update(dt)`` in time units.
    ``options`` (``noise``, ``t_step``) go to the stepper, for measuring the step at T > 0.
    Raises ``FloatingPointError`` if the step collapses below ``1e-9 h0``.
    """
    return BDF2().integrate(jets(field), m0, t_max, h0, temperature, history, keep_history,
                            progress, stop, h_max=h_max, max_steps=max_steps, solver=solver,
                            **options)
