"""The core derivations: covariance, Hessian, gradient-flow threshold (spec sections 2-4)."""

import re

import sympy as sp

from derivations import expressions
from derivations.hessian import semicircle_scale, theta
from derivations.model import MODEL
from derivations.symbols import Delta2, Deltap, at_zero, m, mu, p, q
from derivations.thresholds import gradient_flow_threshold


class TestModel:
    def test_derivatives_match_direct_differentiation_at_fixed_p(self):
        # The collected general-p derivatives equal SymPy's derivative of the instance.
        for p_value in (3, 4, 7):
            xi = MODEL.xi.expr.subs(p, p_value)
            for k in (1, 2, 3):
                general = MODEL.xi_d(k, q).subs(p, p_value)
                assert sp.simplify(general - sp.diff(xi, q, k)) == 0

    def test_signal_equals_covariance(self):
        # Bayes-optimal (Nishimori) structure of the matrix-tensor model: g = xi.
        assert MODEL.g == MODEL.xi

    def test_at_zero_uses_p_at_least_3(self):
        assert at_zero(MODEL.xi_d(2, q), q) == 1 / Delta2
        assert at_zero(MODEL.xi_d(1, q), q) == 0


class TestGradientFlowThreshold:
    def test_equals_closed_form_of_the_spec(self):
        textbook = (sp.sqrt(Deltap**2 + 4 * (p - 1) * Deltap) - Deltap) / (2 * (p - 1))
        derived = gradient_flow_threshold()
        assert sp.simplify(sp.radsimp(derived - textbook)) == 0

    def test_is_the_bbp_point_of_the_marginal_states(self):
        # theta(0) and s are positive, so theta(0) = s iff theta(0)**2 = s**2.
        derived = gradient_flow_threshold()
        gap = at_zero(theta(MODEL), m) ** 2 - semicircle_scale(MODEL) ** 2
        assert sp.simplify(sp.radsimp(gap.subs(Delta2, derived))) == 0
        r = sp.Symbol("r", integer=True, nonnegative=True)
        assert at_zero(theta(MODEL), m).subs(Delta2, derived).subs(p, 3 + r).is_positive

    def test_positive_for_p_at_least_3(self):
        r = sp.Symbol("r", integer=True, nonnegative=True)
        assert gradient_flow_threshold().subs(p, 3 + r).is_positive

    def test_p3_deltap1_is_one_half(self):
        assert gradient_flow_threshold().subs({p: 3, Deltap: 1}) == sp.Rational(1, 2)

    def test_listed_in_expressions(self):
        assert expressions()["delta2_gf"] == gradient_flow_threshold()


class TestGradientFlowThresholdOfAnyChannels:
    def test_one_channel_is_the_matrix_tensor_threshold(self):
        from derivations.thresholds import gradient_flow_threshold_channels

        general = gradient_flow_threshold_channels()
        (t,) = general.free_symbols
        one = general.subs(t, MODEL.xi_d(2, 1) - 1 / Delta2)  # xi''(1) of the tensor channel: (p-1)/Deltap
        assert sp.simplify(sp.radsimp(one - gradient_flow_threshold())) == 0

    def test_solves_theta0_equal_s_for_a_mixture(self):
        # 2 + 3 + 4 with tensor variances 1 and 2: theta(0) = 1/Delta2, s**2 = 1/Delta2 + 2/1 + 3/2
        from derivations.thresholds import gradient_flow_threshold_channels

        general = gradient_flow_threshold_channels()
        (t,) = general.free_symbols
        d2 = general.subs(t, 2 + sp.Rational(3, 2))
        assert sp.simplify((1 / d2) ** 2 - (1 / d2 + sp.Rational(7, 2))) == 0


class TestInstancesAreTheirJetKernels:
    """The matrix-tensor instances kept as expressions (INSTANCES, not printed as code) equal
    their jet kernels on the jets of xi = g = q**2/(2 Delta2) + q**p/(p Deltap), differentiated
    here directly at fixed p (an independent route to the values the kernels are fed)."""

    TWIN = {"semicircle_scale": "h_scale", "theta": "h_theta", "bbp_margin": "h_bbp_margin",
            "bulk_lower": "h_bulk_lower", "bulk_upper": "h_bulk_upper", "outlier": "h_outlier",
            "ml_amp_map": "ml_amp_map_jets", "ml_amp_slope_at_zero": "ml_amp_slope_at_zero_jets",
            "delta2_ml_amp": "delta2_ml_amp_jets"}

    #: Twins in the jets of the tensor channels alone, xi_T = q**p/(p Deltap).
    TENSOR_ONLY = {"delta2_ml_amp_jets"}

    @staticmethod
    def _jet_values(expr, p_value, delta2, delta_p, tensor_only=False):
        xi = (0 if tensor_only else q**2 / (2 * delta2)) + q**p_value / (p_value * delta_p)
        values = {}
        for s in expr.free_symbols:
            match = re.fullmatch(r"(?:d(\d*))?(xi|g)_(.+)", s.name)
            if match:
                k = 0 if match.group(0)[0] != "d" else int(match.group(1) or 1)
                point = m if match.group(3) == "m" else sp.Integer(match.group(3))
                values[s] = sp.diff(xi, q, k).subs(q, point)
        return values

    def test_every_instance_has_its_jet_twin_and_is_not_printed(self):
        from derivations import hessian, message_passing

        instances = {k.name for mod in (hessian, message_passing) for k in mod.INSTANCES}
        printed = {k.name for mod in (hessian, message_passing) for k in mod.KERNELS}
        assert instances == set(self.TWIN)
        assert not instances & printed and set(self.TWIN.values()) <= printed
        assert instances <= set(expressions())

    def test_instance_equals_jet_kernel(self):
        from derivations import hessian, message_passing

        kernels = {k.name: k.expr for mod in (hessian, message_passing) for k in mod.KERNELS}
        for mod in (hessian, message_passing):
            for inst in mod.INSTANCES:
                twin = kernels[self.TWIN[inst.name]]
                for p_value, delta2, delta_p in ((3, sp.Rational(1, 2), sp.Rational(3, 2)),
                                                 (5, sp.Rational(7, 3), sp.Rational(2, 5))):
                    for point in ({m: sp.Rational(1, 3), mu: sp.Rational(-5, 2)},
                                  {m: sp.Rational(-4, 5), mu: sp.Rational(9, 4)}):
                        at = {p: p_value, Delta2: delta2, Deltap: delta_p}
                        want = inst.expr.subs(at).subs(point)
                        jets = self._jet_values(twin, p_value, delta2, delta_p,
                                                self.TWIN[inst.name] in self.TENSOR_ONLY)
                        got = twin.xreplace(jets).subs(point)
                        assert abs(sp.N(got - want, 40)) < 1e-30, inst.name
