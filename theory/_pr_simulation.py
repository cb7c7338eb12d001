"""Finite-N gradient descent for real phase retrieval, one run and success-rate ensembles.

:func:`simulate_phase_retrieval` samples an instance of :class:`theory.PhaseRetrieval` at size
``n`` and sample ratio ``alpha``, descends the loss on the sphere from a random start
(:mod:`numerics.pr_simulation`: step ``1/lambda_max`` of the loss curvature, the stopping rule
stated there) and looks at the Riemannian Hessian where the descent ended.
:func:`simulate_phase_retrieval_ensemble` runs a grid of ``alpha`` x ``n`` x seeds and gives
success-rate curves with Wilson intervals and a finite-size extrapolation of the 50% point.

``theory.simulate(model=PhaseRetrieval(...), ...)`` and ``theory.simulate_ensemble(model=
PhaseRetrieval(...), ...)`` dispatch here.

References
----------
arXiv:2006.06997 (gradient flow in phase retrieval: trapped below a critical alpha, escape by a
BBP instability of the marginal states); arXiv:2403.02418 (the Hessian at the start; finite-N
success below the large-N threshold, with strong logarithmic corrections).
"""

from __future__ import annotations

import functools
import math
import numbers
import time
from dataclasses import dataclass, field

import numpy as np

from numerics import pr_simulation as _core
from theory import _sweep
from theory._results import Result
from theory._interrupt import warn_interrupted
from theory._phase_retrieval import PhaseRetrieval

__all__ = ["PhaseRetrievalRun", "PhaseRetrievalEnsemble", "simulate_phase_retrieval",
           "simulate_phase_retrieval_ensemble", "wilson_interval", "fit_half_point", "extrapolate",
           "DEFAULTS"]

_GIB = 2**30
#: Bytes one run may use unless told otherwise.
DEFAULT_MEMORY_LIMIT = 8 * _GIB
#: Largest step budget (the records take 40 bytes a step).
MAX_STEPS = 10**7
#: Largest sample ratio accepted.
MAX_ALPHA = 1e4
#: The stopping rule and the step schedule, as documented in :mod:`numerics.pr_simulation`.
DEFAULTS = dict(max_steps=100_000, success_level=0.9, gtol=1e-8, rtol=1e-6, window=1000, reestimate_every=50)
#: Two-sided 95% normal quantile (``scipy.stats.norm.ppf(0.975)``) of the Wilson intervals.
Z95 = 1.959963984540054


# -- input checks ---------------------------------------------------------------------------

def _model(model) -> PhaseRetrieval:
    if not isinstance(model, PhaseRetrieval):
        raise ValueError(f"model must be a theory.PhaseRetrieval, got {type(model).__name__}")
    return model


def _int(name: str, value, low: int, high: int) -> int:
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral) or not low <= value <= high:
        raise ValueError(f"{name} must be an integer in [{low}, {high}], got {value!r}")
    return int(value)


def _float(name: str, value, low: float, high: float, *, low_open=True, high_open=False) -> float:
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise ValueError(f"{name} must be a real number, got {value!r}")
    x = float(value)
    ok = math.isfinite(x) and (x > low if low_open else x >= low) and (x < high if high_open else x <= high)
    if not ok:
        left, right = "(" if low_open else "[", ")" if high_open else "]"
        raise ValueError(f"{name} must be a number in {left}{low:g}, {high:g}{right}, got {value!r}")
    return x


def _rng(seed) -> np.random.Generator:
    if isinstance(seed, (bool, np.bool_)):
        raise ValueError(f"seed must be a non-negative int, a numpy SeedSequence or None, got {seed!r}")
    try:
        return np.random.default_rng(seed)
    except (TypeError, ValueError, OverflowError) as exc:
        raise ValueError(f"seed must be a non-negative int, a numpy SeedSequence or None, got {seed!r}") from exc


@dataclass(frozen=True)
class _Plan:
    """A validated run without its seed (picklable: the task of an ensemble)."""

    model: PhaseRetrieval
    n: int
    alpha: float
    m: int
    max_steps: int
    success_level: float
    gtol: float
    rtol: float
    window: int
    reestimate_every: int
    dtype: str
    diagnostics: bool


