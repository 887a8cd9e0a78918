"""Reports a usage in `AllowedUsages` that the ManagedIdentity policy does not know.

## What it does
Checks every comma-separated item of `AllowedUsages` against the ten documented usages: `All`,
`AutomatedFlows`, `AzureAI`, `DataConnection`, `ExportRequest`, `ExternalDataRequest`,
`ExternalTable`, `NativeIngestion`, `SandboxArtifacts`, `SqlRequest`, and flags any other,
suggesting the nearest (`ExternalTables`, a typo the docs themselves make once, is
`ExternalTable`). A known name in another case is `usage-case` (P012), the old
`AutomatedFlow` is `renamed-usage` (P011), a repeat is `duplicate-usage` (P013).

## Why is this bad?
The service validates the usages and rejects the command, so the identity gets none of them;
the policy is not changed.

## Example
````kusto
.alter database db policy managed_identity ```
[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion, ExternalTables" }]```
````

## Use instead
````kusto
.alter database db policy managed_identity ```
[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion, ExternalTable" }]```
````

## Fix safety
Replacing the name with the suggestion is **unsafe**: it grants a permission kqllint guessed.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Applicability, Edit, Fix, Severity
from kqllint.model import Command
from kqllint.rules._policy import CANONICAL_USAGE, RENAMED_USAGES, USAGES, policy
from kqllint.rules._rule import Context, Finding
from kqllint.suggest import did_you_mean

CODE = "P010"
NAME = "unknown-usage"
SEVERITY = Severity.ERROR
FIXABLE = True


def check_command(command: Command, context: Context) -> Iterator[Finding]:
    for u in policy(command).first_usages:
        low = u.text.lower()
        if low in CANONICAL_USAGE or low in RENAMED_USAGES:
            continue
        guess = did_you_mean(u.text, USAGES)
        if guess is None and any(sep in u.text for sep in ";| "):
            yield Finding(u.span, f"unknown usage `{u.text}`", help="separate usages with `,`")
            continue
        if guess is None:
            yield Finding(u.span, f"unknown usage `{u.text}`", help=f"the usages are {', '.join(USAGES)}")
            continue
        fix = Fix(f"replace with `{guess}`", (Edit(u.span, guess),), Applicability.UNSAFE)
        yield Finding(u.span, f"unknown usage `{u.text}`", help=f"did you mean `{guess}`?", fix=fix)
