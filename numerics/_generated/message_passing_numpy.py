"""Float64 numpy kernels of derivations/message_passing.py.

Generated from derivations/message_passing.py by ``python -m derivations._codegen``
with SymPy 1.14.0; do not edit.
"""


import numpy as np


__all__ = (
    ['ml_amp_instability', 'ml_amp_fixed_point_condition', 'amp_map', 'amp_slope_at_zero',
    'delta2_amp', 'free_entropy', 'free_entropy_dm', 'free_entropy_dm2', 'free_entropy_ddelta2',
    'free_entropy_dm_ddelta2', 'free_entropy_ddelta_p', 'free_entropy_dm_ddelta_p',
    'inverse_delta2_stationary', 'it_reduced', 'delta_p_stationary_unit_delta2', 'onset_reduced',
    'delta_p_tricritical_p3', 'delta_p_stationary_tensor_only', 'tensor_only_reduced',
    'bayes_fixed_point', 'bayes_fixed_point_dm', 'bayes_fixed_point_dm2',
    'bayes_fixed_point_ddelta2', 'bayes_fixed_point_dm_ddelta2', 'amp_spinodal_reduced',
    'inverse_delta2_fixed_point', 'equal_height_level', 'equal_height_reduced_jets',
    'free_entropy_jets', 'free_entropy_jets_ddelta2', 'critical_delta_p', 'critical_delta2',
    'critical_m', 'ml_amp_map_jets', 'amp_map_jets', 'ml_amp_slope_at_zero_jets',
    'delta2_ml_amp_jets'])


def ml_amp_instability(Delta2, Deltap):
    """theta(0) - sqrt(xi'(1)): > 0 iff ML-AMP leaves m = 0."""
    _t0 = 1/Delta2
    return _t0 - np.sqrt(_t0 + 1/Deltap)


def ml_amp_fixed_point_condition(m, p, Delta2, Deltap):
    """xi'(m)**2 (1 - m**2) - m**2 xi'(1): zero at a positive ML-AMP fixed point."""
    _t0 = m**2
    _t1 = 1/Delta2
    _t2 = 1/Deltap
    return -_t0*(_t1 + _t2) + (1 - _t0)*(_t1*m + _t2*m**(p - 1))**2


def amp_map(m, p, Delta2, Deltap):
    """Bayes-optimal state evolution m -> xi'(m)/(1 + xi'(m))."""
    _t0 = m**(p - 1)/Deltap + m/Delta2
    return _t0/(_t0 + 1)


def amp_slope_at_zero(Delta2):
    """Slope of the Bayes-optimal map at m = 0."""
    return 1/Delta2


def delta2_amp():
    """Bayes-optimal AMP threshold: slope 1 at m = 0."""
    return 1


def free_entropy(m, p, Delta2, Deltap):
    """Replica-symmetric free entropy phi(m) = log(1-m)/2 + m/2 + xi(m)/2."""
    return (1/2)*m + (1/2)*np.log1p(-m) + (1/2)*m**p/(Deltap*p) + (1/4)*m**2/Delta2


def free_entropy_dm(m, p, Delta2, Deltap):
    """phi'(m) = (xi'(m) - m/(1 - m))/2."""
    _t0 = (1/2)*m
    return -_t0/(1 - m) + (1/2)*m**(p - 1)/Deltap + _t0/Delta2


def free_entropy_dm2(m, p, Delta2, Deltap):
    """phi''(m) = (xi''(m) - 1/(1 - m)**2)/2."""
    return -(1/2)/(1 - m)**2 + (1/2)*m**(p - 2)*(p - 1)/Deltap + (1/2)/Delta2


def free_entropy_ddelta2(m, Delta2):
    """d phi / d Delta2."""
    return -1/4*m**2/Delta2**2


def free_entropy_dm_ddelta2(m, Delta2):
    """d phi' / d Delta2."""
    return -1/2*m/Delta2**2


def free_entropy_ddelta_p(m, p, Deltap):
    """d phi / d Deltap."""
    return -1/2*m**p/(Deltap**2*p)


def free_entropy_dm_ddelta_p(m, p, Deltap):
    """d phi' / d Deltap."""
    return -1/2*m**(p - 1)/Deltap**2


def inverse_delta2_stationary(m, p, Deltap):
    """1/Delta2 at which m > 0 is stationary: phi'(m) = 0."""
    return -1/(m - 1) - m**(p - 2)/Deltap


def it_reduced(m, p, Deltap):
    """2 phi(m) on phi'(m) = 0: zero at an equal-height point."""
    return (1/2)*m*(m - 2)/(m - 1) + np.log1p(-m) - 1/2*m**p*(p - 2)/(Deltap*p)


def delta_p_stationary_unit_delta2(m, p):
    """Deltap at which m > 0 is stationary for Delta2 = 1."""
    return m**(p - 3) - m**(p - 2)


def onset_reduced(m, p):
    """2 phi(m) at Delta2 = 1 on phi'(m) = 0: zero where the first-order line meets Delta2 = 1."""
    _t0 = m**2
    return (1/2)*m*(_t0*p - 2*_t0 + m*p - 2*p)/(p*(m - 1)) + np.log1p(-m)


