"""The data-out methods every result object shares: ``to_xarray``, ``to_pandas``, ``plot``.

A mixin without state: :mod:`theory._export` (imported on first use, with xarray, pandas and
matplotlib) builds the tables and figures, so importing a result class stays light.

A new result type mixes this in and defines ``table(self)`` (its numbers as a
:class:`theory._export.Table`, every variable described by ``(long_name, units)``) and
``_draw(self, ax)`` (its figure); :mod:`theory._export` calls them, so nothing else changes.
"""

from __future__ import annotations

__all__ = ["DataOut"]


class DataOut:
    """``to_xarray()``, ``to_pandas()`` and ``plot(ax=None)`` for a result object."""

    __slots__ = ()

    def to_xarray(self):
        """The result as an ``xarray.Dataset`` (coordinate, data, parameters as attributes);
        needs the ``xarray`` extra.  Every variable carries CF ``long_name`` and ``units``;
        the table is ``self.table()`` when the class defines it.  See :mod:`theory._export`."""
        from theory._export import to_xarray

        return to_xarray(self)

    def to_pandas(self):
        """The result as a ``pandas.DataFrame`` (parameters in ``.attrs``); needs pandas."""
        from theory._export import to_pandas

        return to_pandas(self)

    def plot(self, ax=None):
        """Draw the result on a matplotlib ``ax`` (a new Figure's axes when None); returns the axes
        (``self._draw(ax)`` when the class defines it)."""
        from theory._export import plot

        return plot(self, ax=ax)
