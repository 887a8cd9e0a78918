"""What must hold for any text at all, however broken: shared by tests/test_mutations.py and
tools/fuzz.py. Each check raises AssertionError with what went wrong."""

from __future__ import annotations

from kqllint import format_text, lint_text
from kqllint.diagnostic import Diagnostic
from kqllint.fixes import fix_text
from kqllint.output import FileReport, renderer
from kqllint.script import parse_script
from test_properties import command_meaning, outside_commands


def check_lint(text: str) -> list[Diagnostic]:
    """Linting returns findings whose spans (and fix edits) lie within the text; they render."""
    found = lint_text(text)
    for d in found:
        assert 0 <= d.span.start <= d.span.end <= len(text), f"{d.code} span {d.span} outside 0..{len(text)}"
        for edit in d.fix.edits if d.fix else ():
            assert 0 <= edit.span.start <= edit.span.end <= len(text), f"{d.code} edit {edit.span} outside"
    for name in ("full", "json"):
        renderer(name)([FileReport("fuzz.kql", text, found)], False)
    return found


def check_format(text: str) -> str:
    """Formatting is idempotent, changes no byte outside the modelled commands, keeps each
    command's meaning, never refuses as a formatter bug (F002, F003), and leaves a file with
    errors alone."""
    result = format_text(text)
    assert result.changed == (result.text != text)
    codes = [d.code for d in result.diagnostics]
    assert not {"F002", "F003"} & set(codes), f"the formatter refused its own output: {result.diagnostics}"
    if "F001" in codes:
        assert result.text == text, "a blocked file came back changed"
        return text
    again = format_text(result.text)
    assert again.text == result.text, "not idempotent"
    before, after = parse_script(text), parse_script(result.text)
    assert outside_commands(before) == outside_commands(after), "a byte outside the commands changed"
    assert len(before.commands) == len(after.commands), "the number of commands changed"
    for old, new in zip(before.commands, after.commands):
        assert command_meaning(text, old) == command_meaning(result.text, new), "a command's meaning changed"
    return result.text


def check_fix(text: str) -> None:
    """`--fix` (with the unsafe fixes too) ends, and what it reports is what remains."""
    outcome = fix_text(text, unsafe=True)
    assert outcome.remaining == lint_text(outcome.text), "the reported findings are not the fixed text's"
