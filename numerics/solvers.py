"""Root finding with certificates: bracket on a grid, solve (float64 or mpmath), verify.

A solver here never returns a guess: no sign change, no convergence or a residual that is
too large raises :class:`ConvergenceError`, naming what was solved, the bracket and the
precision.  Every solver takes a backend first, ``ctx``: None for float64 (Brent's method,
``scipy.optimize.brentq``, imported on first use so that ``import theory`` stays light) or
an mpmath context (Anderson-Bjorck false position with bisection safeguards, steps sized to
the context's precision), and returns a :class:`Root` (value, bracket, steps, backend).
This is the only module that finds roots: bisection (:func:`bisect`, and :func:`bisect_many`
vectorised over float64 brackets) included.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = ["ConvergenceError", "PrecisionError", "Root", "bisect", "bisect_many", "bracketed_root", "brentq",
           "enclose", "exclude_roots", "grow_bracket", "newton_bracketed", "root", "sign_change_brackets", "sign_changes", "tangency", "walk"]


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

    A Root unpacks as ``value, bracket`` (the convention of the tuple-returning solvers it
    replaced: ``x, (lo, hi) = root(...)`` keeps working).
    """

    value: Any
    bracket: tuple | None
    steps: int | None = None
    backend: Any = None
    at: Any = None

    def __iter__(self):
        return iter((self.value, self.bracket))


def _backend(ctx):
    from numerics.backend import F64, MP

    return F64 if ctx is None else MP(ctx.dps)


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
    return Root(float(x), (float(min(a, b)), float(max(a, b))), info.function_calls, _backend(None))


def bracketed_root(ctx, f, a, b, *, what: str, rel_tol=None, max_iter: int = 400):
    """A root of ``f`` in ``[a, b]`` (``f(a) f(b) <= 0``) by Anderson-Bjorck false position with
    bisection safeguards, to ``rel_tol`` (default ``4 * ctx.eps``) relative width.

    Returns a :class:`Root` (value and bracket ``(lo, hi)``).  Raises ConvergenceError (naming ``what``, the bracket and the
    precision) without a sign change or within ``max_iter`` steps.
    """
    a, b = ctx.mpf(a), ctx.mpf(b)
    fa, fb = f(a), f(b)
    done = lambda x, lo, hi, steps: Root(x, (lo, hi), steps, _backend(ctx))  # noqa: E731
    if fa == 0:
        return done(a, a, a, 2)
    if fb == 0:
        return done(b, b, b, 2)
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
            return done(c, c, c, it + 3)
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
    return done(b, min(a, b), max(a, b), it + 2)


def root(ctx, f, a, b, *, what: str) -> Root:
    """A root of ``f`` on the sign-change bracket ``[a, b]`` as a :class:`Root`: in float64
    (``ctx`` None, :func:`brent`; the bracket is ``[a, b]``) or in the mpmath context ``ctx``
    (:func:`bracketed_root`)."""
    if ctx is None:
        return brent(f, float(a), float(b), what=what)
    return bracketed_root(ctx, f, a, b, what=what)


def bisect(ctx, f, a, b, *, fa=None, fb=None, what: str = "root") -> Root:
    """A root of ``f`` on ``[a, b]`` (``f(a)`` and ``f(b)`` of opposite signs; ``fa``, ``fb`` are
    their values when known, e.g. from a grid scan) by bisection to the working precision: until the midpoint is no longer strictly
    inside the bracket (float64 when ``ctx`` is None, else in ``ctx``).  The value is the last
    midpoint (or a point where ``f`` vanishes).  For a root that must be the exact sign change
    of ``f`` as evaluated, e.g. a fixed point of a map computed in rounded arithmetic.

    Raises :class:`ConvergenceError` when ``f(a)`` and ``f(b)`` have the same sign.
    """
    if ctx is not None:
        a, b = ctx.mpf(a), ctx.mpf(b)
    fa = f(a) if fa is None else fa
    fb = f(b) if fb is None else fb
    if (fa > 0) == (fb > 0) and fa != 0 and fb != 0:
        shown = (lambda x: f"{float(x):.12g}") if ctx is None else (lambda x: ctx.nstr(x, 12))
        raise ConvergenceError(f"{what}: no sign change on the bracket [{shown(a)}, {shown(b)}] "
                               f"at dps={None if ctx is None else ctx.dps}")
    num = float if ctx is None else (lambda x: x)
    steps = 2
    for _ in range(200 if ctx is None else ctx.prec + 10):
        mid = (a + b) / 2
        if not a < mid < b:
            break
        fm = f(mid)
        steps += 1
        if fm == 0:
            return Root(num(mid), (num(mid), num(mid)), steps, _backend(ctx))
        if (fm > 0) == (fa > 0):
            a, fa = mid, fm
        else:
            b = mid
    return Root(num((a + b) / 2), (num(a), num(b)), steps, _backend(ctx))


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


