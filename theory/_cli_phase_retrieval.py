"""Command line of the phase-retrieval family (``--model phase-retrieval``).

Four commands, each a set of options added to an argparse parser by :func:`add_arguments`
and run by :func:`run`::

    spiked-theory threshold --model phase-retrieval --loss regularised --a 0.01 --kind initial_curvature
    spiked-theory threshold --model phase-retrieval --kind spectral --preprocessing trim:3
    spiked-theory threshold --model phase-retrieval --loss regularised --kind gradient_flow --allow-negative-complexity
    spiked-theory hessian   --model phase-retrieval --loss square --alpha 6 --m 0
    spiked-theory simulate  --model phase-retrieval --loss regularised --n 500 --alpha 3 --seed 1
    spiked-theory simulate-ensemble --model phase-retrieval --alpha 2 --alpha 3 --alpha 4 --n 100 --n 200 --seeds 16

Every command takes ``--json`` (one JSON object: numbers as numbers, arrays as lists, nan as
``null``, infinity as ``"inf"``) and ``--out FILE`` (``.csv``/``.nc`` tables; ``.png``/``.svg``/
``.pdf`` figures where the result draws one), written through :func:`theory._export.write` to a
temporary name and renamed only when the result is complete: a run stopped by Ctrl-C raises
``KeyboardInterrupt`` here (the CLI exits 130) and leaves no file.

``theory/cli.py`` hooks this module in: for each command, ``add_arguments(subparser, command)``
(options already on the subparser are left as they are), and ``run(args, out)`` when
``args.model == "phase-retrieval"``.  :func:`build_parser` is a stand-alone parser with the four
commands (``python -m theory._cli_phase_retrieval``).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from pathlib import Path

import numpy as np

from theory._cli_types import _bounded_int, _decimal

__all__ = ["COMMANDS", "MODEL", "add_arguments", "build_parser", "run", "wants", "main"]

#: The value of ``--model`` that selects this family.
MODEL = "phase-retrieval"
#: The commands of the family.
COMMANDS = ("threshold", "hessian", "simulate", "simulate-ensemble")
#: ``threshold --model phase-retrieval`` without ``--kind``: the one kind defined for every
#: ``PhaseRetrieval`` (either loss, any label noise).  The host CLI's default, ``gradient_flow``,
#: refuses by default for this family (its 1RSB ansatz fails a check; docs/phase_retrieval.md).
DEFAULT_KIND = "weak_recovery"


class _HostDefault(str):
    """The host CLI's default ``--kind`` value, marked so that :func:`_threshold` can tell it from a
    ``--kind`` the user typed (it compares and prints as the plain string for the host)."""

def _int_in(low: int, high: int):
    """argparse type: the host CLI's integer in ``[low, high]``."""
    return _bounded_int(low, high)


def _add(parser, *names, **kw) -> None:
    """``parser.add_argument`` unless one of ``names`` is already there (the host CLI's own option wins)."""
    if any(name in parser._option_string_actions for name in names):
        return
    parser.add_argument(*names, **kw)


