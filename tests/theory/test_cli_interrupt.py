"""Ctrl-C on the command line (issue 18 item 2): every command exits with 130, prints one line
saying it was interrupted, and leaves no output file (theory/_interrupt.py is the contract).

The subprocess tests send a real SIGINT to ``python -m theory COMMAND ...`` once the command
is at work: ``-X importtime`` makes Python report on stderr when ``theory.cli`` has been
imported (a Ctrl-C before that interrupts Python's imports, not the command), and commands
with a progress bar (``--progress``) wait for the bar.
"""

import io
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import theory
from theory import cli

ROOT = Path(__file__).resolve().parents[2]
MODEL = ["--p", "3", "--delta2", "0.6", "--delta-p", "1"]


def run(argv):
    out = io.StringIO()
    status = cli.main(argv, out=out)
    return status, out.getvalue()


def interrupted_lines(err: str) -> list[str]:
    return [line for line in re.split(r"[\r\n]+", err) if "interrupted" in line.lower()]


class TestInProcess:
    """The two ways the library reports Ctrl-C, and a Ctrl-C during the write."""

    def test_a_partial_result_is_not_written(self, tmp_path, monkeypatch, capsys):
        real = theory.gradient_flow

        def cut(**kw):  # what the library returns after Ctrl-C: the steps so far, interrupted=True
            import dataclasses

            theory._interrupt.warn_interrupted("gradient_flow", "stopped at t = 1 of t_max = 2")
            return dataclasses.replace(real(**kw), interrupted=True)

        monkeypatch.setattr(theory, "gradient_flow", cut)
        out = tmp_path / "run.nc"
        status, text = run(["gradient-flow", *MODEL, "--m0", "1e-3", "--t-max", "2", "--out", str(out), "--json"])
        err = capsys.readouterr().err
        assert status == 130 and text == "" and not out.exists() and list(tmp_path.iterdir()) == []
        assert err == cli.INTERRUPTED + "\n"   # one line; the library's warning is not repeated

    def test_keyboard_interrupt_propagating(self, tmp_path, monkeypatch, capsys):
        def stop(*a, **k):
            raise KeyboardInterrupt

        monkeypatch.setattr(theory, "threshold", stop)
        out = tmp_path / "t.csv"
        assert run(["threshold", "--p", "3", "--delta-p", "1", "--out", str(out)])[0] == 130
        assert capsys.readouterr().err == cli.INTERRUPTED + "\n" and list(tmp_path.iterdir()) == []

    def test_a_swallowed_sigint_still_exits_130(self, tmp_path, monkeypatch, capsys):
        """A caller inside that catches the KeyboardInterrupt and returns (or fails) normally."""
        real = theory.hessian

        def swallow(**kw):
            try:
                os.kill(os.getpid(), signal.SIGINT)
                time.sleep(1)  # the handler runs here
            except KeyboardInterrupt:
                pass
            return real(**kw)

        monkeypatch.setattr(theory, "hessian", swallow)
        out = tmp_path / "h.csv"
        status, text = run(["hessian", *MODEL, "--m", "0.3", "--mu", "2.5", "--out", str(out)])
        assert status == 130 and text == "" and list(tmp_path.iterdir()) == []
        assert capsys.readouterr().err == cli.INTERRUPTED + "\n"

    def test_an_error_caused_by_the_interrupt_is_not_reported(self, monkeypatch, capsys):
        def fail(*a, **k):
            try:
                os.kill(os.getpid(), signal.SIGINT)
                time.sleep(1)
            except KeyboardInterrupt:
                raise ValueError("fewer than two runs finished") from None

        monkeypatch.setattr(theory, "dynamics_threshold", fail)
        assert run(["dynamics-threshold", "--delta2", "0.4", "--delta2", "0.45"])[0] == 130
        assert capsys.readouterr().err == cli.INTERRUPTED + "\n"

    @pytest.mark.parametrize("suffix", [".csv", ".nc", ".png"])
    def test_ctrl_c_during_the_write_leaves_no_file(self, tmp_path, monkeypatch, suffix):
        from theory import _export

        real = _export.write

        def write_then_stop(obj, path, **kw):
            real(obj, path, **kw)     # the whole file, under its temporary name ...
            assert Path(path).parent == tmp_path and Path(path).name != f"se{suffix}"
            raise KeyboardInterrupt   # ... and Ctrl-C before the rename

        monkeypatch.setattr(_export, "write", write_then_stop)
        status, text = run(["state-evolution", *MODEL, "--out", str(tmp_path / f"se{suffix}")])
        assert status == 130 and list(tmp_path.iterdir()) == []

    def test_an_old_file_is_left_as_it_was(self, tmp_path, monkeypatch):
        out = tmp_path / "t.csv"
        out.write_text("old")
        monkeypatch.setattr(theory, "threshold", lambda *a, **k: (_ for _ in ()).throw(KeyboardInterrupt))
        assert run(["threshold", "--p", "3", "--delta-p", "1", "--out", str(out)])[0] == 130
        assert out.read_text() == "old" and list(tmp_path.iterdir()) == [out]

    def test_a_complete_write_leaves_only_the_file(self, tmp_path):
        out = tmp_path / "se.nc"
        status, text = run(["state-evolution", *MODEL, "--out", str(out)])
        assert status == 0 and f"wrote {out}" in text and list(tmp_path.iterdir()) == [out]
        assert out.stat().st_mode & 0o777 == 0o666 & ~_umask()

    def test_the_sigint_handler_is_restored(self):
        before = signal.getsignal(signal.SIGINT)
        run(["threshold", "--p", "3", "--delta-p", "1"])
        assert signal.getsignal(signal.SIGINT) is before


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# -- a real SIGINT to python -m theory -------------------------------------------------------

