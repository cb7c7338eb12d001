"""Quadrature rules of the memory integrals of the explicit DMFT schemes (docs/dynamics.md).

A rule says what the equal-time response is (``R(t,t)``), which point weights the last row's
``R``-weighted sums take, how the three memory integrals of the derivative are summed over the
stored times, how a new row is closed and what the rule keeps when stored times are dropped:

:class:`Rectangle`
    Rectangle sums, ``R(t,t) = 0`` and ``R(t+h,t) = 1``: the equations of the discrete-time
    projected gradient descent of step ``h`` (each stored time is one step).
:class:`Cells`
    The rectangle rule on a history that drops stored times: each stored time ``k`` owns the
    steps ``[i_k, i_{k+1})`` (its *cell*) and the store keeps the integrals of the response over
    the cells, ``RI[j,k] = h sum_{i in cell k} R(t_j, t_i)``, ``RJ[k,j] = h sum_{i in cell k}
    R(t_i, t_j)``, so the fast decay of ``R`` near every diagonal survives thinning.
:class:`Trapezoid`
    Trapezoid sums over the stored times, ``R(t,t) = 1``.

A rule for a given history is ``rule.on(history)``: the rectangle rule on a thinning history is
:class:`Cells`; the others are their own.
"""

from __future__ import annotations

import numpy as np

__all__ = ["Cells", "Rectangle", "Trapezoid"]


def _weights(ts: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Trapezoid weights over the stored times, and the half-gaps to the left and right."""
    gaps = np.diff(ts)
    left = np.zeros_like(ts)
    right = np.zeros_like(ts)
    left[1:] = 0.5 * gaps
    right[:-1] = 0.5 * gaps
    return left + right, left, right


def _cell_mean(f: np.ndarray, alpha: np.ndarray) -> np.ndarray:
    """Mean of ``f`` over each cell, by linear interpolation between stored times."""
    out = f * (1.0 - alpha)
    out[:-1] += f[1:] * alpha[:-1]
    return out


class Rectangle:
    """Rectangle sums, ``R(t,t) = 0``, ``R(t+h,t) = 1``: discrete-time projected descent.

    Each stored time is one step, so the response itself is its own cell integral (``h R``).
    """

    name = "rectangle"
    #: ``R(t,t)``: the field at a step enters ``x`` only at the next one.
    diagonal = 0.0
    #: Square arrays of stored times the rule keeps (``C``, ``R``).
    matrices = 2

    def on(self, history) -> Rectangle:
        """The rule on ``history``: its cell integrals where the history drops stored times."""
        return Cells() if history.thins else self

    def allocate(self, store, cap: int) -> None:
        """Arrays the rule keeps beside ``C`` and ``R`` (none)."""

    def memory(self, store, M: int, c, r, q1, q2):
        """``(rho, u, B, D)`` of row ``M - 1``: the point weights of its ``R``-weighted sums,
        ``u = rho Q''(C)`` and the integrals ``B_j = int_0^{t_j} Q'(C(t,s)) R(t_j,s) ds``,
        ``D_j = int_{t_j}^t Q''(C(t,s)) R(t,s) R(s,t_j) ds`` at every stored ``t_j``."""
        h = store.h
        rho = h * r
        u = rho * q2
        B = h * (store.R[:M, :M] @ q1)
        D = h * ((q2 * r) @ store.R[:M, :M])
        return rho, u, B, D

    def close_row(self, store, M: int) -> None:
        """Equal-time and one-step responses of the new row ``M``."""
        store.R[M, M - 1] = 1.0  # the field at the previous step enters x at this one
        store.R[M, M] = 0.0

    def compact(self, store, sel: np.ndarray, M: int) -> None:
        """Merge what the rule keeps for dropped stored times (nothing)."""


class Cells(Rectangle):
    """The rectangle rule on a thinned history, with the response integrated over each cell."""

    name = "rectangle-cells"
    matrices = 4  # C, R and the cell integrals RI, RJ

    def on(self, history) -> Cells:
        return self

    def allocate(self, store, cap: int) -> None:
        store.RI = np.zeros((cap, cap))
        store.RJ = np.zeros((cap, cap))

    @staticmethod
    def _cells(store, M: int):
        """Cell sizes (in steps) and interpolation weights ``alpha = (g - 1)/(2 g)``."""
        g = np.ones(M)
        g[:-1] = np.diff(store.idx[:M])
        return g, (g - 1.0) / (2.0 * g)

    def memory(self, store, M: int, c, r, q1, q2):
        g, alpha = self._cells(store, M)
        ri = store.h * g * _cell_mean(r, alpha)
        rho = ri * (1.0 - alpha)  # point weights of the current row's R-weighted sums
        rho[1:] += ri[:-1] * alpha[:-1]
        u = rho * q2
        B = store.RI[:M, :M] @ _cell_mean(q1, alpha)
        D = _cell_mean(q2 * r, alpha) @ store.RJ[:M, :M]
        return rho, u, B, D

    def close_row(self, store, M: int) -> None:
        super().close_row(store, M)
        g, alpha = self._cells(store, M + 1)
        store.RI[M, :M + 1] = store.h * g * _cell_mean(store.R[M, :M + 1], alpha)
        store.RJ[M, :M + 1] = store.h * store.R[M, :M + 1]

    def compact(self, store, sel: np.ndarray, M: int) -> None:
        k = sel.size
        store.RI[:k, :k] = np.add.reduceat(store.RI[sel, :M], sel, axis=1)
        store.RJ[:k, :k] = np.add.reduceat(store.RJ[:M, sel], sel, axis=0)


class Trapezoid:
    """Trapezoid sums over the stored times, ``R(t,t) = 1``."""

    name = "trapezoid"
    diagonal = 1.0
    matrices = 2

    def on(self, history) -> Trapezoid:
        return self

    def allocate(self, store, cap: int) -> None:
        """Arrays the rule keeps beside ``C`` and ``R`` (none)."""

    def memory(self, store, M: int, c, r, q1, q2):
        w, left, right = _weights(store.ts[:M])
        rho = w * r
        uu = q2 * r
        u = w * uu
        R = store.R[:M, :M]
        B = R @ (w * q1) - right * q1  # int_0^{t_j} Q'(C(t,s)) R(t_j,s) ds
        D = u @ R - left * uu  # int_{t_j}^t Q''(C(t,s)) R(t,s) R(s,t_j) ds
        return rho, u, B, D

    def close_row(self, store, M: int) -> None:
        store.R[M, M] = 1.0

    def compact(self, store, sel: np.ndarray, M: int) -> None:
        """Merge what the rule keeps for dropped stored times (nothing)."""
