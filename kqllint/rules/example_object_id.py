"""Reports an `ObjectId` that is one of the example GUIDs of Microsoft's documentation.

## What it does
Flags an `ObjectId` (bare or in braces, any case) that is a GUID Microsoft's documentation
uses as an example of an identity. The list kqllint knows:

- the placeholder GUIDs Microsoft Learn writes for identities, by what they stand for:
  object ids `aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb` (the ManagedIdentity policy commands'
  own example), `bbbbbbbb-1111-2222-3333-cccccccccccc`, `cccccccc-2222-3333-4444-dddddddddddd`;
  principal ids `aaaaaaaa-bbbb-cccc-1111-222222222222`, `bbbbbbbb-cccc-dddd-2222-333333333333`;
  application (client) ids `00001111-aaaa-2222-bbbb-3333cccc4444` (the `ClientId` of the
  `.show` example), `11112222-bbbb-3333-cccc-4444dddd5555`, `22223333-cccc-4444-dddd-5555eeee6666`;
  tenant ids `aaaabbbb-0000-cccc-1111-dddd2222eeee` (the `TenantId` of the `.show` example),
  `bbbbcccc-1111-dddd-2222-eeee3333ffff`, `ccccdddd-2222-eeee-3333-ffff4444aaaa`,
  `ddddeeee-3333-ffff-4444-aaaa5555bbbb`; resource ids `00aa00aa-bb11-cc22-dd33-44ee44ee44ee`,
  `11bb11bb-cc22-dd33-ee44-55ff55ff55ff`, `a0a0a0a0-bbbb-cccc-dddd-e1e1e1e1e1e1`;
- the identity GUIDs of Kusto's own pages, now and in earlier versions:
  `12345678-1234-1234-1234-1234567890ab` (the query acceleration policy's `ManagedIdentity`),
  `802bada6-4d21-44b2-9d15-e66b29e4d63e` (external tables with a managed identity), and
  `f687680c-5ba0-4025-ab04-0433fdbd0086`, `7c8fee41-97d1-4ebd-9140-32a3b8316820`,
  `4549d41b-a99d-4367-a887-7dd2c00e542c` (the object, client and tenant id of the
  `.show … policy managed_identity` example).

The nil GUID `00000000-0000-0000-0000-000000000000` is not in the list:
`nil-object-id` (P005) reports it.

## Why is this bad?
A command copied from the docs and run as it is deploys a policy for an identity that is not
yours (typically one that does not exist, or is not assigned to the cluster, and then the
service rejects the command). One public sample script did exactly that. The value was meant
to be replaced with the object (principal) id of your managed identity.

**Decision**: a warning, not an error. These are valid GUIDs, so `invalid-object-id` (P003)
rightly accepts them, and kqllint cannot know that no real identity has one; it is still
almost surely a copy that was not edited. Suppress it with `// kqllint: ignore[P024]` where
the example is meant, as in documentation.

## Example
````kusto
.alter database db policy managed_identity ```
[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion" }]```
````

## Use instead
````kusto
.alter database db policy managed_identity ```
[{ "ObjectId": "system", "AllowedUsages": "NativeIngestion" }]```
````

## Fix safety
There is no fix: the identity is not known.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Severity
from kqllint.model import Command
from kqllint.rules._policy import EXAMPLE_GUIDS, guid_bounds
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import View

CODE = "P024"
NAME = "example-object-id"
SEVERITY = Severity.WARNING
KINDS = ("managed_identity",)
READS_PAYLOAD = True


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    for s in view.policy.object_ids:
        bounds = guid_bounds(s.value)
        if bounds and s.value[bounds[0] : bounds[1]].lower() in EXAMPLE_GUIDS:
            yield Finding(
                s.sub_span(*bounds),
                f"`ObjectId` `{s.value[bounds[0] : bounds[1]]}` is an example GUID from Microsoft's docs",
                help="use the object (principal) id of your managed identity, or `system` for the cluster's own",
            )
