"""Tests of theory._cli_phase_retrieval: the phase-retrieval commands, called through argparse.

Reference values come from the library called directly (the CLI must print what the library
returns, bit for bit in JSON), and from the files it writes read back.
"""

import argparse
import io
import json

import numpy as np
import pytest

import theory
from theory import PhaseRetrieval
from theory import _cli_phase_retrieval as cli
from theory._pr_simulation import simulate_phase_retrieval


def call(argv):
    out = io.StringIO()
    args = cli.build_parser().parse_args(argv)
    cli.run(args, out)
    return out.getvalue()


class TestSimulate:
    def test_json_is_the_library_run(self):
        record = json.loads(call(["simulate", "--loss", "regularised", "--a", "0.01", "--n", "40", "--alpha", "3",
                                  "--seed", "2", "--no-progress", "--json"]))
        r = simulate_phase_retrieval(PhaseRetrieval("regularised", a=0.01), n=40, alpha=3.0, seed=2, progress=False)
        assert record["model"] == "phase-retrieval" and record["loss"] == "regularised" and record["a"] == 0.01
        assert record["outcome"] == r.outcome and record["steps"] == r.steps
        assert record["m"] == r.m.tolist() and record["lowest"] == r.lowest

    def test_text_and_files(self, tmp_path):
        csv = tmp_path / "run.csv"
        text = call(["simulate", "--n", "30", "--alpha", "6", "--seed", "0", "--out", str(csv)])
        assert text.startswith("PhaseRetrievalRun(model=PhaseRetrieval(loss='square'), n=30")
        assert f"wrote {csv}" in text
        lines = csv.read_text().splitlines()
        assert "# outcome = success" in lines and any(line.startswith("step,t,m,abs_m,loss") for line in lines)
        png = tmp_path / "run.png"
        call(["simulate", "--n", "30", "--alpha", "6", "--seed", "0", "--out", str(png), "--json"])
        assert png.stat().st_size > 1000
        assert sorted(p.name for p in tmp_path.iterdir()) == ["run.csv", "run.png"]  # no partial file left

    def test_interrupted_run_writes_nothing(self, tmp_path, monkeypatch):
        from numerics import pr_simulation

        def interrupted(*args, **kw):
            raise KeyboardInterrupt

        monkeypatch.setattr(pr_simulation, "_loop", interrupted)
        out = tmp_path / "run.csv"
        args = cli.build_parser().parse_args(["simulate", "--n", "30", "--alpha", "2", "--seed", "0",
                                              "--out", str(out)])
        with pytest.warns(theory.Interrupted), pytest.raises(KeyboardInterrupt):
            cli.run(args, io.StringIO())
        assert not list(tmp_path.iterdir())
        with pytest.warns(theory.Interrupted):
            assert cli.main(["simulate", "--n", "30", "--alpha", "2", "--seed", "0"], io.StringIO()) == 130

    @pytest.mark.parametrize("argv, match", [
        (["--a", "0.1"], "--a: only the regularised loss"),
        (["--out", "x.txt"], "output file must end in"),
        (["--out", "/no/such/folder/x.csv"], "No such file or directory"),
        (["--success-level", "2"], "success_level must be"),
        (["--noise", "-1"], "noise must be"),
    ])
    def test_bad_input(self, argv, match):
        with pytest.raises(ValueError, match=match):
            call(["simulate", "--n", "20", "--alpha", "2", "--seed", "0", *argv])

    def test_parse_errors_exit_2(self, capsys):
        for argv in (["simulate", "--n", "4", "--alpha", "2"], ["simulate", "--n", "20"],
                     ["simulate", "--n", "20", "--alpha", "x"], ["simulate", "--n", "20", "--alpha", "2",
                                                                 "--loss", "huber"]):
            with pytest.raises(SystemExit) as exc:
                cli.build_parser().parse_args(argv)
            assert exc.value.code == 2

    def test_main_reports_bad_input_with_status_2(self, capsys):
        assert cli.main(["simulate", "--n", "20", "--alpha", "2", "--a", "0.1"], io.StringIO()) == 2
        assert "spiked-theory: error: --a: only the regularised loss" in capsys.readouterr().err


class TestEnsemble:
    def test_json_and_table(self, tmp_path):
        out = tmp_path / "curve.csv"
        record = json.loads(call(["simulate-ensemble", "--alpha", "1.5", "--alpha", "8", "--n", "24", "--seeds", "2",
                                  "--no-diagnostics", "--no-progress", "--json", "--out", str(out)]))
        assert record["rate"] == [[0.0, 1.0]] and record["trials"] == [[2, 2]]
        assert record["alpha_50"] == [pytest.approx(4.75)]  # separated data: the middle of the gap
        assert "# confidence = 95% Wilson" in out.read_text()

    def test_text_table(self):
        text = call(["simulate-ensemble", "--alpha", "8", "--n", "24", "--seeds", "1", "--no-diagnostics",
                     "--no-progress"])
        assert text.splitlines()[-1].split() == ["24", "8", "1.000", "[0.207,", "1.000]"]


