"""``theory.simulate``: sample the model at finite N, run gradient flow, look at the Hessian."""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass, field

import numpy as np

from numerics import simulation as _sim
from numerics._generated import hessian_numpy, model_numpy
from theory import _validate

__all__ = ["SampledSpectrum", "SimulationResult", "simulate"]

_GIB = 2**30
#: Default cap on the memory an instance may take while it is sampled (bytes).
DEFAULT_MEMORY_LIMIT = 8 * _GIB


@dataclass(frozen=True, eq=False)
class SampledSpectrum:
    """Spectrum of the Riemannian Hessian of a sampled instance at one state of the flow.

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


@dataclass(frozen=True, repr=False, eq=False)
class SimulationResult:
    """A gradient-flow run on one sampled instance (returned by :func:`simulate`).

    Attributes
    ----------
    p, n, delta2, delta_p, dt : parameters of the run (``dt`` as used: ``t_max / steps``).
    t, m, energy, mu, gradient_norm : ndarray
        At every step: time, overlap ``x.x*/N``, loss per coordinate ``L/N``,
        ``mu = -x.grad L / N`` and ``|grad_sphere L| / sqrt(N)``.
    x : ndarray
        The state at ``t[-1]``.
    x_star : ndarray
        The hidden signal.
    interrupted : bool
        True if the run was stopped by ``KeyboardInterrupt`` (then ``t[-1] < t_max``).

    The result keeps the instance (the tensor) alive for :meth:`hessian_spectrum`;
    ``del`` it to free the memory.
    """

    p: int
    n: int
    delta2: float
    delta_p: float
    dt: float
    t: np.ndarray
    m: np.ndarray
    energy: np.ndarray
    mu: np.ndarray
    gradient_norm: np.ndarray
    x: np.ndarray
    x_star: np.ndarray
    interrupted: bool
    _instance: _sim.Instance
    _trajectory: _sim.Trajectory

    def __repr__(self) -> str:
        return (f"SimulationResult(p={self.p}, n={self.n}, delta2={self.delta2}, "
                f"delta_p={self.delta_p}, t_max={self.t[-1]:.6g}, steps={len(self.t) - 1}, "
                f"m={self.m[-1]:.4f}, energy={self.energy[-1]:.4f}, mu={self.mu[-1]:.4f}"
                f"{', interrupted' if self.interrupted else ''})")

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


def _check_n(n) -> int:
    if isinstance(n, (bool, np.bool_)) or not isinstance(n, numbers.Integral) or n < 2:
        raise ValueError(f"n must be an integer >= 2, got {n!r}")
    return int(n)


def _positive_float(name: str, x) -> float:
    value = float(_validate.positive_exact(name, x))
    if not math.isfinite(value) or value <= 0:
        raise ValueError(f"{name} must be a positive finite number, got {x!r}")
    return value


def default_dt(p: int, delta2: float, delta_p: float) -> float:
    """Default step: ``1.5 / (xi'(1) + xi''(1) + 2 s)``, so that ``dt`` times the top of the
    Hessian (``mu + 2 s`` with ``mu <~ xi'(1) + xi''(1)``) stays near 1."""
    s = hessian_numpy.semicircle_scale(p, delta2, delta_p)
    scale = model_numpy.xi_prime(1.0, p, delta2, delta_p) + model_numpy.xi_second(1.0, p, delta2, delta_p)
    return float(1.5 / (scale + 2 * s))


def simulate(*, p: int, n: int, delta2, delta_p, m0=None, t_max, dt=None, seed,
             progress: bool | None = None, memory_limit: int = DEFAULT_MEMORY_LIMIT,
             dtype="float64") -> SimulationResult:
    """Sample the spiked matrix-tensor model at size ``n`` and run gradient flow on the sphere.

    Draws the signal ``x*`` uniformly on ``|x|^2 = N``, the noisy matrix and the noisy
    order-``p`` symmetric tensor with the normalisation of arXiv:1907.08226 (so that
    ``L(x) = -N xi(m) + V(x)`` with ``E[V(x) V(x')] = N xi(x.x'/N)``, up to O(1/N)
    corrections from the excluded repeated indices), then integrates
    ``dx/dt = -grad_sphere L(x)`` by retracted fourth-order Runge-Kutta (norm preserved to
    rounding; see :mod:`numerics.simulation`).

    Parameters
    ----------
    p : int
        Tensor order, an integer >= 3.
    n : int
        Dimension N, >= 2.  The tensor is stored densely: ``n**p`` numbers.
    delta2, delta_p : number
        Noise variances, positive and finite.
    m0 : number, optional
        Initial overlap in [0, 1): the start is ``m0 x* + sqrt(1 - m0**2) z`` with ``z``
        uniform on the sphere orthogonal to ``x*``.  None (default): a uniformly random
        start, reflected if needed so that ``m(0) >= 0`` (the theory's ``m0 -> 0+``); at
        finite N then ``m(0)`` is of order ``N**-0.5``.
    t_max : number
        Duration, > 0.
    dt : number, optional
        Largest step, > 0; the step used is ``t_max / ceil(t_max / dt)``.  Default
        ``1.5 / (xi'(1) + xi''(1) + 2 s)``.
    seed : int or numpy.random.SeedSequence
        Seed of ``numpy.random.default_rng``: the instance and the start are reproducible
        (bit for bit on the same machine and BLAS thread count).
    progress : bool or None
        tqdm progress bar; None shows it on a terminal only.
    memory_limit : int
        Bytes the sampling may use (default 8 GiB); larger instances are refused.
    dtype : {"float64", "float32"}
        Storage of the tensor; float32 halves memory and time (see :mod:`numerics.simulation`).
        Its noise is drawn in float32, so the same seed gives another instance than float64.

    Returns
    -------
    SimulationResult
        Arrays ``t, m, energy, mu`` (and ``gradient_norm``), the final state ``x``, and
        :meth:`SimulationResult.hessian_spectrum`.  Ctrl-C stops the integration and returns
        the run up to the last completed step, with ``interrupted=True``.

    Raises
    ------
    ValueError
        For parameters outside their ranges, and when the tensor would need more than
        ``memory_limit`` bytes (the message says how much).

    Examples
    --------
    Below the gradient-flow threshold (0.5 at p = 3, Deltap = 1) the flow finds the signal:

    >>> import theory
    >>> r = theory.simulate(p=3, n=64, delta2=0.3, delta_p=1.0, t_max=30.0, seed=1, progress=False)
    >>> bool(r.m[-1] > 0.8), bool(abs(r.x @ r.x - 64) < 1e-9)
    (True, True)

    A tensor that does not fit is refused before anything is allocated:

    >>> theory.simulate(p=3, n=2048, delta2=0.3, delta_p=1.0, t_max=1.0, seed=0)
    Traceback (most recent call last):
    ...
    ValueError: the order-3 tensor at n=2048 takes 64.0 GiB in float64 (128.1 GiB while sampling), above memory_limit = 8.0 GiB; lower n, use dtype='float32' or raise memory_limit

    References
    ----------
    arXiv:1907.08226 (model, eq. (1)-(3); gradient flow, section 2).
    """
    p = _validate.check_p(p)
    n = _check_n(n)
    delta2 = _positive_float("delta2", delta2)
    delta_p = _positive_float("delta_p", delta_p)
    if m0 is not None:
        m0 = float(_validate.exact("m0", m0))
        if not 0 <= m0 < 1:
            raise ValueError(f"m0 must lie in [0, 1) or be None (random start), got {m0!r}")
    t_max = _positive_float("t_max", t_max)
    dt = default_dt(p, delta2, delta_p) if dt is None else _positive_float("dt", dt)
    if dtype not in ("float64", "float32", np.float64, np.float32):
        raise ValueError(f"dtype must be 'float64' or 'float32', got {dtype!r}")
    dtype = np.dtype(dtype)
    if isinstance(memory_limit, (bool, np.bool_)) or not isinstance(memory_limit, numbers.Real) \
            or not memory_limit > 0:
        raise ValueError(f"memory_limit must be a positive number of bytes, got {memory_limit!r}")
    need, peak = _sim.tensor_bytes(p, n, dtype), _sim.peak_bytes(p, n, dtype)
    if peak > memory_limit:
        raise ValueError(
            f"the order-{p} tensor at n={n} takes {need / _GIB:.1f} GiB in {dtype.name} "
            f"({peak / _GIB:.1f} GiB while sampling), above memory_limit = "
            f"{memory_limit / _GIB:.1f} GiB; lower n, use dtype='float32' or raise memory_limit")
    try:
        rng = np.random.default_rng(seed)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"seed must be a non-negative int or a numpy SeedSequence, got {seed!r}") from exc

    steps = max(1, math.ceil(t_max / dt - 1e-9))
    dt = t_max / steps
    inst = _sim.Instance(p=p, n=n, delta2=delta2, delta_p=delta_p, rng=rng, dtype=dtype)
    z = rng.standard_normal(n)
    if m0 is None:
        x0 = z * (math.sqrt(n) / np.linalg.norm(z))
        if x0 @ inst.x_star < 0:
            x0 = -x0
    else:
        z -= (z @ inst.x_star / n) * inst.x_star
        z *= math.sqrt(n) / np.linalg.norm(z)
        x0 = m0 * inst.x_star + math.sqrt(1 - m0 * m0) * z
    tr = _sim.integrate(inst, x0, dt=dt, steps=steps, progress=progress)
    return SimulationResult(
        p=p, n=n, delta2=delta2, delta_p=delta_p, dt=dt, t=tr.t, m=tr.m, energy=tr.energy,
        mu=tr.mu, gradient_norm=tr.gradient_norm, x=tr.x, x_star=inst.x_star,
        interrupted=tr.interrupted, _instance=inst, _trajectory=tr,
    )
