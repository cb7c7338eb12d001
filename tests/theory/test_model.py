"""theory.Model and the numeric field it builds (docs/your_model.md)."""

import pickle
import warnings
from fractions import Fraction

import mpmath
import numpy as np
import pytest
from hypothesis import given, strategies as st

import theory
from numerics import model as field_module
from theory import Model


class TestModel:
    def test_value_semantics(self):
        a = Model(delta2=0.5, tensors={3: 1.0, 4: 2.0})
        b = Model(0.5, {4: 2.0, 3: 1.0})
        assert a == b and hash(a) == hash(b)
        assert pickle.loads(pickle.dumps(a)) == a
        assert a.orders == (3, 4) and a.channels == {2: Fraction(1, 2), 3: 1, 4: 2}

    def test_assumed_equal_to_true_is_bayes_optimal(self):
        a = Model(0.5, {3: 1.0}, assumed=Model(0.5, {3: 1.0}))
        assert a.bayes_optimal and a == Model(0.5, {3: 1.0})

    def test_no_matrix_channel(self):
        assert Model(float("inf"), {3: 1}) == Model(None, {3: 1}) == Model("inf", {3: 1})
        assert Model(tensors={3: 1}).delta2 is None

    @given(st.floats(0.01, 100), st.floats(0.01, 100), st.floats(0.01, 100), st.floats(-1, 1))
    def test_xi_is_the_spec_mixture(self, d2, d3, d4, q):
        # xi(q) = q^2/(2 D2) + q^3/(3 D3) + q^4/(4 D4): derivatives by hand.
        f = Model(d2, {3: d3, 4: d4}).field
        assert f.xi(q) == pytest.approx(q**2 / (2 * d2) + q**3 / (3 * d3) + q**4 / (4 * d4), rel=1e-12, abs=1e-300)
        assert f.xi(q, 1) == pytest.approx(q / d2 + q**2 / d3 + q**3 / d4, rel=1e-12, abs=1e-300)
        assert f.xi(q, 2) == pytest.approx(1 / d2 + 2 * q / d3 + 3 * q**2 / d4, rel=1e-12)
        assert f.g is f.xi

    def test_mismatched_loss(self):
        # g = sum q^k/(k D'_k), xi = sum D_k q^k/(k D'_k^2) (models.md).
        f = Model(1, {3: 2}, assumed=Model(Fraction(1, 2), {3: 4})).field
        assert not f.bayes_optimal
        assert f.g(1.0) == pytest.approx(1 / (2 * 0.5) + 1 / (3 * 4))
        assert f.xi(1.0) == pytest.approx(1 / (2 * 0.25) + 2 / (3 * 16))

    def test_mpmath_jets_are_exact(self):
        ctx = mpmath.MPContext()
        ctx.dps = 60
        f = Model("0.1", {3: "0.7"}).field
        assert f.xi("0.3", 2, ctx) == ctx.mpf(10) + 2 * ctx.mpf(3) / 10 / (ctx.mpf(7) / 10)

    def test_shorthand_field_broadcasts(self):
        f = field_module.matrix_tensor(3, np.array([0.5, 1.0]), 1.0)
        assert np.allclose(f.xi(1.0, 2), [2 + 2, 1 + 2])

    def test_sympy_form(self):
        import sympy as sp

        q = sp.Symbol("q", real=True)
        assert sp.simplify(Model(2, {3: 3}).expressions()["xi"] - (q**2 / 4 + q**3 / 9)) == 0

    @pytest.mark.parametrize("kwargs,match", [
        (dict(tensors={2: 1}), "order must be an integer >= 3"),
        (dict(tensors={3.0: 1}), "order must be an integer >= 3"),
        (dict(tensors={3: 0}), r"tensors\[3\] must be a positive"),
        (dict(tensors={3: float("nan")}), r"tensors\[3\]"),
        (dict(delta2=-1, tensors={3: 1}), "delta2 must be a positive"),
        (dict(), "at least one channel"),
        (dict(tensors=[3, 1]), "tensors must be a mapping"),
        (dict(tensors={3: 1}, assumed=Model(1, {3: 1})), "same channels"),
        (dict(tensors={3: 1}, assumed="x"), "assumed must be"),
    ])
    def test_bad_input(self, kwargs, match):
        with pytest.raises(ValueError, match=match):
            Model(**kwargs)


