"""theory/cli.py: ``spiked-theory`` / ``python -m theory`` (the main job and the subcommands)."""

import argparse
import inspect
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import mpmath
import numpy as np
import pytest

import theory
from theory import cli


def run(argv):
    out = io.StringIO()
    status = cli.main(argv, out=out)
    return status, out.getvalue()


@pytest.fixture(scope="module")
def main_job(tmp_path_factory):
    """The bare command, run once in a fresh working directory."""
    import os

    where = tmp_path_factory.mktemp("main_job")
    old = os.getcwd()
    os.chdir(where)
    try:
        status, text = run([])
    finally:
        os.chdir(old)
    return status, text, where


class TestMainJob:
    def test_exit_status_and_figures(self, main_job):
        import matplotlib.image

        status, text, where = main_job
        assert status == 0
        png, svg = (where / name for name in cli.MAIN_FIGURES)
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and matplotlib.image.imread(png).ndim == 3
        assert "<svg" in svg.read_text()
        assert "wrote phase_diagram_p3.png" in text

    def test_table_matches_the_api(self, main_job):
        _, text, _ = main_job
        rows = re.findall(r"^\s*(\d)\s+(\w+)\s+((?:[\d.]+|nan)(?:\s+(?:[\d.]+|nan))*)\s*$", text, flags=re.M)
        seen = set()
        for p, kind, values in rows:
            numbers = [float(v) for v in values.split()]
            expected = [theory.threshold(int(p), d, kind=kind) for d in cli.TABLE_DELTA_P]
            np.testing.assert_allclose(numbers, expected, atol=1e-8)
            seen.add((int(p), kind))
        assert seen == {(p, k) for p in cli.TABLE_P for k in theory.kinds()}

    def test_first_order_onsets_match_the_api(self, main_job):
        _, text, _ = main_job
        onsets = {int(p): float(v) for p, v in re.findall(r"p=(\d): Deltap < ([\d.]+)", text)}
        assert set(onsets) == set(cli.TABLE_P)
        for p, v in onsets.items():
            assert v == pytest.approx(theory.first_order_delta_p(p), abs=1e-10)


class TestThresholdCommand:
    @pytest.mark.parametrize("kind", ["ml_amp", "amp", "information_theoretic", "gradient_flow"])
    def test_matches_the_api(self, kind):
        status, text = run(["threshold", "--p", "4", "--delta-p", "0.2", "--kind", kind])
        assert status == 0 and float(text) == theory.threshold(4, "0.2", kind=kind)

    def test_json_at_high_precision(self):
        status, text = run(["threshold", "--p", "3", "--delta-p", "0.5", "--kind", "information_theoretic",
                            "--dps", "40", "--json"])
        record = json.loads(text)
        assert status == 0 and record["kind"] == "information_theoretic" and record["dps"] == 40
        expected = theory.threshold(3, "0.5", kind="information_theoretic", dps=40)
        assert record["delta2"] == mpmath.nstr(expected, 40)


class TestPhaseDiagramCommand:
    def test_writes_a_valid_png(self, tmp_path):
        import matplotlib.image

        out = tmp_path / "pd.png"
        status, text = run(["phase-diagram", "--p", "4", "--points", "20", "--delta-p-min", "0.2",
                            "--delta-p-max", "50", "--kind", "gradient_flow", "--kind", "ml_amp",
                            "--kind", "amp", "--kind", "information_theoretic", "--out", str(out)])
        assert status == 0 and f"wrote {out}" in text and "20 values of Deltap in [0.2, 50" in text
        assert matplotlib.image.imread(out).ndim == 3

    def test_svg(self, tmp_path):
        out = tmp_path / "pd.svg"
        status, _ = run(["phase-diagram", "--p", "3", "--points", "10", "--kind", "ml_amp", "--out", str(out)])
        assert status == 0 and "<svg" in out.read_text()


