"""Long runs of the DMFT equations: implicit steps on a grid whose step grows as the dynamics slows.

Explicit schemes (:mod:`numerics.dmft`) need ``h (mu + 2 sqrt(Q''(1))) < 2`` at every step, so a
run to ``t`` costs ``O((t/h)^3)`` on the fixed history and ``O(t/h)`` steps on any history.
Here each step is **implicit**, and then the step may grow with the time scale of the slow
(aging, or escaping) part of the dynamics while the fast relaxation is absorbed by the step.

The scheme is the large-N limit (the discrete DMFT) of an implicit integrator of the
N-dimensional gradient flow, so every run is the exact mean-field description of a definite
algorithm and converges to the flow as the steps shrink:

* ``x_1 = x_0 + h_1 F(x_1)`` (backward Euler, the proximal step of the loss) for the first step;
* then variable-step BDF2, ``x_{n+1} = a x_n + b x_{n-1} + beta h F(x_{n+1})`` with
  ``w = h_{n+1}/h_n``, ``a = (1+w)^2/(1+2w)``, ``b = -w^2/(1+2w)``, ``beta = (1+w)/(1+2w)``
  (second order, A-stable, zero-stable for ``w < 1 + sqrt 2``);

with ``F(x) = -mu x - grad L(x)`` and ``mu`` fixing ``|x|^2 = N``.  In the large-N limit the
gradient of the Gaussian noise at step ``n+1`` becomes a Gaussian ``eta_{n+1}`` of covariance
``Q'(C)`` plus the memory ``sum_k Q''(C_{n+1,k}) R_{n+1,k} x_k``, where ``R_{a,k}`` is the response
of ``x_a`` to a field entering step ``k`` as the gradient does.  Because the step is implicit
the sum includes ``k = n+1``: the equal-time response ``R_{n+1,n+1} = beta h/A`` with
``A = 1 + beta h mu - (beta h)^2 Q''(1)/A``.  For large steps at marginality ``R_{n+1,n+1}``
tends to ``1/sqrt(Q''(1))``, the integral of the fast response of the marginal states: the
step absorbs the fast relaxation instead of resolving it.  Writing ``y = A x_{n+1}`` and using
Novikov's theorem (``E[eta_{n+1} x_j] = sum_l Q'(C_{n+1,l}) R_{j,l}``), the new row solves

    A C_{n+1,j} = E[y x_j],   A m_{n+1} = E[y x*],   A^2 = E[y^2],
    A R_{n+1,j} = a R_{n,j} + b R_{n-1,j} + beta h sum_{k=j}^{n} Q''(C_{n+1,k}) R_{n+1,k} R_{k,j},

(every expectation a finite sum over the stored rows), a fixed point in ``(C_{n+1,.}, m, A)``
with ``R_{n+1,.}`` from one triangular solve.  It is solved to 1e-12 by Anderson acceleration
of the iteration preconditioned by an approximate Newton matrix (the lower triangular
Jacobian of the memory term on ``C_{n+1,.}``, the own derivative on ``A``: :func:`_anderson`;
plain iteration needs twice the evaluations every decade of age, Newton-Krylov without the
preconditioner more still), from the quadratic extrapolation of the last three rows; a step
that does not converge is halved.  ``mu = (A - 1)/(beta h) + beta h
Q''(1)/A`` and ``e = -g(m) - sum_l R_{n+1,l} Q'(C_{n+1,l})`` (with the equal-time term).

The step is chosen by the usual predictor-corrector error estimate of BDF2 on ``log m``,
``e`` and ``C(t, 0)``, relative tolerance ``rtol`` (the first two steps, before three rows
exist, by step doubling; a step that flips the sign of ``m`` is refused: backward Euler
multiplies a growing mode by ``1/(1 - h lambda)``, so an unchecked long first step sent
runs into the m < 0 basin); a step whose proximal problem is not convex
(``A <= beta h sqrt(Q''(1))``: more negative curvature than ``1/(beta h)``) is refused and halved.
At ``T > 0`` the noise enters as in the stochastic BDF2 of Buckwar and Winkler (``sqrt(2T)
(dW_{n+1} + (1 - a) dW_n)``) and the step stays below ``h_max = 0.025/T``: the equilibrium
fluctuations are fast at every age, and a large implicit step would bias their variance.

The history is stored in full up to ``max_stored`` rows; beyond, the middle of the history is
thinned (every other stored time, keeping the first and the last ``keep_recent``), with the
response of a dropped time added to its kept neighbour (``R`` keeps, in its second index, the
sum over the merged steps: the weights of the memory sums survive thinning).

References
----------
arXiv:1907.08226, section 4 (the equations); Buckwar & Winkler, SIAM J. Numer. Anal. 44, 779
(2006) (stochastic BDF2); Kim & Latz, Europhys. Lett. 53, 660 (2001) and Lang, Sachdev & Diehl,
arXiv:2504.06849 (long-time DMFT grids); docs/dynamics.md.
"""

