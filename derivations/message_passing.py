"""Message passing and the Bayes-optimal phase diagram (docs/phase_diagram.md).

Three lines of the phase diagram of the spiked matrix-tensor model, for a general covariance
``xi`` (here ``g = xi``: the Bayes-optimal, "Nishimori", structure):

- **ML-AMP** (approximate message passing minimising the loss) has the state evolution
  ``m <- xi'(m) / sqrt(xi'(m)**2 + xi'(1))``.  Its slope at ``m = 0`` is
  ``theta(0) / sqrt(xi'(1))`` (``xi'(0) = 0`` for p >= 3), so the uninformative fixed point
  is unstable iff ``theta(0) > sqrt(xi'(1))``; solved for ``Delta2`` by SymPy.  A fixed point
  with ``m > 0`` solves ``xi'(m)**2 (1 - m**2) = m**2 xi'(1)``, the gradient-flow end state.
- **Bayes-optimal AMP** has the state evolution ``m <- mhat / (1 + mhat)``, ``mhat = xi'(m)``.
  Its slope at ``m = 0`` is ``xi''(0) = 1/Delta2``, so it leaves ``m = 0`` iff ``Delta2 < 1``,
  for every p >= 3 and every ``Deltap`` (solved by SymPy, not assumed).
- **Information-theoretic**: the replica-symmetric free entropy
  ``phi(m) = log(1 - m)/2 + m/2 + xi(m)/2`` has ``phi'(m) = 0`` exactly at the Bayes
  state-evolution fixed points (:func:`free_entropy_stationarity`).  The threshold is the
  largest ``Delta2`` at which the global maximiser of ``phi`` over ``[0, 1)`` is not 0.
  Where it is first order it solves the equal-height system ``phi(m) = 0 = phi(0)``,
  ``phi'(m) = 0`` for ``(m, Delta2)``; the kernels below give that system, its exact
  Jacobian and, by eliminating ``Delta2`` with ``phi'(m) = 0`` (linear in ``1/Delta2``), a
  reduced function of ``m`` alone whose sign changes bracket the solutions.

References
----------
arXiv:1902.00139 (Passed & Spurious), sections 2-3 and Fig. 1; arXiv:1812.09066, section II;
arXiv:1907.08226, Fig. 1.
"""

from __future__ import annotations

from functools import lru_cache

import sympy as sp
from sympy.codegen.cfunctions import log1p

from derivations.hessian import theta
from derivations.kernel import Kernel
from derivations.model import MODEL, XI, SpikedModel, generic, jet, to_jets
from derivations.symbols import Delta2, Deltap, at_zero, m, p, q

_ORDER = (m, p, Delta2, Deltap)


def _args(expr: sp.Expr) -> tuple:
    """The free symbols of ``expr`` in the canonical order ``(m, p, Delta2, Deltap)``."""
    return tuple(s for s in _ORDER if s in expr.free_symbols)


def _positive_root(roots, sample) -> sp.Expr:
    """The unique root that is positive at a sample point (the others are checked to be not)."""
    (root,) = [r for r in roots if r.subs(sample).evalf() > 0]
    return root


# --- ML-AMP ---------------------------------------------------------------------------------

def ml_amp_map(model: SpikedModel = MODEL, at: sp.Expr = m) -> sp.Expr:
    """State evolution of ML-AMP, ``m -> xi'(m) / sqrt(xi'(m)**2 + xi'(1))`` (arXiv:1902.00139, section 3)."""
    xi1 = model.xi_d(1, at)
    return xi1 / sp.sqrt(xi1**2 + model.xi_d(1, 1))


def _slope_at_zero(model: SpikedModel, outer) -> sp.Expr:
    """Derivative at ``m = 0`` of ``outer(xi'(m))`` by the chain rule, ``outer'(xi'(0)) xi''(0)``.

    The model's derivatives carry collected powers (``m**(p-2)``, not ``m**(p-1)/m``), which
    :func:`~derivations.symbols.at_zero` can set to zero for p >= 3.
    """
    y = sp.Dummy("y")
    slope = sp.diff(outer(y), y).subs(y, model.xi_d(1, m)) * model.xi_d(2, m)
    return sp.simplify(at_zero(slope, m))


