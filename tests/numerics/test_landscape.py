"""numerics/landscape.py: branches against quadrature, brute-force maximisation and mpmath."""

import functools

import mpmath
import numpy as np
import pytest
from hypothesis import example, given, strategies as st
from scipy.integrate import quad
from scipy.optimize import brentq

from numerics import landscape as _L
from numerics import solvers
from numerics._generated import kac_rice_numpy as KN
from numerics.model import field, matrix_tensor
from theory.testing import delta2s, delta_ps, ps

CTX = mpmath.MPContext()
CTX.dps = 40


def _f(p, d2, dp):
    return matrix_tensor(p, d2, dp)


class L:
    """The instance-style calls of the tests, on the field of the matrix-tensor model."""

    sigma = staticmethod(lambda m, e, mu, p, d2, dp: _L.sigma(_f(p, d2, dp), m, e, mu))
    sigma_mu = staticmethod(lambda m, mu, p, d2, dp: _L.sigma_mu(_f(p, d2, dp), m, mu))
    sigma_max = staticmethod(lambda m, p, d2, dp: _L.sigma_max(_f(p, d2, dp), m))
    sigma_energy_max = staticmethod(lambda m, e, p, d2, dp: _L.sigma_energy_max(_f(p, d2, dp), m, e))
    sigma_min = staticmethod(lambda m, p, d2, dp: _L.sigma_min(_f(p, d2, dp), m))
    dsigma_min_dm = staticmethod(lambda m, p, d2, dp: _L.dsigma_min_dm(_f(p, d2, dp), m))
    sigma_mp = staticmethod(lambda ctx, m, e, mu, p, d2, dp: _L.sigma(_f(p, d2, dp), m, e, mu, ctx))
    sigma_mu_mp = staticmethod(lambda ctx, m, mu, p, d2, dp: _L.sigma_mu(_f(p, d2, dp), m, mu, ctx))
    sigma_max_mp = staticmethod(lambda ctx, m, p, d2, dp: _L.sigma_max(_f(p, d2, dp), m, ctx))
    sigma_energy_max_mp = staticmethod(lambda ctx, m, e, p, d2, dp: _L.sigma_energy_max(_f(p, d2, dp), m, e, ctx))
    sigma_min_mp = staticmethod(lambda ctx, m, p, d2, dp: _L.sigma_min(_f(p, d2, dp), m, ctx))
    dsigma_min_dm_mp = staticmethod(lambda ctx, m, p, d2, dp: _L.dsigma_min_dm(_f(p, d2, dp), m, ctx))
    bracketed_root = staticmethod(solvers.bracketed_root)


def _s(p, d2, dp):
    return float(_L.scale(_f(p, d2, dp)))


def _iso(x, p, d2, dp):
    return _L.isolated_condition(_f(p, d2, dp), x)


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
        assert abs(k(mu, s * s) - _phi_quadrature(mu, s)) < 1e-8


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
        th = float(_L.theta(_f(p, d2, dp), m))
        mu_min = 2 * s if th <= s else th + s * s / th
        grid = mu_min + np.linspace(0, 12 * s, 40001)
        brute = L.sigma_mu(m, grid, p, d2, dp).max()
        assert -1e-9 <= L.sigma_min(m, p, d2, dp) - brute < 1e-5

    def test_touches_zero_at_the_isolated_points(self):
        # the signal's minimum (and, p odd, its mirror): Sigma(m) has a local maximum 0 there
        for p, d2, dp, lo, hi in ((3, 0.3, 1.0, 0.5, 0.99), (3, 0.3, 1.0, -0.9, -0.3), (4, 0.5, 2.0, 0.3, 0.99)):
            r = brentq(lambda x: _iso(x, p, d2, dp), lo, hi, xtol=1e-15)
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
        r = L.bracketed_root(CTX, lambda t: t * t - 2, 0, 2, what="sqrt 2")
        x, (lo, hi) = r.value, r.bracket
        assert abs(x - CTX.sqrt(2)) < CTX.mpf(10) ** -38 and lo <= x <= hi

    def test_no_sign_change_names_the_bracket_and_dps(self):
        from numerics.solvers import ConvergenceError
        with pytest.raises(ConvergenceError, match=r"no sign change.*dps=40"):
            L.bracketed_root(CTX, lambda t: t * t + 1, 0, 2, what="x")


