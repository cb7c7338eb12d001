"""Real phase retrieval: the losses, the weights of the Hessian and the GLM channel (SymPy).

The model (docs/phase_retrieval.md, arXiv:2006.06997): sensing vectors ``a_mu ~ N(0, I_N)``,
pre-activations ``h = a.x/sqrt(N)`` (student) and ``h* = a.x*/sqrt(N)`` (signal), labels
``y = h*^2`` (plus an optional Gaussian noise of variance ``Delta``), and the loss
``L(x) = sum_mu l(h_mu; y_mu)`` on the sphere ``|x|^2 = N`` with

* the square loss ``l = (h^2 - y)^2 / 4``;
* the regularised loss ``l = (h^2 - y)^2 / (4 (a + y))``, ``a > 0``.

Everything the numerics need is derived here, once:

1. *Loss jets* ``l, l', l''`` in ``h`` (:func:`loss`, :func:`loss_jets`).  The Riemannian
   Hessian on the sphere is ``P [B - mu_L I] P`` with ``B = (1/N) sum D_mu a_mu a_mu^T``, the
   weight ``D = l''(h; y)`` and the Lagrange multiplier ``mu_L = alpha E[l'(h) h]`` (the radial
   part of the gradient): the integrands ``D`` and ``l'(h) h`` are kernels.
2. *Random-matrix core* of ``B`` (:func:`silverstein`, :func:`outlier_equation`,
   :func:`outlier_overlap`), derived below for a generic weight law.
3. *GLM channel* of ``y = h*^2 + sqrt(Delta) z`` for the Bayes-optimal GAMP state evolution
   and the replica free entropy (:func:`channel`).
4. *AMP perfect recovery*: the state evolution's ``E[g_out^2]`` reduced from a 2D tanh integral
   to ``(1 - sqrt(V) S)/V`` with ``S`` a 1D integral of a trigamma difference
   (:func:`amp_reduction`, :func:`amp_kernel_L`), and ``alpha_AMP`` as the maximum over ``q``
   of the fixed-point ratio (:func:`amp_ratio`, :func:`amp_stationarity`).

Random-matrix core (derivation)
-------------------------------
Write ``x*`` for the signal direction ``e`` (unit), ``a_mu = g_mu e + b_mu`` with ``g = h*`` and
``b_mu`` orthogonal to ``e``; the weights ``D_mu`` depend on ``(h_mu, h*_mu)`` only.  Conditioned
on them, the bulk of ``B`` restricted to ``e^perp`` is the generalized Marchenko-Pastur law of
``(1/N) sum D_mu b b^T``: its Stieltjes transform ``s(w) = (1/N) tr (B - w)^{-1}`` satisfies the
Silverstein equation ``w = -1/s + alpha E[D/(1 + D s)]``; outside the bulk ``w(s)`` is monotone
and the edges are the critical points ``w'(s_c) = 0``,
``1/s_c^2 = alpha E[D^2/(1 + D s_c)^2]`` (the lower edge from ``s > 0``, the upper edge from
``s`` in ``(-1/max D, 0)``).

*Outlier (Schur complement).*  With ``B_ee = (1/N) sum D g^2``, ``B_eb = (1/N) sum D g b`` and
``B_bb`` the bulk block, ``w`` is an eigenvalue outside the bulk iff
``B_ee - w - B_eb^T (B_bb - w)^{-1} B_eb = 0``.  By the resolvent identity for a weighted sample
covariance, ``b_mu^T (B_bb^{(mu)} - w)^{-1} b_nu / N -> delta_{mu nu} s`` and the leave-one-out
correction turns ``D`` into ``D/(1 + D s)``, so at ``w = w(s)``

    ``alpha E[D g^2] - w - alpha E[D^2 g^2 s/(1 + D s)] = 0``,
    i.e. ``alpha E[D g^2 / (1 + D s)] = w(s) = -1/s + alpha E[D/(1 + D s)]``,

which is ``F(s) = 1/s - alpha E[D (1 - g^2)/(1 + D s)] = 0`` (the spec's condition).  If ``D`` is
independent of ``g`` then ``E[D(1 - g^2)/(1 + Ds)] = 0`` and there is no root: no outlier.

*Overlap (resolvent argument).*  The squared overlap of the outlier's unit eigenvector ``v`` with
``e`` is the residue ``|v.e|^2 = -Res_{w = w_out} G_ee(w)`` with
``G_ee(w) = 1/(B_ee - w - B_eb^T (B_bb - w)^{-1} B_eb) = -1/(s F(s))`` on the branch ``s = s(w)``.
Since ``F(s_out) = 0``, ``|v.e|^2 = 1 / (s^2 F'(s) w'(s))`` at ``s_out`` (both derivatives in
``s``), with ``F'(s) = -1/s^2 + alpha E[D^2 (1 - g^2)/(1 + D s)^2]`` and
``w'(s) = 1/s^2 - alpha E[D^2/(1 + D s)^2]``.  On the Riemannian Hessian ``P (B - mu_L) P``
at overlap ``m`` the signal direction seen by the tangent space is the component of ``e``
orthogonal to ``x``; at ``m -> 0`` (and in the large-N limit at any fixed state for the
bulk/outlier positions) this is ``e`` itself.  The formula is checked against sampled matrices in
tests/numerics/test_glm.py.

References
----------
Silverstein & Bai, J. Multivariate Anal. 54 (1995) (the generalized Marchenko-Pastur equation);
Baik, Ben Arous & Peche (2005) (BBP); Mondelli & Montanari, arXiv:1708.05932, and Lu & Li,
arXiv:1702.06435 (spectral methods for GLMs); arXiv:2006.06997; arXiv:2403.02418;
arXiv:2006.05228 (Bayes-optimal GLM thresholds).
"""

