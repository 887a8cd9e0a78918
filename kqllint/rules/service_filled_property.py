"""Reports a property the service fills in, given in the command.

## What it does
Flags `ClientId`, `TenantId`, `DisplayName` and `IsSystem` (any case) in a policy object, as
they appear when `.show` output is pasted back into an `.alter` command.

## Why is this bad?
Only `ObjectId` and `AllowedUsages` are input. The command page says the other properties "are
automatically populated"; the early docs (2021) said they "should not be provided"; the policy
page calls `DisplayName` "user-definable" in one sentence and service-filled in its table. A
value given here is, by most of the docs, overwritten or ignored (`DisplayName` is refreshed
from Entra ID on `.alter-merge`), so the command states an id, tenant or name the policy will
not hold: copied from another environment, it is simply wrong.

**Decision**: given the contradictions kqllint does not call it an error, but warns: the
command may silently say something else than the policy ends up holding.

## Example
````kusto
.alter database db policy managed_identity ```
[{
  "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb",
  "ClientId": "aaaaaaaa-0000-1111-2222-cccccccccccc",
  "AllowedUsages": "NativeIngestion"
}]```
````

## Use instead
````kusto
.alter database db policy managed_identity ```
[{
  "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb",
  "AllowedUsages": "NativeIngestion"
}]```
````

## Fix safety
Removing the property is **unsafe**: if the service does read it (as one docs sentence says
of `DisplayName`), the result changes.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Applicability, Fix, Severity
from kqllint.model import Command
from kqllint.rules._policy import SERVICE_FILLED, content_span, policy, remove_member
from kqllint.rules._rule import Context, Finding

CODE = "P018"
NAME = "service-filled-property"
SEVERITY = Severity.WARNING
FIXABLE = True
_NAMES = {name.lower(): name for name in SERVICE_FILLED}


def check_command(command: Command, context: Context) -> Iterator[Finding]:
    for obj in policy(command).objects:
        for index, m in enumerate(obj.node.members):
            name = _NAMES.get(m.key.value.lower())
            if name is not None:
                fix = Fix(f"remove `{m.key.value}`", (remove_member(obj.node, index),), Applicability.UNSAFE)
                yield Finding(
                    content_span(m.key),
                    f"`{name}` is filled in by the service",
                    help="give only `ObjectId` and `AllowedUsages`",
                    fix=fix,
                )
