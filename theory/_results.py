"""The one base of the result objects: equality, hashing, pickling, repr and data out.

Every result the API returns (a run, a spectrum, a state evolution, a diagram...) is a frozen
dataclass deriving from :class:`Result`, declared ``@dataclass(frozen=True, eq=False)`` (and
``repr=False`` to use the base's repr) so that the dataclass machinery does not write its own
``__eq__``/``__hash__``/``__repr__`` over the base's.  The base gives it:

``==``
    One comparison, field by field (:func:`same`): arrays by shape, dtype and value (nan equal
    to nan), mpmath numbers of any context by value, nan equal to nan, tuples/lists/dicts item
    by item (dicts in order), numpy seeds by their state, plain value objects without an
    ``__eq__`` by their attributes.  Two results of different classes are never equal.  The
    fields named in the class attribute ``_ignore`` (wall time: ``("seconds",)``) are skipped.
``hash``
    Consistent with ``==``: a result holding an array (or any unhashable value) is unhashable
    (``TypeError``); otherwise the hash of its compared fields, nan hashed alike.
``pickle`` (and ``copy``)
    One path (:meth:`Result.__reduce__`): the fields, with the mpmath numbers of private
    contexts (whose class does not pickle) stored as their exact binary value and precision;
    unpickled, the class is called again with its fields (so ``__post_init__`` runs), and the
    numbers come back equal, in a context of the same precision.
``repr``
    ``Name(field=value, ...)`` over the fields shown in the repr (not those declared
    ``field(repr=False)`` nor private ones), each value by :func:`show` (arrays by shape);
    a class with a narrative repr writes its own with :func:`show`.
``table()``, ``to_xarray()``, ``to_pandas()``, ``plot(ax=None)``
    Each result type implements ``table()`` (its numbers as a :class:`theory._export.Table`,
    every variable described) and, for a figure, ``_draw(ax)``; ``to_xarray``, ``to_pandas``
    and ``plot`` (from :mod:`theory._export`, imported on first use with xarray, pandas and
    matplotlib) use them.  The base's ``table()`` raises ``NotImplementedError`` naming the class.

:class:`theory._dataout.DataOut` is this class under its former name.
"""

from __future__ import annotations

import dataclasses
import math
from fractions import Fraction
from typing import ClassVar

import mpmath
import numpy as np

__all__ = ["Result", "Spectrum", "same", "show"]


class Result:
    """Base of the result dataclasses: one ``==``, ``hash``, pickling path, repr and data out.

    Examples
    --------
    >>> from dataclasses import dataclass
    >>> import numpy as np
    >>> from theory._results import Result
    >>> @dataclass(frozen=True, eq=False, repr=False)
    ... class Run(Result):
    ...     t: np.ndarray
    ...     value: float
    ...     seconds: float = 0.0
    ...     _ignore = ("seconds",)
    >>> Run(np.arange(3.0), float("nan"), seconds=1.0) == Run(np.arange(3.0), float("nan"), seconds=2.0)
    True
    >>> Run(np.arange(3.0), 0.5)
    Run(t=<float64 array (3,)>, value=0.5, seconds=0.0)
    >>> Run(np.arange(3.0), 0.5).table()
    Traceback (most recent call last):
        ...
    NotImplementedError: Run has no table(): a result type implements table() (see theory._results)
    """

    __slots__ = ()

    #: Fields that ``==`` and ``hash`` skip (wall-time measurements: ``("seconds",)``).
    _ignore: ClassVar[tuple[str, ...]] = ()

    # -- equality and hashing ---------------------------------------------------------------

    def _compared(self):
        """``(name, value)`` of every field that ``==`` compares."""
        return [(f.name, getattr(self, f.name)) for f in _fields(self) if f.name not in self._ignore]

    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        if other is self:
            return True
        return all(same(a, b) for (_, a), (_, b) in zip(self._compared(), other._compared()))

    def __hash__(self):
        keys = []
        for name, value in self._compared():
            try:
                keys.append(_hash_key(value))
            except TypeError:
                raise TypeError(f"unhashable {type(self).__name__}: its field {name!r} holds a "
                                f"{type(value).__name__}") from None
        return hash((type(self).__qualname__, *keys))

    # -- pickling -------------------------------------------------------------------------

    def __reduce__(self):
        return (_rebuild, (type(self), tuple((f.name, _pack(getattr(self, f.name))) for f in _fields(self))))

    # -- repr -----------------------------------------------------------------------------

    def __repr__(self) -> str:
        shown = ", ".join(f"{f.name}={show(getattr(self, f.name))}" for f in _fields(self)
                          if f.repr and not f.name.startswith("_"))
        return f"{type(self).__name__}({shown})"

    # -- data out -------------------------------------------------------------------------

    def table(self):
        """The result as a :class:`theory._export.Table`: one coordinate, the data along it,
        the parameters as attributes, ``(long_name, units)`` for every variable."""
        raise NotImplementedError(f"{type(self).__name__} has no table(): a result type implements "
                                  f"table() (see theory._results)")

    table.placeholder = True  # theory._export tells it from a result type's own table()

    def to_xarray(self):
        """The result as an ``xarray.Dataset`` (coordinate, data, parameters as attributes);
        needs the ``xarray`` extra.  Every variable carries CF ``long_name`` and ``units``;
        built from :meth:`table`.  See :mod:`theory._export`."""
        from theory._export import to_xarray

        return to_xarray(self)

    def to_pandas(self):
        """The result as a ``pandas.DataFrame`` (parameters in ``.attrs``), built from
        :meth:`table`; needs pandas."""
        from theory._export import to_pandas

        return to_pandas(self)

    def plot(self, ax=None):
        """Draw the result on a matplotlib ``ax`` (a new Figure's axes when None); returns the axes
        (``self._draw(ax)`` when the class defines it)."""
        from theory._export import plot

        return plot(self, ax=ax)