def ml_amp_slope_at_zero(model: SpikedModel = MODEL) -> sp.Expr:
    """Derivative of the ML-AMP map at ``m = 0`` (p >= 3): ``xi''(0)/sqrt(xi'(1))``."""
    return _slope_at_zero(model, lambda y: y / sp.sqrt(y**2 + model.xi_d(1, 1)))


def ml_amp_instability(model: SpikedModel = MODEL) -> sp.Expr:
    """``theta(0) - sqrt(xi'(1))``: positive iff ``m = 0`` is unstable under ML-AMP."""
    return at_zero(theta(model), m) - sp.sqrt(model.xi_d(1, 1))


def ml_amp_fixed_point_condition(model: SpikedModel = MODEL) -> sp.Expr:
    """``xi'(m)**2 (1 - m**2) - m**2 xi'(1)``: vanishes at the positive ML-AMP fixed points.

    It is the gradient-flow end state of docs/dynamics.md; :func:`ml_amp_fixed_point_residual`
    shows that the ML-AMP fixed-point equation implies it.
    """
    return model.xi_d(1, m) ** 2 * (1 - m**2) - m**2 * model.xi_d(1, 1)


def ml_amp_fixed_point_residual(model: SpikedModel = MODEL) -> sp.Expr:
    """``m**2 (xi'(m)**2 + xi'(1)) - xi'(m)**2 + condition``: identically zero.

    Squaring the fixed-point equation ``m = xi'(m)/sqrt(xi'(m)**2 + xi'(1))`` gives
    ``m**2 (xi'(m)**2 + xi'(1)) = xi'(m)**2``, which is ``-condition``; for ``m > 0``
    both sides of the fixed-point equation are positive, so the two are equivalent.
    """
    xi1 = model.xi_d(1, m)
    squared = m**2 * (xi1**2 + model.xi_d(1, 1)) - xi1**2
    return sp.expand(squared + ml_amp_fixed_point_condition(model))


@lru_cache(maxsize=None)
def ml_amp_threshold(model: SpikedModel = MODEL) -> sp.Expr:
    """Solve ``theta(0) = sqrt(xi'(1))`` for ``Delta2``.

    Both sides are positive, so the condition is ``theta(0)**2 = xi'(1)``, polynomial in
    ``u = 1/Delta2``; its roots have a negative product (Vieta), so exactly one is positive.
    Returned as ``1/u`` (a sum of positive terms in the denominator, no cancellation).
    """
    u = sp.Symbol("u", real=True)
    condition = sp.expand((at_zero(theta(model), m) ** 2 - model.xi_d(1, 1)).subs(Delta2, 1 / u))
    u_plus = _positive_root(sp.solve(condition, u), {p: 3, Deltap: 1})
    return sp.together(1 / u_plus)


# --- Bayes-optimal AMP ----------------------------------------------------------------------

def amp_map(model: SpikedModel = MODEL, at: sp.Expr = m) -> sp.Expr:
    """Bayes-optimal state evolution ``m -> mhat/(1 + mhat)``, ``mhat = xi'(m)`` (arXiv:1902.00139, section 2)."""
    mhat = model.xi_d(1, at)
    return mhat / (1 + mhat)


def amp_slope_at_zero(model: SpikedModel = MODEL) -> sp.Expr:
    """Derivative of the Bayes-optimal map at ``m = 0`` (p >= 3): ``xi''(0)``."""
    return _slope_at_zero(model, lambda y: y / (1 + y))


@lru_cache(maxsize=None)
def amp_threshold(model: SpikedModel = MODEL) -> sp.Expr:
    """Solve ``slope(0) = 1`` for ``Delta2``: ``m = 0`` is unstable for ``Delta2`` below it.

    The slope decreases in ``Delta2``, so the unique positive solution is the threshold.
    """
    (root,) = sp.solve(sp.Eq(amp_slope_at_zero(model), 1), Delta2)
    return root


