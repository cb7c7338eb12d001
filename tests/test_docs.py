"""The documentation pages: their examples run, their formulas and figures exist.

Every ``python`` code fence of the pages listed in ``OWN_PAGES`` is a doctest, run here with
the standard :mod:`doctest` module (a page is plain text to it: the ``>>>`` lines are the
examples).  Building the site itself is CI's ``sphinx-build -W -b html docs docs/_build/html``;
the tests of the Sphinx extension need Sphinx and are skipped without it.
"""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parent.parent / "docs"

#: Pages whose every python fence is a doctest.  The theory pages are checked for their
#: formulas and their place in the index, and their ``>>>`` examples are run too.
OWN_PAGES = ("index.md", "quickstart.md", "model.md", "hessian.md", "tutorial.md", "api.md",
             "benchmarks.md", "references.md", "cli.md", "cluster.md")

FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,})(?P<info>[^\n`]*)\n(?P<body>.*?)^(?P=indent)(?P=fence)[ \t]*$",
                    re.M | re.S)
_DERIVED = re.compile(r"\{derived\}[ `]*([A-Za-z_][A-Za-z0-9_]*)")
_IMAGE = re.compile(r"^[ \t]*(?:`{3,}|:{3,})\{(?:figure|image)\}[ \t]+(\S+)", re.M)
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)")


def _fences(text: str):
    """(language, body) of each top-level fenced code block."""
    for match in _FENCE.finditer(text):
        info = match.group("info").strip()
        yield info.split()[0] if info else "", match.group("body")


def _pages():
    return sorted(p for p in DOCS.glob("*.md"))


class TestPageExamples:
    @pytest.mark.parametrize("page", OWN_PAGES)
    def test_every_python_fence_is_a_doctest(self, page):
        text = (DOCS / page).read_text(encoding="utf-8")
        for language, body in _fences(text):
            if language in ("python", "pycon", "py"):
                assert body.lstrip().startswith(">>>"), f"{page}: a python example is not a doctest:\n{body}"
                # A doctest's expected output runs to the next blank line: without one, the
                # closing fence would be read as output.
                assert body.endswith("\n\n"), f"{page}: leave a blank line before the closing fence:\n{body}"

    @pytest.mark.parametrize("page", OWN_PAGES)
    def test_doctests_pass(self, page, tmp_path, monkeypatch):
        monkeypatch.chdir(tmp_path)  # examples that write files write them here
        failed, attempted = doctest.testfile(str(DOCS / page), module_relative=False,
                                             optionflags=FLAGS, encoding="utf-8", verbose=False)
        assert failed == 0, f"{failed} of {attempted} examples of docs/{page} failed (output above)"
        if any(lang == "python" for lang, _ in _fences((DOCS / page).read_text(encoding="utf-8"))):
            assert attempted > 0


def _other_pages_with_examples():
    return [p.name for p in _pages() if p.name not in OWN_PAGES and ">>>" in p.read_text(encoding="utf-8")]


class TestOtherPagesExamples:
    """The theory pages: their ``>>>`` examples run too (every example of the docs runs in CI)."""

    @pytest.mark.parametrize("page", _other_pages_with_examples())
    def test_doctests_pass(self, page, tmp_path, monkeypatch):
        monkeypatch.chdir(tmp_path)
        failed, attempted = doctest.testfile(str(DOCS / page), module_relative=False,
                                             optionflags=FLAGS, encoding="utf-8", verbose=False)
        assert failed == 0, f"{failed} of {attempted} examples of docs/{page} failed (output above)"


class TestPageReferences:
    def test_derived_names_exist(self):
        import derivations

        names = set(derivations.expressions())
        for page in _pages():
            for name in _DERIVED.findall(page.read_text(encoding="utf-8")):
                assert name in names, f"docs/{page.name}: no derived expression {name!r}"

    @pytest.mark.parametrize("page", OWN_PAGES)
    def test_images_exist(self, page):
        text = (DOCS / page).read_text(encoding="utf-8")
        for target in _IMAGE.findall(text) + _MD_IMAGE.findall(text):
            assert (DOCS / target).is_file(), f"docs/{page}: missing image {target}"

    def test_every_page_is_in_the_index(self):
        index = (DOCS / "index.md").read_text(encoding="utf-8")
        listed = {line.strip() for _, body in _fences(index) for line in body.splitlines()}
        for page in _pages():
            if page.name != "index.md":
                assert page.stem in listed, f"docs/{page.name} is in no toctree of docs/index.md"

    def test_own_pages_are_listed(self):
        index = (DOCS / "index.md").read_text(encoding="utf-8")
        for page in OWN_PAGES:
            assert page == "index.md" or Path(page).stem in index


