"""The engine rooms of `kqllint format` and `kqllint check --fix`: read, rewrite, write back."""

from __future__ import annotations

import sys
from dataclasses import dataclass

from kqllint.config import Config
from kqllint.diagnostic import Diagnostic, Severity
from kqllint.files import InputError, Source, read_source
from kqllint.fixes import FixOutcome, fix_text
from kqllint.formatter import FormatOptions, format_text
from kqllint.settings import Settings, collect
from kqllint.source import LineIndex
from kqllint.writer import unified_diff, write_atomic


@dataclass
class _Tally:
    changed: int = 0
    unchanged: int = 0
    blocked: int = 0


def format_paths(paths: list[str], check: bool, diff: bool, stdin_filename: str | None,
                 options: FormatOptions | None = None, settings: Settings | None = None) -> int:  # fmt: skip
    """Format `paths` in place (or, with `check`/`diff`, only say what would change); return the
    exit code: 2 for a file not formatted or an I/O error, else 1 if `check`/`diff` found a file
    to change, else 0. Without `options`, each file's configuration gives the indent width."""
    selection = collect(paths, settings or Settings(), stdin_filename)
    errors = selection.errors
    stdin = sys.stdin.buffer.read() if any(path == "-" for path, _ in selection.files) else None
    tally = _Tally()
    for path, config in selection.files:
        try:
            source = read_source(path, stdin, stdin_filename)
        except InputError as exc:
            errors.append(str(exc))
            continue
        file_options = options or FormatOptions(indent_width=config.format_indent_width)
        error = _format_one(path, source, check, diff, file_options, tally)
        if error:
            errors.append(error)
    sys.stdout.flush()
    for message in errors:
        print(f"error: {message}", file=sys.stderr)
    print(_format_summary(tally, check or diff), file=sys.stderr)
    if errors or tally.blocked:
        return 2
    return 1 if (check or diff) and tally.changed else 0


def _format_one(path: str, source: Source, check: bool, diff: bool, options: FormatOptions | None,
                tally: _Tally) -> str | None:  # fmt: skip
    """Format one file; return an I/O error message, if any."""
    text = source.decoded.text
    result = format_text(text, options)
    _print_refusals(source.name, text, result.diagnostics)
    if any(d.severity is Severity.ERROR for d in result.diagnostics):
        tally.blocked += 1
        return None
    tally.changed += result.changed
    tally.unchanged += not result.changed
    if diff:
        sys.stdout.write(unified_diff(source.name, text, result.text))
    elif path == "-":
        if not check:
            sys.stdout.flush()
            sys.stdout.buffer.write(source.decoded.encode(result.text))
    elif result.changed and check:
        print(f"Would reformat: {source.name}")
    elif result.changed:
        return _write(path, source, result.text)
    return None


def _write(path: str, source: Source, text: str) -> str | None:
    try:
        write_atomic(path, source.decoded.encode(text))
    except OSError as exc:
        return f"{source.name}: cannot write: {exc.strerror or exc}"
    return None


def _print_refusals(name: str, text: str, diagnostics: tuple[Diagnostic, ...]) -> None:
    index = LineIndex(text) if diagnostics else None
    for d in diagnostics:
        assert index is not None
        line, col = index.line_col(d.span.start)
        print(f"{d.severity.value}: {name}:{line}:{col}: {d.code} {d.message}", file=sys.stderr)


def _format_summary(tally: _Tally, dry: bool) -> str:
    def files(n: int) -> str:
        return f"{n} file{'s' * (n != 1)}"

    parts = []
    if tally.changed:
        parts.append(f"{files(tally.changed)} {'would be reformatted' if dry else 'reformatted'}")
    if tally.unchanged:
        parts.append(f"{files(tally.unchanged)} {'already formatted' if dry else 'left unchanged'}")
    if tally.blocked:
        parts.append(f"{files(tally.blocked)} not formatted because of errors")
    return (", ".join(parts) or "No files formatted") + "."


# ---- check --fix ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FixMode:
    """How `check --fix` runs: with the unsafe fixes too, and/or only showing a diff."""

    unsafe: bool = False
    diff: bool = False


def fix_source(
    path: str, source: Source, config: Config, mode: FixMode
) -> tuple[FixOutcome, str | bytes | None, str | None]:
    """Fix one file and write it back; return the outcome, what goes to stdout instead (the
    fixed text of `-` as bytes, or the diff with `mode.diff`), and an I/O error message, if any.

    Nothing is printed here: with `--jobs` this runs in a worker, and the parent writes each
    file's stdout part in the files' order.
    """
    text = source.decoded.text
    outcome = fix_text(text, source.name, config, mode.unsafe)
    if mode.diff:
        return outcome, unified_diff(source.name, text, outcome.text), None
    if path == "-":
        return outcome, source.decoded.encode(outcome.text), None
    if outcome.text == text:
        return outcome, None, None
    return outcome, None, _write(path, source, outcome.text)


def fix_summary(fixed: int, remaining: int, diff: bool) -> str:
    problems = f"{fixed} problem{'s' * (fixed != 1)}"
    return f"{'Would fix' if diff else 'Fixed'} {problems} ({remaining} remaining)."
