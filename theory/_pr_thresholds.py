"""``theory.threshold`` and ``theory.kinds`` for ``theory.PhaseRetrieval``: critical ratios alpha.

The kinds are the line objects of :mod:`numerics.lines.phase_retrieval` (its ``LINES``
catalogue, in the documented order); this module validates, evaluates in float64 or at a
certified ``dps=`` (:func:`theory._precision.certify`: two precisions; each mpmath evaluation
also certifies its quadrature by two orders) and packs the result.  Imported on first use, so
``import theory`` does not load the family's numerics.
"""

from __future__ import annotations

from dataclasses import dataclass
import math
from typing import Any

import mpmath
import numpy as np

from theory import _precision, _validate
from theory._results import Result

__all__ = ["PRThresholdResult", "kinds", "threshold"]


def _lines():
    from numerics.lines.phase_retrieval import LINES

    return {line.name: line for line in LINES}


def kinds(model) -> tuple[str, ...]:
    """The threshold kinds of the phase-retrieval family, in the documented order."""
    return tuple(_lines())


@dataclass(frozen=True, eq=False)
class PRThresholdResult(Result):
    """A critical sample ratio with its certificate (``threshold(..., full_output=True)``).

    Attributes
    ----------
    value : float or mpmath.mpf
        The critical ``alpha = M/N``.
    kind : str
    model : theory.PhaseRetrieval
    dps : int or None
    bracket : tuple or None
        The sign-change bracket in alpha (None for a closed form).
    options : tuple
        The kind's options, as ``(name, value)`` pairs.
    state : numerics.lines.phase_retrieval.OneRSBState or None
        ``gradient_flow`` only: the 1RSB state at the threshold (``y``, ``chi``, ``energy``,
        ``complexity``, ``replicon``, ``gap``, ``cavity_residual``, ``two_well``, ...).
    error : float or None
        ``gradient_flow`` only: the change of the threshold on the next quadrature degree.
    """

    value: Any
    kind: str
    model: Any
    dps: int | None
    bracket: tuple | None = None
    options: tuple = ()
    state: Any = None
    error: Any = None

    def __float__(self) -> float:
        return float(self.value)

    def __repr__(self) -> str:
        shown = mpmath.nstr(self.value, self.dps) if self.dps else repr(self.value)
        return f"PRThresholdResult({self.kind}: alpha = {shown} for {self.model!r}, dps={self.dps})"

    def table(self):
        """The critical ratio as a one-row :class:`theory._export.Table` (the bracket beside it;
        nan for a closed form), the model, kind and options as attributes."""
        from theory._export import Table, _meta, _version

        low, high = (math.nan, math.nan) if self.bracket is None else (float(self.bracket[0]), float(self.bracket[1]))
        data = {"alpha": np.array([float(self.value)]), "bracket_low": np.array([low]),
                "bracket_high": np.array([high])}
        words = self.kind.replace("_", " ")
        meta = _meta(row=("row of the result (one)", "1"),
                     alpha=(f"critical sample ratio alpha ({words} threshold)", "1"),
                     bracket_low=("lower end of the bracket of the root in alpha", "1"),
                     bracket_high=("upper end of the bracket of the root in alpha", "1"))
        attrs = {"family": "phase_retrieval", "loss": self.model.loss,
                 "a": self.model.a if self.model.a is not None else "none", "noise": float(self.model.noise),
                 "kind": self.kind, "options": ",".join(f"{k}={v}" for k, v in self.options) or "none",
                 "dps": self.dps, "version": _version()}
        if self.state is not None:  # gradient_flow: the 1RSB state at the threshold
            for name in ("y", "chi", "energy", "complexity", "replicon", "gap", "cavity_residual", "two_well"):
                attrs[f"state_{name}"] = float(getattr(self.state, name))
        if self.error is not None:
            attrs["quadrature_error"] = float(self.error)
        return Table("row", np.array([0]), data, attrs, meta)


def threshold(*, model, kind, dps=None, full_output=False, **options):
    """The critical sample ratio ``alpha`` of kind ``kind`` for a :class:`theory.PhaseRetrieval`.

    Reached through :func:`theory.threshold` ``(model=PhaseRetrieval(...), kind=...)``; see the
    kinds in :mod:`numerics.lines.phase_retrieval`.  ``dps=None`` returns a float; an integer an
    ``mpmath.mpf`` certified to ``dps`` digits.

    Raises
    ------
    ValueError
        An unknown kind or option, a kind that does not apply to the model (the message says
        why), ``dps`` out of range or not available for the kind, or above the kind's
        ``max_dps`` (``amp``: 50).

    Examples
    --------
    >>> import theory, mpmath
    >>> sq = theory.PhaseRetrieval("square")
    >>> theory.threshold(model=sq, kind="weak_recovery")
    0.5
    >>> mpmath.nstr(theory.threshold(model=sq, kind="spectral", preprocessing="optimal", dps=30), 30)
    '0.5'
    >>> round(theory.threshold(model=theory.PhaseRetrieval("regularised", a=0.01), kind="initial_curvature"), 6)
    2.850752
    >>> theory.threshold(model=sq, kind="initial_curvature")
    Traceback (most recent call last):
        ...
    ValueError: kind='initial_curvature' does not apply to the square loss: its curvature l'' = 3 h^2 - y is unbounded below at a random start, so the Hessian has no lower bulk edge (its smallest eigenvalue diverges with N)
    """
    lines = _lines()
    if not isinstance(kind, str) or kind not in lines:
        raise ValueError(f"kind must be one of {', '.join(map(repr, lines))} for PhaseRetrieval; got {kind!r}")
    line = lines[kind]
    unknown = set(options) - set(line.options)
    if unknown:
        allowed = ", ".join(sorted(line.options)) or "none"
        raise ValueError(f"kind={kind!r} takes no option {', '.join(sorted(unknown))} (options: {allowed})")
    dps = _validate.check_dps(dps)
    float_only = getattr(line, "float_only", None)
    if dps is not None and float_only:
        raise ValueError(f"dps: kind={kind!r} of PhaseRetrieval is float64 only, got dps={dps}: {float_only}")
    max_dps = getattr(line, "max_dps", None)
    if dps is not None and max_dps is not None and dps > max_dps:
        raise ValueError(f"dps must be at most {max_dps} for kind={kind!r} of PhaseRetrieval (its cost grows "
                         f"steeply with the precision: about 5 s at the limit), got {dps}")
    reason = line.accepts(model)
    if reason is not None:
        raise ValueError(reason)
    from numerics.backend import F64, MP

    if kind == "gradient_flow":  # the result says which states it describes
        options.setdefault("states", "most_numerous")
    if "preprocessing" in options:  # validate before any work
        from numerics.lines.phase_retrieval import preprocessing

        options["preprocessing"] = preprocessing(options["preprocessing"])
    if dps is None:
        root = line.solve(F64, model, **options)
        value = float(root.value)
        bracket = root.bracket
        state, error = getattr(root, "at", None), getattr(root, "error", None)
    else:
        state = error = None
        brackets = {}

        def compute(ctx):
            root = line.solve(MP(ctx.dps), model, **options)
            brackets[ctx.dps] = root.bracket
            return root.value

        value = _precision.certify(compute, dps, f"threshold(kind={kind!r}, model={model!r})")
        bracket = brackets[max(brackets)]
    if not full_output:
        return value
    return PRThresholdResult(value, kind, model, dps, bracket, tuple(sorted((k, str(v)) for k, v in options.items())),
                             state, error)
