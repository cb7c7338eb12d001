"""Print the expressions of :mod:`derivations` as numpy and mpmath kernels.

Usage::

    python -m derivations._codegen           # regenerate numerics/_generated/*
    python -m derivations._codegen --check   # exit 1 if a checked-in file has drifted

For every derivation module ``NAME`` that declares ``KERNELS`` this writes

- ``NAME_numpy.py``: float64 functions that broadcast over their arguments; its ``FORMULAS``
  (each named expression of the module, printed or an instance, as text and as LaTeX, for
  display without SymPy) is read on first use from ``formulas.json``, one data file for every
  module, so no formula sits in a line of code;
- ``NAME_mpmath.py``: the same functions taking an mpmath context ``ctx`` first; rationals
  print as ``ctx.mpf(a)/ctx.mpf(b)`` and integer arguments are lifted to ``ctx.mpf``, so no
  intermediate drops to float64.

Common subexpressions are eliminated once, here.  A line of code longer than 99 characters
is wrapped inside parentheses at the spaces between tokens (the same syntax tree).  Files are
written atomically.  Like
scipy.special's ``_precompute`` scripts, the output is checked in and a test regenerates it
in memory and compares byte for byte (tests/numerics/test_codegen.py).  The generator lives
here, beside the derivations it prints, so that nothing in :mod:`numerics` imports SymPy.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import json
import os
import sys
import tempfile
import textwrap
from pathlib import Path

import sympy as sp
from sympy.printing.numpy import NumPyPrinter
from sympy.printing.pycode import MpmathPrinter

import derivations
from derivations.symbols import latex

#: Where the generated modules go: beside the code that runs them, so ``numerics/`` imports no SymPy.
OUT_DIR = Path(__file__).resolve().parent.parent / "numerics" / "_generated"

_BANNER = '''"""{what} kernels of derivations/{module}.py.

Generated from derivations/{module}.py by ``python -m derivations._codegen``
with SymPy {version}; do not edit.
"""
'''


class _NumpyPrinter(NumPyPrinter):
    """numpy printer writing ``np.`` and ``1/x`` (not ``x**(-1.0)``)."""

    def _module_format(self, fqn, register=True):
        return super()._module_format(fqn, register).replace("numpy.", "np.")

    def _print_Pow(self, expr, rational=False):
        if expr.exp == -1:
            return f"1/{self.parenthesize(expr.base, sp.printing.precedence.PRECEDENCE['Pow'])}"
        return super()._print_Pow(expr, rational=rational)


class _MpmathPrinter(MpmathPrinter):
    """mpmath printer writing against a context argument ``ctx`` instead of the module."""

    def _module_format(self, fqn, register=True):
        return super()._module_format(fqn, register).replace("mpmath.", "ctx.")


#: Longest line of generated code; a longer statement is wrapped (see :func:`_wrap`).
WIDTH = 99


def _wrap(head: str, code: str) -> str:
    """The statement ``head + code``, or, when longer than :data:`WIDTH`, ``head + (code)`` split
    at the spaces between tokens onto lines indented four more than ``head`` (implicit line
    joining inside parentheses: the same syntax tree, checked)."""
    line = head + code
    if len(line) <= WIDTH:
        return line
    indent = " " * (len(head) - len(head.lstrip()) + 4)
    parts = textwrap.wrap(code, width=WIDTH - len(indent), break_long_words=False,
                          break_on_hyphens=False)
    wrapped = f"{head}(\n{indent}" + f"\n{indent}".join(parts) + ")"
    if ast.dump(ast.parse(textwrap.dedent(line))) != ast.dump(ast.parse(textwrap.dedent(wrapped))):
        raise AssertionError(f"wrapping changed the statement {line[:60]!r}...")
    return wrapped


def _names(kernels) -> str:
    """``__all__ = [...]``, wrapped at :data:`WIDTH`."""
    return _wrap("__all__ = ", "[" + ", ".join(repr(k.name) for k in kernels) + "]")


def _body(kernel, printer) -> list[str]:
    replacements, (reduced,) = sp.cse([kernel.expr], symbols=sp.numbered_symbols("_t"))
    lines = [_wrap(f"    {sym} = ", printer.doprint(val)) for sym, val in replacements]
    lines.append(_wrap("    return ", printer.doprint(reduced)))
    return lines


def _function(kernel, printer, *, ctx: bool) -> str:
    args = [str(a) for a in kernel.args]
    head = ["ctx", *args] if ctx else args
    doc = textwrap.fill(kernel.doc, width=WIDTH - 3, initial_indent='    """', subsequent_indent="    ")
    lines = [f"def {kernel.name}({', '.join(head)}):", f'{doc}"""']
    if ctx:
        lines += [f"    {a} = ctx.mpf({a})" for a in args]
    lines += _body(kernel, printer)
    return "\n".join(lines) + "\n"


#: The data file of every named expression as text and as LaTeX: module -> name -> [text, latex].
FORMULAS_FILE = "formulas.json"

_FORMULAS_HOOK = '''def __getattr__(name):
    """``FORMULAS``: name -> (text, LaTeX) of each expression, read from formulas.json."""
    if name == "FORMULAS":
        from numerics._generated import formulas

        return formulas({module!r})
    raise AttributeError(f"module {{__name__!r}} has no attribute {{name!r}}")
'''


