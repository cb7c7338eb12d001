"""Data out: the result objects as labelled tables (xarray, pandas, CSV) and as figures.

Each result class has ``to_xarray()``, ``to_pandas()`` and ``plot(ax=None)`` (from
:class:`theory._results.Result`) delegating here; the tables share one neutral description
of a result, :class:`Table`: one dimension, its coordinate, the data variables along it, a
description of the coordinate and of every variable, and the attributes (the parameters,
``dps``, the package version).  xarray and pandas are optional
(``pip install 'spiked-theory[xarray]'``) and are imported only when asked for; CSV needs
neither.

**How a result type plugs in.**

A new result type (a frozen dataclass deriving from :class:`~theory._results.Result`) defines
two methods, and nothing in this module changes:

``table(self) -> Table``
    Its numbers as a :class:`Table`, stating ``(long_name, units)`` in ``meta`` for the
    coordinate and for every data variable (``tests/theory/test_export.py`` fails for a
    result type that leaves one out).  Import :class:`Table` inside the method: this module
    is loaded on first use, never by ``import theory``.
``_draw(self, ax) -> ax``
    Its figure, drawn on the given matplotlib axes (use the conventions below).

:func:`table` calls ``obj.table()`` and :func:`plot` calls ``obj._draw(ax)``: there is no
dictionary of builders keyed by class names here (the engine design, section 7 item 2).
The helpers a ``table()`` or ``_draw`` builds on stay here: :class:`Table`, the vocabulary
:data:`QUANTITIES`, ``_meta`` (descriptions), ``_attrs`` (the parameters, ``dps`` and version),
``_floats`` (numbers or mpf to float64), and the figure helpers ``_time_run``, ``_set_title``,
``_model_words``, ``_dynamics_words``, ``_g``.

**What the files say about themselves.**

* **CF names.**  Every coordinate and data variable of ``to_xarray()`` (and so of the
  ``.nc`` files) carries the CF attributes ``long_name`` (the physics: ``"Delta_2 at the
  gradient-flow threshold"``, ``"overlap m"``, ``"time t"``) and ``units``.  Every quantity of
  the toolkit is dimensionless (noise variances, overlaps, energies per coordinate, time in
  the units of the gradient flow), so ``units`` is ``"1"``, CF's spelling of dimensionless.
  xarray's own plots are labelled from them.
* **Precision.**  One attribute, ``dps``: an ``int``, the decimal digits of a result computed
  in mpmath (the numbers in the file are that result rounded to float64), or the string
  ``"float64"`` for a float64 computation.  No other spelling (None, ``"none"``,
  ``"mpmath"``, ``precision``) is written: :class:`Table` normalises None to ``"float64"``
  and refuses anything else.
* **Integers stay integers.**  ``p``, ``n``, ``converged``... are integer attributes and an
  integer coordinate (the ``step`` of a state evolution) keeps an integer dtype (NetCDF 3
  stores it as int32) and is written without a decimal point in CSV.
* **CSV** keeps everything but the dtype of the attributes: a header of ``# name = value``
  lines (the attributes), then one ``# column NAME = LONG_NAME [UNITS]`` line per column,
  then the columns (``pandas.read_csv(path, comment="#", index_col=0)`` reads them back).
* ``to_pandas()`` keeps the attributes in ``frame.attrs`` and the descriptions in
  ``frame.attrs["variables"]`` (name -> ``(long_name, units)``).

**Figure conventions.**

The figures (``plot(ax=None)``) draw on a given matplotlib axes or on a new
``matplotlib.figure.Figure`` (no pyplot state), and return the axes.  Runs in time
(large-N gradient flow and Langevin dynamics, finite-N gradient flow) share one layout so
that they overlay on the same axes: time across on a symlog scale (linear below
``t = 1``), the overlap ``m`` on the left axis (blue), the energy per coordinate on a second
axis on the right (red, the same twin axis for every run drawn on ``ax``); each run is told
apart by its line style and its legend entry (large N solid, finite N dashed).  Titles name
the model's parameters, and the temperature when ``T > 0``.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass, field
from pathlib import Path

import mpmath
import numpy as np

__all__ = ["Table", "table", "to_xarray", "to_pandas", "write", "plot", "plot_complexity",
           "complexity_curve", "threshold_quantity", "TABLE_SUFFIXES", "FIGURE_SUFFIXES", "QUANTITIES",
           "DIMENSIONLESS"]

#: Suffixes of the files :func:`write` knows: tables, and figures.
TABLE_SUFFIXES = (".csv", ".nc")
FIGURE_SUFFIXES = (".png", ".svg", ".pdf")

#: CF's ``units`` of a dimensionless quantity (every quantity of the toolkit).
DIMENSIONLESS = "1"

#: ``(long_name, units)`` of the quantities the tables use, by variable name (the builders
#: take their descriptions from here; a :class:`Table` made elsewhere, e.g. by the CLI, gets
#: them for the names it shares).
QUANTITIES = {
    "t": ("time t", DIMENSIONLESS),
    "m": ("overlap m", DIMENSIONLESS),
    "mu": ("spherical multiplier mu", DIMENSIONLESS),
    "energy": ("energy per coordinate", DIMENSIONLESS),
    "c_lag": ("correlation C(t, t - h) at the finest step h", DIMENSIONLESS),
    "gradient_norm": ("norm of the spherical gradient |grad L|/sqrt(N)", DIMENSIONLESS),
    "step": ("iteration", DIMENSIONLESS),
    "p": ("tensor order p", DIMENSIONLESS),
    "delta2": ("Delta_2 (noise variance of the matrix channel)", DIMENSIONLESS),
    "delta_p": ("Delta_p (noise variance of the tensor channel)", DIMENSIONLESS),
    "rate": ("plateau escape rate lambda_inf", DIMENSIONLESS),
    "rate_error": ("fit error of the plateau escape rate", DIMENSIONLESS),
    "plateau_drift": ("change of the aging correlation C(2 tw, tw) over the run's last octave of tw",
                      DIMENSIONLESS),
    "sigma": ("annealed complexity Sigma(m) of the stationary points", DIMENSIONLESS),
    "sigma_minima": ("annealed complexity Sigma_min(m) of the local minima", DIMENSIONLESS),
    "bulk_lower": ("lower edge of the Hessian bulk", DIMENSIONLESS),
    "bulk_upper": ("upper edge of the Hessian bulk", DIMENSIONLESS),
    "outlier": ("BBP outlier eigenvalue of the Hessian", DIMENSIONLESS),
    "lowest": ("lowest eigenvalue of the Hessian", DIMENSIONLESS),
    "theta": ("strength theta of the rank-one part of the Hessian", DIMENSIONLESS),
    "s": ("scale s of the Hessian bulk (semicircle radius 2s)", DIMENSIONLESS),
    "row": ("row index of a one-row result", DIMENSIONLESS),
    # phase retrieval (theory.PhaseRetrieval): the sample ratio, the descent, the ensembles
    "alpha": ("sample ratio alpha = M/N", DIMENSIONLESS),
    "abs_m": ("|m| overlap with the signal", DIMENSIONLESS),
    "loss": ("loss per coordinate L/N", DIMENSIONLESS),
    "step_size": ("gradient-descent step size eta", DIMENSIONLESS),
    "n": ("dimension N", DIMENSIONLESS),
    "ci_low": ("lower end of the 95% Wilson interval of the success rate", DIMENSIONLESS),
    "ci_high": ("upper end of the 95% Wilson interval of the success rate", DIMENSIONLESS),
    "successes": ("successful runs", DIMENSIONLESS),
    "trials": ("finished runs", DIMENSIONLESS),
    "median_lowest": ("median over the seeds of the lowest Hessian eigenvalue at the end", DIMENSIONLESS),
    "point": ("grid point (N, alpha)", DIMENSIONLESS),
}

#: The words for each threshold kind in ``"Delta_2 at the ... threshold"`` (a kind registered
#: later is named by its name, underscores as spaces).
_KIND_WORDS = {
    "gradient_flow": "gradient-flow",
    "langevin": "Langevin",
    "trivialization": "trivialization",
    "ml_amp": "ML-AMP",
    "amp": "Bayes-optimal AMP",
    "mmse_jump": "MMSE-jump (first-order)",
    "information_theoretic": "information-theoretic",
}


def threshold_quantity(kind: str) -> tuple[str, str]:
    """``(long_name, units)`` of the threshold ``Delta_2`` of a kind."""
    return f"Delta_2 at the {_KIND_WORDS.get(kind, kind.replace('_', ' '))} threshold", DIMENSIONLESS


def _dps_attr(value):
    """The one spelling of the precision attribute: an int (mpmath digits) or "float64"."""
    if value is None or value == "none" or value == "float64":
        return "float64"
    if isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_)) and value >= 1:
        return int(value)
    raise ValueError(f"the dps attribute must be an integer >= 1 (mpmath digits) or 'float64'; got {value!r}")


@dataclass(frozen=True)
class Table:
    """A result as one dimension ``dim`` with coordinate ``coord``, data ``data`` (name ->
    1-D array along ``dim``), ``attrs`` (name -> number or string) and ``meta`` (name ->
    ``(long_name, units)`` for ``dim`` and for each name of ``data``).

    ``attrs["dps"]``, when present, is normalised to the one spelling of the precision (an
    int, or ``"float64"`` for None); a name of ``meta`` that is neither ``dim`` nor a data
    variable, or a description that is not two non-empty strings, is a ValueError.
    """

    dim: str
    coord: np.ndarray
    data: dict
    attrs: dict = field(default_factory=dict)
    meta: dict = field(default_factory=dict)

    def __post_init__(self):
        names = (self.dim, *self.data)
        for name, described in self.meta.items():
            if name not in names:
                raise ValueError(f"meta names {name!r}, which is neither the dimension {self.dim!r} "
                                 f"nor a data variable ({', '.join(self.data)})")
            if (not isinstance(described, tuple) or len(described) != 2
                    or not all(isinstance(s, str) and s for s in described)):
                raise ValueError(f"meta[{name!r}] must be (long_name, units), two non-empty strings; "
                                 f"got {described!r}")
        if "dps" in self.attrs:
            object.__setattr__(self, "attrs", {**self.attrs, "dps": _dps_attr(self.attrs["dps"])})

    def describe(self, name: str) -> tuple[str, str]:
        """``(long_name, units)`` of the coordinate or of a data variable: from ``meta``, else
        from :data:`QUANTITIES`, else ``(name, "1")``."""
        return self.meta.get(name) or QUANTITIES.get(name) or (name, DIMENSIONLESS)

    def undescribed(self) -> list:
        """The names (the dimension and the data variables) that ``meta`` does not describe."""
        return [name for name in (self.dim, *self.data) if name not in self.meta]


def _meta(*names, **own) -> dict:
    """The descriptions of ``names`` from :data:`QUANTITIES` and those of ``own`` (name ->
    (long_name, units)), which take precedence; a name in neither is left out (and the
    table is incomplete: a test walks every result type)."""
    return {**{name: QUANTITIES[name] for name in names if name in QUANTITIES}, **own}


def _version() -> str:
    import theory

    return theory.__version__


def _float(x) -> float:
    return float(x) if x is not None else math.nan


def _floats(values) -> np.ndarray:
    """float64 array of numbers or mpf (an mpf array at dps digits is exported rounded to double)."""
    return np.array([float(v) for v in np.ravel(np.asarray(values, dtype=object))], dtype=float)


def _model_attrs(obj) -> dict:
    """The model's parameters (from ``obj.model`` when the result keeps one) and the scalar
    fields ``p``, ``n``, ``delta2``, ``delta_p`` that the result has."""
    out = {}
    for name in ("p", "n", "delta2", "delta_p"):
        value = getattr(obj, name, None)
        if value is not None and np.ndim(value) == 0:
            out[name] = value if isinstance(value, (int, np.integer)) else _float(value)
    orders, variances = getattr(obj, "p", None), getattr(obj, "delta_p", None)
    if isinstance(orders, tuple) and isinstance(variances, tuple):  # several tensor channels
        out.update({f"delta_{k}": _float(d) for k, d in zip(orders, variances)})
        out["orders"] = ",".join(str(k) for k in orders)
    model = getattr(obj, "model", None)
    if model is not None:
        out["delta2"] = _float(model.delta2) if model.delta2 is not None else math.inf
        for p, d in model.tensors:
            out[f"delta_{p}"] = float(d)
        out["orders"] = ",".join(str(k) for k in model.orders)
    return out


def _attrs(obj, *names, dps=None, **extra) -> dict:
    out = _model_attrs(obj)
    for name in names:
        value = getattr(obj, name)
        out[name] = value
    out.update(extra)
    out["dps"] = _dps_attr(dps)
    out["version"] = _version()
    # A nan parameter (e.g. no single step for a whole sweep) is left out: NetCDF attributes
    # round-trip, and nan != nan would make equal datasets compare unequal.
    return {k: _plain_attr(v) for k, v in out.items()
            if not (isinstance(v, (float, np.floating)) and np.isnan(v))}


def _plain_attr(value):
    """An attribute NetCDF can hold: numbers, strings (None -> "none", bool -> 0/1)."""
    if value is None:
        return "none"
    if isinstance(value, (bool, np.bool_)):
        return int(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating, mpmath.mpf)):
        return float(value)
    return str(value)


def complexity_curve(p=None, delta_p=None, *, delta2=None, model=None, m=None, points: int = 201) -> Table:
    """The complexity ``Sigma(m)`` of all stationary points and ``Sigma_min(m)`` of the minima
    on a grid of overlaps (default ``points`` values in ``[-0.999, 0.999]``) as a :class:`Table`,
    of ``model=theory.Model(...)`` or of the shorthand ``p, delta2, delta_p``."""
    import theory
    from theory._model import Model

    model = Model.of_call(model, p, delta2, delta_p, need_delta2=True)
    if m is None:
        m = np.linspace(-0.999, 0.999, int(points))
    m = np.asarray(m, dtype=float)
    data = {"sigma": np.asarray(theory.complexity(m, model=model), float),
            "sigma_minima": np.asarray(theory.complexity_of_minima(m, model=model), float)}
    attrs = {"model": repr(model), "dps": "float64", "version": _version(), "what": "annealed complexity (Kac-Rice)"}
    if len(model.tensors) == 1 and model.assumed is None:  # the shorthand's three numbers
        ((order, variance),) = model.tensors
        attrs.update(p=int(order), delta2=float(model.delta2), delta_p=float(variance))
    return Table("m", m, data, attrs, _meta("m", *data))


def _own(obj, name: str):
    """``obj.name`` when the object's class defines that method (the placeholder ``table`` of
    :class:`theory._results.Result` does not count); else None."""
    method = getattr(type(obj), name, None)
    if not callable(method) or getattr(method, "placeholder", False):
        return None
    return getattr(obj, name)


def table(obj) -> Table:
    """The :class:`Table` of a result object: ``obj.table()`` when its class defines one,
    (a Table is returned as is)."""
    if isinstance(obj, Table):
        return obj
    own = _own(obj, "table")
    if own is not None:
        out = own()
        if not isinstance(out, Table):
            raise TypeError(f"{type(obj).__name__}.table() must return a theory._export.Table, "
                            f"got a {type(out).__name__}")
        return out
    raise TypeError(f"no table for a {type(obj).__name__}: define its table() method (see theory._export)")


def _require(module: str):
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise ImportError(f"{module} is needed for this (an optional dependency): "
                          f"pip install 'spiked-theory[xarray]'") from None


def _cf(t: Table, name: str) -> dict:
    long_name, units = t.describe(name)
    return {"long_name": long_name, "units": units}


def to_xarray(obj):
    """An ``xarray.Dataset``: the result's arrays along one coordinate, each with CF
    ``long_name`` and ``units``; the parameters as attributes."""
    xr = _require("xarray")
    t = table(obj)
    coord = xr.Variable((t.dim,), np.asarray(t.coord), attrs=_cf(t, t.dim))
    variables = {k: xr.Variable((t.dim,), np.asarray(v), attrs=_cf(t, k)) for k, v in t.data.items()}
    return xr.Dataset(variables, coords={t.dim: coord}, attrs=dict(t.attrs))


def to_pandas(obj):
    """A ``pandas.DataFrame`` indexed by the result's coordinate; ``.attrs`` holds the parameters
    and, under ``"variables"``, the ``(long_name, units)`` of the index and of every column."""
    pd = _require("pandas")
    t = table(obj)
    frame = pd.DataFrame(dict(t.data), index=pd.Index(t.coord, name=t.dim))
    frame.attrs.update(t.attrs)
    frame.attrs["variables"] = {name: t.describe(name) for name in (t.dim, *t.data)}
    return frame


def check_suffix(path, allowed=TABLE_SUFFIXES + FIGURE_SUFFIXES) -> str:
    """The lower-case suffix of ``path``; ValueError if it is not one of ``allowed`` (and, for
    NetCDF, ImportError if xarray is missing), so a caller can check before the work."""
    suffix = Path(path).suffix.lower()
    if suffix not in allowed:
        raise ValueError(f"output file must end in {', '.join(allowed)}; got {str(path)!r}")
    if suffix == ".nc":
        _require("xarray")
    return suffix


def _csv_cells(values) -> list:
    """Text of a column: integers without a decimal point, floats by repr (exact)."""
    values = np.asarray(values)
    if values.dtype.kind in "iu":
        return [str(int(v)) for v in values]
    return [repr(float(v)) for v in values]


def write(obj, path, *, figure=None) -> Path:
    """Write a result to ``path``: CSV (``.csv``: ``# name = value`` lines of attributes,
    ``# column NAME = LONG_NAME [UNITS]`` lines, then the columns), NetCDF (``.nc``, needs
    xarray; SciPy's writer, NetCDF 3, CF ``long_name`` and ``units`` on every variable) or a
    figure (``.png``, ``.svg``, ``.pdf``: ``figure(ax)`` draws it, default :func:`plot`)."""
    path = Path(path)
    suffix = check_suffix(path)
    if suffix in FIGURE_SUFFIXES:
        from matplotlib.figure import Figure

        ax = Figure(figsize=(7.0, 5.0), layout="constrained").add_subplot()
        (figure or plot)(obj, ax=ax)
        ax.figure.savefig(path, dpi=150)
        return path
    t = table(obj)
    if suffix == ".nc":
        to_xarray(t).to_netcdf(path, engine="scipy")
        return path
    columns = [_csv_cells(t.coord), *(_csv_cells(v) for v in t.data.values())]
    with open(path, "w", newline="", encoding="utf-8") as fh:
        for key, value in t.attrs.items():
            fh.write(f"# {key} = {value}\n")
        for name in (t.dim, *t.data):
            long_name, units = t.describe(name)
            fh.write(f"# column {name} = {long_name} [{units}]\n")
        writer = csv.writer(fh)
        writer.writerow([t.dim, *t.data])
        writer.writerows(zip(*columns))
    return path


# -- figures ------------------------------------------------------------------------------

def _axes(ax):
    if ax is None:
        from matplotlib.figure import Figure

        ax = Figure(figsize=(6.4, 4.4), layout="constrained").add_subplot()
    return ax


def _g(x) -> str:
    """A parameter in a title: ``0.4``, ``1``, ``1e-06``, ``inf``."""
    x = float(x)
    return r"$\infty$" if x == math.inf else format(x, ".4g")


def _model_words(model, *, delta2: bool = True) -> str:
    """``p = 3, Delta_2 = 0.4, Delta_p = 1`` (every tensor channel named by its order when
    there are several; "mismatched loss" when the loss is not the Bayes-optimal one)."""
    parts = []
    if len(model.tensors) == 1:
        parts.append(f"p = {model.tensors[0][0]}")
    if delta2:
        parts.append(r"$\Delta_2$ = " + (_g(model.delta2) if model.delta2 is not None else r"$\infty$"))
    if len(model.tensors) == 1:
        parts.append(r"$\Delta_p$ = " + _g(model.tensors[0][1]))
    else:
        parts += [f"$\\Delta_{{{p}}}$ = {_g(d)}" for p, d in model.tensors]
    if not model.bayes_optimal:
        parts.append("mismatched loss")
    return ", ".join(parts)


def _dynamics_words(temperature) -> str:
    """What ran: gradient flow, or Langevin dynamics at the temperature (stated when T > 0)."""
    return f"Langevin dynamics at T = {_g(temperature)}" if temperature > 0 else "gradient flow"


#: Time runs: the symlog scale of the time axis is linear below this time.
TIME_LINEAR_BELOW = 1.0
_M_COLOUR, _ENERGY_COLOUR = "tab:blue", "tab:red"


def _energy_axis(ax):
    """The right-hand energy axis of ``ax``: made once, shared by every run drawn on ``ax``."""
    twin = getattr(ax, "_theory_energy_axis", None)
    if twin is None:
        twin = ax.twinx()
        ax._theory_energy_axis = twin
        ax.set_zorder(twin.get_zorder() + 1)  # the legend and the m lines above the twin
        ax.patch.set_visible(False)
    return twin


def _set_title(ax, what: str, params: str) -> None:
    """``what: params`` on one line, or on two when it would not fit the figure's width
    (about ten characters of plain text per inch at the default font size)."""
    import re

    plain = re.sub(r"[$_{}]", "", re.sub(r"\\[A-Za-z]+", "D", f"{what}: {params}"))
    fits = len(plain) <= 10 * ax.figure.get_figwidth()
    ax.set_title(f"{what}: {params}" if fits else f"{what}\n{params}")


def _time_run(ax, t, m, energy, *, label: str, dash: str, title: tuple, interrupted: bool):
    """One run in time on the shared layout (see the module docstring)."""
    twin = _energy_axis(ax)
    cut = " (interrupted)" if interrupted else ""
    ax.plot(t, m, color=_M_COLOUR, linestyle=dash, label=f"m, {label}{cut}")
    twin.plot(t, energy, color=_ENERGY_COLOUR, linestyle=dash, label=f"energy, {label}{cut}")
    ax.set_xscale("symlog", linthresh=TIME_LINEAR_BELOW)
    ax.set_xlim(left=0)
    ax.set_xlabel("time t")
    ax.set_ylabel("overlap m", color=_M_COLOUR)
    twin.set_ylabel("energy per coordinate", color=_ENERGY_COLOUR)
    _set_title(ax, *title)
    ax.legend(handles=[*ax.get_lines(), *twin.get_lines()], loc="best", fontsize=8)
    return ax


def draw_gradient_flow(r, ax):
    """The figure of a large-N run (:meth:`theory.GradientFlowResult.plot`)."""
    title = _dynamics_words(r.temperature), _model_words(r.model)
    return _time_run(ax, r.t, r.m, r.energy, label="large N", dash="-", title=title,
                     interrupted=r.interrupted)


def _rate_fit(r):
    """The fit behind the estimate (:func:`numerics.dmft_threshold.fit`, same runs and weights)
    whose zero above the runs is the estimate; None when there is none."""
    from numerics.dmft_threshold import fit

    if not math.isfinite(r.value):
        return None
    try:
        return fit(r.delta2s, r.rates, r.rate_errors)
    except ValueError:
        return None


def _closed_form(r):
    """``(name, Delta2)`` of the threshold the dynamics estimates, from its closed form
    (:func:`theory.threshold`: ``gradient_flow`` at T = 0, ``langevin`` at T > 0); None
    where the closed form does not apply to the model."""
    import theory

    try:
        if r.temperature > 0:
            return "Langevin", float(theory.threshold(model=r.model, kind="langevin", temperature=r.temperature))
        return "gradient flow", float(theory.threshold(model=r.model, kind="gradient_flow"))
    except ValueError:
        return None


def draw_dynamics_threshold(r, ax):
    """The figure of a dynamics threshold (:meth:`theory.DynamicsThreshold.plot`): the rates, their
    fit, the estimate with its error band and the closed form."""
    d2 = np.asarray(r.delta2s, float)
    rate = np.asarray(r.rates, float)
    err = np.asarray(r.rate_errors, float)
    root = np.sqrt(np.clip(rate, 0, None))
    root_err = 0.5 * err / np.where(root > 0, root, np.inf)
    ax.errorbar(d2, root, yerr=root_err, fmt="o", color=_M_COLOUR, label=r"$\sqrt{\lambda_\infty}$ of a run")
    right = [*d2]
    fit = _rate_fit(r)
    if fit is not None:
        xs = np.linspace(d2.min(), fit.value, 200)
        ax.plot(xs, fit(xs), color=_M_COLOUR, linewidth=1.2,
                label=f"fit, {'quadratic' if fit.degree == 2 else 'linear'} in $1/\\Delta_2$ "
                      f"of $\\sqrt{{\\lambda_\\infty/\\Delta_2}}$")
        right.append(fit.value)
    if math.isfinite(r.value):
        ax.axvline(r.value, color="black", linewidth=1.2,
                   label=f"from the dynamics: $\\Delta_{{2,c}}$ = {r.value:.4f} $\\pm$ {r.error:.4f}")
        ax.axvspan(r.value - r.error, r.value + r.error, color="0.85")
        right.append(r.value + r.error)
    exact = _closed_form(r)
    if exact is not None and math.isfinite(exact[1]):
        name, value = exact
        ax.axvline(value, color="tab:green", linestyle="--", linewidth=1.4,
                   label=f"closed form ({name}): $\\Delta_{{2,c}}$ = {value:.4f}")
        right.append(value)
    ax.axhline(0, color="0.5", linewidth=0.8)
    if right:
        lo, hi = min(right), max(right)
        pad = 0.05 * (hi - lo or 1.0)
        ax.set_xlim(lo - pad, hi + pad)
    ax.set_xlabel(r"$\Delta_2$ (noise variance of the matrix channel)")
    ax.set_ylabel(r"$\sqrt{\lambda_\infty}$ (plateau escape rate)")
    cut = ", interrupted" if r.interrupted else ""
    what = f"Langevin threshold from the dynamics at T = {_g(r.temperature)}" if r.temperature > 0 else \
        "gradient-flow threshold from the dynamics"
    _set_title(ax, what, f"{_model_words(r.model, delta2=False)}{cut}")
    ax.legend(loc="lower left", fontsize=8)
    return ax


def plot(obj, ax=None):
    """Draw a result on ``ax`` (a new Figure's axes when None) and return the axes:
    ``obj._draw(ax)`` when its class defines one, else the drawer kept here for it."""
    ax = _axes(ax)
    own = _own(obj, "_draw")
    if own is not None:
        out = own(ax)
        return ax if out is None else out
    if isinstance(obj, Table) and obj.dim == "m":
        return _plot_complexity_table(obj, ax)
    raise TypeError(f"no figure for a {type(obj).__name__}: define its _draw(ax) method (see theory._export)")


_COMPLEXITY_STYLE = {"sigma": (r"$\Sigma(m)$, all stationary points", "tab:blue", "-"),
                     "sigma_minima": (r"$\Sigma_{\min}(m)$, local minima", "tab:red", "--")}


def _plot_complexity_table(t: Table, ax):
    finite = []
    for name, values in t.data.items():
        label, colour, dash = _COMPLEXITY_STYLE.get(name, (name, None, "-"))
        ax.plot(t.coord, values, color=colour, linestyle=dash, label=label)
        finite.append(values[np.isfinite(values)])
    ax.axhline(0, color="0.4", linewidth=0.8)
    finite = np.concatenate(finite) if finite else np.array([])
    if finite.size:
        lo, hi = float(finite.min()), float(finite.max())
        pad = 0.08 * (hi - lo or 1.0)
        ax.set_ylim(max(lo, -2 * abs(hi) - pad) - pad, hi + 3 * pad)
    ax.set_xlabel("overlap m")
    ax.set_ylabel("complexity")
    if "p" in t.attrs:
        ax.set_title(f"Kac-Rice complexity, p = {t.attrs.get('p')}, $\\Delta_2$ = {t.attrs.get('delta2')}, "
                     f"$\\Delta_p$ = {t.attrs.get('delta_p')}")
    else:
        _set_title(ax, "Kac-Rice complexity", str(t.attrs.get("model")))
    ax.legend(loc="best", fontsize=8)
    return ax


def plot_complexity(p=None, delta_p=None, *, delta2=None, model=None, m=None, ax=None):
    """Plot the complexity curves: ``Sigma(m)`` of all stationary points and ``Sigma_min(m)``
    of the local minima against the overlap ``m`` (:func:`theory.complexity`,
    :func:`theory.complexity_of_minima`), with the zero line.

    Parameters
    ----------
    p : int
        Tensor order, >= 3 (the shorthand, with ``delta2`` and ``delta_p``).
    delta_p, delta2 : float
        Noise variances of the shorthand.
    model : theory.Model, optional
        Any spiked spherical model instead of the shorthand.
    m : array_like, optional
        Overlaps; default 201 values in ``[-0.999, 0.999]``.
    ax : matplotlib.axes.Axes, optional
        Where to draw; default a new ``matplotlib.figure.Figure`` (no pyplot state).

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import theory
    >>> ax = theory.plot_complexity(p=3, delta2=0.7, delta_p=1.0)
    >>> [line.get_label().split(", ")[1] for line in ax.get_lines()[:2]]
    ['all stationary points', 'local minima']
    """
    curve = complexity_curve(p, delta_p, delta2=delta2, model=model, m=m)
    return _plot_complexity_table(curve, _axes(ax))
