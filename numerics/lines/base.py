"""The protocol of a threshold kind (a *line* in the parameter plane), and its value as a
certified ball (:func:`certified`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Protocol, runtime_checkable

from numerics.solvers import PrecisionError, Root, enclose as _enclose_root, exclude_roots

__all__ = ["ACCURACY_BITS", "Condition", "Line", "Root", "certifiable", "certified", "enclose"]


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
    formula : str or None, optional
        The generated closed form (a kernel on the jets): ``solve`` is then a formula of its
        backend and runs on every backend, balls included.
    condition : method, optional
        ``condition(b, tensors, **options) -> Condition`` for a solved kind: what defines its
        value in the ball backend ``b`` (:func:`enclose`).
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


def _same(x):
    return x


@dataclass(frozen=True)
class Condition:
    """What defines a solved kind's value, for a ball backend: ``recover(*roots)``, where each
    root is the simple root of ``f`` near the matching point of ``near`` (solved in mpmath).

    ``f``, ``df`` and ``recover`` take and return balls; with ``near`` empty the value is
    ``recover()``, exact (e.g. ``Delta2 = 1`` where AMP's threshold is the instability of m = 0).
    With ``first_from`` (and ``df``, the derivative of ``f``) the value is the *first* root of
    ``f`` above ``first_from``, and that is certified too: ``f`` has no root between
    ``first_from`` and the enclosed root (or the exact value, a root of ``f``)
    (:func:`numerics.solvers.exclude_roots`).  Without it, which root is meant is the solve's
    choice (the scan that bracketed it).
    """

    f: Callable | None
    near: tuple
    recover: Callable = _same
    df: Callable | None = None
    first_from: Any = None

    @classmethod
    def exact(cls, b, value, **first) -> "Condition":
        """A value known exactly (a number of ``b.mp``, converted exactly); ``first``: ``f``,
        ``df`` and ``first_from`` where it is the first root of ``f``."""
        return cls(first.pop("f", None), (), lambda: b.num(value), **first)


def certifiable(line) -> bool:
    """Whether :func:`certified` can enclose ``line``'s value: a closed form (``formula``) or a
    kind with a ``condition``."""
    return getattr(line, "formula", None) is not None or callable(getattr(line, "condition", None))


def enclose(line, b, tensors, **options) -> Root:
    """``line``'s value in the ball backend ``b`` (inside ``b.working()``), as a Root whose value
    is a ball that contains it.

    A closed form is ``line.solve`` on ``b`` itself.  A solved kind gives its
    :class:`Condition`; each root of the condition is enclosed by certified signs
    (:func:`numerics.solvers.enclose`) and the value recovered from those balls.
    """
    if getattr(line, "condition", None) is None:
        return line.solve(b, tensors, **options)
    cond = line.condition(b, tensors, **options)
    what = f"kind={line.name!r} in ball arithmetic"
    roots = [_enclose_root(b, cond.f, x, what=what) for x in cond.near]
    value = cond.recover(*(r.value for r in roots))
    if cond.first_from is not None:  # no root of f before the value
        end = roots[0].bracket[0] if roots else value
        exclude_roots(b, cond.f, cond.first_from, end, df=cond.df, zero_at_end=not roots,
                      what=what + " (first root)")
    bracket = roots[0].bracket if len(roots) == 1 and cond.recover is _same else None
    return Root(value, bracket, sum(r.steps for r in roots) or None, b)


#: The relative accuracy (bits) of a :func:`certified` ball: its radius is at most about
#: ``2**-ACCURACY_BITS`` times its value (1e-58).
ACCURACY_BITS = 192


def certified(line, tensors, *, precisions=(256, 512, 1024, 2048), **options):
    """``line``'s value at ``tensors`` (exact variances) as an Arb ball guaranteed to contain it.

    Evaluated in :func:`numerics.backend_arb.ARB` at the first precision of ``precisions``
    whose ball has a relative accuracy of :data:`ACCURACY_BITS` (an exact value counts), so
    cancellation is met with more bits.  Needs python-flint (the ``flint`` extra).

    Raises
    ------
    ValueError
        ``line`` cannot be enclosed (:func:`certifiable`).
    PrecisionError
        No precision of ``precisions`` reached the accuracy.
    ImportError
        python-flint is not installed.
    """
    from numerics.backend_arb import ARB, flint

    flint()  # the ImportError naming the extra, before any work
    if not certifiable(line):
        raise ValueError(f"kind={line.name!r} has no closed form or condition to enclose in ball arithmetic")
    ball = None
    for prec in precisions:
        b = ARB(prec)
        with b.working():
            ball = enclose(line, b, tensors, **options).value
        if ball.is_exact() or ball.rel_accuracy_bits() >= ACCURACY_BITS:
            return ball
    raise PrecisionError(f"kind={line.name!r}: the ball {ball} did not reach a relative accuracy of "
                         f"2**-{ACCURACY_BITS} at {precisions[-1]} bits")
