"""mpmath kernels of derivations/thresholds.py.

Generated from derivations/thresholds.py by ``python -m derivations._codegen``
with SymPy 1.14.0; do not edit.
"""


__all__ = ['delta2_gf', 'delta2_gf_channels']


def delta2_gf(ctx, p, Deltap):
    """Gradient-flow threshold Delta2_GF(Deltap, p): theta(0) = s at the marginal states."""
    p = ctx.mpf(p)
    Deltap = ctx.mpf(Deltap)
    return 2/(ctx.sqrt(1 + 4*(p - 1)/Deltap) + 1)


def delta2_gf_channels(ctx, d2xi_1):
    """Gradient-flow threshold for any tensor channels; d2xi_1 = xi''(1) of the tensor channels
    alone."""
    d2xi_1 = ctx.mpf(d2xi_1)
    return 2/(ctx.sqrt(4*d2xi_1 + 1) + 1)
