"""Tests of theory.simulate: finite-N gradient flow against the large-N theory.

Independent routes: the end state of a successful run solves the closed equations of
spec/dmft.md, solved here with a bracketing root finder on the generated xi kernels; the
Hessian spectrum is compared with the semicircle and BBP formulas of spec/theory.md
section 3 (theory.hessian); the threshold is theory.threshold.  Sizes are small (N <= 128),
so tolerances are finite-N ones: the end-state biases measured in docs/finite_n.md shrink
like 1/N (about 0.02 in m, 0.2 in the energy and 0.45 in mu at N = 64).
"""

import math

import numpy as np
import pytest
from scipy.optimize import brentq

import theory
from numerics._generated.model_numpy import xi, xi_prime, xi_second

P, DELTA_P = 3, 1.0


def closed_form_end_state(p, delta2, delta_p):
    """m, e*, mu* and the lowest Hessian eigenvalue of the successful end state (dmft.md)."""
    def f(m):
        return xi_prime(m, p, delta2, delta_p) ** 2 * (1 - m * m) - m * m * xi_prime(1.0, p, delta2, delta_p)

    m = brentq(f, 1e-3, 1 - 1e-12, xtol=1e-15)
    chi = m / xi_prime(m, p, delta2, delta_p)
    mu = xi_prime(m, p, delta2, delta_p) / m + chi * xi_second(1.0, p, delta2, delta_p)
    e = -xi(m, p, delta2, delta_p) - chi * xi_prime(1.0, p, delta2, delta_p)
    lowest = theory.hessian(p=p, delta2=delta2, delta_p=delta_p, m=m, mu=mu).lowest
    return m, e, mu, lowest


