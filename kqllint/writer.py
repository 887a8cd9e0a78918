"""Write a file back atomically (a temporary file beside it, then a rename), or show the diff."""

from __future__ import annotations

import difflib
import errno
import os
import re
import tempfile
from pathlib import Path


def write_atomic(path: str, data: bytes) -> bool:
    """Replace the contents of `path` with `data`; return False (and touch nothing, so the
    mtime is kept) when they are already equal.

    The temporary file sits in the same folder, so the rename is atomic: a reader sees the old
    file or the new one, never half of it. A symlink is followed, so the link stays a link. The
    new file gets the old one's mode bits and, where allowed, its owner and group.

    A read-only file is refused, as black and ruff (which write in place) refuse it: the rename
    would succeed in a writable folder, silently replacing a file its owner protected. "Read-only"
    is `os.access` or, for root (whom `os.access` always lets write), no write bit at all.
    Raises `OSError` on failure, having removed the temporary file.
    """
    target = Path(os.path.realpath(path))
    if target.read_bytes() == data:
        return False
    info = target.stat()
    if not info.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise PermissionError(errno.EACCES, "the file is read-only", str(target))
    try:
        fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".kqllint")
    except PermissionError:
        raise PermissionError(errno.EACCES, "its folder is not writable", str(target.parent)) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        _keep_owner(temp, info)
        os.chmod(temp, info.st_mode & 0o7777)  # after chown, which clears set-user-ID bits
        os.replace(temp, target)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise
    return True


def _keep_owner(temp: str, info: os.stat_result) -> None:
    """Give the new file the old one's owner and group, when allowed (root, or a group of ours)."""
    now = os.stat(temp)
    if (info.st_uid, info.st_gid) == (now.st_uid, now.st_gid) or not hasattr(os, "chown"):
        return
    try:
        os.chown(temp, info.st_uid, info.st_gid)
    except OSError:
        pass  # not allowed: the file becomes ours, as with any editor's atomic save


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
