"""Why the implicit step is capped at T > 0: ``python bench/bench_langevin_step.py [--quick]``.

Issue 21 item 1 asks for a step-growing Langevin scheme that keeps the short-time equilibrium
exact.  This script measures, side by side in one run, the bias of the equilibrium against the
step of the implicit scheme (``numerics.dynamics.stepper.ImplicitBDF2`` with ``t_step=``, the
cap ``t_step/T``), with its validated noise term (``noise="bdf2"``, stochastic BDF2) and with the
variance-corrected one (``noise="stationary"``: the Gibbs variance of one linear mode restored
exactly, :func:`numerics.dynamics.bdf2._missing_variance`):

A. the Nishimori end state (p = 3, Delta2 = 0.5, Deltap = 1, T = 1, m0 = 0.5, t = 30) against
   its closed form: relative errors of m, mu, e;
B. the paramagnet at T = 2 (m0 = 1e-6, t = 10) against the equilibrium closed forms
   ``mu = T + xi'(1)/T``, ``e = -xi(1)/T`` (FDT), with the fixed-grid extrapolated scheme beside;
C. the plateau of a trapped run (Delta2 = 0.7, T = 1, m0 = 1e-6): C(20, 10) against the fixed
   grid, with the uncapped step left to the error control (rtol 1e-4 and 1e-3);
D. what a T = 1 run to 10^5 would cost at the cap (the planner's lower estimate).

Measured (2 shared cores, ~7 helpers running; errors relative; h the cap of the step):

========================  ===============================  ===============================
                          noise="bdf2" (validated)         noise="stationary" (experiment)
========================  ===============================  ===============================
A  h <= 0.025: m, mu, e   +4.4e-4, +2.7e-4, +1.0e-3        -2.8e-4, +0.9e-4, +1.3e-4
A  h <= 0.05              +1.4e-3, +1.5e-3, +3.1e-3        -1.0e-3, +1.7e-4, +3.9e-4
A  h <= 0.1               +3.1e-3, +3.9e-3, +5.3e-3        -3.4e-3, +2.8e-4, +1.6e-4
B  h <= 0.025: mu, e      +3.3e-4, +2.5e-3                 +2.6e-4, +1.0e-3
B  h <= 0.05              +3.3e-3, +8.1e-3                 +1.3e-3, +3.6e-3
B  h <= 0.1               +1.4e-3, +4.9e-3                 +4.2e-3, +1.4e-2
C  C(20, 10)              0.3320 (h <= 0.025)              0.3274 (rtol 1e-4, median h 0.055)
                          0.3461 (rtol 1e-3, median 0.14)  0.2772 (rtol 1e-3, median h 0.13)
========================  ===============================  ===============================

References: B, the fixed-grid extrapolated scheme at dt = 0.05: mu, e +1.3e-4, +1.3e-4; C, the
fixed-grid Euler at dt = 0.05, 0.025 (0.3582, 0.3446) extrapolated: 0.3310.  A capped run
costs 18.7 s of CPU for 1206 steps to t = 30 (15 ms a step at ~1200 stored rows, more as the
store fills): a run to 10^5 at the cap is 4 10^6 steps, over 6 10^4 s (D).

Conclusions (the measured cause; docs/dynamics.md, "Long Langevin runs"):

* The variance correction is exact for one linear mode and halves the bias at the cap, but the
  DMFT is not one mode: the spectrum of the Hessian is continuous down to the marginal edge,
  so at every step there are modes with ``h lam ~ 1``, whose lag-one correlation under an
  L-stable step is ``1/(1 + h lam)`` instead of ``exp(-h lam)``.  The thermal part of C at
  lags of one step is then wrong by O(1), which no choice of the equal-time noise repairs, and
  the plateau of a trapped run moves by 5% (plain noise: up) to 16% (corrected: down) at
  steps of ~0.13 (C).  The error estimate of the scheme (on log m, e and C(t, 0)) does not see
  it: rtol 1e-3 accepted those steps.
* An implicit step with the exact invariant measure for every ``lam`` (the trapezoidal rule)
  is not L-stable: its fast modes flip sign every step and never decorrelate.  With additive
  isotropic noise, the only steps that keep ``Var = T/lam`` for every ``h lam`` have
  ``|R(inf)| = 1``; so growing the step beyond the fast time needs the fast part of C and R
  taken out of the discretisation (FDT in the near-diagonal region), which is not done here.
* At the cap a T = 1 run to 10^5 is at least 4 10^6 implicit steps (D): out of reach, and the
  Langevin line of item 2 cannot yet be settled by the dynamics.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the checkout this script is in

from numerics import dmft  # noqa: E402
from numerics.dmft_long import Growing, integrate_growing
from numerics.dynamics import bdf2
from numerics.dynamics.jets import jets
from numerics.model import matrix_tensor


def _timed(fn):
    t0 = time.process_time()
    out = fn()
    return out, time.process_time() - t0


def nishimori(steps) -> float:
    """A (prints); returns the CPU seconds per step of the capped validated run."""
    f = matrix_tensor(3, 0.5, 1.0)
    want = dmft.nishimori_state(f)
    print("A. Nishimori end state, T = 1, t = 30 (relative errors of m, mu, e)")
    for t_step in steps:
        for noise in bdf2.NOISES:
            run, cpu = _timed(lambda: integrate_growing(f, 0.5, 30.0, 0.01, temperature=1.0,
                                                        noise=noise, t_step=t_step,
                                                        history=Growing(rtol=1e-4)))
            err = [run.m[-1] / want["m"] - 1, run.mu[-1] / want["mu"] - 1,
                   run.energy[-1] / want["energy"] - 1]
            if noise == "bdf2" and t_step == bdf2.T_STEP:
                per_step = cpu / run.steps
            print(f"  h <= {t_step:<6g} {noise:>10}: " + ", ".join(f"{e:+.1e}" for e in err)
                  + f"  ({run.steps} steps, max h {np.max(np.diff(run.t)):.3g}, {cpu:.1f} s CPU)",
                  flush=True)
    return per_step


def paramagnet(steps, T: float = 2.0, t_max: float = 10.0) -> None:
    f = matrix_tensor(3, 0.5, 1.0)
    q0, q1, _ = jets(f).xi_1
    mu, e = T + q1 / T, -q0 / T
    print(f"B. paramagnet, T = {T:g}, t = {t_max:g} (relative errors of mu, e)")
    ref = dmft.integrate(f, 1e-6, t_max, 0.05, temperature=T)
    print(f"  fixed grid, extrapolated, dt = 0.05: {ref.mu[-1] / mu - 1:+.1e}, "
          f"{ref.energy[-1] / e - 1:+.1e}")
    for t_step in steps:
        for noise in bdf2.NOISES:
            run, cpu = _timed(lambda: integrate_growing(f, 1e-6, t_max, 0.01, temperature=T,
                                                        noise=noise, t_step=t_step * T,
                                                        history=Growing(rtol=1e-4)))
            print(f"  h <= {t_step:<6g} {noise:>10}: {run.mu[-1] / mu - 1:+.1e}, "
                  f"{run.energy[-1] / e - 1:+.1e}  ({run.steps} steps, {cpu:.1f} s CPU)",
                  flush=True)


def _plateau(run, tw: float = 10.0) -> float:
    g, C = run.grid, run.C
    i, j = np.searchsorted(g, tw), np.searchsorted(g, 2 * tw)
    return float(np.interp(2 * tw, g[j - 1:j + 1], [np.interp(tw, g, C[j - 1]),
                                                      np.interp(tw, g, C[j])]))


def plateau(quick: bool) -> None:
    f = matrix_tensor(3, 0.7, 1.0)
    print("C. trapped run, Delta2 = 0.7, T = 1: C(20, 10)")
    ref = dmft.integrate(f, 1e-6, 20.0, 0.05, temperature=1.0, keep_history=True,
                         scheme=dmft.Euler())
    ref2 = dmft.integrate(f, 1e-6, 20.0, 0.025, temperature=1.0, keep_history=True,
                          scheme=dmft.Euler())
    a, b = _plateau(ref), _plateau(ref2)
    print(f"  fixed grid, Euler dt = 0.05, 0.025: {a:.4f}, {b:.4f}; Richardson {2 * b - a:.4f}")
    cases = [("bdf2", 0.025, 1e-4)] if quick else [("bdf2", 0.025, 1e-4), ("bdf2", 1.0, 1e-3)]
    cases += [("stationary", 1.0, 1e-4), ("stationary", 1.0, 1e-3)]
    for noise, t_step, rtol in cases:
        run, cpu = _timed(lambda: integrate_growing(f, 1e-6, 20.0, 0.01, temperature=1.0,
                                                    noise=noise, t_step=t_step, keep_history=True,
                                                    history=Growing(rtol=rtol)))
        print(f"  {noise:>10}, h <= {t_step:g}, rtol {rtol:g}: {_plateau(run):.4f}  "
              f"({run.steps} steps, median h {np.median(np.diff(run.t)):.3g}, {cpu:.1f} s CPU)",
              flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer steps in A, B and C")
    args = ap.parse_args()
    steps = (bdf2.T_STEP, 0.1) if args.quick else (bdf2.T_STEP, 0.05, 0.1)
    per_step = nishimori(steps)
    paramagnet(steps)
    plateau(args.quick)
    n = 1e5 / bdf2.T_STEP
    print(f"D. a T = 1 run to 10^5 at the cap {bdf2.T_STEP:g}/T: {n:.3g} steps, over "
          f"{n * per_step:.3g} s of one core (the cost of a step in A; it grows with the store)")


if __name__ == "__main__":
    main()
