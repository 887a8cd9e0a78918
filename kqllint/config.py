"""Which rules run, at what severity, on which files: `Config` and where it is read from."""

from __future__ import annotations

import fnmatch
import functools
import os
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, NamedTuple

from kqllint.diagnostic import Severity

DEFAULT_EXCLUDE = (".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".mypy_cache")
CONFIG_NAMES = (".kqllint.toml", "pyproject.toml")  # in a folder holding both, the first wins
DEFAULT_INDENT_WIDTH = 2
# Where a script runs (`context`): no default, kqllint does not guess a deployment.
CONTEXTS = ("cluster", "database")
# Codes (and names) of rules whose check became a generic one, and the rule that has it now:
# still accepted in configuration, on the command line and in suppression comments, as ruff
# redirects renamed codes. Kept here, not in the rule registry, so reading a configuration
# imports no rule.
RENAMED: dict[str, str] = {
    "P001": "P104", "missing-object-id": "P104",
    "P002": "P104", "missing-allowed-usages": "P104",
    "P009": "P103",
    "P018": "P105",
    "P019": "P101",
    "P020": "P102",
    "payload-not-array": "J002",
}  # fmt: skip


class ConfigError(Exception):
    """A configuration that cannot be used; the message is for the user (exit 2)."""


@dataclass(frozen=True)
class Config:
    """Rule selection, severities and file selection; empty `select` means every rule.

    `root` is the folder relative globs (`per-file-ignores`, `exclude`) are matched from:
    the configuration file's folder, or the current directory when there is none.
    """

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    severity: dict[str, Severity] = field(default_factory=dict)
    fail_on: Severity = Severity.WARNING
    identities: object | None = None
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    format_indent_width: int = DEFAULT_INDENT_WIDTH
    context: str | None = None  # one of CONTEXTS, or None: not said
    per_file_context: dict[str, str] = field(default_factory=dict)
    database: str | None = None  # the database a database-context script is deployed to
    per_file_database: dict[str, str] = field(default_factory=dict)
    root: Path | None = None
    source: Path | None = None  # the file this configuration was read from

    def __post_init__(self) -> None:
        # A renamed code given in code (the API, the language server) means the rule it became.
        for name in ("select", "ignore", "extend_select"):
            codes = getattr(self, name)
            if any(c in RENAMED for c in codes):
                object.__setattr__(self, name, _renamed(codes))
        if any(c in RENAMED for codes in self.per_file_ignores.values() for c in codes):
            object.__setattr__(self, "per_file_ignores", {g: _renamed(c) for g, c in self.per_file_ignores.items()})
        if any(c in RENAMED for c in self.severity):
            object.__setattr__(self, "severity", {RENAMED.get(c, c): s for c, s in self.severity.items()})

    def enabled(self, code: str, path: str | None = None) -> bool:
        """Whether rule `code` runs (the longest matching prefix wins, as in ruff)."""
        chosen = _longest(code, (self.select or ("ALL",)) + self.extend_select)
        ignored = _longest(code, self.ignore + self._file_ignores(path))
        return chosen >= 0 and chosen > ignored

    def _file_ignores(self, path: str | None) -> tuple[str, ...]:
        codes: tuple[str, ...] = ()
        for ignored in self._per_file(self.per_file_ignores, path):
            codes += ignored
        return codes

    def context_of(self, path: str | None) -> str | None:
        """Where `path` runs: its last matching `per-file-context` glob, else `context`."""
        return ([self.context] + self._per_file(self.per_file_context, path))[-1]

    def database_of(self, path: str | None) -> str | None:
        """The database `path` is deployed to: its last matching `per-file-database` glob, else `database`."""
        return ([self.database] + self._per_file(self.per_file_database, path))[-1]

    def _per_file(self, table: dict[str, Any], path: str | None) -> list[Any]:
        """The values of the globs of a `per-file-*` table that match `path`, in the table's order."""
        if path is None or not table:
            return []
        names = _match_names(path, self.root)
        return [value for pattern, value in table.items() if any(fnmatch.fnmatchcase(n, pattern) for n in names)]

    def severity_of(self, code: str, default: Severity) -> Severity:
        return self.severity.get(code, default)

    def excludes(self, path: str | Path) -> bool:
        """Whether `path` or a folder it is in matches `exclude` or `extend-exclude`.

        A glob is tried on the name, on the path from `root` and on the absolute path (which only
        the command line's `--exclude` patterns, anchored at the current folder, are).
        """
        patterns = tuple(p.rstrip("/") for p in self.exclude + self.extend_exclude)
        if not patterns:
            return False
        absolute = Path(os.path.abspath(path))
        root = Path(os.path.abspath(self.root or "."))
        for candidate in (absolute, *absolute.parents):
            if candidate == root or candidate == candidate.parent:
                break
            names = (candidate.name, _relative(candidate, root), candidate.as_posix())
            if any(fnmatch.fnmatchcase(n, p) for n in names if n for p in patterns):
                return True
        return False


def _renamed(codes: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(RENAMED.get(c, c) for c in codes))


def _longest(code: str, prefixes: tuple[str, ...]) -> int:
    """Length of the longest prefix of `code` in `prefixes` (`ALL` matches), -1 if none."""
    best = -1
    for prefix in prefixes:
        if prefix == "ALL":
            best = max(best, 0)
        elif code.startswith(prefix):
            best = max(best, len(prefix))
    return best


@functools.lru_cache(maxsize=4096)
def _match_names(path: str, root: Path | None) -> tuple[str, ...]:
    """The names a `per-file-ignores` glob is tried on: as given, the file name, from `root`."""
    posix = path.replace(os.sep, "/")
    names = [posix, posix.rsplit("/", 1)[-1]]
    if path != "-":
        relative = _relative(Path(os.path.abspath(path)), Path(os.path.abspath(root or ".")))
        if relative:
            names.append(relative)
    return tuple(dict.fromkeys(names))


def _relative(path: Path, root: Path) -> str | None:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return None


# ---- reading configuration files ------------------------------------------------------


def load_config_for(path: str | Path, *, config_file: Path | None = None, isolated: bool = False) -> Config:
    """The configuration that applies to `path` (a file, a folder, or `-` for stdin).

    `isolated` ignores every file; `config_file` uses that file; otherwise the closest
    `.kqllint.toml`, or `pyproject.toml` with a `[tool.kqllint]` table, in `path`'s folder or
    above it. Results are cached per folder (`clear_cache()` forgets them). Raises `ConfigError`.
    """
    if isolated:
        return Config()
    if config_file is not None:
        return _load_file(os.path.abspath(config_file))
    start = Path.cwd() if str(path) == "-" else Path(os.path.abspath(path))
    folder = start if start.is_dir() else start.parent
    return _config_for_folder(str(folder))


def clear_cache() -> None:
    """Forget every configuration read (for long-running callers, like the language server)."""
    _config_for_folder.cache_clear()
    _find_in.cache_clear()
    _load_file.cache_clear()
    _table_of.cache_clear()


@functools.lru_cache(maxsize=None)
def _config_for_folder(folder: str) -> Config:
    found = _find_in(folder)
    return Config() if found is None else _load_file(found)


@functools.lru_cache(maxsize=None)
def _find_in(folder: str) -> str | None:
    for name in CONFIG_NAMES:
        candidate = os.path.join(folder, name)
        if os.path.isfile(candidate) and _table_of(candidate) is not None:
            return candidate
    parent = os.path.dirname(folder)
    return None if parent == folder else _find_in(parent)


@functools.lru_cache(maxsize=None)
def _load_file(path: str) -> Config:
    if not os.path.isfile(path):
        raise ConfigError(f"{path}: no such configuration file")
    from kqllint.config_keys import parse_table

    table = _table_of(path) or {}
    prefix = "tool.kqllint." if os.path.basename(path) == "pyproject.toml" else ""
    return parse_table(table, Path(path), prefix)


@functools.lru_cache(maxsize=None)
def _table_of(path: str) -> dict[str, Any] | None:
    """The kqllint table of a configuration file, None if a `pyproject.toml` has none."""
    if sys.version_info >= (3, 11):  # imported here: a run without a configuration file never needs it
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if os.path.basename(path) != "pyproject.toml":
        return data
    table = data.get("tool", {}).get("kqllint") if isinstance(data.get("tool"), dict) else None
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{path}: `tool.kqllint` must be a table")
    return table


# ---- command-line flags ---------------------------------------------------------------


class Overrides(NamedTuple):  # not a dataclass: 0.7 ms less start-up (kqllint/files.py)
    """`--select`, `--ignore`, `--extend-select` and `--fail-on`, laid over each file's configuration.

    `--select` replaces the file's whole selection (its `ignore` and `extend-select` too), as
    in ruff; `--ignore` and `--extend-select` add to the file's, and the later layer wins.
    """

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    fail_on: Severity | None = None
    identities: object | None = None  # `--identities`: replaces the file's `identities`
    exclude: tuple[str, ...] | None = None  # `--exclude`: replaces the file's `exclude`
    extend_exclude: tuple[str, ...] = ()  # `--extend-exclude`: added to the file's
    respect_gitignore: bool | None = None

    def apply(self, config: Config) -> Config:
        if self.select is not None:
            selection = {"select": self.select, "ignore": self.ignore, "extend_select": self.extend_select}
        else:
            ignore = tuple(c for c in config.ignore if c not in self.extend_select) + self.ignore
            extend = tuple(c for c in config.extend_select if c not in self.ignore) + self.extend_select
            selection = {"select": config.select, "ignore": ignore, "extend_select": extend}
        identities = config.identities if self.identities is None else self.identities
        files = {
            "exclude": config.exclude if self.exclude is None else tuple(map(_anchored, self.exclude)),
            "extend_exclude": config.extend_exclude + tuple(map(_anchored, self.extend_exclude)),
            "respect_gitignore": config.respect_gitignore if self.respect_gitignore is None else self.respect_gitignore,
        }
        return replace(config, fail_on=self.fail_on or config.fail_on, identities=identities, **selection, **files)


def _anchored(pattern: str) -> str:
    """A command-line glob with a `/` inside is a path from the current folder (as in ruff)."""
    if "/" not in pattern.rstrip("/") or os.path.isabs(pattern):
        return pattern
    return Path(os.path.abspath(pattern)).as_posix() + ("/" if pattern.endswith("/") else "")
