"""theory.threshold, kind="gradient_flow": limits, precision, input handling (spec section 4)."""

import decimal
import subprocess
from pathlib import Path
import sys
from fractions import Fraction

import mpmath
import numpy as np
import pytest
from hypothesis import example, given, strategies as st

import theory
from numerics._generated import hessian_numpy
from theory.testing import (check_gf_closed_form, check_gf_is_bbp_point, check_gf_large_delta_p,
                            check_gf_monotone, check_gf_small_delta_p, delta_ps, ps)


class TestThresholdGradientFlow:
    def test_p3_deltap1_is_one_half(self):
        value = theory.threshold(p=3, delta_p=1.0)
        assert value == 0.5 and type(value) is float

    @given(ps(), delta_ps(min_value=1e3, max_value=1e12))
    def test_tends_to_one_as_deltap_grows(self, p, delta_p):
        check_gf_large_delta_p(p, delta_p)

    @given(ps(), delta_ps(min_value=1e-12, max_value=1e-4))
    def test_tends_to_zero_as_deltap_vanishes(self, p, delta_p):
        check_gf_small_delta_p(p, delta_p)

    @given(ps(), st.lists(delta_ps(), min_size=2, max_size=20))
    def test_increasing_in_deltap(self, p, values):
        check_gf_monotone(p, values)

    @given(ps(), delta_ps())
    @example(3, 1.0)
    def test_is_the_bbp_point_at_working_precision(self, p, delta_p):
        check_gf_is_bbp_point(p, delta_p, dps=40)

    @given(ps(), delta_ps())
    def test_equals_the_textbook_closed_form(self, p, delta_p):
        check_gf_closed_form(p, delta_p)

    @given(ps(), delta_ps(min_value=1e-6, max_value=1e9))
    def test_float_agrees_with_mpmath(self, p, delta_p):
        exact = theory.threshold(p, delta_p, dps=30)
        assert abs(theory.threshold(p, delta_p) - exact) <= 1e-15 * exact * 4

    @given(ps(), delta_ps())
    @example(4, 1.0)
    def test_dps_15_30_60_agree_to_the_lower_precision(self, p, delta_p):
        values = {d: theory.threshold(p, delta_p, dps=d) for d in (15, 30, 60)}
        for low, high in ((15, 30), (30, 60), (15, 60)):
            assert abs(values[low] - values[high]) <= values[high] * mpmath.mpf(10) ** (1 - low)

    def test_stable_where_the_textbook_form_cancels(self):
        # 1 - Delta2_GF ~ (p-1)/Deltap - ...: at Deltap = 1e12 float64 still has full digits.
        exact = theory.threshold(3, 10**12, dps=40)
        assert abs(theory.threshold(3, 1e12) - exact) <= 2e-16 * exact

    def test_50_digits_satisfy_the_defining_condition_at_80(self):
        value = theory.threshold(p=4, delta_p=1, dps=50)
        ctx = mpmath.MPContext()
        ctx.dps = 80
        # theta(0) = 1/Delta2 and s**2 = 1/Delta2 + 3: 1/Delta2 is the positive root of u^2 = u + 3
        u = (1 + ctx.sqrt(13)) / 2
        assert abs(value - 1 / u) <= ctx.mpf(10) ** -50

    def test_full_output_carries_the_error_estimate(self):
        result = theory.threshold(p=3, delta_p="0.7", dps=30, full_output=True)
        assert result.dps == 30 and result.delta_p == Fraction(7, 10)
        assert result.error < 1e-35 and result.bracket is None
        assert "gradient_flow" in repr(result)

    @pytest.mark.parametrize("delta_p", [1, 1.0, Fraction(1), decimal.Decimal("1"), "1", " 1.0 ",
                                         np.float64(1.0), np.int64(1)])
    def test_accepts_every_number_type(self, delta_p):
        assert theory.threshold(3, delta_p) == 0.5

    def test_decimal_string_is_exact_at_high_precision(self):
        ctx = mpmath.MPContext()
        ctx.dps = 60
        seven_tenths = ctx.mpf(7) / 10
        via_string = theory.threshold(3, "0.7", dps=50)
        via_float = theory.threshold(3, 0.7, dps=50)
        via_mpf = theory.threshold(3, seven_tenths, dps=50)
        assert abs(via_string - via_mpf) <= mpmath.mpf(10) ** -49
        assert abs(via_string - via_float) > mpmath.mpf(10) ** -20  # 0.7 is not a binary number

    def test_mpmath_input_returns_mpmath_at_its_precision(self):
        ctx = mpmath.MPContext()
        ctx.dps = 40
        value = theory.threshold(3, ctx.mpf(1))
        assert isinstance(value, mpmath.mpf)
        assert abs(value - mpmath.mpf(1) / 2) <= mpmath.mpf(10) ** -39

    @pytest.mark.parametrize("shape", [(), (1,), (7,), (3, 4), (2, 0), (2, 3, 5)])
    def test_array_shape_is_preserved(self, shape):
        delta_p = np.full(shape, 2.0)
        out = theory.threshold(3, delta_p)
        assert isinstance(out, np.ndarray) and out.shape == shape

    def test_list_input(self):
        np.testing.assert_allclose(theory.threshold(3, [1.0, 1.0]), [0.5, 0.5], rtol=0, atol=0)

    @pytest.mark.parametrize("p", [2, 2.5, 3.0, "3", True, 1, -3])
    def test_bad_p(self, p):
        with pytest.raises(ValueError, match="p must be an integer >= 3"):
            theory.threshold(p, 1.0)

    def test_p_none_is_the_default(self):
        # one signature style (issue 19): p=None is the default order 3, as in phase_diagram
        assert theory.threshold(None, 1.0) == theory.threshold(delta_p=1.0) == 0.5

    @pytest.mark.parametrize("delta_p", [0, -1.0, float("nan"), float("inf"), "abc", "1+1",
                                         "__import__('os')", [1.0, -1.0], [np.nan], True,
                                         mpmath.mpf("inf"), complex(1, 1), "nan"])
    def test_bad_delta_p(self, delta_p):
        with pytest.raises(ValueError, match="delta_p"):
            theory.threshold(3, delta_p)

    @pytest.mark.parametrize("dps", [0, -5, 2.5, "50", True])
    def test_bad_dps(self, dps):
        with pytest.raises(ValueError, match="dps must be an integer >= 1"):
            theory.threshold(3, 1.0, dps=dps)

    def test_unknown_kind_lists_the_kinds(self):
        with pytest.raises(ValueError, match="kind must be one of .*'gradient_flow'"):
            theory.threshold(3, 1.0, kind="magic")

    def test_unknown_option(self):
        with pytest.raises(ValueError, match="takes no option"):
            theory.threshold(3, 1.0, overlap="all")

    def test_nothing_returns_nan_silently(self):
        assert np.all(np.isfinite(theory.threshold(3, np.geomspace(1e-300, 1e300, 50))))


