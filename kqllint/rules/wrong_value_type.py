"""Reports a policy property whose value has the wrong JSON type.

## What it does
Flags a property value of another JSON type than the policy kind's schema gives it: a number
for a string (`"ObjectId": 12`, `"Source": null`), a string for a boolean (`"IsEnabled":
"true"`), a string or a fraction for an integer, an object where an array belongs inside the
policy (`"PartitionKeys": {...}`), and the reverse. Property names are matched ignoring case,
and when one is given twice the last value (the one a JSON reader keeps) is checked. It
replaces the ManagedIdentity rule `P009`, which stays accepted as an alias; the payload's own
shape is `wrong-payload-shape` (J002), an array element that is not an object
`element-not-object` (J003).

## Why is this bad?
The service reads the policy object into typed properties; a value of another type fails to
bind and the command is rejected. ManagedIdentity's `AllowedUsages`, in particular, is one
string holding a comma-separated list, not a JSON array.

**Decision**: an error: the service rejects the command.

## Example
````kusto
.alter table T policy update ```
[{ "IsEnabled": "true", "Source": "Raw", "Query": "Parse()", "IsTransactional": true }]```
````

## Use instead
````kusto
.alter table T policy update ```
[{ "IsEnabled": true, "Source": "Raw", "Query": "Parse()", "IsTransactional": true }]```
````

## Fix safety
Where the meaning is certain, a string holding `true`, `false` or an integer is written as that
JSON value. The fix is **unsafe**: it turns a command that fails into one that sets the policy,
which deserves a review. No other value is fixed.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Applicability, Severity
from kqllint.model import Command
from kqllint.policies.problem import Problem
from kqllint.rules._generic import findings
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import View

CODE = "P103"
NAME = "wrong-value-type"
SEVERITY = Severity.ERROR
READS_PAYLOAD = True
FIXABLE = True


def _inside(problem: Problem) -> bool:
    """A property's value: not the payload itself (J002), not an element of it (J003)."""
    path = problem.path
    return bool(path) and not (len(path) == 1 and isinstance(path[0], int))


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    yield from findings(view, "wrong-type", Applicability.UNSAFE, _inside)
    yield from findings(view, "wrong-shape", Applicability.UNSAFE, _inside)
