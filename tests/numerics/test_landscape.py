"""numerics/landscape.py: branches against quadrature, brute-force maximisation and mpmath."""

import mpmath
import numpy as np
import pytest
from hypothesis import example, given, strategies as st
from scipy.integrate import quad
from scipy.optimize import brentq

from numerics import landscape as L
from numerics._generated import hessian_numpy, kac_rice_numpy as KN
from theory.testing import delta2s, delta_ps, ps

CTX = mpmath.MPContext()
CTX.dps = 40


def _s(p, d2, dp):
    return float(hessian_numpy.semicircle_scale(p, d2, dp))


def _phi_quadrature(mu, s):
    rho = lambda x: np.sqrt(max(4 * s * s - x * x, 0.0)) / (2 * np.pi * s * s)  # noqa: E731
    f = lambda x: np.log(abs(mu - x)) * rho(x)  # noqa: E731
    pts = [mu] if abs(mu) < 2 * s else None
    return quad(f, -2 * s, 2 * s, points=pts, limit=200, epsabs=1e-12)[0]


class TestLogPotential:
    @given(ps(8), delta2s(0.1, 10), delta_ps(0.1, 10), st.floats(-3.5, 3.5))
    @example(3, 1.0, 1.0, 0.0)
    @example(3, 1.0, 1.0, 2.5)
    def test_against_quadrature_over_the_semicircle(self, p, d2, dp, x):
        s = _s(p, d2, dp)
        mu = x * s
        bulk = abs(x) <= 2
        k = KN.kr_log_potential_bulk if bulk else KN.kr_log_potential_outside
        assert abs(k(mu, p, d2, dp) - _phi_quadrature(mu, s)) < 1e-8


class TestSigma:
    @given(ps(8), delta2s(0.1, 10), delta_ps(0.1, 10), st.floats(-0.95, 0.95))
    def test_continuous_with_continuous_slope_across_the_edge(self, p, d2, dp, m):
        s = _s(p, d2, dp)
        for edge in (2 * s, -2 * s):
            h = 1e-7 * s
            lo, mid, hi = (L.sigma_mu(m, edge + d, p, d2, dp) for d in (-h, 0.0, h))
            assert abs(hi - lo) < 1e-5 * s
            slope_in = (mid - lo) / h
            slope_out = (hi - mid) / h
            assert abs(slope_in - slope_out) < 1e-3 * (1 + abs(slope_in))

    @given(ps(8), delta2s(0.2, 5), delta_ps(0.2, 5), st.floats(-0.9, 0.9), st.floats(-6, 6))
    def test_energy_maximised_numerically_equals_sigma_of_m_mu(self, p, d2, dp, m, mu):
        # Sigma is quadratic in e: three values give its maximum exactly (numerically)
        f = [L.sigma(m, e, mu, p, d2, dp) for e in (-1.0, 0.0, 1.0)]
        curv, slope = (f[0] - 2 * f[1] + f[2]) / 2, (f[2] - f[0]) / 2
        assert curv < 0
        best = f[1] - slope**2 / (4 * curv)
        e_star = -slope / (2 * curv)
        assert abs(L.sigma(m, e_star, mu, p, d2, dp) - best) < 1e-8 * (1 + abs(best))
        assert abs(best - L.sigma_mu(m, mu, p, d2, dp)) < 1e-8 * (1 + abs(best))

    @given(ps(8), delta2s(0.2, 5), delta_ps(0.05, 5), st.floats(-0.95, 0.95))
    def test_mu_maximised_equals_brute_force(self, p, d2, dp, m):
        s = _s(p, d2, dp)
        grid = np.linspace(-12 * s, 12 * s, 40001)
        brute = L.sigma_mu(m, grid, p, d2, dp).max()
        assert -1e-9 <= L.sigma_max(m, p, d2, dp) - brute < 1e-5

    @given(ps(8), delta2s(0.2, 5), delta_ps(0.05, 5), st.floats(-0.95, 0.95), st.floats(-3, 1))
    def test_mu_maximised_at_fixed_energy_equals_brute_force(self, p, d2, dp, m, e):
        s = _s(p, d2, dp)
        grid = np.linspace(-12 * s, 12 * s, 40001)
        brute = L.sigma(m, e, grid, p, d2, dp).max()
        assert -1e-9 <= L.sigma_energy_max(m, e, p, d2, dp) - brute < 1e-5 * (1 + abs(brute))

    @given(ps(8), delta2s(0.1, 5), delta_ps(0.05, 5), st.floats(-0.95, 0.95))
    @example(3, 0.3, 1.0, 0.5)
    def test_minima_equal_brute_force_above_the_bbp_bound(self, p, d2, dp, m):
        s = _s(p, d2, dp)
        th = float(hessian_numpy.theta(m, p, d2, dp))
        mu_min = 2 * s if th <= s else th + s * s / th
        grid = mu_min + np.linspace(0, 12 * s, 40001)
        brute = L.sigma_mu(m, grid, p, d2, dp).max()
        assert -1e-9 <= L.sigma_min(m, p, d2, dp) - brute < 1e-5

    def test_touches_zero_at_the_isolated_points(self):
        # the signal's minimum (and, p odd, its mirror): Sigma(m) has a local maximum 0 there
        for p, d2, dp, lo, hi in ((3, 0.3, 1.0, 0.5, 0.99), (3, 0.3, 1.0, -0.9, -0.3), (4, 0.5, 2.0, 0.3, 0.99)):
            r = brentq(lambda x: KN.kr_isolated_condition(x, p, d2, dp), lo, hi, xtol=1e-15)
            assert abs(L.sigma_max(r, p, d2, dp)) < 1e-12
            assert L.sigma_max(np.array([r - 1e-3, r + 1e-3]), p, d2, dp).max() < 0

    def test_scalars_give_scalars_and_arrays_broadcast(self):
        assert np.ndim(L.sigma_min(0.1, 3, 1.0, 1.0)) == 0
        assert L.sigma_min(np.zeros((2, 3)), 3, np.ones((2, 1)), 1.0).shape == (2, 3)