@pytest.fixture(scope="module")
def ext():
    """docs/_ext/spiked_docs.py, imported from its file."""
    pytest.importorskip("sphinx")
    pytest.importorskip("myst_parser")
    import importlib.util

    spec = importlib.util.spec_from_file_location("spiked_docs", DOCS / "_ext" / "spiked_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestExtension:
    """docs/_ext/spiked_docs.py, called directly (no build)."""

    def test_render_is_the_latex_of_the_expression(self, ext):
        import derivations
        from derivations.symbols import latex

        assert ext.render("delta2_gf") == latex(derivations.expressions()["delta2_gf"])

    def test_render_substitutes_exactly(self, ext):
        # p = 3, Deltap = 1: the closed form 2/(sqrt(1 + 8) + 1) = 1/2 (arXiv:1907.08226, section 4).
        assert ext.render("delta2_gf", "p=3, Deltap=1") == r"\frac{1}{2}"

    def test_render_zero_overlap_uses_p_at_least_3(self, ext):
        # theta(0) = xi''(0) = 1/Delta2 for p >= 3 (0**(p - 2) vanishes).
        assert ext.render("theta", "m=0") == r"\frac{1}{\Delta_2}"

    def test_unknown_name_lists_the_known_ones(self, ext):
        with pytest.raises(KeyError, match="known: .*delta2_gf"):
            ext.render("no_such_expression")

    def test_unknown_symbol_in_subs(self, ext):
        with pytest.raises(KeyError, match="has symbols"):
            ext.render("delta2_gf", "m=0")

    def test_missing_optional_page_leaves_the_toctree(self, ext, tmp_path):
        (tmp_path / "present.md").write_text("# present\n")

        class Config:
            spiked_optional_pages = ("present", "absent")
            source_suffix = {".md": "markdown"}

        class App:
            srcdir = tmp_path
            config = Config()
            env = type("Env", (), {})()

        source = ["# index\n\n```{toctree}\n:maxdepth: 2\nmine\npresent\nabsent\n```\n\nabsent stays in prose\n"]
        ext._drop_missing_optional_pages(App(), "index", source)
        assert source[0] == "# index\n\n```{toctree}\n:maxdepth: 2\nmine\npresent\n```\n\nabsent stays in prose\n"
        # when "absent" appears, the index is read again
        assert ext._reread_referrers(App(), App.env, {"absent"}, set(), set()) == ["index"]
        assert ext._reread_referrers(App(), App.env, {"mine"}, set(), set()) == []

    def test_long_sums_are_wrapped(self, ext):
        text = ext.render("kr_sigma_bulk")
        assert text.startswith("\\begin{aligned}") and text.count("\\\\") >= 1

    def test_short_formulas_are_not(self, ext):
        assert "aligned" not in ext.render("theta")


class TestOfflineMath:
    """docs/_ext/offline_math.py: MathJax comes from an installed package, not a CDN."""

    def test_local_mathjax(self):
        pytest.importorskip("sphinx")
        import importlib.util

        spec = importlib.util.spec_from_file_location("offline_math", DOCS / "_ext" / "offline_math.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        try:
            static = module.mathjax_static()
        except Exception as exc:  # the docs extra is not installed
            pytest.skip(str(exc))
        assert (static / module.COMPONENT).stat().st_size > 100_000
        assert list((static / "mathjax" / "output" / "chtml" / "fonts").rglob("*.woff"))


class TestNoDevelopmentLog:
    """The pages read as documentation: no notes to the developers, no folder outside the repo."""

    PHRASES = ("left to the lead", "what the issue asked", "spec/", "other issue")

    @pytest.mark.parametrize("page", OWN_PAGES)
    def test_page(self, page):
        text = (DOCS / page).read_text(encoding="utf-8").lower()
        for phrase in self.PHRASES:
            assert phrase not in text, f"docs/{page}: {phrase!r}"


class TestKindsAreDocumented:
    """docs/model.md has one row of its kinds table per kind ``theory.kinds()`` returns."""

    ROW = re.compile(r'^\| `"([A-Za-z_][A-Za-z0-9_]*)"` \|', re.M)

    def test_model_page_lists_every_kind(self):
        import theory

        listed = self.ROW.findall((DOCS / "model.md").read_text(encoding="utf-8"))
        assert len(listed) == len(set(listed)), f"docs/model.md lists a kind twice: {listed}"
        missing = set(theory.kinds()) - set(listed)
        extra = set(listed) - set(theory.kinds())
        assert not missing, f"docs/model.md does not list the kinds {sorted(missing)}"
        assert not extra, f"docs/model.md lists kinds that are not registered: {sorted(extra)}"


#: Longest line of a code block: a wider line is cut off at the edge of the rendered page.
MAX_CODE_LINE = 88


def _code_blocks(text: str):
    """(language, body) of every fenced block that shows code or its output: plain fences and
    ``{code-block}``/``{code}``, not directives such as ``{figure}`` (prose) or ``{derived}``."""
    for language, body in _fences(text):
        if not language.startswith("{") or language in ("{code-block}", "{code}", "{code-cell}"):
            yield language, body


class TestCodeBlocksFitThePage:
    @pytest.mark.parametrize("page", [p.name for p in _pages()])
    def test_lines_at_most_88_characters(self, page):
        long = [(language, line) for language, body in _code_blocks((DOCS / page).read_text(encoding="utf-8"))
                for line in body.splitlines() if len(line) > MAX_CODE_LINE]
        assert not long, (f"docs/{page}: {len(long)} code lines longer than {MAX_CODE_LINE} characters "
                          f"(cut off at the page edge), e.g. {long[0][1][:100]!r}")

    def test_the_check_sees_a_long_line(self):
        text = "```python\n>>> x = " + "1" * 90 + "\n```\n"
        assert [len(line) > MAX_CODE_LINE for _, body in _code_blocks(text) for line in body.splitlines()] == [True]
