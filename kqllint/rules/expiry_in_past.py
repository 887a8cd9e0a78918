"""Reports an auto-delete expiry date that has passed.

## What it does
Flags an auto delete policy whose `ExpiryDate` is at or before the time kqllint runs (UTC).

## Why is this bad?
The service rejects an expiry date in the past; a script written long ago with a date that
was then in the future fails when it is run again.

**Decision**: an error: the service rejects it. The finding depends on the day kqllint runs.

## Example
````kusto
.alter table T policy auto_delete ```{ "ExpiryDate": "2020-01-01", "DeleteIfNotEmpty": true }```
````

## Use instead
````kusto
.alter table T policy auto_delete ```{ "ExpiryDate": "2999-01-01", "DeleteIfNotEmpty": true }```
````

## Fix safety
There is no fix: the intended date is not known.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Severity
from kqllint.model import Command
from kqllint.rules._generic import findings
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import View

CODE = "P206"
NAME = "expiry-in-past"
SEVERITY = Severity.ERROR
READS_PAYLOAD = True
KINDS = ('auto_delete',)
CHECK = "expiry-in-past"  # the registry validator's check (kqllint/policies/problem.py)


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    return findings(view, CHECK)
