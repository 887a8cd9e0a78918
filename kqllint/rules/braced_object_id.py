"""Reports an `ObjectId` GUID written in braces, `{aaaaaaaa-…}`.

## What it does
Flags an `ObjectId` that is a GUID wrapped in `{` and `}`, the form .NET and PowerShell print
GUIDs in and registry exports use.

The same check judges every identity property of the registry's schemas: an update policy's
`ManagedIdentity` as well as ManagedIdentity's `ObjectId`; the message names the property.

## Why is this bad?
The docs and the Azure portal write object ids without braces, and `.show` returns them that
way. Whether the service strips the braces is not documented: the command may fail, or the
policy may hold an id that never matches the same identity written plainly (duplicate
detection, diffs against `.show`, `.alter-merge` of the same identity).

## Example
````kusto
.alter database db policy managed_identity ```
[{ "ObjectId": "{aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb}", "AllowedUsages": "NativeIngestion" }]```
````

## Use instead
````kusto
.alter database db policy managed_identity ```
[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion" }]```
````

## Fix safety
Removing the braces is **safe**: the GUID stays the same, written as the docs write it.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Edit, Fix, Severity
from kqllint.model import Command
from kqllint.rules._policy import content_span, guid_bounds
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import IDENTITY_KINDS, View

CODE = "P006"
NAME = "braced-object-id"
SEVERITY = Severity.WARNING
KINDS = IDENTITY_KINDS
READS_PAYLOAD = True
FIXABLE = True


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    for name, s in view.identities:
        bounds = guid_bounds(s.value)
        if bounds and bounds[0] == 1:
            end = len(s.value)
            edits = (Edit(s.sub_span(0, 1), ""), Edit(s.sub_span(end - 1, end), ""))
            yield Finding(
                content_span(s),
                f"`{name}` GUID is wrapped in braces",
                help=f"write `{s.value[1:-1]}`",
                fix=Fix("remove the braces", edits),
            )
