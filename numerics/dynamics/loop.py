"""The one integration loop of the DMFT schemes, and the run it returns.

Every scheme is driven by :func:`loop` through the same protocol (a *stepper*, bound to one
run by the scheme's ``bind``): ``start()`` evaluates the initial row; while not ``done()``,
``advance()`` tries a step (False: refused, try again with the step the stepper chose);
an accepted step is reported to the progress bar (``report``), checked for divergence
(``last_m``, ``diverged``) and offered to ``stop``; then ``after()`` (compaction, the next
step size) prepares the next.  A KeyboardInterrupt ends the run after the last completed step;
``result`` packages the rows into a :class:`Run`.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

import numpy as np
from threadpoolctl import threadpool_limits

__all__ = ["Run", "loop"]


@dataclass
class Run:
    """Raw output of :func:`integrate` (arrays over the output times)."""

    t: np.ndarray
    m: np.ndarray
    mu: np.ndarray
    energy: np.ndarray
    c_lag: np.ndarray  #: C(t, t - h) of the finest run at every output time (|C| <= 1)
    grid: np.ndarray | None  #: stored times at the end (for C, R), of the finest run
    C: np.ndarray | None
    R: np.ndarray | None
    interrupted: bool
    steps: int
    stored_max: int
    seconds: float
    levels: int = 1  #: levels of an extrapolated run combined (fewer if interrupted)
    rejected: int = 0  #: steps refused by the error control (the step-growing scheme)
    first_step: float = math.nan  #: the first accepted step (the step-growing scheme)
    evaluations: int = 0  #: evaluations of the implicit row map (the step-growing scheme)


def loop(stepper, keep_history: bool = False, progress=None, stop=None) -> Run:
    """Drive ``stepper`` to its end (see the module docstring); BLAS pinned to one thread."""
    interrupted = stopped = False
    start = time.perf_counter()
    with threadpool_limits(limits=1, user_api="blas"):
        try:
            stepper.start()
            while not stepper.done():
                if not stepper.advance():
                    continue
                if progress is not None:
                    stepper.report(progress)
                m = stepper.last_m()
                if not math.isfinite(m):
                    raise FloatingPointError(stepper.diverged())
                if stop is not None and stop(m, stepper.steps):
                    stopped = True
                    break
                stepper.after()
        except KeyboardInterrupt:
            interrupted = True
    if progress is not None:
        stepper.report_rest(progress)
    return stepper.result(interrupted, stopped, keep_history, time.perf_counter() - start)
