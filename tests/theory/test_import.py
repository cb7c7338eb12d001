"""``import theory``: light (the large modules load on first use) and the same public names."""

import subprocess
import sys

import pytest

import theory

LAZY_MODULES = ("theory._dynamics", "theory._simulation", "theory._phase_diagram", "theory._export",
                "numerics.dmft", "numerics.simulation", "threadpoolctl", "concurrent.futures", "sympy")


def _modules_after(code):
    code = f"import sys\n{code}\nprint(' '.join(m for m in {LAZY_MODULES!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout.split()


class TestImport:
    def test_import_theory_loads_none_of_the_large_modules(self):
        assert _modules_after("import theory") == []

    def test_first_use_loads_the_module(self):
        loaded = _modules_after("import theory\ntheory.gradient_flow")
        assert "theory._dynamics" in loaded and "numerics.dmft" in loaded
        assert "sympy" not in loaded and "theory._simulation" not in loaded

    def test_every_public_name_is_the_defining_modules_object(self):
        from theory import _dynamics, _export, _phase_diagram, _simulation

        for name in theory.__all__:
            assert getattr(theory, name) is not None
        assert theory.gradient_flow is _dynamics.gradient_flow
        assert theory.SimulationResult is _simulation.SimulationResult
        assert theory.phase_diagram is _phase_diagram.phase_diagram
        assert theory.plot_complexity is _export.plot_complexity
        assert set(theory.__all__) <= set(dir(theory))

    def test_star_import_and_submodule_attribute(self):
        namespace = {}
        exec("from theory import *", namespace)
        assert set(theory.__all__) <= set(namespace)
        assert theory._dynamics.DEFAULT_DT > 0
        assert "theory._simulation" in _modules_after("import theory\ntheory._simulation")

    def test_unknown_name_is_an_attribute_error(self):
        with pytest.raises(AttributeError, match="no_such_name"):
            theory.no_such_name  # noqa: B018
