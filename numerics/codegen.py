"""Deprecated entry point: the code generator is :mod:`derivations._codegen`.

``python -m numerics.codegen [--check]`` still works: it prints a note and forwards to
``python -m derivations._codegen``.  Importing this module loads nothing (no SymPy), so
:mod:`numerics` stays free of the symbolic layer.
"""

from __future__ import annotations

import sys

_NOTE = "note: python -m numerics.codegen is deprecated; use python -m derivations._codegen"


def main(argv: list[str] | None = None) -> int:
    """Print the deprecation note and run :func:`derivations._codegen.main` with ``argv``."""
    print(_NOTE, file=sys.stderr)
    from derivations import _codegen

    return _codegen.main(argv)


if __name__ == "__main__":
    raise SystemExit(main())
