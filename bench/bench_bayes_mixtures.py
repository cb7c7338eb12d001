"""Cost of the Bayes-optimal kinds on several tensor channels.

The general route (U and V scanned on the m grid in mpmath, every critical point refined) against
the one-channel solvers on the same one-channel fields, in the same run, and its cost on a 3+4
mixture.  Run: ``python bench/bench_bayes_mixtures.py``.
"""

from __future__ import annotations

import time
from fractions import Fraction

from numerics import message_passing as N
from numerics.backend import MP
from numerics.model import field


def _time(fn, repeat=3):
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    b = MP(40)
    fields = [field({4: Fraction(k, 100)}) for k in (10, 20, 25, 28)]
    pairs = {
        "amp": (N.amp, N.amp_mixture),
        "information_theoretic": (lambda b, f: N.information_theoretic(b, 4, f.value(4, b.ctx)),
                                  N.information_theoretic_mixture),
        "mmse_jump": (N.mmse_jump, N.mmse_jump_mixture),
    }
    print(f"p = 4, Deltap in 0.10..0.28, dps = {b.dps}: one-channel solver vs general route (s per point)")
    for kind, (one, general) in pairs.items():
        a = _time(lambda: [one(b, f) for f in fields]) / len(fields)  # noqa: B023
        g = _time(lambda: [general(b, f) for f in fields]) / len(fields)  # noqa: B023
        print(f"  {kind:22s} {a:.4f}  {g:.4f}  ratio {g / a:.1f}")
    mix = field({3: Fraction(10), 4: Fraction(27, 100)})
    for kind, (_, general) in pairs.items():
        print(f"  3+4 mixture {kind:22s} {_time(lambda: general(b, mix)):.4f} s")  # noqa: B023


if __name__ == "__main__":
    main()
