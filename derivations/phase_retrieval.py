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
    return tuple(out)


KERNELS = _kernels()
