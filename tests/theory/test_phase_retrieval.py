"""theory.threshold / theory.kinds / theory.hessian for theory.PhaseRetrieval, on independent routes:
closed forms from the literature, the state evolution iterated directly, sampled matrices."""

import math
import subprocess
import sys

import mpmath
import numpy as np
import pytest

import theory
from theory import PhaseRetrieval

SQ = PhaseRetrieval("square")
REG = PhaseRetrieval("regularised", a=0.01)
REG1 = PhaseRetrieval("regularised", a=1.0)


class TestKinds:
    def test_catalogue_order(self):
        assert theory.kinds(model=SQ) == ("spectral", "weak_recovery", "amp", "information_theoretic",
                                          "initial_curvature", "gradient_flow")
        assert "gradient_flow" in theory.kinds()  # the spiked family is unchanged


class TestSpectral:
    def test_optimal_is_one_half(self):
        # Mondelli-Montanari (arXiv:1708.05932): delta_u^-1 = E[(E[h*^2|y] - 1)^2] = E[(y - 1)^2] = 2
        assert abs(theory.threshold(model=SQ, kind="spectral", preprocessing="optimal") - 0.5) < 1e-13

    def test_optimal_at_12_digits(self):
        value = theory.threshold(model=REG, kind="spectral", dps=12)
        assert abs(value - mpmath.mpf(1) / 2) <= mpmath.mpf(10) ** -12

    @pytest.mark.slow
    def test_optimal_to_every_digit_at_dps_50(self):
        value = theory.threshold(model=SQ, kind="spectral", preprocessing="optimal", dps=50)
        assert mpmath.nstr(value, 50) == "0.5"
        assert abs(value - mpmath.mpf(1) / 2) <= mpmath.mpf(10) ** -50

    def test_trimmed_is_worse_than_optimal_and_grows_with_trimming(self):
        t3 = theory.threshold(model=SQ, kind="spectral", preprocessing=("trim", 3.0))
        t1 = theory.threshold(model=SQ, kind="spectral", preprocessing=("trim", 1.0))
        assert 0.5 < t3 < t1

    def test_callable_equals_trim(self):
        t = theory.threshold(model=SQ, kind="spectral", preprocessing=("trim", 3.0))
        c = theory.threshold(model=SQ, kind="spectral", preprocessing=lambda y: np.minimum(y, 3.0))
        # the callable's rule has no panel end at the kink of T (the trim's has): a few 1e-4
        assert abs(t - c) < 1e-3

    @pytest.mark.slow
    def test_trim_float_and_dps_agree(self):
        f = theory.threshold(model=SQ, kind="spectral", preprocessing=("trim", 3.0))
        d = theory.threshold(model=SQ, kind="spectral", preprocessing=("trim", 3.0), dps=15)
        assert abs(f - float(d)) < 1e-12

    @pytest.mark.slow
    @pytest.mark.parametrize("alpha,outlier", [(0.5, False), (3.0, True)])
    def test_trim_against_a_sampled_spectral_matrix(self, alpha, outlier):
        # route: the top eigenvector of (1/N) sum min(y, 3) a a^T at N = 1500 (threshold ~0.80); the
        # outlier of one sample fluctuates by O(scale/sqrt(N)) ~ 0.3, hence the tolerances
        rng = np.random.default_rng(3)
        n = 1500
        A = rng.standard_normal((int(alpha * n), n))
        T = np.minimum(A[:, 0] ** 2, 3.0)
        ev, V = np.linalg.eigh((A.T * T) @ A / n)
        overlap = V[0, -1] ** 2
        if outlier:
            assert overlap > 0.3
        else:
            assert overlap < 0.1
        # the theory of the same kind, top side: numerics.glm directly
        from numerics import glm
        from numerics.backend import F64
        from numerics.lines.phase_retrieval import Trim

        law = Trim(3.0).law(F64, SQ, 3)
        top = glm.edge(law, alpha, -1)
        out = glm.outlier(law, alpha, top)
        assert (out is not None) == outlier
        if outlier:
            assert abs(ev[-1] - out.value) < 0.4 and abs(overlap - out.overlap) < 0.12
        else:
            assert abs(ev[-1] - top.value) < 0.4  # the top edge converges slowly (an atom of T at c)


