"""Reports an `.alter` or `.alter-merge` of a database policy without a database name.

## What it does
Flags `.alter` and `.alter-merge` of any policy kind written as `database policy KIND`
(`database policy managed_identity`, `database policy retention`), with no database name. (`.delete` requires the name; `missing-required-database-name` (S007) covers it.)

## Why is this bad?
The Kusto docs mark *DatabaseName* as required. Kusto.Language accepts the command and falls back
to the context database: the policy lands on whichever database the connection points at, which
in a deployment script is rarely what was meant, and differs between environments.

**Decision**: kqllint follows the docs and warns; it is not an error because Kusto accepts it.

**Decision**: `.show database policy managed_identity` (with or without a `| query` after it)
is not reported. It only reads a policy: at worst it shows the context database's policy,
which the output names, and it cannot put a policy on the wrong database.

## Example
````kusto
.alter database policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "All"}]```
````

## Use instead
````kusto
.alter database Sales policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "All"}]```
````

## Fix safety
There is no fix: the database is not known.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Severity
from kqllint.model import Command, Scope
from kqllint.rules._rule import Context, Finding

CODE = "C001"
NAME = "missing-database-name"
SEVERITY = Severity.WARNING


def check_command(command: Command, context: Context) -> Iterator[Finding]:
    if not command.verb_kind.takes_payload:
        return  # `.show` only reads; `.delete` without a name is S007
    if command.scope_kind is Scope.DATABASE and command.database is None and command.scope:
        yield Finding(
            command.scope.span,
            f"`.{command.verb_kind.value} database` without a database name",
            help="name the database: the context database differs between connections",
        )
