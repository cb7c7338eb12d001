"""The implicit step-growing DMFT scheme (numerics.dmft_long) against independent routes.

References: the fixed-grid extrapolated scheme (a different discretisation, run to the same
times), the derived closed-form end states (success and one-step aging), and the order of
the scheme measured from its own step counts.
"""

import math

import numpy as np
import pytest

from numerics import dmft
from numerics.dmft_long import BDF2, Growing, integrate_growing
from numerics.model import matrix_tensor


def _run(delta2, t_max, rtol=1e-5, m0=1e-3, solver="newton", **kw):
    return integrate_growing(matrix_tensor(3, delta2, 1.0), m0, t_max, 0.01,
                             history=Growing(rtol=rtol, **kw), solver=solver)


@pytest.fixture(scope="module")
def escape():
    """Escape time at p = 3, Delta2 = 0.4, Delta_p = 1, m0 = 1e-3 at three tolerances."""
    out = []
    for rtol in (1e-4, 1e-5, 1e-6):
        r = _run(0.4, 30.0, rtol)
        out.append((r.steps, dmft.crossing_time(r.t, r.m, 0.5), r))
    return out


@pytest.fixture(scope="module")
def reference_escape():
    """The same escape time from the fixed-grid extrapolated scheme at dt = 0.05."""
    run = dmft.integrate(matrix_tensor(3, 0.4, 1.0), 1e-3, 30.0, 0.05)
    return dmft.crossing_time(run.t, run.m, 0.5)


def test_escape_time_converges_at_second_order(escape, reference_escape):
    errs = [abs(t - reference_escape) for _, t, _ in escape]
    steps = [n for n, _, _ in escape]
    orders = [math.log(errs[i] / errs[i + 1]) / math.log(steps[i + 1] / steps[i]) for i in range(2)]
    assert min(orders) > 1.7, (errs, steps, orders)
    assert errs[-1] / reference_escape < 2e-4


def test_end_state_is_the_derived_success_state(escape):
    run = escape[-1][2]
    want = dmft.success_state(matrix_tensor(3, 0.4, 1.0))
    assert run.m[-1] == pytest.approx(want["m"], abs=2e-5)
    assert run.mu[-1] == pytest.approx(want["mu"], abs=2e-4)
    assert run.energy[-1] == pytest.approx(want["energy"], abs=2e-4)


@pytest.fixture(scope="module")
def stuck():
    """A run above the threshold (Delta2 = 0.7), to t = 3000."""
    return _run(0.7, 3000.0, 1e-5)


def test_stuck_run_agrees_with_the_fixed_grid_where_they_overlap(stuck):
    fixed = dmft.integrate(matrix_tensor(3, 0.7, 1.0), 1e-3, 30.0, 0.1)
    for t in (5.0, 15.0, 30.0):
        for name in ("mu", "energy"):
            a = np.interp(t, stuck.t, getattr(stuck, name))
            b = np.interp(t, fixed.t, getattr(fixed, name))
            assert a == pytest.approx(b, abs=2e-3), (t, name, a, b)


def test_stuck_run_approaches_the_marginal_states(stuck):
    aging = dmft.aging_state(matrix_tensor(3, 0.7, 1.0))
    t, mu, e = stuck.t, stuck.mu, stuck.energy
    assert np.all(np.diff(e[1:]) <= 1e-12)  # T = 0: the loss never increases
    gap = aging["mu"] - np.interp([30.0, 300.0, 3000.0], t, mu)
    excess = np.interp([30.0, 300.0, 3000.0], t, e) - aging["energy"]
    assert np.all(gap > 0) and np.all(np.diff(gap) < 0) and gap[-1] < 5e-3
    assert np.all(excess > 0) and np.all(np.diff(excess) < 0) and excess[-1] < 5e-3
    # power laws: the local exponents lie in (0.2, 1.2)
    slopes = -np.diff(np.log(gap)) / math.log(10.0)
    assert np.all((slopes > 0.2) & (slopes < 1.2)), slopes


