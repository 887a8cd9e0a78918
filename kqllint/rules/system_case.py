"""Reports the reserved `ObjectId` `system` written in another case.

## What it does
Flags `"ObjectId": "System"`, `"SYSTEM"` and every other spelling of `system` that is not all
lowercase.

The same check judges every identity property of the registry's schemas: an update policy's
`ManagedIdentity` as well as ManagedIdentity's `ObjectId`; the message names the property.

## Why is this bad?
`system` names the cluster's system-assigned identity. The docs always write it in lowercase
and do not say whether the service accepts other cases. If it does not, the value is no GUID and
the command fails; if it does, the script still differs from what `.show` returns.

**Decision**: the docs are silent on case; kqllint warns and writes `system` as the docs do.

## Example
````kusto
.alter cluster policy managed_identity ```[{ "ObjectId": "System", "AllowedUsages": "All" }]```
````

## Use instead
````kusto
.alter cluster policy managed_identity ```[{ "ObjectId": "system", "AllowedUsages": "All" }]```
````

## Fix safety
Lowercasing is **safe**: it writes the documented spelling of the same identity.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Edit, Fix, Severity
from kqllint.model import Command
from kqllint.rules._policy import SYSTEM, content_span
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import IDENTITY_KINDS, View

CODE = "P008"
NAME = "system-case"
SEVERITY = Severity.WARNING
KINDS = IDENTITY_KINDS
READS_PAYLOAD = True
FIXABLE = True


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    for name, s in view.identities:
        if s.value.lower() == SYSTEM and s.value != SYSTEM:
            span = content_span(s)
            yield Finding(
                span,
                f"`{name}` `{s.value}` is not lowercase",
                help="write `system`, as the docs do",
                fix=Fix("write `system`", (Edit(span, SYSTEM),)),
            )
