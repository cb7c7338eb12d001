"""``theory.complexity``, ``theory.complexity_of_minima``, ``theory.threshold_energy`` and the
threshold kind ``"trivialization"`` (annealed Kac-Rice, docs/landscape.md; its Line is in
numerics/lines/spiked.py), for any spiked spherical model (``model=theory.Model(...)``) or the matrix-tensor shorthand
``(p, delta2, delta_p)``.

The complexity is annealed (the growth rate of the expected number of stationary points), an
upper bound on the quenched one (arXiv:1804.02686).  The trivialization threshold is the largest
``Delta2`` below which the annealed count of spurious minima vanishes (no ``Sigma_min > 0`` on
an interval of overlaps); ``overlaps="positive"`` (default) counts ``m`` in ``[0, 1)``,
``overlaps="all"`` counts ``m`` in ``(-1, 1)``.  It lies below the gradient-flow threshold
(arXiv:1907.08226):

>>> import theory
>>> round(theory.threshold(p=3, delta_p=1.0, kind="trivialization"), 12)
0.456332516148
>>> round(theory.threshold(p=3, delta_p=1.0, kind="trivialization", overlaps="all"), 12)
0.382633011902
>>> import mpmath
>>> mpmath.nstr(theory.threshold(p=3, delta_p=1, kind="trivialization", dps=40), 40)
'0.4563325161481929524155689095821719335048'
>>> mixture = theory.Model(tensors={3: 1.0, 4: 2.0})
>>> round(theory.threshold(model=mixture, kind="trivialization"), 8) < round(theory.threshold(model=mixture), 8)
True
>>> theory.threshold(p=3, delta_p=1.0, kind="trivialization", overlaps="negative")
Traceback (most recent call last):
    ...
ValueError: overlaps must be 'positive' (m in [0, 1)) or 'all' (m in (-1, 1)), got 'negative'
"""

from __future__ import annotations


import numpy as np

from numerics import landscape
from theory import _precision, _validate
from theory._model import Model, ModelGrid

__all__ = ["complexity", "complexity_of_minima", "threshold_energy"]


def _plain(x):
    """A 0-d result as a Python float, arrays as they are."""
    return float(x) if np.ndim(x) == 0 else x


def _float_vars(**values):
    limits = {"m": dict(low=-1.0, high=1.0)}
    return {name: _validate.float_array(name, v, **limits.get(name, {})) for name, v in values.items()
            if v is not None}


def _exact_vars(**values):
    checks = {"m": _validate.overlap_exact, "mu": _validate.exact, "energy": _validate.exact}
    out = {}
    for name, value in values.items():
        if value is None:
            continue
        arr = np.asarray(value, dtype=object)
        checked = np.empty(arr.shape, dtype=object)
        for idx in np.ndindex(arr.shape):
            checked[idx] = checks[name](name, arr[idx])
        out[name] = checked
    return out


def _exact_grid(call: ModelGrid, variables: dict):
    """The exact fields and variables of a call, broadcast together: (fields, names, arrays)."""
    v = _exact_vars(**variables)
    names = list(v)
    arrays = np.broadcast_arrays(call.exact_fields(), *[v[n] for n in names])
    return arrays[0], names, arrays[1:]


def _at(fn, fields, names, arrays, idx, what: str):
    """``compute(ctx)`` of one element of the exact grid, in a context with the digits that
    cancel in ``xi''(1) - xi'(1)`` added (:func:`numerics.landscape.width_cancellation`), so that
    the kernels keep ``ctx.dps`` significant digits for any ``Delta2``."""
    lost = landscape.width_cancellation(fields[idx])

    def compute(ctx):
        work = ctx if not 0 < lost < np.inf else _precision.context(ctx.dps + int(lost) + 2)
        kw = {n: _precision.to_mp(work, a[idx]) for n, a in zip(names, arrays)}
        try:
            return fn(fields[idx], work, **kw)
        except ZeroDivisionError:  # xi''(1) = xi'(1): no tensor channel
            at = ", ".join(f"{n}={_precision.to_mp(work, a[idx])}" for n, a in zip(names, arrays))
            raise ValueError(f"{what} at {at} is undefined for a model without a tensor channel: xi''(1) = xi'(1), "
                             f"and the Kac-Rice formula divides by their difference (the spiked matrix alone has "
                             f"O(N) stationary points, not exponentially many)") from None
    return compute