from __future__ import annotations

import math

import numpy as np

from numerics.dynamics.history import Growing

__all__ = ["COST", "NOISES", "NotConverged", "T_STEP", "cost"]

#: The noise terms of the implicit step at T > 0 (:func:`_step`).
NOISES = ("bdf2", "stationary")

#: At T > 0 the step is at most T_STEP/T: at T = 1, Delta2 = 0.5 the end state is then within
#: 0.05% (m), 0.04% (mu), 0.1% (e) of the Nishimori state; 0.05/T gives 0.16%, 0.28%, 0.35%.
T_STEP = 0.025


#: Seconds of one core per step and per stored row squared (the runs of docs/dynamics.md:
#: 205 steps to t = 100 in 2.8 s, 1277 steps to 10^6 in 451 s, on 2 shared cores; an upper
#: estimate since the preconditioned row solve of issue 21: 802 steps to 10^6 in 15 s).
COST = (1e-2, 2e-7)


def cost(t_max: float, temperature: float, history: Growing) -> float:
    """A lower estimate of the seconds of one core for a run at ``T > 0``, where every step is
    at most ``T_STEP/T``; 0 at T = 0 (the steps follow the dynamics, unknown in advance)."""
    if not temperature > 0:
        return 0.0
    n = t_max * temperature / T_STEP
    cap = float(history.capacity())
    squares = min(n, cap) ** 3 / 3.0 + max(0.0, n - cap) * cap**2
    return COST[0] * n + COST[1] * squares


class NotConverged(Exception):
    """A step whose fixed point was not found (the caller halves the step)."""


class _History:
    """``C``, ``R`` and ``m`` on the stored times; row ``k`` holds ``C(t_k, .)``, ``R(t_k, .)``."""

    def __init__(self, cap: int, m0: float):
        self.C = np.zeros((cap, cap))
        self.R = np.zeros((cap, cap))
        self.m = np.zeros(cap)
        self.t = np.zeros(cap)
        self.A = np.ones(cap)  # A of the step that made each row (the thermal-noise terms)
        self.h = np.zeros(cap)
        self.H = np.ones(cap)  # beta h of the step that made each row
        self.C[0, 0] = 1.0
        self.m[0] = m0
        self.k = 1

    def append(self, t: float, c, r, m: float, A: float, h: float, H: float) -> None:
        """Store the row of time ``t`` made by a step ``h`` (``c``, ``r`` at the stored times)."""
        k = self.k
        self.C[k, :k] = c
        self.C[:k, k] = c
        self.C[k, k] = 1.0
        self.R[k, :k] = r
        self.R[k, k] = H / A
        self.m[k] = m
        self.t[k] = t
        self.A[k] = A
        self.h[k] = h
        self.H[k] = H
        self.k = k + 1

    def scratch(self, extra: int) -> _History:
        """A copy of the stored rows with room for ``extra`` more (cheap while few are stored)."""
        k = self.k
        out = _History(k + extra, self.m[0])
        out.C[:k, :k] = self.C[:k, :k]
        out.R[:k, :k] = self.R[:k, :k]
        for name in ("m", "t", "A", "h", "H"):
            getattr(out, name)[:k] = getattr(self, name)[:k]
        out.k = k
        return out


