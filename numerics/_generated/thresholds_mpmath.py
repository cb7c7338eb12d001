"""mpmath kernels of derivations/thresholds.py.

Generated from derivations/thresholds.py by ``python -m numerics.codegen`` with SymPy 1.14.0;
do not edit.
"""


__all__ = ['delta2_gf']


def delta2_gf(ctx, p, Deltap):
    """Gradient-flow threshold Delta2_GF(Deltap, p): theta(0) = s at the marginal states."""
    p = ctx.mpf(p)
    Deltap = ctx.mpf(Deltap)
    return 2/(ctx.sqrt(1 + 4*(p - 1)/Deltap) + 1)