def _evaluate(call: ModelGrid, fn, what: str, dps, **variables):
    """``fn(field, ctx, **variables)`` in float64 (broadcast) or certified at ``dps`` digits.

    In float64, by the one float64 policy (:func:`numerics.certify.evaluate_float`): entries
    that come out non-finite (an intermediate overflowed: variances near the ends of the double
    range) or where float64 keeps no digit of ``xi''(1) - xi'(1)`` (a matrix channel ``Delta2``
    below ~1e-16 of the tensors') are recomputed from the exact inputs at 17 certified digits
    and returned as doubles; a ValueError suggesting ``dps=`` where the value itself is not a
    normal double.  The exact route works with the digits that cancel added.
    """
    from functools import cache

    from numerics.certify import evaluate_float

    for name in _REQUIRED:
        if name in variables and variables[name] is None:
            raise ValueError(f"{name} must be a number or an array of numbers in (-1, 1), got None")
    if dps is None:
        v = _float_vars(**variables)
        grid = cache(lambda: _exact_grid(call, variables))  # built for the first entry recomputed

        def evaluate():
            fld = call.field()
            out = np.asarray(fn(fld, None, **v), dtype=np.float64)
            # where float64 keeps no digit of xi''(1) - xi'(1) (a strong matrix channel,
            # Delta2 -> 0: the kernels divide by it and choose their branch with it): nan, so
            # that the entry is recomputed
            cancelled = landscape.width_cancellation(fld) > _FLOAT_DIGITS
            return np.where(cancelled, np.nan, out) if np.any(cancelled) else out

        def exact(index):
            fields, names, arrays = grid()
            return _at(fn, fields, names, arrays, index, what)

        shape = np.broadcast_shapes(call.shape, *(np.shape(a) for a in v.values()))
        return _plain(evaluate_float(evaluate, exact, what, shape=shape))
    fields, names, arrays = _exact_grid(call, variables)
    shape = fields.shape

    def compute(ctx):
        out = np.empty(shape, dtype=object)
        for idx in np.ndindex(shape):
            out[idx] = _at(fn, fields, names, arrays, idx, what)(ctx)
        return out

    result = _precision.certify(compute, dps, what)
    return result[()] if shape == () else result


_REQUIRED = ("m",)
#: Digits of float64 (15.65): where the cancellation in ``xi''(1) - xi'(1)`` loses more, float64
#: keeps none of that difference and the entry is recomputed from the exact inputs.  Below it
#: float64 results are accurate in absolute terms (about 1e-16 |log xi'(1)|); a complexity near 0
#: at small Delta2 then has fewer significant digits, which dps= gives.
_FLOAT_DIGITS = float(-np.log10(np.finfo(np.float64).eps))


def _need_two_channels(call: ModelGrid, what: str):
    if call.channels < 2:
        raise ValueError(f"energy: {what} at fixed energy needs a model with two channels or more; with one "
                         f"channel the energy fixes mu (the covariance of energy and radial derivative is "
                         f"singular): pass mu= only, or no energy")


# --- public functions ----------------------------------------------------------------------------

