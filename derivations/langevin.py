"""The Langevin threshold at temperature T: BBP instability of the aging states at m = 0.

Langevin dynamics at temperature ``T`` on the loss of docs/model.md is described by the DMFT
equations of derivations/dmft.py (``mu = T + ...``).  A run started at ``m0 -> 0+`` first
relaxes in the ``m = 0`` sector.  Where the paramagnet of that sector is unstable (for the
spiked matrix-tensor model at the Bayes-optimal ``T = 1``: exactly where ``Delta2 < 1``) the
run *ages* (Cugliandolo-Kurchan 1993): lags of order one form a stationary regime obeying the
fluctuation-dissipation relation ``R = -C'/T`` in which ``C`` falls from 1 to a plateau ``q``
(the Edwards-Anderson parameter), and on the aging scale ``R(t,s) = (x/T) d/ds C(t,s)`` with
``C`` spanning ``[0, q]`` (one-step aging, fluctuation-dissipation ratio ``x``).

The steps, each derived below with SymPy for a generic covariance ``xi`` and signal ``g``:

1. *Stationary (FDT) regime.*  Its memory kernel integrates to
   ``Sigma_F = int xi''(C) R = (xi'(1) - xi'(q))/T`` and its response to
   ``chi = int R = (1 - q)/T``; integrating the R equation over the lag (from ``R(0+) = 1``
   to the plateau) gives ``-1 = -mu chi + Sigma_F chi``, i.e. ``mu - Sigma_F = 1/chi``.
2. *Plateau and aging ratio.*  The ``mu`` equation and the C equation at the end of the FDT
   regime (the equilibrium forms of :func:`derivations.dmft.nishimori_equations` at ``m = 0``,
   plus the aging part ``(x/T) q xi'(q)`` in both) fix ``x``; the result
   ``xi'(q)/T**2 = q/((1 - q)(1 - q + x q))`` is the one-step (1RSB) plateau equation, and it
   agrees with step 1 (a check in the tests).
3. *Marginality.*  The plateau of an aging run is marginal: ``xi''(q) (1 - q)**2 = T**2``
   (``chi**2 xi''(q) = 1``), the finite-T form of ``mu = 2 sqrt(xi''(1))`` at T = 0
   (Cugliandolo-Kurchan 1993; at ``x = 1`` it is the double root of the plateau equation, the
   dynamical transition, checked in the tests).
4. *Escape (BBP).*  Linearised in ``m``, ``dm/dt = -mu m + g''(0) m + int xi''(C) R m``.  A
   growth ``m ~ exp(lambda t)`` at a fixed rate ``lambda > 0`` does not see the aging part
   of the memory (its time scale grows with the age), so
   ``lambda + mu - Sigma_F(lambda) = g''(0)`` with ``Sigma_F(lambda)`` the Laplace transform of
   the FDT kernel, decreasing in ``lambda``.  A positive rate exists iff
   ``g''(0) > mu - Sigma_F(0) = 1/chi``: the BBP condition of the marginal states at
   temperature T, ``g''(0) > T/(1 - q) = sqrt(xi''(q))``.

With a matrix channel whose loss uses its true variance (``g`` and ``xi`` both gain
``q**2/(2 Delta2)``) and tensor channels of any orders >= 3 (covariance ``xi_T``; ``g_T''(0) = 0``),
the threshold ``g''(0) chi = 1`` gives ``chi = Delta2`` and ``q = 1 - T Delta2``; marginality then
reads::

    1 - Delta2 - Delta2**2 xi_T''(1 - T Delta2) = 0

At ``T = 0`` (``q = 1``) this is the gradient-flow threshold of derivations/thresholds.py; for
the pure spiked matrix it gives ``Delta2 = 1`` at every ``T <= 1``; for ``p = 3`` at ``T = 1`` it
factors as ``(1 - Delta2)(1 - 2 Delta2**2/Deltap)``: ``Delta2 = sqrt(Deltap/2)`` for
``Deltap < 2`` (the plateau ``q = 1 - Delta2 > 0``), else ``Delta2 = 1`` (q -> 0, the threshold of
Bayes-optimal AMP).  Only ``0 <= T <= 1`` is covered: there the threshold lies where the
paramagnet of the ``m = 0`` sector is unstable (``1/Delta2 >= T >= T**2``), so the run must age;
above ``T = 1`` a discontinuous dynamical transition of the ``m = 0`` sector would have to be
located first.

References
----------
arXiv:1812.09066 (the Langevin algorithm in the spiked matrix-tensor model; its abstract states
that the Langevin threshold is set by residual glassiness and gives a heuristic expression of
the line); arXiv:1907.08226, section 4 (the T = 0 BBP argument this extends);
Cugliandolo & Kurchan, Phys. Rev. Lett. 71, 173 (1993), arXiv:cond-mat/9303036 (aging, marginality).
"""

