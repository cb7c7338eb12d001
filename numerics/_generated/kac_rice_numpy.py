"""Float64 numpy kernels of derivations/kac_rice.py.

Generated from derivations/kac_rice.py by ``python -m derivations._codegen``
with SymPy 1.14.0; do not edit.
"""


import numpy as np


__all__ = (
    ['kr_volume', 'kr_gradient_density', 'kr_gaussian_weight', 'kr_multiplier_weight',
    'kr_log_potential_bulk', 'kr_log_potential_outside', 'kr_sigma_bulk', 'kr_sigma_outside',
    'kr_sigma_mu_bulk', 'kr_sigma_mu_outside', 'kr_center', 'kr_halfwidth', 'kr_sigma_max_bulk',
    'kr_sigma_max_right', 'kr_sigma_max_left', 'kr_w_star', 'kr_center_e', 'kr_halfwidth_e',
    'kr_sigma_e_max_bulk', 'kr_sigma_e_max_right', 'kr_sigma_e_max_left', 'kr_sigma_min_edge',
    'kr_sigma_min_outlier', 'kr_sigma_min_at_w', 'kr_dsigma_min_edge_dm',
    'kr_dsigma_min_outlier_dm', 'kr_dsigma_max_right_dm', 'kr_isolated_condition',
    'kr_marginal_slope', 'kr_threshold_energy', 'kr_threshold_energy_most_numerous'])


def kr_volume(m):
    """log area of the sphere at overlap m, per N."""
    return (1/2)*np.log(1 - m**2) + 1/2 + (1/2)*np.log(2*np.pi)


def kr_gradient_density(m, dxi_1, dg_m):
    """log density of a vanishing gradient, per N."""
    return -1/2*dg_m**2*(1 - m**2)/dxi_1 - 1/2*np.log(2*np.pi*dxi_1)


def kr_gaussian_weight(m, e, mu, dxi_1, d2xi_1, det_1, g_m, dg_m):
    """Gaussian weight of (e + g(m), m g'(m) - mu)."""
    _t0 = 1/(2*d2xi_1 + 2*dxi_1)
    _t1 = dg_m*m - mu
    return -_t0*_t1**2 - _t0*(-_t1*dxi_1 + (d2xi_1 + dxi_1)*(e + g_m))**2/det_1


def kr_multiplier_weight(m, mu, dxi_1, d2xi_1, dg_m):
    """Gaussian weight of mu, energy maximised out."""
    return -1/2*(dg_m*m - mu)**2/(d2xi_1 + dxi_1)


def kr_log_potential_bulk(mu, d2xi_1):
    """Phi_s(mu) for |mu| <= 2 s."""
    return np.log(np.sqrt(d2xi_1)) - 1/2 + (1/4)*mu**2/d2xi_1


def kr_log_potential_outside(mu, d2xi_1):
    """Phi_s(mu) for |mu| >= 2 s."""
    _t0 = (1/2)*np.sqrt(-4*d2xi_1 + mu**2) + (1/2)*abs(mu)
    return np.log(_t0) + (1/2)*d2xi_1/_t0**2


def kr_sigma_bulk(m, e, mu, dxi_1, d2xi_1, det_1, g_m, dg_m):
    """Sigma(m, e, mu) for |mu| <= 2 s."""
    _t0 = 1 - m**2
    _t1 = 1/(2*d2xi_1 + 2*dxi_1)
    _t2 = dg_m*m - mu
    return (
        -1/2*_t0*dg_m**2/dxi_1 - _t1*_t2**2 - _t1*(-_t2*dxi_1 + (d2xi_1 + dxi_1)*(e +
        g_m))**2/det_1 + (1/2)*np.log(_t0) + np.log(np.sqrt(d2xi_1)) - 1/2*np.log(dxi_1) +
        (1/4)*mu**2/d2xi_1)