# --- the jet kernels against the instance formulas of the matrix-tensor model ------------------

@functools.lru_cache(maxsize=None)
def _instance_functions():
    """The kernels' expressions derived for the matrix-tensor instance (``p, Delta2, Deltap``),
    as the code generator printed them before the kernels were written in jets, lambdified to
    mpmath (arguments ``p, Delta2, Deltap, m, mu, e``)."""
    import sympy as sp

    from derivations import kac_rice as kr
    from derivations.model import MODEL
    from derivations.symbols import Delta2, Deltap, energy, m, mu, p

    smax, semax, smin = kr.sigma_max(MODEL), kr.sigma_energy_max(MODEL), kr.sigma_min(MODEL)
    exprs = {
        "kr_sigma_bulk": kr.sigma(MODEL, outside=False), "kr_sigma_outside": kr.sigma(MODEL, outside=True),
        "kr_sigma_mu_bulk": kr.sigma_mu(MODEL, outside=False), "kr_sigma_mu_outside": kr.sigma_mu(MODEL, outside=True),
        "kr_sigma_max_bulk": smax["bulk"], "kr_sigma_max_right": smax["right"], "kr_sigma_max_left": smax["left"],
        "kr_sigma_e_max_bulk": semax["bulk"], "kr_sigma_e_max_right": semax["right"],
        "kr_sigma_e_max_left": semax["left"], "kr_sigma_min_edge": smin["edge"],
        "kr_sigma_min_outlier": smin["outlier"], "kr_threshold_energy": kr.threshold_energy(MODEL),
        "kr_marginal_slope": kr.marginal_slope(MODEL), "kr_isolated_condition": kr.isolated_condition(MODEL),
    }
    return {name: sp.lambdify((p, Delta2, Deltap, m, mu, energy), expr, modules="mpmath")
            for name, expr in exprs.items()}


class TestJetsReproduceTheInstance:
    """One channel: the jet kernels, fed the jets of ``xi = q**2/(2 Delta2) + q**p/(p Deltap)``,
    equal the instance formulas (lambdified from SymPy, at 50 digits)."""

    @pytest.mark.parametrize("point", [dict(p=3, d2="1/2", dp="1", m="1/3", mu="7/2", e="-1"),
                                       dict(p=5, d2="2", dp="3/10", m="-3/5", mu="-9", e="1/4"),
                                       dict(p=4, d2="7/10", dp="13/10", m="1/5", mu="3", e="-3/2")])
    def test_every_kernel_at_50_digits(self, point):
        from fractions import Fraction

        from numerics._generated import kac_rice_mpmath as KM

        ctx = mpmath.MPContext()
        ctx.dps = 50
        fr = {k: Fraction(v) for k, v in point.items() if k != "p"}
        fld = field({2: fr["d2"], point["p"]: fr["dp"]})
        to = lambda x: ctx.mpf(x.numerator) / ctx.mpf(x.denominator)  # noqa: E731
        jets = _L.KernelArgs(fld, ctx, m=to(fr["m"]), mu=to(fr["mu"]), e=to(fr["e"]))
        for name, instance in _instance_functions().items():
            with mpmath.workdps(50):
                args = [mpmath.mpf(x.numerator) / x.denominator for x in (fr["d2"], fr["dp"], fr["m"], fr["mu"], fr["e"])]
                reference = complex(instance(point["p"], *args))
            fn = getattr(KM, name)
            names = fn.__code__.co_varnames[1:fn.__code__.co_argcount]
            value = complex(fn(ctx, *(jets[a] for a in names)))
            assert abs(value - reference) <= 1e-40 * (1 + abs(reference)), name

    def test_covariance_det_is_the_determinant_and_a_positive_sum(self):
        from fractions import Fraction

        fld = field({2: Fraction(1, 3), 3: Fraction(2), 4: Fraction(5, 7)})
        ctx = mpmath.MPContext()
        ctx.dps = 60
        xi0, xi1, xi2 = (fld.xi(1, k, ctx) for k in (0, 1, 2))
        assert abs(_L.covariance_det(fld.xi, ctx) - (xi0 * (xi1 + xi2) - xi1**2)) < ctx.mpf(10) ** -55
        assert _L.covariance_det(field({3: Fraction(1)}).xi, ctx) == 0  # one channel: (e, mu) degenerate
        # no cancellation when the matrix dominates: the difference of squares loses every digit
        big = field({2: 1e-200, 3: 1.0})
        assert _L.covariance_det(big.xi) == pytest.approx(1e200 / 6, rel=1e-15)


