"""Tests of derivations/dmft.py: the DMFT end states, against independent routes."""

import sympy as sp
import pytest

from derivations import dmft
from derivations.model import MODEL, SpikedModel
from derivations.symbols import Delta2, Deltap, m, p, q


class TestSuccessState:
    def test_condition_is_the_ml_amp_fixed_point(self):
        # docs/phase_diagram.md: xi'(m)^2 (1 - m^2) = m^2 xi'(1)
        cond = dmft.success_state()["condition"]
        assert sp.simplify(cond - dmft.overlap_condition_reference(MODEL)) == 0

    def test_equations_hold_at_the_solution(self):
        sol = dmft.success_state()
        for eq in dmft.success_equations(MODEL):
            value = eq.subs({dmft._mu: sol["mu"], dmft._chi: sol["chi"]})
            # the m and R equations hold identically; the mu equation is the condition
            residual = sp.simplify(value * m * MODEL.g_d(1, m) + sol["condition"])
            assert sp.simplify(value) == 0 or residual == 0

    def test_chi_is_m_over_g_prime(self):
        assert sp.simplify(dmft.success_state()["chi"] - m / MODEL.g_d(1, m)) == 0


class TestAgingState:
    @pytest.mark.parametrize("order", [3, 4, 5])
    def test_pure_p_spin_threshold_energy(self, order):
        # Cugliandolo-Kurchan 1993: e_th = -sqrt(2 (p-1)/p) for H with covariance q^p/2
        xi = sp.Lambda(q, q**order / 2)
        state = dmft.aging_state(SpikedModel(xi=xi, g=xi))
        assert sp.simplify(state["energy"] + sp.sqrt(sp.Rational(2 * (order - 1), order))) == 0

    @pytest.mark.parametrize("order", [3, 4])
    def test_pure_p_spin_aging_parameter(self, order):
        # x = (p - 2)(1 - q)/q with (1 - q)/T -> chi: y = x/T -> (p - 2) chi
        xi = sp.Lambda(q, q**order / 2)
        state = dmft.aging_state(SpikedModel(xi=xi, g=xi))
        assert sp.simplify(state["y"] - (order - 2) * state["chi"]) == 0

    def test_marginal_multiplier(self):
        state = dmft.aging_state()
        assert sp.simplify(state["mu"] - 2 * sp.sqrt(MODEL.xi_d(2, 1))) == 0
        assert sp.simplify(state["chi"] * sp.sqrt(MODEL.xi_d(2, 1)) - 1) == 0

    def test_pure_matrix_limit(self):
        # Deltap -> oo: the spherical 2-spin model Q = q^2/(2 Delta2), whose threshold is its
        # ground state: e = -lambda_max/2 with the semicircle edge lambda_max = 2/sqrt(Delta2)
        energy = dmft.aging_state()["energy"].subs(p, 3)
        assert sp.simplify(sp.limit(energy, Deltap, sp.oo) + 1 / sp.sqrt(Delta2)) == 0
        y = dmft.aging_state()["y"].subs(p, 3)
        assert sp.limit(y, Deltap, sp.oo) == 0  # no aging part: x = 0


class TestKernels:
    def test_kernel_arguments_are_free_symbols(self):
        for kernel in dmft.KERNELS:
            assert kernel.expr.free_symbols == set(kernel.args)


class TestGenericModel:
    def test_mismatched_end_condition_in_jets(self):
        # any model, loss built with other variances: g'(m)^2 (1 - m^2) = m^2 xi'(1)
        cond = dmft._success["condition"]
        dg, dxi1 = sp.Symbol("dg_m", real=True), sp.Symbol("dxi_1", positive=True)
        assert sp.expand(cond - (dg**2 * (1 - m**2) - m**2 * dxi1)) == 0

    def test_instance_kernels_agree_with_the_generic_ones(self):
        # the jets of the matrix-tensor model put into the generic kernels give the instance forms
        inst = dmft.success_state(MODEL)
        reps = {sp.Symbol("dg_m", real=True): MODEL.g_d(1, m), sp.Symbol("g_m", real=True): MODEL.g_d(0, m),
                sp.Symbol("dxi_1", positive=True): MODEL.xi_d(1, 1),
                sp.Symbol("d2xi_1", positive=True): MODEL.xi_d(2, 1)}
        for key in ("chi", "mu", "energy"):
            assert sp.simplify(dmft._success[key].xreplace(reps) - inst[key]) == 0


