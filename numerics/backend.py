"""The engine's backend: how numbers are made, combined and compared (docs: design section 6).

A *backend* is the one argument by which a formula written once runs in float64 or at a
chosen precision: :data:`F64` (numpy float64, broadcasting) or :func:`MP` ``(dps)`` (a private
mpmath context from one cache, elementwise over numpy object arrays), or in ball arithmetic:
``numerics.backend_arb.ARB(prec)`` (Arb balls, python-flint; the same elementwise code on a
context with mpmath's names).  Formulas call
``b.num``, ``b.array``, ``b.sum``, ``b.exp`` ... and never test which backend they got; a
generated kernel is reached by ``b.kernel(module, name)``.  The solvers of
:mod:`numerics.solvers` take the backend itself: what differs between float64 and a context
(``b.num``, ``b.show`` for messages, ``b.sign``, ``b.bits``, ``b.bisection_steps``) is asked of it.

Only the operations the families built on it need are here; the engine refactor of
``theory/_precision`` and the other float/mp twins is to grow it, not to fork it.

>>> from numerics.backend import F64, MP
>>> float(F64.sqrt(F64.num(2)) ** 2) == 2.0   # float64: sqrt(2)**2 is not 2 exactly
False
>>> b = MP(30)
>>> b is MP(30), b.dps
(True, 30)
>>> b.ctx.nstr(b.sqrt(b.num(2)), 25)
'1.414213562373095048801689'
"""

from __future__ import annotations

import importlib
from fractions import Fraction
from functools import lru_cache

import mpmath
import numpy as np

__all__ = ["F64", "MP", "Backend", "Elementwise", "context"]


@lru_cache(maxsize=64)
def context(dps: int) -> mpmath.ctx_mp.MPContext:
    """A private mpmath context at ``dps`` digits (one cache; never mutated by its users)."""
    ctx = mpmath.MPContext()
    ctx.dps = dps
    return ctx


class Backend:
    """Operations common to both backends; subclasses define the number type."""

    name: str
    ctx = None
    dps = None

    def from_exact(self, value):
        """An exact input (int, Fraction, float read as its exact binary value) rounded once."""
        value = Fraction(value)
        return self.num(value.numerator) / self.num(value.denominator)

    def sum(self, values):
        """The sum of an array (a plain number)."""
        return np.sum(values)

    def dot(self, weights, values):
        """``sum(weights * values)`` over the last axis."""
        return np.sum(weights * values, axis=-1)

    def show(self, x, digits: int = 12) -> str:
        """``x`` as text with ``digits`` significant digits (for messages)."""
        return self._show(x, digits)

    def kernel(self, module: str, name: str):
        """The generated kernel ``name`` of ``numerics/_generated/{module}_*.py`` for this backend."""
        return self._kernel(module, name)

    def __repr__(self) -> str:
        return self.name


class _F64(Backend):
    name = "F64"

    def num(self, x):
        return float(x)

    def array(self, x):
        return np.asarray(x, dtype=np.float64)

    sqrt, exp, log, log1p, abs = (staticmethod(np.sqrt), staticmethod(np.exp), staticmethod(np.log),
                                  staticmethod(np.log1p), staticmethod(np.abs))
    pi = float(np.pi)
    eps = float(np.finfo(np.float64).eps)
    #: Significand bits of a number, and the decimal digits they hold.
    bits, digits = 53, 15
    #: The most halvings a bisection takes (the width of a float64 bracket reaches adjacent
    #: doubles well within it, from any width that matters).
    bisection_steps = 200

    def sign(self, x):
        return np.sign(x)

    def _show(self, x, digits):
        return f"{float(x):.{digits}g}"

    def isfinite(self, x):
        return bool(np.all(np.isfinite(x)))

    def erfcx(self, x):
        """``exp(x^2) erfc(x)`` (scipy.special.erfcx, imported on first use)."""
        from scipy.special import erfcx

        return erfcx(x)

    def to_float(self, x):
        return float(x)

    def __reduce__(self):
        return "F64"  # the module's one instance

    @lru_cache(maxsize=None)
    def _kernel(self, module, name):
        return getattr(importlib.import_module(f"numerics._generated.{module}_numpy"), name)


