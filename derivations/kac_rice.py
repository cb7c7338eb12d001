"""Annealed Kac-Rice complexity of the landscape (docs/landscape.md).

For the spiked spherical model ``L(x) = -N g(m) + V(x)`` on ``|x|**2 = N`` with
``E[V(x) V(x')] = N xi(x.x'/N)``, the expected number of stationary points with overlap
``m``, energy ``e = L/N`` and multiplier ``mu = -x.grad L / N`` is ``exp(N Sigma)`` with

    Sigma(m, e, mu) = volume(m) + gradient_density(m) + gaussian_weight(m, e, mu) + Phi_s(mu).

Each piece is derived here for a general covariance ``xi`` and signal ``g``:

- :func:`volume`: the sphere of radius ``sqrt(N)`` has ``log``-area ``N/2 log(2 pi e)`` and the
  overlap ``m`` has density ``(1 - m**2)**((N-3)/2)``;
- :func:`gradient_density`: the tangent gradient of ``V`` is ``N(0, xi'(1) I_{N-1})``,
  independent of everything else; it must cancel the signal's ``-g'(m) x*_tan`` whose squared
  norm is ``N g'(m)**2 (1 - m**2)``;
- :func:`gaussian_weight`: ``(v, r) = (e + g(m), m g'(m) - mu)`` are ``V/N`` and the radial
  derivative ``x.grad V / N``: jointly Gaussian with covariance ``[[xi, xi'], [xi', xi' + xi'']]/N``
  (at 1) (:func:`energy_radial_covariance`, checked against the covariance by differentiation);
- :func:`log_potential_bulk`, :func:`log_potential_outside`: ``Phi_s(mu)``, the integral of
  ``log|mu - x|`` over the semicircle of radius ``2 s``, ``s = sqrt(xi''(1))``: the log-determinant
  of the Hessian ``M + mu I - theta u u**T`` (the rank-one part is invisible at exponential order).

The energy is then maximised out analytically (:func:`sigma_mu`), and so is ``mu``
(:func:`max_over_mu`): the exponent is concave in ``mu`` (``xi' + xi'' < 2 xi''`` for p > 2) and
outside the bulk the stationarity condition is quadratic in the Stieltjes transform
``G = 1/w``, ``mu = w + s**2/w``, where ``Phi_s = log w + s**2/(2 w**2)`` (no cancellation).
Minima need ``mu >= mu_min(m)`` (BBP, spec section 3): ``mu_min = 2 s`` if ``theta <= s``, else
``theta + s**2/theta``, again of the form ``w + s**2/w`` with ``w = theta``.

References
----------
arXiv:1804.02686 (Ros, Ben Arous, Biroli, Cammarota), section III; arXiv:1902.00139, section 4;
arXiv:1907.08226, section 3; Auffinger, Ben Arous, Cerny, CPAM 66 (2013), arXiv:1003.1129.
"""

from __future__ import annotations

from functools import lru_cache

import sympy as sp

from derivations.hessian import semicircle_scale, theta
from derivations.kernel import Kernel
from derivations.model import MODEL, SpikedModel, generic, jet_args, to_jets
from derivations.symbols import energy, m, mu

#: Auxiliary symbols: the Gaussian pair (v, r) and the outer-branch variable w = 1/G.
_v, _r = sp.symbols("v_kr r_kr", real=True)
_w = sp.Symbol("w_kr", positive=True)


# --- the pieces ------------------------------------------------------------------------------

def volume(at: sp.Expr = m) -> sp.Expr:
    """``log`` of the area of the sphere of radius ``sqrt(N)`` at overlap ``m``, per N:
    ``log(2 pi e)/2 + log(1 - m**2)/2``."""
    return (1 + sp.log(2 * sp.pi)) / 2 + sp.log(1 - at**2) / 2


def gradient_density(model: SpikedModel = MODEL, at: sp.Expr = m) -> sp.Expr:
    """``log`` density, per N, of the noise gradient ``N(0, xi'(1) I)`` at the value that cancels
    the signal's: ``-log(2 pi xi'(1))/2 - g'(m)**2 (1 - m**2)/(2 xi'(1))``."""
    xi1 = model.xi_d(1, 1)
    return -sp.log(2 * sp.pi * xi1) / 2 - model.g_d(1, at) ** 2 * (1 - at**2) / (2 * xi1)


