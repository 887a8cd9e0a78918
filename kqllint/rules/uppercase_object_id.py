"""Reports an `ObjectId` GUID written with uppercase hexadecimal digits.

## What it does
Flags an `ObjectId` GUID (bare or in braces) with any of `A`-`F` in uppercase.

The same check judges every identity property of the registry's schemas: an update policy's
`ManagedIdentity` as well as ManagedIdentity's `ObjectId`; the message names the property.

## Why is this bad?
It is not wrong: a GUID's digits are case-insensitive. But the Azure portal, the docs and
`.show` write them in lowercase, so an uppercase id makes the script differ from what the
cluster reports and hides the same identity from a plain text search or diff.

## Example
````kusto
.alter database db policy managed_identity ```
[{ "ObjectId": "AAAAAAAA-0000-1111-2222-BBBBBBBBBBBB", "AllowedUsages": "NativeIngestion" }]```
````

## Use instead
````kusto
.alter database db policy managed_identity ```
[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion" }]```
````

## Fix safety
Lowercasing is **safe**: it is the same GUID.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Edit, Fix, Severity
from kqllint.model import Command
from kqllint.rules._policy import guid_bounds
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import IDENTITY_KINDS, View

CODE = "P007"
NAME = "uppercase-object-id"
SEVERITY = Severity.INFO
KINDS = IDENTITY_KINDS
READS_PAYLOAD = True
FIXABLE = True


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    for name, s in view.identities:
        bounds = guid_bounds(s.value)
        guid = s.value[bounds[0] : bounds[1]] if bounds else ""
        if guid != guid.lower():
            span = s.sub_span(*bounds)
            yield Finding(
                span,
                f"`{name}` GUID has uppercase digits",
                help=f"write `{guid.lower()}`",
                fix=Fix("lowercase the GUID", (Edit(span, guid.lower()),)),
            )
