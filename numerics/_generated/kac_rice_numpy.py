"""Float64 numpy kernels of derivations/kac_rice.py.

Generated from derivations/kac_rice.py by ``python -m numerics.codegen`` with SymPy 1.14.0;
do not edit.
"""


import numpy as np


__all__ = ['kr_volume', 'kr_gradient_density', 'kr_gaussian_weight', 'kr_multiplier_weight', 'kr_log_potential_bulk', 'kr_log_potential_outside', 'kr_sigma_bulk', 'kr_sigma_outside', 'kr_sigma_mu_bulk', 'kr_sigma_mu_outside', 'kr_center', 'kr_halfwidth', 'kr_sigma_max_bulk', 'kr_sigma_max_right', 'kr_sigma_max_left', 'kr_w_star', 'kr_center_e', 'kr_halfwidth_e', 'kr_sigma_e_max_bulk', 'kr_sigma_e_max_right', 'kr_sigma_e_max_left', 'kr_sigma_min_edge', 'kr_sigma_min_outlier', 'kr_dsigma_min_edge_dm', 'kr_dsigma_min_outlier_dm', 'kr_dsigma_max_right_dm', 'kr_isolated_condition', 'kr_marginal_slope', 'kr_threshold_energy', 'kr_threshold_energy_most_numerous']


def kr_volume(m):
    """log area of the sphere at overlap m, per N."""
    return (1/2)*np.log(1 - m**2) + 1/2 + (1/2)*np.log(2*np.pi)


def kr_gradient_density(m, p, Delta2, Deltap):
    """log density of a vanishing gradient, per N."""
    _t0 = 1/Delta2
    _t1 = 1/Deltap
    return -(1 - m**2)*(_t0*m + _t1*m**(p - 1))**2/(2*_t0 + 2*_t1) - 1/2*np.log(2*np.pi*(_t0 + _t1))


def kr_gaussian_weight(m, e, mu, p, Delta2, Deltap):
    """Gaussian weight of (e + g(m), m g'(m) - mu)."""
    _t0 = 1/Delta2
    _t1 = _t0*m**2
    _t2 = 1/Deltap
    _t3 = _t2*m**p
    _t4 = _t1 + _t3 - mu
    _t5 = _t4**2
    _t6 = 1/p
    _t7 = (1/2)*_t1 + _t3*_t6 + e
    _t8 = _t7**2
    return Delta2*Deltap*p*(2*_t0*_t4*_t7 - 1/2*_t0*_t5 - 2*_t0*_t8 + 2*_t2*_t4*_t7 - _t2*_t5*_t6 - _t2*_t8*p)/(p - 2)**2


def kr_multiplier_weight(m, mu, p, Delta2, Deltap):
    """Gaussian weight of mu, energy maximised out."""
    return -1/2*(-Delta2*Deltap*mu + Delta2*m**p + Deltap*m**2)**2/(Delta2*Deltap*(Delta2*p + 2*Deltap))


def kr_log_potential_bulk(mu, p, Delta2, Deltap):
    """Phi_s(mu) for |mu| <= 2 s."""
    _t0 = 1/Delta2
    _t1 = (p - 1)/Deltap
    return mu**2/(4*_t0 + 4*_t1) + np.log(np.sqrt(_t0 + _t1)) - 1/2


def kr_log_potential_outside(mu, p, Delta2, Deltap):
    """Phi_s(mu) for |mu| >= 2 s."""
    _t0 = 1/Delta2
    _t1 = (p - 1)/Deltap
    _t2 = (1/2)*np.sqrt(-4*_t0 - 4*_t1 + mu**2) + (1/2)*abs(mu)
    return np.log(_t2) + (1/2)*(_t0 + _t1)/_t2**2


def kr_sigma_bulk(m, e, mu, p, Delta2, Deltap):
    """Sigma(m, e, mu) for |mu| <= 2 s."""
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
    _t12 = _t11*_t8 + (1/2)*_t7 + e
    _t13 = _t12**2
    return Delta2*Deltap*p*(-_t10*_t11*_t3 - 1/2*_t10*_t2 + 2*_t12*_t2*_t9 + 2*_t12*_t3*_t9 - _t13*_t3*p - _t13*_t6)/(p - 2)**2 - _t1*(_t2*m + _t3*m**_t4)**2/(2*_t3 + _t6) + mu**2/(4*_t2 + 4*_t5) + (1/2)*np.log(_t1) - 1/2*np.log(_t2 + _t3) + np.log(np.sqrt(_t2 + _t5))


def kr_sigma_outside(m, e, mu, p, Delta2, Deltap):
    """Sigma(m, e, mu) for |mu| >= 2 s."""
    _t0 = m**2
    _t1 = 1 - _t0
    _t2 = 1/Delta2
    _t3 = 1/Deltap
    _t4 = p - 1
    _t5 = _t3*_t4
    _t6 = (1/2)*np.sqrt(-4*_t2 - 4*_t5 + mu**2) + (1/2)*abs(mu)
    _t7 = 2*_t2
    _t8 = _t0*_t2
    _t9 = _t3*m**p
    _t10 = _t8 + _t9 - mu
    _t11 = _t10**2
    _t12 = 1/p
    _t13 = _t12*_t9 + (1/2)*_t8 + e
    _t14 = _t13**2
    return Delta2*Deltap*p*(2*_t10*_t13*_t2 + 2*_t10*_t13*_t3 - _t11*_t12*_t3 - 1/2*_t11*_t2 - _t14*_t3*p - _t14*_t7)/(p - 2)**2 - _t1*(_t2*m + _t3*m**_t4)**2/(2*_t3 + _t7) + (1/2)*np.log(_t1) + np.log(_t6) - 1/2*np.log(_t2 + _t3) + 1/2 + (1/2)*(_t2 + _t5)/_t6**2


def kr_sigma_mu_bulk(m, mu, p, Delta2, Deltap):
    """Sigma(m, mu) for |mu| <= 2 s."""
    _t0 = m**2
    _t1 = 1 - _t0
    _t2 = 1/Delta2
    _t3 = 1/Deltap
    _t4 = p - 1
    _t5 = _t3*_t4
    return -_t1*(_t2*m + _t3*m**_t4)**2/(2*_t2 + 2*_t3) - 1/2*_t2*_t3*(-Delta2*Deltap*mu + Delta2*m**p + Deltap*_t0)**2/(Delta2*p + 2*Deltap) + mu**2/(4*_t2 + 4*_t5) + (1/2)*np.log(_t1) - 1/2*np.log(_t2 + _t3) + np.log(np.sqrt(_t2 + _t5))


def kr_sigma_mu_outside(m, mu, p, Delta2, Deltap):
    """Sigma(m, mu) for |mu| >= 2 s."""
    _t0 = m**2
    _t1 = 1 - _t0
    _t2 = 1/Delta2
    _t3 = 1/Deltap
    _t4 = p - 1
    _t5 = _t3*_t4
    _t6 = (1/2)*np.sqrt(-4*_t2 - 4*_t5 + mu**2) + (1/2)*abs(mu)
    return -_t1*(_t2*m + _t3*m**_t4)**2/(2*_t2 + 2*_t3) - 1/2*_t2*_t3*(-Delta2*Deltap*mu + Delta2*m**p + Deltap*_t0)**2/(Delta2*p + 2*Deltap) + (1/2)*np.log(_t1) + np.log(_t6) - 1/2*np.log(_t2 + _t3) + 1/2 + (1/2)*(_t2 + _t5)/_t6**2


def kr_center(m, p, Delta2, Deltap):
    """m g'(m): centre of the Gaussian weight of mu."""
    return m**p/Deltap + m**2/Delta2


def kr_halfwidth(p, Delta2, Deltap):
    """(2 s**2 - xi'(1) - xi''(1))/s: bulk maximiser iff |m g'(m)| <= it."""
    _t0 = 1/Deltap
    _t1 = _t0*(p - 1)
    return (-_t0 + _t1)/np.sqrt(_t1 + 1/Delta2)


def kr_sigma_max_bulk(m, p, Delta2, Deltap):
    """max_mu Sigma(m, mu), maximiser in the bulk."""
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
    return -_t1*(_t2*m + _t3*m**_t4)**2/(2*_t2 + _t7) + _t12**2*_t6**2/(_t8**2*(4*_t5 + _t9)) - (-_t10 - _t11*_t3 + _t12*_t6/_t8)**2/(_t4*_t7 + _t7 + _t9) + (1/2)*np.log(_t1) + np.log(np.sqrt(_t6)) - 1/2*np.log(_t2 + _t3)


def kr_sigma_max_right(m, p, Delta2, Deltap):
    """max_mu Sigma(m, mu), maximiser above 2 s."""
    _t0 = m**2
    _t1 = 1 - _t0
    _t2 = 1/Delta2
    _t3 = 1/Deltap
    _t4 = 2*_t3
    _t5 = p - 1
    _t6 = _t0*_t2
    _t7 = (1/2)*_t6
    _t8 = _t3*m**p
    _t9 = (1/2)*_t8
    _t10 = 4*_t2
    _t11 = (1/2)*np.sqrt(_t10 + 4*_t3 + (_t6 + _t8)**2)
    _t12 = _t11 + _t7 + _t9
    _t13 = _t3*_t5
    _t14 = _t13 + _t2
    return -_t1*(_t2*m + _t3*m**_t5)**2/(2*_t2 + _t4) + (1/2)*np.log(_t1) + np.log(_t12) - 1/2*np.log(_t2 + _t3) + 1/2 - (_t11 - _t7 - _t9 + _t14/_t12)**2/(_t10 + 2*_t13 + _t4) + (1/2)*_t14/_t12**2


def kr_sigma_max_left(m, p, Delta2, Deltap):
    """max_mu Sigma(m, mu), maximiser below -2 s."""
    _t0 = m**2
    _t1 = 1 - _t0
    _t2 = 1/Delta2
    _t3 = 1/Deltap
    _t4 = 2*_t3
    _t5 = p - 1
    _t6 = 4*_t2
    _t7 = _t0*_t2
    _t8 = _t3*m**p
    _t9 = np.sqrt(4*_t3 + _t6 + (-_t7 - _t8)**2)
    _t10 = (1/2)*_t7 + (1/2)*_t8
    _t11 = -_t10 + (1/2)*_t9
    _t12 = _t3*_t5
    _t13 = _t12 + _t2
    return -_t1*(_t2*m + _t3*m**_t5)**2/(2*_t2 + _t4) - (_t10 + (1/2)*_t9 + _t13/_t11)**2/(2*_t12 + _t4 + _t6) + (1/2)*np.log(_t1) + np.log(_t11) - 1/2*np.log(_t2 + _t3) + 1/2 + (1/2)*_t13/_t11**2


def kr_w_star(m, p, Delta2, Deltap):
    """w of the maximiser mu = w + s**2/w above the bulk."""
    _t0 = 1/Delta2
    _t1 = _t0*m**2
    _t2 = 1/Deltap
    _t3 = _t2*m**p
    return (1/2)*_t1 + (1/2)*_t3 + (1/2)*np.sqrt(4*_t0 + 4*_t2 + (_t1 + _t3)**2)


def kr_center_e(m, e, p, Delta2, Deltap):
    """Centre in mu of Sigma(m, e, mu) at fixed energy."""
    _t0 = 2*Delta2
    _t1 = Deltap*p
    _t2 = m**2
    _t3 = m**p
    return -(_t0*e*p + 2*_t1*e + _t2*p - 2*_t2 - _t3*p + 2*_t3)/(_t0 + _t1)


def kr_halfwidth_e(p, Delta2, Deltap):
    """Bulk half-range of the centre at fixed energy."""
    _t0 = 1/Delta2
    _t1 = (p - 1)/Deltap
    return (2*_t0 + 2*_t1 - (p - 2)**2/(2*Delta2 + Deltap*p))/np.sqrt(_t0 + _t1)