def energy_radial_covariance(model: SpikedModel = MODEL) -> sp.Matrix:
    """``N`` times the covariance of ``(V/N, x.grad V/N)``: ``[[xi, xi'], [xi', xi' + xi'']]`` at 1.

    Derived from ``E[V(x) V(x')] = N xi(x.x'/N)``: ``E[V x.grad V] = x'.grad' N xi(x.x'/N)`` at
    ``x' = x`` is ``N xi'(1)``, and ``E[(x.grad V)**2] = N (xi'(1) + xi''(1))``
    (:func:`_covariance_by_differentiation` does it with SymPy on the radial coordinate).
    """
    return sp.Matrix([[model.xi_d(0, 1), model.xi_d(1, 1)],
                      [model.xi_d(1, 1), model.xi_d(1, 1) + model.xi_d(2, 1)]])


def _covariance_by_differentiation(model: SpikedModel = MODEL) -> sp.Matrix:
    """The same matrix from ``xi`` along rays: with ``x = t x0``, ``x' = t' x0`` (``|x0|**2 = N``),
    ``C(t, t') = xi(t t')`` and ``x.grad = t d/dt``, so the entries are ``C``, ``t' dC/dt'`` and
    ``t t' d2C/dt dt'`` at ``t = t' = 1``."""
    t, t2 = sp.symbols("t_kr t2_kr", positive=True)
    cov = model.xi.expr.subs(model.xi.variables[0], t * t2)
    ev = {t: 1, t2: 1}
    a = cov.subs(ev)
    b = (t2 * sp.diff(cov, t2)).subs(ev)
    c = (t * t2 * sp.diff(cov, t, t2)).subs(ev)
    return sp.Matrix([[a, b], [b, c]]).applyfunc(sp.simplify)


def gaussian_weight(model: SpikedModel = MODEL, det: sp.Expr | None = None) -> sp.Expr:
    """``-(v, r) C**-1 (v, r)**T / 2`` with ``v = e + g(m)``, ``r = m g'(m) - mu``.

    With ``det`` (a symbol standing for ``det C = xi (xi' + xi'') - xi'**2`` at 1) the weight is
    written as the sum of two non-positive terms, the marginal weight of ``r`` and the
    conditional weight of ``v`` given ``r`` (:func:`gaussian_weight_split`): no cancellation
    between the large entries of ``C`` when one channel dominates.
    """
    if det is not None:
        return gaussian_weight_split(model, det)
    cov = energy_radial_covariance(model)
    vec = sp.Matrix([_v, _r])
    quad = sp.expand((vec.T * cov.adjugate() * vec)[0, 0])
    expr = -quad / (2 * sp.factor(cov.det()))
    expr = expr.subs({_v: energy + model.g_d(0, m), _r: radial_center(model) - mu})
    return sp.powsimp(expr)


def gaussian_weight_split(model: SpikedModel, det: sp.Expr) -> sp.Expr:
    """``-r**2/(2 W) - (W v - xi' r)**2/(2 W det)``, ``W = xi' + xi''`` at 1: the Gaussian weight
    with ``xi(1) = (det + xi'**2)/W`` eliminated (equal to :func:`gaussian_weight` when ``det`` is
    the determinant: tests/derivations/test_kac_rice.py).  For a polynomial ``xi = sum c_k q**k``,
    ``det = sum_{j<k} c_j c_k (k - j)**2``: a sum of positive terms, zero for one channel."""
    xi1, xi2 = model.xi_d(1, 1), model.xi_d(2, 1)
    width = xi1 + xi2
    v = energy + model.g_d(0, m)
    r = radial_center(model) - mu
    return -r**2 / (2 * width) - (width * v - xi1 * r) ** 2 / (2 * width * det)


def radial_center(model: SpikedModel = MODEL) -> sp.Expr:
    """``m g'(m)``: the multiplier ``mu`` of a point where the noise radial derivative vanishes."""
    return sp.powsimp(sp.expand(m * model.g_d(1, m)))


def multiplier_weight(model: SpikedModel = MODEL) -> sp.Expr:
    """:func:`gaussian_weight` maximised over the energy (solved by SymPy):
    ``-(mu - m g'(m))**2 / (2 (xi'(1) + xi''(1)))``."""
    weight = gaussian_weight(model)
    (e_star,) = sp.solve(sp.diff(weight, energy), energy)
    return sp.factor(sp.simplify(weight.subs(energy, e_star)))


