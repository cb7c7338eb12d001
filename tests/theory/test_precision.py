"""theory/_precision.certify: the one rule behind every ``dps=`` result.

Evaluate at ``dps + guard`` and ``dps + guard + 20`` digits; where the two disagree beyond
``dps`` digits (cancellation: the inputs need more precision) the guard grows; where they never
agree, PrecisionError names both precisions.
"""

import mpmath
import pytest

from numerics.solvers import PrecisionError
from theory import _precision


class TestCertify:
    def test_exact_rational_to_every_digit(self):
        value = _precision.certify(lambda ctx: ctx.mpf(1) / 3, 40, "1/3")
        assert mpmath.nstr(value, 40) == "0." + "3" * 40

    def test_cancellation_forces_more_guard_digits(self):
        # ((1 + x) - 1) / x = 1 exactly, but with x = 10**-(dps + 15) the sum 1 + x rounds to 1 at
        # dps + 10 digits (value 0) and not at dps + 30: the first pair disagrees, so the guard
        # must grow before the result (1) is certified.
        dps, seen = 20, []

        def compute(ctx):
            seen.append(ctx.dps)
            x = ctx.mpf(10) ** -(dps + 15)
            return ((1 + x) - 1) / x

        value = _precision.certify(compute, dps, "cancellation")
        assert abs(value - 1) < mpmath.mpf(10) ** -dps
        assert seen[:2] == [dps + _precision.GUARD_DIGITS, dps + _precision.GUARD_DIGITS + _precision.CHECK_DIGITS]
        assert len(seen) == 4 and seen[2] > seen[1]

    def test_disagreement_raises_naming_both_precisions(self):
        # a value that depends on the working precision itself never certifies
        with pytest.raises(PrecisionError, match=r"dps=\d+ and dps=\d+ differ") as exc:
            _precision.certify(lambda ctx: 1 + ctx.mpf(1) / ctx.prec, 15, "drifting")
        assert "drifting" in str(exc.value) and "15 digits are not certified" in str(exc.value)

    def test_tuples_and_none_pass_through(self):
        out = _precision.certify(lambda ctx: (ctx.sqrt(2), None, "label"), 30, "tuple")
        with mpmath.workdps(60):
            assert abs(out[0] - mpmath.sqrt(2)) < mpmath.mpf(10) ** -30
        assert out[1:] == (None, "label")


class TestOneRule:
    def test_one_context_cache(self):
        # the API's contexts are the backend's: one cache, one context object per precision
        from numerics import backend
        from numerics.message_passing import context as mp_context

        assert _precision.context(37) is backend.context(37) is mp_context(37)

    def test_threshold_uses_the_rule(self, monkeypatch):
        # theory.threshold certifies through numerics.certify.certified (no rule of its own)
        from theory import _thresholds
        from numerics import certify

        seen = []
        real = certify.certified

        def spy(compute, dps, what):
            seen.append(dps)
            return real(compute, dps, what)

        monkeypatch.setattr(_thresholds._precision, "certified", spy)
        import theory

        theory.threshold(3, 1, dps=25)
        assert seen == [25]
