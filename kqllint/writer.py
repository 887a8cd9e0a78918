"""Write a file back atomically (a temporary file beside it, then a rename), or show the diff."""

from __future__ import annotations

import difflib
import os
import re
import tempfile
from pathlib import Path


def write_atomic(path: str, data: bytes) -> bool:
    """Replace the contents of `path` with `data`; return False (and touch nothing, so the
    mtime is kept) when they are already equal.

    The temporary file sits in the same folder, so the rename is atomic: a reader sees the old
    file or the new one, never half of it. A symlink is followed, so the link stays a link.
    Raises `OSError` on failure, having removed the temporary file.
    """
    target = Path(os.path.realpath(path))
    if target.read_bytes() == data:
        return False
    mode = target.stat().st_mode & 0o7777
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".kqllint")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise
    return True


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def unified_diff(name: str, old: str, new: str) -> str:
    """A unified diff of `old` to `new` (empty when equal); lines split at `\\n`, `\\r\\n` and
    `\\r` only, as kqllint reads them, with git's marker for a last line without a line break."""
    if old == new:
        return ""
    out = []
    for line in difflib.unified_diff(_LINE.findall(old), _LINE.findall(new), name, name):
        out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(out)
