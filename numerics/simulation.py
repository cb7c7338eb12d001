"""Finite-N instances of spiked spherical models and their gradient flow on the sphere.

The numeric core of :func:`theory.simulate` (arXiv:1907.08226, section 2; docs/model.md; docs/your_model.md for several channels and mismatched losses).  An :class:`Instance`
holds the hidden signal ``x*`` and one coupling array per channel, built from the observations
with the variances the loss *assumes* (``Delta'_k``; the true ``Delta_k`` set the noise):

    L(x) = -1/2 x.B x - sum_p A_p[x, ..., x],
    B_ij = Y_ij / (Delta'_2 sqrt(N))                                   (i != j; B_ii = 0)
    A_p  = sqrt((p-1)!) / (Delta'_p N^((p-1)/2) p!) * T_p               (distinct indices; else 0)

with ``Y = x* x*^T / sqrt(N) + sqrt(Delta_2) W`` and ``T_p = sqrt((p-1)!)/N^((p-1)/2) x*^(x p)
+ sqrt(Delta_p) Z_p``, so that ``-1/2 x.B x`` is the sum over ``i < j`` of the spec and the full
contraction of the dense symmetric ``A_p`` is ``p!`` times the sum over ``i1 < .. < ip``; then
``L = -N g(m) + V`` with ``E[V V'] = N xi`` (docs/your_model.md).  The matrix channel is optional.

Storage of the tensor
---------------------
``A`` is kept once, as a dense C-ordered ``n**p`` array (float64 by default, float32 on
request).  Dense storage wastes a factor ``p!`` of memory over the ``binom(n, p)`` distinct
entries, but every contraction is then one BLAS matrix-vector product that streams the
array once at memory bandwidth (``A.reshape(n**(p-1), n) @ x``); a packed symmetric layout
would need index gathers at every step, several times slower for the sizes that fit here.
float64 keeps the energies and the Hessian at double precision and is the default; float32
halves the memory and the time per gradient (the product is memory bound) at a relative
rounding of ~1e-6 in the gradient, far below the O(N^-1/2) finite-size effects.
p = 3, n = 512 is 1 GiB in float64; sampling needs twice the tensor at its peak.

Integrator
----------
The flow ``dx/dt = -(g - (x.g / |x|^2) x)``, ``g = grad L(x)``, is tangent to every sphere
(``d|x|^2/dt = 0`` identically, not only on ``|x|^2 = N``), so classical RK4 leaves the
norm unchanged up to its O(dt^5) local error; each step is then retracted onto
``|x|^2 = N`` by rescaling, which changes the state by O(dt^5) and keeps fourth order (a
test measures it).  The stiffest mode of the flow is the top of the Hessian,
``~ mu + 2 s``; the default step keeps ``dt * lambda_max`` near 1, inside RK4's stability
interval (2.78 on the negative axis).  A projected or exponential-map Euler step is also norm
preserving but only first order; four gradients per RK4 step buy three orders.
"""

from __future__ import annotations

import math
from itertools import permutations

import numpy as np

__all__ = ["Instance", "Trajectory", "advance", "integrate", "peak_bytes", "tensor_bytes"]


def tensor_bytes(p: int, n: int, dtype=np.float64) -> int:
    """Bytes of the dense ``n**p`` tensor."""
    return int(n) ** int(p) * np.dtype(dtype).itemsize


def peak_bytes(p, n: int, dtype=np.float64) -> int:
    """Peak bytes while sampling an instance with tensors of the order(s) ``p`` (an int or a
    sequence): every tensor, plus the draws of the largest one (sampled one at a time), plus the
    matrix twice."""
    orders = [p] if isinstance(p, (int, np.integer)) else list(p)
    tensors = [tensor_bytes(k, n, dtype) for k in orders]
    return sum(tensors) + max(tensors, default=0) + 2 * tensor_bytes(2, n, np.float64)


def _zero_repeated(a: np.ndarray) -> None:
    """Set to zero, in place, every entry of a cubical array with two equal indices.

    For each pair of axes the generalised diagonal is a strided view (no copy, no loop over
    indices)."""
    k, n = a.ndim, a.shape[0]
    for i in range(k):
        for j in range(i + 1, k):
            shape = [n] * (k - 1)
            strides = [s for ax, s in enumerate(a.strides) if ax != j]
            strides[i] = a.strides[i] + a.strides[j]
            np.lib.stride_tricks.as_strided(a, shape=shape, strides=strides, writeable=True)[...] = 0


