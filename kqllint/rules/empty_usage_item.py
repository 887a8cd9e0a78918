"""Reports an empty item between commas in `AllowedUsages`.

## What it does
Flags the empty items of `"NativeIngestion,,ExternalTable"`, `"NativeIngestion, "` and
`", NativeIngestion"` when the list also holds real usages.

## Why is this bad?
An empty item names no usage. Whether the service skips it or rejects the whole list as an
unknown usage `""` is not documented; either way it is the trace of a deleted usage or a
stray comma.

**Decision**: kqllint warns and removes the item. A list with no usage at all is
`empty-usages` (P015).

## Example
````kusto
.alter database db policy managed_identity ```
[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion,,ExternalTable," }]```
````

## Use instead
````kusto
.alter database db policy managed_identity ```
[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion,ExternalTable" }]```
````

## Fix safety
Removing the empty item with one of its commas is **safe**: the usages listed stay the same.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Edit, Fix, Severity
from kqllint.model import Command
from kqllint.rules._policy import removal
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import View

CODE = "P023"
NAME = "empty-usage-item"
SEVERITY = Severity.WARNING
KINDS = ("managed_identity",)
READS_PAYLOAD = True
FIXABLE = True


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    for s, items, _, empty in view.policy.usage_lists:
        if len(empty) == len(items):
            continue  # nothing listed at all: empty-usages (P015)
        for i in empty:
            span = removal(s, items, i)
            yield Finding(
                span,
                "empty item in `AllowedUsages`",
                help="remove the extra comma",
                fix=Fix("remove the empty item", (Edit(span, ""),)),
            )
