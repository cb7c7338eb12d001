"""spiked-theory: landscape and gradient-flow theory of the spiked matrix-tensor model.

The public API.  Importing it loads numpy and mpmath only; SymPy is imported when an
expression is asked for (:func:`expressions`, ``ThresholdCurve.expr``), and the landscape,
Hessian, dynamics, simulation, phase-diagram and export modules when one of their names is
first used.

>>> import theory
>>> theory.threshold(p=3, delta_p=1.0)
0.5

References
----------
arXiv:1907.08226 (Who is afraid of big bad minima?), arXiv:1902.00139, arXiv:1812.09066.
"""

from numerics.solvers import ConvergenceError, PrecisionError
from theory._expressions import expressions
from theory._interrupt import Interrupted
from theory._model import Model
from theory._phase_retrieval import PhaseRetrieval
from theory._message_passing import (CriticalPoint, StateEvolution, critical_point, first_order_delta_p,
                                     state_evolution, tensor_recovery_delta_p)
from theory._thresholds import ThresholdCurve, ThresholdResult, kinds, register_kind, threshold

#: Public names imported on first use (PEP 562), with the module that defines them: the DMFT
#: integrators, the finite-N simulations, the phase diagram, the exports, the Hessian and the
#: Kac-Rice complexity register no threshold kind, so ``import theory`` does not need to load them.
_LAZY = {
    "theory._dynamics": ("DynamicsThreshold", "GradientFlowResult", "dynamics_threshold", "gradient_flow"),
    "theory._export": ("plot_complexity",),
    "theory._hessian": ("HessianSpectrum", "hessian"),
    "theory._landscape": ("complexity", "complexity_of_minima", "threshold_energy"),
    "theory._phase_diagram": ("PhaseDiagram", "phase_diagram"),
    "theory._simulation": ("SampledSpectrum", "SimulationEnsemble", "SimulationResult", "simulate",
                           "simulate_ensemble"),
}
_LAZY_NAMES = {name: module for module, names in _LAZY.items() for name in names}


def __getattr__(name):
    import importlib

    if f"theory.{name}" in _LAZY:  # the submodule itself, as when __init__ imported it
        return importlib.import_module(f"theory.{name}")
    module = _LAZY_NAMES.get(name)
    if module is None:
        raise AttributeError(f"module 'theory' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(_LAZY_NAMES))


__version__ = "0.1.0"

__all__ = [
    # the models
    "Model", "PhaseRetrieval",
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
    "expressions", "ConvergenceError", "PrecisionError", "Interrupted",
]
