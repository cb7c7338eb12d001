"""Sweeps over independent tasks: serial, or on any ``concurrent.futures.Executor``.

The one implementation of the toolkit's Ctrl-C contract for sweeps (:mod:`theory._interrupt`),
shared by every function that takes ``executor=`` (``phase_diagram``, ``dynamics_threshold``,
``simulate_ensemble``): results come back in the order of the tasks, identical to a serial run
(the tasks are pure functions of their arguments), with a progress bar on a terminal
(:func:`numerics.progress.bar`), and Ctrl-C stops the sweep:

* the tasks that finished keep their results, in task order; the others are ``None``;
* on an executor, the tasks not yet started are cancelled, and a task that finished while the
  interrupt was handled is kept (a task already running on a worker runs to its end there:
  an executor cannot stop it, and ``with ProcessPoolExecutor() as pool`` waits for it when
  the block ends);
* :class:`Sweep` says ``interrupted=True``; the caller warns with :meth:`Sweep.warn`, which
  names itself and how many tasks finished.

An executor can be anything with the ``concurrent.futures.Executor`` protocol; a
``dask.distributed.Client`` is accepted as it is (its ``get_executor()`` is used).
"""

from __future__ import annotations

import concurrent.futures as cf
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from numerics import progress as _progress
from theory._interrupt import warn_interrupted
from theory._validate import _short

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

    @property
    def finished(self) -> int:
        """How many tasks finished."""
        return sum(r is not None for r in self.results)

    def warn(self, function: str, unit: str = "tasks", *, stacklevel: int = 2) -> None:
        """If interrupted, the :class:`theory.Interrupted` warning of ``function``, saying how
        many ``unit`` finished.  ``stacklevel`` is the one ``warnings.warn`` would take in the
        caller of this method (2: the line that called the caller).

        Examples
        --------
        >>> import warnings
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     Sweep((1.0, None, None), interrupted=True).warn("simulate_ensemble", "runs")
        >>> str(caught[0].message).split(";")[0]
        'simulate_ensemble interrupted (Ctrl-C): 1 of 3 runs finished (the others are None)'
        """
        if self.interrupted:
            warn_interrupted(function, f"{self.finished} of {len(self.results)} {unit} finished "
                                       f"(the others are None)", stacklevel=stacklevel + 2)


def _is_dask_client(executor) -> bool:
    """Whether ``executor`` is a ``dask.distributed.Client`` (dask imported only if it looks like one)."""
    module = type(executor).__module__ or ""
    if module.split(".")[0] != "distributed" or not callable(getattr(executor, "get_executor", None)):
        return False
    from distributed import Client

    return isinstance(executor, Client)


def check_executor(executor):
    """The executor to submit to: ``None`` (serial), an object with ``submit`` (the Executor
    protocol), or a ``dask.distributed.Client`` (its ``get_executor()`` is returned); else
    ``ValueError``.

    Examples
    --------
    >>> check_executor(None) is None
    True
    >>> check_executor("pool")
    Traceback (most recent call last):
    ...
    ValueError: executor must be a concurrent.futures.Executor, a dask.distributed.Client or None (serial), got 'pool'
    """
    if executor is None:
        return None
    if _is_dask_client(executor):
        return executor.get_executor()
    if not callable(getattr(executor, "submit", None)):
        raise ValueError(f"executor must be a concurrent.futures.Executor, a dask.distributed.Client or None "
                         f"(serial), got {_short(executor)}")
    return executor


def _check_result(result, i: int, tasks: list, executor):
    if result is None:
        raise ValueError(f"executor={_short(executor)} returned None for task {i} of {len(tasks)} "
                         f"({_short(tasks[i])}); an executor's futures must hold the task's result "
                         f"(concurrent.futures.Executor)")
    return result


def run(fn: Callable[[Any], Any], tasks: Sequence, *, executor=None, progress=None,
        desc: str = "sweep", unit: str = "task") -> Sweep:
    """``fn(task)`` for every task, serially or on ``executor``, in task order.

    Parameters
    ----------
    fn : callable
        A picklable function (module level) when an executor runs it in other processes.  It
        never returns ``None`` (``None`` marks a task that did not finish).
    tasks : sequence
        Its arguments, one per call.
    executor : concurrent.futures.Executor or dask.distributed.Client, optional
        Where to run; None runs serially in this process.
    progress : bool, optional
        A progress bar over the tasks: True, False, or None (default: on a terminal only, and
        for more than one task).
    desc, unit : str
        The bar's label and unit.

    Returns
    -------
    Sweep
        The results in task order.  On Ctrl-C (``KeyboardInterrupt`` here, or raised by a task)
        the sweep stops and returns the finished results, the others ``None``, with
        ``interrupted=True``; pending futures are cancelled.

    Raises
    ------
    ValueError
        For an ``executor`` without ``submit``, or whose futures hold ``None``.

    Examples
    --------
    >>> run(abs, [-2, 3], progress=False)
    Sweep(results=(2, 3), interrupted=False)
    """
    executor = check_executor(executor)
    tasks = list(tasks)
    results: list = [None] * len(tasks)
    if progress is None and len(tasks) <= 1:
        progress = False
    bar = _progress.bar(total=len(tasks), desc=desc, unit=unit, progress=progress)
    futures: dict = {}
    try:
        if executor is None:
            for i, task in enumerate(tasks):
                results[i] = fn(task)
                bar.update()
        else:
            for i, task in enumerate(tasks):  # one at a time: a Ctrl-C here cancels those submitted
                future = executor.submit(fn, task)
                if not isinstance(future, cf.Future):
                    raise ValueError(f"executor={_short(executor)}: submit returned {_short(future)}, not a "
                                     f"concurrent.futures.Future")
                futures[future] = i
            for future in cf.as_completed(futures):
                i = futures[future]
                results[i] = _check_result(future.result(), i, tasks, executor)
                bar.update()
    except KeyboardInterrupt:
        _cancel(futures)
        for future, i in futures.items():  # finished while the interrupt was on its way
            if results[i] is None and future.done() and not future.cancelled() and future.exception() is None:
                results[i] = future.result()
        return Sweep(tuple(results), interrupted=True)
    except BaseException:
        _cancel(futures)
        raise
    finally:
        bar.close()
    return Sweep(tuple(results))


def _cancel(futures) -> None:
    for future in futures:
        future.cancel()
