"""Forked worker processes for the build's CPU work that can run beside page rendering: drawing
link-preview images (scripts/hooks/og_images.py) and writing the search index (scripts/hooks/search.py).

A thread would not do: that work is mostly Python, which holds the GIL, so it slowed rendering down by
about as much as it did. The workers are forked (they start with everything already imported) and
shut down when MkDocs shuts down. Tasks must be functions of an importable module (ogimage,
searchindex), since they are sent by name.
"""
from __future__ import annotations

import multiprocessing
import signal
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Callable

WORKERS = 2   # images and the index side by side; the build waits for whichever ends last
_pool: ProcessPoolExecutor | None = None


def submit(task: Callable[..., Any], *args: Any) -> Future:
    global _pool
    if _pool is None:
        _pool = ProcessPoolExecutor(max_workers=WORKERS, mp_context=multiprocessing.get_context("fork"),
                                    initializer=_ignore_interrupt)
    return _pool.submit(task, *args)


def _ignore_interrupt() -> None:
    # Ctrl+C on `mkdocs serve` reaches the whole process group: the workers leave it to MkDocs,
    # which shuts them down, instead of each printing a KeyboardInterrupt traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def shutdown() -> None:
    """Wait for the workers and stop them (before the interpreter exits, or the pool's own clean-up
    fails noisily); the next submit() starts new ones."""
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=True)
        _pool = None
