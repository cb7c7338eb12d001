"""One entry point for a DMFT run: a validated (scheme, history) pair, integrated by its scheme.

Every scheme integrates by the one loop of :mod:`numerics.dynamics.loop` (the extrapolated
scheme once per level, then combined: :mod:`numerics.dynamics.extrapolated`).
"""

from __future__ import annotations

from numerics.dynamics.extrapolated import Extrapolated
from numerics.dynamics.fdt import FDT, Doubling
from numerics.dynamics.history import Fixed, Growing, Thinned
from numerics.dynamics.jets import jets
from numerics.dynamics.loop import Run
from numerics.dynamics.stepper import BDF2, Euler, Heun

__all__ = ["VALIDATED", "integrate"]

#: (scheme class, history class) pairs validated in tests/numerics/test_dmft.py (and
#: tests/numerics/test_langevin_long.py for the FDT closure at T > 0).
VALIDATED = frozenset({(Euler, Fixed), (Euler, Thinned), (Heun, Fixed), (Extrapolated, Fixed),
                       (Extrapolated, Thinned), (BDF2, Growing),
                       (FDT, Doubling)})


def check_pair(scheme, history) -> None:
    """ValueError for a (scheme, history) pair not in :data:`VALIDATED`."""
    if (type(scheme), type(history)) not in VALIDATED:
        raise ValueError(f"scheme {scheme!r} on the history {history!r} is not a validated pair; "
                         f"validated: {sorted((s.__name__, h.__name__) for s, h in VALIDATED)}")


def integrate(field, m0: float, t_max: float, dt: float, *, temperature: float = 0.0,
              scheme=None, history=None, keep_history: bool = False, progress=None,
              stop=None, **options) -> Run:
    """Integrate the DMFT equations from ``C(0,0) = 1``, ``m(0) = m0`` to ``t_max``.

    Parameters are assumed valid (see :func:`theory.gradient_flow`) except the pair
    ``(scheme, history)``: one not in :data:`VALIDATED` is a ``ValueError``.  ``scheme``
    defaults to ``Extrapolated()``, ``history`` to ``Fixed()``.  ``progress`` is None or a
    tqdm-like object with ``update`` (steps of the finest run; time for ``BDF2``).
    ``stop(m, step)`` may return True to end early.  A KeyboardInterrupt ends the run after the
    last completed step (``interrupted=True``).  ``options`` go to the implicit scheme
    (``h_max``, ``max_steps``, ``solver``: :class:`numerics.dynamics.stepper.ImplicitBDF2`).
    """
    scheme = Extrapolated() if scheme is None else scheme
    history = Fixed() if history is None else history
    check_pair(scheme, history)
    return scheme.integrate(jets(field), m0, t_max, dt, temperature, history, keep_history,
                            progress, stop, **options)
