"""Reports a policy object without an `ObjectId`.

## What it does
Flags every object of the ManagedIdentity policy array that has no `ObjectId` property (in any
case: `objectId` counts as present and is reported by `property-case` (P020)).

## Why is this bad?
The docs: "Policy objects must define the *ObjectId* and *AllowedUsages* properties." Without
it the service does not know which identity the usages are for and rejects the command.

## Example
````kusto
.alter database db policy managed_identity ```[{ "AllowedUsages": "NativeIngestion" }]```
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
from kqllint.rules._policy import OBJECT_ID, head_span, missing_help, policy
from kqllint.rules._rule import Context, Finding

CODE = "P001"
NAME = "missing-object-id"
SEVERITY = Severity.ERROR


def check_command(command: Command, context: Context) -> Iterator[Finding]:
    for obj in policy(command).objects:
        if obj.member(OBJECT_ID) is None:
            yield Finding(
                head_span(obj.node),
                "policy object has no `ObjectId`",
                help=missing_help(obj.node, OBJECT_ID, '"ObjectId": "<object (principal) id>"'),
            )
