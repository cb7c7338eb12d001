"""mpmath kernels of derivations/kac_rice.py.

Generated from derivations/kac_rice.py by ``python -m numerics.codegen`` with SymPy 1.14.0;
do not edit.
"""


__all__ = ['kr_volume', 'kr_gradient_density', 'kr_gaussian_weight', 'kr_multiplier_weight', 'kr_log_potential_bulk', 'kr_log_potential_outside', 'kr_sigma_bulk', 'kr_sigma_outside', 'kr_sigma_mu_bulk', 'kr_sigma_mu_outside', 'kr_center', 'kr_halfwidth', 'kr_sigma_max_bulk', 'kr_sigma_max_right', 'kr_sigma_max_left', 'kr_w_star', 'kr_center_e', 'kr_halfwidth_e', 'kr_sigma_e_max_bulk', 'kr_sigma_e_max_right', 'kr_sigma_e_max_left', 'kr_sigma_min_edge', 'kr_sigma_min_outlier', 'kr_dsigma_min_edge_dm', 'kr_dsigma_min_outlier_dm', 'kr_dsigma_max_right_dm', 'kr_isolated_condition', 'kr_marginal_slope', 'kr_threshold_energy', 'kr_threshold_energy_most_numerous']


def kr_volume(ctx, m):
    """log area of the sphere at overlap m, per N."""
    m = ctx.mpf(m)
    return (ctx.mpf(1)/ctx.mpf(2))*ctx.log(1 - m**2) + ctx.mpf(1)/ctx.mpf(2) + (ctx.mpf(1)/ctx.mpf(2))*ctx.log(2*ctx.pi)


def kr_gradient_density(ctx, m, p, Delta2, Deltap):
    """log density of a vanishing gradient, per N."""
    m = ctx.mpf(m)
    p = ctx.mpf(p)
    Delta2 = ctx.mpf(Delta2)
    Deltap = ctx.mpf(Deltap)
    _t0 = 1/Delta2
    _t1 = 1/Deltap
    return -(1 - m**2)*(_t0*m + _t1*m**(p - 1))**2/(2*_t0 + 2*_t1) - ctx.mpf(1)/ctx.mpf(2)*ctx.log(2*ctx.pi*(_t0 + _t1))


def kr_gaussian_weight(ctx, m, e, mu, p, Delta2, Deltap):
    """Gaussian weight of (e + g(m), m g'(m) - mu)."""
    m = ctx.mpf(m)
    e = ctx.mpf(e)
    mu = ctx.mpf(mu)
    p = ctx.mpf(p)
    Delta2 = ctx.mpf(Delta2)
    Deltap = ctx.mpf(Deltap)
    _t0 = 1/Delta2
    _t1 = _t0*m**2
    _t2 = 1/Deltap
    _t3 = _t2*m**p
    _t4 = _t1 + _t3 - mu
    _t5 = _t4**2
    _t6 = 1/p
    _t7 = (ctx.mpf(1)/ctx.mpf(2))*_t1 + _t3*_t6 + e
    _t8 = _t7**2
    return Delta2*Deltap*p*(2*_t0*_t4*_t7 - ctx.mpf(1)/ctx.mpf(2)*_t0*_t5 - 2*_t0*_t8 + 2*_t2*_t4*_t7 - _t2*_t5*_t6 - _t2*_t8*p)/(p - 2)**2


def kr_multiplier_weight(ctx, m, mu, p, Delta2, Deltap):
    """Gaussian weight of mu, energy maximised out."""
    m = ctx.mpf(m)
    mu = ctx.mpf(mu)
    p = ctx.mpf(p)
    Delta2 = ctx.mpf(Delta2)
    Deltap = ctx.mpf(Deltap)
    return -ctx.mpf(1)/ctx.mpf(2)*(-Delta2*Deltap*mu + Delta2*m**p + Deltap*m**2)**2/(Delta2*Deltap*(Delta2*p + 2*Deltap))


def kr_log_potential_bulk(ctx, mu, p, Delta2, Deltap):
    """Phi_s(mu) for |mu| <= 2 s."""
    mu = ctx.mpf(mu)
    p = ctx.mpf(p)
    Delta2 = ctx.mpf(Delta2)
    Deltap = ctx.mpf(Deltap)
    _t0 = 1/Delta2
    _t1 = (p - 1)/Deltap
    return mu**2/(4*_t0 + 4*_t1) + ctx.log(ctx.sqrt(_t0 + _t1)) + ctx.mpf(-1)/ctx.mpf(2)


