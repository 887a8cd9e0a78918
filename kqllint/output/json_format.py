"""`--output-format json`: one JSON array, each element shaped as docs/design.md says."""

from __future__ import annotations

import json
from typing import Any

from kqllint.diagnostic import Diagnostic
from kqllint.docs import rule_url
from kqllint.output import FileReport
from kqllint.source import LineIndex


def _location(index: LineIndex, offset: int) -> dict[str, int]:
    line, column = index.line_col(offset)
    return {"line": line, "column": column}


def diagnostic_dict(report: FileReport, d: Diagnostic) -> dict[str, Any]:
    index = report.index
    fix = None
    if d.fix is not None:
        fix = {
            "applicability": d.fix.applicability.value,
            "message": d.fix.message,
            "edits": [
                {
                    "content": e.content,
                    "location": _location(index, e.span.start),
                    "end_location": _location(index, e.span.end),
                }
                for e in d.fix.edits
            ],
        }
    return {
        "filename": report.path,
        "code": d.code,
        "name": d.name,
        "severity": d.severity.value,
        "message": d.message,
        "location": _location(index, d.span.start),
        "end_location": _location(index, d.span.end),
        "fix": fix,
        "url": rule_url(d.code),
    }


def render(reports: list[FileReport], color: bool = False) -> str:
    items = [diagnostic_dict(r, d) for r in reports for d in r.diagnostics]
    return json.dumps(items, indent=2, ensure_ascii=False) + "\n"
