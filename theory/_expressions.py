"""``theory.expressions``: the derived SymPy expressions (SymPy is imported only here).

The expressions are not derived at run time: ``python -m derivations._codegen`` keeps them as
``sympy.srepr`` text in ``numerics/_generated/expressions_srepr.py`` (checked in and
drift-tested like the kernels), and this module rebuilds them from that text, which takes a
fraction of a second instead of the seconds a derivation takes.
"""

from __future__ import annotations

import importlib
from functools import lru_cache


class Expressions(dict):
    """The derived expressions by name (a plain ``dict`` of SymPy expressions), with
    :attr:`descriptions`: name -> one line saying what the expression is."""

    descriptions: dict

    def describe(self, name: str) -> str:
        """The one-line description of expression ``name``."""
        return self.descriptions[name]


@lru_cache(maxsize=None)
def _load() -> tuple:
    import sympy

    from numerics._generated import expressions_srepr as cache

    namespace = dict(vars(sympy))
    for name, module in cache.FUNCTIONS.items():
        namespace[name] = getattr(importlib.import_module(module), name)
    namespace["__builtins__"] = {}
    # The text is the project's own generated file (never user input), read back as srepr is
    # meant to be read: evaluated in SymPy's namespace, without builtins.
    exprs = {name: eval(text, namespace) for name, text in cache.SREPR.items()}  # noqa: S307
    return exprs, dict(cache.DESCRIPTIONS)


def expressions() -> Expressions:
    """The expressions derived in :mod:`derivations`, by name, for general ``p``.

    Read from the cache written by ``python -m derivations._codegen`` (no derivation at run
    time); the first call imports SymPy.  Besides the kernels' expressions, ``"kr_sigma"``
    and ``"kr_sigma_mu"`` are the complexity as one piecewise expression (bulk branch for
    ``|mu| <= 2 s``, outside branch otherwise; the Kac-Rice complexity of arXiv:1907.08226).

    Returns
    -------
    Expressions
        A ``dict``: name -> SymPy expression in the symbols ``p, Delta2, Deltap, q, m, mu, e``
        (``derivations.symbols``); ``.descriptions[name]`` (or ``.describe(name)``) says in one
        line what each is.  Use ``derivations.symbols.latex`` for LaTeX.

    Examples
    --------
    >>> import theory
    >>> exprs = theory.expressions()
    >>> exprs["delta2_gf"]
    2/(sqrt(1 + 4*(p - 1)/Deltap) + 1)
    >>> exprs.describe("delta2_gf")
    'Gradient-flow threshold Delta2_GF(Deltap, p): theta(0) = s at the marginal states.'
    >>> type(exprs["kr_sigma"]).__name__
    'Piecewise'
    """
    exprs, descriptions = _load()
    out = Expressions(exprs)
    out.descriptions = dict(descriptions)
    return out


def polynomial(poly, var=None):
    """A polynomial of :mod:`numerics.model` (``Polynomial``: exact ``(power, Fraction)`` terms)
    as a SymPy expression in ``var`` (default the real symbol ``q``); imports SymPy.

    The SymPy form of a model's ``xi`` and ``g`` is built here, in the API layer, so that
    :mod:`numerics` imports no SymPy at all.

    Parameters
    ----------
    poly : numerics.model.Polynomial
        Its ``terms`` are ``(power, coefficient)`` pairs.
    var : sympy.Symbol, optional
        The variable; default ``Symbol("q", real=True)``.

    Raises
    ------
    ValueError
        If a coefficient is not an exact rational (a float has no exact SymPy form).

    Examples
    --------
    >>> from fractions import Fraction
    >>> from types import SimpleNamespace
    >>> polynomial(SimpleNamespace(terms=((2, Fraction(1, 2)), (3, Fraction(1, 3)))))
    q**3/3 + q**2/2
    """
    from fractions import Fraction

    import sympy as sp

    if not all(isinstance(c, Fraction) for _, c in poly.terms):
        raise ValueError("poly: only a polynomial with exact (Fraction) coefficients has a SymPy form")
    var = sp.Symbol("q", real=True) if var is None else var
    return sp.Add(*(sp.Rational(c.numerator, c.denominator) * var**n for n, c in poly.terms))
