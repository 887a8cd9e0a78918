"""Reports an `.alter ... policy update` that drops entries an earlier command of the script set.

## What it does
Flags an `.alter table T policy update` when the same script set table `T`'s update policy
before (with `.alter` or `.alter-merge`, and no `.delete` in between) and this `.alter` leaves
out an entry the earlier command set. The finding is on the later `.alter` and names the line
of the earlier command.

Table names compare exactly, as Kusto resolves them: Microsoft Learn's *Entity names* page
says identifiers are case-sensitive, with database names the one exception, so `Costs` and
`costs` are two tables. `db.T` and `T` are the same table only when the configuration names
the database the script is deployed to (`database = "db"`).

## Why is this bad?
`.alter` replaces every entry of a table's update policy. The earlier entries stop running, and
nothing says so: finops-toolkit#2177 lost the wiring of one ingestion path this way, with two
`.alter table Costs_raw policy update` commands in one script.

**Decision**: an `.alter` that repeats every earlier entry (an identical repeat, or one that
only adds entries) drops nothing and is not reported. A payload that is not strict JSON is
not compared.

## Example
````kusto
.alter table Costs policy update ```[{"IsEnabled": true, "Source": "Raw_EA", "Query": "EA()", "IsTransactional": true}]```

.alter table Costs policy update ```[{"IsEnabled": true, "Source": "Raw_MCA", "Query": "MCA()", "IsTransactional": true}]```
````

## Use instead
````kusto
.alter table Costs policy update ```[
  {"IsEnabled": true, "Source": "Raw_EA", "Query": "EA()", "IsTransactional": true},
  {"IsEnabled": true, "Source": "Raw_MCA", "Query": "MCA()", "IsTransactional": true}
]```
````

## Fix safety
There is no fix: only the author knows which entries the table needs.
"""

from __future__ import annotations

from kqllint.diagnostic import Severity
from kqllint.model import Script
from kqllint.rules._across import UPDATE_REPLACED, findings
from kqllint.rules._rule import Context, Finding

CODE = "P301"
NAME = UPDATE_REPLACED
SEVERITY = Severity.WARNING


def check_script(script: Script, context: Context) -> list[Finding]:
    return findings(script, context, NAME)
