"""Find the scripts to check and read them, turning every failure into a message."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

from kqllint.source import Decoded, DecodeError, decode

SUFFIXES = (".kql", ".csl", ".kusto")
_SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".mypy_cache"}


class InputError(Exception):
    """A path that cannot be checked; the message is for the user (exit 2)."""


# The records of the check path are NamedTuples, not dataclasses: a dataclass costs about
# 0.6 ms of every start-up to create, a NamedTuple a fifth of it (kqllint/model.py).
class Source(NamedTuple):
    """One script to check: how to name it, and its decoded contents."""

    name: str
    decoded: Decoded


def discover(paths: list[str], excluded: Callable[[str], bool] | None = None, force_exclude: bool = False,
             gitignore: Callable[[str], bool] | None = None) -> tuple[list[str], list[str]]:  # fmt: skip
    """Expand PATHs into script files (sorted, deduplicated) and error messages.

    `excluded` says which files and folders a walk skips (default: `_SKIP_DIRS`); a file named
    on the command line is skipped too only with `force_exclude` (as ruff's `--force-exclude`).
    A walk also skips what `.gitignore` files ignore when `gitignore(folder)` says so for the
    folder walked; a file named on the command line is checked whatever they say (as in ruff).
    """
    skip = excluded or (lambda path: os.path.basename(path) in _SKIP_DIRS)
    found: dict[str, None] = {}
    errors: list[str] = []
    for raw in paths:
        if raw == "-":
            found["-"] = None
            continue
        path = Path(raw)
        if force_exclude and skip(raw):
            continue
        if path.is_dir():
            scripts = sorted(_walk(path, skip, gitignore is not None and gitignore(raw)))
            if not scripts:
                errors.append(f"{raw}: no Kusto scripts ({', '.join('*' + s for s in SUFFIXES)}) found")
            found.update(dict.fromkeys(scripts))
        elif path.exists() or path.is_symlink():
            found[raw] = None
        else:
            errors.append(f"{raw}: no such file or directory")
    return list(found), errors


def _walk(root: Path, skip: Callable[[str], bool], use_gitignore: bool) -> Iterator[str]:
    from kqllint import gitignore

    top = os.path.abspath(root)
    rules = {top: gitignore.patterns_above(top) if use_gitignore else None}

    def kept(path: str, is_folder: bool, patterns: list[gitignore.Pattern] | None) -> bool:
        if skip(path):
            return False
        return patterns is None or not gitignore.ignored(os.path.abspath(path), is_folder, patterns)

    for folder, dirs, files in os.walk(root):
        patterns = rules.pop(os.path.abspath(folder))
        dirs[:] = sorted(d for d in dirs if kept(os.path.join(folder, d), True, patterns))
        for d in dirs:  # each folder's own `.gitignore` adds to what its parent's patterns say
            path = os.path.abspath(os.path.join(folder, d))
            rules[path] = None if patterns is None else patterns + gitignore.read(path)
        for name in files:
            path = os.path.join(folder, name)
            if name.endswith(SUFFIXES) and kept(path, False, patterns):
                yield path


def read_source(path: str, stdin: bytes | None = None, stdin_name: str | None = None) -> Source:
    """Read and decode one script; raises `InputError` with a user-facing message."""
    if path == "-":
        data = stdin if stdin is not None else b""
        name = stdin_name or "-"
    else:
        name = path
        try:
            data = Path(path).read_bytes()
        except IsADirectoryError:
            raise InputError(f"{path}: is a directory") from None
        except OSError as exc:
            raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        return Source(name, decode(data))
    except DecodeError as exc:
        raise InputError(f"{name}: {exc}") from None
