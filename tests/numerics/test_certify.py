"""numerics.certify.evaluate_float: the one float64 policy behind every ``dps=None`` result.

Float64 first; the entries float64 cannot resolve (nan, 0 or inf from an overflow or underflow
on the way, or an evaluation that raises because float64 cannot hold an input) are recomputed
from the exact inputs at 17 certified digits; a value beyond the normal double range raises a
ValueError suggesting dps=.  The reference values below are closed forms (powers of ten, e),
never the code under test.
"""

import math
from fractions import Fraction

import numpy as np
import pytest

from numerics import certify
from numerics.certify import evaluate_float, nan_or_zero, nonfinite
from numerics.model import FloatRangeError


def _geometric_mean(xs, ys, calls=None):
    """``sqrt(x y)`` with exact Fraction inputs: the float64 evaluation (which over- or
    underflows in ``x y`` near the ends of the double range) and ``exact(index)``."""
    xf = np.array([float(x) for x in xs])
    yf = np.array([float(y) for y in ys])

    def exact(index):
        if calls is not None:
            calls.append(index)
        i = index[0]
        return lambda ctx: ctx.sqrt(certify.to_mp(ctx, xs[i]) * certify.to_mp(ctx, ys[i]))

    return (lambda x, y: np.sqrt(x * y)), exact, (xf, yf)


class TestRecomputed:
    def test_overflow_on_the_way(self):
        # 1e200 * 1e200 overflows to inf in float64; sqrt(1e400) = 1e200 is a normal double
        e10 = Fraction(10)
        f, exact, args = _geometric_mean([e10 ** 200, Fraction(4)], [e10 ** 200, Fraction(9)])
        out = evaluate_float(f, exact, "sqrt(xy)", args=args)
        assert out[0] == pytest.approx(1e200, rel=1e-15) and out[1] == 6.0

    def test_underflow_to_zero(self):
        # 1e-200 * 1e-200 underflows to 0; sqrt(1e-400) = 1e-200
        e10 = Fraction(10)
        f, exact, args = _geometric_mean([e10 ** -200], [e10 ** -200])
        out = evaluate_float(f, exact, "sqrt(xy)", args=args, unresolved=nan_or_zero)
        assert out[0] == pytest.approx(1e-200, rel=1e-15)

    def test_recomputed_value_is_the_nearest_double(self):
        # exp(750) * exp(-749) overflows; the exact value is e, and math.e is e correctly rounded
        out = evaluate_float(lambda: np.exp(750.0) * np.exp(-749.0),
                             lambda index: lambda ctx: ctx.exp(750) * ctx.exp(-749), "e")
        assert out.shape == () and float(out) == math.e

    def test_only_unresolved_entries_are_recomputed(self):
        e10, calls = Fraction(10), []
        xs = [Fraction(2), e10 ** 200, Fraction(1, 3)]
        f, exact, args = _geometric_mean(xs, [Fraction(8), e10 ** 200, Fraction(1, 3)], calls)
        out = evaluate_float(f, exact, "sqrt(xy)", args=args)
        assert calls == [(1,)]
        assert out[0] == 4.0 and out[2] == np.sqrt(args[0][2] * args[1][2])  # float64 kept as is

    def test_an_evaluation_may_mark_an_entry_with_nan(self):
        out = evaluate_float(lambda: np.array([1.0, np.nan]),
                             lambda index: lambda ctx: ctx.mpf(index[0] + 1) / 3, "marked")
        assert out[0] == 1.0 and out[1] == 2 / 3

    @pytest.mark.parametrize("error", [OverflowError, ZeroDivisionError, FloatRangeError])
    def test_float64_that_cannot_hold_an_input_recomputes_everything(self, error):
        def evaluate():
            raise error("beyond float64")

        out = evaluate_float(evaluate, lambda index: lambda ctx: ctx.mpf(index[1]) / 4, "all", shape=(2, 3))
        np.testing.assert_array_equal(out, np.tile([0.0, 0.25, 0.5], (2, 1)))

    def test_no_float64_route(self):
        out = evaluate_float(None, lambda index: lambda ctx: ctx.sqrt(2), "sqrt(2)")
        assert float(out) == math.sqrt(2)

    def test_a_root_is_its_value(self):
        from numerics.solvers import Root

        out = evaluate_float(None, lambda index: lambda ctx: Root(ctx.mpf(1) / 7, None), "root")
        assert float(out) == 1 / 7

    def test_undefined_is_nan(self):
        class NoValue(ValueError):
            pass

        def compute(ctx):
            raise NoValue("undefined here")

        out = evaluate_float(lambda: np.array([np.nan, 0.5]), lambda index: compute, "kind", undefined=NoValue)
        assert np.isnan(out[0]) and out[1] == 0.5
        with pytest.raises(NoValue):  # not declared undefined: raised
            evaluate_float(lambda: np.array([np.nan]), lambda index: compute, "kind")

    def test_a_genuine_zero_of_an_exact_recomputation_is_kept(self):
        out = evaluate_float(lambda: np.nan, lambda index: lambda ctx: ctx.mpf(0), "zero")
        assert float(out) == 0.0


