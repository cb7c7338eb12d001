"""numerics/solvers.py: every solver finds closed-form roots, and refuses rather than guesses.

Reference values are closed forms (sqrt(2), cube roots, the double root of a parabola),
evaluated independently by mpmath at a higher precision than the solver's.
"""

import math

import mpmath
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
        x, r = solvers.tangency(ctx, F, J, reduced=lambda x: x - 2, recover=lambda x: (x - 2) ** 2 + ctx.mpf(1) / 10**70,
                                bracket=(1, 3.5), what="parabola")
        assert abs(x - 2) < ctx.mpf(10) ** -50
