"""Internal errors: an exception inside kqllint is a bug, reported as one (exit 2), not a finding."""

from __future__ import annotations

import os
import traceback

DEBUG_VARIABLE = "KQLLINT_DEBUG"
ISSUES = "https://github.com/kqllint/kqllint/issues"


def debug_requested(verbose: bool = False) -> bool:
    """Whether to show tracebacks: `--verbose`, or `KQLLINT_DEBUG` set to anything but `` or `0`."""
    return verbose or os.environ.get(DEBUG_VARIABLE, "") not in ("", "0")


def crash_message(what: str, exc: BaseException, verbose: bool = False) -> str:
    """The lines after `error: ` for an unexpected exception while doing `what` ("checking a.kql").

    Called in the `except` block (a `--jobs` worker included), where the traceback is at hand.
    """
    lines = [
        f"internal error while {what}: {type(exc).__name__}: {exc}",
        f"note: this is a bug in kqllint; please report it at {ISSUES} with the input that triggers it",
    ]
    if debug_requested(verbose):
        lines.append(traceback.format_exc().rstrip("\n"))
    else:
        lines.append(f"note: run with `--verbose` (or set {DEBUG_VARIABLE}=1) to see the traceback")
    return "\n".join(lines)
