"""``theory.PhaseRetrieval``: real phase retrieval, a generalized linear model on the sphere.

The second model family beside :class:`theory.Model` (``docs/phase_retrieval.md``): recover
``x*`` on the sphere ``|x*|^2 = N`` from ``M = alpha N`` labels ``y = (a.x*)^2 / N`` (plus an
optional Gaussian label noise of variance ``noise``), by descending the loss
``L(x) = sum_mu l(h_mu; y_mu)``, ``h_mu = a_mu.x / sqrt(N)``, with

* ``loss="square"``:      ``l(h; y) = (h^2 - y)^2 / 4``;
* ``loss="regularised"``: ``l(h; y) = (h^2 - y)^2 / (4 (a + y))``, ``a > 0``.

The model is a small frozen value (hashable, picklable, compared by value); the sample ratio
``alpha`` is not part of it, since every threshold of the family is a critical ``alpha``.

References
----------
arXiv:2006.06997 (gradient flow in phase retrieval), arXiv:2403.02418, arXiv:2006.05228.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass

import numpy as np

__all__ = ["PhaseRetrieval", "LOSSES"]

#: The losses of the family, in the order the docs list them.
LOSSES = ("square", "regularised")


def _real(name: str, value, *, positive: bool) -> float:
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise ValueError(f"{name} must be a real number, got {value!r}")
    try:
        x = float(value)
    except OverflowError:
        x = math.inf
    if not math.isfinite(x) or (x <= 0 if positive else x < 0):
        allowed = "> 0 and finite" if positive else ">= 0 and finite"
        raise ValueError(f"{name} must be {allowed}, got {value!r}")
    return x


@dataclass(frozen=True, init=False)
class PhaseRetrieval:
    """Real phase retrieval with the square or the regularised loss.

    Parameters
    ----------
    loss : {"square", "regularised"}
        ``(h^2 - y)^2 / 4`` or ``(h^2 - y)^2 / (4 (a + y))``.
    a : float, optional
        The regulariser of the regularised loss (> 0; default 0.01).  Only for that loss.
    noise : float, optional
        Variance of a Gaussian noise added to the labels (>= 0; default 0, noiseless).

    Raises
    ------
    ValueError
        An unknown loss, ``a`` given for the square loss, ``a <= 0``, or ``noise < 0``; each
        message names the parameter and the allowed range.

    Examples
    --------
    >>> from theory import PhaseRetrieval
    >>> PhaseRetrieval()
    PhaseRetrieval(loss='square')
    >>> PhaseRetrieval("regularised", a=0.01)
    PhaseRetrieval(loss='regularised', a=0.01)
    >>> PhaseRetrieval("square", a=0.5)
    Traceback (most recent call last):
        ...
    ValueError: a: only the regularised loss has a regulariser (loss='square', got a=0.5)
    """

    loss: str
    a: float | None
    noise: float

    def __init__(self, loss: str = "square", a=None, noise=0.0):
        if not isinstance(loss, str) or loss not in LOSSES:
            raise ValueError(f"loss must be one of {', '.join(map(repr, LOSSES))}, got {loss!r}")
        if loss == "square":
            if a is not None:
                raise ValueError(f"a: only the regularised loss has a regulariser (loss='square', got a={a!r})")
        else:
            a = _real("a", 0.01 if a is None else a, positive=True)
        object.__setattr__(self, "loss", loss)
        object.__setattr__(self, "a", a)
        object.__setattr__(self, "noise", _real("noise", noise, positive=False))

    @property
    def noiseless(self) -> bool:
        """Whether the labels are exactly ``(h*)^2``."""
        return self.noise == 0.0

    def labels(self, h_star, rng=None):
        """The labels ``y = h*^2 (+ sqrt(noise) z)`` of pre-activations ``h_star`` (numpy)."""
        h_star = np.asarray(h_star, dtype=float)
        y = h_star * h_star
        if self.noise:
            if rng is None:
                raise ValueError("rng: a numpy Generator is needed to draw noisy labels")
            y = y + math.sqrt(self.noise) * rng.standard_normal(y.shape)
        return y

    def loss_jets(self, h, y):
        """The loss and its first two derivatives in ``h``, elementwise (float64).

        Parameters
        ----------
        h, y : array_like
            Pre-activations ``a.x/sqrt(N)`` and labels; broadcast together.

        Returns
        -------
        (l, dl, d2l) : tuple of numpy.ndarray
            ``l(h; y)``, ``dl/dh`` and ``d2l/dh2`` (the Hessian weight ``D``), float64 arrays of
            the broadcast shape, from the kernels generated from derivations/phase_retrieval.py.

        Examples
        --------
        >>> l, dl, d2l = PhaseRetrieval().loss_jets([1.0, 2.0], 1.0)
        >>> l.tolist(), dl.tolist(), d2l.tolist()
        ([0.0, 2.25], [0.0, 6.0], [2.0, 11.0])
        """
        from numerics._generated import phase_retrieval_numpy as k

        h, y = np.broadcast_arrays(np.asarray(h, dtype=np.float64), np.asarray(y, dtype=np.float64))
        if self.loss == "square":
            jets = (k.pr_square_loss(h, y), k.pr_square_dloss(h, y), k.pr_square_d2loss(h, y))
        else:
            jets = (k.pr_reg_loss(h, y, self.a), k.pr_reg_dloss(h, y, self.a), k.pr_reg_d2loss(h, y, self.a))
        return tuple(np.asarray(j, dtype=np.float64) + np.zeros(h.shape) for j in jets)

    def __repr__(self) -> str:
        parts = [f"loss={self.loss!r}"]
        if self.a is not None:
            parts.append(f"a={self.a!r}")
        if self.noise:
            parts.append(f"noise={self.noise!r}")
        return f"PhaseRetrieval({', '.join(parts)})"
