"""theory.hessian against random matrices: GOE plus a rank-one spike (spec section 3)."""

import mpmath
import numpy as np
import pytest
from hypothesis import given

import theory
from theory.testing import parameters


def _sample(n, s, mu, theta, seed):
    """Eigen-decomposition of M + mu I - theta u u^T, M a GOE matrix of semicircle radius 2 s."""
    rng = np.random.default_rng(seed)
    a = rng.standard_normal((n, n))
    goe = s * (a + a.T) / np.sqrt(2 * n)
    u = rng.standard_normal(n)
    u /= np.linalg.norm(u)
    from scipy.linalg import eigh

    a = goe + mu * np.eye(n) - theta * np.outer(u, u)
    # the two lowest eigenpairs and the top eigenvalue: tridiagonalise once, no full eigenbasis
    low, vectors = eigh(a, subset_by_index=[0, 1], driver="evr")
    top = eigh(a, eigvals_only=True, subset_by_index=[n - 1, n - 1], driver="evr")
    return np.array([low[0], low[1], top[0]]), vectors[:, 0] @ u


class TestHessian:
    @pytest.mark.parametrize("delta2,m,has_outlier", [(0.25, 0.0, True), (0.4, 0.2, True),
                                                      (0.8, 0.0, False), (0.3, 0.9, False)])
    def test_random_matrix_lowest_eigenvalue(self, delta2, m, has_outlier):
        # n = 1000 keeps the four eigendecompositions cheap on a 2-core machine with any BLAS;
        # the tolerances below hold there with a margin (edge ~ n^(-2/3), outlier ~ n^(-1/2)).
        n, p, delta_p, mu = 1000, 3, 1.0, 1.5
        h = theory.hessian(p=p, delta2=delta2, delta_p=delta_p, m=m, mu=mu)
        assert (h.outlier is not None) == has_outlier
        values, overlap = _sample(n, h.s, mu, h.theta, seed=1)
        # The bulk edge fluctuates on the scale n^(-2/3); the outlier on n^(-1/2).
        assert abs(values[-1] - h.bulk_edges[1]) < 0.05 * h.s
        if has_outlier:
            assert abs(values[0] - h.outlier) < 0.05 * h.s
            assert values[1] > h.bulk_edges[0] - 0.05 * h.s  # the rest stays in the bulk
            # BBP eigenvector: |<v, u>|^2 = 1 - s^2/theta^2 (Benaych-Georges & Nadakuditi 2011)
            assert abs(overlap**2 - (1 - h.s**2 / h.theta**2)) < 0.05
        else:
            assert abs(values[0] - h.bulk_edges[0]) < 0.05 * h.s
            assert overlap**2 < 0.05

    @given(parameters())
    def test_outlier_below_bulk_iff_theta_above_s(self, params):
        h = theory.hessian(**params)
        assert (h.outlier is not None) == (h.theta > h.s)
        if h.outlier is not None:
            assert h.outlier < h.bulk_edges[0]
        assert h.bulk_edges[1] - h.bulk_edges[0] == pytest.approx(4 * h.s, rel=1e-14)

    def test_marginal_states_at_the_gradient_flow_threshold_are_the_bbp_point(self):
        delta2 = theory.threshold(p=3, delta_p=1, dps=30)
        h = theory.hessian(p=3, delta2=delta2, delta_p=1, m=0, mu=0, dps=30)
        assert abs(h.theta - h.s) < 1e-28

    def test_dps_returns_mpmath(self):
        import mpmath

        h = theory.hessian(p=4, delta2="0.3", delta_p="0.5", m="0.1", mu=2, dps=40)
        assert isinstance(h.outlier, mpmath.mpf) and isinstance(h.bulk_edges[0], mpmath.mpf)

    @pytest.mark.parametrize("kwargs,match", [
        (dict(m=1.0), "m must lie in the open interval"), (dict(m=-1.5), "m must lie"),
        (dict(delta2=0), "delta2 must be a positive"), (dict(delta_p=float("inf")), "delta_p"),
        (dict(mu=float("nan")), "mu must be a finite"), (dict(p=2), "p must be an integer"),
    ])
    def test_bad_input(self, kwargs, match):
        params = dict(p=3, delta2=0.5, delta_p=1.0, m=0.0, mu=0.0) | kwargs
        with pytest.raises(ValueError, match=match):
            theory.hessian(**params)