class TestOfCall:
    """``Model.of_call``: the one resolver of ``model=`` against the ``(p, delta2, delta_p)``
    shorthand (issue 19 item 5)."""

    def test_model_only_is_returned_as_it_is(self):
        model = Model(0.5, {3: 1.0, 4: 2.0}, assumed=Model(0.6, {3: 1.0, 4: 2.0}))
        assert Model.of_call(model=model) is model
        assert Model.of_call(model=model, need_delta2=False, defaults={"p": 3, "delta_p": 1}) is model

    def test_shorthand_only_is_the_model_of_one_tensor(self):
        assert Model.of_call(p=3, delta2=0.5, delta_p=1.0) == Model(0.5, {3: 1.0})
        got = Model.of_call(p=np.int64(4), delta2="0.7", delta_p=Fraction(1, 3))  # exact inputs stay exact
        assert got.delta2 == Fraction(7, 10) and got.tensors == ((4, Fraction(1, 3)),) and type(got.orders[0]) is int
        for absent in (None, float("inf"), "inf"):
            assert Model.of_call(p=3, delta2=absent, delta_p=1.0, need_delta2=False) == Model(None, {3: 1.0})

    @pytest.mark.parametrize("shorthand", [dict(p=3), dict(delta_p=1.0), dict(delta_p="1"), dict(delta2=0.5),
                                           dict(delta2="0.5"), dict(p=3, delta2=0.5, delta_p=1)])
    def test_both_consistent_is_the_model(self, shorthand):
        model = Model(0.5, {3: 1.0})
        assert Model.of_call(model=model, **shorthand) is model

    def test_both_consistent_without_matrix_channel_and_with_a_mismatched_loss(self):
        pure = Model(None, {3: 1.0})
        assert Model.of_call(model=pure, delta2=float("inf"), p=3) is pure
        # the shorthand speaks of the true variances; the assumed ones are the model's own
        mismatched = Model(0.5, {3: 1.0}, assumed=Model(0.5, {3: 2.0}))
        assert Model.of_call(model=mismatched, p=3, delta2=0.5, delta_p=1.0) is mismatched

    @pytest.mark.parametrize("shorthand, named", [
        (dict(p=4), ["p=4"]),
        (dict(delta_p=2.0), ["delta_p=2.0"]),
        (dict(delta2=0.25), ["delta2=0.25"]),
        (dict(delta2=float("inf")), ["delta2=inf"]),
        (dict(delta_p=[1.0, 1.0]), ["delta_p=[1.0, 1.0]"]),
        (dict(p=4, delta2=0.25, delta_p=2.0), ["p=4", "delta2=0.25", "delta_p=2.0"]),
    ])
    def test_both_conflicting_names_each_parameter(self, shorthand, named):
        with pytest.raises(ValueError, match="disagree") as err:
            Model.of_call(model=Model(0.5, {3: 1.0}), **shorthand)
        message = str(err.value)
        assert "not both" in message and all(n in message for n in named), message
        assert message.count(" but ") == len(named), message  # only the parameters that disagree

    def test_shorthand_against_several_tensors_conflicts(self):
        mixture = Model(tensors={3: 1.0, 4: 2.0})
        with pytest.raises(ValueError, match=r"p=3 but the model's tensor orders are 3, 4.*not both"):
            Model.of_call(model=mixture, p=3)
        with pytest.raises(ValueError, match="delta_p=1.0 but the model has 2 tensor channels"):
            Model.of_call(model=mixture, delta_p=1.0)

    @pytest.mark.parametrize("shorthand, missing", [
        (dict(), "p, delta2, delta_p"), (dict(p=3), "delta2, delta_p"), (dict(p=3, delta_p=1.0), "delta2"),
        (dict(delta2=0.5, delta_p=1.0), "p"),
    ])
    def test_missing_names_what_is_missing(self, shorthand, missing):
        with pytest.raises(ValueError, match=rf"give model=theory.Model\(...\) or the shorthand .*\(missing: {missing}\)"):
            Model.of_call(**shorthand)

    def test_missing_without_need_delta2(self):
        with pytest.raises(ValueError, match=r"missing: delta_p; delta2=None or inf: no matrix channel"):
            Model.of_call(p=3, need_delta2=False)

    def test_defaults_fill_the_shorthand_only(self):
        assert Model.of_call(need_delta2=False, defaults={"p": 3, "delta_p": 1}) == Model(None, {3: 1})
        assert Model.of_call(delta_p=2, need_delta2=False, defaults={"p": 3}) == Model(None, {3: 2})
        quartic = Model(tensors={4: 1.0})
        assert Model.of_call(model=quartic, defaults={"p": 3, "delta_p": 1.0}) is quartic  # not a conflict

    @pytest.mark.parametrize("shorthand, match", [
        (dict(p=2, delta2=0.5, delta_p=1.0), "p must be an integer >= 3"),
        (dict(p=3.0, delta2=0.5, delta_p=1.0), "p must be an integer >= 3"),
        (dict(p=3, delta2=0, delta_p=1.0), "delta2 must be a positive"),
        (dict(p=3, delta2=0.5, delta_p=-1), "delta_p must be a positive"),
        (dict(p=3, delta2=0.5, delta_p="abc"), "delta_p must be a finite number"),
        (dict(p=3, delta2=0.5, delta_p=[1.0, 2.0]), "delta_p must be a finite number"),  # arrays=False
    ])
    def test_shorthand_values_are_checked_under_their_names(self, shorthand, match):
        with pytest.raises(ValueError, match=match):
            Model.of_call(**shorthand)

    def test_model_of_another_type(self):
        with pytest.raises(ValueError, match="model must be a theory.Model, got '2\\+3'"):
            Model.of_call(model="2+3")
        with pytest.raises(ValueError, match="model must be a theory.Model or a theory.PhaseRetrieval"):
            Model.of_call(model=3, family=theory.PhaseRetrieval)

    def test_another_family_passes_through_without_shorthand(self):
        pr = theory.PhaseRetrieval("regularised")
        assert Model.of_call(model=pr, family=theory.PhaseRetrieval, arrays=True) is pr
        with pytest.raises(ValueError, match=r"model=PhaseRetrieval\(...\) takes no p, delta_p .*not both"):
            Model.of_call(model=pr, p=3, delta_p=1.0, family=theory.PhaseRetrieval)
        with pytest.raises(ValueError, match="model must be a theory.Model"):
            Model.of_call(model=pr)  # a function without that family

    def test_check_runs_on_each_variance_under_its_name(self):
        seen = []
        Model.of_call(p=3, delta2=0.5, delta_p=1.0, check=lambda name, value: seen.append((name, value)))
        assert seen == [("delta_p", 1.0), ("delta2", 0.5)]
        seen.clear()
        Model.of_call(p=3, delta2="inf", delta_p=1.0, check=lambda name, value: seen.append(name))
        assert seen == ["delta_p"]  # no matrix channel: nothing to check

    def test_arrays_give_a_grid(self):
        from numerics.model import matrix_tensor
        from theory._model import ModelGrid

        grid = Model.of_call(p=3, delta2=[0.5, 1.0], delta_p=[[1.0], [2.0]], arrays=True)
        assert isinstance(grid, ModelGrid) and grid.model is None and grid.shape == (2, 2) and grid.channels == 2
        x = np.linspace(-0.9, 0.9, 7)
        np.testing.assert_array_equal(grid.field().xi(x[:, None, None], 1),
                                      matrix_tensor(3, np.array([0.5, 1.0]), np.array([[1.0], [2.0]])).xi(
                                          x[:, None, None], 1))
        fields = grid.exact_fields()
        assert fields.shape == (2, 2) and fields[1, 0].variances == {2: 0.5, 3: 2} and fields[0, 1].variances == {2: 1, 3: 1}
        pure = Model.of_call(p=3, delta_p=[1.0, 2.0], need_delta2=False, arrays=True)
        assert pure.channels == 1 and pure.shape == (2,)

    def test_one_number_in_a_grid_is_one_exact_model(self):
        grid = Model.of_call(p=3, delta2=np.array(0.5), delta_p="0.7", arrays=True)
        assert grid.model == Model(0.5, {3: "0.7"}) and grid.shape == () and grid.p == 3
        assert float(grid.delta_p) == 0.7 and float(grid.delta2) == 0.5  # its float64 values, on demand
        model = Model(0.5, {3: 1.0})
        assert Model.of_call(model=model, arrays=True).model is model

    def test_ragged_arrays_name_the_parameter(self):
        with pytest.raises(ValueError, match="^delta_p must be a real number or a rectangular array"):
            Model.of_call(p=3, delta_p=[1.0, [2.0]], need_delta2=False, arrays=True)

    def test_resolve_is_the_former_name(self):
        from theory._model import resolve

        assert resolve(None, 3, 0.5, 1.0) == Model(0.5, {3: 1.0})
        with pytest.raises(ValueError, match="not both"):
            resolve(Model(0.5, {3: 1}), p=4)
        with pytest.raises(ValueError, match="model must be"):
            resolve("model")


