"""Reports an `AllowedUsages` that lists no usage at all.

## What it does
Flags `"AllowedUsages": ""` and values holding only commas and spaces (`", "`).

## Why is this bad?
An identity with no usage is allowed to do nothing, so the object has no effect at best; the
service may as well reject it as a missing required value. It is usually a template whose
usages were never filled in.

**Decision**: the docs do not say whether an empty list is accepted; kqllint warns. Empty
items next to real usages (`"A,,B"`) are `empty-usage-item` (P023).

## Example
````kusto
.alter database db policy managed_identity ```
[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "" }]```
````

## Use instead
````kusto
.alter database db policy managed_identity ```
[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion" }]```
````

## Fix safety
There is no fix: which usages to allow is not known.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Severity
from kqllint.model import Command
from kqllint.rules._policy import content_span
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import View

CODE = "P015"
NAME = "empty-usages"
SEVERITY = Severity.WARNING
KINDS = ("managed_identity",)
READS_PAYLOAD = True


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    for s, items, _, empty in view.policy.usage_lists:
        if len(empty) == len(items):
            yield Finding(
                content_span(s),
                "`AllowedUsages` lists no usage",
                help="list the usages the identity needs, such as `NativeIngestion`, or remove the object",
            )
