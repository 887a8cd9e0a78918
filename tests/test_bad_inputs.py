"""The bad-input catalog: unusual but valid files are linted and formatted normally; invalid
ones get a clear message, exit 1 or 2, no traceback, and are left byte for byte."""

from __future__ import annotations

import time

import pytest

from kqllint import format_text, lint_text
from kqllint.diagnostic import Diagnostic, Severity, Span
from kqllint.output import FileReport, renderer

HEAD = ".alter cluster policy managed_identity "
# Every string-literal form Kusto has, opened and never closed.
OPENERS = ['"', "'", '@"', "@'", "```", "~~~", "@```", "@~~~"]
OPENERS += [prefix + opener for prefix in ("h", "H") for opener in OPENERS]


@pytest.mark.parametrize("end", ["", "\n", "\r\n"], ids=["eof", "lf", "crlf"])
@pytest.mark.parametrize("opener", OPENERS)
def test_an_unterminated_literal_at_the_end_of_the_file_is_named(opener: str, end: str) -> None:
    text = HEAD + opener + "[{ObjectId: 1" + end  # no quote: it would close the literal
    found = lint_text(text)
    assert [(d.code, d.span.start) for d in found] == [("S002", len(HEAD))]
    assert found[0].message.startswith("unterminated")
    result = format_text(text)
    assert (result.text, result.changed, [d.code for d in result.diagnostics]) == (text, False, ["F001"])


def test_the_full_report_of_a_10_mb_line_copies_only_a_window_per_finding() -> None:
    text = "x" * 10_000_000 + "\n"
    found = [Diagnostic("J001", "invalid-json", "m", Span(i * 997, i * 997 + 5), Severity.ERROR) for i in range(10_000)]
    began = time.monotonic()
    report = renderer("full")([FileReport("big.kql", text, found)], False)
    assert time.monotonic() - began < 5  # was about 20 s: the whole line was copied per finding
    assert len(report) < 10_000 * 400
    assert "\n1 | …" + "x" * 120 + "…\n" in report
