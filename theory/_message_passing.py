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
from typing import Any

import mpmath
import numpy as np

from numerics import message_passing as N
from numerics import solvers
from numerics._generated import message_passing_mpmath as KM
from numerics._generated import message_passing_numpy as KN
from theory import _precision, _validate
from theory._thresholds import ThresholdKind, one_channel, register_kind

__all__ = ["StateEvolution", "first_order_delta_p", "state_evolution", "tensor_recovery_delta_p"]

_SE_KINDS = ("ml_amp", "amp")


@dataclass(frozen=True, eq=False)
class StateEvolution:
    """The state evolution of a message-passing algorithm from one start.

    Attributes
    ----------
    kind : str
        ``"ml_amp"`` or ``"amp"``.
    p, delta2, delta_p, m0 :
        What was asked (``delta2``, ``delta_p``, ``m0`` as floats or mpf).
    iterates : numpy.ndarray or tuple of mpf
        ``m_0, m_1, ...``, the overlaps along the iteration.
    converged : bool
        Whether ``|m_{t+1} - m_t| <= tol`` was reached within ``iterations`` steps.
    fixed_points : tuple of (m, stable)
        Every fixed point of the map in ``[0, 1)``, increasing, with its stability.
    """

    kind: str
    p: int
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
        fps = ", ".join(f"{mpmath.nstr(m, 8)}{'' if s else ' (unstable)'}" for m, s in self.fixed_points)
        state = "converged" if self.converged else "not converged"
        return (f"StateEvolution({self.kind}: p={self.p}, delta2={mpmath.nstr(self.delta2, 8)}, "
                f"delta_p={mpmath.nstr(self.delta_p, 8)}, m0={mpmath.nstr(self.m0, 4)} -> "
                f"m = {mpmath.nstr(self.fixed_point, 10)} after {len(self.iterates) - 1} steps, "
                f"{state}; fixed points: {fps})")

    def to_xarray(self):
        """The result as an ``xarray.Dataset`` (coordinate, data, parameters as attributes);
        needs the ``xarray`` extra.  See :mod:`theory._export`."""
        from theory._export import to_xarray

        return to_xarray(self)

    def to_pandas(self):
        """The result as a ``pandas.DataFrame`` (parameters in ``.attrs``); needs pandas."""
        from theory._export import to_pandas

        return to_pandas(self)

    def plot(self, ax=None):
        """Draw the result on a matplotlib ``ax`` (a new Figure's axes when None); returns the axes."""
        from theory._export import plot

        return plot(self, ax=ax)


def state_evolution(*, p: int, delta2, delta_p, kind: str = "ml_amp", m0=1e-6,
                    iterations: int = 100_000, tol=None, dps: int | None = None) -> StateEvolution:
    """Iterate the state evolution of ML-AMP or Bayes-optimal AMP, and list its fixed points.

    - ``kind="ml_amp"``: ``m <- xi'(m) / sqrt(xi'(m)**2 + xi'(1))``; a positive fixed point is
      the gradient-flow end state ``xi'(m)**2 (1 - m**2) = m**2 xi'(1)``.
    - ``kind="amp"``: ``m <- mhat/(1 + mhat)``, ``mhat = xi'(m)``; its fixed points are the
      stationary points of the replica-symmetric free entropy.

    with ``xi(q) = q**2/(2 delta2) + q**p/(p delta_p)``.

    Parameters
    ----------
    p : int
        Tensor order, >= 3.
    delta2, delta_p : number
        Noise variances, positive and finite.
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
        Decimal digits; None iterates in float64.

    Returns
    -------
    StateEvolution

    Raises
    ------
    ValueError
        For parameters outside their ranges or an unknown kind.

    Examples
    --------
    >>> import theory
    >>> se = theory.state_evolution(p=3, delta2=0.5, delta_p=2.0, kind="amp")
    >>> round(se.fixed_point, 10), se.converged
    (0.5615528128, True)
    >>> [(round(m, 6), stable) for m, stable in se.fixed_points]
    [(0.0, False), (0.561553, True)]
    >>> theory.state_evolution(p=3, delta2=0.5, delta_p=2.0, kind="bayes")
    Traceback (most recent call last):
        ...
    ValueError: kind must be one of 'ml_amp', 'amp'; got 'bayes'

    References
    ----------
    arXiv:1902.00139, eqs. (5) and (9); arXiv:1812.09066, section II.
    """
    p = _validate.check_p(p)
    if kind not in _SE_KINDS:
        raise ValueError(f"kind must be one of {', '.join(map(repr, _SE_KINDS))}; got {kind!r}")
    d2 = _validate.positive_exact("delta2", delta2)
    dp = _validate.positive_exact("delta_p", delta_p)
    start = _validate.exact("m0", m0)
    if not 0 <= start < 1:
        raise ValueError(f"m0 must lie in [0, 1), got {m0!r}")
    if isinstance(iterations, bool) or not isinstance(iterations, numbers.Integral) or iterations < 1:
        raise ValueError(f"iterations must be an integer >= 1, got {iterations!r}")
    dps = _validate.check_dps(dps)
    if tol is not None:
        tol_exact = _validate.positive_exact("tol", tol)
    if dps is None:
        values = [float(x) for x in (d2, dp, start)]
        tolerance = 1e-14 if tol is None else float(tol_exact)
        its, converged = N.iterate(kind, values[2], p, values[0], values[1], iterations=iterations, tol=tolerance)
        fps = tuple((float(m), s) for m, s in N.fixed_points(kind, p, values[0], values[1]))
        return StateEvolution(kind, p, values[0], values[1], values[2], np.asarray(its), converged, fps)
    ctx = _precision.context(dps + _precision.GUARD_DIGITS)
    values = [_precision.to_mp(ctx, x) for x in (d2, dp, start)]
    tolerance = ctx.mpf(10) ** (-dps) if tol is None else _precision.to_mp(ctx, tol_exact)
    its, converged = N.iterate(kind, values[2], p, values[0], values[1], iterations=iterations,
                               tol=tolerance, ctx=ctx)
    out = lambda x: _precision.export(x, dps)  # noqa: E731
    fps = tuple((out(m), s) for m, s in N.fixed_points(kind, p, values[0], values[1], ctx=ctx))
    return StateEvolution(kind, p, *(out(v) for v in values), tuple(out(m) for m in its), converged, fps)