class TestThresholdOnAModel:
    @pytest.mark.parametrize("kind", ["gradient_flow", "trivialization", "ml_amp"])
    def test_one_channel_model_is_the_shorthand_bit_for_bit(self, kind):
        assert theory.threshold(model=Model(tensors={3: 1.0}), kind=kind) == theory.threshold(3, 1.0, kind=kind)

    def test_one_channel_model_at_dps(self):
        a = theory.threshold(model=Model(tensors={4: "0.7"}), dps=40)
        assert a == theory.threshold(p=4, delta_p="0.7", dps=40)

    def test_model_and_shorthand_together_is_refused(self):
        with pytest.raises(ValueError, match="not both"):
            theory.threshold(4, model=Model(tensors={3: 1.0}))  # p disagrees

    def test_bayes_optimal_kinds_refuse_a_mismatched_loss(self):
        model = Model(tensors={3: 1.0}, assumed=Model(tensors={3: 2.0}))
        with pytest.raises(ValueError, match="Bayes-optimal"):
            theory.threshold(model=model, kind="information_theoretic")


class TestFloatRange:
    """Exact variances beyond float64: kept exact, never an OverflowError or a silent 0.0."""

    def test_huge_delta2_is_kept_exact(self):
        model = Model(delta2=10**400, tensors={3: 1.0})
        assert model.delta2 == Fraction(10**400)
        assert repr(model) == "Model(delta2='~1E+400', tensors={3: 1.0})"
        # the matrix term is 1e-400 q**2/2: in mpmath xi(1) = 1/3 + 5e-401 (independent: by hand)
        ctx = mpmath.mp.clone()
        ctx.dps = 450
        assert ctx.almosteq(model.xi(1, 0, ctx), ctx.mpf(1) / 3 + ctx.mpf(10) ** -400 / 2, rel_eps=ctx.mpf(10) ** -440)

    def test_order_is_capped_like_p(self):
        with pytest.raises(ValueError, match="tensors: every order.*at most 10000"):
            Model(delta2=0.5, tensors={10**400: 1.0})

    @pytest.mark.parametrize("variance", [Fraction(1, 10**400), Fraction(10**400)])
    def test_float_evaluation_refuses_a_coefficient_beyond_float64(self, variance):
        model = Model(tensors={3: variance})
        with pytest.raises(field_module.FloatRangeError, match="float64 cannot resolve"):
            model.xi(0.5)
        ctx = mpmath.mp.clone()
        ctx.dps = 30
        expected = ctx.mpf(1) / 8 / (3 * (ctx.mpf(variance.numerator) / variance.denominator))
        assert ctx.almosteq(model.xi(0.5, 0, ctx), expected, rel_eps=ctx.mpf(10) ** -25)

    def test_float_field_marks_unrepresentable_coefficients_nan(self):
        # 1/(2*5e-324) overflows and 1/(3*1.7e308) is subnormal: nan (recomputed by callers), no warning
        f = field_module.field({2: np.array([5e-324, 0.5, 1.7e308]), 3: 1.0})
        assert np.isnan(f.xi(0.5)[0]) and np.isnan(f.xi(0.5)[2])
        assert f.xi(0.5)[1] == pytest.approx(0.25 + 1 / 24, rel=1e-15)


