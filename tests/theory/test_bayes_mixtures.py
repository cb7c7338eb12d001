"""The Bayes-optimal kinds (``amp``, ``mmse_jump``, ``information_theoretic``) on several tensor
channels, against brute force: the free entropy maximised on a fine mpmath grid of ``m`` and the
state evolution iterated from an uninformed start, both written here from docs/phase_diagram.md (``phi(m) = log(1-m)/2 + m/2 + xi(m)/2``, ``m <- xi'(m)/(1 + xi'(m))``) with
``xi(q) = q**2/(2 Delta2) + sum_p q**p/(p Delta_p)`` (docs/your_model.md), not through the solvers.
"""

from __future__ import annotations

from fractions import Fraction as F

import mpmath
import numpy as np
import pytest

import theory

CTX = mpmath.MPContext()
CTX.dps = 30
# m in (0, 1): uniform (step 1/4000) plus a geometric tail towards 1
GRID = [CTX.mpf(i) / 4000 for i in range(1, 4000)] + [1 - CTX.mpf(10) ** (-k / 8) for k in range(30, 97)]

# 3+4 with a hard phase (amp < 1), the overlap jumping between two nonzero branches (IT = 1);
# 2+3+4 (the matrix variance is ignored by the thresholds) with a first-order jump out of 0.
MIX_34 = theory.Model(tensors={3: 10, 4: F(27, 100)})
MIX_234 = theory.Model(delta2=F(1, 2), tensors={3: F(3, 2), 4: F(3, 10)})


def _tensors(model):
    return [(p, CTX.mpf(d.numerator) / d.denominator) for p, d in model.channels.items() if p != 2]


def _phi(model, u, m):
    """phi(m) - phi(0) at 1/Delta2 = u (the model's own matrix channel replaced)."""
    xi = u * m**2 / 2 + sum(m**p / (p * d) for p, d in _tensors(model))
    return CTX.log(1 - m) / 2 + m / 2 + xi / 2


def _maximiser(model, u):
    """(argmax, max) of phi over {0} and the grid."""
    best = (CTX.zero, CTX.zero)
    for m in GRID:
        v = _phi(model, u, m)
        if v > best[1]:
            best = (m, v)
    return best


def _local_maxima(model, u):
    """Heights of the local maxima of phi on {0} + grid (m = 0 counts where phi decreases from it)."""
    values = [CTX.zero] + [_phi(model, u, m) for m in GRID]
    out = [values[0]] if values[1] < values[0] else []
    out += [values[i] for i in range(1, len(values) - 1) if values[i - 1] < values[i] > values[i + 1]]
    return sorted(out)


def _state_evolution(model, u, m0=1e-8, steps=200000):
    """Bayes-optimal AMP state evolution from m0 (float64), to a fixed point."""
    tensors = [(p, float(d)) for p, d in _tensors(model)]
    m = m0
    for _ in range(steps):
        dxi = u * m + sum(m ** (p - 1) / d for p, d in tensors)
        new = dxi / (1 + dxi)
        if abs(new - m) < 1e-14:
            return new
        m = new
    raise AssertionError("state evolution did not converge")


