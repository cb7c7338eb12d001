"""numerics/solvers.py: every solver finds closed-form roots, and refuses rather than guesses.

Reference values are closed forms (sqrt(2), cube roots, log 3, the double root of a parabola),
evaluated independently by mpmath at a higher precision than the solver's; the grids are pinned
against the numpy calls that defined them before the one grid builder (written out here).
Every solver takes a backend (F64, MP(dps), for the ball solvers ARB(prec)); the transition
forms (None for float64, a raw mpmath context) are checked to give the same roots.
"""

import math

import mpmath
import numpy as np
import pytest

from numerics import solvers
from numerics.backend import F64, MP
from numerics.solvers import ConvergenceError
from theory._precision import context

BACKENDS = [F64, MP(30), MP(60)]
IDS = ["F64", "MP30", "MP60"]


def _exact(value, digits=120):
    with mpmath.workdps(digits):
        return value()


def _close(x, exact, b, ulps=16):
    """``x`` within ``ulps`` units of the backend's last place of ``exact``."""
    with mpmath.workdps(150):
        return abs(mpmath.mpf(x) - exact) <= ulps * mpmath.mpf(b.eps) * abs(exact)


class TestBrentq:
    def test_sqrt2(self):
        assert solvers.brentq(lambda x: x * x - 2, 0.0, 2.0) == pytest.approx(math.sqrt(2), rel=4e-16)

    def test_no_sign_change_raises_naming_the_bracket(self):
        with pytest.raises(ConvergenceError, match=r"no sign change on the bracket \[3, 4\]"):
            solvers.brentq(lambda x: x * x - 2, 3.0, 4.0, what="sqrt 2")


class TestBracketedRoot:
    @pytest.mark.parametrize("dps", [15, 50, 200])
    def test_cube_root_of_two_to_the_last_digits(self, dps):
        b = MP(dps + 10)
        r = solvers.bracketed_root(b, lambda x: x**3 - 2, 1, 2, what="cbrt 2")
        x, (lo, hi) = r.value, r.bracket
        with mpmath.workdps(dps + 40):
            exact = mpmath.cbrt(2)
            assert abs(x - exact) / exact < mpmath.mpf(10) ** -(dps + 5)
            # the bracket's end signs were evaluated in rounded arithmetic: it holds the exact
            # root up to a few units in the last place of the working precision
            slack = 8 * b.eps * exact
            assert lo - slack <= exact <= hi + slack and hi - lo <= slack

    def test_float64_backend(self):
        r = solvers.bracketed_root(F64, lambda x: x**3 - 2, 1, 2, what="cbrt 2")
        assert r.backend is F64 and _close(r.value, _exact(lambda: mpmath.cbrt(2)), F64)

    @pytest.mark.parametrize("b", [MP(30), context(30)], ids=["MP", "context"])
    def test_no_sign_change_raises(self, b):
        with pytest.raises(ConvergenceError, match=r"\[-1.0, 1.0\] at dps=30"):
            solvers.bracketed_root(b, lambda x: x**2 + 1, -1, 1, what="x^2 + 1")


class TestRootFacade:
    def test_float_and_mpmath_backends_agree(self):
        f64 = solvers.root(F64, lambda x: x * x - 3, 1, 2, what="sqrt 3")
        mp = solvers.root(MP(40), lambda x: x * x - 3, 1, 2, what="sqrt 3")
        assert f64.bracket == (1.0, 2.0) and f64.value == pytest.approx(float(mp.value), rel=4e-16)

    @pytest.mark.parametrize("b", BACKENDS, ids=IDS)
    def test_sqrt3_to_the_working_precision(self, b):
        r = solvers.root(b, lambda x: x * x - 3, 1, 2, what="sqrt 3")
        assert r.backend is b and _close(r.value, _exact(lambda: mpmath.sqrt(3)), b)


