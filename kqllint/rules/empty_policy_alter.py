"""Reports `.alter … policy managed_identity` with an empty array.

## What it does
Flags an `.alter` (cluster or database) whose payload is `[]`.

## Why is this bad?
`.alter` replaces the whole policy: an empty array removes every identity from it, and with
them ingestion, export, external tables and every other flow that runs as those identities.
It is often an unfinished template or an `.alter` written where `.alter-merge` was meant.
When clearing is the intent, `.delete … policy managed_identity` says so plainly.

## Example
````kusto
.alter database db policy managed_identity ```[]```
````

## Use instead
````kusto
.delete database db policy managed_identity
````

## Fix safety
There is no fix: whether the policy should really be cleared is a decision.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Severity
from kqllint.model import Command, Scope, Verb
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import View

CODE = "P022"
NAME = "empty-policy-alter"
SEVERITY = Severity.WARNING
KINDS = ("managed_identity",)
READS_PAYLOAD = True
READS_HEAD = True  # not checked after a syntax error in the head


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    array = view.policy.array
    if command.verb_kind is not Verb.ALTER or array is None or array.items:
        return
    target = "cluster"
    if command.scope_kind is Scope.DATABASE:
        target = f"database {command.database.text}" if command.database else "database"
    yield Finding(
        array.span,
        "an empty policy removes every identity from the policy",
        help=f"to clear the policy, write `.delete {target} policy managed_identity`",
    )