from __future__ import annotations

import sympy as sp

from derivations.kernel import Kernel

#: Student and signal pre-activations, label, regulariser.
h = sp.Symbol("h", real=True)
h_star = sp.Symbol("h_star", real=True)
y = sp.Symbol("y", real=True)
a = sp.Symbol("a", positive=True)
#: Sample ratio, the Stieltjes variable of the bulk, a generic weight.
alpha = sp.Symbol("alpha", positive=True)
s = sp.Symbol("s", real=True)
D = sp.Symbol("D", real=True)

LOSSES = ("square", "regularised")


def loss(name: str) -> sp.Expr:
    """The loss ``l(h; y)``: ``(h^2 - y)^2/4`` (square) or ``(h^2 - y)^2/(4 (a + y))``."""
    if name == "square":
        return (h**2 - y) ** 2 / 4
    if name == "regularised":
        return (h**2 - y) ** 2 / (4 * (a + y))
    raise ValueError(f"loss must be one of {LOSSES}, got {name!r}")


def loss_args(name: str) -> tuple:
    """Arguments of the loss kernels: ``(h, y)`` or ``(h, y, a)``."""
    return (h, y) if name == "square" else (h, y, a)


def loss_jets(name: str) -> tuple[sp.Expr, sp.Expr, sp.Expr]:
    """``(l, l', l'')``, derivatives in ``h``."""
    l0 = loss(name)
    return l0, sp.factor(sp.diff(l0, h)), sp.factor(sp.diff(l0, h, 2))


def weight(name: str) -> sp.Expr:
    """The Hessian weight ``D = l''(h; y)`` of ``B = (1/N) sum D a a^T``."""
    return loss_jets(name)[2]


def multiplier_integrand(name: str) -> sp.Expr:
    """``l'(h) h``: the Lagrange multiplier is ``mu_L = alpha E[l'(h) h]``."""
    return sp.factor(loss_jets(name)[1] * h)


# --- the Hessian at a random start: the h-integral in closed form ---------------------------------

#: ``erfcx(z) = exp(z^2) erfc(z)`` at ``z = sqrt(c/(2 b))``, an argument of the printed kernels.
X = sp.Symbol("X", positive=True)
_c, _b = sp.symbols("c b", positive=True)


def random_start_resolvent() -> sp.Expr:
    """``D/(1 + D s)`` of the regularised loss as ``(1/s)(1 - (a + y)/(c + 3 s h^2))``,
    ``c = a + y (1 - s)`` (checked here against the definition)."""
    D = weight("regularised")
    c = a + y * (1 - s)
    form = (1 - (a + y) / (c + 3 * s * h**2)) / s
    assert sp.simplify(D / (1 + D * s) - form) == 0
    return form


def _k1() -> sp.Expr:
    """``E_h[1/(c + b h^2)]`` for ``h ~ N(0, 1)``: ``sqrt(pi/(2 b c)) erfcx(sqrt(c/(2 b)))``,
    checked against SymPy's integral."""
    z = sp.sqrt(_c / (2 * _b))
    closed = sp.sqrt(sp.pi / (2 * _b * _c)) * sp.exp(z**2) * sp.erfc(z)
    direct = sp.integrate(sp.exp(-h**2 / 2) / sp.sqrt(2 * sp.pi) / (_c + _b * h**2), (h, -sp.oo, sp.oo))
    assert sp.simplify(closed - direct) == 0
    return closed


