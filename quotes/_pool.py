"""Worker processes for ``extract_many``: each runs a whole batch of articles and sends back plain records.

spaCy's own ``n_process`` tokenizes in the parent and ships every Doc both ways
as bytes, which keeps the parent busy; here the parent only hands out texts and
receives dicts. Batches are submitted a few at a time (memory stays flat) and
their results come back in input order.
"""

from __future__ import annotations

import gc
import multiprocessing
import multiprocessing.pool
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from multiprocessing.pool import AsyncResult
from typing import Any, TypeVar

__all__ = ["ordered_map"]

Batch = TypeVar("Batch")
Result = TypeVar("Result")

_STATE: dict[str, Any] = {}


def _die_with_parent() -> None:
    """Linux: a worker gets SIGTERM when its parent dies (killed with SIGKILL, say), so none is left behind."""
    if sys.platform.startswith("linux"):
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


def _init(work: Callable[[Any], Any]) -> None:
    """Worker start-up: keep the work function (with its loaded pipeline); ^C is the parent's to handle."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    _STATE["work"] = work


def _run(batch: Any) -> Any:
    return _STATE["work"](batch)


def _context() -> multiprocessing.context.BaseContext:
    """fork where the platform has it (the loaded pipeline is shared, not pickled), spawn elsewhere."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


@contextmanager
def _forked_pool(processes: int, work: Callable[[Any], Any]) -> Iterator[multiprocessing.pool.Pool]:
    """A pool whose workers start with the parent's objects frozen (Python's advice for fork).

    A collection in a worker then never walks the loaded pipeline, so its pages stay
    shared with the parent instead of being copied; the parent unfreezes at once.
    """
    gc.collect()
    gc.freeze()
    try:
        pool = _context().Pool(processes, initializer=_init, initargs=(work,))
    finally:
        gc.unfreeze()
    with pool:
        yield pool


def ordered_map(work: Callable[[Batch], Result], batches: Iterable[Batch], processes: int) -> Iterator[Result]:
    """``work`` over ``batches`` in ``processes`` workers, results in input order, a few batches in flight."""
    if processes == 1:
        yield from map(work, batches)
        return
    with _forked_pool(processes, work) as pool:
        pending: deque[AsyncResult] = deque()
        for batch in batches:
            pending.append(pool.apply_async(_run, (batch,)))
            if len(pending) >= 2 * processes:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()