class TestModelPolynomialInput:
    """Issue 18 item 4: ``Model.xi(nan)`` returned nan; its input is now checked."""

    @pytest.mark.parametrize("q", [float("nan"), float("inf"), -float("inf"), [0.5, float("nan")]])
    def test_non_finite_q_is_refused(self, q):
        with pytest.raises(ValueError, match="^q must be finite"):
            Model(tensors={3: 1.0}).xi(q)

    @pytest.mark.parametrize("q", [True, "half", [0.5, [1.0]]])
    def test_q_not_a_number_is_refused(self, q):
        with pytest.raises(ValueError, match="^q must be a real number"):
            Model(delta2=0.5, tensors={3: 1.0}).g(q)

    @pytest.mark.parametrize("k", [-1, 0.5, True, "2"])
    def test_k_must_be_a_derivative_order(self, k):
        with pytest.raises(ValueError, match="^k must be an integer >= 0"):
            Model(tensors={3: 1.0}).xi(0.5, k)

    def test_mpmath_evaluation_checks_q_and_takes_exact_input(self):
        ctx = mpmath.MPContext()
        ctx.dps = 40
        model = Model(delta2=0.5, tensors={3: 1.0})
        with pytest.raises(ValueError, match="^q must be a finite number"):
            model.xi(mpmath.mpf("nan"), 0, ctx)
        # xi(q) = q^2 + q^3/3 by hand; "0.1" is one tenth exactly
        assert ctx.almosteq(model.xi("0.1", 0, ctx), ctx.mpf(1) / 100 + ctx.mpf(1) / 3000, rel_eps=ctx.mpf(10) ** -39)

    def test_float_values_and_polynomial_attributes_are_unchanged(self):
        model = Model(delta2=0.5, tensors={3: 1.0})
        np.testing.assert_array_equal(model.xi([0.0, 1.0], 1), model.field.xi(np.array([0.0, 1.0]), 1))
        assert model.xi.terms == model.field.xi.terms and model.g.exact