def kr_sigma_e_max_bulk(m, e, p, Delta2, Deltap):
    """max_mu Sigma(m, e, mu), maximiser in the bulk."""
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
    return -_t1*(_t2*m + _t3*m**_t4)**2/(_t7 + _t8) - 1/2*_t11*(_t12*_t17 - 2*_t12*_t17*_t6/_t16)**2/_t15 - 1/4*_t12*_t2*_t3*(_t0*_t10 + _t10*_t14 + _t13*_t9)**2/p + (1/2)*np.log(_t1) + np.log(np.sqrt(_t6)) - 1/2*np.log(_t2 + _t3) + 4*_t17**2*_t6**2/(_t11**2*_t16**2*(4*_t2 + 4*_t5))


def kr_sigma_e_max_right(m, e, p, Delta2, Deltap):
    """max_mu Sigma(m, e, mu), maximiser above 2 s."""
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
    _t12 = (1/2)*_t11*_t8
    _t13 = _t3*_t4
    _t14 = (p - 2)**2
    _t15 = (1/2)*np.sqrt(_t11**2/_t7**2 - 4*_t13 + 4*_t14*_t8 - 4*_t2)
    _t16 = -_t12 + _t15
    _t17 = _t13 + _t2
    return -_t1*(_t2*m + _t3*m**_t4)**2/(2*_t2 + 2*_t3) - 1/4*_t2*_t3*_t8*(_t0*_t6 + _t10*_t6 + _t5*_t9)**2/p + (1/2)*np.log(_t1) + np.log(_t16) - 1/2*np.log(_t2 + _t3) + 1/2 + (1/2)*_t17/_t16**2 - 1/2*_t7*(_t12 + _t15 + _t17/_t16)**2/_t14


def kr_sigma_e_max_left(m, e, p, Delta2, Deltap):
    """max_mu Sigma(m, e, mu), maximiser below -2 s."""
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
    _t12 = (1/2)*_t11*_t8
    _t13 = _t3*_t4
    _t14 = (p - 2)**2
    _t15 = (1/2)*np.sqrt(_t11**2/_t7**2 - 4*_t13 + 4*_t14*_t8 - 4*_t2)
    _t16 = _t12 + _t15
    _t17 = _t13 + _t2
    return -_t1*(_t2*m + _t3*m**_t4)**2/(2*_t2 + 2*_t3) - 1/4*_t2*_t3*_t8*(_t0*_t6 + _t10*_t6 + _t5*_t9)**2/p + (1/2)*np.log(_t1) + np.log(_t16) - 1/2*np.log(_t2 + _t3) + 1/2 + (1/2)*_t17/_t16**2 - 1/2*_t7*(-_t12 + _t15 + _t17/_t16)**2/_t14


def kr_sigma_min_edge(m, p, Delta2, Deltap):
    """Sigma_min(m) = Sigma(m, 2 s) (theta <= s, maximiser at the edge)."""
    _t0 = m**2
    _t1 = 1 - _t0
    _t2 = 1/Delta2
    _t3 = 1/Deltap
    _t4 = p - 1
    _t5 = np.sqrt(_t2 + _t3*_t4)
    _t6 = 2*_t3
    return -_t1*(_t2*m + _t3*m**_t4)**2/(2*_t2 + _t6) + (1/2)*np.log(_t1) + np.log(_t5) - 1/2*np.log(_t2 + _t3) + 1 - (-_t0*_t2 - _t3*m**p + 2*_t5)**2/(4*_t2 + _t4*_t6 + _t6)


def kr_sigma_min_outlier(m, p, Delta2, Deltap):
    """Sigma_min(m) = Sigma(m, theta + s**2/theta) (theta > s)."""
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
    return -_t1*(_t2*m + _t3*m**_t4)**2/(2*_t2 + _t8) + (1/2)*np.log(_t1) + np.log(_t7) - 1/2*np.log(_t2 + _t3) + 1/2 - (-_t0*_t2 - _t3*m**p + _t7 + _t9/(_t1*_t6))**2/(4*_t2 + _t4*_t8 + _t8) + (1/2)*_t9/(_t1**2*_t6**2)


def kr_dsigma_min_edge_dm(m, p, Delta2, Deltap):
    """d/dm of kr_sigma_min_edge."""
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
    return -_t1*_t6*_t9*(_t3 + _t4*m**(p - 2)*(2*p - 2)) + 2*_t6*_t9**2*m - (-_t10*m - _t5*_t8*p)*(-_t0*_t2 - _t4*m**p + 2*np.sqrt(_t2 + _t4*_t7))/(_t10 + _t5*_t7 + _t5) - m/_t1


def kr_dsigma_min_outlier_dm(m, p, Delta2, Deltap):
    """d/dm of kr_sigma_min_outlier."""
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
    _t16 = _t15**(-2.0)
    _t17 = m**(p - 3)
    _t18 = _t13*_t17
    _t19 = _t1**(-2.0)
    _t20 = 1/_t15
    _t21 = _t15*m
    _t22 = 4*_t3
    _t23 = _t6*_t8
    return -_t1*_t10*_t7*(_t14*_t5*(2*p - 2) + _t4) + 2*_t10**2*_t7*m - _t11*_t12*_t18*_t19/_t15**3 + _t2*_t20*(_t1*_t13*_t17*_t5*_t8 - 2*_t21) - _t2*m - (-_t0*_t3 + _t1*_t15 + _t12*_t2*_t20 - _t5*m**p)*(2*_t1*_t13*_t17*_t5*_t8 - _t12*_t16*_t18*_t2*_t23 + 4*_t12*_t19*_t20*m - 4*_t21 - _t22*m - _t6*_t9*p)/(_t22 + _t23 + _t6) + 2*_t12*_t16*m/_t1**3


def kr_dsigma_max_right_dm(m, p, Delta2, Deltap):
    """d/dm of kr_sigma_max_right."""
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
    _t13 = (1/2)*_t12
    _t14 = _t4*m**p
    _t15 = (1/2)*_t14
    _t16 = 4*_t2
    _t17 = _t12 + _t14
    _t18 = np.sqrt(_t16 + _t17**2 + 4*_t4)
    _t19 = (1/2)*_t18
    _t20 = _t13 + _t15 + _t19
    _t21 = 1/_t20
    _t22 = _t10*p
    _t23 = _t17*(_t16*m + _t5*_t9*p)/_t18
    _t24 = (1/2)*_t22 + (1/4)*_t23 + _t7
    _t25 = _t4*_t8
    _t26 = _t2 + _t25
    _t27 = 2*_t7
    _t28 = (1/2)*_t23
    return -_t1*_t11*_t6*(_t3 + _t4*m**(p - 2)*(2*p - 2)) + 2*_t11**2*_t6*m + _t21*_t24 - (-_t13 - _t15 + _t19 + _t21*_t26)*(-_t22 - _t27 + _t28 - 2*_t24*_t26/_t20**2)/(_t16 + 2*_t25 + _t5) + (1/2)*_t26*(-_t22 - _t27 - _t28)/_t20**3 - m/_t1


def kr_isolated_condition(m, p, Delta2, Deltap):
    """g'(m)**2 (1 - m**2) - m**2 xi'(1): zero at the isolated stationary points."""
    _t0 = m**2
    _t1 = 1/Delta2
    _t2 = 1/Deltap
    return -_t0*(_t1 + _t2) + (1 - _t0)*(_t1*m + _t2*m**(p - 1))**2


def kr_marginal_slope(m, p, Delta2, Deltap):
    """d Sigma(m, mu)/d mu at mu = 2 s."""
    _t0 = Delta2*p + 2*Deltap
    _t1 = Delta2*(p - 1) + Deltap
    _t2 = np.sqrt(Delta2)*np.sqrt(Deltap)*np.sqrt(_t1)
    return (_t0*_t2 + _t1*(Delta2*m**p + Deltap*m**2 - 2*_t2))/(_t0*_t1)


def kr_threshold_energy(m, p, Delta2, Deltap):
    """Threshold energy, definition (a): typical points at energy e are marginal."""
    _t0 = np.sqrt(Delta2)
    _t1 = Delta2*p
    _t2 = -Delta2 + Deltap + _t1
    _t3 = Delta2**(3/2)*Deltap
    _t4 = m**2
    _t5 = 2*_t4
    _t6 = m**p
    _t7 = 2*_t6
    _t8 = 3*_t3*p
    _t9 = Deltap**2*_t0
    _t10 = _t9*p
    _t11 = p**2
    _t12 = _t11*_t3
    _t13 = np.sqrt(_t2)
    _t14 = 2*_t13
    _t15 = Deltap**(3/2)
    _t16 = 4*Delta2**2*np.sqrt(Deltap)*_t13
    return -1/2*(Delta2*_t11*_t13*_t15 + Deltap**(5/2)*_t14*p + _t1*_t14*_t15 + _t10*_t4 - _t10*_t6 + _t12*_t4 - _t12*_t6 + _t16*p - _t16 + _t3*_t5 - _t3*_t7 - _t4*_t8 - _t5*_t9 + _t6*_t8 + _t7*_t9)/(Deltap*_t0*_t2*p*(Delta2 + Deltap))


def kr_threshold_energy_most_numerous(m, p, Delta2, Deltap):
    """Definition (b): most numerous energy among marginal points (mu = 2 s)."""
    _t0 = Delta2**6
    _t1 = Deltap**6
    _t2 = Delta2*p
    _t3 = _t0*_t1
    _t4 = _t3*m**p
    _t5 = _t3*m**2
    _t6 = 2*p
    _t7 = 4*p*np.sqrt(-Delta2 + Deltap + _t2)
    return -1/2*(Delta2**(13/2)*Deltap**(11/2)*_t7 + Delta2**(11/2)*Deltap**(13/2)*_t7 - _t4*_t6 + 4*_t4 - _t5*_t6 + _t5*p**2)/(_t0*_t1*p*(2*Deltap + _t2))


