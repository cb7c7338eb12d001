"""derivations/phase_retrieval.py against independent routes: finite differences, direct
quadrature of the channel, moments of the Gaussian, the prior free entropy evaluated near q = 1."""

import math

import mpmath
import numpy as np
import pytest
import sympy as sp

from derivations import phase_retrieval as pr
from numerics._generated import phase_retrieval_mpmath as kmp
from numerics._generated import phase_retrieval_numpy as knp


class TestLosses:
    @pytest.mark.parametrize("loss,tag,extra", [("square", "square", ()), ("regularised", "reg", (0.3,))])
    def test_derivatives_match_finite_differences(self, loss, tag, extra):
        # route: central differences of the generated loss kernel itself (not its derivative kernels)
        ctx = mpmath.MPContext()
        ctx.dps = 40
        f = getattr(kmp, f"pr_{tag}_loss")
        for h, y in [(0.3, 1.2), (-1.7, 0.05), (2.0, 4.0)]:
            d1 = ctx.diff(lambda t: f(ctx, t, y, *extra), h)
            d2 = ctx.diff(lambda t: f(ctx, t, y, *extra), h, 2)
            assert abs(getattr(kmp, f"pr_{tag}_dloss")(ctx, h, y, *extra) - d1) < 1e-25
            assert abs(getattr(kmp, f"pr_{tag}_d2loss")(ctx, h, y, *extra) - d2) < 1e-25
            assert math.isclose(getattr(knp, f"pr_{tag}_mult")(h, y, *extra), float(d1) * h, rel_tol=1e-13,
                                abs_tol=1e-15)

    def test_square_loss_by_hand(self):
        # (h^2 - y)^2/4: l' = h (h^2 - y), l'' = 3 h^2 - y
        assert sp.simplify(pr.weight("square") - (3 * pr.h**2 - pr.y)) == 0
        assert sp.simplify(pr.loss("regularised") * 4 * (pr.a + pr.y) - (pr.h**2 - pr.y) ** 2) == 0

    def test_unknown_loss(self):
        with pytest.raises(ValueError, match="loss must be one of"):
            pr.loss("huber")


class TestChannel:
    def test_g_out_is_the_derivative_of_log_z_out(self):
        # route: numerical derivative of the mixture of two Gaussians Z_out, written here by hand
        ctx = mpmath.MPContext()
        ctx.dps = 30

        def log_z(y, om, V):
            r = ctx.sqrt(y)
            return ctx.log(ctx.npdf(r, om, ctx.sqrt(V)) + ctx.npdf(-r, om, ctx.sqrt(V)))

        for y, om, V in [(0.7, 0.3, 0.5), (2.5, -1.1, 0.05), (0.01, 0.9, 1.0)]:
            ref = ctx.diff(lambda o: log_z(y, o, V), om)
            assert abs(kmp.pr_gout(ctx, y, om, V) - ref) < 1e-20

    def test_weak_recovery_moment_is_two(self):
        # E[(h*^2 - 1)^2] = 3 - 2 + 1 = 2 for a standard Gaussian (Mondelli-Montanari: alpha = 1/2)
        assert pr._gaussian_moment_poly(pr.weak_recovery_integrand()) == 2

    def test_it_divergence_against_the_free_entropy_near_q_1(self):
        # route: evaluate the prior part of the free entropy numerically at q = 1 - eps and fit the
        # coefficient of -log(1 - q) from two small eps; the channel adds alpha/2
        f = sp.lambdify(sp.Symbol("q", positive=True), pr.prior_free_entropy(), "mpmath")
        with mpmath.workdps(60):
            e1, e2 = mpmath.mpf("1e-30"), mpmath.mpf("1e-40")
            slope = (f(1 - e2) - f(1 - e1)) / (mpmath.log(e1) - mpmath.log(e2))
        assert abs(slope - (-0.5)) < 1e-8
        assert sp.simplify(pr.it_divergence() - (pr.alpha - 1) / 2) == 0


