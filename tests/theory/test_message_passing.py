"""theory.threshold kinds "ml_amp", "amp", "information_theoretic"; theory.state_evolution;
theory.first_order_delta_p and theory.tensor_recovery_delta_p (spec/theory.md section 6).

Reference values come from independent routes: the paper's closed forms typed here, brute-force
maximisation of the free entropy on a fine grid, a leading-order expansion near the tricritical
point, closed-form fixed points.
"""

from fractions import Fraction

import mpmath
import numpy as np
import pytest
from hypothesis import example, given, strategies as st

import theory
from theory.testing import delta_ps, ps


# Independent formulas of arXiv:1902.00139 / spec section 6, typed here (not the generated code).
def xi(m, p, d2, dp):
    return m**2 / (2 * d2) + m**p / (p * dp)


def xi1(m, p, d2, dp):
    return m / d2 + m ** (p - 1) / dp


def phi(m, p, d2, dp):
    return np.log1p(-m) / 2 + m / 2 + xi(m, p, d2, dp) / 2


def max_phi(p, d2, dp):
    """Brute force: max over m in (0, 1) of phi, on a fine grid refined by scipy's bounded search."""
    from scipy.optimize import minimize_scalar

    grid = np.concatenate([np.geomspace(1e-6, 0.5, 4000), 1 - np.geomspace(0.5, 1e-9, 4000)])
    values = phi(grid, p, d2, dp)
    best = values.max()
    peaks = np.nonzero((values[1:-1] >= values[:-2]) & (values[1:-1] >= values[2:]))[0] + 1
    for i in peaks:  # refine every local maximum of the grid
        res = minimize_scalar(lambda x: -phi(x, p, d2, dp), bounds=(grid[i - 1], grid[i + 1]),
                              method="bounded", options={"xatol": 1e-15})
        best = max(best, -res.fun)
    return best


class TestThresholdMlAmp:
    @given(ps(), delta_ps())
    @example(3, 1.0)
    def test_is_the_paper_closed_form(self, p, delta_p):
        paper = (np.sqrt(delta_p**2 + 4 * delta_p) - delta_p) / 2
        value = theory.threshold(p, delta_p, kind="ml_amp")
        assert value == pytest.approx(paper, rel=1e-12 * (1 + delta_p))

    @given(ps(), delta_ps())
    def test_map_slope_is_one_at_the_threshold(self, p, delta_p):
        d2 = theory.threshold(p, delta_p, dps=40, kind="ml_amp")
        with mpmath.workdps(40):
            dp = mpmath.mpf(delta_p)
            small = mpmath.mpf("1e-25")
            slope = xi1(small, p, d2, dp) / mpmath.sqrt(xi1(small, p, d2, dp) ** 2 + 1 / d2 + 1 / dp) / small
            assert abs(slope - 1) < mpmath.mpf("1e-20")

    @given(ps(), delta_ps())
    def test_lies_between_gradient_flow_and_amp(self, p, delta_p):
        assert theory.threshold(p, delta_p) < theory.threshold(p, delta_p, kind="ml_amp") < 1

    def test_any_dps_is_certified(self):
        low = theory.threshold(3, "0.7", kind="ml_amp", dps=60)
        high = theory.threshold(3, "0.7", kind="ml_amp", dps=90)
        assert abs(low - high) < mpmath.mpf(10) ** -59
        r = theory.threshold(3, "0.7", kind="ml_amp", dps=30, full_output=True)
        assert r.kind == "ml_amp" and r.error < 1e-35

    def test_array_input_keeps_shape(self):
        out = theory.threshold(4, np.ones((2, 3)), kind="ml_amp")
        assert out.shape == (2, 3) and np.allclose(out, (np.sqrt(5) - 1) / 2)


