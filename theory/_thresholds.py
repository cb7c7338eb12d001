"""``theory.threshold``: one function, a registry of threshold kinds.

A kind is registered once with :func:`register_kind`, giving a vectorised float64
evaluator and an mpmath evaluator; :func:`threshold` does the input checks, the dispatch
between float64 and arbitrary precision, the two-precision certification
(:func:`numerics.certify.certified`) and the float64 policy (:func:`numerics.certify.evaluate_float`:
entries float64 cannot resolve recomputed from the exact inputs), for every kind.  The order of :func:`kinds` is written
down in :mod:`theory._catalogue`; no kind is defined here.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field
from functools import lru_cache
from fractions import Fraction
from typing import Any, Callable, Mapping

import mpmath
import numpy as np

from numerics import certify, solvers
from numerics.backend import F64
from numerics.model import FloatRangeError
from numerics import _generated
from theory import _precision, _validate
from theory._results import Result
from theory._phase_retrieval import PhaseRetrieval

__all__ = ["ThresholdCurve", "ThresholdKind", "ThresholdResult", "kinds", "one_channel", "register_kind", "threshold"]


@dataclass(frozen=True)
class ThresholdKind:
    """A kind of threshold, as registered with :func:`register_kind`.

    Attributes
    ----------
    name : str
        The name users pass as ``kind=``.
    summary : str
        One line saying what the threshold is.
    evaluate_float : callable
        ``(tensors: numerics.model.Field, **options) -> ndarray`` in float64: ``tensors`` is the
        field of the tensor channels alone (float64 variances, possibly arrays that broadcast);
        the result has their broadcast shape.
    evaluate_mp : callable
        ``(ctx, tensors: numerics.model.Field, **options) -> mpf | numerics.solvers.Root`` in
        the context ``ctx``; ``tensors`` has exact (Fraction) variances, to be converted in
        ``ctx`` (``tensors.value(p, ctx)``, ``tensors.xi(1, 2, ctx)``); a solved kind returns a
        :class:`~numerics.solvers.Root` (value and bracket).
    formula : str or None
        Name of the generated closed form (key of :func:`theory.expressions`), if any.
    options : mapping
        Extra keyword arguments the kind accepts, each with its validator.
    reference : str
        Where the threshold is defined (arXiv number and section).
    any_channels : bool
        Whether the kind handles any set of tensor channels; if False only one tensor channel
        (the matrix-tensor model) is accepted and other models are refused with a ValueError.
    bayes_optimal_only : bool
        Whether the kind needs the Bayes-optimal structure ``g = xi`` (a mismatched ``assumed``
        model is refused); kinds with ``any_channels=False`` are refused on mismatch too.
    undefined : exception class or None
        Raised by ``evaluate_mp`` where the threshold does not exist (documented); float64
        results are nan there, also when recomputed in mpmath after an overflow.
    max_dps : int or None
        The largest ``dps=`` the kind accepts, for a kind whose cost grows steeply with the
        precision (None: up to ``theory._validate.MAX_DPS``); above it :func:`threshold` and
        :func:`theory.phase_diagram` raise a ValueError naming ``dps`` and the limit, before
        any work.
    line : numerics.lines.base.Line or None
        The Line of a catalogue kind (``certified=True`` encloses its value); None for a kind
        registered from its two evaluators.
    curve : callable or None
        ``(p, delta_p, **options) -> ndarray``: the float64 threshold of the one-channel
        shorthand ``{p: delta_p}`` as an elementwise closed form in ``(p, Deltap)`` (a generated
        kernel), for arrays of ``delta_p``: one pass an operation, no array coefficients.  Its
        nan or 0 entries are recomputed like ``evaluate_float``'s.  None: ``evaluate_float``.
    """

    name: str
    summary: str
    evaluate_float: Callable
    evaluate_mp: Callable
    formula: str | None = None
    options: Mapping[str, Callable[[Any], Any]] = field(default_factory=dict)
    reference: str = ""
    any_channels: bool = False
    bayes_optimal_only: bool = False
    undefined: type | None = None
    max_dps: int | None = None
    line: Any = field(default=None, repr=False, compare=False)
    curve: Callable | None = None

    @classmethod
    def of_line(cls, line, *, options=None, undefined=None, **fields) -> "ThresholdKind":
        """The facade of a :class:`numerics.lines.base.Line`: its name, summary, reference,
        ``undefined`` and ``formula``, with ``evaluate_float``/``evaluate_mp`` its ``solve`` in
        the float64 backend (the value) and in the mpmath backend of ``ctx`` (the Root);
        ``options`` maps each of the line's options to its validator; the line's ``curve``, if it
        has one, is the kind's.  ``undefined``, an API subclass of the line's own ``undefined``
        exception, is raised in its place (same message)."""
        from numerics.backend import F64, MP

        def solve_mp(ctx, tensors, **o):
            try:
                return line.solve(MP(ctx.dps), tensors, **o)
            except (line.undefined or ()) as exc:
                if undefined is None or isinstance(exc, undefined):
                    raise
                raise undefined(str(exc)) from None

        fields.setdefault("curve", getattr(line, "curve", None))
        return cls(name=line.name, summary=line.summary, reference=line.reference,
                   evaluate_float=lambda tensors, **o: line.solve(F64, tensors, **o).value,
                   evaluate_mp=solve_mp, formula=getattr(line, "formula", None),
                   undefined=undefined or line.undefined, options=options or {}, line=line, **fields)


def check_kind_dps(k: ThresholdKind, dps: int | None) -> None:
    """A ValueError naming ``dps`` and the kind's limit when ``dps`` exceeds ``k.max_dps``."""
    if dps is not None and k.max_dps is not None and dps > k.max_dps:
        raise ValueError(f"dps must be at most {k.max_dps} for kind={k.name!r} (its cost grows steeply with the "
                         f"precision: about 10-20 s at the limit), got {dps}")