class TestRaises:
    def test_a_value_below_the_normal_range_suggests_dps(self):
        # (1e-170)**2 = 1e-340 underflows to 0 in float64; exactly it is a subnormal, where
        # float64 would keep fewer digits than it promises
        xs = [Fraction(1), Fraction(1, 10**170)]
        with pytest.raises(ValueError, match=r"entry \(1,\): the value 1\.0e-340 is outside the float64 range; "
                                             r"float64 cannot resolve it, pass dps="):
            evaluate_float(lambda x: x * x, lambda index: lambda ctx: certify.to_mp(ctx, xs[index[0]]) ** 2,
                           lambda index: f"entry {index}", args=(np.array([1.0, 1e-170]),), unresolved=nan_or_zero)

    def test_a_value_above_the_largest_double_suggests_dps(self):
        e10 = Fraction(10)
        with pytest.raises(ValueError, match="1.0e[+]400 is outside the float64 range.*pass dps="):
            evaluate_float(lambda: np.inf, lambda index: lambda ctx: certify.to_mp(ctx, e10 ** 400), "big")

    def test_other_errors_of_the_evaluation_propagate(self):
        def evaluate(x):
            raise ValueError("delta_p must be > 0")

        with pytest.raises(ValueError, match="delta_p must be > 0"):
            evaluate_float(evaluate, None, "checked", args=(np.ones(3),), blocks=True)

    def test_digits_that_never_certify_raise_precision_error(self):
        from numerics.solvers import PrecisionError

        with pytest.raises(PrecisionError, match="drifting"):
            evaluate_float(None, lambda index: lambda ctx: 1 + ctx.mpf(1) / ctx.prec, "drifting")


