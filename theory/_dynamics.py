"""``theory.gradient_flow`` and ``theory.dynamics_threshold``: the large-N dynamics (DMFT).

The integrators live in :mod:`numerics.dynamics` (names kept in :mod:`numerics.dmft`), what a
run will take and its refusals in :class:`numerics.dynamics.plan.RunPlan`, the threshold
protocol in :mod:`numerics.dmft_threshold`; this module validates input (before any
allocation), sets the physics of the step (stability bounds, default ``dt``), picks the scheme,
shows progress and packages the results.
"""

from __future__ import annotations

import math
import numbers
import warnings
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from numerics import dmft as _dmft
from numerics import dmft_threshold as _est
from numerics.dynamics import plan as _plan
from numerics.dynamics.plan import RunPlan
from numerics.progress import bar as _bar
from theory import _sweep, _validate
from theory._interrupt import warn_interrupted
from theory._model import DEFAULT_P, Model
from theory._dataout import DataOut

__all__ = ["DynamicsThreshold", "GradientFlowResult", "dynamics_threshold", "gradient_flow"]

#: Largest (coarse) step of the default scheme; the escape time is then within about 0.01% (docs).
DEFAULT_DT = 0.2
#: At T > 0 the default step is at most this over T (Langevin: the Nishimori overlap within 0.2%).
DEFAULT_DT_TEMPERATURE = _plan.LANGEVIN_STEP
#: Longest run (in steps of the finest level) integrated on the fixed history when window="auto".
FIXED_GRID_MAX_STEPS = _plan.FIXED_GRID_MAX_STEPS
#: Thinned-history window (in steps) when ``window="auto"`` (validated in tests/numerics).
DEFAULT_WINDOW = _plan.DEFAULT_WINDOW
#: Runs estimated at more than this many seconds show a progress bar when ``progress=None``
#: (on a terminal only: :func:`numerics.progress.bar`).
PROGRESS_MIN_SECONDS = 2.0
#: Runs estimated at more than this many seconds of one core are refused (the estimate:
#: :meth:`numerics.dynamics.plan.RunPlan.cost`).
MAX_SECONDS = _plan.MAX_SECONDS
#: Most steps a run may take (the output arrays alone are 40 bytes a step).
MAX_STEPS = _plan.MAX_STEPS

_SCHEMES = {"extrapolated": _dmft.Extrapolated, "euler": _dmft.Euler, "heun": _dmft.Heun,
            "bdf2": _dmft.BDF2, "fdt": _dmft.FDT}
#: First step of the FDT-closure scheme at T = 1 (``min(FDT_FIRST_STEP, FDT_FIRST_STEP/T)``:
#: the first block of the doubling grid resolves the fast time ``1/mu``).
FDT_FIRST_STEP = 0.01
#: First step of the step-growing scheme (its later steps follow its error estimate).
DEFAULT_FIRST_STEP = 0.01
#: Longest run of the step-growing scheme (10^6 takes about 20 s of one core).
BDF2_T_MAX = _plan.BDF2_T_MAX
#: With no ``scheme=`` (and no ``dt=``, ``window="auto"``, T = 0), runs longer than this take
#: the step-growing scheme ``"bdf2"``; shorter ones the extrapolated fixed-step scheme.
BDF2_AUTO_T_MAX = 1000.0


@dataclass(frozen=True, eq=False)
class GradientFlowResult(DataOut):
    """A run of the large-N gradient flow (Langevin dynamics when ``temperature > 0``).

    Attributes
    ----------
    t, m, mu, energy : numpy.ndarray
        Time grid and, at each time, the overlap with the signal, the spherical multiplier
        and the loss per coordinate.
    c_lag : numpy.ndarray
        ``C(t, t - h)`` along the run, ``h`` the finest step (a diagnostic: ``|C| <= 1``).
    model : theory.Model
        The model integrated.
    m0, t_max, dt, temperature, scheme, window :
        What was integrated (``window`` None: the fixed history; ``dt`` the coarse step of
        the extrapolated scheme).
    grid, C, R : numpy.ndarray or None
        With ``history=True``: the stored times at the end of the (finest) run and ``C``,
        ``R`` on them (``R[i, j] = R(grid[i], grid[j])``, zero for ``j > i``).
    interrupted : bool
        True if a KeyboardInterrupt ended the run early (the arrays hold the completed steps;
        ``C`` and ``R`` are then None).
    seconds : float
        Wall time of the integration (not compared by ``==``).
    """

    t: np.ndarray
    m: np.ndarray
    mu: np.ndarray
    energy: np.ndarray
    c_lag: np.ndarray
    model: Model
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

    _ignore = ("seconds",)  # wall time: not part of what was computed

    def table(self):
        """The run as a :class:`theory._export.Table`: ``m``, ``mu``, the energy and ``C(t, t - lag)`` along ``t``."""
        from theory import _export as E

        data = {"m": np.asarray(self.m, float), "mu": np.asarray(self.mu, float),
                "energy": np.asarray(self.energy, float), "c_lag": np.asarray(self.c_lag, float)}
        what = "Langevin dynamics" if self.temperature > 0 else "gradient flow"
        attrs = E._attrs(self, "m0", "t_max", "dt", "temperature", "scheme", "window", "interrupted",
                         what=f"{what}, large N (DMFT)")
        return E.Table("t", np.asarray(self.t, float), data, attrs, E._meta("t", *data))

    def _draw(self, ax):
        from theory import _export

        return _export.draw_gradient_flow(self, ax)

    @property
    def p(self) -> int | None:
        """The tensor order of a one-tensor model (None otherwise)."""
        return self.model.orders[0] if len(self.model.orders) == 1 else None

    @property
    def delta2(self) -> float:
        """The matrix noise variance (inf without a matrix channel)."""
        return math.inf if self.model.delta2 is None else float(self.model.delta2)

    @property
    def delta_p(self) -> float | None:
        """The tensor noise variance of a one-tensor model (None otherwise)."""
        return float(self.model.tensors[0][1]) if len(self.model.tensors) == 1 else None

    def escape_time(self, level: float = 0.5) -> float:
        """First time ``m(t)`` reaches ``level`` (cubic interpolation); ``inf`` if never."""
        return _dmft.crossing_time(self.t, self.m, level)

    def __repr__(self) -> str:
        grid = ("step-growing grid" if self.scheme == "bdf2" else "fixed grid" if self.window is None
                else f"thinned grid, window={self.window}")
        state = ", interrupted" if self.interrupted else ""
        return (f"GradientFlowResult({self.model!r}, m0={self.m0:g}, T={self.temperature:g}, "
                f"t=0..{self.t[-1]:g}, dt={self.dt:g}, {self.scheme}, {grid}{state}: "
                f"m={self.m[-1]:.6g}, mu={self.mu[-1]:.6g}, energy={self.energy[-1]:.6g})")