def log_potential_bulk(model: SpikedModel = MODEL, at: sp.Expr = mu) -> sp.Expr:
    """``Phi_s(mu)`` for ``|mu| <= 2 s``: ``log s + mu**2/(4 s**2) - 1/2``."""
    s = semicircle_scale(model)
    return sp.log(s) + at**2 / (4 * s**2) - sp.Rational(1, 2)


def outer_variable(model: SpikedModel = MODEL, at: sp.Expr = mu) -> sp.Expr:
    """``w = (|mu| + sqrt(mu**2 - 4 s**2))/2 >= s`` for ``|mu| >= 2 s``, so ``|mu| = w + s**2/w``."""
    s = semicircle_scale(model)
    return (sp.Abs(at) + sp.sqrt(at**2 - 4 * s**2)) / 2


def log_potential_outside(model: SpikedModel = MODEL, at: sp.Expr = mu) -> sp.Expr:
    """``Phi_s(mu)`` for ``|mu| >= 2 s``: ``log w + s**2/(2 w**2)`` with ``w`` of :func:`outer_variable`.

    Equal to the spec's form ``log s + x**2/4 - 1/2 - (|x| sqrt(x**2 - 4)/4 - log((|x| +
    sqrt(x**2 - 4))/2))``, ``x = mu/s`` (:func:`log_potential_outside_spec`), without its
    cancellation at large ``|mu|``.
    """
    return _phi_of_w(model, outer_variable(model, at))


def _phi_of_w(model: SpikedModel, w: sp.Expr) -> sp.Expr:
    return sp.log(w) + model.xi_d(2, 1) / (2 * w**2)


def log_potential_outside_spec(model: SpikedModel = MODEL, at: sp.Expr = mu) -> sp.Expr:
    """The outer branch as written in docs/landscape.md (for the tests)."""
    s = semicircle_scale(model)
    x = sp.Abs(at) / s
    root = sp.sqrt(x**2 - 4)
    return sp.log(s) + x**2 / 4 - sp.Rational(1, 2) - (x * root / 4 - sp.log((x + root) / 2))


def log_potential_integral(model: SpikedModel = MODEL, at: sp.Expr = mu) -> sp.Expr:
    """The defining integral ``int log|mu - x| rho_sc(x) dx`` (unevaluated, for quadrature)."""
    s = semicircle_scale(model)
    x = sp.Symbol("x_kr", real=True)
    density = sp.sqrt(4 * s**2 - x**2) / (2 * sp.pi * s**2)
    return sp.Integral(sp.log(sp.Abs(at - x)) * density, (x, -2 * s, 2 * s))


def base(model: SpikedModel = MODEL) -> sp.Expr:
    """``volume + gradient_density``, the ``2 pi`` cancelled:
    ``1/2 + log(1 - m**2)/2 - log(xi'(1))/2 - g'(m)**2 (1 - m**2)/(2 xi'(1))``
    (equal to :func:`volume` + :func:`gradient_density`: tests/derivations/test_kac_rice.py)."""
    xi1 = model.xi_d(1, 1)
    return (sp.Rational(1, 2) + sp.log(1 - m**2) / 2 - sp.log(xi1) / 2
            - model.g_d(1, m) ** 2 * (1 - m**2) / (2 * xi1))


# --- assembled -------------------------------------------------------------------------------

def sigma(model: SpikedModel = MODEL, *, outside: bool, det: sp.Expr | None = None) -> sp.Expr:
    """``Sigma(m, e, mu)``, bulk branch (``|mu| <= 2 s``) or outer branch."""
    phi = log_potential_outside(model) if outside else log_potential_bulk(model)
    return base(model) + gaussian_weight(model, det) + phi


def sigma_mu(model: SpikedModel = MODEL, *, outside: bool) -> sp.Expr:
    """``Sigma(m, mu) = max_e Sigma(m, e, mu)``, bulk or outer branch."""
    phi = log_potential_outside(model) if outside else log_potential_bulk(model)
    return base(model) + multiplier_weight(model) + phi


def sigma_mu_spec(model: SpikedModel = MODEL) -> sp.Expr:
    """``Sigma(m, mu)`` in the bulk as written in docs/landscape.md (for the tests)."""
    xi1, xi2 = model.xi_d(1, 1), model.xi_d(2, 1)
    g1 = model.g_d(1, m)
    return (sp.Rational(1, 2) + sp.log((1 - m**2) / xi1) / 2 - g1**2 * (1 - m**2) / (2 * xi1)
            - (mu - m * g1) ** 2 / (2 * (xi1 + xi2)) + log_potential_bulk(model))


