"""mpmath kernels of derivations/hessian.py.

Generated from derivations/hessian.py by ``python -m derivations._codegen``
with SymPy 1.14.0; do not edit.
"""


__all__ = ['h_scale', 'h_theta', 'h_bbp_margin', 'h_bulk_lower', 'h_bulk_upper', 'h_outlier']


def h_scale(ctx, d2xi_1):
    """s = sqrt(xi''(1)): half the radius of the Hessian bulk (any model)."""
    d2xi_1 = ctx.mpf(d2xi_1)
    return ctx.sqrt(d2xi_1)


def h_theta(ctx, m, d2g_m):
    """Rank-one strength theta(m) = g''(m) (1 - m**2) (any model)."""
    m = ctx.mpf(m)
    d2g_m = ctx.mpf(d2g_m)
    return d2g_m*(1 - m**2)


def h_bbp_margin(ctx, m, d2xi_1, d2g_m):
    """theta(m) - s: positive iff a BBP outlier leaves the bulk (any model)."""
    m = ctx.mpf(m)
    d2xi_1 = ctx.mpf(d2xi_1)
    d2g_m = ctx.mpf(d2g_m)
    return d2g_m*(1 - m**2) - ctx.sqrt(d2xi_1)


def h_bulk_lower(ctx, mu, d2xi_1):
    """Lower bulk edge mu - 2 s (any model)."""
    mu = ctx.mpf(mu)
    d2xi_1 = ctx.mpf(d2xi_1)
    return -2*ctx.sqrt(d2xi_1) + mu


def h_bulk_upper(ctx, mu, d2xi_1):
    """Upper bulk edge mu + 2 s (any model)."""
    mu = ctx.mpf(mu)
    d2xi_1 = ctx.mpf(d2xi_1)
    return 2*ctx.sqrt(d2xi_1) + mu


def h_outlier(ctx, m, mu, d2xi_1, d2g_m):
    """Isolated eigenvalue mu - theta - s**2/theta (any model; meaningful when theta > s)."""
    m = ctx.mpf(m)
    mu = ctx.mpf(mu)
    d2xi_1 = ctx.mpf(d2xi_1)
    d2g_m = ctx.mpf(d2g_m)
    _t0 = 1 - m**2
    return -_t0*d2g_m + mu - d2xi_1/(_t0*d2g_m)
