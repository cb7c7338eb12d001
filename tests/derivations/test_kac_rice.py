"""derivations/kac_rice.py: the pieces against their definitions and spec section 5."""

import sympy as sp
import pytest

from derivations import kac_rice as kr
from derivations.model import MODEL, SpikedModel
from derivations.symbols import Delta2, Deltap, energy, m, mu, p, q

SAMPLES = [{p: 3, Delta2: sp.Rational(1, 2), Deltap: 1, m: sp.Rational(1, 3), mu: sp.Rational(7, 2), energy: -1},
           {p: 5, Delta2: 2, Deltap: sp.Rational(3, 10), m: -sp.Rational(3, 5), mu: -9, energy: sp.Rational(1, 4)}]


def _zero(expr, subs, digits=40):
    return abs(sp.N(expr.subs(subs), digits)) < sp.Float(10) ** (5 - digits)


class TestPieces:
    def test_covariance_matrix_equals_differentiated_covariance(self):
        assert sp.simplify(kr._covariance_by_differentiation() - kr.energy_radial_covariance()) == sp.zeros(2)

    def test_base_is_volume_plus_gradient_density(self):
        diff = kr.base() - kr.volume() - kr.gradient_density()
        assert sp.simplify(sp.expand_log(diff, force=True)) == 0

    @pytest.mark.parametrize("subs", SAMPLES)
    def test_energy_maximised_weight_is_spec_form(self, subs):
        xi1, xi2 = MODEL.xi_d(1, 1), MODEL.xi_d(2, 1)
        spec = -(mu - m * MODEL.g_d(1, m)) ** 2 / (2 * (xi1 + xi2))
        assert _zero(kr.multiplier_weight() - spec, subs)
        assert _zero(kr.sigma_mu(outside=False) - kr.sigma_mu_spec(), subs)

    @pytest.mark.parametrize("subs", SAMPLES)
    def test_outer_log_potential_equals_spec_form(self, subs):
        assert _zero(kr.log_potential_outside() - kr.log_potential_outside_spec(), subs)


class TestPureSpinLimit:
    """Pure p-spin, no signal: xi = q**p/2, g = 0 [Auffinger-Ben Arous-Cerny 2013]."""

    def test_total_complexity_is_half_log_p_minus_one(self):
        # (v, r) is degenerate here (r = p v), so use the energy-free form, checked above to be
        # the energy-maximised one for the mixed model
        model = SpikedModel(xi=sp.Lambda(q, q**p / 2), g=sp.Lambda(q, sp.S.Zero))
        sig = kr.sigma_mu_spec(model)
        at0 = sig.subs({m: 0, mu: 0})
        for pv in (3, 4, 7):
            assert sp.simplify(at0.subs(p, pv) - sp.log(pv - 1) / 2) == 0
        # mu = 0 maximises: the mu-derivative vanishes and the second derivative is negative
        d1 = sp.diff(sig, mu).subs({m: 0, mu: 0})
        d2 = sp.diff(sig, mu, 2).subs({m: 0, mu: 0, p: 3})
        assert sp.simplify(d1) == 0 and d2 < 0


class TestThresholdEnergy:
    def test_definitions_a_and_b_differ_for_mixed_models(self):
        subs = {p: 3, Delta2: 1, Deltap: 1, m: 0}
        a = sp.N(kr.threshold_energy().subs(subs), 30)
        b = sp.N(kr.threshold_energy_most_numerous().subs(subs), 30)
        assert abs(a - b) > 1e-3
        # (a) in closed form at p = 3, Delta2 = Deltap = 1: -29/(12 sqrt 3)
        assert abs(a + sp.Rational(29, 12) / sp.sqrt(3)) < 1e-25


class TestKernels:
    def test_every_kernel_is_exact(self):
        for k in kr.KERNELS:
            assert not k.expr.atoms(sp.Float)
