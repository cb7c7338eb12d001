"""Tests of numerics/dynamics/: the quadrature rules, histories, steppers, loop and run plan as
objects, each against an independent route (a reduction to another rule, the arrays a run
really allocates, the steps a run really takes, conservation under compaction)."""

import numpy as np
import pytest

from numerics import dmft
from numerics.dynamics import bdf2
from numerics.dynamics.history import Fixed, Growing, Thinned
from numerics.dynamics.jets import jets
from numerics.dynamics.plan import FIXED_GRID_MAX_STEPS, RunPlan
from numerics.dynamics.quadrature import Cells, Rectangle, Trapezoid
from numerics.dynamics.stepper import BDF2, Euler, Heun
from numerics.model import matrix_tensor

F = matrix_tensor(3, 0.6, 1.0)


class TestQuadrature:
    def test_each_rule_on_each_history(self):
        assert type(Rectangle().on(Fixed())) is Rectangle
        assert isinstance(Rectangle().on(Thinned(16)), Cells)
        assert isinstance(Trapezoid().on(Thinned(16)), Trapezoid)
        assert (Rectangle.diagonal, Trapezoid.diagonal) == (0.0, 1.0)

    def test_cells_of_one_step_are_the_rectangle_rule(self):
        # a thinned history whose window exceeds the run drops nothing: every cell is one step,
        # and the cell integrals (RI, RJ, interpolation weights) must reduce to h R
        plain = dmft.integrate(F, 1e-3, 20.0, 0.1, scheme=Euler(), history=Fixed())
        cells = dmft.integrate(F, 1e-3, 20.0, 0.1, scheme=Euler(), history=Thinned(10**6))
        for name in ("m", "mu", "energy", "c_lag"):
            np.testing.assert_allclose(getattr(cells, name), getattr(plain, name), rtol=1e-11,
                                       atol=1e-14, err_msg=name)


def _allocated(stepper) -> int:
    """Bytes of the arrays a bound explicit run holds (store and output rows)."""
    g = stepper.store
    arrays = [g.C, g.R, g.ts, g.idx, g.m, stepper.out]
    arrays += [getattr(g, n) for n in ("RI", "RJ") if hasattr(g, n)]
    return sum(a.nbytes for a in arrays)


class TestHistory:
    @pytest.mark.parametrize("scheme, history, n", [
        (Euler(), Fixed(), 1500), (Heun(), Fixed(), 800), (Euler(), Thinned(32), 6000),
        (dmft.Extrapolated(), Thinned(16), 3000)])
    def test_bytes_are_what_a_run_allocates(self, scheme, history, n):
        plan = RunPlan(scheme, history, 0.1, n * 0.1)
        level = scheme.levels - 1  # the finest level allocates most
        base = getattr(scheme, "base", scheme)
        bound = base.bind(jets(F), 1e-3, n * 0.1, 0.1 / 2**level, 0.0, history.finer(2**level))
        assert plan.bytes() == pytest.approx(_allocated(bound), rel=0.02)  # (rows: 6 per step)

    def test_growing_bytes_are_what_its_store_allocates(self):
        hist = Growing(max_stored=600)
        st = bdf2._History(hist.capacity(), 1e-3)
        got = sum(getattr(st, n).nbytes for n in ("C", "R", "m", "t", "A", "h", "H"))
        assert hist.bytes() == pytest.approx(got, rel=0.01)

    def test_growing_compaction_keeps_the_weight_of_every_response(self):
        hist = Growing(max_stored=100, keep_start=8, keep_recent=16)
        rng = np.random.default_rng(0)
        st = bdf2._History(hist.capacity(), 0.1)
        for k in range(1, hist.capacity()):
            st.append(float(k), rng.uniform(-1, 1, k), rng.uniform(0, 1, k), 0.1, 2.0, 1.0, 1.0)
        k = st.k
        weight = st.R[:k, :k].sum(axis=1)  # sum over the second index, row by row
        t = st.t[:k].copy()
        hist.compact(st)
        n = st.k
        mid = np.arange(8, k - 16)
        dropped = set(mid[1::2]) | set(mid[1::2] - 1)
        untouched = [i for i in range(k) if i not in dropped]
        rows = np.searchsorted(st.t[:n], t[untouched])
        assert n == k - mid[1::2].size
        np.testing.assert_allclose(st.R[:n, :n].sum(axis=1)[rows], weight[untouched], rtol=1e-12)
        np.testing.assert_allclose(st.t[8], 0.5 * (t[8] + t[9]))  # merged pairs: the midpoint

    def test_a_history_below_capacity_is_left_alone(self):
        hist = Growing(max_stored=100, keep_start=8, keep_recent=16)
        st = bdf2._History(hist.capacity(), 0.1)
        st.append(1.0, np.array([0.5]), np.array([0.2]), 0.1, 2.0, 1.0, 1.0)
        hist.compact(st)
        assert st.k == 2


