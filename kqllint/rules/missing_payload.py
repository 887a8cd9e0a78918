"""Reports an `.alter` or `.alter-merge` without its policy argument.

## What it does
`.alter` and `.alter-merge` need the argument the policy kind takes after its name: a JSON
array in one string literal after `managed_identity`, a JSON object after `retention` (or, for
`.alter-merge`, its keyword arguments: `softdelete = 10d`), a JSON object or `enable` after
`streamingingestion`, and so on (`docs/policies.md` lists each kind's forms). The help shows
one.

## Why is this bad?
The service rejects the command. If a blank line separates the command from its policy,
`blank-line-in-command` (C004) reports that instead.

## Example
````kusto
.alter database db policy managed_identity
````

## Use instead
````kusto
.alter database db policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "All"}]```
````

## Fix safety
There is no fix: the policy is not known.
"""

from kqllint.diagnostic import Severity

CODE = "S006"
NAME = "missing-payload"
SEVERITY = Severity.ERROR
FIXABLE = False
# Reported by the parser (kqllint/command.py, kqllint/script.py); this module documents it.