def _step(md, T, hist: _History, h: float, first: bool, tol: float = 1e-12, maxit: int = 120,
          depth: int = 10, solver: str = "newton", noise: str = "bdf2"):
    """The new row from the stored ones: ``(c, r, m, A, H, evaluations)``; raises NotConverged.

    ``noise``: ``"bdf2"`` (the stochastic BDF2 of Buckwar and Winkler) or ``"stationary"`` (an
    experiment, issue 21 item 1: the same step plus a fresh independent Gaussian whose variance
    :func:`_missing_variance` is what a mode of the effective rate ``(A - 1)/H`` lacks in the
    stationary state of the scheme; exact for one mode, it does not remove the bias of the
    DMFT, see bench/bench_langevin_step.py).

    ``solver``: ``"newton"`` (Anderson acceleration of the iteration preconditioned by an
    approximate Newton matrix, from a quadratic predictor: :func:`_anderson`) or
    ``"anderson"`` (plain Anderson acceleration from a linear predictor, the scheme's first
    solve; the same fixed point, kept as the reference of the tests).
    """
    from scipy.linalg import solve_triangular

    xi, g = md.xi, md.g
    _, q1, q2 = md.xi_1
    k = hist.k
    n = k - 1
    C, R, mm = hist.C[:k, :k], hist.R[:k, :k], hist.m[:k]
    if first:
        a, b, beta = 1.0, 0.0, 1.0
    else:
        w = h / hist.h[n]
        a, b, beta = (1 + w) ** 2 / (1 + 2 * w), -w * w / (1 + 2 * w), (1 + w) / (1 + 2 * w)
    H = beta * h
    two = not first and n >= 1
    wC = a * C[n] + (b * C[n - 1] if two else 0.0)
    wR = a * R[n] + (b * R[n - 1] if two else 0.0)
    wm = a * mm[n] + (b * mm[n - 1] if two else 0.0)
    ww = a * a + (b * b + 2 * a * b * C[n, n - 1] if two else 0.0)
    fresh = 2.0 * T * h  # variance of the new noise increment
    # thermal noise of the previous step that re-enters this one (stochastic BDF2)
    back = (1.0 - a) if (two and T) else 0.0
    dwx = 2.0 * T * hist.h[n] / hist.A[n] if back else 0.0  # E[dW_n x_n] sqrt(2T)
    scale = max(abs(mm[n]), 1e-300)
    if noise not in NOISES:
        raise ValueError(f"noise must be one of {NOISES}, got {noise!r}")
    stationary = noise == "stationary" and T > 0
    Rt = R.T
    buf = np.empty((k, k))
    # the row equations have a second root with A < H sqrt(Q''(1)) (a non-convex proximal
    # step, refused below); the solves stay on the convex side
    if solver not in ("newton", "anderson"):
        raise ValueError(f"solver must be 'newton' or 'anderson', got {solver!r}")
    pre = solver == "newton"
    floor = H * math.sqrt(q2) * (1.0 + 1e-6) if pre else 0.0

    def G(x):
        c = x[:k]
        m_new = x[k] * scale
        A = x[k + 1]
        if not (A > floor and np.all(np.abs(c) <= 1.5) and math.isfinite(m_new)):
            raise NotConverged("left the domain")
        D = xi(c, 1)
        S2 = xi(c, 2)
        B = R @ D  # B_j = E[eta_{n+1} x_j]
        np.multiply(Rt, -H * S2, out=buf)
        buf.flat[::k + 1] += A
        try:
            r = solve_triangular(buf, wR, lower=False, check_finite=False)
        except np.linalg.LinAlgError:
            raise NotConverged("singular response system") from None
        sig = S2 * r
        gp = g(m_new, 1)
        sC = sig @ C
        sm = sig @ mm
        yx = wC + H * (gp * mm + sC + B)
        ys = wm + H * (gp + sm)
        wB = a * B[n] + (b * B[n - 1] if two else 0.0)
        wsC = a * sC[n] + (b * sC[n - 1] if two else 0.0)
        y2 = (ww + 2 * H * (gp * wm + wsC) + H * H * (gp * gp + 2 * gp * sm + sC @ sig)
              + 2 * H * (wB + H * (sig @ B)) + H * H * q1 + fresh)
        if back:
            yx[n] += back * dwx
            y2 += back * back * 2.0 * T * hist.h[n] + 2.0 * back * dwx * (a + H * sig[n])
        if not y2 > 0:
            raise NotConverged("negative norm")
        if stationary:
            v = _missing_variance(T, h, H, x[k + 1], first)
            if not v < 0.5:
                raise NotConverged("the missing variance")
            y2 = y2 / (1.0 - v)
        A_new = math.sqrt(y2)
        out = np.empty(k + 2)
        out[:k] = yx / A_new
        out[k] = ys / A_new / scale
        out[k + 1] = A_new
        return out, r

    # predictor: every C(t, t_j) and m extrapolated in t from the last rows (linearly from two;
    # the preconditioned solve: quadratically from three, and A linearly in beta h)
    x = np.empty(k + 2)
    x[:k] = C[n]
    x[k] = mm[n] / scale
    x[k + 1] = 1.0 + (hist.A[n] - 1.0) * (H / hist.H[n]) if n else 1.0
    if n >= 3 and pre:
        ts, tn = hist.t[n - 2:n + 1], hist.t[n] + h
        x[:n - 1] = _quadratic(ts, C[n - 2:n + 1, :n - 1], tn)
        x[n - 1] = C[n, n - 1] + (h / hist.h[n]) * (C[n, n - 1] - C[n - 1, n - 1])
        x[n] = C[n, n - 1]
        x[k] = _quadratic(ts, mm[n - 2:n + 1], tn) / scale
        dH = hist.H[n] - hist.H[n - 1]
        if dH != 0.0:
            x[k + 1] = hist.A[n] + (hist.A[n] - hist.A[n - 1]) * (H - hist.H[n]) / dH
        if not (x[k + 1] > floor and np.all(np.abs(x[:k]) <= 1.0)):  # back to the plain one
            x[:k] = C[n]
            x[k] = mm[n] / scale
            x[k + 1] = 1.0 + (hist.A[n] - 1.0) * (H / hist.H[n])
    elif n >= 2:
        s = h / hist.h[n]
        x[:n - 1] += s * (C[n, :n - 1] - C[n - 1, :n - 1])
        x[n - 1] = C[n, n - 1]
        x[k] += s * (mm[n] - mm[n - 1]) / scale
    if pre:
        if not x[k + 1] > floor:
            x[k + 1] = 1.0 + 1.01 * floor
        # the memory term of the row, c_j <- (H/A) sum_l R_jl xi'(c_l) + ..., has the lower
        # triangular Jacobian M = (H/A) R diag(xi''(c)), whose spectrum crowds towards 1 as the
        # run approaches marginality (the slow modes of plain iteration: their number and their
        # rate grow with the age); the residual is multiplied by (1 - M)^-1 at the predictor
        L = -(H / x[k + 1]) * (R * xi(x[:k], 2)[None, :])
        L.flat[::k + 1] += 1.0
        try:
            gx, r, it = _anderson(G, x, tol, maxit, depth, newton=(L, k + 1))
        except NotConverged:
            # rare (a step much shorter than the last one, as the final step of a run can be):
            # the plain iteration from the plain predictor before the caller halves the step
            x[:k] = C[n]
            x[k] = mm[n] / scale
            x[k + 1] = max(1.0 + (hist.A[n] - 1.0) * (H / hist.H[n]), 1.0 + 1.01 * floor)
            gx, r, it = _anderson(G, x, tol, maxit, depth)
            it += maxit
    else:
        gx, r, it = _anderson(G, x, tol, maxit, depth)
    c, m_new, A = gx[:k], gx[k] * scale, gx[k + 1]
    if A <= H * math.sqrt(q2) * (1.0 + 1e-6):
        raise NotConverged("the implicit step is not convex")
    return c, r, m_new, A, H, it


