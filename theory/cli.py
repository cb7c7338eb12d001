"""Command line: ``spiked-theory`` (console script) and ``python -m theory``.

``spiked-theory`` with no subcommand runs the main job: a table of thresholds for p = 3..6.
``spiked-theory threshold --p 3 --delta-p 1`` prints one threshold.
Bad input exits with status 2 and a one-line message, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys

import mpmath

import theory

#: Deltap values of the main job's table.
TABLE_DELTA_P = ("0.5", "1", "2", "5")
TABLE_P = (3, 4, 5, 6)


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


def _cmd_threshold(args, out) -> None:
    value = theory.threshold(args.p, args.delta_p, kind=args.kind, dps=args.dps)
    text = mpmath.nstr(value, args.dps) if args.dps else repr(value)
    if args.json:
        print(json.dumps({"p": args.p, "delta_p": args.delta_p, "kind": args.kind,
                          "dps": args.dps, "delta2": text}), file=out)
    else:
        print(text, file=out)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="spiked-theory",
        description="Thresholds of the spiked matrix-tensor model (arXiv:1907.08226). "
                    "Without a command: print a table of thresholds for p = 3..6.",
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
    return parser


def main(argv: list[str] | None = None, out=None) -> int:
    """Run the command line; returns the exit status."""
    out = sys.stdout if out is None else out
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            _table(out)
        else:
            args.run(args, out)
    except (ValueError, ArithmeticError) as exc:
        print(f"spiked-theory: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("spiked-theory: interrupted", file=sys.stderr)
        return 130
    return 0
