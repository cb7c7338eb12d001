"""Tests of theory._pr_simulation: finite-N phase retrieval runs and success-rate ensembles.

Independent routes: the Wilson interval against ``scipy.stats.binomtest(...).proportion_ci``;
the logistic 50% point against curves with a known crossing; the extrapolation against exact
``alpha_inf + c/log N`` data; the end-of-run Lanczos eigenvalue against ``theory.hessian``'s
random-matrix theory fed the empirical ``(h, h*)`` sample (when that exists); a real SIGINT for
the Ctrl-C contract.
"""

import concurrent.futures as cf
import inspect
import math
import os
import signal
import subprocess
import sys
import warnings
from pathlib import Path

import numpy as np
import pytest

import theory
from theory import PhaseRetrieval
from theory import _pr_simulation as prs
from theory._pr_simulation import simulate_phase_retrieval, simulate_phase_retrieval_ensemble

ROOT = Path(__file__).resolve().parents[2]
SQUARE = PhaseRetrieval("square")
REG = PhaseRetrieval("regularised", a=0.01)


class TestSimulatePhaseRetrieval:
    def test_result(self):
        r = simulate_phase_retrieval(REG, n=60, alpha=3.0, seed=3, progress=False)
        assert r.t.shape == r.m.shape == r.loss.shape == r.gradient_norm.shape == r.step_size.shape
        assert r.steps == len(r.t) - 1 and r.outcome in ("success", "stalled", "budget")
        assert r.success == (abs(r.m[-1]) >= 0.9) and not r.interrupted
        assert r.m_rows == 180 and r.h.shape == r.h_star.shape == r.y.shape == (180,)
        np.testing.assert_allclose(r.h, np.abs(r.h) * np.sign(r.h))
        assert r.x @ r.x == pytest.approx(60, rel=1e-12)
        assert r.m[-1] == pytest.approx(r.x @ r.x_star / 60, rel=1e-12)
        assert r.loss[-1] < r.loss[0]
        assert math.isfinite(r.lowest) and r.lowest == r.eigenvalues[0] and 0 <= r.overlap <= 1
        assert "PhaseRetrievalRun(model=PhaseRetrieval(loss='regularised', a=0.01), n=60" in repr(r)

    def test_progress_bar_when_asked(self, capsys):
        simulate_phase_retrieval(SQUARE, n=20, alpha=8.0, seed=0, progress=True, diagnostics=False)
        assert "phase retrieval N=20 alpha=8" in capsys.readouterr().err

    def test_float32_and_noise(self):
        r = simulate_phase_retrieval(PhaseRetrieval("square", noise=0.01), n=40, alpha=8.0, seed=0, progress=False,
                                     dtype="float32")
        assert r.success and r.y.dtype == np.float64 and not np.array_equal(r.y, r.h_star**2)

    def test_reproducible(self):
        kw = dict(n=40, alpha=2.0, progress=False)
        a, b, c = (simulate_phase_retrieval(SQUARE, seed=s, **kw) for s in (7, 7, 8))
        assert a == b and a != c
        np.testing.assert_array_equal(a.m, b.m)

    def test_descent_lowers_the_loss(self):
        r = simulate_phase_retrieval(SQUARE, n=80, alpha=2.0, seed=1, progress=False, diagnostics=False)
        assert np.all(np.diff(r.loss) <= 1e-12 * np.abs(r.loss[:-1]))
        assert r.loss[-1] < 0.2 * r.loss[0]
        assert math.isnan(r.lowest) and r.eigenvalues.size == 0

    def test_success_rate_rises_across_alpha(self):
        # square loss, N = 40, 4 seeds: none succeed at alpha = 1.5, all at alpha = 8
        rates = [np.mean([simulate_phase_retrieval(SQUARE, n=40, alpha=a, seed=s, progress=False,
                                                   diagnostics=False).success for s in range(4)])
                 for a in (1.5, 8.0)]
        assert rates == [0.0, 1.0]

    def test_stalled_run_is_near_marginal(self):
        # regularised loss below the finite-N transition: the descent stalls where the Hessian is
        # nearly marginal (lowest eigenvalue small against the bulk width) and |m| is small
        r = simulate_phase_retrieval(REG, n=150, alpha=1.5, seed=0, progress=False)
        assert r.outcome == "stalled" and abs(r.m[-1]) < 0.5
        assert abs(r.lowest) < 0.05 * (r.eigenvalues[-1] - r.lowest + 1)

    @staticmethod
    def _need_sample_theory():
        if "sample" not in inspect.signature(theory.hessian).parameters:
            pytest.skip("theory.hessian(model=PhaseRetrieval(...), alpha=, sample=) is not on this branch yet")

    def test_sample_theory_at_a_random_start(self):
        """At a random start the state is independent of A: the Hessian is exactly a weighted
        Wishart matrix with the empirical weights, so theory.hessian fed the sample (h, h*) gives
        the Lanczos lowest eigenvalue up to finite-N fluctuations of the edge (measured at N = 400:
        -110.55 against -110.45).  The N -> infinity theory at m = 0 is further off at this N: the
        empirical mu of the regularised loss has heavy-tailed terms (1/(a + y))."""
        self._need_sample_theory()
        from numerics import pr_simulation as core

        inst = core.Instance(n=300, m=1200, labels=REG.labels, rng=np.random.default_rng(0))
        diag = core.hessian_diagnostics(inst, REG.loss_jets, inst.x0)
        th = theory.hessian(model=REG, alpha=4.0, sample=(diag.h, diag.h_star))
        assert th.outlier is not None and th.mu == pytest.approx(diag.mu, rel=1e-12)
        assert diag.lowest == pytest.approx(th.outlier, rel=0.02)
        assert diag.overlap == pytest.approx(th.overlap, abs=0.15)

    def test_sample_theory_where_the_descent_stalled(self):
        """Where the descent stalls, x depends on A and the weighted-Wishart theory of the sample is
        an approximation: it puts the lower edge at the Lanczos lowest eigenvalue (the state is
        marginal) to about 0.5% of the bulk width (measured: 0.049 against -0.059, width 19.6, at
        N = 200), with no outlier towards the signal; the lowest eigenvector is nearly orthogonal
        to the signal."""
        self._need_sample_theory()
        r = simulate_phase_retrieval(REG, n=200, alpha=1.5, seed=1, progress=False)
        assert r.outcome == "stalled"
        th = r.theory_hessian()
        low, high = (float(v) for v in th.bulk_edges)
        assert th.outlier is None
        assert abs(r.lowest - low) < 0.015 * (high - low)
        assert r.overlap < 0.05

    @pytest.mark.parametrize("kwargs, match", [
        (dict(model=theory.Model(0.5, {3: 1.0})), "model must be a theory.PhaseRetrieval"),
        (dict(n=3), r"n must be an integer in \[8"),
        (dict(n=20.0), "n must be an integer"),
        (dict(alpha=0.0), r"alpha must be a number in \(0"),
        (dict(alpha=-1), "alpha must be"),
        (dict(alpha=float("nan")), "alpha must be"),
        (dict(alpha=True), "alpha must be a real number"),
        (dict(seed=-1), "seed must be"),
        (dict(seed=True), "seed must be"),
        (dict(max_steps=0), "max_steps must be an integer"),
        (dict(success_level=1.5), "success_level must be"),
        (dict(gtol=-1.0), "gtol must be"),
        (dict(rtol=2.0), "rtol must be"),
        (dict(window=0), "window must be"),
        (dict(dtype="float16"), "dtype must be"),
        (dict(n=20_000, alpha=100.0), r"n=20000, alpha=100: .* need 298\.\d\d GiB, above memory_limit"),
        (dict(n=20_000, alpha=10.0, dtype="float32"), r"n=20000, alpha=10: the 200000 x 20000 sensing matrix in "
                                                       r"float32 .* need 14\.9\d GiB"),
        (dict(memory_limit=1e3), "memory_limit = 0.00 GiB"),
    ])
    def test_bad_input(self, kwargs, match):
        args = dict(model=SQUARE, n=20, alpha=2.0, seed=0, progress=False)
        args.update(kwargs)
        model = args.pop("model")
        with pytest.raises(ValueError, match=match):
            simulate_phase_retrieval(model, **args)

    def test_table_and_draw(self):
        r = simulate_phase_retrieval(SQUARE, n=30, alpha=6.0, seed=0, progress=False)
        t = r.table()
        assert t.dim == "step" and t.coord.size == len(r.t)
        np.testing.assert_array_equal(t.data["abs_m"], np.abs(r.m))
        assert t.attrs["outcome"] == r.outcome and t.attrs["n"] == 30 and t.attrs["loss"] == "square"
        from matplotlib.figure import Figure

        ax = r._draw(Figure().add_subplot())
        assert [line.get_label() for line in ax.get_lines()][0] == "|m|"
        assert "N = 30" in ax.get_title()

    def test_ctrl_c_with_a_real_sigint(self):
        """SIGINT to a subprocess in the middle of a long descent: the run returns the finished
        steps with interrupted=True and a theory.Interrupted warning."""
        code = (
            "import sys, warnings\n"
            "from theory import PhaseRetrieval, Interrupted\n"
            "from theory._pr_simulation import simulate_phase_retrieval\n"
            "print('ready', flush=True)\n"
            "with warnings.catch_warnings(record=True) as w:\n"
            "    warnings.simplefilter('always')\n"
            "    r = simulate_phase_retrieval(PhaseRetrieval('regularised'), n=200, alpha=1.5, seed=0, gtol=0.0,\n"
            "                                 rtol=0.0, window=10**7, max_steps=10**7, progress=False,\n"
            "                                 memory_limit=2**31)\n"
            "print(r.interrupted, r.outcome, r.steps > 0, len(r.t) == r.steps + 1, bool(r.loss[-1] == r.loss[-1]),\n"
            "      [type(x.message).__name__ for x in w], flush=True)\n"
        )
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        try:
            assert proc.stdout.readline().strip() == "ready"
            import time

            time.sleep(2.0)
            proc.send_signal(signal.SIGINT)
            out, err = proc.communicate(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
        assert proc.returncode == 0, err
        assert out.strip() == "True interrupted True True True ['Interrupted']", (out, err)


class TestHelpers:
    @pytest.mark.parametrize("s, k", [(0, 10), (3, 10), (10, 10), (7, 25), (1, 1)])
    def test_wilson_against_scipy(self, s, k):
        from scipy.stats import binomtest

        ci = binomtest(s, k).proportion_ci(confidence_level=0.95, method="wilson")
        low, high = prs.wilson_interval(s, k)
        assert float(low) == pytest.approx(ci.low, abs=1e-12)
        assert float(high) == pytest.approx(ci.high, abs=1e-12)

    def test_half_point_of_a_logistic_curve(self):
        # expected counts of an exact logistic curve crossing 50% at 3.7: the fit returns 3.7
        alphas = np.linspace(2, 6, 9)
        p = 1 / (1 + np.exp(-(alphas - 3.7) / 0.6))
        a50, err, how = prs.fit_half_point(alphas, 1000 * p, np.full(9, 1000))
        assert how == "logistic" and a50 == pytest.approx(3.7, abs=1e-9) and 0 < err < 0.1

    def test_half_point_against_a_direct_maximisation(self):
        # the same likelihood maximised by Nelder-Mead (scipy), no Newton step shared
        from scipy.optimize import minimize

        a, s, k = np.array([1.0, 2.0, 3.0, 4.0]), np.array([0, 4, 7, 10.0]), 10

        def nll(b):
            return -np.sum(s * (b[0] + b[1] * a) - k * np.logaddexp(0, b[0] + b[1] * a))

        b = minimize(nll, [0.0, 0.0], method="Nelder-Mead", options=dict(xatol=1e-10, fatol=1e-12, maxiter=10_000)).x
        assert prs.fit_half_point(a, s, [k] * 4)[0] == pytest.approx(-b[0] / b[1], abs=1e-6)

    def test_half_point_none_and_gap(self):
        assert prs.fit_half_point([1, 2], [0, 0], [5, 5])[2] == "none"
        assert prs.fit_half_point([1, 2, 3, 5], [0, 0, 4, 4], [4, 4, 4, 4]) == (2.5, 0.5, "interpolation")
        assert prs.fit_half_point([1.5, 2.5, 3.5, 5.0], [0, 0, 0, 1], [8] * 4)[2] == "none"

    def test_half_point_under_separation(self):
        # quasi-complete separation (mixed outcomes at one alpha only): no maximum-likelihood
        # estimate; the crossing is interpolated between the bracketing points
        assert prs.fit_half_point([1.5, 2.5, 3.5, 5.0], [0, 0, 4, 8], [8] * 4) == (3.5, 0.5, "interpolation")
        a50, err, how = prs.fit_half_point([1.5, 2.5, 3.5, 5.0], [1, 8, 8, 8], [8] * 4)
        assert how == "interpolation" and a50 == pytest.approx(1.5 + 0.375 / 0.875) and err == 0.5
        for s in [(0, 0, 0, 4), (0, 1, 4, 8), (0, 3, 3, 8), (2, 6, 7, 8)]:  # every pattern gives a finite point
            a50, err, how = prs.fit_half_point([1.5, 2.5, 3.5, 5.0], s, [8] * 4)
            assert 1.5 <= a50 <= 5.0 and how in ("logistic", "interpolation")

    def test_extrapolation(self):
        ns = [50, 200, 800]
        vals = [7.0 - 12 / math.log(n) for n in ns]
        a, e, c = prs.extrapolate(ns, vals, [0.2, 0.2, 0.2])
        assert a == pytest.approx(7.0, abs=1e-9) and c == pytest.approx(-12, abs=1e-8) and e > 0.2
        a, e, c = prs.extrapolate(ns, [5 + 3 * n**-0.5 for n in ns], [0.1] * 3, scaling=0.5)
        assert a == pytest.approx(5.0, abs=1e-9)
        assert all(math.isnan(v) for v in prs.extrapolate([50], [3.0], [0.1]))


class TestEnsemble:
    KW = dict(alphas=[1.5, 3.0, 8.0], ns=[24, 32], seeds=range(2), diagnostics=False, progress=False)

    def test_curves(self):
        e = simulate_phase_retrieval_ensemble(SQUARE, **self.KW)
        assert e.rate.shape == e.ci_low.shape == (2, 3) and e.final_m.shape == (2, 3, 2)
        assert np.all(e.trials == 2) and not e.interrupted
        assert np.all(e.rate[:, 0] == 0) and np.all(e.rate[:, -1] == 1)
        assert np.all((e.ci_low <= e.rate) & (e.rate <= e.ci_high))
        # each point is the run simulate_phase_retrieval gives for that seed
        one = simulate_phase_retrieval(SQUARE, n=32, alpha=3.0, seed=1, progress=False, diagnostics=False)
        assert e.final_m[1, 1, 1] == abs(one.m[-1]) and e.outcomes[1, 1, 1] == one.outcome
        assert e.alpha_50.shape == (2,) and np.all((1.5 <= e.alpha_50) & (e.alpha_50 <= 8.0))

    def test_executor_gives_the_serial_result(self):
        serial = simulate_phase_retrieval_ensemble(SQUARE, **self.KW)
        with cf.ThreadPoolExecutor(2) as pool:
            threaded = simulate_phase_retrieval_ensemble(SQUARE, executor=pool, **self.KW)
        assert threaded == serial

    def test_interrupt_counts_the_finished_runs(self, monkeypatch):
        from numerics import pr_simulation

        calls = {"n": 0}
        real = pr_simulation._loop

        def interrupting(*args, **kw):
            calls["n"] += 1
            if calls["n"] == 4:
                raise KeyboardInterrupt
            return real(*args, **kw)

        monkeypatch.setattr(pr_simulation, "_loop", interrupting)
        with pytest.warns(theory.Interrupted, match="3 of 12 runs finished"):
            e = simulate_phase_retrieval_ensemble(SQUARE, **self.KW)
        assert e.interrupted and int(e.trials.sum()) == 3 and np.isnan(e.final_m[1]).all()

    def test_table_and_draw(self):
        e = simulate_phase_retrieval_ensemble(SQUARE, **self.KW)
        t = e.table()
        assert t.coord.size == 6
        np.testing.assert_array_equal(t.data["rate"], e.rate.ravel())
        np.testing.assert_array_equal(t.data["n"], [24, 24, 24, 32, 32, 32])
        assert t.attrs["confidence"] == "95% Wilson"
        from matplotlib.figure import Figure

        ax = e._draw(Figure().add_subplot())
        assert {"N = 24", "N = 32"} <= {line.get_label() for line in ax.get_lines()}

    @pytest.mark.parametrize("kwargs, match", [
        (dict(alphas=[]), "alphas must be a non-empty sequence"),
        (dict(ns=5), "ns must be a non-empty sequence"),
        (dict(seeds=[-1]), "seed must be"),
        (dict(ns=[4]), r"n must be an integer in \[8"),
        (dict(executor=object()), "executor must be"),
        (dict(scaling="sqrt"), "scaling must be 'log' or a positive exponent"),
        (dict(t_max=3), r"unknown parameters \['t_max'\]"),
    ])
    def test_bad_input(self, kwargs, match):
        args = dict(self.KW)
        args.update(kwargs)
        with pytest.raises(ValueError, match=match):
            simulate_phase_retrieval_ensemble(SQUARE, **args)

    @pytest.mark.slow
    def test_success_rate_rises_at_larger_n(self):
        # regularised loss, N = 200, 8 seeds: the rate rises from 0 to 1 across alpha = 1.5 .. 5
        e = simulate_phase_retrieval_ensemble(REG, alphas=[1.5, 2.5, 3.5, 5.0], ns=[200], seeds=range(8),
                                              diagnostics=False, progress=False)
        r = e.rate[0]
        assert r[0] <= 0.25 and r[-1] == 1.0 and np.all(np.diff(r) >= -0.25)


class TestDispatch:
    """``theory.simulate`` / ``theory.simulate_ensemble`` with ``model=PhaseRetrieval(...)`` are the
    family's functions (the same result, ``==`` on the base, wall time aside); a spiked call is
    unchanged."""

    def test_simulate_is_the_direct_call(self):
        kw = dict(n=40, alpha=4.0, seed=5, progress=False, max_steps=2000, success_level=0.8)
        r = theory.simulate(model=REG, **kw)
        assert isinstance(r, prs.PhaseRetrievalRun) and r == simulate_phase_retrieval(REG, **kw)
        assert r.success_level == 0.8

    def test_simulate_ensemble_is_the_direct_call(self):
        kw = dict(alphas=[1.0, 8.0], ns=[24], seeds=range(2), diagnostics=False, progress=False)
        e = theory.simulate_ensemble(model=SQUARE, **kw)
        assert isinstance(e, prs.PhaseRetrievalEnsemble) and e == simulate_phase_retrieval_ensemble(SQUARE, **kw)

    def test_executor_is_passed(self):
        kw = dict(alphas=[1.0, 8.0], ns=[24], seeds=range(2), diagnostics=False, progress=False)
        with cf.ThreadPoolExecutor(2) as pool:
            assert theory.simulate_ensemble(model=SQUARE, executor=pool, **kw) == theory.simulate_ensemble(
                model=SQUARE, **kw)

    def test_a_spiked_call_is_unchanged(self):
        from theory import _simulation

        kw = dict(p=3, n=12, delta2=0.5, delta_p=1.0, t_max=1.0, seed=2, progress=False)
        r = theory.simulate(**kw)
        assert isinstance(r, theory.SimulationResult)
        assert r == _simulation._run(_simulation._plan(None, 3, 12, 0.5, 1.0, None, 1.0, None,
                                                       _simulation.DEFAULT_MEMORY_LIMIT, "float64"), 2, False)
        e = theory.simulate_ensemble(seeds=range(2), **{k: v for k, v in kw.items() if k != "seed"})
        assert isinstance(e, theory.SimulationEnsemble) and e.runs[0] == theory.simulate(**{**kw, "seed": 0})

    @pytest.mark.parametrize("kwargs, match", [
        (dict(p=3, n=12, delta2=0.5, delta_p=1.0, seed=0), "simulate needs t_max"),
        (dict(p=3, n=12, delta2=0.5, delta_p=1.0, t_max=1.0, seed=0, alpha=2.0),
         "spiked model takes no alpha"),
        (dict(p=3, n=12, delta2=0.5, delta_p=1.0, t_max=1.0, seed=0, max_steps=5), "takes no max_steps"),
        (dict(model=SQUARE, n=20, seed=0), "needs alpha"),
        (dict(model=SQUARE, n=20, alpha=2.0, seed=0, t_max=1.0), "t_max are for a spiked model"),
        (dict(model=SQUARE, n=20, alpha=2.0, seed=0, bogus=1), r"unknown parameters \['bogus'\]"),
    ])
    def test_bad_input(self, kwargs, match):
        with pytest.raises(ValueError, match=match):
            theory.simulate(**kwargs)
