"""theory.expressions(): the srepr cache rebuilds exactly what derivations/ derives, fast."""

import pickle
import subprocess
import sys

import pytest
import sympy as sp

import derivations
import theory
from derivations.symbols import Delta2, Deltap, energy, m, mu, p


class TestExpressions:
    def test_cache_equals_the_derivation(self):
        cached, derived = theory.expressions(), derivations.expressions()
        assert set(derived) <= set(cached)
        for name, expr in derived.items():
            assert cached[name] == expr, name

    def test_one_description_per_key(self):
        exprs = theory.expressions()
        assert set(exprs.descriptions) == set(exprs)
        assert all(isinstance(d, str) and d and "\n" not in d for d in exprs.descriptions.values())

    def test_combined_complexity_takes_each_branch_on_its_side(self):
        exprs = theory.expressions()
        at = {p: 3, Delta2: sp.Rational(1, 2), Deltap: 1, m: sp.Rational(1, 10), energy: sp.Rational(-1)}
        s = exprs["semicircle_scale"].subs(at)
        for value, branch in ((s, "kr_sigma_bulk"), (3 * s, "kr_sigma_outside"), (-3 * s, "kr_sigma_outside")):
            point = {**at, mu: value}
            assert sp.simplify(exprs["kr_sigma"].subs(point) - exprs[branch].subs(point)) == 0
        point = {k: v for k, v in at.items() if k is not energy}
        assert sp.simplify(exprs["kr_sigma_mu"].subs({**point, mu: 3 * s})
                           - exprs["kr_sigma_mu_outside"].subs({**point, mu: 3 * s})) == 0

    def test_result_is_a_fresh_dict_that_pickles(self):
        a = theory.expressions()
        a.pop("xi")
        b = theory.expressions()
        assert "xi" in b
        assert pickle.loads(pickle.dumps(b)) == b

    def test_threshold_curve_latex(self):
        assert theory.threshold(p=3).latex() == r"\frac{2}{\sqrt{1 + \frac{8}{\Delta_p}} + 1}"


_COLD = """
import time
t0 = time.perf_counter()
import sympy
t1 = time.perf_counter()
import theory
theory.expressions()
theory.threshold(p=3).latex()
t2 = time.perf_counter()
print(t1 - t0, t2 - t1)
"""


class TestColdStart:
    def test_within_three_times_import_sympy(self):
        # Both figures come from the same fresh process, so machine load affects both alike.
        out = subprocess.run([sys.executable, "-c", _COLD], capture_output=True, text=True, check=True)
        sympy_s, rest_s = map(float, out.stdout.split())
        assert sympy_s + rest_s < 3 * sympy_s, f"import sympy {sympy_s:.2f} s, then {rest_s:.2f} s"