@pytest.mark.parametrize("model", [MIX_34, MIX_234], ids=["3+4", "2+3+4"])
class TestAgainstBruteForce:
    def test_xi_convention(self, model):
        # the brute force's xi is the model's own (Model.xi) at the same matrix variance
        with_matrix = theory.Model(delta2=2, tensors={p: d for p, d in model.channels.items() if p != 2})
        for m in (CTX.mpf(1) / 3, CTX.mpf(9) / 10):
            mine = _phi(with_matrix, CTX.mpf(1) / 2, m) - CTX.log(1 - m) / 2 - m / 2
            assert abs(2 * mine - with_matrix.xi(float(m))) < 1e-12

    def test_information_theoretic_is_where_the_global_maximiser_leaves_zero(self, model):
        u = 1 / CTX.mpf(theory.threshold(model=model, kind="information_theoretic", dps=20))
        assert _maximiser(model, u * (1 + CTX.mpf("1e-3")))[1] > 0
        assert _maximiser(model, u * (1 - CTX.mpf("1e-3")))[1] <= CTX.mpf("1e-12")

    def test_amp_is_where_state_evolution_from_zero_stops_reaching_the_global_maximiser(self, model):
        delta2 = theory.threshold(model=model, kind="amp")
        assert delta2 < 1  # both mixtures have a hard phase
        for factor, reaches in ((0.999, True), (1.001, False)):
            u = 1 / (delta2 * factor)
            m_se = _state_evolution(model, u)
            m_star = float(_maximiser(model, CTX.mpf(u))[0])
            assert (abs(m_se - m_star) < 1e-3) is reaches, (factor, m_se, m_star)

    def test_mmse_jump_has_two_maxima_of_equal_height_and_the_maximiser_jumps(self, model):
        delta2 = theory.threshold(model=model, kind="mmse_jump", dps=20)
        u = 1 / CTX.mpf(delta2)
        top = _local_maxima(model, u)
        assert len(top) >= 2 and abs(top[-1] - top[-2]) < 1e-7 * (1 + abs(top[-1]))
        below = _maximiser(model, u * (1 - CTX.mpf("1e-3")))[0]
        above = _maximiser(model, u * (1 + CTX.mpf("1e-3")))[0]
        assert above - below > CTX.mpf("0.1")

    def test_the_matrix_variance_is_ignored(self, model):
        other = theory.Model(delta2=None, tensors={p: d for p, d in model.channels.items() if p != 2})
        for kind in ("amp", "mmse_jump", "information_theoretic"):
            assert theory.threshold(model=model, kind=kind) == theory.threshold(model=other, kind=kind)


@pytest.mark.parametrize("tensors", [{3: 10, 4: F(27, 100)}, {3: 20, 4: F(1, 5)}, {3: F(9, 10), 4: 1},
                                     {4: F(1, 4), 5: 1}, {3: 5, 4: F(1, 4), 5: F(1, 2)}, {3: 1, 4: 2}])
def test_order_of_the_lines(tensors):
    model = theory.Model(tensors=tensors)
    ml, amp, it = (theory.threshold(model=model, kind=k) for k in ("ml_amp", "amp", "information_theoretic"))
    assert ml < amp <= 1 <= it
    jump = theory.threshold(model=model, kind="mmse_jump")
    if np.isnan(jump):  # no jump (nan in float64): a continuous transition at Delta2 = 1
        assert it == 1
        with pytest.raises(ValueError, match="does not jump"):
            theory.threshold(model=model, kind="mmse_jump", dps=20)
    else:
        assert amp < jump <= it


@pytest.mark.parametrize("kind", ["amp", "mmse_jump", "information_theoretic"])
@pytest.mark.parametrize("p, delta_p", [(4, F(1, 4)), (4, F(1, 5)), (5, F(1, 10))])
def test_a_vanishing_second_channel_gives_the_one_channel_value(kind, p, delta_p):
    one = theory.threshold(p, delta_p, kind=kind, dps=20)
    mixed = theory.threshold(model=theory.Model(tensors={p: delta_p, p + 1: 10**12}), kind=kind, dps=20)
    assert abs(mixed - one) < 1e-9 * abs(one)


@pytest.mark.parametrize("kind", ["amp", "mmse_jump", "information_theoretic"])
def test_certified_at_dps_1_30_and_80(kind):
    for model in (MIX_34, MIX_234):
        low, mid, high = (theory.threshold(model=model, kind=kind, dps=d) for d in (1, 30, 80))
        assert abs(high - mid) <= mpmath.mpf(10) ** -29 * abs(high)
        assert abs(low - high) <= mpmath.mpf("0.05") * abs(high)
        assert float(mid) == pytest.approx(theory.threshold(model=model, kind=kind), rel=1e-14)
    assert mpmath.mp.dps == 15


def test_float_arrays_broadcast_over_the_channels():
    model = theory.Model(tensors={3: 10, 4: F(27, 100)})
    one = theory.threshold(model=model, kind="amp")
    from numerics import message_passing as N
    from numerics.backend import F64
    from numerics.model import field

    out = N.amp(F64, field({3: np.array([10.0, 10.0]), 4: 0.27})).value
    assert out.shape == (2,) and np.all(out == one)


def test_a_mismatched_mixture_is_refused():
    mismatched = theory.Model(tensors={3: 1, 4: 2}, assumed=theory.Model(tensors={3: 2, 4: 2}))
    for kind in ("amp", "mmse_jump", "information_theoretic"):
        with pytest.raises(ValueError, match="Bayes"):
            theory.threshold(model=mismatched, kind=kind)