def kr_sigma_outside(m, e, mu, dxi_1, d2xi_1, det_1, g_m, dg_m):
    """Sigma(m, e, mu) for |mu| >= 2 s."""
    _t0 = 1 - m**2
    _t1 = (1/2)*np.sqrt(-4*d2xi_1 + mu**2) + (1/2)*abs(mu)
    _t2 = 1/(2*d2xi_1 + 2*dxi_1)
    _t3 = dg_m*m - mu
    return (
        -1/2*_t0*dg_m**2/dxi_1 - _t2*_t3**2 - _t2*(-_t3*dxi_1 + (d2xi_1 + dxi_1)*(e +
        g_m))**2/det_1 + (1/2)*np.log(_t0) + np.log(_t1) - 1/2*np.log(dxi_1) + 1/2 +
        (1/2)*d2xi_1/_t1**2)


def kr_sigma_mu_bulk(m, mu, dxi_1, d2xi_1, dg_m):
    """Sigma(m, mu) for |mu| <= 2 s."""
    _t0 = 1 - m**2
    return (
        -1/2*_t0*dg_m**2/dxi_1 + (1/2)*np.log(_t0) + np.log(np.sqrt(d2xi_1)) - 1/2*np.log(dxi_1) -
        1/2*(dg_m*m - mu)**2/(d2xi_1 + dxi_1) + (1/4)*mu**2/d2xi_1)


def kr_sigma_mu_outside(m, mu, dxi_1, d2xi_1, dg_m):
    """Sigma(m, mu) for |mu| >= 2 s."""
    _t0 = 1 - m**2
    _t1 = (1/2)*np.sqrt(-4*d2xi_1 + mu**2) + (1/2)*abs(mu)
    return (
        -1/2*_t0*dg_m**2/dxi_1 + (1/2)*np.log(_t0) + np.log(_t1) - 1/2*np.log(dxi_1) + 1/2 -
        1/2*(dg_m*m - mu)**2/(d2xi_1 + dxi_1) + (1/2)*d2xi_1/_t1**2)


def kr_center(m, dg_m):
    """m g'(m): centre of the Gaussian weight of mu."""
    return dg_m*m


def kr_halfwidth(dxi_1, d2xi_1):
    """(2 s**2 - xi'(1) - xi''(1))/s: bulk maximiser iff |m g'(m)| <= it."""
    return (d2xi_1 - dxi_1)/np.sqrt(d2xi_1)


def kr_sigma_max_bulk(m, dxi_1, d2xi_1, dg_m):
    """max_mu Sigma(m, mu), maximiser in the bulk."""
    _t0 = m**2
    _t1 = 1 - _t0
    _t2 = dg_m**2
    _t3 = d2xi_1 - dxi_1
    _t4 = 2*d2xi_1
    _t5 = dg_m*m
    return (
        _t0*_t2*d2xi_1/_t3**2 - 1/2*_t1*_t2/dxi_1 + (1/2)*np.log(_t1) + np.log(np.sqrt(d2xi_1)) -
        1/2*np.log(dxi_1) - (-_t5 + _t4*_t5/_t3)**2/(_t4 + 2*dxi_1))


def kr_sigma_max_right(m, dxi_1, d2xi_1, dg_m):
    """max_mu Sigma(m, mu), maximiser above 2 s."""
    _t0 = m**2
    _t1 = 1 - _t0
    _t2 = dg_m**2
    _t3 = (1/2)*dg_m*m
    _t4 = (1/2)*np.sqrt(_t0*_t2 + 4*dxi_1)
    _t5 = _t3 + _t4
    return (
        -1/2*_t1*_t2/dxi_1 + (1/2)*np.log(_t1) + np.log(_t5) - 1/2*np.log(dxi_1) + 1/2 - (-_t3 +
        _t4 + d2xi_1/_t5)**2/(2*d2xi_1 + 2*dxi_1) + (1/2)*d2xi_1/_t5**2)


