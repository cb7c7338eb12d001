"""The FDT-closure scheme for long Langevin runs (issue 21 item 1): numerics.dynamics.fdt.

Independent routes: the fixed-grid extrapolated scheme (a different discretisation: Richardson
of discrete-time Euler runs, no FDT anywhere) on overlapping windows; the successive differences
of the scheme's own runs at h, h/2, h/4 (its order while the grid resolves the fast time); the
closed forms of the equilibrium states, typed here from their derivations (docs/dynamics.md):
the Nishimori state at T = 1 (``m^2 + m = 1``, ``mu = 1 + xi'(1)``, ``e = -xi(1)``) and the
paramagnet (``mu = T + xi'(1)/T``, ``e = -xi(1)/T``), with ``xi(q) = q^2/(2 Delta2) +
q^3/(3 Deltap)`` written out by hand.
"""

import math

import numpy as np
import pytest

import theory
from numerics import dmft
from numerics.dynamics.fdt import FDT, Doubling, FDTStepper, cost
from numerics.dynamics.jets import jets
from numerics.model import matrix_tensor


def _fdt(d2, T, m0, t_max, h0=0.01, keep=False, **grid):
    return FDT().integrate(jets(matrix_tensor(3, d2, 1.0)), m0, t_max, h0, T, Doubling(**grid),
                           keep_history=keep)


def _fixed(d2, T, m0, t_max, dt=0.05):
    return dmft.integrate(matrix_tensor(3, d2, 1.0), m0, t_max, dt, temperature=T,
                          scheme=dmft.Extrapolated(2), history=dmft.Fixed(), keep_history=True)


def _at(run, t):
    return int(np.argmin(np.abs(run.t - t)))


class TestFixedGrid:
    def test_resolved_start_agrees(self):
        # t <= 2 at h = 0.01: the first block of the grid, no FDT assumed (the window opens
        # at t = 5/T); trapped run Delta2 = 0.7, T = 1 (measured: mu 7.2e-4, e 2.9e-4 off)
        run = _fdt(0.7, 1.0, 1e-6, 2.0)
        ref = _fixed(0.7, 1.0, 1e-6, 2.0)
        for t in (0.5, 1.0, 2.0):
            k, j = _at(run, t), _at(ref, t)
            assert abs(run.t[k] - ref.t[j]) < 1e-9
            assert abs(run.mu[k] - ref.mu[j]) < 1.5e-3
            assert abs(run.energy[k] - ref.energy[j]) < 6e-4
            assert abs(run.m[k] / ref.m[j] - 1) < 5e-4

    def test_second_order_while_resolved(self):
        # successive differences of mu(1) at h0 = 0.02, 0.01, 0.005 (measured order 1.8)
        mus = [float(_fdt(0.7, 1.0, 1e-6, 1.0, h0=h).mu[-1]) for h in (0.02, 0.01, 0.005)]
        order = math.log2(abs(mus[1] - mus[0]) / abs(mus[2] - mus[1]))
        assert order > 1.6

    @pytest.mark.slow
    def test_window_agrees_to_t40(self):
        # the FDT window open from t = 5 and the step grown to 0.16: mu, e within 0.2% of the
        # fixed grid (measured: mu +3.8e-3 .. +2.2e-3, e -1.7e-3 .. -0.9e-3 at t = 10 .. 40),
        # C(20, 10) within 1% of the Richardson value 0.3310 of the fixed-grid Euler runs at
        # dt = 0.05, 0.025 (measured 0.3326, interpolated along the stored row t = 20)
        run = _fdt(0.7, 1.0, 1e-6, 40.0, keep=True)
        ref = _fixed(0.7, 1.0, 1e-6, 40.0)
        for t in (10.0, 20.0, 30.0, 40.0):
            k, j = _at(run, t), _at(ref, t)
            assert abs(run.mu[k] - ref.mu[j]) < 2e-3 * ref.mu[j]
            assert abs(run.energy[k] - ref.energy[j]) < 2e-3 * abs(ref.energy[j])
        g = run.grid
        a = int(np.argmin(np.abs(g - 20.0)))
        assert abs(g[a] - 20.0) < 1e-9
        assert abs(np.interp(10.0, g[:a + 1], run.C[a, :a + 1]) / 0.3310 - 1) < 1e-2

    @pytest.mark.slow
    def test_growth_rate_of_m_in_the_plateau(self):
        # the trapped run (Delta2 = 0.7, T = 1, m0 = 1e-30: m stays linear) grows m at the
        # rate d ln m/dt, a small difference of O(1) terms.  Reference: the three-level
        # Richardson (dt = 0.2, 0.1, 0.05; successive differences in ratio 2.16, 1.84) of
        # explicit Euler runs on the thinned history, 0.013210, 0.008891, 0.006991 at
        # t = 50, 100, 150 (docs/dynamics.md, Long Langevin runs).  Measured 0.5%, 0.6%, 2.3%
        # low; with the theta-step on the two columns next to the diagonal (before the
        # fixed-lag step) 0.7%, 1.6%, 5.3% low, and 2.3%, 3.4% at t = 50, 100 while column
        # i - 3 of the C equation was on backward Euler
        run = _fdt(0.7, 1.0, 1e-30, 152.0)
        lnm = np.log(run.m)
        for t, ref, tol in ((50.0, 0.013210, 1e-2), (100.0, 0.008891, 1e-2),
                            (150.0, 0.006991, 3.5e-2)):
            k = _at(run, t)
            rate = (lnm[k + 1] - lnm[k - 1]) / (run.t[k + 1] - run.t[k - 1])
            assert abs(rate / ref - 1) < tol