def one_channel(tensors, b=F64) -> tuple:
    """``(p, delta_p)`` of a field with one tensor channel, in the backend ``b`` (float64, or an
    mpf of ``MP(dps)``; an mpmath context is still accepted)."""
    (p,) = tensors.orders
    return p, tensors.value(p, b)


_KINDS: dict[str, ThresholdKind] = {}


def register_kind(kind: ThresholdKind) -> ThresholdKind:
    """Add a threshold kind to :func:`threshold` (one registration, no new branch); a kind that
    is not in :mod:`theory._catalogue` comes after the catalogue's in :func:`kinds`."""
    if not isinstance(kind, ThresholdKind):
        raise ValueError(f"kind must be a theory._thresholds.ThresholdKind (name, summary, evaluate_float, evaluate_mp), "
                         f"got {_validate._short(kind)}")
    if kind.name in _KINDS:
        raise ValueError(f"threshold kind {kind.name!r} is already registered")
    _KINDS[kind.name] = kind
    return kind


def kinds(model=None) -> tuple[str, ...]:
    """Names of the registered threshold kinds (of ``model``'s family when given)."""
    if isinstance(model, PhaseRetrieval):
        from theory import _pr_thresholds
        return _pr_thresholds.kinds(model)
    return tuple(_KINDS)


def _get_kind(kind) -> ThresholdKind:
    try:
        return _KINDS[kind]
    except (KeyError, TypeError):
        raise ValueError(f"kind must be one of {', '.join(map(repr, _KINDS))}; got {kind!r}") from None


def _check_options(k: ThresholdKind, options: dict) -> dict:
    unknown = set(options) - set(k.options)
    if unknown:
        allowed = ", ".join(sorted(k.options)) or "none"
        raise ValueError(f"kind={k.name!r} takes no option {', '.join(sorted(unknown))} (options: {allowed})")
    return {name: k.options[name](value) for name, value in options.items()}


