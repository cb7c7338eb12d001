"""Make the phase-diagram figures of docs/phase_diagram.md.

Writes into docs/figures/:

- ``phase_diagram.png`` / ``phase_diagram.svg``: p = 3, every kind (the Langevin line at
  T = 1 included), ``1/Deltap`` across and ``1/Delta2`` up (as arXiv:1902.00139, Fig. 1);
- ``phase_diagram_paper.png`` / ``.svg``: the same diagram with ``Deltap`` across
  (``plot(axes="paper")``, the layout of arXiv:1907.08226, Fig. 1);
- ``phase_diagram_p3_to_p6.png`` / ``.svg``: the same for p = 3, 4, 5, 6 side by side;
- ``phase_diagram_bayes_p3_p4.png`` / ``.svg``: the Bayes-optimal lines of p = 3 and p = 4
  side by side, zoomed on ``1/Delta2`` near 1 where the hard phase of p = 4 lies;
- ``phase_diagram_state_evolution.png`` / ``.svg``: the Bayes state evolution at one point of
  the hard phase of p = 4 (the map, its fixed points, the iteration from m -> 0+, and the
  free entropy).

Every registered threshold kind is drawn (``theory.kinds()``).  Usage::

    python docs/figures/make_phase_diagram.py
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from matplotlib.figure import Figure

import theory
from numerics._generated import message_passing_numpy as KN

HERE = Path(__file__).resolve().parent
BAYES = ["ml_amp", "amp", "mmse_jump", "information_theoretic"]
#: The point of the hard phase of the state-evolution figure (p, Deltap, Delta2).
HARD_POINT = (4, 0.25, 0.94)


def _save(fig, name: str) -> None:
    for suffix in ("png", "svg"):
        path = HERE / f"{name}.{suffix}"
        fig.savefig(path, dpi=120)
        print("wrote", path)


def bayes_lines() -> None:
    fig = Figure(figsize=(12.0, 4.8), layout="constrained")
    axes = fig.subplots(1, 2)
    inverse = np.linspace(0.05, 12.0, 240)
    for ax, p, (low, high) in zip(axes, (3, 4), ((0.0, 1.6), (0.5, 1.35))):
        d = theory.phase_diagram(p, 1 / inverse, kinds=BAYES, progress=True)
        d.plot(ax, y_min=low, y_max=high)
        ax.set_title(f"p = {p}: Bayes-optimal lines")
    _save(fig, "phase_diagram_bayes_p3_p4")


def state_evolution_figure() -> None:
    p, delta_p, delta2 = HARD_POINT
    se = theory.state_evolution(p=p, delta2=delta2, delta_p=delta_p, kind="amp", m0=1e-6)
    m = np.linspace(0, 0.999, 2000)
    fig = Figure(figsize=(11.0, 4.3), layout="constrained")
    left, right = fig.subplots(1, 2)
    left.plot(m, KN.amp_map(m, p, delta2, delta_p), color="tab:red", label=r"$F(m) = \hat m/(1+\hat m)$")
    left.plot(m, m, color="0.4", linewidth=0.8, label=r"$m$")
    its = np.asarray(se.iterates, dtype=float)
    xs = np.repeat(its, 2)[1:-1]
    ys = np.repeat(its[1:], 2)
    left.plot(xs, ys, color="black", linewidth=0.6, label="AMP from $m_0 = 10^{-6}$")
    for fp, stable in se.fixed_points:
        left.plot([fp], [fp], "o", color="black", markerfacecolor="black" if stable else "white", markersize=5)
    left.set_xlabel("$m$")
    left.set_ylabel("$F(m)$")
    left.legend(fontsize=8, loc="upper left")
    left.set_title(f"state evolution, p = {p}, $\\Delta_p$ = {delta_p}, $\\Delta_2$ = {delta2}")
    phi = KN.free_entropy(m[1:], p, delta2, delta_p)
    right.plot(m[1:], phi, color="black")
    for fp, stable in se.fixed_points:
        if fp > 0:
            right.plot([fp], [KN.free_entropy(fp, p, delta2, delta_p)], "o", color="black",
                       markerfacecolor="black" if stable else "white", markersize=5)
    right.axhline(0, color="0.6", linewidth=0.6)
    right.set_ylim(-0.0008, 0.003)
    right.set_xlabel("$m$")
    right.set_ylabel(r"$\phi(m)$")
    right.set_title(r"free entropy $\phi(m)$: the high branch is larger")
    _save(fig, "phase_diagram_state_evolution")


def main() -> None:
    diagram = theory.phase_diagram(3, progress=True)
    assert "langevin" in diagram.kinds
    for suffix in ("png", "svg"):
        print("wrote", diagram.save(HERE / f"phase_diagram.{suffix}"))
    paper = theory.phase_diagram(3, np.linspace(0.15, 6.0, 200), progress=True)
    for suffix in ("png", "svg"):
        print("wrote", paper.save(HERE / f"phase_diagram_paper.{suffix}", axes="paper", y_max=3.5))

    fig = Figure(figsize=(12.0, 9.0), layout="constrained")
    axes = fig.subplots(2, 2)
    for ax, p in zip(axes.flat, (3, 4, 5, 6)):
        d = diagram if p == 3 else theory.phase_diagram(p, progress=True)
        d.plot(ax, y_max=5.5)
    _save(fig, "phase_diagram_p3_to_p6")
    bayes_lines()
    state_evolution_figure()


if __name__ == "__main__":
    main()
