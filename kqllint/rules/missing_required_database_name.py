"""Reports `.delete database` without a database name.

## What it does
Kusto.Language requires the name on `.delete database ... policy KIND`, for every policy kind
(unlike `.show`, `.alter` and `.alter-merge`, where it falls back to the context database).

## Why is this bad?
The command is rejected. A `.delete` that depended on the context database would also be
dangerous: the policy of whichever database the connection points at would go.

## Example
````kusto
.delete database policy managed_identity
````

## Use instead
````kusto
.delete database Sales policy managed_identity
````

## Fix safety
There is no fix: the name is not known.
"""

from kqllint.diagnostic import Severity

CODE = "S007"
NAME = "missing-required-database-name"
SEVERITY = Severity.ERROR
FIXABLE = False
# Reported by the parser (kqllint/command.py, kqllint/script.py); this module documents it.
