"""Command line: ``spiked-theory`` (console script) and ``python -m theory``.

``spiked-theory`` with no command runs the main job: a table of thresholds for p = 3..6,
the Deltap where the information-theoretic transition becomes first order, and the phase
diagram of p = 3 written to the working directory (``phase_diagram_p3.png`` and ``.svg``).
Each capability of the library is a command::

    spiked-theory threshold --p 3 --delta-p 1            # one threshold Delta2
    spiked-theory phase-diagram --p 3 --out pd.png       # every threshold on a grid of Deltap
    spiked-theory complexity --p 3 --delta2 0.7 --delta-p 1 --out sigma.png
    spiked-theory hessian --p 3 --delta2 0.7 --delta-p 1 --m 0.3 --mu 2.5
    spiked-theory state-evolution --p 3 --delta2 0.6 --delta-p 1 --kind amp
    spiked-theory gradient-flow --p 3 --delta2 0.4 --delta-p 1 --t-max 100 --out run.nc
    spiked-theory dynamics-threshold --p 3 --delta-p 1
    spiked-theory simulate --p 3 --n 200 --delta2 0.4 --delta-p 1 --t-max 50 --seed 1

Every command takes ``--json`` (one JSON object on stdout: numbers as JSON numbers, arrays as
lists; a number is a string only where ``--dps`` asks for more digits than a double holds;
infinity is the string ``"inf"``, a missing value ``null``) and ``--out FILE`` (``.csv``,
``.nc`` NetCDF, or a figure ``.png``/``.svg``/``.pdf`` where the result draws one; the
suffix is checked before any work).  Numbers are decimals read exactly (``0.7`` is 7/10);
``--tensor P=DELTA`` (repeatable) gives a mixture of tensor channels instead of
``--p``/``--delta-p``.  Bad input exits with status 2 and a one-line message, never a
traceback; warnings are reported on one line each.
"""

from __future__ import annotations

import argparse
import inspect
import json
import math
import re
import sys
import warnings
from fractions import Fraction

import mpmath
import numpy as np

import theory
import theory._phase_diagram
from theory import _export

DEFAULT_POINTS = len(theory._phase_diagram.DEFAULT_INVERSE_DELTA_P)

#: Deltap values of the main job's table.
TABLE_DELTA_P = ("0.5", "1", "2", "5")
TABLE_P = (3, 4, 5, 6)
#: Files the main job writes to the working directory.
MAIN_FIGURES = ("phase_diagram_p3.png", "phase_diagram_p3.svg")

#: Bounds of the command line (the library has its own checks; these keep every command quick
#: to refuse what cannot be meant: no hang on ``--delta-p 1e99999999``).
MAX_EXPONENT = 10_000
MAX_DIGITS = 2_000
MAX_POINTS = 10_000
MAX_DPS = 1_000
MAX_ITERATIONS = 10_000_000
MAX_STEPS = 10_000_000
#: Distinct warnings reported (one line each) before the rest is counted.
MAX_WARNINGS = 3
#: The JSON spelling of infinity.
INF = "inf"

