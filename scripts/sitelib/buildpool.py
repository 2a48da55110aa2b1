"""Forked worker processes for the build's CPU work that can run beside page rendering: drawing
link-preview images (scripts/hooks/og_images.py) and writing the search index (scripts/hooks/search.py).

A thread would not do: that work is mostly Python, which holds the GIL, so it slowed rendering down by
about as much as it did. The workers are forked (they start with everything already imported) and
shut down when MkDocs shuts down, and end on their own when the build process dies without shutting
them down (SIGTERM, SIGKILL, SIGHUP, a crash): `mkdocs build` and `serve` alike. Tasks must be
functions of an importable module (ogimage, searchindex), since they are sent by name.
"""
from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Callable

WORKERS = 2   # images and the index side by side; the build waits for whichever ends last
_pool: ProcessPoolExecutor | None = None
_warm_ups: list[Callable[[], Any]] = []
PR_SET_PDEATHSIG = 1  # linux/prctl.h
WATCH_SECONDS = 0.5   # how often a worker checks that its parent is still there


def warm_up(load: Callable[[], Any]) -> None:
    """Have each worker call `load` as it starts (e.g. read a dictionary that a later task needs), so
    the loading runs while the build renders pages instead of inside a task the build waits for."""
    if load not in _warm_ups:
        _warm_ups.append(load)


def submit(task: Callable[..., Any], *args: Any) -> Future:
    global _pool
    if _pool is None:
        _pool = ProcessPoolExecutor(max_workers=WORKERS, mp_context=multiprocessing.get_context("fork"),
                                    initializer=_start_worker, initargs=(os.getpid(), tuple(_warm_ups)))
    return _pool.submit(task, *args)


def _start_worker(parent: int, warm_ups: tuple[Callable[[], Any], ...] = ()) -> None:
    # Ctrl+C on `mkdocs serve` reaches the whole process group: the workers leave it to MkDocs,
    # which shuts them down, instead of each printing a KeyboardInterrupt traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent(parent)
    for load in warm_ups:
        try:
            load()
        except Exception:  # the task that needs it fails with its own, clearer error
            pass


def _die_with_parent(parent: int) -> None:
    """End this worker when `parent` ends: the kernel's parent-death signal on Linux, and a watchdog
    thread everywhere (and for a parent that died before the signal was asked for)."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
        except (OSError, AttributeError):
            pass  # no prctl: the watchdog alone
    threading.Thread(target=_watch_parent, args=(parent,), name="parent-watchdog", daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        threading.Event().wait(WATCH_SECONDS)
    os._exit(1)  # orphaned: nobody will read what this worker makes


def shutdown() -> None:
    """Wait for the workers and stop them (before the interpreter exits, or the pool's own clean-up
    fails noisily); the next submit() starts new ones."""
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=True)
        _pool = None
