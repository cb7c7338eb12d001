"""Figures of docs/finite_n.md: finite-N gradient flow against the large-N theory (p = 3, Deltap = 1).

    python docs/figures/make_finite_n.py [trajectories] [end_state] [plateau] [spectrum] [success]

With no argument every figure is made (about 20 minutes on 2 shared cores).  Each
experiment prints the numbers the page quotes and writes ``finite_n_<name>.png`` beside
this script.  Seeds are fixed, so the numbers are reproducible on one machine.
"""

from __future__ import annotations

import math
import sys
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from scipy.optimize import brentq  # noqa: E402

import theory  # noqa: E402
from numerics._generated.model_numpy import xi, xi_prime, xi_second  # noqa: E402

HERE = Path(__file__).resolve().parent
P, DELTA_P = 3, 1.0
KW = dict(p=P, delta_p=DELTA_P, progress=False)


def s_of(delta2):
    return theory.hessian(p=P, delta2=delta2, delta_p=DELTA_P, m=0.0, mu=0.0).s


def closed_form(delta2):
    """End state of a successful run (docs/dynamics.md), solved on the generated xi kernels."""
    def f(m):
        return xi_prime(m, P, delta2, DELTA_P) ** 2 * (1 - m * m) - m * m * xi_prime(1.0, P, delta2, DELTA_P)

    m = brentq(f, 1e-3, 1 - 1e-12, xtol=1e-15)
    chi = m / xi_prime(m, P, delta2, DELTA_P)
    mu = xi_prime(m, P, delta2, DELTA_P) / m + chi * xi_second(1.0, P, delta2, DELTA_P)
    e = -xi(m, P, delta2, DELTA_P) - chi * xi_prime(1.0, P, delta2, DELTA_P)
    return dict(m=m, energy=e, mu=mu, lowest=theory.hessian(p=P, delta2=delta2, delta_p=DELTA_P, m=m, mu=mu).lowest)


def save(fig, name):
    path = HERE / f"finite_n_{name}.png"
    fig.savefig(path, dpi=130, bbox_inches="tight")
    plt.close(fig)
    print(f"wrote {path.relative_to(HERE.parent.parent)}")


def trajectories():
    n = 256
    fig, axes = plt.subplots(1, 3, figsize=(13, 3.6), layout="constrained")
    print(f"trajectories, N = {n} (float32 tensor), random start, seed 1")
    for delta2 in (0.3, 0.4, 0.5, 0.7, 1.0, 2.0):
        r = theory.simulate(n=n, delta2=delta2, t_max=80.0, seed=1, dtype="float32", **KW)
        s = s_of(delta2)
        axes[0].plot(r.t[1:], r.m[1:], label=f"$\\Delta_2$={delta2}")
        axes[1].plot(r.t[1:], r.mu[1:] / (2 * s))
        axes[2].plot(r.t[1:], r.energy[1:])
        print(f"  Delta2={delta2}: m(0)={r.m[0]:.3f} m(80)={r.m[-1]:.3f} mu/2s={r.mu[-1] / (2 * s):.3f} e={r.energy[-1]:.4f}")
    for ax in axes:
        ax.set(xscale="log", xlim=(0.1, 80))
    axes[0].set(xlabel="t", ylabel="m(t)")
    axes[1].axhline(1, color="k", lw=0.8, ls="--")
    axes[1].set(xlabel="t", ylabel=r"$\mu(t) / 2\sqrt{\xi''(1)}$", ylim=(-0.1, 1.3))
    axes[2].set(xlabel="t", ylabel="energy L/N")
    axes[0].legend(fontsize=8)
    fig.suptitle(f"Gradient flow at N = {n}, p = 3, $\\Delta_p$ = 1 (threshold $\\Delta_2$ = 0.5)")
    save(fig, "trajectories")