@dataclass(frozen=True, eq=False)
class ThresholdResult(Result):
    """A threshold with its certificate (``threshold(..., full_output=True)``).

    Attributes
    ----------
    value : float or mpmath.mpf
        The threshold ``Delta2`` (rounded to ``dps`` digits when ``dps`` is set).
    kind, p, delta_p, dps :
        What was asked (``delta_p`` exact, as a Fraction; for a model with several tensor
        channels ``p`` and ``delta_p`` are tuples, one entry a channel).
    error : float
        Estimate of the absolute error: for arbitrary precision, the difference between the two
        evaluations of the certification rule (:func:`numerics.certify.certified`: ``dps + 10``
        and ``dps + 30`` digits unless cancellation asked for more); for float64, against a
        value certified to 20 digits.
    bracket : tuple or None
        The sign-change bracket of a solved kind (None for a closed form).
    escape : tuple or None
        ``kind="langevin"``: the ``Delta2`` in ``(0, 1]`` where the runs escape, as intervals
        ``(lo, hi)`` (:func:`numerics.langevin_line.escape_set`); ``value`` ends the first.
        More than one interval: the line is re-entrant (p = 4, T = 1, Deltap < 4/9).  Float64,
        or certified to ``dps`` digits.  None for the other kinds, and where an end beyond the
        first has an ambiguous plateau (p = 4, T = 1, Deltap <= 0.3: not decided).
    """

    value: Any
    kind: str
    p: int
    delta_p: Fraction
    dps: int | None
    error: float
    bracket: tuple | None = None
    escape: tuple | None = None

    def __float__(self) -> float:
        return float(self.value)

    def __repr__(self) -> str:
        shown = mpmath.nstr(self.value, self.dps) if self.dps else repr(self.value)
        extra = f", bracket={tuple(mpmath.nstr(b, 8) for b in self.bracket)}" if self.bracket else ""
        if self.escape is not None:
            show = lambda x: mpmath.nstr(mpmath.mpf(x), 8)  # noqa: E731
            extra += ", escape=" + " u ".join(f"({show(lo)}, {show(hi)})" for lo, hi in self.escape)
        return (f"ThresholdResult({self.kind}: Delta2 = {shown} at p={self.p}, "
                f"delta_p={self.delta_p}, dps={self.dps}, error~{self.error:.1e}{extra})")

    def table(self):
        """The threshold as a one-row :class:`theory._export.Table`: ``delta2`` and its ``error``."""
        from theory import _export as E

        data = {"delta2": E._floats([self.value]), "error": np.array([float(self.error)])}
        channels = {}
        if not isinstance(self.p, int):  # several tensor channels
            channels = {"orders": ",".join(map(str, self.p)),
                        **{f"delta_{k}": float(d) for k, d in zip(self.p, self.delta_p)}}
        attrs = E._attrs(self, "kind", dps=self.dps, what="threshold", **channels)
        meta = E._meta("row", delta2=E.threshold_quantity(self.kind),
                       error=("estimated absolute error of the threshold", E.DIMENSIONLESS))
        return E.Table("row", np.array([0]), data, attrs, meta)


def _exact(k: ThresholdKind, tensors, options: dict):
    """``compute(ctx) -> Root``: the threshold of the exact field ``tensors`` in the context ``ctx``."""
    p, delta_p = _describe(tensors)

    def compute(ctx):
        try:
            out = k.evaluate_mp(ctx, tensors, **options)
        except FloatRangeError as exc:  # a kind that brackets on a float64 grid first
            name = "delta_p" if len(tensors.orders) == 1 else "model"
            raise ValueError(f"{name}: threshold kind={k.name!r} at p={p} brackets on a float64 grid, which cannot "
                             f"resolve Deltap={_show_exact(delta_p)} ({exc})") from None
        return out if isinstance(out, solvers.Root) else solvers.Root(out, None)

    return compute


def _what(k: ThresholdKind, tensors) -> str:
    p, delta_p = _describe(tensors)
    return f"threshold kind={k.name!r} at p={p}, Deltap={delta_p}"


def _evaluate_mp(k: ThresholdKind, tensors, dps: int, options: dict):
    """The threshold certified to ``dps`` digits by the one rule, :func:`numerics.certify.certified`:
    ``(value of the higher evaluation, unrounded; absolute error between the two; its bracket)``."""
    done = _precision.certified(_exact(k, tensors, options), dps, _what(k, tensors))
    return done.raw.value, done.error, done.raw.bracket


def _show_exact(x) -> str:
    from numerics.model import _magnitude

    if isinstance(x, tuple):
        return "(" + ", ".join(_show_exact(v) for v in x) + ")"
    return _magnitude(x) if isinstance(x, Fraction) and not 1e-300 < x < 1e300 else str(x)