#: Every public function that takes a model: the shorthand call, and the model it stands for.
#: (dynamics_threshold's shorthand is the tensor channel with Delta2 = 1 kept on the result.)
_SHORTHAND_CALLS = [
    ("threshold", dict(p=3, delta_p=1.0), dict(), Model(None, {3: 1.0})),
    ("threshold", dict(p=4, delta_p="0.7", kind="trivialization", dps=20), dict(kind="trivialization", dps=20),
     Model(None, {4: "0.7"})),
    ("complexity", dict(m=0.3, p=3, delta2=0.5, delta_p=1.0, mu=2.0), dict(m=0.3, mu=2.0), Model(0.5, {3: 1.0})),
    ("complexity", dict(m=[0.0, 0.3], p=3, delta2=0.5, delta_p=1.0), dict(m=[0.0, 0.3]), Model(0.5, {3: 1.0})),
    ("complexity_of_minima", dict(m=0.3, p=3, delta2=0.5, delta_p=1.0, dps=20), dict(m=0.3, dps=20),
     Model(0.5, {3: 1.0})),
    ("threshold_energy", dict(p=3, delta2=0.5, delta_p=1.0), dict(), Model(0.5, {3: 1.0})),
    ("hessian", dict(p=3, delta2=0.5, delta_p=1.0, m=0.3, mu=2.0), dict(m=0.3, mu=2.0), Model(0.5, {3: 1.0})),
    ("hessian", dict(p=3, delta_p=1.0, m=0.3, mu=2.0), dict(m=0.3, mu=2.0), Model(None, {3: 1.0})),
    ("state_evolution", dict(p=3, delta2=0.6, delta_p=1.0, kind="amp", iterations=200), dict(kind="amp", iterations=200),
     Model(0.6, {3: 1.0})),
    ("gradient_flow", dict(p=3, delta2=0.3, delta_p=1.0, m0=1e-3, t_max=2.0, dt=0.1, scheme="euler", progress=False),
     dict(m0=1e-3, t_max=2.0, dt=0.1, scheme="euler", progress=False), Model(0.3, {3: 1.0})),
    ("dynamics_threshold", dict(p=3, delta_p=1.0, delta2s=[0.38, 0.41, 0.44], t_max=40.0, window=None, progress=False),
     dict(delta2s=[0.38, 0.41, 0.44], t_max=40.0, window=None, progress=False), Model(1.0, {3: 1.0})),
    ("simulate", dict(p=3, n=8, delta2=0.5, delta_p=1.0, t_max=1.0, seed=0, progress=False),
     dict(n=8, t_max=1.0, seed=0, progress=False), Model(0.5, {3: 1.0})),
    ("simulate_ensemble", dict(p=3, n=8, delta2=0.5, delta_p=1.0, t_max=1.0, seeds=[0, 1], progress=False),
     dict(n=8, t_max=1.0, seeds=[0, 1], progress=False), Model(0.5, {3: 1.0})),
    ("phase_diagram", dict(p=3, delta_p=[1.0, 2.0], kinds=["gradient_flow", "ml_amp"], progress=False),
     dict(delta_p=[1.0, 2.0], kinds=["gradient_flow", "ml_amp"], progress=False), Model(None, {3: 1})),
]


