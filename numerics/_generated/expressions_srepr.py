"""The expressions of derivations/, as ``sympy.srepr`` text, for ``theory.expressions()``.

Generated from derivations/ by ``python -m derivations._codegen``
with SymPy 1.14.0; do not edit.
"""

#: Classes of the expressions not in SymPy's top-level namespace: name -> module.
FUNCTIONS = {'ExprCondPair': 'sympy.functions.elementary.piecewise',
 'expm1': 'sympy.codegen.cfunctions',
 'hypot': 'sympy.codegen.cfunctions',
 'log1p': 'sympy.codegen.cfunctions'}

#: name -> one-line description.
DESCRIPTIONS = {'aging_chi': "Stationary integrated response of a stuck run: chi = 1/sqrt(Q''(1)).",
 'aging_energy': 'Threshold energy of a stuck run from the one-step aging ansatz at T = 0.',
 'aging_mu': "Multiplier of a stuck run (marginal states): mu = 2 sqrt(Q''(1)).",
 'aging_slope': 'One-step aging slope y = x/T of R = y dC/ds at T = 0.',
 'amp_map': "Bayes-optimal state evolution m -> xi'(m)/(1 + xi'(m)).",
 'amp_map_jets': "Bayes map m -> xi'(m)/(1 + xi'(m)) in jets.",
 'amp_slope_at_zero': 'Slope of the Bayes-optimal map at m = 0.',
 'amp_spinodal_reduced': "m d/dm(2 phi') - 2 phi' (Delta2-free): zero at a spinodal of the Bayes "
                         'state evolution.',
 'bayes_fixed_point': "2 phi'(m) = m/Delta2 + xi_T'(m) - m/(1 - m): zero at the Bayes fixed "
                      'points.',
 'bayes_fixed_point_ddelta2': 'd/dDelta2 of bayes_fixed_point.',
 'bayes_fixed_point_dm': 'd/dm of bayes_fixed_point.',
 'bayes_fixed_point_dm2': 'd2/dm2 of bayes_fixed_point.',
 'bayes_fixed_point_dm_ddelta2': 'd2/dm dDelta2 of bayes_fixed_point.',
 'bbp_margin': 'theta(m) - s: positive iff a BBP outlier leaves the bulk.',
 'bulk_lower': 'Lower bulk edge mu - 2 s.',
 'bulk_upper': 'Upper bulk edge mu + 2 s.',
 'critical_delta2': 'Delta2 at the critical point.',
 'critical_delta_p': 'Deltap at the critical point (end of the first-order MMSE line).',
 'critical_m': 'Overlap m at the critical point.',
 'delta2_amp': 'Bayes-optimal AMP threshold: slope 1 at m = 0.',
 'delta2_gf': 'Gradient-flow threshold Delta2_GF(Deltap, p): theta(0) = s at the marginal states.',
 'delta2_gf_channels': "Gradient-flow threshold for any tensor channels; d2xi_1 = xi''(1) of the "
                       'tensor channels alone.',
 'delta2_ml_amp': "ML-AMP threshold: theta(0) = sqrt(xi'(1)).",
 'delta2_ml_amp_jets': "ML-AMP threshold for any tensor channels, in dxi_1 = xi_T'(1).",
 'delta_p_stationary_tensor_only': 'Deltap at which m > 0 is stationary for 1/Delta2 = 0 (the '
                                   'tensor alone).',
 'delta_p_stationary_unit_delta2': 'Deltap at which m > 0 is stationary for Delta2 = 1.',
 'delta_p_tricritical_p3': 'p = 3: Deltap at which the m**3 term of phi vanishes at Delta2 = 1 '
                           '(tricritical point).',
 'diag_cell_response': 'Response cell int_0^h R(t, t - tau) dtau next to the diagonal, to O(h^3): '
                       "(1 - exp(-mu h))/mu + (mu'(t) + Q''(1)) h^3/6.",
 'end_chi': "Integrated response chi = m/g'(m) of a successful run at overlap m.",
 'end_condition': "Overlap of a successful run: zero of g'(m)^2 (1 - m^2) - m^2 Q'(1) (cleared "
                  'form).',
 'end_energy': "Energy e = -g(m) - chi Q'(1) of a successful run at overlap m.",
 'end_mu': "Multiplier mu = g'(m)/m + chi Q''(1) of a successful run at overlap m.",
 'equal_height_level': 'V(m) = 1/Delta2 at which phi(m) = phi(0), any tensor channels.',
 'equal_height_reduced_jets': "2 phi(m) at 1/Delta2 = U(m): the sign of V'(m); zero at an "
                              'equal-height point.',
 'free_entropy': 'Replica-symmetric free entropy phi(m) = log(1-m)/2 + m/2 + xi(m)/2.',
 'free_entropy_ddelta2': 'd phi / d Delta2.',
 'free_entropy_ddelta_p': 'd phi / d Deltap.',
 'free_entropy_dm': "phi'(m) = (xi'(m) - m/(1 - m))/2.",
 'free_entropy_dm2': "phi''(m) = (xi''(m) - 1/(1 - m)**2)/2.",
 'free_entropy_dm_ddelta2': "d phi' / d Delta2.",
 'free_entropy_dm_ddelta_p': "d phi' / d Deltap.",
 'free_entropy_jets': 'phi(m) = log(1-m)/2 + m/2 + m**2/(4 Delta2) + xi_T(m)/2.',
 'free_entropy_jets_ddelta2': 'd phi / d Delta2 (the tensor jets do not depend on Delta2).',
 'h_bbp_margin': 'theta(m) - s: positive iff a BBP outlier leaves the bulk (any model).',
 'h_bulk_lower': 'Lower bulk edge mu - 2 s (any model).',
 'h_bulk_upper': 'Upper bulk edge mu + 2 s (any model).',
 'h_outlier': 'Isolated eigenvalue mu - theta - s**2/theta (any model; meaningful when theta > '
              's).',
 'h_scale': "s = sqrt(xi''(1)): half the radius of the Hessian bulk (any model).",
 'h_theta': "Rank-one strength theta(m) = g''(m) (1 - m**2) (any model).",
 'inverse_delta2_fixed_point': 'U(m) = 1/Delta2 at which m > 0 is a Bayes fixed point.',
 'inverse_delta2_stationary': "1/Delta2 at which m > 0 is stationary: phi'(m) = 0.",
 'it_reduced': "2 phi(m) on phi'(m) = 0: zero at an equal-height point.",
 'kr_center': "m g'(m): centre of the Gaussian weight of mu.",
 'kr_center_e': 'Centre in mu of Sigma(m, e, mu) at fixed energy.',
 'kr_dsigma_max_right_dm': 'd/dm of kr_sigma_max_right.',
 'kr_dsigma_min_edge_dm': 'd/dm of kr_sigma_min_edge.',
 'kr_dsigma_min_outlier_dm': 'd/dm of kr_sigma_min_outlier.',
 'kr_gaussian_weight': "Gaussian weight of (e + g(m), m g'(m) - mu).",
 'kr_gradient_density': 'log density of a vanishing gradient, per N.',
 'kr_halfwidth': "(2 s**2 - xi'(1) - xi''(1))/s: bulk maximiser iff |m g'(m)| <= it.",
 'kr_halfwidth_e': 'Bulk half-range of the centre at fixed energy.',
 'kr_isolated_condition': "g'(m)**2 (1 - m**2) - m**2 xi'(1): zero at the isolated stationary "
                          'points.',
 'kr_log_potential_bulk': 'Phi_s(mu) for |mu| <= 2 s.',
 'kr_log_potential_outside': 'Phi_s(mu) for |mu| >= 2 s.',
 'kr_marginal_slope': 'd Sigma(m, mu)/d mu at mu = 2 s.',
 'kr_multiplier_weight': 'Gaussian weight of mu, energy maximised out.',
 'kr_sigma': 'Sigma(m, e, mu), both branches: the bulk form for |mu| <= 2 s, the outside form '
             'otherwise.',
 'kr_sigma_bulk': 'Sigma(m, e, mu) for |mu| <= 2 s.',
 'kr_sigma_e_max_bulk': 'max_mu Sigma(m, e, mu), maximiser in the bulk.',
 'kr_sigma_e_max_left': 'max_mu Sigma(m, e, mu), maximiser below -2 s.',
 'kr_sigma_e_max_right': 'max_mu Sigma(m, e, mu), maximiser above 2 s.',
 'kr_sigma_max_bulk': 'max_mu Sigma(m, mu), maximiser in the bulk.',
 'kr_sigma_max_left': 'max_mu Sigma(m, mu), maximiser below -2 s.',
 'kr_sigma_max_right': 'max_mu Sigma(m, mu), maximiser above 2 s.',
 'kr_sigma_min_at_w': 'Sigma(m, w + s**2/w), w >= s: Sigma_min(m) at w = max(w*, theta, s) (every '
                      'branch).',
 'kr_sigma_min_edge': 'Sigma_min(m) = Sigma(m, 2 s) (theta <= s, maximiser at the edge).',
 'kr_sigma_min_outlier': 'Sigma_min(m) = Sigma(m, theta + s**2/theta) (theta > s).',
 'kr_sigma_mu': 'Sigma(m, mu), both branches: the bulk form for |mu| <= 2 s, the outside form '
                'otherwise.',
 'kr_sigma_mu_bulk': 'Sigma(m, mu) for |mu| <= 2 s.',
 'kr_sigma_mu_outside': 'Sigma(m, mu) for |mu| >= 2 s.',
 'kr_sigma_outside': 'Sigma(m, e, mu) for |mu| >= 2 s.',
 'kr_threshold_energy': 'Threshold energy, definition (a): typical points at energy e are '
                        'marginal.',
 'kr_threshold_energy_most_numerous': 'Definition (b): most numerous energy among marginal points '
                                      '(mu = 2 s).',
 'kr_volume': 'log area of the sphere at overlap m, per N.',
 'kr_w_star': 'w of the maximiser mu = w + s**2/w above the bulk.',
 'langevin_aging_mu': 'Late-time multiplier of a run aging at m = 0 on the plateau q: T/(1 - q) + '
                      "(xi'(1) - xi'(q))/T.",
 'langevin_fdt_ratio': 'One-step fluctuation-dissipation ratio x of the marginal states at the '
                       'threshold.',
 'langevin_marginality': "(1 - q)**2 xi''(q) - T**2 with the matrix channel: zero at the marginal "
                         'plateau.',
 'langevin_plateau': 'Plateau q = 1 - T Delta2 of the marginal aging states at the Langevin '
                     'threshold.',
 'langevin_residual': "Langevin threshold at zero: 1 - Delta2 - Delta2**2 xi_T''(q), q = 1 - T "
                      'Delta2 (> 0: escape).',
 'langevin_residual_slope': 'Total Delta2-derivative of langevin_residual, with q = 1 - T Delta2.',
 'ml_amp_fixed_point_condition': "xi'(m)**2 (1 - m**2) - m**2 xi'(1): zero at a positive ML-AMP "
                                 'fixed point.',
 'ml_amp_instability': "theta(0) - sqrt(xi'(1)): > 0 iff ML-AMP leaves m = 0.",
 'ml_amp_map': "ML-AMP state evolution m -> xi'(m)/sqrt(xi'(m)**2 + xi'(1)).",
 'ml_amp_map_jets': "ML-AMP map m -> xi'(m)/sqrt(xi'(m)**2 + xi'(1)) in jets, as s/hypot(1, s), s "
                    "= xi'(m)/sqrt(xi'(1)).",
 'ml_amp_slope_at_zero': 'Slope of the ML-AMP map at m = 0.',
 'ml_amp_slope_at_zero_jets': "Slope of the ML-AMP map at m = 0 (xi'(0) = 0: no linear channel).",
 'mu_integrand': "Q'(q) + q Q''(q): kernel of the memory integral of the multiplier mu.",
 'nishimori_condition': "Overlap of a T = 1 Bayes-optimal equilibrium: zero of Q'(m) (1 - m) - m.",
 'nishimori_mu': "Multiplier of the T = 1 Bayes-optimal equilibrium: mu = 1 + Q'(1).",
 'onset_reduced': "2 phi(m) at Delta2 = 1 on phi'(m) = 0: zero where the first-order line meets "
                  'Delta2 = 1.',
 'outlier': 'Isolated eigenvalue mu - theta - s**2/theta (meaningful when theta > s).',
 'pr_1rsb_chi_saddle': "The chi saddle of the zero-temperature 1RSB potential (L2 = <l'^2> "
                       'tilted).',
 'pr_1rsb_energy': 'Energy per coordinate -dG/dy_P (Ebar = <e_chi> tilted).',
 'pr_1rsb_entropic': "y_P times the sphere's 1RSB entropic term at q0 = 0.",
 'pr_amp_L': 'L(k) = int rho e^-rho sech(k rho), P1a = psi_1(x), P1b = psi_1(x + 1/2).',
 'pr_amp_L_series': 'L(k) to O(k^8), for small k.',
 'pr_amp_gout2': 'E[g_out^2] of the noiseless state evolution at overlap q, S = E[t^2 '
                 'sech(sqrt(q) u t)].',
 'pr_amp_kdL': "k L'(k), P2a = psi_2(x), P2b = psi_2(x + 1/2).",
 'pr_amp_kdL_series': "k L'(k) to O(k^8), for small k.",
 'pr_amp_ratio': 'alpha at which q is a fixed point of the state evolution: alpha_AMP = max_q of '
                 'it.',
 'pr_amp_stationarity': 'd ratio/dq times a positive factor (U = 2 q dS/dq): zero at the AMP '
                        "threshold's q.",
 'pr_amp_x': 'x = (1 + k)/(4 k): the trigamma argument of L(k).',
 'pr_gout': 'GAMP output function d/domega log Z_out, noiseless.',
 'pr_it_divergence': 'Coefficient of -log(1 - q) of the free entropy at q -> 1 (> 0: perfect '
                     'recovery).',
 'pr_opt_T': 'Optimal preprocessing T*(y) of the noiseless real case.',
 'pr_opt_resolvent': 'T*/(1 + T* s) without the removable pole.',
 'pr_reg_d2loss': 'd2l/dh2 of the regularised loss: the Hessian weight D.',
 'pr_reg_dloss': 'dl/dh of the regularised loss.',
 'pr_reg_loss': 'The regularised loss l(h; y).',
 'pr_reg_mult': "l'(h) h of the regularised loss: the integrand of the Lagrange multiplier.",
 'pr_reg_prox_kappa': 'kappa of the one-sample cubic h^3 + (kappa - y) h - kappa omega '
                      '(regularised loss).',
 'pr_rs_m1': 'E_h[D/(1 + D s)] of the regularised loss at m = 0, X = erfcx(z).',
 'pr_rs_m2': 'E_h[(D/(1 + D s))^2] of the regularised loss at m = 0, X = erfcx(z).',
 'pr_rs_z': 'z = sqrt(c/(2 b)), b = 3 s, c = a + y (1 - s): the argument of erfcx.',
 'pr_spinodal': '|omega| below which the one-sample cost has two minima (y > kappa).',
 'pr_square_d2loss': 'd2l/dh2 of the square loss: the Hessian weight D.',
 'pr_square_dloss': 'dl/dh of the square loss.',
 'pr_square_loss': 'The square loss l(h; y).',
 'pr_square_mult': "l'(h) h of the square loss: the integrand of the Lagrange multiplier.",
 'pr_square_prox_kappa': 'kappa of the one-sample cubic h^3 + (kappa - y) h - kappa omega (square '
                         'loss).',
 'pr_wr_integrand': '(E[z^2|y] - 1)^2 of the noiseless channel: alpha_WR = 1/E[.].',
 'semicircle_scale': "s = sqrt(xi''(1)): half the radius of the Hessian bulk.",
 'tensor_only_reduced': "2 phi(m) at 1/Delta2 = 0 on phi'(m) = 0: zero where the tensor alone "
                        'reaches equal height.',
 'theta': "Rank-one strength theta(m) = g''(m) (1 - m**2).",
 'xi': 'Covariance xi(q) of the noise field.',
 'xi_prime': "First derivative xi'(q).",
 'xi_second': "Second derivative xi''(q)."}

