"""Which files a command works on, each with its configuration (the closest config file + flags)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from kqllint.config import Config, ConfigError, Overrides, load_config_for
from kqllint.files import discover


class Settings(NamedTuple):  # not a dataclass: 0.5 ms less start-up (kqllint/files.py)
    """`--config`, `--isolated`, `--force-exclude` and the rule-selection flags of one run."""

    overrides: Overrides = Overrides()
    config_file: Path | None = None
    isolated: bool = False
    force_exclude: bool = False

    def config_for(self, path: str) -> Config:
        """The configuration of `path` with the flags laid over it; raises `ConfigError`."""
        return self.overrides.apply(load_config_for(path, config_file=self.config_file, isolated=self.isolated))


class Selection(NamedTuple):
    """The files to work on with their configurations, and the error messages on the way."""

    files: list[tuple[str, Config]]
    errors: list[str]


def collect(paths: list[str], settings: Settings, stdin_filename: str | None = None) -> Selection:
    """Expand `paths` (skipping what `exclude` and `.gitignore` name) and find each file's configuration.

    A file whose configuration is broken is not checked; its configuration's error is reported
    once. Standard input takes the configuration of `stdin_filename`, else of the current folder.
    """
    errors: list[str] = []

    def config_of(path: str) -> Config | None:
        try:
            return settings.config_for(stdin_filename or "-" if path == "-" else path)
        except ConfigError as exc:
            if str(exc) not in errors:
                errors.append(str(exc))
            return None

    def excluded(path: str) -> bool:
        config = config_of(os.path.dirname(os.path.abspath(path)))  # a folder's own config does not exclude it
        return config is not None and config.excludes(path)

    def gitignore(folder: str) -> bool:  # the walked folder's configuration decides, as in ruff
        config = config_of(folder)
        return config is not None and config.respect_gitignore

    found, missing = discover(paths, excluded, settings.force_exclude, gitignore)
    files = [(path, config) for path in found if (config := config_of(path)) is not None]
    return Selection(files, errors + missing)
