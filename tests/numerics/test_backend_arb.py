"""numerics/backend_arb.py and ``theory.threshold(..., certified=True)``: Arb balls that contain
the threshold.

The references are independent of the ball code: the mpmath value at 100 digits through the
public ``dps=`` route (a different arithmetic and, for the solved kinds, a different solver
path: the ball is an enclosure by certified signs, the mpmath value a bracketing solve), and,
for the closed forms, the formulas of docs/model.md evaluated by mpmath here.
"""

import subprocess
import sys
from fractions import Fraction

import mpmath
import pytest
from hypothesis import assume, given, strategies as st

import theory
from numerics.solvers import ConvergenceError

flint = pytest.importorskip("flint")
from flint import arb  # noqa: E402

from numerics.backend_arb import ARB  # noqa: E402
from numerics.lines import base, spiked  # noqa: E402
from numerics.model import field  # noqa: E402
from numerics.solvers import enclose, exclude_roots  # noqa: E402


@pytest.fixture(autouse=True)
def _flint_precision_untouched():
    """Library code sets python-flint's global precision only inside ``working()``."""
    assert flint.ctx.prec == 53
    yield
    assert flint.ctx.prec == 53, "a test or the library left flint.ctx.prec changed"


def _contains(ball, value) -> bool:
    """Whether ``ball`` holds the mpmath number ``value`` (converted exactly)."""
    return ball.contains(arb(value))


class TestBackend:
    def test_kernels_run_unchanged_on_balls(self):
        b = ARB(200)
        with b.working():
            ball = b.kernel("thresholds", "delta2_gf", )(3, b.from_exact(Fraction(7, 10)))
        with mpmath.workdps(80):  # docs/model.md: 2/(1 + sqrt(1 + 4 (p - 1)/Deltap))
            exact = 2 / (1 + mpmath.sqrt(1 + 8 / (mpmath.mpf(7) / 10)))
        assert _contains(ball, exact) and ball.rad() < 1e-55

    def test_closed_form_kinds_solve_on_balls_as_written(self):
        # the kinds' own solve (jets of the exact polynomial, then the generated kernel) on ARB;
        # ML-AMP of xi = q^3/3 + 3 q^4/28: 2/(1 + sqrt(1 + 4 xi'(1))), xi'(1) = 1 + 3/7 (by hand)
        b = ARB(200)
        with b.working():
            root = spiked.ML_AMP.solve(b, field({3: Fraction(1), 4: Fraction(7, 3)}))
        with mpmath.workdps(80):
            exact = 2 / (1 + mpmath.sqrt(1 + 4 * (1 + mpmath.mpf(3) / 7)))
        assert isinstance(root.value, arb) and _contains(root.value, exact) and root.bracket is None

    def test_exact_inputs_are_enclosed(self):
        b = ARB(100)
        with b.working():
            third = b.from_exact(Fraction(1, 3))
            assert b.num(0.1).is_exact() and b.num(mpmath.mpf(2) ** -500).is_exact()
        assert (third * 3).contains(1) and third.rad() < 1e-29

    def test_precision_is_validated(self):
        with pytest.raises(ValueError, match="prec must be an integer >= 16"):
            ARB(8)


class TestEnclose:
    def test_encloses_a_simple_root(self):
        b = ARB(128)
        with mpmath.workdps(40):
            near = mpmath.sqrt(2)
        with b.working():
            found = enclose(b.ctx, lambda x: x * x - 2, near, what="sqrt(2)")
            assert found.value.contains(arb(2).sqrt()) and found.value.rad() < 1e-35
            lo, hi = found.bracket
            assert lo * lo - 2 < 0 < hi * hi - 2

    def test_no_root_nearby_raises(self):
        b = ARB(128)
        with b.working(), pytest.raises(ConvergenceError, match="no certified sign change"):
            enclose(b.ctx, lambda x: x * x + 1, 1, what="x**2 + 1")

    def test_a_pole_is_not_a_root(self):
        # 1/x changes sign at 0 without a root: the bracket is refused since f is not finite on it
        b = ARB(64)
        with b.working(), pytest.raises(ConvergenceError):
            enclose(b.ctx, lambda x: 1 / x, 0, what="1/x")


