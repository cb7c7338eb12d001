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

__all__ = ["Model", "ModelGrid", "DEFAULT_P"]

#: The tensor order of the functions that have a default one (``threshold``, ``phase_diagram``,
#: ``dynamics_threshold``) when neither ``p`` nor ``model=`` is given.
DEFAULT_P = 3


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

    @classmethod
    def of_call(cls, model=None, p=None, delta2=None, delta_p=None, *, need_delta2: bool = True,
                defaults=None, arrays: bool = False, family=None, check=None):
        """The model of a call: ``model=``, or the shorthand ``Model(delta2, {p: delta_p})``.

        The one resolver behind every public function that takes a model.  With ``model=`` the
        shorthand parameters given must say the same (``p`` its only tensor order, ``delta_p``
        that tensor's variance, ``delta2`` its matrix variance, ``inf`` for none); any that says
        otherwise is a ``ValueError`` naming it.  Without ``model=`` the shorthand is checked
        under its own names (``p`` an integer >= 3, variances positive, exact).

        Parameters
        ----------
        model : Model, ``family`` or None
        p, delta2, delta_p :
            The shorthand; ``delta2`` None or ``inf`` (no matrix channel) where ``need_delta2``
            is False.
        need_delta2 : bool
            Whether the shorthand must give ``delta2`` (False: the thresholds, whose value is
            the matrix variance, and the landscape, where None means no matrix channel).
        defaults : mapping, optional
            Values of the shorthand's parameters left as None (the function's own defaults,
            e.g. ``{"p": 3}``); never applied against ``model=``.
        arrays : bool
            Whether the shorthand's variances may be arrays: then a :class:`ModelGrid` is
            returned (one model, or float64 arrays of variances).
        family : type, optional
            Another model family the function dispatches (``theory.PhaseRetrieval``): such a
            model is returned as it is, and takes no shorthand parameter.
        check : callable, optional
            ``check(name, value)`` on each shorthand variance given (``"delta_p"``, then
            ``"delta2"``), before it is read: a function's own range, named by the parameter.

        Returns
        -------
        Model, ModelGrid or the ``family`` model

        Raises
        ------
        ValueError
            ``model`` of another type; the shorthand and ``model=`` disagreeing (naming each
            parameter); neither given, or the shorthand incomplete (naming what is missing); a
            shorthand value outside its range.

        Examples
        --------
        >>> from theory import Model
        >>> Model.of_call(p=3, delta2=0.5, delta_p=1.0)
        Model(delta2=0.5, tensors={3: 1.0})
        >>> Model.of_call(model=Model(0.5, {3: 1.0}), p=3)             # the same model, said twice
        Model(delta2=0.5, tensors={3: 1.0})
        >>> Model.of_call(model=Model(0.5, {3: 1.0}), p=4, delta_p=2)
        Traceback (most recent call last):
            ...
        ValueError: model= and the shorthand disagree: p=4 but the model's tensor orders are 3; delta_p=2 but the model's is 1.0. Give either model= or the shorthand (p, delta2, delta_p), not both
        >>> Model.of_call(p=3, delta_p=1.0)
        Traceback (most recent call last):
            ...
        ValueError: give model=theory.Model(...) or the shorthand p=, delta2=, delta_p= (missing: delta2)
        """
        return _of_call(model, p, delta2, delta_p, need_delta2=need_delta2, defaults=defaults, arrays=arrays,
                        family=family, check=check)

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
    """The former name of :meth:`Model.of_call` (positional ``model`` first); kept for callers
    that still use it."""
    return Model.of_call(model, p, delta2, delta_p, need_delta2=need_delta2)


# --- the model of a call: the one resolver of ``model=`` against the shorthand --------------------

_SHORTHAND = ("p", "delta2", "delta_p")


def _one_number(x) -> bool:
    """One number, a 0-d array included (a ragged list is not: never a numpy error here)."""
    return x.ndim == 0 if isinstance(x, np.ndarray) else _validate.is_scalar(x)


def _of_call(model, p, delta2, delta_p, *, need_delta2, defaults, arrays, family, check):
    given = {name: value for name, value in zip(_SHORTHAND, (p, delta2, delta_p)) if value is not None}
    if model is not None:
        if family is not None and isinstance(model, family):
            if given:
                raise ValueError(f"model={type(model).__name__}(...) takes no {', '.join(given)} (the shorthand "
                                 f"of a spiked model): give either model= or the shorthand, not both")
            return model
        if not isinstance(model, Model):
            kinds = "a theory.Model" + ("" if family is None else f" or a theory.{family.__name__}")
            raise ValueError(f"model must be {kinds}, got {_validate._short(model)}")
        _check_agrees(model, given)
        return ModelGrid(model) if arrays else model
    values = {**(defaults or {}), **given}
    missing = [name for name in ("p", "delta2", "delta_p") if values.get(name) is None
               and (name != "delta2" or need_delta2)]
    if missing:
        raise ValueError(f"give model=theory.Model(...) or the shorthand p=, delta2=, delta_p= (missing: "
                         f"{', '.join(missing)}" + ("" if need_delta2 else "; delta2=None or inf: no matrix channel")
                         + ")")
    p, delta2, delta_p = _validate.check_p(values["p"]), values.get("delta2"), values["delta_p"]
    if arrays and not (_one_number(delta_p) and (delta2 is None or _one_number(delta2))):
        return ModelGrid(None, p, delta2, delta_p)
    if check is not None:
        check("delta_p", delta_p)
        if not _is_absent(delta2):
            check("delta2", delta2)
    d2 = None if _is_absent(delta2) else _validate.positive_exact("delta2", delta2)
    model = Model(d2, {p: _validate.positive_exact("delta_p", delta_p)})
    return ModelGrid(model, p, delta2, delta_p) if arrays else model