def implements_table(cls) -> bool:
    """Whether a class has its own ``table()`` (not the placeholder of :class:`Result`)."""
    method = getattr(cls, "table", None)
    return callable(method) and method is not Result.table


def _fields(obj):
    try:
        return dataclasses.fields(obj)
    except TypeError:
        raise TypeError(f"{type(obj).__name__} derives from theory._results.Result but is not a "
                        f"dataclass (declare it @dataclass(frozen=True, eq=False))") from None


# -- the one equality ---------------------------------------------------------------------

def _is_mp(x) -> bool:
    return hasattr(x, "_mpf_") or hasattr(x, "_mpc_")


def _is_nan(x) -> bool:
    if isinstance(x, (float, np.floating)):
        return math.isnan(x)
    if hasattr(x, "_mpf_"):
        return x != x  # an mpf nan of any context
    return False


def _plain_object(x) -> bool:
    """A value object without its own ``==`` (compared by its attributes)."""
    return type(x).__eq__ is object.__eq__ and hasattr(x, "__dict__")


def same(a, b) -> bool:
    """Whether two values of result fields are the same.

    Arrays: same shape, dtype and values (nan equal to nan; object arrays item by item);
    numbers (float, numpy, mpmath of any context, Fraction) by value, nan equal to nan;
    tuples, lists and dicts of the same type item by item (dict keys in the same order);
    numpy ``SeedSequence``/``Generator`` by their state; a value object without its own ``==``
    by its attributes; anything else by ``==``.

    Examples
    --------
    >>> import mpmath, numpy as np
    >>> from theory._results import same
    >>> same((1.0, float("nan")), (1.0, float("nan"))), same(np.zeros(2), np.zeros(3))
    (True, False)
    >>> ctx = mpmath.MPContext(); ctx.dps = 30
    >>> same(ctx.mpf(1) / 3, mpmath.mp.make_mpf((ctx.mpf(1) / 3)._mpf_))
    True
    """
    if a is b:
        return True
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        if not (isinstance(a, np.ndarray) and isinstance(b, np.ndarray)
                and a.shape == b.shape and a.dtype == b.dtype):
            return False
        if a.dtype == object:
            return all(same(x, y) for x, y in zip(a.flat, b.flat))
        return bool(np.array_equal(a, b, equal_nan=a.dtype.kind in "fc"))
    if isinstance(a, Result) or isinstance(b, Result):
        return type(a) is type(b) and a == b
    if isinstance(a, (tuple, list)) or isinstance(b, (tuple, list)):
        return (type(a) is type(b) and len(a) == len(b)
                and all(same(x, y) for x, y in zip(a, b)))
    if isinstance(a, dict) or isinstance(b, dict):
        return (type(a) is type(b) and list(a) == list(b)
                and all(same(a[k], b[k]) for k in a))
    if _is_nan(a) or _is_nan(b):
        return _is_nan(a) and _is_nan(b)
    if isinstance(a, np.random.SeedSequence) or isinstance(b, np.random.SeedSequence):
        return type(a) is type(b) and same(_seed_state(a), _seed_state(b))
    if isinstance(a, np.random.Generator) or isinstance(b, np.random.Generator):
        return type(a) is type(b) and same(a.bit_generator.state, b.bit_generator.state)
    if _plain_object(a) or _plain_object(b):
        return type(a) is type(b) and same(vars(a), vars(b))
    try:
        return bool(a == b)
    except (TypeError, ValueError):  # a comparison without a truth value
        return False


def _seed_state(s) -> tuple:
    return (s.entropy, tuple(s.spawn_key), s.pool_size)