class TestExcludeRoots:
    """(x - 3/10)(x - 7/10): roots at 0.3 and 0.7, derivative 2x - 1."""

    @staticmethod
    def _f(x):
        return (x - arb("0.3")) * (x - arb("0.7"))

    def test_no_root_before_the_first(self):
        b = ARB(128)
        with b.working():
            assert exclude_roots(b.ctx, self._f, 0, arb("0.29"), df=lambda x: 2 * x - 1, what="q") > 2

    def test_a_root_inside_raises(self):
        b = ARB(128)
        with b.working(), pytest.raises(ConvergenceError):
            exclude_roots(b.ctx, self._f, 0, arb("0.69"), df=lambda x: 2 * x - 1, what="q", budget=2000)

    def test_up_to_a_simple_zero_at_the_end(self):
        b = ARB(64)
        with b.working():
            exclude_roots(b.ctx, lambda x: x - 1, 0, 1, df=lambda x: b.ctx.one, what="x - 1", zero_at_end=True)

    def test_a_double_zero_at_the_end_is_not_monotone(self):
        # (x - 1)^2 has no root in [0, 1) either, but its derivative vanishes at 1: not certified
        b = ARB(64)
        with b.working(), pytest.raises(ConvergenceError, match="not certified monotone"):
            exclude_roots(b.ctx, lambda x: (x - 1) ** 2, 0, 1, df=lambda x: 2 * (x - 1), what="(x - 1)^2",
                          zero_at_end=True)


def _model(tensors):
    return theory.Model(tensors=tensors)


# (kind, call arguments, options): one channel at several p and Deltap, mixtures via theory.Model
CASES = [
    ("gradient_flow", {"p": 3, "delta_p": 1}, {}),
    ("gradient_flow", {"p": 5, "delta_p": "1e-300"}, {}),
    ("gradient_flow", {"model": _model({3: 1, 4: 2})}, {}),
    ("gradient_flow", {"model": theory.Model(tensors={3: 1}, assumed=theory.Model(tensors={3: 2}))}, {}),
    ("ml_amp", {"p": 3, "delta_p": "0.7"}, {}),
    ("ml_amp", {"p": 4, "delta_p": 1000}, {}),
    ("ml_amp", {"model": _model({3: 1, 4: Fraction(7, 3)})}, {}),
    ("langevin", {"p": 3, "delta_p": 1}, {}),
    ("langevin", {"p": 4, "delta_p": "0.1"}, {"temperature": 0.3}),
    ("langevin", {"p": 3, "delta_p": 4}, {}),  # the paramagnetic branch: exactly 1
    ("langevin", {"model": _model({3: 1, 4: 2})}, {"temperature": 0.5}),
    ("amp", {"p": 3, "delta_p": 1}, {}),  # exactly 1
    ("amp", {"p": 4, "delta_p": "0.1"}, {}),
    ("amp", {"p": 5, "delta_p": "0.01"}, {}),
    ("amp", {"p": 4, "delta_p": 1}, {}),  # above the critical Deltap: exactly 1
    ("amp", {"model": _model({3: 1, 6: Fraction(1, 1000)})}, {}),  # a local maximum of U above 1
]


class TestCertifiedThreshold:
    @pytest.mark.parametrize("kind, args, options", CASES,
                             ids=[f"{k}-{i}" for i, (k, _, _) in enumerate(CASES)])
    def test_ball_contains_the_100_digit_value(self, kind, args, options):
        ball = theory.threshold(kind=kind, certified=True, **args, **options)
        reference = theory.threshold(kind=kind, dps=100, **args, **options)
        assert isinstance(ball, arb)
        assert _contains(ball, reference), (ball.str(40), mpmath.nstr(reference, 40))
        assert ball.rad() < 1e-30

    def test_gradient_flow_closed_form(self):
        ball = theory.threshold(p=4, delta_p=Fraction(1, 3), certified=True)
        with mpmath.workdps(90):
            exact = 2 / (1 + mpmath.sqrt(1 + 4 * 3 * 3))
        assert _contains(ball, exact) and ball.rad() < 1e-55 * ball.mid()

    def test_critical_point_is_refused(self):
        # p = 4: the critical point (the two spinodals merge) is Deltap = 4 (p-3)^(p-3) (p-2)/(p-1)^(p-1)
        # = 8/27, Delta2 = 4 (p-2)/(p-1)^2 = 8/9 (derivations/message_passing.py, by hand here); AMP's
        # threshold jumps there from the spinodal's 8/9 (below) to 1 (above), so no ball is given
        with pytest.raises(ConvergenceError, match="too close to the critical delta_p"):
            theory.threshold(p=4, delta_p=Fraction(8, 27), kind="amp", certified=True)
        below = theory.threshold(p=4, delta_p=Fraction(8, 27) * (1 - Fraction(1, 10**20)), kind="amp", certified=True)
        assert abs(below - arb(flint.fmpq(8, 9))) < 1e-9 and below.rad() < 1e-30

    def test_exact_values_are_exact(self):
        assert theory.threshold(p=3, delta_p=2, kind="amp", certified=True) == 1
        assert theory.threshold(p=3, delta_p=4, kind="langevin", certified=True).is_exact()

    def test_langevin_at_its_known_value(self):
        # sqrt(1/2) at p = 3, Deltap = 1, T = 1 (numerics/langevin_line.py doctest)
        ball = theory.threshold(p=3, delta_p=1, kind="langevin", certified=True)
        with mpmath.workdps(100):
            exact = mpmath.sqrt(mpmath.mpf(1) / 2)
        assert _contains(ball, exact) and ball.rad() < 1e-70

    @pytest.mark.parametrize("delta_p, paramagnet", [(1, False), (4, True)])
    def test_langevin_certifies_the_first_root(self, monkeypatch, delta_p, paramagnet):
        # the threshold is the first root of r above 0: no root below the enclosed one (or below
        # the exact 1 of the paramagnetic branch) is part of the certificate
        calls = []
        monkeypatch.setattr(base, "exclude_roots", lambda *args, **kw: calls.append(kw))
        theory.threshold(p=3, delta_p=delta_p, kind="langevin", certified=True)
        assert [kw["zero_at_end"] for kw in calls] == [paramagnet]

    def test_tiny_values_keep_their_relative_accuracy(self):
        # Deltap = 1e-400 at p = 3: about 7.07e-201, beyond float64's arithmetic on the way
        ball = theory.threshold(p=3, delta_p="1e-400", certified=True)
        assert ball.rel_accuracy_bits() >= base.ACCURACY_BITS
        assert _contains(ball, theory.threshold(p=3, delta_p="1e-400", dps=100))


