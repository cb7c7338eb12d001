"""The two dynamics threshold kinds of the spiked model: ``gradient_flow`` (a closed form on the
jets of the tensor covariance) and ``langevin`` (the BBP condition of the marginal aging states,
numerics/langevin_line.py), registered with :func:`theory.register_kind`; their place in
:func:`theory.kinds` is written in :mod:`theory._catalogue`."""

from __future__ import annotations

from fractions import Fraction

from numerics._generated import thresholds_mpmath, thresholds_numpy
from theory import _validate
from theory._catalogue import _LANGEVIN_T
from theory._thresholds import ThresholdKind, register_kind


def _gradient_flow_float(tensors):
    # xi_T''(1) = sum_n n (n - 1) c_n: the jet at 1 straight from the coefficients (arrays too)
    second = sum(n * (n - 1) * (float(c) if isinstance(c, Fraction) else c) for n, c in tensors.xi.terms)
    return thresholds_numpy.delta2_gf_channels(second)


def _gradient_flow_mp(ctx, tensors):
    return thresholds_mpmath.delta2_gf_channels(ctx, tensors.xi(1, 2, ctx))


register_kind(ThresholdKind(
    name="gradient_flow",
    summary="largest Delta2 at which gradient flow from a random start finds the signal: theta(0) = s",
    evaluate_float=_gradient_flow_float,
    evaluate_mp=_gradient_flow_mp,
    formula="delta2_gf",
    reference="arXiv:1907.08226, section 4; for any tensor channels derivations/thresholds.py",
    any_channels=True,
))


def _langevin_temperature(value):
    t = _validate.float_array("temperature", value, low=0.0, low_open=False)
    if t.ndim or not t <= 1.0:
        raise ValueError(f"temperature must be a scalar in [0, 1] (the aging plateau of T > 1 is "
                         f"not derived), got {_validate._short(value)}")
    return float(t)


#: The temperature of ``kind="langevin"`` when none is given: the Bayes-optimal one.
LANGEVIN_TEMPERATURE = _LANGEVIN_T


def _langevin_float(tensors, temperature=LANGEVIN_TEMPERATURE):
    from numerics import langevin_line

    return langevin_line.evaluate_float(tensors, temperature)


def _langevin_mp(ctx, tensors, temperature=LANGEVIN_TEMPERATURE):
    from numerics import langevin_line

    return langevin_line.evaluate_mp(ctx, tensors, temperature)


register_kind(ThresholdKind(
    name="langevin",
    summary=("largest Delta2 at which Langevin dynamics at temperature T (default 1, the "
             "Bayes-optimal one) leaves the marginal aging states at m = 0: the BBP condition "
             "g''(0) = T/(1 - q) of their plateau q"),
    evaluate_float=_langevin_float,
    evaluate_mp=_langevin_mp,
    options={"temperature": _langevin_temperature},
    reference="arXiv:1812.09066 (the Langevin algorithm); derivations/langevin.py",
    any_channels=True,
))