class TestBadInput:
    @pytest.mark.parametrize("argv, message", [
        (["threshold", "--p", "2", "--delta-p", "1"], "p must be an integer >= 3"),
        (["threshold", "--p", "3", "--delta-p", "-1"], "delta_p must be a positive"),
        (["threshold", "--p", "3", "--delta-p", "1", "--kind", "bayes"], "kind must be one of"),
        (["phase-diagram", "--p", "3", "--out", "x.jpg", "--points", "3", "--kind", "amp"], ".png, .svg, .pdf"),
        (["phase-diagram", "--p", "3", "--out", "x.png", "--delta-p-min", "5", "--delta-p-max", "1"],
         "--delta-p-min < --delta-p-max"),
        (["phase-diagram", "--p", "3", "--out", "x.png", "--kind", "bayes"], "unknown kind"),
        (["phase-diagram", "--p", "3", "--out", "/nonexistent/dir/x.png", "--points", "3", "--kind", "amp"],
         "No such file"),
    ])
    def test_one_line_and_status_2(self, argv, message, capsys):
        status, _ = run(argv)
        err = capsys.readouterr().err
        assert status == 2
        assert err.count("\n") == 1 and err.startswith("spiked-theory: error: ") and message in err

    @pytest.mark.parametrize("argv", [["phase-diagram", "--p", "three", "--out", "x.png"],
                                      ["phase-diagram", "--p", "3", "--delta-p-min", "abc", "--out", "x.png"],
                                      ["nonsense"]])
    def test_argparse_errors_are_one_line(self, argv, capsys):
        with pytest.raises(SystemExit) as exc:
            cli.main(argv)
        err = capsys.readouterr().err
        assert exc.value.code == 2 and err.count("\n") == 1 and "error:" in err

    def test_no_traceback_through_python_m(self, tmp_path):
        import os

        root = str(Path(__file__).resolve().parents[2])  # the package, installed or not
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([root, os.environ.get("PYTHONPATH", "")])}
        proc = subprocess.run([sys.executable, "-m", "theory", "threshold", "--p", "3", "--delta-p", "0",
                               "--kind", "information_theoretic"], capture_output=True, text=True, cwd=tmp_path,
                              env=env)
        assert proc.returncode == 2 and "Traceback" not in proc.stderr
        assert proc.stderr.strip().count("\n") == 0


class TestHelp:
    def test_help_lists_the_commands(self, capsys):
        with pytest.raises(SystemExit) as exc:
            cli.main(["--help"])
        text = capsys.readouterr().out
        assert exc.value.code == 0
        assert "phase-diagram" in text and "threshold" in text and "phase_diagram_p3.png" in text

    def test_phase_diagram_help(self, capsys):
        with pytest.raises(SystemExit):
            cli.main(["phase-diagram", "--help"])
        text = capsys.readouterr().out
        for option in ("--delta-p-min", "--delta-p-max", "--points", "--out", "--kind"):
            assert option in text


MODEL = ["--p", "3", "--delta2", "0.6", "--delta-p", "1"]


def run_json(argv):
    status, text = run([*argv, "--json"])
    assert status == 0, text
    return json.loads(text)