class TestAmpReduction:
    """The 1D form of the AMP state evolution (``amp_reduction``, ``amp_kernel_L``) against the
    2D definition and direct quadratures."""

    @staticmethod
    def _L_direct(ctx, k):
        return ctx.quad(lambda r: r * ctx.exp(-r) * ctx.sech(k * r), [0, 1, 10, ctx.inf])

    @pytest.mark.parametrize("k", ["0.001", "0.3", "0.95"])
    def test_L_and_its_derivative_against_the_defining_integral(self, k):
        # route: mpmath.quad of int rho e^-rho sech(k rho), and its numerical derivative in k
        ctx = mpmath.MPContext()
        ctx.dps = 30
        k = ctx.mpf(k)
        x = kmp.pr_amp_x(ctx, k)
        with ctx.extraprec(40):
            h = x + ctx.mpf(1) / 2
            p = (ctx.psi(1, x), ctx.psi(1, h), ctx.psi(2, x), ctx.psi(2, h))
            L, kdL = kmp.pr_amp_L(ctx, k, *p[:2]), kmp.pr_amp_kdL(ctx, k, *p)
        assert abs(L - self._L_direct(ctx, k)) < 1e-25
        assert abs(kdL - k * ctx.diff(lambda t: self._L_direct(ctx, t), k)) < 1e-20
        if k < 0.01:  # the small-k series the numerics use below ~1e-4 (float64: 1e-3)
            assert abs(kmp.pr_amp_L_series(ctx, k) - L) < 1e-19
            assert abs(kmp.pr_amp_kdL_series(ctx, k) - kdL) < 1e-19

    @pytest.mark.parametrize("q", [0.3, 0.85])
    def test_gout2_against_the_2d_tanh_integral(self, q):
        # route: E[g_out^2] of the original channel, (omega, z) on a 2D product rule (scipy dblquad)
        from scipy import integrate

        import numerics.lines.phase_retrieval as lines
        from numerics.backend import MP

        V = 1 - q
        b = MP(20)
        S = lines._amp_moments(b, b.num(q))[0]
        one_d = float(kmp.pr_amp_gout2(b.ctx, q, S))

        def integrand(e, x):  # omega = sqrt(q) x, z = omega + sqrt(V) e, y = z^2
            omega = math.sqrt(q) * x
            z = omega + math.sqrt(V) * e
            g = knp.pr_gout(z * z, omega, V)
            return g * g * math.exp(-(x * x + e * e) / 2) / (2 * math.pi)

        two_d = integrate.dblquad(integrand, -12, 12, -12, 12, epsabs=1e-12, epsrel=1e-11)[0]
        assert one_d == pytest.approx(two_d, rel=1e-8)

    def test_S_against_its_2d_definition_at_20_digits(self):
        # route: mpmath.quad of S = E[t^2 sech(sqrt(q) u t)] over the plane (not the polar form)
        import numerics.lines.phase_retrieval as lines
        from numerics.backend import MP

        b = MP(20)
        ctx = b.ctx
        q = ctx.mpf("0.85")
        c = ctx.sqrt(q)
        pts = [0, 3, 8, ctx.inf]
        two_d = 4 * ctx.quad(lambda u, t: t * t * ctx.sech(c * u * t) * ctx.exp(-(u * u + t * t) / 2) / (2 * ctx.pi),
                             pts, pts)
        assert abs(lines._amp_moments(b, q)[0] - two_d) < 1e-18

    def test_stationarity_is_the_derivative_of_the_ratio(self):
        # route: central difference of the ratio in q, with S from the quadrature, against the
        # stationarity kernel with U (positive factor (1 - sqrt(1 - q) S)^2)
        import numerics.lines.phase_retrieval as lines
        from numerics.backend import MP

        b = MP(30)
        ctx = b.ctx
        q, dq = ctx.mpf("0.6"), ctx.mpf("1e-8")
        ratio = lambda t: kmp.pr_amp_ratio(ctx, t, lines._amp_moments(b, t)[0])  # noqa: E731
        S, U = lines._amp_moments(b, q)
        slope = (ratio(q + dq) - ratio(q - dq)) / (2 * dq)
        expected = kmp.pr_amp_stationarity(ctx, q, S, U) / (1 - ctx.sqrt(1 - q) * S) ** 2
        assert abs(slope - expected) < 1e-12

    def test_limits_of_the_ratio(self):
        # route: the linearised state evolution, E[g_out^2] ~ 2 q as q -> 0: the fixed-point ratio
        # tends to the weak-recovery threshold 1/2 (E_y[(y - 1)^2] = 2)
        import numerics.lines.phase_retrieval as lines
        from numerics.backend import F64

        q = 1e-4
        S = lines._amp_moments(F64, q)[0]
        assert knp.pr_amp_ratio(q, S) == pytest.approx(0.5, rel=1e-3)


