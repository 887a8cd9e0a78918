"""Reports a property given twice in one JSON object, exactly or in another case.

## What it does
Flags the second (and every later) occurrence of a property name in the same object, both
`"ObjectId"` twice and `"ObjectId"` beside `"objectId"`.

## Why is this bad?
JSON readers keep the last value and drop the others silently, so the command does something
else than the first value says; a reviewer reading from the top sees the wrong identity or
usages. Json.NET, the service's reader, binds property names ignoring case, so names that
differ only in case collide as well.

**Decision**: names equal ignoring case count as duplicates, because that is how the service
binds them. The policy rules use the last occurrence, as a JSON reader does.

## Example
````kusto
.alter database db policy managed_identity ```
[{
  "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb",
  "AllowedUsages": "NativeIngestion",
  "AllowedUsages": "ExternalTable"
}]```
````

## Use instead
````kusto
.alter database db policy managed_identity ```
[{
  "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb",
  "AllowedUsages": "NativeIngestion, ExternalTable"
}]```
````

## Fix safety
There is no fix: which of the values was meant is not known.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Severity
from kqllint.model import Command, JsonString
from kqllint.rules._policy import all_objects, content_span
from kqllint.rules._rule import Context, Finding

CODE = "J004"
NAME = "duplicate-key"
SEVERITY = Severity.WARNING
READS_PAYLOAD = True


def check_command(command: Command, context: Context) -> Iterator[Finding]:
    for obj in all_objects(command.payload.value if command.payload else None):
        if len({m.key.value.lower() for m in obj.members}) == len(obj.members):
            continue  # the quick way out for the usual object
        seen: dict[str, JsonString] = {}
        for m in obj.members:
            first = seen.setdefault(m.key.value.lower(), m.key)
            if first is m.key:
                continue
            how = "again"
            if first.value != m.key.value:
                how = f"again as `{m.key.value}` (names bind ignoring case)"
            yield Finding(
                content_span(m.key),
                f"property `{first.value}` is given {how}; only the last value is kept",
                help="keep one of them",
            )
