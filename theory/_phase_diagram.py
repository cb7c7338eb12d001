"""``theory.phase_diagram``: every registered threshold on a grid of ``Deltap``, and its figure.

The figure draws one line per threshold kind, ``1/Delta2`` up, and the regions between them
shaded and labelled.  Across it puts ``1/Deltap`` by default, so that both axes are signal
strengths (as arXiv:1902.00139, Fig. 1); arXiv:1907.08226, Fig. 1 puts ``Deltap`` itself across,
which ``PhaseDiagram.plot(axes="paper")`` reproduces.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import mpmath
import numpy as np

from theory import _sweep, _validate
from theory._interrupt import warn_interrupted
from theory._message_passing import critical_point, first_order_delta_p, tensor_recovery_delta_p
from theory._thresholds import kinds as registered_kinds
from theory._thresholds import threshold
from theory import _catalogue
from theory._dataout import DataOut

__all__ = ["PhaseDiagram", "phase_diagram"]


def _entry(kind) -> _catalogue.Entry:
    """The catalogue entry of ``kind`` (one without drawing rules for a user's kind)."""
    return _catalogue.BY_NAME.get(kind, _PLAIN)


_PLAIN = _catalogue.Entry(None, (None, None, ":"))

#: Kinds from the weakest to the strongest requirement on the signal, i.e. 1/Delta2 increasing.
ORDER = _catalogue.DIAGRAM_ORDER

#: Default grid: 1/Deltap uniform in (0, 6].
DEFAULT_INVERSE_DELTA_P = np.linspace(0.03, 6.0, 200)

#: Points per task of a sweep (the same tasks serially and on an executor).
CHUNK = 25

_STYLE = {e.name: e.drawn for e in _catalogue.CATALOGUE}
#: The two layouts of :meth:`PhaseDiagram.plot`: the variable across, and its axis label.
AXES = {"toolkit": r"$1/\Delta_p$ (tensor signal)", "paper": r"$\Delta_p$ (tensor noise)"}
#: Region above each line (up to the next one) -> (label, colour).
_REGIONS = {None: ("impossible", "0.72"), **{e.name: e.region for e in _catalogue.CATALOGUE if e.region}}


@dataclass(frozen=True, eq=False)
class PhaseDiagram(DataOut, Mapping):
    """Thresholds ``Delta2`` of every kind on a grid of ``Deltap`` at fixed ``p``.

    A read-only mapping kind -> array of ``Delta2`` (``d["amp"]``, ``list(d)``, ``len(d)``,
    ``"amp" in d``); it pickles and compares with ``==`` (same grid, same values, nan equal
    to nan).

    Attributes
    ----------
    p : int
    delta_p : numpy.ndarray
        The grid, as given (any shape; a scalar becomes one point).
    thresholds : dict
        Kind name -> read-only array of ``Delta2`` of the grid's shape (``inf`` where no finite
        threshold exists: the information-theoretic one for ``Deltap <= tensor_recovery_delta_p``;
        ``nan`` for ``mmse_jump`` where the Bayes-optimal overlap does not jump).
    first_order_delta_p : float
        Below it the information-theoretic transition is first order (:func:`theory.first_order_delta_p`).
    tensor_recovery_delta_p : float
        At or below it the tensor alone allows recovery (:func:`theory.tensor_recovery_delta_p`).
    critical_delta_p : float
        Below it (p >= 4) the hard phase reaches below ``Delta2 = 1``: the end of the line of
        MMSE jumps (:func:`theory.critical_point`).
    dps : int or None
        Precision of the values (None: float64).
    interrupted : bool
        Whether Ctrl-C stopped the sweep: the entries that were not computed are nan.
    reentrant : dict
        Kind name -> float array of shape ``delta_p.shape + (K, 2)``: the intervals ``(lo, hi)``
        of ``Delta2`` beyond the first where that kind's runs escape again (``kind="langevin"``
        at p = 4 for ``Deltap < 4/9``: :func:`numerics.langevin_line.escape_set`), nan-padded;
        nan where there is none, or where the set is not decided (an ambiguous plateau).  Only
        kinds with such intervals somewhere on the grid; drawn hatched by :meth:`plot`.
    """

    p: int
    delta_p: np.ndarray
    thresholds: dict
    first_order_delta_p: float
    tensor_recovery_delta_p: float
    critical_delta_p: float = float("nan")
    dps: int | None = None
    interrupted: bool = False
    reentrant: dict = field(default_factory=dict)

    def __post_init__(self):
        for value in (self.delta_p, *self.thresholds.values(), *self.reentrant.values()):
            if isinstance(value, np.ndarray):
                value.flags.writeable = False

    def __getitem__(self, kind: str):
        return self.thresholds[kind]

    def __iter__(self):
        return iter(self.thresholds)

    def __len__(self) -> int:
        return len(self.thresholds)

    def table(self):
        """The diagram as a :class:`theory._export.Table`: ``Delta2`` of each kind along ``Deltap``."""
        from theory import _export as E

        data = {f"delta2_{kind}": E._floats(values) for kind, values in self.thresholds.items()}
        attrs = E._attrs(self, "first_order_delta_p", "tensor_recovery_delta_p", "critical_delta_p", "interrupted",
                         dps=self.dps, what="phase diagram", kinds=",".join(self.thresholds))
        attrs.pop("delta_p", None)
        meta = E._meta("delta_p", **{f"delta2_{kind}": E.threshold_quantity(kind) for kind in self.thresholds})
        return E.Table("delta_p", E._floats(self.delta_p), data, attrs, meta)

    def _draw(self, ax):
        return self.plot(ax=ax)

    @property
    def kinds(self) -> tuple[str, ...]:
        """The kinds in the diagram."""
        return tuple(self.thresholds)

    def __repr__(self) -> str:
        flat = np.asarray(self.delta_p).reshape(-1)
        lo, hi = (mpmath.nstr(x, 4) for x in (min(flat), max(flat)))
        return (f"PhaseDiagram(p={self.p}, {flat.size} values of Deltap in [{lo}, {hi}], "
                f"kinds={list(self.kinds)}, first order below Deltap={self.first_order_delta_p:.6g}, "
                f"tensor alone below Deltap={self.tensor_recovery_delta_p:.6g}"
                f"{', interrupted=True' if self.interrupted else ''})")

    def plot(self, ax=None, *, y_max: float | None = None, y_min: float = 0.0, axes: str = "toolkit"):
        """Draw the diagram on a matplotlib ``ax``: ``1/Delta2`` up and, across, ``1/Deltap``
        (``axes="toolkit"``, the default: both axes are signal strengths) or ``Deltap``
        (``axes="paper"``, the layout of arXiv:1907.08226 Fig. 1).

        ``y_min``/``y_max`` bound the ``1/Delta2`` axis (e.g. ``y_min=0.6, y_max=1.3`` zooms on
        the hard phase of p >= 4).  Returns the axes.  Lines are drawn for every kind (the
        Langevin line at the temperature it was computed at, named in its legend entry; a kind
        with no point in view gets no legend entry); the regions between the kinds of
        :data:`ORDER` are shaded and labelled where the label fits inside its region (no label
        crosses a line); the first-order onset and (p >= 4) the critical point are marked.
        """
        if axes not in AXES:
            raise ValueError(f"axes must be 'toolkit' (1/Deltap across) or 'paper' (Deltap across, as "
                             f"arXiv:1907.08226 Fig. 1), got {_validate._short(axes)}")
        if np.ndim(self.delta_p) != 1:
            raise ValueError(f"plot needs a 1-D grid of delta_p, got shape {np.shape(self.delta_p)}")
        if ax is None:
            from matplotlib.figure import Figure

            ax = Figure(figsize=(7.0, 5.0), layout="constrained").add_subplot()
        across = (lambda d: 1.0 / d) if axes == "toolkit" else (lambda d: d)  # noqa: E731
        x = across(np.asarray(self.delta_p, dtype=float))
        order = np.argsort(x)
        x = x[order]
        y = {k: _inverse(np.asarray(v, dtype=float)[order]) for k, v in self.thresholds.items()}
        drawn = {k: np.isfinite(v) & (v >= y_min) for k, v in y.items()}  # before the fallback below
        for k in list(y):  # e.g. no MMSE jump: its line lies on the information-theoretic one (or 1)
            on = _entry(k).undefined_on
            if on is not None:
                y[k] = np.where(np.isnan(y[k]), y.get(on, np.ones_like(x)), y[k])
        ordered = [k for k in ORDER if k in y]
        top = y_max if y_max is not None else 1.15 * max(float(np.max(y[k])) for k in ordered or y)
        bounds = [np.zeros_like(x)] + [y[k] for k in ordered] + [np.full_like(x, top)]
        names = [None] + ordered
        bands = []
        for i, (lower_kind, lower, upper) in enumerate(zip(names, bounds[:-1], bounds[1:])):
            label, colour = _REGIONS.get(lower_kind, (None, "white"))
            below = _entry(names[i + 1]).region_below if i + 1 < len(names) else None
            if below is not None and below[0] == lower_kind:
                label, colour = below[1:]
            lo, up = np.minimum(lower, top), np.minimum(np.maximum(upper, lower), top)
            ax.fill_between(x, lo, up, color=colour, linewidth=0)
            lo, up = np.maximum(lo, y_min), np.maximum(up, y_min)
            alone = _entry(lower_kind).region_alone
            if alone is not None and not any(ORDER.index(k) > ORDER.index(lower_kind) for k in ordered):
                label = alone
            bands.append((label, lo, up))
        for k in [*reversed(ordered), *(k for k in y if k not in ordered)]:
            name, colour, dash = _STYLE.get(k, (k, None, ":"))
            # a legend entry only for a line with a point in view (not wholly nan, e.g. no MMSE
            # jump in the range, where it is drawn on the information-theoretic line, or below it)
            ax.plot(x, np.minimum(y[k], top), color=colour, linestyle=dash, linewidth=1.6,
                    label=name if drawn[k].any() else "_nolegend_")
        ax.set_xlim(x[0], x[-1])
        ax.set_ylim(y_min, top)
        ax.set_xlabel(AXES[axes])
        ax.set_ylabel(r"$1/\Delta_2$ (matrix signal)")
        ax.set_title(f"Spiked matrix-tensor model, p = {self.p}")
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=3, fontsize=8, frameon=False)
        taken = []
        onset = across(self.first_order_delta_p)
        if x[0] <= onset <= x[-1]:
            ax.plot([onset], [1.0], "o", color="black", markersize=4)
            taken.append(((onset, 1.0), r"first order for $\Delta_p < {:.3g}$".format(self.first_order_delta_p)))
        critical = across(self.critical_delta_p) if self.critical_delta_p == self.critical_delta_p else None
        marks = any(_entry(k).marks_critical_point for k in y)
        if self.p >= 4 and critical is not None and x[0] <= critical <= x[-1] and marks:
            c = critical_point(self.p)
            ax.plot([critical], [1 / float(c.delta2)], "s", color="tab:purple", markersize=4)
            taken.append(((critical, 1 / float(c.delta2)), "critical point"))
        lines = [np.minimum(v, top) for v in y.values()]
        lines += self._draw_reentrant(ax, order, top)
        _place_labels(ax, x, bands, taken, lines, (y_min, top))
        return ax

    def _draw_reentrant(self, ax, order, top) -> list:
        """Hatch, in the kind's colour, where its runs escape again above its line (the
        intervals of :attr:`reentrant`, ``1/Delta2`` up), and draw their upper ends; returns
        the drawn ends (for the label placement)."""
        x = ax.get_lines()[0].get_xdata() if ax.get_lines() else None
        drawn = []
        for k, spans in self.reentrant.items():
            if k not in self.thresholds or x is None:
                continue
            name, colour, dash = _STYLE.get(k, (k, None, ":"))
            spans = np.asarray(spans, dtype=float).reshape(-1, *np.shape(spans)[-2:])[order]
            for i in range(spans.shape[1]):
                lo, hi = _inverse(spans[:, i, 1]), _inverse(spans[:, i, 0])  # 1/Delta2: hi end lower
                there = np.isfinite(lo) & np.isfinite(hi)
                if not there.any():
                    continue
                ax.fill_between(x, np.minimum(lo, top), np.minimum(hi, top), where=there, facecolor="none",
                                edgecolor=colour, hatch="///", linewidth=0,
                                label=f"{name.split(',')[0]}: escapes again" if i == 0 else "_nolegend_")
                ax.plot(x, np.minimum(hi, top), color=colour, linestyle=dash, linewidth=1.2, label="_nolegend_")
                drawn.append(np.where(there, np.minimum(hi, top), np.nan))
        if drawn:
            ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=3, fontsize=8, frameon=False)
        return drawn

    def save(self, path, **kwargs) -> Path:
        """Plot and write the figure to ``path`` (format from the suffix: .png, .svg, .pdf)."""
        path = Path(path)
        if path.suffix.lower() not in (".png", ".svg", ".pdf"):
            raise ValueError(f"figure file must end in .png, .svg or .pdf, got {str(path)!r}")
        ax = self.plot(**kwargs)
        ax.figure.savefig(path, dpi=150)
        return path



