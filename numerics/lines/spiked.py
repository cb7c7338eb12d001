"""Threshold kinds of the spiked matrix-tensor model as :class:`~numerics.lines.base.Line`
objects: the closed forms on the jets of the tensor covariance (gradient flow, ML-AMP), the
Langevin line, the trivialization of the landscape, and the Bayes-optimal kinds of :mod:`numerics.message_passing` (AMP, the MMSE
jump, the information-theoretic threshold).  Each solves in a backend and returns a :class:`~numerics.solvers.Root`; the API
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

import numpy as np

from numerics.lines.base import Condition
from numerics.model import jet
from numerics.solvers import ConvergenceError, Root

__all__ = ["AMP", "GRADIENT_FLOW", "INFORMATION_THEORETIC", "LANGEVIN", "LINES", "ML_AMP", "MMSE_JUMP", "Amp",
           "GradientFlow", "InformationTheoretic", "Langevin", "MlAmp", "MmseJump", "NoJump", "TRIVIALIZATION",
           "Trivialization"]


def _jet_at_one(b, poly, k: int):
    """``poly^(k)(1)`` in the backend ``b``, by the one jet evaluator (arrays broadcast; the
    coefficients converted into the backend once per polynomial and precision)."""
    return jet(poly, 1, k, b)


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

    def curve(self, p: int, delta_p):
        """Float64 on the one-channel shorthand ``{p: Deltap}``, elementwise over an array of
        ``Deltap``: the generated closed form ``delta2_gf(p, Deltap)`` (no array coefficients,
        no jet sum: one pass an operation)."""
        from numerics.backend import F64

        return F64.kernel("thresholds", "delta2_gf")(p, delta_p)


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

        return langevin_line.evaluate(b, tensors, temperature)

    def escape_set(self, b, tensors, temperature=1.0) -> tuple:
        """The intervals of ``Delta2`` in ``(0, 1]`` where the runs escape, ends in the backend
        ``b`` (:func:`numerics.langevin_line.escape_set`; more than one: re-entrant)."""
        from numerics import langevin_line

        return langevin_line.escape_set(tensors, temperature, b)

    def condition(self, b, tensors, temperature=1.0) -> Condition:
        """For the ball backend ``b``: the first root above 0 of the residual ``r`` of
        :mod:`numerics.langevin_line` (``r(0) = 1``), near the one solved in ``b.mp``; on the
        paramagnetic branch (T = 1) the threshold is 1, exact, where ``r`` has its first root."""
        from numerics import langevin_line
        from numerics._generated import langevin_mpmath as KM

        ctx = b.ctx
        t = langevin_line._to(b, temperature)

        def slope(x):  # dr/dDelta2, the plateau q = 1 - T Delta2 moving with it
            q = KM.langevin_plateau(ctx, x, t)
            return KM.langevin_residual_slope(ctx, x, t, tensors.xi(q, 2, b), tensors.xi(q, 3, b))

        first = {"f": lambda x: langevin_line.residual(tensors, x, temperature, b), "df": slope, "first_from": 0}
        found = self.solve(b.mp, tensors, temperature)
        if found.bracket is None:
            return Condition.exact(b, found.value, **first)
        return Condition(near=(found.value,), **first)


class NoJump(ValueError):
    """``kind="mmse_jump"`` where the Bayes-optimal overlap does not jump (nan in float64)."""


def _one(b, tensors):
    (p,) = tensors.orders
    return p, tensors.value(p, b)


def _variances(tensors) -> str:
    return "{" + ", ".join(f"{p}: {tensors.variances[p]}" for p in tensors.orders) + "}"


def _bayes_only(tensors) -> str | None:
    return None if tensors.bayes_optimal else "the kind needs the Bayes-optimal structure g = xi"


@dataclass(frozen=True)
class Amp:
    """Bayes-optimal AMP from an uninformed start reaches the Bayes-optimal fixed point below it
    (1, or the spinodal of the low branch for p >= 4)."""

    name: str = "amp"
    summary: str = ("algorithmic threshold of Bayes-optimal AMP: largest Delta2 below which AMP from m -> 0+ "
                    "reaches the Bayes-optimal fixed point (1, or the spinodal of the low branch for p >= 4)")
    reference: str = "arXiv:1812.09066, section II; arXiv:1902.00139, section 2"
    options: dict = _field(default_factory=dict)
    undefined: type | None = None

    accepts = staticmethod(_bayes_only)

    def solve(self, b, tensors) -> Root:
        from numerics import message_passing as N

        return N.amp(b, tensors)

    def condition(self, b, tensors) -> Condition:
        """For the ball backend ``b``: ``1/U(m1)`` at the root ``m1`` of ``-m**2 U'(m)`` near the
        spinodal solved in ``b.mp``, 1 (exact) where the low branch does not exist; for several
        channels ``1/max(1, U(m))`` over the roots near the local maxima of ``U`` the scan finds."""
        from numerics import message_passing as N

        ctx = b.ctx
        reduced = lambda m: N._reduced(b, tensors, m)  # noqa: E731
        u = lambda m: N._u(b, tensors, m)  # noqa: E731
        if len(tensors.orders) != 1:
            maxima = tuple(m for m, _ in N.u_maxima(b.mp, tensors, "local maxima of U"))
            return Condition(reduced, maxima, lambda *ms: 1 / _largest([ctx.one, *map(u, ms)]))
        found = self.solve(b.mp, tensors)
        if found.at is not None:
            return Condition(reduced, (found.at,), lambda m: 1 / u(m))
        (p,) = tensors.orders
        if p != 3 and not tensors.value(p, ctx) >= N.KM.critical_delta_p(ctx, p):
            raise ConvergenceError(f"kind='amp' at p={p}, delta_p={tensors.variances[p]}: too close to the critical "
                                   f"delta_p to certify that the low branch does not exist, at {ctx.prec} bits")
        return Condition.exact(b, found.value)  # 1: the instability of m = 0


def _largest(balls):
    """A ball that contains the largest of the values in ``balls``."""
    out = balls[0]
    for x in balls[1:]:  # where neither is certainly larger, max(x, y) is x or y: in their union
        out = out if out > x else x if x > out else out.union(x)
    return out


@dataclass(frozen=True)
class MmseJump:
    """The Bayes-optimal overlap has jumped below it (first-order MMSE transition); undefined
    (:class:`NoJump`; nan in float64) where it does not jump."""

    name: str = "mmse_jump"
    summary: str = ("Delta2 at which the Bayes-optimal overlap jumps (first-order MMSE transition); "
                    "nan in float64 where it does not jump")
    reference: str = "arXiv:1812.09066, section II"
    options: dict = _field(default_factory=dict)
    undefined: type | None = NoJump

    accepts = staticmethod(_bayes_only)

    def solve(self, b, tensors) -> Root:
        from numerics import message_passing as N

        root = N.mmse_jump(b, tensors)
        if root is None and len(tensors.orders) != 1:
            raise NoJump(f"kind='mmse_jump' is undefined for tensor variances {_variances(tensors)}: the "
                         f"Bayes-optimal overlap does not jump (it leaves 0 continuously at Delta2 = 1); in "
                         f"float64 it is nan there")
        if root is None:
            (p,) = tensors.orders
            raise NoJump(f"kind='mmse_jump' is undefined at p={p}, delta_p={tensors.value(p)}: the Bayes-optimal "
                         f"overlap does not jump (delta_p at or above first_order_delta_p({p}) and above the "
                         f"critical point's); in float64 it is nan there")
        return root


@dataclass(frozen=True)
class InformationTheoretic:
    """The global maximiser of the replica-symmetric free entropy is not ``m = 0`` below it
    (infinite where the tensor alone suffices)."""

    name: str = "information_theoretic"
    summary: str = ("largest Delta2 at which the global maximiser of the replica-symmetric free entropy "
                    "is not m = 0 (inf where the tensor alone suffices)")
    reference: str = "arXiv:1812.09066, section II; arXiv:1902.00139, Fig. 1"
    options: dict = _field(default_factory=dict)
    undefined: type | None = None

    accepts = staticmethod(_bayes_only)

    def solve(self, b, tensors) -> Root:
        from numerics import message_passing as N

        if len(tensors.orders) != 1:
            return N.information_theoretic_mixture(b, tensors)
        return N.information_theoretic(b, *_one(b, tensors))


#: The trivialization scan brackets on a float64 grid of Delta2 and overlaps: variances (and the
#: coefficients 1/(k Delta_k)) beyond this range over/underflow on that grid.
SCAN_RANGE = (1e-250, 1e250)


@dataclass(frozen=True)
class Trivialization:
    """No exponentially many spurious minima remain below it (annealed Kac-Rice; the scan and
    the mechanisms of :mod:`numerics.landscape`)."""

    name: str = "trivialization"
    summary: str = ("largest Delta2 below which no exponentially many spurious minima remain "
                    "(annealed Kac-Rice; no closed form)")
    reference: str = "arXiv:1902.00139, section 4; arXiv:1907.08226, Fig. 1; docs/landscape.md"
    options: dict = _field(default_factory=lambda: {"overlaps": "positive"})
    undefined: type | None = None

    def accepts(self, tensors) -> str | None:
        return None

    def check_range(self, tensors) -> None:
        """A ValueError naming the variance the float64 scan cannot resolve."""
        lo, hi = SCAN_RANGE
        values = dict(tensors.variances)
        for k, v in (tensors.assumed or {}).items():
            values[f"assumed {k}"] = v
        for k, v in values.items():
            if isinstance(v, Fraction):
                ok = Fraction(lo) <= v <= Fraction(hi)
            else:
                a = np.asarray(v, dtype=np.float64)
                ok = bool(np.all((a >= lo) & (a <= hi)))
            if not ok:
                name = "delta_p" if len(tensors.orders) == 1 and isinstance(k, int) else f"model tensors[{k}]"
                raise ValueError(f"{name}: kind='trivialization' brackets on a float64 grid, which cannot resolve a "
                                 f"variance outside [{lo:g}, {hi:g}] (also with dps=)")

    def solve(self, b, tensors, overlaps="positive") -> Root:
        from numerics import landscape

        self.check_range(tensors)
        return landscape.trivialization(b, tensors, overlaps)


GRADIENT_FLOW, ML_AMP, LANGEVIN = GradientFlow(), MlAmp(), Langevin()
AMP, MMSE_JUMP, INFORMATION_THEORETIC = Amp(), MmseJump(), InformationTheoretic()
TRIVIALIZATION = Trivialization()

#: The kinds of this module (their order in ``theory.kinds()`` is the catalogue's).
LINES = (GRADIENT_FLOW, LANGEVIN, TRIVIALIZATION, ML_AMP, AMP, MMSE_JUMP, INFORMATION_THEORETIC)
