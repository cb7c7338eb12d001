"""theory.complexity, complexity_of_minima, threshold_energy and kind="trivialization" (spec section 5)."""

import math
from fractions import Fraction

import mpmath
import numpy as np
import pytest
from hypothesis import example, given, strategies as st

import theory
from theory.testing import delta2s, delta_ps, ps


class TestComplexity:
    @given(ps(8), delta_ps(0.1, 10))
    @example(3, 1.0)
    def test_pure_p_spin_total_complexity_is_half_log_p_minus_one(self, p, delta_p):
        # Delta2 -> infinity removes the matrix channel; at m = 0 the signal term vanishes (p >= 3)
        value = theory.complexity(0.0, p=p, delta2=1e14, delta_p=delta_p)
        assert abs(value - math.log(p - 1) / 2) < 1e-9

    @given(ps(8), delta2s(0.1, 10))
    def test_pure_spiked_matrix_has_zero_complexity(self, p, delta2):
        m = np.linspace(-0.99, 0.99, 199)
        values = theory.complexity(m, p=p, delta2=delta2, delta_p=1e14)
        assert abs(values.max()) < 1e-9 and abs(values[99]) < 1e-9

    def test_each_none_is_maximised_out(self):
        kw = dict(p=3, delta2=0.7, delta_p=1.3)
        mus = np.linspace(-15, 15, 30001)
        assert abs(theory.complexity(0.2, **kw) - theory.complexity(0.2, mu=mus, **kw).max()) < 1e-7
        wide = np.linspace(-300, 300, 600001)
        best = theory.complexity(0.2, energy=-1.0, mu=wide, **kw).max()
        assert 0 <= theory.complexity(0.2, energy=-1.0, **kw) - best < 1e-5 * abs(best)

    def test_vectorised_in_m_mu_energy(self):
        out = theory.complexity(np.zeros((3, 1)), p=3, delta2=1.0, delta_p=1.0, mu=np.array([1.0, 5.0]), energy=-1.0)
        assert out.shape == (3, 2)

    @given(ps(8), delta2s(0.1, 10), delta_ps(0.1, 10), st.floats(-0.9, 0.9), st.floats(-8, 8))
    def test_dps_15_30_60_agree(self, p, d2, dp, m, mu):
        vals = [theory.complexity(m, p=p, delta2=d2, delta_p=dp, mu=mu, dps=d) for d in (15, 30, 60)]
        assert abs(vals[0] - vals[2]) <= mpmath.mpf(10) ** -13 * (1 + abs(vals[2]))
        assert abs(vals[1] - vals[2]) <= mpmath.mpf(10) ** -28 * (1 + abs(vals[2]))
        assert abs(float(vals[2]) - theory.complexity(m, p=p, delta2=d2, delta_p=dp, mu=mu)) < 1e-9 * (1 + abs(vals[2]))

    @pytest.mark.parametrize("kw", [dict(m=1.0), dict(m=-1.0), dict(m=1.5), dict(delta2=0.0), dict(delta_p=-1.0),
                                    dict(p=2), dict(m=float("nan")), dict(mu=float("inf"))])
    def test_bad_input_raises_value_error(self, kw):
        args = dict(m=0.1, p=3, delta2=1.0, delta_p=1.0)
        args.update(kw)
        m = args.pop("m")
        for dps in (None, 20):
            with pytest.raises(ValueError):
                theory.complexity(m, dps=dps, **args)


class TestComplexityOfMinima:
    @given(ps(8), delta2s(0.1, 10), delta_ps(0.1, 10), st.floats(-0.95, 0.95))
    def test_at_most_the_total_and_mpmath_agrees(self, p, d2, dp, m):
        smin = theory.complexity_of_minima(m, p=p, delta2=d2, delta_p=dp)
        assert smin <= theory.complexity(m, p=p, delta2=d2, delta_p=dp) + 1e-12
        assert abs(smin - float(theory.complexity_of_minima(m, p=p, delta2=d2, delta_p=dp, dps=30))) < 1e-9

    def test_bad_input(self):
        with pytest.raises(ValueError, match="m must"):
            theory.complexity_of_minima(-1.0, p=3, delta2=1.0, delta_p=1.0)
        with pytest.raises(ValueError, match="delta2"):
            theory.complexity_of_minima(0.0, p=3, delta2=0, delta_p=1.0, dps=30)


