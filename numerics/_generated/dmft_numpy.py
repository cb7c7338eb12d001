"""Float64 numpy kernels of derivations/dmft.py.

Generated from derivations/dmft.py by ``python -m numerics.codegen`` with SymPy 1.14.0;
do not edit.
"""


import numpy as np


__all__ = ['mu_integrand', 'end_condition', 'end_chi', 'end_mu', 'end_energy', 'aging_mu', 'aging_chi', 'aging_slope', 'aging_energy']


def mu_integrand(q, p, Delta2, Deltap):
    """Q'(q) + q Q''(q): kernel of the memory integral of the multiplier mu."""
    _t0 = 1/Delta2
    _t1 = 1/Deltap
    _t2 = p - 1
    return _t0*q + _t1*q**_t2 + q*(_t0 + _t1*_t2*q**(p - 2))


def end_condition(m, p, Delta2, Deltap):
    """Overlap of a successful run: zero of g'(m)^2 (1 - m^2) - m^2 Q'(1) (cleared form)."""
    _t0 = Delta2**(-2.0)
    _t1 = 1/Delta2
    _t2 = m**2
    _t3 = 1/Deltap
    _t4 = Deltap**(-2.0)
    _t5 = 2*p
    return _t0*_t2 - _t0*m**4 - _t1*_t2 + 2*_t1*_t3*m**p - 2*_t1*_t3*m**(p + 2) - _t2*_t3 - _t4*m**_t5 + _t4*m**(_t5 - 2)


def end_chi(m, p, Delta2, Deltap):
    """Integrated response chi = m/g'(m) of a successful run at overlap m."""
    _t0 = Deltap*m
    return Delta2*_t0/(Delta2*m**(p - 1) + _t0)


def end_mu(m, p, Delta2, Deltap):
    """Multiplier mu = g'(m)/m + chi Q''(1) of a successful run at overlap m."""
    _t0 = Deltap*m
    _t1 = Delta2*m**(p - 1)
    _t2 = _t0 + _t1
    return (Delta2*Deltap*m**2*(Delta2*p - Delta2 + Deltap) + _t0*_t2 + _t1*_t2)/(Delta2*Deltap*_t2*m)


def end_energy(m, p, Delta2, Deltap):
    """Energy e = -g(m) - chi Q'(1) of a successful run at overlap m."""
    _t0 = Deltap*m
    _t1 = Delta2*m**(p - 1) + _t0
    return (-Delta2*_t0*p*(Delta2 + Deltap) - Delta2*_t1*m**p - 1/2*Deltap*_t1*m**2*p)/(Delta2*Deltap*_t1*p)


def aging_mu(p, Delta2, Deltap):
    """Multiplier of a stuck run (marginal states): mu = 2 sqrt(Q''(1))."""
    return 2*np.sqrt(Delta2*p - Delta2 + Deltap)/(np.sqrt(Delta2)*np.sqrt(Deltap))


def aging_chi(p, Delta2, Deltap):
    """Stationary integrated response of a stuck run: chi = 1/sqrt(Q''(1))."""
    return np.sqrt(Delta2)*np.sqrt(Deltap)/np.sqrt(Delta2*p - Delta2 + Deltap)


def aging_slope(p, Delta2, Deltap):
    """One-step aging slope y = x/T of R = y dC/ds at T = 0."""
    return Delta2**(3/2)*np.sqrt(Deltap)*(p - 2)/((Delta2 + Deltap)*np.sqrt(Delta2*p - Delta2 + Deltap))


def aging_energy(p, Delta2, Deltap):
    """Threshold energy of a stuck run from the one-step aging ansatz at T = 0."""
    _t0 = Delta2 + Deltap
    return -((1/2)*Delta2*(2*Delta2 + Deltap*p)*(p - 2) + _t0**2*p)/(np.sqrt(Delta2)*np.sqrt(Deltap)*_t0*p*np.sqrt(Delta2*p - Delta2 + Deltap))


