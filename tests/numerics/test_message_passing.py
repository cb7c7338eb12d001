"""numerics.message_passing tested directly (not through theory): each function of a backend in
float64 (``F64``) against ``MP`` at two precisions, and the state-evolution fixed points and the
Bayes lines against independent routes:

- closed forms at limit cases (the matrix channel alone: ``m = 1 - Delta2`` for AMP,
  ``m = sqrt(1 - Delta2)`` for ML-AMP; p = 3 AMP: the root of a quadratic);
- the fixed-point equations multiplied out into polynomials typed here and solved by
  ``mpmath.polyroots``, their stability from the slope of the map typed here;
- the Bayes lines at p = 4 from the paper's free entropy solved by ``mpmath.findroot``
  (:func:`tests.references.bayes_lines.lines`, 40 digits).
"""

from fractions import Fraction as F

import mpmath
import numpy as np
import pytest

from numerics import message_passing as N
from numerics.backend import F64, MP
from numerics.model import field
from numerics.solvers import Root
from tests.references import bayes_lines

LOW, HIGH = MP(30), MP(50)


def exact(x):
    """A Fraction as an mpf of the current global precision."""
    x = F(x)
    return mpmath.mpf(x.numerator) / x.denominator


def agree(a, b, digits):
    """``a`` and ``b`` agree to ``digits`` significant digits (relative, or absolute below 1)."""
    a, b = mpmath.mpf(a), mpmath.mpf(b)
    return abs(a - b) <= mpmath.mpf(10) ** -digits * max(1, abs(b))


# --- independent fixed points: the equations multiplied out, typed here ---------------------------

def amp_poly(p, d2, dp):
    """Coefficients (highest first) of ``(1/Delta2 + m**(p-2)/Deltap)(1 - m) - 1``: zero at a positive
    fixed point of ``m = xi'/(1 + xi')``, ``xi'(m) = m/Delta2 + m**(p-1)/Deltap``."""
    c = [mpmath.mpf(0)] * p  # index = power of m, up to p - 1
    c[0] += 1 / d2 - 1
    c[1] -= 1 / d2
    c[p - 2] += 1 / dp
    c[p - 1] -= 1 / dp
    return c[::-1]


def ml_amp_poly(p, d2, dp):
    """``(1/Delta2 + m**(p-2)/Deltap)**2 (1 - m**2) - (1/Delta2 + 1/Deltap)``: zero at a positive
    fixed point of ``m = xi'/sqrt(xi'**2 + xi'(1))``."""
    a = [mpmath.mpf(0)] * (p - 1)
    a[0] += 1 / d2
    a[p - 2] += 1 / dp
    sq = [mpmath.mpf(0)] * (2 * p - 3)
    for i, x in enumerate(a):
        for j, y in enumerate(a):
            sq[i + j] += x * y
    c = [mpmath.mpf(0)] * (2 * p - 1)
    for i, x in enumerate(sq):
        c[i] += x
        c[i + 2] -= x
    c[0] -= 1 / d2 + 1 / dp
    return c[::-1]


def slope(kind, p, d2, dp, m):
    """``F'(m)`` of the state-evolution map, from ``xi'`` and ``xi''`` typed here."""
    x1 = m / d2 + m ** (p - 1) / dp
    x2 = 1 / d2 + (p - 1) * m ** (p - 2) / dp
    if kind == "amp":
        return x2 / (1 + x1) ** 2
    one = 1 / d2 + 1 / dp
    return x2 * one / (x1**2 + one) ** mpmath.mpf(1.5)


def independent_fixed_points(kind, p, d2, dp):
    """``[(m, stable)]`` in ``[0, 1)`` at 60 digits, ``m = 0`` first."""
    with mpmath.workdps(60):
        d2, dp = exact(d2), exact(dp)
        coeffs = (amp_poly if kind == "amp" else ml_amp_poly)(p, d2, dp)
        roots = mpmath.polyroots(coeffs, maxsteps=200, extraprec=200)
        ms = sorted(mpmath.re(r) for r in roots if abs(mpmath.im(r)) < 1e-40 and 0 < mpmath.re(r) < 1)
        out = [(mpmath.mpf(0), slope(kind, p, d2, dp, mpmath.mpf(0)) < 1)]
        return out + [(+m, slope(kind, p, d2, dp, m) < 1) for m in ms]


