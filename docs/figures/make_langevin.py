"""Figure of docs/dynamics.md: plateau drift and escape of stuck T = 1 runs against Delta2.

``python docs/figures/make_langevin.py [--t-max 1280] [--delta2s 0.65,0.7,0.75]
[--estimate 0.605:0.059]`` runs, at every Delta2 (p = 3, Deltap = 1, T = 1, m0 = 1e-6), the
explicit scheme on the thinned history at dt = 0.1 (W = 128) and dt = 0.05 (W = 256), combines
the two by Richardson extrapolation, prints a Markdown table and draws
docs/figures/langevin_drift.png: left, the aging correlation ``C(2 tw, tw)`` against ``tw``
beside the marginal plateau ``q`` (``(1 - q)^2 xi''(q) = T^2``); right, against Delta2, the
drift of ``C(2 tw, tw)`` over the last octave (the criterion of
``numerics.dynamics.end_states.plateau_settled``) and the late escape rate ``d ln m/dt`` on
``[t_max/2, t_max]``, with the closed-form line and the dynamics estimate (passed in: it costs
many minutes, ``theory.dynamics_threshold(3, 1.0, temperature=1)``).  About 3 minutes of one
core per Delta2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))  # the checkout this script is in

import theory  # noqa: E402
from numerics import dmft, solvers  # noqa: E402
from numerics.dynamics.end_states import aging_drift  # noqa: E402
from numerics.dynamics.jets import jets  # noqa: E402
from numerics.model import matrix_tensor  # noqa: E402

T = 1.0


def marginal_plateau(f) -> float:
    """The plateau ``q`` of the marginal states at T: ``(1 - q)^2 xi''(q) = T^2``."""
    md = jets(f)
    return solvers.brent(lambda q: float((1 - q) ** 2 * md.xi(q, 2) - T**2), 0.0, 0.999,
                         what="the marginal plateau").value


def measure(d2: float, t_max: float) -> dict:
    f = matrix_tensor(3, d2, 1.0)
    out = {}
    for dt, window in ((0.1, 128), (0.05, 256)):
        run = dmft.integrate(f, 1e-6, t_max, dt, temperature=T, scheme=dmft.Euler(),
                             history=dmft.Thinned(window), keep_history=True)
        tw, a = aging_drift(run.grid, run.C)
        half = 0.5 * t_max
        rate = np.log(run.m[-1] / np.interp(half, run.t, run.m)) / (t_max - half)
        out[dt] = (tw, a, rate)
    (tw, a1, r1), (_, a2, r2) = out[0.1], out[0.05]
    return {"tw": tw, "a": 2 * a2 - a1, "rate": 2 * r2 - r1, "q": marginal_plateau(f),
            "coarse": (a1, a2, r1, r2)}


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--t-max", type=float, default=1280.0)
    ap.add_argument("--delta2s", default="0.65,0.7,0.75")
    ap.add_argument("--estimate", default="0.605:0.059", help="VALUE:ERROR of the dynamics")
    args = ap.parse_args(argv)
    d2s = [float(x) for x in args.delta2s.split(",")]
    res = {}
    print("| Delta2 | q (marginal) | C(2tw, tw) at tw = t/4, t/2 | drift, last octave | "
          "d ln m/dt late |")
    print("|---|---|---|---|---|")
    for d2 in d2s:
        r = res[d2] = measure(d2, args.t_max)
        print(f"| {d2:g} | {r['q']:.4f} | {r['a'][-2]:.4f}, {r['a'][-1]:.4f} | "
              f"{r['a'][-1] - r['a'][-2]:+.4f} | {r['rate']:+.5f} |", flush=True)
    line = float(theory.threshold(3, 1.0, kind="langevin", temperature=T))
    value, error = (float(x) for x in args.estimate.split(":"))
    fig, (ax, bx) = plt.subplots(1, 2, figsize=(9, 3.6))
    for d2 in d2s:
        r = res[d2]
        (ln,) = ax.semilogx(r["tw"], r["a"], "o-", ms=3, label=f"Delta2 = {d2:g}")
        ax.axhline(r["q"], lw=0.6, ls="--", color=ln.get_color())
    ax.set_xlabel("tw")
    ax.set_ylabel("C(2 tw, tw) (Richardson in dt)")
    ax.set_title("aging correlation; dashed: marginal plateau q", fontsize=9)
    ax.legend(fontsize=7)
    x = np.array(d2s)
    drift = np.array([res[d]["a"][-1] - res[d]["a"][-2] for d in d2s])
    rate = np.array([res[d]["rate"] for d in d2s])
    bx.plot(x, rate, "s-", color="C3", label=f"d ln m/dt on [{args.t_max / 2:g}, {args.t_max:g}]")
    bx.plot(x, -drift, "o-", color="k", label="-drift of C(2tw, tw), last octave")
    bx.axhline(2e-3, lw=0.6, color="k", ls=":", label="criterion tol 2e-3")
    bx.axvline(line, color="C0", lw=1, label=f"closed form {line:.4f}")
    bx.axvspan(value - error, value + error, color="C1", alpha=0.2,
               label=f"dynamics estimate {value:g} +- {error:g}")
    bx.set_xlabel("Delta2")
    bx.set_title("p = 3, Deltap = 1, T = 1", fontsize=9)
    bx.legend(fontsize=6)
    fig.tight_layout()
    fig.savefig(HERE / "langevin_drift.png", dpi=120)
    return 0


if __name__ == "__main__":
    sys.exit(main())
