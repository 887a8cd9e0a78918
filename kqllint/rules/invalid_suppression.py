"""Reports a `// kqllint:` comment that is malformed or names an unknown rule code.

## What it does
Flags a comment starting with `// kqllint:` that is not one of `ignore[CODE, ...]`,
`ignore-file[CODE, ...]`, `disable[CODE, ...]` or `enable[CODE, ...]` (with at least one code),
and each code in such a comment that is not a rule code. Codes must be written in full
(`P010`, not `P0` or `unknown-usage`); text after the closing `]` is a free reason.

## Why is this bad?
A malformed suppression or a misspelt code suppresses nothing, so the finding it was meant for
is still reported, or worse, the author stops looking because they believe it is handled.

## Example
````kusto
// kqllint: ignore[P01O] the legacy identity is kept on purpose
.alter database db policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "All"}]```
````

## Use instead
````kusto
// kqllint: ignore[P010] the legacy identity is kept on purpose
.alter database db policy managed_identity ```[{"ObjectId": "system", "AllowedUsages": "All"}]```
````

## Fix safety
There is no fix: only the author knows which code was meant. The `help:` line suggests the
closest known code or directive.
"""

from __future__ import annotations

from kqllint.diagnostic import Severity

CODE = "M002"
NAME = "invalid-suppression"
SEVERITY = Severity.WARNING
FIXABLE = False
# The findings are made by `kqllint.suppression`, which parses every `// kqllint:` comment.
