"""Figure of docs/landscape.md: Sigma_min(m) at p = 3, Deltap = 1 for several Delta2.

    python docs/figures/make_landscape.py        # writes docs/figures/landscape.png

Curves at Delta2 below, at and above the trivialization thresholds ("positive" and "all"
overlaps) and at the gradient-flow threshold; the right panel zooms on the birth of the bands.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

import theory  # noqa: E402

OUT = Path(__file__).resolve().parent / "landscape.png"


def main() -> Path:
    p, delta_p = 3, 1.0
    t_pos = theory.threshold(p, delta_p, kind="trivialization")
    t_all = theory.threshold(p, delta_p, kind="trivialization", overlaps="all")
    t_gf = theory.threshold(p, delta_p)
    m = np.linspace(-0.999, 0.999, 4001)
    cases = [(0.30, r"$\Delta_2$ = 0.30"),
             (t_all, r"$\Delta_2^{\rm triv}$ (all $m$) = %.4f" % t_all),
             (t_pos, r"$\Delta_2^{\rm triv}$ ($m \geq 0$) = %.4f" % t_pos),
             (t_gf, r"$\Delta_2^{\rm GF}$ = %.4f" % t_gf), (0.8, r"$\Delta_2$ = 0.80")]
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.2))
    colors = plt.cm.viridis(np.linspace(0, 0.9, len(cases)))
    for (d2, label), color in zip(cases, colors):
        y = theory.complexity_of_minima(m, p=p, delta2=d2, delta_p=delta_p)
        for ax in axes:
            ax.plot(m, y, color=color, label=label)
    for ax in axes:
        ax.axhline(0, color="k", lw=0.6)
        ax.axvline(0, color="grey", lw=0.4, ls=":")
        ax.set_xlabel("overlap $m$")
    axes[0].set_ylim(-0.02, 0.004)
    axes[0].set_ylabel(r"$\Sigma_{\min}(m)$")
    axes[0].set_title(r"complexity of minima, $p=3$, $\Delta_p=1$")
    axes[1].set_xlim(-0.6, 0.2)
    axes[1].set_ylim(-3e-4, 1.2e-3)
    axes[1].set_title("zoom: bands of spurious minima")
    axes[0].legend(fontsize=7, loc="lower left")
    fig.tight_layout()
    fig.savefig(OUT, dpi=130)
    return OUT


if __name__ == "__main__":
    print(f"wrote {main()}")