def _plan(model, n, alpha, *, max_steps, success_level, gtol, rtol, window, reestimate_every,
          memory_limit, dtype, diagnostics) -> _Plan:
    model = _model(model)
    n = _int("n", n, 8, 10**7)
    alpha = _float("alpha", alpha, 0.0, MAX_ALPHA)
    max_steps = _int("max_steps", max_steps, 1, MAX_STEPS)
    success_level = _float("success_level", success_level, 0.0, 1.0)
    gtol = _float("gtol", gtol, 0.0, math.inf, low_open=False, high_open=True)
    rtol = _float("rtol", rtol, 0.0, 1.0, low_open=False)
    window = _int("window", window, 1, MAX_STEPS)
    reestimate_every = _int("reestimate_every", reestimate_every, 1, MAX_STEPS)
    if dtype not in ("float64", "float32", np.float64, np.float32):
        raise ValueError(f"dtype must be 'float64' or 'float32', got {dtype!r}")
    dtype = np.dtype(dtype).name
    memory_limit = _float("memory_limit", memory_limit, 0.0, math.inf, high_open=True)
    m = max(1, math.ceil(alpha * n - 1e-9))
    need = _core.run_bytes(n, alpha, max_steps, dtype)
    if need > memory_limit:
        raise ValueError(f"n={n}, alpha={alpha:g}: the {m} x {n} sensing matrix in {dtype} and the records of "
                         f"max_steps={max_steps} need {need / _GIB:.2f} GiB, above memory_limit = "
                         f"{memory_limit / _GIB:.2f} GiB; lower n or alpha, use dtype='float32' or raise memory_limit")
    return _Plan(model=model, n=n, alpha=alpha, m=m, max_steps=max_steps, success_level=success_level, gtol=gtol,
                 rtol=rtol, window=window, reestimate_every=reestimate_every, dtype=dtype,
                 diagnostics=bool(diagnostics))


# -- one run ----------------------------------------------------------------------------------

@dataclass(frozen=True, repr=False, eq=False)
class PhaseRetrievalRun(Result):
    """One gradient-descent run on a sampled phase-retrieval instance.

    Attributes
    ----------
    model : theory.PhaseRetrieval
    n, alpha, m_rows : int, float, int
        Dimension ``N``, sample ratio and the number of measurements ``M = ceil(alpha N)``.
    seed : object
        The seed of ``numpy.random.default_rng`` (draws: signal, start, matrix, label noise).
    t, m, loss, gradient_norm, step_size : ndarray
        Per accepted step (index 0 is the start): flow time (the sum of the steps), the signed
        overlap ``x.x*/N``, ``L/N``, ``|P grad L| / sqrt(N)`` and the step that led there.
    outcome : str
        ``"success"``, ``"stalled"``, ``"budget"`` or ``"interrupted"``
        (:mod:`numerics.pr_simulation`).
    success : bool
        ``|m|`` reached ``success_level``.
    lowest : float
        Smallest eigenvalue of the Riemannian Hessian at the end (Lanczos; nan when not computed).
    eigenvalues : ndarray
        The smallest eigenvalues found (ascending; empty when not computed).
    overlap : float
        Squared overlap ``(v.x*)^2/N`` of the unit eigenvector ``v`` of ``lowest`` with the signal.
    mu : float
        ``mu_L = (1/N) sum l'(h) h`` at the end.
    h, h_star, y : ndarray
        The empirical sample at the end: ``h = A x/sqrt(N)``, ``h* = A x*/sqrt(N)`` and the labels.
    x, x_star : ndarray
        The final state and the signal.
    success_level : float
    interrupted : bool
        Ctrl-C stopped the run (the records hold the completed steps).
    seconds : float
        Wall time of the descent and the diagnostics (not the sampling).
    """

    model: PhaseRetrieval
    n: int
    alpha: float
    m_rows: int
    seed: object
    t: np.ndarray
    m: np.ndarray
    loss: np.ndarray
    gradient_norm: np.ndarray
    step_size: np.ndarray
    outcome: str
    success: bool
    lowest: float
    eigenvalues: np.ndarray
    overlap: float
    mu: float
    h: np.ndarray
    h_star: np.ndarray
    y: np.ndarray
    x: np.ndarray
    x_star: np.ndarray
    success_level: float
    interrupted: bool
    seconds: float

    _ignore = ("seconds",)  # wall time

    def __repr__(self) -> str:
        return (f"PhaseRetrievalRun(model={self.model!r}, n={self.n}, alpha={self.alpha:g}, outcome={self.outcome!r}, "
                f"steps={self.steps}, |m|={abs(self.m[-1]):.4f}, loss={self.loss[-1]:.4g}, "
                f"lowest={self.lowest:.4g}, overlap={self.overlap:.3g})")

    @property
    def steps(self) -> int:
        """Accepted descent steps."""
        return len(self.t) - 1

    @property
    def abs_m(self) -> np.ndarray:
        """``|m|`` per step (the model is symmetric under ``x -> -x``)."""
        return np.abs(self.m)

    @property
    def sample(self) -> tuple[np.ndarray, np.ndarray]:
        """``(h, h_star)`` at the end, for ``theory.hessian(model=, alpha=, sample=)``."""
        return self.h, self.h_star

    def theory_hessian(self):
        """``theory.hessian(model=self.model, alpha=self.alpha, sample=(h, h_star, y), m=m)``: the
        random-matrix theory of the Hessian for the empirical law of ``(h, h*, y)`` at the end
        (and the state's exact overlap ``m``), to compare with :attr:`lowest` and :attr:`overlap`."""
        import theory

        return theory.hessian(model=self.model, alpha=self.alpha, sample=(self.h, self.h_star, self.y),
                              m=float(self.m[-1]))

    def table(self):
        from theory._export import Table, _meta

        data = {"t": self.t, "m": self.m, "abs_m": self.abs_m, "loss": self.loss,
                "gradient_norm": self.gradient_norm, "step_size": self.step_size}
        attrs = {"what": "gradient descent on a sampled phase-retrieval instance", "loss": self.model.loss,
                 "a": self.model.a if self.model.a is not None else "none", "noise": self.model.noise, "n": self.n,
                 "alpha": self.alpha, "m_rows": self.m_rows, "seed": str(self.seed), "outcome": self.outcome,
                 "success": int(self.success), "success_level": self.success_level, "lowest": self.lowest,
                 "overlap": self.overlap, "mu": self.mu, "interrupted": int(self.interrupted),
                 "seconds": self.seconds, "dps": "float64", "version": _version()}
        meta = _meta("step", "t", "m", "abs_m", "loss", "gradient_norm", "step_size",
                     t=("flow time t (sum of the steps)", "1"), m=("signed overlap m = x.x*/N", "1"))
        return Table("step", np.arange(len(self.t)), {k: np.asarray(v, float) for k, v in data.items()},
                     {k: v for k, v in attrs.items() if not (isinstance(v, float) and math.isnan(v))}, meta)

    def _draw(self, ax):
        t = np.asarray(self.t)
        ax.plot(t[1:], self.abs_m[1:], color="tab:blue", label="|m|")
        ax.axhline(self.success_level, color="tab:blue", linestyle=":", linewidth=0.8,
                   label=f"success level {self.success_level:g}")
        ax.set_xscale("log")
        ax.set_xlabel("flow time t (sum of the steps)")
        ax.set_ylabel("overlap |m|")
        ax.set_ylim(0, 1.02)
        twin = ax.twinx()
        twin.plot(t[1:], self.loss[1:], color="tab:red", linestyle="--", label="loss L/N")
        twin.set_yscale("log")
        twin.set_ylabel("loss L/N", color="tab:red")
        ax.set_title(f"{_model_label(self.model)}, N = {self.n}, $\\alpha$ = {self.alpha:g}: {self.outcome}")
        ax.legend(handles=[*ax.get_lines(), *twin.get_lines()], loc="best", fontsize=8)
        return ax