def _describe(tensors):
    """``(p, delta_p)`` for display: ints/Fractions for one channel, tuples for several."""
    if len(tensors.orders) == 1:
        (p,) = tensors.orders
        return p, tensors.variances[p]
    return tensors.orders, tuple(tensors.variances[k] for k in tensors.orders)


def _tensor_field(k: ThresholdKind, model):
    """The exact field of the tensor channels of ``model``, refused where ``k`` cannot take it."""
    from numerics.model import field
    from theory._model import Model

    if not isinstance(model, Model):
        raise ValueError(f"model must be a theory.Model, got {model!r}")
    if not model.tensors:
        raise ValueError("model: a threshold on Delta2 needs at least one tensor channel")
    if not model.bayes_optimal and (k.bayes_optimal_only or not k.any_channels):
        raise ValueError(f"kind={k.name!r} needs the Bayes-optimal structure g = xi (a loss built with the "
                         f"true variances); got a model with assumed={model.assumed!r}")
    if len(model.tensors) > 1 and not k.any_channels:
        raise ValueError(f"kind={k.name!r} is implemented for one tensor channel; got tensor orders "
                         f"{model.orders}")
    assumed = None if model.assumed is None else dict(model.assumed.tensors)
    return field(dict(model.tensors), assumed)


def threshold(p: int | None = None, delta_p=None, *, model=None, kind: str = "gradient_flow",
              dps: int | None = None, full_output: bool = False, certified: bool = False,
              **options):
    """A threshold on the noise of the matrix channel, ``Delta2``, of a spiked spherical model.

    Parameters
    ----------
    p : int
        Order of the tensor, an integer >= 3 (default 3; shorthand for
        ``model=Model(tensors={p: delta_p})``).
    delta_p : number, array_like or None
        Noise variance of the tensor channel.  ``None`` returns the whole curve
        ``Delta2(delta_p)`` as a :class:`ThresholdCurve`.  Accepts int, float,
        ``fractions.Fraction``, ``decimal.Decimal``, mpmath numbers, decimal strings such as
        ``"0.7"`` (exact, parsed as a number) and, at float precision, numpy arrays.
    model : theory.Model, optional
        The tensor channels (any number of orders, and the assumed variances of the loss);
        the model's own ``delta2`` is ignored: the threshold is the critical ``Delta2``.  For a
        mismatched loss the matrix channel's loss term is built with the critical ``Delta2``
        itself (only the tensor channels are mismatched; docs/your_model.md).  With
        ``p``/``delta_p`` too they must say the same model (:meth:`theory.Model.of_call`).
    kind : str
        Which threshold; see :func:`theory.kinds`.  ``"gradient_flow"`` (default): below it,
        gradient flow from a random start finds the signal (arXiv:1907.08226, section 4).
    dps : int, optional
        Decimal digits.  ``None`` computes in float64 and returns a float (or an array);
        an integer returns an ``mpmath.mpf`` correct to ``dps`` digits, certified by agreement
        of two evaluations 20 digits apart.  At most 10,000; kinds whose cost grows steeply with
        the precision accept less (``max_dps`` of the kind: 1000 for ``"information_theoretic"``
        and ``"mmse_jump"``, whose scan of small overlaps takes about 10-20 s there).
    full_output : bool
        Return a :class:`ThresholdResult` (value, error estimate, bracket) for scalar input.
    certified : bool
        Return a ``flint.arb`` ball guaranteed to contain the exact threshold (radius below
        about 1e-58 times the value), computed in ball arithmetic (needs python-flint, the
        ``flint`` extra).  For the kinds with a closed form (``"gradient_flow"``,
        ``"ml_amp"``) and those with a defining condition (``"langevin"``, ``"amp"``): a
        solved kind is solved in mpmath and its root enclosed by a narrow bracket whose end
        signs are certified (:func:`numerics.lines.base.certified`).  For ``"langevin"`` that
        it is the first root of its residual is certified too; for ``"amp"`` which maximum of
        ``U(m)`` is the spinodal is decided by the same scan as without it.  Scalar
        ``delta_p`` or ``model=`` only; not with ``dps`` or ``full_output``.
    temperature : float, optional
        ``kind="langevin"`` only: the temperature ``T`` in ``[0, 1]`` of the Langevin dynamics
        (default 1, the Bayes-optimal temperature; ``T = 0`` is the gradient-flow threshold).
        The line is continuous in ``T`` (arXiv:1812.09066; numerics/langevin_line.py).
    **options
        Other kind-specific options (e.g. ``overlaps=`` for ``kind="trivialization"``).

    Returns
    -------
    float, numpy.ndarray, mpmath.mpf, ThresholdCurve or ThresholdResult

    Raises
    ------
    ValueError
        For ``p`` not an integer >= 3, ``delta_p`` not positive and finite, ``dps < 1`` or above
        the kind's limit, an unknown ``kind`` or option.
    numerics.solvers.PrecisionError
        If the requested digits could not be certified.
    ImportError
        ``certified=True`` without python-flint installed.

    Examples
    --------
    >>> import theory
    >>> theory.threshold(p=3, delta_p=1.0)
    0.5
    >>> import mpmath
    >>> mpmath.nstr(theory.threshold(p=4, delta_p=1, dps=50), 50)
    '0.43425854591066488218653687791174932437521609564087'
    >>> round(theory.threshold(model=theory.Model(tensors={3: 1.0, 4: 2.0})), 12)  # 2/(1 + sqrt(15))
    0.410426192315
    >>> theory.threshold(3, 1.0, kind="langevin", temperature=0)  # T = 0: the gradient-flow line
    0.5
    >>> ball = theory.threshold(p=4, delta_p="0.1", kind="amp", certified=True)  # needs flint
    >>> ball.str(12, radius=False), bool(ball.rad() < 1e-70)   # 12 of its ~70 certified digits
    ('0.972798447674', True)
    >>> theory.threshold(p=2, delta_p=1.0)
    Traceback (most recent call last):
        ...
    ValueError: p must be an integer >= 3, got 2

    References
    ----------
    arXiv:1907.08226, section 4 (gradient flow); docs/hessian.md and docs/phase_diagram.md.
    """
    if certified is not False:
        return _certified(p, delta_p, model, kind, dps, full_output, certified, options)
    from theory._model import DEFAULT_P, Model, ModelGrid

    curve = model is None and delta_p is None  # the shorthand's whole curve Delta2(delta_p)
    call = None if curve else Model.of_call(model, p, None, delta_p, need_delta2=False, defaults={"p": DEFAULT_P},
                                            arrays=dps is None, family=PhaseRetrieval)
    if isinstance(call, PhaseRetrieval):  # the second family: its own kinds (theory/_pr_thresholds.py)
        from theory import _pr_thresholds
        return _pr_thresholds.threshold(model=call, kind=kind, dps=dps, full_output=full_output, **options)
    k = _get_kind(kind)
    dps = _validate.check_dps(dps)
    check_kind_dps(k, dps)
    opts = _check_options(k, options)
    if curve:
        p = _validate.check_p(DEFAULT_P if p is None else p)
        if dps is not None or full_output:
            raise ValueError("dps and full_output need a value of delta_p (the curve takes dps when called)")
        return ThresholdCurve(p=p, kind=k.name, options=tuple(sorted(opts.items())))
    if dps is None and _validate.is_mp(delta_p):
        dps = _precision.dps_of(delta_p)
        check_kind_dps(k, dps)
    if model is not None or dps is not None or _validate.is_scalar(delta_p):  # one model, exact
        return _on_model(k, _tensor_field(k, call.model if isinstance(call, ModelGrid) else call), dps, full_output, opts)
    if full_output:
        raise ValueError("full_output=True needs a scalar delta_p")
    return _on_array(k, call.p, call.delta_p, opts)


