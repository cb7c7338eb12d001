"""Sphinx extension of the spiked-theory docs: formulas rendered from ``derivations/``.

Directive ``derived`` (display math, numbered if labelled)::

    ```{derived} delta2_gf
    :lhs: \\Delta_2^{\\mathrm{GF}}(\\Delta_p, p)
    :subs: p=3
    :label: delta2-gf
    ```

prints ``derivations.symbols.latex(derivations.expressions()[name])`` at build time, so a
page can never disagree with the code.  Options: ``lhs`` (LaTeX put before ``=``), ``subs``
(comma-separated ``symbol=value`` substitutions, exact values such as ``3`` or ``1/2``,
symbols named as in :mod:`derivations.symbols`: ``p``, ``Delta2``, ``Deltap``, ``q``, ``m``,
``mu``, ``e``), ``simplify`` (flag: ``sympy.simplify`` after substituting), plus those of
Sphinx's ``math`` directive (``label``, ``name``, ``class``, ``nowrap``).  An unknown name
is a build error that lists the known ones.

Role ``derived``: the same formula inline, ``{derived}`theta``` (no options).

Directive ``public-api``: ``{public-api} theory`` writes one autodoc entry
(``autofunction``, ``autoclass`` with its members, or ``autoexception``) per name of
``theory.__all__``, in that order, so the API reference follows the public names without
being edited; ``:only: functions`` (or ``classes``, ``exceptions``) keeps one sort.

Directive ``bench-scripts``: ``{bench-scripts} ../bench`` lists every ``bench_*.py`` of that
folder (relative to the page) with its module docstring (read with :mod:`ast`, not run), as
preformatted text, so the benchmark page follows the scripts that exist.

Config value ``spiked_optional_pages``: pages a checkout may not have yet.  A toctree
entry naming one of them is dropped (with an info message, not a warning) while the file
does not exist, so ``sphinx-build -W`` keeps passing while those pages come and go; when one
appears or disappears, the pages whose toctrees name it are read again (incremental builds).

``public-api`` and ``bench-scripts`` are for MyST pages (``public-api`` nests an
``eval-rst`` block for autodoc's reStructuredText).
"""

from __future__ import annotations

import ast
import importlib
import inspect
import re
from functools import lru_cache
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.directives.patches import MathDirective
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

logger = logging.getLogger(__name__)

__version__ = "1.0"


@lru_cache(maxsize=None)
def _kernels() -> dict:
    """Name -> (source file of its derivation module, Kernel), over every derivation module."""
    import derivations

    out = {}
    for module_name in derivations.kernel_modules():
        module = importlib.import_module(f"derivations.{module_name}")
        for kernel in derivations.records(module):  # INSTANCES (not printed) and KERNELS
            out[kernel.name] = (module.__file__, kernel)
    # The directive promises derivations.expressions(); keep the two views identical.
    expressions = derivations.expressions()
    assert set(out) == set(expressions), "derivations.expressions() and KERNELS disagree"
    return out


def render(name: str, subs: str = "", simplify: bool = False) -> str:
    """LaTeX of the derived expression ``name`` (after ``subs``), as the directive prints it.

    Raises
    ------
    KeyError
        Unknown ``name``, or a substitution naming a symbol the expression does not have.
    """
    import sympy as sp
    from derivations.symbols import at_zero, latex

    try:
        _, kernel = _kernels()[name]
    except KeyError:
        known = ", ".join(sorted(_kernels()))
        raise KeyError(f"no derived expression {name!r}; known: {known}") from None
    expr = kernel.expr
    if subs.strip():
        by_name = {str(s): s for s in expr.free_symbols}
        mapping, zeros = {}, []
        for item in subs.split(","):
            key, sep, value = item.partition("=")
            key = key.strip()
            if not sep or key not in by_name:
                raise KeyError(f"subs {item.strip()!r}: {name} has symbols {sorted(by_name)}")
            value = sp.Rational(value.strip())
            if value == 0 and key != "p":
                zeros.append(by_name[key])
            else:
                mapping[by_name[key]] = value
        expr = expr.subs(mapping)
        for var in zeros:  # 0**(p - 2) = 0 needs p >= 3: derivations.symbols.at_zero
            expr = at_zero(expr, var)
        if simplify:
            expr = sp.simplify(expr)
    return wrap(expr)


