"""Real Ctrl-C for tests: run a Python script in a subprocess, wait until it says it has started,
send it SIGINT, and collect what it printed.

    proc = run_until_started(code)           # returns once the child printed "started"
    out = interrupt(proc)                    # SIGINT, then wait; out.returncode/stdout/stderr

The child runs from the repository root with this interpreter, stdout a pipe and stderr a file
(not a terminal, like ``2>log``).  ``group=True`` signals the child's whole process group, as a
Ctrl-C at a terminal does (workers of a process pool included); the child is started in its own
session for that.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from dataclasses import dataclass
from pathlib import Path

__all__ = ["ROOT", "Finished", "interrupt", "run_until_started", "run_to_end"]

ROOT = Path(__file__).resolve().parents[1]
MARKER = "started"


@dataclass
class Finished:
    """What a child left: its exit status and everything it wrote."""

    returncode: int
    stdout: str
    stderr: str

    def __str__(self) -> str:
        return f"exit status {self.returncode}\n--- stdout\n{self.stdout}\n--- stderr\n{self.stderr}"


class Child(subprocess.Popen):
    """A running child: its stdout read by a thread (``lines``), its stderr in a file."""

    lines: list
    started: threading.Event


def _spawn(code: str, env=None, **options) -> Child:
    full_env = {**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONPATH": str(ROOT), **(env or {})}
    full_env.pop("FORCE_COLOR", None)
    err = tempfile.TemporaryFile(mode="w+", encoding="utf-8")
    proc = Child([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, env=full_env, text=True,
                 stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=err, **options)
    proc.err_file = err
    proc.group = bool(options.get("start_new_session"))
    proc.lines = []
    proc.started = threading.Event()

    def read():
        for line in proc.stdout:
            proc.lines.append(line)
            if line.startswith(MARKER):
                proc.started.set()

    proc.reader = threading.Thread(target=read, daemon=True)
    proc.reader.start()
    return proc


def run_until_started(code: str, *, timeout: float = 60.0, env=None, group: bool = False) -> Child:
    """Start ``python -c code`` and return once it printed a line that starts with ``started`` (flushed).

    Fails (and kills the child) if it exits or ``timeout`` seconds pass first."""
    proc = _spawn(code, env=env, start_new_session=group)
    deadline = time.monotonic() + timeout
    while not proc.started.wait(0.05):
        if proc.poll() is not None or time.monotonic() > deadline:
            _kill(proc)
            out = _collect(proc, 10.0)
            raise AssertionError(f"the child did not print {MARKER!r} within {timeout} s:\n{out}")
    return proc


def interrupt(proc: Child, timeout: float = 60.0, *, delay: float = 0.0, group: bool = False) -> Finished:
    """Send SIGINT to ``proc`` (to its process group when ``group``) after ``delay`` seconds, wait
    at most ``timeout`` seconds for it to exit, and return what it wrote."""
    if delay:
        time.sleep(delay)
    if group:
        os.killpg(proc.pid, signal.SIGINT)
    else:
        proc.send_signal(signal.SIGINT)
    return _collect(proc, timeout)


def run_to_end(code: str, *, timeout: float = 60.0, env=None) -> Finished:
    """Run ``python -c code`` to its end (no signal) and return what it wrote."""
    return _collect(_spawn(code, env=env), timeout)


def _collect(proc: Child, timeout: float) -> Finished:
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        _kill(proc)
        proc.wait()
        proc.reader.join(5)
        raise AssertionError(f"the child did not exit within {timeout} s:\n"
                             f"{Finished(-9, ''.join(proc.lines), _stderr(proc))}") from None
    proc.reader.join(5)
    return Finished(proc.returncode, "".join(proc.lines), _stderr(proc))


def _kill(proc: Child) -> None:
    try:
        if proc.group:
            os.killpg(proc.pid, signal.SIGKILL)
        else:
            proc.kill()
    except ProcessLookupError:
        pass


def _stderr(proc: Child) -> str:
    proc.err_file.seek(0)
    text = proc.err_file.read()
    proc.err_file.close()
    return text