def add_arguments(parser: argparse.ArgumentParser, command: str) -> None:
    """Add the options of ``command`` (one of :data:`COMMANDS`) for the phase-retrieval family.

    Options already defined on ``parser`` (``--json``, ``--out``, ``--kind``, ``--n``, ``--seed``,
    ``--progress`` in the host CLI) are kept as they are.
    """
    if command not in COMMANDS:
        raise ValueError(f"command must be one of {', '.join(COMMANDS)}, got {command!r}")
    _add(parser, "--model", default=None, choices=(MODEL,), help="the model family (phase-retrieval)")
    g = parser.add_argument_group("phase retrieval (--model phase-retrieval)")
    _add(g, "--loss", default="square", choices=("square", "regularised"),
         help="square (h^2-y)^2/4 or regularised (h^2-y)^2/(4(a+y)) (default square)")
    _add(g, "--a", type=_decimal, default=None, help="the regulariser a > 0 of the regularised loss (default 0.01)")
    _add(g, "--noise", type=_decimal, default="0", help="label noise variance >= 0 (default 0)")
    if command == "threshold":
        host = parser._option_string_actions.get("--kind")
        if host is not None and isinstance(host.default, str) and not isinstance(host.default, _HostDefault):
            host.default = _HostDefault(host.default)  # the host's default, not a choice of the user
        _add(g, "--kind", default=DEFAULT_KIND,
             help=f"the threshold kind (theory.kinds(model=...); default {DEFAULT_KIND})")
        _add(g, "--preprocessing", default=None,
             help="spectral kind: 'optimal' or 'trim:C' (T = min(y, C)); default the library's")
        _add(g, "--dps", type=_int_in(1, 1000), default=None, help="decimal digits (default float64)")
        _add(g, "--allow-negative-complexity", action="store_true",
             help="gradient_flow kind: return the 1RSB ansatz's threshold even where its marginal states have "
                  "negative complexity (check_complexity=False)")
        _add(g, "--states", choices=("most_numerous", "marginal"), default=None,
             help="gradient_flow kind: the 1RSB states whose BBP is the threshold (default most_numerous)")
    elif command == "hessian":
        _add(g, "--alpha", type=_decimal, required=True, help="sample ratio M/N")
        _add(g, "--m", type=_decimal, default="0", help="overlap of the random point (default 0: a random start)")
        _add(g, "--dps", type=_int_in(1, 1000), default=None, help="decimal digits (default float64)")
    elif command == "simulate":
        _add(g, "--alpha", type=_decimal, required=True, help="sample ratio M/N")
        _add(g, "--n", type=_int_in(8, 10**7), required=True, help="dimension N")
        _add(g, "--seed", type=_int_in(0, 2**63 - 1), default=None, help="random seed (default: fresh entropy)")
        _simulation_options(g)
    else:
        _add(g, "--alpha", type=_decimal, action="append", required=True, help="a sample ratio; repeatable")
        _add(g, "--n", type=_int_in(8, 10**7), action="append", required=True, help="a dimension N; repeatable")
        _add(g, "--seeds", type=_int_in(1, 10**6), default=8, help="runs per (N, alpha): seeds 0..K-1 (default 8)")
        _add(g, "--scaling", default="log",
             help="finite-size form of the 50%% extrapolation: 'log' (c/log N) or an exponent nu (c N^-nu)")
        _add(g, "--workers", type=_int_in(1, 1024), default=1, help="processes (default 1: serial)")
        _simulation_options(g)
    _add(parser, "--json", action="store_true", help="print one JSON object")
    _add(parser, "--out", default=None, metavar="FILE",
         help="write the result: .csv or .nc (NetCDF), or a figure .png, .svg, .pdf")


def _simulation_options(g) -> None:
    from theory._pr_simulation import DEFAULTS

    _add(g, "--max-steps", type=_int_in(1, 10**7), default=DEFAULTS["max_steps"],
         help=f"step budget (default {DEFAULTS['max_steps']})")
    _add(g, "--success-level", type=_decimal, default=str(DEFAULTS["success_level"]),
         help=f"success when |m| reaches this (default {DEFAULTS['success_level']})")
    _add(g, "--gtol", type=_decimal, default=str(DEFAULTS["gtol"]),
         help=f"stalled when |grad|/sqrt(N) < this (default {DEFAULTS['gtol']})")
    _add(g, "--rtol", type=_decimal, default=str(DEFAULTS["rtol"]),
         help=f"stalled when the loss falls by less than this (relative) over --window steps "
              f"(default {DEFAULTS['rtol']})")
    _add(g, "--window", type=_int_in(1, 10**7), default=DEFAULTS["window"],
         help=f"steps of the stall window (default {DEFAULTS['window']})")
    _add(g, "--reestimate-every", type=_int_in(1, 10**7), default=DEFAULTS["reestimate_every"],
         help=f"re-estimate the step 1/lambda every this many steps (default {DEFAULTS['reestimate_every']})")
    _add(g, "--diagnostics", action=argparse.BooleanOptionalAction, default=None,
         help="the end-of-run Hessian by Lanczos (default on; --no-diagnostics skips it)")
    _add(g, "--dtype", default="float64", choices=("float64", "float32"), help="storage of the matrix")
    _add(g, "--memory-limit", type=_decimal, default=None, metavar="BYTES",
         help="bytes a run may use (default 8 GiB); larger runs are refused before they start")
    _add(g, "--progress", action=argparse.BooleanOptionalAction, default=None,
         help="progress bar (default: on a terminal only)")