class TestNishimoriState:
    def test_condition_is_the_bayes_state_evolution_fixed_point(self):
        # docs/phase_diagram.md: m = mhat/(1 + mhat), mhat = xi'(m)
        cond = dmft.nishimori_state()["condition"]
        assert sp.simplify(cond - dmft.bayes_fixed_point_condition(MODEL)) == 0

    def test_far_correlation_equation_holds_on_the_nishimori_line(self):
        # the C equation at large separation, with q = m and mu = 1 + xi'(1), reduces to the
        # same condition: the plateau q = m is consistent (Nishimori), not an extra assumption
        model = dmft.GENERIC_BAYES
        state = dmft.nishimori_state(model)
        _, _, c_eq = dmft.nishimori_equations(model, 1)
        c_eq = c_eq.subs(dmft._q, m).subs(dmft._mu, state["mu"])
        assert sp.simplify(c_eq - state["condition"]) == 0

    def test_energy_is_minus_xi_of_one(self):
        assert sp.simplify(dmft.nishimori_state()["energy"] + MODEL.xi_d(0, 1)) == 0

    def test_multiplier(self):
        assert sp.simplify(dmft.nishimori_state()["mu"] - 1 - MODEL.xi_d(1, 1)) == 0


class TestShortLagResponse:
    """The response next to the diagonal (the diagonal cell of scheme="fdt")."""

    def test_pure_matrix_model_closed_form(self):
        # p = 2 (xi = J^2 q^2/2) with any prescribed mu(s): the dynamics is linear, each
        # eigenvalue lambda of the coupling matrix (semicircle of radius 2J) relaxes at rate
        # mu(s) - lambda, so R(t, t - tau) = exp(-int_{t-tau}^t mu) I_1(2 J tau)/(J tau)
        # (independent of the series ansatz).  mu(s) = mu + dmu (s - t) + mu_2 (s - t)^2/2 + ...
        J = sp.Symbol("J", positive=True)
        tau, s = sp.symbols("tau_lag s_", real=True)
        pure = SpikedModel(xi=sp.Lambda(q, J**2 * q**2 / 2), g=sp.Lambda(q, q))
        series, mus = dmft.short_lag_response(pure, 4)
        mu_s = sum(mus[j] * s**j / sp.factorial(j) for j in range(5))
        exact = sp.exp(-sp.integrate(mu_s, (s, -tau, 0))) * sp.besseli(1, 2 * J * tau) / (J * tau)
        exact = sp.series(exact, tau, 0, 5).removeO()
        assert sp.expand(exact - series.subs(sp.Symbol("tau_lag", positive=True), tau)) == 0

    def test_the_cell_to_third_order(self):
        # int_0^h R(t, t - tau) dtau = h - mu h^2/2 + (mu^2 + mu' + Q''(1)) h^3/6 + O(h^4): the
        # term mu'(t) h^3/6 (fixed t: the lag moves the response's start, not its end) was
        # missing from the hand-typed diagonal cell of fdt.py
        h, mu, dmu = sp.Symbol("h", positive=True), sp.Symbol("mu", real=True), dmft._dmu
        q2 = MODEL.xi_d(2, 1)
        cell = dmft.diag_cell_series(MODEL, 2)
        assert sp.expand(cell - (h - mu * h**2 / 2 + (mu**2 + dmu + q2) * h**3 / 6)) == 0

    def test_kernel_neglects_a_fourth_order_term_with_the_temperature(self):
        # the printed kernel agrees with the series to h^3; the first term it neglects is
        # -(3 mu (mu' + Q''(1)) + mu'' + T Q'''(1)) h^4/24 (the cusp C = 1 - T tau enters there)
        h, mu, dmu = sp.Symbol("h", positive=True), sp.Symbol("mu", real=True), dmft._dmu
        T, mu2 = sp.Symbol("T", positive=True), sp.Symbol("mu_2", real=True)
        kernel = dmft.diag_cell_response(MODEL)
        gap = sp.expand(sp.series(kernel, h, 0, 5).removeO() - dmft.diag_cell_series(MODEL, 3))
        assert [gap.coeff(h, k) for k in range(4)] == [0, 0, 0, 0]
        q2, q3 = MODEL.xi_d(2, 1), MODEL.xi_d(3, 1)
        assert sp.simplify(gap.coeff(h, 4) - (3 * mu * (dmu + q2) + mu2 + T * q3) / 24) == 0