def end_state():
    delta2 = 0.3
    ref = closed_form(delta2)
    sizes = {32: 12, 64: 12, 128: 8, 256: 6}
    keys = ["m", "energy", "mu", "lowest"]
    rows = {k: [] for k in keys}
    print(f"end state at Delta2 = {delta2}, m0 = 0.2; closed form: "
          + ", ".join(f"{k}={v:.4f}" for k, v in ref.items()))
    for n, seeds in sizes.items():
        vals = {k: [] for k in keys}
        for seed in range(seeds):
            r = theory.simulate(n=n, delta2=delta2, m0=0.2, t_max=50.0, seed=seed, **KW)
            h = r.hessian_spectrum()
            for k, v in zip(keys, (r.m[-1], r.energy[-1], r.mu[-1], h.lowest)):
                vals[k].append(v)
        for k in keys:
            v = np.array(vals[k])
            rows[k].append((n, v.mean(), v.std(ddof=1) / math.sqrt(len(v))))
        print(f"  N={n:4d} ({seeds} seeds): " + ", ".join(
            f"{k}={np.mean(vals[k]):.4f}+-{np.std(vals[k], ddof=1) / math.sqrt(seeds):.4f}" for k in keys))
    fig, axes = plt.subplots(1, 4, figsize=(14, 3.3), layout="constrained")
    for ax, k in zip(axes, keys):
        n, mean, err = np.array(rows[k]).T
        ax.errorbar(1 / n, mean - ref[k], yerr=err, fmt="o-")
        ax.axhline(0, color="k", lw=0.8)
        ax.set(xlabel="1/N", title=k, xlim=(0, None))
    axes[0].set_ylabel("simulation - closed form")
    fig.suptitle(f"End state below threshold ($\\Delta_2$ = {delta2}), mean and standard error over seeds")
    save(fig, "end_state")


def plateau():
    delta2 = 2.0
    s = s_of(delta2)
    fig, ax = plt.subplots(figsize=(5.5, 3.6))
    print(f"plateau above threshold, Delta2 = {delta2}, m0 = 0, 2s = {2 * s:.4f}")
    for n, dtype, seeds in ((64, "float64", 4), (128, "float64", 4), (256, "float64", 2), (512, "float32", 1)):
        out = []
        for seed in range(seeds):
            r = theory.simulate(n=n, delta2=delta2, m0=0.0, t_max=60.0, seed=seed, dtype=dtype, **KW)
            h = r.hessian_spectrum()
            out.append((r.mu[-1] / (2 * s), r.m[-1], h.lowest - (r.mu[-1] - 2 * s),
                        h.eigenvalues[-1] - (r.mu[-1] + 2 * s), r.energy[-1], r.gradient_norm[-1]))
            if seed == 0:
                ax.plot(r.t, r.mu / (2 * s), label=f"N={n}")
        o = np.array(out)
        print(f"  N={n:4d} ({seeds} seeds, {dtype}): mu/2s={o[:, 0].mean():.4f} |m|={np.abs(o[:, 1]).mean():.3f} "
              f"lowest-(mu-2s)={o[:, 2].mean():+.3f} top-(mu+2s)={o[:, 3].mean():+.3f} e={o[:, 4].mean():.4f} "
              f"|grad|={o[:, 5].max():.1e}")
    ax.axhline(1, color="k", lw=0.8, ls="--")
    ax.set(xlabel="t", ylabel=r"$\mu(t)/2\sqrt{\xi''(1)}$", xscale="log", ylim=(0.5, 1.05),
           title=f"Above threshold ($\\Delta_2$ = {delta2}), start at m = 0")
    ax.legend()
    save(fig, "plateau")


