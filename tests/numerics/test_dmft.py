"""Tests of numerics/dmft.py: the grids, the thinning and the schemes."""

import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from numerics import dmft


def _escape(run, level=0.5):
    i = int(np.flatnonzero(run.m >= level)[0])
    return run.t[i - 1] + (level - run.m[i - 1]) / (run.m[i] - run.m[i - 1]) * (run.t[i] - run.t[i - 1])


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


class TestIntegrate:
    def test_thinned_grid_matches_fixed_grid(self):
        # overlapping window t <= 200: the escape and the whole m(t), e(t) curves
        ref = dmft.integrate(3, 0.44, 1.0, 1e-6, 200.0, 0.2, scheme="euler")
        thin = dmft.integrate(3, 0.44, 1.0, 1e-6, 200.0, 0.2, scheme="euler", window=128)
        assert thin.stored_max < ref.steps
        assert abs(_escape(thin) / _escape(ref) - 1) < 3e-3
        # the steep escape turns the 1e-3 time shift into a 3e-2 gap in m for an instant
        assert np.abs(thin.m - ref.m).max() < 3e-2
        assert thin.m[-1] == pytest.approx(ref.m[-1], rel=1e-6)
        assert thin.energy[-1] == pytest.approx(ref.energy[-1], rel=1e-6)

    def test_thinned_grid_converges_in_window(self):
        # a stuck run (Delta2 = 0.6) to t = 150: the error shrinks with the window
        ref = dmft.integrate(3, 0.6, 1.0, 1e-6, 150.0, 0.25, scheme="euler")
        errs = [abs(dmft.integrate(3, 0.6, 1.0, 1e-6, 150.0, 0.25, scheme="euler", window=w).energy[-1]
                    - ref.energy[-1]) for w in (16, 32, 64)]
        assert errs[0] > 4 * errs[1] > 16 * errs[2] * 0.5
        assert errs[2] < 5e-4

    def test_no_thinning_is_the_fixed_grid(self):
        ref = dmft.integrate(3, 0.4, 1.0, 1e-3, 30.0, 0.2, scheme="euler")
        same = dmft.integrate(3, 0.4, 1.0, 1e-3, 30.0, 0.2, scheme="euler", window=1000)
        np.testing.assert_allclose(ref.m, same.m, rtol=1e-12, atol=0)

    @pytest.mark.parametrize("scheme, low, high", [("heun", 1.8, 3.0), ("euler", 0.8, 1.5)])
    def test_step_halving_order(self, scheme, low, high):
        # e(t = 12) for h, h/2, h/4: differences shrink by 2**order (measured: heun 2.5,
        # still pre-asymptotic at these h; euler 1.2)
        vals = [dmft.integrate(3, 0.4, 1.0, 1e-2, 12.0, h, scheme=scheme).energy[-1]
                for h in (0.1, 0.05, 0.025)]
        order = np.log2(abs((vals[0] - vals[1]) / (vals[1] - vals[2])))
        assert low < order < high


class TestEndStates:
    def test_success_state_is_the_ml_amp_fixed_point(self):
        # independent route: iterate the ML-AMP state evolution of spec/theory.md section 6
        from numerics._generated import model_numpy as k

        a = (3, 0.4, 1.0)
        x = 0.9
        for _ in range(2000):
            x = k.xi_prime(x, *a) / np.sqrt(k.xi_prime(x, *a) ** 2 + k.xi_prime(1.0, *a))
        assert dmft.success_state(*a)["m"] == pytest.approx(x, rel=1e-12)

    def test_aging_state_pure_matrix_limit(self):
        # Deltap -> inf: pure spherical 2-spin, mu_th = 2 sqrt(Q''(1)) = 2/sqrt(Delta2) and
        # e_th -> -1/sqrt(Delta2) (the ground state of the SK-spherical model, -lambda_max/2)
        s = dmft.aging_state(3, 0.5, 1e12)
        assert s["mu"] == pytest.approx(2 / np.sqrt(0.5), rel=1e-5)
        assert s["energy"] == pytest.approx(-1 / np.sqrt(0.5), rel=1e-5)
