"""A spiked spherical model as numbers: the covariance ``xi`` and the signal ``g`` as polynomials.

Every kernel of :mod:`numerics` that depends on the model takes a :class:`Field`: the pair
``(xi, g)`` of :class:`Polynomial` objects, evaluated with their derivatives ("jets") by the one
jet evaluator (:func:`jet`, :class:`Jets`, :func:`covariance_det`) in a backend of
:mod:`numerics.backend`: float64 (broadcasting over the argument and over array coefficients)
or mpmath at a precision, the coefficients converted once per polynomial and precision. The
public :class:`theory.Model` builds one with exact rational coefficients; the ``(p, delta2,
delta_p)`` shorthand with arrays builds one with array coefficients (:func:`matrix_tensor`).

For channels ``k`` with true variances ``Delta_k`` and assumed variances ``Delta'_k``
(``docs/your_model.md``)::

    g(q)  = sum_k q**k / (k Delta'_k)
    xi(q) = sum_k Delta_k q**k / (k Delta'_k**2)
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from math import perm
from typing import Any

import mpmath
import numpy as np

from numerics.backend import F64, MP, Backend

__all__ = ["Field", "FloatRangeError", "Jets", "Polynomial", "as_backend", "covariance_det", "field", "jet",
           "matrix_tensor"]


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

    def __call__(self, q, k: int = 0, b=F64):
        """The ``k``-th derivative at ``q`` in the backend ``b`` (:func:`jet`)."""
        return jet(self, q, k, as_backend(b))

    @property
    def exact(self) -> bool:
        """Whether every coefficient is an exact rational (so mpmath evaluation is exact input)."""
        return all(isinstance(c, Fraction) for _, c in self.terms)


def _magnitude(c: Fraction) -> str:
    """``~1e-400``: the decimal order of an exact number beyond float64."""
    from math import log10

    e = (c.numerator.bit_length() - c.denominator.bit_length()) * log10(2) if c else 0
    return f"~1e{round(e):+d}"


def convert(c, b: Backend):
    """A coefficient or variance in the backend ``b``.

    float64: an exact one (Fraction) must be zero or a normal double (else
    :class:`FloatRangeError`: beyond float64 it would overflow or round to 0); floats and arrays
    are kept.  mpmath: an mpf of ``b``'s context, an exact one rounded once (``num/den``);
    arrays are refused (scalar coefficients only).
    """
    if b.ctx is not None:
        if isinstance(c, Fraction):
            return b.ctx.mpf(c.numerator) / b.ctx.mpf(c.denominator)
        if isinstance(c, np.ndarray):
            raise TypeError("an mpmath evaluation needs scalar coefficients")
        return b.ctx.mpf(c)
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


# --- the jet evaluator ---------------------------------------------------------------------------

def as_backend(b) -> Backend:
    """The backend named by ``b``: a :class:`~numerics.backend.Backend` itself; for the callers
    that still pass a context, None is :data:`~numerics.backend.F64`, an mpmath context is
    :func:`~numerics.backend.MP` at its precision, and any other context with mpmath's names
    (e.g. of Arb balls) an elementwise backend on that context (where
    ``numerics.backend.Elementwise`` exists), never an mpmath stand-in for it."""
    if isinstance(b, Backend):
        return b
    if b is None:
        return F64
    if isinstance(b, mpmath.ctx_mp.MPContext):
        out = MP(b.dps)
        if out.ctx.prec != b.prec:
            raise ValueError(f"backend: an mpmath context at prec={b.prec} is not one of dps={b.dps}; "
                             f"pass numerics.backend.MP(dps)")
        return out
    if hasattr(b, "mpf"):
        return _on_context(b)
    raise ValueError(f"backend must be numerics.backend.F64 or MP(dps) (or an mpmath context), got {b!r}")


@lru_cache(maxsize=16)
def _on_context(ctx) -> Backend:
    """An elementwise backend on a context that is not mpmath's (numbers made by ``ctx``)."""
    from numerics import backend

    elementwise = getattr(backend, "Elementwise", None)
    if elementwise is None:
        raise ValueError(f"backend must be numerics.backend.F64 or MP(dps) (or an mpmath context), got {ctx!r}")
    return elementwise(ctx, f"{type(ctx).__name__}(prec={getattr(ctx, 'prec', None)})")


def _cache_key(b: Backend):
    """What a conversion into ``b`` depends on: None for float64, the precision for mpmath;
    None for any other context (balls: their width depends on more than the context), whose
    conversions are not cached."""
    if b.ctx is None:
        return "f64"
    if isinstance(b.ctx, mpmath.ctx_mp.MPContext):
        return b.ctx.prec
    return None


#: Per polynomial (weakly held), per (backend key, order k): the terms ``(n - k, c_n n!/(n-k)!)``
#: with the coefficients converted into the backend, their sum (the jet at q = 1), the shape of
#: the coefficients and whether they are scalars; the covariance determinant under the key
#: ``(backend key, "det")``.  The backend key (:func:`_cache_key`) is ``"f64"`` for float64, the
#: mpmath precision in bits (equal precisions give equal roundings) for mpmath.
_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _terms(poly: Polynomial, k: int, b: Backend):
    """``((n - k, c_n n!/(n - k)!), ...)`` for ``n >= k`` in ``b``, their sum (the jet at 1) and
    the broadcast shape of the coefficients (cached).  Scalar float64 coefficients are Python
    floats (a numpy scalar left of an array operand keeps numpy from reusing temporaries)."""
    key = _cache_key(b)
    cache = _CACHE.get(poly) if key is not None else None
    if cache is None and key is not None:
        cache = _CACHE[poly] = {}
    key = (key, k)
    found = cache.get(key) if cache is not None else None
    if found is None:
        terms = tuple((n - k, convert(c, b) * perm(n, k)) for n, c in poly.terms if n >= k)
        if b.ctx is None:
            terms = tuple((e, float(c) if np.ndim(c) == 0 else c) for e, c in terms)
            shape = np.broadcast_shapes(*(np.shape(c) for _, c in poly.terms))
        else:
            shape = ()
        at_one = b.num(0) if b.ctx is not None else 0.0
        for _, c in terms:
            at_one = at_one + c
        found = (terms, at_one, shape, all(np.ndim(c) == 0 for _, c in terms))
        if cache is not None:
            cache[key] = found
    return found


