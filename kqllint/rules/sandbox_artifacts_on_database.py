"""Reports the usage `SandboxArtifacts` in a database-level policy.

## What it does
Flags `SandboxArtifacts` (any case) in `AllowedUsages` of `.alter database … policy
managed_identity` and `.alter-merge database …`.

## Why is this bad?
The docs: `SandboxArtifacts` must be defined on the **cluster-level** policy; sandboxed
plugins (such as `python()`) read their artifacts with the identity allowed there. Set on a
database the usage has no effect, and the plugin fails to reach its artifacts at query time,
long after the deployment succeeded.

## Example
````kusto
.alter-merge database db policy managed_identity ```
[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "SandboxArtifacts" }]```
````

## Use instead
````kusto
.alter-merge cluster policy managed_identity ```
[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "SandboxArtifacts" }]```
````

## Fix safety
There is no fix: moving a grant to the cluster policy widens it to every database and needs
a decision.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Severity
from kqllint.model import Command, Scope
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import View

CODE = "P016"
NAME = "sandbox-artifacts-on-database"
SEVERITY = Severity.WARNING
KINDS = ("managed_identity",)
READS_PAYLOAD = True
READS_HEAD = True  # not checked after a syntax error in the head


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    if command.scope_kind is not Scope.DATABASE:
        return
    for usage_list in view.policy.usage_lists:
        for u in usage_list.items:
            if u.text.lower() == "sandboxartifacts":
                yield Finding(
                    u.span,
                    "`SandboxArtifacts` has no effect in a database policy",
                    help="allow it in the cluster policy: `.alter-merge cluster policy managed_identity`",
                )
                break
