"""Benchmark of ``theory.dynamics_threshold(3, 1.0)`` (issue 21 item 5), side by side with the
former protocol, and the diagnosis of the step-growing scheme on a rate run.

``python bench/bench_dmft_threshold.py`` (about 2 x 40 s of CPU) prints:

1. the model bias of the Delta2 extrapolation alone: the zero of the exact rates (minus the BBP
   outlier of the marginal states, ``theory.hessian``) at the default runs' placement, by the
   former fit (``sqrt(lambda)`` quadratic in Delta2) and by the present one
   (``sqrt(lambda/Delta2)`` quadratic in 1/Delta2), against the closed form;
2. the default call on the present code and on the former protocol (``numerics/dmft_threshold.py``
   of ``--baseline``, default the commit before issue 21 item 5, loaded from git and put in its
   place): the estimate with its error bar, the first halves, CPU seconds and the ratio;
3. with ``--bdf2``: a rate run of the step-growing scheme (``scheme='bdf2'``) from
   ``m0 = 1e-150`` at Delta2 = 0.37 to t = 150, with its steps against ``1/lambda``.

Not a timed test: the numbers go into docs/dynamics.md by hand.
"""

from __future__ import annotations

import argparse
import importlib.util
import math
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import theory  # noqa: E402
from numerics import dmft_threshold as present  # noqa: E402

#: The commit before the protocol change (the former fit and error bar).
BASELINE = "4a1ae5d"


def former_module(commit: str):
    """``numerics/dmft_threshold.py`` of ``commit``, loaded as a module of its own."""
    source = subprocess.run(["git", "-C", str(ROOT), "show", f"{commit}:numerics/dmft_threshold.py"],
                            check=True, capture_output=True, text=True).stdout
    spec = importlib.util.spec_from_loader("numerics._former_dmft_threshold", loader=None)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    exec(compile(source, f"{commit}:numerics/dmft_threshold.py", "exec"), module.__dict__)
    return module


def model_bias() -> None:
    print("1. the Delta2 extrapolation alone, on the exact (BBP) rates at the default placement")
    print("| p | Deltap | closed form | former fit | present fit |")
    print("|---|---|---|---|---|")
    for p, dp in [(3, 1.0), (3, 0.5), (3, 2.0), (4, 1.0), (4, 0.5)]:
        closed = theory.threshold(p, dp)
        xs = np.array([f * closed for f in (0.739, 0.790, 0.843, 0.898)])
        lam = np.array([-theory.hessian(p=p, delta2=d, delta_p=dp, m=0.0,
                                        mu=2 * math.sqrt(1 / d + (p - 1) / dp)).outlier for d in xs])
        coef = np.polyfit(xs, np.sqrt(lam), 2)
        former = min(r.real for r in np.roots(coef) if abs(r.imag) < 1e-12 and r.real > xs.max())
        now = present.fit(xs, lam, 1e-4 * lam).value
        print(f"| {p} | {dp:g} | {closed:.6f} | {former:.6f} ({former / closed - 1:+.2%}) | "
              f"{now:.6f} ({now / closed - 1:+.3%}) |")


def default_call(module, label: str):
    from theory import _dynamics

    saved = _dynamics._est
    _dynamics._est = module
    try:
        cpu, wall = time.process_time(), time.perf_counter()
        est = theory.dynamics_threshold(3, 1.0, progress=False)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    finally:
        _dynamics._est = saved
    closed = 0.5
    print(f"| {label} | {est.value:.5f} +- {est.error:.5f} | {est.value / closed - 1:+.3%} +- "
          f"{est.error / closed:.3%} | {est.half_time_value:.5f} | {cpu:.1f} s | {wall:.1f} s |")
    return est, cpu


def bdf2_rate_run(t_max: float) -> None:
    from numerics import dmft

    d = 0.37
    f = theory.Model(tensors={3: 1.0}).with_delta2(d).field
    lam = (1 / d - math.sqrt(1 / d + 2)) ** 2 * d
    cpu = time.process_time()
    run = dmft.integrate(f, 1e-150, t_max, 0.01, scheme=dmft.BDF2(), history=dmft.Growing())
    cpu = time.process_time() - cpu
    h = np.diff(run.t)
    late = h[run.t[1:] > 0.5 * t_max]
    print(f"3. bdf2 rate run, Delta2 = {d}, m0 = 1e-150, to t = {t_max:g}: {run.steps} steps "
          f"({run.rejected} refused), {run.evaluations} row evaluations, {cpu:.1f} s CPU; steps in the "
          f"second half {late.min():.3g}..{late.max():.3g} (median {np.median(late):.3g}), i.e. h lambda = "
          f"{np.median(late) * lam:.3f} at the BBP rate lambda = {lam:.4f}; the Euler run of the "
          f"protocol takes h = {present.plateau_dt(f, 0.2):.3f} on a history of about 200 rows")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--baseline", default=BASELINE, help="git commit of the former protocol")
    ap.add_argument("--bdf2", action="store_true", help="also the step-growing rate run")
    ap.add_argument("--skip-default", action="store_true", help="only the cheap parts")
    args = ap.parse_args()
    model_bias()
    if not args.skip_default:
        print("\n2. theory.dynamics_threshold(3, 1.0), side by side (closed form 0.5)")
        print("| protocol | Delta2_c | deviation | first halves | CPU | wall |")
        print("|---|---|---|---|---|---|")
        _, before = default_call(former_module(args.baseline), f"former ({args.baseline})")
        est, after = default_call(present, "present")
        print(f"CPU ratio present/former: {after / before:.2f}; flow rates of the runs "
              f"{', '.join(f'{x:.5f}' for x in est.rates)} at Delta2 {', '.join(f'{x:.4f}' for x in est.delta2s)}")
    if args.bdf2:
        print()
        bdf2_rate_run(150.0)


if __name__ == "__main__":
    main()