class TestEveryCommandJson:
    """Each subcommand with --json: one JSON object, numbers as JSON numbers, equal to the API."""

    def test_threshold_numbers_are_numbers(self):
        record = run_json(["threshold", "--p", "3", "--delta-p", "1"])
        assert record["delta2"] == theory.threshold(3, 1.0) and isinstance(record["delta2"], float)

    def test_threshold_mixture(self):
        record = run_json(["threshold", "--tensor", "3=1", "--kind", "amp"])
        assert record["tensors"] == {"3": 1.0}
        assert record["delta2"] == theory.threshold(model=theory.Model(None, {3: 1}), kind="amp")

    def test_phase_diagram(self):
        record = run_json(["phase-diagram", "--p", "3", "--points", "4"])
        d = theory.phase_diagram(3, np.array(record["delta_p"]))
        for kind, values in record["thresholds"].items():
            # JSON spellings: "inf" for infinity, null where a kind is undefined (mmse_jump's nan).
            expected = ["inf" if np.isinf(v) else None if np.isnan(v) else float(v) for v in d[kind]]
            assert values == expected, kind

    def test_complexity(self):
        record = run_json(["complexity", *MODEL, "--m", "0.25", "--m", "0.5"])
        expected = theory.complexity(np.array([0.25, 0.5]), p=3, delta2=0.6, delta_p=1.0)
        assert record["m"] == [0.25, 0.5] and record["sigma"] == expected.tolist()

    def test_complexity_of_minima(self):
        record = run_json(["complexity", *MODEL, "--m", "0.5", "--minima"])
        assert record["sigma_minima"] == [theory.complexity_of_minima(0.5, p=3, delta2=0.6, delta_p=1.0)]

    def test_hessian(self):
        record = run_json(["hessian", *MODEL, "--m", "0.3", "--mu", "2.5"])
        h = theory.hessian(p=3, delta2=0.6, delta_p=1.0, m=0.3, mu=2.5)
        assert [record["bulk_lower"], record["bulk_upper"]] == list(h.bulk_edges)
        assert record["outlier"] == h.outlier and record["is_minimum"] is bool(h.is_minimum)

    def test_hessian_high_precision_is_text(self):
        record = run_json(["hessian", *MODEL, "--m", "0.3", "--mu", "2.5", "--dps", "30"])
        h = theory.hessian(p=3, delta2="0.6", delta_p="1", m="0.3", mu="2.5", dps=30)
        assert record["s"] == mpmath.nstr(h.s, 30)

    def test_state_evolution(self):
        record = run_json(["state-evolution", *MODEL, "--kind", "amp"])
        se = theory.state_evolution(p=3, delta2=0.6, delta_p=1.0, kind="amp")
        assert record["fixed_point"] == se.fixed_point and record["iterates"] == se.iterates.tolist()
        assert [fp["m"] for fp in record["fixed_points"]] == [float(m) for m, _ in se.fixed_points]

    def test_gradient_flow_of_a_mixture(self):
        record = run_json(["gradient-flow", "--tensor", "3=1", "--tensor", "4=1", "--delta2", "0.4",
                           "--m0", "1e-3", "--t-max", "3"])
        run_ = theory.gradient_flow(model=theory.Model(0.4, {3: 1, 4: 1}), m0=1e-3, t_max=3.0)
        assert record["m"] == run_.m.tolist()

    def test_gradient_flow(self):
        record = run_json(["gradient-flow", "--p", "3", "--delta2", "0.4", "--delta-p", "1", "--m0", "1e-3",
                           "--t-max", "5"])
        run_ = theory.gradient_flow(p=3, delta2=0.4, delta_p=1.0, m0=1e-3, t_max=5.0)
        assert record["m"] == run_.m.tolist() and record["escape_time"] == "inf"

    def test_dynamics_threshold(self):
        argv = ["dynamics-threshold", "--p", "3", "--delta-p", "1", "--t-max", "60",
                "--delta2", "0.3", "--delta2", "0.34", "--delta2", "0.38", "--delta2", "0.42"]
        record = run_json(argv)
        r = theory.dynamics_threshold(3, 1.0, delta2s=[0.3, 0.34, 0.38, 0.42], t_max=60.0)
        assert record["value"] == r.value and record["rates"] == list(r.rates)

    def test_simulate(self):
        record = run_json(["simulate", "--p", "3", "--n", "30", "--delta2", "0.5", "--delta-p", "1",
                           "--t-max", "2", "--seed", "4"])
        r = theory.simulate(p=3, n=30, delta2=0.5, delta_p=1.0, t_max=2.0, seed=4)
        assert record["m"] == r.m.tolist()