# --- Replica-symmetric free entropy ----------------------------------------------------------

def free_entropy(model: SpikedModel = MODEL, at: sp.Expr = m) -> sp.Expr:
    """``phi(m) = log(1 - m)/2 + m/2 + xi(m)/2``, with ``phi(0) = 0`` (arXiv:1812.09066, section II)."""
    return sp.log(1 - at) / 2 + at / 2 + model.xi_d(0, at) / 2


def free_entropy_dm(model: SpikedModel = MODEL, at: sp.Expr = m) -> sp.Expr:
    """``phi'(m) = (xi'(m) - m/(1 - m))/2``, written with the model's collected derivatives.

    Equal to ``diff(free_entropy, m)`` (tests/derivations/test_message_passing.py), but finite
    at ``m = 0`` term by term (no ``m**p/m``).
    """
    return (model.xi_d(1, at) - at / (1 - at)) / 2


def free_entropy_dm2(model: SpikedModel = MODEL, at: sp.Expr = m) -> sp.Expr:
    """``phi''(m) = (xi''(m) - 1/(1 - m)**2)/2``."""
    return (model.xi_d(2, at) - 1 / (1 - at) ** 2) / 2


def free_entropy_stationarity(model: SpikedModel = MODEL) -> sp.Expr:
    """``2 (1 - m) phi'(m)/(1 + xi'(m)) - (amp_map(m) - m)``: identically zero.

    So on ``[0, 1)`` the stationary points of ``phi`` are exactly the fixed points of the
    Bayes state evolution (``1 + xi'(m) > 0`` there).
    """
    dphi = sp.diff(free_entropy(model), m)
    return sp.simplify(2 * (1 - m) * dphi / (1 + model.xi_d(1, m)) - (amp_map(model) - m))


def _tidy(expr: sp.Expr) -> sp.Expr:
    """Collect ``m**p`` and ``log(1 - m)`` and simplify each coefficient (rational in ``m``)."""
    expr = sp.powsimp(sp.expand(expr), force=True)
    parts = sp.collect(expr, [m**p, sp.log(1 - m)], evaluate=False)
    return sum(sp.factor(sp.cancel(c)) * k for k, c in parts.items())


@lru_cache(maxsize=None)
def inverse_delta2_stationary(model: SpikedModel = MODEL) -> sp.Expr:
    """``1/Delta2`` at which ``m > 0`` is a stationary point of ``phi`` (``phi'(m) = 0``).

    ``phi'`` is linear in ``u = 1/Delta2``: solved by SymPy.  It is negative (no physical
    ``Delta2``) where the tensor alone already makes ``m`` stationary.
    """
    u = sp.Symbol("u", real=True)
    (root,) = sp.solve(free_entropy_dm(model).subs(Delta2, 1 / u), u)
    return sp.powsimp(_tidy(root), force=True)


def _log1p(expr: sp.Expr) -> sp.Expr:
    """``log(1 - m)`` written as ``log1p(-m)``: accurate for small ``m`` in both printers."""
    return expr.replace(lambda e: e.func == sp.log and e.args[0] == 1 - m, lambda e: log1p(-m))


@lru_cache(maxsize=None)
def it_reduced(model: SpikedModel = MODEL) -> sp.Expr:
    """``2 phi(m)`` at ``1/Delta2 = inverse_delta2_stationary(m)``: zero at an equal-height point.

    Its sign changes in ``m`` bracket the solutions of the system ``phi = 0 = phi'``.
    """
    return _log1p(_tidy(2 * free_entropy(model).subs(Delta2, 1 / inverse_delta2_stationary(model))))


