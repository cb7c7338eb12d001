"""Cost of the Bayes-optimal kinds on several tensor channels.

The general route (U and V scanned on the m grid in mpmath, every critical point refined) against
the one-channel solvers on the same one-channel fields, in the same run, and its cost on a 3+4
mixture.  Run: ``python bench/bench_bayes_mixtures.py``.
"""

from __future__ import annotations

import time
from fractions import Fraction

import mpmath

from numerics import message_passing as N
from numerics.model import field


def _time(fn, repeat=3):
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    ctx = mpmath.MPContext()
    ctx.dps = 40
    fields = [field({4: Fraction(k, 100)}) for k in (10, 20, 25, 28)]
    pairs = {
        "amp": (N.amp_mp, N.amp_mixture_mp),
        "information_theoretic": (lambda c, f: N.information_theoretic_mp(c, 4, f.value(4, c)),
                                  N.information_theoretic_mixture_mp),
        "mmse_jump": (N.mmse_jump_mp, N.mmse_jump_mixture_mp),
    }
    print(f"p = 4, Deltap in 0.10..0.28, dps = {ctx.dps}: one-channel solver vs general route (s per point)")
    for kind, (one, general) in pairs.items():
        a = _time(lambda: [one(ctx, f) for f in fields]) / len(fields)  # noqa: B023
        b = _time(lambda: [general(ctx, f) for f in fields]) / len(fields)  # noqa: B023
        print(f"  {kind:22s} {a:.4f}  {b:.4f}  ratio {b / a:.1f}")
    mix = field({3: Fraction(10), 4: Fraction(27, 100)})
    for kind, (_, general) in pairs.items():
        print(f"  3+4 mixture {kind:22s} {_time(lambda: general(ctx, mix)):.4f} s")  # noqa: B023


if __name__ == "__main__":
    main()