def kr_log_potential_outside(ctx, mu, p, Delta2, Deltap):
    """Phi_s(mu) for |mu| >= 2 s."""
    mu = ctx.mpf(mu)
    p = ctx.mpf(p)
    Delta2 = ctx.mpf(Delta2)
    Deltap = ctx.mpf(Deltap)
    _t0 = 1/Delta2
    _t1 = (p - 1)/Deltap
    _t2 = (ctx.mpf(1)/ctx.mpf(2))*ctx.sqrt(-4*_t0 - 4*_t1 + mu**2) + (ctx.mpf(1)/ctx.mpf(2))*abs(mu)
    return ctx.log(_t2) + (ctx.mpf(1)/ctx.mpf(2))*(_t0 + _t1)/_t2**2


def kr_sigma_bulk(ctx, m, e, mu, p, Delta2, Deltap):
    """Sigma(m, e, mu) for |mu| <= 2 s."""
    m = ctx.mpf(m)
    e = ctx.mpf(e)
    mu = ctx.mpf(mu)
    p = ctx.mpf(p)
    Delta2 = ctx.mpf(Delta2)
    Deltap = ctx.mpf(Deltap)
    _t0 = m**2
    _t1 = 1 - _t0
    _t2 = 1/Delta2
    _t3 = 1/Deltap
    _t4 = p - 1
    _t5 = _t3*_t4
    _t6 = 2*_t2
    _t7 = _t0*_t2
    _t8 = _t3*m**p
    _t9 = _t7 + _t8 - mu
    _t10 = _t9**2
    _t11 = 1/p
    _t12 = _t11*_t8 + (ctx.mpf(1)/ctx.mpf(2))*_t7 + e
    _t13 = _t12**2
    return Delta2*Deltap*p*(-_t10*_t11*_t3 - ctx.mpf(1)/ctx.mpf(2)*_t10*_t2 + 2*_t12*_t2*_t9 + 2*_t12*_t3*_t9 - _t13*_t3*p - _t13*_t6)/(p - 2)**2 - _t1*(_t2*m + _t3*m**_t4)**2/(2*_t3 + _t6) + mu**2/(4*_t2 + 4*_t5) + (ctx.mpf(1)/ctx.mpf(2))*ctx.log(_t1) - ctx.mpf(1)/ctx.mpf(2)*ctx.log(_t2 + _t3) + ctx.log(ctx.sqrt(_t2 + _t5))


def kr_sigma_outside(ctx, m, e, mu, p, Delta2, Deltap):
    """Sigma(m, e, mu) for |mu| >= 2 s."""
    m = ctx.mpf(m)
    e = ctx.mpf(e)
    mu = ctx.mpf(mu)
    p = ctx.mpf(p)
    Delta2 = ctx.mpf(Delta2)
    Deltap = ctx.mpf(Deltap)
    _t0 = m**2
    _t1 = 1 - _t0
    _t2 = 1/Delta2
    _t3 = 1/Deltap
    _t4 = p - 1
    _t5 = _t3*_t4
    _t6 = (ctx.mpf(1)/ctx.mpf(2))*ctx.sqrt(-4*_t2 - 4*_t5 + mu**2) + (ctx.mpf(1)/ctx.mpf(2))*abs(mu)
    _t7 = 2*_t2
    _t8 = _t0*_t2
    _t9 = _t3*m**p
    _t10 = _t8 + _t9 - mu
    _t11 = _t10**2
    _t12 = 1/p
    _t13 = _t12*_t9 + (ctx.mpf(1)/ctx.mpf(2))*_t8 + e
    _t14 = _t13**2
    return Delta2*Deltap*p*(2*_t10*_t13*_t2 + 2*_t10*_t13*_t3 - _t11*_t12*_t3 - ctx.mpf(1)/ctx.mpf(2)*_t11*_t2 - _t14*_t3*p - _t14*_t7)/(p - 2)**2 - _t1*(_t2*m + _t3*m**_t4)**2/(2*_t3 + _t7) + (ctx.mpf(1)/ctx.mpf(2))*ctx.log(_t1) + ctx.log(_t6) - ctx.mpf(1)/ctx.mpf(2)*ctx.log(_t2 + _t3) + ctx.mpf(1)/ctx.mpf(2) + (ctx.mpf(1)/ctx.mpf(2))*(_t2 + _t5)/_t6**2


