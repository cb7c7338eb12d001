"""Data out: the result objects as labelled tables (xarray, pandas, CSV) and as figures.

Each result class has ``to_xarray()`` (and ``to_pandas()``) delegating here; the builders
share one neutral description of a result, :class:`Table`: one dimension, its coordinate,
the data variables along it and the attributes (the parameters, ``dps``, the package
version).  xarray and pandas are optional (``pip install 'spiked-theory[xarray]'``) and are
imported only when asked for; CSV needs neither.

The figures (``plot(ax=None)``) draw on a given matplotlib axes or on a new
``matplotlib.figure.Figure`` (no pyplot state), and return the axes.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import mpmath
import numpy as np

__all__ = ["Table", "table", "to_xarray", "to_pandas", "write", "plot", "plot_complexity",
           "complexity_curve", "TABLE_SUFFIXES", "FIGURE_SUFFIXES"]

#: Suffixes of the files :func:`write` knows: tables, and figures.
TABLE_SUFFIXES = (".csv", ".nc")
FIGURE_SUFFIXES = (".png", ".svg", ".pdf")


@dataclass(frozen=True)
class Table:
    """A result as one dimension ``dim`` with coordinate ``coord``, data ``data`` (name ->
    1-D array along ``dim``) and ``attrs`` (name -> number or string)."""

    dim: str
    coord: np.ndarray
    data: dict
    attrs: dict = field(default_factory=dict)


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
    out["dps"] = "float64" if dps is None else dps
    out["version"] = _version()
    return {k: _plain_attr(v) for k, v in out.items()}


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


# -- builders, one per result class -------------------------------------------------------

def _phase_diagram(d) -> Table:
    delta_p = _floats(d.delta_p)
    data = {f"delta2_{kind}": _floats(values) for kind, values in d.thresholds.items()}
    attrs = _attrs(d, "first_order_delta_p", "tensor_recovery_delta_p", dps=d.dps, what="phase diagram",
                   kinds=",".join(d.thresholds))
    attrs.pop("delta_p", None)
    return Table("delta_p", delta_p, data, attrs)


def _gradient_flow(r) -> Table:
    data = {"m": np.asarray(r.m, float), "mu": np.asarray(r.mu, float), "energy": np.asarray(r.energy, float),
            "c_lag": np.asarray(r.c_lag, float)}
    attrs = _attrs(r, "m0", "t_max", "dt", "temperature", "scheme", "window", "interrupted",
                   what="gradient flow, large N (DMFT)")
    return Table("t", np.asarray(r.t, float), data, attrs)


def _dynamics_threshold(r) -> Table:
    data = {"rate": np.asarray(r.rates, float), "rate_error": np.asarray(r.rate_errors, float)}
    attrs = _attrs(r, "value", "error", "half_time_value", "t_max", "dt",
                   what="gradient-flow threshold from the dynamics")
    attrs.pop("delta2", None)
    return Table("delta2", np.asarray(r.delta2s, float), data, attrs)


def _simulation(r) -> Table:
    data = {"m": np.asarray(r.m, float), "energy": np.asarray(r.energy, float), "mu": np.asarray(r.mu, float),
            "gradient_norm": np.asarray(r.gradient_norm, float)}
    attrs = _attrs(r, "dt", "interrupted", what="gradient flow on a sampled instance")
    return Table("t", np.asarray(r.t, float), data, attrs)


def _state_evolution(r) -> Table:
    m = _floats(r.iterates)
    dps = getattr(r, "dps", None)
    if dps is None and not isinstance(r.iterates, np.ndarray):
        dps = "mpmath"
    fixed = ";".join(f"{mpmath.nstr(fp, 12)}:{'stable' if stable else 'unstable'}" for fp, stable in r.fixed_points)
    attrs = _attrs(r, "kind", "m0", "converged", dps=dps, fixed_points=fixed, what="state evolution")
    return Table("step", np.arange(m.size), {"m": m}, attrs)


def complexity_curve(*, p: int, delta2, delta_p, m=None, points: int = 201) -> Table:
    """The complexity ``Sigma(m)`` of all stationary points and ``Sigma_min(m)`` of the minima
    on a grid of overlaps (default ``points`` values in ``[-0.999, 0.999]``) as a :class:`Table`."""
    import theory

    if m is None:
        m = np.linspace(-0.999, 0.999, int(points))
    m = np.asarray(m, dtype=float)
    data = {"sigma": np.asarray(theory.complexity(m, p=p, delta2=delta2, delta_p=delta_p), float),
            "sigma_minima": np.asarray(theory.complexity_of_minima(m, p=p, delta2=delta2, delta_p=delta_p), float)}
    attrs = {"p": int(p), "delta2": float(delta2), "delta_p": float(delta_p), "dps": "float64",
             "version": _version(), "what": "annealed complexity (Kac-Rice)"}
    return Table("m", m, data, attrs)


_BUILDERS = {
    "PhaseDiagram": _phase_diagram,
    "GradientFlowResult": _gradient_flow,
    "DynamicsThreshold": _dynamics_threshold,
    "SimulationResult": _simulation,
    "StateEvolution": _state_evolution,
}


def table(obj) -> Table:
    """The :class:`Table` of a result object (or a Table, returned as is)."""
    if isinstance(obj, Table):
        return obj
    try:
        build = _BUILDERS[type(obj).__name__]
    except KeyError:
        raise TypeError(f"no table for a {type(obj).__name__}; one of: {', '.join(_BUILDERS)}") from None
    return build(obj)


def _require(module: str):
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise ImportError(f"{module} is needed for this (an optional dependency): "
                          f"pip install 'spiked-theory[xarray]'") from None


def to_xarray(obj):
    """An ``xarray.Dataset``: the result's arrays along one coordinate, parameters as attributes."""
    xr = _require("xarray")
    t = table(obj)
    return xr.Dataset({k: ((t.dim,), v) for k, v in t.data.items()}, coords={t.dim: t.coord}, attrs=dict(t.attrs))