def _renderer(fig):
    """A renderer for measuring text; finalises the (constrained) layout first."""
    canvas = fig.canvas
    if not hasattr(canvas, "get_renderer"):
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        canvas = FigureCanvasAgg(fig)
    fig.draw_without_rendering()
    return canvas.get_renderer()


def _place_labels(ax, x, bands, marks, lines, limits):
    """Write each band's label where its box lies inside the band (crossing no line) and off the
    marks' annotations; a label that fits nowhere (at 8 or 6.5 pt) is left out.  A mark's
    annotation goes to the first corner of the point where it crosses no line."""
    bottom, top = limits
    height = top - bottom
    renderer = _renderer(ax.figure)
    to_data = ax.transData.inverted()
    occupied = []

    def box(text):
        (x0, y0), (x1, y1) = to_data.transform(text.get_window_extent(renderer).get_points())
        return x0, y0, x1, y1

    for (mx, my), label in marks:
        for dx, dy, ha, va in ((-5, 4, "right", "bottom"), (5, 4, "left", "bottom"),
                               (5, -4, "left", "top"), (-5, -4, "right", "top")):
            t = ax.annotate(label, (mx, my), textcoords="offset points", xytext=(dx, dy), ha=ha, va=va,
                            fontsize=7)
            b = box(t)
            if (x[0] <= b[0] and b[2] <= x[-1] and bottom <= b[1] and b[3] <= top
                    and not any(_overlap(b, o) for o in occupied) and not _crosses(b, x, lines)):
                occupied.append(b)
                break
            t.remove()
    span = x[-1] - x[0]
    middle = 0.5 * (x[0] + x[-1])
    for label, lo, up in bands:
        if not label or (up - lo).max() <= 0.04 * height:
            continue
        placed = False
        for size in (8, 6.5):
            t = ax.text(middle, bottom + 0.5 * height, label, ha="center", va="center", fontsize=size)
            x0, y0, x1, y1 = box(t)
            w, h = x1 - x0, (y1 - y0) * 1.3
            best = None
            for xc in np.linspace(x[0] + 0.5 * w + 0.01 * span, x[-1] - 0.5 * w - 0.01 * span, 60):
                inside = (x >= xc - 0.5 * w) & (x <= xc + 0.5 * w)
                ends = [xc - 0.5 * w, xc + 0.5 * w]
                floor = max(np.max(lo[inside], initial=-np.inf), *np.interp(ends, x, lo))
                ceil = min(np.min(up[inside], initial=np.inf), *np.interp(ends, x, up))
                margin = ceil - floor - h
                if margin <= 0:
                    continue
                yc = 0.5 * (floor + ceil)
                b = (xc - 0.5 * w, yc - 0.5 * h, xc + 0.5 * w, yc + 0.5 * h)
                if any(_overlap(b, o) for o in occupied):
                    continue
                score = min(margin, 0.3 * height) - 0.2 * height * abs(xc - middle) / span
                if best is None or score > best[0]:
                    best = (score, xc, yc, b)
            if best is not None:
                t.set_position((best[1], best[2]))
                occupied.append(best[3])
                placed = True
                break
            t.remove()
        del placed


