"""Weighted Wishart spectra of a generalized linear model, written once for both backends.

The random-matrix core of derivations/phase_retrieval.py: for
``B = (1/N) sum_mu D_mu a_mu a_mu^T`` (``M = alpha N`` Gaussian vectors) with weights ``D``
that depend on the pre-activations ``(h, h*)`` (and the label noise), and ``g`` the component
of ``a`` along the signal direction of the tangent space,

* the inverse Stieltjes transform ``w(s) = -1/s + alpha E[D/(1 + D s)]``;
* the edges: the first zero of ``1 - s^2 alpha E[D^2/(1 + D s)^2]`` moving away from
  ``s = 0`` (``s > 0``: lower edge; ``s < 0``: upper edge), or the hard edge at
  ``s = -1/inf D`` (``-1/sup D``) when there is none before it;
* the outlier along the signal: a zero of ``1 - s alpha E[D (1 - g^2)/(1 + D s)]`` between
  ``0`` and the edge (it exists iff that function is negative at the edge), at ``w(s)``;
* the squared overlap of its eigenvector with the signal,
  ``(1 - s^2 alpha E[D^2/(1+Ds)^2]) / (1 - s^2 alpha E[D^2 (1-g^2)/(1+Ds)^2])``.

Every function takes a backend (:mod:`numerics.backend`) and a :class:`Law`: a quadrature rule
(or an empirical sample) of the law of ``(D, g)`` with the Lagrange-multiplier integrand
``l'(h) h``.  Roots go through :mod:`numerics.solvers`; brackets are located on a float64 grid
of the float twin of the law (``Law.f64``) and solved in the law's backend.

Quadrature: ``(h, h*)`` is bivariate Gaussian with correlation ``m``; each coordinate is
integrated by composite Gauss-Legendre rules on panels graded geometrically towards 0 (the
regularised loss varies on the scale ``sqrt(a)`` there, which Gauss-Hermite nodes do not
resolve), truncated where the Gaussian tail is below the working precision, with the exact
bivariate density as weight.  Label noise adds a third (unit-panel) coordinate.  The accuracy
of a rule is certified by comparing two orders (:func:`certified_rule_order`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Any, Callable

import numpy as np

from numerics import solvers
from numerics.backend import F64, Backend

__all__ = ["Law", "RandomStartLaw", "random_start_law", "Edge", "Spectrum", "gaussian_law", "sample_law", "label_law", "normal_rule",
           "stieltjes_inverse", "edge_slope", "outlier_residual", "overlap_at", "edge", "outlier",
           "spectrum", "multiplier"]


# --- quadrature rules ----------------------------------------------------------------------------

def _gl_nodes(b: Backend, degree: int):
    """Gauss-Legendre nodes and weights on [-1, 1]: ``3 * 2**(degree - 1)`` points."""
    if b.ctx is None:
        return np.polynomial.legendre.leggauss(3 * 2 ** (degree - 1))
    from mpmath.calculus.quadrature import GaussLegendre

    pairs = GaussLegendre(b.ctx).calc_nodes(degree, b.ctx.prec)
    x = np.array([p[0] for p in pairs], dtype=object)
    w = np.array([p[1] for p in pairs], dtype=object)
    order = np.argsort(np.array([float(v) for v in x]))
    return x[order], w[order]


def _tail(b: Backend) -> int:
    """Half-width of the truncated Gaussian: the tail ``exp(-L^2/2)`` below the precision."""
    digits = 17 if b.ctx is None else b.dps + 5
    return int(math.ceil(math.sqrt(2 * math.log(10) * digits))) + 1


def normal_rule(b: Backend, degree: int = 3, fine: float | None = None, kinks=()):
    """A Lebesgue rule ``(x, w)`` on ``[-L, L]`` for integrands times a Gaussian: unit panels,
    panels graded by halves from 1 down to ``fine`` around 0 (none if ``fine`` is None), and
    panel ends at ``+-k`` for each ``k`` of ``kinks`` (where the integrand has a kink)."""
    L = _tail(b)
    breaks = [float(k) for k in range(1, L + 1)]
    for k in kinks:  # graded by halves towards each kink, down to 2**-14
        breaks += [k + side * 2.0**-j for j in range(1, 15) for side in (-1, 1) if 0 < k + side * 2.0**-j < L]
        breaks += [float(k)] if 0 < k < L else []
    if fine is not None:
        x = 0.5
        while x > fine:
            breaks.append(x)
            x /= 2
        breaks.append(x)
    pos = sorted(set(breaks))
    edges = [-v for v in reversed(pos)] + [0.0] + pos
    x0, w0 = _gl_nodes(b, degree)
    xs, ws = [], []
    for lo, hi in zip(edges[:-1], edges[1:]):
        lo_b, hi_b = b.from_exact(lo), b.from_exact(hi)
        half, mid = (hi_b - lo_b) / 2, (hi_b + lo_b) / 2
        xs.append(mid + half * x0)
        ws.append(half * w0)
    return np.concatenate(xs), np.concatenate(ws)


# --- the law of the weights ----------------------------------------------------------------------

@dataclass(frozen=True, eq=False)
class Law:
    """A discrete law of ``(D, g)`` (a quadrature rule or an empirical sample) in a backend.

    Attributes
    ----------
    backend : Backend
    w : array
        Probability weights (sum 1 up to the rule's error).
    D : array
        The Hessian weights ``l''(h; y)`` (or the preprocessing ``T(y)``).
    g : array
        Component of the sensing vector along the signal direction of the tangent space.
    mult : array or None
        ``l'(h) h`` (the multiplier is ``alpha E[mult]``); None for a spectral method.
    inf, sup : number
        ``inf D`` and ``sup D`` of the law being represented (may be infinite).
    resolvent : callable, optional
        ``s -> D/(1 + D s)`` in a regular form (for a preprocessing with a removable pole).
    f64 : Law or None
        The float64 twin, used to locate brackets (None when the law is float64 itself).
    """

    backend: Any
    w: Any
    D: Any
    g: Any
    mult: Any = None
    inf: Any = -math.inf
    sup: Any = math.inf
    resolvent: Callable | None = None
    f64: Any = None

    @property
    def scan(self) -> "Law":
        return self if self.f64 is None else self.f64

    def E(self, values):
        """The expectation of an array of values at the nodes."""
        return self.backend.dot(self.w, values)

    def r(self, s):
        """``D/(1 + D s)`` at the nodes."""
        if self.resolvent is not None:
            return self.resolvent(s)
        return self.D / (1 + self.D * s)

    def moments(self, s):
        """``(r1, r2)`` at the nodes with ``E[r f(g)] = E[r1 f(g)]`` and ``E[r^2 f(g)] = E[r2 f(g)]``
        (``r = D/(1 + D s)``): ``(r, r^2)`` here; a law that integrates part of the randomness in
        closed form returns its conditional moments."""
        r = self.r(s)
        return r, r * r


@dataclass(frozen=True, eq=False)
class RandomStartLaw(Law):
    """The regularised loss at ``m = 0``: nodes in ``h*`` only, the ``h``-integral of ``r`` and
    ``r^2`` in closed form (derivations/phase_retrieval.py, ``random_start_moments``)."""

    a_exact: Any = None
    y: Any = None

    def moments(self, s):
        b = self.backend
        z = b.kernel("phase_retrieval", "pr_rs_z")(self.y, s, self.a_exact)
        X = b.erfcx(z)
        return (b.kernel("phase_retrieval", "pr_rs_m1")(self.y, s, self.a_exact, X),
                b.kernel("phase_retrieval", "pr_rs_m2")(self.y, s, self.a_exact, X))


def random_start_law(b: Backend, model, *, degree: int = 3) -> RandomStartLaw:
    """:func:`gaussian_law` at ``m = 0`` for the regularised, noiseless loss, as a one-dimensional
    rule in ``h*`` with the ``h``-integral done exactly (for ``0 < s < 1``: the lower side).
    ``mult`` is not available (the multiplier needs the 2D rule)."""
    if model.loss != "regularised" or model.noise:
        raise ValueError("random_start_law: the regularised loss with noiseless labels only")
    x, w = normal_rule(b, degree, math.sqrt(model.a) / 8)
    w = w * b.exp(-x * x / 2) / b.sqrt(2 * b.pi)
    twin = None if b.ctx is None else random_start_law(F64, model, degree=degree)
    return RandomStartLaw(b, w, None, x, None, -1.0, math.inf, None, twin, b.from_exact(model.a), x * x)


def _bivariate_weights(b, hx, wx, hy, wy, m):
    """Weights of the 2D rule for ``(h, h*)`` standard bivariate Gaussian with correlation m."""
    H, HS = hx[:, None], hy[None, :]
    one = b.num(1)
    det = one - m * m
    quad = (H * H - 2 * m * H * HS + HS * HS) / (2 * det)
    dens = b.exp(-quad) / (2 * b.pi * b.sqrt(det))
    return H, HS, (wx[:, None] * wy[None, :]) * dens


def _loss_weights(b: Backend, model, h, y):
    """``(D, mult)``: ``l''(h; y)`` and ``l'(h) h`` from the generated kernels."""
    if model.loss == "square":
        return (b.kernel("phase_retrieval", "pr_square_d2loss")(h, y),
                b.kernel("phase_retrieval", "pr_square_mult")(h, y))
    a = b.from_exact(model.a)
    return (b.kernel("phase_retrieval", "pr_reg_d2loss")(h, y, a),
            b.kernel("phase_retrieval", "pr_reg_mult")(h, y, a))


def _weight_bounds(model):
    """``(inf D, sup D)`` over the law of the model's weights (h, h* Gaussian, any m)."""
    if model.loss == "square":
        return -math.inf, math.inf  # 3 h^2 - y is unbounded on both sides
    if model.noise:
        return -math.inf, math.inf  # y may be negative, down to -a: the weight has a pole
    return -1.0, math.inf  # (3 h^2 - y)/(a + y) > -1, unbounded above as y -> 0


def gaussian_law(b: Backend, model, m=0, *, degree: int = 3) -> Law:
    """The law of the weights at a random point of overlap ``m``: ``(h, h*)`` bivariate
    Gaussian with correlation ``m``, ``y = h*^2`` (plus noise), ``g = (h* - m h)/sqrt(1 - m^2)``.

    ``degree`` sets the nodes per panel (``3 * 2**(degree - 1)``)."""
    mm = b.from_exact(m) if not isinstance(m, (float, int)) or b.ctx is not None else float(m)
    fine = math.sqrt(model.a) / 8 if model.loss == "regularised" else 1 / 8
    x, w = normal_rule(b, degree, fine)
    H, HS, W = _bivariate_weights(b, x, w, x, w, mm)
    H, HS = np.broadcast_arrays(H, HS)
    Y = HS * HS
    if model.noise:
        z, wz = normal_rule(b, max(degree - 1, 1))
        wz = wz * b.exp(-z * z / 2) / b.sqrt(2 * b.pi)
        Y = Y[..., None] + b.sqrt(b.from_exact(model.noise)) * z
        H, HS = H[..., None] + 0 * z, HS[..., None] + 0 * z
        W = W[..., None] * wz
    G = (HS - mm * H) / b.sqrt(1 - mm * mm)
    D, mult = _loss_weights(b, model, H, Y)
    inf, sup = _weight_bounds(model)
    twin = None if b.ctx is None else gaussian_law(F64, model, float(mm), degree=degree)
    return Law(b, W.ravel(), np.asarray(D).ravel(), G.ravel(), np.asarray(mult).ravel(), inf, sup, None, twin)


def sample_law(b: Backend, model, h, h_star, y=None, m=None) -> Law:
    """The empirical law of a sample of ``(h, h*)`` (e.g. at the end of a descent).

    ``m`` (the overlap defining the tangent signal direction) defaults to the sample mean of
    ``h h*``; ``y`` to the noiseless labels ``h*^2``."""
    h = np.asarray(h, dtype=np.float64).ravel()
    hs = np.asarray(h_star, dtype=np.float64).ravel()
    y = hs * hs if y is None else np.asarray(y, dtype=np.float64).ravel()
    mm = float(np.mean(h * hs)) if m is None else float(m)
    arrays = [b.array(v) for v in (h, hs, y)]
    H, HS, Y = arrays
    mb = b.num(mm)
    G = (HS - mb * H) / b.sqrt(1 - mb * mb)
    D, mult = _loss_weights(b, model, H, Y)
    D, mult = np.asarray(D), np.asarray(mult)
    w = b.array(np.full(h.shape, 1.0 / h.size)) if b.ctx is None else np.full(h.shape, 1 / b.num(h.size), dtype=object)
    dmin, dmax = D.min(), D.max()
    twin = None if b.ctx is None else sample_law(F64, model, h, hs, y, mm)
    return Law(b, w, D, G, mult, dmin, dmax, None, twin)


def label_law(b: Backend, T, noise=0, *, degree: int = 4, sup=None, resolvent=None) -> Law:
    """The law of ``(T(y), h*)`` for a spectral method ``(1/N) sum T(y) a a^T``, ``g = h*``.

    ``T`` maps an array of labels (in the backend) to an array of weights; ``sup`` is
    ``sup T`` (from a fine grid when None); ``resolvent(law, s)`` an optional regular form of
    ``T/(1 + T s)``."""
    x, w = normal_rule(b, degree, 1 / 64)
    w = w * b.exp(-x * x / 2) / b.sqrt(2 * b.pi)
    HS, W = x, w
    Y = HS * HS
    if noise:
        z, wz = normal_rule(b, degree)
        wz = wz * b.exp(-z * z / 2) / b.sqrt(2 * b.pi)
        Y = Y[:, None] + b.sqrt(b.from_exact(noise)) * z[None, :]
        HS = HS[:, None] + 0 * z[None, :]
        W = W[:, None] * wz[None, :]
        HS, Y, W = HS.ravel(), Y.ravel(), W.ravel()
    D = T(Y)
    D = np.asarray(D) if not np.isscalar(D) else np.full(Y.shape, D)
    if sup is None:
        grid = np.concatenate([np.linspace(0, 1, 2001), np.geomspace(1, 400, 2001)])
        if noise:
            grid = np.concatenate([np.linspace(-8 * math.sqrt(noise), 0, 401), grid])
        sup = float(np.max(np.asarray(T(grid), dtype=np.float64)))
    law = Law(b, W, D, HS, None, -math.inf, sup, None, None)
    if resolvent is not None:
        law = replace(law, resolvent=lambda s, law=law: resolvent(law, s))
    if b.ctx is not None:
        raise ValueError("label_law: build the mpmath law through its preprocessing (see numerics.lines)")
    return law


# --- the random-matrix core ---------------------------------------------------------------------

def stieltjes_inverse(law: Law, alpha, s):
    """``w(s) = -1/s + alpha E[D/(1 + D s)]``."""
    return -1 / s + alpha * law.E(law.moments(s)[0])


def edge_slope(law: Law, alpha, s):
    """``s^2 w'(s) = 1 - s^2 alpha E[D^2/(1 + D s)^2]``: positive between 0 and the edge."""
    return 1 - s * s * alpha * law.E(law.moments(s)[1])


def outlier_residual(law: Law, alpha, s):
    """``s F(s) = 1 - s alpha E[D (1 - g^2)/(1 + D s)]``: zero at the outlier, 1 at ``s = 0``."""
    return 1 - s * alpha * law.E(law.moments(s)[0] * (1 - law.g * law.g))


def overlap_at(law: Law, alpha, s):
    """Squared overlap with the signal of the outlier's eigenvector at ``s`` (a zero of
    :func:`outlier_residual`): ``w'(s) / (-F'(s))``."""
    r2 = law.moments(s)[1]
    return (1 - s * s * alpha * law.E(r2)) / (1 - s * s * alpha * law.E(r2 * (1 - law.g * law.g)))


def multiplier(law: Law, alpha):
    """The Lagrange multiplier ``mu_L = alpha E[l'(h) h]``."""
    return alpha * law.E(law.mult)


@dataclass(frozen=True)
class Edge:
    """A bulk edge of ``B``: Stieltjes variable ``s``, eigenvalue ``value``, and whether it is a
    hard edge (at ``s = -1/inf D`` or ``-1/sup D``, no square-root vanishing before it)."""

    s: Any
    value: Any
    hard: bool
    root: Any = None


def _boundary(law: Law, side: int):
    """The end of the allowed range of ``s`` (``1 + D s > 0`` for every ``D`` of the law)."""
    bound = law.inf if side > 0 else law.sup
    if side * bound >= 0:
        return math.inf * side  # e.g. D >= 0 on the lower side: any s > 0
    return -1 / bound if math.isfinite(float(bound)) else 0.0


def _grid(limit: float, side: int, n: int = 80) -> np.ndarray:
    """Float grid of ``s`` from near 0 towards ``limit`` (exclusive), geometric."""
    hi = abs(limit) if math.isfinite(limit) else 1e6
    pts = np.geomspace(hi * 1e-7, hi * (1 - 1e-9) if math.isfinite(limit) else hi, n)
    return side * pts


def edge(law: Law, alpha, side: int = +1, *, what: str = "bulk edge") -> Edge | None:
    """The lower (``side=+1``) or upper (``side=-1``) edge of the bulk of ``B``.

    Returns None when the spectrum is unbounded on that side (``inf D = -inf`` below,
    ``sup D = +inf`` above).  A soft edge is the first zero of :func:`edge_slope` on the
    float grid, solved in the law's backend; without one the edge is hard, at the end of the
    allowed range (``w`` there), or at 0 when ``D >= 0`` and ``alpha < 1`` on the lower side.
    """
    b = law.backend
    limit = _boundary(law, side)
    if limit == 0.0:
        return None
    scan = law.scan
    af = float(alpha)
    grid = _grid(float(limit), side)
    vals = np.array([float(edge_slope(scan, af, s)) for s in grid])
    bad = ~np.isfinite(vals)
    if bad.any():
        raise solvers.ConvergenceError(f"{what}: the edge function is not finite on the grid (alpha={af:.6g})")
    idx = np.nonzero(vals <= 0)[0]
    if idx.size == 0:
        if not math.isfinite(limit):
            return Edge(math.inf * side, b.num(0), True)
        s_end = b.num(-1) / (b.num(law.inf) if side > 0 else b.num(law.sup))
        return Edge(s_end, stieltjes_inverse(law, alpha, s_end), True)
    i = idx[0]
    lo = grid[i - 1] if i > 0 else 0.0
    hi = grid[i]
    if lo == 0.0:
        lo = grid[0] * 1e-3
    f = (lambda s: edge_slope(law, alpha, s))
    found = solvers.root(b.ctx, f, lo, hi, what=f"{what} (alpha={af:.6g})")
    s_c = b.num(found.value)
    return Edge(s_c, stieltjes_inverse(law, alpha, s_c), False, found)


@dataclass(frozen=True)
class Outlier:
    """The outlier of ``B`` towards the signal: ``s``, eigenvalue ``value``, squared overlap."""

    s: Any
    value: Any
    overlap: Any
    root: Any = None


def edge_residual(law: Law, alpha, e: Edge):
    """:func:`outlier_residual` at the edge: negative iff an outlier has left the bulk."""
    if not math.isfinite(float(e.s)):
        return law.backend.num(1)
    return outlier_residual(law, alpha, e.s)


def outlier(law: Law, alpha, e: Edge, *, what: str = "outlier") -> Outlier | None:
    """The outlier beyond edge ``e`` (on its side) along the signal, or None."""
    b = law.backend
    if e is None or not math.isfinite(float(e.s)):
        return None
    if not edge_residual(law, alpha, e) < 0:
        return None
    side = 1 if e.s > 0 else -1
    af, sc = float(alpha), float(e.s)
    grid = side * np.geomspace(abs(sc) * 1e-7, abs(sc), 80)
    vals = np.array([float(outlier_residual(law.scan, af, s)) for s in grid])
    idx = np.nonzero(vals <= 0)[0]
    i = idx[0] if idx.size else len(grid) - 1
    lo = grid[i - 1] if i > 0 else grid[0] * 1e-3
    hi = grid[i] if idx.size else e.s
    found = solvers.root(b.ctx, lambda s: outlier_residual(law, alpha, s), lo, hi,
                         what=f"{what} (alpha={af:.6g})")
    s_o = b.num(found.value)
    return Outlier(s_o, stieltjes_inverse(law, alpha, s_o), overlap_at(law, alpha, s_o), found)


@dataclass(frozen=True)
class Spectrum:
    """Bulk edges of ``B - mu I`` (None: unbounded), its outlier below the bulk, and ``mu``."""

    lower: Edge | None
    upper: Edge | None
    outlier: Outlier | None
    mu: Any


def spectrum(law: Law, alpha) -> Spectrum:
    """Edges, the lower outlier and the multiplier of ``P (B - mu_L) P`` for ``law``."""
    lower, upper = edge(law, alpha, +1), edge(law, alpha, -1)
    out = outlier(law, alpha, lower) if lower is not None else None
    mu = multiplier(law, alpha) if law.mult is not None else law.backend.num(0)
    return Spectrum(lower, upper, out, mu)
