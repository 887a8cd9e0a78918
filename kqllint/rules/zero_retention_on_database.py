"""Reports a soft-delete period of 0 on a database.

## What it does
Flags a retention policy on a database whose `SoftDeletePeriod` is `00:00:00`, in the JSON
form or as `softdelete = 0d`.

## Why is this bad?
The docs allow a soft-delete period of 0 only on tables (data is then deleted right after
ingestion); the service rejects it on a database.

**Decision**: an error: the service rejects it.

## Example
````kusto
.alter database db policy retention ```{ "SoftDeletePeriod": "00:00:00", "Recoverability": "Disabled" }```
````

## Use instead
````kusto
.alter table Staging policy retention ```{ "SoftDeletePeriod": "00:00:00", "Recoverability": "Disabled" }```
````

## Fix safety
There is no fix: set 0 on the tables that need it.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Severity
from kqllint.model import Command
from kqllint.rules._generic import findings
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import View

CODE = "P201"
NAME = "zero-retention-on-database"
SEVERITY = Severity.ERROR
READS_PAYLOAD = True
KINDS = ('retention',)
CHECK = "zero-retention-on-database"  # the registry validator's check (kqllint/policies/problem.py)


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    return findings(view, CHECK)
