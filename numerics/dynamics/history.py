"""Histories of the DMFT integrators: which past times a run stores (docs/dynamics.md).

:class:`Fixed`
    Every step stored: O(n^2) memory, O(n^3) time for n steps.
:class:`Thinned`
    The last ``window`` steps are kept; further back (counted from the present and from the
    start) the spacing of kept times doubles each time their age doubles (Kim-Latz, Europhys.
    Lett. 53, 660 (2001), applied to the stored history; the step stays ``h``): about
    ``window (1 + log2(n/window))`` stored times, time O(n window^2 log^2(n/window)).
:class:`Growing`
    The history of the step-growing implicit scheme: ``max_stored`` rows in full, then the
    middle of the history thinned (every other stored time).

Each history says how many rows a run of ``n`` steps needs (:meth:`capacity`), how many bytes
it allocates (:meth:`bytes`), what one step costs (:meth:`work`), and drops stored times from a
store as the run goes (:meth:`compact`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

__all__ = ["COST_FIXED", "COST_THINNED", "Fixed", "Growing", "Thinned", "kept", "store_size"]

#: Seconds of one core per step and per (stored time)^2 of the memory sums, measured on Euler
#: runs of the fixed and the thinned history (tests/numerics/test_dmft.py checks the estimate
#: against a run): ``(per step, per stored time squared)``; Heun evaluates twice a step.
COST_FIXED = (1.2e-4, 1.2e-9)
COST_THINNED = (5e-4, 1.5e-9)


def kept(index: np.ndarray, n: int, window: int) -> np.ndarray:
    """Mask of the past step indices that the thinned grid keeps at step ``n``.

    The spacing of kept steps grows geometrically with ``a = min(n - i, i)``: the distance
    to the present and to the start (the initial transient varies on the scale of the
    first steps for every later time).  Steps with ``a < window`` are all kept; beyond, step
    ``i`` is kept iff it is a multiple of ``2**k``, ``k = 1 + floor(log2(a // window))``.
    The level never decreases as ``n`` grows, so a dropped step is never needed again.
    """
    index = np.asarray(index)
    age = np.minimum(n - index, index)
    far = age >= window
    level = np.zeros(index.shape, dtype=np.int64)
    ratio = np.where(far, age // window, 1)
    level[far] = 1 + np.floor(np.log2(ratio[far])).astype(np.int64)
    return (index == n) | ~far | (index % (np.int64(1) << level) == 0)


def store_size(n: int, window: int | None) -> int:
    """Number of stored times after ``n`` steps (``window=None``: fixed grid, ``n + 1``)."""
    if window is None or n < window:
        return n + 1
    return int(kept(np.arange(n + 1), n, window).sum())


def _explicit_bytes(cap: int, n_steps: int, quadrature) -> float:
    """Square arrays of the rule on ``cap`` rows, and the five output arrays plus the grid."""
    return 8.0 * (quadrature.matrices * float(cap) ** 2 + 6 * (n_steps + 1))


@dataclass(frozen=True)
class Fixed:
    """Every step stored."""

    name = "fixed"
    thins = False  #: every stored time is kept

    def capacity(self, n_steps: int) -> int:
        """Rows a run of ``n_steps`` steps stores (with one spare)."""
        return n_steps + 2

    def bytes(self, n_steps: int, quadrature) -> float:
        """Bytes a run of ``n_steps`` steps allocates under ``quadrature`` (on this history)."""
        return _explicit_bytes(self.capacity(n_steps), n_steps, quadrature)

    def work(self, n_steps: int) -> tuple[float, float, float]:
        """``(seconds per step, seconds per stored time squared, sum of stored counts squared)``."""
        per_step, per_sq = COST_FIXED
        return per_step, per_sq, n_steps**3 / 3.0

    def finer(self, factor: int) -> Fixed:
        """The same history for a run with ``factor`` times more steps."""
        return self

    def compact(self, store, step: int) -> None:
        """Drop stored times after ``step`` steps (none)."""


@dataclass(frozen=True)
class Thinned:
    """The last ``window`` steps, then geometrically thinned (see the module docstring)."""

    window: int = 128
    name = "thinned"
    thins = True  #: stored times are dropped (compacted)

    def __post_init__(self):
        w = self.window
        if isinstance(w, bool) or not isinstance(w, (int, np.integer)) or w < 8:
            raise ValueError(f"window must be an integer >= 8, got {w!r}")

    @property
    def thin_every(self) -> int:
        return max(1, int(self.window) // 8)

    def capacity(self, n_steps: int) -> int:
        w = int(self.window)
        if n_steps <= w:
            return n_steps + 2
        if n_steps > 200_000:
            # analytic bound, without building index arrays of n entries: ages below W
            # (both ends) and W/2 + 1 kept steps per octave of age on each side
            octaves = math.ceil(math.log2(n_steps / w)) + 2
            return 2 * w + 2 * (w // 2 + 1) * octaves + 2 * self.thin_every + 8
        # store_size is not monotone in n: bound it over the run
        probe = np.unique(np.linspace(w, n_steps, 64).astype(np.int64))
        return max(store_size(int(k), w) for k in probe) + 2 * self.thin_every + 8

    def bytes(self, n_steps: int, quadrature) -> float:
        return _explicit_bytes(self.capacity(n_steps), n_steps, quadrature)

    def work(self, n_steps: int) -> tuple[float, float, float]:
        per_step, per_sq = COST_THINNED
        n = n_steps
        if n <= int(self.window):
            return per_step, per_sq, n**3 / 3.0
        probe = np.unique(np.geomspace(int(self.window), n, 24).astype(np.int64))
        if n > 200_000:  # the analytic bound of capacity, without index arrays
            sizes = np.array([self.capacity(int(j)) for j in probe], dtype=float)
        else:
            sizes = np.array([store_size(int(j), int(self.window)) for j in probe], dtype=float)
        return per_step, per_sq, int(self.window) ** 3 / 3.0 + float(np.trapezoid(sizes**2, probe))

    def finer(self, factor: int) -> Thinned:
        """The same window in time for a run with ``factor`` times more steps."""
        return Thinned(int(self.window) * factor)

    def compact(self, store, step: int) -> None:
        """Every ``thin_every`` steps, drop the stored times :func:`kept` no longer keeps."""
        if step % self.thin_every == 0:
            keep = kept(store.idx[:store.M], step, self.window)
            if not keep.all():
                store.compact(keep)


@dataclass(frozen=True)
class Growing:
    """A grid whose step follows the error estimate (relative tolerance ``rtol``).

    ``max_stored`` rows are kept in full; beyond, the middle of the history is thinned
    (every other stored time), keeping the first ``keep_start`` and the last ``keep_recent``.
    """

    rtol: float = 1e-5
    max_stored: int = 4000
    keep_start: int = 32
    keep_recent: int = 256
    name = "growing"
    thins = True

    def __post_init__(self):
        if not (isinstance(self.rtol, float) and 1e-10 <= self.rtol <= 1e-2):
            raise ValueError(f"rtol must be a float in [1e-10, 1e-2], got {self.rtol!r}")
        for name, low in (("max_stored", 64), ("keep_start", 2), ("keep_recent", 8)):
            v = getattr(self, name)
            if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or v < low:
                raise ValueError(f"{name} must be an integer >= {low}, got {v!r}")
        if self.keep_start + self.keep_recent + 16 > self.max_stored:
            raise ValueError(f"max_stored must exceed keep_start + keep_recent + 16, got "
                             f"{self.max_stored} <= {self.keep_start} + {self.keep_recent} + 16")

    def capacity(self, n_steps: int | None = None) -> int:
        """Rows stored at most, whatever the number of steps."""
        return int(self.max_stored) + 1

    def bytes(self, n_steps: int | None = None, quadrature=None) -> float:
        """Bytes the history allocates (two square arrays of ``max_stored + 1`` rows)."""
        cap = self.capacity()
        return 8.0 * (2 * cap * cap + 8 * cap)

    def compact(self, store, step: int | None = None) -> None:
        """Once the store is full, drop every other stored time in the middle; merge each
        dropped response column into the kept one before it (so that sums over the second
        index keep their weight)."""
        if store.k < self.capacity():
            return
        k = store.k
        mid = np.arange(int(self.keep_start), k - int(self.keep_recent))
        drop = mid[1::2]
        left = drop - 1
        keep = np.ones(k, dtype=bool)
        keep[drop] = False
        C, R = store.C[:k, :k], store.R[:k, :k]
        # the pair (left, drop) becomes one stored time at its midpoint: responses summed over
        # the second index (the weight of the merged steps), point values (C, m, and R in its
        # first index) averaged, which is second order in the spacing
        R[:, left] += R[:, drop]
        R[left, :] = 0.5 * (R[left, :] + R[drop, :])
        C[:, left] = 0.5 * (C[:, left] + C[:, drop])
        C[left, :] = 0.5 * (C[left, :] + C[drop, :])
        C[left, left] = 1.0
        store.m[left] = 0.5 * (store.m[left] + store.m[drop])
        store.t[left] = 0.5 * (store.t[left] + store.t[drop])
        sel = np.flatnonzero(keep)
        n = sel.size
        store.C[:n, :n] = C[np.ix_(sel, sel)]
        store.R[:n, :n] = np.tril(R[np.ix_(sel, sel)])
        for name in ("m", "t", "A", "h", "H"):
            arr = getattr(store, name)
            arr[:n] = arr[sel]
        store.k = n
