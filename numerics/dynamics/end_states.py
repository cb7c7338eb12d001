"""Closed-form end states of the DMFT runs (from the derived kernels), and crossing times."""

from __future__ import annotations

import math

import numpy as np

from numerics._generated import dmft_numpy as _dk
from numerics.dynamics.jets import _Model
from numerics.model import Field

__all__ = ["aging_drift", "aging_state", "crossing_time", "nishimori_state", "plateau_settled",
           "success_state", "two_time"]


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


def two_time(grid: np.ndarray, C: np.ndarray, t: float, s: float) -> float:
    """``C(t, s)`` from the values on the stored times ``grid`` (bilinear in the stored
    index; the stored times need not be evenly spaced); a ValueError outside the grid.

    Lags shorter than the local spacing of a thinned history are not resolved (the fast decay
    of ``C`` near the diagonal falls between stored times): read lags of the order of the
    times, as :func:`aging_drift` does."""
    grid = np.asarray(grid, dtype=float)
    if not (grid[0] <= s <= grid[-1] and grid[0] <= t <= grid[-1]):
        raise ValueError(f"t={t:g}, s={s:g} must lie within the stored times [{grid[0]:g}, "
                         f"{grid[-1]:g}]")
    idx = np.arange(grid.size, dtype=float)
    x, y = float(np.interp(t, grid, idx)), float(np.interp(s, grid, idx))
    i, j = min(int(x), grid.size - 2), min(int(y), grid.size - 2)
    fx, fy = x - i, y - j
    return float((1 - fx) * (1 - fy) * C[i, j] + fx * (1 - fy) * C[i + 1, j]
                 + (1 - fx) * fy * C[i, j + 1] + fx * fy * C[i + 1, j + 1])


def aging_drift(grid: np.ndarray, C: np.ndarray, t_first: float = 10.0):
    """The aging correlation ``a(tw) = C(2 tw, tw)`` of a run on octaves of ``tw`` ending at
    half the last stored time: ``(tw, a)`` arrays, ``tw = t_end/2, t_end/4, ...`` down to
    ``t_first``, increasing.

    The plateau of a stuck run has stopped drifting (issue 21 item 2) when ``a`` changes by
    less than a tolerance over the last octave: :func:`plateau_settled`.
    """
    t_end = float(grid[-1])
    tws = []
    tw = 0.5 * t_end
    while tw >= t_first:
        tws.append(tw)
        tw *= 0.5
    tws = np.array(tws[::-1])
    return tws, np.array([two_time(grid, C, 2 * w, w) for w in tws])


def plateau_settled(grid: np.ndarray, C: np.ndarray, tol: float = 2e-3) -> tuple[bool, float]:
    """Whether ``C(2 tw, tw)`` moved by less than ``tol`` over the last octave of ``tw``
    (:func:`aging_drift`), and that change; a ValueError for a run shorter than two octaves
    beyond ``tw = 10``."""
    tw, a = aging_drift(grid, C)
    if tw.size < 2:
        raise ValueError(f"the run must reach t >= 40 to measure the drift of its plateau, "
                         f"got t = {float(grid[-1]):g}")
    change = float(a[-1] - a[-2])
    return abs(change) < tol, change