class TestAnyRationalDeltaP:
    @given(p=st.integers(3, 6), kind=st.sampled_from(["gradient_flow", "ml_amp", "langevin", "amp"]),
           delta_p=st.fractions(min_value=Fraction(1, 1000), max_value=Fraction(100), max_denominator=10**6))
    def test_ball_agrees_with_the_60_digit_value(self, p, kind, delta_p):
        # the critical Deltap 4 (p-3)^(p-3) (p-2)/(p-1)^(p-1), where AMP's threshold jumps, is refused
        assume(kind != "amp" or delta_p != Fraction(4 * (p - 3) ** (p - 3) * (p - 2), (p - 1) ** (p - 1)))
        ball = theory.threshold(p=p, delta_p=delta_p, kind=kind, certified=True)
        ref = theory.threshold(p=p, delta_p=delta_p, kind=kind, dps=60)  # correct to 60 digits
        assert ball.overlaps(arb(ref, abs(ref) * mpmath.mpf(10) ** -59))
        assert ball.rel_accuracy_bits() >= base.ACCURACY_BITS


class TestBadCombinations:
    @pytest.mark.parametrize("kind", ["trivialization", "mmse_jump", "information_theoretic"])
    def test_unsupported_kind_names_the_supported_ones(self, kind):
        with pytest.raises(ValueError, match="certified=True is supported for kind in 'gradient_flow', "
                                             "'langevin', 'ml_amp', 'amp'"):
            theory.threshold(p=3, delta_p=1, kind=kind, certified=True)

    def test_not_with_dps(self):
        with pytest.raises(ValueError, match="neither dps= nor full_output"):
            theory.threshold(p=3, delta_p=1, dps=30, certified=True)

    def test_not_with_full_output(self):
        with pytest.raises(ValueError, match="neither dps= nor full_output"):
            theory.threshold(p=3, delta_p=1, full_output=True, certified=True)

    def test_scalar_delta_p_only(self):
        with pytest.raises(ValueError, match="needs a scalar delta_p"):
            theory.threshold(p=3, delta_p=[1.0, 2.0], certified=True)
        with pytest.raises(ValueError, match="needs a scalar delta_p"):
            theory.threshold(p=3, certified=True)

    def test_not_for_phase_retrieval(self):
        with pytest.raises(ValueError, match="supported for kind in .* of the spiked model"):
            theory.threshold(model=theory.PhaseRetrieval(), certified=True)

    def test_certified_is_a_bool(self):
        with pytest.raises(ValueError, match="certified must be True or False"):
            theory.threshold(p=3, delta_p=1, certified="yes")

    def test_kind_checks_still_apply(self):
        with pytest.raises(ValueError, match="needs the Bayes-optimal structure"):
            theory.threshold(model=theory.Model(tensors={3: 1}, assumed=theory.Model(tensors={3: 2})), kind="amp", certified=True)
        with pytest.raises(ValueError, match="p must be an integer >= 3"):
            theory.threshold(p=2, delta_p=1, certified=True)

    def test_line_level_refusal(self):
        with pytest.raises(ValueError, match="no closed form or condition"):
            base.certified(spiked.TRIVIALIZATION, field({3: Fraction(1)}))


class TestWithoutFlint:
    def test_import_error_names_the_extra(self, monkeypatch):
        monkeypatch.setitem(sys.modules, "flint", None)  # `import flint` now raises ImportError
        with pytest.raises(ImportError, match="`flint` extra"):
            theory.threshold(p=3, delta_p=1, certified=True)

    def test_import_theory_does_not_import_flint(self):
        code = "import sys, theory; theory.threshold(3, 1.0, kind='langevin'); print('flint' in sys.modules)"
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        assert out.stdout.strip() == "False"