def test_thinning_the_history_keeps_the_run(stuck):
    thin = _run(0.7, 3000.0, 1e-5, max_stored=160, keep_start=16, keep_recent=64)
    assert thin.stored_max <= 161
    for name in ("mu", "energy"):
        a = np.interp(3000.0, thin.t, getattr(thin, name))
        b = np.interp(3000.0, stuck.t, getattr(stuck, name))
        assert a == pytest.approx(b, abs=3e-4), name


def test_pairs_and_options_are_checked():
    f = matrix_tensor(3, 0.5, 1.0)
    with pytest.raises(ValueError, match="not a validated pair"):
        dmft.integrate(f, 1e-3, 10.0, 0.01, scheme=BDF2(), history=dmft.Fixed())
    with pytest.raises(ValueError, match="rtol"):
        Growing(rtol=0.5)
    with pytest.raises(ValueError, match="max_stored"):
        Growing(max_stored=100, keep_start=32, keep_recent=64)


@pytest.mark.slow
def test_langevin_at_the_bayes_temperature_ends_at_the_nishimori_overlap():
    run = integrate_growing(matrix_tensor(3, 0.5, 1.0), 0.5, 30.0, 0.01, temperature=1.0,
                            history=Growing(rtol=1e-4))
    want = dmft.nishimori_state(matrix_tensor(3, 0.5, 1.0))
    assert np.max(np.diff(run.t)) <= 0.025 * (1 + 1e-12)
    for name, key in (("m", "m"), ("mu", "mu"), ("energy", "energy")):
        assert getattr(run, key)[-1] == pytest.approx(want[name], rel=2e-3), name


def test_gradient_flow_takes_the_step_growing_scheme():
    import theory

    run = theory.gradient_flow(p=3, delta2=0.7, delta_p=1.0, m0=1e-3, t_max=5.0, scheme="bdf2")
    assert run.scheme == "bdf2" and run.dt == 0.01 and "step-growing grid" in repr(run)
    assert run.t[-1] == pytest.approx(5.0) and np.all(np.diff(run.t) > 0)
    fixed = theory.gradient_flow(p=3, delta2=0.7, delta_p=1.0, m0=1e-3, t_max=5.0)
    assert run.energy[-1] == pytest.approx(fixed.energy[-1], abs=1e-3)
    with pytest.raises(ValueError, match="window"):
        theory.gradient_flow(p=3, delta2=0.7, delta_p=1.0, m0=1e-3, t_max=5.0, scheme="bdf2",
                             window=64)
    with pytest.raises(ValueError, match="dt"):
        theory.gradient_flow(p=3, delta2=0.7, delta_p=1.0, m0=1e-3, t_max=5.0, scheme="bdf2",
                             dt=6.0)


def test_the_preconditioned_solve_finds_the_rows_of_plain_anderson(monkeypatch):
    """Issue 21 item 4: at every step of a stuck run to 3000, the row of the default solve (the
    preconditioned iteration from the quadratic predictor) is the row of the plain Anderson
    iteration from the linear predictor (the scheme's first solve: an independent route to the
    same fixed point), to the solve tolerance, in fewer evaluations of the row map."""
    from numerics.dynamics import bdf2 as dmft_long  # the row solve of the scheme

    step = dmft_long._step
    diffs, evals = [], []

    def both(md, T, hist, h, first, solver="newton"):
        new = step(md, T, hist, h, first, solver="newton")
        try:
            old = step(md, T, hist, h, first, solver="anderson")
        except dmft_long.NotConverged:
            return new
        c, r, m, A = new[:4]
        diffs.append(max(np.max(np.abs(c - old[0])), np.max(np.abs(r - old[1])),
                         abs(m - old[2]) / abs(old[2]), abs(A - old[3]) / old[3]))
        evals.append((hist.t[hist.k - 1], new[5], old[5]))
        return new

    monkeypatch.setattr(dmft_long, "_step", both)
    run = _run(0.7, 3000.0, 1e-5)
    assert run.steps > 200 and len(diffs) > run.steps
    assert max(diffs) < 1e-9, max(diffs)
    late = np.array([(a, b) for t, a, b in evals if t > 300.0])
    assert late[:, 0].sum() < 0.6 * late[:, 1].sum(), late.sum(axis=0)


def test_the_solver_is_checked():
    with pytest.raises(ValueError, match="solver must be"):
        _run(0.7, 1.0, solver="gmres")