def to_pandas(obj):
    """A ``pandas.DataFrame`` indexed by the result's coordinate; ``.attrs`` holds the parameters."""
    pd = _require("pandas")
    t = table(obj)
    frame = pd.DataFrame(dict(t.data), index=pd.Index(t.coord, name=t.dim))
    frame.attrs.update(t.attrs)
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


def write(obj, path, *, figure=None) -> Path:
    """Write a result to ``path``: CSV (``.csv``: a ``# name = value`` header of attributes,
    then the columns), NetCDF (``.nc``, needs xarray; SciPy's writer, NetCDF 3) or a figure
    (``.png``, ``.svg``, ``.pdf``: ``figure(ax)`` draws it, default :func:`plot`)."""
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
    with open(path, "w", newline="", encoding="utf-8") as fh:
        for key, value in t.attrs.items():
            fh.write(f"# {key} = {value}\n")
        writer = csv.writer(fh)
        writer.writerow([t.dim, *t.data])
        for i, x in enumerate(t.coord):
            writer.writerow([repr(float(x)), *(repr(float(v[i])) for v in t.data.values())])
    return path


# -- figures ------------------------------------------------------------------------------

def _axes(ax):
    if ax is None:
        from matplotlib.figure import Figure

        ax = Figure(figsize=(6.4, 4.4), layout="constrained").add_subplot()
    return ax


def _plot_gradient_flow(r, ax):
    ax.plot(r.t, r.m, label="m(t)", color="tab:blue")
    ax.set_xlabel("t")
    ax.set_ylabel("overlap m")
    ax.set_xscale("symlog", linthresh=max(float(r.dt), 1e-3) * 10)
    ax.set_title(f"gradient flow (large N), p = {r.p}, $\\Delta_2$ = {r.delta2:g}, $\\Delta_p$ = {r.delta_p:g}")
    twin = ax.twinx()
    twin.plot(r.t, r.energy, color="tab:red", linestyle="--", label="energy")
    twin.set_ylabel("energy per coordinate", color="tab:red")
    ax.legend(handles=[*ax.get_lines(), *twin.get_lines()], loc="best", fontsize=8)
    return ax