class TestThresholdEnergy:
    @given(ps(8))
    def test_pure_p_spin_is_the_known_threshold(self, p):
        # xi = q**p/2 (Deltap = 2/p), Delta2 -> inf: e_th = -sqrt(2 (p-1)/p) (Crisanti-Sommers, Cugliandolo-Kurchan)
        value = theory.threshold_energy(p=p, delta2=1e14, delta_p=2 / p)
        assert abs(value + math.sqrt(2 * (p - 1) / p)) < 1e-6

    @given(ps(8), delta2s(0.1, 10), delta_ps(0.1, 10))
    def test_equals_the_one_step_aging_plateau_energy(self, p, d2, dp):
        # independent route, the T = 0 aging solution of the DMFT (docs/dynamics.md): chi = 1/s,
        # y = (2 s - chi (xi'(1) + xi''(1)))/xi'(1), e = -chi xi'(1) - y xi(1)
        a, b = 1 / d2, 1 / dp
        xi, xi1, xi2 = a / 2 + b / p, a + b, a + (p - 1) * b
        s = math.sqrt(xi2)
        chi = 1 / s
        y = (2 * s - chi * (xi1 + xi2)) / xi1
        assert abs(theory.threshold_energy(p=p, delta2=d2, delta_p=dp) - (-chi * xi1 - y * xi)) < 1e-10 * (1 + xi1)

    @given(ps(8), delta2s(0.2, 5), delta_ps(0.2, 5), st.floats(-0.8, 0.8))
    def test_typical_points_at_that_energy_are_marginal(self, p, d2, dp, m):
        e = theory.threshold_energy(p=p, delta2=d2, delta_p=dp, m=m)
        s = math.sqrt(1 / d2 + (p - 1) / dp)
        mus = np.linspace(-6 * s, 6 * s, 120001)
        best = mus[np.argmax(theory.complexity(m, p=p, delta2=d2, delta_p=dp, energy=e, mu=mus))]
        assert abs(best - 2 * s) < 2e-3 * s

    def test_mpmath(self):
        v = theory.threshold_energy(p=3, delta2=1, delta_p=1, dps=40)
        ctx = mpmath.MPContext()
        ctx.dps = 60
        assert abs(ctx.mpf(v) + ctx.mpf(29) / 12 / ctx.sqrt(3)) < ctx.mpf(10) ** -39


class TestThresholdTrivialization:
    def test_p3_deltap1_reference_values(self):
        pos = theory.threshold(3, 1.0, kind="trivialization")
        allv = theory.threshold(3, 1.0, kind="trivialization", overlaps="all")
        assert 0.3 < allv < pos < theory.threshold(3, 1.0) == 0.5

    @pytest.mark.parametrize("p", range(3, 9))
    def test_below_gradient_flow_and_both_tend_to_one(self, p):
        dps_ = np.array([0.05, 0.3, 1.0, 5.0, 30.0, 300.0])
        gf = theory.threshold(p, dps_)
        for ov in ("positive", "all"):
            tr = theory.threshold(p, dps_, kind="trivialization", overlaps=ov)
            assert np.all(tr < gf) and np.all(np.diff(tr) > 0)
            assert 1 - tr[-1] < 0.05
        allv = theory.threshold(p, dps_, kind="trivialization", overlaps="all")
        pos = theory.threshold(p, dps_, kind="trivialization")
        assert np.all(allv <= pos * (1 + 1e-9))
        if p % 2 == 0:
            np.testing.assert_allclose(allv, pos, rtol=1e-9)

    @pytest.mark.parametrize("p,delta_p,overlaps", [(3, 1.0, "positive"), (3, 1.0, "all"), (4, 2.0, "all"),
                                                    (5, 0.2, "all")])
    def test_put_back_into_its_definition(self, p, delta_p, overlaps):
        t = theory.threshold(p, delta_p, kind="trivialization", overlaps=overlaps)
        m = np.linspace(0, 0.999, 4000) if overlaps == "positive" else np.linspace(-0.999, 0.999, 8000)
        below = theory.complexity_of_minima(m, p=p, delta2=t * (1 - 1e-3), delta_p=delta_p).max()
        above = theory.complexity_of_minima(m, p=p, delta2=t * (1 + 2e-2), delta_p=delta_p).max()
        assert below < 1e-13 and above > 1e-12

    @pytest.mark.parametrize("p,delta_p,overlaps", [(3, 1, "positive"), (3, 1, "all"), (6, "0.5", "all")])
    def test_float_and_dps_15_30_60_agree(self, p, delta_p, overlaps):
        vals = {d: theory.threshold(p, delta_p, kind="trivialization", overlaps=overlaps, dps=d) for d in (15, 30, 60)}
        assert abs(vals[15] - vals[60]) <= vals[60] * mpmath.mpf(10) ** -14
        assert abs(vals[30] - vals[60]) <= vals[60] * mpmath.mpf(10) ** -29
        flt = theory.threshold(p, float(delta_p), kind="trivialization", overlaps=overlaps)
        assert abs(flt - float(vals[60])) < 1e-11

    def test_full_output_has_a_bracket(self):
        r = theory.threshold(3, 1, kind="trivialization", dps=30, full_output=True)
        lo, hi = r.bracket
        assert abs(hi - lo) < 1e-40 and abs(r.value - lo) < 1e-29 and r.error < 1e-30

    def test_bad_option(self):
        with pytest.raises(ValueError, match="overlaps"):
            theory.threshold(3, 1.0, kind="trivialization", overlaps="negative")
        with pytest.raises(ValueError, match="delta_p"):
            theory.threshold(3, -1.0, kind="trivialization")

    def test_no_band_in_the_scanned_range_is_an_error_naming_the_bracket(self):
        # at Deltap = 1e6 Sigma_min is below float64 resolution everywhere: no band is found
        with pytest.raises(theory.ConvergenceError, match=r"p=3, Deltap=1000000.0.*bracket"):
            theory.threshold(3, 1e6, kind="trivialization")


