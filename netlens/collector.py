"""Python's cycle collector, paused while large tables or graphs are built.

Reading an export or merging a team makes hundreds of thousands of objects (strings, small
tuples and dicts) in no reference cycle; as they pile up, the collector walks them all again
and again, a tenth or more of the time. Pausing it is the one trick netlens plays with the
interpreter, in this one place.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused"]


@contextmanager
def paused() -> Iterator[None]:
    """The cycle collector off inside the block, back on after it if it was on. (The
    switch is global: a block in another thread may run with it off too, which only
    postpones collecting.)"""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
