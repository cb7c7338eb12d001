"""Cross-checks between independently derived parts of the theory.

Each test compares two routes that share no formula: the Kac-Rice landscape, the DMFT of
gradient flow, message-passing state evolution and the Hessian/BBP analysis.
"""

import math

from hypothesis import given

import theory
from numerics import dmft
from theory.testing import delta2s, delta_ps, ps


class TestThresholdStates:
    @given(ps(8), delta2s(0.05, 20), delta_ps(0.05, 20))
    def test_kac_rice_threshold_energy_is_the_dmft_aging_energy(self, p, delta2, delta_p):
        # Definition (a) of spec/theory.md (marginal typical points, Kac-Rice) against the
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