def _version() -> str:
    import theory

    return theory.__version__


def _model_label(model: PhaseRetrieval) -> str:
    what = "square loss" if model.loss == "square" else f"regularised loss, a = {model.a:g}"
    return what + (f", noise {model.noise:g}" if model.noise else "")


def _run(plan: _Plan, seed, progress=None, *, warn=True) -> PhaseRetrievalRun:
    from numerics.progress import bar as make_bar

    rng = _rng(seed)
    model = plan.model
    inst = _core.Instance(n=plan.n, m=plan.m, labels=model.labels, rng=rng, dtype=plan.dtype)
    start = time.perf_counter()
    with make_bar(total=plan.max_steps, desc=f"phase retrieval N={plan.n} alpha={plan.alpha:g}", unit="step",
                  progress=progress) as bar:
        d = _core.descend(inst, model.loss_jets, inst.x0, max_steps=plan.max_steps, success_level=plan.success_level,
                          gtol=plan.gtol, rtol=plan.rtol, window=plan.window,
                          reestimate_every=plan.reestimate_every, bar=bar)
    interrupted = d.interrupted
    eigenvalues, lowest, overlap = np.array([]), math.nan, math.nan
    h = inst.preactivations(d.x)
    mu = float(np.sum(model.loss_jets(h, inst.y)[1] * h) / plan.n)
    if plan.diagnostics and not interrupted:
        try:
            diag = _core.hessian_diagnostics(inst, model.loss_jets, d.x)
        except KeyboardInterrupt:
            interrupted = True
        else:
            eigenvalues, lowest, overlap, mu = diag.eigenvalues, diag.lowest, diag.overlap, diag.mu
    if interrupted and warn:
        what = (f"stopped at step {d.steps} of at most {plan.max_steps}" if d.interrupted
                else "the descent finished; the Hessian diagnostics were cut (nan)")
        warn_interrupted("simulate_phase_retrieval", what)
    return PhaseRetrievalRun(
        model=model, n=plan.n, alpha=plan.alpha, m_rows=plan.m, seed=seed, t=d.t, m=d.m, loss=d.loss,
        gradient_norm=d.gradient_norm, step_size=d.step, outcome="interrupted" if interrupted else d.outcome,
        success=bool(abs(d.m[-1]) >= plan.success_level), lowest=lowest, eigenvalues=eigenvalues, overlap=overlap,
        mu=mu, h=h, h_star=inst.h_star, y=inst.y, x=d.x, x_star=inst.x_star, success_level=plan.success_level,
        interrupted=interrupted, seconds=time.perf_counter() - start)


