"""Input checks (theory._validate): inputs as users pass them, absurd inputs refused at once."""

import time
from decimal import Decimal
from fractions import Fraction

import mpmath
import numpy as np
import pytest

import theory
from theory import _validate


class TestExact:
    @pytest.mark.parametrize("x, value", [
        (np.int64(3), Fraction(3)), (np.int8(-2), Fraction(-2)), (np.uint16(7), Fraction(7)),
        (np.float32(0.5), Fraction(1, 2)), (np.float64(0.25), Fraction(1, 4)),
        (np.array(5), Fraction(5)), ("0.7", Fraction(7, 10)), (" 1/3 ", Fraction(1, 3)),
        (Decimal("0.1"), Fraction(1, 10)), (mpmath.mpf(0.5), Fraction(1, 2)),
        ("1e-400", Fraction(1, 10**400)),
    ])
    def test_value_is_exact_and_a_python_fraction(self, x, value):
        out = _validate.exact("x", x)
        assert out == value
        # numpy integers must not leak into the Fraction (mpmath cannot take them)
        assert type(out.numerator) is int and type(out.denominator) is int

    @pytest.mark.parametrize("x", ["1e99999999", "-1e99999999", "1e-99999999", "1" * 30_000,
                                   Decimal("1e99999999"), Decimal("1e-99999999"), lambda: 10**20_000,
                                   lambda: Fraction(1, 10**20_000), mpmath.mpf("1e100000000"),
                                   mpmath.mpf("1e-100000000")])
    def test_absurd_magnitudes_are_refused_at_once(self, x):
        x = x() if callable(x) else x
        start = time.perf_counter()
        with pytest.raises(ValueError, match="^delta_p must be a finite number"):
            _validate.exact("delta_p", x)
        assert time.perf_counter() - start < 0.5

    @pytest.mark.parametrize("x", [True, np.bool_(False), None, "abc", "1+1", "nan", "inf", float("nan"),
                                   complex(1, 1), [1.0], np.array([1.0, 2.0]), mpmath.mpf("inf"),
                                   "__import__('os')"])
    def test_non_numbers_name_the_parameter(self, x):
        with pytest.raises(ValueError, match="^delta_p must be"):
            _validate.exact("delta_p", x)

    def test_numpy_integer_in_an_exact_path(self):
        # issue 10 item 5: a TypeError from mpmath before the fix; the value is 1/(2 Deltap)
        # (theta(0) = s, docs/your_model.md "Checks"), so 0.5 for Deltap = 1.
        assert theory.threshold(3, np.int64(1), dps=20) == mpmath.mpf("0.5")
        assert theory.threshold(3, np.int64(1)) == theory.threshold(3, 1)


class TestFloatArray:
    @pytest.mark.parametrize("x", [[[1.0, 2.0], [3.0]], [1.0, [2.0]], [[1.0], 2.0]])
    def test_ragged_is_a_value_error_naming_the_parameter(self, x):
        with pytest.raises(ValueError, match="^delta2 must be a real number or a rectangular array"):
            _validate.float_array("delta2", x)

    @pytest.mark.parametrize("x", [10**400, True, np.array([True]), "abc", complex(1, 2), "1" * 30_000])
    def test_unrepresentable_is_a_value_error(self, x):
        with pytest.raises(ValueError, match="^delta2 must be"):
            _validate.float_array("delta2", x)

    @pytest.mark.parametrize("x", [float("nan"), float("inf"), "1e999", None, [1.0, np.nan]])
    def test_non_finite_is_refused(self, x):
        with pytest.raises(ValueError, match="^m must be finite"):
            _validate.float_array("m", x)

    def test_numpy_scalars_and_strings(self):
        assert _validate.float_array("m", np.float32(0.5)) == 0.5
        assert _validate.float_array("m", "0.25", low=0.0) == 0.25


class TestCheckDps:
    @pytest.mark.parametrize("dps", [np.int64(20), 1, _validate.MAX_DPS])
    def test_accepted(self, dps):
        assert _validate.check_dps(dps) == int(dps)

    @pytest.mark.parametrize("dps", [0, -1, 10**9, _validate.MAX_DPS + 1, 2.0, "20", True])
    def test_refused(self, dps):
        with pytest.raises(ValueError, match="^dps must be an integer >= 1"):
            _validate.check_dps(dps)


class TestCheckP:
    @pytest.mark.parametrize("p", [3, np.int64(4), _validate.MAX_ORDER])
    def test_accepted(self, p):
        assert _validate.check_p(p) == int(p) and type(_validate.check_p(p)) is int

    @pytest.mark.parametrize("p", [2, 3.0, "3", True, None, _validate.MAX_ORDER + 1, 2**63])
    def test_refused(self, p):
        with pytest.raises(ValueError, match="^p must be an integer >= 3"):
            _validate.check_p(p)

    def test_huge_order_is_refused_before_any_float_conversion(self):
        # a 1329-bit p raised OverflowError inside the float kernels before the cap
        with pytest.raises(ValueError, match="at most"):
            theory.threshold(10**400, 1.0)