from __future__ import annotations

from functools import lru_cache

import sympy as sp

from derivations import dmft
from derivations.kernel import Kernel
from derivations.model import SpikedModel, generic, jet, to_jets
from derivations.symbols import Delta2, q
from derivations.thresholds import with_matrix_channel

#: Temperature of the Langevin dynamics.
T = sp.Symbol("T", nonnegative=True)
#: Unknowns: multiplier, FDT response, one-step fluctuation-dissipation ratio.
_mu, _chi, _x = sp.symbols("mu_lang chi_lang x_lang", real=True)


def fdt_memory(model: SpikedModel, temperature=T) -> sp.Expr:
    """``int xi''(C(tau)) R(tau) dtau`` over the FDT regime: ``(xi'(1) - xi'(q))/T``
    (``R dtau = -dC/T``, C from 1 to the plateau ``q``)."""
    return (model.xi_d(1, 1) - model.xi_d(1, q)) / temperature


def fdt_response(temperature=T) -> sp.Expr:
    """``int R(tau) dtau`` over the FDT regime: ``(1 - q)/T``."""
    return (1 - q) / temperature


def response_multiplier(model: SpikedModel, temperature=T) -> sp.Expr:
    """``mu`` from the R equation integrated over the FDT regime, ``-1 = -mu chi + Sigma_F chi``."""
    chi = fdt_response(temperature)
    (mu,) = sp.solve(-1 + _mu * chi - fdt_memory(model, temperature) * chi, _mu)
    return mu


def aging_equations(model: SpikedModel, temperature=T) -> tuple[sp.Expr, sp.Expr]:
    """The ``mu`` equation and the C equation at the plateau, at ``m = 0`` (each ``= 0``).

    The FDT parts are the equilibrium forms of :func:`derivations.dmft.nishimori_equations`
    with plateau ``q`` and ``m = 0``.  The aging part (``R = (x/T) d_s C``, C from ``q`` to 0, the
    two times of the C equation equivalent on the aging scale) adds to the ``mu`` equation
    ``(x/T) int_0^q [xi' + c xi''] dc = (x/T) q xi'(q)`` and to the C equation
    ``(x/T) [int_0^q c xi''(c) dc + int_0^q xi'(c) dc] = (x/T) q xi'(q)`` (using ``xi(0) = 0``).
    """
    _, mu_eq, c_eq = dmft.nishimori_equations(model, temperature)
    plain = {dmft.m: 0, dmft._mu: _mu, dmft._q: q}
    aging = _x * q * model.xi_d(1, q) / temperature
    return mu_eq.subs(plain) + aging, c_eq.subs(plain) + aging


@lru_cache(maxsize=None)
def fdt_ratio(model: SpikedModel, temperature=T) -> sp.Expr:
    """The one-step fluctuation-dissipation ratio ``x`` at plateau ``q``, from :func:`aging_equations`."""
    mu_eq, c_eq = aging_equations(model, temperature)
    (mu,) = sp.solve(mu_eq, _mu)
    (x,) = sp.solve(c_eq.subs(_mu, mu), _x)
    return sp.simplify(x)


def marginality(model: SpikedModel, temperature=T) -> sp.Expr:
    """``(1 - q)**2 xi''(q) - T**2``: zero at the marginal plateau of an aging run."""
    return (1 - q) ** 2 * model.xi_d(2, q) - temperature**2


