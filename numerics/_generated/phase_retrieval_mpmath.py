"""mpmath kernels of derivations/phase_retrieval.py.

Generated from derivations/phase_retrieval.py by ``python -m derivations._codegen``
with SymPy 1.14.0; do not edit.
"""


__all__ = (
    ['pr_square_loss', 'pr_square_dloss', 'pr_square_d2loss', 'pr_square_mult', 'pr_reg_loss',
    'pr_reg_dloss', 'pr_reg_d2loss', 'pr_reg_mult', 'pr_rs_z', 'pr_rs_m1', 'pr_rs_m2', 'pr_opt_T',
    'pr_opt_resolvent', 'pr_gout', 'pr_wr_integrand', 'pr_amp_gout2', 'pr_amp_x', 'pr_amp_L',
    'pr_amp_kdL', 'pr_amp_L_series', 'pr_amp_kdL_series', 'pr_amp_ratio', 'pr_amp_stationarity',
    'pr_it_divergence', 'pr_square_prox_kappa', 'pr_reg_prox_kappa', 'pr_1rsb_entropic',
    'pr_1rsb_chi_saddle', 'pr_1rsb_energy', 'pr_spinodal'])


def pr_square_loss(ctx, h, y):
    """The square loss l(h; y)."""
    h = ctx.mpf(h)
    y = ctx.mpf(y)
    return (ctx.mpf(1)/ctx.mpf(4))*(h**2 - y)**2


def pr_square_dloss(ctx, h, y):
    """dl/dh of the square loss."""
    h = ctx.mpf(h)
    y = ctx.mpf(y)
    return -h*(-h**2 + y)


def pr_square_d2loss(ctx, h, y):
    """d2l/dh2 of the square loss: the Hessian weight D."""
    h = ctx.mpf(h)
    y = ctx.mpf(y)
    return 3*h**2 - y


def pr_square_mult(ctx, h, y):
    """l'(h) h of the square loss: the integrand of the Lagrange multiplier."""
    h = ctx.mpf(h)
    y = ctx.mpf(y)
    _t0 = h**2
    return -_t0*(-_t0 + y)


def pr_reg_loss(ctx, h, y, a):
    """The regularised loss l(h; y)."""
    h = ctx.mpf(h)
    y = ctx.mpf(y)
    a = ctx.mpf(a)
    return (h**2 - y)**2/(4*a + 4*y)


def pr_reg_dloss(ctx, h, y, a):
    """dl/dh of the regularised loss."""
    h = ctx.mpf(h)
    y = ctx.mpf(y)
    a = ctx.mpf(a)
    return -h*(-h**2 + y)/(a + y)


def pr_reg_d2loss(ctx, h, y, a):
    """d2l/dh2 of the regularised loss: the Hessian weight D."""
    h = ctx.mpf(h)
    y = ctx.mpf(y)
    a = ctx.mpf(a)
    return -(-3*h**2 + y)/(a + y)


def pr_reg_mult(ctx, h, y, a):
    """l'(h) h of the regularised loss: the integrand of the Lagrange multiplier."""
    h = ctx.mpf(h)
    y = ctx.mpf(y)
    a = ctx.mpf(a)
    _t0 = h**2
    return -_t0*(-_t0 + y)/(a + y)


def pr_rs_z(ctx, y, s, a):
    """z = sqrt(c/(2 b)), b = 3 s, c = a + y (1 - s): the argument of erfcx."""
    y = ctx.mpf(y)
    s = ctx.mpf(s)
    a = ctx.mpf(a)
    return (ctx.mpf(1)/ctx.mpf(6))*ctx.sqrt(6)*ctx.sqrt(a + y*(1 - s))/ctx.sqrt(s)


def pr_rs_m1(ctx, y, s, a, X):
    """E_h[D/(1 + D s)] of the regularised loss at m = 0, X = erfcx(z)."""
    y = ctx.mpf(y)
    s = ctx.mpf(s)
    a = ctx.mpf(a)
    X = ctx.mpf(X)
    return (
        (-ctx.mpf(1)/ctx.mpf(6)*ctx.sqrt(6)*ctx.sqrt(ctx.pi)*X*(a + y)/(ctx.sqrt(s)*ctx.sqrt(a +
        y*(1 - s))) + 1)/s)


