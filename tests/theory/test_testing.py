"""theory.testing strategies honour their bounds; theory.checks hold (each from an independent route)."""

import pytest
from hypothesis import given, settings, strategies as st

import theory
from theory import checks, testing


class TestStrategiesHonourBounds:
    @given(testing.parameters(p=st.just(3), delta2=testing.delta2s(0.5, 0.5), m=0.25))
    def test_parameters_takes_strategies_and_values(self, params):
        assert params["p"] == 3 and params["delta2"] == 0.5 and params["m"] == 0.25
        assert 1e-3 <= params["delta_p"] <= 1e3 and -50 <= params["mu"] <= 50

    @given(testing.delta2s(0.1, 10.0), testing.delta_ps(1e-300, 1e300))
    def test_variances_inside_their_bounds(self, d2, dp):
        assert 0.1 <= d2 <= 10.0 and 1e-300 <= dp <= 1e300

    @given(testing.ps(5, min_value=4), testing.overlaps(0.5, nonnegative=True), testing.mus(2.0))
    def test_orders_overlaps_multipliers(self, p, m, mu):
        assert 4 <= p <= 5 and 0 <= m <= 0.5 and -2 <= mu <= 2

    @pytest.mark.parametrize("make", [lambda: testing.ps(2), lambda: testing.ps(5, min_value=6),
                                      lambda: testing.delta2s(0, 1), lambda: testing.delta_ps(2, 1),
                                      lambda: testing.delta2s(1, float("inf")), lambda: testing.overlaps(1.0),
                                      lambda: testing.mus(float("nan"))])
    def test_bad_bounds_are_refused(self, make):
        with pytest.raises(ValueError):
            make()

    def test_unknown_parameter_is_refused(self):
        with pytest.raises(TypeError, match="unknown"):
            testing.parameters(q=0.5)

    def test_hessian_runs_on_parameters(self):
        @settings(max_examples=20)
        @given(testing.parameters(p=st.integers(3, 4)))
        def inner(params):
            assert params["p"] in (3, 4)
            theory.hessian(**params)

        inner()


class TestLandscapeChecks:
    @given(testing.ps(8), testing.delta_ps(1e-2, 1e2))
    def test_pure_p_spin_complexity(self, p, delta_p):
        checks.check_complexity_pure_p_spin(p, delta_p)

    @given(testing.ps(8), testing.delta_ps(1e-2, 1e2))
    def test_pure_p_spin_threshold_energy(self, p, delta_p):
        checks.check_threshold_energy_pure_p_spin(p, delta_p)

    def test_the_check_can_fail(self):
        with pytest.raises(AssertionError):
            checks.check_complexity_pure_p_spin(3, 1.0, rtol=-1.0)


class TestBayesOptimalChecks:
    @given(testing.ps(8), testing.delta_ps(1e-2, 1e2))
    def test_amp_is_spectral(self, p, delta_p):
        checks.check_amp_threshold_is_spectral(p, delta_p)

    @given(testing.ps(8), testing.delta_ps(1e-2, 1e2))
    def test_ml_amp_closed_form_and_order(self, p, delta_p):
        checks.check_ml_amp_closed_form(p, delta_p)
        checks.check_thresholds_ordered(p, delta_p)

    @pytest.mark.parametrize("p, delta_p", [(3, 0.5), (3, 0.8), (4, 0.5), (3, 2.0)])
    def test_it_is_equal_height(self, p, delta_p):
        checks.check_it_threshold_is_equal_height(p, delta_p)

    def test_it_check_fails_off_the_line(self, monkeypatch):
        real = checks.threshold
        monkeypatch.setattr(checks, "threshold", lambda p, d, kind="gradient_flow": 1.02 * real(p, d, kind=kind))
        with pytest.raises(AssertionError):
            checks.check_it_threshold_is_equal_height(3, 0.5)


class TestDynamicsChecks:
    @pytest.mark.parametrize("p, delta2, delta_p", [(3, 0.35, 1.0), (4, 0.3, 1.0), (3, 0.2, 0.5)])
    def test_gradient_flow_end_state(self, p, delta2, delta_p):
        checks.check_gradient_flow_reaches_ml_amp_fixed_point(p, delta2, delta_p)

    def test_refuses_above_threshold(self):
        with pytest.raises(AssertionError, match="not below"):
            checks.check_gradient_flow_reaches_ml_amp_fixed_point(3, 0.6, 1.0)
