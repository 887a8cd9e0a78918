"""The formatter: the canonical layout of the ManagedIdentity commands, checked as black does."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from kqllint.config import Config
from kqllint.diagnostic import Diagnostic, Severity, Span
from kqllint.gcpause import paused
from kqllint.linter import lint_script
from kqllint.model import (
    BadStatement,
    Command,
    JsonArray,
    JsonMember,
    JsonObject,
    JsonString,
    JsonValue,
    NameQuoting,
    Opaque,
    Script,
)
from kqllint.payload import json_string
from kqllint.rules import RULES_BY_CODE
from kqllint.rules._rule import Finding
from kqllint.script import parse_script

_FENCE = "```"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# The rules whose errors stop the formatter: syntax, and payloads that are not a JSON array.
_BLOCKING = Config(select=("S", "J001", "J002", "J003"))
_ATTEMPTS = 3


@dataclass(frozen=True, slots=True)
class FormatOptions:
    """The formatter's few options; the point is one form."""

    indent_width: int = 2

    def __post_init__(self) -> None:
        if not 1 <= self.indent_width <= 8:
            raise ValueError(f"indent_width must be 1 to 8, not {self.indent_width}")


@dataclass(frozen=True, slots=True)
class FormatResult:
    """The formatted text, what the formatter refused to change and why, and whether it changed."""

    text: str
    diagnostics: tuple[Diagnostic, ...] = ()
    changed: bool = False


@dataclass(frozen=True, slots=True)
class _Change:
    """Replace `span` of the text with `text`: the canonical form of command number `index`."""

    index: int
    span: Span
    text: str


def format_text(text: str, options: FormatOptions | None = None) -> FormatResult:
    """The canonical form of `text`; only modelled commands change, and only their layout."""
    with paused():  # the model is acyclic: see kqllint/gcpause.py
        return _format(text, options or FormatOptions())


def _format(text: str, options: FormatOptions) -> FormatResult:
    script = parse_script(text)
    blockers = _blocking_errors(script)
    if blockers:
        return FormatResult(text, (_blocked(blockers),), False)
    changes = {c.index: c for c in _plan(script, options)}
    refused: dict[int, str] = {}
    for _ in range(_ATTEMPTS):
        out = _apply(text, changes.values())
        failed = _verify(script, out, changes, refused, options)
        if not failed:
            return FormatResult(out, _refusals(script, refused), out != text)
        refused.update(failed)
        for index in failed:
            changes.pop(index, None)
    refused.update({i: "F003" for i in changes})
    return FormatResult(text, _refusals(script, refused), False)


# ---- refusals ---------------------------------------------------------------------------


def _blocking_errors(script: Script) -> list[Diagnostic]:
    return [d for d in lint_script(script, config=_BLOCKING) if d.severity is Severity.ERROR]


def _blocked(blockers: list[Diagnostic]) -> Diagnostic:
    first = blockers[0]
    count = len(blockers)
    what = f"{count} syntax or payload JSON error{'s' * (count != 1)}"
    return RULES_BY_CODE["F001"].diagnostic(
        Finding(
            first.span,
            f"{what} in the file, so nothing in it is formatted (first: {first.code} {first.message})",
            help="fix the errors first (`kqllint check` lists them); the formatter never writes a broken file",
        )
    )


def _refusals(script: Script, refused: dict[int, str]) -> tuple[Diagnostic, ...]:
    return tuple(_refused(code, script.commands[i]) for i, code in sorted(refused.items()))


def _refused(code: str, command: Command) -> Diagnostic:
    span = Span(command.span.start, command.verb.span.end)
    if code == "F002":
        message = "command left as written: its formatted form did not read back as the same command"
    else:
        message = "command left as written: formatting it twice did not give the same text"
    help = "this is a bug in kqllint's formatter; please report it with the command"
    return RULES_BY_CODE[code].diagnostic(Finding(span, message, help))


# ---- the canonical form ---------------------------------------------------------------


