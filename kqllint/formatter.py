"""The formatter: the canonical layout of policy commands, from the registry's schemas, checked as
black does."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from kqllint.diagnostic import Diagnostic, Severity, Span
from kqllint.gcpause import paused
from kqllint.model import (
    Argument,
    BadStatement,
    Command,
    JsonArray,
    JsonMember,
    JsonObject,
    JsonString,
    JsonValue,
    NameQuoting,
    Name,
    Opaque,
    Script,
)
from kqllint.payload import json_string
from kqllint.policies import KINDS_BY_NAME
from kqllint.policies.commands import Verb as PolicyVerb
from kqllint.policies.schema import COMMA_LIST, ArrayType, ObjectType, PayloadShape, PolicyKind, Property, Type
from kqllint.rules import RULES_BY_CODE
from kqllint.rules._rule import Finding
from kqllint.script import parse_script, script_dotless_verbs

_FENCE = "```"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
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
    blockers = _blockers(script)
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


@dataclass(frozen=True, slots=True)
class _Blocker:
    """An error that stops the formatter: where, its code and its message."""

    span: Span
    code: str
    message: str


def _blockers(script: Script) -> list[_Blocker]:
    """What keeps the file from being formatted, read off the parse: every syntax problem that
    is an error, a verb written without its `.`, and a JSON payload that is unreadable or not of
    the shape its kind takes (an object where an array belongs, the reverse, or an array item
    that is not an object where the kind's items are objects)."""
    found = [_Blocker(verb.span, "S013", f"`{verb.text}` without its `.`") for verb in script_dotless_verbs(script)]
    for statement in script.statements:
        if isinstance(statement, Opaque):
            continue
        for p in statement.problems:
            if RULES_BY_CODE[p.code].severity is Severity.ERROR:
                found.append(_Blocker(p.span, p.code, p.message))
        if isinstance(statement, Command) and not statement.broken:
            found.extend(_payload_blockers(statement))
    found.sort(key=lambda b: (b.span.start, b.code))
    return found


def _payload_blockers(command: Command) -> Iterator[_Blocker]:
    kind = _kind(command)
    payload = command.payload
    shape = _json_shape(kind, command) if kind is not None else None
    if payload is None or shape is None:
        return
    if payload.error is not None:
        yield _Blocker(payload.error.span, "J001", payload.error.message)
        return
    value = payload.value
    want = JsonArray if shape is PayloadShape.JSON_ARRAY else JsonObject
    if not isinstance(value, want):
        expected = "a JSON array" if want is JsonArray else "a JSON object"
        yield _Blocker(value.span, "J002", f"the `{kind.name}` policy payload must be {expected}")
        return
    schema = kind.payload
    if isinstance(value, JsonArray) and isinstance(schema, ArrayType) and isinstance(schema.item, ObjectType):
        for item in value.items:
            if not isinstance(item, JsonObject):
                yield _Blocker(item.span, "J003", "a policy array element is not a policy object")


def _blocked(blockers: list[_Blocker]) -> Diagnostic:
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
    text = script.text
    commands = script.commands
    regions = [_region(text, c, c.span.start in split or c.head_has_comment) for c in commands]
    newline = _newline(text, [r for r in regions if r is not None])
    indent = " " * options.indent_width
    changes = []
    for index, (command, region) in enumerate(zip(commands, regions)):
        if command.broken or region is None:
            continue
        new = _canonical(text, command, region, newline, indent)
        if new is not None and new != text[region.start : region.end]:
            changes.append(_Change(index, region, new))
    return changes


def _region(text: str, command: Command, keep_head: bool) -> Span | None:
    """What the formatter rewrites: the command from its `.` to its last argument (a closing
    `)` included), or only the literal when the head holds a comment or a blank line (a blank
    line splits the request: not layout). A `| query` tail, a `<| body` and the spaces before
    them stay as written."""
    literal = command.argument
    if keep_head:
        return literal.span if literal is not None else None
    if command.kind is None:
        return None
    end = command.kind.span.end
    for argument in (*command.arguments, *command.with_options):
        end = max(end, argument.span.end)
    if literal is not None:
        end = max(end, literal.span.end)
    if command.body is None:
        limit = command.tail.start if command.tail is not None else command.span.end
        rest = text[end:limit]
        if rest.strip(_CLOSERS) == "":
            end += len(rest.rstrip())
    return Span(command.span.start, end)


_CLOSERS = " \t\r\n)"


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


def _atoms(command: Command, text: str, newline: str, indent: str) -> list[tuple[Span, str]]:
    """The words of the command in order, each with its canonical text: verb, entity keywords
    and names, `policy`, the kind, then the literal or the keyword form's names and values."""
    assert command.kind is not None
    words = [w for w in (command.verb, *command.entity_words, command.policy, command.kind) if w is not None]
    atoms = [(w.span, w.text) for w in words] + [(n.span, _name(n)) for n in command.names]
    # In text order: a workload group's name comes after its kind word (no `policy` word).
    atoms.sort(key=lambda a: a[0].start)
    if command.argument is not None:
        atoms.append((command.argument.span, _literal(text, command, newline, indent) or ""))
    arguments = (*command.arguments, *command.with_options)
    for argument in arguments:
        if argument.name is not None:
            atoms.append((argument.name.span, argument.name.text))
        if argument.value.text:
            atoms.append((argument.value.span, _value(argument.value.text)))
    if command.with_options and (command.arguments or command.argument is not None):
        atoms.sort(key=lambda a: a[0].start)  # `enable with (…) "query"`: the options come between
    return atoms


def _name(name: Name) -> str:
    """A name as written; only the spaces just inside `['…']`/`["…"]` go."""
    if name.quoting in (NameQuoting.BRACKET_SINGLE, NameQuoting.BRACKET_DOUBLE):
        return f"[{name.text[1:-1].strip()}]"
    return name.text


_RANGE = re.compile(r"\s*\.\.\s*")


def _value(text: str) -> str:
    """A keyword value as written, but `a .. b` with one space each side of the `..` (only
    outside parentheses and string literals: `datetime(…)` and `'…'` stay as written)."""
    if ".." not in text or _LITERAL.match(text):
        return text
    depth, out, i = 0, [], 0
    while i < len(text):
        ch = text[i]
        if depth == 0 and (m := _RANGE.match(text, i)):
            out.append(" .. ")
            i = m.end()
            continue
        depth += (ch == "(") - (ch == ")")
        out.append(ch)
        i += 1
    return "".join(out)


_LITERAL = re.compile(r"[hH]?@?(?:['\"]|```|~~~)")
# The punctuation between a command's words: `.` of the verb and of `db.T`, the parentheses
# of `tables (…)`, `(C asc)` and `with (…)`, `,` and `=`; and words the model keeps no span
# of (`with`).
_GLUE = re.compile(r"\s+|<\||[.(),=]|[^\s.(),=]+")


def _canonical(text: str, command: Command, region: Span, newline: str, indent: str) -> str | None:
    """The canonical text of `region`: its atoms (`_atoms`) and the punctuation and words
    between them, joined by `_join`; None to leave it as written (a comment between them)."""
    if command.argument is not None and region == command.argument.span:
        return _literal(text, command, newline, indent) or ""
    tokens: list[str] = []
    last = region.start
    for span, atom in _atoms(command, text, newline, indent) + [(Span(region.end, region.end), "")]:
        if span.start > last:
            glue = text[last : span.start]
            if not glue.isspace():
                if "//" in glue:
                    return None
                tokens.extend(t for t in _GLUE.findall(glue) if not t.isspace())
        if atom:
            tokens.append(atom)
        last = max(last, span.end)
    return _join(tokens)


def _join(tokens: list[str]) -> str:
    """The tokens with canonical spacing: none after `.` and `(`, none before `.`, `,` and `)`,
    one space everywhere else (`hot = 7d, hot_window = …`, `tables (A, B)`, `with (k = v)`)."""
    out = tokens[:1]
    for prev, token in zip(tokens, tokens[1:]):
        if not (prev in (".", "(") or token in (".", ",", ")")):
            out.append(" ")
        out.append(token)
    return "".join(out)


def _literal(text: str, command: Command, newline: str, indent: str) -> str | None:
    """The payload literal in canonical form; as written when it is obfuscated, when its kind
    takes no JSON (a string the docs do not describe), or when the JSON cannot live in a fenced
    literal."""
    literal = command.argument
    if literal is None:
        return None
    written = text[literal.span.start : literal.span.end]
    value = command.payload.value if command.payload is not None else None
    kind = _kind(command)
    if literal.obfuscated or value is None or kind is None or _json_shape(kind, command) is None:
        return written
    body = "".join(_render(value, kind.payload, newline, indent))
    if _FENCE in body:
        return written
    if isinstance(value, (JsonArray, JsonObject)) and body in ("[]", "{}"):
        return f"{_FENCE}{body}{_FENCE}"
    return f"{_FENCE}{newline}{body}{newline}{_FENCE}"


def _kind(command: Command) -> PolicyKind | None:
    """The registry's kind of `command` (its keyword in any case: case is a finding, not layout)."""
    word = command.kind
    if word is None:
        return None
    return KINDS_BY_NAME.get(word.text) or KINDS_BY_NAME.get(word.text.lower())


def _json_shape(kind: PolicyKind, command: Command) -> PayloadShape | None:
    """The JSON shape the command's verb takes for `kind`: None when it takes no JSON."""
    key = (kind.name, command.verb_kind.value)
    if key not in _SHAPE_OF:
        shapes = [s for s in kind.shapes(PolicyVerb(command.verb_kind.value)) if s in _JSON_SHAPES]
        _SHAPE_OF[key] = shapes[0] if shapes else None
    return _SHAPE_OF[key]


# The registry's kinds live as long as the process: what each verb takes is worked out once.
_SHAPE_OF: dict[tuple[str, str], PayloadShape | None] = {}
_JSON_SHAPES = (PayloadShape.JSON_OBJECT, PayloadShape.JSON_ARRAY)


def _render(value: JsonValue, schema: Type | None, newline: str, indent: str, level: int = 0) -> Iterator[str]:
    """The JSON text of `value`: one item a line; an object's keys in its schema's order."""
    # Recursion is bounded: the payload reader stops at MAX_DEPTH (64) levels.
    if isinstance(value, JsonArray):
        item = schema.item if isinstance(schema, ArrayType) else None
        parts = [_render(v, item, newline, indent, level + 1) for v in value.items]
        yield from _block("[", "]", parts, newline, indent, level)
    elif isinstance(value, JsonObject):
        fields = schema if isinstance(schema, ObjectType) else None
        parts = [_member(m, p, newline, indent, level) for m, p in _ordered(value, fields)]
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


def _member(member: JsonMember, prop: Property | None, newline: str, indent: str, level: int) -> Iterator[str]:
    yield json_string(member.key.value) + ": "
    if prop is not None and prop.layout == COMMA_LIST and isinstance(member.value, JsonString):
        yield json_string(_comma_list(member.value.value))
    else:
        yield from _render(member.value, prop.type if prop is not None else None, newline, indent, level + 1)


def _ordered(obj: JsonObject, schema: ObjectType | None) -> list[tuple[JsonMember, Property | None]]:
    """The members with their properties: the documented input properties in the schema's order
    (names compared ignoring case, as Json.NET binds them), then the others (service-filled,
    unknown) in their original order. A stable sort: duplicate keys keep their order, so the one
    a JSON reader keeps is the same."""
    if schema is None:
        return [(m, None) for m in obj.members]
    ranks, by_name = _ranks(schema), schema.by_name
    last = len(ranks)
    found, ordered, previous = [], True, 0
    for m in obj.members:
        low = m.key.value.lower()
        rank = ranks.get(low, last)
        ordered, previous = ordered and rank >= previous, rank
        found.append((rank, m, by_name.get(low)))
    if not ordered:
        found.sort(key=_first)
    return [(m, p) for _, m, p in found]


def _first(item: tuple) -> int:
    return item[0]


_RANKS: dict[int, dict[str, int]] = {}


def _ranks(schema: ObjectType) -> dict[str, int]:
    """Where each input property of `schema` goes, by lowercase name (kept per schema object:
    the registry's schemas live as long as the process)."""
    ranks = _RANKS.get(id(schema))
    if ranks is None:
        inputs = [p for p in schema.properties if not p.output]
        ranks = _RANKS[id(schema)] = {p.name.lower(): i for i, p in enumerate(inputs)}
    return ranks


def _comma_list(value: str) -> str:
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
    """What formatting must keep: the words as written, the entity and its names, the tail and
    body, the keyword form's names and values, and the payload's JSON values (objects as
    key/value lists in canonical order, a comma list as its trimmed items)."""
    words = tuple(w.text if w is not None else None for w in (command.verb, command.policy, command.kind))
    words += tuple(w.text for w in command.entity_words)
    names = tuple((n.value, n.quoting) for n in command.names)
    db = command.database
    tail = text[command.tail.start : command.tail.end] if command.tail is not None else None
    body = text[command.body.start : command.body.end] if command.body is not None else None
    arguments = tuple(_argument_meaning(a) for a in command.arguments)
    options = tuple(_argument_meaning(a) for a in command.with_options)
    return (
        words, command.entity, names, None if db is None else (db.value, db.quoting), tail, body, arguments,
        options, command.problems, _payload_meaning(command),
    )  # fmt: skip


_AROUND_RANGE = re.compile(r"\s*\.\.\s*")


def _argument_meaning(argument: Argument) -> tuple[str | None, str]:
    """A keyword argument's name and value as written; spaces in the value count only inside
    parentheses and string literals."""
    value = argument.value.text
    if not _LITERAL.match(value):
        value = _AROUND_RANGE.sub("..", value)
    return (argument.name.text if argument.name is not None else None, value)


def _payload_meaning(command: Command) -> object:
    literal = command.argument
    if literal is None:
        return None
    value = command.payload.value if command.payload is not None else None
    kind = _kind(command)
    if literal.obfuscated or value is None or kind is None or _json_shape(kind, command) is None:
        return (literal.kind, literal.obfuscated, literal.value)
    return _json_meaning(value, kind.payload)


def _json_meaning(value: JsonValue, schema: Type | None) -> object:
    """A JSON value as a reader sees it: strings decoded, numbers and constants as written,
    objects as key/value lists in canonical order, comma lists as their trimmed items."""
    if isinstance(value, JsonArray):
        item = schema.item if isinstance(schema, ArrayType) else None
        return ("array", tuple([_json_meaning(v, item) for v in value.items]))
    if isinstance(value, JsonObject):
        fields = schema if isinstance(schema, ObjectType) else None
        return ("object", tuple([(m.key.value, _member_meaning(m, p)) for m, p in _ordered(value, fields)]))
    if isinstance(value, JsonString):
        return ("string", value.value)
    return (type(value).__name__, value.text)


def _member_meaning(member: JsonMember, prop: Property | None) -> object:
    if prop is not None and prop.layout == COMMA_LIST and isinstance(member.value, JsonString):
        return ("items", tuple(item.strip() for item in member.value.value.split(",")))
    return _json_meaning(member.value, prop.type if prop is not None else None)
