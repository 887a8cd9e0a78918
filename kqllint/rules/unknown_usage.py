"""Reports a usage in `AllowedUsages` that the ManagedIdentity policy does not know.

## What it does
Checks every comma-separated item of `AllowedUsages` against the ten documented usages: `All`,
`AutomatedFlows`, `AzureAI`, `DataConnection`, `ExportRequest`, `ExternalDataRequest`,
`ExternalTable`, `NativeIngestion`, `SandboxArtifacts`, `SqlRequest`, and flags any other,
suggesting the nearest (`ExternalTables`, a typo the docs themselves make once, is
`ExternalTable`). A known name in another case is `usage-case` (P012), the old
`AutomatedFlow` is `renamed-usage` (P011), a repeat is `duplicate-usage` (P013). Usages joined
by `;`, `|` or spaces instead of `,` are named as such.

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
Usages joined by `;`, `|` or spaces are separated with `,` when each is a known usage; that is
**unsafe** too, as it turns a command that fails into one that grants them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kqllint.diagnostic import Applicability, Edit, Fix, Severity
from kqllint.model import Command
from kqllint.rules._policy import CANONICAL_USAGE, RENAMED_USAGES, USAGES, Usage
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import View
from kqllint.suggest import did_you_mean

CODE = "P010"
NAME = "unknown-usage"
SEVERITY = Severity.ERROR
KINDS = ("managed_identity",)
READS_PAYLOAD = True
FIXABLE = True
_OTHER_SEPARATOR = re.compile(r"[;|]|\s")
_SPLIT = re.compile(r"\s*[;|]\s*|\s+")


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    for u in view.policy.first_usages:
        low = u.text.lower()
        if low in CANONICAL_USAGE or low in RENAMED_USAGES:
            continue
        separated = _separated(u)
        if separated is not None:
            yield separated
            continue
        guess = did_you_mean(u.text, USAGES)
        if guess is None:
            yield Finding(u.span, f"unknown usage `{u.text}`", help=f"the usages are {', '.join(USAGES)}")
            continue
        fix = Fix(f"replace with `{guess}`", (Edit(u.span, guess),), Applicability.UNSAFE)
        yield Finding(u.span, f"unknown usage `{u.text}`", help=f"did you mean `{guess}`?", fix=fix)


def _separated(u: Usage) -> Finding | None:
    """The finding for usages joined by another separator than `,` (`;`, `|`, spaces)."""
    m = _OTHER_SEPARATOR.search(u.text)
    parts = [p for p in _SPLIT.split(u.text) if p]
    if m is None or len(parts) < 2:
        return None
    sep = "spaces" if m.group().isspace() else f"`{m.group()}`"
    joined = ", ".join(parts)
    message = f"unknown usage `{u.text}`: usages are separated by `,`, not by {sep}"
    fix = None
    if all(p.lower() in CANONICAL_USAGE or p.lower() in RENAMED_USAGES for p in parts):
        fix = Fix("separate the usages with `,`", (Edit(u.span, joined),), Applicability.UNSAFE)
    return Finding(u.span, message, help=f"write `{joined}`", fix=fix)
