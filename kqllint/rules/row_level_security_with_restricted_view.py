"""Reports row level security and restricted view access both enabled on one table.

## What it does
Flags the later of two commands of one script that enable, on the same table, a row level
security policy (`policy row_level_security enable ...`) and restricted view access
(`policy restricted_view_access true`, also through `tables (...)`), with no `disable`,
`false` or `.delete` of the earlier one in between. The finding is on `enable` or `true` and
names the line of the earlier command.

Table names compare exactly and database names ignoring case, as Kusto compares them
(Microsoft Learn, *Entity names*); `db.T` matches `T` only when the configuration names the
deployment's database.

## Why is this bad?
The docs of both policies say they cannot be combined: restricted view access cannot be
enabled on a table with an enabled row level security policy, nor the other way round. Kusto
rejects the later command, and the deployment fails there.

**Decision**: an error, since the service rejects the command.

## Example
````kusto
.alter table Sales policy restricted_view_access true

.alter table Sales policy row_level_security enable "RestrictSales()"
````

## Use instead
````kusto
.alter table Sales policy row_level_security enable "RestrictSales()"
````

## Fix safety
There is no fix: choose the policy the table needs.
"""

from __future__ import annotations

from kqllint.diagnostic import Severity
from kqllint.model import Script
from kqllint.rules._across import SECURITY_CONFLICT, findings
from kqllint.rules._rule import Context, Finding

CODE = "P304"
NAME = SECURITY_CONFLICT
SEVERITY = Severity.ERROR


def check_script(script: Script, context: Context) -> list[Finding]:
    return findings(script, context, NAME)
