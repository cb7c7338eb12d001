"""Richardson extrapolation of the DMFT scheme over runs at ``h, h/2, .., h/2**(levels-1)``.

:class:`Extrapolated` is a combinator: it integrates its base scheme (:class:`Euler`) at each
level and combines the runs on the coarse grid: error ``O(h**levels)``.  At T = 0 the levels
are combined at fixed ``m`` where ``m`` is monotone (a coarse run is mainly a delayed fine
one), elsewhere at fixed ``t`` (:func:`_combine`).  Two levels cost about 1.1 times one Euler
run at ``h/2`` (the run cost grows as the cube of the number of steps).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from numerics.dynamics.loop import Run
from numerics.dynamics.stepper import Euler

__all__ = ["Extrapolated", "MAX_PACE_MISMATCH"]


@dataclass(frozen=True)
class Extrapolated:
    """Richardson extrapolation of :class:`Euler` runs at ``h / 2**k``, ``k < levels``."""

    levels: int = 2
    name = "extrapolated"
    #: The scheme of every level (not a field: the repr stays ``Extrapolated(levels=2)``).
    base = Euler()
    quadrature = base.quadrature  #: that of its Euler runs
    evaluations = base.evaluations
    implicit = False

    def __post_init__(self):
        if isinstance(self.levels, bool) or not isinstance(self.levels, (int, np.integer)) \
                or not 2 <= self.levels <= 4:
            raise ValueError(f"levels must be an integer in 2..4, got {self.levels!r}")

    @property
    def order(self) -> int:
        return int(self.levels)

    def integrate(self, model, m0: float, t_max: float, dt: float, temperature: float, history,
                  keep_history: bool = False, progress=None, stop=None) -> Run:
        """The base scheme at ``dt / 2**k`` for every level (the history scaled to each), then
        the levels combined (:func:`_combine`); stops at the first interrupted level."""
        runs = []
        for k in range(self.levels):
            f = 2**k
            runs.append(self.base.integrate(model, m0, t_max, dt / f, temperature, history.finer(f),
                                            keep_history and k == self.levels - 1, progress, stop))
            if runs[-1].interrupted:
                break
        # at T = 0 the levels share their fixed points (those of the discrete descent are exact),
        # so they differ by a delay; at T > 0 each level samples its own h-dependent stationary
        # state and the pointwise extrapolation is the one that holds
        return _combine(runs, interrupted=len(runs) < self.levels or runs[-1].interrupted,
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