@lru_cache(maxsize=None)
def delta_p_stationary_on_line(model: SpikedModel = MODEL, inverse_delta2: sp.Expr = sp.Integer(1)) -> sp.Expr:
    """The ``Deltap`` at which ``m > 0`` is stationary (``phi'(m) = 0``) at fixed ``1/Delta2``.

    ``inverse_delta2 = 1``: the line ``Delta2 = 1`` (AMP); ``0``: the tensor alone.
    """
    dphi = free_entropy_dm(model).subs(Delta2, 1 / sp.Symbol("u")).subs(sp.Symbol("u"), inverse_delta2)
    (root,) = sp.solve(dphi, Deltap)
    return sp.powsimp(sp.expand(root), force=True)


@lru_cache(maxsize=None)
def line_reduced(model: SpikedModel = MODEL, inverse_delta2: sp.Expr = sp.Integer(1)) -> sp.Expr:
    """``2 phi(m)`` at fixed ``1/Delta2`` and ``Deltap = delta_p_stationary_on_line(m)``.

    A sign change in ``m`` locates an equal-height stationary point on that line:
    with ``1/Delta2 = 1`` the ``Deltap`` below which the information-theoretic transition is
    first order (the first-order line meets ``Delta2 = 1``); with ``1/Delta2 = 0`` the
    ``Deltap`` below which the tensor alone allows recovery (``Delta2_IT`` infinite).
    """
    u = sp.Symbol("u")
    on_line = 2 * free_entropy(model).subs(Delta2, 1 / u).subs(u, inverse_delta2)
    reduced = _tidy(on_line.subs(Deltap, delta_p_stationary_on_line(model, inverse_delta2)))
    return _log1p(_tidy(sp.powsimp(reduced, force=True)))


@lru_cache(maxsize=None)
def tricritical_delta_p(model: SpikedModel = MODEL) -> sp.Expr:
    """For p = 3: the ``Deltap`` at which the coefficient of ``m**3`` in ``phi`` vanishes at ``Delta2 = 1``.

    At ``Delta2 = 1`` the quadratic term of ``phi`` vanishes (the AMP threshold); for p = 3
    the cubic term ``(1/Deltap - 1) m**3/6`` then decides: positive for ``Deltap`` below the
    returned value, where ``phi`` rises above ``phi(0)`` next to ``m = 0`` and the transition
    is first order from its very start (a tricritical point).  For p >= 4 the cubic term is
    ``-m**3/6`` whatever ``Deltap``, and the onset is at finite ``m`` (:func:`line_reduced`).
    """
    at_unit = free_entropy(model).subs(Delta2, 1).subs(p, 3)
    cubic = sp.series(at_unit, m, 0, 4).removeO().coeff(m, 3)
    (root,) = sp.solve(cubic, Deltap)
    return root


# --- the hard phase: spinodal of the low branch, MMSE jump, critical point (any model) --------
#
# For any tensor channels write the covariance as xi(q) = q**2/(2 Delta2) + xi_T(q), xi_T the
# (undefined) covariance of the tensor channels: a formula derived with it and written in jets
# (``dxi_m`` = xi_T'(m), ...) by :func:`~derivations.model.to_jets` serves every model.

def bayes_tensor_model() -> SpikedModel:
    """Bayes-optimal model ``xi = g = q**2/(2 Delta2) + xi_T(q)``, ``xi_T`` undefined (any tensors)."""
    xi = sp.Lambda(q, q**2 / (2 * Delta2) + XI(q))
    return SpikedModel(xi=xi, g=xi)


def bayes_fixed_point(model: SpikedModel | None = None) -> sp.Expr:
    """``2 phi'(m) = xi'(m) - m/(1 - m)``: zero exactly at the Bayes state-evolution fixed points.

    The fixed-point map is ``F(m) = m + (1 - m) * bayes_fixed_point / (1 + xi'(m))``
    (:func:`bayes_fixed_point_factor`), so on ``[0, 1)`` a root of this function of order k is
    a root of ``F(m) - m`` of the same order.
    """
    model = bayes_tensor_model() if model is None else model
    return 2 * free_entropy_dm(model)


