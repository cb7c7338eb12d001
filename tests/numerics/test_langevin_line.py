"""Tests of numerics/langevin_line.py: the Langevin threshold against independent routes.

Reference values come from limits (T = 0: the gradient-flow closed form; the pure spiked matrix),
from the p = 3, T = 1 closed form worked by hand from the two conditions (``Delta2 = sqrt(Deltap/2)``
for ``Deltap < 2``, else 1), and from putting the threshold back into its defining condition with
the plateau found independently (numpy polynomial roots of the marginality condition).

arXiv:1812.09066 reports its Langevin threshold as extrapolated points in a figure; no numerical
value of it could be read from a text source (see the note in numerics/langevin_line.py), so no
test pins the paper's numbers.
"""

import math
import pickle
from fractions import Fraction

import mpmath
import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from numerics import dmft
from numerics import langevin_line as L
from numerics._generated import thresholds_numpy
from numerics.backend import F64, MP
from numerics.model import field, matrix_tensor
from numerics.solvers import Root


def _ctx(dps):
    ctx = mpmath.MPContext()
    ctx.dps = dps
    return ctx


def _q_ea(delta2, delta_p, temperature):
    """The plateau of the aging states of the 2+3 model, independently: the root in (0, 1) of
    (1 - q)^2 (1/Delta2 + 2 q/Deltap) = T^2, by numpy.roots of that cubic."""
    a, b = 1 / delta2, 2 / delta_p
    # (1 - 2q + q^2)(a + b q) - T^2 = b q^3 + (a - 2b) q^2 + (b - 2a) q + a - T^2
    roots = np.roots([b, a - 2 * b, b - 2 * a, a - temperature**2])
    real = [r.real for r in roots if abs(r.imag) < 1e-12 and 0 < r.real < 1]
    assert len(real) == 1
    return real[0]


class TestZeroTemperature:
    @given(st.floats(0.01, 100.0))
    @example(1.0)
    def test_p3_is_the_gradient_flow_threshold(self, delta_p):
        line = L.threshold(field({3: delta_p}), 0)
        expected = float(thresholds_numpy.delta2_gf(3, delta_p))
        assert line.delta2 == pytest.approx(expected, rel=1e-12)
        assert line.plateau == 1.0 and line.fdt_ratio == 0.0

    @pytest.mark.parametrize("channels,assumed", [({4: 0.7}, None), ({3: 0.5, 5: 2.0}, None),
                                                  ({3: 1.0}, {3: 1.5})])
    def test_any_channels_is_the_gradient_flow_threshold(self, channels, assumed):
        tensors = field(channels, assumed)
        expected = float(thresholds_numpy.delta2_gf_channels(tensors.xi(1.0, 2)))
        assert L.threshold(tensors, 0).delta2 == pytest.approx(expected, rel=1e-12)


class TestBayesTemperatureP3:
    @pytest.mark.parametrize("delta_p,expected", [(0.5, 0.5), (1.0, math.sqrt(0.5)), (1.5, math.sqrt(0.75)),
                                                  (2.0, 1.0), (4.0, 1.0)])
    def test_closed_form(self, delta_p, expected):
        assert L.threshold(field({3: delta_p})).delta2 == pytest.approx(expected, rel=1e-12)

    @given(st.floats(0.01, 1.99))
    def test_below_two_is_sqrt_half_deltap(self, delta_p):
        line = L.threshold(field({3: delta_p}))
        assert line.branch == "aging"
        assert line.delta2 == pytest.approx(math.sqrt(delta_p / 2), rel=1e-11)
        assert line.plateau == pytest.approx(1 - line.delta2, abs=1e-12)
        assert 0 < line.fdt_ratio < 1  # a genuine one-step aging state (x < 1)

    @given(st.floats(2.0, 1e6))
    def test_from_two_on_is_the_amp_threshold(self, delta_p):
        # Bayes-optimal AMP for p = 3 leaves m = 0 iff Delta2 < 1 (docs/phase_diagram.md)
        line = L.threshold(field({3: delta_p}))
        assert line.delta2 == 1.0 and line.branch == "paramagnet" and line.fdt_ratio is None


class TestDefiningCondition:
    @pytest.mark.parametrize("temperature", [0.3, 0.7, 1.0])
    @pytest.mark.parametrize("delta_p", [0.3, 1.0, 1.7])
    def test_bbp_sign_flips_at_the_threshold(self, temperature, delta_p):
        # escape iff g''(0) = 1/Delta2 > T/(1 - q_EA(Delta2)), with q_EA found independently
        d = L.threshold(field({3: delta_p}), temperature).delta2
        for delta2, sign in ((d * (1 - 1e-4), 1), (d * (1 + 1e-4), -1)):
            margin = 1 / delta2 - temperature / (1 - _q_ea(delta2, delta_p, temperature))
            assert np.sign(margin) == sign

    @pytest.mark.parametrize("temperature", [0.2, 0.6, 1.0])
    def test_plateau_is_the_marginal_one(self, temperature):
        line = L.threshold(field({3: 0.8}), temperature)
        assert line.plateau == pytest.approx(_q_ea(line.delta2, 0.8, temperature), rel=1e-10)