#: name -> (expression as text, as LaTeX), for display without SymPy.
FORMULAS = {
    'kr_volume': ('log(1 - m**2)/2 + 1/2 + log(2*pi)/2', '\\frac{\\log{\\left(1 - m^{2} \\right)}}{2} + \\frac{1}{2} + \\frac{\\log{\\left(2 \\pi \\right)}}{2}'),
    'kr_gradient_density': ('-(1 - m**2)*(m**(p - 1)/Deltap + m/Delta2)**2/(2/Deltap + 2/Delta2) - log(2*pi*(1/Deltap + 1/Delta2))/2', '- \\frac{\\left(1 - m^{2}\\right) \\left(\\frac{m^{p - 1}}{\\Delta_p} + \\frac{m}{\\Delta_2}\\right)^{2}}{\\frac{2}{\\Delta_p} + \\frac{2}{\\Delta_2}} - \\frac{\\log{\\left(2 \\pi \\left(\\frac{1}{\\Delta_p} + \\frac{1}{\\Delta_2}\\right) \\right)}}{2}'),
    'kr_gaussian_weight': ('Delta2*Deltap*p*(-p*(e + m**p/(Deltap*p) + m**2/(2*Delta2))**2/Deltap + 2*(e + m**p/(Deltap*p) + m**2/(2*Delta2))*(-mu + m**p/Deltap + m**2/Delta2)/Deltap - (-mu + m**p/Deltap + m**2/Delta2)**2/(Deltap*p) - 2*(e + m**p/(Deltap*p) + m**2/(2*Delta2))**2/Delta2 + 2*(e + m**p/(Deltap*p) + m**2/(2*Delta2))*(-mu + m**p/Deltap + m**2/Delta2)/Delta2 - (-mu + m**p/Deltap + m**2/Delta2)**2/(2*Delta2))/(p - 2)**2', '\\frac{\\Delta_2 \\Delta_p p \\left(- \\frac{p \\left(e + \\frac{m^{p}}{\\Delta_p p} + \\frac{m^{2}}{2 \\Delta_2}\\right)^{2}}{\\Delta_p} + \\frac{2 \\left(e + \\frac{m^{p}}{\\Delta_p p} + \\frac{m^{2}}{2 \\Delta_2}\\right) \\left(- \\mu + \\frac{m^{p}}{\\Delta_p} + \\frac{m^{2}}{\\Delta_2}\\right)}{\\Delta_p} - \\frac{\\left(- \\mu + \\frac{m^{p}}{\\Delta_p} + \\frac{m^{2}}{\\Delta_2}\\right)^{2}}{\\Delta_p p} - \\frac{2 \\left(e + \\frac{m^{p}}{\\Delta_p p} + \\frac{m^{2}}{2 \\Delta_2}\\right)^{2}}{\\Delta_2} + \\frac{2 \\left(e + \\frac{m^{p}}{\\Delta_p p} + \\frac{m^{2}}{2 \\Delta_2}\\right) \\left(- \\mu + \\frac{m^{p}}{\\Delta_p} + \\frac{m^{2}}{\\Delta_2}\\right)}{\\Delta_2} - \\frac{\\left(- \\mu + \\frac{m^{p}}{\\Delta_p} + \\frac{m^{2}}{\\Delta_2}\\right)^{2}}{2 \\Delta_2}\\right)}{\\left(p - 2\\right)^{2}}'),
    'kr_multiplier_weight': ('-(-Delta2*Deltap*mu + Delta2*m**p + Deltap*m**2)**2/(2*Delta2*Deltap*(Delta2*p + 2*Deltap))', '- \\frac{\\left(- \\Delta_2 \\Delta_p \\mu + \\Delta_2 m^{p} + \\Delta_p m^{2}\\right)^{2}}{2 \\Delta_2 \\Delta_p \\left(\\Delta_2 p + 2 \\Delta_p\\right)}'),
    'kr_log_potential_bulk': ('mu**2/(4*(p - 1)/Deltap + 4/Delta2) + log(sqrt((p - 1)/Deltap + 1/Delta2)) - 1/2', '\\frac{\\mu^{2}}{\\frac{4 \\left(p - 1\\right)}{\\Delta_p} + \\frac{4}{\\Delta_2}} + \\log{\\left(\\sqrt{\\frac{p - 1}{\\Delta_p} + \\frac{1}{\\Delta_2}} \\right)} - \\frac{1}{2}'),
    'kr_log_potential_outside': ('((p - 1)/Deltap + 1/Delta2)/(2*(sqrt(mu**2 - 4*(p - 1)/Deltap - 4/Delta2)/2 + Abs(mu)/2)**2) + log(sqrt(mu**2 - 4*(p - 1)/Deltap - 4/Delta2)/2 + Abs(mu)/2)', '\\frac{\\frac{p - 1}{\\Delta_p} + \\frac{1}{\\Delta_2}}{2 \\left(\\frac{\\sqrt{\\mu^{2} - \\frac{4 \\left(p - 1\\right)}{\\Delta_p} - \\frac{4}{\\Delta_2}}}{2} + \\frac{\\left|{\\mu}\\right|}{2}\\right)^{2}} + \\log{\\left(\\frac{\\sqrt{\\mu^{2} - \\frac{4 \\left(p - 1\\right)}{\\Delta_p} - \\frac{4}{\\Delta_2}}}{2} + \\frac{\\left|{\\mu}\\right|}{2} \\right)}'),
    'kr_sigma_bulk': ('Delta2*Deltap*p*(-p*(e + m**p/(Deltap*p) + m**2/(2*Delta2))**2/Deltap + 2*(e + m**p/(Deltap*p) + m**2/(2*Delta2))*(-mu + m**p/Deltap + m**2/Delta2)/Deltap - (-mu + m**p/Deltap + m**2/Delta2)**2/(Deltap*p) - 2*(e + m**p/(Deltap*p) + m**2/(2*Delta2))**2/Delta2 + 2*(e + m**p/(Deltap*p) + m**2/(2*Delta2))*(-mu + m**p/Deltap + m**2/Delta2)/Delta2 - (-mu + m**p/Deltap + m**2/Delta2)**2/(2*Delta2))/(p - 2)**2 + mu**2/(4*(p - 1)/Deltap + 4/Delta2) - (1 - m**2)*(m**(p - 1)/Deltap + m/Delta2)**2/(2/Deltap + 2/Delta2) + log(1 - m**2)/2 - log(1/Deltap + 1/Delta2)/2 + log(sqrt((p - 1)/Deltap + 1/Delta2))', '\\frac{\\Delta_2 \\Delta_p p \\left(- \\frac{p \\left(e + \\frac{m^{p}}{\\Delta_p p} + \\frac{m^{2}}{2 \\Delta_2}\\right)^{2}}{\\Delta_p} + \\frac{2 \\left(e + \\frac{m^{p}}{\\Delta_p p} + \\frac{m^{2}}{2 \\Delta_2}\\right) \\left(- \\mu + \\frac{m^{p}}{\\Delta_p} + \\frac{m^{2}}{\\Delta_2}\\right)}{\\Delta_p} - \\frac{\\left(- \\mu + \\frac{m^{p}}{\\Delta_p} + \\frac{m^{2}}{\\Delta_2}\\right)^{2}}{\\Delta_p p} - \\frac{2 \\left(e + \\frac{m^{p}}{\\Delta_p p} + \\frac{m^{2}}{2 \\Delta_2}\\right)^{2}}{\\Delta_2} + \\frac{2 \\left(e + \\frac{m^{p}}{\\Delta_p p} + \\frac{m^{2}}{2 \\Delta_2}\\right) \\left(- \\mu + \\frac{m^{p}}{\\Delta_p} + \\frac{m^{2}}{\\Delta_2}\\right)}{\\Delta_2} - \\frac{\\left(- \\mu + \\frac{m^{p}}{\\Delta_p} + \\frac{m^{2}}{\\Delta_2}\\right)^{2}}{2 \\Delta_2}\\right)}{\\left(p - 2\\right)^{2}} + \\frac{\\mu^{2}}{\\frac{4 \\left(p - 1\\right)}{\\Delta_p} + \\frac{4}{\\Delta_2}} - \\frac{\\left(1 - m^{2}\\right) \\left(\\frac{m^{p - 1}}{\\Delta_p} + \\frac{m}{\\Delta_2}\\right)^{2}}{\\frac{2}{\\Delta_p} + \\frac{2}{\\Delta_2}} + \\frac{\\log{\\left(1 - m^{2} \\right)}}{2} - \\frac{\\log{\\left(\\frac{1}{\\Delta_p} + \\frac{1}{\\Delta_2} \\right)}}{2} + \\log{\\left(\\sqrt{\\frac{p - 1}{\\Delta_p} + \\frac{1}{\\Delta_2}} \\right)}'),
    'kr_sigma_outside': ('Delta2*Deltap*p*(-p*(e + m**p/(Deltap*p) + m**2/(2*Delta2))**2/Deltap + 2*(e + m**p/(Deltap*p) + m**2/(2*Delta2))*(-mu + m**p/Deltap + m**2/Delta2)/Deltap - (-mu + m**p/Deltap + m**2/Delta2)**2/(Deltap*p) - 2*(e + m**p/(Deltap*p) + m**2/(2*Delta2))**2/Delta2 + 2*(e + m**p/(Deltap*p) + m**2/(2*Delta2))*(-mu + m**p/Deltap + m**2/Delta2)/Delta2 - (-mu + m**p/Deltap + m**2/Delta2)**2/(2*Delta2))/(p - 2)**2 - (1 - m**2)*(m**(p - 1)/Deltap + m/Delta2)**2/(2/Deltap + 2/Delta2) + ((p - 1)/Deltap + 1/Delta2)/(2*(sqrt(mu**2 - 4*(p - 1)/Deltap - 4/Delta2)/2 + Abs(mu)/2)**2) + log(1 - m**2)/2 - log(1/Deltap + 1/Delta2)/2 + log(sqrt(mu**2 - 4*(p - 1)/Deltap - 4/Delta2)/2 + Abs(mu)/2) + 1/2', '\\frac{\\Delta_2 \\Delta_p p \\left(- \\frac{p \\left(e + \\frac{m^{p}}{\\Delta_p p} + \\frac{m^{2}}{2 \\Delta_2}\\right)^{2}}{\\Delta_p} + \\frac{2 \\left(e + \\frac{m^{p}}{\\Delta_p p} + \\frac{m^{2}}{2 \\Delta_2}\\right) \\left(- \\mu + \\frac{m^{p}}{\\Delta_p} + \\frac{m^{2}}{\\Delta_2}\\right)}{\\Delta_p} - \\frac{\\left(- \\mu + \\frac{m^{p}}{\\Delta_p} + \\frac{m^{2}}{\\Delta_2}\\right)^{2}}{\\Delta_p p} - \\frac{2 \\left(e + \\frac{m^{p}}{\\Delta_p p} + \\frac{m^{2}}{2 \\Delta_2}\\right)^{2}}{\\Delta_2} + \\frac{2 \\left(e + \\frac{m^{p}}{\\Delta_p p} + \\frac{m^{2}}{2 \\Delta_2}\\right) \\left(- \\mu + \\frac{m^{p}}{\\Delta_p} + \\frac{m^{2}}{\\Delta_2}\\right)}{\\Delta_2} - \\frac{\\left(- \\mu + \\frac{m^{p}}{\\Delta_p} + \\frac{m^{2}}{\\Delta_2}\\right)^{2}}{2 \\Delta_2}\\right)}{\\left(p - 2\\right)^{2}} - \\frac{\\left(1 - m^{2}\\right) \\left(\\frac{m^{p - 1}}{\\Delta_p} + \\frac{m}{\\Delta_2}\\right)^{2}}{\\frac{2}{\\Delta_p} + \\frac{2}{\\Delta_2}} + \\frac{\\frac{p - 1}{\\Delta_p} + \\frac{1}{\\Delta_2}}{2 \\left(\\frac{\\sqrt{\\mu^{2} - \\frac{4 \\left(p - 1\\right)}{\\Delta_p} - \\frac{4}{\\Delta_2}}}{2} + \\frac{\\left|{\\mu}\\right|}{2}\\right)^{2}} + \\frac{\\log{\\left(1 - m^{2} \\right)}}{2} - \\frac{\\log{\\left(\\frac{1}{\\Delta_p} + \\frac{1}{\\Delta_2} \\right)}}{2} + \\log{\\left(\\frac{\\sqrt{\\mu^{2} - \\frac{4 \\left(p - 1\\right)}{\\Delta_p} - \\frac{4}{\\Delta_2}}}{2} + \\frac{\\left|{\\mu}\\right|}{2} \\right)} + \\frac{1}{2}'),
    'kr_sigma_mu_bulk': ('mu**2/(4*(p - 1)/Deltap + 4/Delta2) - (1 - m**2)*(m**(p - 1)/Deltap + m/Delta2)**2/(2/Deltap + 2/Delta2) + log(1 - m**2)/2 - log(1/Deltap + 1/Delta2)/2 + log(sqrt((p - 1)/Deltap + 1/Delta2)) - (-Delta2*Deltap*mu + Delta2*m**p + Deltap*m**2)**2/(2*Delta2*Deltap*(Delta2*p + 2*Deltap))', '\\frac{\\mu^{2}}{\\frac{4 \\left(p - 1\\right)}{\\Delta_p} + \\frac{4}{\\Delta_2}} - \\frac{\\left(1 - m^{2}\\right) \\left(\\frac{m^{p - 1}}{\\Delta_p} + \\frac{m}{\\Delta_2}\\right)^{2}}{\\frac{2}{\\Delta_p} + \\frac{2}{\\Delta_2}} + \\frac{\\log{\\left(1 - m^{2} \\right)}}{2} - \\frac{\\log{\\left(\\frac{1}{\\Delta_p} + \\frac{1}{\\Delta_2} \\right)}}{2} + \\log{\\left(\\sqrt{\\frac{p - 1}{\\Delta_p} + \\frac{1}{\\Delta_2}} \\right)} - \\frac{\\left(- \\Delta_2 \\Delta_p \\mu + \\Delta_2 m^{p} + \\Delta_p m^{2}\\right)^{2}}{2 \\Delta_2 \\Delta_p \\left(\\Delta_2 p + 2 \\Delta_p\\right)}'),
    'kr_sigma_mu_outside': ('-(1 - m**2)*(m**(p - 1)/Deltap + m/Delta2)**2/(2/Deltap + 2/Delta2) + ((p - 1)/Deltap + 1/Delta2)/(2*(sqrt(mu**2 - 4*(p - 1)/Deltap - 4/Delta2)/2 + Abs(mu)/2)**2) + log(1 - m**2)/2 - log(1/Deltap + 1/Delta2)/2 + log(sqrt(mu**2 - 4*(p - 1)/Deltap - 4/Delta2)/2 + Abs(mu)/2) + 1/2 - (-Delta2*Deltap*mu + Delta2*m**p + Deltap*m**2)**2/(2*Delta2*Deltap*(Delta2*p + 2*Deltap))', '- \\frac{\\left(1 - m^{2}\\right) \\left(\\frac{m^{p - 1}}{\\Delta_p} + \\frac{m}{\\Delta_2}\\right)^{2}}{\\frac{2}{\\Delta_p} + \\frac{2}{\\Delta_2}} + \\frac{\\frac{p - 1}{\\Delta_p} + \\frac{1}{\\Delta_2}}{2 \\left(\\frac{\\sqrt{\\mu^{2} - \\frac{4 \\left(p - 1\\right)}{\\Delta_p} - \\frac{4}{\\Delta_2}}}{2} + \\frac{\\left|{\\mu}\\right|}{2}\\right)^{2}} + \\frac{\\log{\\left(1 - m^{2} \\right)}}{2} - \\frac{\\log{\\left(\\frac{1}{\\Delta_p} + \\frac{1}{\\Delta_2} \\right)}}{2} + \\log{\\left(\\frac{\\sqrt{\\mu^{2} - \\frac{4 \\left(p - 1\\right)}{\\Delta_p} - \\frac{4}{\\Delta_2}}}{2} + \\frac{\\left|{\\mu}\\right|}{2} \\right)} + \\frac{1}{2} - \\frac{\\left(- \\Delta_2 \\Delta_p \\mu + \\Delta_2 m^{p} + \\Delta_p m^{2}\\right)^{2}}{2 \\Delta_2 \\Delta_p \\left(\\Delta_2 p + 2 \\Delta_p\\right)}'),
    'kr_center': ('m**p/Deltap + m**2/Delta2', '\\frac{m^{p}}{\\Delta_p} + \\frac{m^{2}}{\\Delta_2}'),
    'kr_halfwidth': ('((p - 1)/Deltap - 1/Deltap)/sqrt((p - 1)/Deltap + 1/Delta2)', '\\frac{\\frac{p - 1}{\\Delta_p} - \\frac{1}{\\Delta_p}}{\\sqrt{\\frac{p - 1}{\\Delta_p} + \\frac{1}{\\Delta_2}}}'),
    'kr_sigma_max_bulk': ('-(1 - m**2)*(m**(p - 1)/Deltap + m/Delta2)**2/(2/Deltap + 2/Delta2) + (2*m**p/Deltap + 2*m**2/Delta2)**2*((p - 1)/Deltap + 1/Delta2)**2/(((p - 1)/Deltap - 1/Deltap)**2*(4*(p - 1)/Deltap + 4/Delta2)) + log(1 - m**2)/2 - log(1/Deltap + 1/Delta2)/2 + log(sqrt((p - 1)/Deltap + 1/Delta2)) - ((2*m**p/Deltap + 2*m**2/Delta2)*((p - 1)/Deltap + 1/Delta2)/((p - 1)/Deltap - 1/Deltap) - m**p/Deltap - m**2/Delta2)**2/(2*(p - 1)/Deltap + 2/Deltap + 4/Delta2)', '- \\frac{\\left(1 - m^{2}\\right) \\left(\\frac{m^{p - 1}}{\\Delta_p} + \\frac{m}{\\Delta_2}\\right)^{2}}{\\frac{2}{\\Delta_p} + \\frac{2}{\\Delta_2}} + \\frac{\\left(\\frac{2 m^{p}}{\\Delta_p} + \\frac{2 m^{2}}{\\Delta_2}\\right)^{2} \\left(\\frac{p - 1}{\\Delta_p} + \\frac{1}{\\Delta_2}\\right)^{2}}{\\left(\\frac{p - 1}{\\Delta_p} - \\frac{1}{\\Delta_p}\\right)^{2} \\left(\\frac{4 \\left(p - 1\\right)}{\\Delta_p} + \\frac{4}{\\Delta_2}\\right)} + \\frac{\\log{\\left(1 - m^{2} \\right)}}{2} - \\frac{\\log{\\left(\\frac{1}{\\Delta_p} + \\frac{1}{\\Delta_2} \\right)}}{2} + \\log{\\left(\\sqrt{\\frac{p - 1}{\\Delta_p} + \\frac{1}{\\Delta_2}} \\right)} - \\frac{\\left(\\frac{\\left(\\frac{2 m^{p}}{\\Delta_p} + \\frac{2 m^{2}}{\\Delta_2}\\right) \\left(\\frac{p - 1}{\\Delta_p} + \\frac{1}{\\Delta_2}\\right)}{\\frac{p - 1}{\\Delta_p} - \\frac{1}{\\Delta_p}} - \\frac{m^{p}}{\\Delta_p} - \\frac{m^{2}}{\\Delta_2}\\right)^{2}}{\\frac{2 \\left(p - 1\\right)}{\\Delta_p} + \\frac{2}{\\Delta_p} + \\frac{4}{\\Delta_2}}'),
    'kr_sigma_max_right': ('-(1 - m**2)*(m**(p - 1)/Deltap + m/Delta2)**2/(2/Deltap + 2/Delta2) + ((p - 1)/Deltap + 1/Delta2)/(2*(sqrt((m**p/Deltap + m**2/Delta2)**2 + 4/Deltap + 4/Delta2)/2 + m**p/(2*Deltap) + m**2/(2*Delta2))**2) + log(1 - m**2)/2 - log(1/Deltap + 1/Delta2)/2 + log(sqrt((m**p/Deltap + m**2/Delta2)**2 + 4/Deltap + 4/Delta2)/2 + m**p/(2*Deltap) + m**2/(2*Delta2)) + 1/2 - (((p - 1)/Deltap + 1/Delta2)/(sqrt((m**p/Deltap + m**2/Delta2)**2 + 4/Deltap + 4/Delta2)/2 + m**p/(2*Deltap) + m**2/(2*Delta2)) + sqrt((m**p/Deltap + m**2/Delta2)**2 + 4/Deltap + 4/Delta2)/2 - m**p/(2*Deltap) - m**2/(2*Delta2))**2/(2*(p - 1)/Deltap + 2/Deltap + 4/Delta2)', '- \\frac{\\left(1 - m^{2}\\right) \\left(\\frac{m^{p - 1}}{\\Delta_p} + \\frac{m}{\\Delta_2}\\right)^{2}}{\\frac{2}{\\Delta_p} + \\frac{2}{\\Delta_2}} + \\frac{\\frac{p - 1}{\\Delta_p} + \\frac{1}{\\Delta_2}}{2 \\left(\\frac{\\sqrt{\\left(\\frac{m^{p}}{\\Delta_p} + \\frac{m^{2}}{\\Delta_2}\\right)^{2} + \\frac{4}{\\Delta_p} + \\frac{4}{\\Delta_2}}}{2} + \\frac{m^{p}}{2 \\Delta_p} + \\frac{m^{2}}{2 \\Delta_2}\\right)^{2}} + \\frac{\\log{\\left(1 - m^{2} \\right)}}{2} - \\frac{\\log{\\left(\\frac{1}{\\Delta_p} + \\frac{1}{\\Delta_2} \\right)}}{2} + \\log{\\left(\\frac{\\sqrt{\\left(\\frac{m^{p}}{\\Delta_p} + \\frac{m^{2}}{\\Delta_2}\\right)^{2} + \\frac{4}{\\Delta_p} + \\frac{4}{\\Delta_2}}}{2} + \\frac{m^{p}}{2 \\Delta_p} + \\frac{m^{2}}{2 \\Delta_2} \\right)} + \\frac{1}{2} - \\frac{\\left(\\frac{\\frac{p - 1}{\\Delta_p} + \\frac{1}{\\Delta_2}}{\\frac{\\sqrt{\\left(\\frac{m^{p}}{\\Delta_p} + \\frac{m^{2}}{\\Delta_2}\\right)^{2} + \\frac{4}{\\Delta_p} + \\frac{4}{\\Delta_2}}}{2} + \\frac{m^{p}}{2 \\Delta_p} + \\frac{m^{2}}{2 \\Delta_2}} + \\frac{\\sqrt{\\left(\\frac{m^{p}}{\\Delta_p} + \\frac{m^{2}}{\\Delta_2}\\right)^{2} + \\frac{4}{\\Delta_p} + \\frac{4}{\\Delta_2}}}{2} - \\frac{m^{p}}{2 \\Delta_p} - \\frac{m^{2}}{2 \\Delta_2}\\right)^{2}}{\\frac{2 \\left(p - 1\\right)}{\\Delta_p} + \\frac{2}{\\Delta_p} + \\frac{4}{\\Delta_2}}'),
    'kr_sigma_max_left': ('-(1 - m**2)*(m**(p - 1)/Deltap + m/Delta2)**2/(2/Deltap + 2/Delta2) + ((p - 1)/Deltap + 1/Delta2)/(2*(sqrt((-m**p/Deltap - m**2/Delta2)**2 + 4/Deltap + 4/Delta2)/2 - m**p/(2*Deltap) - m**2/(2*Delta2))**2) + log(1 - m**2)/2 - log(1/Deltap + 1/Delta2)/2 + log(sqrt((-m**p/Deltap - m**2/Delta2)**2 + 4/Deltap + 4/Delta2)/2 - m**p/(2*Deltap) - m**2/(2*Delta2)) + 1/2 - (((p - 1)/Deltap + 1/Delta2)/(sqrt((-m**p/Deltap - m**2/Delta2)**2 + 4/Deltap + 4/Delta2)/2 - m**p/(2*Deltap) - m**2/(2*Delta2)) + sqrt((-m**p/Deltap - m**2/Delta2)**2 + 4/Deltap + 4/Delta2)/2 + m**p/(2*Deltap) + m**2/(2*Delta2))**2/(2*(p - 1)/Deltap + 2/Deltap + 4/Delta2)', '- \\frac{\\left(1 - m^{2}\\right) \\left(\\frac{m^{p - 1}}{\\Delta_p} + \\frac{m}{\\Delta_2}\\right)^{2}}{\\frac{2}{\\Delta_p} + \\frac{2}{\\Delta_2}} + \\frac{\\frac{p - 1}{\\Delta_p} + \\frac{1}{\\Delta_2}}{2 \\left(\\frac{\\sqrt{\\left(- \\frac{m^{p}}{\\Delta_p} - \\frac{m^{2}}{\\Delta_2}\\right)^{2} + \\frac{4}{\\Delta_p} + \\frac{4}{\\Delta_2}}}{2} - \\frac{m^{p}}{2 \\Delta_p} - \\frac{m^{2}}{2 \\Delta_2}\\right)^{2}} + \\frac{\\log{\\left(1 - m^{2} \\right)}}{2} - \\frac{\\log{\\left(\\frac{1}{\\Delta_p} + \\frac{1}{\\Delta_2} \\right)}}{2} + \\log{\\left(\\frac{\\sqrt{\\left(- \\frac{m^{p}}{\\Delta_p} - \\frac{m^{2}}{\\Delta_2}\\right)^{2} + \\frac{4}{\\Delta_p} + \\frac{4}{\\Delta_2}}}{2} - \\frac{m^{p}}{2 \\Delta_p} - \\frac{m^{2}}{2 \\Delta_2} \\right)} + \\frac{1}{2} - \\frac{\\left(\\frac{\\frac{p - 1}{\\Delta_p} + \\frac{1}{\\Delta_2}}{\\frac{\\sqrt{\\left(- \\frac{m^{p}}{\\Delta_p} - \\frac{m^{2}}{\\Delta_2}\\right)^{2} + \\frac{4}{\\Delta_p} + \\frac{4}{\\Delta_2}}}{2} - \\frac{m^{p}}{2 \\Delta_p} - \\frac{m^{2}}{2 \\Delta_2}} + \\frac{\\sqrt{\\left(- \\frac{m^{p}}{\\Delta_p} - \\frac{m^{2}}{\\Delta_2}\\right)^{2} + \\frac{4}{\\Delta_p} + \\frac{4}{\\Delta_2}}}{2} + \\frac{m^{p}}{2 \\Delta_p} + \\frac{m^{2}}{2 \\Delta_2}\\right)^{2}}{\\frac{2 \\left(p - 1\\right)}{\\Delta_p} + \\frac{2}{\\Delta_p} + \\frac{4}{\\Delta_2}}'),
    'kr_w_star': ('sqrt((m**p/Deltap + m**2/Delta2)**2 + 4/Deltap + 4/Delta2)/2 + m**p/(2*Deltap) + m**2/(2*Delta2)', '\\frac{\\sqrt{\\left(\\frac{m^{p}}{\\Delta_p} + \\frac{m^{2}}{\\Delta_2}\\right)^{2} + \\frac{4}{\\Delta_p} + \\frac{4}{\\Delta_2}}}{2} + \\frac{m^{p}}{2 \\Delta_p} + \\frac{m^{2}}{2 \\Delta_2}'),
    'kr_center_e': ('-(2*Delta2*e*p + 2*Deltap*e*p + m**2*p - 2*m**2 - m**p*p + 2*m**p)/(2*Delta2 + Deltap*p)', '- \\frac{2 \\Delta_2 e p + 2 \\Delta_p e p + m^{2} p - 2 m^{2} - m^{p} p + 2 m^{p}}{2 \\Delta_2 + \\Delta_p p}'),
    'kr_halfwidth_e': ('(-(p - 2)**2/(2*Delta2 + Deltap*p) + 2*(p - 1)/Deltap + 2/Delta2)/sqrt((p - 1)/Deltap + 1/Delta2)', '\\frac{- \\frac{\\left(p - 2\\right)^{2}}{2 \\Delta_2 + \\Delta_p p} + \\frac{2 \\left(p - 1\\right)}{\\Delta_p} + \\frac{2}{\\Delta_2}}{\\sqrt{\\frac{p - 1}{\\Delta_p} + \\frac{1}{\\Delta_2}}}'),
    'kr_sigma_e_max_bulk': ('-(1 - m**2)*(m**(p - 1)/Deltap + m/Delta2)**2/(2/Deltap + 2/Delta2) - (2*Delta2 + Deltap*p)*(-2*((p - 1)/Deltap + 1/Delta2)*(2*Delta2*e*p + 2*Deltap*e*p + m**2*p - 2*m**2 - m**p*p + 2*m**p)/((2*Delta2 + Deltap*p)*(-(p - 2)**2/(2*Delta2 + Deltap*p) + 2*(p - 1)/Deltap + 2/Delta2)) + (2*Delta2*e*p + 2*Deltap*e*p + m**2*p - 2*m**2 - m**p*p + 2*m**p)/(2*Delta2 + Deltap*p))**2/(2*(p - 2)**2) + log(1 - m**2)/2 - log(1/Deltap + 1/Delta2)/2 + log(sqrt((p - 1)/Deltap + 1/Delta2)) + 4*((p - 1)/Deltap + 1/Delta2)**2*(2*Delta2*e*p + 2*Deltap*e*p + m**2*p - 2*m**2 - m**p*p + 2*m**p)**2/((2*Delta2 + Deltap*p)**2*(4*(p - 1)/Deltap + 4/Delta2)*(-(p - 2)**2/(2*Delta2 + Deltap*p) + 2*(p - 1)/Deltap + 2/Delta2)**2) - (2*Delta2*Deltap*e*p + 2*Delta2*m**p + Deltap*m**2*p)**2/(4*Delta2*Deltap*p*(2*Delta2 + Deltap*p))', '- \\frac{\\left(1 - m^{2}\\right) \\left(\\frac{m^{p - 1}}{\\Delta_p} + \\frac{m}{\\Delta_2}\\right)^{2}}{\\frac{2}{\\Delta_p} + \\frac{2}{\\Delta_2}} - \\frac{\\left(2 \\Delta_2 + \\Delta_p p\\right) \\left(- \\frac{2 \\left(\\frac{p - 1}{\\Delta_p} + \\frac{1}{\\Delta_2}\\right) \\left(2 \\Delta_2 e p + 2 \\Delta_p e p + m^{2} p - 2 m^{2} - m^{p} p + 2 m^{p}\\right)}{\\left(2 \\Delta_2 + \\Delta_p p\\right) \\left(- \\frac{\\left(p - 2\\right)^{2}}{2 \\Delta_2 + \\Delta_p p} + \\frac{2 \\left(p - 1\\right)}{\\Delta_p} + \\frac{2}{\\Delta_2}\\right)} + \\frac{2 \\Delta_2 e p + 2 \\Delta_p e p + m^{2} p - 2 m^{2} - m^{p} p + 2 m^{p}}{2 \\Delta_2 + \\Delta_p p}\\right)^{2}}{2 \\left(p - 2\\right)^{2}} + \\frac{\\log{\\left(1 - m^{2} \\right)}}{2} - \\frac{\\log{\\left(\\frac{1}{\\Delta_p} + \\frac{1}{\\Delta_2} \\right)}}{2} + \\log{\\left(\\sqrt{\\frac{p - 1}{\\Delta_p} + \\frac{1}{\\Delta_2}} \\right)} + \\frac{4 \\left(\\frac{p - 1}{\\Delta_p} + \\frac{1}{\\Delta_2}\\right)^{2} \\left(2 \\Delta_2 e p + 2 \\Delta_p e p + m^{2} p - 2 m^{2} - m^{p} p + 2 m^{p}\\right)^{2}}{\\left(2 \\Delta_2 + \\Delta_p p\\right)^{2} \\left(\\frac{4 \\left(p - 1\\right)}{\\Delta_p} + \\frac{4}{\\Delta_2}\\right) \\left(- \\frac{\\left(p - 2\\right)^{2}}{2 \\Delta_2 + \\Delta_p p} + \\frac{2 \\left(p - 1\\right)}{\\Delta_p} + \\frac{2}{\\Delta_2}\\right)^{2}} - \\frac{\\left(2 \\Delta_2 \\Delta_p e p + 2 \\Delta_2 m^{p} + \\Delta_p m^{2} p\\right)^{2}}{4 \\Delta_2 \\Delta_p p \\left(2 \\Delta_2 + \\Delta_p p\\right)}'),
    'kr_sigma_e_max_right': ('-(1 - m**2)*(m**(p - 1)/Deltap + m/Delta2)**2/(2/Deltap + 2/Delta2) - (2*Delta2 + Deltap*p)*(((p - 1)/Deltap + 1/Delta2)/(sqrt(4*(p - 2)**2/(2*Delta2 + Deltap*p) + (2*Delta2*e*p + 2*Deltap*e*p + m**2*p - 2*m**2 - m**p*p + 2*m**p)**2/(2*Delta2 + Deltap*p)**2 - 4*(p - 1)/Deltap - 4/Delta2)/2 - (2*Delta2*e*p + 2*Deltap*e*p + m**2*p - 2*m**2 - m**p*p + 2*m**p)/(2*(2*Delta2 + Deltap*p))) + sqrt(4*(p - 2)**2/(2*Delta2 + Deltap*p) + (2*Delta2*e*p + 2*Deltap*e*p + m**2*p - 2*m**2 - m**p*p + 2*m**p)**2/(2*Delta2 + Deltap*p)**2 - 4*(p - 1)/Deltap - 4/Delta2)/2 + (2*Delta2*e*p + 2*Deltap*e*p + m**2*p - 2*m**2 - m**p*p + 2*m**p)/(2*(2*Delta2 + Deltap*p)))**2/(2*(p - 2)**2) + ((p - 1)/Deltap + 1/Delta2)/(2*(sqrt(4*(p - 2)**2/(2*Delta2 + Deltap*p) + (2*Delta2*e*p + 2*Deltap*e*p + m**2*p - 2*m**2 - m**p*p + 2*m**p)**2/(2*Delta2 + Deltap*p)**2 - 4*(p - 1)/Deltap - 4/Delta2)/2 - (2*Delta2*e*p + 2*Deltap*e*p + m**2*p - 2*m**2 - m**p*p + 2*m**p)/(2*(2*Delta2 + Deltap*p)))**2) + log(1 - m**2)/2 - log(1/Deltap + 1/Delta2)/2 + log(sqrt(4*(p - 2)**2/(2*Delta2 + Deltap*p) + (2*Delta2*e*p + 2*Deltap*e*p + m**2*p - 2*m**2 - m**p*p + 2*m**p)**2/(2*Delta2 + Deltap*p)**2 - 4*(p - 1)/Deltap - 4/Delta2)/2 - (2*Delta2*e*p + 2*Deltap*e*p + m**2*p - 2*m**2 - m**p*p + 2*m**p)/(2*(2*Delta2 + Deltap*p))) + 1/2 - (2*Delta2*Deltap*e*p + 2*Delta2*m**p + Deltap*m**2*p)**2/(4*Delta2*Deltap*p*(2*Delta2 + Deltap*p))', '- \\frac{\\left(1 - m^{2}\\right) \\left(\\frac{m^{p - 1}}{\\Delta_p} + \\frac{m}{\\Delta_2}\\right)^{2}}{\\frac{2}{\\Delta_p} + \\frac{2}{\\Delta_2}} - \\frac{\\left(2 \\Delta_2 + \\Delta_p p\\right) \\left(\\frac{\\frac{p - 1}{\\Delta_p} + \\frac{1}{\\Delta_2}}{\\frac{\\sqrt{\\frac{4 \\left(p - 2\\right)^{2}}{2 \\Delta_2 + \\Delta_p p} + \\frac{\\left(2 \\Delta_2 e p + 2 \\Delta_p e p + m^{2} p - 2 m^{2} - m^{p} p + 2 m^{p}\\right)^{2}}{\\left(2 \\Delta_2 + \\Delta_p p\\right)^{2}} - \\frac{4 \\left(p - 1\\right)}{\\Delta_p} - \\frac{4}{\\Delta_2}}}{2} - \\frac{2 \\Delta_2 e p + 2 \\Delta_p e p + m^{2} p - 2 m^{2} - m^{p} p + 2 m^{p}}{2 \\left(2 \\Delta_2 + \\Delta_p p\\right)}} + \\frac{\\sqrt{\\frac{4 \\left(p - 2\\right)^{2}}{2 \\Delta_2 + \\Delta_p p} + \\frac{\\left(2 \\Delta_2 e p + 2 \\Delta_p e p + m^{2} p - 2 m^{2} - m^{p} p + 2 m^{p}\\right)^{2}}{\\left(2 \\Delta_2 + \\Delta_p p\\right)^{2}} - \\frac{4 \\left(p - 1\\right)}{\\Delta_p} - \\frac{4}{\\Delta_2}}}{2} + \\frac{2 \\Delta_2 e p + 2 \\Delta_p e p + m^{2} p - 2 m^{2} - m^{p} p + 2 m^{p}}{2 \\left(2 \\Delta_2 + \\Delta_p p\\right)}\\right)^{2}}{2 \\left(p - 2\\right)^{2}} + \\frac{\\frac{p - 1}{\\Delta_p} + \\frac{1}{\\Delta_2}}{2 \\left(\\frac{\\sqrt{\\frac{4 \\left(p - 2\\right)^{2}}{2 \\Delta_2 + \\Delta_p p} + \\frac{\\left(2 \\Delta_2 e p + 2 \\Delta_p e p + m^{2} p - 2 m^{2} - m^{p} p + 2 m^{p}\\right)^{2}}{\\left(2 \\Delta_2 + \\Delta_p p\\right)^{2}} - \\frac{4 \\left(p - 1\\right)}{\\Delta_p} - \\frac{4}{\\Delta_2}}}{2} - \\frac{2 \\Delta_2 e p + 2 \\Delta_p e p + m^{2} p - 2 m^{2} - m^{p} p + 2 m^{p}}{2 \\left(2 \\Delta_2 + \\Delta_p p\\right)}\\right)^{2}} + \\frac{\\log{\\left(1 - m^{2} \\right)}}{2} - \\frac{\\log{\\left(\\frac{1}{\\Delta_p} + \\frac{1}{\\Delta_2} \\right)}}{2} + \\log{\\left(\\frac{\\sqrt{\\frac{4 \\left(p - 2\\right)^{2}}{2 \\Delta_2 + \\Delta_p p} + \\frac{\\left(2 \\Delta_2 e p + 2 \\Delta_p e p + m^{2} p - 2 m^{2} - m^{p} p + 2 m^{p}\\right)^{2}}{\\left(2 \\Delta_2 + \\Delta_p p\\right)^{2}} - \\frac{4 \\left(p - 1\\right)}{\\Delta_p} - \\frac{4}{\\Delta_2}}}{2} - \\frac{2 \\Delta_2 e p + 2 \\Delta_p e p + m^{2} p - 2 m^{2} - m^{p} p + 2 m^{p}}{2 \\left(2 \\Delta_2 + \\Delta_p p\\right)} \\right)} + \\frac{1}{2} - \\frac{\\left(2 \\Delta_2 \\Delta_p e p + 2 \\Delta_2 m^{p} + \\Delta_p m^{2} p\\right)^{2}}{4 \\Delta_2 \\Delta_p p \\left(2 \\Delta_2 + \\Delta_p p\\right)}'),
    'kr_sigma_e_max_left': ('-(1 - m**2)*(m**(p - 1)/Deltap + m/Delta2)**2/(2/Deltap + 2/Delta2) - (2*Delta2 + Deltap*p)*(((p - 1)/Deltap + 1/Delta2)/(sqrt(4*(p - 2)**2/(2*Delta2 + Deltap*p) + (2*Delta2*e*p + 2*Deltap*e*p + m**2*p - 2*m**2 - m**p*p + 2*m**p)**2/(2*Delta2 + Deltap*p)**2 - 4*(p - 1)/Deltap - 4/Delta2)/2 + (2*Delta2*e*p + 2*Deltap*e*p + m**2*p - 2*m**2 - m**p*p + 2*m**p)/(2*(2*Delta2 + Deltap*p))) + sqrt(4*(p - 2)**2/(2*Delta2 + Deltap*p) + (2*Delta2*e*p + 2*Deltap*e*p + m**2*p - 2*m**2 - m**p*p + 2*m**p)**2/(2*Delta2 + Deltap*p)**2 - 4*(p - 1)/Deltap - 4/Delta2)/2 - (2*Delta2*e*p + 2*Deltap*e*p + m**2*p - 2*m**2 - m**p*p + 2*m**p)/(2*(2*Delta2 + Deltap*p)))**2/(2*(p - 2)**2) + ((p - 1)/Deltap + 1/Delta2)/(2*(sqrt(4*(p - 2)**2/(2*Delta2 + Deltap*p) + (2*Delta2*e*p + 2*Deltap*e*p + m**2*p - 2*m**2 - m**p*p + 2*m**p)**2/(2*Delta2 + Deltap*p)**2 - 4*(p - 1)/Deltap - 4/Delta2)/2 + (2*Delta2*e*p + 2*Deltap*e*p + m**2*p - 2*m**2 - m**p*p + 2*m**p)/(2*(2*Delta2 + Deltap*p)))**2) + log(1 - m**2)/2 - log(1/Deltap + 1/Delta2)/2 + log(sqrt(4*(p - 2)**2/(2*Delta2 + Deltap*p) + (2*Delta2*e*p + 2*Deltap*e*p + m**2*p - 2*m**2 - m**p*p + 2*m**p)**2/(2*Delta2 + Deltap*p)**2 - 4*(p - 1)/Deltap - 4/Delta2)/2 + (2*Delta2*e*p + 2*Deltap*e*p + m**2*p - 2*m**2 - m**p*p + 2*m**p)/(2*(2*Delta2 + Deltap*p))) + 1/2 - (2*Delta2*Deltap*e*p + 2*Delta2*m**p + Deltap*m**2*p)**2/(4*Delta2*Deltap*p*(2*Delta2 + Deltap*p))', '- \\frac{\\left(1 - m^{2}\\right) \\left(\\frac{m^{p - 1}}{\\Delta_p} + \\frac{m}{\\Delta_2}\\right)^{2}}{\\frac{2}{\\Delta_p} + \\frac{2}{\\Delta_2}} - \\frac{\\left(2 \\Delta_2 + \\Delta_p p\\right) \\left(\\frac{\\frac{p - 1}{\\Delta_p} + \\frac{1}{\\Delta_2}}{\\frac{\\sqrt{\\frac{4 \\left(p - 2\\right)^{2}}{2 \\Delta_2 + \\Delta_p p} + \\frac{\\left(2 \\Delta_2 e p + 2 \\Delta_p e p + m^{2} p - 2 m^{2} - m^{p} p + 2 m^{p}\\right)^{2}}{\\left(2 \\Delta_2 + \\Delta_p p\\right)^{2}} - \\frac{4 \\left(p - 1\\right)}{\\Delta_p} - \\frac{4}{\\Delta_2}}}{2} + \\frac{2 \\Delta_2 e p + 2 \\Delta_p e p + m^{2} p - 2 m^{2} - m^{p} p + 2 m^{p}}{2 \\left(2 \\Delta_2 + \\Delta_p p\\right)}} + \\frac{\\sqrt{\\frac{4 \\left(p - 2\\right)^{2}}{2 \\Delta_2 + \\Delta_p p} + \\frac{\\left(2 \\Delta_2 e p + 2 \\Delta_p e p + m^{2} p - 2 m^{2} - m^{p} p + 2 m^{p}\\right)^{2}}{\\left(2 \\Delta_2 + \\Delta_p p\\right)^{2}} - \\frac{4 \\left(p - 1\\right)}{\\Delta_p} - \\frac{4}{\\Delta_2}}}{2} - \\frac{2 \\Delta_2 e p + 2 \\Delta_p e p + m^{2} p - 2 m^{2} - m^{p} p + 2 m^{p}}{2 \\left(2 \\Delta_2 + \\Delta_p p\\right)}\\right)^{2}}{2 \\left(p - 2\\right)^{2}} + \\frac{\\frac{p - 1}{\\Delta_p} + \\frac{1}{\\Delta_2}}{2 \\left(\\frac{\\sqrt{\\frac{4 \\left(p - 2\\right)^{2}}{2 \\Delta_2 + \\Delta_p p} + \\frac{\\left(2 \\Delta_2 e p + 2 \\Delta_p e p + m^{2} p - 2 m^{2} - m^{p} p + 2 m^{p}\\right)^{2}}{\\left(2 \\Delta_2 + \\Delta_p p\\right)^{2}} - \\frac{4 \\left(p - 1\\right)}{\\Delta_p} - \\frac{4}{\\Delta_2}}}{2} + \\frac{2 \\Delta_2 e p + 2 \\Delta_p e p + m^{2} p - 2 m^{2} - m^{p} p + 2 m^{p}}{2 \\left(2 \\Delta_2 + \\Delta_p p\\right)}\\right)^{2}} + \\frac{\\log{\\left(1 - m^{2} \\right)}}{2} - \\frac{\\log{\\left(\\frac{1}{\\Delta_p} + \\frac{1}{\\Delta_2} \\right)}}{2} + \\log{\\left(\\frac{\\sqrt{\\frac{4 \\left(p - 2\\right)^{2}}{2 \\Delta_2 + \\Delta_p p} + \\frac{\\left(2 \\Delta_2 e p + 2 \\Delta_p e p + m^{2} p - 2 m^{2} - m^{p} p + 2 m^{p}\\right)^{2}}{\\left(2 \\Delta_2 + \\Delta_p p\\right)^{2}} - \\frac{4 \\left(p - 1\\right)}{\\Delta_p} - \\frac{4}{\\Delta_2}}}{2} + \\frac{2 \\Delta_2 e p + 2 \\Delta_p e p + m^{2} p - 2 m^{2} - m^{p} p + 2 m^{p}}{2 \\left(2 \\Delta_2 + \\Delta_p p\\right)} \\right)} + \\frac{1}{2} - \\frac{\\left(2 \\Delta_2 \\Delta_p e p + 2 \\Delta_2 m^{p} + \\Delta_p m^{2} p\\right)^{2}}{4 \\Delta_2 \\Delta_p p \\left(2 \\Delta_2 + \\Delta_p p\\right)}'),
    'kr_sigma_min_edge': ('-(1 - m**2)*(m**(p - 1)/Deltap + m/Delta2)**2/(2/Deltap + 2/Delta2) + log(1 - m**2)/2 - log(1/Deltap + 1/Delta2)/2 + log(sqrt((p - 1)/Deltap + 1/Delta2)) + 1 - (2*sqrt((p - 1)/Deltap + 1/Delta2) - m**p/Deltap - m**2/Delta2)**2/(2*(p - 1)/Deltap + 2/Deltap + 4/Delta2)', '- \\frac{\\left(1 - m^{2}\\right) \\left(\\frac{m^{p - 1}}{\\Delta_p} + \\frac{m}{\\Delta_2}\\right)^{2}}{\\frac{2}{\\Delta_p} + \\frac{2}{\\Delta_2}} + \\frac{\\log{\\left(1 - m^{2} \\right)}}{2} - \\frac{\\log{\\left(\\frac{1}{\\Delta_p} + \\frac{1}{\\Delta_2} \\right)}}{2} + \\log{\\left(\\sqrt{\\frac{p - 1}{\\Delta_p} + \\frac{1}{\\Delta_2}} \\right)} + 1 - \\frac{\\left(2 \\sqrt{\\frac{p - 1}{\\Delta_p} + \\frac{1}{\\Delta_2}} - \\frac{m^{p}}{\\Delta_p} - \\frac{m^{2}}{\\Delta_2}\\right)^{2}}{\\frac{2 \\left(p - 1\\right)}{\\Delta_p} + \\frac{2}{\\Delta_p} + \\frac{4}{\\Delta_2}}'),
    'kr_sigma_min_outlier': ('-(1 - m**2)*(m**(p - 1)/Deltap + m/Delta2)**2/(2/Deltap + 2/Delta2) + log((1 - m**2)*(m**(p - 2)*(p - 1)/Deltap + 1/Delta2)) + log(1 - m**2)/2 - log(1/Deltap + 1/Delta2)/2 + 1/2 - ((1 - m**2)*(m**(p - 2)*(p - 1)/Deltap + 1/Delta2) + ((p - 1)/Deltap + 1/Delta2)/((1 - m**2)*(m**(p - 2)*(p - 1)/Deltap + 1/Delta2)) - m**p/Deltap - m**2/Delta2)**2/(2*(p - 1)/Deltap + 2/Deltap + 4/Delta2) + ((p - 1)/Deltap + 1/Delta2)/(2*(1 - m**2)**2*(m**(p - 2)*(p - 1)/Deltap + 1/Delta2)**2)', '- \\frac{\\left(1 - m^{2}\\right) \\left(\\frac{m^{p - 1}}{\\Delta_p} + \\frac{m}{\\Delta_2}\\right)^{2}}{\\frac{2}{\\Delta_p} + \\frac{2}{\\Delta_2}} + \\log{\\left(\\left(1 - m^{2}\\right) \\left(\\frac{m^{p - 2} \\left(p - 1\\right)}{\\Delta_p} + \\frac{1}{\\Delta_2}\\right) \\right)} + \\frac{\\log{\\left(1 - m^{2} \\right)}}{2} - \\frac{\\log{\\left(\\frac{1}{\\Delta_p} + \\frac{1}{\\Delta_2} \\right)}}{2} + \\frac{1}{2} - \\frac{\\left(\\left(1 - m^{2}\\right) \\left(\\frac{m^{p - 2} \\left(p - 1\\right)}{\\Delta_p} + \\frac{1}{\\Delta_2}\\right) + \\frac{\\frac{p - 1}{\\Delta_p} + \\frac{1}{\\Delta_2}}{\\left(1 - m^{2}\\right) \\left(\\frac{m^{p - 2} \\left(p - 1\\right)}{\\Delta_p} + \\frac{1}{\\Delta_2}\\right)} - \\frac{m^{p}}{\\Delta_p} - \\frac{m^{2}}{\\Delta_2}\\right)^{2}}{\\frac{2 \\left(p - 1\\right)}{\\Delta_p} + \\frac{2}{\\Delta_p} + \\frac{4}{\\Delta_2}} + \\frac{\\frac{p - 1}{\\Delta_p} + \\frac{1}{\\Delta_2}}{2 \\left(1 - m^{2}\\right)^{2} \\left(\\frac{m^{p - 2} \\left(p - 1\\right)}{\\Delta_p} + \\frac{1}{\\Delta_2}\\right)^{2}}'),
    'kr_dsigma_min_edge_dm': ('2*m*(m**(p - 1)/Deltap + m/Delta2)**2/(2/Deltap + 2/Delta2) - m/(1 - m**2) - (1 - m**2)*(m**(p - 1)/Deltap + m/Delta2)*(m**(p - 2)*(2*p - 2)/Deltap + 2/Delta2)/(2/Deltap + 2/Delta2) - (-2*m**(p - 1)*p/Deltap - 4*m/Delta2)*(2*sqrt((p - 1)/Deltap + 1/Delta2) - m**p/Deltap - m**2/Delta2)/(2*(p - 1)/Deltap + 2/Deltap + 4/Delta2)', '\\frac{2 m \\left(\\frac{m^{p - 1}}{\\Delta_p} + \\frac{m}{\\Delta_2}\\right)^{2}}{\\frac{2}{\\Delta_p} + \\frac{2}{\\Delta_2}} - \\frac{m}{1 - m^{2}} - \\frac{\\left(1 - m^{2}\\right) \\left(\\frac{m^{p - 1}}{\\Delta_p} + \\frac{m}{\\Delta_2}\\right) \\left(\\frac{m^{p - 2} \\left(2 p - 2\\right)}{\\Delta_p} + \\frac{2}{\\Delta_2}\\right)}{\\frac{2}{\\Delta_p} + \\frac{2}{\\Delta_2}} - \\frac{\\left(- \\frac{2 m^{p - 1} p}{\\Delta_p} - \\frac{4 m}{\\Delta_2}\\right) \\left(2 \\sqrt{\\frac{p - 1}{\\Delta_p} + \\frac{1}{\\Delta_2}} - \\frac{m^{p}}{\\Delta_p} - \\frac{m^{2}}{\\Delta_2}\\right)}{\\frac{2 \\left(p - 1\\right)}{\\Delta_p} + \\frac{2}{\\Delta_p} + \\frac{4}{\\Delta_2}}'),
    'kr_dsigma_min_outlier_dm': ('2*m*(m**(p - 1)/Deltap + m/Delta2)**2/(2/Deltap + 2/Delta2) - m/(1 - m**2) + 2*m*((p - 1)/Deltap + 1/Delta2)/((1 - m**2)**3*(m**(p - 2)*(p - 1)/Deltap + 1/Delta2)**2) - (1 - m**2)*(m**(p - 1)/Deltap + m/Delta2)*(m**(p - 2)*(2*p - 2)/Deltap + 2/Delta2)/(2/Deltap + 2/Delta2) - ((1 - m**2)*(m**(p - 2)*(p - 1)/Deltap + 1/Delta2) + ((p - 1)/Deltap + 1/Delta2)/((1 - m**2)*(m**(p - 2)*(p - 1)/Deltap + 1/Delta2)) - m**p/Deltap - m**2/Delta2)*(-4*m*(m**(p - 2)*(p - 1)/Deltap + 1/Delta2) + 4*m*((p - 1)/Deltap + 1/Delta2)/((1 - m**2)**2*(m**(p - 2)*(p - 1)/Deltap + 1/Delta2)) + 2*m**(p - 3)*(1 - m**2)*(p - 2)*(p - 1)/Deltap - 2*m**(p - 3)*(p - 2)*(p - 1)*((p - 1)/Deltap + 1/Delta2)/(Deltap*(1 - m**2)*(m**(p - 2)*(p - 1)/Deltap + 1/Delta2)**2) - 2*m**(p - 1)*p/Deltap - 4*m/Delta2)/(2*(p - 1)/Deltap + 2/Deltap + 4/Delta2) + (-2*m*(m**(p - 2)*(p - 1)/Deltap + 1/Delta2) + m**(p - 3)*(1 - m**2)*(p - 2)*(p - 1)/Deltap)/((1 - m**2)*(m**(p - 2)*(p - 1)/Deltap + 1/Delta2)) - m**(p - 3)*(p - 2)*(p - 1)*((p - 1)/Deltap + 1/Delta2)/(Deltap*(1 - m**2)**2*(m**(p - 2)*(p - 1)/Deltap + 1/Delta2)**3)', '\\frac{2 m \\left(\\frac{m^{p - 1}}{\\Delta_p} + \\frac{m}{\\Delta_2}\\right)^{2}}{\\frac{2}{\\Delta_p} + \\frac{2}{\\Delta_2}} - \\frac{m}{1 - m^{2}} + \\frac{2 m \\left(\\frac{p - 1}{\\Delta_p} + \\frac{1}{\\Delta_2}\\right)}{\\left(1 - m^{2}\\right)^{3} \\left(\\frac{m^{p - 2} \\left(p - 1\\right)}{\\Delta_p} + \\frac{1}{\\Delta_2}\\right)^{2}} - \\frac{\\left(1 - m^{2}\\right) \\left(\\frac{m^{p - 1}}{\\Delta_p} + \\frac{m}{\\Delta_2}\\right) \\left(\\frac{m^{p - 2} \\left(2 p - 2\\right)}{\\Delta_p} + \\frac{2}{\\Delta_2}\\right)}{\\frac{2}{\\Delta_p} + \\frac{2}{\\Delta_2}} - \\frac{\\left(\\left(1 - m^{2}\\right) \\left(\\frac{m^{p - 2} \\left(p - 1\\right)}{\\Delta_p} + \\frac{1}{\\Delta_2}\\right) + \\frac{\\frac{p - 1}{\\Delta_p} + \\frac{1}{\\Delta_2}}{\\left(1 - m^{2}\\right) \\left(\\frac{m^{p - 2} \\left(p - 1\\right)}{\\Delta_p} + \\frac{1}{\\Delta_2}\\right)} - \\frac{m^{p}}{\\Delta_p} - \\frac{m^{2}}{\\Delta_2}\\right) \\left(- 4 m \\left(\\frac{m^{p - 2} \\left(p - 1\\right)}{\\Delta_p} + \\frac{1}{\\Delta_2}\\right) + \\frac{4 m \\left(\\frac{p - 1}{\\Delta_p} + \\frac{1}{\\Delta_2}\\right)}{\\left(1 - m^{2}\\right)^{2} \\left(\\frac{m^{p - 2} \\left(p - 1\\right)}{\\Delta_p} + \\frac{1}{\\Delta_2}\\right)} + \\frac{2 m^{p - 3} \\left(1 - m^{2}\\right) \\left(p - 2\\right) \\left(p - 1\\right)}{\\Delta_p} - \\frac{2 m^{p - 3} \\left(p - 2\\right) \\left(p - 1\\right) \\left(\\frac{p - 1}{\\Delta_p} + \\frac{1}{\\Delta_2}\\right)}{\\Delta_p \\left(1 - m^{2}\\right) \\left(\\frac{m^{p - 2} \\left(p - 1\\right)}{\\Delta_p} + \\frac{1}{\\Delta_2}\\right)^{2}} - \\frac{2 m^{p - 1} p}{\\Delta_p} - \\frac{4 m}{\\Delta_2}\\right)}{\\frac{2 \\left(p - 1\\right)}{\\Delta_p} + \\frac{2}{\\Delta_p} + \\frac{4}{\\Delta_2}} + \\frac{- 2 m \\left(\\frac{m^{p - 2} \\left(p - 1\\right)}{\\Delta_p} + \\frac{1}{\\Delta_2}\\right) + \\frac{m^{p - 3} \\left(1 - m^{2}\\right) \\left(p - 2\\right) \\left(p - 1\\right)}{\\Delta_p}}{\\left(1 - m^{2}\\right) \\left(\\frac{m^{p - 2} \\left(p - 1\\right)}{\\Delta_p} + \\frac{1}{\\Delta_2}\\right)} - \\frac{m^{p - 3} \\left(p - 2\\right) \\left(p - 1\\right) \\left(\\frac{p - 1}{\\Delta_p} + \\frac{1}{\\Delta_2}\\right)}{\\Delta_p \\left(1 - m^{2}\\right)^{2} \\left(\\frac{m^{p - 2} \\left(p - 1\\right)}{\\Delta_p} + \\frac{1}{\\Delta_2}\\right)^{3}}'),
    'kr_dsigma_max_right_dm': ('2*m*(m**(p - 1)/Deltap + m/Delta2)**2/(2/Deltap + 2/Delta2) - m/(1 - m**2) - (1 - m**2)*(m**(p - 1)/Deltap + m/Delta2)*(m**(p - 2)*(2*p - 2)/Deltap + 2/Delta2)/(2/Deltap + 2/Delta2) + ((p - 1)/Deltap + 1/Delta2)*(-(m**p/Deltap + m**2/Delta2)*(2*m**(p - 1)*p/Deltap + 4*m/Delta2)/(2*sqrt((m**p/Deltap + m**2/Delta2)**2 + 4/Deltap + 4/Delta2)) - m**(p - 1)*p/Deltap - 2*m/Delta2)/(2*(sqrt((m**p/Deltap + m**2/Delta2)**2 + 4/Deltap + 4/Delta2)/2 + m**p/(2*Deltap) + m**2/(2*Delta2))**3) + ((m**p/Deltap + m**2/Delta2)*(2*m**(p - 1)*p/Deltap + 4*m/Delta2)/(4*sqrt((m**p/Deltap + m**2/Delta2)**2 + 4/Deltap + 4/Delta2)) + m**(p - 1)*p/(2*Deltap) + m/Delta2)/(sqrt((m**p/Deltap + m**2/Delta2)**2 + 4/Deltap + 4/Delta2)/2 + m**p/(2*Deltap) + m**2/(2*Delta2)) - (((p - 1)/Deltap + 1/Delta2)/(sqrt((m**p/Deltap + m**2/Delta2)**2 + 4/Deltap + 4/Delta2)/2 + m**p/(2*Deltap) + m**2/(2*Delta2)) + sqrt((m**p/Deltap + m**2/Delta2)**2 + 4/Deltap + 4/Delta2)/2 - m**p/(2*Deltap) - m**2/(2*Delta2))*((m**p/Deltap + m**2/Delta2)*(2*m**(p - 1)*p/Deltap + 4*m/Delta2)/(2*sqrt((m**p/Deltap + m**2/Delta2)**2 + 4/Deltap + 4/Delta2)) + 2*((p - 1)/Deltap + 1/Delta2)*(-(m**p/Deltap + m**2/Delta2)*(2*m**(p - 1)*p/Deltap + 4*m/Delta2)/(4*sqrt((m**p/Deltap + m**2/Delta2)**2 + 4/Deltap + 4/Delta2)) - m**(p - 1)*p/(2*Deltap) - m/Delta2)/(sqrt((m**p/Deltap + m**2/Delta2)**2 + 4/Deltap + 4/Delta2)/2 + m**p/(2*Deltap) + m**2/(2*Delta2))**2 - m**(p - 1)*p/Deltap - 2*m/Delta2)/(2*(p - 1)/Deltap + 2/Deltap + 4/Delta2)', '\\frac{2 m \\left(\\frac{m^{p - 1}}{\\Delta_p} + \\frac{m}{\\Delta_2}\\right)^{2}}{\\frac{2}{\\Delta_p} + \\frac{2}{\\Delta_2}} - \\frac{m}{1 - m^{2}} - \\frac{\\left(1 - m^{2}\\right) \\left(\\frac{m^{p - 1}}{\\Delta_p} + \\frac{m}{\\Delta_2}\\right) \\left(\\frac{m^{p - 2} \\left(2 p - 2\\right)}{\\Delta_p} + \\frac{2}{\\Delta_2}\\right)}{\\frac{2}{\\Delta_p} + \\frac{2}{\\Delta_2}} + \\frac{\\left(\\frac{p - 1}{\\Delta_p} + \\frac{1}{\\Delta_2}\\right) \\left(- \\frac{\\left(\\frac{m^{p}}{\\Delta_p} + \\frac{m^{2}}{\\Delta_2}\\right) \\left(\\frac{2 m^{p - 1} p}{\\Delta_p} + \\frac{4 m}{\\Delta_2}\\right)}{2 \\sqrt{\\left(\\frac{m^{p}}{\\Delta_p} + \\frac{m^{2}}{\\Delta_2}\\right)^{2} + \\frac{4}{\\Delta_p} + \\frac{4}{\\Delta_2}}} - \\frac{m^{p - 1} p}{\\Delta_p} - \\frac{2 m}{\\Delta_2}\\right)}{2 \\left(\\frac{\\sqrt{\\left(\\frac{m^{p}}{\\Delta_p} + \\frac{m^{2}}{\\Delta_2}\\right)^{2} + \\frac{4}{\\Delta_p} + \\frac{4}{\\Delta_2}}}{2} + \\frac{m^{p}}{2 \\Delta_p} + \\frac{m^{2}}{2 \\Delta_2}\\right)^{3}} + \\frac{\\frac{\\left(\\frac{m^{p}}{\\Delta_p} + \\frac{m^{2}}{\\Delta_2}\\right) \\left(\\frac{2 m^{p - 1} p}{\\Delta_p} + \\frac{4 m}{\\Delta_2}\\right)}{4 \\sqrt{\\left(\\frac{m^{p}}{\\Delta_p} + \\frac{m^{2}}{\\Delta_2}\\right)^{2} + \\frac{4}{\\Delta_p} + \\frac{4}{\\Delta_2}}} + \\frac{m^{p - 1} p}{2 \\Delta_p} + \\frac{m}{\\Delta_2}}{\\frac{\\sqrt{\\left(\\frac{m^{p}}{\\Delta_p} + \\frac{m^{2}}{\\Delta_2}\\right)^{2} + \\frac{4}{\\Delta_p} + \\frac{4}{\\Delta_2}}}{2} + \\frac{m^{p}}{2 \\Delta_p} + \\frac{m^{2}}{2 \\Delta_2}} - \\frac{\\left(\\frac{\\frac{p - 1}{\\Delta_p} + \\frac{1}{\\Delta_2}}{\\frac{\\sqrt{\\left(\\frac{m^{p}}{\\Delta_p} + \\frac{m^{2}}{\\Delta_2}\\right)^{2} + \\frac{4}{\\Delta_p} + \\frac{4}{\\Delta_2}}}{2} + \\frac{m^{p}}{2 \\Delta_p} + \\frac{m^{2}}{2 \\Delta_2}} + \\frac{\\sqrt{\\left(\\frac{m^{p}}{\\Delta_p} + \\frac{m^{2}}{\\Delta_2}\\right)^{2} + \\frac{4}{\\Delta_p} + \\frac{4}{\\Delta_2}}}{2} - \\frac{m^{p}}{2 \\Delta_p} - \\frac{m^{2}}{2 \\Delta_2}\\right) \\left(\\frac{\\left(\\frac{m^{p}}{\\Delta_p} + \\frac{m^{2}}{\\Delta_2}\\right) \\left(\\frac{2 m^{p - 1} p}{\\Delta_p} + \\frac{4 m}{\\Delta_2}\\right)}{2 \\sqrt{\\left(\\frac{m^{p}}{\\Delta_p} + \\frac{m^{2}}{\\Delta_2}\\right)^{2} + \\frac{4}{\\Delta_p} + \\frac{4}{\\Delta_2}}} + \\frac{2 \\left(\\frac{p - 1}{\\Delta_p} + \\frac{1}{\\Delta_2}\\right) \\left(- \\frac{\\left(\\frac{m^{p}}{\\Delta_p} + \\frac{m^{2}}{\\Delta_2}\\right) \\left(\\frac{2 m^{p - 1} p}{\\Delta_p} + \\frac{4 m}{\\Delta_2}\\right)}{4 \\sqrt{\\left(\\frac{m^{p}}{\\Delta_p} + \\frac{m^{2}}{\\Delta_2}\\right)^{2} + \\frac{4}{\\Delta_p} + \\frac{4}{\\Delta_2}}} - \\frac{m^{p - 1} p}{2 \\Delta_p} - \\frac{m}{\\Delta_2}\\right)}{\\left(\\frac{\\sqrt{\\left(\\frac{m^{p}}{\\Delta_p} + \\frac{m^{2}}{\\Delta_2}\\right)^{2} + \\frac{4}{\\Delta_p} + \\frac{4}{\\Delta_2}}}{2} + \\frac{m^{p}}{2 \\Delta_p} + \\frac{m^{2}}{2 \\Delta_2}\\right)^{2}} - \\frac{m^{p - 1} p}{\\Delta_p} - \\frac{2 m}{\\Delta_2}\\right)}{\\frac{2 \\left(p - 1\\right)}{\\Delta_p} + \\frac{2}{\\Delta_p} + \\frac{4}{\\Delta_2}}'),
    'kr_isolated_condition': ('-m**2*(1/Deltap + 1/Delta2) + (1 - m**2)*(m**(p - 1)/Deltap + m/Delta2)**2', '- m^{2} \\left(\\frac{1}{\\Delta_p} + \\frac{1}{\\Delta_2}\\right) + \\left(1 - m^{2}\\right) \\left(\\frac{m^{p - 1}}{\\Delta_p} + \\frac{m}{\\Delta_2}\\right)^{2}'),
    'kr_marginal_slope': ('(sqrt(Delta2)*sqrt(Deltap)*(Delta2*p + 2*Deltap)*sqrt(Delta2*(p - 1) + Deltap) + (Delta2*(p - 1) + Deltap)*(-2*sqrt(Delta2)*sqrt(Deltap)*sqrt(Delta2*(p - 1) + Deltap) + Delta2*m**p + Deltap*m**2))/((Delta2*p + 2*Deltap)*(Delta2*(p - 1) + Deltap))', '\\frac{\\sqrt{\\Delta_2} \\sqrt{\\Delta_p} \\left(\\Delta_2 p + 2 \\Delta_p\\right) \\sqrt{\\Delta_2 \\left(p - 1\\right) + \\Delta_p} + \\left(\\Delta_2 \\left(p - 1\\right) + \\Delta_p\\right) \\left(- 2 \\sqrt{\\Delta_2} \\sqrt{\\Delta_p} \\sqrt{\\Delta_2 \\left(p - 1\\right) + \\Delta_p} + \\Delta_2 m^{p} + \\Delta_p m^{2}\\right)}{\\left(\\Delta_2 p + 2 \\Delta_p\\right) \\left(\\Delta_2 \\left(p - 1\\right) + \\Delta_p\\right)}'),
    'kr_threshold_energy': ('-(Delta2**(3/2)*Deltap*m**2*p**2 - 3*Delta2**(3/2)*Deltap*m**2*p + 2*Delta2**(3/2)*Deltap*m**2 - Delta2**(3/2)*Deltap*m**p*p**2 + 3*Delta2**(3/2)*Deltap*m**p*p - 2*Delta2**(3/2)*Deltap*m**p + sqrt(Delta2)*Deltap**2*m**2*p - 2*sqrt(Delta2)*Deltap**2*m**2 - sqrt(Delta2)*Deltap**2*m**p*p + 2*sqrt(Delta2)*Deltap**2*m**p + 4*Delta2**2*sqrt(Deltap)*p*sqrt(Delta2*p - Delta2 + Deltap) - 4*Delta2**2*sqrt(Deltap)*sqrt(Delta2*p - Delta2 + Deltap) + Delta2*Deltap**(3/2)*p**2*sqrt(Delta2*p - Delta2 + Deltap) + 2*Delta2*Deltap**(3/2)*p*sqrt(Delta2*p - Delta2 + Deltap) + 2*Deltap**(5/2)*p*sqrt(Delta2*p - Delta2 + Deltap))/(2*sqrt(Delta2)*Deltap*p*(Delta2 + Deltap)*(Delta2*p - Delta2 + Deltap))', '- \\frac{\\Delta_2^{\\frac{3}{2}} \\Delta_p m^{2} p^{2} - 3 \\Delta_2^{\\frac{3}{2}} \\Delta_p m^{2} p + 2 \\Delta_2^{\\frac{3}{2}} \\Delta_p m^{2} - \\Delta_2^{\\frac{3}{2}} \\Delta_p m^{p} p^{2} + 3 \\Delta_2^{\\frac{3}{2}} \\Delta_p m^{p} p - 2 \\Delta_2^{\\frac{3}{2}} \\Delta_p m^{p} + \\sqrt{\\Delta_2} \\Delta_p^{2} m^{2} p - 2 \\sqrt{\\Delta_2} \\Delta_p^{2} m^{2} - \\sqrt{\\Delta_2} \\Delta_p^{2} m^{p} p + 2 \\sqrt{\\Delta_2} \\Delta_p^{2} m^{p} + 4 \\Delta_2^{2} \\sqrt{\\Delta_p} p \\sqrt{\\Delta_2 p - \\Delta_2 + \\Delta_p} - 4 \\Delta_2^{2} \\sqrt{\\Delta_p} \\sqrt{\\Delta_2 p - \\Delta_2 + \\Delta_p} + \\Delta_2 \\Delta_p^{\\frac{3}{2}} p^{2} \\sqrt{\\Delta_2 p - \\Delta_2 + \\Delta_p} + 2 \\Delta_2 \\Delta_p^{\\frac{3}{2}} p \\sqrt{\\Delta_2 p - \\Delta_2 + \\Delta_p} + 2 \\Delta_p^{\\frac{5}{2}} p \\sqrt{\\Delta_2 p - \\Delta_2 + \\Delta_p}}{2 \\sqrt{\\Delta_2} \\Delta_p p \\left(\\Delta_2 + \\Delta_p\\right) \\left(\\Delta_2 p - \\Delta_2 + \\Delta_p\\right)}'),
    'kr_threshold_energy_most_numerous': ('-(4*Delta2**(13/2)*Deltap**(11/2)*p*sqrt(Delta2*p - Delta2 + Deltap) + 4*Delta2**(11/2)*Deltap**(13/2)*p*sqrt(Delta2*p - Delta2 + Deltap) + Delta2**6*Deltap**6*m**2*p**2 - 2*Delta2**6*Deltap**6*m**2*p - 2*Delta2**6*Deltap**6*m**p*p + 4*Delta2**6*Deltap**6*m**p)/(2*Delta2**6*Deltap**6*p*(Delta2*p + 2*Deltap))', '- \\frac{4 \\Delta_2^{\\frac{13}{2}} \\Delta_p^{\\frac{11}{2}} p \\sqrt{\\Delta_2 p - \\Delta_2 + \\Delta_p} + 4 \\Delta_2^{\\frac{11}{2}} \\Delta_p^{\\frac{13}{2}} p \\sqrt{\\Delta_2 p - \\Delta_2 + \\Delta_p} + \\Delta_2^{6} \\Delta_p^{6} m^{2} p^{2} - 2 \\Delta_2^{6} \\Delta_p^{6} m^{2} p - 2 \\Delta_2^{6} \\Delta_p^{6} m^{p} p + 4 \\Delta_2^{6} \\Delta_p^{6} m^{p}}{2 \\Delta_2^{6} \\Delta_p^{6} p \\left(\\Delta_2 p + 2 \\Delta_p\\right)}'),
}
