"""Reports a datetime property that does not parse.

## What it does
Flags a datetime property (auto delete's `ExpiryDate`, ...) whose string is not an ISO 8601
date or date and time: `"next year"`, `"2030-13-01"`, `"01/02/2030"`; and a caching
`hot_window` whose `datetime(...)` holds a date that does not exist (`datetime(2021-02-30)`).
Kusto also reads RFC 822 and RFC 850 dates in `datetime(...)`: those are not judged.

## Why is this bad?
The service cannot read the date and rejects the command, or reads a day-month order you did
not mean.

**Decision**: an error: the value is not a date.

## Example
````kusto
.alter table T policy auto_delete ```{ "ExpiryDate": "31/12/2030", "DeleteIfNotEmpty": true }```
````

## Use instead
````kusto
.alter table T policy auto_delete ```{ "ExpiryDate": "2030-12-31", "DeleteIfNotEmpty": true }```
````

## Fix safety
There is no fix: the intended date is not certain.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Severity
from kqllint.model import Command
from kqllint.rules._generic import findings
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import View

CODE = "P111"
NAME = "invalid-datetime"
SEVERITY = Severity.ERROR
READS_PAYLOAD = True
CHECK = "bad-datetime"  # the registry validator's check (kqllint/policies/problem.py)


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    return findings(view, CHECK)
