"""theory.threshold kinds "ml_amp", "amp", "information_theoretic"; theory.state_evolution;
theory.first_order_delta_p and theory.tensor_recovery_delta_p (docs/phase_diagram.md).

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


def amp_map(m, p, d2, dp):
    mhat = xi1(m, p, d2, dp)
    return mhat / (1 + mhat)


def amp_map_dm(m, p, d2, dp):
    xi2 = 1 / d2 + (p - 1) * m ** (p - 2) / dp
    return xi2 / (1 + xi1(m, p, d2, dp)) ** 2


def local_maxima(p, d2, dp):
    """Brute force: every local maximiser of phi on (0, 1), refined by scipy (m, phi(m))."""
    from scipy.optimize import minimize_scalar

    grid = np.unique(np.concatenate([np.geomspace(1e-7, 0.5, 6000), 1 - np.geomspace(0.5, 1e-9, 6000)]))
    values = phi(grid, p, d2, dp)
    out = []
    for i in np.nonzero((values[1:-1] >= values[:-2]) & (values[1:-1] >= values[2:]))[0] + 1:
        res = minimize_scalar(lambda x: -phi(x, p, d2, dp), bounds=(grid[i - 1], grid[i + 1]),
                              method="bounded", options={"xatol": 1e-14})
        out.append((res.x, -res.fun))
    return out


# Points of the hard phase: p >= 4 below the critical Deltap (8/27 for p = 4, 3/16 for p = 5).
HARD = [(4, 0.1), (4, 0.2), (4, 0.25), (4, 0.29), (5, 0.1), (5, 0.15), (6, 0.1), (8, 0.05)]


class TestThresholdAmp:
    @given(st.integers(3, 8), delta_ps(0.3, 1e3))
    @example(3, 0.01)
    def test_is_one_without_a_low_branch(self, p, delta_p):
        # Above the critical Deltap (at most 8/27 for every p) and for p = 3: Delta2 = 1.
        assert theory.threshold(p, delta_p, kind="amp") == 1.0

    @pytest.mark.parametrize("p, delta_p", HARD)
    def test_low_fixed_point_is_a_double_root(self, p, delta_p):
        # Independent route: mpmath's multidimensional Newton on the typed map F(m) - m and its
        # slope, started from the low-overlap end; the Delta2 found is the threshold.
        from scipy.optimize import brentq

        d2 = theory.threshold(p, delta_p, kind="amp", dps=30)
        # Start: the low root of U'(m) = 0 for U(m) = 1/(1-m) - m**(p-2)/Deltap, by brentq.
        start = brentq(lambda x: 1 / (1 - x) ** 2 - (p - 2) * x ** (p - 3) / delta_p, 1e-12, (p - 3) / (p - 1))
        with mpmath.workdps(40):
            dp = mpmath.mpf(delta_p)
            m, d2_ref = mpmath.findroot(
                lambda x, y: (amp_map(x, p, y, dp) - x, amp_map_dm(x, p, y, dp) - 1),
                (mpmath.mpf(start), 1 / (1 / (1 - mpmath.mpf(start)) - mpmath.mpf(start) ** (p - 2) / dp)))
            assert 0 < m < mpmath.mpf(p - 3) / (p - 1)
            assert abs(d2_ref - d2) < mpmath.mpf(10) ** -25
        assert d2 < 1

    @pytest.mark.parametrize("p, delta_p", HARD)
    def test_uninformed_state_evolution_switches_at_the_threshold(self, p, delta_p):
        t = theory.threshold(p, delta_p, kind="amp")
        m_c = float(theory.critical_point(p).m)
        above = theory.state_evolution(p=p, delta2=t * (1 + 1e-4), delta_p=delta_p, kind="amp")
        below = theory.state_evolution(p=p, delta2=t * (1 - 1e-4), delta_p=delta_p, kind="amp")
        assert above.converged and below.converged
        assert 0 < above.fixed_point < m_c < below.fixed_point
        for d2, se in ((t * (1 + 1e-4), above), (t * (1 - 1e-4), below)):
            best = max(local_maxima(p, d2, delta_p), key=lambda mv: mv[1])
            if se is below:  # just below: AMP reaches the global maximiser
                assert se.fixed_point == pytest.approx(best[0], abs=1e-7)
            else:  # just above: it stops on the low branch, which is not the global maximiser
                assert phi(se.fixed_point, p, d2, delta_p) < best[1] - 1e-6

    def test_issue_example(self):
        # p = 4, Deltap = 0.1, Delta2 = 0.99: AMP stops near m = 0.011, a fixed point near 0.89
        # has a much larger free entropy (it is above the AMP threshold).
        assert theory.threshold(4, 0.1, kind="amp") < 0.99
        se = theory.state_evolution(p=4, delta2=0.99, delta_p=0.1, kind="amp")
        assert se.fixed_point == pytest.approx(0.011, abs=1e-3)
        high = se.fixed_points[-1][0]
        assert high == pytest.approx(0.89, abs=0.01) and phi(high, 4, 0.99, 0.1) > phi(se.fixed_point, 4, 0.99, 0.1) + 0.1

    def test_done_when_certified_below_one_at_dps_50(self):
        r = theory.threshold(p=4, delta_p=0.2, kind="amp", dps=50, full_output=True)
        assert r.value < 1 and r.dps == 50 and r.error < 1e-55
        assert abs(theory.threshold(p=4, delta_p=0.2, kind="amp", dps=70) - r.value) < mpmath.mpf(10) ** -49

    def test_at_any_dps_and_shape(self):
        assert theory.threshold(5, 3, kind="amp", dps=50) == 1
        assert theory.threshold(5, np.ones(4), kind="amp").shape == (4,)
        assert theory.threshold(5, np.float64(2.0), kind="amp") == 1.0
        out = theory.threshold(4, np.array([[0.1, 1.0], [0.2, 5.0]]), kind="amp")
        assert out.shape == (2, 2) and out[0, 1] == out[1, 1] == 1 and (out[:, 0] < 1).all()

    def test_extreme_inputs_are_finite(self):
        for dp in (1e-300, 1e-30, 1e30, 1e300):
            value = theory.threshold(4, dp, kind="amp")
            assert np.isfinite(value) and 0.9 < value <= 1

    def test_bayes_state_evolution_leaves_zero_below_and_stays_above(self):
        below = theory.state_evolution(p=3, delta2=0.99, delta_p=50, kind="amp")
        above = theory.state_evolution(p=3, delta2=1.01, delta_p=50, kind="amp")
        assert below.fixed_point > 0.01 and above.fixed_point < 1e-6

    def test_refuses_a_mismatched_model(self):
        model = theory.Model(tensors={4: Fraction(1, 5)}, assumed=theory.Model(tensors={4: Fraction(1, 4)}))
        for kind in ("amp", "mmse_jump", "information_theoretic"):
            with pytest.raises(ValueError, match="Bayes-optimal"):
                theory.threshold(model=model, kind=kind)


class TestThresholdMmseJump:
    @pytest.mark.parametrize("p, delta_p", [(4, 0.25), (4, 0.29), (5, 0.15)])
    def test_two_stable_branches_have_equal_free_entropy(self, p, delta_p):
        # Between first_order_delta_p and the critical point: the jump is below Delta2 = 1,
        # between two nonzero overlaps, while the information-theoretic threshold is 1.
        d2 = theory.threshold(p, delta_p, kind="mmse_jump")
        assert theory.threshold(p, delta_p, kind="amp") < d2 < 1
        assert theory.threshold(p, delta_p, kind="information_theoretic") == 1
        maxima = local_maxima(p, d2, delta_p)
        assert len(maxima) == 2
        (ma, fa), (mb, fb) = maxima
        assert 0 < ma < mb and abs(fa - fb) < 1e-12
        # Either side of it the global maximiser is the other branch.
        lo, hi = local_maxima(p, d2 * (1 + 1e-5), delta_p), local_maxima(p, d2 * (1 - 1e-5), delta_p)
        assert lo[0][1] > lo[1][1] and hi[1][1] > hi[0][1]

    @pytest.mark.parametrize("p, delta_p", [(3, 0.5), (4, 0.2), (5, 0.12)])
    def test_equals_information_theoretic_where_the_jump_leaves_zero(self, p, delta_p):
        it = theory.threshold(p, delta_p, kind="information_theoretic", dps=20)
        assert theory.threshold(p, delta_p, kind="mmse_jump", dps=20) == it and it > 1

    def test_nan_in_float_and_an_error_at_dps_without_a_jump(self):
        assert np.isnan(theory.threshold(4, 0.5, kind="mmse_jump"))
        assert np.isnan(theory.threshold(3, 2.0, kind="mmse_jump"))
        with pytest.raises(ValueError, match="does not jump"):
            theory.threshold(4, 0.5, kind="mmse_jump", dps=20)

    def test_certified_digits(self):
        low = theory.threshold(4, "0.25", kind="mmse_jump", dps=40)
        high = theory.threshold(4, "0.25", kind="mmse_jump", dps=60)
        assert abs(low - high) < mpmath.mpf(10) ** -39
        assert float(low) == pytest.approx(theory.threshold(4, 0.25, kind="mmse_jump"), rel=1e-13)

    def test_meets_amp_at_the_critical_point(self):
        c = theory.critical_point(4)
        near = float(c.delta_p) * (1 - 1e-6)
        amp, jump = (theory.threshold(4, near, kind=k) for k in ("amp", "mmse_jump"))
        assert amp < jump and jump - amp < 1e-4 and abs(jump - float(c.delta2)) < 1e-3


class TestCriticalPoint:
    @pytest.mark.parametrize("p", [3, 4, 5, 6, 7, 8, 12])
    def test_triple_root_of_the_map(self, p):
        # Independent: the typed Bayes map with exact rationals (Fractions) at the point.
        c = theory.critical_point(p)
        assert all(isinstance(x, Fraction) for x in (c.delta_p, c.delta2, c.m))
        if p == 3:
            assert (c.delta_p, c.delta2, c.m) == (1, 1, 0)
            return
        m, d2, dp = c.m, c.delta2, c.delta_p
        # G(m) = m/(1-m) - xi'(m) vanishes with the map's fixed points, to the same order
        # (F(m) - m = (1 - m) (xi'(m) - m/(1-m)) / (1 + xi'(m))): check G, G', G'' exactly.
        g0 = m / (1 - m) - (m / d2 + m ** (p - 1) / dp)
        g1 = 1 / (1 - m) ** 2 - (1 / d2 + (p - 1) * m ** (p - 2) / dp)
        g2 = 2 / (1 - m) ** 3 - (p - 1) * (p - 2) * m ** (p - 3) / dp
        assert g0 == g1 == g2 == 0

    def test_values_and_dps(self):
        assert (theory.critical_point(4).delta_p, theory.critical_point(5).delta_p) == (Fraction(8, 27), Fraction(3, 16))
        c = theory.critical_point(7, dps=60)
        with mpmath.workdps(80):
            assert abs(c.delta_p - mpmath.mpf(80) / 729) < mpmath.mpf(10) ** -60

    def test_first_order_onset_lies_below_it(self):
        for p in (4, 5, 6):
            assert theory.first_order_delta_p(p) < float(theory.critical_point(p).delta_p)


class TestOrderOfTheLines:
    @pytest.mark.parametrize("p", [3, 4, 5, 6, 7, 8])
    def test_ml_amp_below_amp_below_one_below_information_theoretic(self, p):
        grid = np.geomspace(0.02, 20, 25)
        ml, amp, it = (theory.threshold(p, grid, kind=k) for k in ("ml_amp", "amp", "information_theoretic"))
        assert np.all(ml < amp) and np.all(amp <= 1) and np.all(it >= 1)
        jump = theory.threshold(p, grid, kind="mmse_jump")
        defined = ~np.isnan(jump)
        assert np.all(amp[defined] < jump[defined]) and np.all((jump[defined] <= it[defined]))


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


class TestStateEvolutionValues:
    def test_keeps_a_fixed_point_on_a_grid_point(self):
        # phi'(m) = 0 at m = 1/2 exactly for p = 3, Delta2 = 1, Deltap = 1/2: 1/(1-m) = 1 + m/Deltap.
        for dps in (None, 30):
            se = theory.state_evolution(p=3, delta2=1, delta_p="0.5", kind="amp", dps=dps, iterations=50)
            ms = [float(m) for m, _ in se.fixed_points]
            assert any(abs(m - 0.5) < 1e-14 for m in ms), ms

    def test_pickles_and_compares(self):
        import pickle

        for dps in (None, 20):
            se = theory.state_evolution(p=4, delta2=0.3, delta_p=1.0, kind="amp", dps=dps)
            back = pickle.loads(pickle.dumps(se))
            assert back == se and back is not se
            assert se != theory.state_evolution(p=4, delta2=0.3, delta_p=1.0, kind="ml_amp", dps=dps)

    def test_model_equals_shorthand_bit_for_bit(self):
        a = theory.state_evolution(p=4, delta2=0.7, delta_p=0.5, kind="amp")
        b = theory.state_evolution(model=theory.Model(0.7, {4: 0.5}), kind="amp")
        assert a == b and np.array_equal(a.iterates, b.iterates)

    def test_mixture_fixed_point_solves_its_own_equation(self):
        # Independent: m/(1-m) = xi'(m) with xi' of a 2+3+4 model typed here.
        model = theory.Model(0.8, {3: 2.0, 4: 1.5})
        se = theory.state_evolution(model=model, kind="amp")
        m = se.fixed_point
        assert se.converged and m > 0.1
        assert abs(m / (1 - m) - (m / 0.8 + m**2 / 2.0 + m**3 / 1.5)) < 1e-10
        ml = theory.state_evolution(model=model, kind="ml_amp")
        x1, x1_one = ml.fixed_point / 0.8 + ml.fixed_point**2 / 2.0 + ml.fixed_point**3 / 1.5, 1 / 0.8 + 1 / 2.0 + 1 / 1.5
        assert abs(ml.fixed_point - x1 / np.sqrt(x1**2 + x1_one)) < 1e-10

    def test_pure_tensor_stays_at_zero_from_an_uninformed_start(self):
        se = theory.state_evolution(model=theory.Model(None, {3: 0.1}), kind="amp")
        assert se.fixed_point < 1e-30 and se.fixed_points[0] == (0.0, True) and se.delta2 is None
        assert theory.state_evolution(model=theory.Model(None, {3: 0.1}), kind="amp", m0=0.9).fixed_point > 0.8

    def test_refuses_a_mismatched_model_and_both_spellings(self):
        mismatched = theory.Model(0.5, {3: 1}, assumed=theory.Model(0.5, {3: 2}))
        with pytest.raises(ValueError, match="Bayes-optimal"):
            theory.state_evolution(model=mismatched, kind="amp")
        with pytest.raises(ValueError, match="not both"):
            theory.state_evolution(model=theory.Model(0.5, {3: 1}), p=4, kind="amp")  # p disagrees


class TestAnyPrecision:
    # Every reference string below is reproduced to its last digit by an independent route,
    # tests/references/bayes_lines.py: the paper's free entropy (arXiv:1902.00139, sections 2-3)
    # with mpmath.diff and mpmath.findroot at 40 digits, not the toolkit's kernels or solvers;
    # "1" is the continuous transition at Delta2 = 1 (the Bayes AMP slope at m = 0 is 1/Delta2).
    CASES = [
        ("tensor_recovery", lambda dps: theory.tensor_recovery_delta_p(4, dps=dps), "0.12652429462230736185"),
        ("first_order", lambda dps: theory.first_order_delta_p(4, dps=dps), "0.23780550346110454338"),
        ("it_continuous", lambda dps: theory.threshold(4, 1.0, kind="information_theoretic", dps=dps), "1"),
        ("it_first_order", lambda dps: theory.threshold(4, "0.2", kind="information_theoretic", dps=dps),
         "1.2033456959910084383"),
        ("amp", lambda dps: theory.threshold(4, "0.2", kind="amp", dps=dps), "0.93900456787136725202"),
        ("mmse_jump", lambda dps: theory.threshold(4, "0.25", kind="mmse_jump", dps=dps), "0.96475350422415058004"),
    ]

    @pytest.mark.parametrize("dps", [1, 2, 80])
    @pytest.mark.parametrize("name, fn, ref", CASES, ids=[c[0] for c in CASES])
    def test_agrees_with_a_higher_precision(self, name, fn, ref, dps):
        # The reference digits (20) are themselves checked against dps = 80 here.
        value = fn(dps)
        with mpmath.workdps(max(dps, 20) + 5):
            assert abs(value - mpmath.mpf(ref)) <= abs(value) * mpmath.mpf(10) ** (-min(dps, 20) + 1)

    @pytest.mark.slow
    @pytest.mark.parametrize("name, fn, ref", CASES, ids=[c[0] for c in CASES])
    def test_dps_1000(self, name, fn, ref):
        high, low = fn(1000), fn(980)
        with mpmath.workdps(1010):
            assert abs(high - low) <= abs(high) * mpmath.mpf(10) ** -979
            assert abs(high - mpmath.mpf(ref)) <= abs(high) * mpmath.mpf(10) ** -19

    def test_float_kinds_finite_over_the_double_range(self):
        for kind in ("ml_amp", "amp", "information_theoretic"):
            for dp in (1e-300, 1e-100, 1e100, 1e300):
                value = theory.threshold(4, dp, kind=kind)
                assert value > 0 and not np.isnan(value), (kind, dp)


class TestMlAmpAnyChannels:
    def test_mixture_threshold_has_map_slope_one(self):
        # Independent: the typed ML-AMP map of a 2+3+4 model has slope 1 at m -> 0 at the threshold.
        model = theory.Model(tensors={3: Fraction(1, 2), 4: Fraction(3, 2)})
        d2 = theory.threshold(model=model, kind="ml_amp", dps=40)
        with mpmath.workdps(40):
            small = mpmath.mpf("1e-25")
            x1 = lambda m: m / d2 + m**2 * 2 + m**3 / mpmath.mpf(1.5)  # noqa: E731
            slope = x1(small) / mpmath.sqrt(x1(small) ** 2 + x1(1)) / small
            assert abs(slope - 1) < mpmath.mpf("1e-20")
        assert float(d2) == pytest.approx(theory.threshold(model=model, kind="ml_amp"), rel=1e-14)

    def test_one_channel_model_equals_shorthand(self):
        assert theory.threshold(model=theory.Model(tensors={5: 0.7}), kind="ml_amp") == theory.threshold(5, 0.7, kind="ml_amp")

    def test_refuses_a_mismatched_model(self):
        model = theory.Model(tensors={3: 1}, assumed=theory.Model(tensors={3: 2}))
        with pytest.raises(ValueError, match="Bayes-optimal"):
            theory.threshold(model=model, kind="ml_amp")


class TestStateEvolutionFloatRangeFinite:
    @pytest.mark.parametrize("kind", ["amp", "ml_amp"])
    def test_finite_over_the_double_range(self, kind):
        vals = [1e-300, 1e-10, 1.0, 1e10, 1e300]
        for d2 in vals:
            for dp in vals:
                se = theory.state_evolution(p=4, delta2=d2, delta_p=dp, kind=kind, iterations=500)
                assert np.all(np.isfinite(se.iterates)) and all(np.isfinite(m) for m, _ in se.fixed_points)
                assert all(0 <= m < 1 for m, _ in se.fixed_points)


class TestStateEvolutionFloatRangeRefusals:
    @pytest.mark.parametrize("kw", [dict(delta2="1e-400", delta_p=1.0), dict(delta2=0.5, delta_p=1e-320),
                                    dict(delta2="1e400", delta_p=1.0)])
    def test_variance_beyond_float64_is_refused(self, kw):
        with pytest.raises(ValueError, match="beyond the float64 range.*pass dps="):
            theory.state_evolution(p=3, **kw)

    def test_same_variance_with_dps(self):
        se = theory.state_evolution(p=3, delta2="1e400", delta_p=1.0, kind="amp", iterations=200, dps=20)
        assert se.converged

    def test_huge_tol(self):
        se = theory.state_evolution(p=3, delta2=0.5, delta_p=1.0, tol="1e400")
        assert se.converged and len(se.iterates) >= 1
