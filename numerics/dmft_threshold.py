"""The gradient-flow (or Langevin) threshold located from the dynamics alone.

Protocol (docs/dynamics.md).  Below the threshold a run started at a tiny overlap reaches the
plateau (marginal states at T = 0, the paramagnet at T > 0) and leaves it at an exponential
rate; the escape time is ``t_esc ~ t_0 + log(1/m0)/lambda``.  The offset ``log(1/m0)`` and the
slow plateau approach spoil power-law fits of ``t_esc``; instead

1. each run starts at ``m0 = 1e-150``, so ``m`` stays in the linear regime for the whole run and
   ``lambda(t) = d log m/dt`` (the m0-dependence of the relaxation time) is measured to ``t_max``;
2. ``lambda(t)`` is extrapolated in time by fitting ``lambda_inf + A t**(-g)``
   (:func:`plateau_rate`);
3. near a BBP-type transition the rate vanishes quadratically, so ``sqrt(lambda_inf)`` is
   extrapolated to zero by a polynomial fit in Delta2 (quadratic from four runs on); the same fit
   in 1/Delta2 gives the model error (:func:`extrapolate`).

The whole protocol lives here, below the API: the step of each run and its refusals
(:func:`task`), one run (:func:`rate_run`), and from the finished runs the estimate with its
error and the first-half check (:func:`estimate`).  :func:`theory.dynamics_threshold` validates
the call, runs the tasks (in parallel or not, with Ctrl-C returning what finished) and packages
the :class:`Estimate`.  Nothing here imports :mod:`theory`; the runs are
:func:`numerics.dmft.integrate` calls on a :class:`numerics.model.Field`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from numerics import dmft
from numerics.dynamics.plan import RunPlan, check_steps

__all__ = ["Estimate", "MIN_RATE_FRACTION", "PLATEAU_STEP", "SCAN_RATES", "estimate", "extrapolate",
           "plateau_rate", "rate_run", "scan", "task"]

#: Runs whose extrapolated rate is below this fraction of the largest are left out of the fit.
MIN_RATE_FRACTION = 0.05
#: Finite-time rates (at the end of a scan run) that pick the default runs.
SCAN_RATES = (0.12, 0.08, 0.05, 0.03)
#: m at which a rate run stops (far below any nonlinearity: the run is linear in m throughout).
LINEAR_LIMIT = 1e-20


#: On the plateau ``mu <= 2 sqrt(Q''(1))``, so an Euler step is stable below
#: ``2/(mu + 2 sqrt(Q''(1))) >= PLATEAU_STEP/sqrt(Q''(1))``.
PLATEAU_STEP = 0.5


def plateau_dt(f, cap: float) -> float:
    """A stable Euler step on the plateau (``mu <= 2 sqrt(Q''(1))``): ``min(cap, 0.4/s)``,
    0.8 of the limit ``PLATEAU_STEP/s``, ``s = sqrt(Q''(1))``."""
    q2 = float(dmft._Model(f).xi_1[2])
    return min(cap, 0.8 * PLATEAU_STEP / math.sqrt(q2))


def rate_run(task) -> tuple[np.ndarray, np.ndarray, bool]:
    """One run of the protocol: ``task = (field, m0, t_max, dt, temperature, history)``.

    Returns ``(t, m, False)`` (``m`` holds inf/nan if an unstable ``dt`` made the run diverge:
    floating-point warnings are silenced here, the caller checks).  Module level, so that a process pool can run it.  A Ctrl-C
    during the run is raised again (the integrator itself returns the steps done), so that
    the sweep over the runs stops as a whole and reports what finished.
    """
    f, m0, t_max, dt, temperature, history = task
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):  # the caller checks m
        run = dmft.integrate(f, m0, t_max, dt, temperature=temperature, scheme=dmft.Euler(),
                             history=history, stop=lambda m, k: m >= LINEAR_LIMIT)
    if run.interrupted:
        raise KeyboardInterrupt
    return run.t, run.m, run.interrupted


def plateau_rate(t: np.ndarray, m: np.ndarray, t_end: float | None = None):
    """Escape rate ``lambda_inf`` of a run in the linear regime, extrapolated in time.

    ``lambda(t) = d log m/dt`` is fitted on ``[t_end/8, t_end]`` by ``lambda_inf + A t**(-g)``
    (the slow approach of the plateau); returns ``(lambda_inf, error)``.
    """
    from scipy.optimize import curve_fit

    linear = np.flatnonzero(m < 1e-30)
    end = t[linear[-1]] if linear.size else t[-1]
    if t_end is not None:
        end = min(end, t_end)
    sel = (t >= end / 8) & (t <= end)
    tt = t[sel]
    if tt.size < 8:
        return math.nan, math.inf
    lam = np.gradient(np.log(m[sel]), tt)
    take = np.unique(np.geomspace(1, tt.size, 400).astype(int) - 1)
    tt, lam = tt[take], lam[take]
    model = lambda x, a, b, g: a + b * (x / end) ** (-g)  # noqa: E731
    try:
        (a, b, g), cov = curve_fit(model, tt, lam, p0=(lam[-1], 0.0, 0.7),
                                   bounds=([-np.inf, -np.inf, 0.1], [np.inf, np.inf, 4.0]))
        err = float(np.sqrt(cov[0, 0])) + abs(a - lam[-1]) * 0.05
    except (RuntimeError, ValueError):
        a, err = lam[-1], abs(lam[-1] - lam[0])
    return float(a), float(err)


def _root(delta2s, y, weights, inverse: bool) -> float:
    """Zero of a polynomial fit of ``y`` in Delta2 (or in 1/Delta2), beyond the runs."""
    x = 1.0 / delta2s if inverse else delta2s
    degree = 2 if x.size >= 4 else 1
    coef = np.polyfit(x, y, degree, w=weights)
    roots = np.roots(coef)
    roots = roots[np.isreal(roots)].real
    with np.errstate(divide="ignore"):
        cand = 1.0 / roots if inverse else roots
    top = delta2s.max()
    cand = cand[(cand > top) & (cand < 2 * top)]
    if cand.size == 0 and degree == 2:  # no zero of the parabola nearby: fall back to a line
        coef = np.polyfit(x, y, 1, w=weights)
        with np.errstate(divide="ignore"):
            cand = np.atleast_1d(1.0 / np.roots(coef).real if inverse else np.roots(coef).real)
        cand = cand[(cand > top) & (cand < 2 * top)]
    if cand.size == 0:
        raise ValueError("the escape rates do not extrapolate to zero above the runs: "
                         "choose delta2s closer to the threshold")
    return float(cand.min())


def extrapolate(delta2s, rates, errors) -> tuple[float, float]:
    """Zero of ``sqrt(lambda_inf)`` in Delta2: the estimate and its error bar.

    ``sqrt(lambda_inf)`` is fitted by a polynomial (quadratic from four runs on, else linear)
    in Delta2 and, as a model check, in 1/Delta2; the estimate is the first, the error adds
    the spread of the two and the propagated rate errors in quadrature.  Runs whose rate is a
    few percent of the largest have not reached their plateau rate: they are dropped while
    three remain.
    """
    x = np.asarray(delta2s, dtype=float)
    lam = np.asarray(rates, dtype=float)
    err = np.asarray(errors, dtype=float)
    ok = np.isfinite(lam) & (lam > 0)
    x, lam, err = x[ok], lam[ok], err[ok]
    slow = lam < MIN_RATE_FRACTION * lam.max(initial=0.0)
    if slow.any() and (~slow).sum() >= 3:
        x, lam, err = x[~slow], lam[~slow], err[~slow]
    if x.size < 2:
        raise ValueError("fewer than two runs with a positive escape rate: choose smaller delta2s")
    y = np.sqrt(lam)
    sy = err / (2 * y) + 1e-12
    value = _root(x, y, 1 / sy, inverse=False)
    model = abs(_root(x, y, 1 / sy, inverse=True) - value)
    jac = []
    for i in range(x.size):
        yy = y.copy()
        yy[i] += sy[i]
        jac.append(_root(x, yy, 1 / sy, inverse=False) - value)
    stat = float(np.sqrt(np.sum(np.square(jac))))
    return value, float(np.hypot(stat, model))


def scan(field_at, temperature: float, cap: float, t_scan: float = 200.0, start: float = 1.0,
         step: float = 0.05) -> tuple:
    """Cheap scan down from ``Delta2 = start`` with runs to ``t_scan``: the default runs.

    ``field_at(delta2)`` is the field at that matrix variance.  Finite-time rates overshoot a
    lot (at p = 3, Deltap = 1 the rate at t = 200 turns positive near Delta2 = 0.75, against a
    threshold of 0.5), so the runs are placed where the finite-time rate equals
    :data:`SCAN_RATES` (interpolating Delta2 linearly in ``log(rate)``), well inside the
    escaping side.
    """
    xs, rates = [], []
    for d in np.arange(start, 0.0, -step):
        f = field_at(float(d))
        t, m, _ = rate_run((f, 1e-150, t_scan, plateau_dt(f, cap), temperature, dmft.Fixed()))
        k = max(1, t.size // 10)
        xs.append(float(d))
        rates.append(float(np.log(m[-1] / m[-k]) / (t[-1] - t[-k])))
        if rates[-1] > max(SCAN_RATES):
            break
    else:
        raise ValueError(f"no Delta2 in (0, {start}] with a fast enough escape")
    x, rate = np.asarray(xs[::-1]), np.asarray(rates[::-1])
    pos = rate > 0
    x, rate = x[pos], rate[pos]
    if x.size < 2:
        raise ValueError("the escape-rate scan found too few points")
    order = np.argsort(rate)
    return tuple(float(np.interp(np.log(r), np.log(rate[order]), x[order])) for r in SCAN_RATES)


def task(f, delta2: float, m0: float, t_max: float, dt: float, given: bool, temperature: float,
         history, runs: int = 1) -> tuple:
    """The run of the protocol at ``delta2`` (field ``f``), as a task for :func:`rate_run`.

    The step is ``dt`` if ``given`` (refused beyond the Euler stability limit on the plateau,
    ``PLATEAU_STEP/sqrt(Q''(1))``), else :func:`plateau_dt` with ``dt`` as its cap (refused for
    too many steps); then the memory of ``runs`` runs at once is checked
    (:meth:`RunPlan.check_footprint`).  Every refusal is a ValueError naming ``delta2s`` and dt.
    """
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        h = dt if given else plateau_dt(f, dt)
    if not given:
        check_steps(t_max, h, what="dynamics_threshold",
                    default=f"min(0.2, 0.4/sqrt(Q''(1))) at delta2s={delta2:g}")
    else:
        # the runs sit on the plateau (mu <= 2 sqrt(Q''(1))): the Euler step is stable below
        # 2/(mu + 2 sqrt(Q''(1))) >= 0.5/sqrt(Q''(1)) (the default is 0.4/sqrt(Q''(1)))
        with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
            stable = float(PLATEAU_STEP / math.sqrt(dmft._Model(f).xi_1[2]))
        if not h <= stable:
            raise ValueError(f"dynamics_threshold: dt={h:g} is beyond the stability limit of the "
                             f"Euler runs on the plateau at delta2s={delta2:g}: the largest safe step "
                             f"is 0.5/sqrt(Q''(1)) = {stable:.4g} (dt=None gives 0.8 of it)")
    RunPlan(dmft.Euler(), history, h, t_max).check_footprint(what="dynamics_threshold", runs=runs)
    return (f, m0, t_max, h, temperature, history)


@dataclass(frozen=True)
class Estimate:
    """What the protocol concludes from its finished runs (:func:`estimate`)."""

    value: float
    error: float
    delta2s: tuple  #: the Delta2 of the runs kept in the fit
    rates: tuple
    rate_errors: tuple
    half_time_value: float | None
    interrupted: bool
    runs: tuple  #: the (t, m) of the runs kept


def estimate(delta2s, tasks, results, t_max: float, interrupted: bool) -> Estimate:
    """The threshold from the runs: ``results[i]`` is :func:`rate_run` of ``tasks[i]`` (None if
    it did not finish; ``interrupted``: the sweep was stopped).

    A run that diverged is a ValueError naming its Delta2 and step; a run too short for the
    time fit is left out; ``sqrt(lambda_inf)`` is extrapolated to zero (:func:`extrapolate`;
    with too few finished runs after an interruption the value and error are nan), and the
    same on the first half of every run gives ``half_time_value`` (None if it does not
    extrapolate).
    """
    done = [(d, r) for d, r in zip(delta2s, results) if r is not None and not r[2]]
    interrupted = interrupted or len(done) < len(delta2s)
    for d, (t, m, _) in done:
        if not np.all(np.isfinite(m)):
            h = next(task[3] for task, x in zip(tasks, delta2s) if x == d)
            raise ValueError(f"dynamics_threshold: the run at delta2s={d:g} diverged (overflow to "
                             f"inf/nan): dt={h:g} is beyond the stability limit of the Euler "
                             f"scheme; use a smaller dt (or dt=None)")
    fits = [plateau_rate(t, m) for _, (t, m, _) in done]
    # a run too short for the time fit (nan rate) carries no information: left out
    kept = [i for i, (r, e) in enumerate(fits) if math.isfinite(r) and math.isfinite(e)]
    done, fits = [done[i] for i in kept], [fits[i] for i in kept]
    xs = tuple(d for d, _ in done)
    rates = tuple(r for r, _ in fits)
    errors = tuple(e for _, e in fits)
    try:
        value, error = extrapolate(xs, rates, errors)
    except ValueError:
        if not interrupted:
            raise
        value, error = math.nan, math.nan
    try:
        half = [plateau_rate(t, m, t_end=0.5 * t_max) for _, (t, m, _) in done]
        half_value, _ = extrapolate(xs, *zip(*half))
        half_value = float(half_value) if math.isfinite(half_value) else None
    except (ValueError, TypeError):
        half_value = None
    return Estimate(value=float(value), error=float(error), delta2s=xs, rates=rates,
                    rate_errors=errors, half_time_value=half_value, interrupted=interrupted,
                    runs=tuple((t, m) for _, (t, m, _) in done))
