"""Float64 numpy kernels of derivations/model.py.

Generated from derivations/model.py by ``python -m derivations._codegen``
with SymPy 1.14.0; do not edit.
"""


import numpy as np


__all__ = ['xi', 'xi_prime', 'xi_second']


def xi(q, p, Delta2, Deltap):
    """Covariance xi(q) of the noise field."""
    return q**p/(Deltap*p) + (1/2)*q**2/Delta2


def xi_prime(q, p, Delta2, Deltap):
    """First derivative xi'(q)."""
    return q**(p - 1)/Deltap + q/Delta2


def xi_second(q, p, Delta2, Deltap):
    """Second derivative xi''(q)."""
    return q**(p - 2)*(p - 1)/Deltap + 1/Delta2


def __getattr__(name):
    """``FORMULAS``: name -> (text, LaTeX) of each expression, read from formulas.json."""
    if name == "FORMULAS":
        from numerics._generated import formulas

        return formulas('model')
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