def grow_bracket(ctx, f, center, half, what: str, *, limit, sign=None):
    """Solve ``f = 0`` near ``center``: try ``[center - half, center + half]``, widening by 10x
    (up to ``limit``: a half-width, or an interval ``(lo, hi)``) until the signs differ.

    ``sign=+1`` asks for ``f(lo) > 0 > f(hi)`` (e.g. a maximum when ``f`` is a slope), ``-1``
    the reverse; None takes any sign change.  Float64 when ``ctx`` is None, else in ``ctx``.
    Returns a :class:`Root`; raises :class:`ConvergenceError` when the widest bracket has
    no (suitable) sign change.
    """
    num = float if ctx is None else ctx.mpf
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
            return root(ctx, f, a, b, what=what)
        if a <= lo_lim and b >= hi_lim:
            shown = (lambda x: f"{x:.12g}") if ctx is None else (lambda x: ctx.nstr(x, 12))
            raise ConvergenceError(f"{what}: no sign change on the bracket [{shown(a)}, {shown(b)}] "
                                   f"at dps={None if ctx is None else ctx.dps}")
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

def _middle(ctx, a, b):
    """The bisection point of ``(a, b)``: geometric where the bracket spans orders of magnitude
    of positive numbers (a root near 0 is then found in ``log(b/a)`` steps, not ``prec``)."""
    return ctx.sqrt(a * b) if a > 0 and b > 4 * a else (a + b) / 2


def _max_steps(ctx) -> int:
    # Bisection alone halves the bracket once a step: ``prec`` steps reach the rounding level.
    return 2 * ctx.prec + 100


