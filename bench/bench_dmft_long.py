"""Long DMFT runs on the step-growing grid: ``python bench/bench_dmft_long.py [--million]``.

Side by side, in one run (2 shared cores: the ratios are what counts), a run stuck above the
threshold (p = 3, Delta2 = 0.7, Delta_p = 1, m0 = 1e-3):

0. the obvious alternative: the plain numpy fixed-grid Euler of bench_dmft.py at 1000 steps
   to t_max = 100;
1. the default scheme (extrapolated Euler, fixed history) to t_max = 100;
2. the implicit step-growing scheme (``scheme="bdf2"``) to t_max = 100 and to 10^4, with the
   peak memory (the target: 10^4 in at most 60 times the cost of the default run to 100, under
   500 MB);
3. (--million) to 10^6 at rtol 1e-4 (the target: under 10 minutes on 2 cores), and the power laws of the
   approach of the marginal states: ``2 sqrt(xi''(1)) - mu(t) ~ t^-a`` and
   ``e(t) - e_th ~ t^-b`` (local exponents per decade, against the derived aging values).
"""

from __future__ import annotations

import argparse
import math
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import theory  # noqa: E402
from bench_dmft import plain_euler  # noqa: E402
from numerics import dmft, dmft_long  # noqa: E402
from numerics.model import matrix_tensor  # noqa: E402

P, D2, DP, M0 = 3, 0.7, 1.0, 1e-3


def timed(fn, trace=True):
    """``(result, seconds, peak traced bytes)``; ``trace=False`` times without tracemalloc,
    which slows the many small numpy temporaries of a long run (by about a third at 10^6)."""
    if trace:
        tracemalloc.start()
    start = time.perf_counter()
    out = fn()
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] if trace else math.nan
    if trace:
        tracemalloc.stop()
    return out, seconds, peak


def flow(t_max, **kw):
    return theory.gradient_flow(p=P, delta2=D2, delta_p=DP, m0=M0, t_max=t_max, progress=False,
                                **kw)


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
    args = ap.parse_args(argv)
    f = matrix_tensor(P, D2, DP)
    _, t_plain, _ = timed(lambda: plain_euler(100.0, 0.1, f=f))
    default, t_default, m_default = timed(lambda: flow(100.0))
    short, t_short, _ = timed(lambda: flow(100.0, scheme="bdf2"))
    long, t_long, m_long = timed(lambda: flow(1e4, scheme="bdf2"))
    print(f"plain numpy Euler, 1000 steps to 100:     {t_plain:8.2f} s")
    print(f"default (extrapolated, fixed) to 100:     {t_default:8.2f} s  ({m_default / 2**20:.0f} MB)")
    print(f"bdf2 (step-growing) to 100:               {t_short:8.2f} s  ({short.t.size - 1} steps)")
    print(f"bdf2 (step-growing) to 1e4:               {t_long:8.2f} s  ({long.t.size - 1} steps, "
          f"{m_long / 2**20:.0f} MB)")
    print(f"ratio bdf2 to 1e4 / default to 100:       {t_long / t_default:8.2f}   (target <= 60)")
    print(f"ratio bdf2 to 1e4 / plain Euler to 100:   {t_long / t_plain:8.2f}")
    print(f"at t = 100: |mu_bdf2 - mu_default| = {abs(short.mu[-1] - default.mu[-1]):.2e}, "
          f"|e_bdf2 - e_default| = {abs(short.energy[-1] - default.energy[-1]):.2e}")
    runs = [long]
    if args.million:
        growing = dmft.Growing(rtol=1e-4)
        million, t_million, _ = timed(lambda: dmft.integrate(
            f, M0, 1e6, 0.01, scheme=dmft.BDF2(), history=growing), trace=False)
        store = dmft_long.footprint(growing) / 2**20
        print(f"bdf2 (step-growing) to 1e6, untraced:     {t_million:8.2f} s  "
              f"({million.t.size - 1} steps, store {store:.0f} MB)   (target < 600 s)")
        runs.append(million)
    aging = dmft.aging_state(f)
    print(f"\naging values: mu -> 2 sqrt(xi''(1)) = {aging['mu']:.6f}, e_th = {aging['energy']:.6f}")
    print("decade            a (mu gap)   b (energy)   gap at end   excess at end")
    for lo, hi, a, b, gap, excess in exponents(runs[-1]):
        print(f"{lo:8.0e}-{hi:8.0e}   {a:8.3f}     {b:8.3f}     {gap:10.3e}   {excess:10.3e}")


if __name__ == "__main__":
    main()