def bayes_fixed_point_factor(model: SpikedModel = MODEL) -> sp.Expr:
    """``(amp_map(m) - m) - (1 - m) bayes_fixed_point(m)/(1 + xi'(m))``: identically zero."""
    return sp.simplify(amp_map(model) - m - (1 - m) * bayes_fixed_point(model) / (1 + model.xi_d(1, m)))


def amp_spinodal_reduced(model: SpikedModel | None = None) -> sp.Expr:
    """``m d/dm(2 phi') - 2 phi'``: free of ``Delta2``; zero where a fixed point is a double root.

    On a branch of fixed points ``1/Delta2 = U(m)`` (:func:`inverse_delta2_fixed_point`) this
    is ``-m**2 U'(m)``: its roots are the spinodals (saddle-nodes) of the state evolution, and
    it is negative where ``U`` increases (a stable branch).
    """
    f = bayes_fixed_point(model)
    reduced = sp.expand(m * sp.diff(f, m) - f)
    if Delta2 in reduced.free_symbols:  # pragma: no cover - a derivation error
        raise AssertionError("the spinodal condition should not depend on Delta2")
    return sp.factor(sp.cancel(sp.together(reduced)))


def inverse_delta2_fixed_point(model: SpikedModel | None = None) -> sp.Expr:
    """``U(m)``: the ``1/Delta2`` at which ``m > 0`` is a Bayes fixed point (solves ``phi'(m) = 0``)."""
    u = sp.Symbol("u", positive=True)
    (root,) = sp.solve(bayes_fixed_point(model).subs(Delta2, 1 / u), u)
    return sp.expand(root)


def equal_height_level(model: SpikedModel | None = None) -> sp.Expr:
    """``V(m)``: the ``1/Delta2`` at which ``phi(m) = phi(0)`` (``phi`` is linear in ``1/Delta2``).

    The information-theoretic ``1/Delta2`` is ``min(1, min_m V(m))``: ``phi(m) - phi(0) =
    m**2 (u - V(m))/4``, so a positive ``m`` beats ``m = 0`` iff ``u > V(m)``; ``V(0+) = 1``.
    """
    model = bayes_tensor_model() if model is None else model
    u = sp.Symbol("u", real=True)
    (root,) = sp.solve(free_entropy(model).subs(Delta2, 1 / u), u)
    return _log1p(sp.expand(root))


def equal_height_reduced(model: SpikedModel | None = None) -> sp.Expr:
    """``2 phi(m)`` at ``1/Delta2 = U(m)`` (on the branch of fixed points): ``m**2 (U - V)/2``.

    ``V'(m) = 2 (U(m) - V(m))/m``, so its sign is the sign of ``V'``: the minima of ``V`` are its
    sign changes from - to +; its derivative is ``-amp_spinodal_reduced/2`` (SymPy checks it in
    the tests).
    """
    model = bayes_tensor_model() if model is None else model
    return _log1p(sp.expand(2 * free_entropy(model).subs(Delta2, 1 / inverse_delta2_fixed_point(model))))


@lru_cache(maxsize=None)
def critical_point(model: SpikedModel = MODEL) -> tuple:
    """End point ``(Deltap, Delta2, m)`` of the line of first-order MMSE transitions, for every p.

    There the fixed-point map has a triple root: ``U'(m) = 0 = U''(m)`` with
    ``1/Delta2 = U(m) = 1/(1 - m) - m**(p-2)/Deltap``.  ``U' = 0`` is linear in ``1/Deltap``;
    substituted into ``U'' = 0`` it leaves ``m = (p - 3)/(p - 1)`` (solved by SymPy):

        Deltap_c = 4 (p-2) (p-3)**(p-3) / (p-1)**(p-1),   Delta2_c = 4 (p-2)/(p-1)**2.

    For p = 3 it is the tricritical point ``(1, 1, 0)`` (:func:`tricritical_delta_p`).
    """
    U = inverse_delta2_stationary(model)
    (dp_c,) = sp.solve(sp.diff(U, m), Deltap)
    second = sp.simplify(sp.powsimp(sp.expand(sp.diff(U, m, 2).subs(Deltap, dp_c)), force=True))
    (m_c,) = sp.solve(second, m)
    dp_c = sp.factor(sp.powsimp(sp.simplify(dp_c.subs(m, m_c)), force=True))
    d2_c = sp.factor(sp.simplify(1 / U.subs(Deltap, dp_c).subs(m, m_c)))
    return dp_c, d2_c, sp.factor(m_c)