def _same(a, b) -> bool:
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return np.array_equal(np.asarray(a, dtype=object), np.asarray(b, dtype=object))
    return a == b


class TestOneWayToCall:
    """Every public function takes ``model=`` and the shorthand, with the same answer, through
    :meth:`Model.of_call` (issue 19 item 5)."""

    @pytest.mark.parametrize("name, shorthand, rest, model", _SHORTHAND_CALLS,
                             ids=[f"{c[0]}-{i}" for i, c in enumerate(_SHORTHAND_CALLS)])
    def test_model_and_shorthand_give_the_same_answer(self, name, shorthand, rest, model):
        fn = getattr(theory, name)
        by_shorthand = fn(**shorthand)
        by_model = fn(**rest, model=model)
        assert _same(by_shorthand, by_model)
        # both, saying the same: the same answer; saying otherwise: refused, naming the parameter
        assert _same(fn(**rest, model=model, p=shorthand["p"]), by_shorthand)
        with pytest.raises(ValueError, match="p=5 but the model's tensor orders are .*not both"):
            fn(**rest, model=model, p=5)

    def test_one_signature_style(self):
        """``fn([quantity,] p=None, delta_p=None, *, delta2=None, model=None, ...)``."""
        import inspect

        names = sorted({c[0] for c in _SHORTHAND_CALLS} - {"simulate_ensemble"})  # that one forwards **kwargs
        for name in names:
            params = inspect.signature(getattr(theory, name)).parameters
            ordered = [n for n, par in params.items() if par.kind is par.POSITIONAL_OR_KEYWORD]
            assert ordered[-2:] == ["p", "delta_p"], (name, ordered)
            assert params["p"].default is None and params["delta_p"].default is None, name
            assert params["model"].kind is inspect.Parameter.KEYWORD_ONLY and params["model"].default is None, name
            if "delta2" in params:
                assert params["delta2"].kind is inspect.Parameter.KEYWORD_ONLY and params["delta2"].default is None
        assert list(inspect.signature(theory.complexity).parameters)[:3] == ["m", "p", "delta_p"]

    def test_positional_shorthand(self):
        assert theory.complexity(0.3, 3, 1.0, delta2=0.5) == theory.complexity(0.3, p=3, delta2=0.5, delta_p=1.0)
        assert theory.hessian(3, 1.0, delta2=0.5, m=0.3, mu=2.0) == theory.hessian(model=Model(0.5, {3: 1.0}),
                                                                                  m=0.3, mu=2.0)

    def test_the_phase_retrieval_family_passes_through(self):
        from theory import _pr_hessian, _pr_thresholds

        pr = theory.PhaseRetrieval("regularised")
        assert theory.hessian(model=pr, alpha=6.0, m=0.3) == _pr_hessian.hessian(model=pr, alpha=6.0, m=0.3)
        assert theory.threshold(model=pr, kind="weak_recovery") == _pr_thresholds.threshold(model=pr,
                                                                                          kind="weak_recovery")
        for fn, kw in ((theory.threshold, dict(kind="weak_recovery")), (theory.hessian, dict(alpha=6.0, m=0.0))):
            with pytest.raises(ValueError, match=r"takes no p .*not both"):
                fn(model=pr, p=3, **kw)

    def test_defaults_of_threshold_phase_diagram_and_dynamics_threshold(self):
        assert theory.threshold(delta_p=1.0) == theory.threshold(None, 1.0) == theory.threshold(3, 1.0)
        assert theory.threshold(delta_p=None).p == 3  # the curve
        assert theory.phase_diagram(delta_p=[1.0], kinds=["gradient_flow"], progress=False).p == 3
        # the defaults never stand against model=: a quartic model is not a conflict with p = 3
        quartic = Model(tensors={4: 1.0})
        assert theory.threshold(model=quartic) == theory.threshold(4, 1.0)

    def test_dynamics_threshold_former_defaults_beside_a_model_are_deprecated(self):
        quartic = Model(1.0, {4: 2.0})
        for former in (dict(p=3, delta_p=1.0), dict(p=3), dict(delta_p=1.0)):
            with pytest.warns(DeprecationWarning, match="former defaults"):
                with pytest.raises(ValueError, match="at least two different values"):
                    theory.dynamics_threshold(**former, model=quartic, delta2s=[0.3, 0.3], progress=False)
        with warnings.catch_warnings(action="error"):  # the model they describe, or agree with: no warning
            for model in (Model(1.0, {3: 1.0}), Model(1.0, {3: 2.0})):
                with pytest.raises(ValueError, match="at least two different values"):
                    theory.dynamics_threshold(3, model=model, delta2s=[0.3, 0.3], progress=False)
        with pytest.raises(ValueError, match="p=4 but the model's tensor orders are 3.*not both"):
            theory.dynamics_threshold(4, model=Model(1.0, {3: 1.0}), delta2s=[0.3, 0.4])

    def test_simulation_default_dt_is_now_default_step(self):
        from theory import _simulation

        model = Model(0.5, {3: 1.0})
        with pytest.warns(DeprecationWarning, match="default_step"):
            assert _simulation.default_dt(model) == _simulation.default_step(model)