def _plan(script: Script, options: FormatOptions) -> list[_Change]:
    """The changes that put every modelled command in canonical form."""
    split = {s.command.span.start for s in script.blank_splits}
    commands = script.commands
    regions = [_region(c, c.span.start in split or c.head_has_comment) for c in commands]
    newline = _newline(script.text, [r for r in regions if r is not None])
    indent = " " * options.indent_width
    changes = []
    for index, (command, region) in enumerate(zip(commands, regions)):
        if command.broken or region is None or (command.kind is not None and command.kind.text.lower() != "managed_identity"):
            continue  # other kinds are left as written until the format branch of issue 12 lands
        new = _canonical(script.text, command, region, newline, indent)
        if new != script.text[region.start : region.end]:
            changes.append(_Change(index, region, new))
    return changes


def _region(command: Command, keep_head: bool) -> Span | None:
    """What the formatter rewrites: the head and the literal, or only the literal when the head
    holds a comment or a blank line (a blank line splits the request: not layout)."""
    literal = command.argument
    if keep_head:
        return literal.span if literal is not None else None
    if command.kind is None:
        return None
    return Span(command.span.start, literal.span.end if literal is not None else command.kind.span.end)


def _newline(text: str, regions: list[Span]) -> str:
    """The file's first line ending outside the text the formatter rewrites (so a second pass
    finds the same one), else its first line ending at all, else `\\n`."""
    start = 0
    for region in regions + [Span(len(text), len(text))]:
        m = _LINE_BREAK.search(text, start, region.start)
        if m:
            return m.group()
        start = max(start, region.end)
    m = _LINE_BREAK.search(text)
    return m.group() if m else "\n"


def _canonical(text: str, command: Command, region: Span, newline: str, indent: str) -> str:
    literal = _literal(text, command, newline, indent)
    if command.argument is not None and region == command.argument.span:
        return literal or ""
    head = _head(command)
    return head if literal is None else f"{head} {literal}"


def _head(command: Command) -> str:
    assert command.scope is not None and command.policy is not None and command.kind is not None
    words = ["." + command.verb.text, command.scope.text]
    db = command.database
    if db is not None:
        bracketed = db.quoting in (NameQuoting.BRACKET_SINGLE, NameQuoting.BRACKET_DOUBLE)
        words.append(f"[{db.text[1:-1].strip()}]" if bracketed else db.text)
    return " ".join(words + [command.policy.text, command.kind.text])


def _literal(text: str, command: Command, newline: str, indent: str) -> str | None:
    """The payload literal in canonical form; as written when it is obfuscated or the JSON
    cannot live in a fenced literal."""
    literal = command.argument
    if literal is None:
        return None
    written = text[literal.span.start : literal.span.end]
    value = command.payload.value if command.payload is not None else None
    if literal.obfuscated or value is None:
        return written
    body = "".join(_render(value, newline, indent))
    if _FENCE in body:
        return written
    return f"{_FENCE}{body}{_FENCE}" if body == "[]" else f"{_FENCE}{newline}{body}{newline}{_FENCE}"


def _render(value: JsonValue, newline: str, indent: str, level: int = 0, policy: bool = False) -> Iterator[str]:
    """The JSON text of `value`: one item a line; a policy object's keys in canonical order."""
    # Recursion is bounded: the payload reader stops at MAX_DEPTH (64) levels.
    if isinstance(value, JsonArray):
        parts = [_render(item, newline, indent, level + 1, policy=level == 0) for item in value.items]
        yield from _block("[", "]", parts, newline, indent, level)
    elif isinstance(value, JsonObject):
        members = _ordered(value) if policy else value.members
        parts = [_member(m, newline, indent, level, policy) for m in members]
        yield from _block("{", "}", parts, newline, indent, level)
    elif isinstance(value, JsonString):
        yield json_string(value.value)
    else:
        yield value.text


def _block(opener: str, closer: str, parts: list[Iterator[str]], newline: str, indent: str,
           level: int) -> Iterator[str]:  # fmt: skip
    if not parts:
        yield opener + closer
        return
    yield opener
    for i, part in enumerate(parts):
        yield ("," if i else "") + newline + indent * (level + 1)
        yield from part
    yield newline + indent * level + closer