def ml_amp_map_jets() -> sp.Expr:
    """The ML-AMP map of any model in jets, written ``s/hypot(1, s)`` with ``s = xi'(m)/sqrt(xi'(1))``.

    The same function as ``xi'(m)/sqrt(xi'(m)**2 + xi'(1))`` (checked here by SymPy), but
    ``xi'(m)**2`` is never formed: no overflow in float64 for variances down to 1e-300.
    """
    from sympy.codegen.cfunctions import hypot

    plain = to_jets(ml_amp_map(generic()))
    s = jet("xi", 1, m) / sp.sqrt(jet("xi", 1, 1))
    form = s / hypot(1, s)
    if sp.simplify(sp.expand_func(form) - plain) != 0:  # pragma: no cover - a derivation error
        raise AssertionError("the hypot form of the ML-AMP map differs from the map")
    return form


@lru_cache(maxsize=None)
def ml_amp_threshold_jets() -> sp.Expr:
    """The ML-AMP threshold for any tensor channels, in the jet ``dxi_1 = xi_T'(1)``.

    With ``xi = q**2/(2 Delta2) + xi_T`` and tensor orders >= 3 (``xi_T'(0) = xi_T''(0) = 0``)
    the slope of the ML-AMP map at 0 is ``(1/Delta2)/sqrt(1/Delta2 + xi_T'(1))``; slope 1 is
    ``u**2 = u + xi_T'(1)`` for ``u = 1/Delta2``, whose positive root SymPy takes.
    """
    model = bayes_tensor_model()
    slope = to_jets(sp.diff(ml_amp_map(model), m).subs(m, 0))
    slope = slope.subs({jet("xi", 1, 0): 0, jet("xi", 2, 0): 0})
    u = sp.Symbol("u", positive=True)
    roots = sp.solve(sp.Eq(slope.subs(Delta2, 1 / u), 1), u)
    (root,) = [r for r in roots if r.subs(jet("xi", 1, 1), 1).evalf() > 0]  # the other is negative
    return sp.simplify(1 / root)


def _kernel(name: str, expr: sp.Expr, doc: str) -> Kernel:
    return Kernel(name, _args(expr), expr, doc)


def _jets_kernel(name: str, args: tuple, expr: sp.Expr, doc: str) -> Kernel:
    """A kernel of jets; ``expr`` is linear in them: printed as ``sum_j c_j(m) jet_j + r(m)``
    with each coefficient factored (no cancellation between the terms of one coefficient)."""
    expr = to_jets(expr)
    jets = [a for a in args if a.name.endswith("_m")]
    coefficients = {j: sp.factor(sp.cancel(sp.diff(expr, j))) for j in jets}
    if any(c.free_symbols & set(jets) for c in coefficients.values()):  # pragma: no cover
        raise AssertionError(f"kernel {name!r} is not linear in the jets")
    rest = sp.factor(sp.cancel(expr - sum(c * j for j, c in coefficients.items())))
    return Kernel(name, args, sum(c * j for j, c in coefficients.items()) + rest, doc)


def _jets(*names: str) -> tuple:
    return tuple(jet("xi", k, m) for k in names)