class TestHook:
    def test_add_arguments_keeps_the_host_options(self):
        host = argparse.ArgumentParser()
        host.add_argument("--n", type=int, required=True)
        host.add_argument("--seed", type=int, required=True)
        host.add_argument("--json", action="store_true")
        cli.add_arguments(host, "simulate")
        args = host.parse_args(["--model", "phase-retrieval", "--n", "20", "--alpha", "2", "--seed", "1"])
        assert cli.wants(args) and args.n == 20 and args.loss == "square" and args.max_steps == 100_000
        assert not cli.wants(host.parse_args(["--n", "20", "--alpha", "2", "--seed", "1"]))

    def test_unknown_command(self):
        with pytest.raises(ValueError, match="command must be one of"):
            cli.add_arguments(argparse.ArgumentParser(), "phase-diagram")


def _family_supported(fn, **kw):
    try:
        fn(**kw)
    except (TypeError, ValueError, NotImplementedError) as exc:
        return str(exc)
    return None


class TestTheoryCommands:
    def test_threshold(self):
        why = _family_supported(theory.threshold, model=PhaseRetrieval(), kind="spectral", preprocessing="optimal")
        if why is not None:
            pytest.skip(f"theory.threshold(model=PhaseRetrieval(...)) is not on this branch yet ({why})")
        record = json.loads(call(["threshold", "--kind", "spectral", "--preprocessing", "optimal", "--json"]))
        # the optimal spectral threshold of real phase retrieval is 1/2 (Mondelli-Montanari)
        assert record["alpha"] == pytest.approx(0.5, abs=1e-12)

    def test_threshold_default_kind(self):
        """No --kind: the family's own default (weak recovery, defined for every model), in the
        stand-alone parser and through the host CLI, whose default (gradient_flow) is left to it."""
        from theory import cli as host

        assert cli.DEFAULT_KIND in theory.kinds(model=PhaseRetrieval())
        record = json.loads(call(["threshold", "--json"]))
        # Bayes-optimal weak recovery of noiseless real phase retrieval is alpha = 1/2 (arXiv:1708.05932)
        assert record["kind"] == "weak_recovery" and record["alpha"] == pytest.approx(0.5, abs=1e-12)
        out = io.StringIO()
        assert host.main(["threshold", "--model", "phase-retrieval", "--noise", "0.5", "--json"], out) == 0
        record = json.loads(out.getvalue())
        expected = theory.threshold(model=PhaseRetrieval(noise=0.5), kind="weak_recovery")
        assert record["kind"] == "weak_recovery" and record["alpha"] == expected
        out = io.StringIO()  # the spiked model keeps the host's default kind
        assert host.main(["threshold", "--p", "3", "--delta-p", "1", "--json"], out) == 0
        assert json.loads(out.getvalue())["kind"] == "gradient_flow"

    def test_hessian(self):
        model = PhaseRetrieval("regularised", a=0.01)
        why = _family_supported(theory.hessian, model=model, alpha=4.0, m=0.0)
        if why is not None:
            pytest.skip(f"theory.hessian(model=PhaseRetrieval(...), alpha=, m=) is not on this branch yet ({why})")
        record = json.loads(call(["hessian", "--loss", "regularised", "--alpha", "4", "--m", "0", "--json"]))
        h = theory.hessian(model=model, alpha=4.0, m=0.0)
        assert record["bulk_edges"] == cli._json(list(h.bulk_edges))  # the upper edge is infinite: "inf"
        assert record["outlier"] == float(h.outlier) and record["mu"] == float(h.mu)


# -- the family through the toolkit's command line (theory/cli.py, ``python -m theory``) ----------

ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]