#: A phase-retrieval descent that only the step budget ends (about 1 ms a step at N = 2000).
PR_BUSY = ["--max-steps", "1000000", "--gtol", "0", "--window", "1000000"]

#: For each command, arguments that keep it busy for many seconds, and whether a progress bar
#: shows that the work has started.  Measured (2 shared cores): uninterrupted, each runs more
#: than 10 s (hessian 12 s, threshold 15 s, the others past a 15 s timeout).
LONG = {
    "threshold": (["threshold", "--kind", "trivialization", "--dps", "300",
                   *[f"--tensor={k}=1" for k in range(3, 5001)], "--out", "t.csv", "OUT"], False),
    "phase-diagram": (["phase-diagram", "--p", "3", "--points", "10000", "--dps", "30", "--progress",
                       "--out", "run.nc", "OUT"], True),
    "complexity": (["complexity", *MODEL, "--points", "10000", "--dps", "1000", "--out", "run.csv", "OUT"], False),
    "hessian": (["hessian", "--delta2", "0.7", *[f"--tensor={k}=1.{k}" for k in range(3, 10001)],
                 "--m", "0.3", "--mu", "2.5", "--dps", "1000", "--out", "run.csv", "OUT"], False),
    "state-evolution": (["state-evolution", "--p", "3", "--delta2", "0.6180339887", "--delta-p", "1",
                         "--dps", "1000", "--iterations", "10000000", "--tol", "1e-900", "--out", "run.nc", "OUT"], False),
    "gradient-flow": (["gradient-flow", "--p", "3", "--delta2", "0.6", "--delta-p", "1", "--m0", "1e-3",
                       "--t-max", "1000", "--dt", "0.1", "--progress", "--out", "run.nc", "OUT"], True),
    "dynamics-threshold": (["dynamics-threshold", "--p", "3", "--delta-p", "1", "--t-max", "5000",
                            "--delta2", "0.3", "--delta2", "0.35", "--delta2", "0.4", "--progress",
                            "--out", "run.nc", "OUT"], True),
    "simulate": (["simulate", "--p", "3", "--n", "60", "--delta2", "0.6", "--delta-p", "1", "--t-max", "100000",
                  "--seed", "1", "--progress", "--out", "run.nc", "OUT"], True),
    # phase retrieval (issue 20): below the threshold with no stopping rule but the budget
    # (--gtol 0, a stall window longer than the budget), so the runs go on for minutes
    "simulate-ensemble": (["simulate-ensemble", "--alpha", "1", "--n", "2000", "--seeds", "4", *PR_BUSY,
                           "--progress", "--out", "run.nc", "OUT"], True),
}
#: Phase retrieval through the spiked model's commands (``--model phase-retrieval``).
PHASE_RETRIEVAL = {
    "simulate": (["simulate", "--model", "phase-retrieval", "--n", "2000", "--alpha", "1", "--seed", "1",
                  *PR_BUSY, "--progress", "--out", "run.nc", "OUT"], True),
}
#: Kept in the default tier: one that lets KeyboardInterrupt propagate, one that returns a
#: partial result, one sweep.
FAST = ("threshold", "gradient-flow", "phase-diagram")


