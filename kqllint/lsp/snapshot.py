"""The server's pure work on one version of a document, run on its worker thread: lint, format, fix."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote

from lsprotocol import types

from kqllint.config import Config, Overrides
from kqllint.diagnostic import Diagnostic
from kqllint.incremental import Relinter
from kqllint.lsp.convert import PositionMap, to_lsp_diagnostic


@dataclass(frozen=True)
class Snapshot:
    """One version of one open document, and the file it is (None when it is not a file)."""

    uri: str
    version: int | None
    text: str
    path: str | None


@dataclass(frozen=True)
class Linted:
    snapshot: Snapshot
    diagnostics: list[Diagnostic]
    items: list[types.Diagnostic]
    result_id: str
    config_error: str | None


def load_config(path: str | None, overrides: Overrides | None = None) -> tuple[Config, str | None]:
    """The nearest configuration for `path` (or the defaults, and why they are used), with the
    client's settings laid over it as the CLI lays its flags (`Overrides.apply`)."""
    from kqllint.config import ConfigError, load_config_for

    config, error = Config(), None
    if path is not None:
        try:
            config = load_config_for(path)
        except ConfigError as exc:
            error = f"kqllint: {exc}; using the default configuration"
    return (config if overrides is None else overrides.apply(config)), error


def clear_config_cache() -> None:
    from kqllint.config import clear_cache

    clear_cache()


def lint_snapshot(snapshot: Snapshot, encoding: str, relinter: Relinter | None = None,
                  overrides: Overrides | None = None) -> Linted:  # fmt: skip
    """Lint one snapshot (on the worker thread): findings, their LSP form, and a result id.

    `relinter` keeps the findings of the document's previous version: the commands an edit did
    not touch are not checked again (`kqllint.incremental`). `overrides` are the client's settings.
    """
    config, error = load_config(snapshot.path, overrides)
    found = (relinter or Relinter()).lint(snapshot.text, snapshot.path, config)
    positions = PositionMap(snapshot.text, encoding)
    items = [to_lsp_diagnostic(d, positions) for d in found]
    result_id = f"{snapshot.version}-{hash((snapshot.text, repr(found))) & 0xFFFFFFFF:x}"
    return Linted(snapshot, found, items, result_id, error)


def format_snapshot(snapshot: Snapshot) -> tuple[str, str | None]:
    """The formatted text, and what the formatter refused to change (a file with a syntax
    error is left whole, a command that fails the formatter's self-check is left as written)."""
    from kqllint.formatter import FormatOptions, format_text

    config, _ = load_config(snapshot.path)
    width = getattr(config, "format_indent_width", None)
    result = format_text(snapshot.text, FormatOptions(indent_width=width) if width else None)
    if not result.diagnostics:
        return result.text, None
    positions = PositionMap(snapshot.text)
    refusals = [f"line {positions.position(d.span.start).line + 1}: {d.message} [{d.code}]"
                for d in result.diagnostics]  # fmt: skip
    name = unquote(snapshot.uri.rsplit("/", 1)[-1])
    return result.text, f"kqllint: {name}: " + "; ".join(refusals)


def fix_all_snapshot(snapshot: Snapshot, overrides: Overrides | None = None, unsafe: bool = False) -> str:
    """The text with every fix of the selected rules applied: the safe ones, and the unsafe ones
    too when `unsafe` (the client's `unsafeFixes`, as `check --fix --unsafe-fixes`)."""
    from kqllint.fixes import fix_text

    config, _ = load_config(snapshot.path, overrides)
    return fix_text(snapshot.text, snapshot.path, config, unsafe=unsafe).text
