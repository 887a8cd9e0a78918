"""Reports a value outside its documented range.

## What it does
Flags a number or timespan outside the range the docs give for it: ingestion batching's
`MaximumBatchingTimeSpan` (10 seconds to 30 minutes), `MaximumNumberOfItems` (1 to 25,000) and
`MaximumRawDataSizeMB` (100 to 4,096), partitioning's `MaxPartitionCount` (above 1, at most
2,048), a negative soft-delete period, too many items in an array.

## Why is this bad?
The service enforces these ranges and rejects the command.

**Decision**: an error: the docs state the range as enforced.

## Example
````kusto
.alter table T policy ingestionbatching ```
{ "MaximumBatchingTimeSpan": "01:00:00", "MaximumNumberOfItems": 500, "MaximumRawDataSizeMB": 1024 }```
````

## Use instead
````kusto
.alter table T policy ingestionbatching ```
{ "MaximumBatchingTimeSpan": "00:30:00", "MaximumNumberOfItems": 500, "MaximumRawDataSizeMB": 1024 }```
````

## Fix safety
There is no fix: which value in the range was meant is not known.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Severity
from kqllint.model import Command
from kqllint.rules._generic import findings
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import View

CODE = "P112"
NAME = "value-out-of-range"
SEVERITY = Severity.ERROR
READS_PAYLOAD = True
CHECK = "out-of-range"  # the registry validator's check (kqllint/policies/problem.py)


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    return findings(view, CHECK)
