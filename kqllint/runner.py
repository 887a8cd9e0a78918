"""Check many files: read, lint, render, and compute the exit code (the CLI's engine room)."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, NamedTuple
from pathlib import Path

from kqllint.diagnostic import Severity
from kqllint.files import InputError, Source, read_source
from kqllint.linter import lint_text
from kqllint.output import FileReport, is_fixable, render
from kqllint.settings import Settings, collect

if TYPE_CHECKING:
    from kqllint.config import Config
    from kqllint.format_runner import FixMode


_PER_FILE_FORMATS = ("full", "concise", "github")


class CheckOptions(NamedTuple):  # not a dataclass: 0.5 ms less start-up (kqllint/files.py)
    """Everything `kqllint check` was asked besides the paths."""

    settings: Settings = Settings()
    output_format: str = "full"
    stdin_filename: str | None = None
    color: bool = False
    fix: FixMode | None = None
    output_file: str | None = None
    statistics: bool = False
    exit_zero: bool = False
    quiet: bool = False  # stdout only: no summary, and no report on stderr (with `--diff` or `-`)
    jobs: int | None = None  # worker processes; None = the number of cores, when the work pays for it
    unsafe_fixes: bool = False  # count and mark the unsafe fixes as available (ruff's `--unsafe-fixes`)
    verbose: bool = False  # show the traceback of an internal error


class _Checked(NamedTuple):
    """What checking one file hands back to the parent process: little to pickle.

    The file's part of the output is rendered in the worker when the format allows it (the
    files' parts joined); then the report itself stays behind. Unpickling every diagnostic in
    the parent was a serial 0.3 s, and rendering there 0.45 s, of the 1,000-file benchmark,
    which held `--jobs 2` to 1.5x.
    """

    report: FileReport | None  # for the formats rendered over all files at once
    output: str | None  # the file's part of the output otherwise
    counts: tuple[int, ...]  # findings by severity, in `Severity` order
    fixable: int  # findings whose fix `--fix` applies
    hidden: int  # findings with an unsafe fix that `--unsafe-fixes` would make available
    failing: bool  # a finding at or above the file's `fail-on` severity
    fixed: int = 0  # fixes applied (`--fix`)
    stdout: str | bytes | None = None  # `--fix`: the diff, or the fixed text of `-`


def check_paths(paths: list[str], options: CheckOptions) -> int:
    """Check `paths`, write the report to stdout and the summary to stderr; return the exit code.

    With `fix`, apply the fixes first (kqllint/format_runner.py) and report what remains; the
    report goes to stderr when stdout carries the fixed text (`-`) or a diff.
    """
    fix = options.fix
    selection = collect(paths, options.settings, options.stdin_filename)
    errors = selection.errors
    stdin = sys.stdin.buffer.read() if any(path == "-" for path, _ in selection.files) else None
    checked: list[_Checked] = []
    work = [(path, config, stdin, options) for path, config in selection.files]
    for result, error in parallel_map(_check_one, work, options.jobs):
        errors.extend([error] if error else [])
        if result is not None:
            checked.append(result)
            _write_stdout(result.stdout)
    to_stderr = bool(fix and (fix.diff or any(path == "-" for path, _ in selection.files)))
    if not (to_stderr and options.quiet and options.output_file is None):  # `-q --diff`: the diff only
        _write_report(_report(checked, options), options.output_file, to_stderr, errors)
    for message in errors:
        print(f"error: {message}", file=sys.stderr)
    fixed = sum(c.fixed for c in checked)
    if fix and not options.quiet:
        from kqllint.format_runner import fix_summary

        print(fix_summary(fixed, sum(sum(c.counts) for c in checked), fix.diff), file=sys.stderr)
    if not options.quiet:
        print(summary(checked, len(errors), options.unsafe_fixes), end="", file=sys.stderr)
    code = 2 if errors else int(any(c.failing for c in checked) and not options.exit_zero)
    return max(code, 1) if fix and fix.diff and fixed else code


def _check_one(item: tuple) -> tuple[_Checked | None, str | None]:
    """Read, lint (or fix) and render one file: the unit of work a `--jobs` worker does."""
    path, config, stdin, options = item
    try:
        source = read_source(path, stdin, options.stdin_filename)
    except InputError as exc:
        return None, str(exc)
    try:
        return _lint_or_fix(path, source, config, options)
    except Exception as exc:  # a bug: say so, and go on with the other files
        from kqllint.crash import crash_message

        return None, crash_message(f"checking {source.name}", exc, options.verbose)


def _lint_or_fix(path: str, source: Source, config: Config, options: CheckOptions) -> tuple[_Checked, str | None]:
    if options.fix is None:
        text = source.decoded.text
        return _checked(FileReport(source.name, text, lint_text(text, source.name, config)), config, options), None
    from kqllint.format_runner import fix_source

    outcome, stdout, error = fix_source(path, source, config, options.fix)
    report = FileReport(source.name, outcome.text, outcome.remaining)
    return _checked(report, config, options, outcome.fixed, stdout), error


def _write_stdout(part: str | bytes | None) -> None:
    if isinstance(part, bytes):
        sys.stdout.flush()
        sys.stdout.buffer.write(part)
    elif part:
        sys.stdout.write(part)


def _checked(report: FileReport, config: Config, options: CheckOptions, fixed: int = 0,
             stdout: str | bytes | None = None) -> _Checked:  # fmt: skip
    diagnostics = report.diagnostics
    counts = tuple(sum(d.severity is s for d in diagnostics) for s in Severity)
    fixable = sum(is_fixable(d, options.unsafe_fixes) for d in diagnostics)
    hidden = sum(d.fix is not None for d in diagnostics) - fixable
    failing = any(d.severity.rank >= config.fail_on.rank for d in diagnostics)
    if not _rendered_per_file(options):
        return _Checked(report, None, counts, fixable, hidden, failing, fixed, stdout)
    output = _render(options, [report])
    return _Checked(None, output, counts, fixable, hidden, failing, fixed, stdout)


def _render(options: CheckOptions, reports: list[FileReport]) -> str:
    color = options.color and not options.output_file
    return render(options.output_format, reports, color, options.unsafe_fixes)


def _rendered_per_file(options: CheckOptions) -> bool:
    """Whether the output is the files' own parts joined (rendered where each file is checked)."""
    return not options.statistics and options.output_format in _PER_FILE_FORMATS


