"""Reports `.alter-merge … policy managed_identity` with an empty array.

## What it does
Flags an `.alter-merge` (cluster or database) whose payload is `[]`.

## Why is this bad?
`.alter-merge` adds identities and usages to the policy and cannot remove any, so merging an
empty array changes nothing. It is a no-op; if the intent was to clear the policy, the command
does not do it.

## Example
````kusto
.alter-merge database db policy managed_identity ```[]```
````

## Use instead
````kusto
.delete database db policy managed_identity
````

## Fix safety
There is no fix: whether to drop the command or to clear the policy is a decision.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Severity
from kqllint.model import Command, Verb
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import View

CODE = "P021"
NAME = "empty-policy-alter-merge"
SEVERITY = Severity.INFO
KINDS = ("managed_identity",)
READS_PAYLOAD = True
READS_HEAD = True  # not checked after a syntax error in the head


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    array = view.policy.array
    if command.verb_kind is Verb.ALTER_MERGE and array is not None and not array.items:
        yield Finding(
            array.span,
            "merging an empty policy changes nothing",
            help="remove the command, or use `.delete … policy managed_identity` to clear the policy",
        )
