"""Reports a documented enumeration value written in another case.

## What it does
Flags a value of a closed set written in another case than the docs write it:
`"enabled"` for retention's `Recoverability`, `"hash"` for a partition key's `Kind`. Values
the docs themselves write in several cases are not checked.

## Why is this bad?
The service reads these values ignoring case, so the command works, but every doc and `.show`
write the documented spelling, and a reader comparing values is misled.

**Decision**: a warning, as for property names (`property-case`).

## Example
````kusto
.alter table T policy retention ```{ "SoftDeletePeriod": "10.00:00:00", "Recoverability": "enabled" }```
````

## Use instead
````kusto
.alter table T policy retention ```{ "SoftDeletePeriod": "10.00:00:00", "Recoverability": "Enabled" }```
````

## Fix safety
Writing the documented spelling is **safe**: the service reads both the same.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Applicability, Severity
from kqllint.model import Command
from kqllint.rules._generic import findings
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import View

CODE = "P108"
NAME = "enum-value-case"
SEVERITY = Severity.WARNING
READS_PAYLOAD = True
FIXABLE = True
CHECK = "enum-case"  # the registry validator's check (kqllint/policies/problem.py)


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    return findings(view, CHECK, Applicability.SAFE)
