"""Reports a policy written as bare JSON instead of inside a string literal.

## What it does
Flags `.alter` and `.alter-merge … policy KIND` followed by `[` or `{`, for every kind whose
argument is JSON (`managed_identity`, `retention`, `update`, …): the JSON of the policy pasted
without the string literal that must hold it.

## Why is this bad?
Kusto takes the policy as one string literal token (Kusto.Language reports `Expected:
<string-literal>` at the `[` and skips the rest). The service rejects the command, and the
policy is not changed. The JSON itself may be right: only the quoting is missing.

## Example
````kusto
.alter database db policy managed_identity [{"ObjectId": "system", "AllowedUsages": "All"}]
````

## Use instead
````kusto
.alter database db policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "All"}]```
````

## Fix safety
Putting the JSON between triple backticks is **safe** when its extent is certain: its
brackets match and close within the command, every JSON string closes on its line, there is
no `//` comment and no triple backtick inside it, and only white space, comments or a `| query`
follow it. Then the fenced text is exactly what was written, and it is read as the policy.
Otherwise no fix is offered: where the JSON was meant to end is a guess.
"""

from kqllint.diagnostic import Severity

CODE = "S014"
NAME = "unquoted-payload"
SEVERITY = Severity.ERROR
FIXABLE = True
# Reported by the parser (kqllint/command.py); this module documents it.
