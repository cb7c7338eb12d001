"""The two dynamics threshold kinds of the spiked model, ``gradient_flow`` and ``langevin``: the
:mod:`numerics.lines.spiked` lines behind the :class:`~theory._thresholds.ThresholdKind` facade,
registered with :func:`theory.register_kind`; their place in :func:`theory.kinds` is written in
:mod:`theory._catalogue`."""

from __future__ import annotations

from numerics.lines import spiked
from theory import _validate
from theory._catalogue import _LANGEVIN_T
from theory._thresholds import ThresholdKind, register_kind

#: The temperature of ``kind="langevin"`` when none is given: the Bayes-optimal one.
LANGEVIN_TEMPERATURE = _LANGEVIN_T
assert LANGEVIN_TEMPERATURE == spiked.LANGEVIN.options["temperature"]


def _langevin_temperature(value):
    t = _validate.float_array("temperature", value, low=0.0, low_open=False)
    if t.ndim or not t <= 1.0:
        raise ValueError(f"temperature must be a scalar in [0, 1] (the aging plateau of T > 1 is "
                         f"not derived), got {_validate._short(value)}")
    return float(t)


register_kind(ThresholdKind.of_line(spiked.GRADIENT_FLOW, any_channels=True))
register_kind(ThresholdKind.of_line(spiked.LANGEVIN, options={"temperature": _langevin_temperature},
                                    any_channels=True))
