"""Benchmarks of the landscape, as ratios against the obvious alternative, same run.

    python bench/bench_landscape.py

1. ``theory.complexity_of_minima`` on a 10^5-point grid of overlaps against a hand-written numpy
   version of the same formulas (docs/landscape.md), best of 7.
2. The trivialization threshold (p = 3, Deltap = 1): float64 (scan + solve, cold cache), and at
   dps = 15 and 50 (cold: including the float scan; warm: mpmath solve only), against the
   gradient-flow closed form at the same dps.
"""

from __future__ import annotations

import time
import timeit

import numpy as np


def hand_written_sigma_min(m, p, d2, dp):
    """Sigma_min(m) typed from the formulas (mask-free, np.where on both branches)."""
    a, b = 1 / d2, 1 / dp
    xi1, s2 = a + b, a + (p - 1) * b
    s, width = np.sqrt(s2), 2 * a + p * b
    g1 = a * m + b * m ** (p - 1)
    c, th = m * g1, (a + (p - 1) * b * m ** (p - 2)) * (1 - m * m)
    base = 0.5 + 0.5 * np.log((1 - m * m) / xi1) - g1**2 * (1 - m * m) / (2 * xi1)
    right = c > (2 * s2 - width) / s
    w = np.where(right, (c + np.sqrt(np.abs(c * c + 4 * (width - s2)))) / 2, s)
    wc = np.maximum(w, np.maximum(th, s))
    mu = wc + s2 / wc
    return base - (mu - c) ** 2 / (2 * width) + np.log(wc) + s2 / (2 * wc * wc)


def _best(fn, number, repeat):
    return min(timeit.repeat(fn, number=number, repeat=repeat)) / number


def main() -> None:
    import scipy.optimize  # noqa: F401  (imported lazily by the library: not part of the timings)

    import theory
    from numerics import landscape

    p, d2, dp = 3, 0.45, 1.0
    m = np.linspace(-0.999, 0.999, 10**5)
    ours = theory.complexity_of_minima(m, p=p, delta2=d2, delta_p=dp)
    ref = hand_written_sigma_min(m, p, d2, dp)
    t_api = _best(lambda: theory.complexity_of_minima(m, p=p, delta2=d2, delta_p=dp), 3, 7)
    t_hand = _best(lambda: hand_written_sigma_min(m, p, d2, dp), 3, 7)
    print(f"Sigma_min on 1e5 overlaps: theory {t_api * 1e3:6.2f} ms   hand-written numpy {t_hand * 1e3:6.2f} ms   "
          f"ratio {t_api / t_hand:.2f}   max |difference| {np.abs(ours - ref).max():.1e}")

    for overlaps in ("positive", "all"):
        landscape._scan.cache_clear()
        t0 = time.perf_counter()
        value = theory.threshold(3, 1.0, kind="trivialization", overlaps=overlaps)
        t_float = time.perf_counter() - t0
        t_gf = _best(lambda: theory.threshold(3, 1.0), 200, 5)
        print(f"trivialization p=3 Deltap=1 overlaps={overlaps!r}: {value!r}; float64 (cold) "
              f"{t_float * 1e3:.1f} ms = {t_float / t_gf:.0f} x gradient_flow (closed form, {t_gf * 1e6:.1f} us)")
        for dps in (15, 50):
            landscape._scan.cache_clear()
            t0 = time.perf_counter()
            theory.threshold(3, 1, kind="trivialization", overlaps=overlaps, dps=dps)
            cold = time.perf_counter() - t0
            warm = _best(lambda: theory.threshold(3, 1, kind="trivialization", overlaps=overlaps, dps=dps), 3, 3)
            gf = _best(lambda: theory.threshold(3, 1, dps=dps), 20, 3)
            print(f"  dps={dps}: cold {cold * 1e3:7.1f} ms, warm (mpmath solve at dps+10 and dps+30) "
                  f"{warm * 1e3:7.1f} ms = {warm / gf:.0f} x gradient_flow at the same dps")

    delta_ps = np.geomspace(0.05, 100, 200)
    landscape._scan.cache_clear()
    t0 = time.perf_counter()
    theory.threshold(3, delta_ps, kind="trivialization")
    t200 = time.perf_counter() - t0
    t_gf = _best(lambda: theory.threshold(3, delta_ps), 20, 3)
    print(f"trivialization on 200 Deltap in [0.05, 100] (float64, cold): {t200:.2f} s "
          f"({t200 / 200 * 1e3:.1f} ms each; {t200 / t_gf:.0f} x the closed-form gradient_flow curve)")


if __name__ == "__main__":
    main()
