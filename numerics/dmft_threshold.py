"""The gradient-flow (or Langevin) threshold located from the dynamics alone.

Protocol (docs/dynamics.md).  Below the threshold a run started at a tiny overlap reaches the
plateau (marginal states at T = 0, the paramagnet at T > 0) and leaves it at an exponential
rate; the escape time is ``t_esc ~ t_0 + log(1/m0)/lambda``.  The offset ``log(1/m0)`` and the
slow plateau approach spoil power-law fits of ``t_esc``; instead

1. each run starts at ``m0 = 1e-150``, so ``m`` stays in the linear regime for the whole run and
   ``lambda(t) = d log m/dt`` (the m0-dependence of the relaxation time) is measured to ``t_max``
   on the Euler scheme;
2. ``lambda(t)`` is extrapolated in time by fitting ``lambda_inf + A t**(-g)``
   (:func:`plateau_fit`), and taken from the Euler map of step ``h`` to the flow,
   ``expm1(h lambda)/h`` (:func:`flow_rate`);
3. the rate is the gap of a BBP outlier of the plateau states, so ``sqrt(lambda/Delta2)``
   is nearly linear in ``1/Delta2`` and is extrapolated to zero by a polynomial fit in
   ``1/Delta2`` (quadratic from four runs on: :func:`fit`); the error bar adds the fit errors
   of the rates, their correlated time-extrapolation error and the move of the zero without the
   farthest run (:func:`extrapolate`), and what the estimate still moves with ``t_max``
   (its drift from the first halves of the runs: :func:`estimate`);
4. each run also reads the change of its aging correlation ``C(2 tw, tw)`` over its last
   octave off its stored history, and the estimate says whether every run's plateau has
   stopped drifting (``|change| < DRIFT_TOL``, issue 21 item 2; ``Estimate.plateau_settled``).
   At T = 1 the runs of the defaults have not (docs/dynamics.md), nor at T = 0 (where the
   multiplier, which sets the rate, converges faster than the aging correlation).

Measured at p = 3, Deltap = 1 (bench/bench_dmft_threshold.py): the former fit
(``sqrt(lambda)`` quadratic in Delta2, model error from the same fit in 1/Delta2) put the
zero 0.39% high even on the exact BBP rates of the default runs (the +0.37% of the default
estimate), and its error bar (0.41%) was the time-extrapolation error of each rate
(5% of its extrapolation) taken as independent between the runs and amplified by the
quadratic extrapolation.

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
from numerics.dynamics.end_states import plateau_settled
from numerics.dynamics.plan import RunPlan, check_steps

__all__ = ["DRIFT_TOL", "Estimate", "Fit", "MIN_RATE_FRACTION", "PLATEAU_STEP", "SCAN_RATES", "TIME_FRACTION",
           "estimate", "extrapolate", "fit", "flow_rate", "plateau_fit", "plateau_rate", "rate_run",
           "scan", "task"]

#: A run's plateau has settled when ``C(2 tw, tw)`` moves by less than this over its last octave
#: of ``tw`` (:func:`numerics.dynamics.end_states.plateau_settled`, issue 21 item 2).
DRIFT_TOL = 2e-3
#: Runs whose extrapolated rate is below this fraction of the largest are left out of the fit.
MIN_RATE_FRACTION = 0.05
#: Finite-time rates (at the end of a scan run) that pick the default runs.
SCAN_RATES = (0.12, 0.08, 0.05, 0.03)
#: The time-extrapolation error of a rate, as a fraction of its extrapolation (:func:`plateau_fit`).
TIME_FRACTION = 0.05
#: The rest of the way of an estimate converging as ``t**(-1/2)``, in units of its move from
#: ``t_max/2`` to ``t_max``: ``2**(1/2) - 1``.
DRIFT_DIVISOR = math.sqrt(2.0) - 1.0
#: m at which a rate run stops (far below any nonlinearity: the run is linear in m throughout).
LINEAR_LIMIT = 1e-20


#: Why the rate runs are not on the step-growing scheme (issue 21: a bdf2 run from m0 = 1e-150
#: did not finish in 10 minutes).  Measured (bench/bench_dmft_threshold.py --bdf2): at Delta2 =
#: 0.37 the step stays at h lambda ~ 0.02-0.1 (0.2-1.1) for the whole run, refused and halved
#: about every 20 steps, and the store grows by a row a step: 1380 steps (60 s of CPU) reach
#: t = 566 of the ~3000 the run needs, each step costing ~9 evaluations over all the stored rows.
NO_BDF2 = ("a rate run cannot use the step-growing scheme (scheme='bdf2'): in the linear regime m grows "
           "as exp(lambda t), and its error control on log m keeps the step at h lambda ~ 0.02-0.1 "
           "(resolving the growth to rtol), so the step never grows while every implicit step costs "
           "about ten evaluations over all stored rows (a run to m = 1e-20 from 1e-150 takes ~30 lambda "
           "t_max steps and hours at lambda ~ 0.1); the protocol's runs are Euler on the thinned history")

#: On the plateau ``mu <= 2 sqrt(Q''(1))``, so an Euler step is stable below
#: ``2/(mu + 2 sqrt(Q''(1))) >= PLATEAU_STEP/sqrt(Q''(1))``.
PLATEAU_STEP = 0.5


def plateau_dt(f, cap: float) -> float:
    """A stable Euler step on the plateau (``mu <= 2 sqrt(Q''(1))``): ``min(cap, 0.4/s)``,
    0.8 of the limit ``PLATEAU_STEP/s``, ``s = sqrt(Q''(1))``."""
    q2 = float(dmft._Model(f).xi_1[2])
    return min(cap, 0.8 * PLATEAU_STEP / math.sqrt(q2))


#: A fixed-history run keeps its stored ``C`` for the plateau drift only up to this many steps
#: (the copy of a fixed history of n steps is ``8 n**2`` bytes; the thinned one is small).
DRIFT_FIXED_STEPS = 2500


def rate_run(task) -> tuple[np.ndarray, np.ndarray, bool, float]:
    """One run of the protocol: ``task = (field, m0, t_max, dt, temperature, history)``.

    Returns ``(t, m, False, drift)`` (``m`` holds inf/nan if an unstable ``dt`` made the run
    diverge: floating-point warnings are silenced here, the caller checks); ``drift`` is the
    change of the aging correlation ``C(2 tw, tw)`` over the last octave of the run
    (:func:`numerics.dynamics.end_states.plateau_settled`), nan for a run shorter than
    ``t = 40`` or on a fixed history of more than :data:`DRIFT_FIXED_STEPS` steps.  Module
    level, so that a process pool can run it.  A Ctrl-C during the run is raised again (the
    integrator itself returns the steps done), so that the sweep over the runs stops as a
    whole and reports what finished.
    """
    f, m0, t_max, dt, temperature, history = task
    if isinstance(history, dmft.Growing):
        raise ValueError(NO_BDF2)
    keep = history.thins or t_max / dt <= DRIFT_FIXED_STEPS
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):  # the caller checks m
        run = dmft.integrate(f, m0, t_max, dt, temperature=temperature, scheme=dmft.Euler(),
                             history=history, keep_history=keep,
                             stop=lambda m, k: m >= LINEAR_LIMIT)
    if run.interrupted:
        raise KeyboardInterrupt
    return run.t, run.m, run.interrupted, _drift(run)


def _drift(run) -> float:
    """``plateau_settled``'s change of ``C(2 tw, tw)`` over the last octave; nan if not measured."""
    if run.C is None or not run.t.size or run.t[-1] < 40 or not np.all(np.isfinite(run.C)):
        return math.nan
    return plateau_settled(run.grid, run.C, DRIFT_TOL)[1]


