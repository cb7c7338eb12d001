"""Input checks shared by the public API: every bad input raises ``ValueError`` naming the
parameter and the allowed range; user strings are parsed as numbers, never evaluated."""

from __future__ import annotations

import numbers
from decimal import Decimal
from fractions import Fraction

import mpmath
import numpy as np

_NUMBER_TYPES = "int, float, fractions.Fraction, decimal.Decimal, an mpmath number or a decimal string"


def check_p(p) -> int:
    """``p`` as a Python int; it must be an integer >= 3 (an int, not a float)."""
    if isinstance(p, (bool, np.bool_)) or not isinstance(p, numbers.Integral) or p < 3:
        raise ValueError(f"p must be an integer >= 3, got {p!r}")
    return int(p)


def check_dps(dps) -> int | None:
    """``dps`` as an int >= 1, or None (float64)."""
    if dps is None:
        return None
    if isinstance(dps, (bool, np.bool_)) or not isinstance(dps, numbers.Integral) or dps < 1:
        raise ValueError(f"dps must be an integer >= 1 (decimal digits) or None, got {dps!r}")
    return int(dps)


def exact(name: str, x) -> Fraction:
    """The exact rational value of a scalar number; strings are parsed, never evaluated.

    A float or an mpmath number stands for its binary value exactly; ``"0.7"`` and
    ``Fraction(7, 10)`` stand for seven tenths, so that high-precision work sees exact input.
    """
    if isinstance(x, (bool, np.bool_)):
        raise ValueError(f"{name} must be a number ({_NUMBER_TYPES}), got {x!r}")
    try:
        if is_mp(x):  # an mpf of any context: its exact binary value
            if not mpmath.isfinite(x):
                raise ValueError
            man, exp = x.man_exp
            return Fraction(man) * Fraction(2) ** exp
        if isinstance(x, str):
            return Fraction(x.strip())
        if isinstance(x, (numbers.Rational, Decimal)):
            return Fraction(x)
        if isinstance(x, numbers.Real):
            return Fraction(float(x))
    except (ValueError, OverflowError, ZeroDivisionError, TypeError):
        pass
    raise ValueError(f"{name} must be a finite number ({_NUMBER_TYPES}), got {x!r}")


def positive_exact(name: str, x) -> Fraction:
    """:func:`exact`, requiring a positive finite value."""
    value = exact(name, x)
    if value <= 0:
        raise ValueError(f"{name} must be a positive finite number, got {x!r}")
    return value


def overlap_exact(name: str, x) -> Fraction:
    """:func:`exact`, requiring a value in the open interval (-1, 1)."""
    value = exact(name, x)
    if not -1 < value < 1:
        raise ValueError(f"{name} must lie in the open interval (-1, 1), got {x!r}")
    return value


def float_array(name: str, x, *, low=None, high=None, low_open=True) -> np.ndarray:
    """``x`` as a float64 array, finite and within ``(low, high)`` (``[low, ...`` if not low_open)."""
    try:
        a = np.asarray(x, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a real number or an array of real numbers, got {x!r}") from None
    if a.size:
        lo, hi = a.min(), a.max()  # NaN propagates into both and fails every test below
        ok = np.isfinite(lo) and np.isfinite(hi)
        if ok and low is not None:
            ok = lo > low if low_open else lo >= low
        if ok and high is not None:
            ok = hi < high
        if not ok:
            bracket = "(" if low_open else "["
            rng = {(True, False): f"> {low}" if low_open else f">= {low}",
                   (True, True): f"in {bracket}{low}, {high})",
                   (False, True): f"< {high}", (False, False): "finite"}[(low is not None, high is not None)]
            raise ValueError(f"{name} must be finite and {rng}, got {x!r}")
    return a


def positive_array(name: str, x) -> np.ndarray:
    """A float64 array of positive finite values (noise variances)."""
    return float_array(name, x, low=0.0)


def is_mp(x) -> bool:
    """Whether ``x`` is an mpmath real (of any context)."""
    return hasattr(x, "_mpf_")