def _stability_bound(f) -> float:
    """``b = max(g'(1), Q'(1)) + chi Q''(1) + 2 sqrt(Q''(1))`` bounds the bulk edge of the Hessian,
    ``mu + 2 sqrt(Q''(1))``, along a run.

    At the end state ``mu* = g'(m)/m + chi Q''(1)`` with ``g'(m)/m <= g'(1)`` and
    ``chi = m/g'(m) <= 1/g''(0)`` (``1/g''(0) = Delta2`` with a matrix channel; without one the
    response is bounded by the marginal ``1/sqrt(Q''(1))``).
    """
    return _rate_bounds(f)[0]


def _rate_bounds(f) -> tuple[float, float]:
    """``(b, s)``: bounds on the two rates that limit an explicit step.

    ``b`` bounds the bulk edge of the Hessian (:func:`_stability_bound`); ``s = 2 g'(1) + chi
    Q''(1)`` bounds ``mu* + m g'(m)``, the rate of the signal mode of the discrete schemes (the
    multiplier follows ``m``), which is the larger one for small Delta2: at p = 3, Deltap = 1,
    Delta2 = 0.1 the Euler runs are stable up to dt = 1.56/b only (1.90/s), and the old default
    1.8/b ended in a period-2 cycle of ``m`` between 0.865 and 1.184 (docs/dynamics.md).
    """
    md = _dmft._Model(f)
    _, q1, q2 = md.xi_1
    g1, g20 = float(md.g(1.0, 1)), float(md.g(0.0, 2))
    chi = 1.0 / g20 if g20 > 0 else 1.0 / math.sqrt(q2)
    return max(g1, q1) + chi * q2 + 2.0 * math.sqrt(q2), 2.0 * g1 + chi * q2


#: Explicit steps are stable up to ``min(BULK_STEP/b, SIGNAL_STEP/s)`` (:func:`_rate_bounds`):
#: Euler runs that find the signal, bisected on 13 models with Delta2 = 0.02 .. 0.45, go
#: unstable (``m``, ``mu`` and the energy oscillate from step to step) at ``dt b`` >= 1.957
#: where ``b`` is the larger bound and at ``dt s`` >= 1.837 where ``s`` is, at least 3.7% above
#: the accepted step (docs/dynamics.md, "Steps and refusals").
BULK_STEP = 1.9
SIGNAL_STEP = 1.75
#: Heun's end state is off by about ``0.05 (dt b)**2`` in the energy (relative) and
#: ``0.01 (dt b)**2`` in ``m`` (measured on seven models, docs/dynamics.md), and its fixed points
#: move with dt (those of Euler do not): ``dt <= HEUN_STEP/b`` keeps them within 5% and 1%.
HEUN_STEP = 1.0
#: The default step is this fraction of the largest stable one (0.95 * 1.9/b = 1.805/b, the
#: old default 1.8/b, where the bulk edge is the limit).
DEFAULT_FRACTION = 0.95


def _limits(f, scheme, temperature: float = 0.0) -> tuple[float, float, float]:
    """``(largest stable step, b + T, s + T)`` of an explicit scheme (Heun: its accuracy limit
    too); at T > 0 Langevin adds ``T`` to ``mu``."""
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        b, s = (float(x) + temperature for x in _rate_bounds(f))
        step = min(BULK_STEP / b, SIGNAL_STEP / s)
        if isinstance(scheme, _dmft.Heun):
            step = min(step, HEUN_STEP / b)
    return float(step), b, s


def _bound(f, temperature: float = 0.0) -> float:
    """``b + T``: the bound on the bulk edge, with the ``T`` that Langevin adds to ``mu``."""
    return _limits(f, None, temperature)[1]