def coefficient_shape(poly: Polynomial) -> tuple:
    """The broadcast shape of the coefficients of ``poly`` (``()`` for scalars; cached)."""
    return _terms(poly, 0, F64)[2] if not poly.exact else ()


def jet(poly: Polynomial, q, k: int, b: Backend = F64):
    """``poly^(k)(q)`` in the backend ``b``: THE jet evaluator of :mod:`numerics`.

    float64 (:data:`~numerics.backend.F64`) broadcasts ``q`` against array coefficients and
    returns their broadcast shape; an mpmath backend takes ``q`` a number (an mpf of its
    context) or an object array.  The coefficients are converted into ``b`` once per
    polynomial and precision, multiplied by ``n!/(n - k)!``; at ``q = 1`` the cached sum is
    returned.  Terms are summed in the order of ``poly.terms``.

    >>> from fractions import Fraction
    >>> from numerics.backend import F64, MP
    >>> xi = Polynomial(((2, Fraction(1, 2)), (3, Fraction(1, 3))))   # q**2/2 + q**3/3
    >>> float(jet(xi, 0.5, 1))                                          # q + q**2 at 1/2
    0.75
    >>> MP(30).ctx.nstr(jet(xi, MP(30).num(1), 2, MP(30)), 10)          # 1 + 2 q at 1
    '3.0'
    """
    terms, at_one, shape, scalar = _terms(poly, k, b)
    if b.ctx is not None:
        if isinstance(q, np.ndarray):
            q = b.array(q)
        elif q == 1:
            return at_one
        else:
            q = b.num(q)
        total = b.num(0)
        for e, c in terms:
            total += c if e == 0 else c * q if e == 1 else c * q ** e
        return total
    if type(q) is float or type(q) is int:  # noqa: E721  (a plain number: no array to build)
        if q == 1:
            return np.float64(at_one) if np.ndim(at_one) == 0 else at_one
        q = np.float64(q)
    else:
        q = np.asarray(q, dtype=np.float64)
    shape = np.broadcast_shapes(q.shape, shape) if shape else q.shape
    # scalar coefficients: every term has the shape of q (or none) and is a fresh array, so the
    # sum accumulates in place; array coefficients may broadcast q up, and are not to be written
    out = None
    for e, c in terms:
        term = c if e == 0 else q * c if e == 1 else q ** e * c
        if out is None:
            out = term
        elif scalar:
            out += term
        else:
            out = out + term
    if out is None:
        return np.zeros(shape)
    if np.shape(out) != shape:
        out = out + np.zeros(shape)
    return out if isinstance(out, np.ndarray) and out.ndim else np.float64(out)


def covariance_det(xi: Polynomial, b: Backend = F64):
    """``xi (xi' + xi'') - xi'**2`` at 1 as ``sum_{j<k} c_j c_k (k - j)**2``: a sum of
    positive terms, without the cancellation of the difference (cached per backend)."""
    b = as_backend(b)
    key = _cache_key(b)
    cache = _CACHE.setdefault(xi, {}) if key is not None else {}
    key = (key, "det")
    if key not in cache:
        coefs = [(n, convert(c, b)) for n, c in xi.terms]
        total = 0.0 if b.ctx is None else b.num(0)
        for a, (j, cj) in enumerate(coefs):
            for k, ck in coefs[a + 1:]:
                total = total + cj * ck * (k - j) ** 2
        cache[key] = total
    return cache[key]


class Jets:
    """The jets of one field in one backend: ``xi^(k)(q)``, ``g^(k)(m)``, the covariance
    determinant and the variances (every evaluation goes through :func:`jet`).

    >>> from numerics.backend import MP
    >>> j = Jets(field({2: 0.5, 3: 1.0}))            # xi = q**2 + q**3/3
    >>> float(j.xi(1, 2)), float(j.g(0.5, 1))        # 2 + 2 q at 1; 2 q + q**2 at 1/2
    (4.0, 1.25)
    >>> round(float(j.det()), 12)                    # c2 c3 (3 - 2)**2 = 1/3
    0.333333333333
    """

    __slots__ = ("field", "backend")

    def __init__(self, fld: Field, b=F64):
        self.field, self.backend = fld, as_backend(b)

    def xi(self, q, k: int = 0):
        """``xi^(k)(q)``."""
        return jet(self.field.xi, q, k, self.backend)

    def g(self, q, k: int = 0):
        """``g^(k)(q)``."""
        return jet(self.field.g, q, k, self.backend)

    def det(self):
        """``xi (xi' + xi'') - xi'**2`` at 1 (:func:`covariance_det`)."""
        return covariance_det(self.field.xi, self.backend)

    def value(self, k: int):
        """The true variance of channel ``k`` in the backend."""
        return self.field.value(k, self.backend)


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

    def value(self, k: int, b=F64):
        """The true variance of channel ``k`` in the backend ``b`` (float64, arrays kept, or an mpf)."""
        return convert(self.variances[k], as_backend(b))


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
    if isinstance(b, int) and not isinstance(b, bool):  # an integer variance is exact too
        b = Fraction(b)
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
