"""Reports a `.` with no command name after it.

## What it does
A control command is `.` followed by its verb. Flags a statement that starts with `.` and no
command name: at the start of a request (after a blank line), or on any line of an
`.execute database|cluster script <|` body, where each line starting with `.` starts a command.

A line starting with `.` inside another statement (at the top level) does not start a command,
and this rule leaves it alone: Kusto splits a script into requests at blank lines only, so
`...` eliding the rows of a `datatable(…)` in the docs, or a line `.5`, is text of the query
or command it is in. Kusto.Language reads such a block as one query (it reports the `...` as
an unexpected fragment of that query, and `.5` is not a number in KQL either); kqllint leaves
queries to Kusto and reports nothing there.

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