def _check_agrees(model: Model, given: dict) -> None:
    """ValueError naming each shorthand parameter that says otherwise than ``model``."""
    wrong = []
    if "p" in given:
        p = _validate.check_p(given["p"])
        if model.orders != (p,):
            wrong.append(f"p={p} but the model's tensor orders are {', '.join(map(str, model.orders)) or 'none'}")
    if "delta_p" in given:
        dp = given["delta_p"]
        if len(model.tensors) != 1:
            wrong.append(f"delta_p={_validate._short(dp)} but the model has {len(model.tensors)} tensor channels")
        elif not _one_number(dp) or _validate.positive_exact("delta_p", dp) != model.tensors[0][1]:
            wrong.append(f"delta_p={_validate._short(dp)} but the model's is {_show(model.tensors[0][1])}")
    if "delta2" in given:
        d2 = given["delta2"]
        mine = None if _is_absent(d2) or not _one_number(d2) else _validate.positive_exact("delta2", d2)
        if not _one_number(d2) or mine != model.delta2:
            theirs = "none (no matrix channel)" if model.delta2 is None else _show(model.delta2)
            wrong.append(f"delta2={_validate._short(d2)} but the model's is {theirs}")
    if wrong:
        raise ValueError(f"model= and the shorthand disagree: {'; '.join(wrong)}. Give either model= or the "
                         f"shorthand (p, delta2, delta_p), not both")


class ModelGrid:
    """The model of a call that takes arrays of variances: one :class:`Model` (``model=``, or a
    shorthand of numbers), or the shorthand with float64 arrays, one model per element.

    Made by :meth:`Model.of_call` with ``arrays=True``.  A 0-d array is one number here (the exact
    model; :attr:`model`), and its float64 value is there too (:attr:`delta_p`, :attr:`delta2`).

    Attributes
    ----------
    model : Model or None
        The one model of the call; None for arrays of variances.
    p : int or None
        The shorthand's tensor order (None with ``model=``).
    shape : tuple
        The broadcast shape of the variances (``()`` for one model).
    """

    __slots__ = ("model", "p", "shape", "_raw", "_floats")

    def __init__(self, model: Model | None, p: int | None = None, delta2=None, delta_p=None):
        self.model, self.p, self._raw, self._floats = model, p, (delta2, delta_p), None
        if model is not None:
            self.shape = ()
            return
        self._floats = (np.inf if _is_absent(delta2) else _validate.positive_array("delta2", delta2),
                        _validate.positive_array("delta_p", delta_p))
        self.shape = np.broadcast_shapes(*map(np.shape, self._floats))

    def _float(self, i: int):
        if self._floats is None:  # one number: its float64 value on demand (the exact model is kept)
            d2, dp = self._raw
            self._floats = (np.inf if _is_absent(d2) else _validate.positive_array("delta2", d2),
                            _validate.positive_array("delta_p", dp))
        return self._floats[i]

    @property
    def delta2(self):
        """The shorthand's matrix variances as float64 (``inf``: no matrix channel)."""
        return self._float(0)

    @property
    def delta_p(self):
        """The shorthand's tensor variances as float64."""
        return self._float(1)

    @property
    def channels(self) -> int:
        """The number of channels (2 for the matrix-tensor shorthand)."""
        if self.model is not None:
            return len(self.model.channels)
        return 1 if np.ndim(self.delta2) == 0 and np.isinf(self.delta2) else 2

    def field(self) -> _field.Field:
        """The float64 field (array variances for an array shorthand; exact coefficients for one model)."""
        if self.model is not None:
            return self.model.field
        return _field.matrix_tensor(self.p, self.delta2, self.delta_p)

    def exact_fields(self) -> np.ndarray:
        """An object array of exact fields, one per element of the broadcast variances."""
        out = np.empty(self.shape, dtype=object)
        if self.model is not None:
            out[()] = self.model.field
            return out
        delta2, delta_p = self._raw
        d2 = np.broadcast_to(np.asarray(delta2 if delta2 is not None else np.inf, dtype=object), self.shape)
        dp = np.broadcast_to(np.asarray(delta_p, dtype=object), self.shape)
        for idx in np.ndindex(self.shape):
            out[idx] = Model(None if _is_absent(d2[idx]) else d2[idx], {self.p: dp[idx]}).field
        return out

    def __repr__(self) -> str:
        if self.model is not None:
            return f"ModelGrid({self.model!r})"
        return f"ModelGrid(p={self.p}, shape={self.shape})"
