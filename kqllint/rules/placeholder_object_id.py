"""Reports template text left where an `ObjectId` GUID belongs.

## What it does
Flags an `ObjectId` that looks like a placeholder rather than an identity: text with `<` or
`>` (`<object-id>`), template markers (`{{ObjectId}}`, `$(ObjectId)`, `${OBJECT_ID}`,
`#{ObjectId}#`, `%OBJECT_ID%`, `__OBJECT_ID__`), a GUID-shaped run of letters
(`xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`), or words such as `your-object-id`, `guid`, `TODO`.

The same check judges every identity property of the registry's schemas: an update policy's
`ManagedIdentity` as well as ManagedIdentity's `ObjectId`; the message names the property.

## Why is this bad?
The value was meant to be replaced before deployment — by hand, or by a pipeline's token
replacement step that did not run or did not match. The service cannot resolve it to an
identity and rejects the command, typically in production only.

## Example
````kusto
.alter database db policy managed_identity ```
[{ "ObjectId": "<managed-identity-object-id>", "AllowedUsages": "NativeIngestion" }]```
````

## Use instead
````kusto
.alter database db policy managed_identity ```
[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion" }]```
````

## Fix safety
There is no fix: the identity is not known.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Severity
from kqllint.model import Command
from kqllint.rules._policy import SYSTEM, content_span, guid_bounds, is_placeholder
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import IDENTITY_KINDS, View

CODE = "P004"
NAME = "placeholder-object-id"
SEVERITY = Severity.ERROR
KINDS = IDENTITY_KINDS
READS_PAYLOAD = True


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    for name, s in view.identities:
        value = s.value
        if value.lower() != SYSTEM and not guid_bounds(value) and is_placeholder(value):
            yield Finding(
                content_span(s),
                f"`{name}` `{value}` looks like a placeholder, not a GUID",
                help="replace it with the identity's object (principal) id before deploying",
            )
