"""The threshold kinds of real phase retrieval (``theory.PhaseRetrieval``): critical ratios alpha.

:data:`LINES` is the catalogue, in the documented order:

``spectral``
    The top eigenvector of ``(1/N) sum T(y) a a^T`` correlates with the signal: the outlier of
    :mod:`numerics.glm` (top side, weights ``T(y)``, ``g = h*``) leaves the bulk.
    ``preprocessing="optimal"`` (the noiseless real case's ``T*``; its top edge is the hard edge
    ``s = -1``, an identity of derivations/phase_retrieval.py), ``("trim", c)``
    (``T = min(y, c)``) or a vectorised callable ``T(y)`` (float64 only).
``weak_recovery``
    Bayes-optimal weak recovery: linear instability of ``q = 0`` in the GAMP state evolution,
    ``alpha E_y[(E[h*^2|y] - 1)^2] = 1``; with label noise the conditional integrals are closed
    forms in parabolic cylinder functions and the moment a 1D quadrature (:func:`_noisy_wr_moment`),
    float64 or ``dps=``.
``amp``
    Perfect recovery by Bayes-optimal AMP (noiseless labels, Gaussian prior): the smallest
    alpha at which the state evolution started at ``q = 0+`` has no fixed point in ``(0, 1)``.
    float64: the minimum of the rescaled state-evolution map (a 2D integral) located on a grid.
    ``dps=`` (up to :data:`AMP_MAX_DPS`): the maximum over ``q`` of the ratio
    ``q/(1 - sqrt(1 - q) S(q))`` of derivations/phase_retrieval.py (``amp_ratio``), where the 2D
    integral is reduced to ``S = (2/pi) int_0^(pi/2) L(sqrt(q) sin phi) dphi`` with ``L`` a
    difference of trigamma functions, by tanh-sinh quadrature (:func:`_amp_moments`); about 1 s
    at dps=15, 2 s at dps=30 and 5 s at dps=50 (both precisions of the certificate).
``information_theoretic``
    Information-theoretic perfect recovery (noiseless labels): the free entropy of the GLM
    with the Gaussian prior (the spherical prior at large N) diverges upwards at ``q -> 1``.
``initial_curvature``
    The Hessian at a random start (``m -> 0``, ``(h, h*)`` independent) has an outlier below
    its bulk towards the signal (arXiv:2403.02418's mechanism); regularised loss only (the
    square loss's curvature is unbounded below).  The ``h``-integral is done in closed form
    (:func:`numerics.glm.random_start_law`), so a threshold is a nested solve over a 1D rule.

``gradient_flow``
    The BBP instability of the marginal states that trap gradient flow, in a zero-temperature
    1RSB ansatz (``m = 0``, ``q0 = 0``, ``q1 -> 1``, Parisi ``y = beta m_P`` fixed by marginality;
    :class:`GradientFlow`, :func:`marginal_state`, :class:`OneRSBState`).  Float64 only.  It fails
    its complexity check (the marginal states have ``Sigma < 0``), so it refuses by default for
    the regularised loss (``check_complexity=False`` returns its value), and no state of the
    ansatz is marginal for the square loss.  ``theory.hessian(sample=...)`` evaluates the same BBP
    condition on the empirical law of a stalled finite-N descent, and
    ``numerics.pr_simulation.descend(orthogonal_to=x*)`` holds such a descent at m = 0.

Accuracy: float64 rules are Gauss-Legendre panels graded towards the features of the
integrands; at ``dps=`` each alpha root is certified against the next quadrature degree (and
``theory.threshold`` certifies the whole by two precisions).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

import numpy as np

from numerics import glm, solvers
from numerics.backend import F64
from numerics.solvers import Root

__all__ = ["LINES", "Spectral", "WeakRecovery", "Amp", "InformationTheoretic", "InitialCurvature", "GradientFlow",
           "OneRSBState", "onersb_state", "chi_saddle", "marginal_state", "gradient_flow_state", "prox",
           "preprocessing", "Optimal", "Trim", "Custom", "rule_degree"]

_PR = "derivations/phase_retrieval.py"


#: The highest Gauss-Legendre degree tried (``3 * 2**7 = 384`` nodes a panel).
MAX_DEGREE = 8


def rule_degree(b) -> int:
    """Gauss-Legendre degree (``3 * 2**(degree - 1)`` nodes a panel) a backend starts from."""
    if b.ctx is None:
        return 3
    return 4 if b.dps <= 25 else 5


def _check_rules(b, compute, what: str):
    """``compute(degree)`` certified by two quadrature orders: float64 returns the value at its
    degree; an mpmath backend doubles the nodes until two successive degrees agree to its
    precision (less 5 digits) and returns the finer, or raises PrecisionError."""
    d = rule_degree(b)
    value = compute(d)
    if b.ctx is None:
        return value
    tol = b.ctx.mpf(10) ** (-(b.dps - 5))
    while True:
        check = compute(d + 1)
        if abs(value - check) <= tol * max(abs(check), 1):
            return check
        if d + 1 >= MAX_DEGREE:
            raise solvers.PrecisionError(f"{what}: quadrature degrees {d} and {d + 1} disagree at dps={b.dps} "
                                         f"({b.ctx.nstr(value, 15)} vs {b.ctx.nstr(check, 15)})")
        d, value = d + 1, check


def _alpha_root(b, f_at, what: str, grid=None) -> Root:
    """The first alpha of ``grid`` where ``f_at(degree, alpha)`` turns from positive to
    non-positive: located on the float64 grid, solved in ``b`` at the backend's quadrature
    degree; in an mpmath backend the root is then certified against the next degree (the sign
    change must persist across the final bracket widened to ``10**-(dps - 5)`` relative),
    doubling the nodes until it does."""
    grid = np.geomspace(0.05, 200.0, 41) if grid is None else grid
    d64 = rule_degree(F64)
    vals = np.array([float(f_at(d64, a)) if b.ctx is None else float(_f64(f_at, d64, a)) for a in grid])
    if not np.all(np.isfinite(vals)):
        raise solvers.ConvergenceError(f"{what}: the residual is not finite on the alpha grid")
    idx = np.nonzero(vals <= 0)[0]
    if idx.size == 0 or idx[0] == 0:
        raise solvers.ConvergenceError(f"{what}: no sign change on alpha in [{grid[0]:.3g}, {grid[-1]:.3g}]")
    i = idx[0]
    if b.ctx is None:
        return solvers.root(None, lambda a: f_at(d64, a), grid[i - 1], grid[i], what=what)
    d = rule_degree(b)
    while True:
        found = solvers.root(b.ctx, lambda a, d=d: f_at(d, a), grid[i - 1], grid[i], what=what)
        value, (lo, hi) = found.value, found.bracket
        # the degree-(d+1) root must lie within 10**-(dps - 5) of this one (the rounding noise of a
        # nested solve is far above an ulp, so a few ulps would test the noise, not the rule)
        pad = b.ctx.mpf(10) ** (5 - b.dps) * abs(value)
        lo, hi = lo - pad, hi + pad
        f_lo, f_hi = f_at(d + 1, lo), f_at(d + 1, hi)
        if (f_lo > 0) != (f_hi > 0) or f_lo == 0 or f_hi == 0:
            return Root(value, (lo, hi))
        if d + 1 >= MAX_DEGREE:
            raise solvers.PrecisionError(f"{what}: the root at quadrature degree {d} is not a root at degree "
                                         f"{d + 1} (dps={b.dps})")
        d += 1


def _f64(f_at, degree, alpha):
    """Float64 evaluation of an mpmath-backed residual (the grid scan); see :func:`_alpha_root`."""
    return f_at.f64(degree, alpha)


@lru_cache(maxsize=32)
def _label_rule(b, degree, noise, kinks=()):
    """Nodes ``(h*, y)`` and probability weights of the label law (a 1D rule; 2D with noise);
    ``kinks``: values of ``h* > 0`` where the integrand has a kink (panel ends there)."""
    x, w = glm.normal_rule(b, degree, 1 / 64, kinks)
    w = w * b.exp(-x * x / 2) / b.sqrt(2 * b.pi)
    if not noise:
        return x, x * x, w
    z, wz = glm.normal_rule(b, degree)
    wz = wz * b.exp(-z * z / 2) / b.sqrt(2 * b.pi)
    Y = (x * x)[:, None] + b.sqrt(b.from_exact(noise)) * z[None, :]
    HS = x[:, None] + 0 * z[None, :]
    return HS.ravel(), Y.ravel(), (w[:, None] * wz[None, :]).ravel()


# --- spectral preprocessings ---------------------------------------------------------------------

@dataclass(frozen=True)
class Optimal:
    """``T*(y) = (y - 1)/(y + sqrt(2 alpha) - 1)`` (noiseless real case)."""

    def __str__(self):
        return "optimal"

    def residual(self, b, model, alpha, degree):
        """Outlier residual at the hard top edge ``s = -1``: ``1 - sqrt(2 alpha)`` noiselessly."""
        HS, Y, W = _label_rule(b, degree, model.noise)
        r = b.kernel("phase_retrieval", "pr_opt_resolvent")(Y, alpha, b.num(-1))
        return 1 + alpha * b.dot(W, r * (1 - HS * HS))


@dataclass(frozen=True)
class Trim:
    """``T(y) = min(y, c)``."""

    c: float

    def __str__(self):
        return f"('trim', {self.c!r})"

    def law(self, b, model, degree):
        HS, Y, W = _label_rule(b, degree, model.noise, (math.sqrt(self.c),))
        c = b.from_exact(self.c)
        D = np.where(Y < c, Y, c) if b.ctx is None else np.array([v if v < c else c for v in Y], dtype=object)
        twin = None if b.ctx is None else self.law(F64, model, rule_degree(F64))
        return glm.Law(b, W, D, HS, None, -math.inf, self.c, None, twin)


@dataclass(frozen=True)
class Custom:
    """A vectorised callable ``T(y)`` (float64)."""

    T: object

    def __str__(self):
        return getattr(self.T, "__name__", repr(self.T))

    def law(self, b, model, degree):
        if b.ctx is not None:
            raise ValueError("dps: a callable preprocessing T(y) is a numpy function, which cannot be evaluated in "
                             "mpmath arithmetic (it would round every weight to float64, so no digit beyond "
                             "float64 could be certified); it is float64 only: use preprocessing='optimal' or "
                             "('trim', c) with dps=")
        HS, Y, W = _label_rule(b, degree + 2, model.noise)  # no panel ends at kinds of T: more nodes
        D = np.asarray(self.T(Y), dtype=np.float64)
        if D.shape != Y.shape or not np.all(np.isfinite(D)):
            raise ValueError("preprocessing: T(y) must return finite values of the shape of y (vectorised)")
        grid = np.concatenate([np.linspace(0, 1, 2001), np.geomspace(1, 400, 2001)])
        sup = float(np.max(np.asarray(self.T(grid), dtype=np.float64)))
        return glm.Law(b, W, D, HS, None, -math.inf, max(sup, float(D.max())), None, None)


def preprocessing(value):
    """The preprocessing object of ``value`` ("optimal", ("trim", c) or a callable)."""
    if isinstance(value, (Optimal, Trim, Custom)):
        return value
    if isinstance(value, str) and value == "optimal":
        return Optimal()
    if isinstance(value, tuple) and len(value) == 2 and value[0] == "trim":
        c = value[1]
        if isinstance(c, bool) or not isinstance(c, (int, float)) or not (0 < c < math.inf):
            raise ValueError(f"preprocessing: the trimming level c of ('trim', c) must be > 0 and finite, got {c!r}")
        return Trim(float(c))
    if callable(value):
        return Custom(value)
    raise ValueError(f"preprocessing must be 'optimal', ('trim', c) with c > 0, or a vectorised callable "
                     f"T(y); got {value!r}")


# --- the kinds -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Spectral:
    name: str = "spectral"
    summary: str = "Top eigenvector of (1/N) sum T(y) a a^T correlates with the signal (BBP of the top edge)."
    reference: str = "arXiv:1708.05932; arXiv:1811.04420; arXiv:1702.06435"
    options = {"preprocessing": "optimal"}
    undefined = None

    def accepts(self, model):
        return None

    def solve(self, b, model, preprocessing="optimal", **_):
        pre = globals()["preprocessing"](preprocessing)
        what = f"spectral threshold (preprocessing={pre}, noise={model.noise})"
        if isinstance(pre, Optimal):
            if model.noise:
                raise ValueError("preprocessing='optimal' is the optimal preprocessing of noiseless labels; "
                                 "with noise > 0 use ('trim', c) or a callable")

            def f_at(bb):
                def f(d, alpha):
                    return pre.residual(bb, model, alpha, d)
                return f

            f = f_at(b)
            f.f64 = f_at(F64)
            return _alpha_root(b, f, what, grid=np.geomspace(0.05, 20.0, 31))
        laws = {}

        def law_at(bb, d):
            if (bb.name, d) not in laws:
                laws[bb.name, d] = pre.law(bb, model, d)
            return laws[bb.name, d]

        def f_at(bb):
            def f(d, alpha):
                law = law_at(bb, d)
                return glm.edge_residual(law, alpha, glm.edge(law, alpha, -1, what=what + " top edge"))
            return f

        f = f_at(b)
        f.f64 = f_at(F64)
        return _alpha_root(b, f, what)


def _noiseless(kind):
    def accepts(self, model):
        if model.noise:
            return (f"kind={kind!r} is derived for noiseless labels (with label noise perfect recovery is "
                    f"impossible / the channel is not implemented); got noise={model.noise!r}")
        return None
    return accepts


@dataclass(frozen=True)
class WeakRecovery:
    name: str = "weak_recovery"
    summary: str = "Bayes-optimal weak recovery: q = 0 of the GAMP state evolution turns unstable."
    reference: str = "arXiv:1708.05932; arXiv:2006.05228"
    options = {}
    undefined = None

    def accepts(self, model):
        return None

    def solve(self, b, model, **_):
        what = f"weak-recovery threshold (noise={model.noise})"
        if model.noise:
            return Root(1 / _noisy_wr_moment(b, model.noise), None)

        def moment(d):
            HS, Y, W = _label_rule(b, d, 0)
            return b.dot(W, b.kernel("phase_retrieval", "pr_wr_integrand")(Y))

        return Root(1 / _check_rules(b, moment, what), None)


def _S(b, nu, x):
    """``int_0^inf t^(nu - 1) exp(-(t - x)^2/2) dt = Gamma(nu) exp(-x^2/4) D_{-nu}(-x)`` (``D`` the
    parabolic cylinder function) in backend ``b``, for ``nu`` = 1/2 or 3/2.  For ``|x| <= 25`` from
    ``D`` (scipy's ``pbdv`` / mpmath's ``pcfd``); beyond, where ``exp(-x^2/4)`` and ``D`` would
    overflow or lose their digits to cancellation, from the large-``|x|`` series, whose remainder
    is ``O(exp(-x^2/2)) < 10**-135`` relative there (x > 0: ``sqrt(2 pi) x^(nu-1) sum_k
    C(nu-1, 2k) (2k-1)!! x^(-2k)``, the Gaussian moments of ``(x + s)^(nu-1)``; x < 0:
    ``exp(-x^2/2) sum_k (-1)^k Gamma(nu + 2k)/(2^k k! |x|^(nu+2k))``, Watson's lemma)."""
    ctx = b.ctx
    if abs(x) <= 25:
        if ctx is None:
            from scipy import special

            return math.gamma(nu) * math.exp(-x * x / 4) * float(special.pbdv(-nu, -x)[0])
        return ctx.gamma(nu) * ctx.exp(-x * x / 4) * ctx.pcfd(-nu, -x)
    if ctx is not None and ctx.dps > 130:
        raise solvers.PrecisionError(f"weak-recovery threshold with noise: the large-argument series is exact to "
                                     f"10**-135 only; dps={ctx.dps} is beyond it")
    tol = 1e-17 if ctx is None else ctx.mpf(10) ** (-ctx.dps - 5)
    one = 1.0 if ctx is None else ctx.mpf(1)
    total, k = 0 * one, 0
    if x > 0:
        term = one
        while abs(term) > tol * abs(total + term):
            total += term
            term = term * (nu - 1 - 2 * k) * (nu - 2 - 2 * k) / ((2 * k + 2) * x * x)
            k += 1
        return b.sqrt(2 * b.pi) * x ** (nu - 1) * (total + term)
    ax = -x
    term = (math.gamma(nu) if ctx is None else ctx.gamma(nu)) / ax ** nu
    while abs(term) > tol * abs(total + term):
        total += term
        term = -term * (nu + 2 * k) * (nu + 2 * k + 1) / (2 * (k + 1) * ax * ax)
        k += 1
    return b.exp(-x * x / 2) * (total + term)


def _noisy_wr_moment(b, noise):
    """``E_y[(E[h*^2|y] - 1)^2]`` for ``y = h*^2 + sqrt(Delta) z`` (``Delta = noise``) in backend ``b``.

    With ``v = h*^2`` (density ``v^(-1/2) e^(-v/2)/sqrt(2 pi)``) and the noise kernel
    ``N(y; v, Delta)``, the exponent ``-v/2 - (v - y)^2/(2 Delta)`` is
    ``-(v - c)^2/(2 Delta) + Delta/8 - y/2`` with ``c = y - Delta/2``, so both conditional
    integrals are closed forms (:func:`_S`, ``x = c/sqrt(Delta)``)::

        p(y)   = P * Delta^(1/4) S(1/2, x),        P = e^(Delta/8 - y/2)/(2 pi sqrt(Delta)),
        n(y)   = P * (Delta^(3/4) S(3/2, x) - Delta^(1/4) S(1/2, x))   [= E[(v - 1) 1_y]],

    and the moment is the one-dimensional ``int n(y)^2/p(y) dy``, by mpmath's tanh-sinh quadrature
    (or scipy's adaptive rule in float64, about 1e-10 relative) on pieces that end at the scales
    of the integrand (``0``, ``+-sqrt(Delta)``, ``1``, ``4``, ``16``).  Checked in
    tests/theory/test_phase_retrieval.py against a nested quadrature of the definition."""
    ctx = b.ctx
    D = float(noise) if ctx is None else b.from_exact(noise)
    sD = b.sqrt(D)
    q = b.sqrt(sD)
    half = 0.5 if ctx is None else ctx.mpf(1) / 2

    def f(y):
        x = (y - D / 2) / sD
        p = q * _S(b, half, x)
        if p == 0:  # far below y = 0 in float64: the integrand underflowed with p
            return 0 * p
        n = q * sD * _S(b, 3 * half, x) - p
        return b.exp(D / 8 - y / 2) / (2 * b.pi * sD) * n * n / p

    if ctx is None:
        from scipy import integrate

        pts = [-40 * sD - 10, -10 * sD, -sD, 0, sD, 1, 4, 16, 120]  # beyond: below 1e-26 of the total
        parts = [integrate.quad(f, lo, hi, epsabs=0, epsrel=1e-13, limit=200, full_output=1)
                 for lo, hi in zip(pts[:-1], pts[1:])]
        value = sum(part[0] for part in parts)
        if any(part[1] > 1e-9 * abs(value) for part in parts):
            raise solvers.ConvergenceError(f"weak-recovery threshold (noise={noise}): the quadrature did not reach "
                                           f"1e-9 relative")
        return value
    pts = [-ctx.inf, -10 * sD, -sD, 0, sD, 1, 4, 16, ctx.inf]
    value, err = ctx.quad(f, pts, error=True)
    if err > ctx.mpf(10) ** (-ctx.dps + 3) * abs(value):
        raise solvers.PrecisionError(f"weak-recovery threshold (noise={noise}): quadrature error "
                                     f"{ctx.nstr(err, 3)} at dps={ctx.dps}")
    return value


@dataclass(frozen=True)
class InformationTheoretic:
    name: str = "information_theoretic"
    summary: str = "Information-theoretic perfect recovery: the GLM free entropy diverges upwards at q -> 1."
    reference: str = "arXiv:2006.05228 (abstract); arXiv:1708.03395"
    options = {}
    undefined = None
    accepts = _noiseless("information_theoretic")

    def solve(self, b, model, **_):
        f = b.kernel("phase_retrieval", "pr_it_divergence")
        return solvers.root(b.ctx, f, b.num(1) / 4, b.num(4), what="information-theoretic threshold")


@dataclass(frozen=True)
class Amp:
    name: str = "amp"
    summary: str = "Perfect recovery by Bayes-optimal AMP: the state evolution from q = 0+ reaches q = 1."
    reference: str = "arXiv:1708.03395; arXiv:2006.05228"
    options = {}
    undefined = None
    accepts = _noiseless("amp")

    max_dps = None  # set below: AMP_MAX_DPS

    def solve(self, b, model, **_):
        if b.ctx is not None:
            return _amp_threshold(b)
        from scipy.optimize import minimize_scalar

        def gap(alpha):
            # log-odds grid of q in (0, 1); the rescaled map is positive at both ends for alpha > 1
            u = np.linspace(-7.0, 7.0, 29)
            vals = np.array([_se_gap(alpha, 1 / (1 + math.exp(-v))) for v in u])
            i = int(np.argmin(vals))
            lo, hi = u[max(i - 1, 0)], u[min(i + 1, len(u) - 1)]
            res = minimize_scalar(lambda v: _se_gap(alpha, 1 / (1 + math.exp(-v))), bounds=(lo, hi),
                                  method="bounded", options={"xatol": 1e-10})
            return min(float(res.fun), float(vals[i]))

        grid = np.array([1.0, 1.6])
        vals = np.array([gap(a) for a in grid])
        idx = np.nonzero(vals > 0)[0]
        if idx.size == 0 or idx[0] == 0:
            raise solvers.ConvergenceError("amp threshold: no sign change of the state-evolution gap on "
                                           f"alpha in [{grid[0]}, {grid[-1]}]")
        i = idx[0]
        return solvers.root(None, gap, grid[i - 1], grid[i], what="amp threshold")


def _se_gap(alpha: float, q: float) -> float:
    """``(q' - q)/(q (1 - q))`` for the Bayes-optimal GAMP state evolution of the noiseless real
    channel with a Gaussian prior: ``q' = qhat/(1 + qhat)``, ``qhat = alpha E[g_out^2]``."""
    V = 1 - q
    fine = min(V, 1.0) / 8
    x, w = glm.normal_rule(F64, 3, fine)
    wx = w * np.exp(-x * x / 2) / math.sqrt(2 * math.pi)
    e, we = glm.normal_rule(F64, 3)
    we = we * np.exp(-e * e / 2) / math.sqrt(2 * math.pi)
    omega = math.sqrt(q) * x[:, None]
    z = omega + math.sqrt(V) * e[None, :]
    from numerics._generated import phase_retrieval_numpy as k

    g = k.pr_gout(z * z, omega, V)
    qhat = alpha * float(np.sum(wx[:, None] * we[None, :] * g * g))
    q_new = qhat / (1 + qhat)
    return (q_new - q) / (q * V)


#: The largest ``dps`` accepted by ``kind="amp"`` (about 1 s at dps=15, 2 s at dps=30, 5 s at
#: dps=50, both precisions of the certificate included; the cost grows with the tanh-sinh level
#: and the price of a trigamma evaluation).
AMP_MAX_DPS = 50
Amp.max_dps = AMP_MAX_DPS


@lru_cache(maxsize=64)
def _tanh_sinh_nodes(b, degree):
    """The new nodes ``(phi, w)`` of tanh-sinh level ``degree`` on ``[0, pi]`` folded onto
    ``[0, pi/2]`` (step ``2**-degree``; level ``d`` sums ``I_(d-1)/2 + 2**-d sum w f``), for an
    integrand symmetric about ``pi/2``: the mirror nodes are dropped and their weights doubled,
    so both ends of ``[0, pi]`` (where the integrand is not analytic) get the clustered nodes and
    half the evaluations.  From mpmath's ``TanhSinh`` at the backend's precision (53 bits for
    float64), cached per backend and level."""
    from mpmath.calculus.quadrature import TanhSinh

    from numerics.backend import context

    ctx = context(15) if b.ctx is None else b.ctx
    pairs = TanhSinh(ctx).calc_nodes(degree, ctx.prec)
    half_pi = ctx.pi / 2
    phi = [half_pi * (1 + x) for x, _ in pairs if x <= 0]
    w = [half_pi * wt * (2 if x < 0 else 1) for x, wt in pairs if x <= 0]
    if b.ctx is None:
        return np.array([float(v) for v in phi]), np.array([float(v) for v in w])
    return np.array(phi, dtype=object), np.array(w, dtype=object)


def _amp_kernel(b, k):
    """``(L(k), k L'(k))`` at the nodes ``k`` (an array), ``L(k) = int rho e^-rho sech(k rho)``:
    the trigamma form of derivations/phase_retrieval.py (``amp_kernel_L``), and its series below
    ``k_s`` with ``10**5 k_s**8`` under the working precision (the trigamma form cancels there:
    it loses ``log10(1/k)`` digits, which an mpmath backend restores by extra precision)."""
    gen = "phase_retrieval"
    if b.ctx is None:
        from scipy.special import polygamma

        k = np.asarray(k, dtype=np.float64)
        small = k < 1e-3
        kk = np.where(small, 0.5, k)
        x = b.kernel(gen, "pr_amp_x")(kk)
        p1a, p1b, p2a, p2b = polygamma(1, x), polygamma(1, x + 0.5), polygamma(2, x), polygamma(2, x + 0.5)
        L = np.where(small, b.kernel(gen, "pr_amp_L_series")(k), b.kernel(gen, "pr_amp_L")(kk, p1a, p1b))
        kdL = np.where(small, b.kernel(gen, "pr_amp_kdL_series")(k),
                       b.kernel(gen, "pr_amp_kdL")(kk, p1a, p1b, p2a, p2b))
        return L, kdL
    ctx = b.ctx
    k_s = ctx.mpf(10) ** (-(b.dps + 8) / ctx.mpf(8))
    fx, fL, fkdL = (b.kernel(gen, n) for n in ("pr_amp_x", "pr_amp_L", "pr_amp_kdL"))
    sL, skdL = b.kernel(gen, "pr_amp_L_series"), b.kernel(gen, "pr_amp_kdL_series")
    L, kdL = [], []
    for kv in k:
        if kv < k_s:
            L.append(sL(kv))
            kdL.append(skdL(kv))
            continue
        extra = int(3.33 * max(0.0, -math.log10(float(kv)))) + 20  # bits lost to the cancellation
        with ctx.extraprec(extra):
            x = fx(kv)
            half = x + ctx.mpf(1) / 2
            # psi_1 = zeta(2, .) (Hurwitz; faster in mpmath than its psi(1, .), which goes through complex code)
            p1a, p1b, p2a, p2b = ctx.zeta(2, x), ctx.zeta(2, half), ctx.psi(2, x), ctx.psi(2, half)
            lv, dv = fL(kv, p1a, p1b), fkdL(kv, p1a, p1b, p2a, p2b)
        L.append(+lv)
        kdL.append(+dv)
    return np.array(L, dtype=object), np.array(kdL, dtype=object)


#: The deepest tanh-sinh level tried for the AMP integrals.
AMP_MAX_LEVEL = 10


def _amp_moments(b, q):
    """``(S, U)`` at overlap ``q``: ``S = (2/pi) int_0^(pi/2) L(k) dphi`` and ``U = (2/pi) int k L'(k) dphi``
    at ``k = sqrt(q) sin phi`` (so ``q dS/dq = U/2``), by tanh-sinh levels sharing the nodes, to
    the working precision: a level is accepted when the last step ``d1`` and the one before it
    ``d2`` give ``d1**2/d2`` (the error left: tanh-sinh doubles its digits a level) under the
    tolerance ``10**-digits`` and ``d1`` itself under its square root (relative to
    ``max(|value|, 1)``), for both integrals; PrecisionError when no level up to
    :data:`AMP_MAX_LEVEL` does."""
    digits = 16 if b.ctx is None else b.dps
    tol = 10.0 ** -digits if b.ctx is None else b.ctx.mpf(10) ** -digits
    c = b.sqrt(q)
    res_S, res_U = [], []
    scale = 1 / b.pi  # (1/pi) int_0^pi = (2/pi) int_0^(pi/2)
    for level in range(1, AMP_MAX_LEVEL + 1):
        phi, w = _tanh_sinh_nodes(b, level)
        sines = np.sin(phi) if b.ctx is None else np.array([b.ctx.sin(v) for v in phi], dtype=object)
        L, kdL = _amp_kernel(b, c * sines)
        h = b.num(2) ** -level
        S = (res_S[-1] / 2 if res_S else 0) + h * scale * b.dot(w, L)
        U = (res_U[-1] / 2 if res_U else 0) + h * scale * b.dot(w, kdL)
        res_S.append(S)
        res_U.append(U)
        if level >= 3:
            ok = True
            for r in (res_S, res_U):
                d1, d2 = abs(r[-1] - r[-2]), abs(r[-1] - r[-3])
                size = max(abs(r[-1]), 1)
                if not (d1 == 0 or (d1 * d1 <= d2 * tol * size and d1 <= b.sqrt(tol) * size)):
                    ok = False
            if ok:
                return res_S[-1], res_U[-1]
    raise solvers.PrecisionError(f"amp threshold: the tanh-sinh quadrature of the state evolution did not "
                                 f"converge at q={b.show(q)} (dps={b.dps}, level {AMP_MAX_LEVEL})")


@lru_cache(maxsize=1)
def _amp_float_maximum():
    """``(q, ratio, lo, hi)``: the float64 maximiser of the state-evolution ratio, its value and
    its grid cell (see :func:`_amp_threshold`), computed once."""
    gen = "phase_retrieval"
    what = "amp threshold (maximum over q of the state-evolution ratio)"

    def f64(q):
        S, U = _amp_moments(F64, q)
        return F64.kernel(gen, "pr_amp_stationarity")(q, S, U)

    grid = np.linspace(0.05, 0.995, 39)
    vals = np.array([float(f64(q)) for q in grid])
    changes = [i for i in range(len(grid) - 1) if vals[i] > 0 >= vals[i + 1]]
    if not changes:
        raise solvers.ConvergenceError(f"{what}: no maximum of the ratio on q in [{grid[0]}, {grid[-1]}]")
    best = None
    for i in changes:
        q64 = solvers.root(F64, f64, grid[i], grid[i + 1], what=what).value
        ratio = float(F64.kernel(gen, "pr_amp_ratio")(q64, _amp_moments(F64, q64)[0]))
        if best is None or ratio > best[1]:
            best = (q64, ratio, float(grid[i]), float(grid[i + 1]))
    return best


def _amp_threshold(b) -> Root:
    """``alpha_AMP = max_q ratio(q)`` (derivations/phase_retrieval.py, ``amp_ratio``): the sign
    changes (+ to -) of ``amp_stationarity`` on a float64 grid of ``q`` (the largest ratio among
    them), that maximiser refined in ``b`` to a bracket of width ``10**-(digits/2 + 3)`` (the ratio
    is stationary there, so its error is squared: below the working precision), and the ratio there.
    Returns the value without a bracket (a maximum, not a sign change in alpha)."""
    gen = "phase_retrieval"
    what = "amp threshold (maximum over q of the state-evolution ratio)"

    def stationarity(bb, cache):
        def f(q):
            S, U = _amp_moments(bb, q)
            cache[q] = S
            return bb.kernel(gen, "pr_amp_stationarity")(q, S, U)
        return f

    best = _amp_float_maximum()
    if b.ctx is None:
        return Root(best[1], None)
    cache = {}
    f = stationarity(b, cache)
    q64, _, lo_lim, hi_lim = best
    num = b.num
    target = b.ctx.mpf(10) ** -(b.dps // 2 + 3)
    half = max(float(target), 2e-14)  # the float64 maximiser is good to about 1e-15
    while True:  # a sign-change bracket around the float64 maximiser, widened until it holds
        lo, hi = num(max(q64 - half, lo_lim)), num(min(q64 + half, hi_lim))
        f_lo, f_hi = f(lo), f(hi)
        if f_lo > 0 >= f_hi:
            break
        if lo <= lo_lim and hi >= hi_lim:
            raise solvers.ConvergenceError(f"{what}: no sign change of the slope around q={q64:.12g} at dps={b.dps}")
        half *= 10
    # shrink it: a secant point c and the pair c -+ eps, eps the larger of a quarter of the target width
    # and 16 times the square of the current width (the secant's error: |f''/f'| is about 10 here)
    for _ in range(60):
        width = hi - lo
        if width <= target:
            break
        c = (lo * f_hi - hi * f_lo) / (f_hi - f_lo)
        eps = max(target / 4, 16 * width * width)
        a, z = max(c - eps, lo), min(c + eps, hi)
        f_a = f_lo if a == lo else f(a)
        f_z = f_hi if z == hi else f(z)
        if f_a > 0 >= f_z:
            lo, f_lo, hi, f_hi = a, f_a, z, f_z
        elif f_a <= 0:
            hi, f_hi = a, f_a
        else:
            lo, f_lo = z, f_z
    else:
        raise solvers.ConvergenceError(f"{what}: the bracket of the maximiser did not shrink to {b.show(target, 3)}")
    # the ratio is stationary at the maximiser: its error at lo is about |ratio''| width**2 / 2
    q, S = lo, cache[lo]
    return Root(b.kernel(gen, "pr_amp_ratio")(q, S), None)


@dataclass(frozen=True)
class InitialCurvature:
    name: str = "initial_curvature"
    summary: str = ("Hessian at a random start (m -> 0) has an outlier below its bulk towards the signal.")
    reference: str = "arXiv:2403.02418 (abstract); derivations/phase_retrieval.py"
    options = {}
    undefined = None

    def accepts(self, model):
        if model.loss == "square":
            return ("kind='initial_curvature' does not apply to the square loss: its curvature l'' = 3 h^2 - y is "
                    "unbounded below at a random start, so the Hessian has no lower bulk edge (its smallest "
                    "eigenvalue diverges with N)")
        if model.noise:
            return ("kind='initial_curvature' needs noiseless labels for the regularised loss: with noise a + y "
                    "can vanish and the curvature has a pole")
        return None

    def solve(self, b, model, **_):
        what = f"initial-curvature threshold ({model!r})"
        laws = {}

        def law_at(bb, d):  # the 2D Gaussian law at m = 0 with the h-integral done exactly
            key = (bb.name, d)
            if key not in laws:
                laws[key] = glm.random_start_law(bb, model, degree=d)
            return laws[key]

        def f_at(bb):
            def f(d, alpha):
                law = law_at(bb, d)
                return glm.edge_residual(law, alpha, glm.edge(law, alpha, +1, what=what + " lower edge"))
            return f

        f = f_at(b)
        f.f64 = f_at(F64)
        return _alpha_root(b, f, what, grid=np.geomspace(0.1, 100.0, 25))


# --- gradient_flow: the marginal states of a zero-temperature 1RSB description --------------------

#: Gauss-Legendre degree of the float64 rules of the 1RSB integrals (a panel: ``3 * 2**(d - 1)`` nodes);
#: the threshold is checked against degree ``GF_DEGREE + 1``.
GF_DEGREE = 3
#: Relative tolerance of the float64 certificate of the ``gradient_flow`` threshold: the threshold of
#: the finer rule, estimated by one secant step, must lie within it.
GF_RTOL = 1e-9
#: The same for ``states="most_numerous"`` (its y is the root of a central difference).
GF_MN_RTOL = 1e-6

_GEN = "phase_retrieval"


@lru_cache(maxsize=64)
def _half_rule(degree: int, fine: float, kinks: tuple = ()):
    """Nodes ``x > 0`` of :func:`numerics.glm.normal_rule` and the weights ``2 w phi(x)``: a rule of
    the standard normal law for integrands even in ``x`` (every integrand of the 1RSB state is even
    in ``h*`` and in ``z``: ``h`` is odd in ``z``, the labels even in ``h*``)."""
    x, w = glm.normal_rule(F64, degree, fine, kinks)
    keep = x > 0
    x, w = x[keep], w[keep]
    return x, 2 * w * np.exp(-x * x / 2) / math.sqrt(2 * math.pi)


def _kappa(model, Y, chi):
    """``kappa`` of the one-sample cubic ``h^3 + (kappa - y) h - kappa z`` (derivations: ``prox_cubic``)."""
    if model.loss == "square":
        return F64.kernel(_GEN, "pr_square_prox_kappa")(chi) + 0 * Y
    return F64.kernel(_GEN, "pr_reg_prox_kappa")(Y, chi, model.a)


def _two_well_onset(model, chi):
    """The label above which the one-sample cost has two minima at ``z = 0`` (``y > kappa``), or None."""
    if model.loss == "square":
        return 1 / chi
    return model.a / (chi - 1) if chi > 1 else None


def prox(model, z, Y, chi):
    """The global minimiser ``h`` of the one-sample cost ``(h - z)^2/(2 chi) + l(h; Y)`` for ``z > 0``
    (odd in ``z``: the loss is even in ``h``): the largest real root of the depressed cubic
    ``h^3 + p h + q``, ``p = kappa - Y``, ``q = -kappa z`` (Cardano where it has one real root, the
    trigonometric form of its largest root where it has three), polished by two Newton steps and
    verified (``ConvergenceError`` if a residual exceeds ``1e-12`` of the cubic's scale).  For
    ``z > 0`` the largest root is the global minimum: the cost is lower at ``|h|`` than at ``-|h|``."""
    kappa = _kappa(model, Y, chi)
    p, q = kappa - Y, -kappa * z
    disc = (q / 2) ** 2 + (p / 3) ** 3
    one = disc >= 0
    sd = np.sqrt(np.where(one, disc, 0.0))
    h1 = np.cbrt(-q / 2 + sd) + np.cbrt(-q / 2 - sd)
    pm = np.where(one, -1.0, p)  # p < 0 where there are three real roots
    arg = np.clip((3 * q / (2 * pm)) * np.sqrt(-3 / pm), -1.0, 1.0)
    h3 = 2 * np.sqrt(-pm / 3) * np.cos(np.arccos(arg) / 3)
    h = np.where(one, h1, h3)
    for _ in range(2):
        h = h - (h**3 + p * h + q) / (3 * h * h + p)
    scale = np.abs(h) ** 3 + np.abs(p * h) + np.abs(q)
    if not np.all(np.abs(h**3 + p * h + q) <= 1e-12 * scale + 1e-300) or not np.all(3 * h * h + p >= -1e-12 * scale):
        raise solvers.ConvergenceError(f"gradient_flow: the one-sample cubic was not solved to 1e-12 (chi={chi:.6g})")
    return h


@dataclass(frozen=True, eq=False)
class OneRSBState:
    """A state of the zero-temperature 1RSB description at ``m = 0``, ``q0 = 0`` (see :class:`GradientFlow`).

    Attributes
    ----------
    alpha, y, chi : float
        The sample ratio, the Parisi parameter times beta, and ``chi = beta (1 - q1)``.
    potential : float
        ``G = Sigma - y e``.
    saddle : float
        The chi saddle ``alpha <l'^2> chi (chi + y) - 1`` (zero on the saddle).
    energy : float
        Energy per coordinate ``e = -dG/dy = alpha <e_chi> - 1/(2 (chi + y))``.
    mean_loss : float
        ``alpha <l(h)>``: equals ``energy`` on the chi saddle (an identity; a check).
    complexity : float
        ``Sigma = G + y e``.
    replicon : float
        ``1 - chi^2 alpha E[(D/(1 + D chi))^2]``: the slope of the Stieltjes inverse at ``s = chi``
        (zero at a marginal state).
    mu : float
        The Lagrange multiplier ``alpha E[l'(h) h]``.
    cavity_residual : float
        ``w(chi) - mu``: zero where ``h(z)`` is continuous (an integration by parts and the chi
        saddle); ``(alpha/chi) E[2 h0 p(0 | h*)]`` where it jumps (``h0`` the jump's half-height).
    mean_D, negative_D : float
        ``E[D]`` and the probability of ``D < 0`` (``D = l''(h; y)``).
    two_well : float
        The probability of the two-well region (``y > kappa`` and ``|z|`` below the spinodal): what
        the global-minimum choice of ``h`` decides without a stability argument.
    law : numerics.glm.Law
        The tilted law of ``(D, g = h*)`` with ``l'(h) h``, on the quarter plane ``h*, z > 0``.
    degree : int
        The Gauss-Legendre degree of the rules.
    gap : float
        The Hessian's lower edge ``w(s_c) - mu`` where a threshold computed it (0 at a marginal
        state, positive at a gapped one); ``nan`` otherwise.
    edge_residual : float
        :func:`numerics.glm.edge_residual` at that edge (negative: an outlier has left the bulk
        towards the signal); ``nan`` where the edge was not computed.
    """

    alpha: float
    y: float
    chi: float
    potential: float
    saddle: float
    energy: float
    mean_loss: float
    complexity: float
    replicon: float
    mu: float
    cavity_residual: float
    mean_D: float
    negative_D: float
    two_well: float
    law: Any = field(repr=False)
    degree: int = GF_DEGREE
    gap: float = math.nan
    edge_residual: float = math.nan


def onersb_state(model, alpha, y, chi, *, degree: int = GF_DEGREE) -> OneRSBState:
    """The 1RSB state at ``(alpha, y, chi)`` (on the chi saddle or not): a 2D Gauss-Legendre rule on
    ``h* > 0`` (graded towards 0 on the scale ``sqrt(a)/8`` for the regularised loss; a panel end at
    the two-well onset ``h* = sqrt(y_c)``) times ``z > 0`` (graded towards the jump of ``h`` at
    ``z = 0``), ``h = prox(z)``, weights ``phi(h*) phi(z) exp(-y e_chi(z)) / Z(h*)``."""
    alpha, y, chi = float(alpha), float(y), float(chi)
    onset = _two_well_onset(model, chi)
    kinks = (math.sqrt(onset),) if onset is not None and onset < 64 else ()
    fine = math.sqrt(model.a) / 8 if model.loss == "regularised" else 1 / 8
    xs, ws = _half_rule(degree, fine, tuple(round(k, 15) for k in kinks))
    zs, wz = _half_rule(degree, 1 / 64)
    HS, Z = xs[:, None], zs[None, :]
    Y = HS * HS
    h = prox(model, Z, Y, chi)
    tag = "square" if model.loss == "square" else "reg"
    args = () if model.loss == "square" else (model.a,)
    l = F64.kernel(_GEN, f"pr_{tag}_loss")(h, Y, *args)
    l1 = F64.kernel(_GEN, f"pr_{tag}_dloss")(h, Y, *args)
    D = F64.kernel(_GEN, f"pr_{tag}_d2loss")(h, Y, *args)
    mult = F64.kernel(_GEN, f"pr_{tag}_mult")(h, Y, *args)
    e = (h - Z) ** 2 / (2 * chi) + l
    e_min = e.min(axis=1, keepdims=True)
    t = wz[None, :] * np.exp(-y * (e - e_min))
    norm = t.sum(axis=1, keepdims=True)
    log_z = -y * e_min[:, 0] + np.log(norm[:, 0])
    P = ws[:, None] * t / norm
    kappa = _kappa(model, Y, chi)
    spin = F64.kernel(_GEN, "pr_spinodal")(np.maximum(Y, kappa), kappa)
    G = float(F64.kernel(_GEN, "pr_1rsb_entropic")(y, chi) + alpha * ws @ log_z)
    L2 = float(np.sum(P * l1 * l1))
    saddle = float(F64.kernel(_GEN, "pr_1rsb_chi_saddle")(alpha, y, chi, L2))
    energy = float(F64.kernel(_GEN, "pr_1rsb_energy")(alpha, y, chi, float(np.sum(P * e))))
    D = np.broadcast_to(D, P.shape).ravel()
    law = glm.Law(F64, P.ravel(), D, np.broadcast_to(HS, P.shape).ravel(), np.asarray(mult).ravel(),
                  max(-1.0, -1 / chi) if model.loss == "regularised" else -1 / chi, math.inf)
    mu = float(glm.multiplier(law, alpha))
    return OneRSBState(alpha, y, chi, G, saddle, energy, float(alpha * np.sum(P * l)), G + y * energy,
                       float(glm.edge_slope(law, alpha, chi)), mu, float(glm.stieltjes_inverse(law, alpha, chi)) - mu,
                       float(law.E(D)), float(law.E(D < 0)), float(np.sum(P * ((Y > kappa) & (Z < spin)))), law,
                       degree)


_CHI_GRID = np.geomspace(1e-3, 1e3, 31)


def chi_saddle(model, alpha, y, *, degree: int = GF_DEGREE, guess=None) -> Root:
    """The chi saddle at ``(alpha, y)``: the sign change of :attr:`OneRSBState.saddle`, bracketed
    around ``guess`` (widened geometrically) or located on a geometric grid of ``chi`` in
    ``[1e-3, 1e3]`` (where it must be unique), then solved by Brent's method."""
    what = f"gradient_flow chi saddle (alpha={float(alpha):.6g}, y={float(y):.6g}, {model!r})"

    def f(c):
        return onersb_state(model, alpha, y, c, degree=degree).saddle

    if guess is not None:
        for width in (1.02, 1.1, 1.5, 3.0):
            lo, hi = guess / width, guess * width
            if (f(lo) > 0) != (f(hi) > 0):
                return solvers.root(F64, f, lo, hi, what=what)
    vals = np.array([f(c) for c in _CHI_GRID])
    changes = np.nonzero(np.sign(vals[:-1]) != np.sign(vals[1:]))[0]
    if changes.size != 1:
        raise solvers.ConvergenceError(f"{what}: {changes.size} sign changes of the saddle on chi in [1e-3, 1e3]")
    i = changes[0]
    return solvers.root(F64, f, _CHI_GRID[i], _CHI_GRID[i + 1], what=what)


_Y_GRID = np.geomspace(1e-3, 1e2, 26)


def _on_saddle(model, alpha, y, memo, degree=GF_DEGREE) -> OneRSBState:
    """The state at ``(alpha, y)`` on its chi saddle (Brent, bracketed around the last chi in ``memo``)."""
    c = chi_saddle(model, alpha, y, degree=degree, guess=memo.get("chi")).value
    memo["chi"] = c
    return onersb_state(model, alpha, y, c, degree=degree)


def marginal_state(model, alpha, *, degree: int = GF_DEGREE, guess=None) -> OneRSBState:
    """The marginal state at ``alpha``: the ``y`` (and its chi saddle) at which the lower edge of the
    Hessian touches 0.

    Where ``h(z)`` is continuous the cavity identity ``w(chi) = mu`` holds, so the edge
    ``w(s_c) - mu >= w(chi) - mu = 0`` (``w`` rises to its maximum at ``s_c``) with equality iff
    ``s_c = chi``: the edge touches 0, without a sign change, where the replicon (the slope of ``w``
    at ``chi``) vanishes.  So ``y`` is the root of :attr:`OneRSBState.replicon` (negative below,
    positive above; the edge is above 0 on both sides), bracketed around ``guess`` or on a geometric grid of
    ``y`` in ``[1e-3, 100]`` (the first sign change from - to +), and the edge is then verified by
    :func:`numerics.glm.edge` (at ``s_c = chi`` and 0 to ``1e-9``).  Where ``h(z)`` jumps (``chi >= 1``
    for the regularised loss; always for the square loss) the edge is at least
    ``cavity_residual > 0``: no state is marginal (``ValueError``)."""
    what = f"gradient_flow marginal y (alpha={float(alpha):.6g}, {model!r})"
    chis = {}

    def state(y):
        return _on_saddle(model, alpha, y, chis, degree)

    def f(y):
        return state(y).replicon

    found = None
    if guess is not None:
        for width in (1.02, 1.1, 1.5):
            lo, hi = guess / width, guess * width
            if f(lo) < 0 <= f(hi):
                found = solvers.root(F64, f, lo, hi, what=what)
                break
    if found is None:
        chis.clear()
        vals = []
        for yy in _Y_GRID:
            vals.append(f(yy))
            if len(vals) > 1 and vals[-2] < 0 <= vals[-1]:
                break
        else:
            raise ValueError(f"{what}: no y in [1e-3, 100] makes the state marginal (the replicon at chi has no "
                             f"sign change from - to +)")
        i = len(vals) - 1
        chis.clear()
        found = solvers.root(F64, f, _Y_GRID[i - 1], _Y_GRID[i], what=what)
    return _check_marginal(model, state(found.value), what)


def gradient_flow_state(model):
    """``(alpha, state, error)``: the ``gradient_flow`` threshold of the 1RSB ansatz whatever the sign of
    its complexity, the marginal :class:`OneRSBState` there (``y``, ``chi``, ``energy``, ``complexity``,
    ``cavity_residual``, ...) and the estimated quadrature error of alpha (cached per model)."""
    reason = GradientFlow().accepts(model)
    if reason is not None:
        raise ValueError(reason)
    value, _, st, error = _gf_threshold(model)
    return value, st, error


#: Relative step of the central difference of the energy in ``y`` that locates the most numerous
#: states (``Sigma'(y) = y e'(y)`` on the chi saddle).
_MN_DY = 1e-4


def most_numerous_state(model, alpha, *, degree: int = GF_DEGREE, guess=None) -> OneRSBState:
    """The most numerous states at ``alpha``: the ``y`` (and its chi saddle) of largest complexity.

    On the chi saddle ``dG/dy = -e`` (the saddle is stationary in chi), so ``Sigma = G + y e`` has
    ``Sigma'(y) = y e'(y)``: the complexity is largest where the energy ``e(y)`` is, the root of
    ``e(y (1 + d)) - e(y (1 - d))`` (``d`` = :data:`_MN_DY`) changing sign from + to -, bracketed
    around ``guess`` or on a geometric grid of ``y`` in ``[1e-3, 100]`` and solved by Brent's method
    to ``1e-10`` relative (the complexity is flat there).  The state's lower edge is computed once (:attr:`OneRSBState.gap`, :attr:`OneRSBState.edge_residual`)."""
    what = f"gradient_flow most numerous y (alpha={float(alpha):.6g}, {model!r})"
    memo = {}

    def f(y):
        return (_on_saddle(model, alpha, y * (1 + _MN_DY), memo, degree).energy
                - _on_saddle(model, alpha, y * (1 - _MN_DY), memo, degree).energy)

    found = None
    if guess is not None:
        lo, hi = guess / 1.3, guess * 1.3
        if f(lo) > 0 > f(hi):
            found = solvers.brent(f, lo, hi, what=what, xtol=1e-14, rtol=1e-10)
    if found is None:
        memo.clear()
        prev = None
        for y in _Y_GRID:
            v = f(y)
            if prev is not None and prev[1] > 0 >= v:
                found = solvers.brent(f, prev[0], y, what=what, xtol=1e-14, rtol=1e-10)
                break
            prev = (y, v)
        else:
            raise solvers.ConvergenceError(f"{what}: the energy has no maximum in y on [1e-3, 100]")
    st = _on_saddle(model, alpha, found.value, memo, degree)
    e = glm.edge(st.law, st.alpha, +1, what=what + " lower edge")
    return replace(st, gap=float(e.value) - st.mu, edge_residual=float(glm.edge_residual(st.law, st.alpha, e)))


@lru_cache(maxsize=8)
def _mn_threshold(model):
    """``(alpha, bracket, state, error)`` of :class:`GradientFlow` with ``states="most_numerous"``
    (cached per model).

    Locate: the most numerous state on the grid :data:`_GF_ALPHAS` from :data:`_GF_START`, walking
    until the edge residual changes sign.  Solve: Brent's method on the residual as a function of
    alpha (each evaluation a certified most numerous state, continued from the last ``y``) to
    ``1e-11`` relative, then verified by the sign change across ``alpha (1 -+ 1e-8)``.  The
    quadrature error: the residual of the next degree at the root over the residual's slope across
    the bracket of the grid, at most :data:`GF_MN_RTOL` relative."""
    what = f"gradient_flow threshold, most numerous states ({model!r})"
    memo = {}

    def residual(alpha, degree=GF_DEGREE):
        st = most_numerous_state(model, alpha, degree=degree, guess=memo.get("y"))
        memo["y"] = st.y
        return st.edge_residual

    grid = _GF_ALPHAS
    i = grid.index(_GF_START)
    r = residual(grid[i])
    step = 1 if r > 0 else -1
    prev = (grid[i], r)
    while True:
        i += step
        if not 0 <= i < len(grid):
            raise solvers.ConvergenceError(f"{what}: no sign change of the edge residual on alpha in "
                                           f"[{grid[0]}, {grid[-1]}]")
        r = residual(grid[i])
        if (r > 0) != (prev[1] > 0):
            break
        prev = (grid[i], r)
    (a0, r0), (a1, r1) = sorted([prev, (grid[i], r)])
    value = solvers.brent(residual, a0, a1, what=what, xtol=1e-12, rtol=1e-11).value
    lo, hi = value * (1 - 1e-8), value * (1 + 1e-8)
    if not residual(lo) > 0 >= residual(hi):
        raise solvers.ConvergenceError(f"{what}: no sign change of the edge residual across alpha={value:.12g} "
                                       f"(1 -+ 1e-8)")
    st = most_numerous_state(model, value, guess=memo.get("y"))
    fine = most_numerous_state(model, value, degree=GF_DEGREE + 1, guess=st.y).edge_residual
    error = abs(fine * (a1 - a0) / (r1 - r0))
    if not error <= GF_MN_RTOL * value:
        raise solvers.PrecisionError(f"{what}: the next quadrature degree moves the threshold by {error:.3g} "
                                     f"(> {GF_MN_RTOL:g} relative)")
    return value, (lo, hi), st, error


@dataclass(frozen=True)
class GradientFlowRoot(Root):
    """The threshold with the marginal state there (``at``) and the error estimate of the certificate."""

    error: float = math.nan


@dataclass(frozen=True)
class GradientFlow:
    """``gradient_flow``: the BBP instability of the states that trap gradient flow.

    Ansatz (docs/phase_retrieval.md, "The gradient_flow kind: a 1RSB ansatz").  The states are
    described at zero temperature by one step of replica-symmetry breaking with ``q1 -> 1``
    (``chi = beta (1 - q1)`` fixed), Parisi parameter ``m -> 0`` (``y = beta m`` fixed), overlap
    ``m = 0`` with the signal and ``q0 = 0`` between states.  The potential
    ``G(y, chi) = (1/2) log(1 + y/chi) + alpha E_{h*} log E_z exp(-y e_chi(z; h*^2)) = Sigma - y e``,
    ``e_chi`` the one-sample cost at its global minimum ``h = prox(z)``, ``z ~ N(0, 1)``, is
    extremised in chi (``1/(chi (chi + y)) = alpha <l'^2>``); a state's law of ``(h, h*)`` is
    ``h* ~ N(0, 1)``, ``z | h*`` tilted by ``exp(-y e_chi)``, ``h = prox(z)``, and its Hessian is the
    weighted Wishart matrix of :mod:`numerics.glm` with ``D = l''(h)``.  ``y`` selects the states:

    - ``states="most_numerous"`` (the default): the states of largest complexity (``Sigma'(y) =
      y e'(y) = 0``), the threshold energy of the spherical p-spin picture, where descents stall.
      Their complexity is positive; their 1RSB replicon is **negative** (about -0.4 for both losses:
      the one-step description is unstable there, the states' true description breaks the symmetry
      further), and their Hessian edge sits a little above 0 (:attr:`OneRSBState.gap`, 0.13 for the
      regularised loss, bulk width about 50; 0.4 for the square loss).  The threshold is the
      smallest alpha at which an outlier leaves the lower edge towards the signal
      (:func:`numerics.glm.edge_residual` < 0), the edge taken as the marginal edge of the states
      the further breaking would describe.  Measured against the traps of finite-N descents (the
      same residual on their empirical law at ``N = 800``): 4.10 against 4.1 (regularised,
      ``a = 0.01``), 13.0 against 12.1 (square).
    - ``states="marginal"``: the states whose 1RSB Hessian edge touches 0 (the replicon at chi
      vanishes).  Their complexity is **negative** for the regularised loss (-0.019 at
      ``a = 0.01``), so by default the kind raises a ``ValueError`` saying so
      (``check_complexity=False`` returns the threshold, 4.436); the square loss has none:
      ``h(z)`` jumps at ``z = 0`` for every label above ``1/chi``, and the edge is then at least
      ``w(chi) - mu_L = (alpha/chi) E[2 h0 p(0|h*)] > 0``.

    Checks (each in :class:`OneRSBState`, tested): the complexity ``Sigma`` (must be ``>= 0``;
    ``check_complexity=False`` skips the refusal); the cavity identity ``w(chi) = mu_L`` (exact where
    ``h`` is continuous); the fraction of samples in the two-well region.

    float64 only: the chi saddle, the state's y and the alpha of the outlier are each bracketed and
    verified by a sign change; the next quadrature degree must move the threshold by at most
    :data:`GF_RTOL` (marginal) or :data:`GF_MN_RTOL` (most numerous) relative.  Cost: about 5 s
    (marginal), 30 to 90 s (most numerous), cached per model.

    Examples
    --------
    >>> import theory
    >>> theory.threshold(model=theory.PhaseRetrieval("square"), kind="gradient_flow", states="marginal")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
        ...
    ValueError: kind='gradient_flow' with states='marginal' has no marginal state for the square loss in its 1RSB ansatz: ...
    """

    name: str = "gradient_flow"
    summary: str = ("BBP of the states that trap gradient flow (zero-temperature 1RSB; by default the most "
                    "numerous states, or the marginal ones)")
    reference: str = "arXiv:2006.06997 (abstract); derivations/phase_retrieval.py (onersb_potential)"
    options = {"check_complexity": True, "states": "most_numerous"}
    undefined = None
    float_only = ("the 1RSB state is a 2D integral of the global minimiser of a cubic, certified in float64 only "
                  "(a root and a quadrature check at the next degree)")

    def accepts(self, model):
        if model.noise:
            return ("kind='gradient_flow' needs noiseless labels for the regularised loss: with noise a + y can "
                    "vanish and the curvature has a pole") if model.loss == "regularised" else (
                    "kind='gradient_flow' needs noiseless labels: its 1RSB states are derived for y = h*^2")
        return None

    def solve(self, b, model, check_complexity=True, states="most_numerous", **_):
        if b.ctx is not None:
            raise ValueError(f"dps: kind='gradient_flow' is float64 only: {self.float_only}")
        if not isinstance(check_complexity, bool):
            raise ValueError(f"check_complexity must be True or False, got {check_complexity!r}")
        if states not in ("most_numerous", "marginal"):
            raise ValueError(f"states must be 'most_numerous' or 'marginal', got {states!r}")
        if states == "marginal" and model.loss == "square":
            raise ValueError("kind='gradient_flow' with states='marginal' has no marginal state for the square loss "
                             "in its 1RSB ansatz: the one-sample minimiser h(z) jumps at z = 0 for every label "
                             "y > 1/chi, which makes the Hessian's lower edge at least w(chi) - mu_L = "
                             "(alpha/chi) E[2 h0 p(0|h*)] > 0 at every y (docs/phase_retrieval.md); "
                             "states='most_numerous' (the default) applies")
        value, bracket, st, error = (_gf_threshold if states == "marginal" else _mn_threshold)(model)
        if check_complexity and st.complexity < 0:
            raise ValueError(
                f"kind='gradient_flow': the {states.replace('_', ' ')} states of the 1RSB ansatz have negative "
                f"complexity (Sigma = {st.complexity:.4g} at alpha = {value:.6g}, y = {st.y:.4g}, chi = {st.chi:.4g}) "
                f"for {model!r}: they are exponentially rare, so the ansatz is not the whole story "
                f"(docs/phase_retrieval.md); pass check_complexity=False (CLI: --allow-negative-complexity) for the "
                f"ansatz's value anyway")
        return GradientFlowRoot(value, bracket, None, F64, st, error)


#: The grid of alpha on which the threshold is located, walking from :data:`_GF_START`.
_GF_ALPHAS = (1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 5.0, 6.0, 8.0, 11.0, 16.0, 23.0, 32.0)
_GF_START = 4.0


def _newton(F, u, what: str, *, tol: float = 1e-13, max_steps: int = 40):
    """Newton's method on ``F(u) = 0`` (a small system) with a forward-difference Jacobian and halved
    steps while ``|F|`` does not decrease; ``ConvergenceError`` if ``max |F|`` stays above ``tol``.
    Only a fast way to the neighbourhood of a root: the roots it returns are then bracketed."""
    u = np.asarray(u, dtype=float)
    f = np.asarray(F(u), dtype=float)
    for _ in range(max_steps):
        if np.max(np.abs(f)) <= tol:
            return u
        J = _jacobian(F, u, f)
        try:
            step = np.linalg.solve(J, -f)
        except np.linalg.LinAlgError:
            break
        lam = 1.0
        while lam > 1e-4:
            v = u + lam * step
            try:
                g = np.asarray(F(v), dtype=float)
            except (solvers.ConvergenceError, FloatingPointError):
                g = np.array([np.inf])
            if np.all(np.isfinite(g)) and np.max(np.abs(g)) < np.max(np.abs(f)):
                u, f = v, g
                break
            lam /= 2
        else:
            break
    raise solvers.ConvergenceError(f"{what}: Newton's method did not reach |F| <= {tol:g} (|F| = {np.max(np.abs(f)):.3g})")


def _jacobian(F, u, f):
    J = np.empty((len(f), u.size))
    for j in range(u.size):
        du = 1e-7 * max(1.0, abs(u[j]))
        v = u.copy()
        v[j] += du
        J[:, j] = (np.asarray(F(v), dtype=float) - f) / du
    return J


def _newton_step(F, u):
    """One Newton step of ``F`` from ``u`` (forward-difference Jacobian)."""
    u = np.asarray(u, dtype=float)
    f = np.asarray(F(u), dtype=float)
    return np.linalg.solve(_jacobian(F, u, f), -f)


def _marginal_near(model, alpha, y, chi, *, degree: int = GF_DEGREE) -> OneRSBState:
    """The marginal state at ``alpha`` by Newton's method on (chi saddle, replicon) in ``(log chi, log y)``
    from a nearby ``(y, chi)``, then certified: the chi saddle changes sign across ``chi (1 -+ 1e-9)``
    and the replicon across ``y (1 -+ 1e-8)`` (chi re-solved there by Brent), and the edge checked as
    in :func:`marginal_state`."""
    what = f"gradient_flow marginal state (alpha={float(alpha):.9g}, {model!r})"

    def F(u):
        st = onersb_state(model, alpha, math.exp(u[1]), math.exp(u[0]), degree=degree)
        return st.saddle, st.replicon

    u = _newton(F, [math.log(chi), math.log(y)], what)
    chi, y = math.exp(u[0]), math.exp(u[1])
    lo, hi = (onersb_state(model, alpha, y, chi * (1 + d), degree=degree).saddle for d in (-1e-9, 1e-9))
    if (lo > 0) == (hi > 0):
        raise solvers.ConvergenceError(f"{what}: no sign change of the chi saddle across chi={chi:.12g} (1 -+ 1e-9)")
    lo, hi = (onersb_state(model, alpha, v, chi_saddle(model, alpha, v, degree=degree, guess=chi).value,
                           degree=degree).replicon for v in (y * (1 - 1e-8), y * (1 + 1e-8)))
    if not lo < 0 < hi:
        raise solvers.ConvergenceError(f"{what}: no sign change (- to +) of the replicon across y={y:.12g} (1 -+ 1e-8)")
    return _check_marginal(model, onersb_state(model, alpha, y, chi, degree=degree), what)


def _check_marginal(model, st: OneRSBState, what: str) -> OneRSBState:
    if model.loss == "square" or st.chi >= 1 or abs(st.cavity_residual) > 1e-9 * max(1.0, abs(st.mu)):
        raise ValueError(f"{what}: h(z) jumps at this state (chi={st.chi:.6g}, w(chi) - mu = "
                         f"{st.cavity_residual:.3g} > 0), so its Hessian edge is above 0: no marginal state")
    e = glm.edge(st.law, st.alpha, +1, what=what + " lower edge")
    if e.hard or abs(float(e.s) - st.chi) > 1e-6 * st.chi or abs(float(e.value) - st.mu) > 1e-9 * max(1.0, abs(st.mu)):
        raise solvers.ConvergenceError(f"{what}: the lower edge at the marginal y is not at 0 (s_c={float(e.s):.9g}, "
                                       f"chi={st.chi:.9g}, edge={float(e.value) - st.mu:.3g})")
    return replace(st, gap=float(e.value) - st.mu, edge_residual=float(glm.edge_residual(st.law, st.alpha, e)))


def _outlier_residual(st: OneRSBState) -> float:
    """:func:`numerics.glm.outlier_residual` at the edge of a marginal state (``s_c = chi``)."""
    return float(glm.outlier_residual(st.law, st.alpha, st.chi))


@lru_cache(maxsize=8)
def _gf_threshold(model):
    """``(alpha, bracket, state, error)`` of :class:`GradientFlow` (cached per model).

    Locate: the marginal state on the grid :data:`_GF_ALPHAS` (the first by :func:`marginal_state`,
    the next by continuation), until the outlier residual turns non-positive.  Solve: Newton's method
    on (chi saddle, replicon, outlier residual at ``s = chi``) in ``(log chi, log y, alpha)``.
    Certify: the residual changes sign across ``alpha (1 -+ 1e-9)`` (each a certified marginal state,
    :func:`_marginal_near`), and one Newton step on the next quadrature degree moves alpha by
    ``error`` (at most :data:`GF_RTOL` relative)."""
    what = f"gradient_flow threshold ({model!r})"
    grid = _GF_ALPHAS
    i = grid.index(_GF_START)
    st = marginal_state(model, grid[i])
    r = _outlier_residual(st)
    step = 1 if r > 0 else -1  # walk up to the first outlier, or down to the last state without one
    prev = (grid[i], st, r)
    while True:
        i += step
        if not 0 <= i < len(grid):
            raise solvers.ConvergenceError(f"{what}: no sign change of the outlier residual at the marginal state on "
                                           f"alpha in [{grid[0]}, {grid[-1]}]")
        try:
            st = _marginal_near(model, grid[i], prev[1].y, prev[1].chi)
        except ValueError as exc:  # going down: the marginal states end (h(z) jumps) before the outlier does
            raise ValueError(f"{what}: the marginal state has an outlier wherever it exists down to alpha = "
                             f"{prev[0]}: {exc}") from exc
        r = _outlier_residual(st)
        if (r > 0) != (prev[2] > 0):
            break
        prev = (grid[i], st, r)
    if step < 0:
        prev, (alpha, st, r) = (grid[i], st, r), prev
    else:
        alpha = grid[i]
    a0, s0, r0 = prev
    t = r0 / (r0 - r)  # linear interpolation of the start
    start = [math.log(s0.chi) + t * (math.log(st.chi) - math.log(s0.chi)), math.log(s0.y) + t * (math.log(st.y) -
             math.log(s0.y)), a0 + t * (alpha - a0)]

    def F(u, degree=GF_DEGREE):
        s = onersb_state(model, u[2], math.exp(u[1]), math.exp(u[0]), degree=degree)
        return s.saddle, s.replicon, _outlier_residual(s)

    u = _newton(F, start, what)
    value = float(u[2])
    lo, hi = value * (1 - 1e-9), value * (1 + 1e-9)
    s_lo = _marginal_near(model, lo, math.exp(u[1]), math.exp(u[0]))
    s_hi = _marginal_near(model, hi, math.exp(u[1]), math.exp(u[0]))
    if not _outlier_residual(s_lo) > 0 >= _outlier_residual(s_hi):
        raise solvers.ConvergenceError(f"{what}: no sign change of the outlier residual across alpha={value:.12g} "
                                       f"(1 -+ 1e-9)")
    st = _marginal_near(model, value, math.exp(u[1]), math.exp(u[0]))
    error = abs(_newton_step(lambda v: F(v, GF_DEGREE + 1), u)[2])  # one step on the finer rule
    if not error <= GF_RTOL * value:
        raise solvers.PrecisionError(f"{what}: the next quadrature degree moves the threshold by {error:.3g} "
                                     f"(> {GF_RTOL:g} relative)")
    return value, (lo, hi), st, error


#: The catalogue of the family's kinds, in the documented order.
LINES = (Spectral(), WeakRecovery(), Amp(), InformationTheoretic(), InitialCurvature(), GradientFlow())