def _on_array(k: ThresholdKind, p: int, delta_p, opts: dict) -> np.ndarray:
    """The float64 thresholds of the shorthand ``{p: delta_p}`` on an array of ``delta_p`` (same
    shape back), by the one float64 policy (:func:`numerics.certify.evaluate_float`): entries
    that come out nan or 0 (an overflow or underflow on the way) are recomputed from the exact
    ``delta_p``.  A kind with a ``curve`` evaluates its closed form in blocks, each checked
    (``delta_p`` positive and finite, entries resolved) while it is in cache."""
    from numerics.model import field

    def exact(index):
        return _exact(k, field({p: _validate.positive_exact("delta_p", float(dp[index]))}), opts)

    def what(index):
        return f"threshold kind={k.name!r} at p={p}, Deltap={float(dp[index])!r}"

    if k.curve is None:
        dp = _validate.positive_array("delta_p", delta_p)
        tensors = field({p: dp})
        return certify.evaluate_float(lambda: k.evaluate_float(tensors, **opts), exact, what, shape=dp.shape,
                                      unresolved=certify.nan_or_zero, undefined=k.undefined)
    plain = isinstance(delta_p, np.ndarray) and delta_p.dtype == np.float64
    dp = delta_p if plain else _validate.positive_array("delta_p", delta_p)

    def curve(block):
        if not (block.min() > 0 and block.max() < np.inf):  # the full check names delta_p
            _validate.positive_array("delta_p", delta_p)
        return k.curve(p, block, **opts)

    return certify.evaluate_float(curve, exact, what, args=(dp,), blocks=True, unresolved=certify.nan_or_zero,
                                  undefined=k.undefined)


