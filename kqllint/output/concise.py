"""`--output-format concise`: one line a finding, `path:line:col: CODE message`."""

from __future__ import annotations

from kqllint.diagnostic import Applicability
from kqllint.output import FileReport


def render(reports: list[FileReport], color: bool = False) -> str:
    lines = []
    for report in reports:
        for d in report.diagnostics:
            line, col = report.index.line_col(d.span.start)
            mark = " [*]" if d.fix and d.fix.applicability is Applicability.SAFE else ""
            lines.append(f"{report.path}:{line}:{col}: {d.code}{mark} {d.message}")
    return "".join(line + "\n" for line in lines)