class TestSimulate:
    def test_result_shape_and_invariants(self):
        r = theory.simulate(p=3, n=40, delta2=0.4, delta_p=1.0, t_max=10.0, dt=0.1, seed=3, progress=False)
        assert r.t.shape == r.m.shape == r.energy.shape == r.mu.shape == (101,)
        assert r.dt == pytest.approx(0.1) and r.t[-1] == pytest.approx(10.0)
        assert r.x @ r.x == pytest.approx(40, rel=1e-13)
        assert r.m[-1] == pytest.approx(r.x @ r.x_star / 40)
        assert np.all(np.diff(r.energy) <= 1e-12 * np.abs(r.energy[1:]))
        assert 0 <= r.m[0] and not r.interrupted
        assert "SimulationResult(p=3, n=40" in repr(r)

    def test_reproducible(self):
        kw = dict(p=3, n=24, delta2=0.5, delta_p=1.0, t_max=3.0, progress=False)
        a, b, c = theory.simulate(seed=7, **kw), theory.simulate(seed=7, **kw), theory.simulate(seed=8, **kw)
        np.testing.assert_array_equal(a.m, b.m)
        np.testing.assert_array_equal(a.x, b.x)
        assert not np.array_equal(a.x_star, c.x_star)

    @pytest.mark.parametrize("m0", [0.0, 0.3])
    def test_initial_overlap(self, m0):
        r = theory.simulate(p=4, n=16, delta2=0.5, delta_p=1.0, m0=m0, t_max=0.5, seed=1, progress=False)
        assert r.m[0] == pytest.approx(m0, abs=1e-14)

    @pytest.mark.parametrize("kwargs, match", [
        (dict(n=1), "n must be an integer >= 2"),
        (dict(n=8.0), "n must be an integer >= 2"),
        (dict(p=2), "p must be an integer >= 3"),
        (dict(p=3.0), "p must be an integer >= 3"),
        (dict(delta2=0.0), "delta2"),
        (dict(delta_p=-1.0), "delta_p"),
        (dict(delta2=float("nan")), "delta2"),
        (dict(m0=1.0), r"m0 must lie in \[0, 1\)"),
        (dict(m0=-0.1), r"m0 must lie in \[0, 1\)"),
        (dict(t_max=0.0), "t_max"),
        (dict(t_max=float("inf")), "t_max"),
        (dict(dt=-0.1), "dt"),
        (dict(dtype="float16"), "dtype"),
        (dict(seed=-1), "seed"),
        (dict(memory_limit=0), "memory_limit"),
    ])
    def test_bad_input(self, kwargs, match):
        base = dict(p=3, n=8, delta2=0.5, delta_p=1.0, t_max=1.0, seed=0, progress=False)
        with pytest.raises(ValueError, match=match):
            theory.simulate(**{**base, **kwargs})

    def test_refuses_a_tensor_that_does_not_fit(self):
        with pytest.raises(ValueError, match=r"takes 1\.0 GiB in float64 \(2\.0 GiB while sampling\)"):
            theory.simulate(p=3, n=512, delta2=0.5, delta_p=1.0, t_max=1.0, seed=0, memory_limit=2**30)
        with pytest.raises(ValueError, match=r"order-5 tensor at n=100 takes 74\.5 GiB"):
            theory.simulate(p=5, n=100, delta2=0.5, delta_p=1.0, t_max=1.0, seed=0)

    def test_end_state_below_threshold_matches_closed_forms(self):
        """Delta2 = 0.3 < 0.5: m, e, mu and the lowest Hessian eigenvalue of the end state
        against the closed forms, averaged over seeds (N = 64, start at m0 = 0.2)."""
        assert theory.threshold(p=P, delta_p=DELTA_P) == 0.5
        delta2 = 0.3
        m, e, mu, lowest = closed_form_end_state(P, delta2, DELTA_P)
        runs = [theory.simulate(p=P, n=64, delta2=delta2, delta_p=DELTA_P, m0=0.2, t_max=40.0,
                                seed=s, progress=False) for s in range(6)]
        spectra = [r.hessian_spectrum() for r in runs]
        assert all(h.gradient_norm < 1e-8 for h in spectra)  # converged to stationary points
        assert all(h.lowest > 0 for h in spectra)  # ... that are minima
        assert np.mean([r.m[-1] for r in runs]) == pytest.approx(m, abs=0.04)
        assert np.mean([r.energy[-1] for r in runs]) == pytest.approx(e, rel=0.1)
        assert np.mean([r.mu[-1] for r in runs]) == pytest.approx(mu, rel=0.1)
        assert np.mean([h.lowest for h in spectra]) == pytest.approx(lowest, abs=0.3)

    def test_plateau_above_threshold_is_marginal(self):
        """Delta2 = 2 > 0.5: the flow stays at m ~ 0 and mu approaches 2 s; the spectrum fills
        the semicircle [mu - 2s, mu + 2s] with no outlier (N = 128)."""
        delta2 = 2.0
        r = theory.simulate(p=P, n=128, delta2=delta2, delta_p=DELTA_P, m0=0.0, t_max=40.0,
                            seed=1, progress=False)
        th = theory.hessian(p=P, delta2=delta2, delta_p=DELTA_P, m=0.0, mu=r.mu[-1])
        assert th.outlier is None
        assert abs(r.m[-1]) < 0.15  # N**-0.5 = 0.09
        assert r.mu[-1] == pytest.approx(2 * th.s, rel=0.1)
        h = r.hessian_spectrum()
        # finite N: the run is caught by a minimum (lowest >= 0) before reaching the marginal
        # states; the edges move in like N**-2/3 and with mu (docs/finite_n.md)
        assert h.lowest == pytest.approx(th.bulk_edges[0], abs=0.25 * th.s)
        assert h.eigenvalues[-1] == pytest.approx(th.bulk_edges[1], abs=0.25 * th.s)
        assert h.second - h.lowest < 0.1 * th.s  # no isolated eigenvalue
        # the second moment of the bulk is s**2
        assert np.mean((h.eigenvalues - h.mu) ** 2) == pytest.approx(th.s**2, rel=0.1)

    def test_outlier_below_the_bulk_during_the_plateau(self):
        """Delta2 = 0.35 < 0.5: when the flow nears the marginal states (mu = 0.85 * 2s) the
        lowest eigenvalue is isolated below the bulk and its eigenvector overlaps the signal
        as BBP predicts, ``sqrt(1 - s**2/theta**2)`` times the tangent part ``sqrt(1 - m**2)``
        (N = 128).  Runs heading for the mirror state (m < 0, where theta(m) < s for odd p) are
        left out.  Above the threshold (Delta2 = 2) at the same stage the overlap is small."""
        def at_marginal_stage(delta2, seed):
            r = theory.simulate(p=P, n=128, delta2=delta2, delta_p=DELTA_P, m0=0.0, t_max=8.0,
                                seed=seed, progress=False)
            s = theory.hessian(p=P, delta2=delta2, delta_p=DELTA_P, m=0.0, mu=0.0).s
            k = int(np.argmax(r.mu >= 0.85 * 2 * s))
            assert r.mu[k] >= 0.85 * 2 * s
            return r.hessian_spectrum(r.t[k]), s

        below = [at_marginal_stage(0.35, seed) for seed in range(5)]
        below = [(h, s) for h, s in below if h.m > 0]
        assert len(below) >= 3
        for h, s in below:
            th = theory.hessian(p=P, delta2=0.35, delta_p=DELTA_P, m=h.m, mu=h.mu)
            assert th.outlier is not None
            assert h.lowest < h.second - 0.05 * s  # isolated below the rest
            predicted = math.sqrt(1 - th.s**2 / th.theta**2) * math.sqrt(1 - h.m**2)
            assert h.signal_overlap == pytest.approx(predicted, abs=0.15)
        h, s = at_marginal_stage(2.0, 1)
        assert h.signal_overlap < 0.3
        assert h.second - h.lowest < 0.05 * s

    def test_hessian_at_a_chosen_time(self):
        r = theory.simulate(p=3, n=32, delta2=0.5, delta_p=1.0, t_max=5.0, dt=0.1, seed=2, progress=False)
        h = r.hessian_spectrum(2.04)
        assert h.time == pytest.approx(2.0)
        assert h.m == r.m[20] and h.mu == pytest.approx(r.mu[20], rel=1e-12)
        assert h.gradient_norm == pytest.approx(r.gradient_norm[20], rel=1e-12)
        assert h.eigenvalues.shape == (31,) and h.lowest == h.eigenvalues[0]
        assert abs(h.lowest_vector @ r.state(2.0)[1]) < 1e-10  # tangent
        with pytest.raises(ValueError, match="time"):
            r.hessian_spectrum(6.0)

    def test_success_rate_falls_across_the_threshold(self):
        """Random starts at N = 64: every run finds the signal at Delta2 = 0.2; none at
        Delta2 = 2 (far above 0.5: at N = 64 the crossover sits well above the threshold,
        see docs/finite_n.md)."""
        def final_m(delta2, seed):
            r = theory.simulate(p=P, n=64, delta2=delta2, delta_p=DELTA_P, t_max=60.0, seed=seed,
                                progress=False)
            return r.m[-1]

        assert all(abs(final_m(0.2, s)) > 0.8 for s in range(4))  # +x* or its mirror -x*
        assert all(abs(final_m(2.0, s)) < 0.5 for s in range(4))
