"""Reports a mirroring partition that Kusto or the service refuses.

## What it does
Checks each entry of a mirroring policy's `partition by (Name: type = expression, ...)`:
- the type is `string` or `datetime`;
- a `string` partition is a column, as written (`Region`);
- a `datetime` partition is `startofyear`, `startofmonth`, `startofweek` or `startofday` of a
  column, or `bin(Column, timespan)`;
- no two partitions share a name, ignoring case.

## Why is this bad?
Kusto's parser accepts only those types and functions: anything else makes it stop at the
partition and skip the rest of the command. The docs require partition names to be unique
ignoring case (and distinct from the table's columns, which kqllint cannot see here).

**Decision**: an error: the parser rejects the first three, and the docs forbid the last.

## Example
````kusto
.alter table Events policy mirroring partition by (Day: datetime = hourofday(Timestamp), day: string = Region) kind = delta
````

## Use instead
````kusto
.alter table Events policy mirroring partition by (Day: datetime = startofday(Timestamp), Region: string = Region) kind = delta
````

## Fix safety
There is no fix: which function or name was meant is not known.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kqllint.diagnostic import Severity, Span
from kqllint.model import Argument, Command
from kqllint.rules._rule import Context, Finding

CODE = "P214"
NAME = "invalid-mirroring-partition"
SEVERITY = Severity.ERROR
READS_PAYLOAD = True  # the keyword form's arguments
KINDS = ('mirroring',)

_COLUMN = r"(?:[A-Za-z_][A-Za-z0-9_]*|\[\s*'[^']*'\s*\]|\[\s*\"[^\"]*\"\s*\])"
_ENTRY = re.compile(r"\s*(\w+)\s*=\s*(.*?)\s*\Z", re.S)
_STRING = re.compile(_COLUMN + r"\Z")
_DATETIME = re.compile(
    r"(?:(?:startofyear|startofmonth|startofweek|startofday)\s*\(\s*" + _COLUMN + r"\s*\)"
    r"|bin\s*\(\s*" + _COLUMN + r"\s*,\s*[^,()]+\))\Z"
)
_FUNCTIONS = "`startofyear`, `startofmonth`, `startofweek` or `startofday` of a column, or `bin(Column, 1d)`"


def check_command(command: Command, context: Context) -> Iterator[Finding]:
    seen: dict[str, Argument] = {}
    for argument in _partitions(command):
        name = argument.name
        assert name is not None
        label = name.text[:-1].strip()
        entry = _ENTRY.match(argument.value.text)
        if entry is None:
            continue  # not `type = expression`: Kusto's parser says what is wrong
        type_, expression = entry.group(1), entry.group(2)
        value = argument.value.span
        if type_ not in ("string", "datetime"):
            yield Finding(value, f"partition `{label}` has type `{type_}`; mirroring partitions are `string` or"
                          " `datetime`", help="write `string = Column` or `datetime = startofday(Column)`")
        elif type_ == "string" and not _STRING.match(expression):
            yield Finding(value, f"the `string` partition `{label}` must be a column, not `{expression}`",
                          help="partition by the column itself")
        elif type_ == "datetime" and not _DATETIME.match(expression):
            yield Finding(value, f"the `datetime` partition `{label}` must be {_FUNCTIONS}, not `{expression}`",
                          help="write, e.g., `datetime = startofday(Timestamp)`")
        earlier = seen.get(label.lower())
        if earlier is not None:
            first = earlier.name.text[:-1].strip()  # type: ignore[union-attr]
            yield Finding(Span(name.span.start, name.span.start + len(label)),
                          f"partition `{label}` has the name of partition `{first}` (names compare ignoring case)",
                          help="give each partition its own name")
        seen.setdefault(label.lower(), argument)


def _partitions(command: Command) -> Iterator[Argument]:
    """The `Name: type = expression` entries after `partition by (`."""
    words = command.arguments
    for i, argument in enumerate(words[:-1]):
        if argument.name is None and argument.value.text.lower() == "partition" and words[i + 1].name is None \
                and words[i + 1].value.text.lower() == "by":
            for entry in words[i + 2:]:
                if entry.name is None or not entry.name.text.endswith(":"):
                    return
                yield entry
            return
