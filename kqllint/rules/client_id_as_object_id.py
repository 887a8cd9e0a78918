"""Reports an `ObjectId` that is a managed identity's client ID instead of its principal ID.

## What it does
With `--identities FILE`, flags an `ObjectId` GUID that a file names as an identity's
`clientId`: `az kusto cluster show` (each user-assigned identity's `clientId`) or
`az identity show`/`list` output. The help and the fix give that identity's `principalId`.
Such a value is reported here and not also as `unassigned-object-id` (I001).

## Why is this bad?
A user-assigned managed identity has two GUIDs: the client (application) ID, used to request
tokens, and the principal (object) ID of its service principal. The portal shows both side by
side and they are easily swapped. `ObjectId` must be the principal ID; with a client ID the
service finds no identity assigned to the cluster, the command fails and the policy is left
unchanged.

## Example
With `id-ingest-prod`'s `clientId` `22222222-…-000000000001` and `principalId`
`11111111-…-000000000001`:
````kusto
.alter-merge database Sales policy managed_identity ```
[{ "ObjectId": "22222222-aaaa-4bbb-8ccc-000000000001", "AllowedUsages": "NativeIngestion" }]```
````

## Use instead
````kusto
.alter-merge database Sales policy managed_identity ```
[{ "ObjectId": "11111111-aaaa-4bbb-8ccc-000000000001", "AllowedUsages": "NativeIngestion" }]```
````

## Fix safety
Replacing the client ID with the principal ID is **safe**: both GUIDs name the same identity,
one to one, and the pair comes from Azure's own record of it (`az` output), so the fix grants
the usages to exactly the identity the author wrote, in the form the service requires. The
principal ID is written in lowercase. If that identity is not assigned to the cluster either,
the help says so and, after the fix, `unassigned-object-id` (I001) reports it.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Edit, Fix, Severity
from kqllint.model import Command
from kqllint.rules._identity import identities_of, object_id_guids
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import View

CODE = "I003"
NAME = "client-id-as-object-id"
SEVERITY = Severity.ERROR
KINDS = ("managed_identity",)
READS_PAYLOAD = True
FIXABLE = True


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    ids = identities_of(context)
    if ids is None:
        return
    for guid, span in object_id_guids(view):
        principal = ids.client_to_principal.get(guid.lower())
        if principal is None or guid.lower() in ids.assigned:
            continue
        whose = f"the client ID of {ids.label(principal)}" if principal in ids.labels else "a client ID"
        help = f"use the principal ID `{principal}`"
        if ids.defines_assignment and principal not in ids.assigned:
            help += ", and assign that identity to the cluster: it is not assigned either"
        yield Finding(
            span,
            f"`ObjectId` `{guid}` is {whose}, not an object (principal) ID",
            help=help,
            fix=Fix(f"replace the client ID with the principal ID `{principal}`", (Edit(span, principal),)),
        )