class TestThresholdAmp:
    @given(ps(), delta_ps())
    def test_is_one(self, p, delta_p):
        assert theory.threshold(p, delta_p, kind="amp") == 1.0

    def test_at_any_dps_and_shape(self):
        assert theory.threshold(5, 3, kind="amp", dps=50) == 1
        assert theory.threshold(5, np.ones(4), kind="amp").shape == (4,)
        assert theory.threshold(5, np.float64(2.0), kind="amp") == 1.0

    def test_bayes_state_evolution_leaves_zero_below_and_stays_above(self):
        below = theory.state_evolution(p=3, delta2=0.99, delta_p=50, kind="amp")
        above = theory.state_evolution(p=3, delta2=1.01, delta_p=50, kind="amp")
        assert below.fixed_point > 0.01 and above.fixed_point < 1e-6


class TestThresholdInformationTheoretic:
    @given(st.sampled_from([3, 4, 5]), st.floats(0.05, 1.5))
    @example(3, 0.5)
    @example(4, 0.2)
    def test_global_maximiser_changes_at_the_threshold(self, p, delta_p):
        value = theory.threshold(p, delta_p, kind="information_theoretic")
        if np.isinf(value):
            assert max_phi(p, 1e12, delta_p) > 0  # the tensor alone
            return
        assert value >= 1.0
        if value > 1.0 + 1e-9:  # first order: max phi crosses 0 at the threshold
            assert max_phi(p, value * (1 - 1e-6), delta_p) > 0
            assert max_phi(p, value * (1 + 1e-6), delta_p) < 0
        else:  # continuous: coincides with AMP; just above Delta2 = 1, phi < 0 on (0, 1)
            assert max_phi(p, 1 + 1e-6, delta_p) < 0

    def test_known_first_order_value_p3(self):
        # At Deltap = 1/2, p = 3 the equal-height point solves a 2x2 system; check the system.
        d2 = theory.threshold(3, "0.5", kind="information_theoretic", dps=40)
        with mpmath.workdps(40):
            mstar = mpmath.findroot(lambda x: xi1(x, 3, d2, mpmath.mpf("0.5")) - x / (1 - x), 0.4)
            assert abs(phi_mp(mstar, 3, d2, mpmath.mpf("0.5"))) < mpmath.mpf("1e-35")

    def test_near_the_tricritical_point(self):
        # p = 3, Deltap = 1 - eps: leading order Delta2_IT - 1 = 2 (1/Deltap - 1)**2 / 9
        # (phi'(m) = 0 and phi(m) = 0 expanded to order m**4 by hand).
        for eps in (Fraction(1, 10**6), Fraction(1, 10**9)):
            d2 = theory.threshold(3, 1 - eps, kind="information_theoretic", dps=40)
            lead = 2 * (1 / (1 - eps) - 1) ** 2 / 9
            ratio = (d2 - 1) / (mpmath.mpf(lead.numerator) / lead.denominator)
            assert abs(ratio - 1) < 10 * float(eps)

    @pytest.mark.parametrize("p", [3, 4, 5, 6])
    def test_continuous_regime_coincides_with_amp(self, p):
        onset = theory.first_order_delta_p(p)
        values = theory.threshold(p, onset * np.array([1.001, 1.5, 10.0, 1e4]), kind="information_theoretic")
        assert np.all(values == 1.0)
        assert theory.threshold(p, onset * 0.99, kind="information_theoretic") > 1.0

    @pytest.mark.parametrize("p", [3, 4, 6])
    def test_infinite_where_the_tensor_alone_suffices(self, p):
        t = theory.tensor_recovery_delta_p(p)
        assert np.isinf(theory.threshold(p, t * 0.999, kind="information_theoretic"))
        assert np.isfinite(theory.threshold(p, t * 1.001, kind="information_theoretic"))
        assert mpmath.isinf(theory.threshold(p, t * 0.999, kind="information_theoretic", dps=20))

    def test_float_agrees_with_high_precision(self):
        grid = 1 / np.linspace(0.05, 6, 12)
        for p in (3, 4):
            fast = theory.threshold(p, grid, kind="information_theoretic")
            for d, v in zip(grid, fast):
                ref = theory.threshold(p, float(d), kind="information_theoretic", dps=20)
                if mpmath.isinf(ref):
                    assert np.isinf(v)
                else:
                    assert abs(v - float(ref)) <= 1e-13 * float(ref)

    def test_digits_are_stable_across_dps(self):
        a = theory.threshold(4, "0.2", kind="information_theoretic", dps=30)
        b = theory.threshold(4, "0.2", kind="information_theoretic", dps=60)
        assert abs(a - b) < mpmath.mpf(10) ** -29
        r = theory.threshold(4, "0.2", kind="information_theoretic", dps=30, full_output=True)
        slack = abs(r.value) * mpmath.mpf(10) ** -30  # the value is rounded to dps digits
        assert r.bracket[0] - slack <= r.value <= r.bracket[1] + slack
        assert r.bracket[1] - r.bracket[0] < mpmath.mpf(10) ** -30

    def test_bad_input(self):
        with pytest.raises(ValueError, match="delta_p"):
            theory.threshold(3, -1.0, kind="information_theoretic")
        with pytest.raises(ValueError, match="p must be"):
            theory.threshold(2, 1.0, kind="information_theoretic")
        with pytest.raises(ValueError, match="dps"):
            theory.threshold(3, 1.0, kind="information_theoretic", dps=0)


