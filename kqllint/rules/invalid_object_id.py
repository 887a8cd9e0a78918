"""Reports an `ObjectId` (or update policy `ManagedIdentity`) that is neither a GUID nor `system`.

## What it does
Flags an `ObjectId` string that is not 8-4-4-4-12 hexadecimal digits and not the reserved word
`system`: a truncated GUID, 32 digits without hyphens, a GUID in parentheses or padded with
spaces, an empty string, a name. The message says which group of a GUID has too many or too
few digits, and when spaces are all that is wrong. Any case and any GUID version or variant is accepted (the
docs' own `aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb` is valid). Template text is reported by
`placeholder-object-id` (P004) instead, a GUID in braces by `braced-object-id` (P006).

The same check judges every identity property of the registry's schemas: an update policy's
`ManagedIdentity` as well as ManagedIdentity's `ObjectId`; the message names the property.

## Why is this bad?
`ObjectId` is the object (principal) id of a managed identity assigned to the cluster, or
`system` for the cluster's system-assigned identity. The service cannot resolve anything else
to an identity and rejects the command; the policy is not changed.

**Decision**: a GUID is the 8-4-4-4-12 form the docs and the Azure portal show. Forms .NET
might also parse (no hyphens, parentheses) are reported, because nothing documents them.

## Example
````kusto
.alter database db policy managed_identity ```
[{ "ObjectId": "aaaaaaaa000011112222bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion" }]```
````

## Use instead
````kusto
.alter database db policy managed_identity ```
[{ "ObjectId": "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AllowedUsages": "NativeIngestion" }]```
````

## Fix safety
There is no fix: which identity was meant is not known for sure (the help shows the likely
GUID when the digits are all there).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kqllint.diagnostic import Severity
from kqllint.model import Command
from kqllint.rules._policy import GUID, SYSTEM, content_span, guid_bounds, is_placeholder
from kqllint.rules._rule import Context, Finding
from kqllint.rules._view import IDENTITY_KINDS, View

CODE = "P003"
NAME = "invalid-object-id"
SEVERITY = Severity.ERROR
KINDS = IDENTITY_KINDS
READS_PAYLOAD = True
_HEX32 = re.compile(r"[0-9a-fA-F]{32}")
_HEX = re.compile(r"[0-9a-fA-F]+")
_GROUPS = (8, 4, 4, 4, 12)
_ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth"}


def _help(value: str) -> str:
    inner = value.strip().strip("()")
    if _HEX32.fullmatch(inner):
        inner = "-".join((inner[:8], inner[8:12], inner[12:16], inner[16:20], inner[20:]))
    if inner != value and (GUID.fullmatch(inner) or inner == SYSTEM):
        return f"did you mean `{inner}`?"
    return "use the identity's object (principal) id, a GUID, or `system` for the system-assigned identity"


def _message(name: str, value: str) -> str:
    """What is wrong with `value`, as precisely as can be said."""
    if not value.strip():
        return f"`{name}` is empty"
    inner = value.strip()
    if inner != value and (GUID.fullmatch(inner) or inner.lower() == SYSTEM):
        what = "`system`" if inner.lower() == SYSTEM else "the GUID"
        return f"`{name}` `{value}` has spaces around {what}"
    return f"`{name}` `{value}` is not a GUID or `system`{_guid_groups(value)}"


def _guid_groups(value: str) -> str:
    """For a value shaped like a GUID (hex digits in `-`-separated groups), which group is wrong."""
    groups = value.split("-")
    if len(groups) < 3 or not all(groups) or not all(_HEX.fullmatch(g) for g in groups):
        return ""
    if len(groups) != len(_GROUPS):
        return f": it has {len(groups)} groups of digits, a GUID has 5 (8-4-4-4-12)"
    for n, (group, size) in enumerate(zip(groups, _GROUPS), start=1):
        if len(group) != size:
            return f": its {_ORDINALS[n]} group has {len(group)} digits, not {size} (8-4-4-4-12)"
    return ""


def check_view(command: Command, view: View, context: Context) -> Iterator[Finding]:
    for name, s in view.identities:
        value = s.value
        if value.lower() == SYSTEM or guid_bounds(value) or is_placeholder(value):
            continue
        yield Finding(content_span(s), _message(name, value), help=_help(value))
