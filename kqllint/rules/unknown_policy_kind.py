"""Reports a misspelled `managed_identity` policy kind.

## What it does
A command that reads like a ManagedIdentity policy command but spells the kind differently
(`managed_identitty`, `MANAGED-IDENTITY`, `managedidentity`) within two edits.

## Why is this bad?
Kusto knows no such policy kind; the command is rejected and the policy is not set.

## Example
````kusto
.alter database db policy managed-identity ```[]```
````

## Use instead
````kusto
.alter database db policy managed_identity ```[]```
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