def delta_p_tricritical_p3():
    """p = 3: Deltap at which the m**3 term of phi vanishes at Delta2 = 1 (tricritical point)."""
    return 1


def delta_p_stationary_tensor_only(m, p):
    """Deltap at which m > 0 is stationary for 1/Delta2 = 0 (the tensor alone)."""
    return m**(p - 2) - m**(p - 1)


def tensor_only_reduced(m, p):
    """2 phi(m) at 1/Delta2 = 0 on phi'(m) = 0: zero where the tensor alone reaches equal
    height."""
    return m*(m*p - m - p)/(p*(m - 1)) + np.log1p(-m)


def bayes_fixed_point(m, Delta2, dxi_m):
    """2 phi'(m) = m/Delta2 + xi_T'(m) - m/(1 - m): zero at the Bayes fixed points."""
    _t0 = m - 1
    return dxi_m + m*(Delta2 + _t0)/(Delta2*_t0)


def bayes_fixed_point_dm(m, Delta2, d2xi_m):
    """d/dm of bayes_fixed_point."""
    return d2xi_m + (-Delta2 + m**2 - 2*m + 1)/(Delta2*(m - 1)**2)


def bayes_fixed_point_dm2(m, d3xi_m):
    """d2/dm2 of bayes_fixed_point."""
    return d3xi_m + 2/(m - 1)**3


def bayes_fixed_point_ddelta2(m, Delta2):
    """d/dDelta2 of bayes_fixed_point."""
    return -m/Delta2**2


def bayes_fixed_point_dm_ddelta2(Delta2):
    """d2/dm dDelta2 of bayes_fixed_point."""
    return -1/Delta2**2


def amp_spinodal_reduced(m, dxi_m, d2xi_m):
    """m d/dm(2 phi') - 2 phi' (Delta2-free): zero at a spinodal of the Bayes state evolution."""
    return d2xi_m*m - dxi_m - m**2/(m - 1)**2


def inverse_delta2_fixed_point(m, dxi_m):
    """U(m) = 1/Delta2 at which m > 0 is a Bayes fixed point."""
    return -dxi_m/m - 1/(m - 1)


def equal_height_level(m, xi_m):
    """V(m) = 1/Delta2 at which phi(m) = phi(0), any tensor channels."""
    _t0 = 2/m**2
    return -_t0*xi_m - _t0*(m + np.log1p(-m))


def equal_height_reduced_jets(m, xi_m, dxi_m):
    """2 phi(m) at 1/Delta2 = U(m): the sign of V'(m); zero at an equal-height point."""
    _t0 = 2*m
    _t1 = np.log1p(-m)
    return -1/2*dxi_m*m + xi_m + (1/2)*(_t0*_t1 - _t0 - 2*_t1 + m**2)/(m - 1)


def free_entropy_jets(m, Delta2, xi_m):
    """phi(m) = log(1-m)/2 + m/2 + m**2/(4 Delta2) + xi_T(m)/2."""
    _t0 = 2*Delta2
    return (1/2)*xi_m + (1/4)*(_t0*m + _t0*np.log1p(-m) + m**2)/Delta2


def free_entropy_jets_ddelta2(m, Delta2):
    """d phi / d Delta2 (the tensor jets do not depend on Delta2)."""
    return -1/4*m**2/Delta2**2


def critical_delta_p(p):
    """Deltap at the critical point (end of the first-order MMSE line)."""
    _t0 = p - 3
    _t1 = p - 1
    return 4*_t0**_t0*_t1**(-_t1)*(p - 2)


def critical_delta2(p):
    """Delta2 at the critical point."""
    return 4*(p - 2)/(p - 1)**2


def critical_m(p):
    """Overlap m at the critical point."""
    return (p - 3)/(p - 1)


def ml_amp_map_jets(dxi_m, dxi_1):
    """ML-AMP map m -> xi'(m)/sqrt(xi'(m)**2 + xi'(1)) in jets, as s/hypot(1, s), s =
    xi'(m)/sqrt(xi'(1))."""
    _t0 = dxi_m/np.sqrt(dxi_1)
    return _t0/np.hypot(1, _t0)


def amp_map_jets(dxi_m):
    """Bayes map m -> xi'(m)/(1 + xi'(m)) in jets."""
    return dxi_m/(dxi_m + 1)


def ml_amp_slope_at_zero_jets(d2xi_0, dxi_1):
    """Slope of the ML-AMP map at m = 0 (xi'(0) = 0: no linear channel)."""
    return d2xi_0/np.sqrt(dxi_1)


def delta2_ml_amp_jets(dxi_1):
    """ML-AMP threshold for any tensor channels, in dxi_1 = xi_T'(1)."""
    return 2/(np.sqrt(4*dxi_1 + 1) + 1)


def __getattr__(name):
    """``FORMULAS``: name -> (text, LaTeX) of each expression, read from formulas.json."""
    if name == "FORMULAS":
        from numerics._generated import formulas

        return formulas('message_passing')
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