def max_over_mu(constant: sp.Expr, center: sp.Expr, width: sp.Expr, model: SpikedModel = MODEL) -> dict:
    """``max_mu [constant - (mu - center)**2/(2 width) + Phi_s(mu)]``, by branch of the maximiser.

    Concave in ``mu`` when ``width < 2 s**2``.  In the bulk the maximiser is
    ``center 2 s**2/(2 s**2 - width)``, valid iff ``|center| <= (2 s**2 - width)/s``
    (``"halfwidth"``).  For larger ``center`` it lies at ``mu = w + s**2/w > 2 s`` where
    ``(mu - center)/width = 1/w`` (the Stieltjes transform): ``w**2 - center w - (width - s**2) = 0``,
    whose largest root is ``w = (center + sqrt(center**2 + 4 (width - s**2)))/2`` (real there).
    The left branch is the mirror image (``Phi_s`` is even).
    """
    s2 = model.xi_d(2, 1)
    s = sp.sqrt(s2)
    halfwidth = (2 * s2 - width) / s
    mu_bulk = center * 2 * s2 / (2 * s2 - width)
    bulk = constant - (mu_bulk - center) ** 2 / (2 * width) + log_potential_bulk(model, mu_bulk)

    def outer(c):
        w = (c + sp.sqrt(c**2 + 4 * (width - s2))) / 2
        muw = w + s2 / w
        return w, constant - (muw - c) ** 2 / (2 * width) + _phi_of_w(model, w)

    w_right, right = outer(center)
    _, left = outer(-center)
    return {"bulk": bulk, "right": right, "left": left, "halfwidth": halfwidth, "w": w_right,
            "mu_bulk": mu_bulk}


@lru_cache(maxsize=None)
def sigma_max(model: SpikedModel = MODEL) -> dict:
    """``Sigma(m) = max_mu Sigma(m, mu)`` (energy and multiplier maximised out), by branch."""
    c = radial_center(model)
    width = model.xi_d(1, 1) + model.xi_d(2, 1)
    return max_over_mu(base(model), c, width, model)


def _conditional(model: SpikedModel, det: sp.Expr | None = None) -> tuple[sp.Expr, sp.Expr, sp.Expr]:
    """``Sigma(m, e, mu) = const(m, e) - (mu - center)**2/(2 width) + Phi``: (const, center, width)."""
    weight = gaussian_weight(model, det)
    poly = sp.Poly(sp.powsimp(sp.expand(weight)), mu)
    a2, a1, a0 = (poly.coeff_monomial(mu**k) for k in (2, 1, 0))
    width = sp.factor(-1 / (2 * a2))
    center = sp.factor(sp.powsimp(sp.expand(a1 * width)))
    const = sp.factor(sp.expand(a0 + center**2 / (2 * width)))
    return base(model) + const, center, width


@lru_cache(maxsize=None)
def sigma_energy_max(model: SpikedModel = MODEL, det: sp.Expr | None = None) -> dict:
    """``Sigma(m, e) = max_mu Sigma(m, e, mu)`` (at fixed energy), by branch."""
    const, center, width = _conditional(model, det)
    out = max_over_mu(const, center, width, model)
    out["center"], out["width"] = center, width
    return out


@lru_cache(maxsize=None)
def sigma_min(model: SpikedModel = MODEL) -> dict:
    """``Sigma_min(m) = max_{mu >= mu_min(m)} Sigma(m, mu)``, by branch.

    - ``"edge"``: ``theta <= s`` and the maximiser at or below ``2 s``: ``Sigma(m, 2 s)``;
    - ``"outlier"``: ``theta > s`` and the maximiser at or below ``mu_min``: ``Sigma(m, theta + s**2/theta)``;
    - ``"free"``: the unconstrained maximiser ``w + s**2/w`` with ``w > max(theta, s)`` (``sigma_max``'s right branch).
    """
    s2 = model.xi_d(2, 1)
    s = sp.sqrt(s2)
    th = theta(model)
    c = radial_center(model)
    width = model.xi_d(1, 1) + model.xi_d(2, 1)
    b = base(model)
    edge = b - (2 * s - c) ** 2 / (2 * width) + sp.log(s) + sp.Rational(1, 2)
    mu_out = th + s2 / th
    outlier = b - (mu_out - c) ** 2 / (2 * width) + _phi_of_w(model, th)
    free = sigma_max(model)["right"]
    return {"edge": edge, "outlier": outlier, "free": free, "w": sigma_max(model)["w"],
            "at_w": sigma_at_w(model)}


