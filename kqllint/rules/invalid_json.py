"""Reports a policy payload that is not readable JSON.

## What it does
Flags the first place where the text inside the policy's string literal stops being JSON: a
missing `,` or `}`, an unterminated string, an unknown escape, a `//` or `/*` comment (JSON has
none), a bare word where a quoted name or value belongs, text after the array, an empty
payload, nesting deeper than 64 levels, and says how to mend it. Obfuscated (`h"..."`)
payloads are read and checked like any other.

## Why is this bad?
The service parses the payload as JSON (Json.NET) and rejects the command; the policy is not
set. Kusto.Language does not look inside the literal, so editors show nothing.

kqllint reads JSON as leniently as the docs write it: single-quoted strings and trailing commas
are accepted here and reported by `single-quoted-json` (J006) and `trailing-comma` (J005).

## Example
````kusto
.alter database db policy managed_identity ```
[
  { "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb" "AllowedUsages": "NativeIngestion" }
]```
````

## Use instead
````kusto
.alter database db policy managed_identity ```
[
  { "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion" }
]```
````

## Fix safety
There is no fix: what the JSON should have been is not known.
"""

from __future__ import annotations

from collections.abc import Iterator

from kqllint.diagnostic import Severity
from kqllint.model import Command
from kqllint.rules._rule import Context, Finding

CODE = "J001"
NAME = "invalid-json"
SEVERITY = Severity.ERROR
READS_PAYLOAD = True


def check_command(command: Command, context: Context) -> Iterator[Finding]:
    error = command.payload.error if command.payload else None
    if error is not None:
        yield Finding(error.span, error.message, help=error.help)