def pr_rs_m2(ctx, y, s, a, X):
    """E_h[(D/(1 + D s))^2] of the regularised loss at m = 0, X = erfcx(z)."""
    y = ctx.mpf(y)
    s = ctx.mpf(s)
    a = ctx.mpf(a)
    X = ctx.mpf(X)
    _t0 = 1/ctx.sqrt(s)
    _t1 = a + y*(1 - s)
    _t2 = ctx.sqrt(6)*ctx.sqrt(ctx.pi)*X
    _t3 = _t2/ctx.sqrt(_t1)
    return (
        (-ctx.mpf(1)/ctx.mpf(6)*_t0*_t3*(2*a + 2*y) + (a +
        y)**2*((ctx.mpf(1)/ctx.mpf(12))*_t0*_t2/_t1**(ctx.mpf(3)/ctx.mpf(2)) -
        ctx.mpf(1)/ctx.mpf(36)*_t3/s**(ctx.mpf(3)/ctx.mpf(2)) + (ctx.mpf(1)/ctx.mpf(6))/(_t1*s)) +
        1)/s**2)


def pr_opt_T(ctx, y, alpha):
    """Optimal preprocessing T*(y) of the noiseless real case."""
    y = ctx.mpf(y)
    alpha = ctx.mpf(alpha)
    _t0 = y - 1
    return _t0/(_t0 + ctx.sqrt(2)*ctx.sqrt(alpha))


def pr_opt_resolvent(ctx, y, alpha, s):
    """T*/(1 + T* s) without the removable pole."""
    y = ctx.mpf(y)
    alpha = ctx.mpf(alpha)
    s = ctx.mpf(s)
    _t0 = y - 1
    return _t0/(_t0 + ctx.sqrt(2)*ctx.sqrt(alpha) + s*y - s)


def pr_gout(ctx, y, omega, V):
    """GAMP output function d/domega log Z_out, noiseless."""
    y = ctx.mpf(y)
    omega = ctx.mpf(omega)
    V = ctx.mpf(V)
    _t0 = 1/V
    _t1 = ctx.sqrt(y)
    return _t0*(_t1*ctx.tanh(_t0*_t1*omega) - omega)


def pr_wr_integrand(ctx, y):
    """(E[z^2|y] - 1)^2 of the noiseless channel: alpha_WR = 1/E[.]."""
    y = ctx.mpf(y)
    return y**2 - 2*y + 1


def pr_amp_gout2(ctx, q, S):
    """E[g_out^2] of the noiseless state evolution at overlap q, S = E[t^2 sech(sqrt(q) u t)]."""
    q = ctx.mpf(q)
    S = ctx.mpf(S)
    _t0 = q - 1
    _t1 = -_t0
    return (-S*_t1**(ctx.mpf(3)/ctx.mpf(2)) - _t0)/_t1**2


def pr_amp_x(ctx, k):
    """x = (1 + k)/(4 k): the trigamma argument of L(k)."""
    k = ctx.mpf(k)
    return (ctx.mpf(1)/ctx.mpf(4))*(k + 1)/k


def pr_amp_L(ctx, k, P1a, P1b):
    """L(k) = int rho e^-rho sech(k rho), P1a = psi_1(x), P1b = psi_1(x + 1/2)."""
    k = ctx.mpf(k)
    P1a = ctx.mpf(P1a)
    P1b = ctx.mpf(P1b)
    return (ctx.mpf(1)/ctx.mpf(8))*(P1a - P1b)/k**2


def pr_amp_kdL(ctx, k, P1a, P1b, P2a, P2b):
    """k L'(k), P2a = psi_2(x), P2b = psi_2(x + 1/2)."""
    k = ctx.mpf(k)
    P1a = ctx.mpf(P1a)
    P1b = ctx.mpf(P1b)
    P2a = ctx.mpf(P2a)
    P2b = ctx.mpf(P2b)
    _t0 = k**(-2)
    _t1 = k**(-3)
    return (
        -ctx.mpf(1)/ctx.mpf(4)*P1a*_t0 + (ctx.mpf(1)/ctx.mpf(4))*P1b*_t0 -
        ctx.mpf(1)/ctx.mpf(32)*P2a*_t1 + (ctx.mpf(1)/ctx.mpf(32))*P2b*_t1)