class TestMixtures:
    def test_shorthand_field_equals_model_field_jets(self):
        import theory

        a = _L.sigma_min(theory.Model(0.7, {3: 1.3}).field, np.linspace(-0.9, 0.9, 7))
        b = _L.sigma_min(matrix_tensor(3, 0.7, 1.3), np.linspace(-0.9, 0.9, 7))
        np.testing.assert_allclose(a, b, rtol=1e-13, atol=1e-15)

    def test_numpy_and_mpmath_agree_on_a_mismatched_mixture(self):
        fld = field({2: 0.8, 3: 1.0, 4: 2.0}, {2: 0.6, 3: 1.5, 4: 1.0})
        for m in (-0.7, 0.0, 0.4, 0.8):
            for fn in (_L.sigma_max, _L.sigma_min, _L.dsigma_min_dm, _L.threshold_energy):
                assert abs(fn(fld, m) - float(fn(fld, m, CTX))) < 1e-11
            for mu in (-9.0, 0.5, 4.0):
                assert abs(_L.sigma_mu(fld, m, mu) - float(_L.sigma_mu(fld, m, mu, CTX))) < 1e-11
                assert abs(_L.sigma(fld, m, -1.0, mu) - float(_L.sigma(fld, m, -1.0, mu, CTX))) < 1e-10


class TestSolvers:
    def test_grow_bracket_float_and_mpmath(self):
        x = solvers.grow_bracket(None, lambda t: t * t - 2, 1.4, 1e-3, "sqrt 2", limit=1.0).value
        assert x == pytest.approx(2 ** 0.5, rel=1e-15)
        y = solvers.grow_bracket(CTX, lambda t: t * t - 2, 1.4, 1e-3, "sqrt 2", limit=1.0).value
        assert abs(y - CTX.sqrt(2)) < CTX.mpf(10) ** -38

    def test_grow_bracket_asks_for_the_sign_pattern(self):
        # a slope that goes from + to - is a maximum; the minimum of cos at pi is not one
        with pytest.raises(solvers.ConvergenceError, match="no sign change"):
            solvers.grow_bracket(None, lambda t: -np.sin(t), np.pi, 1e-3, "max", limit=0.5, sign=+1)

    def test_brentq_failure_is_a_convergence_error(self):
        with pytest.raises(solvers.ConvergenceError, match=r"no sign change.*dps=None"):
            solvers.brentq(lambda t: t * t + 1, 0.0, 1.0, what="x")