def _hash_key(x):
    """A hashable key of a field value, consistent with :func:`same` (TypeError if none)."""
    if isinstance(x, np.ndarray) or isinstance(x, dict) or isinstance(x, np.random.Generator):
        raise TypeError
    if isinstance(x, (tuple, list)):
        return (type(x).__name__, *(_hash_key(v) for v in x))
    if _is_nan(x):
        return ("nan",)
    if isinstance(x, np.random.SeedSequence):
        return ("SeedSequence", hash(_seed_state(x)))
    if _plain_object(x):
        raise TypeError
    return hash(x)  # numbers: Python's numeric hash (int, float, Fraction, mpf alike)


# -- the one pickling path ----------------------------------------------------------------

class _MP(tuple):
    """An mpmath number of a private context, pickled: ``(kind, exact value, prec)``."""

    __slots__ = ()


def _private(x) -> bool:
    return _is_mp(x) and getattr(x, "context", mpmath.mp) is not mpmath.mp


def _tree(x, leaf):
    """``x`` with ``leaf`` applied to every number inside tuples, lists, dicts and object arrays."""
    if type(x) is tuple:
        return tuple(_tree(v, leaf) for v in x)
    if type(x) is list:
        return [_tree(v, leaf) for v in x]
    if type(x) is dict:
        return {k: _tree(v, leaf) for k, v in x.items()}
    if isinstance(x, np.ndarray) and x.dtype == object:
        out = np.empty(x.shape, dtype=object)
        for idx in np.ndindex(x.shape):
            out[idx] = _tree(x[idx], leaf)
        return out
    return leaf(x)


def _pack_leaf(x):
    if _private(x):
        kind, value = ("mpf", x._mpf_) if hasattr(x, "_mpf_") else ("mpc", x._mpc_)
        return _MP((kind, value, x.context.prec))
    return x


def _unpack_leaf(x):
    if type(x) is _MP:
        from theory._precision import context

        kind, value, prec = x
        ctx = context(mpmath.libmp.prec_to_dps(prec))
        return ctx.make_mpf(value) if kind == "mpf" else ctx.make_mpc(value)
    return x


def _pack(x):
    return _tree(x, _pack_leaf)


def _unpack(x):
    return _tree(x, _unpack_leaf)


def _rebuild(cls, items):
    """A result from its pickled fields: the class called with its init fields, then the others."""
    values = {name: _unpack(value) for name, value in items}
    spec = {f.name: f for f in dataclasses.fields(cls)}
    obj = cls(**{name: v for name, v in values.items() if spec[name].init})
    for name, v in values.items():
        if not spec[name].init:
            object.__setattr__(obj, name, v)
    return obj


# -- the repr helper ----------------------------------------------------------------------

def show(x, digits: int | None = None) -> str:
    """A value for a repr: numbers short (mpmath numbers to ``digits`` digits, default their
    precision; floats by ``repr`` or to ``digits`` digits), exact rationals as ``a/b``, strings
    quoted, tuples item by item, arrays by dtype and shape.

    Examples
    --------
    >>> import mpmath, numpy as np
    >>> from fractions import Fraction
    >>> from theory._results import show
    >>> show((Fraction(8, 27), mpmath.mpf(1) / 3, np.float64(0.5), "amp", None), digits=8)
    "(8/27, 0.33333333, 0.5, 'amp', None)"
    >>> show(np.zeros((2, 3)))
    '<float64 array (2, 3)>'
    """
    if x is None or isinstance(x, (bool, np.bool_)):
        return str(bool(x)) if x is not None else "None"
    if _is_mp(x):
        return mpmath.nstr(x, digits or mpmath.libmp.prec_to_dps(getattr(x, "context", mpmath.mp).prec))
    if isinstance(x, (float, np.floating)):
        return repr(float(x)) if digits is None else mpmath.nstr(float(x), digits)
    if isinstance(x, (int, np.integer, Fraction)):
        return str(x)
    if isinstance(x, np.ndarray):
        return f"<{x.dtype} array {x.shape}>"
    if type(x) is tuple:
        inner = ", ".join(show(v, digits) for v in x)
        return f"({inner},)" if len(x) == 1 else f"({inner})"
    if type(x) is list:
        return "[" + ", ".join(show(v, digits) for v in x) + "]"
    return repr(x)


class Spectrum:
    """What a Hessian spectrum with ``bulk_edges`` and an ``outlier`` (or None) says, for both
    families (:class:`HessianSpectrum`, ``theory._pr_hessian.PRHessianSpectrum``)."""

    __slots__ = ()

    @property
    def lowest(self):
        """The lowest eigenvalue: the outlier if there is one, else the lower bulk edge."""
        return self.bulk_edges[0] if self.outlier is None else self.outlier

    @property
    def is_minimum(self) -> bool:
        """Whether every eigenvalue is >= 0 (the point is a local minimum)."""
        return self.lowest >= 0