class TestOut:
    @pytest.mark.parametrize("suffix", [".csv", ".nc", ".png"])
    def test_state_evolution_files(self, tmp_path, suffix):
        out = tmp_path / f"se{suffix}"
        status, text = run(["state-evolution", *MODEL, "--out", str(out)])
        assert status == 0 and out.stat().st_size > 0 and f"wrote {out}" in text

    def test_csv_columns_equal_the_result(self, tmp_path):
        out = tmp_path / "gf.csv"
        assert run(["gradient-flow", "--p", "3", "--delta2", "0.4", "--delta-p", "1", "--m0", "1e-3",
                    "--t-max", "3", "--out", str(out)])[0] == 0
        rows = [line for line in out.read_text().splitlines() if not line.startswith("#")]
        assert rows[0] == "t,m,mu,energy,c_lag"
        data = np.array([[float(x) for x in r.split(",")] for r in rows[1:]])
        run_ = theory.gradient_flow(p=3, delta2=0.4, delta_p=1.0, m0=1e-3, t_max=3.0)
        np.testing.assert_array_equal(data[:, 1], run_.m)

    def test_suffix_is_checked_before_the_work(self, monkeypatch, capsys):
        def boom(*a, **k):
            raise AssertionError("the work started")

        monkeypatch.setattr(theory, "gradient_flow", boom)
        status, _ = run(["gradient-flow", *MODEL, "--m0", "1e-3", "--t-max", "1", "--out", "run.xlsx"])
        assert status == 2 and ".csv, .nc" in capsys.readouterr().err


class TestVersionAndMainJson:
    def test_version(self, capsys):
        with pytest.raises(SystemExit) as exc:
            cli.main(["--version"])
        assert exc.value.code == 0 and capsys.readouterr().out.strip() == f"spiked-theory {theory.__version__}"

    @pytest.mark.slow
    def test_bare_command_json(self, tmp_path, monkeypatch):
        monkeypatch.chdir(tmp_path)
        record = run_json([])
        assert len(record["thresholds"]) == len(cli.TABLE_P) * len(theory.kinds()) * len(cli.TABLE_DELTA_P)
        assert record["first_order_delta_p"]["3"] == theory.first_order_delta_p(3)


class TestNoTracebackNoHang:
    @pytest.mark.parametrize("argv", [
        ["threshold"],
        ["threshold", "--p", "3", "--delta-p", "1e99999999"],
        ["threshold", "--p", "3", "--delta-p", "1e400"],
        ["threshold", "--p", "3", "--delta-p", "1e-400"],
        ["threshold", "--p", "3", "--delta-p", "nan"],
        ["threshold", "--p", "3", "--delta-p", "1", "--dps", "0"],
        ["threshold", "--p", "3", "--delta-p", "1", "--dps", "100000"],
        ["threshold", "--tensor", "3"],
        ["threshold", "--tensor", "3=1", "--p", "3"],
        ["phase-diagram", "--p", "3", "--points", "1"],
        ["phase-diagram", "--p", "3", "--points", "10000000000"],
        ["phase-diagram", "--p", "99999999999999999999", "--points", "3"],
        ["complexity", "--p", "3", "--delta2", "1", "--delta-p", "1", "--m", "2"],
        ["complexity", "--p", "3", "--delta2", "1", "--delta-p", "1", "--minima", "--mu", "1"],
        ["hessian", "--p", "3", "--delta2", "0", "--delta-p", "1", "--m", "0", "--mu", "0"],
        ["state-evolution", "--p", "3", "--delta2", "1", "--delta-p", "1", "--iterations", "0"],
        ["gradient-flow", "--p", "3", "--delta2", "1", "--delta-p", "1", "--m0", "1e-3", "--t-max", "1e9",
         "--dt", "1e-9"],
        ["gradient-flow", "--p", "3", "--delta2", "1", "--delta-p", "1", "--m0", "2", "--t-max", "1"],
        ["gradient-flow", "--p", "3", "--delta2", "1", "--delta-p", "1", "--m0", "1e-3", "--t-max", "2",
         "--dt", "1e300"],
        ["simulate", "--p", "3", "--n", "1", "--delta2", "1", "--delta-p", "1", "--t-max", "1", "--seed", "1"],
        ["simulate", "--p", "3", "--n", "100000", "--delta2", "1", "--delta-p", "1", "--t-max", "1", "--seed", "1"],
    ])
    def test_one_line_error(self, argv, capsys):
        try:
            status, _ = run(argv)
        except SystemExit as exc:  # argparse's own errors
            status = exc.code
        err = capsys.readouterr().err
        assert status == 2, err
        assert err.count("\n") == 1 and "error" in err and "Traceback" not in err

    def test_warnings_are_one_line_each(self, capsys, monkeypatch):
        import warnings

        def noisy(*a, **k):
            for _ in range(3):
                warnings.warn("first line\nsecond line", RuntimeWarning)
            return 0.5

        monkeypatch.setattr(theory, "threshold", noisy)
        status, _ = run(["threshold", "--p", "3", "--delta-p", "1"])
        err = capsys.readouterr().err
        assert status == 0 and err == "spiked-theory: warning: RuntimeWarning: first line\n"

    def test_many_warnings_are_capped(self, capsys, monkeypatch):
        import warnings

        def noisy(*a, **k):
            for i in range(10):
                warnings.warn(f"warning {i}", RuntimeWarning)
            return 0.5

        monkeypatch.setattr(theory, "threshold", noisy)
        assert run(["threshold", "--p", "3", "--delta-p", "1"])[0] == 0
        err = capsys.readouterr().err.splitlines()
        assert len(err) == cli.MAX_WARNINGS + 1 and err[-1].endswith(f"and {10 - cli.MAX_WARNINGS} more")

    def test_float_overflow_suggests_dps(self, capsys, monkeypatch):
        def overflow(*a, **k):
            raise OverflowError(34, "Numerical result out of range")

        monkeypatch.setattr(theory, "threshold", overflow)
        assert run(["threshold", "--p", "3", "--delta-p", "1"])[0] == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "float64 cannot resolve" in err and "--dps" in err