def _sigint(argv, tmp_path: Path, progress: bool, wait: float = 1.5):
    """Start the command in ``tmp_path/work``, SIGINT it once at work (``wait`` seconds after
    ``theory.cli`` is imported, or at its progress bar): (status, stdout, stderr without Python's
    import lines, the --out path or None)."""
    folder = tmp_path / "work"
    folder.mkdir()
    out = None
    if argv and argv[-1] == "OUT":
        out = folder / argv[-2]
        argv = [*argv[:-2], str(out)]
    err_path = tmp_path / "stderr"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    with open(err_path, "wb") as err:
        proc = subprocess.Popen([sys.executable, "-X", "importtime", "-m", "theory", *argv], cwd=folder,
                                stdout=subprocess.PIPE, stderr=err, env=env,
                                # a child of a background job would inherit SIGINT ignored
                                preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        try:
            started = None
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline and proc.poll() is None:
                text = err_path.read_text(errors="replace")
                if started is None and re.search(r"\|\s*theory\.cli\s*$", text, re.M):
                    started = time.monotonic()
                at_work = started is not None and (
                    "%|" in text if progress else time.monotonic() - started > wait)
                if at_work:
                    time.sleep(0.5)
                    break
                time.sleep(0.05)
            name = argv[0] if argv else "the main job"
            assert proc.poll() is None, f"{name} ended before the SIGINT: {err_path.read_text()[-500:]}"
            proc.send_signal(signal.SIGINT)
            stdout, _ = proc.communicate(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
    err = "\n".join(line for line in err_path.read_text(errors="replace").splitlines()
                    if not line.startswith("import time:"))
    return proc.returncode, stdout.decode(), err, out


def _check(command, tmp_path, commands=LONG):
    argv, progress = commands[command]
    status, stdout, err, out = _sigint(argv, tmp_path, progress)
    assert status == 130, err[-800:]
    assert "Traceback" not in err and interrupted_lines(err) == [cli.INTERRUPTED], err[-800:]
    assert not out.exists() and list(out.parent.iterdir()) == []   # no file, no temporary left
    assert stdout == ""


@pytest.mark.parametrize("command", FAST)
def test_sigint(command, tmp_path):
    _check(command, tmp_path)


@pytest.mark.slow
@pytest.mark.parametrize("command", [c for c in LONG if c not in FAST])
def test_sigint_slow(command, tmp_path):
    _check(command, tmp_path)


@pytest.mark.parametrize("command", list(PHASE_RETRIEVAL))
def test_sigint_phase_retrieval(command, tmp_path):
    """A descent stopped by Ctrl-C: exit 130, one line, no output file (the run returns the
    finished steps with interrupted=True; the command writes nothing)."""
    _check(command, tmp_path, PHASE_RETRIEVAL)


def test_every_command_is_tested():
    assert set(LONG) == set(cli.FUNCTIONS)


@pytest.mark.slow
def test_sigint_main_job(tmp_path):
    """The bare command: no figure in the working directory.  It is done about 1.5 s after
    ``theory.cli`` is imported (2 s in all, measured), so the SIGINT goes in early."""
    status, stdout, err, _ = _sigint([], tmp_path, progress=False, wait=0.2)
    assert status == 130 and interrupted_lines(err) == [cli.INTERRUPTED], err[-800:]
    assert list((tmp_path / "work").iterdir()) == []
