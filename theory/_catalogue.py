"""The catalogue of the spiked model's threshold kinds: their order, written down once.

Each kind is a :class:`numerics.lines.base.Line` of :mod:`numerics.lines.spiked`; an entry here
adds what the API needs around it (the validators of its options, which models it takes, its
precision limit) and how :class:`theory.PhaseDiagram` draws it.  :func:`register` registers the
entries in the order of :data:`CATALOGUE` (the order of the kinds table of docs/model.md) when
``theory._thresholds`` is imported: no kind is registered as a side effect of importing the
module that computes it.  :func:`theory.kinds` lists them in that order; kinds a user adds with
:func:`theory.register_kind` follow, in the order they were added.  ``theory.threshold`` and
``theory.phase_diagram`` hold no kind-specific code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

from numerics.lines import spiked
from numerics.message_passing import MAX_SCAN_DPS
from theory import _validate

__all__ = ["CATALOGUE", "DIAGRAM_ORDER", "Entry", "NAMES", "register"]


@dataclass(frozen=True)
class Entry:
    """One threshold kind of the catalogue.

    Attributes
    ----------
    line : numerics.lines.base.Line
        The kind: its name (``kind=``), summary, reference, how it solves in a backend and
        whether it can be undefined.
    drawn : tuple
        ``(legend label, colour, dash)`` of its line in :meth:`theory.PhaseDiagram.plot`.
    region : tuple or None
        ``(label, colour)`` of the region above the line (up to the next one) in a phase
        diagram; None for a kind that bounds no region (drawn as a line only).
    strength : int or None
        Its place among the region-bounding lines from the weakest to the strongest requirement
        on the signal (``1/Delta2`` increasing); None where it bounds no region.
    undefined_on : str or None
        Where the kind is undefined (nan), the kind whose line it is drawn on.
    region_below : tuple or None
        ``(kind, label, colour)``: where the line drawn just below this one is ``kind``'s, the
        region between the two is labelled and coloured so (instead of ``kind``'s own region).
    region_alone : str or None
        The label of its region when no stronger kind is drawn above it.
    marks_critical_point : bool
        Whether a phase diagram drawing it marks the critical point (p >= 4).
    validators : mapping
        Option name -> validator (``theory.ThresholdKind.options``).
    facade : mapping
        The other fields of its :class:`theory.ThresholdKind` (``any_channels``,
        ``bayes_optimal_only``, ``max_dps``).
    """

    line: Any
    drawn: tuple
    region: tuple | None = None
    strength: int | None = None
    undefined_on: str | None = None
    region_below: tuple | None = None
    region_alone: str | None = None
    marks_critical_point: bool = False
    validators: Mapping[str, Callable] = field(default_factory=dict)
    facade: Mapping[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.line.name


#: Langevin's line is drawn at its default temperature, the Bayes-optimal T = 1.
_LANGEVIN_T = spiked.LANGEVIN.options["temperature"]


def _langevin_temperature(value):
    t = _validate.float_array("temperature", value, low=0.0, low_open=False)
    if t.ndim or not t <= 1.0:
        raise ValueError(f"temperature must be a scalar in [0, 1] (the aging plateau of T > 1 is "
                         f"not derived), got {_validate._short(value)}")
    return float(t)


def _check_overlaps(value):
    if value not in ("positive", "all"):
        raise ValueError(f"overlaps must be 'positive' (m in [0, 1)) or 'all' (m in (-1, 1)), got {value!r}")
    return value


_ANY = {"any_channels": True}
_BAYES = {"any_channels": True, "bayes_optimal_only": True}

#: The spiked model's kinds, in the documented order (docs/model.md, table of kinds).
CATALOGUE: tuple[Entry, ...] = (
    Entry(spiked.GRADIENT_FLOW, ("gradient flow", "tab:blue", "-"),
          region=("GF, spurious minima", "#c6dbef"), strength=4, region_alone="gradient flow succeeds", facade=_ANY),
    Entry(spiked.LANGEVIN,
          (f"Langevin dynamics, T = {_LANGEVIN_T:g}", "tab:brown", (0, (5, 1.5, 1, 1.5, 1, 1.5))),
          validators={"temperature": _langevin_temperature}, facade=_ANY),
    Entry(spiked.TRIVIALIZATION, ("trivialization", "tab:green", "-."),
          region=("no spurious minima", "#e3e0f5"), strength=5, validators={"overlaps": _check_overlaps},
          facade=_ANY),
    Entry(spiked.ML_AMP, ("ML-AMP", "tab:orange", "-"),
          region=("ML-AMP, not gradient flow", "#c7e9c0"), strength=3, facade=_BAYES),
    Entry(spiked.AMP, ("Bayes-optimal AMP", "tab:red", "--"),
          region=("Bayes AMP only", "#fde3a0"), strength=2, marks_critical_point=True, facade=_BAYES),
    Entry(spiked.MMSE_JUMP, ("MMSE jump (first order)", "tab:purple", ":"),
          region=("hard: possible, AMP fails", "#f4a582"), strength=1, undefined_on="information_theoretic",
          # between the information-theoretic line and the MMSE jump the optimal overlap is the low branch
          region_below=("information_theoretic", "low overlap optimal", "#fbd1b8"),
          facade={**_BAYES, "max_dps": MAX_SCAN_DPS}),
    Entry(spiked.INFORMATION_THEORETIC, ("information-theoretic", "black", "-"),
          region=("hard: possible, AMP fails", "#f4a582"), strength=0,
          facade={**_BAYES, "max_dps": MAX_SCAN_DPS}),
)

#: The names of :data:`CATALOGUE`, in order.
NAMES: tuple[str, ...] = tuple(e.name for e in CATALOGUE)

#: The region-bounding kinds from the weakest to the strongest requirement on the signal.
DIAGRAM_ORDER: tuple[str, ...] = tuple(e.name for e in sorted((e for e in CATALOGUE if e.strength is not None),
                                                                key=lambda e: e.strength))

BY_NAME = {e.name: e for e in CATALOGUE}

def register(of_line: Callable, add: Callable) -> None:
    """Register every kind of the catalogue, in its order (once: ``theory._thresholds`` calls it
    with ``ThresholdKind.of_line`` and ``register_kind``, so this module imports nothing of it)."""
    from theory._message_passing import NoJump

    undefined = {"mmse_jump": NoJump}  # the API's name for the line's exception
    for e in CATALOGUE:
        add(of_line(e.line, options=dict(e.validators), undefined=undefined.get(e.name), **e.facade))
