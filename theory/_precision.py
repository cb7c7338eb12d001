"""Local mpmath contexts: library code never touches ``mpmath.mp.dps``."""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache

import mpmath
import numpy as np

#: Extra digits carried while computing at a requested ``dps``.
GUARD_DIGITS = 10
#: The result is confirmed against a second evaluation this many digits higher.
CHECK_DIGITS = 20


@lru_cache(maxsize=64)
def context(dps: int) -> mpmath.ctx_mp.MPContext:
    """A private mpmath context working at ``dps`` decimal digits (never mutated)."""
    ctx = mpmath.MPContext()
    ctx.dps = dps
    return ctx


def to_mp(ctx, value: Fraction):
    """An exact rational rounded once into ``ctx``."""
    return ctx.mpf(value.numerator) / ctx.mpf(value.denominator)


def export(value, dps: int):
    """``value`` rounded to ``dps`` digits, as an mpf of the global context (not re-rounded
    to the global precision: print it with ``mpmath.nstr(x, dps)``)."""
    rounded = context(dps).mpf(value)
    return mpmath.mp.make_mpf(rounded._mpf_)


def dps_of(x) -> int:
    """Decimal digits carried by an mpmath number (at least the global precision)."""
    return max(mpmath.mp.dps, mpmath.libmp.prec_to_dps(getattr(x, "context", mpmath.mp).prec))


#: A result that does not certify at ``dps + GUARD_DIGITS`` is retried with this many times
#: more guard digits, up to :data:`MAX_GUARD_FACTOR` times ``dps + 50`` digits.
MAX_GUARD_FACTOR = 8


def certify(compute, dps: int, what: str):
    """``compute(ctx)`` correct to ``dps`` significant digits, or :class:`PrecisionError`.

    ``compute`` takes an mpmath context and returns an mpf, a tuple of mpf (or None), or an
    object array of mpf; it must convert its exact inputs inside that context, so that a
    higher precision also sees more digits of the input.  It is evaluated at ``dps + g`` and
    ``dps + g + CHECK_DIGITS`` digits with ``g = GUARD_DIGITS``; where the two disagree beyond
    ``dps`` digits (cancellation: the inputs need more precision), ``g`` grows fourfold and the
    pair is evaluated again, until the precision exceeds ``MAX_GUARD_FACTOR * (dps + 50)``.
    Returns the higher evaluation, rounded to ``dps`` digits by :func:`export`.
    """
    from numerics.solvers import PrecisionError

    guard = GUARD_DIGITS
    while True:
        low = compute(context(dps + guard))
        high = compute(context(dps + guard + CHECK_DIGITS))
        worst = _disagreement(low, high)
        if worst <= mpmath.mpf(10) ** (-(dps + 1)):
            return _export_tree(high, dps)
        if dps + guard + CHECK_DIGITS > MAX_GUARD_FACTOR * (dps + 50):
            raise PrecisionError(f"{what}: the values at dps={dps + guard} and dps={dps + guard + CHECK_DIGITS} "
                                 f"differ in relative terms by {mpmath.nstr(worst, 3)}; {dps} digits are not "
                                 f"certified")
        guard *= 4


def _leaves(x):
    if x is None:
        return []
    if isinstance(x, (tuple, list)):
        return [leaf for item in x for leaf in _leaves(item)]
    if hasattr(x, "dtype") and x.dtype == object:
        return [leaf for item in x.ravel() for leaf in _leaves(item)]
    return [x]


def _disagreement(low, high):
    """Largest relative difference between corresponding numbers (0 where both are equal)."""
    worst = mpmath.mpf(0)
    a, b = _leaves(low), _leaves(high)
    if len(a) != len(b):
        return mpmath.inf
    for x, y in zip(a, b):
        if isinstance(y, (bool, int, str)) or x == y:
            continue
        if not (mpmath.isfinite(x) and mpmath.isfinite(y)):
            return mpmath.inf
        worst = max(worst, abs(y - x) / max(abs(y), abs(x)))
    return worst


def _export_tree(x, dps: int):
    if x is None or isinstance(x, (bool, int, str)):
        return x
    if isinstance(x, tuple):
        return tuple(_export_tree(item, dps) for item in x)
    if isinstance(x, list):
        return [_export_tree(item, dps) for item in x]
    if hasattr(x, "dtype") and x.dtype == object:
        out = np.empty(x.shape, dtype=object)
        for idx in np.ndindex(x.shape):
            out[idx] = _export_tree(x[idx], dps)
        return out
    return export(x, dps) if mpmath.isfinite(x) else mpmath.mp.make_mpf(x._mpf_)
