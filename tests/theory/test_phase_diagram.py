"""theory.phase_diagram and its figure (docs/phase_diagram.md; arXiv:1902.00139 Fig. 1)."""

import mpmath
import numpy as np
import pytest

import theory

FAST = ("gradient_flow", "ml_amp", "amp", "information_theoretic")
GRID = 1 / np.linspace(0.05, 8.0, 40)


def _has_trivialization() -> bool:
    return "trivialization" in theory.kinds()


@pytest.fixture(scope="module")
def diagrams():
    """One phase diagram per p = 3..8 (trivialization on a coarser grid: it is the slow kind)."""
    out = {}
    for p in range(3, 9):
        out[p] = theory.phase_diagram(p, GRID, kinds=FAST)
    return out


class TestPhaseDiagram:
    @pytest.mark.parametrize("p", range(3, 9))
    def test_lines_are_ordered(self, diagrams, p):
        # In Delta2 (the reverse of 1/Delta2): gradient flow < ML-AMP < AMP = 1 <= IT.
        d = diagrams[p]
        assert np.all(d["gradient_flow"] < d["ml_amp"])
        assert np.all(d["ml_amp"] < d["amp"])
        assert np.all(d["amp"] <= d["information_theoretic"])

    @pytest.mark.parametrize("p", range(3, 9))
    def test_trivialization_is_the_hardest_line(self, p):
        if not _has_trivialization():
            pytest.skip("kind 'trivialization' is not registered (theory/_landscape.py not merged yet)")
        grid = 1 / np.linspace(0.1, 8.0, 6)
        d = theory.phase_diagram(p, grid, kinds=["trivialization", "gradient_flow"])
        assert np.all(d["trivialization"] < d["gradient_flow"])

    @pytest.mark.parametrize("p", [3, 4, 6, 8])
    def test_all_lines_tend_to_one(self, p):
        kinds = [*FAST, *(["trivialization"] if _has_trivialization() else [])]
        far = np.array([1e2, 3e2, 1e3, 3e3])
        d = theory.phase_diagram(p, far, kinds=kinds)
        for k in kinds:
            gap = np.abs(1 - d[k])
            # Each gap shrinks like 1/Deltap (spec: gradient flow 1 - Delta2 <= (p-1)/Deltap).
            assert np.all(gap <= 2 * (p - 1) / far), (k, gap)
            assert np.all(np.diff(gap) <= 0), (k, gap)

    def test_default_includes_every_registered_kind(self):
        d = theory.phase_diagram(3, [0.5, 2.0])
        assert d.kinds == theory.kinds()
        for k in d.kinds:
            assert d[k].shape == (2,)
            np.testing.assert_array_equal(d[k], theory.threshold(3, np.array([0.5, 2.0]), kind=k))

    def test_default_grid(self):
        d = theory.phase_diagram(5, kinds=["amp"])
        assert d.delta_p.shape == (200,) and np.all(d.delta_p > 0)

    def test_onsets_are_reported(self, diagrams):
        for p in range(3, 9):
            d = diagrams[p]
            assert d.first_order_delta_p == theory.first_order_delta_p(p)
            assert d.tensor_recovery_delta_p == theory.tensor_recovery_delta_p(p)
            first_order = d["information_theoretic"] > 1
            np.testing.assert_array_equal(first_order, d.delta_p < d.first_order_delta_p)
        assert "p=3" in repr(diagrams[3]) and "first order below Deltap=1" in repr(diagrams[3])

    def test_dps_gives_certified_mpf(self):
        d = theory.phase_diagram(4, [0.2, 1.0], kinds=["ml_amp", "information_theoretic"], dps=25)
        assert d.dps == 25 and isinstance(d["information_theoretic"][0], mpmath.mpf)
        assert d["information_theoretic"][0] == theory.threshold(4, 0.2, kind="information_theoretic", dps=25)

    def test_bad_input(self):
        with pytest.raises(ValueError, match="kinds: unknown kind 'bayes'"):
            theory.phase_diagram(3, [1.0], kinds=["bayes"])
        with pytest.raises(ValueError, match="delta_p"):
            theory.phase_diagram(3, [1.0, -2.0])
        with pytest.raises(ValueError, match="p must be"):
            theory.phase_diagram(2, [1.0])