def _member(member: JsonMember, newline: str, indent: str, level: int, policy: bool) -> Iterator[str]:
    yield json_string(member.key.value) + ": "
    if policy and _rank(member.key.value) == 1 and isinstance(member.value, JsonString):
        yield json_string(_usages(member.value.value))
    else:
        yield from _render(member.value, newline, indent, level + 1)


def _rank(key: str) -> int:
    """Where a policy object's key goes: `ObjectId`, `AllowedUsages`, then the rest (any case,
    as Json.NET binds them)."""
    return {"objectid": 0, "allowedusages": 1}.get(key.lower(), 2)


def _ordered(obj: JsonObject) -> tuple[JsonMember, ...]:
    # A stable sort: duplicate keys keep their order, so the one a JSON reader keeps is the same.
    return tuple(sorted(obj.members, key=lambda m: _rank(m.key.value)))


def _usages(value: str) -> str:
    return ", ".join(item.strip() for item in value.split(","))


# ---- the safety checks ------------------------------------------------------------------


def _apply(text: str, changes: Iterable[_Change]) -> str:
    out, last = [], 0
    for change in sorted(changes, key=lambda c: c.span.start):
        out.append(text[last : change.span.start])
        out.append(change.text)
        last = change.span.end
    out.append(text[last:])
    return "".join(out)


def _verify(script: Script, out: str, changes: dict[int, _Change], refused: dict[int, str],
            options: FormatOptions) -> dict[int, str]:  # fmt: skip
    """The commands whose change fails a check: F002 (meaning) or F003 (a second pass changes
    it); commands already refused are left as written and not checked again."""
    if not changes:
        return {}
    again = parse_script(out)
    if not _aligned(script, again):
        return {i: "F002" for i in changes}
    failed = {
        i: "F002"
        for i, (old, new) in enumerate(zip(script.commands, again.commands))
        if i in changes and meaning(script.text, old) != meaning(out, new)
    }
    for change in _plan(again, options):
        if change.index not in failed and change.index not in refused:
            failed[change.index] = "F003"
    return failed


def _aligned(script: Script, again: Script) -> bool:
    """The same statements in the same order, every statement but the commands byte for byte."""
    if len(script.statements) != len(again.statements) or len(script.comments) != len(again.comments):
        return False
    for old, new in zip(script.statements, again.statements):
        if type(old) is not type(new) or old.container is not new.container:
            return False
        if isinstance(old, (Opaque, BadStatement)):
            if script.text[old.span.start : old.span.end] != again.text[new.span.start : new.span.end]:
                return False
    return all(a.text == b.text for a, b in zip(script.comments, again.comments))


def meaning(text: str, command: Command) -> tuple:
    """What formatting must keep: the words as written, the database name, the tail, and the
    payload's JSON values (a policy object's keys in canonical order, usages as trimmed items)."""
    words = tuple(w.text if w is not None else None for w in (command.verb, command.scope, command.policy, command.kind))
    db = command.database
    tail = text[command.tail.start : command.tail.end] if command.tail is not None else None
    return (words, None if db is None else (db.value, db.quoting), tail, command.problems, _payload_meaning(command))


def _payload_meaning(command: Command) -> object:
    literal = command.argument
    if literal is None:
        return None
    value = command.payload.value if command.payload is not None else None
    if literal.obfuscated or value is None:
        return (literal.kind, literal.obfuscated, literal.value)
    return _json_meaning(value)


def _json_meaning(value: JsonValue, level: int = 0, policy: bool = False) -> object:
    if isinstance(value, JsonArray):
        return ("array", tuple(_json_meaning(v, level + 1, level == 0) for v in value.items))
    if isinstance(value, JsonObject):
        members = _ordered(value) if policy else value.members
        return ("object", tuple((m.key.value, _member_meaning(m, level, policy)) for m in members))
    if isinstance(value, JsonString):
        return ("string", value.value)
    return (type(value).__name__, value.text)


def _member_meaning(member: JsonMember, level: int, policy: bool) -> object:
    if policy and _rank(member.key.value) == 1 and isinstance(member.value, JsonString):
        return ("usages", tuple(item.strip() for item in member.value.value.split(",")))
    return _json_meaning(member.value, level + 1)
