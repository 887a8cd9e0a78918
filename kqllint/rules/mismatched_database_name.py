"""Reports a command naming another database than the one a database-context script is deployed to.

## What it does
In a file that runs in a database context (`context = "database"`, a `per-file-context` glob,
or `// kqllint: context=database` before the first statement) whose target database is
configured (`database = "Sales"`, or a `per-file-database` glob), flags `.alter`,
`.alter-merge` and `.delete` of a policy on `database X` where `X` is not that database.
`.show` only reads and is not reported; a `{parameter}` name is filled in at deployment and is
not compared; nothing is reported without a configured database.

## Why is this bad?
A database script (an ARM/Bicep `Microsoft.Kusto/clusters/databases/scripts` resource,
Terraform's `azurerm_kusto_script`, a pipeline task bound to one database) is meant to change
the database it is deployed to. A command naming another one is most often a script copied
from another environment (`Sales_dev` into `Sales_prod`) with one name left behind: it either
fails for want of rights on the other database, or changes a database the deployment did not
mean to touch.

**Decision**: a warning, not an error. Whether the service runs the command depends on the
principal's rights on the other database, which kqllint cannot see; when it runs, it silently
changes something else than the deployment says.

**Decision**: database names compare ignoring case, as Kusto compares them: the Kusto docs'
"Entity names" page (learn.microsoft.com, `kusto/query/schema-entities/entity-names`) says
identifiers are case-sensitive, with database names the exception. `sales` is `Sales`.

## Example
With `context = "database"` and `database = "Sales_prod"`:

````kusto
.alter-merge database Sales_dev policy retention ```{"SoftDeletePeriod": "30.00:00:00"}```
````

## Use instead
````kusto
.alter-merge database Sales_prod policy retention ```{"SoftDeletePeriod": "30.00:00:00"}```
````

## Fix safety
There is no fix: whether the name or the deployment's target is wrong is not known.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Severity
from kqllint.model import Command, Container, NameQuoting, Verb
from kqllint.policies.commands import Entity
from kqllint.rules._rule import Context, Finding

CODE = "C007"
NAME = "mismatched-database-name"
SEVERITY = Severity.WARNING


def check_command(command: Command, context: Context) -> Iterator[Finding]:
    target = context.database
    if context.runs_in != "database" or target is None or command.verb_kind is Verb.SHOW:
        return
    name = command.database
    if command.entity is not Entity.DATABASE or name is None or command.container is Container.CLUSTER_SCRIPT:
        return  # a database-level command in `.execute cluster script` is C005's
    if name.quoting is NameQuoting.PARAMETER or name.value.casefold() == target.casefold():
        return
    yield Finding(
        name.span,
        f"`.{command.verb_kind.value} database {name.text}` in a script deployed to database `{target}`",
        help=f"name `{target}`, or move the command to the script deployed to `{name.value}`",
    )