# -- the command line offers what the API does (issue 18 item 8) -------------------------------

def _subparser(command):
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return sub.choices[command]


def _actions(command) -> dict:
    return {opt: action for action in _subparser(command)._actions for opt in action.option_strings}


def _threshold_options():
    for kind in theory.kinds():
        yield from theory._thresholds._get_kind(kind).options


def _descent_options():
    """simulate(model=PhaseRetrieval(...), **options): the descent's stopping rule and schedule."""
    import theory._pr_simulation as prs

    yield from [*prs.DEFAULTS, "diagnostics"]


def _ensemble_options():
    """simulate_ensemble(**kwargs) as the command offers it: the phase-retrieval family's
    (simulate_phase_retrieval_ensemble's parameters and run options; the spiked ensemble is a
    Python list of runs, not on the command line)."""
    import theory._pr_simulation as prs

    skip = {"seeds", "executor", "progress"}  # simulate_ensemble's own parameters
    for name, par in inspect.signature(prs.simulate_phase_retrieval_ensemble).parameters.items():
        if name not in skip and par.kind is not par.VAR_KEYWORD:
            yield name
    yield from [*_descent_options(), "memory_limit", "dtype"]


#: The ``**keywords`` of the functions behind the commands, by function.
_KEYWORDS = {"threshold": _threshold_options, "simulate": _descent_options,
             "simulate_ensemble": _ensemble_options}


def _api_parameters(command):
    """(function, parameter name, inspect.Parameter or None) behind a command, read from the
    public signatures (and, for ``threshold``'s ``**options``, from every kind's options)."""
    for fname in cli.FUNCTIONS[command]:
        for name, par in inspect.signature(getattr(theory, fname)).parameters.items():
            if par.kind is par.VAR_KEYWORD:
                assert fname in _KEYWORDS, f"{fname}(**{name}): the test does not know these options"
                for option in _KEYWORDS[fname]():
                    yield fname, option, None
            else:
                yield fname, name, par


def _option(command, name):
    return cli.OPTIONS.get(f"{command}:{name}", cli.OPTIONS.get(name, "--" + name.replace("_", "-")))


