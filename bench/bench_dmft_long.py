"""Long DMFT runs on the step-growing grid: ``python bench/bench_dmft_long.py [--million [--plain]]``.

Side by side, in one run (2 shared cores: the ratios are what counts), a run stuck above the
threshold (p = 3, Delta2 = 0.7, Delta_p = 1, m0 = 1e-3):

0. the obvious alternative: the plain numpy fixed-grid Euler of bench_dmft.py at 1000 steps
   to t_max = 100;
1. the default scheme (extrapolated Euler, fixed history) to t_max = 100;
2. the implicit step-growing scheme (``scheme="bdf2"``) to t_max = 100 and to 10^4, its rows
   solved by the default preconditioned iteration and by the plain Anderson iteration (the
   scheme's first solve), with the evaluations of the row map per step in each decade, the
   CPU time and the peak memory (issue 21 item 4: 10^4 within 10 times the cost of the default
   run to 100);
3. (--million) ``gradient_flow(t_max=1e6)`` with no ``scheme=`` (the default picks ``bdf2``;
   the target: under 5 minutes of CPU and 500 MB), and the power laws of the approach of the
   marginal states: ``2 sqrt(xi''(1)) - mu(t) ~ t^-a`` and ``e(t) - e_th ~ t^-b`` (local
   exponents per decade, against the derived aging values); with --plain also the plain
   Anderson solve to 10^6 (about 4 minutes of CPU: longer than the house minute, on request).

Measured (2 shared cores, 4 helpers running; CPU seconds of this process):

=====================================  ==============  ==============
                                       plain Anderson  preconditioned
=====================================  ==============  ==============
row-map evaluations per step, 10-100          15.5            9.8
... 10^2-10^3                                 29.9           12.7
... 10^3-10^4                                 52.6           14.4
... 10^4-10^5                                 81.8           20.8
... 10^5-10^6 (plain: at its cap 120)         87.1           29.3
steps (rejected) to 10^6                  1386 (118)       807 (115)
CPU to 10^4 / 10^5 / 10^6                1.5 / 4.1 / 222  ~1 / 2.4 / 18
peak resident memory to 10^6                 176 MB          127 MB
=====================================  ==============  ==============
"""

from __future__ import annotations

import argparse
import math
import resource
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import theory  # noqa: E402
from bench_dmft import plain_euler  # noqa: E402
from numerics import dmft, dmft_long  # noqa: E402
from numerics.dynamics import bdf2  # noqa: E402
from numerics.model import matrix_tensor  # noqa: E402

P, D2, DP, M0 = 3, 0.7, 1.0, 1e-3


def timed(fn, trace=True):
    """``(result, wall seconds, CPU seconds, peak traced bytes)``; ``trace=False`` times
    without tracemalloc, which slows the many small numpy temporaries of a long run."""
    if trace:
        tracemalloc.start()
    start, cpu = time.perf_counter(), time.process_time()
    out = fn()
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak = tracemalloc.get_traced_memory()[1] if trace else math.nan
    if trace:
        tracemalloc.stop()
    return out, seconds, cpu, peak


def flow(t_max, **kw):
    return theory.gradient_flow(p=P, delta2=D2, delta_p=DP, m0=M0, t_max=t_max, progress=False,
                                **kw)


def counted(t_max, solver):
    """A bdf2 run with ``solver``, and the evaluations of the row map per solve by decade."""
    step, log = bdf2._step, []

    def wrapped(md, T, hist, h, first, solver=solver):
        out = step(md, T, hist, h, first, solver=solver)
        log.append((hist.t[hist.k - 1], out[5]))
        return out

    bdf2._step = wrapped
    try:
        run = dmft_long.integrate_growing(matrix_tensor(P, D2, DP), M0, t_max, 0.01,
                                          history=dmft_long.Growing(),
                                          solver=solver)
    finally:
        bdf2._step = step
    t, n = np.array(log).T
    per = {d: float(n[(t >= 10.0 ** (d - 1)) & (t < 10.0 ** d)].mean())
           for d in range(1, int(round(math.log10(t_max))) + 1)}
    return run, per


