"""Reports a command the formatter left as written because its new form would not mean the same.

## What it does
After formatting, `kqllint format` reads the whole result back and compares every command with
the original: the same verb, scope and keywords as written, the same database name, the same
`| query` tail, and the same JSON values (a policy object's keys in canonical order,
`AllowedUsages` as the list of its trimmed items). A command that fails the comparison keeps
its original text, and this finding says so; the rest of the file is still formatted.

## Why is this bad?
It is not the script that is wrong: it is kqllint's formatter. A formatter that changed what a
command does would be worse than none, so it refuses, as black's `assert_equivalent` does.

## Example
````kusto
// any command the formatter cannot rewrite faithfully
````

## Use instead
````kusto
// the same command, left as written; please report it to kqllint
````

## Fix safety
There is no fix; the command is left exactly as it was.
"""

from kqllint.diagnostic import Severity

CODE = "F002"
NAME = "format-changed-meaning"
SEVERITY = Severity.WARNING
# Reported by the formatter (kqllint/formatter.py), never by `kqllint check`.
