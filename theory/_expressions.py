"""``theory.expressions``: the derived SymPy expressions (SymPy is imported only here)."""

from __future__ import annotations


def expressions() -> dict:
    """The expressions derived in :mod:`derivations`, by name, for general ``p``.

    Importing SymPy and deriving takes about a second the first time; results are cached.

    Returns
    -------
    dict
        Name -> SymPy expression in the symbols ``p, Delta2, Deltap, q, m, mu, e``
        (``derivations.symbols``).  Use ``derivations.symbols.latex`` for LaTeX.

    Examples
    --------
    >>> import theory
    >>> theory.expressions()["delta2_gf"]
    2/(sqrt(1 + 4*(p - 1)/Deltap) + 1)
    """
    import derivations

    return dict(derivations.expressions())
