"""Numerics of message passing and of the replica-symmetric free entropy.

Everything here calls the kernels generated from :mod:`derivations.message_passing`:

- :func:`iterate` / :func:`fixed_points`: state evolution of ML-AMP and Bayes-optimal AMP;
- :func:`equal_height`: the system ``phi(m) = 0 = phi'(m)`` for ``m`` and one parameter
  (``Delta2`` or ``Deltap``), by Newton's method with the generated exact Jacobian,
  safeguarded by bisection on the reduced function (the system with that parameter
  eliminated), whose sign change is the bracket; never a secant;
- :func:`information_theoretic_mp` / :func:`information_theoretic_float`: the
  information-theoretic threshold; :func:`onset_mp`, :func:`tensor_only_mp`: the ``Deltap``
  where it becomes first order and the ``Deltap`` below which it is infinite.

References
----------
arXiv:1902.00139, section 3; arXiv:1812.09066, section II.
"""

from __future__ import annotations

from functools import lru_cache

import mpmath
import numpy as np

from numerics._generated import message_passing_mpmath as KM
from numerics._generated import message_passing_numpy as KN
from numerics.solvers import ConvergenceError, Root

__all__ = [
    "equal_height", "fixed_points", "information_theoretic_float", "information_theoretic_mp",
    "iterate", "m_grid", "onset_mp", "tensor_only_mp",
]

#: Below this overlap the reduced functions are evaluated in mpmath, not float64: they are
#: ``O(m**3)`` while float64 rounding leaves an absolute error ``~1e-16 m``.
FLOAT_GRID_FROM = 1e-3


@lru_cache(maxsize=64)
def _context(dps: int):
    """A private mpmath context at ``dps`` digits (never mutated; mpmath.mp is never touched)."""
    ctx = mpmath.MPContext()
    ctx.dps = dps
    return ctx


def m_grid(m_min: float = 1e-9, m_max_gap: float = 1e-12) -> np.ndarray:
    """Overlaps in ``[m_min, 1 - m_max_gap]``: geometric at both ends, uniform in between."""
    decades_low = max(1, int(round(-np.log10(m_min))) - 2)
    decades_high = max(1, int(round(-np.log10(m_max_gap))) - 2)
    parts = [
        np.geomspace(m_min, 1e-2, 8 * decades_low, endpoint=False),
        np.linspace(1e-2, 0.99, 240, endpoint=False),
        1 - np.geomspace(1e-2, m_max_gap, 8 * decades_high),
    ]
    return np.concatenate(parts)


# --- state evolution --------------------------------------------------------------------------

_MAPS = {"ml_amp": ("ml_amp_map", "ml_amp_slope_at_zero"), "amp": ("amp_map", "amp_slope_at_zero")}


def _map(kind: str, ctx=None):
    name = _MAPS[kind][0]
    if ctx is None:
        return getattr(KN, name)
    fn = getattr(KM, name)
    return lambda m, p, d2, dp: fn(ctx, m, p, d2, dp)


def iterate(kind: str, m0, p: int, delta2, delta_p, *, iterations: int, tol, ctx=None):
    """Iterate the state evolution ``m <- F(m)`` from ``m0``.

    Stops when ``|m_{t+1} - m_t| <= tol`` (converged) or after ``iterations`` steps.

    Returns
    -------
    (list, bool)
        The iterates ``[m0, m1, ...]`` (floats, or mpf in ``ctx``) and whether it converged.
    """
    step = _map(kind, ctx)
    m = m0
    out = [m]
    for _ in range(iterations):
        new = step(m, p, delta2, delta_p)
        if ctx is None:
            new = float(new)
        out.append(new)
        if abs(new - m) <= tol:
            return out, True
        m = new
    return out, False


