"""Reports a soft-delete period of 0 with recoverability enabled.

## What it does
Flags a retention policy whose `SoftDeletePeriod` is 0 and whose `Recoverability` is
`Enabled` (also `softdelete = 0d recoverability = enabled`).

## Why is this bad?
Data deleted right after ingestion cannot be kept for recovery: the docs require
`Recoverability` `Disabled` with a period of 0, and the service rejects the command.

**Decision**: an error: the service rejects it.

## Example
````kusto
.alter table T policy retention ```{ "SoftDeletePeriod": "00:00:00", "Recoverability": "Enabled" }```
````

## Use instead
````kusto
.alter table T policy retention ```{ "SoftDeletePeriod": "00:00:00", "Recoverability": "Disabled" }```
````

## Fix safety
Writing `Disabled` is **unsafe**: it turns a command that fails into one that sets the policy,
and it gives up recoverability, which deserves a review (the period may be what is wrong).
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Applicability, Severity
from kqllint.model import Command
from kqllint.rules._generic import findings
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import View

CODE = "P202"
NAME = "zero-retention-recoverable"
SEVERITY = Severity.ERROR
READS_PAYLOAD = True
FIXABLE = True
KINDS = ('retention',)
CHECK = "zero-retention-recoverable"  # the registry validator's check (kqllint/policies/problem.py)


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    return findings(view, CHECK, Applicability.UNSAFE)
