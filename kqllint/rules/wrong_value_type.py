"""Reports a policy property whose value has the wrong JSON type.

## What it does
Flags `ObjectId` and `AllowedUsages` that are not JSON strings (a number, `null`, an array of
usages), `ClientId`, `TenantId` and `DisplayName` that are not strings, and `IsSystem` that is
not `true` or `false`. Property names are matched ignoring case, and when one is given twice
the last value (the one a JSON reader keeps) is checked.

## Why is this bad?
The service reads the policy object into typed properties; a value of another type fails to
bind and the command is rejected. `AllowedUsages` in particular is one string holding a
comma-separated list, not a JSON array: `"NativeIngestion, ExternalTable"`.

## Example
````kusto
.alter database db policy managed_identity ```
[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": ["NativeIngestion", "ExternalTable"] }]```
````

## Use instead
````kusto
.alter database db policy managed_identity ```
[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion, ExternalTable" }]```
````

## Fix safety
Joining an array of usage strings into one string with `", "` is **unsafe**: it turns a
command that fails into one that grants those usages, which deserves a review. No other value
is fixed.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Applicability, Edit, Fix, Severity, Span
from kqllint.model import Command, JsonArray, JsonConstant, JsonObject, JsonString, JsonValue, Payload
from kqllint.payload import json_string
from kqllint.rules._policy import (
    ALLOWED_USAGES,
    CANONICAL_PROPERTY,
    SERVICE_FILLED,
    describe,
    encode,
    policy,
)
from kqllint.rules._rule import Context, Finding

CODE = "P009"
NAME = "wrong-value-type"
SEVERITY = Severity.ERROR
FIXABLE = True


def _is_right_type(name: str, value: JsonValue) -> bool:
    if SERVICE_FILLED.get(name) is bool:
        return isinstance(value, JsonConstant) and isinstance(value.value, bool)
    return isinstance(value, JsonString)


def _joined(value: JsonValue, payload: Payload) -> tuple[str, Fix | None]:
    """The help and, for an array of strings, the fix that joins them into one string."""
    items = value.items if isinstance(value, JsonArray) else ()
    if not items or not all(isinstance(i, JsonString) for i in items):
        return "write the usages as one comma-separated string", None
    text = json_string(", ".join(i.value for i in items), items[0].quote)  # type: ignore[union-attr]
    content = encode(text, payload.literal)
    help = f"write the usages as one comma-separated string: `{text}`"
    if content is None:
        return help, None
    return help, Fix("join the usages into one string", (Edit(value.span, content),), Applicability.UNSAFE)


def check_command(command: Command, context: Context) -> Iterator[Finding]:
    for obj in policy(command).objects:
        for lowercase, m in obj.members.items():
            name = CANONICAL_PROPERTY.get(lowercase)
            if name is None or _is_right_type(name, m.value):
                continue
            value = m.value
            expected = "`true` or `false`" if SERVICE_FILLED.get(name) is bool else "a string"
            span = value.span
            if isinstance(value, (JsonArray, JsonObject)):
                span = Span(span.start, span.start + 1)
            help, fix = f"write {expected}", None
            if name == ALLOWED_USAGES:
                help, fix = _joined(value, command.payload)  # type: ignore[arg-type]
            yield Finding(span, f"`{name}` must be {expected}, found {describe(value)}", help=help, fix=fix)
