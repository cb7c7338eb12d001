"""``theory.Model``: any spiked spherical model with a matrix and tensor channels.

A model is a small frozen value: the noise variance of the matrix channel (or none), the
variance of each tensor channel, and optionally the variances the loss is built with
(``assumed``; a mismatched loss). Its covariance ``xi`` and signal ``g`` follow
``docs/your_model.md``::

    g(q)  = sum_k q**k / (k Delta'_k)          xi(q) = sum_k Delta_k q**k / (k Delta'_k**2)

so that ``g = xi`` when the loss is built with the true variances (the Bayes-optimal structure).
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from numerics import model as _field
from theory import _validate

__all__ = ["Model", "resolve"]


def _variance(name: str, value) -> Fraction:
    return _validate.positive_exact(name, value)


def _order(k) -> int:
    if isinstance(k, (bool, np.bool_)) or not isinstance(k, numbers.Integral) or k < 3:
        raise ValueError(f"tensors: every order must be an integer >= 3, got {_validate._short(k)}")
    if k > _validate.MAX_ORDER:
        raise ValueError(f"tensors: every order must be an integer >= 3 and at most {_validate.MAX_ORDER}, "
                         f"got {_validate._short(int(k))}")
    return int(k)


def _is_absent(delta2) -> bool:
    if delta2 is None:
        return True
    if isinstance(delta2, str):
        return delta2.strip().lower() in ("inf", "+inf", "infinity")
    try:
        return isinstance(delta2, numbers.Real) and math.isinf(delta2) and delta2 > 0
    except (TypeError, OverflowError):  # an int or Fraction beyond float64 is finite: kept exact
        return False


def _show(x: Fraction) -> str:
    try:
        f = float(x)
    except OverflowError:
        f = math.inf
    if math.isfinite(f) and Fraction(f) == x:
        return repr(f)
    return f"'{x}'" if max(x.numerator.bit_length(), x.denominator.bit_length()) < 200 else f"'~{_decimal(x)}'"


def _decimal(x: Fraction) -> str:
    """A short decimal form of an exact number of any magnitude (for display)."""
    from decimal import Context, Decimal

    return str(Context(prec=17).divide(Decimal(x.numerator), Decimal(x.denominator)).normalize())


@dataclass(frozen=True, init=False)
class Model:
    """A spiked spherical model: a matrix channel and tensor channels of orders ``p >= 3``.

    Parameters
    ----------
    delta2 : number or None
        Noise variance of the matrix channel; None (or ``inf``) for no matrix channel.
    tensors : mapping of int to number
        Each tensor order ``p >= 3`` to its noise variance ``Delta_p``.
    assumed : Model, optional
        The variances the loss is built with (same channels); default the true ones, which is
        the Bayes-optimal structure ``g = xi``.

    Attributes
    ----------
    delta2 : fractions.Fraction or None
    tensors : tuple of (int, fractions.Fraction)
        Sorted by order.  Variances are kept exact (a float stands for its binary value).
    assumed : Model or None
        None when the loss uses the true variances.

    Raises
    ------
    ValueError
        An order that is not an integer >= 3, a variance that is not positive and finite, no
        channel at all, or an ``assumed`` model with other channels.

    Examples
    --------
    >>> from theory import Model
    >>> model = Model(delta2=0.5, tensors={3: 1.0})
    >>> model
    Model(delta2=0.5, tensors={3: 1.0})
    >>> round(float(model.xi(1.0)), 12), float(model.xi(1.0, 2))   # xi(1) = 1/(2 Delta2) + 1/(3 Deltap), xi''(1)
    (1.333333333333, 4.0)
    >>> Model(tensors={3: 2/3}).bayes_optimal             # the pure 3-spin, xi = q**3/2
    True
    >>> Model(tensors={2: 1.0})
    Traceback (most recent call last):
        ...
    ValueError: tensors: every order must be an integer >= 3, got 2
    """

    delta2: Fraction | None
    tensors: tuple
    assumed: Model | None

    def __init__(self, delta2=None, tensors=None, assumed=None):
        d2 = None if _is_absent(delta2) else _variance("delta2", delta2)
        if tensors is None:
            tensors = {}
        if not isinstance(tensors, Mapping):
            raise ValueError(f"tensors must be a mapping {{order: variance}}, got {tensors!r}")
        items = tuple(sorted((_order(k), _variance(f"tensors[{k}]", v)) for k, v in tensors.items()))
        if d2 is None and not items:
            raise ValueError("a Model needs at least one channel: give delta2 or tensors")
        if assumed is not None:
            if not isinstance(assumed, Model):
                raise ValueError(f"assumed must be a theory.Model or None, got {assumed!r}")
            if assumed.assumed is not None:
                raise ValueError("assumed must be a model with no assumed variances of its own")
            if (assumed.delta2 is None) != (d2 is None) or dict(assumed.tensors).keys() != dict(items).keys():
                raise ValueError(f"assumed must have the same channels as the model "
                                 f"({_channels_text(d2, items)}), got {_channels_text(assumed.delta2, assumed.tensors)}")
            if assumed.delta2 == d2 and assumed.tensors == items:
                assumed = None  # the true variances: one value, one hash
        object.__setattr__(self, "delta2", d2)
        object.__setattr__(self, "tensors", items)
        object.__setattr__(self, "assumed", assumed)

    # --- what the model is -------------------------------------------------------------------
    @property
    def channels(self) -> dict[int, Fraction]:
        """Every channel's order (2 for the matrix) and true noise variance."""
        out = {} if self.delta2 is None else {2: self.delta2}
        out.update(self.tensors)
        return out

    @property
    def orders(self) -> tuple[int, ...]:
        """The tensor orders, ascending."""
        return tuple(k for k, _ in self.tensors)

    @property
    def bayes_optimal(self) -> bool:
        """Whether the loss is built with the true variances (``g = xi``)."""
        return self.assumed is None

    @property
    def field(self) -> _field.Field:
        """The numeric covariance and signal (:class:`numerics.model.Field`), exact coefficients."""
        return _field.field(self.channels, None if self.assumed is None else self.assumed.channels)

    @property
    def xi(self) -> _Checked:
        """The covariance: ``model.xi(q, k=0, ctx=None)`` is its k-th derivative at ``q`` (a finite
        real number or array; ``ctx`` an mpmath context, else float64)."""
        return _Checked(self.field.xi, "xi")

    @property
    def g(self) -> _Checked:
        """The signal function: ``model.g(q, k=0, ctx=None)`` (as :attr:`xi`)."""
        return _Checked(self.field.g, "g")

    def expressions(self) -> dict:
        """``{"xi": ..., "g": ...}`` as SymPy polynomials in ``q`` (imports SymPy)."""
        f = self.field
        from theory._expressions import polynomial

        return {"xi": polynomial(f.xi), "g": polynomial(f.g)}

    def with_delta2(self, delta2) -> Model:
        """The same tensor channels (and assumed tensor variances) with another matrix variance."""
        assumed = None
        if self.assumed is not None:
            a2 = self.assumed.delta2 if delta2 is not None else None
            assumed = Model(a2 if a2 is not None else delta2, dict(self.assumed.tensors))
        return Model(delta2, dict(self.tensors), assumed)

    def require_bayes_optimal(self, what: str) -> None:
        """Raise ``ValueError`` unless ``g = xi`` (for Bayes-optimal quantities)."""
        if not self.bayes_optimal:
            raise ValueError(f"{what} is defined only for a Bayes-optimal model (the loss built with the "
                             f"true variances, g = xi); this model has assumed={self.assumed!r}")

    def __repr__(self) -> str:
        parts = []
        if self.delta2 is not None:
            parts.append(f"delta2={_show(self.delta2)}")
        parts.append("tensors={" + ", ".join(f"{k}: {_show(v)}" for k, v in self.tensors) + "}")
        if self.assumed is not None:
            parts.append(f"assumed={self.assumed!r}")
        return f"Model({', '.join(parts)})"