class TestPhaseDiagramFigure:
    def test_png_is_a_valid_image(self, diagrams, tmp_path):
        import matplotlib.image

        path = diagrams[3].save(tmp_path / "pd.png")
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        image = matplotlib.image.imread(path)
        assert image.ndim == 3 and image.shape[0] > 300 and image.shape[1] > 300
        assert image[..., :3].std() > 0.05  # not blank

    def test_svg_and_pdf(self, diagrams, tmp_path):
        svg = diagrams[4].save(tmp_path / "pd.svg").read_text()
        assert "<svg" in svg and "impossible" in svg
        assert diagrams[4].save(tmp_path / "pd.pdf").read_bytes()[:5] == b"%PDF-"

    def test_regions_are_labelled(self, diagrams):
        ax = diagrams[3].plot()
        labels = {t.get_text() for t in ax.texts}
        assert {"impossible", "hard: possible, AMP fails", "Bayes AMP only", "ML-AMP, not gradient flow"} <= labels
        assert [line.get_label() for line in ax.get_legend().get_lines()][:2] == ["gradient flow", "ML-AMP"]

    def test_bad_suffix(self, diagrams, tmp_path):
        with pytest.raises(ValueError, match=r"\.png, \.svg or \.pdf"):
            diagrams[3].save(tmp_path / "pd.jpg")


class TestPhaseDiagramValue:
    def test_is_a_mapping(self, diagrams):
        d = diagrams[4]
        assert list(d) == list(FAST) and len(d) == len(FAST) and "amp" in d and "bayes" not in d
        assert list(d.keys()) == list(FAST) and dict(d.items())["amp"] is d["amp"]
        with pytest.raises(KeyError):
            d["bayes"]

    def test_pickles_and_compares(self, diagrams):
        import pickle

        d = theory.phase_diagram(4, [0.1, 0.25, 0.5, 2.0], kinds=["amp", "mmse_jump"])
        back = pickle.loads(pickle.dumps(d))
        assert back == d and back is not d and np.isnan(back["mmse_jump"][-1])
        assert d != diagrams[4] and d != "diagram"
        assert not d["amp"].flags.writeable

    def test_scalar_and_two_dimensional_grids(self):
        one = theory.phase_diagram(4, 0.2, kinds=["amp", "ml_amp"])
        assert one["amp"].shape == (1,) and one["amp"][0] == theory.threshold(4, 0.2, kind="amp")
        grid = np.array([[0.1, 0.2], [0.5, 1.0]])
        two = theory.phase_diagram(4, grid, kinds=["amp", "information_theoretic"])
        assert two["amp"].shape == (2, 2)
        np.testing.assert_array_equal(two["amp"], theory.threshold(4, grid, kind="amp"))
        with pytest.raises(ValueError, match="1-D grid"):
            two.plot()

    def test_dps_keeps_nan_where_the_overlap_does_not_jump(self):
        d = theory.phase_diagram(4, [0.25, 0.5], kinds=["mmse_jump"], dps=20)
        assert isinstance(d["mmse_jump"][0], mpmath.mpf) and mpmath.isnan(d["mmse_jump"][1])
        assert d["mmse_jump"][0] == theory.threshold(4, 0.25, kind="mmse_jump", dps=20)


class TestPhaseDiagramExecutor:
    def test_thread_pool_equals_serial(self):
        import concurrent.futures as cf

        grid = 1 / np.linspace(0.5, 9.0, 60)
        serial = theory.phase_diagram(4, grid, kinds=["amp", "mmse_jump", "ml_amp"])
        with cf.ThreadPoolExecutor(2) as pool:
            parallel = theory.phase_diagram(4, grid, kinds=["amp", "mmse_jump", "ml_amp"], executor=pool)
        assert parallel == serial

    @pytest.mark.slow
    def test_process_pool_equals_serial(self):
        import concurrent.futures as cf

        grid = 1 / np.linspace(0.5, 9.0, 30)
        serial = theory.phase_diagram(5, grid, kinds=["amp", "information_theoretic"])
        with cf.ProcessPoolExecutor(2) as pool:
            parallel = theory.phase_diagram(5, grid, kinds=["amp", "information_theoretic"], executor=pool)
        assert parallel == serial

    def test_bad_executor(self):
        with pytest.raises(ValueError, match="executor must be"):
            theory.phase_diagram(3, [1.0], kinds=["amp"], executor="pool")