class TestOffersTheApi:
    """Walk the signature of every public function behind a command: each parameter is an
    option, or is listed in ``cli.NOT_OFFERED`` with its reason; the defaults are the API's."""

    @pytest.mark.parametrize("command", list(cli.FUNCTIONS))
    def test_every_parameter_is_an_option(self, command):
        options = _actions(command)
        missing = [f"{fname}({name}=) has no {_option(command, name)}"
                   for fname, name, _ in _api_parameters(command)
                   if _option(command, name) not in options and name not in cli.NOT_OFFERED]
        assert not missing, missing

    def test_every_command_is_walked(self):
        parser = cli.build_parser()
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        assert set(sub.choices) == set(cli.FUNCTIONS)

    def test_exclusions_are_real_parameters_with_reasons(self):
        every = {name for command in cli.FUNCTIONS for _, name, _ in _api_parameters(command)}
        for name, reason in cli.NOT_OFFERED.items():
            assert name in every and len(reason) > 20, name
        for key, reason in cli.OTHER_DEFAULTS.items():
            command, name = key.split(":")
            assert name in {n for _, n, _ in _api_parameters(command)} and len(reason) > 20, key

    def test_the_docs_give_the_reasons(self):
        text = (Path(__file__).resolve().parents[2] / "docs" / "cli.md").read_text(encoding="utf-8")
        for name in cli.NOT_OFFERED:
            assert f"`{name}`" in text, name
        for key in cli.OTHER_DEFAULTS:
            command, name = key.split(":")
            assert f"`{command}`" in text and f"`{name}`" in text, key

    @pytest.mark.parametrize("command", list(cli.FUNCTIONS))
    def test_required_where_the_api_requires(self, command):
        actions = _actions(command)
        for fname, name, par in _api_parameters(command):
            if par is None or par.default is not inspect.Parameter.empty or name in cli.NOT_OFFERED:
                continue
            if f"{command}:{name}" in cli.OTHER_DEFAULTS:
                continue
            assert actions[_option(command, name)].required, f"{fname}({name}) is required, {_option(command, name)} is not"

    @pytest.mark.parametrize("argv", [
        ["threshold", "--delta-p", "1"],
        ["phase-diagram"],
        ["complexity", *MODEL],
        ["complexity", *MODEL, "--minima"],
        ["hessian", *MODEL, "--m", "0.3", "--mu", "2.5"],
        ["state-evolution", *MODEL],
        ["gradient-flow", *MODEL, "--m0", "1e-3", "--t-max", "5"],
        ["dynamics-threshold"],
        ["simulate", *MODEL, "--n", "10", "--t-max", "1", "--seed", "1"],
    ])
    def test_an_option_left_out_is_the_apis_default(self, argv, monkeypatch):
        """Record the call: every argument the user did not give equals the API's default."""
        command = argv[0]
        fname = cli.FUNCTIONS[command][-1 if "--minima" in argv else 0]
        signature = inspect.signature(getattr(theory, fname))
        calls = []

        def record(*args, **kwargs):
            calls.append(signature.bind(*args, **kwargs).arguments)
            raise RuntimeError("recorded")

        monkeypatch.setattr(theory, fname, record)
        assert run(argv)[0] == 1 and len(calls) == 1   # the recorder's "internal error"
        for name, value in calls[0].items():
            if _option(command, name) in argv or name == "model" and "--tensor" in argv:
                continue
            if f"{command}:{name}" in cli.OTHER_DEFAULTS:
                continue
            default = signature.parameters[name].default
            assert default is not inspect.Parameter.empty, f"{fname}({name}=) passed but never given"
            assert value == default, f"{fname}({name}={value!r}): the API's default is {default!r}"

    def test_default_p_is_the_apis(self):
        for fname in ("threshold", "phase_diagram", "dynamics_threshold"):
            default = inspect.signature(getattr(theory, fname)).parameters["p"].default
            assert default in (cli.DEFAULT_P, None), fname