def random_start_moments() -> tuple[sp.Expr, sp.Expr, sp.Expr]:
    """``(z, E_h[r], E_h[r^2])`` with ``r = D/(1 + D s)`` of the regularised loss at ``m = 0``
    (``h`` independent of ``h*``), in terms of ``X = erfcx(z)``, ``z = sqrt(c/(2 b))``,
    ``b = 3 s``, ``c = a + y (1 - s)``; ``E_h[1/(c + b h^2)^2] = -d/dc E_h[1/(c + b h^2)]``.
    Valid for ``0 < s < 1`` (then ``c > 0``); at ``m = 0`` every expectation of the Hessian core
    is a one-dimensional integral over ``h*`` of these."""
    zz = sp.Symbol("z", positive=True)
    k1 = _k1()
    k2 = -sp.diff(k1, _c)
    z = sp.sqrt(_c / (2 * _b))
    # write exp(z^2) erfc(z) as X: K1 = sqrt(pi/(2 b c)) X; d/dc of it uses X' = 2 z X - 2/sqrt(pi)
    erfcx = sp.exp(z**2) * sp.erfc(z)
    k1x = k1.subs(erfcx, X)
    k2x = sp.expand(k2).subs(sp.exp(_c / (2 * _b)) * sp.erfc(sp.sqrt(2) * sp.sqrt(_c) / (2 * sp.sqrt(_b))), X)
    assert not k1x.has(sp.erfc) and not k2x.has(sp.erfc), (k1x, k2x)
    sub = {_b: 3 * s, _c: a + y * (1 - s)}
    m1 = (1 - (a + y) * k1x) / s
    m2 = (1 - 2 * (a + y) * k1x + (a + y) ** 2 * k2x) / s**2
    del zz
    return z.subs(sub), m1.subs(sub), m2.subs(sub)


# --- spectral methods -----------------------------------------------------------------------------

def optimal_preprocessing() -> sp.Expr:
    """``T*(y) = (y - 1)/(y + sqrt(2 alpha) - 1)``, the optimal preprocessing of the noiseless
    real case (Mondelli & Montanari, arXiv:1708.05932; Luo, Alghamdi & Lu, arXiv:1811.04420)."""
    return (y - 1) / (y + sp.sqrt(2 * alpha) - 1)


def optimal_resolvent() -> sp.Expr:
    """``T*/(1 + T* s)`` in a form without the removable pole of ``T*`` (``s`` the Stieltjes
    variable; the top edge lies at ``s = -1/sup T* = -1``, where it reads ``(y - 1)/sqrt(2 alpha)``)."""
    root = sp.Symbol("r", positive=True)  # sqrt(2 alpha), kept atomic so that cancel sees the pole
    T = optimal_preprocessing().subs(sp.sqrt(2 * alpha), root)
    assert T.has(root)
    return sp.cancel(T / (1 + T * s)).subs(root, sp.sqrt(2 * alpha))


def optimal_edge_identity() -> sp.Expr:
    """``1 - s^2 alpha E[(T*/(1 + T* s))^2]`` at ``s = -1`` for ``y = h*^2``: zero for every alpha,
    so the top edge of the optimal spectral matrix is the hard edge ``s = -1/sup T* = -1``."""
    r = optimal_resolvent().subs(s, -1)
    return sp.simplify(1 - alpha * _gaussian_moment_poly(sp.expand(sp.simplify(r**2) * 2 * alpha)) / (2 * alpha))


def _gaussian_moment_poly(poly_in_y: sp.Expr) -> sp.Expr:
    """``E[p(h*^2)]`` for a polynomial ``p`` in ``y`` (``E[h*^(2k)] = (2k - 1)!!``)."""
    poly = sp.Poly(poly_in_y, y)
    return sum(c * sp.factorial2(2 * k - 1) for (k,), c in poly.terms())


# --- Bayes-optimal GLM channel (y = h*^2, Gaussian prior) ----------------------------------------

omega = sp.Symbol("omega", real=True)
V = sp.Symbol("V", positive=True)
Delta = sp.Symbol("Delta", positive=True)


def z_out() -> sp.Expr:
    """The noiseless channel's partition function ``Z_out(y; omega, V) = E_{z ~ N(omega, V)}
    [delta(y - z^2)] = sum_(+-) N(+-sqrt(y); omega, V)/(2 sqrt(y))`` (``y > 0``)."""
    yp = sp.Symbol("y", positive=True)
    r = sp.sqrt(yp)
    gauss = lambda z: sp.exp(-(z - omega) ** 2 / (2 * V)) / sp.sqrt(2 * sp.pi * V)  # noqa: E731
    return ((gauss(r) + gauss(-r)) / (2 * r)).subs(yp, y)


def g_out() -> sp.Expr:
    """``d/d omega log Z_out = (sqrt(y) tanh(sqrt(y) omega / V) - omega)/V`` (noiseless)."""
    expr = sp.diff(sp.log(z_out()), omega)
    closed = (sp.sqrt(y) * sp.tanh(sp.sqrt(y) * omega / V) - omega) / V
    yp = sp.Symbol("yp", positive=True)
    assert sp.simplify((expr - closed).subs(y, yp).rewrite(sp.exp)) == 0
    return closed


def weak_recovery_integrand() -> sp.Expr:
    """``(E[z^2 | y] - 1)^2`` at ``omega = 0, V = 1`` (noiseless: ``(y - 1)^2``): the GAMP
    state evolution linearised at ``q = 0`` reads ``q' = alpha E_y[(E[z^2|y] - 1)^2] q``, since
    ``g_out = omega (E[z^2|y] - 1) + O(omega^2)`` for an even channel."""
    return sp.expand((sp.diff(g_out(), omega).subs(omega, 0).subs(V, 1) + 1 - 1) ** 2)


