"""Reports a string literal with no closing quote or fence.

## What it does
A `'...'` or `"..."` literal must close on the line it opens on; a ```` ``` ```` or `~~~`
multi-line literal must be closed by the same fence.

## Why is this bad?
Everything after the opening quote becomes part of the literal; the command is rejected.

## Example
````kusto
.alter database db policy managed_identity "[{"ObjectId": ...

````

## Use instead
````kusto
.alter database db policy managed_identity ```
[{"ObjectId": "system", "AllowedUsages": "All"}]
```
````

## Fix safety
There is no fix: where the string should end is a guess.
"""

from kqllint.diagnostic import Severity

CODE = "S002"
NAME = "unterminated-string"
SEVERITY = Severity.ERROR
FIXABLE = False
# Reported by the parser (kqllint/command.py, kqllint/script.py); this module documents it.