def wants(args) -> bool:
    """Whether ``args`` ask for this family (``--model phase-retrieval``)."""
    return getattr(args, "model", None) == MODEL


# -- running --------------------------------------------------------------------------------

def _float(name: str, text):
    if text is None:
        return None
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{name} {text} overflows float64")
    return value


def _model(args):
    from theory import PhaseRetrieval

    a = _float("--a", getattr(args, "a", None))
    if args.loss == "square" and a is not None:
        raise ValueError(f"--a: only the regularised loss has a regulariser (--loss square, got --a {args.a})")
    return PhaseRetrieval(args.loss, a=a, noise=_float("--noise", getattr(args, "noise", "0")))


def _json(x):
    """A JSON value: numbers as numbers, nan as null, infinity as "inf", arrays as lists."""
    if x is None or isinstance(x, (bool, str)):
        return x
    if isinstance(x, np.bool_):
        return bool(x)
    if isinstance(x, (int, np.integer)):
        return int(x)
    if isinstance(x, dict):
        return {str(k): _json(v) for k, v in x.items()}
    if isinstance(x, (list, tuple, np.ndarray)):
        return [_json(v) for v in (x.tolist() if isinstance(x, np.ndarray) else x)]
    try:
        value = float(x)
    except (TypeError, ValueError):
        return str(x)
    if math.isnan(value):
        return None
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    return value


def _model_record(model) -> dict:
    return {"model": MODEL, "loss": model.loss, "a": model.a, "noise": model.noise}


def _check_out(path) -> None:
    if path is None:
        return
    from theory import _export

    _export.check_suffix(path)
    folder = Path(path).expanduser().resolve().parent
    if not folder.is_dir():
        raise ValueError(f"--out {path}: No such file or directory: {str(folder)!r}")


def _write(path, table, draw, out, quiet: bool) -> None:
    """Write ``table`` (a theory._export.Table) or the figure ``draw(ax)`` to ``path``, through a
    temporary name in the same folder, renamed when complete."""
    if path is None:
        return
    from theory import _export

    path = Path(path).expanduser()
    suffix = _export.check_suffix(path)
    tmp = path.with_name(f".{path.stem}.partial-{os.getpid()}{suffix}")
    try:
        if suffix in _export.FIGURE_SUFFIXES:
            if draw is None:
                raise ValueError(f"--out {path}: this result has no figure; use .csv or .nc")
            _export.write(table, tmp, figure=lambda _, ax: draw(ax))
        else:
            _export.write(table, tmp)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    if not quiet:
        print(f"wrote {path}", file=out)


def _one_row(record: dict):
    """A one-row Table of the scalar fields of a record (strings and None as attributes)."""
    import theory
    from theory._export import Table

    data, attrs = {}, {"version": theory.__version__}
    for k, v in record.items():
        if isinstance(v, (bool, np.bool_)):
            attrs[k] = int(v)
        elif isinstance(v, (int, float, np.floating, np.integer)) or hasattr(v, "_mpf_"):
            data[k] = np.array([float(v)])
        elif v is None or isinstance(v, str):
            attrs[k] = "none" if v is None else v
    return Table("row", np.array([0]), data, attrs)