def prior_free_entropy() -> sp.Expr:
    """Gaussian-prior part of the replica free entropy at its extremum, ``-q qhat/2 + psi_0(qhat)``
    with ``psi_0 = (qhat - log(1 + qhat))/2`` and ``qhat = q/(1 - q)``; ``q`` the overlap."""
    q, qh = sp.symbols("q qhat", positive=True)
    psi0 = (qh - sp.log(1 + qh)) / 2
    return sp.simplify((-q * qh / 2 + psi0).subs(qh, q / (1 - q)))


def it_divergence() -> sp.Expr:
    """Coefficient of ``-log(1 - q)`` in the replica free entropy as ``q -> 1`` (noiseless labels):
    the prior contributes ``lim prior_free_entropy/(-log(1 - q))`` and each of the ``alpha``
    measurements ``+1/2`` (``log Z_out = -log(V)/2 + O(1)`` as ``V = 1 - q -> 0``, since the
    true pre-activation stays within ``O(sqrt(V))`` of ``omega``).  Perfect recovery dominates
    (the free entropy diverges upwards at ``q = 1``) iff this is positive."""
    q = sp.Symbol("q", positive=True)
    eps = sp.Symbol("epsilon", positive=True)
    prior = sp.limit(prior_free_entropy().subs(q, 1 - eps) / (-sp.log(eps)), eps, 0)
    return sp.Rational(1, 2) * alpha + prior


# --- AMP perfect recovery: the state evolution reduced to one dimension ------------------------

#: The Stieltjes-like variable of the one-dimensional AMP integral, ``k = sqrt(q) sin(phi)``.
k = sp.Symbol("k", positive=True)
#: The overlap of the state evolution and the two one-dimensional integrals of it (see
#: :func:`amp_moment`): ``S = (2/pi) int_0^(pi/2) L(sqrt(q) sin phi) dphi`` and
#: ``U = (2/pi) int_0^(pi/2) k L'(k) dphi`` at ``k = sqrt(q) sin phi`` (``q dS/dq = U/2``).
q_se = sp.Symbol("q", positive=True)
S_amp, U_amp = sp.symbols("S U", real=True)
#: ``psi_1`` and ``psi_2`` (polygamma) at ``x`` and ``x + 1/2``, arguments of the printed kernels.
P1a, P1b, P2a, P2b = sp.symbols("P1a P1b P2a P2b", real=True)


def amp_reduction() -> sp.Expr:
    """``E[g_out^2]`` of the noiseless channel in terms of ``S = E[t^2 sech(sqrt(q) u t)]``
    (``u, t`` independent standard Gaussians): ``(1 - sqrt(V) S)/V``, ``V = 1 - q``.

    Derivation (each step asserted here).  In the state evolution ``omega ~ N(0, q)`` and
    ``z = omega + sqrt(V) e``: ``(omega, z)`` is Gaussian with covariance ``[[q, q], [q, 1]]``, whose
    density is ``sqrt(V) N(omega; 0, q V) N(z; 0, V) exp(omega z/V)``.  With ``y = z^2``,
    ``V g_out = z tanh(z omega/V) - omega`` (``sqrt(y) tanh(sqrt(y) x)`` is even in the sign of
    ``sqrt(y)``), so ``V^2 g_out^2`` is even under ``z -> -z`` and the weight ``exp(omega z/V)`` may be
    replaced by ``cosh(omega z/V)``.  Then ``tanh^2 cosh = cosh - sech`` and ``tanh cosh = sinh``
    leave a single non-Gaussian term::

        V^2 E[g_out^2] = sqrt(V) E_ind[(z^2 + omega^2) cosh(P/V) - 2 P sinh(P/V) - z^2 sech(P/V)],

    ``P = omega z``, ``E_ind`` over independent ``omega ~ N(0, q V)``, ``z ~ N(0, V)``.  With
    ``omega = sqrt(q V) u``, ``z = sqrt(V) t`` (``P/V = sqrt(q) u t``) the Gaussian terms are
    ``E[t^2 cosh] = E[u^2 cosh] = V^(-3/2)`` and ``E[u t sinh] = sqrt(q) V^(-3/2)``, which sum to
    ``V^(3/2) * V^(-3/2) (1 - 2 q + q) = V``.  At ``q -> 0``: ``S -> 1`` and ``E[g_out^2] -> 0``."""
    u, t, w, z = sp.symbols("u t omega_ z_", real=True)
    q = 1 - V
    c = sp.sqrt(q)
    cov = sp.Matrix([[q, q], [q, 1]])
    vec = sp.Matrix([w, z])
    dens = sp.exp(-(vec.T * cov.inv() * vec)[0] / 2) / (2 * sp.pi * sp.sqrt(cov.det()))
    ind = sp.exp(-w**2 / (2 * q * V) - z**2 / (2 * V)) / (2 * sp.pi * sp.sqrt(q) * V)
    assert sp.simplify(sp.expand_log(sp.log(dens / (sp.sqrt(V) * ind * sp.exp(w * z / V))), force=True)) == 0
    P = w * z
    F = (z * sp.tanh(P / V) - w) ** 2
    G = (z**2 + w**2) * sp.cosh(P / V) - 2 * P * sp.sinh(P / V) - z**2 * sp.sech(P / V)
    assert sp.simplify((F + F.subs(z, -z)) * sp.cosh(P / V) / 2 - G) == 0
    cc = sp.Symbol("c", positive=True)

    def gauss(e, var):
        return sp.integrate(e * sp.exp(-var**2 / 2) / sp.sqrt(2 * sp.pi), (var, -sp.oo, sp.oo), conds="none")

    inner = sp.simplify(gauss(sp.exp(cc * u * t), u))  # E_u[exp(c u t)] = E_u[cosh(c u t)]
    e_cosh = sp.simplify(gauss(inner, t).subs(cc, c))
    e_tt = sp.simplify(gauss(t**2 * inner, t).subs(cc, c))  # = E[u^2 cosh] by u <-> t
    e_ut = sp.simplify(sp.diff(gauss(inner, t), cc).subs(cc, c))  # E[u t sinh] = d/dc E[cosh]
    assert sp.simplify(sp.sqrt(V) * e_cosh - 1) == 0  # the density is normalised
    # (z^2 + omega^2) cosh - 2 P sinh in (u, t): V t^2 cosh + q V u^2 cosh - 2 V c u t sinh
    gaussian_part = sp.simplify(sp.sqrt(V) * V * (e_tt + q * e_tt - 2 * c * e_ut))
    assert sp.simplify(gaussian_part - V) == 0
    return (gaussian_part - sp.sqrt(V) * V * S_amp) / V**2


