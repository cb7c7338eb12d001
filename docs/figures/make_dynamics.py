"""Figure and table of docs/dynamics.md: the threshold from the dynamics vs the closed form.

``python docs/figures/make_dynamics.py [--t-max 250]`` writes docs/figures/dynamics_threshold.png
and docs/figures/dynamics_runs.png and prints a Markdown table (p = 3, 4; Deltap = 0.5, 1, 2).

``python docs/figures/make_dynamics.py --overlay T:DELTAP:VALUE:ERROR,...`` draws
docs/figures/dynamics_overlay.png: the threshold lines of every ``theory.threshold`` kind at
p = 3 against Deltap, with the thresholds measured from the dynamics (gradient flow, T = 0, and
Langevin, T = 1) as points with their error bars.  The points are passed in (each costs
minutes: ``theory.dynamics_threshold(3, DELTAP, temperature=T)``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.ticker  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

import theory  # noqa: E402

HERE = Path(__file__).resolve().parent


def overlay(points: str) -> None:
    """The threshold kinds at p = 3 against Deltap, and the dynamics estimates as points."""
    dps = np.geomspace(0.25, 4.0, 41)
    fig, ax = plt.subplots(figsize=(5.5, 3.8))
    for kind in theory.kinds():
        vals = [float(theory.threshold(p=3, delta_p=float(d), kind=kind)) for d in dps]
        ax.plot(dps, vals, lw=1, label=kind)
    for item in points.split(","):
        T, dp, value, err = (float(x) for x in item.split(":"))
        name = "gradient flow (DMFT, T = 0)" if T == 0 else f"Langevin (DMFT, T = {T:g})"
        ax.errorbar([dp], [value], yerr=[err], fmt="o" if T == 0 else "s", ms=5, capsize=3,
                    color="k" if T == 0 else "C3", label=name)
    ax.set_xscale("log")
    ax.xaxis.set_major_formatter(matplotlib.ticker.ScalarFormatter())
    ax.xaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())
    ax.set_xticks([0.25, 0.5, 1, 2, 4])
    ax.set_ylim(0, 1.3)
    ax.set_xlabel("Deltap")
    ax.set_ylabel("threshold Delta2 (recovery below)")
    ax.set_title("p = 3: threshold lines and the dynamics", fontsize=9)
    ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(HERE / "dynamics_overlay.png", dpi=120)


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--t-max", type=float, default=250.0)
    ap.add_argument("--cases", default="3:1,3:0.5,3:2,4:1,4:0.5,4:2")
    ap.add_argument("--overlay", help="T:DELTAP:VALUE:ERROR,... (see the module docstring)")
    args = ap.parse_args(argv)
    if args.overlay:
        overlay(args.overlay)
        return 0
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
    runs = zip(rows[0][2].delta2s, rows[0][2].runs) if rows else ()
    fig, ax = plt.subplots(figsize=(5, 3.5))
    for d2, (t, m) in runs:
        ax.semilogy(t, m, label=f"Delta2={d2:.3f}")
    ax.set_xlabel("t")
    ax.set_ylabel("m(t) (m0 = 1e-150, linear regime)")
    ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(HERE / "dynamics_runs.png", dpi=120)
    return 0


if __name__ == "__main__":
    sys.exit(main())