class TestMpmathAgreement:
    @given(ps(8), delta2s(0.1, 10), delta_ps(0.05, 10), st.floats(-0.95, 0.95), st.floats(-8, 8), st.floats(-3, 1))
    def test_numpy_and_mpmath_agree(self, p, d2, dp, m, mu, e):
        pairs = [(L.sigma(m, e, mu, p, d2, dp), L.sigma_mp(CTX, m, e, mu, p, d2, dp)),
                 (L.sigma_mu(m, mu, p, d2, dp), L.sigma_mu_mp(CTX, m, mu, p, d2, dp)),
                 (L.sigma_max(m, p, d2, dp), L.sigma_max_mp(CTX, m, p, d2, dp)),
                 (L.sigma_energy_max(m, e, p, d2, dp), L.sigma_energy_max_mp(CTX, m, e, p, d2, dp)),
                 (L.sigma_min(m, p, d2, dp), L.sigma_min_mp(CTX, m, p, d2, dp)),
                 (L.dsigma_min_dm(m, p, d2, dp), L.dsigma_min_dm_mp(CTX, m, p, d2, dp))]
        for x, y in pairs:
            assert abs(x - float(y)) <= 1e-9 * (1 + abs(float(y)))


class TestBracketedRoot:
    def test_finds_sqrt2_to_full_precision(self):
        x, (lo, hi) = L.bracketed_root(CTX, lambda t: t * t - 2, 0, 2, what="sqrt 2")
        assert abs(x - CTX.sqrt(2)) < CTX.mpf(10) ** -38 and lo <= x <= hi

    def test_no_sign_change_names_the_bracket_and_dps(self):
        from numerics.solvers import ConvergenceError
        with pytest.raises(ConvergenceError, match=r"no sign change.*dps=40"):
            L.bracketed_root(CTX, lambda t: t * t + 1, 0, 2, what="x")
