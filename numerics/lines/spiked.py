"""Threshold kinds of the spiked matrix-tensor model as :class:`~numerics.lines.base.Line`
objects: the closed forms on the jets of the tensor covariance (gradient flow, ML-AMP) and the
Langevin line.  Each solves in a backend and returns a :class:`~numerics.solvers.Root`; the API
wraps them in its unchanged ``theory.ThresholdKind`` facade (``ThresholdKind.of_line``), and the
order of ``theory.kinds()`` is written in ``theory/_catalogue.py``.

``tensors`` is a :class:`numerics.model.Field` of the tensor channels: exact (Fraction)
variances, converted in the backend, or float64 numbers/arrays for :data:`~numerics.backend.F64`
(the float64 result then has their broadcast shape).

>>> from fractions import Fraction
>>> from numerics.backend import F64, MP
>>> from numerics.model import field
>>> float(GRADIENT_FLOW.solve(F64, field({3: 1.0})).value)   # 2/(1 + sqrt(1 + 4 (p - 1)/Deltap)) = 1/2
0.5
>>> MP(30).ctx.nstr(ML_AMP.solve(MP(30), field({3: Fraction(1)})).value, 20)   # 2/(1 + sqrt(5)) at p = 3
'0.6180339887498948482'
"""

from __future__ import annotations

from dataclasses import dataclass, field as _field
from fractions import Fraction
from math import perm

from numerics.solvers import Root

__all__ = ["GRADIENT_FLOW", "LANGEVIN", "LINES", "ML_AMP", "GradientFlow", "Langevin", "MlAmp"]


def _jet_at_one(b, poly, k: int):
    """``poly^(k)(1)``: in float64 straight from the coefficients (arrays broadcast, one pass a
    term), in an mpmath backend by the polynomial itself (exact inputs converted in its context)."""
    if b.ctx is not None:
        return poly(1, k, b.ctx)
    return sum(perm(n, k) * (float(c) if isinstance(c, Fraction) else c) for n, c in poly.terms if n >= k)


@dataclass(frozen=True)
class GradientFlow:
    """Gradient flow from a random start finds the signal below it: ``theta(0) = s`` (a closed
    form in ``xi_T''(1)``)."""

    name: str = "gradient_flow"
    summary: str = "largest Delta2 at which gradient flow from a random start finds the signal: theta(0) = s"
    reference: str = "arXiv:1907.08226, section 4; for any tensor channels derivations/thresholds.py"
    options: dict = _field(default_factory=dict)
    undefined: type | None = None
    formula: str = "delta2_gf"

    def accepts(self, tensors) -> str | None:
        return None

    def solve(self, b, tensors) -> Root:
        return Root(b.kernel("thresholds", "delta2_gf_channels")(_jet_at_one(b, tensors.xi, 2)), None)


@dataclass(frozen=True)
class MlAmp:
    """ML-AMP leaves ``m = 0`` from an uninformed start below it: ``theta(0) = sqrt(xi'(1))``."""

    name: str = "ml_amp"
    summary: str = ("largest Delta2 at which ML-AMP leaves m = 0 from an uninformed start: "
                    "theta(0) = sqrt(xi'(1))")
    reference: str = "arXiv:1902.00139, section 3"
    options: dict = _field(default_factory=dict)
    undefined: type | None = None
    formula: str = "delta2_ml_amp"

    def accepts(self, tensors) -> str | None:
        return None if tensors.bayes_optimal else "ML-AMP's threshold needs the Bayes-optimal structure g = xi"

    def solve(self, b, tensors) -> Root:
        return Root(b.kernel("message_passing", "delta2_ml_amp_jets")(_jet_at_one(b, tensors.xi, 1)), None)


@dataclass(frozen=True)
class Langevin:
    """Langevin dynamics at temperature ``T`` leaves the marginal aging states at ``m = 0`` below
    it (the BBP condition of their plateau; :mod:`numerics.langevin_line`)."""

    name: str = "langevin"
    summary: str = ("largest Delta2 at which Langevin dynamics at temperature T (default 1, the "
                    "Bayes-optimal one) leaves the marginal aging states at m = 0: the BBP condition "
                    "g''(0) = T/(1 - q) of their plateau q")
    reference: str = "arXiv:1812.09066 (the Langevin algorithm); derivations/langevin.py"
    options: dict = _field(default_factory=lambda: {"temperature": 1.0})
    undefined: type | None = None
    formula: None = None

    def accepts(self, tensors) -> str | None:
        return None

    def solve(self, b, tensors, temperature=1.0) -> Root:
        from numerics import langevin_line

        if b.ctx is None:  # vectorised over the variances: one solve a point
            return Root(langevin_line.evaluate_float(tensors, temperature), None)
        return langevin_line.evaluate_mp(b.ctx, tensors, temperature)


GRADIENT_FLOW, ML_AMP, LANGEVIN = GradientFlow(), MlAmp(), Langevin()

#: The kinds of this module (their order in ``theory.kinds()`` is the catalogue's).
LINES = (GRADIENT_FLOW, LANGEVIN, ML_AMP)
