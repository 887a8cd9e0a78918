r"""Reports an escape sequence Kusto does not know in a quoted policy literal.

## What it does
In `'...'` and `"..."` literals Kusto knows `\\`, `\'`, `\"`, `\t`, `\n`, `\r`, `\a`, `\b`,
`\f`, `\v`, `\uXXXX`, `\UXXXXXXXX`, `\xHH` and octal escapes; any other is an error.

## Why is this bad?
Kusto.Language rejects the literal. JSON escapes such as `\/` must be written `\\/` inside a
quoted Kusto literal, which is why fenced literals suit JSON better.

## Example
````kusto
.alter database db policy managed_identity "[{\"ObjectId\": \"system\", \"AllowedUsages\": \"All\q\"}]"
````

## Use instead
````kusto
.alter database db policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "All"}]```
````

## Fix safety
There is no fix: what the escape should have been is not known.
"""

from kqllint.diagnostic import Severity

CODE = "S012"
NAME = "invalid-escape"
SEVERITY = Severity.ERROR
FIXABLE = False
# Reported by the parser (kqllint/command.py, kqllint/script.py); this module documents it.