def kr_sigma_mu_bulk(ctx, m, mu, p, Delta2, Deltap):
    """Sigma(m, mu) for |mu| <= 2 s."""
    m = ctx.mpf(m)
    mu = ctx.mpf(mu)
    p = ctx.mpf(p)
    Delta2 = ctx.mpf(Delta2)
    Deltap = ctx.mpf(Deltap)
    _t0 = m**2
    _t1 = 1 - _t0
    _t2 = 1/Delta2
    _t3 = 1/Deltap
    _t4 = p - 1
    _t5 = _t3*_t4
    return -_t1*(_t2*m + _t3*m**_t4)**2/(2*_t2 + 2*_t3) - ctx.mpf(1)/ctx.mpf(2)*_t2*_t3*(-Delta2*Deltap*mu + Delta2*m**p + Deltap*_t0)**2/(Delta2*p + 2*Deltap) + mu**2/(4*_t2 + 4*_t5) + (ctx.mpf(1)/ctx.mpf(2))*ctx.log(_t1) - ctx.mpf(1)/ctx.mpf(2)*ctx.log(_t2 + _t3) + ctx.log(ctx.sqrt(_t2 + _t5))


def kr_sigma_mu_outside(ctx, m, mu, p, Delta2, Deltap):
    """Sigma(m, mu) for |mu| >= 2 s."""
    m = ctx.mpf(m)
    mu = ctx.mpf(mu)
    p = ctx.mpf(p)
    Delta2 = ctx.mpf(Delta2)
    Deltap = ctx.mpf(Deltap)
    _t0 = m**2
    _t1 = 1 - _t0
    _t2 = 1/Delta2
    _t3 = 1/Deltap
    _t4 = p - 1
    _t5 = _t3*_t4
    _t6 = (ctx.mpf(1)/ctx.mpf(2))*ctx.sqrt(-4*_t2 - 4*_t5 + mu**2) + (ctx.mpf(1)/ctx.mpf(2))*abs(mu)
    return -_t1*(_t2*m + _t3*m**_t4)**2/(2*_t2 + 2*_t3) - ctx.mpf(1)/ctx.mpf(2)*_t2*_t3*(-Delta2*Deltap*mu + Delta2*m**p + Deltap*_t0)**2/(Delta2*p + 2*Deltap) + (ctx.mpf(1)/ctx.mpf(2))*ctx.log(_t1) + ctx.log(_t6) - ctx.mpf(1)/ctx.mpf(2)*ctx.log(_t2 + _t3) + ctx.mpf(1)/ctx.mpf(2) + (ctx.mpf(1)/ctx.mpf(2))*(_t2 + _t5)/_t6**2


def kr_center(ctx, m, p, Delta2, Deltap):
    """m g'(m): centre of the Gaussian weight of mu."""
    m = ctx.mpf(m)
    p = ctx.mpf(p)
    Delta2 = ctx.mpf(Delta2)
    Deltap = ctx.mpf(Deltap)
    return m**p/Deltap + m**2/Delta2


def kr_halfwidth(ctx, p, Delta2, Deltap):
    """(2 s**2 - xi'(1) - xi''(1))/s: bulk maximiser iff |m g'(m)| <= it."""
    p = ctx.mpf(p)
    Delta2 = ctx.mpf(Delta2)
    Deltap = ctx.mpf(Deltap)
    _t0 = 1/Deltap
    _t1 = _t0*(p - 1)
    return (-_t0 + _t1)/ctx.sqrt(_t1 + 1/Delta2)


def kr_sigma_max_bulk(ctx, m, p, Delta2, Deltap):
    """max_mu Sigma(m, mu), maximiser in the bulk."""
    m = ctx.mpf(m)
    p = ctx.mpf(p)
    Delta2 = ctx.mpf(Delta2)
    Deltap = ctx.mpf(Deltap)
    _t0 = m**2
    _t1 = 1 - _t0
    _t2 = 1/Delta2
    _t3 = 1/Deltap
    _t4 = p - 1
    _t5 = _t3*_t4
    _t6 = _t2 + _t5
    _t7 = 2*_t3
    _t8 = -_t3 + _t5
    _t9 = 4*_t2
    _t10 = _t0*_t2
    _t11 = m**p
    _t12 = 2*_t10 + _t11*_t7
    return -_t1*(_t2*m + _t3*m**_t4)**2/(2*_t2 + _t7) + _t12**2*_t6**2/(_t8**2*(4*_t5 + _t9)) - (-_t10 - _t11*_t3 + _t12*_t6/_t8)**2/(_t4*_t7 + _t7 + _t9) + (ctx.mpf(1)/ctx.mpf(2))*ctx.log(_t1) + ctx.log(ctx.sqrt(_t6)) - ctx.mpf(1)/ctx.mpf(2)*ctx.log(_t2 + _t3)