def pr_amp_L_series(ctx, k):
    """L(k) to O(k^8), for small k."""
    k = ctx.mpf(k)
    return -427*k**6 + 25*k**4 - 3*k**2 + 1


def pr_amp_kdL_series(ctx, k):
    """k L'(k) to O(k^8), for small k."""
    k = ctx.mpf(k)
    return -2562*k**6 + 100*k**4 - 6*k**2


def pr_amp_ratio(ctx, q, S):
    """alpha at which q is a fixed point of the state evolution: alpha_AMP = max_q of it."""
    q = ctx.mpf(q)
    S = ctx.mpf(S)
    return -q/(S*ctx.sqrt(1 - q) - 1)


def pr_amp_stationarity(ctx, q, S, U):
    """d ratio/dq times a positive factor (U = 2 q dS/dq): zero at the AMP threshold's q."""
    q = ctx.mpf(q)
    S = ctx.mpf(S)
    U = ctx.mpf(U)
    _t0 = 1/ctx.sqrt(1 - q)
    _t1 = S*_t0
    _t2 = (ctx.mpf(1)/ctx.mpf(2))*U*_t0
    return (ctx.mpf(1)/ctx.mpf(2))*_t1*q - _t1 - _t2*q + _t2 + 1


def pr_it_divergence(ctx, alpha):
    """Coefficient of -log(1 - q) of the free entropy at q -> 1 (> 0: perfect recovery)."""
    alpha = ctx.mpf(alpha)
    return (ctx.mpf(1)/ctx.mpf(2))*alpha + ctx.mpf(-1)/ctx.mpf(2)


def pr_square_prox_kappa(ctx, chi):
    """kappa of the one-sample cubic h^3 + (kappa - y) h - kappa omega (square loss)."""
    chi = ctx.mpf(chi)
    return 1/chi


def pr_reg_prox_kappa(ctx, y, chi, a):
    """kappa of the one-sample cubic h^3 + (kappa - y) h - kappa omega (regularised loss)."""
    y = ctx.mpf(y)
    chi = ctx.mpf(chi)
    a = ctx.mpf(a)
    return (a + y)/chi


def pr_1rsb_entropic(ctx, y_P, chi):
    """y_P times the sphere's 1RSB entropic term at q0 = 0."""
    y_P = ctx.mpf(y_P)
    chi = ctx.mpf(chi)
    return (ctx.mpf(1)/ctx.mpf(2))*ctx.log(1 + y_P/chi)


def pr_1rsb_chi_saddle(ctx, alpha, y_P, chi, L2):
    """The chi saddle of the zero-temperature 1RSB potential (L2 = <l'^2> tilted)."""
    alpha = ctx.mpf(alpha)
    y_P = ctx.mpf(y_P)
    chi = ctx.mpf(chi)
    L2 = ctx.mpf(L2)
    _t0 = L2*alpha
    return _t0*chi**2 + _t0*chi*y_P - 1


def pr_1rsb_energy(ctx, alpha, y_P, chi, Ebar):
    """Energy per coordinate -dG/dy_P (Ebar = <e_chi> tilted)."""
    alpha = ctx.mpf(alpha)
    y_P = ctx.mpf(y_P)
    chi = ctx.mpf(chi)
    Ebar = ctx.mpf(Ebar)
    _t0 = 1/chi
    return Ebar*alpha - ctx.mpf(1)/ctx.mpf(2)*_t0/(_t0*y_P + 1)


def pr_spinodal(ctx, y, kappa):
    """|omega| below which the one-sample cost has two minima (y > kappa)."""
    y = ctx.mpf(y)
    kappa = ctx.mpf(kappa)
    return (ctx.mpf(2)/ctx.mpf(9))*ctx.sqrt(3)*(-kappa + y)**(ctx.mpf(3)/ctx.mpf(2))/kappa