def render(module_name: str) -> dict[str, str]:
    """Source text of the two generated files of one derivation module, by file name."""
    module = importlib.import_module(f"derivations.{module_name}")
    kernels = module.KERNELS
    version = sp.__version__

    np_parts = [_BANNER.format(what="Float64 numpy", module=module_name, version=version),
                "import numpy as np\n", _names(kernels) + "\n"]
    np_parts += [_function(k, _NumpyPrinter(), ctx=False) for k in kernels]
    np_parts.append(_FORMULAS_HOOK.format(module=module_name))

    mp_parts = [_BANNER.format(what="mpmath", module=module_name, version=version),
                _names(kernels) + "\n"]
    mp_parts += [_function(k, _MpmathPrinter(), ctx=True) for k in kernels]

    return {
        f"{module_name}_numpy.py": "\n\n".join(np_parts),
        f"{module_name}_mpmath.py": "\n\n".join(mp_parts),
    }


def render_formulas() -> dict[str, str]:
    """Source text of :data:`FORMULAS_FILE`: every named expression (the kernels, and the
    instances not printed as code) as ``sympy.sstr`` text and as LaTeX, by module and name (JSON,
    in :func:`derivations.records` order, one expression a line)."""
    modules = {}
    for name in derivations.kernel_modules():
        kernels = derivations.records(importlib.import_module(f"derivations.{name}"))
        rows = ",\n".join(f"  {json.dumps(k.name)}: {json.dumps([sp.sstr(k.expr), latex(k.expr)])}"
                          for k in kernels)
        modules[name] = f"{json.dumps(name)}: {{\n{rows}\n }}"
    return {FORMULAS_FILE: "{\n " + ",\n ".join(modules.values()) + "\n}\n"}


def render_all() -> dict[str, str]:
    """Source text of every generated file, by file name."""
    out = {}
    for name in derivations.kernel_modules():
        out.update(render(name))
    out.update(render_formulas())
    out.update(render_expression_cache())
    return out


#: The cache of derived expressions read by ``theory.expressions()`` (no derivation at run time).
EXPRESSION_CACHE = "expressions_srepr.py"


def _combined_complexity(exprs: dict) -> dict:
    """The complexity as one piecewise expression: the bulk form for ``|mu| <= 2 s``, the
    outside form otherwise (the two branches of the log-potential Phi_s of the semicircle).  Returns name -> (expression, description)."""
    from derivations.symbols import mu

    edge = 2 * exprs["semicircle_scale"]
    out = {}
    for name, what in (("kr_sigma", "Sigma(m, e, mu)"), ("kr_sigma_mu", "Sigma(m, mu)")):
        expr = sp.Piecewise((exprs[f"{name}_bulk"], sp.Abs(mu) <= edge), (exprs[f"{name}_outside"], True))
        out[name] = (expr, f"{what}, both branches: the bulk form for |mu| <= 2 s, the outside form otherwise.")
    return out


def render_expression_cache() -> dict[str, str]:
    """Source text of the expression cache: every expression of :func:`derivations.expressions`
    (and the combined piecewise complexity) as ``sympy.srepr`` text with its description, so
    that ``theory.expressions()`` rebuilds them without deriving (seconds -> a fraction)."""
    import pprint

    docs = {}
    for name in derivations.kernel_modules():
        for kernel in derivations.records(importlib.import_module(f"derivations.{name}")):
            docs[kernel.name] = kernel.doc
    exprs = dict(derivations.expressions())
    items = {name: (expr, docs[name]) for name, expr in exprs.items()}
    items.update(_combined_complexity(exprs))
    namespace = vars(sp)
    outside = {}
    for expr, _ in items.values():
        for node in sp.preorder_traversal(expr):
            kind = type(node)
            if namespace.get(kind.__name__) is not kind and not isinstance(node, (sp.Atom, sp.logic.boolalg.BooleanAtom)):
                outside[kind.__name__] = kind.__module__
    srepr = {name: sp.srepr(expr) for name, (expr, _) in items.items()}
    descriptions = {name: doc for name, (_, doc) in items.items()}
    text = (
        '"""The expressions of derivations/, as ``sympy.srepr`` text, for ``theory.expressions()``.\n\n'
        "Generated from derivations/ by ``python -m derivations._codegen``\n"
        f'with SymPy {sp.__version__}; do not edit.\n"""\n\n'
        "#: Classes of the expressions not in SymPy's top-level namespace: name -> module.\n"
        f"FUNCTIONS = {pprint.pformat(outside, width=99)}\n\n"
        "#: name -> one-line description.\n"
        f"DESCRIPTIONS = {pprint.pformat(descriptions, width=99)}\n\n"
        "#: name -> ``sympy.srepr`` of the exact expression.\n"
        f"SREPR = {pprint.pformat(srepr, width=99)}\n"
    )
    return {EXPRESSION_CACHE: text}


def _write_atomic(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m derivations._codegen", description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="report drift instead of writing")
    args = parser.parse_args(argv)
    drift = []
    for name, text in render_all().items():
        path = OUT_DIR / name
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        if args.check:
            drift.append(name)
        else:
            _write_atomic(path, text)
            print(f"wrote {path.relative_to(OUT_DIR.parent.parent)}")
    if drift:
        print("generated files out of date: " + ", ".join(drift), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
