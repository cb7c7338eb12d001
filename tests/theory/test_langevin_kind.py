"""theory.threshold(kind="langevin"): the BBP line of the marginal aging states at temperature T."""

import math

import mpmath
import pytest

import theory


@pytest.mark.parametrize("delta_p", [0.3, 0.5, 1.0, 1.7])
def test_p3_at_the_bayes_temperature_is_sqrt_half_delta_p(delta_p):
    # by hand: xi_T''(q) = 2 q / Delta_p at p = 3, so 1 - D - D^2 xi_T''(1 - D) factorises as
    # (1 - D)(1 - 2 D^2 / Delta_p), whose first root is sqrt(Delta_p / 2) for Delta_p < 2
    assert theory.threshold(3, delta_p, kind="langevin") == pytest.approx(math.sqrt(delta_p / 2), rel=1e-12)


def test_zero_temperature_is_the_gradient_flow_line_for_a_mixture():
    model = theory.Model(tensors={3: 1.0, 4: 2.0})
    got = theory.threshold(model=model, kind="langevin", temperature=0)
    assert got == pytest.approx(theory.threshold(model=model), rel=1e-12)


def test_between_gradient_flow_and_one_and_increasing_in_temperature():
    values = [theory.threshold(3, 1.0, kind="langevin", temperature=t) for t in (0, 0.25, 0.5, 0.75, 1)]
    assert values[0] == pytest.approx(0.5, rel=1e-12)
    assert all(a < b for a, b in zip(values, values[1:]))
    assert values[-1] < 1


def test_certified_digits_agree_with_float():
    exact = theory.threshold(3, 1, kind="langevin", dps=40)
    with mpmath.workdps(60):
        assert abs(exact - mpmath.sqrt(mpmath.mpf(1) / 2)) < mpmath.mpf(10) ** -39


@pytest.mark.parametrize("bad", [2, -0.1, [0.5, 1.0], "hot", float("nan")])
def test_temperature_outside_zero_one_is_refused(bad):
    with pytest.raises(ValueError, match="temperature"):
        theory.threshold(3, 1.0, kind="langevin", temperature=bad)
