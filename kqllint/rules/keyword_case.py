"""Reports command keywords that are not lowercase.

## What it does
Flags `.ALTER`, `Database`, `POLICY`, `Managed_Identity` and every other keyword of a
ManagedIdentity policy command that is not written in lowercase.

## Why is this bad?
Kusto.Language matches command keywords exactly and case-sensitively: to it, `.ALTER cluster
policy managed_identity` is not the alter command at all (it reports nothing and recognises
nothing), and `.alter cluster POLICY managed_identity` is a syntax error. The service parses
commands the same way, so the deployment fails.

**Decision**: an error, not a warning, because Kusto rejects the command; kqllint still reads
the command in any case so that its other rules can check the policy.

## Example
````kusto
.ALTER Cluster POLICY managed_identity ```[]```
````

## Use instead
````kusto
.alter cluster policy managed_identity ```[]```
````

## Fix safety
Lowercasing is **safe**: it writes the keyword Kusto expects and changes nothing else.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Edit, Fix, Severity
from kqllint.model import Command
from kqllint.rules._rule import Context, Finding

CODE = "C002"
NAME = "keyword-case"
SEVERITY = Severity.ERROR
FIXABLE = True


def check_command(command: Command, context: Context) -> Iterator[Finding]:
    for word in (command.verb, command.scope, command.policy, command.kind):
        if word is not None and word.text != word.text.lower():
            yield Finding(
                word.span,
                f"keyword `{word.text}` is not lowercase; Kusto matches command keywords case-sensitively",
                help=f"write `{word.text.lower()}`",
                fix=Fix(f"lowercase `{word.text}`", (Edit(word.span, word.text.lower()),)),
            )