#: name -> ``sympy.srepr`` of the exact expression.
SREPR = {'aging_chi': "Pow(Symbol('d2xi_1', positive=True), Rational(-1, 2))",
 'aging_energy': "Mul(Pow(Symbol('d2xi_1', positive=True), Rational(-1, 2)), Pow(Symbol('dxi_1', "
                 "positive=True), Integer(-1)), Add(Mul(Integer(-1), Pow(Symbol('dxi_1', "
                 "positive=True), Integer(2))), Mul(Symbol('xi_1', positive=True), "
                 "Add(Mul(Integer(-1), Symbol('d2xi_1', positive=True)), Symbol('dxi_1', "
                 'positive=True)))))',
 'aging_mu': "Mul(Integer(2), Pow(Symbol('d2xi_1', positive=True), Rational(1, 2)))",
 'aging_slope': "Mul(Pow(Symbol('d2xi_1', positive=True), Rational(-1, 2)), Pow(Symbol('dxi_1', "
                "positive=True), Integer(-1)), Add(Symbol('d2xi_1', positive=True), "
                "Mul(Integer(-1), Symbol('dxi_1', positive=True))))",
 'amp_map': "Mul(Add(Mul(Pow(Symbol('Deltap', positive=True), Integer(-1)), Pow(Symbol('m', "
            "real=True), Add(Symbol('p', integer=True, positive=True), Integer(-1)))), "
            "Mul(Pow(Symbol('Delta2', positive=True), Integer(-1)), Symbol('m', real=True))), "
            "Pow(Add(Integer(1), Mul(Pow(Symbol('Deltap', positive=True), Integer(-1)), "
            "Pow(Symbol('m', real=True), Add(Symbol('p', integer=True, positive=True), "
            "Integer(-1)))), Mul(Pow(Symbol('Delta2', positive=True), Integer(-1)), Symbol('m', "
            'real=True))), Integer(-1)))',
 'amp_map_jets': "Mul(Symbol('dxi_m', real=True), Pow(Add(Symbol('dxi_m', real=True), "
                 'Integer(1)), Integer(-1)))',
 'amp_slope_at_zero': "Pow(Symbol('Delta2', positive=True), Integer(-1))",
 'amp_spinodal_reduced': "Add(Mul(Symbol('d2xi_m', real=True), Symbol('m', real=True)), "
                         "Mul(Integer(-1), Symbol('dxi_m', real=True)), Mul(Integer(-1), "
                         "Pow(Symbol('m', real=True), Integer(2)), Pow(Add(Symbol('m', "
                         'real=True), Integer(-1)), Integer(-2))))',
 'bayes_fixed_point': "Add(Symbol('dxi_m', real=True), Mul(Pow(Symbol('Delta2', positive=True), "
                      "Integer(-1)), Symbol('m', real=True), Pow(Add(Symbol('m', real=True), "
                      "Integer(-1)), Integer(-1)), Add(Symbol('Delta2', positive=True), "
                      "Symbol('m', real=True), Integer(-1))))",
 'bayes_fixed_point_ddelta2': "Mul(Integer(-1), Pow(Symbol('Delta2', positive=True), "
                              "Integer(-2)), Symbol('m', real=True))",
 'bayes_fixed_point_dm': "Add(Symbol('d2xi_m', real=True), Mul(Pow(Symbol('Delta2', "
                         "positive=True), Integer(-1)), Pow(Add(Symbol('m', real=True), "
                         "Integer(-1)), Integer(-2)), Add(Mul(Integer(-1), Symbol('Delta2', "
                         "positive=True)), Pow(Symbol('m', real=True), Integer(2)), "
                         "Mul(Integer(-1), Integer(2), Symbol('m', real=True)), Integer(1))))",
 'bayes_fixed_point_dm2': "Add(Symbol('d3xi_m', real=True), Mul(Integer(2), Pow(Add(Symbol('m', "
                          'real=True), Integer(-1)), Integer(-3))))',
 'bayes_fixed_point_dm_ddelta2': "Mul(Integer(-1), Pow(Symbol('Delta2', positive=True), "
                                 'Integer(-2)))',
 'bbp_margin': "Add(Mul(Add(Integer(1), Mul(Integer(-1), Pow(Symbol('m', real=True), "
               "Integer(2)))), Add(Mul(Pow(Symbol('Deltap', positive=True), Integer(-1)), "
               "Pow(Symbol('m', real=True), Add(Symbol('p', integer=True, positive=True), "
               "Integer(-2))), Add(Symbol('p', integer=True, positive=True), Integer(-1))), "
               "Pow(Symbol('Delta2', positive=True), Integer(-1)))), Mul(Integer(-1), "
               "Pow(Add(Mul(Pow(Symbol('Deltap', positive=True), Integer(-1)), Add(Symbol('p', "
               "integer=True, positive=True), Integer(-1))), Pow(Symbol('Delta2', positive=True), "
               'Integer(-1))), Rational(1, 2))))',
 'bulk_lower': "Add(Symbol('mu', real=True), Mul(Integer(-1), Integer(2), "
               "Pow(Add(Mul(Pow(Symbol('Deltap', positive=True), Integer(-1)), Add(Symbol('p', "
               "integer=True, positive=True), Integer(-1))), Pow(Symbol('Delta2', positive=True), "
               'Integer(-1))), Rational(1, 2))))',
 'bulk_upper': "Add(Symbol('mu', real=True), Mul(Integer(2), Pow(Add(Mul(Pow(Symbol('Deltap', "
               "positive=True), Integer(-1)), Add(Symbol('p', integer=True, positive=True), "
               "Integer(-1))), Pow(Symbol('Delta2', positive=True), Integer(-1))), Rational(1, "
               '2))))',
 'critical_delta2': "Mul(Integer(4), Add(Symbol('p', integer=True, positive=True), Integer(-2)), "
                    "Pow(Add(Symbol('p', integer=True, positive=True), Integer(-1)), "
                    'Integer(-2)))',
 'critical_delta_p': "Mul(Integer(4), Pow(Add(Symbol('p', integer=True, positive=True), "
                     "Integer(-3)), Add(Symbol('p', integer=True, positive=True), Integer(-3))), "
                     "Add(Symbol('p', integer=True, positive=True), Integer(-2)), "
                     "Pow(Add(Symbol('p', integer=True, positive=True), Integer(-1)), "
                     "Add(Integer(1), Mul(Integer(-1), Symbol('p', integer=True, "
                     'positive=True)))))',
 'critical_m': "Mul(Add(Symbol('p', integer=True, positive=True), Integer(-3)), "
               "Pow(Add(Symbol('p', integer=True, positive=True), Integer(-1)), Integer(-1)))",
 'delta2_amp': 'Integer(1)',
 'delta2_gf': "Mul(Integer(2), Pow(Add(Pow(Add(Integer(1), Mul(Integer(4), Pow(Symbol('Deltap', "
              "positive=True), Integer(-1)), Add(Symbol('p', integer=True, positive=True), "
              'Integer(-1)))), Rational(1, 2)), Integer(1)), Integer(-1)))',
 'delta2_gf_channels': "Mul(Integer(2), Pow(Add(Pow(Add(Mul(Integer(4), Symbol('d2xi_1', "
                       'positive=True)), Integer(1)), Rational(1, 2)), Integer(1)), Integer(-1)))',
 'delta2_ml_amp': "Mul(Integer(2), Pow(Symbol('Deltap', positive=True), Rational(1, 2)), "
                  "Pow(Add(Pow(Symbol('Deltap', positive=True), Rational(1, 2)), "
                  "Pow(Add(Symbol('Deltap', positive=True), Integer(4)), Rational(1, 2))), "
                  'Integer(-1)))',
 'delta2_ml_amp_jets': "Mul(Integer(2), Pow(Add(Pow(Add(Mul(Integer(4), Symbol('dxi_1', "
                       'positive=True)), Integer(1)), Rational(1, 2)), Integer(1)), Integer(-1)))',
 'delta_p_stationary_tensor_only': "Add(Pow(Symbol('m', real=True), Add(Symbol('p', integer=True, "
                                   'positive=True), Integer(-2))), Mul(Integer(-1), '
                                   "Pow(Symbol('m', real=True), Add(Symbol('p', integer=True, "
                                   'positive=True), Integer(-1)))))',
 'delta_p_stationary_unit_delta2': "Add(Pow(Symbol('m', real=True), Add(Symbol('p', integer=True, "
                                   'positive=True), Integer(-3))), Mul(Integer(-1), '
                                   "Pow(Symbol('m', real=True), Add(Symbol('p', integer=True, "
                                   'positive=True), Integer(-2)))))',
 'delta_p_tricritical_p3': 'Integer(1)',
 'diag_cell_response': "Add(Mul(Rational(1, 6), Pow(Symbol('h', positive=True), Integer(3)), "
                       "Add(Symbol('d2xi_1', positive=True), Symbol('dmu', real=True))), "
                       "Mul(Integer(-1), Pow(Symbol('mu', real=True), Integer(-1)), "
                       "expm1(Mul(Integer(-1), Symbol('h', positive=True), Symbol('mu', "
                       'real=True)))))',
 'end_chi': "Mul(Pow(Symbol('dg_m', real=True), Integer(-1)), Symbol('m', real=True))",
 'end_condition': "Add(Mul(Integer(-1), Pow(Symbol('dg_m', real=True), Integer(2)), "
                  "Pow(Symbol('m', real=True), Integer(2))), Pow(Symbol('dg_m', real=True), "
                  "Integer(2)), Mul(Integer(-1), Symbol('dxi_1', positive=True), Pow(Symbol('m', "
                  'real=True), Integer(2))))',
 'end_energy': "Add(Mul(Integer(-1), Symbol('g_m', real=True)), Mul(Integer(-1), "
               "Pow(Symbol('dg_m', real=True), Integer(-1)), Symbol('dxi_1', positive=True), "
               "Symbol('m', real=True)))",
 'end_mu': "Add(Mul(Symbol('d2xi_1', positive=True), Pow(Symbol('dg_m', real=True), Integer(-1)), "
           "Symbol('m', real=True)), Mul(Symbol('dg_m', real=True), Pow(Symbol('m', real=True), "
           'Integer(-1))))',
 'equal_height_level': "Add(Mul(Integer(-1), Integer(2), Pow(Symbol('m', real=True), "
                       "Integer(-2)), Symbol('xi_m', real=True)), Mul(Integer(-1), Integer(2), "
                       "Pow(Symbol('m', real=True), Integer(-2)), Add(Symbol('m', real=True), "
                       "log1p(Mul(Integer(-1), Symbol('m', real=True))))))",
 'equal_height_reduced_jets': "Add(Mul(Integer(-1), Rational(1, 2), Symbol('dxi_m', real=True), "
                              "Symbol('m', real=True)), Symbol('xi_m', real=True), "
                              "Mul(Rational(1, 2), Pow(Add(Symbol('m', real=True), Integer(-1)), "
                              "Integer(-1)), Add(Pow(Symbol('m', real=True), Integer(2)), "
                              "Mul(Integer(2), Symbol('m', real=True), log1p(Mul(Integer(-1), "
                              "Symbol('m', real=True)))), Mul(Integer(-1), Integer(2), "
                              "Symbol('m', real=True)), Mul(Integer(-1), Integer(2), "
                              "log1p(Mul(Integer(-1), Symbol('m', real=True)))))))",
 'free_entropy': "Add(Mul(Rational(1, 2), Symbol('m', real=True)), Mul(Rational(1, 2), "
                 "log1p(Mul(Integer(-1), Symbol('m', real=True)))), Mul(Rational(1, 2), "
                 "Pow(Symbol('Deltap', positive=True), Integer(-1)), Pow(Symbol('m', real=True), "
                 "Symbol('p', integer=True, positive=True)), Pow(Symbol('p', integer=True, "
                 "positive=True), Integer(-1))), Mul(Rational(1, 4), Pow(Symbol('Delta2', "
                 "positive=True), Integer(-1)), Pow(Symbol('m', real=True), Integer(2))))",
 'free_entropy_ddelta2': "Mul(Integer(-1), Rational(1, 4), Pow(Symbol('Delta2', positive=True), "
                         "Integer(-2)), Pow(Symbol('m', real=True), Integer(2)))",
 'free_entropy_ddelta_p': "Mul(Integer(-1), Rational(1, 2), Pow(Symbol('Deltap', positive=True), "
                          "Integer(-2)), Pow(Symbol('m', real=True), Symbol('p', integer=True, "
                          "positive=True)), Pow(Symbol('p', integer=True, positive=True), "
                          'Integer(-1)))',
 'free_entropy_dm': "Add(Mul(Integer(-1), Rational(1, 2), Symbol('m', real=True), "
                    "Pow(Add(Integer(1), Mul(Integer(-1), Symbol('m', real=True))), "
                    "Integer(-1))), Mul(Rational(1, 2), Pow(Symbol('Deltap', positive=True), "
                    "Integer(-1)), Pow(Symbol('m', real=True), Add(Symbol('p', integer=True, "
                    "positive=True), Integer(-1)))), Mul(Rational(1, 2), Pow(Symbol('Delta2', "
                    "positive=True), Integer(-1)), Symbol('m', real=True)))",
 'free_entropy_dm2': 'Add(Mul(Integer(-1), Rational(1, 2), Pow(Add(Integer(1), Mul(Integer(-1), '
                     "Symbol('m', real=True))), Integer(-2))), Mul(Rational(1, 2), "
                     "Pow(Symbol('Deltap', positive=True), Integer(-1)), Pow(Symbol('m', "
                     "real=True), Add(Symbol('p', integer=True, positive=True), Integer(-2))), "
                     "Add(Symbol('p', integer=True, positive=True), Integer(-1))), "
                     "Mul(Rational(1, 2), Pow(Symbol('Delta2', positive=True), Integer(-1))))",
 'free_entropy_dm_ddelta2': "Mul(Integer(-1), Rational(1, 2), Pow(Symbol('Delta2', "
                            "positive=True), Integer(-2)), Symbol('m', real=True))",
 'free_entropy_dm_ddelta_p': "Mul(Integer(-1), Rational(1, 2), Pow(Symbol('Deltap', "
                             "positive=True), Integer(-2)), Pow(Symbol('m', real=True), "
                             "Add(Symbol('p', integer=True, positive=True), Integer(-1))))",
 'free_entropy_jets': "Add(Mul(Rational(1, 2), Symbol('xi_m', real=True)), Mul(Rational(1, 4), "
                      "Pow(Symbol('Delta2', positive=True), Integer(-1)), Add(Mul(Integer(2), "
                      "Symbol('Delta2', positive=True), Symbol('m', real=True)), Mul(Integer(2), "
                      "Symbol('Delta2', positive=True), log1p(Mul(Integer(-1), Symbol('m', "
                      "real=True)))), Pow(Symbol('m', real=True), Integer(2)))))",
 'free_entropy_jets_ddelta2': "Mul(Integer(-1), Rational(1, 4), Pow(Symbol('Delta2', "
                              "positive=True), Integer(-2)), Pow(Symbol('m', real=True), "
                              'Integer(2)))',
 'h_bbp_margin': "Add(Mul(Symbol('d2g_m', real=True), Add(Integer(1), Mul(Integer(-1), "
                 "Pow(Symbol('m', real=True), Integer(2))))), Mul(Integer(-1), "
                 "Pow(Symbol('d2xi_1', positive=True), Rational(1, 2))))",
 'h_bulk_lower': "Add(Mul(Integer(-1), Integer(2), Pow(Symbol('d2xi_1', positive=True), "
                 "Rational(1, 2))), Symbol('mu', real=True))",
 'h_bulk_upper': "Add(Mul(Integer(2), Pow(Symbol('d2xi_1', positive=True), Rational(1, 2))), "
                 "Symbol('mu', real=True))",
 'h_outlier': "Add(Mul(Integer(-1), Symbol('d2g_m', real=True), Add(Integer(1), Mul(Integer(-1), "
              "Pow(Symbol('m', real=True), Integer(2))))), Symbol('mu', real=True), "
              "Mul(Integer(-1), Pow(Symbol('d2g_m', real=True), Integer(-1)), Symbol('d2xi_1', "
              "positive=True), Pow(Add(Integer(1), Mul(Integer(-1), Pow(Symbol('m', real=True), "
              'Integer(2)))), Integer(-1))))',
 'h_scale': "Pow(Symbol('d2xi_1', positive=True), Rational(1, 2))",
 'h_theta': "Mul(Symbol('d2g_m', real=True), Add(Integer(1), Mul(Integer(-1), Pow(Symbol('m', "
            'real=True), Integer(2)))))',
 'inverse_delta2_fixed_point': "Add(Mul(Integer(-1), Symbol('dxi_m', real=True), Pow(Symbol('m', "
                               "real=True), Integer(-1))), Mul(Integer(-1), Pow(Add(Symbol('m', "
                               'real=True), Integer(-1)), Integer(-1))))',
 'inverse_delta2_stationary': "Add(Mul(Integer(-1), Pow(Add(Symbol('m', real=True), Integer(-1)), "
                              "Integer(-1))), Mul(Integer(-1), Pow(Symbol('Deltap', "
                              "positive=True), Integer(-1)), Pow(Symbol('m', real=True), "
                              "Add(Symbol('p', integer=True, positive=True), Integer(-2)))))",
 'it_reduced': "Add(Mul(Rational(1, 2), Symbol('m', real=True), Add(Symbol('m', real=True), "
               "Integer(-2)), Pow(Add(Symbol('m', real=True), Integer(-1)), Integer(-1))), "
               "log1p(Mul(Integer(-1), Symbol('m', real=True))), Mul(Integer(-1), Rational(1, 2), "
               "Pow(Symbol('Deltap', positive=True), Integer(-1)), Pow(Symbol('m', real=True), "
               "Symbol('p', integer=True, positive=True)), Pow(Symbol('p', integer=True, "
               "positive=True), Integer(-1)), Add(Symbol('p', integer=True, positive=True), "
               'Integer(-2))))',
 'kr_center': "Mul(Symbol('dg_m', real=True), Symbol('m', real=True))",
 'kr_center_e': "Mul(Integer(-1), Pow(Add(Symbol('det_1', nonnegative=True), Pow(Symbol('dxi_1', "
                "positive=True), Integer(2))), Integer(-1)), Add(Mul(Symbol('d2xi_1', "
                "positive=True), Symbol('dxi_1', positive=True), Symbol('e', real=True)), "
                "Mul(Symbol('d2xi_1', positive=True), Symbol('dxi_1', positive=True), "
                "Symbol('g_m', real=True)), Mul(Integer(-1), Symbol('det_1', nonnegative=True), "
                "Symbol('dg_m', real=True), Symbol('m', real=True)), Mul(Integer(-1), "
                "Symbol('dg_m', real=True), Pow(Symbol('dxi_1', positive=True), Integer(2)), "
                "Symbol('m', real=True)), Mul(Pow(Symbol('dxi_1', positive=True), Integer(2)), "
                "Symbol('e', real=True)), Mul(Pow(Symbol('dxi_1', positive=True), Integer(2)), "
                "Symbol('g_m', real=True))))",
 'kr_dsigma_max_right_dm': "Add(Mul(Integer(-1), Symbol('d2g_m', real=True), Symbol('dg_m', "
                           "real=True), Pow(Symbol('dxi_1', positive=True), Integer(-1)), "
                           "Add(Integer(1), Mul(Integer(-1), Pow(Symbol('m', real=True), "
                           "Integer(2))))), Mul(Rational(1, 2), Symbol('d2xi_1', positive=True), "
                           "Pow(Add(Mul(Rational(1, 2), Symbol('dg_m', real=True), Symbol('m', "
                           "real=True)), Mul(Rational(1, 2), Pow(Add(Mul(Pow(Symbol('dg_m', "
                           "real=True), Integer(2)), Pow(Symbol('m', real=True), Integer(2))), "
                           "Mul(Integer(4), Symbol('dxi_1', positive=True))), Rational(1, 2)))), "
                           "Integer(-3)), Add(Mul(Integer(-1), Symbol('d2g_m', real=True), "
                           "Symbol('m', real=True)), Mul(Integer(-1), Symbol('dg_m', real=True)), "
                           "Mul(Integer(-1), Pow(Add(Mul(Pow(Symbol('dg_m', real=True), "
                           "Integer(2)), Pow(Symbol('m', real=True), Integer(2))), "
                           "Mul(Integer(4), Symbol('dxi_1', positive=True))), Rational(-1, 2)), "
                           "Add(Mul(Symbol('d2g_m', real=True), Symbol('dg_m', real=True), "
                           "Pow(Symbol('m', real=True), Integer(2))), Mul(Pow(Symbol('dg_m', "
                           "real=True), Integer(2)), Symbol('m', real=True)))))), "
                           "Mul(Pow(Symbol('dg_m', real=True), Integer(2)), Pow(Symbol('dxi_1', "
                           "positive=True), Integer(-1)), Symbol('m', real=True)), "
                           "Mul(Integer(-1), Symbol('m', real=True), Pow(Add(Integer(1), "
                           "Mul(Integer(-1), Pow(Symbol('m', real=True), Integer(2)))), "
                           "Integer(-1))), Mul(Pow(Add(Mul(Rational(1, 2), Symbol('dg_m', "
                           "real=True), Symbol('m', real=True)), Mul(Rational(1, 2), "
                           "Pow(Add(Mul(Pow(Symbol('dg_m', real=True), Integer(2)), "
                           "Pow(Symbol('m', real=True), Integer(2))), Mul(Integer(4), "
                           "Symbol('dxi_1', positive=True))), Rational(1, 2)))), Integer(-1)), "
                           "Add(Mul(Rational(1, 2), Symbol('d2g_m', real=True), Symbol('m', "
                           "real=True)), Mul(Rational(1, 2), Symbol('dg_m', real=True)), "
                           "Mul(Rational(1, 2), Pow(Add(Mul(Pow(Symbol('dg_m', real=True), "
                           "Integer(2)), Pow(Symbol('m', real=True), Integer(2))), "
                           "Mul(Integer(4), Symbol('dxi_1', positive=True))), Rational(-1, 2)), "
                           "Add(Mul(Symbol('d2g_m', real=True), Symbol('dg_m', real=True), "
                           "Pow(Symbol('m', real=True), Integer(2))), Mul(Pow(Symbol('dg_m', "
                           "real=True), Integer(2)), Symbol('m', real=True)))))), "
                           "Mul(Integer(-1), Pow(Add(Mul(Integer(2), Symbol('d2xi_1', "
                           "positive=True)), Mul(Integer(2), Symbol('dxi_1', positive=True))), "
                           "Integer(-1)), Add(Mul(Symbol('d2xi_1', positive=True), "
                           "Pow(Add(Mul(Rational(1, 2), Symbol('dg_m', real=True), Symbol('m', "
                           "real=True)), Mul(Rational(1, 2), Pow(Add(Mul(Pow(Symbol('dg_m', "
                           "real=True), Integer(2)), Pow(Symbol('m', real=True), Integer(2))), "
                           "Mul(Integer(4), Symbol('dxi_1', positive=True))), Rational(1, 2)))), "
                           "Integer(-1))), Mul(Integer(-1), Rational(1, 2), Symbol('dg_m', "
                           "real=True), Symbol('m', real=True)), Mul(Rational(1, 2), "
                           "Pow(Add(Mul(Pow(Symbol('dg_m', real=True), Integer(2)), "
                           "Pow(Symbol('m', real=True), Integer(2))), Mul(Integer(4), "
                           "Symbol('dxi_1', positive=True))), Rational(1, 2)))), "
                           "Add(Mul(Integer(-1), Symbol('d2g_m', real=True), Symbol('m', "
                           "real=True)), Mul(Integer(2), Symbol('d2xi_1', positive=True), "
                           "Pow(Add(Mul(Rational(1, 2), Symbol('dg_m', real=True), Symbol('m', "
                           "real=True)), Mul(Rational(1, 2), Pow(Add(Mul(Pow(Symbol('dg_m', "
                           "real=True), Integer(2)), Pow(Symbol('m', real=True), Integer(2))), "
                           "Mul(Integer(4), Symbol('dxi_1', positive=True))), Rational(1, 2)))), "
                           "Integer(-2)), Add(Mul(Integer(-1), Rational(1, 2), Symbol('d2g_m', "
                           "real=True), Symbol('m', real=True)), Mul(Integer(-1), Rational(1, 2), "
                           "Symbol('dg_m', real=True)), Mul(Integer(-1), Rational(1, 2), "
                           "Pow(Add(Mul(Pow(Symbol('dg_m', real=True), Integer(2)), "
                           "Pow(Symbol('m', real=True), Integer(2))), Mul(Integer(4), "
                           "Symbol('dxi_1', positive=True))), Rational(-1, 2)), "
                           "Add(Mul(Symbol('d2g_m', real=True), Symbol('dg_m', real=True), "
                           "Pow(Symbol('m', real=True), Integer(2))), Mul(Pow(Symbol('dg_m', "
                           "real=True), Integer(2)), Symbol('m', real=True)))))), "
                           "Mul(Integer(-1), Symbol('dg_m', real=True)), "
                           "Mul(Pow(Add(Mul(Pow(Symbol('dg_m', real=True), Integer(2)), "
                           "Pow(Symbol('m', real=True), Integer(2))), Mul(Integer(4), "
                           "Symbol('dxi_1', positive=True))), Rational(-1, 2)), "
                           "Add(Mul(Symbol('d2g_m', real=True), Symbol('dg_m', real=True), "
                           "Pow(Symbol('m', real=True), Integer(2))), Mul(Pow(Symbol('dg_m', "
                           "real=True), Integer(2)), Symbol('m', real=True)))))))",
 'kr_dsigma_min_edge_dm': "Add(Mul(Integer(-1), Symbol('d2g_m', real=True), Symbol('dg_m', "
                          "real=True), Pow(Symbol('dxi_1', positive=True), Integer(-1)), "
                          "Add(Integer(1), Mul(Integer(-1), Pow(Symbol('m', real=True), "
                          "Integer(2))))), Mul(Pow(Symbol('dg_m', real=True), Integer(2)), "
                          "Pow(Symbol('dxi_1', positive=True), Integer(-1)), Symbol('m', "
                          "real=True)), Mul(Integer(-1), Symbol('m', real=True), "
                          "Pow(Add(Integer(1), Mul(Integer(-1), Pow(Symbol('m', real=True), "
                          'Integer(2)))), Integer(-1))), Mul(Integer(-1), Add(Mul(Integer(2), '
                          "Pow(Symbol('d2xi_1', positive=True), Rational(1, 2))), "
                          "Mul(Integer(-1), Symbol('dg_m', real=True), Symbol('m', real=True))), "
                          "Pow(Add(Mul(Integer(2), Symbol('d2xi_1', positive=True)), "
                          "Mul(Integer(2), Symbol('dxi_1', positive=True))), Integer(-1)), "
                          "Add(Mul(Integer(-1), Integer(2), Symbol('d2g_m', real=True), "
                          "Symbol('m', real=True)), Mul(Integer(-1), Integer(2), Symbol('dg_m', "
                          'real=True)))))',
 'kr_dsigma_min_outlier_dm': "Add(Mul(Integer(-1), Symbol('d2g_m', real=True), Symbol('dg_m', "
                             "real=True), Pow(Symbol('dxi_1', positive=True), Integer(-1)), "
                             "Add(Integer(1), Mul(Integer(-1), Pow(Symbol('m', real=True), "
                             "Integer(2))))), Mul(Pow(Symbol('dg_m', real=True), Integer(2)), "
                             "Pow(Symbol('dxi_1', positive=True), Integer(-1)), Symbol('m', "
                             "real=True)), Mul(Integer(-1), Symbol('m', real=True), "
                             "Pow(Add(Integer(1), Mul(Integer(-1), Pow(Symbol('m', real=True), "
                             'Integer(2)))), Integer(-1))), Mul(Integer(-1), '
                             "Pow(Add(Mul(Integer(2), Symbol('d2xi_1', positive=True)), "
                             "Mul(Integer(2), Symbol('dxi_1', positive=True))), Integer(-1)), "
                             "Add(Mul(Symbol('d2g_m', real=True), Add(Integer(1), "
                             "Mul(Integer(-1), Pow(Symbol('m', real=True), Integer(2))))), "
                             "Mul(Integer(-1), Symbol('dg_m', real=True), Symbol('m', "
                             "real=True)), Mul(Pow(Symbol('d2g_m', real=True), Integer(-1)), "
                             "Symbol('d2xi_1', positive=True), Pow(Add(Integer(1), "
                             "Mul(Integer(-1), Pow(Symbol('m', real=True), Integer(2)))), "
                             "Integer(-1)))), Add(Mul(Integer(-1), Integer(6), Symbol('d2g_m', "
                             "real=True), Symbol('m', real=True)), Mul(Integer(2), "
                             "Symbol('d3g_m', real=True), Add(Integer(1), Mul(Integer(-1), "
                             "Pow(Symbol('m', real=True), Integer(2))))), Mul(Integer(-1), "
                             "Integer(2), Symbol('dg_m', real=True)), Mul(Integer(4), "
                             "Pow(Symbol('d2g_m', real=True), Integer(-1)), Symbol('d2xi_1', "
                             "positive=True), Symbol('m', real=True), Pow(Add(Integer(1), "
                             "Mul(Integer(-1), Pow(Symbol('m', real=True), Integer(2)))), "
                             "Integer(-2))), Mul(Integer(-1), Integer(2), Pow(Symbol('d2g_m', "
                             "real=True), Integer(-2)), Symbol('d2xi_1', positive=True), "
                             "Symbol('d3g_m', real=True), Pow(Add(Integer(1), Mul(Integer(-1), "
                             "Pow(Symbol('m', real=True), Integer(2)))), Integer(-1))))), "
                             "Mul(Pow(Symbol('d2g_m', real=True), Integer(-1)), "
                             "Pow(Add(Integer(1), Mul(Integer(-1), Pow(Symbol('m', real=True), "
                             'Integer(2)))), Integer(-1)), Add(Mul(Integer(-1), Integer(2), '
                             "Symbol('d2g_m', real=True), Symbol('m', real=True)), "
                             "Mul(Symbol('d3g_m', real=True), Add(Integer(1), Mul(Integer(-1), "
                             "Pow(Symbol('m', real=True), Integer(2))))))), Mul(Integer(2), "
                             "Pow(Symbol('d2g_m', real=True), Integer(-2)), Symbol('d2xi_1', "
                             "positive=True), Symbol('m', real=True), Pow(Add(Integer(1), "
                             "Mul(Integer(-1), Pow(Symbol('m', real=True), Integer(2)))), "
                             "Integer(-3))), Mul(Integer(-1), Pow(Symbol('d2g_m', real=True), "
                             "Integer(-3)), Symbol('d2xi_1', positive=True), Symbol('d3g_m', "
                             "real=True), Pow(Add(Integer(1), Mul(Integer(-1), Pow(Symbol('m', "
                             'real=True), Integer(2)))), Integer(-2))))',
 'kr_gaussian_weight': "Add(Mul(Integer(-1), Pow(Add(Mul(Integer(2), Symbol('d2xi_1', "
                       "positive=True)), Mul(Integer(2), Symbol('dxi_1', positive=True))), "
                       "Integer(-1)), Pow(Add(Mul(Symbol('dg_m', real=True), Symbol('m', "
                       "real=True)), Mul(Integer(-1), Symbol('mu', real=True))), Integer(2))), "
                       "Mul(Integer(-1), Pow(Symbol('det_1', nonnegative=True), Integer(-1)), "
                       "Pow(Add(Mul(Integer(2), Symbol('d2xi_1', positive=True)), Mul(Integer(2), "
                       "Symbol('dxi_1', positive=True))), Integer(-1)), Pow(Add(Mul(Integer(-1), "
                       "Symbol('dxi_1', positive=True), Add(Mul(Symbol('dg_m', real=True), "
                       "Symbol('m', real=True)), Mul(Integer(-1), Symbol('mu', real=True)))), "
                       "Mul(Add(Symbol('d2xi_1', positive=True), Symbol('dxi_1', positive=True)), "
                       "Add(Symbol('e', real=True), Symbol('g_m', real=True)))), Integer(2))))",
 'kr_gradient_density': "Add(Mul(Integer(-1), Rational(1, 2), Pow(Symbol('dg_m', real=True), "
                        "Integer(2)), Pow(Symbol('dxi_1', positive=True), Integer(-1)), "
                        "Add(Integer(1), Mul(Integer(-1), Pow(Symbol('m', real=True), "
                        'Integer(2))))), Mul(Integer(-1), Rational(1, 2), log(Mul(Integer(2), pi, '
                        "Symbol('dxi_1', positive=True)))))",
 'kr_halfwidth': "Mul(Pow(Symbol('d2xi_1', positive=True), Rational(-1, 2)), Add(Symbol('d2xi_1', "
                 "positive=True), Mul(Integer(-1), Symbol('dxi_1', positive=True))))",
 'kr_halfwidth_e': "Mul(Pow(Symbol('d2xi_1', positive=True), Rational(-1, 2)), "
                   "Add(Mul(Integer(2), Symbol('d2xi_1', positive=True)), Mul(Integer(-1), "
                   "Symbol('det_1', nonnegative=True), Add(Symbol('d2xi_1', positive=True), "
                   "Symbol('dxi_1', positive=True)), Pow(Add(Symbol('det_1', nonnegative=True), "
                   "Pow(Symbol('dxi_1', positive=True), Integer(2))), Integer(-1)))))",
 'kr_isolated_condition': "Add(Mul(Pow(Symbol('dg_m', real=True), Integer(2)), Add(Integer(1), "
                          "Mul(Integer(-1), Pow(Symbol('m', real=True), Integer(2))))), "
                          "Mul(Integer(-1), Symbol('dxi_1', positive=True), Pow(Symbol('m', "
                          'real=True), Integer(2))))',
 'kr_log_potential_bulk': "Add(log(Pow(Symbol('d2xi_1', positive=True), Rational(1, 2))), "
                          "Rational(-1, 2), Mul(Rational(1, 4), Pow(Symbol('d2xi_1', "
                          "positive=True), Integer(-1)), Pow(Symbol('mu', real=True), "
                          'Integer(2))))',
 'kr_log_potential_outside': "Add(Mul(Rational(1, 2), Symbol('d2xi_1', positive=True), "
                             'Pow(Add(Mul(Rational(1, 2), Pow(Add(Mul(Integer(-1), Integer(4), '
                             "Symbol('d2xi_1', positive=True)), Pow(Symbol('mu', real=True), "
                             'Integer(2))), Rational(1, 2))), Mul(Rational(1, 2), '
                             "Abs(Symbol('mu', real=True)))), Integer(-2))), "
                             'log(Add(Mul(Rational(1, 2), Pow(Add(Mul(Integer(-1), Integer(4), '
                             "Symbol('d2xi_1', positive=True)), Pow(Symbol('mu', real=True), "
                             'Integer(2))), Rational(1, 2))), Mul(Rational(1, 2), '
                             "Abs(Symbol('mu', real=True))))))",
 'kr_marginal_slope': "Mul(Pow(Symbol('d2xi_1', positive=True), Rational(-1, 2)), "
                      "Pow(Add(Symbol('d2xi_1', positive=True), Symbol('dxi_1', positive=True)), "
                      "Integer(-1)), Add(Mul(Pow(Symbol('d2xi_1', positive=True), Rational(1, "
                      "2)), Symbol('dg_m', real=True), Symbol('m', real=True)), Mul(Integer(-1), "
                      "Symbol('d2xi_1', positive=True)), Symbol('dxi_1', positive=True)))",
 'kr_multiplier_weight': "Mul(Integer(-1), Rational(1, 2), Pow(Add(Symbol('d2xi_1', "
                         "positive=True), Symbol('dxi_1', positive=True)), Integer(-1)), "
                         "Pow(Add(Mul(Symbol('dg_m', real=True), Symbol('m', real=True)), "
                         "Mul(Integer(-1), Symbol('mu', real=True))), Integer(2)))",
 'kr_sigma': "Piecewise(ExprCondPair(Add(Mul(Integer(-1), Rational(1, 2), Pow(Symbol('dg_m', "
             "real=True), Integer(2)), Pow(Symbol('dxi_1', positive=True), Integer(-1)), "
             "Add(Integer(1), Mul(Integer(-1), Pow(Symbol('m', real=True), Integer(2))))), "
             "log(Pow(Symbol('d2xi_1', positive=True), Rational(1, 2))), Mul(Integer(-1), "
             "Rational(1, 2), log(Symbol('dxi_1', positive=True))), Mul(Rational(1, 2), "
             "log(Add(Integer(1), Mul(Integer(-1), Pow(Symbol('m', real=True), Integer(2)))))), "
             "Mul(Integer(-1), Pow(Add(Mul(Integer(2), Symbol('d2xi_1', positive=True)), "
             "Mul(Integer(2), Symbol('dxi_1', positive=True))), Integer(-1)), "
             "Pow(Add(Mul(Symbol('dg_m', real=True), Symbol('m', real=True)), Mul(Integer(-1), "
             "Symbol('mu', real=True))), Integer(2))), Mul(Integer(-1), Pow(Symbol('det_1', "
             "nonnegative=True), Integer(-1)), Pow(Add(Mul(Integer(2), Symbol('d2xi_1', "
             "positive=True)), Mul(Integer(2), Symbol('dxi_1', positive=True))), Integer(-1)), "
             "Pow(Add(Mul(Integer(-1), Symbol('dxi_1', positive=True), Add(Mul(Symbol('dg_m', "
             "real=True), Symbol('m', real=True)), Mul(Integer(-1), Symbol('mu', real=True)))), "
             "Mul(Add(Symbol('d2xi_1', positive=True), Symbol('dxi_1', positive=True)), "
             "Add(Symbol('e', real=True), Symbol('g_m', real=True)))), Integer(2))), "
             "Mul(Rational(1, 4), Pow(Symbol('d2xi_1', positive=True), Integer(-1)), "
             "Pow(Symbol('mu', real=True), Integer(2)))), LessThan(Abs(Symbol('mu', real=True)), "
             "Mul(Integer(2), Pow(Add(Mul(Pow(Symbol('Deltap', positive=True), Integer(-1)), "
             "Add(Symbol('p', integer=True, positive=True), Integer(-1))), Pow(Symbol('Delta2', "
             'positive=True), Integer(-1))), Rational(1, 2))))), ExprCondPair(Add(Mul(Rational(1, '
             "2), Symbol('d2xi_1', positive=True), Pow(Add(Mul(Rational(1, 2), "
             "Pow(Add(Mul(Integer(-1), Integer(4), Symbol('d2xi_1', positive=True)), "
             "Pow(Symbol('mu', real=True), Integer(2))), Rational(1, 2))), Mul(Rational(1, 2), "
             "Abs(Symbol('mu', real=True)))), Integer(-2))), Mul(Integer(-1), Rational(1, 2), "
             "Pow(Symbol('dg_m', real=True), Integer(2)), Pow(Symbol('dxi_1', positive=True), "
             "Integer(-1)), Add(Integer(1), Mul(Integer(-1), Pow(Symbol('m', real=True), "
             "Integer(2))))), Mul(Integer(-1), Rational(1, 2), log(Symbol('dxi_1', "
             'positive=True))), Mul(Rational(1, 2), log(Add(Integer(1), Mul(Integer(-1), '
             "Pow(Symbol('m', real=True), Integer(2)))))), log(Add(Mul(Rational(1, 2), "
             "Pow(Add(Mul(Integer(-1), Integer(4), Symbol('d2xi_1', positive=True)), "
             "Pow(Symbol('mu', real=True), Integer(2))), Rational(1, 2))), Mul(Rational(1, 2), "
             "Abs(Symbol('mu', real=True))))), Rational(1, 2), Mul(Integer(-1), "
             "Pow(Add(Mul(Integer(2), Symbol('d2xi_1', positive=True)), Mul(Integer(2), "
             "Symbol('dxi_1', positive=True))), Integer(-1)), Pow(Add(Mul(Symbol('dg_m', "
             "real=True), Symbol('m', real=True)), Mul(Integer(-1), Symbol('mu', real=True))), "
             "Integer(2))), Mul(Integer(-1), Pow(Symbol('det_1', nonnegative=True), Integer(-1)), "
             "Pow(Add(Mul(Integer(2), Symbol('d2xi_1', positive=True)), Mul(Integer(2), "
             "Symbol('dxi_1', positive=True))), Integer(-1)), Pow(Add(Mul(Integer(-1), "
             "Symbol('dxi_1', positive=True), Add(Mul(Symbol('dg_m', real=True), Symbol('m', "
             "real=True)), Mul(Integer(-1), Symbol('mu', real=True)))), Mul(Add(Symbol('d2xi_1', "
             "positive=True), Symbol('dxi_1', positive=True)), Add(Symbol('e', real=True), "
             "Symbol('g_m', real=True)))), Integer(2)))), true))",
 'kr_sigma_bulk': "Add(Mul(Integer(-1), Rational(1, 2), Pow(Symbol('dg_m', real=True), "
                  "Integer(2)), Pow(Symbol('dxi_1', positive=True), Integer(-1)), Add(Integer(1), "
                  "Mul(Integer(-1), Pow(Symbol('m', real=True), Integer(2))))), "
                  "log(Pow(Symbol('d2xi_1', positive=True), Rational(1, 2))), Mul(Integer(-1), "
                  "Rational(1, 2), log(Symbol('dxi_1', positive=True))), Mul(Rational(1, 2), "
                  "log(Add(Integer(1), Mul(Integer(-1), Pow(Symbol('m', real=True), "
                  "Integer(2)))))), Mul(Integer(-1), Pow(Add(Mul(Integer(2), Symbol('d2xi_1', "
                  "positive=True)), Mul(Integer(2), Symbol('dxi_1', positive=True))), "
                  "Integer(-1)), Pow(Add(Mul(Symbol('dg_m', real=True), Symbol('m', real=True)), "
                  "Mul(Integer(-1), Symbol('mu', real=True))), Integer(2))), Mul(Integer(-1), "
                  "Pow(Symbol('det_1', nonnegative=True), Integer(-1)), Pow(Add(Mul(Integer(2), "
                  "Symbol('d2xi_1', positive=True)), Mul(Integer(2), Symbol('dxi_1', "
                  "positive=True))), Integer(-1)), Pow(Add(Mul(Integer(-1), Symbol('dxi_1', "
                  "positive=True), Add(Mul(Symbol('dg_m', real=True), Symbol('m', real=True)), "
                  "Mul(Integer(-1), Symbol('mu', real=True)))), Mul(Add(Symbol('d2xi_1', "
                  "positive=True), Symbol('dxi_1', positive=True)), Add(Symbol('e', real=True), "
                  "Symbol('g_m', real=True)))), Integer(2))), Mul(Rational(1, 4), "
                  "Pow(Symbol('d2xi_1', positive=True), Integer(-1)), Pow(Symbol('mu', "
                  'real=True), Integer(2))))',
 'kr_sigma_e_max_bulk': "Add(Mul(Symbol('d2xi_1', positive=True), Pow(Add(Mul(Integer(2), "
                        "Symbol('d2xi_1', positive=True)), Mul(Integer(-1), Symbol('det_1', "
                        "nonnegative=True), Add(Symbol('d2xi_1', positive=True), Symbol('dxi_1', "
                        "positive=True)), Pow(Add(Symbol('det_1', nonnegative=True), "
                        "Pow(Symbol('dxi_1', positive=True), Integer(2))), Integer(-1)))), "
                        "Integer(-2)), Pow(Add(Symbol('det_1', nonnegative=True), "
                        "Pow(Symbol('dxi_1', positive=True), Integer(2))), Integer(-2)), "
                        "Pow(Add(Mul(Symbol('d2xi_1', positive=True), Symbol('dxi_1', "
                        "positive=True), Symbol('e', real=True)), Mul(Symbol('d2xi_1', "
                        "positive=True), Symbol('dxi_1', positive=True), Symbol('g_m', "
                        "real=True)), Mul(Integer(-1), Symbol('det_1', nonnegative=True), "
                        "Symbol('dg_m', real=True), Symbol('m', real=True)), Mul(Integer(-1), "
                        "Symbol('dg_m', real=True), Pow(Symbol('dxi_1', positive=True), "
                        "Integer(2)), Symbol('m', real=True)), Mul(Pow(Symbol('dxi_1', "
                        "positive=True), Integer(2)), Symbol('e', real=True)), "
                        "Mul(Pow(Symbol('dxi_1', positive=True), Integer(2)), Symbol('g_m', "
                        'real=True))), Integer(2))), Mul(Integer(-1), Rational(1, 2), '
                        "Pow(Symbol('dg_m', real=True), Integer(2)), Pow(Symbol('dxi_1', "
                        'positive=True), Integer(-1)), Add(Integer(1), Mul(Integer(-1), '
                        "Pow(Symbol('m', real=True), Integer(2))))), Mul(Integer(-1), Rational(1, "
                        "2), Add(Symbol('d2xi_1', positive=True), Symbol('dxi_1', "
                        "positive=True)), Pow(Add(Symbol('det_1', nonnegative=True), "
                        "Pow(Symbol('dxi_1', positive=True), Integer(2))), Integer(-1)), "
                        "Pow(Add(Symbol('e', real=True), Symbol('g_m', real=True)), Integer(2))), "
                        "log(Pow(Symbol('d2xi_1', positive=True), Rational(1, 2))), "
                        "Mul(Integer(-1), Rational(1, 2), log(Symbol('dxi_1', positive=True))), "
                        "Mul(Rational(1, 2), log(Add(Integer(1), Mul(Integer(-1), Pow(Symbol('m', "
                        'real=True), Integer(2)))))), Mul(Integer(-1), Rational(1, 2), '
                        "Pow(Symbol('det_1', nonnegative=True), Integer(-1)), "
                        "Pow(Add(Symbol('d2xi_1', positive=True), Symbol('dxi_1', "
                        "positive=True)), Integer(-1)), Add(Symbol('det_1', nonnegative=True), "
                        "Pow(Symbol('dxi_1', positive=True), Integer(2))), "
                        "Pow(Add(Mul(Integer(-1), Integer(2), Symbol('d2xi_1', positive=True), "
                        "Pow(Add(Mul(Integer(2), Symbol('d2xi_1', positive=True)), "
                        "Mul(Integer(-1), Symbol('det_1', nonnegative=True), Add(Symbol('d2xi_1', "
                        "positive=True), Symbol('dxi_1', positive=True)), Pow(Add(Symbol('det_1', "
                        "nonnegative=True), Pow(Symbol('dxi_1', positive=True), Integer(2))), "
                        "Integer(-1)))), Integer(-1)), Pow(Add(Symbol('det_1', nonnegative=True), "
                        "Pow(Symbol('dxi_1', positive=True), Integer(2))), Integer(-1)), "
                        "Add(Mul(Symbol('d2xi_1', positive=True), Symbol('dxi_1', positive=True), "
                        "Symbol('e', real=True)), Mul(Symbol('d2xi_1', positive=True), "
                        "Symbol('dxi_1', positive=True), Symbol('g_m', real=True)), "
                        "Mul(Integer(-1), Symbol('det_1', nonnegative=True), Symbol('dg_m', "
                        "real=True), Symbol('m', real=True)), Mul(Integer(-1), Symbol('dg_m', "
                        "real=True), Pow(Symbol('dxi_1', positive=True), Integer(2)), Symbol('m', "
                        "real=True)), Mul(Pow(Symbol('dxi_1', positive=True), Integer(2)), "
                        "Symbol('e', real=True)), Mul(Pow(Symbol('dxi_1', positive=True), "
                        "Integer(2)), Symbol('g_m', real=True)))), Mul(Pow(Add(Symbol('det_1', "
                        "nonnegative=True), Pow(Symbol('dxi_1', positive=True), Integer(2))), "
                        "Integer(-1)), Add(Mul(Symbol('d2xi_1', positive=True), Symbol('dxi_1', "
                        "positive=True), Symbol('e', real=True)), Mul(Symbol('d2xi_1', "
                        "positive=True), Symbol('dxi_1', positive=True), Symbol('g_m', "
                        "real=True)), Mul(Integer(-1), Symbol('det_1', nonnegative=True), "
                        "Symbol('dg_m', real=True), Symbol('m', real=True)), Mul(Integer(-1), "
                        "Symbol('dg_m', real=True), Pow(Symbol('dxi_1', positive=True), "
                        "Integer(2)), Symbol('m', real=True)), Mul(Pow(Symbol('dxi_1', "
                        "positive=True), Integer(2)), Symbol('e', real=True)), "
                        "Mul(Pow(Symbol('dxi_1', positive=True), Integer(2)), Symbol('g_m', "
                        'real=True))))), Integer(2))))',
 'kr_sigma_e_max_left': "Add(Mul(Rational(1, 2), Symbol('d2xi_1', positive=True), "
                        'Pow(Add(Mul(Rational(1, 2), Pow(Add(Mul(Integer(-1), Integer(4), '
                        "Symbol('d2xi_1', positive=True)), Mul(Integer(4), Symbol('det_1', "
                        "nonnegative=True), Add(Symbol('d2xi_1', positive=True), Symbol('dxi_1', "
                        "positive=True)), Pow(Add(Symbol('det_1', nonnegative=True), "
                        "Pow(Symbol('dxi_1', positive=True), Integer(2))), Integer(-1))), "
                        "Mul(Pow(Add(Symbol('det_1', nonnegative=True), Pow(Symbol('dxi_1', "
                        "positive=True), Integer(2))), Integer(-2)), Pow(Add(Mul(Symbol('d2xi_1', "
                        "positive=True), Symbol('dxi_1', positive=True), Symbol('e', real=True)), "
                        "Mul(Symbol('d2xi_1', positive=True), Symbol('dxi_1', positive=True), "
                        "Symbol('g_m', real=True)), Mul(Integer(-1), Symbol('det_1', "
                        "nonnegative=True), Symbol('dg_m', real=True), Symbol('m', real=True)), "
                        "Mul(Integer(-1), Symbol('dg_m', real=True), Pow(Symbol('dxi_1', "
                        "positive=True), Integer(2)), Symbol('m', real=True)), "
                        "Mul(Pow(Symbol('dxi_1', positive=True), Integer(2)), Symbol('e', "
                        "real=True)), Mul(Pow(Symbol('dxi_1', positive=True), Integer(2)), "
                        "Symbol('g_m', real=True))), Integer(2)))), Rational(1, 2))), "
                        "Mul(Rational(1, 2), Pow(Add(Symbol('det_1', nonnegative=True), "
                        "Pow(Symbol('dxi_1', positive=True), Integer(2))), Integer(-1)), "
                        "Add(Mul(Symbol('d2xi_1', positive=True), Symbol('dxi_1', positive=True), "
                        "Symbol('e', real=True)), Mul(Symbol('d2xi_1', positive=True), "
                        "Symbol('dxi_1', positive=True), Symbol('g_m', real=True)), "
                        "Mul(Integer(-1), Symbol('det_1', nonnegative=True), Symbol('dg_m', "
                        "real=True), Symbol('m', real=True)), Mul(Integer(-1), Symbol('dg_m', "
                        "real=True), Pow(Symbol('dxi_1', positive=True), Integer(2)), Symbol('m', "
                        "real=True)), Mul(Pow(Symbol('dxi_1', positive=True), Integer(2)), "
                        "Symbol('e', real=True)), Mul(Pow(Symbol('dxi_1', positive=True), "
                        "Integer(2)), Symbol('g_m', real=True))))), Integer(-2))), "
                        "Mul(Integer(-1), Rational(1, 2), Pow(Symbol('dg_m', real=True), "
                        "Integer(2)), Pow(Symbol('dxi_1', positive=True), Integer(-1)), "
                        "Add(Integer(1), Mul(Integer(-1), Pow(Symbol('m', real=True), "
                        "Integer(2))))), Mul(Integer(-1), Rational(1, 2), Add(Symbol('d2xi_1', "
                        "positive=True), Symbol('dxi_1', positive=True)), Pow(Add(Symbol('det_1', "
                        "nonnegative=True), Pow(Symbol('dxi_1', positive=True), Integer(2))), "
                        "Integer(-1)), Pow(Add(Symbol('e', real=True), Symbol('g_m', real=True)), "
                        "Integer(2))), Mul(Integer(-1), Rational(1, 2), log(Symbol('dxi_1', "
                        'positive=True))), Mul(Rational(1, 2), log(Add(Integer(1), '
                        "Mul(Integer(-1), Pow(Symbol('m', real=True), Integer(2)))))), "
                        'log(Add(Mul(Rational(1, 2), Pow(Add(Mul(Integer(-1), Integer(4), '
                        "Symbol('d2xi_1', positive=True)), Mul(Integer(4), Symbol('det_1', "
                        "nonnegative=True), Add(Symbol('d2xi_1', positive=True), Symbol('dxi_1', "
                        "positive=True)), Pow(Add(Symbol('det_1', nonnegative=True), "
                        "Pow(Symbol('dxi_1', positive=True), Integer(2))), Integer(-1))), "
                        "Mul(Pow(Add(Symbol('det_1', nonnegative=True), Pow(Symbol('dxi_1', "
                        "positive=True), Integer(2))), Integer(-2)), Pow(Add(Mul(Symbol('d2xi_1', "
                        "positive=True), Symbol('dxi_1', positive=True), Symbol('e', real=True)), "
                        "Mul(Symbol('d2xi_1', positive=True), Symbol('dxi_1', positive=True), "
                        "Symbol('g_m', real=True)), Mul(Integer(-1), Symbol('det_1', "
                        "nonnegative=True), Symbol('dg_m', real=True), Symbol('m', real=True)), "
                        "Mul(Integer(-1), Symbol('dg_m', real=True), Pow(Symbol('dxi_1', "
                        "positive=True), Integer(2)), Symbol('m', real=True)), "
                        "Mul(Pow(Symbol('dxi_1', positive=True), Integer(2)), Symbol('e', "
                        "real=True)), Mul(Pow(Symbol('dxi_1', positive=True), Integer(2)), "
                        "Symbol('g_m', real=True))), Integer(2)))), Rational(1, 2))), "
                        "Mul(Rational(1, 2), Pow(Add(Symbol('det_1', nonnegative=True), "
                        "Pow(Symbol('dxi_1', positive=True), Integer(2))), Integer(-1)), "
                        "Add(Mul(Symbol('d2xi_1', positive=True), Symbol('dxi_1', positive=True), "
                        "Symbol('e', real=True)), Mul(Symbol('d2xi_1', positive=True), "
                        "Symbol('dxi_1', positive=True), Symbol('g_m', real=True)), "
                        "Mul(Integer(-1), Symbol('det_1', nonnegative=True), Symbol('dg_m', "
                        "real=True), Symbol('m', real=True)), Mul(Integer(-1), Symbol('dg_m', "
                        "real=True), Pow(Symbol('dxi_1', positive=True), Integer(2)), Symbol('m', "
                        "real=True)), Mul(Pow(Symbol('dxi_1', positive=True), Integer(2)), "
                        "Symbol('e', real=True)), Mul(Pow(Symbol('dxi_1', positive=True), "
                        "Integer(2)), Symbol('g_m', real=True)))))), Rational(1, 2), "
                        "Mul(Integer(-1), Rational(1, 2), Pow(Symbol('det_1', nonnegative=True), "
                        "Integer(-1)), Pow(Add(Symbol('d2xi_1', positive=True), Symbol('dxi_1', "
                        "positive=True)), Integer(-1)), Add(Symbol('det_1', nonnegative=True), "
                        "Pow(Symbol('dxi_1', positive=True), Integer(2))), "
                        "Pow(Add(Mul(Symbol('d2xi_1', positive=True), Pow(Add(Mul(Rational(1, 2), "
                        "Pow(Add(Mul(Integer(-1), Integer(4), Symbol('d2xi_1', positive=True)), "
                        "Mul(Integer(4), Symbol('det_1', nonnegative=True), Add(Symbol('d2xi_1', "
                        "positive=True), Symbol('dxi_1', positive=True)), Pow(Add(Symbol('det_1', "
                        "nonnegative=True), Pow(Symbol('dxi_1', positive=True), Integer(2))), "
                        "Integer(-1))), Mul(Pow(Add(Symbol('det_1', nonnegative=True), "
                        "Pow(Symbol('dxi_1', positive=True), Integer(2))), Integer(-2)), "
                        "Pow(Add(Mul(Symbol('d2xi_1', positive=True), Symbol('dxi_1', "
                        "positive=True), Symbol('e', real=True)), Mul(Symbol('d2xi_1', "
                        "positive=True), Symbol('dxi_1', positive=True), Symbol('g_m', "
                        "real=True)), Mul(Integer(-1), Symbol('det_1', nonnegative=True), "
                        "Symbol('dg_m', real=True), Symbol('m', real=True)), Mul(Integer(-1), "
                        "Symbol('dg_m', real=True), Pow(Symbol('dxi_1', positive=True), "
                        "Integer(2)), Symbol('m', real=True)), Mul(Pow(Symbol('dxi_1', "
                        "positive=True), Integer(2)), Symbol('e', real=True)), "
                        "Mul(Pow(Symbol('dxi_1', positive=True), Integer(2)), Symbol('g_m', "
                        'real=True))), Integer(2)))), Rational(1, 2))), Mul(Rational(1, 2), '
                        "Pow(Add(Symbol('det_1', nonnegative=True), Pow(Symbol('dxi_1', "
                        "positive=True), Integer(2))), Integer(-1)), Add(Mul(Symbol('d2xi_1', "
                        "positive=True), Symbol('dxi_1', positive=True), Symbol('e', real=True)), "
                        "Mul(Symbol('d2xi_1', positive=True), Symbol('dxi_1', positive=True), "
                        "Symbol('g_m', real=True)), Mul(Integer(-1), Symbol('det_1', "
                        "nonnegative=True), Symbol('dg_m', real=True), Symbol('m', real=True)), "
                        "Mul(Integer(-1), Symbol('dg_m', real=True), Pow(Symbol('dxi_1', "
                        "positive=True), Integer(2)), Symbol('m', real=True)), "
                        "Mul(Pow(Symbol('dxi_1', positive=True), Integer(2)), Symbol('e', "
                        "real=True)), Mul(Pow(Symbol('dxi_1', positive=True), Integer(2)), "
                        "Symbol('g_m', real=True))))), Integer(-1))), Mul(Rational(1, 2), "
                        "Pow(Add(Mul(Integer(-1), Integer(4), Symbol('d2xi_1', positive=True)), "
                        "Mul(Integer(4), Symbol('det_1', nonnegative=True), Add(Symbol('d2xi_1', "
                        "positive=True), Symbol('dxi_1', positive=True)), Pow(Add(Symbol('det_1', "
                        "nonnegative=True), Pow(Symbol('dxi_1', positive=True), Integer(2))), "
                        "Integer(-1))), Mul(Pow(Add(Symbol('det_1', nonnegative=True), "
                        "Pow(Symbol('dxi_1', positive=True), Integer(2))), Integer(-2)), "
                        "Pow(Add(Mul(Symbol('d2xi_1', positive=True), Symbol('dxi_1', "
                        "positive=True), Symbol('e', real=True)), Mul(Symbol('d2xi_1', "
                        "positive=True), Symbol('dxi_1', positive=True), Symbol('g_m', "
                        "real=True)), Mul(Integer(-1), Symbol('det_1', nonnegative=True), "
                        "Symbol('dg_m', real=True), Symbol('m', real=True)), Mul(Integer(-1), "
                        "Symbol('dg_m', real=True), Pow(Symbol('dxi_1', positive=True), "
                        "Integer(2)), Symbol('m', real=True)), Mul(Pow(Symbol('dxi_1', "
                        "positive=True), Integer(2)), Symbol('e', real=True)), "
                        "Mul(Pow(Symbol('dxi_1', positive=True), Integer(2)), Symbol('g_m', "
                        'real=True))), Integer(2)))), Rational(1, 2))), Mul(Integer(-1), '
                        "Rational(1, 2), Pow(Add(Symbol('det_1', nonnegative=True), "
                        "Pow(Symbol('dxi_1', positive=True), Integer(2))), Integer(-1)), "
                        "Add(Mul(Symbol('d2xi_1', positive=True), Symbol('dxi_1', positive=True), "
                        "Symbol('e', real=True)), Mul(Symbol('d2xi_1', positive=True), "
                        "Symbol('dxi_1', positive=True), Symbol('g_m', real=True)), "
                        "Mul(Integer(-1), Symbol('det_1', nonnegative=True), Symbol('dg_m', "
                        "real=True), Symbol('m', real=True)), Mul(Integer(-1), Symbol('dg_m', "
                        "real=True), Pow(Symbol('dxi_1', positive=True), Integer(2)), Symbol('m', "
                        "real=True)), Mul(Pow(Symbol('dxi_1', positive=True), Integer(2)), "
                        "Symbol('e', real=True)), Mul(Pow(Symbol('dxi_1', positive=True), "
                        "Integer(2)), Symbol('g_m', real=True))))), Integer(2))))",
 'kr_sigma_e_max_right': "Add(Mul(Rational(1, 2), Symbol('d2xi_1', positive=True), "
                         'Pow(Add(Mul(Rational(1, 2), Pow(Add(Mul(Integer(-1), Integer(4), '
                         "Symbol('d2xi_1', positive=True)), Mul(Integer(4), Symbol('det_1', "
                         "nonnegative=True), Add(Symbol('d2xi_1', positive=True), Symbol('dxi_1', "
                         "positive=True)), Pow(Add(Symbol('det_1', nonnegative=True), "
                         "Pow(Symbol('dxi_1', positive=True), Integer(2))), Integer(-1))), "
                         "Mul(Pow(Add(Symbol('det_1', nonnegative=True), Pow(Symbol('dxi_1', "
                         'positive=True), Integer(2))), Integer(-2)), '
                         "Pow(Add(Mul(Symbol('d2xi_1', positive=True), Symbol('dxi_1', "
                         "positive=True), Symbol('e', real=True)), Mul(Symbol('d2xi_1', "
                         "positive=True), Symbol('dxi_1', positive=True), Symbol('g_m', "
                         "real=True)), Mul(Integer(-1), Symbol('det_1', nonnegative=True), "
                         "Symbol('dg_m', real=True), Symbol('m', real=True)), Mul(Integer(-1), "
                         "Symbol('dg_m', real=True), Pow(Symbol('dxi_1', positive=True), "
                         "Integer(2)), Symbol('m', real=True)), Mul(Pow(Symbol('dxi_1', "
                         "positive=True), Integer(2)), Symbol('e', real=True)), "
                         "Mul(Pow(Symbol('dxi_1', positive=True), Integer(2)), Symbol('g_m', "
                         'real=True))), Integer(2)))), Rational(1, 2))), Mul(Integer(-1), '
                         "Rational(1, 2), Pow(Add(Symbol('det_1', nonnegative=True), "
                         "Pow(Symbol('dxi_1', positive=True), Integer(2))), Integer(-1)), "
                         "Add(Mul(Symbol('d2xi_1', positive=True), Symbol('dxi_1', "
                         "positive=True), Symbol('e', real=True)), Mul(Symbol('d2xi_1', "
                         "positive=True), Symbol('dxi_1', positive=True), Symbol('g_m', "
                         "real=True)), Mul(Integer(-1), Symbol('det_1', nonnegative=True), "
                         "Symbol('dg_m', real=True), Symbol('m', real=True)), Mul(Integer(-1), "
                         "Symbol('dg_m', real=True), Pow(Symbol('dxi_1', positive=True), "
                         "Integer(2)), Symbol('m', real=True)), Mul(Pow(Symbol('dxi_1', "
                         "positive=True), Integer(2)), Symbol('e', real=True)), "
                         "Mul(Pow(Symbol('dxi_1', positive=True), Integer(2)), Symbol('g_m', "
                         'real=True))))), Integer(-2))), Mul(Integer(-1), Rational(1, 2), '
                         "Pow(Symbol('dg_m', real=True), Integer(2)), Pow(Symbol('dxi_1', "
                         'positive=True), Integer(-1)), Add(Integer(1), Mul(Integer(-1), '
                         "Pow(Symbol('m', real=True), Integer(2))))), Mul(Integer(-1), "
                         "Rational(1, 2), Add(Symbol('d2xi_1', positive=True), Symbol('dxi_1', "
                         "positive=True)), Pow(Add(Symbol('det_1', nonnegative=True), "
                         "Pow(Symbol('dxi_1', positive=True), Integer(2))), Integer(-1)), "
                         "Pow(Add(Symbol('e', real=True), Symbol('g_m', real=True)), "
                         "Integer(2))), Mul(Integer(-1), Rational(1, 2), log(Symbol('dxi_1', "
                         'positive=True))), Mul(Rational(1, 2), log(Add(Integer(1), '
                         "Mul(Integer(-1), Pow(Symbol('m', real=True), Integer(2)))))), "
                         'log(Add(Mul(Rational(1, 2), Pow(Add(Mul(Integer(-1), Integer(4), '
                         "Symbol('d2xi_1', positive=True)), Mul(Integer(4), Symbol('det_1', "
                         "nonnegative=True), Add(Symbol('d2xi_1', positive=True), Symbol('dxi_1', "
                         "positive=True)), Pow(Add(Symbol('det_1', nonnegative=True), "
                         "Pow(Symbol('dxi_1', positive=True), Integer(2))), Integer(-1))), "
                         "Mul(Pow(Add(Symbol('det_1', nonnegative=True), Pow(Symbol('dxi_1', "
                         'positive=True), Integer(2))), Integer(-2)), '
                         "Pow(Add(Mul(Symbol('d2xi_1', positive=True), Symbol('dxi_1', "
                         "positive=True), Symbol('e', real=True)), Mul(Symbol('d2xi_1', "
                         "positive=True), Symbol('dxi_1', positive=True), Symbol('g_m', "
                         "real=True)), Mul(Integer(-1), Symbol('det_1', nonnegative=True), "
                         "Symbol('dg_m', real=True), Symbol('m', real=True)), Mul(Integer(-1), "
                         "Symbol('dg_m', real=True), Pow(Symbol('dxi_1', positive=True), "
                         "Integer(2)), Symbol('m', real=True)), Mul(Pow(Symbol('dxi_1', "
                         "positive=True), Integer(2)), Symbol('e', real=True)), "
                         "Mul(Pow(Symbol('dxi_1', positive=True), Integer(2)), Symbol('g_m', "
                         'real=True))), Integer(2)))), Rational(1, 2))), Mul(Integer(-1), '
                         "Rational(1, 2), Pow(Add(Symbol('det_1', nonnegative=True), "
                         "Pow(Symbol('dxi_1', positive=True), Integer(2))), Integer(-1)), "
                         "Add(Mul(Symbol('d2xi_1', positive=True), Symbol('dxi_1', "
                         "positive=True), Symbol('e', real=True)), Mul(Symbol('d2xi_1', "
                         "positive=True), Symbol('dxi_1', positive=True), Symbol('g_m', "
                         "real=True)), Mul(Integer(-1), Symbol('det_1', nonnegative=True), "
                         "Symbol('dg_m', real=True), Symbol('m', real=True)), Mul(Integer(-1), "
                         "Symbol('dg_m', real=True), Pow(Symbol('dxi_1', positive=True), "
                         "Integer(2)), Symbol('m', real=True)), Mul(Pow(Symbol('dxi_1', "
                         "positive=True), Integer(2)), Symbol('e', real=True)), "
                         "Mul(Pow(Symbol('dxi_1', positive=True), Integer(2)), Symbol('g_m', "
                         'real=True)))))), Rational(1, 2), Mul(Integer(-1), Rational(1, 2), '
                         "Pow(Symbol('det_1', nonnegative=True), Integer(-1)), "
                         "Pow(Add(Symbol('d2xi_1', positive=True), Symbol('dxi_1', "
                         "positive=True)), Integer(-1)), Add(Symbol('det_1', nonnegative=True), "
                         "Pow(Symbol('dxi_1', positive=True), Integer(2))), "
                         "Pow(Add(Mul(Symbol('d2xi_1', positive=True), Pow(Add(Mul(Rational(1, "
                         "2), Pow(Add(Mul(Integer(-1), Integer(4), Symbol('d2xi_1', "
                         "positive=True)), Mul(Integer(4), Symbol('det_1', nonnegative=True), "
                         "Add(Symbol('d2xi_1', positive=True), Symbol('dxi_1', positive=True)), "
                         "Pow(Add(Symbol('det_1', nonnegative=True), Pow(Symbol('dxi_1', "
                         'positive=True), Integer(2))), Integer(-1))), '
                         "Mul(Pow(Add(Symbol('det_1', nonnegative=True), Pow(Symbol('dxi_1', "
                         'positive=True), Integer(2))), Integer(-2)), '
                         "Pow(Add(Mul(Symbol('d2xi_1', positive=True), Symbol('dxi_1', "
                         "positive=True), Symbol('e', real=True)), Mul(Symbol('d2xi_1', "
                         "positive=True), Symbol('dxi_1', positive=True), Symbol('g_m', "
                         "real=True)), Mul(Integer(-1), Symbol('det_1', nonnegative=True), "
                         "Symbol('dg_m', real=True), Symbol('m', real=True)), Mul(Integer(-1), "
                         "Symbol('dg_m', real=True), Pow(Symbol('dxi_1', positive=True), "
                         "Integer(2)), Symbol('m', real=True)), Mul(Pow(Symbol('dxi_1', "
                         "positive=True), Integer(2)), Symbol('e', real=True)), "
                         "Mul(Pow(Symbol('dxi_1', positive=True), Integer(2)), Symbol('g_m', "
                         'real=True))), Integer(2)))), Rational(1, 2))), Mul(Integer(-1), '
                         "Rational(1, 2), Pow(Add(Symbol('det_1', nonnegative=True), "
                         "Pow(Symbol('dxi_1', positive=True), Integer(2))), Integer(-1)), "
                         "Add(Mul(Symbol('d2xi_1', positive=True), Symbol('dxi_1', "
                         "positive=True), Symbol('e', real=True)), Mul(Symbol('d2xi_1', "
                         "positive=True), Symbol('dxi_1', positive=True), Symbol('g_m', "
                         "real=True)), Mul(Integer(-1), Symbol('det_1', nonnegative=True), "
                         "Symbol('dg_m', real=True), Symbol('m', real=True)), Mul(Integer(-1), "
                         "Symbol('dg_m', real=True), Pow(Symbol('dxi_1', positive=True), "
                         "Integer(2)), Symbol('m', real=True)), Mul(Pow(Symbol('dxi_1', "
                         "positive=True), Integer(2)), Symbol('e', real=True)), "
                         "Mul(Pow(Symbol('dxi_1', positive=True), Integer(2)), Symbol('g_m', "
                         'real=True))))), Integer(-1))), Mul(Rational(1, 2), '
                         "Pow(Add(Mul(Integer(-1), Integer(4), Symbol('d2xi_1', positive=True)), "
                         "Mul(Integer(4), Symbol('det_1', nonnegative=True), Add(Symbol('d2xi_1', "
                         "positive=True), Symbol('dxi_1', positive=True)), "
                         "Pow(Add(Symbol('det_1', nonnegative=True), Pow(Symbol('dxi_1', "
                         'positive=True), Integer(2))), Integer(-1))), '
                         "Mul(Pow(Add(Symbol('det_1', nonnegative=True), Pow(Symbol('dxi_1', "
                         'positive=True), Integer(2))), Integer(-2)), '
                         "Pow(Add(Mul(Symbol('d2xi_1', positive=True), Symbol('dxi_1', "
                         "positive=True), Symbol('e', real=True)), Mul(Symbol('d2xi_1', "
                         "positive=True), Symbol('dxi_1', positive=True), Symbol('g_m', "
                         "real=True)), Mul(Integer(-1), Symbol('det_1', nonnegative=True), "
                         "Symbol('dg_m', real=True), Symbol('m', real=True)), Mul(Integer(-1), "
                         "Symbol('dg_m', real=True), Pow(Symbol('dxi_1', positive=True), "
                         "Integer(2)), Symbol('m', real=True)), Mul(Pow(Symbol('dxi_1', "
                         "positive=True), Integer(2)), Symbol('e', real=True)), "
                         "Mul(Pow(Symbol('dxi_1', positive=True), Integer(2)), Symbol('g_m', "
                         'real=True))), Integer(2)))), Rational(1, 2))), Mul(Rational(1, 2), '
                         "Pow(Add(Symbol('det_1', nonnegative=True), Pow(Symbol('dxi_1', "
                         "positive=True), Integer(2))), Integer(-1)), Add(Mul(Symbol('d2xi_1', "
                         "positive=True), Symbol('dxi_1', positive=True), Symbol('e', "
                         "real=True)), Mul(Symbol('d2xi_1', positive=True), Symbol('dxi_1', "
                         "positive=True), Symbol('g_m', real=True)), Mul(Integer(-1), "
                         "Symbol('det_1', nonnegative=True), Symbol('dg_m', real=True), "
                         "Symbol('m', real=True)), Mul(Integer(-1), Symbol('dg_m', real=True), "
                         "Pow(Symbol('dxi_1', positive=True), Integer(2)), Symbol('m', "
                         "real=True)), Mul(Pow(Symbol('dxi_1', positive=True), Integer(2)), "
                         "Symbol('e', real=True)), Mul(Pow(Symbol('dxi_1', positive=True), "
                         "Integer(2)), Symbol('g_m', real=True))))), Integer(2))))",
 'kr_sigma_max_bulk': "Add(Mul(Symbol('d2xi_1', positive=True), Pow(Symbol('dg_m', real=True), "
                      "Integer(2)), Pow(Symbol('m', real=True), Integer(2)), "
                      "Pow(Add(Symbol('d2xi_1', positive=True), Mul(Integer(-1), Symbol('dxi_1', "
                      'positive=True))), Integer(-2))), Mul(Integer(-1), Rational(1, 2), '
                      "Pow(Symbol('dg_m', real=True), Integer(2)), Pow(Symbol('dxi_1', "
                      'positive=True), Integer(-1)), Add(Integer(1), Mul(Integer(-1), '
                      "Pow(Symbol('m', real=True), Integer(2))))), log(Pow(Symbol('d2xi_1', "
                      'positive=True), Rational(1, 2))), Mul(Integer(-1), Rational(1, 2), '
                      "log(Symbol('dxi_1', positive=True))), Mul(Rational(1, 2), "
                      "log(Add(Integer(1), Mul(Integer(-1), Pow(Symbol('m', real=True), "
                      "Integer(2)))))), Mul(Integer(-1), Pow(Add(Mul(Integer(2), Symbol('d2xi_1', "
                      "positive=True)), Mul(Integer(2), Symbol('dxi_1', positive=True))), "
                      "Integer(-1)), Pow(Add(Mul(Integer(2), Symbol('d2xi_1', positive=True), "
                      "Symbol('dg_m', real=True), Symbol('m', real=True), "
                      "Pow(Add(Symbol('d2xi_1', positive=True), Mul(Integer(-1), Symbol('dxi_1', "
                      "positive=True))), Integer(-1))), Mul(Integer(-1), Symbol('dg_m', "
                      "real=True), Symbol('m', real=True))), Integer(2))))",
 'kr_sigma_max_left': "Add(Mul(Rational(1, 2), Symbol('d2xi_1', positive=True), "
                      "Pow(Add(Mul(Integer(-1), Rational(1, 2), Symbol('dg_m', real=True), "
                      "Symbol('m', real=True)), Mul(Rational(1, 2), "
                      "Pow(Add(Mul(Pow(Symbol('dg_m', real=True), Integer(2)), Pow(Symbol('m', "
                      "real=True), Integer(2))), Mul(Integer(4), Symbol('dxi_1', "
                      'positive=True))), Rational(1, 2)))), Integer(-2))), Mul(Integer(-1), '
                      "Rational(1, 2), Pow(Symbol('dg_m', real=True), Integer(2)), "
                      "Pow(Symbol('dxi_1', positive=True), Integer(-1)), Add(Integer(1), "
                      "Mul(Integer(-1), Pow(Symbol('m', real=True), Integer(2))))), "
                      "Mul(Integer(-1), Rational(1, 2), log(Symbol('dxi_1', positive=True))), "
                      "Mul(Rational(1, 2), log(Add(Integer(1), Mul(Integer(-1), Pow(Symbol('m', "
                      'real=True), Integer(2)))))), log(Add(Mul(Integer(-1), Rational(1, 2), '
                      "Symbol('dg_m', real=True), Symbol('m', real=True)), Mul(Rational(1, 2), "
                      "Pow(Add(Mul(Pow(Symbol('dg_m', real=True), Integer(2)), Pow(Symbol('m', "
                      "real=True), Integer(2))), Mul(Integer(4), Symbol('dxi_1', "
                      'positive=True))), Rational(1, 2))))), Rational(1, 2), Mul(Integer(-1), '
                      "Pow(Add(Mul(Integer(2), Symbol('d2xi_1', positive=True)), Mul(Integer(2), "
                      "Symbol('dxi_1', positive=True))), Integer(-1)), "
                      "Pow(Add(Mul(Symbol('d2xi_1', positive=True), Pow(Add(Mul(Integer(-1), "
                      "Rational(1, 2), Symbol('dg_m', real=True), Symbol('m', real=True)), "
                      "Mul(Rational(1, 2), Pow(Add(Mul(Pow(Symbol('dg_m', real=True), "
                      "Integer(2)), Pow(Symbol('m', real=True), Integer(2))), Mul(Integer(4), "
                      "Symbol('dxi_1', positive=True))), Rational(1, 2)))), Integer(-1))), "
                      "Mul(Rational(1, 2), Symbol('dg_m', real=True), Symbol('m', real=True)), "
                      "Mul(Rational(1, 2), Pow(Add(Mul(Pow(Symbol('dg_m', real=True), "
                      "Integer(2)), Pow(Symbol('m', real=True), Integer(2))), Mul(Integer(4), "
                      "Symbol('dxi_1', positive=True))), Rational(1, 2)))), Integer(2))))",
 'kr_sigma_max_right': "Add(Mul(Rational(1, 2), Symbol('d2xi_1', positive=True), "
                       "Pow(Add(Mul(Rational(1, 2), Symbol('dg_m', real=True), Symbol('m', "
                       "real=True)), Mul(Rational(1, 2), Pow(Add(Mul(Pow(Symbol('dg_m', "
                       "real=True), Integer(2)), Pow(Symbol('m', real=True), Integer(2))), "
                       "Mul(Integer(4), Symbol('dxi_1', positive=True))), Rational(1, 2)))), "
                       "Integer(-2))), Mul(Integer(-1), Rational(1, 2), Pow(Symbol('dg_m', "
                       "real=True), Integer(2)), Pow(Symbol('dxi_1', positive=True), "
                       "Integer(-1)), Add(Integer(1), Mul(Integer(-1), Pow(Symbol('m', "
                       'real=True), Integer(2))))), Mul(Integer(-1), Rational(1, 2), '
                       "log(Symbol('dxi_1', positive=True))), Mul(Rational(1, 2), "
                       "log(Add(Integer(1), Mul(Integer(-1), Pow(Symbol('m', real=True), "
                       "Integer(2)))))), log(Add(Mul(Rational(1, 2), Symbol('dg_m', real=True), "
                       "Symbol('m', real=True)), Mul(Rational(1, 2), "
                       "Pow(Add(Mul(Pow(Symbol('dg_m', real=True), Integer(2)), Pow(Symbol('m', "
                       "real=True), Integer(2))), Mul(Integer(4), Symbol('dxi_1', "
                       'positive=True))), Rational(1, 2))))), Rational(1, 2), Mul(Integer(-1), '
                       "Pow(Add(Mul(Integer(2), Symbol('d2xi_1', positive=True)), Mul(Integer(2), "
                       "Symbol('dxi_1', positive=True))), Integer(-1)), "
                       "Pow(Add(Mul(Symbol('d2xi_1', positive=True), Pow(Add(Mul(Rational(1, 2), "
                       "Symbol('dg_m', real=True), Symbol('m', real=True)), Mul(Rational(1, 2), "
                       "Pow(Add(Mul(Pow(Symbol('dg_m', real=True), Integer(2)), Pow(Symbol('m', "
                       "real=True), Integer(2))), Mul(Integer(4), Symbol('dxi_1', "
                       'positive=True))), Rational(1, 2)))), Integer(-1))), Mul(Integer(-1), '
                       "Rational(1, 2), Symbol('dg_m', real=True), Symbol('m', real=True)), "
                       "Mul(Rational(1, 2), Pow(Add(Mul(Pow(Symbol('dg_m', real=True), "
                       "Integer(2)), Pow(Symbol('m', real=True), Integer(2))), Mul(Integer(4), "
                       "Symbol('dxi_1', positive=True))), Rational(1, 2)))), Integer(2))))",
 'kr_sigma_min_at_w': "Add(Mul(Rational(1, 2), Symbol('d2xi_1', positive=True), Pow(Symbol('w', "
                      'positive=True), Integer(-2))), Mul(Integer(-1), Rational(1, 2), '
                      "Pow(Symbol('dg_m', real=True), Integer(2)), Pow(Symbol('dxi_1', "
                      'positive=True), Integer(-1)), Add(Integer(1), Mul(Integer(-1), '
                      "Pow(Symbol('m', real=True), Integer(2))))), Mul(Integer(-1), Rational(1, "
                      "2), log(Symbol('dxi_1', positive=True))), log(Symbol('w', positive=True)), "
                      "Mul(Rational(1, 2), log(Add(Integer(1), Mul(Integer(-1), Pow(Symbol('m', "
                      'real=True), Integer(2)))))), Rational(1, 2), Mul(Integer(-1), '
                      "Pow(Add(Mul(Integer(2), Symbol('d2xi_1', positive=True)), Mul(Integer(2), "
                      "Symbol('dxi_1', positive=True))), Integer(-1)), "
                      "Pow(Add(Mul(Symbol('d2xi_1', positive=True), Pow(Symbol('w', "
                      "positive=True), Integer(-1))), Mul(Integer(-1), Symbol('dg_m', real=True), "
                      "Symbol('m', real=True)), Symbol('w', positive=True)), Integer(2))))",
 'kr_sigma_min_edge': "Add(Mul(Integer(-1), Rational(1, 2), Pow(Symbol('dg_m', real=True), "
                      "Integer(2)), Pow(Symbol('dxi_1', positive=True), Integer(-1)), "
                      "Add(Integer(1), Mul(Integer(-1), Pow(Symbol('m', real=True), "
                      'Integer(2))))), Mul(Integer(-1), Pow(Add(Mul(Integer(2), '
                      "Pow(Symbol('d2xi_1', positive=True), Rational(1, 2))), Mul(Integer(-1), "
                      "Symbol('dg_m', real=True), Symbol('m', real=True))), Integer(2)), "
                      "Pow(Add(Mul(Integer(2), Symbol('d2xi_1', positive=True)), Mul(Integer(2), "
                      "Symbol('dxi_1', positive=True))), Integer(-1))), log(Pow(Symbol('d2xi_1', "
                      'positive=True), Rational(1, 2))), Mul(Integer(-1), Rational(1, 2), '
                      "log(Symbol('dxi_1', positive=True))), Mul(Rational(1, 2), "
                      "log(Add(Integer(1), Mul(Integer(-1), Pow(Symbol('m', real=True), "
                      'Integer(2)))))), Integer(1))',
 'kr_sigma_min_outlier': "Add(Mul(Integer(-1), Rational(1, 2), Pow(Symbol('dg_m', real=True), "
                         "Integer(2)), Pow(Symbol('dxi_1', positive=True), Integer(-1)), "
                         "Add(Integer(1), Mul(Integer(-1), Pow(Symbol('m', real=True), "
                         "Integer(2))))), Mul(Integer(-1), Rational(1, 2), log(Symbol('dxi_1', "
                         "positive=True))), log(Mul(Symbol('d2g_m', real=True), Add(Integer(1), "
                         "Mul(Integer(-1), Pow(Symbol('m', real=True), Integer(2)))))), "
                         'Mul(Rational(1, 2), log(Add(Integer(1), Mul(Integer(-1), '
                         "Pow(Symbol('m', real=True), Integer(2)))))), Rational(1, 2), "
                         "Mul(Integer(-1), Pow(Add(Mul(Integer(2), Symbol('d2xi_1', "
                         "positive=True)), Mul(Integer(2), Symbol('dxi_1', positive=True))), "
                         "Integer(-1)), Pow(Add(Mul(Symbol('d2g_m', real=True), Add(Integer(1), "
                         "Mul(Integer(-1), Pow(Symbol('m', real=True), Integer(2))))), "
                         "Mul(Integer(-1), Symbol('dg_m', real=True), Symbol('m', real=True)), "
                         "Mul(Pow(Symbol('d2g_m', real=True), Integer(-1)), Symbol('d2xi_1', "
                         "positive=True), Pow(Add(Integer(1), Mul(Integer(-1), Pow(Symbol('m', "
                         'real=True), Integer(2)))), Integer(-1)))), Integer(2))), '
                         "Mul(Rational(1, 2), Pow(Symbol('d2g_m', real=True), Integer(-2)), "
                         "Symbol('d2xi_1', positive=True), Pow(Add(Integer(1), Mul(Integer(-1), "
                         "Pow(Symbol('m', real=True), Integer(2)))), Integer(-2))))",
 'kr_sigma_mu': "Piecewise(ExprCondPair(Add(Mul(Integer(-1), Rational(1, 2), Pow(Symbol('dg_m', "
                "real=True), Integer(2)), Pow(Symbol('dxi_1', positive=True), Integer(-1)), "
                "Add(Integer(1), Mul(Integer(-1), Pow(Symbol('m', real=True), Integer(2))))), "
                "log(Pow(Symbol('d2xi_1', positive=True), Rational(1, 2))), Mul(Integer(-1), "
                "Rational(1, 2), log(Symbol('dxi_1', positive=True))), Mul(Rational(1, 2), "
                "log(Add(Integer(1), Mul(Integer(-1), Pow(Symbol('m', real=True), "
                "Integer(2)))))), Mul(Integer(-1), Rational(1, 2), Pow(Add(Symbol('d2xi_1', "
                "positive=True), Symbol('dxi_1', positive=True)), Integer(-1)), "
                "Pow(Add(Mul(Symbol('dg_m', real=True), Symbol('m', real=True)), Mul(Integer(-1), "
                "Symbol('mu', real=True))), Integer(2))), Mul(Rational(1, 4), "
                "Pow(Symbol('d2xi_1', positive=True), Integer(-1)), Pow(Symbol('mu', real=True), "
                "Integer(2)))), LessThan(Abs(Symbol('mu', real=True)), Mul(Integer(2), "
                "Pow(Add(Mul(Pow(Symbol('Deltap', positive=True), Integer(-1)), Add(Symbol('p', "
                "integer=True, positive=True), Integer(-1))), Pow(Symbol('Delta2', "
                'positive=True), Integer(-1))), Rational(1, 2))))), '
                "ExprCondPair(Add(Mul(Rational(1, 2), Symbol('d2xi_1', positive=True), "
                'Pow(Add(Mul(Rational(1, 2), Pow(Add(Mul(Integer(-1), Integer(4), '
                "Symbol('d2xi_1', positive=True)), Pow(Symbol('mu', real=True), Integer(2))), "
                "Rational(1, 2))), Mul(Rational(1, 2), Abs(Symbol('mu', real=True)))), "
                "Integer(-2))), Mul(Integer(-1), Rational(1, 2), Pow(Symbol('dg_m', real=True), "
                "Integer(2)), Pow(Symbol('dxi_1', positive=True), Integer(-1)), Add(Integer(1), "
                "Mul(Integer(-1), Pow(Symbol('m', real=True), Integer(2))))), Mul(Integer(-1), "
                "Rational(1, 2), log(Symbol('dxi_1', positive=True))), Mul(Rational(1, 2), "
                "log(Add(Integer(1), Mul(Integer(-1), Pow(Symbol('m', real=True), "
                'Integer(2)))))), log(Add(Mul(Rational(1, 2), Pow(Add(Mul(Integer(-1), '
                "Integer(4), Symbol('d2xi_1', positive=True)), Pow(Symbol('mu', real=True), "
                "Integer(2))), Rational(1, 2))), Mul(Rational(1, 2), Abs(Symbol('mu', "
                'real=True))))), Rational(1, 2), Mul(Integer(-1), Rational(1, 2), '
                "Pow(Add(Symbol('d2xi_1', positive=True), Symbol('dxi_1', positive=True)), "
                "Integer(-1)), Pow(Add(Mul(Symbol('dg_m', real=True), Symbol('m', real=True)), "
                "Mul(Integer(-1), Symbol('mu', real=True))), Integer(2)))), true))",
 'kr_sigma_mu_bulk': "Add(Mul(Integer(-1), Rational(1, 2), Pow(Symbol('dg_m', real=True), "
                     "Integer(2)), Pow(Symbol('dxi_1', positive=True), Integer(-1)), "
                     "Add(Integer(1), Mul(Integer(-1), Pow(Symbol('m', real=True), "
                     "Integer(2))))), log(Pow(Symbol('d2xi_1', positive=True), Rational(1, 2))), "
                     "Mul(Integer(-1), Rational(1, 2), log(Symbol('dxi_1', positive=True))), "
                     "Mul(Rational(1, 2), log(Add(Integer(1), Mul(Integer(-1), Pow(Symbol('m', "
                     'real=True), Integer(2)))))), Mul(Integer(-1), Rational(1, 2), '
                     "Pow(Add(Symbol('d2xi_1', positive=True), Symbol('dxi_1', positive=True)), "
                     "Integer(-1)), Pow(Add(Mul(Symbol('dg_m', real=True), Symbol('m', "
                     "real=True)), Mul(Integer(-1), Symbol('mu', real=True))), Integer(2))), "
                     "Mul(Rational(1, 4), Pow(Symbol('d2xi_1', positive=True), Integer(-1)), "
                     "Pow(Symbol('mu', real=True), Integer(2))))",
 'kr_sigma_mu_outside': "Add(Mul(Rational(1, 2), Symbol('d2xi_1', positive=True), "
                        'Pow(Add(Mul(Rational(1, 2), Pow(Add(Mul(Integer(-1), Integer(4), '
                        "Symbol('d2xi_1', positive=True)), Pow(Symbol('mu', real=True), "
                        "Integer(2))), Rational(1, 2))), Mul(Rational(1, 2), Abs(Symbol('mu', "
                        'real=True)))), Integer(-2))), Mul(Integer(-1), Rational(1, 2), '
                        "Pow(Symbol('dg_m', real=True), Integer(2)), Pow(Symbol('dxi_1', "
                        'positive=True), Integer(-1)), Add(Integer(1), Mul(Integer(-1), '
                        "Pow(Symbol('m', real=True), Integer(2))))), Mul(Integer(-1), Rational(1, "
                        "2), log(Symbol('dxi_1', positive=True))), Mul(Rational(1, 2), "
                        "log(Add(Integer(1), Mul(Integer(-1), Pow(Symbol('m', real=True), "
                        'Integer(2)))))), log(Add(Mul(Rational(1, 2), Pow(Add(Mul(Integer(-1), '
                        "Integer(4), Symbol('d2xi_1', positive=True)), Pow(Symbol('mu', "
                        'real=True), Integer(2))), Rational(1, 2))), Mul(Rational(1, 2), '
                        "Abs(Symbol('mu', real=True))))), Rational(1, 2), Mul(Integer(-1), "
                        "Rational(1, 2), Pow(Add(Symbol('d2xi_1', positive=True), Symbol('dxi_1', "
                        "positive=True)), Integer(-1)), Pow(Add(Mul(Symbol('dg_m', real=True), "
                        "Symbol('m', real=True)), Mul(Integer(-1), Symbol('mu', real=True))), "
                        'Integer(2))))',
 'kr_sigma_outside': "Add(Mul(Rational(1, 2), Symbol('d2xi_1', positive=True), "
                     'Pow(Add(Mul(Rational(1, 2), Pow(Add(Mul(Integer(-1), Integer(4), '
                     "Symbol('d2xi_1', positive=True)), Pow(Symbol('mu', real=True), "
                     "Integer(2))), Rational(1, 2))), Mul(Rational(1, 2), Abs(Symbol('mu', "
                     'real=True)))), Integer(-2))), Mul(Integer(-1), Rational(1, 2), '
                     "Pow(Symbol('dg_m', real=True), Integer(2)), Pow(Symbol('dxi_1', "
                     'positive=True), Integer(-1)), Add(Integer(1), Mul(Integer(-1), '
                     "Pow(Symbol('m', real=True), Integer(2))))), Mul(Integer(-1), Rational(1, "
                     "2), log(Symbol('dxi_1', positive=True))), Mul(Rational(1, 2), "
                     "log(Add(Integer(1), Mul(Integer(-1), Pow(Symbol('m', real=True), "
                     'Integer(2)))))), log(Add(Mul(Rational(1, 2), Pow(Add(Mul(Integer(-1), '
                     "Integer(4), Symbol('d2xi_1', positive=True)), Pow(Symbol('mu', real=True), "
                     "Integer(2))), Rational(1, 2))), Mul(Rational(1, 2), Abs(Symbol('mu', "
                     'real=True))))), Rational(1, 2), Mul(Integer(-1), Pow(Add(Mul(Integer(2), '
                     "Symbol('d2xi_1', positive=True)), Mul(Integer(2), Symbol('dxi_1', "
                     "positive=True))), Integer(-1)), Pow(Add(Mul(Symbol('dg_m', real=True), "
                     "Symbol('m', real=True)), Mul(Integer(-1), Symbol('mu', real=True))), "
                     "Integer(2))), Mul(Integer(-1), Pow(Symbol('det_1', nonnegative=True), "
                     "Integer(-1)), Pow(Add(Mul(Integer(2), Symbol('d2xi_1', positive=True)), "
                     "Mul(Integer(2), Symbol('dxi_1', positive=True))), Integer(-1)), "
                     "Pow(Add(Mul(Integer(-1), Symbol('dxi_1', positive=True), "
                     "Add(Mul(Symbol('dg_m', real=True), Symbol('m', real=True)), "
                     "Mul(Integer(-1), Symbol('mu', real=True)))), Mul(Add(Symbol('d2xi_1', "
                     "positive=True), Symbol('dxi_1', positive=True)), Add(Symbol('e', "
                     "real=True), Symbol('g_m', real=True)))), Integer(2))))",
 'kr_threshold_energy': "Mul(Pow(Symbol('d2xi_1', positive=True), Rational(-1, 2)), "
                        "Pow(Symbol('dxi_1', positive=True), Integer(-1)), "
                        "Pow(Add(Symbol('d2xi_1', positive=True), Symbol('dxi_1', "
                        "positive=True)), Integer(-2)), Add(Mul(Integer(-1), Pow(Symbol('d2xi_1', "
                        "positive=True), Rational(5, 2)), Symbol('dxi_1', positive=True), "
                        "Symbol('g_m', real=True)), Mul(Pow(Symbol('d2xi_1', positive=True), "
                        "Rational(3, 2)), Symbol('det_1', nonnegative=True), Symbol('dg_m', "
                        "real=True), Symbol('m', real=True)), Mul(Pow(Symbol('d2xi_1', "
                        "positive=True), Rational(3, 2)), Symbol('dg_m', real=True), "
                        "Pow(Symbol('dxi_1', positive=True), Integer(2)), Symbol('m', "
                        "real=True)), Mul(Integer(-1), Integer(2), Pow(Symbol('d2xi_1', "
                        "positive=True), Rational(3, 2)), Pow(Symbol('dxi_1', positive=True), "
                        "Integer(2)), Symbol('g_m', real=True)), Mul(Pow(Symbol('d2xi_1', "
                        "positive=True), Rational(1, 2)), Symbol('det_1', nonnegative=True), "
                        "Symbol('dg_m', real=True), Symbol('dxi_1', positive=True), Symbol('m', "
                        "real=True)), Mul(Pow(Symbol('d2xi_1', positive=True), Rational(1, 2)), "
                        "Symbol('dg_m', real=True), Pow(Symbol('dxi_1', positive=True), "
                        "Integer(3)), Symbol('m', real=True)), Mul(Integer(-1), "
                        "Pow(Symbol('d2xi_1', positive=True), Rational(1, 2)), "
                        "Pow(Symbol('dxi_1', positive=True), Integer(3)), Symbol('g_m', "
                        "real=True)), Mul(Integer(-1), Pow(Symbol('d2xi_1', positive=True), "
                        "Integer(2)), Symbol('det_1', nonnegative=True)), Mul(Integer(-1), "
                        "Integer(2), Pow(Symbol('d2xi_1', positive=True), Integer(2)), "
                        "Pow(Symbol('dxi_1', positive=True), Integer(2))), Mul(Integer(-1), "
                        "Integer(2), Symbol('d2xi_1', positive=True), Pow(Symbol('dxi_1', "
                        "positive=True), Integer(3))), Mul(Symbol('det_1', nonnegative=True), "
                        "Pow(Symbol('dxi_1', positive=True), Integer(2)))))",
 'kr_threshold_energy_most_numerous': "Mul(Pow(Add(Symbol('d2xi_1', positive=True), "
                                      "Symbol('dxi_1', positive=True)), Integer(-1)), "
                                      "Add(Mul(Integer(-1), Integer(2), Pow(Symbol('d2xi_1', "
                                      "positive=True), Rational(1, 2)), Symbol('dxi_1', "
                                      "positive=True)), Mul(Integer(-1), Symbol('d2xi_1', "
                                      "positive=True), Symbol('g_m', real=True)), "
                                      "Mul(Symbol('dg_m', real=True), Symbol('dxi_1', "
                                      "positive=True), Symbol('m', real=True)), Mul(Integer(-1), "
                                      "Symbol('dxi_1', positive=True), Symbol('g_m', "
                                      'real=True))))',
 'kr_volume': "Add(Mul(Rational(1, 2), log(Add(Integer(1), Mul(Integer(-1), Pow(Symbol('m', "
              'real=True), Integer(2)))))), Rational(1, 2), Mul(Rational(1, 2), '
              'log(Mul(Integer(2), pi))))',
 'kr_w_star': "Add(Mul(Rational(1, 2), Symbol('dg_m', real=True), Symbol('m', real=True)), "
              "Mul(Rational(1, 2), Pow(Add(Mul(Pow(Symbol('dg_m', real=True), Integer(2)), "
              "Pow(Symbol('m', real=True), Integer(2))), Mul(Integer(4), Symbol('dxi_1', "
              'positive=True))), Rational(1, 2))))',
 'langevin_aging_mu': "Mul(Pow(Symbol('Delta2', positive=True), Integer(-1)), Pow(Symbol('T', "
                      "nonnegative=True), Integer(-1)), Pow(Add(Symbol('q', real=True), "
                      "Integer(-1)), Integer(-1)), Add(Mul(Integer(-1), Symbol('Delta2', "
                      "positive=True), Pow(Symbol('T', nonnegative=True), Integer(2))), "
                      "Mul(Symbol('Delta2', positive=True), Symbol('dxi_1', positive=True), "
                      "Symbol('q', real=True)), Mul(Integer(-1), Symbol('Delta2', positive=True), "
                      "Symbol('dxi_1', positive=True)), Mul(Integer(-1), Symbol('Delta2', "
                      "positive=True), Symbol('dxi_q', real=True), Symbol('q', real=True)), "
                      "Mul(Symbol('Delta2', positive=True), Symbol('dxi_q', real=True)), "
                      "Mul(Integer(-1), Pow(Symbol('q', real=True), Integer(2))), Mul(Integer(2), "
                      "Symbol('q', real=True)), Integer(-1)))",
 'langevin_fdt_ratio': "Mul(Symbol('T', nonnegative=True), Add(Mul(Pow(Symbol('Delta2', "
                       "positive=True), Integer(2)), Symbol('T', nonnegative=True)), "
                       "Mul(Integer(-1), Pow(Symbol('Delta2', positive=True), Integer(2)), "
                       "Symbol('dxi_q', real=True)), Mul(Integer(-1), Symbol('Delta2', "
                       "positive=True), Symbol('T', nonnegative=True)), Mul(Integer(-1), "
                       "Symbol('Delta2', positive=True)), Integer(1)), "
                       "Pow(Add(Mul(Pow(Symbol('Delta2', positive=True), Integer(2)), "
                       "Pow(Symbol('T', nonnegative=True), Integer(2))), Mul(Integer(-1), "
                       "Pow(Symbol('Delta2', positive=True), Integer(2)), Symbol('T', "
                       "nonnegative=True), Symbol('dxi_q', real=True)), Mul(Integer(-1), "
                       "Integer(2), Symbol('Delta2', positive=True), Symbol('T', "
                       "nonnegative=True)), Mul(Symbol('Delta2', positive=True), Symbol('dxi_q', "
                       'real=True)), Integer(1)), Integer(-1)))',
 'langevin_marginality': "Add(Mul(Integer(-1), Pow(Symbol('T', nonnegative=True), Integer(2))), "
                         "Mul(Pow(Symbol('Delta2', positive=True), Integer(-1)), "
                         "Pow(Add(Integer(1), Mul(Integer(-1), Symbol('q', real=True))), "
                         "Integer(2)), Add(Mul(Symbol('Delta2', positive=True), Symbol('d2xi_q', "
                         'real=True)), Integer(1))))',
 'langevin_plateau': "Add(Mul(Integer(-1), Symbol('Delta2', positive=True), Symbol('T', "
                     'nonnegative=True)), Integer(1))',
 'langevin_residual': "Add(Mul(Integer(-1), Pow(Symbol('Delta2', positive=True), Integer(2)), "
                      "Symbol('d2xi_q', real=True)), Mul(Integer(-1), Symbol('Delta2', "
                      'positive=True)), Integer(1))',
 'langevin_residual_slope': "Add(Mul(Pow(Symbol('Delta2', positive=True), Integer(2)), "
                            "Symbol('T', nonnegative=True), Symbol('d3xi_q', real=True)), "
                            "Mul(Integer(-1), Integer(2), Symbol('Delta2', positive=True), "
                            "Symbol('d2xi_q', real=True)), Integer(-1))",
 'ml_amp_fixed_point_condition': "Add(Mul(Integer(-1), Pow(Symbol('m', real=True), Integer(2)), "
                                 "Add(Pow(Symbol('Deltap', positive=True), Integer(-1)), "
                                 "Pow(Symbol('Delta2', positive=True), Integer(-1)))), "
                                 "Mul(Add(Integer(1), Mul(Integer(-1), Pow(Symbol('m', "
                                 "real=True), Integer(2)))), Pow(Add(Mul(Pow(Symbol('Deltap', "
                                 "positive=True), Integer(-1)), Pow(Symbol('m', real=True), "
                                 "Add(Symbol('p', integer=True, positive=True), Integer(-1)))), "
                                 "Mul(Pow(Symbol('Delta2', positive=True), Integer(-1)), "
                                 "Symbol('m', real=True))), Integer(2))))",
 'ml_amp_instability': "Add(Mul(Integer(-1), Pow(Add(Pow(Symbol('Deltap', positive=True), "
                       "Integer(-1)), Pow(Symbol('Delta2', positive=True), Integer(-1))), "
                       "Rational(1, 2))), Pow(Symbol('Delta2', positive=True), Integer(-1)))",
 'ml_amp_map': "Mul(Add(Mul(Pow(Symbol('Deltap', positive=True), Integer(-1)), Pow(Symbol('m', "
               "real=True), Add(Symbol('p', integer=True, positive=True), Integer(-1)))), "
               "Mul(Pow(Symbol('Delta2', positive=True), Integer(-1)), Symbol('m', real=True))), "
               "Pow(Add(Pow(Add(Mul(Pow(Symbol('Deltap', positive=True), Integer(-1)), "
               "Pow(Symbol('m', real=True), Add(Symbol('p', integer=True, positive=True), "
               "Integer(-1)))), Mul(Pow(Symbol('Delta2', positive=True), Integer(-1)), "
               "Symbol('m', real=True))), Integer(2)), Pow(Symbol('Deltap', positive=True), "
               "Integer(-1)), Pow(Symbol('Delta2', positive=True), Integer(-1))), Rational(-1, "
               '2)))',
 'ml_amp_map_jets': "Mul(Pow(Symbol('dxi_1', positive=True), Rational(-1, 2)), Symbol('dxi_m', "
                    "real=True), Pow(hypot(Integer(1), Mul(Pow(Symbol('dxi_1', positive=True), "
                    "Rational(-1, 2)), Symbol('dxi_m', real=True))), Integer(-1)))",
 'ml_amp_slope_at_zero': "Mul(Pow(Symbol('Delta2', positive=True), Rational(-1, 2)), "
                         "Pow(Symbol('Deltap', positive=True), Rational(1, 2)), "
                         "Pow(Add(Symbol('Delta2', positive=True), Symbol('Deltap', "
                         'positive=True)), Rational(-1, 2)))',
 'ml_amp_slope_at_zero_jets': "Mul(Symbol('d2xi_0', real=True), Pow(Symbol('dxi_1', "
                              'positive=True), Rational(-1, 2)))',
 'mu_integrand': "Add(Mul(Symbol('d2xi_q', real=True), Symbol('q', real=True)), Symbol('dxi_q', "
                 'real=True))',
 'nishimori_condition': "Add(Mul(Integer(-1), Symbol('dxi_m', real=True), Symbol('m', "
                        "real=True)), Symbol('dxi_m', real=True), Mul(Integer(-1), Symbol('m', "
                        'real=True)))',
 'nishimori_mu': "Add(Symbol('dxi_1', positive=True), Integer(1))",
 'onset_reduced': "Add(Mul(Rational(1, 2), Symbol('m', real=True), Pow(Symbol('p', integer=True, "
                  "positive=True), Integer(-1)), Pow(Add(Symbol('m', real=True), Integer(-1)), "
                  "Integer(-1)), Add(Mul(Pow(Symbol('m', real=True), Integer(2)), Symbol('p', "
                  "integer=True, positive=True)), Mul(Integer(-1), Integer(2), Pow(Symbol('m', "
                  "real=True), Integer(2))), Mul(Symbol('m', real=True), Symbol('p', "
                  "integer=True, positive=True)), Mul(Integer(-1), Integer(2), Symbol('p', "
                  "integer=True, positive=True)))), log1p(Mul(Integer(-1), Symbol('m', "
                  'real=True))))',
 'outlier': "Add(Symbol('mu', real=True), Mul(Integer(-1), Add(Integer(1), Mul(Integer(-1), "
            "Pow(Symbol('m', real=True), Integer(2)))), Add(Mul(Pow(Symbol('Deltap', "
            "positive=True), Integer(-1)), Pow(Symbol('m', real=True), Add(Symbol('p', "
            "integer=True, positive=True), Integer(-2))), Add(Symbol('p', integer=True, "
            "positive=True), Integer(-1))), Pow(Symbol('Delta2', positive=True), Integer(-1)))), "
            "Mul(Integer(-1), Pow(Add(Integer(1), Mul(Integer(-1), Pow(Symbol('m', real=True), "
            "Integer(2)))), Integer(-1)), Add(Mul(Pow(Symbol('Deltap', positive=True), "
            "Integer(-1)), Add(Symbol('p', integer=True, positive=True), Integer(-1))), "
            "Pow(Symbol('Delta2', positive=True), Integer(-1))), Pow(Add(Mul(Pow(Symbol('Deltap', "
            "positive=True), Integer(-1)), Pow(Symbol('m', real=True), Add(Symbol('p', "
            "integer=True, positive=True), Integer(-2))), Add(Symbol('p', integer=True, "
            "positive=True), Integer(-1))), Pow(Symbol('Delta2', positive=True), Integer(-1))), "
            'Integer(-1))))',
 'pr_1rsb_chi_saddle': "Add(Mul(Symbol('L2', positive=True), Symbol('alpha', positive=True), "
                       "Pow(Symbol('chi', positive=True), Integer(2))), Mul(Symbol('L2', "
                       "positive=True), Symbol('alpha', positive=True), Symbol('chi', "
                       "positive=True), Symbol('y_P', positive=True)), Integer(-1))",
 'pr_1rsb_energy': "Add(Mul(Symbol('Ebar', positive=True), Symbol('alpha', positive=True)), "
                   "Mul(Integer(-1), Rational(1, 2), Pow(Symbol('chi', positive=True), "
                   "Integer(-1)), Pow(Add(Integer(1), Mul(Pow(Symbol('chi', positive=True), "
                   "Integer(-1)), Symbol('y_P', positive=True))), Integer(-1))))",
 'pr_1rsb_entropic': "Mul(Rational(1, 2), log(Add(Integer(1), Mul(Pow(Symbol('chi', "
                     "positive=True), Integer(-1)), Symbol('y_P', positive=True)))))",
 'pr_amp_L': "Mul(Rational(1, 8), Pow(Symbol('k', positive=True), Integer(-2)), Add(Symbol('P1a', "
             "real=True), Mul(Integer(-1), Symbol('P1b', real=True))))",
 'pr_amp_L_series': "Add(Mul(Integer(-1), Integer(427), Pow(Symbol('k', positive=True), "
                    "Integer(6))), Mul(Integer(25), Pow(Symbol('k', positive=True), Integer(4))), "
                    "Mul(Integer(-1), Integer(3), Pow(Symbol('k', positive=True), Integer(2))), "
                    'Integer(1))',
 'pr_amp_gout2': "Mul(Pow(Add(Integer(1), Mul(Integer(-1), Symbol('q', positive=True))), "
                 "Integer(-2)), Add(Mul(Integer(-1), Symbol('S', real=True), Pow(Add(Integer(1), "
                 "Mul(Integer(-1), Symbol('q', positive=True))), Rational(3, 2))), "
                 "Mul(Integer(-1), Symbol('q', positive=True)), Integer(1)))",
 'pr_amp_kdL': "Add(Mul(Integer(-1), Rational(1, 4), Symbol('P1a', real=True), Pow(Symbol('k', "
               "positive=True), Integer(-2))), Mul(Rational(1, 4), Symbol('P1b', real=True), "
               "Pow(Symbol('k', positive=True), Integer(-2))), Mul(Integer(-1), Rational(1, 32), "
               "Symbol('P2a', real=True), Pow(Symbol('k', positive=True), Integer(-3))), "
               "Mul(Rational(1, 32), Symbol('P2b', real=True), Pow(Symbol('k', positive=True), "
               'Integer(-3))))',
 'pr_amp_kdL_series': "Add(Mul(Integer(-1), Integer(2562), Pow(Symbol('k', positive=True), "
                      "Integer(6))), Mul(Integer(100), Pow(Symbol('k', positive=True), "
                      "Integer(4))), Mul(Integer(-1), Integer(6), Pow(Symbol('k', positive=True), "
                      'Integer(2))))',
 'pr_amp_ratio': "Mul(Integer(-1), Symbol('q', positive=True), Pow(Add(Mul(Symbol('S', "
                 "real=True), Pow(Add(Integer(1), Mul(Integer(-1), Symbol('q', positive=True))), "
                 'Rational(1, 2))), Integer(-1)), Integer(-1)))',
 'pr_amp_stationarity': "Add(Mul(Rational(1, 2), Symbol('S', real=True), Symbol('q', "
                        "positive=True), Pow(Add(Integer(1), Mul(Integer(-1), Symbol('q', "
                        "positive=True))), Rational(-1, 2))), Mul(Integer(-1), Symbol('S', "
                        "real=True), Pow(Add(Integer(1), Mul(Integer(-1), Symbol('q', "
                        'positive=True))), Rational(-1, 2))), Mul(Integer(-1), Rational(1, 2), '
                        "Symbol('U', real=True), Symbol('q', positive=True), Pow(Add(Integer(1), "
                        "Mul(Integer(-1), Symbol('q', positive=True))), Rational(-1, 2))), "
                        "Mul(Rational(1, 2), Symbol('U', real=True), Pow(Add(Integer(1), "
                        "Mul(Integer(-1), Symbol('q', positive=True))), Rational(-1, 2))), "
                        'Integer(1))',
 'pr_amp_x': "Mul(Rational(1, 4), Pow(Symbol('k', positive=True), Integer(-1)), Add(Symbol('k', "
             'positive=True), Integer(1)))',
 'pr_gout': "Mul(Pow(Symbol('V', positive=True), Integer(-1)), Add(Mul(Integer(-1), "
            "Symbol('omega', real=True)), Mul(Pow(Symbol('y', real=True), Rational(1, 2)), "
            "tanh(Mul(Pow(Symbol('V', positive=True), Integer(-1)), Symbol('omega', real=True), "
            "Pow(Symbol('y', real=True), Rational(1, 2)))))))",
 'pr_it_divergence': "Add(Mul(Rational(1, 2), Symbol('alpha', positive=True)), Rational(-1, 2))",
 'pr_opt_T': "Mul(Add(Symbol('y', real=True), Integer(-1)), Pow(Add(Mul(Pow(Integer(2), "
             "Rational(1, 2)), Pow(Symbol('alpha', positive=True), Rational(1, 2))), Symbol('y', "
             'real=True), Integer(-1)), Integer(-1)))',
 'pr_opt_resolvent': "Mul(Add(Symbol('y', real=True), Integer(-1)), Pow(Add(Mul(Pow(Integer(2), "
                     "Rational(1, 2)), Pow(Symbol('alpha', positive=True), Rational(1, 2))), "
                     "Mul(Symbol('s', real=True), Symbol('y', real=True)), Mul(Integer(-1), "
                     "Symbol('s', real=True)), Symbol('y', real=True), Integer(-1)), "
                     'Integer(-1)))',
 'pr_reg_d2loss': "Mul(Integer(-1), Pow(Add(Symbol('a', positive=True), Symbol('y', real=True)), "
                  "Integer(-1)), Add(Mul(Integer(-1), Integer(3), Pow(Symbol('h', real=True), "
                  "Integer(2))), Symbol('y', real=True)))",
 'pr_reg_dloss': "Mul(Integer(-1), Symbol('h', real=True), Pow(Add(Symbol('a', positive=True), "
                 "Symbol('y', real=True)), Integer(-1)), Add(Mul(Integer(-1), Pow(Symbol('h', "
                 "real=True), Integer(2))), Symbol('y', real=True)))",
 'pr_reg_loss': "Mul(Pow(Add(Mul(Integer(4), Symbol('a', positive=True)), Mul(Integer(4), "
                "Symbol('y', real=True))), Integer(-1)), Pow(Add(Pow(Symbol('h', real=True), "
                "Integer(2)), Mul(Integer(-1), Symbol('y', real=True))), Integer(2)))",
 'pr_reg_mult': "Mul(Integer(-1), Pow(Symbol('h', real=True), Integer(2)), Pow(Add(Symbol('a', "
                "positive=True), Symbol('y', real=True)), Integer(-1)), Add(Mul(Integer(-1), "
                "Pow(Symbol('h', real=True), Integer(2))), Symbol('y', real=True)))",
 'pr_reg_prox_kappa': "Mul(Pow(Symbol('chi', positive=True), Integer(-1)), Add(Symbol('a', "
                      "positive=True), Symbol('y', real=True)))",
 'pr_rs_m1': "Mul(Pow(Symbol('s', real=True), Integer(-1)), Add(Mul(Integer(-1), Rational(1, 6), "
             "Pow(Integer(6), Rational(1, 2)), Pow(pi, Rational(1, 2)), Symbol('X', "
             "positive=True), Pow(Symbol('s', real=True), Rational(-1, 2)), Add(Symbol('a', "
             "positive=True), Symbol('y', real=True)), Pow(Add(Symbol('a', positive=True), "
             "Mul(Symbol('y', real=True), Add(Integer(1), Mul(Integer(-1), Symbol('s', "
             'real=True))))), Rational(-1, 2))), Integer(1)))',
 'pr_rs_m2': "Mul(Pow(Symbol('s', real=True), Integer(-2)), Add(Mul(Integer(-1), Rational(1, 6), "
             "Pow(Integer(6), Rational(1, 2)), Pow(pi, Rational(1, 2)), Symbol('X', "
             "positive=True), Pow(Symbol('s', real=True), Rational(-1, 2)), Pow(Add(Symbol('a', "
             "positive=True), Mul(Symbol('y', real=True), Add(Integer(1), Mul(Integer(-1), "
             "Symbol('s', real=True))))), Rational(-1, 2)), Add(Mul(Integer(2), Symbol('a', "
             "positive=True)), Mul(Integer(2), Symbol('y', real=True)))), Mul(Pow(Add(Symbol('a', "
             "positive=True), Symbol('y', real=True)), Integer(2)), Add(Mul(Rational(1, 12), "
             "Pow(Integer(6), Rational(1, 2)), Pow(pi, Rational(1, 2)), Symbol('X', "
             "positive=True), Pow(Symbol('s', real=True), Rational(-1, 2)), Pow(Add(Symbol('a', "
             "positive=True), Mul(Symbol('y', real=True), Add(Integer(1), Mul(Integer(-1), "
             "Symbol('s', real=True))))), Rational(-3, 2))), Mul(Integer(-1), Rational(1, 36), "
             "Pow(Integer(6), Rational(1, 2)), Pow(pi, Rational(1, 2)), Symbol('X', "
             "positive=True), Pow(Symbol('s', real=True), Rational(-3, 2)), Pow(Add(Symbol('a', "
             "positive=True), Mul(Symbol('y', real=True), Add(Integer(1), Mul(Integer(-1), "
             "Symbol('s', real=True))))), Rational(-1, 2))), Mul(Rational(1, 6), Pow(Symbol('s', "
             "real=True), Integer(-1)), Pow(Add(Symbol('a', positive=True), Mul(Symbol('y', "
             "real=True), Add(Integer(1), Mul(Integer(-1), Symbol('s', real=True))))), "
             'Integer(-1))))), Integer(1)))',
 'pr_rs_z': "Mul(Rational(1, 6), Pow(Integer(6), Rational(1, 2)), Pow(Symbol('s', real=True), "
            "Rational(-1, 2)), Pow(Add(Symbol('a', positive=True), Mul(Symbol('y', real=True), "
            "Add(Integer(1), Mul(Integer(-1), Symbol('s', real=True))))), Rational(1, 2)))",
 'pr_spinodal': "Mul(Rational(2, 9), Pow(Integer(3), Rational(1, 2)), Pow(Symbol('kappa', "
                "positive=True), Integer(-1)), Pow(Add(Mul(Integer(-1), Symbol('kappa', "
                "positive=True)), Symbol('y', real=True)), Rational(3, 2)))",
 'pr_square_d2loss': "Add(Mul(Integer(3), Pow(Symbol('h', real=True), Integer(2))), "
                     "Mul(Integer(-1), Symbol('y', real=True)))",
 'pr_square_dloss': "Mul(Integer(-1), Symbol('h', real=True), Add(Mul(Integer(-1), "
                    "Pow(Symbol('h', real=True), Integer(2))), Symbol('y', real=True)))",
 'pr_square_loss': "Mul(Rational(1, 4), Pow(Add(Pow(Symbol('h', real=True), Integer(2)), "
                   "Mul(Integer(-1), Symbol('y', real=True))), Integer(2)))",
 'pr_square_mult': "Mul(Integer(-1), Pow(Symbol('h', real=True), Integer(2)), "
                   "Add(Mul(Integer(-1), Pow(Symbol('h', real=True), Integer(2))), Symbol('y', "
                   'real=True)))',
 'pr_square_prox_kappa': "Pow(Symbol('chi', positive=True), Integer(-1))",
 'pr_wr_integrand': "Add(Pow(Symbol('y', real=True), Integer(2)), Mul(Integer(-1), Integer(2), "
                    "Symbol('y', real=True)), Integer(1))",
 'semicircle_scale': "Pow(Add(Mul(Pow(Symbol('Deltap', positive=True), Integer(-1)), "
                     "Add(Symbol('p', integer=True, positive=True), Integer(-1))), "
                     "Pow(Symbol('Delta2', positive=True), Integer(-1))), Rational(1, 2))",
 'tensor_only_reduced': "Add(Mul(Symbol('m', real=True), Pow(Symbol('p', integer=True, "
                        "positive=True), Integer(-1)), Pow(Add(Symbol('m', real=True), "
                        "Integer(-1)), Integer(-1)), Add(Mul(Symbol('m', real=True), Symbol('p', "
                        "integer=True, positive=True)), Mul(Integer(-1), Symbol('m', real=True)), "
                        "Mul(Integer(-1), Symbol('p', integer=True, positive=True)))), "
                        "log1p(Mul(Integer(-1), Symbol('m', real=True))))",
 'theta': "Mul(Add(Integer(1), Mul(Integer(-1), Pow(Symbol('m', real=True), Integer(2)))), "
          "Add(Mul(Pow(Symbol('Deltap', positive=True), Integer(-1)), Pow(Symbol('m', real=True), "
          "Add(Symbol('p', integer=True, positive=True), Integer(-2))), Add(Symbol('p', "
          "integer=True, positive=True), Integer(-1))), Pow(Symbol('Delta2', positive=True), "
          'Integer(-1))))',
 'xi': "Add(Mul(Pow(Symbol('Deltap', positive=True), Integer(-1)), Pow(Symbol('p', integer=True, "
       "positive=True), Integer(-1)), Pow(Symbol('q', real=True), Symbol('p', integer=True, "
       "positive=True))), Mul(Rational(1, 2), Pow(Symbol('Delta2', positive=True), Integer(-1)), "
       "Pow(Symbol('q', real=True), Integer(2))))",
 'xi_prime': "Add(Mul(Pow(Symbol('Deltap', positive=True), Integer(-1)), Pow(Symbol('q', "
             "real=True), Add(Symbol('p', integer=True, positive=True), Integer(-1)))), "
             "Mul(Pow(Symbol('Delta2', positive=True), Integer(-1)), Symbol('q', real=True)))",
 'xi_second': "Add(Mul(Pow(Symbol('Deltap', positive=True), Integer(-1)), Pow(Symbol('q', "
              "real=True), Add(Symbol('p', integer=True, positive=True), Integer(-2))), "
              "Add(Symbol('p', integer=True, positive=True), Integer(-1))), Pow(Symbol('Delta2', "
              'positive=True), Integer(-1)))'}
