"""End states of the large-N gradient-flow dynamics (DMFT), derived from its equations.

The dynamical mean-field equations of docs/dynamics.md (Crisanti-Horner-Sommers /
Cugliandolo-Kurchan with a signal) for the correlation ``C(t,t')``, the response ``R(t,t')``,
the overlap ``m(t)`` and the multiplier ``mu(t)``, with covariance ``Q = xi`` and signal
``g`` (``g = xi`` here), read for ``t > t'``::

    d/dt C(t,t') = -mu C(t,t') + g'(m(t)) m(t') + int_0^t Q''(C(t,s)) R(t,s) C(s,t') ds
                   + int_0^t' Q'(C(t,s)) R(t',s) ds
    d/dt R(t,t') = -mu R(t,t') + int_t'^t Q''(C(t,s)) R(t,s) R(s,t') ds
    d/dt m       = -mu m + g'(m) + int_0^t Q''(C(t,s)) R(t,s) m(s) ds
    mu           = T + m g'(m) + int_0^t R(t,s) [Q'(C(t,s)) + C(t,s) Q''(C(t,s))] ds
    e            = -g(m) - int_0^t R(t,s) Q'(C(t,s)) ds

Two long-time ansatzes close them into algebraic equations, solved here with SymPy:

*Success* (a run that finds the signal, T = 0): ``m(t) -> m``, ``C -> 1`` between late times
and a time-translation-invariant response of integral ``chi``.  The late-time limits of the
equations for m, mu and the integral of the R equation over the lag are three equations for
``(m, mu, chi)``; they give ``chi = m/g'(m)``, ``mu = g'(m)/m + chi Q''(1)``,
``e = -g(m) - chi Q'(1)`` and the overlap condition ``g'(m)^2 (1 - m^2) = m^2 Q'(1)``
(the ML-AMP fixed point of docs/phase_diagram.md).

*Stuck* (a run that stays at m = 0, T = 0): one-step aging (Cugliandolo-Kurchan 1993).
Lags of order one carry a stationary response of integral ``chi`` with ``C = 1``; on the
aging scale ``R(t,s) = y d/ds C(t,s)`` with ``C`` spanning ``[0, 1]`` (``y = x/T`` stays
finite as T -> 0).  The stationary response satisfies ``Q''(1) chi^2 - mu chi + 1 = 0``;
marginality (a double root) gives ``mu = 2 sqrt(Q''(1))``, ``chi = 1/sqrt(Q''(1))``; the mu
equation then fixes ``y`` and the energy equation gives the threshold energy
``e_th = -chi Q'(1) - y (Q(1) - Q(0))``.  For the pure p-spin ``Q = q^p/2`` this is the known
``-sqrt(2 (p-1)/p)`` (tests/derivations/test_dmft.py).

References
----------
arXiv:1907.08226, section 4 and appendix; arXiv:1812.09066 (Langevin, T > 0);
Cugliandolo & Kurchan, Phys. Rev. Lett. 71, 173 (1993), arXiv:cond-mat/9303036.
"""

from __future__ import annotations

import math
from functools import lru_cache

import sympy as sp
from sympy.codegen.cfunctions import expm1

from derivations.kernel import Kernel
from derivations.model import MODEL, SpikedModel, generic, jet, to_jets
from derivations.symbols import Delta2, Deltap, at_zero, m, mu, p, q

#: Auxiliary unknowns of the ansatzes: multiplier, integrated response, aging slope.
_mu, _chi, _y, _q = sp.symbols("mu_dyn chi_dyn y_dyn q_dyn", real=True)


def mu_integrand(model: SpikedModel, at: sp.Expr = q) -> sp.Expr:
    """``Q'(C) + C Q''(C)``: the kernel of the memory integral in the mu equation."""
    return model.xi_d(1, at) + at * model.xi_d(2, at)


def success_equations(model: SpikedModel) -> tuple[sp.Expr, sp.Expr, sp.Expr]:
    """Late-time limits of the m, mu and integrated R equations (each ``= 0``), T = 0.

    With ``C(t,s) -> 1`` and ``R(t,s) -> R(t - s)`` of integral ``chi`` between late times
    (early times do not contribute: R decays), ``int Q''(C) R m(s) ds -> Q''(1) chi m`` and
    ``int R [Q' + C Q''] ds -> chi (Q'(1) + Q''(1))``; integrating ``d/dt R`` over the lag
    from ``R(0) = 1`` to ``R(inf) = 0`` gives ``-1 = -mu chi + Q''(1) chi^2``.
    """
    q1, q2 = model.xi_d(1, 1), model.xi_d(2, 1)
    g1 = model.g_d(1, m)
    m_eq = -_mu * m + g1 + q2 * _chi * m
    mu_eq = m * g1 + _chi * (q1 + q2) - _mu
    r_eq = q2 * _chi**2 - _mu * _chi + 1
    return m_eq, mu_eq, r_eq


