"""Tests of theory.gradient_flow and theory.dynamics_threshold (large-N dynamics)."""

import numpy as np
import pytest

import theory
from numerics import dmft
from numerics._generated import model_numpy


def _flow(**kw):
    args = dict(p=3, delta2=0.3, delta_p=1.0, m0=1e-3, t_max=40.0, dt=0.1)
    args.update(kw)
    return theory.gradient_flow(**args)


class TestGradientFlow:
    @pytest.mark.parametrize("name, value", [
        ("m0", 0.0), ("m0", -1e-3), ("m0", 1.0), ("m0", 2.0), ("m0", float("nan")),
        ("t_max", 0.0), ("t_max", -1.0), ("dt", 0.0), ("dt", -0.1), ("delta2", 0.0),
        ("delta_p", -1.0), ("p", 2), ("p", 3.0), ("temperature", -0.5), ("scheme", "rk4"),
        ("window", 3),
    ])
    def test_bad_input_raises(self, name, value):
        with pytest.raises(ValueError, match=name):
            _flow(**{name: value})

    def test_deterministic(self):
        a, b = _flow(), _flow()
        np.testing.assert_array_equal(a.m, b.m)
        np.testing.assert_array_equal(a.energy, b.energy)

    @pytest.mark.parametrize("scheme", ["euler", "heun"])
    def test_energy_never_increases_at_zero_temperature(self, scheme):
        run = _flow(delta2=0.45, m0=1e-4, t_max=120.0, scheme=scheme)
        assert np.all(np.diff(run.energy) <= 1e-12)

    def test_correlation_stays_on_the_sphere(self):
        # C(t,t) = 1 is imposed; |C(t,t')| <= 1 (Cauchy-Schwarz) must come out of the equations
        run = _flow(delta2=0.45, t_max=60.0, history=True)
        assert np.all(np.diag(run.C) == 1.0)
        assert np.abs(run.C).max() <= 1 + 1e-9
        assert np.all(run.c_lag <= 1 + 1e-12)

    def test_success_end_state(self):
        run = _flow(t_max=120.0)
        end = dmft.success_state(3, 0.3, 1.0)
        assert run.m[-1] == pytest.approx(end["m"], rel=1e-6)
        assert run.mu[-1] == pytest.approx(end["mu"], rel=1e-6)
        assert run.energy[-1] == pytest.approx(end["energy"], rel=1e-6)

    def test_m0_independence_of_the_end_state(self):
        a = _flow(m0=1e-3, t_max=120.0)
        b = _flow(m0=1e-6, t_max=120.0)
        assert a.m[-1] == pytest.approx(b.m[-1], rel=1e-6)
        assert a.energy[-1] == pytest.approx(b.energy[-1], rel=1e-6)
        # the escape time shifts by log(1000)/rate, not the end state
        assert b.escape_time() > a.escape_time() + 5

    @pytest.mark.slow
    def test_stuck_run_approaches_the_marginal_states(self):
        # above the threshold: mu -> 2 sqrt(Q''(1)) and e -> e_th (one-step aging), from above
        a = (3, 0.6, 1.0)
        run = _flow(delta2=0.6, m0=1e-6, t_max=400.0, dt=0.2)
        th = dmft.aging_state(*a)
        assert th["mu"] == pytest.approx(2 * np.sqrt(model_numpy.xi_second(1.0, *a)), rel=1e-14)
        i200 = np.searchsorted(run.t, 200.0)
        for key, series in (("mu", run.mu), ("energy", run.energy)):
            gap_late, gap_mid = abs(series[-1] - th[key]), abs(series[i200] - th[key])
            assert gap_late < gap_mid
            assert gap_late < 5e-3 * abs(th[key])
        assert run.energy[-1] > th["energy"]
        assert run.m[-1] < 1e-3

    def test_temperature_high_is_paramagnetic(self):
        # high T: equilibrium paramagnet, e = -Q(1)/T (annealed), m decays; the discrete
        # scheme is first order in dt T, so extrapolate two steps linearly to dt = 0
        T = 2.0
        runs = [_flow(delta2=1.0, m0=1e-4, t_max=20.0, temperature=T, dt=dt) for dt in (0.05, 0.02)]
        e0 = runs[1].energy[-1] - (runs[0].energy[-1] - runs[1].energy[-1]) * 0.02 / 0.03
        q1 = model_numpy.xi(1.0, 3, 1.0, 1.0)
        assert e0 == pytest.approx(-q1 / T, rel=5e-3)
        assert runs[1].m[-1] < 1e-6

    def test_interrupt_returns_completed_steps(self, monkeypatch):
        calls = {"n": 0}
        original = dmft._Grid.derivative

        def interrupting(self, M):
            calls["n"] += 1
            if calls["n"] == 50:
                raise KeyboardInterrupt
            return original(self, M)

        monkeypatch.setattr(dmft._Grid, "derivative", interrupting)
        with pytest.warns(RuntimeWarning, match="interrupted"):
            run = _flow()
        assert run.interrupted
        assert len(run.t) == len(run.m) == len(run.energy) < 200
        assert np.all(np.isfinite(run.m))

    def test_unstable_step_warns(self):
        # discrete gradient descent diverges from the minimum when dt * lambda_max > 2
        with pytest.warns(UserWarning, match="stability limit"):
            _flow(dt=0.2, t_max=60.0)

    def test_progress_bar(self, capsys):
        run = _flow(t_max=30.0, progress=True)
        assert run.t[-1] == pytest.approx(30.0)
        assert "DMFT" in capsys.readouterr().err

    def test_thinned_grid_is_used_for_long_runs(self):
        run = _flow(t_max=26.0, dt=0.01, window="auto")
        assert run.window == 128
        assert run.m[-1] == pytest.approx(dmft.success_state(3, 0.3, 1.0)["m"], rel=1e-5)

    def test_repr(self):
        assert "fixed grid" in repr(_flow(t_max=2.0))


class TestDynamicsThreshold:
    def test_cheap_configuration_near_closed_form(self):
        est = theory.dynamics_threshold(3, 1.0, delta2s=(0.38, 0.41, 0.44), t_max=120.0)
        closed = theory.threshold(p=3, delta_p=1.0)
        assert abs(est.value - closed) < max(3 * est.error, 0.03)
        assert len(est.runs) == 3 and all(r > 0 for r in est.rates)

    def test_rates_match_the_bbp_outlier(self):
        # the plateau escape rate is minus the BBP outlier of the marginal states (2 s - ...)
        est = theory.dynamics_threshold(3, 1.0, delta2s=(0.38, 0.41), t_max=150.0)
        for d, rate in zip(est.delta2s, est.rates):
            h = theory.hessian(p=3, delta2=d, delta_p=1.0, m=0.0, mu=2 * np.sqrt(1 / d + 2))
            assert rate == pytest.approx(-h.outlier, rel=2e-2)

    def test_bad_input(self):
        with pytest.raises(ValueError, match="p must"):
            theory.dynamics_threshold(2, 1.0)
        with pytest.raises(ValueError, match="positive escape rate"):
            theory.dynamics_threshold(3, 1.0, delta2s=(0.7, 0.8), t_max=20.0)
