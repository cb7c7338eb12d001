"""Integrators of the large-N gradient-flow (DMFT) equations of spec/dmft.md.

One scheme, two grids.  The scheme is Heun's predictor-corrector in ``t`` with the memory
integrals by the trapezoid rule over the stored past times, ``R(t,t) = 1`` and
``C(t,t) = 1`` on the diagonal.  Every memory integral for all stored ``t'`` at once is a
matrix-vector product with the stored ``C(s,t')`` or ``R(s,t')`` (three per evaluation, two
evaluations per step).

- ``window=None``: the fixed uniform grid, every past step stored: O(n^2) memory, O(n^3)
  time for n steps.
- ``window=W``: the thinned grid.  The last ``W`` steps are kept; further back the spacing
  of the kept times doubles each time their age doubles (a past step ``i`` survives at step
  ``n`` iff ``i`` is a multiple of ``2**k``, ``k = 1 + floor(log2((n - i)/W))`` for
  ``n - i >= W``; the first step is always kept).  The relative spacing of the far history
  stays below ``2/W`` and about ``W + (W/2) log2(n/W)`` times are stored: memory bounded by
  that, time O(n W^2 log^2(n/W)).  The time step itself stays ``dt`` (the response decays on
  lags of order ``1/mu``).  It is the Kim-Latz idea (Europhys. Lett. 53, 660 (2001)) applied
  to the history only; it is validated against the fixed grid in tests/numerics/test_dmft.py.

The covariance and its derivatives come from the generated kernels of derivations/model.py
and derivations/dmft.py.  BLAS is pinned to one thread inside (threadpoolctl).

References
----------
arXiv:1907.08226 (section 4); arXiv:1812.09066; spec/dmft.md.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

import numpy as np
from threadpoolctl import threadpool_limits

from numerics._generated import dmft_numpy as _dk
from numerics._generated import model_numpy as _mk

__all__ = ["Run", "integrate", "kept", "success_state", "aging_state", "store_size"]


@dataclass
class Run:
    """Raw output of :func:`integrate` (arrays over the steps ``0..n``)."""

    t: np.ndarray
    m: np.ndarray
    mu: np.ndarray
    energy: np.ndarray
    c_lag: np.ndarray  #: C(t, t - dt) at every step (1 - O(dt^2) at T = 0; |C| <= 1)
    grid: np.ndarray | None  #: stored times at the end (for C, R)
    C: np.ndarray | None
    R: np.ndarray | None
    interrupted: bool
    steps: int
    stored_max: int
    seconds: float


def kept(index: np.ndarray, n: int, window: int) -> np.ndarray:
    """Mask of the past step indices that the thinned grid keeps at step ``n``.

    The spacing of kept steps grows geometrically with ``a = min(n - i, i)``: the distance
    to the present and to the start (the initial transient varies on the scale of the
    first steps for every later time).  Steps with ``a < window`` are all kept; beyond, step
    ``i`` is kept iff it is a multiple of ``2**k``, ``k = 1 + floor(log2(a // window))``.
    The level never decreases as ``n`` grows, so a dropped step is never needed again.
    """
    index = np.asarray(index)
    age = np.minimum(n - index, index)
    far = age >= window
    level = np.zeros(index.shape, dtype=np.int64)
    ratio = np.where(far, age // window, 1)
    level[far] = 1 + np.floor(np.log2(ratio[far])).astype(np.int64)
    return (index == n) | ~far | (index % (np.int64(1) << level) == 0)


def store_size(n: int, window: int | None) -> int:
    """Number of stored times after ``n`` steps (``window=None``: fixed grid, ``n + 1``)."""
    if window is None or n < window:
        return n + 1
    return int(kept(np.arange(n + 1), n, window).sum())


def _weights(ts: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Trapezoid weights over the stored times, and the half-gaps to the left and right."""
    gaps = np.diff(ts)
    left = np.zeros_like(ts)
    right = np.zeros_like(ts)
    left[1:] = 0.5 * gaps
    right[:-1] = 0.5 * gaps
    return left + right, left, right


class _Grid:
    """The stored two-time functions and the derivative of the last row.

    ``heun``: trapezoid weights, ``R(t,t) = 1``.  ``euler`` (``discrete=True``): the exact
    equations of the discrete-time map ``x_{n+1} = x_n - h (grad L + mu x_n)``, whose sums
    are rectangle rules with ``R(t,t) = 0``, ``R(t+h,t) = 1``.  In that mode each stored time
    ``k`` owns a cell of steps ``[i_k, i_{k+1})`` and the grid keeps the integrals of the
    response over the cells, ``RI[j,k] = h sum_{i in cell k} R(t_j, t_i)`` (second argument)
    and ``RJ[k,j] = h sum_{i in cell k} R(t_i, t_j)`` (first argument).  Thinning merges a
    dropped cell into the previous kept one, summing these integrals, so the fast decay of
    the response near every diagonal survives in integrated form (the Kim-Latz bookkeeping);
    other factors are averaged over a cell by linear interpolation.  Without thinning every
    cell is one step and the sums are exactly those of the fixed grid.
    """

    def __init__(self, cap: int, p, delta2, delta_p, temperature, m0, h, discrete=False,
                 thinned=False):
        self.C = np.zeros((cap, cap))
        self.R = np.zeros((cap, cap))
        self.discrete = discrete
        # On the fixed grid every cell is one step: RI = RJ = h R, so R itself is used
        # (scaled by h) and no extra memory is spent.
        self.cells = discrete and thinned
        self.scale = 1.0 if self.cells else h
        if self.cells:
            self.RI = np.zeros((cap, cap))
            self.RJ = np.zeros((cap, cap))
        elif discrete:
            self.RI = self.RJ = self.R
        self.ts = np.zeros(cap)
        self.idx = np.zeros(cap, dtype=np.int64)
        self.m = np.zeros(cap)
        self.M = 1
        self.h = h
        self.C[0, 0] = 1.0
        self.R[0, 0] = 0.0 if discrete else 1.0
        self.m[0] = m0
        self.args = (p, delta2, delta_p)
        self.T = temperature

    def _cells(self, M: int):
        """Cell sizes (in steps) and interpolation weights ``alpha`` of the stored times:
        the mean over a cell of a function linear between its ends is
        ``(1 - alpha) f[k] + alpha f[k+1]``, ``alpha = (g - 1)/(2 g)``."""
        g = np.ones(M)
        g[:-1] = np.diff(self.idx[:M])
        return g, (g - 1.0) / (2.0 * g)

    def derivative(self, M: int):
        """Derivatives of row ``M-1`` w.r.t. its first time, for every stored second time.

        Returns ``(dC, dR, dm, mu, energy)``; ``dC[j], dR[j]`` are d/dt of ``C(t, t_j)``,
        ``R(t, t_j)`` at ``t = t_{M-1}`` (for ``j = M-1`` the limit ``t_j -> t^-``).
        """
        a = self.args
        n = M - 1
        C = self.C[:M, :M]
        c = C[n]
        r = self.R[n, :M]
        mm = self.m[:M]
        mn = mm[n]
        q1 = _mk.xi_prime(c, *a)
        q2 = _mk.xi_second(c, *a)
        g1 = _mk.xi_prime(mn, *a)
        if self.cells:
            g, alpha = self._cells(M)
            ri = self._row_integrals(r, g, alpha)
            rho = ri * (1.0 - alpha)  # point weights of the current row's R-weighted sums
            rho[1:] += ri[:-1] * alpha[:-1]
            mu = self.T + mn * g1 + rho @ _dk.mu_integrand(c, *a)
            energy = -_mk.xi(mn, *a) - rho @ q1
            u = rho * q2
            A = u @ C
            B = self.RI[:M, :M] @ _cell_mean(q1, alpha)
            D = _cell_mean(q2 * r, alpha) @ self.RJ[:M, :M]
        elif self.discrete:
            rho = self.scale * r
            mu = self.T + mn * g1 + rho @ _dk.mu_integrand(c, *a)
            energy = -_mk.xi(mn, *a) - rho @ q1
            u = rho * q2
            A = u @ C
            B = self.scale * (self.R[:M, :M] @ q1)
            D = self.scale * ((q2 * r) @ self.R[:M, :M])
        else:
            w, left, right = _weights(self.ts[:M])
            wr = w * r
            mu = self.T + mn * g1 + wr @ _dk.mu_integrand(c, *a)
            energy = -_mk.xi(mn, *a) - wr @ q1
            uu = q2 * r
            u = w * uu
            A = u @ C  # int_0^t Q''(C(t,s)) R(t,s) C(s,t_j) ds
            B = self.R[:M, :M] @ (w * q1) - right * q1  # int_0^{t_j} Q'(C(t,s)) R(t_j,s) ds
            D = u @ self.R[:M, :M] - left * uu  # int_{t_j}^t Q''(C(t,s)) R(t,s) R(s,t_j) ds
        dC = -mu * c + g1 * mm + A + B
        dR = -mu * r + D
        dm = -mu * mn + g1 + u @ mm
        return dC, dR, dm, mu, energy

    def _row_integrals(self, r, g, alpha):
        """``h sum`` of a row of R over each cell, by linear interpolation inside the cell."""
        return self.h * g * _cell_mean(r, alpha)

    def set_row(self, M: int, t: float, step: int, c: np.ndarray, r: np.ndarray, m: float):
        """Store row ``M`` (time ``t``), with values ``c, r`` at the first ``M`` times."""
        self.ts[M] = t
        self.idx[M] = step
        self.C[M, :M] = c
        self.C[:M, M] = c
        self.C[M, M] = 1.0
        self.R[M, :M] = r
        self.m[M] = m
        if not self.discrete:
            self.R[M, M] = 1.0
            return
        self.R[M, M - 1] = 1.0  # the field at the previous step enters x at this one
        self.R[M, M] = 0.0
        if self.cells:
            g, alpha = self._cells(M + 1)
            self.RI[M, :M + 1] = self._row_integrals(self.R[M, :M + 1], g, alpha)
            self.RJ[M, :M + 1] = self.h * self.R[M, :M + 1]

    def thin(self, n: int, window: int) -> None:
        """Drop the stored times that the thinned grid no longer keeps at step ``n``."""
        M = self.M
        keep = kept(self.idx[:M], n, window)
        if keep.all():
            return
        sel = np.flatnonzero(keep)
        k = sel.size
        if self.cells:
            # merge the cells of dropped times into the previous kept time
            self.RI[:k, :k] = np.add.reduceat(self.RI[sel, :M], sel, axis=1)
            self.RJ[:k, :k] = np.add.reduceat(self.RJ[:M, sel], sel, axis=0)
        self.C[:k, :k] = self.C[np.ix_(sel, sel)]
        self.R[:k, :k] = self.R[np.ix_(sel, sel)]
        self.ts[:k] = self.ts[sel]
        self.idx[:k] = self.idx[sel]
        self.m[:k] = self.m[sel]
        self.M = k


def _cell_mean(f: np.ndarray, alpha: np.ndarray) -> np.ndarray:
    """Mean of ``f`` over each cell, by linear interpolation between stored times."""
    out = f * (1.0 - alpha)
    out[:-1] += f[1:] * alpha[:-1]
    return out


def integrate(p: int, delta2: float, delta_p: float, m0: float, t_max: float, dt: float, *,
              temperature: float = 0.0, window: int | None = None, history: bool = False,
              scheme: str = "heun", progress=None, stop=None) -> Run:
    """Integrate the DMFT equations from ``C(0,0) = 1``, ``m(0) = m0`` to ``t_max``.

    Parameters are assumed valid (see :func:`theory.gradient_flow`).  ``window=None`` is the
    fixed grid; an int the thinned grid (see the module docstring).  ``progress`` is None or
    a tqdm-like object with ``update``.  ``stop(m, step)`` may return True to end early.
    A KeyboardInterrupt ends the run after the last completed step (``interrupted=True``).
    """
    n_steps = max(1, int(math.ceil(t_max / dt - 1e-9)))
    if window is None:
        cap = n_steps + 2
        thin_every = None
    else:
        window = int(window)
        thin_every = max(1, window // 8)
        cap = store_size(n_steps, window) + thin_every + 4 if n_steps > window else n_steps + 2
        # store_size is not monotone in n; bound it over the run
        if n_steps > window:
            probe = np.unique(np.linspace(window, n_steps, 64).astype(np.int64))
            cap = max(store_size(int(k), window) for k in probe) + 2 * thin_every + 8
    discrete = scheme == "euler"
    g = _Grid(cap, p, delta2, delta_p, temperature, m0, float(dt), discrete=discrete,
              thinned=window is not None)
    out_t = np.empty(n_steps + 1)
    out_m = np.empty(n_steps + 1)
    out_mu = np.empty(n_steps + 1)
    out_e = np.empty(n_steps + 1)
    out_lag = np.empty(n_steps + 1)
    h = float(dt)
    interrupted = False
    stored_max = 1
    n = 0
    start = time.perf_counter()
    with threadpool_limits(limits=1, user_api="blas"):
        try:
            dC0, dR0, dm0, mu0, e0 = g.derivative(1)
            out_t[0], out_m[0], out_mu[0], out_e[0], out_lag[0] = 0.0, m0, mu0, e0, 1.0
            for n in range(n_steps):
                M = g.M
                t_next = (n + 1) * h
                c_old = g.C[M - 1, :M].copy()
                r_old = g.R[M - 1, :M].copy()
                m_old = g.m[M - 1]
                # predictor (Euler), stored as the new last row
                g.set_row(M, t_next, n + 1, c_old + h * dC0, r_old + h * dR0, m_old + h * dm0)
                if not discrete:
                    dC1, dR1, dm1, _, _ = g.derivative(M + 1)
                    # corrector (trapezoid in t)
                    g.set_row(M, t_next, n + 1, c_old + 0.5 * h * (dC0 + dC1[:M]),
                              r_old + 0.5 * h * (dR0 + dR1[:M]), m_old + 0.5 * h * (dm0 + dm1))
                g.M = M + 1
                stored_max = max(stored_max, g.M)
                if thin_every is not None and (n + 1) % thin_every == 0:
                    g.thin(n + 1, window)
                dC0, dR0, dm0, mu0, e0 = g.derivative(g.M)
                out_t[n + 1] = t_next
                out_m[n + 1] = g.m[g.M - 1]
                out_mu[n + 1] = mu0
                out_e[n + 1] = e0
                out_lag[n + 1] = g.C[g.M - 1, g.M - 2]
                if progress is not None and (n + 1) % 100 == 0:
                    progress.update(100)
                if not np.isfinite(out_m[n + 1]):
                    raise FloatingPointError(
                        f"the integration diverged at t = {t_next:g} (p={p}, Delta2={delta2}, "
                        f"Deltap={delta_p}, dt={dt}); use a smaller dt")
                if stop is not None and stop(out_m[n + 1], n + 1):
                    n += 1
                    break
            else:
                n = n_steps
        except KeyboardInterrupt:
            interrupted = True
    if progress is not None:
        progress.update(n - (n // 100) * 100)
    k = n + 1
    M = g.M
    history = history and not interrupted  # an interrupted thinning may leave C, R half-moved
    return Run(
        t=out_t[:k].copy(), m=out_m[:k].copy(), mu=out_mu[:k].copy(), energy=out_e[:k].copy(),
        c_lag=out_lag[:k].copy(),
        grid=g.ts[:M].copy() if history else None,
        C=g.C[:M, :M].copy() if history else None,
        R=np.tril(g.R[:M, :M]).copy() if history else None,
        interrupted=interrupted, steps=n, stored_max=stored_max,
        seconds=time.perf_counter() - start,
    )


def success_state(p: int, delta2: float, delta_p: float) -> dict[str, float]:
    """End state of a run that finds the signal (T = 0), from the derived closed forms.

    The overlap is the largest root in (0, 1) of the derived condition
    ``g'(m)^2 (1 - m^2) = m^2 Q'(1)`` (bracketed, solved by Brent's method); then ``chi``,
    ``mu`` and ``e`` from the generated kernels.  Returns a dict with ``m, mu, energy, chi``.
    """
    from scipy.optimize import brentq

    a = (p, delta2, delta_p)
    f = lambda x: float(_dk.end_condition(x, *a))  # noqa: E731
    grid = np.linspace(1e-3, 1 - 1e-12, 2001)
    vals = _dk.end_condition(grid, *a)
    sign = np.flatnonzero(np.sign(vals[:-1]) * np.sign(vals[1:]) < 0)
    if sign.size == 0:
        raise ValueError(f"no overlap m in (0, 1) solves the end-state condition at p={p}, "
                         f"Delta2={delta2}, Deltap={delta_p}")
    i = sign[-1]
    m = brentq(f, grid[i], grid[i + 1], xtol=1e-15, rtol=1e-15)
    return {"m": m, "mu": float(_dk.end_mu(m, *a)), "energy": float(_dk.end_energy(m, *a)),
            "chi": float(_dk.end_chi(m, *a))}


def aging_state(p: int, delta2: float, delta_p: float) -> dict[str, float]:
    """End state of a run stuck at m = 0 (T = 0): the one-step aging closed forms.

    Returns a dict with ``mu`` (= 2 sqrt(Q''(1))), ``chi``, ``y`` and ``energy``.
    """
    a = (p, delta2, delta_p)
    return {"mu": float(_dk.aging_mu(*a)), "chi": float(_dk.aging_chi(*a)),
            "y": float(_dk.aging_slope(*a)), "energy": float(_dk.aging_energy(*a))}