class _Checked:
    """A polynomial of a model (:class:`numerics.model.Polynomial`) whose call checks its input:
    ``q`` a finite real number (or array, in float64), ``k`` an integer >= 0.

    Examples
    --------
    >>> from theory import Model
    >>> Model(tensors={3: 1.0}).xi(float("nan"))
    Traceback (most recent call last):
        ...
    ValueError: q must be finite, got nan
    """

    __slots__ = ("polynomial", "name")

    def __init__(self, polynomial: _field.Polynomial, name: str):
        self.polynomial, self.name = polynomial, name

    def __call__(self, q, k: int = 0, ctx=None):
        if isinstance(k, (bool, np.bool_)) or not isinstance(k, numbers.Integral) or k < 0:
            raise ValueError(f"k must be an integer >= 0 (the order of the derivative of {self.name}), "
                             f"got {_validate._short(k)}")
        if ctx is None:
            return self.polynomial(_validate.float_array("q", q), int(k))
        value = _validate.exact("q", q)
        return self.polynomial(ctx.mpf(value.numerator) / ctx.mpf(value.denominator), int(k), ctx)

    def sympy(self, var=None):
        """The polynomial as a SymPy expression in ``var`` (default the symbol ``q``); imports SymPy."""
        from theory._expressions import polynomial

        return polynomial(self.polynomial, var)

    def __getattr__(self, attribute):  # terms, exact: those of the polynomial
        return getattr(self.polynomial, attribute)

    def __repr__(self) -> str:
        return f"{self.name}: {self.polynomial!r}"


def _channels_text(d2, items) -> str:
    orders = ([2] if d2 is not None else []) + [k for k, _ in items]
    return "orders " + ", ".join(map(str, orders))


def resolve(model, p=None, delta2=None, delta_p=None, *, need_delta2: bool = True) -> Model:
    """The :class:`Model` of a call: ``model=`` or the ``(p, delta2, delta_p)`` shorthand.

    Giving both, or neither, is a ``ValueError``.  With ``need_delta2=False`` (thresholds on
    ``Delta2``) the shorthand ``delta2`` is not required and the model's own is ignored.
    """
    if model is not None:
        if not isinstance(model, Model):
            raise ValueError(f"model must be a theory.Model, got {model!r}")
        given = [n for n, v in (("p", p), ("delta2", delta2), ("delta_p", delta_p)) if v is not None]
        if given:
            raise ValueError(f"give either model= or the shorthand (p, delta2, delta_p), not both "
                             f"(got model= and {', '.join(given)})")
        return model
    if p is None or delta_p is None or (need_delta2 and delta2 is None):
        raise ValueError("give model=theory.Model(...) or the shorthand p=, delta2=, delta_p=")
    p = _validate.check_p(p)
    return Model(delta2, {p: delta_p})
