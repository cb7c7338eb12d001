"""Tests of derivations/langevin.py: the aging states at temperature T and the Langevin line."""

import sympy as sp
import pytest

from derivations import dmft, langevin
from derivations.langevin import T
from derivations.model import SpikedModel, generic, jet, to_jets
from derivations.symbols import Delta2, Deltap, q
from derivations.thresholds import gradient_flow_threshold_channels


def _pure(order: int) -> SpikedModel:
    xi = sp.Lambda(q, q**order / 2)
    return SpikedModel(xi=xi, g=xi)


class TestAgingEquations:
    def test_fdt_ratio_solves_the_one_step_plateau_equation(self):
        # 1RSB plateau equation of the spherical models: xi'(q)/T^2 = q/((1 - q)(1 - q + x q))
        model = generic()
        x = langevin.fdt_ratio(model)
        lhs = model.xi_d(1, q) / T**2
        assert sp.simplify(lhs - q / ((1 - q) * (1 - q + x * q))) == 0

    def test_response_equation_agrees_with_the_c_and_mu_equations(self):
        # mu from the integrated R equation equals mu from the mu equation at the ratio x fixed by
        # the C equation: three equations, two unknowns, consistent
        model = generic()
        mu_eq, _ = langevin.aging_equations(model)
        x = langevin.fdt_ratio(model)
        (mu_from_mu_eq,) = sp.solve(mu_eq.subs(langevin._x, x), langevin._mu)
        assert sp.simplify(mu_from_mu_eq - langevin.response_multiplier(model)) == 0

    def test_pure_3_spin_dynamical_transition(self):
        # spherical 3-spin, xi = q^3/2: the dynamical transition (x = 1 on the marginal plateau)
        # is at T_d = sqrt(3/8), q_d = 1/2 (Crisanti-Horner-Sommers 1993; Cugliandolo-Kurchan 1993)
        model = _pure(3)
        x = langevin.fdt_ratio(model)
        sols = sp.solve([langevin.marginality(model), x - 1], [q, T], dict=True)
        good = [s for s in sols if s[T].is_positive and 0 < s[q] < 1]
        assert len(good) == 1
        assert good[0][q] == sp.Rational(1, 2)
        assert sp.simplify(good[0][T] - sp.sqrt(sp.Rational(3, 8))) == 0

    def test_marginality_is_the_double_root_of_the_equilibrium_plateau(self):
        # at x = 1 the plateau function of equilibrium dynamics, (xi'(q)(1 - q) - T^2 q)/T, has a
        # double root exactly where (1 - q)^2 xi''(q) = T^2 (the mode-coupling bifurcation)
        xi1, xi2 = sp.symbols("xi1 xi2", positive=True)
        model = generic()
        mu_eq, c_eq = langevin.aging_equations(model)
        (mu,) = sp.solve(mu_eq.subs(langevin._x, 1), langevin._mu)
        plateau = c_eq.subs({langevin._x: 1, langevin._mu: mu})
        jets = {jet("xi", 1, q): xi1, jet("xi", 2, q): xi2}
        value, slope = (to_jets(e).subs(jets) for e in (plateau, sp.diff(plateau, q)))
        (xi1_at_root,) = sp.solve(value, xi1)
        at_root = sp.simplify(slope.subs(xi1, xi1_at_root))
        assert sp.simplify(at_root * (1 - q) * T - ((1 - q) ** 2 * xi2 - T**2)) == 0

    def test_zero_temperature_aging_slope(self):
        # x/T on the marginal plateau tends, as T -> 0, to the slope y of the T = 0 one-step aging
        # state of derivations/dmft.py (pure 3-spin)
        model = _pure(3)
        x = langevin.fdt_ratio(model)
        (t_of_q,) = [s for s in sp.solve(langevin.marginality(model), T) if s.subs(q, sp.Rational(1, 2)) > 0]
        limit = sp.limit((x / T).subs(T, t_of_q), q, 1, "-")
        assert sp.simplify(limit - dmft.aging_state(model)["y"]) == 0


class TestThresholdConditions:
    def test_escape_is_the_bbp_condition_of_the_marginal_states(self):
        # g''(0) > mu - Sigma_F = 1/chi = T/(1 - q)
        model = generic()
        esc = langevin.escape_condition(model)
        assert sp.simplify(esc - (model.g_d(2, 0) - T / (1 - q))) == 0

    def test_zero_temperature_is_the_gradient_flow_threshold(self):
        c = langevin.threshold_conditions()
        assert c["plateau"].subs(T, 0) == 1
        residual = c["residual"].subs(jet("xi", 2, q), jet("xi", 2, 1))
        roots = [r for r in sp.solve(residual, Delta2) if r.subs(jet("xi", 2, 1), 1).is_positive]
        assert len(roots) == 1
        assert sp.simplify(roots[0] - gradient_flow_threshold_channels()) == 0

    def test_p3_at_the_bayes_temperature_factors(self):
        # xi_T = q^3/(3 Deltap): xi_T''(q) = 2 q/Deltap, q = 1 - Delta2 at T = 1
        c = langevin.threshold_conditions()
        plateau = c["plateau"].subs(T, 1)
        r = c["residual"].subs(jet("xi", 2, q), 2 * plateau / Deltap)
        assert sp.simplify(r - (1 - Delta2) * (1 - 2 * Delta2**2 / Deltap)) == 0

    def test_slope_is_the_total_derivative(self):
        # the residual along q = 1 - T Delta2 for the p = 3 model, differentiated directly
        c = langevin.threshold_conditions()
        plateau = c["plateau"]
        direct = sp.diff(c["residual"].subs(jet("xi", 2, q), 2 * plateau / Deltap), Delta2)
        via = c["slope"].subs({jet("xi", 2, q): 2 * plateau / Deltap, jet("xi", 3, q): 2 / Deltap})
        assert sp.simplify(direct - via) == 0

    def test_kernel_arguments_are_free_symbols(self):
        for kernel in langevin.KERNELS:
            assert kernel.expr.free_symbols == set(kernel.args)
            assert not kernel.expr.atoms(sp.Float)


@pytest.mark.parametrize("order", [3, 4])
def test_paramagnet_boundary_at_the_bayes_temperature(order):
    # at T = 1 the root Delta2 = 1 (plateau q = 0) is always present: xi_T''(0) = 0 for orders >= 3
    c = langevin.threshold_conditions()
    d2 = sp.diff(q**order / (order * Deltap), q, 2)
    r = c["residual"].subs(jet("xi", 2, q), d2.subs(q, c["plateau"])).subs(T, 1)
    assert sp.simplify(r.subs(Delta2, 1)) == 0
