"""Command line: ``spiked-theory`` (console script) and ``python -m theory``.

``spiked-theory`` with no subcommand runs the main job: a table of thresholds for p = 3..6,
the Deltap where the information-theoretic transition becomes first order, and the phase
diagram of p = 3 written to the working directory (``phase_diagram_p3.png`` and ``.svg``).
``spiked-theory threshold --p 3 --delta-p 1`` prints one threshold;
``spiked-theory phase-diagram --p 3 --out FILE`` writes one phase diagram.
Bad input exits with status 2 and a one-line message, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from fractions import Fraction

import mpmath
import numpy as np

import theory
import theory._phase_diagram

DEFAULT_POINTS = len(theory._phase_diagram.DEFAULT_INVERSE_DELTA_P)

#: Deltap values of the main job's table.
TABLE_DELTA_P = ("0.5", "1", "2", "5")
TABLE_P = (3, 4, 5, 6)
#: Files the main job writes to the working directory.
MAIN_FIGURES = ("phase_diagram_p3.png", "phase_diagram_p3.svg")


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


def _main_job(out) -> None:
    _table(out)
    diagram = theory.phase_diagram(3)
    for name in MAIN_FIGURES:
        diagram.save(name)
    print(f"\nwrote {' and '.join(MAIN_FIGURES)} (phase diagram, p=3)", file=out)


def _cmd_phase_diagram(args, out) -> None:
    lo = Fraction(args.delta_p_min) if args.delta_p_min is not None else None
    hi = Fraction(args.delta_p_max) if args.delta_p_max is not None else None
    if args.points < 2:
        raise ValueError(f"--points must be an integer >= 2, got {args.points}")
    if lo is None and hi is None:
        grid = None
        if args.points != DEFAULT_POINTS:
            inv = theory._phase_diagram.DEFAULT_INVERSE_DELTA_P
            grid = 1.0 / np.linspace(inv[0], inv[-1], args.points)[::-1]
    else:
        lo = lo if lo is not None else Fraction(1, 6)
        hi = hi if hi is not None else Fraction(100, 3)
        if not 0 < lo < hi:
            raise ValueError(f"need 0 < --delta-p-min < --delta-p-max, got {args.delta_p_min} and {args.delta_p_max}")
        grid = 1.0 / np.linspace(1 / float(hi), 1 / float(lo), args.points)[::-1]
    kinds = None if not args.kind else args.kind
    diagram = theory.phase_diagram(args.p, grid, kinds=kinds, progress=args.progress)
    path = diagram.save(args.out)
    print(f"wrote {path} ({diagram!r})", file=out)


def _decimal(text: str) -> str:
    """argparse type: a decimal number, kept as text (read exactly later)."""
    try:
        Fraction(text)
    except (ValueError, ZeroDivisionError):
        raise argparse.ArgumentTypeError(f"not a decimal number: {text!r}") from None
    return text


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors (``spiked-theory: error: ...``), status 2."""

    def error(self, message):
        self.exit(2, f"{self.prog}: error: {message}\n")


def _cmd_threshold(args, out) -> None:
    value = theory.threshold(args.p, args.delta_p, kind=args.kind, dps=args.dps)
    text = mpmath.nstr(value, args.dps) if args.dps else repr(value)
    if args.json:
        print(json.dumps({"p": args.p, "delta_p": args.delta_p, "kind": args.kind,
                          "dps": args.dps, "delta2": text}), file=out)
    else:
        print(text, file=out)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="spiked-theory",
        description="Thresholds and phase diagram of the spiked matrix-tensor model "
                    "(arXiv:1907.08226, arXiv:1902.00139). Without a command: print a table of "
                    "thresholds for p = 3..6 and write the phase diagram of p = 3 to "
                    f"{' and '.join(MAIN_FIGURES)} in the working directory.",
        epilog=f"threshold kinds: {', '.join(theory.kinds())}",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    t = sub.add_parser("threshold", help="one threshold Delta2 at given p and Deltap")
    t.add_argument("--p", type=int, required=True, help="tensor order, an integer >= 3")
    t.add_argument("--delta-p", required=True,
                   help="tensor noise variance, a decimal number (read exactly, e.g. 0.7)")
    t.add_argument("--kind", default="gradient_flow", help=f"one of: {', '.join(theory.kinds())}")
    t.add_argument("--dps", type=int, default=None, help="decimal digits (default: float64)")
    t.add_argument("--json", action="store_true", help="print a JSON object")
    t.set_defaults(run=_cmd_threshold)
    d = sub.add_parser("phase-diagram", help="write the phase diagram (1/Deltap across, 1/Delta2 up) to a file",
                       description="Compute every threshold kind on a grid of Deltap (1/Deltap uniform) and "
                                   "write the phase diagram (regions shaded and labelled) to --out.")
    d.add_argument("--p", type=int, required=True, help="tensor order, an integer >= 3")
    d.add_argument("--delta-p-min", type=_decimal, default=None, help="smallest Deltap (default 1/6)")
    d.add_argument("--delta-p-max", type=_decimal, default=None, help="largest Deltap (default 100/3)")
    d.add_argument("--points", type=int, default=DEFAULT_POINTS,
                   help=f"number of Deltap values (default {DEFAULT_POINTS})")
    d.add_argument("--kind", action="append", default=None,
                   help="a threshold kind to draw (repeat for several; default: all registered)")
    d.add_argument("--out", required=True, help="output file: .png, .svg or .pdf")
    d.add_argument("--progress", action="store_true", default=None, help="show a progress bar")
    d.set_defaults(run=_cmd_phase_diagram)
    return parser


def main(argv: list[str] | None = None, out=None) -> int:
    """Run the command line; returns the exit status."""
    out = sys.stdout if out is None else out
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            _main_job(out)
        else:
            args.run(args, out)
    except (ValueError, ArithmeticError, OSError) as exc:
        print(f"spiked-theory: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("spiked-theory: interrupted", file=sys.stderr)
        return 130
    return 0
