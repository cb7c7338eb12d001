"""numerics/solvers.py: every solver finds closed-form roots, and refuses rather than guesses.

Reference values are closed forms (sqrt(2), cube roots, the double root of a parabola),
evaluated independently by mpmath at a higher precision than the solver's.
"""

import math

import mpmath
import numpy as np
import pytest

from numerics import solvers
from numerics.solvers import ConvergenceError
from theory._precision import context


class TestBrentq:
    def test_sqrt2(self):
        assert solvers.brentq(lambda x: x * x - 2, 0.0, 2.0) == pytest.approx(math.sqrt(2), rel=4e-16)

    def test_no_sign_change_raises_naming_the_bracket(self):
        with pytest.raises(ConvergenceError, match=r"no sign change on the bracket \[3, 4\]"):
            solvers.brentq(lambda x: x * x - 2, 3.0, 4.0, what="sqrt 2")


class TestBracketedRoot:
    @pytest.mark.parametrize("dps", [15, 50, 200])
    def test_cube_root_of_two_to_the_last_digits(self, dps):
        ctx = context(dps + 10)
        x, (lo, hi) = solvers.bracketed_root(ctx, lambda x: x**3 - 2, 1, 2, what="cbrt 2")
        with mpmath.workdps(dps + 40):
            exact = mpmath.cbrt(2)
            assert abs(x - exact) / exact < mpmath.mpf(10) ** -(dps + 5)
            # the bracket's end signs were evaluated in rounded arithmetic: it holds the exact
            # root up to a few units in the last place of the working precision
            slack = 8 * ctx.eps * exact
            assert lo - slack <= exact <= hi + slack and hi - lo <= slack

    def test_no_sign_change_raises(self):
        with pytest.raises(ConvergenceError, match="dps"):
            solvers.bracketed_root(context(30), lambda x: x**2 + 1, -1, 1, what="x^2 + 1")


class TestRootFacade:
    def test_float_and_mpmath_backends_agree(self):
        f64, bracket = solvers.root(None, lambda x: x * x - 3, 1, 2, what="sqrt 3")
        ctx = context(40)
        mp, _ = solvers.root(ctx, lambda x: x * x - 3, 1, 2, what="sqrt 3")
        assert bracket == (1.0, 2.0) and f64 == pytest.approx(float(mp), rel=4e-16)


class TestGrowBracket:
    def test_widens_until_the_sign_changes(self):
        x, _ = solvers.grow_bracket(None, lambda x: x - 37.5, 0.0, 1.0, "x = 37.5", limit=1e3)
        assert x == pytest.approx(37.5, rel=1e-15)

    def test_asked_sign_is_respected(self):
        # f = (x - 1)(x + 1): a decreasing crossing (f(lo) > 0 > f(hi)) only at x = -1
        x, _ = solvers.grow_bracket(None, lambda x: (x - 1) * (x + 1), -1.2, 0.5, "x = -1", limit=0.9, sign=+1)
        assert x == pytest.approx(-1.0, rel=1e-15)

    def test_no_sign_change_within_the_limit_raises(self):
        with pytest.raises(ConvergenceError, match="no sign change"):
            solvers.grow_bracket(None, lambda x: x * x + 1, 0.0, 1.0, "x^2 + 1", limit=100.0)


class TestSignChanges:
    def test_strict_changes_only(self):
        (idx,) = solvers.sign_changes([1.0, -1.0, 0.0, 2.0, -3.0])
        assert list(idx) == [0, 3]


class TestNewtonBracketed:
    def test_simple_root_at_100_digits(self):
        ctx = context(110)
        r = solvers.newton_bracketed(ctx, lambda x: ctx.exp(x) - 3, lambda x: ctx.exp(x), (0, 2), what="log 3")
        with mpmath.workdps(150):
            assert abs(r.value - mpmath.log(3)) < mpmath.mpf(10) ** -105
            assert r.bracket[0] <= mpmath.log(3) <= r.bracket[1]

    def test_no_sign_change_raises(self):
        ctx = context(30)
        with pytest.raises(ConvergenceError, match="no sign change"):
            solvers.newton_bracketed(ctx, lambda x: x * x + 1, lambda x: 2 * x, (0, 1), what="x^2 + 1")


