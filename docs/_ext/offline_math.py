"""Math without a network: MathJax served from the built site, not from a CDN.

The MathJax 3 distribution comes from the ``sphinx-mathjax-offline`` package on PyPI (in
the ``docs`` extra); this extension adds its ``static`` folder to ``html_static_path``, so
the build copies ``mathjax/`` into ``_static/``, and points ``mathjax_path`` at the local
``tex-chtml.js`` (fonts included).  The pages then render every formula offline or behind a
firewall.  Without the package the build stops with a message saying what to install.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from sphinx.errors import ExtensionError

__version__ = "1.0"

#: The PyPI distribution that vendors MathJax (its import name has dashes).
PACKAGE = "sphinx-mathjax-offline"
#: The MathJax component the pages load: TeX input, CommonHTML output.
COMPONENT = "mathjax/tex-chtml.js"


def mathjax_static() -> Path:
    """The folder holding ``mathjax/`` of the installed package."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ExtensionError(f"offline math needs the {PACKAGE} package: pip install -e '.[docs]'")
    static = Path(next(iter(spec.submodule_search_locations))) / "static"
    if not (static / COMPONENT).is_file():
        raise ExtensionError(f"{PACKAGE} has no {COMPONENT} under {static}")
    return static


def _configure(app, config) -> None:
    config.html_static_path = [*config.html_static_path, str(mathjax_static())]
    config.mathjax_path = COMPONENT


def setup(app):
    app.setup_extension("sphinx.ext.mathjax")
    app.connect("config-inited", _configure)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
