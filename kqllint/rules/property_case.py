"""Reports a policy property name written in another case than the docs write it.

## What it does
Flags `objectId`, `softDeletePeriod`, `ISENABLED` and every other spelling of a documented
property name, of any policy kind, that differs from the documented one only in case. It
replaces the ManagedIdentity rule `P020`, which stays accepted as an alias.

## Why is this bad?
Json.NET, the service's reader, binds property names ignoring case, so the command most likely
works; but every doc and `.show` write the documented name, other JSON tools match names
exactly, and a second spelling hides duplicates from a reader.

**Decision**: the docs are silent on case; kqllint warns and writes the documented name. The
other rules still read the value under any case.

## Example
````kusto
.alter table T policy retention ```{ "softDeletePeriod": "10.00:00:00", "Recoverability": "Enabled" }```
````

## Use instead
````kusto
.alter table T policy retention ```{ "SoftDeletePeriod": "10.00:00:00", "Recoverability": "Enabled" }```
````

## Fix safety
Writing the documented name is **safe**: Json.NET binds both spellings to the same property.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Applicability, Severity
from kqllint.model import Command
from kqllint.rules._generic import findings
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import View

CODE = "P102"
NAME = "property-case"
SEVERITY = Severity.WARNING
READS_PAYLOAD = True
FIXABLE = True
CHECK = "property-case"  # the registry validator's check (kqllint/policies/problem.py)


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    return findings(view, CHECK, Applicability.SAFE)
