"""A spiked spherical model as numbers: the covariance ``xi`` and the signal ``g`` as polynomials.

Every kernel of :mod:`numerics` that depends on the model takes a :class:`Field`: the pair
``(xi, g)`` of :class:`Polynomial` objects, evaluated with their derivatives ("jets") in float64
(broadcasting over the argument and over array coefficients) or in an mpmath context. The
public :class:`theory.Model` builds one with exact rational coefficients; the ``(p, delta2,
delta_p)`` shorthand with arrays builds one with array coefficients (:func:`matrix_tensor`).

For channels ``k`` with true variances ``Delta_k`` and assumed variances ``Delta'_k``
(``docs/your_model.md``)::

    g(q)  = sum_k q**k / (k Delta'_k)
    xi(q) = sum_k Delta_k q**k / (k Delta'_k**2)
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from math import perm
from typing import Any

import numpy as np

__all__ = ["Field", "FloatRangeError", "Polynomial", "field", "matrix_tensor"]


class FloatRangeError(ValueError):
    """An exact coefficient or variance that float64 cannot resolve (beyond the normal double
    range): evaluate in an mpmath context instead (``dps=`` in :mod:`theory`)."""


_TINY = float(np.finfo(np.float64).tiny)


@dataclass(frozen=True, eq=False)
class Polynomial:
    """``sum_j c_j q**n_j`` with integer powers ``n_j >= 0``, and its derivatives.

    Parameters
    ----------
    terms : tuple of (int, coefficient)
        Powers with their coefficients: exact ``Fraction`` (any precision), or float64
        numbers/arrays (float64 only; arrays broadcast against the argument).
    """

    terms: tuple[tuple[int, Any], ...]

    def __call__(self, q, k: int = 0, ctx=None):
        """The ``k``-th derivative at ``q``: float64 (broadcast) if ``ctx`` is None, else in ``ctx``."""
        if ctx is None:
            q = np.asarray(q, dtype=np.float64)
            out = np.zeros(np.broadcast_shapes(q.shape, *(np.shape(c) for _, c in self.terms)))
            for n, c in self.terms:
                if n >= k:
                    out = out + _as_float(c) * perm(n, k) * q ** (n - k)
            return out
        q = ctx.mpf(q)
        total = ctx.mpf(0)
        for n, c in self.terms:
            if n >= k:
                total += _as_mp(ctx, c) * perm(n, k) * q ** (n - k)
        return total

    @property
    def exact(self) -> bool:
        """Whether every coefficient is an exact rational (so mpmath evaluation is exact input)."""
        return all(isinstance(c, Fraction) for _, c in self.terms)


def _as_float(c):
    """A coefficient as float64: an exact one must be zero or a normal double (else
    :class:`FloatRangeError`: a Fraction beyond float64 would overflow or round to 0)."""
    if not isinstance(c, Fraction):
        return c
    try:
        f = float(c)
    except OverflowError:
        f = np.inf
    if c and not _TINY <= abs(f) < np.inf:
        raise FloatRangeError(f"float64 evaluation at q: the exact coefficient {_magnitude(c)} (from a noise variance) "
                              f"is outside the normal float64 range, float64 cannot resolve it; evaluate in an "
                              f"mpmath context (ctx=, or dps= in theory)")
    return f


def _magnitude(c: Fraction) -> str:
    """``~1e-400``: the decimal order of an exact number beyond float64."""
    from math import log10

    e = (c.numerator.bit_length() - c.denominator.bit_length()) * log10(2) if c else 0
    return f"~1e{round(e):+d}"


def _as_mp(ctx, c):
    if isinstance(c, Fraction):
        return ctx.mpf(c.numerator) / ctx.mpf(c.denominator)
    if isinstance(c, np.ndarray):
        raise TypeError("an mpmath evaluation needs scalar coefficients")
    return ctx.mpf(c)


@dataclass(frozen=True, eq=False)
class Field:
    """The spiked Gaussian field ``L = -N g(m) + V``, ``E[V V'] = N xi``.

    Attributes
    ----------
    xi, g : Polynomial
        Covariance and signal function.
    bayes_optimal : bool
        Whether ``g = xi`` (the loss is built with the true variances).
    orders : tuple of int
        The channel orders (2 for the matrix, p >= 3 for tensors), ascending.
    variances : dict
        ``{k: Delta_k}``, the true noise variances (Fractions, floats or arrays).
    assumed : dict or None
        ``{k: Delta'_k}`` the loss is built with; None when they are the true ones.
    """

    xi: Polynomial
    g: Polynomial
    bayes_optimal: bool
    orders: tuple[int, ...]
    variances: dict
    assumed: dict | None = None

    def value(self, k: int, ctx=None):
        """The true variance of channel ``k``, as float64 (array) or as an mpf of ``ctx``."""
        return _as_float(self.variances[k]) if ctx is None else _as_mp(ctx, self.variances[k])


def field(true: dict, assumed: dict | None = None) -> Field:
    """The :class:`Field` of channels ``{k: Delta_k}`` with the loss built from ``assumed``.

    Variances may be Fractions (exact), floats or float arrays (broadcast together).
    """
    given = assumed
    assumed = true if assumed is None else assumed
    if set(assumed) != set(true):
        raise ValueError(f"assumed channels {sorted(assumed)} differ from the true ones {sorted(true)}")
    orders = tuple(sorted(true))
    g = Polynomial(tuple((k, _div(1, k, assumed[k])) for k in orders))
    if assumed is true:
        xi = g
    else:
        xi = Polynomial(tuple((k, _div(true[k], k, assumed[k], square=True)) for k in orders))
    return Field(xi=xi, g=g, bayes_optimal=assumed is true, orders=orders, variances=dict(true),
                 assumed=None if given is None else dict(given))


def _div(a, k: int, b, square: bool = False):
    """``a / (k b)`` (``a / (k b**2)`` if ``square``), exact when both are exact."""
    if isinstance(b, Fraction) and isinstance(a, (int, Fraction)):
        return Fraction(a) / (k * b * b if square else k * b)
    with np.errstate(all="ignore"):
        b = np.asarray(b, dtype=np.float64)
        out = np.asarray(a, dtype=np.float64) / k / b
        if square:
            out = out / b
    # a coefficient float64 cannot hold (overflow, subnormal, 0 of a nonzero a) becomes nan, so
    # that every result built on it is nan and the callers recompute it from exact inputs
    a = np.asarray(a, dtype=np.float64)
    bad = ~(np.isfinite(out) & ((np.abs(out) >= _TINY) | (a == 0)))
    if bad.any():
        out = np.where(bad, np.nan, out)
    return out


def matrix_tensor(p: int, delta2, delta_p) -> Field:
    """The field of the spiked matrix-tensor model (float64 arrays allowed): ``g = xi``.

    ``delta2 = inf`` drops the matrix channel.
    """
    d2 = np.asarray(delta2, dtype=np.float64)
    channels = {p: delta_p}
    if not (d2.ndim == 0 and np.isinf(d2)):
        channels[2] = delta2
    return field(channels)
