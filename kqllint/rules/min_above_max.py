"""Reports a minimum above its maximum.

## What it does
Flags a pair of bounds given the wrong way round: a capacity sub-object whose
`MinimumConcurrentOperationsPerNode` or `ClusterMinimumConcurrentOperations` is above the
matching maximum, a query weak consistency policy whose `MinimumNumberOfNodes` is above
`MaximumNumberOfNodes` (neither being `-1`, the service's default), a query acceleration hot
window whose `MinValue` is after its `MaxValue`, or a caching `hot_window = datetime(from) ..
datetime(to)` whose `from` is after its `to`.

## Why is this bad?
The two bounds describe a range, and a range whose start is past its end holds nothing: the
values were most likely swapped.

**Decision**: a warning: the docs say the minimum must not exceed the maximum, but not how the
service reacts when it does.

## Example
````kusto
.alter-merge cluster policy query_weak_consistency ```{ "MinimumNumberOfNodes": 10, "MaximumNumberOfNodes": 3 }```
````

## Use instead
````kusto
.alter-merge cluster policy query_weak_consistency ```{ "MinimumNumberOfNodes": 3, "MaximumNumberOfNodes": 10 }```
````

## Fix safety
There is no fix: which of the two values is wrong is not known.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Severity
from kqllint.model import Command
from kqllint.rules._generic import findings
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import View

CODE = "P209"
NAME = "min-above-max"
SEVERITY = Severity.WARNING
READS_PAYLOAD = True
KINDS = ('caching', 'capacity', 'query_acceleration', 'query_weak_consistency')
CHECK = "min-above-max"  # the registry validator's check (kqllint/policies/problem.py)


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    return findings(view, CHECK)
