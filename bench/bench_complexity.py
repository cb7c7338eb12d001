"""``theory.complexity_of_minima`` on 10^5 overlaps against a hand-written numpy formula, same run
(issue 19 item 9: the library at <= 1.0x the hand formula).

    python bench/bench_complexity.py [--repeat 15]

The hand formula is written here from the spec (``/work/shared/spec/theory.md`` section 5), not
from the library's kernels: for ``p = 3``, ``xi(q) = g(q) = q**2/(2 Delta2) + q**3/(3 Deltap)``,

    Sigma(m, mu) = 1/2 + log((1 - m**2)/xi'(1))/2 - g'(m)**2 (1 - m**2)/(2 xi'(1))
                   - (mu - m g'(m))**2/(2 (xi'(1) + xi''(1))) + Phi_s(mu),

and above the bulk, with ``mu = w + s**2/w`` (``w >= s = sqrt(xi''(1))``), the spec's
``Phi_s(mu) = log s + x**2/4 - 1/2 - (x sqrt(x**2 - 4)/4 - log((x + sqrt(x**2 - 4))/2))``,
``x = mu/s``, is ``log w + s**2/(2 w**2)`` (``sqrt(x**2 - 4) = w/s - s/w``).  ``d Sigma/d mu = 0``
there reads ``(mu - c)/(xi'(1) + xi''(1)) = 1/w`` (the Stieltjes transform), i.e.
``w**2 - c w - xi'(1) = 0``, ``c = m g'(m)``: ``w* = (c + sqrt(c**2 + 4 xi'(1)))/2``.  ``Sigma`` is
concave in ``mu`` above ``2 s``, so its maximum over ``mu >= mu_min`` (``mu_min = 2 s`` if
``theta <= s``, else ``theta + s**2/theta``, ``theta = g''(m) (1 - m**2)``) is at
``w = max(w*, theta, s)``: one formula for the three branches, no mask.

Timings are medians over ``--repeat`` runs of ``--number`` calls each (CPU time of the process),
both routes in the same process, interleaved three times (the median of the three is printed);
the ratio library/hand is printed with the largest difference of the values.  The script puts
its own checkout first on ``sys.path``, so it measures the code beside it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import timeit
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the checkout this script is in


def hand_sigma_min(m, delta2: float, delta_p: float):
    """``Sigma_min(m)`` at p = 3, typed from the spec (see the module docstring)."""
    a, b = 1.0 / delta2, 1.0 / delta_p
    xi1, xi2 = a + b, a + 2.0 * b  # xi'(1), xi''(1) = s**2
    one = 1.0 - m * m
    g1 = m * (a + b * m)  # g'(m)
    theta = (a + 2.0 * b * m) * one  # g''(m) (1 - m**2)
    c = m * g1
    w = 0.5 * (c + np.sqrt(c * c + 4.0 * xi1))
    w = np.maximum(w, np.maximum(theta, np.sqrt(xi2)))
    mu = w + xi2 / w
    return (0.5 + 0.5 * np.log(one / xi1) - g1 * g1 * one / (2.0 * xi1) - (mu - c) ** 2 / (2.0 * (xi1 + xi2))
            + np.log(w) + xi2 / (2.0 * w * w))


def _median(fn, number: int, repeat: int) -> float:
    # CPU time of this process (user + system, page faults included): on a shared machine the
    # wall clock also counts the time other processes hold the cores
    return statistics.median(timeit.repeat(fn, number=number, repeat=repeat, timer=time.process_time)) / number


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--number", type=int, default=5)
    parser.add_argument("--n", type=int, default=10**5)
    args = parser.parse_args(argv)

    import theory

    delta2, delta_p = 0.45, 1.0
    m = np.linspace(-0.999, 0.999, args.n)
    ours = theory.complexity_of_minima(m, p=3, delta2=delta2, delta_p=delta_p)
    ref = hand_sigma_min(m, delta2, delta_p)
    lib = lambda: theory.complexity_of_minima(m, p=3, delta2=delta2, delta_p=delta_p)  # noqa: E731
    hand = lambda: hand_sigma_min(m, delta2, delta_p)  # noqa: E731
    t_lib, t_hand = [], []
    for _ in range(3):  # interleaved, so that a slow phase of the machine hits both routes
        t_lib.append(_median(lib, args.number, args.repeat))
        t_hand.append(_median(hand, args.number, args.repeat))
    t_lib, t_hand = statistics.median(t_lib), statistics.median(t_hand)
    print(f"complexity_of_minima on {args.n} overlaps (p=3, Delta2={delta2}, Deltap={delta_p}): "
          f"theory {t_lib * 1e3:.3f} ms, hand-written numpy {t_hand * 1e3:.3f} ms, "
          f"ratio {t_lib / t_hand:.2f}, max |difference| {np.abs(ours - ref).max():.1e}")


if __name__ == "__main__":
    main()
