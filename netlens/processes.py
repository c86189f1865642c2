"""Whether work may go to forked processes here: the loader's helper, the chart workers."""

from __future__ import annotations

import os
import sys
import threading

__all__ = ["can_fork"]


def can_fork() -> bool:
    """On Linux only: elsewhere (macOS) a forked process may not survive the system
    libraries it inherits. With two cores or more for this process. And only from a
    process with one thread (the command line's case): a fork copies locks that other
    threads may hold (in a notebook, say), which could leave the child stuck."""
    return (
        sys.platform.startswith("linux")
        and len(os.sched_getaffinity(0)) >= 2
        and threading.active_count() == 1
    )
