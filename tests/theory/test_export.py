"""theory._export: to_xarray / to_pandas / files / plots of the result objects."""

import inspect

import numpy as np
import pytest

import theory
from theory import _export

xr = pytest.importorskip("xarray")
pd = pytest.importorskip("pandas")


@pytest.fixture(scope="module")
def results():
    return {
        "phase_diagram": theory.phase_diagram(3, [0.5, 1.0, 2.0]),
        "gradient_flow": theory.gradient_flow(p=3, delta2=0.4, delta_p=1.0, m0=1e-3, t_max=10.0),
        "state_evolution": theory.state_evolution(p=3, delta2=0.6, delta_p=1.0),
        "simulation": theory.simulate(p=3, n=30, delta2=0.5, delta_p=1.0, t_max=2.0, seed=3),
        "dynamics_threshold": theory.dynamics_threshold(3, 1.0, delta2s=[0.3, 0.34, 0.38, 0.42], t_max=60.0),
    }


class TestToXarray:
    def test_phase_diagram(self, results):
        d = results["phase_diagram"]
        ds = d.to_xarray()
        np.testing.assert_array_equal(ds["delta_p"].values, [0.5, 1.0, 2.0])
        for kind in d.kinds:
            np.testing.assert_array_equal(ds[f"delta2_{kind}"].values, np.asarray(d[kind], float))
        assert ds.attrs["p"] == 3 and ds.attrs["dps"] == "float64" and ds.attrs["version"] == theory.__version__

    def test_gradient_flow(self, results):
        r = results["gradient_flow"]
        ds = r.to_xarray()
        np.testing.assert_array_equal(ds["t"].values, r.t)
        np.testing.assert_array_equal(ds["m"].values, r.m)
        assert ds.attrs["delta2"] == 0.4 and ds.attrs["m0"] == 1e-3 and ds.attrs["scheme"] == "extrapolated"

    def test_dynamics_threshold(self, results):
        r = results["dynamics_threshold"]
        ds = r.to_xarray()
        np.testing.assert_array_equal(ds["delta2"].values, r.delta2s)
        assert list(ds["rate"].values) == list(r.rates) and ds.attrs["value"] == r.value

    def test_simulation_and_state_evolution(self, results):
        sim, se = results["simulation"], results["state_evolution"]
        assert list(sim.to_xarray()["energy"].values) == list(sim.energy) and sim.to_xarray().attrs["n"] == 30
        ds = se.to_xarray()
        assert list(ds["m"].values) == list(se.iterates) and ds.attrs["kind"] == "ml_amp"

    def test_high_precision_state_evolution_says_so(self):
        se = theory.state_evolution(p=3, delta2="0.6", delta_p=1, dps=20)
        assert se.to_xarray().attrs["dps"] == "mpmath"

    @pytest.mark.parametrize("name", ["phase_diagram", "gradient_flow", "state_evolution", "simulation",
                                      "dynamics_threshold"])
    def test_netcdf_round_trip(self, results, name, tmp_path):
        path = _export.write(results[name], tmp_path / "r.nc")
        back = xr.open_dataset(path, engine="scipy").load()
        assert back.equals(results[name].to_xarray()) and back.attrs == results[name].to_xarray().attrs


class TestToPandas:
    def test_index_and_columns(self, results):
        frame = results["gradient_flow"].to_pandas()
        assert frame.index.name == "t" and list(frame.columns) == ["m", "mu", "energy", "c_lag"]
        assert frame.attrs["p"] == 3

    def test_csv_reads_back_with_pandas(self, results, tmp_path):
        path = _export.write(results["phase_diagram"], tmp_path / "d.csv")
        frame = pd.read_csv(path, comment="#", index_col=0)
        pd.testing.assert_frame_equal(frame, results["phase_diagram"].to_pandas(), check_exact=True)


class TestPlot:
    @pytest.mark.parametrize("name", ["gradient_flow", "state_evolution", "simulation", "dynamics_threshold"])
    def test_every_result_draws_and_labels_fit(self, results, name):
        ax = results[name].plot()
        assert ax.get_lines()
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        fig = ax.figure
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
        renderer = canvas.get_renderer()
        box = fig.bbox
        for text in [ax.title, ax.xaxis.label, ax.yaxis.label, *ax.get_legend().get_texts()]:
            if not text.get_text():
                continue
            extent = text.get_window_extent(renderer)
            assert box.x0 - 1 <= extent.x0 and extent.x1 <= box.x1 + 1, text.get_text()

    def test_complexity_curve_is_the_api(self):
        table = _export.complexity_curve(p=3, delta2=0.7, delta_p=1.0, m=[0.1, 0.2])
        np.testing.assert_array_equal(table.data["sigma"], theory.complexity(np.array([0.1, 0.2]), p=3,
                                                                             delta2=0.7, delta_p=1.0))
        ax = _export.plot_complexity(p=3, delta2=0.7, delta_p=1.0)
        assert len(ax.get_lines()) == 3  # the two curves and the zero line

    def test_figure_suffixes(self, results, tmp_path):
        for suffix in (".svg", ".pdf"):  # .png: tests/theory/test_cli.py
            path = _export.write(results["state_evolution"], tmp_path / f"se{suffix}")
            assert path.stat().st_size > 1000

    def test_bad_suffix(self, results, tmp_path):
        with pytest.raises(ValueError, match=r"\.csv, \.nc, \.png"):
            _export.write(results["gradient_flow"], tmp_path / "x.xlsx")


class TestMethods:
    @pytest.mark.parametrize("cls", [theory.PhaseDiagram, theory.GradientFlowResult, theory.DynamicsThreshold,
                                     theory.SimulationResult, theory.StateEvolution])
    def test_every_result_class_has_to_xarray_and_to_pandas(self, cls):
        for name in ("to_xarray", "to_pandas", "plot"):
            assert callable(getattr(cls, name)), name
        assert "ax" in inspect.signature(cls.plot).parameters

    def test_missing_xarray_is_a_clear_error(self, results, monkeypatch):
        import builtins

        real = builtins.__import__

        def no_xarray(name, *a, **k):
            if name == "xarray":
                raise ImportError("no")
            return real(name, *a, **k)

        monkeypatch.setattr(builtins, "__import__", no_xarray)
        monkeypatch.delitem(__import__("sys").modules, "xarray")
        with pytest.raises(ImportError, match=r"spiked-theory\[xarray\]"):
            results["gradient_flow"].to_xarray()
