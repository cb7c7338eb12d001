"""Tests of numerics.pr_simulation: the phase-retrieval instance, the descent, the Lanczos diagnostics.

Independent routes: the Riemannian Hessian is also built densely in an orthonormal tangent
basis (QR) and diagonalised with ``numpy.linalg.eigvalsh``; the step rule is checked against
the top of that dense spectrum; the loss and gradient against a finite difference of the loss.
"""

import math

import numpy as np
import pytest

from numerics import pr_simulation as ps
from theory import PhaseRetrieval

SQUARE = PhaseRetrieval("square")
REG = PhaseRetrieval("regularised", a=0.01)
RULE = dict(success_level=0.9, gtol=1e-8, rtol=1e-6, window=1000, reestimate_every=50)


def instance(model, n, alpha, seed):
    return ps.Instance(n=n, m=math.ceil(alpha * n), labels=model.labels, rng=np.random.default_rng(seed))


class TestInstance:
    def test_draws_and_labels(self):
        inst = instance(SQUARE, 30, 3.0, 0)
        assert inst.A.shape == (90, 30)
        assert inst.x_star @ inst.x_star == pytest.approx(30, rel=1e-14)
        assert inst.x0 @ inst.x0 == pytest.approx(30, rel=1e-14)
        np.testing.assert_allclose(inst.h_star, inst.A @ inst.x_star / math.sqrt(30), rtol=1e-13)
        np.testing.assert_array_equal(inst.y, inst.h_star**2)

    def test_common_random_numbers_across_alpha(self):
        small, large = instance(SQUARE, 20, 2.0, 5), instance(SQUARE, 20, 4.0, 5)
        np.testing.assert_array_equal(small.x_star, large.x_star)
        np.testing.assert_array_equal(small.x0, large.x0)
        np.testing.assert_array_equal(small.A, large.A[:40])

    def test_gradient_is_the_derivative_of_the_loss(self):
        # central finite difference of L along a random direction (independent of the back-product)
        inst = instance(REG, 25, 3.0, 1)
        x = inst.x0
        _, _, _, _, L, g = inst.evaluate(x, REG.loss_jets)
        d = np.random.default_rng(2).standard_normal(25)
        eps = 1e-6
        Lp = inst.evaluate(x + eps * d, REG.loss_jets)[4]
        Lm = inst.evaluate(x - eps * d, REG.loss_jets)[4]
        assert (Lp - Lm) / (2 * eps) == pytest.approx(g @ d, rel=1e-6)

    def test_bytes(self):
        assert ps.instance_bytes(1000, 10.0) == 10_000 * 1000 * 8 + 8 * (6 * 10_000 + 4000)
        assert ps.run_bytes(1000, 10.0, 10, np.float32) > ps.instance_bytes(1000, 10.0, np.float32)
        assert ps.instance_bytes(1000, 10.0, np.float32) < 0.51 * ps.instance_bytes(1000, 10.0)

    def test_float32_matrix(self):
        inst = ps.Instance(n=30, m=90, labels=SQUARE.labels, rng=np.random.default_rng(0), dtype=np.float32)
        assert inst.A.dtype == np.float32 and inst.h_star.dtype == np.float64
        np.testing.assert_allclose(inst.h_star, inst.A.astype(float) @ inst.x_star / math.sqrt(30), rtol=1e-5)

    def test_noisy_labels(self):
        noisy = PhaseRetrieval("square", noise=0.1)
        inst = ps.Instance(n=30, m=900, labels=noisy.labels, rng=np.random.default_rng(0))
        residual = inst.y - inst.h_star**2
        assert residual.std() == pytest.approx(math.sqrt(0.1), rel=0.1)


