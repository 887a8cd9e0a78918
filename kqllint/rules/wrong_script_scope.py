"""Reports a cluster-level command where a database script runs, and a database-level one in `.execute cluster script`.

## What it does
Checks the policy commands, of every kind, inside the body of `.execute database script <|` and
`.execute cluster script <|` against the script's scope. In a file that runs in a database
context (`context = "database"` in the configuration, a `per-file-context` glob, or a
`// kqllint: context=database` comment before the first statement) it also checks the
commands at the top level, as if the whole file were a database script.

A command is cluster-level when the policy registry says so: its entity is `cluster`
(`.alter cluster policy …`), or its policy kind exists on the cluster only (callout, capacity,
sandbox and the other kinds the registry marks cluster-only).

## Why is this bad?
A database script cannot hold cluster-level commands, and a cluster script cannot hold
database-level ones: the service rejects the whole script.

Many deployments run a file as a database script without saying so in the file: an ARM or
Bicep `Microsoft.Kusto/clusters/databases/scripts` resource, Terraform's `azurerm_kusto_script`,
or a pipeline task bound to one database. Each sends the file to one database, and a
cluster-level command in it fails the deployment with "Command is not allowed". Such a file
looks like any other script, so kqllint cannot tell by itself; the `context` setting says it.
Without a context nothing is reported at the top level: kqllint does not guess.

## Example
````kusto
.execute database script <|
.alter cluster policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "All"}]```
````

````kusto
// kqllint: context=database
.alter-merge cluster policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "AutomatedFlows"}]```
````

## Use instead
````kusto
.execute cluster script <|
.alter cluster policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "All"}]```
````

In a database context, move the cluster-level command to a step that runs on the cluster
(with cluster admin rights), and keep the database's own commands:

````kusto
// kqllint: context=database
.alter-merge database Sales policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "AutomatedFlows"}]```
````

## Fix safety
There is no fix: whether the command or the script is wrong is not known.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Severity, Span
from kqllint.model import Command, Container, Scope
from kqllint.policies import KINDS_BY_NAME
from kqllint.policies.commands import Entity
from kqllint.rules._rule import Context, Finding

CODE = "C005"
NAME = "wrong-script-scope"
SEVERITY = Severity.ERROR

_WRONG = {Container.DATABASE_SCRIPT: Scope.CLUSTER, Container.CLUSTER_SCRIPT: Scope.DATABASE}
# The kinds that exist on the cluster only, by lowercase name (a kind in another case is C002's).
_CLUSTER_ONLY = frozenset(name.lower() for name, kind in KINDS_BY_NAME.items() if kind.cluster_only)


def check_command(command: Command, context: Context) -> Iterator[Finding]:
    if command.scope is None:
        return
    wrong = _WRONG.get(command.container)
    if wrong is not None and command.scope_kind is wrong:
        script = "database" if command.container is Container.DATABASE_SCRIPT else "cluster"
        yield Finding(
            Span(command.span.start, command.scope.span.end),
            f"{wrong.value}-level command inside `.execute {script} script`",
            help=f"move it to an `.execute {wrong.value} script`, or out of the script",
        )
    elif context.runs_in == "database" and command.container is Container.TOP and _cluster_level(command):
        yield Finding(
            Span(command.span.start, command.scope.span.end),
            "cluster-level command in a file that runs in a database context",
            help="a database script rejects it (\"Command is not allowed\"): run it in a cluster-level step",
        )


def _cluster_level(command: Command) -> bool:
    """Whether the registry makes the command cluster-level: by its entity, or by its kind."""
    kind = command.kind.text.lower() if command.kind is not None else None
    return command.entity is Entity.CLUSTER or kind in _CLUSTER_ONLY
