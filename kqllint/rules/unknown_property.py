"""Reports a property the ManagedIdentity policy object does not have.

## What it does
Flags any property of a policy object other than `ObjectId`, `AllowedUsages` and the
service-filled `ClientId`, `TenantId`, `DisplayName`, `IsSystem` (names compared ignoring
case; a known name in another case is `property-case` (P020)), suggesting the nearest name.

## Why is this bad?
No other property is documented. A misspelled `ObjectId` or `AllowedUsages` (`ObjectID_`,
`AllowedUsage`, `Usages`) leaves the real property missing, and an invented one (`Scope`,
`Database`) suggests a restriction the service does not make.

## Example
````kusto
.alter database db policy managed_identity ```
[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsage": "NativeIngestion" }]```
````

## Use instead
````kusto
.alter database db policy managed_identity ```
[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion" }]```
````

## Fix safety
There is no fix: whether the property was misspelled or invented is not known.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Severity
from kqllint.model import Command
from kqllint.rules._policy import CANONICAL_PROPERTY, PROPERTIES, content_span, policy
from kqllint.rules._rule import Context, Finding
from kqllint.suggest import did_you_mean

CODE = "P019"
NAME = "unknown-property"
SEVERITY = Severity.WARNING


def check_command(command: Command, context: Context) -> Iterator[Finding]:
    for obj in policy(command).objects:
        for m in obj.node.members:
            key = m.key.value
            if key.lower() in CANONICAL_PROPERTY:
                continue
            guess = did_you_mean(key, PROPERTIES)
            help = f"did you mean `{guess}`?" if guess else "a policy object has only `ObjectId` and `AllowedUsages`"
            yield Finding(content_span(m.key), f"unknown property `{key}`", help=help)