def kr_sigma_max_right(ctx, m, p, Delta2, Deltap):
    """max_mu Sigma(m, mu), maximiser above 2 s."""
    m = ctx.mpf(m)
    p = ctx.mpf(p)
    Delta2 = ctx.mpf(Delta2)
    Deltap = ctx.mpf(Deltap)
    _t0 = m**2
    _t1 = 1 - _t0
    _t2 = 1/Delta2
    _t3 = 1/Deltap
    _t4 = 2*_t3
    _t5 = p - 1
    _t6 = _t0*_t2
    _t7 = (ctx.mpf(1)/ctx.mpf(2))*_t6
    _t8 = _t3*m**p
    _t9 = (ctx.mpf(1)/ctx.mpf(2))*_t8
    _t10 = 4*_t2
    _t11 = (ctx.mpf(1)/ctx.mpf(2))*ctx.sqrt(_t10 + 4*_t3 + (_t6 + _t8)**2)
    _t12 = _t11 + _t7 + _t9
    _t13 = _t3*_t5
    _t14 = _t13 + _t2
    return -_t1*(_t2*m + _t3*m**_t5)**2/(2*_t2 + _t4) + (ctx.mpf(1)/ctx.mpf(2))*ctx.log(_t1) + ctx.log(_t12) - ctx.mpf(1)/ctx.mpf(2)*ctx.log(_t2 + _t3) + ctx.mpf(1)/ctx.mpf(2) - (_t11 - _t7 - _t9 + _t14/_t12)**2/(_t10 + 2*_t13 + _t4) + (ctx.mpf(1)/ctx.mpf(2))*_t14/_t12**2


def kr_sigma_max_left(ctx, m, p, Delta2, Deltap):
    """max_mu Sigma(m, mu), maximiser below -2 s."""
    m = ctx.mpf(m)
    p = ctx.mpf(p)
    Delta2 = ctx.mpf(Delta2)
    Deltap = ctx.mpf(Deltap)
    _t0 = m**2
    _t1 = 1 - _t0
    _t2 = 1/Delta2
    _t3 = 1/Deltap
    _t4 = 2*_t3
    _t5 = p - 1
    _t6 = 4*_t2
    _t7 = _t0*_t2
    _t8 = _t3*m**p
    _t9 = ctx.sqrt(4*_t3 + _t6 + (-_t7 - _t8)**2)
    _t10 = (ctx.mpf(1)/ctx.mpf(2))*_t7 + (ctx.mpf(1)/ctx.mpf(2))*_t8
    _t11 = -_t10 + (ctx.mpf(1)/ctx.mpf(2))*_t9
    _t12 = _t3*_t5
    _t13 = _t12 + _t2
    return -_t1*(_t2*m + _t3*m**_t5)**2/(2*_t2 + _t4) - (_t10 + (ctx.mpf(1)/ctx.mpf(2))*_t9 + _t13/_t11)**2/(2*_t12 + _t4 + _t6) + (ctx.mpf(1)/ctx.mpf(2))*ctx.log(_t1) + ctx.log(_t11) - ctx.mpf(1)/ctx.mpf(2)*ctx.log(_t2 + _t3) + ctx.mpf(1)/ctx.mpf(2) + (ctx.mpf(1)/ctx.mpf(2))*_t13/_t11**2


def kr_w_star(ctx, m, p, Delta2, Deltap):
    """w of the maximiser mu = w + s**2/w above the bulk."""
    m = ctx.mpf(m)
    p = ctx.mpf(p)
    Delta2 = ctx.mpf(Delta2)
    Deltap = ctx.mpf(Deltap)
    _t0 = 1/Delta2
    _t1 = _t0*m**2
    _t2 = 1/Deltap
    _t3 = _t2*m**p
    return (ctx.mpf(1)/ctx.mpf(2))*_t1 + (ctx.mpf(1)/ctx.mpf(2))*_t3 + (ctx.mpf(1)/ctx.mpf(2))*ctx.sqrt(4*_t0 + 4*_t2 + (_t1 + _t3)**2)


def kr_center_e(ctx, m, e, p, Delta2, Deltap):
    """Centre in mu of Sigma(m, e, mu) at fixed energy."""
    m = ctx.mpf(m)
    e = ctx.mpf(e)
    p = ctx.mpf(p)
    Delta2 = ctx.mpf(Delta2)
    Deltap = ctx.mpf(Deltap)
    _t0 = 2*Delta2
    _t1 = Deltap*p
    _t2 = m**2
    _t3 = m**p
    return -(_t0*e*p + 2*_t1*e + _t2*p - 2*_t2 - _t3*p + 2*_t3)/(_t0 + _t1)


