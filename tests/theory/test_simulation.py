"""Tests of theory.simulate: finite-N gradient flow against the large-N theory.

Independent routes: the end state of a successful run solves the closed equations of
docs/dynamics.md, solved here with a bracketing root finder on the generated xi kernels; the
Hessian spectrum is compared with the semicircle and BBP formulas of docs/hessian.md (theory.hessian); the threshold is theory.threshold.  Sizes are small (N <= 128),
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


class TestAnyModel:
    """simulate(model=...): a matrix plus tensors of orders 3 and 4, a pure tensor, a mismatched
    loss.  References are written here from docs/your_model.md (xi, g as polynomials) and solved
    with scipy's brentq, independently of the library's kernels."""

    def test_shorthand_is_the_one_channel_model_bit_for_bit(self):
        kw = dict(n=12, t_max=1.0, seed=3, progress=False)
        a = theory.simulate(p=3, delta2=0.4, delta_p=1.0, **kw)
        b = theory.simulate(model=theory.Model(0.4, {3: 1.0}), **kw)
        assert a == b and a.p == 3 and a.delta2 == 0.4 and a.delta_p == 1.0
        np.testing.assert_array_equal(a.m, b.m)

    def test_every_channel_is_sampled_with_its_variance(self):
        model = theory.Model(0.3, {3: 1.0, 4: 2.0}, assumed=theory.Model(0.6, {3: 0.5, 4: 1.0}))
        r = theory.simulate(model=model, n=8, t_max=0.5, seed=0, progress=False)
        inst = r._instance
        assert inst.orders == (3, 4) and inst.B is not None
        assert inst.channels == {2: 0.3, 3: 1.0, 4: 2.0} and inst.assumed == {2: 0.6, 3: 0.5, 4: 1.0}
        assert r.p is None and r.delta_p is None and r.delta2 == 0.3 and r.model == model
        assert "model=Model(delta2=0.3" in repr(r)
        pure = theory.simulate(model=theory.Model(tensors={3: 2 / 3}), n=8, t_max=0.5, seed=0, progress=False)
        assert pure._instance.B is None and pure.delta2 is None and pure.p == 3

    def test_end_state_of_a_mixture_solves_the_dmft_equation(self):
        """2+3+4 below its threshold: the end state solves xi'(m)^2 (1 - m^2) = m^2 xi'(1)
        (docs/your_model.md, g = xi).  N = 24, four seeds from m0 = 0.2; the finite-N bias of the
        matrix-tensor end state is ~0.02 at N = 64 and shrinks like 1/N (docs/finite_n.md), so
        0.05 at N = 24 covers it and the seed scatter (sd ~0.03 / sqrt(4))."""
        variances = {2: 0.2, 3: 1.0, 4: 1.0}

        def xi_prime(q):  # xi(q) = sum_k q**k / (k Delta_k)
            return sum(q ** (k - 1) / v for k, v in variances.items())

        def f(m):
            return xi_prime(m) ** 2 * (1 - m * m) - m * m * xi_prime(1.0)

        grid = np.linspace(1e-3, 1 - 1e-9, 2001)
        assert np.count_nonzero(np.diff(np.sign(f(grid)))) == 1  # one root in (0, 1)
        m_star = brentq(f, 1e-3, 1 - 1e-9, xtol=1e-14)
        model = theory.Model(variances[2], {3: variances[3], 4: variances[4]})
        runs = [theory.simulate(model=model, n=24, m0=0.2, t_max=20.0, seed=s, progress=False) for s in range(4)]
        assert all(r.gradient_norm[-1] < 1e-6 for r in runs)  # at rest
        assert np.mean([r.m[-1] for r in runs]) == pytest.approx(m_star, abs=0.05)

    def test_mismatched_hessian_bulk_has_the_true_radius(self):
        """Loss built with wrong variances: the Hessian bulk at the end of the run has radius
        2 sqrt(xi''(1)) with the TRUE xi = sum Delta_k q^k / (k Delta'_k^2) (8.83 here), not
        the assumed one (g''(1) = 5.67).  N = 96; measured finite-N effects: the second moment
        about mu is 0.95 xi'' at random points (zeroed repeated indices, (N-1)/N) and 0.89-0.92
        at the minima the flow reaches; the top edge sits 3-7% inside mu + 2 s (Tracy-Widom).
        Tolerance 12%: the assumed-variance prediction is 36% (moment) and 20% (edge) away."""
        true, assumed = {2: 0.3, 3: 1.0}, {2: 0.6, 3: 0.5}
        xi2 = sum((k - 1) * true[k] / assumed[k] ** 2 for k in true)  # xi''(1)
        g2 = sum((k - 1) / assumed[k] for k in true)  # g''(1)
        model = theory.Model(true[2], {3: true[3]}, assumed=theory.Model(assumed[2], {3: assumed[3]}))
        r = theory.simulate(model=model, n=96, m0=0.2, t_max=20.0, seed=0, progress=False)
        h = r.hessian_spectrum()
        moment = np.mean((h.eigenvalues[1:] - h.mu) ** 2)  # lowest left out: a possible outlier
        assert moment == pytest.approx(xi2, rel=0.12) and abs(moment / g2 - 1) > 0.3
        edge = h.eigenvalues[-1] - h.mu
        assert edge == pytest.approx(2 * math.sqrt(xi2), rel=0.12)
        assert abs(edge / (2 * math.sqrt(g2)) - 1) > 0.15


class TestSimulateLimits:
    """Issue 10 item 4: what cannot fit is refused before allocating, naming what to change."""

    BASE = dict(p=3, n=8, delta2=0.5, delta_p=1.0, t_max=1.0, seed=0, progress=False)

    @pytest.mark.parametrize("kwargs, match", [
        (dict(t_max=1e15), r"t_max = 1000000000000000.0 with dt = .* is 7.*e\+15 steps, more than 1e\+07 \(their records alone take .* GiB at n=8\)"),
        (dict(dt=1e-15), r"dt = 1e-15 is 1e\+15 steps"),
        (dict(dt=5e-324), r"dt = 5e-324"),
        (dict(dt=2.0), r"dt = 2.0 must be at most t_max = 1.0"),
        (dict(t_max=1e-3, dt=0.01), r"dt = 0.01 must be at most t_max = 0.001"),
        (dict(n=64, t_max=1e6, dt=0.1, memory_limit=2**24), r"t_max = 1000000.0 with dt = 0.1 is 10000000 steps at n=64, whose records need 0.4 GiB"),  # 40 bytes * (1e7 + 1) steps
        (dict(n=10**400), r"the order-3 tensor at n=.* takes about 2\*\*\d+ GiB"),
        (dict(delta2=1e-320), r"delta2 = 1e-320 is outside \[1e-100, 1e\+100\]"),
        (dict(delta_p="1e400"), r"delta_p = .* is outside"),
        (dict(t_max="1e400"), r"t_max must be a positive number at most 1e\+300"),
        (dict(m0=10**400), r"m0 must lie in \[0, 1\)"),
        (dict(seed="x"), r"seed must be"),
    ])
    def test_refused_with_a_message_naming_the_parameter(self, kwargs, match):
        with pytest.raises(ValueError, match=match):
            theory.simulate(**{**self.BASE, **kwargs})

    def test_several_tensors_count_every_order(self):
        model = theory.Model(0.5, {3: 1.0, 4: 1.0})
        with pytest.raises(ValueError, match=r"the tensors of orders 3, 4 at n=200 take 12.0 GiB in float64 \(23.9 GiB while sampling\)"):
            # 200**3 + 200**4 doubles, plus the order-4 draws while sampling (11.9 GiB)
            theory.simulate(model=model, n=200, t_max=1.0, seed=0)

    def test_a_huge_memory_limit_is_no_limit(self):
        r = theory.simulate(**{**self.BASE, "memory_limit": 10**400})
        assert r.t[-1] == 1.0


class TestResultsTravel:
    def test_pickle_round_trip_and_equality(self):
        import pickle

        r = theory.simulate(p=3, n=10, delta2=0.5, delta_p=1.0, t_max=1.0, seed=4, progress=False)
        back = pickle.loads(pickle.dumps(r))
        assert back == r and back is not r
        assert back.hessian_spectrum() == r.hessian_spectrum()
        other = theory.simulate(p=3, n=10, delta2=0.5, delta_p=1.0, t_max=1.0, seed=5, progress=False)
        assert other != r
        with pytest.raises(TypeError):
            hash(r)


class TestEnsemble:
    KW = dict(p=3, n=10, delta2=0.4, delta_p=1.0, m0=0.1, t_max=2.0)

    def test_serial_ensemble_is_the_single_runs(self):
        e = theory.simulate_ensemble(seeds=[0, 1, 2], progress=False, **self.KW)
        singles = [theory.simulate(seed=s, progress=False, **self.KW) for s in (0, 1, 2)]
        assert e.runs == tuple(singles) and not e.interrupted
        assert e.m.shape == (3, len(e.t)) and e.seeds == (0, 1, 2)
        assert "runs=3/3" in repr(e)

    def test_process_pool_equals_serial(self):
        import concurrent.futures as cf
        import pickle

        serial = theory.simulate_ensemble(seeds=range(4), progress=False, **self.KW)
        with cf.ProcessPoolExecutor(max_workers=2) as pool:
            parallel = theory.simulate_ensemble(seeds=range(4), executor=pool, progress=False, **self.KW)
        assert parallel == serial  # bit for bit: one BLAS thread, a pure function of the seed
        assert pickle.loads(pickle.dumps(parallel)) == parallel

    @pytest.mark.parametrize("kwargs, match", [
        (dict(seeds=[]), "seeds must hold at least one seed"),
        (dict(seeds=3), "seeds must be a sequence"),
        (dict(seeds=[0, -1]), "seed must be"),
        (dict(seeds=[0], executor=object()), "executor must be"),
        (dict(seeds=[0], seed=1), "unknown parameters"),
        (dict(seeds=[0], dt=5.0), "dt = 5.0 must be at most t_max"),
    ])
    def test_bad_input(self, kwargs, match):
        with pytest.raises(ValueError, match=match):
            theory.simulate_ensemble(**{**self.KW, **kwargs})

    def test_seed_sequences_compare_by_value(self):
        import pickle

        r = theory.simulate(p=3, n=8, delta2=0.5, delta_p=1.0, t_max=0.5, seed=np.random.SeedSequence(7),
                            progress=False)
        assert pickle.loads(pickle.dumps(r)) == r


class TestCtrlC:
    """The Ctrl-C contract (theory._interrupt), with a real SIGINT sent to a subprocess: the run
    (or the ensemble) that finished is returned, flagged, with a theory.Interrupted warning."""

    SIMULATE = """
        import warnings
        import theory
        from numerics import simulation as sim

        original, count = sim._rk4_step, [0]

        def step(*args):
            count[0] += 1
            if count[0] == 20:
                print("started", flush=True)
            return original(*args)

        sim._rk4_step = step
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            r = theory.simulate(p=3, n=16, delta2=0.5, delta_p=1.0, m0=0.2, t_max=1e4, dt=0.01, seed=0)
        print("interrupted", r.interrupted)
        print("steps", len(r.t) - 1, "t", r.t[-1], "consistent", r.m[-1] == r.x @ r.x_star / 16,
              "all finite", bool((abs(r.m) <= 1).all()))
        for w in caught:
            print("warning", w.category.__name__, str(w.message))
    """

    def test_simulate_returns_the_run_so_far_with_a_warning(self):
        from tests.sigint import interrupt, run_until_started

        out = interrupt(run_until_started(self.SIMULATE))
        assert out.returncode == 0 and "interrupted True" in out.stdout, out
        steps = int(out.stdout.split("steps ")[1].split()[0])
        t = float(out.stdout.split(" t ")[1].split()[0])
        assert 19 <= steps < 10**6 and t == pytest.approx(0.01 * steps), out  # (the 20th step was cut)
        assert "consistent True all finite True" in out.stdout, out
        warning = (f"warning Interrupted simulate interrupted (Ctrl-C): stopped at t = {t:.6g} of t_max = 10000 "
                   f"(step {steps} of 1000000); the result holds what finished, with interrupted=True")
        assert warning in out.stdout, out
        assert out.stderr == "", out  # no traceback, and no progress bar into a file

    ENSEMBLE = """
        import concurrent.futures as cf, os, time, warnings
        import theory
        from theory import _simulation
        from numerics import simulation as sim

        original_step, original_run, slow = sim._rk4_step, _simulation._run, [False]

        def step(*args):
            if slow[0]:
                time.sleep(0.01)
            return original_step(*args)

        def run(plan, seed, progress=None):
            slow[0] = seed in (2, 3)  # seeds 0 and 1 finish at once; 2 and 3 take 5 s each
            if seed == 2:
                print("started", flush=True)
            return original_run(plan, seed, progress)

        sim._rk4_step, _simulation._run = step, run
        kw = dict(p=3, n=8, delta2=0.5, delta_p=1.0, m0=0.2, t_max=5.0, dt=0.01)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            e = theory.simulate_ensemble(seeds=range({k}), executor={executor}, **kw)
        print("finished", [r is not None for r in e.runs])
        print("interrupted", e.interrupted)
        print("complete runs", all(not r.interrupted and len(r.t) == 501 for r in e.finished))
        print("first equals simulate", e.runs[0] == theory.simulate(seed=0, progress=False, **kw))
        for w in caught:
            print("warning", w.category.__name__, str(w.message))
    """

    def test_simulate_ensemble_serial(self):
        from tests.sigint import interrupt, run_until_started

        out = interrupt(run_until_started(self.ENSEMBLE.format(k=4, executor=None)))
        assert out.returncode == 0, out
        assert "finished [True, True, False, False]" in out.stdout, out
        assert "interrupted True\ncomplete runs True\nfirst equals simulate True" in out.stdout, out
        assert ("warning Interrupted simulate_ensemble interrupted (Ctrl-C): 2 of 4 runs finished (the others "
                "are None); the result holds what finished, with interrupted=True") in out.stdout, out
        # the contract: one Interrupted warning (CI once saw a second, unidentified warning line
        # next to it, not reproduced in 50 local runs: the full output is shown if it recurs)
        lines = out.stdout.splitlines()
        assert sum(line.startswith("warning Interrupted") for line in lines) == 1, out.stdout
        assert out.stderr == "", out.stderr

    def test_simulate_ensemble_on_a_process_pool_as_ctrl_c_at_a_terminal(self):
        # Ctrl-C at a terminal signals the process group: the runs of seeds 2 and 3 are cut on
        # the workers; 4 and 5 are cancelled (or, the one a worker had queued, finish later and
        # are not waited for).
        from tests.sigint import interrupt, run_until_started

        code = self.ENSEMBLE.format(k=6, executor="cf.ProcessPoolExecutor(2)")
        out = interrupt(run_until_started(code, group=True), delay=0.5, group=True)
        assert out.returncode == 0, out
        finished = eval(out.stdout.split("finished ")[1].split("\n")[0])
        assert finished[:4] == [True, True, False, False], out
        assert "interrupted True\ncomplete runs True\nfirst equals simulate True" in out.stdout, out
        assert (f"warning Interrupted simulate_ensemble interrupted (Ctrl-C): {sum(finished)} of 6 runs "
                f"finished (the others are None)") in out.stdout, out
        assert "Traceback" not in out.stderr, out

    def test_warnings_point_at_the_callers_line(self, monkeypatch):
        from numerics import simulation as sim
        from theory import _simulation

        original_step, original_run, count = sim._rk4_step, _simulation._run, [0]

        def step(*args):
            count[0] += 1
            if count[0] == 5:
                raise KeyboardInterrupt
            return original_step(*args)

        monkeypatch.setattr(sim, "_rk4_step", step)
        with pytest.warns(theory.Interrupted, match=r"stopped at t = 0\.4 of t_max = 1 \(step 4 of 10\)") as w:
            r = theory.simulate(p=3, n=8, delta2=0.5, delta_p=1.0, t_max=1.0, dt=0.1, seed=0, progress=False)
        assert r.interrupted and len(r.t) == 5 and w[0].filename == __file__

        def run(plan, seed, progress=None):
            if seed == 1:
                raise KeyboardInterrupt
            return original_run(plan, seed, progress)

        monkeypatch.setattr(sim, "_rk4_step", original_step)
        monkeypatch.setattr(_simulation, "_run", run)
        with pytest.warns(theory.Interrupted, match="1 of 3 runs finished") as w:
            e = theory.simulate_ensemble(seeds=range(3), progress=False, **TestEnsemble.KW)
        assert e.interrupted and e.runs[1:] == (None, None) and w[0].filename == __file__
        assert e.m.shape[0] == 1 and "runs=1/3" in repr(e) and "interrupted" in repr(e)

    def test_interrupt_before_any_run_finished_propagates(self, monkeypatch):
        from theory import _simulation

        def interrupted(plan, seed, progress=None):
            raise KeyboardInterrupt

        monkeypatch.setattr(_simulation, "_run", interrupted)
        with pytest.raises(KeyboardInterrupt):
            theory.simulate_ensemble(seeds=range(3), progress=False, **TestEnsemble.KW)


class TestProgress:
    SCRIPT = """
        import theory
        theory.simulate(p=3, n=8, delta2=0.5, delta_p=1.0, t_max=50.0, dt=0.01, seed=0, progress={progress})
        theory.simulate_ensemble(p=3, n=8, delta2=0.5, delta_p=1.0, t_max=1.0, seeds=range(3),
                                 progress={progress})
        print("done", flush=True)
    """

    def test_no_bar_into_redirected_stderr(self):
        from tests.sigint import run_to_end

        out = run_to_end(self.SCRIPT.format(progress=None))
        assert out.returncode == 0 and "done" in out.stdout and out.stderr == "", out

    def test_progress_true_shows_bars(self):
        from tests.sigint import run_to_end

        out = run_to_end(self.SCRIPT.format(progress=True))
        assert out.returncode == 0, out
        assert "gradient flow N=8:" in out.stderr and "/5000 [" in out.stderr, out
        assert "simulate seeds:" in out.stderr and "/3 [" in out.stderr, out