class TestGrowBracket:
    @pytest.mark.parametrize("b", BACKENDS, ids=IDS)
    def test_widens_until_the_sign_changes(self, b):
        r = solvers.grow_bracket(b, lambda x: x - b.num(75) / 2, 0.0, 1.0, "x = 37.5", limit=1e3)
        assert r.value == 37.5 or abs(r.value - 37.5) <= 4 * b.eps * 37.5

    @pytest.mark.parametrize("b", BACKENDS, ids=IDS)
    def test_asked_sign_is_respected(self, b):
        # f = (x - 1)(x + 1): a decreasing crossing (f(lo) > 0 > f(hi)) only at x = -1
        r = solvers.grow_bracket(b, lambda x: (x - 1) * (x + 1), -1.2, 0.5, "x = -1", limit=0.9, sign=+1)
        assert abs(r.value + 1) <= 4 * b.eps

    @pytest.mark.parametrize("b", BACKENDS, ids=IDS)
    def test_no_sign_change_within_the_limit_raises(self, b):
        with pytest.raises(ConvergenceError, match=f"no sign change.*dps={b.dps}"):
            solvers.grow_bracket(b, lambda x: x * x + 1, 0.0, 1.0, "x^2 + 1", limit=100.0)


class TestSignChanges:
    def test_strict_changes_only(self):
        (idx,) = solvers.sign_changes([1.0, -1.0, 0.0, 2.0, -3.0])
        assert list(idx) == [0, 3]


class TestNewtonBracketed:
    def test_simple_root_at_100_digits(self):
        b = MP(110)
        r = solvers.newton_bracketed(b, lambda x: b.exp(x) - 3, lambda x: b.exp(x), (0, 2), what="log 3")
        with mpmath.workdps(150):
            assert abs(r.value - mpmath.log(3)) < mpmath.mpf(10) ** -105
            assert r.bracket[0] <= mpmath.log(3) <= r.bracket[1]

    @pytest.mark.parametrize("b", BACKENDS, ids=IDS)
    def test_log3_in_every_backend(self, b):
        r = solvers.newton_bracketed(b, lambda x: b.exp(x) - 3, lambda x: b.exp(x), (0, 2), what="log 3")
        assert r.backend is b and _close(r.value, _exact(lambda: mpmath.log(3)), b)

    @pytest.mark.parametrize("b", BACKENDS, ids=IDS)
    def test_no_sign_change_raises(self, b):
        with pytest.raises(ConvergenceError, match=f"no sign change.*dps={b.dps}"):
            solvers.newton_bracketed(b, lambda x: x * x + 1, lambda x: 2 * x, (0, 1), what="x^2 + 1")


class TestTangency:
    @pytest.mark.parametrize("dps", [30, 60])
    def test_double_root_of_a_shifted_parabola(self, dps):
        # f(x; y) = (x - 2)^2 - y is tangent to zero at (x, y) = (2, 0) only; solve f = f_x = 0
        # with the exact Jacobian, y = recover(x) from f = 0 eliminated in the reduced condition.
        b = MP(dps)
        F = lambda x, y: ((x - 2) ** 2 - y, 2 * (x - 2) + y - y)  # noqa: E731
        J = lambda x, y: ((2 * (x - 2), -1), (2, 0))  # noqa: E731
        r = solvers.tangency(b, F, J, reduced=lambda x: x - 2,
                             recover=lambda x: (x - 2) ** 2 + b.num(1) / 10 ** (dps + 10),
                             bracket=(1, 3.5), what="parabola")
        assert isinstance(r, solvers.Root) and r.steps > 0 and r.backend is b
        assert abs(r.at - 2) < b.num(10) ** -(dps - 10)


