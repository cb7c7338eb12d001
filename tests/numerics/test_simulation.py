"""Tests of numerics/simulation.py: the sampled instance and the integrator.

Reference values come from independent routes: the model's definition as sums over
distinct indices (elementary symmetric polynomials, computed with ``numpy.poly``), finite
differences, and the order of the scheme measured by halving the step.
"""

import math

import numpy as np
import pytest

from numerics import simulation as sim
from numerics._generated.model_numpy import xi


def _elementary(a, k):
    """e_k(a) = sum over i1 < .. < ik of a_i1 .. a_ik: the coefficients of prod (1 + a_i t)."""
    return np.poly(-np.asarray(a))[k]


def _on_sphere(rng, n):
    z = rng.standard_normal(n)
    return z * math.sqrt(n) / np.linalg.norm(z)


def _at_overlap(rng, x_star, m):
    n = len(x_star)
    z = rng.standard_normal(n)
    z -= (z @ x_star / n) * x_star
    z *= math.sqrt(n) / np.linalg.norm(z)
    return m * x_star + math.sqrt(1 - m * m) * z


class TestInstance:
    def test_symmetric_with_zero_repeated_indices(self):
        inst = sim.Instance(p=4, n=7, delta2=0.5, delta_p=2.0, rng=np.random.default_rng(3))
        A = inst.A
        for perm in [(1, 0, 2, 3), (0, 2, 1, 3), (3, 1, 2, 0)]:  # to rounding (summation order)
            np.testing.assert_allclose(A, A.transpose(perm), rtol=1e-14, atol=1e-18)
        i, j, k, l = np.indices(A.shape)
        repeated = (i == j) | (i == k) | (i == l) | (j == k) | (j == l) | (k == l)
        assert np.all(A[repeated] == 0) and np.all(A[~repeated] != 0)
        assert np.all(np.diag(inst.B) == 0) and np.array_equal(inst.B, inst.B.T)
        assert inst.x_star @ inst.x_star == pytest.approx(7)

    @pytest.mark.parametrize("p, n, delta2, delta_p, m", [(3, 40, 0.5, 1.0, 0.6), (4, 16, 2.0, 0.5, 0.3)])
    def test_loss_mean_and_covariance(self, p, n, delta2, delta_p, m):
        """E L(x) = -N xi(m) and Cov(L(x), L(x')) = N xi(x.x'/N) up to the O(1) terms of the
        excluded repeated indices; and exactly the distinct-index sums of spec section 1."""
        rng = np.random.default_rng(11)
        k = 300
        losses, pairs, mean_exact, cov_exact = [], [], [], []
        for _ in range(k):
            inst = sim.Instance(p=p, n=n, delta2=delta2, delta_p=delta_p, rng=rng)
            x = _at_overlap(rng, inst.x_star, m)
            y = _at_overlap(rng, inst.x_star, m)
            losses.append(inst.loss(x))
            pairs.append(inst.loss(y))
            a = x * inst.x_star  # signal sums over i < j and i1 < .. < ip
            mean_exact.append(-_elementary(a, 2) / (delta2 * n)
                              - math.factorial(p - 1) / (delta_p * n ** (p - 1)) * _elementary(a, p))
            b = x * x
            cov_exact.append(_elementary(b, 2) / (delta2 * n)
                             + math.factorial(p - 1) / (delta_p * n ** (p - 1)) * _elementary(b, p))
        losses, pairs = np.array(losses), np.array(pairs)
        noise = losses - np.array(mean_exact)
        # Mean: the exact finite-N signal, within the sampling error of the noise average.
        assert abs(noise.mean()) < 4 * noise.std() / math.sqrt(k)
        # The exact finite-N mean and variance are -N xi(m), N xi(1) up to O(1) (relative O(1/N)).
        assert np.mean(mean_exact) == pytest.approx(-n * xi(m, p, delta2, delta_p), rel=4 * p * p / n)
        assert np.mean(cov_exact) == pytest.approx(n * xi(1.0, p, delta2, delta_p), rel=2 * p * p / n)
        # Variance: sampling error of a variance is sqrt(2/k) relative.
        assert noise.var() == pytest.approx(np.mean(cov_exact), rel=4 * math.sqrt(2 / k))
        assert noise.var() == pytest.approx(n * xi(1.0, p, delta2, delta_p), rel=4 * math.sqrt(2 / k) + 2 * p * p / n)

    def test_covariance_at_two_points(self):
        """E[V(x) V(x')] = N xi(x.x'/N) at two points of mutual overlap q = 0.7 (exactly the
        distinct-index sums; N xi(q) to leading order, with O(1/(N q^2)) relative corrections)."""
        rng = np.random.default_rng(5)
        n, k, p, delta2, delta_p = 48, 300, 3, 1.0, 0.5
        c = math.factorial(p - 1) / (delta_p * n ** (p - 1))

        def signal(x, x_star):
            a = x * x_star
            return -_elementary(a, 2) / (delta2 * n) - c * _elementary(a, p)

        prods, exact = [], []
        for _ in range(k):
            inst = sim.Instance(p=p, n=n, delta2=delta2, delta_p=delta_p, rng=rng)
            x = _on_sphere(rng, n)
            y = _at_overlap(rng, x, 0.7)
            prods.append((inst.loss(x) - signal(x, inst.x_star)) * (inst.loss(y) - signal(y, inst.x_star)))
            b = x * y
            exact.append(_elementary(b, 2) / (delta2 * n) + c * _elementary(b, p))
        prods = np.array(prods)
        assert prods.mean() == pytest.approx(np.mean(exact), abs=4 * prods.std() / math.sqrt(k))
        assert np.mean(exact) == pytest.approx(n * xi(0.7, p, delta2, delta_p), rel=p * p / (n * 0.49))

    def test_gradient_and_hessian_against_finite_differences(self):
        rng = np.random.default_rng(7)
        inst = sim.Instance(p=3, n=20, delta2=0.7, delta_p=1.3, rng=rng)
        x = _on_sphere(rng, 20)
        v = rng.standard_normal(20)
        g, loss, xg = inst.evaluate(x)
        h = 1e-5
        fd = (inst.loss(x + h * v) - inst.loss(x - h * v)) / (2 * h)
        assert g @ v == pytest.approx(fd, rel=1e-7)
        assert xg == pytest.approx(x @ g) and loss == pytest.approx(inst.loss(x))
        # Riemannian Hessian: the second derivative of L along the geodesic through x.
        H, basis, mu = inst.riemannian_hessian(x)
        assert np.allclose(basis.T @ basis, np.eye(19)) and np.allclose(basis.T @ x, 0)
        w = rng.standard_normal(19)
        u = basis @ w
        u /= np.linalg.norm(u)
        w = basis.T @ u
        r = math.sqrt(20)

        def along(eps):
            return inst.loss(math.cos(eps / r) * x + r * math.sin(eps / r) * u)

        e = 1e-3
        second = (along(e) - 2 * along(0) + along(-e)) / e**2
        assert w @ H @ w == pytest.approx(second, rel=1e-5)
        assert mu == pytest.approx(-xg / 20)

    def test_float32_storage_is_close(self):
        a = sim.Instance(p=3, n=24, delta2=0.5, delta_p=1.0, rng=np.random.default_rng(2))
        b = sim.Instance(p=3, n=24, delta2=0.5, delta_p=1.0, rng=np.random.default_rng(2), dtype=np.float32)
        assert b.A.dtype == np.float32
        b.tensors = ((3, a.A.astype(np.float32)),)  # float32 draws differ from float64 ones: compare storage only
        b.B, b.x_star = a.B, a.x_star
        x = _on_sphere(np.random.default_rng(9), 24)
        assert b.A.dtype == np.float32
        ga, la, _ = a.evaluate(x)
        gb, lb, _ = b.evaluate(x)
        assert lb == pytest.approx(la, rel=1e-5) and np.allclose(gb, ga, rtol=1e-4, atol=1e-5)

    def test_memory_figures(self):
        assert sim.tensor_bytes(3, 512) == 2**30
        assert sim.tensor_bytes(3, 512, np.float32) == 2**29
        assert sim.peak_bytes(3, 512) == 2**31 + 2 * 512 * 512 * 8