class TestBayes:
    def test_weak_recovery_is_one_half(self):
        # arXiv:1708.05932 / arXiv:2006.05228: alpha_WR = 1/2 in the noiseless real case
        assert theory.threshold(model=SQ, kind="weak_recovery") == 0.5
        assert abs(theory.threshold(model=REG, kind="weak_recovery", dps=50) - mpmath.mpf(1) / 2) \
            <= mpmath.mpf(10) ** -50

    def test_weak_recovery_with_noise_grows(self):
        # E[h*^2|y] is a blurred y: the linear signal is weaker, the threshold larger
        noisy = theory.threshold(model=PhaseRetrieval(noise=0.5), kind="weak_recovery")
        assert 0.5 < noisy < 5
        tiny = theory.threshold(model=PhaseRetrieval(noise=1e-6), kind="weak_recovery")
        assert abs(tiny - 0.5) < 1e-3

    @staticmethod
    def _nested_wr_moment(noise, degree=3):  # degree 4 agrees to 1e-10 (50 s)
        """E_y[(E[h*^2|y] - 1)^2] by a nested 2D/1D Gauss-Legendre quadrature of the definition
        (the posterior of u = h* given y on the nodes of u): a route independent of the closed form."""
        from numerics import glm
        from numerics.backend import F64

        x, w = glm.normal_rule(F64, degree, 1 / 64)
        phi = np.exp(-x * x / 2) / np.sqrt(2 * np.pi)
        z, wz = glm.normal_rule(F64, degree)
        wz = wz * np.exp(-z * z / 2) / np.sqrt(2 * np.pi)
        Y = ((x * x)[:, None] + np.sqrt(noise) * z[None, :]).ravel()
        Wy = ((w * phi)[:, None] * wz[None, :]).ravel()
        logk = -(Y[:, None] - (x * x)[None, :]) ** 2 / (2 * noise)
        logk -= logk.max(axis=1, keepdims=True)
        k = np.exp(logk) * (w * phi)[None, :]
        cond = (k * (x * x)[None, :]).sum(axis=1) / k.sum(axis=1)
        return float(np.dot(Wy, (cond - 1) ** 2))

    def test_noisy_weak_recovery_against_the_nested_quadrature(self):
        # the nested rule resolves the noise kernel at noise = 0.5 (not at 0.01: 3.5e-4 off there,
        # which the closed form and scipy's adaptive quadrature both show)
        ref = self._nested_wr_moment(0.5)
        assert theory.threshold(model=PhaseRetrieval(noise=0.5), kind="weak_recovery") == pytest.approx(1 / ref,
                                                                                                     rel=1e-9)

    def test_noisy_weak_recovery_small_noise_against_scipy(self):
        # at noise = 0.01 the kernel is narrow: check the integrand n(y)^2/p(y) of the closed form at a few
        # y against adaptive quadrature of its definition in u = h*
        from scipy import integrate
        from numerics.backend import F64
        from numerics.lines import phase_retrieval as lines

        noise = 0.01
        for y in (-0.05, 0.003, 0.7, 5.0):
            kern = lambda u: (np.exp(-(y - u * u) ** 2 / (2 * noise)) / np.sqrt(2 * np.pi * noise)  # noqa: E731
                              * np.exp(-u * u / 2) / np.sqrt(2 * np.pi))
            pts = [np.sqrt(y)] if y > 0 else None
            p = 2 * integrate.quad(kern, 0, 12, points=pts, limit=400, epsabs=0, epsrel=1e-12)[0]
            n = 2 * integrate.quad(lambda u: (u * u - 1) * kern(u), 0, 12, points=pts, limit=400,
                                   epsabs=0, epsrel=1e-12)[0]
            sD = np.sqrt(noise)
            x = (y - noise / 2) / sD
            pref = np.exp(noise / 8 - y / 2) / (2 * np.pi * sD)
            p_closed = pref * sD ** 0.5 * lines._S(F64, 0.5, x)
            n_closed = pref * (sD ** 1.5 * lines._S(F64, 1.5, x) - sD ** 0.5 * lines._S(F64, 0.5, x))
            assert p_closed == pytest.approx(p, rel=1e-9) and n_closed == pytest.approx(n, rel=1e-8, abs=1e-12)

    def test_noisy_weak_recovery_large_argument_series(self):
        # the series of _S beyond |x| = 25 against mpmath's parabolic cylinder function at 60 digits
        from numerics.backend import MP
        from numerics.lines import phase_retrieval as lines

        b = MP(30)
        for nu in (mpmath.mpf(1) / 2, mpmath.mpf(3) / 2):
            for x in (26, 60, -26, -60):
                with mpmath.workdps(200):
                    ref = mpmath.gamma(nu) * mpmath.exp(-mpmath.mpf(x) ** 2 / 4) * mpmath.pcfd(-nu, -x)
                got = lines._S(b, b.ctx.mpf(nu), b.ctx.mpf(x))
                assert abs(got - ref) <= mpmath.mpf(10) ** -28 * abs(ref)
                assert float(lines._S(__import__("numerics.backend", fromlist=["F64"]).F64, float(nu), float(x))) \
                    == pytest.approx(float(ref), rel=1e-13)

    @pytest.mark.slow
    def test_noisy_weak_recovery_at_dps(self):
        # certified at dps=20 (two precisions inside threshold); agrees with dps=12 and with float64
        model = PhaseRetrieval(noise=0.01)
        d20 = theory.threshold(model=model, kind="weak_recovery", dps=20)
        d12 = theory.threshold(model=model, kind="weak_recovery", dps=12)
        assert isinstance(d20, mpmath.mpf) and abs(d20 - d12) <= mpmath.mpf(10) ** -12 * d20
        assert float(d20) == pytest.approx(theory.threshold(model=model, kind="weak_recovery"), rel=1e-9)

    def test_information_theoretic_is_one(self):
        # arXiv:2006.05228 (abstract): perfect recovery possible from alpha = 1 (real case)
        assert theory.threshold(model=SQ, kind="information_theoretic") == 1.0
        assert theory.threshold(model=SQ, kind="information_theoretic", dps=40) == 1

    def test_amp_against_the_iterated_state_evolution(self):
        # route: iterate q -> qhat/(1 + qhat) from q = 1e-3; it stalls below the AMP threshold and
        # reaches q ~ 1 above it
        from numerics.lines.phase_retrieval import _se_gap

        alpha_amp = theory.threshold(model=SQ, kind="amp")
        assert 1.0 < alpha_amp < 1.3  # literature (arXiv:1708.03395): about 1.13, not in the test as a value

        def run(alpha, steps=400):
            q = 1e-3
            for _ in range(steps):
                q = q + _se_gap(alpha, q) * q * (1 - q)
                if q > 1 - 1e-6:
                    break
            return q

        assert run(alpha_amp - 0.02) < 0.95
        assert run(alpha_amp + 0.02) > 0.999

    def test_amp_at_dps_against_the_2d_float_route_and_the_iterated_state_evolution(self):
        # routes: the float64 threshold (the 2D tanh integral of the state evolution on a grid, not
        # the 1D trigamma reduction behind dps=) and the 2D state evolution iterated on both sides
        from numerics.lines.phase_retrieval import _se_gap

        d20 = theory.threshold(model=SQ, kind="amp", dps=20)
        assert isinstance(d20, mpmath.mpf)
        assert float(d20) == pytest.approx(theory.threshold(model=SQ, kind="amp"), rel=1e-9, abs=0)

        def run(alpha, steps=600):
            q = 1e-3
            for _ in range(steps):
                q = q + _se_gap(alpha, q) * q * (1 - q)
                if q > 1 - 1e-6:
                    break
            return q

        below, above = run(float(d20) - 0.005), run(float(d20) + 0.005)
        assert below < 0.9  # stuck at the fixed point near q = 0.85
        assert above > 0.999

    @pytest.mark.slow
    def test_amp_at_two_precisions(self):
        # the certificate's own rule, from outside: dps=20 and dps=30 agree to 20 digits
        d20 = theory.threshold(model=SQ, kind="amp", dps=20)
        d30 = theory.threshold(model=SQ, kind="amp", dps=30)
        assert abs(d30 - d20) <= mpmath.mpf(10) ** -20 * d30


