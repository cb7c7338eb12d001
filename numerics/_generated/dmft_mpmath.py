"""mpmath kernels of derivations/dmft.py.

Generated from derivations/dmft.py by ``python -m numerics.codegen`` with SymPy 1.14.0;
do not edit.
"""


__all__ = ['mu_integrand', 'end_condition', 'end_chi', 'end_mu', 'end_energy', 'aging_mu', 'aging_chi', 'aging_slope', 'aging_energy']


def mu_integrand(ctx, q, p, Delta2, Deltap):
    """Q'(q) + q Q''(q): kernel of the memory integral of the multiplier mu."""
    q = ctx.mpf(q)
    p = ctx.mpf(p)
    Delta2 = ctx.mpf(Delta2)
    Deltap = ctx.mpf(Deltap)
    _t0 = 1/Delta2
    _t1 = 1/Deltap
    _t2 = p - 1
    return _t0*q + _t1*q**_t2 + q*(_t0 + _t1*_t2*q**(p - 2))


def end_condition(ctx, m, p, Delta2, Deltap):
    """Overlap of a successful run: zero of g'(m)^2 (1 - m^2) - m^2 Q'(1) (cleared form)."""
    m = ctx.mpf(m)
    p = ctx.mpf(p)
    Delta2 = ctx.mpf(Delta2)
    Deltap = ctx.mpf(Deltap)
    _t0 = Delta2**(-2)
    _t1 = 1/Delta2
    _t2 = m**2
    _t3 = 1/Deltap
    _t4 = Deltap**(-2)
    _t5 = 2*p
    return _t0*_t2 - _t0*m**4 - _t1*_t2 + 2*_t1*_t3*m**p - 2*_t1*_t3*m**(p + 2) - _t2*_t3 - _t4*m**_t5 + _t4*m**(_t5 - 2)


def end_chi(ctx, m, p, Delta2, Deltap):
    """Integrated response chi = m/g'(m) of a successful run at overlap m."""
    m = ctx.mpf(m)
    p = ctx.mpf(p)
    Delta2 = ctx.mpf(Delta2)
    Deltap = ctx.mpf(Deltap)
    _t0 = Deltap*m
    return Delta2*_t0/(Delta2*m**(p - 1) + _t0)


def end_mu(ctx, m, p, Delta2, Deltap):
    """Multiplier mu = g'(m)/m + chi Q''(1) of a successful run at overlap m."""
    m = ctx.mpf(m)
    p = ctx.mpf(p)
    Delta2 = ctx.mpf(Delta2)
    Deltap = ctx.mpf(Deltap)
    _t0 = Deltap*m
    _t1 = Delta2*m**(p - 1)
    _t2 = _t0 + _t1
    return (Delta2*Deltap*m**2*(Delta2*p - Delta2 + Deltap) + _t0*_t2 + _t1*_t2)/(Delta2*Deltap*_t2*m)


def end_energy(ctx, m, p, Delta2, Deltap):
    """Energy e = -g(m) - chi Q'(1) of a successful run at overlap m."""
    m = ctx.mpf(m)
    p = ctx.mpf(p)
    Delta2 = ctx.mpf(Delta2)
    Deltap = ctx.mpf(Deltap)
    _t0 = Deltap*m
    _t1 = Delta2*m**(p - 1) + _t0
    return (-Delta2*_t0*p*(Delta2 + Deltap) - Delta2*_t1*m**p - ctx.mpf(1)/ctx.mpf(2)*Deltap*_t1*m**2*p)/(Delta2*Deltap*_t1*p)


def aging_mu(ctx, p, Delta2, Deltap):
    """Multiplier of a stuck run (marginal states): mu = 2 sqrt(Q''(1))."""
    p = ctx.mpf(p)
    Delta2 = ctx.mpf(Delta2)
    Deltap = ctx.mpf(Deltap)
    return 2*ctx.sqrt(Delta2*p - Delta2 + Deltap)/(ctx.sqrt(Delta2)*ctx.sqrt(Deltap))


def aging_chi(ctx, p, Delta2, Deltap):
    """Stationary integrated response of a stuck run: chi = 1/sqrt(Q''(1))."""
    p = ctx.mpf(p)
    Delta2 = ctx.mpf(Delta2)
    Deltap = ctx.mpf(Deltap)
    return ctx.sqrt(Delta2)*ctx.sqrt(Deltap)/ctx.sqrt(Delta2*p - Delta2 + Deltap)


def aging_slope(ctx, p, Delta2, Deltap):
    """One-step aging slope y = x/T of R = y dC/ds at T = 0."""
    p = ctx.mpf(p)
    Delta2 = ctx.mpf(Delta2)
    Deltap = ctx.mpf(Deltap)
    return Delta2**(ctx.mpf(3)/ctx.mpf(2))*ctx.sqrt(Deltap)*(p - 2)/((Delta2 + Deltap)*ctx.sqrt(Delta2*p - Delta2 + Deltap))


def aging_energy(ctx, p, Delta2, Deltap):
    """Threshold energy of a stuck run from the one-step aging ansatz at T = 0."""
    p = ctx.mpf(p)
    Delta2 = ctx.mpf(Delta2)
    Deltap = ctx.mpf(Deltap)
    _t0 = Delta2 + Deltap
    return -((ctx.mpf(1)/ctx.mpf(2))*Delta2*(2*Delta2 + Deltap*p)*(p - 2) + _t0**2*p)/(ctx.sqrt(Delta2)*ctx.sqrt(Deltap)*_t0*p*ctx.sqrt(Delta2*p - Delta2 + Deltap))
