"""theory._sweep.run: serial and executor sweeps agree, in task order; the Ctrl-C contract
(tested with a real SIGINT to a subprocess); progress bars only on a terminal; executor edges."""

import concurrent.futures as cf
import math
import threading

import pytest

from tests.sigint import interrupt, run_to_end, run_until_started
from theory import _sweep


class _Synchronous(cf.Executor):
    """An executor that runs each task at ``submit`` and hands back a finished future."""

    def __init__(self, transform=lambda result: result):
        self.transform = transform
        self.submitted = []

    def submit(self, fn, *args, **kwargs):
        future = cf.Future()
        try:
            future.set_result(self.transform(fn(*args, **kwargs)))
        except BaseException as exc:  # as ThreadPoolExecutor: KeyboardInterrupt travels in the future
            future.set_exception(exc)
        self.submitted.append(future)
        return future

    def __repr__(self):
        return "<Synchronous executor>"


class TestRun:
    def test_thread_pool_equals_serial_in_order(self):
        tasks = [3.0, 1.0, 2.0, 0.5]
        serial = _sweep.run(math.sqrt, tasks)
        with cf.ThreadPoolExecutor(2) as pool:
            parallel = _sweep.run(math.sqrt, tasks, executor=pool)
        assert serial == parallel and serial.results == tuple(math.sqrt(t) for t in tasks)
        assert not serial.interrupted

    def test_interrupt_returns_the_finished_tasks(self):
        def fn(t):
            if t == 2:
                raise KeyboardInterrupt
            return t

        out = _sweep.run(fn, [0, 1, 2, 3])
        assert out.interrupted and out.results == (0, 1, None, None)

    def test_bad_executor(self):
        with pytest.raises(ValueError, match="executor must be"):
            _sweep.run(abs, [1], executor="pool")


class TestInterruptContract:
    """Ctrl-C stops the sweep and returns the finished results in task order, the rest None."""

    def test_a_task_interrupted_on_an_executor_keeps_every_finished_result(self):
        # Every other future is already done when the interrupted one is met (as_completed
        # yields finished futures in no fixed order): all of them are kept, not only those
        # seen before the interrupt.
        def fn(t):
            if t == 2:
                raise KeyboardInterrupt
            return 10 * t

        for _ in range(5):
            out = _sweep.run(fn, range(5), executor=_Synchronous(), progress=False)
            assert out.interrupted and out.results == (0, 10, None, 30, 40)
            assert out.finished == 4

    def test_a_failing_task_cancels_the_pending_ones(self):
        gate = threading.Event()
        futures = []

        class Recording(cf.ThreadPoolExecutor):
            def submit(self, fn, *args, **kwargs):
                futures.append(super().submit(fn, *args, **kwargs))
                return futures[-1]

        def fn(t):
            if t == 0:
                raise ZeroDivisionError("task 0")
            gate.wait(10)
            return t

        with Recording(1) as pool:
            with pytest.raises(ZeroDivisionError, match="task 0"):
                _sweep.run(fn, range(6), executor=pool, progress=False)
            gate.set()
        # task 1 may have started on the single worker; every later one was cancelled
        assert sum(f.cancelled() for f in futures) >= 4

    def test_warning_names_the_function_and_what_finished(self):
        from theory import Interrupted

        with pytest.warns(Interrupted, match=r"^phase_diagram interrupted \(Ctrl-C\): 2 of 5 chunks finished"):
            _sweep.Sweep((1, 2, None, None, None), interrupted=True).warn("phase_diagram", "chunks", stacklevel=2)

    def test_no_warning_when_complete(self, recwarn):
        _sweep.Sweep((1, 2), interrupted=False).warn("phase_diagram")
        assert not recwarn.list

    # --- a real SIGINT to a subprocess -------------------------------------------------------
    SCRIPT = """
        import concurrent.futures as cf, threading, time, warnings
        from theory import _sweep
        gate = threading.Event()

        def fn(i):
            if i >= 2:
                if i == 2:
                    print("started", flush=True)
                gate.wait(30) if {threads} else time.sleep({pause})
            return 10 * i

        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            executor = {executor}
            t0 = time.monotonic()
            out = _sweep.run(fn, range(6), executor=executor)
            print("returned after", round(time.monotonic() - t0, 1), "s", flush=True)
            gate.set()
            out.warn("demo_sweep", "points")
        print("results", out.results)
        print("interrupted", out.interrupted)
        print("warning", caught[0].category.__name__, str(caught[0].message))
    """

    def _check(self, out):
        assert out.returncode == 0, out
        assert "results (0, 10, None, None, None, None)" in out.stdout, out
        assert "interrupted True" in out.stdout, out
        assert ("warning Interrupted demo_sweep interrupted (Ctrl-C): 2 of 6 points finished (the others "
                "are None); the result holds what finished, with interrupted=True") in out.stdout, out
        assert "Traceback" not in out.stderr, out

    def test_sigint_serial(self):
        proc = run_until_started(self.SCRIPT.format(threads=False, pause=30, executor=None))
        self._check(interrupt(proc))

    def test_sigint_thread_pool(self):
        proc = run_until_started(self.SCRIPT.format(threads=True, pause=0, executor="cf.ThreadPoolExecutor(2)"))
        # tasks 0 and 1 finished before task 2 began: both are kept (the delay leaves the other
        # thread time to store its result)
        out = interrupt(proc, delay=0.2)
        self._check(out)
        seconds = float(out.stdout.split("returned after")[1].split()[0])
        assert seconds < 10, out  # stopped at the signal, not when the tasks would have ended

    def test_sigint_process_pool_as_ctrl_c_at_a_terminal(self):
        # Ctrl-C at a terminal signals the whole process group: the workers too.
        # The task a worker had queued (one beyond those running) still runs, for 2 s, before
        # the interpreter exits; the others are cancelled.
        code = self.SCRIPT.format(threads=False, pause=2, executor="cf.ProcessPoolExecutor(2)")
        proc = run_until_started(code, group=True)
        # (the delay lets the pool's thread take in the results of tasks 0 and 1, sent back by
        # the workers before task 2 began)
        out = interrupt(proc, delay=0.5, group=True)
        self._check(out)