class TestThresholdCurve:
    def test_prints_the_formula(self):
        text = repr(theory.threshold(p=3))
        assert "sqrt(1 + 4*(p - 1)/Deltap)" in text and "p = 3" in text

    def test_callable_like_threshold(self):
        curve = theory.threshold(p=5)
        x = np.linspace(0.1, 10, 11).reshape(1, 11)
        np.testing.assert_array_equal(curve(x), theory.threshold(5, x))
        assert curve(1.0) == theory.threshold(5, 1.0)
        assert curve(1, dps=30) == theory.threshold(5, 1, dps=30)

    def test_expr_evaluates_to_the_numbers(self):
        import sympy as sp

        curve = theory.threshold(p=6)
        (deltap,) = curve.expr.free_symbols
        assert abs(float(curve.expr.subs(deltap, sp.Rational(3, 2))) - curve(1.5)) < 1e-15

    def test_latex(self):
        assert theory.threshold(p=3).latex() == r"\frac{2}{\sqrt{1 + \frac{8}{\Delta_p}} + 1}"

    def test_dps_without_delta_p_is_refused(self):
        with pytest.raises(ValueError, match="need a value of delta_p"):
            theory.threshold(3, dps=30)


class TestImport:
    def test_import_theory_does_not_load_sympy(self):
        code = "import sys, theory; theory.threshold(3, 1.0); print('sympy' in sys.modules)"
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        assert out.stdout.strip() == "False"

    def test_kinds(self):
        assert theory.kinds()[0] == "gradient_flow"


class TestRegisterKind:
    @pytest.mark.parametrize("kind", ["gradient_flow", None, 3])
    def test_refuses_what_is_not_a_kind(self, kind):
        with pytest.raises(ValueError, match="kind must be a theory._thresholds.ThresholdKind"):
            theory.register_kind(kind)


