"""Integrators of the large-N gradient-flow and Langevin (DMFT) equations of docs/dynamics.md.

A run is a **scheme** (how the memory integrals are discretised, and the time stepping that goes
with it) times a **history** (which past times are stored).  Both are small value objects; the
pairs that are validated against each other (tests/numerics/test_dmft.py) are in
:data:`VALIDATED`, and :func:`integrate` refuses any other pair.

Schemes
-------
:class:`Euler`
    Rectangle sums with ``R(t,t) = 0`` and ``R(t+h,t) = 1``: the equations of the discrete-time
    projected gradient descent of step ``h``.  First order in ``h`` with a small, very regular
    error (its expansion in powers of ``h`` is what :class:`Extrapolated` uses).
:class:`Heun`
    Trapezoid sums with ``R(t,t) = 1``, Heun's predictor-corrector in ``t``: second order, but
    with a large constant at ``h >= 0.05`` (docs/dynamics.md); fixed history only.
:class:`Extrapolated` (the default of :func:`theory.gradient_flow`)
    Richardson extrapolation of :class:`Euler` runs at ``h, h/2, .., h/2**(levels-1)``,
    combined on the coarse grid: error ``O(h**levels)``.  At T = 0 the levels are combined at
    fixed ``m`` where ``m`` is monotone (a coarse run is mainly a delayed fine one), elsewhere
    at fixed ``t`` (:func:`_combine`).  Two levels cost about 1.1 times one Euler run at
    ``h/2`` (the run cost grows as the cube of the number of steps).

:class:`BDF2` (with the :class:`Growing` history; :mod:`numerics.dmft_long`)
    Implicit variable-step BDF2: the discrete DMFT of an implicit integrator of the flow, whose
    step grows as the dynamics slows (long runs; ``dt`` is then the first step).

Histories
---------
:class:`Fixed`
    Every step stored: O(n^2) memory, O(n^3) time for n steps.
:class:`Thinned`
    The last ``window`` steps are kept; further back (counted from the present and from the
    start) the spacing of kept times doubles each time their age doubles (Kim-Latz, Europhys.
    Lett. 53, 660 (2001), applied to the stored history; the step stays ``h``): about
    ``window (1 + log2(n/window))`` stored times, time O(n window^2 log^2(n/window)).  The
    Euler scheme keeps the integrals of the response over the cells of dropped times
    (``RI``, ``RJ``), so the fast decay of ``R`` near every diagonal survives thinning.

The model enters through a :class:`numerics.model.Field`: ``Q = xi`` in the memory kernels and
``g'(m)`` in the signal terms (docs/your_model.md); the jets are evaluated on arrays by Horner's rule.
BLAS is pinned to one thread inside (threadpoolctl).

References
----------
arXiv:1907.08226 (section 4); arXiv:1812.09066 (Langevin); docs/dynamics.md.
"""

from __future__ import annotations

import math
import os
import time
from dataclasses import dataclass

import numpy as np
from threadpoolctl import threadpool_limits

from numerics._generated import dmft_numpy as _dk
from numerics.dmft_long import integrate_growing
from numerics.dynamics.history import COST_FIXED, COST_THINNED, Fixed, Growing, Thinned, kept, store_size
from numerics.dynamics.jets import _Dense, _Model  # noqa: F401  (the jets; importable here)
from numerics.dynamics.quadrature import Rectangle
from numerics.dynamics.stepper import BDF2, Euler, Heun
from numerics.dynamics.store import _Store
from numerics.model import Field

__all__ = ["BDF2", "Euler", "Extrapolated", "Fixed", "Growing", "Heun", "Run", "Thinned", "VALIDATED", "aging_state",
           "cost", "crossing_time", "footprint", "integrate", "kept", "nishimori_state", "store_size",
           "success_state", "total_steps"]


# --- schemes -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Extrapolated:
    """Richardson extrapolation of :class:`Euler` runs at ``h / 2**k``, ``k < levels``."""

    levels: int = 2
    name = "extrapolated"
    quadrature = Rectangle()  #: that of its Euler runs
    evaluations = 1
    implicit = False

    def __post_init__(self):
        if isinstance(self.levels, bool) or not isinstance(self.levels, (int, np.integer)) \
                or not 2 <= self.levels <= 4:
            raise ValueError(f"levels must be an integer in 2..4, got {self.levels!r}")

    @property
    def order(self) -> int:
        return int(self.levels)