def kr_halfwidth_e(ctx, p, Delta2, Deltap):
    """Bulk half-range of the centre at fixed energy."""
    p = ctx.mpf(p)
    Delta2 = ctx.mpf(Delta2)
    Deltap = ctx.mpf(Deltap)
    _t0 = 1/Delta2
    _t1 = (p - 1)/Deltap
    return (2*_t0 + 2*_t1 - (p - 2)**2/(2*Delta2 + Deltap*p))/ctx.sqrt(_t0 + _t1)


def kr_sigma_e_max_bulk(ctx, m, e, p, Delta2, Deltap):
    """max_mu Sigma(m, e, mu), maximiser in the bulk."""
    m = ctx.mpf(m)
    e = ctx.mpf(e)
    p = ctx.mpf(p)
    Delta2 = ctx.mpf(Delta2)
    Deltap = ctx.mpf(Deltap)
    _t0 = m**2
    _t1 = 1 - _t0
    _t2 = 1/Delta2
    _t3 = 1/Deltap
    _t4 = p - 1
    _t5 = _t3*_t4
    _t6 = _t2 + _t5
    _t7 = 2*_t2
    _t8 = 2*_t3
    _t9 = 2*Delta2
    _t10 = Deltap*p
    _t11 = _t10 + _t9
    _t12 = 1/_t11
    _t13 = m**p
    _t14 = _t9*e
    _t15 = (p - 2)**2
    _t16 = -_t12*_t15 + _t4*_t8 + _t7
    _t17 = _t0*p - 2*_t0 + 2*_t10*e - _t13*p + 2*_t13 + _t14*p
    return -_t1*(_t2*m + _t3*m**_t4)**2/(_t7 + _t8) - ctx.mpf(1)/ctx.mpf(2)*_t11*(_t12*_t17 - 2*_t12*_t17*_t6/_t16)**2/_t15 - ctx.mpf(1)/ctx.mpf(4)*_t12*_t2*_t3*(_t0*_t10 + _t10*_t14 + _t13*_t9)**2/p + (ctx.mpf(1)/ctx.mpf(2))*ctx.log(_t1) + ctx.log(ctx.sqrt(_t6)) - ctx.mpf(1)/ctx.mpf(2)*ctx.log(_t2 + _t3) + 4*_t17**2*_t6**2/(_t11**2*_t16**2*(4*_t2 + 4*_t5))


def kr_sigma_e_max_right(ctx, m, e, p, Delta2, Deltap):
    """max_mu Sigma(m, e, mu), maximiser above 2 s."""
    m = ctx.mpf(m)
    e = ctx.mpf(e)
    p = ctx.mpf(p)
    Delta2 = ctx.mpf(Delta2)
    Deltap = ctx.mpf(Deltap)
    _t0 = m**2
    _t1 = 1 - _t0
    _t2 = 1/Delta2
    _t3 = 1/Deltap
    _t4 = p - 1
    _t5 = 2*Delta2
    _t6 = Deltap*p
    _t7 = _t5 + _t6
    _t8 = 1/_t7
    _t9 = m**p
    _t10 = _t5*e
    _t11 = _t0*p - 2*_t0 + _t10*p + 2*_t6*e - _t9*p + 2*_t9
    _t12 = (ctx.mpf(1)/ctx.mpf(2))*_t11*_t8
    _t13 = _t3*_t4
    _t14 = (p - 2)**2
    _t15 = (ctx.mpf(1)/ctx.mpf(2))*ctx.sqrt(_t11**2/_t7**2 - 4*_t13 + 4*_t14*_t8 - 4*_t2)
    _t16 = -_t12 + _t15
    _t17 = _t13 + _t2
    return -_t1*(_t2*m + _t3*m**_t4)**2/(2*_t2 + 2*_t3) - ctx.mpf(1)/ctx.mpf(4)*_t2*_t3*_t8*(_t0*_t6 + _t10*_t6 + _t5*_t9)**2/p + (ctx.mpf(1)/ctx.mpf(2))*ctx.log(_t1) + ctx.log(_t16) - ctx.mpf(1)/ctx.mpf(2)*ctx.log(_t2 + _t3) + ctx.mpf(1)/ctx.mpf(2) + (ctx.mpf(1)/ctx.mpf(2))*_t17/_t16**2 - ctx.mpf(1)/ctx.mpf(2)*_t7*(_t12 + _t15 + _t17/_t16)**2/_t14