def complexity(m, p: int | None = None, delta_p=None, *, delta2=None, model: Model | None = None, mu=None,
               energy=None, dps: int | None = None):
    """Annealed complexity ``Sigma``: ``exp(N Sigma)`` stationary points at overlap ``m``.

    ``Sigma(m, e, mu) = 1/2 + log((1 - m**2)/xi'(1))/2 - g'(m)**2 (1 - m**2)/(2 xi'(1))
    - (v, r) C**-1 (v, r)**T / 2 + Phi_s(mu)`` with ``v = e + g(m)``, ``r = m g'(m) - mu``,
    ``C = [[xi, xi'], [xi', xi' + xi'']]`` at 1 and ``Phi_s`` the semicircle log-potential
    (derivations/kac_rice.py), for the model's covariance ``xi`` and signal ``g``.  A quantity
    left as None is maximised out.

    Parameters
    ----------
    m : float or array_like
        Overlap with the signal, in (-1, 1).
    model : theory.Model, optional
        Any spiked spherical model (mixtures, pure tensors, mismatched losses).
    p, delta2, delta_p : optional
        The shorthand ``Model(delta2, {p: delta_p})``; ``delta2`` None or inf drops the matrix
        channel.  Variances may be arrays (float64; they broadcast with ``m``, ``mu``, ``energy``).
    mu : float or array_like, optional
        Minus the radial multiplier (``mu = -x.grad L/N``): the Hessian is ``M + mu I - theta u u**T``.
    energy : float or array_like, optional
        Energy per coordinate ``e = L/N`` (needs two channels or more).
    dps : int, optional
        Decimal digits (mpmath), certified by two precisions; None for float64.  With ``dps``
        array input gives an object array of mpf.

    Returns
    -------
    float, ndarray or mpmath.mpf
        The broadcast shape of the inputs.

    Raises
    ------
    ValueError
        ``m`` outside (-1, 1), a non-positive variance, ``p`` not an integer >= 3, ``energy``
        for a one-channel model, a value float64 cannot hold (then pass ``dps=``), or a model
        without a tensor channel where the formula divides by ``xi''(1) - xi'(1) = 0``.
    numerics.solvers.PrecisionError
        If ``dps`` digits cannot be certified.

    Notes
    -----
    A strong matrix channel (``Delta2 -> 0``) makes ``xi''(1) - xi'(1)`` a difference of nearly
    equal numbers: the exact route (``dps=``, and float64 where float64 keeps no digit of it)
    adds the digits that cancel; float64 results are accurate in absolute terms, so a
    complexity near 0 at small ``Delta2`` has its significant digits with ``dps=``.

    Examples
    --------
    >>> import theory
    >>> round(theory.complexity(0.0, model=theory.Model(tensors={3: 2/3})), 10)  # pure 3-spin: log(2)/2
    0.3465735903
    >>> theory.complexity([0.0, 0.5], p=3, delta2=1.0, delta_p=1.0, mu=3.0)
    array([0.05273255, 0.01436027])
    >>> theory.complexity(1.0, p=3, delta2=1.0, delta_p=1.0)
    Traceback (most recent call last):
        ...
    ValueError: m must be finite and in (-1.0, 1.0), got 1.0

    References
    ----------
    arXiv:1804.02686, section III; arXiv:1902.00139, section 4; Auffinger, Ben Arous, Cerny (2013).
    """
    dps = _validate.check_dps(dps)
    call = Model.of_call(model, p, delta2, delta_p, need_delta2=False, arrays=True)
    if mu is not None and energy is not None:
        _need_two_channels(call, "complexity")
        return _evaluate(call, lambda f, ctx, m, mu, energy: landscape.sigma(f, m, energy, mu, ctx),
                         "complexity", dps, m=m, mu=mu, energy=energy)
    if mu is not None:
        return _evaluate(call, lambda f, ctx, m, mu: landscape.sigma_mu(f, m, mu, ctx), "complexity", dps,
                         m=m, mu=mu)
    if energy is not None:
        _need_two_channels(call, "complexity")
        return _evaluate(call, lambda f, ctx, m, energy: landscape.sigma_energy_max(f, m, energy, ctx),
                         "complexity", dps, m=m, energy=energy)
    return _evaluate(call, lambda f, ctx, m: landscape.sigma_max(f, m, ctx), "complexity", dps, m=m)