def _crosses(b, x, lines) -> bool:
    """Whether any line enters the box ``b = (x0, y0, x1, y1)``."""
    xs = np.concatenate([[b[0], b[2]], x[(x > b[0]) & (x < b[2])]])
    for line in lines:
        ys = np.interp(xs, x, line)
        if np.any((ys > b[1]) & (ys < b[3])) or (ys.min() < b[1] and ys.max() > b[3]):
            return True
    return False


def _overlap(a, b) -> bool:
    return not (a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1])


def _inverse(delta2: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore"):
        return np.where(np.isinf(delta2), 0.0, 1.0 / np.where(delta2 == 0, np.nan, delta2))


def phase_diagram(p: int | None = None, delta_p=None, *, model=None, kinds=None, dps: int | None = None,
                  progress: bool | None = None, executor=None) -> PhaseDiagram:
    """All thresholds ``Delta2`` for an array of ``Deltap``: the phase diagram at fixed ``p``.

    Parameters
    ----------
    p : int
        Tensor order, >= 3 (default 3; shorthand for ``model=Model(tensors={p: 1})``).
    delta_p : number or array_like, optional
        Positive ``Deltap`` values (a scalar is one point; any shape is kept, but only a 1-D
        grid can be plotted); default 200 values with ``1/Deltap`` uniform in ``[0.03, 6]``.
        With ``model=`` they scale every tensor variance of the model (true and assumed):
        channel ``k`` has variance ``delta_p * Delta_k``.
    model : theory.Model, optional
        The tensor channels (its ``delta2`` is ignored: the thresholds are values of it); a
        ``p`` given too must be its only tensor order.
    kinds : sequence of str, optional
        Which threshold kinds; default every registered one (:func:`theory.kinds`) that takes
        the model (with several tensor channels, the kinds with ``any_channels``), so kinds
        registered later (e.g. ``"trivialization"``) appear automatically.
    dps : int, optional
        Decimal digits: each value is then a certified ``mpmath.mpf`` (an object array).
    progress : bool, optional
        Show a tqdm progress bar (None: only on a terminal).
    executor : concurrent.futures.Executor, optional
        Where to run the sweep (a process pool, a Dask cluster's ``Client.get_executor()``);
        the grid is cut into the same tasks either way, so the result equals the serial one.

    Returns
    -------
    PhaseDiagram
        ``d[kind]`` is an array of the shape of ``delta_p``; ``.plot()``/``.save()`` draw it.
        A kind that cannot be computed at a point (no sign change, no convergence, a range its
        bracketing grid cannot resolve) gives nan there, with one ``UserWarning`` per kind naming
        the kind, the points and the first error; the other entries and kinds are kept.  Where a
        kind is undefined by definition (its registered ``undefined``, e.g. ``mmse_jump`` without
        a jump) the entry is nan without a warning.  Ctrl-C stops the sweep and returns the
        diagram with what finished (the rest nan), ``interrupted=True`` and a
        :class:`theory.Interrupted` warning.

    Raises
    ------
    ValueError
        For ``p`` not an integer >= 3, non-positive ``delta_p``, an unknown kind, ``dps`` above
        the limit of one of the kinds (``max_dps``, see :func:`theory.threshold`) or a bad
        ``executor``.

    Examples
    --------
    >>> import theory
    >>> d = theory.phase_diagram(3, [0.5, 1.0, 4.0], kinds=["gradient_flow", "ml_amp", "amp"])
    >>> d["gradient_flow"]
    array([0.3903882 , 0.5       , 0.73205081])
    >>> list(d), len(d), "amp" in d
    (['gradient_flow', 'ml_amp', 'amp'], 3, True)
    >>> bool((d["gradient_flow"] < d["ml_amp"]).all() and (d["ml_amp"] < d["amp"]).all())
    True
    >>> theory.phase_diagram(3, [1.0], kinds=["bayes"])
    Traceback (most recent call last):
        ...
    ValueError: kinds: unknown kind 'bayes'; registered: ...

    References
    ----------
    arXiv:1907.08226, Fig. 1; arXiv:1902.00139, Fig. 1; arXiv:1812.09066, section II.
    """
    from theory._model import DEFAULT_P, Model
    from theory._thresholds import _get_kind, _tensor_field

    # with model=, delta_p scales its tensor variances (it is not the shorthand's): p alone is checked against it
    given = Model.of_call(model, p, need_delta2=False, defaults={"p": DEFAULT_P, "delta_p": 1})
    if not given.tensors:
        raise ValueError(f"model must be a theory.Model with at least one tensor channel, got {model!r}")
    base = Model(tensors=dict(given.tensors), assumed=None if given.assumed is None else
                 Model(tensors=dict(given.assumed.tensors)))
    dps = _validate.check_dps(dps)
    _sweep.check_executor(executor)
    if delta_p is None:
        grid = 1.0 / DEFAULT_INVERSE_DELTA_P
    else:
        grid = _validate.positive_array("delta_p", delta_p)
        if grid.ndim == 0:
            grid = grid.reshape(1)
    available = registered_kinds()
    if kinds is not None and (isinstance(kinds, str) or not isinstance(kinds, (list, tuple))
                              or not all(isinstance(k, str) for k in kinds)):
        raise ValueError(f"kinds must be None or a list of kind names (str; see theory.kinds()), "
                         f"got {_validate._short(kinds)}")
    chosen = available if kinds is None else tuple(kinds)
    for k in chosen:
        if k not in available:
            raise ValueError(f"kinds: unknown kind {k!r}; registered: {', '.join(available)}")
    if kinds is None:  # the kinds that take this model
        chosen = tuple(k for k in chosen if _accepts(_get_kind(k), base, _tensor_field))
    else:
        if len(set(chosen)) != len(chosen):
            raise ValueError(f"kinds: each kind at most once, got {list(chosen)}")
        for k in chosen:
            try:
                _tensor_field(_get_kind(k), base)  # a ValueError saying why the kind refuses the model
            except ValueError as exc:
                raise ValueError(f"kinds: {exc}") from None
    limited = {k: _get_kind(k).max_dps for k in chosen if dps is not None and (_get_kind(k).max_dps or dps) < dps}
    if limited:
        raise ValueError(f"dps must be at most {min(limited.values())} for "
                         f"{', '.join(f'kind={k!r}' for k in limited)} (their cost grows steeply with the "
                         f"precision; theory.threshold), got {dps}; pass kinds= without them")
    flat = grid.reshape(-1)
    channels = (base.tensors, None if base.assumed is None else base.assumed.tensors)
    tasks = [(channels, k, tuple(float(v) for v in flat[i:i + CHUNK]), dps)
             for k in chosen for i in range(0, flat.size, CHUNK)]
    p = base.orders[0] if len(base.orders) == 1 else base.orders
    desc = f"phase diagram p={p}" + ("" if dps is None else f", dps={dps}")
    sweep = _sweep.run(_evaluate, tasks, executor=executor, progress=_show(progress), desc=desc)
    missing = np.nan if dps is None else mpmath.mpf("nan")
    out, failed = {}, {}
    for k in chosen:
        parts = []
        for t, r in zip(tasks, sweep.results):
            if t[1] != k:
                continue
            if r is None:  # not finished (Ctrl-C)
                parts.append(np.full(len(t[2]), missing, dtype=float if dps is None else object))
                continue
            values, failures = r
            parts.append(values)
            failed.setdefault(k, []).extend(failures)
        values = np.concatenate(parts) if parts else np.empty(0, dtype=float if dps is None else object)
        out[k] = values.reshape(grid.shape)
    for k, failures in failed.items():
        if failures:
            _warn_failed(k, failures)
    if sweep.interrupted:
        done = sum(r is not None for r in sweep.results)
        warn_interrupted("phase_diagram", f"{done} of {len(tasks)} tasks ({CHUNK} values of Deltap for one kind "
                                          f"each) finished, the other entries are nan")
    one = isinstance(p, int)
    nan = float("nan")
    reentrant = {} if sweep.interrupted else _reentrant(chosen, channels, flat, grid.shape)
    return PhaseDiagram(p=p, delta_p=grid, thresholds=out, first_order_delta_p=first_order_delta_p(p) if one else nan,
                        tensor_recovery_delta_p=tensor_recovery_delta_p(p) if one else nan,
                        critical_delta_p=float(critical_point(p).delta_p) if one else nan, dps=dps,
                        interrupted=sweep.interrupted, reentrant=reentrant)


def _reentrant(chosen, channels, flat, shape) -> dict:
    """Kind -> the escape intervals beyond the first (float64, nan-padded; see
    :attr:`PhaseDiagram.reentrant`) of the kinds whose line has an escape set, where any has
    more than one interval on the grid.  A point where the set is not decided is nan."""
    from numerics.backend import F64
    from numerics.model import field as make_field
    from theory._thresholds import _get_kind

    true, assumed = channels
    out = {}
    for k in chosen:
        line = _get_kind(k).line
        if line is None or not hasattr(line, "escape_set"):
            continue
        sets = []
        for s in flat:
            scaled = lambda chs: {q: float(s) * float(v) for q, v in chs}  # noqa: E731
            try:
                tensors = make_field(scaled(true), None if assumed is None else scaled(assumed))
                sets.append(line.escape_set(F64, tensors)[1:])
            except (ValueError, ArithmeticError):  # not decided there (e.g. an ambiguous plateau)
                sets.append(())
        width = max(map(len, sets), default=0)
        if width:
            spans = np.full((len(sets), width, 2), np.nan)
            for j, extra in enumerate(sets):
                for i, (lo, hi) in enumerate(extra):
                    spans[j, i] = float(lo), float(hi)
            out[k] = spans.reshape(*shape, width, 2)
    return out


#: What a kind may raise at one point of the grid where it cannot be computed there (no sign
#: change, no convergence, digits not certified, a range its bracketing grid cannot resolve):
#: the entry becomes nan with a warning, the other entries and kinds are kept.
_FAILURES = (ValueError, ArithmeticError)


def _warn_failed(kind: str, failures: list) -> None:
    """One warning for the entries of ``kind`` that could not be computed (nan in the diagram)."""
    points = [f"{d:.6g}" for d, _ in failures]
    first = failures[0][1]
    if len(points) == 1:
        text = f"at Deltap = {points[0]} ({first}); that entry is nan"
    else:
        shown = ", ".join(points[:5]) + (", ..." if len(points) > 5 else "")
        text = (f"at {len(points)} values of Deltap ({shown}); those entries are nan (at Deltap = {points[0]}: "
                f"{first})")
    warnings.warn(f"phase_diagram: kind={kind!r} could not be computed {text}", UserWarning, stacklevel=3)


def _accepts(kind, model, check) -> bool:
    try:
        check(kind, model)
    except ValueError:
        return False
    return True


def _evaluate(task):
    """One task of a sweep: the thresholds of one kind on a chunk of the grid (module level, so
    that a process pool can pickle it).  Channel ``k`` has variance ``s * Delta_k`` at the grid
    value ``s`` (true and assumed); the shorthand is the model ``{p: 1}``.

    In float64 the chunk is evaluated at once by the one float64 policy
    (:func:`numerics.certify.evaluate_float`): entries whose variances sit near the ends of the
    double range and come out nan or 0 (an intermediate over- or underflowed) are recomputed
    from the exact inputs, as :func:`theory.threshold` does; where that fails at one point, each
    point is computed on its own.

    Returns ``(values, failures)``: ``failures`` lists ``(s, "Error: message")`` for the entries
    the kind could not compute (nan); where the kind is undefined (its registered ``undefined``
    exception, e.g. no MMSE jump) the entry is nan without a failure.
    """
    from numerics.certify import evaluate_float
    from numerics.model import field
    from theory._thresholds import _exact, _get_kind, _tensor_field, _what

    (true, assumed), kind, values, dps = task
    k = _get_kind(kind)
    failures: list = []
    if dps is None:
        s = _validate.positive_array("delta_p", np.array(values))
        scaled = lambda channels: {q: s * float(v) for q, v in channels}  # noqa: E731
        tensors = field(scaled(true), None if assumed is None else scaled(assumed))
        extreme = (s < 1e-290) | (s > 1e290)

        def vectorised():
            try:
                return k.evaluate_float(tensors)
            except _FAILURES as exc:  # one point failed the vectorised evaluation
                raise _PointByPoint from exc

        def unresolved(out):  # elsewhere a nan is the kind's own (undefined there), kept
            return extreme & ~(out > 0) if extreme.any() else None

        def exact(index):
            return _exact(k, _tensor_field(k, _model(true, assumed, values[index[0]])), {})

        try:
            out = evaluate_float(vectorised, exact,
                                 lambda index: _what(k, _tensor_field(k, _model(true, assumed, values[index[0]]))),
                                 shape=(len(values),), unresolved=unresolved, undefined=k.undefined)
        except (_PointByPoint,) + _FAILURES:  # each point on its own, failures noted
            out = np.array([_point(k, true, assumed, d, None, failures) for d in values], dtype=float)
        return out, failures
    out = np.empty(len(values), dtype=object)
    for i, d in enumerate(values):
        out[i] = _point(k, true, assumed, d, dps, failures)
    return out, failures


class _PointByPoint(Exception):
    """The vectorised float64 evaluation of a chunk failed at one of its points."""


def _model(true, assumed, d: float):
    """The exact model at the grid value ``d``: channel ``k`` with variance ``d * Delta_k``."""
    from fractions import Fraction

    from theory._model import Model

    s = Fraction(d)
    exact = lambda channels: {q: s * v for q, v in channels}  # noqa: E731
    return Model(tensors=exact(true), assumed=None if assumed is None else Model(tensors=exact(assumed)))


def _point(k, true, assumed, d: float, dps, failures: list):
    """The threshold of kind ``k`` at the grid value ``d`` from the exact inputs, or nan (an mpf
    at ``dps``) where it is undefined or cannot be computed (then noted in ``failures``)."""
    nan = np.nan if dps is None else mpmath.mpf("nan")
    try:
        return threshold(model=_model(true, assumed, d), kind=k.name, dps=dps)
    except k.undefined or ():  # documented: nan where the threshold does not exist
        return nan
    except _FAILURES as exc:
        failures.append((d, f"{type(exc).__name__}: {exc}"))
        return nan


def _show(progress):
    if progress is not None:
        return bool(progress)
    import sys

    return sys.stderr.isatty()
