"""Message passing and the Bayes-optimal thresholds: ``theory.state_evolution``, three
threshold kinds (``"ml_amp"``, ``"amp"``, ``"information_theoretic"``) and the ``Deltap``
where the information-theoretic transition becomes first order.

References
----------
arXiv:1902.00139 (Passed & Spurious), sections 2-3 and Fig. 1; arXiv:1812.09066, section II.
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import mpmath
import numpy as np

from numerics import message_passing as N
from numerics.backend import MP
from numerics.lines import spiked
from numerics._generated import message_passing_numpy as KN
from theory import _precision, _validate
from theory._results import Result, show

__all__ = ["CriticalPoint", "StateEvolution", "critical_point", "first_order_delta_p", "state_evolution",
           "tensor_recovery_delta_p"]

_SE_KINDS = N.SE_KINDS


@dataclass(frozen=True, eq=False, repr=False)
class StateEvolution(Result):
    """The state evolution of a message-passing algorithm from one start.

    Compares with ``==`` (field by field, arrays element by element) and pickles
    (:class:`theory._results.Result`); ``table()``/``to_xarray()``: the iterates by step.

    Attributes
    ----------
    kind : str
        ``"ml_amp"`` or ``"amp"``.
    p, delta2, delta_p, m0 :
        What was asked (``delta2``, ``delta_p``, ``m0`` as floats or mpf); for a ``model=`` with
        several tensor channels ``p`` and ``delta_p`` are tuples, and ``delta2`` is None (inf)
        without a matrix channel.
    iterates : numpy.ndarray or tuple of mpf
        ``m_0, m_1, ...``, the overlaps along the iteration.
    converged : bool
        Whether ``|m_{t+1} - m_t| <= tol`` was reached within ``iterations`` steps.
    fixed_points : tuple of (m, stable)
        Every fixed point of the map in ``[0, 1)``, increasing, with its stability.
    """

    kind: str
    p: Any
    delta2: Any
    delta_p: Any
    m0: Any
    iterates: Any
    converged: bool
    fixed_points: tuple

    @property
    def fixed_point(self):
        """The last iterate (the fixed point reached, if :attr:`converged`)."""
        last = self.iterates[-1]
        return float(last) if isinstance(last, np.floating) else last

    def __repr__(self) -> str:
        fps = ", ".join(f"{show(m, 8)}{'' if s else ' (unstable)'}" for m, s in self.fixed_points)
        state = "converged" if self.converged else "not converged"
        variance = lambda x: "inf" if x is None else (str(tuple(show(v, 8) for v in x))  # noqa: E731
                                                       if isinstance(x, tuple) else show(x, 8))
        return (f"StateEvolution({self.kind}: p={self.p}, delta2={variance(self.delta2)}, "
                f"delta_p={variance(self.delta_p)}, m0={show(self.m0, 4)} -> "
                f"m = {show(self.fixed_point, 10)} after {len(self.iterates) - 1} steps, "
                f"{state}; fixed points: {fps})")

    def table(self):
        """The iterates ``m`` by ``step``; the parameters, kind, start, convergence and fixed
        points (``"m:stable;..."``) as attributes, ``dps`` the digits of mpf iterates."""
        from theory._export import DIMENSIONLESS, Table, _attrs, _floats, _meta

        m = _floats(self.iterates)
        # the digits the iterates were rounded to (each is exported at dps digits); None: float64
        dps = None if isinstance(self.iterates, np.ndarray) else _mp_digits(self.iterates)
        fixed = ";".join(f"{mpmath.nstr(fp, 12)}:{'stable' if stable else 'unstable'}"
                         for fp, stable in self.fixed_points)
        attrs = _attrs(self, "kind", "m0", "converged", dps=dps, fixed_points=fixed, what="state evolution")
        meta = _meta("step", "m", m=(f"overlap m of the {_SE_NAMES.get(self.kind, self.kind)} iterate",
                                     DIMENSIONLESS))
        return Table("step", np.arange(m.size), {"m": m}, attrs, meta)

    def _draw(self, ax):
        """The iterates against the step (symlog), the fixed points as lines (green: stable)."""
        from theory._export import _M_COLOUR, _floats, _set_title

        m = _floats(self.iterates)
        steps = np.arange(m.size)
        name = _SE_NAMES.get(self.kind, self.kind)
        ax.plot(steps, m, marker="." if m.size < 60 else None, color=_M_COLOUR, label=f"{name} iterates")
        for fp, stable in self.fixed_points:
            ax.axhline(float(fp), color="tab:green" if stable else "tab:red", linestyle="-" if stable else ":",
                       linewidth=1, label=f"fixed point {float(fp):.4g} ({'stable' if stable else 'unstable'})")
        ax.set_xlabel("iteration")
        ax.set_ylabel("overlap m")
        ax.set_xscale("symlog", linthresh=1)
        ax.set_xlim(0, max(1, m.size - 1))
        state = "" if self.converged else ", not converged"
        _set_title(ax, f"state evolution of {name}", f"{self._words()}{state}")
        ax.legend(loc="best", fontsize=8)
        return ax

    def _words(self) -> str:
        """The parameters for a title: ``p = 3, Delta_2 = 0.6, Delta_p = 1, m0 = 1e-06``."""
        from theory._export import _g

        value = lambda x: r"$\infty$" if x is None else _g(x)  # noqa: E731
        if isinstance(self.p, tuple):
            parts = [r"$\Delta_2$ = " + value(self.delta2)]
            parts += [f"$\\Delta_{{{p}}}$ = {value(d)}" for p, d in zip(self.p, self.delta_p)]
        else:
            parts = [f"p = {self.p}", r"$\Delta_2$ = " + value(self.delta2),
                     r"$\Delta_p$ = " + value(self.delta_p)]
        return ", ".join([*parts, "$m_0$ = " + value(self.m0)])


#: The algorithms' names in tables and figures.
_SE_NAMES = {"ml_amp": "ML-AMP", "amp": "Bayes-optimal AMP"}


def _mp_digits(values) -> int | None:
    """Decimal digits of mpf values rounded to a precision (the longest mantissa); None for floats."""
    bits = [x._mpf_[3] for x in values if isinstance(x, mpmath.mpf) and x._mpf_[1]]
    return mpmath.libmp.prec_to_dps(max(bits)) if bits else None



def state_evolution(p: int | None = None, delta_p=None, *, delta2=None, model=None, kind: str = "ml_amp",
                    m0=1e-6, iterations: int = 100_000, tol=None, dps: int | None = None) -> StateEvolution:
    """Iterate the state evolution of ML-AMP or Bayes-optimal AMP, and list its fixed points.

    - ``kind="ml_amp"``: ``m <- xi'(m) / sqrt(xi'(m)**2 + xi'(1))``; a positive fixed point is
      the gradient-flow end state ``xi'(m)**2 (1 - m**2) = m**2 xi'(1)``.
    - ``kind="amp"``: ``m <- mhat/(1 + mhat)``, ``mhat = xi'(m)``; its fixed points are the
      stationary points of the replica-symmetric free entropy.

    with ``xi(q) = q**2/(2 delta2) + q**p/(p delta_p)``, or the covariance of ``model``.

    Parameters
    ----------
    p : int
        Tensor order, >= 3 (shorthand for ``model=Model(delta2, {p: delta_p})``).
    delta2, delta_p : number
        Noise variances, positive and finite.
    model : theory.Model, optional
        Any Bayes-optimal model (several tensor channels, or none of the matrix); not together
        with ``p``, ``delta2``, ``delta_p``.  A model with ``assumed`` variances is refused.
    kind : {"ml_amp", "amp"}
        Which algorithm.
    m0 : number
        Initial overlap in ``[0, 1)``; small for an uninformed start (default ``1e-6``).
    iterations : int
        Maximal number of steps (>= 1).
    tol : number, optional
        Stop when two iterates differ by at most ``tol``; default ``1e-14`` in float64,
        ``10**-dps`` otherwise.  Near a threshold the convergence is slow (critical slowing
        down): check :attr:`StateEvolution.converged`.
    dps : int, optional
        Decimal digits; None iterates in float64.  Every iterate and fixed point is certified
        by two evaluations 20 digits apart (:class:`~theory.PrecisionError` otherwise).

    Returns
    -------
    StateEvolution

    Raises
    ------
    ValueError
        For parameters outside their ranges, an unknown kind or a mismatched model.

    Examples
    --------
    >>> import theory
    >>> se = theory.state_evolution(p=3, delta2=0.5, delta_p=2.0, kind="amp")
    >>> round(se.fixed_point, 10), se.converged
    (0.5615528128, True)
    >>> [(round(m, 6), stable) for m, stable in se.fixed_points]
    [(0.0, False), (0.561553, True)]
    >>> mixture = theory.Model(delta2=0.5, tensors={3: 2.0, 4: 1.0})
    >>> round(theory.state_evolution(model=mixture, kind="amp").fixed_point, 5)
    0.63165
    >>> theory.state_evolution(p=3, delta2=0.5, delta_p=2.0, kind="bayes")
    Traceback (most recent call last):
        ...
    ValueError: kind must be one of 'ml_amp', 'amp'; got 'bayes'

    References
    ----------
    arXiv:1902.00139, sections 2-3; arXiv:1812.09066, section II.
    """
    from theory._model import Model

    if kind not in _SE_KINDS:
        raise ValueError(f"kind must be one of {', '.join(map(repr, _SE_KINDS))}; got {kind!r}")
    model = Model.of_call(model, p, delta2, delta_p)
    model.require_bayes_optimal(f"state_evolution(kind={kind!r})")
    start = _validate.exact("m0", m0)
    if not 0 <= start < 1:
        raise ValueError(f"m0 must lie in [0, 1), got {m0!r}")
    if isinstance(iterations, bool) or not isinstance(iterations, numbers.Integral) or iterations < 1:
        raise ValueError(f"iterations must be an integer >= 1, got {iterations!r}")
    dps = _validate.check_dps(dps)
    tol_exact = None if tol is None else _validate.positive_exact("tol", tol)
    exact = model.field
    orders = model.orders
    p_out = orders[0] if len(orders) == 1 else orders
    if dps is None:
        from numerics.model import field as make_field

        floats = make_field({k: _float_variance(k, v, model) for k, v in exact.variances.items()})
        tolerance = 1e-14 if tol_exact is None else float(min(tol_exact, Fraction(10) ** 300))  # no overflow
        with np.errstate(all="ignore"):
            its, converged = N.iterate(kind, float(start), floats, iterations=iterations, tol=tolerance)
            fps = tuple((float(m), s) for m, s in N.fixed_points(kind, floats))
        if not (np.all(np.isfinite(np.asarray(its, dtype=np.float64))) and all(np.isfinite(m) for m, _ in fps)):
            raise ValueError(f"state_evolution: float64 cannot resolve the iteration of {model!r} (an "
                             f"intermediate overflows); pass dps=")
        d2 = None if model.delta2 is None else float(model.delta2)
        dp = tuple(float(dict(model.tensors)[k]) for k in orders)
        return StateEvolution(kind, p_out, d2, dp[0] if len(dp) == 1 else dp, float(start), np.asarray(its),
                              converged, fps)

    def compute(ctx):
        tolerance = ctx.mpf(10) ** (-dps) if tol_exact is None else _precision.to_mp(ctx, tol_exact)
        b = MP(ctx.dps)
        its, converged = N.iterate(kind, _precision.to_mp(ctx, start), exact, iterations=iterations,
                                   tol=tolerance, b=b)
        fps = N.fixed_points(kind, exact, b=b)
        return tuple(its), converged, tuple(m for m, _ in fps), tuple(s for _, s in fps)

    its, converged, ms, stable = _precision.certify(compute, dps, f"state evolution ({kind}) of {model!r}")
    ctx = _precision.context(dps)
    out = lambda x: _precision.export(_precision.to_mp(_precision.context(dps + 5), x), dps)  # noqa: E731
    d2 = None if model.delta2 is None else out(model.delta2)
    dp = tuple(out(dict(model.tensors)[k]) for k in orders)
    del ctx
    return StateEvolution(kind, p_out, d2, dp[0] if len(dp) == 1 else dp, out(start), its, converged,
                          tuple(zip(ms, stable)))


def _float_variance(k: int, v, model) -> np.float64:
    """A channel variance as a normal float64, else a ValueError naming it and suggesting ``dps=``."""
    f = float(v) if abs(v) < 2**1024 else np.inf
    coefficient = 1 / (k * f) if f else np.inf
    if not (_TINY <= f < np.inf and _TINY <= coefficient < np.inf):
        name = "delta2" if k == 2 else ("delta_p" if len(model.tensors) == 1 else f"model tensors[{k}]")
        from numerics.model import _magnitude

        raise ValueError(f"{name} = {_magnitude(Fraction(v))} is beyond the "
                         f"float64 range of state_evolution (float64 cannot resolve it); pass dps=")
    return np.float64(f)


_TINY = float(np.finfo(np.float64).tiny)


def _certified(solve, what: str, dps: int | None):
    """``solve(ctx).value`` certified to ``dps`` digits by :func:`theory._precision.certify`;
    float64 (``dps=None``) by the one float64 policy with no float64 route
    (:func:`numerics.certify.evaluate_float`: certified to 17 digits, then rounded)."""
    if dps is None:
        from numerics.certify import evaluate_float

        return float(evaluate_float(None, lambda index: solve, what))
    return _precision.certify(lambda ctx: solve(ctx).value, dps, what)


def first_order_delta_p(p: int, *, dps: int | None = None):
    """The ``Deltap`` below which the information-theoretic transition is first order.

    Above it ``Delta2_IT = 1`` (the overlap leaves 0 continuously at the weak-recovery point);
    below it ``Delta2_IT > 1`` and the Bayes-optimal overlap jumps out of ``m = 0`` (uninformed
    AMP is then stuck at 0 for ``1 < Delta2 < Delta2_IT``).  This is not where the MMSE stops
    being first order: for p >= 4 it jumps between two nonzero overlaps, below ``Delta2 = 1``,
    up to the larger ``Deltap`` of :func:`critical_point` (``threshold(kind="mmse_jump")``).  For p = 3 it is the tricritical
    point ``Deltap = 1`` where the cubic term of the free entropy vanishes at ``Delta2 = 1``;
    for p >= 4 the first-order line meets ``Delta2 = 1`` at a finite overlap, solved as the
    system ``phi(m) = 0 = phi'(m)`` at ``Delta2 = 1`` for ``(m, Deltap)``.

    Parameters
    ----------
    p : int
        Tensor order, >= 3.
    dps : int, optional
        Decimal digits (certified by two evaluations 20 digits apart); None for a float.

    Returns
    -------
    float or mpmath.mpf

    Examples
    --------
    >>> import theory
    >>> theory.first_order_delta_p(3)
    1.0
    >>> round(theory.first_order_delta_p(4), 12)
    0.237805503461
    >>> import mpmath
    >>> mpmath.nstr(theory.first_order_delta_p(5, dps=30), 30)
    '0.134312372331801983074891920329'
    >>> theory.first_order_delta_p(2)
    Traceback (most recent call last):
        ...
    ValueError: p must be an integer >= 3, got 2

    References
    ----------
    arXiv:1812.09066, Fig. 1; arXiv:1902.00139, Fig. 1.
    """
    p = _validate.check_p(p)
    dps = _validate.check_dps(dps)
    return _certified(lambda ctx: N.onset(MP(ctx.dps), p), f"first-order onset at p={p}", dps)


def tensor_recovery_delta_p(p: int, *, dps: int | None = None):
    """The ``Deltap`` at or below which the tensor alone allows recovery: ``Delta2_IT`` is infinite.

    The equal-height system ``phi(m) = 0 = phi'(m)`` at ``1/Delta2 = 0`` for ``(m, Deltap)``:
    the information-theoretic threshold of the pure spiked tensor.

    Examples
    --------
    >>> import theory
    >>> round(theory.tensor_recovery_delta_p(3), 12)
    0.228972839057
    >>> theory.threshold(3, 0.2, kind="information_theoretic")
    inf

    References
    ----------
    arXiv:1812.09066, section II.
    """
    p = _validate.check_p(p)
    dps = _validate.check_dps(dps)
    return _certified(lambda ctx: N.tensor_only(MP(ctx.dps), p), f"tensor-only recovery at p={p}", dps)


@dataclass(frozen=True, eq=False)
class CriticalPoint(Result):
    """The end point of the line of first-order MMSE transitions (:func:`critical_point`).

    Compares with ``==``, hashes and pickles (:class:`theory._results.Result`);
    ``table()``/``to_xarray()``: one row, indexed by ``p``.

    Attributes
    ----------
    p : int
    delta_p, delta2, m :
        ``Deltap``, ``Delta2`` and the overlap there: exact ``fractions.Fraction`` (``dps=None``)
        or ``mpmath.mpf`` rounded to ``dps`` digits.
    dps : int or None
    """

    p: int
    delta_p: Any
    delta2: Any
    m: Any
    dps: int | None = None

    def __repr__(self) -> str:
        return (f"CriticalPoint(p={self.p}: Deltap = {show(self.delta_p, self.dps)}, "
                f"Delta2 = {show(self.delta2, self.dps)}, m = {show(self.m, self.dps)})")

    def table(self):
        """One row at ``p``: ``delta_p``, ``delta2`` and ``m`` of the critical point (float64;
        ``dps`` says the digits they were computed to, ``"float64"`` for the exact rationals)."""
        from theory._export import DIMENSIONLESS, Table, _attrs, _floats, _meta

        data = {"delta_p": _floats([self.delta_p]), "delta2": _floats([self.delta2]), "m": _floats([self.m])}
        attrs = _attrs(self, dps=self.dps, what="end point of the line of first-order MMSE transitions")
        for name in ("p", "delta2", "delta_p"):  # in the table itself
            attrs.pop(name, None)
        where = "at the critical point (end of the first-order MMSE line)"
        meta = _meta("p", delta_p=(f"Delta_p {where}", DIMENSIONLESS), delta2=(f"Delta_2 {where}", DIMENSIONLESS),
                     m=("overlap m at the critical point", DIMENSIONLESS))
        return Table("p", np.array([self.p]), data, attrs, meta)

    def _draw(self, ax):
        """The point in the ``(Deltap, Delta2)`` plane, labelled with its overlap."""
        dp, d2, m = float(self.delta_p), float(self.delta2), float(self.m)
        ax.plot([dp], [d2], marker="o", color="black", linestyle="none",
                label=f"critical point, m = {m:.4g}")
        ax.set_xlabel(r"$\Delta_p$ (noise variance of the tensor channel)")
        ax.set_ylabel(r"$\Delta_2$ (noise variance of the matrix channel)")
        ax.set_title(f"end of the first-order MMSE line, p = {self.p}")
        ax.legend(loc="best", fontsize=8)
        return ax


def critical_point(p: int, *, dps: int | None = None) -> CriticalPoint:
    """Where the line of first-order MMSE transitions ends: ``(Deltap, Delta2, m)``.

    For p >= 4 and ``Deltap`` below the critical value the Bayes state evolution has two stable
    branches for a range of ``Delta2 < 1`` (the hard phase): the Bayes-optimal overlap jumps
    between them at ``threshold(kind="mmse_jump")``, and AMP from an uninformed start stays on
    the low one until ``threshold(kind="amp")``.  The two lines meet at this point, where the
    fixed-point map has a triple root (``F = F' = F'' = 0`` for ``F(m) = amp_map(m) - m``).
    Derived by SymPy in closed form for every p (derivations/message_passing.py)::

        m = (p - 3)/(p - 1),  Delta2 = 4 (p - 2)/(p - 1)**2,
        Deltap = 4 (p - 2) (p - 3)**(p - 3) / (p - 1)**(p - 1)

    For p = 3 it is the tricritical point ``(1, 1, 0)``.  Compare :func:`first_order_delta_p`,
    the ``Deltap`` below which the *information-theoretic* threshold exceeds 1: smaller than
    the critical ``Deltap`` for p >= 4, so that between the two the MMSE jumps between two
    nonzero overlaps while ``threshold(kind="information_theoretic")`` is 1.

    Parameters
    ----------
    p : int
        Tensor order, >= 3.
    dps : int, optional
        None: exact rationals (``fractions.Fraction``); an integer: ``mpmath.mpf`` rounded to
        ``dps`` digits.

    Returns
    -------
    CriticalPoint

    Examples
    --------
    >>> import theory
    >>> theory.critical_point(4)
    CriticalPoint(p=4: Deltap = 8/27, Delta2 = 8/9, m = 1/3)
    >>> theory.critical_point(6)
    CriticalPoint(p=6: Deltap = 432/3125, Delta2 = 16/25, m = 3/5)
    >>> theory.critical_point(4, dps=20)
    CriticalPoint(p=4: Deltap = 0.2962962962962962963, Delta2 = 0.88888888888888888889, m = 0.33333333333333333333)
    >>> theory.critical_point(2)
    Traceback (most recent call last):
        ...
    ValueError: p must be an integer >= 3, got 2

    References
    ----------
    arXiv:1812.09066, section II (the hard phase of the spiked matrix-tensor model).
    """
    p = _validate.check_p(p)
    dps = _validate.check_dps(dps)
    exact = []
    for kernel in (KN.critical_delta_p, KN.critical_delta2, KN.critical_m):
        # The printed closed form is arithmetic only: on a Fraction it evaluates exactly.
        value = kernel(Fraction(p))
        if not isinstance(value, Fraction):  # pragma: no cover - the derivation changed form
            raise TypeError(f"{kernel.__name__} no longer evaluates exactly on rationals")
        exact.append(value)
    if dps is None:
        return CriticalPoint(p, *exact)
    return CriticalPoint(p, *(_precision.export(_precision.to_mp(_precision.context(dps + 5), x), dps) for x in exact),
                         dps=dps)


class NoJump(spiked.NoJump):
    """``kind="mmse_jump"`` where the Bayes-optimal overlap does not jump (nan in float64)."""
