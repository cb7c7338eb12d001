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
    spiked-theory gradient-flow --p 3 --delta2 0.4 --delta-p 1 --m0 1e-3 --t-max 100 --out run.nc
    spiked-theory dynamics-threshold --p 3 --delta-p 1 --t-max 500
    spiked-theory simulate --p 3 --n 200 --delta2 0.4 --delta-p 1 --t-max 50 --seed 1

Every command takes ``--json`` (one JSON object on stdout: numbers as JSON numbers, arrays as
lists; a number is a string only where ``--dps`` asks for more digits than a double holds;
infinity is the string ``"inf"``, a missing value ``null``) and ``--out FILE`` (``.csv``,
``.nc`` NetCDF, or a figure ``.png``/``.svg``/``.pdf`` where the result draws one; the
suffix is checked before any work).  Numbers are decimals read exactly (``0.7`` is 7/10);
``--tensor P=DELTA`` (repeatable) gives a mixture of tensor channels instead of
``--p``/``--delta-p``, and ``--assumed-tensor``/``--assumed-delta2`` a mismatched loss.
Every parameter of the function behind a command is an option (except :data:`NOT_OFFERED`);
an option left out is not passed, so the function's own default applies (except
:data:`OTHER_DEFAULTS`).  Bad input exits with status 2 and a one-line message, never a
traceback; warnings are reported on one line each.  Ctrl-C exits with status 130 and one line,
and writes no ``--out`` file (files are written under a temporary name and renamed only once
complete; theory/_interrupt.py is the library's side of the contract).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import signal
import sys
import threading
import warnings
from fractions import Fraction
from pathlib import Path

import mpmath
import numpy as np

import theory
import theory._phase_diagram
from theory import _cli_phase_retrieval as _family
from theory._cli_types import MAX_DIGITS, MAX_EXPONENT, _bounded_int, _decimal  # noqa: F401  (bounds: public)
from theory import _export
from theory import _model
from theory._model import Model

DEFAULT_POINTS = len(theory._phase_diagram.DEFAULT_INVERSE_DELTA_P)

#: Deltap values of the main job's table.
TABLE_DELTA_P = ("0.5", "1", "2", "5")
TABLE_P = (3, 4, 5, 6)
#: Files the main job writes to the working directory.
MAIN_FIGURES = ("phase_diagram_p3.png", "phase_diagram_p3.svg")

#: Bounds of the command line (the library has its own checks; these keep every command quick
#: to refuse what cannot be meant: no hang on ``--delta-p 1e99999999``).
MAX_POINTS = 10_000
MAX_DPS = 1_000
MAX_ITERATIONS = 10_000_000
MAX_STEPS = 10_000_000
#: Integers of the model (orders) are read up to this size; the library says which it accepts
#: (orders 3 .. theory._validate.MAX_ORDER).
MAX_ORDER_TEXT = 10**6
#: Distinct warnings reported (one line each) before the rest is counted.
MAX_WARNINGS = 3
#: The JSON spelling of infinity.
INF = "inf"

#: The API's default tensor order (``threshold``, ``phase_diagram``, ``dynamics_threshold``).
DEFAULT_P = _model.DEFAULT_P

# -- what the command line offers of the API (tests walk the signatures against these) ------

#: The public function(s) behind each command.
FUNCTIONS = {
    "threshold": ("threshold",),
    "phase-diagram": ("phase_diagram",),
    "complexity": ("complexity", "complexity_of_minima"),
    "hessian": ("hessian",),
    "state-evolution": ("state_evolution",),
    "gradient-flow": ("gradient_flow",),
    "dynamics-threshold": ("dynamics_threshold",),
    "simulate": ("simulate",),
    "simulate-ensemble": ("simulate_ensemble",),
}

#: The option that gives an API parameter where it is not ``--`` and the name with dashes
#: (key ``"parameter"``, or ``"command:parameter"`` for one command).  Every other parameter
#: ``name`` is the option ``--name`` (``delta_p`` is ``--delta-p``); a threshold kind's options
#: (``**options`` of ``theory.threshold``) are options of ``threshold`` in the same way.
OPTIONS = {
    "model": "--tensor",              # the channels; the assumed ones: --assumed-tensor/--assumed-delta2
    "delta2s": "--delta2",            # dynamics-threshold: --delta2, repeated
    "kinds": "--kind",                # phase-diagram: --kind, repeated
    "phase-diagram:delta_p": "--delta-p-min",  # the grid: --delta-p-min, --delta-p-max, --points
    "simulate-ensemble:model": "--model",      # phase-retrieval (the default) with --loss, --a, --noise
    "simulate-ensemble:alphas": "--alpha",     # repeated
    "simulate-ensemble:ns": "--n",             # repeated
}

#: API parameters the command line does not offer, and why (docs/cli.md says the same).
NOT_OFFERED = {
    "certified": "threshold(certified=True) returns a flint.arb ball (python-flint, the optional flint "
                 "extra), a Python object; the command prints --dps digits certified by two precisions",
    "executor": "a Python object (a concurrent.futures.Executor, or a Dask client's "
                "get_executor()); the command line runs the sweep in its own process",
    "history": "the C(t,t') and R(t,t') matrices stay on the Python result (GradientFlowResult.C, .R); "
               "no output file of the command line holds a matrix",
    "sample": "hessian(model=PhaseRetrieval(...), sample=(h, h_star)): an array sample (e.g. the end of a "
              "descent) is not a command-line value; the command gives the Hessian at a random point of overlap --m",
}

#: Where the command line's default is not the API's, and why (docs/cli.md says the same).
#: Everywhere else an option left out is not passed, so the API's own default applies.
OTHER_DEFAULTS = {
    "threshold:delta_p": "required (or --tensor): the API's delta_p=None returns the curve "
                         "Delta2(Deltap), a Python object with no file format",
    "complexity:m": "a grid (--m-min, --m-max, --points; default 201 overlaps in [-0.999, 0.999]): "
                    "the command prints or draws the curve Sigma(m)",
    "simulate-ensemble:seeds": "--seeds K (default 8) runs the seeds 0..K-1 at every (N, alpha): a count, "
                               "not a list of seeds",
}

_INFINITY = ("inf", "+inf", "infinity")


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors (``spiked-theory: error: ...``), status 2."""

    def error(self, message):
        self.exit(2, f"{self.prog}: error: {message}\n")


# -- argument types -----------------------------------------------------------------------

def _variance_text(text: str) -> str:
    """A decimal, or ``inf`` (no such channel)."""
    return INF if text.strip().lower() in _INFINITY else _decimal(text)


def _window_text(text: str):
    """``auto``, ``none`` or an integer (checked by the library)."""
    text = text.strip().lower()
    if text in ("auto", "none"):
        return text
    return _bounded_int(-MAX_ORDER_TEXT, 10**9)(text)


def _tensor(text: str) -> tuple[int, str]:
    """``P=DELTA``: a tensor channel of order P with noise variance DELTA."""
    order, sep, value = text.partition("=")
    if not sep:
        raise argparse.ArgumentTypeError(f"expected P=DELTA (e.g. 3=1.0), got {text[:40]!r}")
    return _bounded_int(-MAX_ORDER_TEXT, MAX_ORDER_TEXT)(order), _decimal(value)


def _float(name: str, text: str | None, *, hint: bool = True):
    """The float64 value of a checked decimal; ValueError naming the option if float64 cannot
    hold it (``hint``: suggest ``--dps``, where the command has it)."""
    if text is None:
        return None
    if text == INF:
        return math.inf
    value = float(text)
    use = "; use --dps for exact arithmetic" if hint else ""
    sep = "" if name.endswith("=") else " "
    if not math.isfinite(value):
        raise ValueError(f"{name}{sep}{text} overflows float64 (largest ~1.8e308){use}")
    if value == 0.0 and Fraction(text) != 0:
        raise ValueError(f"{name}{sep}{text} underflows float64 (smallest ~4.9e-324){use}")
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
    if _SIGINT.seen:  # a Ctrl-C the library swallowed: print no result
        raise KeyboardInterrupt
    if args.json:
        print(json.dumps(_num(record, getattr(args, "dps", None))), file=out)
    elif not (long and args.out):
        print(text, file=out)


def _atomic(path, write) -> Path:
    """Run ``write(tmp)`` on a temporary name in the folder of ``path`` (same suffix), then rename
    it to ``path``: a file at ``path`` is always complete.  Ctrl-C (or any error) removes the
    temporary file and leaves ``path`` as it was."""
    return _atomic_all([(path, write)])[0]


def _atomic_all(jobs) -> list[Path]:
    """:func:`_atomic` for several files at once, all or nothing: every ``write(tmp)`` runs
    first, and the files are renamed into place only when all of them are complete."""
    done = []
    try:
        for path, write in jobs:
            target = Path(path).expanduser()
            tmp = target.with_name(f".{target.stem}.{os.getpid()}.part{target.suffix}")
            done.append((tmp, target))
            write(tmp)
        if _SIGINT.seen:  # a Ctrl-C the writer swallowed
            raise KeyboardInterrupt
        for tmp, target in done:
            os.replace(tmp, target)
    except BaseException:
        for tmp, _ in done:
            with contextlib.suppress(OSError):
                tmp.unlink()
        raise
    return [target for _, target in done]


def _write(args, out, obj, figure=None) -> None:
    if args.out is None:
        return
    path = _atomic(args.out, lambda tmp: _export.write(obj, tmp, figure=figure))
    if not args.json:
        print(f"wrote {path}", file=out)


def _record_table(record: dict) -> _export.Table:
    """A one-row table of the scalar fields of a record (for --out .csv/.nc)."""
    data, attrs = {}, {"version": theory.__version__}
    for k, v in record.items():
        if isinstance(v, (int, np.integer)) and not isinstance(v, bool):
            data[k] = np.array([int(v)])  # p = 3 stays an integer in .csv and .nc
        elif isinstance(v, (float, mpmath.mpf, np.floating)):
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
    folder = Path(args.out).expanduser().resolve().parent
    if not folder.is_dir():
        raise ValueError(f"--out {args.out}: No such file or directory: {str(folder)!r}")


# -- the model ----------------------------------------------------------------------------

def _exact(args) -> bool:
    """Whether numbers go to the library as exact text (``--dps``; every threshold, which reads
    decimals exactly) rather than as their float64 value (as a Python caller passing 0.7)."""
    return getattr(args, "dps", None) is not None or args.command == "threshold"


def _number(args, name: str, text: str):
    """What to pass the library for a decimal option: the float, or the exact text (checked to
    fit float64 unless ``--dps`` is given)."""
    if text == INF:
        return math.inf
    if getattr(args, "dps", None) is None:
        value = _float(name, text, hint=hasattr(args, "dps"))
        return text if _exact(args) else value
    return text


def _channels(args, pairs, option: str) -> dict:
    channels = {}
    for order, value in pairs:
        if order in channels:
            raise ValueError(f"{option}: order {order} given twice")
        channels[order] = _number(args, f"{option} {order}=", value)
    return channels


def _assumed(args, model: Model, *, delta2: bool) -> Model | None:
    """The variances the loss is built with (``--assumed-tensor``, ``--assumed-delta2``); the
    channels not named keep their true variance.  None: the loss uses the true ones."""
    tensors = getattr(args, "assumed_tensor", None) or ()
    a2 = getattr(args, "assumed_delta2", None) if delta2 else None
    if not tensors and a2 is None:
        return None
    assumed = dict(model.tensors)
    for order, value in _channels(args, tensors, "--assumed-tensor").items():
        if order not in assumed:
            raise ValueError(f"--assumed-tensor {order}=...: the model has no tensor of order {order} "
                             f"(orders: {', '.join(map(str, model.orders))})")
        assumed[order] = value
    if a2 is not None and model.delta2 is None:
        raise ValueError("--assumed-delta2: the model has no matrix channel (--delta2 inf)")
    d2 = model.delta2 if a2 is None else _number(args, "--assumed-delta2", a2)
    return Model(d2, assumed)


def _model_kwargs(args, *, delta2: bool = True, default_p: int | None = None) -> dict:
    """The model arguments of the call, mapped explicitly: the shorthand ``p=, delta2=, delta_p=``
    as given (the library resolves it, :meth:`theory.Model.of_call`), or ``model=`` built from
    ``--tensor`` and the assumed variances.

    ``delta2``: whether the function takes the matrix variance (the thresholds do not: it is
    what they compute).  ``default_p``: the API's default ``p`` where it has one (then ``--p``
    may be left out, and is not passed: the API's default applies).
    """
    tensors = getattr(args, "tensor", None)
    if tensors and (args.p is not None or getattr(args, "delta_p", None) is not None):
        raise ValueError("give either --tensor P=DELTA or --p/--delta-p, not both")
    d2_text = getattr(args, "delta2", None) if delta2 else None
    if delta2 and d2_text is None:
        raise ValueError("give --delta2 (a decimal, or inf for no matrix channel)")
    d2 = None if d2_text is None else _number(args, "--delta2", d2_text)
    assumed_given = bool(getattr(args, "assumed_tensor", None)) or getattr(args, "assumed_delta2", None) is not None
    if tensors:
        model = Model(None if d2 == math.inf else d2, _channels(args, tensors, "--tensor"))
    else:
        if (args.p is None and default_p is None) or args.delta_p is None:
            raise ValueError("give --p and --delta-p (or --tensor P=DELTA, repeatable)")
        shorthand = {"delta_p": _number(args, "--delta-p", args.delta_p)}
        if args.p is not None:
            shorthand["p"] = args.p
        if delta2:
            shorthand["delta2"] = d2
        if not assumed_given:
            return shorthand
        model = Model.of_call(**shorthand, need_delta2=delta2, defaults={"p": default_p})
    assumed = _assumed(args, model, delta2=delta2)
    return {"model": Model(model.delta2, dict(model.tensors), assumed)}


def _model_record(args, kw: dict, *, delta2: bool = True) -> dict:
    """The model in the JSON record: the shorthand or the ``--tensor`` channels as given, and
    the assumed variances of a mismatched loss."""
    dps = getattr(args, "dps", None)
    if getattr(args, "tensor", None):
        out = {"tensors": {str(k): _input("--tensor", text, dps) for k, text in args.tensor}}
    else:
        out = {"p": kw["model"].orders[0] if "model" in kw else kw.get("p", DEFAULT_P),
               "delta_p": _input("--delta-p", args.delta_p, dps)}
    if delta2:
        out["delta2"] = _input("--delta2", args.delta2, dps)
    model = kw.get("model")
    if model is not None and model.assumed is not None:
        a = model.assumed
        out["assumed_tensors"] = {str(k): _exact_float(v, dps) for k, v in a.tensors}
        if delta2:
            out["assumed_delta2"] = math.inf if a.delta2 is None else _exact_float(a.delta2, dps)
    return out


def _exact_float(x: Fraction, dps):
    """A model's exact variance in the record: its float, or the decimal text beyond float64."""
    try:
        value = float(x)
    except OverflowError:
        value = math.inf
    if dps is None or (math.isfinite(value) and value != 0.0):
        return value
    return mpmath.nstr(mpmath.mpf(x.numerator) / x.denominator, dps)


def _complete(result):
    """``result``, unless Ctrl-C cut it short (``interrupted=True``, theory/_interrupt.py): then
    the command stops as for a KeyboardInterrupt, printing and writing nothing."""
    if getattr(result, "interrupted", False) or _SIGINT.seen:
        raise KeyboardInterrupt
    return result


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
    diagram = _complete(theory.phase_diagram(3))
    _atomic_all([(name, diagram.save) for name in MAIN_FIGURES])  # both figures or none
    if args.main_json:
        record["figures"] = list(MAIN_FIGURES)
        print(json.dumps(_num(record)), file=out)
    else:
        print(f"\nwrote {' and '.join(MAIN_FIGURES)} (phase diagram, p=3)", file=out)


def _f(args, name: str, text: str | None):
    """A float option (``--dps`` suggested only where the command has it)."""
    return _float(name, text, hint=hasattr(args, "dps"))


def _given(args, **convert) -> dict:
    """The keyword arguments the user gave, each converted (``None``: passed as parsed).

    An option left out is not passed, so the library's own default applies (the command line
    has no defaults of its own; see :data:`OTHER_DEFAULTS` for the few it documents).
    """
    out = {}
    for name, conv in convert.items():
        value = getattr(args, name)
        if value is not None:
            out[name] = conv(args, "--" + name.replace("_", "-"), value) if conv else value
    return out


#: Options of the spiked model's commands, which ``--model phase-retrieval`` does not take.
_SPIKED_ONLY = ("p", "delta_p", "delta2", "tensor", "assumed_tensor", "assumed_delta2", "temperature", "overlaps",
                "full_output", "mu", "m0", "t_max", "dt")


def _other_family(args, out) -> bool:
    """``--model phase-retrieval``: run the family's command (theory/_cli_phase_retrieval.py) and
    return True.  Otherwise check that no option of that family was given and return False."""
    if _family.wants(args):
        spiked = ["--" + name.replace("_", "-") for name in _SPIKED_ONLY if getattr(args, name, None) is not None]
        if spiked:
            raise ValueError(f"--model {_family.MODEL} takes no {', '.join(spiked)} (options of the spiked model)")
        _family.run(args, out)
        if _SIGINT.seen:  # a Ctrl-C the library swallowed
            raise KeyboardInterrupt
        return True
    family = [f"--{name}" for name in ("a", "alpha", "preprocessing") if getattr(args, name, None) is not None]
    family += [f"--{name}" for name, default in (("loss", "square"), ("noise", "0"))
               if getattr(args, name, default) != default]
    if family:
        raise ValueError(f"{', '.join(family)}: for --model {_family.MODEL} only")
    return False


def _required(args, *names) -> None:
    """The options a spiked command needs (optional in the parser, where phase retrieval has none)."""
    missing = ["--" + name.replace("_", "-") for name in names if getattr(args, name) is None]
    if missing:
        raise ValueError(f"the following arguments are required: {', '.join(missing)}")


def _cmd_threshold(args, out) -> None:
    if _other_family(args, out):
        return
    _check_out(args, figures=False)
    if not getattr(args, "tensor", None) and args.delta_p is None:
        raise ValueError("give --delta-p (or --tensor P=DELTA, repeatable)")
    kw = _model_kwargs(args, delta2=False, default_p=DEFAULT_P)
    kw.update(_given(args, kind=None, dps=None, full_output=None,
                     temperature=_f, overlaps=None))
    result = theory.threshold(**kw)
    value = result.value if args.full_output else result
    text = mpmath.nstr(value, args.dps) if args.dps else repr(value)
    record = {**_model_record(args, kw, delta2=False), "kind": args.kind, "dps": args.dps, "delta2": value}
    if args.temperature is not None:
        record["temperature"] = kw["temperature"]
    if args.overlaps is not None:
        record["overlaps"] = args.overlaps
    if args.full_output:
        record.update(error=result.error, bracket=None if result.bracket is None else list(result.bracket))
        text = repr(result)
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
    kw = {}
    if args.tensor:
        if args.p is not None:
            raise ValueError("give either --tensor P=DELTA or --p, not both")
        # --tensor gives the channels' relative variances: the grid of Deltap scales them all.
        kw["model"] = Model(None, _channels(args, args.tensor, "--tensor"))
        kw["model"] = Model(None, dict(kw["model"].tensors), _assumed(args, kw["model"], delta2=False))
    elif args.assumed_tensor:
        raise ValueError("--assumed-tensor needs the channels as --tensor P=DELTA (the grid scales them)")
    elif args.p is not None:
        kw["p"] = args.p
    if grid is not None:
        kw["delta_p"] = grid
    if args.kind:
        kw["kinds"] = args.kind
    kw.update(_given(args, dps=None, progress=None))
    diagram = _complete(theory.phase_diagram(**kw))
    record = {"p": diagram.p, "dps": args.dps, "delta_p": np.asarray(diagram.delta_p, dtype=float),
              "thresholds": None, "first_order_delta_p": diagram.first_order_delta_p,
              "tensor_recovery_delta_p": diagram.tensor_recovery_delta_p}
    if args.tensor:
        record["tensors"] = {str(k): float(v) for k, v in kw["model"].tensors}
        if kw["model"].assumed is not None:
            record["assumed_tensors"] = {str(k): float(v) for k, v in kw["model"].assumed.tensors}
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
        path = _atomic(args.out, lambda tmp: _export.write(diagram, tmp))
        if not args.json:
            print(f"wrote {path} ({diagram!r})", file=out)


def _cmd_complexity(args, out) -> None:
    _check_out(args, figures=True)
    kw = _model_kwargs(args)
    dps = args.dps
    if args.m:
        m = [_number(args, "--m", v) for v in args.m]
    else:  # OTHER_DEFAULTS: the command draws the curve, so m defaults to a grid
        lo = _f(args, "--m-min", args.m_min) if args.m_min is not None else -0.999
        hi = _f(args, "--m-max", args.m_max) if args.m_max is not None else 0.999
        if not -1 < lo < hi < 1:
            raise ValueError(f"need -1 < --m-min < --m-max < 1, got {lo} and {hi}")
        m = np.linspace(lo, hi, args.points)
    if args.minima and (args.mu is not None or args.energy is not None):
        raise ValueError("--minima maximises over mu (and the energy): give neither --mu nor --energy")
    m_arg = np.array(m, dtype=object) if dps else np.asarray(m, dtype=float)
    kw.update(_given(args, dps=None))
    if args.minima:
        sigma = theory.complexity_of_minima(m_arg, **kw)
        name = "sigma_minima"
    else:
        kw.update(_given(args, mu=_number, energy=_number))
        sigma = theory.complexity(m_arg, **kw)
        name = "sigma"
    sigma = np.atleast_1d(np.asarray(sigma, dtype=object if dps else float))
    m_out = [mpmath.mpf(v) if dps else float(v) for v in m]
    record = {**_model_record(args, kw), "mu": _input("--mu", args.mu, dps),
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
    if _other_family(args, out):
        return
    _required(args, "m", "mu")
    _check_out(args, figures=False)
    kw = _model_kwargs(args)
    dps = args.dps
    kw.update(_given(args, m=_number, mu=_number, dps=None))
    h = theory.hessian(**kw)
    record = {**_model_record(args, kw), "m": _input("--m", args.m, dps), "mu": _input("--mu", args.mu, dps),
              "dps": dps, "bulk_lower": h.bulk_edges[0], "bulk_upper": h.bulk_edges[1], "outlier": h.outlier,
              "theta": h.theta, "s": h.s, "lowest": h.lowest, "is_minimum": bool(h.is_minimum)}
    show = (lambda x: mpmath.nstr(x, dps)) if dps else (lambda x: format(float(x), ".12g"))
    text = (f"bulk [{show(h.bulk_edges[0])}, {show(h.bulk_edges[1])}], "
            f"outlier {'none' if h.outlier is None else show(h.outlier)}, "
            f"theta {show(h.theta)}, s {show(h.s)}, {'a minimum' if h.is_minimum else 'not a minimum'}")
    _emit(args, out, record, text)
    _write(args, out, _record_table(record))


def _cmd_state_evolution(args, out) -> None:
    _check_out(args, figures=True)
    kw = _model_kwargs(args)
    dps = args.dps
    kw.update(_given(args, kind=None, m0=_number, iterations=None, tol=_number, dps=None))
    se = _complete(theory.state_evolution(**kw))
    record = {**_model_record(args, kw), "kind": se.kind, "m0": se.m0, "dps": dps,
              "converged": bool(se.converged), "fixed_point": se.fixed_point,
              "fixed_points": [{"m": fp, "stable": bool(st)} for fp, st in se.fixed_points],
              "iterates": list(se.iterates)}
    _emit(args, out, record, repr(se))
    _write(args, out, se)


def _steps_check(args) -> None:
    if args.dt is not None and args.t_max is not None:
        t_max, dt = _f(args, "--t-max", args.t_max), _f(args, "--dt", args.dt)
        if dt > t_max:
            raise ValueError(f"--dt must be at most --t-max, got --dt {args.dt} and --t-max {args.t_max}")
        if dt > 0 and t_max / dt > MAX_STEPS:
            raise ValueError(f"--t-max/--dt = {t_max / dt:.3g} steps; at most {MAX_STEPS:.0e} from the command line")


def _window(args, name, value):
    """``--window none`` is the API's ``window=None`` (the fixed history)."""
    return None if value == "none" else value


def _cmd_gradient_flow(args, out) -> None:
    _check_out(args, figures=True)
    _steps_check(args)
    kw = _model_kwargs(args)
    kw.update(_given(args, m0=_f, t_max=_f, dt=_f, temperature=_f, progress=None, scheme=None,
                     window=_window, stop_at=_f))
    run = _complete(theory.gradient_flow(**kw))
    record = {**_model_record(args, kw), "m0": run.m0, "t_max": run.t_max, "dt": run.dt,
              "temperature": run.temperature, "scheme": run.scheme, "window": run.window,
              "interrupted": bool(run.interrupted), "escape_time": run.escape_time(), "m_final": run.m[-1],
              "mu_final": run.mu[-1], "energy_final": run.energy[-1], "t": run.t, "m": run.m, "mu": run.mu,
              "energy": run.energy}
    _emit(args, out, record, repr(run))
    _write(args, out, run)


def _cmd_dynamics_threshold(args, out) -> None:
    _check_out(args, figures=True)
    _steps_check(args)
    if args.tensor or args.assumed_tensor:
        kw = _model_kwargs(args, delta2=False, default_p=DEFAULT_P)
    else:  # the API's defaults p=3, delta_p=1 apply to what is left out
        kw = _given(args, p=None, delta_p=_number)
    if args.delta2:
        kw["delta2s"] = [_f(args, "--delta2", d) for d in args.delta2]
    kw.update(_given(args, t_max=_f, dt=_f, m0=_f, temperature=_f, window=_window, progress=None))
    result = _complete(theory.dynamics_threshold(**kw))
    model = {"tensors": {str(k): float(v) for k, v in result.model.tensors}} if args.tensor \
        else {"p": result.p, "delta_p": result.delta_p}
    if result.model.assumed is not None:
        model["assumed_tensors"] = {str(k): float(v) for k, v in result.model.assumed.tensors}
    record = {**model, "value": result.value, "error": result.error, "temperature": result.temperature,
              "half_time_value": result.half_time_value, "t_max": result.t_max, "dt": result.dt,
              "window": result.window, "delta2s": list(result.delta2s), "rates": list(result.rates),
              "rate_errors": list(result.rate_errors)}
    _emit(args, out, record, repr(result))
    _write(args, out, result)


def _cmd_simulate(args, out) -> None:
    if _other_family(args, out):
        return
    _required(args, "t_max")
    _check_out(args, figures=True)
    _steps_check(args)
    kw = _model_kwargs(args)
    kw.update(_given(args, n=None, m0=_f, t_max=_f, dt=_f, seed=None, progress=None, memory_limit=_f,
                     dtype=None))
    run = _complete(theory.simulate(**kw))
    record = {**_model_record(args, kw), "n": run.n, "seed": args.seed, "dt": run.dt,
              "interrupted": bool(run.interrupted), "m_final": run.m[-1], "energy_final": run.energy[-1],
              "mu_final": run.mu[-1], "t": run.t, "m": run.m, "energy": run.energy, "mu": run.mu,
              "gradient_norm": run.gradient_norm}
    _emit(args, out, record, repr(run))
    _write(args, out, run)


def _cmd_simulate_ensemble(args, out) -> None:
    """Success-rate curves of phase retrieval (the only family of this command)."""
    if not _other_family(args, out):  # pragma: no cover (--model has one choice, the default)
        raise ValueError(f"simulate-ensemble needs --model {_family.MODEL}")


# -- the parser -----------------------------------------------------------------------------

def _common(parser, *, out_help: str, dps: bool = True) -> None:
    parser.add_argument("--json", action="store_true",
                        help='print one JSON object (numbers as numbers, arrays as lists, infinity as "inf")')
    parser.add_argument("--out", default=None, metavar="FILE", help=out_help)
    if dps:
        parser.add_argument("--dps", type=_bounded_int(1, MAX_DPS), default=None,
                            help=f"decimal digits, 1..{MAX_DPS} (default: float64)")


def _model_options(parser, *, delta2: bool = True, default_p: bool = False) -> None:
    g = parser.add_argument_group("the model (decimals are read exactly)")
    g.add_argument("--p", type=_bounded_int(-MAX_ORDER_TEXT, MAX_ORDER_TEXT), default=None,
                   help="tensor order, an integer >= 3" + (" (default 3)" if default_p else ""))
    g.add_argument("--delta-p", type=_decimal, default=None, help="tensor noise variance Deltap")
    if delta2:
        g.add_argument("--delta2", type=_variance_text, default=None,
                       help="matrix noise variance Delta2 (inf: no matrix channel)")
    g.add_argument("--tensor", type=_tensor, action="append", default=None, metavar="P=DELTA",
                   help="a tensor channel of order P and variance DELTA, repeatable (a mixture; "
                        "instead of --p/--delta-p)")
    _assumed_options(g, delta2=delta2)


def _assumed_options(g, *, delta2: bool) -> None:
    g.add_argument("--assumed-tensor", type=_tensor, action="append", default=None, metavar="P=DELTA",
                   help="a mismatched loss: the variance the loss assumes for the tensor of order P, "
                        "repeatable (default: the true one)")
    if delta2:
        g.add_argument("--assumed-delta2", type=_decimal, default=None,
                       help="a mismatched loss: the matrix variance the loss assumes (default: the true one)")


_TABLE_OUT = "write the result to FILE: .csv or .nc (NetCDF)"
_FIGURE_OUT = "write the result to FILE: .csv, .nc (NetCDF), or a figure .png, .svg, .pdf"


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="spiked-theory",
        description="Landscape, thresholds and dynamics of the spiked matrix-tensor model "
                    "(arXiv:1907.08226, arXiv:1902.00139). Without a command: print a table of "
                    "thresholds for p = 3..6 and write the phase diagram of p = 3 to "
                    f"{' and '.join(MAIN_FIGURES)} in the working directory.",
        epilog=f"threshold kinds: {', '.join(theory.kinds())}.  Phase retrieval (arXiv:2006.06997): "
               f"threshold, hessian, simulate and simulate-ensemble with --model {_family.MODEL}.  JSON: numbers are JSON numbers "
               f"(strings only where --dps asks for more than a double's digits), infinity is \"{INF}\".",
    )
    parser.add_argument("--version", action="version", version=f"spiked-theory {theory.__version__}")
    parser.add_argument("--json", dest="main_json", action="store_true",
                        help="the main job's table as one JSON object (the figures are still written)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    t = sub.add_parser("threshold", help="one threshold Delta2 at given p and Deltap",
                       description="The threshold Delta2 of one kind at given tensor channel(s).")
    _model_options(t, delta2=False, default_p=True)
    t.add_argument("--kind", default="gradient_flow", help=f"one of: {', '.join(theory.kinds())} "
                                                           "(default gradient_flow)")
    t.add_argument("--temperature", type=_decimal, default=None,
                   help="--kind langevin: the temperature T in [0, 1] (default 1, the Bayes-optimal one)")
    t.add_argument("--overlaps", default=None,
                   help="--kind trivialization: positive (m in [0, 1), the default) or all (m in (-1, 1))")
    t.add_argument("--full-output", action="store_true", default=None,
                   help="also report the error estimate and the bracket of the root")
    _common(t, out_help="write the record to FILE: .csv or .nc (NetCDF)")
    _family.add_arguments(t, "threshold")
    t.set_defaults(run=_cmd_threshold)

    d = sub.add_parser("phase-diagram", help="every threshold on a grid of Deltap (table, data file or figure)",
                       description="Compute every threshold kind on a grid of Deltap (1/Deltap uniform); print "
                                   "the table, or write it (--out .csv/.nc) or the phase diagram figure "
                                   "(--out .png/.svg/.pdf: 1/Deltap across, 1/Delta2 up, regions labelled).")
    dm = d.add_argument_group("the model")
    dm.add_argument("--p", type=_bounded_int(-MAX_ORDER_TEXT, MAX_ORDER_TEXT), default=None,
                   help="tensor order, an integer >= 3 (default 3)")
    dm.add_argument("--tensor", type=_tensor, action="append", default=None, metavar="P=DELTA",
                    help="a tensor channel of order P, repeatable (instead of --p): the grid's Deltap "
                         "scales every DELTA")
    _assumed_options(dm, delta2=False)
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
    h.add_argument("--m", type=_decimal, default=None,
                   help="overlap, in (-1, 1) (required for a spiked model; phase retrieval: default 0)")
    h.add_argument("--mu", type=_decimal, default=None,
                   help="multiplier mu (the shift of the spectrum; required for a spiked model)")
    h.add_argument("--alpha", type=_decimal, default=None,
                   help="--model phase-retrieval: the sample ratio M/N (required there)")
    _common(h, out_help=_TABLE_OUT)
    _family.add_arguments(h, "hessian")
    h.set_defaults(run=_cmd_hessian)

    s = sub.add_parser("state-evolution", help="state evolution of ML-AMP or Bayes-optimal AMP",
                       description="Iterate the state evolution of a message-passing algorithm and list "
                                   "the fixed points of its map.")
    _model_options(s)
    s.add_argument("--kind", default="ml_amp", choices=("ml_amp", "amp"), help="which algorithm (default ml_amp)")
    s.add_argument("--m0", type=_decimal, default=None, help="initial overlap in [0, 1) (default 1e-6)")
    s.add_argument("--iterations", type=_bounded_int(1, MAX_ITERATIONS), default=None,
                   help="most steps (default 100000)")
    s.add_argument("--tol", type=_decimal, default=None, help="stop when two iterates differ by at most this")
    _common(s, out_help=_FIGURE_OUT)
    s.set_defaults(run=_cmd_state_evolution)

    g = sub.add_parser("gradient-flow", help="large-N gradient flow (DMFT) from a random start",
                       description="Integrate the large-N (DMFT) equations of gradient flow (Langevin with "
                                   "--temperature) from an initial overlap m0.")
    _model_options(g)
    g.add_argument("--m0", type=_decimal, required=True,
                   help="initial overlap in (0, 1); small (1e-10 .. 1e-3) for a random start")
    g.add_argument("--t-max", type=_decimal, required=True, help="final time")
    g.add_argument("--dt", type=_decimal, default=None, help="time step (default: chosen for stability)")
    g.add_argument("--temperature", type=_decimal, default=None, help="Langevin temperature (default 0)")
    g.add_argument("--scheme", default=None,
                   help="integrator: extrapolated (Richardson-extrapolated Euler), euler, heun, bdf2 "
                        "(implicit, step growing as the dynamics slows; for long runs), or fdt (T > 0 only: "
                        "FDT closure on a doubling grid, experimental); default: bdf2 for a "
                        "gradient flow with --t-max above 1000 and no --dt or --window, else extrapolated")
    g.add_argument("--window", type=_window_text, default=None,
                   help="history thinning: auto (the default), none (every step), or an integer >= 8")
    g.add_argument("--stop-at", type=_decimal, default=None, help="end the run once m reaches this value")
    g.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="progress bar (default: on a terminal only)")
    _common(g, out_help=_FIGURE_OUT, dps=False)
    g.set_defaults(run=_cmd_gradient_flow)

    y = sub.add_parser("dynamics-threshold", help="the gradient-flow threshold from the dynamics alone",
                       description="Locate Delta2_c from the plateau escape rates of gradient-flow runs "
                                   "below it (extrapolated to a zero rate).")
    _model_options(y, delta2=False, default_p=True)
    y.add_argument("--delta2", type=_decimal, action="append", default=None,
                   help="Delta2 of a run, below the threshold; repeatable (default: chosen by a scan)")
    y.add_argument("--t-max", type=_decimal, default=None, help="length of the runs (default 2000)")
    y.add_argument("--dt", type=_decimal, default=None, help="time step (default: stable on the plateau)")
    y.add_argument("--m0", type=_decimal, default=None, help="initial overlap of the runs (default 1e-150)")
    y.add_argument("--temperature", type=_decimal, default=None,
                   help="0 (the default): gradient flow; 1 (a Bayes-optimal model): the Langevin threshold")
    y.add_argument("--window", type=_window_text, default=None,
                   help="history window of the runs: an integer >= 8 (default 64) or none (every step)")
    y.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="progress bars (default: on a terminal only)")
    _common(y, out_help=_FIGURE_OUT, dps=False)
    y.set_defaults(run=_cmd_dynamics_threshold)

    m = sub.add_parser("simulate", help="gradient flow on a sampled instance at finite N",
                       description="Sample the model at size N and run gradient flow on the sphere.")
    _model_options(m)
    m.add_argument("--n", type=_bounded_int(2, 10**6), required=True, help="dimension N")
    m.add_argument("--m0", type=_decimal, default=None, help="initial overlap in [0, 1) (default: random start)")
    m.add_argument("--t-max", type=_decimal, default=None, help="duration (required for a spiked model)")
    m.add_argument("--alpha", type=_decimal, default=None,
                   help="--model phase-retrieval: the sample ratio M/N (required there)")
    m.add_argument("--dt", type=_decimal, default=None, help="largest step (default: chosen for stability)")
    m.add_argument("--seed", type=_bounded_int(0, 2**63 - 1), required=True, help="random seed")
    m.add_argument("--memory-limit", type=_decimal, default=None, metavar="BYTES",
                   help="bytes the run may use (default 8 GiB); larger runs are refused before they start")
    m.add_argument("--dtype", default=None, help="storage of the tensors: float64 (the default) or float32")
    m.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="progress bar (default: on a terminal only)")
    _common(m, out_help=_FIGURE_OUT, dps=False)
    _family.add_arguments(m, "simulate")
    m.set_defaults(run=_cmd_simulate)

    e = sub.add_parser("simulate-ensemble", help="phase retrieval: success rate of gradient descent against alpha",
                       description="Run gradient descent on sampled phase-retrieval instances at every (N, alpha) "
                                   "for seeds 0..K-1: success rates with 95% Wilson intervals, the 50% point per N "
                                   "and its finite-size extrapolation.")
    e.add_argument("--model", default=_family.MODEL, choices=(_family.MODEL,),
                   help=f"the model family (default {_family.MODEL}, the only one of this command)")
    _common(e, out_help=_FIGURE_OUT, dps=False)
    _family.add_arguments(e, "simulate-ensemble")
    e.set_defaults(run=_cmd_simulate_ensemble)
    return parser