class TestIntegrate:
    def _run(self, dt, t, n=32, seed=4):
        rng = np.random.default_rng(seed)
        inst = sim.Instance(p=3, n=n, delta2=0.4, delta_p=1.0, rng=rng)
        x0 = _at_overlap(rng, inst.x_star, 0.1)
        return inst, sim.integrate(inst, x0, dt=dt, steps=round(t / dt), progress=False)

    def test_norm_energy_and_records(self):
        inst, tr = self._run(0.1, 20.0)
        assert len(tr.t) == 201 and tr.t[-1] == pytest.approx(20.0)
        assert tr.x @ tr.x == pytest.approx(32, rel=1e-13)
        assert np.all(np.diff(tr.energy) <= 1e-12 * np.abs(tr.energy[1:]))  # never increases
        assert tr.m[-1] == pytest.approx(tr.x @ inst.x_star / 32)
        assert tr.energy[-1] == pytest.approx(inst.loss(tr.x) / 32)

    def test_fourth_order(self):
        """Halving the step divides the error at a fixed time by ~16 (RK4)."""
        ref = self._run(0.00625, 2.0)[1].x
        err = [np.linalg.norm(self._run(dt, 2.0)[1].x - ref) for dt in (0.1, 0.05, 0.025)]
        ratios = [err[0] / err[1], err[1] / err[2]]
        assert all(10 < r < 24 for r in ratios), ratios

    def test_snapshots_reproduce_states(self):
        inst, tr = self._run(0.1, 10.0)
        k = 37
        j = k // tr.snapshot_every
        x = sim.advance(inst, tr.snapshots[j], dt=0.1, steps=k - j * tr.snapshot_every)
        assert x @ inst.x_star / 32 == tr.m[k]  # bit for bit

    def test_interrupt_returns_consistent_partial_run(self, monkeypatch):
        calls = {"n": 0}
        original = sim._rk4_step

        def flaky(*args):
            calls["n"] += 1
            if calls["n"] == 25:
                raise KeyboardInterrupt
            return original(*args)

        monkeypatch.setattr(sim, "_rk4_step", flaky)
        inst, tr = self._run(0.1, 10.0)
        assert tr.interrupted and len(tr.t) == 25
        assert tr.m[-1] == pytest.approx(tr.x @ inst.x_star / 32, abs=0, rel=0)

    def test_interrupt_before_the_start_is_recorded_propagates(self, monkeypatch):
        # nothing whole to return (not even t = 0): the Ctrl-C contract lets it through
        def interrupted(self, x):
            raise KeyboardInterrupt

        monkeypatch.setattr(sim.Instance, "evaluate", interrupted)
        with pytest.raises(KeyboardInterrupt):
            self._run(0.1, 1.0)