def largest_step(f, scheme, temperature: float = 0.0) -> float:
    """The largest ``dt`` a scheme accepts: ``min(1.9/(b + T), 1.75/(s + T))`` (stability), also
    at most ``1/(b + T)`` for Heun (the accuracy of its end state); ``inf`` for ``bdf2`` (its
    error control sets the steps)."""
    if getattr(scheme, "implicit", False):
        return math.inf
    return _limits(f, scheme, temperature)[0]


def default_dt(f, temperature: float = 0.0, scheme=None) -> float:
    """``min(0.2, 0.95 * largest_step, 0.1/T)``: 1.805/b where the bulk edge limits the step at T = 0
    (``b`` from :func:`_stability_bound`), 1.6625/s where the signal mode does, 0.95/b for Heun."""
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        dt = min(DEFAULT_DT, DEFAULT_FRACTION * _limits(f, scheme, temperature)[0])
    if temperature > 0:
        dt = min(dt, DEFAULT_DT_TEMPERATURE / temperature)
    return float(dt)


def _check_step_limit(model, f, dt: float, scheme, temperature: float) -> None:
    """ValueError naming dt and the largest safe step when an explicit scheme cannot take it.

    Before the run, from the bounds of :func:`_rate_bounds` (plus T at T > 0); checked again on
    the run by :func:`_check_measured_stability`."""
    if getattr(scheme, "implicit", False):
        return
    step, b, s = _limits(f, scheme, temperature)
    stable = min(BULK_STEP / b, SIGNAL_STEP / s)
    at = f", T = {temperature:g}" if temperature > 0 else ""
    if not dt <= stable:
        raise ValueError(
            f"gradient_flow: dt={dt:g} is beyond the stability limit of scheme={scheme.name!r}: "
            f"for {model!r}{at} the rates b = {b:.4g} (the Hessian's bulk edge) and s = {s:.4g} "
            f"(the signal mode) allow steps up to min({BULK_STEP:g}/b, {SIGNAL_STEP:g}/s); the "
            f"largest safe step is {stable:.4g} (dt=None gives 0.95 of it; scheme='bdf2' takes "
            f"implicit, error-controlled steps)")
    if not dt <= step:
        raise ValueError(
            f"gradient_flow: dt={dt:g} is beyond the accuracy limit of scheme='heun': its end state "
            f"moves with dt (about 5% in the energy at dt = 1/b), b = {b:.4g} for {model!r}{at}; "
            f"the largest step it accepts is {step:.4g} (scheme='euler' and 'extrapolated' keep "
            f"the exact end state up to {stable:.4g})")


def _oscillation(x: np.ndarray) -> float:
    """Amplitude of a step-to-step oscillation that does not die out at the end of ``x`` (the
    mark of a step beyond the stability limit: a rate ``lambda`` with ``dt lambda > 2``
    multiplies its mode by ``1 - dt lambda < -1`` each step); 0 if there is none."""
    tail = x[-10:]
    d = np.diff(tail)
    if d.size < 8 or not np.all(np.isfinite(d)):
        return 0.0
    if np.max(np.abs(d[-2:])) <= 1e-12 * max(1.0, float(np.max(np.abs(tail)))):
        return 0.0  # settled to rounding
    alternating = bool(np.all(d[1:] * d[:-1] < 0))
    lasting = abs(d[-1]) + abs(d[-2]) >= 0.5 * (abs(d[0]) + abs(d[1]))
    return float(abs(d[-1])) if alternating and lasting else 0.0


def _check_measured_stability(run, f, dt: float, scheme) -> None:
    """ValueError naming dt when the run shows that its step was not stable: the bulk edge of
    the Hessian measured on it, ``dt (max mu + 2 sqrt(Q''(1))) > 2``, or ``m``, ``mu`` or the
    energy oscillating step to step at the end (the signal mode, whose rate exceeds the
    bulk edge for small Delta2)."""
    if getattr(scheme, "implicit", False) or not run.mu.size:
        return
    mu = run.mu[np.isfinite(run.mu)]
    if mu.size:
        top = float(np.max(mu)) + 2.0 * math.sqrt(_dmft._Model(f).xi_1[2])
        if dt * top > 2.0:
            raise ValueError(
                f"gradient_flow: dt={dt:g} is beyond the stability limit 2/(mu + 2 sqrt(Q''(1))) = "
                f"{2.0 / top:.4g} measured along this run (max mu = {float(np.max(mu)):.4g}): the "
                f"explicit step is unstable there and the run is not reliable; use dt <= "
                f"{2.0 / top:.4g}")
    for name in ("m", "mu", "energy") if not run.interrupted else ():  # a cut run has no end
        amp = _oscillation(getattr(run, name))
        if amp:
            raise ValueError(
                f"gradient_flow: dt={dt:g} is beyond the stability limit of scheme={scheme.name!r} "
                f"on this run: {name} ends oscillating from step to step (amplitude {amp:.2g}) "
                f"instead of settling, so the run is not reliable; use a smaller dt (dt=None, or "
                f"scheme='bdf2')")