def kr_sigma_max_left(m, dxi_1, d2xi_1, dg_m):
    """max_mu Sigma(m, mu), maximiser below -2 s."""
    _t0 = m**2
    _t1 = 1 - _t0
    _t2 = dg_m**2
    _t3 = (1/2)*dg_m*m
    _t4 = np.sqrt(_t0*_t2 + 4*dxi_1)
    _t5 = -_t3 + (1/2)*_t4
    return (
        -1/2*_t1*_t2/dxi_1 + (1/2)*np.log(_t1) + np.log(_t5) - 1/2*np.log(dxi_1) + 1/2 - (_t3 +
        (1/2)*_t4 + d2xi_1/_t5)**2/(2*d2xi_1 + 2*dxi_1) + (1/2)*d2xi_1/_t5**2)


def kr_w_star(m, dxi_1, dg_m):
    """w of the maximiser mu = w + s**2/w above the bulk."""
    return (1/2)*dg_m*m + (1/2)*np.sqrt(dg_m**2*m**2 + 4*dxi_1)


def kr_center_e(m, e, dxi_1, d2xi_1, det_1, g_m, dg_m):
    """Centre in mu of Sigma(m, e, mu) at fixed energy."""
    _t0 = dxi_1**2
    _t1 = d2xi_1*dxi_1
    _t2 = dg_m*m
    return -(-_t0*_t2 + _t0*e + _t0*g_m + _t1*e + _t1*g_m - _t2*det_1)/(_t0 + det_1)


def kr_halfwidth_e(dxi_1, d2xi_1, det_1):
    """Bulk half-range of the centre at fixed energy."""
    return (2*d2xi_1 - det_1*(d2xi_1 + dxi_1)/(det_1 + dxi_1**2))/np.sqrt(d2xi_1)


def kr_sigma_e_max_bulk(m, e, dxi_1, d2xi_1, det_1, g_m, dg_m):
    """max_mu Sigma(m, e, mu), maximiser in the bulk."""
    _t0 = 1 - m**2
    _t1 = dxi_1**2
    _t2 = _t1 + det_1
    _t3 = 1/_t2
    _t4 = d2xi_1 + dxi_1
    _t5 = _t3*_t4
    _t6 = 2*d2xi_1
    _t7 = -_t5*det_1 + _t6
    _t8 = d2xi_1*dxi_1
    _t9 = dg_m*m
    _t10 = -_t1*_t9 + _t1*e + _t1*g_m + _t8*e + _t8*g_m - _t9*det_1
    return (
        -1/2*_t0*dg_m**2/dxi_1 + _t10**2*d2xi_1/(_t2**2*_t7**2) - 1/2*_t2*(-_t10*_t3*_t6/_t7 +
        _t10*_t3)**2/(_t4*det_1) - 1/2*_t5*(e + g_m)**2 + (1/2)*np.log(_t0) +
        np.log(np.sqrt(d2xi_1)) - 1/2*np.log(dxi_1))


def kr_sigma_e_max_right(m, e, dxi_1, d2xi_1, det_1, g_m, dg_m):
    """max_mu Sigma(m, e, mu), maximiser above 2 s."""
    _t0 = 1 - m**2
    _t1 = d2xi_1 + dxi_1
    _t2 = dxi_1**2
    _t3 = _t2 + det_1
    _t4 = 1/_t3
    _t5 = (1/2)*_t4
    _t6 = d2xi_1*dxi_1
    _t7 = dg_m*m
    _t8 = -_t2*_t7 + _t2*e + _t2*g_m + _t6*e + _t6*g_m - _t7*det_1
    _t9 = _t5*_t8
    _t10 = (1/2)*np.sqrt(4*_t1*_t4*det_1 - 4*d2xi_1 + _t8**2/_t3**2)
    _t11 = _t10 - _t9
    return (
        -1/2*_t0*dg_m**2/dxi_1 - _t1*_t5*(e + g_m)**2 + (1/2)*np.log(_t0) + np.log(_t11) -
        1/2*np.log(dxi_1) + 1/2 + (1/2)*d2xi_1/_t11**2 - 1/2*_t3*(_t10 + _t9 +
        d2xi_1/_t11)**2/(_t1*det_1))


