"""Tests of theory.gradient_flow and theory.dynamics_threshold (large-N dynamics)."""

import numpy as np
import pytest

import theory
from numerics import dmft
from numerics._generated import model_numpy


def _flow(**kw):
    # the Euler scheme keeps these checks cheap; the default scheme has its own tests below
    args = dict(p=3, delta2=0.3, delta_p=1.0, m0=1e-3, t_max=40.0, dt=0.1, scheme="euler")
    args.update(kw)
    return theory.gradient_flow(**args)


class TestGradientFlow:
    @pytest.mark.parametrize("name, value", [
        ("m0", 0.0), ("m0", -1e-3), ("m0", 1.0), ("m0", 2.0), ("m0", float("nan")),
        ("t_max", 0.0), ("t_max", -1.0), ("dt", 0.0), ("dt", -0.1), ("delta2", 0.0),
        ("delta_p", -1.0), ("p", 2), ("p", 3.0), ("temperature", -0.5), ("scheme", "rk4"),
        ("scheme", "heun_thinned"), ("window", 3),
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
        run = _flow(delta2=0.6, m0=1e-6, t_max=400.0, dt=0.2, scheme="euler")
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
        runs = [_flow(delta2=1.0, m0=1e-4, t_max=20.0, temperature=T, dt=dt, scheme="euler")
                for dt in (0.05, 0.02)]
        e0 = runs[1].energy[-1] - (runs[0].energy[-1] - runs[1].energy[-1]) * 0.02 / 0.03
        q1 = model_numpy.xi(1.0, 3, 1.0, 1.0)
        assert e0 == pytest.approx(-q1 / T, rel=5e-3)
        assert runs[1].m[-1] < 1e-6

    def test_interrupt_returns_completed_steps(self, monkeypatch):
        calls = {"n": 0}
        original = dmft._Store.derivative

        def interrupting(self, M):
            calls["n"] += 1
            if calls["n"] == 50:
                raise KeyboardInterrupt
            return original(self, M)

        monkeypatch.setattr(dmft._Store, "derivative", interrupting)
        with pytest.warns(RuntimeWarning, match="interrupted"):
            run = _flow()
        assert run.interrupted
        assert len(run.t) == len(run.m) == len(run.energy) < 200
        assert np.all(np.isfinite(run.m))

    def test_unstable_step_warns(self):
        # discrete gradient descent diverges from the minimum when dt * lambda_max > 2
        with pytest.warns(UserWarning, match="stability limit"):
            _flow(dt=0.2, t_max=60.0, scheme="euler")

    def test_heun_on_the_thinned_history_is_refused(self):
        with pytest.raises(ValueError, match="not validated on the thinned history"):
            _flow(scheme="heun", window=64)

    @pytest.mark.parametrize("kw, match", [
        (dict(t_max=0.05, dt=0.1), "dt must not exceed t_max"),
        (dict(t_max=1e7, dt=0.1), "t_max=1e\\+07 with dt=0.1 needs 100,000,000 steps"),
        (dict(t_max=2e5, dt=0.1, window=None), "t_max=200000 with dt=0.1 needs .* GiB"),
    ])
    def test_refused_before_allocating(self, kw, match):
        # issue 10: a run that cannot fit is a ValueError naming t_max, dt and the GiB (it was a
        # MemoryError for 72.8 TiB)
        with pytest.raises(ValueError, match=match):
            _flow(**kw)

    def test_result_pickles_and_compares(self):
        import pickle

        a = _flow(t_max=5.0, history=True)
        b = pickle.loads(pickle.dumps(a))
        assert a == b and not (a != b)
        assert a != _flow(t_max=5.0, m0=2e-3)

    def test_shorthand_is_the_model_bit_for_bit(self):
        a = _flow(t_max=10.0)
        b = theory.gradient_flow(model=theory.Model(0.3, {3: 1.0}), m0=1e-3, t_max=10.0, dt=0.1,
                                 scheme="euler")
        assert a == b

    def test_model_and_shorthand_together_refused(self):
        with pytest.raises(ValueError, match="not both"):
            theory.gradient_flow(model=theory.Model(0.3, {3: 1.0}), p=3, m0=1e-3, t_max=1.0)

    def test_default_escape_time_within_0_1_percent(self):
        # issue 12 target: t_max = 100 at the default step; reference: three-level
        # extrapolation at dt = 0.1 (Euler runs at 0.1, 0.05, 0.025)
        run = theory.gradient_flow(p=3, delta2=0.4, delta_p=1.0, m0=1e-3, t_max=100.0)
        ref = theory.gradient_flow(p=3, delta2=0.4, delta_p=1.0, m0=1e-3, t_max=40.0, dt=0.1,
                                   scheme=dmft.Extrapolated(3), stop_at=0.7)
        assert run.escape_time() == pytest.approx(ref.escape_time(), rel=1e-3)
        end = dmft.success_state(3, 0.4, 1.0)
        assert run.m[-1] == pytest.approx(end["m"], rel=1e-9)

    def test_progress_bar(self, capsys):
        run = _flow(t_max=30.0, progress=True)
        assert run.t[-1] == pytest.approx(30.0)
        assert "DMFT" in capsys.readouterr().err

    def test_thinned_grid_is_used_for_long_runs(self):
        run = _flow(t_max=26.0, dt=0.02, window="auto", scheme="extrapolated")
        assert run.window == 128
        assert run.m[-1] == pytest.approx(dmft.success_state(3, 0.3, 1.0)["m"], rel=1e-5)

    def test_repr(self):
        assert "fixed grid" in repr(_flow(t_max=2.0))


class TestLangevin:
    def test_bayes_temperature_ends_at_the_nishimori_overlap(self):
        # T = 1, g = xi: the run samples the posterior and ends at the stable fixed point of
        # Bayes-optimal state evolution, m = mhat/(1 + mhat), mhat = xi'(m) (here m^2 + m = 1),
        # with mu = 1 + xi'(1) and e = -xi(1) (derivations/dmft.py, nishimori_state)
        # (from m0 = 0.05 the run has equilibrated by t = 30; from m0 = 1e-3 by t = 80)
        run = theory.gradient_flow(p=3, delta2=0.5, delta_p=1.0, m0=0.05, t_max=40.0,
                                   temperature=1.0)
        golden = (5**0.5 - 1) / 2
        assert run.m[-1] == pytest.approx(golden, rel=2e-3)
        assert run.mu[-1] == pytest.approx(1 + 2.0 + 1.0, rel=2e-3)
        assert run.energy[-1] == pytest.approx(-(1.0 + 1 / 3), rel=2e-3)


class TestModels:
    def test_mixture_end_state_solves_the_bayes_condition(self):
        # 2+3+4 model: the end state solves xi'(m)^2 (1 - m^2) = m^2 xi'(1)
        model = theory.Model(0.4, {3: 1.0, 4: 2.0})
        run = theory.gradient_flow(model=model, m0=1e-2, t_max=70.0)
        m = run.m[-1]
        xi1 = lambda x: x / 0.4 + x**2 / 1.0 + x**3 / 2.0  # noqa: E731  (sum_k x^(k-1)/Delta_k)
        assert xi1(m) ** 2 * (1 - m**2) == pytest.approx(m**2 * xi1(1.0), rel=1e-8)

    def test_mismatched_end_state_solves_the_general_condition(self):
        # loss built with assumed variances: g'(m)^2 (1 - m^2) = m^2 xi'(1) with
        # g' = sum_k m^(k-1)/Delta'_k and xi'(1) = sum_k Delta_k/Delta'_k^2 (derivations/dmft.py)
        true = {2: 0.4, 3: 1.0}
        assumed = {2: 0.3, 3: 1.5}
        model = theory.Model(true[2], {3: true[3]}, assumed=theory.Model(assumed[2], {3: assumed[3]}))
        run = theory.gradient_flow(model=model, m0=1e-3, t_max=60.0)
        m = run.m[-1]
        g1 = m / assumed[2] + m**2 / assumed[3]
        xi1 = sum(true[k] / assumed[k] ** 2 for k in true)
        assert g1**2 * (1 - m**2) == pytest.approx(m**2 * xi1, rel=1e-8)
        assert m == pytest.approx(dmft.success_state(model.field)["m"], rel=1e-9)

    def test_pure_tensor_stays_stuck(self):
        # no matrix channel: g''(0) = 0, the flow from m0 = 1e-3 stays near m = 0 (aging)
        run = theory.gradient_flow(model=theory.Model(tensors={3: 1.0}), m0=1e-3, t_max=30.0)
        assert run.m[-1] < 1e-2
        assert run.delta2 == float("inf")


class TestDynamicsThreshold:
    def test_cheap_configuration_near_closed_form(self):
        est = theory.dynamics_threshold(3, 1.0, delta2s=(0.38, 0.41, 0.44), t_max=120.0, window=None)
        closed = theory.threshold(p=3, delta_p=1.0)
        assert abs(est.value - closed) < max(3 * est.error, 0.03)
        assert len(est.runs) == 3 and all(r > 0 for r in est.rates)

    def test_rates_match_the_bbp_outlier(self):
        # the plateau escape rate is minus the BBP outlier of the marginal states (2 s - ...)
        est = theory.dynamics_threshold(3, 1.0, delta2s=(0.38, 0.41), t_max=150.0, window=None)
        for d, rate in zip(est.delta2s, est.rates):
            h = theory.hessian(p=3, delta2=d, delta_p=1.0, m=0.0, mu=2 * np.sqrt(1 / d + 2))
            assert rate == pytest.approx(-h.outlier, rel=2e-2)

    def test_bad_input(self):
        with pytest.raises(ValueError, match="p must"):
            theory.dynamics_threshold(2, 1.0)
        with pytest.raises(ValueError, match="positive escape rate"):
            theory.dynamics_threshold(3, 1.0, delta2s=(0.7, 0.8), t_max=20.0)
        with pytest.raises(ValueError, match="delta2s must not be empty"):
            theory.dynamics_threshold(3, 1.0, delta2s=())
        with pytest.raises(ValueError, match="dt must not exceed t_max"):
            theory.dynamics_threshold(3, 1.0, delta2s=(0.4,), t_max=0.1)
        with pytest.raises(ValueError, match="executor"):
            theory.dynamics_threshold(3, 1.0, delta2s=(0.4,), executor="pool")

    def test_executor_gives_the_serial_result(self):
        from concurrent.futures import ThreadPoolExecutor

        kw = dict(delta2s=(0.38, 0.41), t_max=60.0, window=None, progress=False)
        serial = theory.dynamics_threshold(3, 1.0, **kw)
        with ThreadPoolExecutor(2) as pool:
            parallel = theory.dynamics_threshold(3, 1.0, executor=pool, **kw)
        assert serial == parallel

    def test_result_pickles_and_compares(self):
        import pickle

        est = theory.dynamics_threshold(3, 1.0, delta2s=(0.38, 0.41), t_max=60.0, window=None)
        assert pickle.loads(pickle.dumps(est)) == est
        assert not est.interrupted
        # the step of the runs (it was nan for the default): the plateau step 0.4/sqrt(Q''(1)),
        # Q''(1) = 1/Delta2 + (p-1)/Delta_p, largest at the largest Delta2
        assert est.dt == pytest.approx(0.4 / np.sqrt(1 / 0.41 + 2), rel=1e-12)
        assert est.half_time_value is None or np.isfinite(est.half_time_value)
        assert all(np.isfinite(est.rates)) and all(np.isfinite(est.rate_errors))

    def test_interrupt_is_reported(self, monkeypatch):
        from numerics import dmft_threshold

        calls = {"n": 0}
        original = dmft_threshold.rate_run

        def interrupting(task):
            calls["n"] += 1
            if calls["n"] == 3:
                raise KeyboardInterrupt
            return original(task)

        monkeypatch.setattr(dmft_threshold, "rate_run", interrupting)
        with pytest.warns(RuntimeWarning, match="interrupted"):
            est = theory.dynamics_threshold(3, 1.0, delta2s=(0.36, 0.38, 0.41), t_max=60.0, window=None)
        assert est.interrupted and est.delta2s == (0.36, 0.38)


class TestContract:
    """Issue 10 items 3-5: a finite result, or a ValueError naming the parameter, before any
    allocation; never an OverflowError, MemoryError, IndexError or a nan (tests/test_contract.py
    asserts the same over random and boundary inputs)."""

    BASE = dict(p=3, delta2=0.5, delta_p=1.0, m0=0.01, t_max=2.0, progress=False)

    @pytest.mark.parametrize("kw, match", [
        # two levels of the extrapolated scheme: 2 t_max/dt steps of the fine level
        (dict(t_max=1e15), r"t_max=1e\+15 with the default dt=0.2 .* needs 10,000,000,000,000,000 steps"),
        (dict(t_max=1.7976931348623157e308), "needs inf steps"),          # was OverflowError
        (dict(dt=5e-324), r"t_max=2 with dt=4.94066e-324 needs inf steps"),  # was OverflowError
        (dict(temperature=1.7976931348623157e308), r"the default dt=.*T = 1.79769e\+308"),
        # the stable step 1.8/b, b ~ 1/delta2 the Hessian scale: 2 * 2/1.8e-15 steps
        (dict(delta2=1e-15), r"default dt=1.8e-15 .*delta2=1e-15.* needs 2,222,222,\d{3},\d{3},\d{3} steps"),
        (dict(delta_p=1e-300), r"default dt=.* needs .* steps"),
        (dict(delta2=5e-324), "delta_p\\) above about 1e-300"),             # was OverflowError
        (dict(delta_p=1e-320), "overflow float64"),
        (dict(delta2=10**400), "delta2 must be a positive number within float64"),
        (dict(delta2=1.7976931348623157e308), "default dt=0 .*pass dt="),  # was a RuntimeWarning
        (dict(t_max=1e-300), "dt must not exceed t_max"),
        (dict(window=np.array([8, 16])), "window must be"),                 # was numpy's 'truth value'
        (dict(window="x"), "window must be"),
    ])
    def test_gradient_flow_refuses_before_allocating(self, kw, match):
        with pytest.raises(ValueError, match=match):
            theory.gradient_flow(**dict(self.BASE, **kw))

    @pytest.mark.parametrize("scheme", ["euler", "extrapolated", "heun"])
    def test_diverging_run_names_dt(self, scheme):
        # dt * lambda_max ~ 4.5 > 2: the discrete map blows up (it was a numpy overflow warning, or
        # a nan result with the warnings off)
        with pytest.raises(ValueError, match="dt=0.5 is beyond the stability limit"):
            theory.gradient_flow(**dict(self.BASE, t_max=5.0, dt=0.5, scheme=scheme))

    @pytest.mark.parametrize("kw, match", [
        (dict(t_max=1e-300), "dt must not exceed t_max"),                    # was IndexError
        (dict(t_max=1e300), r"t_max=1e\+300 with dt=0.2 needs 5e\+300 steps"),
        (dict(dt=1e300), "dt must not exceed t_max"),
        (dict(dt=5e-324), "needs inf steps"),
        (dict(delta2s=0.3), "delta2s must be a sequence"),                   # was TypeError
        (dict(delta2s=np.array(0.3)), "delta2s must be a sequence"),
        (dict(delta2s=[[0.1]]), "delta2s must be a scalar"),
        (dict(delta2s="0.3"), "delta2s must be a sequence"),
        (dict(delta2s=[0.3, float("nan")]), "delta2s must be finite"),
        (dict(delta2s=[1e-300, 0.4]), r"default dt=.*at delta2s=1e-300\) needs"),
        (dict(delta2s=[5e-324, 0.4]), "overflow float64"),
        (dict(delta_p=5e-324), "overflow float64"),
        (dict(window=np.array([8, 16])), "window must be"),
    ])
    def test_dynamics_threshold_refuses_before_allocating(self, kw, match):
        args = dict(p=3, delta_p=1.0, delta2s=[0.3, 0.4], t_max=4.0, progress=False)
        with pytest.raises(ValueError, match=match):
            theory.dynamics_threshold(**dict(args, **kw))

    @pytest.mark.parametrize("failure", ["inf", "raise"])
    def test_dynamics_threshold_diverging_run_names_dt(self, monkeypatch, failure):
        from numerics import dmft_threshold

        def diverging(task):
            if failure == "raise":  # the integrator's own divergence check
                raise FloatingPointError("the integration diverged at t = 3 (dt=0.7)")
            t = np.linspace(0.0, task[2], 5)
            return t, np.array([1e-150, 1e-100, 1e200, np.inf, np.nan]), False

        monkeypatch.setattr(dmft_threshold, "rate_run", diverging)
        with pytest.raises(ValueError, match="dt=0.7 is beyond the stability limit"):
            theory.dynamics_threshold(3, 1.0, delta2s=(0.3, 0.4), t_max=4.0, dt=0.7, progress=False)

    def test_repr_shows_no_nan(self):
        model = theory.Model(None, {3: 1.0})
        common = dict(model=model, temperature=0.0, delta2s=(0.3, 0.4), rates=(0.1, 0.05),
                      rate_errors=(1e-3, 1e-3), t_max=60.0, dt=0.19, window=None)
        est = theory.DynamicsThreshold(value=0.5, error=0.01, half_time_value=None, **common)
        assert "nan" not in repr(est) and "first halves: not extrapolated" in repr(est)
        stopped = theory.DynamicsThreshold(value=float("nan"), error=float("nan"), half_time_value=None,
                                           interrupted=True, **common)
        assert "nan" not in repr(stopped) and "not estimated" in repr(stopped)
