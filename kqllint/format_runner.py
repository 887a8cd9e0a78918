"""The engine rooms of `kqllint format` and `kqllint check --fix`: read, rewrite, write back."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

from kqllint.config import Config
from kqllint.diagnostic import Diagnostic, Severity
from kqllint.files import InputError, Source, read_source
from kqllint.fixes import FixOutcome, fix_text
from kqllint.formatter import FormatOptions, format_text
from kqllint.settings import Settings, collect
from kqllint.source import LineIndex
from kqllint.writer import unified_diff, write_atomic


@dataclass(frozen=True)
class FormatRun:
    """How `kqllint format` runs, besides the paths."""

    check: bool = False  # write nothing; exit 1 if a file would change
    diff: bool = False  # print a unified diff; write nothing
    stdin_filename: str | None = None
    options: FormatOptions | None = None  # None: each file's configuration gives the indent width
    settings: Settings = field(default_factory=Settings)
    quiet: bool = False  # no summary
    jobs: int | None = None  # as `check --jobs`
    verbose: bool = False  # show the traceback of an internal error


@dataclass(frozen=True)
class _Formatted:
    """What formatting one file hands back (from a `--jobs` worker): its output, never printed there."""

    outcome: str  # "changed", "unchanged", "blocked"; "failed" for an I/O or internal error
    stdout: str | bytes = ""
    stderr: str = ""  # what the formatter refused to change, and why
    error: str | None = None


def format_paths(paths: list[str], run: FormatRun) -> int:
    """Format `paths` in place (or, with `check`/`diff`, only say what would change); return the
    exit code: 2 for a file not formatted or an I/O error, else 1 if `check`/`diff` found a file
    to change, else 0."""
    selection = collect(paths, run.settings, run.stdin_filename)
    errors = selection.errors
    stdin = sys.stdin.buffer.read() if any(path == "-" for path, _ in selection.files) else None
    from kqllint.runner import parallel_map

    outcomes = []
    for result in parallel_map(_format_item, [(path, config, stdin, run) for path, config in selection.files], run.jobs):
        errors.extend([result.error] if result.error else [])
        if isinstance(result.stdout, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(result.stdout)
        else:
            sys.stdout.write(result.stdout)
        sys.stderr.write(result.stderr)
        outcomes.append(result.outcome)
    sys.stdout.flush()
    for message in errors:
        print(f"error: {message}", file=sys.stderr)
    if not run.quiet:
        print(_format_summary(outcomes, run.check or run.diff), file=sys.stderr)
    if errors or "blocked" in outcomes:
        return 2
    return 1 if (run.check or run.diff) and "changed" in outcomes else 0


def _format_item(item: tuple) -> _Formatted:
    """Read and format one file: the unit of work a `--jobs` worker does."""
    path, config, stdin, run = item
    try:
        source = read_source(path, stdin, run.stdin_filename)
    except InputError as exc:
        return _Formatted("failed", error=str(exc))
    try:
        return _format_one(path, source, run, run.options or FormatOptions(indent_width=config.format_indent_width))
    except Exception as exc:  # a bug: say so, and go on with the other files
        from kqllint.crash import crash_message

        return _Formatted("failed", error=crash_message(f"formatting {source.name}", exc, run.verbose))


def _format_one(path: str, source: Source, run: FormatRun, options: FormatOptions) -> _Formatted:
    text = source.decoded.text
    result = format_text(text, options)
    refusals = _refusals(source.name, text, result.diagnostics)
    if any(d.severity is Severity.ERROR for d in result.diagnostics):
        return _Formatted("blocked", stderr=refusals)
    outcome = "changed" if result.changed else "unchanged"
    if run.diff:
        return _Formatted(outcome, unified_diff(source.name, text, result.text), refusals)
    if path == "-":
        return _Formatted(outcome, b"" if run.check else source.decoded.encode(result.text), refusals)
    if result.changed and run.check:
        return _Formatted(outcome, f"Would reformat: {source.name}\n", refusals)
    error = _write(path, source, result.text) if result.changed else None
    return _Formatted(outcome, "", refusals, error)


def _write(path: str, source: Source, text: str) -> str | None:
    try:
        write_atomic(path, source.decoded.encode(text))
    except OSError as exc:
        return f"{source.name}: cannot write: {exc.strerror or exc}"
    return None


def _refusals(name: str, text: str, diagnostics: tuple[Diagnostic, ...]) -> str:
    """The lines saying what the formatter refused to change, for stderr."""
    if not diagnostics:
        return ""
    index = LineIndex(text)
    lines = []
    for d in diagnostics:
        line, col = index.line_col(d.span.start)
        lines.append(f"{d.severity.value}: {name}:{line}:{col}: {d.code} {d.message}\n")
    return "".join(lines)


def _format_summary(outcomes: list[str], dry: bool) -> str:
    def files(n: int) -> str:
        return f"{n} file{'s' * (n != 1)}"

    changed, unchanged, blocked = (outcomes.count(o) for o in ("changed", "unchanged", "blocked"))
    parts = []
    if changed:
        parts.append(f"{files(changed)} {'would be reformatted' if dry else 'reformatted'}")
    if unchanged:
        parts.append(f"{files(unchanged)} {'already formatted' if dry else 'left unchanged'}")
    if blocked:
        parts.append(f"{files(blocked)} not formatted because of errors")
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