def complexity_of_minima(m, p: int | None = None, delta_p=None, *, delta2=None, model: Model | None = None,
                         dps: int | None = None):
    """Complexity of the local minima at overlap ``m``: ``Sigma_min(m) = max_{mu >= mu_min(m)} Sigma(m, mu)``.

    ``mu_min = 2 s`` if ``theta(m) <= s`` and ``theta + s**2/theta`` otherwise (the BBP outlier
    must be non-negative), ``s = sqrt(xi''(1))``, ``theta = g''(m) (1 - m**2)``.  Exponentially
    many minima sit where it is positive on an interval; isolated minima (the signal's, for odd
    orders its mirror) make it touch 0.

    Parameters
    ----------
    m : float or array_like
        Overlap, in (-1, 1).
    model : theory.Model, optional
        Any spiked spherical model.
    p, delta2, delta_p : optional
        The shorthand ``Model(delta2, {p: delta_p})`` (arrays broadcast).
    dps : int, optional
        Decimal digits, certified; None for float64.

    Returns
    -------
    float, ndarray or mpmath.mpf

    Raises
    ------
    ValueError
        For parameters outside their ranges.

    Examples
    --------
    >>> import theory
    >>> theory.complexity_of_minima([0.0, 0.3, 0.9], p=3, delta2=1.0, delta_p=1.0)
    array([ 0.00273255,  0.00066554, -0.12555362])
    >>> theory.complexity_of_minima(0.0, p=3, delta2=-1.0, delta_p=1.0)
    Traceback (most recent call last):
        ...
    ValueError: delta2 must be a positive finite number, got -1.0

    References
    ----------
    arXiv:1902.00139, section 4; arXiv:1804.02686, section IV.
    """
    dps = _validate.check_dps(dps)
    call = Model.of_call(model, p, delta2, delta_p, need_delta2=False, arrays=True)
    return _evaluate(call, lambda f, ctx, m: landscape.sigma_min(f, m, ctx), "complexity_of_minima", dps, m=m)


def threshold_energy(p: int | None = None, delta_p=None, *, delta2=None, model: Model | None = None, m=0.0,
                     dps: int | None = None):
    """Energy of the threshold (marginal) states, definition (a) of docs/model.md.

    The energy ``e`` at which the typical stationary points at overlap ``m`` (those maximising
    ``Sigma(m, e, mu)`` over ``mu``) are marginal, ``mu = 2 s``.  ``d Sigma/d mu = 0`` at
    ``mu = 2 s`` is linear in ``e`` (solved in derivations/kac_rice.py).  It equals the
    gradient-flow plateau energy of the one-step aging solution of the DMFT at ``m = 0``; for
    the pure p-spin ``xi = q**p/2`` it is ``-sqrt(2 (p-1)/p)``.

    Parameters
    ----------
    model : theory.Model, optional
        Any spiked spherical model.
    p, delta2, delta_p : optional
        The shorthand ``Model(delta2, {p: delta_p})`` (arrays broadcast).
    m : float or array_like
        Overlap, default 0 (the states gradient flow approaches from a random start).
    dps : int, optional
        Decimal digits, certified; None for float64.

    Returns
    -------
    float, ndarray or mpmath.mpf

    Examples
    --------
    >>> import theory
    >>> round(theory.threshold_energy(p=3, delta2=1.0, delta_p=1.0), 12)  # -29/(12 sqrt(3))
    -1.395263150542
    >>> round(theory.threshold_energy(model=theory.Model(tensors={3: 2/3})), 12)  # -sqrt(4/3)
    -1.154700538379
    >>> theory.threshold_energy(p=3, delta2=1.0, delta_p=0)
    Traceback (most recent call last):
        ...
    ValueError: delta_p must be a positive finite number, got 0

    References
    ----------
    arXiv:1907.08226, section 4; arXiv:1804.02686, section III.
    """
    dps = _validate.check_dps(dps)
    call = Model.of_call(model, p, delta2, delta_p, need_delta2=False, arrays=True)
    return _evaluate(call, lambda f, ctx, m: landscape.threshold_energy(f, m, ctx), "threshold_energy", dps, m=m)
