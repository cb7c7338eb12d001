"""Root finding with certificates: bracket on a grid, solve (float64 or mpmath), verify.

A solver here never returns a guess: no sign change, no convergence or a residual that is
too large raises :class:`ConvergenceError`, naming what was solved, the bracket and the
precision.  Every solver takes a backend first, ``ctx``: None for float64 (Brent's method,
``scipy.optimize.brentq``, imported on first use so that ``import theory`` stays light) or
an mpmath context (Anderson-Bjorck false position with bisection safeguards, steps sized to
the context's precision).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = ["ConvergenceError", "PrecisionError", "Root", "bracketed_root", "brentq", "grow_bracket",
           "newton_bracketed", "root", "sign_changes", "tangency"]


class ConvergenceError(ArithmeticError):
    """A root finder found no sign change, or did not converge within its budget."""


class PrecisionError(ArithmeticError):
    """Two evaluations at different precisions disagree beyond the requested digits."""


@dataclass(frozen=True)
class Root:
    """A root with the bracket that contains it (``bracket`` is None for a closed form)."""

    value: Any
    bracket: tuple | None


def brentq(f, a, b, *, what: str = "root", xtol: float = 1e-15, rtol: float = 8.881784197001252e-16,
           maxiter: int = 200):
    """``scipy.optimize.brentq`` on ``[a, b]`` (float64), its failures as :class:`ConvergenceError`."""
    from scipy.optimize import brentq as _brentq

    try:
        x, info = _brentq(f, a, b, xtol=xtol, rtol=rtol, maxiter=maxiter, full_output=True, disp=False)
    except ValueError as exc:  # f(a) and f(b) of the same sign, or not finite
        raise ConvergenceError(f"{what}: no sign change on the bracket [{a:.12g}, {b:.12g}], dps=None "
                               f"({exc})") from None
    if not info.converged:
        raise ConvergenceError(f"{what}: no convergence in {maxiter} steps on [{a:.12g}, {b:.12g}], dps=None")
    return float(x)


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


def root(ctx, f, a, b, *, what: str):
    """A root of ``f`` on the sign-change bracket ``[a, b]``: ``(root, (lo, hi))`` in float64
    (``ctx`` None, :func:`brentq`) or in the mpmath context ``ctx`` (:func:`bracketed_root`)."""
    if ctx is None:
        x = brentq(f, float(a), float(b), what=what)
        return x, (float(min(a, b)), float(max(a, b)))
    return bracketed_root(ctx, f, a, b, what=what)


def grow_bracket(ctx, f, center, half, what: str, *, limit, sign=None):
    """Solve ``f = 0`` near ``center``: try ``[center - half, center + half]``, widening by 10x
    (up to ``limit``: a half-width, or an interval ``(lo, hi)``) until the signs differ.

    ``sign=+1`` asks for ``f(lo) > 0 > f(hi)`` (e.g. a maximum when ``f`` is a slope), ``-1``
    the reverse; None takes any sign change.  Float64 when ``ctx`` is None, else in ``ctx``.
    Returns ``(root, bracket)``; raises :class:`ConvergenceError` when the widest bracket has
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
    if sa == 0:
        return Root(a, (a, a))
    if sb == 0:
        return Root(b, (b, b))
    if not sa * sb < 0:
        raise ConvergenceError(f"no sign change: {where}")
    tol = ctx.mpf(2) ** (-(3 * ctx.prec) // 4)
    x, polish, dx_old = _middle(ctx, a, b), False, b - a
    for _ in range(max_steps or _max_steps(ctx)):
        fx = f(x)
        s = ctx.sign(fx)
        if s == 0:
            return Root(x, (x, x))
        if s == sa:
            a = x
        else:
            b = x
        if b - a <= 4 * ctx.eps * max(abs(a), abs(b)):
            return Root(x, (a, b))
        d = df(x)
        dx = fx / d if d != 0 and ctx.isfinite(d) else None
        # A Newton step is kept inside the bracket and only while it at least halves the step
        # before last (as in Numerical Recipes' rtsafe); otherwise bisect.  Near a double root or
        # at a noise floor the Newton steps stop shrinking and bisection takes over.
        inside = dx is not None and a <= x - dx <= b
        if inside and (polish or x - dx == x):  # converged: the last step was at the rounding level
            return Root(x - dx, (a, b))
        if not inside or abs(dx) > abs(dx_old) / 2:
            x_new, polish, dx_old = _middle(ctx, a, b), False, (b - a) / 2
        else:
            x_new, dx_old = x - dx, dx
            polish = abs(dx) <= tol * abs(x_new)
        x = x_new
    raise ConvergenceError(f"no convergence in {max_steps or _max_steps(ctx)} steps: {where}")


def tangency(ctx, F, J, *, reduced, recover, bracket, what: str, max_steps: int | None = None) -> tuple:
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
    (x, Root)
        ``x`` and ``Root(y, (y_low, y_high))``.

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
    for _ in range(steps):
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
            return x, Root(y, (min(ends[0], y), max(ends[1], y)))
    raise ConvergenceError(f"no sign change of the reduced condition around {ctx.nstr(x, 10)}: {where}")
