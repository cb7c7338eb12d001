"""derivations/message_passing.py: the symbolic identities behind the message-passing lines."""

import mpmath
import pytest
import sympy as sp

from derivations import message_passing as MP
from derivations.hessian import semicircle_scale, theta
from derivations.model import MODEL, SpikedModel
from derivations.symbols import Delta2, Deltap, at_zero, m, p, q

SAMPLES = [{p: pp, Delta2: sp.Rational(d2), Deltap: sp.Rational(dp)}
           for pp in (3, 4, 7) for d2, dp in (("1/3", "2"), ("7/5", "1/4"), ("5", "30"))]


class TestMlAmp:
    def test_slope_at_zero_is_theta_over_sqrt_xi_prime_one(self):
        expected = at_zero(theta(MODEL), m) / sp.sqrt(MODEL.xi_d(1, 1))
        assert sp.simplify(MP.ml_amp_slope_at_zero() - expected) == 0

    def test_slope_matches_a_difference_quotient_of_the_map(self):
        # Independent route: the map evaluated numerically at a tiny overlap.
        for sample in SAMPLES:
            f = sp.lambdify(m, MP.ml_amp_map().subs(sample), "mpmath")
            with mpmath.workdps(50):
                quotient = f(mpmath.mpf("1e-20")) / mpmath.mpf("1e-20")
                slope = MP.ml_amp_slope_at_zero().subs(sample).evalf(50)
                assert abs(quotient - slope) < mpmath.mpf("1e-15")

    def test_threshold_solves_the_instability_condition(self):
        condition = MP.ml_amp_instability().subs(Delta2, MP.ml_amp_threshold())
        for dp in (sp.Rational(1, 7), 1, 3, 100):
            assert abs(condition.subs(Deltap, dp).evalf(40)) < 1e-35

    def test_threshold_is_the_paper_form(self):
        # arXiv:1902.00139: Delta2_ML-AMP = (sqrt(Deltap**2 + 4 Deltap) - Deltap)/2.
        paper = (sp.sqrt(Deltap**2 + 4 * Deltap) - Deltap) / 2
        for dp in (sp.Rational(1, 3), 1, 2, 50):
            assert abs((MP.ml_amp_threshold() - paper).subs(Deltap, dp).evalf(40)) < 1e-35

    def test_threshold_differs_from_gradient_flow_by_xi_second_under_the_root(self):
        # GF: theta(0) = sqrt(xi''(1)); ML-AMP: theta(0) = sqrt(xi'(1)); here xi'(1) < xi''(1).
        assert sp.simplify(MODEL.xi_d(2, 1) - MODEL.xi_d(1, 1) - (p - 2) / Deltap) == 0
        assert semicircle_scale(MODEL) ** 2 == MODEL.xi_d(2, 1)

    def test_fixed_point_equation_implies_the_gradient_flow_end_state(self):
        assert MP.ml_amp_fixed_point_residual() == 0


class TestAmp:
    def test_slope_at_zero_is_one_over_delta2(self):
        assert sp.simplify(MP.amp_slope_at_zero() - 1 / Delta2) == 0

    @pytest.mark.parametrize("order", [3, 4, 5, 8, 20])
    def test_threshold_is_one_for_every_p(self, order):
        model = SpikedModel(xi=sp.Lambda(q, q**2 / (2 * Delta2) + q**order / (order * Deltap)),
                            g=sp.Lambda(q, q**2 / (2 * Delta2) + q**order / (order * Deltap)))
        assert MP.amp_threshold(model) == 1
        assert MP.amp_threshold() == 1


class TestFreeEntropy:
    def test_value_at_zero_is_zero(self):
        assert at_zero(MP.free_entropy(), m) == 0

    def test_derivatives_are_those_of_phi(self):
        phi = MP.free_entropy()
        assert sp.simplify(sp.diff(phi, m) - MP.free_entropy_dm()) == 0
        assert sp.simplify(sp.diff(phi, m, 2) - MP.free_entropy_dm2()) == 0

    def test_stationary_points_are_the_bayes_fixed_points(self):
        assert MP.free_entropy_stationarity() == 0

    def test_log1p_form_is_the_same_function(self):
        kernel = {k.name: k.expr for k in MP.KERNELS}["free_entropy"]
        for sample in SAMPLES:
            for mm in (sp.Rational(1, 1000), sp.Rational(1, 2), sp.Rational(99, 100)):
                diff = (kernel - MP.free_entropy()).subs(sample).subs(m, mm)
                assert abs(sp.N(diff, 40)) < 1e-35

    def test_reduced_function_vanishes_on_equal_height_points(self):
        # Independent route: solve phi = 0 = phi' for (m, Delta2) with mpmath's multidimensional
        # Newton on lambdified SymPy expressions, then evaluate the reduced function there.
        sample = {p: 3, Deltap: sp.Rational(1, 2)}
        phi = MP.free_entropy().subs(sample)
        f = sp.lambdify((m, Delta2), [phi, sp.diff(phi, m)], "mpmath")
        with mpmath.workdps(40):
            mm, d2 = mpmath.findroot(lambda a, b: f(a, b), (mpmath.mpf("0.4"), mpmath.mpf("1.2")))
            reduced = MP.it_reduced().subs(sample).subs(m, sp.Float(mm, 40))
            assert abs(sp.N(reduced, 30)) < 1e-30
            u = MP.inverse_delta2_stationary().subs(sample).subs(m, sp.Float(mm, 40))
            assert abs(sp.N(1 / u, 30) - d2) < 1e-30

    def test_tricritical_point_of_p3_is_deltap_one(self):
        assert MP.tricritical_delta_p() == 1
        # At Delta2 = 1 = Deltap the series of phi starts at m**4 with a negative coefficient.
        phi = MP.free_entropy().subs({Delta2: 1, Deltap: 1, p: 3})
        series = sp.series(phi, m, 0, 5).removeO()
        assert [series.coeff(m, k) for k in range(4)] == [0, 0, 0, 0]
        assert series.coeff(m, 4) < 0

    def test_onset_line_is_stationary_at_unit_delta2(self):
        dp = MP.delta_p_stationary_on_line(MODEL, sp.Integer(1))
        dphi = MP.free_entropy_dm().subs({Delta2: 1}).subs(Deltap, dp)
        for pp in (4, 5, 9):
            for mm in (sp.Rational(1, 3), sp.Rational(4, 5)):
                assert sp.simplify(dphi.subs({p: pp, m: mm})) == 0