class TestShapes:
    @pytest.mark.parametrize("shape", [(), (0,), (3,), (2, 3), (2, 0, 4)])
    def test_shape_of_the_result(self, shape):
        x = np.full(shape, 4.0)
        out = evaluate_float(np.sqrt, None, "sqrt", args=(x,))
        assert isinstance(out, np.ndarray) and out.shape == shape and out.dtype == np.float64
        np.testing.assert_array_equal(out, np.full(shape, 2.0))

    def test_a_scalar_evaluation_is_broadcast_to_the_shape(self):
        out = evaluate_float(lambda: 0.5, None, "constant", shape=(2, 2))
        np.testing.assert_array_equal(out, np.full((2, 2), 0.5))
        out[0, 0] = 1.0  # a writable array of its own
        assert out[1, 1] == 0.5

    def test_an_array_the_evaluation_shares_is_not_written(self):
        x = np.array([1.0, np.nan])
        out = evaluate_float(lambda v: v, lambda index: lambda ctx: ctx.mpf(3), "identity", args=(x,))
        assert out[1] == 3.0 and np.isnan(x[1])

    def test_unresolved_entries_are_found_in_every_block(self):
        # |v| as sqrt(v * v): v * v underflows to 0 for v = 1e-170, at entries 0, BLOCK + 1 and
        # the last of a (k, 3) array spanning three blocks; exactly |v| = 1e-170
        n = 3 * (2 * certify.BLOCK // 3 + 2)  # over two blocks, a multiple of 3
        x = np.full(n, 0.25)
        tiny = [0, certify.BLOCK + 1, n - 1]
        x[tiny] = 1e-170
        x = x.reshape(-1, 3)
        calls = []

        def exact(index):
            calls.append(index)
            return lambda ctx: certify.to_mp(ctx, Fraction(float(x[index])))

        out = evaluate_float(lambda v: np.sqrt(v * v), exact, "blocked", args=(x,), blocks=True,
                             unresolved=nan_or_zero)
        assert out.shape == x.shape
        assert sorted(calls) == sorted(tuple(int(j) for j in np.unravel_index(i, x.shape)) for i in tiny)
        flat = out.reshape(-1)
        np.testing.assert_array_equal(flat[tiny], 1e-170)
        np.testing.assert_array_equal(np.delete(flat, tiny), 0.25)

    def test_blocks_give_the_numbers_of_one_evaluation(self):
        x = np.random.default_rng(0).uniform(0.01, 100.0, (3, certify.BLOCK + 7))
        f = lambda v: 2 / (np.sqrt(1 + 8 / v) + 1)  # noqa: E731
        np.testing.assert_array_equal(evaluate_float(f, None, "f", args=(x,), blocks=True), f(x))


class TestPredicates:
    def test_nonfinite(self):
        assert nonfinite(np.array([0.0, -1.0, 1e308])) is None
        np.testing.assert_array_equal(nonfinite(np.array([np.nan, 1.0, -np.inf])), [True, False, True])
        assert nonfinite(np.empty(0)) is None

    def test_nonfinite_sees_through_an_overflowing_sum(self):
        # the one reduction overflows for finite entries; the mask then finds none
        with np.errstate(over="ignore"):
            assert not nonfinite(np.array([1e308, 1e308])).any()

    def test_nan_or_zero(self):
        assert nan_or_zero(np.array([1e-300, 0.5])) is None
        np.testing.assert_array_equal(nan_or_zero(np.array([0.0, np.nan, 0.5, -1.0])), [True, True, False, False])
        assert nan_or_zero(np.empty((0, 2))) is None


class TestOnePolicy:
    def test_the_api_has_no_copy_of_the_policy(self):
        # the four copies this policy replaced are gone (design section 6)
        from theory import _landscape, _thresholds

        for name in ("_float_via_mp", "_repair"):
            assert not hasattr(_thresholds, name)
        for name in ("_TINY", "_HUGE"):
            assert not hasattr(_landscape, name)

    def test_threshold_recomputes_through_the_policy(self, monkeypatch):
        import theory

        seen = []
        real = certify.evaluate_float

        def spy(*args, **kwargs):
            seen.append(kwargs.get("unresolved"))
            return real(*args, **kwargs)

        monkeypatch.setattr(certify, "evaluate_float", spy)
        # Deltap = d = 1e-320: 8/d overflows, the closed form gives 0; exactly
        # Delta2 = 2/(1 + sqrt(1 + 8/d)) = sqrt(d/2) (1 + O(sqrt(d))), and d * 2**600 is exact
        d = 1e-320
        out = theory.threshold(3, np.array([d, 1.0]))
        assert seen == [nan_or_zero]
        assert out[0] == pytest.approx(math.sqrt(d * 2.0**600 / 2) * 2.0**-300, rel=1e-15) and out[1] == 0.5
