"""Reports a command the formatter left as written because formatting it again changed it again.

## What it does
After formatting, `kqllint format` formats its own result a second time. Any command that the
second pass would change again keeps its original text, and this finding says so; the rest of
the file is still formatted.

## Why is this bad?
It is not the script that is wrong: it is kqllint's formatter. A formatter must be idempotent
(`format(format(x)) == format(x)`), or `kqllint format --check` would fail forever on a file it
formatted itself; black's `assert_stable` makes the same check.

## Example
````kusto
// any command whose formatted form the formatter would change again
````

## Use instead
````kusto
// the same command, left as written; please report it to kqllint
````

## Fix safety
There is no fix; the command is left exactly as it was.
"""

from kqllint.diagnostic import Severity

CODE = "F003"
NAME = "format-unstable"
SEVERITY = Severity.WARNING
# Reported by the formatter (kqllint/formatter.py), never by `kqllint check`.
