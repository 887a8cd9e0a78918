"""Reports a policy object without `AllowedUsages`.

## What it does
Flags every object of the ManagedIdentity policy array that has no `AllowedUsages` property
(in any case: `allowedUsages` counts as present and is reported by `property-case` (P020)).

## Why is this bad?
The docs: "Policy objects must define the *ObjectId* and *AllowedUsages* properties." An
identity without usages grants nothing; the service rejects the command.

## Example
````kusto
.alter database db policy managed_identity ```[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb" }]```
````

## Use instead
````kusto
.alter database db policy managed_identity ```
[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion" }]```
````

## Fix safety
There is no fix: which usages to allow is not known.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Severity
from kqllint.model import Command
from kqllint.rules._policy import ALLOWED_USAGES, head_span, missing_help, policy
from kqllint.rules._rule import Context, Finding

CODE = "P002"
NAME = "missing-allowed-usages"
SEVERITY = Severity.ERROR


def check_command(command: Command, context: Context) -> Iterator[Finding]:
    for obj in policy(command).objects:
        if obj.member(ALLOWED_USAGES) is None:
            yield Finding(
                head_span(obj.node),
                "policy object has no `AllowedUsages`",
                help=missing_help(obj.node, ALLOWED_USAGES, '"AllowedUsages": "NativeIngestion, ExternalTable"'),
            )