def _symmetric_noise(rng: np.random.Generator, p: int, n: int, dtype, out: np.ndarray) -> None:
    """Add to ``out`` a symmetric Gaussian tensor with unit variance on distinct-index entries.

    ``sum over the p! axis permutations of G`` for ``G`` i.i.d. standard normal has variance
    ``p!`` on every entry with distinct indices; ``G`` is scaled by ``1/sqrt(p!)`` first."""
    g = rng.standard_normal(size=(n,) * p, dtype=dtype)
    g *= 1.0 / math.sqrt(math.factorial(p))
    for perm in permutations(range(p)):
        np.add(out, g.transpose(perm), out=out)


class Instance:
    """One sample of a spiked spherical model: signal, matrix and tensor couplings.

    Parameters
    ----------
    n : int
        Dimension.
    p, delta2, delta_p : optional
        The matrix-tensor shorthand for ``channels={2: delta2, p: delta_p}``.
    channels : dict
        ``{k: Delta_k}``, the true noise variances as floats (``k = 2``: the matrix channel,
        optional; ``k >= 3``: tensors).
    assumed : dict, optional
        ``{k: Delta'_k}`` the loss is built with (same keys); default the true ones.
    rng : numpy.random.Generator
        Source of randomness, drawn in the order: signal, matrix noise, then each tensor's
        noise by increasing order.
    dtype : numpy dtype
        Storage of the tensors (float64 or float32).

    Attributes
    ----------
    x_star : ndarray
    B : ndarray or None
        The matrix coupling (None without a matrix channel).
    tensors : tuple of (int, ndarray)
        Each order with its dense symmetric coupling ``A_p``.

    Notes
    -----
    ``x*`` is uniform on the sphere ``|x|^2 = N``; ``Y = x* x*^T/sqrt(N) + sqrt(Delta2) W``
    and ``T = sqrt((p-1)!)/N^((p-1)/2) x*^(x p) + sqrt(Deltap) Z`` with ``W``, ``Z``
    symmetric and standard normal on distinct indices (docs/model.md).

    Examples
    --------
    >>> import numpy as np
    >>> inst = Instance(n=8, channels={2: 0.5, 3: 1.0}, rng=np.random.default_rng(0))
    >>> inst.A.shape, bool(np.allclose(inst.A, inst.A.transpose(1, 0, 2)))
    ((8, 8, 8), True)
    >>> float(inst.x_star @ inst.x_star)
    8.0
    """

    def __init__(self, *, n: int, channels: dict | None = None, assumed: dict | None = None,
                 rng: np.random.Generator, dtype=np.float64, p: int | None = None, delta2=None, delta_p=None):
        if channels is None:  # the matrix-tensor shorthand
            channels = {2: delta2, p: delta_p}
        self.n = int(n)
        self.channels = {int(k): float(v) for k, v in channels.items()}
        assumed = self.channels if assumed is None else {int(k): float(v) for k, v in assumed.items()}
        if set(assumed) != set(self.channels):
            raise ValueError(f"assumed channels {sorted(assumed)} differ from {sorted(self.channels)}")
        self.assumed = assumed
        dtype = np.dtype(dtype)
        x_star = rng.standard_normal(n)
        self.x_star = x_star * (math.sqrt(n) / np.linalg.norm(x_star))
        self.B = None
        if 2 in self.channels:
            delta2, assumed2 = self.channels[2], assumed[2]
            # Matrix: off-diagonal Y_ij, then B = Y / (Delta2' sqrt(N)), zero diagonal.
            w = rng.standard_normal((n, n))
            y = (w + w.T) * (math.sqrt(delta2) / math.sqrt(2.0))
            y += np.outer(self.x_star, self.x_star) / math.sqrt(n)
            np.fill_diagonal(y, 0.0)
            self.B = y / (assumed2 * math.sqrt(n))
        tensors = []
        for p in sorted(k for k in self.channels if k >= 3):
            tensors.append((p, self._tensor(p, self.channels[p], assumed[p], rng, dtype)))
        self.tensors = tuple(tensors)
        # The matrix-tensor names, for a model with one tensor channel
        one = len(self.tensors) == 1
        self.p = self.tensors[0][0] if one else None
        self.delta_p = self.channels[self.p] if one else None
        self.delta2 = self.channels.get(2)

    def _tensor(self, p, delta_p, assumed_p, rng, dtype):
        n = self.n
        # A = c/p! * (a x*^(x p) + sqrt(Deltap) Z), Z symmetric, N(0, 1) off-diagonal.
        c = math.sqrt(math.factorial(p - 1)) / (assumed_p * n ** ((p - 1) / 2))
        a = math.sqrt(math.factorial(p - 1)) / n ** ((p - 1) / 2)
        scale = c / math.factorial(p)
        A = np.empty((n,) * p, dtype=dtype)
        outer = (scale * a) * self.x_star
        for _ in range(p - 2):
            outer = np.multiply.outer(outer, self.x_star)
        np.multiply.outer(outer, self.x_star.astype(dtype), out=A)  # no full-size temporary
        noise_scale = scale * math.sqrt(delta_p)
        A *= 1.0 / noise_scale  # add the unit noise, then rescale in place
        _symmetric_noise(rng, p, n, dtype, A)
        A *= noise_scale
        _zero_repeated(A)
        return A

    @property
    def A(self) -> np.ndarray:
        """The coupling of the lowest-order tensor channel (the only one in the matrix-tensor model)."""
        return self.tensors[0][1]

    @property
    def orders(self) -> tuple[int, ...]:
        return tuple(p for p, _ in self.tensors)

    # --- contractions -------------------------------------------------------------------
    @staticmethod
    def _contract(a: np.ndarray, x: np.ndarray, k: int) -> np.ndarray:
        """``a`` contracted with ``x`` on its last ``k`` axes, float64.

        One BLAS matrix-vector product streams the tensor once; the remaining contractions
        act on arrays ``n`` times smaller."""
        n, p = a.shape[0], a.ndim
        y = a.reshape(-1, n) @ x.astype(a.dtype, copy=False)
        y = y.astype(np.float64, copy=False)
        for _ in range(k - 1):
            y = y.reshape(-1, n) @ x
        return y.reshape((n,) * (p - k))

    def tensor_field(self, x: np.ndarray, k: int | None = None) -> np.ndarray:
        """The lowest-order tensor contracted with ``x`` on its last ``k`` axes (default ``p - 1``)."""
        return self._contract(self.A, x, self.A.ndim - 1 if k is None else k)

    def evaluate(self, x: np.ndarray) -> tuple[np.ndarray, float, float]:
        """Euclidean gradient, loss and ``x . grad`` at ``x`` (one pass over each tensor)."""
        if self.B is not None:
            bx = self.B @ x
            grad = -bx
            quad = float(x @ bx)
            loss = -0.5 * quad
            xg = -quad
        else:
            grad, loss, xg = np.zeros_like(x), 0.0, 0.0
        for p, a in self.tensors:
            ax = self._contract(a, x, p - 1)
            grad = grad - p * ax
            tens = float(x @ ax)
            loss = loss - tens
            xg = xg - p * tens
        return grad, loss, xg

    def loss(self, x: np.ndarray) -> float:
        """``L(x)``."""
        return self.evaluate(np.asarray(x, dtype=np.float64))[1]

    def euclidean_hessian(self, x: np.ndarray) -> np.ndarray:
        """``grad^2 L(x) = -B - sum_p p (p-1) A_p[., ., x, ..., x]``."""
        h = -self.B if self.B is not None else np.zeros((self.n, self.n))
        for p, a in self.tensors:
            h = h - p * (p - 1) * self._contract(a, x, p - 2)
        return h

    def riemannian_hessian(self, x: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
        """The Riemannian Hessian on the sphere at ``x`` in an orthonormal tangent basis.

        Returns ``(H, basis, mu)``: ``H`` is ``(n-1, n-1)``, ``basis`` is ``(n, n-1)`` with
        orthonormal columns orthogonal to ``x``, and ``H = basis^T (grad^2 L + mu) basis``
        with ``mu = -x . grad L / N`` (docs/hessian.md).  The basis is the
        Householder reflection taking ``x/|x|`` to a coordinate vector, applied by rank-one
        updates (O(n^2))."""
        n = self.n
        _, _, xg = self.evaluate(x)
        mu = -xg / (x @ x)
        h = self.euclidean_hessian(x)
        h[np.diag_indices(n)] += mu
        w = x / np.linalg.norm(x)
        e_sign = -1.0 if w[-1] >= 0 else 1.0  # reflect onto -sign(w_n) e_n: no cancellation
        v = w.copy()
        v[-1] -= e_sign
        v /= np.linalg.norm(v)
        hv = h @ v
        vhv = v @ hv
        # R H R with R = I - 2 v v^T
        rhr = h - 2 * np.outer(v, hv) - 2 * np.outer(hv, v) + 4 * vhv * np.outer(v, v)
        basis = -2 * np.outer(v, v[:-1])
        basis[np.arange(n - 1), np.arange(n - 1)] += 1.0
        return rhr[:-1, :-1], basis, float(mu)

    def __eq__(self, other):
        if not isinstance(other, Instance):
            return NotImplemented
        return (self.n == other.n and self.channels == other.channels and self.assumed == other.assumed
                and np.array_equal(self.x_star, other.x_star)
                and (self.B is None) == (other.B is None)
                and (self.B is None or np.array_equal(self.B, other.B))
                and self.orders == other.orders
                and all(a.dtype == b.dtype and np.array_equal(a, b)
                        for (_, a), (_, b) in zip(self.tensors, other.tensors)))

    __hash__ = None


class Trajectory:
    """What :func:`integrate` returns: recorded arrays, the last state, snapshots.

    ``t, m, energy, mu, gradient_norm`` are recorded at every completed step (index 0 is
    the start); ``x`` is the state at ``t[-1]``; ``snapshots[j]`` is the state at step
    ``j * snapshot_every``."""

    def __init__(self, t, m, energy, mu, gradient_norm, x, snapshots, snapshot_every, interrupted):
        self.t, self.m, self.energy, self.mu = t, m, energy, mu
        self.gradient_norm = gradient_norm
        self.x, self.snapshots, self.snapshot_every = x, snapshots, snapshot_every
        self.interrupted = interrupted


def _rk4_step(instance: Instance, x: np.ndarray, k1: np.ndarray, dt: float, sqrt_n: float):
    """One RK4 step of the tangent flow from ``x`` (``k1`` = the field at ``x``), retracted."""

    def field(y):
        g, _, yg = instance.evaluate(y)
        return -(g - (yg / (y @ y)) * y)

    k2 = field(x + (0.5 * dt) * k1)
    k3 = field(x + (0.5 * dt) * k2)
    k4 = field(x + dt * k3)
    y = x + (dt / 6.0) * (k1 + 2.0 * k2 + 2.0 * k3 + k4)
    return y * (sqrt_n / np.linalg.norm(y))


def integrate(instance: Instance, x0: np.ndarray, *, dt: float, steps: int,
              snapshot_every: int | None = None, progress=None) -> Trajectory:
    """Gradient flow on the sphere ``|x|^2 = N`` by retracted RK4, ``steps`` steps of ``dt``.

    Parameters
    ----------
    instance : Instance
    x0 : ndarray
        Start, on the sphere.
    dt : float
        Step.
    steps : int
        Number of steps.
    snapshot_every : int, optional
        Keep the state every this many steps (default: about 256 snapshots in all).
    progress : bool or None
        A progress bar (:func:`numerics.progress.bar`): True, False, or None (shown on a
        terminal only).

    Returns
    -------
    Trajectory
        On ``KeyboardInterrupt`` the integration stops and the trajectory up to the last
        completed step is returned with ``interrupted = True`` (the recorded arrays and the
        state always belong to the same step).  An interrupt before the start was recorded
        propagates: there is nothing to return.
    """
    from threadpoolctl import threadpool_limits

    from numerics.progress import bar as _bar

    n = instance.n
    snapshot_every = snapshot_every or max(1, math.ceil(steps / 256))
    x = np.array(x0, dtype=np.float64)
    rec = np.full((5, steps + 1), np.nan)  # t, m, energy, mu, |grad|
    snapshots = []
    box = [(0, x)]  # (number of recorded steps, the state at the last recorded step)
    interrupted = False
    bar = _bar(total=steps, desc=f"gradient flow N={n}", unit="step", progress=progress)
    try:
        with threadpool_limits(limits=1, user_api="blas"):
            _loop(instance, x, dt, steps, snapshot_every, rec, snapshots, bar, box)
    except KeyboardInterrupt:
        if box[0][0] == 0:  # not even the start recorded
            raise
        interrupted = True
    finally:
        bar.close()
    done, x = box[0]
    snapshots = snapshots[: (done - 1) // snapshot_every + 1]
    t, m, energy, mu, gnorm = (r[:done].copy() for r in rec)
    return Trajectory(t, m, energy, mu, gnorm, x, snapshots, snapshot_every, interrupted)


def _loop(instance, x, dt, steps, snapshot_every, rec, snapshots, bar, box):
    n = instance.n
    sqrt_n = math.sqrt(n)
    for k in range(steps + 1):
        g, loss, xg = instance.evaluate(x)
        f = -(g - (xg / (x @ x)) * x)
        rec[:, k] = (k * dt, (x @ instance.x_star) / n, loss / n, -xg / n,
                     np.linalg.norm(f) / sqrt_n)
        if k % snapshot_every == 0:
            snapshots.append(x)
        box[0] = (k + 1, x)  # one store: the count and the state change together
        if k == steps:
            break
        x = _rk4_step(instance, x, f, dt, sqrt_n)
        bar.update()


def advance(instance: Instance, x: np.ndarray, *, dt: float, steps: int) -> np.ndarray:
    """``steps`` steps of :func:`integrate`'s scheme from ``x`` (the same arithmetic, the same
    single BLAS thread, so the same bits), without records."""
    from threadpoolctl import threadpool_limits

    sqrt_n = math.sqrt(instance.n)
    with threadpool_limits(limits=1, user_api="blas"):
        for _ in range(steps):
            g, _, xg = instance.evaluate(x)
            x = _rk4_step(instance, x, -(g - (xg / (x @ x)) * x), dt, sqrt_n)
    return x