#: name -> (expression as text, as LaTeX), for display without SymPy.
FORMULAS = {
    'mu_integrand': ('q*(q**(p - 2)*(p - 1)/Deltap + 1/Delta2) + q**(p - 1)/Deltap + q/Delta2', 'q \\left(\\frac{q^{p - 2} \\left(p - 1\\right)}{\\Delta_p} + \\frac{1}{\\Delta_2}\\right) + \\frac{q^{p - 1}}{\\Delta_p} + \\frac{q}{\\Delta_2}'),
    'end_condition': ('-m**2/Deltap - m**(2*p)/Deltap**2 + m**(2*p - 2)/Deltap**2 - m**2/Delta2 + 2*m**p/(Delta2*Deltap) - 2*m**(p + 2)/(Delta2*Deltap) - m**4/Delta2**2 + m**2/Delta2**2', '- \\frac{m^{2}}{\\Delta_p} - \\frac{m^{2 p}}{\\Delta_p^{2}} + \\frac{m^{2 p - 2}}{\\Delta_p^{2}} - \\frac{m^{2}}{\\Delta_2} + \\frac{2 m^{p}}{\\Delta_2 \\Delta_p} - \\frac{2 m^{p + 2}}{\\Delta_2 \\Delta_p} - \\frac{m^{4}}{\\Delta_2^{2}} + \\frac{m^{2}}{\\Delta_2^{2}}'),
    'end_chi': ('Delta2*Deltap*m/(Delta2*m**(p - 1) + Deltap*m)', '\\frac{\\Delta_2 \\Delta_p m}{\\Delta_2 m^{p - 1} + \\Delta_p m}'),
    'end_mu': ('(Delta2*Deltap*m**2*(Delta2*p - Delta2 + Deltap) + Delta2*m**(p - 1)*(Delta2*m**(p - 1) + Deltap*m) + Deltap*m*(Delta2*m**(p - 1) + Deltap*m))/(Delta2*Deltap*m*(Delta2*m**(p - 1) + Deltap*m))', '\\frac{\\Delta_2 \\Delta_p m^{2} \\left(\\Delta_2 p - \\Delta_2 + \\Delta_p\\right) + \\Delta_2 m^{p - 1} \\left(\\Delta_2 m^{p - 1} + \\Delta_p m\\right) + \\Delta_p m \\left(\\Delta_2 m^{p - 1} + \\Delta_p m\\right)}{\\Delta_2 \\Delta_p m \\left(\\Delta_2 m^{p - 1} + \\Delta_p m\\right)}'),
    'end_energy': ('(-Delta2*Deltap*m*p*(Delta2 + Deltap) - Delta2*m**p*(Delta2*m**(p - 1) + Deltap*m) - Deltap*m**2*p*(Delta2*m**(p - 1) + Deltap*m)/2)/(Delta2*Deltap*p*(Delta2*m**(p - 1) + Deltap*m))', '\\frac{- \\Delta_2 \\Delta_p m p \\left(\\Delta_2 + \\Delta_p\\right) - \\Delta_2 m^{p} \\left(\\Delta_2 m^{p - 1} + \\Delta_p m\\right) - \\frac{\\Delta_p m^{2} p \\left(\\Delta_2 m^{p - 1} + \\Delta_p m\\right)}{2}}{\\Delta_2 \\Delta_p p \\left(\\Delta_2 m^{p - 1} + \\Delta_p m\\right)}'),
    'aging_mu': ('2*sqrt(Delta2*p - Delta2 + Deltap)/(sqrt(Delta2)*sqrt(Deltap))', '\\frac{2 \\sqrt{\\Delta_2 p - \\Delta_2 + \\Delta_p}}{\\sqrt{\\Delta_2} \\sqrt{\\Delta_p}}'),
    'aging_chi': ('sqrt(Delta2)*sqrt(Deltap)/sqrt(Delta2*p - Delta2 + Deltap)', '\\frac{\\sqrt{\\Delta_2} \\sqrt{\\Delta_p}}{\\sqrt{\\Delta_2 p - \\Delta_2 + \\Delta_p}}'),
    'aging_slope': ('Delta2**(3/2)*sqrt(Deltap)*(p - 2)/((Delta2 + Deltap)*sqrt(Delta2*p - Delta2 + Deltap))', '\\frac{\\Delta_2^{\\frac{3}{2}} \\sqrt{\\Delta_p} \\left(p - 2\\right)}{\\left(\\Delta_2 + \\Delta_p\\right) \\sqrt{\\Delta_2 p - \\Delta_2 + \\Delta_p}}'),
    'aging_energy': ('-(Delta2*(2*Delta2 + Deltap*p)*(p - 2)/2 + p*(Delta2 + Deltap)**2)/(sqrt(Delta2)*sqrt(Deltap)*p*(Delta2 + Deltap)*sqrt(Delta2*p - Delta2 + Deltap))', '- \\frac{\\frac{\\Delta_2 \\left(2 \\Delta_2 + \\Delta_p p\\right) \\left(p - 2\\right)}{2} + p \\left(\\Delta_2 + \\Delta_p\\right)^{2}}{\\sqrt{\\Delta_2} \\sqrt{\\Delta_p} p \\left(\\Delta_2 + \\Delta_p\\right) \\sqrt{\\Delta_2 p - \\Delta_2 + \\Delta_p}}'),
}