class TestRoot:
    """Every solver returns a Root: value, bracket, steps, backend."""

    @pytest.mark.parametrize("b", BACKENDS, ids=IDS)
    def test_every_solver_returns_a_root(self, b):
        f = lambda x: x * x - 2  # noqa: E731  sqrt(2) in [1, 2]
        found = [solvers.root(b, f, 1, 2, what="sqrt 2"),
                 solvers.grow_bracket(b, f, 1.5, 0.01, "sqrt 2", limit=1.0),
                 solvers.bisect(b, f, 1, 2, what="sqrt 2"),
                 solvers.bracketed_root(b, f, 1, 2, what="sqrt 2"),
                 solvers.newton_bracketed(b, f, lambda x: 2 * x, (1, 2), what="sqrt 2")]
        if b is F64:
            found.append(solvers.brent(f, 1.0, 2.0))
        for r in found:
            assert isinstance(r, solvers.Root) and r.steps >= 1 and r.backend is b
            lo, hi = r.bracket
            assert lo <= r.value <= hi and f(lo) * f(hi) <= 0
            assert _close(r.value, _exact(lambda: mpmath.sqrt(2)), b)

    def test_a_root_is_read_by_name_not_unpacked(self):
        # the tuple convention of the solvers Root replaced is gone (the transition shim was removed)
        r = solvers.root(F64, lambda x: x * x - 2, 1, 2, what="sqrt 2")
        with pytest.raises(TypeError):
            value, bracket = r


class TestTransitionForms:
    """None (float64) and a raw mpmath context still select the backend, root for root."""

    @pytest.mark.parametrize("raw, b", [(None, F64), (context(40), MP(40))], ids=["None", "context"])
    def test_same_roots_as_the_backend(self, raw, b):
        f = lambda x: x**3 - 2  # noqa: E731
        calls = [lambda s: solvers.root(s, f, 1, 2, what="cbrt 2"),
                 lambda s: solvers.grow_bracket(s, f, 1.2, 0.01, "cbrt 2", limit=1.0),
                 lambda s: solvers.bisect(s, f, 1, 2, what="cbrt 2"),
                 lambda s: solvers.bracketed_root(s, f, 1, 2, what="cbrt 2"),
                 lambda s: solvers.newton_bracketed(s, f, lambda x: 3 * x * x, (1, 2), what="cbrt 2")]
        for call in calls:
            old, new = call(raw), call(b)
            assert old.backend is b and old.value == new.value and old.bracket == new.bracket

    def test_an_mpmath_context_of_its_own_precision(self):
        # a context whose prec is no dps's: solved in that context itself, not rounded to a dps
        ctx = mpmath.MPContext()
        ctx.prec = 101  # dps 29; MP(29) has 100 bits
        r = solvers.bisect(ctx, lambda x: x * x - 2, 1, 2)
        assert r.backend.ctx is ctx and abs(r.value - ctx.sqrt(2)) <= 2 * ctx.eps

    def test_not_a_backend_is_refused_naming_it(self):
        with pytest.raises(ValueError, match="backend must be"):
            solvers.root("float64", lambda x: x - 1, 0, 2, what="x = 1")

    def test_no_solver_tests_for_a_missing_context(self):
        import inspect

        assert "ctx is None" not in inspect.getsource(solvers)


class TestBisect:
    def test_float_to_the_last_bit(self):
        # the sign change of x^2 - 2 as evaluated in float64: the bracket ends are adjacent doubles
        r = solvers.bisect(F64, lambda x: x * x - 2, 1.0, 2.0)
        lo, hi = r.bracket
        assert math.nextafter(lo, 3) >= hi and lo <= math.sqrt(2) <= hi

    @pytest.mark.parametrize("dps", [30, 50])
    def test_mpmath_to_the_working_precision(self, dps):
        r = solvers.bisect(MP(dps), lambda x: x**3 - 2, 1, 2)
        with mpmath.workdps(dps + 30):
            assert abs(r.value - mpmath.cbrt(2)) < mpmath.mpf(10) ** -(dps - 2)

    def test_no_sign_change_raises(self):
        with pytest.raises(ConvergenceError, match=r"no sign change on the bracket \[3, 4\] at dps=None"):
            solvers.bisect(F64, lambda x: x * x - 2, 3.0, 4.0, what="sqrt 2")

    def test_many_brackets_at_once(self):
        # roots of x^2 - c for c = 2, 3, 5 on [1, 3]: the closed form sqrt(c)
        c = np.array([2.0, 3.0, 5.0])
        x = solvers.bisect_many(lambda x: x * x - c, np.ones(3), np.full(3, 3.0))
        assert np.allclose(x, np.sqrt(c), rtol=4e-16, atol=0)


