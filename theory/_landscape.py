"""``theory.complexity``, ``theory.complexity_of_minima``, ``theory.threshold_energy`` and the
threshold kind ``"trivialization"`` (annealed Kac-Rice, spec/theory.md section 5).

The trivialization threshold is the largest ``Delta2`` below which no exponentially many
spurious minima remain (``Sigma_min > 0`` on an interval of overlaps); ``overlaps="positive"``
(default) counts ``m`` in ``[0, 1)``, ``overlaps="all"`` counts ``m`` in ``(-1, 1)``.  It lies
below the gradient-flow threshold (arXiv:1907.08226):

>>> import theory
>>> round(theory.threshold(p=3, delta_p=1.0, kind="trivialization"), 12)
0.456332516148
>>> round(theory.threshold(p=3, delta_p=1.0, kind="trivialization", overlaps="all"), 12)
0.382633011902
>>> import mpmath
>>> mpmath.nstr(theory.threshold(p=3, delta_p=1, kind="trivialization", dps=40), 40)
'0.4563325161481929524155689095821719335048'
>>> theory.threshold(p=3, delta_p=1.0, kind="trivialization", overlaps="negative")
Traceback (most recent call last):
    ...
ValueError: overlaps must be 'positive' (m in [0, 1)) or 'all' (m in (-1, 1)), got 'negative'
"""

from __future__ import annotations

import numpy as np

from numerics import landscape
from numerics._generated import kac_rice_mpmath, kac_rice_numpy
from numerics.solvers import Root
from theory import _precision, _validate
from theory._thresholds import ThresholdKind, one_channel, register_kind

__all__ = ["complexity", "complexity_of_minima", "threshold_energy"]


def _plain(x):
    """A 0-d result as a Python float, arrays as they are."""
    return float(x) if np.ndim(x) == 0 else x


def _float_inputs(m, delta2, delta_p, **extra):
    out = {"m": _validate.float_array("m", m, low=-1.0, high=1.0),
           "delta2": _validate.positive_array("delta2", delta2),
           "delta_p": _validate.positive_array("delta_p", delta_p)}
    for name, value in extra.items():
        if value is not None:
            out[name] = _validate.float_array(name, value)
    return out


def _mp_map(fn, dps, arrays, checks):
    """Evaluate ``fn(ctx, *exact values)`` at ``dps`` digits elementwise: an mpf for scalar
    input, an object array of mpf otherwise."""
    ctx = _precision.context(dps + _precision.GUARD_DIGITS)
    shaped = np.broadcast_arrays(*[np.asarray(a, dtype=object) for a in arrays])
    out = np.empty(shaped[0].shape, dtype=object)
    for idx in np.ndindex(out.shape):
        vals = [_precision.to_mp(ctx, check(a[idx])) for a, check in zip(shaped, checks)]
        out[idx] = _precision.export(fn(ctx, *vals), dps)
    return out[()] if out.shape == () else out


def _checks(*names):
    table = {"m": lambda x: _validate.overlap_exact("m", x),
             "delta2": lambda x: _validate.positive_exact("delta2", x),
             "delta_p": lambda x: _validate.positive_exact("delta_p", x),
             "mu": lambda x: _validate.exact("mu", x),
             "energy": lambda x: _validate.exact("energy", x)}
    return [table[n] for n in names]


