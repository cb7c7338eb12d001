"""Figure of docs/dynamics.md: long T = 1 runs on both sides of the closed-form Langevin line.

``python docs/figures/make_langevin.py [--t-max 10240] [--delta2s 0.65,0.7,0.72,0.75]
[--fine-t-max 2560] [--fine-delta2s 0.7,0.72,0.75] [--cache runs] [--estimate VALUE:ERROR]``
runs, at every Delta2 (p = 3, Deltap = 1, T = 1, m0 = 1e-30, so ``m`` stays in the linear
regime), the Euler scheme on the thinned history at dt = 0.2 (W = 32) and 0.1 (W = 64) to
``--t-max``, and at dt = 0.05 (W = 128) to ``--fine-t-max`` for ``--fine-delta2s`` (the same
window in time at every step).  The raw arrays go to ``--cache`` (``CACHE/p3_d0.70_h0.1.npz``:
``t, m, mu, energy`` and the stored ``grid, C``); a run found there is read as it is, whatever
its length (the docs' runs were stopped at different times; delete a file to rerun it).  The
steps are combined by Richardson extrapolation (weights in :data:`COMBINATIONS`) and the script
prints a Markdown table, the zero in Delta2 of the exponent's acceleration on the last octaves,
and draws docs/figures/langevin_drift.png:

* left: the aging correlation ``C(2 tw, tw)`` against ``tw`` (dt 0.1/0.05; dotted dt = 0.1),
  with the marginal plateau ``q`` (``(1 - q)^2 xi''(q) = T^2``);
* middle: the local exponent ``a = d ln m/d ln t`` on octaves of t (``m ~ t^a``: an exponent
  that levels off is a power law, trapped; one that grows ever faster, ``a ~ lambda t``, an
  escape);
* right, against Delta2: the acceleration of the exponent (the change of its change) on the
  last two octaves for each step combination, the drift of ``C(2 tw, tw)`` over the last octave
  (the criterion of ``numerics.dynamics.end_states.plateau_settled``, tol 2e-3, both x 10), the
  closed-form line and the estimate passed in.

The runs of the docs cost 87-99 s (dt = 0.2), 347-385 s (dt = 0.1) to t = 10240 and 233-950 s
(dt = 0.05) to t = 2560-7722, CPU of one core on the loaded machine.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import matplotlib.ticker  # noqa: E402
import numpy as np  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))  # the checkout this script is in

import theory  # noqa: E402
from numerics import dmft  # noqa: E402
from numerics import langevin_line as L  # noqa: E402
from numerics.dynamics.end_states import two_time  # noqa: E402
from numerics.model import field, matrix_tensor  # noqa: E402

T = 1.0
M0 = 1e-30
#: (dt, window): the same window in time (6.4) at every step (0.025: the p = 4 runs of the docs)
WINDOWS = {0.2: 32, 0.1: 64, 0.05: 128, 0.025: 256}


def run(p: int, delta_p: float, d2: float, dt: float, t_max: float, cache: Path) -> dict:
    """One Euler run on the thinned history, or the run of the same step in ``cache`` (as long
    as it is: the docs' runs were stopped at different times; delete the file to rerun)."""
    window = WINDOWS[dt]
    path = cache / f"p{p}_d{d2:.2f}_h{dt:g}.npz"
    if path.exists():  # as it is, whatever its length (the cache the docs' numbers came from)
        r = dict(np.load(path))
        if int(r["window"]) == window and float(r["m0"]) == M0:
            return r
    c0 = time.process_time()
    out = dmft.integrate(matrix_tensor(p, d2, delta_p), M0, t_max, dt, temperature=T,
                         scheme=dmft.Euler(), history=dmft.Thinned(window), keep_history=True)
    r = dict(t=out.t, m=out.m, mu=out.mu, energy=out.energy, grid=out.grid, C=out.C,
             cpu=time.process_time() - c0, wall=out.seconds, interrupted=out.interrupted, p=p,
             delta_p=delta_p, delta2=d2, dt=dt, window=window, m0=M0, t_max=t_max)
    cache.mkdir(parents=True, exist_ok=True)
    np.savez(path, **r)
    return r


def octaves(r: dict, t_end: float) -> dict:
    """On ``t = 10 2^k <= t_end``: ``ln(m/m0)``, ``mu``, ``e``, and ``C(2 tw, tw)`` at ``tw = t``."""
    ts = 10.0 * 2.0 ** np.arange(20)
    ts = ts[ts <= t_end * (1 + 1e-9)]
    return {"t": ts, "lnm": np.log(np.interp(ts, r["t"], r["m"]) / float(r["m0"])),
            "mu": np.interp(ts, r["t"], r["mu"]), "e": np.interp(ts, r["t"], r["energy"]),
            "a": np.array([two_time(r["grid"], r["C"], 2 * w, w) for w in ts[:-1]])}


#: Richardson weights of the step combinations (errors in powers of dt, steps halving)
COMBINATIONS = {"dt = 0.1": {0.1: 1.0}, "0.2/0.1": {0.1: 2.0, 0.2: -1.0},
                "0.1/0.05": {0.05: 2.0, 0.1: -1.0}, "0.2/0.1/0.05": {0.05: 8 / 3, 0.1: -2.0, 0.2: 1 / 3},
                "0.05/0.025": {0.025: 2.0, 0.05: -1.0},
                "0.1/0.05/0.025": {0.025: 8 / 3, 0.05: -2.0, 0.1: 1 / 3}}


def combine(runs: dict, weights: dict) -> dict | None:
    """The octaves of a step combination (None if a run is missing), to the shortest run's end;
    then the local exponent ``d ln m/d ln t`` on each octave, its change between octaves
    (``dexp``) and the change of that (``accel``: > 0 accelerating, < 0 levelling)."""
    if any(h not in runs for h in weights):
        return None
    t_end = min(float(runs[h]["t"][-1]) for h in weights)
    octs = {h: octaves(runs[h], t_end) for h in weights}
    v = {k: sum(w * octs[h][k] for h, w in weights.items()) for k in ("lnm", "mu", "e", "a")}
    v["t"] = next(iter(octs.values()))["t"]
    v["exponent"] = np.diff(v["lnm"]) / np.log(2)
    v["dexp"] = np.diff(v["exponent"])
    v["accel"] = np.diff(v["dexp"])
    v["drift"] = np.diff(v["a"])
    return v


def measure(d2: float, levels: dict, cache: Path, p: int = 3, delta_p: float = 1.0) -> dict:
    """The runs ``{dt: t_max}`` at ``d2``, every step combination they allow and the marginal
    aging state."""
    runs = {h: run(p, delta_p, d2, h, t_max, cache) for h, t_max in levels.items()}
    q, mu = L.aging_state(field({p: delta_p}), d2, T)
    out = {name: combine(runs, w) for name, w in COMBINATIONS.items()}
    return {"combos": {k: v for k, v in out.items() if v is not None}, "q": q, "mu_aging": mu,
            "cpu": {h: float(r["cpu"]) for h, r in runs.items()},
            "t_end": {h: float(r["t"][-1]) for h, r in runs.items()}}


def crossing(x: np.ndarray, y: np.ndarray) -> float:
    """Zero of ``y(x)`` by linear interpolation between the two points around its first sign
    change (nan without one)."""
    s = np.flatnonzero(np.sign(y[:-1]) != np.sign(y[1:]))
    if s.size == 0:
        return float("nan")
    i = int(s[0])
    return float(x[i] - y[i] * (x[i + 1] - x[i]) / (y[i + 1] - y[i]))


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--t-max", type=float, default=10240.0, help="runs at dt = 0.2 and 0.1")
    ap.add_argument("--delta2s", default="0.65,0.7,0.72,0.75")
    ap.add_argument("--fine-t-max", type=float, default=2560.0, help="runs at dt = 0.05")
    ap.add_argument("--fine-delta2s", default="0.7,0.72,0.75")
    ap.add_argument("--cache", default=str(ROOT / "runs"))
    ap.add_argument("--estimate", default=None, help="VALUE:ERROR of the dynamics to draw")
    args = ap.parse_args(argv)
    d2s = [float(x) for x in args.delta2s.split(",")]
    fine = {float(x) for x in args.fine_delta2s.split(",")} if args.fine_delta2s else set()
    cache = Path(args.cache)
    res = {}
    for d2 in d2s:
        levels = {0.2: args.t_max, 0.1: args.t_max}
        if d2 in fine:
            levels[0.05] = args.fine_t_max
        res[d2] = measure(d2, levels, cache)
    print("| Delta2 | steps | t_end | C(2tw, tw), last two tw | drift | exponent, last three octaves "
          "| change of the exponent | acceleration | mu(t_end) (aging) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for d2 in d2s:
        r = res[d2]
        for name, v in r["combos"].items():
            print(f"| {d2:g} | {name} | {v['t'][-1]:g} | {v['a'][-2]:.4f}, {v['a'][-1]:.4f} | "
                  f"{v['drift'][-1]:+.4f} | " + ", ".join(f"{e:.3f}" for e in v["exponent"][-3:])
                  + " | " + ", ".join(f"{e:+.3f}" for e in v["dexp"][-2:])
                  + f" | {v['accel'][-1]:+.4f} | {v['mu'][-1]:.4f} ({r['mu_aging']:.4f}) |")
    print("CPU (s):", {d2: res[d2]["cpu"] for d2 in d2s})
    line = float(theory.threshold(3, 1.0, kind="langevin", temperature=T))
    for name in COMBINATIONS:
        have = [d2 for d2 in d2s if name in res[d2]["combos"]]
        if len(have) < 2:
            continue
        n = min(res[d2]["combos"][name]["accel"].size for d2 in have)
        for k in range(max(0, n - 3), n):
            acc = np.array([res[d2]["combos"][name]["accel"][k] for d2 in have])
            t = res[have[0]]["combos"][name]["t"][k + 3]
            print(f"{name}: acceleration on the octaves to t = {t:g}: "
                  + ", ".join(f"{a:+.4f}" for a in acc)
                  + f" (Delta2 = {', '.join(f'{d:g}' for d in have)}): zero at "
                  f"{crossing(np.array(have), acc):.4f}")
    print(f"closed form {line:.5f}")

    fig, (ax, bx, cx) = plt.subplots(1, 3, figsize=(12.5, 5.0))
    best = "0.1/0.05"
    for d2 in d2s:
        r = res[d2]
        v = r["combos"].get(best)
        (ln,) = ax.plot([], [])
        color = ln.get_color()
        ax.axhline(r["q"], lw=0.6, ls="--", color=color)
        c = r["combos"]["dt = 0.1"]
        alone = None if v is not None else f"Delta2 = {d2:g} (dt = 0.1 only)"
        ax.semilogx(c["t"][:-1], c["a"], ":", lw=0.8, color=color, label=alone)
        bx.loglog(np.sqrt(c["t"][:-1] * c["t"][1:]), c["exponent"], ":", lw=0.8, color=color,
                  label=alone and f"{d2:g} (dt = 0.1)")
        if v is not None:
            ax.semilogx(v["t"][:-1], v["a"], "o-", ms=3, color=color, label=f"Delta2 = {d2:g}")
            bx.loglog(np.sqrt(v["t"][:-1] * v["t"][1:]), v["exponent"], "o-", ms=3, color=color,
                      label=f"{d2:g}")
    ax.set_xlabel("tw")
    ax.set_ylabel("C(2 tw, tw)")
    ax.set_title("aging correlation (dt 0.1/0.05 Richardson; dotted:\ndt = 0.1 alone); "
                 "dashed: marginal plateau q", fontsize=8)
    ax.legend(fontsize=7)
    bx.set_xlabel("t (octave midpoints)")
    bx.set_ylabel("d ln m / d ln t")
    bx.set_title("local exponent of m (dt 0.1/0.05; dotted: dt = 0.1)", fontsize=8)
    bx.legend(fontsize=7, title="Delta2", title_fontsize=7)
    for name, color in (("0.1/0.05", "C3"), ("0.2/0.1/0.05", "C1"), ("0.2/0.1", "0.6")):
        have = [d for d in d2s if name in res[d]["combos"]]
        if len(have) < 2:
            continue
        n = min(res[d]["combos"][name]["accel"].size for d in have)
        t = res[have[0]]["combos"][name]["t"][n + 2]
        acc = [res[d]["combos"][name]["accel"][n - 1] for d in have]
        cx.plot(have, acc, "s-", color=color, ms=4,
                label=f"acceleration of the exponent, dt {name}, octaves to t = {t:g}")
    have = [d for d in d2s if best in res[d]["combos"]]
    drift = [res[d]["combos"][best]["drift"][-1] for d in have]
    cx.plot(have, -10 * np.array(drift), "o--", color="k", ms=4,
            label="-10 x drift of C(2tw, tw), last octave (dt 0.1/0.05)")
    cx.axhline(0.0, lw=0.6, color="0.5")
    cx.axhline(10 * 2e-3, lw=0.6, color="k", ls=":", label="10 x criterion tol 2e-3")
    cx.axvline(line, color="C0", lw=1, label=f"closed form {line:.4f}")
    if args.estimate:
        value, error = (float(s) for s in args.estimate.split(":"))
        cx.axvspan(value - error, value + error, color="C1", alpha=0.2,
                   label=f"dynamics estimate {value:.3f} +- {error:.3f}")
    cx.set_xlabel("Delta2")
    cx.set_title("p = 3, Deltap = 1, T = 1", fontsize=9)
    cx.legend(fontsize=6, loc="upper center", bbox_to_anchor=(0.5, -0.16))
    bx.yaxis.set_major_formatter(matplotlib.ticker.ScalarFormatter())
    bx.yaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())
    fig.tight_layout()
    fig.savefig(HERE / "langevin_drift.png", dpi=120)
    return 0


if __name__ == "__main__":
    sys.exit(main())