def _anderson(G, x, tol: float, maxit: int, depth: int, newton=None):
    """The fixed point of ``G`` by Anderson-accelerated iteration: ``(G(x), r, evaluations)``.

    ``newton = (L, i)``: accelerate the iteration preconditioned by an approximate Newton
    matrix, the residual ``G(x) - x`` replaced by ``P (G(x) - x)`` (the same fixed points):
    on the first ``len(L)`` components ``P = L^-1`` (``L`` lower triangular), on component ``i``
    ``P = 1/(1 - lam)`` with ``lam = dG_i/dx_i`` from one finite difference at the start
    (``A``: ``lam`` reaches -5 late in a run, where plain iteration along it diverges), and the
    tolerance on component ``i`` is relative where it exceeds 1.  An
    iterate that leaves the domain of ``G`` is pulled halfway back to the last one (plain
    Anderson: one plain step from the last, and its memory cleared).
    """
    from scipy.linalg import solve_triangular

    X, F = [], []
    evals = 0
    first = None
    if newton is not None:
        L, i = newton
        nL = L.shape[0]
        first = G(x)
        xp = x.copy()
        d = 1e-6 * max(1.0, abs(x[i]))
        xp[i] += d
        lam = 0.0
        try:
            lam = (G(xp)[0][i] - first[0][i]) / d
        except NotConverged:
            pass
        scale_i = 1.0 / (1.0 - lam) if math.isfinite(lam) and lam < 0.5 else 1.0
        evals = 2
    for it in range(maxit):
        try:
            if first is not None:
                gx, r = first
                first = None
            else:
                gx, r = G(x)
                evals += 1
        except NotConverged:
            if not X:
                raise
            if newton is not None:  # an extrapolation left the domain: halfway back
                x = 0.5 * (x + X[-1])
                continue
            x = X[-1] + F[-1]  # an extrapolation left the domain: plain step from the last
            X.clear()
            F.clear()
            continue
        fx = gx - x
        err = float(np.max(np.abs(fx)))
        if newton is not None and abs(x[i]) > 1.0:
            # A grows with the step (to thousands late in a long run): its residual relative,
            # an absolute 1e-12 is below its rounding
            err = max(float(np.max(np.abs(fx[:i]))), float(np.max(np.abs(fx[i + 1:]), initial=0.0)),
                      abs(fx[i]) / abs(x[i]))
        if not math.isfinite(err):
            raise NotConverged("not finite")
        if err < tol:
            break
        if newton is not None:
            fx[:nL] = solve_triangular(L, fx[:nL], lower=True, check_finite=False)
            fx[i] *= scale_i
        X.append(x.copy())
        F.append(fx)
        if len(X) > depth + 1:
            X.pop(0)
            F.pop(0)
        if len(X) > 1:
            dF = np.diff(np.array(F), axis=0)
            dX = np.diff(np.array(X), axis=0)
            gam = np.linalg.lstsq(dF.T, fx, rcond=None)[0]
            x = x + fx - (dX + dF).T @ gam
        else:
            x = gx if newton is None else x + fx
    else:
        raise NotConverged(f"no fixed point in {maxit} iterations (residual {err:.2g})")
    return gx, r, evals


