"""Kernels generated from derivations/ by ``python -m derivations._codegen``; do not edit by hand.

For each derivation module ``NAME`` there are ``NAME_numpy`` (float64, broadcasting) and
``NAME_mpmath`` (every function takes a context ``ctx`` first) modules.  The expressions as
text and as LaTeX are data, in ``formulas.json`` (read by :func:`formulas` on first use;
``NAME_numpy.FORMULAS`` is the same table for one module).
"""

from functools import lru_cache


@lru_cache(maxsize=None)
def _table() -> dict:
    import json
    from importlib import resources

    text = resources.files(__name__).joinpath("formulas.json").read_text(encoding="utf-8")
    return json.loads(text)


def formulas(module: str | None = None) -> dict:
    """Each named expression (kernel, or instance not printed as code) as text and as LaTeX:
    name -> ``(text, latex)``.

    Parameters
    ----------
    module : str, optional
        A derivation module (``"thresholds"``, ...); all modules, merged, when None.

    Examples
    --------
    >>> formulas("thresholds")["delta2_gf"][0]
    '2/(sqrt(1 + 4*(p - 1)/Deltap) + 1)'
    """
    table = _table()
    if module is not None and module not in table:
        raise ValueError(f"module: one of {sorted(table)}, not {module!r}")
    chosen = table.values() if module is None else [table[module]]
    return {name: tuple(pair) for rows in chosen for name, pair in rows.items()}
