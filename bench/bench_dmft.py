"""Benchmark of the DMFT integrators: ``python bench/bench_dmft.py [--long]``.

1. Equal accuracy of the escape time t(m > 0.5) at p=3, Deltap=1, Delta2=0.44, m0=1e-6:
   the default integrator (discrete-time scheme, dt=0.1, fixed grid, BLAS on one thread)
   against a plain fixed-grid Euler written in numpy with the trapezoid rule and
   R(t,t) = 1 (the obvious alternative), each at the largest step within 0.5% of a
   reference (the default scheme at dt = 0.1 and 0.05 extrapolated linearly to dt = 0).
2. Cost and memory against t_max (100, 300, 1000, 1e4) for the fixed grid and the thinned
   grid (window 128); points that would take more than a few minutes are skipped and said so.
Timings are ratios measured side by side in this run (2 shared cores: noisy).
"""

from __future__ import annotations

import argparse
import sys
import time
import tracemalloc

import numpy as np

from numerics import dmft
from numerics._generated import model_numpy as K

P, D2, DP, M0 = 3, 0.44, 1.0, 1e-6


def escape(t, m, level=0.5):
    i = np.flatnonzero(m >= level)
    if not i.size:
        return np.inf
    i = int(i[0])
    return t[i - 1] + (level - m[i - 1]) / (m[i] - m[i - 1]) * (t[i] - t[i - 1])


def plain_euler(t_max, h):
    """Textbook fixed-grid Euler: trapezoid memory integrals, R(t,t) = 1, numpy matvecs on
    the growing history (BLAS threads left at their default)."""
    n = int(round(t_max / h))
    C = np.zeros((n + 1, n + 1))
    R = np.zeros((n + 1, n + 1))
    m = np.zeros(n + 1)
    C[0, 0] = R[0, 0] = 1.0
    m[0] = M0
    a = (P, D2, DP)
    for i in range(n):
        w = np.full(i + 1, h)
        w[0] = w[-1] = h / 2
        if i == 0:
            w[0] = 0.0
        c, r = C[i, :i + 1], R[i, :i + 1]
        q1, q2 = K.xi_prime(c, *a), K.xi_second(c, *a)
        g1 = K.xi_prime(m[i], *a)
        mu = m[i] * g1 + (w * r) @ (q1 + c * q2)
        u = w * q2 * r
        Cs, Rs = C[:i + 1, :i + 1], R[:i + 1, :i + 1]
        half = np.zeros(i + 1)
        half[:-1] = h / 2
        B = Rs @ (w * q1) - half * q1
        half_l = np.zeros(i + 1)
        half_l[1:] = h / 2
        D = u @ Rs - half_l * q2 * r
        dC = -mu * c + g1 * m[:i + 1] + u @ Cs + B
        dR = -mu * r + D
        C[i + 1, :i + 1] = C[:i + 1, i + 1] = c + h * dC
        R[i + 1, :i + 1] = r + h * dR
        C[i + 1, i + 1] = R[i + 1, i + 1] = 1.0
        m[i + 1] = m[i] + h * (-mu * m[i] + g1 + u @ m[:i + 1])
    return np.arange(n + 1) * h, m


def timed(fn):
    tracemalloc.start()
    t0 = time.perf_counter()
    out = fn()
    sec = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return out, sec, peak


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--long", action="store_true", help="include t_max = 1e4 on the thinned grid")
    args = ap.parse_args(argv)
    t_max = 200.0
    refs = [escape(*(lambda r: (r.t, r.m))(dmft.integrate(P, D2, DP, M0, t_max, h, scheme="euler",
                                                           stop=lambda m, k: m > 0.6)))
            for h in (0.1, 0.05)]
    ref = 2 * refs[1] - refs[0]
    print(f"reference escape time t(m>0.5) = {ref:.3f} (p={P}, Delta2={D2}, Deltap={DP}, m0={M0})")
    print("\n1. accuracy and cost at t_max = 200 (the escape happens near t = 171)")
    print(f"{'integrator':<34}{'dt':>6}{'t_esc':>10}{'error':>9}{'seconds':>9}")
    rows = {}
    for h in (0.2, 0.1):
        r, sec, _ = timed(lambda: dmft.integrate(P, D2, DP, M0, t_max, h, scheme="euler"))
        e = escape(r.t, r.m)
        rows[("default", h)] = (e, sec)
        print(f"{'default (discrete, fixed grid)':<34}{h:>6}{e:>10.3f}{abs(e / ref - 1):>9.2%}{sec:>9.2f}")
    for h in (0.1, 0.05):
        r, sec, _ = timed(lambda: dmft.integrate(P, D2, DP, M0, t_max, h, scheme="heun"))
        e = escape(r.t, r.m)
        print(f"{'heun (R(t,t)=1, fixed grid)':<34}{h:>6}{e:>10.3f}{abs(e / ref - 1):>9.2%}{sec:>9.2f}")
    for h in (0.1, 0.05):
        (t, m), sec, _ = timed(lambda: plain_euler(t_max, h))
        e = escape(t, m)
        print(f"{'plain Euler (numpy, R(t,t)=1)':<34}{h:>6}{e:>10.3f}{abs(e / ref - 1):>9.2%}{sec:>9.2f}")
    print("  (plain Euler and heun at dt = 0.025 would need 10^4 steps, 1.6 GB and minutes: skipped)")
    r, sec, _ = timed(lambda: dmft.integrate(P, 0.3, DP, 1e-3, 100.0, 0.1, scheme="euler"))
    print(f"\nt_max = 100 at Delta2 = 0.3 (escape near t = 8): default dt=0.1 in {sec:.2f} s")
    rows["t100"] = sec
    print("\n2. cost and peak memory against t_max (Delta2 = 0.6, stuck run; dt = 0.2)")
    print(f"{'t_max':>8}{'grid':>10}{'seconds':>9}{'MiB':>8}{'stored':>8}")
    for T in (100.0, 300.0, 1000.0, 1e4):
        for window in (None, 128):
            steps = T / 0.2
            if window is None and steps > 2500:
                print(f"{T:>8g}{'fixed':>10}   skipped ({2 * 8 * steps**2 / 2**30:.1f} GiB of history)")
                continue
            if window is not None and T > 1000 and not args.long:
                print(f"{T:>8g}{'thinned':>10}   skipped (use --long; about 5-10 min on a shared core)")
                continue
            r, sec, peak = timed(lambda: dmft.integrate(P, 0.6, DP, M0, T, 0.2, scheme="euler", window=window))
            print(f"{T:>8g}{'fixed' if window is None else 'thinned':>10}{sec:>9.2f}{peak:>8.0f}{r.stored_max:>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