def newton_bracketed(ctx, f, df, bracket, *, what: str, signs=None, max_steps: int | None = None) -> Root:
    """A simple root of ``f`` in ``bracket``: Newton steps with the exact derivative ``df``, each
    step leaving the current bracket replaced by a bisection step.

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
    a, b = (ctx.mpf(x) for x in bracket)
    where = f"{what}, bracket ({ctx.nstr(a, 10)}, {ctx.nstr(b, 10)}), dps={ctx.dps}"
    sa, sb = (ctx.sign(f(a)), ctx.sign(f(b))) if signs is None else signs
    backend = _backend(ctx)
    if sa == 0:
        return Root(a, (a, a), 0, backend)
    if sb == 0:
        return Root(b, (b, b), 0, backend)
    if not sa * sb < 0:
        raise ConvergenceError(f"no sign change: {where}")
    tol = ctx.mpf(2) ** (-(3 * ctx.prec) // 4)
    x, polish, dx_old = _middle(ctx, a, b), False, b - a
    for step in range(1, (max_steps or _max_steps(ctx)) + 1):
        fx = f(x)
        s = ctx.sign(fx)
        if s == 0:
            return Root(x, (x, x), step, backend)
        if s == sa:
            a = x
        else:
            b = x
        if b - a <= 4 * ctx.eps * max(abs(a), abs(b)):
            return Root(x, (a, b), step, backend)
        d = df(x)
        dx = fx / d if d != 0 and ctx.isfinite(d) else None
        # A Newton step is kept inside the bracket and only while it at least halves the step
        # before last (as in Numerical Recipes' rtsafe); otherwise bisect.  Near a double root or
        # at a noise floor the Newton steps stop shrinking and bisection takes over.
        inside = dx is not None and a <= x - dx <= b
        if inside and (polish or x - dx == x):  # converged: the last step was at the rounding level
            return Root(x - dx, (a, b), step, backend)
        if not inside or abs(dx) > abs(dx_old) / 2:
            x_new, polish, dx_old = _middle(ctx, a, b), False, (b - a) / 2
        else:
            x_new, dx_old = x - dx, dx
            polish = abs(dx) <= tol * abs(x_new)
        x = x_new
    raise ConvergenceError(f"no convergence in {max_steps or _max_steps(ctx)} steps: {where}")


def tangency(ctx, F, J, *, reduced, recover, bracket, what: str, max_steps: int | None = None) -> Root:
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
    lo_end, hi_end = (ctx.mpf(v) for v in bracket)
    a, b = lo_end, hi_end
    ha = reduced(a)
    where = f"{what}, bracket ({ctx.nstr(a, 10)}, {ctx.nstr(b, 10)}), dps={ctx.dps}"
    if not ha * reduced(b) < 0:
        raise ConvergenceError(f"no sign change of the reduced condition: {where}")
    tol, floor = ctx.mpf(2) ** (-(3 * ctx.prec) // 4), ctx.mpf(2) ** (-ctx.prec // 2)
    x = _middle(ctx, a, b)
    y = recover(x)
    polish, previous = False, None
    steps = max_steps or _max_steps(ctx)
    for taken in range(1, steps + 1):
        h = reduced(x)
        if h == 0:
            break
        if (h > 0) == (ha > 0):
            a, ha = x, h
        else:
            b = x
        if b - a <= 4 * ctx.eps * abs(x):  # the bracket itself is at the rounding level
            break
        (f0, f1), ((j00, j01), (j10, j11)) = F(x, y), J(x, y)
        det = j00 * j11 - j01 * j10
        newton = det != 0 and ctx.isfinite(det)
        if newton:
            x_new = x - (j11 * f0 - j01 * f1) / det
            y_new = y - (j00 * f1 - j10 * f0) / det
            if x_new == x and y_new == y:  # a step of exactly zero: converged
                break
            newton = (a <= x_new <= b and ctx.isfinite(y_new)
                      and abs(y_new - recover(x_new)) <= abs(y_new) / 8)
        if not newton and polish:  # converged; the last Newton step was at the rounding level
            break
        if not newton:  # bisection step on the reduced function
            x_new = _middle(ctx, a, b)
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
    for digits in range(ctx.dps - 5, 2, -3):
        delta = abs(x) * ctx.mpf(10) ** (-digits)
        lo, hi = max(x - delta, lo_end), min(x + delta, hi_end)
        if reduced(lo) * reduced(hi) < 0:
            ends = sorted((recover(lo), recover(hi)))
            return Root(y, (min(ends[0], y), max(ends[1], y)), taken, _backend(ctx), at=x)
    raise ConvergenceError(f"no sign change of the reduced condition around {ctx.nstr(x, 10)}: {where}")


def enclose(ctx, f, x, *, what: str, max_width_bits: int | None = None) -> Root:
    """A certified enclosure of a root of ``f`` near ``x``, in ball arithmetic.

    ``ctx`` is the context of a ball backend (:class:`numerics.backend_arb.ArbContext`), ``f``
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
                return Root(hull, (lo, hi), steps + 1)
        bits -= 8
    raise ConvergenceError(f"{what}: no certified sign change of the condition within a relative distance "
                           f"2**-{widest} of {ctx.nstr(x, 20)} at {prec} bits")


def exclude_roots(ctx, f, a, b, *, df, what: str, zero_at_end: bool = False, budget: int = 20_000) -> int:
    """Certify, in ball arithmetic, that ``f`` has no root on ``[a, b]`` (on ``[a, b)`` with
    ``zero_at_end``, where ``f(b)`` must be exactly 0); raise :class:`ConvergenceError` if that
    cannot be shown.

    ``ctx``, ``f`` as for :func:`enclose`, ``a < b`` exact points, ``df`` the derivative of ``f``
    (on balls).  Near ``b``, where ``f`` may come as close to 0 as a root enclosed there, ``f``
    is shown monotone (``df`` of one sign on ``[b - w, b]``, ``w`` from ``2**-10`` down to
    ``2**-40`` relative to ``b``) with the sign of ``f(a)`` at ``b - w`` (and at ``b``, or tending
    to ``f(b) = 0`` there); on ``[a, b - w]`` the sign of ``f`` is certified on sub-balls split
    in halves where undecided, at most ``budget`` evaluations.  Returns the evaluations taken.
    """
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