def simulate_phase_retrieval(model, *, n, alpha, seed=None, max_steps=DEFAULTS["max_steps"],
                             success_level=DEFAULTS["success_level"], gtol=DEFAULTS["gtol"], rtol=DEFAULTS["rtol"],
                             window=DEFAULTS["window"], reestimate_every=DEFAULTS["reestimate_every"],
                             diagnostics=True, progress=None, memory_limit=DEFAULT_MEMORY_LIMIT,
                             dtype="float64") -> PhaseRetrievalRun:
    """Gradient descent on the sphere for a sampled phase-retrieval instance, from a random start.

    Draws ``x*`` uniform on ``|x*|^2 = N``, a random start ``x0`` uniform on the sphere, the
    ``M = ceil(alpha N)`` sensing vectors ``a_mu ~ N(0, I_N)`` and the labels
    ``y = (a.x*)^2/N`` (plus the model's label noise), then descends ``L(x) = sum l(h; y)``:
    ``x <- sqrt(N) (x - eta P grad L)/|.|`` with ``eta = 1/lambda`` from the loss curvature
    (power iteration, re-estimated every ``reestimate_every`` steps and whenever a step would
    raise the loss; :mod:`numerics.pr_simulation`).

    Stopping rule: **success** when ``|m| >= success_level``; **stalled** when
    ``|P grad L|/sqrt(N) < gtol`` or the loss decreased by at most ``rtol`` (relative) over the
    last ``window`` steps; else the **budget** ``max_steps``.  At the end, the smallest
    eigenvalues of the Riemannian Hessian ``P[(1/N) A^T diag(l'') A - mu_L I]P`` by matrix-free
    Lanczos, the squared overlap of the lowest eigenvector with the signal and the empirical
    sample ``(h, h*)`` (for ``theory.hessian(..., sample=)``).

    Parameters
    ----------
    model : theory.PhaseRetrieval
    n : int
        Dimension ``N``, in ``[8, 10**7]`` (the memory check decides what fits).
    alpha : float
        Sample ratio ``M/N``, in ``(0, 1e4]``.
    seed : int, numpy.random.SeedSequence or None
        Seed of ``numpy.random.default_rng``; the run is reproducible bit for bit (one BLAS thread).
    max_steps, success_level, gtol, rtol, window, reestimate_every
        The stopping rule and step schedule above (defaults :data:`DEFAULTS`).
    diagnostics : bool
        Compute the Hessian diagnostics at the end (default True).
    progress : bool or None
        Progress bar over the steps (``numerics.progress.bar``; None: on a terminal only).
    memory_limit : float
        Bytes a run may use (default 8 GiB); larger runs are refused before any allocation.
    dtype : {"float64", "float32"}
        Storage of ``A`` (float32 halves memory and time per step; a different instance).

    Returns
    -------
    PhaseRetrievalRun
        Ctrl-C stops the descent: the steps that finished are returned with ``interrupted=True``
        and a :class:`theory.Interrupted` warning.

    Raises
    ------
    ValueError
        A parameter outside its range (the message names it), or a run that would need more
        than ``memory_limit`` (the message names ``n``, ``alpha`` and the GiB needed).

    Examples
    --------
    >>> from theory import PhaseRetrieval
    >>> from theory._pr_simulation import simulate_phase_retrieval
    >>> r = simulate_phase_retrieval(PhaseRetrieval("regularised"), n=100, alpha=6.0, seed=1, progress=False)
    >>> r.outcome, r.success, bool(r.loss[-1] < r.loss[0])
    ('success', True, True)
    >>> simulate_phase_retrieval(PhaseRetrieval(), n=100_000, alpha=10.0, seed=0)
    Traceback (most recent call last):
        ...
    ValueError: n=100000, alpha=10: the 1000000 x 100000 sensing matrix in float64 and the records of max_steps=100000 need 745.21 GiB, above memory_limit = 8.00 GiB; lower n or alpha, use dtype='float32' or raise memory_limit

    References
    ----------
    arXiv:2006.06997, arXiv:2403.02418.
    """
    plan = _plan(model, n, alpha, max_steps=max_steps, success_level=success_level, gtol=gtol, rtol=rtol,
                 window=window, reestimate_every=reestimate_every, memory_limit=memory_limit, dtype=dtype,
                 diagnostics=diagnostics)
    _rng(seed)
    return _run(plan, seed, progress)


# -- ensembles --------------------------------------------------------------------------------

