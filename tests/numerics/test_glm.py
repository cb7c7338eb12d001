"""numerics/glm.py and numerics/backend.py: the weighted-Wishart core against closed forms and
sampled matrices (dense at small N in the default tier, matrix-free Lanczos at N = 3000 slow)."""

import math

import mpmath
import numpy as np
import pytest

from numerics import glm
from numerics.backend import F64, MP
from theory import PhaseRetrieval

REG = PhaseRetrieval("regularised", a=1.0)  # bounded top of the spectrum: Lanczos converges fast


def _unit_law(b, n=3):
    """D = 1 (Marchenko-Pastur), g standard Gaussian: a rule from normal_rule."""
    x, w = glm.normal_rule(b, n)
    w = w * b.exp(-x * x / 2) / b.sqrt(2 * b.pi)
    return glm.Law(b, w, x * 0 + 1, x, None, 1.0, 1.0)


class TestBackend:
    def test_mp_is_cached_and_private(self):
        assert MP(25) is MP(25)
        assert MP(25).ctx is not mpmath.mp
        assert mpmath.mp.dps == 15

    def test_from_exact(self):
        from fractions import Fraction

        assert MP(40).from_exact(Fraction(1, 3)) == MP(40).ctx.mpf(1) / 3
        assert F64.from_exact(Fraction(1, 4)) == 0.25

    def test_bad_dps(self):
        with pytest.raises(ValueError, match="dps must be an integer >= 1"):
            MP(0)

    def test_normal_rule_integrates_moments(self):
        # E[x^4] = 3 for a standard Gaussian, at float64 and at 40 digits
        for b, tol in ((F64, 1e-14), (MP(40), mpmath.mpf(10) ** -38)):
            x, w = glm.normal_rule(b, 5 if b.ctx else 3, 1 / 16)
            w = w * b.exp(-x * x / 2) / b.sqrt(2 * b.pi)
            assert abs(b.dot(w, x**4) - 3) < tol


class TestMarchenkoPastur:
    @pytest.mark.parametrize("alpha", [0.25, 2.0, 9.0])
    def test_edges(self, alpha):
        # closed form: B = (1/N) sum_mu a a^T has edges (sqrt(alpha) -+ 1)^2 (Marchenko-Pastur)
        law = _unit_law(F64)
        lo = glm.edge(law, alpha, +1)
        hi = glm.edge(law, alpha, -1)
        if alpha > 1:
            assert math.isclose(lo.value, (math.sqrt(alpha) - 1) ** 2, rel_tol=1e-10)
        else:
            assert lo.hard and lo.value == 0  # N - M zero eigenvalues
        assert math.isclose(hi.value, (math.sqrt(alpha) + 1) ** 2, rel_tol=1e-10)

    def test_no_outlier_when_the_weight_ignores_the_signal(self):
        law = _unit_law(F64)
        assert glm.outlier(law, 4.0, glm.edge(law, 4.0, +1)) is None

    def test_mp_edge(self):
        b = MP(30)
        law = glm.Law(b, *(_unit_law(b, 5).__dict__[k] for k in ("w", "D", "g")), None, 1.0, 1.0, None,
                      _unit_law(F64))
        lo = glm.edge(law, b.num(4), +1)
        assert abs(lo.value - 1) < mpmath.mpf(10) ** -28  # (sqrt(4) - 1)^2


def _sampled_hessian(n, alpha, seed, model=REG):
    """A random point at m = 0 exactly: signal e_0, x orthogonal to it; returns (h, h*, lowest
    eigenvalues + mu, squared overlaps with the signal) of the Riemannian Hessian, dense."""
    rng = np.random.default_rng(seed)
    A = rng.standard_normal((int(alpha * n), n))
    x = rng.standard_normal(n)
    x[0] = 0.0
    x *= math.sqrt(n) / np.linalg.norm(x)
    h, hs = A @ x / math.sqrt(n), A[:, 0].copy()
    _, dl, D = model.loss_jets(h, hs * hs)
    u = x / math.sqrt(n)
    P = np.eye(n) - np.outer(u, u)
    B = (A.T * D) @ A / n
    ev, V = np.linalg.eigh(P @ B @ P)
    keep = np.abs(V.T @ u) < 0.5  # drop the normal direction (eigenvalue 0)
    return h, hs, ev[keep], V[0, keep] ** 2


class TestSampledSmall:
    def test_outlier_and_overlap_against_a_dense_sample(self):
        # N = 400, alpha = 2.5 (above the initial-curvature line of a = 1, ~1.13): the sample's
        # own empirical law predicts its smallest eigenvalue and the overlap of its eigenvector
        h, hs, ev, ov = _sampled_hessian(400, 2.5, 1)
        law = glm.sample_law(F64, REG, h, hs, m=0.0)
        sp = glm.spectrum(law, 2.5)
        assert sp.outlier is not None
        assert abs(ev[0] - sp.outlier.value) < 0.08
        assert abs(ov[0] - sp.outlier.overlap) < 0.08
        assert ev[1] > sp.outlier.value  # the rest is in the bulk


