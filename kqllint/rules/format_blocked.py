"""Reports a file the formatter leaves unchanged because it has a syntax or payload JSON error.

## What it does
`kqllint format` (and `format_text`) writes nothing for a file with any error-severity syntax
finding (`S…`), or a JSON payload that cannot be read or has the wrong shape for its policy
kind (`J001`-`J003`), anywhere in it. It reports this once, at the first such error; `kqllint format` then exits
with status 2.

## Why is this bad?
The formatter proves each change safe by reading the result back and comparing it with what
was there. A command it cannot read has no meaning to compare, and reformatting the readable
commands around a broken one would mix two kinds of change in one diff. So, as black does with
a file it cannot parse, it leaves the whole file as it is.

## Example
````kusto
.alter database db polcy managed_identity ```[]```

.show   cluster  policy managed_identity
````

## Use instead
````kusto
.alter database db policy managed_identity ```[]```

.show cluster policy managed_identity
````

## Fix safety
There is no fix: mend the errors `kqllint check` reports (some have fixes of their own), then
format again.
"""

from kqllint.diagnostic import Severity

CODE = "F001"
NAME = "format-blocked"
SEVERITY = Severity.ERROR
# Reported by the formatter (kqllint/formatter.py), never by `kqllint check`.
