"""Reports a database name that must be bracketed.

## What it does
A name with characters other than letters, digits and `_` (`my-db`, `Sales.2024`, `Données`)
must be written `['my-db']`. So must a name Kusto would read as the next keyword where the name
is optional (`prettyname` on `.alter`; `data`, `cache`, `extents`, `schema` on `.show`).

## Why is this bad?
Kusto.Language stops the name at the first other character, or reads the word as a keyword;
the command is rejected or means something else.

## Example
````kusto
.alter database my-db policy managed_identity ```[]```
````

## Use instead
````kusto
.alter database ['my-db'] policy managed_identity ```[]```
````

## Fix safety
Bracketing is **safe**: `['x']` names exactly the database `x`.
"""

from kqllint.diagnostic import Severity

CODE = "S010"
NAME = "unbracketed-database-name"
SEVERITY = Severity.ERROR
FIXABLE = True
# Reported by the parser (kqllint/command.py, kqllint/script.py); this module documents it.
