"""Piecewise Kac-Rice complexity and the trivialization threshold (numpy and mpmath).

The branches derived in :mod:`derivations.kac_rice` (bulk / outside the bulk; maximiser of
``mu`` in the bulk, above or below it; minima at the bulk edge, at the BBP bound or free) are
combined here under masks: every generated kernel is evaluated only where its branch holds,
on those entries, so no branch ever sees arguments where it is undefined.

The trivialization threshold (spec/theory.md section 5) is located in three steps:

1. *Scan*: ``Sigma_min(m)`` on an ``m`` grid for a geometric grid of ``Delta2`` from
   ``Delta2_GF/50`` to ``2 Delta2_GF``; the first ``Delta2`` with ``Sigma_min > tol`` somewhere
   (exponentially many minima on an interval) brackets the threshold.
2. *Classify* how the first band of minima is born, from where ``Sigma_min`` peaks:
   ``"tangency"`` (a local maximum in ``m`` crosses 0: ``Sigma_min = 0 = d Sigma_min/dm``),
   ``"boundary"`` (with ``overlaps="positive"``, the band enters ``[0, 1)`` through ``m = 0``:
   ``Sigma_min(0) = 0``) or ``"isolated"`` (an isolated stationary point, a root of
   ``g'(m)**2 (1 - m**2) = m**2 xi'(1)`` where ``Sigma`` only touches 0, turns marginal: the
   maximiser of ``Sigma(r, mu)`` reaches the bulk edge, ``d Sigma/d mu (r, 2 s) = 0``; past it a
   band of minima grows out of the point, with ``Sigma_min`` of order ``(Delta2 - Delta2_T)**3``).
3. *Solve* the equation of that mechanism: ``scipy.optimize.brentq`` in float64, or the
   bracketed Anderson-Bjorck solver :func:`bracketed_root` in mpmath (the inner problems, the
   maximiser ``m`` or the isolated overlap ``r``, solved the same way, bracketed).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from numerics._generated import hessian_mpmath, hessian_numpy, thresholds_numpy
from numerics._generated import kac_rice_mpmath as KM
from numerics._generated import kac_rice_numpy as KN
from numerics.solvers import ConvergenceError

__all__ = [
    "sigma", "sigma_mu", "sigma_max", "sigma_energy_max", "sigma_min", "dsigma_min_dm",
    "sigma_mp", "sigma_mu_mp", "sigma_max_mp", "sigma_energy_max_mp", "sigma_min_mp", "dsigma_min_dm_mp",
    "bracketed_root", "TrivializationScan", "scan_trivialization", "trivialization_float", "trivialization_mp",
]


# --- numpy: branches under masks ---------------------------------------------------------------

def _piecewise(args, branches):
    """``branches``: list of (mask, kernel); masks are disjoint and cover the broadcast shape.

    Scalar arguments (``p`` and usually the variances) are passed as scalars, so that the
    kernels keep numpy's fast paths (integer powers); arrays are restricted to the mask."""
    shape = np.broadcast_shapes(*[np.shape(a) for a in args])
    full = [np.broadcast_to(a, shape) if np.ndim(a) else a for a in args]
    out = np.empty(shape)
    for mask, kernel in branches:
        if mask.all():
            out[...] = kernel(*full)
        elif mask.any():
            out[mask] = kernel(*[a[mask] if np.ndim(a) else a for a in full])
    return out[()] if shape == () else out


def _b(*args):
    """Arrays as float64 arrays, 0-d arguments as scalars (an integer ``p`` stays an int)."""
    out = []
    for a in args:
        if np.ndim(a) == 0:
            out.append(int(a) if isinstance(a, (int, np.integer)) else float(a))
        else:
            out.append(np.asarray(a, dtype=np.float64))
    return out


def _mask(cond, *args):
    """``cond`` broadcast to the shape of ``args`` as a boolean array."""
    shape = np.broadcast_shapes(*[np.shape(a) for a in args])
    return np.broadcast_to(np.asarray(cond, dtype=bool), shape)


