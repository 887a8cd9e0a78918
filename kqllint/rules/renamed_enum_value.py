"""Reports an enumeration value under its old, renamed spelling.

## What it does
Flags a value the docs once used and have since renamed, such as partitioning's
`PartitionAssignmentMode` `Default` (now `ByPartition`).

## Why is this bad?
The old name is kept for compatibility and means the same, but it is no longer documented,
and a reader looking it up finds nothing.

**Decision**: a warning: the command works today, but relies on an undocumented spelling.

## Example
````kusto
.alter table T policy partitioning ```
{ "PartitionKeys": [{ "ColumnName": "Id", "Kind": "Hash",
  "Properties": { "Function": "XxHash64", "MaxPartitionCount": 128, "Seed": 1, "PartitionAssignmentMode": "Default" } }] }```
````

## Use instead
````kusto
.alter table T policy partitioning ```
{ "PartitionKeys": [{ "ColumnName": "Id", "Kind": "Hash",
  "Properties": { "Function": "XxHash64", "MaxPartitionCount": 128, "Seed": 1, "PartitionAssignmentMode": "ByPartition" } }] }```
````

## Fix safety
Writing today's name is **safe**: the old name means the same value.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Applicability, Severity
from kqllint.model import Command
from kqllint.rules._generic import findings
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import View

CODE = "P109"
NAME = "renamed-enum-value"
SEVERITY = Severity.WARNING
READS_PAYLOAD = True
FIXABLE = True
CHECK = "renamed-enum"  # the registry validator's check (kqllint/policies/problem.py)


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    return findings(view, CHECK, Applicability.SAFE)