class TestProgress:
    SCRIPT = """
        import time
        from theory import _sweep

        def fn(x):
            time.sleep(x)
            return x

        _sweep.run(fn, [0.01] * 4, desc="demo sweep", progress={progress})
        print("done", flush=True)
    """

    def test_no_bar_into_redirected_stderr(self):
        out = run_to_end(self.SCRIPT.format(progress=None))
        assert out.returncode == 0 and "done" in out.stdout, out
        assert out.stderr == "", out

    def test_progress_true_shows_a_bar(self):
        out = run_to_end(self.SCRIPT.format(progress=True))
        assert out.returncode == 0, out
        assert "demo sweep:" in out.stderr and "/4 [" in out.stderr, out


class TestExecutorEdges:
    def test_futures_holding_none_are_refused_naming_executor_and_task(self):
        executor = _Synchronous(transform=lambda result: None)
        with pytest.raises(ValueError, match=r"executor=<Synchronous executor> returned None for task [012] "
                                             r"of 3 \((0\.25|1\.0|4\.0)\)"):
            _sweep.run(math.sqrt, [0.25, 1.0, 4.0], executor=executor, progress=False)

    def test_submit_must_return_a_future(self):
        class Eager:
            def submit(self, fn, *args):
                return fn(*args)

        with pytest.raises(ValueError, match="submit returned 0.5, not a concurrent.futures.Future"):
            _sweep.run(math.sqrt, [0.25], executor=Eager())

    def test_check_executor_keeps_a_plain_executor_and_leaves_dask_unimported(self):
        out = run_to_end("""
            import concurrent.futures as cf, sys
            from theory import _sweep
            with cf.ThreadPoolExecutor(1) as pool:
                assert _sweep.check_executor(pool) is pool
            print("distributed imported:", "distributed" in sys.modules)
        """)
        assert "distributed imported: False" in out.stdout, out
