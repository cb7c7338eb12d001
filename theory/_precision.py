"""Local mpmath contexts: library code never touches ``mpmath.mp.dps``."""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache

import mpmath

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
