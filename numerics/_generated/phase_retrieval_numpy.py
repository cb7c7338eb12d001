"""Float64 numpy kernels of derivations/phase_retrieval.py.

Generated from derivations/phase_retrieval.py by ``python -m derivations._codegen``
with SymPy 1.14.0; do not edit.
"""


import numpy as np


__all__ = ['pr_square_loss', 'pr_square_dloss', 'pr_square_d2loss', 'pr_square_mult', 'pr_reg_loss', 'pr_reg_dloss', 'pr_reg_d2loss', 'pr_reg_mult', 'pr_rs_z', 'pr_rs_m1', 'pr_rs_m2', 'pr_opt_T', 'pr_opt_resolvent', 'pr_gout', 'pr_wr_integrand', 'pr_it_divergence']


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


def pr_rs_z(y, s, a):
    """z = sqrt(c/(2 b)), b = 3 s, c = a + y (1 - s): the argument of erfcx."""
    return (1/6)*np.sqrt(6)*np.sqrt(a + y*(1 - s))/np.sqrt(s)


def pr_rs_m1(y, s, a, X):
    """E_h[D/(1 + D s)] of the regularised loss at m = 0, X = erfcx(z)."""
    return (-1/6*np.sqrt(6)*np.sqrt(np.pi)*X*(a + y)/(np.sqrt(s)*np.sqrt(a + y*(1 - s))) + 1)/s


def pr_rs_m2(y, s, a, X):
    """E_h[(D/(1 + D s))^2] of the regularised loss at m = 0, X = erfcx(z)."""
    _t0 = 1/np.sqrt(s)
    _t1 = a + y*(1 - s)
    _t2 = np.sqrt(6)*np.sqrt(np.pi)*X
    _t3 = _t2/np.sqrt(_t1)
    return (-1/6*_t0*_t3*(2*a + 2*y) + (a + y)**2*((1/12)*_t0*_t2/_t1**(3/2) - 1/36*_t3/s**(3/2) + (1/6)/(_t1*s)) + 1)/s**2


def pr_opt_T(y, alpha):
    """Optimal preprocessing T*(y) of the noiseless real case."""
    _t0 = y - 1
    return _t0/(_t0 + np.sqrt(2)*np.sqrt(alpha))


def pr_opt_resolvent(y, alpha, s):
    """T*/(1 + T* s) without the removable pole."""
    _t0 = y - 1
    return _t0/(_t0 + np.sqrt(2)*np.sqrt(alpha) + s*y - s)


def pr_gout(y, omega, V):
    """GAMP output function d/domega log Z_out, noiseless."""
    _t0 = 1/V
    _t1 = np.sqrt(y)
    return _t0*(_t1*np.tanh(_t0*_t1*omega) - omega)


def pr_wr_integrand(y):
    """(E[z^2|y] - 1)^2 of the noiseless channel: alpha_WR = 1/E[.]."""
    return y**2 - 2*y + 1


def pr_it_divergence(alpha):
    """Coefficient of -log(1 - q) of the free entropy at q -> 1 (> 0: perfect recovery)."""
    return (1/2)*alpha - 1/2


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
    'pr_rs_z': ('sqrt(6)*sqrt(a + y*(1 - s))/(6*sqrt(s))', '\\frac{\\sqrt{6} \\sqrt{a + y \\left(1 - s\\right)}}{6 \\sqrt{s}}'),
    'pr_rs_m1': ('(-sqrt(6)*sqrt(pi)*X*(a + y)/(6*sqrt(s)*sqrt(a + y*(1 - s))) + 1)/s', '\\frac{- \\frac{\\sqrt{6} \\sqrt{\\pi} X \\left(a + y\\right)}{6 \\sqrt{s} \\sqrt{a + y \\left(1 - s\\right)}} + 1}{s}'),
    'pr_rs_m2': ('(-sqrt(6)*sqrt(pi)*X*(2*a + 2*y)/(6*sqrt(s)*sqrt(a + y*(1 - s))) + (a + y)**2*(sqrt(6)*sqrt(pi)*X/(12*sqrt(s)*(a + y*(1 - s))**(3/2)) - sqrt(6)*sqrt(pi)*X/(36*s**(3/2)*sqrt(a + y*(1 - s))) + 1/(6*s*(a + y*(1 - s)))) + 1)/s**2', '\\frac{- \\frac{\\sqrt{6} \\sqrt{\\pi} X \\left(2 a + 2 y\\right)}{6 \\sqrt{s} \\sqrt{a + y \\left(1 - s\\right)}} + \\left(a + y\\right)^{2} \\left(\\frac{\\sqrt{6} \\sqrt{\\pi} X}{12 \\sqrt{s} \\left(a + y \\left(1 - s\\right)\\right)^{\\frac{3}{2}}} - \\frac{\\sqrt{6} \\sqrt{\\pi} X}{36 s^{\\frac{3}{2}} \\sqrt{a + y \\left(1 - s\\right)}} + \\frac{1}{6 s \\left(a + y \\left(1 - s\\right)\\right)}\\right) + 1}{s^{2}}'),
    'pr_opt_T': ('(y - 1)/(sqrt(2)*sqrt(alpha) + y - 1)', '\\frac{y - 1}{\\sqrt{2} \\sqrt{\\alpha} + y - 1}'),
    'pr_opt_resolvent': ('(y - 1)/(sqrt(2)*sqrt(alpha) + s*y - s + y - 1)', '\\frac{y - 1}{\\sqrt{2} \\sqrt{\\alpha} + s y - s + y - 1}'),
    'pr_gout': ('(-omega + sqrt(y)*tanh(omega*sqrt(y)/V))/V', '\\frac{- \\omega + \\sqrt{y} \\tanh{\\left(\\frac{\\omega \\sqrt{y}}{V} \\right)}}{V}'),
    'pr_wr_integrand': ('y**2 - 2*y + 1', 'y^{2} - 2 y + 1'),
    'pr_it_divergence': ('alpha/2 - 1/2', '\\frac{\\alpha}{2} - \\frac{1}{2}'),
}
