"""`--output-format full`: rustc-style findings with the source line, a caret and `help:`.

A finding whose fix `check --fix` applies is marked `[*]` after its code, as ruff marks it.
"""

from __future__ import annotations

from kqllint.diagnostic import Diagnostic, Severity
from kqllint.output import FileReport, is_fixable

WINDOW = 120  # columns of a long line shown around the span
_COLORS = {Severity.ERROR: "\x1b[1;31m", Severity.WARNING: "\x1b[1;33m", Severity.INFO: "\x1b[1;36m"}
_BOLD, _BLUE, _RESET = "\x1b[1m", "\x1b[1;34m", "\x1b[0m"
_FIXABLE = "\x1b[1;32m"


def render(reports: list[FileReport], color: bool = False, *, unsafe_fixes: bool = False) -> str:
    parts = [_one(report, d, color, is_fixable(d, unsafe_fixes)) for report in reports for d in report.diagnostics]
    return "".join(parts)


def _one(report: FileReport, d: Diagnostic, color: bool, fixable: bool) -> str:
    paint = _painter(color)
    line, col = report.index.line_col(d.span.start)
    snippet, caret_at, caret_len = _snippet(report, d, line)
    gutter = " " * len(str(line))
    if color:
        snippet = _highlight(snippet)
    out = [
        f"{paint(_COLORS[d.severity], f'{d.severity.value}[{d.code}]')}{paint(_FIXABLE, ' [*]') if fixable else ''}"
        f"{paint(_BOLD, ': ' + d.message)}\n",
        f"{gutter}{paint(_BLUE, '-->')} {report.path}:{line}:{col}\n",
        f"{gutter} {paint(_BLUE, '|')}\n",
        f"{paint(_BLUE, str(line))} {paint(_BLUE, '|')} {snippet}\n",
        f"{gutter} {paint(_BLUE, '|')} {' ' * caret_at}{paint(_COLORS[d.severity], '^' * caret_len)}\n",
    ]
    if d.help:
        out.append(f"{gutter} {paint(_BLUE, '=')} {paint(_BOLD, 'help')}: {d.help}\n")
    out.append("\n")
    return "".join(out)


def _snippet(report: FileReport, d: Diagnostic, line: int) -> tuple[str, int, int]:
    """The line (or a window of a long one), where the caret starts, and how many carets."""
    index, source = report.index, report.text
    start = index.starts[line - 1]
    end = index.starts[line] if line < len(index.starts) else len(source)
    while end > start and source[end - 1] in "\r\n":
        end -= 1  # the line break is not shown
    col = d.span.start - start
    span_len = max(1, min(d.span.end, end) - d.span.start)
    # Slice only the window: copying a 10 MB line once per finding made the report quadratic.
    if end - start <= WINDOW:
        text = source[start:end]
    else:
        left = max(0, min(col - WINDOW // 3, end - start - WINDOW))
        text = source[start + left : start + left + WINDOW]
        text = ("…" if left else "") + text + ("…" if start + left + WINDOW < end else "")
        col = col - left + (1 if left else 0)
        span_len = min(span_len, WINDOW - (col - (1 if left else 0)))
    return text.replace("\t", " "), col, max(1, span_len)


def _painter(color: bool):
    if not color:
        return lambda code, text: text
    return lambda code, text: f"{code}{text}{_RESET}"


def _highlight(snippet: str) -> str:
    try:
        from kqllint.highlight import highlight
    except ImportError:  # the lexer is optional for rendering
        return snippet
    return highlight(snippet).rstrip("\n")
