"""Reports a name after `cluster` in the cluster form.

## What it does
The cluster form applies to the cluster the command runs on; it takes no cluster name.

## Why is this bad?
Kusto.Language rejects the command.

## Example
````kusto
.alter cluster mycluster policy managed_identity ```[]```
````

## Use instead
````kusto
.alter cluster policy managed_identity ```[]```
````

## Fix safety
Removing the name is **safe**: the name had no effect the command could have had.
"""

from kqllint.diagnostic import Severity

CODE = "S009"
NAME = "cluster-name-given"
SEVERITY = Severity.ERROR
FIXABLE = True
# Reported by the parser (kqllint/command.py, kqllint/script.py); this module documents it.