_BT = bayes_tensor_model()
_fp = bayes_fixed_point(_BT)
_phi_bt = free_entropy(_BT)
_critical = critical_point(MODEL)
_phi = free_entropy(MODEL)
_dphi = free_entropy_dm(MODEL)
#: Matrix-tensor instances of jet kernels (``ml_amp_map_jets``, ``ml_amp_slope_at_zero_jets``,
#: ``delta2_ml_amp_jets``): exact expressions for :func:`theory.expressions`, the docs and the
#: displayed closed forms (``formulas.json``), not printed as code.
INSTANCES = (
    _kernel("ml_amp_map", ml_amp_map(MODEL), "ML-AMP state evolution m -> xi'(m)/sqrt(xi'(m)**2 + xi'(1))."),
    _kernel("ml_amp_slope_at_zero", ml_amp_slope_at_zero(MODEL), "Slope of the ML-AMP map at m = 0."),
    _kernel("delta2_ml_amp", ml_amp_threshold(MODEL), "ML-AMP threshold: theta(0) = sqrt(xi'(1))."),
)
KERNELS = (
    _kernel("ml_amp_instability", ml_amp_instability(MODEL), "theta(0) - sqrt(xi'(1)): > 0 iff ML-AMP leaves m = 0."),
    _kernel("ml_amp_fixed_point_condition", ml_amp_fixed_point_condition(MODEL),
            "xi'(m)**2 (1 - m**2) - m**2 xi'(1): zero at a positive ML-AMP fixed point."),
    _kernel("amp_map", amp_map(MODEL), "Bayes-optimal state evolution m -> xi'(m)/(1 + xi'(m))."),
    _kernel("amp_slope_at_zero", amp_slope_at_zero(MODEL), "Slope of the Bayes-optimal map at m = 0."),
    Kernel("delta2_amp", (), amp_threshold(MODEL), "Bayes-optimal AMP threshold: slope 1 at m = 0."),
    _kernel("free_entropy", _log1p(_phi), "Replica-symmetric free entropy phi(m) = log(1-m)/2 + m/2 + xi(m)/2."),
    _kernel("free_entropy_dm", _dphi, "phi'(m) = (xi'(m) - m/(1 - m))/2."),
    _kernel("free_entropy_dm2", free_entropy_dm2(MODEL), "phi''(m) = (xi''(m) - 1/(1 - m)**2)/2."),
    _kernel("free_entropy_ddelta2", sp.diff(_phi, Delta2), "d phi / d Delta2."),
    _kernel("free_entropy_dm_ddelta2", sp.diff(_dphi, Delta2), "d phi' / d Delta2."),
    _kernel("free_entropy_ddelta_p", sp.diff(_phi, Deltap), "d phi / d Deltap."),
    _kernel("free_entropy_dm_ddelta_p", sp.diff(_dphi, Deltap), "d phi' / d Deltap."),
    _kernel("inverse_delta2_stationary", inverse_delta2_stationary(MODEL),
            "1/Delta2 at which m > 0 is stationary: phi'(m) = 0."),
    _kernel("it_reduced", it_reduced(MODEL), "2 phi(m) on phi'(m) = 0: zero at an equal-height point."),
    _kernel("delta_p_stationary_unit_delta2", delta_p_stationary_on_line(MODEL, sp.Integer(1)),
            "Deltap at which m > 0 is stationary for Delta2 = 1."),
    _kernel("onset_reduced", line_reduced(MODEL, sp.Integer(1)),
            "2 phi(m) at Delta2 = 1 on phi'(m) = 0: zero where the first-order line meets Delta2 = 1."),
    Kernel("delta_p_tricritical_p3", (), tricritical_delta_p(MODEL),
           "p = 3: Deltap at which the m**3 term of phi vanishes at Delta2 = 1 (tricritical point)."),
    _kernel("delta_p_stationary_tensor_only", delta_p_stationary_on_line(MODEL, sp.Integer(0)),
            "Deltap at which m > 0 is stationary for 1/Delta2 = 0 (the tensor alone)."),
    _kernel("tensor_only_reduced", line_reduced(MODEL, sp.Integer(0)),
            "2 phi(m) at 1/Delta2 = 0 on phi'(m) = 0: zero where the tensor alone reaches equal height."),
    # The hard phase, for any tensor channels: jets of xi_T (the tensor channels' covariance).
    _jets_kernel("bayes_fixed_point", (m, Delta2, *_jets(1)), _fp,
                 "2 phi'(m) = m/Delta2 + xi_T'(m) - m/(1 - m): zero at the Bayes fixed points."),
    _jets_kernel("bayes_fixed_point_dm", (m, Delta2, *_jets(2)), sp.diff(_fp, m),
                 "d/dm of bayes_fixed_point."),
    _jets_kernel("bayes_fixed_point_dm2", (m, *_jets(3)), sp.diff(_fp, m, 2),
                 "d2/dm2 of bayes_fixed_point."),
    _jets_kernel("bayes_fixed_point_ddelta2", (m, Delta2), sp.cancel(sp.diff(to_jets(_fp), Delta2)),
                 "d/dDelta2 of bayes_fixed_point."),
    _jets_kernel("bayes_fixed_point_dm_ddelta2", (Delta2,), sp.cancel(sp.diff(to_jets(sp.diff(_fp, m)), Delta2)),
                 "d2/dm dDelta2 of bayes_fixed_point."),
    _jets_kernel("amp_spinodal_reduced", (m, *_jets(1, 2)), amp_spinodal_reduced(_BT),
                 "m d/dm(2 phi') - 2 phi' (Delta2-free): zero at a spinodal of the Bayes state evolution."),
    _jets_kernel("inverse_delta2_fixed_point", (m, *_jets(1)), inverse_delta2_fixed_point(_BT),
                 "U(m) = 1/Delta2 at which m > 0 is a Bayes fixed point."),
    _jets_kernel("equal_height_level", (m, *_jets(0)), equal_height_level(_BT),
                 "V(m) = 1/Delta2 at which phi(m) = phi(0), any tensor channels."),
    _jets_kernel("equal_height_reduced_jets", (m, *_jets(0, 1)), equal_height_reduced(_BT),
                 "2 phi(m) at 1/Delta2 = U(m): the sign of V'(m); zero at an equal-height point."),
    _jets_kernel("free_entropy_jets", (m, Delta2, *_jets(0)), _log1p(_phi_bt),
                 "phi(m) = log(1-m)/2 + m/2 + m**2/(4 Delta2) + xi_T(m)/2."),
    _jets_kernel("free_entropy_jets_ddelta2", (m, Delta2), sp.cancel(sp.diff(to_jets(_phi_bt), Delta2)),
                 "d phi / d Delta2 (the tensor jets do not depend on Delta2)."),
    Kernel("critical_delta_p", (p,), _critical[0], "Deltap at the critical point (end of the first-order MMSE line)."),
    Kernel("critical_delta2", (p,), _critical[1], "Delta2 at the critical point."),
    Kernel("critical_m", (p,), _critical[2], "Overlap m at the critical point."),
    # The state-evolution maps of any Bayes-optimal model (xi = g), in jets of its covariance.
    Kernel("ml_amp_map_jets", (jet("xi", 1, m), jet("xi", 1, 1)), ml_amp_map_jets(),
           "ML-AMP map m -> xi'(m)/sqrt(xi'(m)**2 + xi'(1)) in jets, as s/hypot(1, s), s = xi'(m)/sqrt(xi'(1))."),
    Kernel("amp_map_jets", (jet("xi", 1, m),), to_jets(amp_map(generic())), "Bayes map m -> xi'(m)/(1 + xi'(m)) in jets."),
    Kernel("ml_amp_slope_at_zero_jets", (jet("xi", 2, 0), jet("xi", 1, 1)),
           to_jets(sp.diff(ml_amp_map(generic()), m).subs(m, 0)).subs(jet("xi", 1, 0), 0),
           "Slope of the ML-AMP map at m = 0 (xi'(0) = 0: no linear channel)."),
    Kernel("delta2_ml_amp_jets", (jet("xi", 1, 1),), ml_amp_threshold_jets(),
           "ML-AMP threshold for any tensor channels, in dxi_1 = xi_T'(1)."),
)