def plateau_fit(t: np.ndarray, m: np.ndarray, t_end: float | None = None) -> tuple[float, float, float]:
    """Escape rate ``lambda_inf`` of a run in the linear regime, extrapolated in time, with
    its two errors: ``(lambda_inf, stat, shift)``.

    ``lambda(t) = d log m/dt`` is fitted on ``[t_end/8, t_end]`` by ``lambda_inf + A t**(-g)``
    (the slow approach of the plateau).  ``stat`` is the fit's own standard error;
    ``shift`` the time-extrapolation error, :data:`TIME_FRACTION` of the extrapolation
    ``lambda_inf - lambda(t_end)``, signed as that extrapolation: one power law under-extrapolates
    (at p = 3, Deltap = 1 every run's ``lambda_inf`` from t = 2000 lies 0.3-0.8% above the BBP
    rate, and the same sign at every t_max), so the shifts of the runs are one correlated error
    (:func:`extrapolate`), not independent ones.  A run too short for the fit: ``(nan, inf, 0)``.
    """
    from scipy.optimize import curve_fit

    linear = np.flatnonzero(m < 1e-30)
    end = t[linear[-1]] if linear.size else t[-1]
    if t_end is not None:
        end = min(end, t_end)
    sel = (t >= end / 8) & (t <= end)
    tt = t[sel]
    if tt.size < 8:
        return math.nan, math.inf, 0.0
    lam = np.gradient(np.log(m[sel]), tt)
    take = np.unique(np.geomspace(1, tt.size, 400).astype(int) - 1)
    tt, lam = tt[take], lam[take]
    model = lambda x, a, b, g: a + b * (x / end) ** (-g)  # noqa: E731
    try:
        (a, b, g), cov = curve_fit(model, tt, lam, p0=(lam[-1], 0.0, 0.7),
                                   bounds=([-np.inf, -np.inf, 0.1], [np.inf, np.inf, 4.0]))
        return float(a), float(np.sqrt(cov[0, 0])), float(TIME_FRACTION * (a - lam[-1]))
    except (RuntimeError, ValueError):
        return float(lam[-1]), float(abs(lam[-1] - lam[0])), 0.0


