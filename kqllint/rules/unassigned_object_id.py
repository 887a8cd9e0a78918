"""Reports an `ObjectId` that is not one of the identities assigned to the cluster.

## What it does
With `--identities FILE` (or the `identities` setting), flags an `ObjectId` GUID that is not the
principal (object) ID of a managed identity assigned to the cluster. Which identities are
assigned comes from `az kusto cluster show` output or a plain list of object IDs; when only
`az identity show`/`list` output is given, assignment is unknown and nothing is reported. GUIDs
compare ignoring case. A client ID mistaken for an object ID is reported by
`client-id-as-object-id` (I003) instead, the nil GUID by `nil-object-id` (P005).

## Why is this bad?
It is the one runtime error the Kusto docs name for these commands: when any identity in the
policy is not assigned to the cluster, the command fails and the policy is left unchanged. The
deployment stops at that command, whatever else the script was meant to do.

## Example
With `cluster.json` assigning only `id-ingest-prod` (`11111111-aaaa-4bbb-8ccc-000000000001`):
````kusto
.alter-merge database Sales policy managed_identity ```
[{ "ObjectId": "99999999-aaaa-4bbb-8ccc-000000000009", "AllowedUsages": "NativeIngestion" }]```
````

## Use instead
Assign the identity to the cluster first (`az kusto cluster update --user-assigned …`), or use
one that is assigned:
````kusto
.alter-merge database Sales policy managed_identity ```
[{ "ObjectId": "11111111-aaaa-4bbb-8ccc-000000000001", "AllowedUsages": "NativeIngestion" }]```
````

## Fix safety
There is no fix: whether to assign the identity or to use another is the author's choice (the
help names the assigned identity the GUID is one or two characters away from, if any).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kqllint.diagnostic import Severity
from kqllint.model import Command
from kqllint.rules._identity import cluster_identities, identities_of, object_id_guids
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import View
from kqllint.suggest import is_near

if TYPE_CHECKING:
    from kqllint.identities import Identities

CODE = "I001"
NAME = "unassigned-object-id"
SEVERITY = Severity.ERROR
KINDS = ("managed_identity",)
READS_PAYLOAD = True


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    ids = identities_of(context)
    if ids is None or not ids.defines_assignment:
        return
    for guid, span in object_id_guids(view):
        key = guid.lower()
        if key in ids.assigned or key in ids.client_to_principal:
            continue
        yield Finding(span, f"`ObjectId` `{guid}` is not assigned to the cluster", help=_help(key, ids))


def _help(guid: str, ids: Identities) -> str:
    near = next((p for p in sorted(ids.assigned) if is_near(guid, p)), None)
    if near:
        return f"did you mean `{near}` ({ids.label(near)})?"
    assigned = cluster_identities(ids)
    if assigned is None:
        return "the cluster has no managed identity: assign this one to it first"
    return f"assign it to the cluster first, or use one of its identities: {assigned}"