@pytest.fixture(scope="module")
def hard():
    grid = 1 / np.linspace(0.5, 12.0, 80)
    return theory.phase_diagram(4, grid, kinds=["ml_amp", "amp", "mmse_jump", "information_theoretic"])


class TestHardRegionFigure:
    def test_hard_region_is_labelled_in_a_zoom(self, hard):
        ax = hard.plot(y_min=0.5, y_max=1.35)
        labels = {t.get_text() for t in ax.texts}
        assert "hard: possible, AMP fails" in labels and "critical point" in labels
        assert "MMSE jump (first order)" in [line.get_label() for line in ax.get_legend().get_lines()]

    @pytest.mark.parametrize("zoom", [{}, {"y_min": 0.5, "y_max": 1.35}])
    def test_no_label_crosses_a_line(self, hard, diagrams, zoom):
        from theory._phase_diagram import _crosses, _renderer

        for d in (hard, diagrams[3]):
            ax = d.plot(**zoom)
            renderer = _renderer(ax.figure)
            inverse = ax.transData.inverted()
            lines = [(line.get_xdata(), line.get_ydata()) for line in ax.get_lines() if len(line.get_xdata()) > 1]
            for text in ax.texts:
                (x0, y0), (x1, y1) = inverse.transform(text.get_window_extent(renderer).get_points())
                for x, y in lines:
                    assert not _crosses((x0, y0, x1, y1), np.asarray(x), [np.asarray(y)]), text.get_text()


class TestPhaseDiagramModel:
    def test_model_scales_its_tensor_variances(self):
        from fractions import Fraction

        kinds = ["gradient_flow", "ml_amp", "amp", "information_theoretic"]
        scaled = theory.phase_diagram(model=theory.Model(tensors={4: Fraction(1, 2)}), delta_p=[0.5, 1.0, 4.0], kinds=kinds)
        plain = theory.phase_diagram(4, [0.25, 0.5, 2.0], kinds=kinds)
        for k in kinds:
            np.testing.assert_array_equal(scaled[k], plain[k])
        unit = theory.phase_diagram(model=theory.Model(tensors={4: 1}), delta_p=[0.25, 0.5, 2.0], kinds=kinds)
        assert unit == plain

    def test_kinds_that_refuse_the_model(self):
        mixture = theory.Model(tensors={3: 1, 4: 2})
        d = theory.phase_diagram(model=mixture, delta_p=[1.0, 2.0])
        for k in d:
            assert theory.kinds().index(k) >= 0 and d[k].shape == (2,)
        assert set(d) == set(theory.kinds())  # every kind handles several tensor channels
        mismatched = theory.Model(tensors={3: 1, 4: 2}, assumed=theory.Model(tensors={3: 2, 4: 2}))
        with pytest.raises(ValueError, match="Bayes"):
            theory.phase_diagram(model=mismatched, delta_p=[1.0], kinds=["amp"])
        with pytest.raises(ValueError, match="not both"):
            theory.phase_diagram(3, model=mixture)


class TestPhaseDiagramInputs:
    @pytest.mark.parametrize("kinds", [3, 0.5, True, np.array([0.5]), "gradient_flow", [3]])
    def test_kinds_must_be_a_list_of_names(self, kinds):
        with pytest.raises(ValueError, match="^kinds"):
            theory.phase_diagram(3, [1.0], kinds=kinds, progress=False)

    def test_kinds_repeated_or_refusing_the_model(self):
        with pytest.raises(ValueError, match="^kinds: each kind at most once"):
            theory.phase_diagram(3, [1.0], kinds=["gradient_flow", "gradient_flow"], progress=False)
        mismatched = theory.Model(0.5, {3: 1.0, 4: 2.0}, assumed=theory.Model(0.5, {3: 2.0, 4: 2.0}))
        with pytest.raises(ValueError, match="^kinds: kind='amp' needs the Bayes-optimal structure"):
            theory.phase_diagram(delta_p=1.0, kinds=["amp"], model=mismatched, progress=False)

    @pytest.mark.parametrize("delta_p", [5e-324, 1e-320, 2.2250738585072014e-308, 1.7976931348623157e308])
    def test_ends_of_the_double_range(self, delta_p):
        # the closed form 2/(1 + sqrt(1 + 8/Deltap)) in mpmath (independent of the float kernels)
        ctx = mpmath.mp.clone()
        ctx.dps = 30
        dp = ctx.mpf(delta_p)
        expected = float(2 / (1 + ctx.sqrt(1 + 8 / dp)))
        d = theory.phase_diagram(3, delta_p, kinds=["gradient_flow", "ml_amp"], progress=False)
        assert d["gradient_flow"][0] == pytest.approx(expected, rel=1e-14)
        assert np.isfinite(d["ml_amp"]).all() and (d["ml_amp"] > 0).all()


