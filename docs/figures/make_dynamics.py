"""Figure and table of docs/dynamics.md: the threshold from the dynamics vs the closed form.

``python docs/figures/make_dynamics.py [--t-max 250]`` writes docs/figures/dynamics_threshold.png
and docs/figures/dynamics_runs.png and prints a Markdown table (p = 3, 4; Deltap = 0.5, 1, 2).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

import theory  # noqa: E402

HERE = Path(__file__).resolve().parent


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--t-max", type=float, default=250.0)
    ap.add_argument("--cases", default="3:1,3:0.5,3:2,4:1,4:0.5,4:2")
    args = ap.parse_args(argv)
    rows = []
    fig, ax = plt.subplots(figsize=(5, 3.5))
    for case in args.cases.split(","):
        p, dp = case.split(":")
        p, dp = int(p), float(dp)
        closed = theory.threshold(p=p, delta_p=dp)
        try:
            est = theory.dynamics_threshold(p, dp, t_max=args.t_max, progress=False)
        except ValueError as exc:
            print(f"| {p} | {dp:g} | failed: {exc} | | {closed:.4f} | |", flush=True)
            continue
        rows.append((p, dp, est, closed))
        print(f"| {p} | {dp:g} | {est.value:.4f} +- {est.error:.4f} | {est.half_time_value:.4f} | "
              f"{closed:.4f} | {est.value / closed - 1:+.2%} |", flush=True)
        x = np.asarray(est.delta2s)
        ax.plot(x, np.sqrt(np.maximum(est.rates, 0)), "o", label=f"p={p}, Deltap={dp:g}")
        ax.axvline(closed, lw=0.5, color=ax.lines[-1].get_color())
    ax.set_xlabel("Delta2")
    ax.set_ylabel("sqrt(plateau escape rate)")
    ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(HERE / "dynamics_threshold.png", dpi=120)
    runs = rows[0][2].runs if rows else ()
    fig, ax = plt.subplots(figsize=(5, 3.5))
    for r in runs:
        ax.semilogy(r.t, r.m, label=f"Delta2={r.delta2:.3f}")
    ax.set_xlabel("t")
    ax.set_ylabel("m(t) (m0 = 1e-150, linear regime)")
    ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(HERE / "dynamics_runs.png", dpi=120)
    return 0


if __name__ == "__main__":
    sys.exit(main())
