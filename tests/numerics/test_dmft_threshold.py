"""The pieces of the dynamics-threshold protocol (numerics/dmft_threshold.py) at reduced size.

References: the escape rate of the plateau is minus the BBP outlier of the marginal states'
Hessian (``theory.hessian`` at ``mu = 2 sqrt(Q''(1))``: an independent route, a spectral
formula), and the threshold is the closed form ``theory.threshold`` (the BBP condition solved
by hand at p = 3: ``1/Delta2 = sqrt(1/Delta2 + 2)``, ``Delta2 = 1/2``); the Euler map of a
linear mode is the geometric sequence ``(1 + h lambda)^n``.  The default estimate itself (about
a minute of CPU) is in the slow tier of tests/theory/test_dynamics.py.
"""

import math

import numpy as np
import pytest

import theory
from numerics import dmft_threshold as E

#: The Delta2 of the default runs at p = 3, Deltap = 1 (the scan's placement, docs/dynamics.md).
DEFAULT_RUNS = (0.3696, 0.3952, 0.4214, 0.4491)


def _bbp_rates(p, delta_p, delta2s):
    """Minus the BBP outlier of the marginal states at each Delta2 (``Q''(1) = 1/Delta2 + (p-1)/Deltap``)."""
    return np.array([-theory.hessian(p=p, delta2=d, delta_p=delta_p, m=0.0,
                                     mu=2 * math.sqrt(1 / d + (p - 1) / delta_p)).outlier for d in delta2s])


def _placed(p, delta_p, fractions=(0.739, 0.790, 0.843, 0.898)):
    """Runs placed like the default ones (the same fractions of the threshold as at p = 3)."""
    closed = theory.threshold(p, delta_p)
    return tuple(f * closed for f in fractions), closed


class TestFlowRate:
    @pytest.mark.parametrize("lam, h", [(0.1, 0.2), (0.03, 0.19), (0.005, 0.05)])
    def test_inverts_the_euler_map_of_a_linear_mode(self, lam, h):
        n = np.arange(int(1500 / h))
        t = n * h
        m = 1e-150 * (1 + h * lam) ** n
        a, stat, shift = E.plateau_fit(t, m)
        assert a == pytest.approx(math.log1p(h * lam) / h, rel=1e-9)  # the rate of the map, not lam
        assert abs(shift) < 1e-9 * lam  # nothing to extrapolate
        rate, slope = E.flow_rate(a, h)
        assert rate == pytest.approx(lam, rel=1e-9)
        assert slope == pytest.approx(1 + h * lam, rel=1e-9)


class TestFit:
    @pytest.mark.parametrize("p, delta_p", [(3, 1.0), (3, 0.5), (3, 2.0), (4, 1.0), (4, 0.5)])
    def test_zero_of_the_bbp_rates_is_the_threshold(self, p, delta_p):
        delta2s, closed = _placed(p, delta_p)
        rates = _bbp_rates(p, delta_p, delta2s)
        f = E.fit(delta2s, rates, 1e-4 * rates)
        assert f.degree == 2 and f.kept == (0, 1, 2, 3)
        assert f.value == pytest.approx(closed, rel=3e-4)
        # the curve of the figure goes through the rates and ends at the zero
        np.testing.assert_allclose(f(np.array(delta2s)), np.sqrt(rates), rtol=2e-3)
        assert abs(f(f.value)) < 1e-9

    def test_the_former_fit_was_biased_high(self):
        # sqrt(lambda) quadratic in Delta2 (the fit before issue 21): 0.38% high on exact rates
        rates = _bbp_rates(3, 1.0, DEFAULT_RUNS)
        coef = np.polyfit(DEFAULT_RUNS, np.sqrt(rates), 2)
        former = min(r.real for r in np.roots(coef) if abs(r.imag) < 1e-12 and r.real > DEFAULT_RUNS[-1])
        assert former / 0.5 - 1 == pytest.approx(0.0038, abs=3e-4)
        assert abs(E.fit(DEFAULT_RUNS, rates, 1e-4 * rates).value / 0.5 - 1) < 2e-4

    def test_slow_runs_are_left_out_while_three_remain(self):
        delta2s = (*DEFAULT_RUNS, 0.48)
        rates = _bbp_rates(3, 1.0, delta2s)  # the last is 3% of the first
        assert rates[-1] < E.MIN_RATE_FRACTION * rates[0]
        assert E.fit(delta2s, rates, 1e-4 * rates).kept == (0, 1, 2, 3)

    def test_too_few_runs(self):
        with pytest.raises(ValueError, match="fewer than two runs"):
            E.fit((0.4, 0.45), (0.05, -0.01), (1e-4, 1e-4))