def sigma(m, e, mu, p, delta2, delta_p):
    """``Sigma(m, e, mu)``, float64, broadcasting."""
    m, e, mu, p, d2, dp = _b(m, e, mu, p, delta2, delta_p)
    bulk = _mask(np.abs(mu) <= 2 * hessian_numpy.semicircle_scale(p, d2, dp), m, e, mu, d2, dp)
    return _piecewise((m, e, mu, p, d2, dp), [(bulk, KN.kr_sigma_bulk), (~bulk, KN.kr_sigma_outside)])


def sigma_mu(m, mu, p, delta2, delta_p):
    """``Sigma(m, mu)`` (energy maximised out), float64, broadcasting."""
    m, mu, p, d2, dp = _b(m, mu, p, delta2, delta_p)
    bulk = _mask(np.abs(mu) <= 2 * hessian_numpy.semicircle_scale(p, d2, dp), m, mu, d2, dp)
    return _piecewise((m, mu, p, d2, dp), [(bulk, KN.kr_sigma_mu_bulk), (~bulk, KN.kr_sigma_mu_outside)])


def sigma_max(m, p, delta2, delta_p):
    """``Sigma(m)``: ``Sigma(m, mu)`` maximised over ``mu`` (and the energy)."""
    m, p, d2, dp = _b(m, p, delta2, delta_p)
    c, h = KN.kr_center(m, p, d2, dp), KN.kr_halfwidth(p, d2, dp)
    right, left = _mask(c > h, m, d2, dp), _mask(c < -h, m, d2, dp)
    return _piecewise((m, p, d2, dp), [(right, KN.kr_sigma_max_right), (left, KN.kr_sigma_max_left),
                                       (~right & ~left, KN.kr_sigma_max_bulk)])


def sigma_energy_max(m, e, p, delta2, delta_p):
    """``Sigma(m, e)``: ``Sigma(m, e, mu)`` maximised over ``mu`` at fixed energy."""
    m, e, p, d2, dp = _b(m, e, p, delta2, delta_p)
    c, h = KN.kr_center_e(m, e, p, d2, dp), KN.kr_halfwidth_e(p, d2, dp)
    right, left = _mask(c > h, m, e, d2, dp), _mask(c < -h, m, e, d2, dp)
    return _piecewise((m, e, p, d2, dp), [(right, KN.kr_sigma_e_max_right), (left, KN.kr_sigma_e_max_left),
                                          (~right & ~left, KN.kr_sigma_e_max_bulk)])


def _min_branches(m, p, d2, dp):
    s = hessian_numpy.semicircle_scale(p, d2, dp)
    th = np.broadcast_to(hessian_numpy.theta(m, p, d2, dp), np.broadcast_shapes(np.shape(m), np.shape(d2), np.shape(dp)))
    right = _mask(KN.kr_center(m, p, d2, dp) > KN.kr_halfwidth(p, d2, dp), th)
    w = _piecewise((m, p, d2, dp), [(right, KN.kr_w_star), (~right, lambda *a: -np.inf)])
    free = right & (w > np.maximum(th, s))
    outlier = ~free & (th > s)
    edge = ~free & ~outlier
    return free, outlier, edge


def sigma_min(m, p, delta2, delta_p):
    """``Sigma_min(m)``: ``Sigma(m, mu)`` maximised over ``mu >= mu_min(m)`` (minima)."""
    m, p, d2, dp = _b(m, p, delta2, delta_p)
    free, outlier, edge = _min_branches(m, p, d2, dp)
    return _piecewise((m, p, d2, dp), [(free, KN.kr_sigma_max_right), (outlier, KN.kr_sigma_min_outlier),
                                       (edge, KN.kr_sigma_min_edge)])


