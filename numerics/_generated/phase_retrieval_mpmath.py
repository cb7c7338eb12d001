"""mpmath kernels of derivations/phase_retrieval.py.

Generated from derivations/phase_retrieval.py by ``python -m numerics.codegen`` with SymPy 1.14.0;
do not edit.
"""


__all__ = ['pr_square_loss', 'pr_square_dloss', 'pr_square_d2loss', 'pr_square_mult', 'pr_reg_loss', 'pr_reg_dloss', 'pr_reg_d2loss', 'pr_reg_mult']


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