MIXTURE = theory.Model(0.7, {3: 1.0, 4: 2.0})


class TestModels:
    """model= for every landscape function; the shorthand is the same path."""

    @pytest.mark.parametrize("dps", [None, 25])
    def test_shorthand_equals_model_bit_for_bit(self, dps):
        model = theory.Model(0.7, {3: 1.3})
        short = dict(p=3, delta2=0.7, delta_p=1.3)
        for fn, kw in ((theory.complexity, dict(mu=2.5)), (theory.complexity, dict(energy=-1.2)),
                       (theory.complexity, {}), (theory.complexity, dict(mu=2.5, energy=-1.2)),
                       (theory.complexity_of_minima, {})):
            assert fn(0.3, dps=dps, **short, **kw) == fn(0.3, model=model, dps=dps, **kw)
        assert theory.threshold_energy(m=0.3, dps=dps, **short) == theory.threshold_energy(m=0.3, model=model, dps=dps)

    @given(ps(8))
    def test_pure_p_spin_total_complexity_is_half_log_p_minus_one(self, p):
        # Auffinger-Ben Arous-Cerny: xi = q**p/2, no matrix channel, at m = 0 (g'(0) = 0)
        pure = theory.Model(tensors={p: 2 / p})
        assert abs(theory.complexity(0.0, model=pure) - math.log(p - 1) / 2) < 1e-13
        # the same with the shorthand and no matrix channel, and certified at 30 digits
        assert theory.complexity(0.0, p=p, delta2=None, delta_p=2 / p) == theory.complexity(0.0, model=pure)
        assert theory.complexity(0.0, p=p, delta2=float("inf"), delta_p=2 / p) == theory.complexity(0.0, model=pure)
        exact = theory.Model(tensors={p: Fraction(2, p)})
        ctx = mpmath.MPContext()
        ctx.dps = 40
        value = theory.complexity(0, model=exact, dps=30)
        assert abs(ctx.mpf(value) - ctx.log(p - 1) / 2) < ctx.mpf(10) ** -29

    def test_energy_needs_two_channels(self):
        with pytest.raises(ValueError, match="energy"):
            theory.complexity(0.0, model=theory.Model(tensors={3: 1.0}), energy=-1.0)
        with pytest.raises(ValueError, match="energy"):
            theory.complexity(0.0, p=3, delta2=None, delta_p=1.0, energy=-1.0, mu=1.0)

    def test_mixture_mu_maximised_equals_brute_force(self):
        model = theory.Model(0.7, {3: 1.0, 4: 2.0}, assumed=theory.Model(0.5, {3: 1.5, 4: 1.0}))
        mus = np.linspace(-40, 40, 160001)
        for m in (-0.6, 0.0, 0.3, 0.8):
            brute = theory.complexity(m, model=model, mu=mus).max()
            assert -1e-9 <= theory.complexity(m, model=model) - brute < 1e-6
            brute_e = theory.complexity(m, model=model, mu=mus, energy=-1.0).max()
            assert -1e-9 <= theory.complexity(m, model=model, energy=-1.0) - brute_e < 1e-6 * (1 + abs(brute_e))

    def test_mixture_threshold_energy_is_where_typical_points_are_marginal(self):
        e = theory.threshold_energy(model=MIXTURE, m=0.2)
        s = theory.hessian(model=MIXTURE, m=0.2, mu=0.0).s
        mus = np.linspace(0, 4 * s, 200001)
        best = mus[np.argmax(theory.complexity(0.2, model=MIXTURE, energy=e, mu=mus))]
        assert abs(best - 2 * s) < 1e-3 * s

    def test_model_and_shorthand_together_is_an_error(self):
        with pytest.raises(ValueError, match="not both"):
            theory.complexity(0.0, model=MIXTURE, p=3)
        with pytest.raises(ValueError, match="model"):
            theory.complexity(0.0, model="2+3")


