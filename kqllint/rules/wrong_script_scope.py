"""Reports a cluster-level command in `.execute database script` and a database-level one in `.execute cluster script`.

## What it does
Checks the policy commands, of every kind, inside the body of `.execute database script <|` and
`.execute cluster script <|` against the script's scope.

## Why is this bad?
A database script cannot hold cluster-level commands, and a cluster script cannot hold
database-level ones: the service rejects the whole script.

## Example
````kusto
.execute database script <|
.alter cluster policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "All"}]```
````

## Use instead
````kusto
.execute cluster script <|
.alter cluster policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "All"}]```
````

## Fix safety
There is no fix: whether the command or the script is wrong is not known.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Severity, Span
from kqllint.model import Command, Container, Scope
from kqllint.rules._rule import Context, Finding

CODE = "C005"
NAME = "wrong-script-scope"
SEVERITY = Severity.ERROR

_WRONG = {Container.DATABASE_SCRIPT: Scope.CLUSTER, Container.CLUSTER_SCRIPT: Scope.DATABASE}


def check_command(command: Command, context: Context) -> Iterator[Finding]:
    wrong = _WRONG.get(command.container)
    if wrong is not None and command.scope_kind is wrong and command.scope is not None:
        script = "database" if command.container is Container.DATABASE_SCRIPT else "cluster"
        yield Finding(
            Span(command.span.start, command.scope.span.end),
            f"{wrong.value}-level command inside `.execute {script} script`",
            help=f"move it to an `.execute {wrong.value} script`, or out of the script",
        )
