"""Reports the nil GUID `00000000-0000-0000-0000-000000000000` as an `ObjectId`.

## What it does
Flags an `ObjectId` (bare or in braces) whose digits are all zero.

The same check judges every identity property of the registry's schemas: an update policy's
`ManagedIdentity` as well as ManagedIdentity's `ObjectId`; the message names the property.

## Why is this bad?
No managed identity has the nil GUID as its object id; it is a default value or a stand-in
left by a template. The identity is not assigned to the cluster, so the service rejects the
command and the policy is not changed.

## Example
````kusto
.alter database db policy managed_identity ```
[{ "ObjectId": "00000000-0000-0000-0000-000000000000", "AllowedUsages": "NativeIngestion" }]```
````

## Use instead
````kusto
.alter database db policy managed_identity ```
[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion" }]```
````

## Fix safety
There is no fix: the identity is not known.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Severity
from kqllint.model import Command
from kqllint.rules._policy import NIL_GUID, guid_bounds
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import IDENTITY_KINDS, View

CODE = "P005"
NAME = "nil-object-id"
SEVERITY = Severity.ERROR
KINDS = IDENTITY_KINDS
READS_PAYLOAD = True


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    for name, s in view.identities:
        bounds = guid_bounds(s.value)
        if bounds and s.value[bounds[0] : bounds[1]] == NIL_GUID:
            yield Finding(
                s.sub_span(*bounds),
                f"`{name}` is the nil GUID, which is no identity",
                help="use the identity's object (principal) id, or `system` for the system-assigned identity",
            )
