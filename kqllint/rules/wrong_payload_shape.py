"""Reports a policy payload of another JSON shape than its kind takes.

## What it does
Flags a payload that is valid JSON but not the shape the policy kind's docs give it: a lone
object where an array of policy objects belongs (ManagedIdentity, update, extent tags
retention), an array where one object belongs (retention, caching, merge, partitioning, ...),
or a string, number, `true`, `false` or `null` for either.

## Why is this bad?
The service reads the payload into the kind's policy type: an object does not read as a list of
policy objects, nor a list as one policy, and the command is rejected. A lone object is what
`.show` output sometimes looks like, pasted back into an `.alter`.

**Decision**: an error: the service rejects the command.

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
Wrapping a lone object in `[...]`, or unwrapping the one object of an array, is **unsafe**: it
turns a command that fails into one that sets (with `.alter`: replaces) the policy, which
deserves a review.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Applicability, Edit, Fix, Severity, Span
from kqllint.model import Command, JsonArray, JsonObject, JsonValue
from kqllint.rules._generic import span_of
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import View

CODE = "J002"
NAME = "wrong-payload-shape"
SEVERITY = Severity.ERROR
FIXABLE = True
READS_PAYLOAD = True
CHECK = "wrong-shape"  # the registry validator's check (kqllint/policies/problem.py)


def _fix(node: JsonValue) -> Fix | None:
    start, end = node.span.start, node.span.end
    if isinstance(node, JsonObject):
        edits = (Edit(Span(start, start), "["), Edit(Span(end, end), "]"))
        return Fix("wrap the object in `[...]`", edits, Applicability.UNSAFE)
    if isinstance(node, JsonArray) and len(node.items) == 1 and isinstance(node.items[0], JsonObject):
        inner = node.items[0].span
        edits = (Edit(Span(start, inner.start), ""), Edit(Span(inner.end, end), ""))
        return Fix("write the object without the `[...]` around it", edits, Applicability.UNSAFE)
    return None


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    for p, node in view.located(CHECK):
        if not p.path:  # a container inside the payload is `wrong-value-type` (P103)
            span = span_of(node, p) if isinstance(node, (JsonObject, JsonArray)) else node.span  # type: ignore[union-attr]
            yield Finding(span, p.message, p.help, _fix(node))  # type: ignore[arg-type]
