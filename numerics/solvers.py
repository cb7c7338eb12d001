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
           "root", "sign_changes"]


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