class TestInitialCurvature:
    def test_value_and_both_sides_from_the_hessian(self):
        # the threshold put back into the condition that defines it: theory.hessian at m = 0
        a_c = theory.threshold(model=REG1, kind="initial_curvature")
        assert theory.hessian(model=REG1, alpha=a_c * 0.99, m=0.0).outlier is None
        h = theory.hessian(model=REG1, alpha=a_c * 1.01, m=0.0)
        assert h.outlier is not None and h.outlier < h.bulk_edges[0] and 0 < h.overlap < 0.05

    @pytest.mark.parametrize("alpha", [0.6, 2.5])
    def test_sampled_hessians_on_both_sides(self, alpha):
        # route: dense Riemannian Hessians at a random start (N = 400; threshold ~1.13 for a = 1)
        a_c = theory.threshold(model=REG1, kind="initial_curvature")
        n = 400
        overlaps = []
        for seed in range(3):
            rng = np.random.default_rng(seed)
            A = rng.standard_normal((int(alpha * n), n))
            x = rng.standard_normal(n)
            x[0] = 0.0
            x *= math.sqrt(n) / np.linalg.norm(x)
            h, hs = A @ x / math.sqrt(n), A[:, 0]
            _, dl, D = REG1.loss_jets(h, hs * hs)
            u = x / math.sqrt(n)
            P = np.eye(n) - np.outer(u, u)
            ev, V = np.linalg.eigh(P @ ((A.T * D) @ A / n) @ P)
            keep = np.abs(V.T @ u) < 0.5
            overlaps.append(V[0, keep][0] ** 2)
        if alpha > a_c:
            assert min(overlaps) > 0.1
        else:
            assert max(overlaps) < 0.05

    @pytest.mark.slow
    def test_float_and_dps_agree(self):
        # ~100 s: nested certified solves over the closed-form h-integral (two precisions, two rules)
        f = theory.threshold(model=REG, kind="initial_curvature")
        d = theory.threshold(model=REG, kind="initial_curvature", dps=15)
        assert abs(f - float(d)) < 1e-13 * f

    def test_smaller_regulariser_later(self):
        assert theory.threshold(model=REG1, kind="initial_curvature") < \
            theory.threshold(model=REG, kind="initial_curvature")