def escape_condition(model: SpikedModel, temperature=T) -> sp.Expr:
    """``g''(0) - (mu - Sigma_F)``: positive iff ``m`` grows at a positive rate (BBP of the
    marginal states at temperature T), with ``mu`` from :func:`response_multiplier`."""
    return model.g_d(2, 0) - (response_multiplier(model, temperature) - fdt_memory(model, temperature))


@lru_cache(maxsize=None)
def threshold_conditions() -> dict[str, sp.Expr]:
    """The threshold for tensor channels of any orders plus a Bayes-optimal matrix channel, in jets.

    Works in ``chi`` (regular at T = 0, where ``q -> 1``): the escape condition at equality is
    ``g''(0) chi = 1``, marginality ``chi**2 xi''(q) = 1``, with ``q = 1 - T chi``.  Only the matrix
    channel contributes to ``g''(0)``.  Returns the plateau ``q(Delta2, T)``, the residual
    ``1 - Delta2 - Delta2**2 xi_T''(q)`` (positive: the run escapes), its total derivative in
    ``Delta2`` (``q`` moves with ``Delta2``), the marginality function ``(1 - q)**2 xi''(q) - T**2``
    of the full model (to check that its root is unique), the aging ratio ``x`` and the
    asymptotic multiplier ``mu = T/(1 - q) + (xi'(1) - xi'(q))/T`` of an aging run.  Jets
    ``dxi_q, d2xi_q, d3xi_q`` are those of the tensor channels alone at ``q``.
    """
    full = with_matrix_channel(generic(), Delta2)
    chi = sp.Symbol("chi", positive=True)
    g2 = to_jets(full.g_d(2, 0)).subs(jet("g", 2, 0), 0)  # g_T''(0) = 0 for orders >= 3
    (chi_th,) = sp.solve(g2 * chi - 1, chi)  # the escape condition at equality
    plateau = 1 - T * chi_th
    margin_chi = to_jets(chi**2 * full.xi_d(2, q) - 1)
    residual = sp.expand(-margin_chi.subs(chi, chi_th))
    d2, d3 = jet("xi", 2, q), jet("xi", 3, q)
    slope = sp.diff(residual, Delta2) + sp.diff(residual, d2) * d3 * sp.diff(plateau, Delta2)
    margin = to_jets(marginality(full))
    mu_aging = to_jets(response_multiplier(full))
    x = to_jets(fdt_ratio(full)).subs(q, plateau)
    return {"plateau": plateau, "residual": residual, "slope": sp.expand(slope),
            "marginality": margin, "fdt_ratio": sp.simplify(x), "mu": mu_aging}


_c = threshold_conditions()
_dxi_q, _d2xi_q, _d3xi_q = jet("xi", 1, q), jet("xi", 2, q), jet("xi", 3, q)
_dxi_1 = jet("xi", 1, 1)

KERNELS = (
    Kernel("langevin_plateau", (Delta2, T), _c["plateau"],
           "Plateau q = 1 - T Delta2 of the marginal aging states at the Langevin threshold."),
    Kernel("langevin_residual", (Delta2, _d2xi_q), _c["residual"],
           "Langevin threshold at zero: 1 - Delta2 - Delta2**2 xi_T''(q), q = 1 - T Delta2 (> 0: escape)."),
    Kernel("langevin_residual_slope", (Delta2, T, _d2xi_q, _d3xi_q), _c["slope"],
           "Total Delta2-derivative of langevin_residual, with q = 1 - T Delta2."),
    Kernel("langevin_marginality", (q, Delta2, T, _d2xi_q), _c["marginality"],
           "(1 - q)**2 xi''(q) - T**2 with the matrix channel: zero at the marginal plateau."),
    Kernel("langevin_fdt_ratio", (Delta2, T, _dxi_q), _c["fdt_ratio"],
           "One-step fluctuation-dissipation ratio x of the marginal states at the threshold."),
    Kernel("langevin_aging_mu", (q, Delta2, T, _dxi_1, _dxi_q), _c["mu"],
           "Late-time multiplier of a run aging at m = 0 on the plateau q: T/(1 - q) + (xi'(1) - xi'(q))/T."),
)