def _certified(p, delta_p, model, kind, dps, full_output, certified, options):
    """``threshold(..., certified=True)``: the kind's value as an Arb ball
    (:func:`numerics.lines.base.certified`)."""
    from numerics.lines.base import certifiable, certified as certified_ball

    if certified is not True:
        raise ValueError(f"certified must be True or False, got {_validate._short(certified)}")
    able = ", ".join(repr(n) for n, c in _KINDS.items() if c.line is not None and certifiable(c.line))
    k = None if isinstance(model, PhaseRetrieval) else _KINDS.get(kind) if isinstance(kind, str) else None
    if k is None or k.line is None or not certifiable(k.line):
        raise ValueError(f"certified=True is supported for kind in {able} of the spiked model; got kind={kind!r}")
    if dps is not None or full_output:
        raise ValueError("certified=True returns a ball at its own precision: pass neither dps= nor full_output=True "
                         "with it")
    opts = _check_options(k, options)
    if model is None and (delta_p is None or not _validate.is_scalar(delta_p)):
        raise ValueError(f"certified=True needs a scalar delta_p (or model=), got delta_p={_validate._short(delta_p)}")
    from theory._model import DEFAULT_P, Model

    call = Model.of_call(model, p, None, delta_p, need_delta2=False, defaults={"p": DEFAULT_P}, arrays=False)
    return certified_ball(k.line, _tensor_field(k, call), **opts)


def _on_model(k: ThresholdKind, tensors, dps, full_output: bool, opts: dict):
    """A scalar threshold of the exact tensor field ``tensors``: float64 (by the one float64
    policy, :func:`numerics.certify.evaluate_float`), or certified at ``dps``."""
    p, delta_p = _describe(tensors)
    if dps is None:
        floats = _float_field(tensors)  # None: a variance float64 cannot hold, the exact route
        value = float(certify.evaluate_float(None if floats is None else lambda: k.evaluate_float(floats, **opts),
                                             lambda index: _exact(k, tensors, opts), _what(k, tensors),
                                             unresolved=certify.nan_or_zero, undefined=k.undefined))
        if not full_output:
            return value
        ref, _, bracket = _evaluate_mp(k, tensors, 20, opts)
        return ThresholdResult(value, k.name, p, delta_p, None, float(abs(ref - value)), bracket,
                               _escape(k, tensors, None, opts))
    value, error, bracket = _evaluate_mp(k, tensors, dps, opts)
    out = _precision.export(value, dps)
    if not full_output:
        return out
    return ThresholdResult(out, k.name, p, delta_p, dps, error, bracket, _escape(k, tensors, dps, opts))


