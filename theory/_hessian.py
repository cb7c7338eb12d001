"""``theory.hessian``: the spectrum of the Hessian at a stationary point (BBP)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import mpmath
import numpy as np

from numerics import landscape
from theory import _precision, _validate
from theory._results import Result, Spectrum  # noqa: F401  (Spectrum: both families' mixin)

__all__ = ["HessianSpectrum", "hessian"]


@dataclass(frozen=True, eq=False)
class HessianSpectrum(Spectrum, Result):
    """Edges of the semicircle bulk and the BBP outlier of the Riemannian Hessian.

    Attributes
    ----------
    bulk_edges : tuple
        ``(mu - 2 s, mu + 2 s)`` with ``s = sqrt(xi''(1))``.
    outlier : float, mpf or None
        The isolated eigenvalue ``mu - theta - s**2/theta`` when ``theta > s``, else None.
    theta, s : float or mpf
        Strength of the rank-one part along the signal and the semicircle scale.
    """

    bulk_edges: tuple
    outlier: Any
    theta: Any
    s: Any


    def table(self):
        """The spectrum as a one-row :class:`theory._export.Table`: bulk edges, outlier (nan when
        there is none), lowest eigenvalue, ``theta`` and ``s``."""
        from theory import _export as E

        values = {"bulk_lower": self.bulk_edges[0], "bulk_upper": self.bulk_edges[1],
                  "outlier": math.nan if self.outlier is None else self.outlier, "lowest": self.lowest,
                  "theta": self.theta, "s": self.s}
        data = {name: E._floats([v]) for name, v in values.items()}
        dps = _precision.dps_of(self.s) if _validate.is_mp(self.s) else None
        attrs = E._attrs(self, "is_minimum", dps=dps, what="Hessian spectrum at a stationary point")
        return E.Table("row", np.array([0]), data, attrs, E._meta("row", *data))


def hessian(p: int | None = None, delta_p=None, *, delta2=None, model=None, m=None, mu=None,
            dps: int | None = None, alpha=None, sample=None) -> HessianSpectrum:
    """Spectrum of the Hessian at a stationary point with overlap ``m`` and multiplier ``mu``.

    In law, ``Hess = M + mu I - theta(m) u u^T`` with ``M`` a GOE matrix of semicircle radius
    ``2 s``, ``s = sqrt(xi''(1))``, and ``theta(m) = g''(m) (1 - m**2)``.  An eigenvalue leaves
    the bulk below its lower edge iff ``theta > s`` (BBP), at ``mu - theta - s**2/theta``.
    For a mismatched loss ``xi`` is the true covariance of the noise part of the loss and ``g``
    its signal part (``docs/your_model.md``).

    Parameters
    ----------
    model : theory.Model, optional
        Any spiked spherical model.
    p, delta2, delta_p : optional
        The shorthand ``Model(delta2, {p: delta_p})`` (``delta2`` None or inf: no matrix channel).
    m : number
        Overlap with the signal, in (-1, 1).
    mu : number
        Minus the radial Lagrange multiplier (the shift of the spectrum), finite.
    alpha, sample :
        Only for ``model=theory.PhaseRetrieval(...)``: the sample ratio, and optionally an
        empirical sample ``(h, h_star)``; returns a ``PRHessianSpectrum`` (theory/_pr_hessian.py).
    dps : int, optional
        Decimal digits, certified by two precisions (the inputs are exact, so cancellation in
        the outlier is resolved by working at the precision it needs); None for float64.

    Returns
    -------
    HessianSpectrum

    Raises
    ------
    ValueError
        For parameters outside their ranges, or a value float64 cannot hold (pass ``dps=``).
    numerics.solvers.PrecisionError
        If ``dps`` digits cannot be certified.

    Examples
    --------
    >>> import theory
    >>> h = theory.hessian(p=3, delta2=0.5, delta_p=1.0, m=0.0, mu=2.0)
    >>> h.bulk_edges, h.outlier
    ((-2.0, 6.0), None)
    >>> theory.hessian(p=3, delta2=0.25, delta_p=1.0, m=0.0, mu=0.0).outlier
    -5.5
    >>> h = theory.hessian(model=theory.Model(tensors={3: 2/3}), m=0.0, mu=0.0)  # pure 3-spin, s**2 = 3
    >>> round(h.s**2, 12), h.outlier
    (3.0, None)

    References
    ----------
    arXiv:1907.08226, section 3; Baik, Ben Arous, Peche, Ann. Probab. 33 (2005).
    """
    from theory._model import Model
    from theory._phase_retrieval import PhaseRetrieval

    if model is None and (np.ndim(delta2) or np.ndim(delta_p)):
        raise ValueError("hessian takes scalar delta2 and delta_p (one spectrum per call)")
    model = Model.of_call(model, p, delta2, delta_p, need_delta2=False, family=PhaseRetrieval)
    if isinstance(model, PhaseRetrieval):  # the second family (theory/_pr_hessian.py)
        if mu is not None:
            raise ValueError("hessian(model=PhaseRetrieval(...)) takes alpha=, m= or sample=, and dps= only")
        from theory._pr_hessian import hessian as pr_hessian

        return pr_hessian(model=model, alpha=alpha, m=m, sample=sample, dps=dps)
    if m is None or mu is None or alpha is not None or sample is not None:
        raise ValueError("hessian of a spiked model takes m= and mu= (alpha= and sample= are for PhaseRetrieval)")
    exact = {"m": _validate.overlap_exact("m", m), "mu": _validate.exact("mu", mu)}
    dps = _validate.check_dps(dps)
    fld = model.field

    def compute(ctx):
        mm, mmu = _precision.to_mp(ctx, exact["m"]), _precision.to_mp(ctx, exact["mu"])
        s = landscape.scale(fld, ctx)
        th = landscape.theta(fld, mm, ctx)
        out = landscape.outlier(fld, mm, mmu, ctx) if th > s else None
        return (mmu - 2 * s, mmu + 2 * s), out, th, s

    if dps is None:
        (lower, upper), out, th, s = compute(_precision.context(15 + _precision.GUARD_DIGITS))
        values = [lower, upper, th, s] + ([] if out is None else [out])
        if not all(abs(v) < mpmath.mpf(2) ** 1023 * 0.999 for v in values):
            raise ValueError("hessian: float64 cannot hold this spectrum (a value beyond 1e308); pass dps=")
        if not all(v == 0 or abs(v) >= mpmath.mpf(2) ** -1022 for v in values):  # no silent 0.0
            raise ValueError("hessian: float64 cannot resolve this spectrum (a value below 1e-308 would round "
                             "to 0 or a subnormal); pass dps=")
        conv = float
    else:
        (lower, upper), out, th, s = _precision.certify(compute, dps, "hessian")
        conv = (lambda x: x)
    return HessianSpectrum(
        bulk_edges=(conv(lower), conv(upper)),
        outlier=None if out is None else conv(out),
        theta=conv(th),
        s=conv(s),
    )
