"""Reports an `.alter-merge ... policy update` entry identical to one the script already set.

## What it does
Flags an entry of an `.alter-merge table T policy update` payload that is identical to an
entry the same script set on table `T` earlier (by `.alter` or `.alter-merge`, not removed by
a later `.alter` or `.delete`). Entries compare as JSON values: the order of their properties
does not matter, their names and values do. The finding is on the entry and names the line of
the earlier command.

Table names compare exactly and database names ignoring case, as Kusto compares them
(Microsoft Learn, *Entity names*: identifiers are case-sensitive, database names are not).

## Why is this bad?
`.alter-merge` appends entries to an update policy without removing duplicates (the command's
docs say so). Two identical entries run the same query twice for every ingestion into the
source table, so the target table gets every row twice.

**Decision**: only entries set earlier in the same script are known; an entry the table held
before the script ran cannot be seen. A payload that is not strict JSON is not compared.

## Example
````kusto
.alter table Parsed policy update ```[{"IsEnabled": true, "Source": "Raw", "Query": "Parse()", "IsTransactional": true}]```

.alter-merge table Parsed policy update ```[{"IsEnabled": true, "Source": "Raw", "Query": "Parse()", "IsTransactional": true}]```
````

## Use instead
````kusto
.alter table Parsed policy update ```[{"IsEnabled": true, "Source": "Raw", "Query": "Parse()", "IsTransactional": true}]```
````

## Fix safety
There is no fix: which of the two commands should go is the author's choice.
"""

from __future__ import annotations

from kqllint.diagnostic import Severity
from kqllint.model import Script
from kqllint.rules._across import DUPLICATE_ENTRY, findings
from kqllint.rules._rule import Context, Finding

CODE = "P302"
NAME = DUPLICATE_ENTRY
SEVERITY = Severity.WARNING


def check_script(script: Script, context: Context) -> list[Finding]:
    return findings(script, context, NAME)
