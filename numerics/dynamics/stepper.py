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

import math
from dataclasses import dataclass

import numpy as np

from numerics.dynamics import bdf2 as _b
from numerics.dynamics.history import Growing
from numerics.dynamics.loop import Run, loop
from numerics.dynamics.quadrature import Rectangle, Trapezoid
from numerics.dynamics.store import _Store

__all__ = ["BDF2", "Euler", "Explicit", "Heun", "ImplicitBDF2", "n_steps_of"]


def n_steps_of(t_max: float, dt: float) -> int:
    """Number of steps of size ``dt`` to reach ``t_max``."""
    return max(1, int(math.ceil(t_max / dt - 1e-9)))


class _Scheme:
    """What every single-level scheme does: bind itself to a run and drive it by the loop."""

    def integrate(self, model, m0: float, t_max: float, dt: float, temperature: float, history,
                  keep_history: bool = False, progress=None, stop=None, **options) -> Run:
        """One run of this scheme (:func:`numerics.dynamics.loop.loop`)."""
        return loop(self.bind(model, m0, t_max, dt, temperature, history, **options),
                    keep_history, progress, stop)

    def bind(self, model, m0, t_max, dt, temperature, history, **options):
        """The stepper of one run (:class:`Explicit`)."""
        return Explicit(self, model, m0, t_max, dt, temperature, history)


@dataclass(frozen=True)
class Euler(_Scheme):
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
class Heun(_Scheme):
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
class BDF2(_Scheme):
    """Implicit variable-step BDF2 (backward Euler for the first step): the discrete DMFT."""

    name = "bdf2"
    order = 2
    levels = 1
    implicit = True

    def bind(self, model, m0, t_max, dt, temperature, history, **options):
        """The stepper of one run (:class:`ImplicitBDF2`); ``dt`` is the first step tried."""
        return ImplicitBDF2(model, m0, t_max, dt, temperature, history, **options)


class Explicit:
    """An explicit scheme bound to one run: its store, its output rows and its step count.

    ``n_steps`` steps of ``dt`` (the time of step ``n`` is ``n dt``, not a running sum); each
    step is the scheme's :meth:`Euler.advance`, then the history's compaction and the
    derivative of the new row (which the next step uses).
    """

    def __init__(self, scheme, model, m0: float, t_max: float, dt: float, temperature: float,
                 history):
        self.scheme = scheme
        self.history = history
        self.dt = dt
        self.h = float(dt)
        self.n_steps = n_steps_of(t_max, dt)
        self.store = _Store(history.capacity(self.n_steps), model, temperature, m0, self.h,
                            scheme.quadrature.on(history))
        self.out = np.empty((5, self.n_steps + 1))
        self.out[:, 0] = 0.0, m0, math.nan, math.nan, 1.0  # mu, e unknown if interrupted at once
        self.steps = 0
        self.stored_max = 1
        self.reported = 0
        self.d = None

    def start(self) -> None:
        self.d = self.store.derivative(1)
        self.out[2:4, 0] = self.d[3], self.d[4]

    def done(self) -> bool:
        return self.steps >= self.n_steps

    def advance(self) -> bool:
        g = self.store
        n = self.steps
        M = g.M
        t_next = (n + 1) * self.h
        self.scheme.advance(g, M, t_next, n + 1, self.h, self.d[:3])
        g.M = M + 1
        self.stored_max = max(self.stored_max, g.M)
        self.history.compact(g, n + 1)
        self.d = d = g.derivative(g.M)
        self.out[:, n + 1] = t_next, g.m[g.M - 1], d[3], d[4], g.C[g.M - 1, g.M - 2]
        self.steps = n + 1
        return True

    def last_m(self) -> float:
        return self.out[1, self.steps]

    def report(self, progress) -> None:
        if self.steps % 100 == 0:
            progress.update(100)
            self.reported += 100

    def report_rest(self, progress) -> None:
        progress.update(self.steps - self.reported)

    def diverged(self) -> str:
        return (f"the integration diverged at t = {self.out[0, self.steps]:g} (dt={self.dt}); "
                f"use a smaller dt")

    def after(self) -> None:
        """Nothing: the explicit step is fixed and compaction is part of the step."""

    def result(self, interrupted: bool, stopped: bool, keep_history: bool, seconds: float) -> Run:
        k = self.steps + 1
        g = self.store
        M = g.M
        out = self.out
        keep = keep_history and not interrupted  # an interrupted compaction may be half done
        return Run(
            t=out[0, :k].copy(), m=out[1, :k].copy(), mu=out[2, :k].copy(), energy=out[3, :k].copy(),
            c_lag=out[4, :k].copy(),
            grid=g.ts[:M].copy() if keep else None,
            C=g.C[:M, :M].copy() if keep else None,
            R=np.tril(g.R[:M, :M]).copy() if keep else None,
            interrupted=interrupted, steps=self.steps, stored_max=self.stored_max, seconds=seconds,
        )