class TestPrecision:
    """Issue 10: every dps= result is certified by two precisions."""

    def test_cancelling_complexity_at_dps_20_and_40(self):
        # m = 0, mu = 0: Sigma = log(xi''(1)/xi'(1))/2 = log((1e30 + 2)/(1e30 + 1))/2
        ctx = mpmath.MPContext()
        ctx.dps = 120
        big = ctx.mpf(10) ** 30
        exact = ctx.log((big + 2) / (big + 1)) / 2
        for dps in (20, 40):
            value = theory.complexity(0, mu=0, p=3, delta2="1e-30", delta_p=1, dps=dps)
            assert abs(ctx.mpf(value) - exact) <= abs(exact) * ctx.mpf(10) ** (1 - dps)

    @pytest.mark.parametrize("fn,kw", [(theory.complexity, dict(mu="2.5")), (theory.complexity, dict(energy="-1.2")),
                                       (theory.complexity, {}), (theory.complexity_of_minima, {})])
    def test_two_dps_agree_on_a_mixture(self, fn, kw):
        a = fn("0.3", model=MIXTURE, dps=20, **kw)
        b = fn("0.3", model=MIXTURE, dps=45, **kw)
        assert abs(a - b) <= abs(b) * mpmath.mpf(10) ** -19

    def test_dps_1_and_1000(self):
        for dps in (1, 1000):
            assert theory.complexity_of_minima("0.1", model=MIXTURE, dps=dps) > 0
            assert theory.threshold_energy(model=MIXTURE, dps=dps) < 0
            assert theory.complexity(0, model=MIXTURE, mu=1, energy=-1, dps=dps) < 0

    def test_object_arrays_with_dps(self):
        out = theory.complexity([0.0, 0.5], p=3, delta2=[1.0, 2.0], delta_p=1.0, mu=3, dps=20)
        assert out.dtype == object and out.shape == (2,)
        assert abs(out[0] - theory.complexity(0.0, p=3, delta2=1.0, delta_p=1.0, mu=3, dps=20)) == 0


class TestFloatRange:
    def test_huge_and_tiny_variances_give_finite_values_or_say_dps(self):
        for d2 in (1e-300, 1e-150, 1e150, 1e300):
            for dp in (1e-300, 1.0, 1e300):
                for call in (lambda: theory.complexity(0.5, p=3, delta2=d2, delta_p=dp),
                             lambda: theory.complexity(0.5, p=3, delta2=d2, delta_p=dp, mu=1.0),
                             lambda: theory.complexity_of_minima(0.5, p=3, delta2=d2, delta_p=dp),
                             lambda: theory.threshold_energy(p=3, delta2=d2, delta_p=dp, m=0.5)):
                    try:
                        value = call()
                    except ValueError as exc:
                        assert "dps=" in str(exc)
                    else:
                        assert math.isfinite(value)

    def test_threshold_below_the_double_range_of_delta_p(self):
        # Delta2_GF = 2/(1 + sqrt(1 + 8/Deltap)) ~ sqrt(Deltap/2) as Deltap -> 0
        assert theory.threshold(3, "1e-400") == pytest.approx(math.sqrt(0.5) * 1e-200, rel=1e-15)
        assert theory.threshold(3, 1e-308) == pytest.approx(math.sqrt(0.5e-308), rel=1e-15)
        out = theory.threshold(3, np.array([1e-308, 1.0]))
        assert out[0] == pytest.approx(math.sqrt(0.5e-308), rel=1e-15) and out[1] == 0.5


