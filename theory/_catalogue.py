"""The catalogue of the spiked model's threshold kinds: their order, written down once.

:func:`theory.kinds` lists the kinds in the order of :data:`CATALOGUE` (the order of the kinds
table of docs/model.md), not in the order the modules defining them happen to be imported;
kinds a user adds with :func:`theory.register_kind` follow, in the order they were added.  Each
entry also says which module defines the kind (imported on first use of the catalogue, so the
registry is complete whatever was imported first) and how :class:`theory.PhaseDiagram` draws
it, so that ``theory.threshold`` and ``theory.phase_diagram`` hold no kind-specific code.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

__all__ = ["CATALOGUE", "DIAGRAM_ORDER", "Entry", "NAMES", "load"]


@dataclass(frozen=True)
class Entry:
    """One threshold kind of the catalogue.

    Attributes
    ----------
    name : str
        The name users pass as ``kind=``.
    module : str
        The module whose import registers the kind (:func:`theory.register_kind`).
    line : tuple
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
    """

    name: str
    module: str
    line: tuple
    region: tuple | None = None
    strength: int | None = None
    undefined_on: str | None = None
    region_below: tuple | None = None
    region_alone: str | None = None
    marks_critical_point: bool = False


#: Langevin's line is drawn at its default temperature, the Bayes-optimal T = 1.
_LANGEVIN_T = 1.0

#: The spiked model's kinds, in the documented order (docs/model.md, table of kinds).
CATALOGUE: tuple[Entry, ...] = (
    Entry("gradient_flow", "theory._dynamics_kinds", ("gradient flow", "tab:blue", "-"),
          region=("GF, spurious minima", "#c6dbef"), strength=4, region_alone="gradient flow succeeds"),
    Entry("langevin", "theory._dynamics_kinds",
          (f"Langevin dynamics, T = {_LANGEVIN_T:g}", "tab:brown", (0, (5, 1.5, 1, 1.5, 1, 1.5)))),
    Entry("trivialization", "theory._landscape", ("trivialization", "tab:green", "-."),
          region=("no spurious minima", "#e3e0f5"), strength=5),
    Entry("ml_amp", "theory._message_passing", ("ML-AMP", "tab:orange", "-"),
          region=("ML-AMP, not gradient flow", "#c7e9c0"), strength=3),
    Entry("amp", "theory._message_passing", ("Bayes-optimal AMP", "tab:red", "--"),
          region=("Bayes AMP only", "#fde3a0"), strength=2, marks_critical_point=True),
    Entry("mmse_jump", "theory._message_passing", ("MMSE jump (first order)", "tab:purple", ":"),
          region=("hard: possible, AMP fails", "#f4a582"), strength=1, undefined_on="information_theoretic",
          # between the information-theoretic line and the MMSE jump the optimal overlap is the low branch
          region_below=("information_theoretic", "low overlap optimal", "#fbd1b8")),
    Entry("information_theoretic", "theory._message_passing", ("information-theoretic", "black", "-"),
          region=("hard: possible, AMP fails", "#f4a582"), strength=0),
)

#: The names of :data:`CATALOGUE`, in order.
NAMES: tuple[str, ...] = tuple(e.name for e in CATALOGUE)

#: The region-bounding kinds from the weakest to the strongest requirement on the signal.
DIAGRAM_ORDER: tuple[str, ...] = tuple(e.name for e in sorted((e for e in CATALOGUE if e.strength is not None),
                                                                key=lambda e: e.strength))

BY_NAME = {e.name: e for e in CATALOGUE}

_loaded = False


def load() -> None:
    """Import every module of the catalogue (once), so that each of its kinds is registered."""
    global _loaded
    if not _loaded:
        for module in dict.fromkeys(e.module for e in CATALOGUE):
            importlib.import_module(module)
        _loaded = True