class ImplicitBDF2:
    """The implicit step-growing scheme bound to one run (:mod:`numerics.dynamics.bdf2`).

    Every step is error-controlled, the first two by step doubling
    (:func:`numerics.dynamics.bdf2._doubling_error`), the later ones by the predictor-corrector
    estimate, so ``h0`` is only the first step tried: one too long for the error control is
    shortened (``advance`` returns False).  A step that flips the sign of ``m`` is refused.
    ``report`` counts time.  Raises ``FloatingPointError`` if the step collapses below
    ``1e-9 h0``; ``result`` a ValueError if ``max_steps`` did not reach ``t_max``.

    At T > 0 the step is at most ``t_step/T`` (default :data:`numerics.dynamics.bdf2.T_STEP`,
    the validated cap) and ``noise`` is the noise term of the step
    (:data:`numerics.dynamics.bdf2.NOISES`; ``"bdf2"``, the validated one): the other values
    exist to measure the bias of the equilibrium against the step
    (bench/bench_langevin_step.py, issue 21 item 1), not for use.
    """

    def __init__(self, model, m0: float, t_max: float, h0: float, temperature: float = 0.0,
                 history: Growing | None = None, h_max: float | None = None,
                 max_steps: int = 1_000_000, solver: str = "newton", noise: str = "bdf2",
                 t_step: float = _b.T_STEP):
        self.md = model
        self.hist_cfg = Growing() if history is None else history
        self.rtol = self.hist_cfg.rtol
        self.T = T = float(temperature)
        if noise not in _b.NOISES:
            raise ValueError(f"noise must be one of {_b.NOISES}, got {noise!r}")
        if not (isinstance(t_step, float) and 0 < t_step <= 1.0):
            raise ValueError(f"t_step must be a float in (0, 1], got {t_step!r}")
        self.noise = noise
        self._noise = {} if noise == "bdf2" else {"noise": noise}  # the default: _step's own
        if T > 0:
            self.h_cap = t_step / T if h_max is None else min(h_max, t_step / T)
        else:
            self.h_cap = math.inf if h_max is None else h_max
        self.t_max = t_max
        self.m0 = m0
        self.max_steps = max_steps
        self.solver = solver
        self.q2 = model.xi_1[2]
        self.st = _b._History(self.hist_cfg.capacity(), m0)
        self.out_t, self.out_m, self.out_mu = [0.0], [m0], [math.nan]
        self.out_e, self.out_c = [float(-model.g(m0))], [1.0]
        self.h = min(float(h0), t_max)
        self.h_floor = 1e-9 * self.h
        self.steps = self.rejected = self.evaluations = 0
        self.h_limit = math.inf
        self.just_rejected = False
        self.stored_max = 1
        self.first_step = math.nan
        self.grow = 1.0
        self.h_done = 0.0

    def start(self) -> None:
        """Nothing to evaluate: the first row is the initial condition."""

    def done(self) -> bool:
        return not (self.out_t[-1] < self.t_max * (1 - 1e-12) and self.steps < self.max_steps)

    def advance(self) -> bool:
        md, T, st, rtol = self.md, self.T, self.st, self.rtol
        t_now = self.out_t[-1]
        h = min(self.h, self.h_cap)
        left = self.t_max - t_now
        if left < 2.0 * h and left > h * (1 + 1e-9):
            # two equal steps to the end rather than one long and one clipped: a last
            # step far shorter than the one before (a small step ratio after a long
            # step) is a row the iteration may not find
            h = 0.5 * left
        h = min(h, left)
        self.h = h
        if h < self.h_floor:
            raise FloatingPointError(f"the step collapsed at t = {t_now:g} "
                                     f"(h = {h:.3g}); the run cannot continue")
        first = self.steps == 0
        try:
            c, r, m_new, A, H, evals = _b._step(md, T, st, h, first, solver=self.solver,
                                                **self._noise)
            self.evaluations += evals
            e_new = _b._energy(md, c, r, m_new, H, A)
            if _b._flipped(m_new, st.m[st.k - 1]):
                est, order = math.inf, 1
            elif self.steps < 2:  # no three rows for the predictor yet: step doubling
                est = _b._doubling_error(md, T, st, h, first, m_new, e_new, float(c[0]),
                                         self.solver, self.noise)
                order = 1 if first else 2
            else:
                # the predictor-corrector estimate (the last three rows are never
                # thinned: keep_recent >= 8)
                k = st.k
                ts = st.t[k - 3:k]
                tn = t_now + h
                pred = (_b._quadratic(ts, np.log(np.abs(st.m[k - 3:k])), tn) - math.log(abs(m_new)),
                        _b._quadratic(ts, np.asarray(self.out_e[-3:]), tn) - e_new,
                        _b._quadratic(ts, st.C[k - 3:k, 0], tn) - c[0])
                est = max(abs(v) for v in pred) * h / (tn - ts[0])
                order = 2
        except _b.NotConverged:
            self.h_limit = 0.8 * h  # the fixed point was lost here: grow back slowly
            self.h = 0.5 * h
            self.rejected += 1
            return False
        if not est <= rtol:  # (nan too)
            shrink = (0.8 * (rtol / est) ** (1 / (order + 1))
                      if math.isfinite(est) and est > 0 else 0.0)
            self.h = h * max(0.2, shrink)
            self.rejected += 1
            self.just_rejected = True
            return False
        grow = 0.9 * (rtol / max(est, 1e-300)) ** (1 / (order + 1))
        if self.just_rejected:
            grow = min(grow, 1.0)
        self.grow = grow
        self.just_rejected = False
        st.append(t_now + h, c, r, m_new, A, h, H)
        k = st.k - 1
        self.stored_max = max(self.stored_max, st.k)
        self.steps += 1
        if first:
            self.first_step = h
        self.out_t.append(t_now + h)
        self.out_m.append(m_new)
        self.out_mu.append((A - 1.0) / H + H * self.q2 / A)
        self.out_e.append(e_new)
        self.out_c.append(float(c[k - 1]))
        return True

    def last_m(self) -> float:
        return self.out_m[-1]

    def report(self, progress) -> None:
        progress.update(self.h)

    def report_rest(self, progress) -> None:
        """Nothing: every accepted step was reported."""

    def diverged(self) -> str:
        return f"the integration diverged at t = {self.out_t[-1]:g} (first step {self.h:g})"

    def after(self) -> None:
        """Thin the history if it is full; the next step from the error estimate."""
        self.hist_cfg.compact(self.st)
        # step ratios of at most 1.25 (BDF2 is zero-stable below 1 + sqrt 2, and
        # smooth step sequences keep its error estimate honest)
        self.h = min(self.h * min(max(self.grow, 0.5), 1.25), self.h_limit)
        self.h_limit *= 1.02

    def result(self, interrupted: bool, stopped: bool, keep_history: bool, seconds: float) -> Run:
        t_max = self.t_max
        if not interrupted and not stopped and self.out_t[-1] < t_max * (1 - 1e-12):
            raise ValueError(f"t_max={t_max:g} needs more than {self.max_steps:,} steps of the "
                             f"step-growing scheme (reached t = {self.out_t[-1]:g}); use a shorter "
                             f"t_max")
        st = self.st
        k = st.k
        keep = keep_history and not interrupted
        m0 = self.m0
        self.out_mu[0] = self.T + m0 * float(self.md.g(m0, 1))  # mu(0): no memory yet
        t, m, mu, e, c = (np.asarray(v, dtype=float)
                          for v in (self.out_t, self.out_m, self.out_mu, self.out_e, self.out_c))
        return Run(t=t, m=m, mu=mu, energy=e, c_lag=c,
                   grid=st.t[:k].copy() if keep else None,
                   C=st.C[:k, :k].copy() if keep else None,
                   R=np.tril(st.R[:k, :k]).copy() if keep else None,
                   interrupted=interrupted, steps=self.steps, stored_max=self.stored_max,
                   seconds=seconds, rejected=self.rejected, first_step=self.first_step,
                   evaluations=self.evaluations)