def _missing_variance(T: float, h: float, H: float, A: float, first: bool) -> float:
    """Variance ``v`` of a fresh Gaussian added to every new point that makes the stationary
    variance of the linear mode ``dx = -lam x dt + sqrt(2T) dW``, ``lam = (A - 1)/H``, under the
    scheme exactly ``T/lam``: ``v = (T/lam - V)/G``, ``V`` the stationary variance of the scheme
    (an ARMA(1 or 2, 1) recursion), ``G`` the gain of the recursion on the added Gaussian.

    Backward Euler (the first step): ``v = T h (A - 1)/A^2``; constant-step stochastic BDF2
    (``H = 2h/3``, noise ``sqrt(2Th)(xi_{n+1} - xi_n/3)``): ``v = 3 T H (A - 1)^2 / (A^2 (3A + 1))``
    (second order in ``h lam``; at large steps both tend to ``T H/A``, ``T`` times the
    equal-time response).  Variable steps use the constant-step form with their own ``H``.
    """
    if not T > 0 or A <= 1.0:
        return 0.0
    if first:
        return T * h * (A - 1.0) / (A * A)
    return T * 3.0 * H * (A - 1.0) ** 2 / (A * A * (3.0 * A + 1.0))


def _quadratic(ts, ys, t):
    """The parabola through three points, at ``t``."""
    t0, t1, t2 = ts
    return (ys[0] * (t - t1) * (t - t2) / ((t0 - t1) * (t0 - t2))
            + ys[1] * (t - t0) * (t - t2) / ((t1 - t0) * (t1 - t2))
            + ys[2] * (t - t0) * (t - t1) / ((t2 - t0) * (t2 - t1)))


def _energy(md, c, r, m: float, H: float, A: float) -> float:
    """The loss of the new row (the equal-time response ``H/A`` included)."""
    return float(-md.g(m) - r @ md.xi(c, 1) - (H / A) * md.xi_1[1])


def _flipped(m_new: float, m_old: float) -> bool:
    """Whether a step changed the sign of ``m``: the flow never does (``m = 0`` is invariant at
    T = 0 and the memory pushes away from it), a step too long for a growing mode does
    (backward Euler multiplies ``m`` by ``1/(1 - h lambda)``, negative for ``h lambda > 1``)."""
    return (m_new < 0 < m_old) or (m_old < 0 < m_new)


def _doubling_error(md, T: float, hist: _History, h: float, first: bool, m_new: float,
                    e_new: float, c0: float, solver: str = "newton", noise: str = "bdf2") -> float:
    """Error estimate of a step taken before three rows exist (no predictor yet): the step
    against two half steps from the same rows, on ``log|m|``, ``e`` and ``C(t, 0)``.

    The first step is backward Euler (local error ``O(h^2)``), the second BDF2 on two rows
    (``O(h^3)``); the half steps are taken on a scratch copy of the (few) stored rows.
    Raises NotConverged if a half step does.
    """
    sc = hist.scratch(2)
    t0 = hist.t[hist.k - 1]
    for i in range(2):
        c, r, m, A, H, _ = _step(md, T, sc, 0.5 * h, first and i == 0, solver=solver,
                                 **({} if noise == "bdf2" else {"noise": noise}))
        sc.append(t0 + 0.5 * h * (i + 1), c, r, m, A, 0.5 * h, H)
    if _flipped(m, m_new) or m == 0.0 or m_new == 0.0:
        return math.inf
    e = _energy(md, c, r, m, H, A)
    return max(abs(math.log(abs(m)) - math.log(abs(m_new))), abs(e - e_new), abs(c[0] - c0))
