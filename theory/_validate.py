"""Input checks shared by the public API: every bad input raises ``ValueError`` naming the
parameter and the allowed range; user strings are parsed as numbers, never evaluated."""

from __future__ import annotations

import numbers
import re
from decimal import Decimal
from fractions import Fraction

import mpmath
import numpy as np

_NUMBER_TYPES = "int, float, fractions.Fraction, decimal.Decimal, an mpmath number or a decimal string"

#: Exact inputs are refused beyond ``10**MAX_DECIMAL_EXPONENT`` in magnitude (or below its
#: inverse): a bound far outside any physical parameter, checked *before* a string such as
#: ``"1e99999999"`` is expanded into a hundred-million-digit integer (which would hang).
MAX_DECIMAL_EXPONENT = 10_000
#: Longest string accepted as a number (a 10,000-digit decimal is far beyond any ``dps``).
MAX_STRING_LENGTH = 20_000
#: Largest tensor order accepted: beyond it ``p`` overflows float64 kernels (``q**p``, ``p!``)
#: long before it means anything physical.
MAX_ORDER = 10_000
#: Largest ``dps`` accepted: mpmath at more digits than this takes minutes per operation.
MAX_DPS = 10_000

_MAX_BITS = int(MAX_DECIMAL_EXPONENT * 3.3219280948873626) + 1  # log2(10)
_DECIMAL = re.compile(r"\s*[+-]?(?P<int>\d[\d_]*)?(?:\.(?P<frac>\d[\d_]*)?)?(?:[eE](?P<exp>[+-]?\d[\d_]*))?\s*")


def _integer(x):
    """A Python int from any integer type (numpy integers included), else None."""
    if isinstance(x, numbers.Integral):
        return int(x)
    return None


def check_p(p) -> int:
    """``p`` as a Python int; it must be an integer in ``[3, MAX_ORDER]`` (an int, not a float)."""
    if isinstance(p, (bool, np.bool_)) or not isinstance(p, numbers.Integral) or p < 3:
        raise ValueError(f"p must be an integer >= 3, got {p!r}")
    if p > MAX_ORDER:
        raise ValueError(f"p must be an integer >= 3 and at most {MAX_ORDER}, got {_short(int(p))}")
    return int(p)


def check_dps(dps) -> int | None:
    """``dps`` as an int in ``[1, MAX_DPS]``, or None (float64)."""
    if dps is None:
        return None
    if isinstance(dps, (bool, np.bool_)) or not isinstance(dps, numbers.Integral) or not 1 <= dps <= MAX_DPS:
        raise ValueError(f"dps must be an integer >= 1 (decimal digits, at most {MAX_DPS}) or None, got {dps!r}")
    return int(dps)


class _Refused(ValueError):
    """A refusal already worded for the user (re-raised as is)."""


def _too_large(name: str, x) -> ValueError:
    return _Refused(f"{name} must be a finite number of magnitude within 10**±{MAX_DECIMAL_EXPONENT}, "
                      f"got {_short(x)}")


def _short(x) -> str:
    """``repr(x)``, cut to a readable length (and safe for integers too long to print)."""
    if isinstance(x, int) and x.bit_length() > 1000:
        return f"an integer of {x.bit_length()} bits"
    try:
        text = repr(x)
    except ValueError:
        return f"a {type(x).__name__} too large to print"
    return text if len(text) <= 80 else f"{text[:60]}...({len(text)} characters)"


def _check_magnitude(name: str, value: Fraction, x) -> Fraction:
    if value and abs(value.numerator.bit_length() - value.denominator.bit_length()) > _MAX_BITS:
        raise _too_large(name, x)
    return value