class TestBallSolvers:
    """``enclose`` and ``exclude_roots`` take the ball backend (or its context)."""

    flint = None

    @pytest.fixture(autouse=True)
    def _flint(self):
        self.flint = pytest.importorskip("flint")

    def test_enclose_with_the_backend_and_its_context(self):
        from numerics.backend_arb import ARB

        b = ARB(128)
        near = MP(40).sqrt(MP(40).num(2))
        with b.working():
            by_backend = solvers.enclose(b, lambda x: x * x - 2, near, what="sqrt(2)")
            by_context = solvers.enclose(b.ctx, lambda x: x * x - 2, near, what="sqrt(2)")
            assert by_backend.value.contains(self.flint.arb(2).sqrt()) and by_backend.value.rad() < 1e-35
            assert by_backend.backend is b and by_backend.value.mid() == by_context.value.mid()
            assert by_backend.value.rad() == by_context.value.rad()

    def test_exclude_roots_with_the_backend(self):
        from numerics.backend_arb import ARB

        b = ARB(64)
        with b.working():
            f = lambda x: (x - b.num("0.3")) * (x - b.num("0.7"))  # noqa: E731
            assert solvers.exclude_roots(b, f, 0, b.num("0.29"), df=lambda x: 2 * x - 1, what="q") > 2
            with pytest.raises(ConvergenceError):
                solvers.exclude_roots(b, f, 0, b.num("0.69"), df=lambda x: 2 * x - 1, what="q", budget=2000)


class TestWalk:
    def test_first_accepted_point(self):
        # halving from 1 until below 0.1: 1/16 exactly
        assert solvers.walk(1.0, lambda x: x / 2, lambda x: x < 0.1, what="halving") == 0.0625

    def test_a_stuck_walk_raises(self):
        with pytest.raises(ConvergenceError, match="toward 1"):
            solvers.walk(0.5, lambda x: min(1 - (1 - x) / 4, 1.0), lambda x: x > 2, what="toward 1")


class TestSignChangeBrackets:
    def test_zeros_skipped_and_direction(self):
        grid, signs = [0, 1, 2, 3, 4], [1, 0, -1, -1, 1]
        assert solvers.sign_change_brackets(grid, signs) == [(0, 2), (3, 4)]
        assert solvers.sign_change_brackets(grid, signs, -1, 1) == [(3, 4)]


