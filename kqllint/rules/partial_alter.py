"""Reports an `.alter` that resets the properties it does not give.

## What it does
Flags an `.alter` of the capacity or query weak consistency policy that leaves out documented
properties, and names them. The docs say such an `.alter` sets every property it does not give
back to its default.

## Why is this bad?
A script that means to change one limit quietly resets all the others, undoing settings made
earlier. `.alter-merge` changes only the properties it gives.

**Decision**: info: the command is valid and may be meant; the finding points out what else it
changes.

## Example
````kusto
.alter cluster policy query_weak_consistency ```{ "PercentageOfNodes": 30 }```
````

## Use instead
````kusto
.alter-merge cluster policy query_weak_consistency ```{ "PercentageOfNodes": 30 }```
````

## Fix safety
There is no fix: whether the reset is meant is not known.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Severity
from kqllint.model import Command
from kqllint.rules._generic import findings
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import View

CODE = "P210"
NAME = "partial-alter"
SEVERITY = Severity.INFO
READS_PAYLOAD = True
KINDS = ('capacity', 'query_weak_consistency')
CHECK = "partial-alter"  # the registry validator's check (kqllint/policies/problem.py)


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    return findings(view, CHECK)
