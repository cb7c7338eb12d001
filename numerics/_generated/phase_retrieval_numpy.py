"""Float64 numpy kernels of derivations/phase_retrieval.py.

Generated from derivations/phase_retrieval.py by ``python -m numerics.codegen`` with SymPy 1.14.0;
do not edit.
"""


import numpy as np


__all__ = ['pr_square_loss', 'pr_square_dloss', 'pr_square_d2loss', 'pr_square_mult', 'pr_reg_loss', 'pr_reg_dloss', 'pr_reg_d2loss', 'pr_reg_mult']


def pr_square_loss(h, y):
    """The square loss l(h; y)."""
    return (1/4)*(h**2 - y)**2


def pr_square_dloss(h, y):
    """dl/dh of the square loss."""
    return -h*(-h**2 + y)


def pr_square_d2loss(h, y):
    """d2l/dh2 of the square loss: the Hessian weight D."""
    return 3*h**2 - y


def pr_square_mult(h, y):
    """l'(h) h of the square loss: the integrand of the Lagrange multiplier."""
    _t0 = h**2
    return -_t0*(-_t0 + y)


def pr_reg_loss(h, y, a):
    """The regularised loss l(h; y)."""
    return (h**2 - y)**2/(4*a + 4*y)


def pr_reg_dloss(h, y, a):
    """dl/dh of the regularised loss."""
    return -h*(-h**2 + y)/(a + y)


def pr_reg_d2loss(h, y, a):
    """d2l/dh2 of the regularised loss: the Hessian weight D."""
    return -(-3*h**2 + y)/(a + y)


def pr_reg_mult(h, y, a):
    """l'(h) h of the regularised loss: the integrand of the Lagrange multiplier."""
    _t0 = h**2
    return -_t0*(-_t0 + y)/(a + y)


#: name -> (expression as text, as LaTeX), for display without SymPy.
FORMULAS = {
    'pr_square_loss': ('(h**2 - y)**2/4', '\\frac{\\left(h^{2} - y\\right)^{2}}{4}'),
    'pr_square_dloss': ('-h*(-h**2 + y)', '- h \\left(- h^{2} + y\\right)'),
    'pr_square_d2loss': ('3*h**2 - y', '3 h^{2} - y'),
    'pr_square_mult': ('-h**2*(-h**2 + y)', '- h^{2} \\left(- h^{2} + y\\right)'),
    'pr_reg_loss': ('(h**2 - y)**2/(4*a + 4*y)', '\\frac{\\left(h^{2} - y\\right)^{2}}{4 a + 4 y}'),
    'pr_reg_dloss': ('-h*(-h**2 + y)/(a + y)', '- \\frac{h \\left(- h^{2} + y\\right)}{a + y}'),
    'pr_reg_d2loss': ('-(-3*h**2 + y)/(a + y)', '- \\frac{- 3 h^{2} + y}{a + y}'),
    'pr_reg_mult': ('-h**2*(-h**2 + y)/(a + y)', '- \\frac{h^{2} \\left(- h^{2} + y\\right)}{a + y}'),
}