def _emit(args, out, record: dict, text: str) -> None:
    if args.json:
        print(json.dumps(_json(record)), file=out)
    else:
        print(text, file=out)


def _preprocessing(text):
    if text is None:
        return None
    if text == "optimal":
        return "optimal"
    kind, sep, c = text.partition(":")
    if kind == "trim" and sep:
        return ("trim", float(_decimal(c)))
    raise ValueError(f"--preprocessing must be 'optimal' or 'trim:C', got {text!r}")


def _threshold(args, out) -> None:
    import theory

    _check_out(args.out)
    model = _model(args)
    kind = DEFAULT_KIND if isinstance(args.kind, _HostDefault) else args.kind
    kw = {"model": model, "kind": kind}
    if args.dps is not None:
        kw["dps"] = args.dps
    pre = _preprocessing(getattr(args, "preprocessing", None))
    if pre is not None:
        kw["preprocessing"] = pre
    if getattr(args, "allow_negative_complexity", False):
        if kind != "gradient_flow":
            raise ValueError("--allow-negative-complexity: for --kind gradient_flow only")
        kw["check_complexity"] = False
    if getattr(args, "states", None) is not None:
        if kind != "gradient_flow":
            raise ValueError("--states: for --kind gradient_flow only")
        kw["states"] = args.states
    value = theory.threshold(**kw)
    number = getattr(value, "value", value)
    text = repr(value)
    if args.dps is not None:
        import mpmath

        text = mpmath.nstr(number, args.dps)
    record = {**_model_record(model), "kind": kind, "dps": args.dps,
              "preprocessing": getattr(args, "preprocessing", None),
              "alpha": text if (args.dps is not None and args.dps > 15) else float(number)}
    _emit(args, out, record, text)
    _write(args.out, _one_row({k: v for k, v in record.items() if k != "alpha"} | {"alpha": float(number)}),
           None, out, args.json)


def _hessian(args, out) -> None:
    import theory

    _check_out(args.out)
    model = _model(args)
    kw = {"model": model, "alpha": _float("--alpha", args.alpha), "m": _float("--m", args.m)}
    if args.dps is not None:
        kw["dps"] = args.dps
    result = theory.hessian(**kw)
    record = {**_model_record(model), "alpha": kw["alpha"], "m": result.m, "dps": args.dps}
    for name in ("bulk_edges", "outlier", "mu", "overlap"):
        value = getattr(result, name, None)
        record[name] = list(value) if isinstance(value, tuple) else value
    _emit(args, out, record, repr(result))
    _write(args.out, result, lambda ax: result.plot(ax=ax), out, args.json)


def _options(args) -> dict:
    options = dict(max_steps=args.max_steps, success_level=_float("--success-level", args.success_level),
                   gtol=_float("--gtol", args.gtol), rtol=_float("--rtol", args.rtol), window=args.window,
                   reestimate_every=args.reestimate_every,
                   diagnostics=True if args.diagnostics is None else args.diagnostics,
                   dtype=args.dtype or "float64")  # the host's --dtype defaults to None
    if args.memory_limit is not None:
        options["memory_limit"] = _float("--memory-limit", args.memory_limit)
    return options


def _simulate(args, out) -> None:
    import theory

    _check_out(args.out)
    model = _model(args)
    r = theory.simulate(model=model, n=args.n, alpha=_float("--alpha", args.alpha), seed=args.seed,
                        progress=args.progress, **_options(args))
    if r.interrupted:
        raise KeyboardInterrupt  # the CLI exits 130 and writes nothing
    record = {**_model_record(model), "n": r.n, "alpha": r.alpha, "seed": args.seed, "outcome": r.outcome,
              "success": r.success, "steps": r.steps, "m_final": float(r.m[-1]), "loss_final": float(r.loss[-1]),
              "lowest": r.lowest, "overlap": r.overlap, "mu": r.mu, "seconds": r.seconds,
              "t": r.t, "m": r.m, "loss_values": r.loss, "gradient_norm": r.gradient_norm}
    _emit(args, out, record, repr(r))
    _write(args.out, r.table(), r._draw, out, args.json)


