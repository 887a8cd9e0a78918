"""Reports a policy argument given to `.show` or `.delete`.

## What it does
`.show` and `.delete` take no argument, whatever the policy kind: they read or remove the
entity's whole policy of that kind.

## Why is this bad?
The service rejects the command. A `.delete` with a policy often means `.alter` was meant.

## Example
````kusto
.delete database db policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "All"}]```
````

## Use instead
````kusto
.alter database db policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "All"}]```
````

## Fix safety
There is no fix: removing the argument or changing the verb are both plausible.
"""

from kqllint.diagnostic import Severity

CODE = "S005"
NAME = "unexpected-payload"
SEVERITY = Severity.ERROR
FIXABLE = False
# Reported by the parser (kqllint/command.py, kqllint/script.py); this module documents it.