def _check_float64(model: Model, what: str) -> None:
    """ValueError (naming the model's variances) if float64 cannot hold the coefficients
    ``1/(k Delta_k)`` of the model's ``xi`` and ``g`` as normal doubles (a variance below about
    1e-300 overflows them; one near the top of the double range makes them subnormal)."""
    from numerics.model import FloatRangeError

    try:
        md = _dmft._Model(model.field)
        ok = all(np.isfinite(d(1.0, k)) for d in (md.xi, md.g) for k in range(3))
    except (OverflowError, ZeroDivisionError, FloatRangeError):
        ok = False
    if not ok:
        raise ValueError(f"{what}: the coefficients of {model!r} (1/(k Delta_k)) leave the normal float64 "
                         f"range (they overflow for a variance below about 1e-300); the dynamics runs in "
                         f"float64 and needs every variance (delta2, delta_p) above about 1e-300 and below "
                         f"about 1e300")


def _check_float(name: str, x, *, low=None, high=None, low_open=True) -> float:
    a = _validate.float_array(name, x, low=low, high=high, low_open=low_open)
    if a.ndim:
        raise ValueError(f"{name} must be a scalar, got {x!r}")
    return float(a)


def _progress_bar(progress, seconds: float, total: float, unit: str, desc: str):
    """A bar (:func:`numerics.progress.bar`) for a run estimated at ``seconds``; None for short
    runs unless ``progress=True``, and for ``progress=False``."""
    if progress is False or (progress is None and seconds < PROGRESS_MIN_SECONDS):
        return None
    return _bar(total=total, desc=desc, unit=unit, progress=progress)


def _float_variance(name: str, x) -> None:
    """A shorthand variance the float64 dynamics can take, checked under its own name (the
    ``check`` of :meth:`theory.Model.of_call`)."""
    if isinstance(x, numbers.Rational) and not isinstance(x, bool):
        try:
            float(x)
        except OverflowError:  # an exact variance beyond float64 (the dynamics is float64)
            raise ValueError(f"{name} must be a positive number within float64 (the dynamics "
                             f"runs in float64), got {_validate._short(x)}") from None
    _check_float(name, x, low=0.0)


def _scheme_of(scheme, temperature: float):
    if isinstance(scheme, (_dmft.Euler, _dmft.Heun, _dmft.Extrapolated, _dmft.BDF2, _dmft.FDT)):
        sch = scheme
    elif not isinstance(scheme, str) or scheme not in _SCHEMES:
        raise ValueError(f"scheme must be one of {tuple(_SCHEMES)}, got {scheme!r}")
    else:
        sch = _SCHEMES[scheme]()
    if isinstance(sch, _dmft.FDT) and not temperature > 0:
        raise ValueError(f"scheme='fdt' closes the memory by the fluctuation-dissipation relation "
                         f"and needs temperature > 0, got temperature={temperature!r}")
    return sch


def _history_of(window, plan: RunPlan) -> tuple[RunPlan, int | None]:
    """``window=`` checked (named in the message), then the plan's history for it."""
    auto = isinstance(window, str) and window == "auto"
    if plan.scheme.implicit and not auto:
        raise ValueError(f"scheme={plan.scheme.name!r} runs on its own step-growing history: window "
                         f"must be 'auto', got {_validate._short(window)}")
    if not auto and window is not None and (isinstance(window, (bool, str))
                                            or not isinstance(window, (int, np.integer)) or window < 8):
        raise ValueError(f"window must be 'auto', None or an integer >= 8, got {_validate._short(window)}")
    return plan.choose(window)


def _step_of(sch, dt, f, model, temperature: float, t_max: float) -> tuple[float, str | None]:
    """``dt`` checked, or the default step and how it was chosen (for messages): the largest
    stable explicit step scaled down (:func:`default_dt`); the first step tried by the implicit
    scheme, whose error control sets the others."""
    if dt is not None:
        return _check_float("dt", dt, low=0.0), None
    if isinstance(sch, _dmft.FDT):
        return min(FDT_FIRST_STEP, FDT_FIRST_STEP / temperature, t_max), None
    if sch.implicit:
        return min(DEFAULT_FIRST_STEP, t_max), None
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        b = _stability_bound(f)
    return default_dt(f, temperature, sch), (f"min(0.2, 0.95 * largest stable step, 0.1/T), b = "
                                            f"{b:.3g} bounding the Hessian of {model!r}, T = "
                                            f"{temperature:g}")