class TestTrivializationOfMixtures:
    @pytest.mark.parametrize("overlaps", ["positive", "all"])
    def test_below_gradient_flow_and_put_back_into_its_definition(self, overlaps):
        model = theory.Model(tensors={3: 1.0, 4: 2.0})
        t = theory.threshold(model=model, kind="trivialization", overlaps=overlaps)
        gf = theory.threshold(model=model)
        assert 0 < t < gf
        m = np.linspace(0, 0.999, 4000) if overlaps == "positive" else np.linspace(-0.999, 0.999, 8000)
        below = theory.complexity_of_minima(m, model=model.with_delta2(t * (1 - 1e-3))).max()
        above = theory.complexity_of_minima(m, model=model.with_delta2(t * (1 + 2e-2))).max()
        assert below < 1e-13 and above > 1e-12

    def test_gradient_flow_threshold_of_a_mixture_is_the_bbp_point(self):
        model = theory.Model(tensors={3: 1.0, 4: 2.0})
        d2 = theory.threshold(model=model, dps=30)
        h = theory.hessian(model=model.with_delta2(d2), m=0, mu=0, dps=30)
        assert abs(h.theta - h.s) < 1e-28

    def test_mismatched_gradient_flow_threshold_is_the_bbp_point(self):
        # the loss weights the tensor with Delta'_3 = 0.5 (true 1): xi_T''(1) = 2 * 1/0.25 = 8
        model = theory.Model(tensors={3: 1.0}, assumed=theory.Model(tensors={3: 0.5}))
        d2 = theory.threshold(model=model)
        assert d2 == pytest.approx(2 / (1 + math.sqrt(33)), rel=1e-15)
        full = theory.Model(d2, {3: 1.0}, assumed=theory.Model(d2, {3: 0.5}))
        h = theory.hessian(model=full, m=0.0, mu=0.0)
        assert h.theta == pytest.approx(h.s, rel=1e-14)

    def test_one_tensor_variance_scanned(self):
        d3 = np.array([0.3, 1.0, 3.0])
        for x in d3:
            model = theory.Model(tensors={3: float(x), 4: 2.0})
            assert theory.threshold(model=model, kind="trivialization") < theory.threshold(model=model)

    def test_float_and_dps_agree(self):
        model = theory.Model(tensors={3: 1, 4: 2})
        a = theory.threshold(model=model, kind="trivialization", overlaps="all", dps=20)
        b = theory.threshold(model=model, kind="trivialization", overlaps="all", dps=40)
        assert abs(a - b) <= b * mpmath.mpf(10) ** -19
        assert abs(theory.threshold(model=model, kind="trivialization", overlaps="all") - float(b)) < 1e-11

    def test_result_pickles_and_compares(self):
        import pickle

        for dps in (None, 25):
            r = theory.threshold(model=theory.Model(tensors={3: 1, 4: 2}), kind="trivialization", dps=dps,
                                 full_output=True)
            assert pickle.loads(pickle.dumps(r)) == r and r.bracket is not None


class TestDpsRange:
    @pytest.mark.parametrize("kind", ["gradient_flow", "trivialization"])
    def test_dps_1_and_1000_on_a_mixture(self, kind):
        model = theory.Model(tensors={3: 1, 4: 2})
        reference = theory.threshold(model=model, kind=kind, dps=40)
        for dps in (1, 1000):
            value = theory.threshold(model=model, kind=kind, dps=dps)
            assert abs(value - reference) <= reference * mpmath.mpf(10) ** (1 - min(dps, 40))