class TestTangency:
    def test_double_root_of_a_shifted_parabola(self):
        # f(x; y) = (x - 2)^2 - y is tangent to zero at (x, y) = (2, 0) only; solve f = f_x = 0
        # with the exact Jacobian, y = recover(x) from f = 0 eliminated in the reduced condition.
        ctx = context(60)
        F = lambda x, y: ((x - 2) ** 2 - y, 2 * (x - 2) + y - y)  # noqa: E731
        J = lambda x, y: ((2 * (x - 2), -1), (2, 0))  # noqa: E731
        r = solvers.tangency(ctx, F, J, reduced=lambda x: x - 2, recover=lambda x: (x - 2) ** 2 + ctx.mpf(1) / 10**70,
                             bracket=(1, 3.5), what="parabola")
        x = r.at
        assert isinstance(r, solvers.Root) and r.steps > 0 and r.backend.dps == 60
        assert abs(x - 2) < ctx.mpf(10) ** -50


class TestRoot:
    """Every solver returns a Root: value, bracket, steps, backend (and unpacks as value, bracket)."""

    @pytest.mark.parametrize("ctx", [None, context(40)], ids=["F64", "MP"])
    def test_every_solver_returns_a_root(self, ctx):
        from numerics.backend import F64

        f = lambda x: x * x - 2  # noqa: E731  sqrt(2) in [1, 2]
        found = [solvers.root(ctx, f, 1, 2, what="sqrt 2"),
                 solvers.grow_bracket(ctx, f, 1.5, 0.01, "sqrt 2", limit=1.0),
                 solvers.bisect(ctx, f, 1, 2, what="sqrt 2")]
        if ctx is None:
            found.append(solvers.brent(f, 1.0, 2.0))
        else:
            found += [solvers.bracketed_root(ctx, f, 1, 2, what="sqrt 2"),
                      solvers.newton_bracketed(ctx, f, lambda x: 2 * x, (1, 2), what="sqrt 2")]
        for r in found:
            assert isinstance(r, solvers.Root) and r.steps >= 1
            assert r.backend is F64 if ctx is None else r.backend.dps == 40
            lo, hi = r.bracket
            assert lo <= r.value <= hi and f(lo) * f(hi) <= 0
            value, bracket = r  # the tuple convention of the solvers it replaced
            assert value == r.value and bracket == r.bracket


class TestBisect:
    def test_float_to_the_last_bit(self):
        # the sign change of x^2 - 2 as evaluated in float64: the bracket ends are adjacent doubles
        r = solvers.bisect(None, lambda x: x * x - 2, 1.0, 2.0)
        lo, hi = r.bracket
        assert math.nextafter(lo, 3) >= hi and lo <= math.sqrt(2) <= hi

    def test_mpmath_to_the_working_precision(self):
        ctx = context(50)
        r = solvers.bisect(ctx, lambda x: x**3 - 2, 1, 2)
        with mpmath.workdps(80):
            assert abs(r.value - mpmath.cbrt(2)) < mpmath.mpf(10) ** -48

    def test_no_sign_change_raises(self):
        with pytest.raises(ConvergenceError, match=r"no sign change on the bracket \[3, 4\]"):
            solvers.bisect(None, lambda x: x * x - 2, 3.0, 4.0, what="sqrt 2")

    def test_many_brackets_at_once(self):
        # roots of x^2 - c for c = 2, 3, 5 on [1, 3]: the closed form sqrt(c)
        c = np.array([2.0, 3.0, 5.0])
        x = solvers.bisect_many(lambda x: x * x - c, np.ones(3), np.full(3, 3.0))
        assert np.allclose(x, np.sqrt(c), rtol=4e-16, atol=0)


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


class TestRootPickles:
    def test_float_root_and_its_backend(self):
        import pickle

        from numerics.backend import F64, MP

        r = solvers.root(None, lambda x: x * x - 2, 1, 2, what="sqrt 2")
        assert pickle.loads(pickle.dumps(r)) == r and pickle.loads(pickle.dumps(r)).backend is F64
        assert pickle.loads(pickle.dumps(MP(30))) is MP(30)
