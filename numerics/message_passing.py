"""Numerics of message passing and of the replica-symmetric free entropy.

Every function here is written once, as a function of a backend (:mod:`numerics.backend`):
``F64`` (float64, broadcasting) or ``MP(dps)`` (a private mpmath context), passed first (``b``)
or, for the state evolution, as ``b=``.  The kernels generated from
:mod:`derivations.message_passing` are reached in that backend through :func:`_kernels`, the
jets of the covariance through :func:`_jets`, the roots through :mod:`numerics.solvers` and the
overlaps through :func:`m_grid` (on the one grid builder, :func:`numerics.solvers.grid`).

- :func:`iterate` / :func:`fixed_points`: state evolution of ML-AMP and Bayes-optimal AMP;
- :func:`equal_height`: the system ``phi(m) = 0 = phi'(m)`` for ``m`` and one parameter
  (``Delta2`` or ``Deltap``), by Newton's method with the generated exact Jacobian,
  safeguarded by bisection on the reduced function (the system with that parameter
  eliminated), whose sign change is the bracket; never a secant;
- :func:`information_theoretic`: the information-theoretic threshold; :func:`onset`,
  :func:`tensor_only`: the ``Deltap`` where it becomes first order and the ``Deltap`` below
  which it is infinite;
- :func:`amp`, :func:`mmse_jump`, :func:`spinodals`, :func:`critical`: the hard phase, and
  :func:`amp_mixture`, :func:`information_theoretic_mixture`, :func:`mmse_jump_mixture` for
  any tensor channels.

In ``F64`` the scans run in float64 (vectorised over arrays of variances) and what float64
cannot solve (the tangency systems, the spinodals) is solved element by element in ``MP(20)``
(``MP(25)`` for the two constants :func:`tensor_only` and :func:`onset`) and rounded; the
threshold functions return a :class:`~numerics.solvers.Root` whose value is then an array.

References
----------
arXiv:1902.00139, section 3; arXiv:1812.09066, section II.
"""

from __future__ import annotations

from functools import lru_cache, partial, singledispatch

import numpy as np

from numerics._generated import message_passing_mpmath as KM
from numerics._generated import message_passing_numpy as KN
from numerics.backend import F64, MP, context  # noqa: F401  (context: the one cache, re-exported)
from numerics.model import jet
from numerics import solvers
from numerics.solvers import (ConvergenceError, Root, bisect, bisect_many, extend_below, newton_bracketed,
                              sign_change_brackets, sign_changes, tangency, walk)