def _gradient_flow_closed_form(p, delta_p) -> float:
    """2/(1 + sqrt(1 + 4 (p - 1)/Deltap)) in mpmath at 30 digits (independent of the kernels)."""
    ctx = mpmath.mp.clone()
    ctx.dps = 30
    return float(2 / (1 + ctx.sqrt(1 + 4 * (p - 1) / ctx.mpf(delta_p))))


@pytest.fixture
def flaky_kind(monkeypatch):
    """A registered kind that raises ConvergenceError for Deltap > 2 (and is the gradient-flow
    line elsewhere): a kind that cannot be computed at some points of a grid."""
    from numerics.solvers import ConvergenceError
    from theory import _thresholds

    gf = _thresholds._KINDS["gradient_flow"]

    def check(delta_p):
        if np.any(np.asarray(delta_p, dtype=float) > 2):
            raise ConvergenceError("flaky: no sign change above Deltap = 2")

    def evaluate_float(tensors):
        check(tensors.value(3))
        return gf.evaluate_float(tensors)

    def evaluate_mp(ctx, tensors):
        check(float(tensors.variances[3]))
        return gf.evaluate_mp(ctx, tensors)

    kind = _thresholds.ThresholdKind("flaky", "test kind", evaluate_float, evaluate_mp, any_channels=True)
    monkeypatch.setitem(_thresholds._KINDS, "flaky", kind)
    return kind


class TestPhaseDiagramKeepsWhatItCan:
    """Issue 18 item 3: a kind that cannot be computed at a point is nan there, with one warning
    naming the kind and the point; the other entries and kinds are kept."""

    def test_the_issue_grid_keeps_every_kind(self):
        # phase_diagram(3, [1e-300, 1.0]) lost the whole diagram (the Langevin line raised
        # ConvergenceError below its Delta2 grid); now the Langevin line is computed there and the
        # one kind that cannot be (trivialization: its float64 scan needs variances in
        # [1e-250, 1e250]) is nan at 1e-300 with one warning naming it and the point
        with pytest.warns(UserWarning) as caught:
            d = theory.phase_diagram(3, [1e-300, 1.0], progress=False)
        assert set(d) == set(theory.kinds())
        failed = [str(w.message) for w in caught if "could not be computed" in str(w.message)]
        assert len(failed) == 1 and "kind='trivialization'" in failed[0] and "Deltap = 1e-300" in failed[0]
        assert np.isnan(d["trivialization"][0]) and np.isfinite(d["trivialization"][1])
        # gradient flow: the closed form; Langevin at T = 1: sqrt(Deltap/2) below Deltap = 2 (by hand)
        assert d["gradient_flow"][0] == pytest.approx(_gradient_flow_closed_form(3, 1e-300), rel=1e-14)
        np.testing.assert_allclose(d["langevin"], np.sqrt(np.array([1e-300, 1.0]) / 2), rtol=1e-13)
        for k in d:
            assert np.isfinite(d[k][1]), k

    @pytest.mark.parametrize("dps", [None, 20])
    def test_failing_points_are_nan_with_one_warning(self, flaky_kind, dps):
        grid = [0.5, 1.0, 3.0, 4.0, 1.5]
        with pytest.warns(UserWarning, match=r"kind='flaky' could not be computed at 2 values of Deltap \(3, 4\)"
                                             r".*ConvergenceError: flaky") as caught:
            d = theory.phase_diagram(3, grid, kinds=["gradient_flow", "flaky"], dps=dps, progress=False)
        assert len([w for w in caught if "could not be computed" in str(w.message)]) == 1
        nan = [bool(mpmath.isnan(v)) for v in d["flaky"]]
        assert nan == [False, False, True, True, False]
        for i in (0, 1, 4):
            assert float(d["flaky"][i]) == pytest.approx(_gradient_flow_closed_form(3, grid[i]), rel=1e-14)
        for i, dp in enumerate(grid):
            assert float(d["gradient_flow"][i]) == pytest.approx(_gradient_flow_closed_form(3, dp), rel=1e-14)

    def test_on_an_executor_as_serially(self, flaky_kind):
        import concurrent.futures as cf

        grid = np.linspace(0.5, 4.0, 60)  # three tasks of CHUNK = 25 points
        with pytest.warns(UserWarning, match="kind='flaky'"):
            serial = theory.phase_diagram(3, grid, kinds=["flaky"], progress=False)
        with cf.ThreadPoolExecutor(2) as pool, pytest.warns(UserWarning, match="kind='flaky'"):
            parallel = theory.phase_diagram(3, grid, kinds=["flaky"], executor=pool, progress=False)
        assert parallel == serial
        assert np.array_equal(np.isnan(serial["flaky"]), grid > 2)

    def test_undefined_is_nan_without_a_warning(self):
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("error")
            d = theory.phase_diagram(4, [0.25, 0.5], kinds=["mmse_jump"], progress=False)
        assert np.isfinite(d["mmse_jump"][0]) and np.isnan(d["mmse_jump"][1])


