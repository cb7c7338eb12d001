"""The one certification rule behind every ``dps=`` result (design section 6).

A quantity computed by ``compute(ctx)`` in a private mpmath context is *certified* to ``dps``
significant digits when two evaluations, at ``dps + g`` and ``dps + g + CHECK_DIGITS`` digits,
agree beyond ``dps`` digits; where they do not (cancellation: the inputs need more precision)
the guard ``g`` grows fourfold and the pair is evaluated again, up to a ceiling, after which
:class:`~numerics.solvers.PrecisionError` names both precisions.  The rule lives below the API
so that ``numerics`` can certify its own inner solves; ``theory._precision`` re-exports it.

The contexts come from the one cache :func:`numerics.backend.context`.

>>> from numerics.certify import certify
>>> import mpmath
>>> mpmath.nstr(certify(lambda ctx: ctx.sqrt(2), 30, "sqrt(2)"), 30)
'1.41421356237309504880168872421'
"""

from __future__ import annotations

import dataclasses
from fractions import Fraction
from typing import Any, NamedTuple

import mpmath
import numpy as np

from numerics.backend import context
from numerics.solvers import PrecisionError, Root

__all__ = ["CHECK_DIGITS", "GUARD_DIGITS", "MAX_GUARD_FACTOR", "Certified", "certified", "certify",
           "context", "dps_of", "export", "to_mp"]

#: Extra digits carried while computing at a requested ``dps``.
GUARD_DIGITS = 10
#: The result is confirmed against a second evaluation this many digits higher.
CHECK_DIGITS = 20
#: A result that does not certify at ``dps + GUARD_DIGITS`` is retried with this many times
#: more guard digits, up to :data:`MAX_GUARD_FACTOR` times ``dps + 50`` digits.
MAX_GUARD_FACTOR = 8


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


class Certified(NamedTuple):
    """What :func:`certified` found: the exported ``value`` (rounded to ``dps`` digits), the
    ``raw`` higher evaluation (unrounded, in its context), the absolute ``error`` between the two
    evaluations (largest over the numbers compared) and the two precisions ``(low, high)``."""

    value: Any
    raw: Any
    error: float
    precisions: tuple


def certified(compute, dps: int, what: str) -> Certified:
    """``compute(ctx)`` correct to ``dps`` significant digits, with its certificate.

    ``compute`` takes an mpmath context and returns an mpf, a :class:`~numerics.solvers.Root`
    (its ``value`` is compared, its bracket comes from the higher evaluation), a tuple of those
    (or None, bool, int, str, passed through), or an object array of mpf; it must convert its
    exact inputs inside that context, so that a higher precision also sees more digits of the
    input.  It is evaluated at ``dps + g`` and ``dps + g + CHECK_DIGITS`` digits with
    ``g = GUARD_DIGITS``; where the two disagree in relative terms by more than ``10**-(dps+1)``,
    ``g`` grows fourfold and the pair is evaluated again, until the precision exceeds
    ``MAX_GUARD_FACTOR * (dps + 50)``, when :class:`~numerics.solvers.PrecisionError` names both
    precisions.
    """
    guard = GUARD_DIGITS
    while True:
        precisions = (dps + guard, dps + guard + CHECK_DIGITS)
        low = compute(context(precisions[0]))
        high = compute(context(precisions[1]))
        worst, error = _disagreement(low, high)
        if worst <= mpmath.mpf(10) ** (-(dps + 1)):
            return Certified(_export_tree(high, dps), high, error, precisions)
        if precisions[1] > MAX_GUARD_FACTOR * (dps + 50):
            raise PrecisionError(f"{what}: the values at dps={precisions[0]} and dps={precisions[1]} "
                                 f"differ in relative terms by {mpmath.nstr(worst, 3)}; {dps} digits are not "
                                 f"certified")
        guard *= 4


def certify(compute, dps: int, what: str):
    """``compute(ctx)`` correct to ``dps`` significant digits, or :class:`PrecisionError`:
    the value of :func:`certified` (the higher evaluation rounded to ``dps`` digits by
    :func:`export`)."""
    return certified(compute, dps, what).value


def _leaves(x):
    if x is None:
        return []
    if isinstance(x, Root):
        return _leaves(x.value)
    if isinstance(x, (tuple, list)):
        return [leaf for item in x for leaf in _leaves(item)]
    if hasattr(x, "dtype") and x.dtype == object:
        return [leaf for item in x.ravel() for leaf in _leaves(item)]
    return [x]


def _disagreement(low, high):
    """``(relative, absolute)``: the largest differences between corresponding numbers (0 where
    both are equal, infinite where a value is not finite in one of them only)."""
    worst, error = mpmath.mpf(0), 0.0
    a, b = _leaves(low), _leaves(high)
    if len(a) != len(b):
        return mpmath.inf, float("inf")
    for x, y in zip(a, b):
        if isinstance(y, (bool, int, str)) or x == y:
            continue
        if not (mpmath.isfinite(x) and mpmath.isfinite(y)):
            return mpmath.inf, float("inf")
        worst = max(worst, abs(y - x) / max(abs(y), abs(x)))
        error = max(error, float(abs(y - x)))
    return worst, error


def _export_tree(x, dps: int):
    if x is None or isinstance(x, (bool, int, str)):
        return x
    if isinstance(x, Root):
        return dataclasses.replace(x, value=_export_tree(x.value, dps))
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
