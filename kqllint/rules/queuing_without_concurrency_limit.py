"""Reports request queuing on a workload group without a group-wide concurrency limit.

## What it does
Flags a `.create-or-alter workload_group` whose `RequestQueuingPolicy` is enabled while its
`RequestRateLimitPolicies` hold no limit with `"Scope": "WorkloadGroup"` and `"LimitKind":
"ConcurrentRequests"`. `.alter-merge` is not judged: it keeps the limits the group already has.

## Why is this bad?
The docs say queuing applies only to a group with such a limit: requests over the limit wait
instead of failing. Without one there is nothing to queue behind, and the setting does nothing.

**Decision**: a warning: the docs state the condition, not how the service reacts.

## Example
````kusto
.create-or-alter workload_group Reports ```{ "RequestQueuingPolicy": { "IsEnabled": true } }```
````

## Use instead
````kusto
.create-or-alter workload_group Reports ```
{
  "RequestQueuingPolicy": { "IsEnabled": true },
  "RequestRateLimitPolicies": [
    { "IsEnabled": true, "Scope": "WorkloadGroup", "LimitKind": "ConcurrentRequests", "Properties": { "MaxConcurrentRequests": 20 } }
  ]
}
```
````

## Fix safety
There is no fix: the limit's value is the author's to choose.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Severity
from kqllint.model import Command
from kqllint.rules._generic import findings
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import View

CODE = "P212"
NAME = "queuing-without-concurrency-limit"
SEVERITY = Severity.WARNING
READS_PAYLOAD = True
KINDS = ('workload_group',)
CHECK = "queuing-without-concurrency-limit"  # the registry validator's check (kqllint/policies/problem.py)


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    return findings(view, CHECK)