@pytest.mark.slow
class TestSampledLanczos:
    """N = 3000, matrix-free Lanczos (scipy eigsh on a LinearOperator)."""

    @staticmethod
    def _lanczos(n, alpha, seed):
        from scipy.sparse.linalg import LinearOperator, eigsh

        rng = np.random.default_rng(seed)
        A = rng.standard_normal((int(alpha * n), n))
        x = rng.standard_normal(n)
        x[0] = 0.0
        x *= math.sqrt(n) / np.linalg.norm(x)
        h, hs = A @ x / math.sqrt(n), A[:, 0].copy()
        _, _, D = REG.loss_jets(h, hs * hs)
        u = x / math.sqrt(n)

        def mv(v):
            v = v - u * (u @ v)
            w = A.T @ (D * (A @ v)) / n
            return w - u * (u @ w)

        ev, V = eigsh(LinearOperator((n, n), matvec=mv, dtype=float), k=3, which="SA", tol=1e-9)
        return h, hs, ev, V[0] ** 2

    def test_outlier_edge_and_overlap(self):
        h, hs, ev, ov = self._lanczos(3000, 2.5, 0)
        for law, tol in ((glm.sample_law(F64, REG, h, hs, m=0.0), 0.02), (glm.gaussian_law(F64, REG, 0), 0.04)):
            sp = glm.spectrum(law, 2.5)
            assert abs(ev[0] - sp.outlier.value) < tol
            assert abs(ov[0] - sp.outlier.overlap) < 0.03
            assert sp.outlier.value < sp.lower.value < ev[1] + tol

    def test_edge_without_outlier(self):
        h, hs, ev, ov = self._lanczos(3000, 0.6, 0)
        sp = glm.spectrum(glm.gaussian_law(F64, REG, 0), 0.6)
        assert sp.outlier is None
        assert abs(ev[0] - sp.lower.value) < 0.05
        assert ov[0] < 0.05


class TestGaussianLaw:
    def test_rule_orders_agree(self):
        # the float64 rule against one with twice the nodes a panel
        for model in (REG, PhaseRetrieval("regularised", a=0.01)):
            l3, l4 = glm.gaussian_law(F64, model, 0.3, degree=3), glm.gaussian_law(F64, model, 0.3, degree=4)
            for alpha in (1.0, 4.0):
                e3, e4 = glm.edge(l3, alpha, +1), glm.edge(l4, alpha, +1)
                assert abs(e3.value - e4.value) < 1e-9 * max(1, abs(e4.value))
                assert abs(glm.multiplier(l3, alpha) - glm.multiplier(l4, alpha)) < 1e-9 * alpha * 100

    def test_unbounded_sides(self):
        law = glm.gaussian_law(F64, PhaseRetrieval("square"), 0)
        assert glm.edge(law, 2.0, +1) is None and glm.edge(law, 2.0, -1) is None

    def test_multiplier_closed_form(self):
        # square loss at m: mu = alpha E[h^2 (h^2 - h*^2)] = alpha (3 - (1 + 2 m^2)) = 2 alpha (1 - m^2)
        law = glm.gaussian_law(F64, PhaseRetrieval("square"), 0.4)
        assert math.isclose(glm.multiplier(law, 1.5), 2 * 1.5 * (1 - 0.16), rel_tol=1e-12)


class TestRandomStartLaw:
    @pytest.mark.parametrize("a", [0.01, 1.0])
    def test_closed_form_h_integral_against_the_2d_rule(self, a):
        # route: the same expectations by the two-dimensional product rule (no closed form)
        model = PhaseRetrieval("regularised", a=a)
        one, two = glm.random_start_law(F64, model), glm.gaussian_law(F64, model, 0)
        for alpha in (1.0, 4.0):
            e1, e2 = glm.edge(one, alpha, +1), glm.edge(two, alpha, +1)
            assert abs(e1.value - e2.value) < 1e-11 * max(1, abs(e2.value))
            assert abs(glm.edge_residual(one, alpha, e1) - glm.edge_residual(two, alpha, e2)) < 1e-11
            o1, o2 = glm.outlier(one, alpha, e1), glm.outlier(two, alpha, e2)
            assert (o1 is None) == (o2 is None)
            if o1 is not None:
                assert abs(o1.overlap - o2.overlap) < 1e-10

    def test_mp_matches_float(self):
        model = PhaseRetrieval("regularised", a=0.01)
        b = MP(30)
        e = glm.edge(glm.random_start_law(b, model, degree=5), b.num(4), +1)
        assert abs(float(e.value) - glm.edge(glm.random_start_law(F64, model), 4.0, +1).value) < 1e-12

    def test_square_loss_refused(self):
        with pytest.raises(ValueError, match="regularised loss"):
            glm.random_start_law(F64, PhaseRetrieval("square"))