def _noise_hessian_variance_and_width(n, true, assumed, seed):
    """Sample the noise part of a (mismatched) loss and its Hessian on the tangent space.

    ``V(x) = sum_k a_k N**(-(k-1)/2) sum_{i1..ik} J_{i1..ik} x_i1 .. x_ik`` with iid standard
    ``J`` and ``a_k**2 = Delta_k / (k Delta'_k**2)``: the noise of channel k (variance Delta_k)
    weighted as in a loss built with Delta'_k.  Returns the variance and the range of the
    eigenvalues of the tangent Hessian (shifts do not matter)."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(n)
    x *= np.sqrt(n) / np.linalg.norm(x)
    h = np.zeros((n, n))
    for k, delta in true.items():
        a = np.sqrt(delta / (k * assumed[k] ** 2)) * n ** (-(k - 1) / 2)
        j = rng.standard_normal((n,) * k)
        if k == 2:
            h += a * (j + j.T)
        elif k == 3:
            parts = [np.einsum("ijc,c->ij", j, x), np.einsum("icj,c->ij", j, x), np.einsum("cij,c->ij", j, x)]
            h += a * sum(p + p.T for p in parts)
        else:  # pragma: no cover - the test uses orders 2 and 3
            raise NotImplementedError
    q, _ = np.linalg.qr(np.column_stack([x, rng.standard_normal((n, n - 1))]))
    tangent = q[:, 1:]
    values = np.linalg.eigvalsh(tangent.T @ h @ tangent)
    return values.var(), values[-1] - values[0]


class TestMismatchedHessian:
    def test_bulk_radius_is_twice_the_root_of_the_true_xi_second(self):
        # 2 + 3 channels, the loss built with other variances: the noise Hessian has semicircle
        # variance xi''(1) with the TRUE covariance xi = sum Delta_k q**k/(k Delta'_k**2)
        # (4 + 1/2 here), not the Bayes-optimal 1/Delta'_2 + 2/Delta'_3 = 3 of the assumed model.
        true, assumed = {2: 1.0, 3: 1.0}, {2: 0.5, 3: 2.0}
        model = theory.Model(true[2], {3: true[3]}, assumed=theory.Model(assumed[2], {3: assumed[3]}))
        h = theory.hessian(model=model, m=0.0, mu=0.0)
        assert h.s**2 == pytest.approx(4.5, rel=1e-15)
        var, width = _noise_hessian_variance_and_width(200, true, assumed, seed=3)
        assert var == pytest.approx(h.s**2, rel=0.04)
        assert width == pytest.approx(h.bulk_edges[1] - h.bulk_edges[0], rel=0.08)

    def test_theta_uses_the_signal_of_the_loss(self):
        # g''(m) = sum_k (k-1) m**(k-2)/Delta'_k: at m = 0 only the matrix term, 1/Delta'_2
        model = theory.Model(1.0, {3: 1.0}, assumed=theory.Model(0.25, {3: 2.0}))
        assert theory.hessian(model=model, m=0.0, mu=0.0).theta == 4.0
        assert theory.hessian(model=model, m=0.5, mu=0.0).theta == pytest.approx((4 + 0.5 * 0.5 * 2) * 0.75)


class TestHessianModels:
    def test_shorthand_equals_model_bit_for_bit(self):
        for dps in (None, 30):
            a = theory.hessian(p=4, delta2=0.3, delta_p=0.7, m=0.2, mu=1.5, dps=dps)
            b = theory.hessian(model=theory.Model(0.3, {4: 0.7}), m=0.2, mu=1.5, dps=dps)
            assert a == b

    def test_pure_tensor_has_no_outlier_at_m0(self):
        for d2 in (None, float("inf")):
            h = theory.hessian(p=3, delta2=d2, delta_p=2 / 3, m=0.0, mu=0.0)
            assert h.outlier is None and h.theta == 0.0 and h.s == pytest.approx(3**0.5, rel=1e-15)

    def test_cancelling_outlier_is_certified(self):
        # theta = 4, s**2 = 6 at m = 0: the outlier is mu - 5.5 = 1e-25 exactly
        ctx = mpmath.MPContext()
        ctx.dps = 100
        exact = ctx.mpf(1) / ctx.mpf(10) ** 25
        for dps in (20, 45):
            h = theory.hessian(p=3, delta2=0.25, delta_p=1.0, m=0.0, mu="5.5000000000000000000000001", dps=dps)
            assert abs(ctx.mpf(h.outlier) - exact) <= exact * ctx.mpf(10) ** (1 - dps)

    def test_dps_1_to_1000(self):
        for dps in (1, 1000):
            h = theory.hessian(p=3, delta2="0.25", delta_p=1, m="0.1", mu=2, dps=dps)
            assert h.outlier is not None

    def test_float_overflow_is_refused(self):
        with pytest.raises(ValueError, match="dps="):
            theory.hessian(p=3, delta2=1.0, delta_p=1.0, m=0.0, mu="1e400")


class TestHessianFloatRange:
    def test_value_below_float64_is_refused_not_zero(self):
        # the pure 3-spin with Deltap = 1e310: theta = g''(m)(1 - m**2) = 2 m (1 - m**2)/1e310 < 1e-308
        with pytest.raises(ValueError, match="float64 cannot resolve this spectrum.*pass dps="):
            theory.hessian(model=theory.Model(tensors={3: "1e310"}), m=0.3, mu=2.0)

    def test_mu_beyond_float64_is_refused(self):
        with pytest.raises(ValueError, match="float64 cannot hold this spectrum"):
            theory.hessian(p=3, delta2=0.5, delta_p=1.0, m=0.3, mu="1e400")