class TestLimitsAndOrder:
    @pytest.mark.parametrize("temperature", [0.0, 0.5, 1.0])
    def test_pure_matrix_limit(self, temperature):
        # Deltap -> oo: the spherical spiked matrix, whose threshold is Delta2 = 1 for T <= 1
        assert L.threshold(field({3: 1e12}), temperature).delta2 == pytest.approx(1.0, abs=1e-9)

    @given(st.floats(0.05, 3.0))
    def test_between_gradient_flow_and_amp_increasing_in_temperature(self, delta_p):
        values = [L.threshold(field({3: delta_p}), t).delta2 for t in (0.0, 0.25, 0.5, 0.75, 1.0)]
        assert values[0] == pytest.approx(float(thresholds_numpy.delta2_gf(3, delta_p)), rel=1e-12)
        assert all(a < b for a, b in zip(values, values[1:])) or values[-1] == 1.0
        assert values[-1] <= 1.0

    def test_fraction_temperature_equals_float(self):
        a = L.threshold(field({3: 1.3}), Fraction(1, 2)).delta2
        b = L.threshold(field({3: 1.3}), 0.5).delta2
        assert a == b


class TestPrecision:
    @pytest.mark.parametrize("temperature", [Fraction(0), Fraction(1, 3), Fraction(1)])
    def test_two_precisions_agree(self, temperature):
        tensors = field({3: Fraction(7, 10)})
        low = L.threshold(tensors, temperature, _ctx(30)).delta2
        high = L.threshold(tensors, temperature, _ctx(50)).delta2
        assert abs(low - high) < mpmath.mpf(10) ** -28
        assert float(high) == pytest.approx(L.threshold(field({3: 0.7}), float(temperature)).delta2, rel=1e-14)

    def test_mp_closed_form_p3(self):
        ctx = _ctx(40)
        value = L.threshold(field({3: Fraction(1)}), 1, ctx).delta2
        assert abs(ctx.mpf(value) - ctx.sqrt(ctx.mpf(1) / 2)) < ctx.mpf(10) ** -38

    def test_evaluate_in_mp_is_a_root_with_its_bracket(self):
        out = L.evaluate(MP(30), field({3: Fraction(1)}))
        assert isinstance(out, Root) and out.bracket[0] <= out.value <= out.bracket[1]


class TestInterface:
    def test_evaluate_in_float64_broadcasts(self):
        delta_p = np.array([[0.5, 1.0], [2.0, 3.0]])
        out = L.evaluate(F64, field({3: delta_p})).value
        assert out.shape == (2, 2)
        for idx in np.ndindex(2, 2):
            assert out[idx] == L.threshold(field({3: float(delta_p[idx])})).delta2

    @pytest.mark.parametrize("ctx", [None, _ctx(30)])
    def test_result_pickles_and_compares(self, ctx):
        tensors = field({3: Fraction(1)})
        line = L.threshold(tensors, Fraction(1, 2), ctx)
        again = pickle.loads(pickle.dumps(line))
        assert again == line
        assert "LangevinLine(T=1/2" in repr(line)

    @pytest.mark.parametrize("temperature", [1.5, -0.1, math.nan, True, "1"])
    def test_bad_temperature(self, temperature):
        with pytest.raises(ValueError, match="temperature"):
            L.threshold(field({3: 1.0}), temperature)

    def test_matrix_channel_is_refused(self):
        with pytest.raises(ValueError, match="tensor channels only"):
            L.threshold(field({2: 1.0, 3: 1.0}))

    def test_reentrant_escape_region_is_flagged(self):
        # 2+4 at small Deltap: r = 1 - 3 Delta2^2 (1 - Delta2)/Deltap has two roots below 1
        line = L.threshold(field({4: 0.3}))
        assert line.crossings == 2
        # the first root: 3 Delta2^2 (1 - Delta2) = Deltap
        assert 3 * line.delta2**2 * (1 - line.delta2) == pytest.approx(0.3, rel=1e-12)


