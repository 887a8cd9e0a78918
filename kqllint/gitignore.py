"""A reader of `.gitignore` patterns, for the directory walk: no git binary, no dependency.

The semantics are git's (`gitignore(5)`): the last matching pattern wins and a deeper
`.gitignore` overrides a shallower one; `!` re-includes; a pattern with a `/` before its end is
anchored at its file's folder, one without matches a name at any depth; a trailing `/` matches
folders only; `*`, `?` and `[...]` never match `/`; `**/`, `/**/` and `/**` span folders; `\\`
escapes. `.git/info/exclude` counts as the lowest-ranked file. As in ruff (and git itself),
the files apply only inside a git repository: a folder with `.git`, at or above the walk's root.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Pattern:
    """One line of a `.gitignore`: a compiled glob, where it is anchored and how it decides."""

    regex: re.Pattern[str]
    base: str  # the folder of its file, absolute
    anchored: bool  # matched against the path from `base`, else against the name
    negated: bool
    folders_only: bool


def parse(text: str, base: str) -> list[Pattern]:
    """The patterns of a `.gitignore` in folder `base` (blank lines and comments dropped)."""
    patterns = []
    for line in text.splitlines():
        line = _strip_trailing_spaces(line)
        if not line or line.startswith("#"):
            continue
        negated = line.startswith("!")
        line = line[1:] if negated else line
        folders_only = line.endswith("/") and not line.endswith("\\/")
        line = line.rstrip("/") if folders_only else line
        if not line:
            continue
        anchored = "/" in line
        line = line.lstrip("/") if line.startswith("/") else line
        patterns.append(Pattern(re.compile(_translate(line)), base, anchored, negated, folders_only))
    return patterns


def _strip_trailing_spaces(line: str) -> str:
    """Trailing spaces go unless the last is escaped with `\\` (which then stays, as an escape)."""
    stripped = line.rstrip(" ")
    if stripped.endswith("\\") and len(stripped) < len(line):
        return stripped + " "
    return stripped


def _translate(glob: str) -> str:
    """The regex of a gitignore glob (wildmatch with `WM_PATHNAME`)."""
    out, i, n = [], 0, len(glob)
    while i < n:
        c = glob[i]
        if c == "*":
            j = i
            while j < n and glob[j] == "*":
                j += 1
            double = j - i >= 2 and (i == 0 or glob[i - 1] == "/") and (j == n or glob[j] == "/")
            if double and j == n:
                out.append(".*")  # `/**` at the end: everything inside
            elif double:
                out.append("(?:[^/]*/)*")  # `**/`: zero or more folders
                j += 1
            else:
                out.append("[^/]*")
            i = j
        elif c == "?":
            out.append("[^/]")
            i += 1
        elif c == "[":
            cls, i = _char_class(glob, i)
            out.append(cls)
        elif c == "\\" and i + 1 < n:
            out.append(re.escape(glob[i + 1]))
            i += 2
        else:
            out.append(re.escape(c))
            i += 1
    return "".join(out) + r"\Z"


def _char_class(glob: str, start: int) -> tuple[str, int]:
    """A `[...]` at `start`, as a regex class that never matches `/`; a lone `[` is literal."""
    i = start + 1
    negated = i < len(glob) and glob[i] in "!^"
    i += negated
    body = []
    first = True
    while i < len(glob) and (glob[i] != "]" or first):
        c = glob[i]
        if c == "\\" and i + 1 < len(glob):
            i += 1
            c = glob[i]
        body.append(re.escape(c) if c != "-" else "-")
        first = False
        i += 1
    if i >= len(glob):
        return re.escape("["), start + 1
    return (f"[^/{''.join(body)}]" if negated else f"[{''.join(body)}]"), i + 1


def read(folder: str) -> list[Pattern]:
    """The patterns of `folder`'s `.gitignore`, none if it has none or it cannot be read."""
    return _read_file(os.path.join(folder, ".gitignore"), folder)


def _read_file(path: str, base: str) -> list[Pattern]:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return parse(handle.read(), base)
    except OSError:
        return []


def patterns_above(root: str) -> list[Pattern] | None:
    """The patterns that apply in folder `root` (an absolute path) from its repository:
    `.git/info/exclude`, then each `.gitignore` from the repository's top down to `root`'s own.
    None when `root` is not inside a git repository."""
    folders = []
    folder = root
    while True:
        folders.append(folder)
        if os.path.exists(os.path.join(folder, ".git")):
            break
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent
    top = folders[-1]
    patterns = _read_file(os.path.join(top, ".git", "info", "exclude"), top)
    for folder in reversed(folders):
        patterns += read(folder)
    return patterns


def ignored(path: str, is_folder: bool, patterns: list[Pattern]) -> bool:
    """Whether the last of `patterns` that matches `path` (absolute) ignores it."""
    name = os.path.basename(path)
    for pattern in reversed(patterns):
        if pattern.folders_only and not is_folder:
            continue
        if pattern.anchored:
            subject = os.path.relpath(path, pattern.base).replace(os.sep, "/")
        else:
            subject = name
        if pattern.regex.match(subject):
            return not pattern.negated
    return False