def gradient_flow(p=None, delta_p=None, *, delta2=None, model: Model | None = None, m0, t_max,
                  dt=None, temperature=0.0, progress=None, scheme: str | None = None,
                  window: Any = "auto", history: bool = False,
                  stop_at: float | None = None) -> GradientFlowResult:
    """Integrate the large-N (DMFT) equations of gradient flow from a random start.

    The correlation ``C(t,t')``, response ``R(t,t')``, overlap ``m(t)`` and multiplier
    ``mu(t)`` obey closed integro-differential equations (docs/dynamics.md; arXiv:1907.08226,
    section 4), with the model's covariance ``xi`` in the memory kernels and ``g'(m)`` in the
    signal terms (docs/your_model.md).  They are integrated on a grid of step ``dt`` with the
    memory integrals as matrix-vector products over the stored history (BLAS on one thread).

    Parameters
    ----------
    p, delta2, delta_p :
        Shorthand for ``model=Model(delta2, {p: delta_p})`` (bit-identical).
    model : theory.Model, optional
        Any spiked spherical model (mixtures, pure tensors, mismatched losses).
    m0 : float
        Initial overlap, in (0, 1); small (1e-10 .. 1e-3) for a random start.
    t_max : float
        Final time, > 0 and at least one step.
    dt : float, optional
        (Coarse) time step of the explicit schemes, at most the largest stable step
        ``min(1.9/(b + T), 1.75/(s + T))`` (``b`` bounds the Hessian's bulk edge along the run,
        ``s`` the rate of the signal mode; Heun: also at most ``1/(b + T)``, the accuracy of its
        end state); a larger one is refused with a ValueError that gives the largest.  Default
        ``min(0.2, 0.95 * largest, 0.1/T)``.  With ``scheme="bdf2"``: the first step tried
        (default 0.01); the error control shortens it if it must.
    temperature : float
        Langevin temperature T >= 0 (T = 0: gradient flow).  Only ``mu`` changes: ``T + ...``.
    progress : bool or None
        tqdm progress bar; None shows one for long runs (and only on a terminal).
    scheme : {None, "extrapolated", "euler", "heun", "bdf2", "fdt"}
        None (default): ``"bdf2"`` for a long run of gradient flow, ``1000 < t_max <= 1e7``
        at ``temperature=0`` with ``dt=None`` and ``window="auto"`` (10^6 in about 20 s of
        one core); ``"extrapolated"`` otherwise (every shorter run, every run at T > 0, where
        the implicit step is capped at 0.025/T and is no faster, and every run given a fixed
        ``dt`` or a ``window``).  ``"bdf2"``: implicit variable-step BDF2 whose step grows as the dynamics slows
        (:mod:`numerics.dmft_long`; for long runs at T = 0, ``dt`` is the first step, default
        0.01, ``window`` must be "auto", ``t_max`` at most 1e7; at T > 0 its step stays below
        0.025/T).  ``"extrapolated"`` (default): Richardson extrapolation of the discrete-time scheme at
        ``dt`` and ``dt/2`` (second order; escape time within ~0.01% at dt = 0.2, see
        docs/dynamics.md).  ``"euler"``: the discrete-time projected gradient descent of step
        ``dt`` (rectangle sums, ``R(t,t) = 0``, ``R(t+dt,t) = 1``), first order.
        ``"heun"``: predictor-corrector with trapezoid sums and ``R(t,t) = 1``, second order
        with a large constant; fixed history only (other pairs are refused).  ``"fdt"`` (T > 0
        only, opt-in): implicit steps on a Kim-Latz doubling grid with the memory of the last
        few percent of the age closed by the fluctuation-dissipation relation
        (:mod:`numerics.dynamics.fdt`); ``dt`` is the first step (default ``min(0.01,
        0.01/T)``), ``window`` must be "auto"; its equilibrium states are fixed points of
        the scheme, aging runs are within about 0.2% of the fixed grid in ``mu`` and ``e``
        but grow ``m`` a few percent slower (docs/dynamics.md, "Long Langevin runs"); a
        RuntimeWarning when its FDT diagnostic fails or a row is not solved.
    window : "auto", int or None
        History thinning: None keeps every step (O(n^2) memory); an int W keeps the last W
        steps and thins older ones geometrically (:mod:`numerics.dmft`); "auto" uses the
        fixed history up to 2500 steps of the finest level, else W = 128.
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
        For an invalid model, ``m0`` outside (0, 1), ``t_max <= 0``, ``dt <= 0`` or
        ``dt > t_max``, ``temperature < 0``, an unknown scheme or window, a scheme/history
        pair that is not validated, a run of more than ``MAX_STEPS`` steps (also when the
        default dt collapses for a stiff model: the message gives it) or whose history would
        not fit in memory (the message names t_max, dt and the GiB needed), a variance whose
        coefficients overflow float64, or a run that diverged (dt beyond the stability limit).

    Examples
    --------
    >>> import theory
    >>> run = theory.gradient_flow(p=3, delta2=0.3, delta_p=1.0, m0=1e-3, t_max=60.0)
    >>> round(run.escape_time(0.5), 2), round(float(run.m[-1]), 4)
    (7.71, 0.8687)
    >>> theory.gradient_flow(p=3, delta2=0.3, delta_p=1.0, m0=0.0, t_max=10.0)
    Traceback (most recent call last):
        ...
    ValueError: m0 must be finite and in (0.0, 1.0), got 0.0

    References
    ----------
    arXiv:1907.08226, section 4; arXiv:1812.09066 (Langevin); Crisanti, Horner, Sommers,
    Z. Phys. B 92, 257 (1993); Cugliandolo, Kurchan, PRL 71, 173 (1993).
    """
    model = Model.of_call(model, p, delta2, delta_p, check=_float_variance)
    _check_float64(model, "gradient_flow")
    f = model.field
    m0 = _check_float("m0", m0, low=0.0, high=1.0)
    t_max = _check_float("t_max", t_max, low=0.0)
    temperature = _check_float("temperature", temperature, low=0.0, low_open=False)
    if scheme is None:
        scheme = ("bdf2" if temperature == 0 and dt is None and isinstance(window, str)
                  and window == "auto" and BDF2_AUTO_T_MAX < t_max <= BDF2_T_MAX else "extrapolated")
    sch = _scheme_of(scheme, temperature)
    dt, default = _step_of(sch, dt, f, model, temperature, t_max)
    plan = RunPlan(sch, None, dt, t_max)
    plan.check_steps(default=default)
    if progress not in (None, True, False):
        raise ValueError(f"progress must be True, False or None, got {progress!r}")
    plan, window = _history_of(window, plan)
    if not plan.valid:
        raise ValueError(f"scheme={sch.name!r} is not validated on the thinned history "
                         f"(window={window}); use window=None or scheme='euler'/'extrapolated'")
    _check_step_limit(model, f, dt, sch, temperature)
    plan.check_footprint()
    if stop_at is not None:
        stop_at = _check_float("stop_at", stop_at)
    seconds = plan.check_cost(temperature, largest_step(f, sch, temperature))
    bar = _progress_bar(progress, *plan.progress(seconds), "DMFT")
    stop = None if stop_at is None else (lambda m, k: m >= stop_at)
    try:
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):  # checked below
            run = _dmft.integrate(f, m0, t_max, dt, temperature=temperature, scheme=sch,
                                  history=plan.history, keep_history=history, progress=bar,
                                  stop=stop)
    except FloatingPointError as exc:  # the integrator's divergence check
        raise ValueError(f"gradient_flow: {exc}: dt={dt:g} is beyond the stability limit of the "
                         f"scheme (or dt=None)") from None
    finally:
        if bar is not None:
            bar.close()
    _check_finite(run, dt, "gradient_flow")
    _check_measured_stability(run, f, dt, sch)
    if run.interrupted:
        what = f"stopped at t = {run.t[-1]:g} of t_max = {t_max:g}"
        if run.levels < sch.levels:
            what += " (only the coarse level had run there: first-order values, not extrapolated)"
        warn_interrupted("gradient_flow", what)
    return GradientFlowResult(
        t=run.t, m=run.m, mu=run.mu, energy=run.energy, c_lag=run.c_lag, model=model, m0=m0,
        t_max=t_max, dt=dt, temperature=temperature, scheme=sch.name, window=window,
        grid=run.grid, C=run.C, R=run.R, interrupted=run.interrupted, seconds=run.seconds,
    )


