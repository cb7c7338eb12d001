"""theory._export: to_xarray / to_pandas / files / plots of the result objects."""

import dataclasses
import inspect

import numpy as np
import pytest

import theory
from theory import _export
from theory._dataout import DataOut

xr = pytest.importorskip("xarray")
pd = pytest.importorskip("pandas")


@pytest.fixture(scope="module")
def results():
    simulation = theory.simulate(p=3, n=30, delta2=0.5, delta_p=1.0, t_max=2.0, seed=3)
    return {
        "phase_diagram": theory.phase_diagram(3, [0.5, 1.0, 2.0]),
        "gradient_flow": theory.gradient_flow(p=3, delta2=0.4, delta_p=1.0, m0=1e-3, t_max=10.0),
        "state_evolution": theory.state_evolution(p=3, delta2=0.6, delta_p=1.0),
        "simulation": simulation,
        "dynamics_threshold": theory.dynamics_threshold(3, 1.0, delta2s=[0.3, 0.34, 0.38, 0.42], t_max=60.0),
        # issue 19 item 4: every result type has a table
        "sampled_spectrum": simulation.hessian_spectrum(),
        "ensemble": theory.simulate_ensemble(p=3, n=10, delta2=0.5, delta_p=1.0, t_max=1.0, seeds=range(2),
                                             progress=False),
        "critical_point": theory.critical_point(4),
        "threshold_result": theory.threshold(p=4, delta_p=0.7, full_output=True),
        "hessian": theory.hessian(p=3, delta2=0.25, delta_p=1.0, m=0.0, mu=0.0),
        # the phase-retrieval family (issue 20): small N, few steps
        "pr_threshold": theory.threshold(model=theory.PhaseRetrieval(), kind="spectral",
                                         preprocessing=("trim", 3), full_output=True),
        "pr_hessian": theory.hessian(model=theory.PhaseRetrieval("regularised", a=0.01), alpha=4.0, m=0.0),
        "pr_run": theory.simulate(model=theory.PhaseRetrieval(), n=30, alpha=6.0, seed=0, progress=False),
        "pr_ensemble": theory.simulate_ensemble(model=theory.PhaseRetrieval(), alphas=[1.0, 8.0], ns=[24],
                                                seeds=range(2), diagnostics=False, progress=False),
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

    @pytest.mark.parametrize("dps", [20, 50])
    def test_high_precision_state_evolution_says_so(self, dps):
        # issue 18 item 6 changes this test: the one spelling of the precision is the digits
        # (it was the string "mpmath")
        se = theory.state_evolution(p=3, delta2="0.6", delta_p=1, dps=dps)
        assert se.to_xarray().attrs["dps"] == dps

    @pytest.mark.parametrize("name", ["phase_diagram", "gradient_flow", "state_evolution", "simulation",
                                      "dynamics_threshold", "pr_threshold", "pr_hessian", "pr_run",
                                      "pr_ensemble"])
    def test_netcdf_round_trip(self, results, name, tmp_path):
        path = _export.write(results[name], tmp_path / "r.nc")
        back = xr.open_dataset(path, engine="scipy").load()
        ds = results[name].to_xarray()
        assert back.equals(ds) and back.attrs == ds.attrs
        # identical: the values and the attributes of every variable and coordinate
        assert back.identical(ds)
        for var in [*ds.data_vars, *ds.coords]:
            assert back[var].attrs == ds[var].attrs == {"long_name": ds[var].attrs["long_name"], "units": "1"}
            assert back[var].dtype.kind == ds[var].dtype.kind, var  # int32 in NetCDF 3, but an integer
        for key, value in ds.attrs.items():
            assert isinstance(back.attrs[key], str) == isinstance(value, str), key
            if isinstance(value, int):
                assert isinstance(back.attrs[key], (int, np.integer)), key


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

    def test_complexity_curve_of_a_model(self):
        # model= and the shorthand give the same table; a mixture's curve is theory.complexity's
        short = _export.complexity_curve(p=3, delta2=0.7, delta_p=1.0, m=[0.1, 0.2])
        same = _export.complexity_curve(model=theory.Model(delta2=0.7, tensors={3: 1.0}), m=[0.1, 0.2])
        np.testing.assert_array_equal(short.data["sigma"], same.data["sigma"])
        assert same.attrs["p"] == 3 and same.attrs["delta_p"] == 1.0
        mix = theory.Model(delta2=0.6, tensors={3: 1.0, 4: 2.0})
        table = _export.complexity_curve(model=mix, m=[0.1, 0.3])
        np.testing.assert_array_equal(table.data["sigma"], theory.complexity([0.1, 0.3], model=mix))
        assert "p" not in table.attrs and table.attrs["model"] == repr(mix)
        ax = _export.plot_complexity(model=mix, m=[0.1, 0.3])
        assert "Kac-Rice complexity" in ax.get_title()
        with pytest.raises(ValueError, match="delta2"):
            _export.complexity_curve(p=3, delta_p=1.0)

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


def _result_types():
    """Every result class of the package that has the data-out methods (DataOut), by name."""
    import importlib
    import pkgutil

    for info in pkgutil.iter_modules(theory.__path__, "theory."):
        if info.name not in ("theory.__main__",):
            importlib.import_module(info.name)
    seen, todo = {}, list(DataOut.__subclasses__())
    while todo:
        cls = todo.pop()
        todo += cls.__subclasses__()
        if cls.__module__.startswith("theory."):
            seen[cls.__name__] = cls
    return seen


#: A result of each type (keys of the ``results`` fixture), for the walk over result types.
SAMPLE = {"PhaseDiagram": "phase_diagram", "GradientFlowResult": "gradient_flow",
          "StateEvolution": "state_evolution", "SimulationResult": "simulation",
          "DynamicsThreshold": "dynamics_threshold", "SampledSpectrum": "sampled_spectrum",
          "SimulationEnsemble": "ensemble", "CriticalPoint": "critical_point",
          "ThresholdResult": "threshold_result", "HessianSpectrum": "hessian",
          "PRThresholdResult": "pr_threshold", "PRHessianSpectrum": "pr_hessian",
          "PhaseRetrievalRun": "pr_run", "PhaseRetrievalEnsemble": "pr_ensemble"}


class TestDescriptions:
    """Issue 18 item 6: outputs that describe themselves."""

    def test_every_result_type_describes_every_variable(self, results):
        types = _result_types()
        missing = sorted(set(types) - set(SAMPLE))
        assert not missing, f"add a sample of {missing} to SAMPLE and to the results fixture"
        tables = {name: _export.table(results[SAMPLE[name]]) for name in types}
        tables["complexity_curve"] = _export.complexity_curve(p=3, delta2=0.7, delta_p=1.0, m=[0.1, 0.2])
        for name, t in tables.items():
            assert t.undescribed() == [], f"{name}: no (long_name, units) for {t.undescribed()}"
            for var in (t.dim, *t.data):
                long_name, units = t.meta[var]
                assert long_name and units == "1" and long_name != var, (name, var)

    def test_physics_names(self, results):
        ds = results["phase_diagram"].to_xarray()
        assert ds["delta2_gradient_flow"].attrs == {"long_name": "Delta_2 at the gradient-flow threshold",
                                                    "units": "1"}
        assert ds["delta_p"].attrs["long_name"].startswith("Delta_p")
        ds = results["gradient_flow"].to_xarray()
        assert ds["t"].attrs["long_name"] == "time t" and ds["m"].attrs["long_name"] == "overlap m"
        assert results["state_evolution"].to_xarray()["m"].attrs["long_name"] == "overlap m of the ML-AMP iterate"

    def test_xarray_plot_is_labelled_with_physics(self, results):
        from matplotlib.figure import Figure

        ax = Figure().add_subplot()
        results["gradient_flow"].to_xarray()["m"].plot(ax=ax)
        assert ax.get_xlabel() == "time t [1]" and ax.get_ylabel() == "overlap m [1]"
        ax = Figure().add_subplot()
        results["phase_diagram"].to_xarray()["delta2_amp"].plot(ax=ax)
        assert " ".join(ax.get_ylabel().split()) == "Delta_2 at the Bayes-optimal AMP threshold [1]"  # xarray wraps

    def test_integers_stay_integers(self, results, tmp_path):
        ds = results["state_evolution"].to_xarray()
        assert ds["step"].dtype.kind == "i" and type(ds.attrs["p"]) is int and type(ds.attrs["converged"]) is int
        sim = results["simulation"].to_xarray()
        assert type(sim.attrs["p"]) is int and type(sim.attrs["n"]) is int and type(sim.attrs["interrupted"]) is int
        path = _export.write(results["state_evolution"], tmp_path / "se.csv")
        rows = [line for line in path.read_text().splitlines() if not line.startswith("#")]
        assert rows[0] == "step,m" and rows[1].startswith("0,") and rows[2].startswith("1,")

    def test_one_spelling_of_the_precision(self, results):
        for name, r in results.items():
            value = r.to_xarray().attrs["dps"]
            assert value == "float64", name  # these are float64 results; mpmath ones: the test above
        for given, spelled in ((None, "float64"), ("none", "float64"), ("float64", "float64"), (30, 30)):
            assert _export.Table("x", np.arange(2), {}, {"dps": given}).attrs["dps"] == spelled
        for bad in ("mpmath", 0, True, 2.5):
            with pytest.raises(ValueError, match="dps attribute"):
                _export.Table("x", np.arange(2), {}, {"dps": bad})

    def test_meta_is_checked(self):
        with pytest.raises(ValueError, match="neither the dimension"):
            _export.Table("x", np.arange(2), {"y": np.zeros(2)}, meta={"z": ("zed", "1")})
        with pytest.raises(ValueError, match="two non-empty strings"):
            _export.Table("x", np.arange(2), {"y": np.zeros(2)}, meta={"y": ("why", "")})

    def test_a_table_made_elsewhere_is_described_too(self):
        # the CLI builds Tables without meta: the shared names come from QUANTITIES, the rest
        # are named by themselves
        ds = _export.to_xarray(_export.Table("row", np.array([0]), {"m": np.array([0.5]), "foo": np.array([1.0])}))
        assert ds["m"].attrs == {"long_name": "overlap m", "units": "1"}
        assert ds["foo"].attrs == {"long_name": "foo", "units": "1"} and ds["row"].attrs["long_name"] == "row index of a one-row result"

    def test_csv_says_names_and_units(self, results, tmp_path):
        path = _export.write(results["gradient_flow"], tmp_path / "g.csv")
        lines = path.read_text().splitlines()
        assert "# column t = time t [1]" in lines and "# column m = overlap m [1]" in lines
        assert "# dps = float64" in lines and "# p = 3" in lines

    def test_pandas_keeps_the_descriptions(self, results):
        frame = results["dynamics_threshold"].to_pandas()
        assert frame.attrs["variables"]["rate"] == ("plateau escape rate lambda_inf", "1")
        assert frame.attrs["variables"]["delta2"][0].startswith("Delta_2")


class _Dummy(DataOut):
    """A result type that plugs in by itself: table() and _draw(ax)."""

    def __init__(self, values):
        self.values = np.asarray(values, float)

    def table(self):
        return _export.Table("q", np.arange(self.values.size), {"y": self.values}, {"p": 2, "dps": None},
                             meta={"q": ("sample index", "1"), "y": ("signal strength y", "1")})

    def _draw(self, ax):
        ax.plot(self.values, label="dummy")
        ax.set_title("dummy result")
        return ax


class TestNewResultTypes:
    """A result type plugs in with table() and _draw(ax), without a builder here."""

    def test_table_and_xarray(self, tmp_path):
        d = _Dummy([1.0, 2.0, 3.0])
        assert not hasattr(_export, "_BUILDERS")  # no class-name dispatch
        ds = d.to_xarray()
        np.testing.assert_array_equal(ds["y"].values, [1.0, 2.0, 3.0])
        assert ds["y"].attrs == {"long_name": "signal strength y", "units": "1"} and ds.attrs["dps"] == "float64"
        back = xr.open_dataset(_export.write(d, tmp_path / "d.nc"), engine="scipy").load()
        assert back.identical(ds)
        frame = pd.read_csv(_export.write(d, tmp_path / "d.csv"), comment="#", index_col=0)
        np.testing.assert_array_equal(frame["y"].values, [1.0, 2.0, 3.0])

    def test_plot_uses_draw(self, tmp_path):
        ax = _Dummy([1.0, 2.0]).plot()
        assert ax.get_title() == "dummy result" and [line.get_label() for line in ax.get_lines()] == ["dummy"]
        assert _export.write(_Dummy([1.0, 2.0]), tmp_path / "d.png").stat().st_size > 1000

    def test_table_must_be_a_table(self):
        class Bad(DataOut):
            def table(self):
                return {"y": [1]}

        with pytest.raises(TypeError, match=r"Bad.table\(\) must return"):
            Bad().to_xarray()

    def test_without_either_says_what_to_define(self):
        class Bare(DataOut):
            pass

        with pytest.raises(TypeError, match=r"define its table\(\)"):
            Bare().to_xarray()
        with pytest.raises(TypeError, match=r"define its _draw\(ax\)"):
            Bare().plot()


def _twin(ax):
    """The other axes of the figure that shares ``ax``'s x axis (the energy axis)."""
    others = [a for a in ax.figure.axes if a is not ax]
    assert len(others) == 1, "one energy axis per figure"
    return others[0]


class TestFigures:
    """Issue 18 item 7: the same axes and conventions across the runs in time."""

    @pytest.mark.parametrize("name", ["gradient_flow", "simulation"])
    def test_runs_in_time_share_the_layout(self, results, name):
        r = results[name]
        ax = r.plot()
        twin = _twin(ax)
        assert ax.get_xscale() == "symlog" and ax.get_xlabel() == "time t"
        assert ax.get_ylabel() == "overlap m" and twin.get_ylabel() == "energy per coordinate"
        (m_line,), (e_line,) = ax.get_lines(), twin.get_lines()
        np.testing.assert_array_equal(m_line.get_ydata(), r.m)
        np.testing.assert_array_equal(e_line.get_ydata(), r.energy)
        title = ax.get_title()
        assert title.startswith("gradient flow: p = 3, $\\Delta_2$ = ") and "$\\Delta_p$ = 1" in title
        assert "T =" not in title

    def test_large_n_and_finite_n_overlay(self, results):
        gf, sim = results["gradient_flow"], results["simulation"]
        ax = gf.plot()
        assert sim.plot(ax=ax) is ax
        twin = _twin(ax)  # the second run reused the energy axis
        assert [line.get_label() for line in ax.get_lines()] == ["m, large N", "m, N = 30"]
        assert [line.get_label() for line in twin.get_lines()] == ["energy, large N", "energy, N = 30"]
        assert [line.get_linestyle() for line in ax.get_lines()] == ["-", "--"]
        assert [t.get_text() for t in ax.get_legend().get_texts()] == [
            "m, large N", "m, N = 30", "energy, large N", "energy, N = 30"]

    def test_langevin_title_states_the_temperature(self):
        r = theory.gradient_flow(p=3, delta2=0.4, delta_p=1.0, m0=1e-3, t_max=5.0, temperature=0.3)
        assert r.plot().get_title().startswith("Langevin dynamics at T = 0.3: p = 3")

    def test_dynamics_threshold_draws_the_fit_and_the_closed_form(self, results):
        r = results["dynamics_threshold"]
        ax = r.plot()
        lines = {line.get_label(): line for line in ax.get_lines()}
        (fit,) = [line for label, line in lines.items() if label.startswith("fit, quadratic")]
        # the drawn fit ends where it crosses zero, which is the estimate of the estimator
        # (numerics.dmft_threshold.extrapolate): the figure refits the same runs
        assert fit.get_xdata()[-1] == pytest.approx(r.value, abs=1e-9)
        assert fit.get_ydata()[-1] == pytest.approx(0.0, abs=1e-9)
        (closed,) = [line for label, line in lines.items() if label.startswith("closed form (gradient flow)")]
        assert closed.get_xdata()[0] == theory.threshold(3, 1.0, kind="gradient_flow")
        (dyn,) = [line for label, line in lines.items() if label.startswith("from the dynamics")]
        assert dyn.get_xdata()[0] == r.value
        assert ax.get_title().startswith("gradient-flow threshold from the dynamics: p = 3, $\\Delta_p$ = 1")
        assert ax.get_xlabel().startswith(r"$\Delta_2$") and "escape rate" in ax.get_ylabel()

    def test_langevin_dynamics_threshold(self):
        # runs along sqrt(lambda) = 0.7 - Delta2 (a made-up result: the figure is tested, not the runs)
        d2 = (0.5, 0.55, 0.6)
        r = theory.DynamicsThreshold(value=0.7, error=0.01, model=theory.Model(tensors={3: 1.0}),
                                     temperature=1.0, delta2s=d2, rates=tuple((0.7 - x) ** 2 for x in d2),
                                     rate_errors=(1e-4,) * 3, half_time_value=None, t_max=60.0, dt=0.1,
                                     window=None)
        ax = r.plot()
        labels = [line.get_label() for line in ax.get_lines()]
        assert "fit, linear in $1/\\Delta_2$ of $\\sqrt{\\lambda_\\infty/\\Delta_2}$" in labels
        (closed,) = [line for line in ax.get_lines() if line.get_label().startswith("closed form (Langevin)")]
        assert closed.get_xdata()[0] == theory.threshold(3, 1.0, kind="langevin", temperature=1.0)
        assert ax.get_title().startswith("Langevin threshold from the dynamics at T = 1: p = 3")

    def test_state_evolution_title_has_the_parameters(self, results):
        ax = results["state_evolution"].plot()
        assert ax.get_title() == ("state evolution of ML-AMP: p = 3, $\\Delta_2$ = 0.6, $\\Delta_p$ = 1, "
                                  "$m_0$ = 1e-06")
        labels = [line.get_label() for line in ax.get_lines()]
        assert labels[0] == "ML-AMP iterates" and "fixed point 0.7326 (stable)" in labels

    def test_interrupted_run_says_so(self, results):
        import dataclasses

        r = dataclasses.replace(results["gradient_flow"], interrupted=True)
        assert r.plot().get_lines()[0].get_label() == "m, large N (interrupted)"


def test_dynamics_threshold_exports_the_plateau_report(tmp_path):
    # the drifts given to a made-up result come out as a described column, the verdict as an attribute,
    # and the NetCDF file round-trips
    d2 = (0.5, 0.55, 0.6)
    r = theory.DynamicsThreshold(value=0.7, error=0.01, model=theory.Model(tensors={3: 1.0}), temperature=1.0,
                                 delta2s=d2, rates=(0.04, 0.0225, 0.01), rate_errors=(1e-4,) * 3,
                                 half_time_value=None, t_max=60.0, dt=0.1, window=None,
                                 plateau_drifts=(-0.004, -0.003, -0.0025), plateau_settled=False)
    xr = pytest.importorskip("xarray")
    ds = r.to_xarray()
    assert list(ds["plateau_drift"].values) == [-0.004, -0.003, -0.0025]
    assert "C(2 tw, tw)" in ds["plateau_drift"].attrs["long_name"] and "units" in ds["plateau_drift"].attrs
    assert ds.attrs["plateau_settled"] == 0
    path = tmp_path / "r.nc"
    ds.to_netcdf(path)
    assert xr.open_dataset(path).identical(ds)
    assert "plateau_drift" not in dataclasses.replace(r, plateau_drifts=(), plateau_settled=None).to_xarray()


def test_several_tensor_channels_are_named_in_the_attributes():
    se = theory.state_evolution(model=theory.Model(delta2=0.6, tensors={3: 1.0, 4: 2.0}))
    attrs = se.to_xarray().attrs
    assert attrs["delta_3"] == 1.0 and attrs["delta_4"] == 2.0 and attrs["orders"] == "3,4"
    assert "$\\Delta_{4}$ = 2" in se.plot().get_title()


@pytest.mark.parametrize("se", [
    dict(p=3, delta2=0.6, delta_p=1.0, kind="amp", iterations=3),
    dict(model=theory.Model(delta2=0.6, tensors={3: 1.0, 4: 2.0, 5: 0.25})),
])
def test_a_long_title_breaks_and_fits(se):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    ax = theory.state_evolution(**se).plot()
    canvas = FigureCanvasAgg(ax.figure)
    canvas.draw()
    extent, box = ax.title.get_window_extent(canvas.get_renderer()), ax.figure.bbox
    assert box.x0 - 1 <= extent.x0 and extent.x1 <= box.x1 + 1, ax.get_title()
    assert ax.get_title().startswith("state evolution of ") and "\n" in ax.get_title()


class TestOneRowResults:
    """The threshold and the Hessian spectrum as one-row tables (issue 19 item 4)."""

    def test_threshold_result(self, results):
        r = results["threshold_result"]
        ds = r.to_xarray()
        assert float(ds["delta2"][0]) == float(r.value) and ds.attrs["dps"] == "float64" and ds.attrs["p"] == 4
        high = theory.threshold(p=4, delta_p="0.7", dps=30, full_output=True).to_xarray()
        assert high.attrs["dps"] == 30 and float(high["delta2"][0]) == pytest.approx(float(r.value), rel=1e-15)
        assert ds["delta2"].attrs["long_name"] == "Delta_2 at the gradient-flow threshold"

    def test_hessian(self, results):
        h = results["hessian"]
        ds = h.to_xarray()
        # README's closed forms: bulk +-2 sqrt(6), outlier -5.5 at Delta2 = 1/4, Deltap = 1, m = mu = 0
        assert float(ds["outlier"][0]) == -5.5 and float(ds["bulk_upper"][0]) == pytest.approx(2 * 6**0.5, rel=1e-15)
        assert ds.attrs["is_minimum"] == 0 and ds.attrs["dps"] == "float64"