class TestCatalogue:
    """The order of theory.kinds() is written down in theory/_catalogue.py, not imported."""

    def test_kinds_in_the_documented_order(self):
        # the kinds table of docs/model.md, read independently of the code
        import re
        from pathlib import Path

        text = (Path(__file__).parents[2] / "docs" / "model.md").read_text(encoding="utf-8")
        documented = re.findall(r'^\| `"([A-Za-z_][A-Za-z0-9_]*)"` \|', text, re.M)
        assert theory.kinds()[:len(documented)] == tuple(documented)

    def test_order_does_not_follow_the_import_order(self):
        # a fresh interpreter importing the message-passing kinds before anything else
        code = ("import theory._message_passing, theory._landscape, theory; "
                "print(','.join(theory.kinds()))")
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                             cwd=Path(__file__).parents[2])
        assert tuple(out.stdout.strip().split(",")) == theory.kinds()

    def test_a_user_kind_comes_last(self, monkeypatch):
        from theory import _catalogue, _thresholds

        monkeypatch.setattr(_thresholds, "_KINDS", dict(_thresholds._KINDS))
        gf = _thresholds._KINDS["gradient_flow"]
        theory.register_kind(_thresholds.ThresholdKind("half_gf", "half of gradient flow",
                                                       lambda t: gf.evaluate_float(t) / 2,
                                                       lambda ctx, t: gf.evaluate_mp(ctx, t) / 2))
        assert theory.kinds()[-1] == "half_gf" and theory.kinds()[:-1] == _catalogue.NAMES
        assert theory.threshold(3, 1.0, kind="half_gf") == 0.25

    def test_threshold_and_phase_diagram_name_no_kind(self):
        # kind-specific code lives in the kinds' modules and the catalogue; threshold() and
        # phase_diagram() only consult them (a default argument and docstrings aside)
        import re
        from pathlib import Path

        root = Path(__file__).parents[2] / "theory"
        for module in ("_thresholds.py", "_phase_diagram.py"):
            code = [line for line in (root / module).read_text(encoding="utf-8").splitlines()
                    if not line.lstrip().startswith(("#", ">>>")) and "kind: str = " not in line]
            code = re.sub(r'"""(.|\n)*?"""', "", "\n".join(code))
            for name in theory.kinds():
                assert f'"{name}"' not in code and f"'{name}'" not in code, (module, name)


class TestFloatGridKinds:
    """Kinds that bracket on a float64 grid refuse, with a ValueError naming delta_p, what that grid
    cannot resolve (never a bare OverflowError or a RuntimeWarning)."""

    @pytest.mark.parametrize("delta_p", ["1e-400", 1e-300, 2.2250738585072014e-308, "1e400"])
    def test_trivialization(self, delta_p):
        for dps in (None, 20):
            with pytest.raises(ValueError, match="delta_p: kind='trivialization' brackets on a float64 grid"):
                theory.threshold(3, delta_p, kind="trivialization", dps=dps)

    def test_mmse_jump_with_dps(self):
        with pytest.raises(ValueError, match="delta_p: threshold kind='mmse_jump'.*cannot resolve Deltap=~1e\\+400"):
            theory.threshold(3, "1e400", kind="mmse_jump", dps=20)

    def test_gradient_flow_below_float64_is_its_closed_form(self):
        # Delta2_GF = 2/(1 + sqrt(1 + 4 (p-1)/Deltap)) ~ sqrt(Deltap/2) for Deltap -> 0 (in mpmath)
        ctx = mpmath.mp.clone()
        ctx.dps = 30
        dp = ctx.mpf(10) ** -400
        expected = 2 / (1 + ctx.sqrt(1 + 8 / dp))
        assert theory.threshold(3, "1e-400") == pytest.approx(float(expected), rel=1e-15)


class TestArrayOfDeltaP:
    """An array of Deltap for ``kind="gradient_flow"`` goes through the kind's (p, Deltap) closed
    form in blocks (numerics.certify.evaluate_float): the same numbers as one scalar call each,
    unresolved entries recomputed in whichever block they sit, bad entries refused naming delta_p."""

    @staticmethod
    def _mpmath(p, d):
        # the closed form evaluated independently in mpmath at 30 digits (arXiv:1907.08226, sec. 4)
        ctx = mpmath.mp.clone()
        ctx.dps = 30
        return float(2 / (1 + ctx.sqrt(1 + 4 * (p - 1) / ctx.mpf(d))))

    @pytest.mark.parametrize("p", [3, 4, 7])
    def test_agrees_with_mpmath_across_blocks(self, p):
        from numerics import certify

        d = np.random.default_rng(p).lognormal(0.0, 3.0, certify.BLOCK + 17)
        d[[3, certify.BLOCK + 5]] = [1e-320, 5e-324]  # float64 gives 0 there: recomputed exactly
        out = theory.threshold(p, d)
        for i in [0, 3, 17, certify.BLOCK - 1, certify.BLOCK + 5, certify.BLOCK + 16]:
            assert out[i] == pytest.approx(self._mpmath(p, d[i]), rel=4e-16), i

    def test_same_numbers_as_the_scalar_route(self):
        d = np.geomspace(1e-300, 1e300, 601)
        scalars = np.array([theory.threshold(3, float(v)) for v in d])
        np.testing.assert_allclose(theory.threshold(3, d), scalars, rtol=4e-16, atol=0)

    @pytest.mark.parametrize("bad", [0.0, -1.0, -100.0, np.inf, -np.inf, np.nan])
    def test_a_bad_entry_in_a_later_block_names_delta_p(self, bad):
        from numerics import certify

        d = np.ones(2 * certify.BLOCK + 3)
        d[-2] = bad
        with pytest.raises(ValueError, match="delta_p must be finite and > 0"):
            theory.threshold(3, d)