class TestExtrapolate:
    def test_error_parts(self):
        rates = _bbp_rates(3, 1.0, DEFAULT_RUNS)
        errors = 2e-4 * np.ones(4)
        value, error, (stat, time, model) = E.extrapolate(DEFAULT_RUNS, rates, errors, parts=True)
        assert time == 0.0  # no shifts given: every error independent
        assert error == pytest.approx(math.hypot(stat, model), rel=1e-12)
        # the model part: the same fit without the farthest run (a parabola through three)
        three = E._zero(np.array(DEFAULT_RUNS[1:]), rates[1:],
                        1 / (errors[1:] / (2 * np.sqrt(rates[1:] * np.array(DEFAULT_RUNS[1:])))), 2)[0]
        assert model == pytest.approx(abs(three - value), rel=1e-9)
        # the propagated part, by hand: each rate moved by its error alone (the weights kept)
        x = np.array(DEFAULT_RUNS)
        w = 1 / (errors / (2 * np.sqrt(rates * x)))
        moved = [E._zero(x, rates + errors * (np.arange(4) == i), w, 2)[0] - value for i in range(4)]
        assert stat == pytest.approx(math.sqrt(sum(x * x for x in moved)), rel=1e-9)

    def test_a_common_relative_shift_does_not_move_the_zero(self):
        # sqrt(lambda) scales as one: every rate too high by the same fraction leaves the zero
        rates = _bbp_rates(3, 1.0, DEFAULT_RUNS)
        errors = 0.01 * rates
        value, _, (_, time, _) = E.extrapolate(DEFAULT_RUNS, rates, errors, shifts=0.01 * rates, parts=True)
        assert time < 1e-12
        # while independent errors of the same size move it (the former error bar)
        _, _, (stat, _, _) = E.extrapolate(DEFAULT_RUNS, rates, errors, parts=True)
        assert stat > 1e-3

    def test_time_part_is_the_move_under_the_shifts(self):
        rates = _bbp_rates(3, 1.0, DEFAULT_RUNS)
        shifts = -0.05 * np.array([0.002, 0.004, 0.003, 0.004])  # 5% of extrapolations of this size
        errors = 1e-5 + np.abs(shifts)
        value, _, (_, time, _) = E.extrapolate(DEFAULT_RUNS, rates, errors, shifts=shifts, parts=True)
        x = np.array(DEFAULT_RUNS)
        w = 1 / (errors / (2 * np.sqrt(rates * x)))
        assert time == pytest.approx(abs(E._zero(x, rates + shifts, w, 2)[0] - value), rel=1e-9)


class TestEstimate:
    def test_rates_are_taken_to_the_flow(self):
        # runs that are exact Euler maps of the BBP rates: the estimate sees the rates themselves
        rates = _bbp_rates(3, 1.0, DEFAULT_RUNS)
        tasks, results = [], []
        for d, lam in zip(DEFAULT_RUNS, rates):
            h = 0.4 / math.sqrt(1 / d + 2)
            n = np.arange(int(400 / h) + 1)
            tasks.append((None, 1e-150, 400.0, h, 0.0, None))
            results.append((n * h, 1e-150 * (1 + h * lam) ** n, False))
        est = E.estimate(DEFAULT_RUNS, tasks, results, 400.0, False)
        np.testing.assert_allclose(est.rates, rates, rtol=1e-9)
        assert est.value == pytest.approx(0.5, rel=2e-4)
        assert est.half_time_value == pytest.approx(est.value, rel=1e-5)  # the weights differ a little
        assert len(est.error_parts) == 4  # stat, time, model, and the drift from the first halves
        drift = abs(est.value - est.half_time_value) / (math.sqrt(2) - 1)
        assert est.error_parts[3] == pytest.approx(drift, rel=1e-12)
        assert est.error == pytest.approx(math.hypot(*est.error_parts), rel=1e-12)

    def test_reduced_runs_bracket_the_closed_form(self):
        # four fixed-grid runs to t = 200 (about 5 s): the error bar covers the closed form
        est = theory.dynamics_threshold(3, 1.0, delta2s=(0.37, 0.395, 0.42, 0.445), t_max=200.0,
                                        window=None, progress=False)
        assert abs(est.value - 0.5) <= est.error < 0.02
        # the flow rates, extrapolated in time from t = 200, within 2% of the BBP ones (0.7-1.0% measured)
        np.testing.assert_allclose(est.rates, _bbp_rates(3, 1.0, est.delta2s), rtol=2e-2)