def kr_sigma_e_max_left(ctx, m, e, p, Delta2, Deltap):
    """max_mu Sigma(m, e, mu), maximiser below -2 s."""
    m = ctx.mpf(m)
    e = ctx.mpf(e)
    p = ctx.mpf(p)
    Delta2 = ctx.mpf(Delta2)
    Deltap = ctx.mpf(Deltap)
    _t0 = m**2
    _t1 = 1 - _t0
    _t2 = 1/Delta2
    _t3 = 1/Deltap
    _t4 = p - 1
    _t5 = 2*Delta2
    _t6 = Deltap*p
    _t7 = _t5 + _t6
    _t8 = 1/_t7
    _t9 = m**p
    _t10 = _t5*e
    _t11 = _t0*p - 2*_t0 + _t10*p + 2*_t6*e - _t9*p + 2*_t9
    _t12 = (ctx.mpf(1)/ctx.mpf(2))*_t11*_t8
    _t13 = _t3*_t4
    _t14 = (p - 2)**2
    _t15 = (ctx.mpf(1)/ctx.mpf(2))*ctx.sqrt(_t11**2/_t7**2 - 4*_t13 + 4*_t14*_t8 - 4*_t2)
    _t16 = _t12 + _t15
    _t17 = _t13 + _t2
    return -_t1*(_t2*m + _t3*m**_t4)**2/(2*_t2 + 2*_t3) - ctx.mpf(1)/ctx.mpf(4)*_t2*_t3*_t8*(_t0*_t6 + _t10*_t6 + _t5*_t9)**2/p + (ctx.mpf(1)/ctx.mpf(2))*ctx.log(_t1) + ctx.log(_t16) - ctx.mpf(1)/ctx.mpf(2)*ctx.log(_t2 + _t3) + ctx.mpf(1)/ctx.mpf(2) + (ctx.mpf(1)/ctx.mpf(2))*_t17/_t16**2 - ctx.mpf(1)/ctx.mpf(2)*_t7*(-_t12 + _t15 + _t17/_t16)**2/_t14


def kr_sigma_min_edge(ctx, m, p, Delta2, Deltap):
    """Sigma_min(m) = Sigma(m, 2 s) (theta <= s, maximiser at the edge)."""
    m = ctx.mpf(m)
    p = ctx.mpf(p)
    Delta2 = ctx.mpf(Delta2)
    Deltap = ctx.mpf(Deltap)
    _t0 = m**2
    _t1 = 1 - _t0
    _t2 = 1/Delta2
    _t3 = 1/Deltap
    _t4 = p - 1
    _t5 = ctx.sqrt(_t2 + _t3*_t4)
    _t6 = 2*_t3
    return -_t1*(_t2*m + _t3*m**_t4)**2/(2*_t2 + _t6) + (ctx.mpf(1)/ctx.mpf(2))*ctx.log(_t1) + ctx.log(_t5) - ctx.mpf(1)/ctx.mpf(2)*ctx.log(_t2 + _t3) + 1 - (-_t0*_t2 - _t3*m**p + 2*_t5)**2/(4*_t2 + _t4*_t6 + _t6)


def kr_sigma_min_outlier(ctx, m, p, Delta2, Deltap):
    """Sigma_min(m) = Sigma(m, theta + s**2/theta) (theta > s)."""
    m = ctx.mpf(m)
    p = ctx.mpf(p)
    Delta2 = ctx.mpf(Delta2)
    Deltap = ctx.mpf(Deltap)
    _t0 = m**2
    _t1 = 1 - _t0
    _t2 = 1/Delta2
    _t3 = 1/Deltap
    _t4 = p - 1
    _t5 = _t3*_t4
    _t6 = _t2 + _t5*m**(p - 2)
    _t7 = _t1*_t6
    _t8 = 2*_t3
    _t9 = _t2 + _t5
    return -_t1*(_t2*m + _t3*m**_t4)**2/(2*_t2 + _t8) + (ctx.mpf(1)/ctx.mpf(2))*ctx.log(_t1) + ctx.log(_t7) - ctx.mpf(1)/ctx.mpf(2)*ctx.log(_t2 + _t3) + ctx.mpf(1)/ctx.mpf(2) - (-_t0*_t2 - _t3*m**p + _t7 + _t9/(_t1*_t6))**2/(4*_t2 + _t4*_t8 + _t8) + (ctx.mpf(1)/ctx.mpf(2))*_t9/(_t1**2*_t6**2)


