"""Reports `ObjectId` `system` when the cluster has no system-assigned identity.

## What it does
With `--identities FILE` naming `az kusto cluster show` output (the only file that says whether
the cluster has a system-assigned identity), flags `"ObjectId": "system"` when the cluster's
`identity.type` is `UserAssigned` or `None`. `system` is matched ignoring case, as
`system-case` (P008) reads it.

## Why is this bad?
`system` stands for the cluster's system-assigned identity. A cluster without one cannot
resolve it: the command fails as for any identity not assigned to the cluster, and the policy
is left unchanged.

## Example
With `cluster.json` saying `"type": "UserAssigned"`:
````kusto
.alter cluster policy managed_identity ```
[{ "ObjectId": "system", "AllowedUsages": "SandboxArtifacts" }]```
````

## Use instead
Enable the cluster's system-assigned identity, or use a user-assigned identity it has:
````kusto
.alter cluster policy managed_identity ```
[{ "ObjectId": "11111111-aaaa-4bbb-8ccc-000000000001", "AllowedUsages": "SandboxArtifacts" }]```
````

## Fix safety
There is no fix: enabling the identity or choosing another is the author's choice.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Severity
from kqllint.model import Command
from kqllint.rules._identity import cluster_identities, identities_of
from kqllint.rules._policy import SYSTEM, content_span
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import View

CODE = "I002"
NAME = "no-system-identity"
SEVERITY = Severity.ERROR
KINDS = ("managed_identity",)
READS_PAYLOAD = True


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    ids = identities_of(context)
    if ids is None or ids.has_system is not False:
        return
    for s in view.policy.object_ids:
        if s.value.lower() == SYSTEM:
            yield Finding(
                content_span(s),
                "`ObjectId` `system` needs a system-assigned identity, but the cluster has none",
                help=_help(cluster_identities(ids)),
            )


def _help(assigned: str | None) -> str:
    if assigned is None:
        return "enable the cluster's system-assigned identity (it has no managed identity at all)"
    return f"enable the cluster's system-assigned identity, or use one of its identities: {assigned}"
