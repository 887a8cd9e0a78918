"""Reports a timespan not written as `[d.]hh:mm[:ss[.fffffff]]`.

## What it does
Flags a timespan property (retention's `SoftDeletePeriod`, ingestion batching's
`MaximumBatchingTimeSpan`, merge's `MaxRangeInHours` periods, ...) whose string is not a .NET
`TimeSpan` in constant form: `"10d"`, `"1h"`, `"P10D"`, `"25:00:00"`. In keyword forms
(`softdelete = 10x`) it flags a value that is not a Kusto timespan literal.

## Why is this bad?
The service parses the string with .NET's `TimeSpan.Parse`: `"10d"` and `"P10D"` are rejected,
and a bare number such as `"10"` is read as ten *days*, whatever unit was meant.

**Decision**: a warning, not an error: some of these forms fail and some are silently read
another way, and which depends on the text.

## Example
````kusto
.alter table T policy retention ```{ "SoftDeletePeriod": "10d", "Recoverability": "Enabled" }```
````

## Use instead
````kusto
.alter table T policy retention ```{ "SoftDeletePeriod": "10.00:00:00", "Recoverability": "Enabled" }```
````

## Fix safety
When the meaning is certain (`"10d"`, `"1.5h"`, `"PT30M"`, `7D` in a keyword form) the fix
writes the same length in the documented form (`"10.00:00:00"`). It is **unsafe**: it turns a
command that fails (or reads another length) into one that sets the policy, which deserves a
review. The formatter never changes a timespan; only this fix does.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Applicability, Severity
from kqllint.model import Command
from kqllint.rules._generic import findings
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import View

CODE = "P110"
NAME = "invalid-timespan"
SEVERITY = Severity.WARNING
READS_PAYLOAD = True
FIXABLE = True
CHECK = "bad-timespan"  # the registry validator's check (kqllint/policies/problem.py)


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    return findings(view, CHECK, Applicability.UNSAFE)
