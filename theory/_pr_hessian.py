"""``theory.hessian(model=PhaseRetrieval(...), alpha=..., m=... | sample=...)``: the spectrum of the
Riemannian Hessian ``P [(1/N) sum l''(h; y) a a^T - mu_L I] P`` of phase retrieval.

Computed from the weighted-Wishart core of :mod:`numerics.glm` (derivations/phase_retrieval.py)
with the law of ``(h, h*)`` at a random point of overlap ``m`` (bivariate Gaussian) or the
empirical law of a sample (e.g. the end of a descent: the sensing components orthogonal to
``x`` and ``x*`` are then taken independent of the weights, the assumption of section 2 of the
spec).  Imported on first use.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from theory import _precision, _validate
from theory._results import Spectrum
from theory._results import Result

__all__ = ["PRHessianSpectrum", "hessian"]


@dataclass(frozen=True, eq=False)
class PRHessianSpectrum(Spectrum, Result):
    """Bulk edges, outlier and multiplier of the phase-retrieval Hessian on the sphere.

    Attributes
    ----------
    bulk_edges : tuple
        ``(lower, upper)`` edges of the bulk of the Riemannian Hessian (``mu`` subtracted);
        ``-inf`` / ``inf`` where the weights are unbounded on that side (no edge at N -> inf).
    outlier : float, mpf or None
        The eigenvalue below the bulk towards the signal, None when there is none.
    overlap : float, mpf or None
        Squared overlap of the outlier's eigenvector with the signal direction of the tangent
        space (None without an outlier).
    mu : float or mpf
        The Lagrange multiplier ``alpha E[l'(h) h]`` (already subtracted).
    model, alpha, m, dps :
        What was asked (``m`` is the sample's ``mean(h h*)`` for ``sample=``).
    sampled : bool
        Whether the law is an empirical sample.
    """

    bulk_edges: tuple
    outlier: Any
    overlap: Any
    mu: Any
    model: Any
    alpha: Any
    m: Any
    dps: int | None = None
    sampled: bool = False

    def table(self):
        """The spectrum as a one-row :class:`theory._export.Table`: ``bulk_lower``,
        ``bulk_upper`` (``-inf``/``inf`` where there is no edge), ``outlier`` and ``overlap`` (nan
        without an outlier), ``mu`` and ``lowest``; the model, ``alpha`` and ``m`` as attributes."""
        from theory._export import Table, _meta, _version

        values = {"bulk_lower": self.bulk_edges[0], "bulk_upper": self.bulk_edges[1], "outlier": self.outlier,
                  "overlap": self.overlap, "mu": self.mu, "lowest": self.lowest}
        data = {k: np.array([math.nan if v is None else float(v)]) for k, v in values.items()}
        meta = _meta(*data, row=("row of the result (one)", "1"),
                     overlap=("squared overlap of the outlier's eigenvector with the signal", "1"),
                     mu=("Lagrange multiplier mu = alpha E[l'(h) h] (subtracted)", "1"))
        attrs = {"family": "phase_retrieval", "loss": self.model.loss, "a": self.model.a if self.model.a else 0.0,
                 "noise": self.model.noise, "alpha": float(self.alpha), "m": float(self.m),
                 "sampled_law": int(self.sampled), "dps": "float64" if self.dps is None else self.dps,
                 "version": _version()}
        return Table("row", np.array([0]), data, attrs, meta)

    def _draw(self, ax, sampled=None):
        lo, hi = (float(v) for v in self.bulk_edges)
        if sampled is not None:
            ev = np.asarray(sampled, dtype=float).ravel()
            ax.hist(ev, bins=max(20, int(np.sqrt(ev.size))), density=True, alpha=0.5, color="0.5",
                    label="sampled spectrum")
        finite = [v for v in (lo, hi) if math.isfinite(v)]
        if math.isfinite(lo):
            ax.axvline(lo, color="C0", label="bulk edge (theory)")
        if math.isfinite(hi):
            ax.axvline(hi, color="C0")
        if self.outlier is not None:
            ax.axvline(float(self.outlier), color="C3", ls="--",
                       label=f"outlier (theory), overlap {float(self.overlap):.3f}")
        ax.set_xlabel("eigenvalue of the Hessian")
        ax.set_title(f"{self.model!r}, alpha = {float(self.alpha):.4g}, m = {float(self.m):.3g}")
        if finite or sampled is not None or self.outlier is not None:
            ax.legend(loc="best", fontsize="small")
        return ax

    def plot(self, ax=None, sampled=None):
        """Draw the edges and the outlier on ``ax`` (a new figure's axes when None); ``sampled``:
        eigenvalues of a sampled Hessian to overlay as a histogram.  Returns the axes."""
        if ax is None:  # a new Figure, no pyplot state (the figure conventions of theory._export)
            from matplotlib.figure import Figure

            ax = Figure().add_subplot()
        return self._draw(ax, sampled)

    def __repr__(self) -> str:
        f = (lambda v: "None" if v is None else f"{float(v):.6g}")
        return (f"PRHessianSpectrum(bulk_edges=({f(self.bulk_edges[0])}, {f(self.bulk_edges[1])}), "
                f"outlier={f(self.outlier)}, overlap={f(self.overlap)}, mu={f(self.mu)}, alpha={f(self.alpha)}, "
                f"m={f(self.m)})")


def _sample(sample):
    if not (isinstance(sample, tuple) and len(sample) in (2, 3)):
        raise ValueError("sample must be a tuple (h, h_star) or (h, h_star, y) of equal-length 1-D arrays")
    arrays = [_validate.float_array(name, v) for name, v in zip(("h", "h_star", "y"), sample)]
    n = arrays[0].size
    if n < 2 or any(a.ndim != 1 or a.size != n for a in arrays):
        raise ValueError("sample: h, h_star (and y) must be 1-D arrays of the same length >= 2")
    return arrays


def hessian(*, model, alpha, m=None, sample=None, dps=None) -> PRHessianSpectrum:
    """Spectrum of the phase-retrieval Hessian at a random point of overlap ``m`` or at the
    empirical law of a sample of ``(h, h*)``.

    Parameters
    ----------
    model : theory.PhaseRetrieval
    alpha : number
        Sample ratio ``M/N`` (> 0).
    m : number, optional
        Overlap of the random point with the signal, in (-1, 1) (default 0); with ``sample``, the
        overlap of the state (default: the sample's ``mean(h h_star)``, which carries an error of
        order ``1/sqrt(M)``).
    sample : tuple, optional
        ``(h, h_star)`` or ``(h, h_star, y)``: pre-activations (and labels) at a state, e.g. at
        the end of a finite-N descent; the law of the weights is their empirical law.
    dps : int, optional
        Certified digits (two precisions); only with ``sample=`` (the Gaussian law's
        two-dimensional quadrature is float64 only).

    Returns
    -------
    PRHessianSpectrum

    Examples
    --------
    >>> import theory
    >>> reg = theory.PhaseRetrieval("regularised", a=0.01)
    >>> h = theory.hessian(model=reg, alpha=4.0, m=0.0)
    >>> round(h.outlier - h.bulk_edges[0], 4), round(h.overlap, 3)
    (-0.155, 0.419)
    >>> theory.hessian(model=reg, alpha=2.0, m=0.0).outlier is None
    True
    >>> theory.hessian(model=theory.PhaseRetrieval(), alpha=2.0).bulk_edges[0]
    -inf
    """
    from numerics import glm
    from numerics.backend import F64, MP

    a = _validate.positive_exact("alpha", alpha)
    dps = _validate.check_dps(dps)
    if sample is not None:
        h, hs, *y = _sample(sample)
        y = y[0] if y else None
        mm = float(np.mean(h * hs)) if m is None else float(_validate.overlap_exact("m", m))
        if not -1 < mm < 1:
            raise ValueError(f"sample: the overlap mean(h h_star) must be in (-1, 1), got {mm!r}")
    else:
        mm = _validate.overlap_exact("m", 0 if m is None else m)
        if model.loss == "regularised" and model.noise:
            raise ValueError("model: the regularised loss with label noise has a pole where a + y = 0, so the "
                             "Hessian at a random point is not defined in law; pass sample= (a finite sample)")
        if dps is not None:
            raise ValueError("dps: the Hessian at a random point is evaluated in float64 only (its two-dimensional "
                             "quadrature is too large at arbitrary precision); pass sample= for a certified spectrum")

    def compute(b):
        law = (glm.sample_law(b, model, h, hs, y, mm) if sample is not None else glm.gaussian_law(b, model, mm))
        al = b.from_exact(a)
        sp = glm.spectrum(law, al)
        lower = -math.inf if sp.lower is None else sp.lower.value - sp.mu
        upper = math.inf if sp.upper is None else sp.upper.value - sp.mu
        if sp.outlier is None:
            return (lower, upper), None, None, sp.mu
        return (lower, upper), sp.outlier.value - sp.mu, sp.outlier.overlap, sp.mu

    if dps is None:
        (lo, hi), out, ov, mu = compute(F64)
        conv = (lambda v: None if v is None else float(v))
    else:
        (lo, hi), out, ov, mu = _precision.certify(
            lambda ctx: _finite_tree(compute(MP(ctx.dps))), dps, "hessian(model=PhaseRetrieval)")
        conv = (lambda v: v)
    return PRHessianSpectrum((conv(lo), conv(hi)), conv(out), conv(ov), conv(mu), model, float(a), float(mm), dps,
                             sample is not None)


def _finite_tree(x):
    """Infinite edges as plain floats (certify compares mpf leaves)."""
    (lo, hi), out, ov, mu = x
    return (lo, hi), out, ov, mu
