"""Speed of the jet kernels (any model) against the instance kernels they replaced, same run.

    python bench/bench_jets.py

Before the jets, the Kac-Rice kernels were printed for the matrix-tensor instance, with
arguments ``(m, ..., p, Delta2, Deltap)``.  They are now printed once in jets (``xi'(1)``,
``g'(m)``, ...), and ``numerics.landscape`` evaluates the jets of the model's polynomials
before calling them.  The baseline here is the old instance expressions, derived again with
SymPy from ``derivations.kac_rice`` on ``derivations.model.MODEL`` and lambdified (numpy and
mpmath), combined under the same masks as the old ``numerics/landscape.py``: the same
arithmetic the old generated modules did.  Timings are best of 7 (2 shared cores: noisy).

1. ``Sigma_min(m)`` on 10^5 overlaps in float64 (the trivialization scan's inner loop).
2. ``Sigma(m, mu)`` (bulk branch) at one point in mpmath at 50 digits (the dps= inner loop).
3. The trivialization threshold of the matrix-tensor model (p = 3, Deltap = 1), float64 cold,
   and of a 2+3+4 mixture (no instance baseline: it had no kernels).
"""

from __future__ import annotations

import time
import timeit

import mpmath
import numpy as np


def _best(fn, number, repeat=7):
    return min(timeit.repeat(fn, number=number, repeat=repeat)) / number


def instance_kernels(modules):
    """The old instance expressions of the kernels ``sigma_min`` needs, lambdified."""
    import sympy as sp

    from derivations import kac_rice as kr
    from derivations.hessian import semicircle_scale, theta
    from derivations.model import MODEL
    from derivations.symbols import Delta2, Deltap, m, mu, p

    smax, smin = kr.sigma_max(MODEL), kr.sigma_min(MODEL)
    exprs = {"center": kr.radial_center(MODEL), "halfwidth": smax["halfwidth"], "w_star": smax["w"],
             "theta": theta(MODEL), "scale": semicircle_scale(MODEL), "right": smax["right"],
             "outlier": smin["outlier"], "edge": smin["edge"], "sigma_mu_bulk": kr.sigma_mu(MODEL, outside=False)}
    out = {}
    for name, expr in exprs.items():
        args = (m, mu, p, Delta2, Deltap) if name == "sigma_mu_bulk" else (m, p, Delta2, Deltap)
        out[name] = sp.lambdify(args, expr, modules=modules, cse=True)
    return out


def instance_sigma_min(k, m, p, d2, dp):
    """The old numerics.landscape.sigma_min: instance kernels under masks."""
    s = k["scale"](m, p, d2, dp)
    th = np.broadcast_to(k["theta"](m, p, d2, dp), m.shape)
    right = k["center"](m, p, d2, dp) > k["halfwidth"](m, p, d2, dp)
    w = np.full(m.shape, -np.inf)
    w[right] = k["w_star"](m[right], p, d2, dp)
    free = right & (w > np.maximum(th, s))
    outlier = ~free & (th > s)
    edge = ~free & ~outlier
    out = np.empty(m.shape)
    for mask, name in ((free, "right"), (outlier, "outlier"), (edge, "edge")):
        if mask.any():
            out[mask] = k[name](m[mask], p, d2, dp)
    return out


def main() -> None:
    import scipy.optimize  # noqa: F401  (imported lazily by the library: not part of the timings)

    import theory
    from numerics import landscape
    from numerics.model import field

    p, d2, dp = 3, 0.45, 1.0
    m = np.linspace(-0.999, 0.999, 10**5)
    old = instance_kernels("numpy")
    fld = field({2: d2, 3: dp})
    new_v, old_v = landscape.sigma_min(fld, m), instance_sigma_min(old, m, p, d2, dp)
    t_new = _best(lambda: landscape.sigma_min(fld, m), 5)
    t_old = _best(lambda: instance_sigma_min(old, m, p, d2, dp), 5)
    print(f"Sigma_min on 1e5 overlaps (float64): jets {t_new * 1e3:6.2f} ms   instance {t_old * 1e3:6.2f} ms   "
          f"ratio jets/instance {t_new / t_old:.2f}   max |difference| {np.abs(new_v - old_v).max():.1e}")

    mixture = field({2: d2, 3: dp, 4: 2.0, 5: 3.0})
    t_mix = _best(lambda: landscape.sigma_min(mixture, m), 5)
    print(f"  same on a 2+3+4+5 mixture (jets only): {t_mix * 1e3:6.2f} ms = {t_mix / t_old:.2f} x the instance 2+3")

    ctx = mpmath.MPContext()
    ctx.dps = 50
    old_mp = instance_kernels("mpmath")["sigma_mu_bulk"]
    exact = field({2: theory._validate.exact("d2", "0.45"), 3: theory._validate.exact("dp", 1)})
    mm, mu = ctx.mpf("0.3"), ctx.mpf("2.5")

    def run_old():
        with mpmath.workdps(50):
            return old_mp(mpmath.mpf("0.3"), mpmath.mpf("2.5"), 3, mpmath.mpf(45) / 100, mpmath.mpf(1))

    a, b = landscape.sigma_mu(exact, mm, mu, ctx), run_old()
    t_new = _best(lambda: landscape.sigma_mu(exact, mm, mu, ctx), 200)
    t_old = _best(run_old, 200)
    print(f"Sigma(m, mu) at 50 digits (mpmath): jets {t_new * 1e6:7.1f} us   instance {t_old * 1e6:7.1f} us   "
          f"ratio {t_new / t_old:.2f}   |difference| {mpmath.nstr(abs(a - b), 3)}")

    for model, name in ((theory.Model(tensors={3: 1.0}), "p=3, Deltap=1"),
                        (theory.Model(tensors={3: 1.0, 4: 2.0}), "2+3+4 (Delta3=1, Delta4=2)")):
        landscape._scan.cache_clear()
        t0 = time.perf_counter()
        value = theory.threshold(model=model, kind="trivialization", overlaps="all")
        cold = time.perf_counter() - t0
        warm = _best(lambda: theory.threshold(model=model, kind="trivialization", overlaps="all", dps=30), 3, 3)
        print(f"trivialization (all overlaps) {name}: {value:.12f}; float64 cold {cold * 1e3:.0f} ms; "
              f"dps=30 warm {warm * 1e3:.0f} ms")


if __name__ == "__main__":
    main()
