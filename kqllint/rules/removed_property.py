"""Reports a property the docs once listed and no longer do.

## What it does
Flags a property the registry marks as removed from the docs, such as the merge policy's
`LoopPeriod`.

## Why is this bad?
The service may still read it, but nothing documents what it does now; it is usually a
leftover of an old script.

**Decision**: info: the command works; the property is noise at worst.

## Example
````kusto
.alter table T policy merge ```{ "RowCountUpperBoundForMerge": 16000000, "LoopPeriod": "01:00:00" }```
````

## Use instead
````kusto
.alter table T policy merge ```{ "RowCountUpperBoundForMerge": 16000000 }```
````

## Fix safety
There is no fix: remove it unless support asked for it.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Severity
from kqllint.model import Command
from kqllint.rules._generic import findings
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import View

CODE = "P113"
NAME = "removed-property"
SEVERITY = Severity.INFO
READS_PAYLOAD = True
CHECK = "removed-property"  # the registry validator's check (kqllint/policies/problem.py)


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    return findings(view, CHECK)