class TestEquilibrium:
    @pytest.mark.slow
    def test_nishimori(self):
        # T = 1, p = 3, Delta2 = 0.5, Deltap = 1 from m0 = 0.5, to t = 1000 (the step grown to
        # ~5): within 0.05% from t = 100, and the state is a fixed point of the discrete scheme
        # (measured 1.4e-9 at t = 100, 1e-14 at t = 1000)
        run = _fdt(0.5, 1.0, 0.5, 1000.0)
        m = (math.sqrt(5.0) - 1.0) / 2.0
        xi, xi1 = 1.0 / (2 * 0.5) + 1.0 / 3.0, 1.0 / 0.5 + 1.0
        for t, tol in ((100.0, 5e-4), (300.0, 5e-4), (1000.0, 1e-9)):
            k = _at(run, t)
            assert abs(run.m[k] / m - 1) < tol
            assert abs(run.mu[k] / (1.0 + xi1) - 1) < tol
            assert abs(run.energy[k] / (-xi) - 1) < tol

    @pytest.mark.slow
    def test_paramagnet(self):
        # T = 2 from m0 = 1e-6 to t = 100 on 256 stored times: mu = T + xi'(1)/T,
        # e = -xi(1)/T (measured 9.7e-8, 2.0e-7; on 128 stored times 1.8e-5, 3.6e-5 at t = 30,
        # where the edge diagnostic warns)
        T, d2 = 2.0, 0.7
        run = _fdt(d2, T, 1e-6, 100.0, h0=0.01, points=256, keep_start=32)
        xi, xi1 = 1.0 / (2 * d2) + 1.0 / 3.0, 1.0 / d2 + 1.0
        assert abs(run.mu[-1] / (T + xi1 / T) - 1) < 1e-6
        assert abs(run.energy[-1] / (-xi / T) - 1) < 1e-6


class TestRefusals:
    @pytest.mark.parametrize("kw, match", [
        (dict(points=15), "points must be an even integer >= 16"),
        (dict(points=True), "points must be an even integer"),
        (dict(max_lag_fraction=0.0), "max_lag_fraction must be a float in"),
        (dict(mu_tol=2.0), "mu_tol must be a float in"),
        (dict(keep_start=1), "keep_start must be an integer >= 2"),
        (dict(points=64, keep_start=60), "points must exceed keep_start"),
    ])
    def test_bad_grid(self, kw, match):
        with pytest.raises(ValueError, match=match):
            Doubling(**kw)

    def test_needs_temperature(self):
        with pytest.raises(ValueError, match="temperature > 0"):
            FDTStepper(jets(matrix_tensor(3, 0.7, 1.0)), 1e-3, 1.0, 0.01, 0.0)
        with pytest.raises(ValueError, match=r"scheme='fdt' .*needs temperature > 0"):
            theory.gradient_flow(3, 1.0, delta2=0.7, m0=1e-3, t_max=1.0, scheme="fdt")

    def test_gradient_flow_refusals(self):
        kw = dict(delta2=0.7, m0=1e-3, temperature=1.0, scheme="fdt")
        with pytest.raises(ValueError, match="window must be 'auto'"):
            theory.gradient_flow(3, 1.0, t_max=10.0, window=64, **kw)
        with pytest.raises(ValueError, match=r"t_max must be at most 1e\+07 with scheme='fdt'"):
            theory.gradient_flow(3, 1.0, t_max=2e7, **kw)

    def test_warns_when_the_edge_diagnostic_fails(self):
        # the window opens at t = 0.5 (t_on) on a run still in its transient, and the
        # tolerance of the edge diagnostic is set far below what it measures there
        with pytest.warns(RuntimeWarning, match="FDT closure is not consistent"):
            _fdt(0.7, 1.0, 1e-6, 1.0, h0=0.01, points=64, keep_start=16, t_on=0.5,
                 edge_tol=1e-9)

    def test_cost_estimate_grows_with_the_age_only_logarithmically(self):
        g = Doubling()
        assert g.steps(1e5, 0.01) < 2 * g.steps(1e3, 0.01)
        assert cost(1e5, 0.01, g) < 120.0


