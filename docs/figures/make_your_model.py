"""Figure of docs/your_model.md: a 2+3+4 model and the pure spiked 3-tensor.

    python docs/figures/make_your_model.py        # writes docs/figures/your_model.png

Left: the lines in the plane (1/Delta3 across, 1/Delta2 up) of the model with a matrix, an
order-3 and an order-4 tensor channel (Delta4 = 2 fixed): gradient flow and trivialization
(positive overlaps, all overlaps), each from ``theory.threshold(model=...)``.
Right: the complexity of all stationary points and of the minima of the pure spiked 3-tensor
(no matrix channel), ``theory.complexity(m, model=Model(tensors={3: Delta3}))``.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

import theory  # noqa: E402

OUT = Path(__file__).resolve().parent / "your_model.png"
DELTA4 = 2.0


def lines(delta3s):
    """Critical 1/Delta2 of each line at each Delta3 (Delta4 fixed)."""
    out = {"gradient_flow": [], "trivialization (m >= 0)": [], "trivialization (all m)": []}
    for d3 in delta3s:
        model = theory.Model(tensors={3: float(d3), 4: DELTA4})
        out["gradient_flow"].append(1 / theory.threshold(model=model))
        out["trivialization (m >= 0)"].append(1 / theory.threshold(model=model, kind="trivialization"))
        out["trivialization (all m)"].append(
            1 / theory.threshold(model=model, kind="trivialization", overlaps="all"))
    return {k: np.array(v) for k, v in out.items()}


def main() -> Path:
    delta3s = np.geomspace(0.1, 20.0, 24)
    found = lines(delta3s)
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.2))
    ax = axes[0]
    styles = {"gradient_flow": "-", "trivialization (m >= 0)": "--", "trivialization (all m)": ":"}
    for name, inv in found.items():
        ax.plot(1 / delta3s, inv, styles[name], label=name)
    ax.axhline(1.0, color="grey", lw=0.8)
    ax.set_xscale("log")
    ax.set_xlabel(r"$1/\Delta_3$  ($\Delta_4 = 2$)")
    ax.set_ylabel(r"critical $1/\Delta_2$")
    ax.set_title("2+3+4: gradient flow succeeds above its line")
    ax.legend(frameon=False)

    ax = axes[1]
    m = np.linspace(-0.99, 0.99, 1981)
    for d3, color in zip((2 / 3, 0.3, 0.15), ("C0", "C1", "C2")):
        model = theory.Model(tensors={3: d3})
        ax.plot(m, theory.complexity(m, model=model), color=color, label=rf"$\Sigma(m)$, $\Delta_3$ = {d3:.3g}")
        ax.plot(m, theory.complexity_of_minima(m, model=model), "--", color=color, label=r"$\Sigma_{\min}(m)$")
    ax.axhline(0.0, color="grey", lw=0.8)
    ax.axhline(np.log(2) / 2, color="grey", lw=0.5, ls=":")
    ax.set_ylim(-0.3, 0.4)
    ax.set_xlabel("overlap $m$")
    ax.set_ylabel("annealed complexity")
    ax.set_title(r"pure spiked 3-tensor ($\Delta_3 = 2/3$: $\xi = q^3/2$)")
    ax.legend(frameon=False, fontsize=8)
    fig.tight_layout()
    fig.savefig(OUT, dpi=110)
    return OUT


if __name__ == "__main__":
    print(main())
