"""Float64 numpy kernels of derivations/thresholds.py.

Generated from derivations/thresholds.py by ``python -m numerics.codegen`` with SymPy 1.14.0;
do not edit.
"""


import numpy as np


__all__ = ['delta2_gf']


def delta2_gf(p, Deltap):
    """Gradient-flow threshold Delta2_GF(Deltap, p): theta(0) = s at the marginal states."""
    _t0 = np.sqrt(Deltap)
    return 2*_t0/(_t0 + np.sqrt(Deltap + 4*p - 4))


#: name -> (expression as text, as LaTeX), for display without SymPy.
FORMULAS = {
    'delta2_gf': ('2*sqrt(Deltap)/(sqrt(Deltap) + sqrt(Deltap + 4*p - 4))', '\\frac{2 \\sqrt{\\Delta_p}}{\\sqrt{\\Delta_p} + \\sqrt{\\Delta_p + 4 p - 4}}'),
}
