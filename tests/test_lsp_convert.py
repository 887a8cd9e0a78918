"""The LSP server's pure parts: offsets to UTF-16/UTF-8 positions, diagnostics, edits, diffs."""

from __future__ import annotations

import pytest

pytest.importorskip("lsprotocol")

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from lsprotocol import types  # noqa: E402

from kqllint.diagnostic import Applicability, Diagnostic, Edit, Fix, Severity, Span  # noqa: E402
from kqllint.docs import rule_url  # noqa: E402
from kqllint.lsp.convert import (  # noqa: E402
    UTF8, UTF16, UTF32, PositionMap, code_points, to_lsp_diagnostic, to_text_edit, units)
from kqllint.lsp.edits import diff_edits, range_edits, script_edits, statement_edits  # noqa: E402


def pos(line: int, character: int) -> types.Position:
    return types.Position(line=line, character=character)


# 😀 is U+1F600: one code point, two UTF-16 code units, four UTF-8 bytes; é is 1, 1 and 2
TEXT = "a😀b\r\né😀x\rlast😀"


@pytest.mark.parametrize(("offset", "utf16", "utf8", "utf32"), [
    (0, pos(0, 0), pos(0, 0), pos(0, 0)),
    (1, pos(0, 1), pos(0, 1), pos(0, 1)),    # before the emoji
    (2, pos(0, 3), pos(0, 5), pos(0, 2)),    # after it
    (3, pos(0, 4), pos(0, 6), pos(0, 3)),    # end of line 0, before \r\n
    (5, pos(1, 0), pos(1, 0), pos(1, 0)),    # after \r\n
    (6, pos(1, 1), pos(1, 2), pos(1, 1)),    # after é
    (7, pos(1, 3), pos(1, 6), pos(1, 2)),
    (9, pos(2, 0), pos(2, 0), pos(2, 0)),    # a lone \r ends a line
    (13, pos(2, 4), pos(2, 4), pos(2, 4)),
    (14, pos(2, 6), pos(2, 8), pos(2, 5)),   # end of text
])  # fmt: skip
def test_offset_to_position_and_back(offset: int, utf16: types.Position, utf8: types.Position,
                                     utf32: types.Position) -> None:  # fmt: skip
    for encoding, expected in ((UTF16, utf16), (UTF8, utf8), (UTF32, utf32)):
        positions = PositionMap(TEXT, encoding)
        assert positions.position(offset) == expected, encoding
        assert positions.offset(expected) == offset, encoding


def test_positions_past_the_line_or_text_are_clamped() -> None:
    positions = PositionMap(TEXT)
    assert positions.offset(pos(0, 99)) == 3  # the end of line 0, not into its line break
    assert positions.offset(pos(1, 2)) == 6  # half a surrogate pair rounds down to the emoji's start
    assert positions.offset(pos(7, 0)) == len(TEXT)
    assert positions.end == pos(2, 6)


def test_units_and_code_points() -> None:
    assert units("a😀é", UTF16) == 4
    assert units("a😀é", UTF8) == 7
    assert units("a😀é", UTF32) == 3
    assert code_points("a😀é", 3, UTF16) == 2
    assert code_points("a😀é", 2, UTF8) == 1  # inside the emoji's bytes
    assert code_points("abc", 2, UTF16) == 2


def test_unknown_encoding_is_refused() -> None:
    with pytest.raises(ValueError, match="utf-7"):
        PositionMap("", "utf-7")


@given(st.lists(st.sampled_from(["a", "é", "😀", "\r", "\n", "\r\n", " ", "\u2028"]), max_size=30).map("".join))
def test_every_offset_outside_a_line_break_round_trips(text: str) -> None:
    for encoding in (UTF16, UTF8, UTF32):
        positions = PositionMap(text, encoding)
        for offset in range(len(text) + 1):
            if offset and text[offset - 1] == "\r" and text[offset:offset + 1] == "\n":
                continue  # between \r and \n is not a position a client can name
            assert positions.offset(positions.position(offset)) == offset


def _diagnostic(span: Span, severity: Severity = Severity.ERROR, fix: Fix | None = None,
                help: str | None = "did you mean `ExternalTable`?") -> Diagnostic:  # fmt: skip
    return Diagnostic("P010", "unknown-usage", "unknown usage `ExternalTables`", span, severity, help, fix)


def test_diagnostic_has_code_severity_utf16_range_source_and_docs_link() -> None:
    text = '// 😀😀\n"AllowedUsages": "ExternalTables"'
    start = text.index("ExternalTables")
    item = to_lsp_diagnostic(_diagnostic(Span(start, start + 14)), PositionMap(text))
    assert item.range == types.Range(start=pos(1, 18), end=pos(1, 32))
    assert item.code == "P010"
    assert item.source == "kqllint"
    assert item.severity == types.DiagnosticSeverity.Error
    assert item.message == "unknown usage `ExternalTables`\nhelp: did you mean `ExternalTable`?"
    url = rule_url("P010")
    assert (item.code_description.href if item.code_description else None) == url


def test_emoji_before_the_span_on_the_same_line_shifts_the_utf16_column() -> None:
    text = '"😀": "ExternalTables"'
    start = text.index("ExternalTables")
    item = to_lsp_diagnostic(_diagnostic(Span(start, start + 14)), PositionMap(text))
    assert (item.range.start, item.range.end) == (pos(0, 7), pos(0, 21))
    assert start == 6  # in code points the column is one less


@pytest.mark.parametrize(("severity", "expected"), [
    (Severity.ERROR, types.DiagnosticSeverity.Error),
    (Severity.WARNING, types.DiagnosticSeverity.Warning),
    (Severity.INFO, types.DiagnosticSeverity.Information),
])  # fmt: skip
def test_severities(severity: Severity, expected: types.DiagnosticSeverity) -> None:
    item = to_lsp_diagnostic(_diagnostic(Span(0, 1), severity, help=None), PositionMap("x"))
    assert item.severity == expected
    assert item.message == "unknown usage `ExternalTables`"


