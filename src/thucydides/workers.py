"""Worker processes that end with the process that started them (ingest's workers, a long article's)."""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time

__all__ = ["die_with_parent", "in_worker"]

#: Set in a worker process by :func:`die_with_parent`.
_STATE = {"worker": False}

#: ``prctl`` option: the signal this process gets when its parent dies (linux/prctl.h).
_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """Worker initializer: end this worker when the process that started it dies (even by SIGKILL).

    On Linux the kernel sends SIGKILL at the parent's death (``prctl(PR_SET_PDEATHSIG)``); everywhere a
    daemon thread also checks once a second that the parent is still the same process.
    """
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)
    _STATE["worker"] = True
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="parent-watch").start()


def in_worker() -> bool:
    """Whether this process is a worker of a pool (one started with :func:`die_with_parent`, or a daemonic
    process, which may not start processes of its own)."""
    return _STATE["worker"] or multiprocessing.current_process().daemon


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)
