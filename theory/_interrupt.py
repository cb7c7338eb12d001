"""The toolkit's one Ctrl-C contract.

Every long computation (a DMFT run, a finite-N run, a sweep over parameter points or seeds)
obeys the same rule:

* **Work that comes in whole pieces** (time steps, runs, sweep points) stops at the first
  ``KeyboardInterrupt``, and the function *returns* what it finished, with
  ``interrupted=True`` on the result and an :class:`Interrupted` warning that names the function
  and what was cut (``"gradient_flow: stopped at t = 41.3 of t_max = 100"``).  Entries that were
  not computed are ``nan`` (or ``None`` for whole runs), never a value that looks complete.
* **Work with nothing whole to return** (one root, one certified evaluation) lets
  ``KeyboardInterrupt`` propagate.

Which is which:

==========================================  ================================================
returns what finished, ``interrupted=True``  ``gradient_flow`` (the steps done),
                                            ``dynamics_threshold`` (the runs done),
                                            ``phase_diagram`` (the points done, nan elsewhere),
                                            ``simulate`` (the steps done), ``simulate_ensemble``
                                            (the runs done, None elsewhere), for both families
lets ``KeyboardInterrupt`` propagate        ``threshold``, ``complexity``,
                                            ``complexity_of_minima``, ``threshold_energy``,
                                            ``hessian``, ``state_evolution``, ``critical_point``
                                            (one certified evaluation each)
==========================================  ================================================

The command line turns either case into exit status 130 and writes no output file (it writes
to a temporary name and renames only a complete result).

Filter the warning like any other: ``warnings.simplefilter("ignore", theory.Interrupted)``.
"""

from __future__ import annotations

import warnings

__all__ = ["Interrupted", "warn_interrupted"]


class Interrupted(UserWarning):
    """Ctrl-C stopped a long computation; the result holds what finished (``interrupted=True``)."""


def warn_interrupted(function: str, what: str, *, stacklevel: int = 3) -> None:
    """Warn that ``function`` was stopped by Ctrl-C, saying ``what`` was cut.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_interrupted("gradient_flow", "stopped at t = 41.3 of t_max = 100")
    >>> str(caught[0].message)
    'gradient_flow interrupted (Ctrl-C): stopped at t = 41.3 of t_max = 100; the result holds what finished, with interrupted=True'
    """
    warnings.warn(f"{function} interrupted (Ctrl-C): {what}; the result holds what finished, with "
                  f"interrupted=True", Interrupted, stacklevel=stacklevel)
