"""Reports JSON strings written in single quotes in the policy payload.

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
.alter database db policy managed_identity ```
[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion" }]```
````

## Fix safety
Rewriting every single-quoted string in double quotes is **safe**: each JSON string keeps its
value. The new quotes are escaped as the Kusto literal needs (`\"` inside `"..."`, `""` inside
`@"..."`). `kqllint format`, which also moves the payload into a fenced literal, does the same.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Edit, Fix, Severity
from kqllint.model import Command
from kqllint.rules._policy import encode, json_string
from kqllint.rules._rule import Context, Finding

CODE = "J006"
NAME = "single-quoted-json"
SEVERITY = Severity.INFO
FIXABLE = True


def check_command(command: Command, context: Context) -> Iterator[Finding]:
    payload = command.payload
    if payload is None or not payload.single_quoted:
        return
    edits = []
    for s in payload.single_quoted:
        content = encode(json_string(s.value), payload.literal)
        if content is None:
            edits = []
            break
        edits.append(Edit(s.span, content))
    count = len(payload.single_quoted)
    fix = Fix("use double quotes", tuple(edits)) if edits else None
    yield Finding(
        payload.single_quoted[0].span,
        f"{count} JSON strings in single quotes" if count > 1 else "JSON string in single quotes",
        help="JSON strings take double quotes",
        fix=fix,
    )