class TestNewOptions:
    """Each new option gives what the API gives with the same arguments."""

    def test_gradient_flow_bdf2(self):
        record = run_json(["gradient-flow", "--p", "3", "--delta2", "0.3", "--delta-p", "1", "--m0", "1e-3",
                           "--t-max", "20", "--scheme", "bdf2"])
        r = theory.gradient_flow(p=3, delta2=0.3, delta_p=1.0, m0=1e-3, t_max=20.0, scheme="bdf2")
        assert record["scheme"] == "bdf2" and record["m"] == r.m.tolist()

    def test_gradient_flow_window_and_stop_at(self):
        record = run_json(["gradient-flow", *MODEL, "--m0", "1e-3", "--t-max", "20", "--window", "16",
                           "--stop-at", "0.2", "--temperature", "0.1"])
        r = theory.gradient_flow(p=3, delta2=0.6, delta_p=1.0, m0=1e-3, t_max=20.0, window=16, stop_at=0.2,
                                 temperature=0.1)
        assert record["window"] == 16 and record["temperature"] == 0.1 and record["m"] == r.m.tolist()

    def test_threshold_langevin_temperature(self):
        record = run_json(["threshold", "--p", "3", "--delta-p", "1", "--kind", "langevin", "--temperature", "0.5"])
        assert record["temperature"] == 0.5
        assert record["delta2"] == theory.threshold(3, "1", kind="langevin", temperature=0.5)
        # Left out, the temperature is the API's default (1), not the command line's.
        assert run_json(["threshold", "--p", "3", "--delta-p", "1", "--kind", "langevin"])["delta2"] \
            == theory.threshold(3, "1", kind="langevin")

    def test_threshold_option_of_another_kind_is_refused(self, capsys):
        assert run(["threshold", "--p", "3", "--delta-p", "1", "--temperature", "0.5"])[0] == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "takes no option temperature" in err

    def test_threshold_full_output(self):
        record = run_json(["threshold", "--p", "3", "--delta-p", "1", "--kind", "ml_amp", "--dps", "30",
                           "--full-output"])
        r = theory.threshold(3, "1", kind="ml_amp", dps=30, full_output=True)
        assert record["delta2"] == mpmath.nstr(r.value, 30) and record["error"] == float(r.error)

    def test_mismatched_threshold(self):
        record = run_json(["threshold", "--p", "3", "--delta-p", "1", "--assumed-tensor", "3=0.5"])
        model = theory.Model(None, {3: 1}, assumed=theory.Model(None, {3: "0.5"}))
        assert record["assumed_tensors"] == {"3": 0.5} and record["delta2"] == theory.threshold(model=model)

    def test_mismatched_gradient_flow(self):
        record = run_json(["gradient-flow", "--tensor", "3=1", "--tensor", "4=1", "--delta2", "0.4", "--m0", "1e-3",
                           "--t-max", "3", "--assumed-tensor", "4=2", "--assumed-delta2", "0.8"])
        model = theory.Model(0.4, {3: 1, 4: 1}, assumed=theory.Model(0.8, {3: 1, 4: 2}))
        r = theory.gradient_flow(model=model, m0=1e-3, t_max=3.0)
        assert record["assumed_tensors"] == {"3": 1.0, "4": 2.0} and record["assumed_delta2"] == 0.8
        assert record["m"] == r.m.tolist()

    def test_mismatched_simulate(self):
        record = run_json(["simulate", "--p", "3", "--n", "20", "--delta2", "0.5", "--delta-p", "1", "--t-max", "1",
                           "--seed", "2", "--assumed-delta2", "1", "--dtype", "float32"])
        model = theory.Model(0.5, {3: 1.0}, assumed=theory.Model(1.0, {3: 1.0}))
        r = theory.simulate(model=model, n=20, t_max=1.0, seed=2, dtype="float32")
        assert record["m"] == r.m.tolist()

    @pytest.mark.parametrize("argv, message", [
        (["threshold", "--p", "3", "--delta-p", "1", "--assumed-tensor", "4=1"], "no tensor of order 4"),
        (["gradient-flow", "--p", "3", "--delta2", "inf", "--delta-p", "1", "--m0", "0.1", "--t-max", "1",
          "--assumed-delta2", "1"], "no matrix channel"),
        (["phase-diagram", "--p", "3", "--assumed-tensor", "3=1"], "--assumed-tensor needs the channels as --tensor"),
    ])
    def test_bad_assumed(self, argv, message, capsys):
        assert run(argv)[0] == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and message in err

    def test_phase_diagram_of_a_mixture(self):
        record = run_json(["phase-diagram", "--tensor", "3=1", "--tensor", "4=2", "--points", "3",
                           "--kind", "gradient_flow"])
        model = theory.Model(None, {3: 1, 4: 2})
        d = theory.phase_diagram(model=model, delta_p=np.array(record["delta_p"]), kinds=["gradient_flow"])
        assert record["p"] == [3, 4] and record["tensors"] == {"3": 1.0, "4": 2.0}
        assert record["thresholds"]["gradient_flow"] == d["gradient_flow"].tolist()

    def test_phase_diagram_p_defaults_to_the_apis(self):
        assert run_json(["phase-diagram", "--points", "3", "--kind", "amp"])["p"] == 3


