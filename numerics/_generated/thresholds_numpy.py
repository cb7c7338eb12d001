"""Float64 numpy kernels of derivations/thresholds.py.

Generated from derivations/thresholds.py by ``python -m derivations._codegen``
with SymPy 1.14.0; do not edit.
"""


import numpy as np


__all__ = ['delta2_gf', 'delta2_gf_channels']


def delta2_gf(p, Deltap):
    """Gradient-flow threshold Delta2_GF(Deltap, p): theta(0) = s at the marginal states."""
    return 2/(np.sqrt(1 + 4*(p - 1)/Deltap) + 1)


def delta2_gf_channels(d2xi_1):
    """Gradient-flow threshold for any tensor channels; d2xi_1 = xi''(1) of the tensor channels
    alone."""
    return 2/(np.sqrt(4*d2xi_1 + 1) + 1)


def __getattr__(name):
    """``FORMULAS``: name -> (text, LaTeX) of each expression, read from formulas.json."""
    if name == "FORMULAS":
        from numerics._generated import formulas

        return formulas('thresholds')
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
