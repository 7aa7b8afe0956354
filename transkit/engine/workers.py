"""Work spread over forked processes, results in order.

Worker processes are forked from this one, so they see what it has loaded (the template,
parsed catalogs, options) in their own copy-on-write memory: only item numbers go to
them and only results come back, nothing large is pickled. Where fork is not available,
or there is one worker, the work is done here, in order.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

Result = TypeVar("Result")

PARALLEL_MIN_ENTRIES = 20_000
"""Below this, forking workers costs more than it saves."""
PARALLEL_MIN_BYTES = 8 * 2**20
"""About 20,000 entries of typical catalogs (400 bytes an entry)."""

_TASK: Callable[[int], object] | None = None
"""The function the workers run, set before they are forked."""


def worker_count(large: bool, jobs: int | None, items: int) -> int:
    """``jobs`` processes (None: one per CPU when the work is ``large``), at most one per
    item, and one where processes cannot be forked."""
    if jobs is None:
        jobs = (os.cpu_count() or 1) if large else 1
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(jobs, items))


def total_size(paths: Iterable[Path]) -> int:
    """Bytes on disk of the files that exist (to judge the work before reading them)."""
    size = 0
    for path in paths:
        with contextlib.suppress(OSError):
            size += path.stat().st_size
    return size


def _run_task(number: int) -> object:
    assert _TASK is not None
    return _TASK(number)


def processes_for(count: int, workers: int, *, beside: bool = False) -> int:
    """How many worker processes :func:`map_numbers` forks for ``count`` numbers with up
    to ``workers`` (0: the work is done here). One number is done here, unless this
    process has work of its own to do ``beside`` it and two processes may run."""
    processes = min(workers, count)
    if processes == 1 and not (beside and workers >= 2):
        return 0
    return processes


def map_numbers(
    task: Callable[[int], Result],
    numbers: list[int],
    workers: int,
    meanwhile: Callable[[], None] | None = None,
) -> Iterator[Result]:
    """``task(n)`` for each of ``numbers``, in that order, in up to ``workers`` processes.

    ``meanwhile`` is called here once the work has started, before the first result is
    given: while the worker processes work, so that this process's own work runs beside
    theirs (a single number then goes to a worker too, when two processes may run), or
    first, when the work is done here."""
    processes = processes_for(len(numbers), workers, beside=meanwhile is not None)
    if processes < 1:
        if meanwhile is not None:
            meanwhile()
        yield from (task(number) for number in numbers)
        return
    global _TASK
    _TASK = task
    # What this process holds now (the template, the options, every module) is shared
    # with the workers page by page until a page is written. The collector writes to the
    # header of every object it walks: frozen, these objects are not walked by the
    # workers' collections, and 3 MB more of each worker's pages stay shared.
    frozen_before = gc.get_freeze_count()
    gc.freeze()
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=processes, mp_context=context) as pool:
            done = pool.map(_run_task, numbers)  # every number is handed out now
            if meanwhile is not None:
                meanwhile()
            yield from done  # type: ignore[misc]
    finally:
        _TASK = None
        if not frozen_before:  # the collector as the caller had it
            gc.unfreeze()


def give_back_memory() -> None:
    """Return the free pages of the C heap to the system, where the C library can
    (glibc's ``malloc_trim``; elsewhere nothing is done).

    Python keeps its small objects in arenas it returns itself once empty, but larger
    blocks (a catalog's text, long strings, the tables of large dicts and lists) come from
    the C heap, whose freed pages stay with the process: a worker that has checked a
    catalog kept some 4 MB more after each one. Called once a catalog is checked; it
    takes a millisecond.
    """
    if _TRIM[0] is None:
        _TRIM[0] = getattr(_libc(), "malloc_trim", False)
    if _TRIM[0]:
        _TRIM[0](0)


_TRIM: list[Any] = [None]
"""glibc's ``malloc_trim`` once looked up, False where there is none."""


def _libc() -> Any:
    try:
        return ctypes.CDLL(None)
    except OSError:
        return None
