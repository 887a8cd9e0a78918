"""Reports a `[`, `{` or `(` that is never closed, or a closer with no opener, in a command head.

## What it does
Bracketed names (`['my-db']`) and client parameters (`{db}`) need both brackets.

## Why is this bad?
Kusto cannot tell where the name ends; the command is rejected.

## Example
````kusto
.alter database ['Sales-DB' policy managed_identity ```[]```
````

## Use instead
````kusto
.alter database ['Sales-DB'] policy managed_identity ```[]```
````

## Fix safety
There is no fix: where the bracket should close is a guess.
"""

from kqllint.diagnostic import Severity

CODE = "S003"
NAME = "unbalanced-bracket"
SEVERITY = Severity.ERROR
FIXABLE = False
# Reported by the parser (kqllint/command.py, kqllint/script.py); this module documents it.