_DECIMAL = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_INFINITY = ("inf", "+inf", "infinity")


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors (``spiked-theory: error: ...``), status 2."""

    def error(self, message):
        self.exit(2, f"{self.prog}: error: {message}\n")


# -- argument types -----------------------------------------------------------------------

def _decimal(text: str) -> str:
    """argparse type: a decimal number of bounded size, kept as text (read exactly later)."""
    text = text.strip()
    match = _DECIMAL.match(text)
    if not match or len(text) > MAX_DIGITS:
        raise argparse.ArgumentTypeError(f"not a decimal number: {text[:40]!r}")
    if match.group(3) and abs(int(match.group(3)[1:])) > MAX_EXPONENT:
        raise argparse.ArgumentTypeError(f"{text[:40]} is out of range (decimal exponent beyond +-{MAX_EXPONENT})")
    return text


def _variance_text(text: str) -> str:
    """A decimal, or ``inf`` (no such channel)."""
    return INF if text.strip().lower() in _INFINITY else _decimal(text)


def _bounded_int(low: int, high: int):
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not an integer: {text[:40]!r}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be an integer in [{low}, {high}], got {value}")
        return value

    parse.__name__ = "integer"
    return parse


def _tensor(text: str) -> tuple[int, str]:
    """``P=DELTA``: a tensor channel of order P with noise variance DELTA."""
    order, sep, value = text.partition("=")
    if not sep:
        raise argparse.ArgumentTypeError(f"expected P=DELTA (e.g. 3=1.0), got {text[:40]!r}")
    return _bounded_int(1, 1000)(order), _decimal(value)


def _float(name: str, text: str | None):
    """The float64 value of a checked decimal; ValueError if float64 cannot hold it."""
    if text is None:
        return None
    if text == INF:
        return math.inf
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{name} {text} overflows float64 (largest ~1.8e308); use --dps for exact arithmetic")
    if value == 0.0 and Fraction(text) != 0:
        raise ValueError(f"{name} {text} underflows float64 (smallest ~4.9e-324); use --dps for exact arithmetic")
    return value


def _input(name: str, text: str | None, dps=None):
    """An input echoed in the JSON record: its float, or with ``--dps`` the exact text where
    float64 cannot hold it."""
    if text is None or text == INF:
        return None if text is None else math.inf
    if dps is None:
        return _float(name, text)
    try:
        return _float(name, text)
    except ValueError:
        return text


def _value(name: str, text: str | None, dps):
    """What to pass the library: the exact text with ``--dps``, else the float."""
    if text is None or (dps is not None and text != INF):
        return text
    return _float(name, text)


# -- output ---------------------------------------------------------------------------------

def _num(x, dps=None):
    """A JSON value: numbers as numbers (``"inf"`` for infinity), mpf beyond a double as text."""
    if x is None or isinstance(x, (bool, np.bool_, str)):
        return bool(x) if isinstance(x, np.bool_) else x
    if isinstance(x, (int, np.integer)):
        return int(x)
    if isinstance(x, dict):
        return {str(k): _num(v, dps) for k, v in x.items()}
    if isinstance(x, (list, tuple, np.ndarray)):
        return [_num(v, dps) for v in (x.tolist() if isinstance(x, np.ndarray) and x.dtype != object else x)]
    if isinstance(x, mpmath.mpf) and dps is not None and dps > 15 and mpmath.isfinite(x):
        return mpmath.nstr(x, dps)
    value = float(x)
    if math.isnan(value):
        return None
    if math.isinf(value):
        return INF if value > 0 else "-" + INF
    return value


def _emit(args, out, record: dict, text: str, *, long: bool = False) -> None:
    """Print the JSON record (--json) or the text; a ``long`` text only when no --out is given."""
    if args.json:
        print(json.dumps(_num(record, getattr(args, "dps", None))), file=out)
    elif not (long and args.out):
        print(text, file=out)


def _write(args, out, obj, figure=None) -> None:
    if args.out is None:
        return
    path = _export.write(obj, args.out, figure=figure)
    if not args.json:
        print(f"wrote {path}", file=out)


def _record_table(record: dict) -> _export.Table:
    """A one-row table of the scalar fields of a record (for --out .csv/.nc)."""
    data, attrs = {}, {"version": theory.__version__}
    for k, v in record.items():
        if isinstance(v, (int, float, mpmath.mpf, np.floating, np.integer)) and not isinstance(v, bool):
            data[k] = np.array([float(v)])
        elif v is None or isinstance(v, (str, bool)):
            attrs[k] = _export._plain_attr(v)
    return _export.Table("row", np.array([0]), data, attrs)


def _check_out(args, figures: bool) -> None:
    """Refuse a bad --out suffix before the work (and check the folder exists)."""
    if getattr(args, "out", None) is None:
        return
    allowed = _export.TABLE_SUFFIXES + (_export.FIGURE_SUFFIXES if figures else ())
    _export.check_suffix(args.out, allowed)
    from pathlib import Path

    folder = Path(args.out).expanduser().resolve().parent
    if not folder.is_dir():
        raise ValueError(f"--out {args.out}: No such file or directory: {str(folder)!r}")


# -- the model ----------------------------------------------------------------------------

def _model(args, *, need_delta2: bool = True):
    """``theory.Model`` from ``--tensor`` (or None: the shorthand --p/--delta-p is used)."""
    if not getattr(args, "tensor", None):
        if args.p is None or args.delta_p is None:
            raise ValueError("give --p and --delta-p (or --tensor P=DELTA, repeatable)")
        if need_delta2 and getattr(args, "delta2", None) is None:
            raise ValueError("give --delta2 (a decimal, or inf for no matrix channel)")
        return None
    if args.p is not None or args.delta_p is not None:
        raise ValueError("give either --tensor P=DELTA or --p/--delta-p, not both")
    tensors = {}
    for order, value in args.tensor:
        if order in tensors:
            raise ValueError(f"--tensor: order {order} given twice")
        tensors[order] = value
    delta2 = getattr(args, "delta2", None) if need_delta2 else None
    if need_delta2 and delta2 is None:
        raise ValueError("give --delta2 (a decimal, or inf for no matrix channel)")
    return theory.Model(None if delta2 in (None, INF) else delta2, tensors)


def _call(fn, args, model, *, delta2=True, **kw):
    """Call ``fn`` with ``model=`` where it takes one, else with the one-channel shorthand."""
    dps = kw.get("dps")
    if model is None:
        shorthand = {"p": args.p, "delta_p": _value("--delta-p", args.delta_p, dps)}
        if delta2:
            shorthand["delta2"] = _value("--delta2", args.delta2, dps)
        return fn(**shorthand, **kw)
    if "model" in inspect.signature(fn).parameters:
        return fn(model=model, **kw)
    if len(model.tensors) != 1 or (delta2 and model.delta2 is None):
        raise ValueError(f"{fn.__name__} takes one tensor channel and a matrix channel here "
                         f"(--p, --delta2, --delta-p); a mixture needs {fn.__name__}(model=...)")
    ((p, delta_p),) = dict(model.tensors).items()
    shorthand = {"p": p, "delta_p": str(delta_p) if dps else float(delta_p)}
    if delta2:
        shorthand["delta2"] = str(model.delta2) if dps else float(model.delta2)
    return fn(**shorthand, **kw)


def _model_record(args, model, *, delta2: bool = True) -> dict:
    dps = getattr(args, "dps", None)
    if model is None:
        out = {"p": args.p, "delta_p": _input("--delta-p", args.delta_p, dps)}
        if isinstance(getattr(args, "delta2", None), str):
            out["delta2"] = _input("--delta2", args.delta2, dps)
        return out
    out = {"tensors": {str(k): float(v) for k, v in dict(model.tensors).items()}}
    if delta2:
        out["delta2"] = math.inf if model.delta2 is None else float(model.delta2)
    return out


# -- the commands ---------------------------------------------------------------------------

def _table(out) -> None:
    """Print the thresholds of every registered kind for p = 3..6 at a few Deltap."""
    width = max(len(k) for k in theory.kinds())
    print("Thresholds Delta2 of the spiked matrix-tensor model (arXiv:1907.08226)", file=out)
    header = f"{'p':>2}  {'kind':<{width}}  " + "  ".join(f"Deltap={d:<6}" for d in TABLE_DELTA_P)
    print(header, file=out)
    print("-" * len(header), file=out)
    for p in TABLE_P:
        for kind in theory.kinds():
            values = "  ".join(f"{theory.threshold(p, d, kind=kind):<13.8f}" for d in TABLE_DELTA_P)
            print(f"{p:>2}  {kind:<{width}}  {values}", file=out)
    print("\nThe information-theoretic transition is first order (Delta2_IT > 1, AMP suboptimal) for", file=out)
    for p in TABLE_P:
        print(f"  p={p}: Deltap < {theory.first_order_delta_p(p):.10f}   "
              f"(Delta2_IT infinite for Deltap <= {theory.tensor_recovery_delta_p(p):.10f})", file=out)


def _main_job(args, out) -> None:
    if args.main_json:
        rows = [{"p": p, "kind": kind, "delta_p": float(d), "delta2": _num(theory.threshold(p, d, kind=kind))}
                for p in TABLE_P for kind in theory.kinds() for d in TABLE_DELTA_P]
        record = {"thresholds": rows,
                  "first_order_delta_p": {str(p): theory.first_order_delta_p(p) for p in TABLE_P},
                  "tensor_recovery_delta_p": {str(p): theory.tensor_recovery_delta_p(p) for p in TABLE_P}}
    else:
        _table(out)
    diagram = theory.phase_diagram(3)
    for name in MAIN_FIGURES:
        diagram.save(name)
    if args.main_json:
        record["figures"] = list(MAIN_FIGURES)
        print(json.dumps(_num(record)), file=out)
    else:
        print(f"\nwrote {' and '.join(MAIN_FIGURES)} (phase diagram, p=3)", file=out)


def _cmd_threshold(args, out) -> None:
    _check_out(args, figures=False)
    model = _model(args, need_delta2=False)
    if model is None:
        if args.dps is None:
            _float("--delta-p", args.delta_p)  # float64 must hold it (else: use --dps)
        value = theory.threshold(args.p, args.delta_p, kind=args.kind, dps=args.dps)
    else:
        value = theory.threshold(model=model, kind=args.kind, dps=args.dps)
    text = mpmath.nstr(value, args.dps) if args.dps else repr(value)
    record = {**_model_record(args, model, delta2=False), "kind": args.kind, "dps": args.dps, "delta2": value}
    _emit(args, out, record, text)
    _write(args, out, _record_table(record))


def _grid(args) -> np.ndarray | None:
    lo = Fraction(args.delta_p_min) if args.delta_p_min is not None else None
    hi = Fraction(args.delta_p_max) if args.delta_p_max is not None else None
    if lo is None and hi is None:
        if args.points == DEFAULT_POINTS:
            return None
        inv = theory._phase_diagram.DEFAULT_INVERSE_DELTA_P
        return 1.0 / np.linspace(inv[0], inv[-1], args.points)[::-1]
    lo = lo if lo is not None else Fraction(1, 6)
    hi = hi if hi is not None else Fraction(100, 3)
    if not 0 < lo < hi:
        raise ValueError(f"need 0 < --delta-p-min < --delta-p-max, got {args.delta_p_min} and {args.delta_p_max}")
    lo_f, hi_f = _float("--delta-p-min", str(float(lo))), _float("--delta-p-max", str(float(hi)))
    return 1.0 / np.linspace(1 / hi_f, 1 / lo_f, args.points)[::-1]


def _cmd_phase_diagram(args, out) -> None:
    _check_out(args, figures=True)
    grid = _grid(args)
    kinds = args.kind or None
    if kinds:
        unknown = [k for k in kinds if k not in theory.kinds()]
        if unknown:
            raise ValueError(f"unknown kind {unknown[0]!r}; kinds: {', '.join(theory.kinds())}")
    diagram = theory.phase_diagram(args.p, grid, kinds=kinds, dps=args.dps, progress=args.progress)
    record = {"p": diagram.p, "dps": args.dps, "delta_p": np.asarray(diagram.delta_p, dtype=float),
              "thresholds": None, "first_order_delta_p": diagram.first_order_delta_p,
              "tensor_recovery_delta_p": diagram.tensor_recovery_delta_p}
    if args.json:
        record["thresholds"] = {k: list(v) for k, v in diagram.thresholds.items()}
        print(json.dumps(_num(record, args.dps)), file=out)
    elif args.out is None:
        names = list(diagram.thresholds)
        width = max(22, (args.dps or 0) + 8)
        print("  ".join(["delta_p".ljust(14), *(n.ljust(width) for n in names)]).rstrip(), file=out)
        for i, d in enumerate(diagram.delta_p):
            values = [mpmath.nstr(diagram.thresholds[n][i], args.dps or 15).ljust(width) for n in names]
            print("  ".join([format(float(d), ".10g").ljust(14), *values]).rstrip(), file=out)
    if args.out:
        path = _export.write(diagram, args.out)
        if not args.json:
            print(f"wrote {path} ({diagram!r})", file=out)


def _cmd_complexity(args, out) -> None:
    _check_out(args, figures=True)
    model = _model(args)
    dps = args.dps
    if args.m:
        m = [_value("--m", v, dps) for v in args.m]
    else:
        lo = _float("--m-min", args.m_min) if args.m_min is not None else -0.999
        hi = _float("--m-max", args.m_max) if args.m_max is not None else 0.999
        if not -1 < lo < hi < 1:
            raise ValueError(f"need -1 < --m-min < --m-max < 1, got {lo} and {hi}")
        m = np.linspace(lo, hi, args.points)
    if args.minima and (args.mu is not None or args.energy is not None):
        raise ValueError("--minima maximises over mu (and the energy): give neither --mu nor --energy")
    m_arg = np.array(m, dtype=object) if dps else np.asarray(m, dtype=float)
    if args.minima:
        sigma = _call(theory.complexity_of_minima, args, model, dps=dps, m=m_arg)
        name = "sigma_minima"
    else:
        sigma = _call(theory.complexity, args, model, dps=dps, m=m_arg, mu=_value("--mu", args.mu, dps),
                      energy=_value("--energy", args.energy, dps))
        name = "sigma"
    sigma = np.atleast_1d(np.asarray(sigma, dtype=object if dps else float))
    m_out = [mpmath.mpf(v) if dps else float(v) for v in m]
    record = {**_model_record(args, model), "mu": _input("--mu", args.mu, dps),
              "energy": _input("--energy", args.energy, dps), "dps": dps, "m": m_out, name: list(sigma)}
    lines = [f"{mpmath.nstr(a, 10) if dps else format(a, '.10g'):>14}  {mpmath.nstr(s, dps or 12)}"
             for a, s in zip(m_out, sigma)]
    _emit(args, out, record, f"{'m':>14}  {name}\n" + "\n".join(lines), long=True)
    if args.out:
        attrs = {k: _export._plain_attr(v) for k, v in record.items() if not isinstance(v, (list, dict))}
        attrs.update(version=theory.__version__, what="annealed complexity (Kac-Rice)")
        table = _export.Table("m", np.array([float(v) for v in m_out]), {name: np.array([float(s) for s in sigma])},
                              attrs)
        _write(args, out, table)


def _cmd_hessian(args, out) -> None:
    _check_out(args, figures=False)
    model = _model(args)
    dps = args.dps
    h = _call(theory.hessian, args, model, dps=dps, m=_value("--m", args.m, dps), mu=_value("--mu", args.mu, dps))
    record = {**_model_record(args, model), "m": _input("--m", args.m, dps), "mu": _input("--mu", args.mu, dps), "dps": dps,
              "bulk_lower": h.bulk_edges[0], "bulk_upper": h.bulk_edges[1], "outlier": h.outlier,
              "theta": h.theta, "s": h.s, "lowest": h.lowest, "is_minimum": bool(h.is_minimum)}
    show = (lambda x: mpmath.nstr(x, dps)) if dps else (lambda x: format(float(x), ".12g"))
    text = (f"bulk [{show(h.bulk_edges[0])}, {show(h.bulk_edges[1])}], "
            f"outlier {'none' if h.outlier is None else show(h.outlier)}, "
            f"theta {show(h.theta)}, s {show(h.s)}, {'a minimum' if h.is_minimum else 'not a minimum'}")
    _emit(args, out, record, text)
    _write(args, out, _record_table(record))


def _cmd_state_evolution(args, out) -> None:
    _check_out(args, figures=True)
    model = _model(args)
    dps = args.dps
    kw = {"kind": args.kind, "m0": _value("--m0", args.m0, dps), "iterations": args.iterations, "dps": dps}
    if args.tol is not None:
        kw["tol"] = _value("--tol", args.tol, dps)
    se = _call(theory.state_evolution, args, model, **kw)
    record = {**_model_record(args, model), "kind": se.kind, "m0": _input("--m0", args.m0, dps), "dps": dps,
              "converged": bool(se.converged), "fixed_point": se.fixed_point,
              "fixed_points": [{"m": fp, "stable": bool(st)} for fp, st in se.fixed_points],
              "iterates": list(se.iterates)}
    _emit(args, out, record, repr(se))
    _write(args, out, se)


def _steps_check(args) -> None:
    if args.dt is not None:
        t_max, dt = _float("--t-max", args.t_max), _float("--dt", args.dt)
        if dt > t_max:
            raise ValueError(f"--dt must be at most --t-max, got --dt {args.dt} and --t-max {args.t_max}")
        if dt > 0 and t_max / dt > MAX_STEPS:
            raise ValueError(f"--t-max/--dt = {t_max / dt:.3g} steps; at most {MAX_STEPS:.0e} from the command line")


def _cmd_gradient_flow(args, out) -> None:
    _check_out(args, figures=True)
    _steps_check(args)
    model = _model(args)
    kw = {"m0": _float("--m0", args.m0), "t_max": _float("--t-max", args.t_max), "dt": _float("--dt", args.dt),
          "progress": args.progress, "scheme": args.scheme}
    if args.temperature is not None:
        kw["temperature"] = _float("--temperature", args.temperature)
    run = _call(theory.gradient_flow, args, model, **kw)
    record = {**_model_record(args, model), "m0": run.m0, "t_max": run.t_max, "dt": run.dt,
              "temperature": run.temperature, "scheme": run.scheme, "interrupted": bool(run.interrupted),
              "escape_time": run.escape_time(), "m_final": run.m[-1], "mu_final": run.mu[-1],
              "energy_final": run.energy[-1], "t": run.t, "m": run.m, "mu": run.mu, "energy": run.energy}
    _emit(args, out, record, repr(run))
    _write(args, out, run)


def _cmd_dynamics_threshold(args, out) -> None:
    _check_out(args, figures=True)
    _steps_check(args)
    model = _model(args, need_delta2=False)
    kw = {"t_max": _float("--t-max", args.t_max), "dt": _float("--dt", args.dt), "progress": args.progress}
    if args.delta2:
        kw["delta2s"] = [_float("--delta2", d) for d in args.delta2]
    result = _call(theory.dynamics_threshold, args, model, delta2=False, **kw)
    record = {**_model_record(args, model, delta2=False), "value": result.value, "error": result.error,
              "half_time_value": result.half_time_value, "t_max": result.t_max, "dt": result.dt,
              "delta2s": list(result.delta2s), "rates": list(result.rates), "rate_errors": list(result.rate_errors)}
    _emit(args, out, record, repr(result))
    _write(args, out, result)


def _cmd_simulate(args, out) -> None:
    _check_out(args, figures=True)
    _steps_check(args)
    model = _model(args)
    kw = {"n": args.n, "m0": _float("--m0", args.m0), "t_max": _float("--t-max", args.t_max),
          "dt": _float("--dt", args.dt), "seed": args.seed, "progress": args.progress}
    run = _call(theory.simulate, args, model, **kw)
    record = {**_model_record(args, model), "n": run.n, "seed": args.seed, "dt": run.dt,
              "interrupted": bool(run.interrupted), "m_final": run.m[-1], "energy_final": run.energy[-1],
              "mu_final": run.mu[-1], "t": run.t, "m": run.m, "energy": run.energy, "mu": run.mu,
              "gradient_norm": run.gradient_norm}
    _emit(args, out, record, repr(run))
    _write(args, out, run)


# -- the parser -----------------------------------------------------------------------------

def _common(parser, *, out_help: str, dps: bool = True) -> None:
    parser.add_argument("--json", action="store_true",
                        help='print one JSON object (numbers as numbers, arrays as lists, infinity as "inf")')
    parser.add_argument("--out", default=None, metavar="FILE", help=out_help)
    if dps:
        parser.add_argument("--dps", type=_bounded_int(1, MAX_DPS), default=None,
                            help=f"decimal digits, 1..{MAX_DPS} (default: float64)")


def _model_options(parser, *, delta2: bool = True) -> None:
    g = parser.add_argument_group("the model (decimals are read exactly)")
    g.add_argument("--p", type=_bounded_int(-10**6, 10**6), default=None, help="tensor order, an integer >= 3")
    g.add_argument("--delta-p", type=_decimal, default=None, help="tensor noise variance Deltap")
    if delta2:
        g.add_argument("--delta2", type=_variance_text, default=None,
                       help="matrix noise variance Delta2 (inf: no matrix channel)")
    g.add_argument("--tensor", type=_tensor, action="append", default=None, metavar="P=DELTA",
                   help="a tensor channel of order P and variance DELTA, repeatable (a mixture; "
                        "instead of --p/--delta-p)")


_TABLE_OUT = "write the result to FILE: .csv or .nc (NetCDF)"
_FIGURE_OUT = "write the result to FILE: .csv, .nc (NetCDF), or a figure .png, .svg, .pdf"


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="spiked-theory",
        description="Landscape, thresholds and dynamics of the spiked matrix-tensor model "
                    "(arXiv:1907.08226, arXiv:1902.00139). Without a command: print a table of "
                    "thresholds for p = 3..6 and write the phase diagram of p = 3 to "
                    f"{' and '.join(MAIN_FIGURES)} in the working directory.",
        epilog=f"threshold kinds: {', '.join(theory.kinds())}.  JSON: numbers are JSON numbers "
               f"(strings only where --dps asks for more than a double's digits), infinity is \"{INF}\".",
    )
    parser.add_argument("--version", action="version", version=f"spiked-theory {theory.__version__}")
    parser.add_argument("--json", dest="main_json", action="store_true",
                        help="the main job's table as one JSON object (the figures are still written)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    t = sub.add_parser("threshold", help="one threshold Delta2 at given p and Deltap",
                       description="The threshold Delta2 of one kind at given tensor channel(s).")
    _model_options(t, delta2=False)
    t.add_argument("--kind", default="gradient_flow", help=f"one of: {', '.join(theory.kinds())}")
    _common(t, out_help="write the record to FILE: .csv or .nc (NetCDF)")
    t.set_defaults(run=_cmd_threshold)

    d = sub.add_parser("phase-diagram", help="every threshold on a grid of Deltap (table, data file or figure)",
                       description="Compute every threshold kind on a grid of Deltap (1/Deltap uniform); print "
                                   "the table, or write it (--out .csv/.nc) or the phase diagram figure "
                                   "(--out .png/.svg/.pdf: 1/Deltap across, 1/Delta2 up, regions labelled).")
    d.add_argument("--p", type=_bounded_int(-10**6, 10**6), required=True, help="tensor order, an integer >= 3")
    d.add_argument("--delta-p-min", type=_decimal, default=None, help="smallest Deltap (default 1/6)")
    d.add_argument("--delta-p-max", type=_decimal, default=None, help="largest Deltap (default 100/3)")
    d.add_argument("--points", type=_bounded_int(2, MAX_POINTS), default=DEFAULT_POINTS,
                   help=f"number of Deltap values, 2..{MAX_POINTS} (default {DEFAULT_POINTS})")
    d.add_argument("--kind", action="append", default=None,
                   help="a threshold kind (repeat for several; default: all registered)")
    d.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="progress bar (default: on a terminal only)")
    _common(d, out_help=_FIGURE_OUT)
    d.set_defaults(run=_cmd_phase_diagram)

    c = sub.add_parser("complexity", help="Kac-Rice complexity Sigma(m) of stationary points (or of minima)",
                       description="The annealed complexity Sigma(m, e, mu) with the quantities not given "
                                   "maximised out; --minima: the complexity of the local minima.")
    _model_options(c)
    c.add_argument("--m", type=_decimal, action="append", default=None,
                   help="an overlap in (-1, 1), repeatable (default: a grid)")
    c.add_argument("--m-min", type=_decimal, default=None, help="grid start (default -0.999)")
    c.add_argument("--m-max", type=_decimal, default=None, help="grid end (default 0.999)")
    c.add_argument("--points", type=_bounded_int(2, MAX_POINTS), default=201, help="grid size (default 201)")
    c.add_argument("--mu", type=_decimal, default=None, help="fix the multiplier mu (default: maximised out)")
    c.add_argument("--energy", type=_decimal, default=None, help="fix the energy e (default: maximised out)")
    c.add_argument("--minima", action="store_true", help="complexity of the local minima instead")
    _common(c, out_help=_FIGURE_OUT)
    c.set_defaults(run=_cmd_complexity)

    h = sub.add_parser("hessian", help="bulk edges and BBP outlier of the Hessian at (m, mu)",
                       description="Spectrum of the Riemannian Hessian at a stationary point of overlap m "
                                   "and multiplier mu: semicircle bulk and BBP outlier.")
    _model_options(h)
    h.add_argument("--m", type=_decimal, required=True, help="overlap, in (-1, 1)")
    h.add_argument("--mu", type=_decimal, required=True, help="multiplier mu (the shift of the spectrum)")
    _common(h, out_help=_TABLE_OUT)
    h.set_defaults(run=_cmd_hessian)

    s = sub.add_parser("state-evolution", help="state evolution of ML-AMP or Bayes-optimal AMP",
                       description="Iterate the state evolution of a message-passing algorithm and list "
                                   "the fixed points of its map.")
    _model_options(s)
    s.add_argument("--kind", default="ml_amp", choices=("ml_amp", "amp"), help="which algorithm (default ml_amp)")
    s.add_argument("--m0", type=_decimal, default="1e-6", help="initial overlap in [0, 1) (default 1e-6)")
    s.add_argument("--iterations", type=_bounded_int(1, MAX_ITERATIONS), default=100_000,
                   help="most steps (default 100000)")
    s.add_argument("--tol", type=_decimal, default=None, help="stop when two iterates differ by at most this")
    _common(s, out_help=_FIGURE_OUT)
    s.set_defaults(run=_cmd_state_evolution)

    g = sub.add_parser("gradient-flow", help="large-N gradient flow (DMFT) from a random start",
                       description="Integrate the large-N (DMFT) equations of gradient flow (Langevin with "
                                   "--temperature) from an initial overlap m0.")
    _model_options(g)
    g.add_argument("--m0", type=_decimal, default="1e-3", help="initial overlap in (0, 1) (default 1e-3)")
    g.add_argument("--t-max", type=_decimal, default="100", help="final time (default 100)")
    g.add_argument("--dt", type=_decimal, default=None, help="time step (default: chosen for stability)")
    g.add_argument("--temperature", type=_decimal, default=None, help="Langevin temperature (default 0)")
    g.add_argument("--scheme", default="extrapolated", choices=("extrapolated", "euler", "heun"),
                   help="integrator (default extrapolated: Richardson-extrapolated Euler)")
    g.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="progress bar (default: on a terminal only)")
    _common(g, out_help=_FIGURE_OUT, dps=False)
    g.set_defaults(run=_cmd_gradient_flow)

    y = sub.add_parser("dynamics-threshold", help="the gradient-flow threshold from the dynamics alone",
                       description="Locate Delta2_c from the plateau escape rates of gradient-flow runs "
                                   "below it (extrapolated to a zero rate).")
    _model_options(y, delta2=False)
    y.add_argument("--delta2", type=_decimal, action="append", default=None,
                   help="Delta2 of a run, below the threshold; repeatable (default: chosen by a scan)")
    y.add_argument("--t-max", type=_decimal, default="500", help="length of the runs (default 500)")
    y.add_argument("--dt", type=_decimal, default=None, help="time step (default: stable on the plateau)")
    y.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="progress bars (default: on a terminal only)")
    _common(y, out_help=_FIGURE_OUT, dps=False)
    y.set_defaults(run=_cmd_dynamics_threshold)

    m = sub.add_parser("simulate", help="gradient flow on a sampled instance at finite N",
                       description="Sample the model at size N and run gradient flow on the sphere.")
    _model_options(m)
    m.add_argument("--n", type=_bounded_int(2, 10**6), required=True, help="dimension N")
    m.add_argument("--m0", type=_decimal, default=None, help="initial overlap in [0, 1) (default: random start)")
    m.add_argument("--t-max", type=_decimal, required=True, help="duration")
    m.add_argument("--dt", type=_decimal, default=None, help="largest step (default: chosen for stability)")
    m.add_argument("--seed", type=_bounded_int(0, 2**63 - 1), required=True, help="random seed")
    m.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="progress bar (default: on a terminal only)")
    _common(m, out_help=_FIGURE_OUT, dps=False)
    m.set_defaults(run=_cmd_simulate)
    return parser


def _first_line(message) -> str:
    text = str(message).strip()
    return text.splitlines()[0] if text else type(message).__name__


def main(argv: list[str] | None = None, out=None) -> int:
    """Run the command line; returns the exit status."""
    out = sys.stdout if out is None else out
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is not None:
        args.json = getattr(args, "json", False) or args.main_json
    status = 0
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            if args.command is None:
                _main_job(args, out)
            else:
                args.run(args, out)
        except (OverflowError, ZeroDivisionError) as exc:
            hint = "; use --dps for exact arithmetic" if hasattr(args, "dps") else ""
            print(f"spiked-theory: error: float64 cannot resolve this ({type(exc).__name__}: "
                  f"{_first_line(exc)}){hint}", file=sys.stderr)
            status = 2
        except (ValueError, ArithmeticError, OSError, ImportError, theory.ConvergenceError,
                theory.PrecisionError) as exc:
            print(f"spiked-theory: error: {_first_line(exc)}", file=sys.stderr)
            status = 2
        except MemoryError:
            print("spiked-theory: error: out of memory (ask for a smaller computation)", file=sys.stderr)
            status = 2
        except KeyboardInterrupt:
            print("spiked-theory: interrupted", file=sys.stderr)
            status = 130
        except Exception as exc:  # a bug: still one line, no traceback, and a distinct status
            print(f"spiked-theory: internal error ({type(exc).__name__}: {_first_line(exc)}); "
                  f"please report it with the command line", file=sys.stderr)
            status = 1
    lines = list(dict.fromkeys(f"{w.category.__name__}: {_first_line(w.message)}" for w in caught))
    for line in lines[:MAX_WARNINGS]:
        print(f"spiked-theory: warning: {line}", file=sys.stderr)
    if len(lines) > MAX_WARNINGS:
        print(f"spiked-theory: warning: ... and {len(lines) - MAX_WARNINGS} more", file=sys.stderr)
    return status