def phi_mp(m, p, d2, dp):
    return mpmath.log(1 - m) / 2 + m / 2 + (m**2 / (2 * d2) + m**p / (p * dp)) / 2


class TestFirstOrderDeltaP:
    def test_p3_is_the_tricritical_point(self):
        assert theory.first_order_delta_p(3) == 1.0

    @pytest.mark.parametrize("p", [4, 5, 6])
    def test_phi_touches_zero_at_unit_delta2(self, p):
        onset = theory.first_order_delta_p(p)
        assert abs(max_phi(p, 1.0, onset)) < 1e-12
        assert max_phi(p, 1.0, onset * 0.999) > 0
        assert max_phi(p, 1.0, onset * 1.001) < 0

    def test_certified_digits(self):
        a = theory.first_order_delta_p(4, dps=40)
        b = theory.first_order_delta_p(4, dps=60)
        assert abs(a - b) < mpmath.mpf(10) ** -39

    def test_decreases_with_p(self):
        values = [theory.first_order_delta_p(p) for p in range(3, 9)]
        assert all(a > b for a, b in zip(values, values[1:]))

    def test_bad_p(self):
        with pytest.raises(ValueError, match="p must be"):
            theory.first_order_delta_p(2.5)


class TestTensorRecoveryDeltaP:
    @pytest.mark.parametrize("p", [3, 5])
    def test_pure_tensor_free_entropy_touches_zero(self, p):
        t = theory.tensor_recovery_delta_p(p)
        assert abs(max_phi(p, 1e300, t)) < 1e-12
        assert max_phi(p, 1e300, t * 0.999) > 0
        assert max_phi(p, 1e300, t * 1.001) < 0

    def test_below_first_order_onset(self):
        for p in range(3, 7):
            assert theory.tensor_recovery_delta_p(p) < theory.first_order_delta_p(p)


