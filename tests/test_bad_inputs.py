"""The bad-input catalog: unusual but valid files are linted and formatted normally; invalid
ones get a clear message, exit 1 or 2, no traceback, and are left byte for byte."""

from __future__ import annotations

import time

from kqllint.diagnostic import Diagnostic, Severity, Span
from kqllint.output import FileReport, renderer


def test_the_full_report_of_a_10_mb_line_copies_only_a_window_per_finding() -> None:
    text = "x" * 10_000_000 + "\n"
    found = [Diagnostic("J001", "invalid-json", "m", Span(i * 997, i * 997 + 5), Severity.ERROR) for i in range(10_000)]
    began = time.monotonic()
    report = renderer("full")([FileReport("big.kql", text, found)], False)
    assert time.monotonic() - began < 5  # was about 20 s: the whole line was copied per finding
    assert len(report) < 10_000 * 400
    assert "\n1 | …" + "x" * 120 + "…\n" in report
