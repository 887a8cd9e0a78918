"""What must hold for any text at all, however broken: shared by tests/test_properties.py,
tests/test_mutations.py and tools/fuzz.py. Each check raises AssertionError with what went wrong."""

from __future__ import annotations

from kqllint import format_text, lint_text
from kqllint.diagnostic import Diagnostic
from kqllint.fixes import FixOutcome, fix_text
from kqllint.model import Command, JsonArray, JsonObject, JsonString, JsonValue, Script
from kqllint.output import FORMATS, FileReport, renderer
from kqllint.script import parse_script
from kqllint.writer import unified_diff


def encodes(what: str, text: str) -> None:
    """Everything kqllint prints or writes must encode to UTF-8: a lone surrogate (from a
    `\\ud83d` escape) that reaches an output is a traceback on the way out."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise AssertionError(f"{what} does not encode to UTF-8: {exc}") from None


def check_lint(text: str) -> list[Diagnostic]:
    """Linting returns findings whose spans (and fix edits) lie within the text; they render in
    every output format, and every report and every edit encodes to UTF-8."""
    found = lint_text(text)
    for d in found:
        assert 0 <= d.span.start <= d.span.end <= len(text), f"{d.code} span {d.span} outside 0..{len(text)}"
        for edit in d.fix.edits if d.fix else ():
            assert 0 <= edit.span.start <= edit.span.end <= len(text), f"{d.code} edit {edit.span} outside"
            encodes(f"{d.code}'s fix", edit.content)
    for name in FORMATS:
        encodes(f"the {name} report", renderer(name)([FileReport("fuzz.kql", text, found)], False))
    return found


def check_format(text: str) -> str:
    """Formatting is idempotent, changes no byte outside the modelled commands, keeps each
    command's meaning, never refuses as a formatter bug (F002, F003), and leaves a file with
    errors alone."""
    result = format_text(text)
    assert result.changed == (result.text != text)
    encodes("the formatted text", result.text)
    encodes("the format diff", unified_diff("fuzz.kql", text, result.text))
    encodes("the format report", renderer("full")([FileReport("fuzz.kql", text, list(result.diagnostics))], False))
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


def check_fix(text: str, unsafe: bool = True) -> FixOutcome:
    """`--fix` (by default with the unsafe fixes too) ends, what it reports is what remains, and
    the fixed text, its diff and its report encode to UTF-8."""
    outcome = fix_text(text, unsafe=unsafe)
    assert outcome.remaining == lint_text(outcome.text), "the reported findings are not the fixed text's"
    encodes("the fixed text", outcome.text)
    encodes("the fix diff", unified_diff("fuzz.kql", text, outcome.text))
    encodes("the report after fixing", renderer("json")([FileReport("fuzz.kql", outcome.text, outcome.remaining)], False))
    return outcome


# ---- what formatting must keep, written independently of the formatter -------------------


def outside_commands(script: Script) -> list[str]:
    """The text between (and around) the modelled commands."""
    pieces, last = [], 0
    for command in script.commands:
        pieces.append(script.text[last : command.span.start])
        last = command.span.end
    return pieces + [script.text[last:]]


def json_meaning(value: JsonValue | None) -> object:
    """JSON values as a reader sees them, written independently of the formatter: an object's
    members grouped by lowercased key (Json.NET binds keys ignoring case, and the formatter
    puts a policy's keys in its schema's order, so only the order within a group matters),
    `AllowedUsages` as its trimmed items."""
    if isinstance(value, JsonArray):
        return [json_meaning(v) for v in value.items]
    if isinstance(value, JsonObject):
        groups: dict[str, list] = {}
        for m in value.members:
            v = m.value
            if m.key.value.lower() == "allowedusages" and isinstance(v, JsonString):
                meaning: object = [u.strip() for u in v.value.split(",")]
            else:
                meaning = json_meaning(v)
            groups.setdefault(m.key.value.lower(), []).append((m.key.value, meaning))
        return groups
    if isinstance(value, JsonString):
        return ("s", value.value)
    return None if value is None else ("v", value.text)


def command_meaning(text: str, command: Command) -> tuple:
    words = [w.text if w else None for w in (command.verb, command.scope, command.policy, command.kind)]
    words += [w.text for w in command.entity_words]
    names = [(n.value, n.quoting) for n in command.names]
    db = command.database.value if command.database else None
    tail = text[command.tail.start : command.tail.end] if command.tail else None
    arguments = [
        (a.name.text if a.name else None, "".join(a.value.text.split()))
        for a in (*command.arguments, *command.with_options)
    ]
    literal = command.argument
    if literal is None:
        payload: object = None
    elif literal.obfuscated or command.payload is None or command.payload.value is None:
        payload = text[literal.span.start : literal.span.end]
    else:
        payload = json_meaning(command.payload.value)
    return words, names, db, tail, arguments, payload
