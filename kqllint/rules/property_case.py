"""Reports a policy property name written in another case than the docs write it.

## What it does
Flags `objectId`, `OBJECTID`, `allowedusages`, `clientID` and every other spelling of a known
property name that differs from the documented one only in case.

## Why is this bad?
Json.NET, the service's reader, binds property names ignoring case, so the command most likely
works; but every doc and `.show` write `ObjectId` and `AllowedUsages`, other JSON tools match
names exactly, and a second spelling hides duplicates from a reader.

**Decision**: the docs are silent on case; kqllint warns and writes the documented name. The
policy rules still read the value under any case (an `objectId` that is not a GUID is also
`invalid-object-id`).

## Example
````kusto
.alter database db policy managed_identity ```
[{ "objectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "allowedUsages": "NativeIngestion" }]```
````

## Use instead
````kusto
.alter database db policy managed_identity ```
[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion" }]```
````

## Fix safety
Writing the documented name is **safe**: Json.NET binds both spellings to the same property.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Edit, Fix, Severity
from kqllint.model import Command
from kqllint.rules._policy import CANONICAL_PROPERTY, content_span, policy
from kqllint.rules._rule import Context, Finding

CODE = "P020"
NAME = "property-case"
SEVERITY = Severity.WARNING
FIXABLE = True


def check_command(command: Command, context: Context) -> Iterator[Finding]:
    for obj in policy(command).objects:
        for m in obj.node.members:
            key = m.key
            canonical = CANONICAL_PROPERTY.get(key.value.lower())
            if canonical is not None and canonical != key.value:
                span = content_span(key)
                yield Finding(
                    span,
                    f"property `{key.value}` is not written as the docs write it",
                    help=f"write `{canonical}`",
                    fix=Fix(f"write `{canonical}`", (Edit(span, canonical),)),
                )