def _first_line(message) -> str:
    text = str(message).strip()
    return text.splitlines()[0] if text else type(message).__name__


class _Sigint:
    """Whether SIGINT arrived while a command ran.

    The library turns Ctrl-C into a result with ``interrupted=True``, or lets the
    ``KeyboardInterrupt`` propagate (theory/_interrupt.py); either way, and also if a caller
    inside swallowed it or met an error because of it, the command exits with 130.
    """

    def __init__(self):
        self.seen = False

    def _handler(self, signum, frame):
        self.seen = True
        raise KeyboardInterrupt

    @contextlib.contextmanager
    def watch(self):
        self.seen = False
        previous = signal.getsignal(signal.SIGINT)
        # Not from another thread (signal.signal would fail), and not where SIGINT is ignored
        # (a background job keeps ignoring it).
        if threading.current_thread() is not threading.main_thread() or previous == signal.SIG_IGN:
            yield self
            return
        signal.signal(signal.SIGINT, self._handler)
        try:
            yield self
        finally:
            signal.signal(signal.SIGINT, signal.default_int_handler if previous is None else previous)


_SIGINT = _Sigint()

#: What an interrupted command prints (on stderr; it writes no file and prints no result).
INTERRUPTED = "spiked-theory: interrupted (Ctrl-C); no output written"


