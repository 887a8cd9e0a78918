"""Reports a `.` with no command name after it.

## What it does
A control command is `.` followed by its verb.

## Why is this bad?
The service rejects the request.

## Example
````kusto
.
.show cluster policy managed_identity
````

## Use instead
````kusto
.show cluster policy managed_identity
````

## Fix safety
There is no fix: the intended command is not known.
"""

from kqllint.diagnostic import Severity

CODE = "S011"
NAME = "empty-command"
SEVERITY = Severity.ERROR
FIXABLE = False
# Reported by the parser (kqllint/command.py, kqllint/script.py); this module documents it.