class Elementwise(Backend):
    """A backend of Python number objects made by a context ``ctx`` with mpmath's names
    (``mpf``, ``sqrt``, ``exp``, ``log``, ``log1p``, ``erfc``, ``isfinite``, ``pi``, ``eps``),
    elementwise over numpy object arrays; the generated mpmath kernels run on ``ctx`` as is.
    :func:`MP` gives it an mpmath context; :mod:`numerics.backend_arb` a context of Arb balls."""

    def __init__(self, ctx, name: str):
        self.ctx = ctx
        self.name = name
        self.dps = getattr(ctx, "dps", None)
        self._sqrt = np.frompyfunc(ctx.sqrt, 1, 1)
        self._exp = np.frompyfunc(ctx.exp, 1, 1)
        self._log = np.frompyfunc(ctx.log, 1, 1)
        self._log1p = np.frompyfunc(ctx.log1p, 1, 1)
        self._mpf = np.frompyfunc(ctx.mpf, 1, 1)
        self._erfcx = np.frompyfunc(lambda x: ctx.exp(x * x) * ctx.erfc(x), 1, 1)
        self._kernels = {}

    @property
    def pi(self):
        return self.ctx.pi

    @property
    def eps(self):
        return self.ctx.eps

    @property
    def bits(self) -> int:
        """Significand bits of a number (the context's ``prec``)."""
        return self.ctx.prec

    @property
    def digits(self) -> int:
        """Decimal digits of a number (``dps``)."""
        return self.dps

    @property
    def bisection_steps(self) -> int:
        """The most halvings a bisection takes: the working precision, and a few more."""
        return self.ctx.prec + 10

    def sign(self, x):
        return self.ctx.sign(x)

    def _show(self, x, digits):
        return self.ctx.nstr(x, digits)

    def num(self, x):
        return self.ctx.mpf(x)

    def array(self, x):
        x = np.asarray(x, dtype=object)
        return self._mpf(x) if x.ndim else self.ctx.mpf(x[()])

    def sqrt(self, x):
        return self._sqrt(x) if isinstance(x, np.ndarray) else self.ctx.sqrt(x)

    def exp(self, x):
        return self._exp(x) if isinstance(x, np.ndarray) else self.ctx.exp(x)

    def log(self, x):
        return self._log(x) if isinstance(x, np.ndarray) else self.ctx.log(x)

    def log1p(self, x):
        return self._log1p(x) if isinstance(x, np.ndarray) else self.ctx.log1p(x)

    def abs(self, x):
        return np.abs(x) if isinstance(x, np.ndarray) else abs(x)

    def erfcx(self, x):
        """``exp(x^2) erfc(x)``, elementwise."""
        return self._erfcx(x) if isinstance(x, np.ndarray) else self.ctx.exp(x * x) * self.ctx.erfc(x)

    def isfinite(self, x):
        leaves = x.ravel() if isinstance(x, np.ndarray) else [x]
        return all(self.ctx.isfinite(v) for v in leaves)

    def to_float(self, x):
        return float(x)

    def _kernel(self, module, name):
        key = (module, name)
        if key not in self._kernels:
            fn = getattr(importlib.import_module(f"numerics._generated.{module}_mpmath"), name)
            ctx = self.ctx
            ufunc = np.frompyfunc(lambda *args: fn(ctx, *args), fn.__code__.co_argcount - 1, 1)
            self._kernels[key] = ufunc
        return self._kernels[key]


class _MP(Elementwise):
    def __init__(self, dps: int):
        self.dps = int(dps)
        super().__init__(context(self.dps), f"MP({self.dps})")

    def __reduce__(self):
        return MP, (self.dps,)  # the cached instance of this precision


#: The float64 backend (numpy, broadcasting).
F64 = _F64()


@lru_cache(maxsize=64)
def MP(dps: int) -> _MP:
    """The mpmath backend at ``dps`` decimal digits (one instance per ``dps``)."""
    if isinstance(dps, bool) or not isinstance(dps, int) or dps < 1:
        raise ValueError(f"dps must be an integer >= 1, got {dps!r}")
    return _MP(dps)
