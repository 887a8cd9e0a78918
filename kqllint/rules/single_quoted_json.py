r"""Reports JSON strings written in single quotes in the policy payload.

## What it does
Flags a payload whose JSON uses `'ObjectId'` instead of `"ObjectId"`, once per command, at the
first single-quoted string.

## Why is this bad?
Single-quoted strings are not JSON; Json.NET, the service's reader, accepts them, and one of
the docs' own examples is written that way (`"[ { 'ObjectId' : '...', 'AllowedUsages' :
'NativeIngestion' }]"`), so the command works. Other JSON tools reject the payload, though, and
double quotes inside a triple-backtick literal need no escaping at all.

**Decision**: accepted by the service and used by the docs, so this is style only and never
more than `info`.

## Example
````kusto
.alter database db policy managed_identity "[ { 'ObjectId' : 'aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb', 'AllowedUsages' : 'NativeIngestion' }]"
````

## Use instead
````kusto
.alter database db policy managed_identity ```[ { "ObjectId" : "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages" : "NativeIngestion" }]```
````

## Fix safety
The fix is **safe**: every JSON string keeps its value. It writes each single-quoted string in
double quotes and, as `kqllint format` does, moves a quoted or verbatim payload into a
```` ``` ```` literal, where double quotes need no escaping (`"[{\"ObjectId\": …}]"` is hard to
read). A payload a fenced literal cannot hold (one with ```` ``` ```` or a control character in
it), an obfuscated `h` literal and a fenced one are edited in place: the new quotes are escaped
as the literal needs (`\"` inside `"..."`, `""` inside `@"..."`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from kqllint.diagnostic import Edit, Fix, Severity
from kqllint.model import Command, LiteralKind, Payload, StringLiteral
from kqllint.payload import json_string
from kqllint.rules._policy import encode
from kqllint.rules._rule import Context, Finding

CODE = "J006"
NAME = "single-quoted-json"
SEVERITY = Severity.INFO
READS_PAYLOAD = True
FIXABLE = True
_FENCE = "```"
# What a fenced literal cannot hold, or should not: it has no escapes, and a line break that
# came from a `\n` escape would change the file's lines.
_NOT_FENCEABLE = re.compile(r"```|`\Z|[\x00-\x08\x0a-\x1f\ud800-\udfff]")


def check_command(command: Command, context: Context) -> Iterator[Finding]:
    payload = command.payload
    if payload is None or not payload.single_quoted:
        return
    fix = _fenced(payload) or _in_place(payload)
    count = len(payload.single_quoted)
    yield Finding(
        payload.single_quoted[0].span,
        f"{count} JSON strings in single quotes" if count > 1 else "JSON string in single quotes",
        help="JSON strings take double quotes",
        fix=fix,
    )


def _fenced(payload: Payload) -> Fix | None:
    """The payload moved into a fenced literal with every string in double quotes; None when
    the literal is fenced or obfuscated already, or a fence cannot hold the text."""
    literal = payload.literal
    if literal.obfuscated or literal.kind in (LiteralKind.BACKTICK, LiteralKind.TILDE):
        return None
    text, parts, last = literal.value, [], 0
    for s in payload.single_quoted:  # in the order they were read: by position
        start, end = _index(literal, s.span.start), _index(literal, s.span.end)
        parts += [text[last:start], json_string(s.value)]
        last = end
    body = "".join(parts) + text[last:]
    if _NOT_FENCEABLE.search(body):
        return None
    return Fix("use double quotes, in a ```fenced``` literal", (Edit(literal.span, _FENCE + body + _FENCE),))


def _index(literal: StringLiteral, offset: int) -> int:
    """The index in the literal's value of the character at file `offset`."""
    if literal.offsets is None:
        return offset - literal.value_start
    return bisect.bisect_left(literal.offsets, offset)


def _in_place(payload: Payload) -> Fix | None:
    """Each single-quoted string rewritten where it is, escaped as the literal needs."""
    edits = []
    for s in payload.single_quoted:
        content = encode(json_string(s.value), payload.literal)
        if content is None:
            return None
        edits.append(Edit(s.span, content))
    return Fix("use double quotes", tuple(edits))