def channels(p, d2, dp):
    return field({2: F(d2), p: F(dp)})


CASES = [  # (kind, p, Delta2, Deltap): one positive fixed point, none, two (m = 0 stable), three (hard phase)
    ("amp", 3, "1/2", 2), ("amp", 4, "95/100", "1/4"), ("amp", 5, "3/10", 1), ("amp", 4, "6/5", 1),
    ("amp", 3, "3/2", "1/5"), ("ml_amp", 3, "1/2", 2), ("ml_amp", 4, "3/10", 1), ("ml_amp", 3, "3/2", "1/2"),
    ("ml_amp", 4, 1, "1/20"),
]


class TestFixedPoints:
    @pytest.mark.parametrize("kind, p, d2, dp", CASES)
    def test_are_the_roots_of_the_fixed_point_polynomial(self, kind, p, d2, dp):
        ref = independent_fixed_points(kind, p, F(d2), F(dp))
        f = channels(p, F(d2), F(dp))
        for b, digits in ((F64, 13), (LOW, 28), (HIGH, 48)):
            got = N.fixed_points(kind, f, b=b)
            assert [s for _, s in got] == [s for _, s in ref], (b, got)
            for (m, _), (r, _) in zip(got, ref):
                assert agree(m, r, digits), (b, m, r)

    def test_matrix_channel_alone_closed_forms(self):
        # xi'(m) = m/Delta2: AMP m = 1 - Delta2, ML-AMP m = sqrt(1 - Delta2), m = 0 unstable
        for d2 in (F(1, 2), F(9, 10), F(1, 100)):
            f = field({2: d2})
            with mpmath.workdps(60):
                amp, ml_amp = 1 - exact(d2), mpmath.sqrt(1 - exact(d2))
            for b, digits in ((F64, 14), (LOW, 29), (HIGH, 49)):
                (zero, s0), (m, s) = N.fixed_points("amp", f, b=b)
                assert zero == 0 and not s0 and s and agree(m, amp, digits)
                (zero, s0), (m, s) = N.fixed_points("ml_amp", f, b=b)
                assert not s0 and s and agree(m, ml_amp, digits)

    def test_p3_amp_quadratic(self):
        # m**2/Deltap + m (1/Delta2 - 1/Deltap) + 1 - 1/Delta2 = 0; at (1/2, 2): m = (sqrt(17) - 3)/2
        with mpmath.workdps(60):
            ref = (mpmath.sqrt(17) - 3) / 2
        for b, digits in ((F64, 14), (LOW, 29), (HIGH, 49)):
            assert agree(N.fixed_points("amp", channels(3, F(1, 2), 2), b=b)[-1][0], ref, digits)

    def test_tensor_alone_keeps_zero_stable(self):
        for b in (F64, LOW):
            assert N.fixed_points("amp", field({3: F(1, 2)}), b=b)[0] == (0, True)

    def test_numbers_of_the_backend(self):
        f = channels(3, F(1, 2), 2)
        assert all(type(m) is float for m, _ in N.fixed_points("amp", f))
        assert all(getattr(m, "context", None) is LOW.ctx for m, _ in N.fixed_points("amp", f, b=LOW))