def dsigma_min_dm(m, p, delta2, delta_p):
    """``d Sigma_min / dm`` (continuous: the branches meet with equal slopes)."""
    m, p, d2, dp = _b(m, p, delta2, delta_p)
    free, outlier, edge = _min_branches(m, p, d2, dp)
    return _piecewise((m, p, d2, dp), [(free, KN.kr_dsigma_max_right_dm), (outlier, KN.kr_dsigma_min_outlier_dm),
                                       (edge, KN.kr_dsigma_min_edge_dm)])


# --- mpmath: scalar branches -------------------------------------------------------------------

def sigma_mp(ctx, m, e, mu, p, d2, dp):
    bulk = abs(ctx.mpf(mu)) <= 2 * hessian_mpmath.semicircle_scale(ctx, p, d2, dp)
    return (KM.kr_sigma_bulk if bulk else KM.kr_sigma_outside)(ctx, m, e, mu, p, d2, dp)


def sigma_mu_mp(ctx, m, mu, p, d2, dp):
    bulk = abs(ctx.mpf(mu)) <= 2 * hessian_mpmath.semicircle_scale(ctx, p, d2, dp)
    return (KM.kr_sigma_mu_bulk if bulk else KM.kr_sigma_mu_outside)(ctx, m, mu, p, d2, dp)


def sigma_max_mp(ctx, m, p, d2, dp):
    c, h = KM.kr_center(ctx, m, p, d2, dp), KM.kr_halfwidth(ctx, p, d2, dp)
    k = KM.kr_sigma_max_right if c > h else KM.kr_sigma_max_left if c < -h else KM.kr_sigma_max_bulk
    return k(ctx, m, p, d2, dp)


def sigma_energy_max_mp(ctx, m, e, p, d2, dp):
    c, h = KM.kr_center_e(ctx, m, e, p, d2, dp), KM.kr_halfwidth_e(ctx, p, d2, dp)
    k = KM.kr_sigma_e_max_right if c > h else KM.kr_sigma_e_max_left if c < -h else KM.kr_sigma_e_max_bulk
    return k(ctx, m, e, p, d2, dp)


def _min_branch_mp(ctx, m, p, d2, dp) -> str:
    s = hessian_mpmath.semicircle_scale(ctx, p, d2, dp)
    th = hessian_mpmath.theta(ctx, m, p, d2, dp)
    if KM.kr_center(ctx, m, p, d2, dp) > KM.kr_halfwidth(ctx, p, d2, dp):
        if KM.kr_w_star(ctx, m, p, d2, dp) > max(th, s):
            return "free"
    return "outlier" if th > s else "edge"


def sigma_min_mp(ctx, m, p, d2, dp):
    k = {"free": KM.kr_sigma_max_right, "outlier": KM.kr_sigma_min_outlier, "edge": KM.kr_sigma_min_edge}
    return k[_min_branch_mp(ctx, m, p, d2, dp)](ctx, m, p, d2, dp)


def dsigma_min_dm_mp(ctx, m, p, d2, dp):
    k = {"free": KM.kr_dsigma_max_right_dm, "outlier": KM.kr_dsigma_min_outlier_dm,
         "edge": KM.kr_dsigma_min_edge_dm}
    return k[_min_branch_mp(ctx, m, p, d2, dp)](ctx, m, p, d2, dp)


# --- bracketed root finding in mpmath -----------------------------------------------------------

