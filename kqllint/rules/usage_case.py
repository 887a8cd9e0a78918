"""Reports a usage name written in another case than the docs write it.

## What it does
Flags `nativeingestion`, `NATIVEINGESTION`, `Externaltable` and every other spelling of a
known usage that differs from the documented one only in case.

## Why is this bad?
The docs write every usage in PascalCase and do not say whether the service matches them
ignoring case. If it does not, the command is rejected; if it does, `.show` returns another
spelling than the script holds, and text searches and diffs miss it.

**Decision**: the docs are silent; kqllint warns and writes the documented spelling.

## Example
````kusto
.alter database db policy managed_identity ```
[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "nativeingestion" }]```
````

## Use instead
````kusto
.alter database db policy managed_identity ```
[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion" }]```
````

## Fix safety
Writing the documented spelling is **safe**: it names the same usage.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Edit, Fix, Severity
from kqllint.model import Command
from kqllint.rules._policy import CANONICAL_USAGE
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import View

CODE = "P012"
NAME = "usage-case"
SEVERITY = Severity.WARNING
KINDS = ("managed_identity",)
READS_PAYLOAD = True
FIXABLE = True


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    for u in view.policy.first_usages:
        canonical = CANONICAL_USAGE.get(u.text.lower())
        if canonical and canonical != u.text:
            yield Finding(
                u.span,
                f"usage `{u.text}` is not written as the docs write it",
                help=f"write `{canonical}`",
                fix=Fix(f"write `{canonical}`", (Edit(u.span, canonical),)),
            )
