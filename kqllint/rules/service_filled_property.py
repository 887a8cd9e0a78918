"""Reports a property the service fills in, given in the command.

## What it does
Flags a property that the policy kind's docs list as output only, filled in by the service:
ManagedIdentity's `ClientId`, `TenantId`, `DisplayName` and `IsSystem`, update's
`OwnerPrincipalDetails`, and the others the registry marks (any case). They appear when `.show`
output is pasted back into an `.alter` command. It replaces the ManagedIdentity rule `P018`,
which stays accepted as an alias.

## Why is this bad?
Only the other properties are input. For ManagedIdentity the command page says these "are
automatically populated"; the early docs (2021) said they "should not be provided"; the policy
page calls `DisplayName` "user-definable" in one sentence and service-filled in its table. A
value given here is, by most of the docs, overwritten or ignored, so the command states an id,
tenant or name the policy will not hold: copied from another environment, it is simply wrong.

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
of ManagedIdentity's `DisplayName`), the result changes.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Applicability, Fix, Severity
from kqllint.model import Command, JsonObject, JsonString
from kqllint.policies.locate import locate_path
from kqllint.rules._generic import span_of
from kqllint.rules._policy import remove_member
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import View

CODE = "P105"
NAME = "service-filled-property"
SEVERITY = Severity.WARNING
READS_PAYLOAD = True
FIXABLE = True
CHECK = "service-filled"  # the registry validator's check (kqllint/policies/problem.py)


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    root = command.payload.value if command.payload else None
    for p, node in view.located(CHECK):
        fix = None
        parent = locate_path(root, p.path[:-1]) if root is not None and isinstance(node, JsonString) else None
        if isinstance(parent, JsonObject):
            index = next(i for i, m in enumerate(parent.members) if m.key is node)
            fix = Fix(f"remove `{node.value}`", (remove_member(parent, index),), Applicability.UNSAFE)  # type: ignore[union-attr]
        yield Finding(span_of(node, p), p.message, "remove it: the service fills it in", fix)