def kr_dsigma_min_edge_dm(ctx, m, p, Delta2, Deltap):
    """d/dm of kr_sigma_min_edge."""
    m = ctx.mpf(m)
    p = ctx.mpf(p)
    Delta2 = ctx.mpf(Delta2)
    Deltap = ctx.mpf(Deltap)
    _t0 = m**2
    _t1 = 1 - _t0
    _t2 = 1/Delta2
    _t3 = 2*_t2
    _t4 = 1/Deltap
    _t5 = 2*_t4
    _t6 = 1/(_t3 + _t5)
    _t7 = p - 1
    _t8 = m**_t7
    _t9 = _t2*m + _t4*_t8
    _t10 = 4*_t2
    return -_t1*_t6*_t9*(_t3 + _t4*m**(p - 2)*(2*p - 2)) + 2*_t6*_t9**2*m - (-_t10*m - _t5*_t8*p)*(-_t0*_t2 - _t4*m**p + 2*ctx.sqrt(_t2 + _t4*_t7))/(_t10 + _t5*_t7 + _t5) - m/_t1


def kr_dsigma_min_outlier_dm(ctx, m, p, Delta2, Deltap):
    """d/dm of kr_sigma_min_outlier."""
    m = ctx.mpf(m)
    p = ctx.mpf(p)
    Delta2 = ctx.mpf(Delta2)
    Deltap = ctx.mpf(Deltap)
    _t0 = m**2
    _t1 = 1 - _t0
    _t2 = 1/_t1
    _t3 = 1/Delta2
    _t4 = 2*_t3
    _t5 = 1/Deltap
    _t6 = 2*_t5
    _t7 = 1/(_t4 + _t6)
    _t8 = p - 1
    _t9 = m**_t8
    _t10 = _t3*m + _t5*_t9
    _t11 = _t5*_t8
    _t12 = _t11 + _t3
    _t13 = p - 2
    _t14 = m**_t13
    _t15 = _t11*_t14 + _t3
    _t16 = _t15**(-2)
    _t17 = m**(p - 3)
    _t18 = _t13*_t17
    _t19 = _t1**(-2)
    _t20 = 1/_t15
    _t21 = _t15*m
    _t22 = 4*_t3
    _t23 = _t6*_t8
    return -_t1*_t10*_t7*(_t14*_t5*(2*p - 2) + _t4) + 2*_t10**2*_t7*m - _t11*_t12*_t18*_t19/_t15**3 + _t2*_t20*(_t1*_t13*_t17*_t5*_t8 - 2*_t21) - _t2*m - (-_t0*_t3 + _t1*_t15 + _t12*_t2*_t20 - _t5*m**p)*(2*_t1*_t13*_t17*_t5*_t8 - _t12*_t16*_t18*_t2*_t23 + 4*_t12*_t19*_t20*m - 4*_t21 - _t22*m - _t6*_t9*p)/(_t22 + _t23 + _t6) + 2*_t12*_t16*m/_t1**3


def kr_dsigma_max_right_dm(ctx, m, p, Delta2, Deltap):
    """d/dm of kr_sigma_max_right."""
    m = ctx.mpf(m)
    p = ctx.mpf(p)
    Delta2 = ctx.mpf(Delta2)
    Deltap = ctx.mpf(Deltap)
    _t0 = m**2
    _t1 = 1 - _t0
    _t2 = 1/Delta2
    _t3 = 2*_t2
    _t4 = 1/Deltap
    _t5 = 2*_t4
    _t6 = 1/(_t3 + _t5)
    _t7 = _t2*m
    _t8 = p - 1
    _t9 = m**_t8
    _t10 = _t4*_t9
    _t11 = _t10 + _t7
    _t12 = _t0*_t2
    _t13 = (ctx.mpf(1)/ctx.mpf(2))*_t12
    _t14 = _t4*m**p
    _t15 = (ctx.mpf(1)/ctx.mpf(2))*_t14
    _t16 = 4*_t2
    _t17 = _t12 + _t14
    _t18 = ctx.sqrt(_t16 + _t17**2 + 4*_t4)
    _t19 = (ctx.mpf(1)/ctx.mpf(2))*_t18
    _t20 = _t13 + _t15 + _t19
    _t21 = 1/_t20
    _t22 = _t10*p
    _t23 = _t17*(_t16*m + _t5*_t9*p)/_t18
    _t24 = (ctx.mpf(1)/ctx.mpf(2))*_t22 + (ctx.mpf(1)/ctx.mpf(4))*_t23 + _t7
    _t25 = _t4*_t8
    _t26 = _t2 + _t25
    _t27 = 2*_t7
    _t28 = (ctx.mpf(1)/ctx.mpf(2))*_t23
    return -_t1*_t11*_t6*(_t3 + _t4*m**(p - 2)*(2*p - 2)) + 2*_t11**2*_t6*m + _t21*_t24 - (-_t13 - _t15 + _t19 + _t21*_t26)*(-_t22 - _t27 + _t28 - 2*_t24*_t26/_t20**2)/(_t16 + 2*_t25 + _t5) + (ctx.mpf(1)/ctx.mpf(2))*_t26*(-_t22 - _t27 - _t28)/_t20**3 - m/_t1