def bracketed_root(ctx, f, a, b, *, what: str, rel_tol=None, max_iter: int = 400):
    """A root of ``f`` in ``[a, b]`` (``f(a) f(b) <= 0``) by Anderson-Bjorck false position with
    bisection safeguards, to ``rel_tol`` (default ``4 * ctx.eps``) relative width.

    Returns ``(root, (lo, hi))``.  Raises ConvergenceError (naming ``what``, the bracket and the
    precision) without a sign change or within ``max_iter`` steps.
    """
    a, b = ctx.mpf(a), ctx.mpf(b)
    fa, fb = f(a), f(b)
    if fa == 0:
        return a, (a, a)
    if fb == 0:
        return b, (b, b)
    if (fa > 0) == (fb > 0):
        raise ConvergenceError(f"{what}: no sign change on the bracket [{ctx.nstr(a, 12)}, {ctx.nstr(b, 12)}] "
                               f"at dps={ctx.dps} (f = {ctx.nstr(fa, 5)}, {ctx.nstr(fb, 5)})")
    tol = rel_tol if rel_tol is not None else 4 * ctx.eps
    for it in range(max_iter):
        if abs(b - a) <= tol * max(abs(a), abs(b), ctx.mpf(1) * tol):
            break
        c = (a * fb - b * fa) / (fb - fa)
        if it % 4 == 3 or not (min(a, b) < c < max(a, b)):
            c = (a + b) / 2  # guaranteed progress
        fc = f(c)
        if fc == 0:
            return c, (c, c)
        if (fc > 0) == (fb > 0):
            # root between a and c: keep a, scale its value (Anderson-Bjorck)
            m = 1 - fc / fb
            fa = fa * (m if m > 0 else ctx.mpf(1) / 2)
        else:
            a, fa = b, fb
        b, fb = c, fc
    else:
        raise ConvergenceError(f"{what}: no convergence in {max_iter} steps on [{ctx.nstr(a, 12)}, "
                               f"{ctx.nstr(b, 12)}] at dps={ctx.dps}")
    lo, hi = min(a, b), max(a, b)
    return b, (lo, hi)


# --- the trivialization threshold ---------------------------------------------------------------

#: Sigma_min above this counts as a band of minima on the scan grid (isolated points touch 0
#: up to rounding, about 1e-14 here).
BAND_TOL = 1e-12
_N_DELTA2 = 56
_N_M = 801
#: Isolated points closer to m = 0 than this are not told apart from the double root at 0.
_NEAR_ZERO = 0.05


@dataclass(frozen=True)
class TrivializationScan:
    """Where the first band of spurious minima is born (float64 scan).

    Attributes
    ----------
    mechanism : str
        ``"tangency"``, ``"boundary"`` or ``"isolated"`` (see the module docstring).
    delta2_bracket : tuple of float
        Grid values of Delta2 around the birth (no band below, a band above).
    m_peak : float
        Overlap where Sigma_min peaks at the upper end of the bracket.
    value : float
        The threshold solved in float64.
    m_star : float
        Overlap of the birth at the threshold (maximiser, 0, or isolated overlap).
    """

    mechanism: str
    delta2_bracket: tuple
    m_peak: float
    value: float
    m_star: float


def _m_grid(overlaps: str) -> np.ndarray:
    if overlaps == "positive":
        return np.linspace(0.0, 1.0, _N_M)[:-1]
    return np.linspace(-1.0, 1.0, 2 * _N_M - 1)[1:-1]


def brentq(*args, **kwargs):
    """``scipy.optimize.brentq``, imported on first use (``import theory`` stays light)."""
    from scipy.optimize import brentq as _brentq

    return _brentq(*args, **kwargs)


def _isolated_root(p, d2, dp, near, lo, hi):
    """The root of the isolated-point condition closest to ``near`` within ``[lo, hi]``."""
    grid = np.linspace(lo, hi, 401)
    f = KN.kr_isolated_condition(grid, p, d2, dp)
    idx = np.nonzero(np.sign(f[:-1]) * np.sign(f[1:]) < 0)[0]
    if not idx.size:
        return None
    i = idx[np.argmin(np.abs(grid[idx] - near))]
    return brentq(lambda x: KN.kr_isolated_condition(x, p, d2, dp), grid[i], grid[i + 1], xtol=1e-15)