def _run(args, out) -> tuple[int, str | None]:
    """Run the command: its exit status and error line (KeyboardInterrupt propagates)."""
    try:
        if args.command is None:
            _main_job(args, out)
        else:
            args.run(args, out)
        return 0, None
    except (OverflowError, ZeroDivisionError) as exc:
        hint = "; use --dps for exact arithmetic" if hasattr(args, "dps") else ""
        return 2, (f"spiked-theory: error: float64 cannot resolve this ({type(exc).__name__}: "
                   f"{_first_line(exc)}){hint}")
    except (ValueError, ArithmeticError, OSError, ImportError, theory.ConvergenceError,
            theory.PrecisionError) as exc:
        return 2, f"spiked-theory: error: {_first_line(exc)}"
    except MemoryError:
        return 2, "spiked-theory: error: out of memory (ask for a smaller computation)"
    except Exception as exc:  # a bug: still one line, no traceback, and a distinct status
        return 1, (f"spiked-theory: internal error ({type(exc).__name__}: {_first_line(exc)}); "
                   f"please report it with the command line")


def _about_interrupt(w) -> bool:
    return issubclass(w.category, theory.Interrupted) or "interrupt" in str(w.message).lower()


def main(argv: list[str] | None = None, out=None) -> int:
    """Run the command line; returns the exit status (130 after Ctrl-C, with no output file)."""
    out = sys.stdout if out is None else out
    message = None
    with _SIGINT.watch() as sigint, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            args = build_parser().parse_args(argv)
            if args.command is not None:
                args.json = getattr(args, "json", False) or args.main_json
            status, message = _run(args, out)
        except KeyboardInterrupt:
            status = 130
        if sigint.seen:
            status = 130
    if status == 130:
        caught = [w for w in caught if not _about_interrupt(w)]
    elif message:
        print(message, file=sys.stderr)
    lines = list(dict.fromkeys(f"{w.category.__name__}: {_first_line(w.message)}" for w in caught))
    for line in lines[:MAX_WARNINGS]:
        print(f"spiked-theory: warning: {line}", file=sys.stderr)
    if len(lines) > MAX_WARNINGS:
        print(f"spiked-theory: warning: ... and {len(lines) - MAX_WARNINGS} more", file=sys.stderr)
    if status == 130:
        print(INTERRUPTED, file=sys.stderr)
    return status