@lru_cache(maxsize=None)
def success_state(model: SpikedModel = MODEL) -> dict[str, sp.Expr]:
    """Solve :func:`success_equations`: ``chi``, ``mu``, ``e`` as functions of m, and the
    condition on m (``overlap_condition = 0``)."""
    m_eq, mu_eq, r_eq = success_equations(model)
    mu_of_chi = sp.solve(m_eq, _mu)[0]
    # Put mu into the R equation: the chi**2 terms cancel, leaving chi linear.
    chi_sol = sp.solve(sp.expand(r_eq.subs(_mu, mu_of_chi)), _chi)
    (chi,) = chi_sol
    chi = sp.simplify(chi)
    mu_end = sp.simplify(mu_of_chi.subs(_chi, chi))
    # The mu equation is the remaining condition on m; clear the denominators g'(m) and m.
    g1 = model.g_d(1, m)
    # Sign chosen so that the condition reads g'(m)^2 (1 - m^2) - m^2 Q'(1) (docs/dynamics.md).
    condition = sp.powsimp(sp.expand(-sp.simplify(mu_eq.subs({_mu: mu_end, _chi: chi}) * m * g1)))
    energy = sp.simplify(-model.g_d(0, m) - chi * model.xi_d(1, 1))
    return {"chi": chi, "mu": mu_end, "energy": energy, "condition": condition}


def overlap_condition_reference(model: SpikedModel) -> sp.Expr:
    """``g'(m)^2 (1 - m^2) - m^2 Q'(1)``: the form of docs/dynamics.md (for the tests)."""
    return model.g_d(1, m) ** 2 * (1 - m**2) - m**2 * model.xi_d(1, 1)


@lru_cache(maxsize=None)
def aging_state(model: SpikedModel = MODEL) -> dict[str, sp.Expr]:
    """One-step aging at m = 0, T = 0: ``mu``, ``chi``, ``y`` and the threshold energy.

    The stationary response: ``Q''(1) chi^2 - mu chi + 1 = 0``, marginal (double root).
    The mu equation: the stationary part gives ``chi (Q'(1) + Q''(1))`` (C = 1 there); the
    aging part ``y int_0^1 dC (Q'(C) + C Q''(C)) = y [C Q'(C)]_0^1``.
    The energy: ``-chi Q'(1) - y int_0^1 Q'(C) dC = -chi Q'(1) - y (Q(1) - Q(0))``.
    """
    q2 = model.xi_d(2, 1)
    r_eq = q2 * _chi**2 - _mu * _chi + 1
    # Marginal: the discriminant vanishes; mu > 0 picks the physical root.
    roots = sp.solve(sp.discriminant(r_eq, _chi), _mu)
    # mu > 0 picks the physical root (Q''(1) > 0 for every model)
    (mu_th,) = [r for r in roots if sp.sign(r.subs({p: 3, Delta2: 1, Deltap: 1}).replace(
        lambda e: isinstance(e, sp.Subs), lambda e: sp.Integer(1))) > 0]
    (chi_th,) = sp.solve(r_eq.subs(_mu, mu_th), _chi)
    aging_mu = model.xi_d(1, 1) * 1 - at_zero(q * model.xi_d(1, q), q)  # [C Q'(C)]_0^1
    mu_eq = chi_th * (model.xi_d(1, 1) + q2) + _y * aging_mu - mu_th
    (y,) = sp.solve(mu_eq, _y)
    y = sp.simplify(y)
    xi0 = at_zero(model.xi_d(0, q), q)
    energy = -chi_th * model.xi_d(1, 1) - y * (model.xi_d(0, 1) - xi0)
    return {"mu": mu_th, "chi": sp.simplify(chi_th), "y": y, "energy": sp.simplify(energy)}


