"""`--output-format concise`: one line a finding, `path:line:col: CODE message`."""

from __future__ import annotations

from kqllint.output import FileReport, is_fixable


def render(reports: list[FileReport], color: bool = False, *, unsafe_fixes: bool = False) -> str:
    lines = []
    for report in reports:
        for d in report.diagnostics:
            line, col = report.index.line_col(d.span.start)
            mark = " [*]" if is_fixable(d, unsafe_fixes) else ""
            lines.append(f"{report.path}:{line}:{col}: {d.code}{mark} {d.message}")
    return "".join(line + "\n" for line in lines)
