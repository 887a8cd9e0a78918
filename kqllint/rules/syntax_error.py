"""Reports a command that does not follow the grammar of the ManagedIdentity policy commands.

## What it does
A ManagedIdentity policy command is `.alter`, `.alter-merge`, `.show` or `.delete`, then
`cluster` or `database [DatabaseName]`, then `policy managed_identity`, then (for `.alter` and
`.alter-merge`) the policy in a string literal. kqllint names the word it expected and the one
it found: "expected `policy`, found `polcy`". A misspelled keyword gets a "did you mean".

## Why is this bad?
Kusto.Language rejects the command, or does not recognise it at all; the deployment fails.
After a syntax error kqllint skips the command's other rules: their findings would be guesses.

## Example
````kusto
.alter database db polcy managed_identity ```[]```
.alter merge database db policy managed_identity ```[]```
````

## Use instead
````kusto
.alter database db policy managed_identity ```[]```
.alter-merge database db policy managed_identity ```[]```
````

## Fix safety
The replacement of a misspelled keyword is **unsafe**: it turns a command that fails into one that
changes a policy, so a person should confirm it was the command they meant.
"""

from kqllint.diagnostic import Severity

CODE = "S001"
NAME = "syntax-error"
SEVERITY = Severity.ERROR
FIXABLE = True
# Reported by the parser (kqllint/command.py, kqllint/script.py); this module documents it.
