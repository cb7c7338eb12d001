"""mpmath kernels of derivations/model.py.

Generated from derivations/model.py by ``python -m derivations._codegen``
with SymPy 1.14.0; do not edit.
"""


__all__ = ['xi', 'xi_prime', 'xi_second']


def xi(ctx, q, p, Delta2, Deltap):
    """Covariance xi(q) of the noise field."""
    q = ctx.mpf(q)
    p = ctx.mpf(p)
    Delta2 = ctx.mpf(Delta2)
    Deltap = ctx.mpf(Deltap)
    return q**p/(Deltap*p) + (ctx.mpf(1)/ctx.mpf(2))*q**2/Delta2


def xi_prime(ctx, q, p, Delta2, Deltap):
    """First derivative xi'(q)."""
    q = ctx.mpf(q)
    p = ctx.mpf(p)
    Delta2 = ctx.mpf(Delta2)
    Deltap = ctx.mpf(Deltap)
    return q**(p - 1)/Deltap + q/Delta2


def xi_second(ctx, q, p, Delta2, Deltap):
    """Second derivative xi''(q)."""
    q = ctx.mpf(q)
    p = ctx.mpf(p)
    Delta2 = ctx.mpf(Delta2)
    Deltap = ctx.mpf(Deltap)
    return q**(p - 2)*(p - 1)/Deltap + 1/Delta2