def spectrum():
    n = 256
    fig, axes = plt.subplots(1, 2, figsize=(11, 3.6))
    print(f"Hessian spectra at N = {n}, m0 = 0, when mu first reaches 0.85 * 2s "
          "(first seed whose run is then at m > 0: the mirror branch m < 0 has no outlier for odd p)")
    for ax, delta2 in ((axes[0], 0.35), (axes[1], 2.0)):
        s = s_of(delta2)
        for seed in range(10):
            r = theory.simulate(n=n, delta2=delta2, m0=0.0, t_max=8.0, seed=seed, **KW)
            k = int(np.argmax(r.mu >= 0.85 * 2 * s))
            if r.m[k] > 0:
                break
        h = r.hessian_spectrum(r.t[k])
        th = theory.hessian(p=P, delta2=delta2, delta_p=DELTA_P, m=h.m, mu=h.mu)
        ax.hist(h.eigenvalues, bins=50, density=True, alpha=0.6, label="sample")
        lam = np.linspace(h.mu - 2 * s, h.mu + 2 * s, 400)
        ax.plot(lam, np.sqrt(np.maximum(4 * s * s - (lam - h.mu) ** 2, 0)) / (2 * np.pi * s * s),
                "k", lw=1, label="semicircle at the sampled $\\mu$")
        if th.outlier is not None:
            ax.axvline(th.outlier, color="r", ls="--", lw=1, label="BBP outlier (stationary theory)")
        ax.axvline(h.lowest, color="C1", lw=1, label="lowest sampled")
        predicted = (math.sqrt(1 - th.s**2 / th.theta**2) * math.sqrt(1 - h.m**2)) if th.outlier is not None else 0.0
        ax.set(xlabel="eigenvalue", title=f"$\\Delta_2$ = {delta2}, t = {h.time:.2f}, m = {h.m:.3f}, "
               f"overlap {h.signal_overlap:.2f}")
        ax.legend(fontsize=7)
        print(f"  Delta2={delta2} (seed {seed}): t={h.time:.2f} m={h.m:.3f} mu={h.mu:.3f} lowest={h.lowest:.3f} "
              f"second={h.second:.3f} bulk edge mu-2s={h.mu - 2 * s:.3f} theory outlier={th.outlier} "
              f"overlap={h.signal_overlap:.3f} (BBP {predicted:.3f}) |grad|={h.gradient_norm:.3f}")
    save(fig, "spectrum")


def success():
    deltas = [0.3, 0.4, 0.5, 0.6, 0.8, 1.0, 1.5]
    plan = ((64, 16, "float64"), (128, 12, "float64"), (256, 6, "float32"))
    fig, ax = plt.subplots(figsize=(5.5, 3.6))
    print("success rate, random start, t_max = 80; success = |m(t_max)| >= 0.5 (mirror: m <= -0.5)")
    for n, seeds, dtype in plan:
        t0 = time.perf_counter()
        rate, err = [], []
        for delta2 in deltas:
            ms = np.array([theory.simulate(n=n, delta2=delta2, t_max=80.0, seed=seed, dtype=dtype, **KW).m[-1]
                           for seed in range(seeds)])
            ok = np.abs(ms) >= 0.5
            rate.append(ok.mean())
            err.append(math.sqrt(max(ok.mean() * (1 - ok.mean()), 1 / seeds) / seeds))
            print(f"  N={n:4d} Delta2={delta2}: {ok.sum()}/{seeds} ({(ms >= 0.5).sum()} at +x*, "
                  f"{(ms <= -0.5).sum()} mirror) mean |m| = {np.abs(ms).mean():.3f}", flush=True)
        ax.errorbar(deltas, rate, yerr=err, fmt="o-", capsize=2, label=f"N={n} ({seeds} seeds)")
        print(f"  N={n}: {time.perf_counter() - t0:.0f} s")
    ax.axvline(theory.threshold(p=P, delta_p=DELTA_P), color="k", ls="--", lw=0.8, label="$\\Delta_2^{GF}$ = 0.5")
    ax.set(xlabel="$\\Delta_2$", ylabel="fraction with |m(80)| $\\geq$ 0.5", ylim=(-0.05, 1.05),
           title="Success of gradient flow, p = 3, $\\Delta_p$ = 1")
    ax.legend(fontsize=8)
    save(fig, "success")


EXPERIMENTS = dict(trajectories=trajectories, end_state=end_state, plateau=plateau, spectrum=spectrum,
                   success=success)

if __name__ == "__main__":
    for name in sys.argv[1:] or EXPERIMENTS:
        t0 = time.perf_counter()
        EXPERIMENTS[name]()
        print(f"[{name}: {time.perf_counter() - t0:.0f} s]", flush=True)
