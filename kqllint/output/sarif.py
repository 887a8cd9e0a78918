"""`--output-format sarif`: a SARIF 2.1.0 log for code scanning (GitHub, Azure DevOps)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from kqllint import __version__
from kqllint.diagnostic import Diagnostic, Severity, Span
from kqllint.docs import rule_markdown, rule_url
from kqllint.output import FileReport

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
BASE_ID = "%SRCROOT%"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render(reports: list[FileReport], color: bool = False, root: str | None = None) -> str:
    """The log; paths under `root` (default: the current directory) are relative to `%SRCROOT%`."""
    from kqllint.rules import RULES

    base = Path(os.path.abspath(root or os.getcwd()))
    index = {r.code: i for i, r in enumerate(RULES)}
    results = [_result(report, d, index, base) for report in reports for d in report.diagnostics]
    run = {
        "tool": {"driver": {
            "name": "kqllint",
            "version": __version__,
            "semanticVersion": __version__,
            "informationUri": "https://github.com/kqllint/kqllint",
            "rules": [_rule(r) for r in RULES],
        }},
        "originalUriBaseIds": {BASE_ID: {"uri": base.as_uri().rstrip("/") + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }  # fmt: skip
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _rule(rule: Any) -> dict[str, Any]:
    descriptor = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.summary},
        "help": {"text": rule.summary, "markdown": rule_markdown(rule)},
        "defaultConfiguration": {"level": _LEVELS[rule.severity]},
        "properties": {"fixable": rule.fixable},
    }
    url = rule_url(rule.code)
    if url:
        descriptor["helpUri"] = url
    return descriptor


def _result(report: FileReport, d: Diagnostic, index: dict[str, int], base: Path) -> dict[str, Any]:
    location = _artifact(report.path, base)
    text = d.message + (f"\nhelp: {d.help}" if d.help else "")
    result: dict[str, Any] = {
        "ruleId": d.code,
        "level": _LEVELS[d.severity],
        "message": {"text": text},
        "locations": [{"physicalLocation": {"artifactLocation": location, "region": _region(report, d.span)}}],
    }
    if d.code in index:
        result["ruleIndex"] = index[d.code]
    if d.fix is not None:
        replacements = [{"deletedRegion": _region(report, e.span), "insertedContent": {"text": e.content}}
                        for e in d.fix.edits]  # fmt: skip
        result["fixes"] = [{
            "description": {"text": d.fix.message},
            "artifactChanges": [{"artifactLocation": location, "replacements": replacements}],
            "properties": {"applicability": d.fix.applicability.value},
        }]  # fmt: skip
    return result


def _region(report: FileReport, span: Span) -> dict[str, int]:
    line, col = report.index.line_col(span.start)
    end_line, end_col = report.index.line_col(span.end)
    return {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col}


def _artifact(path: str, base: Path) -> dict[str, str]:
    """A URI relative to `%SRCROOT%` when the file is under it, else an absolute `file:` URI."""
    if path == "-":
        return {"uri": "-"}
    absolute = Path(os.path.abspath(path))
    try:
        relative = absolute.relative_to(base)
    except ValueError:
        return {"uri": absolute.as_uri()}
    return {"uri": quote(relative.as_posix()), "uriBaseId": BASE_ID}