def _first_marginal_isolated(p, dp, d2s, ms):
    """First grid index where an isolated point (root of the isolated condition, away from 0)
    has its maximiser in the bulk (``d Sigma/d mu < 0`` at ``2 s``) and no BBP outlier (so
    that what grows out of it are minima); with the overlap of that point."""
    f = KN.kr_isolated_condition(ms[None, :], p, d2s[:, None], dp)
    change = np.sign(f[:, :-1]) * np.sign(f[:, 1:]) < 0
    for k in range(len(d2s)):
        idx = np.nonzero(change[k])[0]
        if not idx.size:
            continue
        f0, f1 = f[k, idx], f[k, idx + 1]
        r = ms[idx] - f0 * (ms[idx + 1] - ms[idx]) / (f1 - f0)
        r = r[r < -_NEAR_ZERO]
        if not r.size:
            continue
        slope = KN.kr_marginal_slope(r, p, d2s[k], dp)
        gap = hessian_numpy.theta(r, p, d2s[k], dp) - hessian_numpy.semicircle_scale(p, d2s[k], dp)
        born = (slope < 0) & (gap <= 0)
        if born.any():
            return k, float(r[np.argmax(born)])
    return None, None


def _local_max(p, d2, dp, lo, hi, n=161):
    """(max, argmax) of Sigma_min on ``[lo, hi]``: dense grid, then the bracketed zero of the slope."""
    grid = np.linspace(lo, hi, n)
    v = sigma_min(grid, p, d2, dp)
    i = int(np.argmax(v))
    if 0 < i < n - 1:
        g0 = dsigma_min_dm(grid[i - 1], p, d2, dp)
        g1 = dsigma_min_dm(grid[i + 1], p, d2, dp)
        if g0 > 0 > g1:
            x = brentq(lambda t: float(dsigma_min_dm(t, p, d2, dp)), grid[i - 1], grid[i + 1], xtol=1e-15)
            return float(sigma_min(x, p, d2, dp)), x
    return float(v[i]), float(grid[i])


def _mechanism_function(mech, p, dp, m_peak, overlaps):
    """The float function of Delta2 whose sign change is the threshold, and the birth overlap."""
    lo_m = 0.0 if overlaps == "positive" else -1.0 + 1e-9
    if mech == "boundary":
        return (lambda d2: float(sigma_min(0.0, p, d2, dp))), (lambda d2: 0.0)
    if mech == "isolated":
        side = (lo_m, -_NEAR_ZERO) if m_peak < 0 else (_NEAR_ZERO, 1 - 1e-9)

        def r_of(d2):
            r = _isolated_root(p, d2, dp, m_peak, *side)
            if r is None:
                raise ConvergenceError(f"trivialization at p={p}, Deltap={dp}: lost the isolated point near "
                                       f"m={m_peak:.4f} at Delta2={d2}")
            return r
        # Band when the maximiser of Sigma(r, mu) falls into the bulk: slope at 2s negative.
        return (lambda d2: -float(KN.kr_marginal_slope(r_of(d2), p, d2, dp))), r_of
    half = 0.06

    def window(d2):
        # keep clear of the isolated points, where Sigma_min touches 0 (and rounding decides its sign)
        lo, hi = max(lo_m, m_peak - half), min(1 - 1e-9, m_peak + half)
        grid = np.linspace(lo, hi, 241)
        f = KN.kr_isolated_condition(grid, p, d2, dp)
        for i in np.nonzero(np.sign(f[:-1]) * np.sign(f[1:]) < 0)[0]:
            r = 0.5 * (grid[i] + grid[i + 1])
            if abs(r) < 1e-3:
                continue
            if r < m_peak:
                lo = max(lo, r + 0.3 * (m_peak - r))
            else:
                hi = min(hi, r - 0.3 * (r - m_peak))
        return lo, hi

    def value(d2):
        return _local_max(p, d2, dp, *window(d2))[0]

    def where(d2):
        lo, hi = window(d2)
        v, x = _local_max(p, d2, dp, lo, hi)
        if not lo < x < hi:
            raise _OffCentre(f"trivialization at p={p}, Deltap={dp}: the maximum of Sigma_min near "
                             f"m={m_peak:.4f} is not an interior tangency at Delta2={d2} "
                             f"(bracket [{lo:.6g}, {hi:.6g}] in m), dps=None", x)
        return x
    return value, where


