"""Reports a comma before the closing `]` or `}` in the policy JSON.

## What it does
Flags `[{...},]` and `{"ObjectId": "...", }`: a comma with nothing after it in an array or
object of the payload.

## Why is this bad?
Trailing commas are not JSON. Json.NET happens to tolerate them, but stricter readers (the
tools that diff or generate policies, `parse_json` round trips) do not, and a trailing comma
is often the trace of an object or property deleted by mistake.

**Decision**: the docs never write one; kqllint reads the payload anyway (so the other rules
still run) and warns.

## Example
````kusto
.alter database db policy managed_identity ```
[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion", },]```
````

## Use instead
````kusto
.alter database db policy managed_identity ```
[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion" }]```
````

## Fix safety
Removing the comma is **safe**: the JSON value stays the same.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Edit, Fix, Severity
from kqllint.model import Command
from kqllint.rules._rule import Context, Finding

CODE = "J005"
NAME = "trailing-comma"
SEVERITY = Severity.WARNING
READS_PAYLOAD = True
FIXABLE = True


def check_command(command: Command, context: Context) -> Iterator[Finding]:
    for span in command.payload.trailing_commas if command.payload else ():
        yield Finding(
            span,
            "trailing comma in the policy JSON",
            help="remove the comma",
            fix=Fix("remove the trailing comma", (Edit(span, ""),)),
        )
