"""Root finding with certificates: bracket on a float64 grid, solve in mpmath, verify.

A solver here never returns a guess: no sign change, no convergence or a residual that is
too large raises :class:`ConvergenceError`, naming what was solved, the bracket and the
precision.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["ConvergenceError", "PrecisionError", "Root"]


class ConvergenceError(ArithmeticError):
    """A root finder found no sign change, or did not converge within its budget."""


class PrecisionError(ArithmeticError):
    """Two evaluations at different precisions disagree beyond the requested digits."""


@dataclass(frozen=True)
class Root:
    """A root with the bracket that contains it (``bracket`` is None for a closed form)."""

    value: Any
    bracket: tuple | None