class TestDescend:
    def test_loss_decreases_on_the_sphere(self):
        inst = instance(REG, 60, 3.0, 3)
        d = ps.descend(inst, REG.loss_jets, inst.x0, max_steps=3000, **RULE)
        assert np.all(np.diff(d.loss) <= 1e-12 * np.abs(d.loss[:-1]))
        assert d.loss[-1] < 0.1 * d.loss[0]
        assert d.x @ d.x == pytest.approx(60, rel=1e-12)
        assert d.m[-1] == pytest.approx(d.x @ inst.x_star / 60, rel=1e-12)
        assert np.all(np.diff(d.t) > 0) and d.t[0] == 0
        assert d.outcome in ps.OUTCOMES and d.steps == len(d.m) - 1

    def test_step_within_the_stability_limit(self):
        # the step rule: eta times the top of the dense Riemannian Hessian at the start is at most 1
        inst = instance(REG, 40, 4.0, 4)
        d = ps.descend(inst, REG.loss_jets, inst.x0, max_steps=1, **RULE)
        H, _ = ps.riemannian_hessian_dense(inst, REG.loss_jets, inst.x0)
        top = np.linalg.eigvalsh(H)[-1]
        assert 0.3 < d.step[1] * top <= 1.0 + 1e-9

    def test_success_stops_at_the_level(self):
        inst = instance(SQUARE, 40, 8.0, 0)
        d = ps.descend(inst, SQUARE.loss_jets, inst.x0, max_steps=10_000, **RULE)
        assert d.outcome == "success"
        assert abs(d.m[-1]) >= 0.9 and np.all(np.abs(d.m[:-1]) < 0.9)

    def test_stalls_at_a_spurious_minimum(self):
        # square loss at alpha = 1.5: descent ends in a genuine minimum far from the signal
        inst = instance(SQUARE, 60, 1.5, 2)
        d = ps.descend(inst, SQUARE.loss_jets, inst.x0, max_steps=50_000, **RULE)
        assert d.outcome == "stalled" and abs(d.m[-1]) < 0.6
        assert d.gradient_norm[-1] < 1e-8 or d.loss[-1 - 1000] - d.loss[-1] <= 1e-6 * d.loss[-1]

    def test_orthogonal_to_the_signal_holds_m_at_zero(self):
        # the same instance succeeds unconstrained (test_success_stops_at_the_level); held at m = 0 it
        # stalls at a point stationary on the subsphere x . x* = 0 (gradient checked independently)
        inst = instance(SQUARE, 40, 8.0, 0)
        d = ps.descend(inst, SQUARE.loss_jets, inst.x0, max_steps=20_000, orthogonal_to=inst.x_star, **RULE)
        assert d.outcome == "stalled" and np.max(np.abs(d.m)) < 1e-12
        assert np.all(np.diff(d.loss) <= 1e-12 * np.abs(d.loss[:-1])) and d.x @ d.x == pytest.approx(40, rel=1e-12)
        _, _, _, _, _, g = inst.evaluate(d.x, SQUARE.loss_jets)
        q, _ = np.linalg.qr(np.column_stack([d.x, inst.x_star]))
        tangent = g - q @ (q.T @ g)
        assert np.linalg.norm(tangent) / math.sqrt(40) < 1e-4
        with pytest.raises(ValueError, match="orthogonal_to"):
            ps.descend(inst, SQUARE.loss_jets, inst.x0, max_steps=1, orthogonal_to=np.zeros(3), **RULE)

    @pytest.mark.parametrize("alpha, outlier", [(2.0, False), (8.0, True)])
    def test_traps_held_at_m0_turn_unstable_towards_the_signal(self, alpha, outlier):
        # docs/phase_retrieval.md, "The traps of gradient flow": the stall of a descent held at m = 0 has,
        # with the constraint released, a negative eigenvalue whose eigenvector leans on x* at large alpha
        # (BBP of the trap) and none at small alpha; dense diagonalisation and the weighted-Wishart theory of
        # the stall's (h, h*) sample (numerics.glm at m = 0) agree on which
        from numerics import glm
        from numerics.backend import F64

        inst = instance(REG, 200, alpha, 0)
        d = ps.descend(inst, REG.loss_jets, inst.x0, max_steps=30_000, orthogonal_to=inst.x_star,
                       **(RULE | dict(rtol=1e-7)))
        assert d.outcome == "stalled"
        H, basis = ps.riemannian_hessian_dense(inst, REG.loss_jets, d.x)
        ev, vec = np.linalg.eigh(H)
        lean = float((basis @ vec[:, 0]) @ inst.x_star) ** 2 / 200
        law = glm.sample_law(F64, REG, inst.preactivations(d.x), inst.h_star, m=0.0)
        residual = float(glm.edge_residual(law, alpha, glm.edge(law, alpha, +1)))
        if outlier:
            assert ev[0] < 0 < ev[1] and lean > 0.2 and residual < 0
        else:
            assert ev[0] > -1e-6 and lean < 0.1 and residual > 0

    def test_budget(self):
        inst = instance(SQUARE, 30, 2.0, 1)
        d = ps.descend(inst, SQUARE.loss_jets, inst.x0, max_steps=5, **RULE)
        assert d.outcome == "budget" and d.steps == 5


class TestHessianDiagnostics:
    @pytest.mark.parametrize("model, alpha, seed", [(SQUARE, 3.0, 0), (REG, 2.0, 1)])
    def test_lanczos_against_dense(self, model, alpha, seed):
        inst = instance(model, 50, alpha, seed)
        d = ps.descend(inst, model.loss_jets, inst.x0, max_steps=2000, **RULE)
        for x in (inst.x0, d.x):  # a random start and where the descent ended
            diag = ps.hessian_diagnostics(inst, model.loss_jets, x, k=3)
            H, basis = ps.riemannian_hessian_dense(inst, model.loss_jets, x)
            values, vectors = np.linalg.eigh(H)
            np.testing.assert_allclose(diag.eigenvalues, values[:3], rtol=1e-7, atol=1e-8)
            v = basis @ vectors[:, 0]
            assert diag.overlap == pytest.approx((v @ inst.x_star) ** 2 / 50, rel=1e-5, abs=1e-9)
            assert abs(diag.vector @ x) < 1e-8 * math.sqrt(50)
            assert diag.mu == pytest.approx(np.sum(model.loss_jets(diag.h, inst.y)[1] * diag.h) / 50)
            np.testing.assert_array_equal(diag.h_star, inst.h_star)

    def test_all_positive_spectrum_is_not_hidden_by_the_normal_direction(self):
        # at the signal the Hessian is positive definite: the normal direction (eigenvalue 0 of P H P)
        # must not be reported as the lowest
        inst = instance(SQUARE, 40, 6.0, 3)
        diag = ps.hessian_diagnostics(inst, SQUARE.loss_jets, inst.x_star)
        H, _ = ps.riemannian_hessian_dense(inst, SQUARE.loss_jets, inst.x_star)
        assert diag.lowest > 0
        assert diag.lowest == pytest.approx(np.linalg.eigvalsh(H)[0], rel=1e-8)