def spiked_theory(*argv, cwd=None):
    """``python -m theory ARGV`` in a subprocess: (status, stdout, stderr)."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-m", "theory", *argv], capture_output=True, text=True, env=env,
                          cwd=cwd, timeout=300)
    return done.returncode, done.stdout, done.stderr


class TestSpikedTheoryCommand:
    """Each command of the family as ``spiked-theory COMMAND --model phase-retrieval`` (a
    subprocess): the JSON is the library's result, the files read back, bad input exits 2."""

    def test_threshold(self, tmp_path):
        out = tmp_path / "t.csv"
        status, stdout, err = spiked_theory("threshold", "--model", "phase-retrieval", "--loss", "regularised",
                                            "--a", "0.01", "--kind", "initial_curvature", "--json", "--out", str(out))
        assert status == 0, err
        record = json.loads(stdout)
        expected = theory.threshold(model=PhaseRetrieval("regularised", a=0.01), kind="initial_curvature")
        assert record["alpha"] == expected and record["kind"] == "initial_curvature" and record["a"] == 0.01
        assert "# kind = initial_curvature" in out.read_text()

    def test_threshold_at_dps(self):
        status, stdout, err = spiked_theory("threshold", "--model", "phase-retrieval", "--kind", "spectral",
                                            "--preprocessing", "optimal", "--dps", "30")
        # the optimal spectral threshold of real phase retrieval is 1/2 (arXiv:1708.05932)
        assert status == 0 and stdout.strip() == "0.5", err

    def test_hessian(self, tmp_path):
        xr = pytest.importorskip("xarray")
        out = tmp_path / "h.nc"
        status, stdout, err = spiked_theory("hessian", "--model", "phase-retrieval", "--alpha", "3", "--m", "0",
                                            "--loss", "regularised", "--json", "--out", str(out))
        assert status == 0, err
        h = theory.hessian(model=PhaseRetrieval("regularised"), alpha=3.0, m=0.0)
        record = json.loads(stdout)
        assert record["outlier"] == float(h.outlier) and record["m"] == 0.0 and record["alpha"] == 3.0
        ds = xr.open_dataset(out, engine="scipy").load()
        assert float(ds["outlier"][0]) == float(h.outlier) and ds["overlap"].attrs["units"] == "1"

    def test_simulate(self, tmp_path):
        out = tmp_path / "run.csv"
        status, stdout, err = spiked_theory("simulate", "--model", "phase-retrieval", "--n", "200", "--alpha", "3",
                                            "--seed", "1", "--json", "--out", str(out))
        assert status == 0, err
        r = theory.simulate(model=PhaseRetrieval(), n=200, alpha=3.0, seed=1, progress=False)
        record = json.loads(stdout)
        assert record["m"] == r.m.tolist() and record["outcome"] == r.outcome and record["steps"] == r.steps
        assert record["lowest"] == r.lowest
        assert f"# outcome = {r.outcome}" in out.read_text()

    def test_simulate_ensemble(self, tmp_path):
        out = tmp_path / "curve.png"
        status, stdout, err = spiked_theory("simulate-ensemble", "--alpha", "1", "--alpha", "8", "--n", "24",
                                            "--seeds", "3", "--no-diagnostics", "--json", "--out", str(out))
        assert status == 0, err
        e = theory.simulate_ensemble(model=PhaseRetrieval(), alphas=[1.0, 8.0], ns=[24], seeds=range(3),
                                     diagnostics=False, progress=False)
        assert json.loads(stdout)["rate"] == e.rate.tolist() and out.read_bytes()[:4] == b"\x89PNG"
        assert list(tmp_path.iterdir()) == [out]

    @pytest.mark.parametrize("argv, message", [
        (["simulate", "--model", "phase-retrieval", "--n", "50", "--alpha", "3", "--seed", "1", "--t-max", "3"],
         "--model phase-retrieval takes no --t-max"),
        (["hessian", "--model", "phase-retrieval", "--m", "0"], "needs --alpha"),
        (["hessian", "--p", "3", "--delta2", "0.7", "--delta-p", "1", "--m", "0.3", "--mu", "2.5", "--alpha", "3"],
         "--alpha: for --model phase-retrieval only"),
        (["hessian", "--p", "3", "--delta2", "0.7", "--delta-p", "1", "--m", "0.3"],
         "the following arguments are required: --mu"),
        (["simulate", "--p", "3", "--delta2", "0.7", "--delta-p", "1", "--n", "10", "--seed", "1"],
         "the following arguments are required: --t-max"),
        (["threshold", "--model", "phase-retrieval", "--kind", "gradient_flow", "--states", "marginal"],
         "no marginal state for the square loss"),
        (["threshold", "--model", "phase-retrieval", "--kind", "weak_recovery", "--states", "marginal"],
         "--states: for --kind gradient_flow only"),
        (["threshold", "--model", "phase-retrieval", "--kind", "weak_recovery", "--allow-negative-complexity"],
         "for --kind gradient_flow only"),
    ])
    def test_bad_input_exits_2(self, argv, message, capsys):
        from theory import cli as host

        assert host.main(argv, io.StringIO()) == 2
        err = capsys.readouterr().err
        assert err.startswith("spiked-theory: error: ") and message in err and len(err.splitlines()) == 1
