"""`check --show-files` and `--show-settings`: what a run would check, and with which settings."""

from __future__ import annotations

import json
import sys

from kqllint.config import Config
from kqllint.settings import Settings, collect


def show_files(paths: list[str], settings: Settings, stdin_filename: str | None = None) -> int:
    """Print the files `check` would read, one a line, in the order it reads them; exit 2 on errors."""
    selection = collect(paths, settings, stdin_filename)
    for path, _ in selection.files:
        print(stdin_filename or path if path == "-" else path)
    return _errors(selection.errors)


def show_settings(paths: list[str], settings: Settings, stdin_filename: str | None = None) -> int:
    """Print the settings of the first file `check` would read (as ruff does), in TOML."""
    selection = collect(paths, settings, stdin_filename)
    if selection.files:
        path, config = selection.files[0]
        print(f"# Resolved settings for: {stdin_filename or path if path == '-' else path}")
        print(f"# Settings path: {config.source or 'none (the defaults)'}")
        print(settings_toml(config, stdin_filename or path))
    return _errors(selection.errors)


def settings_toml(config: Config, path: str) -> str:
    """`config` as the keys of a `.kqllint.toml`, and the rules that run on `path` under it."""
    from kqllint.rules import RULES

    def value(item: object) -> str:
        return json.dumps(item)  # a TOML string, list or number is written as JSON writes it

    lines = [
        f"select = {value(list(config.select or ('ALL',)))}",
        f"ignore = {value(list(config.ignore))}",
        f"extend-select = {value(list(config.extend_select))}",
        f"fail-on = {value(config.fail_on.value)}",
        f"exclude = {value(list(config.exclude))}",
        f"extend-exclude = {value(list(config.extend_exclude))}",
        f"respect-gitignore = {value(config.respect_gitignore)}",
        f"context = {value(config.context)}" if config.context else "# context: not set",
        f"database = {value(config.database)}" if config.database else "# database: not set",
        f"# this file's context, unless a `// kqllint: context=...` comment in it says otherwise: {_runs_in(config, path)}",
        f"# the rules that run on this file{', with the identities given' if config.identities is not None else ''}:",
        f"# {' '.join(r.code for r in RULES if config.enabled(r.code, path))}",
        "",
        "[per-file-ignores]",
        *(f"{value(glob)} = {value(list(codes))}" for glob, codes in config.per_file_ignores.items()),
        "",
        "[per-file-context]",
        *(f"{value(glob)} = {value(context)}" for glob, context in config.per_file_context.items()),
        "",
        "[per-file-database]",
        *(f"{value(glob)} = {value(database)}" for glob, database in config.per_file_database.items()),
        "",
        "[severity]",
        *(f"{code} = {value(level.value)}" for code, level in config.severity.items()),
        "",
        "[format]",
        f"indent-width = {config.format_indent_width}",
    ]
    return "\n".join(lines)


def _runs_in(config: Config, path: str) -> str:
    """Where `path` runs by the configuration, and the database it is deployed to."""
    context = config.context_of(path)
    if context is None:
        return "not set"
    database = config.database_of(path)
    return f"{context}, deployed to database `{database}`" if context == "database" and database else context


def _errors(errors: list[str]) -> int:
    for message in errors:
        print(f"error: {message}", file=sys.stderr)
    return 2 if errors else 0