class TestBadInput:
    @pytest.mark.parametrize("kwargs,match", [
        (dict(model=SQ, kind="initial_curvature"), "unbounded below"),
        (dict(model=SQ, kind="gradient_flow", states="marginal"), "no marginal state for the square loss"),
        (dict(model=SQ, kind="gradient_flow", states="all"), "states must be 'most_numerous' or 'marginal'"),
        (dict(model=PhaseRetrieval(noise=0.1), kind="gradient_flow"), "noiseless"),
        (dict(model=PhaseRetrieval("regularised", a=0.01), kind="gradient_flow", dps=20), "float64 only"),
        (dict(model=PhaseRetrieval("regularised", noise=0.1), kind="gradient_flow"), "noiseless"),
        (dict(model=PhaseRetrieval("regularised", a=0.01), kind="gradient_flow", check_complexity=1), "True or False"),
        (dict(model=SQ, kind="nope"), "kind must be one of"),
        (dict(model=SQ, kind="spectral", preprocessing=("trim", -1.0)), "trimming level"),
        (dict(model=SQ, kind="spectral", preprocessing=3), "preprocessing must be"),
        (dict(model=SQ, kind="weak_recovery", overlaps=3), "takes no option"),
        (dict(model=PhaseRetrieval(noise=0.1), kind="information_theoretic"), "noiseless"),
        (dict(model=PhaseRetrieval(noise=0.1), kind="spectral"), "noiseless labels"),
        (dict(model=PhaseRetrieval("regularised", noise=0.1), kind="initial_curvature"), "noiseless"),
        (dict(model=SQ, kind="amp", dps=51), "dps must be at most 50"),
        (dict(model=SQ, kind="spectral", preprocessing=np.sqrt, dps=20), "cannot be evaluated in mpmath"),
        (dict(model=SQ, kind="weak_recovery", dps=0), "dps must be"),
        (dict(model=SQ, kind="weak_recovery", p=3), "not both"),
    ])
    def test_threshold(self, kwargs, match):
        with pytest.raises(ValueError, match=match):
            theory.threshold(**kwargs)

    @pytest.mark.parametrize("kwargs,match", [
        (dict(alpha=0.0), "alpha"),
        (dict(alpha=1.0, m=1.0), "m must lie"),
        (dict(alpha=1.0, mu=0.0), "alpha=, m= or sample="),
        (dict(alpha=1.0, dps=20), "float64 only"),
        (dict(alpha=1.0, sample=([1.0, 2.0], [1.0])), "same length"),
        (dict(alpha=1.0, sample=np.ones(3)), "tuple"),
    ])
    def test_hessian(self, kwargs, match):
        with pytest.raises(ValueError, match=match):
            theory.hessian(model=REG, **kwargs)

    def test_regularised_noisy_random_point(self):
        with pytest.raises(ValueError, match="pole"):
            theory.hessian(model=PhaseRetrieval("regularised", noise=0.1), alpha=2.0)

    def test_full_output(self):
        r = theory.threshold(model=REG1, kind="initial_curvature", full_output=True)
        assert r.kind == "initial_curvature" and r.model == REG1 and r.dps is None
        assert r.bracket[0] <= r.value <= r.bracket[1] and float(r) == r.value
        assert "alpha = " in repr(r)

    def test_spiked_hessian_still_needs_m_and_mu(self):
        with pytest.raises(ValueError, match="takes m= and mu="):
            theory.hessian(p=3, delta2=0.5, delta_p=1.0, m=0.0)


