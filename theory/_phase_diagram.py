"""``theory.phase_diagram``: every registered threshold on a grid of ``Deltap``, and its figure.

The figure follows Fig. 1 of arXiv:1907.08226 and arXiv:1902.00139: ``1/Deltap`` across,
``1/Delta2`` up (the signal strength of each channel), one line per threshold kind and the
regions between them shaded and labelled.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

import mpmath
import numpy as np

from theory import _validate
from theory._message_passing import first_order_delta_p, tensor_recovery_delta_p
from theory._thresholds import kinds as registered_kinds
from theory._thresholds import threshold

__all__ = ["PhaseDiagram", "phase_diagram"]

#: Kinds from the weakest to the strongest requirement on the signal, i.e. 1/Delta2 increasing.
ORDER = ("information_theoretic", "amp", "ml_amp", "gradient_flow", "trivialization")

#: Default grid: 1/Deltap uniform in (0, 6].
DEFAULT_INVERSE_DELTA_P = np.linspace(0.03, 6.0, 200)

_STYLE = {
    "information_theoretic": ("information-theoretic", "black", "-"),
    "amp": ("Bayes-optimal AMP", "tab:red", "--"),
    "ml_amp": ("ML-AMP", "tab:orange", "-"),
    "gradient_flow": ("gradient flow", "tab:blue", "-"),
    "trivialization": ("trivialization", "tab:green", "-."),
}
#: Region above each line (up to the next one) -> (label, colour).
_REGIONS = {
    None: ("impossible", "0.72"),
    "information_theoretic": ("hard: possible, AMP fails", "#f4a582"),
    "amp": ("Bayes AMP only", "#fde3a0"),
    "ml_amp": ("ML-AMP, not gradient flow", "#c7e9c0"),
    "gradient_flow": ("GF, spurious minima", "#c6dbef"),
    "trivialization": ("no spurious minima", "#e3e0f5"),
}


@dataclass(frozen=True, eq=False)
class PhaseDiagram:
    """Thresholds ``Delta2`` of every kind on a grid of ``Deltap`` at fixed ``p``.

    Attributes
    ----------
    p : int
    delta_p : numpy.ndarray
        The grid, as given.
    thresholds : mapping
        Kind name -> array of ``Delta2`` (``inf`` where no finite threshold exists: the
        information-theoretic one for ``Deltap <= tensor_recovery_delta_p``).
    first_order_delta_p : float
        Below it the information-theoretic transition is first order (:func:`theory.first_order_delta_p`).
    tensor_recovery_delta_p : float
        At or below it the tensor alone allows recovery (:func:`theory.tensor_recovery_delta_p`).
    dps : int or None
        Precision of the values (None: float64).
    """

    p: int
    delta_p: np.ndarray
    thresholds: Mapping[str, Any]
    first_order_delta_p: float
    tensor_recovery_delta_p: float
    dps: int | None = None

    def __getitem__(self, kind: str):
        return self.thresholds[kind]

    @property
    def kinds(self) -> tuple[str, ...]:
        """The kinds in the diagram."""
        return tuple(self.thresholds)

    def __repr__(self) -> str:
        lo, hi = (mpmath.nstr(x, 4) for x in (min(self.delta_p), max(self.delta_p)))
        return (f"PhaseDiagram(p={self.p}, {len(self.delta_p)} values of Deltap in [{lo}, {hi}], "
                f"kinds={list(self.kinds)}, first order below Deltap={self.first_order_delta_p:.6g}, "
                f"tensor alone below Deltap={self.tensor_recovery_delta_p:.6g})")

    def plot(self, ax=None, *, y_max: float | None = None):
        """Draw the diagram (``1/Deltap`` across, ``1/Delta2`` up) on a matplotlib ``ax``.

        Returns the axes.  Lines are drawn for every kind; the regions between the kinds of
        :data:`ORDER` are shaded and labelled.
        """
        if ax is None:
            from matplotlib.figure import Figure

            ax = Figure(figsize=(7.0, 5.0), layout="constrained").add_subplot()
        x = 1.0 / np.asarray(self.delta_p, dtype=float)
        order = np.argsort(x)
        x = x[order]
        y = {k: _inverse(np.asarray(v, dtype=float)[order]) for k, v in self.thresholds.items()}
        ordered = [k for k in ORDER if k in y]
        top = y_max if y_max is not None else 1.15 * max(float(np.max(y[k])) for k in ordered or y)
        bounds = [np.zeros_like(x)] + [y[k] for k in ordered] + [np.full_like(x, top)]
        names = [None] + ordered
        for lower_kind, lower, upper in zip(names, bounds[:-1], bounds[1:]):
            label, colour = _REGIONS.get(lower_kind, (None, "white"))
            lo, up = np.minimum(lower, top), np.minimum(np.maximum(upper, lower), top)
            ax.fill_between(x, lo, up, color=colour, linewidth=0)
            width = up - lo
            if lower_kind == "gradient_flow" and "trivialization" not in y:
                label = "gradient flow succeeds"
            if label and width.max() > 0.06 * top:
                xt, yt, ha = _label_position(x, lo, up, top)
                ax.text(xt, yt, label, ha=ha, va="center", fontsize=8 if width.max() > 0.12 * top else 6.5)
        for k in [*reversed(ordered), *(k for k in y if k not in ordered)]:
            name, colour, dash = _STYLE.get(k, (k, None, ":"))
            ax.plot(x, np.minimum(y[k], top), color=colour, linestyle=dash, linewidth=1.6, label=name)
        onset = 1.0 / self.first_order_delta_p
        if x[0] <= onset <= x[-1]:
            ax.plot([onset], [1.0], "o", color="black", markersize=4)
            ax.annotate(rf"first order for $\Delta_p < {self.first_order_delta_p:.3g}$", (onset, 1.0),
                        textcoords="offset points", xytext=(5, 5), ha="left", fontsize=7)
        ax.set_xlim(x[0], x[-1])
        ax.set_ylim(0, top)
        ax.set_xlabel(r"$1/\Delta_p$ (tensor signal)")
        ax.set_ylabel(r"$1/\Delta_2$ (matrix signal)")
        ax.set_title(f"Spiked matrix-tensor model, p = {self.p}")
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=3, fontsize=8, frameon=False)
        return ax

    def save(self, path, **kwargs) -> Path:
        """Plot and write the figure to ``path`` (format from the suffix: .png, .svg, .pdf)."""
        path = Path(path)
        if path.suffix.lower() not in (".png", ".svg", ".pdf"):
            raise ValueError(f"figure file must end in .png, .svg or .pdf, got {str(path)!r}")
        ax = self.plot(**kwargs)
        ax.figure.savefig(path, dpi=150)
        return path

    def to_xarray(self):
        """The result as an ``xarray.Dataset`` (coordinate, data, parameters as attributes);
        needs the ``xarray`` extra.  See :mod:`theory._export`."""
        from theory._export import to_xarray

        return to_xarray(self)

    def to_pandas(self):
        """The result as a ``pandas.DataFrame`` (parameters in ``.attrs``); needs pandas."""
        from theory._export import to_pandas

        return to_pandas(self)


def _label_position(x, lo, up, top):
    """Where to write a region's label, ``(x, y, ha)``: its widest place, preferring the middle."""
    span = x[-1] - x[0]
    middle = 0.5 * (x[0] + x[-1])
    width = up - lo
    i = int(np.argmax(width * (1 - 0.4 * np.abs(x - middle) / (0.5 * span))))
    xt = float(np.clip(x[i], x[0] + 0.17 * span, x[-1] - 0.17 * span))
    lo_t, up_t = np.interp(xt, x, lo), np.interp(xt, x, up)
    if up_t - lo_t >= max(0.6 * width[i], 0.1 * top):
        return xt, 0.5 * (lo_t + up_t), "center"
    # The band is thin away from an edge: write at its widest place, aligned to that edge.
    i = int(np.argmax(width))
    ha = "left" if x[i] < middle else "right"
    # Bands rise to the right: sit low at a right edge (the text's left end meets a lower band).
    frac = 0.35 if ha == "right" else 0.5
    return x[i] + (0.01 if ha == "left" else -0.01) * span, lo[i] + frac * (up[i] - lo[i]), ha


