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

import numpy as np

from numerics._generated import message_passing_mpmath as KM
from numerics._generated import message_passing_numpy as KN
from numerics.backend import context
from numerics.solvers import (ConvergenceError, Root, bisect, bisect_many, newton_bracketed, sign_change_brackets,
                              tangency, walk)

__all__ = [
    "MAX_SCAN_DPS", "SE_KINDS", "amp_float", "amp_mp", "critical_mp", "equal_height", "fixed_points",
    "information_theoretic_float", "information_theoretic_mp", "iterate", "m_grid", "mmse_jump_float",
    "mmse_jump_mp", "onset_mp", "se_map", "se_slope_at_zero", "spinodals_mp", "tensor_only_mp",
]

#: Below this overlap the reduced functions are evaluated in mpmath, not float64: they are
#: ``O(m**3)`` while float64 rounding leaves an absolute error ``~1e-16 m``.
FLOAT_GRID_FROM = 1e-3

#: The largest requested precision (``dps=`` of :func:`theory.threshold`) of the kinds that scan
#: small overlaps in mpmath (the information-theoretic threshold and the MMSE jump).  The scan
#: runs from ``m = 10**-(dps/2 + 2)`` on ``4 dps`` geometric points, each at ``2 dps + 5`` digits,
#: so its cost grows as ``dps**2.6``: measured at p = 3, Deltap = 0.5 on one core, the
#: information-theoretic threshold takes 0.8 s at dps = 400, 4.8 s at 800, 10.4 s at 1000 (the
#: MMSE jump 17.8 s there), and would take about an hour at 10,000.
MAX_SCAN_DPS = 1000




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

SE_KINDS = ("ml_amp", "amp")


def se_map(kind: str, field, ctx=None):
    """The state-evolution map ``m -> F(m)`` of a Bayes-optimal field, from the jets kernels.

    ``"amp"``: ``xi'(m)/(1 + xi'(m))``; ``"ml_amp"``: ``xi'(m)/sqrt(xi'(m)**2 + xi'(1))``.
    float64 (broadcasting) when ``ctx`` is None, else in ``ctx``.
    """
    xi = field.xi
    if kind == "amp":
        if ctx is None:
            return lambda m: KN.amp_map_jets(xi(m, 1))
        return lambda m: KM.amp_map_jets(ctx, xi(m, 1, ctx))
    one = xi(1, 1, ctx)
    if ctx is None:
        return lambda m: KN.ml_amp_map_jets(xi(m, 1), one)
    return lambda m: KM.ml_amp_map_jets(ctx, xi(m, 1, ctx), one)


def se_slope_at_zero(kind: str, field, ctx=None):
    """The slope of :func:`se_map` at ``m = 0``: ``xi''(0)`` (AMP), ``xi''(0)/sqrt(xi'(1))`` (ML-AMP)."""
    xi = field.xi
    if kind == "amp":
        return xi(0, 2, ctx)
    if ctx is None:
        return KN.ml_amp_slope_at_zero_jets(xi(0, 2), xi(1, 1))
    return KM.ml_amp_slope_at_zero_jets(ctx, xi(0, 2, ctx), xi(1, 1, ctx))


def iterate(kind: str, m0, field, *, iterations: int, tol, ctx=None):
    """Iterate the state evolution ``m <- F(m)`` from ``m0``.

    Stops when ``|m_{t+1} - m_t| <= tol`` (converged) or after ``iterations`` steps.

    Returns
    -------
    (list, bool)
        The iterates ``[m0, m1, ...]`` (floats, or mpf in ``ctx``) and whether it converged.
    """
    step = se_map(kind, field, ctx)
    m = m0
    out = [m]
    for _ in range(iterations):
        new = step(m)
        if ctx is None:
            new = float(new)
        out.append(new)
        if abs(new - m) <= tol:
            return out, True
        m = new
    return out, False