def exact(name: str, x) -> Fraction:
    """The exact rational value of a scalar number; strings are parsed, never evaluated.

    A float or an mpmath number stands for its binary value exactly; ``"0.7"`` and
    ``Fraction(7, 10)`` stand for seven tenths, so that high-precision work sees exact input.
    numpy scalars (and 0-d arrays) are taken as their Python value.  Magnitudes beyond
    ``10**MAX_DECIMAL_EXPONENT`` either way are refused before they are expanded.

    Examples
    --------
    >>> import numpy as np
    >>> exact("delta_p", np.int64(3)), exact("delta_p", "0.25"), exact("m", np.float32(0.5))
    (Fraction(3, 1), Fraction(1, 4), Fraction(1, 2))
    >>> exact("delta_p", "1e99999999")
    Traceback (most recent call last):
        ...
    ValueError: delta_p must be a finite number of magnitude within 10**±10000, got '1e99999999'
    """
    if isinstance(x, np.ndarray) and x.ndim == 0 and x.dtype.kind in "iuf":
        x = x.item()
    if isinstance(x, (bool, np.bool_)):
        raise ValueError(f"{name} must be a number ({_NUMBER_TYPES}), got {x!r}")
    try:
        if is_mp(x):  # an mpf of any context: its exact binary value
            if not mpmath.isfinite(x):
                raise ValueError
            man, exp = x.man_exp
            if man and abs(exp + int(man).bit_length()) > _MAX_BITS:
                raise _too_large(name, x)
            return Fraction(int(man)) * Fraction(2) ** int(exp)
        if isinstance(x, str):
            if len(x) > MAX_STRING_LENGTH:
                raise _too_large(name, x)
            match = _DECIMAL.fullmatch(x)
            if match and match["exp"] is not None:
                digits = len((match["int"] or "").replace("_", ""))
                if abs(int(match["exp"].replace("_", ""))) > MAX_DECIMAL_EXPONENT + digits + 1:
                    raise _too_large(name, x)
            return _check_magnitude(name, Fraction(x.strip()), x)
        if isinstance(x, Decimal):
            if x.is_finite() and x and abs(x.adjusted()) > MAX_DECIMAL_EXPONENT:
                raise _too_large(name, x)
            return _check_magnitude(name, Fraction(x), x)
        integer = _integer(x)
        if integer is not None:
            return _check_magnitude(name, Fraction(integer), x)
        if isinstance(x, numbers.Rational):
            return _check_magnitude(name, Fraction(int(x.numerator), int(x.denominator)), x)
        if isinstance(x, numbers.Real):
            return Fraction(float(x))
    except _Refused as exc:
        raise ValueError(str(exc)) from None
    except (ValueError, OverflowError, ZeroDivisionError, TypeError):
        pass
    raise ValueError(f"{name} must be a finite number ({_NUMBER_TYPES}), got {_short(x)}")


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
    """``x`` as a float64 array, finite and within ``(low, high)`` (``[low, ...`` if not low_open).

    Booleans, ragged nestings, complex values and numbers beyond float64 are ``ValueError``s
    naming ``name``.
    """
    if isinstance(x, (bool, np.bool_)) or (isinstance(x, np.ndarray) and x.dtype == np.bool_):
        raise ValueError(f"{name} must be a real number or an array of real numbers, got {_short(x)}")
    if isinstance(x, str) and len(x) > MAX_STRING_LENGTH:
        raise _too_large(name, x)
    try:
        a = np.asarray(x, dtype=np.float64)
    except (TypeError, ValueError, OverflowError) as exc:
        what = "a rectangular array" if "inhomogeneous" in str(exc) or "sequence" in str(exc) else "an array"
        raise ValueError(f"{name} must be a real number or {what} of real numbers, got {_short(x)}") from None
    except _RecursionErrors:
        raise ValueError(f"{name} must be a real number or an array of real numbers, got {_short(x)}") from None
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
                   (False, True): f"< {high}", (False, False): ""}[(low is not None, high is not None)]
            raise ValueError(f"{name} must be finite{' and ' + rng if rng else ''}, got {_short(x)}")
    return a


_RecursionErrors = (RecursionError, MemoryError)


def positive_array(name: str, x) -> np.ndarray:
    """A float64 array of positive finite values (noise variances)."""
    return float_array(name, x, low=0.0)


def is_scalar(x) -> bool:
    """Whether ``x`` is one number (not a list, tuple or array; a 0-d array is not a scalar
    either), decided without building an array, so a ragged list is never a numpy error here.

    >>> is_scalar(0.5), is_scalar("0.5"), is_scalar([0.5, [1.0]]), is_scalar(np.float64(1))
    (True, True, False, True)
    """
    return not isinstance(x, (list, tuple, np.ndarray)) and np.ndim(x) == 0


def is_mp(x) -> bool:
    """Whether ``x`` is an mpmath real (of any context)."""
    return hasattr(x, "_mpf_")
