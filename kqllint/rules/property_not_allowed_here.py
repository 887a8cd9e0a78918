"""Reports a property the docs allow on other entities only.

## What it does
Flags a property (or keyword argument) that the registry allows only on some entities,
given on another: row level security's `allowMaterializedViewsWithoutRowLevelSecurity` is a
table's option, not a materialized view's.

## Why is this bad?
The docs define the property for one kind of entity only; on another the service has nothing
to apply it to.

**Decision**: an error, as the severity rule asks for what the service rejects: the docs say
where the property may be given, and only there.

## Example
````kusto
.alter materialized-view V policy row_level_security enable with (allowMaterializedViewsWithoutRowLevelSecurity = true) "Q"
````

## Use instead
````kusto
.alter materialized-view V policy row_level_security enable "Q"
````

## Fix safety
There is no fix: whether the property or the entity is wrong is not known.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Severity
from kqllint.model import Command
from kqllint.rules._generic import findings
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import View

CODE = "P106"
NAME = "property-not-allowed-here"
SEVERITY = Severity.ERROR
READS_PAYLOAD = True
CHECK = "not-allowed-at-scope"  # the registry validator's check (kqllint/policies/problem.py)


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    return findings(view, CHECK)