def _certified(solve, what: str, dps: int | None):
    """Run ``solve(ctx)`` at ``dps + 10`` and ``dps + 30`` digits; their agreement certifies ``dps``."""
    target = 15 if dps is None else dps
    low, high = (solve(_precision.context(target + extra)).value
                 for extra in (_precision.GUARD_DIGITS, _precision.GUARD_DIGITS + _precision.CHECK_DIGITS))
    if abs(high - low) > abs(high) * mpmath.mpf(10) ** (-(target + 2)):
        raise solvers.PrecisionError(f"{what}: the values at dps={target + 10} and dps={target + 30} differ "
                                     f"by {mpmath.nstr(abs(high - low), 3)}; {target} digits are not certified")
    return float(high) if dps is None else _precision.export(high, dps)


def first_order_delta_p(p: int, *, dps: int | None = None):
    """The ``Deltap`` below which the information-theoretic transition is first order.

    Above it ``Delta2_IT = 1`` (continuous transition: the Bayes-optimal AMP threshold); below
    it ``Delta2_IT > 1`` and AMP is suboptimal (a hard phase).  For p = 3 it is the tricritical
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
    return _certified(lambda ctx: N.onset_mp(ctx, p), f"first-order onset at p={p}", dps)


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
    return _certified(lambda ctx: N.tensor_only_mp(ctx, p), f"tensor-only recovery at p={p}", dps)


def _amp_float(p, delta_p):
    return np.full(np.shape(delta_p), float(KN.delta2_amp()))


register_kind(ThresholdKind(
    name="ml_amp",
    summary="largest Delta2 at which ML-AMP leaves m = 0 from an uninformed start: theta(0) = sqrt(xi'(1))",
    evaluate_float=lambda tensors: KN.delta2_ml_amp(one_channel(tensors)[1]),
    evaluate_mp=lambda ctx, tensors: KM.delta2_ml_amp(ctx, one_channel(tensors, ctx)[1]),
    formula="delta2_ml_amp",
    reference="arXiv:1902.00139, section 3",
))

register_kind(ThresholdKind(
    name="amp",
    summary="largest Delta2 at which Bayes-optimal AMP leaves m = 0 from an uninformed start: Delta2 = 1",
    evaluate_float=lambda tensors: _amp_float(*one_channel(tensors)),
    evaluate_mp=lambda ctx, tensors: ctx.mpf(KM.delta2_amp(ctx)),
    bayes_optimal_only=True,
    formula="delta2_amp",
    reference="arXiv:1902.00139, section 2; arXiv:1812.09066, section II",
))

register_kind(ThresholdKind(
    name="information_theoretic",
    summary=("largest Delta2 at which the global maximiser of the replica-symmetric free entropy "
             "is not m = 0 (inf where the tensor alone suffices)"),
    evaluate_float=lambda tensors: N.information_theoretic_float(*one_channel(tensors)),
    evaluate_mp=lambda ctx, tensors: N.information_theoretic_mp(ctx, *one_channel(tensors, ctx)),
    bayes_optimal_only=True,
    reference="arXiv:1812.09066, section II; arXiv:1902.00139, Fig. 1",
))