def plateau_rate(t: np.ndarray, m: np.ndarray, t_end: float | None = None):
    """Escape rate ``lambda_inf`` of a run in the linear regime, extrapolated in time:
    ``(lambda_inf, error)``, the error ``stat + |shift|`` of :func:`plateau_fit`."""
    a, stat, shift = plateau_fit(t, m, t_end)
    return a, stat + abs(shift)


def flow_rate(rate: float, h: float) -> tuple[float, float]:
    """The rate of the flow from the rate of its Euler map of step ``h``: ``(expm1(h rate)/h,
    d/d rate)``.

    On the plateau the Euler step multiplies the escaping direction by ``1 + h lambda`` (the
    discrete-time descent of step ``h`` on the marginal states, whose Hessian outlier is
    ``-lambda``), so a run measures ``log(1 + h lambda)/h``, ``lambda (1 - h lambda/2)``: 1%
    low at ``lambda = 0.1``, ``h = 0.2``.  The zero does not move, but the curvature of
    ``sqrt(lambda)`` in Delta2 does (0.2% of the estimate at p = 3, Deltap = 1).  Measured:
    the corrected ``lambda_inf`` of runs to t = 4000 are within 0.2% of the BBP rates.
    """
    return math.expm1(h * rate) / h, math.exp(h * rate)


@dataclass(frozen=True)
class Fit:
    """The fit behind an estimate (:func:`fit`): ``sqrt(lambda_inf/Delta2)`` as a polynomial in
    ``1/Delta2`` of ``degree`` over the runs ``kept`` (indices into the runs given), and its
    zero ``value`` above them."""

    value: float
    coefficients: tuple  #: of the polynomial in 1/Delta2 (highest power first)
    degree: int
    kept: tuple

    def __call__(self, delta2):
        """``sqrt(lambda_inf)`` of the fit at ``delta2`` (the curve of the figure)."""
        d = np.asarray(delta2, dtype=float)
        return np.sqrt(d) * np.polyval(self.coefficients, 1.0 / d)


def _kept(delta2s, rates, errors):
    """Indices of the runs the fit uses: positive finite rates, less those below
    :data:`MIN_RATE_FRACTION` of the largest while three remain."""
    lam = np.asarray(rates, dtype=float)
    err = np.asarray(errors, dtype=float)
    ok = np.isfinite(lam) & (lam > 0) & np.isfinite(err)
    idx = np.flatnonzero(ok)
    slow = lam[idx] < MIN_RATE_FRACTION * lam[idx].max(initial=0.0)
    if slow.any() and (~slow).sum() >= 3:
        idx = idx[~slow]
    return idx


def _zero(x, lam, weights, degree: int, variable: str = "bbp"):
    """``(zero, coefficients)``: the zero above the runs ``x`` of a weighted polynomial fit of
    ``degree`` -- ``variable="bbp"``: of ``sqrt(lam/x)`` in ``1/x``; ``"plain"``: of
    ``sqrt(lam)`` in ``x`` (the model check of two runs).  A parabola with no zero in
    ``(top, 2 top)`` falls back to a line; none at all is a ValueError."""
    top = x.max()
    bbp = variable == "bbp"
    u, y = (1.0 / x, np.sqrt(lam / x)) if bbp else (x, np.sqrt(lam))
    for deg in (degree, 1) if degree > 1 else (degree,):
        coef = np.polyfit(u, y, deg, w=weights)
        roots = np.roots(coef)
        roots = roots[np.isreal(roots)].real
        with np.errstate(divide="ignore"):
            cand = 1.0 / roots if bbp else roots
        cand = cand[(cand > top) & (cand < 2 * top)]
        if cand.size:
            return float(cand.min()), coef
    raise ValueError("the escape rates do not extrapolate to zero above the runs: "
                     "choose delta2s closer to the threshold")


