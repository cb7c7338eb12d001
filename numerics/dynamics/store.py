"""The stored two-time functions of the explicit DMFT schemes: ``C``, ``R`` and ``m`` on the
stored times, and the derivative of the last row under a quadrature rule
(:mod:`numerics.dynamics.quadrature`)."""

from __future__ import annotations

import numpy as np

from numerics._generated import dmft_numpy as _dk
from numerics.dynamics.jets import _Model

__all__: list[str] = []


class _Store:
    """``C``, ``R`` (and what the quadrature rule keeps beside them) on the stored times, with
    the derivative of the last row under the rule (:mod:`numerics.dynamics.quadrature`)."""

    def __init__(self, cap: int, model: _Model, temperature: float, m0: float, h: float,
                 quadrature):
        self.C = np.zeros((cap, cap))
        self.R = np.zeros((cap, cap))
        self.rule = quadrature
        quadrature.allocate(self, cap)
        self.ts = np.zeros(cap)
        self.idx = np.zeros(cap, dtype=np.int64)
        self.m = np.zeros(cap)
        self.M = 1
        self.h = h
        self.C[0, 0] = 1.0
        self.R[0, 0] = quadrature.diagonal
        self.m[0] = m0
        self.model = model
        self.T = temperature

    def derivative(self, M: int):
        """d/dt of row ``M-1`` at every stored second time: ``(dC, dR, dm, mu, energy)``.

        ``dC[j], dR[j]`` are d/dt of ``C(t, t_j)``, ``R(t, t_j)`` at ``t = t_{M-1}`` (for
        ``j = M-1`` the limit ``t_j -> t^-``).
        """
        md = self.model
        n = M - 1
        C = self.C[:M, :M]
        c = C[n]
        r = self.R[n, :M]
        mm = self.m[:M]
        mn = mm[n]
        q1 = md.xi(c, 1)
        q2 = md.xi(c, 2)
        g1 = md.g(mn, 1)
        kern = _dk.mu_integrand(c, q1, q2)
        rho, u, B, D = self.rule.memory(self, M, c, r, q1, q2)
        mu = self.T + mn * g1 + rho @ kern
        energy = -md.g(mn) - rho @ q1
        A = u @ C  # int_0^t Q''(C(t,s)) R(t,s) C(s,t_j) ds
        dC = -mu * c + g1 * mm + A + B
        dR = -mu * r + D
        dm = -mu * mn + g1 + u @ mm
        return dC, dR, dm, mu, energy

    def set_row(self, M: int, t: float, step: int, c: np.ndarray, r: np.ndarray, m: float):
        """Store row ``M`` (time ``t``), with values ``c, r`` at the first ``M`` times."""
        self.ts[M] = t
        self.idx[M] = step
        self.C[M, :M] = c
        self.C[:M, M] = c
        self.C[M, M] = 1.0
        self.R[M, :M] = r
        self.m[M] = m
        self.rule.close_row(self, M)

    def compact(self, keep: np.ndarray) -> None:
        """Keep the stored times of mask ``keep`` (merging the cells of the dropped ones)."""
        M = self.M
        sel = np.flatnonzero(keep)
        k = sel.size
        self.rule.compact(self, sel, M)
        self.C[:k, :k] = self.C[np.ix_(sel, sel)]
        self.R[:k, :k] = self.R[np.ix_(sel, sel)]
        self.ts[:k] = self.ts[sel]
        self.idx[:k] = self.idx[sel]
        self.m[:k] = self.m[sel]
        self.M = k