#: (scheme class, history class) pairs validated in tests/numerics/test_dmft.py.
VALIDATED = frozenset({(Euler, Fixed), (Euler, Thinned), (Heun, Fixed), (Extrapolated, Fixed),
                       (Extrapolated, Thinned), (BDF2, Growing)})


# --- runs --------------------------------------------------------------------------------------
@dataclass
class Run:
    """Raw output of :func:`integrate` (arrays over the output times)."""

    t: np.ndarray
    m: np.ndarray
    mu: np.ndarray
    energy: np.ndarray
    c_lag: np.ndarray  #: C(t, t - h) of the finest run at every output time (|C| <= 1)
    grid: np.ndarray | None  #: stored times at the end (for C, R), of the finest run
    C: np.ndarray | None
    R: np.ndarray | None
    interrupted: bool
    steps: int
    stored_max: int
    seconds: float
    levels: int = 1  #: levels of an extrapolated run combined (fewer if interrupted)


def n_steps_of(t_max: float, dt: float) -> int:
    """Number of steps of size ``dt`` to reach ``t_max``."""
    return max(1, int(math.ceil(t_max / dt - 1e-9)))


def total_steps(t_max: float, dt: float, scheme) -> int:
    """Steps of every level of a run together (for a progress bar)."""
    return sum(n_steps_of(t_max, dt) * 2**k for k in _levels(scheme))


def footprint(t_max: float, dt: float, scheme, history) -> tuple[int, float]:
    """``(steps, bytes)``: the step count of the finest run and the memory it allocates."""
    runs = [(n_steps_of(t_max, dt) * 2**k, history.finer(2**k)) for k in _levels(scheme)]
    steps = runs[-1][0]
    total = 0.0
    for n, hist in runs:
        total = max(total, hist.bytes(n, scheme.quadrature.on(hist)))
    return steps, total


def cost(t_max: float, dt: float, scheme, history) -> float:
    """Estimated seconds of one core for a run (every level of an extrapolated run).

    Each step costs a fixed overhead plus three matrix-vector products over the stored times
    (:data:`COST_FIXED`, :data:`COST_THINNED`, :meth:`Fixed.work`, :meth:`Thinned.work`); the
    stored count is ``n`` on the fixed history and :func:`store_size` on the thinned one.  Good
    to a factor of about two on an unloaded core; for refusing runs that cannot finish and for
    sizing progress bars.
    """
    total = 0.0
    evals = float(scheme.evaluations)
    for k in _levels(scheme):
        n = n_steps_of(t_max, dt) * 2**k
        per_step, per_sq, squares = history.finer(2**k).work(n)
        total += evals * (per_step * n + per_sq * squares)
    return total


def _levels(scheme) -> range:
    return range(scheme.levels) if isinstance(scheme, Extrapolated) else range(1)


def memory_limit() -> float:
    """Bytes a run may allocate: half the physical memory (8 GiB if it cannot be read)."""
    try:
        return 0.5 * os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return 8.0 * 2**30


