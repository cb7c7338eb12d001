"""``theory.hessian``: the spectrum of the Hessian at a stationary point (BBP)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from numerics._generated import hessian_mpmath
from theory import _precision, _validate

__all__ = ["HessianSpectrum", "hessian"]


@dataclass(frozen=True)
class HessianSpectrum:
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

    @property
    def lowest(self):
        """The lowest eigenvalue: the outlier if there is one, else the lower bulk edge."""
        return self.bulk_edges[0] if self.outlier is None else self.outlier

    @property
    def is_minimum(self) -> bool:
        """Whether every eigenvalue is >= 0 (the point is a local minimum)."""
        return self.lowest >= 0


def hessian(*, p: int, delta2, delta_p, m, mu, dps: int | None = None) -> HessianSpectrum:
    """Spectrum of the Hessian at a stationary point with overlap ``m`` and multiplier ``mu``.

    In law, ``Hess = M + mu I - theta(m) u u^T`` with ``M`` a GOE matrix of semicircle radius
    ``2 s``, ``s = sqrt(xi''(1))``, and ``theta(m) = g''(m) (1 - m**2)``.  An eigenvalue leaves
    the bulk below its lower edge iff ``theta > s`` (BBP), at ``mu - theta - s**2/theta``.

    Parameters
    ----------
    p : int
        Tensor order, >= 3.
    delta2, delta_p : number
        Noise variances, positive and finite.
    m : number
        Overlap with the signal, in (-1, 1).
    mu : number
        Minus the radial Lagrange multiplier (the shift of the spectrum), finite.
    dps : int, optional
        Decimal digits; None for float64.

    Returns
    -------
    HessianSpectrum

    Raises
    ------
    ValueError
        For parameters outside their ranges.

    Examples
    --------
    >>> import theory
    >>> h = theory.hessian(p=3, delta2=0.5, delta_p=1.0, m=0.0, mu=2.0)
    >>> h.bulk_edges, h.outlier
    ((-2.0, 6.0), None)
    >>> theory.hessian(p=3, delta2=0.25, delta_p=1.0, m=0.0, mu=0.0).outlier
    -5.5

    References
    ----------
    arXiv:1907.08226, section 3; Baik, Ben Arous, Peche, Ann. Probab. 33 (2005).
    """
    p = _validate.check_p(p)
    exact = {
        "Delta2": _validate.positive_exact("delta2", delta2),
        "Deltap": _validate.positive_exact("delta_p", delta_p),
        "m": _validate.overlap_exact("m", m),
        "mu": _validate.exact("mu", mu),
    }
    dps = _validate.check_dps(dps)
    ctx = _precision.context((dps or 15) + _precision.GUARD_DIGITS)
    v = {k: _precision.to_mp(ctx, x) for k, x in exact.items()}
    K = hessian_mpmath
    s = K.semicircle_scale(ctx, p, v["Delta2"], v["Deltap"])
    theta = K.theta(ctx, v["m"], p, v["Delta2"], v["Deltap"])
    lower = K.bulk_lower(ctx, v["mu"], p, v["Delta2"], v["Deltap"])
    upper = K.bulk_upper(ctx, v["mu"], p, v["Delta2"], v["Deltap"])
    has_outlier = K.bbp_margin(ctx, v["m"], p, v["Delta2"], v["Deltap"]) > 0
    outlier = K.outlier(ctx, v["m"], v["mu"], p, v["Delta2"], v["Deltap"]) if has_outlier else None
    out = (lambda x: float(x)) if dps is None else (lambda x: _precision.export(x, dps))
    return HessianSpectrum(
        bulk_edges=(out(lower), out(upper)),
        outlier=None if outlier is None else out(outlier),
        theta=out(theta),
        s=out(s),
    )
