"""numerics/lines/spiked.py: the spiked kinds as Line objects, one solve in either backend.

References are the closed forms of docs/model.md evaluated by mpmath by hand: gradient flow
2/(1 + sqrt(1 + 4 (p - 1)/Deltap)), ML-AMP 2 sqrt(Deltap)/(sqrt(Deltap) + sqrt(Deltap + 4)) at p = 3.
"""

from fractions import Fraction

import mpmath
import numpy as np
import pytest

from numerics.backend import F64, MP
from numerics.lines import base, spiked
from numerics.model import field
from numerics.solvers import Root


@pytest.mark.parametrize("line", spiked.LINES, ids=lambda l: l.name)
def test_follows_the_line_protocol(line):
    assert isinstance(line, base.Line) and line.accepts(field({3: Fraction(1)})) is None


@pytest.mark.parametrize("delta_p", [Fraction(1, 3), Fraction(1), Fraction(7, 2)])
def test_closed_forms_in_both_backends(delta_p):
    with mpmath.workdps(60):
        d = mpmath.mpf(delta_p.numerator) / delta_p.denominator
        gf = 2 / (1 + mpmath.sqrt(1 + 8 / d))
        ml = 2 * mpmath.sqrt(d) / (mpmath.sqrt(d) + mpmath.sqrt(d + 4))
    for line, exact in ((spiked.GRADIENT_FLOW, gf), (spiked.ML_AMP, ml)):
        r = line.solve(MP(40), field({3: delta_p}))
        assert isinstance(r, Root) and r.bracket is None
        assert abs(r.value - exact) < mpmath.mpf(10) ** -38
        assert float(line.solve(F64, field({3: float(delta_p)})).value) == pytest.approx(float(exact), rel=4e-16)


def test_float_backend_broadcasts():
    dp = np.array([[0.5, 1.0], [2.0, 4.0]])
    out = spiked.GRADIENT_FLOW.solve(F64, field({3: dp})).value
    assert out.shape == (2, 2) and np.allclose(out, 2 / (1 + np.sqrt(1 + 8 / dp)), rtol=4e-16, atol=0)


def test_langevin_at_zero_temperature_is_gradient_flow():
    # arXiv:1812.09066: at T = 0 the Langevin line is the gradient-flow threshold
    t = field({3: Fraction(1)})
    r = spiked.LANGEVIN.solve(MP(30), t, temperature=0)
    assert abs(r.value - spiked.GRADIENT_FLOW.solve(MP(30), t).value) < mpmath.mpf(10) ** -25


def test_mmse_jump_undefined_without_a_jump():
    # p = 3 with Deltap = 2 above the tricritical point (Deltap = 1, the closed form behind
    # theory.first_order_delta_p(3)): the overlap leaves 0 continuously, no jump; float64 says nan
    t = field({3: Fraction(2)})
    with pytest.raises(spiked.NoJump, match="does not jump"):
        spiked.MMSE_JUMP.solve(MP(20), t)
    assert np.isnan(spiked.MMSE_JUMP.solve(F64, field({3: 2.0})).value)