class TestOptimalPreprocessing:
    def test_edge_identity_holds_for_every_alpha(self):
        assert pr.optimal_edge_identity() == 0

    def test_resolvent_is_the_cancelled_ratio(self):
        for yv, al, sv in [(0.3, 0.8, -0.5), (5.0, 2.0, -0.99), (1.7, 0.6, 0.2)]:
            T = knp.pr_opt_T(yv, al)
            assert math.isclose(knp.pr_opt_resolvent(yv, al, sv), T / (1 + T * sv), rel_tol=1e-12)

    def test_edge_identity_by_quadrature(self):
        # route: 1 - alpha E[(T/(1 - T))^2] at s = -1 by numpy Gauss-Hermite, for two alphas
        x, w = np.polynomial.hermite_e.hermegauss(80)
        w = w / w.sum()
        for al in (0.7, 3.0):
            r = knp.pr_opt_resolvent(x * x, al, -1.0)
            assert abs(1 - al * np.dot(w, r * r)) < 1e-12


class TestGradientFlowAnsatz:
    """The checks behind "Why not replica symmetry" in docs/phase_retrieval.md (the gradient_flow kind): the
    zero-temperature replica-symmetric (proximal) law of the traps fails its own stability test."""

    def test_one_sample_stationarity_is_the_cubic(self):
        # d/dh [l(h; y) + (h - omega)^2/(2 chi)] = 0  <=>  h^3 + (kappa - y) h - kappa omega = 0 with
        # kappa = 1/chi (square) or (a + y)/chi (regularised)
        omega, chi = sp.symbols("omega chi", positive=True)
        for name in pr.LOSSES:
            scale = pr.a + pr.y if name == "regularised" else 1
            cost = pr.loss(name) + (pr.h - omega) ** 2 / (2 * chi)
            kappa = scale / chi
            cubic = pr.h**3 + (kappa - pr.y) * pr.h - kappa * omega
            assert sp.simplify(sp.diff(cost, pr.h) * scale - cubic) == 0

    def test_square_loss_proximal_map_jumps_at_omega_0(self):
        # for y > 1/chi the one-sample cost at omega = 0 has two symmetric minima: the global minimum
        # jumps from -h0 to +h0 as omega crosses 0, for every chi (y is unbounded)
        chi, y = 0.7, 3.0
        for omega, sign in ((-1e-9, -1), (1e-9, 1)):
            roots = np.roots([1, 0, 1 / chi - y, -omega / chi])
            real = roots[np.abs(roots.imag) < 1e-9].real
            cost = (real**2 - y) ** 2 / 4 + (real - omega) ** 2 / (2 * chi)
            best = real[np.argmin(cost)]
            assert np.sign(best) == sign and abs(best) == pytest.approx(math.sqrt(y - 1 / chi), rel=1e-6)

    def test_regularised_rs_state_is_not_a_trap(self):
        # regularised loss, a = 0.01, m = 0: on the smooth branch (chi <= 1, a unique root) solve the
        # sphere condition alpha chi^2 E[l'^2] = 1 for chi; the replicon 1 - alpha chi^2 E[(l''/(1 + chi l''))^2]
        # is negative at every alpha checked: the RS state has the bulk of its Hessian below 0
        from scipy.optimize import brentq

        from numerics import glm
        from numerics.backend import F64

        a = 0.01
        x, w = glm.normal_rule(F64, 3, math.sqrt(a) / 8)
        w = w * np.exp(-x * x / 2) / math.sqrt(2 * math.pi)
        om, hs = np.meshgrid(x, x, indexing="ij")
        W, Y = np.outer(w, w), hs * hs

        def prox(chi):  # the real root of h^3 + c h - d (c > 0), Cardano, odd in d
            c, d = a / chi + Y * (1 / chi - 1), (a + Y) * om / chi
            u = np.cbrt(np.abs(d) / 2 + np.sqrt(d * d / 4 + c**3 / 27))
            h = np.sign(d) * (u - c / (3 * u))
            h -= (h**3 + c * h - d) / (3 * h * h + c)  # one Newton step against Cardano's cancellation
            assert np.all(np.abs(h**3 + c * h - d) <= 1e-12 * (np.abs(d) + c * np.abs(h) + np.abs(h) ** 3) + 1e-300)
            return h

        for alpha in (4.0, 10.0, 30.0):
            def sphere(chi):
                h = prox(chi)
                return alpha * chi * chi * np.sum(W * (h * (h * h - Y) / (a + Y)) ** 2) - 1

            assert sphere(1e-4) < 0 < sphere(1.0)
            chi = brentq(sphere, 1e-4, 1.0, xtol=1e-14)
            h = prox(chi)
            d2 = (3 * h * h - Y) / (a + Y)
            assert np.all(1 + chi * d2 > 0)
            replicon = 1 - alpha * chi * chi * np.sum(W * (d2 / (1 + chi * d2)) ** 2)
            assert replicon < -0.2