def _plot_simulation(r, ax):
    ax.plot(r.t, r.m, label="m(t)", color="tab:blue")
    ax.plot(r.t, r.energy, label="energy", color="tab:red", linestyle="--")
    ax.set_xlabel("t")
    ax.set_title(f"gradient flow at N = {r.n}, p = {r.p}, $\\Delta_2$ = {r.delta2:g}, $\\Delta_p$ = {r.delta_p:g}")
    ax.legend(loc="best", fontsize=8)
    return ax


def _plot_dynamics_threshold(r, ax):
    d2 = np.asarray(r.delta2s, float)
    rate = np.asarray(r.rates, float)
    err = np.asarray(r.rate_errors, float)
    root = np.sqrt(np.clip(rate, 0, None))
    root_err = 0.5 * err / np.where(root > 0, root, np.inf)
    ax.errorbar(d2, root, yerr=root_err, fmt="o", color="tab:blue", label=r"$\sqrt{\lambda_\infty}$ of a run")
    ax.axvline(r.value, color="black", linewidth=1.2, label=f"$\\Delta_{{2,c}}$ = {r.value:.4f} $\\pm$ {r.error:.4f}")
    ax.axvspan(r.value - r.error, r.value + r.error, color="0.85")
    ax.axhline(0, color="0.5", linewidth=0.8)
    ax.set_xlabel(r"$\Delta_2$")
    ax.set_ylabel(r"$\sqrt{\lambda_\infty}$ (plateau escape rate)")
    ax.set_title(f"threshold from the dynamics, p = {r.p}, $\\Delta_p$ = {r.delta_p:g}")
    ax.legend(loc="best", fontsize=8)
    return ax


def _plot_state_evolution(r, ax):
    m = _floats(r.iterates)
    steps = np.arange(m.size)
    ax.plot(steps, m, marker="." if m.size < 60 else None, color="tab:blue", label=f"{r.kind} iterates")
    for fp, stable in r.fixed_points:
        ax.axhline(float(fp), color="tab:green" if stable else "tab:red", linestyle="-" if stable else ":",
                   linewidth=1, label=f"fixed point {float(fp):.4g} ({'stable' if stable else 'unstable'})")
    ax.set_xlabel("iteration")
    ax.set_ylabel("overlap m")
    ax.set_xscale("symlog", linthresh=1)
    ax.set_xlim(0, max(1, m.size - 1))
    ax.set_title(f"state evolution ({r.kind}), p = {r.p}")
    ax.legend(loc="best", fontsize=8)
    return ax


def plot(obj, ax=None):
    """Draw a result on ``ax`` (a new Figure's axes when None) and return the axes."""
    ax = _axes(ax)
    name = type(obj).__name__
    if name == "PhaseDiagram":
        return obj.plot(ax=ax)
    if isinstance(obj, Table) and obj.dim == "m":
        return _plot_complexity_table(obj, ax)
    drawers = {"GradientFlowResult": _plot_gradient_flow, "SimulationResult": _plot_simulation,
               "DynamicsThreshold": _plot_dynamics_threshold, "StateEvolution": _plot_state_evolution}
    if name not in drawers:
        raise TypeError(f"no figure for a {name}")
    return drawers[name](obj, ax)


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
    ax.set_title(f"Kac-Rice complexity, p = {t.attrs.get('p')}, $\\Delta_2$ = {t.attrs.get('delta2')}, "
                 f"$\\Delta_p$ = {t.attrs.get('delta_p')}")
    ax.legend(loc="best", fontsize=8)
    return ax


def plot_complexity(*, p: int, delta2, delta_p, m=None, ax=None):
    """Plot the complexity curves: ``Sigma(m)`` of all stationary points and ``Sigma_min(m)``
    of the local minima against the overlap ``m`` (:func:`theory.complexity`,
    :func:`theory.complexity_of_minima`), with the zero line.

    Parameters
    ----------
    p : int
        Tensor order, >= 3.
    delta2, delta_p : float
        Noise variances.
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
    return _plot_complexity_table(complexity_curve(p=p, delta2=delta2, delta_p=delta_p, m=m), _axes(ax))
