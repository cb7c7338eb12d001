"""Sphinx configuration of the spiked-theory documentation.

Build: ``sphinx-build -W -b html docs docs/_build/html`` (warnings are errors).
Needs the ``docs`` extra: ``pip install -e '.[docs]'``.
"""

from __future__ import annotations

import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS.parent))  # the packages, without installing
sys.path.insert(0, str(DOCS / "_ext"))

import theory  # noqa: E402

project = "spiked-theory"
author = "the spiked-theory developers"
copyright = "2026, the spiked-theory developers"
release = theory.__version__
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "offline_math",  # sphinx.ext.mathjax with a local MathJax (no CDN): docs/_ext/offline_math.py
    "numpydoc",
    "matplotlib.sphinxext.plot_directive",
    "spiked_docs",
]

source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
root_doc = "index"
exclude_patterns = ["_build", "figures/*.md", "**/README.md"]
templates_path: list[str] = []

# MyST: $...$ and $$...$$ math, ::: fences, definition lists, anchors for ## and ###.
myst_enable_extensions = ["dollarmath", "amsmath", "colon_fence", "deflist"]
myst_heading_anchors = 3
myst_dmath_double_inline = True

# autodoc + numpydoc: signatures as written, members documented by their own entries.
autodoc_typehints = "none"
autodoc_member_order = "bysource"
autodoc_mock_imports: list[str] = []
numpydoc_show_class_members = False
numpydoc_class_members_toctree = False
numpydoc_xref_param_type = False
numpydoc_validation_checks: set[str] = set()

# matplotlib's plot directive: figures drawn by the code shown, at build time (PNG only).
plot_include_source = True
plot_html_show_source_link = False
plot_html_show_formats = False
plot_formats = [("png", 120)]
plot_rcparams = {"figure.max_open_warning": 0}

# Theory pages listed in index.md that a checkout may not have yet: left out while absent.
spiked_optional_pages = ("landscape", "message_passing", "phase_diagram", "dynamics", "finite_n")

html_theme = "alabaster"
html_title = f"spiked-theory {release}"
html_theme_options = {
    "description": "Landscape and gradient flow of the spiked matrix-tensor model",
    "fixed_sidebar": True,
    "page_width": "1240px",  # room for 90-column examples beside the sidebar
    "sidebar_width": "250px",
    "body_max_width": "none",
}
html_static_path = ["_static"]
html_css_files = ["spiked.css"]
