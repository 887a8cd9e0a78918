"""Reports a value outside a property's documented set.

## What it does
Flags a string property whose documented values are a closed set (retention's
`Recoverability`, merge's `Lookback.Kind`, partitioning's `Kind` and `Function`, ...) given a
value that is none of them in any case, and suggests the nearest documented value.

## Why is this bad?
The service parses these values into an enumeration; a misspelt one (`Disable` for `Disabled`)
does not mean what it says.

**Decision**: a warning, not an error: the docs list the values but not what the service does
with another one.

## Example
````kusto
.alter table T policy retention ```{ "SoftDeletePeriod": "10.00:00:00", "Recoverability": "Disable" }```
````

## Use instead
````kusto
.alter table T policy retention ```{ "SoftDeletePeriod": "10.00:00:00", "Recoverability": "Disabled" }```
````

## Fix safety
There is no fix: a near name is suggested in the help, but the intent is not certain.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Severity
from kqllint.model import Command
from kqllint.rules._generic import findings
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import View

CODE = "P107"
NAME = "unknown-enum-value"
SEVERITY = Severity.WARNING
READS_PAYLOAD = True
CHECK = "unknown-enum"  # the registry validator's check (kqllint/policies/problem.py)


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    return findings(view, CHECK)
