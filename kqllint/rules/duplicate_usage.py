"""Reports a usage listed twice in one `AllowedUsages`.

## What it does
Flags the second and every later occurrence of a usage in the same `AllowedUsages` string,
comparing names ignoring case (`NativeIngestion, nativeingestion`).

## Why is this bad?
A usage is allowed or not; listing it again adds nothing. The repeat is noise at best, and
often marks an edit where another usage was meant.

**Decision**: the docs do not say whether repeats are allowed; kqllint reports them as
redundancy (`info`).

## Example
````kusto
.alter database db policy managed_identity ```
[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion, ExternalTable, NativeIngestion" }]```
````

## Use instead
````kusto
.alter database db policy managed_identity ```
[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion, ExternalTable" }]```
````

## Fix safety
Removing the repeat (with its comma) is **safe**: the set of usages stays the same.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Edit, Fix, Severity
from kqllint.model import Command
from kqllint.rules._policy import removal
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import View

CODE = "P013"
NAME = "duplicate-usage"
SEVERITY = Severity.INFO
KINDS = ("managed_identity",)
READS_PAYLOAD = True
FIXABLE = True


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    for s, items, repeats, _ in view.policy.usage_lists:
        for i in sorted(repeats):
            u = items[i]
            yield Finding(
                u.span,
                f"usage `{u.text}` is already listed",
                help="remove the repeat",
                fix=Fix(f"remove the repeated `{u.text}`", (Edit(removal(s, items, i), ""),)),
            )
