"""Check many files: read, lint, render, and compute the exit code (the CLI's engine room)."""

from __future__ import annotations

import sys

from kqllint.config import Config
from kqllint.diagnostic import Severity
from kqllint.files import InputError, discover, read_source
from kqllint.format_runner import FixMode, fix_source, fix_summary
from kqllint.linter import lint_text
from kqllint.output import FileReport, renderer


def check_paths(paths: list[str], config: Config, output_format: str, stdin_filename: str | None,
                color: bool, fix: FixMode | None = None) -> int:  # fmt: skip
    """Check `paths`, write the report to stdout and the summary to stderr; return the exit code.

    With `fix`, apply the fixes first (kqllint/format_runner.py) and report what remains; the
    report goes to stderr when stdout carries the fixed text (`-`) or a diff.
    """
    files, errors = discover(paths)
    stdin = sys.stdin.buffer.read() if "-" in files else None
    reports: list[FileReport] = []
    fixed = 0
    for path in files:
        try:
            source = read_source(path, stdin, stdin_filename)
        except InputError as exc:
            errors.append(str(exc))
            continue
        text = source.decoded.text
        if fix is None:
            reports.append(FileReport(source.name, text, lint_text(text, source.name, config)))
            continue
        outcome, error = fix_source(path, source, config, fix)
        errors.extend([error] if error else [])
        fixed += outcome.fixed
        reports.append(FileReport(source.name, outcome.text, outcome.remaining))
    report = renderer(output_format)(reports, color)
    (sys.stderr if fix and (fix.diff or "-" in files) else sys.stdout).write(report)
    sys.stdout.flush()
    for message in errors:
        print(f"error: {message}", file=sys.stderr)
    if fix:
        print(fix_summary(fixed, sum(len(r.diagnostics) for r in reports), fix.diff), file=sys.stderr)
    _summary(reports, len(errors))
    code = exit_code(reports, errors, config.fail_on)
    return max(code, 1) if fix and fix.diff and fixed else code


def exit_code(reports: list[FileReport], errors: list[str], fail_on: Severity) -> int:
    if errors:
        return 2
    failing = any(d.severity.rank >= fail_on.rank for r in reports for d in r.diagnostics)
    return 1 if failing else 0


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
        print(f"All checks passed ({files}).", file=sys.stderr)
        return
    parts = ", ".join(f"{n} {s.value}{'s' * (n != 1) if s is not Severity.INFO else ''}" for s, n in
                      sorted(counts.items(), key=lambda kv: -kv[0].rank) if n)  # fmt: skip
    print(f"Found {total} problem{'s' * (total != 1)} ({parts}) in {files}.", file=sys.stderr)
    if fixable:
        print(f"{fixable} fixable with `kqllint check --fix`.", file=sys.stderr)