def amp_kernel_L() -> tuple[sp.Expr, sp.Expr]:
    """``L(k) = int_0^inf rho e^(-rho) sech(k rho) drho`` as ``(x, L)``: ``x = (1 + k)/(4 k)`` and
    ``L = (psi_1(x) - psi_1(x + 1/2))/(8 k^2)``, ``psi_1`` the trigamma function.

    ``S`` in polar coordinates ``(u, t) = r (cos theta, sin theta)``, ``rho = r^2/2``:
    ``S = (1/2 pi) int dtheta sin^2(theta) 2 L(sqrt(q) |sin 2 theta|)``; ``sin^2`` averages to 1/2
    over ``theta -> pi/2 - theta``, so ``S = (2/pi) int_0^(pi/2) L(sqrt(q) sin phi) dphi``.  With
    ``sech(x) = 2 sum_m (-1)^m e^(-(2m + 1) x)``, ``L = 2 sum_m (-1)^m/(1 + (2m + 1) k)^2``, whose
    even and odd terms are Hurwitz sums ``sum_j (j + x)^(-2) = psi_1(x)`` (asserted here)."""
    rho, b = sp.symbols("rho b", positive=True)
    j = sp.Symbol("j", integer=True, nonnegative=True)
    assert sp.simplify(sp.integrate(rho * sp.exp(-(1 + b) * rho), (rho, 0, sp.oo)) - 1 / (1 + b) ** 2) == 0
    x = (1 + k) / (4 * k)
    even = sp.summation(2 / (1 + (4 * j + 1) * k) ** 2, (j, 0, sp.oo))  # m = 2 j
    odd = sp.summation(2 / (1 + (4 * j + 3) * k) ** 2, (j, 0, sp.oo))  # m = 2 j + 1
    L = (sp.polygamma(1, x) - sp.polygamma(1, x + sp.Rational(1, 2))) / (8 * k**2)
    a_ = sp.Symbol("a_", positive=True)
    assert sp.polygamma(1, a_).rewrite(sp.zeta) == sp.zeta(2, a_)  # psi_1(a) = zeta(2, a) (Hurwitz)
    hurwitz = sp.expand_func(even - odd).replace(lambda e: isinstance(e, sp.zeta) and e.args[0] == 2,
                                                 lambda e: sp.polygamma(1, e.args[1]))
    assert sp.simplify(hurwitz - L) == 0, hurwitz
    return x, L


def _psi_symbols(expr: sp.Expr) -> sp.Expr:
    """``psi_n(x)``, ``psi_n(x + 1/2)`` (n = 1, 2; ``x = (1 + k)/(4 k)``) as the symbols ``Pna``, ``Pnb``."""
    x = (1 + k) / (4 * k)
    names = {(1, 0): P1a, (1, 1): P1b, (2, 0): P2a, (2, 1): P2b}

    def swap(e):
        for (n, half), sym in names.items():
            if e.args[0] == n and sp.simplify(e.args[1] - x - sp.Rational(half, 2)) == 0:
                return sym
        raise AssertionError(f"unexpected {e}")

    return expr.replace(lambda e: isinstance(e, sp.polygamma), swap)


