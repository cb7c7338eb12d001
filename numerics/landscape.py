"""Piecewise Kac-Rice complexity, the Hessian spectrum and the trivialization threshold, for any
spiked spherical model (a :class:`numerics.model.Field`), in float64 or in an mpmath context.

Every function here is written once for both backends: its last argument ``b`` is a
:class:`numerics.backend.Backend`, :data:`~numerics.backend.F64` (numpy, broadcasting over
``m``, ``e``, ``mu`` and array variances; the default) or ``MP(dps)`` (scalars); an mpmath
context, or None for float64, is still accepted (:func:`numerics.model.as_backend`).  The
generated kernels of :mod:`derivations.kac_rice` and :mod:`derivations.hessian` take the
model's *jets* (``xi'(1)``, ``xi''(1)``, ``g'(m)``, ...), named by their arguments and evaluated
by the one jet evaluator :class:`numerics.model.Jets` (:class:`KernelArgs`).  ``det_1``, the
determinant ``xi (xi' + xi'') - xi'**2`` at 1 of the covariance of the energy and the radial
derivative, is evaluated as ``sum_{j<k} c_j c_k (k - j)**2`` over the coefficients of ``xi``
(:func:`numerics.model.covariance_det`): a sum of positive terms, without the cancellation of
the difference when one channel dominates.

The branches (bulk / outside the bulk; maximiser of ``mu`` in the bulk, above or below it)
are combined under masks: every kernel is evaluated only where its branch holds, on those
entries, so no branch ever sees arguments where it is undefined (:func:`_piecewise`).  The
minima need no mask: at the bulk edge, at the BBP bound or free, ``Sigma_min`` is one kernel of
``w = max(w*, theta, s)``, defined everywhere (:func:`sigma_min`).  Large float64 inputs run in
blocks of :data:`BLOCK` entries (:func:`_run`), so that the temporaries stay small.

The trivialization threshold (docs/landscape.md) is located in three steps:

1. *Scan*: ``Sigma_min(m)`` on an ``m`` grid for a geometric grid of ``Delta2`` from
   ``Delta2_GF/50`` to ``2 Delta2_GF``; the first ``Delta2`` with ``Sigma_min > tol`` somewhere
   (exponentially many minima on an interval) brackets the threshold.  Nothing is assumed about
   where the last spurious minima sit: the whole overlap range is scanned.
2. *Classify* how the first band of minima is born, from where ``Sigma_min`` peaks: a
   :class:`Mechanism` (:class:`Tangency`, :class:`Boundary` or :class:`Isolated`), an object
   whose :meth:`~Mechanism.residual` changes sign at the threshold.
3. *Solve* ``residual(Delta2) = 0`` with the bracketed solvers of :mod:`numerics.solvers`, in
   float64 and then in mpmath (the inner problems, the maximiser ``m`` or the isolated overlap
   ``r``, solved the same way, bracketed).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

import numpy as np
from numerics import solvers
from numerics._generated import hessian_numpy as HN
from numerics._generated import kac_rice_numpy as KN
from numerics import model as _model
from numerics.backend import F64
from numerics.model import Field, Polynomial, as_backend, covariance_det, field
from numerics.solvers import ConvergenceError, Root, grow_bracket, sign_changes

__all__ = [
    "Jets", "width_cancellation", "sigma", "sigma_mu", "sigma_max", "sigma_energy_max", "sigma_min", "dsigma_min_dm",
    "threshold_energy", "isolated_condition", "marginal_slope", "scale", "theta", "outlier",
    "covariance_det", "with_matrix", "gradient_flow_delta2",
    "Mechanism", "Boundary", "Isolated", "Tangency", "TrivializationScan", "scan_trivialization",
    "trivialization", "KernelArgs",
]


# --- jets of a field ---------------------------------------------------------------------------

def width_cancellation(fld: Field):
    """Decimal digits lost when ``xi''(1) - xi'(1)`` is formed as a difference, as the complexity
    kernels form it (the half-width of the bulk of ``mu``, a denominator of ``Sigma``; the same
    digits cancel in ``log xi''(1) - log xi'(1)``): ``log10(xi'(1) / (xi''(1) - xi'(1)))`` with
    both sides summed without cancellation, ``xi''(1) - xi'(1) = sum_n n (n - 2) c_n``.

    About ``-log10(Delta2)`` for a strong matrix channel (``Delta2 -> 0``); 0 when nothing
    cancels; ``inf`` when the difference vanishes (the matrix channel alone).  A float (or an
    array, for array coefficients); exact coefficients give the digits from their bit lengths.
    """
    terms = fld.xi.terms
    if all(isinstance(c, Fraction) for _, c in terms):
        slope = sum(n * c for n, c in terms)
        width = sum(n * (n - 2) * c for n, c in terms)
        if width <= 0:
            return float("inf")
        ratio = Fraction(slope) / width
        bits = ratio.numerator.bit_length() - ratio.denominator.bit_length()
        return max(0.0, (bits + 1) * 0.30102999566398120)
    lift = lambda c: float(c) if isinstance(c, Fraction) else c  # noqa: E731  (exact and float terms mixed)
    with np.errstate(all="ignore"):
        slope = sum(n * lift(c) for n, c in terms)
        width = sum(n * (n - 2) * lift(c) for n, c in terms)
        if np.ndim(width) == 0:  # scalar coefficients: no array to build
            if not width > 0:
                return float("inf")
            return max(float(np.log10(np.float64(slope) / np.float64(width))), 0.0)
        lost = np.log10(np.asarray(slope, dtype=np.float64) / np.asarray(width, dtype=np.float64))
    lost = np.where(np.asarray(width) > 0, np.maximum(lost, 0.0), np.inf)
    return float(lost) if lost.ndim == 0 else lost


@lru_cache(maxsize=None)
def _parse(name: str):
    """A kernel argument name as ``(polynomial, order, point)``: ``"d2g_m"`` is ``("g", 2, "m")``,
    ``"xi_1"`` is ``("xi", 0, 1)``; ``("det", 0, 1)`` for ``"det_1"``; None for a variable."""
    if name == "det_1":
        return "det", 0, 1
    if "_" not in name:
        return None
    head, point = name.rsplit("_", 1)
    func = head.lstrip("d0123456789")
    if func not in ("xi", "g"):
        return None
    order = head[: len(head) - len(func)].lstrip("d")
    k = 0 if head == func else (int(order) if order else 1)
    return func, k, point if point == "m" else int(point)


@lru_cache(maxsize=None)
def _kernel(name: str) -> tuple:
    """``(module, argument names, parsed jets)`` of the generated kernel ``name``, resolved once."""
    for module, numpy_module in (("kac_rice", KN), ("hessian", HN)):
        fn = getattr(numpy_module, name, None)
        if fn is not None:
            code = fn.__code__
            names = code.co_varnames[: code.co_argcount]
            return module, names, tuple(_parse(n) for n in names)
    raise KeyError(name)  # pragma: no cover


class KernelArgs:
    """The arguments of the jet kernels for one field, at the variables ``m, e, mu``, in one backend.

    ``args["dxi_1"]`` is ``xi'(1)``, ``args["d2g_m"]`` is ``g''(m)``, ``args["det_1"]`` the
    covariance determinant: each evaluated once, by the one jet evaluator
    (:class:`numerics.model.Jets`), in float64 (broadcasting) or in an mpmath backend.
    ``b`` is a :class:`numerics.backend.Backend` (an mpmath context, or None for float64, is
    still accepted).
    """

    def __init__(self, fld: Field, b=F64, **variables):
        self.field = fld
        self.backend = b = as_backend(b)
        self.jets = _model.Jets(fld, b)
        self._values = {k: v for k, v in variables.items() if v is not None}
        self._variables = tuple(self._values)
        self._shape = None if b.ctx is None else ()

    @property
    def shape(self) -> tuple:
        """The broadcast shape of the variables and the coefficients (``()`` for mpmath)."""
        if self._shape is None:
            self._shape = np.broadcast_shapes(*(np.shape(v) for v in self._values.values()),
                                              _model.coefficient_shape(self.field.xi),
                                              _model.coefficient_shape(self.field.g))
        return self._shape

    @property
    def ctx(self):
        """The mpmath context of the backend (None for float64)."""
        return self.backend.ctx

    def __getitem__(self, name: str):
        try:
            return self._values[name]
        except KeyError:
            pass
        value = self._jet(_parse(name))
        self._values[name] = value
        return value

    def _jet(self, parsed):
        func, k, point = parsed
        if func == "det":
            return self.jets.det()
        at = self._values["m"] if point == "m" else point
        return (self.jets.xi if func == "xi" else self.jets.g)(at, k)

    def block(self, shape: tuple, **variables) -> KernelArgs:
        """The arguments at other values of the variables, of broadcast ``shape`` with the
        coefficients, keeping the jets that do not depend on them (at 1, the determinant): one
        evaluation of those for all the blocks of :func:`_run`."""
        out = KernelArgs.__new__(KernelArgs)
        out.field, out.backend, out.jets, out._shape = self.field, self.backend, self.jets, shape
        out._values = {n: v for n, v in self._values.items() if n not in self._variables and _fixed(n)}
        out._values.update(variables)
        out._variables = tuple(variables)
        return out

    def __setitem__(self, name: str, value):
        """Give a variable (e.g. ``w``, computed from the others) to the kernels that take it."""
        self._values[name] = value

    def full(self, name: str):
        """The value broadcast to :attr:`shape` (numpy), scalars left as they are."""
        v = self[name]
        return np.broadcast_to(v, self.shape) if np.ndim(v) else v


#: The former name of :class:`KernelArgs`.
Jets = KernelArgs


@lru_cache(maxsize=None)
def _fixed(name: str) -> bool:
    """Whether the kernel argument ``name`` is a jet that does not depend on the variables."""
    parsed = _parse(name)
    return parsed is not None and parsed[2] != "m"


#: ``(kernel, argument names)`` per (kernel name, backend): resolved once.
_BOUND: dict = {}  # cleared past 4096 entries (backends of many precisions)


def _call(name: str, args: KernelArgs):
    """The generated kernel ``name`` on the whole of ``args``."""
    key = (name, args.backend)
    found = _BOUND.get(key)
    if found is None:
        if len(_BOUND) > 4096:
            _BOUND.clear()
        module, names, _ = _kernel(name)
        found = _BOUND[key] = (args.backend.kernel(module, name), names)
    fn, names = found
    return fn(*[args[a] for a in names])


def _piecewise(args: KernelArgs, branches):
    """``branches``: (condition, kernel name or constant); the conditions are disjoint and cover.

    mpmath (numbers): the first true branch.  float64: each kernel on the entries where its
    branch holds.
    """
    b = args.backend
    if b.ctx is not None:
        for cond, name in branches:
            if cond:
                return _call(name, args) if isinstance(name, str) else b.num(name)
        raise AssertionError("no branch holds")  # pragma: no cover
    shape = args.shape
    out = np.empty(shape)
    for cond, name in branches:
        mask = np.broadcast_to(np.asarray(cond, dtype=bool), shape)
        if not mask.any():
            continue
        if not isinstance(name, str):
            out[mask] = name
            continue
        if mask.all():
            out[...] = _call(name, args)
            continue
        module, names, _ = _kernel(name)
        fn = b.kernel(module, name)
        out[mask] = fn(*(args.full(a)[mask] if np.ndim(args[a]) else args[a] for a in names))
    return out[()] if shape == () else out


def _cond(args: KernelArgs, x):
    """A branch condition: a numpy boolean array, or an ``np.bool_`` for mpmath (so that ``&``,
    ``|`` and ``~`` mean the same on both backends)."""
    return np.asarray(x, dtype=bool) if args.backend.ctx is None else np.bool_(bool(x))


def _inputs(b, *values):
    """The variables in the backend: float64 (0-d as floats, else arrays), or mpf."""
    return [v if v is None else b.num(v) if np.ndim(v) == 0 else b.array(v) for v in values]


#: float64 evaluations on more entries than twice this (with scalar coefficients) run in blocks
#: of this many entries: the dozen temporaries of a generated kernel then stay in cache and below
#: the allocator's mmap threshold (128 KiB) instead of being mapped and faulted in afresh for every
#: operation (which made a 10^5-point Sigma_min cost twice its arithmetic).  Elementwise results
#: do not depend on the blocking.
BLOCK = 16000


def _run(body, fld: Field, b, **variables):
    """``body(KernelArgs(fld, b, **variables))``, the variables converted into the backend ``b``
    (float64: in blocks of :data:`BLOCK` entries along the flattened broadcast shape)."""
    b = as_backend(b)
    names = tuple(variables)
    values = _inputs(b, *variables.values())
    if b.ctx is None:
        shape = np.broadcast_shapes(*(np.shape(v) for v in values))
        size = int(np.prod(shape)) if shape else 1
        if size > 2 * BLOCK and all(np.ndim(c) == 0 for poly in (fld.xi, fld.g) for _, c in poly.terms):
            flat = [v if np.ndim(v) == 0 else np.broadcast_to(v, shape).ravel() for v in values]
            out = np.empty(size)
            args = KernelArgs(fld, b)
            for start in range(0, size, BLOCK):
                part = {n: v if np.ndim(v) == 0 else v[start:start + BLOCK] for n, v in zip(names, flat)}
                args = args.block((min(BLOCK, size - start),), **part)  # scalar coefficients: 1-d blocks
                out[start:start + BLOCK] = body(args)
            return out.reshape(shape)
    return body(KernelArgs(fld, b, **dict(zip(names, values))))


# --- the Hessian --------------------------------------------------------------------------------

def scale(fld: Field, b=F64):
    """``s = sqrt(xi''(1))``: the bulk of the Hessian is ``[mu - 2 s, mu + 2 s]``."""
    return _call("h_scale", KernelArgs(fld, b))


def theta(fld: Field, m, b=F64):
    """``theta(m) = g''(m) (1 - m**2)``, the rank-one strength along the signal."""
    return _run(lambda args: _call("h_theta", args), fld, b, m=m)


def outlier(fld: Field, m, mu, b=F64):
    """``mu - theta - s**2/theta`` (meaningful where ``theta > s``)."""
    return _run(lambda args: _call("h_outlier", args), fld, b, m=m, mu=mu)


# --- complexity ---------------------------------------------------------------------------------

def _bulk(args: KernelArgs):
    return _cond(args, args.backend.abs(args["mu"]) <= 2 * _call("h_scale", args))


def _sigma(args: KernelArgs):
    bulk = _bulk(args)
    return _piecewise(args, [(bulk, "kr_sigma_bulk"), (~bulk, "kr_sigma_outside")])


def sigma(fld: Field, m, e, mu, b=F64):
    """``Sigma(m, e, mu)`` (needs two channels or more: ``det_1 > 0``)."""
    return _run(_sigma, fld, b, m=m, e=e, mu=mu)


def _sigma_mu(args: KernelArgs):
    bulk = _bulk(args)
    return _piecewise(args, [(bulk, "kr_sigma_mu_bulk"), (~bulk, "kr_sigma_mu_outside")])


def sigma_mu(fld: Field, m, mu, b=F64):
    """``Sigma(m, mu)``: the energy maximised out."""
    return _run(_sigma_mu, fld, b, m=m, mu=mu)


def _max_branches(args: KernelArgs, center: str, halfwidth: str):
    c, h = _call(center, args), _call(halfwidth, args)
    return _cond(args, c > h), _cond(args, c < -h)


def _sigma_max(args: KernelArgs):
    right, left = _max_branches(args, "kr_center", "kr_halfwidth")
    return _piecewise(args, [(right, "kr_sigma_max_right"), (left, "kr_sigma_max_left"),
                             (~right & ~left, "kr_sigma_max_bulk")])


def sigma_max(fld: Field, m, b=F64):
    """``Sigma(m)``: ``Sigma(m, mu)`` maximised over ``mu`` (and the energy)."""
    return _run(_sigma_max, fld, b, m=m)


def _sigma_energy_max(args: KernelArgs):
    right, left = _max_branches(args, "kr_center_e", "kr_halfwidth_e")
    return _piecewise(args, [(right, "kr_sigma_e_max_right"), (left, "kr_sigma_e_max_left"),
                             (~right & ~left, "kr_sigma_e_max_bulk")])


def sigma_energy_max(fld: Field, m, e, b=F64):
    """``Sigma(m, e)``: ``Sigma(m, e, mu)`` maximised over ``mu`` at fixed energy (``det_1 > 0``)."""
    return _run(_sigma_energy_max, fld, b, m=m, e=e)


def _min_branches(args: KernelArgs):
    s = _call("h_scale", args)
    th = _call("h_theta", args)
    right, _ = _max_branches(args, "kr_center", "kr_halfwidth")
    w = _piecewise(args, [(right, "kr_w_star"), (~right, -np.inf)])
    free = right & _cond(args, w > (np.maximum(th, s) if args.backend.ctx is None else max(th, s)))
    out = ~free & _cond(args, th > s)
    return free, out, ~free & ~out


def _sigma_min(args: KernelArgs):
    w_star, th, s = _call("kr_w_star", args), _call("h_theta", args), _call("h_scale", args)
    if args.backend.ctx is not None:
        args["w"] = max(w_star, th, s)
    elif isinstance(w_star, np.ndarray) and w_star.shape == args.shape:  # a fresh array: reused
        args["w"] = np.maximum(np.maximum(w_star, th, out=w_star), s, out=w_star)
    else:
        args["w"] = np.maximum(np.maximum(w_star, th), s)
    return _call("kr_sigma_min_at_w", args)


def sigma_min(fld: Field, m, b=F64):
    """``Sigma_min(m)``: ``Sigma(m, mu)`` maximised over ``mu >= mu_min(m)`` (minima).

    ``Sigma`` is concave in ``mu`` above the bulk, so the maximiser is ``mu = w + s**2/w`` at
    ``w = max(w*, theta, s)`` (free, at the BBP bound, at the bulk edge): one kernel on every
    entry (``kr_sigma_min_at_w``, defined for all ``|m| < 1``), no masks.
    """
    return _run(_sigma_min, fld, b, m=m)


def _dsigma_min_dm(args: KernelArgs):
    free, out, edge = _min_branches(args)
    return _piecewise(args, [(free, "kr_dsigma_max_right_dm"), (out, "kr_dsigma_min_outlier_dm"),
                             (edge, "kr_dsigma_min_edge_dm")])


def dsigma_min_dm(fld: Field, m, b=F64):
    """``d Sigma_min / dm`` (continuous: the branches meet with equal slopes)."""
    return _run(_dsigma_min_dm, fld, b, m=m)


def threshold_energy(fld: Field, m, b=F64):
    """Definition (a): the energy at which the typical points at overlap ``m`` are marginal."""
    return _run(lambda args: _call("kr_threshold_energy", args), fld, b, m=m)


def isolated_condition(fld: Field, m, b=F64):
    """``g'(m)**2 (1 - m**2) - m**2 xi'(1)``: zero at the isolated stationary points."""
    return _run(lambda args: _call("kr_isolated_condition", args), fld, b, m=m)


def marginal_slope(fld: Field, m, b=F64):
    """``d Sigma(m, mu)/d mu`` at ``mu = 2 s``: negative iff the maximiser lies in the bulk."""
    return _run(lambda args: _call("kr_marginal_slope", args), fld, b, m=m)


# --- a matrix channel on top of tensor channels -----------------------------------------------

def with_matrix(tensors: Field, delta2, b=F64) -> Field:
    """``tensors`` plus a matrix channel of variance ``delta2`` (float, array or mpf) whose loss
    term is built with that same variance: ``xi`` and ``g`` both gain ``q**2/(2 delta2)``."""
    b = as_backend(b)
    coef = 1 / (2 * b.array(delta2))
    coef = b.num(coef) if np.ndim(coef) == 0 else coef
    g = Polynomial(((2, coef),) + tensors.g.terms)
    xi = g if tensors.bayes_optimal else Polynomial(((2, coef),) + tensors.xi.terms)
    variances = {2: delta2, **tensors.variances}
    assumed = None if tensors.assumed is None else {2: delta2, **tensors.assumed}
    return Field(xi=xi, g=g, bayes_optimal=tensors.bayes_optimal, orders=(2,) + tuple(tensors.orders),
                 variances=variances, assumed=assumed)


def gradient_flow_delta2(tensors: Field, b=F64):
    """``Delta2_GF = 2/(1 + sqrt(1 + 4 xi_T''(1)))``, ``xi_T`` the covariance of the tensor
    channels (derivations/thresholds.py): the matrix noise below which ``theta(0) > s``."""
    b = as_backend(b)
    return b.kernel("thresholds", "delta2_gf_channels")(_model.Jets(tensors, b).xi(1, 2))


# --- the trivialization threshold: mechanisms ---------------------------------------------------

#: Sigma_min above this counts as a band of minima on the scan grid (isolated points touch 0
#: up to rounding, about 1e-14 here).
BAND_TOL = 1e-12
_N_DELTA2 = 56
_N_M = 801
#: Isolated points closer to m = 0 than this are not told apart from the double root at 0.
_NEAR_ZERO = 0.05


def _describe(tensors: Field) -> str:
    if len(tensors.orders) == 1:
        (p,) = tensors.orders
        text = f"p={p}, Deltap={float(tensors.value(p))}"
    else:
        text = "tensor channels {" + ", ".join(f"{k}: {float(tensors.value(k)):.6g}" for k in tensors.orders) + "}"
    if tensors.assumed is not None:
        text += " (mismatched loss)"
    return text


@dataclass(frozen=True)
class Mechanism:
    """How the first band of spurious minima is born; :meth:`residual` changes sign at the
    threshold (negative below: no band; positive above)."""

    name = "mechanism"

    def residual(self, tensors: Field, delta2, b=F64):  # pragma: no cover - abstract
        raise NotImplementedError

    def birth(self, tensors: Field, delta2, b=F64):  # pragma: no cover - abstract
        """The overlap where the band is born at ``delta2`` (in the backend ``b``)."""
        raise NotImplementedError

    def near(self, m_star: float) -> Mechanism:
        """The same mechanism with its guess of the birth overlap moved to ``m_star``."""
        return self


@dataclass(frozen=True)
class Boundary(Mechanism):
    """With ``overlaps="positive"`` the band enters ``[0, 1)`` through ``m = 0``: ``Sigma_min(0) = 0``."""

    name = "boundary"

    def residual(self, tensors, delta2, b=F64):
        b = as_backend(b)
        return sigma_min(with_matrix(tensors, delta2, b), b.num(0), b)

    def birth(self, tensors, delta2, b=F64):
        return 0.0


@dataclass(frozen=True)
class Isolated(Mechanism):
    """An isolated stationary point (a root ``r`` of ``g'(m)**2 (1 - m**2) = m**2 xi'(1)``,
    where ``Sigma`` only touches 0) turns marginal: the maximiser of ``Sigma(r, mu)`` reaches the
    bulk edge, ``d Sigma/d mu (r, 2 s) = 0``; past it a band of minima grows out of the point,
    with ``Sigma_min`` of order ``(Delta2 - Delta2_T)**3``."""

    m_guess: float
    side: tuple = (-1.0 + 1e-9, -_NEAR_ZERO)
    name = "isolated"

    def birth(self, tensors, delta2, b=F64):
        b = as_backend(b)
        fld = with_matrix(tensors, delta2, b)
        what = f"trivialization: isolated overlap near m={self.m_guess:.6f} ({_describe(tensors)})"
        if b.ctx is None:
            grid = solvers.grid(*self.side, 401)
            f = isolated_condition(fld, grid)
            (idx,) = sign_changes(f)
            if not idx.size:
                raise ConvergenceError(f"{what}: lost at Delta2={float(delta2):.12g}, dps=None")
            i = idx[np.argmin(np.abs(grid[idx] - self.m_guess))]
            return solvers.brentq(lambda x: float(isolated_condition(fld, x)), grid[i], grid[i + 1], what=what)
        return grow_bracket(b, lambda x: isolated_condition(fld, x, b), self.m_guess, 1e-6, what, limit=0.1).value

    def residual(self, tensors, delta2, b=F64):
        b = as_backend(b)
        r = self.birth(tensors, delta2, b)
        return -marginal_slope(with_matrix(tensors, delta2, b), r, b)

    def near(self, m_star):
        return dataclasses.replace(self, m_guess=float(m_star))


class _OffCentre(ConvergenceError):
    def __init__(self, message, x):
        super().__init__(message)
        self.x = x


@dataclass(frozen=True)
class Tangency(Mechanism):
    """A local maximum of ``Sigma_min`` in ``m`` crosses 0: ``Sigma_min = 0 = d Sigma_min/dm``."""

    m_guess: float
    low: float = 0.0
    name = "tangency"

    def _window(self, fld):
        # keep clear of the isolated points, where Sigma_min touches 0 (and rounding decides its sign)
        half = 0.06
        lo, hi = max(self.low, self.m_guess - half), min(1 - 1e-9, self.m_guess + half)
        grid = solvers.grid(lo, hi, 241)
        (idx,) = sign_changes(isolated_condition(fld, grid))
        for i in idx:
            r = 0.5 * (grid[i] + grid[i + 1])
            if abs(r) < 1e-3:
                continue
            if r < self.m_guess:
                lo = max(lo, r + 0.3 * (self.m_guess - r))
            else:
                hi = min(hi, r - 0.3 * (r - self.m_guess))
        return lo, hi

    def _local_max(self, fld, n=161):
        lo, hi = self._window(fld)
        grid = solvers.grid(lo, hi, n)
        v = sigma_min(fld, grid)
        i = int(np.argmax(v))
        if 0 < i < n - 1:
            g0, g1 = dsigma_min_dm(fld, grid[i - 1]), dsigma_min_dm(fld, grid[i + 1])
            if g0 > 0 > g1:
                x = solvers.brentq(lambda t: float(dsigma_min_dm(fld, t)), grid[i - 1], grid[i + 1],
                                   what="trivialization: maximiser of Sigma_min")
                return float(sigma_min(fld, x)), x, (lo, hi)
        return float(v[i]), float(grid[i]), (lo, hi)

    def birth(self, tensors, delta2, b=F64):
        b = as_backend(b)
        fld = with_matrix(tensors, delta2, b)
        if b.ctx is None:
            _, x, (lo, hi) = self._local_max(fld)
            if not lo < x < hi:
                raise _OffCentre(f"trivialization ({_describe(tensors)}): the maximum of Sigma_min near "
                                 f"m={self.m_guess:.4f} is not an interior tangency at Delta2={float(delta2)} "
                                 f"(bracket [{lo:.6g}, {hi:.6g}] in m), dps=None", x)
            return x
        what = f"trivialization: maximiser near m={self.m_guess:.6f} at Delta2={b.show(delta2, 10)}"
        return grow_bracket(b, lambda t: dsigma_min_dm(fld, t, b), self.m_guess, 1e-6, what,
                            limit=0.05, sign=+1).value

    def residual(self, tensors, delta2, b=F64):
        b = as_backend(b)
        if b.ctx is None:
            return self._local_max(with_matrix(tensors, delta2))[0]
        fld = with_matrix(tensors, delta2, b)
        return sigma_min(fld, self.birth(tensors, delta2, b), b)

    def near(self, m_star):
        return dataclasses.replace(self, m_guess=float(m_star))


@dataclass(frozen=True)
class TrivializationScan:
    """Where the first band of spurious minima is born (float64 scan and solve).

    Attributes
    ----------
    mechanism : Mechanism
        How the band is born, with its guess of the birth overlap (see the module docstring).
    delta2_bracket : tuple of float
        Grid values of Delta2 around the birth (no band below, a band above).
    m_peak : float
        Overlap where Sigma_min peaks at the upper end of the bracket.
    value : float
        The threshold solved in float64.
    m_star : float
        Overlap of the birth at the threshold (maximiser, 0, or isolated overlap).
    """

    mechanism: Mechanism
    delta2_bracket: tuple
    m_peak: float
    value: float
    m_star: float


def _m_grid(overlaps: str) -> np.ndarray:
    if overlaps == "positive":
        return solvers.grid(0.0, 1.0, _N_M - 1, endpoint=False)
    return solvers.grid(-1.0, 1.0, 2 * _N_M - 1)[1:-1]


def _first_marginal_isolated(tensors, d2s, ms):
    """First grid index where an isolated point (a root of the isolated condition, at negative
    overlap away from 0) has its maximiser in the bulk (``d Sigma/d mu < 0`` at ``2 s``) and no
    BBP outlier (so that what grows out of it are minima); with the overlap of that point."""
    for k, d2 in enumerate(d2s):
        fld = with_matrix(tensors, float(d2))
        f = isolated_condition(fld, ms)
        (idx,) = sign_changes(f)
        if not idx.size:
            continue
        f0, f1 = f[idx], f[idx + 1]
        r = ms[idx] - f0 * (ms[idx + 1] - ms[idx]) / (f1 - f0)
        r = r[r < -_NEAR_ZERO]
        if not r.size:
            continue
        slope = marginal_slope(fld, r)
        gap = theta(fld, r) - scale(fld)
        born = (slope < 0) & (gap <= 0)
        if born.any():
            return k, float(r[np.argmax(born)])
    return None, None


def _key(tensors: Field) -> tuple:
    variances = tuple((k, float(tensors.value(k))) for k in tensors.orders)
    assumed = None if tensors.assumed is None else tuple((k, float(tensors.assumed[k])) for k in tensors.orders)
    return variances, assumed


def _field_of(key) -> Field:
    variances, assumed = key
    return field(dict(variances), None if assumed is None else dict(assumed))


def scan_trivialization(tensors: Field, overlaps: str = "positive") -> TrivializationScan:
    """Scan, classify and solve in float64 (cached by the float64 variances)."""
    return _scan(_key(tensors), overlaps)


@lru_cache(maxsize=4096)
def _scan(key, overlaps: str) -> TrivializationScan:
    tensors = _field_of(key)
    has_mirror = any(k % 2 for k in tensors.orders)  # an odd channel: no m -> -m symmetry
    gf = float(gradient_flow_delta2(tensors))
    d2s = solvers.grid(gf / 50, 2 * gf, _N_DELTA2, geometric=True)
    ms = _m_grid(overlaps)
    vals = sigma_min(with_matrix(tensors, d2s[:, None]), ms[None, :])
    band = (vals > BAND_TOL).any(axis=1)
    if band[0] or not band.any():
        where = "already at" if band[0] else "nowhere up to"
        raise ConvergenceError(f"trivialization ({_describe(tensors)}): bands of minima {where} Delta2="
                               f"{d2s[0] if band[0] else d2s[-1]:.6g}; bracket [{d2s[0]:.6g}, {d2s[-1]:.6g}], "
                               f"dps=None")
    j = int(np.argmax(band))
    row = vals[j]
    m_peak = float(ms[int(np.argmax(row))])
    low = 0.0 if overlaps == "positive" else -1.0 + 1e-9
    candidates = []
    if overlaps == "positive" and np.argmax(row) == 0:
        candidates.append((Boundary(), j, 0.0))
    else:
        iso = Isolated(m_peak, (low, -_NEAR_ZERO))
        try:
            r = iso.birth(tensors, d2s[j]) if has_mirror and m_peak < -_NEAR_ZERO else None
        except ConvergenceError:
            r = None
        if r is not None and abs(r - m_peak) < 0.02:
            candidates.append((iso.near(r), j, r))
        else:
            candidates.append((Tangency(m_peak, low), j, m_peak))
    # A band born at an isolated point grows like (Delta2 - Delta2_T)**3 and may stay below
    # BAND_TOL for a grid step or more: look for the isolated points turning marginal directly.
    # Only a mirror point (some odd order) counts: for even orders only, -x* is as good as x*.
    if overlaps == "all" and has_mirror and candidates[0][0].name != "isolated":
        k_iso, r_iso = _first_marginal_isolated(tensors, d2s[: j + 1], ms)
        if k_iso is not None:
            candidates.append((Isolated(r_iso, (low, -_NEAR_ZERO)), k_iso, r_iso))
    results, errors = [], []
    for mech, idx, m0 in candidates:
        try:
            results.append(_solve_mechanism(mech, tensors, d2s, idx, m0))
        except ConvergenceError as exc:
            errors.append(exc)
    if not results:
        raise errors[0]
    return min(results, key=lambda r: r.value)


def _solve_mechanism(mech, tensors, d2s, j, m_peak) -> TrivializationScan:
    if mech.name != "tangency":
        return _solve_once(mech, tensors, d2s, j, m_peak)
    # the peak seen on the grid may sit off the point where the band is born: follow the
    # maximum (re-centre the window on where it went) until it is an interior tangency
    for _ in range(6):
        try:
            return _solve_once(mech.near(m_peak), tensors, d2s, j, m_peak)
        except _OffCentre as exc:
            m_peak = exc.x
    raise ConvergenceError(f"trivialization ({_describe(tensors)}): no interior tangency found near "
                           f"m={m_peak:.4f} between Delta2={d2s[max(j - 1, 0)]:.6g} and {d2s[j]:.6g}, dps=None")


def _solve_once(mech, tensors, d2s, j, m_peak) -> TrivializationScan:
    d_hi = d2s[j]
    f_hi = mech.residual(tensors, d_hi)
    # down the scan's grid to the last point where the residual is not positive (or off its start)
    lo_idx = solvers.walk(j - 1, lambda i: i - 1, lambda i: i < 0 or mech.residual(tensors, d2s[i]) <= 0,
                          max_steps=j + 1, what=f"trivialization ({mech.name}, {_describe(tensors)})")
    if lo_idx < 0 or f_hi <= 0:
        raise ConvergenceError(f"trivialization ({_describe(tensors)}): no sign change of the {mech.name} "
                               f"condition on the bracket [{d2s[max(lo_idx, 0)]:.6g}, {d_hi:.6g}], dps=None")
    a, b = d2s[lo_idx], d2s[lo_idx + 1]
    what = f"trivialization ({mech.name}, {_describe(tensors)})"
    value = solvers.brentq(lambda d2: float(mech.residual(tensors, d2)), a, b, what=what, xtol=1e-16, rtol=1e-15)
    m_star = float(mech.birth(tensors, value))
    return TrivializationScan(mech.near(m_star), (float(a), float(b)), float(m_peak), float(value), m_star)


def trivialization(b, tensors: Field, overlaps: str = "positive") -> Root:
    """The threshold in the backend ``b`` as a :class:`~numerics.solvers.Root`.

    float64 (:data:`~numerics.backend.F64`): for every entry of the (possibly array) variances
    of ``tensors``, scanned and solved one point at a time (the value an array, no bracket).
    An mpmath backend: bracketed and solved in mpmath around the float64 solution (``tensors``
    with exact variances, converted in the backend's context).
    """
    b = as_backend(b)
    if b.ctx is None:
        return Root(_trivialization_points(tensors, overlaps), None)
    scan = scan_trivialization(tensors, overlaps)
    mech = scan.mechanism
    what = f"trivialization ({mech.name}, {_describe(tensors)})"
    return grow_bracket(b, lambda d2: mech.residual(tensors, d2, b), scan.value, 1e-9 * scan.value, what,
                        limit=scan.delta2_bracket)


def _trivialization_points(tensors: Field, overlaps: str):
    """The float64 threshold for every entry of the variances of ``tensors``."""
    orders = tensors.orders
    arrays = [np.asarray(tensors.variances[k], dtype=np.float64) for k in orders]
    if tensors.assumed is not None:
        arrays += [np.asarray(tensors.assumed[k], dtype=np.float64) for k in orders]
    arrays = np.broadcast_arrays(*arrays)
    out = np.empty(arrays[0].shape)
    n = len(orders)
    for idx in np.ndindex(out.shape):
        values = [float(a[idx]) for a in arrays]
        assumed = None if tensors.assumed is None else dict(zip(orders, values[n:]))
        out[idx] = _scan(_key(field(dict(zip(orders, values[:n])), assumed)), overlaps).value
    return out[()] if out.shape == () else out
