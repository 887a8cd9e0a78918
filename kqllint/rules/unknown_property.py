"""Reports a property the policy kind's documentation does not list.

## What it does
Flags a key of a policy object (or a keyword argument) that is not among the documented
properties of the command's policy kind, compared ignoring case (a known name in another case is
`property-case` (P102)), and suggests the nearest documented name. Every kind of the registry
with a payload schema is checked: ManagedIdentity's `ObjectId`/`AllowedUsages`, update's
`Source`/`Query`, retention's `SoftDeletePeriod`, and so on. It replaces the ManagedIdentity
rule `P019`, which stays accepted as an alias.

## Why is this bad?
A misspelt property (`SourceTable` for `Source`, `AllowedUsage` for `AllowedUsages`) leaves
the real one at its default or missing, and an invented one suggests a setting the service does
not have.

**Decision**: a warning, not an error. The docs list the properties but do not say what the
service does with another one; Json.NET, its reader, ignores unknown members by default, so the
command most likely runs and silently does less than it says.

## Example
````kusto
.alter table T policy update ```
[{ "IsEnabled": true, "SourceTable": "Raw", "Query": "Parse()", "IsTransactional": true }]```
````

## Use instead
````kusto
.alter table T policy update ```
[{ "IsEnabled": true, "Source": "Raw", "Query": "Parse()", "IsTransactional": true }]```
````

## Fix safety
There is no fix: whether the property was misspelt or invented is not known.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Severity
from kqllint.model import Command
from kqllint.rules._generic import findings
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import View

CODE = "P101"
NAME = "unknown-property"
SEVERITY = Severity.WARNING
READS_PAYLOAD = True
CHECK = "unknown-property"  # the registry validator's check (kqllint/policies/problem.py)


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    return findings(view, CHECK)