class TestGrid:
    """The one grid builder gives the grids of the scans to the last bit (the numpy calls that
    defined them before it are written out here)."""

    @staticmethod
    def _same(a, b):
        a, b = np.asarray(a), np.asarray(b)
        return a.dtype == b.dtype == np.float64 and a.shape == b.shape and a.tobytes() == b.tobytes()

    @pytest.mark.parametrize("m_min, gap", [(1e-9, 1e-12), (1e-8, 1e-12), (1e-3, 1e-12), (1e-300, 1e-15)])
    def test_overlaps_of_message_passing(self, m_min, gap):
        from numerics import message_passing as N

        low = max(1, int(round(-np.log10(m_min))) - 2)
        high = max(1, int(round(-np.log10(gap))) - 2)
        before = np.concatenate([np.geomspace(m_min, 1e-2, 8 * low, endpoint=False),
                                 np.linspace(1e-2, 0.99, 240, endpoint=False),
                                 1 - np.geomspace(1e-2, gap, 8 * high)])
        assert self._same(N.m_grid(m_min, gap), before)

    @pytest.mark.parametrize("dps", [30, 1000])
    def test_overlaps_of_message_passing_below_the_float_range(self, dps):
        from numerics import message_passing as N

        b = MP(dps)
        m_min = b.num(10) ** (-(dps // 2 + 2))
        small, x, ratio = [], b.num(m_min), b.num(10) ** (b.num(1) / 8)
        while x < N.FLOAT_GRID_FROM:
            small.append(x)
            x *= ratio
        before = small + [b.num(v) for v in N.m_grid(N.FLOAT_GRID_FROM)]
        after = N.m_grid(b=b)
        assert len(after) == len(before) and all(u == v for u, v in zip(after, before))
        assert after[0] == m_min and (dps < 600 or float(after[0]) == 0.0)  # below float64 at dps=1000

    def test_delta2_and_plateaus_of_the_langevin_line(self):
        from numerics import langevin_line as L

        delta2 = np.concatenate([np.geomspace(1e-12, 1e-2, 60, endpoint=False),
                                 np.linspace(1e-2, 0.99, 400, endpoint=False), 1 - np.geomspace(1e-2, 1e-7, 40)])
        q = np.concatenate([[0.0], np.geomspace(1e-9, 1e-2, 40, endpoint=False),
                            np.linspace(1e-2, 0.99, 300, endpoint=False), 1 - np.geomspace(1e-2, 1e-9, 40)])
        assert self._same(L.delta2_grid(), delta2) and self._same(L._q_grid(), q)

    def test_extension_of_the_langevin_grid(self):
        from numerics import langevin_line as L
        from numerics.model import field

        tensors = field({3: 1e-300})  # Delta2_GF ~ 1e-150, far below the grid's 1e-12
        grid = L._grid(tensors)
        g0 = L.delta2_grid()[0]
        low = grid[0]
        points = int(np.ceil(8 * np.log10(g0 / low)))
        before = np.concatenate([np.geomspace(low, g0, max(points, 2), endpoint=False), L.delta2_grid()])
        assert low < 1e-140 and self._same(grid, before)

    def test_overlaps_and_scans_of_the_landscape(self):
        from numerics import landscape as LS

        n = LS._N_M
        assert self._same(LS._m_grid("positive"), np.linspace(0.0, 1.0, n)[:-1])
        assert self._same(LS._m_grid("all"), np.linspace(-1.0, 1.0, 2 * n - 1)[1:-1])
        for lo, hi, k in [(-1.0 + 1e-9, -1e-3, 401), (0.1, 0.22, 241), (0.3, 0.42, 161)]:
            assert self._same(solvers.grid(lo, hi, k), np.linspace(lo, hi, k))
        gf = 0.3819660112501051
        assert self._same(solvers.grid(gf / 50, 2 * gf, 56, geometric=True), np.geomspace(gf / 50, 2 * gf, 56))

    def test_runs_and_their_ends(self):
        g = solvers.grid(1e-4, 1.0, 3, geometric_low=(1e-2, 2), geometric_high=(1e-2, 1e-4, 3))
        expected = [1e-4, 1e-3, 1e-2, 1e-2 + 0.98 / 3, 1e-2 + 2 * 0.98 / 3, 1 - 1e-2, 1 - 1e-3, 1 - 1e-4]
        assert np.allclose(g, expected, rtol=1e-14, atol=0) and np.all(np.diff(g) > 0)

    @pytest.mark.parametrize("kwargs, match", [
        (dict(n=-1), "n must be an integer >= 0"),
        (dict(n=2.5), "n must be an integer >= 0"),
        (dict(geometric_low=(2.0, 4)), "0 < low < x < high"),
        (dict(geometric_high=(0.5, 0.6, 4)), "0 < gap < d"),
        (dict(geometric_high=(1e-2, 1e-4, -3)), "geometric_high count"),
    ])
    def test_bad_input_names_the_parameter(self, kwargs, match):
        with pytest.raises(ValueError, match=match):
            solvers.grid(1e-3, 1.0, **{"n": 4, **kwargs})


class TestRootPickles:
    def test_float_root_and_its_backend(self):
        import pickle

        r = solvers.root(F64, lambda x: x * x - 2, 1, 2, what="sqrt 2")
        assert pickle.loads(pickle.dumps(r)) == r and pickle.loads(pickle.dumps(r)).backend is F64
        assert pickle.loads(pickle.dumps(MP(30))) is MP(30)

