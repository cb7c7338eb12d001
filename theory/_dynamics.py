"""``theory.gradient_flow`` and ``theory.dynamics_threshold``: the large-N dynamics (DMFT).

The integrators live in :mod:`numerics.dmft`; this module validates input, picks the grid,
shows progress and packages the results.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from numerics import dmft as _dmft
from numerics._generated import model_numpy as _model
from theory import _validate

__all__ = ["DynamicsThreshold", "GradientFlowResult", "dynamics_threshold", "gradient_flow"]

#: Default time step (escape time within about 0.5% near the threshold, see docs/dynamics.md).
DEFAULT_DT = 0.1
#: Longest run (in steps) integrated on the fixed grid when ``window="auto"``.
FIXED_GRID_MAX_STEPS = 2500
#: Thinned-grid window (in steps) when ``window="auto"`` (validated in tests/numerics).
DEFAULT_WINDOW = 128
#: Runs with more steps than this show a progress bar when ``progress=None``.
PROGRESS_MIN_STEPS = 20000
#: Runs whose extrapolated rate is below this fraction of the largest are left out of the fit.
MIN_RATE_FRACTION = 0.05

_SCHEMES = ("euler", "heun")


@dataclass(frozen=True)
class GradientFlowResult:
    """A run of the large-N gradient flow (Langevin dynamics when ``temperature > 0``).

    Attributes
    ----------
    t, m, mu, energy : numpy.ndarray
        Time grid and, at each time, the overlap with the signal, the spherical multiplier
        and the loss per coordinate.
    c_lag : numpy.ndarray
        ``C(t, t - dt)`` along the run (a diagnostic: ``|C| <= 1``).
    p, delta2, delta_p, m0, t_max, dt, temperature, scheme, window :
        What was integrated (``window`` None: the fixed grid).
    grid, C, R : numpy.ndarray or None
        With ``history=True``: the stored times at the end of the run and ``C``, ``R`` on
        them (``R[i, j] = R(grid[i], grid[j])``, zero for ``j > i``).  On a thinned grid the
        far history is sparse.
    interrupted : bool
        True if a KeyboardInterrupt ended the run early (the arrays hold the completed steps;
        ``C`` and ``R`` are then None).
    seconds : float
        Wall time of the integration.
    """

    t: np.ndarray
    m: np.ndarray
    mu: np.ndarray
    energy: np.ndarray
    c_lag: np.ndarray
    p: int
    delta2: float
    delta_p: float
    m0: float
    t_max: float
    dt: float
    temperature: float
    scheme: str
    window: int | None
    grid: np.ndarray | None = field(default=None, repr=False)
    C: np.ndarray | None = field(default=None, repr=False)
    R: np.ndarray | None = field(default=None, repr=False)
    interrupted: bool = False
    seconds: float = 0.0

    def escape_time(self, level: float = 0.5) -> float:
        """First time ``m(t)`` reaches ``level`` (linear interpolation); ``inf`` if never."""
        above = np.flatnonzero(self.m >= level)
        if above.size == 0:
            return math.inf
        i = int(above[0])
        if i == 0:
            return 0.0
        t0, t1, m0, m1 = self.t[i - 1], self.t[i], self.m[i - 1], self.m[i]
        return float(t0 + (level - m0) / (m1 - m0) * (t1 - t0))

    def __repr__(self) -> str:
        grid = "fixed grid" if self.window is None else f"thinned grid, window={self.window}"
        state = ", interrupted" if self.interrupted else ""
        return (f"GradientFlowResult(p={self.p}, delta2={self.delta2:g}, delta_p={self.delta_p:g}, "
                f"m0={self.m0:g}, T={self.temperature:g}, t=0..{self.t[-1]:g}, dt={self.dt:g}, "
                f"{self.scheme}, {grid}{state}: m={self.m[-1]:.6g}, mu={self.mu[-1]:.6g}, "
                f"energy={self.energy[-1]:.6g})")

    def to_xarray(self):
        """The result as an ``xarray.Dataset`` (coordinate, data, parameters as attributes);
        needs the ``xarray`` extra.  See :mod:`theory._export`."""
        from theory._export import to_xarray

        return to_xarray(self)

    def to_pandas(self):
        """The result as a ``pandas.DataFrame`` (parameters in ``.attrs``); needs pandas."""
        from theory._export import to_pandas

        return to_pandas(self)

    def plot(self, ax=None):
        """Draw the result on a matplotlib ``ax`` (a new Figure's axes when None); returns the axes."""
        from theory._export import plot

        return plot(self, ax=ax)


def default_dt(p: int, delta2: float, delta_p: float, cap: float = DEFAULT_DT) -> float:
    """``min(cap, 1.8/b)``, ``b = Q'(1) + Delta2 Q''(1) + 2 sqrt(Q''(1))``: a stable step.

    ``b`` bounds the top of the Hessian spectrum ``mu + 2 sqrt(Q''(1))`` along a run: at the
    end state ``mu* = Q'(m)/m + chi Q''(1)`` with ``Q'(m)/m <= Q'(1)`` and ``chi <= Delta2``.
    """
    q1 = float(_model.xi_prime(1.0, p, delta2, delta_p))
    q2 = float(_model.xi_second(1.0, p, delta2, delta_p))
    return min(cap, 1.8 / (q1 + delta2 * q2 + 2.0 * math.sqrt(q2)))


def _plateau_dt(p: int, delta2: float, delta_p: float, cap: float) -> float:
    """A stable step for a run that stays on the plateau (``mu <= 2 sqrt(Q''(1))``)."""
    q2 = float(_model.xi_second(1.0, p, delta2, delta_p))
    return min(cap, 1.6 / (4.0 * math.sqrt(q2)))


def _check_float(name: str, x, *, low=None, high=None, low_open=True) -> float:
    a = _validate.float_array(name, x, low=low, high=high, low_open=low_open)
    if a.ndim:
        raise ValueError(f"{name} must be a scalar, got {x!r}")
    return float(a)


def _progress_bar(progress, n_steps: int, desc: str):
    if progress is False:
        return None
    if progress is None and n_steps < PROGRESS_MIN_STEPS:
        return None
    from tqdm.auto import tqdm

    return tqdm(total=n_steps, desc=desc, unit="step", disable=None if progress is None else False,
                leave=False)


def gradient_flow(*, p: int, delta2, delta_p, m0, t_max, dt=None, temperature=0.0, progress=None,
                  scheme: str = "euler", window: Any = "auto", history: bool = False,
                  stop_at: float | None = None) -> GradientFlowResult:
    """Integrate the large-N (DMFT) equations of gradient flow from a random start.

    The correlation ``C(t,t')``, response ``R(t,t')``, overlap ``m(t)`` and multiplier
    ``mu(t)`` obey closed integro-differential equations (spec/dmft.md; arXiv:1907.08226,
    section 4).  They are integrated on a grid of step ``dt`` with the memory integrals as
    matrix-vector products over the stored history (BLAS pinned to one thread).

    Parameters
    ----------
    p : int
        Tensor order, >= 3.
    delta2, delta_p : float
        Noise variances, positive and finite.
    m0 : float
        Initial overlap, in (0, 1); small (1e-10 .. 1e-3) for a random start.
    t_max : float
        Final time, > 0.
    dt : float, optional
        Time step; default ``min(0.1, 1.8/b)`` with ``b = Q'(1) + Delta2 Q''(1) +
        2 sqrt(Q''(1))`` a bound on the largest Hessian eigenvalue along the run (the
        discrete scheme needs ``dt * lambda_max < 2``).
    temperature : float
        Langevin temperature T >= 0 (T = 0: gradient flow).  Only ``mu`` changes: ``T + ...``.
    progress : bool or None
        tqdm progress bar; None shows one for long runs (and only on a terminal).
    scheme : {"euler", "heun"}
        ``"euler"`` (default): the exact equations of the discrete-time projected gradient
        descent of step ``dt`` (rectangle sums, ``R(t,t) = 0``, ``R(t+dt,t) = 1``), first
        order in ``dt`` with a small constant.  ``"heun"``: predictor-corrector with
        trapezoid memory integrals and ``R(t,t) = 1``, second order in ``dt`` but with a
        large constant (docs/dynamics.md); fixed grid only.
    window : "auto", int or None
        History thinning: None keeps every step (fixed grid, O(n^2) memory); an int W keeps
        the last W steps and thins older ones geometrically (:mod:`numerics.dmft`); "auto"
        uses the fixed grid up to 2500 steps, else W = 128.
    history : bool
        Keep ``C`` and ``R`` on the stored grid in the result.
    stop_at : float, optional
        End the run once ``m`` reaches this value.

    Returns
    -------
    GradientFlowResult
        Deterministic (no random numbers).  A KeyboardInterrupt during the run returns the
        steps completed so far with ``interrupted=True`` (and a warning).

    Raises
    ------
    ValueError
        For ``p`` not an integer >= 3, non-positive variances, ``m0`` outside (0, 1),
        ``t_max <= 0``, ``dt <= 0``, ``temperature < 0``, an unknown scheme or window.

    Examples
    --------
    >>> import theory
    >>> run = theory.gradient_flow(p=3, delta2=0.3, delta_p=1.0, m0=1e-3, t_max=60.0)
    >>> round(run.escape_time(0.5), 1), round(float(run.m[-1]), 4)
    (8.1, 0.8687)
    >>> theory.gradient_flow(p=3, delta2=0.3, delta_p=1.0, m0=0.0, t_max=10.0)
    Traceback (most recent call last):
        ...
    ValueError: m0 must be finite and in (0.0, 1.0), got 0.0

    References
    ----------
    arXiv:1907.08226, section 4; arXiv:1812.09066 (Langevin); Crisanti, Horner, Sommers,
    Z. Phys. B 92, 257 (1993); Cugliandolo, Kurchan, PRL 71, 173 (1993).
    """
    p = _validate.check_p(p)
    delta2 = _check_float("delta2", delta2, low=0.0)
    delta_p = _check_float("delta_p", delta_p, low=0.0)
    m0 = _check_float("m0", m0, low=0.0, high=1.0)
    t_max = _check_float("t_max", t_max, low=0.0)
    dt = default_dt(p, delta2, delta_p) if dt is None else _check_float("dt", dt, low=0.0)
    temperature = _check_float("temperature", temperature, low=0.0, low_open=False)
    if scheme not in _SCHEMES:
        raise ValueError(f"scheme must be one of {_SCHEMES}, got {scheme!r}")
    if progress not in (None, True, False):
        raise ValueError(f"progress must be True, False or None, got {progress!r}")
    n_steps = max(1, int(math.ceil(t_max / dt - 1e-9)))
    if window == "auto":
        window = None if n_steps <= FIXED_GRID_MAX_STEPS or scheme == "heun" else DEFAULT_WINDOW
    elif window is not None:
        if isinstance(window, bool) or not isinstance(window, (int, np.integer)) or window < 8:
            raise ValueError(f"window must be 'auto', None or an integer >= 8, got {window!r}")
        if scheme == "heun":
            raise ValueError("the thinned grid (window) needs scheme='euler'")
    if stop_at is not None:
        stop_at = _check_float("stop_at", stop_at)
    bar = _progress_bar(progress, n_steps, f"DMFT p={p} Delta2={delta2:g}")
    stop = None if stop_at is None else (lambda m, k: m >= stop_at)
    try:
        run = _dmft.integrate(p, delta2, delta_p, m0, t_max, dt, temperature=temperature,
                              window=window, history=history, scheme=scheme, progress=bar,
                              stop=stop)
    finally:
        if bar is not None:
            bar.close()
    if scheme == "euler" and run.mu.size:
        # the discrete map is stable iff dt * (largest Hessian eigenvalue) < 2; that is at
        # most mu + 2 sqrt(Q''(1)) (+ the rank-one part, which lowers it)
        top = float(np.max(run.mu)) + 2.0 * math.sqrt(_model.xi_second(1.0, p, delta2, delta_p))
        if dt * top > 2.0:
            warnings.warn(f"dt = {dt:g} exceeds the stability limit 2/(mu + 2 sqrt(Q''(1))) = "
                          f"{2 / top:.3g} of the discrete scheme; the run is not reliable",
                          UserWarning, stacklevel=2)
    if run.interrupted:
        warnings.warn(f"gradient_flow interrupted at t = {run.t[-1]:g}; returning the run so far",
                      RuntimeWarning, stacklevel=2)
    return GradientFlowResult(
        t=run.t, m=run.m, mu=run.mu, energy=run.energy, c_lag=run.c_lag, p=p, delta2=delta2,
        delta_p=delta_p, m0=m0, t_max=t_max, dt=dt, temperature=temperature, scheme=scheme,
        window=window, grid=run.grid, C=run.C, R=run.R, interrupted=run.interrupted,
        seconds=run.seconds,
    )


@dataclass(frozen=True)
class DynamicsThreshold:
    """The gradient-flow threshold located from the dynamics alone (:func:`dynamics_threshold`).

    Attributes
    ----------
    value, error : float
        The estimate of ``Delta2_c`` and its error bar (propagated rate errors and the spread
        between the extrapolations in Delta2 and in 1/Delta2, added in quadrature).
    p, delta_p : int, float
        The model.
    delta2s : tuple of float
        The Delta2 of the runs (below the threshold).
    rates, rate_errors : tuple of float
        The plateau escape rates ``lambda_inf = lim d log m/dt`` extrapolated in time, with
        their fit errors.
    half_time_value : float
        The same protocol on the first half of every run: how much the estimate still moves
        with the length of the runs (nan if the halves do not extrapolate).
    runs : tuple of GradientFlowResult
        The runs behind the estimate.
    t_max, dt : float
        Length and step of the runs.
    """

    value: float
    error: float
    p: int
    delta_p: float
    delta2s: tuple
    rates: tuple
    rate_errors: tuple
    half_time_value: float
    runs: tuple = field(repr=False)
    t_max: float = 0.0
    dt: float = 0.0

    def __float__(self) -> float:
        return float(self.value)

    def __repr__(self) -> str:
        return (f"DynamicsThreshold(p={self.p}, delta_p={self.delta_p:g}: Delta2_c = {self.value:.4f} "
                f"+- {self.error:.4f} from {len(self.runs)} runs to t={self.t_max:g} "
                f"(first halves: {self.half_time_value:.4f}))")

    def to_xarray(self):
        """The result as an ``xarray.Dataset`` (coordinate, data, parameters as attributes);
        needs the ``xarray`` extra.  See :mod:`theory._export`."""
        from theory._export import to_xarray

        return to_xarray(self)

    def to_pandas(self):
        """The result as a ``pandas.DataFrame`` (parameters in ``.attrs``); needs pandas."""
        from theory._export import to_pandas

        return to_pandas(self)

    def plot(self, ax=None):
        """Draw the result on a matplotlib ``ax`` (a new Figure's axes when None); returns the axes."""
        from theory._export import plot

        return plot(self, ax=ax)


def _plateau_rate(run: GradientFlowResult, t_end: float | None = None):
    """Escape rate ``lambda_inf`` of a run in the linear regime, extrapolated in time.

    ``lambda(t) = d log m/dt`` is fitted on ``[t_end/8, t_end]`` by ``lambda_inf + A t**(-g)``
    (the slow approach of the plateau); returns ``(lambda_inf, error)``.
    """
    from scipy.optimize import curve_fit

    t, m = run.t, run.m
    linear = np.flatnonzero(m < 1e-30)
    end = t[linear[-1]] if linear.size else t[-1]
    if t_end is not None:
        end = min(end, t_end)
    sel = (t >= end / 8) & (t <= end)
    tt = t[sel]
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
        cand = np.atleast_1d(1.0 / np.roots(coef).real if inverse else np.roots(coef).real)
        cand = cand[(cand > top) & (cand < 2 * top)]
    if cand.size == 0:
        raise ValueError("the escape rates do not extrapolate to zero above the runs: "
                         "choose delta2s closer to the threshold")
    return float(cand.min())


def _extrapolate(delta2s, rates, errors):
    """Zero of ``sqrt(lambda_inf)`` in Delta2: the estimate and its error bar.

    ``sqrt(lambda_inf)`` is fitted by a polynomial (quadratic from four runs on, else linear)
    in Delta2 and, as a model check, in 1/Delta2; the estimate is the first, the error adds
    the spread of the two and the propagated rate errors in quadrature.
    """
    x = np.asarray(delta2s, dtype=float)
    lam = np.asarray(rates, dtype=float)
    ok = lam > 0
    x, lam, err = x[ok], lam[ok], np.asarray(errors, dtype=float)[ok]
    # a run whose rate is a few percent of the largest has not reached its plateau rate by
    # t_max: its time extrapolation overshoots; drop such runs while three remain
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


def dynamics_threshold(p: int = 3, delta_p=1.0, *, delta2s=None, t_max: float = 500.0,
                       dt: float | None = None, m0: float = 1e-150, window: Any = None,
                       progress=None) -> DynamicsThreshold:
    """The gradient-flow threshold from the dynamics alone (no landscape argument).

    Protocol (docs/dynamics.md).  Below the threshold a run started at a tiny overlap
    reaches the plateau of marginal states and leaves it at an exponential rate; the escape
    time is ``t_esc ~ t_0 + log(1/m0)/lambda``.  The offset ``log(1/m0)`` and the slow
    plateau approach spoil power-law fits of ``t_esc``; instead

    1. each run starts at ``m0 = 1e-150``, so ``m`` stays in the linear regime for the whole
       run and ``lambda(t) = d log m/dt`` (the inverse of ``d t_esc/d log(1/m0)``, i.e. the
       m0-dependence of the relaxation time) is measured up to ``t_max``;
    2. ``lambda(t)`` is extrapolated in time by fitting ``lambda_inf + A t**(-g)``;
    3. near a BBP-type transition the rate vanishes quadratically, so ``sqrt(lambda_inf)``
       is extrapolated to zero by a polynomial fit in Delta2 (quadratic from four runs on);
       the same fit in 1/Delta2 gives the model error.  Runs whose rate is below 5% of the
       largest are left out (their plateau rate is not reached by ``t_max``) while three
       remain.

    Parameters
    ----------
    p : int
        Tensor order, >= 3.
    delta_p : float
        Tensor noise variance.
    delta2s : sequence of float, optional
        Delta2 of the runs, all below the threshold.  Default: a cheap scan down from
        Delta2 = 1 (runs to t = 200) places the runs where the finite-time escape rate is
        0.12, 0.08, 0.05 and 0.03.
    t_max, m0, window :
        Length, initial overlap and grid of the runs (see :func:`gradient_flow`).
    dt : float, optional
        Step of the runs; default ``min(0.2, 0.4/sqrt(Q''(1)))`` (stable on the plateau).
    progress : bool or None
        Progress bars.

    Returns
    -------
    DynamicsThreshold

    Raises
    ------
    ValueError
        For invalid parameters or fewer than two runs with a positive escape rate.

    Examples
    --------
    A cheap configuration (short runs, so it is off by a few percent):

    >>> import theory
    >>> est = theory.dynamics_threshold(3, 1.0, delta2s=(0.38, 0.41, 0.44), t_max=120.0)
    >>> abs(est.value - 0.5) < 0.05
    True
    """
    p = _validate.check_p(p)
    delta_p = _check_float("delta_p", delta_p, low=0.0)
    t_max = _check_float("t_max", t_max, low=0.0)
    cap = 0.2 if dt is None else _check_float("dt", dt, low=0.0)
    if delta2s is None:
        delta2s = _default_delta2s(p, delta_p, cap)
    delta2s = tuple(_check_float("delta2", d, low=0.0) for d in delta2s)
    runs = tuple(
        gradient_flow(p=p, delta2=d, delta_p=delta_p, m0=m0, t_max=t_max,
                      dt=_plateau_dt(p, d, delta_p, cap) if dt is None else cap, window=window,
                      progress=progress, stop_at=1e-20)
        for d in delta2s
    )
    fits = [_plateau_rate(r) for r in runs]
    rates, errors = zip(*fits)
    value, error = _extrapolate(delta2s, rates, errors)
    half = [_plateau_rate(r, t_end=0.5 * t_max) for r in runs]
    try:
        half_value, _ = _extrapolate(delta2s, *zip(*half))
    except ValueError:
        half_value = math.nan
    return DynamicsThreshold(value=value, error=error, p=p, delta_p=delta_p, delta2s=delta2s,
                             rates=tuple(rates), rate_errors=tuple(errors),
                             half_time_value=half_value, runs=runs, t_max=t_max, dt=dt)


#: Finite-time rates (at t = 200) that pick the default runs of dynamics_threshold.
SCAN_RATES = (0.12, 0.08, 0.05, 0.03)


def _default_delta2s(p: int, delta_p: float, cap: float) -> tuple:
    """Cheap scan down from Delta2 = 1 with runs to t = 200 (finite-time escape rates).

    Finite-time rates overshoot a lot (at p = 3, Deltap = 1 the rate at t = 200 turns
    positive near Delta2 = 0.75, against a threshold of 0.5), so the runs are placed where
    the finite-time rate equals :data:`SCAN_RATES` (interpolating ``log(rate)`` linearly in
    Delta2), well inside the escaping side.
    """
    xs, rates = [], []
    for d in np.arange(1.0, 0.0, -0.05):
        r = gradient_flow(p=p, delta2=float(d), delta_p=delta_p, m0=1e-150, t_max=200.0,
                          dt=_plateau_dt(p, float(d), delta_p, cap), progress=False, stop_at=1e-20)
        k = max(1, r.t.size // 10)
        xs.append(float(d))
        rates.append(float(np.log(r.m[-1] / r.m[-k]) / (r.t[-1] - r.t[-k])))
        if rates[-1] > max(SCAN_RATES):
            break
    else:
        raise ValueError(f"no Delta2 in (0, 1] with a fast enough escape at p={p}, Deltap={delta_p}")
    x, rate = np.asarray(xs[::-1]), np.asarray(rates[::-1])  # increasing rate order
    pos = rate > 0
    x, rate = x[pos], rate[pos]
    if x.size < 2:
        raise ValueError(f"the escape-rate scan found too few points at p={p}, Deltap={delta_p}")
    # rate decreases with Delta2: interpolate Delta2 as a function of log(rate)
    order = np.argsort(rate)
    return tuple(float(np.interp(np.log(t), np.log(rate[order]), x[order])) for t in SCAN_RATES)