def amp_kernel_kdL() -> sp.Expr:
    """``k L'(k)`` in terms of ``psi_1`` and ``psi_2`` at ``x`` and ``x + 1/2``."""
    L = amp_kernel_L()[1]
    out = _psi_symbols(sp.expand(k * sp.diff(L, k)))
    assert not out.has(sp.polygamma), out
    return out


def amp_kernel_series(order: int = 4) -> tuple[sp.Expr, sp.Expr]:
    """``(L, k L')`` to ``O(k^(2 order))`` from the Taylor series of ``sech`` (an asymptotic
    series, ``L ~ sum_n E_2n (2n + 1) k^(2n)``, ``E`` the Euler numbers), for small ``k``, where the
    trigamma form cancels: ``1 - 3 k^2 + 25 k^4 - 427 k^6``."""
    rho, w = sp.symbols("rho w", positive=True)
    ser = sp.series(sp.sech(w), w, 0, 2 * order).removeO()
    L = sp.expand(sp.integrate(sp.expand(rho * sp.exp(-rho) * ser.subs(w, k * rho)), (rho, 0, sp.oo)))
    return L, sp.expand(k * sp.diff(L, k))


def amp_ratio() -> sp.Expr:
    """``alpha`` at which ``q`` is a fixed point of the state evolution ``q' = qhat/(1 + qhat)``,
    ``qhat = alpha E[g_out^2]``: ``q/(V E[g_out^2]) = q/(1 - sqrt(1 - q) S)``.  From ``q = 0+`` the
    iteration increases until the first ``q`` with ``alpha <= ratio(q)``, so AMP reaches ``q = 1``
    iff ``alpha > sup_q ratio(q)``: ``alpha_AMP = max_q ratio(q)`` (ratio -> 1/2 at q -> 0, the
    weak-recovery threshold, and -> 1 at q -> 1)."""
    g2 = amp_reduction()
    return sp.simplify((q_se / ((1 - q_se) * g2)).subs(V, 1 - q_se))


def amp_stationarity() -> sp.Expr:
    """``d ratio/dq`` times ``(1 - sqrt(1 - q) S)^2 > 0``, with ``q dS/dq = U/2``: zero at the
    maximiser of the ratio (positive below it)."""
    Sq = sp.Function("S")(q_se)
    r = amp_ratio().subs(S_amp, Sq)
    d = sp.diff(r, q_se).subs(sp.Derivative(Sq, q_se), U_amp / (2 * q_se)).subs(Sq, S_amp)
    den = (1 - sp.sqrt(1 - q_se) * S_amp) ** 2
    out = sp.expand(sp.cancel(sp.together(d * den)))
    sv = sp.sqrt(1 - q_se)  # by hand: (1 - sv S) - q d/dq (1 - sv S), d sv/dq = -1/(2 sv)
    assert sp.simplify(out - (1 - sv * S_amp - q_se * S_amp / (2 * sv) + sv * U_amp / 2)) == 0, out
    return out


# --- gradient flow: the marginal states of a zero-temperature 1RSB description -------------------

#: The 1RSB variables at zero temperature: ``chi = beta (1 - q1)`` and the Parisi parameter
#: times beta, ``y_P = beta m_P`` (both fixed as ``beta -> oo``, ``q1 -> 1``, ``m_P -> 0``).
chi = sp.Symbol("chi", positive=True)
y_P = sp.Symbol("y_P", positive=True)
#: The tilted averages the numerics supply: ``<l'^2>``, ``<e_chi>`` (e_chi the one-sample cost at its
#: global minimum), and the one-sample curvature scale ``kappa``.
L2, Ebar, kappa = sp.symbols("L2 Ebar kappa", positive=True)


def onersb_entropic(q0=0) -> sp.Expr:
    """The sphere's entropic term of the 1RSB free entropy, per ``beta``, at zero temperature.

    ``(1/2n) log det Q`` for the 1RSB overlap matrix (1 on the diagonal, ``q1`` in blocks of size
    ``m``, ``q0`` elsewhere) is, as ``n -> 0``,
    ``(1/2)[(1 - 1/m) log(1 - q1) + (1/m) log(1 - q1 + m (q1 - q0)) + q0/(1 - q1 + m (q1 - q0))]``.
    With ``1 - q1 = chi/beta``, ``m = y_P/beta`` and ``beta -> oo`` it is, divided by ``beta``,
    ``(1/(2 y_P)) log(1 + y_P (1 - q0)/chi) + q0/(2 (chi + y_P (1 - q0)))`` (the limit is taken
    here by SymPy and asserted equal to that form)."""
    beta = sp.Symbol("beta", positive=True)
    q0s, q1, m = sp.symbols("q0 q1 m", positive=True)
    lam = 1 - q1 + m * (q1 - q0s)
    ent = (1 - 1 / m) * sp.log(1 - q1) + sp.log(lam) / m + q0s / lam
    ent = sp.Rational(1, 2) * ent
    sub = ent.subs({q1: 1 - chi / beta, m: y_P / beta}) / beta
    lim = sp.limit(sp.expand_log(sp.expand(sub), force=True), beta, sp.oo)
    form = sp.log(1 + y_P * (1 - q0s) / chi) / (2 * y_P) + q0s / (2 * (chi + y_P * (1 - q0s)))
    assert sp.simplify(lim - form) == 0, lim
    return form.subs(q0s, q0)