class TestAgingStateAgainstDMFT:
    @pytest.mark.parametrize("delta2", [0.55, 0.75])
    def test_late_multiplier_is_the_marginal_aging_one(self, delta2):
        # A T = 1 run that stays at m ~ 0 (m0 = 1e-150 keeps it linear in m up to t = 100): mu(t),
        # extrapolated in time, reaches T/(1 - q) + (xi'(1) - xi'(q))/T on the marginal plateau
        # (1 - q)^2 xi''(q) = T^2, not the paramagnet's T + xi'(1)/T (2% and 6% away here).
        from scipy.optimize import curve_fit

        run = dmft.integrate(matrix_tensor(3, delta2, 1.0), 1e-150, 100.0, 0.2, temperature=1.0)
        late = run.t >= 20
        (mu_inf, _, _), _ = curve_fit(lambda t, mu, a, g: mu - a * t ** (-g), run.t[late], run.mu[late],
                                      p0=(run.mu[-1], 1.0, 0.6), maxfev=20000)
        _, mu = L.aging_state(field({3: 1.0}), delta2)
        paramagnet = 1.0 + float(matrix_tensor(3, delta2, 1.0).xi(1.0, 1))
        assert mu_inf == pytest.approx(mu, rel=2e-3)
        assert abs(mu_inf - paramagnet) > 5 * abs(mu_inf - mu)

    def test_aging_state_refuses_a_stable_paramagnet(self):
        with pytest.raises(ValueError, match="delta2"):
            L.aging_state(field({3: 1.0}), 1.2, 1.0)


class TestPlateauBeyondTheGrid:
    """The marginal plateau outside the q grid [1e-9, 1 - 1e-9] (issue 18 item 4)."""

    def test_aging_state_at_a_tiny_temperature(self):
        # (1 - q)^2 xi''(q) = T^2 with xi''(1) = 1/Delta2 + 2/Deltap = 4: 1 - q = T/2 to first order
        q, _ = L.aging_state(field({3: 1.0}), 0.5, 1e-10)
        assert 1 - q == pytest.approx(0.5e-10, rel=1e-5)

    def test_threshold_at_a_tiny_temperature_is_not_ambiguous(self):
        line = L.threshold(field({3: 1.0}), 1e-10)
        assert line.branch == "aging" and line.delta2 == pytest.approx(0.5, abs=1e-10)


def _cubic_roots(delta_p):
    """The roots in (0, 1) of ``3 Delta2^2 (1 - Delta2) = Deltap``: at p = 4, T = 1 the residual is
    ``(1 - Delta2) (1 - 3 Delta2^2 (1 - Delta2)/Deltap)`` (worked by hand), numpy's polynomial roots."""
    r = np.roots([-3.0, 3.0, 0.0, -delta_p])
    return sorted(float(x.real) for x in r if abs(x.imag) < 1e-12 and 0 < x.real < 1)


class TestEscapeSet:
    @pytest.mark.parametrize("delta_p", [0.35, 0.4, 0.44])
    def test_reentrant_p4_below_four_ninths(self, delta_p):
        # escape below the first root of the cubic and again above the second, up to 1
        lo, hi = _cubic_roots(delta_p)
        (a0, a1), (b0, b1) = L.escape_set(field({4: delta_p}))
        assert a0 == 0.0 and b1 == 1.0
        assert a1 == pytest.approx(lo, rel=1e-12) and b0 == pytest.approx(hi, rel=1e-12)
        assert a1 == L.threshold(field({4: delta_p})).delta2

    def test_the_numbers_of_the_issue(self):
        # Deltap = 0.4: escape below 0.536, trapping between 0.536 and 0.782, escape from 0.782 to 1
        (_, a1), (b0, b1) = L.escape_set(field({4: 0.4}))
        assert (round(a1, 3), round(b0, 3), b1) == (0.536, 0.782, 1.0)
        inside = lambda d: float(L.residual(field({4: 0.4}), d, 1))  # noqa: E731
        assert inside(0.5) > 0 > inside(0.65) and inside(0.9) > 0

    @pytest.mark.parametrize("delta_p", [0.2, 0.3])
    def test_second_root_with_an_ambiguous_plateau_is_refused(self, delta_p):
        # further below 4/9 the upper root has three marginal plateaus (the criterion does not
        # say which one a run reaches): refused, as the threshold itself would be
        hi = _cubic_roots(delta_p)[1]
        qs = np.linspace(1e-6, 1 - 1e-6, 200001)
        m = (1 - qs) ** 2 * (1 / hi + 3 * qs**2 / delta_p) - 1  # (1 - q)^2 xi''(q) - T^2
        assert np.count_nonzero(np.diff(np.sign(m))) == 3
        with pytest.raises(L.AmbiguousPlateau, match=f"at Delta2 = {hi:.6f}"):
            L.escape_set(field({4: delta_p}))
        assert L.threshold(field({4: delta_p})).crossings == 2  # the first root is not ambiguous

    @pytest.mark.parametrize("delta_p", [0.45, 1.0])
    def test_one_interval_from_four_ninths_on(self, delta_p):
        assert not _cubic_roots(delta_p)
        assert L.escape_set(field({4: delta_p})) == ((0.0, 1.0),)

    @pytest.mark.parametrize("temperature", [0, 0.5, 1])
    def test_p3_is_one_interval_ending_at_the_threshold(self, temperature):
        line = L.threshold(field({3: 1.0}), temperature)
        assert L.escape_set(field({3: 1.0}), temperature) == ((0.0, line.delta2),)

    def test_two_precisions_agree(self):
        lo, hi = _cubic_roots(0.4)
        a = L.escape_set(field({4: Fraction(2, 5)}), 1, MP(40))
        b = L.escape_set(field({4: Fraction(2, 5)}), 1, MP(60))
        for (x0, x1), (y0, y1) in zip(a, b):
            assert abs(x0 - y0) < mpmath.mpf(10) ** -38 and abs(x1 - y1) < mpmath.mpf(10) ** -38
        assert float(a[0][1]) == pytest.approx(lo, rel=1e-12) and float(a[1][0]) == pytest.approx(hi, rel=1e-12)


