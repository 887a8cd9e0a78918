"""Reports a policy payload whose JSON value is not an array.

## What it does
Flags a payload that is valid JSON but not an array: a single policy object, a string, a
number, `true`, `false` or `null`.

## Why is this bad?
The ManagedIdentity policy is a JSON array of zero or more objects. A lone object, written
as `.show` output sometimes looks, is rejected by the service and the policy is not set.

## Example
````kusto
.alter database db policy managed_identity ```
{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion" }```
````

## Use instead
````kusto
.alter database db policy managed_identity ```
[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion" }]```
````

## Fix safety
Wrapping a lone object in `[...]` is **unsafe**: it turns a command that fails into one that
sets (with `.alter`: replaces) the policy, which deserves a review.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Applicability, Edit, Fix, Severity, Span
from kqllint.model import Command, JsonArray, JsonObject
from kqllint.rules._policy import describe, head_span
from kqllint.rules._rule import Context, Finding

CODE = "J002"
NAME = "payload-not-array"
SEVERITY = Severity.ERROR
FIXABLE = True


def check_command(command: Command, context: Context) -> Iterator[Finding]:
    value = command.payload.value if command.payload else None
    if value is None or isinstance(value, JsonArray):
        return
    message = f"the policy payload is {describe(value)}, not a JSON array of policy objects"
    if not isinstance(value, JsonObject):
        yield Finding(value.span, message)
        return
    start, end = value.span.start, value.span.end
    edits = (Edit(Span(start, start), "["), Edit(Span(end, end), "]"))
    fix = Fix("wrap the object in `[...]`", edits, Applicability.UNSAFE)
    yield Finding(head_span(value), message, help="wrap the object in `[...]`", fix=fix)