@lru_cache(maxsize=4096)
def scan_trivialization(p: int, delta_p: float, overlaps: str = "positive") -> TrivializationScan:
    """Scan, classify and solve in float64 (cached; see the module docstring)."""
    dp = float(delta_p)
    gf = float(thresholds_numpy.delta2_gf(p, dp))
    d2s = np.geomspace(gf / 50, 2 * gf, _N_DELTA2)
    ms = _m_grid(overlaps)
    vals = sigma_min(ms[None, :], p, d2s[:, None], dp)
    band = (vals > BAND_TOL).any(axis=1)
    if band[0] or not band.any():
        where = "already at" if band[0] else "nowhere up to"
        raise ConvergenceError(f"trivialization at p={p}, Deltap={dp}: bands of minima {where} Delta2="
                               f"{d2s[0] if band[0] else d2s[-1]:.6g}; bracket [{d2s[0]:.6g}, {d2s[-1]:.6g}], dps=None")
    j = int(np.argmax(band))
    row = vals[j]
    candidates = []
    m_peak = float(ms[int(np.argmax(row))])
    if overlaps == "positive" and np.argmax(row) == 0:
        candidates.append(("boundary", j, 0.0))
    else:
        r = _isolated_root(p, d2s[j], dp, m_peak, max(ms[0], m_peak - 0.1), min(ms[-1], m_peak + 0.1))
        near = r is not None and abs(r - m_peak) < 0.02 and r < -_NEAR_ZERO and p % 2 == 1
        candidates.append(("isolated", j, r) if near else ("tangency", j, m_peak))
    # A band born at an isolated point grows like (Delta2 - Delta2_T)**3 and may stay below
    # BAND_TOL for a grid step or more: look for the isolated points turning marginal directly.
    # Only the mirror point of odd p counts (for even p, -x* is as good as the signal).
    if overlaps == "all" and p % 2 == 1:
        k_iso, r_iso = _first_marginal_isolated(p, dp, d2s[: j + 1], ms)
        if k_iso is not None and candidates[0][0] != "isolated":
            candidates.append(("isolated", k_iso, r_iso))
    results, errors = [], []
    for mech, idx, m0 in candidates:
        try:
            results.append(_solve_mechanism(mech, p, dp, d2s, idx, m0, overlaps))
        except ConvergenceError as exc:
            errors.append(exc)
    if not results:
        raise errors[0]
    return min(results, key=lambda r: r.value)


def _solve_mechanism(mech, p, dp, d2s, j, m_peak, overlaps) -> TrivializationScan:
    if mech != "tangency":
        return _solve_once(mech, p, dp, d2s, j, m_peak, overlaps)
    # the peak seen on the grid may sit off the point where the band is born: follow the
    # maximum (re-centre the window on where it went) until it is an interior tangency
    for _ in range(6):
        try:
            return _solve_once(mech, p, dp, d2s, j, m_peak, overlaps)
        except _OffCentre as exc:
            m_peak = exc.x
    raise ConvergenceError(f"trivialization at p={p}, Deltap={dp}: no interior tangency found near m={m_peak:.4f} "
                           f"between Delta2={d2s[max(j - 1, 0)]:.6g} and {d2s[j]:.6g}, dps=None")


class _OffCentre(ConvergenceError):
    def __init__(self, message, x):
        super().__init__(message)
        self.x = x