def nishimori_equations(model: SpikedModel, temperature=1) -> tuple[sp.Expr, sp.Expr, sp.Expr]:
    """Equilibrium limits of the m, mu and far-separated C equations (each ``= 0``), T > 0.

    A run that equilibrates is time-translation invariant with the fluctuation-dissipation
    relation ``R(tau) = -C'(tau)/T``; ``C(tau)`` falls from 1 to a plateau ``q`` at large
    separation.  Then ``int R Q''(C) ds = (Q'(1) - Q'(q))/T`` and ``int R [Q' + C Q''] =
    [C Q'(C)]_q^1 / T``; in the C equation at large ``t - t'`` the first memory integral
    sees ``C(s, t') -> q`` near ``s = t`` and the second ``C(t, s) -> q`` near ``s = t'``,
    with ``int R = (1 - q)/T``.  Unknowns ``mu, q`` and the overlap ``m``.
    """
    T = sp.sympify(temperature)
    g1 = model.g_d(1, m)
    q1 = lambda a: model.xi_d(1, a)  # noqa: E731
    m_eq = -_mu * m + g1 + m * (q1(1) - q1(_q)) / T
    mu_eq = T + m * g1 + (q1(1) - _q * q1(_q)) / T - _mu
    c_eq = -_mu * _q + m * g1 + _q * (q1(1) - q1(_q)) / T + q1(_q) * (1 - _q) / T
    return m_eq, mu_eq, c_eq


@lru_cache(maxsize=None)
def nishimori_state(model: SpikedModel = MODEL) -> dict[str, sp.Expr]:
    """The T = 1 equilibrium of a Bayes-optimal model (``g = xi``) on the Nishimori line ``q = m``.

    With ``q = m`` and ``T = 1`` the mu equation gives ``mu = 1 + Q'(1)``, the m equation then
    ``Q'(m) (1 - m) = m`` (cleared form ``condition = 0``): the fixed point ``m = mhat/(1 + mhat)``,
    ``mhat = Q'(m)`` of Bayes-optimal state evolution (docs/phase_diagram.md); the C equation
    holds identically (checked in tests/derivations/test_dmft.py).  The energy
    ``e = -g(m) - (Q(1) - Q(q))/T`` is ``-Q(1)`` whatever ``m``.
    """
    m_eq, mu_eq, _ = (e.subs(_q, m) for e in nishimori_equations(model, 1))
    (mu_eq_sol,) = sp.solve(mu_eq, _mu)
    condition = sp.expand(m_eq.subs(_mu, mu_eq_sol))
    energy = sp.simplify(-model.g_d(0, m) - (model.xi_d(0, 1) - model.xi_d(0, m)))
    return {"mu": sp.simplify(mu_eq_sol), "condition": condition, "energy": energy}


def bayes_fixed_point_condition(model: SpikedModel) -> sp.Expr:
    """``mhat/(1 + mhat) - m`` with ``mhat = Q'(m)``, cleared of the denominator (for the tests)."""
    mhat = model.xi_d(1, m)
    return mhat - m * (1 + mhat)


# --- the short-lag response: the diagonal cell of scheme="fdt" -----------------------------------
#: The step, the lag, the temperature; the time derivative of mu at the row's time.
_h, _tau, _u, _T = sp.symbols("h tau_lag u_lag T", positive=True)
_dmu = sp.Symbol("dmu", real=True)