def _escape(k: ThresholdKind, tensors, dps, opts: dict):
    """The escape set of a kind whose line has one (``escape_set(b, tensors, **options)``, the
    Langevin line): float64 intervals, or each end certified to ``dps`` digits; None for other
    kinds, and where the set is not decided though the threshold is (an end beyond the first
    with an ambiguous plateau: p = 4, T = 1, Deltap <= 0.3), so that ``full_output=True``
    still returns what it did before the escape set was added."""
    line = k.line
    if line is None or not hasattr(line, "escape_set"):
        return None
    from numerics.backend import F64, MP

    try:
        if dps is None:
            floats = _float_field(tensors)
            return line.escape_set(F64, tensors if floats is None else floats, **opts)
        return _precision.certified(lambda ctx: line.escape_set(MP(ctx.dps), tensors, **opts), dps,
                                    f"{_what(k, tensors)}: its escape set").value
    except (ValueError, ArithmeticError):
        return None


def _float_field(tensors):
    """The float64 field of exact ``tensors``, or None when a variance is outside the normal
    float64 range (it would round to 0, a subnormal or overflow)."""
    from numerics.model import field

    def conv(v):
        try:
            f = float(v)
        except OverflowError:
            return None
        return np.float64(f) if certify.TINY <= f < np.inf else None

    true = {q: conv(v) for q, v in tensors.variances.items()}
    assumed = None if tensors.assumed is None else {q: conv(v) for q, v in tensors.assumed.items()}
    if any(v is None for v in true.values()) or (assumed and any(v is None for v in assumed.values())):
        return None
    return field(true, assumed)


@dataclass(frozen=True)
class ThresholdCurve:
    """The threshold as a function of ``delta_p`` at fixed ``p``: ``theory.threshold(p=3)``.

    Call it on floats, numpy arrays (same shape back) or mpmath numbers; ``.expr`` is the
    SymPy expression (imports SymPy), ``.latex()`` its LaTeX.

    Examples
    --------
    >>> import theory
    >>> curve = theory.threshold(p=3)
    >>> curve
    ThresholdCurve(kind='gradient_flow', p=3): Delta2(Deltap) = 2/(sqrt(1 + 4*(p - 1)/Deltap) + 1) with p = 3
    >>> curve([1.0, 2.0])
    array([0.5       , 0.61803399])
    """

    p: int
    kind: str = "gradient_flow"
    options: tuple = ()

    def __call__(self, delta_p, dps: int | None = None, **kw):
        return threshold(self.p, delta_p, kind=self.kind, dps=dps, **dict(self.options), **kw)

    @property
    def _kind(self) -> ThresholdKind:
        return _get_kind(self.kind)

    @property
    def formula(self) -> str | None:
        """The closed form as text (general p), or None for a threshold without one."""
        name = self._kind.formula
        return None if name is None else _formulas()[name][0]

    @property
    def expr(self):
        """The SymPy expression of the closed form at this ``p`` (imports SymPy)."""
        name = self._kind.formula
        if name is None:
            raise ValueError(f"kind={self.kind!r} has no closed form: {self._kind.summary}")
        from theory import expressions
        from derivations.symbols import p as p_symbol

        return expressions()[name].subs(p_symbol, self.p)

    def latex(self) -> str:
        """LaTeX of :attr:`expr` (imports SymPy)."""
        from derivations.symbols import latex

        return latex(self.expr)

    def __repr__(self) -> str:
        options = "".join(f", {k}={v!r}" for k, v in self.options)
        head = f"ThresholdCurve(kind={self.kind!r}, p={self.p}{options})"
        body = f"Delta2(Deltap) = {self.formula} with p = {self.p}" if self.formula else self._kind.summary
        return f"{head}: {body}"


@lru_cache(maxsize=None)
def _formulas() -> dict:
    """``FORMULAS`` of every generated numpy module, merged (imported on first display)."""
    out = {}
    for info in pkgutil.iter_modules(_generated.__path__):
        if info.name.endswith("_numpy"):
            out.update(importlib.import_module(f"{_generated.__name__}.{info.name}").FORMULAS)
    return out


# The spiked model's kinds, registered in the order written in theory/_catalogue.py (the
# registry is complete once this module is imported, whatever imported it).
from theory import _catalogue  # noqa: E402

_catalogue.register(ThresholdKind.of_line, register_kind)