def fit(delta2s, rates, errors) -> Fit:
    """The zero in Delta2 of the plateau escape rates: the fit of the estimate.

    The rate vanishes at a BBP transition of the plateau states: it is the gap of their
    Hessian outlier, ``(theta - s)^2/theta`` with ``theta = 1/Delta2`` the strength of the
    spike and ``s^2 = Q''(1)`` affine in ``theta`` (tests/theory/test_dynamics.py checks the
    runs against it), so ``sqrt(lambda theta) = theta - s`` is nearly linear in ``theta``.
    The fit is a polynomial of ``sqrt(lambda/Delta2)`` in ``1/Delta2`` (quadratic from four
    runs on, else linear), weighted by ``errors``.  With the BBP rates at the default runs of
    p = 3, 4 and Deltap = 0.5..2 its zero is within 0.03% of the threshold, where the former
    fit (``sqrt(lambda)`` quadratic in Delta2) was 0.13-0.77% high.
    """
    x = np.asarray(delta2s, dtype=float)
    lam = np.asarray(rates, dtype=float)
    err = np.asarray(errors, dtype=float)
    idx = _kept(x, lam, err)
    if idx.size < 2:
        raise ValueError("fewer than two runs with a positive escape rate: choose smaller delta2s")
    x, lam, err = x[idx], lam[idx], err[idx]
    degree = 2 if x.size >= 4 else 1
    weights = 1.0 / (err / (2.0 * np.sqrt(lam * x)) + 1e-12)
    value, coef = _zero(x, lam, weights, degree)
    return Fit(value=value, coefficients=tuple(float(c) for c in coef), degree=len(coef) - 1,
               kept=tuple(int(i) for i in idx))


def extrapolate(delta2s, rates, errors, shifts=None, parts: bool = False):
    """Zero of the escape rates in Delta2 (:func:`fit`): ``(estimate, error)``.

    The error adds in quadrature

    * ``stat``: the independent errors of the rates (``errors`` less ``|shifts|``), each
      propagated through the fit;
    * ``time``: the correlated time-extrapolation error, the move of the zero when every rate
      moves by its ``shift`` at once (:func:`plateau_fit`; none without ``shifts``);
    * ``model``: the move of the zero when the run farthest from it is left out (the same fit,
      of one degree less below four runs); with two runs, the zero of ``sqrt(lambda)`` linear
      in Delta2.

    Runs whose rate is a few percent of the largest have not reached their plateau rate:
    they are dropped while three remain.  ``parts=True`` returns ``(estimate, error, (stat,
    time, model))``.
    """
    x = np.asarray(delta2s, dtype=float)
    lam = np.asarray(rates, dtype=float)
    err = np.asarray(errors, dtype=float)
    f = fit(x, lam, err)
    idx = np.asarray(f.kept)
    x, lam, err = x[idx], lam[idx], err[idx]
    shift = np.zeros_like(lam) if shifts is None else np.asarray(shifts, dtype=float)[idx]
    weights = 1.0 / (err / (2.0 * np.sqrt(lam * x)) + 1e-12)
    value = f.value

    def move(new_lam):
        return _zero(x, np.clip(new_lam, 1e-300, None), weights, f.degree)[0] - value

    independent = np.maximum(err - np.abs(shift), 0.0)
    stat = math.sqrt(sum(move(lam + independent[i] * (np.arange(x.size) == i)) ** 2
                         for i in range(x.size)))
    time = abs(move(lam + shift)) if np.any(shift) else 0.0
    if x.size >= 3:
        near = np.argsort(x)[1:]  # the farthest run from the zero is the smallest Delta2
        check = _zero(x[near], lam[near], weights[near], f.degree if near.size > f.degree else 1)[0]
    else:
        check = _zero(x, lam, 1.0 / (err / (2.0 * np.sqrt(lam)) + 1e-12), 1, variable="plain")[0]
    model = abs(check - value)
    error = float(math.sqrt(stat**2 + time**2 + model**2))
    if parts:
        return value, error, (float(stat), float(time), float(model))
    return value, error


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
        t, m, *_ = rate_run((f, 1e-150, t_scan, plateau_dt(f, cap), temperature, dmft.Fixed()))
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
    rates: tuple  #: the flow rates (:func:`flow_rate`) of those runs
    rate_errors: tuple
    half_time_value: float | None
    interrupted: bool
    runs: tuple  #: the (t, m) of the runs kept
    error_parts: tuple = ()  #: (stat, time, model) of :func:`extrapolate`, then the drift (if any)
    #: the change of ``C(2 tw, tw)`` over the last octave of each run kept (nan: not measured)
    plateau_drifts: tuple = ()
    #: every run kept moved by less than :data:`DRIFT_TOL` (None: no drift measured)
    plateau_settled: bool | None = None