def onersb_potential() -> tuple[sp.Expr, sp.Expr, sp.Expr]:
    """``(G_ent, chi saddle, energy)`` of ``G(y_P, chi) = y_P Phi/beta = Sigma - y_P e``.

    At ``m = 0`` (states uncorrelated with the signal) and ``q0 = 0`` (with each other),
    ``G = (1/2) log(1 + y_P/chi) + alpha E_{h*} log E_z exp(-y_P e_chi(z; h*^2))``,
    ``e_chi(omega) = min_h [(h - omega)^2/(2 chi) + l(h)]``, ``z ~ N(0, 1)``.  With ``Psi`` the
    energetic average, ``dPsi/dy_P = -<e_chi>`` and (envelope theorem, ``h - omega = -chi l'(h)``
    at the minimum) ``dPsi/dchi = y_P <l'^2>/2``, ``<.>`` the average over ``z`` tilted by
    ``exp(-y_P e_chi)`` and over ``h*``.  Returns ``G_ent = y_P * onersb_entropic(0)``, the chi
    saddle ``(2/y_P) chi (chi + y_P) dG/dchi = alpha <l'^2> chi (chi + y_P) - 1`` and the energy
    per coordinate ``e = -dG/dy_P = alpha <e_chi> - 1/(2 (chi + y_P))``."""
    Psi = sp.Function("Psi")(y_P, chi)
    G_ent = sp.expand(y_P * onersb_entropic(0))
    G = G_ent + alpha * Psi
    rules = {sp.Derivative(Psi, chi): y_P * L2 / 2, sp.Derivative(Psi, y_P): -Ebar}
    dchi = sp.diff(G, chi).subs(rules)
    saddle = sp.expand(sp.cancel(dchi * 2 * chi * (chi + y_P) / y_P))
    assert sp.simplify(saddle - (alpha * L2 * chi * (chi + y_P) - 1)) == 0, saddle
    energy = -sp.diff(G, y_P).subs(rules)
    assert sp.simplify(energy - (alpha * Ebar - 1 / (2 * (chi + y_P)))) == 0, energy
    return G_ent, saddle, energy


def envelope_derivative(name: str) -> sp.Expr:
    """``d e_chi/d chi`` at the minimiser: ``-(h - omega)^2/(2 chi^2)``, which is ``-l'(h)^2/2``
    where ``h - omega = -chi l'(h)`` (the stationarity of the one-sample cost); asserted."""
    omega_ = sp.Symbol("omega", real=True)
    cost = (h - omega_) ** 2 / (2 * chi) + loss(name)
    partial = sp.diff(cost, chi)
    lp = loss_jets(name)[1]
    at_min = partial.subs(omega_, h + chi * lp)
    assert sp.simplify(at_min + lp**2 / 2) == 0
    return -lp**2 / 2


def prox_cubic(name: str) -> tuple[sp.Expr, sp.Expr]:
    """``(kappa, cubic)``: the stationarity of the one-sample cost ``(h - omega)^2/(2 chi) + l(h; y)``
    is the depressed cubic ``h^3 + (kappa - y) h - kappa omega = 0`` with ``kappa = 1/chi``
    (square) or ``(a + y)/chi`` (regularised), asserted from the derivative of the cost."""
    omega_ = sp.Symbol("omega", real=True)
    scale = (a + y) if name == "regularised" else sp.Integer(1)
    k = scale / chi
    cubic = h**3 + (k - y) * h - k * omega_
    assert sp.simplify(sp.diff((h - omega_) ** 2 / (2 * chi) + loss(name), h) * scale - cubic) == 0
    return k, cubic


def spinodal() -> sp.Expr:
    """``|omega|`` below which the cubic ``h^3 + (kappa - y) h - kappa omega`` has three real roots
    (two minima of the one-sample cost; ``y > kappa``): ``2 (y - kappa)^(3/2)/(3 sqrt(3) kappa)``,
    from its discriminant ``-4 p^3 - 27 q^2`` with ``p = kappa - y``, ``q = -kappa omega``."""
    yk = sp.Symbol("yk", positive=True)  # y - kappa > 0
    om = sp.Symbol("om", positive=True)
    p, q = -yk, -kappa * om
    roots = sp.solve(sp.Eq(-4 * p**3 - 27 * q**2, 0), om)
    form = 2 * yk ** sp.Rational(3, 2) / (3 * sp.sqrt(3) * kappa)
    assert any(sp.simplify(r - form) == 0 for r in roots), roots
    return form.subs(yk, y - kappa)