def _ensemble(args, out) -> None:
    import theory

    _check_out(args.out)
    model = _model(args)
    scaling = args.scaling if args.scaling == "log" else _float("--scaling", _decimal(args.scaling))
    options = _options(args)
    alphas = [_float("--alpha", a) for a in args.alpha]
    executor = None
    if args.workers > 1:
        import concurrent.futures as cf

        executor = cf.ProcessPoolExecutor(args.workers)
    try:
        e = theory.simulate_ensemble(model=model, alphas=alphas, ns=args.n, seeds=range(args.seeds),
                                     executor=executor, progress=args.progress, scaling=scaling, **options)
    finally:
        if executor is not None:
            executor.shutdown(cancel_futures=True)
    if e.interrupted:
        raise KeyboardInterrupt
    record = {**_model_record(model), "alphas": list(e.alphas), "ns": list(e.ns), "seeds": len(e.seeds),
              "rate": e.rate, "ci_low": e.ci_low, "ci_high": e.ci_high, "successes": e.successes,
              "trials": e.trials, "alpha_50": e.alpha_50, "alpha_50_error": e.alpha_50_error,
              "alpha_inf": e.alpha_inf, "alpha_inf_error": e.alpha_inf_error, "scaling": str(e.scaling)}
    lines = [repr(e), f"{'N':>7} {'alpha':>8} {'rate':>6}  95% Wilson"]
    for i, n in enumerate(e.ns):
        for j, a in enumerate(e.alphas):
            lines.append(f"{n:>7} {a:>8.4g} {e.rate[i, j]:>6.3f}  [{e.ci_low[i, j]:.3f}, {e.ci_high[i, j]:.3f}]")
    _emit(args, out, record, "\n".join(lines))
    _write(args.out, e.table(), e._draw, out, args.json)


_RUNNERS = {"threshold": _threshold, "hessian": _hessian, "simulate": _simulate, "simulate-ensemble": _ensemble}


def run(args, out=None) -> None:
    """Run the command ``args.command`` (one of :data:`COMMANDS`) for the phase-retrieval family.

    Prints text or (``--json``) one JSON object to ``out``; writes ``--out``.  Bad input raises
    ``ValueError``; an interrupted run raises ``KeyboardInterrupt`` (no file is written).
    """
    out = sys.stdout if out is None else out
    try:
        runner = _RUNNERS[args.command]
    except KeyError:
        raise ValueError(f"the phase-retrieval family has the commands {', '.join(COMMANDS)}; "
                         f"got {args.command!r}") from None
    if args.command in ("hessian", "simulate") and getattr(args, "alpha", None) is None:
        # the host CLI's --alpha is optional (a spiked model has none)
        raise ValueError(f"{args.command} --model {MODEL} needs --alpha (the sample ratio M/N)")
    runner(args, out)


def build_parser() -> argparse.ArgumentParser:
    """A stand-alone parser with the four commands of the family (``--model`` defaults to it)."""
    parser = argparse.ArgumentParser(prog="spiked-theory", description="Phase retrieval (arXiv:2006.06997).")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in COMMANDS:
        p = sub.add_parser(command)
        add_arguments(p, command)
        p.set_defaults(model=MODEL)
    return parser


def main(argv=None, out=None) -> int:
    """Run the stand-alone parser; returns the exit status (2 bad input, 130 Ctrl-C)."""
    args = build_parser().parse_args(argv)
    try:
        run(args, out)
    except (ValueError, ArithmeticError, OSError, TypeError) as exc:
        text = str(exc).strip()
        print(f"spiked-theory: error: {text.splitlines()[0] if text else type(exc).__name__}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("spiked-theory: interrupted", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
