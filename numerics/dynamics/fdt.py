"""Long Langevin runs (T > 0): FDT closure of the near-diagonal cells on a doubling grid.

Issue 21 item 1.  At long times the dynamics at temperature ``T`` separates into a fast,
quasi-equilibrium part at lags ``tau << t``, where the fluctuation-dissipation relation
``R(t, s) = (1/T) dC(t, s)/ds`` holds, and a slow (aging, escaping) part.  This scheme grows
the step on the slow part only and never discretises the fast part:

**Grid** (Kim & Latz, Europhys. Lett. 53, 660 (2001)).  The stored times are uniform,
``t_i = i h``, ``i = 0 .. n``, at most ``points`` of them; when the grid is full the odd times
are dropped and ``h`` doubles (a block of ``points/2`` new steps per octave of age).  The
response is kept as its *cell integrals* ``P[i, k] = int_{t_{k-1}}^{t_k} R(t_i, s) ds`` (cell
``k``), which add up exactly when two cells merge, so the fast decay of ``R`` near every
diagonal survives the decimation whatever its shape.

**Memory integrals.**  Every memory integral of row ``i`` is a sum over cells of a measure
times a cell value: ``int F(C(t_i, s)) R(t_i, s) X(s) ds = sum_k mu_k[F] Xbar_k``.  In the
*window* of the last ``K_i`` cells (lags below ``K_i h``) the measure is the FDT closure
``mu_k[F] = (Phi_F(C_{i,k}) - Phi_F(C_{i,k-1}))/T`` with ``Phi_F' = F`` (``F = Q'' + C Q''``:
``Phi = C Q'(C)``; ``F = Q'``: ``Q``; ``F = Q''``: ``Q'``): exact in ``F`` and in the shape of
the fast decay, so the equal-time statics (``mu``, ``e``) come out right at any step; the cell
integrals ``P`` of the window are stored as their FDT values.  Beyond the window
``mu_k[F] = P[i, k] (F_{k-1} + F_k)/2``.  The slow factor ``X`` is averaged over the cell by
the trapezoid, except in the diagonal cell, where the measure is concentrated at ``s -> t_i``
once ``h`` does not resolve the fast time: ``lam X_i + (1 - lam) X_{i-1}`` with ``lam =
lam(mu h)`` (:func:`_far_weight`: the trapezoid to ``O(mu h)``, ``X_i`` for large ``mu h``).
Weighting the two cells next to a cusp of ``X`` (``X(s) = C(s, t_j)`` at ``s = t_j``) the
same way was tried and measured five times further from the fixed grid (``mu(100)`` of a
trapped T = 1 run, 6.1e-3 against 1.1e-3): the decay there is a power law, not complete
within a cell, and the trapezoid is kept.

**Time stepping.**  Each new row solves the equations of ``d/dt C(t, t_j)``, ``d/dt P(t, k)``
(cells outside the window) and ``d/dt m`` implicitly, by a fixed-point iteration
preconditioned by the stiff diagonal coefficient ``mu - mu_i[Q'']`` (the relaxation rate
``~T/(1 - q)`` of a column slaved to the rest).  BDF2 on every column past its cusp
(``j <= i - 3``) and on ``m``.  The two columns next to the diagonal cross the cusp of
``C(t, t_j)`` at ``t = t_j`` within the step, where ``d/dt C`` falls from ``-T`` through the
unresolved fast decay: they are stepped *along the diagonal*, by BDF2 on the fixed-lag
difference ``E_j(t) = C(t, t_j) - C(t - h, t_{j-1})``, whose two cusps cancel and whose fast,
stationary part vanishes (``E_j = 0`` in equilibrium), ``dE_j/dt = f_j(t) - f_{j-1}(t - h)``
from the row's and the last row's derivatives: second order whatever ``mu h``, with no
weighting of the fast decay's unknown shape.  (The theta-step with ``theta = lam(mu h)`` from
the last row's derivative that it replaces made the growth rate of ``m`` below 5.3%, 12.4%
low at t = 150, 300; the trapezoid, 39% high.)  The fast thermal part never enters a step:
it is in the FDT window.

**The resolved start.**  The first block (``points`` steps of ``h0``, ``h0 mu << 1``) assumes
no FDT anywhere (window of 0 cells): the diagonal cell's response is ``(1 - exp(-mu h))/mu +
(mu' + Q''(1)) h^3/6`` (``R(t, t - tau) = 1 - mu tau + (mu^2 + mu' + Q''(1)) tau^2/2 +
O(tau^3)`` at fixed ``t``; derived in derivations/dmft.py, ``diag_cell_response``).  The
first three rows, the last (shortened) step and the two cells of ``R`` next to the diagonal
take a theta-step with ``theta = lam(mu h)`` from the derivative of the last row (the
trapezoid while ``mu h`` is small).  The scheme is second order in ``h0`` (measured order
1.8 on ``mu(1)``).  The first ``keep_start`` stored times are never dropped.

**Window rule.**  While resolved, the bias of ``mu`` that the FDT closure would make over the
last cells is measured at every row (``fdt_range``: the lag over which it stays below
``mu_tol mu``).  At the age ``t_on/T`` the window opens on that fraction of the age (at most
``max_lag_fraction``) and from then on covers that fraction of the age, at least ``min_cells``
cells, growing by at most a cell a step.  The FDT violation of the first cell outside the
window (its integral from its own equation against ``(C_{i,k} - C_{i,k-1})/T``, as the
relative change of ``mu`` it would make) is recorded at every row (``fdt_violation``); above
``edge_tol`` the run warns (RuntimeWarning) that it is outside what is validated.

**Accuracy (measured; tests/numerics/test_langevin_long.py, docs/dynamics.md).**  The
equilibrium states are fixed points of the scheme: the paramagnet at T = 2 and the Nishimori
state at T = 1 are reached to the row tolerance (5e-13) by t = 10^3 (steps of 5).  Aging
(trapped run p = 3, Delta2 = 0.7, T = 1, ``m0 = 1e-30``) against the three-level Richardson
of thinned Euler runs (dt = 0.2, 0.1, 0.05): the rate ``d ln m/dt`` 0.5%, 0.6%, 2.3%, 5.6%
low at t = 50, 100, 150, 300 (``points = 512``; 0.8%, 0.4%, 0.6%, 0.3% with 1024, 16% at
t = 300 with 256), ``ln(m/m0)`` 0.005, 0.007, 0.029 low at t = 50, 100, 300 (1024: 0.007,
0.011, 0.016), ``mu`` +2.2e-3 .. +7e-4, ``C(2 tw, tw)`` within 2e-3 to tw = 80, +0.0024 at
tw = 150; ``ln(m/m0)`` does not depend on ``m0`` while ``m`` is small.  With the theta-step
on the two columns next to the diagonal (before the fixed-lag step) the rate was 0.7%,
1.6%, 5.3%, 12.4% low, and 2.3%, 3.4% at t = 50, 100 while column ``i - 3`` was on
backward Euler.  What remains is the unresolved fast decay in the cells next to the
diagonal: the rate at t = 300 moves from 29% low to 43% high as the diagonal cell's weight
``lam`` goes from 1/2 to 1 (``lam(mu h)``: 5.6% low), a sum of O(h) quadrature errors that
partly cancel, which only a resolved band of lags next to the diagonal would remove; and the
FDT closure of the window (aging violates FDT at lags of a few % of the age: the early
offset of ``ln m``).  Runs to 10^5 cost about a minute of CPU and 50 MB (N = 1024: 4-5
minutes, 85 MB), but their edge diagnostic exceeds ``edge_tol`` there (they warn).

References
----------
arXiv:1907.08226, section 4 (the equations); Kim & Latz, Europhys. Lett. 53, 660 (2001)
(the doubling grid); Lang, Sachdev & Diehl, arXiv:2504.06849 (long-time DMFT memory);
docs/dynamics.md, "Long Langevin runs".
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass

import numpy as np

from numerics._generated import dmft_numpy as _dk
from numerics.dynamics.loop import Run, loop

__all__ = ["COST", "FDT", "Doubling", "FDTStepper", "NotConverged", "T_MAX", "cost"]

#: Longest run of the FDT-closure scheme (a block of steps per doubling of the age).
T_MAX = 1e7
#: Seconds of one core per step and per (stored time)^2 and step (the row's matrix-vector
#: products over about eight evaluations of the row map), measured on a T = 1 run.
COST = (5e-4, 2.5e-8)


def cost(t_max: float, h0: float, history: Doubling) -> float:
    """Estimated seconds of one core: the steps of the doubling grid, each over at most
    ``points`` stored times (:data:`COST`)."""
    n = history.steps(t_max, h0)
    full = min(n, int(history.points))
    stored_sq = full**3 / 3.0 + (n - full) * (0.85 * int(history.points)) ** 2
    return COST[0] * n + COST[1] * stored_sq


def _far_weight(x: float) -> float:
    """Weight of the slow end of a cell in which a factor decays as ``exp(-x s/h)`` from its
    fast end: the cell mean of ``a + b exp(-x s/h)`` is ``lam X_slow + (1 - lam) X_fast``.
    ``lam -> 1/2`` (the trapezoid, to O(x)) as ``x -> 0``, ``lam -> 1`` as ``x -> inf``."""
    if x < 1e-4:
        return 0.5 + x / 12.0
    e = math.exp(-x)
    return (1.0 - (1.0 - e) / x) / (1.0 - e)


class _Anderson:
    """Anderson acceleration (depth ``depth``) of a fixed-point map ``x -> g(x)``."""

    def __init__(self, depth: int):
        self.depth = depth
        self.xs: list[np.ndarray] = []
        self.fs: list[np.ndarray] = []

    def mix(self, x: np.ndarray, gx: np.ndarray) -> np.ndarray:
        f = gx - x
        self.xs.append(gx)
        self.fs.append(f)
        if len(self.fs) > self.depth + 1:
            self.xs.pop(0)
            self.fs.pop(0)
        if len(self.fs) < 2 or not self.depth:
            return gx
        dF = np.array([self.fs[k + 1] - self.fs[k] for k in range(len(self.fs) - 1)]).T
        dG = np.array([self.xs[k + 1] - self.xs[k] for k in range(len(self.xs) - 1)]).T
        gamma, *_ = np.linalg.lstsq(dF, f, rcond=1e-12)
        return gx - dG @ gamma


class NotConverged(RuntimeError):
    """The fixed point of a row did not converge."""


@dataclass(frozen=True)
class Doubling:
    """The Kim-Latz grid: ``points`` stored times, the step doubled when the grid is full.

    ``h0`` (the first step, the ``dt`` of the run) should resolve the fast time ``1/mu``; the
    run takes ``points`` steps of ``h0``, then ``(points - keep_start)/2`` steps per doubling
    (the first ``keep_start`` stored times are kept, every other later one dropped).  The FDT
    window (module docstring): opens at the age ``t_on/T`` on the fraction of the age over
    which the measured FDT bias of ``mu`` is below ``mu_tol`` (at most ``max_lag_fraction``),
    at least ``min_cells`` cells; ``edge_tol``: the FDT violation at the window edge (relative
    change of ``mu``) above which a run warns.
    """

    points: int = 512
    max_lag_fraction: float = 0.05
    t_on: float = 5.0
    keep_start: int = 64
    mu_tol: float = 1e-3
    min_cells: int = 4
    edge_tol: float = 1e-3
    name = "doubling"
    thins = True

    def __post_init__(self):
        n = self.points
        if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 16 or n % 2:
            raise ValueError(f"points must be an even integer >= 16, got {n!r}")
        for name in ("mu_tol", "edge_tol", "t_on"):
            v = getattr(self, name)
            if not (isinstance(v, float) and 0.0 < v <= (1e6 if name == "t_on" else 1.0)):
                raise ValueError(f"{name} must be a float in (0, {1e6 if name == 't_on' else 1:g}], "
                                 f"got {v!r}")
        for name, low in (("keep_start", 2), ("min_cells", 1)):
            v = getattr(self, name)
            if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or v < low:
                raise ValueError(f"{name} must be an integer >= {low}, got {v!r}")
        if self.keep_start + 16 > self.points:
            raise ValueError(f"points must exceed keep_start + 16, got {self.points} <= "
                             f"{self.keep_start} + 16")
        if not (isinstance(self.max_lag_fraction, float) and 0.0 < self.max_lag_fraction <= 1.0):
            raise ValueError(f"max_lag_fraction must be a float in (0, 1], got "
                             f"{self.max_lag_fraction!r}")

    def capacity(self, n_steps=None) -> int:
        return int(self.points) + 1

    def bytes(self, n_steps=None, quadrature=None) -> float:
        """Two square arrays (``C``, ``P``) of ``points + 1`` rows and their work copies."""
        cap = self.capacity()
        return 8.0 * (4 * cap * cap + 16 * cap)

    def steps(self, t_max: float, h0: float) -> int:
        """Steps to reach ``t_max`` from a first step ``h0``."""
        n = int(self.points)
        t_block = n * h0
        if t_max <= t_block:
            return max(1, math.ceil(t_max / h0 - 1e-9))
        s0 = min(int(self.keep_start), n - 2)
        block = (n - s0) // 2
        return n + block * math.ceil(math.log2(t_max / t_block) - 1e-12)


@dataclass(frozen=True)
class FDT:
    """The FDT-closure scheme on the doubling grid (module docstring); ``T > 0`` only."""

    name = "fdt"
    order = 2
    levels = 1
    implicit = True

    def integrate(self, model, m0, t_max, dt, temperature, history, keep_history=False,
                  progress=None, stop=None, **options) -> Run:
        return loop(self.bind(model, m0, t_max, dt, temperature, history, **options),
                    keep_history, progress, stop)

    def bind(self, model, m0, t_max, dt, temperature, history, **options):
        return FDTStepper(model, m0, t_max, dt, temperature, history, **options)


class FDTStepper:
    """The FDT-closure scheme bound to one run (the protocol of :func:`numerics.dynamics.loop.loop`)."""

    #: how many columns next to the diagonal are stepped along the diagonal (2: the two that
    #: cross the cusp; 0: the theta-step of the first version, kept to measure against)
    fixed_lag = 2

    def __init__(self, model, m0: float, t_max: float, h0: float, temperature: float,
                 history: Doubling | None = None, tol: float = 1e-11, max_iter: int = 400):
        if not temperature > 0:
            raise ValueError(f"the FDT scheme needs temperature > 0, got {temperature!r}")
        self.md = model
        self.hist = Doubling() if history is None else history
        self.T = float(temperature)
        self.t_max = float(t_max)
        self.h = float(h0)
        self.h0 = float(h0)
        self.m0 = float(m0)
        self.q2one = float(model.xi_1[2])
        self.tol = tol
        self.max_iter = max_iter
        cap = self.hist.capacity()
        self.C = np.zeros((cap, cap))
        self.P = np.zeros((cap, cap))  # P[i, k]: cell k = (t_{k-1}, t_k]; column 0 unused
        self.m = np.zeros(cap)
        self.ts = np.zeros(cap)  # stored times
        self.fc_prev = np.full(cap, np.nan)  # d/dt C(t_n, t_j) of the last row (t_j < t_n)
        self.fc_prev[0] = -self.T  # the cusp: dC(t, t')/dt -> -T as t' -> t
        self.fp_prev = np.full(cap, np.nan)  # d/dt P(t_n, k) where known
        self.C[0, 0] = 1.0
        self.m[0] = m0
        self.n = 0  # last stored row
        self.t0 = 0.0  # time of row 0 (always 0)
        self.K = 0  # window cells of the next row (0: FDT not assumed anywhere)
        self.steps = 0
        self.stored_max = 1
        self.evaluations = 0
        self.fdt_violation = []  # (t, K, relative violation at the window edge)
        self.fraction = None  # the window's fraction of the age, once open
        self.edge_violation = 0.0  # the largest diagnostic once the window is open
        self.lost = None  # why the run ended before t_max (a row not solved)
        self.fdt_range = []  # (t, lag, cells) over which FDT biases mu by < mu_tol (resolved)
        g1 = float(model.g(m0, 1))
        self.out_t, self.out_m = [0.0], [m0]
        self.out_mu = [self.T + m0 * g1]
        self.out_e = [float(-model.g(m0))]
        self.out_c = [1.0]

    # --- the loop protocol ---------------------------------------------------------------------
    def start(self) -> None:
        """Nothing: the first row is the initial condition."""

    def done(self) -> bool:
        return self.lost is not None or not self.out_t[-1] < self.t_max * (1 - 1e-12)

    def last_m(self) -> float:
        return self.out_m[-1]

    def report(self, progress) -> None:
        progress.update(self.h)

    def report_rest(self, progress) -> None:
        """Nothing: every step was reported."""

    def diverged(self) -> str:
        return f"the integration diverged at t = {self.out_t[-1]:g} (h = {self.h:g})"

    def after(self) -> None:
        if self.n == self.hist.capacity() - 1:
            self._decimate()

    def advance(self) -> bool:
        try:
            self._step()
        except NotConverged as exc:
            # the grid cannot shrink its step: a row it cannot solve (measured: the escape of
            # m, faster than the step, or a step of a few hundred) ends the run, with a warning
            self.lost = str(exc)
            return False
        return True

    # --- one row -------------------------------------------------------------------------------
    def _close_cells(self, c, p, ne, K, i, mu_prev, h) -> np.ndarray:
        """Row ``i``'s correlations with the equal time appended; sets, in ``p``, the cell
        integrals of the window to their FDT values and, while resolved (``K = 0``), the diagonal
        cell's from the short-lag expansion of the response equation, ``(1 - exp(-mu h))/mu +
        (mu' + Q''(1)) h^3/6 + O(h^4)`` (derivations/dmft.py, ``diag_cell_response``), with
        ``mu'`` the backward difference over the step (its O(h) error is O(h^4) in the cell)."""
        Ci = np.append(c, 1.0)
        p[ne + 1:] = np.diff(Ci[ne:]) / self.T
        if not K:
            dmu = (mu_prev - self.out_mu[-1]) / h
            p[i] = float(_dk.diag_cell_response(h, mu_prev, dmu, self.q2one))
        return Ci

    def _measures(self, Ci: np.ndarray, p: np.ndarray, K: int):
        """Cell measures of row ``i`` (cells 1..i at index 0..i-1) of ``F = Q'+CQ''``,
        ``Q'``, ``Q''``, FDT closure in the last ``K`` cells."""
        md, T = self.md, self.T
        q0, q1, q2 = md.xi(Ci, 0), md.xi(Ci, 1), md.xi(Ci, 2)
        f1 = q1 + Ci * q2
        phi1 = Ci * q1
        w = p[1:]
        m1 = w * 0.5 * (f1[:-1] + f1[1:])
        mq1 = w * 0.5 * (q1[:-1] + q1[1:])
        mq2 = w * 0.5 * (q2[:-1] + q2[1:])
        i = Ci.size - 1
        if K:
            s = i - K  # first window cell is s + 1 (index s)
            m1[s:] = np.diff(phi1[s:]) / T
            mq1[s:] = np.diff(q0[s:]) / T
            mq2[s:] = np.diff(q1[s:]) / T
        return m1, mq1, mq2, q1

    def _step(self) -> None:
        md, T = self.md, self.T
        h = self.h
        last = self.out_t[-1] + h > self.t_max * (1 + 1e-12)
        if last:  # the last step ends at t_max (backward Euler: the grid stops being uniform)
            h = self.t_max - self.out_t[-1]
        n = self.n
        i = n + 1
        K = min(self.K, i)
        nd = i - max(K, 1)  # cells 1..nd by their equation; the diagonal cell as below
        C, P, m = self.C, self.P, self.m
        S = C[:i, :i]  # stored rows 0..n
        PP = P[:i, :i]  # rows 0..n, cells 0..n
        bdf = i >= 2 and not last
        # bases of the implicit steps: BDF2 (4/3 y_n - 1/3 y_{n-1}, beta 2/3) or backward Euler
        beta_c = np.ones(i)
        base_c = S[n].copy()  # C[n, j]; C[n, n] = 1
        if bdf and i >= 4:
            # columns j <= i - 3 are past their cusp (t = t_j) on all three BDF2 points; only
            # the two columns next to the diagonal cross it (theta-step below).  Backward
            # Euler on column i - 3 as well (the first version) made ln m(100) of the
            # trapped T = 1 run 0.028 low instead of 0.012 (first order in h)
            far = slice(0, i - 2)
            base_c[far] = (4.0 * S[n, far] - S[n - 1, far]) / 3.0
            beta_c[far] = 2.0 / 3.0
        if bdf:
            base_m = (4.0 * m[n] - m[n - 1]) / 3.0
            beta_m = 2.0 / 3.0
        else:
            base_m, beta_m = m[n], 1.0
        # cells 1..ne from their equation; base from P[n, k] (cell k <= n)
        ne = nd
        beta_p = np.ones(i + 1)
        base_p = np.zeros(i + 1)
        if ne >= 1:
            base_p[1:ne + 1] = PP[n, 1:ne + 1]
            if bdf and i >= 4:
                kf = min(ne, i - 3)
                if kf >= 1:
                    base_p[1:kf + 1] = (4.0 * PP[n, 1:kf + 1] - PP[n - 1, 1:kf + 1]) / 3.0
                    beta_p[1:kf + 1] = 2.0 / 3.0
        # the two columns next to the diagonal (j = n, n - 1) cross the cusp of C(t, t_j) at
        # t = t_j during the step.  Once three rows are stored they are stepped along the diagonal:
        # E_j(t) = C(t, t_j) - C(t - h, t_{j-1}) (the same lag, one step earlier) has no cusp
        # (the two cusps cancel) and no fast part while the fast decay is stationary (it is
        # zero in equilibrium), so BDF2 on E_j with dE_j/dt = f_j(t) - f_{j-1}(t - h) is
        # second order whatever mu h: C_new[j] = C[n, j-1] + (4 E_j(t_n) - E_j(t_{n-1}))/3
        # + 2h/3 (f_j - fc_prev[j-1]).  The theta-step from the derivative of row n that it
        # replaces (theta = lam(mu h)) depends on the shape of the fast decay within a step:
        # with it the growth rate of m of the trapped T = 1 run was 1.6%, 5.3%, 12.4% low at
        # t = 100, 150, 300 (N = 512), with the fixed-lag step 0.6%, 2.3%, 5.6%.  The theta-step
        # stays on the first rows, the last (shortened) step, and on the cells of R (resolved)
        theta = _far_weight(self.out_mu[-1] * h)
        along = self.fixed_lag and bdf and i >= 4
        for j in range(n, n - max(2, self.fixed_lag), -1):
            if j < 0 or not math.isfinite(self.fc_prev[j]):
                continue
            if along and n - j < self.fixed_lag and j >= 1 and math.isfinite(self.fc_prev[j - 1]):
                e_n = S[n, j] - S[n - 1, j - 1]
                e_m = S[n - 1, j] - S[n - 2, j - 1]
                beta_c[j] = 2.0 / 3.0
                base_c[j] = (S[n, j - 1] + (4.0 * e_n - e_m) / 3.0
                             - beta_c[j] * h * self.fc_prev[j - 1])
            elif j >= n - 1:
                beta_c[j] = theta
                base_c[j] = S[n, j] + (1.0 - theta) * h * self.fc_prev[j]
        for k in (n, n - 1):
            if 1 <= k <= ne and math.isfinite(self.fp_prev[k]):
                beta_p[k] = theta
                base_p[k] = PP[n, k] + (1.0 - theta) * h * self.fp_prev[k]
        # fixed parts of the memory sums (rows 0..n), once per step
        Ssum = S[:n] + S[1:i] if n >= 1 else np.zeros((0, i))  # cells 1..n: ends k-1, k
        Psum = PP[:n] + PP[1:i] if n >= 1 else np.zeros((0, i))
        Pstrict = PP[:, 1:i]  # rows j = 0..n, cells 1..n
        mm = m[:i]
        # initial guess: the previous row shifted along the diagonal
        c = np.empty(i)
        if n >= 1:
            c[:n] = S[n, :n] if i < 3 else 2.0 * S[n, :n] - S[n - 1, :n]
            c[n] = S[n, n - 1]
            c[:n] = np.clip(c[:n], -1.0, 1.0)
        else:
            c[0] = 1.0 - T * h
        mi = m[n]
        p = np.zeros(i + 1)
        if ne >= 1:
            p[1:ne + 1] = PP[n, 1:ne + 1]
        g1 = 0.0
        mu_prev = self.out_mu[-1]
        lam = _far_weight(mu_prev * h)  # the diagonal cell
        ms = max(abs(float(m[n])), 1e-300)
        acc = _Anderson(8)
        best = (math.inf, None)
        for it in range(self.max_iter):
            Ci = self._close_cells(c, p, ne, K, i, mu_prev, h)
            m1, mq1, mq2, q1 = self._measures(Ci, p, K)
            g1 = float(md.g(mi, 1))
            mu = T + mi * g1 + m1.sum()
            mu_prev = mu
            md2 = mq2_diag = mq2[-1]  # the diagonal cell
            kap = mu - lam * md2
            # C equation, columns 0..n: cells 1..n by the trapezoid (also next to the cusp of
            # X(s) = C(s, t_j): weighting those towards their slow end, as the diagonal cell,
            # made mu 5 times further from the fixed grid at t = 100), the diagonal cell by lam
            I1 = md2 * (lam * c + (1.0 - lam) * S[n])
            if n >= 1:
                I1 = I1 + 0.5 * (mq2[:-1] @ Ssum)
            fbar = 0.5 * (q1[:-1] + q1[1:])  # cells 1..i
            I2 = Pstrict @ fbar[:n] if n >= 1 else np.zeros(1)
            fc = -mu * c + g1 * mm + I1 + I2
            c_new = (base_c + beta_c * h * (fc + kap * c)) / (1.0 + beta_c * h * kap)
            # m equation
            fm = -mu * mi + g1 + (0.5 * (mq2[:-1] @ (mm[:n] + mm[1:i])) if n >= 1 else 0.0) \
                + md2 * (lam * mi + (1.0 - lam) * mm[n])
            m_new = (base_m + beta_m * h * (fm + kap * mi)) / (1.0 + beta_m * h * kap)
            # P equation, cells 1..ne
            if ne >= 1:
                # cells 1..n by the trapezoid (cell k: the partial mass 0 .. P[k, k])
                D = 0.5 * (mq2[:-1] @ Psum)
                pk = p[1:ne + 1]
                fp = -mu * pk + D[1:ne + 1] + md2 * (lam * pk + (1.0 - lam) * PP[n, 1:ne + 1])
                p_new = (base_p[1:ne + 1] + beta_p[1:ne + 1] * h * (fp + kap * pk)) / (
                    1.0 + beta_p[1:ne + 1] * h * kap)
                dp = np.max(np.abs(p_new - pk))
            else:
                p_new = p[1:1]
                dp = 0.0
            dc = np.max(np.abs(c_new - c))
            dm = abs(m_new - mi)
            self.evaluations += 1
            if dc < self.tol and dp < self.tol and dm <= 100.0 * self.tol * abs(mi):
                c, mi = c_new, m_new
                p[1:ne + 1] = p_new
                break
            # Anderson mixing of the preconditioned map (m scaled by its last value); back to
            # the plain map from the best iterate if the mixing lets the residual grow
            x = np.concatenate([c, p[1:ne + 1], [mi / ms]])
            gx = np.concatenate([c_new, p_new, [m_new / ms]])
            res = max(dc, dp, dm / ms)
            if res < best[0]:
                best = (res, gx)
            if res > 10.0 * best[0] or it >= self.max_iter // 2:
                # damped plain iteration from the best iterate
                acc = _Anderson(0)
                x = best[1] if res > 10.0 * best[0] else x + 0.5 * (gx - x)
                best = (math.inf, x)
            else:
                x = acc.mix(x, gx)
            c = x[:i]
            p[1:ne + 1] = x[i:i + ne] if ne >= 1 else p[1:1]
            mi = float(x[-1]) * ms
        else:
            raise NotConverged(f"the row at t = {self.out_t[-1] + h:g} did not converge "
                               f"(changes {dc:.3g}, {dp:.3g}, {dm:.3g})")
        Ci = self._close_cells(c, p, ne, K, i, mu_prev, h)
        m1, mq1, _, _ = self._measures(Ci, p, K)
        mu = T + mi * float(md.g(mi, 1)) + m1.sum()
        e = -float(md.g(mi)) - mq1.sum()
        # the derivatives of row i, for the theta-steps of the next row
        self.fc_prev[:] = np.nan
        self.fc_prev[:i] = fc
        self.fc_prev[i] = -T
        self.fp_prev[:] = np.nan
        if ne >= 1:
            self.fp_prev[1:ne + 1] = fp
        self.fp_prev[i] = -(mu - lam * mq2_diag) * p[i]
        # store row i
        C[i, :i] = c
        C[:i, i] = c
        C[i, i] = 1.0
        P[i, :i + 1] = p
        m[i] = mi
        self.ts[i] = self.ts[n] + h
        self.n = i
        self.steps += 1
        self.stored_max = max(self.stored_max, i + 1)
        t = self.out_t[-1] + h
        self.out_t.append(t)
        self.out_m.append(mi)
        self.out_mu.append(mu)
        self.out_e.append(e)
        self.out_c.append(float(c[n]))
        if not K:
            # resolved: the bias of mu the FDT closure would make over the last cells
            viol = np.diff(Ci * md.xi(Ci, 1)) / T - m1  # cells 1..i
            cum = np.abs(np.cumsum(viol[::-1]))
            ok = np.flatnonzero(np.maximum.accumulate(cum) <= self.hist.mu_tol * mu)
            kc = int(ok[-1]) + 1 if ok.size else 0
            self.fdt_range.append((t, t - self.ts[i - kc] if kc else 0.0, kc))
        # the window rule.  While resolved (K = 0) the FDT bias of mu over the last cells is
        # measured (fdt_range); at the age t_on/T the window opens on the fraction of the age
        # over which that bias is below mu_tol (at most max_lag_fraction), and from then on
        # covers that fraction of the age, at least min_cells cells (growing a cell a step)
        hist = self.hist
        if ne >= 1:  # the diagnostic: the FDT violation of the first cell outside the window,
            # as the change of mu (relative) if that cell were closed by FDT
            fdt = (Ci[ne] - Ci[ne - 1]) / T
            f1 = float(md.xi(Ci[ne], 1) + Ci[ne] * md.xi(Ci[ne], 2))
            v = abs(p[ne] - fdt) * abs(f1) / mu
            self.fdt_violation.append((t, K, v))
            if K:
                self.edge_violation = max(self.edge_violation, v)
        if self.fraction is None and t >= hist.t_on / T and self.fdt_range:
            self.fraction = min(hist.max_lag_fraction, self.fdt_range[-1][1] / t)
        if self.fraction is not None:
            want = max(int(hist.min_cells), int(self.fraction * t / h))
            self.K = min(want, K + 1, i)
        else:
            self.K = 0

    def _decimate(self) -> None:
        """Drop every other stored time after the first ``keep_start`` and double the step
        (Kim-Latz); the cell integrals of the response of the dropped times are merged."""
        n = self.n
        s0 = min(int(self.hist.keep_start), n - 2)
        s0 -= (n - s0) % 2
        keep = np.concatenate([np.arange(0, s0), np.arange(s0, n + 1, 2)])
        k = keep.size
        C, P = self.C, self.P
        newP = np.zeros((k, k))
        newP[:, 1:] = np.add.reduceat(P[np.ix_(keep, np.arange(1, n + 1))], keep[:-1], axis=1)
        C[:k, :k] = C[np.ix_(keep, keep)]
        P[:, :] = 0.0
        P[:k, :k] = np.tril(newP)
        self.m[:k] = self.m[keep]
        self.ts[:k] = self.ts[keep]
        self.fc_prev[:k] = self.fc_prev[keep]
        fp = np.add.reduceat(self.fp_prev[1:n + 1], keep[:-1])
        self.fp_prev[:] = np.nan
        self.fp_prev[1:k] = fp
        C[k:, :] = 0.0
        C[:, k:] = 0.0
        self.n = k - 1
        self.h *= 2.0
        self.K = (self.K + 1) // 2

    # --- output --------------------------------------------------------------------------------
    def result(self, interrupted: bool, stopped: bool, keep_history: bool, seconds: float) -> Run:
        if self.lost is not None:
            warnings.warn(f"the FDT-closure run ended at t = {self.out_t[-1]:g} of t_max = "
                          f"{self.t_max:g} (m = {self.out_m[-1]:.3g}): {self.lost}; the doubling "
                          f"grid cannot shorten its step (an escape of m faster than the step, or "
                          f"a step too long for the row's fixed point)",
                          RuntimeWarning, stacklevel=2)
        if self.edge_violation > self.hist.edge_tol:
            warnings.warn(f"the FDT closure is not consistent at the window edge: the response "
                          f"there, from its equation, moves mu by up to {self.edge_violation:.2g} "
                          f"(relative; validated below {self.hist.edge_tol:g}) against the FDT "
                          f"value; the run is not validated beyond (docs/dynamics.md, Long "
                          f"Langevin runs)", RuntimeWarning, stacklevel=2)
        k = self.n + 1
        keep = keep_history and not interrupted
        grid = self.ts[:k].copy()
        t, m, mu, e, c = (np.asarray(v, dtype=float)
                          for v in (self.out_t, self.out_m, self.out_mu, self.out_e, self.out_c))
        return Run(t=t, m=m, mu=mu, energy=e, c_lag=c,
                   grid=grid if keep else None,
                   C=self.C[:k, :k].copy() if keep else None,
                   R=np.tril(self.P[:k, :k]).copy() if keep else None,
                   interrupted=interrupted, steps=self.steps, stored_max=self.stored_max,
                   seconds=seconds, first_step=self.h0, evaluations=self.evaluations)
