"""theory._sweep.run: serial and executor sweeps agree, in task order."""

import concurrent.futures as cf
import math

import pytest

from theory import _sweep


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
