"""What a DMFT run will take before it runs: :class:`RunPlan` (steps, memory, validity, cost).

A plan is a scheme, a history, a step and a length.  It counts the steps of every level (the
extrapolated scheme runs ``levels`` Euler runs at ``dt / 2**k``), the bytes the largest level
allocates, the seconds of one core it is estimated to take, whether the (scheme, history) pair
is validated, and refuses (ValueError naming ``t_max``, ``dt`` and what is exceeded) a run of
no step, of more than :data:`MAX_STEPS` steps, beyond the memory limit or estimated at more
than :data:`MAX_SECONDS` -- all from counts, before anything is allocated.  It also chooses
the history of a ``window=`` argument (:meth:`RunPlan.choose`).
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, replace
from typing import Any


from numerics.dynamics import bdf2 as _bdf2
from numerics.dynamics import fdt as _fdt
from numerics.dynamics.history import Fixed, Growing, Thinned
from numerics.dynamics.integrate import VALIDATED
from numerics.dynamics.stepper import n_steps_of

__all__ = ["BDF2_T_MAX", "DEFAULT_WINDOW", "FIXED_GRID_MAX_STEPS", "LANGEVIN_STEP", "MAX_SECONDS",
           "MAX_STEPS", "RunPlan", "check_steps", "memory_limit"]

#: Most steps a run may take (the output arrays alone are 40 bytes a step).
MAX_STEPS = 50_000_000
#: Runs estimated at more than this many seconds of one core are refused.
MAX_SECONDS = 600.0
#: Longest run (in steps of the finest level) integrated on the fixed history when window="auto".
FIXED_GRID_MAX_STEPS = 2500
#: Thinned-history window (in steps) when ``window="auto"`` (validated in tests/numerics).
DEFAULT_WINDOW = 128
#: Longest run of the step-growing scheme (its late steps grow by about 0.2% of the age).
BDF2_T_MAX = 1e7
#: At T > 0 an explicit (Langevin) step stays below about this over T (the O(dt T) bias).
LANGEVIN_STEP = 0.1


def memory_limit() -> float:
    """Bytes a run may allocate: half the physical memory (8 GiB if it cannot be read)."""
    try:
        return 0.5 * os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return 8.0 * 2**30


def check_steps(t_max: float, dt: float, levels: int = 1, what: str = "gradient_flow",
                default: str | None = None) -> None:
    """ValueError naming t_max and dt for a run of no step or of more than MAX_STEPS steps
    (``levels``: of an extrapolated scheme, whose finest level runs at ``dt / 2**(levels-1)``),
    from the float ratio ``t_max/dt`` (nothing converted to int, nothing allocated).
    ``default``: how the (default) dt was chosen, for the message."""
    step = f"dt={dt:g}" if default is None else f"the default dt={dt:g} ({default})"
    if not dt > 0 or not math.isfinite(dt):
        raise ValueError(f"{what}: {step} is not a positive finite step; pass dt=")
    if dt > t_max:
        raise ValueError(f"dt must not exceed t_max (a run of at least one step), got {step} > "
                         f"t_max={t_max:g}")
    steps = t_max / dt * 2 ** (levels - 1)  # a float: inf for the widest ratios, never an OverflowError
    if not steps <= MAX_STEPS:
        count = f"{math.ceil(steps - 1e-9):,}" if steps < 1e18 else f"{steps:.3g}"
        raise ValueError(f"{what}: t_max={t_max:g} with {step} needs {count} steps (at most "
                         f"{MAX_STEPS:,}): use a shorter t_max or a larger dt")


@dataclass(frozen=True)
class RunPlan:
    """A run before it runs: ``scheme`` on ``history`` with step ``dt`` (the first step of an
    implicit scheme) to ``t_max``.  ``history`` may be None until :meth:`choose` picks it (the
    step counts and :meth:`check_steps` do not need it)."""

    scheme: Any
    history: Any
    dt: float
    t_max: float

    # --- step counts ---------------------------------------------------------------------------
    @property
    def counts(self) -> tuple[int, ...]:
        """Steps of each level (one level but for the extrapolated scheme); for an implicit
        scheme the steps follow the error control and are not known in advance: ``()``."""
        if self.scheme.implicit:
            return ()
        n = n_steps_of(self.t_max, self.dt)
        return tuple(n * 2**k for k in range(self.scheme.levels))

    @property
    def steps(self) -> int:
        """Steps of the finest level."""
        return self.counts[-1]

    @property
    def total_steps(self) -> int:
        """Steps of every level together (for a progress bar)."""
        return sum(self.counts)

    # --- validity ------------------------------------------------------------------------------
    @property
    def valid(self) -> bool:
        """Whether the (scheme, history) pair is validated (:data:`VALIDATED`)."""
        return (type(self.scheme), type(self.history)) in VALIDATED

    # --- memory and time -----------------------------------------------------------------------
    def bytes(self) -> float:
        """Bytes the run allocates (its largest level)."""
        if self.scheme.implicit:
            return self.history.bytes()
        total = 0.0
        for k, n in enumerate(self.counts):
            hist = self.history.finer(2**k)
            total = max(total, hist.bytes(n, self.scheme.quadrature.on(hist)))
        return total

    def cost(self, temperature: float = 0.0) -> float:
        """Estimated seconds of one core (every level of an extrapolated run).

        Explicit schemes: each step costs a fixed overhead plus three matrix-vector products
        over the stored times (:meth:`numerics.dynamics.history.Fixed.work`,
        :meth:`~numerics.dynamics.history.Thinned.work`), twice for Heun.  The implicit scheme:
        a lower estimate at T > 0 (:func:`numerics.dynamics.bdf2.cost`), 0 at T = 0 (its steps
        follow the dynamics).  Good to a factor of about two on an unloaded core; for refusing
        runs that cannot finish and for sizing progress bars.
        """
        if isinstance(self.scheme, _fdt.FDT):
            return _fdt.cost(self.t_max, self.dt, self.history)
        if self.scheme.implicit:
            return _bdf2.cost(self.t_max, temperature, self.history)
        total = 0.0
        evals = float(self.scheme.evaluations)
        for k, n in enumerate(self.counts):
            per_step, per_sq, squares = self.history.finer(2**k).work(n)
            total += evals * (per_step * n + per_sq * squares)
        return total

    def progress(self, seconds: float) -> tuple[float, float, str]:
        """``(seconds, total, unit)`` of the progress bar of a run estimated at ``seconds``:
        steps of every level; time for the implicit scheme (shown for any run beyond t = 1000,
        whose steps are not known in advance at T = 0)."""
        if self.scheme.implicit:
            return (math.inf if self.t_max > 1e3 else seconds), self.t_max, "t"
        return seconds, self.total_steps, "step"

    # --- choices and refusals ------------------------------------------------------------------
    def choose(self, window) -> tuple[RunPlan, int | None]:
        """The plan on the history of ``window`` ("auto", None or an int W >= 8; checked by
        the caller, who names it), and the window (None for the fixed history): "auto" is the
        fixed history up to :data:`FIXED_GRID_MAX_STEPS` steps of the finest level (always for
        a scheme not validated on the thinned history: Heun), else W =
        :data:`DEFAULT_WINDOW`; the implicit scheme takes its own step-growing history."""
        auto = isinstance(window, str) and window == "auto"
        if self.scheme.implicit:
            if not auto:
                raise ValueError(f"the implicit scheme runs on its own step-growing history: window "
                                 f"must be 'auto', got {window!r}")
            own = _fdt.Doubling() if isinstance(self.scheme, _fdt.FDT) else Growing()
            return replace(self, history=own), None
        if auto:
            if self.steps <= FIXED_GRID_MAX_STEPS or (type(self.scheme), Thinned) not in VALIDATED:
                return replace(self, history=Fixed()), None
            return replace(self, history=Thinned(DEFAULT_WINDOW)), DEFAULT_WINDOW
        if window is None:
            return replace(self, history=Fixed()), None
        return replace(self, history=Thinned(int(window))), int(window)

    def check_steps(self, what: str = "gradient_flow", default: str | None = None) -> None:
        """ValueError for a run of no step or too many (:func:`check_steps`); the implicit
        scheme: ``t_max`` at most :data:`BDF2_T_MAX` and a first step within ``t_max``."""
        if not self.scheme.implicit:
            check_steps(self.t_max, self.dt, self.scheme.levels, what, default)
            return
        t_max, dt = self.t_max, self.dt
        if isinstance(self.scheme, _fdt.FDT) and t_max > _fdt.T_MAX:
            raise ValueError(f"t_max must be at most {_fdt.T_MAX:g} with scheme='fdt', got "
                             f"t_max={t_max:g}")
        if t_max > BDF2_T_MAX:
            raise ValueError(f"t_max must be at most {BDF2_T_MAX:g} with scheme='bdf2' (its late steps "
                             f"grow by about 0.2% of the age), got t_max={t_max:g}")
        check_steps(min(t_max, dt), dt, default=default)  # the step grows: only the first one
        if dt > t_max:
            raise ValueError(f"dt must not exceed t_max (a run of at least one step), got "
                             f"dt={dt:g} > t_max={t_max:g}")

    def check_footprint(self, what: str = "gradient_flow", runs: int = 1) -> None:
        """ValueError naming t_max, dt, the steps and the GiB needed (``runs`` at once), before
        anything is allocated."""
        limit = memory_limit()
        if self.scheme.implicit:
            need = self.history.bytes()
            if need > limit:
                raise ValueError(f"{what}: scheme={self.scheme.name!r} stores {need / 2**30:.3g} GiB of history "
                                 f"(the limit is {limit / 2**30:.3g} GiB)")
            return
        t_max, dt = self.t_max, self.dt
        check_steps(t_max, dt, self.scheme.levels, what)
        steps = self.steps
        if steps <= MAX_STEPS:
            need = self.bytes()
        if steps > MAX_STEPS:
            raise ValueError(f"{what}: t_max={t_max:g} with dt={dt:g} needs {steps:,} steps (at most "
                             f"{MAX_STEPS:,}): use a larger dt or a shorter t_max")
        if need * runs > limit:
            raise ValueError(f"{what}: t_max={t_max:g} with dt={dt:g} needs {need * runs / 2**30:.3g} GiB "
                             f"of history ({steps:,} steps, {self.history!r}; the limit is "
                             f"{limit / 2**30:.3g} GiB): use window= (the thinned history), a larger dt "
                             f"or a shorter t_max")

    def check_cost(self, temperature: float, largest: float, what: str = "gradient_flow") -> float:
        """The estimated seconds (:meth:`cost`); ValueError naming t_max, dt (and temperature,
        when it sets the step) and the estimate for a run over :data:`MAX_SECONDS` of one core.
        ``largest``: the largest step the scheme accepts (suggested when above ``dt``)."""
        seconds = self.cost(temperature)
        if not seconds > MAX_SECONDS:
            return seconds
        t_max, dt = self.t_max, self.dt
        if isinstance(self.scheme, _fdt.FDT):
            raise ValueError(f"{what}: t_max={t_max:g} with scheme='fdt' takes "
                             f"{self.history.steps(t_max, dt):,} steps on {self.history.points} stored "
                             f"times, about {seconds / 60:.3g} minutes of one core (estimated; at most "
                             f"{MAX_SECONDS / 60:g}): use fewer points or a shorter t_max")
        if self.scheme.implicit:
            largest = dt
            steps = (f"at least {math.ceil(t_max * temperature / _bdf2.T_STEP):,} implicit steps of "
                     f"at most {_bdf2.T_STEP:g}/T" if temperature > 0 else "")
        else:
            steps = f"{self.total_steps:,} steps"
        hot = ""
        if temperature > 0:
            hot = (f" at temperature={temperature:g} (a Langevin step must stay below about 0.1/T = "
                   f"{LANGEVIN_STEP / temperature:.3g} for the O(dt T) bias, and the run "
                   f"relaxes on times of order 1/T = {1 / temperature:.3g}, so a short t_max suffices)")
        larger = f", a larger dt (up to {largest:.4g})" if largest > dt * (1 + 1e-12) else ""
        raise ValueError(f"{what}: t_max={t_max:g} with dt={dt:g}{hot} takes {steps}, about "
                         f"{seconds / 60:.3g} minutes of one core (estimated; at most "
                         f"{MAX_SECONDS / 60:g}): use a shorter t_max{larger}"
                         + ("" if temperature > 0 else " or scheme='bdf2' for long runs"))