class TestHardPhase:
    def test_fixed_point_map_factors_through_phi_prime(self):
        assert MP.bayes_fixed_point_factor() == 0

    def test_spinodal_reduced_is_minus_m_squared_u_prime(self):
        # On the branch 1/Delta2 = U(m) the reduced function is -m**2 U'(m) (matrix-tensor model).
        U = MP.inverse_delta2_stationary()
        reduced = MP.amp_spinodal_reduced(MODEL)
        identity = sp.powsimp(sp.expand(sp.cancel(reduced + m**2 * sp.diff(U, m))), force=True)
        assert sp.simplify(identity) == 0

    def test_jets_kernels_reproduce_the_matrix_tensor_instance(self):
        # Substituting the jets of q**p/(p Deltap) into the jets kernels gives the instance.
        kernels = {k.name: k for k in MP.KERNELS}
        tensor = q**p / (p * Deltap)
        values = {sp.Symbol(f"{pre}xi_m", real=True): sp.diff(tensor, q, k).subs(q, m)
                  for k, pre in enumerate(("", "d", "d2", "d3"))}
        checks = {
            "bayes_fixed_point": MP.bayes_fixed_point(MODEL),
            "inverse_delta2_fixed_point": MP.inverse_delta2_stationary(MODEL),
            "amp_spinodal_reduced": MP.amp_spinodal_reduced(MODEL),
            "free_entropy_jets": MP.free_entropy(MODEL),
        }
        for name, expected in checks.items():
            got = kernels[name].expr.xreplace(values)
            for sample in SAMPLES:
                for mm in (sp.Rational(1, 7), sp.Rational(3, 4)):
                    diff = (got - expected).subs(sample).subs(m, mm)
                    assert abs(sp.N(diff, 40)) < 1e-30, name

    @pytest.mark.parametrize("order", [4, 5, 6, 7, 8, 11])
    def test_critical_point_is_a_triple_root_of_the_map(self, order):
        # F(m) = amp_map(m) - m and its first two derivatives vanish exactly there.
        dp, d2, mc = (x.subs(p, order) for x in MP.critical_point())
        F = (MP.amp_map() - m).subs(p, order)
        for k in range(3):
            assert sp.simplify(sp.diff(F, m, k).subs({Deltap: dp, Delta2: d2, m: mc})) == 0
        assert sp.simplify(sp.diff(F, m, 3).subs({Deltap: dp, Delta2: d2, m: mc})) != 0

    def test_critical_point_for_symbolic_p(self):
        dp, d2, mc = MP.critical_point()
        U = MP.inverse_delta2_stationary()
        at = {Deltap: dp, m: mc}
        assert sp.simplify(sp.powsimp(sp.expand(U.subs(at) - 1 / d2), force=True)) == 0
        for k in (1, 2):
            assert sp.simplify(sp.powsimp(sp.expand(sp.diff(U, m, k).subs(at)), force=True)) == 0

    def test_critical_point_of_p3_is_the_tricritical_point(self):
        assert [x.subs(p, 3) for x in MP.critical_point()] == [1, 1, 0]
        assert MP.tricritical_delta_p() == 1


def test_the_level_and_its_reduced_function_are_derived_consistently():
    import sympy as sp

    from derivations import message_passing as D
    from derivations.model import to_jets

    m = D.m
    model = D.bayes_tensor_model()
    level, reduced, spin, u = (to_jets(f(model)) for f in (D.equal_height_level, D.equal_height_reduced,
                                                             D.amp_spinodal_reduced, D.inverse_delta2_fixed_point))
    # d/dm (2 phi on the branch) = -amp_spinodal_reduced/2 once the jets are differentiated
    # (d xi_m/dm = dxi_m, d dxi_m/dm = d2xi_m); V' = 2 (U - V)/m
    xi0, xi1, xi2 = (sp.Symbol(n, real=True) for n in ("xi_m", "dxi_m", "d2xi_m"))

    def total(expr):
        return sp.diff(expr, m) + sp.diff(expr, xi0) * xi1 + sp.diff(expr, xi1) * xi2

    at = {m: sp.Rational(3, 7), xi0: sp.Rational(1, 5), xi1: sp.Rational(2, 3), xi2: sp.Rational(5, 2)}
    for lhs, rhs in ((total(reduced), -spin / 2), (total(level), 2 * (u - level) / m)):
        assert abs(sp.N((lhs - rhs).subs(at), 40)) < 1e-35
