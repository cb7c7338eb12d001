"""mpmath kernels of derivations/langevin.py.

Generated from derivations/langevin.py by ``python -m derivations._codegen``
with SymPy 1.14.0; do not edit.
"""


__all__ = (
    ['langevin_plateau', 'langevin_residual', 'langevin_residual_slope', 'langevin_marginality',
    'langevin_fdt_ratio', 'langevin_aging_mu'])


def langevin_plateau(ctx, Delta2, T):
    """Plateau q = 1 - T Delta2 of the marginal aging states at the Langevin threshold."""
    Delta2 = ctx.mpf(Delta2)
    T = ctx.mpf(T)
    return -Delta2*T + 1


def langevin_residual(ctx, Delta2, d2xi_q):
    """Langevin threshold at zero: 1 - Delta2 - Delta2**2 xi_T''(q), q = 1 - T Delta2 (> 0:
    escape)."""
    Delta2 = ctx.mpf(Delta2)
    d2xi_q = ctx.mpf(d2xi_q)
    return -Delta2**2*d2xi_q - Delta2 + 1


def langevin_residual_slope(ctx, Delta2, T, d2xi_q, d3xi_q):
    """Total Delta2-derivative of langevin_residual, with q = 1 - T Delta2."""
    Delta2 = ctx.mpf(Delta2)
    T = ctx.mpf(T)
    d2xi_q = ctx.mpf(d2xi_q)
    d3xi_q = ctx.mpf(d3xi_q)
    return Delta2**2*T*d3xi_q - 2*Delta2*d2xi_q - 1


def langevin_marginality(ctx, q, Delta2, T, d2xi_q):
    """(1 - q)**2 xi''(q) - T**2 with the matrix channel: zero at the marginal plateau."""
    q = ctx.mpf(q)
    Delta2 = ctx.mpf(Delta2)
    T = ctx.mpf(T)
    d2xi_q = ctx.mpf(d2xi_q)
    return -T**2 + (1 - q)**2*(Delta2*d2xi_q + 1)/Delta2


def langevin_fdt_ratio(ctx, Delta2, T, dxi_q):
    """One-step fluctuation-dissipation ratio x of the marginal states at the threshold."""
    Delta2 = ctx.mpf(Delta2)
    T = ctx.mpf(T)
    dxi_q = ctx.mpf(dxi_q)
    _t0 = Delta2*T
    _t1 = Delta2**2
    return (
        T*(-Delta2 + T*_t1 - _t0 - _t1*dxi_q + 1)/(Delta2*dxi_q + T**2*_t1 - T*_t1*dxi_q - 2*_t0 +
        1))


def langevin_aging_mu(ctx, q, Delta2, T, dxi_1, dxi_q):
    """Late-time multiplier of a run aging at m = 0 on the plateau q: T/(1 - q) + (xi'(1) -
    xi'(q))/T."""
    q = ctx.mpf(q)
    Delta2 = ctx.mpf(Delta2)
    T = ctx.mpf(T)
    dxi_1 = ctx.mpf(dxi_1)
    dxi_q = ctx.mpf(dxi_q)
    return (
        (-Delta2*T**2 + Delta2*dxi_1*q - Delta2*dxi_1 - Delta2*dxi_q*q + Delta2*dxi_q - q**2 + 2*q
        - 1)/(Delta2*T*(q - 1)))