class TestPhaseDiagramInterrupted:
    """The Ctrl-C contract (theory/_interrupt.py): the diagram with what finished, nan elsewhere."""

    def test_keyboard_interrupt_returns_what_finished(self, monkeypatch):
        from theory import _phase_diagram

        real = _phase_diagram._evaluate
        calls = []

        def evaluate(task):
            calls.append(task)
            if len(calls) == 3:
                raise KeyboardInterrupt
            return real(task)

        monkeypatch.setattr(_phase_diagram, "_evaluate", evaluate)
        grid = np.linspace(0.5, 4.0, 30)  # tasks: (gf, 25), (gf, 5), (ml_amp, 25), (ml_amp, 5)
        with pytest.warns(theory.Interrupted, match="phase_diagram interrupted.*2 of 4 tasks"):
            d = theory.phase_diagram(3, grid, kinds=["gradient_flow", "ml_amp"], progress=False)
        assert d.interrupted and "interrupted=True" in repr(d)
        assert np.isfinite(d["gradient_flow"]).all() and np.isnan(d["ml_amp"]).all()
        assert len(calls) == 3  # the sweep stopped at the interrupt
        complete = theory.phase_diagram(3, grid, kinds=["gradient_flow", "ml_amp"], progress=False)
        assert not complete.interrupted and complete != d
        np.testing.assert_array_equal(d["gradient_flow"], complete["gradient_flow"])

    def test_interrupted_survives_pickling(self, monkeypatch):
        import pickle

        from theory import _phase_diagram

        def evaluate(task):
            raise KeyboardInterrupt

        monkeypatch.setattr(_phase_diagram, "_evaluate", evaluate)
        with pytest.warns(theory.Interrupted, match="0 of 1 tasks"):
            d = theory.phase_diagram(3, [1.0], kinds=["gradient_flow"], dps=10, progress=False)
        assert d.interrupted and mpmath.isnan(d["gradient_flow"][0])
        assert pickle.loads(pickle.dumps(d)) == d

    def test_real_sigint_to_a_subprocess(self, tmp_path):
        """SIGINT during the second task of a sweep in a child process: it returns the diagram."""
        import os
        import signal
        import subprocess
        import sys

        script = tmp_path / "child.py"
        script.write_text(
            "import sys, time, warnings\n"
            "import numpy as np\n"
            "import theory\n"
            "from theory import _phase_diagram\n"
            "real, calls = _phase_diagram._evaluate, []\n"
            "def evaluate(task):\n"
            "    calls.append(task)\n"
            "    if len(calls) == 2:\n"
            "        print('ready', flush=True)\n"
            "        time.sleep(60)\n"
            "    return real(task)\n"
            "_phase_diagram._evaluate = evaluate\n"
            "with warnings.catch_warnings(record=True) as caught:\n"
            "    warnings.simplefilter('always')\n"
            "    d = theory.phase_diagram(3, np.linspace(0.5, 4.0, 30), kinds=['gradient_flow', 'ml_amp'],\n"
            "                             progress=False)\n"
            "print(d.interrupted, int(np.isfinite(d['gradient_flow']).sum()), int(np.isnan(d['ml_amp']).sum()),\n"
            "      [type(w.message).__name__ for w in caught], flush=True)\n")
        root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        child = subprocess.Popen([sys.executable, str(script)], cwd=root, stdout=subprocess.PIPE, text=True,
                                 env={**os.environ, "PYTHONPATH": root})
        try:
            assert child.stdout.readline().strip() == "ready"
            child.send_signal(signal.SIGINT)
            out, _ = child.communicate(timeout=60)
        finally:
            child.kill()
        assert child.returncode == 0
        assert out.strip() == "True 25 30 ['Interrupted']"