class TestIterate:
    @pytest.mark.parametrize("kind", N.SE_KINDS)
    def test_converges_to_the_stable_fixed_point_in_every_backend(self, kind):
        f = channels(3, F(1, 2), 2)
        ref = independent_fixed_points(kind, 3, F(1, 2), F(2))[-1][0]
        for b, tol, digits in ((F64, 1e-15, 13), (LOW, LOW.num(10) ** -29, 27), (HIGH, HIGH.num(10) ** -49, 47)):
            its, converged = N.iterate(kind, b.num("1e-6"), f, iterations=10_000, tol=tol, b=b)
            assert converged and agree(its[-1], ref, digits), (b, its[-1])

    def test_stops_after_the_iterations(self):
        its, converged = N.iterate("amp", 1e-6, channels(3, F(1, 2), 2), iterations=3, tol=0.0)
        assert len(its) == 4 and not converged

    def test_map_and_slope_agree_across_backends(self):
        f = channels(4, F(3, 10), 1)
        for kind in N.SE_KINDS:
            grid = np.array([1e-6, 0.1, 0.5, 0.9])
            low, high = N.se_map(kind, f, LOW), N.se_map(kind, f, HIGH)
            values = N.se_map(kind, f)(grid)
            for x, v in zip(grid, values):
                assert agree(low(x), high(x), 29) and agree(v, high(x), 14)
            assert agree(N.se_slope_at_zero(kind, f), N.se_slope_at_zero(kind, f, HIGH), 14)
            assert agree(N.se_slope_at_zero(kind, f, LOW), N.se_slope_at_zero(kind, f, HIGH), 29)


