"""The symbols of the theory, with the paper's letters and their assumptions."""

from __future__ import annotations

import sympy as sp

#: Order of the tensor: an integer, p >= 3 (see :func:`at_zero` for how p >= 3 is used).
p = sp.Symbol("p", integer=True, positive=True)
#: Noise variances of the matrix and of the tensor channel.
Delta2 = sp.Symbol("Delta2", positive=True)
Deltap = sp.Symbol("Deltap", positive=True)
#: Overlaps: generic argument of the covariance, overlap with the signal.
q = sp.Symbol("q", real=True)
m = sp.Symbol("m", real=True)
#: Minus the radial Lagrange multiplier (the Hessian shift) and the energy per coordinate.
mu = sp.Symbol("mu", real=True)
energy = sp.Symbol("e", real=True)

_r = sp.Symbol("r", integer=True, nonnegative=True)


def at_zero(expr: sp.Expr, var: sp.Symbol) -> sp.Expr:
    """Evaluate ``expr`` at ``var = 0`` using p >= 3.

    SymPy cannot know that ``0**(p - 2)`` vanishes, because an integer symbol may be
    small.  Writing ``p = 3 + r`` with ``r >= 0`` an integer makes every power
    ``var**(p - k)`` with ``k < 3`` a positive power, which SymPy sets to zero.
    """
    shifted = expr.subs(p, 3 + _r).subs(var, 0)
    return sp.simplify(shifted.subs(_r, p - 3))


#: How the paper's letters print in LaTeX.
LATEX_NAMES = {Delta2: r"\Delta_2", Deltap: r"\Delta_p", mu: r"\mu", energy: "e"}


def latex(expr: sp.Expr) -> str:
    """LaTeX of an expression with the paper's notation (``\\Delta_2``, ``\\Delta_p``)."""
    return sp.latex(expr, symbol_names=LATEX_NAMES)