def _check_finite(run, dt: float, what: str) -> None:
    """ValueError naming dt when a run diverged (an unstable step overflows to inf/nan)."""
    arrays = [getattr(run, name) for name in ("m", "mu", "energy", "c_lag", "C", "R")
              if getattr(run, name, None) is not None]
    if not all(np.all(np.isfinite(a)) for a in arrays):
        bad = next((float(t) for t, *v in zip(run.t, run.m, run.mu, run.energy)
                    if not all(math.isfinite(x) for x in v)), math.nan)
        where = f" at t = {bad:g}" if math.isfinite(bad) else ""
        raise ValueError(f"{what}: the run diverged{where} (overflow to inf/nan): dt={dt:g} is "
                         f"beyond the stability limit of the scheme; use a smaller dt (or dt=None)")


@dataclass(frozen=True, eq=False)
class DynamicsThreshold(DataOut):
    """The threshold on Delta2 located from the dynamics alone (:func:`dynamics_threshold`).

    Attributes
    ----------
    value, error : float
        The estimate of ``Delta2_c`` and its error bar (propagated rate errors and the spread
        between the extrapolations in Delta2 and in 1/Delta2, added in quadrature).
    model : theory.Model
        The tensor channels (the matrix variance is what is scanned).
    temperature : float
        0: gradient flow; 1: Langevin at the Bayes-optimal temperature.
    delta2s : tuple of float
        The Delta2 of the runs (below the threshold).
    rates, rate_errors : tuple of float
        The plateau escape rates ``lambda_inf = lim d log m/dt`` extrapolated in time and
        taken from the Euler map of the run's step to the flow (``expm1(h lambda)/h``), with
        their errors: the fit's plus 5% of the time extrapolation (a run too short for the
        time fit is left out).
    half_time_value : float or None
        The same protocol on the first half of every run: how much the estimate still moves
        with the length of the runs (None if the halves do not extrapolate).
    t_max, dt, window :
        Length, (largest) step and history window of the runs.
    interrupted : bool
        Ctrl-C stopped the runs: the estimate uses only the runs that finished (``value`` and
        ``error`` are nan if too few finished, the one documented nan).
    runs : tuple of (t, m) array pairs
        The runs behind the estimate (not shown in the repr).
    plateau_drifts : tuple of float
        For each run kept, the change of the aging correlation ``C(2 tw, tw)`` over the last
        octave of ``tw`` (``tw`` = half the run's end; nan where not measured: a run shorter
        than t = 40, or a fixed history of more than 2500 steps).
    plateau_settled : bool or None
        Whether the runs' plateaus have stopped drifting by the criterion of issue 21
        (:func:`numerics.dynamics.end_states.plateau_settled`: every ``|drift| < 2e-3``):
        False if any run drifts more, None if a run's drift was not measured.  The default
        runs at T = 1 (t = 2000) are not settled (docs/dynamics.md, "Has the plateau stopped
        drifting?"): their time extrapolation carries the rest.
    """

    value: float
    error: float
    model: Model
    temperature: float
    delta2s: tuple
    rates: tuple
    rate_errors: tuple
    half_time_value: float | None
    t_max: float
    dt: float
    window: int | None
    interrupted: bool = False
    runs: tuple = field(default=(), repr=False)
    plateau_drifts: tuple = ()
    plateau_settled: bool | None = None

    def table(self):
        """The estimate as a :class:`theory._export.Table`: the plateau escape rates along ``Delta2``."""
        from theory import _export as E

        data = {"rate": np.asarray(self.rates, float), "rate_error": np.asarray(self.rate_errors, float)}
        if len(self.plateau_drifts) == len(self.delta2s):
            data["plateau_drift"] = np.asarray(self.plateau_drifts, float)
        what = "Langevin" if self.temperature > 0 else "gradient-flow"
        attrs = E._attrs(self, "value", "error", "half_time_value", "temperature", "t_max", "dt", "window",
                         "interrupted", "plateau_settled", what=f"{what} threshold from the dynamics")
        attrs.pop("delta2", None)
        meta = E._meta("delta2", *data, delta2=("Delta_2 of the run (noise variance of the matrix channel)",
                                                E.DIMENSIONLESS))
        return E.Table("delta2", np.asarray(self.delta2s, float), data, attrs, meta)

    def _draw(self, ax):
        from theory import _export

        return _export.draw_dynamics_threshold(self, ax)

    @property
    def p(self) -> int | None:
        return self.model.orders[0] if len(self.model.orders) == 1 else None

    @property
    def delta_p(self) -> float | None:
        return float(self.model.tensors[0][1]) if len(self.model.tensors) == 1 else None

    def __float__(self) -> float:
        return float(self.value)

    def __repr__(self) -> str:
        state = ", interrupted" if self.interrupted else ""
        half = ("not extrapolated" if self.half_time_value is None
                else f"{self.half_time_value:.4f}")
        if math.isfinite(self.value):
            value = f"Delta2_c = {self.value:.4f} +- {self.error:.4f}"
        else:
            value = "Delta2_c not estimated"
        plateau = {True: ", plateau settled", False: ", plateau still drifting", None: ""}[
            self.plateau_settled]
        return (f"DynamicsThreshold(tensors={dict((k, float(v)) for k, v in self.model.tensors)}, "
                f"T={self.temperature:g}: {value} from "
                f"{len(self.delta2s)} runs to t={self.t_max:g} (first halves: {half}){plateau}{state})")



