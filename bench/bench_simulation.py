"""Benchmark: one gradient evaluation of a sampled instance (p = 3); mixtures; seed ensembles.

    python bench/bench_simulation.py [n ...]        (default n = 128 256 512)
    python bench/bench_simulation.py --models       (2+3+4 mixture, ensembles on a process pool)

For each n: the time of ``Instance.evaluate`` (one BLAS matrix-vector product streaming the
dense tensor, then O(n^2) work), against the obvious alternative run side by side, a naive
``numpy.einsum('ijk,j,k->i', A, x, x)`` without path optimisation; the achieved rate against
the n^p multiply-adds (GFLOP/s, counting 2 flops per multiply-add) and the memory bandwidth
(bytes of the tensor per evaluation); the float32 storage; the tensor's memory and the time
to sample it.  BLAS is pinned to one thread, as in the integrator.
"""

from __future__ import annotations

import sys
import time

import numpy as np
from threadpoolctl import threadpool_limits

from numerics import simulation as sim


def best_of(f, repeat: int) -> float:
    f()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return min(times)


def main(sizes) -> None:
    p = 3
    print(f"p = {p}; times are the best of several runs; BLAS on 1 thread")
    print(f"{'n':>5} {'tensor':>9} {'sample':>8} {'grad f64':>10} {'GFLOP/s':>8} {'GB/s':>6} "
          f"{'einsum':>10} {'einsum/grad':>11} {'grad f32':>10} {'f64/f32':>8}")
    for n in sizes:
        rng = np.random.default_rng(0)
        t0 = time.perf_counter()
        inst = sim.Instance(p=p, n=n, delta2=0.5, delta_p=1.0, rng=rng)
        t_sample = time.perf_counter() - t0
        x = rng.standard_normal(n)
        repeat = max(3, int(2e8 // n**p))
        with threadpool_limits(limits=1, user_api="blas"):
            t_grad = best_of(lambda: inst.evaluate(x), repeat)
            t_einsum = best_of(lambda: np.einsum("ijk,j,k->i", inst.A, x, x, optimize=False), 2)
            # the two agree (a check, not a timing)
            ref = -inst.B @ x - p * np.einsum("ijk,j,k->i", inst.A, x, x, optimize=False)
            assert np.allclose(inst.evaluate(x)[0], ref, rtol=1e-10, atol=1e-10)
            inst.tensors = ((p, inst.A.astype(np.float32)),)
            t_f32 = best_of(lambda: inst.evaluate(x), repeat)
        nbytes = sim.tensor_bytes(p, n)
        print(f"{n:5d} {nbytes / 2**20:7.0f}Mi {t_sample:7.2f}s {t_grad * 1e3:8.2f}ms "
              f"{2 * n**p / t_grad / 1e9:8.2f} {nbytes / t_grad / 1e9:6.1f} "
              f"{t_einsum * 1e3:8.1f}ms {t_einsum / t_grad:11.1f} {t_f32 * 1e3:8.2f}ms {t_grad / t_f32:8.2f}")
        del inst


def models() -> None:
    """A 2+3+4 mixture against its channels evaluated separately (the obvious alternative: one
    instance per channel, gradients summed), and a seed ensemble serially against a two-process
    pool (theory.simulate_ensemble, results identical)."""
    import concurrent.futures as cf

    import theory

    print("gradient of a 2+3+4 model vs its channels as separate instances (BLAS on 1 thread)")
    print(f"{'n':>5} {'mixture':>10} {'separate':>10} {'mixture/separate':>17}")
    for n in (48, 64):
        channels = {2: 0.5, 3: 1.0, 4: 1.0}
        mix = sim.Instance(n=n, channels=channels, rng=np.random.default_rng(0))
        parts = [sim.Instance(n=n, channels={2: 0.5, 3: 1.0}, rng=np.random.default_rng(0)),
                 sim.Instance(n=n, channels={4: 1.0}, rng=np.random.default_rng(0))]
        x = np.random.default_rng(1).standard_normal(n)
        with threadpool_limits(limits=1, user_api="blas"):
            t_mix = best_of(lambda: mix.evaluate(x), 20)
            t_sep = best_of(lambda: [q.evaluate(x) for q in parts], 20)
        print(f"{n:5d} {t_mix * 1e3:8.2f}ms {t_sep * 1e3:8.2f}ms {t_mix / t_sep:17.2f}")
    kw = dict(p=3, n=96, delta2=0.4, delta_p=1.0, m0=0.1, t_max=20.0, seeds=range(4), progress=False)
    t = time.perf_counter()
    serial = theory.simulate_ensemble(**kw)
    t_serial = time.perf_counter() - t
    with cf.ProcessPoolExecutor(max_workers=2) as pool:
        t = time.perf_counter()
        parallel = theory.simulate_ensemble(executor=pool, **kw)
        t_pool = time.perf_counter() - t
    assert parallel == serial
    print(f"ensemble of 4 runs (p=3, n=96, t_max=20): serial {t_serial:.2f} s, 2 processes "
          f"{t_pool:.2f} s, speed-up {t_serial / t_pool:.2f}x (identical results)")


if __name__ == "__main__":
    if sys.argv[1:] == ["--models"]:
        models()
    else:
        main([int(a) for a in sys.argv[1:]] or [128, 256, 512])
