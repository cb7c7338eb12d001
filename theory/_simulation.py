"""``theory.simulate``: sample any spiked spherical model at finite N, run gradient flow, look at
the Hessian; ``theory.simulate_ensemble``: the same over many seeds, serially or on an executor."""

from __future__ import annotations

import functools
import math
import numbers
import warnings
from dataclasses import dataclass, field

import numpy as np

from numerics import simulation as _sim
from theory import _sweep, _validate
from theory._interrupt import warn_interrupted
from theory._model import Model, _is_absent
from theory._results import Result

__all__ = ["SampledSpectrum", "SimulationEnsemble", "SimulationResult", "simulate", "simulate_ensemble"]

_GIB = 2**30
#: Default cap on the memory an instance may take while it is sampled (bytes).
DEFAULT_MEMORY_LIMIT = 8 * _GIB
#: Noise variances a float64 simulation resolves: the couplings ``1/Delta'`` and the noise
#: ``sqrt(Delta)`` stay normal doubles, with room for ``N**((p-1)/2)`` factors.
VARIANCE_RANGE = (1e-100, 1e100)
#: Most steps one run may take (the records take 40 bytes a step; the time is the real limit).
MAX_STEPS = 10**7


@dataclass(frozen=True, eq=False, repr=False)
class SampledSpectrum(Result):
    """Spectrum of the Riemannian Hessian of a sampled instance at one state of the flow.

    Compares with ``==`` (arrays by value) and pickles (:class:`theory._results.Result`);
    ``table()``/``to_xarray()``: the eigenvalues by index, ``plot()``: their histogram.

    Attributes
    ----------
    time : float
        The time of the state (a point of the integration grid).
    eigenvalues : ndarray
        The ``N - 1`` eigenvalues on the tangent space of the sphere, ascending.
    lowest : float
        ``eigenvalues[0]``.
    lowest_vector : ndarray
        Its unit eigenvector, in the ambient space (orthogonal to the state).
    signal_overlap : float
        ``|lowest_vector . x*| / sqrt(N)``: the cosine between it and the signal (at most
        ``sqrt(1 - m**2)``, the cosine of the signal's tangent part).
    m, mu, gradient_norm : float
        Overlap, ``mu = -x.grad L / N`` and ``|grad_sphere L| / sqrt(N)`` at the state
        (compare with :func:`theory.hessian` at this ``m`` and ``mu``).
    """

    time: float
    eigenvalues: np.ndarray = field(repr=False)
    lowest: float
    lowest_vector: np.ndarray = field(repr=False)
    signal_overlap: float
    m: float
    mu: float
    gradient_norm: float

    @property
    def second(self) -> float:
        """The second-lowest eigenvalue (the lower edge of the bulk when ``lowest`` is an outlier)."""
        return float(self.eigenvalues[1])

    def table(self):
        """The eigenvalues (ascending) by ``index``; the state's scalars as attributes."""
        from theory._export import DIMENSIONLESS, Table, _attrs, _meta

        data = {"eigenvalue": np.asarray(self.eigenvalues, float)}
        attrs = _attrs(self, "time", "lowest", "signal_overlap", "m", "mu", "gradient_norm",
                       what="spectrum of the Riemannian Hessian of a sampled instance")
        meta = _meta(index=("index of the eigenvalue, ascending", DIMENSIONLESS),
                     eigenvalue=("eigenvalue of the Riemannian Hessian at the state", DIMENSIONLESS))
        return Table("index", np.arange(len(self.eigenvalues)), data, attrs, meta)

    def _draw(self, ax):
        """A histogram of the eigenvalues, the lowest marked."""
        from theory._export import _M_COLOUR, _g

        values = np.asarray(self.eigenvalues, float)
        ax.hist(values, bins=max(10, min(80, values.size // 4)), density=True, color=_M_COLOUR, alpha=0.6,
                label=f"{values.size} eigenvalues")
        ax.axvline(self.lowest, color="black", linewidth=1.2, label=f"lowest = {self.lowest:.4g}")
        ax.set_xlabel("eigenvalue of the Riemannian Hessian")
        ax.set_ylabel("density")
        ax.set_title(f"Hessian spectrum of a sampled instance at t = {_g(self.time)}, m = {self.m:.4f}")
        ax.legend(loc="best", fontsize=8)
        return ax


@dataclass(frozen=True, repr=False, eq=False)
class SimulationResult(Result):
    """A gradient-flow run on one sampled instance (returned by :func:`simulate`).

    Attributes
    ----------
    model : theory.Model
        What was sampled (the loss built with ``model.assumed`` when given).
    n, dt : int, float
        Dimension and step (``dt`` as used: ``t_max / steps``).
    p, delta2, delta_p : int or float or None
        The matrix-tensor names for a model with one tensor channel (``delta2`` None without a
        matrix channel; ``p``, ``delta_p`` None with several tensor channels).
    t, m, energy, mu, gradient_norm : ndarray
        At every step: time, overlap ``x.x*/N``, loss per coordinate ``L/N``,
        ``mu = -x.grad L / N`` and ``|grad_sphere L| / sqrt(N)``.
    x : ndarray
        The state at ``t[-1]``.
    x_star : ndarray
        The hidden signal.
    seed : object
        The seed the run was drawn with.
    interrupted : bool
        True if the run was stopped by ``KeyboardInterrupt`` (then ``t[-1] < t_max``).

    The result keeps the instance (the tensors) alive for :meth:`hessian_spectrum`;
    ``del`` it to free the memory.  It pickles (with the instance) and compares with ``==``
    (every array by value; :class:`theory._results.Result`).
    """

    p: int | None
    n: int
    delta2: float | None
    delta_p: float | None
    dt: float
    t: np.ndarray
    m: np.ndarray
    energy: np.ndarray
    mu: np.ndarray
    gradient_norm: np.ndarray
    x: np.ndarray
    x_star: np.ndarray
    interrupted: bool
    model: Model
    seed: object
    _instance: _sim.Instance
    _trajectory: _sim.Trajectory

    def __repr__(self) -> str:
        if self.p is not None and self.delta2 is not None and self.model.bayes_optimal:
            what = f"p={self.p}, n={self.n}, delta2={self.delta2}, delta_p={self.delta_p}"
        else:
            what = f"model={self.model!r}, n={self.n}"
        return (f"SimulationResult({what}, t_max={self.t[-1]:.6g}, steps={len(self.t) - 1}, "
                f"m={self.m[-1]:.4f}, energy={self.energy[-1]:.4f}, mu={self.mu[-1]:.4f}"
                f"{', interrupted' if self.interrupted else ''})")

    def table(self):
        """``m``, ``energy``, ``mu`` and ``gradient_norm`` along ``t``; the model, ``n``,
        ``dt`` and ``interrupted`` as attributes."""
        from theory._export import Table, _attrs, _meta

        data = {"m": np.asarray(self.m, float), "energy": np.asarray(self.energy, float),
                "mu": np.asarray(self.mu, float), "gradient_norm": np.asarray(self.gradient_norm, float)}
        attrs = _attrs(self, "dt", "interrupted", what="gradient flow on a sampled instance")
        return Table("t", np.asarray(self.t, float), data, attrs, _meta("t", *data))

    def _draw(self, ax):
        """The run on the shared time layout (:mod:`theory._export`), dashed: finite N."""
        from theory._export import _dynamics_words, _model_words, _time_run

        title = _dynamics_words(0.0), _model_words(self.model)
        return _time_run(ax, self.t, self.m, self.energy, label=f"N = {self.n}", dash="--", title=title,
                         interrupted=self.interrupted)

    def state(self, time: float | None = None) -> tuple[float, np.ndarray]:
        """``(t_k, x(t_k))`` at the grid time nearest ``time`` (default: the final state).

        The state is recomputed exactly from the nearest earlier snapshot with the same
        integrator steps."""
        if time is None:
            return float(self.t[-1]), self.x
        tau = _validate.float_array("time", time, low=0.0, low_open=False)
        if tau.ndim or tau > self.t[-1] + 0.5 * self.dt:
            raise ValueError(f"time must be a number in [0, {self.t[-1]:.6g}] (the run), got {time!r}")
        k = min(int(round(float(tau) / self.dt)), len(self.t) - 1)
        tr = self._trajectory
        j = k // tr.snapshot_every
        x = _sim.advance(self._instance, tr.snapshots[j], dt=self.dt, steps=k - j * tr.snapshot_every)
        return float(self.t[k]), x

    def hessian_spectrum(self, time: float | None = None) -> SampledSpectrum:
        """Eigenvalues of the Riemannian Hessian at the final state, or at ``time``.

        Parameters
        ----------
        time : float, optional
            A time of the run; the nearest grid time is used (reported as ``.time``).

        Returns
        -------
        SampledSpectrum

        Examples
        --------
        >>> import theory
        >>> r = theory.simulate(p=3, n=48, delta2=0.3, delta_p=1.0, t_max=40.0, seed=2, progress=False)
        >>> h = r.hessian_spectrum()
        >>> h.eigenvalues.shape, h.lowest > 0, h.gradient_norm < 1e-8
        ((47,), True, True)
        """
        t, x = self.state(time)
        inst = self._instance
        h, basis, mu = inst.riemannian_hessian(x)
        values, vectors = np.linalg.eigh(h)
        v = basis @ vectors[:, 0]
        g, _, xg = inst.evaluate(x)
        gradient = g - (xg / (x @ x)) * x
        return SampledSpectrum(
            time=t, eigenvalues=values, lowest=float(values[0]), lowest_vector=v,
            signal_overlap=float(abs(v @ inst.x_star) / math.sqrt(inst.n)),
            m=float(x @ inst.x_star / inst.n), mu=mu,
            gradient_norm=float(np.linalg.norm(gradient) / math.sqrt(inst.n)),
        )



def _absent(delta2) -> bool:
    """Whether the shorthand's ``delta2`` means no matrix channel (None or +inf)."""
    try:
        return _is_absent(delta2)
    except (OverflowError, TypeError, ValueError):  # an exact number beyond float64: present
        return False


def _check_n(n) -> int:
    if isinstance(n, (bool, np.bool_)) or not isinstance(n, numbers.Integral) or n < 2:
        raise ValueError(f"n must be an integer >= 2, got {_validate._short(n)}")
    return int(n)


def _positive_float(name: str, x, high: float = 1e300) -> float:
    """A positive number as a float64, refused (naming ``name``) beyond ``high``."""
    if isinstance(x, float):
        value = float(x)  # a numpy float64 too: plain float arithmetic, no numpy warnings
        if not math.isfinite(value) or value <= 0:
            raise ValueError(f"{name} must be a positive finite number, got {x!r}")
    else:
        exact = _validate.positive_exact(name, x)
        if exact > high:
            raise ValueError(f"{name} must be a positive number at most {high:g}, got {_validate._short(x)}")
        value = float(exact)
        if value == 0:
            raise ValueError(f"{name} = {_validate._short(x)} is below the float64 range")
    if value > high:
        raise ValueError(f"{name} must be a positive number at most {high:g}, got {_validate._short(x)}")
    return value


def _gib(nbytes: int) -> str:
    """``nbytes`` in GiB for a message (astronomical sizes included)."""
    if nbytes.bit_length() > 1000:
        return f"about 2**{nbytes.bit_length() - 30}"
    gib = nbytes / _GIB
    return f"{gib:.1f}" if gib >= 0.1 else f"{gib:.2g}"


def _float_channels(model: Model, shorthand: bool) -> tuple[dict, dict | None]:
    """The true and assumed variances as floats, each checked against :data:`VARIANCE_RANGE`."""
    low, high = VARIANCE_RANGE

    def name(k, assumed):
        if shorthand:
            return "delta2" if k == 2 else "delta_p"
        where = "delta2" if k == 2 else f"tensors[{k}]"
        return f"model {'assumed ' if assumed else ''}{where}"

    def convert(channels, assumed):
        out = {}
        for k, v in channels.items():
            if not low <= v <= high:
                raise ValueError(f"{name(k, assumed)} = {_validate._short(float(v) if v < 2**1000 else v)} is "
                                 f"outside [{low:g}, {high:g}], the range a float64 simulation resolves")
            out[k] = float(v)
        return out

    true = convert(model.channels, False)
    return true, None if model.assumed is None else convert(model.assumed.channels, True)


def default_dt(model: Model) -> float:
    """The former name of :func:`default_step` (deprecated: the DMFT has its own
    ``theory._dynamics.default_dt(field, temperature, scheme)``)."""
    warnings.warn("theory._simulation.default_dt is deprecated: use theory._simulation.default_step (the name "
                  "default_dt is the DMFT's, theory._dynamics.default_dt)", DeprecationWarning, stacklevel=2)
    return default_step(model)


def default_step(model: Model) -> float:
    """Default step of the finite-N gradient flow: ``1.5 / (a + b + 2 s)`` with ``a = max(xi'(1), g'(1))``,
    ``b = max(xi''(1), g''(1))`` and ``s = sqrt(xi''(1))``, so that ``dt`` times the top of the
    Hessian (``mu + 2 s`` with ``mu <~ a + b``) stays near 1."""
    f = model.field
    a = max(float(f.xi(1.0, 1)), float(f.g(1.0, 1)))
    b = max(float(f.xi(1.0, 2)), float(f.g(1.0, 2)))
    return float(1.5 / (a + b + 2 * math.sqrt(float(f.xi(1.0, 2)))))


@dataclass(frozen=True)
class _Plan:
    """A validated run, without its seed (picklable: the task of an ensemble)."""

    model: Model
    channels: dict
    assumed: dict | None
    n: int
    m0: float | None
    t_max: float
    dt: float
    steps: int
    dtype: str


def _plan(model, p, n, delta2, delta_p, m0, t_max, dt, memory_limit, dtype) -> _Plan:
    shorthand = model is None
    if shorthand:  # name the shorthand's parameters (the Model would say tensors[p])
        low, high = VARIANCE_RANGE
        for name, value in (("delta_p", delta_p), ("delta2", delta2)):
            if value is None or (name == "delta2" and _absent(value)):
                continue
            v = _validate.positive_exact(name, value)
            if not low <= v <= high:
                raise ValueError(f"{name} = {_validate._short(value)} is outside [{low:g}, {high:g}], the "
                                 f"range a float64 simulation resolves")
    model = Model.of_call(model, p, delta2, delta_p)
    n = _check_n(n)
    channels, assumed = _float_channels(model, shorthand)
    if m0 is not None:
        exact_m0 = _validate.exact("m0", m0)
        if not 0 <= exact_m0 < 1:
            raise ValueError(f"m0 must lie in [0, 1) or be None (random start), got {_validate._short(m0)}")
        m0 = float(exact_m0)
    t_max = _positive_float("t_max", t_max)
    if dt is None:
        dt = default_step(model)
    else:
        dt = _positive_float("dt", dt)
        if dt > t_max:
            raise ValueError(f"dt = {dt!r} must be at most t_max = {t_max!r} (one step at least)")
    if dtype not in ("float64", "float32", np.float64, np.float32):
        raise ValueError(f"dtype must be 'float64' or 'float32', got {_validate._short(dtype)}")
    dtype = np.dtype(dtype)
    if isinstance(memory_limit, (bool, np.bool_)) or not isinstance(memory_limit, numbers.Real) \
            or not memory_limit > 0 or memory_limit != memory_limit:
        raise ValueError(f"memory_limit must be a positive number of bytes, got {_validate._short(memory_limit)}")
    memory_limit = float(min(memory_limit, 2**100))  # (2**100 bytes and more: no limit)
    # --- memory, before anything is allocated: the tensors, then the records of the steps
    orders = model.orders
    if n.bit_length() * max(orders, default=2) > 4096:  # beyond any memory: no giant integers
        raise ValueError(f"n={n} with tensors of order {max(orders)} needs more than 2**4000 bytes, above "
                         f"memory_limit = {_gib(int(memory_limit))} GiB; lower n")
    peak = _sim.peak_bytes(orders, n, dtype) if orders else 2 * _sim.tensor_bytes(2, n)
    if peak > memory_limit:
        if len(orders) == 1:
            what = f"the order-{orders[0]} tensor at n={_validate._short(n)} takes {_gib(_sim.tensor_bytes(orders[0], n, dtype))} GiB"
        else:
            total = sum(_sim.tensor_bytes(k, n, dtype) for k in orders)
            what = (f"the tensors of orders {', '.join(map(str, orders)) or '(none)'} at n={_validate._short(n)} take "
                    f"{_gib(total)} GiB")
        raise ValueError(f"{what} in {dtype.name} ({_gib(peak)} GiB while sampling), above memory_limit = "
                         f"{_gib(int(memory_limit))} GiB; lower n, use dtype='float32' or raise memory_limit")
    if dt * MAX_STEPS < t_max:  # (no overflow for a subnormal dt)
        records = 40 * t_max / dt
        raise ValueError(f"t_max = {t_max!r} with dt = {dt!r} is {t_max / dt:.3g} steps, more than "
                         f"{MAX_STEPS:.0e} (their records alone take {records / _GIB:.3g} GiB at n={n}); "
                         f"lower t_max or raise dt")
    ratio = t_max / dt
    steps = max(1, math.ceil(ratio - 1e-9))
    records = 5 * 8 * (steps + 1) + 8 * n * (min(steps, 256) + 2)
    if peak + records > memory_limit:
        raise ValueError(f"t_max = {t_max!r} with dt = {dt!r} is {steps} steps at n={n}, whose records need "
                         f"{_gib(records)} GiB ({_gib(peak + records)} GiB with the instance), above memory_limit = "
                         f"{_gib(int(memory_limit))} GiB; lower t_max or raise dt")
    return _Plan(model=model, channels=channels, assumed=assumed, n=n, m0=m0, t_max=t_max, dt=t_max / steps,
                 steps=steps, dtype=dtype.name)


def _rng(seed) -> np.random.Generator:
    if isinstance(seed, (bool, np.bool_)):
        raise ValueError(f"seed must be a non-negative int or a numpy SeedSequence, got {seed!r}")
    try:
        return np.random.default_rng(seed)
    except (TypeError, ValueError, OverflowError) as exc:
        raise ValueError(f"seed must be a non-negative int or a numpy SeedSequence, got "
                         f"{_validate._short(seed)}") from exc


def _run(plan: _Plan, seed, progress=None) -> SimulationResult:
    rng = _rng(seed)
    n = plan.n
    inst = _sim.Instance(n=n, channels=plan.channels, assumed=plan.assumed, rng=rng, dtype=plan.dtype)
    z = rng.standard_normal(n)
    if plan.m0 is None:
        x0 = z * (math.sqrt(n) / np.linalg.norm(z))
        if x0 @ inst.x_star < 0:
            x0 = -x0
    else:
        z -= (z @ inst.x_star / n) * inst.x_star
        z *= math.sqrt(n) / np.linalg.norm(z)
        x0 = plan.m0 * inst.x_star + math.sqrt(1 - plan.m0 * plan.m0) * z
    tr = _sim.integrate(inst, x0, dt=plan.dt, steps=plan.steps, progress=progress)
    model = plan.model
    one = len(model.tensors) == 1
    return SimulationResult(
        p=model.orders[0] if one else None, n=n, delta2=plan.channels.get(2),
        delta_p=plan.channels[model.orders[0]] if one else None, dt=plan.dt, t=tr.t, m=tr.m,
        energy=tr.energy, mu=tr.mu, gradient_norm=tr.gradient_norm, x=tr.x, x_star=inst.x_star,
        interrupted=tr.interrupted, model=model, seed=seed, _instance=inst, _trajectory=tr,
    )


def _phase_retrieval(model) -> bool:
    """Whether ``model`` is of the phase-retrieval family (theory/_pr_simulation.py runs it)."""
    from theory._phase_retrieval import PhaseRetrieval

    return isinstance(model, PhaseRetrieval)


def simulate(p: int | None = None, delta_p=None, *, delta2=None, model: Model | None = None, n: int,
             m0=None, t_max=None, dt=None, seed, progress: bool | None = None,
             memory_limit: int = DEFAULT_MEMORY_LIMIT, dtype="float64", alpha=None, **options):
    """Sample a spiked spherical model at size ``n`` and run gradient flow on the sphere.

    Draws the signal ``x*`` uniformly on ``|x|^2 = N`` and every channel of the model (the noisy
    matrix, if the model has one, and a noisy symmetric tensor of each order ``p`` with its
    variance), with the normalisation of arXiv:1907.08226 and docs/your_model.md, builds the loss
    with the model's ``assumed`` variances (so that ``L(x) = -N g(m) + V(x)`` with
    ``E[V(x) V(x')] = N xi(x.x'/N)``, up to O(1/N) corrections from the excluded repeated
    indices), then integrates ``dx/dt = -grad_sphere L(x)`` by retracted fourth-order
    Runge-Kutta (norm preserved to rounding; see :mod:`numerics.simulation`).

    With ``model=theory.PhaseRetrieval(...)`` it runs gradient descent on a sampled
    phase-retrieval instance instead (``n``, ``alpha``, ``seed``, ``progress``,
    ``memory_limit``, ``dtype`` and the descent's ``**options``), and returns a
    :class:`~theory._pr_simulation.PhaseRetrievalRun`: see
    :func:`theory._pr_simulation.simulate_phase_retrieval` and docs/phase_retrieval.md.

    Parameters
    ----------
    model : theory.Model or theory.PhaseRetrieval, optional
        The model; or give the matrix-tensor shorthand ``p, delta2, delta_p`` (the same as
        ``model=Model(delta2, {p: delta_p})``, bit for bit).
    p : int
        Tensor order, an integer >= 3 (shorthand).
    n : int
        Dimension N, >= 2.  Each tensor is stored densely: ``n**p`` numbers.
    delta2, delta_p : number
        Noise variances, positive and finite (shorthand).  A float64 simulation resolves
        variances in ``[1e-100, 1e100]``.
    m0 : number, optional
        Initial overlap in [0, 1): the start is ``m0 x* + sqrt(1 - m0**2) z`` with ``z``
        uniform on the sphere orthogonal to ``x*``.  None (default): a uniformly random
        start, reflected if needed so that ``m(0) >= 0`` (the theory's ``m0 -> 0+``); at
        finite N then ``m(0)`` is of order ``N**-0.5``.
    t_max : number
        Duration, > 0 (required for a spiked model).
    dt : number, optional
        Largest step, in ``(0, t_max]``; the step used is ``t_max / ceil(t_max / dt)``.
        Default ``1.5 / (xi'(1) + xi''(1) + 2 s)`` (with ``g`` for ``xi`` where larger).
    seed : int, numpy.random.SeedSequence or None
        Seed of ``numpy.random.default_rng`` (None: fresh entropy): the instance and the start are reproducible
        (bit for bit on the same machine and BLAS thread count).  For many seeds, see
        :func:`simulate_ensemble`.
    progress : bool or None
        A progress bar over the steps: True, False, or None (on a terminal only; none into
        redirected stderr).
    memory_limit : number
        Bytes the run may use (default 8 GiB): the tensors while sampling and the records of
        the steps; larger runs are refused before anything is allocated.
    dtype : {"float64", "float32"}
        Storage of the tensors; float32 halves memory and time (see :mod:`numerics.simulation`).
        Its noise is drawn in float32, so the same seed gives another instance than float64.
    alpha : number
        Only for ``model=PhaseRetrieval(...)`` (required there): the sample ratio ``M/N``.
    **options
        Only for ``model=PhaseRetrieval(...)``: ``max_steps``, ``success_level``, ``gtol``,
        ``rtol``, ``window``, ``reestimate_every``, ``diagnostics`` (the stopping rule and step
        schedule of the descent).

    Returns
    -------
    SimulationResult
        Arrays ``t, m, energy, mu`` (and ``gradient_norm``), the final state ``x``, and
        :meth:`SimulationResult.hessian_spectrum`.  Ctrl-C during the integration stops it
        and returns the run up to the last completed step (``t[-1] < t_max``), with
        ``interrupted=True`` and a :class:`theory.Interrupted` warning saying where it
        stopped; Ctrl-C while the instance is sampled raises ``KeyboardInterrupt`` (nothing to
        return yet).

    Raises
    ------
    ValueError
        For parameters outside their ranges (``dt > t_max`` included), and when the tensors or
        the records of ``t_max / dt`` steps would need more than ``memory_limit`` bytes (the
        message names ``n``, ``t_max``, ``dt`` and the GiB needed).

    Examples
    --------
    Below the gradient-flow threshold (0.5 at p = 3, Deltap = 1) the flow finds the signal:

    >>> import theory
    >>> r = theory.simulate(p=3, n=64, delta2=0.3, delta_p=1.0, t_max=30.0, seed=1, progress=False)
    >>> bool(r.m[-1] > 0.8), bool(abs(r.x @ r.x - 64) < 1e-9)
    (True, True)

    Any model: a matrix and tensors of orders 3 and 4, the loss built with a wrong matrix variance:

    >>> model = theory.Model(0.3, {3: 1.0, 4: 1.0}, assumed=theory.Model(0.6, {3: 1.0, 4: 1.0}))
    >>> r = theory.simulate(model=model, n=24, t_max=1.0, seed=0, progress=False)
    >>> r.model.bayes_optimal, r.p, r.delta2
    (False, None, 0.3)

    Phase retrieval (gradient descent, success when ``|m|`` reaches 0.9):

    >>> r = theory.simulate(model=theory.PhaseRetrieval("regularised"), n=100, alpha=6.0, seed=1,
    ...                     progress=False)
    >>> r.outcome, bool(r.abs_m[-1] >= 0.9)
    ('success', True)

    A tensor that does not fit is refused before anything is allocated:

    >>> theory.simulate(p=3, n=2048, delta2=0.3, delta_p=1.0, t_max=1.0, seed=0)
    Traceback (most recent call last):
    ...
    ValueError: the order-3 tensor at n=2048 takes 64.0 GiB in float64 (128.1 GiB while sampling), above memory_limit = 8.0 GiB; lower n, use dtype='float32' or raise memory_limit

    References
    ----------
    arXiv:1907.08226 (model and gradient flow, section 2).
    """
    if _phase_retrieval(model):  # the second family: gradient descent, theory/_pr_simulation.py
        spiked = sorted(k for k, v in dict(p=p, delta2=delta2, delta_p=delta_p, m0=m0, t_max=t_max, dt=dt).items()
                        if v is not None)
        if spiked:
            raise ValueError(f"simulate(model=PhaseRetrieval(...)) takes n, alpha, seed and the descent's options; "
                             f"{', '.join(spiked)} are for a spiked model")
        if alpha is None:
            raise ValueError("simulate(model=PhaseRetrieval(...)) needs alpha (the sample ratio M/N)")
        from theory._pr_simulation import DEFAULTS, simulate_phase_retrieval

        unknown = sorted(set(options) - {*DEFAULTS, "diagnostics"})
        if unknown:
            raise ValueError(f"simulate(model=PhaseRetrieval(...)) got unknown parameters {unknown}; its options are "
                             f"{sorted({*DEFAULTS, 'diagnostics'})}")

        return simulate_phase_retrieval(model, n=n, alpha=alpha, seed=seed, progress=progress,
                                        memory_limit=memory_limit, dtype=dtype, **options)
    if alpha is not None or options:
        extra = sorted(["alpha"] * (alpha is not None) + list(options))
        raise ValueError(f"simulate of a spiked model takes no {', '.join(extra)} (alpha and the descent's "
                         f"options are for model=PhaseRetrieval(...))")
    if t_max is None:
        raise ValueError("simulate needs t_max")
    plan = _plan(model, p, n, delta2, delta_p, m0, t_max, dt, memory_limit, dtype)
    result = _run(plan, seed, progress)
    if result.interrupted:
        warn_interrupted("simulate", f"stopped at t = {result.t[-1]:.6g} of t_max = {plan.t_max:.6g} "
                                     f"(step {len(result.t) - 1} of {plan.steps})")
    return result


@dataclass(frozen=True, repr=False, eq=False)
class SimulationEnsemble(Result):
    """Runs of one model over many seeds (returned by :func:`simulate_ensemble`).

    Attributes
    ----------
    runs : tuple of SimulationResult
        One per seed, in the order of ``seeds`` (``None`` for a run a Ctrl-C stopped).
    seeds : tuple
    interrupted : bool
        Whether Ctrl-C stopped the ensemble before every run finished.

    Every run shares the time grid ``t``; :attr:`m`, :attr:`energy`, :attr:`mu` stack the
    finished runs, one row each.  It pickles and compares with ``==``
    (:class:`theory._results.Result`); ``table()``/``to_xarray()``: the mean and the spread
    over the finished runs along ``t``.
    """

    runs: tuple
    seeds: tuple
    interrupted: bool = False

    @property
    def finished(self) -> tuple:
        """The runs that finished."""
        return tuple(r for r in self.runs if r is not None)

    @property
    def t(self) -> np.ndarray:
        return self.finished[0].t

    def _stack(self, name):
        return np.stack([getattr(r, name) for r in self.finished])

    @property
    def m(self) -> np.ndarray:
        """``m(t)`` of every finished run, shape ``(runs, steps + 1)``."""
        return self._stack("m")

    @property
    def energy(self) -> np.ndarray:
        return self._stack("energy")

    @property
    def mu(self) -> np.ndarray:
        return self._stack("mu")

    def __repr__(self) -> str:
        first = self.finished[0] if self.finished else None
        what = repr(first).split(", t_max")[0].replace("SimulationResult(", "") if first else "no run"
        m = self.m[:, -1] if first else np.array([np.nan])
        return (f"SimulationEnsemble({what}, runs={len(self.finished)}/{len(self.seeds)}, "
                f"final m = {m.mean():.4f} +- {m.std():.4f}{', interrupted' if self.interrupted else ''})")

    def table(self):
        """Along ``t``: the mean and the standard deviation over the finished runs of ``m``,
        ``energy`` and ``mu``; the model, ``n``, ``dt``, the number of runs and ``interrupted``
        as attributes."""
        from theory._export import DIMENSIONLESS, QUANTITIES, Table, _attrs

        data, meta = {}, {"t": QUANTITIES["t"]}
        for name in ("m", "energy", "mu"):
            values = self._stack(name)
            data[f"{name}_mean"], data[f"{name}_std"] = values.mean(axis=0), values.std(axis=0)
            what = QUANTITIES[name][0]
            meta[f"{name}_mean"] = (f"mean over the runs of the {what}", DIMENSIONLESS)
            meta[f"{name}_std"] = (f"standard deviation over the runs of the {what}", DIMENSIONLESS)
        attrs = _attrs(self.finished[0], "dt", interrupted=self.interrupted, runs=len(self.finished),
                       seeds=len(self.seeds), what="gradient flow on sampled instances, over seeds")
        return Table("t", np.asarray(self.t, float), data, attrs, meta)

    def _draw(self, ax):
        """The mean run on the shared time layout (dashed: finite N), ``m`` within one
        standard deviation shaded."""
        from theory._export import _M_COLOUR, _dynamics_words, _model_words, _time_run

        first = self.finished[0]
        m, energy = self.m, self.energy
        mean = m.mean(axis=0)
        spread = m.std(axis=0)
        ax.fill_between(self.t, mean - spread, mean + spread, color=_M_COLOUR, alpha=0.2, linewidth=0)
        title = _dynamics_words(0.0), _model_words(first.model)
        return _time_run(ax, self.t, mean, energy.mean(axis=0), label=f"N = {first.n}, mean of {len(m)} runs",
                         dash="--", title=title, interrupted=self.interrupted)


def _ensemble_task(plan: _Plan, seed) -> SimulationResult:
    result = _run(plan, seed, progress=False)
    if result.interrupted:  # Ctrl-C inside a run stops the whole ensemble
        raise KeyboardInterrupt
    return result


def simulate_ensemble(*, seeds, executor=None, progress: bool | None = None, **kwargs) -> SimulationEnsemble:
    """:func:`simulate` for each of ``seeds``, serially or on ``executor``, results identical.

    Parameters
    ----------
    seeds : sequence of int or numpy.random.SeedSequence
        One run per seed (a non-empty sequence; ``range(k)`` is fine).
    executor : concurrent.futures.Executor or dask.distributed.Client, optional
        Where to run (a ``ProcessPoolExecutor``; a Dask cluster's ``Client``, or its
        ``get_executor()``); None runs serially.  Each run is a pure
        function of its seed and uses one BLAS thread, so the results equal the serial ones
        bit for bit.  The runs come back with their instances (the tensors): mind the memory
        and the transfer for large ``n``.
    progress : bool, optional
        A progress bar over the runs: True, False, or None (default: on a terminal only, for
        more than one run).
    **kwargs
        Everything else :func:`simulate` takes (``model=`` or ``p, delta2, delta_p``, ``n``,
        ``t_max``, ``dt``, ``m0``, ``memory_limit``, ``dtype``), validated once before any run.
        With ``model=theory.PhaseRetrieval(...)``: ``alphas``, ``ns``, ``scaling`` and the
        descent's options, for success-rate curves (a
        :class:`~theory._pr_simulation.PhaseRetrievalEnsemble`; see
        :func:`theory._pr_simulation.simulate_phase_retrieval_ensemble`).

    Returns
    -------
    SimulationEnsemble
        On Ctrl-C the ensemble stops: the runs that finished are kept, in the order of
        ``seeds``, the others (the one cut included) are ``None``, with ``interrupted=True``
        and a :class:`theory.Interrupted` warning saying how many finished; on an executor the
        runs not yet started are cancelled.  Ctrl-C before any run finished raises
        ``KeyboardInterrupt`` (nothing to return).

    Examples
    --------
    >>> import theory
    >>> e = theory.simulate_ensemble(p=3, n=32, delta2=0.3, delta_p=1.0, m0=0.2, t_max=5.0,
    ...                              seeds=range(3), progress=False)
    >>> e.m.shape[0], e.runs[1] == theory.simulate(p=3, n=32, delta2=0.3, delta_p=1.0, m0=0.2,
    ...                                            t_max=5.0, seed=1, progress=False)
    (3, True)
    """
    if _phase_retrieval(kwargs.get("model")):  # success-rate curves, theory/_pr_simulation.py
        from theory._pr_simulation import simulate_phase_retrieval_ensemble

        return simulate_phase_retrieval_ensemble(kwargs.pop("model"), seeds=seeds, executor=executor,
                                                 progress=progress, **kwargs)
    allowed = {"model", "p", "n", "delta2", "delta_p", "m0", "t_max", "dt", "memory_limit", "dtype"}
    unknown = sorted(set(kwargs) - allowed)
    if unknown:
        raise ValueError(f"simulate_ensemble got unknown parameters {unknown}; it takes seeds, executor, "
                         f"progress and {sorted(allowed)}")
    missing = sorted({"n", "t_max"} - set(kwargs))
    if missing:
        raise ValueError(f"simulate_ensemble needs {', '.join(missing)}")
    if isinstance(seeds, (str, bytes)) or not hasattr(seeds, "__iter__"):
        raise ValueError(f"seeds must be a sequence of seeds (e.g. range(8)), got {_validate._short(seeds)}")
    seeds = tuple(seeds)
    if not seeds:
        raise ValueError("seeds must hold at least one seed, got an empty sequence")
    if len(seeds) > 10**6:
        raise ValueError(f"seeds: at most 10**6 runs, got {len(seeds)}")
    for seed in seeds:
        _rng(seed)  # every seed checked before the first run
    _sweep.check_executor(executor)
    kwargs.setdefault("memory_limit", DEFAULT_MEMORY_LIMIT)
    kwargs.setdefault("dtype", "float64")
    plan = _plan(kwargs.get("model"), kwargs.get("p"), kwargs["n"], kwargs.get("delta2"), kwargs.get("delta_p"),
                 kwargs.get("m0"), kwargs["t_max"], kwargs.get("dt"), kwargs["memory_limit"], kwargs["dtype"])
    sweep = _sweep.run(functools.partial(_ensemble_task, plan), seeds, executor=executor, progress=progress,
                       desc="simulate seeds", unit="run")
    if sweep.interrupted and not sweep.finished:
        raise KeyboardInterrupt
    sweep.warn("simulate_ensemble", "runs")
    return SimulationEnsemble(runs=sweep.results, seeds=seeds, interrupted=sweep.interrupted)