__all__ = [
    "MAX_SCAN_DPS", "SE_KINDS", "amp", "amp_mixture", "critical", "equal_height", "fixed_points",
    "information_theoretic", "information_theoretic_mixture", "iterate", "m_grid", "mmse_jump",
    "mmse_jump_mixture", "onset", "per_element", "se_map", "se_slope_at_zero", "spinodals", "tensor_only",
    "u_maxima", "v_minima",
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

#: The digits at which ``F64`` solves what float64 cannot (and rounds the result).
FLOAT_VIA_DPS = 20


# --- the backend seam: the only lines that tell F64 from MP ------------------------------------

class _Kernels:
    """The generated kernels as functions of the numbers of one backend: for ``F64`` the numpy
    kernels (broadcasting), for ``MP(dps)`` the mpmath kernels with the context bound.

    (``Backend.kernel`` wraps an mpmath kernel elementwise for object arrays; on the scalars of
    the Newton loops here that wrapper costs about 40% of a call, so the kernels are bound.)
    """

    def __init__(self, b):
        self._b = b

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        b = self._b
        fn = getattr(KN, name) if b is F64 else partial(getattr(KM, name), b.ctx)
        setattr(self, name, fn)  # bound once per backend
        return fn


@lru_cache(maxsize=128)
def _kernels(b) -> _Kernels:
    return _Kernels(b)


def _exact(b, digits: int = FLOAT_VIA_DPS):
    """The backend in which the root solves of ``b`` run: ``b`` itself, or ``MP(digits)`` for
    ``F64`` (its roots are solved there and rounded to float64)."""
    return MP(digits) if b is F64 else b


def _on_grid(b, f, grid):
    """``f`` at every point of a :func:`m_grid` of ``b``: one broadcast call in ``F64``, point by
    point in ``MP``."""
    return f(grid) if b is F64 else [f(x) for x in grid]


def _float64(generic, fill):
    """Register on the function of a backend ``generic`` its ``F64`` strategy: each element of
    the (broadcast) variances solved in ``MP(20)`` by ``generic`` itself, as float64 (``fill``
    where it returns None)."""
    generic.register(type(F64))(lambda b, tensors: Root(per_element(tensors, generic, fill), None))
    return generic


# --- the jets of the covariance ----------------------------------------------------------------

def _jet(b, tensors, x, k: int):
    """``xi^(k)(x)``, the ``k``-th derivative of the field's covariance at ``x`` in the backend
    ``b``: the one place this module evaluates jets (a thin call of the model's jet evaluator,
    :mod:`numerics.model`, to be swapped for the single evaluator there)."""
    return jet(tensors.xi, x, k, b)


def _jets(b, tensors, x, *ks):
    """``(xi^(k)(x) for k in ks)`` (:func:`_jet`)."""
    return tuple(_jet(b, tensors, x, k) for k in ks)


def _variance(b, tensors, p: int):
    """The true variance of channel ``p`` as a number (float64 array) of ``b``."""
    return tensors.value(p, b)


# --- the grid of overlaps ----------------------------------------------------------------------

def _float_grid(m_min, m_max_gap) -> np.ndarray:
    decades_low = max(1, int(round(-np.log10(m_min))) - 2)
    decades_high = max(1, int(round(-np.log10(m_max_gap))) - 2)
    return solvers.grid(m_min, 1.0, 240, geometric_low=(1e-2, 8 * decades_low),
                        geometric_high=(1e-2, m_max_gap, 8 * decades_high))


def _m_min(b):
    """The smallest overlap scanned in ``b``: ``1e-9`` in float64; ``10**-(dps/2 + 2)`` in
    ``MP(dps)`` (roots below it change a threshold by less than the working precision: for p = 3
    near the tricritical point ``Delta2_IT - 1 ~ m**2/2``; for p >= 4 the roots that matter sit
    at finite m).  An mpf: at dps >= ~620 it is below the float64 range."""
    return 1e-9 if b is F64 else b.num(10) ** (-(b.dps // 2 + 2))


def m_grid(m_min=None, m_max_gap: float = 1e-12, *, b=F64):
    """Overlaps in ``[m_min, 1 - m_max_gap]``: geometric at both ends, uniform in between; the
    one grid of this module.

    In ``F64`` (default) a float64 array from ``m_min`` (default ``1e-9``).  In ``MP(dps)`` a
    list of numbers of ``b``: geometric (8 a decade) from ``m_min`` (default
    ``10**-(dps/2 + 2)``; it may lie far below the float64 range, e.g. ``10**-502`` at dps =
    1000) up to :data:`FLOAT_GRID_FROM`, made in ``b``, then the float64 grid from
    :data:`FLOAT_GRID_FROM` on (:func:`numerics.solvers.grid` and
    :func:`numerics.solvers.extend_below`).
    """
    m_min = _m_min(b) if m_min is None else m_min
    if b is F64:
        return _float_grid(m_min, m_max_gap)
    return extend_below(b, m_min, _float_grid(FLOAT_GRID_FROM, m_max_gap), per_decade=8)


# --- state evolution --------------------------------------------------------------------------

SE_KINDS = ("ml_amp", "amp")


def se_map(kind: str, field, b=F64):
    """The state-evolution map ``m -> F(m)`` of a Bayes-optimal field, from the jets kernels, in
    the backend ``b`` (``F64`` broadcasts over ``m``).

    ``"amp"``: ``xi'(m)/(1 + xi'(m))``; ``"ml_amp"``: ``xi'(m)/sqrt(xi'(m)**2 + xi'(1))``.
    """
    K = _kernels(b)
    if kind == "amp":
        amp_map = K.amp_map_jets
        return lambda m: amp_map(_jet(b, field, m, 1))
    ml_amp_map, one = K.ml_amp_map_jets, _jet(b, field, 1, 1)
    return lambda m: ml_amp_map(_jet(b, field, m, 1), one)


def se_slope_at_zero(kind: str, field, b=F64):
    """The slope of :func:`se_map` at ``m = 0``: ``xi''(0)`` (AMP), ``xi''(0)/sqrt(xi'(1))`` (ML-AMP)."""
    if kind == "amp":
        return _jet(b, field, 0, 2)
    return _kernels(b).ml_amp_slope_at_zero_jets(_jet(b, field, 0, 2), _jet(b, field, 1, 1))


def iterate(kind: str, m0, field, *, iterations: int, tol, b=F64):
    """Iterate the state evolution ``m <- F(m)`` from ``m0`` in the backend ``b``.

    Stops when ``|m_{t+1} - m_t| <= tol`` (converged) or after ``iterations`` steps.

    Returns
    -------
    (list, bool)
        The iterates ``[m0, m1, ...]`` (numbers of ``b``: floats or mpf) and whether it converged.
    """
    step, num = se_map(kind, field, b), b.num
    m = m0
    out = [m]
    for _ in range(iterations):
        new = num(step(m))
        out.append(new)
        if abs(new - m) <= tol:
            return out, True
        m = new
    return out, False


def _sign(v) -> int:
    return 1 if v > 0 else (-1 if v < 0 else 0)


def fixed_points(kind: str, field, b=F64):
    """All fixed points of the state evolution in ``[0, 1)``, with their stability, in ``b``.

    ``m = 0`` is always one (stable iff the slope there is below 1).  The others are the sign
    changes of ``F(m) - m`` on :func:`m_grid`, refined by bisection to the working precision
    (:func:`numerics.solvers.bisect`), and the grid points where it vanishes exactly; since ``F``
    increases, a fixed point is stable iff ``F(m) - m`` goes from + to - across it.

    Returns
    -------
    list of (m, stable)
    """
    step = se_map(kind, field, b)
    out = [(b.num(0), bool(se_slope_at_zero(kind, field, b) < 1))]
    grid = m_grid(b=b)
    g = _on_grid(b, lambda x: step(x) - x, grid)
    gap = lambda x: b.num(step(x)) - x  # noqa: E731
    signs = [_sign(v) for v in g]
    what = f"fixed point of the state evolution ({kind})"
    for i, j in sign_change_brackets(range(len(grid)), signs):
        if j == i + 1:
            m = bisect(b, gap, grid[i], grid[j], fa=g[i], fb=g[j], what=what).value
        else:  # F(m) = m exactly on the grid point(s) between
            m = b.num(grid[i + 1])
        out.append((m, signs[i] > 0))
    return out


# --- equal-height systems ---------------------------------------------------------------------

def _system(b, p, unknown, fixed):
    """Residual and Jacobian of ``(phi, phi')`` in ``(m, y)``; ``y`` is ``Delta2`` or ``Deltap``."""
    K = _kernels(b)
    if unknown == "Delta2":
        def F(m, y):
            return (K.free_entropy(m, p, y, fixed), K.free_entropy_dm(m, p, y, fixed))

        def J(m, y):
            return ((K.free_entropy_dm(m, p, y, fixed), K.free_entropy_ddelta2(m, y)),
                    (K.free_entropy_dm2(m, p, y, fixed), K.free_entropy_dm_ddelta2(m, y)))
    else:
        def F(m, y):
            return (K.free_entropy(m, p, fixed, y), K.free_entropy_dm(m, p, fixed, y))

        def J(m, y):
            return ((K.free_entropy_dm(m, p, fixed, y), K.free_entropy_ddelta_p(m, p, y)),
                    (K.free_entropy_dm2(m, p, fixed, y), K.free_entropy_dm_ddelta_p(m, p, y)))
    return F, J


def equal_height(b, p: int, *, unknown: str, fixed, reduced, recover, bracket, what: str) -> Root:
    """Solve ``phi(m) = 0``, ``phi'(m) = 0`` for ``(m, y)``, ``y`` = ``unknown``, in ``MP(dps)``.

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
    F, J = _system(b, p, unknown, fixed)
    return tangency(b, F, J, reduced=reduced, recover=recover, bracket=bracket, what=what)


def _sign_change_brackets(b, h, m_min) -> list:
    """Brackets of the sign changes of a reduced function ``h(backend, m)`` on :func:`m_grid`.

    Float64 (``h(F64, m)``, vectorised) above :data:`FLOAT_GRID_FROM`; in ``MP(dps)`` below, on a
    geometric grid from ``m_min`` (an mpf: it may lie far below the float64 range, e.g.
    ``10**-500`` at dps = 1000), where float64 cannot resolve the sign.  A grid point where the
    function vanishes is bracketed by its neighbours.  The sign at each end of a bracket is
    confirmed in ``b`` before it is used.
    """
    grid = m_grid(m_min, b=b)
    large = m_grid(FLOAT_GRID_FROM)
    small = len(grid) - len(large)
    sign = b.sign
    signs = [int(sign(h(b, v))) for v in grid[:small]] + [int(v) for v in np.sign(h(F64, large))]
    return [(lo, hi) for lo, hi in sign_change_brackets(grid, signs) if sign(h(b, lo)) * sign(h(b, hi)) < 0]


def _work(b):
    """The backend the equal-height systems are solved in: ``2 dps + 5`` digits.

    The reduced functions and ``phi`` are ``O(m**3)`` near ``m = 0`` but made of ``O(m)``
    terms: at ``m ~ 10**(-dps/2)`` (where the p = 3 roots near the tricritical point still
    matter) half the digits cancel.  Results are rounded back into ``b`` (:func:`_back`).
    """
    return MP(2 * b.dps + 5)


def _back(b, root: Root) -> Root:
    """``root`` with its value and bracket rounded to numbers of ``b``."""
    bracket = None if root.bracket is None else tuple(b.num(x) for x in root.bracket)
    return Root(b.num(root.value), bracket, root.steps, root.backend)


@lru_cache(maxsize=256)
def tensor_only(b, p: int) -> Root:
    """The ``Deltap`` below which the tensor alone allows recovery (``Delta2_IT`` is infinite).

    Equal height ``phi(m) = phi(0)`` with ``phi'(m) = 0`` at ``1/Delta2 = 0``.  ``F64``: solved
    in ``MP(25)`` and rounded.
    """
    work = _exact(b, 25)
    root = _unique_equal_height(work, p, fixed=work.ctx.inf, reduced="tensor_only_reduced",
                                recover="delta_p_stationary_tensor_only", what=f"tensor-only recovery at p={p}")
    return _back(b, root)


@lru_cache(maxsize=256)
def onset(b, p: int) -> Root:
    """The ``Deltap`` below which the information-theoretic transition is first order.

    For p = 3 the closed form of the tricritical point (bracket None).  For p >= 4 the
    first-order line meets ``Delta2 = 1`` at finite ``m``: the system ``phi = 0 = phi'`` at
    ``Delta2 = 1`` for ``(m, Deltap)``.  ``F64``: solved in ``MP(25)`` and rounded.
    """
    work = _exact(b, 25)
    if p == 3:
        return Root(b.num(work.num(_kernels(work).delta_p_tricritical_p3())), None)
    root = _unique_equal_height(work, p, fixed=work.num(1), reduced="onset_reduced",
                                recover="delta_p_stationary_unit_delta2", what=f"first-order onset at p={p}, Delta2=1")
    return _back(b, root)


def _unique_equal_height(b, p, *, fixed, reduced: str, recover: str, what) -> Root:
    """Solve ``phi = 0 = phi'`` for ``(m, Deltap)`` at ``1/Delta2 = 1/fixed``, requiring exactly
    one sign change of the reduced function (the kernel named ``reduced``) on the grid of ``m``;
    ``recover`` names the kernel of ``Deltap(m)`` on the reduced curve."""
    m_min, work = _m_min(b), _work(b)
    h = lambda c, x: getattr(_kernels(c), reduced)(x, p)  # noqa: E731
    brackets = _sign_change_brackets(work, h, m_min)
    if len(brackets) != 1:
        raise ConvergenceError(f"{what}: {len(brackets)} sign changes (expected 1) at dps={work.dps}")
    recovered = getattr(_kernels(work), recover)
    root = equal_height(work, p, unknown="Deltap", fixed=work.num(fixed), reduced=lambda x: h(work, x),
                        recover=lambda x: recovered(x, p), bracket=brackets[0], what=what)
    return _back(b, root)


@singledispatch
def information_theoretic(b, p: int, delta_p) -> Root:
    """The information-theoretic threshold ``Delta2_IT`` in the backend ``b``.

    ``phi`` increases with ``1/Delta2`` at every ``m > 0``, so the largest ``Delta2`` with a
    positive-overlap global maximiser is ``1/u*`` with ``u* = min(1, u(m_r))`` over the
    equal-height points ``m_r`` (``u = 1/Delta2``): 1 where no equal-height point lies below
    ``u = 1`` (continuous transition, the AMP threshold), infinite for ``Deltap`` at or below
    :func:`tensor_only`.

    ``MP(dps)``: each equal-height point by :func:`equal_height` in ``2 dps + 5`` digits.
    ``F64`` (vectorised over ``delta_p``): the sign changes of the reduced function on
    :func:`m_grid` are refined by a vectorised bisection (:func:`numerics.solvers.bisect_many`)
    to float64 resolution (a simple root in ``m``), then ``Delta2 = 1/u(m)``; the few points whose
    deciding root lies at ``m < 0.01`` are redone in ``MP(20)``.  Works in blocks of 1024 values
    (memory stays below ~4 MB per block); the Root's value is an array.
    """
    if b.num(delta_p) <= tensor_only(b, p).value:
        return Root(b.ctx.inf, None)
    m_min, work = _m_min(b), _work(b)
    ctx, K = work.ctx, _kernels(work)
    delta_p = work.num(delta_p)
    h = lambda c, x: _kernels(c).it_reduced(x, p, c.num(delta_p))  # noqa: E731
    brackets = _sign_change_brackets(work, h, m_min)
    best = Root(ctx.one, None)
    for bracket in brackets:
        ends = [K.inverse_delta2_stationary(x, p, delta_p) for x in bracket]
        if min(ends) > ctx.mpf("1.01"):
            continue  # an equal-height point with Delta2 < 1 cannot be the threshold (u* = min(1, ...))
        root = equal_height(
            work, p, unknown="Delta2", fixed=delta_p,
            reduced=lambda x: K.it_reduced(x, p, delta_p),
            recover=lambda x: 1 / K.inverse_delta2_stationary(x, p, delta_p),
            bracket=bracket, what=f"information-theoretic threshold at p={p}, Deltap={ctx.nstr(delta_p, 17)}")
        if not root.value > 0:
            raise ConvergenceError(f"equal-height point with Delta2 = {ctx.nstr(root.value, 8)} <= 0 above the "
                                   f"tensor-only threshold at p={p}, Deltap={ctx.nstr(delta_p, 17)}, dps={ctx.dps}")
        if root.value > best.value:
            best = root
    return _back(b, best)


@information_theoretic.register(type(F64))
def _information_theoretic_f64(b, p: int, delta_p) -> Root:
    dp = np.asarray(delta_p, dtype=np.float64)
    flat = dp.reshape(-1)
    out = np.empty(flat.shape)
    for start in range(0, flat.size, 1024):
        out[start:start + 1024] = _information_theoretic_block(p, flat[start:start + 1024])
    return Root(out.reshape(dp.shape), None)


def _information_theoretic_block(p: int, flat: np.ndarray) -> np.ndarray:
    u_star = np.ones(flat.shape)
    grid = m_grid(1e-8)
    h = KN.it_reduced(grid[None, :], p, flat[:, None])
    rows, cols = sign_changes(h)
    dpr = flat[rows]
    m = bisect_many(lambda x: KN.it_reduced(x, p, dpr), grid[cols], grid[cols + 1], h[rows, cols])
    u = KN.inverse_delta2_stationary(m, p, dpr)
    np.minimum.at(u_star, rows, u)
    # Roots at small m (p = 3 near its tricritical point) are ill-conditioned in float64
    # (the reduced function is O(m**3) made of O(m) terms): redo those rows in mpmath.
    redo = np.unique(rows[(m < FLOAT_GRID_FROM * 10) & (u < 1) & (u == u_star[rows])])
    exact = _exact(F64)
    for i in redo:
        value = information_theoretic(exact, p, exact.num(float(flat[i]))).value
        u_star[i] = 1 / float(value)
    below = flat <= tensor_only(F64, p).value
    u_star = np.where(below, 1.0, u_star)
    safe = np.where(u_star > 0, u_star, 1.0)
    return np.where(below | (u_star <= 0), np.inf, 1.0 / safe)


# --- the hard phase: AMP spinodal, MMSE jump, critical point ----------------------------------
#
# For one tensor channel of order p the Bayes fixed points m > 0 lie on 1/Delta2 = U(m) =
# 1/(1 - m) - xi_T'(m)/m.  U(0) = 1; for p >= 4 below the critical Deltap, U rises to a local
# maximum at m1 (the spinodal where the low branch is born), falls to a local minimum at m2,
# then rises to infinity; m1 < m_c < m2 with m_c the overlap of the critical point.  The
# kernels take the jets of the tensor channels' covariance xi_T (:func:`_jets`).

def _order(tensors) -> int:
    if len(tensors.orders) != 1:
        raise ValueError(f"the hard phase is implemented for one tensor channel; got orders {tensors.orders}")
    return tensors.orders[0]


def _fixed_point_system(b, tensors):
    """``(2 phi', d/dm 2 phi')`` in ``(m, Delta2)`` and its generated Jacobian."""
    K = _kernels(b)

    def F(x, d2):
        t1, t2 = _jet(b, tensors, x, 1), _jet(b, tensors, x, 2)
        return K.bayes_fixed_point(x, d2, t1), K.bayes_fixed_point_dm(x, d2, t2)

    def J(x, d2):
        t2, t3 = _jet(b, tensors, x, 2), _jet(b, tensors, x, 3)
        return ((K.bayes_fixed_point_dm(x, d2, t2), K.bayes_fixed_point_ddelta2(x, d2)),
                (K.bayes_fixed_point_dm2(x, t3), K.bayes_fixed_point_dm_ddelta2(d2)))
    return F, J


def _u(b, tensors, x):
    """``U(m)``, the ``1/Delta2`` at which ``m > 0`` is a Bayes fixed point."""
    return _kernels(b).inverse_delta2_fixed_point(x, _jet(b, tensors, x, 1))


def _reduced(b, tensors, x):
    """``-m**2 U'(m)``: negative where the branch of fixed points is stable."""
    return _kernels(b).amp_spinodal_reduced(x, _jet(b, tensors, x, 1), _jet(b, tensors, x, 2))


def _reduced_dm(b, tensors, x):
    """The derivative of :func:`_reduced` in ``m``."""
    return x * _kernels(b).bayes_fixed_point_dm2(x, _jet(b, tensors, x, 3))


def spinodals(b, tensors, *, high: bool = True):
    """The spinodals ``(m1, Root(Delta2_1), m2, u2)`` of the Bayes state evolution in ``MP(dps)``,
    or None.

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
    ctx, K = b.ctx, _kernels(b)
    delta_p = _variance(b, tensors, p)
    if delta_p >= K.critical_delta_p(p) * (1 - 8 * ctx.eps):
        return None
    m_c = b.num(K.critical_m(p))
    reduced = lambda x: _reduced(b, tensors, x)  # noqa: E731
    if not reduced(m_c) > 0:
        return None
    what = f"spinodal of the Bayes state evolution at p={p}, Deltap={ctx.nstr(delta_p, 17)}"
    # U increases near 0 and near 1: find where
    a = walk(m_c / 2, lambda x: x / 4, lambda x: reduced(x) < 0, max_steps=8 * ctx.prec, dps=ctx.dps,
             what=f"{what}: no stable low branch found near m = 0")
    F, J = _fixed_point_system(b, tensors)
    root = tangency(b, F, J, reduced=reduced, recover=lambda x: 1 / _u(b, tensors, x),
                    bracket=(a, m_c), what=what)
    m1 = root.at
    if not high:
        return m1, root, None, None
    one = b.num(1)
    top = walk((1 + m_c) / 2, lambda x: min(1 - (1 - x) / 4, one), lambda x: x < 1 and reduced(x) < 0,
               dps=ctx.dps, what=f"{what}: the high branch lies closer to m = 1 than dps={ctx.dps} resolves")
    high = newton_bracketed(b, reduced, lambda x: _reduced_dm(b, tensors, x), (m_c, top),
                            what=what + " (high branch)")
    return m1, root, high.value, _u(b, tensors, high.value)


@singledispatch
def amp(b, tensors) -> Root:
    """The algorithmic threshold of Bayes-optimal AMP from an uninformed start.

    1 (the instability of ``m = 0``) unless the low branch exists (:func:`spinodals`): then
    ``1/U(m1)``, below 1, where the low branch is born.  Any tensor channels:
    :func:`amp_mixture`.  ``F64``: 1 wherever the closed-form test says no branch (p = 3, or
    ``Deltap`` at or above the critical one), else each element in ``MP(20)``.
    """
    if len(tensors.orders) != 1:
        return amp_mixture(b, tensors)
    found = spinodals(b, tensors, high=False)
    return Root(b.num(1), None) if found is None else found[1]


@amp.register(type(F64))
def _amp_f64(b, tensors) -> Root:
    if len(tensors.orders) != 1:
        return amp_mixture(b, tensors)
    p = _order(tensors)
    dp = np.asarray(tensors.variances[p], dtype=np.float64)
    out = np.ones(dp.shape)
    if p != 3:
        inside = dp < KN.critical_delta_p(p) * (1 + 1e-12)
        if inside.any():
            from numerics.model import field

            out[inside] = per_element(field({p: dp[inside]}), amp, 1.0)
    return Root(out, None)


def critical(b, p: int) -> tuple:
    """``(Deltap, Delta2, m)`` at the critical point, from the generated closed forms, in ``b``."""
    K = _kernels(b)
    return tuple(b.num(k(p)) for k in (K.critical_delta_p, K.critical_delta2, K.critical_m))


@singledispatch
def mmse_jump(b, tensors):
    """The ``Delta2`` at which the Bayes-optimal overlap jumps, as a Root, or None (no jump).

    Below :func:`onset` the only jump is out of ``m = 0``: the information-theoretic
    threshold.  Between it and the critical ``Deltap`` (p >= 4) the overlap jumps from the low
    to the high branch at the ``u = 1/Delta2`` in ``(max(1, U(m2)), U(m1))`` where the two
    stable fixed points ``m_a < m1 < m2 < m_b`` have equal free entropy: ``D(u) = phi(m_b) -
    phi(m_a)`` increases (``D'(u) = (m_b**2 - m_a**2)/4``, the envelope theorem), is negative at
    the lower end and positive at the upper one; its root is found by bracketed Newton with
    that exact derivative, each ``m`` by bracketed Newton on ``phi'``.  Any tensor channels:
    :func:`mmse_jump_mixture`.  ``F64``: a Root whose value is an array, nan where the overlap
    does not jump.
    """
    if len(tensors.orders) != 1:
        return mmse_jump_mixture(b, tensors)
    p = _order(tensors)
    delta_p = _variance(b, tensors, p)
    if delta_p <= onset(b, p).value:
        return information_theoretic(b, p, delta_p)
    found = spinodals(b, tensors)
    if found is None:
        return None
    ctx, K = b.ctx, _kernels(b)
    m1, root1, m2, u2 = found
    u1 = 1 / root1.value
    t1_one = _jet(b, tensors, 1, 1)
    what = f"MMSE jump at p={p}, Deltap={ctx.nstr(delta_p, 17)}"

    def branches(u):
        d2 = 1 / u
        f = lambda x: K.bayes_fixed_point(x, d2, _jet(b, tensors, x, 1))  # noqa: E731
        df = lambda x: K.bayes_fixed_point_dm(x, d2, _jet(b, tensors, x, 2))  # noqa: E731
        # U(m) <= 1/(1 - m) <= 1 + 2m (m <= 1/2) puts the low root above (u - 1)/4; U(m) >=
        # 1/(1 - m) - 2 xi_T'(1) (m >= 1/2) puts the high root below b_hi.
        low = newton_bracketed(b, f, df, (min((u - 1) / 4, m1 / 2), m1), signs=(1, -1), what=what + " (low)")
        b_hi = max(1 - 1 / (u + 2 * t1_one + 1), (1 + m2) / 2)
        high = newton_bracketed(b, f, df, (m2, b_hi), signs=(1, -1), what=what + " (high)")
        return low.value, high.value, d2

    def gap(u):
        ma, mb, d2 = branches(u)
        return (K.free_entropy_jets(mb, d2, _jet(b, tensors, mb, 0))
                - K.free_entropy_jets(ma, d2, _jet(b, tensors, ma, 0)))

    def gap_du(u):
        ma, mb, _ = branches(u)
        return (mb**2 - ma**2) / 4

    root = newton_bracketed(b, gap, gap_du, (max(ctx.one, u2), u1), signs=(-1, 1), what=what)
    lo, hi = root.bracket
    return Root(1 / root.value, (1 / hi, 1 / lo))


@mmse_jump.register(type(F64))
def _mmse_jump_f64(b, tensors) -> Root:
    if len(tensors.orders) != 1:
        return mmse_jump_mixture(b, tensors)
    from numerics.model import field

    p = _order(tensors)
    dp = np.asarray(tensors.variances[p], dtype=np.float64)
    out = np.full(dp.shape, np.nan)
    below = dp <= onset(b, p).value
    if below.any():
        out[below] = information_theoretic(b, p, dp[below]).value
    between = ~below & (dp < KN.critical_delta_p(p) * (1 + 1e-12))
    if between.any():
        out[between] = per_element(field({p: dp[between]}), mmse_jump, np.nan)
    return Root(out, None)


def per_element(tensors, fn, fill) -> np.ndarray:
    """``fn(MP(20), field)`` (a Root or None) at each element of the broadcast float64 variances
    of ``tensors`` (its channels one field each, exact from the floats), as float64; ``fill``
    where it is None.  ``MP(20)``: its exponent range has no underflow."""
    from fractions import Fraction

    from numerics.model import field

    orders = tensors.orders
    arrays = np.broadcast_arrays(*(np.asarray(tensors.variances[p], dtype=np.float64) for p in orders))
    for p, values in zip(orders, arrays):
        bad = ~(np.isfinite(values) & (values > 0))
        if bad.any():
            first = float(values[bad].flat[0])
            what = f"delta_p = {first!r}" if len(orders) == 1 else f"the variance {first!r} of order {p}"
            raise ValueError(f"float64 cannot resolve {what} (it under- or overflowed); pass the exact value with dps=")
    shape = arrays[0].shape if arrays else ()
    out = np.empty(shape)
    exact = _exact(F64)
    for idx in np.ndindex(shape):
        root = fn(exact, field({p: Fraction(float(v[idx])) for p, v in zip(orders, arrays)}))
        out[idx] = fill if root is None else float(root.value)
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
#
# In F64 each of them is solved element by element in MP(20) (_float64).

def _mixture_scan(b, tensors, what):
    """Grid of ``m`` (from ``10**-(dps/2 + 2)`` to ``1 - 1e-12``) in the work backend, with the
    signs of ``-m**2 U'`` and of ``2 phi`` on the branch; raises where a critical point may lie
    beyond the grid end."""
    work = _work(b)
    grid = m_grid(_m_min(b), b=work)
    sign = work.sign
    spin = [sign(_reduced(work, tensors, x)) for x in grid]
    level = [sign(_level_reduced(work, tensors, x)) for x in grid]
    if not (spin[-1] < 0 and level[-1] > 0):
        raise ConvergenceError(f"{what}: U(m) or V(m) does not increase at m = 1 - 1e-12 (a critical point lies "
                               f"closer to m = 1 than the grid resolves), dps={b.dps}")
    return work, grid, spin, level


def _level_reduced(b, tensors, x):
    return _kernels(b).equal_height_reduced_jets(x, _jet(b, tensors, x, 0), _jet(b, tensors, x, 1))


def u_maxima(b, tensors, what="local maxima of U"):
    """The local maxima ``(m, U(m))`` of ``U`` on ``(0, 1)`` (any tensor channels), in the work
    backend of ``MP(dps)``."""
    work, grid, spin, _ = _mixture_scan(b, tensors, what)
    out = []
    for bracket in sign_change_brackets(grid, spin, -1, 1):  # U' from + to -
        root = newton_bracketed(work, lambda x: _reduced(work, tensors, x),
                                lambda x: _reduced_dm(work, tensors, x), bracket, what=what)
        out.append((root.value, _u(work, tensors, root.value)))
    return out


def v_minima(b, tensors, what="local minima of V"):
    """The local minima ``(m, V(m))`` of the equal-height level ``V`` on ``(0, 1)``, in the work
    backend of ``MP(dps)``."""
    work, grid, _, level = _mixture_scan(b, tensors, what)
    K = _kernels(work)
    dlevel = lambda x: -_reduced(work, tensors, x) / 2  # noqa: E731
    out = []
    for bracket in sign_change_brackets(grid, level, -1, 1):  # V' from - to +
        root = newton_bracketed(work, lambda x: _level_reduced(work, tensors, x), dlevel, bracket, what=what)
        out.append((root.value, K.equal_height_level(root.value, _jet(work, tensors, root.value, 0))))
    return out


def _describe(b, tensors):
    return "{" + ", ".join(f"{p}: {b.ctx.nstr(_variance(b, tensors, p), 17)}" for p in tensors.orders) + "}"


@singledispatch
def amp_mixture(b, tensors) -> Root:
    """:func:`amp` for any tensor channels: ``Delta2 = 1/max(1, U_max)`` (bracket None: the
    value is ``U`` at a critical point, insensitive to the error of ``m``)."""
    maxima = u_maxima(b, tensors, f"AMP spinodal for tensors {_describe(b, tensors)}")
    u = max([b.num(1)] + [b.num(v) for _, v in maxima])
    return Root(1 / u, None)


@singledispatch
def information_theoretic_mixture(b, tensors) -> Root:
    """:func:`information_theoretic` for any tensor channels: ``Delta2 = 1/min(1, min V)``,
    infinite where ``min V <= 0`` (the tensors alone allow recovery); bracket None."""
    minima = v_minima(b, tensors, f"information-theoretic threshold for tensors {_describe(b, tensors)}")
    u = min([b.num(1)] + [b.num(v) for _, v in minima])
    return Root(b.ctx.inf if u <= 0 else 1 / u, None)


def _branches(b, tensors, what):
    """The stable branches of Bayes fixed points: ``(a, b, U(a), U(b))`` for each interval where
    ``U`` increases, in ``m`` order (``a = 0`` with ``U(0+) = 1``; the last has ``b = 1``,
    ``U(1) = inf``), in the work backend."""
    work, grid, spin, _ = _mixture_scan(b, tensors, what)
    wctx = work.ctx
    critical_points = []
    for before, after in ((-1, 1), (1, -1)):
        for bracket in sign_change_brackets(grid, spin, before, after):
            root = newton_bracketed(work, lambda x: _reduced(work, tensors, x),
                                    lambda x: _reduced_dm(work, tensors, x), bracket, what=what)
            critical_points.append((root.value, before < 0))  # True: a local maximum of U
    critical_points.sort(key=lambda c: c[0])
    first = next(s for s in spin if s != 0)
    ends = ([wctx.zero] if first < 0 else []) + [c for c, _ in critical_points] + [wctx.one]
    # the branches run from each start (0 or a local minimum) to the next local maximum (or 1)
    out = []
    for lo, hi in zip(ends[0::2], ends[1::2]):
        ulo = wctx.one if lo == 0 else _u(work, tensors, lo)
        uhi = wctx.inf if hi == 1 else _u(work, tensors, hi)
        out.append((lo, hi, ulo, uhi))
    return work, out


@singledispatch
def mmse_jump_mixture(b, tensors):
    """:func:`mmse_jump` for any tensor channels: the ``Delta2`` at which the global maximiser
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
    ctx = b.ctx
    what = f"MMSE jump for tensors {_describe(b, tensors)}"
    work, branches = _branches(b, tensors, what)
    wctx, K = work.ctx, _kernels(work)

    def m_on(k, u):
        a, c, ua, uc = branches[k]
        if u == ua:
            return a
        if u == uc:
            return c
        f = lambda x: u - _u(work, tensors, x)  # noqa: E731
        df = lambda x: _reduced(work, tensors, x) / x**2  # noqa: E731
        return newton_bracketed(work, f, df, (a, c), signs=(1, -1), what=what + " (fixed point)").value

    def phi(k, u):
        if k is None:
            return wctx.zero, wctx.zero
        x = m_on(k, u)
        if x == 0:
            return wctx.zero, wctx.zero
        return x**2 * (u - K.equal_height_level(x, _jet(work, tensors, x, 0))) / 4, x

    cur, u_hi, jumps = len(branches) - 1, wctx.inf, []
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
            if hi == wctx.inf:
                hi = walk(max(lo, wctx.one) + 1, lambda u: 2 * u, lambda u: gap(u) > 0, what=what + " (upper end)",
                          dps=wctx.dps)  # noqa: B023
            dgap = lambda u: (phi(cur, u)[1] ** 2 - phi(j, u)[1] ** 2) / 4  # noqa: E731, B023
            u = newton_bracketed(work, gap, dgap, (lo, hi), what=what).value
            if best is None or u > best[0]:
                best = (u, j)
        if best is None:
            if branches[cur][0] != 0:
                raise ConvergenceError(f"{what}: the stable branch from m = {wctx.nstr(branches[cur][0], 8)} ends at "
                                       f"its spinodal without a lower branch beating it (inconsistent scan), "
                                       f"dps={ctx.dps}")
            break  # the overlap reaches 0 continuously at u = 1
        jumps.append(best)
        if best[1] is None:
            break
        cur, u_hi = best[1], best[0]
    found = [u for u, j in jumps if u > 0]
    if jumps and jumps[-1][1] is None and jumps[-1][0] <= 0:
        found.append(wctx.zero)  # Delta2 = inf
    if not found:
        return None
    if len(found) > 1:
        shown = ", ".join(ctx.nstr(1 / u, 10) if u else "inf" for u in found)
        raise ConvergenceError(f"{what}: the Bayes-optimal overlap jumps {len(found)} times (Delta2 = {shown}); "
                               f"kind='mmse_jump' describes one jump (not solved here: inspect state_evolution)")
    (u,) = found
    return Root(ctx.inf if u == 0 else ctx.mpf(1 / u), None)


_float64(amp_mixture, 1.0)
_float64(information_theoretic_mixture, np.inf)
_float64(mmse_jump_mixture, np.nan)