class TestGradientFlow:
    def test_reachable_and_short_runs_keep_their_default(self):
        run = theory.gradient_flow(3, 1.0, delta2=0.7, m0=1e-6, t_max=2.0, temperature=1.0,
                                   scheme="fdt")
        assert run.scheme == "fdt" and run.dt == 0.01
        ref = _fixed(0.7, 1.0, 1e-6, 2.0)
        assert abs(run.mu[-1] - ref.mu[_at(ref, 2.0)]) < 1.5e-3
        default = theory.gradient_flow(3, 1.0, delta2=0.7, m0=1e-6, t_max=2.0, temperature=1.0)
        assert default.scheme == "extrapolated"

    def test_ends_at_t_max(self):
        # a t_max off the grid: the last step is shortened (backward Euler) to end there
        run = _fdt(0.7, 1.0, 1e-6, 1.0049)
        ref = _fdt(0.7, 1.0, 1e-6, 1.01)
        assert run.t[-1] == pytest.approx(1.0049, abs=1e-12) and run.t.size == 102
        assert abs(run.mu[-2] - ref.mu[-2]) < 1e-12  # the same run up to t = 1
        assert ref.mu[-2] < run.mu[-1] < ref.mu[-1]  # mu rises here: the end lies between

    def test_interrupt_returns_the_steps_done(self, monkeypatch):
        # the Ctrl-C contract (theory/_interrupt.py): the steps done, interrupted=True and one
        # theory.Interrupted warning
        original = FDTStepper._step

        def interrupting(self):
            if self.steps == 30:
                raise KeyboardInterrupt
            original(self)

        monkeypatch.setattr(FDTStepper, "_step", interrupting)
        with pytest.warns(theory.Interrupted) as caught:
            run = theory.gradient_flow(3, 1.0, delta2=0.7, m0=1e-6, t_max=2.0, temperature=1.0,
                                       scheme="fdt", history=True)
        assert len([w for w in caught if w.category is theory.Interrupted]) == 1
        assert run.interrupted and run.t.size == 31 and run.t[-1] == pytest.approx(0.3)
        assert run.C is None and np.all(np.isfinite(run.mu))

    def test_a_row_not_solved_ends_the_run_with_a_warning(self, monkeypatch):
        from numerics.dynamics import fdt

        original = FDTStepper._step

        def failing(self):
            if self.steps == 20:
                raise fdt.NotConverged("test")
            original(self)

        monkeypatch.setattr(FDTStepper, "_step", failing)
        with pytest.warns(RuntimeWarning, match="ended at t = 0.2 of t_max = 1 .*test"):
            run = _fdt(0.7, 1.0, 1e-6, 1.0)
        assert run.t[-1] == pytest.approx(0.2) and not run.interrupted


class TestDiagonalCell:
    def test_against_the_pure_matrix_model(self):
        # the generated diagonal cell (derivations/dmft.py) against Gauss-Legendre quadrature of
        # the exact response of the p = 2 model (xi = J^2 q^2/2, linear dynamics: each
        # eigenvalue of the semicircle of radius 2J relaxes at rate mu(s) - lambda), for a
        # prescribed mu(s) = 2 + 1.5 s + 0.3 sin(3 s) at t = 1:
        # R(t, t - tau) = exp(-int_{t-tau}^t mu) I_1(2 J tau)/(J tau).  The error of the kernel
        # is its neglected term (3 mu (mu' + Q''(1)) + mu'') h^4/24 (measured 0.7% off it at
        # h = 0.005); the hand-typed cell without mu' h^3/6 was an order worse
        from scipy import special

        from numerics._generated import dmft_numpy as dk

        J2, t = 3.0, 1.0
        J = math.sqrt(J2)
        big_m = lambda s: 2 * s + 0.75 * s * s - 0.1 * math.cos(3 * s)  # noqa: E731
        mu, dmu, d2mu = 2 + 1.5 * t + 0.3 * math.sin(3 * t), 1.5 + 0.9 * math.cos(3 * t), \
            -2.7 * math.sin(3 * t)
        x, w = np.polynomial.legendre.leggauss(24)

        def exact(h):
            tau = 0.5 * h * (x + 1)
            r = np.exp(-(big_m(t) - np.array([big_m(t - a) for a in tau])))
            return 0.5 * h * float(w @ (r * special.i1(2 * J * tau) / (J * tau)))

        neglected = (3 * mu * (dmu + J2) + d2mu) / 24
        for h in (0.01, 0.005):  # measured -1.6%, -0.8%
            err = float(dk.diag_cell_response(h, mu, dmu, J2)) - exact(h)
            assert abs(err / h**4 / neglected - 1) < 0.03
        # without mu' the error is mu' h^3/6 (measured 12 times the kernel's at h = 0.005)
        without = float(dk.diag_cell_response(h, mu, 0.0, J2)) - exact(h)
        assert abs(without / (-dmu * h**3 / 6) - 1) < 0.15
