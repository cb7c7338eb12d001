"""Make the phase-diagram figures of docs/phase_diagram.md.

Writes into docs/figures/:

- ``phase_diagram.png`` / ``phase_diagram.svg``: p = 3, in the style of Fig. 1 of
  arXiv:1907.08226 and arXiv:1902.00139 (``1/Deltap`` across, ``1/Delta2`` up);
- ``phase_diagram_p3_to_p6.png`` / ``.svg``: the same for p = 3, 4, 5, 6 side by side.

Every registered threshold kind is drawn (``theory.kinds()``).  Usage::

    python docs/figures/make_phase_diagram.py
"""

from __future__ import annotations

from pathlib import Path

from matplotlib.figure import Figure

import theory

HERE = Path(__file__).resolve().parent


def main() -> None:
    diagram = theory.phase_diagram(3, progress=True)
    for suffix in ("png", "svg"):
        print("wrote", diagram.save(HERE / f"phase_diagram.{suffix}"))

    fig = Figure(figsize=(12.0, 9.0), layout="constrained")
    axes = fig.subplots(2, 2)
    for ax, p in zip(axes.flat, (3, 4, 5, 6)):
        d = diagram if p == 3 else theory.phase_diagram(p, progress=True)
        d.plot(ax, y_max=5.5)
    for suffix in ("png", "svg"):
        path = HERE / f"phase_diagram_p3_to_p6.{suffix}"
        fig.savefig(path, dpi=120)
        print("wrote", path)


if __name__ == "__main__":
    main()
