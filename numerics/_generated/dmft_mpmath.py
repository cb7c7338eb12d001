"""mpmath kernels of derivations/dmft.py.

Generated from derivations/dmft.py by ``python -m derivations._codegen``
with SymPy 1.14.0; do not edit.
"""


__all__ = (
    ['mu_integrand', 'end_condition', 'end_chi', 'end_mu', 'end_energy', 'aging_mu', 'aging_chi',
    'aging_slope', 'aging_energy', 'nishimori_condition', 'nishimori_mu', 'diag_cell_response'])


def mu_integrand(ctx, q, dxi_q, d2xi_q):
    """Q'(q) + q Q''(q): kernel of the memory integral of the multiplier mu."""
    q = ctx.mpf(q)
    dxi_q = ctx.mpf(dxi_q)
    d2xi_q = ctx.mpf(d2xi_q)
    return d2xi_q*q + dxi_q


def end_condition(ctx, m, dg_m, dxi_1):
    """Overlap of a successful run: zero of g'(m)^2 (1 - m^2) - m^2 Q'(1) (cleared form)."""
    m = ctx.mpf(m)
    dg_m = ctx.mpf(dg_m)
    dxi_1 = ctx.mpf(dxi_1)
    _t0 = dg_m**2
    _t1 = m**2
    return -_t0*_t1 + _t0 - _t1*dxi_1


def end_chi(ctx, m, dg_m):
    """Integrated response chi = m/g'(m) of a successful run at overlap m."""
    m = ctx.mpf(m)
    dg_m = ctx.mpf(dg_m)
    return m/dg_m


def end_mu(ctx, m, dg_m, d2xi_1):
    """Multiplier mu = g'(m)/m + chi Q''(1) of a successful run at overlap m."""
    m = ctx.mpf(m)
    dg_m = ctx.mpf(dg_m)
    d2xi_1 = ctx.mpf(d2xi_1)
    return d2xi_1*m/dg_m + dg_m/m


def end_energy(ctx, m, g_m, dg_m, dxi_1):
    """Energy e = -g(m) - chi Q'(1) of a successful run at overlap m."""
    m = ctx.mpf(m)
    g_m = ctx.mpf(g_m)
    dg_m = ctx.mpf(dg_m)
    dxi_1 = ctx.mpf(dxi_1)
    return -g_m - dxi_1*m/dg_m


def aging_mu(ctx, d2xi_1):
    """Multiplier of a stuck run (marginal states): mu = 2 sqrt(Q''(1))."""
    d2xi_1 = ctx.mpf(d2xi_1)
    return 2*ctx.sqrt(d2xi_1)


def aging_chi(ctx, d2xi_1):
    """Stationary integrated response of a stuck run: chi = 1/sqrt(Q''(1))."""
    d2xi_1 = ctx.mpf(d2xi_1)
    return 1/ctx.sqrt(d2xi_1)


def aging_slope(ctx, dxi_1, d2xi_1):
    """One-step aging slope y = x/T of R = y dC/ds at T = 0."""
    dxi_1 = ctx.mpf(dxi_1)
    d2xi_1 = ctx.mpf(d2xi_1)
    return (d2xi_1 - dxi_1)/(ctx.sqrt(d2xi_1)*dxi_1)


def aging_energy(ctx, xi_1, dxi_1, d2xi_1):
    """Threshold energy of a stuck run from the one-step aging ansatz at T = 0."""
    xi_1 = ctx.mpf(xi_1)
    dxi_1 = ctx.mpf(dxi_1)
    d2xi_1 = ctx.mpf(d2xi_1)
    return (-dxi_1**2 + xi_1*(-d2xi_1 + dxi_1))/(ctx.sqrt(d2xi_1)*dxi_1)


def nishimori_condition(ctx, m, dxi_m):
    """Overlap of a T = 1 Bayes-optimal equilibrium: zero of Q'(m) (1 - m) - m."""
    m = ctx.mpf(m)
    dxi_m = ctx.mpf(dxi_m)
    return -dxi_m*m + dxi_m - m


def nishimori_mu(ctx, dxi_1):
    """Multiplier of the T = 1 Bayes-optimal equilibrium: mu = 1 + Q'(1)."""
    dxi_1 = ctx.mpf(dxi_1)
    return dxi_1 + 1


def diag_cell_response(ctx, h, mu, dmu, d2xi_1):
    """Response cell int_0^h R(t, t - tau) dtau next to the diagonal, to O(h^3): (1 - exp(-mu
    h))/mu + (mu'(t) + Q''(1)) h^3/6."""
    h = ctx.mpf(h)
    mu = ctx.mpf(mu)
    dmu = ctx.mpf(dmu)
    d2xi_1 = ctx.mpf(d2xi_1)
    return (ctx.mpf(1)/ctx.mpf(6))*h**3*(d2xi_1 + dmu) - ctx.expm1(-h*mu)/mu