def _inverse(delta2: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore"):
        return np.where(np.isinf(delta2), 0.0, 1.0 / np.where(delta2 == 0, np.nan, delta2))


def phase_diagram(p: int = 3, delta_p=None, *, kinds=None, dps: int | None = None,
                  progress: bool | None = None) -> PhaseDiagram:
    """All thresholds ``Delta2`` for an array of ``Deltap``: the phase diagram at fixed ``p``.

    Parameters
    ----------
    p : int
        Tensor order, >= 3.
    delta_p : array_like, optional
        Positive ``Deltap`` values; default 200 values with ``1/Deltap`` uniform in
        ``[0.03, 6]``.
    kinds : sequence of str, optional
        Which threshold kinds; default every registered one (:func:`theory.kinds`), so kinds
        registered later (e.g. ``"trivialization"``) appear automatically.
    dps : int, optional
        Decimal digits: each value is then a certified ``mpmath.mpf`` (an object array).
    progress : bool, optional
        Show a tqdm progress bar (None: only on a terminal).

    Returns
    -------
    PhaseDiagram
        ``.thresholds[kind]`` is an array of the shape of ``delta_p``; ``.plot()``/``.save()``
        draw it.  Interrupting (Ctrl-C) raises ``KeyboardInterrupt`` and leaves nothing
        half-built: no state is kept between calls.

    Raises
    ------
    ValueError
        For ``p`` not an integer >= 3, non-positive ``delta_p`` or an unknown kind.

    Examples
    --------
    >>> import theory
    >>> d = theory.phase_diagram(3, [0.5, 1.0, 4.0], kinds=["gradient_flow", "ml_amp", "amp"])
    >>> d["gradient_flow"]
    array([0.3903882 , 0.5       , 0.73205081])
    >>> bool((d["gradient_flow"] < d["ml_amp"]).all() and (d["ml_amp"] < d["amp"]).all())
    True
    >>> theory.phase_diagram(3, [1.0], kinds=["bayes"])
    Traceback (most recent call last):
        ...
    ValueError: kinds: unknown kind 'bayes'; registered: ...

    References
    ----------
    arXiv:1907.08226, Fig. 1; arXiv:1902.00139, Fig. 1.
    """
    from tqdm.auto import tqdm

    p = _validate.check_p(p)
    dps = _validate.check_dps(dps)
    grid = 1.0 / DEFAULT_INVERSE_DELTA_P if delta_p is None else _validate.positive_array("delta_p", delta_p)
    available = registered_kinds()
    chosen = available if kinds is None else tuple(kinds)
    for k in chosen:
        if k not in available:
            raise ValueError(f"kinds: unknown kind {k!r}; registered: {', '.join(available)}")
    out = {}
    if dps is None:
        for k in tqdm(chosen, desc=f"phase diagram p={p}", disable=_disable(progress), leave=False):
            out[k] = np.asarray(threshold(p, grid, kind=k), dtype=float)
    else:
        flat = grid.reshape(-1)
        bar = tqdm(total=len(chosen) * flat.size, desc=f"phase diagram p={p}, dps={dps}",
                   disable=_disable(progress), leave=False)
        with bar:
            for k in chosen:
                values = np.empty(flat.size, dtype=object)
                for i, d in enumerate(flat):
                    values[i] = threshold(p, float(d), kind=k, dps=dps)
                    bar.update()
                out[k] = values.reshape(grid.shape)
    return PhaseDiagram(p=p, delta_p=grid, thresholds=MappingProxyType(out),
                        first_order_delta_p=first_order_delta_p(p), tensor_recovery_delta_p=tensor_recovery_delta_p(p),
                        dps=dps)


def _disable(progress):
    return None if progress is None else not progress
