"""Float64 numpy kernels of derivations/phase_retrieval.py.

Generated from derivations/phase_retrieval.py by ``python -m derivations._codegen``
with SymPy 1.14.0; do not edit.
"""


import numpy as np


__all__ = (
    ['pr_square_loss', 'pr_square_dloss', 'pr_square_d2loss', 'pr_square_mult', 'pr_reg_loss',
    'pr_reg_dloss', 'pr_reg_d2loss', 'pr_reg_mult', 'pr_rs_z', 'pr_rs_m1', 'pr_rs_m2', 'pr_opt_T',
    'pr_opt_resolvent', 'pr_gout', 'pr_wr_integrand', 'pr_amp_gout2', 'pr_amp_x', 'pr_amp_L',
    'pr_amp_kdL', 'pr_amp_L_series', 'pr_amp_kdL_series', 'pr_amp_ratio', 'pr_amp_stationarity',
    'pr_it_divergence', 'pr_square_prox_kappa', 'pr_reg_prox_kappa', 'pr_1rsb_entropic',
    'pr_1rsb_chi_saddle', 'pr_1rsb_energy', 'pr_spinodal'])


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
    return (
        (-1/6*_t0*_t3*(2*a + 2*y) + (a + y)**2*((1/12)*_t0*_t2/_t1**(3/2) - 1/36*_t3/s**(3/2) +
        (1/6)/(_t1*s)) + 1)/s**2)


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


def pr_amp_gout2(q, S):
    """E[g_out^2] of the noiseless state evolution at overlap q, S = E[t^2 sech(sqrt(q) u t)]."""
    _t0 = q - 1
    _t1 = -_t0
    return (-S*_t1**(3/2) - _t0)/_t1**2


def pr_amp_x(k):
    """x = (1 + k)/(4 k): the trigamma argument of L(k)."""
    return (1/4)*(k + 1)/k


def pr_amp_L(k, P1a, P1b):
    """L(k) = int rho e^-rho sech(k rho), P1a = psi_1(x), P1b = psi_1(x + 1/2)."""
    return (1/8)*(P1a - P1b)/k**2


def pr_amp_kdL(k, P1a, P1b, P2a, P2b):
    """k L'(k), P2a = psi_2(x), P2b = psi_2(x + 1/2)."""
    _t0 = k**(-2.0)
    _t1 = k**(-3.0)
    return -1/4*P1a*_t0 + (1/4)*P1b*_t0 - 1/32*P2a*_t1 + (1/32)*P2b*_t1


def pr_amp_L_series(k):
    """L(k) to O(k^8), for small k."""
    return -427*k**6 + 25*k**4 - 3*k**2 + 1


def pr_amp_kdL_series(k):
    """k L'(k) to O(k^8), for small k."""
    return -2562*k**6 + 100*k**4 - 6*k**2


def pr_amp_ratio(q, S):
    """alpha at which q is a fixed point of the state evolution: alpha_AMP = max_q of it."""
    return -q/(S*np.sqrt(1 - q) - 1)


def pr_amp_stationarity(q, S, U):
    """d ratio/dq times a positive factor (U = 2 q dS/dq): zero at the AMP threshold's q."""
    _t0 = 1/np.sqrt(1 - q)
    _t1 = S*_t0
    _t2 = (1/2)*U*_t0
    return (1/2)*_t1*q - _t1 - _t2*q + _t2 + 1


def pr_it_divergence(alpha):
    """Coefficient of -log(1 - q) of the free entropy at q -> 1 (> 0: perfect recovery)."""
    return (1/2)*alpha - 1/2


def pr_square_prox_kappa(chi):
    """kappa of the one-sample cubic h^3 + (kappa - y) h - kappa omega (square loss)."""
    return 1/chi


def pr_reg_prox_kappa(y, chi, a):
    """kappa of the one-sample cubic h^3 + (kappa - y) h - kappa omega (regularised loss)."""
    return (a + y)/chi


def pr_1rsb_entropic(y_P, chi):
    """y_P times the sphere's 1RSB entropic term at q0 = 0."""
    return (1/2)*np.log(1 + y_P/chi)


def pr_1rsb_chi_saddle(alpha, y_P, chi, L2):
    """The chi saddle of the zero-temperature 1RSB potential (L2 = <l'^2> tilted)."""
    _t0 = L2*alpha
    return _t0*chi**2 + _t0*chi*y_P - 1


def pr_1rsb_energy(alpha, y_P, chi, Ebar):
    """Energy per coordinate -dG/dy_P (Ebar = <e_chi> tilted)."""
    _t0 = 1/chi
    return Ebar*alpha - 1/2*_t0/(_t0*y_P + 1)


def pr_spinodal(y, kappa):
    """|omega| below which the one-sample cost has two minima (y > kappa)."""
    return (2/9)*np.sqrt(3)*(-kappa + y)**(3/2)/kappa


def __getattr__(name):
    """``FORMULAS``: name -> (text, LaTeX) of each expression, read from formulas.json."""
    if name == "FORMULAS":
        from numerics._generated import formulas

        return formulas('phase_retrieval')
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
