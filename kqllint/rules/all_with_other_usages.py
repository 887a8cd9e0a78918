"""Reports `All` listed together with other usages.

## What it does
Flags an `AllowedUsages` that holds `All` and also one or more other usages, such as
`"All, NativeIngestion"`, at the `All`.

## Why is this bad?
`All` allows every current and future usage, so the other names restrict nothing. The list
reads as a narrow grant but gives the identity everything: usually `All` was left in by
mistake, or the other names are leftovers of an older, narrower policy.

**Decision**: the docs do not say whether `All` may be combined with other usages. kqllint
warns, because the command grants more than it appears to.

## Example
````kusto
.alter database db policy managed_identity ```
[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "All, NativeIngestion" }]```
````

## Use instead
````kusto
.alter database db policy managed_identity ```
[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion" }]```
````

## Fix safety
There is no fix: whether `All` or the narrower list was meant is not known.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Severity
from kqllint.model import Command
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import View

CODE = "P014"
NAME = "all-with-other-usages"
SEVERITY = Severity.WARNING
KINDS = ("managed_identity",)
READS_PAYLOAD = True


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    for usage_list in view.policy.usage_lists:
        if len(usage_list.items) < 2 or "all" not in usage_list.string.value.lower():
            continue  # the quick way out for the usual list: no `All`, or nothing beside it
        items = [u for u in usage_list.items if u.text]
        first_all = next((u for u in items if u.text.lower() == "all"), None)
        others = [u.text for u in items if u.text.lower() != "all"]
        if first_all is not None and others:
            yield Finding(
                first_all.span,
                f"`All` already allows {', '.join(f'`{o}`' for o in others)}",
                help="remove `All` to allow only the listed usages, or list `All` alone",
            )