def kr_isolated_condition(ctx, m, p, Delta2, Deltap):
    """g'(m)**2 (1 - m**2) - m**2 xi'(1): zero at the isolated stationary points."""
    m = ctx.mpf(m)
    p = ctx.mpf(p)
    Delta2 = ctx.mpf(Delta2)
    Deltap = ctx.mpf(Deltap)
    _t0 = m**2
    _t1 = 1/Delta2
    _t2 = 1/Deltap
    return -_t0*(_t1 + _t2) + (1 - _t0)*(_t1*m + _t2*m**(p - 1))**2


def kr_marginal_slope(ctx, m, p, Delta2, Deltap):
    """d Sigma(m, mu)/d mu at mu = 2 s."""
    m = ctx.mpf(m)
    p = ctx.mpf(p)
    Delta2 = ctx.mpf(Delta2)
    Deltap = ctx.mpf(Deltap)
    _t0 = Delta2*p + 2*Deltap
    _t1 = Delta2*(p - 1) + Deltap
    _t2 = ctx.sqrt(Delta2)*ctx.sqrt(Deltap)*ctx.sqrt(_t1)
    return (_t0*_t2 + _t1*(Delta2*m**p + Deltap*m**2 - 2*_t2))/(_t0*_t1)


def kr_threshold_energy(ctx, m, p, Delta2, Deltap):
    """Threshold energy, definition (a): typical points at energy e are marginal."""
    m = ctx.mpf(m)
    p = ctx.mpf(p)
    Delta2 = ctx.mpf(Delta2)
    Deltap = ctx.mpf(Deltap)
    _t0 = ctx.sqrt(Delta2)
    _t1 = Delta2*p
    _t2 = -Delta2 + Deltap + _t1
    _t3 = Delta2**(ctx.mpf(3)/ctx.mpf(2))*Deltap
    _t4 = m**2
    _t5 = 2*_t4
    _t6 = m**p
    _t7 = 2*_t6
    _t8 = 3*_t3*p
    _t9 = Deltap**2*_t0
    _t10 = _t9*p
    _t11 = p**2
    _t12 = _t11*_t3
    _t13 = ctx.sqrt(_t2)
    _t14 = 2*_t13
    _t15 = Deltap**(ctx.mpf(3)/ctx.mpf(2))
    _t16 = 4*Delta2**2*ctx.sqrt(Deltap)*_t13
    return -ctx.mpf(1)/ctx.mpf(2)*(Delta2*_t11*_t13*_t15 + Deltap**(ctx.mpf(5)/ctx.mpf(2))*_t14*p + _t1*_t14*_t15 + _t10*_t4 - _t10*_t6 + _t12*_t4 - _t12*_t6 + _t16*p - _t16 + _t3*_t5 - _t3*_t7 - _t4*_t8 - _t5*_t9 + _t6*_t8 + _t7*_t9)/(Deltap*_t0*_t2*p*(Delta2 + Deltap))


def kr_threshold_energy_most_numerous(ctx, m, p, Delta2, Deltap):
    """Definition (b): most numerous energy among marginal points (mu = 2 s)."""
    m = ctx.mpf(m)
    p = ctx.mpf(p)
    Delta2 = ctx.mpf(Delta2)
    Deltap = ctx.mpf(Deltap)
    _t0 = Delta2**6
    _t1 = Deltap**6
    _t2 = Delta2*p
    _t3 = _t0*_t1
    _t4 = _t3*m**p
    _t5 = _t3*m**2
    _t6 = 2*p
    _t7 = 4*p*ctx.sqrt(-Delta2 + Deltap + _t2)
    return -ctx.mpf(1)/ctx.mpf(2)*(Delta2**(ctx.mpf(13)/ctx.mpf(2))*Deltap**(ctx.mpf(11)/ctx.mpf(2))*_t7 + Delta2**(ctx.mpf(11)/ctx.mpf(2))*Deltap**(ctx.mpf(13)/ctx.mpf(2))*_t7 - _t4*_t6 + 4*_t4 - _t5*_t6 + _t5*p**2)/(_t0*_t1*p*(2*Deltap + _t2))