class TestHessian:
    def test_square_loss_has_no_edges(self):
        h = theory.hessian(model=SQ, alpha=3.0, m=0.2)
        assert h.bulk_edges == (-math.inf, math.inf) and h.outlier is None
        assert math.isclose(h.mu, 2 * 3.0 * (1 - 0.04), rel_tol=1e-12)  # alpha E[h^2 (h^2 - h*^2)]

    def test_random_point_at_m_half_against_a_dense_sample(self):
        # route: the Riemannian Hessian of one sample at overlap m = 0.5 (N = 800, a = 1); the
        # signal direction of the tangent space is (x* - m x)/|.|, as in the derivation
        n, alpha, m = 800, 2.5, 0.5
        rng = np.random.default_rng(0)
        A = rng.standard_normal((int(alpha * n), n))
        z = rng.standard_normal(n)
        z[0] = 0.0
        z *= math.sqrt(n) / np.linalg.norm(z)
        x = m * math.sqrt(n) * np.eye(n)[0] + math.sqrt(1 - m * m) * z
        h, hs = A @ x / math.sqrt(n), A[:, 0]
        _, dl, D = REG1.loss_jets(h, hs * hs)
        mu = (dl * h).sum() / n
        u = x / math.sqrt(n)
        P = np.eye(n) - np.outer(u, u)
        ev, V = np.linalg.eigh(P @ ((A.T * D) @ A / n - mu * np.eye(n)) @ P)
        keep = np.abs(V.T @ u) < 0.5
        ev, V = ev[keep], V[:, keep]
        t = np.eye(n)[0] - m * u
        t /= np.linalg.norm(t)
        theo = theory.hessian(model=REG1, alpha=alpha, sample=(h, hs), m=m)
        assert abs(ev[0] - theo.outlier) < 0.03
        assert abs((V[:, 0] @ t) ** 2 - theo.overlap) < 0.05
        # the Gaussian law at m: the same up to the sample-to-sample spread of the weights' law (B's
        # lowest eigenvalue over seeds 0-2: -0.78, -0.71, -0.69; theory -0.70)
        gauss = theory.hessian(model=REG1, alpha=alpha, m=m)
        assert abs((ev[0] + mu) - (gauss.outlier + gauss.mu)) < 0.15

    def test_sample_float_and_dps_agree(self):
        rng = np.random.default_rng(0)
        h, hs = rng.standard_normal(300), rng.standard_normal(300)
        f = theory.hessian(model=REG1, alpha=2.5, sample=(h, hs), m=0.0)
        d = theory.hessian(model=REG1, alpha=2.5, sample=(h, hs), m=0.0, dps=20)
        assert f.outlier is not None
        for x, y in ((f.outlier, d.outlier), (f.overlap, d.overlap), (f.bulk_edges[0], d.bulk_edges[0]),
                     (f.mu, d.mu)):
            assert abs(x - float(y)) < 1e-10 * max(1, abs(x))

    def test_table_and_plot(self):
        import matplotlib

        matplotlib.use("Agg")
        h = theory.hessian(model=REG1, alpha=2.5)
        t = h.table()
        assert list(t.data) == ["bulk_lower", "bulk_upper", "outlier", "overlap", "mu", "lowest"]
        assert t.data["outlier"][0] == h.outlier and t.data["bulk_lower"][0] == h.bulk_edges[0]
        assert t.attrs["alpha"] == 2.5 and t.attrs["loss"] == "regularised" and t.undescribed() == []
        ax = h.plot(sampled=np.linspace(-1, 3, 50))
        assert ax.get_legend() is not None and len(ax.patches) > 0