def test_a_bdf2_rate_run_is_refused_with_its_reason():
    from numerics import dmft

    f = theory.Model(tensors={3: 1.0}).with_delta2(0.37).field
    with pytest.raises(ValueError, match="step never grows"):
        E.rate_run((f, 1e-150, 3000.0, 0.01, 0.0, dmft.Growing()))


def _aging(grid, drift_per_octave):
    """A synthetic aging correlation ``C(t, s) = (0.3 + d log2(s/10)) sqrt(s/t)`` (s <= t) on
    ``grid``: ``C(2 tw, tw) = (0.3 + d log2(tw/10))/sqrt(2)`` moves by ``d/sqrt(2)`` an octave."""
    t, s = np.meshgrid(grid, grid, indexing="ij")
    lo, hi = np.minimum(t, s), np.maximum(t, s)
    return (0.3 + drift_per_octave * np.log2(lo / 10)) * np.sqrt(lo / hi)


class TestPlateauSettled:
    """The criterion of issue 21 item 2 read off a stored C whose drift is known in closed form."""

    GRID = np.geomspace(1.0, 1280.0, 700)

    def test_a_scaling_correlation_has_settled(self):
        from numerics.dynamics.end_states import plateau_settled

        settled, change = plateau_settled(self.GRID, _aging(self.GRID, 0.0), E.DRIFT_TOL)
        assert settled and abs(change) < 1e-4

    @pytest.mark.parametrize("d", [0.004, -0.01])
    def test_a_drifting_correlation_has_not(self, d):
        from numerics.dynamics.end_states import plateau_settled

        settled, change = plateau_settled(self.GRID, _aging(self.GRID, d), E.DRIFT_TOL)
        assert not settled and change == pytest.approx(d / math.sqrt(2), abs=1e-4)


class TestEstimateReportsThePlateau:
    def _estimate(self, drifts):
        rates = _bbp_rates(3, 1.0, DEFAULT_RUNS)
        tasks, results = [], []
        for d, lam, drift in zip(DEFAULT_RUNS, rates, drifts):
            h = 0.4 / math.sqrt(1 / d + 2)
            n = np.arange(int(400 / h) + 1)
            tasks.append((None, 1e-150, 400.0, h, 0.0, None))
            run = (n * h, 1e-150 * (1 + h * lam) ** n, False)
            results.append(run if drift is None else (*run, drift))
        return E.estimate(DEFAULT_RUNS, tasks, results, 400.0, False)

    def test_settled_below_the_tolerance(self):
        est = self._estimate([1e-4, -5e-4, 1.9e-3, -1.9e-3])
        assert est.plateau_settled is True and est.plateau_drifts == (1e-4, -5e-4, 1.9e-3, -1.9e-3)

    def test_one_drifting_run_is_not_settled(self):
        assert self._estimate([1e-4, -5e-4, -2.1e-3, 0.0]).plateau_settled is False
        assert self._estimate([math.nan, 3e-3, 0.0, 0.0]).plateau_settled is False

    def test_not_measured_is_none(self):
        assert self._estimate([None] * 4).plateau_settled is None
        assert self._estimate([math.nan, 1e-4, 0.0, 0.0]).plateau_settled is None

    def test_short_langevin_runs_are_reported_drifting(self):
        # T = 1 runs to t = 160 (under a second each): C(2 tw, tw) still falls by ~0.01 an
        # octave (docs/dynamics.md), so the estimate must say its plateaus have not settled
        est = theory.dynamics_threshold(3, 1.0, delta2s=(0.41, 0.47), t_max=160.0, temperature=1,
                                        progress=False)
        assert est.plateau_settled is False and len(est.plateau_drifts) == 2
        assert all(d < -E.DRIFT_TOL for d in est.plateau_drifts)
        assert "plateau still drifting" in repr(est)
        # the same reading on a run of the integrator kept whole (same step and window; the
        # protocol's step is beyond what gradient_flow accepts from the start of a run)
        from numerics import dmft
        from numerics.dynamics.end_states import plateau_settled

        f = theory.Model(tensors={3: 1.0}).with_delta2(0.41).field
        run = dmft.integrate(f, 1e-150, 160.0, est.runs[0][0][1], temperature=1.0,
                             scheme=dmft.Euler(), history=dmft.Thinned(64), keep_history=True)
        assert plateau_settled(run.grid, run.C)[1] == pytest.approx(est.plateau_drifts[0], abs=1e-12)
