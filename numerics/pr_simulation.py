"""Finite-N gradient descent on the sphere for real phase retrieval (docs/phase_retrieval.md).

The numeric core of :func:`theory._pr_simulation.simulate_phase_retrieval`.  An
:class:`Instance` holds the sensing matrix ``A`` (``M = alpha N`` rows of i.i.d. standard
normals), the signal ``x*`` uniform on ``|x*|^2 = N``, its pre-activations
``h* = A x* / sqrt(N)`` and the labels ``y``.  The loss is ``L(x) = sum_mu l(h_mu; y_mu)`` with
``h = A x / sqrt(N)``; its per-sample value and first two derivatives in ``h`` come from a
``jets(h, y) -> (l, l', l'')`` callable (the model's generated kernels: this module types in no
derivative), so

    grad L = A^T l'(h) / sqrt(N),      grad^2 L = (1/N) A^T diag(l''(h)) A,
    mu_L   = x . grad L / N = (1/N) sum_mu l'(h_mu) h_mu,
    H      = P [ (1/N) A^T diag(l'') A - mu_L I ] P,    P = I - x x^T / N

(the Riemannian gradient is ``P grad L``, the Riemannian Hessian ``H``; arXiv:2006.06997).

Descent
-------
Projected gradient descent with retraction: ``x <- sqrt(N) (x - eta P grad L) / |.|``.  The step
is ``eta = 1 / lambda`` with ``lambda = lambda_max((1/N) A^T diag(max(l'', 0)) A) + max(-mu_L, 0)``,
an upper bound of the top of the Riemannian Hessian (``diag(l'') <= diag(max(l'', 0))``), so that
``eta`` times the stiffest curvature stays at most 1, inside the stability interval (2) of
gradient descent: the descent follows the gradient flow with the fast modes damped in one
step.  ``lambda_max`` is estimated by power iteration on that positive semi-definite operator
(warm-started from the previous estimate's vector; :data:`POWER_ITERATIONS` products) every
``reestimate_every`` steps, and again at once if a step raises the loss; a step that raises
the loss is rejected and retried with half the step until the next estimate.  For the
regularised loss ``l'' ~ 3 h^2 / (a + y)``, so ``lambda`` grows like ``1/a``: the descent takes
``~ lambda`` steps per unit of flow time (the regularised loss is stiff).

Stopping rule
-------------
A run ends at the first of

* ``"success"``: ``|m| >= success_level`` (``m = x . x* / N``);
* ``"stalled"``: the gradient norm ``|P grad L| / sqrt(N)`` falls below ``gtol``, or the loss
  decreased by less than ``rtol`` (relative to its value) over the last ``window`` steps;
* ``"budget"``: ``max_steps`` steps were taken;
* ``"interrupted"``: Ctrl-C (the records up to the last completed step are kept).

Cost
----
The matrix is ``M N`` float64 numbers (``alpha N^2 * 8`` bytes: 80 MB at N = 1000, alpha = 10);
every step streams it twice (``A x`` and ``A^T l'``), memory bound.  The run uses one BLAS
thread (threadpoolctl), so runs are reproducible bit for bit and parallelise over seeds.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import Callable

import numpy as np

__all__ = ["Instance", "Descent", "HessianDiagnostics", "descend", "hessian_diagnostics",
           "riemannian_hessian_dense", "instance_bytes", "run_bytes", "OUTCOMES", "POWER_ITERATIONS"]

#: How a run ends.
OUTCOMES = ("success", "stalled", "budget", "interrupted")
#: Power-iteration products per estimate of ``lambda_max`` (the first estimate takes three times as many).
POWER_ITERATIONS = 12
#: Records kept per step: flow time, m, loss / N, gradient norm, step.
_RECORDS = 5


def instance_bytes(n: int, alpha: float, dtype=np.float64) -> int:
    """Bytes of an instance: the matrix, plus six vectors of length ``M`` and four of length ``n``."""
    m = int(math.ceil(alpha * n))
    return m * n * np.dtype(dtype).itemsize + 8 * (6 * m + 4 * n)


def run_bytes(n: int, alpha: float, max_steps: int, dtype=np.float64) -> int:
    """Peak bytes of one run (an upper bound): the instance (drawn in place, in its dtype), the
    per-step records of ``max_steps`` steps and the work vectors."""
    m = int(math.ceil(alpha * n))
    return instance_bytes(n, alpha, dtype) + 8 * _RECORDS * (int(max_steps) + 1) + 8 * 12 * (m + n)


class Instance:
    """One sample of real phase retrieval: signal, sensing matrix, labels.

    Parameters
    ----------
    n : int
        Dimension ``N``.
    m : int
        Number of measurements ``M`` (``alpha N``, rounded up by the caller).
    labels : callable
        ``labels(h_star, rng) -> y`` (the model's, e.g. ``PhaseRetrieval.labels``).
    rng : numpy.random.Generator
        Drawn in the order: signal, random start ``x0`` (uniform on the sphere), matrix, label
        noise (if any); so one seed gives the same signal, start and leading rows of ``A`` at
        every ``m`` (common random numbers across ``alpha``).
    dtype : numpy dtype
        Storage of ``A`` (float64 default; float32 halves memory and time per step).

    Examples
    --------
    >>> import numpy as np
    >>> inst = Instance(n=8, m=20, labels=lambda h, rng: h * h, rng=np.random.default_rng(0))
    >>> inst.A.shape, round(float(inst.x_star @ inst.x_star), 12)
    ((20, 8), 8.0)
    """

    def __init__(self, *, n: int, m: int, labels: Callable, rng: np.random.Generator, dtype=np.float64):
        self.n, self.m = int(n), int(m)
        x = rng.standard_normal(self.n)
        self.x_star = x * (math.sqrt(self.n) / np.linalg.norm(x))
        z = rng.standard_normal(self.n)
        self.x0 = z * (math.sqrt(self.n) / np.linalg.norm(z))
        dtype = np.dtype(dtype)
        if dtype == np.float64:
            self.A = rng.standard_normal((self.m, self.n))
        else:
            self.A = rng.standard_normal((self.m, self.n), dtype=dtype)
        self.sqrt_n = math.sqrt(self.n)
        self.h_star = self.preactivations(self.x_star)
        self.y = np.asarray(labels(self.h_star, rng), dtype=np.float64)

    def preactivations(self, x: np.ndarray) -> np.ndarray:
        """``h = A x / sqrt(N)`` (float64)."""
        h = self.A @ x.astype(self.A.dtype, copy=False)
        return h.astype(np.float64, copy=False) / self.sqrt_n

    def back(self, w: np.ndarray) -> np.ndarray:
        """``A^T w / sqrt(N)`` (float64)."""
        g = self.A.T @ w.astype(self.A.dtype, copy=False)
        return g.astype(np.float64, copy=False) / self.sqrt_n

    def evaluate(self, x: np.ndarray, jets: Callable):
        """``(h, l, l', l'', L, grad L)`` at ``x``."""
        h = self.preactivations(x)
        l, dl, d2l = jets(h, self.y)
        return h, l, dl, d2l, float(l.sum()), self.back(dl)

    def weighted_product(self, weights: np.ndarray, v: np.ndarray) -> np.ndarray:
        """``(1/N) A^T diag(weights) A v``."""
        return self.back(weights * self.preactivations(v))


@dataclass(frozen=True)
class HessianDiagnostics:
    """The Riemannian Hessian at one state, matrix-free (see :func:`hessian_diagnostics`).

    Attributes
    ----------
    eigenvalues : ndarray
        The ``k`` smallest eigenvalues on the tangent space, ascending.
    vector : ndarray
        Unit eigenvector of the smallest one (ambient coordinates, orthogonal to ``x``).
    overlap : float
        ``(vector . x*)^2 / N``: its squared overlap with the signal.
    mu : float
        ``mu_L = (1/N) sum l'(h) h``.
    h, h_star, y : ndarray
        The empirical sample ``(h_mu, h*_mu)`` at the state and the labels.
    """

    eigenvalues: np.ndarray
    vector: np.ndarray
    overlap: float
    mu: float
    h: np.ndarray
    h_star: np.ndarray
    y: np.ndarray

    @property
    def lowest(self) -> float:
        return float(self.eigenvalues[0])


def _lambda_max(inst: Instance, weights: np.ndarray, v: np.ndarray, iterations: int):
    """Power iteration on ``(1/N) A^T diag(weights) A`` (weights >= 0): (Rayleigh quotient, vector)."""
    v = v / np.linalg.norm(v)
    rayleigh = 0.0
    for _ in range(iterations):
        w = inst.weighted_product(weights, v)
        rayleigh = float(v @ w)
        norm = np.linalg.norm(w)
        if norm == 0:
            return 0.0, v
        v = w / norm
    return rayleigh, v


@dataclass
class Descent:
    """What :func:`descend` returns: per-step records, the final state and how the run ended.

    ``t`` (flow time, the sum of the steps), ``m``, ``loss`` (``L/N``), ``gradient_norm``
    (``|P grad L| / sqrt(N)``) and ``step`` (the ``eta`` that led to each record; 0 at the start)
    have one entry per accepted step plus the start.
    """

    t: np.ndarray
    m: np.ndarray
    loss: np.ndarray
    gradient_norm: np.ndarray
    step: np.ndarray
    x: np.ndarray
    outcome: str
    estimates: int
    rejected: int
    seconds: float

    @property
    def interrupted(self) -> bool:
        return self.outcome == "interrupted"

    @property
    def steps(self) -> int:
        return len(self.t) - 1


def descend(inst: Instance, jets: Callable, x0: np.ndarray, *, max_steps: int, success_level: float,
            gtol: float, rtol: float, window: int, reestimate_every: int, bar=None,
            orthogonal_to: np.ndarray | None = None) -> Descent:
    """Gradient descent on the sphere from ``x0`` under the stopping rule of this module.

    Parameters
    ----------
    inst : Instance
    jets : callable
        ``jets(h, y) -> (l, l', l'')``, float64 arrays.
    x0 : ndarray
        Start, on the sphere ``|x|^2 = N``.
    max_steps, success_level, gtol, rtol, window, reestimate_every
        The stopping rule and the schedule of the step estimate (module docstring).
    bar : tqdm bar, optional
        Updated once per accepted step.
    orthogonal_to : ndarray, optional
        A direction ``u``: the start and every step are projected orthogonally to it, so the
        descent stays on the great subsphere ``x . u = 0``.  With ``u = x*`` it holds ``m = 0``:
        the trap of gradient flow from a random start as ``N -> infinity``, without the finite-N
        escape along the signal (arXiv:2403.02418); docs/phase_retrieval.md uses it to measure the
        BBP condition at those traps.

    Returns
    -------
    Descent
        On ``KeyboardInterrupt`` the records up to the last accepted step, ``outcome="interrupted"``.
    """
    from threadpoolctl import threadpool_limits

    start = time.perf_counter()
    n = inst.n
    sqrt_n = inst.sqrt_n
    proj = None
    x0 = np.array(x0, dtype=np.float64)
    if orthogonal_to is not None:
        u = np.asarray(orthogonal_to, dtype=np.float64)
        if u.shape != (n,) or not np.all(np.isfinite(u)) or not np.any(u):
            raise ValueError(f"orthogonal_to must be a finite nonzero vector of length N={n}")
        u = u / np.linalg.norm(u)

        def proj(v):
            return v - (v @ u) * u

        x0 = proj(x0)
        x0 *= sqrt_n / np.linalg.norm(x0)
    state = {"k": 0, "x": x0, "outcome": "interrupted", "estimates": 0, "rejected": 0,
             "rec": np.full((_RECORDS, 1), np.nan), "proj": proj}
    try:
        # the records grow by doubling (a run that stops early never holds max_steps of them)
        state["rec"] = np.full((_RECORDS, min(max_steps + 1, 1024)), np.nan)
        with threadpool_limits(limits=1, user_api="blas"):
            _loop(inst, jets, state, max_steps, success_level, gtol, rtol, window, reestimate_every,
                  sqrt_n, n, bar)
    except KeyboardInterrupt:
        state["outcome"] = "interrupted"
    done = state["k"] + 1
    if not np.isfinite(state["rec"][0, 0]):  # cut before the start was recorded: record it now
        x = state["x"]
        h = inst.preactivations(x)
        l, dl, _ = jets(h, inst.y)
        g = inst.back(dl)
        rg = g - (float(x @ g) / n) * x
        state["rec"] = np.array([[0.0], [float(x @ inst.x_star) / n], [float(l.sum()) / n],
                                 [float(np.linalg.norm(rg)) / sqrt_n], [0.0]])
        done = 1
    t, m, loss, gnorm, step = (r[:done].copy() for r in state["rec"])
    return Descent(t=t, m=m, loss=loss, gradient_norm=gnorm, step=step, x=state["x"], outcome=state["outcome"],
                   estimates=state["estimates"], rejected=state["rejected"], seconds=time.perf_counter() - start)


def _loop(inst, jets, state, max_steps, success_level, gtol, rtol, window, reestimate_every, sqrt_n, n, bar):
    x = state["x"]
    rec = state["rec"]
    h, l, dl, d2l, L, g = inst.evaluate(x, jets)
    v = np.ones(n)  # the power-iteration vector (deterministic start, then warm)
    eta = None
    since = 0
    t = 0.0
    k = 0
    while True:
        mu = float(x @ g) / n
        rg = g - mu * x  # P grad L = g - (x.g / N) x
        if state["proj"] is not None:
            rg = state["proj"](rg)
        gnorm = float(np.linalg.norm(rg)) / sqrt_n
        m = float(x @ inst.x_star) / n
        if k == rec.shape[1]:
            grown = np.full((_RECORDS, min(2 * k, max_steps + 1)), np.nan)
            grown[:, :k] = rec
            rec = state["rec"] = grown
        rec[:, k] = (t, m, L / n, gnorm, 0.0 if k == 0 else eta_used)
        state["k"], state["x"] = k, x  # the records and the state of step k, stored together
        if abs(m) >= success_level:
            state["outcome"] = "success"
            return
        if gnorm < gtol or (k >= window and rec[2, k - window] - rec[2, k] <= rtol * abs(rec[2, k])):
            state["outcome"] = "stalled"
            return
        if k == max_steps:
            state["outcome"] = "budget"
            return
        if eta is None or since >= reestimate_every:
            lam, v = _lambda_max(inst, np.maximum(d2l, 0.0), v, POWER_ITERATIONS * (3 if eta is None else 1))
            state["estimates"] += 1
            eta = 1.0 / (lam + max(-mu, 0.0))
            since = 0
        while True:
            y = x - eta * rg
            if state["proj"] is not None:  # against the drift of rounding
                y = state["proj"](y)
            y *= sqrt_n / np.linalg.norm(y)
            h1, l1, dl1, d2l1, L1, g1 = inst.evaluate(y, jets)
            if L1 <= L + 1e-12 * abs(L):
                break
            state["rejected"] += 1  # the estimate was low or the curvature grew: re-estimate, halve
            lam, v = _lambda_max(inst, np.maximum(d2l, 0.0), v, POWER_ITERATIONS * 3)
            state["estimates"] += 1
            eta = min(eta, 1.0 / (lam + max(-mu, 0.0))) * 0.5
            since = 0
            if eta * gnorm < 1e-300:  # no step lowers the loss: a minimum to rounding
                state["outcome"] = "stalled"
                return
        eta_used = eta
        x, h, l, dl, d2l, L, g = y, h1, l1, dl1, d2l1, L1, g1
        t += eta
        k += 1
        since += 1
        if bar is not None:
            bar.update()


def _tangent_operator(inst: Instance, x: np.ndarray, d2l: np.ndarray, mu: float, shift: float):
    """``v -> P (B - mu) P v + shift (x.v/N) x`` with ``B = (1/N) A^T diag(l'') A``: the Riemannian
    Hessian on the tangent space, the normal direction moved up to ``shift`` (above the spectrum)
    so that it never passes for the lowest eigenvalue."""
    n = inst.n

    def matvec(v):
        v = np.asarray(v, dtype=np.float64).reshape(-1)
        c = (x @ v) / n
        pv = v - c * x
        w = inst.weighted_product(d2l, pv) - mu * pv
        return w - ((x @ w) / n) * x + (shift * c) * x

    return matvec


def hessian_diagnostics(inst: Instance, jets: Callable, x: np.ndarray, *, k: int = 2, tol: float = 1e-8,
                        maxiter: int | None = None) -> HessianDiagnostics:
    """The ``k`` smallest eigenvalues of the Riemannian Hessian at ``x`` by matrix-free Lanczos.

    ``scipy.sparse.linalg.eigsh(which="SA")`` on a ``LinearOperator`` (each product streams ``A``
    twice), from the deterministic start vector ``P 1`` so the result is reproducible.  The
    normal direction ``x`` is shifted above the spectrum (it is not a tangent direction).

    Examples
    --------
    >>> import numpy as np
    >>> from numerics._generated import phase_retrieval_numpy as k
    >>> def jets(h, y):   # the square loss
    ...     return k.pr_square_loss(h, y), k.pr_square_dloss(h, y), k.pr_square_d2loss(h, y)
    >>> inst = Instance(n=30, m=150, labels=lambda h, rng: h * h, rng=np.random.default_rng(1))
    >>> d = hessian_diagnostics(inst, jets, inst.x_star)    # at the signal: H >= 0, lowest > 0
    >>> bool(d.lowest > 0), round(d.mu, 12)
    (True, 0.0)
    """
    from scipy.sparse.linalg import LinearOperator, eigsh
    from threadpoolctl import threadpool_limits

    n = inst.n
    x = np.asarray(x, dtype=np.float64)
    with threadpool_limits(limits=1, user_api="blas"):
        h, l, dl, d2l, L, g = inst.evaluate(x, jets)
        mu = float(x @ g) / n
        top, _ = _lambda_max(inst, np.maximum(d2l, 0.0), np.ones(n), 3 * POWER_ITERATIONS)
        shift = 2.0 * (top + abs(mu)) + 1.0
        op = LinearOperator((n, n), matvec=_tangent_operator(inst, x, d2l, mu, shift), dtype=np.float64)
        v0 = np.ones(n) - (x.sum() / n) * x
        if not np.any(v0):
            v0 = np.arange(1.0, n + 1)
        k = min(int(k), n - 2)
        values, vectors = eigsh(op, k=k, which="SA", tol=tol, v0=v0, maxiter=maxiter,
                                ncv=min(n, max(2 * k + 1, 40)))
    order = np.argsort(values)
    values, vectors = values[order], vectors[:, order]
    vec = vectors[:, 0] - ((x @ vectors[:, 0]) / n) * x
    vec /= np.linalg.norm(vec)
    overlap = float((vec @ inst.x_star) ** 2 / n)
    return HessianDiagnostics(eigenvalues=values, vector=vec, overlap=overlap, mu=mu, h=h,
                              h_star=inst.h_star.copy(), y=inst.y.copy())


def riemannian_hessian_dense(inst: Instance, jets: Callable, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The Riemannian Hessian in an orthonormal basis of the tangent space, dense (small N only).

    Returns ``(H, basis)``: ``basis`` is ``(N, N-1)`` with orthonormal columns orthogonal to ``x``
    (the complement of ``x`` in a QR factorisation) and ``H = basis^T (B - mu_L I) basis``.  A
    second route to the spectrum for tests against :func:`hessian_diagnostics`.
    """
    n = inst.n
    x = np.asarray(x, dtype=np.float64)
    h, l, dl, d2l, L, g = inst.evaluate(x, jets)
    mu = float(x @ g) / n
    a = inst.A.astype(np.float64)
    b = (a.T * d2l) @ a / n
    q, _ = np.linalg.qr(np.column_stack([x, np.eye(n)[:, : n - 1]]))
    basis = q[:, 1:]
    return basis.T @ (b - mu * np.eye(n)) @ basis, basis
