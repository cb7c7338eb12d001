"""Benchmark: the full phase diagram (every registered kind, 200 Deltap) at float precision.

Prints, for p = 3 and p = 6, the wall time of ``theory.phase_diagram`` and the share of each
kind, and ratios against the obvious alternatives run side by side:

- per kind, the same 200 values point by point (a Python loop of scalar calls);
- for the information-theoretic kind, the certified arbitrary-precision path at dps = 15
  (two mpmath solves per point) on a subset of points, scaled to 200.

- for the hard-phase kinds (``amp``, ``mmse_jump``) at p = 4 inside the hard region: the time per
  point in float64 and certified at dps = 50, and the ``amp`` tangency solve against the obvious
  alternative, bisecting Delta2 on the end point of state evolution from m0 = 1e-6.

Kinds that cache results per (p, Deltap) are defeated by shifting the grid by a relative 1e-9 at
every repeat.  Usage: ``python bench/bench_phase_diagram.py [--repeats 3]``.
"""

from __future__ import annotations

import argparse
import time

import numpy as np

import theory

POINTS = 200


def grid(shift: int) -> np.ndarray:
    return (1 / np.linspace(0.03, 6.0, POINTS)) * (1 + 1e-9 * shift)


def best_of(fn, repeats: int) -> float:
    times = []
    for r in range(repeats):
        t0 = time.perf_counter()
        fn(r)
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    counter = iter(range(1, 10**9))
    print(f"theory.phase_diagram, {POINTS} values of Deltap, float64; best of {args.repeats}; "
          f"kinds: {', '.join(theory.kinds())}")
    for p in (3, 6):
        theory.phase_diagram(p, grid(0))  # warm-up: imports, cached onsets
        total = best_of(lambda r: theory.phase_diagram(p, grid(next(counter))), args.repeats)
        per_kind = {k: best_of(lambda r, k=k: theory.threshold(p, grid(next(counter)), kind=k), args.repeats)
                    for k in theory.kinds()}
        print(f"\np = {p}: full diagram {total * 1e3:8.1f} ms")
        print(f"  {'kind':<22} {'ms':>9} {'share':>7} {'scalar loop / vectorised':>26}")
        for k, t in per_kind.items():
            sub = grid(next(counter))[:: max(1, POINTS // 20)]
            loop = best_of(lambda r, k=k, sub=sub: [theory.threshold(p, float(d) * (1 + 1e-9 * r), kind=k)
                                                    for d in sub], 1) * POINTS / sub.size
            print(f"  {k:<22} {t * 1e3:9.2f} {t / sum(per_kind.values()):7.1%} {loop / t:26.1f}")
        sub = grid(next(counter))[:: POINTS // 10]
        certified = best_of(lambda r: [theory.threshold(p, float(d), kind="information_theoretic", dps=15)
                                       for d in sub], 1) * POINTS / sub.size
        it = per_kind["information_theoretic"]
        print(f"  information_theoretic certified at dps=15 (scaled to {POINTS}): {certified * 1e3:.0f} ms, "
              f"{certified / it:.0f}x the float64 path")
    hard_phase(args.repeats)


def _se_bisection(p: float, delta_p: float, steps: int = 30) -> float:
    """The obvious alternative for the AMP threshold: bisect Delta2 on whether state evolution from
    m0 = 1e-6 ends above the critical overlap (the high branch)."""
    m_c = float(theory.critical_point(p).m)
    lo, hi = 0.5, 1.0
    for _ in range(steps):
        mid = 0.5 * (lo + hi)
        se = theory.state_evolution(p=p, delta2=mid, delta_p=delta_p, kind="amp", iterations=20_000)
        lo, hi = (mid, hi) if se.fixed_point > m_c else (lo, mid)
    return 0.5 * (lo + hi)


def hard_phase(repeats: int) -> None:
    """The hard-phase kinds: per point inside the hard region, against state-evolution bisection."""
    p = 4
    inside = np.linspace(0.1, 0.29, 20)
    print(f"\nhard phase, p = {p}: {inside.size} values of Deltap in [0.1, 0.29]")
    for kind in ("amp", "mmse_jump"):
        t = best_of(lambda r, kind=kind: theory.threshold(p, inside * (1 + 1e-9 * r), kind=kind), repeats)
        print(f"  {kind:<10} float64 {t / inside.size * 1e3:7.2f} ms/point", end="")
        c = best_of(lambda r, kind=kind: [theory.threshold(p, float(d), kind=kind, dps=50) for d in inside[::5]], 1)
        print(f"   certified dps=50 {c / inside[::5].size * 1e3:7.1f} ms/point")
    sub = inside[::5]
    t_amp = best_of(lambda r: theory.threshold(p, sub * (1 + 1e-9 * r), kind="amp"), repeats)
    t_se = best_of(lambda r: [_se_bisection(p, float(d)) for d in sub], 1)
    err = max(abs(_se_bisection(p, float(d)) - theory.threshold(p, float(d), kind="amp")) for d in sub[:2])
    print(f"  amp: state-evolution bisection (30 steps, error {err:.1e}) is {t_se / t_amp:.0f}x slower "
          f"than the tangency solve (error < 1e-16)")


if __name__ == "__main__":
    main()