@lru_cache(maxsize=None)
def short_lag_response(model: SpikedModel, order: int = 3) -> tuple:
    """``R(t, t - tau)`` to ``O(tau^(order+1))`` at fixed ``t``, from the response equation.

    Write ``R(s0 + tau, s0) = 1 + sum_k r_k(s0) tau^k/k!`` (``R(t'+, t') = 1``) and put it into
    ``d/dt R(t, t') = -mu(t) R(t, t') + int_t'^t Q''(C(t, s)) R(t, s) R(s, t') ds`` at
    ``t = s0 + tau``.  Every function of a time near ``s0`` (``mu``, the ``r_k``, the
    curvature of the correlation) is its Taylor polynomial about ``s0`` in the symbols
    ``mu_j = mu^(j)(s0)``, ``c_j``; the correlation next to the diagonal is
    ``C(s + v, s) = 1 - T v + c(s) v^2/2`` (its cusp at T > 0; ``c`` drops out to the orders
    below).  The power ``tau^(k-1)`` of the equation gives ``r_k`` from ``r_1 .. r_(k-1)``:
    ``r_1 = -mu``, ``r_2 = mu^2 - mu' + Q''(1)``.  A row's cell is at fixed ``t``
    (``s0 = t - tau``), which turns ``-mu'`` into ``+mu'``.  (Polynomial arithmetic in a ring,
    truncated at the power needed: a fraction of a second.)

    Returns ``(series, mus)``: the polynomial in ``tau_lag`` and the symbols ``mu_j`` it is
    written in (``mu_0 = mu(t)``, ``mu_1 = mu'(t)``, ... at the row's time ``t``).
    """
    mus = sp.symbols(f"mu_0:{order + 2}", real=True)
    cs = sp.symbols(f"c_0:{order + 2}", real=True)
    jets = sp.symbols(f"Q_2:{order + 2}", real=True)  # the model's Q^(j)(1), put in at the end
    unknown = sp.Symbol("r_new")
    ring, tau, u, T, new, *rest = sp.ring([_tau, _u, _T, unknown, *mus, *cs, *jets], sp.QQ)
    mu_r, c_r, q_r = rest[:order + 2], rest[order + 2:2 * order + 4], rest[2 * order + 4:]

    def shift(e):  # d/ds0 of a polynomial in the Taylor symbols at s0
        return sum((e.diff(a[j]) * a[j + 1] for a in (mu_r, c_r) for j in range(order + 1)),
                   ring.zero)

    def taylor(coefficient, x, n):  # f(s0 + x) to O(x^n), f(s0) = coefficient
        out, term = ring.zero, coefficient
        for j in range(n):
            out += term * x**j * sp.QQ(1, math.factorial(j))
            term = shift(term)
        return out

    def cut(e, n):  # the terms of degree <= n in (tau, u)
        return ring({mon: c for mon, c in e.terms() if mon[0] + mon[1] <= n})

    r = {}
    for k in range(1, order + 1):

        def R(a, b):  # R(s0 + a, s0 + b) for a > b; r_k unknown
            return 1 + sum((taylor(r.get(j, new), b, max(k - 1, 1)) * (a - b) ** j
                            * sp.QQ(1, math.factorial(j)) for j in range(1, k + 1)), ring.zero)

        c = 1 - T * (tau - u) + taylor(c_r[0], u, k - 1) * (tau - u) ** 2 * sp.QQ(1, 2)
        qpp = sum((q_r[j] * cut((c - 1) ** j, k - 2) * sp.QQ(1, math.factorial(j))
                   for j in range(k - 1)), ring.zero)
        integrand = cut(cut(qpp * R(tau, u), k - 2) * R(u, 0), k - 2)
        # the power tau^(k-1) of the equation; int_0^tau u^a tau^b du = tau^(a+b+1)/(a+1)
        memory = sum((ring({(0, 0) + mon[2:]: coef * sp.QQ(1, mon[1] + 1)})
                      for mon, coef in integrand.terms() if mon[0] + mon[1] == k - 2), ring.zero)
        local = R(tau, 0).diff(tau) + cut(taylor(mu_r[0], tau, k) * R(tau, 0), k)
        local = sum((ring({(0, 0) + mon[2:]: coef}) for mon, coef in local.terms()
                     if mon[0] == k - 1), ring.zero)
        equation = local - memory  # linear in the unknown r_k
        slope, rest = equation.coeff_wrt(new, 1), equation.coeff_wrt(new, 0)
        if not slope.is_ground:
            raise AssertionError(f"r_{k} enters the equation of order {k - 1} non-trivially")
        r[k] = -rest * (1 / slope.LC)
    at_t = 1 + sum((cut(taylor(r[k], -tau, order + 1) * tau**k * sp.QQ(1, math.factorial(k)),
                        order) for k in r), ring.zero)
    series = at_t.as_expr()
    return series.xreplace({a: model.xi_d(2 + j, 1) for j, a in enumerate(jets)}), mus


def diag_cell_series(model: SpikedModel, order: int = 3) -> sp.Expr:
    """``int_0^h R(t, t - tau) dtau`` (the response's cell over the step next to the
    diagonal) to ``O(h^(order+2))``, in ``mu = mu(t)``, ``dmu = mu'(t)``, ``mu_2 = mu''(t)``,
    ...  (:func:`short_lag_response`); with ``order = 3``::

        h - mu h^2/2 + (mu^2 + mu' + Q''(1)) h^3/6
          - (mu^3 + 3 mu Q''(1) + 3 mu mu' + mu'' + T Q'''(1)) h^4/24
    """
    series, mus = short_lag_response(model, order)
    cell = sp.expand(sp.integrate(series, (_tau, 0, _h)))
    return cell.xreplace({mus[0]: mu, mus[1]: _dmu})


