"""Reports a policy object without a property its kind requires.

## What it does
Flags every policy object that lacks a property the docs require on the command's verb:
ManagedIdentity's `ObjectId` and `AllowedUsages`, update's `Source` and `Query`, streaming
ingestion's `IsEnabled` on `.alter`, auto delete's `ExpiryDate`, and the others the registry
lists. A name in another case counts as present (`property-case` (P102) reports it). It
replaces the ManagedIdentity rules `P001` (`missing-object-id`) and `P002`
(`missing-allowed-usages`), which stay accepted as aliases.

## Why is this bad?
The docs say the property must be given; without it the service does not know what to apply
(which identity, which source table) and rejects the command.

**Decision**: an error: the service rejects the command. The help points at a misspelt key
that was probably meant (`"Sourse"`), or says what to add.

## Example
````kusto
.alter database db policy managed_identity ```[{ "AllowedUsages": "NativeIngestion" }]```
````

## Use instead
````kusto
.alter database db policy managed_identity ```
[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion" }]```
````

## Fix safety
There is no fix: the value is not known.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Severity
from kqllint.model import Command
from kqllint.rules._generic import findings
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import View

CODE = "P104"
NAME = "missing-property"
SEVERITY = Severity.ERROR
READS_PAYLOAD = True
CHECK = "missing-required"  # the registry validator's check (kqllint/policies/problem.py)


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    return findings(view, CHECK)
