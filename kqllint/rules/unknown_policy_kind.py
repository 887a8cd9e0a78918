"""Reports a misspelled policy kind.

## What it does
A command that reads like a policy command but names no kind Kusto knows, within two edits of
one (`retentoin`, `managed_identitty`, `MANAGED-IDENTITY`, `managedidentity`). The help names
the nearest kind of kqllint's registry (`docs/policies.md` lists them).

## Why is this bad?
Kusto knows no such policy kind; the command is rejected and the policy is not set.

## Example
````kusto
.alter database db policy managed-identity ```[]```
.alter-merge table T policy retentoin softdelete = 10d
````

## Use instead
````kusto
.alter database db policy managed_identity ```[]```
.alter-merge table T policy retention softdelete = 10d
````

## Fix safety
The replacement is **unsafe**: it makes a failing command change a policy, so it needs review.
"""

from kqllint.diagnostic import Severity

CODE = "S008"
NAME = "unknown-policy-kind"
SEVERITY = Severity.ERROR
FIXABLE = True
# Reported by the parser (kqllint/command.py, kqllint/script.py); this module documents it.
