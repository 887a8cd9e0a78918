"""Reports an extent tag prefix that does not end in its only colon.

## What it does
Flags an extent tags retention entry whose `TagPrefix` does not end with `:`, or has a `:`
before its end (`"drop-by"`, `"a:b:"`).

## Why is this bad?
The docs require a prefix such as `drop-by:` ending in its one colon; the service rejects
another.

**Decision**: an error: the service rejects it.

## Example
````kusto
.alter table T policy extent_tags_retention ```[{ "TagPrefix": "drop-by", "RetentionPeriod": "1.00:00:00" }]```
````

## Use instead
````kusto
.alter table T policy extent_tags_retention ```[{ "TagPrefix": "drop-by:", "RetentionPeriod": "1.00:00:00" }]```
````

## Fix safety
There is no fix: where the colon belongs is not certain.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Severity
from kqllint.model import Command
from kqllint.rules._generic import findings
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import View

CODE = "P207"
NAME = "invalid-tag-prefix"
SEVERITY = Severity.ERROR
READS_PAYLOAD = True
KINDS = ('extent_tags_retention',)
CHECK = "bad-tag-prefix"  # the registry validator's check (kqllint/policies/problem.py)


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    return findings(view, CHECK)
