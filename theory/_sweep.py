"""Sweeps over independent tasks: serial, or on any ``concurrent.futures.Executor``.

One helper serves every function that takes ``executor=`` (``phase_diagram``,
``dynamics_threshold``, seed ensembles of ``simulate``): results come back in the order of the
tasks, identical to a serial run (the tasks are pure functions of their arguments), with a tqdm
progress bar, and Ctrl-C stops the sweep and returns what finished, flagged as interrupted.
A Dask cluster works through ``dask.distributed.Client.get_executor()``.
"""

from __future__ import annotations

import concurrent.futures as cf
from dataclasses import dataclass
from typing import Any, Callable, Sequence

__all__ = ["Sweep", "check_executor", "run"]


@dataclass(frozen=True)
class Sweep:
    """The results of a sweep, in task order; ``None`` for a task that did not finish.

    Attributes
    ----------
    results : tuple
    interrupted : bool
        Whether Ctrl-C stopped the sweep before every task finished.
    """

    results: tuple
    interrupted: bool = False


def check_executor(executor):
    """``executor`` itself if it is None or has ``submit`` (the Executor protocol), else ValueError."""
    if executor is not None and not callable(getattr(executor, "submit", None)):
        raise ValueError(f"executor must be a concurrent.futures.Executor (or None for serial), got {executor!r}")
    return executor


def run(fn: Callable[[Any], Any], tasks: Sequence, *, executor=None, progress=None,
        desc: str = "sweep") -> Sweep:
    """``fn(task)`` for every task, serially or on ``executor``, in task order.

    Parameters
    ----------
    fn : callable
        A picklable function (module level) when an executor runs it in other processes.
    tasks : sequence
        Its arguments, one per call.
    executor : concurrent.futures.Executor, optional
        Where to run; None runs serially in this process.
    progress : bool, optional
        Show a tqdm bar (default: only when more than one task).
    """
    check_executor(executor)
    tasks = list(tasks)
    results: list = [None] * len(tasks)
    show = len(tasks) > 1 if progress is None else bool(progress)
    from tqdm.auto import tqdm

    bar = tqdm(total=len(tasks), desc=desc, disable=not show, leave=False)
    futures: dict = {}
    try:
        if executor is None:
            for i, task in enumerate(tasks):
                results[i] = fn(task)
                bar.update()
        else:
            futures = {executor.submit(fn, task): i for i, task in enumerate(tasks)}
            for future in cf.as_completed(futures):
                results[futures[future]] = future.result()
                bar.update()
    except KeyboardInterrupt:
        for future in futures:
            future.cancel()
        return Sweep(tuple(results), interrupted=True)
    finally:
        bar.close()
    return Sweep(tuple(results))
