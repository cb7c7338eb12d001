"""The record a derivation hands to the code generator."""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp


@dataclass(frozen=True)
class Kernel:
    """An expression to print as a numpy and an mpmath function.

    Parameters
    ----------
    name : str
        Function name in the generated modules (and key of :func:`derivations.expressions`).
    args : tuple of sympy.Symbol
        Positional arguments, in order; every free symbol of ``expr`` must be among them.
    expr : sympy.Expr
        The exact expression (no Floats).
    doc : str
        One line for the generated docstring.
    """

    name: str
    args: tuple
    expr: sp.Expr
    doc: str

    def __post_init__(self):
        if self.expr.free_symbols != set(self.args):
            # Equality (not inclusion) keeps every numpy kernel broadcasting over all its
            # arguments, so that it returns their broadcast shape.
            raise ValueError(
                f"kernel {self.name!r}: arguments {self.args} must be exactly the free "
                f"symbols {sorted(map(str, self.expr.free_symbols))}"
            )
        if self.expr.atoms(sp.Float):
            raise ValueError(f"kernel {self.name!r}: Float literal in an exact expression")
