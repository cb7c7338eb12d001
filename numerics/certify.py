"""The one certification rule behind every ``dps=`` result (design section 6).

A quantity computed by ``compute(ctx)`` in a private mpmath context is *certified* to ``dps``
significant digits when two evaluations, at ``dps + g`` and ``dps + g + CHECK_DIGITS`` digits,
agree beyond ``dps`` digits; where they do not (cancellation: the inputs need more precision)
the guard ``g`` grows fourfold and the pair is evaluated again, up to a ceiling, after which
:class:`~numerics.solvers.PrecisionError` names both precisions.  The rule lives below the API
so that ``numerics`` can certify its own inner solves; ``theory._precision`` re-exports it.

Beside it, the one float64 policy behind every ``dps=None`` result, :func:`evaluate_float`:
evaluate in float64; the entries float64 could not resolve (nan, 0 or inf from an overflow or
underflow on the way) are recomputed from the exact inputs, certified to 17 digits by the rule
above and rounded to a double, or raise a ValueError suggesting ``dps=`` where the value itself
is beyond the normal float64 range.

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

__all__ = ["BLOCK", "CHECK_DIGITS", "FLOAT_DIGITS", "FLOAT_ERRORS", "GUARD_DIGITS", "HUGE",
           "MAX_GUARD_FACTOR", "TINY", "Certified", "certified", "certify", "context", "dps_of",
           "evaluate_float", "export", "nan_or_zero", "nonfinite", "to_float", "to_mp"]

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


# --- float64 with exact recomputation ---------------------------------------------------------

#: Significant digits at which an entry float64 could not resolve is recomputed: 17 decimal
#: digits determine a double.
FLOAT_DIGITS = 17
#: Entries per block of an elementwise evaluation (:func:`evaluate_float` with ``blocks=True``):
#: 512 KiB of float64, so that each block's temporaries and checks stay in cache.
BLOCK = 1 << 16
#: The ends of the normal float64 range: a value float64 holds to full relative precision is 0,
#: infinite, or of magnitude in ``[TINY, HUGE]``.
TINY = float(np.finfo(np.float64).tiny)
HUGE = float(np.finfo(np.float64).max)


def nonfinite(out: np.ndarray):
    """The entries of a float64 result that are nan or infinite (an intermediate overflowed),
    or None when there are none (one reduction in that usual case)."""
    if out.size == 0 or np.isfinite(np.sum(out)):
        return None
    return ~np.isfinite(out)


def nan_or_zero(out: np.ndarray):
    """The entries of a positive float64 result (a threshold) that came out nan (an overflow on
    the way) or 0 (an underflow), or None when there are none (one reduction in that usual case)."""
    if out.size == 0 or out.min() > 0:
        return None
    return np.isnan(out) | (out == 0)


def to_float(value, what: str) -> float:
    """An mpf as a double where float64 holds it to full relative precision (0, +-inf or a
    normal magnitude), else a ValueError suggesting ``dps=``."""
    if value == 0 or not mpmath.isfinite(value) or TINY <= abs(value) <= HUGE:
        return float(value)
    raise ValueError(f"{what}: the value {mpmath.nstr(value, 6)} is outside the float64 range; float64 cannot "
                     f"resolve it, pass dps=")


#: What a float64 evaluation raises where float64 cannot hold an intermediate (a Python float
#: overflowing, a division by a zero it underflowed to); with
#: :class:`numerics.model.FloatRangeError` (an exact input beyond the double range) every entry
#: is then recomputed from the exact inputs.
FLOAT_ERRORS = (OverflowError, ZeroDivisionError)


def evaluate_float(evaluate, exact, what, *, args=(), shape=None, blocks=False, unresolved=nonfinite,
                   undefined=None) -> np.ndarray:
    """A float64 result, with the entries float64 cannot resolve recomputed from exact inputs.

    The one policy behind every ``dps=None`` result of :mod:`theory`:

    1. ``evaluate(*args)`` runs in float64 (numpy's floating-point warnings silenced) and gives
       the result, broadcast to ``shape``.  Where it raises because float64 cannot hold an input
       or an intermediate (:data:`FLOAT_ERRORS`, :class:`numerics.model.FloatRangeError`), or
       where ``evaluate`` is None, every entry is unresolved.
    2. ``unresolved(out)`` marks the entries float64 did not resolve (:func:`nonfinite` by
       default; :func:`nan_or_zero` for a positive quantity; an evaluation may mark an entry
       itself by returning nan there), or returns None when there are none: one reduction in the
       usual case, no repair pass.
    3. Each unresolved entry is recomputed from the exact inputs: ``exact(index)`` returns
       ``compute(ctx)`` (an mpf, or a :class:`~numerics.solvers.Root`), certified to
       :data:`FLOAT_DIGITS` digits by :func:`certify` and rounded to a double.  Where it raises
       ``undefined`` (the quantity does not exist there) the entry is nan; where the value
       itself is beyond the normal float64 range (a subnormal or above the largest double:
       float64 would keep fewer digits than it promises) a ValueError suggests ``dps=``.

    Parameters
    ----------
    evaluate : callable or None
        ``evaluate(*args) -> array_like`` in float64.
    exact : callable
        ``exact(index) -> compute``, ``index`` a tuple into the result (``()`` for a scalar).
    what : str or callable
        What is computed, for messages (``what(index)`` when callable).
    args : tuple of ndarray
        Float64 inputs of ``evaluate``.
    shape : tuple, optional
        The shape of the result (default: the broadcast shape of ``args`` and of the
        evaluation; ``()`` without either).
    blocks : bool
        Whether ``evaluate`` is elementwise in ``args`` (broadcast to ``shape``): it then runs on
        blocks of :data:`BLOCK` entries, so that its temporaries and the check of step 2 stay in
        cache (an evaluation may also check its inputs there, raising a ValueError).
    unresolved : callable
        ``unresolved(out) -> bool mask or None``.
    undefined : exception class, optional
        Raised by ``compute`` where the quantity is undefined (nan, documented).

    Returns
    -------
    numpy.ndarray
        float64, of ``shape`` (0-d for a scalar): the evaluation's own array where nothing was
        recomputed and no broadcasting was needed (no copy pass), else a new one.

    Examples
    --------
    >>> import numpy as np
    >>> from fractions import Fraction
    >>> x = [Fraction(1, 10**200), Fraction(4), Fraction(1, 10**400)]  # the last is 0 in float64
    >>> xf = np.array([float(v) for v in x])
    >>> out = evaluate_float(np.sqrt, lambda i: lambda ctx: ctx.sqrt(to_mp(ctx, x[i[0]])), "sqrt", args=(xf,),
    ...                      unresolved=nan_or_zero)
    >>> [f"{v:.3g}" for v in out]  # sqrt(1e-400) = 1e-200 is a normal double
    ['1e-100', '2', '1e-200']
    >>> evaluate_float(None, lambda i: lambda ctx: ctx.mpf(10) ** -400, "1e-400")
    Traceback (most recent call last):
        ...
    ValueError: 1e-400: the value 1.0e-400 is outside the float64 range; float64 cannot resolve it, pass dps=
    """
    from numerics.model import FloatRangeError

    given = shape is not None
    shape = tuple(shape) if given else np.broadcast_shapes(*(np.shape(a) for a in args))
    out, owned = None, True
    if evaluate is not None:
        with np.errstate(all="ignore"):
            try:
                if blocks and shape:
                    out, bad = _blocked(evaluate, args, shape, unresolved)
                else:
                    out = np.asarray(evaluate(*args), dtype=np.float64)
                    if not given:
                        shape = np.broadcast_shapes(shape, out.shape)
                    owned = out.shape != shape
                    if owned:
                        out = np.array(np.broadcast_to(out, shape))
                    bad = unresolved(out)
                    bad = None if bad is None else np.argwhere(np.broadcast_to(bad, shape))
            except FLOAT_ERRORS + (FloatRangeError,):
                out = None
    if out is None:
        out, owned = np.full(shape, np.nan), True
        bad = np.argwhere(np.ones(shape, dtype=bool))
    if bad is not None:
        if not owned:  # written below: never into an array the evaluation may share
            out = np.array(out)
        for row in bad:
            index = tuple(int(i) for i in row)
            out[index] = _recompute(exact(index), what(index) if callable(what) else what, undefined)
    return out


def _blocked(evaluate, args, shape, unresolved):
    """``evaluate`` on blocks of :data:`BLOCK` entries: the result and its unresolved entries
    (rows of indices; None when there are none)."""
    flat = [np.ravel(np.broadcast_to(np.asarray(a, dtype=np.float64), shape)) for a in args]
    size = int(np.prod(shape, dtype=np.int64))
    out = np.empty(size)
    found = []
    for start in range(0, size, BLOCK):
        part = np.asarray(evaluate(*(a[start:start + BLOCK] for a in flat)), dtype=np.float64)
        out[start:start + part.size] = part
        bad = unresolved(part)
        if bad is not None:
            found.append(start + np.flatnonzero(bad))
    out = out.reshape(shape)
    if not found:
        return out, None
    return out, np.column_stack(np.unravel_index(np.concatenate(found), shape))


def _recompute(compute, what: str, undefined) -> float:
    """One entry float64 could not resolve, certified to :data:`FLOAT_DIGITS` digits from the
    exact inputs and rounded to a double (nan where ``undefined`` is raised)."""
    try:
        value = certify(lambda ctx: _value(compute(ctx)), FLOAT_DIGITS, what)
    except undefined or ():
        return float("nan")
    return to_float(value, what)


def _value(x):
    return x.value if isinstance(x, Root) else x
