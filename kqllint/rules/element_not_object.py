"""Reports an element of the policy array that is not a policy object.

## What it does
Flags every element of the payload's array that is not a JSON object: a string, a number,
`null`, `true`/`false` or a nested array.

## Why is this bad?
Each element of a policy that is an array of objects (ManagedIdentity, update, callout,
sandbox, extent tags retention) must be an object: ManagedIdentity's with `ObjectId` and
`AllowedUsages`, update's with `Source` and `Query`. The service cannot read anything else as a policy object and rejects the
command. A nested array (`[[{...}]]`) or a bare GUID string are the usual slips.

## Example
````kusto
.alter cluster policy managed_identity ```["aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb"]```
````

## Use instead
````kusto
.alter cluster policy managed_identity ```
[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "All" }]```
````

## Fix safety
There is no fix: what the element should have been is not known.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Severity, Span
from kqllint.model import Command, JsonArray, JsonObject
from kqllint.rules._policy import describe
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import ARRAY_OF_OBJECTS_KINDS

CODE = "J003"
NAME = "element-not-object"
SEVERITY = Severity.ERROR
KINDS = ARRAY_OF_OBJECTS_KINDS
READS_PAYLOAD = True


def check_command(command: Command, context: Context) -> Iterator[Finding]:
    root = command.payload.value if command.payload else None
    array = root if isinstance(root, JsonArray) else None
    for item in array.items if array else ():
        if isinstance(item, JsonObject):
            continue
        span = Span(item.span.start, item.span.start + 1) if isinstance(item, JsonArray) else item.span
        help = "remove the extra `[...]` around the objects" if isinstance(item, JsonArray) else None
        yield Finding(span, f"policy array element is {describe(item)}, not a policy object", help=help)
