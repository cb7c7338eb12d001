"""Cross-checks between independently derived parts of the theory.

Each test compares two routes that share no formula: the Kac-Rice landscape, the DMFT of
gradient flow, message-passing state evolution and the Hessian/BBP analysis.
"""

import math

import pytest
from hypothesis import given

import theory
from numerics import dmft
from theory.testing import delta2s, delta_ps, ps


class TestThresholdStates:
    @given(ps(8), delta2s(0.05, 20), delta_ps(0.05, 20))
    def test_kac_rice_threshold_energy_is_the_dmft_aging_energy(self, p, delta2, delta_p):
        # Definition (a) of docs/model.md (marginal typical points, Kac-Rice) against the
        # one-step aging solution of the DMFT equations (derivations/dmft.py).
        landscape = theory.threshold_energy(p=p, delta2=delta2, delta_p=delta_p)
        dynamics = dmft.aging_state(p, delta2, delta_p)["energy"]
        assert math.isclose(landscape, dynamics, rel_tol=1e-12, abs_tol=1e-12)

    @given(ps(8), delta2s(0.05, 20), delta_ps(0.05, 20))
    def test_aging_states_are_marginal(self, p, delta2, delta_p):
        mu = dmft.aging_state(p, delta2, delta_p)["mu"]
        h = theory.hessian(p=p, delta2=delta2, delta_p=delta_p, m=0.0, mu=mu)
        assert abs(h.bulk_edges[0]) <= 1e-12 * mu


class TestSuccessfulEndState:
    @given(ps(8), delta_ps(0.2, 5))
    def test_ml_amp_fixed_point_is_the_gradient_flow_end_state(self, p, delta_p):
        delta2 = 0.8 * theory.threshold(p, delta_p)
        end = dmft.success_state(p, delta2, delta_p)
        se = theory.state_evolution(p=p, delta2=delta2, delta_p=delta_p, kind="ml_amp")
        stable = [m for m, is_stable in se.fixed_points if is_stable]
        assert math.isclose(max(stable), end["m"], rel_tol=1e-9)
        assert math.isclose(se.fixed_point, end["m"], rel_tol=1e-6)  # where the iteration went

    @given(ps(8), delta_ps(0.2, 5))
    def test_end_state_is_a_local_minimum(self, p, delta_p):
        # The DMFT end state (m*, mu*) put into the Hessian of spec section 3: every
        # eigenvalue, the BBP outlier included, is >= 0.
        delta2 = 0.8 * theory.threshold(p, delta_p)
        end = dmft.success_state(p, delta2, delta_p)
        h = theory.hessian(p=p, delta2=delta2, delta_p=delta_p, m=end["m"], mu=end["mu"])
        assert h.is_minimum


def _mixture_jets(channels):
    """xi = g = sum_k q**k/(k Delta_k) of a Bayes-optimal mixture, by hand: (xi, xi', xi'') at 1
    and g'(m) as a function."""
    c = {k: 1 / (k * d) for k, d in channels.items()}
    xi = sum(c.values())
    xi1 = sum(k * ck for k, ck in c.items())
    xi2 = sum(k * (k - 1) * ck for k, ck in c.items())
    return xi, xi1, xi2, (lambda m: sum(k * ck * m ** (k - 1) for k, ck in c.items()))


class TestMixtures:
    """The same cross-checks on a 2+3+4 mixture (theory.Model), against formulas typed here."""

    @given(delta2s(0.05, 20), delta_ps(0.05, 20), delta_ps(0.05, 20))
    def test_threshold_energy_is_the_one_step_aging_energy(self, d2, d3, d4):
        # T = 0 aging solution of the DMFT (docs/dynamics.md) for any xi: chi = 1/s,
        # y = (2 s - chi (xi'(1) + xi''(1)))/xi'(1), e = -chi xi'(1) - y xi(1)
        xi, xi1, xi2, _ = _mixture_jets({2: d2, 3: d3, 4: d4})
        s = math.sqrt(xi2)
        chi = 1 / s
        y = (2 * s - chi * (xi1 + xi2)) / xi1
        value = theory.threshold_energy(model=theory.Model(d2, {3: d3, 4: d4}))
        assert math.isclose(value, -chi * xi1 - y * xi, rel_tol=1e-12, abs_tol=1e-12)

    def test_the_gradient_flow_end_state_is_an_isolated_zero_of_the_complexity(self):
        # g'(m)**2 (1 - m**2) = m**2 xi'(1) (docs/your_model.md, the flow's end state) is where the
        # Kac-Rice complexity Sigma(m) touches 0 from below
        from scipy.optimize import brentq

        channels = {2: 0.3, 3: 1.0, 4: 2.0}
        _, xi1, _, g1 = _mixture_jets(channels)
        r = brentq(lambda m: g1(m) ** 2 * (1 - m * m) - m * m * xi1, 0.3, 0.999, xtol=1e-15)
        model = theory.Model(0.3, {3: 1.0, 4: 2.0})
        assert abs(theory.complexity(r, model=model)) < 1e-11
        assert max(theory.complexity([r - 1e-3, r + 1e-3], model=model)) < 0
        # and the point is a minimum there (BBP outlier above 0 at the maximising mu)
        assert theory.complexity_of_minima(r, model=model) == pytest.approx(0.0, abs=1e-11)
