"""Reports the usage `AutomatedFlow`, renamed `AutomatedFlows` in 2023.

## What it does
Flags `AutomatedFlow` (singular, any case) in `AllowedUsages`.

## Why is this bad?
`AutomatedFlow` was the usage's name until 2023; the docs now list only `AutomatedFlows`
(continuous export, update policies and other automated flows run as the identity). Scripts
written from older docs or blog posts still carry the old name.

**Decision**: the docs do not say whether the service still accepts the old name. kqllint
treats it like any name missing from the documented list, as an error, and says what it became.

## Example
````kusto
.alter database db policy managed_identity ```
[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "AutomatedFlow" }]```
````

## Use instead
````kusto
.alter database db policy managed_identity ```
[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "AutomatedFlows" }]```
````

## Fix safety
Writing the new name is **safe**: it is the same usage under the name the service documents.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Edit, Fix, Severity
from kqllint.model import Command
from kqllint.rules._policy import RENAMED_USAGES
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import View

CODE = "P011"
NAME = "renamed-usage"
SEVERITY = Severity.ERROR
KINDS = ("managed_identity",)
READS_PAYLOAD = True
FIXABLE = True


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    for u in view.policy.first_usages:
        new = RENAMED_USAGES.get(u.text.lower())
        if new is not None:
            yield Finding(
                u.span,
                f"usage `{u.text}` was renamed `{new}` in 2023",
                help=f"write `{new}`",
                fix=Fix(f"write `{new}`", (Edit(u.span, new),)),
            )
