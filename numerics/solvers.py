"""Root finding with certificates: bracket on a grid, solve (float64 or mpmath), verify.

A solver here never returns a guess: no sign change, no convergence or a residual that is
too large raises :class:`ConvergenceError`, naming what was solved, the bracket and the
precision.  Every solver takes a backend first (:mod:`numerics.backend`): ``F64`` (Brent's
method, ``scipy.optimize.brentq``, imported on first use so that ``import theory`` stays light)
or ``MP(dps)`` (Anderson-Bjorck false position with bisection safeguards, steps sized to the
precision), and returns a :class:`Root` (value, bracket, steps, backend).  What differs between
the backends (making a number, showing it in a message, the step budget) is asked of the
backend; no solver tests which one it got.  During the transition a raw mpmath context, or
None for float64, is still accepted in place of the backend (:func:`backend_of`).
This is the only module that finds roots: bisection (:func:`bisect`, and :func:`bisect_many`
vectorised over float64 brackets) included; and the one that builds the grids they scan
(:func:`grid`, extended below the float64 range in a backend by :func:`extend_below`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import singledispatch
from typing import Any

import numpy as np

from numerics.backend import F64, Backend

__all__ = ["ConvergenceError", "PrecisionError", "Root", "backend_of", "bisect", "bisect_many", "bracketed_root",
           "brent", "brentq", "enclose", "exclude_roots", "extend_below", "grid", "grow_bracket", "newton_bracketed",
           "root", "sign_change_brackets", "sign_changes", "tangency", "walk"]


class ConvergenceError(ArithmeticError):
    """A root finder found no sign change, or did not converge within its budget."""


class PrecisionError(ArithmeticError):
    """Two evaluations at different precisions disagree beyond the requested digits."""


@dataclass(frozen=True)
class Root:
    """A root with its certificate, what every solver returns.

    Attributes
    ----------
    value : float or mpf
        The root.
    bracket : tuple or None
        ``(lo, hi)`` around the root, whose end signs were evaluated (None for a closed form).
    steps : int or None
        Function evaluations (or iterations) the solver took (None for a closed form).
    backend : numerics.backend.Backend or None
        ``F64`` or ``MP(dps)``: where the root was solved (None for a closed form).
    at : float, mpf or None
        For a 2x2 system (:func:`tangency`): the other unknown, e.g. the overlap ``m`` of the
        double root whose parameter is ``value``.
    """

    value: Any
    bracket: tuple | None
    steps: int | None = None
    backend: Any = None
    at: Any = None


def backend_of(b) -> Backend:
    """The backend a solver works in: a :class:`~numerics.backend.Backend` itself; for the
    callers that still pass a context, None is ``F64``, an mpmath context ``MP`` at its
    precision (an elementwise backend on the context itself where its ``prec`` is not that of
    a ``dps``), any other context with mpmath's names (Arb balls) an elementwise backend on it
    (:func:`numerics.model.as_backend`)."""
    if isinstance(b, Backend):
        return b
    from numerics.model import as_backend

    try:
        return as_backend(b)
    except ValueError:
        if not hasattr(b, "prec"):
            raise
        from numerics.backend import Elementwise

        return Elementwise(b, f"{type(b).__name__}(prec={b.prec})")


def brentq(f, a, b, *, what: str = "root", xtol: float = 1e-15, rtol: float = 8.881784197001252e-16,
           maxiter: int = 200) -> float:
    """``scipy.optimize.brentq`` on ``[a, b]`` (float64), its failures as :class:`ConvergenceError`:
    the value of :func:`brent`, a plain float."""
    return brent(f, a, b, what=what, xtol=xtol, rtol=rtol, maxiter=maxiter).value


def brent(f, a, b, *, what: str = "root", xtol: float = 1e-15, rtol: float = 8.881784197001252e-16,
          maxiter: int = 200) -> Root:
    """Brent's method (``scipy.optimize.brentq``) on ``[a, b]`` in float64, as a :class:`Root`
    (the bracket is ``[a, b]`` as given); failures as :class:`ConvergenceError`."""
    from scipy.optimize import brentq as _brentq

    try:
        x, info = _brentq(f, a, b, xtol=xtol, rtol=rtol, maxiter=maxiter, full_output=True, disp=False)
    except ValueError as exc:  # f(a) and f(b) of the same sign, or not finite
        raise ConvergenceError(f"{what}: no sign change on the bracket [{a:.12g}, {b:.12g}], dps=None "
                               f"({exc})") from None
    if not info.converged:
        raise ConvergenceError(f"{what}: no convergence in {maxiter} steps on [{a:.12g}, {b:.12g}], dps=None")
    return Root(float(x), (float(min(a, b)), float(max(a, b))), info.function_calls, F64)


def bracketed_root(backend, f, a, b, *, what: str, rel_tol=None, max_iter: int = 400):
    """A root of ``f`` in ``[a, b]`` (``f(a) f(b) <= 0``) by Anderson-Bjorck false position with
    bisection safeguards, to ``rel_tol`` (default ``4 * eps`` of the backend) relative width,
    in the backend ``backend`` (``MP(dps)``; ``F64`` works too, :func:`root` takes Brent's
    method there).

    Returns a :class:`Root` (value and bracket ``(lo, hi)``).  Raises ConvergenceError (naming ``what``, the bracket and the
    precision) without a sign change or within ``max_iter`` steps.
    """
    bk = backend_of(backend)
    a, b = bk.num(a), bk.num(b)
    fa, fb = f(a), f(b)
    done = lambda x, lo, hi, steps: Root(x, (lo, hi), steps, bk)  # noqa: E731
    if fa == 0:
        return done(a, a, a, 2)
    if fb == 0:
        return done(b, b, b, 2)
    if (fa > 0) == (fb > 0):
        raise ConvergenceError(f"{what}: no sign change on the bracket [{bk.show(a)}, {bk.show(b)}] "
                               f"at dps={bk.dps} (f = {bk.show(fa, 5)}, {bk.show(fb, 5)})")
    tol = rel_tol if rel_tol is not None else 4 * bk.eps
    for it in range(max_iter):
        if abs(b - a) <= tol * max(abs(a), abs(b), bk.num(1) * tol):
            break
        c = (a * fb - b * fa) / (fb - fa)
        if it % 4 == 3 or not (min(a, b) < c < max(a, b)):
            c = (a + b) / 2  # guaranteed progress
        fc = f(c)
        if fc == 0:
            return done(c, c, c, it + 3)
        if (fc > 0) == (fb > 0):
            # root between a and c: keep a, scale its value (Anderson-Bjorck)
            m = 1 - fc / fb
            fa = fa * (m if m > 0 else bk.num(1) / 2)
        else:
            a, fa = b, fb
        b, fb = c, fc
    else:
        raise ConvergenceError(f"{what}: no convergence in {max_iter} steps on [{bk.show(a)}, "
                               f"{bk.show(b)}] at dps={bk.dps}")
    return done(b, min(a, b), max(a, b), it + 2)


@singledispatch
def _solve_bracketed(b, f, lo, hi, what):
    return bracketed_root(b, f, lo, hi, what=what)


@_solve_bracketed.register(type(F64))
def _(b, f, lo, hi, what):
    return brent(f, float(lo), float(hi), what=what)


def root(backend, f, a, b, *, what: str) -> Root:
    """A root of ``f`` on the sign-change bracket ``[a, b]`` as a :class:`Root`: in ``F64`` by
    Brent's method (:func:`brent`; the bracket is ``[a, b]``), in ``MP(dps)`` by
    :func:`bracketed_root` (a raw mpmath context, or None for float64, is still accepted)."""
    return _solve_bracketed(backend_of(backend), f, a, b, what)


def bisect(backend, f, a, b, *, fa=None, fb=None, what: str = "root") -> Root:
    """A root of ``f`` on ``[a, b]`` (``f(a)`` and ``f(b)`` of opposite signs; ``fa``, ``fb`` are
    their values when known, e.g. from a grid scan) by bisection to the working precision of
    the backend: until the midpoint is no longer strictly inside the bracket (or after the
    backend's ``bisection_steps``).  The value is the last midpoint (or a point where ``f``
    vanishes).  For a root that must be the exact sign change of ``f`` as evaluated, e.g. a
    fixed point of a map computed in rounded arithmetic.

    Raises :class:`ConvergenceError` when ``f(a)`` and ``f(b)`` have the same sign.
    """
    bk = backend_of(backend)
    a, b = bk.num(a), bk.num(b)
    fa = f(a) if fa is None else fa
    fb = f(b) if fb is None else fb
    if (fa > 0) == (fb > 0) and fa != 0 and fb != 0:
        raise ConvergenceError(f"{what}: no sign change on the bracket [{bk.show(a)}, {bk.show(b)}] "
                               f"at dps={bk.dps}")
    steps = 2
    for _ in range(bk.bisection_steps):
        mid = (a + b) / 2
        if not a < mid < b:
            break
        fm = f(mid)
        steps += 1
        if fm == 0:
            return Root(mid, (mid, mid), steps, bk)
        if (fm > 0) == (fa > 0):
            a, fa = mid, fm
        else:
            b = mid
    return Root(bk.num((a + b) / 2), (a, b), steps, bk)


def bisect_many(f, a, b, fa=None, *, steps: int = 60):
    """Roots of ``f`` on many float64 brackets at once: ``steps`` vectorised bisection steps.

    ``f`` maps arrays to arrays elementwise (each bracket's own parameters captured in ``f``),
    ``a``, ``b`` the bracket ends (arrays of one shape, ``f(a)`` and ``f(b)`` of opposite signs,
    ``fa = f(a)`` when known).  Returns the midpoints of the final brackets, of width
    ``(b - a) / 2**steps`` (60 steps reach float64 resolution from a bracket of width 1).
    """
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    fa = f(a) if fa is None else fa
    for _ in range(steps):
        mid = 0.5 * (a + b)
        fm = f(mid)
        left = np.sign(fm) == np.sign(fa)
        a, fa, b = np.where(left, mid, a), np.where(left, fm, fa), np.where(left, b, mid)
    return 0.5 * (a + b)


def grow_bracket(backend, f, center, half, what: str, *, limit, sign=None):
    """Solve ``f = 0`` near ``center``: try ``[center - half, center + half]``, widening by 10x
    (up to ``limit``: a half-width, or an interval ``(lo, hi)``) until the signs differ.

    ``sign=+1`` asks for ``f(lo) > 0 > f(hi)`` (e.g. a maximum when ``f`` is a slope), ``-1``
    the reverse; None takes any sign change.  In the backend ``backend`` (:func:`root`).
    Returns a :class:`Root`; raises :class:`ConvergenceError` when the widest bracket has
    no (suitable) sign change.
    """
    bk = backend_of(backend)
    num = bk.num
    center, half = num(center), num(half)
    if isinstance(limit, tuple):
        lo_lim, hi_lim = num(limit[0]), num(limit[1])
    else:
        lo_lim, hi_lim = center - num(limit), center + num(limit)
    while True:
        a, b = max(center - half, lo_lim), min(center + half, hi_lim)
        fa, fb = f(a), f(b)
        ok = (fa > 0) != (fb > 0) or fa == 0 or fb == 0
        if ok and sign is not None:
            ok = (fa >= 0 >= fb) if sign > 0 else (fa <= 0 <= fb)
        if ok:
            return root(bk, f, a, b, what=what)
        if a <= lo_lim and b >= hi_lim:
            raise ConvergenceError(f"{what}: no sign change on the bracket [{bk.show(a)}, {bk.show(b)}] "
                                   f"at dps={bk.dps}")
        half *= 10


def walk(start, move, accept, *, what: str, max_steps: int = 10_000, dps=None):
    """A bracket end found by walking: the first of ``start``, ``move(start)``,
    ``move(move(start))``, ... that ``accept`` (e.g. a point where a function has the sign a
    bracket needs).  Raises :class:`ConvergenceError` (naming ``what``, the last point and
    ``dps``) after ``max_steps`` moves or when a move no longer changes the point (the walk hit
    the rounding level or the end of its range)."""
    x = start
    for _ in range(max_steps):
        if accept(x):
            return x
        nxt = move(x)
        if nxt == x:
            break
        x = nxt
    else:
        if accept(x):
            return x
    raise ConvergenceError(f"{what}: no point found walking from {start} (stopped at {x}), dps={dps}")


def grid(low, high, n: int = 0, *, geometric: bool = False, geometric_low=None, geometric_high=None,
         endpoint: bool = True) -> np.ndarray:
    """The float64 points a scan visits, from ``low`` towards ``high``: the one grid builder.

    Up to three runs, in order:

    * ``geometric_low=(x, k)``: ``k`` points geometric from ``low`` up to ``x`` (excluded), e.g.
      towards an end at 0; the middle run then starts at ``x``;
    * ``n`` points from there to ``high`` (``endpoint`` as numpy's), uniform, or geometric with
      ``geometric=True``; with ``geometric_high`` they stop before ``high - d``;
    * ``geometric_high=(d, gap, k)``: ``k`` points ``high - geomspace(d, gap, k)``, approaching
      ``high`` geometrically from ``high - d`` to ``high - gap`` (both included).

    Each run is numpy's (``linspace``/``geomspace``) with exactly these arguments, so a grid
    written as those calls is this grid to the last bit.  Below the float64 range, or to make
    the points in a backend, see :func:`extend_below`.

    >>> grid(0.0, 1.0, 4)
    array([0.        , 0.33333333, 0.66666667, 1.        ])
    >>> grid(1e-3, 1.0, 2, geometric_low=(1e-1, 2), geometric_high=(1e-1, 1e-3, 2))
    array([0.001, 0.01 , 0.1  , 0.5  , 0.9  , 0.999])

    Raises
    ------
    ValueError
        A count that is not an integer >= 0, or runs whose ends are out of order.
    """
    for name, k in (("n", n), ("geometric_low count", None if geometric_low is None else geometric_low[-1]),
                    ("geometric_high count", None if geometric_high is None else geometric_high[-1])):
        if k is not None and (isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 0):
            raise ValueError(f"grid: {name} must be an integer >= 0, got {k!r}")
    parts, start, stop = [], low, high
    if geometric_low is not None:
        x, k = geometric_low
        if not 0 < low < x < high:
            raise ValueError(f"grid: geometric_low=(x, k) needs 0 < low < x < high, got low={low!r}, x={x!r}, "
                             f"high={high!r}")
        parts.append(np.geomspace(low, x, k, endpoint=False))
        start = x
    tail = None
    if geometric_high is not None:
        d, gap, k = geometric_high
        if not (0 < gap < d and start < high - d):
            raise ValueError(f"grid: geometric_high=(d, gap, k) needs 0 < gap < d and high - d above the runs "
                             f"before it, got d={d!r}, gap={gap!r}, high={high!r}")
        stop, endpoint = high - d, False
        tail = high - np.geomspace(d, gap, k)
    if n:
        parts.append((np.geomspace if geometric else np.linspace)(start, stop, n, endpoint=endpoint))
    if tail is not None:
        parts.append(tail)
    return np.concatenate(parts) if parts else np.empty(0)


def extend_below(b, low, points, *, per_decade: int = 8) -> list:
    """The float64 grid ``points`` as numbers of the backend ``b``, preceded by a geometric run
    made in ``b`` from ``low`` (``per_decade`` points a decade) up to ``points[0]`` (excluded):
    a grid that reaches below the float64 range (e.g. ``low = 10**-502`` in ``MP(1000)``).

    >>> from numerics.backend import MP
    >>> [MP(20).show(x, 3) for x in extend_below(MP(20), "1e-400", [0.5, 0.75], per_decade=1)][::100]
    ['1.0e-400', '1.0e-300', '1.0e-200', '1.0e-100', '0.5']
    """
    b = backend_of(b)
    small, x, ratio = [], b.num(low), b.num(10) ** (b.num(1) / per_decade)
    while x < points[0]:
        small.append(x)
        x *= ratio
    return small + [b.num(v) for v in points]


def sign_change_brackets(grid, signs, before=None, after=None) -> list:
    """Brackets ``(grid[i], grid[j])`` between consecutive grid points of nonzero sign (points of
    sign 0 skipped: a zero on the grid is bracketed by its neighbours) whose signs differ, or go
    from ``before`` to ``after`` when given (``-1, 1``: increasing crossings only)."""
    out, last = [], None
    for i, s in enumerate(signs):
        if s == 0:
            continue
        if last is not None and signs[last] * s < 0 and (before is None or (signs[last] == before and s == after)):
            out.append((grid[last], grid[i]))
        last = i
    return out


def sign_changes(values) -> np.ndarray:
    """Indices ``i`` of a float64 grid where ``values[i]`` and ``values[i + 1]`` have strictly
    opposite signs (along the last axis)."""
    v = np.sign(np.asarray(values, dtype=np.float64))
    return np.nonzero(v[..., :-1] * v[..., 1:] < 0)

# --- bracketed Newton and tangency systems with exact Jacobians (message passing) ---------------

def _middle(bk, a, b):
    """The bisection point of ``(a, b)``: geometric where the bracket spans orders of magnitude
    of positive numbers (a root near 0 is then found in ``log(b/a)`` steps, not ``prec``)."""
    return bk.sqrt(a * b) if a > 0 and b > 4 * a else (a + b) / 2


def _max_steps(bk) -> int:
    # Bisection alone halves the bracket once a step: ``prec`` steps reach the rounding level.
    return 2 * bk.bits + 100


def newton_bracketed(backend, f, df, bracket, *, what: str, signs=None, max_steps: int | None = None) -> Root:
    """A simple root of ``f`` in ``bracket``: Newton steps with the exact derivative ``df``, each
    step leaving the current bracket replaced by a bisection step, in the backend ``backend``
    (``MP(dps)``, or ``F64``; the precision ``prec`` below is the backend's ``bits``).

    ``signs`` gives the signs of ``f`` at the two ends when they are known but ``f`` cannot be
    evaluated there (e.g. a double root sits at an end); otherwise both ends are evaluated and
    a sign change is required.  Ends when the relative Newton step is at the rounding level
    (``<= 2**(-3 prec/4)``: one more step is taken) or the bracket is.  Returns the root with
    the final bracket, whose signs were evaluated (or given).

    Raises
    ------
    ConvergenceError
        No sign change on ``bracket`` or no convergence within ``max_steps``; the message
        names ``what``, the bracket and the precision.
    """
    backend = bk = backend_of(backend)
    a, b = (bk.num(x) for x in bracket)
    where = f"{what}, bracket ({bk.show(a, 10)}, {bk.show(b, 10)}), dps={bk.dps}"
    sa, sb = (bk.sign(f(a)), bk.sign(f(b))) if signs is None else signs
    if sa == 0:
        return Root(a, (a, a), 0, backend)
    if sb == 0:
        return Root(b, (b, b), 0, backend)
    if not sa * sb < 0:
        raise ConvergenceError(f"no sign change: {where}")
    tol = bk.num(2) ** (-(3 * bk.bits) // 4)
    x, polish, dx_old = _middle(bk, a, b), False, b - a
    for step in range(1, (max_steps or _max_steps(bk)) + 1):
        fx = f(x)
        s = bk.sign(fx)
        if s == 0:
            return Root(x, (x, x), step, backend)
        if s == sa:
            a = x
        else:
            b = x
        if b - a <= 4 * bk.eps * max(abs(a), abs(b)):
            return Root(x, (a, b), step, backend)
        d = df(x)
        dx = fx / d if d != 0 and bk.isfinite(d) else None
        # A Newton step is kept inside the bracket and only while it at least halves the step
        # before last (as in Numerical Recipes' rtsafe); otherwise bisect.  Near a double root or
        # at a noise floor the Newton steps stop shrinking and bisection takes over.
        inside = dx is not None and a <= x - dx <= b
        if inside and (polish or x - dx == x):  # converged: the last step was at the rounding level
            return Root(x - dx, (a, b), step, backend)
        if not inside or abs(dx) > abs(dx_old) / 2:
            x_new, polish, dx_old = _middle(bk, a, b), False, (b - a) / 2
        else:
            x_new, dx_old = x - dx, dx
            polish = abs(dx) <= tol * abs(x_new)
        x = x_new
    raise ConvergenceError(f"no convergence in {max_steps or _max_steps(bk)} steps: {where}")


def tangency(backend, F, J, *, reduced, recover, bracket, what: str, max_steps: int | None = None) -> Root:
    """Solve a 2x2 system ``F(x, y) = 0`` by Newton's method with its exact Jacobian ``J``.

    For a tangency (a double root in ``x`` of a function with parameter ``y``) ``F`` is the
    function and its ``x``-derivative; for an equal-height condition, a function and its
    stationarity.  The safeguard is a reduced function of ``x`` alone, ``reduced(x)`` (the system
    with ``y = recover(x)`` eliminated), whose sign change on ``bracket`` is required: a Newton
    step leaving the current bracket, or leaving the reduced curve (``|y - recover(x)| > |y|/8``,
    e.g. near a fold where the Jacobian is nearly singular) is replaced by a bisection step of
    ``reduced``.  After convergence a sign change of ``reduced`` is confirmed on a bracket of
    relative width about ``10**(5 - dps)`` around the root.

    Parameters
    ----------
    backend : numerics.backend.Backend
        ``MP(dps)`` (or ``F64``) where the system is solved.
    F : callable
        ``(x, y) -> (f0, f1)``.
    J : callable
        ``(x, y) -> ((df0/dx, df0/dy), (df1/dx, df1/dy))``, exact (generated) derivatives.

    Returns
    -------
    Root
        ``y`` as its value with the bracket ``(y_low, y_high)``, and ``x`` as its ``at``.

    Raises
    ------
    ConvergenceError
        No sign change of ``reduced`` on ``bracket``, no convergence within ``max_steps``, or
        no sign change around the converged point; the message names ``what``, the bracket and dps.
    """
    bk = backend_of(backend)
    lo_end, hi_end = (bk.num(v) for v in bracket)
    a, b = lo_end, hi_end
    ha = reduced(a)
    where = f"{what}, bracket ({bk.show(a, 10)}, {bk.show(b, 10)}), dps={bk.dps}"
    if not ha * reduced(b) < 0:
        raise ConvergenceError(f"no sign change of the reduced condition: {where}")
    tol, floor = bk.num(2) ** (-(3 * bk.bits) // 4), bk.num(2) ** (-bk.bits // 2)
    x = _middle(bk, a, b)
    y = recover(x)
    polish, previous = False, None
    steps = max_steps or _max_steps(bk)
    for taken in range(1, steps + 1):
        h = reduced(x)
        if h == 0:
            break
        if (h > 0) == (ha > 0):
            a, ha = x, h
        else:
            b = x
        if b - a <= 4 * bk.eps * abs(x):  # the bracket itself is at the rounding level
            break
        (f0, f1), ((j00, j01), (j10, j11)) = F(x, y), J(x, y)
        det = j00 * j11 - j01 * j10
        newton = det != 0 and bk.isfinite(det)
        if newton:
            x_new = x - (j11 * f0 - j01 * f1) / det
            y_new = y - (j00 * f1 - j10 * f0) / det
            if x_new == x and y_new == y:  # a step of exactly zero: converged
                break
            newton = (a <= x_new <= b and bk.isfinite(y_new)
                      and abs(y_new - recover(x_new)) <= abs(y_new) / 8)
        if not newton and polish:  # converged; the last Newton step was at the rounding level
            break
        if not newton:  # bisection step on the reduced function
            x_new = _middle(bk, a, b)
            y_new = recover(x_new)
            previous = None
        step = max(abs(x_new - x) / abs(x_new), abs(y_new - y) / abs(y_new))
        # Where the system is badly scaled the Newton steps stall at a noise floor above the
        # rounding level: end when a step below 2**(-prec/2) fails to halve the previous one.
        stalled = newton and previous is not None and step <= floor and step >= previous / 2
        x, y = x_new, y_new
        if polish or stalled:
            break
        polish = newton and step <= tol
        previous = step if newton else None
    else:
        raise ConvergenceError(f"no convergence in {steps} steps: {where}")
    for digits in range(bk.digits - 5, 2, -3):
        delta = abs(x) * bk.num(10) ** (-digits)
        lo, hi = max(x - delta, lo_end), min(x + delta, hi_end)
        if reduced(lo) * reduced(hi) < 0:
            ends = sorted((recover(lo), recover(hi)))
            return Root(y, (min(ends[0], y), max(ends[1], y)), taken, bk, at=x)
    raise ConvergenceError(f"no sign change of the reduced condition around {bk.show(x, 10)}: {where}")


def enclose(backend, f, x, *, what: str, max_width_bits: int | None = None) -> Root:
    """A certified enclosure of a root of ``f`` near ``x``, in ball arithmetic.

    ``backend`` is a ball backend (``numerics.backend_arb.ARB(prec)``, or its context
    :class:`numerics.backend_arb.ArbContext`), ``f``
    maps a ball to a ball that contains ``f`` of each of its points, and ``x`` approximates a
    simple root (e.g. solved in mpmath).  The bracket ``[x - d, x + d]`` (exact ends) is
    accepted when ``f`` at its ends has certified opposite signs and ``f`` on the whole bracket
    is finite: ``f`` is built from arithmetic and elementary functions, so it is then continuous
    there and has a root in the bracket.  ``d`` starts at ``2**-(prec - 8)`` relative to ``x``
    and grows 256-fold a step while the signs are not certified, up to ``2**-max_width_bits``
    relative (default ``prec // 2``); beyond it :class:`ConvergenceError` is raised (``x`` was
    not near a simple root, or ``f`` loses all its digits there).

    Returns a :class:`Root` whose value is the ball ``[x - d, x + d]`` and whose bracket is its
    two ends.  The root it holds is *a* root of ``f``: which root of ``f`` is the one meant
    (e.g. the first sign change of a scan) is the caller's to establish.
    """
    bk = backend_of(backend)
    ctx = bk.ctx
    x = ctx.mpf(x).mid()
    scale = abs(x) if not x.is_zero() else ctx.one
    prec = ctx.prec
    widest = prec // 2 if max_width_bits is None else max_width_bits
    steps = 0
    bits = prec - 8
    while bits >= widest:
        d = (scale * ctx.eps * 2 ** (prec - 1 - bits)).mid()  # scale * 2**-bits, exact enough
        lo, hi = (x - d).mid(), (x + d).mid()
        flo, fhi = f(lo), f(hi)
        steps += 2
        if ((flo < 0 and fhi > 0) or (flo > 0 and fhi < 0)):
            hull = lo.union(hi)
            if ctx.isfinite(f(hull)):
                return Root(hull, (lo, hi), steps + 1, bk)
        bits -= 8
    raise ConvergenceError(f"{what}: no certified sign change of the condition within a relative distance "
                           f"2**-{widest} of {ctx.nstr(x, 20)} at {prec} bits")


def exclude_roots(backend, f, a, b, *, df, what: str, zero_at_end: bool = False, budget: int = 20_000) -> int:
    """Certify, in ball arithmetic, that ``f`` has no root on ``[a, b]`` (on ``[a, b)`` with
    ``zero_at_end``, where ``f(b)`` must be exactly 0); raise :class:`ConvergenceError` if that
    cannot be shown.

    ``backend``, ``f`` as for :func:`enclose`, ``a < b`` exact points, ``df`` the derivative of ``f``
    (on balls).  Near ``b``, where ``f`` may come as close to 0 as a root enclosed there, ``f``
    is shown monotone (``df`` of one sign on ``[b - w, b]``, ``w`` from ``2**-10`` down to
    ``2**-40`` relative to ``b``) with the sign of ``f(a)`` at ``b - w`` (and at ``b``, or tending
    to ``f(b) = 0`` there); on ``[a, b - w]`` the sign of ``f`` is certified on sub-balls split
    in halves where undecided, at most ``budget`` evaluations.  Returns the evaluations taken.
    """
    ctx = backend_of(backend).ctx
    a, b = ctx.mpf(a), ctx.mpf(b)
    fa = f(a)
    sign = 1 if fa > 0 else -1 if fa < 0 else 0
    if not sign:
        raise ConvergenceError(f"{what}: the sign of the condition at {ctx.nstr(a, 20)} is not certified")
    fb = f(b)
    end_ok = fb.is_zero() if zero_at_end else (fb > 0 if sign > 0 else fb < 0)
    if not end_ok:
        raise ConvergenceError(f"{what}: the condition at {ctx.nstr(b, 20)} is not certified "
                               f"{'0' if zero_at_end else 'of the sign it has at ' + ctx.nstr(a, 20)}")
    scale = abs(b) if not b.is_zero() else ctx.one
    steps, top = 2, None
    for bits in range(10, 41, 6):
        w = (scale * ctx.eps * 2 ** (ctx.prec - 1 - bits)).mid()
        start = (b - w).mid()
        if not start > a:
            continue
        slope = df(start.union(b))
        fs = f(start)
        steps += 2
        # monotone on [start, b], with f(a)'s sign at start and at b (or decreasing to f(b) = 0)
        toward_zero = (slope < 0) if sign > 0 else (slope > 0)
        monotone = (slope > 0) or (slope < 0)
        if monotone and (fs > 0 if sign > 0 else fs < 0) and (toward_zero or not zero_at_end):
            top = start
            break
    if top is None:
        raise ConvergenceError(f"{what}: the condition is not certified monotone near {ctx.nstr(b, 20)}")
    pending = [(a, top)]
    while pending:
        lo, hi = pending.pop()
        value = f(lo.union(hi))
        steps += 1
        if (value > 0) if sign > 0 else (value < 0):
            continue
        if steps >= budget:
            raise ConvergenceError(f"{what}: no certified sign of the condition on [{ctx.nstr(lo, 20)}, "
                                   f"{ctx.nstr(hi, 20)}] within {budget} evaluations (a root may lie there)")
        mid = ((lo + hi) / 2).mid()
        pending += [(lo, mid), (mid, hi)]
    return steps
