"""The argument types both command lines share (``theory.cli`` and the phase-retrieval commands of
``theory._cli_phase_retrieval``): decimals read as text of bounded size and exponent, integers in
a range.  A module of its own so that neither command line imports the other's internals."""

from __future__ import annotations

import argparse
import re

#: Bounds of the command line (the library has its own checks; these keep every command quick
#: to refuse what cannot be meant: no hang on ``--delta-p 1e99999999``).
MAX_EXPONENT = 10_000
MAX_DIGITS = 2_000

_DECIMAL = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def _decimal(text: str) -> str:
    """argparse type: a decimal number of bounded size, kept as text (read exactly later)."""
    text = text.strip()
    match = _DECIMAL.match(text)
    if not match or len(text) > MAX_DIGITS:
        raise argparse.ArgumentTypeError(f"not a decimal number: {text[:40]!r}")
    if match.group(3) and abs(int(match.group(3)[1:])) > MAX_EXPONENT:
        raise argparse.ArgumentTypeError(f"{text[:40]} is out of range (decimal exponent beyond +-{MAX_EXPONENT})")
    return text


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
