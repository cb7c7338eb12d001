"""Benchmark of the DMFT integrators: ``python bench/bench_dmft.py [--long] [--langevin]``.

Side by side, in one run (2 shared cores: timings are noisy, ratios are what counts):

0. the obvious alternative: a plain fixed-grid Euler written in numpy (trapezoid memory
   integrals, R(t,t) = 1, BLAS threads left at their default) at 1000 steps to t_max = 100;
1. the convergence table of the default scheme (extrapolated Euler, fixed history) at p = 3,
   Delta2 = 0.4, Deltap = 1, m0 = 1e-3: escape time t(m > 0.5), end overlap m*, end energy e*
   against dt, beside plain discrete Euler and Heun, and the closed forms of m*, e*;
2. the default run to t_max = 100 against the plain Euler (the target: within 0.1% of
   the converged escape time at no more wall time);
3. (--long) cost and memory of the thinned history against t_max (stuck run, Delta2 = 0.6);
4. (--langevin) T = 1 against the Nishimori overlap.
"""

from __future__ import annotations

import argparse
import sys
import time
import tracemalloc

import numpy as np

from numerics import dmft
from numerics.model import matrix_tensor

P, D2, DP, M0 = 3, 0.4, 1.0, 1e-3
FIELD = matrix_tensor(P, D2, DP)


def plain_euler(t_max, h, f=FIELD, m0=M0):
    """Textbook fixed-grid Euler: trapezoid memory integrals, R(t,t) = 1, numpy matvecs on
    the growing history (BLAS threads left at their default)."""
    n = int(round(t_max / h))
    C = np.zeros((n + 1, n + 1))
    R = np.zeros((n + 1, n + 1))
    m = np.zeros(n + 1)
    C[0, 0] = R[0, 0] = 1.0
    m[0] = m0
    xi = f.xi
    for i in range(n):
        w = np.full(i + 1, h)
        w[0] = w[-1] = h / 2
        if i == 0:
            w[0] = 0.0
        c, r = C[i, :i + 1], R[i, :i + 1]
        q1, q2 = xi(c, 1), xi(c, 2)
        g1 = f.g(m[i], 1)
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


def escape(run):
    return dmft.crossing_time(run.t, run.m, 0.5)


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--long", action="store_true", help="thinned history to t_max = 1e4")
    ap.add_argument("--langevin", action="store_true", help="T = 1 against the Nishimori overlap")
    args = ap.parse_args(argv)
    end = dmft.success_state(FIELD)
    (t, m), plain_sec, _ = timed(lambda: plain_euler(100.0, 0.1))
    plain_esc = dmft.crossing_time(t, m, 0.5)
    stop = lambda m, k: m > 0.7  # noqa: E731
    ref_run = dmft.integrate(FIELD, M0, 40.0, 0.05, scheme=dmft.Extrapolated(3), stop=stop)
    ref = escape(ref_run)
    print(f"p={P}, Delta2={D2}, Deltap={DP}, m0={M0}; reference escape time {ref:.5f} "
          f"(3-level extrapolation at dt = 0.05: Euler at 0.05, 0.025, 0.0125)")
    print(f"closed forms: m* = {end['m']:.10f}, e* = {end['energy']:.10f}")
    print("\n1. convergence (t_max = 100; m*, e* at t = 100; |error| of t_esc against the reference)")
    print(f"{'scheme':<14}{'dt':>7}{'t_esc':>11}{'err t_esc':>11}{'m*-closed':>11}{'e*-closed':>11}{'sec':>7}")
    for name, sch, hs in (("extrapolated", dmft.Extrapolated(), (0.2, 0.1, 0.05, 0.025)),
                          ("euler", dmft.Euler(), (0.2, 0.1, 0.05, 0.025)),
                          ("heun", dmft.Heun(), (0.2, 0.1, 0.05))):
        for h in hs:
            t_max = 100.0 if h >= 0.1 else 40.0
            r, sec, _ = timed(lambda: dmft.integrate(FIELD, M0, t_max, h, scheme=sch))
            e = escape(r)
            tail = (f"{r.m[-1] - end['m']:>11.1e}{r.energy[-1] - end['energy']:>11.1e}"
                    if t_max == 100.0 else f"{'(t=40)':>11}{'':>11}")
            print(f"{name:<14}{h:>7}{e:>11.5f}{abs(e / ref - 1):>11.1e}{tail}{sec:>7.2f}")
    print("\n2. the accuracy target: t_max = 100")
    r, sec, _ = timed(lambda: dmft.integrate(FIELD, M0, 100.0, 0.2))
    print(f"  default (extrapolated, dt=0.2): t_esc {escape(r):.5f} (error {abs(escape(r) / ref - 1):.1e}), "
          f"{sec:.2f} s")
    print(f"  plain numpy Euler, 1000 steps:  t_esc {plain_esc:.5f} (error {abs(plain_esc / ref - 1):.1e}), "
          f"{plain_sec:.2f} s")
    print(f"  wall-time ratio default / plain = {sec / plain_sec:.2f}")
    if args.langevin:
        f = matrix_tensor(3, 0.5, 1.0)
        nis = dmft.nishimori_state(f)
        print(f"\n4. Langevin T = 1, Delta2 = 0.5: Nishimori overlap {nis['m']:.6f}")
        for sch, h in ((dmft.Euler(), 0.1), (dmft.Extrapolated(), 0.1), (dmft.Extrapolated(), 0.05)):
            r, sec, _ = timed(lambda: dmft.integrate(f, M0, 90.0, h, scheme=sch, temperature=1.0))
            print(f"  {sch!r:<24} dt={h:<6} m(90) = {r.m[-1]:.6f} ({r.m[-1] / nis['m'] - 1:+.2%}), {sec:.2f} s")
    if args.long:
        print("\n3. thinned history (window 128, Euler, dt = 0.2), stuck run Delta2 = 0.6, m0 = 1e-6")
        print(f"{'t_max':>8}{'seconds':>9}{'MiB':>8}{'stored':>8}{'ratio':>8}")
        f = matrix_tensor(3, 0.6, 1.0)
        base = None
        for T in (100.0, 1000.0, 1e4):
            r, sec, peak = timed(lambda: dmft.integrate(f, 1e-6, T, 0.2, scheme=dmft.Euler(),
                                                         history=dmft.Thinned(128)))
            base = base or sec
            print(f"{T:>8g}{sec:>9.2f}{peak:>8.0f}{r.stored_max:>8}{sec / base:>8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