class TestStateEvolution:
    def test_amp_fixed_point_closed_form(self):
        # p = 3, Delta2 = 1/2, Deltap = 2: 2m + m**2/2 = m/(1-m)  <=>  m**2 + 3m - 2 = 0.
        se = theory.state_evolution(p=3, delta2=0.5, delta_p=2.0, kind="amp")
        root = (np.sqrt(17) - 3) / 2
        assert se.converged and se.fixed_point == pytest.approx(root, abs=1e-12)
        assert se.fixed_points[0] == (0.0, False)
        assert se.fixed_points[-1][0] == pytest.approx(root, rel=1e-14) and se.fixed_points[-1][1]

    @given(ps(max_value=8), st.floats(0.2, 3.0), delta_ps(0.05, 20))
    @example(3, 0.5, 2.0)
    def test_amp_fixed_points_are_stationary_points_of_the_free_entropy(self, p, delta2, delta_p):
        se = theory.state_evolution(p=p, delta2=delta2, delta_p=delta_p, kind="amp")
        for m, _ in se.fixed_points:
            dphi = (xi1(m, p, delta2, delta_p) - m / (1 - m)) / 2
            assert abs(dphi) <= 1e-12 * (1 + 1 / (1 - m) ** 2)

    @given(ps(max_value=8), st.floats(0.05, 0.9), delta_ps(0.05, 20))
    @example(3, 0.3, 1.0)
    def test_ml_amp_fixed_point_is_the_gradient_flow_end_state(self, p, delta2, delta_p):
        if delta2 >= theory.threshold(p, delta_p, kind="ml_amp") * 0.98:
            return  # near and above the threshold the iteration does not leave m = 0 quickly
        se = theory.state_evolution(p=p, delta2=delta2, delta_p=delta_p, kind="ml_amp")
        m = se.fixed_point
        assert se.converged and m > 0
        end_state = xi1(m, p, delta2, delta_p) ** 2 * (1 - m**2) - m**2 * (1 / delta2 + 1 / delta_p)
        assert abs(end_state) <= 1e-11 * (1 / delta2 + 1 / delta_p)

    def test_ml_amp_leaves_zero_iff_below_the_threshold(self):
        t = theory.threshold(3, 1.0, kind="ml_amp")
        assert theory.state_evolution(p=3, delta2=t * 0.9, delta_p=1.0).fixed_point > 0.1
        assert theory.state_evolution(p=3, delta2=t * 1.1, delta_p=1.0).fixed_point < 1e-8

    def test_hard_phase(self):
        # 1 < Delta2 < Delta2_IT: uninformed AMP stays at 0 while the global maximiser of phi is
        # the stable fixed point at large overlap (reached from an informed start).
        it = theory.threshold(3, 0.5, kind="information_theoretic")
        delta2 = 0.5 * (1 + it)
        se = theory.state_evolution(p=3, delta2=delta2, delta_p=0.5, kind="amp")
        (zero, s0), (mid, s1), (high, s2) = se.fixed_points
        assert se.fixed_point < 1e-10 and s0 and not s1 and s2 and 0 < mid < high
        assert phi(high, 3, delta2, 0.5) > 0 > phi(mid, 3, delta2, 0.5)
        informed = theory.state_evolution(p=3, delta2=delta2, delta_p=0.5, kind="amp", m0=0.9)
        assert informed.fixed_point == pytest.approx(high, abs=1e-12)

    def test_dps_agrees_with_float(self):
        fast = theory.state_evolution(p=4, delta2=0.3, delta_p=1.0, kind="amp")
        slow = theory.state_evolution(p=4, delta2=0.3, delta_p=1.0, kind="amp", dps=30)
        assert isinstance(slow.fixed_point, mpmath.mpf)
        assert abs(float(slow.fixed_point) - fast.fixed_point) < 1e-12
        assert abs(slow.fixed_points[-1][0] - slow.fixed_point) < mpmath.mpf(10) ** -28

    def test_repr_and_iterates(self):
        se = theory.state_evolution(p=3, delta2=0.5, delta_p=2.0, kind="ml_amp", m0=0.1, iterations=5)
        assert len(se.iterates) == 6 and se.iterates[0] == 0.1 and not se.converged
        assert "ml_amp" in repr(se) and "not converged" in repr(se)

    @pytest.mark.parametrize("kwargs, match", [
        ({"kind": "bayes"}, "kind"),
        ({"m0": 1.0}, "m0"),
        ({"m0": -0.1}, "m0"),
        ({"delta2": 0}, "delta2"),
        ({"delta_p": "x"}, "delta_p"),
        ({"iterations": 0}, "iterations"),
        ({"tol": -1}, "tol"),
        ({"p": 2}, "p must be"),
    ])
    def test_bad_input(self, kwargs, match):
        args = {"p": 3, "delta2": 0.5, "delta_p": 1.0, **kwargs}
        with pytest.raises(ValueError, match=match):
            theory.state_evolution(**args)