class TestRunPlan:
    @pytest.mark.parametrize("scheme, history", [
        (Euler(), Fixed()), (Heun(), Fixed()), (dmft.Extrapolated(3), Fixed()),
        (dmft.Extrapolated(), Thinned(16))])
    def test_steps_are_those_a_run_takes(self, scheme, history):
        plan = RunPlan(scheme, history, 0.2, 30.0)
        run = dmft.integrate(F, 1e-3, 30.0, 0.2, scheme=scheme, history=history)
        assert plan.total_steps == run.steps
        assert plan.steps == 150 * 2 ** (scheme.levels - 1)

    def test_the_implicit_scheme_has_no_step_count_in_advance(self):
        plan = RunPlan(BDF2(), Growing(), 0.01, 100.0)
        assert plan.counts == () and plan.total_steps == 0
        assert plan.cost(0.0) == 0.0 and plan.cost(1.0) > 0.0
        assert plan.progress(1.0) == (1.0, 100.0, "t")

    def test_auto_history(self):
        short = RunPlan(dmft.Extrapolated(), None, 0.2, 0.2 * FIXED_GRID_MAX_STEPS / 2)
        long = RunPlan(dmft.Extrapolated(), None, 0.2, 0.2 * FIXED_GRID_MAX_STEPS)
        assert short.choose("auto") == (RunPlan(dmft.Extrapolated(), Fixed(), short.dt, short.t_max), None)
        assert long.choose("auto")[0].history == Thinned(128)
        assert RunPlan(Heun(), None, 0.01, 1e3).choose("auto")[0].history == Fixed()
        assert RunPlan(BDF2(), None, 0.01, 1e3).choose("auto")[0].history == Growing()
        assert RunPlan(Euler(), None, 0.2, 10.0).choose(64) == (RunPlan(Euler(), Thinned(64), 0.2, 10.0), 64)
        with pytest.raises(ValueError, match="window"):
            RunPlan(BDF2(), None, 0.01, 1e3).choose(64)

    def test_validity(self):
        assert RunPlan(Euler(), Thinned(16), 0.1, 1.0).valid
        assert not RunPlan(Heun(), Thinned(16), 0.1, 1.0).valid
        assert not RunPlan(BDF2(), Fixed(), 0.1, 1.0).valid

    def test_refusals_name_the_run(self):
        with pytest.raises(ValueError, match=r"t_max=1e\+09 with dt=0.1 needs 10,000,000,000 steps"):
            RunPlan(Euler(), Fixed(), 0.1, 1e9).check_steps()
        with pytest.raises(ValueError, match=r"GiB of history \(2,000,000 steps, Fixed\(\)"):
            RunPlan(dmft.Extrapolated(), Fixed(), 0.1, 1e5).check_footprint()
        with pytest.raises(ValueError, match=r"minutes of one core .* or scheme='bdf2'"):
            RunPlan(Euler(), Thinned(128), 0.1, 1e6).check_cost(0.0, 0.1)
        with pytest.raises(ValueError, match=r"t_max must be at most 1e\+07 with scheme='bdf2'"):
            RunPlan(BDF2(), Growing(), 0.01, 2e7).check_steps()


class TestLoop:
    def test_ctrl_c_in_an_implicit_run_returns_the_steps_done(self, monkeypatch):
        calls = [0]
        step = bdf2._step

        def interrupting(*args, **kw):
            calls[0] += 1
            if calls[0] == 40:
                raise KeyboardInterrupt
            return step(*args, **kw)

        monkeypatch.setattr(bdf2, "_step", interrupting)
        run = dmft.integrate(F, 1e-3, 100.0, 0.01, scheme=BDF2(), history=Growing())
        assert run.interrupted and 0 < run.steps < 40
        assert run.t.size == run.m.size == run.steps + 1 and np.all(np.isfinite(run.m))
        assert np.all(np.diff(run.t) > 0)

    @pytest.mark.parametrize("scheme, history", [(Euler(), Fixed()), (BDF2(), Growing())])
    def test_stop_ends_the_run_at_the_step_it_asks(self, scheme, history):
        run = dmft.integrate(F, 1e-3, 100.0, 0.1, scheme=scheme, history=history,
                             stop=lambda m, k: k >= 7)
        assert run.steps == 7 and run.t.size == 8 and not run.interrupted

    def test_progress_counts_steps_or_time(self):
        class Bar:
            total = 0.0

            def update(self, n):
                self.total += n

        steps, time = Bar(), Bar()
        run = dmft.integrate(F, 1e-3, 25.0, 0.1, scheme=Euler(), history=Fixed(), progress=steps)
        assert steps.total == run.steps == 250
        dmft.integrate(F, 1e-3, 25.0, 0.01, scheme=BDF2(), history=Growing(), progress=time)
        assert time.total == pytest.approx(25.0, rel=1e-12)