class TestMGrid:
    def test_float_grid(self):
        grid = N.m_grid()
        assert grid[0] == 1e-9 and 1 - grid[-1] == pytest.approx(1e-12, rel=1e-3)
        assert np.all(np.diff(grid) > 0)

    @pytest.mark.parametrize("dps", [30, 1000])
    def test_mp_extension_below_float_grid_from(self, dps):
        b = MP(dps)
        grid = N.m_grid(b=b)
        assert grid[0] == b.num(10) ** -(dps // 2 + 2)  # below the float64 range at dps = 1000
        small = [x for x in grid if x < N.FLOAT_GRID_FROM]
        ratios = {b.ctx.nstr(y / x, 10) for x, y in zip(small, small[1:])}
        assert ratios == {b.ctx.nstr(b.num(10) ** (b.num(1) / 8), 10)}  # 8 a decade
        assert grid[len(small):] == [b.num(v) for v in N.m_grid(N.FLOAT_GRID_FROM)]
        assert all(x < y for x, y in zip(grid, grid[1:]))


# --- the Bayes lines: F64 against MP at two precisions, both against the paper's route --------------

@pytest.fixture(scope="module")
def paper():
    return bayes_lines.lines(40)


LINES = {  # name in bayes_lines.lines -> the numerics call in a backend
    "tensor_recovery_delta_p(4)": lambda b: N.tensor_only(b, 4),
    "first_order_delta_p(4)": lambda b: N.onset(b, 4),
    "information_theoretic, 0.2": lambda b: N.information_theoretic(b, 4, b.from_exact(F(1, 5))),
    "amp, 0.2": lambda b: N.amp(b, field({4: F(1, 5)})),
    "mmse_jump, 0.25": lambda b: N.mmse_jump(b, field({4: F(1, 4)})),
}


class TestBayesLines:
    @pytest.mark.parametrize("name", list(LINES))
    def test_against_the_paper_route_in_every_backend(self, name, paper):
        ref = paper[name]
        low, high, flt = (LINES[name](b) for b in (LOW, HIGH, F64))
        assert all(isinstance(r, Root) for r in (low, high, flt))
        assert agree(low.value, ref, 29) and agree(high.value, ref, 38)
        assert float(flt.value) == pytest.approx(float(ref), rel=4e-16)

    def test_brackets_contain_the_value(self):
        for name in ("tensor_recovery_delta_p(4)", "information_theoretic, 0.2", "amp, 0.2", "mmse_jump, 0.25"):
            r = LINES[name](LOW)
            lo, hi = r.bracket
            assert lo <= r.value <= hi and hi - lo <= LOW.num(10) ** -25 * abs(r.value), name

    def test_float_arrays_elementwise(self):
        dp = np.array([0.1, 0.2, 0.25, 0.28, 0.5])
        for kind in ("amp", "mmse_jump"):
            fn = getattr(N, kind)
            out = fn(F64, field({4: dp})).value
            assert out.shape == dp.shape
            for x, v in zip(dp, out):
                one = fn(LOW, field({4: F(x)}))
                assert (np.isnan(v) and one is None) or v == pytest.approx(float(one.value), rel=4e-16)
        out = N.information_theoretic(F64, 4, dp).value
        for x, v in zip(dp, out):
            assert v == pytest.approx(float(N.information_theoretic(LOW, 4, LOW.num(x)).value), rel=4e-16)

    def test_closed_forms_at_the_ends(self):
        # p = 3: onset at the tricritical point Deltap = 1; the AMP threshold is 1 (no low branch)
        assert N.onset(F64, 3).value == 1.0 and N.onset(HIGH, 3).value == 1
        assert N.amp(HIGH, field({3: F(1, 5)})).value == 1
        assert np.all(N.amp(F64, field({3: np.array([0.1, 5.0])})).value == 1)
        # at or below tensor_only the information-theoretic threshold is infinite
        assert N.information_theoretic(LOW, 4, LOW.num("0.1")).value == LOW.ctx.inf
        # above the critical point (8/27 at p = 4): AMP 1 and no jump
        assert N.amp(LOW, field({4: F(3, 10)})).value == 1 and N.mmse_jump(LOW, field({4: F(3, 10)})) is None

    def test_critical_point_closed_form(self):
        # p = 4: m = 1/3, Delta2 = 8/9, Deltap = 8/27
        for b, digits in ((F64, 15), (LOW, 29), (HIGH, 49)):
            for got, ref in zip(N.critical(b, 4), (F(8, 27), F(8, 9), F(1, 3))):
                assert agree(got, exact(ref), digits)

    def test_spinodal_is_a_double_root_of_the_fixed_point_equation(self):
        # (1/Delta2 + m**2/Deltap)(1 - m) - 1 and its m-derivative vanish at (m1, Delta2_1)
        # at 1/Delta2 = U(m1); m1 and m2 are the critical points of U(m) = 1/(1 - m) - m**2/Deltap
        m1, root, m2, u2 = N.spinodals(HIGH, field({4: F(1, 5)}))
        d2, dp, tiny = root.value, HIGH.from_exact(F(1, 5)), HIGH.num(10) ** -45
        assert root.at == m1 and m1 < N.critical(HIGH, 4)[2] < m2
        assert abs((1 / d2 + m1**2 / dp) * (1 - m1) - 1) < tiny
        assert abs(2 * m1 / dp * (1 - m1) - (1 / d2 + m1**2 / dp)) < tiny
        for m in (m1, m2):
            assert abs(1 / (1 - m) ** 2 - 2 * m / dp) < tiny
        assert abs(u2 - (1 / (1 - m2) - m2**2 / dp)) < tiny


class TestMixtures:
    MIX = field({3: F(10), 4: F(27, 100)})

    def test_float_against_two_precisions(self):
        for fn in (N.amp_mixture, N.information_theoretic_mixture, N.mmse_jump_mixture):
            low, high, flt = fn(LOW, self.MIX), fn(HIGH, self.MIX), fn(F64, self.MIX)
            assert agree(low.value, high.value, 29), fn.__name__
            assert float(flt.value) == pytest.approx(float(high.value), rel=4e-16), fn.__name__

    def test_one_channel_mixture_route_equals_the_one_channel_solver(self):
        # the general route (U and V scanned) against the p = 4 solvers, at 30 digits
        f = field({4: F(1, 5)})
        assert agree(N.amp_mixture(LOW, f).value, N.amp(LOW, f).value, 28)
        assert agree(N.information_theoretic_mixture(LOW, f).value,
                     N.information_theoretic(LOW, 4, LOW.from_exact(F(1, 5))).value, 28)
        g = field({4: F(1, 4)})
        assert agree(N.mmse_jump_mixture(LOW, g).value, N.mmse_jump(LOW, g).value, 28)


class TestFloatInputs:
    def test_a_variance_float64_cannot_resolve_is_refused(self):
        with pytest.raises(ValueError, match="delta_p = 0.0.*dps="):
            N.amp(F64, field({4: np.array([0.2, 0.0])}))
        with pytest.raises(ValueError, match="variance 0.0 of order 3.*dps="):
            N.amp(F64, field({3: np.array([0.0]), 4: 0.27}))