def integrate(field: Field, m0: float, t_max: float, dt: float, *, temperature: float = 0.0,
              scheme=None, history=None, keep_history: bool = False, progress=None,
              stop=None) -> Run:
    """Integrate the DMFT equations from ``C(0,0) = 1``, ``m(0) = m0`` to ``t_max``.

    Parameters are assumed valid (see :func:`theory.gradient_flow`) except the pair
    ``(scheme, history)``: one not in :data:`VALIDATED` is a ``ValueError``.  ``scheme``
    defaults to ``Extrapolated()``, ``history`` to ``Fixed()``.  ``progress`` is None or a
    tqdm-like object with ``update`` (steps of the finest run).  ``stop(m, step)`` may return
    True to end early.  A KeyboardInterrupt ends the run after the last completed step
    (``interrupted=True``).
    """
    scheme = Extrapolated() if scheme is None else scheme
    history = Fixed() if history is None else history
    if (type(scheme), type(history)) not in VALIDATED:
        raise ValueError(f"scheme {scheme!r} on the history {history!r} is not a validated pair; "
                         f"validated: {sorted((s.__name__, h.__name__) for s, h in VALIDATED)}")
    model = _Model(field)
    if isinstance(scheme, BDF2):  # implicit steps on the step-growing grid (numerics.dmft_long)
        out = integrate_growing(model, m0, t_max, dt, temperature=temperature, history=history,
                                keep_history=keep_history, progress=progress, stop=stop)
        out.pop("rejected")
        out.pop("first_step")
        out.pop("evaluations")
        return Run(**out)
    if not isinstance(scheme, Extrapolated):
        return _integrate(model, m0, t_max, dt, temperature, scheme, history, keep_history,
                          progress, stop)
    runs = []
    for k in _levels(scheme):
        f = 2**k
        runs.append(_integrate(model, m0, t_max, dt / f, temperature, Euler(), history.finer(f),
                               keep_history and k == scheme.levels - 1, progress, stop))
        if runs[-1].interrupted:
            break
    # at T = 0 the levels share their fixed points (those of the discrete descent are exact),
    # so they differ by a delay; at T > 0 each level samples its own h-dependent stationary
    # state and the pointwise extrapolation is the one that holds
    return _combine(runs, interrupted=len(runs) < scheme.levels or runs[-1].interrupted,
                    along_m=temperature == 0)


def _richardson(values: list[np.ndarray]) -> np.ndarray:
    """Neville table for an error series in powers of ``h`` (steps halving): the top entry."""
    table = list(values)
    for k in range(1, len(values)):
        table = [table[j] + (table[j] - table[j - 1]) / (2**k - 1) for j in range(1, len(table))]
    return table[-1]