def fixed_points(kind: str, p: int, delta2, delta_p, ctx=None):
    """All fixed points of the state evolution in ``[0, 1)``, with their stability.

    ``m = 0`` is always one (stable iff the slope there is below 1).  The others are the sign
    changes of ``F(m) - m`` on :func:`m_grid`, refined by bisection to the working precision;
    since ``F`` increases, a fixed point is stable iff ``F(m) - m`` changes sign from + to -.

    Returns
    -------
    list of (m, stable)
    """
    slope_name = _MAPS[kind][1]
    if ctx is None:
        slope = getattr(KN, slope_name)(*((delta2,) if kind == "amp" else (delta2, delta_p)))
        out = [(0.0, bool(slope < 1))]
        grid = m_grid()
        g = _map(kind)(grid, p, delta2, delta_p) - grid
        for i in np.nonzero(np.sign(g[:-1]) * np.sign(g[1:]) < 0)[0]:
            a, b, ga = grid[i], grid[i + 1], g[i]
            for _ in range(200):
                mid = 0.5 * (a + b)
                if not a < mid < b:
                    break
                gm = float(_map(kind)(mid, p, delta2, delta_p)) - mid
                if (gm > 0) == (ga > 0):
                    a, ga = mid, gm
                else:
                    b = mid
            out.append((0.5 * (a + b), bool(g[i] > 0)))
        return out
    slope = getattr(KM, slope_name)(ctx, *((delta2,) if kind == "amp" else (delta2, delta_p)))
    out = [(ctx.zero, bool(slope < 1))]
    step = _map(kind, ctx)
    grid = m_grid(m_min=float(ctx.mpf(10) ** (-(ctx.dps // 2 + 2))))
    values = [step(ctx.mpf(x), p, delta2, delta_p) - x for x in grid]
    for i in range(len(grid) - 1):
        if values[i] * values[i + 1] < 0:
            a, b, ga = ctx.mpf(grid[i]), ctx.mpf(grid[i + 1]), values[i]
            for _ in range(ctx.prec + 10):  # bisection to the working precision
                mid = (a + b) / 2
                if not a < mid < b:
                    break
                gm = step(mid, p, delta2, delta_p) - mid
                if (gm > 0) == (ga > 0):
                    a, ga = mid, gm
                else:
                    b = mid
            out.append(((a + b) / 2, bool(values[i] > 0)))
    return out


# --- equal-height systems ---------------------------------------------------------------------

def _system(ctx, p, unknown, fixed):
    """Residual and Jacobian of ``(phi, phi')`` in ``(m, y)``; ``y`` is ``Delta2`` or ``Deltap``."""
    if unknown == "Delta2":
        def F(m, y):
            return (KM.free_entropy(ctx, m, p, y, fixed), KM.free_entropy_dm(ctx, m, p, y, fixed))

        def J(m, y):
            return ((KM.free_entropy_dm(ctx, m, p, y, fixed), KM.free_entropy_ddelta2(ctx, m, y)),
                    (KM.free_entropy_dm2(ctx, m, p, y, fixed), KM.free_entropy_dm_ddelta2(ctx, m, y)))
    else:
        def F(m, y):
            return (KM.free_entropy(ctx, m, p, fixed, y), KM.free_entropy_dm(ctx, m, p, fixed, y))

        def J(m, y):
            return ((KM.free_entropy_dm(ctx, m, p, fixed, y), KM.free_entropy_ddelta_p(ctx, m, p, y)),
                    (KM.free_entropy_dm2(ctx, m, p, fixed, y), KM.free_entropy_dm_ddelta_p(ctx, m, p, y)))
    return F, J


def equal_height(ctx, p: int, *, unknown: str, fixed, reduced, recover, bracket, what: str,
                 max_steps: int = 400) -> tuple:
    """Solve ``phi(m) = 0``, ``phi'(m) = 0`` for ``(m, y)``, ``y`` = ``unknown``.

    Newton steps use the generated exact Jacobian; a step leaving the current bracket in
    ``m`` is replaced by a bisection step of ``reduced(m)`` (the system with ``y`` eliminated
    through ``y = recover(m)``), whose sign change on ``bracket`` is required.  After
    convergence the sign change of ``reduced`` is confirmed on a bracket of relative width
    about ``10**(5 - dps)`` around the root.

    Returns
    -------
    (m, Root)
        The overlap and ``Root(y, (y_low, y_high))``.

    Raises
    ------
    ConvergenceError
        No sign change on ``bracket``, no convergence in ``max_steps``, or no sign change
        around the converged point; the message names ``what``, the bracket and dps.
    """
    a, b = (ctx.mpf(x) for x in bracket)
    ha, hb = reduced(a), reduced(b)
    where = f"{what}, m-bracket ({ctx.nstr(a, 8)}, {ctx.nstr(b, 8)}), dps={ctx.dps}"
    if not ha * hb < 0:
        raise ConvergenceError(f"no sign change of the equal-height condition: {where}")
    F, J = _system(ctx, p, unknown, fixed)
    m = (a + b) / 2
    y = recover(m)
    # Newton converges quadratically: once a relative step is below 2**(-3 prec/4) the next
    # one is at the rounding level, so one more step is taken and the loop ends.  Where the
    # system is badly scaled (tiny m, near the tricritical point) the steps stall at a noise
    # floor above that: the loop also ends when a step below 2**(-prec/2) fails to halve the
    # previous one (the working precision is twice the digits asked for, see _work).
    tol, floor = ctx.mpf(2) ** (-(3 * ctx.prec) // 4), ctx.mpf(2) ** (-ctx.prec // 2)
    polish, previous = False, None
    for _ in range(max_steps):
        h = reduced(m)
        if h == 0:
            break
        if (h > 0) == (ha > 0):
            a, ha = m, h
        else:
            b = m
        if b - a <= 4 * ctx.eps * abs(m):  # the bracket itself is at the rounding level
            break
        (f0, f1), ((j00, j01), (j10, j11)) = F(m, y), J(m, y)
        det = j00 * j11 - j01 * j10
        newton = det != 0 and ctx.isfinite(det)
        if newton:
            m_new = m - (j11 * f0 - j01 * f1) / det
            y_new = y - (j00 * f1 - j10 * f0) / det
            # Keep the step only inside the bracket and near the reduced curve y = recover(m);
            # far from the root (e.g. near a fold, where det is small) y can run away.
            newton = a < m_new < b and ctx.isfinite(y_new) and abs(y_new - recover(m_new)) <= abs(y_new) / 8
        if not newton and polish:  # converged; the last Newton step was at the rounding level
            break
        if not newton:  # bisection step on the reduced function
            m_new = (a + b) / 2
            y_new = recover(m_new)
            previous = None
        step = max(abs(m_new - m) / abs(m_new), abs(y_new - y) / abs(y_new))
        stalled = newton and previous is not None and step <= floor and step >= previous / 2
        m, y = m_new, y_new
        if polish or stalled:
            break
        polish = newton and step <= tol
        previous = step if newton else None
    else:
        raise ConvergenceError(f"equal-height system did not converge in {max_steps} steps: {where}")
    # Certificate: a sign change of the reduced function around the solution.
    lo_end, hi_end = (ctx.mpf(x) for x in bracket)
    for digits in range(ctx.dps - 5, 2, -3):
        delta = abs(m) * ctx.mpf(10) ** (-digits)
        lo, hi = max(m - delta, lo_end), min(m + delta, hi_end)
        if reduced(lo) * reduced(hi) < 0:
            ends = sorted((recover(lo), recover(hi)))
            return m, Root(y, (min(ends[0], y), max(ends[1], y)))
    raise ConvergenceError(f"no sign change of the equal-height condition around m = {ctx.nstr(m, 10)}: {where}")


def _sign_change_brackets(ctx, h_float, h_mp, m_min: float) -> list:
    """Brackets of the sign changes of a reduced function of ``m`` on :func:`m_grid`.

    Float64 above :data:`FLOAT_GRID_FROM`, mpmath below (where float64 cannot resolve the
    sign); the sign at each end of a bracket is confirmed in mpmath before it is used.
    """
    grid = m_grid(m_min=min(m_min, FLOAT_GRID_FROM / 10))
    small = grid < FLOAT_GRID_FROM
    signs = np.empty(grid.size)
    signs[~small] = np.sign(h_float(grid[~small]))
    signs[small] = [ctx.sign(h_mp(ctx.mpf(x))) for x in grid[small]]
    out = []
    for i in np.nonzero(signs[:-1] * signs[1:] < 0)[0]:
        a, b = ctx.mpf(grid[i]), ctx.mpf(grid[i + 1])
        if ctx.sign(h_mp(a)) * ctx.sign(h_mp(b)) < 0:
            out.append((a, b))
    return out


def _m_min(ctx) -> float:
    # Roots below this change the threshold by less than the working precision (for p = 3
    # near the tricritical point Delta2_IT - 1 ~ m**2/2; for p >= 4 the roots that matter
    # sit at finite m).
    return float(ctx.mpf(10) ** (-(ctx.dps // 2 + 2)))


def _work(ctx):
    """The context the equal-height systems are solved in: ``2 dps + 5`` digits.

    The reduced functions and ``phi`` are ``O(m**3)`` near ``m = 0`` but made of ``O(m)``
    terms: at ``m ~ 10**(-dps/2)`` (where the p = 3 roots near the tricritical point still
    matter) half the digits cancel.  Results are rounded back into ``ctx``.
    """
    return _context(2 * ctx.dps + 5)


def _back(ctx, root: Root) -> Root:
    bracket = None if root.bracket is None else tuple(ctx.mpf(x) for x in root.bracket)
    return Root(ctx.mpf(root.value), bracket)


@lru_cache(maxsize=256)
def tensor_only_mp(ctx, p: int) -> Root:
    """The ``Deltap`` below which the tensor alone allows recovery (``Delta2_IT`` is infinite).

    Equal height ``phi(m) = phi(0)`` with ``phi'(m) = 0`` at ``1/Delta2 = 0``.
    """
    return _unique_equal_height(
        ctx, p, fixed=ctx.inf, reduced_np=KN.tensor_only_reduced, reduced_mp=KM.tensor_only_reduced,
        recover=KM.delta_p_stationary_tensor_only, what=f"tensor-only recovery at p={p}")


@lru_cache(maxsize=256)
def onset_mp(ctx, p: int) -> Root:
    """The ``Deltap`` below which the information-theoretic transition is first order.

    For p = 3 the closed form of the tricritical point (bracket None).  For p >= 4 the
    first-order line meets ``Delta2 = 1`` at finite ``m``: the system ``phi = 0 = phi'`` at
    ``Delta2 = 1`` for ``(m, Deltap)``.
    """
    if p == 3:
        return Root(ctx.mpf(KM.delta_p_tricritical_p3(ctx)), None)
    return _unique_equal_height(
        ctx, p, fixed=ctx.one, reduced_np=KN.onset_reduced, reduced_mp=KM.onset_reduced,
        recover=KM.delta_p_stationary_unit_delta2, what=f"first-order onset at p={p}, Delta2=1")


def _unique_equal_height(ctx, p, *, fixed, reduced_np, reduced_mp, recover, what) -> Root:
    """Solve ``phi = 0 = phi'`` for ``(m, Deltap)`` at ``1/Delta2 = 1/fixed``, requiring exactly
    one sign change of the reduced function on the grid of ``m``."""
    outer, m_min, ctx = ctx, _m_min(ctx), _work(ctx)
    brackets = _sign_change_brackets(
        ctx, lambda x: reduced_np(x, p), lambda x: reduced_mp(ctx, x, p), m_min)
    if len(brackets) != 1:
        raise ConvergenceError(f"{what}: {len(brackets)} sign changes (expected 1) at dps={ctx.dps}")
    _, root = equal_height(ctx, p, unknown="Deltap", fixed=ctx.mpf(fixed),
                           reduced=lambda x: reduced_mp(ctx, x, p),
                           recover=lambda x: recover(ctx, x, p), bracket=brackets[0], what=what)
    return _back(outer, root)


def information_theoretic_mp(ctx, p: int, delta_p) -> Root:
    """The information-theoretic threshold ``Delta2_IT`` in the context ``ctx``.

    ``phi`` increases with ``1/Delta2`` at every ``m > 0``, so the largest ``Delta2`` with a
    positive-overlap global maximiser is ``1/u*`` with ``u* = min(1, u(m_r))`` over the
    equal-height points ``m_r`` (``u = 1/Delta2``): 1 where no equal-height point lies below
    ``u = 1`` (continuous transition, the AMP threshold), infinite for ``Deltap`` at or below
    :func:`tensor_only_mp`.
    """
    if ctx.mpf(delta_p) <= tensor_only_mp(ctx, p).value:
        return Root(ctx.inf, None)
    outer, m_min, ctx = ctx, _m_min(ctx), _work(ctx)
    delta_p = ctx.mpf(delta_p)
    brackets = _sign_change_brackets(
        ctx, lambda x: KN.it_reduced(x, p, float(delta_p)), lambda x: KM.it_reduced(ctx, x, p, delta_p),
        m_min)
    best = Root(ctx.one, None)
    for bracket in brackets:
        ends = [KM.inverse_delta2_stationary(ctx, x, p, delta_p) for x in bracket]
        if min(ends) > ctx.mpf("1.01"):
            continue  # an equal-height point with Delta2 < 1 cannot be the threshold (u* = min(1, ...))
        m, root = equal_height(
            ctx, p, unknown="Delta2", fixed=delta_p,
            reduced=lambda x: KM.it_reduced(ctx, x, p, delta_p),
            recover=lambda x: 1 / KM.inverse_delta2_stationary(ctx, x, p, delta_p),
            bracket=bracket, what=f"information-theoretic threshold at p={p}, Deltap={ctx.nstr(delta_p, 17)}")
        if not root.value > 0:
            raise ConvergenceError(f"equal-height point with Delta2 = {ctx.nstr(root.value, 8)} <= 0 above the "
                                   f"tensor-only threshold at p={p}, Deltap={ctx.nstr(delta_p, 17)}, dps={ctx.dps}")
        if root.value > best.value:
            best = root
    return _back(outer, best)


@lru_cache(maxsize=256)
def _tensor_only_float(p: int) -> float:
    return float(tensor_only_mp(_context(25), p).value)


def information_theoretic_float(p: int, delta_p) -> np.ndarray:
    """:func:`information_theoretic_mp` in float64, vectorised over ``delta_p``.

    The sign changes of the reduced function on :func:`m_grid` are refined by a vectorised
    bisection to float64 resolution (a simple root in ``m``), then ``Delta2 = 1/u(m)``;
    the few points whose deciding root lies at ``m < 0.01`` are redone in mpmath.  Works in
    blocks of 1024 values (memory stays below ~4 MB per block).
    """
    dp = np.asarray(delta_p, dtype=np.float64)
    flat = dp.reshape(-1)
    out = np.empty(flat.shape)
    for start in range(0, flat.size, 1024):
        out[start:start + 1024] = _information_theoretic_block(p, flat[start:start + 1024])
    return out.reshape(dp.shape)


def _information_theoretic_block(p: int, flat: np.ndarray) -> np.ndarray:
    u_star = np.ones(flat.shape)
    grid = m_grid(m_min=1e-8)
    h = KN.it_reduced(grid[None, :], p, flat[:, None])
    rows, cols = np.nonzero(np.sign(h[:, :-1]) * np.sign(h[:, 1:]) < 0)
    a, b, ha = grid[cols], grid[cols + 1], h[rows, cols]
    dpr = flat[rows]
    for _ in range(60):
        mid = 0.5 * (a + b)
        hm = KN.it_reduced(mid, p, dpr)
        left = np.sign(hm) == np.sign(ha)
        a, ha, b = np.where(left, mid, a), np.where(left, hm, ha), np.where(left, b, mid)
    m = 0.5 * (a + b)
    u = KN.inverse_delta2_stationary(m, p, dpr)
    np.minimum.at(u_star, rows, u)
    # Roots at small m (p = 3 near its tricritical point) are ill-conditioned in float64
    # (the reduced function is O(m**3) made of O(m) terms): redo those rows in mpmath.
    redo = np.unique(rows[(m < FLOAT_GRID_FROM * 10) & (u < 1) & (u == u_star[rows])])
    for i in redo:
        value = information_theoretic_mp(_context(20), p, _context(20).mpf(float(flat[i]))).value
        u_star[i] = 1 / float(value)
    below = flat <= _tensor_only_float(p)
    u_star = np.where(below, 1.0, u_star)
    safe = np.where(u_star > 0, u_star, 1.0)
    return np.where(below | (u_star <= 0), np.inf, 1.0 / safe)