def test_import_theory_loads_no_sympy_and_no_glm():
    # the spiked kinds' lines (numerics.lines.spiked) load with theory.threshold; the family's do not
    code = ("import sys, theory\nprint(' '.join(m for m in ('sympy', 'numerics.glm', 'numerics.lines.phase_retrieval', "
            "'theory._pr_thresholds', 'theory._pr_hessian', 'theory._pr_simulation') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == []


@pytest.mark.slow
class TestGradientFlowKind:
    """theory.threshold(kind="gradient_flow"): the marginal 1RSB ansatz (numerics.lines.phase_retrieval).
    The outlier on both sides of the value is checked against sampled matrices in
    tests/numerics/test_pr_gradient_flow.py (alpha = 4 and 5)."""

    def test_marginal_refused_by_default_for_negative_complexity(self):
        with pytest.raises(ValueError, match="marginal states of the 1RSB ansatz have negative complexity"):
            theory.threshold(model=REG, kind="gradient_flow", states="marginal")

    def test_value_and_state(self):
        from numerics import glm
        from numerics.lines import phase_retrieval as L

        r = theory.threshold(model=REG, kind="gradient_flow", states="marginal", check_complexity=False,
                             full_output=True)
        assert 4.0 < r.value < 5.0 and r.bracket[0] < r.value < r.bracket[1] and r.error <= 1e-9 * r.value
        st = r.state
        assert st.alpha == r.value and abs(st.saddle) < 1e-12 and abs(st.replicon) < 1e-12
        assert st.complexity < 0 and st.two_well == 0 and abs(st.cavity_residual) < 1e-12
        # the threshold put back into its condition, on the ends of its bracket (each state re-solved)
        for a, sign in ((r.bracket[0], 1), (r.bracket[1], -1)):
            s = L._marginal_near(REG, a, st.y, st.chi)
            assert sign * float(glm.outlier_residual(s.law, a, s.chi)) > 0
        assert "gradient_flow" in theory.kinds(model=REG)

    def test_most_numerous_states_square_loss(self):
        """The square loss's threshold (13.015, about 160 s of CPU) lies between 12.5 and 13.5: the
        most numerous states there, without and with an outlier (no jump-free marginal state exists)."""
        from numerics import glm
        from numerics.lines import phase_retrieval as L

        for a, sign in ((12.5, 1), (13.5, -1)):
            st = L.most_numerous_state(SQ, a)
            assert st.complexity > 0 and st.replicon < 0 and st.gap > 0 and st.two_well > 0
            assert sign * float(glm.edge_residual(st.law, a, glm.edge(st.law, a, +1))) > 0

    @pytest.mark.parametrize("model, low, high", [(REG, 4.0, 4.2)])
    def test_most_numerous_states(self, model, low, high):
        """The default states: positive complexity, a negative 1RSB replicon and a gapped edge (both
        stated in the docs), and the outlier leaving the edge across the bracket (states re-solved).
        The windows are the measured BBP at the traps of finite-N descents (docs/phase_retrieval.md,
        N = 800: 4.1 and 12.1) widened to hold the value, not the value copied."""
        from numerics import glm
        from numerics.lines import phase_retrieval as L

        r = theory.threshold(model=model, kind="gradient_flow", full_output=True)
        assert low < r.value < high and r.bracket[0] < r.value < r.bracket[1] and r.error <= 1e-6 * r.value
        assert dict(r.options)["states"] == "most_numerous"
        st = r.state
        assert st.complexity > 0 and st.replicon < 0 and st.gap > 0 and abs(st.saddle) < 1e-12
        for a, sign in ((r.bracket[0], 1), (r.bracket[1], -1)):
            s = L.most_numerous_state(model, a, guess=st.y)
            assert sign * float(glm.edge_residual(s.law, a, glm.edge(s.law, a, +1))) > 0
        attrs = r.table().attrs
        assert attrs["state_replicon"] == st.replicon and attrs["state_gap"] == st.gap
        assert "states=most_numerous" in attrs["options"]
