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


#: name -> (expression as text, as LaTeX), for display without SymPy.
FORMULAS = {
    'xi': ('q**p/(Deltap*p) + q**2/(2*Delta2)', '\\frac{q^{p}}{\\Delta_p p} + \\frac{q^{2}}{2 \\Delta_2}'),
    'xi_prime': ('q**(p - 1)/Deltap + q/Delta2', '\\frac{q^{p - 1}}{\\Delta_p} + \\frac{q}{\\Delta_2}'),
    'xi_second': ('q**(p - 2)*(p - 1)/Deltap + 1/Delta2', '\\frac{q^{p - 2} \\left(p - 1\\right)}{\\Delta_p} + \\frac{1}{\\Delta_2}'),
}