class TestOneRSB:
    """The zero-temperature 1RSB pieces of the gradient_flow kind (derivations: onersb_*)."""

    def test_entropic_limit_against_large_beta(self):
        # route: the finite-temperature 1RSB entropic term, evaluated at beta = 1e12 in mpmath, divided by beta
        ctx = mpmath.MPContext()
        ctx.dps = 60
        chi, y, q0 = ctx.mpf("0.37"), ctx.mpf("1.3"), ctx.mpf("0.2")
        beta = ctx.mpf(10) ** 12
        q1, m = 1 - chi / beta, y / beta
        lam = 1 - q1 + m * (q1 - q0)
        ent = ((1 - 1 / m) * ctx.log(1 - q1) + ctx.log(lam) / m + q0 / lam) / 2 / beta
        form = pr.onersb_entropic(pr.sp.Symbol("q0"))
        val = form.subs({pr.chi: sp.Rational(37, 100), pr.y_P: sp.Rational(13, 10), sp.Symbol("q0"): sp.Rational(1, 5)})
        assert abs(ent - ctx.mpf(sp.N(val, 50))) < 1e-10  # the dropped term is log(chi/beta)/(2 beta) ~ 1e-11

    def test_y_to_zero_is_the_rs_sphere_condition(self):
        _, saddle, energy = pr.onersb_potential()
        assert sp.simplify(saddle.subs(pr.y_P, 0) - (pr.alpha * pr.chi**2 * pr.L2 - 1)) == 0
        # and on the saddle the energy is alpha <l>: alpha <e_chi> = alpha <l> + alpha chi <l'^2>/2
        L2 = sp.solve(saddle, pr.L2)[0]
        lbar = sp.Symbol("lbar")
        assert sp.simplify(energy.subs(pr.Ebar, lbar + pr.chi * L2 / 2) - pr.alpha * lbar) == 0

    @pytest.mark.parametrize("name", pr.LOSSES)
    def test_envelope_derivative_by_finite_differences(self, name):
        # route: d/dchi of min_h [(h - omega)^2/(2 chi) + l] by a central difference of a brute-force minimum
        from scipy.optimize import minimize_scalar

        a, yv, om, chi = 0.05, 1.7, 0.4, 0.3
        lf = sp.lambdify((pr.h, pr.y, pr.a), pr.loss(name))

        def e(c):
            res = minimize_scalar(lambda t: (t - om) ** 2 / (2 * c) + lf(t, yv, a), bracket=(0.0, 1.0), tol=1e-14)
            return res.fun, res.x

        (ep, _), (em, _), (_, hmin) = e(chi + 1e-5), e(chi - 1e-5), e(chi)
        d = sp.lambdify((pr.h, pr.y, pr.a), pr.envelope_derivative(name))(hmin, yv, a)
        assert (ep - em) / 2e-5 == pytest.approx(d, rel=1e-5)

    def test_spinodal_counts_the_real_roots(self):
        f = sp.lambdify((pr.y, pr.kappa), pr.spinodal())
        for yv, k in [(3.0, 1.2), (0.9, 0.1)]:
            zs = f(yv, k)
            for z, count in ((zs * 0.99, 3), (zs * 1.01, 1)):
                roots = np.roots([1, 0, k - yv, -k * z])
                assert np.sum(np.abs(roots.imag) < 1e-9) == count