def test_edit_becomes_a_text_edit_in_crlf_text() -> None:
    text = "x\r\n😀 ALTER\r\n"
    start = text.index("ALTER")
    edit = to_text_edit(Edit(Span(start, start + 5), "alter"), PositionMap(text))
    assert edit == types.TextEdit(range=types.Range(start=pos(1, 3), end=pos(1, 8)), new_text="alter")


def _apply(text: str, edits: list[Edit]) -> str:
    for edit in sorted(edits, key=lambda e: e.span.start, reverse=True):
        text = text[:edit.span.start] + edit.content + text[edit.span.end:]
    return text


@pytest.mark.parametrize(("old", "new"), [
    ("a\nb\nc\n", "a\nB\nc\n"),
    ("a\nb\nc", "a\nb\nc\nd"),
    ("a\r\nb\r\n", "a\r\nx\r\ny\r\nb\r\n"),
    ("a\nb\nc\nd\n", "b\nc\n"),
    ("", "x\n"),
    ("x\n", ""),
    ("same", "same"),
])  # fmt: skip
def test_diff_edits_turn_old_into_new(old: str, new: str) -> None:
    edits = diff_edits(old, new)
    assert _apply(old, edits) == new
    assert all(a.span.end <= b.span.start for a, b in zip(edits, edits[1:]))


def test_diff_edits_touch_only_changed_lines() -> None:
    old = "keep 1\nold\nkeep 2\nkeep 3\nold too\n"
    new = "keep 1\nnew\nkeep 2\nkeep 3\nnew too\n"
    assert diff_edits(old, new) == [Edit(Span(7, 11), "new\n"), Edit(Span(25, 33), "new too\n")]


@given(st.lists(st.sampled_from(["a\n", "b\n", "c\r\n", "d\r", ""]), max_size=8),
       st.lists(st.sampled_from(["a\n", "b\n", "c\r\n", "e\n", "f"]), max_size=8))
def test_diff_edits_round_trip(old: list[str], new: list[str]) -> None:
    assert _apply("".join(old), diff_edits("".join(old), "".join(new))) == "".join(new)


SCRIPT = """// keep
.alter cluster policy managed_identity   ```[]```

T | take 1

.show  cluster policy managed_identity
"""
FORMATTED = """// keep
.alter cluster policy managed_identity ```[]```

T | take 1

.show cluster policy managed_identity
"""


def test_script_edits_change_each_command_in_place() -> None:
    edits = script_edits(SCRIPT, FORMATTED)
    assert _apply(SCRIPT, edits) == FORMATTED
    assert [SCRIPT[e.span.start:e.span.end] for e in edits] == [
        ".alter cluster policy managed_identity   ```[]```", ".show  cluster policy managed_identity"]


def test_statement_edits_give_none_when_the_statements_do_not_pair_up() -> None:
    assert statement_edits(SCRIPT, FORMATTED + "\n.show cluster policy managed_identity\n") is None
    changed = SCRIPT + ".show cluster policy managed_identity\n"
    assert _apply(SCRIPT, script_edits(SCRIPT, changed)) == changed


def test_script_edits_are_linear_on_repeated_lines() -> None:
    edits = script_edits(SCRIPT * 500, FORMATTED * 500)  # a line diff would be quadratic here
    assert len(edits) == 1000
    assert _apply(SCRIPT * 500, edits) == FORMATTED * 500


def test_diff_edits_fall_back_to_one_hunk_when_difflib_would_be_slow() -> None:
    old, new = "x\n" + "a\n" * 600, "x\n" + "b\n" * 600
    assert diff_edits(old, new) == [Edit(Span(2, len(old)), "b\n" * 600)]


def test_range_edits_keep_only_the_commands_the_selection_touches() -> None:
    second = SCRIPT.index(".show")
    cursor = Span(second + 3, second + 3)
    assert _apply(SCRIPT, range_edits(SCRIPT, FORMATTED, cursor)) == SCRIPT.replace(".show  ", ".show ")
    first = SCRIPT.index(".alter")
    assert _apply(SCRIPT, range_edits(SCRIPT, FORMATTED, Span(first, first + 1))) == (
        SCRIPT.replace("   ```", " ```"))
    assert _apply(SCRIPT, range_edits(SCRIPT, FORMATTED, Span(0, len(SCRIPT)))) == FORMATTED


@pytest.mark.parametrize("where", ["// keep", "T | take", "\n\nT"])
def test_range_edits_outside_every_command_change_nothing(where: str) -> None:
    at = SCRIPT.index(where) + 1
    assert range_edits(SCRIPT, FORMATTED, Span(at, at)) == []


def test_fix_edits_of_a_real_finding_convert() -> None:
    fix = Fix("lowercase `ALTER`", (Edit(Span(1, 6), "alter"),), Applicability.SAFE)
    text = ".ALTER cluster policy managed_identity ```[]```"
    item = to_lsp_diagnostic(_diagnostic(Span(1, 6), fix=fix), PositionMap(text))
    assert item.range == types.Range(start=pos(0, 1), end=pos(0, 6))


@pytest.mark.parametrize("text", ["", "x", "\n", "a\nb", "a\nb\n", "\n\nab\n\n", "a\r\nb", "a\rb\n", "é\n😀\nz"])
def test_the_fast_line_index_is_line_index(text: str) -> None:
    from kqllint.lsp.convert import _line_index
    from kqllint.source import LineIndex

    assert _line_index(text).starts == LineIndex(text).starts
