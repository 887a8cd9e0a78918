"""Check many files: read, lint, render, and compute the exit code (the CLI's engine room)."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from pathlib import Path

from kqllint.diagnostic import Severity
from kqllint.files import InputError, read_source
from kqllint.linter import lint_text
from kqllint.output import FileReport, renderer
from kqllint.settings import Settings, collect

if TYPE_CHECKING:
    from kqllint.format_runner import FixMode


@dataclass(frozen=True)
class CheckOptions:
    """Everything `kqllint check` was asked besides the paths."""

    settings: Settings = field(default_factory=Settings)
    output_format: str = "full"
    stdin_filename: str | None = None
    color: bool = False
    fix: FixMode | None = None
    output_file: str | None = None
    statistics: bool = False
    exit_zero: bool = False
    quiet: bool = False
    jobs: int | None = None  # worker processes; None = the number of cores


def check_paths(paths: list[str], options: CheckOptions) -> int:
    """Check `paths`, write the report to stdout and the summary to stderr; return the exit code.

    With `fix`, apply the fixes first (kqllint/format_runner.py) and report what remains; the
    report goes to stderr when stdout carries the fixed text (`-`) or a diff.
    """
    fix = options.fix
    selection = collect(paths, options.settings, options.stdin_filename)
    errors = selection.errors
    stdin = sys.stdin.buffer.read() if any(path == "-" for path, _ in selection.files) else None
    reports: list[FileReport] = []
    failing = False
    fixed = 0
    work = [(path, config, stdin, options) for path, config in selection.files]
    for (_, config, _, _), (report, fixes, error) in zip(work, _map(_check_one, work, options.jobs)):
        errors.extend([error] if error else [])
        if report is None:
            continue
        fixed += fixes
        reports.append(report)
        failing |= any(d.severity.rank >= config.fail_on.rank for d in report.diagnostics)
    to_stderr = bool(fix and (fix.diff or any(path == "-" for path, _ in selection.files)))
    _write_report(_report(reports, options), options.output_file, to_stderr, errors)
    for message in errors:
        print(f"error: {message}", file=sys.stderr)
    if fix:
        from kqllint.format_runner import fix_summary

        print(fix_summary(fixed, sum(len(r.diagnostics) for r in reports), fix.diff), file=sys.stderr)
    if not options.quiet:
        _summary(reports, len(errors))
    code = 2 if errors else int(failing and not options.exit_zero)
    return max(code, 1) if fix and fix.diff and fixed else code


def _check_one(item: tuple) -> tuple[FileReport | None, int, str | None]:
    """Read, lint (or fix) one file: the unit of work a `--jobs` worker does."""
    path, config, stdin, options = item
    try:
        source = read_source(path, stdin, options.stdin_filename)
    except InputError as exc:
        return None, 0, str(exc)
    text = source.decoded.text
    if options.fix is None:
        return FileReport(source.name, text, lint_text(text, source.name, config)), 0, None
    from kqllint.format_runner import fix_source

    outcome, error = fix_source(path, source, config, options.fix)
    return FileReport(source.name, outcome.text, outcome.remaining), outcome.fixed, error


def _map(fn, items: list, jobs: int | None) -> list:
    """`fn` over `items` in order: in worker processes when there are several files and cores."""
    workers = min(jobs or os.cpu_count() or 1, len(items))
    if workers <= 1:
        return [fn(item) for item in items]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers) as pool:
        # Chunks amortise the per-task pickling; results come back in the (sorted) input order.
        return list(pool.map(fn, items, chunksize=max(1, len(items) // (workers * 8))))


def _report(reports: list[FileReport], options: CheckOptions) -> str:
    if options.statistics:
        from kqllint.output.statistics import render

        return render(reports, as_json=options.output_format == "json")
    return renderer(options.output_format)(reports, options.color and not options.output_file)


def _write_report(report: str, output_file: str | None, to_stderr: bool, errors: list[str]) -> None:
    if output_file is None:
        (sys.stderr if to_stderr else sys.stdout).write(report)
        sys.stdout.flush()
        return
    try:
        Path(output_file).write_text(report, encoding="utf-8", newline="")
    except OSError as exc:
        errors.append(f"{output_file}: cannot write the report: {exc.strerror or exc}")


def _summary(reports: list[FileReport], error_count: int) -> None:
    counts = {s: 0 for s in Severity}
    fixable = 0
    for r in reports:
        for d in r.diagnostics:
            counts[d.severity] += 1
            fixable += d.fix is not None and d.fix.applicability.value == "safe"
    total = sum(counts.values())
    files = f"{len(reports)} file{'s' * (len(reports) != 1)}"
    if total == 0:
        if not error_count:  # with errors, not everything was checked
            print(f"All checks passed ({files}).", file=sys.stderr)
        return
    parts = ", ".join(f"{n} {s.value}{'s' * (n != 1) if s is not Severity.INFO else ''}" for s, n in
                      sorted(counts.items(), key=lambda kv: -kv[0].rank) if n)  # fmt: skip
    print(f"Found {total} problem{'s' * (total != 1)} ({parts}) in {files}.", file=sys.stderr)
    if fixable:
        print(f"{fixable} fixable with `kqllint check --fix`.", file=sys.stderr)