# A pool costs its start-up (forking the workers, shipping the work and the results) before it
# saves anything; below this much script text one process is faster. On the 2-core development
# machine a pool cost 0.1-0.25 s (2 files of 200 B: 0.37 s with one, 0.34 s without), one process
# checks 2.1 MB/s, and `--jobs 2` is 1.84x faster on big inputs: a pool saves about 0.46 of
# 0.47 s a MB, so it pays from 0.5-1 MB. The README's "Usage" section says the same to users.
POOL_MIN_BYTES = 1_000_000


def worth_a_pool(paths: list[str]) -> bool:
    """Whether files this big (together) are checked faster by a pool than by one process."""
    total = 0
    for path in paths:
        try:
            total += os.path.getsize(path) if path != "-" else 0
        except OSError:
            continue  # reported when it is read
        if total >= POOL_MIN_BYTES:
            return len(paths) > 1
    return False


def parallel_map(fn, items: list, jobs: int | None) -> list:
    """`fn` over `items` (`(path, ...)` tuples) in order, in worker processes when that pays.

    `jobs` given: that many workers (never more than items). Not given: one per core, but only
    when the work pays for a pool's start-up (`worth_a_pool`).
    """
    if jobs is None:
        workers = min(os.cpu_count() or 1, len(items)) if worth_a_pool([item[0] for item in items]) else 1
    else:
        workers = min(jobs, len(items))
    if workers <= 1:
        return [fn(item) for item in items]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers) as pool:
        # Chunks amortise the per-task pickling; results come back in the (sorted) input order.
        return list(pool.map(fn, items, chunksize=max(1, len(items) // (workers * 8))))


def _report(checked: list[_Checked], options: CheckOptions) -> str:
    if _rendered_per_file(options):
        return "".join(c.output or "" for c in checked)
    reports = [c.report for c in checked if c.report is not None]
    if options.statistics:
        from kqllint.output.statistics import render

        return render(reports, as_json=options.output_format == "json", unsafe_fixes=options.unsafe_fixes)
    return _render(options, reports)


def _write_report(report: str, output_file: str | None, to_stderr: bool, errors: list[str]) -> None:
    if output_file is None:
        (sys.stderr if to_stderr else sys.stdout).write(report)
        sys.stdout.flush()
        return
    try:
        Path(output_file).write_text(report, encoding="utf-8", newline="")
    except OSError as exc:
        errors.append(f"{output_file}: cannot write the report: {exc.strerror or exc}")


def summary(checked: list[_Checked], error_count: int, unsafe_fixes: bool = False) -> str:
    """The lines for stderr after the report: how many findings in how many of the files checked,
    and how many `--fix` would fix (ruff's wording for the fixable and the hidden unsafe fixes)."""
    counts = {s: sum(c.counts[i] for c in checked) for i, s in enumerate(Severity)}
    total = sum(counts.values())
    files = _count(len(checked), "file")
    if total == 0:
        return "" if error_count else f"All checks passed ({files}).\n"  # with errors, not all was checked
    parts = ", ".join(f"{n} {s.value}{'s' * (n != 1) if s is not Severity.INFO else ''}" for s, n in
                      sorted(counts.items(), key=lambda kv: -kv[0].rank) if n)  # fmt: skip
    with_findings = sum(any(c.counts) for c in checked)
    where = files if with_findings == len(checked) else f"{with_findings} of {files}"
    lines = [f"Found {_count(total, 'problem')} ({parts}) in {where}."]
    fixable, hidden = sum(c.fixable for c in checked), sum(c.hidden for c in checked)
    option = "`--fix --unsafe-fixes` options" if unsafe_fixes else "`--fix` option"
    hint = f"{_count(hidden, 'hidden fix', 'hidden fixes')} can be enabled with the `--unsafe-fixes` option"
    if fixable and hidden:
        lines.append(f"[*] {fixable} fixable with the {option} ({hint}).")
    elif fixable:
        lines.append(f"[*] {fixable} fixable with the {option}.")
    elif hidden:
        lines.append(f"No fixes available ({hint}).")
    return "".join(line + "\n" for line in lines)


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"
