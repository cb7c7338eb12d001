"""Float64 numpy kernels of derivations/thresholds.py.

Generated from derivations/thresholds.py by ``python -m numerics.codegen`` with SymPy 1.14.0;
do not edit.
"""


import numpy as np


__all__ = ['delta2_gf']


def delta2_gf(p, Deltap):
    """Gradient-flow threshold Delta2_GF(Deltap, p): theta(0) = s at the marginal states."""
    return 2/(np.sqrt(1 + 4*(p - 1)/Deltap) + 1)


#: name -> (expression as text, as LaTeX), for display without SymPy.
FORMULAS = {
    'delta2_gf': ('2/(sqrt(1 + 4*(p - 1)/Deltap) + 1)', '\\frac{2}{\\sqrt{1 + \\frac{4 \\left(p - 1\\right)}{\\Delta_p}} + 1}'),
}