#: Default length of the runs of dynamics_threshold (validated: 1% of the BBP value at p = 3).
THRESHOLD_T_MAX = 2000.0
#: Default thinned-history window of those runs (W = 64 and 128 agree to 5e-4 at p = 3, and
#: W = 64 costs 0.6 of the CPU time: docs/dynamics.md).
THRESHOLD_WINDOW = 64


def _former_defaults(model, p, delta_p) -> bool:
    """Whether ``p``/``delta_p`` are dynamics_threshold's former defaults (3, 1.0), spelled out beside a
    model they disagree with: accepted before (the defaults could not be told from them), deprecated."""
    if not isinstance(model, Model) or (p is None and delta_p is None):
        return False
    if not ((p is None or type(p) is int and p == 3) and (delta_p is None or type(delta_p) in (int, float)
                                                          and delta_p == 1)):
        return False
    try:
        Model.of_call(model, p, None, delta_p, need_delta2=False)
    except ValueError:
        return True
    return False


def dynamics_threshold(p: int | None = None, delta_p=None, *, model: Model | None = None,
                       delta2s=None, t_max: float = THRESHOLD_T_MAX, dt: float | None = None,
                       m0: float = 1e-150, temperature: float = 0.0, window: Any = THRESHOLD_WINDOW,
                       executor=None, progress=None) -> DynamicsThreshold:
    """The threshold on Delta2 from the dynamics alone (no landscape argument).

    Protocol (:mod:`numerics.dmft_threshold`, docs/dynamics.md): runs from ``m0 = 1e-150``
    stay in the linear regime, so ``lambda(t) = d log m/dt`` is measured to ``t_max``,
    extrapolated in time (``lambda_inf + A t**(-g)``) and taken from the Euler map to the flow
    (``expm1(h lambda)/h``); the rate is the gap of a BBP outlier, so ``sqrt(lambda/Delta2)``
    is extrapolated to zero in ``1/Delta2`` (quadratic from four runs on).  The error bar adds
    the rates' fit errors, their time-extrapolation error (5% of each extrapolation, the same
    sign for every run), the move of the zero without the farthest run and the drift from the
    first halves of the runs.  The defaults give 0.5000 +- 0.0009 at p = 3, Deltap = 1
    (closed form 0.5) in about 35 s of CPU.

    Parameters
    ----------
    p, delta_p :
        Shorthand for the tensor channel ``model=Model(tensors={p: delta_p})``; without
        ``model=`` they default to 3 and 1.0.
    model : theory.Model, optional
        Its tensor channels (and assumed tensor variances); its matrix variance is ignored.
    delta2s : sequence of float, optional
        Delta2 of the runs, all below the threshold.  Default: a cheap scan down from
        Delta2 = 1 (runs to t = 200) places the runs where the finite-time escape rate is
        0.12, 0.08, 0.05 and 0.03.
    t_max, m0 :
        Length and initial overlap of the runs.
    dt : float, optional
        Step of the runs; default ``min(0.2, 0.4/sqrt(Q''(1)))`` (stable on the plateau).
    temperature : float
        0: gradient flow; 1 (with a Bayes-optimal model): the Langevin threshold.
    window : int or None
        Thinned-history window of the runs (None: the fixed history).
    executor : concurrent.futures.Executor, optional
        Runs the runs in parallel (:func:`theory._sweep.run`); None runs them here.
    progress : bool or None
        The outer progress bar over the runs (None: shown for more than one run).

    Returns
    -------
    DynamicsThreshold

    Raises
    ------
    ValueError
        For invalid parameters, empty ``delta2s``, runs of too many steps or that would not
        fit in memory (naming t_max and dt), a run that diverged (dt beyond the stability
        limit), or fewer than two runs with a positive escape rate.

    Examples
    --------
    A cheap configuration (short runs, so it is off by a few percent):

    >>> import theory
    >>> est = theory.dynamics_threshold(3, 1.0, delta2s=(0.38, 0.41, 0.44), t_max=120.0,
    ...                                 window=None)
    >>> abs(est.value - 0.5) < 0.05
    True
    """
    if _former_defaults(model, p, delta_p):
        warnings.warn("dynamics_threshold(3, 1.0, model=...): the former defaults p=3, delta_p=1.0 spelled out "
                      "beside a model they disagree with are ignored; such a call will be refused, drop them",
                      DeprecationWarning, stacklevel=2)
        p = delta_p = None
    model = Model.of_call(model, p, None, delta_p, need_delta2=False, check=_float_variance,
                          defaults={"p": DEFAULT_P, "delta_p": 1.0, "delta2": 1.0})
    if not model.tensors:
        raise ValueError("dynamics_threshold needs a model with a tensor channel")
    _check_float64(model.with_delta2(1), "dynamics_threshold")
    t_max = _check_float("t_max", t_max, low=0.0)
    m0 = _check_float("m0", m0, low=0.0, high=1.0)
    temperature = _check_float("temperature", temperature, low=0.0, low_open=False)
    cap = 0.2 if dt is None else _check_float("dt", dt, low=0.0)
    _plan.check_steps(t_max, cap, what="dynamics_threshold")
    _sweep.check_executor(executor)
    if window is None:
        hist = _dmft.Fixed()
    elif isinstance(window, bool) or not isinstance(window, (int, np.integer)) or window < 8:
        raise ValueError(f"window must be None or an integer >= 8, got {window!r}")
    else:
        hist = _dmft.Thinned(int(window))
    if temperature > 0 and not model.bayes_optimal:
        warnings.warn("Langevin at T > 0 with a mismatched loss: the posterior is not sampled",
                      UserWarning, stacklevel=2)

    def field_at(d2: float):
        return model.with_delta2(d2).field

    if delta2s is None:
        try:
            delta2s = _est.scan(field_at, temperature, cap)
        except KeyboardInterrupt:
            return _interrupted(model, temperature, t_max, cap, window)
    else:
        try:
            if isinstance(delta2s, (str, bytes, dict)):
                raise TypeError
            values = list(delta2s)
        except TypeError:
            raise ValueError(f"delta2s must be a sequence of positive numbers, got "
                             f"{_validate._short(delta2s)}") from None
        delta2s = tuple(_check_float("delta2s", d, low=0.0) for d in values)
        if not delta2s:
            raise ValueError("delta2s must not be empty")
        if len(set(delta2s)) < 2:  # before any run (issue 18: it ran a minute first)
            raise ValueError(f"delta2s must hold at least two different values (the escape rate is "
                             f"extrapolated to zero in Delta2 from two runs or more), got "
                             f"{_validate._short(values)}")
    tasks = []
    for d in delta2s:
        _check_float64(model.with_delta2(d), "dynamics_threshold")
        tasks.append(_est.task(field_at(d), d, m0, t_max, cap, dt is not None, temperature, hist,
                               runs=1 if executor is None else len(delta2s)))
    try:
        sweep = _sweep.run(_est.rate_run, tasks, executor=executor, progress=progress,
                           desc="dynamics_threshold")
    except FloatingPointError as exc:  # the integrator's divergence check
        raise ValueError(f"dynamics_threshold: {exc}: dt={max(task[3] for task in tasks):g} is "
                         f"beyond the stability limit of the Euler scheme (or dt=None)") from None
    est = _est.estimate(delta2s, tasks, sweep.results, t_max, sweep.interrupted)
    if est.interrupted:
        warn_interrupted("dynamics_threshold", f"{len(est.runs)} of {len(delta2s)} runs finished "
                         f"(value and error are nan with fewer than two)")
    return DynamicsThreshold(value=est.value, error=est.error, model=model,
                             temperature=temperature, delta2s=est.delta2s, rates=est.rates,
                             rate_errors=est.rate_errors, half_time_value=est.half_time_value,
                             t_max=t_max, dt=max((task[3] for task in tasks), default=cap),
                             window=window, interrupted=est.interrupted, runs=est.runs,
                             plateau_drifts=est.plateau_drifts, plateau_settled=est.plateau_settled)


def _interrupted(model, temperature, t_max, dt, window) -> DynamicsThreshold:
    warn_interrupted("dynamics_threshold", "stopped during the scan that places the runs, before "
                     "any run (value and error are nan)", stacklevel=4)
    return DynamicsThreshold(value=math.nan, error=math.nan, model=model, temperature=temperature,
                             delta2s=(), rates=(), rate_errors=(), half_time_value=None,
                             t_max=t_max, dt=dt, window=window, interrupted=True)