class TestTensorEdges:
    """Issue 18 item 4: --tensor values beyond float64 and orders up to the API's limit."""

    def test_overflow_is_the_usual_one_line_error(self, capsys):
        assert run(["threshold", "--tensor", "3=1e400"])[0] == 2
        err = capsys.readouterr().err
        assert err == ("spiked-theory: error: --tensor 3=1e400 overflows float64 (largest ~1.8e308); "
                       "use --dps for exact arithmetic\n")

    @pytest.mark.parametrize("argv", [["gradient-flow", "--tensor", "3=1e400", "--delta2", "1", "--m0", "0.1",
                                       "--t-max", "1"],
                                      ["hessian", "--tensor", "3=1e-400", "--delta2", "1", "--m", "0", "--mu", "0"],
                                      ["threshold", "--p", "3", "--delta-p", "1", "--assumed-tensor", "3=1e400"]])
    def test_every_command_names_the_option(self, argv, capsys):
        assert run(argv)[0] == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "=1e" in err and "flows float64" in err and "Error" not in err
        if argv[0] == "gradient-flow":
            assert "--dps" not in err   # gradient-flow has no --dps to suggest

    def test_with_dps_the_value_is_exact(self):
        record = run_json(["threshold", "--tensor", "3=1e400", "--dps", "20"])
        expected = theory.threshold(model=theory.Model(None, {3: 10**400}), dps=20)
        assert record["tensors"] == {"3": "1e400"} and record["delta2"] == mpmath.nstr(expected, 20)

    def test_orders_to_the_apis_limit(self, capsys):
        record = run_json(["threshold", "--tensor", "10000=1"])
        # The command line's job is to pass the order on: the reference is the API on the same model.
        assert record["delta2"] == theory.threshold(model=theory.Model(None, {10000: 1}))
        assert run(["threshold", "--tensor", "10001=1"])[0] == 2
        assert "at most 10000" in capsys.readouterr().err


class TestRecordTableTypes:
    def test_integer_fields_stay_integers_in_netcdf(self, tmp_path):
        # issue 18 item 6: p = 3, not 3.0, in the file a record is written to
        xr = pytest.importorskip("xarray")
        out = tmp_path / "t.nc"
        assert cli.main(["threshold", "--p", "3", "--delta-p", "1", "--out", str(out)]) in (0, None)
        with xr.open_dataset(out) as ds:
            assert ds["p"].dtype.kind == "i" and int(ds["p"][0]) == 3
            assert ds["delta2"].dtype.kind == "f" and float(ds["delta2"][0]) == 0.5
            assert all({"long_name", "units"} <= set(ds[name].attrs) for name in ds.variables)