class TestPhaseDiagramPlotAxes:
    """Issue 18 item 9: ``plot(axes="paper")`` (Deltap across, arXiv:1907.08226 Fig. 1), the
    Langevin line's temperature in the legend, no legend entry without a drawn line."""

    GRID = np.array([0.5, 1.0, 2.0, 4.0])

    @pytest.fixture(scope="class")
    @classmethod
    def diagram(cls):
        return theory.phase_diagram(3, cls.GRID, kinds=["gradient_flow", "ml_amp", "langevin"], progress=False)

    @staticmethod
    def _line(ax, label):
        (line,) = [ln for ln in ax.get_lines() if ln.get_label() == label]
        return np.asarray(line.get_xdata()), np.asarray(line.get_ydata())

    def test_toolkit_axes_put_the_inverse_across(self, diagram):
        ax = diagram.plot()
        x, y = self._line(ax, "gradient flow")
        np.testing.assert_allclose(x, np.sort(1 / self.GRID), rtol=1e-15)
        # 1/Delta2 with Delta2 = 2/(1 + sqrt(1 + 8/Deltap)) (closed form), in the order of x
        expected = (1 + np.sqrt(1 + 8 / self.GRID)) / 2
        np.testing.assert_allclose(y, expected[np.argsort(1 / self.GRID)], rtol=1e-12)
        assert ax.get_xlabel().startswith(r"$1/\Delta_p$")

    def test_paper_axes_put_delta_p_across(self, diagram):
        ax = diagram.plot(axes="paper")
        x, y = self._line(ax, "gradient flow")
        np.testing.assert_allclose(x, self.GRID, rtol=0)
        np.testing.assert_allclose(y, (1 + np.sqrt(1 + 8 / self.GRID)) / 2, rtol=1e-12)
        assert ax.get_xlabel().startswith(r"$\Delta_p$") and ax.get_ylabel().startswith(r"$1/\Delta_2$")
        assert ax.get_xlim() == (0.5, 4.0)
        # the first-order onset (Deltap = 1 for p = 3) is marked at Deltap itself
        marks = [ln for ln in ax.get_lines() if ln.get_marker() == "o"]
        assert [float(m.get_xdata()[0]) for m in marks] == [pytest.approx(1.0)]

    def test_bad_axes(self, diagram):
        with pytest.raises(ValueError, match="^axes must be 'toolkit'.*or 'paper'"):
            diagram.plot(axes="inverse")

    def test_langevin_legend_names_its_temperature(self, diagram):
        labels = [t.get_text() for t in diagram.plot().get_legend().get_texts()]
        assert "Langevin dynamics, T = 1" in labels
        x, y = self._line(diagram.plot(), "Langevin dynamics, T = 1")
        # Deltap < 2 at p = 3: Delta2 = sqrt(Deltap/2) (by hand, test_langevin_kind.py); 1 from 2 on
        expected = np.where(self.GRID < 2, np.sqrt(self.GRID / 2), 1.0)
        np.testing.assert_allclose(y, 1 / expected[np.argsort(1 / self.GRID)], rtol=1e-12)

    def test_no_legend_entry_without_a_drawn_line(self, flaky_kind):
        with pytest.warns(UserWarning, match="kind='flaky'"):
            d = theory.phase_diagram(3, [3.0, 4.0], kinds=["gradient_flow", "flaky"], progress=False)
        assert np.isnan(d["flaky"]).all()
        labels = [t.get_text() for t in d.plot().get_legend().get_texts()]
        assert labels == ["gradient flow"]
        # a line wholly below a zoomed view has no entry either: at Deltap = 3, 4 the ML-AMP line
        # 1/Delta2 = 1/2 + sqrt(1/4 + 1/Deltap) (arXiv:1902.00139) is below 1.3, the GF line above
        with pytest.warns(UserWarning, match="kind='flaky'"):
            both = theory.phase_diagram(3, [3.0, 4.0], kinds=["gradient_flow", "ml_amp", "flaky"], progress=False)
        assert [t.get_text() for t in both.plot(y_min=1.3, y_max=3.0).get_legend().get_texts()] == ["gradient flow"]


