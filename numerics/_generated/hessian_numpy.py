"""Float64 numpy kernels of derivations/hessian.py.

Generated from derivations/hessian.py by ``python -m derivations._codegen``
with SymPy 1.14.0; do not edit.
"""


import numpy as np


__all__ = ['h_scale', 'h_theta', 'h_bbp_margin', 'h_bulk_lower', 'h_bulk_upper', 'h_outlier']


def h_scale(d2xi_1):
    """s = sqrt(xi''(1)): half the radius of the Hessian bulk (any model)."""
    return np.sqrt(d2xi_1)


def h_theta(m, d2g_m):
    """Rank-one strength theta(m) = g''(m) (1 - m**2) (any model)."""
    return d2g_m*(1 - m**2)


def h_bbp_margin(m, d2xi_1, d2g_m):
    """theta(m) - s: positive iff a BBP outlier leaves the bulk (any model)."""
    return d2g_m*(1 - m**2) - np.sqrt(d2xi_1)


def h_bulk_lower(mu, d2xi_1):
    """Lower bulk edge mu - 2 s (any model)."""
    return -2*np.sqrt(d2xi_1) + mu


def h_bulk_upper(mu, d2xi_1):
    """Upper bulk edge mu + 2 s (any model)."""
    return 2*np.sqrt(d2xi_1) + mu


def h_outlier(m, mu, d2xi_1, d2g_m):
    """Isolated eigenvalue mu - theta - s**2/theta (any model; meaningful when theta > s)."""
    _t0 = 1 - m**2
    return -_t0*d2g_m + mu - d2xi_1/(_t0*d2g_m)


def __getattr__(name):
    """``FORMULAS``: name -> (text, LaTeX) of each expression, read from formulas.json."""
    if name == "FORMULAS":
        from numerics._generated import formulas

        return formulas('hessian')
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