def kr_sigma_e_max_left(m, e, dxi_1, d2xi_1, det_1, g_m, dg_m):
    """max_mu Sigma(m, e, mu), maximiser below -2 s."""
    _t0 = 1 - m**2
    _t1 = d2xi_1 + dxi_1
    _t2 = dxi_1**2
    _t3 = _t2 + det_1
    _t4 = 1/_t3
    _t5 = (1/2)*_t4
    _t6 = d2xi_1*dxi_1
    _t7 = dg_m*m
    _t8 = -_t2*_t7 + _t2*e + _t2*g_m + _t6*e + _t6*g_m - _t7*det_1
    _t9 = _t5*_t8
    _t10 = (1/2)*np.sqrt(4*_t1*_t4*det_1 - 4*d2xi_1 + _t8**2/_t3**2)
    _t11 = _t10 + _t9
    return (
        -1/2*_t0*dg_m**2/dxi_1 - _t1*_t5*(e + g_m)**2 + (1/2)*np.log(_t0) + np.log(_t11) -
        1/2*np.log(dxi_1) + 1/2 + (1/2)*d2xi_1/_t11**2 - 1/2*_t3*(_t10 - _t9 +
        d2xi_1/_t11)**2/(_t1*det_1))


def kr_sigma_min_edge(m, dxi_1, d2xi_1, dg_m):
    """Sigma_min(m) = Sigma(m, 2 s) (theta <= s, maximiser at the edge)."""
    _t0 = np.sqrt(d2xi_1)
    _t1 = 1 - m**2
    return (
        -1/2*_t1*dg_m**2/dxi_1 - (2*_t0 - dg_m*m)**2/(2*d2xi_1 + 2*dxi_1) + np.log(_t0) +
        (1/2)*np.log(_t1) - 1/2*np.log(dxi_1) + 1)


def kr_sigma_min_outlier(m, dxi_1, d2xi_1, dg_m, d2g_m):
    """Sigma_min(m) = Sigma(m, theta + s**2/theta) (theta > s)."""
    _t0 = 1 - m**2
    _t1 = _t0*d2g_m
    return (
        -1/2*_t0*dg_m**2/dxi_1 + (1/2)*np.log(_t0) + np.log(_t1) - 1/2*np.log(dxi_1) + 1/2 - (_t1 -
        dg_m*m + d2xi_1/(_t0*d2g_m))**2/(2*d2xi_1 + 2*dxi_1) + (1/2)*d2xi_1/(_t0**2*d2g_m**2))


def kr_sigma_min_at_w(m, dxi_1, d2xi_1, dg_m, w):
    """Sigma(m, w + s**2/w), w >= s: Sigma_min(m) at w = max(w*, theta, s) (every branch)."""
    _t0 = 1 - m**2
    return (
        -1/2*_t0*dg_m**2/dxi_1 + (1/2)*d2xi_1/w**2 + (1/2)*np.log(_t0) - 1/2*np.log(dxi_1) +
        np.log(w) + 1/2 - (d2xi_1/w - dg_m*m + w)**2/(2*d2xi_1 + 2*dxi_1))


def kr_dsigma_min_edge_dm(m, dxi_1, d2xi_1, dg_m, d2g_m):
    """d/dm of kr_sigma_min_edge."""
    _t0 = 1/dxi_1
    _t1 = 1 - m**2
    return (
        -_t0*_t1*d2g_m*dg_m + _t0*dg_m**2*m - (2*np.sqrt(d2xi_1) - dg_m*m)*(-2*d2g_m*m -
        2*dg_m)/(2*d2xi_1 + 2*dxi_1) - m/_t1)


