"""Reports a `// kqllint:` suppression comment that suppresses nothing.

## What it does
Flags a code in a `// kqllint: ignore[...]`, `ignore-file[...]` or `disable[...]` comment when
no finding of that code is there to suppress, an `ignore` comment that is neither on the line
before a command nor at the end of a command's first (or last) line, and an `enable[...]` without an
earlier `disable[...]` of the same code. Codes of rules the configuration turns off for the
file are not judged (another configuration may turn them on), nor are the `M` codes.

## Why is this bad?
A suppression outlives the problem it was written for: once the command is mended, the comment
stays and silently hides the next mistake of that kind in the same command, range or file.
A misplaced `ignore` suppresses nothing at all, while its author believes it does.

## Example
````kusto
// kqllint: ignore[P010]
.alter database db policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "All"}]```
````

## Use instead
````kusto
.alter database db policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "All"}]```
````

## Fix safety
Removing the unused codes (the whole comment when none is left) is **safe**: they suppress
nothing. A misplaced `ignore` has no fix; move it to the line before its command.
"""

from __future__ import annotations

from kqllint.diagnostic import Severity

CODE = "M001"
NAME = "unused-suppression"
SEVERITY = Severity.INFO
FIXABLE = True
# The findings are made by `kqllint.suppression`, which sees every other rule's findings.