def complexity(m, *, p: int, delta2, delta_p, mu=None, energy=None, dps: int | None = None):
    """Annealed complexity ``Sigma``: ``exp(N Sigma)`` stationary points at overlap ``m``.

    ``Sigma(m, e, mu) = 1/2 + log((1 - m**2)/xi'(1))/2 - g'(m)**2 (1 - m**2)/(2 xi'(1))
    - (v, r) C**-1 (v, r)**T / 2 + Phi_s(mu)`` with ``v = e + g(m)``, ``r = m g'(m) - mu``,
    ``C = [[xi, xi'], [xi', xi' + xi'']]`` at 1 and ``Phi_s`` the semicircle log-potential
    (derivations/kac_rice.py).  A quantity left as None is maximised out.

    Parameters
    ----------
    m : float or array_like
        Overlap with the signal, in (-1, 1).
    p : int
        Tensor order, >= 3.
    delta2, delta_p : number or array_like
        Noise variances, positive and finite.
    mu : float or array_like, optional
        Minus the radial multiplier (``mu = -x.grad L/N``): the Hessian is ``M + mu I - theta u u**T``.
    energy : float or array_like, optional
        Energy per coordinate ``e = L/N``.
    dps : int, optional
        Decimal digits (mpmath); None for float64.  With ``dps`` array input gives an object
        array of mpf.

    Returns
    -------
    float, ndarray or mpmath.mpf
        The broadcast shape of the inputs.

    Raises
    ------
    ValueError
        ``m`` outside (-1, 1), a non-positive variance, ``p`` not an integer >= 3.

    Examples
    --------
    >>> import theory
    >>> round(float(theory.complexity(0.0, p=3, delta2=1e12, delta_p=1.0)), 10)  # pure 3-spin: log(2)/2
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
    p = _validate.check_p(p)
    dps = _validate.check_dps(dps)
    v = _float_inputs(m, delta2, delta_p, mu=mu, energy=energy)
    if dps is None:
        if mu is not None and energy is not None:
            return _plain(landscape.sigma(v["m"], v["energy"], v["mu"], p, v["delta2"], v["delta_p"]))
        if mu is not None:
            return _plain(landscape.sigma_mu(v["m"], v["mu"], p, v["delta2"], v["delta_p"]))
        if energy is not None:
            return _plain(landscape.sigma_energy_max(v["m"], v["energy"], p, v["delta2"], v["delta_p"]))
        return _plain(landscape.sigma_max(v["m"], p, v["delta2"], v["delta_p"]))
    if mu is not None and energy is not None:
        fn = lambda ctx, m_, e_, mu_, d2, dp: landscape.sigma_mp(ctx, m_, e_, mu_, p, d2, dp)  # noqa: E731
        return _mp_map(fn, dps, (m, energy, mu, delta2, delta_p), _checks("m", "energy", "mu", "delta2", "delta_p"))
    if mu is not None:
        fn = lambda ctx, m_, mu_, d2, dp: landscape.sigma_mu_mp(ctx, m_, mu_, p, d2, dp)  # noqa: E731
        return _mp_map(fn, dps, (m, mu, delta2, delta_p), _checks("m", "mu", "delta2", "delta_p"))
    if energy is not None:
        fn = lambda ctx, m_, e_, d2, dp: landscape.sigma_energy_max_mp(ctx, m_, e_, p, d2, dp)  # noqa: E731
        return _mp_map(fn, dps, (m, energy, delta2, delta_p), _checks("m", "energy", "delta2", "delta_p"))
    fn = lambda ctx, m_, d2, dp: landscape.sigma_max_mp(ctx, m_, p, d2, dp)  # noqa: E731
    return _mp_map(fn, dps, (m, delta2, delta_p), _checks("m", "delta2", "delta_p"))


def complexity_of_minima(m, *, p: int, delta2, delta_p, dps: int | None = None):
    """Complexity of the local minima at overlap ``m``: ``Sigma_min(m) = max_{mu >= mu_min(m)} Sigma(m, mu)``.

    ``mu_min = 2 s`` if ``theta(m) <= s`` and ``theta + s**2/theta`` otherwise (the BBP outlier
    must be non-negative), ``s = sqrt(xi''(1))``, ``theta = g''(m) (1 - m**2)``.  Exponentially
    many minima sit where it is positive on an interval; isolated minima (the signal's, for odd
    p its mirror) make it touch 0.

    Parameters
    ----------
    m : float or array_like
        Overlap, in (-1, 1).
    p : int
        Tensor order, >= 3.
    delta2, delta_p : number or array_like
        Noise variances, positive.
    dps : int, optional
        Decimal digits; None for float64.

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
    ValueError: delta2 must be finite and > 0.0, got -1.0

    References
    ----------
    arXiv:1902.00139, section 4; arXiv:1804.02686, section IV.
    """
    p = _validate.check_p(p)
    dps = _validate.check_dps(dps)
    v = _float_inputs(m, delta2, delta_p)
    if dps is None:
        return _plain(landscape.sigma_min(v["m"], p, v["delta2"], v["delta_p"]))
    fn = lambda ctx, m_, d2, dp: landscape.sigma_min_mp(ctx, m_, p, d2, dp)  # noqa: E731
    return _mp_map(fn, dps, (m, delta2, delta_p), _checks("m", "delta2", "delta_p"))


def threshold_energy(*, p: int, delta2, delta_p, m=0.0, dps: int | None = None):
    """Energy of the threshold (marginal) states, definition (a) of spec/theory.md.

    The energy ``e`` at which the typical stationary points at overlap ``m`` (those maximising
    ``Sigma(m, e, mu)`` over ``mu``) are marginal, ``mu = 2 s``.  ``d Sigma/d mu = 0`` at
    ``mu = 2 s`` is linear in ``e`` (solved in derivations/kac_rice.py).  It equals the
    gradient-flow plateau energy of the one-step aging solution of the DMFT at ``m = 0``; for
    the pure p-spin ``xi = q**p/2`` it is ``-sqrt(2 (p-1)/p)``.

    Parameters
    ----------
    p : int
        Tensor order, >= 3.
    delta2, delta_p : number or array_like
        Noise variances, positive.
    m : float or array_like
        Overlap, default 0 (the states gradient flow approaches from a random start).
    dps : int, optional
        Decimal digits; None for float64.

    Returns
    -------
    float, ndarray or mpmath.mpf

    Examples
    --------
    >>> import theory
    >>> round(float(theory.threshold_energy(p=3, delta2=1.0, delta_p=1.0)), 12)  # -29/(12 sqrt(3))
    -1.395263150542
    >>> theory.threshold_energy(p=3, delta2=1.0, delta_p=0)
    Traceback (most recent call last):
        ...
    ValueError: delta_p must be finite and > 0.0, got 0

    References
    ----------
    arXiv:1907.08226, section 4; arXiv:1804.02686, section III.
    """
    p = _validate.check_p(p)
    dps = _validate.check_dps(dps)
    v = _float_inputs(m, delta2, delta_p)
    if dps is None:
        return _plain(kac_rice_numpy.kr_threshold_energy(*np.broadcast_arrays(v["m"], p, v["delta2"], v["delta_p"])))
    fn = lambda ctx, m_, d2, dp: kac_rice_mpmath.kr_threshold_energy(ctx, m_, p, d2, dp)  # noqa: E731
    return _mp_map(fn, dps, (m, delta2, delta_p), _checks("m", "delta2", "delta_p"))


def _check_overlaps(value):
    if value not in ("positive", "all"):
        raise ValueError(f"overlaps must be 'positive' (m in [0, 1)) or 'all' (m in (-1, 1)), got {value!r}")
    return value


def _evaluate_mp(ctx, tensors, overlaps="positive"):
    value, bracket = landscape.trivialization_mp(ctx, *one_channel(tensors, ctx), overlaps)
    return Root(value, bracket)


register_kind(ThresholdKind(
    name="trivialization",
    summary=("largest Delta2 below which no exponentially many spurious minima remain "
             "(annealed Kac-Rice; no closed form)"),
    evaluate_float=lambda tensors, overlaps="positive": landscape.trivialization_float(*one_channel(tensors), overlaps),
    evaluate_mp=_evaluate_mp,
    options={"overlaps": _check_overlaps},
    reference="arXiv:1902.00139, section 4; arXiv:1907.08226, Fig. 1; spec/theory.md section 5",
))