def exponents(run):
    """Local power-law exponents per decade of the mu gap and the energy excess."""
    aging = dmft.aging_state(matrix_tensor(P, D2, DP))
    decades = [10.0 ** k for k in range(1, int(math.log10(run.t[-1])) + 1)]
    gap = aging["mu"] - np.interp(decades, run.t, run.mu)
    excess = np.interp(decades, run.t, run.energy) - aging["energy"]
    rows = []
    for i in range(1, len(decades)):
        rows.append((decades[i - 1], decades[i], -math.log10(gap[i] / gap[i - 1]),
                     -math.log10(excess[i] / excess[i - 1]), gap[i], excess[i]))
    return rows


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--million", action="store_true", help="also run to t_max = 10^6")
    ap.add_argument("--plain", action="store_true",
                    help="with --million: also the plain Anderson solve to 10^6 (minutes)")
    args = ap.parse_args(argv)
    f = matrix_tensor(P, D2, DP)
    _, t_plain, c_plain, _ = timed(lambda: plain_euler(100.0, 0.1, f=f))
    default, t_default, c_default, m_default = timed(lambda: flow(100.0))
    short, t_short, c_short, _ = timed(lambda: flow(100.0, scheme="bdf2"))
    long, t_long, c_long, m_long = timed(lambda: flow(1e4, scheme="bdf2"))
    (_, per_new), _, c_new, _ = timed(lambda: counted(1e4, "newton"), trace=False)
    (_, per_old), _, c_old, _ = timed(lambda: counted(1e4, "anderson"), trace=False)
    print("                                          wall (s)   CPU (s)")
    print(f"plain numpy Euler, 1000 steps to 100:     {t_plain:8.2f}  {c_plain:8.2f}")
    print(f"default (extrapolated, fixed) to 100:     {t_default:8.2f}  {c_default:8.2f}  "
          f"({m_default / 2**20:.0f} MB)")
    print(f"bdf2 (step-growing) to 100:               {t_short:8.2f}  {c_short:8.2f}  "
          f"({short.t.size - 1} steps)")
    print(f"bdf2 (step-growing) to 1e4:               {t_long:8.2f}  {c_long:8.2f}  "
          f"({long.t.size - 1} steps, {m_long / 2**20:.0f} MB traced)")
    print(f"ratio bdf2 to 1e4 / default to 100:       {t_long / t_default:8.2f}  "
          f"{c_long / c_default:8.2f}   (target <= 10)")
    print(f"ratio bdf2 to 1e4 / plain Euler to 100:   {t_long / t_plain:8.2f}  {c_long / c_plain:8.2f}")
    print(f"bdf2 to 1e4, CPU, plain Anderson / preconditioned solve: {c_old:.2f} / {c_new:.2f} = "
          f"{c_old / c_new:.2f}")
    print("row-map evaluations per step, by decade: " + ", ".join(
        f"<1e{d}: {per_old[d]:.1f} -> {per_new[d]:.1f}" for d in per_new))
    print(f"at t = 100: |mu_bdf2 - mu_default| = {abs(short.mu[-1] - default.mu[-1]):.2e}, "
          f"|e_bdf2 - e_default| = {abs(short.energy[-1] - default.energy[-1]):.2e}")
    runs = [long]
    if args.million:
        million, t_million, c_million, _ = timed(lambda: flow(1e6), trace=False)
        store = dmft_long.footprint(dmft.Growing()) / 2**20
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**10
        print(f"gradient_flow(t_max=1e6), scheme {million.scheme!r}: {t_million:8.2f} s wall, "
              f"{c_million:8.2f} s CPU ({million.t.size - 1} steps, store {store:.0f} MB, peak "
              f"resident {rss:.0f} MB)   (target < 300 s CPU, 500 MB)")
        runs.append(million)
        if args.plain:
            (old, per), t_old, c_old, _ = timed(lambda: counted(1e6, "anderson"), trace=False)
            print(f"plain Anderson to 1e6: {t_old:8.2f} s wall, {c_old:8.2f} s CPU "
                  f"({old['steps']} steps, {old['rejected']} rejected); CPU ratio to the default "
                  f"{c_old / c_million:.1f}; evaluations per step in 1e5-1e6: {per[6]:.1f}")
    aging = dmft.aging_state(f)
    print(f"\naging values: mu -> 2 sqrt(xi''(1)) = {aging['mu']:.6f}, e_th = {aging['energy']:.6f}")
    print("decade            a (mu gap)   b (energy)   gap at end   excess at end")
    for lo, hi, a, b, gap, excess in exponents(runs[-1]):
        print(f"{lo:8.0e}-{hi:8.0e}   {a:8.3f}     {b:8.3f}     {gap:10.3e}   {excess:10.3e}")


if __name__ == "__main__":
    main()
