"""spiked-theory: landscape and gradient-flow theory of the spiked matrix-tensor model.

The public API.  Importing it loads numpy and mpmath only; SymPy is imported when an
expression is asked for (:func:`expressions`, ``ThresholdCurve.expr``).

>>> import theory
>>> theory.threshold(p=3, delta_p=1.0)
0.5

References
----------
arXiv:1907.08226 (Who is afraid of big bad minima?), arXiv:1902.00139, arXiv:1812.09066.
"""

from numerics.solvers import ConvergenceError, PrecisionError
from theory._dynamics import DynamicsThreshold, GradientFlowResult, dynamics_threshold, gradient_flow
from theory._expressions import expressions
from theory._export import plot_complexity
from theory._hessian import HessianSpectrum, hessian
from theory._landscape import complexity, complexity_of_minima, threshold_energy
from theory._model import Model
from theory._message_passing import (CriticalPoint, StateEvolution, critical_point, first_order_delta_p,
                                     state_evolution, tensor_recovery_delta_p)
from theory._phase_diagram import PhaseDiagram, phase_diagram
from theory._simulation import SampledSpectrum, SimulationEnsemble, SimulationResult, simulate, simulate_ensemble
from theory._thresholds import ThresholdCurve, ThresholdResult, kinds, register_kind, threshold

__version__ = "0.1.0"

__all__ = [
    # the model
    "Model",
    # thresholds and the phase diagram
    "threshold", "kinds", "register_kind", "ThresholdCurve", "ThresholdResult",
    "phase_diagram", "PhaseDiagram", "first_order_delta_p", "tensor_recovery_delta_p",
    "critical_point", "CriticalPoint",
    # landscape: Hessian and Kac-Rice complexity
    "hessian", "HessianSpectrum", "complexity", "complexity_of_minima", "threshold_energy", "plot_complexity",
    # dynamics: message passing, DMFT, finite N
    "state_evolution", "StateEvolution",
    "gradient_flow", "GradientFlowResult", "dynamics_threshold", "DynamicsThreshold",
    "simulate", "SimulationResult", "SampledSpectrum", "simulate_ensemble", "SimulationEnsemble",
    # symbolic expressions (imports SymPy) and errors
    "expressions", "ConvergenceError", "PrecisionError",
]
