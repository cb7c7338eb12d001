"""The Langevin threshold at temperature ``0 <= T <= 1`` for any tensor channels (derivations/langevin.py).

A run of Langevin dynamics at temperature T started at ``m0 -> 0+`` ages in the marginal
states of the ``m = 0`` sector (plateau ``q``, ``(1 - q)**2 xi''(q) = T**2``) and escapes towards
the signal iff their BBP condition ``g''(0) > T/(1 - q)`` holds.  With a matrix channel of
variance ``Delta2`` (its loss built with that variance) the threshold solves::

    r(Delta2) = 1 - Delta2 - Delta2**2 xi_T''(1 - T Delta2) = 0

(``xi_T``: the covariance of the tensor channels alone); ``r > 0`` is the escape side.  At
``T = 0`` it is the gradient-flow threshold of arXiv:1907.08226; at ``T = 1`` the root
``Delta2 = 1`` (plateau ``q = 0``) is always there, and it is the threshold when no smaller root
exists (then Langevin matches Bayes-optimal AMP, whose threshold is ``Delta2 = 1`` for p = 3).

Protocol: the sign change of ``r`` is found on a float64 grid of ``(0, 1]`` (extended down to
half the gradient-flow threshold, below which ``r > 0``, for strong tensor channels); the first
one (the largest Delta2 below which every run escapes) is solved by a bracketing solver, in
float64 or in an mpmath context, in the variable ``Delta2/a`` (``a`` the bracket's lower end) so
that the solver's tolerance is relative.  Then the plateau at the root is checked to be the only root of the
marginality condition in ``(0, 1)`` (otherwise the aging plateau, hence the criterion, is
ambiguous and :class:`AmbiguousPlateau` is raised).  Nothing here imports :mod:`theory`.

Status against the dynamics (short DMFT runs, p = 3, Deltap = 1, T = 1, t <= 400): a run stuck at
``m = 0`` has a late multiplier ``mu(t)`` that extrapolates to the marginal-aging value of
:func:`aging_state` within 0.1% (tests/numerics/test_langevin_line.py), which confirms the aging
plateau the criterion rests on.  The escape rate of ``m``, extrapolated in time
(``lambda_inf + A t**-g``), changes sign between Delta2 = 0.60 and 0.65, below the predicted
0.7071; but the same fits give ``lambda_inf ~ -0.0025`` at Delta2 = 0.70-0.75, where the true
limit cannot be negative (the aging memory keeps ``m`` from decaying exponentially), so at these
times the rate is not resolved better than that bias; longer runs must settle it.

References
----------
arXiv:1812.09066 (Langevin in the spiked matrix-tensor model: its abstract states that the
Langevin threshold is sub-optimal with respect to AMP because of residual glassiness and
presents "a simple heuristic expression of the transition line"; its text and figures were not
available here, so the line is not compared with the paper's numbers); arXiv:1907.08226, section 4.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import mpmath
import numpy as np

from numerics._generated import langevin_numpy as KN
from numerics.backend import F64
from numerics.model import Field, Jets, as_backend, convert, field
from numerics import solvers
from numerics.solvers import ConvergenceError, Root, root, sign_changes

__all__ = ["AmbiguousPlateau", "LangevinLine", "ROUNDING", "aging_state", "delta2_grid", "escape_set", "evaluate",
           "residual", "threshold"]

#: A float64 residual within this of 0 at a grid point is rounding, its sign not trusted: near a
#: root its two terms, ``1 - Delta2`` and ``Delta2**2 xi_T''``, are at most 1, so rounding leaves
#: ``~1e-16``; a root on a grid point (``Delta2 = 0.5`` of ``{3: 1, 5: 1/2}`` at T = 1) has a
#: residual there of either sign at a higher precision.
ROUNDING = 1e-12


class AmbiguousPlateau(ValueError):
    """The marginality condition has several roots in ``(0, 1)`` at the threshold: which plateau an
    aging run reaches is not decided by this criterion (mixtures with strong high-order channels)."""


@dataclass(frozen=True)
class LangevinLine:
    """The Langevin threshold at one temperature, with what certifies it.

    Attributes
    ----------
    delta2 : float or mpmath.mpf
        The threshold: runs escape towards the signal for ``Delta2 < delta2``.
    temperature : float or Fraction
        The temperature asked for.
    plateau : float or mpmath.mpf
        ``q = 1 - T delta2``, the plateau of the marginal aging states at the threshold
        (0 on the paramagnetic branch, 1 at T = 0).
    fdt_ratio : float, mpmath.mpf or None
        One-step fluctuation-dissipation ratio ``x`` of those states (0 at T = 0; None on the
        paramagnetic branch, where there is no aging).
    branch : str
        ``"aging"`` (a root of the residual with a plateau ``q > 0``) or ``"paramagnet"``
        (T = 1 and no smaller root: ``delta2 = 1``, ``q -> 0``).
    bracket : tuple or None
        The sign-change bracket the root was solved on (None on the paramagnetic branch).
    crossings : int
        Sign changes of the residual on the float64 grid of ``(0, 1)``; more than one means the
        escape region is not an interval (``delta2`` is the first crossing).
    dps : int or None
        Working precision of the solve (None: float64).
    """

    delta2: Any
    temperature: Any
    plateau: Any
    fdt_ratio: Any
    branch: str
    bracket: tuple | None
    crossings: int
    dps: int | None = None

    def __float__(self) -> float:
        return float(self.delta2)

    def __repr__(self) -> str:
        digits = self.dps or 12
        show = lambda v: "None" if v is None else mpmath.nstr(mpmath.mpf(v), digits)  # noqa: E731
        return (f"LangevinLine(T={self.temperature}: Delta2 = {show(self.delta2)}, plateau q = "
                f"{show(self.plateau)}, x = {show(self.fdt_ratio)}, branch={self.branch!r}, "
                f"crossings={self.crossings}, dps={self.dps})")


def delta2_grid() -> np.ndarray:
    """``Delta2`` in ``(0, 1)``: geometric towards 0 (to 1e-12) and towards 1 (to ``1 - 1e-7``: at
    T = 1 the residual is ``O(1 - Delta2)`` there while float64 rounding leaves ``~1e-16``)."""
    return solvers.grid(1e-12, 1.0, 400, geometric_low=(1e-2, 60), geometric_high=(1e-2, 1e-7, 40))


def _grid(tensors: Field) -> np.ndarray:
    """:func:`delta2_grid`, extended geometrically down to half the gradient-flow threshold when
    that lies below the grid (strong tensor channels, e.g. Deltap = 1e-300 at p = 3: Delta2 ~ 1e-150).

    The residual is positive below the gradient-flow threshold ``Delta2_GF`` at every T: ``xi_T''``
    increases, so ``r(Delta2) >= 1 - Delta2 - Delta2**2 xi_T''(1)``, whose root is ``Delta2_GF``.
    """
    grid = delta2_grid()
    with np.errstate(all="ignore"):
        low = 0.5 * float(F64.kernel("thresholds", "delta2_gf_channels")(float(Jets(tensors).xi(1.0, 2))))
    if np.isfinite(low) and 0 < low < grid[0]:
        points = int(np.ceil(8 * np.log10(grid[0] / low)))  # 8 a decade, as the grid's own head
        grid = np.concatenate([solvers.grid(low, grid[0], max(points, 2), geometric=True, endpoint=False), grid])
    return grid


def _temperature(temperature):
    """The temperature as given (int/Fraction/float), checked to lie in ``[0, 1]``."""
    if isinstance(temperature, bool) or not isinstance(temperature, (int, float, Fraction, np.floating, np.integer)):
        raise ValueError(f"temperature must be a real number in [0, 1], got {temperature!r}")
    if not (math.isfinite(float(temperature)) and 0 <= temperature <= 1):
        raise ValueError(f"temperature must lie in [0, 1] (the line is derived where the m = 0 sector ages at the "
                         f"threshold; above 1 its dynamical transition would have to be located first), got {temperature!r}")
    return Fraction(temperature) if isinstance(temperature, (int, np.integer)) else temperature


def _check_tensors(tensors: Field) -> None:
    if not isinstance(tensors, Field):
        raise ValueError(f"tensors must be a numerics.model.Field of the tensor channels, got {type(tensors).__name__}")
    if not tensors.orders or min(tensors.orders) < 3:
        raise ValueError(f"tensors must hold tensor channels only (orders >= 3; the matrix channel is the unknown "
                         f"Delta2), got orders {tensors.orders}")


def _to(b, v):
    """A temperature in the backend ``b``: a float, or a number of ``b`` (exact inputs rounded once)."""
    b = as_backend(b)
    return float(v) if b.ctx is None else convert(v, b)


def residual(tensors: Field, delta2, temperature=1, b=F64):
    """``1 - Delta2 - Delta2**2 xi_T''(1 - T Delta2)``: positive where runs escape (in the
    backend ``b``: float64 broadcasting, or an mpmath backend)."""
    b = as_backend(b)
    t = _to(b, temperature)
    d2 = b.array(delta2)
    kernel = lambda name: b.kernel("langevin", name)  # noqa: E731
    return kernel("langevin_residual")(d2, Jets(tensors, b).xi(kernel("langevin_plateau")(d2, t), 2))


def threshold(tensors: Field, temperature=1, b=F64) -> LangevinLine:
    """The Langevin threshold ``Delta2`` at ``temperature`` for the tensor channels ``tensors``.

    Parameters
    ----------
    tensors : numerics.model.Field
        The tensor channels alone (orders >= 3, any assumed variances); scalar variances.
    temperature : float or Fraction
        ``0 <= T <= 1``; 1 is the Bayes-optimal temperature.
    b : numerics.backend.Backend
        :data:`~numerics.backend.F64` (default) or ``MP(dps)``: where the root is solved (and
        the checks run); an mpmath context, or None for float64, is still accepted.

    Returns
    -------
    LangevinLine

    Raises
    ------
    ValueError
        ``temperature`` outside ``[0, 1]``, or ``tensors`` not tensor channels.
    AmbiguousPlateau
        The marginality condition has several roots in ``(0, 1)`` at the threshold.
    ConvergenceError
        No sign change where one must be, or the solver did not converge.

    Examples
    --------
    >>> from numerics.model import field
    >>> round(threshold(field({3: 1.0})).delta2, 12)  # sqrt(1/2)
    0.707106781187
    >>> threshold(field({3: 4.0})).branch  # Deltap >= 2: the threshold of AMP, Delta2 = 1
    'paramagnet'
    >>> threshold(field({3: 1.0}), temperature=2)
    Traceback (most recent call last):
    ...
    ValueError: temperature must lie in [0, 1] (the line is derived where the m = 0 sector ages at the threshold; above 1 its dynamical transition would have to be located first), got 2
    """
    b = as_backend(b)
    _check_tensors(tensors)
    temperature = _temperature(temperature)
    grid = _grid(tensors)
    with np.errstate(all="ignore"):
        values = residual(tensors, grid, temperature)
    if not np.all(np.isfinite(values)):
        raise ConvergenceError(f"Langevin threshold at T={temperature}, orders {tensors.orders}: the residual is not "
                               f"finite on the float64 grid of (0, 1), dps={b.dps}")
    if not values[0] > 0:
        raise ConvergenceError(f"Langevin threshold at T={temperature}, orders {tensors.orders}: the residual is not "
                               f"positive at Delta2 = {grid[0]:.3g} (the threshold is below the grid)")
    brackets = _brackets(grid, values)
    crossings = len(brackets)
    what = f"Langevin threshold at T={temperature}, orders {tensors.orders}, variances {tensors.variances}"
    dps = b.dps
    if crossings:
        lo, hi, rising = brackets[0]  # the first sign change (the residual is positive below it)
        if rising:
            raise ConvergenceError(f"{what}: the residual is within rounding of 0 up to its first sign change "
                                   f"at Delta2 ~ {lo:.6g} (not positive below it), dps={dps}")
    elif temperature < 1:
        # r(1) = -xi_T''(1 - T) < 0: the last sign change lies in [grid[-1], 1]
        lo, hi = grid[-1], 1.0
    else:  # T = 1: r(1) = 0; the threshold is 1 iff r > 0 just below it (slope at 1 not positive)
        jets = Jets(tensors)
        slope = KN.langevin_residual_slope(1.0, 1.0, float(jets.xi(0.0, 2)), float(jets.xi(0.0, 3)))
        if slope > 0:
            raise ConvergenceError(f"{what}: r < 0 just below Delta2 = 1 but no sign change on the grid of (0, 1) "
                                   f"(a root in [{grid[-1]:.12g}, 1) was not resolved), dps={dps}")
        one = b.num(1)
        return LangevinLine(_export(b, one), temperature, _export(b, one - one), None, "paramagnet", None, 0, dps)
    value, bracket = _solve(tensors, temperature, b, lo, hi, what)
    t = _to(b, temperature)
    plateau = b.kernel("langevin", "langevin_plateau")(value, t)
    _check_plateau(tensors, float(value), float(temperature), what)
    if temperature == 0:
        x = b.num(0)
    else:
        x = b.kernel("langevin", "langevin_fdt_ratio")(value, t, Jets(tensors, b).xi(plateau, 1))
    return LangevinLine(_export(b, value), temperature, _export(b, plateau), _export(b, x), "aging",
                        tuple(_export(b, v) for v in bracket), crossings, dps)


def _brackets(grid: np.ndarray, values: np.ndarray) -> list:
    """The sign changes of the residual on the grid, as ``(lo, hi, rising)``: between
    consecutive grid points whose residual is clearly signed (beyond :data:`ROUNDING`).  A
    point within rounding of 0 (a root on a grid point, whose sign a higher precision may
    give either way) is passed over, so that its bracket widens to the next grid point."""
    clear = np.flatnonzero(np.abs(values) > ROUNDING)
    signs = np.sign(values[clear])
    return [(float(grid[clear[j]]), float(grid[clear[j + 1]]), bool(signs[j] < 0))
            for j in np.flatnonzero(signs[:-1] != signs[1:])]


def _solve(tensors: Field, temperature, b, lo: float, hi: float, what: str):
    """The root of the residual on the float bracket ``[lo, hi]`` in the backend ``b``:
    ``(value, bracket)``.  Solved in ``u = Delta2/lo`` on ``[1, hi/lo]``: the solvers' absolute
    floor (1e-15 in float64) is then relative to the root, also for a threshold ~1e-150
    (Deltap = 1e-300 at p = 3)."""
    scale = b.num(lo)
    found = root(b, lambda u: residual(tensors, u * scale, temperature, b), 1, b.num(hi) / scale, what=what)
    return found.value * scale, tuple(x * scale for x in found.bracket)


def escape_set(tensors: Field, temperature=1, b=F64) -> tuple:
    """The ``Delta2`` in ``(0, 1]`` where Langevin runs at ``temperature`` escape (``r > 0``):
    a tuple of intervals ``(lo, hi)``, the first from 0 (``r(0+) = 1``).

    Its first interval ends at :func:`threshold`; more than one interval means the line is
    re-entrant: runs escape again above a second root (p = 4 at T = 1 for Deltap < 4/9, e.g.
    Deltap = 0.4: ``(0, 0.5361)`` and ``(0.7819, 1)``).  Every end is a root solved in the
    backend ``b`` and its plateau checked (:class:`AmbiguousPlateau`); at T = 1 an interval
    open up to the grid's end ends at 1 (the paramagnet, ``r(1) = 0``).  Not certified here:
    :func:`theory.threshold` (``full_output=True``) certifies the ends at ``dps``.

    Examples
    --------
    >>> from numerics.model import field
    >>> [tuple(round(x, 4) for x in i) for i in escape_set(field({4: 0.4}))]
    [(0.0, 0.5361), (0.7819, 1.0)]
    >>> [tuple(round(x, 4) for x in i) for i in escape_set(field({3: 1.0}))]  # one interval
    [(0.0, 0.7071)]
    """
    b = as_backend(b)
    _check_tensors(tensors)
    temperature = _temperature(temperature)
    grid = _grid(tensors)
    with np.errstate(all="ignore"):
        values = residual(tensors, grid, temperature)
    what = f"Langevin escape set at T={temperature}, orders {tensors.orders}, variances {tensors.variances}"
    dps = b.dps
    if not (np.all(np.isfinite(values)) and values[0] > ROUNDING):
        raise ConvergenceError(f"{what}: the residual is not finite, or not positive at Delta2 = {grid[0]:.3g}, "
                               f"on the float64 grid of (0, 1), dps={dps}")
    intervals, start = [], b.num(0)
    for lo, hi, rising in _brackets(grid, values):
        end, _ = _solve(tensors, temperature, b, lo, hi, what)
        _check_plateau(tensors, float(end), float(temperature), what)
        if rising:
            start = end
        else:
            intervals.append((start, end))
            start = None
    if start is not None:  # positive up to the grid's end
        if temperature < 1:  # r(1) = -xi_T''(1 - T) < 0: a last root in [grid[-1], 1]
            end, _ = _solve(tensors, temperature, b, float(grid[-1]), 1.0, what)
            _check_plateau(tensors, float(end), float(temperature), what)
        else:  # T = 1: positive up to the paramagnet's r(1) = 0
            end = b.num(1)
        intervals.append((start, end))
    elif temperature == 1:  # negative at the grid's end: r(1) = 0 must be approached from below
        jets = Jets(tensors)
        slope = KN.langevin_residual_slope(1.0, 1.0, float(jets.xi(0.0, 2)), float(jets.xi(0.0, 3)))
        if not slope > 0:
            raise ConvergenceError(f"{what}: r < 0 at Delta2 = {grid[-1]:.12g} but not rising to r(1) = 0 "
                                   f"(a root in [{grid[-1]:.12g}, 1) was not resolved), dps={dps}")
    return tuple((_export(b, lo), _export(b, hi)) for lo, hi in intervals)


def _q_grid() -> np.ndarray:
    """Plateaus ``q`` in ``[0, 1)``: 0 itself (where the marginality condition is ``1/Delta2 - T**2``,
    positive at an aging threshold, also when the plateau ``1 - T Delta2`` is below 1e-9 as T -> 1),
    then geometric towards 0 and towards 1."""
    return np.concatenate([[0.0], solvers.grid(1e-9, 1.0, 300, geometric_low=(1e-2, 40),
                                               geometric_high=(1e-2, 1e-9, 40))])


def _check_plateau(tensors: Field, delta2: float, temperature: float, what: str) -> None:
    """Raise :class:`AmbiguousPlateau` unless ``(1 - q)**2 xi''(q) = T**2`` has one root in (0, 1)."""
    if temperature == 0:
        return  # the plateau is q = 1, the only zero of (1 - q)**2 xi''(q) with xi'' > 0
    qs = _q_grid()
    values = KN.langevin_marginality(qs, delta2, temperature, Jets(tensors).xi(qs, 2))
    # at q = 1 the condition reads -T**2 < 0 exactly: its sign is known even where the root,
    # 1 - q ~ T Delta2, lies beyond the grid's last point 1 - 1e-9 (T below ~1e-8), and between
    # that point and 1 (1 - q)**2 xi''(q) decreases, so it holds at most one root there
    count = sign_changes(np.append(values[values != 0], -1.0))[0].size
    if count != 1:
        raise AmbiguousPlateau(f"{what}: at Delta2 = {delta2:.12g} the marginality condition (1 - q)^2 xi''(q) = T^2 "
                               f"has {count} roots in (0, 1), so the plateau of the aging states is ambiguous")


def aging_state(tensors: Field, delta2: float, temperature: float = 1.0) -> tuple[float, float]:
    """``(q, mu)`` of a run aging at ``m = 0`` (float64): the marginal plateau and the late-time multiplier.

    ``q`` is the root in ``(0, 1)`` of ``(1 - q)**2 xi''(q) = T**2`` (with the matrix channel of
    variance ``delta2``), ``mu = T/(1 - q) + (xi'(1) - xi'(q))/T``: what a DMFT run that stays at
    ``m = 0`` approaches (the paramagnet would give ``mu = T + xi'(1)/T`` instead).  Needs
    ``0 < T <= 1`` and ``1/delta2 > T**2`` (an unstable paramagnet: the run must age).

    Raises
    ------
    ValueError
        Outside that range; :class:`AmbiguousPlateau` if the plateau condition has several roots.
    """
    _check_tensors(tensors)
    temperature = float(_temperature(temperature))
    if not (temperature > 0 and 0 < delta2 < 1 / temperature**2):
        raise ValueError(f"delta2 must lie in (0, 1/T**2) and T in (0, 1] for the m = 0 sector to age, "
                         f"got delta2={delta2!r}, T={temperature!r}")
    what = f"aging plateau at T={temperature}, Delta2={delta2}, orders {tensors.orders}"
    _check_plateau(tensors, delta2, temperature, what)
    qs = _q_grid()
    jets = Jets(tensors)
    values = KN.langevin_marginality(qs, delta2, temperature, jets.xi(qs, 2))
    f = lambda x: float(KN.langevin_marginality(x, delta2, temperature, jets.xi(x, 2)))  # noqa: E731
    if (values <= 0).any():
        i = int(np.argmax(values <= 0))
        a, b = (qs[i - 1] if i else 0.0), qs[i]
    else:  # the root lies beyond the grid, in (1 - 1e-9, 1): the condition is -T**2 at q = 1
        a, b = qs[-1], 1.0
    q = root(F64, f, a, b, what=what).value
    mu = KN.langevin_aging_mu(q, delta2, temperature, jets.xi(1.0, 1), jets.xi(q, 1))
    return q, float(mu)


def _export(b, v):
    """A float, or an mpf of the global context holding the exact binary value (it pickles)."""
    if b.ctx is None:
        return float(v)
    return mpmath.mp.make_mpf(b.num(v)._mpf_)


# --- the ThresholdKind interface of theory/_thresholds.py -----------------------------------------

def evaluate(b, tensors: Field, temperature=1) -> Root:
    """The threshold in the backend ``b`` as a :class:`~numerics.solvers.Root`: float64 with the
    broadcast shape of the variances of ``tensors`` (one solve a point, no bracket), or in an
    mpmath backend with its bracket."""
    b = as_backend(b)
    if b.ctx is not None:
        line = threshold(tensors, temperature, b)
        return Root(b.num(line.delta2), None if line.bracket is None else tuple(b.num(x) for x in line.bracket))
    shape = np.broadcast_shapes(*(np.shape(v) for v in tensors.variances.values()))
    if shape == ():
        return Root(np.asarray(threshold(tensors, temperature).delta2), None)
    true = {k: np.broadcast_to(np.asarray(v, dtype=np.float64), shape) for k, v in tensors.variances.items()}
    assumed = None if tensors.assumed is None else {
        k: np.broadcast_to(np.asarray(v, dtype=np.float64), shape) for k, v in tensors.assumed.items()}
    out = np.empty(shape)
    for idx in np.ndindex(shape):
        point = field({k: float(v[idx]) for k, v in true.items()},
                      None if assumed is None else {k: float(v[idx]) for k, v in assumed.items()})
        out[idx] = threshold(point, temperature).delta2
    return Root(out, None)
