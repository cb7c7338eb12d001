"""The protocol of a threshold kind (a *line* in the parameter plane)."""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from numerics.solvers import Root

__all__ = ["Line", "Root"]


@runtime_checkable
class Line(Protocol):
    """A threshold kind.

    Attributes
    ----------
    name : str
        The kind's name (``theory.threshold(kind=name)``).
    summary : str
        One line: what the threshold is.
    reference : str
        arXiv numbers (and sections read) it comes from.
    options : dict
        Option name -> its default (the options ``solve`` accepts).
    undefined : type[Exception] or None
        The exception ``solve`` raises where the kind has no value (None: always defined).
    """

    name: str
    summary: str
    reference: str
    options: dict
    undefined: Any

    def accepts(self, model) -> str | None:
        """None if the kind applies to ``model``, else the reason it does not."""

    def solve(self, backend, model, **options) -> Root:
        """The threshold in ``backend`` as a :class:`~numerics.solvers.Root`."""
