"""Benchmarks of the core, as ratios against the obvious alternative, same run.

    python bench/bench_core.py

1. ``import theory`` against ``import sympy`` (fresh interpreters, best of 5).
2. ``theory.threshold(p, delta_p_array)`` on 10^6 values against the hand-written numpy
   formula of docs/hessian.md and against ``sympy.lambdify`` (best of 7).
3. One 50-digit threshold (mean of many), and the same through SymPy ``evalf(50)``.
"""

from __future__ import annotations

import subprocess
import sys
import timeit

import numpy as np


def _import_time(module: str) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                 check=True).stdout) for _ in range(5)]
    return min(runs)


def _best(fn, number: int, repeat: int) -> float:
    return min(timeit.repeat(fn, number=number, repeat=repeat)) / number


def main() -> None:
    t_theory, t_sympy = _import_time("theory"), _import_time("sympy")
    print(f"import theory: {t_theory * 1e3:7.1f} ms   import sympy: {t_sympy * 1e3:7.1f} ms   "
          f"ratio {t_theory / t_sympy:.2f}")

    import sympy as sp

    import theory

    p = 3
    x = np.random.default_rng(0).uniform(0.01, 100.0, 10**6)

    def hand_written():
        return (np.sqrt(x**2 + 4 * (p - 1) * x) - x) / (2 * (p - 1))

    curve = theory.threshold(p=p)
    lambdified = sp.lambdify(list(curve.expr.free_symbols), curve.expr, "numpy")
    t_api = _best(lambda: theory.threshold(p, x), 3, 7)
    t_hand = _best(hand_written, 3, 7)
    t_lamb = _best(lambda: lambdified(x), 3, 7)
    print(f"threshold on 1e6 Deltap: theory {t_api * 1e3:6.2f} ms   hand-written numpy "
          f"{t_hand * 1e3:6.2f} ms (ratio {t_api / t_hand:.2f})   sympy.lambdify {t_lamb * 1e3:6.2f} ms "
          f"(ratio {t_api / t_lamb:.2f})")
    exact = theory.threshold(p, x[:1000], dps=None)
    worst = max(abs(exact[i] - float(theory.threshold(p, x[i], dps=30))) / exact[i] for i in range(0, 1000, 10))
    hand_err = max(abs(hand_written()[i] - float(theory.threshold(p, x[i], dps=30))) / exact[i]
                   for i in range(0, 1000, 10))
    print(f"  max relative error vs 30 digits (100 samples): theory {worst:.1e}, hand-written {hand_err:.1e}")

    t_50 = _best(lambda: theory.threshold(4, 1, dps=50), 200, 5)
    expr = theory.threshold(p=4).expr
    t_evalf = _best(lambda: expr.subs(list(expr.free_symbols)[0], 1).evalf(50), 20, 5)
    print(f"50-digit threshold (certified at 60 and 80 digits): {t_50 * 1e6:7.1f} us   "
          f"sympy evalf(50): {t_evalf * 1e6:7.1f} us (ratio {t_50 / t_evalf:.2f})")


if __name__ == "__main__":
    main()
