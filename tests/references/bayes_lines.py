"""Independent reference values for tests/theory/test_message_passing.py::TestAnyPrecision.

Written from the paper's equations (arXiv:1902.00139, sections 2-3), not from the toolkit: the
replica-symmetric free entropy of the Bayes-optimal spiked matrix-tensor model (p = 4),

    phi(m) = log(1 - m)/2 + m/2 + xi(m)/2,   xi(m) = m^2/(2 Delta2) + m^4/(4 Deltap),

with derivatives by mpmath.diff (numerical), systems solved by mpmath.findroot (secant /
multidimensional Newton) at 40 digits from hand-picked starts.  The AMP spinodal uses the
fixed-point curve 1/Delta2 = 1/(1 - m) - m^2/Deltap and its fold.  Run it:
``python tests/references/bayes_lines.py``; each printed value agrees with the test's digits
(tests/numerics/test_message_passing.py calls :func:`lines` itself).
"""

import mpmath as mp

P = 4


def phi(m, d2, dp):
    xi = (m**2 / (2 * d2) if d2 is not None else 0) + m**P / (P * dp)
    return mp.log(1 - m) / 2 + m / 2 + xi / 2


def dphi(m, d2, dp):
    return mp.diff(lambda t: phi(t, d2, dp), m)


def lines(dps: int = 40) -> dict:
    """The five p = 4 values below (name -> mpf), solved at ``dps`` digits in a local precision."""
    out = {}
    with mp.workdps(dps):
        r = mp.findroot(lambda m, dp: [phi(m, None, dp), dphi(m, None, dp)], (mp.mpf("0.9"), mp.mpf("0.13")))
        out["tensor_recovery_delta_p(4)"] = r[1]  # the tensor alone: phi = 0 = phi'
        r = mp.findroot(lambda m, dp: [phi(m, 1, dp), dphi(m, 1, dp)], (mp.mpf("0.7"), mp.mpf("0.24")))
        out["first_order_delta_p(4)"] = r[1]  # at Delta2 = 1: phi = 0 = phi'
        dp = mp.mpf(2) / 10
        r = mp.findroot(lambda m, d2: [phi(m, d2, dp), dphi(m, d2, dp)], (mp.mpf("0.8"), mp.mpf("1.2")))
        out["information_theoretic, 0.2"] = r[1]
        m0 = mp.findroot(lambda m: 1 / (1 - m) ** 2 - 2 * m / dp, 0.05)  # fold of the low branch
        out["amp, 0.2"] = 1 / (1 / (1 - m0) - m0**2 / dp)
        dp = mp.mpf(1) / 4  # two non-zero maxima of phi of equal height (the MMSE jump)
        r = mp.findroot(lambda m1, m2, d2: [dphi(m1, d2, dp), dphi(m2, d2, dp), phi(m1, d2, dp) - phi(m2, d2, dp)],
                        (mp.mpf("0.042"), mp.mpf("0.581"), mp.mpf("0.9647535")))
        out["mmse_jump, 0.25"] = r[2]
    return out


def main():
    for name, value in lines(40).items():
        print(f"{name:29s}", mp.nstr(value, 22))


if __name__ == "__main__":
    main()