def kr_dsigma_min_outlier_dm(m, dxi_1, d2xi_1, dg_m, d2g_m, d3g_m):
    """d/dm of kr_sigma_min_outlier."""
    _t0 = 1/dxi_1
    _t1 = 1 - m**2
    _t2 = 1/_t1
    _t3 = _t1*d2g_m
    _t4 = _t1**(-2.0)
    _t5 = d2g_m**(-2.0)
    _t6 = 1/d2g_m
    _t7 = d2g_m*m
    _t8 = 2*d2xi_1
    return (
        -_t0*_t3*dg_m + _t0*dg_m**2*m + _t2*_t6*(_t1*d3g_m - 2*_t7) - _t2*m -
        _t4*d2xi_1*d3g_m/d2g_m**3 - (_t2*_t6*d2xi_1 + _t3 - dg_m*m)*(2*_t1*d3g_m -
        _t2*_t5*_t8*d3g_m + 4*_t4*_t6*d2xi_1*m - 6*_t7 - 2*dg_m)/(_t8 + 2*dxi_1) +
        2*_t5*d2xi_1*m/_t1**3)


def kr_dsigma_max_right_dm(m, dxi_1, d2xi_1, dg_m, d2g_m):
    """d/dm of kr_sigma_max_right."""
    _t0 = dg_m**2
    _t1 = 1/dxi_1
    _t2 = m**2
    _t3 = 1 - _t2
    _t4 = d2g_m*dg_m
    _t5 = (1/2)*dg_m
    _t6 = _t5*m
    _t7 = np.sqrt(_t0*_t2 + 4*dxi_1)
    _t8 = (1/2)*_t7
    _t9 = _t6 + _t8
    _t10 = 1/_t9
    _t11 = d2g_m*m
    _t12 = (_t0*m + _t2*_t4)/_t7
    _t13 = (1/2)*_t11 + (1/2)*_t12 + _t5
    _t14 = _t11 + dg_m
    return (
        _t0*_t1*m - _t1*_t3*_t4 + _t10*_t13 - (_t12 - 2*_t13*d2xi_1/_t9**2 - _t14)*(_t10*d2xi_1 -
        _t6 + _t8)/(2*d2xi_1 + 2*dxi_1) + (1/2)*d2xi_1*(-_t12 - _t14)/_t9**3 - m/_t3)


def kr_isolated_condition(m, dxi_1, dg_m):
    """g'(m)**2 (1 - m**2) - m**2 xi'(1): zero at the isolated stationary points."""
    _t0 = m**2
    return -_t0*dxi_1 + dg_m**2*(1 - _t0)


def kr_marginal_slope(m, dxi_1, d2xi_1, dg_m):
    """d Sigma(m, mu)/d mu at mu = 2 s."""
    _t0 = np.sqrt(d2xi_1)
    return (_t0*dg_m*m - d2xi_1 + dxi_1)/(_t0*(d2xi_1 + dxi_1))


def kr_threshold_energy(m, dxi_1, d2xi_1, det_1, g_m, dg_m):
    """Threshold energy, definition (a): typical points at energy e are marginal."""
    _t0 = np.sqrt(d2xi_1)
    _t1 = d2xi_1**2
    _t2 = dxi_1**3
    _t3 = dxi_1**2
    _t4 = 2*_t3
    _t5 = d2xi_1**(3/2)
    return (
        (_t0*_t2*dg_m*m - _t0*_t2*g_m + _t0*det_1*dg_m*dxi_1*m - _t1*_t4 - _t1*det_1 - 2*_t2*d2xi_1
        + _t3*_t5*dg_m*m + _t3*det_1 - _t4*_t5*g_m + _t5*det_1*dg_m*m -
        d2xi_1**(5/2)*dxi_1*g_m)/(_t0*dxi_1*(d2xi_1 + dxi_1)**2))


def kr_threshold_energy_most_numerous(m, dxi_1, d2xi_1, g_m, dg_m):
    """Definition (b): most numerous energy among marginal points (mu = 2 s)."""
    return (-2*np.sqrt(d2xi_1)*dxi_1 - d2xi_1*g_m + dg_m*dxi_1*m - dxi_1*g_m)/(d2xi_1 + dxi_1)


def __getattr__(name):
    """``FORMULAS``: name -> (text, LaTeX) of each expression, read from formulas.json."""
    if name == "FORMULAS":
        from numerics._generated import formulas

        return formulas('kac_rice')
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
