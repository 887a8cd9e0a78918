"""Reports partition keys of one kind twice, or properties of the other kind.

## What it does
Flags a partitioning policy with two `Hash` keys or two `UniformRange` keys, and a key whose
`Properties` hold a property of the other kind of key (`Reference` on a `Hash` key, `Seed` on a
`UniformRange` key).

## Why is this bad?
The docs allow at most one key of each kind, with the properties of its kind; the service's
reaction to more is not documented.

**Decision**: a warning: the docs say it is wrong, the service's reaction is unknown.

## Example
````kusto
.alter table T policy partitioning ```
{ "PartitionKeys": [
  { "ColumnName": "A", "Kind": "Hash", "Properties": { "Function": "XxHash64", "MaxPartitionCount": 128, "Seed": 1, "PartitionAssignmentMode": "Uniform" } },
  { "ColumnName": "B", "Kind": "Hash", "Properties": { "Function": "XxHash64", "MaxPartitionCount": 128, "Seed": 1, "PartitionAssignmentMode": "Uniform" } }
] }```
````

## Use instead
````kusto
.alter table T policy partitioning ```
{ "PartitionKeys": [
  { "ColumnName": "A", "Kind": "Hash", "Properties": { "Function": "XxHash64", "MaxPartitionCount": 128, "Seed": 1, "PartitionAssignmentMode": "Uniform" } }
] }```
````

## Fix safety
There is no fix: which key to keep is not known.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Severity
from kqllint.model import Command
from kqllint.rules._generic import findings
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import View

CODE = "P204"
NAME = "partition-key-conflict"
SEVERITY = Severity.WARNING
READS_PAYLOAD = True
KINDS = ('partitioning',)
CHECK = "partition-key-conflict"  # the registry validator's check (kqllint/policies/problem.py)


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    return findings(view, CHECK)
