"""Steppers of the DMFT equations: how a run goes from one stored row to the next.

:class:`Euler`
    Rectangle sums (:class:`numerics.dynamics.quadrature.Rectangle`) with ``R(t,t) = 0`` and
    ``R(t+h,t) = 1``: the equations of the discrete-time projected gradient descent of step
    ``h``.  First order in ``h`` with a small, very regular error (its expansion in powers of
    ``h`` is what :class:`numerics.dynamics.extrapolated.Extrapolated` uses).
:class:`Heun`
    Trapezoid sums with ``R(t,t) = 1``, Heun's predictor-corrector in ``t``: second order, but
    with a large constant at ``h >= 0.05`` (docs/dynamics.md); fixed history only.
:class:`BDF2`
    Implicit variable-step BDF2 (:mod:`numerics.dynamics.bdf2`): the discrete DMFT of an
    implicit integrator of the flow, whose step grows as the dynamics slows (long runs; ``dt``
    is then the first step).

The explicit schemes are value objects with the behaviour of one step (:meth:`Euler.advance`);
:meth:`start` binds a scheme to a run (a model, a history, a store) and returns the object the
integration loop (:mod:`numerics.dynamics.integrate`) drives.
"""

from __future__ import annotations

from dataclasses import dataclass

from numerics.dynamics.quadrature import Rectangle, Trapezoid

__all__ = ["BDF2", "Euler", "Heun"]


@dataclass(frozen=True)
class Euler:
    """Rectangle sums, ``R(t,t) = 0``, ``R(t+h,t) = 1``: discrete-time projected descent."""

    name = "euler"
    order = 1
    quadrature = Rectangle()
    #: Evaluations of the derivative per step (for the cost estimate).
    evaluations = 1
    #: Levels of runs at ``h / 2**k`` a run of this scheme integrates (one).
    levels = 1
    implicit = False

    def advance(self, g, M: int, t_next: float, step: int, h: float, d0) -> None:
        """Store the row after row ``M - 1`` of store ``g`` as row ``M``: the Euler step from
        the derivative ``d0 = (dC, dR, dm)`` of row ``M - 1``."""
        dC0, dR0, dm0 = d0
        g.set_row(M, t_next, step, g.C[M - 1, :M] + h * dC0, g.R[M - 1, :M] + h * dR0,
                  g.m[M - 1] + h * dm0)


@dataclass(frozen=True)
class Heun:
    """Trapezoid sums, ``R(t,t) = 1``, predictor-corrector in ``t``."""

    name = "heun"
    order = 2
    quadrature = Trapezoid()
    evaluations = 2
    levels = 1
    implicit = False

    def advance(self, g, M: int, t_next: float, step: int, h: float, d0) -> None:
        """The Euler predictor stored as row ``M``, then the trapezoid corrector in its place."""
        dC0, dR0, dm0 = d0
        c_old = g.C[M - 1, :M].copy()
        r_old = g.R[M - 1, :M].copy()
        m_old = g.m[M - 1]
        g.set_row(M, t_next, step, c_old + h * dC0, r_old + h * dR0, m_old + h * dm0)
        dC1, dR1, dm1, _, _ = g.derivative(M + 1)
        g.set_row(M, t_next, step, c_old + 0.5 * h * (dC0 + dC1[:M]),
                  r_old + 0.5 * h * (dR0 + dR1[:M]), m_old + 0.5 * h * (dm0 + dm1))


@dataclass(frozen=True)
class BDF2:
    """Implicit variable-step BDF2 (backward Euler for the first step): the discrete DMFT."""

    name = "bdf2"
    order = 2
    levels = 1
    implicit = True
