"""Reports a policy set twice on one entity, where the later command drops or changes the earlier.

## What it does
For every policy kind but update (P301 covers it), flags a command that undoes part of what an
earlier command of the script set on the same entity, with no `.delete` in between:

- an `.alter` that leaves out, or sets to another value, a property (or keyword argument, or
  array entry) an earlier `.alter` or `.alter-merge` set: `.alter` replaces the whole policy,
  and what it leaves out goes back to its default;
- an `.alter-merge` that sets a property an earlier command set to another value. What an
  `.alter-merge` leaves out is kept, so only the changed properties count; an array
  `.alter-merge` (managed_identity, callout) adds entries and is not reported.

The finding is on the later command's verb and names the line of the earlier command. Names
compare as Kusto compares them (Microsoft Learn, *Entity names*): database names ignoring
case, table, view and column names exactly; `db.T` matches `T` only when the configuration
names the deployment's database.

## Why is this bad?
The earlier command has no lasting effect, or less than it says: a deployment script that sets
a policy twice usually holds a leftover or a copy-paste mistake, and the value that wins may
not be the one meant.

**Decision**: an identical repeat drops nothing and is not reported (running a policy command
twice is harmless, and concatenated scripts do it). The JSON and the keyword form of one kind
(`retention`) are not compared with each other, and neither are payloads that are not strict
JSON. A `.drop` or `.rename` of a table, view, column or database makes the check forget
what was set before it.

## Example
````kusto
.alter table Events policy caching hot = 30d

.alter table Events policy caching hot = 7d
````

## Use instead
````kusto
.alter table Events policy caching hot = 7d
````

## Fix safety
There is no fix: only the author knows which value is meant.
"""

from __future__ import annotations

from kqllint.diagnostic import Severity
from kqllint.model import Script
from kqllint.rules._across import POLICY_REPLACED, findings
from kqllint.rules._rule import Context, Finding

CODE = "P305"
NAME = POLICY_REPLACED
SEVERITY = Severity.WARNING


def check_script(script: Script, context: Context) -> list[Finding]:
    return findings(script, context, NAME)
