"""Reports two sandbox policy entries for one `SandboxKind`.

## What it does
Flags a sandbox policy entry whose `SandboxKind` (compared ignoring case) an earlier entry of
the same array already has.

## Why is this bad?
Each sandbox kind has one policy; the docs do not say which of two entries for it the service
keeps, so the limits that apply are uncertain.

**Decision**: a warning: the docs say one entry per kind, but not how the service treats a
second one.

## Example
````kusto
.alter cluster policy sandbox ```[{ "SandboxKind": "PythonExecution", "IsEnabled": true }, { "SandboxKind": "PythonExecution", "IsEnabled": false }]```
````

## Use instead
````kusto
.alter cluster policy sandbox ```[{ "SandboxKind": "PythonExecution", "IsEnabled": true }]```
````

## Fix safety
There is no fix: which entry is meant is not known.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Severity
from kqllint.model import Command
from kqllint.rules._generic import findings
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import View

CODE = "P211"
NAME = "duplicate-sandbox-kind"
SEVERITY = Severity.WARNING
READS_PAYLOAD = True
KINDS = ('sandbox',)
CHECK = "duplicate-sandbox-kind"  # the registry validator's check (kqllint/policies/problem.py)


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    return findings(view, CHECK)
