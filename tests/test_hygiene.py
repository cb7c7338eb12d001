"""The test suite cannot shadow itself: a test class or function defined twice under one name
in a module (or a method twice in a class) hides the first from pytest, so its checks never run."""

import ast
from collections import Counter
from pathlib import Path

import pytest

_TESTS = Path(__file__).parent
_FILES = sorted(_TESTS.rglob("test_*.py"))


def _redefined(body) -> list[str]:
    names = Counter(node.name for node in body
                    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)))
    out = [name for name, count in names.items() if count > 1]
    for node in body:
        if isinstance(node, ast.ClassDef):
            out += [f"{node.name}.{name}" for name in _redefined(node.body)]
    return out


def test_the_check_sees_a_redefinition():
    source = "class TestA:\n    def test_x(self): pass\n    def test_x(self): pass\nclass TestA: pass\n"
    assert sorted(_redefined(ast.parse(source).body)) == ["TestA", "TestA.test_x"]


@pytest.mark.parametrize("path", _FILES, ids=lambda p: str(p.relative_to(_TESTS)))
def test_no_test_name_is_defined_twice(path):
    assert _redefined(ast.parse(path.read_text(), filename=str(path)).body) == []
