"""theory/cli.py: ``spiked-theory`` / ``python -m theory`` (the main job and the subcommands)."""

import io
import json
import re
import subprocess
import sys

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
        (["phase-diagram", "--p", "3", "--out", "x.jpg", "--points", "3", "--kind", "amp"], ".png, .svg or .pdf"),
        (["phase-diagram", "--p", "3", "--out", "x.png", "--delta-p-min", "5", "--delta-p-max", "1"],
         "--delta-p-min < --delta-p-max"),
        (["phase-diagram", "--p", "3", "--out", "x.png", "--points", "1"], "--points"),
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
                                      ["threshold"], ["nonsense"]])
    def test_argparse_errors_are_one_line(self, argv, capsys):
        with pytest.raises(SystemExit) as exc:
            cli.main(argv)
        err = capsys.readouterr().err
        assert exc.value.code == 2 and err.count("\n") == 1 and "error:" in err

    def test_no_traceback_through_python_m(self, tmp_path):
        proc = subprocess.run([sys.executable, "-m", "theory", "threshold", "--p", "3", "--delta-p", "0",
                               "--kind", "information_theoretic"], capture_output=True, text=True, cwd=tmp_path)
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