def _coincidence_bound(a, k):
    """A rigorous bound on |(sum a)**k / k! - e_k(a)|: the tuples with a repeated index.

    ``(sum |a|)**k`` sums |products| over all k-tuples and ``k! e_k(|a|)`` over those with distinct
    indices, so their difference over k! bounds the (signed) repeated-index part."""
    b = np.abs(a)
    return (b.sum() ** k - math.factorial(k) * _elementary(b, k)) / math.factorial(k)


class TestAnyModel:
    """Instances of any model: a matrix plus tensors of orders 3 and 4, and a mismatched loss.

    The reference is the definition (docs/your_model.md): with ``Y`` the observations,
    ``E L(x) = -sum_k (k-1)!/(Delta'_k N^(k-1)) e_k(x o x*)`` and
    ``Cov(L(x), L(y)) = sum_k (k-1)! Delta_k/(Delta'_k**2 N^(k-1)) e_k(x o y)``, the
    distinct-index sums; they equal ``-N g(m)`` and ``N xi(q)`` up to the repeated-index
    tuples, bounded exactly by :func:`_coincidence_bound`.  ``g`` and ``xi`` are written here
    from the spec, not taken from the code."""

    CHANNELS = {2: 0.5, 3: 1.0, 4: 2.0}

    @staticmethod
    def _g_xi(channels, assumed):
        def g(q):
            return sum(q**k / (k * assumed[k]) for k in channels)

        def xi(q):
            return sum(channels[k] * q**k / (k * assumed[k] ** 2) for k in channels)

        return g, xi

    @pytest.mark.parametrize("assumed", [None, {2: 1.0, 3: 0.5, 4: 4.0}], ids=["bayes_optimal", "mismatched"])
    def test_loss_mean_and_covariance(self, assumed):
        channels, n, k, m, q = self.CHANNELS, 16, 200, 0.8, 0.7
        used = channels if assumed is None else assumed
        g, xi = self._g_xi(channels, used)
        rng = np.random.default_rng(21)
        lx, ly, mean_x, mean_y, var_x, cov_xy = [], [], [], [], [], []
        for _ in range(k):
            inst = sim.Instance(n=n, channels=channels, assumed=assumed, rng=rng)
            assert inst.orders == (3, 4) and inst.B is not None
            x = _at_overlap(rng, inst.x_star, m)
            y = _at_overlap(rng, x, q)  # overlap q with x
            lx.append(inst.loss(x))
            ly.append(inst.loss(y))
            a, b, c = x * inst.x_star, x * x, x * y
            coef_mean = {j: math.factorial(j - 1) / (used[j] * n ** (j - 1)) for j in channels}
            coef_cov = {j: math.factorial(j - 1) * channels[j] / (used[j] ** 2 * n ** (j - 1)) for j in channels}
            mean_x.append(-sum(coef_mean[j] * _elementary(a, j) for j in channels))
            mean_y.append(-sum(coef_mean[j] * _elementary(y * inst.x_star, j) for j in channels))
            var_x.append(sum(coef_cov[j] * _elementary(b, j) for j in channels))
            cov_xy.append(sum(coef_cov[j] * _elementary(c, j) for j in channels))
            # the distinct-index sums against -N g(m) and N xi(q), with the exact bound
            m_x, q_xy = a.sum() / n, c.sum() / n
            # (the bound is attained when every a_i has one sign: allow rounding)
            bound = sum(coef_mean[j] * _coincidence_bound(a, j) for j in channels)
            assert abs(mean_x[-1] + n * g(m_x)) <= bound * (1 + 1e-12) + 1e-12
            bound = sum(coef_cov[j] * _coincidence_bound(c, j) for j in channels)
            assert abs(cov_xy[-1] - n * xi(q_xy)) <= bound * (1 + 1e-12) + 1e-12
        nx, ny = np.array(lx) - mean_x, np.array(ly) - mean_y
        # Mean: the noise averages to zero within 4 standard errors.
        assert abs(nx.mean()) < 4 * nx.std() / math.sqrt(k)
        # Variance: relative standard error of a Gaussian variance is sqrt(2/k).
        assert np.mean(nx**2) == pytest.approx(np.mean(var_x), rel=4 * math.sqrt(2 / k))
        # Covariance of the two noises: standard error sqrt((var_x var_y + c**2) / k).
        c = np.mean(cov_xy)
        err = math.sqrt((np.mean(var_x) * np.mean(ny**2) + c * c) / k)
        assert np.mean(nx * ny) == pytest.approx(c, abs=4 * err)

    def test_mismatch_changes_the_couplings_not_the_noise(self):
        """Same seed, loss built with doubled variances: every coupling is halved exactly
        (the draws are the same), so the loss is halved."""
        true = sim.Instance(n=9, channels=self.CHANNELS, rng=np.random.default_rng(4))
        doubled = sim.Instance(n=9, channels=self.CHANNELS, assumed={k: 2 * v for k, v in self.CHANNELS.items()},
                               rng=np.random.default_rng(4))
        np.testing.assert_allclose(doubled.B, true.B / 2, rtol=1e-15)
        for (_, a), (_, b) in zip(true.tensors, doubled.tensors):
            np.testing.assert_allclose(b, a / 2, rtol=1e-13, atol=1e-300)

    def test_no_matrix_channel(self):
        inst = sim.Instance(n=6, channels={3: 2 / 3}, rng=np.random.default_rng(0))
        x = _on_sphere(np.random.default_rng(1), 6)
        g, loss, xg = inst.evaluate(x)
        assert inst.B is None and inst.delta2 is None and inst.p == 3
        assert xg == pytest.approx(3 * loss, rel=1e-12)  # homogeneous of degree 3
        np.testing.assert_allclose(inst.euclidean_hessian(x) @ x, 2 * g, rtol=1e-10)

    def test_memory_of_several_tensors(self):
        assert sim.peak_bytes((3, 4), 10) == 8 * (10**3 + 10**4 + 10**4) + 2 * 8 * 100