#: Display formulas wider than this (characters as printed, LaTeX markup left out) are broken
#: into lines.
WRAP_WIDTH = 80

_MARKUP = re.compile(r"\\(?:left|right|frac|sqrt|mathrm|operatorname)\b|[{}^_ ]")
_COMMAND = re.compile(r"\\[A-Za-z]+")


def visible_width(text: str) -> int:
    """Rough printed width of a LaTeX formula: its characters without markup, a command such
    as ``\\Delta`` counted as one (fractions count both parts: an overestimate)."""
    return len(_COMMAND.sub("x", _MARKUP.sub("", text)))


def wrap(expr) -> str:
    """LaTeX of ``expr``; a wide sum is broken between its terms into an ``aligned`` block of
    lines about :data:`WRAP_WIDTH` wide (MathJax 3 does not break lines)."""
    import sympy as sp
    from derivations.symbols import latex

    whole = latex(expr)
    if visible_width(whole) <= WRAP_WIDTH or not isinstance(expr, sp.Add):
        return whole
    lines, current = [], ""
    for term in expr.as_ordered_terms():
        text = latex(term)
        piece = text if not current else (f" {text}" if text.startswith("-") else f" + {text}")
        if current and visible_width(current + piece) > WRAP_WIDTH:
            lines.append(current)
            current = text if text.startswith("-") else f"+ {text}"
        else:
            current += piece
    lines.append(current)
    if len(lines) == 1:
        return whole
    return "\\begin{aligned} & " + " \\\\ & ".join(lines) + " \\end{aligned}"


class DerivedMath(MathDirective):
    """``{derived} NAME``: display math of ``derivations.expressions()[NAME]``."""

    required_arguments = 1
    optional_arguments = 0
    has_content = True  # accepted only to report it: a content is an error (see run)
    option_spec = dict(MathDirective.option_spec, lhs=directives.unchanged,
                       subs=directives.unchanged, simplify=directives.flag)

    def run(self):
        name = self.arguments[0].strip()
        if "\n".join(self.content).strip():
            # Usually an unclosed fence swallowing the text after it: say so, loudly.
            raise self.error(f"derived {name}: takes no content, got {len(self.content)} lines "
                             f"starting {self.content[0]!r} (is the closing fence on its own line?)")
        try:
            body = render(name, self.options.get("subs", ""), "simplify" in self.options)
        except KeyError as exc:
            raise self.error(f"derived: {exc.args[0]}") from None
        path, _ = _kernels()[name]
        self.env.note_dependency(path)  # rebuild the page when the derivation changes
        lhs = self.options.get("lhs")
        latex = f"{lhs} = {body}" if lhs else body
        self.arguments = []
        self.content = StringList([latex], source="derivations")
        return super().run()


def derived_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """``{derived}`NAME```: inline math of ``derivations.expressions()[NAME]``."""
    try:
        latex = render(text.strip())
    except KeyError as exc:
        msg = inliner.reporter.error(f"derived: {exc.args[0]}", line=lineno)
        return [inliner.problematic(rawtext, rawtext, msg)], [msg]
    env = inliner.document.settings.env
    env.note_dependency(_kernels()[text.strip()][0])
    return [nodes.math(rawtext, latex)], []


_KINDS = {"functions": "autofunction", "classes": "autoclass", "exceptions": "autoexception"}


def _kind(obj) -> str:
    if inspect.isclass(obj) and issubclass(obj, BaseException):
        return "exceptions"
    return "classes" if inspect.isclass(obj) else "functions"


