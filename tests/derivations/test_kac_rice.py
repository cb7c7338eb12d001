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


class TestJets:
    """The kernels of any model, written in jets (derivations.model.generic, to_jets)."""

    @pytest.mark.parametrize("subs", SAMPLES)
    def test_split_gaussian_weight_equals_the_quadratic_form(self, subs):
        det = sp.factor(kr.energy_radial_covariance().det())
        assert _zero(kr.gaussian_weight_split(MODEL, det) - kr.gaussian_weight(MODEL), subs)

    def test_determinant_is_a_sum_of_positive_terms(self):
        # xi = sum_k c_k q**k: det = sum_{j<k} c_j c_k (k - j)**2 (here channels 2, 3, 5)
        c2, c3, c5 = sp.symbols("c2 c3 c5", positive=True)
        model = SpikedModel(xi=sp.Lambda(q, c2 * q**2 + c3 * q**3 + c5 * q**5), g=sp.Lambda(q, q))
        det = kr.energy_radial_covariance(model).det()
        assert sp.expand(det - (c2 * c3 + 9 * c2 * c5 + 4 * c3 * c5)) == 0

    def test_threshold_energy_of_the_pure_p_spin_needs_no_determinant(self):
        # one channel: det = 0 and (e, mu) are tied, but definition (a) stays finite there
        e_th = next(k for k in kr.KERNELS if k.name == "kr_threshold_energy").expr
        for pv in (3, 4, 7):
            xi = sp.Lambda(q, q**pv / 2)
            jets = {"dxi_1": sp.diff(xi(q), q).subs(q, 1), "d2xi_1": sp.diff(xi(q), q, 2).subs(q, 1), "det_1": 0,
                    "g_m": 0, "dg_m": 0, "m": 0}
            value = e_th.subs({s: jets[s.name] for s in e_th.free_symbols})
            assert sp.simplify(value + sp.sqrt(sp.Rational(2 * (pv - 1), pv))) == 0

    def test_kernels_take_only_jets_and_variables(self):
        # w: the outer-branch variable of kr_sigma_min_at_w (mu = w + s**2/w), a variable like mu
        allowed = {"m", "e", "mu", "w", "xi_1", "dxi_1", "d2xi_1", "det_1", "g_m", "dg_m", "d2g_m", "d3g_m"}
        for k in kr.KERNELS:
            assert {s.name for s in k.args} <= allowed, k.name


class TestSigmaMinAtW:
    """``Sigma_min`` is one expression of ``w`` (``mu = w + s**2/w``), every branch at its own ``w``."""

    @pytest.mark.parametrize("subs", SAMPLES)
    def test_each_branch_is_sigma_at_its_w(self, subs):
        smin = kr.sigma_min()
        s = sp.sqrt(MODEL.xi_d(2, 1))
        for branch, w in (("edge", s), ("outlier", kr.theta(MODEL)), ("free", smin["w"])):
            assert _zero(kr.sigma_at_w(MODEL, w) - smin[branch], subs), branch

    @pytest.mark.parametrize("subs", SAMPLES)
    def test_is_sigma_of_mu_outside_the_bulk(self, subs):
        # the spec's Sigma(m, mu) with its own outer log-potential, at mu = w + s**2/w for w = 2 s
        s2 = MODEL.xi_d(2, 1)
        w = 2 * sp.sqrt(s2)
        spec = kr.sigma_mu_spec().subs(mu, w + s2 / w) - kr.log_potential_bulk(MODEL, w + s2 / w) \
            + kr.log_potential_outside_spec(MODEL, w + s2 / w)
        assert _zero(kr.sigma_at_w(MODEL, w) - spec, subs)
