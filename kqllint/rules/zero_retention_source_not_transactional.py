"""Reports a non-transactional update policy reading a table whose soft-delete period is 0.

## What it does
Flags an update policy entry whose `Source` table gets a soft-delete period of 0 in the same
script (`"SoftDeletePeriod": "00:00:00"` in a retention policy, or `softdelete = 0d`), when the
entry is enabled and its `IsTransactional` is not `true` (it defaults to `false`). Whichever
comes later is flagged: the entry, naming the retention command's line, or the soft-delete
period, naming the update policy's line. A later retention policy with another period, or a
`.delete` of either policy, ends the conflict.

`Source` names a table of the target table's database; names compare exactly (table names
are case-sensitive, Microsoft Learn, *Entity names*), and `db.T` matches `T` only when the
configuration names the deployment's database. Wildcard sources (`SourceIsWildCard`) are not
matched.

## Why is this bad?
With a soft-delete period of 0 the source rows are never kept: they exist only while the update
policies run. The update policy docs say that any update policy reading such a table must be
transactional; a non-transactional one that fails loses the rows for good.

**Decision**: a warning, as the other checks across commands: the table's retention may also
be set outside the script.

## Example
````kusto
.alter-merge table Raw policy retention softdelete = 0d recoverability = disabled

.alter table Parsed policy update ```[{"IsEnabled": true, "Source": "Raw", "Query": "Parse()"}]```
````

## Use instead
````kusto
.alter-merge table Raw policy retention softdelete = 0d recoverability = disabled

.alter table Parsed policy update ```[{"IsEnabled": true, "Source": "Raw", "Query": "Parse()", "IsTransactional": true}]```
````

## Fix safety
There is no fix: a transactional policy changes how ingestion failures behave.
"""

from __future__ import annotations

from kqllint.diagnostic import Severity
from kqllint.model import Script
from kqllint.rules._across import ZERO_SOURCE, findings
from kqllint.rules._rule import Context, Finding

CODE = "P303"
NAME = ZERO_SOURCE
SEVERITY = Severity.WARNING


def check_script(script: Script, context: Context) -> list[Finding]:
    return findings(script, context, NAME)