class PublicAPI(SphinxDirective):
    """``{public-api} MODULE``: autodoc every name of ``MODULE.__all__``.

    Option ``only``: ``functions``, ``classes`` or ``exceptions`` (space-separated, default
    all), to split the reference into sections.
    """

    required_arguments = 1
    has_content = False
    option_spec = {"only": directives.unchanged}

    def run(self):
        module_name = self.arguments[0].strip()
        module = importlib.import_module(module_name)
        self.env.note_dependency(module.__file__)
        only = self.options.get("only", " ".join(_KINDS)).split()
        unknown = set(only) - set(_KINDS)
        if unknown:
            raise self.error(f"public-api: unknown :only: {sorted(unknown)}; use {list(_KINDS)}")
        lines = []
        for name in module.__all__:
            kind = _kind(getattr(module, name))
            if kind not in only:
                continue
            what = _KINDS[kind]
            lines += [f".. {what}:: {module_name}.{name}"]
            if what == "autoclass":
                lines += ["   :members:"]  # methods and properties, with their docstrings
            lines += [""]
        if not lines:
            return []
        # autodoc writes reStructuredText: parse it as such inside a MyST page.
        lines = ["```{eval-rst}", *lines, "```"]
        container = nodes.container()
        self.state.nested_parse(StringList(lines, source=f"{module_name}.__all__"),
                                self.content_offset, container)
        return container.children


class BenchScripts(SphinxDirective):
    """``{bench-scripts} FOLDER``: each ``bench_*.py`` in FOLDER with its docstring."""

    required_arguments = 1
    has_content = False

    def run(self):
        _, folder = self.env.relfn2path(self.arguments[0].strip())
        folder = Path(folder)
        out = []
        scripts = sorted(folder.glob("bench_*.py"))
        if not scripts:
            raise self.error(f"bench-scripts: no bench_*.py in {folder}")
        for script in scripts:
            self.env.note_dependency(str(script))
            doc = ast.get_docstring(ast.parse(script.read_text(encoding="utf-8"))) or "(no docstring)"
            command = f"python bench/{script.name}"
            title = nodes.paragraph()
            title += nodes.literal(command, command)
            out.append(title)
            out.append(nodes.literal_block(doc, doc, language="none"))
        return out


_TOCTREE = re.compile(r"^(?P<fence>`{3,}|:{3,})\{toctree\}.*?^(?P=fence)[ \t]*$", re.M | re.S)


def _drop_missing_optional_pages(app, docname, source):
    """source-read: remove toctree lines naming an optional page whose file is absent."""
    optional = set(app.config.spiked_optional_pages)
    if not optional:
        return
    srcdir = Path(app.srcdir)
    referrers = _referrers(app.env)

    def missing(entry: str) -> bool:
        target = entry.strip()
        if target not in optional:
            return False
        return not any((srcdir / f"{target}{suffix}").is_file() for suffix in app.config.source_suffix)

    def fix(match):
        kept = []
        for line in match.group(0).splitlines():
            if line.strip() in optional:
                referrers.add(docname)
            if missing(line):
                logger.info(f"[spiked_docs] {docname}: optional page {line.strip()!r} not present; "
                            "left out of the toctree")
            else:
                kept.append(line)
        return "\n".join(kept)

    source[0] = _TOCTREE.sub(fix, source[0])


def _referrers(env) -> set:
    """Documents whose toctrees name an optional page (kept on the environment)."""
    if not hasattr(env, "spiked_optional_referrers"):
        env.spiked_optional_referrers = set()
    return env.spiked_optional_referrers


def _reread_referrers(app, env, added, changed, removed):
    """env-get-outdated: an optional page came or went: re-read the toctrees naming it."""
    optional = set(app.config.spiked_optional_pages)
    if optional & (set(added) | set(removed)):
        return sorted(_referrers(env) - set(removed))
    return []


def _purge(app, env, docname):
    _referrers(env).discard(docname)


def _merge(app, env, docnames, other):
    _referrers(env).update(_referrers(other) & set(docnames))


def setup(app):
    app.add_config_value("spiked_optional_pages", (), "env")
    app.add_directive("derived", DerivedMath)
    app.add_role("derived", derived_role)
    app.add_directive("public-api", PublicAPI)
    app.add_directive("bench-scripts", BenchScripts)
    app.connect("source-read", _drop_missing_optional_pages)
    app.connect("env-get-outdated", _reread_referrers)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
