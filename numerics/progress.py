"""Progress bars where a person looks: the one place the toolkit makes a tqdm bar.

``progress=None`` (the default everywhere) shows a bar only when standard error is a terminal,
so ``spiked-theory dynamics-threshold ... 2>log`` writes no bar into ``log``; ``True`` forces a
bar, ``False`` hides it.
"""

from __future__ import annotations

import sys

__all__ = ["bar", "wanted"]


def wanted(progress) -> bool:
    """Whether to show a bar: ``progress`` itself when given, else whether stderr is a terminal."""
    if progress is not None:
        return bool(progress)
    isatty = getattr(sys.stderr, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False


def bar(*, total=None, desc: str = "", unit: str = "it", progress=None, **options):
    """A ``tqdm.auto.tqdm`` bar, disabled unless :func:`wanted` says to show it.

    Examples
    --------
    >>> with bar(total=3, desc="runs", progress=False) as b:   # no output
    ...     b.update(3)
    """
    from tqdm.auto import tqdm

    return tqdm(total=total, desc=desc, unit=unit, disable=not wanted(progress), leave=False, **options)
