"""numerics/model.py: the one jet evaluator (``jet``, ``Jets``, ``covariance_det``) against
independent routes: ``numpy.polynomial`` in float64, exact rational sums (``fractions``) in
mpmath at two precisions, and the determinant of the covariance formed from the jets."""

from fractions import Fraction
from math import factorial

import mpmath
import numpy as np
import pytest
from hypothesis import given, strategies as st

from numerics.backend import F64, MP
from numerics.model import FloatRangeError, Jets, Polynomial, as_backend, covariance_det, field, jet, matrix_tensor

#: xi = 3 q**2/7 + q**3/5 + 2 q**4/9 (three channels; exact rational coefficients)
EXACT = Polynomial(((2, Fraction(3, 7)), (3, Fraction(1, 5)), (4, Fraction(2, 9))))


def _exact_jet(poly, q: Fraction, k: int) -> Fraction:
    """``poly^(k)(q)`` in rational arithmetic, from the definition (no code under test)."""
    return sum(c * Fraction(factorial(n), factorial(n - k)) * q ** (n - k) for n, c in poly.terms if n >= k)


def _numpy_poly(poly):
    coefs = np.zeros(max(n for n, _ in poly.terms) + 1)
    for n, c in poly.terms:
        coefs[n] = float(c)
    return np.polynomial.Polynomial(coefs)


class TestFloat64:
    @given(st.floats(-1, 1), st.integers(0, 5))
    def test_against_numpy_polynomial(self, q, k):
        expected = _numpy_poly(EXACT).deriv(k)(q) if k else _numpy_poly(EXACT)(q)
        assert float(jet(EXACT, q, k)) == pytest.approx(expected, rel=1e-13, abs=1e-15)

    def test_arrays_broadcast_against_array_coefficients(self):
        fld = matrix_tensor(3, np.array([0.5, 1.0, 2.0]), 1.0)  # xi = q**2/(2 d2) + q**3/3
        q = np.linspace(-0.9, 0.9, 4)[:, None]
        out = Jets(fld).xi(q, 1)
        assert out.shape == (4, 3)
        d2 = np.array([0.5, 1.0, 2.0])
        for i, qq in enumerate(q[:, 0]):
            for j in range(3):
                ref = np.polynomial.Polynomial([0, 0, 1 / (2 * d2[j]), 1 / 3]).deriv(1)(qq)
                assert out[i, j] == pytest.approx(ref, rel=1e-14)

    def test_shapes_and_types(self):
        assert isinstance(jet(EXACT, 0.5, 1), np.float64)
        assert isinstance(jet(EXACT, 1, 2), np.float64)          # the cached value at 1
        assert jet(EXACT, np.zeros((2, 3)), 7).shape == (2, 3)  # past the degree: zeros of the shape
        assert jet(EXACT, np.zeros(3), 4).shape == (3,)           # a constant term broadcast to q

    def test_value_at_one_is_the_sum_of_the_coefficients(self):
        # xi'(1) = sum n c_n by hand: 6/7 + 3/5 + 8/9
        assert float(jet(EXACT, 1.0, 1)) == pytest.approx(6 / 7 + 3 / 5 + 8 / 9, rel=1e-15)

    def test_exact_coefficient_beyond_float64_raises(self):
        huge = Polynomial(((2, Fraction(10**400)),))
        with pytest.raises(FloatRangeError, match="outside the normal float64 range"):
            jet(huge, 0.5, 0)
        assert jet(huge, 0.5, 0, MP(20)) == MP(20).ctx.mpf(10) ** 400 / 4


