"""Python's cyclic garbage collector, paused while a run builds large heaps of live objects.

A run allocates hundreds of thousands of objects that stay alive until it ends (a parsed
catalog's entries, the template's facts, 120,000 findings read back from the cache), and
almost none of them form reference cycles. With the collector's default thresholds every
700 allocations start a collection, and each of the full ones walks every live object
again: measured on the real corpus (24 catalogs of 21,330 messages), the collector took
4.4 of 32 s of CPU of a cold ``check`` and 1.8 of 3.4 s of a warm one, and freed a few
hundred objects per catalog. So during a run the automatic collector is off, and the
cycles that do arise are collected at the points where a run drops what it is done with
(after each catalog, every few thousand entries of a large one): what survives such a
collection is frozen (:func:`gc.freeze`), so that the next collection only looks at what
was allocated since, and the total work stays proportional to what the run allocates.
At the end, the collector is back as it was, with every object it would have seen.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

_PAUSED = [0]
"""How deep in :func:`paused` this process is (worker processes inherit it by fork)."""


@contextmanager
def paused() -> Iterator[None]:
    """The automatic collector off for the block, as it was afterwards. A caller that runs
    without it already, or that froze objects of its own (a server before forking), keeps
    its collector exactly as it set it: nothing is frozen or collected then."""
    if _PAUSED[0] or not gc.isenabled() or gc.get_freeze_count():
        yield
        return
    gc.freeze()  # what exists now (modules, the caller's objects) is not walked again
    gc.disable()
    _PAUSED[0] += 1
    try:
        yield
    finally:
        _PAUSED[0] -= 1
        # What the block allocated joins the oldest generation with the rest (freeze, then
        # unfreeze), not the youngest: there the first allocation after gc.enable() would
        # walk all of it, 0.3 s after a warm run that restored 113,000 findings.
        gc.freeze()
        gc.unfreeze()
        gc.enable()


def collect() -> None:
    """Free the cycles left since the last call and freeze the survivors; only inside
    :func:`paused` (elsewhere the automatic collector does this work)."""
    if _PAUSED[0]:
        gc.collect()
        gc.freeze()


def freeze() -> None:
    """Freeze what exists now, without a collection: for what a run has just read and keeps
    to its end, without cycles to free (the results read back from the cache: 110,000
    findings of a large project), so that the next :func:`collect` does not walk it again
    (0.3 s when one catalog of the real corpus changed). Only inside :func:`paused`."""
    if _PAUSED[0]:
        gc.freeze()


def paused_during(function: Callable[P, R]) -> Callable[P, R]:
    """``function`` run with the collector :func:`paused`."""

    @wraps(function)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with paused():
            return function(*args, **kwargs)

    return run
