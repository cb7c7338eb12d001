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

Two protocols, CPU time of the process, all routes in the same run: *runs of one route*
(medians over ``--repeat`` runs of ``--number`` consecutive calls, the routes interleaved three
times) and *routes in turn* (the median of ``--calls`` single calls, the routes called in turn).
They differ because a fresh 800 KB numpy temporary is mapped and faulted in, which on this kind
of machine costs more than its arithmetic, and whether the allocator has one at hand depends on
what ran before.  Printed: the ratio theory/hand, and that of the engine alone
(``numerics.landscape.sigma_min`` on the model's field, without the API's validation and
float64 policy), with the largest difference of the values.  The script puts
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


def _alternating(fns: dict, calls: int) -> dict:
    """Median CPU time of one call of each of ``fns``, called in turn ``calls`` times: every call
    finds the allocator as the other routes left it (a fresh 800 KB temporary is mapped and
    faulted in, which costs more than its arithmetic here, so the order of calls matters)."""
    times = {name: [] for name in fns}
    for _ in range(calls):
        for name, fn in fns.items():
            t0 = time.process_time()
            fn()
            times[name].append(time.process_time() - t0)
    return {name: statistics.median(t) for name, t in times.items()}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--number", type=int, default=5)
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--n", type=int, default=10**5)
    args = parser.parse_args(argv)

    import theory
    from numerics import landscape

    delta2, delta_p = 0.45, 1.0
    m = np.linspace(-0.999, 0.999, args.n)
    ours = theory.complexity_of_minima(m, p=3, delta2=delta2, delta_p=delta_p)
    ref = hand_sigma_min(m, delta2, delta_p)
    field = theory.Model(delta2, {3: delta_p}).field
    fns = {"theory": lambda: theory.complexity_of_minima(m, p=3, delta2=delta2, delta_p=delta_p),
           "hand": lambda: hand_sigma_min(m, delta2, delta_p),
           "engine": lambda: landscape.sigma_min(field, m)}
    rounds = {name: [] for name in fns}
    for _ in range(3):  # consecutive calls of one route, the routes interleaved three times
        for name, fn in fns.items():
            rounds[name].append(_median(fn, args.number, args.repeat))
    runs = {name: statistics.median(t) for name, t in rounds.items()}
    turns = _alternating(fns, args.calls)
    print(f"complexity_of_minima on {args.n} overlaps (p=3, Delta2={delta2}, Deltap={delta_p}), "
          f"max |theory - hand| {np.abs(ours - ref).max():.1e}; CPU time per call:")
    for label, t in (("runs of one route", runs), ("routes in turn", turns)):
        print(f"  {label:18s} theory {t['theory'] * 1e3:.3f} ms, hand-written numpy {t['hand'] * 1e3:.3f} ms, "
              f"ratio {t['theory'] / t['hand']:.2f}  (numerics.landscape.sigma_min alone "
              f"{t['engine'] * 1e3:.3f} ms, ratio {t['engine'] / t['hand']:.2f})")


if __name__ == "__main__":
    main()
