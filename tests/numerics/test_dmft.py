"""Tests of numerics/dmft.py: the grids, the thinning and the schemes."""

import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from numerics import dmft
from numerics.model import matrix_tensor


def _escape(run, level=0.5):
    i = int(np.flatnonzero(run.m >= level)[0])
    return run.t[i - 1] + (level - run.m[i - 1]) / (run.m[i] - run.m[i - 1]) * (run.t[i] - run.t[i - 1])


def _cubic_escape(run, level=0.5):
    return dmft.crossing_time(run.t, run.m, level)


def _escape_order(steps, scheme=None, level=0.5):
    """log2 of the ratio of successive differences of the escape time over halving steps."""
    stop = lambda m, k: m > level + 0.1  # noqa: E731
    e = [_cubic_escape(dmft.integrate(F40, 1e-3, 30.0, h, scheme=scheme, stop=stop), level)
         for h in steps]
    return float(np.log2(abs((e[0] - e[1]) / (e[1] - e[2]))))


class TestKept:
    @given(st.integers(8, 64), st.integers(1, 3000))
    @example(window=8, n=1000)
    def test_a_dropped_time_never_comes_back(self, window, n):
        idx = np.arange(n + 1)
        now = dmft.kept(idx, n, window)
        later = dmft.kept(idx, n + 1 + n // 3, window)
        assert not np.any(later & ~now)

    @given(st.integers(8, 64), st.integers(1, 3000))
    def test_recent_steps_and_the_first_steps_are_kept(self, window, n):
        idx = np.arange(n + 1)
        keep = dmft.kept(idx, n, window)
        assert keep[:window].all() and keep[max(0, n - window + 1):].all()

    def test_store_grows_logarithmically(self):
        w = 32
        sizes = [dmft.store_size(n, w) for n in (1000, 10_000, 100_000)]
        # about W/2 per octave on each side (present and start)
        assert sizes[2] - sizes[1] < w * 4 and sizes[1] - sizes[0] < w * 4


F44 = matrix_tensor(3, 0.44, 1.0)
F40 = matrix_tensor(3, 0.4, 1.0)
E, H = dmft.Euler(), dmft.Heun()


class TestIntegrate:
    def test_thinned_grid_matches_fixed_grid(self):
        # overlapping window t <= 200: the escape and the whole m(t), e(t) curves
        ref = dmft.integrate(F44, 1e-6, 200.0, 0.2, scheme=E)
        thin = dmft.integrate(F44, 1e-6, 200.0, 0.2, scheme=E, history=dmft.Thinned(128))
        assert thin.stored_max < ref.steps
        assert abs(_escape(thin) / _escape(ref) - 1) < 3e-3
        # the steep escape turns the 1e-3 time shift into a 3e-2 gap in m for an instant
        assert np.abs(thin.m - ref.m).max() < 3e-2
        assert thin.m[-1] == pytest.approx(ref.m[-1], rel=1e-6)
        assert thin.energy[-1] == pytest.approx(ref.energy[-1], rel=1e-6)

    def test_extrapolated_thinned_matches_extrapolated_fixed(self):
        # the extrapolated scheme on the thinned history (fine level: window 2W) on t <= 60
        ref = dmft.integrate(F40, 1e-3, 60.0, 0.2)
        thin = dmft.integrate(F40, 1e-3, 60.0, 0.2, history=dmft.Thinned(32))
        assert thin.stored_max < ref.steps / 3
        assert abs(_escape(thin) / _escape(ref) - 1) < 1e-3
        # a small window (32): the end state keeps a thinning error of order 1e-5
        assert thin.energy[-1] == pytest.approx(ref.energy[-1], rel=3e-5)

    def test_thinned_grid_converges_in_window(self):
        # a stuck run (Delta2 = 0.6) to t = 150: the error shrinks with the window
        f = matrix_tensor(3, 0.6, 1.0)
        ref = dmft.integrate(f, 1e-6, 150.0, 0.25, scheme=E)
        errs = [abs(dmft.integrate(f, 1e-6, 150.0, 0.25, scheme=E, history=dmft.Thinned(w)).energy[-1]
                    - ref.energy[-1]) for w in (16, 32, 64)]
        assert errs[0] > 4 * errs[1] > 16 * errs[2] * 0.5
        assert errs[2] < 5e-4

    def test_no_thinning_is_the_fixed_grid(self):
        ref = dmft.integrate(F40, 1e-3, 30.0, 0.2, scheme=E)
        same = dmft.integrate(F40, 1e-3, 30.0, 0.2, scheme=E, history=dmft.Thinned(1000))
        np.testing.assert_allclose(ref.m, same.m, rtol=1e-12, atol=0)

    @pytest.mark.parametrize("scheme, low, high", [(H, 1.8, 3.0), (E, 0.8, 1.5),
                                                   (dmft.Extrapolated(), 1.7, 3.5)])
    def test_step_halving_order(self, scheme, low, high):
        # e(t = 12) for h, h/2, h/4: differences shrink by 2**order (measured: heun 2.5,
        # still pre-asymptotic at these h; euler 1.2; extrapolated about 2)
        vals = [dmft.integrate(F40, 1e-2, 12.0, h, scheme=scheme).energy[-1] for h in (0.1, 0.05, 0.025)]
        order = np.log2(abs((vals[0] - vals[1]) / (vals[1] - vals[2])))
        assert low < order < high

    def test_default_escape_time_within_0_1_percent_of_richardson_euler(self):
        # independent reference: the scalar Richardson (Neville) table of plain Euler escape
        # times at h = 0.1, 0.05, 0.025 (third order; about 1e-6 off, docs/dynamics.md)
        stop = lambda m, k: m > 0.6  # noqa: E731

        def escape(h, scheme=None):
            return _cubic_escape(dmft.integrate(F40, 1e-3, 30.0, h, scheme=scheme, stop=stop))

        e = [escape(h, E) for h in (0.1, 0.05, 0.025)]
        r1 = [2 * e[1] - e[0], 2 * e[2] - e[1]]
        ref = (4 * r1[1] - r1[0]) / 3
        errs = [abs(escape(h) / ref - 1) for h in (0.2, 0.1)]
        # measured: 5.5e-4 and 1.7e-4 (second order; plain Euler at 0.1: 2.1e-2)
        assert errs[0] < 1e-3 and errs[1] < 3e-4
        assert abs(e[0] / ref - 1) > 20 * errs[0]

    def test_extrapolated_escape_time_is_second_order_from_dt_0_2(self):
        # observed order between successive steps, no reference needed: log2 of the ratio of
        # successive differences of the escape time at dt = 0.2, 0.1, 0.05 (measured 1.68; the
        # pointwise log-m extrapolation alone gave 0.88 here: a first-order-looking sequence)
        order = _escape_order((0.2, 0.1, 0.05))
        assert 1.5 < order < 2.5

    @pytest.mark.slow
    def test_extrapolated_escape_time_is_second_order_from_dt_0_1(self):
        # as above at dt = 0.1, 0.05, 0.025 (measured 1.78; pointwise log m alone: 0.98)
        order = _escape_order((0.1, 0.05, 0.025))
        assert 1.5 < order < 2.5

    @pytest.mark.slow
    def test_three_levels_are_third_order(self):
        # dt = 0.2, 0.1, 0.05 with Euler runs down to 0.0125 (measured 2.34; two levels: 1.68)
        order = _escape_order((0.2, 0.1, 0.05), dmft.Extrapolated(3))
        assert 2.0 < order < 3.5

    def test_unvalidated_pair_is_refused(self):
        # Heun on the thinned history gave m(30) = 0.041 instead of 0.826 (issue 12)
        with pytest.raises(ValueError, match="not a validated pair"):
            dmft.integrate(F40, 1e-3, 30.0, 0.1, scheme=H, history=dmft.Thinned(32))

    def test_levels_out_of_range(self):
        with pytest.raises(ValueError, match="levels"):
            dmft.Extrapolated(5)

    def test_shorthand_field_is_the_model_field(self):
        from fractions import Fraction

        from numerics.model import field

        exact = field({2: Fraction(2, 5), 3: Fraction(1)})
        a = dmft.integrate(F40, 1e-3, 10.0, 0.2)
        b = dmft.integrate(exact, 1e-3, 10.0, 0.2)
        np.testing.assert_array_equal(a.m, b.m)


def _synthetic(h, t_max, m_of_t):
    t = np.arange(int(round(t_max / h)) + 1) * h
    m = m_of_t(t, h)
    return dmft.Run(t=t, m=m, mu=1.0 + m**2, energy=-m, c_lag=np.ones_like(t), grid=None, C=None,
                    R=None, interrupted=False, steps=t.size - 1, stored_max=0, seconds=0.0)


def _logistic(t):
    return 0.8 / (1.0 + 400.0 * np.exp(-0.5 * t))


class TestCombine:
    def test_a_delayed_escape_is_undone(self):
        # levels that differ by a delay proportional to h (the main error of an Euler run):
        # the extrapolation along m removes it; at fixed t it leaves delay**2 m''
        delay = lambda t, h: _logistic(t - 2.2 * h)  # noqa: E731
        runs = [_synthetic(0.2, 30.0, delay), _synthetic(0.1, 30.0, delay)]
        out = dmft._combine(runs, interrupted=False)
        exact = _logistic(out.t)
        err = np.abs(out.m - exact)[5:-5]
        assert err.max() < 2e-5  # cubic interpolation only
        np.testing.assert_allclose(out.energy[5:-5], -exact[5:-5], atol=2e-5)
        pointwise = np.exp(2 * np.log(runs[1].m[::2]) - np.log(runs[0].m))
        assert np.abs(pointwise - exact).max() > 50 * err.max()

    def test_different_end_states_keep_the_pointwise_values(self):
        # levels that level off at h-dependent overlaps (Langevin at T > 0): T_k(v) runs
        # away near the end, and there the pointwise extrapolation stands
        shifted = lambda t, h: _logistic(t) * np.exp(0.25 * h)  # noqa: E731
        runs = [_synthetic(0.2, 40.0, shifted), _synthetic(0.1, 40.0, shifted)]
        out = dmft._combine(runs, interrupted=False)
        np.testing.assert_allclose(out.m[-20:], _logistic(out.t[-20:]), rtol=1e-12)

    def test_langevin_runs_are_extrapolated_pointwise(self):
        # at T > 0 the levels end at h-dependent states: no extrapolation along m
        runs = [dmft.integrate(F40, 1e-2, 8.0, h, scheme=E, temperature=0.5) for h in (0.2, 0.1)]
        both = dmft.integrate(F40, 1e-2, 8.0, 0.2, temperature=0.5)
        np.testing.assert_array_equal(both.m, dmft._combine(runs, False, along_m=False).m)
        assert not np.array_equal(both.m, dmft._combine(runs, False).m)


class TestCrossingTime:
    def test_cubic_is_exact_for_a_cubic(self):
        t = np.linspace(0, 1, 11)
        m = t**3
        assert dmft.crossing_time(t, m, 0.5 ** 3) == pytest.approx(0.5, rel=1e-12)

    def test_never_and_at_start(self):
        t = np.linspace(0, 1, 5)
        assert dmft.crossing_time(t, 0.1 * t, 0.5) == np.inf
        assert dmft.crossing_time(t, 0.6 + t, 0.5) == 0.0


class TestEndStates:
    def test_success_state_is_the_ml_amp_fixed_point(self):
        # independent route: iterate the ML-AMP state evolution of docs/phase_diagram.md
        from numerics._generated import model_numpy as k

        a = (3, 0.4, 1.0)
        x = 0.9
        for _ in range(2000):
            x = k.xi_prime(x, *a) / np.sqrt(k.xi_prime(x, *a) ** 2 + k.xi_prime(1.0, *a))
        assert dmft.success_state(*a)["m"] == pytest.approx(x, rel=1e-12)

    def test_nishimori_state_is_the_bayes_fixed_point(self):
        # independent route: iterate Bayes-optimal state evolution m <- mhat/(1 + mhat)
        a = (3, 0.5, 1.0)
        x = 0.9
        for _ in range(3000):
            mhat = x / 0.5 + x**2
            x = mhat / (1 + mhat)
        state = dmft.nishimori_state(*a)
        assert state["m"] == pytest.approx(x, rel=1e-12)
        assert state["m"] == pytest.approx((5**0.5 - 1) / 2, rel=1e-14)  # m^2 + m - 1 = 0

    def test_aging_state_pure_matrix_limit(self):
        # Deltap -> inf: pure spherical 2-spin, mu_th = 2 sqrt(Q''(1)) = 2/sqrt(Delta2) and
        # e_th -> -1/sqrt(Delta2) (the ground state of the SK-spherical model, -lambda_max/2)
        s = dmft.aging_state(3, 0.5, 1e12)
        assert s["mu"] == pytest.approx(2 / np.sqrt(0.5), rel=1e-5)
        assert s["energy"] == pytest.approx(-1 / np.sqrt(0.5), rel=1e-5)


class TestThresholdRuns:
    def test_ctrl_c_inside_a_run_stops_the_sweep(self, monkeypatch):
        # the integrator returns the steps done on Ctrl-C; a threshold run raises it again so
        # that theory._sweep.run stops every run, not just the current one
        from numerics import dmft_threshold

        def interrupting(self, M):
            raise KeyboardInterrupt

        monkeypatch.setattr(dmft._Store, "derivative", interrupting)
        with pytest.raises(KeyboardInterrupt):
            dmft_threshold.rate_run((F40, 1e-150, 10.0, 0.2, 0.0, dmft.Fixed()))
