"""Validate a kqllint configuration table key by key, turning it into a `Config`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from kqllint.config import CONTEXTS, DEFAULT_INDENT_WIDTH, Config, ConfigError
from kqllint.diagnostic import Severity
from kqllint.suggest import did_you_mean

_LEVELS = tuple(s.value for s in Severity)
FORMAT_KEYS = ("indent-width",)
MAX_INDENT_WIDTH = 8
MAX_NAME_LENGTH = 1024  # the longest entity name Kusto allows


def known_codes() -> tuple[str, ...]:
    from kqllint.rules import RULES

    return tuple(r.code for r in RULES)


def rule_code(word: str) -> str | None:
    """The code of the rule `word` names: its code, its kebab-case name (`unknown-usage`), or a
    renamed code or name (`P019` is `P101` now)."""
    from kqllint.rules import canonical_code

    return canonical_code(word)


def check_codes(codes: Iterable[str], where: str, *, prefixes: bool = True) -> tuple[str, ...]:
    """`codes` with rule names turned into codes, or a `ConfigError` naming the first unknown one
    (with a suggestion among the codes and the names)."""
    from kqllint.rules import RULES

    known = known_codes()
    checked = []
    for word in codes:
        code = rule_code(word)
        if code is None and prefixes and (word == "ALL" or any(k.startswith(word) for k in known)):
            code = word
        if code is None:
            kind = "rule code, prefix or name" if prefixes else "rule code or name"
            raise ConfigError(f"{where}: unknown {kind} `{word}`{_hint(word, [*known, *(r.name for r in RULES)])}")
        checked.append(code)
    return tuple(checked)


def parse_table(table: dict[str, Any], source: Path, prefix: str) -> Config:
    """The `Config` a table of a configuration file gives; `prefix` names the table in messages."""
    values: dict[str, Any] = {"root": source.parent, "source": source}
    for key, value in table.items():
        reader = _READERS.get(key)
        if reader is None and not prefix and key == "tool" and isinstance(value, dict) and "kqllint" in value:
            raise ConfigError(
                f"{source}: `[tool.kqllint]` belongs in pyproject.toml; in {source.name} the keys are top-level\n"
                "  = help: drop the `[tool.kqllint]` line, and write `[tool.kqllint.format]` (and the like) "
                "as `[format]`"
            )  # fmt: skip
        if reader is None:
            raise ConfigError(f"{source}: unknown key `{prefix}{key}`{_hint(key, _READERS)}")
        field_name, parsed = reader(value, _Where(source, prefix + key))
        values[field_name] = parsed
    return Config(**values)


class _Where(str):
    """How messages name a key, `pyproject.toml: `tool.kqllint.select``; `.key()` goes deeper."""

    def __new__(cls, source: Path, name: str) -> _Where:
        where = super().__new__(cls, f"{source}: `{name}`")
        where.source, where.name = source, name
        return where

    def key(self, key: str) -> _Where:
        return _Where(self.source, f"{self.name}.{key}")


def _hint(word: str, choices: Iterable[str]) -> str:
    near = did_you_mean(word, choices)
    return f"; did you mean `{near}`?" if near else ""


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where} must be a list of strings")
    return tuple(value)


def _boolean(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{where} must be `true` or `false`, not {value!r}")
    return value


def _level(value: Any, where: str) -> Severity:
    if value not in _LEVELS:
        hint = _hint(value, _LEVELS) if isinstance(value, str) else ""
        raise ConfigError(f"{where} must be one of {', '.join(_LEVELS)}, not {value!r}{hint}")
    return Severity(value)


def _table(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where} must be a table")
    return value


def _codes(field_name: str) -> Callable[[Any, _Where], tuple[str, tuple[str, ...]]]:
    return lambda value, where: (field_name, check_codes(_strings(value, where), where))


def _per_file_ignores(value: Any, where: _Where) -> tuple[str, dict[str, tuple[str, ...]]]:
    table = _table(value, where)
    return "per_file_ignores", {glob: check_codes(_strings(codes, where.key(f'"{glob}"')), where.key(f'"{glob}"'))
                                for glob, codes in table.items()}  # fmt: skip


def _severity(value: Any, where: _Where) -> tuple[str, dict[str, Severity]]:
    table = _table(value, where)
    return "severity", {check_codes([code], where, prefixes=False)[0]: _level(level, where.key(code))
                        for code, level in table.items()}  # fmt: skip


def _format(value: Any, where: _Where) -> tuple[str, int]:
    table = _table(value, where)
    width = DEFAULT_INDENT_WIDTH
    for key, item in table.items():
        if key not in FORMAT_KEYS:
            raise ConfigError(f"{where.source}: unknown key `{where.name}.{key}`{_hint(key, FORMAT_KEYS)}")
        if isinstance(item, bool) or not isinstance(item, int) or not 1 <= item <= MAX_INDENT_WIDTH:
            raise ConfigError(f"{where.key(key)} must be a whole number from 1 to {MAX_INDENT_WIDTH}")
        width = item
    return "format_indent_width", width


def _context(value: Any, where: str) -> str:
    if value not in CONTEXTS:
        hint = _hint(value, CONTEXTS) if isinstance(value, str) else ""
        raise ConfigError(f"{where} must be one of {', '.join(f'`{c}`' for c in CONTEXTS)}, not {value!r}{hint}")
    return str(value)


def _database(value: Any, where: str) -> str:
    """A database name as Kusto stores it (no brackets or quotes): 1 to 1024 characters."""
    if not isinstance(value, str) or not 1 <= len(value.strip()) <= MAX_NAME_LENGTH or value != value.strip():
        raise ConfigError(f"{where} must be a database name (1 to {MAX_NAME_LENGTH} characters, no brackets, "
                          f"no blanks around it), not {value!r}")  # fmt: skip
    return value


def _per_file(field_name: str, read: Callable[[Any, str], str]) -> Callable[[Any, _Where], tuple[str, dict[str, str]]]:
    """A `per-file-*` table: a glob (matched as `per-file-ignores` globs are) to one value."""
    return lambda value, where: (field_name, {glob: read(item, where.key(f'"{glob}"'))
                                              for glob, item in _table(value, where).items()})  # fmt: skip


def _identities(value: Any, where: _Where) -> tuple[str, object]:
    """Identity files, relative to the configuration file's folder, read now (exit 2 if bad)."""
    from kqllint.identities import IdentityError, load_identities

    paths = [where.source.parent / p for p in _strings(value, where)]
    try:
        return "identities", load_identities(paths) if paths else None
    except IdentityError as exc:
        raise ConfigError(f"{where}: {exc}") from None


_READERS: dict[str, Callable[[Any, _Where], tuple[str, Any]]] = {
    "select": _codes("select"),
    "ignore": _codes("ignore"),
    "extend-select": _codes("extend_select"),
    "per-file-ignores": _per_file_ignores,
    "severity": _severity,
    "fail-on": lambda value, where: ("fail_on", _level(value, where)),
    "exclude": lambda value, where: ("exclude", _strings(value, where)),
    "respect-gitignore": lambda value, where: ("respect_gitignore", _boolean(value, where)),
    "extend-exclude": lambda value, where: ("extend_exclude", _strings(value, where)),
    "format": _format,
    "identities": _identities,
    "context": lambda value, where: ("context", _context(value, where)),
    "per-file-context": _per_file("per_file_context", _context),
    "database": lambda value, where: ("database", _database(value, where)),
    "per-file-database": _per_file("per_file_database", _database),
}
