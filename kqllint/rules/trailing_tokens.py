"""Reports text after a complete command that is neither `| query` nor `; query`.

## What it does
After the policy argument (or after the kind for `.show` and `.delete`) a command may only be
followed by `|` or `;` and a query over its result. A second string literal is reported too:
Kusto does not join adjacent literals.

## Why is this bad?
Kusto.Language silently skips such text, or the service rejects the request; either way the
command does not do what the file says.

## Example
````kusto
.alter database db policy managed_identity ```[]``` ```[]```
.show database db policy managed_identity StormEvents
````

## Use instead
````kusto
.alter database db policy managed_identity ```[]```
.show database db policy managed_identity | project Policy
````

## Fix safety
There is no fix: the extra text may be a command that lost its blank line, or a typo.
"""

from kqllint.diagnostic import Severity

CODE = "S004"
NAME = "trailing-tokens"
SEVERITY = Severity.ERROR
FIXABLE = False
# Reported by the parser (kqllint/command.py, kqllint/script.py); this module documents it.
