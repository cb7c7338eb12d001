"""The ball backend: Arb balls (python-flint, the ``flint`` extra) for certified values.

``ARB(prec)`` is a :class:`numerics.backend.Backend` whose numbers are Arb balls (a midpoint
and a radius) computed at ``prec`` bits: every operation returns a ball that contains the exact
result of that operation on every point of its arguments' balls, so a formula evaluated on
exact inputs returns a ball that contains its exact value.  Formulas run on it unchanged:
``b.ctx`` is a context with the names of an mpmath context that the generated kernels and
:class:`numerics.model.Polynomial` use (``mpf``, ``sqrt``, ``log``, ``log1p``, ``exp``,
``hypot``, ``tanh``, ``erfc``, ``pi``), so ``b.kernel(module, name)`` is the generated mpmath
kernel itself, run on balls.  A kind's value becomes a ball in
:func:`numerics.lines.base.certified`: a closed form is its own ``solve`` on this backend, a
solved kind is solved in ``b.mp`` (mpmath at a few more digits than ``prec``) and its root is
then enclosed by certified signs (:func:`numerics.solvers.enclose`).

python-flint keeps its working precision in a global (``flint.ctx.prec``); the backend sets it
only inside ``with b.working():`` and restores it after.  Outside that block the results are
still guaranteed, only wider (53-bit balls).  python-flint is imported on the first
``ARB(...)``; without it that raises an ImportError naming the ``flint`` extra.

>>> from numerics.backend_arb import ARB
>>> b = ARB(128)
>>> with b.working():
...     ball = b.kernel("thresholds", "delta2_gf_channels")(4)   # 2/(1 + sqrt(17))
>>> ball.rad() < 1e-35, ball.contains(b.num("0.39"))
(True, False)
"""

from __future__ import annotations

import math
from fractions import Fraction
from functools import lru_cache

import numpy as np

from numerics.backend import MP, Elementwise

__all__ = ["ARB", "ArbContext", "flint"]

#: Decimal digits the mpmath solve of a solved kind works with beyond the ball's precision.
MP_GUARD_DIGITS = 10


def flint():
    """The ``flint`` module (python-flint), or an ImportError that names the extra."""
    try:
        import flint as module
    except ImportError:
        raise ImportError("certified values (Arb balls) need python-flint: install the `flint` extra, "
                          "pip install 'spiked-theory[flint]'") from None
    return module


class ArbContext:
    """The names of an mpmath context on Arb balls at ``prec`` bits (inside ``working()``)."""

    def __init__(self, prec: int):
        module = flint()
        self._arb, self._fmpq = module.arb, module.fmpq
        self.prec = prec
        self.dps = int(prec * math.log10(2))
        self.one, self.zero, self.inf = self._arb(1), self._arb(0), self._arb("inf")
        self.eps = self.mpf(Fraction(1, 2 ** (prec - 1)))  # exact: a power of two

    def mpf(self, x):
        """A ball holding ``x``: exact for int, float and mpmath numbers; the rounded value with
        its error for a Fraction or a decimal string."""
        if isinstance(x, self._arb):
            return x
        if isinstance(x, Fraction):
            return self._arb(self._fmpq(x.numerator, x.denominator))
        if isinstance(x, (np.integer, np.floating)):
            x = x.item()
        return self._arb(x)

    @property
    def pi(self):
        return self._arb.pi()

    def sqrt(self, x):
        return self.mpf(x).sqrt()

    def exp(self, x):
        return self.mpf(x).exp()

    def log(self, x):
        return self.mpf(x).log()

    def log1p(self, x):
        return self.mpf(x).log1p()

    def tanh(self, x):
        return self.mpf(x).tanh()

    def erfc(self, x):
        return self.mpf(x).erfc()

    def hypot(self, x, y):
        x, y = self.mpf(x), self.mpf(y)
        return (x * x + y * y).sqrt()

    def isfinite(self, x):
        return self.mpf(x).is_finite()

    def nstr(self, x, n: int = 6):
        return self.mpf(x).str(n)


class _ARB(Elementwise):
    def __init__(self, prec: int):
        self.prec = prec
        super().__init__(ArbContext(prec), f"ARB({prec})")
        self.dps = self.ctx.dps
        #: Where a solved kind is solved before its root is enclosed.
        self.mp = MP(self.dps + MP_GUARD_DIGITS)

    def working(self):
        """A context manager: python-flint's precision is ``prec`` inside it."""
        return flint().ctx.workprec(self.prec)

    def to_float(self, x):
        return float(self.ctx.mpf(x).mid())

    def __reduce__(self):
        return ARB, (self.prec,)


@lru_cache(maxsize=16)
def ARB(prec: int) -> _ARB:
    """The ball backend at ``prec`` bits (one instance per ``prec``)."""
    if isinstance(prec, bool) or not isinstance(prec, int) or prec < 16:
        raise ValueError(f"prec must be an integer >= 16 (bits), got {prec!r}")
    return _ARB(prec)
