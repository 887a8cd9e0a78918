"""Reports the same `ObjectId` in two objects of one policy.

## What it does
Flags an `ObjectId` that an earlier object of the same payload already names, comparing GUIDs
ignoring case and braces (and `system` ignoring case), on `.alter` and `.alter-merge` alike.

## Why is this bad?
One identity should have one object listing all its usages. The docs do not say what the
service does with two: reject the command, merge their usages, or keep the last. Whichever it
is, a reader sees two grants where the policy holds one, and when only one object survives,
the usages of the other are silently lost.

**Decision**: unknown service behaviour, a mistake either way; kqllint warns on both verbs.

## Example
````kusto
.alter database db policy managed_identity ```
[
  { "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion" },
  { "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "ExternalTable" }
]```
````

## Use instead
````kusto
.alter database db policy managed_identity ```
[
  { "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion, ExternalTable" }
]```
````

## Fix safety
There is no fix: merging the objects is a decision about what to grant.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Severity
from kqllint.model import Command
from kqllint.rules._policy import content_span, guid_bounds
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import View

CODE = "P017"
NAME = "duplicate-object-id"
SEVERITY = Severity.WARNING
KINDS = ("managed_identity",)
READS_PAYLOAD = True


def _identity(value: str) -> str:
    bounds = guid_bounds(value)
    return (value[bounds[0] : bounds[1]] if bounds else value).lower()


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    seen: set[str] = set()
    for s in view.policy.object_ids:
        identity = _identity(s.value)
        if identity in seen:
            yield Finding(
                content_span(s),
                f"`ObjectId` `{s.value}` is already given in this policy",
                help="list all of the identity's usages in one object",
            )
        seen.add(identity)