def _solve_once(mech, p, dp, d2s, j, m_peak, overlaps) -> TrivializationScan:
    d_hi = d2s[j]
    fun, where = _mechanism_function(mech, p, dp, m_peak, overlaps)
    # bracket: walk down the grid until no band (the function is negative there)
    f_hi = fun(d_hi)
    lo_idx = j - 1
    while lo_idx >= 0 and fun(d2s[lo_idx]) > 0:
        lo_idx -= 1
    if lo_idx < 0 or f_hi <= 0:
        raise ConvergenceError(f"trivialization at p={p}, Deltap={dp}: no sign change of the {mech} condition on "
                               f"the bracket [{d2s[max(lo_idx, 0)]:.6g}, {d_hi:.6g}], dps=None")
    a, b = d2s[lo_idx], d2s[lo_idx + 1]
    value = brentq(fun, a, b, xtol=1e-16, rtol=1e-15, maxiter=200)
    return TrivializationScan(mech, (float(a), float(b)), float(m_peak), float(value), float(where(value)))


def trivialization_float(p: int, delta_p, overlaps: str = "positive") -> np.ndarray:
    """The threshold for every entry of ``delta_p`` (float64)."""
    dp = np.asarray(delta_p, dtype=np.float64)
    out = np.empty(dp.shape)
    for idx, x in np.ndenumerate(dp):
        out[idx] = scan_trivialization(p, float(x), overlaps).value
    return out[()] if out.shape == () else out


def trivialization_mp(ctx, p: int, delta_p, overlaps: str = "positive"):
    """The threshold in the context ``ctx``: ``(value, bracket)``, bracketed and solved in mpmath."""
    scan = scan_trivialization(p, float(delta_p), overlaps)
    dp = ctx.mpf(delta_p)
    pm = ctx.mpf(p)
    what = f"trivialization ({scan.mechanism}) at p={p}, Deltap={ctx.nstr(dp, 17)}"

    if scan.mechanism == "boundary":
        def fun(d2):
            return sigma_min_mp(ctx, 0, pm, d2, dp)
    elif scan.mechanism == "isolated":
        r0 = scan.m_star

        def fun(d2):
            cond = lambda x: KM.kr_isolated_condition(ctx, x, pm, d2, dp)  # noqa: E731
            r, _ = _grow_bracket(ctx, cond, r0, 1e-6, f"{what}: isolated overlap near m={r0:.6f} at Delta2={ctx.nstr(d2, 10)}",
                                 limit=0.1)
            return -KM.kr_marginal_slope(ctx, r, pm, d2, dp)
    else:
        m0 = scan.m_star

        def fun(d2):
            slope = lambda x: dsigma_min_dm_mp(ctx, x, pm, d2, dp)  # noqa: E731
            x, _ = _grow_bracket(ctx, slope, m0, 1e-6, f"{what}: maximiser near m={m0:.6f} at Delta2={ctx.nstr(d2, 10)}",
                                 limit=0.05)
            return sigma_min_mp(ctx, x, pm, d2, dp)

    value, bracket = _grow_bracket(ctx, fun, scan.value, 1e-9 * scan.value, what, limit=scan.delta2_bracket)
    return value, bracket


def _grow_bracket(ctx, f, center, half, what, *, limit):
    """Solve ``f = 0`` near ``center``: try ``[center - half, center + half]``, widening by 10x
    (up to ``limit``: a half-width, or an interval) until the signs differ."""
    center = ctx.mpf(center)
    half = ctx.mpf(half)
    if isinstance(limit, tuple):
        lo_lim, hi_lim = ctx.mpf(limit[0]), ctx.mpf(limit[1])
    else:
        lo_lim, hi_lim = center - limit, center + limit
    while True:
        a, b = max(center - half, lo_lim), min(center + half, hi_lim)
        fa, fb = f(a), f(b)
        if (fa > 0) != (fb > 0) or fa == 0 or fb == 0:
            return bracketed_root(ctx, f, a, b, what=what)
        if a <= lo_lim and b >= hi_lim:
            raise ConvergenceError(f"{what}: no sign change on the bracket [{ctx.nstr(a, 12)}, {ctx.nstr(b, 12)}] "
                                   f"at dps={ctx.dps}")
        half *= 10
