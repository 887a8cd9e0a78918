"""Reports a `Custom` merge lookback without `CustomPeriod`.

## What it does
Flags a merge policy whose `Lookback` has `Kind` `Custom` and no `CustomPeriod`.

## Why is this bad?
A custom lookback is defined by its period; without one the docs do not say what is merged.

**Decision**: a warning: the docs say it is needed, the service's reaction is unknown.

## Example
````kusto
.alter table T policy merge ```{ "Lookback": { "Kind": "Custom" } }```
````

## Use instead
````kusto
.alter table T policy merge ```{ "Lookback": { "Kind": "Custom", "CustomPeriod": "07:00:00" } }```
````

## Fix safety
There is no fix: the period is not known.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Severity
from kqllint.model import Command
from kqllint.rules._generic import findings
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import View

CODE = "P205"
NAME = "custom-lookback-without-period"
SEVERITY = Severity.WARNING
READS_PAYLOAD = True
KINDS = ('merge',)
CHECK = "custom-lookback-without-period"  # the registry validator's check (kqllint/policies/problem.py)


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    return findings(view, CHECK)
