"""Reports a change the service does not allow to a built-in workload group.

## What it does
Flags any `.create-or-alter` or `.alter-merge` of the `internal` workload group, and, on the
`$materialized-views` group, anything but the four request limits it lets you change:
`MaxMemoryPerQueryPerNode`, `MaxMemoryPerIterator`, `MaxFanoutThreadsPercentage` and
`MaxFanoutNodesPercentage`.

## Why is this bad?
The docs list `internal` as immutable and `$materialized-views` as changeable in those four
limits only: the service refuses the rest, and the deployment fails.

**Decision**: an error: the service rejects the command.

## Example
````kusto
.alter-merge workload_group ['$materialized-views'] ```
{ "RequestLimitsPolicy": { "MaxResultRecords": { "IsRelaxable": false, "Value": 1000 } } }
```
````

## Use instead
````kusto
.alter-merge workload_group ['$materialized-views'] ```
{ "RequestLimitsPolicy": { "MaxMemoryPerIterator": { "IsRelaxable": false, "Value": 10737418240 } } }
```
````

## Fix safety
There is no fix: what the author meant to limit is not known.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Severity
from kqllint.model import Command
from kqllint.rules._generic import findings
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import View

CODE = "P213"
NAME = "built-in-workload-group"
SEVERITY = Severity.ERROR
READS_PAYLOAD = True
KINDS = ('workload_group',)
CHECK = "built-in-workload-group"  # the registry validator's check (kqllint/policies/problem.py)


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    return findings(view, CHECK)