def _kernels() -> tuple:
    out = []
    for name, tag in (("square", "square"), ("regularised", "reg")):
        args = loss_args(name)
        l0, l1, l2 = loss_jets(name)
        out += [
            Kernel(f"pr_{tag}_loss", args, l0, f"The {name} loss l(h; y)."),
            Kernel(f"pr_{tag}_dloss", args, l1, f"dl/dh of the {name} loss."),
            Kernel(f"pr_{tag}_d2loss", args, l2, f"d2l/dh2 of the {name} loss: the Hessian weight D."),
            Kernel(f"pr_{tag}_mult", args, multiplier_integrand(name),
                   f"l'(h) h of the {name} loss: the integrand of the Lagrange multiplier."),
        ]
    z_rs, m1_rs, m2_rs = random_start_moments()
    out += [
        Kernel("pr_rs_z", (y, s, a), z_rs, "z = sqrt(c/(2 b)), b = 3 s, c = a + y (1 - s): the argument of erfcx."),
        Kernel("pr_rs_m1", (y, s, a, X), m1_rs, "E_h[D/(1 + D s)] of the regularised loss at m = 0, X = erfcx(z)."),
        Kernel("pr_rs_m2", (y, s, a, X), m2_rs, "E_h[(D/(1 + D s))^2] of the regularised loss at m = 0, X = erfcx(z)."),
    ]
    out += [
        Kernel("pr_opt_T", (y, alpha), optimal_preprocessing(),
               "Optimal preprocessing T*(y) of the noiseless real case."),
        Kernel("pr_opt_resolvent", (y, alpha, s), optimal_resolvent(),
               "T*/(1 + T* s) without the removable pole."),
        Kernel("pr_gout", (y, omega, V), g_out(), "GAMP output function d/domega log Z_out, noiseless."),
        Kernel("pr_wr_integrand", (y,), weak_recovery_integrand(),
               "(E[z^2|y] - 1)^2 of the noiseless channel: alpha_WR = 1/E[.]."),
        Kernel("pr_amp_gout2", (q_se, S_amp), amp_reduction().subs(V, 1 - q_se),
               "E[g_out^2] of the noiseless state evolution at overlap q, S = E[t^2 sech(sqrt(q) u t)]."),
        Kernel("pr_amp_x", (k,), amp_kernel_L()[0], "x = (1 + k)/(4 k): the trigamma argument of L(k)."),
        Kernel("pr_amp_L", (k, P1a, P1b), _psi_symbols(amp_kernel_L()[1]),
               "L(k) = int rho e^-rho sech(k rho), P1a = psi_1(x), P1b = psi_1(x + 1/2)."),
        Kernel("pr_amp_kdL", (k, P1a, P1b, P2a, P2b), amp_kernel_kdL(),
               "k L'(k), P2a = psi_2(x), P2b = psi_2(x + 1/2)."),
        Kernel("pr_amp_L_series", (k,), amp_kernel_series()[0], "L(k) to O(k^8), for small k."),
        Kernel("pr_amp_kdL_series", (k,), amp_kernel_series()[1], "k L'(k) to O(k^8), for small k."),
        Kernel("pr_amp_ratio", (q_se, S_amp), amp_ratio(),
               "alpha at which q is a fixed point of the state evolution: alpha_AMP = max_q of it."),
        Kernel("pr_amp_stationarity", (q_se, S_amp, U_amp), amp_stationarity(),
               "d ratio/dq times a positive factor (U = 2 q dS/dq): zero at the AMP threshold's q."),
        Kernel("pr_it_divergence", (alpha,), it_divergence(),
               "Coefficient of -log(1 - q) of the free entropy at q -> 1 (> 0: perfect recovery)."),
    ]
    for name, tag in (("square", "square"), ("regularised", "reg")):
        out.append(Kernel(f"pr_{tag}_prox_kappa", (chi,) if name == "square" else (y, chi, a),
                          prox_cubic(name)[0],
                          f"kappa of the one-sample cubic h^3 + (kappa - y) h - kappa omega ({name} loss)."))
    G_ent, saddle, energy = onersb_potential()
    out += [
        Kernel("pr_1rsb_entropic", (y_P, chi), G_ent, "y_P times the sphere's 1RSB entropic term at q0 = 0."),
        Kernel("pr_1rsb_chi_saddle", (alpha, y_P, chi, L2), saddle,
               "The chi saddle of the zero-temperature 1RSB potential (L2 = <l'^2> tilted)."),
        Kernel("pr_1rsb_energy", (alpha, y_P, chi, Ebar), energy,
               "Energy per coordinate -dG/dy_P (Ebar = <e_chi> tilted)."),
        Kernel("pr_spinodal", (y, kappa), spinodal(),
               "|omega| below which the one-sample cost has two minima (y > kappa)."),
    ]
    return tuple(out)


KERNELS = _kernels()