def _combine(runs: list[Run], interrupted: bool, along_m: bool = True) -> Run:
    """The extrapolated run on the coarse grid (the times common to every level).

    Pointwise (at fixed ``t``) first: ``log m`` where ``m > 0`` at every level (``m`` grows
    as ``m0 exp(lambda_h t)``, ``lambda_h = lambda + O(h)``), ``m``, ``mu``, ``e`` linearly
    otherwise.  Then (``along_m``, the T = 0 runs), where ``m`` is strictly monotone at every
    level, along ``m`` instead (:func:`_along_m`): the main error of a coarse run is a delay
    of the whole escape, and a pointwise extrapolation of a delayed steep front leaves an
    ``O(h**2)`` error of size ``delay**2 m''`` that the pointwise ``log m`` only removes while
    ``m`` grows exponentially (measured in docs/dynamics.md).
    """
    length = min((r.t.size - 1) // 2**k for k, r in enumerate(runs)) + 1
    if interrupted and len(runs) == 1:
        length = runs[0].t.size
    pick = [np.arange(length) * 2**k for k in range(len(runs))]
    fields = {}
    for name in ("m", "mu", "energy"):
        vals = [getattr(r, name)[pick[k]] for k, r in enumerate(runs)]
        if len(vals) == 1:
            fields[name] = vals[0]
        elif name == "m" and all(np.all(v > 0) for v in vals):
            fields[name] = np.exp(_richardson([np.log(v) for v in vals]))
        else:
            fields[name] = _richardson(vals)
    if along_m and len(runs) > 1 and length >= 8:
        _along_m(runs, length, fields)
    fine = runs[-1]
    k = len(runs) - 1
    return Run(t=runs[0].t[:length].copy(), c_lag=fine.c_lag[pick[k]].copy(), grid=fine.grid,
               C=fine.C, R=fine.R, interrupted=interrupted, steps=sum(r.steps for r in runs),
               stored_max=max(r.stored_max for r in runs), seconds=sum(r.seconds for r in runs),
               levels=len(runs), **fields)


def _cubic(x: np.ndarray, y: np.ndarray, at: np.ndarray) -> np.ndarray:
    """Row by row, the cubic through the four points ``(x[i, :], y[i, :])`` at ``at[i]``."""
    out = np.zeros(at.shape)
    with np.errstate(divide="ignore", invalid="ignore"):  # rows of clipped stencils: dropped
        for a in range(4):
            w = y[:, a].copy()
            for b in range(4):
                if b != a:
                    w *= (at - x[:, b]) / (x[:, a] - x[:, b])
            out += w
    return out


def _stencil(n: int, j: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Four consecutive indices in ``0..n-1`` around the interval ``[j, j+1]`` (``j-1..j+2``,
    shifted inwards at the ends), and where that interval exists (``0 <= j <= n-2``)."""
    first = np.clip(j - 1, 0, max(0, n - 4))
    return first[:, None] + np.arange(4)[None, :], (j >= 0) & (j <= n - 2) & (n >= 4)


def _monotone_end(m: np.ndarray, sign: float) -> int:
    """Last index of the strictly monotone (direction ``sign``) stretch of ``m`` from index 0.

    A step must change ``m`` by more than rounding (1e-12 of its size), so that the inverse
    interpolation of :func:`_along_m` stays well conditioned.
    """
    dm = sign * np.diff(m)
    bad = np.flatnonzero(dm <= 1e-12 * np.maximum(np.abs(m[1:]), np.abs(m[:-1])))
    return int(bad[0]) if bad.size else m.size - 1


#: Largest relative difference of the pace dT_k/dv of a coarse level from the finest one for
#: which :func:`_along_m` treats the difference of the levels as a delay.
MAX_PACE_MISMATCH = 0.25


def _along_m(runs: list[Run], length: int, fields: dict) -> None:
    """Richardson extrapolation at fixed ``m`` instead of fixed ``t``, where ``m`` is monotone.

    For the finest run's value ``v`` at each coarse time, every level's time ``T_k(v)`` of
    reaching it (cubic inverse interpolation) and its ``mu``, ``e`` there (cubic in ``t``) are
    extrapolated: ``T*(v)``, ``mu*(v)``, ``e*(v)``; then ``m``, ``mu``, ``e`` are read back at
    the coarse times by cubics in ``T*``.  A uniform delay of the coarse runs is removed
    exactly.  Used on the stretch from ``t = 0`` where ``m`` is strictly monotone at every
    level (the linear regime, the escape and the approach to the end state) and the coarse
    levels reach the value; elsewhere the pointwise values stand.  Modifies ``fields``.
    """
    K = len(runs) - 1
    fine = runs[K]
    tc = runs[0].t[:length]
    sign = 1.0 if fine.m[min(fine.m.size - 1, 2**K)] >= fine.m[0] else -1.0
    ends = [_monotone_end(r.m, sign) for r in runs]
    n_ok = min(length - 1, ends[K] // 2**K) + 1  # coarse indices inside the finest stretch
    if n_ok < 8:
        return
    idx = np.arange(n_ok) * 2**K
    v = fine.m[idx]
    times, mus, energies = [], [], []
    for k, r in enumerate(runs[:-1]):
        e = ends[k] + 1
        j = np.searchsorted(sign * r.m[:e], sign * v) - 1  # m_k[j] <= v < m_k[j+1]
        st, ok = _stencil(e, j)
        tk = _cubic(sign * r.m[st], r.t[st], sign * v)
        tk[~ok] = np.nan
        h = r.t[1] - r.t[0]
        i = np.clip(np.floor(np.nan_to_num(tk) / h).astype(np.int64), 0, r.t.size - 1)
        st2, ok2 = _stencil(r.t.size, i)
        tk[~ok2] = np.nan
        times.append(tk)
        mus.append(_cubic(r.t[st2], r.mu[st2], tk))
        energies.append(_cubic(r.t[st2], r.energy[st2], tk))
    times.append(fine.t[idx])
    mus.append(fine.mu[idx])
    energies.append(fine.energy[idx])
    T = _richardson(times)
    good = np.isfinite(T) & np.all(np.isfinite(mus), axis=0) & np.all(np.isfinite(energies), axis=0)
    good[1:] &= np.diff(T) > 0  # the extrapolated times must increase with v
    for tk in times[:-1]:
        # a delay, not a different end state: every level's time runs at the finest level's
        # pace to O(h) (a Langevin run at T > 0 levels off at an h-dependent overlap, where
        # T_k(v) runs away: there the pointwise values stand)
        pace = np.diff(tk) / np.diff(times[-1])
        good[1:] &= np.abs(pace - 1.0) <= MAX_PACE_MISMATCH
    first = np.flatnonzero(good)
    if first.size == 0:
        return
    a = int(first[0])
    bad = np.flatnonzero(~good[a:])
    b = a + (int(bad[0]) if bad.size else good.size - a)  # the block [a, b) of valid values
    if b - a < 8:
        return
    T = T[a:b]
    n = b - a
    series = {"m": v[a:b], "mu": _richardson(mus)[a:b], "energy": _richardson(energies)[a:b]}
    q = np.searchsorted(T, tc) - 1
    st, ok = _stencil(n, q)
    for name, y in series.items():
        out = fields[name]
        out[ok] = _cubic(T[st], y[st], tc)[ok]


def _integrate(model: _Model, m0, t_max, dt, temperature, scheme, history, keep_history,
               progress, stop) -> Run:
    n_steps = n_steps_of(t_max, dt)
    g = _Store(history.capacity(n_steps), model, temperature, m0, float(dt),
               scheme.quadrature.on(history))
    out = np.empty((5, n_steps + 1))
    out[:, 0] = 0.0, m0, math.nan, math.nan, 1.0  # mu, e unknown if interrupted at once
    h = float(dt)
    interrupted = False
    stored_max = 1
    n = 0
    reported = 0
    start = time.perf_counter()
    with threadpool_limits(limits=1, user_api="blas"):
        try:
            dC0, dR0, dm0, mu0, e0 = g.derivative(1)
            out[:, 0] = 0.0, m0, mu0, e0, 1.0
            for n in range(n_steps):
                M = g.M
                t_next = (n + 1) * h
                scheme.advance(g, M, t_next, n + 1, h, (dC0, dR0, dm0))
                g.M = M + 1
                stored_max = max(stored_max, g.M)
                history.compact(g, n + 1)
                dC0, dR0, dm0, mu0, e0 = g.derivative(g.M)
                out[:, n + 1] = t_next, g.m[g.M - 1], mu0, e0, g.C[g.M - 1, g.M - 2]
                if progress is not None and (n + 1) % 100 == 0:
                    progress.update(100)
                    reported += 100
                if not math.isfinite(out[1, n + 1]):
                    raise FloatingPointError(
                        f"the integration diverged at t = {t_next:g} (dt={dt}); use a smaller dt")
                if stop is not None and stop(out[1, n + 1], n + 1):
                    n += 1
                    break
            else:
                n = n_steps
        except KeyboardInterrupt:
            interrupted = True
    if progress is not None:
        progress.update(n - reported)
    k = n + 1
    M = g.M
    keep_history = keep_history and not interrupted  # an interrupted compaction may be half done
    return Run(
        t=out[0, :k].copy(), m=out[1, :k].copy(), mu=out[2, :k].copy(), energy=out[3, :k].copy(),
        c_lag=out[4, :k].copy(),
        grid=g.ts[:M].copy() if keep_history else None,
        C=g.C[:M, :M].copy() if keep_history else None,
        R=np.tril(g.R[:M, :M]).copy() if keep_history else None,
        interrupted=interrupted, steps=n, stored_max=stored_max,
        seconds=time.perf_counter() - start,
    )


# --- closed-form end states --------------------------------------------------------------------
def _field_of(field_or_p, delta2=None, delta_p=None) -> Field:
    if isinstance(field_or_p, Field):
        return field_or_p
    from numerics.model import matrix_tensor

    return matrix_tensor(field_or_p, delta2, delta_p)


def success_state(field, delta2=None, delta_p=None) -> dict[str, float]:
    """End state of a run that finds the signal (T = 0), from the derived closed forms.

    ``field`` is a :class:`numerics.model.Field` (or the shorthand ``p, delta2, delta_p``).
    The overlap is the largest root in (0, 1) of the derived condition
    ``g'(m)^2 (1 - m^2) = m^2 Q'(1)`` (bracketed, solved by Brent's method); then ``chi``,
    ``mu`` and ``e`` from the generated kernels.  Returns a dict with ``m, mu, energy, chi``.
    """
    md = _Model(_field_of(field, delta2, delta_p))
    _, q1, q2 = md.xi_1
    m = _largest_root(lambda x: _dk.end_condition(x, md.g(x, 1), q1), "the end-state condition")
    g0, g1 = md.g(m), md.g(m, 1)
    return {"m": m, "mu": float(_dk.end_mu(m, g1, q2)), "energy": float(_dk.end_energy(m, g0, g1, q1)),
            "chi": float(_dk.end_chi(m, g1))}


def nishimori_state(field, delta2=None, delta_p=None) -> dict[str, float]:
    """End state of a T = 1 Langevin run of a Bayes-optimal model that finds the signal.

    The overlap is the largest root in (0, 1) of the derived ``Q'(m) (1 - m) = m``: the stable
    fixed point ``m = mhat/(1 + mhat)``, ``mhat = Q'(m)``, of Bayes-optimal state evolution.
    Returns ``m``, ``mu = 1 + Q'(1)`` and ``energy = -Q(1)``.
    """
    f = _field_of(field, delta2, delta_p)
    if not f.bayes_optimal:
        raise ValueError("the Nishimori end state needs a Bayes-optimal model (g = xi)")
    md = _Model(f)
    m = _largest_root(lambda x: _dk.nishimori_condition(x, md.xi(x, 1)), "the Nishimori condition")
    return {"m": m, "mu": float(_dk.nishimori_mu(md.xi_1[1])), "energy": -float(md.xi_1[0])}


def _largest_root(f, what: str) -> float:
    """Largest sign change of ``f`` on (0, 1) on a float64 grid, refined by Brent's method
    (:func:`numerics.solvers.brent`); a ValueError where ``f`` has no sign change there."""
    from numerics import solvers

    grid = np.linspace(1e-3, 1 - 1e-12, 2001)
    (sign,) = solvers.sign_changes(f(grid))
    if sign.size == 0:
        raise ValueError(f"no overlap m in (0, 1) solves {what}")
    i = sign[-1]
    return solvers.brent(lambda x: float(f(x)), grid[i], grid[i + 1], what=what, xtol=1e-15, rtol=1e-15).value


def aging_state(field, delta2=None, delta_p=None) -> dict[str, float]:
    """End state of a run stuck at m = 0 (T = 0): the one-step aging closed forms.

    Returns a dict with ``mu`` (= 2 sqrt(Q''(1))), ``chi``, ``y`` and ``energy``.
    """
    md = _Model(_field_of(field, delta2, delta_p))
    x0, x1, x2 = md.xi_1
    return {"mu": float(_dk.aging_mu(x2)), "chi": float(_dk.aging_chi(x2)),
            "y": float(_dk.aging_slope(x1, x2)), "energy": float(_dk.aging_energy(x0, x1, x2))}


def crossing_time(t: np.ndarray, m: np.ndarray, level: float) -> float:
    """First time ``m(t)`` reaches ``level``: the cubic through the four samples around the
    crossing (linear at the ends of the run); ``inf`` if never, 0 if at the start.

    A cubic keeps the interpolation error ``O(h**4)``, below the error of the extrapolated
    scheme on its coarse grid (linear interpolation would add ``O(h**2)`` at the steep escape).
    """
    above = np.flatnonzero(m >= level)
    if above.size == 0:
        return math.inf
    i = int(above[0])
    if i == 0:
        return 0.0
    t0, t1, m0, m1 = t[i - 1], t[i], m[i - 1], m[i]
    linear = float(t0 + (level - m0) / (m1 - m0) * (t1 - t0))
    if i < 2 or i + 1 >= t.size:
        return linear
    s = slice(i - 2, i + 2)
    x = t[s] - t0
    coef = np.polyfit(x, m[s] - level, 3)
    roots = np.roots(coef)
    ok = [r.real for r in roots if abs(r.imag) < 1e-9 * (t1 - t0) and -1e-12 <= r.real <= (t1 - t0) * (1 + 1e-12)]
    return float(t0 + min(ok)) if ok else linear
