"""Reports an update policy that is not transactional.

## What it does
Flags an update policy entry whose `IsTransactional` is `false`, or not given (the default
is `false`).

## Why is this bad?
A non-transactional update policy that fails leaves the source table ingested and the target
table without the data, silently. The docs advise transactional policies for production.

**Decision**: info: it is a valid choice in some designs, but usually an oversight.

## Example
````kusto
.alter table Target policy update ```
[{ "IsEnabled": true, "Source": "Raw", "Query": "Parse()", "IsTransactional": false }]```
````

## Use instead
````kusto
.alter table Target policy update ```
[{ "IsEnabled": true, "Source": "Raw", "Query": "Parse()", "IsTransactional": true }]```
````

## Fix safety
There is no fix: a transactional policy changes how failures behave.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Severity
from kqllint.model import Command
from kqllint.rules._generic import findings
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import View

CODE = "P203"
NAME = "update-not-transactional"
SEVERITY = Severity.INFO
READS_PAYLOAD = True
KINDS = ('update',)
CHECK = "not-transactional"  # the registry validator's check (kqllint/policies/problem.py)


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    return findings(view, CHECK)