class TestRootOnAGridPoint:
    # {3: 1, 5: 1/2} at T = 1: xi_T''(q) = 2 q + 8 q^3, so r(1/2) = 1 - 1/2 - (1/4)(1 + 1) = 0 exactly,
    # and 1/2 is a point of the float grid; its residual there is rounding of either sign
    def test_grid_holds_the_root(self):
        assert 0.5 in L.delta2_grid()

    @pytest.mark.parametrize("dps", [30, 87, 117])
    def test_mp_solve_widens_past_the_grid_point(self, dps):
        # was: ConvergenceError "no sign change on the bracket [1.0, 1.00492412823] at dps=117"
        line = L.threshold(field({3: Fraction(1), 5: Fraction(1, 2)}), 1, MP(dps))
        assert abs(line.delta2 - mpmath.mpf(1) / 2) < mpmath.mpf(10) ** -(dps - 2)

    def test_float_and_escape_set(self):
        assert L.threshold(field({3: 1.0, 5: 0.5})).delta2 == pytest.approx(0.5, rel=1e-14)
        ((_, end),) = L.escape_set(field({3: 1.0, 5: 0.5}))
        assert end == pytest.approx(0.5, rel=1e-14)

    def test_through_the_api_at_the_dps_of_the_issue(self):
        import theory

        value = theory.threshold(model=theory.Model(tensors={3: 1, 5: 0.5}), kind="langevin", temperature=1, dps=87)
        assert value == mpmath.mpf(1) / 2


@pytest.mark.slow
class TestLangevinSidesFromTheDynamics:
    """The closed-form line (0.70711 at p = 3, Deltap = 1, T = 1) against T = 1 DMFT runs at
    reduced size (docs/dynamics.md, "Has the plateau stopped drifting?"; there to t = 10^4).

    An independent route: the integrator knows nothing of the BBP condition.  Below the line
    ``m`` must escape (the local exponent ``d ln m/d ln t`` grows faster every octave), above it
    stay trapped (the exponent levels off).  Runs to t = 640, Euler at dt = 0.2 and 0.1 on the
    thinned history (the same window in time), ``ln m`` extrapolated in dt; about 20 s.
    """

    T_MAX = 640.0

    def _octaves(self, delta2):
        from numerics.dynamics.end_states import two_time

        ts = 10.0 * 2.0 ** np.arange(7)  # 10 .. 640
        lnm, aging = {}, {}
        for dt, window in ((0.2, 32), (0.1, 64)):
            run = dmft.integrate(matrix_tensor(3, delta2, 1.0), 1e-30, self.T_MAX, dt, temperature=1.0,
                                 scheme=dmft.Euler(), history=dmft.Thinned(window), keep_history=True)
            lnm[dt] = np.log(np.interp(ts, run.t, run.m))
            aging[dt] = np.array([two_time(run.grid, run.C, 2 * w, w) for w in ts[-3:-1]])
        exponent = np.diff(2 * lnm[0.1] - lnm[0.2]) / np.log(2)
        return np.diff(exponent, 2), 2 * aging[0.1] - aging[0.2]

    def test_escape_below_and_trapping_above_the_closed_form(self):
        line = L.threshold(field({3: 1.0}), 1).delta2
        assert line == pytest.approx(math.sqrt(0.5), rel=1e-12)
        below, drift_below = self._octaves(0.65)
        above, drift_above = self._octaves(0.75)
        # measured: +0.147 at 0.65, -0.013 at 0.75 (the octaves to t = 640)
        assert below[-1] > 0.05 and above[-1] < 0
        assert below[-2] > 0 and below[-1] > below[-2]  # accelerating ever faster below
        # and neither plateau has settled by t = 640 (C(2 tw, tw) still falls by > 2e-3 an octave)
        for a in (drift_below, drift_above):
            assert a[1] - a[0] < -2e-3