class TestContractInputs:
    """Inputs as users pass them: a missing m, empty arrays, variances at the ends of float64."""

    @pytest.mark.parametrize("fn", [theory.complexity, theory.complexity_of_minima, theory.threshold_energy])
    def test_m_none_names_m(self, fn):
        with pytest.raises(ValueError, match="^m must be"):
            fn(m=None, p=3, delta2=0.5, delta_p=1.0)

    @pytest.mark.parametrize("m", [[], np.empty((0, 3))])
    def test_empty_m(self, m):
        out = theory.complexity(m, p=3, delta2=0.5, delta_p=1.0, mu=2.0)
        assert out.shape == np.shape(m)

    def test_threshold_energy_of_a_negligible_matrix_is_the_pure_tensor(self):
        # delta2 = 1e300: xi ~ q**3/3 = (2/3) (q**3/2), so e_th = -sqrt(4/3) sqrt(2/3) = -sqrt(8/9)
        assert theory.threshold_energy(p=3, delta2=1e300, delta_p=1.0) == pytest.approx(-math.sqrt(8 / 9), rel=1e-12)

    @pytest.mark.parametrize("delta2", [1e-300, "1e-400", Fraction(1, 10**350)])
    def test_tiny_delta2_float_matches_mpmath_or_refuses(self, delta2):
        # the numpy kernel overflows on the way; the float result is the mpmath value or a refusal
        try:
            value = theory.complexity(0.3, p=3, delta2=delta2, delta_p=1.0, mu=2.0)
        except ValueError as exc:
            assert "float64 cannot resolve it, pass dps=" in str(exc)
            return
        reference = theory.complexity(0.3, p=3, delta2=delta2, delta_p=1.0, mu=2.0, dps=20)
        assert value == pytest.approx(float(reference), rel=1e-14)

    def test_huge_mu_is_refused_not_overflow(self):
        with pytest.raises(ValueError, match="float64 cannot resolve"):
            theory.complexity(0.3, p=3, delta2=0.5, delta_p=1.0, mu=-1e300, energy=-1.0)


class TestComplexityStrongMatrixChannel:
    """Issue 18 item 4: complexity(0.0, p=3, delta2=1e-300, delta_p=1.0) raised ZeroDivisionError
    (xi''(1) - xi'(1) cancelled to 0 at 17 + 10 digits)."""

    @staticmethod
    def _at_zero(delta2, delta_p, dps=40):
        # by hand: g'(0) = 0 for orders >= 2, so the maximiser over mu sits in the bulk and
        # Sigma(0) = log(xi''(1)/xi'(1))/2 = log1p(Delta2/(Deltap + Delta2))/2 (p = 3); Delta2 -> inf
        # gives log(2)/2, the pure 3-spin (the doctest)
        ctx = mpmath.mp.clone()
        ctx.dps = dps
        from fractions import Fraction

        d2, dp = (ctx.mpf(x.numerator) / x.denominator for x in (Fraction(delta2), Fraction(delta_p)))
        return ctx.log1p(d2 / (dp + d2)) / 2

    @pytest.mark.parametrize("delta2", [1e-300, 1e-200, 1e-20, 1e-16])
    def test_float64_at_zero_overlap(self, delta2):
        got = theory.complexity(0.0, p=3, delta2=delta2, delta_p=1.0)
        assert got == pytest.approx(float(self._at_zero(delta2, 1.0)), rel=1e-15, abs=0)

    @pytest.mark.parametrize("delta2", ["1e-300", "1e-1000", "3e-40"])
    def test_certified_digits_at_zero_overlap(self, delta2):
        from fractions import Fraction

        got = theory.complexity(0.0, p=3, delta2=delta2, delta_p=1.0, dps=30)
        expected = self._at_zero(Fraction(delta2), 1.0, dps=60)
        assert abs(got - expected) <= abs(expected) * mpmath.mpf(10) ** -29

    def test_a_value_below_the_double_range_asks_for_dps(self):
        with pytest.raises(ValueError, match="outside the float64 range.*pass dps="):
            theory.complexity(0.0, p=3, delta2="1e-1000", delta_p=1.0)

    def test_array_mixing_ordinary_and_extreme_channels(self):
        out = theory.complexity([0.0, 0.5], p=3, delta2=np.array([[1e-300], [1.0]]), delta_p=1.0)
        assert out[0, 0] == pytest.approx(5e-301, rel=1e-15)
        assert out[1, 0] == pytest.approx(float(self._at_zero(1.0, 1.0)), rel=1e-13)
        assert np.isfinite(out).all()

    @pytest.mark.parametrize("fn", [lambda: theory.complexity(0.0, model=theory.Model(delta2=1.0)),
                                    lambda: theory.complexity(0.0, model=theory.Model(delta2=1.0), dps=20)])
    def test_matrix_channel_alone_is_a_value_error(self, fn):
        with pytest.raises(ValueError, match="without a tensor channel"):
            fn()