class TestMechanisms:
    """The trivialization mechanisms are objects with a residual that changes sign at the threshold."""

    @pytest.mark.parametrize("channels,overlaps,name", [({3: 1.0}, "positive", None), ({3: 1.0}, "all", "isolated"),
                                                        ({3: 1.0, 4: 2.0}, "all", None), ({4: 2.0}, "all", None)])
    def test_residual_changes_sign_at_the_threshold(self, channels, overlaps, name):
        tensors = field(channels)
        scan = _L.scan_trivialization(tensors, overlaps)
        assert isinstance(scan.mechanism, _L.Mechanism)
        if name is not None:
            assert scan.mechanism.name == name
        t = scan.value
        assert scan.mechanism.residual(tensors, t * (1 - 1e-6)) < 0 < scan.mechanism.residual(tensors, t * (1 + 1e-6))
        lo, hi = scan.delta2_bracket
        assert lo <= t <= hi

    def test_mechanisms_are_values(self):
        import pickle

        scan = _L.scan_trivialization(field({3: 1.0}), "all")
        assert pickle.loads(pickle.dumps(scan)) == scan


class TestWidthCancellation:
    def test_digits_lost_by_a_strong_matrix_channel(self):
        from fractions import Fraction

        from numerics.landscape import width_cancellation

        # xi'(1) = 1/Delta2 + 1/Deltap, xi''(1) - xi'(1) = 1/Deltap (p = 3): log10(1 + Deltap/Delta2)
        assert width_cancellation(matrix_tensor(3, 1e-300, 1.0)) == pytest.approx(300.0, abs=1e-12)
        exact = width_cancellation(field({2: Fraction(1, 10**300), 3: Fraction(1)}))
        assert 300 <= exact <= 300.7  # from bit lengths: at most one binary digit above
        many = width_cancellation(matrix_tensor(3, np.array([1e-10, 1.0]), 1.0))
        np.testing.assert_allclose(many, np.log10(1 + 1 / np.array([1e-10, 1.0])), rtol=1e-14)
        assert width_cancellation(field({2: Fraction(1)})) == float("inf")  # no tensor channel


class TestBlocks:
    """float64 evaluations on many entries run in blocks (landscape.BLOCK): the values are those
    of one evaluation on the whole array, entry by entry (elementwise kernels)."""

    @pytest.mark.parametrize("fn,extra", [(_L.sigma_min, ()), (_L.sigma_max, ()), (_L.dsigma_min_dm, ()),
                                          (_L.sigma_mu, (2.5,)), (_L.sigma, (-1.2, 2.5)), (_L.threshold_energy, ())])
    def test_blocked_equals_whole(self, fn, extra, monkeypatch):
        fld = field({2: 0.6, 3: 1.0, 4: 2.0})
        m = np.linspace(-0.99, 0.99, 1001).reshape(7, 143)
        whole = fn(fld, m, *extra) if fn is not _L.sigma else fn(fld, m, extra[0], extra[1])
        monkeypatch.setattr(_L, "BLOCK", 100)
        blocked = fn(fld, m, *extra) if fn is not _L.sigma else fn(fld, m, extra[0], extra[1])
        assert blocked.shape == whole.shape == (7, 143)
        np.testing.assert_array_equal(blocked, whole)

    def test_broadcast_variables_and_array_coefficients(self, monkeypatch):
        monkeypatch.setattr(_L, "BLOCK", 16)
        m = np.linspace(-0.9, 0.9, 50)[:, None]
        mu = np.array([1.0, 3.0, 5.0])
        fld = field({2: 0.6, 3: 1.0})
        out = _L.sigma_mu(fld, m, mu)  # broadcast (50, 3), blocked
        for j, x in enumerate(mu):
            np.testing.assert_array_equal(out[:, j], [_L.sigma_mu(fld, float(v), x) for v in m[:, 0]])
        arrays = matrix_tensor(3, np.array([0.4, 0.8]), 1.0)  # array coefficients: not blocked
        np.testing.assert_array_equal(_L.sigma_min(arrays, m)[:, 1], _L.sigma_min(matrix_tensor(3, 0.8, 1.0), m[:, 0]))