#: The outer-branch variable as a kernel argument (``mu = w + s**2/w``, ``w >= s``).
W = sp.Symbol("w", positive=True)


def sigma_at_w(model: SpikedModel = MODEL, w: sp.Expr = W) -> sp.Expr:
    """``Sigma(m, mu)`` at ``mu = w + s**2/w >= 2 s``, as a function of ``w >= s``.

    ``Sigma`` is concave in ``mu`` above ``2 s``, so every branch of :func:`sigma_min` is this
    one expression at ``w = max(w*, theta, s)`` (``w*`` the unconstrained maximiser, ``"w"`` of
    :func:`sigma_max`): ``"edge"`` at ``w = s``, ``"outlier"`` at ``w = theta``, ``"free"`` at
    ``w = w*``.  Defined for every ``|m| < 1`` and ``w > 0``: a kernel without masks.
    """
    s2 = model.xi_d(2, 1)
    width = model.xi_d(1, 1) + s2
    return base(model) - (w + s2 / w - radial_center(model)) ** 2 / (2 * width) + _phi_of_w(model, w)


def isolated_condition(model: SpikedModel = MODEL) -> sp.Expr:
    """``g'(m)**2 (1 - m**2) - m**2 xi'(1)``: its roots are the overlaps of the isolated
    stationary points (signal, and for odd p its mirror) where ``Sigma(m)`` touches 0 (the
    gradient-flow end state of docs/dynamics.md)."""
    return model.g_d(1, m) ** 2 * (1 - m**2) - m**2 * model.xi_d(1, 1)


def marginal_slope(model: SpikedModel = MODEL) -> sp.Expr:
    """``d Sigma(m, mu) / d mu`` at ``mu = 2 s`` (both branches agree there, ``Phi_s' = 1/s``):
    positive iff the maximiser over ``mu`` lies outside the bulk (gapped points)."""
    s = semicircle_scale(model)
    expr = sp.diff(sigma_mu(model, outside=False), mu).subs(mu, 2 * s)
    return sp.simplify(expr)


@lru_cache(maxsize=None)
def threshold_energy(model: SpikedModel = MODEL, det: sp.Expr | None = None) -> sp.Expr:
    """Definition (a): the energy at which the typical points (max over ``mu`` at fixed ``e``)
    are marginal, i.e. the maximiser of ``Sigma(m, e, mu)`` is ``mu = 2 s``.

    ``d/dmu Sigma(m, e, mu) = 0`` at ``mu = 2 s`` is linear in ``e``: solved by SymPy.
    """
    s = semicircle_scale(model)
    slope = sp.diff(sigma(model, outside=False, det=det), mu).subs(mu, 2 * s)
    (e_th,) = sp.solve(slope, energy)
    return sp.factor(e_th)


@lru_cache(maxsize=None)
def threshold_energy_most_numerous(model: SpikedModel = MODEL, det: sp.Expr | None = None) -> sp.Expr:
    """Definition (b): the most numerous energy among points with ``mu = 2 s``
    (maximise ``Sigma(m, e, 2 s)`` over ``e``)."""
    s = semicircle_scale(model)
    expr = sigma(model, outside=False, det=det).subs(mu, 2 * s)
    (e_b,) = sp.solve(sp.diff(expr, energy), energy)
    return sp.factor(e_b)


#: Stands for ``det C = xi(1) (xi'(1) + xi''(1)) - xi'(1)**2`` in the kernels (see
#: :func:`gaussian_weight_split`); the numeric caller evaluates it as a sum of positive terms.
DET = sp.Symbol("det_1", nonnegative=True)
def _kernel(name: str, expr: sp.Expr, doc: str) -> Kernel:
    expr = to_jets(expr)
    return Kernel(name, jet_args(expr), expr, doc)


