"""Long runs of the DMFT equations: implicit steps on a grid whose step grows as the dynamics slows.

The scheme (its equations, the row solve, the step control) is :mod:`numerics.dynamics.bdf2`;
this module keeps the names it always had importable.
"""

from __future__ import annotations

import math
import time

import numpy as np
from threadpoolctl import threadpool_limits

from numerics.dynamics import bdf2 as _b
from numerics.dynamics.bdf2 import COST, T_STEP, NotConverged, _History, _energy, _flipped, _quadratic, cost  # noqa: F401
from numerics.dynamics.history import Growing
from numerics.dynamics.stepper import BDF2

__all__ = ["BDF2", "Growing", "T_STEP", "cost", "integrate_growing", "footprint"]


def footprint(history: Growing) -> float:
    """Bytes the history allocates (two square arrays of ``max_stored + 1`` rows)."""
    return history.bytes()


def integrate_growing(md, m0: float, t_max: float, h0: float, *, temperature: float = 0.0,
                      history: Growing | None = None, keep_history: bool = False, progress=None,
                      stop=None, h_max: float | None = None, max_steps: int = 1_000_000,
                      solver: str = "newton"):
    """Integrate from ``C(0,0) = 1``, ``m(0) = m0`` to ``t_max``, trying ``h0`` first.

    ``md`` is a :class:`numerics.dmft._Model`.  Every step is error-controlled, the first two
    by step doubling (:func:`_doubling_error`), the later ones by the predictor-corrector
    estimate, so ``h0`` is only the first step tried: one too long for the error control is
    shortened.  A step that flips the sign of ``m`` is refused.  Returns the arrays ``(t, m,
    mu, energy, c_lag)``, the final history (or None), ``interrupted``, ``steps``
    (accepted), ``rejected``, ``first_step`` (the first accepted step) and ``stored_max`` as a
    dict.  ``progress`` gets ``update(dt)`` in time units.  Raises ``FloatingPointError`` if
    the step collapses below ``1e-9 h0``.
    """
    hist_cfg = Growing() if history is None else history
    rtol = hist_cfg.rtol
    T = float(temperature)
    if T > 0:
        h_cap = T_STEP / T if h_max is None else min(h_max, T_STEP / T)
    else:
        h_cap = math.inf if h_max is None else h_max
    g = md.g
    _, q1, q2 = md.xi_1
    st = _History(hist_cfg.capacity(), m0)
    out_t, out_m, out_mu, out_e, out_c = [0.0], [m0], [math.nan], [float(-g(m0))], [1.0]
    h = min(float(h0), t_max)
    h_floor = 1e-9 * h
    steps = rejected = evaluations = 0
    h_limit = math.inf
    just_rejected = stopped = False
    stored_max = 1
    first_step = math.nan
    interrupted = False
    start = time.perf_counter()
    with threadpool_limits(limits=1, user_api="blas"):
        try:
            while out_t[-1] < t_max * (1 - 1e-12) and steps < max_steps:
                t_now = out_t[-1]
                h = min(h, h_cap)
                left = t_max - t_now
                if left < 2.0 * h and left > h * (1 + 1e-9):
                    # two equal steps to the end rather than one long and one clipped: a last
                    # step far shorter than the one before (a small step ratio after a long
                    # step) is a row the iteration may not find
                    h = 0.5 * left
                h = min(h, left)
                if h < h_floor:
                    raise FloatingPointError(f"the step collapsed at t = {t_now:g} "
                                             f"(h = {h:.3g}); the run cannot continue")
                first = steps == 0
                try:
                    c, r, m_new, A, H, evals = _b._step(md, T, st, h, first, solver=solver)
                    evaluations += evals
                    e_new = _energy(md, c, r, m_new, H, A)
                    if _flipped(m_new, st.m[st.k - 1]):
                        est, order = math.inf, 1
                    elif steps < 2:  # no three rows for the predictor yet: step doubling
                        est = _b._doubling_error(md, T, st, h, first, m_new, e_new, float(c[0]),
                                              solver)
                        order = 1 if first else 2
                    else:
                        # the predictor-corrector estimate (the last three rows are never
                        # thinned: keep_recent >= 8)
                        k = st.k
                        ts = st.t[k - 3:k]
                        tn = t_now + h
                        pred = (_quadratic(ts, np.log(np.abs(st.m[k - 3:k])), tn) - math.log(abs(m_new)),
                                _quadratic(ts, np.asarray(out_e[-3:]), tn) - e_new,
                                _quadratic(ts, st.C[k - 3:k, 0], tn) - c[0])
                        est = max(abs(v) for v in pred) * h / (tn - ts[0])
                        order = 2
                except NotConverged:
                    h_limit = 0.8 * h  # the fixed point was lost here: grow back slowly
                    h *= 0.5
                    rejected += 1
                    continue
                if not est <= rtol:  # (nan too)
                    shrink = (0.8 * (rtol / est) ** (1 / (order + 1))
                              if math.isfinite(est) and est > 0 else 0.0)
                    h *= max(0.2, shrink)
                    rejected += 1
                    just_rejected = True
                    continue
                grow = 0.9 * (rtol / max(est, 1e-300)) ** (1 / (order + 1))
                if just_rejected:
                    grow = min(grow, 1.0)
                just_rejected = False
                st.append(t_now + h, c, r, m_new, A, h, H)
                k = st.k - 1
                stored_max = max(stored_max, st.k)
                steps += 1
                if first:
                    first_step = h
                out_t.append(t_now + h)
                out_m.append(m_new)
                out_mu.append((A - 1.0) / H + H * q2 / A)
                out_e.append(e_new)
                out_c.append(float(c[k - 1]))
                if progress is not None:
                    progress.update(h)
                if stop is not None and stop(m_new, steps):
                    stopped = True
                    break
                hist_cfg.compact(st)
                # step ratios of at most 1.25 (BDF2 is zero-stable below 1 + sqrt 2, and
                # smooth step sequences keep its error estimate honest)
                h = min(h * min(max(grow, 0.5), 1.25), h_limit)
                h_limit *= 1.02
        except KeyboardInterrupt:
            interrupted = True
    if not interrupted and not stopped and out_t[-1] < t_max * (1 - 1e-12):
        raise ValueError(f"t_max={t_max:g} needs more than {max_steps:,} steps of the step-growing "
                         f"scheme (reached t = {out_t[-1]:g}); use a shorter t_max")
    k = st.k
    keep = keep_history and not interrupted
    out_mu[0] = T + m0 * float(g(m0, 1))  # mu(0): no memory yet
    arrays = [np.asarray(v, dtype=float) for v in (out_t, out_m, out_mu, out_e, out_c)]
    return {"t": arrays[0], "m": arrays[1], "mu": arrays[2], "energy": arrays[3],
            "c_lag": arrays[4], "grid": st.t[:k].copy() if keep else None,
            "C": st.C[:k, :k].copy() if keep else None,
            "R": np.tril(st.R[:k, :k]).copy() if keep else None, "interrupted": interrupted,
            "steps": steps, "rejected": rejected, "first_step": first_step, "stored_max": stored_max,
            "evaluations": evaluations,
            "seconds": time.perf_counter() - start}