def diag_cell_response(model: SpikedModel) -> sp.Expr:
    """``(1 - exp(-mu h))/mu + (mu'(t) + Q''(1)) h^3/6``: :func:`diag_cell_series` to
    ``O(h^3)``, the powers of ``mu`` alone resummed into the cell integral of ``exp(-mu tau)``
    (the response without memory at a frozen ``mu``, exact for any ``mu h``).  The neglected
    term is ``-(3 mu (mu' + Q''(1)) + mu'' + T Q'''(1)) h^4/24`` (tests/derivations/test_dmft.py).
    """
    return -expm1(-mu * _h) / mu + (_dmu + model.xi_d(2, 1)) * _h**3 / 6


#: Any model (mixtures, pure tensors, mismatched losses): the formulas in jets of xi and g.
GENERIC = generic()
_success = {k: to_jets(v) for k, v in success_state(GENERIC).items()}
_aging = {k: to_jets(v).subs(jet("xi", 0, 0), 0) for k, v in aging_state(GENERIC).items()}
#: Any Bayes-optimal model (g = xi): the T = 1 equilibrium needs the Nishimori structure.
GENERIC_BAYES = SpikedModel(xi=GENERIC.xi, g=GENERIC.xi)
_nishimori = {k: to_jets(v) for k, v in nishimori_state(GENERIC_BAYES).items()}
_j = jet
_dxi_q, _d2xi_q = _j("xi", 1, q), _j("xi", 2, q)
_g_m, _dg_m, _dxi_m = _j("g", 0, m), _j("g", 1, m), _j("xi", 1, m)
_xi_1, _dxi_1, _d2xi_1 = _j("xi", 0, 1), _j("xi", 1, 1), _j("xi", 2, 1)

KERNELS = (
    Kernel("mu_integrand", (q, _dxi_q, _d2xi_q), to_jets(mu_integrand(GENERIC)),
           "Q'(q) + q Q''(q): kernel of the memory integral of the multiplier mu."),
    Kernel("end_condition", (m, _dg_m, _dxi_1), _success["condition"],
           "Overlap of a successful run: zero of g'(m)^2 (1 - m^2) - m^2 Q'(1) (cleared form)."),
    Kernel("end_chi", (m, _dg_m), _success["chi"],
           "Integrated response chi = m/g'(m) of a successful run at overlap m."),
    Kernel("end_mu", (m, _dg_m, _d2xi_1), _success["mu"],
           "Multiplier mu = g'(m)/m + chi Q''(1) of a successful run at overlap m."),
    Kernel("end_energy", (m, _g_m, _dg_m, _dxi_1), _success["energy"],
           "Energy e = -g(m) - chi Q'(1) of a successful run at overlap m."),
    Kernel("aging_mu", (_d2xi_1,), _aging["mu"],
           "Multiplier of a stuck run (marginal states): mu = 2 sqrt(Q''(1))."),
    Kernel("aging_chi", (_d2xi_1,), _aging["chi"],
           "Stationary integrated response of a stuck run: chi = 1/sqrt(Q''(1))."),
    Kernel("aging_slope", (_dxi_1, _d2xi_1), _aging["y"],
           "One-step aging slope y = x/T of R = y dC/ds at T = 0."),
    Kernel("aging_energy", (_xi_1, _dxi_1, _d2xi_1), _aging["energy"],
           "Threshold energy of a stuck run from the one-step aging ansatz at T = 0."),
    Kernel("nishimori_condition", (m, _dxi_m), _nishimori["condition"],
           "Overlap of a T = 1 Bayes-optimal equilibrium: zero of Q'(m) (1 - m) - m."),
    Kernel("nishimori_mu", (_dxi_1,), _nishimori["mu"],
           "Multiplier of the T = 1 Bayes-optimal equilibrium: mu = 1 + Q'(1)."),
    Kernel("diag_cell_response", (_h, mu, _dmu, _d2xi_1), to_jets(diag_cell_response(GENERIC)),
           "Response cell int_0^h R(t, t - tau) dtau next to the diagonal, to O(h^3): "
           "(1 - exp(-mu h))/mu + (mu'(t) + Q''(1)) h^3/6."),
)