RAGGED = [[1.0, 2.0], [1.0]]


class TestRaggedDeltaP:
    """Issue 18 item 4: a ragged ``delta_p`` list gave numpy's "inhomogeneous shape" message."""

    @pytest.mark.parametrize("call", [
        lambda: theory.threshold(3, RAGGED),
        lambda: theory.threshold(3, RAGGED, kind="amp"),
        lambda: theory.threshold(3)(RAGGED),
        lambda: theory.phase_diagram(3, RAGGED, progress=False),
        lambda: theory.complexity(0.0, p=3, delta2=1.0, delta_p=RAGGED),
        lambda: theory.complexity_of_minima(0.0, p=3, delta2=1.0, delta_p=RAGGED),
        lambda: theory.threshold_energy(p=3, delta2=1.0, delta_p=RAGGED),
    ])
    def test_names_delta_p(self, call):
        with pytest.raises(ValueError, match="^delta_p must be a real number or a rectangular array"):
            call()

    def test_ragged_delta2_names_delta2(self):
        with pytest.raises(ValueError, match="^delta2 must be a real number or a rectangular array"):
            theory.complexity(0.0, p=3, delta2=RAGGED, delta_p=1.0)

    def test_zero_dimensional_arrays_stay_scalars_in_the_landscape(self):
        # Sigma(0) = log1p(Delta2/(Deltap + Delta2))/2 (by hand, test_landscape.py): log(4/3)/2
        got = theory.complexity(0.0, p=3, delta2=np.array(1.0), delta_p=np.array(2.0))
        assert isinstance(got, float) and got == pytest.approx(np.log(4 / 3) / 2, rel=1e-14)
        assert theory.hessian(p=3, delta2=np.array(0.5), delta_p=1.0, m=0.3, mu=2.0).s > 0

    def test_tuples_and_lists_are_still_arrays(self):
        # 2/(1 + sqrt(1 + 8/Deltap)) by hand: 0.5 at Deltap = 1
        np.testing.assert_allclose(theory.threshold(3, (1.0, 1.0)), [0.5, 0.5], rtol=1e-15)
        assert theory.threshold(3, "1.0") == 0.5


class TestPrecisionLimitOfAKind:
    """Issue 18 item 4: threshold(3, "0.5", kind="information_theoretic", dps=1000) ran for minutes
    (10 s here; the scan of small overlaps costs ~dps**2.6): above MAX_SCAN_DPS it is refused."""

    @pytest.mark.parametrize("kind", ["information_theoretic", "mmse_jump"])
    def test_refused_above_the_limit_before_any_work(self, kind):
        import time

        from numerics.message_passing import MAX_SCAN_DPS

        assert MAX_SCAN_DPS == 1000
        start = time.perf_counter()
        with pytest.raises(ValueError, match=rf"^dps must be at most 1000 for kind='{kind}'.*got 1001$"):
            theory.threshold(3, "0.5", kind=kind, dps=1001)
        assert time.perf_counter() - start < 1.0

    def test_a_high_precision_mpf_input_is_refused(self):
        ctx = mpmath.MPContext()
        ctx.dps = 1200  # an mpf carries the precision of its context: dps=1200 is asked for
        value = ctx.mpf(1) / 2
        with pytest.raises(ValueError, match="dps must be at most 1000 for kind='information_theoretic'"):
            theory.threshold(3, value, kind="information_theoretic")

    def test_other_kinds_keep_the_global_limit(self):
        # the gradient-flow closed form 2/(1 + sqrt(1 + 8/Deltap)) at 1500 digits
        value = theory.threshold(3, "0.5", dps=1500)
        with mpmath.workdps(1510):
            assert abs(value - 2 / (1 + mpmath.sqrt(17))) < mpmath.mpf(10) ** -1499

    def test_phase_diagram_refuses_up_front(self):
        with pytest.raises(ValueError, match="^dps must be at most 1000 for kind='mmse_jump', kind='information_theoretic'.*kinds="):
            theory.phase_diagram(3, [0.5], dps=1001, progress=False)
        d = theory.phase_diagram(3, [0.5], kinds=["gradient_flow"], dps=1001, progress=False)
        assert d.dps == 1001
