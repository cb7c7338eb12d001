"""The FDT-closure scheme at T > 0 (issue 21 item 1): ``python bench/bench_langevin_long.py``.

Side by side in one run (CPU seconds of this process; peak resident memory of the process):

A. T = 1 runs (p = 3, Deltap = 1, m0 = 1e-6) to ``--t-max`` (default 1e5) with
   :class:`numerics.dynamics.fdt.FDT` on the doubling grid: Delta2 = 0.75 (above the
   closed-form Langevin line 0.7071: trapped) and Delta2 = 0.7 (just below it: escapes, late);
   CPU, steps, peak resident memory, mu, e, m at decades of t, where a run ended early;
B. the same run to t = 40 with the fdt scheme and with today's default at T = 1
   (``theory.gradient_flow``: the extrapolated fixed-step scheme, dt = 0.1): the CPU ratio,
   and the differences of mu(t), e(t) at t = 10, 20, 40 (the accuracy the fdt scheme reaches,
   which decides whether A can be trusted);
C. the equilibrium checks: the paramagnet (T = 2, Delta2 = 0.7) against ``mu = T + xi'(1)/T``,
   ``e = -xi(1)/T`` at t = 10^3, and the Nishimori state (T = 1, Delta2 = 0.5, m0 = 0.5) at
   t = 10^3 against ``m = (sqrt 5 - 1)/2``, ``mu = 4``, ``e = -4/3``.

Measured results are in docs/dynamics.md, "Long Langevin runs (issue 21 item 1)".
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
import warnings
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the checkout this script is in

import theory  # noqa: E402
from numerics.dynamics.fdt import FDT, Doubling  # noqa: E402
from numerics.dynamics.jets import jets  # noqa: E402
from numerics.model import matrix_tensor  # noqa: E402


def _fdt(d2, T, m0, t_max, h0=0.01, points=512):
    md = jets(matrix_tensor(3, d2, 1.0))
    t0 = time.process_time()
    run = FDT().integrate(md, m0, t_max, h0, T, Doubling(points))
    return run, time.process_time() - t0


def _at(run, t):
    k = int(np.argmin(np.abs(run.t - t)))
    return run.t[k], run.mu[k], run.energy[k], run.m[k]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--t-max", type=float, default=1e5)
    args = ap.parse_args(argv)
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for d2 in (0.75, 0.7):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            run, cpu = _fdt(d2, 1.0, 1e-6, args.t_max)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"A  fdt, T = 1, Delta2 = {d2} to t = {run.t[-1]:g} (of {args.t_max:g}): {cpu:.1f} s "
              f"CPU, {run.steps} steps, {run.evaluations} row evaluations, peak RSS "
              f"{rss / 1024:.0f} MB (at start {rss0 / 1024:.0f} MB)")
        for w in caught:
            print(f"   warning: {w.message}")
        for t in (10, 100, 1e3, 1e4, 3e4, 1e5):
            if t <= run.t[-1]:
                tt, mu, e, m = _at(run, t)
                print(f"   t = {tt:9.4g}: mu = {mu:.6f}, e = {e:.6f}, m = {m:.4g}")
    short, cpu_s = _fdt(0.7, 1.0, 1e-6, 40.0)
    t0 = time.process_time()
    ref = theory.gradient_flow(3, 1.0, delta2=0.7, m0=1e-6, t_max=40.0, temperature=1.0)
    cpu_ref = time.process_time() - t0
    print(f"B  to t = 40: fdt {cpu_s:.2f} s, default {cpu_ref:.2f} s CPU (ratio {cpu_s / cpu_ref:.2f})")
    for t in (10, 20, 40):
        _, mu, e, _ = _at(short, t)
        k = int(np.argmin(np.abs(ref.t - t)))
        print(f"   t = {t}: fdt - default: mu {mu - ref.mu[k]:+.2e}, e {e - ref.energy[k]:+.2e}")
    pm, cpu_p = _fdt(0.7, 2.0, 1e-6, 1e3)
    xi = jets(matrix_tensor(3, 0.7, 1.0)).xi_1
    print(f"C  paramagnet T = 2, t = 1e3 ({cpu_p:.1f} s): mu {pm.mu[-1] / (2 + xi[1] / 2) - 1:+.2e}, "
          f"e {pm.energy[-1] / (-xi[0] / 2) - 1:+.2e} (relative)")
    ni, cpu_n = _fdt(0.5, 1.0, 0.5, 1e3)
    mn = (5**0.5 - 1) / 2
    print(f"   Nishimori T = 1, t = 1e3 ({cpu_n:.1f} s): m {ni.m[-1] / mn - 1:+.2e}, "
          f"mu {ni.mu[-1] / 4 - 1:+.2e}, e {ni.energy[-1] / (-4 / 3) - 1:+.2e} (relative)")


if __name__ == "__main__":
    main()
