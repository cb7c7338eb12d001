"""Benchmark of the DMFT integrators: ``python bench/bench_dmft.py [--long] [--langevin]``.

Side by side, in one run (2 shared cores: timings are noisy, ratios are what counts):

0. the obvious alternative: a plain fixed-grid Euler written in numpy (trapezoid memory
   integrals, R(t,t) = 1, BLAS threads left at their default) at 1000 steps to t_max = 100;
1. the convergence table of the default scheme (extrapolated Euler, fixed history) at p = 3,
   Delta2 = 0.4, Deltap = 1, m0 = 1e-3: escape time t(m > 0.5) against a reference good to
   about 1e-8 (two routes from the same plain Euler runs), m(30), e(30) and the end values
   m*, e* against dt, beside plain discrete Euler and Heun, and the closed forms of m*, e*;
2. the default run to t_max = 100 against the plain Euler, as written and with BLAS pinned to
   one thread, in alternating repetitions (the target: within 0.1% of the converged escape
   time at no more wall time);
3. (--long) cost and memory of the thinned history against t_max (stuck run, Delta2 = 0.6);
4. (--langevin) T = 1 against the Nishimori overlap.
"""

from __future__ import annotations

import argparse
import sys
import time
import tracemalloc

import numpy as np

import theory
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


def escape(run, level=0.5):
    return dmft.crossing_time(run.t, run.m, level)


def neville(values):
    """Top of the Richardson (Neville) table for errors in powers of h, steps halving."""
    table = list(values)
    for k in range(1, len(values)):
        table = [table[j] + (table[j] - table[j - 1]) / (2**k - 1) for j in range(1, len(table))]
    return table[-1]


def reference():
    """The escape time by two routes from the same plain Euler runs at h = 0.05 .. 0.00625:
    the scalar Richardson table of their escape times, and their four-level combination."""
    stop = lambda m, k: m > 0.7  # noqa: E731
    runs = [dmft.integrate(FIELD, M0, 30.0, 0.05 / 2**k, scheme=dmft.Euler(), stop=stop)
            for k in range(4)]
    scalar = neville([escape(r) for r in runs])
    combined = escape(dmft._combine(runs, interrupted=False))
    return scalar, combined


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--long", action="store_true", help="thinned history to t_max = 1e4")
    ap.add_argument("--langevin", action="store_true", help="T = 1 against the Nishimori overlap")
    ap.add_argument("--repeat", type=int, default=3, help="alternating repetitions in section 2")
    args = ap.parse_args(argv)
    end = dmft.success_state(FIELD)
    (scalar, combined), sec, _ = timed(reference)
    ref = scalar
    print(f"p={P}, Delta2={D2}, Deltap={DP}, m0={M0}; reference escape time {scalar:.9f} (Richardson "
          f"table of Euler escape times at h = 0.05 .. 0.00625); the four-level combination of the "
          f"same runs: {combined:.9f} ({sec:.0f} s)")
    print(f"closed forms: m* = {end['m']:.10f}, e* = {end['energy']:.10f}")
    print("\n1. convergence: escape time against the reference (order: log2 of successive errors);")
    print("   m(25), e(25): differences from the next smaller dt; m*, e* (t = 100, dt >= 0.1) - closed form")
    print(f"{'scheme':<14}{'dt':>7}{'t_esc':>13}{'rel err':>10}{'order':>7}{'dm(25)':>10}{'de(25)':>10}"
          f"{'m*-cf':>10}{'e*-cf':>10}{'sec':>7}")
    for name, sch, hs in (("extrapolated", dmft.Extrapolated(), (0.2, 0.1, 0.05, 0.025)),
                          ("euler", dmft.Euler(), (0.2, 0.1, 0.05, 0.025)),
                          ("heun", dmft.Heun(), (0.2, 0.1, 0.05))):
        rows = []
        for h in hs:
            t_max = 100.0 if h >= 0.1 else 30.0  # t = 25 is inside, not in the last coarse steps
            r, sec, _ = timed(lambda: dmft.integrate(FIELD, M0, t_max, h, scheme=sch))
            i25 = int(round(25.0 / h))
            rows.append((h, escape(r), r.m[i25], r.energy[i25], r.m[-1], r.energy[-1], t_max, sec))
        for j, (h, e, m30, e30, mend, eend, t_max, sec) in enumerate(rows):
            err = e / ref - 1
            order = (f"{np.log2(abs((rows[j - 1][1] / ref - 1) / err)):>7.2f}" if j else f"{'':>7}")
            nxt = (f"{m30 - rows[j + 1][2]:>10.1e}{e30 - rows[j + 1][3]:>10.1e}" if j + 1 < len(rows)
                   else f"{'':>20}")
            tail = (f"{mend - end['m']:>10.0e}{eend - end['energy']:>10.0e}" if t_max == 100.0
                    else f"{'':>20}")
            print(f"{name:<14}{h:>7}{e:>13.8f}{err:>10.1e}{order}{nxt}{tail}{sec:>7.2f}")
    print(f"\n2. the accuracy target: t_max = 100, {args.repeat} alternating repetitions (median)")

    def pinned():
        from threadpoolctl import threadpool_limits

        with threadpool_limits(limits=1, user_api="blas"):
            return plain_euler(100.0, 0.1)

    times = {"plain": [], "plain, one BLAS thread": [], "default": []}
    for _ in range(args.repeat):
        (t, m), sec, _ = timed(lambda: plain_euler(100.0, 0.1))
        times["plain"].append(sec)
        _, sec, _ = timed(pinned)
        times["plain, one BLAS thread"].append(sec)
        r, sec, _ = timed(lambda: theory.gradient_flow(p=P, delta2=D2, delta_p=DP, m0=M0, t_max=100.0))
        times["default"].append(sec)
    plain_esc = dmft.crossing_time(t, m, 0.5)
    med = {k: float(np.median(v)) for k, v in times.items()}
    print(f"  default (theory.gradient_flow: extrapolated, dt = {r.dt:.4f}): t_esc {escape(r):.5f} "
          f"(error {abs(escape(r) / ref - 1):.1e}), "
          f"{med['default']:.2f} s")
    print(f"  plain numpy Euler, 1000 steps:  t_esc {plain_esc:.5f} (error {abs(plain_esc / ref - 1):.1e}), "
          f"{med['plain']:.2f} s; with one BLAS thread {med['plain, one BLAS thread']:.2f} s")
    ratios = [d / p for d, p in zip(times["default"], times["plain"])]
    ratios1 = [d / p for d, p in zip(times["default"], times["plain, one BLAS thread"])]
    print(f"  wall-time ratio default / plain = {np.median(ratios):.2f} "
          f"(pairs {', '.join(f'{x:.2f}' for x in ratios)}); default / one-thread plain = "
          f"{np.median(ratios1):.2f} (pairs {', '.join(f'{x:.2f}' for x in ratios1)})")
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
