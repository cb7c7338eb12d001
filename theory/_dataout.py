"""The former name of the result base: ``DataOut`` is :class:`theory._results.Result`.

``to_xarray``, ``to_pandas`` and ``plot`` now live on :class:`~theory._results.Result`, with
the one equality, pickling path and repr of the result objects; this module keeps the old
import (``from theory._dataout import DataOut``) working.  New code derives from
:class:`theory._results.Result`.
"""

from __future__ import annotations

from theory._results import Result as DataOut

__all__ = ["DataOut"]