def test_no_mmse_jump_entry_where_the_overlap_never_jumps():
    # p = 4 beyond the critical point (1/Deltap < 3.36, critical_point(4)): mmse_jump is nan
    # throughout and is drawn on the information-theoretic line, without a legend entry
    d = theory.phase_diagram(4, [0.5, 1.0], kinds=["amp", "mmse_jump", "information_theoretic"], progress=False)
    assert np.isnan(d["mmse_jump"]).all()
    labels = [t.get_text() for t in d.plot().get_legend().get_texts()]
    assert "MMSE jump (first order)" not in labels and "information-theoretic" in labels
    jump = theory.phase_diagram(4, [0.25, 0.5], kinds=["amp", "mmse_jump"], progress=False)
    assert "MMSE jump (first order)" in [t.get_text() for t in jump.plot().get_legend().get_texts()]


class TestLangevinReentrant:
    """The Langevin line's escape set at p = 4 (issue 21 item 3): where runs escape again above the line."""

    GRID = [0.25, 0.35, 0.4, 0.5, 1.0]

    @staticmethod
    def _roots(delta_p):
        # p = 4, T = 1, by hand: r = (1 - D)(1 - 3 D^2 (1 - D)/Deltap): the roots of the cubic in (0, 1)
        r = np.roots([-3.0, 3.0, 0.0, -delta_p])
        return sorted(float(x.real) for x in r if abs(x.imag) < 1e-12 and 0 < x.real < 1)

    @pytest.fixture(scope="class")
    @classmethod
    def diagram(cls):
        return theory.phase_diagram(4, cls.GRID, kinds=["gradient_flow", "langevin"], progress=False)

    def test_second_interval_where_the_cubic_has_two_roots(self, diagram):
        spans = diagram.reentrant["langevin"]
        assert spans.shape == (5, 1, 2) and "gradient_flow" not in diagram.reentrant
        for dp, (lo, hi) in zip(self.GRID, spans[:, 0]):
            if dp in (0.35, 0.4):  # two roots below 4/9 and an unambiguous plateau at the upper one
                assert lo == pytest.approx(self._roots(dp)[1], rel=1e-12) and hi == 1.0
            else:  # 0.25: the upper root's plateau is ambiguous (not decided); 0.5, 1: one interval
                assert np.isnan(lo) and np.isnan(hi)

    def test_the_figure_hatches_it(self, diagram):
        ax = diagram.plot()
        hatched = [c for c in ax.collections if c.get_label() == "Langevin dynamics: escapes again"]
        assert len(hatched) == 1 and hatched[0].get_hatch() == "///"
        legend = [t.get_text() for t in ax.get_legend().get_texts()]
        assert "Langevin dynamics: escapes again" in legend

    def test_p3_has_none_and_the_result_compares(self, diagram):
        assert theory.phase_diagram(3, [0.5, 1.0], kinds=["langevin"], progress=False).reentrant == {}
        import pickle

        assert pickle.loads(pickle.dumps(diagram)) == diagram
