"""Local mpmath contexts and the certification rule, re-exported from :mod:`numerics.certify`
(the rule lives below the API so that ``numerics`` certifies its own inner solves; the one
context cache is :func:`numerics.backend.context`).  Library code never touches
``mpmath.mp.dps``."""

from __future__ import annotations

from numerics.certify import (CHECK_DIGITS, GUARD_DIGITS, MAX_GUARD_FACTOR, Certified, certified, certify,
                              context, dps_of, export, to_mp)

__all__ = ["CHECK_DIGITS", "GUARD_DIGITS", "MAX_GUARD_FACTOR", "Certified", "certified", "certify", "context",
           "dps_of", "export", "to_mp"]