class TestMpmath:
    @pytest.mark.parametrize("dps", [30, 60])
    @pytest.mark.parametrize("q", [Fraction(1), Fraction(-3, 7), Fraction(9, 10), Fraction(0)])
    @pytest.mark.parametrize("k", [0, 1, 2, 3, 4])
    def test_against_exact_rational_sums(self, dps, q, k):
        b = MP(dps)
        exact = _exact_jet(EXACT, q, k)
        value = jet(EXACT, b.from_exact(q), k, b)
        ref = b.from_exact(exact)
        assert abs(value - ref) <= b.ctx.mpf(10) ** (2 - dps) * (1 + abs(ref))

    def test_two_precisions_agree_and_do_not_share_a_cache(self):
        low, high = jet(EXACT, MP(30).num("0.3"), 2, MP(30)), jet(EXACT, MP(60).num("0.3"), 2, MP(60))
        assert abs(low - high) < mpmath.mpf(10) ** -28
        assert abs(low - high) > 0  # the 60-digit value is not the 30-digit one rounded again
        assert low.context.prec == MP(30).ctx.prec and high.context.prec == MP(60).ctx.prec

    def test_an_mpmath_context_is_still_accepted(self):
        ctx = mpmath.MPContext()
        ctx.dps = 40
        assert as_backend(ctx) is MP(40) and as_backend(None) is F64 and as_backend(F64) is F64
        assert EXACT(ctx.mpf(1) / 3, 1, ctx) == jet(EXACT, MP(40).num(1) / 3, 1, MP(40))
        ctx.prec = 101  # not the precision of a whole number of digits
        with pytest.raises(ValueError, match="prec=101"):
            as_backend(ctx)
        with pytest.raises(ValueError, match="backend must be"):
            as_backend("float")

    def test_object_arrays(self):
        b = MP(30)
        q = np.array([b.num(1) / 4, b.num(-1) / 2], dtype=object)
        out = jet(EXACT, q, 1, b)
        for x, y in zip(out, (Fraction(1, 4), Fraction(-1, 2))):
            assert abs(x - b.from_exact(_exact_jet(EXACT, y, 1))) < b.ctx.mpf(10) ** -28


class TestCovarianceDeterminant:
    @pytest.mark.parametrize("b", [F64, MP(30), MP(60)])
    def test_is_the_determinant_of_the_jets(self, b):
        # xi (xi' + xi'') - xi'**2 at 1, exactly in rationals from the definition
        x0, x1, x2 = (_exact_jet(EXACT, Fraction(1), k) for k in (0, 1, 2))
        exact = x0 * (x1 + x2) - x1**2
        value = covariance_det(EXACT, b)
        tol = 1e-15 if b is F64 else b.ctx.mpf(10) ** (2 - b.dps)
        assert abs(value - b.from_exact(exact)) <= tol * float(exact)
        assert Jets(field({2: Fraction(7, 6), 3: Fraction(5, 3), 4: Fraction(9, 8)}), b).det() > 0

    def test_one_channel_is_degenerate(self):
        assert covariance_det(field({3: Fraction(1)}).xi, MP(30)) == 0
        assert covariance_det(field({3: 2.0}).xi) == 0.0


class TestJets:
    def test_field_jets_and_variances(self):
        fld = field({2: Fraction(1, 2), 3: Fraction(2)})  # xi = g = q**2 + q**3/6
        j = Jets(fld, MP(30))
        ctx = MP(30).ctx
        assert j.xi(1, 2) == 2 + ctx.mpf(1)  # 2 + q at 1
        assert j.g(ctx.mpf(1) / 2, 1) == 1 + ctx.mpf(1) / 8  # 2 q + q**2/2 at 1/2
        assert j.value(3) == 2 and Jets(fld).value(2) == 0.5
        mismatched = field({3: 1.0}, {3: 2.0})  # g = q**3/6, xi = q**3/12
        jm = Jets(mismatched)
        assert float(jm.g(1.0)) == pytest.approx(1 / 6) and float(jm.xi(1.0)) == pytest.approx(1 / 12)


def test_an_integer_variance_stays_exact():
    # field({3: 1}) is the exact model of Deltap = 1, as field({3: Fraction(1)}): its coefficients
    # are Fractions (an int used to go through float64, and mpmath runs stopped at ~1e-17)
    from fractions import Fraction

    from numerics.backend import MP

    f = field({3: 1, 5: Fraction(1, 2)})
    assert f.xi.terms == ((3, Fraction(1, 3)), (5, Fraction(2, 5)))
    exact = Fraction(1, 3) / 8 + Fraction(2, 5) / 32  # xi(1/2) by hand
    b = MP(60)
    got = f.xi(b.ctx.mpf(1) / 2, 0, b)
    assert abs(got - b.ctx.mpf(exact.numerator) / exact.denominator) < b.ctx.mpf(10) ** -55
