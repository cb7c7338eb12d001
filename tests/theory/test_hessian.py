"""theory.hessian against random matrices: GOE plus a rank-one spike (spec section 3)."""

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
    values, vectors = np.linalg.eigh(goe + mu * np.eye(n) - theta * np.outer(u, u))
    return values, vectors[:, 0] @ u


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