def _kernels() -> tuple:
    """The kernels of any model (mixtures, pure tensors, mismatched losses), written in jets:
    ``xi_1 = xi(1)``, ``dxi_1 = xi'(1)``, ``d2xi_1 = xi''(1)``, ``det_1`` (:data:`DET`),
    ``g_m = g(m)``, ``dg_m``, ``d2g_m``, ``d3g_m`` the first three derivatives of g at m."""
    model = generic()
    smax = sigma_max(model)
    semax = sigma_energy_max(model, DET)
    smin = sigma_min(model)
    ks = [
        _kernel("kr_volume", volume(), "log area of the sphere at overlap m, per N."),
        _kernel("kr_gradient_density", gradient_density(model), "log density of a vanishing gradient, per N."),
        _kernel("kr_gaussian_weight", gaussian_weight(model, DET), "Gaussian weight of (e + g(m), m g'(m) - mu)."),
        _kernel("kr_multiplier_weight", multiplier_weight(model), "Gaussian weight of mu, energy maximised out."),
        _kernel("kr_log_potential_bulk", log_potential_bulk(model), "Phi_s(mu) for |mu| <= 2 s."),
        _kernel("kr_log_potential_outside", log_potential_outside(model), "Phi_s(mu) for |mu| >= 2 s."),
        _kernel("kr_sigma_bulk", sigma(model, outside=False, det=DET), "Sigma(m, e, mu) for |mu| <= 2 s."),
        _kernel("kr_sigma_outside", sigma(model, outside=True, det=DET), "Sigma(m, e, mu) for |mu| >= 2 s."),
        _kernel("kr_sigma_mu_bulk", sigma_mu(model, outside=False), "Sigma(m, mu) for |mu| <= 2 s."),
        _kernel("kr_sigma_mu_outside", sigma_mu(model, outside=True), "Sigma(m, mu) for |mu| >= 2 s."),
        _kernel("kr_center", radial_center(model), "m g'(m): centre of the Gaussian weight of mu."),
        _kernel("kr_halfwidth", smax["halfwidth"], "(2 s**2 - xi'(1) - xi''(1))/s: bulk maximiser iff |m g'(m)| <= it."),
        _kernel("kr_sigma_max_bulk", smax["bulk"], "max_mu Sigma(m, mu), maximiser in the bulk."),
        _kernel("kr_sigma_max_right", smax["right"], "max_mu Sigma(m, mu), maximiser above 2 s."),
        _kernel("kr_sigma_max_left", smax["left"], "max_mu Sigma(m, mu), maximiser below -2 s."),
        _kernel("kr_w_star", smax["w"], "w of the maximiser mu = w + s**2/w above the bulk."),
        _kernel("kr_center_e", semax["center"], "Centre in mu of Sigma(m, e, mu) at fixed energy."),
        _kernel("kr_halfwidth_e", semax["halfwidth"], "Bulk half-range of the centre at fixed energy."),
        _kernel("kr_sigma_e_max_bulk", semax["bulk"], "max_mu Sigma(m, e, mu), maximiser in the bulk."),
        _kernel("kr_sigma_e_max_right", semax["right"], "max_mu Sigma(m, e, mu), maximiser above 2 s."),
        _kernel("kr_sigma_e_max_left", semax["left"], "max_mu Sigma(m, e, mu), maximiser below -2 s."),
        _kernel("kr_sigma_min_edge", smin["edge"], "Sigma_min(m) = Sigma(m, 2 s) (theta <= s, maximiser at the edge)."),
        _kernel("kr_sigma_min_outlier", smin["outlier"], "Sigma_min(m) = Sigma(m, theta + s**2/theta) (theta > s)."),
        _kernel("kr_sigma_min_at_w", smin["at_w"],
                "Sigma(m, w + s**2/w), w >= s: Sigma_min(m) at w = max(w*, theta, s) (every branch)."),
        _kernel("kr_dsigma_min_edge_dm", sp.diff(smin["edge"], m), "d/dm of kr_sigma_min_edge."),
        _kernel("kr_dsigma_min_outlier_dm", sp.diff(smin["outlier"], m), "d/dm of kr_sigma_min_outlier."),
        _kernel("kr_dsigma_max_right_dm", sp.diff(smax["right"], m), "d/dm of kr_sigma_max_right."),
        _kernel("kr_isolated_condition", isolated_condition(model),
                "g'(m)**2 (1 - m**2) - m**2 xi'(1): zero at the isolated stationary points."),
        _kernel("kr_marginal_slope", marginal_slope(model), "d Sigma(m, mu)/d mu at mu = 2 s."),
        _kernel("kr_threshold_energy", threshold_energy(model, DET),
                "Threshold energy, definition (a): typical points at energy e are marginal."),
        _kernel("kr_threshold_energy_most_numerous", threshold_energy_most_numerous(model, DET),
                "Definition (b): most numerous energy among marginal points (mu = 2 s)."),
    ]
    return tuple(ks)


KERNELS = _kernels()
