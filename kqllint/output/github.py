"""`--output-format github`: workflow commands that GitHub Actions turns into annotations."""

from __future__ import annotations

import os

from kqllint.diagnostic import Severity
from kqllint.output import FileReport

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render(reports: list[FileReport], color: bool = False) -> str:
    lines = []
    for report in reports:
        for d in report.diagnostics:
            line, col = report.index.line_col(d.span.start)
            end_line, end_col = report.index.line_col(d.span.end)
            properties = ",".join(
                f"{key}={_property(str(value))}"
                for key, value in (("title", f"kqllint ({d.code})"), ("file", _workspace_path(report.path)), ("line", line),
                                   ("col", col), ("endLine", end_line), ("endColumn", end_col))
            )  # fmt: skip
            message = f"{report.path}:{line}:{col}: {d.code} {d.message}"
            if d.help:
                message += f"\nhelp: {d.help}"
            lines.append(f"::{_LEVELS[d.severity]} {properties}::{_data(message)}\n")
    return "".join(lines)


def _workspace_path(path: str) -> str:
    """The path from the current directory (the workspace in Actions) when the file is under it."""
    if path == "-":
        return path
    relative = os.path.relpath(os.path.abspath(path))
    return path if relative.startswith("..") else relative.replace(os.sep, "/")


def _data(text: str) -> str:
    # GitHub's escaping of workflow command data (actions/toolkit `escapeData`).
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