def wilson_interval(successes, trials, z: float = Z95):
    """Wilson score interval ``(low, high)`` of a binomial proportion (elementwise; nan where
    ``trials == 0``).

    Examples
    --------
    >>> low, high = wilson_interval(0, 10)
    >>> round(float(low), 12), round(float(high), 4)
    (0.0, 0.2775)
    """
    s = np.asarray(successes, dtype=float)
    k = np.asarray(trials, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = s / k
        denom = 1 + z * z / k
        center = (p + z * z / (2 * k)) / denom
        half = z / denom * np.sqrt(p * (1 - p) / k + z * z / (4 * k * k))
    return np.clip(center - half, 0, 1), np.clip(center + half, 0, 1)


def fit_half_point(alphas, successes, trials, *, max_iter: int = 100):
    """The 50% point of a success curve: ``(alpha_50, error, method)``.

    A logistic curve ``P(success) = 1/(1 + exp(-(b0 + b1 alpha)))`` is fitted by maximum
    likelihood (Newton / IRLS on the binomial log-likelihood), ``alpha_50 = -b0/b1``, its
    error by the delta method from the inverse Fisher information (``method="logistic"``).
    The maximum exists only when the outcomes overlap (a failure at a larger ``alpha`` than some
    success); with few seeds they often do not (complete or quasi-complete separation, where the
    likelihood grows without bound as the slope does).  Then the curve is interpolated linearly
    between the two neighbouring points whose rates bracket 50%, and the error is half their
    distance (``method="interpolation"``).  ``(nan, nan, "none")`` when no rate is at or above
    50%, or none at or below.

    Examples
    --------
    >>> fit_half_point([1, 2, 3, 4], [0, 0, 10, 10], [10, 10, 10, 10])
    (2.5, 0.5, 'interpolation')
    >>> a50, err, how = fit_half_point([1, 2, 3, 4], [0, 4, 7, 10], [10, 10, 10, 10])
    >>> round(a50, 3), how
    (2.398, 'logistic')
    """
    a = np.asarray(alphas, dtype=float)
    s = np.asarray(successes, dtype=float)
    k = np.asarray(trials, dtype=float)
    keep = k > 0
    order = np.argsort(a[keep], kind="stable")
    a, s, k = a[keep][order], s[keep][order], k[keep][order]
    rate = s / np.maximum(k, 1)
    if a.size == 0 or not (rate >= 0.5).any() or not (rate <= 0.5).any():
        return math.nan, math.nan, "none"
    if (s < k).any() and (s > 0).any() and a[s < k].max() > a[s > 0].min():
        try:
            return _logistic_half_point(a, s, k, max_iter)
        except np.linalg.LinAlgError:
            pass
    j = int(np.argmax(rate >= 0.5))
    if j == 0:
        return float(a[0]), math.nan, "interpolation"
    lo, hi = a[j - 1], a[j]
    x = lo + (hi - lo) * (0.5 - rate[j - 1]) / (rate[j] - rate[j - 1])
    return float(x), float(0.5 * (hi - lo)), "interpolation"


def _logistic_half_point(a, s, k, max_iter):
    scale = max(float(np.ptp(a)), 1e-12)
    x = np.column_stack([np.ones_like(a), (a - a.mean()) / scale])
    beta = np.zeros(2)

    def loglik(b):
        eta = x @ b
        return float(np.sum(s * eta - k * np.logaddexp(0.0, eta)))

    current = loglik(beta)
    for _ in range(max_iter):
        p = 0.5 * (1 + np.tanh(0.5 * (x @ beta)))
        info = (x.T * (k * p * (1 - p))) @ x
        delta = np.linalg.solve(info, x.T @ (s - k * p))
        step = 1.0
        while loglik(beta + step * delta) < current - 1e-12 and step > 1e-8:
            step *= 0.5
        beta = beta + step * delta
        new = loglik(beta)
        if abs(new - current) <= 1e-13 * (1 + abs(new)) and np.max(np.abs(step * delta)) < 1e-10:
            current = new
            break
        current = new
    else:
        from numerics.solvers import ConvergenceError

        raise ConvergenceError(f"fit_half_point: the logistic fit did not converge in {max_iter} iterations "
                               f"(alphas {a.tolist()}, successes {s.tolist()}, trials {k.tolist()})")
    p = 0.5 * (1 + np.tanh(0.5 * (x @ beta)))
    cov = np.linalg.inv((x.T * (k * p * (1 - p))) @ x)
    b0, b1 = beta
    u = -b0 / b1  # in the scaled variable
    grad = np.array([-1 / b1, b0 / b1**2])
    var = float(grad @ cov @ grad)
    return float(a.mean() + scale * u), float(scale * math.sqrt(max(var, 0.0))), "logistic"


def extrapolate(ns, values, errors, *, scaling="log"):
    """Weighted least-squares extrapolation of ``alpha_50(N)`` to ``N -> infinity``.

    ``scaling="log"``: ``alpha_50(N) = alpha_inf + c / log N``, the leading logarithmic
    correction that arXiv:2403.02418 reports for finite-N recovery in this model (its
    abstract: "strong logarithmic corrections"); a number ``nu``: ``alpha_inf + c N^-nu``.  Two
    parameters, so three sizes leave one degree of freedom; the error of ``alpha_inf`` is the
    weighted-least-squares standard error from the errors of the points, inflated by
    ``sqrt(chi2/dof)`` when that exceeds 1.

    Returns
    -------
    (alpha_inf, error, c) : floats (nan when fewer than two finite points)

    Examples
    --------
    >>> ns = [100, 1000, 10000]
    >>> vals = [5 + 8 / math.log(n) for n in ns]
    >>> [round(v, 9) for v in extrapolate(ns, vals, [0.1, 0.1, 0.1])[::2]]
    [5.0, 8.0]
    """
    ns = np.asarray(ns, dtype=float)
    v = np.asarray(values, dtype=float)
    e = np.asarray(errors, dtype=float)
    ok = np.isfinite(v) & np.isfinite(e) & (e > 0)
    if ok.sum() < 2:
        return math.nan, math.nan, math.nan
    if scaling == "log":
        u = 1.0 / np.log(ns[ok])
    else:
        nu = _float("scaling", scaling, 0.0, 10.0)
        u = ns[ok] ** -nu
    w = 1.0 / e[ok] ** 2
    x = np.column_stack([np.ones_like(u), u])
    info = (x.T * w) @ x
    cov = np.linalg.inv(info)
    beta = cov @ (x.T @ (w * v[ok]))
    dof = int(ok.sum()) - 2
    if dof > 0:
        chi2 = float(np.sum(w * (v[ok] - x @ beta) ** 2))
        cov = cov * max(1.0, chi2 / dof)
    return float(beta[0]), float(math.sqrt(cov[0, 0])), float(beta[1])


def _check_scaling(scaling):
    if scaling == "log":
        return scaling
    if isinstance(scaling, str):
        raise ValueError(f"scaling must be 'log' or a positive exponent nu, got {scaling!r}")
    return _float("scaling", scaling, 0.0, 10.0)


@dataclass(frozen=True, repr=False, eq=False)
class PhaseRetrievalEnsemble(Result):
    """Success-rate curves against ``alpha`` at several ``N`` (:func:`simulate_phase_retrieval_ensemble`).

    Attributes
    ----------
    model : theory.PhaseRetrieval
    alphas, ns, seeds : tuple
        The grid: ``rate[i, j]`` is at ``ns[i]``, ``alphas[j]``.
    successes, trials : ndarray of int, shape (len(ns), len(alphas))
        Successful and finished runs per point (a run cut by Ctrl-C is not a trial).
    rate, ci_low, ci_high : ndarray
        Success rate and its 95% Wilson interval (nan where no run finished).
    final_m, lowest, overlap, steps, seconds : ndarray, shape (len(ns), len(alphas), len(seeds))
        Per run: final ``|m|``, smallest Hessian eigenvalue, its eigenvector's squared overlap with
        the signal, accepted steps, wall time (nan for runs that did not finish).
    outcomes : ndarray of str, same shape ("" for runs that did not finish).
    alpha_50, alpha_50_error : ndarray, shape (len(ns),)
        The 50% point per ``N`` (:func:`fit_half_point`) and its error.
    alpha_50_method : tuple of str
    alpha_inf, alpha_inf_error, slope : float
        The extrapolation ``alpha_50(N) = alpha_inf + slope * f(N)`` (:func:`extrapolate`).
    scaling : str or float
        ``"log"`` (``f = 1/log N``) or ``nu`` (``f = N^-nu``).
    interrupted : bool
    """

    model: PhaseRetrieval
    alphas: tuple
    ns: tuple
    seeds: tuple
    successes: np.ndarray
    trials: np.ndarray
    rate: np.ndarray
    ci_low: np.ndarray
    ci_high: np.ndarray
    final_m: np.ndarray
    lowest: np.ndarray
    overlap: np.ndarray
    steps: np.ndarray
    seconds: np.ndarray
    outcomes: np.ndarray
    alpha_50: np.ndarray
    alpha_50_error: np.ndarray
    alpha_50_method: tuple
    alpha_inf: float
    alpha_inf_error: float
    slope: float
    scaling: object
    success_level: float
    interrupted: bool = False
    options: dict = field(default_factory=dict)

    _ignore = ("seconds",)  # wall time

    def __repr__(self) -> str:
        fifty = ", ".join(f"N={n}: {a:.3g}" for n, a in zip(self.ns, self.alpha_50))
        return (f"PhaseRetrievalEnsemble(model={self.model!r}, ns={self.ns}, alphas={len(self.alphas)} points, "
                f"seeds={len(self.seeds)}, alpha_50 [{fifty}], alpha_inf={self.alpha_inf:.4g} +- "
                f"{self.alpha_inf_error:.2g}{', interrupted' if self.interrupted else ''})")

    def table(self):
        """One row per ``(N, alpha)`` point: rate, Wilson interval, counts, 50% points as attributes."""
        from theory._export import Table, _meta

        nn, aa = np.meshgrid(np.asarray(self.ns, float), np.asarray(self.alphas, float), indexing="ij")
        data = {"n": nn.ravel(), "alpha": aa.ravel(), "rate": self.rate.ravel(), "ci_low": self.ci_low.ravel(),
                "ci_high": self.ci_high.ravel(), "successes": self.successes.ravel().astype(float),
                "trials": self.trials.ravel().astype(float),
                "median_lowest": _nanmedian(self.lowest).ravel()}
        attrs = {"what": "finite-N success rate of gradient descent (phase retrieval)", "loss": self.model.loss,
                 "a": self.model.a if self.model.a is not None else "none", "noise": self.model.noise,
                 "seeds": len(self.seeds), "success_level": self.success_level,
                 "alpha_50": ",".join(f"{v:.6g}" for v in self.alpha_50),
                 "alpha_50_error": ",".join(f"{v:.3g}" for v in self.alpha_50_error),
                 "alpha_inf": self.alpha_inf, "alpha_inf_error": self.alpha_inf_error, "scaling": str(self.scaling),
                 "confidence": "95% Wilson", "interrupted": int(self.interrupted), "dps": "float64",
                 "version": _version()}
        meta = _meta("point", *data, rate=(f"success rate (|m| >= {self.success_level:g})", "1"))
        return Table("point", np.arange(nn.size), data,
                     {k: v for k, v in attrs.items() if not (isinstance(v, float) and math.isnan(v))}, meta)

    def _draw(self, ax):
        alphas = np.asarray(self.alphas, float)
        for i, n in enumerate(self.ns):
            r = self.rate[i]
            yerr = np.vstack([r - self.ci_low[i], self.ci_high[i] - r])
            (line,) = ax.plot(alphas, r, marker="o", label=f"N = {n}")
            ax.errorbar(alphas, r, yerr=yerr, fmt="none", color=line.get_color(), capsize=2, alpha=0.7)
        if math.isfinite(self.alpha_inf):
            ax.axvline(self.alpha_inf, color="black", linewidth=1.0,
                       label=f"extrapolated 50%: {self.alpha_inf:.3g} $\\pm$ {self.alpha_inf_error:.2g}")
            ax.axvspan(self.alpha_inf - self.alpha_inf_error, self.alpha_inf + self.alpha_inf_error, color="0.88")
        ax.axhline(0.5, color="0.5", linewidth=0.6, linestyle=":")
        ax.set_xlabel(r"sample ratio $\alpha = M/N$")
        ax.set_ylabel(f"success rate (|m| $\\geq$ {self.success_level:g}), 95% Wilson")
        ax.set_ylim(-0.03, 1.03)
        ax.set_title(f"gradient descent, {_model_label(self.model)}, {len(self.seeds)} seeds per point")
        ax.legend(loc="best", fontsize=8)
        return ax


def _nanmedian(a: np.ndarray) -> np.ndarray:
    out = np.full(a.shape[:-1], np.nan)
    for idx in np.ndindex(out.shape):
        v = a[idx]
        v = v[np.isfinite(v)]
        if v.size:
            out[idx] = np.median(v)
    return out


def _ensemble_task(task):
    plan, seed = task
    r = _run(plan, seed, progress=False, warn=False)
    if r.interrupted:  # Ctrl-C inside a run stops the whole ensemble
        raise KeyboardInterrupt
    return (abs(float(r.m[-1])), r.outcome, r.lowest, r.overlap, r.steps, r.seconds)


def simulate_phase_retrieval_ensemble(model, *, alphas, ns, seeds, executor=None, progress=None, scaling="log",
                                      **options) -> PhaseRetrievalEnsemble:
    """Success rate of :func:`simulate_phase_retrieval` against ``alpha`` at several ``N``.

    Every ``(N, alpha, seed)`` is one run (through ``theory._sweep.run``: serially or on
    ``executor``, results identical, in task order).  The same seed at the same ``N`` draws the
    same signal, start and leading rows of the matrix at every ``alpha`` (common random numbers).
    Per point: the success rate with a 95% Wilson interval; per ``N``: the 50% point
    (:func:`fit_half_point`, a logistic maximum-likelihood fit); over ``N``: the extrapolation
    ``alpha_50(N) = alpha_inf + c/log N`` (:func:`extrapolate`; ``scaling=nu`` for ``c N^-nu``).

    Parameters
    ----------
    model : theory.PhaseRetrieval
    alphas : sequence of float
        Sample ratios (each in ``(0, 1e4]``).
    ns : sequence of int
        Sizes.
    seeds : sequence of int or SeedSequence
        Runs per point.
    executor : concurrent.futures.Executor, optional
        Where to run (None: serially).  Each run uses one BLAS thread.
    progress : bool or None
        A bar over the runs.
    scaling : "log" or float
        The finite-size form of the extrapolation.
    **options
        The run options of :func:`simulate_phase_retrieval` (``max_steps``, ``success_level``,
        ``gtol``, ``rtol``, ``window``, ``reestimate_every``, ``diagnostics``, ``memory_limit``,
        ``dtype``), validated for every point before the first run.

    Returns
    -------
    PhaseRetrievalEnsemble
        Ctrl-C stops the sweep: the runs that finished are counted (``interrupted=True``, an
        :class:`theory.Interrupted` warning).

    Examples
    --------
    >>> from theory import PhaseRetrieval
    >>> from theory._pr_simulation import simulate_phase_retrieval_ensemble
    >>> e = simulate_phase_retrieval_ensemble(PhaseRetrieval(), alphas=[1.0, 8.0], ns=[40], seeds=range(3),
    ...                                       diagnostics=False, progress=False)
    >>> e.rate.tolist()
    [[0.0, 1.0]]
    """
    model = _model(model)
    allowed = {"max_steps", "success_level", "gtol", "rtol", "window", "reestimate_every", "diagnostics",
               "memory_limit", "dtype"}
    unknown = sorted(set(options) - allowed)
    if unknown:
        raise ValueError(f"simulate_phase_retrieval_ensemble got unknown parameters {unknown}; it takes alphas, ns, "
                         f"seeds, executor, progress, scaling and {sorted(allowed)}")
    opts = {**DEFAULTS, "diagnostics": True, "memory_limit": DEFAULT_MEMORY_LIMIT, "dtype": "float64", **options}
    alphas = _sequence("alphas", alphas)
    ns = _sequence("ns", ns)
    seeds = _sequence("seeds", seeds)
    for seed in seeds:
        _rng(seed)
    scaling = _check_scaling(scaling)
    _sweep.check_executor(executor)
    plans = [[_plan(model, n, a, **opts) for a in alphas] for n in ns]
    tasks = [(plans[i][j], seed) for i in range(len(ns)) for j in range(len(alphas)) for seed in seeds]
    sweep = _sweep.run(_ensemble_task, tasks, executor=executor, progress=progress, desc="phase retrieval runs")
    shape = (len(ns), len(alphas), len(seeds))
    final_m, lowest, overlap, steps, seconds = (np.full(shape, np.nan) for _ in range(5))
    outcomes = np.full(shape, "", dtype=object)
    for flat, res in enumerate(sweep.results):
        if res is None:
            continue
        idx = np.unravel_index(flat, shape)
        final_m[idx], outcomes[idx], lowest[idx], overlap[idx], steps[idx], seconds[idx] = res
    level = opts["success_level"]
    done = outcomes != ""
    trials = done.sum(axis=2)
    successes = (done & (outcomes == "success")).sum(axis=2)
    with np.errstate(invalid="ignore", divide="ignore"):
        rate = np.where(trials > 0, successes / np.maximum(trials, 1), np.nan)
    ci_low, ci_high = wilson_interval(successes, trials)
    fifty = [fit_half_point(alphas, successes[i], trials[i]) for i in range(len(ns))]
    a50 = np.array([f[0] for f in fifty])
    e50 = np.array([f[1] for f in fifty])
    a_inf, e_inf, slope = extrapolate(ns, a50, e50, scaling=scaling)
    if sweep.interrupted:
        warn_interrupted("simulate_phase_retrieval_ensemble",
                         f"{int(done.sum())} of {len(tasks)} runs finished (the rest are not counted)")
    return PhaseRetrievalEnsemble(
        model=model, alphas=tuple(float(a) for a in alphas), ns=tuple(int(n) for n in ns), seeds=tuple(seeds),
        successes=successes, trials=trials, rate=rate, ci_low=ci_low, ci_high=ci_high, final_m=final_m,
        lowest=lowest, overlap=overlap, steps=steps, seconds=seconds, outcomes=outcomes, alpha_50=a50,
        alpha_50_error=e50, alpha_50_method=tuple(f[2] for f in fifty), alpha_inf=a_inf, alpha_inf_error=e_inf,
        slope=slope, scaling=scaling, success_level=level, interrupted=sweep.interrupted,
        options={k: v for k, v in opts.items()})


def _sequence(name: str, values) -> tuple:
    if isinstance(values, (str, bytes)) or not hasattr(values, "__iter__"):
        raise ValueError(f"{name} must be a non-empty sequence, got {values!r}")
    values = tuple(values)
    if not values:
        raise ValueError(f"{name} must be a non-empty sequence, got an empty one")
    if len(values) > 10**6:
        raise ValueError(f"{name}: at most 10**6 values, got {len(values)}")
    return values