def _rates(done, steps, t_end=None):
    """``(rates, errors, shifts)`` of the finished runs: :func:`plateau_fit`, each taken to
    the flow rate of its Euler step (:func:`flow_rate`)."""
    rates, errors, shifts = [], [], []
    for (_, (t, m, *_)), h in zip(done, steps):
        a, stat, shift = plateau_fit(t, m, t_end)
        if math.isfinite(a):
            a, slope = flow_rate(a, h)
            stat, shift = stat * slope, shift * slope
        rates.append(a)
        errors.append(stat + abs(shift))
        shifts.append(shift)
    return rates, errors, shifts


def estimate(delta2s, tasks, results, t_max: float, interrupted: bool) -> Estimate:
    """The threshold from the runs: ``results[i]`` is :func:`rate_run` of ``tasks[i]`` (None if
    it did not finish; ``interrupted``: the sweep was stopped).

    A run that diverged is a ValueError naming its Delta2 and step; a run too short for the
    time fit is left out; each run's ``lambda_inf`` (:func:`plateau_fit`) is taken to the rate
    of the flow (:func:`flow_rate`) and the rates are extrapolated to zero
    (:func:`extrapolate`; with too few finished runs after an interruption the value and
    error are nan), and the same on the first half of every run gives ``half_time_value``
    (None if it does not extrapolate).  The error adds the drift, ``|value - half_time_value|
    / (sqrt 2 - 1)``: the rest of the way of an estimate that converges as ``t**(-1/2)``.
    A result with a fourth entry (:func:`rate_run`) carries the drift of its plateau:
    ``plateau_settled`` is False if a run kept moved by ``DRIFT_TOL`` or more, True if all
    were measured and moved less, None otherwise.
    """
    steps = {x: task[3] for task, x in zip(tasks, delta2s)}
    done = [(d, r) for d, r in zip(delta2s, results) if r is not None and not r[2]]
    interrupted = interrupted or len(done) < len(delta2s)
    for d, (t, m, *_) in done:
        if not np.all(np.isfinite(m)):
            raise ValueError(f"dynamics_threshold: the run at delta2s={d:g} diverged (overflow to "
                             f"inf/nan): dt={steps[d]:g} is beyond the stability limit of the Euler "
                             f"scheme; use a smaller dt (or dt=None)")
    rates, errors, shifts = _rates(done, [steps[d] for d, _ in done])
    # a run too short for the time fit (nan rate) carries no information: left out
    kept = [i for i, (r, e) in enumerate(zip(rates, errors)) if math.isfinite(r) and math.isfinite(e)]
    done = [done[i] for i in kept]
    rates, errors, shifts = ([v[i] for i in kept] for v in (rates, errors, shifts))
    xs = tuple(d for d, _ in done)
    parts = ()
    try:
        value, error, parts = extrapolate(xs, rates, errors, shifts, parts=True)
    except ValueError:
        if not interrupted:
            raise
        value, error = math.nan, math.nan
    try:
        half = _rates(done, [steps[d] for d, _ in done], t_end=0.5 * t_max)
        half_value, _ = extrapolate(xs, *half)
        half_value = float(half_value) if math.isfinite(half_value) else None
    except (ValueError, TypeError):
        half_value = None
    if half_value is not None and math.isfinite(value):
        # what the estimate still moves with t_max: if it converges as t**(-g), the rest of the way
        # from t_max is (value(t_max/2) - value(t_max))/(2**g - 1); g = 1/2, the slowest approach
        # of lambda(t) measured (p = 4: at t = 2000 its slowest run is 14% above the BBP rate, which
        # the 5% rule of plateau_fit does not cover; the drift does)
        drift = abs(value - half_value) / DRIFT_DIVISOR
        error = math.hypot(error, drift)
        parts = (*parts, drift)
    drifts = tuple(float(r[3]) if len(r) > 3 else math.nan for _, r in done)
    measured = [abs(d) for d in drifts if math.isfinite(d)]
    settled = (False if any(d >= DRIFT_TOL for d in measured)
               else True if measured and len(measured) == len(drifts) else None)
    return Estimate(value=float(value), error=float(error), delta2s=xs, rates=tuple(rates),
                    rate_errors=tuple(errors), half_time_value=half_value, interrupted=interrupted,
                    runs=tuple((t, m) for _, (t, m, *_) in done), error_parts=parts,
                    plateau_drifts=drifts, plateau_settled=settled)