def _mp_grid(ctx, m_min) -> list:
    """:func:`m_grid` in ``ctx``: geometric from ``m_min`` (an mpf, possibly far below the float64
    range) to :data:`FLOAT_GRID_FROM` in mpmath, then the float64 grid from there."""
    small = []
    x, ratio = ctx.mpf(m_min), ctx.mpf(10) ** (ctx.mpf(1) / 8)
    while x < FLOAT_GRID_FROM:
        small.append(x)
        x *= ratio
    return small + [ctx.mpf(v) for v in m_grid(m_min=FLOAT_GRID_FROM)]


def fixed_points(kind: str, field, ctx=None):
    """All fixed points of the state evolution in ``[0, 1)``, with their stability.

    ``m = 0`` is always one (stable iff the slope there is below 1).  The others are the sign
    changes of ``F(m) - m`` on :func:`m_grid`, refined by bisection to the working precision,
    and the grid points where it vanishes exactly; since ``F`` increases, a fixed point is
    stable iff ``F(m) - m`` goes from + to - across it.

    Returns
    -------
    list of (m, stable)
    """
    step = se_map(kind, field, ctx)
    zero = 0.0 if ctx is None else ctx.zero
    out = [(zero, bool(se_slope_at_zero(kind, field, ctx) < 1))]
    if ctx is None:
        grid = m_grid()
        g = step(grid) - grid
        gap = lambda x: float(step(x)) - x  # noqa: E731
    else:
        grid = _mp_grid(ctx, ctx.mpf(10) ** (-(ctx.dps // 2 + 2)))
        g = [step(x) - x for x in grid]
        gap = lambda x: step(x) - x  # noqa: E731
    signs = [1 if v > 0 else (-1 if v < 0 else 0) for v in g]
    what = f"fixed point of the state evolution ({kind})"
    for i in range(len(grid) - 1):
        if signs[i] * signs[i + 1] < 0:
            m = bisect(ctx, gap, grid[i], grid[i + 1], fa=g[i], fb=g[i + 1], what=what).value
            out.append((m, signs[i] > 0))
        elif signs[i + 1] == 0 and i + 2 < len(grid):  # a fixed point exactly on the grid
            before, after = signs[i], signs[i + 2]
            if before * after < 0:
                out.append((grid[i + 1] if ctx is not None else float(grid[i + 1]), before > 0))
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


def equal_height(ctx, p: int, *, unknown: str, fixed, reduced, recover, bracket, what: str) -> Root:
    """Solve ``phi(m) = 0``, ``phi'(m) = 0`` for ``(m, y)``, ``y`` = ``unknown``.

    Newton's method with the generated exact Jacobian, safeguarded by bisection of
    ``reduced(m)`` (the system with ``y = recover(m)`` eliminated) on ``bracket``: see
    :func:`numerics.solvers.tangency`.

    Returns
    -------
    Root
        ``y`` with its bracket ``(y_low, y_high)``; the overlap ``m`` is its ``at``.

    Raises
    ------
    ConvergenceError
        No sign change on ``bracket``, no convergence, or no sign change around the converged
        point; the message names ``what``, the bracket and dps.
    """
    F, J = _system(ctx, p, unknown, fixed)
    return tangency(ctx, F, J, reduced=reduced, recover=recover, bracket=bracket, what=what)


def _sign_change_brackets(ctx, h_float, h_mp, m_min) -> list:
    """Brackets of the sign changes of a reduced function of ``m`` on :func:`m_grid`.

    Float64 above :data:`FLOAT_GRID_FROM`; mpmath below, on a geometric grid from ``m_min`` (an
    mpf: it may lie far below the float64 range, e.g. ``10**-500`` at dps = 1000), where float64
    cannot resolve the sign.  A grid point where the function vanishes is bracketed by its
    neighbours.  The sign at each end of a bracket is confirmed in mpmath before it is used.
    """
    grid = _mp_grid(ctx, m_min)
    large = m_grid(m_min=FLOAT_GRID_FROM)
    small = len(grid) - len(large)
    signs = [int(ctx.sign(h_mp(v))) for v in grid[:small]] + [int(v) for v in np.sign(h_float(large))]
    return [(a, b) for a, b in sign_change_brackets(grid, signs) if ctx.sign(h_mp(a)) * ctx.sign(h_mp(b)) < 0]


def _m_min(ctx):
    # Roots below this change the threshold by less than the working precision (for p = 3
    # near the tricritical point Delta2_IT - 1 ~ m**2/2; for p >= 4 the roots that matter
    # sit at finite m).  An mpf: at dps >= ~620 it is below the float64 range.
    return ctx.mpf(10) ** (-(ctx.dps // 2 + 2))


def _work(ctx):
    """The context the equal-height systems are solved in: ``2 dps + 5`` digits.

    The reduced functions and ``phi`` are ``O(m**3)`` near ``m = 0`` but made of ``O(m)``
    terms: at ``m ~ 10**(-dps/2)`` (where the p = 3 roots near the tricritical point still
    matter) half the digits cancel.  Results are rounded back into ``ctx``.
    """
    return context(2 * ctx.dps + 5)


def _back(ctx, root: Root) -> Root:
    bracket = None if root.bracket is None else tuple(ctx.mpf(x) for x in root.bracket)
    return Root(ctx.mpf(root.value), bracket, root.steps, root.backend)


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
    root = equal_height(ctx, p, unknown="Deltap", fixed=ctx.mpf(fixed),
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
        root = equal_height(
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
    return float(tensor_only_mp(context(25), p).value)


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
    dpr = flat[rows]
    m = bisect_many(lambda x: KN.it_reduced(x, p, dpr), grid[cols], grid[cols + 1], h[rows, cols])
    u = KN.inverse_delta2_stationary(m, p, dpr)
    np.minimum.at(u_star, rows, u)
    # Roots at small m (p = 3 near its tricritical point) are ill-conditioned in float64
    # (the reduced function is O(m**3) made of O(m) terms): redo those rows in mpmath.
    redo = np.unique(rows[(m < FLOAT_GRID_FROM * 10) & (u < 1) & (u == u_star[rows])])
    for i in redo:
        value = information_theoretic_mp(context(20), p, context(20).mpf(float(flat[i]))).value
        u_star[i] = 1 / float(value)
    below = flat <= _tensor_only_float(p)
    u_star = np.where(below, 1.0, u_star)
    safe = np.where(u_star > 0, u_star, 1.0)
    return np.where(below | (u_star <= 0), np.inf, 1.0 / safe)


# --- the hard phase: AMP spinodal, MMSE jump, critical point ----------------------------------
#
# For one tensor channel of order p the Bayes fixed points m > 0 lie on 1/Delta2 = U(m) =
# 1/(1 - m) - xi_T'(m)/m.  U(0) = 1; for p >= 4 below the critical Deltap, U rises to a local
# maximum at m1 (the spinodal where the low branch is born), falls to a local minimum at m2,
# then rises to infinity; m1 < m_c < m2 with m_c the overlap of the critical point.  The
# kernels take the jets of the tensor channels' covariance xi_T (``tensors.xi``).

def _order(tensors) -> int:
    if len(tensors.orders) != 1:
        raise ValueError(f"the hard phase is implemented for one tensor channel; got orders {tensors.orders}")
    return tensors.orders[0]


def _jets(tensors, ctx, x, *ks):
    return tuple(tensors.xi(x, k, ctx) for k in ks)


def _fixed_point_system(ctx, tensors):
    """``(2 phi', d/dm 2 phi')`` in ``(m, Delta2)`` and its generated Jacobian."""
    def F(x, d2):
        t1, t2 = _jets(tensors, ctx, x, 1, 2)
        return KM.bayes_fixed_point(ctx, x, d2, t1), KM.bayes_fixed_point_dm(ctx, x, d2, t2)

    def J(x, d2):
        (t2, t3) = _jets(tensors, ctx, x, 2, 3)
        return ((KM.bayes_fixed_point_dm(ctx, x, d2, t2), KM.bayes_fixed_point_ddelta2(ctx, x, d2)),
                (KM.bayes_fixed_point_dm2(ctx, x, t3), KM.bayes_fixed_point_dm_ddelta2(ctx, d2)))
    return F, J


def _u(ctx, tensors, x):
    """``U(m)``, the ``1/Delta2`` at which ``m > 0`` is a Bayes fixed point."""
    (t1,) = _jets(tensors, ctx, x, 1)
    return KM.inverse_delta2_fixed_point(ctx, x, t1)


def _reduced(ctx, tensors, x):
    """``-m**2 U'(m)``: negative where the branch of fixed points is stable."""
    t1, t2 = _jets(tensors, ctx, x, 1, 2)
    return KM.amp_spinodal_reduced(ctx, x, t1, t2)


def spinodals_mp(ctx, tensors, *, high: bool = True):
    """The spinodals ``(m1, Root(Delta2_1), m2, u2)`` of the Bayes state evolution, or None.

    None for p = 3 and for ``Deltap`` at or above the critical one (``U`` increases: one stable
    branch).  ``m1`` and ``Delta2_1 = 1/U(m1)`` solve the tangency system ``phi'(m) = 0 =
    phi''(m)`` (a double root of the fixed-point map) by Newton's method with the generated
    Jacobian, safeguarded on the bracket ``(a, m_c)`` of the reduced function; ``m2`` is the
    other root of the reduced function, on ``(m_c, b)``, and ``u2 = U(m2)`` (both None unless
    ``high``: near ``m = 1`` they need the digits ``1 - m2 ~ sqrt(Deltap)`` asks for).
    """
    p = _order(tensors)
    if p == 3:
        return None
    delta_p = tensors.value(p, ctx)
    if delta_p >= KM.critical_delta_p(ctx, p) * (1 - 8 * ctx.eps):
        return None
    m_c = ctx.mpf(KM.critical_m(ctx, p))
    reduced = lambda x: _reduced(ctx, tensors, x)  # noqa: E731
    if not reduced(m_c) > 0:
        return None
    what = f"spinodal of the Bayes state evolution at p={p}, Deltap={ctx.nstr(delta_p, 17)}"
    # U increases near 0 and near 1: find where
    a = walk(m_c / 2, lambda x: x / 4, lambda x: reduced(x) < 0, max_steps=8 * ctx.prec, dps=ctx.dps,
             what=f"{what}: no stable low branch found near m = 0")
    F, J = _fixed_point_system(ctx, tensors)
    root = tangency(ctx, F, J, reduced=reduced, recover=lambda x: 1 / _u(ctx, tensors, x),
                    bracket=(a, m_c), what=what)
    m1 = root.at
    if not high:
        return m1, root, None, None
    b = walk((1 + m_c) / 2, lambda x: min(1 - (1 - x) / 4, ctx.one), lambda x: x < 1 and reduced(x) < 0,
             dps=ctx.dps, what=f"{what}: the high branch lies closer to m = 1 than dps={ctx.dps} resolves")
    high = newton_bracketed(ctx, reduced, lambda x: x * KM.bayes_fixed_point_dm2(ctx, x, tensors.xi(x, 3, ctx)),
                            (m_c, b), what=what + " (high branch)")
    return m1, root, high.value, _u(ctx, tensors, high.value)


def amp_mp(ctx, tensors) -> Root:
    """The algorithmic threshold of Bayes-optimal AMP from an uninformed start.

    1 (the instability of ``m = 0``) unless the low branch exists (:func:`spinodals_mp`):
    then ``1/U(m1)``, below 1, where the low branch is born.
    """
    if len(tensors.orders) != 1:
        return amp_mixture_mp(ctx, tensors)
    found = spinodals_mp(ctx, tensors, high=False)
    return Root(ctx.one, None) if found is None else found[1]


def critical_mp(ctx, p: int) -> tuple:
    """``(Deltap, Delta2, m)`` at the critical point, from the generated closed forms."""
    return tuple(ctx.mpf(k(ctx, p)) for k in (KM.critical_delta_p, KM.critical_delta2, KM.critical_m))


def mmse_jump_mp(ctx, tensors):
    """The ``Delta2`` at which the Bayes-optimal overlap jumps, as a Root, or None (no jump).

    Below :func:`onset_mp` the only jump is out of ``m = 0``: the information-theoretic
    threshold.  Between it and the critical ``Deltap`` (p >= 4) the overlap jumps from the low
    to the high branch at the ``u = 1/Delta2`` in ``(max(1, U(m2)), U(m1))`` where the two
    stable fixed points ``m_a < m1 < m2 < m_b`` have equal free entropy: ``D(u) = phi(m_b) -
    phi(m_a)`` increases (``D'(u) = (m_b**2 - m_a**2)/4``, the envelope theorem), is negative at
    the lower end and positive at the upper one; its root is found by bracketed Newton with
    that exact derivative, each ``m`` by bracketed Newton on ``phi'``.
    """
    if len(tensors.orders) != 1:
        return mmse_jump_mixture_mp(ctx, tensors)
    p = _order(tensors)
    delta_p = tensors.value(p, ctx)
    if delta_p <= onset_mp(ctx, p).value:
        return information_theoretic_mp(ctx, p, delta_p)
    found = spinodals_mp(ctx, tensors)
    if found is None:
        return None
    m1, root1, m2, u2 = found
    u1 = 1 / root1.value
    t1_one = tensors.xi(1, 1, ctx)
    what = f"MMSE jump at p={p}, Deltap={ctx.nstr(delta_p, 17)}"

    def branches(u):
        d2 = 1 / u
        f = lambda x: KM.bayes_fixed_point(ctx, x, d2, tensors.xi(x, 1, ctx))  # noqa: E731
        df = lambda x: KM.bayes_fixed_point_dm(ctx, x, d2, tensors.xi(x, 2, ctx))  # noqa: E731
        # U(m) <= 1/(1 - m) <= 1 + 2m (m <= 1/2) puts the low root above (u - 1)/4; U(m) >=
        # 1/(1 - m) - 2 xi_T'(1) (m >= 1/2) puts the high root below b_hi.
        low = newton_bracketed(ctx, f, df, (min((u - 1) / 4, m1 / 2), m1), signs=(1, -1), what=what + " (low)")
        b_hi = max(1 - 1 / (u + 2 * t1_one + 1), (1 + m2) / 2)
        high = newton_bracketed(ctx, f, df, (m2, b_hi), signs=(1, -1), what=what + " (high)")
        return low.value, high.value, d2

    def gap(u):
        ma, mb, d2 = branches(u)
        return (KM.free_entropy_jets(ctx, mb, d2, tensors.xi(mb, 0, ctx))
                - KM.free_entropy_jets(ctx, ma, d2, tensors.xi(ma, 0, ctx)))

    def gap_du(u):
        ma, mb, _ = branches(u)
        return (mb**2 - ma**2) / 4

    root = newton_bracketed(ctx, gap, gap_du, (max(ctx.one, u2), u1), signs=(-1, 1), what=what)
    lo, hi = root.bracket
    return Root(1 / root.value, (1 / hi, 1 / lo))


def _per_element(tensors, fn, fill):
    """Evaluate ``fn(ctx, field)`` (a Root or None) elementwise on float64 variances, in mpmath at
    20 digits (its exponent range has no underflow), as float64; ``fill`` where it is None."""
    from fractions import Fraction

    from numerics.model import field

    p = _order(tensors)
    values = np.asarray(tensors.variances[p], dtype=np.float64)
    bad = ~(np.isfinite(values) & (values > 0))
    if bad.any():
        raise ValueError(f"float64 cannot resolve delta_p = {values[bad].flat[0]!r} (it under- or overflowed); "
                         f"pass the exact value with dps=")
    out = np.empty(values.shape)
    ctx = context(20)
    for idx in np.ndindex(values.shape):
        root = fn(ctx, field({p: Fraction(float(values[idx]))}))
        out[idx] = fill if root is None else float(root.value)
    return out


def amp_float(tensors) -> np.ndarray:
    """:func:`amp_mp` in float64, elementwise (1 wherever the closed-form test says no branch)."""
    if len(tensors.orders) != 1:
        return per_element_mixture(tensors, amp_mixture_mp, 1.0)
    p = _order(tensors)
    dp = np.asarray(tensors.variances[p], dtype=np.float64)
    out = np.ones(dp.shape)
    if p == 3:
        return out
    inside = dp < KN.critical_delta_p(p) * (1 + 1e-12)
    if inside.any():
        from numerics.model import field

        out[inside] = _per_element(field({p: dp[inside]}), amp_mp, 1.0)
    return out


def mmse_jump_float(tensors) -> np.ndarray:
    """:func:`mmse_jump_mp` in float64; nan where the overlap does not jump."""
    from numerics.model import field

    if len(tensors.orders) != 1:
        return per_element_mixture(tensors, mmse_jump_mixture_mp, np.nan)

    p = _order(tensors)
    dp = np.asarray(tensors.variances[p], dtype=np.float64)
    out = np.full(dp.shape, np.nan)
    onset = float(onset_mp(context(25), p).value)
    below = dp <= onset
    if below.any():
        out[below] = information_theoretic_float(p, dp[below])
    between = ~below & (dp < KN.critical_delta_p(p) * (1 + 1e-12))
    if between.any():
        out[between] = _per_element(field({p: dp[between]}), mmse_jump_mp, np.nan)
    return out


# --- any tensor channels ------------------------------------------------------------------------
#
# For a Bayes-optimal model with tensor covariance xi_T (any orders >= 3) the positive fixed
# points lie on 1/Delta2 = U(m) = 1/(1 - m) - xi_T'(m)/m, and phi(m) - phi(0) = m**2 (u - V(m))/4
# with V the equal-height level (u = 1/Delta2).  U(0+) = V(0+) = 1 and both tend to infinity as
# m -> 1, but the number of critical points of U is not known in general: it is scanned on the
# grid of m (in mpmath: the jets of small variances overflow float64), each sign change of
# -m**2 U' (amp_spinodal_reduced) and of 2 phi on the branch (equal_height_reduced_jets) is
# bracketed and refined by bracketed Newton with its exact derivative.  From the global
# structure:
#
# - AMP from m -> 0+ stops at the first m with U(m) = u.  For u above every local maximum of U
#   that is the only positive fixed point (the global maximiser); just below the largest local
#   maximum U_max > 1 the first crossing sits below it while a higher branch has larger phi.
#   So 1/Delta2_amp = max(1, U_max).
# - The global maximiser is nonzero iff u > V(m) for some m: 1/Delta2_IT = min(1, min V).

def _mixture_scan(ctx, tensors, what):
    """Grid of ``m`` (from ``10**-(dps/2 + 2)`` to ``1 - 1e-12``) with the signs of ``-m**2 U'``
    and of ``2 phi`` on the branch; raises where a critical point may lie beyond the grid end."""
    outer, ctx = ctx, _work(ctx)
    grid = _mp_grid(ctx, _m_min(outer))
    spin = [ctx.sign(_reduced(ctx, tensors, x)) for x in grid]
    level = [ctx.sign(_level_reduced(ctx, tensors, x)) for x in grid]
    if not (spin[-1] < 0 and level[-1] > 0):
        raise ConvergenceError(f"{what}: U(m) or V(m) does not increase at m = 1 - 1e-12 (a critical point lies "
                               f"closer to m = 1 than the grid resolves), dps={outer.dps}")
    return ctx, grid, spin, level


def _level_reduced(ctx, tensors, x):
    t0, t1 = _jets(tensors, ctx, x, 0, 1)
    return KM.equal_height_reduced_jets(ctx, x, t0, t1)


def u_maxima_mp(ctx, tensors, what="local maxima of U"):
    """The local maxima ``(m, U(m))`` of ``U`` on ``(0, 1)`` (any tensor channels), in the work context."""
    work, grid, spin, _ = _mixture_scan(ctx, tensors, what)
    dspin = lambda x: x * KM.bayes_fixed_point_dm2(work, x, tensors.xi(x, 3, work))  # noqa: E731
    out = []
    for bracket in sign_change_brackets(grid, spin, -1, 1):  # U' from + to -
        root = newton_bracketed(work, lambda x: _reduced(work, tensors, x), dspin, bracket, what=what)
        out.append((root.value, _u(work, tensors, root.value)))
    return out


def v_minima_mp(ctx, tensors, what="local minima of V"):
    """The local minima ``(m, V(m))`` of the equal-height level ``V`` on ``(0, 1)``, in the work context."""
    work, grid, _, level = _mixture_scan(ctx, tensors, what)
    dlevel = lambda x: -_reduced(work, tensors, x) / 2  # noqa: E731
    out = []
    for bracket in sign_change_brackets(grid, level, -1, 1):  # V' from - to +
        root = newton_bracketed(work, lambda x: _level_reduced(work, tensors, x), dlevel, bracket, what=what)
        t0 = tensors.xi(root.value, 0, work)
        out.append((root.value, KM.equal_height_level(work, root.value, t0)))
    return out


def _describe(tensors, ctx):
    return "{" + ", ".join(f"{p}: {ctx.nstr(tensors.value(p, ctx), 17)}" for p in tensors.orders) + "}"


def amp_mixture_mp(ctx, tensors) -> Root:
    """:func:`amp_mp` for any tensor channels: ``Delta2 = 1/max(1, U_max)`` (bracket None: the
    value is ``U`` at a critical point, insensitive to the error of ``m``)."""
    maxima = u_maxima_mp(ctx, tensors, f"AMP spinodal for tensors {_describe(tensors, ctx)}")
    u = max([ctx.one] + [ctx.mpf(v) for _, v in maxima])
    return Root(1 / u, None)


def information_theoretic_mixture_mp(ctx, tensors) -> Root:
    """:func:`information_theoretic_mp` for any tensor channels: ``Delta2 = 1/min(1, min V)``,
    infinite where ``min V <= 0`` (the tensors alone allow recovery); bracket None."""
    minima = v_minima_mp(ctx, tensors, f"information-theoretic threshold for tensors {_describe(tensors, ctx)}")
    u = min([ctx.one] + [ctx.mpf(v) for _, v in minima])
    return Root(ctx.inf if u <= 0 else 1 / u, None)


def per_element_mixture(tensors, fn, fill):
    """Evaluate ``fn(ctx, field)`` (a Root or None) elementwise over broadcast float64 variances of
    several tensor channels, in mpmath at 20 digits, as float64; ``fill`` where it is None."""
    from fractions import Fraction

    from numerics.model import field

    orders = tensors.orders
    arrays = np.broadcast_arrays(*(np.asarray(tensors.variances[p], dtype=np.float64) for p in orders))
    for p, values in zip(orders, arrays):
        bad = ~(np.isfinite(values) & (values > 0))
        if bad.any():
            raise ValueError(f"float64 cannot resolve the variance {values[bad].flat[0]!r} of order {p} (it under- "
                             f"or overflowed); pass the exact value with dps=")
    shape = arrays[0].shape if arrays else ()
    out = np.empty(shape)
    ctx = context(20)
    for idx in np.ndindex(shape):
        root = fn(ctx, field({p: Fraction(float(v[idx])) for p, v in zip(orders, arrays)}))
        out[idx] = fill if root is None else float(root.value)
    return out


def _branches(ctx, tensors, what):
    """The stable branches of Bayes fixed points: ``(a, b, U(a), U(b))`` for each interval where
    ``U`` increases, in ``m`` order (``a = 0`` with ``U(0+) = 1``; the last has ``b = 1``,
    ``U(1) = inf``), in the work context."""
    work, grid, spin, _ = _mixture_scan(ctx, tensors, what)
    dspin = lambda x: x * KM.bayes_fixed_point_dm2(work, x, tensors.xi(x, 3, work))  # noqa: E731
    spin_at = lambda x: _reduced(work, tensors, x)  # noqa: E731
    critical = []
    for before, after in ((-1, 1), (1, -1)):
        for bracket in sign_change_brackets(grid, spin, before, after):
            root = newton_bracketed(work, spin_at, dspin, bracket, what=what)
            critical.append((root.value, before < 0))  # True: a local maximum of U
    critical.sort(key=lambda c: c[0])
    first = next(s for s in spin if s != 0)
    ends = ([work.zero] if first < 0 else []) + [c for c, _ in critical] + [work.one]
    # the branches run from each start (0 or a local minimum) to the next local maximum (or 1)
    out = []
    for a, b in zip(ends[0::2], ends[1::2]):
        ua = work.one if a == 0 else _u(work, tensors, a)
        ub = work.inf if b == 1 else _u(work, tensors, b)
        out.append((a, b, ua, ub))
    return work, out


def mmse_jump_mixture_mp(ctx, tensors):
    """:func:`mmse_jump_mp` for any tensor channels: the ``Delta2`` at which the global maximiser
    of ``phi`` jumps, as a Root (bracket None), or None where it does not jump.

    Walks down in ``u = 1/Delta2`` from the top branch: the maximiser leaves the current stable
    branch at the largest ``u`` where a lower branch (or ``m = 0``) has equal ``phi``; the gap
    ``D(u) = phi(m_k(u)) - phi(m_j(u))`` increases (``D' = (m_k**2 - m_j**2)/4``, the envelope
    theorem) and its root is found by bracketed Newton with that derivative, each ``m`` by
    bracketed Newton on ``u - U(m)``.  A jump to ``m = 0`` at ``u <= 0`` (the tensors alone
    suffice) counts as one at ``Delta2 = inf``; jumps between nonzero branches at ``u <= 0`` are
    unphysical and ignored.

    Raises
    ------
    ConvergenceError
        Where the overlap jumps more than once for ``Delta2 > 0`` (one ``Delta2`` cannot describe
        it: use ``state_evolution`` and the free entropy there), or a root finder fails.
    """
    what = f"MMSE jump for tensors {_describe(tensors, ctx)}"
    work, branches = _branches(ctx, tensors, what)

    def m_on(k, u):
        a, b, ua, ub = branches[k]
        if u == ua:
            return a
        if u == ub:
            return b
        f = lambda x: u - _u(work, tensors, x)  # noqa: E731
        df = lambda x: _reduced(work, tensors, x) / x**2  # noqa: E731
        return newton_bracketed(work, f, df, (a, b), signs=(1, -1), what=what + " (fixed point)").value

    def phi(k, u):
        if k is None:
            return work.zero, work.zero
        x = m_on(k, u)
        if x == 0:
            return work.zero, work.zero
        return x**2 * (u - KM.equal_height_level(work, x, tensors.xi(x, 0, work))) / 4, x

    cur, u_hi, jumps = len(branches) - 1, work.inf, []
    while True:
        best = None
        for j in [None] + list(range(cur)):
            lo = branches[cur][2] if j is None else max(branches[cur][2], branches[j][2])
            hi = u_hi if j is None else min(u_hi, branches[j][3])
            if not lo < hi:
                continue
            gap = lambda u: phi(cur, u)[0] - phi(j, u)[0]  # noqa: E731, B023
            if not gap(lo) < 0:
                continue  # the current branch wins on the whole overlap
            if hi == work.inf:
                hi = walk(max(lo, work.one) + 1, lambda u: 2 * u, lambda u: gap(u) > 0, what=what + " (upper end)",
                          dps=work.dps)  # noqa: B023
            dgap = lambda u: (phi(cur, u)[1] ** 2 - phi(j, u)[1] ** 2) / 4  # noqa: E731, B023
            u = newton_bracketed(work, gap, dgap, (lo, hi), what=what).value
            if best is None or u > best[0]:
                best = (u, j)
        if best is None:
            if branches[cur][0] != 0:
                raise ConvergenceError(f"{what}: the stable branch from m = {work.nstr(branches[cur][0], 8)} ends at "
                                       f"its spinodal without a lower branch beating it (inconsistent scan), "
                                       f"dps={ctx.dps}")
            break  # the overlap reaches 0 continuously at u = 1
        jumps.append(best)
        if best[1] is None:
            break
        cur, u_hi = best[1], best[0]
    found = [u for u, j in jumps if u > 0]
    if jumps and jumps[-1][1] is None and jumps[-1][0] <= 0:
        found.append(work.zero)  # Delta2 = inf
    if not found:
        return None
    if len(found) > 1:
        shown = ", ".join(ctx.nstr(1 / u, 10) if u else "inf" for u in found)
        raise ConvergenceError(f"{what}: the Bayes-optimal overlap jumps {len(found)} times (Delta2 = {shown}); "
                               f"kind='mmse_jump' describes one jump (not solved here: inspect state_evolution)")
    (u,) = found
    return Root(ctx.inf if u == 0 else ctx.mpf(1 / u), None)
